"""Pure-Python polygons: reading GeoJSON/TopoJSON, point-in-polygon with a bbox prefilter, area-weighted
centroids and a grid index that finds the polygon containing a point quickly. No shapely."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

Ring = list[tuple[float, float]]  # (lon, lat), closed or not
PolygonRings = list[Ring]  # exterior ring first, then holes


def _ring_area_centroid(ring: Ring) -> tuple[float, float, float]:
    """Signed area (shoelace) and the area-weighted centroid sums of one ring."""
    a = cx = cy = 0.0
    n = len(ring)
    for i in range(n):
        x0, y0 = ring[i]
        x1, y1 = ring[(i + 1) % n]
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return a / 2.0, cx, cy


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


@dataclass(slots=True)
class Polygon:
    """A (multi)polygon: a list of polygons, each a list of rings (exterior first, holes after)."""

    parts: list[PolygonRings]
    name: str | None = None
    properties: dict = field(default_factory=dict)
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    def __post_init__(self) -> None:
        xs = [p[0] for part in self.parts for p in part[0]] if self.parts else [0.0]
        ys = [p[1] for part in self.parts for p in part[0]] if self.parts else [0.0]
        self.bbox = (min(xs), min(ys), max(xs), max(ys))

    def contains(self, lon: float, lat: float) -> bool:
        x0, y0, x1, y1 = self.bbox
        if lon < x0 or lon > x1 or lat < y0 or lat > y1:
            return False
        for part in self.parts:
            if part and _in_ring(lon, lat, part[0]) and not any(_in_ring(lon, lat, h) for h in part[1:]):
                return True
        return False

    @property
    def area(self) -> float:
        """Planar area in square degrees (holes subtracted)."""
        total = 0.0
        for part in self.parts:
            for k, ring in enumerate(part):
                a = abs(_ring_area_centroid(ring)[0])
                total += a if k == 0 else -a
        return total

    def centroid(self) -> tuple[float, float] | None:
        """Area-weighted centroid (lon, lat) over all parts, holes subtracted."""
        sa = sx = sy = 0.0
        for part in self.parts:
            for k, ring in enumerate(part):
                a, cx, cy = _ring_area_centroid(ring)
                sign = 1.0 if k == 0 else -1.0
                # orient: exterior counted positive, holes negative, whatever the winding
                if a < 0:
                    a, cx, cy = -a, -cx, -cy
                sa += sign * a
                sx += sign * cx
                sy += sign * cy
        if sa == 0:
            if not self.parts or not self.parts[0] or not self.parts[0][0]:
                return None
            ring = self.parts[0][0]
            return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
        return (sx / (6.0 * sa), sy / (6.0 * sa))

    def representative_point(self) -> tuple[float, float] | None:
        """A point inside the polygon: the centroid if inside, else a point found by scanning the largest part."""
        c = self.centroid()
        if c is None:
            return None
        if self.contains(*c):
            return c
        largest = max(self.parts, key=lambda p: abs(_ring_area_centroid(p[0])[0]))
        ring = largest[0]
        ys = sorted({p[1] for p in ring})
        if len(ys) < 2:
            return c
        # horizontal scan line through the middle of the part: midpoint of the widest inside interval
        y = (ys[len(ys) // 2 - 1] + ys[len(ys) // 2]) / 2.0
        xs = []
        n = len(ring)
        for i in range(n):
            (xa, ya), (xb, yb) = ring[i], ring[(i + 1) % n]
            if (ya > y) != (yb > y):
                xs.append(xa + (y - ya) * (xb - xa) / (yb - ya))
        xs.sort()
        best = None
        for i in range(0, len(xs) - 1, 2):
            if best is None or xs[i + 1] - xs[i] > best[1] - best[0]:
                best = (xs[i], xs[i + 1])
        return ((best[0] + best[1]) / 2.0, y) if best else c


class PolygonIndex:
    """Finds the polygon containing a point: a grid of cells, each listing the polygons whose bbox touches it."""

    def __init__(self, polygons: Iterable[Polygon], cell: float = 0.5) -> None:
        self.polygons: list[Polygon] = list(polygons)
        self.cell = cell
        self._grid: dict[tuple[int, int], list[int]] = {}
        for i, poly in enumerate(self.polygons):
            x0, y0, x1, y1 = poly.bbox
            for gx in range(math.floor(x0 / cell), math.floor(x1 / cell) + 1):
                for gy in range(math.floor(y0 / cell), math.floor(y1 / cell) + 1):
                    self._grid.setdefault((gx, gy), []).append(i)

    def __len__(self) -> int:
        return len(self.polygons)

    def find(self, lon: float, lat: float) -> Polygon | None:
        for i in self._grid.get((math.floor(lon / self.cell), math.floor(lat / self.cell)), ()):
            if self.polygons[i].contains(lon, lat):
                return self.polygons[i]
        return None


# ---------------------------------------------------------------- reading files


def _geometry_parts(geom: dict) -> list[PolygonRings]:
    if not geom:
        return []
    t = geom.get("type")
    coords = geom.get("coordinates") or []
    if t == "Polygon":
        return [[[(float(p[0]), float(p[1])) for p in ring] for ring in coords]]
    if t == "MultiPolygon":
        return [[[(float(p[0]), float(p[1])) for p in ring] for ring in poly] for poly in coords]
    if t == "GeometryCollection":
        return [part for g in geom.get("geometries", []) for part in _geometry_parts(g)]
    return []


def _topo_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Decode TopoJSON arcs: delta-encoded and quantized when a ``transform`` is present."""
    transform = topo.get("transform")
    out = []
    for arc in topo.get("arcs", []):
        if transform:
            sx, sy = transform["scale"]
            tx, ty = transform["translate"]
            x = y = 0
            pts = []
            for p in arc:
                x += p[0]
                y += p[1]
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(float(p[0]), float(p[1])) for p in arc]
        out.append(pts)
    return out


def _topo_ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> Ring:
    ring: Ring = []
    for idx in indexes:
        pts = arcs[idx] if idx >= 0 else arcs[~idx][::-1]
        if ring:
            ring.extend(pts[1:])  # arcs share their end point with the next arc's first point
        else:
            ring.extend(pts)
    return ring


def _topo_parts(geom: dict, arcs: list[list[tuple[float, float]]]) -> list[PolygonRings]:
    t = geom.get("type")
    if t == "Polygon":
        return [[_topo_ring(r, arcs) for r in geom.get("arcs", [])]]
    if t == "MultiPolygon":
        return [[_topo_ring(r, arcs) for r in poly] for poly in geom.get("arcs", [])]
    if t == "GeometryCollection":
        return [part for g in geom.get("geometries", []) for part in _topo_parts(g, arcs)]
    return []


def _iter_topo_geometries(obj: dict) -> Iterator[dict]:
    if obj.get("type") == "GeometryCollection":
        for g in obj.get("geometries", []):
            if g.get("type") == "GeometryCollection" and "properties" not in g:
                yield from _iter_topo_geometries(g)
            else:
                yield g
    else:
        yield obj


def read_features(path: Path) -> list[tuple[dict, list[PolygonRings]]]:
    """(properties, parts) of every polygon feature of a GeoJSON or TopoJSON file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out: list[tuple[dict, list[PolygonRings]]] = []
    if data.get("type") == "Topology":
        arcs = _topo_arcs(data)
        for obj in data.get("objects", {}).values():
            for g in _iter_topo_geometries(obj):
                parts = _topo_parts(g, arcs)
                if parts:
                    out.append((g.get("properties") or {}, parts))
        return out
    if data.get("type") == "FeatureCollection":
        feats = data.get("features", [])
    elif data.get("type") == "Feature":
        feats = [data]
    else:
        feats = [{"type": "Feature", "properties": {}, "geometry": data}]
    for f in feats:
        parts = _geometry_parts(f.get("geometry") or {})
        if parts:
            out.append((f.get("properties") or {}, parts))
    return out


def round_parts(parts: list[PolygonRings], digits: int = 5) -> list:
    """A compact JSON-ready copy of the parts: coordinates rounded, rings as lists of [lon, lat]."""
    return [[[[round(x, digits), round(y, digits)] for x, y in ring] for ring in part] for part in parts]


def parts_from_json(parts: list) -> list[PolygonRings]:
    return [[[(p[0], p[1]) for p in ring] for ring in part] for part in parts]

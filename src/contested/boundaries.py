"""Boundary polygons on shapely (GEOS): reading and validating GeoJSON/TopoJSON, point in polygon through an
STRtree, centroids and representative points.

Every file is validated before anything is kept (``read_features``): coordinates must be finite numbers with
longitude in [-180, 180] and latitude in [-90, 90], rings must have at least four positions and be closed
(an unclosed ring is closed, as most tools do), and the geometry types must be Polygon, MultiPolygon or a
GeometryCollection of them. A file that breaks any of these is refused whole with ``BoundaryError`` naming
the feature (its index and name) and what is wrong. Self-intersecting rings are repaired with
``shapely.make_valid`` rather than refused: geoBoundaries' simplified files contain a few.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon
from shapely.geometry import Polygon as _ShapelyPolygon
from shapely.strtree import STRtree

Ring = list[tuple[float, float]]  # (lon, lat), closed or not
PolygonRings = list[Ring]  # exterior ring first, then holes

POLYGON_TYPES = frozenset({"Polygon", "MultiPolygon", "GeometryCollection"})
# Types a boundary file may also hold and that are skipped without error (labels, points of capitals).
SKIPPED_TYPES = frozenset({"Point", "MultiPoint", "LineString", "MultiLineString"})


class BoundaryError(ValueError):
    """A boundary file that cannot be used; the message names the feature and what is wrong."""


def _to_shapely(parts: list[PolygonRings]):
    polys = []
    for part in parts:
        if not part or len(part[0]) < 3:
            continue
        polys.append(_ShapelyPolygon(part[0], [h for h in part[1:] if len(h) >= 3]))
    geom = MultiPolygon(polys) if len(polys) != 1 else polys[0]
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
        # make_valid may return a collection with lines; keep the areal part
        if geom.geom_type == "GeometryCollection":
            geom = shapely.union_all([g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    return geom


class Polygon:
    """A (multi)polygon: ``parts`` is a list of polygons, each a list of rings (exterior first, holes after);
    the geometry itself is a shapely geometry (``geom``), repaired where the rings cross themselves."""

    __slots__ = ("parts", "name", "properties", "geom", "bbox")

    def __init__(self, parts: list[PolygonRings], name: str | None = None, properties: dict | None = None) -> None:
        self.parts = parts
        self.name = name
        self.properties = properties if properties is not None else {}
        self.geom = _to_shapely(parts)
        self.bbox: tuple[float, float, float, float] = (
            tuple(self.geom.bounds) if not self.geom.is_empty else (0.0, 0.0, 0.0, 0.0)
        )

    def contains(self, lon: float, lat: float) -> bool:
        return bool(shapely.contains_xy(self.geom, lon, lat))

    @property
    def area(self) -> float:
        """Planar area in square degrees (holes subtracted)."""
        return float(self.geom.area)

    def centroid(self) -> tuple[float, float] | None:
        """Area-weighted centroid (lon, lat)."""
        if self.geom.is_empty:
            return None
        c = self.geom.centroid
        return (c.x, c.y)

    def representative_point(self) -> tuple[float, float] | None:
        """A point inside the polygon: the centroid where it is inside, else GEOS's representative point."""
        c = self.centroid()
        if c is None:
            return None
        if self.contains(*c):
            return c
        p = self.geom.representative_point()
        return (p.x, p.y)


class PolygonIndex:
    """Finds the polygon containing a point through shapely's STRtree; where several contain it (overlapping
    files), the smallest wins."""

    def __init__(self, polygons: Iterable[Polygon]) -> None:
        self.polygons: list[Polygon] = [p for p in polygons if not p.geom.is_empty]
        self._tree = STRtree([p.geom for p in self.polygons])

    def __len__(self) -> int:
        return len(self.polygons)

    def find(self, lon: float, lat: float) -> Polygon | None:
        if not self.polygons or not (math.isfinite(lon) and math.isfinite(lat)):
            return None
        hits = self._tree.query(shapely.Point(lon, lat), predicate="intersects")
        if len(hits) == 0:
            return None
        if len(hits) == 1:
            return self.polygons[int(hits[0])]
        return min((self.polygons[int(i)] for i in hits), key=lambda p: p.area)


# ---------------------------------------------------------------- reading and validating files


def _feature_label(index: int, props: dict | None) -> str:
    name = None
    if isinstance(props, dict):
        for k in ("shapeName", "name", "NAME", "Name", "ADM1_EN", "ADM2_EN", "APMIS_Ds", "NAME_1", "NAME_2"):
            v = props.get(k)
            if isinstance(v, str) and v.strip():
                name = v.strip()
                break
    return f"feature {index + 1}" + (f" ({name!r})" if name else "")


def _position(p, where: str) -> tuple[float, float]:
    if not isinstance(p, list | tuple) or len(p) < 2:
        raise BoundaryError(f"{where}: a position must be [longitude, latitude], got {p!r:.60}")
    try:
        x, y = float(p[0]), float(p[1])
    except (TypeError, ValueError):
        raise BoundaryError(f"{where}: a coordinate is not a number: {p!r:.60}") from None
    if isinstance(p[0], bool) or isinstance(p[1], bool):
        raise BoundaryError(f"{where}: a coordinate is not a number: {p!r:.60}")
    if not (math.isfinite(x) and math.isfinite(y)):
        raise BoundaryError(f"{where}: a coordinate is not finite: [{x}, {y}]")
    if not (-180.0 <= x <= 180.0 and -90.0 <= y <= 90.0):
        raise BoundaryError(f"{where}: coordinate out of range (longitude -180..180, latitude -90..90): [{x}, {y}]")
    return (x, y)


def _ring(coords, where: str) -> Ring:
    if not isinstance(coords, list | tuple):
        raise BoundaryError(f"{where}: a ring must be a list of positions")
    ring = [_position(p, where) for p in coords]
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    if len(ring) < 4:
        raise BoundaryError(f"{where}: a ring needs at least 4 positions (3 distinct), got {len(coords)}")
    if len(set(ring)) < 3:
        raise BoundaryError(f"{where}: a ring has fewer than 3 distinct positions")
    return ring


def _polygon_rings(coords, where: str) -> PolygonRings:
    if not isinstance(coords, list | tuple) or not coords:
        raise BoundaryError(f"{where}: a polygon must be a non-empty list of rings")
    return [_ring(r, where) for r in coords]


def _geometry_parts(geom, where: str) -> list[PolygonRings] | None:
    """The polygon parts of a GeoJSON geometry; None for a geometry of a skipped type (points, lines)."""
    if geom is None:
        return None
    if not isinstance(geom, dict):
        raise BoundaryError(f"{where}: geometry is not an object")
    t = geom.get("type")
    if t in SKIPPED_TYPES:
        return None
    if t not in POLYGON_TYPES:
        raise BoundaryError(f"{where}: unknown geometry type {t!r} (Polygon, MultiPolygon, GeometryCollection)")
    if t == "GeometryCollection":
        out: list[PolygonRings] = []
        for g in geom.get("geometries") or []:
            out.extend(_geometry_parts(g, where) or [])
        return out
    coords = geom.get("coordinates")
    if t == "Polygon":
        return [_polygon_rings(coords, where)]
    if not isinstance(coords, list | tuple):
        raise BoundaryError(f"{where}: MultiPolygon coordinates must be a list of polygons")
    return [_polygon_rings(c, where) for c in coords]


def _topo_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Decode TopoJSON arcs: delta-encoded and quantized when a ``transform`` is present."""
    transform = topo.get("transform")
    out = []
    for a, arc in enumerate(topo.get("arcs", [])):
        where = f"arc {a + 1}"
        if transform:
            sx, sy = transform["scale"]
            tx, ty = transform["translate"]
            x = y = 0
            pts = []
            for p in arc:
                x += p[0]
                y += p[1]
                pts.append(_position((x * sx + tx, y * sy + ty), where))
        else:
            pts = [_position(p, where) for p in arc]
        out.append(pts)
    return out


def _topo_ring(indexes: list[int], arcs: list[list[tuple[float, float]]], where: str) -> Ring:
    ring: Ring = []
    for idx in indexes:
        if not isinstance(idx, int) or not -len(arcs) <= idx < len(arcs):
            raise BoundaryError(f"{where}: arc index {idx!r} out of range")
        pts = arcs[idx] if idx >= 0 else arcs[~idx][::-1]
        if ring:
            ring.extend(pts[1:])  # arcs share their end point with the next arc's first point
        else:
            ring.extend(pts)
    return _ring(ring, where)


def _topo_parts(geom: dict, arcs: list[list[tuple[float, float]]], where: str) -> list[PolygonRings] | None:
    t = geom.get("type")
    if t in SKIPPED_TYPES or t is None:
        return None
    if t not in POLYGON_TYPES:
        raise BoundaryError(f"{where}: unknown geometry type {t!r} (Polygon, MultiPolygon, GeometryCollection)")
    if t == "Polygon":
        return [[_topo_ring(r, arcs, where) for r in geom.get("arcs", [])]]
    if t == "MultiPolygon":
        return [[_topo_ring(r, arcs, where) for r in poly] for poly in geom.get("arcs", [])]
    return [part for g in geom.get("geometries", []) for part in (_topo_parts(g, arcs, where) or [])]


def _iter_topo_geometries(obj: dict) -> Iterator[dict]:
    if obj.get("type") == "GeometryCollection":
        for g in obj.get("geometries", []):
            if g.get("type") == "GeometryCollection" and "properties" not in g:
                yield from _iter_topo_geometries(g)
            else:
                yield g
    else:
        yield obj


def _no_constants(name: str):
    raise BoundaryError(f"not valid JSON: {name} is not a number JSON allows")


def read_features(path: Path) -> list[tuple[dict, list[PolygonRings]]]:
    """(properties, parts) of every polygon feature of a GeoJSON or TopoJSON file, validated: raises
    ``BoundaryError`` (a ValueError) naming the first wrong feature; the file is then refused whole."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"), parse_constant=_no_constants)
    except UnicodeDecodeError as exc:
        raise BoundaryError(f"not UTF-8 text: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BoundaryError(f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BoundaryError("not a GeoJSON or TopoJSON object")
    out: list[tuple[dict, list[PolygonRings]]] = []
    if data.get("type") == "Topology":
        try:
            arcs = _topo_arcs(data)
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, BoundaryError):
                raise
            raise BoundaryError(f"bad TopoJSON arcs or transform: {exc}") from None
        k = 0
        for obj in (data.get("objects") or {}).values():
            for g in _iter_topo_geometries(obj):
                props = g.get("properties") or {}
                parts = _topo_parts(g, arcs, _feature_label(k, props))
                k += 1
                if parts:
                    out.append((props, parts))
        return out
    t = data.get("type")
    if t == "FeatureCollection":
        feats = data.get("features")
        if not isinstance(feats, list):
            raise BoundaryError("FeatureCollection without a list of features")
    elif t == "Feature":
        feats = [data]
    elif t in POLYGON_TYPES or t in SKIPPED_TYPES:
        feats = [{"type": "Feature", "properties": {}, "geometry": data}]
    else:
        raise BoundaryError(f"unknown GeoJSON type {t!r}")
    for k, f in enumerate(feats):
        if not isinstance(f, dict):
            raise BoundaryError(f"feature {k + 1}: not an object")
        props = f.get("properties") or {}
        if not isinstance(props, dict):
            raise BoundaryError(f"{_feature_label(k, None)}: properties is not an object")
        parts = _geometry_parts(f.get("geometry"), _feature_label(k, props))
        if parts:
            out.append((props, parts))
    return out


def round_parts(parts: list[PolygonRings], digits: int = 5) -> list:
    """A compact JSON-ready copy of the parts: coordinates rounded, rings as lists of [lon, lat]; a ring that
    rounding leaves with fewer than 3 distinct positions is dropped (a part, where it is the exterior)."""
    out = []
    for part in parts:
        rings = []
        for k, ring in enumerate(part):
            r = [[round(x, digits), round(y, digits)] for x, y in ring]
            if len({(x, y) for x, y in r}) < 3:
                if k == 0:
                    break
                continue
            rings.append(r)
        if rings:
            out.append(rings)
    return out


def parts_from_json(parts: list) -> list[PolygonRings]:
    """Parts read back from a stored file, validated as a boundary file is (raises BoundaryError)."""
    if not isinstance(parts, list):
        raise BoundaryError("parts is not a list")
    return [_polygon_rings(part, "stored feature") for part in parts]

// contested's page: no library, no network beyond this server. The map is SVG drawn from the API's GeoJSON
// with a small equirectangular projection; the chart is SVG bars. All text from the API goes through
// textContent (never innerHTML).
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const $ = (sel) => document.querySelector(sel);
const state = { days: [], first: null, at: null, regions: new Map(), proj: null, timer: null, selected: null };

const TYPE_COLOURS = {
  "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
  "Strategic developments": "#2c6fbb", "Protests": "#27ae60", "Riots": "#8d6e63",
};
// pale fills, so that the saturated event markers stay visible on them
const CONTROL_PALETTE = ["#f4a582", "#92c5de", "#b8e186", "#c2a5cf", "#fdd49e", "#80cdc1", "#d9d9d9", "#f1b6da"];
const controllerColours = new Map();

function controllerColour(name) {
  if (name === "contested") return "url(#contested-hatch)";
  if (!controllerColours.has(name)) {
    controllerColours.set(name, CONTROL_PALETTE[controllerColours.size % CONTROL_PALETTE.length]);
  }
  return controllerColours.get(name);
}

function el(tag, attrs = {}, text = null) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) e.setAttribute(k, v);
  if (text !== null) e.textContent = text;
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

function iso(d) { return d.toISOString().slice(0, 10); }
function addDays(s, n) { const d = new Date(s + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + n); return iso(d); }

function filterQuery() {
  const p = new URLSearchParams();
  for (const [id, key] of [["#f-type", "type"], ["#f-actor", "actor"], ["#f-source", "source"]]) {
    const v = $(id).value;
    if (v) p.set(key, v);
  }
  return p;
}

// ---------------------------------------------------------------- projection

function makeProjection(bbox) {
  const [x0, y0, x1, y1] = bbox;
  const k = Math.cos(((y0 + y1) / 2) * Math.PI / 180);
  const w = 1000, h = 700, pad = 20;
  const sx = (w - 2 * pad) / Math.max((x1 - x0) * k, 1e-6), sy = (h - 2 * pad) / Math.max(y1 - y0, 1e-6);
  const s = Math.min(sx, sy);
  const ox = pad + ((w - 2 * pad) - (x1 - x0) * k * s) / 2, oy = pad + ((h - 2 * pad) - (y1 - y0) * s) / 2;
  return ([lon, lat]) => [ox + (lon - x0) * k * s, oy + (y1 - lat) * s];
}

function extendBBox(b, [x, y]) {
  b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
}

function pathOf(multi, proj) {
  let d = "";
  for (const poly of multi) for (const ring of poly) {
    ring.forEach((pt, i) => { const [x, y] = proj(pt); d += (i ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1); });
    d += "Z";
  }
  return d;
}

// ---------------------------------------------------------------- set-up

async function init() {
  const [facets, adm2, adm1] = await Promise.all([
    api("/api/facets"), api("/api/boundaries?level=ADM2"), api("/api/boundaries?level=ADM1"),
  ]);
  for (const t of facets.types) $("#f-type").append(el("option", { value: t }, t));
  for (const a of facets.actors) $("#f-actor").append(el("option", { value: a.name }, `${a.name} (${a.events})`));
  for (const s of facets.sources) if (s.source) $("#f-source").append(el("option", { value: s.source }, `${s.source} (${s.documents})`));

  const first = facets.first || iso(new Date()), last = facets.last || first;
  state.first = first;
  const n = Math.round((Date.parse(last) - Date.parse(first)) / 86400000);
  const slider = $("#date");
  slider.max = String(n);
  slider.value = String(n);
  state.at = last;

  const regions = adm2.features.length ? adm2.features : adm1.features;
  const bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of regions) for (const poly of f.geometry.coordinates) for (const pt of poly[0]) extendBBox(bbox, pt);
  if (!regions.length) {
    const all = await api("/api/export/events.geojson");
    for (const f of all.features) if (f.geometry) extendBBox(bbox, f.geometry.coordinates);
    if (!isFinite(bbox[0])) { bbox.splice(0, 4, -180, -60, 180, 80); }
    const pad = 0.5; bbox[0] -= pad; bbox[1] -= pad; bbox[2] += pad; bbox[3] += pad;
  }
  state.proj = makeProjection(bbox);
  drawRegions(regions);

  slider.addEventListener("input", () => {
    state.at = addDays(state.first, Number(slider.value));
    $("#date-label").textContent = state.at;
    clearTimeout(state.timer);
    state.timer = setTimeout(redraw, 120);
  });
  for (const id of ["#f-type", "#f-actor", "#f-source", "#f-window"]) $(id).addEventListener("change", () => { redraw(); drawChart(); });
  $("#date-label").textContent = state.at;
  await Promise.all([redraw(), drawChart()]);
  document.body.dataset.ready = "1";
}

function drawRegions(features) {
  const g = $("#regions");
  g.replaceChildren();
  const defs = el("svg:defs");
  const pat = el("svg:pattern", { id: "contested-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse",
                                  patternTransform: "rotate(45)" });
  pat.append(el("svg:rect", { width: 6, height: 6, fill: "#fbe3a6" }), el("svg:line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#c98b00", "stroke-width": 3 }));
  defs.append(pat);
  $("#map").prepend(defs);
  for (const f of features) {
    const p = el("svg:path", { d: pathOf(f.geometry.coordinates, state.proj), "data-region": f.id,
                               "data-name": f.properties.name });
    const t = el("svg:title", {}, f.properties.name + (f.properties.admin1 ? `, ${f.properties.admin1}` : ""));
    p.append(t);
    p.addEventListener("click", () => showRegion(f.id));
    g.append(p);
    state.regions.set(f.id, p);
  }
}

// ---------------------------------------------------------------- redraw at a date

async function redraw() {
  const at = state.at;
  $("#status").textContent = "loading…";
  const win = Number($("#f-window").value);
  const q = filterQuery();
  q.set("until", at); q.set("since", addDays(at, -win)); q.set("limit", "1000");
  const [control, events] = await Promise.all([api(`/api/control?at=${at}&geometry=false`), api(`/api/events.geojson?${q}`)]);
  if (at !== state.at) return; // a later date was asked for meanwhile
  // regions: reset, then colour those with evidence
  for (const p of state.regions.values()) {
    p.style.fill = ""; p.classList.remove("held"); p.dataset.controller = "";
    const t = p.querySelector("title"); t.textContent = p.dataset.name;
  }
  const pts = $("#control-points");
  pts.replaceChildren();
  const seen = new Set();
  for (const f of control.features) {
    const pr = f.properties;
    seen.add(pr.controller);
    if (pr.kind === "region" && state.regions.has(pr.region)) {
      const p = state.regions.get(pr.region);
      p.style.fill = controllerColour(pr.controller);
      p.classList.add("held");
      p.dataset.controller = pr.controller;
      p.querySelector("title").textContent = `${pr.name}: ${pr.controller} since ${pr.since}`;
    } else if (f.geometry && f.geometry.type === "Point") {
      const [x, y] = state.proj(f.geometry.coordinates);
      const c = el("svg:circle", { cx: x, cy: y, r: 7, fill: controllerColour(pr.controller), class: "control-point",
                                    "data-place": pr.place, "data-controller": pr.controller });
      c.append(el("svg:title", {}, `${pr.place}: ${pr.controller} since ${pr.since}`));
      c.addEventListener("click", () => showPlace(pr.place, pr.admin1));
      pts.append(c);
    }
  }
  const marks = $("#event-markers");
  marks.replaceChildren();
  const stack = new Map();
  const types = new Set();
  for (const f of events.features) {
    if (!f.geometry) continue;
    const ev = f.properties;
    const [x, y] = state.proj(f.geometry.coordinates);
    const key = `${x.toFixed(0)},${y.toFixed(0)}`;
    const k = stack.get(key) || 0; stack.set(key, k + 1);
    const colour = TYPE_COLOURS[ev.acled.event_type] || "#555";
    types.add(ev.acled.event_type);
    const m = el("svg:rect", { x: x - 4 + 7 * k, y: y - 4 - 7 * k, width: 8, height: 8, fill: colour, class: "ev",
                               "data-event": ev.id, "data-type": ev.type, transform: `rotate(45 ${x + 7 * k} ${y - 7 * k})` });
    m.append(el("svg:title", {}, `${ev.type} ${ev.date ? ev.date.start : "undated"} ${ev.location ? ev.location.name : ""}`));
    m.addEventListener("click", (e) => { e.stopPropagation(); showEvent(ev.id); });
    marks.append(m);
  }
  drawLegend(seen, types);
  $("#status").textContent = `${control.features.length} places with control evidence; ${events.features.length} events shown (${events.total} match)`;
  markChartDate();
  document.body.dataset.drawn = at;
}

function drawLegend(controllers, types) {
  const lg = $("#legend");
  lg.replaceChildren();
  const row1 = el("div", {}, null);
  row1.append(el("b", {}, "control "));
  for (const c of [...controllers].sort()) {
    const it = el("span", { class: "item" });
    const sw = el("span", { class: "sw" });
    sw.style.background = c === "contested" ? "repeating-linear-gradient(45deg,#fbe3a6 0 3px,#c98b00 3px 5px)" : controllerColour(c);
    it.append(sw, document.createTextNode(c));
    row1.append(it);
  }
  if (!controllers.size) row1.append(el("span", { class: "muted" }, "no evidence at this date"));
  const row2 = el("div", {});
  row2.append(el("b", {}, "events "));
  for (const t of [...types].sort()) {
    const it = el("span", { class: "item" });
    const sw = el("span", { class: "sw" }); sw.style.background = TYPE_COLOURS[t] || "#555"; sw.style.transform = "rotate(45deg) scale(.8)";
    it.append(sw, document.createTextNode(t));
    row2.append(it);
  }
  lg.append(row1, row2);
}

// ---------------------------------------------------------------- chart

async function drawChart() {
  const days = await api(`/api/events/per-day?${filterQuery()}`);
  state.days = days;
  const svg = $("#chart");
  svg.replaceChildren();
  const n = Number($("#date").max) + 1;
  const max = Math.max(1, ...days.map((d) => d.count));
  const w = 1000 / Math.max(n, 1);
  for (const d of days) {
    const i = Math.round((Date.parse(d.date) - Date.parse(state.first)) / 86400000);
    if (i < 0 || i >= n) continue;
    const h = (d.count / max) * 115;
    const r = el("svg:rect", { x: i * w + w * 0.1, y: 125 - h, width: Math.max(w * 0.8, 1), height: h, class: "bar", "data-date": d.date });
    r.append(el("svg:title", {}, `${d.date}: ${d.count} events`));
    r.addEventListener("click", () => { $("#date").value = String(i); $("#date").dispatchEvent(new Event("input")); });
    svg.append(r);
  }
  svg.append(el("svg:text", { x: 2, y: 138 }, state.first || ""));
  svg.append(el("svg:text", { x: 998, y: 138, "text-anchor": "end" }, addDays(state.first, n - 1)));
  svg.append(el("svg:text", { x: 2, y: 10 }, `max ${max}/day`));
  markChartDate();
}

function markChartDate() {
  const svg = $("#chart");
  svg.querySelectorAll("line.now").forEach((l) => l.remove());
  const n = Number($("#date").max) + 1;
  const x = (Number($("#date").value) + 0.5) * (1000 / Math.max(n, 1));
  svg.append(el("svg:line", { x1: x, x2: x, y1: 0, y2: 125, class: "now" }));
}

// ---------------------------------------------------------------- the panel

function eventList(events) {
  const ul = el("ul", { class: "events-list" });
  for (const ev of events) {
    const li = el("li", { "data-event": ev.id },
      `${ev.date ? ev.date.start : "undated"} · ${ev.type} · ${ev.location ? ev.location.name : "?"} · ${ev.claims.length} claim(s)`);
    li.addEventListener("click", () => showEvent(ev.id));
    ul.append(li);
  }
  return ul;
}

function timelineList(timeline) {
  // control.control_timeline's periods: place, holder, status (held | contested), start, end, events, fighting
  const ul = el("ul", { class: "timeline" });
  for (const t of timeline) {
    const li = el("li", { "data-holder": t.holder, "data-start": t.start });
    const sw = el("span", { class: "sw" });
    sw.style.cssText = "display:inline-block;width:10px;height:10px;margin-right:6px;border:1px solid #555";
    sw.style.background = t.holder === "contested" ? "#fbe3a6" : controllerColour(t.holder);
    const until = t.end ? ` to ${t.end}` : " on";
    const extra = [t.status === "contested" && t.holder !== "contested" ? "fought over" : "",
                   t.fighting && t.fighting.length ? `${t.fighting.length} fighting report(s)` : "",
                   t.denied && t.denied.length ? `${t.denied.length} denied change(s)` : ""].filter(Boolean).join(", ");
    li.append(sw, document.createTextNode(`${t.place ? t.place + ": " : ""}${t.holder}, from ${t.start}${until}` +
      ` (${t.events.length} event(s)${extra ? "; " + extra : ""})`));
    ul.append(li);
  }
  if (!timeline.length) ul.append(el("li", { class: "muted" }, "no control evidence"));
  return ul;
}

function select(regionId) {
  if (state.selected) state.selected.classList.remove("selected");
  state.selected = regionId ? state.regions.get(regionId) : null;
  if (state.selected) state.selected.classList.add("selected");
}

async function showRegion(id) {
  select(id);
  const r = await api(`/api/regions/${encodeURIComponent(id)}`);
  const panel = $("#panel");
  panel.replaceChildren();
  panel.append(el("h2", { id: "panel-title" }, `${r.region.name}${r.region.admin1 ? ", " + r.region.admin1 : ""}`));
  panel.append(el("h3", {}, "control over time"), timelineList(r.timeline));
  panel.append(el("h3", {}, `events (${r.total})`), eventList(r.events));
}

async function showPlace(place, admin1) {
  select(null);
  const q = new URLSearchParams({ place }); if (admin1) q.set("admin1", admin1);
  const [t, evs] = await Promise.all([api(`/api/control/timeline?${q}`), api(`/api/events?place=${encodeURIComponent(place)}&limit=200`)]);
  const panel = $("#panel");
  panel.replaceChildren();
  panel.append(el("h2", { id: "panel-title" }, `${place}${admin1 ? ", " + admin1 : ""}`));
  panel.append(el("h3", {}, "control over time"), timelineList(t.timeline));
  panel.append(el("h3", {}, `events (${evs.total})`), eventList(evs.events));
}

async function showEvent(id) {
  const d = await api(`/api/events/${encodeURIComponent(id)}`);
  const ev = d.event;
  const panel = $("#panel");
  panel.replaceChildren();
  panel.append(el("h2", { id: "panel-title" }, `${ev.type} · ${ev.date ? ev.date.start : "undated"} · ${ev.location ? ev.location.name : "place unknown"}`));
  if (ev.summary) panel.append(el("p", {}, ev.summary));
  const facts = el("p", { class: "muted" });
  facts.textContent = [
    `${ev.acled.event_type} / ${ev.acled.sub_event_type}`,
    ev.actors.map((a) => `${a.role}: ${a.name}`).join("; "),
    ev.fatalities !== null ? `fatalities ${ev.fatalities}` : "",
    ev.flags.length ? `flags: ${ev.flags.join(", ")}` : "",
    `id ${ev.id}`,
  ].filter(Boolean).join(" · ");
  panel.append(facts);
  if (d.figures.length) {
    panel.append(el("h3", {}, "figures, with who gives each"));
    const table = el("table", { class: "figures" });
    for (const g of d.figures) {
      const tr = el("tr", { class: g.differ ? "differ" : "" });
      tr.append(el("th", {}, g.unit + (g.differ ? " (differ)" : "")));
      for (const f of g.figures) {
        const who = [f.source, f.attributed_to].filter(Boolean).join(", citing ") || "?";
        tr.append(el("td", { class: "figure" }, `${f.text || f.value} [${f.qualifier}] — ${who}`));
      }
      table.append(tr);
    }
    panel.append(table);
  }
  panel.append(el("h3", {}, `claims (${d.claims.length})`));
  for (const c of d.claims) {
    const box = el("div", { class: "claim", "data-stance": c.stance });
    const who = el("div", { class: "who" });
    who.append(document.createTextNode(`${c.source || "?"}${c.published ? " (" + c.published + ")" : ""}, citing ${c.attributed_to || "the outlet's own voice"}`));
    who.append(el("span", { class: `badge ${c.stance}` }, c.stance));
    if (c.hedged) who.append(el("span", { class: "badge hedged" }, "hedged"));
    const s = el("p", { class: "sentence" });
    for (const seg of c.segments) {
      if (seg.field) s.append(el("mark", { class: `f-${seg.field}`, "data-field": seg.field, title: seg.field }, seg.text));
      else s.append(document.createTextNode(seg.text));
    }
    box.append(who, s);
    if (c.title || c.url) {
      const src = el("div", { class: "who" });
      if (c.url) src.append(el("a", { href: c.url, rel: "noopener noreferrer" }, c.title || c.url));
      else src.append(document.createTextNode(c.title));
      box.append(src);
    }
    panel.append(box);
  }
}

init().catch((e) => { $("#status").textContent = "error: " + e.message; document.body.dataset.ready = "error"; });

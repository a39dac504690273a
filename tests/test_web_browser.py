"""The page in a real browser: Debian's chromium driven by Playwright for Python (no downloaded browser).

`contested serve`'s application runs under uvicorn on 127.0.0.1 (a free port, in a thread) on a store built
from the illustrative fixtures and the district boundaries in ../shared/data. The test loads the page, moves
the date slider, clicks a district and an event, and checks what the page shows. .ci/run installs chromium;
elsewhere the test skips and says why.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from test_web_support import build_web_store

CHROMIUM = os.environ.get("CONTESTED_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SCREENSHOT = os.environ.get("CONTESTED_SCREENSHOT")  # where to save a screenshot (the README's), if set


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (the test extra)")
    uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)")
    web = build_web_store(tmp_path_factory)
    if not web.boundaries:
        pytest.skip("../shared/data/geoboundaries_afg is absent: the page test needs district boundaries")
    from contested.web.app import WebSettings, create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(WebSettings(db=str(web.db), home=web.home))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        outside: list[str] = []
        pg.on("request", lambda r: None if r.url.startswith((server, "data:")) else outside.append(r.url))
        pg.goto(server + "/")
        pg.wait_for_selector("body[data-ready='1']", timeout=30_000)
        pg.errors, pg.outside = errors, outside  # type: ignore[attr-defined]
        yield pg
        browser.close()


def _controller(pg, name: str) -> str | None:
    return pg.get_attribute(f"#regions path[data-name='{name}']", "data-controller")


def test_page_draws_districts_coloured_by_control_with_events_and_chart(page):
    assert page.locator("#regions path").count() > 300  # every added district
    assert page.locator("#regions path.held").count() >= 5  # those the store has evidence about
    assert _controller(page, "Imam Sahib")  # captured, retaken, captured again (denied): evidence at the last date
    assert page.locator("#event-markers .ev").count() > 0
    assert page.locator("#chart rect.bar").count() > 3
    assert "Taliban" in page.inner_text("#legend")
    assert not page.errors and not page.outside  # type: ignore[attr-defined]


def test_slider_redraws_control_at_the_chosen_date(page):
    slider = page.locator("#date")

    def move_to(iso: str) -> None:
        """Move the slider with the keyboard, as a user would, one day a key press."""
        first = page.evaluate("() => state.first")
        want = (date.fromisoformat(iso) - date.fromisoformat(first)).days
        now = int(slider.input_value())
        slider.focus()
        for _ in range(abs(want - now)):
            page.keyboard.press("ArrowRight" if want > now else "ArrowLeft")
        assert page.inner_text("#date-label") == iso
        page.wait_for_function("(iso) => document.body.dataset.drawn === iso", arg=iso)

    def expected(iso: str) -> str | None:
        return page.evaluate(
            """async (iso) => { const r = await fetch('/api/control?geometry=false&at=' + iso);
                const f = (await r.json()).features.find(f => f.properties.name === 'Imam Sahib');
                return f ? f.properties.controller : null; }""", iso)

    def regions_held(iso: str) -> int:
        return page.evaluate(
            """async (iso) => { const r = await fetch('/api/control?geometry=false&at=' + iso);
                return (await r.json()).features.filter(f => f.properties.kind === 'region').length; }""", iso)

    first = page.evaluate("() => state.first")
    seen = set()
    for iso in ("2021-07-04", "2021-07-05", "2021-07-06", first, "2021-07-10"):
        move_to(iso)
        want = expected(iso)
        assert (_controller(page, "Imam Sahib") or None) == want, iso
        assert page.locator("#regions path.held").count() == regions_held(iso), iso
        seen.add(want)
    assert None in seen and "Taliban" in seen and len(seen) >= 3  # the map did change with the date


def test_click_a_district_then_an_event(page):
    page.click("#regions path[data-name='Imam Sahib']")
    page.wait_for_function("() => (document.querySelector('#panel-title')||{}).textContent === 'Imam Sahib, Kunduz'")
    panel = page.inner_text("#panel")
    assert "control over time" in panel and "Taliban" in panel and "from 2021-07-04" in panel
    region = page.evaluate("""async () => { const p = document.querySelector("#regions path[data-name='Imam Sahib']");
        return (await fetch('/api/regions/' + p.dataset.region)).json(); }""")
    items = page.locator("#panel .events-list li")
    assert items.count() == len(region["events"]) >= 3
    assert page.locator("#panel .timeline li").count() == len(region["timeline"]) >= 2
    # the event with the most claims: each claim with its sentence, marked words, stance and hedging
    ev = max(region["events"], key=lambda e: len(e["claims"]))
    page.locator(f"#panel .events-list li[data-event='{ev['id']}']").click()
    page.wait_for_selector("#panel .claim")
    detail = page.evaluate("async (id) => (await fetch('/api/events/' + id)).json()", ev["id"])
    claims = page.locator("#panel .claim")
    assert claims.count() == len(detail["claims"]) >= 1
    for i, c in enumerate(detail["claims"]):
        box = claims.nth(i)
        assert box.get_attribute("data-stance") == c["stance"]
        assert box.locator(f".badge.{c['stance']}").count() == 1
        assert box.locator(".badge.hedged").count() == (1 if c["hedged"] else 0)
        assert box.locator(".sentence").inner_text().split() == c["sentence"].split()
        assert box.locator("mark").count() == sum(1 for s in c["segments"] if s["field"])
    marks = [m["field"] for c in detail["claims"] for m in c["marks"]]
    assert marks and sorted(page.eval_on_selector_all("#panel .claim mark", "ms => ms.map(m => m.dataset.field)")) \
        == sorted(f for c in detail["claims"] for f in (s["field"] for s in c["segments"]) if f)


def test_click_an_event_marker_and_compare_figures(page):
    page.select_option("#f-window", "100000")
    page.select_option("#f-type", "cross_border_flight")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#event-markers .ev')].every(e => e.dataset.type === 'cross_border_flight')")
    page.select_option("#f-type", "")
    page.wait_for_timeout(300)
    marker = page.locator("#event-markers .ev").first
    marker.click()
    page.wait_for_selector("#panel .claim")
    assert page.locator("#panel .claim .who").count() >= 1
    # the crossing told with differing figures: the figures side by side, who gives each
    eid = page.evaluate(
        """async () => { const r = await fetch('/api/events?type=cross_border_flight&limit=100');
            const j = await r.json(); const e = j.events.find(e => e.flags.includes('contested_figures'));
            return e ? e.id : null; }""")
    assert eid
    page.evaluate("(id) => showEvent(id)", eid)
    page.wait_for_selector("#panel table.figures tr.differ")
    assert page.locator("#panel table.figures tr.differ td.figure").count() >= 2
    if SCREENSHOT:  # the README's picture: the map at the last date, an event told with differing figures
        page.screenshot(path=SCREENSHOT)

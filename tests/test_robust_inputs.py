"""Bad input is one document's problem: long texts, impossible dates, surrogates, deep HTML, empty paths,
symlinks out of a folder, slow servers; exports safe in a spreadsheet; a first run without stumbles."""

from __future__ import annotations

import csv
import http.server
import io
import json
import logging
import math
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from contested.cli import build_parser, main
from contested.ingest import document_id, iter_documents, normalize_text
from contested.records import Document, InputProblem

EVENT = "Taliban fighters captured Khwaja Ghar district of Takhar province on Sunday, officials said."
OTHER = "Afghan commandos recaptured Qala-i-Naw, the capital of Badghis province, on Thursday, the governor said."
NESTED = ("<html><head><title>Deep page</title></head><body>" + "<div>" * 10_000 + f"<p>{EVENT}</p>"
          + "</div>" * 10_000 + "</body></html>")
FILLER = ("Residents of the provincial capital said that markets were open and that traffic was normal on the "
          "main road, while teachers prepared for the new school year.")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def split(items):
    items = list(items)
    return ([x for x in items if isinstance(x, Document)], [x for x in items if isinstance(x, InputProblem)])


# ---------------------------------------------------------------- text

def test_lone_surrogates_are_cleaned_everywhere():
    text = normalize_text("Taliban \ud800fighters\udfff captured \ud83d\ude00 Kunduz")
    text.encode("utf-8")  # never raises
    assert "\ud800" not in text and "\U0001f600" in text  # a lone half replaced, a pair joined
    assert document_id("a\ud800b") == document_id("a\ufffdb")


def test_surrogates_in_jsonl_fields_and_text(tmp_path):
    line = json.dumps({"text": EVENT + " \ud800", "source": "Wire\udc00", "title": "T\ud801", "published": "2021-07-06"})
    path = tmp_path / "s.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (doc,) = list(iter_documents([str(path)]))
    for value in (doc.text, doc.source, doc.title):
        value.encode("utf-8")
    json.dumps(doc.text, ensure_ascii=False).encode("utf-8")


def test_extract_with_surrogates_writes_utf8(event_validator):
    import contested

    events = contested.extract(EVENT.replace("fighters", "fighters \udc80"), published="2021-07-06")
    assert events
    for ev in events:
        json.dumps(ev, ensure_ascii=False).encode("utf-8")
        assert not list(event_validator.iter_errors(ev))


def test_ten_thousand_nested_divs_give_the_text(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(NESTED, encoding="utf-8")
    (doc,) = list(iter_documents([str(path)]))
    assert isinstance(doc, Document), doc
    assert doc.text == EVENT and doc.title == "Deep page"


def test_html_fallback_keeps_paragraphs_not_menus_or_scripts():
    from contested.ingest import _FallbackText

    page = ("<html><head><title>T</title><script>var x = 'Taliban fighters attacked the city today';</script>"
            "</head><body><nav><a>Home News World Sport Weather Contact About Us</a></nav>" + "<div>" * 3000
            + f"<p>{EVENT}</p><p>Share</p><p>{OTHER}</p>" + "</div>" * 3000
            + "<footer>Copyright 2021 Example News, all rights reserved by the company</footer></body></html>")
    read = _FallbackText.read(page)
    assert read.text == EVENT + "\n\n" + OTHER and read.title == "T"


def test_text_over_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("CONTESTED_MAX_TEXT_CHARS", "5000")
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([FILLER] * 60))
    (p,) = list(iter_documents([str(path)]))
    assert isinstance(p, InputProblem) and p.reason.startswith("too long:") and "5,000" in p.reason


# ---------------------------------------------------------------- dates

def test_jsonl_published_not_a_date_warns_and_falls_back(tmp_path):
    path = tmp_path / "d.jsonl"
    lines = [{"text": EVENT, "published": "yesterday"},
             {"text": OTHER, "published": "2021-13-45"},
             {"text": "KABUL, July 8, 2021 - " + OTHER.replace("Thursday", "Wednesday"), "published": 20210708}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    warnings: list[tuple[str, str]] = []
    docs, problems = split(iter_documents([str(path)], published=date(2021, 7, 6),
                                          on_warning=lambda o, w: warnings.append((o, w))))
    assert not problems and len(docs) == 3
    assert [w[0] for w in warnings] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert "'published' is not a date ('yesterday')" in warnings[0][1]
    assert "'2021-13-45'" in warnings[1][1]
    assert [(d.published, d.published_from) for d in docs] == [
        (date(2021, 7, 6), "given"), (date(2021, 7, 6), "given"), (date(2021, 7, 8), "byline")]


def test_jsonl_warning_goes_to_the_log_without_a_callback(tmp_path, caplog):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": EVENT, "published": "yesterday"}) + "\n")
    with caplog.at_level(logging.WARNING, logger="contested.ingest"):
        (doc,) = list(iter_documents([str(path)]))
    assert doc.published is None and f"{path}:1" in caplog.text and "yesterday" in caplog.text


@pytest.mark.parametrize("value", ["9999-12-31", "1850-01-01", (date.today() + timedelta(days=30)).isoformat()])
def test_jsonl_published_out_of_range_refuses_the_record(tmp_path, value):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": EVENT, "published": value}) + "\n" + json.dumps({"text": OTHER}) + "\n")
    docs, problems = split(iter_documents([str(path)]))
    assert len(docs) == 1 and docs[0].text == OTHER
    (p,) = problems
    assert p.origin == f"{path}:1" and "'published'" in p.reason and value in p.reason


def test_html_metadata_date_in_the_future_is_not_taken(tmp_path):
    page = (f'<html><head><meta property="article:published_time" content="2999-01-01T00:00:00Z"></head>'
            f"<body><article><p>{EVENT}</p><p>{OTHER}</p></article></body></html>")
    path = tmp_path / "f.html"
    path.write_text(page)
    (doc,) = list(iter_documents([str(path)]))
    assert isinstance(doc, Document) and doc.published is None  # (htmldate or our range check drops it)


def test_python_api_dates():
    import contested

    ref = contested.extract(EVENT, published="2021-07-06")
    assert ref
    for value in (date(2021, 7, 6), datetime(2021, 7, 6, 10, 31), "2021-07-06T10:31:00Z", "Jul 6, 2021"):
        events = contested.extract(EVENT, published=value)
        assert [e["date"] for e in events] == [e["date"] for e in ref], value
        assert all(c["published"] == "2021-07-06" for e in events for c in e["claims"])
    for bad, words in (("9999-12-31", "future"), (date(1000, 1, 1), "before 1900"), ("yesterday", "not a date"),
                       ("2021-13-45", "not a date"), (3.5, "not a date"), (datetime(9999, 12, 31), "future")):
        with pytest.raises(ValueError, match=words) as info:
            contested.extract(EVENT, published=bad)
        assert str(info.value).startswith("published")


def test_published_argument_out_of_range_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest", str(tmp_path), "--published", "9999-12-31", "--db", str(tmp_path / "s.db")])
    assert exit_info.value.code == 2
    assert "9999-12-31 is in the future" in capsys.readouterr().err


# ---------------------------------------------------------------- the Python API, batches

def test_extract_documents_accepts_strings_dicts_and_documents():
    from contested.pipeline import extract_documents, make_document

    doc = make_document(OTHER, published="2021-07-08", source="Wire")
    items = [EVENT, {"text": OTHER, "published": "2021-07-08", "source": "Wire", "url": "https://example.org/a"},
             doc]
    out = list(extract_documents(items))
    assert [d.text for d, _ in out] == [EVENT, OTHER, OTHER]
    assert out[1][0].url == "https://example.org/a" and out[1][0].source == "Wire"
    assert out[2][0] is doc
    assert all(events for _, events in out)


def test_extract_documents_reports_each_bad_item_and_goes_on(monkeypatch):
    from contested.pipeline import extract_documents, extract_results

    monkeypatch.setenv("CONTESTED_MAX_TEXT_CHARS", "3000")
    items = [EVENT, {"text": OTHER, "published": "9999-12-31"}, 42, "x " * 2000, {"title": "no text"}, OTHER]
    problems: list[tuple[object, str]] = []
    out = list(extract_documents(items, on_problem=lambda item, reason: problems.append((item, reason))))
    assert [d.text for d, _ in out] == [EVENT, OTHER]
    reasons = [r for _, r in problems]
    assert len(reasons) == 4
    assert "future" in reasons[0] and "not a document" in reasons[1]
    assert reasons[2].startswith("too long") and "text" in reasons[3]
    assert problems[1][0] == 42
    triples = list(extract_results(items))
    assert [(t[1] is None, t[2] is None) for t in triples] == [
        (False, True), (True, False), (True, False), (True, False), (True, False), (False, True)]


def test_a_failure_inside_extraction_is_that_documents_problem(monkeypatch):
    import contested.pipeline as pipeline

    real = pipeline.build_events

    def flaky(doc, sentences, **kwargs):  # (found: the claims to carry once the events are fused)
        if "Qala-i-Naw" in doc.text:
            raise RuntimeError("boom")
        return real(doc, sentences, **kwargs)

    monkeypatch.setattr(pipeline, "build_events", flaky)
    problems: list[str] = []
    out = list(pipeline.extract_documents([EVENT, OTHER, EVENT + " Police said so."],
                                          on_problem=lambda _i, r: problems.append(r)))
    assert len(out) == 2 and problems == ["extraction failed: RuntimeError: boom"]


def test_a_spacy_failure_on_one_text_does_not_end_the_batch(monkeypatch):
    import contested.pipeline as pipeline
    from contested.nlp import load_nlp

    nlp = load_nlp()
    real_pipe, real_call = type(nlp).pipe, type(nlp).__call__

    def pipe(self, texts, *args, **kwargs):
        for sdoc, ctx in real_pipe(self, texts, *args, **kwargs):
            if "Qala-i-Naw" in sdoc.text:
                raise RuntimeError("spaCy fell over")
            yield sdoc, ctx

    def call(self, text, *args, **kwargs):
        if "Qala-i-Naw" in text:
            raise RuntimeError("spaCy fell over")
        return real_call(self, text, *args, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", pipe)
    monkeypatch.setattr(type(nlp), "__call__", call)
    problems: list[str] = []
    out = list(pipeline.extract_documents([EVENT, OTHER, EVENT + " Police said so."],
                                          on_problem=lambda _i, r: problems.append(r)))
    assert [d.text for d, _ in out] == [EVENT, EVENT + " Police said so."]
    assert problems == ["language analysis failed: RuntimeError: spaCy fell over"]


def test_extract_text_raises_value_error_for_refused_text(monkeypatch):
    from contested.pipeline import extract_text

    monkeypatch.setenv("CONTESTED_MAX_TEXT_CHARS", "1000")
    with pytest.raises(ValueError, match="too long"):
        extract_text("word " * 400, published="2021-07-06")
    with pytest.raises(ValueError, match="text"):
        extract_text(b"bytes are not text")  # type: ignore[arg-type]


# ---------------------------------------------------------------- long texts in pieces

def _long_article() -> str:
    fixtures = Path(__file__).parent / "fixtures"
    return "\n\n".join(p.read_text() for p in sorted(fixtures.glob("*.txt")))


def _check_spans(text: str, events) -> None:
    for ev in events:
        assert len(ev.evidence) == len(ev.claims)
        for claim, evidence in zip(ev.claims, ev.evidence, strict=True):
            assert text[claim.span[0]:claim.span[1]] == claim.sentence
            for marks in evidence.marks.values():
                for s, e in marks:
                    assert 0 <= s < e <= len(text)
        if ev.location is not None and ev.location.start is not None and ev.location.text:
            assert text[ev.location.start:ev.location.end] == ev.location.text
        for q in ev.quantities:
            if q.text and q.end > q.start:
                assert text[q.start:q.end] == q.text


def test_a_long_text_is_read_in_pieces_with_the_spans_of_the_whole(monkeypatch):
    from contested.pipeline import _pieces, extract_document, make_document

    doc = make_document(_long_article(), published="2021-07-08", source="Wire")
    whole = extract_document(doc)
    monkeypatch.setenv("CONTESTED_PIECE_CHARS", "1000")
    cuts = _pieces(doc.text, 1000)
    assert len(cuts) >= 5 and cuts[0][0] == 0 and cuts[-1][1] == len(doc.text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:], strict=False))
    assert all(e - s <= 1000 for s, e in cuts)
    pieces = extract_document(doc)
    _check_spans(doc.text, whole)
    _check_spans(doc.text, pieces)
    # Pieces cut at paragraph ends find the same events, bar a few a whole-text reading ties together.
    key = {(e.type, e.claims[0].span) for e in whole}
    found = {(e.type, e.claims[0].span) for e in pieces}
    assert len(key & found) >= 0.8 * len(key), (key - found, found - key)


def test_pieces_cut_where_there_is_no_paragraph():
    from contested.pipeline import _pieces

    text = " ".join([FILLER] * 100)  # one paragraph
    cuts = _pieces(text, 1000)
    for _s, e in cuts[:-1]:
        assert text[e - 2:e] in (". ", "r. ") or text[e - 1] == " "
    one_word = "x" * 5000
    assert _pieces(one_word, 1000) == [(0, 1000), (1000, 2000), (2000, 3000), (3000, 4000), (4000, 5000)]


def test_padding_adds_nothing_new_to_the_vocabulary():
    from contested.nlp import load_nlp
    from contested.pipeline import _padding

    nlp = load_nlp()
    nlp.make_doc(_padding(123_457) + "Taliban.")
    before = len(nlp.vocab.strings)
    for n in range(200_000, 200_400, 7):
        padding = _padding(n)
        assert len(padding) == n
        sdoc = nlp.make_doc(padding + "Taliban fighters.")
        assert sdoc.text.startswith(padding) and sdoc[len(sdoc) - 3].idx == n
    assert len(nlp.vocab.strings) - before < 20


# ---------------------------------------------------------------- paths, symlinks, URLs

def test_empty_path_is_not_the_current_folder(capsys, tmp_path):
    (p,) = list(iter_documents([""]))
    assert isinstance(p, InputProblem) and "empty path" in p.reason
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest", "", "--db", str(tmp_path / "s.db")])
    assert exit_info.value.code == 2 and "empty path" in capsys.readouterr().err
    assert not (tmp_path / "s.db").exists()


def test_symlink_outside_the_folder_is_not_followed(tmp_path):
    inside, outside = tmp_path / "in", tmp_path / "secret"
    inside.mkdir()
    outside.mkdir()
    (outside / "private.txt").write_text(OTHER)
    (inside / "good.txt").write_text(EVENT)
    (inside / "leak.txt").symlink_to(outside / "private.txt")
    (inside / "leakdir").symlink_to(outside)
    (inside / "again.txt").symlink_to(inside / "good.txt")  # inside the folder: read
    (inside / "dangling.txt").symlink_to(tmp_path / "nothing.txt")
    docs, problems = split(iter_documents([str(inside)]))
    assert {d.text for d in docs} == {EVENT}
    reasons = {Path(p.origin).name: p.reason for p in problems}
    assert set(reasons) == {"leak.txt", "leakdir", "dangling.txt"}
    assert "outside the folder" in reasons["leak.txt"] and "not followed" in reasons["leakdir"]


class _Slow(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(2000):  # a byte every 20 ms: no read ever waits long, the whole never comes
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.02)
        except OSError:
            pass

    def log_message(self, *args):
        pass


def test_slow_server_meets_the_total_deadline(monkeypatch):
    monkeypatch.setenv("CONTESTED_FETCH_DEADLINE", "1")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        start = time.monotonic()
        (p,) = list(iter_documents([f"http://127.0.0.1:{httpd.server_address[1]}/drip"]))
        took = time.monotonic() - start
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert isinstance(p, InputProblem) and "within 1 s" in p.reason
    assert took < 5


# ---------------------------------------------------------------- exports

def _event_with(text: str, lat: float | None, lon: float | None):
    from contested.records import Claim, Event, Location

    loc = Location(name=text, text=text, country="Afghanistan", admin1="@SUM(A1)", admin2="+cmd", lat=lat, lon=lon)
    claim = Claim(doc_id="d", source="=HYPERLINK(\"http://x\",\"y\")", published=date(2021, 7, 6),
                  attributed_to="-officials", attribution_text=None, stance="asserts", hedged=False,
                  sentence=text, span=(0, len(text)))
    return Event(id="e1", type="armed_clash", acled_event_type="Battles", acled_sub_event_type="Armed clash",
                 summary="\tSUM", location=loc, claims=[claim], flags=["\rflag"])


@pytest.mark.parametrize("kind", ["csv", "acled"])
def test_csv_cells_never_begin_with_a_formula_character(kind):
    from contested.export import to_acled_csv, to_csv

    ev = _event_with("=cmd|' /C calc'!A0", -33.5, 65.25)
    text = (to_csv if kind == "csv" else to_acled_csv)([ev])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    lat, lon = ("lat", "lon") if kind == "csv" else ("latitude", "longitude")
    for row in rows:
        assert row[lat] == "-33.5" and row[lon] == "65.25"  # numbers stay numbers
        for name, cell in row.items():
            if name in (lat, lon):
                continue
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    assert "'=cmd" in text and "'=HYPERLINK" in text


def test_non_finite_numbers_never_reach_json_or_csv():
    from contested.export import to_acled_csv, to_csv, to_geojson, to_jsonl

    ev = _event_with("Kunduz", math.nan, math.inf)
    geo = json.loads(to_geojson([ev]))  # strict: json.loads accepts NaN, so look for it too
    assert "NaN" not in to_geojson([ev]) and "Infinity" not in to_geojson([ev])
    assert geo["features"][0]["geometry"] is None
    line = to_jsonl([ev])
    assert "NaN" not in line and json.loads(line)["location"]["lat"] is None
    for text in (to_csv([ev]), to_acled_csv([ev])):
        assert "nan" not in text.lower().replace("afghanistan", "") and "inf" not in text


def test_events_csv_from_a_store_is_neutralised(capsys, tmp_path):
    db = tmp_path / "s.db"
    line = json.dumps({"text": EVENT, "source": "=HYPERLINK(\"http://evil\")", "published": "2021-07-06"})
    (tmp_path / "a.jsonl").write_text(line + "\n")
    code, _, err = run(capsys, "ingest", tmp_path / "a.jsonl", "--db", db)
    assert code == 0, err
    for argv in (("events", "--format", "csv"), ("export", "--format", "acled")):
        code, out, _ = run(capsys, *argv, "--db", db)
        assert code == 0
        cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
        assert any("HYPERLINK" in c for c in cells)
        assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
        assert not [c for c in cells if c.startswith("-") and not _number(c)]


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- first run

def test_help_is_written_for_users(capsys):
    from contested.taxonomy import EVENT_TYPES

    parser = build_parser()
    text = parser.format_help()
    assert "../shared" not in text and "An edge" not in text and "imports the core" not in text
    assert "contested ingest" in text
    sub = parser._subparsers._group_actions[0].choices  # noqa: SLF001
    events_help = sub["events"].format_help()
    assert all(t in events_help for t in EVENT_TYPES)
    for name, sp in sub.items():
        assert "../shared" not in sp.format_help(), name


def test_events_type_unknown_is_an_error_listing_the_types(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["events", "--type", "foo", "--db", str(tmp_path / "s.db")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "no event type 'foo'" in err and "territory_captured" in err and "armed_clash" in err


# ---------------------------------------------------------------- a folder of every bad input

def test_folder_of_bad_inputs_ingests_the_good_and_reports_the_bad(capsys, tmp_path, monkeypatch, event_validator):
    from contested.store import Store

    monkeypatch.setenv("CONTESTED_MAX_TEXT_CHARS", "20000")
    db = tmp_path / "store.db"
    folder = tmp_path / "inbox"
    folder.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("Afghan forces retook Dand-e Ghori district of Baghlan on Friday, police said.")

    # Already stored before: must not change.
    before_text = "Police said a roadside bomb killed three civilians in Qala-i-Naw, the capital of Badghis, on Monday."
    (tmp_path / "before.txt").write_text(before_text)
    code, _, err = run(capsys, "ingest", tmp_path / "before.txt", "--db", db, "--published", "2021-07-06",
                       "--source", "Earlier")
    assert code == 0, err
    store = Store(str(db))
    stored_before = {e.id: e.as_json() for e in store.events()}
    assert stored_before

    good = {
        "good.txt": EVENT,
        "deep.html": NESTED,
    }
    for name, text in good.items():
        (folder / name).write_text(text)
    (folder / "binary.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02")
    (folder / "empty.txt").write_text("  \n")
    (folder / "latin1.txt").write_bytes("Les talibans ont pris le district \xe9".encode("latin-1"))
    (folder / "french.txt").write_text(
        "Les talibans ont pris le contrôle du district de Khwaja Ghar dimanche, selon des responsables locaux "
        "qui ont parlé à la presse. Les forces gouvernementales ont repris le centre du district lundi.")
    (folder / "huge.txt").write_text("\n\n".join([FILLER] * 200))  # over the 20,000 characters set above
    (folder / "dates.jsonl").write_text(
        json.dumps({"text": OTHER, "published": "9999-12-31", "source": "Wire"}) + "\n"
        + json.dumps({"text": OTHER, "published": "yesterday", "source": "Wire"}) + "\n")
    (folder / "link.txt").symlink_to(elsewhere / "secret.txt")

    code, out, err = run(capsys, "ingest", folder, "--db", db, "--published", "2021-07-08", "--source", "Test")
    assert code == 1, (out, err)
    for name, words in (("binary.txt", "binary"), ("empty.txt", "empty"), ("latin1.txt", "undecodable"),
                        ("french.txt", "not English"), ("huge.txt", "too long"), ("dates.jsonl:1", "future"),
                        ("link.txt", "not followed")):
        lines = [x for x in err.splitlines() if name in x]
        assert lines and any(words in x for x in lines), (name, err)
    assert "dates.jsonl:2" in err and "yesterday" in err  # a warning, and the document is stored
    assert "Traceback" not in err

    store = Store(str(db))
    assert store.has_document(document_id(EVENT))
    assert store.has_document(document_id(OTHER))
    assert not store.has_document(document_id("Afghan forces retook Dand-e Ghori district of Baghlan on Friday, "
                                              "police said."))
    events = store.events()
    for ev in events:
        assert not list(event_validator.iter_errors(ev.as_json()))
    by_doc = {c.doc_id for ev in events for c in ev.claims}
    assert document_id(EVENT) in by_doc and document_id(OTHER) in by_doc
    # What was stored before is still there, with its claims.
    still = {e.id: e.as_json() for e in events}
    for event_id, old in stored_before.items():
        assert event_id in still
        assert {json.dumps(c, sort_keys=True) for c in old["claims"]} <= {
            json.dumps(c, sort_keys=True) for c in still[event_id]["claims"]}


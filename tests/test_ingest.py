"""Ingestion: files, folders, JSONL, HTML, URLs (a loopback server), bad input, identity, dates."""

from __future__ import annotations

import http.server
import io
import json
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from contested.ingest import document_id, iter_documents, looks_english, normalize_text
from contested.metadata import byline_date, parse_published
from contested.records import Document, InputProblem

DISPATCH = (
    "Taliban fighters attacked a police checkpoint on the outskirts of Kunduz city late on Sunday, "
    "killing at least five officers, a provincial official said. The attackers fled after a gun battle "
    "that lasted more than two hours, according to the spokesman for the provincial police chief."
)
SHORT_DISPATCH = (
    "A roadside bomb struck a minibus in Kandahar on Tuesday, killing three civilians and wounding "
    "seven others, a local official said. No group has yet claimed responsibility for the attack."
)
FRENCH = (
    "Des combattants talibans ont attaqué un poste de police dans la banlieue de Kunduz dimanche soir, "
    "tuant au moins cinq policiers, a déclaré un responsable provincial. Les assaillants ont pris la fuite "
    "après une fusillade qui a duré plus de deux heures, selon le porte-parole de la police."
)
GERMAN = (
    "Kämpfer der Taliban haben am Sonntagabend einen Polizeiposten am Stadtrand von Kundus angegriffen "
    "und dabei mindestens fünf Beamte getötet, wie ein Vertreter der Provinz mitteilte. Die Angreifer "
    "flohen nach einem Feuergefecht, das mehr als zwei Stunden dauerte, so der Sprecher der Polizei."
)
SPANISH = (
    "Combatientes talibanes atacaron un puesto de control policial en las afueras de la ciudad de Kunduz "
    "el domingo por la noche, matando al menos a cinco agentes, dijo un funcionario provincial. Los "
    "atacantes huyeron tras un tiroteo que duró más de dos horas, según el portavoz de la policía."
)
DARI = (
    "جنگجویان طالبان شام یکشنبه به یک پاسگاه پولیس در حومه شهر کندز حمله کردند و دست کم پنج پولیس را "
    "کشتند، یک مقام ولایتی گفت. مهاجمان پس از یک درگیری که بیش از دو ساعت ادامه داشت فرار کردند."
)
PASHTO = (
    "طالب جنګیالیو د یکشنبې په شپه د کندز ښار په څنډه کې د پولیسو پر یوې پوستې برید وکړ او لږ تر لږه "
    "پنځه پولیس یې ووژل، یوه ولایتي چارواکي وویل. بریدګر له دوه ساعته ډزو وروسته وتښتېدل."
)
RUSSIAN = (
    "Боевики талибов в воскресенье вечером напали на полицейский блокпост на окраине города Кундуз, "
    "убив по меньшей мере пятерых полицейских, сообщил представитель провинции."
)

HTML_PAGE = f"""<!doctype html>
<html><head>
<title>Clashes in Kunduz | Example News</title>
<meta property="og:title" content="Clashes in Kunduz">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-08-02T10:31:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Clashes in Kunduz</h1>
<p>{DISPATCH}</p>
<p>{SHORT_DISPATCH}</p>
</article>
<footer>Copyright Example News</footer>
</body></html>
"""


def docs_and_problems(items):
    items = list(items)
    docs = [x for x in items if isinstance(x, Document)]
    problems = [x for x in items if isinstance(x, InputProblem)]
    assert len(docs) + len(problems) == len(items)
    return docs, problems


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ---------------------------------------------------------------- normalization and identity


def test_normalize_text_keeps_paragraphs_collapses_the_rest():
    raw = "  Cafe\u0301  in\t\tKabul.  \r\n\r\n\r\n\r\nSecond   paragraph. \rThird line\u00a0here.\n\n"
    assert normalize_text(raw) == "Café in Kabul.\n\nSecond paragraph.\nThird line here."


def test_document_id_is_content_identity():
    a = document_id(DISPATCH)
    assert len(a) == 20 and all(c in "0123456789abcdef" for c in a)
    assert document_id(DISPATCH) == a
    messy = "\n\n  " + DISPATCH.replace(" ", "   ").replace(", ", ",\t ") + "   \r\n\r\n"
    assert document_id(messy) == a
    assert document_id(DISPATCH + " Extra.") != a


def test_same_text_twice_gives_same_doc_id(tmp_path):
    a = write(tmp_path / "a.txt", DISPATCH + "\n")
    b = write(tmp_path / "b.txt", "\r\n" + DISPATCH.replace(". ", ".  ") + "   \r\n\r\n\r\n")
    docs, problems = docs_and_problems(iter_documents([str(a), str(b), str(a)]))
    assert not problems
    assert len({d.doc_id for d in docs}) == 1
    assert docs[0].text == docs[1].text == normalize_text(DISPATCH)
    assert docs[0].doc_id == document_id(docs[0].text)


# ---------------------------------------------------------------- file kinds


def test_txt_file(tmp_path):
    path = write(tmp_path / "kunduz.txt", "Taliban attack police post in Kunduz\n\n" + DISPATCH + "\n")
    [doc] = list(iter_documents([str(path)], source="Pajhwok"))
    assert isinstance(doc, Document)
    assert doc.title == "Taliban attack police post in Kunduz"
    assert doc.text.startswith("Taliban attack police post in Kunduz\n\nTaliban fighters attacked")
    assert doc.source == "Pajhwok"
    assert doc.origin == str(path)
    assert doc.published is None and doc.published_from is None
    assert doc.url is None


def test_txt_without_obvious_title(tmp_path):
    path = write(tmp_path / "plain.txt", DISPATCH)
    [doc] = list(iter_documents([str(path)]))
    assert doc.title is None
    assert doc.source is None


def test_html_file_metadata(tmp_path):
    path = write(tmp_path / "page.html", HTML_PAGE)
    [doc] = list(iter_documents([str(path)], source="ignored for html", published=date(2021, 8, 9)))
    assert isinstance(doc, Document), doc
    assert doc.published == date(2021, 8, 2)
    assert doc.published_from == "metadata"
    assert doc.source == "Example News"
    assert doc.title == "Clashes in Kunduz"
    assert "killing at least five officers" in doc.text
    assert "No group has yet claimed responsibility" in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.text == normalize_text(doc.text)
    assert doc.doc_id == document_id(doc.text)


def test_html_date_in_story_text_is_not_metadata(tmp_path):
    page = (
        "<html><head><title>Kunduz</title></head><body><article><p>The Taliban took the district on "
        f"July 12, 2021, residents said. {DISPATCH}</p></article></body></html>"
    )
    path = write(tmp_path / "nodate.htm", page)
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, Document), doc
    assert doc.published is None and doc.published_from is None


def test_jsonl_with_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": DISPATCH, "title": "Kunduz attack", "url": "https://example.org/a",
                    "source": "Tolo News", "published": "2021-08-02T10:31:00Z"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps({"text": SHORT_DISPATCH, "published": "Aug 3, 2021"}),
        json.dumps({"text": SHORT_DISPATCH + " Police are investigating."}),
    ]  # fmt: skip
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = list(iter_documents([str(path)], source="Given Outlet", published=date(2021, 8, 20)))
    assert [type(x).__name__ for x in items] == [
        "Document",
        "InputProblem",
        "InputProblem",
        "Document",
        "Document",
    ]
    first, bad_json, no_text, second, third = items
    assert first.origin == f"{path}:1"
    assert first.title == "Kunduz attack" and first.url == "https://example.org/a"
    assert first.source == "Tolo News"
    assert (first.published, first.published_from) == (date(2021, 8, 2), "metadata")
    assert bad_json.origin == f"{path}:2" and bad_json.reason.startswith("invalid JSON")
    assert no_text.origin == f"{path}:3" and "no text" in no_text.reason
    assert second.origin == f"{path}:5"
    assert (second.published, second.published_from) == (date(2021, 8, 3), "metadata")
    assert second.source == "Given Outlet"
    assert (third.published, third.published_from) == (date(2021, 8, 20), "given")


def test_jsonl_from_stdin(monkeypatch):
    data = (json.dumps({"text": DISPATCH, "source": "Stdin News"}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    [doc] = list(iter_documents(["-"]))
    assert isinstance(doc, Document)
    assert doc.source == "Stdin News" and doc.origin == "<stdin>:1"


def test_folder_recursive_sorted_and_filtered(tmp_path):
    root = tmp_path / "corpus"
    write(root / "b.txt", SHORT_DISPATCH)
    write(root / "a" / "z.html", HTML_PAGE)
    write(root / "a" / "deep" / "c.md", "# Bomb in Kandahar\n\n" + SHORT_DISPATCH + " Police said.")
    write(root / "notes.csv", "a,b,c\n")
    write(root / "image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    write(root / ".hidden.txt", DISPATCH)
    docs, problems = docs_and_problems(iter_documents([str(root)]))
    assert not problems
    assert [Path(d.origin).relative_to(root).as_posix() for d in docs] == ["a/deep/c.md", "a/z.html", "b.txt"]
    assert docs[0].title == "Bomb in Kandahar"


def test_explicit_unknown_suffix_is_sniffed(tmp_path):
    html = write(tmp_path / "page.download", HTML_PAGE)
    text = write(tmp_path / "dispatch.dat", DISPATCH)
    [a, b] = list(iter_documents([str(html), str(text)]))
    assert isinstance(a, Document) and a.source == "Example News" and "<p>" not in a.text
    assert isinstance(b, Document) and b.text == normalize_text(DISPATCH)


# ---------------------------------------------------------------- publication dates


def test_byline_date_in_file(tmp_path):
    text = "Taliban attack police post\n\nBy Jane Doe in Kabul, August 2, 2021\n\n" + DISPATCH
    [doc] = list(iter_documents([str(write(tmp_path / "byline.txt", text))], published=date(2021, 9, 1)))
    assert (doc.published, doc.published_from) == (date(2021, 8, 2), "byline")


def test_dateline_date_in_file(tmp_path):
    text = "KUNDUZ, Afghanistan, Aug. 2, 2021 (AP) — " + DISPATCH
    [doc] = list(iter_documents([str(write(tmp_path / "dateline.txt", text))]))
    assert (doc.published, doc.published_from) == (date(2021, 8, 2), "byline")


def test_given_date_fallback(tmp_path):
    text = "The Taliban took the district on July 12, 2021, residents said. " + DISPATCH
    [doc] = list(iter_documents([str(write(tmp_path / "story.txt", text))], published=date(2021, 8, 5)))
    assert (doc.published, doc.published_from) == (date(2021, 8, 5), "given")
    [doc] = list(iter_documents([str(tmp_path / "story.txt")]))
    assert (doc.published, doc.published_from) == (None, None)


@pytest.mark.parametrize(
    "head, expected",
    [
        ("By Jane Doe in Kabul, August 2, 2021\n\n", date(2021, 8, 2)),
        ("BY JANE DOE, Reuters | August 2, 2021 10:31 GMT\n", date(2021, 8, 2)),
        ("Kunduz clashes\nPublished: 2 August 2021\n\n", date(2021, 8, 2)),
        ("Jane Doe | Published on Tuesday, Aug 3, 2021 at 10:31 GMT\n", date(2021, 8, 3)),
        ("Updated 2021-08-02 10:31\n\n", date(2021, 8, 2)),
        ("August 2, 2021 — ", date(2021, 8, 2)),
        ("Monday, 2 August 2021\n\n", date(2021, 8, 2)),
        ("MAZAR-I-SHARIF, Afghanistan, 3rd August 2021 -- ", date(2021, 8, 3)),
        ("Lashkar Gah, Aug 4, 2021 (Reuters) - ", date(2021, 8, 4)),
        # a dateline without a year: unknown, unless a year stands in the lines above it
        ("KABUL, Aug 2 (Reuters) - ", None),
        ("Kabul attack, 2021\n\nKABUL, Aug 2 (Reuters) - ", date(2021, 8, 2)),
        # dates inside the story are never the publication date
        ("The Taliban took the district on July 12, 2021, residents said. ", None),
        ("By the time the Taliban took the district on July 12, 2021, most had fled. ", None),
        ("A UN report published on July 12, 2021 said dozens died.\n\n", None),
        ("KABUL, Feb 30, 2021 - ", None),  # no such day
    ],
)
def test_byline_date(head, expected):
    assert byline_date(head + DISPATCH) == expected


def test_byline_date_only_near_the_start():
    text = "Kunduz clashes\n\n" + (DISPATCH + "\n\n") * 3 + "Published: 2 August 2021\n"
    assert len(text) > 700
    assert byline_date(text) is None


def test_dateline_without_year_uses_reference():
    text = "KABUL, Dec 30 (Reuters) - " + DISPATCH
    assert byline_date(text) is None
    assert byline_date(text, reference=date(2022, 1, 2)) == date(2021, 12, 30)
    assert byline_date(text, reference=date(2021, 12, 31)) == date(2021, 12, 30)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2021-08-02", date(2021, 8, 2)),
        ("2021-08-02T10:31:00Z", date(2021, 8, 2)),
        ("2021-08-02T23:30:00-05:00", date(2021, 8, 2)),
        ("Aug 2, 2021", date(2021, 8, 2)),
        ("2 August 2021", date(2021, 8, 2)),
        ("Mon, 02 Aug 2021 10:31:00 GMT", date(2021, 8, 2)),
        ("02/08/2021", None),  # day or month first? unknown
        ("last Tuesday", None),
        ("", None),
        ("2021-02-30", None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


# ---------------------------------------------------------------- bad input


def only_problem(items) -> InputProblem:
    items = list(items)
    assert len(items) == 1 and isinstance(items[0], InputProblem), items
    return items[0]


def test_binary_pdf_and_nul_bytes(tmp_path):
    pdf = write(tmp_path / "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    nul = write(tmp_path / "blob.txt", b"Taliban fighters\x00\x01\x02attacked")
    gz = write(tmp_path / "x.html", b"\x1f\x8b\x08\x00rest")
    p = only_problem(iter_documents([str(pdf)]))
    assert p.reason == "binary file (PDF)" and p.origin == str(pdf)
    assert only_problem(iter_documents([str(nul)])).reason.startswith("binary file (NUL byte")
    assert only_problem(iter_documents([str(gz)])).reason == "binary file (gzip)"


def test_empty_files(tmp_path):
    assert only_problem(iter_documents([str(write(tmp_path / "e.txt", ""))])).reason == "empty: no text"
    assert (
        only_problem(iter_documents([str(write(tmp_path / "w.txt", " \n\n\t \r\n"))])).reason
        == "empty: no text"
    )
    empty_page = "<html><head><title>x</title></head><body><nav>Home</nav></body></html>"
    assert (
        only_problem(iter_documents([str(write(tmp_path / "e.html", empty_page))])).reason == "empty: no text"
    )


def test_undecodable_bytes(tmp_path):
    utf16ish = write(tmp_path / "u.txt", b"\xff\xfe\x00abc")
    p = only_problem(iter_documents([str(utf16ish)]))
    assert p.reason.startswith("undecodable: not UTF-8 (invalid byte 0xff at offset 0")
    latin1 = write(tmp_path / "l.txt", ("Caf" + "é in Kabul. " + DISPATCH).encode("latin-1"))
    p = only_problem(iter_documents([str(latin1)]))
    assert p.reason == "undecodable: not UTF-8 (invalid byte 0xe9 at offset 3)"


def test_utf8_bom_is_fine(tmp_path):
    [doc] = list(iter_documents([str(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + DISPATCH.encode()))]))
    assert isinstance(doc, Document) and doc.text == normalize_text(DISPATCH)


@pytest.mark.parametrize("text", [FRENCH, GERMAN, SPANISH])
def test_latin_non_english_rejected(tmp_path, text):
    assert not looks_english(text)
    p = only_problem(iter_documents([str(write(tmp_path / "x.txt", text))]))
    assert p.reason == "not English (few English function words)"


@pytest.mark.parametrize("text", [DARI, PASHTO, RUSSIAN])
def test_non_latin_script_rejected(tmp_path, text):
    assert not looks_english(text)
    p = only_problem(iter_documents([str(write(tmp_path / "x.txt", text))]))
    assert p.reason == "not English (looks like non-Latin script)"


def test_english_accepted_including_short_dispatches():
    assert looks_english(DISPATCH)
    assert looks_english(SHORT_DISPATCH)
    assert len(SHORT_DISPATCH.split()) >= 30
    thirty = (
        "Two soldiers were killed and four wounded when their vehicle hit a mine in Helmand province, "
        "the defence ministry said on Friday. It blamed the Taliban, who did not comment."
    )
    assert looks_english(thirty)
    # English quoting a few local names in their own script is still English
    assert looks_english(DISPATCH + " Residents of Kunduz (کندز) said the fighting had stopped.")


def test_missing_path(tmp_path):
    missing = str(tmp_path / "nope.txt")
    p = only_problem(iter_documents([missing]))
    assert p.origin == missing and p.reason.startswith("not found")


def test_bad_input_does_not_stop_the_batch(tmp_path):
    good = write(tmp_path / "good.txt", DISPATCH)
    bad = write(tmp_path / "bad.txt", b"%PDF-1.4")
    items = list(iter_documents([str(tmp_path / "missing"), str(bad), str(good)]))
    assert [type(x).__name__ for x in items] == ["InputProblem", "InputProblem", "Document"]


# ---------------------------------------------------------------- URLs (a loopback server)


class _Handler(http.server.BaseHTTPRequestHandler):
    pages = {
        "/article.html": ("text/html; charset=utf-8", HTML_PAGE.encode()),
        "/plain": ("text/plain; charset=utf-8", ("KABUL, Aug. 2, 2021 (AP) — " + DISPATCH).encode()),
        "/doc.pdf": ("application/pdf", b"%PDF-1.5\n..."),
    }

    def do_GET(self):  # noqa: N802
        if self.path == "/slow":
            time.sleep(1.0)  # longer than the client waits; the client has gone, so write nothing
            return
        if self.path not in self.pages:
            self.send_error(404, "Not Found")
            return
        content_type, body = self.pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_url_html_page(server):
    url = server + "/article.html"
    [doc] = list(iter_documents([url], source="fallback"))
    assert isinstance(doc, Document), doc
    assert doc.origin == url and doc.url == url
    assert doc.source == "Example News"
    assert (doc.published, doc.published_from) == (date(2021, 8, 2), "metadata")
    assert "killing at least five officers" in doc.text


def test_url_plain_text_and_source_argument(server):
    [doc] = list(iter_documents([server + "/plain"], source="AP"))
    assert isinstance(doc, Document), doc
    assert doc.source == "AP"
    assert (doc.published, doc.published_from) == (date(2021, 8, 2), "byline")
    [doc] = list(iter_documents([server + "/plain"]))
    assert doc.source == "127.0.0.1"  # the host, when nothing better is known


def test_url_errors(server):
    p = only_problem(iter_documents([server + "/missing.html"]))
    assert p.reason.startswith("fetch failed: HTTP 404") and p.origin == server + "/missing.html"
    assert only_problem(iter_documents([server + "/doc.pdf"])).reason == "binary file (PDF)"


def test_url_connection_refused():
    # bind a loopback port, close it, then fetch from it: nothing listens there
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    port = httpd.server_address[1]
    httpd.server_close()
    p = only_problem(iter_documents([f"http://127.0.0.1:{port}/x.html"]))
    assert p.reason.startswith("fetch failed: connection error")


def test_url_timeout(server, monkeypatch):
    monkeypatch.setattr("contested.ingest.FETCH_TIMEOUT", 0.3)
    p = only_problem(iter_documents([server + "/slow"]))
    assert p.reason == "fetch failed: timeout after 0.3 s"

"""Reading articles: files, folders, URLs and JSONL into ``Document`` records.

Every input yields ``Document``s or ``InputProblem``s; bad input is reported, never raised, so one bad
file does not stop a batch. A document's identity is its content: ``doc_id`` is a hash of the normalized
text, so ingesting the same article twice gives the same id.

Publication date, in order of trust: the page's own metadata (HTML meta tags, the JSONL ``published``
field) -> ``published_from="metadata"``; a byline or dateline at the head of the text -> ``"byline"``;
the date given by the caller -> ``"given"``; else unknown (None). A JSONL ``published`` that is not a date
("yesterday", "2021-13-45") is a warning (logged on the ``contested.ingest`` logger with the line) and the
next source of a date is used; one outside the sensible range (``metadata.published_problem``: before
1900, or more than two days after today) refuses the record.

Limits (``config.settings()``): a text longer than ``max_text_chars`` is refused; a URL fetch has a total
deadline of ``fetch_deadline_s``; a symbolic link inside a folder that points outside it is not followed.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from hashlib import sha256
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from .config import settings
from .metadata import byline_date, parse_published, published_problem
from .records import Document, InputProblem

__all__ = [
    "FETCH_TIMEOUT",
    "FOLDER_SUFFIXES",
    "USER_AGENT",
    "document_id",
    "english_problem",
    "iter_documents",
    "looks_english",
    "clean_text",
    "normalize_text",
    "text_problem",
]

log = logging.getLogger("contested.ingest")

FETCH_TIMEOUT = 20.0  # seconds without a byte from the server; the total deadline is settings().fetch_deadline_s
USER_AGENT = "contested/0.1 (news event extraction; +https://pypi.org/project/contested/)"
MAX_FETCH_BYTES = 50 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES

# ---------------------------------------------------------------- text normalization and identity

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without what no UTF-8 file, JSON document or database column can hold: surrogate code
    points (a valid pair is joined into its character, a lone one becomes U+FFFD) and NUL."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\x00", "")


def normalize_text(text: str) -> str:
    """NFC; one kind of newline; spaces collapsed and lines stripped; at most one blank line between
    paragraphs (paragraph breaks are kept); no leading or trailing blank lines. Surrogate code points and
    control characters are cleaned (``clean_text``), so that the result always encodes as UTF-8."""
    text = unicodedata.normalize("NFC", clean_text(text))
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def document_id(text: str) -> str:
    """The document's identity: the first 20 hex digits of the SHA-256 of its normalized text."""
    return sha256(normalize_text(text).encode("utf-8")).hexdigest()[:20]


# ---------------------------------------------------------------- language

# English function words. A few are also words of other languages ("a" in French and Spanish, "in" and
# "an" in German); those that are frequent elsewhere stay out ("die", "so", "also", "no", "de", "la").
# English news runs at 30-45 % of these; French, German, Spanish, Italian, Dutch, Portuguese under 5 %.
_ENGLISH_WORDS = frozenset(
    """the a an in on of and to is are was were be been being that this these those with for from by at as it its
    he she they them their his her him we our you your i has have had having not but or which who whom
    whose what when where while after before said says say would could should can into than then there
    over under about against between during also more most some any other such only just because if
    do does did up out off all both each very how why our my me us said told according""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_WORDS_CHECKED = 300
_MIN_LATIN_SHARE = 0.70
_MIN_FUNCTION_SHARE = 0.15
_MIN_WORDS_FOR_FUNCTION_TEST = 12


def english_problem(text: str) -> str | None:
    """Why ``text`` does not look like English, or None when it does (a cheap heuristic)."""
    words = _WORD.findall(text)[:_WORDS_CHECKED]
    letters = [ch for w in words for ch in w]
    if not letters:
        return None  # nothing to judge (numbers only): let later stages decide
    ascii_letters = sum(1 for ch in letters if ch.isascii())
    if ascii_letters / len(letters) < _MIN_LATIN_SHARE:
        return "not English (looks like non-Latin script)"
    if len(words) >= _MIN_WORDS_FOR_FUNCTION_TEST:
        function = sum(1 for w in words if w.lower().replace("’", "'") in _ENGLISH_WORDS)
        if function / len(words) < _MIN_FUNCTION_SHARE:
            return "not English (few English function words)"
    return None


def looks_english(text: str) -> bool:
    """True when ``text`` looks like English: mostly ASCII Latin letters and enough English function
    words among its first ~300 words (texts under 12 words only get the script test)."""
    return english_problem(text) is None


# ---------------------------------------------------------------- bytes -> text

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh9", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x20ftyp", "MP4"),
    (b"SQLite format 3\x00", "SQLite"),
)
_UTF16_32_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class _Bad(Exception):
    """An input problem found while reading; becomes an InputProblem."""


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _check_binary(data: bytes) -> None:
    kind = _binary_kind(data)
    if kind is not None:
        raise _Bad(f"binary file ({kind})")
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            raise _Bad(
                f"undecodable: not UTF-8 (invalid byte 0x{data[0]:02x} at offset 0; looks like {name})"
            )
    nul = data.find(b"\x00", 0, 65536)
    if nul >= 0:
        raise _Bad(f"binary file (NUL byte at offset {nul})")


def _decode(data: bytes, *, html: bool = False, declared: str | None = None) -> str:
    """UTF-8 (with or without BOM). HTML whose <meta charset> (or a declared HTTP charset) names another
    encoding is decoded with it; anything else that is not UTF-8 is reported."""
    offset = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[offset:].decode("utf-8")
    except UnicodeDecodeError as exc:
        error = exc
    charsets = [declared] if declared else []
    if html and (m := _HTML_CHARSET.search(data[:4096])):
        charsets.append(m.group(1).decode("ascii", "replace"))
    for charset in charsets:
        if charset and charset.lower().replace("_", "-") not in {"utf-8", "utf8"}:
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
    pos = offset + error.start
    raise _Bad(f"undecodable: not UTF-8 (invalid byte 0x{data[pos]:02x} at offset {pos})")


_LOOKS_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|meta|title|div|p)\b", re.IGNORECASE)


def _sniff(text: str) -> str:
    head = text[:4096]
    if _LOOKS_HTML.search(head):
        return "html"
    first = head.lstrip()
    if first.startswith("{"):
        line = first.split("\n", 1)[0]
        try:
            if isinstance(json.loads(line), dict):
                return "jsonl"
        except ValueError:
            pass
    return "text"


# ---------------------------------------------------------------- building documents


@dataclass(slots=True)
class _Raw:
    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None  # from the document's own metadata
    host: str | None = None  # the site's host name: the outlet when nothing better is known
    warnings: list[str] = field(default_factory=list)  # said about the document, which is still read


def _field_text(value: str | None) -> str | None:
    """A one-line metadata value (source, URL), cleaned; None when empty."""
    if value is None:
        return None
    value = " ".join(clean_text(value).split())
    return value or None


def text_problem(text: str) -> str | None:
    """Why a (normalized) text is refused before any extraction: over the length limit."""
    limit = settings().max_text_chars
    if len(text) > limit:
        return (f"too long: {len(text):,} characters, over the limit of {limit:,} "
                "(CONTESTED_MAX_TEXT_CHARS sets it)")
    return None


def _log_warning(origin: str, message: str) -> None:
    log.warning("warning: %s: %s", origin, message)


def _make(raw: _Raw, published: date | None, source: str | None,
          warn: Callable[[str, str], None] = _log_warning) -> Document | InputProblem:  # fmt: skip
    for warning in raw.warnings:
        warn(raw.origin, warning)
    if len(raw.text) > 2 * settings().max_text_chars:  # not worth normalizing
        return InputProblem(raw.origin, text_problem(raw.text) or "too long")
    text = normalize_text(raw.text)
    if not text:
        return InputProblem(raw.origin, "empty: no text")
    if (problem := text_problem(text)) is not None:
        return InputProblem(raw.origin, problem)
    problem = english_problem(text)
    if problem is not None:
        return InputProblem(raw.origin, problem)
    when, how = raw.published, "metadata" if raw.published else None
    if when is None and (when := byline_date(text, reference=published)) is not None:
        how = "byline"
    if when is None and published is not None:
        when, how = published, "given"
    title = normalize_text(raw.title).replace("\n", " ") if raw.title else None
    return Document(
        doc_id=document_id(text),
        text=text,
        title=title or None,
        url=_field_text(raw.url),
        source=_field_text(raw.source) or _field_text(source) or _field_text(raw.host),
        published=when,
        published_from=how,
        origin=raw.origin,
    )


_SENTENCE_END = (".", "!", "?", ",", ";", ":", "…")


def _obvious_title(text: str) -> str | None:
    """A first line standing alone above the body, short and not a sentence, byline or date line."""
    text = normalize_text(text)
    if text.startswith("# "):  # Markdown heading
        return text.split("\n", 1)[0][2:].strip() or None
    head, sep, rest = text.partition("\n\n")
    if not sep or "\n" in head or not rest.strip():
        return None
    if len(head) >= 150 or len(head.split()) < 2 or head.endswith(_SENTENCE_END):
        return None
    if re.match(r"(?i)by\s", head) or byline_date(head) is not None:
        return None
    return head


def _from_text(text: str, origin: str, url: str | None = None) -> Iterator[_Raw]:
    yield _Raw(text=text, origin=origin, title=_obvious_title(text), url=url)


def _from_html(html: str | bytes, origin: str, url: str | None = None) -> Iterator[_Raw]:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=False,
            include_comments=False,
            # Only the page's own date markup, never a date guessed from the story's text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (RecursionError, ValueError, TypeError, AttributeError):  # a page trafilatura cannot parse
        extracted = None
    if extracted is None:
        # trafilatura (lxml) gives up on some pages (10,000 nested <div>s are past libxml2's depth limit):
        # the paragraphs of the page, read without a tree.
        fallback = _FallbackText.read(html if isinstance(html, str) else html.decode("utf-8", "replace"))
        if len(fallback.text.split()) < _MIN_HTML_WORDS:
            raise _Bad("empty: no text")
        yield _Raw(text=fallback.text, origin=origin, title=fallback.title, url=url,
                   host=urlparse(url).hostname if url else None)
        return
    # Fewer than a handful of words is what trafilatura falls back to on a page without an article
    # (a menu entry, a cookie notice): no text.
    if len((extracted.text or "").split()) < _MIN_HTML_WORDS:
        raise _Bad("empty: no text")
    host = extracted.hostname or (urlparse(url).hostname if url else None)
    raw = _Raw(
        text=extracted.text,
        origin=origin,
        title=extracted.title,
        url=extracted.url or url,
        source=extracted.sitename,
        host=host,
    )
    when = parse_published(extracted.date) if isinstance(extracted.date, str) else None
    if when is not None and (problem := published_problem(when, "the page's publication date")) is not None:
        raw.warnings.append(f"{problem}; not taken")
    else:
        raw.published = when
    yield raw


class _FallbackText(HTMLParser):
    """The text of an HTML page's paragraphs without building a tree (any depth of nesting): blocks of
    at least ``MIN_BLOCK_WORDS`` words, outside scripts, styles, navigation, headers, footers and forms."""

    SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
                      "form", "button", "select", "textarea", "iframe", "object", "head"})
    BLOCK = frozenset({"p", "div", "article", "section", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
                       "h6", "blockquote", "br", "tr", "td", "th", "table", "pre", "dd", "dt", "figcaption",
                       "body", "html"})
    MIN_BLOCK_WORDS = 8

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping: dict[str, int] = {}
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.in_title = False
        self.title: str | None = None
        self.text = ""

    @classmethod
    def read(cls, html: str) -> _FallbackText:
        reader = cls()
        try:
            reader.feed(html)
            reader.close()
        except (AssertionError, ValueError):  # malformed markup past what the parser recovers from
            pass
        reader._flush()
        reader.text = "\n\n".join(reader.blocks)
        return reader

    def _flush(self) -> None:
        block = " ".join("".join(self.current).split())
        self.current = []
        if len(block.split()) >= self.MIN_BLOCK_WORDS:
            self.blocks.append(block)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        elif tag in self.BLOCK:
            self._flush()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in self.BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.SKIP and self.skipping.get(tag):
            self.skipping[tag] -= 1
            if not self.skipping[tag]:
                del self.skipping[tag]
        elif tag in self.BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (self.title or "") + data
        elif not self.skipping:
            self.current.append(data)


_MIN_HTML_WORDS = 5
_TEXT_FIELDS = ("text", "body", "content")


def _record(obj: object, origin: str) -> _Raw:
    if not isinstance(obj, dict):
        raise _Bad(f"invalid record: expected a JSON object, got {type(obj).__name__}")
    text = next((obj[k] for k in _TEXT_FIELDS if k in obj), None)
    if text is None:
        raise _Bad("no text: the record has no 'text' field")
    if not isinstance(text, str):
        raise _Bad(f"invalid record: 'text' is {type(text).__name__}, not a string")

    def text_field(name: str) -> str | None:
        value = obj.get(name)
        return value.strip() or None if isinstance(value, str) else None

    raw = _Raw(text=text, origin=origin, title=text_field("title"), url=text_field("url"),
               source=text_field("source"))
    name = "published" if obj.get("published") not in (None, "") else "date"
    value = obj.get(name)
    if value in (None, ""):
        return raw
    when = parse_published(value) if isinstance(value, str) else None
    if when is None:
        shown = _short(repr(value) if not isinstance(value, str) else repr(clean_text(value)), 60)
        raw.warnings.append(f"'{name}' is not a date ({shown}); the date is taken from a byline or "
                            "dateline, else from --published, else left unknown")
        return raw
    if (problem := published_problem(when, f"'{name}'")) is not None:
        raise _Bad(f"refused: {problem}")
    raw.published = when
    return raw


def _from_jsonl(data: bytes, origin: str) -> Iterator[_Raw | InputProblem]:
    """One record a line; a bad line is reported with its line number and the others go on."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = data.split(b"\n")
    any_line = False
    for lineno, line in enumerate(lines, 1):
        where = f"{origin}:{lineno}"
        if not line.strip():
            continue
        any_line = True
        try:
            try:
                decoded = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _Bad(
                    f"undecodable: not UTF-8 (invalid byte 0x{line[exc.start]:02x} at column {exc.start + 1})"
                ) from None
            try:
                obj = json.loads(decoded)
            except json.JSONDecodeError as exc:
                raise _Bad(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
            yield _record(obj, where)
        except _Bad as bad:
            yield InputProblem(where, str(bad))
    if not any_line:
        yield InputProblem(origin, "empty: no text")


def _from_json(text: str, origin: str) -> Iterator[_Raw | InputProblem]:
    """A JSON file: one record, or a list of records (origin ``path[i]``)."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        # Perhaps JSON Lines under a .json name.
        if text.lstrip().startswith("{") and "\n" in text.strip():
            yield from _from_jsonl(text.encode("utf-8"), origin)
            return
        raise _Bad(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if isinstance(obj, list):
        if not obj:
            raise _Bad("empty: no records")
        for i, item in enumerate(obj):
            try:
                yield _record(item, f"{origin}[{i}]")
            except _Bad as bad:
                yield InputProblem(f"{origin}[{i}]", str(bad))
    else:
        yield _record(obj, origin)


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    return None


def _from_bytes(data: bytes, kind: str | None, origin: str, url: str | None = None,
                charset: str | None = None) -> Iterator[_Raw | InputProblem]:  # fmt: skip
    if not data.strip():
        raise _Bad("empty: no text")
    _check_binary(data)
    if kind == "jsonl":
        yield from _from_jsonl(data, origin)
        return
    text = _decode(data, html=kind in (None, "html"), declared=charset)
    if not text.strip():
        raise _Bad("empty: no text")
    if kind is None:
        kind = _sniff(text)
        if kind == "jsonl":
            yield from _from_jsonl(data, origin)
            return
    if kind == "html":
        yield from _from_html(text, origin, url)
    elif kind == "json":
        yield from _from_json(text, origin)
    else:
        yield from _from_text(text, origin, url)


def _read_file(path: Path, kind: str | None) -> Iterator[_Raw | InputProblem]:
    try:
        size = path.stat().st_size
        if kind != "jsonl" and size > MAX_FETCH_BYTES:
            raise _Bad(f"too large: {size / 2**20:.0f} MiB, over the limit of {MAX_FETCH_BYTES // 2**20} MiB "
                       "for one document")
        data = path.read_bytes()
    except OSError as exc:
        raise _Bad(f"unreadable: {exc.strerror or exc}") from None
    yield from _from_bytes(data, kind, str(path))


def _download(url: str, read_timeout: float, cancelled: threading.Event,
              opened: dict[str, object]) -> tuple[bytes, str, str | None, str]:  # fmt: skip
    """(body, content type, charset, final URL); raises _Bad. Stops early once ``cancelled`` is set; the
    response is put in ``opened`` so that the caller can cut its connection."""
    import requests

    try:
        with requests.get(
            url, timeout=read_timeout, headers={"User-Agent": USER_AGENT}, stream=True
        ) as resp:
            opened["response"] = resp
            if resp.status_code >= 400:
                reason = f" {resp.reason}" if resp.reason else ""
                raise _Bad(f"fetch failed: HTTP {resp.status_code}{reason}")
            chunks, size = [], 0
            for chunk in resp.iter_content(16384):
                if cancelled.is_set():
                    raise _Bad("fetch failed: cancelled")
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_FETCH_BYTES:
                    raise _Bad(f"fetch failed: page larger than {MAX_FETCH_BYTES // (1024 * 1024)} MiB")
            data = b"".join(chunks)
            content_type = resp.headers.get("Content-Type", "").lower()
            charset = None
            if m := re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type):
                charset = m.group(1)
            return data, content_type, charset, resp.url or url
    except requests.Timeout:
        raise _Bad(f"fetch failed: timeout after {read_timeout:g} s") from None
    except requests.ConnectionError as exc:
        raise _Bad(f"fetch failed: connection error ({_short(exc)})") from None
    except requests.RequestException as exc:
        raise _Bad(f"fetch failed: {type(exc).__name__} ({_short(exc)})") from None


def _cut(response: object) -> None:
    """Shut the socket of a response being read in another thread, so that its read ends now."""
    import socket

    sock = getattr(getattr(getattr(response, "raw", None), "connection", None), "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _fetch(url: str) -> Iterator[_Raw | InputProblem]:
    """The page at ``url``, within a total deadline (``settings().fetch_deadline_s``: name lookup,
    connection and every byte); a server that answers slowly, or never, is a reason, not a hang. The
    download runs in a worker thread that is abandoned (and told to stop) at the deadline."""
    deadline = settings().fetch_deadline_s
    cancelled = threading.Event()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["value"] = _download(url, min(FETCH_TIMEOUT, deadline), cancelled, outcome)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="contested-fetch", daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive():
        cancelled.set()
        _cut(outcome.get("response"))
        raise _Bad(f"fetch failed: no complete answer within {deadline:g} s (the total deadline; "
                   "CONTESTED_FETCH_DEADLINE sets it)")
    if "error" in outcome:
        error = outcome["error"]
        if isinstance(error, _Bad):
            raise error
        raise _Bad(f"fetch failed: {type(error).__name__} ({_short(error)})")
    data, content_type, charset, final_url = outcome["value"]
    if "html" in content_type or "xml" in content_type:
        kind: str | None = "html"
    elif "json" in content_type:
        kind = "jsonl" if "ndjson" in content_type or "jsonl" in content_type else "json"
    elif content_type.startswith("text/plain"):
        kind = "text"
    else:
        kind = _kind_of(Path(urlparse(final_url).path))
    raws = _from_bytes(data, kind, url, url=final_url, charset=charset)
    host = urlparse(final_url).hostname
    for raw in raws:
        if isinstance(raw, _Raw) and raw.url is None:
            raw.url = final_url
        if isinstance(raw, _Raw) and raw.host is None:
            raw.host = host
        yield raw


def _short(exc: Exception, limit: int = 160) -> str:
    text = str(exc)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _outside(link: Path, root: Path) -> str | None:
    """Why the symbolic link ``link`` is not followed: it points outside ``root`` (resolved), or nowhere."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return "skipped: a symbolic link that points nowhere (or in a loop); not followed"
    if not target.is_relative_to(root):
        return f"skipped: a symbolic link to {target}, outside the folder {root}; not followed"
    return None


def _folder_files(root: Path) -> tuple[list[Path], list[InputProblem]]:
    """Files with a known suffix under ``root``, recursively, sorted; hidden files and folders skipped.
    A symbolic link to a file outside ``root`` is not followed but reported, and so is a link to a folder
    outside it (links to folders are never walked: what they hold inside ``root`` is walked anyway)."""
    found: list[Path] = []
    problems: list[InputProblem] = []
    real_root = root.resolve()
    for folder, dirs, files in os.walk(root):
        for d in sorted(dirs):
            link = Path(folder) / d
            if not d.startswith(".") and link.is_symlink() and (why := _outside(link, real_root)) is not None:
                problems.append(InputProblem(str(link), why))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in FOLDER_SUFFIXES:
                path = Path(folder) / name
                if path.is_symlink() and (why := _outside(path, real_root)) is not None:
                    problems.append(InputProblem(str(path), why))
                else:
                    found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).parts), problems


def _stdin_bytes() -> bytes:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer.read()
    return stream.read().encode("utf-8")


def _raw_items(item: str) -> Iterator[tuple[str, Iterator[_Raw | InputProblem]]]:
    """(origin, lazy items) pairs for one input."""
    if item == "-":
        yield "<stdin>", _from_jsonl(_stdin_bytes(), "<stdin>")
        return
    if not item.strip():
        yield repr(item), iter([InputProblem(repr(item), "an empty path names nothing: give a file, folder or URL")])
        return
    if re.match(r"(?i)^https?://", item):
        yield item, _fetch(item)
        return
    path = Path(item).expanduser()
    if not path.exists():
        yield item, iter([InputProblem(item, "not found: no such file or directory")])
    elif path.is_dir():
        files, problems = _folder_files(path)
        if problems:
            yield item, iter(problems)
        if not files and not problems:
            suffixes = ", ".join(sorted(FOLDER_SUFFIXES))
            yield (
                item,
                iter([InputProblem(item, f"empty: folder holds no files with a known suffix ({suffixes})")]),
            )
        for file in files:
            yield str(file), _read_file(file, _kind_of(file))
    else:
        yield item, _read_file(path, _kind_of(path))


def iter_documents(
    inputs: list[str],
    *,
    published: date | None = None,
    source: str | None = None,
    on_warning: Callable[[str, str], None] | None = None,
) -> Iterator[Document | InputProblem]:
    """Documents read from files, folders (recursively, sorted), http(s) URLs and "-" (JSONL on stdin).

    ``published`` is used when a document carries no date of its own (``published_from="given"``);
    ``source`` names the outlet when the document does not (plain text always takes it).
    Bad input yields an ``InputProblem`` and the rest goes on; nothing is raised for input. Warnings about
    a document that is still read (a ``published`` that is not a date) go to ``on_warning(origin,
    message)``, else to the ``contested.ingest`` logger; each comes before the document it is about. A ``published`` argument outside the sensible range raises ValueError before anything is read.
    """
    if published is not None:
        if isinstance(published, datetime):
            published = published.date()
        if (problem := published_problem(published, "--published")) is not None:
            raise ValueError(problem)
    for item in inputs:
        origin = item
        try:
            for origin, raws in _raw_items(item):
                try:
                    for raw in raws:
                        if isinstance(raw, InputProblem):
                            yield raw
                        else:
                            yield _make(raw, published, source, on_warning or _log_warning)
                except _Bad as bad:
                    yield InputProblem(origin, str(bad))
                except Exception as exc:  # noqa: BLE001 - never let one input stop the batch
                    yield InputProblem(origin, f"error: {type(exc).__name__}: {_short(exc)}")
        except Exception as exc:  # noqa: BLE001
            yield InputProblem(origin, f"error: {type(exc).__name__}: {_short(exc)}")


def documents_from_bytes(data: bytes, kind: str, origin: str) -> list[Document | InputProblem]:
    """The documents in one body of bytes (``kind``: json, jsonl, html or text), read by the same code as
    files: for the HTTP API. A body that is unreadable as a whole raises ValueError with the reason; a bad
    record is an InputProblem in the list."""
    try:
        raws = list(_from_json(_decode(data), origin)) if kind == "json" else list(_from_bytes(data, kind, origin))
    except _Bad as bad:
        raise ValueError(str(bad)) from None
    return [raw if isinstance(raw, InputProblem) else _make(raw, None, None) for raw in raws]

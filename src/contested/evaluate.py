"""``contested evaluate FILE``: run the pipeline over a coded set and print how it did.

Four kinds of coded set (told apart by the file, or ``--format``):

- ``acled``: an ACLED CSV (ACLED's export, or the shorter layout with ``Sub_type``/``Notes``). Each note is a
  document; its first extracted event's ACLED sub-event type is compared with the coders' (weighted F1,
  accuracy, share of notes with an event).
- ``tsv``: two columns, text and ACLED sub-event type (a header row is skipped when its second column is
  not a sub-event type). Scored as ``acled``.
- ``gold``: the project's gold JSONL of long articles with every event they report (format below). Scored
  per event: precision (a stored event that matches no gold event, or a second event for a happening already
  matched, is an error), recall, and type / place / date agreement of the matched events.
- ``wikievents``: WikiEvents' JSONL (``doc_id``, ``sentences``, ``event_mentions``). KAIROS types are mapped to
  the taxonomy by ``data/kairos_types.json``; scored per sentence: precision and recall of sentences that report
  a conflict event (the headline, sentence 0, is left out: contested codes the story, not its headline).

Gold JSONL, one article a line::

    {"id": "...", "illustrative": true, "published": "2021-07-10", "source": "...", "text": "...",
     "events": [{"id": "e1", "type": "territory_captured", "detail": null, "location": "Imam Sahib",
                 "date": "2021-07-04", "mentions": ["exact words of the text that tell it", "..."]}],
     "not_events": [{"text": "exact words", "reason": "opinion"}]}

``mentions`` are exact substrings of ``text``: every place the article tells the event (a retelling is a
mention of the same event). A stored event belongs to a gold event when one of its claims' sentences holds
one of the mentions. ``not_events`` name sentences an analyst would not code, with why; they are reported
where the pipeline made an event from them. ``location`` and ``date`` may be null (the article does not say).
``location`` is a name as the text writes it, or an object that also gives the country and first-level unit
and other names that are as right (the district a village lies in, the other end of a road)::

    "location": {"name": "Diaca", "country": "Mozambique", "admin1": "Cabo Delgado",
                 "alternatives": ["Mocímboa da Praia"]}

An event may also carry ``sub_event_type`` (ACLED's, for the reader; the taxonomy maps ``type``/``detail``).

Figures: ``precision``/``recall`` count a stored event as right only with the gold event's type (and detail);
``detected_precision``/``detected_recall`` count it whatever its type (the event-or-not and retelling
decisions alone), and ``type_right_of_detected`` is the share of those with the right type. Place (the name,
and where the gold gives them its country and admin1) and date are checked on the events matched with their
type.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from contested.records import Document, Event
from contested.taxonomy import EVENT_TYPES, acled_type
from contested.textnorm import fold, name_key

SUB_EVENT_TYPES = frozenset(t.sub_event_type for t in EVENT_TYPES.values()) | {
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration",
    "Mob violence", "Non-violent transfer of territory", "Looting/property destruction", "Chemical weapon",
}


@dataclass(slots=True)
class Report:
    name: str
    figures: dict[str, object] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    errors: list[dict] = field(default_factory=list)


def weighted_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, dict]]:
    """Support-weighted F1 over the gold labels (scikit-learn's 'weighted'), and per-label figures."""
    support = Counter(gold)
    per: dict[str, dict] = {}
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / n if n else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = {"support": n, "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)}
        total += f1 * n
    return (total / len(gold) if gold else 0.0), per


def _extract(docs: list[Document]) -> dict[str, list[Event]]:
    from contested.pipeline import extract_documents

    return {doc.doc_id: evs for doc, evs in extract_documents(docs)}


# ---------------------------------------------------------------- one text, one sub-event type

_REPORTED = re.compile(r"As reported on\s+([^,]+?\d{4})", re.IGNORECASE)


def coded_document(text: str, when: str | None) -> Document:
    """A coded note as a document: published on the date its text reports ("As reported on 3 May 2020"),
    else on the coded date (YYYY-MM-DD), so that "on Monday" resolves as it did for the coder."""
    from contested.metadata import parse_published
    from contested.pipeline import make_document

    published = None
    m = _REPORTED.search(text)
    if m:
        published = parse_published(m.group(1).replace("-", " "))
    if published is None and when and re.match(r"\d{4}-\d\d-\d\d$", when):
        published = date.fromisoformat(when)
    return make_document(text, published=published, source="coded set")


def _labelled(items: list[tuple[str, str, str | None]], name: str, limit: int | None = None) -> Report:
    items = items[:limit] if limit else items
    docs = [coded_document(text, when) for text, _, when in items]
    extracted = _extract(docs)
    gold, pred = [], []
    report = Report(name)
    for (text, sub, _), doc in zip(items, docs, strict=True):
        evs = extracted.get(doc.doc_id, [])
        p = evs[0].acled_sub_event_type if evs else "(none)"
        gold.append(sub)
        pred.append(p)
        if p != sub:
            report.confusion[(sub, p)] += 1
            report.errors.append({"gold": sub, "predicted": p, "text": text})
    f1, per = weighted_f1(gold, pred)
    report.figures = {
        "items": len(items),
        "sub_event_weighted_f1": round(f1, 3),
        "sub_event_accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold)), 3),
        "with_an_event": round(sum(p != "(none)" for p in pred) / max(1, len(pred)), 3),
        "per_class": per,
    }
    # The worst errors: those of the most frequent gold types first (they weigh most).
    support = Counter(gold)
    report.errors.sort(key=lambda e: -support[e["gold"]])
    return report


def read_tsv(path: str | Path) -> list[tuple[str, str, str | None]]:
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.reader(fh, delimiter="\t")):
            if len(row) < 2 or not row[0].strip():
                continue
            if i == 0 and row[1].strip() not in SUB_EVENT_TYPES:
                continue  # a header
            out.append((row[0].strip(), row[1].strip(), None))
    return out


def evaluate_acled(path: str | Path, months: Iterable[str] | None = None, limit: int | None = None) -> Report:
    from contested.typing_model import read_acled

    return _labelled(read_acled(path, months), f"ACLED notes: {Path(path).name}", limit)


def evaluate_tsv(path: str | Path, limit: int | None = None) -> Report:
    return _labelled(read_tsv(path), f"text and sub-event type: {Path(path).name}", limit)


# ---------------------------------------------------------------- gold articles, every event


def read_gold(path: str | Path) -> list[dict]:
    articles = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            a = json.loads(line)
            for ev in a.get("events", []):
                if ev["type"] not in EVENT_TYPES:
                    raise ValueError(f"{path}:{n}: unknown type {ev['type']!r}")
                for m in ev.get("mentions", []):
                    if m not in a["text"]:
                        raise ValueError(f"{path}:{n}: mention not in the text: {m!r}")
            for ne in a.get("not_events", []):
                if ne["text"] not in a["text"]:
                    raise ValueError(f"{path}:{n}: not_event not in the text: {ne['text']!r}")
            articles.append(a)
    return articles


def _spans(text: str, words: str) -> list[tuple[int, int]]:
    out, i = [], text.find(words)
    while i >= 0:
        out.append((i, i + len(words)))
        i = text.find(words, i + 1)
    return out


_UNIT_WORDS = frozenset({"province", "region", "state", "oblast", "division", "governorate", "county",
                         "prefecture", "department", "territory", "zone", "district", "the", "of"})


def gold_location(g: dict) -> dict | None:
    """A gold event's location as ``{"name", "country", "admin1", "alternatives"}`` (a bare name allowed)."""
    loc = g.get("location")
    if not loc:
        return None
    if isinstance(loc, str):
        return {"name": loc, "country": None, "admin1": None, "alternatives": []}
    return {"name": loc["name"], "country": loc.get("country"), "admin1": loc.get("admin1"),
            "alternatives": list(loc.get("alternatives") or [])}


def same_unit(a: str | None, b: str | None) -> bool:
    """Two spellings of one country or first-level unit ("Tigray"/"Tigrai", "Amhara"/"Amara", "Odesa"/
    "Odeska", "Sagaing Region"/"Sagaing"): equal keys once the unit words are set aside, one key the other's
    with a short ending added, or one-word folded spellings of five letters or more that are close (a
    ratio of 0.8; not "Centre"/"Centre-Est", "Est"/"Ouest"); else two names of one unit in the gazetteer
    ("Nord-Kivu"/"North Kivu")."""
    if not a or not b:
        return False
    bare = [" ".join(w for w in x.replace("-", " ").split() if w.lower() not in _UNIT_WORDS) for x in (a, b)]
    ka, kb = (name_key(x) for x in bare)
    if ka == kb:
        return bool(ka)
    short, long_ = sorted((ka, kb), key=len)
    one_word = all(len(x.split()) == 1 for x in bare)
    if one_word and len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3:
        return True
    fa, fb = (fold(x).lower().replace(" ", "") for x in bare)
    if one_word and min(len(fa), len(fb)) >= 5 and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.8:
        return True
    return _one_unit(a, b)


@lru_cache(maxsize=4096)
def _one_unit(a: str, b: str) -> bool:
    """Two names the gazetteer reads as one first-level unit or country, one of them an alternate name
    ("Nord-Kivu" / "North Kivu", "Alger" / "Algiers"): where the unit shows its English name, a coder's local
    spelling is still the same unit."""
    from contested.gazetteer import Gazetteer

    gaz = Gazetteer.load()

    def units(name: str) -> set[tuple[str | None, str]]:
        return {(p.country_code, p.feature or "") if p.feature == "country" else (p.country_code, p.name)
                for p in gaz.lookup(name) if p.feature in ("province", "country")}

    return bool(units(a) & units(b))


def place_right(g: dict, ev: Event) -> dict[str, bool | None]:
    """Whether the stored event's place is the gold one: its name (or an alternative), country and admin1
    (None where the gold does not give them)."""
    loc = gold_location(g)
    if loc is None:
        return {"name": None, "country": None, "admin1": None}
    where = ev.location
    names = {name_key(n) for n in [loc["name"], *loc["alternatives"]]}
    return {
        "name": where is not None and bool(names & {name_key(where.name), name_key(where.text or "")}),
        "country": None if not loc["country"] else where is not None and same_unit(loc["country"], where.country),
        "admin1": None if not loc["admin1"] else where is not None and same_unit(loc["admin1"], where.admin1),
    }


def match_article(article: dict, events: list[Event]) -> dict:
    """Stored events against one article's gold events: true positives, duplicates, wrong types, noise.

    A stored event with the gold event's type takes a gold event it tells that is not taken yet (the one at
    its place first, where it tells several); one of another type that tells a gold event no event of the
    right type took counts as detected with the wrong type (``wrong_type``, ``detected``)."""
    text = article["text"]
    gold = article.get("events", [])
    mention_spans = [[s for m in g.get("mentions", []) for s in _spans(text, m)] for g in gold]
    not_events = [(s, ne["reason"], ne["text"]) for ne in article.get("not_events", []) for s in _spans(text, ne["text"])]
    matched: dict[int, Event] = {}
    rows = []
    pending: list[tuple[dict, list[int]]] = []
    for ev in events:
        claim_spans = [c.span for c in ev.claims]
        overlapping = [i for i, spans in enumerate(mention_spans)
                       if any(cs <= ms < ce or ms <= cs < me for cs, ce in claim_spans for ms, me in spans)]
        same_type = [i for i in overlapping if gold[i]["type"] == ev.type
                     and (not gold[i].get("detail") or gold[i]["detail"] == ev.detail)]
        sentence = ev.claims[0].sentence if ev.claims else ""
        if same_type:
            free = [i for i in same_type if i not in matched]
            free.sort(key=lambda i: not place_right(gold[i], ev)["name"])
            if free:
                matched[free[0]] = ev
                rows.append({"outcome": "correct", "event": ev, "gold": gold[free[0]], "sentence": sentence})
            else:
                rows.append({"outcome": "duplicate", "event": ev, "gold": gold[same_type[0]], "sentence": sentence})
        elif overlapping:
            row = {"outcome": "wrong_type", "event": ev, "gold": gold[overlapping[0]], "sentence": sentence,
                   "detected": False}
            rows.append(row)
            pending.append((row, overlapping))
        else:
            why = next((r for (s, e), r, _ in not_events
                        if any(cs <= s < ce or s <= cs < e for cs, ce in claim_spans)), None)
            rows.append({"outcome": "not_an_event", "event": ev, "gold": None, "sentence": sentence,
                         "reason": why})
    detected_wrong: set[int] = set()
    for row, overlapping in pending:
        free = [i for i in overlapping if i not in matched and i not in detected_wrong]
        if free:
            detected_wrong.add(free[0])
            row["gold"], row["detected"] = gold[free[0]], True
    counts = Counter()
    for i, ev in matched.items():
        g = gold[i]
        for part, ok in place_right(g, ev).items():
            if ok is not None:
                counts[f"{part}_n"] += 1
                counts[f"{part}_ok"] += ok
        if g.get("date"):
            counts["date_n"] += 1
            counts["date_ok"] += ev.date is not None and ev.date.start.isoformat() == g["date"]
    missed = [g for i, g in enumerate(gold) if i not in matched]
    return {"rows": rows, "matched": len(matched), "gold": len(gold), "stored": len(events),
            "detected": len(matched) + len(detected_wrong),
            "place_ok": counts["name_ok"], "place_n": counts["name_n"],
            "admin1_ok": counts["admin1_ok"], "admin1_n": counts["admin1_n"],
            "country_ok": counts["country_ok"], "country_n": counts["country_n"],
            "date_ok": counts["date_ok"], "date_n": counts["date_n"], "missed": missed}


def _type_name(ev: dict) -> str:
    detail = ev.get("detail")
    return f"{ev['type']}/{detail}" if detail and ev["type"] in ("protest", "riot") else ev["type"]


def evaluate_gold(path: str | Path) -> Report:
    from contested.pipeline import make_document

    articles = read_gold(path)
    docs = [make_document(a["text"], published=a.get("published"), source=a.get("source"), title=a.get("id"))
            for a in articles]
    extracted = _extract(docs)
    report = Report(f"gold articles: {Path(path).name}")
    tot = Counter()
    for a, doc in zip(articles, docs, strict=True):
        res = match_article(a, extracted.get(doc.doc_id, []))
        for k in ("matched", "detected", "gold", "stored", "place_ok", "place_n", "admin1_ok", "admin1_n",
                  "country_ok", "country_n", "date_ok", "date_n"):
            tot[k] += res[k]
        for r in res["rows"]:
            ev = r["event"]
            if r["outcome"] == "correct":
                wrong = [part for part, ok in place_right(r["gold"], ev).items() if ok is False]
                gold_date = r["gold"].get("date")
                stored_date = ev.date.start.isoformat() if ev.date is not None else None
                if gold_date and stored_date != gold_date:
                    wrong.append("date")
                if wrong:
                    loc = gold_location(r["gold"]) or {}
                    where = ev.location
                    report.errors.append({
                        "article": a.get("id"), "outcome": "wrong_" + "_".join(wrong), "gold": _type_name(r["gold"]),
                        "predicted": _type_name({"type": ev.type, "detail": ev.detail}), "text": r["sentence"],
                        "reason": (f"gold {loc.get('name')} ({loc.get('admin1')}, {loc.get('country')}) {gold_date}; "
                                   f"stored {where.name if where else None} "
                                   f"({where.admin1 if where else None}, {where.country if where else None}) "
                                   f"{stored_date}")})
                continue
            gold_type = _type_name(r["gold"]) if r["gold"] else "(not an event)"
            report.confusion[(gold_type, _type_name({"type": ev.type, "detail": ev.detail}))] += 1
            report.errors.append({"article": a.get("id"), "outcome": r["outcome"], "gold": gold_type,
                                  "predicted": _type_name({"type": ev.type, "detail": ev.detail}),
                                  "text": r["sentence"], "reason": r.get("reason")})
        for g in res["missed"]:
            report.confusion[(_type_name(g), "(missed)")] += 1
            report.errors.append({"article": a.get("id"), "outcome": "missed", "gold": _type_name(g),
                                  "predicted": "(missed)", "text": (g.get("mentions") or [""])[0]})
    precision = tot["matched"] / tot["stored"] if tot["stored"] else 0.0
    recall = tot["matched"] / tot["gold"] if tot["gold"] else 0.0

    def share(ok: str, n: str) -> float | None:
        return round(tot[ok] / tot[n], 3) if tot[n] else None

    report.figures = {
        "articles": len(articles),
        "gold_events": tot["gold"],
        "stored_events": tot["stored"],
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "detected_precision": share("detected", "stored"),
        "detected_recall": share("detected", "gold"),
        "type_right_of_detected": share("matched", "detected"),
        "place_right_of_matched": share("place_ok", "place_n"),
        "admin1_right_of_matched": share("admin1_ok", "admin1_n"),
        "country_right_of_matched": share("country_ok", "country_n"),
        "date_right_of_matched": share("date_ok", "date_n"),
    }
    order = {"not_an_event": 0, "duplicate": 1, "missed": 2, "wrong_type": 3}
    report.errors.sort(key=lambda e: order.get(e["outcome"], 9))
    return report


# ---------------------------------------------------------------- WikiEvents, per sentence


@lru_cache(maxsize=1)
def kairos_types() -> dict[str, list[str]]:
    data = json.loads(resources.files("contested").joinpath("data/kairos_types.json").read_text(encoding="utf-8"))
    return data["kairos"]


def wikievents_document(record: dict) -> tuple[str, list[tuple[int, int]]]:
    """The article's text rebuilt from its sentences (the headline on a line of its own, the rest as
    prose), with each sentence's character span."""
    text, spans = "", []
    for i, sentence in enumerate(record["sentences"]):
        s = sentence[1] if isinstance(sentence, list) else sentence
        start = len(text)
        text += s
        spans.append((start, len(text)))
        text += "\n\n" if i == 0 else " "
    return text, spans


def evaluate_wikievents(path: str | Path, limit: int | None = None) -> Report:
    from contested.pipeline import make_document

    mapping = kairos_types()
    records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    records = records[:limit] if limit else records
    built = [wikievents_document(r) for r in records]
    docs = [make_document(text, source="WikiEvents") for text, _ in built]
    extracted = _extract(docs)
    report = Report(f"WikiEvents per sentence: {Path(path).name}")
    tp = fp = fn = type_ok = 0
    for r, (text, spans), doc in zip(records, built, docs, strict=True):
        gold: dict[int, set[str]] = {}
        kinds: dict[int, list[str]] = {}
        for m in r["event_mentions"]:
            allowed = mapping.get(m["event_type"])
            if allowed:
                si = m["trigger"]["sent_idx"]
                gold.setdefault(si, set()).update(allowed)
                kinds.setdefault(si, []).append(m["event_type"])
        pred: dict[int, set[str]] = {}
        for ev in extracted.get(doc.doc_id, []):
            for evidence in ev.evidence:
                for s, _ in evidence.marks.get("type", [])[:1]:
                    si = next((i for i, (a, b) in enumerate(spans) if a <= s < b), None)
                    if si is not None:
                        pred.setdefault(si, set()).add(ev.type)
        for si in set(gold) | set(pred):
            if si == 0:
                continue  # the headline
            sentence = text[spans[si][0]: spans[si][1]]
            if si in gold and si in pred:
                tp += 1
                if gold[si] & pred[si]:
                    type_ok += 1
                else:
                    g = sorted(kinds[si])[0]
                    report.confusion[(g, sorted(pred[si])[0])] += 1
                    report.errors.append({"article": r["doc_id"], "outcome": "wrong_type", "gold": ",".join(kinds[si]),
                                          "predicted": ",".join(sorted(pred[si])), "text": sentence})
            elif si in pred:
                fp += 1
                report.confusion[("(no conflict event)", sorted(pred[si])[0])] += 1
                report.errors.append({"article": r["doc_id"], "outcome": "not_an_event", "gold": "-",
                                      "predicted": ",".join(sorted(pred[si])), "text": sentence})
            else:
                fn += 1
                report.confusion[(sorted(kinds[si])[0], "(missed)")] += 1
                report.errors.append({"article": r["doc_id"], "outcome": "missed", "gold": ",".join(kinds[si]),
                                      "predicted": "-", "text": sentence})
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    report.figures = {
        "articles": len(records),
        "gold_conflict_sentences": tp + fn,
        "predicted_conflict_sentences": tp + fp,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "type_compatible_of_found": round(type_ok / tp, 3) if tp else None,
    }
    order = {"not_an_event": 0, "missed": 1, "wrong_type": 2}
    report.errors.sort(key=lambda e: order.get(e["outcome"], 9))
    return report


# ---------------------------------------------------------------- dispatch and printing


def detect_format(path: str | Path) -> str:
    p = Path(path)
    if p.suffix.lower() in (".tsv", ".tab"):
        return "tsv"
    if p.suffix.lower() == ".csv":
        return "acled"
    with open(p, encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    if "event_mentions" in first and "sentences" in first:
        return "wikievents"
    if "events" in first and "text" in first:
        return "gold"
    raise ValueError(f"{path}: not a coded set contested knows (ACLED CSV, TSV, gold JSONL, WikiEvents JSONL)")


def evaluate_file(path: str | Path, fmt: str | None = None, months: Iterable[str] | None = None,
                  limit: int | None = None) -> Report:
    fmt = fmt or detect_format(path)
    if fmt == "acled":
        return evaluate_acled(path, months, limit)
    if fmt == "tsv":
        return evaluate_tsv(path, limit)
    if fmt == "gold":
        return evaluate_gold(path)
    if fmt == "wikievents":
        return evaluate_wikievents(path, limit)
    raise ValueError(f"unknown format {fmt!r}")


def format_report(report: Report, errors: int = 15) -> str:
    lines = [report.name]
    for k, v in report.figures.items():
        if k == "per_class":
            lines.append("per class:")
            for label, m in sorted(v.items(), key=lambda kv: -kv[1]["support"]):
                lines.append(f"  {label:42s} n={m['support']:5d}  P={m['precision']:.3f} R={m['recall']:.3f} "
                             f"F1={m['f1']:.3f}")
        else:
            lines.append(f"{k:30s} {v}")
    if report.confusion:
        lines.append("confusion (gold -> predicted), most frequent first:")
        for (g, p), n in report.confusion.most_common(20):
            lines.append(f"  {n:4d}  {g} -> {p}")
    if report.errors and errors:
        lines.append(f"worst errors (first {min(errors, len(report.errors))} of {len(report.errors)}):")
        for e in report.errors[:errors]:
            head = f"[{e.get('outcome', 'wrong')}] gold={e['gold']} predicted={e['predicted']}"
            if e.get("reason"):
                head += f" ({e['reason']})" if e.get("outcome", "").startswith("wrong_") else \
                    f" (annotated: {e['reason']})"
            lines.append("  " + head)
            lines.append("      " + " ".join(e["text"].split())[:240])
    return "\n".join(lines)


def acled_sub_event(etype: str, detail: str | None = None) -> str:
    return acled_type(etype, detail).sub_event_type

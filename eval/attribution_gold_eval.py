"""Who says so, scored on the project's own gold conflict articles (denials, doubts, hedges, chains).

    python eval/attribution_gold_eval.py            # both levels, with every fact that came out wrong
    python eval/attribution_gold_eval.py --quiet
    python eval/attribution_gold_eval.py --gold tests/fixtures/attribution_gold_conflict.jsonl

Four sets, scored apart: ``attribution_gold_illustrative.jsonl`` (the first articles),
``attribution_gold_conflict.jsonl`` (written for issue 7 after the fixes of split quotations, "said in a
statement that", "as X reported", parenthetical "X said", "was quoted as saying", noun objects of announce
and claim, "a claim the army dismissed", the outlet's own "though ... could not be confirmed") and
``attribution_gold_unseen_illustrative.jsonl`` (four articles on four other conflicts, written and scored
BEFORE the next pass of fixes and not tuned on afterwards: its first figure is the nearest thing here to
"unseen"; still written by the project, so not a measure on real reporting). Its first figure, with the
code as it stood when it was written: attribution 81/104 (0.779, 1 wrong speaker), pipeline 62/104 (0.596,
no wrong speaker).

The ``event`` of each claim (which event it is on) and ``about: perpetrator`` were added to all three sets
later, from the articles' text, without changing any other fact. With them, on the code before stances on who
did it were read (commit d36193c): attribution 90/94, 142/143, 82/106; pipeline 99/117 (0.846), 154/186
(0.828), 77/137 (0.562), the event facts alone 20/23, 28/43, 15/31 (a claim the events builder drops counts
wrong here too). After (``about='perpetrator'``; "said it had targeted ... and denied that any civilians had
been killed" read as the speaker's denial): attribution 92/94, 143/143, 88/106; pipeline 102/117 (0.872),
155/186 (0.833), 84/137 (0.613), event facts 20/23, 28/43, 16/31; no wrong speaker.

The earlier blind set has since been tuned on (pipeline 127/137 after the session that read its errors).
``attribution_gold_blind3_illustrative.jsonl`` (Yemen, Somalia, Colombia, Syria; 49 claims) was written blind
by the next session, by an engineer who never ran contested on it, and measured twice, figures only: at the
start (commit c97a826) attribution 160/171, pipeline 148/219 (0.676); at the end of that session's work
(commit 21b362b, none of whose changes read it) attribution 162/171, pipeline 154/219 (0.703); no wrong
speaker either time. It is now a development set (its errors were read): the next pass (claims that go on
through the story told by claims, not only by events; event words that name no event here; what a picture
shows; "also"; what an attack leaves; a denial of the speaker's own act; a speaker's own "but could not
confirm"; an agency the parse makes a clause; pronouns that can never be a source) took it, measured on
commit 399ddeb with only that pass's files changed, to attribution 171/171, pipeline 209/219 (0.954), and the
other three to
attribution 94/94, 143/143, 106/106, pipeline 113/117, 171/186, 132/137; no wrong speaker. Most of what is
left on it is the events builder's (a claimed capture told apart from the attack it ends; one shelling
split into a region and a town; a town named inside "the government-held town of X in Y province").

``attribution_gold_blind4_illustrative.jsonl`` (Tripoli 2022, Burkina Faso 2023, Zamfara/Kaduna 2021, southern
Lebanon 2023; 56 claims) was written blind in that same session by an engineer who never ran contested on
it, and measured twice, figures only: at the start (commit 399ddeb) attribution 178/194, pipeline 129/249
(0.518), wrong speakers 13 and 4; at the end of the session attribution 179/194, pipeline 148/249 (0.594),
wrong speakers 13 and 5. Its errors were read in the next session, which tuned on it (194/194, 204/249, no
wrong speaker).

``attribution_gold_blind5_illustrative.jsonl`` (El Fasher/Mellit, Mogadishu/Adale, Port-au-Prince, Marib/Sirwah;
70 claims) was written blind in that next session by an engineer who never ran contested on it, and measured
figures only: at the start (1bcdfa9) attribution 223/241, pipeline 196/311 (0.630), wrong speakers 4 and 3; at
the end (d0af3b1) attribution 225/241, pipeline 209/311 (0.672), wrong speakers 4 and 2. Its errors were not read.

It is now a development set (its errors were read; its gold unchanged). The pass that read it (a document
named again, "The statement denied ...", speaks for whoever issued it; a verb of speech joined by the parse to
the copula of a reported state is the speaker's; a bare quantifier inside another's words is no source; a
broadcaster cited speaks through the citer; "told a local news website" and "carried by its media arm" are
intermediaries; "Images shared online showed" with the participle parsed as the main verb; stances on
figures read from a figure that is a clause's subject, "among the dead" and "reports of casualties ... could not
confirm them"; a denial that the speaker's own side took part is on who did it; "no worshipper had been taken"
denies; "credible reports that" hedges; in the pipeline a doubt of a figure beside the sentence's own claim goes
on the event whose figure it is, and a count of people harmed given right after an event is a claim on it)
took it, with the wrong-speaker count split as below, from attribution 179/194, pipeline 146/249 (0.586; the
tree of the day, others' work included), wrong speakers 5 and 3 (unannotated 13 and 5) to attribution 194/194,
pipeline 204/249 (0.819), wrong speakers 0 and 0 (unannotated 8 and 2, each a real statement the gold does not
mark: "The United Nations mission in Libya ... said", "Western diplomats have long warned", "Security experts
say", "Schools in several districts said they would stay closed", an analyst's comment, a government's
stated position, residents on their fuel); the other four unchanged (94/94, 143/143, 106/106, 171/171;
pipeline 114/117, 171/186, 132/137, 205/219).

``tests/fixtures/attribution_gold_illustrative.jsonl`` holds articles WRITTEN BY THE PROJECT in the way
conflict news is written (places, people and outlets are placeholders; nothing is copied from any report or
data set). For each claim an analyst would mark, the line gives where its cue is (``at``: a unique piece of
the text holding the ``cue``), the speaker (words any of which the extracted speaker must contain; null
for the outlet's own voice), the intermediaries between the publishing outlet and the speaker (``chain``),
the stance (asserts, denies, doubts), whether it is hedged and, where it is a figure that is doubted or
denied, ``about: figure``.

``about`` is ``figure`` for a stance on a figure and ``perpetrator`` for a stance on who did it ("claimed
responsibility for the attack", "denied any involvement in the killings", "rejected the accusation" by the
accused, "said its fighters were not in the area").

``event``, where the text says which event a claim is about: ``type`` (the taxonomy types the event may be
given, where the text decides it), ``told`` (a unique piece of the text that tells the event: the event's own
event words must lie in it) and ``place`` (words of the place; an event that has a place must be there). It
is checked at the pipeline level only (the attribution level makes no events): the fact is right when one of
the events that carry the claim fits all three and none that carries it is of another type (a denial put on
an armed clash it did not deny is wrong even if it is also on the shelling it denies). Claims whose event the
text leaves open (a prediction, "the death toll" of two strikes) have no ``event`` (or ``"event": null``, read
the same way: not checked).

Facts: each claim gives one fact for its speaker, one for its stance, one for its hedging, one for its
chain where it has intermediaries, one for ``about`` where it is given and (pipeline) one for ``event``
where it is given. A fact is right when the claim
contested gives for that cue (the relation whose cue holds the gold cue; for the outlet's own voice, the
sentence's attribution) has it. Two levels:

- **attribution**: ``contested.attribution.find_attribution`` on each sentence, with the event words the
  trigger finder gives (what the pipeline calls), and its relations;
- **pipeline**: the claims on the events ``contested.pipeline.extract_text`` makes (a claim the events
  builder does not attach to any event counts wrong in every fact).

``--strict-speaker`` tightens the speaker fact: the found name must hold a gold word AND, unless it holds the
claim's own first (most specific) word, name no OTHER speaker of the article (the first word of another claim's
speaker: "the Ministry of Interior in Kabul" for the Ministry of Defence's claim, right by the loose check since
both name "ministry", is wrong; "Issouf Dicko, the president of the Collective ..." for Dicko's claim is right
though the Collective speaks elsewhere). The loose check stays the default so that the figures above and in the README stay comparable.

**Wrong speakers**, two counts. ``unannotated``: claims whose speaker is none of the article's annotated
speakers (the count this eval gave before; it also counts real statements the analyst did not mark, such
as "The UN mission ... said the use of heavy weapons was unacceptable" or an analyst's comment with no event,
so on blind4 it overstates the harm). ``wrong``, the count the goal is about (none): a claim put on someone
who did not make it, that is a found claim whose speaker is none of the annotated speakers and which

- has its cue on a marked claim's cue (the analyst named that cue's speaker: "The statement denied", where
  the analyst marks the spokesman who issued it; "X, citing army radio, reported", where the radio speaks);
- or stands in a sentence where the analyst marked a claim (a sentence the analyst read marks every voice in
  it: "The statement denied ... and accused 'certain circles'" parsed with "civilians" for the accuser);
- or names no source at all: a bare pronoun or quantifier ("each claiming to be", "those who doubt").

A claim on a cue the analyst marked whose speaker is not that claim's (even one annotated elsewhere in the
article, or any speaker where the analyst marks the outlet's own voice) is wrong too. What is left of ``unannotated`` is listed as "unmarked" (a statement no gold line
covers, in a sentence with none): read it, it is not scored. This split was made when blind4 became a
development set (wrong speakers 13 and 5 before it; the same claims, split); the gold was not changed.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
GOLD = FIXTURES / "attribution_gold_illustrative.jsonl"
UNSEEN = FIXTURES / "attribution_gold_unseen_illustrative.jsonl"
BLIND3 = FIXTURES / "attribution_gold_blind3_illustrative.jsonl"
BLIND4 = FIXTURES / "attribution_gold_blind4_illustrative.jsonl"
BLIND5 = FIXTURES / "attribution_gold_blind5_illustrative.jsonl"
GOLD_SETS = (GOLD, FIXTURES / "attribution_gold_conflict.jsonl", UNSEEN, BLIND3, BLIND4, BLIND5,
             *(FIXTURES / f"attribution_gold_blind{n}_illustrative.jsonl" for n in (6, 7, 8, 9, 10)))


@dataclass
class Found:
    speaker: str | None
    stance: str
    hedged: bool
    chain: list[str]  # the intermediaries' names, publishing outlet and speaker left out
    about: str
    events: list | None = None  # pipeline: the events that carry the claim (None: not checked)


@dataclass
class Score:
    right: int = 0
    marked: int = 0
    wrong_speakers: list[str] = field(default_factory=list)  # not annotated, and put on the wrong source
    unmarked: list[str] = field(default_factory=list)  # not annotated, on a statement no gold line covers
    misses: list[str] = field(default_factory=list)

    @property
    def unannotated(self) -> int:
        return len(self.wrong_speakers) + len(self.unmarked)

    @property
    def share(self) -> float:
        return self.right / self.marked if self.marked else 0.0


def load(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _names_match(name: str | None, words: list[str] | None) -> bool:
    if words is None:
        return name is None
    return name is not None and any(w.lower() in name.lower() for w in words)


# ``--strict-speaker``: a found speaker is right only where it also names no OTHER speaker of the article in
# place of its own (the loose check, the default and the figures kept comparable, takes any gold word inside the
# found name: "the Ministry of Interior in Kabul" for the Ministry of Defence's claim, which both name
# "ministry", counts right).
STRICT_SPEAKER = False


def _others_names(article: dict, words: list[str]) -> set[str]:
    """The names of the article's other speakers: the first (most specific) word of every other claim's speaker,
    where it is not inside one of this claim's words ("police" beside "Herat police")."""
    mine = [w.lower() for w in words]
    return {c["speaker"][0].lower() for c in article["claims"] if c["speaker"]
            and not any(c["speaker"][0].lower() in m for m in mine)}


def _has(name: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", name) is not None


def _speaker_right(article: dict, name: str | None, words: list[str] | None) -> bool:
    if not _names_match(name, words):
        return False
    if not STRICT_SPEAKER or name is None or words is None:
        return True
    low = name.lower()
    if _has(low, words[0].lower()):
        return True  # its own most specific name ("Issouf Dicko, the president of the Collective ...")
    return not any(_has(low, w) for w in _others_names(article, words))


def _facts(article: dict, claim: dict, found: Found | None, score: Score, events: bool = False) -> None:
    checks = [("speaker", lambda f: _speaker_right(article, f.speaker, claim["speaker"])),
              ("stance", lambda f: f.stance == claim["stance"]),
              ("hedged", lambda f: f.hedged == claim["hedged"])]
    if claim["chain"]:
        checks.append(("chain", lambda f: len(f.chain) == len(claim["chain"]) and all(
            w.lower() in n.lower() for w, n in zip(claim["chain"], f.chain, strict=True))))
    if "about" in claim:
        checks.append(("about", lambda f: f.about == claim["about"]))
    if claim.get("event") is not None and events:  # the pipeline level only; null, as absent: not said
        checks.append(("event", lambda f: _on_event(article["text"], claim["event"], f.events)))
    for name, ok in checks:
        score.marked += 1
        if found is not None and ok(found):
            score.right += 1
        else:
            got = getattr(found, name, None) if name != "event" else [
                f"{ev.type}@{ev.location.name if ev.location else None}" for ev in (found.events if found else [])]
            score.misses.append(f"{article['id']} [{claim['at']}] {name}: gold {claim.get(name)!r}, found {got!r}")


def _on_event(text: str, gold: dict, events: list) -> bool:
    """Whether the claim is on the event the gold names (see the module's doc): one event that carries it
    fits the type, the words that tell it and the place; none that carries it is of another type. (A gold
    ``event: null``, the text leaving the event open, is not checked: see ``_facts``.)"""
    types = gold.get("type")
    if types and any(ev.type not in types for ev in events):
        return False
    told = None
    if gold.get("told"):
        s = text.index(gold["told"])
        told = (s, s + len(gold["told"]))

    def fits(ev) -> bool:
        if types and ev.type not in types:
            return False
        if told is not None and not any(told[0] <= a < told[1] for e in ev.evidence
                                        for a, _b in e.marks.get("type", [])):
            return False
        places = gold.get("place")
        if places and ev.location is not None:
            # "Port" for "Port Ashby": the place's words, cut short by the place finder, still name it.
            names = [n.lower() for n in (ev.location.name, ev.location.text) if n]
            if any(w.lower() in n or n in w.lower() for w in places for n in names):
                return True
            # a province spelt otherwise ("Daikundi" / the gazetteer's "Daykundi"): the same unit
            from contested.evaluate import same_unit

            return ev.location.feature == "province" and any(same_unit(w, ev.location.name) for w in places)
        return True

    return any(fits(ev) for ev in events)


def _found(rel) -> Found:
    inter = [link.get("name") or "" for link in rel.chain if link.get("link") == "intermediary"]
    return Found(rel.attributed_to, rel.stance, rel.hedged, inter, rel.about)


def _speakers(article: dict) -> list[list[str]]:
    return [c["speaker"] for c in article["claims"] if c["speaker"]]


# Words that name no source when they are all the speaker is ("each claiming", "those who doubt").
_NO_SOURCE = frozenset({"each", "those", "these", "some", "all", "both", "many", "few", "several", "others",
                        "one", "who", "which", "that", "this", "it", "they", "he", "she", "we", "i"})


def _marked(article: dict) -> list[tuple[int, list[str] | None]]:
    """Where each marked claim's cue is, with its speaker."""
    text = article["text"]
    return [(text.index(c["at"]) + c["at"].index(c["cue"]), c["speaker"]) for c in article["claims"]]


def _check_speaker(article: dict, name: str | None, score: Score, where: str,
                   cue_span: tuple[int, int] | None = None, sentence: tuple[int, int] | None = None) -> None:
    """Counts a found claim's speaker (see the module's doc: ``wrong`` and ``unmarked``)."""
    if name is None:
        return
    marked = _marked(article)
    on_cue = [words for at, words in marked if cue_span is not None and cue_span[0] <= at < cue_span[1]]
    if on_cue and any(words is not None and _names_match(name, words) for words in on_cue):
        return
    note = f"{article['id']}: {name!r} ({where})"
    annotated = any(_names_match(name, words) for words in _speakers(article))
    if on_cue:
        score.wrong_speakers.append(note + " [on a marked cue]")
        return
    if annotated:
        return
    if name.strip().lower() in _NO_SOURCE:
        score.wrong_speakers.append(note + " [no source]")
    elif sentence is not None and any(sentence[0] <= at < sentence[1] for at, _w in marked):
        score.wrong_speakers.append(note + " [in a marked sentence]")
    else:
        score.unmarked.append(note)


def score_attribution(articles: list[dict]) -> Score:
    from contested.attribution import find_attribution, refers_back, resolve_pronoun
    from contested.nlp import load_nlp
    from contested.triggers import find_triggers

    nlp = load_nlp()
    score = Score()
    for article in articles:
        text = article["text"]
        doc = nlp(text)
        per_sentence = []
        for sent in doc.sents:
            stext = text[sent.start_char: sent.end_char]
            per_sentence.append((sent, find_attribution(sent, stext, find_triggers(stext, sent.start_char))))
        earlier = []
        resolved = {}  # "he added": judged as the pipeline reads it, resolved to the source named before
        for _sent, att in per_sentence:
            for rel in att.relations or ([att] if att.attributed_to else []):
                if refers_back(rel):  # "he added", "The statement denied"
                    resolved[id(rel)] = rel = resolve_pronoun(rel, earlier)
                else:
                    earlier.append(rel)
                _check_speaker(article, rel.attributed_to, score, f"cue {rel.cue!r}", rel.cue_span,
                               (_sent.start_char, _sent.end_char))
        for claim in article["claims"]:
            at = text.index(claim["at"]) + claim["at"].index(claim["cue"])
            sent, att = next((s, a) for s, a in per_sentence if s.start_char <= at < s.end_char)
            rel = next((r for r in (att.relations or []) + [att]
                        if r.cue_span is not None and r.cue_span[0] <= at < r.cue_span[1]), None)
            if rel is None and claim["speaker"] is None:
                rel = att  # the outlet's own voice: the sentence's attribution
            rel = resolved.get(id(rel), rel)
            _facts(article, claim, _found(rel) if rel is not None else None, score)
    return score


def _sentences(text: str) -> list[tuple[int, int]]:
    from contested.nlp import load_nlp

    return [(s.start_char, s.end_char) for s in load_nlp()(text).sents]


def score_pipeline(articles: list[dict]) -> Score:
    from contested.pipeline import extract_text

    score = Score()
    for article in articles:
        text = article["text"]
        events = extract_text(text, published=article.get("published"), source=article.get("source"))
        claims = [c for ev in events for c in ev.claims]
        bounds = _sentences(text)
        seen = set()
        for c in claims:
            key = (c.cue_span, c.span, c.attributed_to)
            if key in seen:  # one claim carried by two events is one speaker put once
                continue
            seen.add(key)
            at = c.cue_span[0] if c.cue_span is not None else c.span[0]
            sentence = next(((s, e) for s, e in bounds if s <= at < e), None)
            _check_speaker(article, c.attributed_to, score, f"cue {c.cue!r}", c.cue_span, sentence)
        for claim in article["claims"]:
            at = text.index(claim["at"]) + claim["at"].index(claim["cue"])
            got = next((c for c in claims if c.cue_span is not None and c.cue_span[0] <= at < c.cue_span[1]), None)
            if got is None and claim["speaker"] is None:
                got = next((c for c in claims if c.span[0] <= at < c.span[1] and c.attributed_to is None), None)
            found = None
            if got is not None:
                inter = [link.get("name") or "" for link in got.chain if link.get("link") == "intermediary"]
                on = [ev for ev in events if any(
                    c.cue_span == got.cue_span and c.span == got.span and c.attributed_to == got.attributed_to
                    for c in ev.claims)]
                found = Found(got.attributed_to, got.stance, got.hedged, inter, got.about, on)
            _facts(article, claim, found, score, events=True)
    return score


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quiet", action="store_true", help="figures only")
    ap.add_argument("--gold", type=Path, action="append", help="a gold file (default: both sets, apart)")
    ap.add_argument("--strict-speaker", action="store_true",
                    help="a found speaker that also names another speaker of the article is wrong")
    args = ap.parse_args(argv)
    global STRICT_SPEAKER
    STRICT_SPEAKER = args.strict_speaker
    for path in args.gold or [p for p in GOLD_SETS if p.exists()]:
        articles = load(path)
        print(f"{path.name}: {len(articles)} articles, {sum(len(a['claims']) for a in articles)} claims "
              "(written by the project)")
        for level, fn in (("attribution", score_attribution), ("pipeline", score_pipeline)):
            s = fn(articles)
            print(f"  {level}: facts right {s.right}/{s.marked} = {s.share:.3f}; "
                  f"wrong speakers {len(s.wrong_speakers)} (unannotated {s.unannotated})")
            if not args.quiet:
                for m in s.misses + s.wrong_speakers:
                    print(f"    {m}")
                for m in s.unmarked:
                    print(f"    unmarked: {m}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

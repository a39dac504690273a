"""The whole path for documents: spaCy once per document, then the mention finders, then events.

Each finder is its own module (gazetteer, dates, quantities, actors, attribution, triggers) and is called
here; spaCy runs once per document through ``nlp.pipe`` so that batches stream.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from contested.actors import load_actors
from contested.attribution import SAY_LEMMAS, find_attribution
from contested.dates import find_dates
from contested.events import SentenceMentions, build_events
from contested.fusion import absorb_fighting, fuse
from contested.gazetteer import Gazetteer
from contested.nlp import load_nlp
from contested.quantities import find_quantities
from contested.records import Document, Event, Location, PlaceMention
from contested.textnorm import fold
from contested.triggers import find_triggers

# NER labels that may name a place; the small model tags some district names as PERSON or ORG.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"})
# Adjectives of nationality name forces or people, not places ("Afghan troops", "Tajik border guards").
DEMONYMS = frozenset({
    "afghan", "afghans", "tajik", "tajiks", "uzbek", "uzbeks", "turkmen", "pakistani", "pakistanis", "iranian",
    "iranians", "chinese", "russian", "russians", "american", "americans", "british", "indian", "pashtun",
    "hazara", "hazaras",
})
# "Sher Khan Bandar border crossing", "Bagram airbase": a named facility, kept by name even where no
# gazetteer knows it (its other fields stay null: unknown is null).
FACILITY = re.compile(
    r"\b((?:[A-Z][\w'\u2018\u2019-]+\s){1,4}?)(border crossing|border post|crossing point|dry port|port|"
    r"air ?base|airfield|airport|military base|base|dam|bridge|checkpoint|border town)\b"
)
FACILITY_FEATURE = {"border crossing": "border_crossing", "border post": "border_crossing",
                    "crossing point": "border_crossing", "dry port": "border_crossing", "port": "border_crossing",
                    "border town": "populated_place"}
PEOPLE_AFTER = re.compile(
    r"(?:'s)?\s+(?:provincial\s+|district\s+|local\s+)?(fighters|forces|militia|militias|militiamen|residents|officials|"
    r"police|policemen|elders|people|lawmakers?|MPs?|council|governor|authorities|commanders?|leaders?|"
    r"tribes?|tribesmen|natives?|refugees|spokesm[ae]n)\b"
)
# "Naish district", "Mughab district": a name the text says is a district, looked up by its consonants when
# no spelling in the gazetteer matches.
ADMIN_NAMED = re.compile(r"\b((?:[A-Z][\w'\u2018\u2019]+[\s-]){0,2}[A-Z][\w'\u2018\u2019]+)\s+(district|province)\b")
# "the border town of Hairatan", "the port of Sher Khan Bandar": the text says what the name is.
NAMED_OF = re.compile(
    r"\b(border town|border crossing|border post|crossing point|dry port|river port|port|town|village|"
    r"city|district centre|district center|crossing) of ((?:[A-Z][\w'\u2018\u2019]+)(?:[\s-][A-Z][\w'\u2018\u2019]+){0,3})"
)
OF_FEATURE = {"crossing": "border_crossing", "port": "border_crossing", "border post": "border_crossing",
              "border town": "populated_place", "district": "populated_place"}
_NOT_NAMES = frozenset({"The", "A", "An", "Its", "Their", "This", "That", "Taliban", "Afghan", "Government",
                        "Military", "Army", "Police", "Key", "Main", "Strategic", "Important", "Major"})
SPACY_BATCH = 32


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _place_mentions(gaz: Gazetteer, sdoc, text: str) -> list[PlaceMention]:
    """Gazetteer matches in the text, plus NER entities the gazetteer knows under another spelling."""
    mentions = [m for m in gaz.find(text) if fold(m.text) not in DEMONYMS]
    covered = bytearray(len(text) + 1)  # characters already inside a found name
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    for ent in sdoc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        if any(covered[ent.start_char:ent.end_char]) or fold(ent.text) in DEMONYMS:
            continue
        candidates = gaz.lookup(ent.text)
        if candidates:
            mentions.append(PlaceMention(ent.start_char, ent.end_char, ent.text, candidates, from_ner=True))
            covered[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
    for m in ADMIN_NAMED.finditer(text):
        s, e = m.span(1)
        if any(covered[s:e]):
            continue
        candidates = gaz.sounds_like(m.group(1), m.group(2))
        if candidates:
            mentions.append(PlaceMention(s, e, m.group(1), candidates))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _foreign_unnamed(locations: list, mentions) -> list:
    """A place abroad is kept only where its country is part of the story (named in the text), so that a
    village in Iran that shares a name with an Afghan town does not win over it."""
    countries_named = {loc.country for loc in locations if loc is not None and loc.feature == "country"}
    afghan = any(loc is not None and loc.country == "Afghanistan" for loc in locations)
    out = []
    for loc in locations:
        if (loc is not None and afghan and loc.country not in ("Afghanistan", None)
                and loc.feature != "country" and loc.country not in countries_named):
            loc = None
        out.append(loc)
    return out


def _facilities(text: str, placed) -> list[tuple[int, int, Location]]:
    out = []
    for m in FACILITY.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        start = m.start(1) + m.group(1).index(words[0])
        if any(p[0] <= start < p[1] or start <= p[0] < m.end(1) for p in placed):
            continue
        kind = m.group(2).lower()
        out.append((start, m.end(2), Location(
            name=f"{name} {kind}" if kind in ("dam", "bridge", "checkpoint") else name,
            text=text[start: m.end(2)], country=None, admin1=None, admin2=None, lat=None, lon=None,
            feature=FACILITY_FEATURE.get(kind, "base"), precision=None, start=start, end=m.end(2),
        )))
    taken = placed + out
    for m in NAMED_OF.finditer(text):
        start, end = m.span(2)
        if any(p[0] < end and start < p[1] for p in taken):
            continue
        kind = m.group(1).lower()
        feature = next((f for k, f in OF_FEATURE.items() if k in kind), "populated_place")
        out.append((start, end, Location(
            name=m.group(2), text=m.group(2), country=None, admin1=None, admin2=None, lat=None, lon=None,
            feature=feature, precision=None, start=start, end=end,
        )))
    return out


_BYLINE = re.compile(r"^\s*(By\s+[A-Z]|Published|Updated|Posted|Photo|Image|Read more|Share|Follow)", re.MULTILINE)


def _is_heading(text: str, start: int, end: int) -> bool:
    """A headline or byline line: it stands alone on its line and has no closing punctuation, or it is a
    byline. Headlines retell the story that follows (ACLED codes the story, not the headline)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    if _BYLINE.match(line):
        return True
    # A line with nothing after it is the text itself (a one-line dispatch without a full stop), not a heading.
    return (start - line_start <= 1 and len(line) < 200 and bool(text[line_end:].strip())
            and not line.endswith((".", "!", "?", '"', "\u201d", ":")))


CAPTURE_LEMMAS = frozenset({"capture", "seize", "overrun", "take", "enter", "retake", "recapture", "regain", "storm",
                            "fall", "surround", "besiege", "attack", "control", "lose", "reach", "flee", "cross"})
FACILITY_WORDS = {"crossing": "border_crossing", "port": "border_crossing", "post": "border_crossing",
                  "base": "base", "airport": "base", "town": "populated_place", "village": "populated_place",
                  "city": "populated_place", "district": "district"}


def _unknown_named_places(sdoc, gaz: Gazetteer, covered) -> list[tuple[int, int, Location]]:
    """Names the gazetteer does not know but the sentence says are a place: the object of a capture ("The
    Taliban overran Shir Khan Bandar, the main crossing into Tajikistan"). Kept by name only; a place of
    last resort."""
    out = []
    for ent in sdoc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC", "PERSON", "ORG") or len(ent.text) < 3:
            continue
        if any(ent.start_char < ce and cs < ent.end_char for cs, ce in covered) or gaz.lookup(ent.text):
            continue
        root = ent.root
        head = root.head
        feature = None
        for child in root.children:
            if child.dep_ == "appos" and child.lemma_.lower() in FACILITY_WORDS:
                feature = FACILITY_WORDS[child.lemma_.lower()]
        if root.dep_ == "pobj" and head.lower_ in ("of", "into", "to", "in", "near") and head.head.lemma_.lower() in FACILITY_WORDS:
            feature = feature or FACILITY_WORDS[head.head.lemma_.lower()]
            head = head.head
        verb = head if root.dep_ in ("dobj", "nsubjpass") else None
        if feature is None and (verb is None or verb.lemma_.lower() not in CAPTURE_LEMMAS):
            continue
        out.append((ent.start_char, ent.end_char, Location(
            name=ent.text, text=ent.text, country=None, admin1=None, admin2=None, lat=None, lon=None,
            feature=feature, precision=None, start=ent.start_char, end=ent.end_char,
        )))
    return out


SEIZE_LEMMAS = frozenset({"seize", "destroy", "discover", "confiscate", "recover", "find", "defuse", "capture",
                          "dismantle", "collect", "burn", "contain"})
WEAPON_FAMILIES = frozenset({"shelling", "explosive", "air", "grenade"})


def _trigger_spans(sdoc, triggers) -> dict[int, object]:
    """The tokens of each trigger word, looked up once for the parse-based readings below."""
    out = {}
    for trig in triggers:
        span = sdoc.char_span(trig.start, trig.end, alignment_mode="expand")
        if span is not None and len(span):
            out[trig.start] = span
    return out


def _seized_words(triggers, spans) -> set[int]:
    """Weapon words that the parse makes the object of seizing, destroying or finding ("1 RPG launcher
    ... were seized", "destroyed 7 IEDs"): things taken, not attacks made."""
    out = set()
    for trig in triggers:
        if trig.family not in WEAPON_FAMILIES or trig.start not in spans:
            continue
        tok = spans[trig.start].root
        for _ in range(8):  # up through compounds, modifiers and the items of a list
            if tok.dep_ in ("compound", "amod", "nmod", "conj", "appos", "nummod") and tok.head is not tok:
                tok = tok.head
            else:
                break
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in ("of", "with") and head.head is not head:
            tok, head = head.head, head.head.head  # "a cache of weapons", "a vehicle with explosives"
        if tok.dep_ in ("dobj", "nsubjpass", "conj", "pobj") and head.lemma_.lower() in SEIZE_LEMMAS:
            out.add(trig.start)
    return out


def _said_when(sent, start: int) -> bool:
    """A date that dates the saying ("officials said on Tuesday"), not the event."""
    span = sent.doc.char_span(start, start + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    for _ in range(3):
        if token is None or token.head is token:
            return False
        token = token.head
        if token.pos_ == "VERB":
            # "said on Friday" dates the saying; "..., on June 22, an official told Reuters" the event.
            return token.lemma_.lower() in SAY_LEMMAS and start > token.idx
    return False


def _verb_of(token):
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return token


def _subtree_span(token) -> tuple[int, int]:
    right = token.right_edge
    return token.left_edge.idx, right.idx + len(right.text)


def _roles_from_parse(triggers, spans) -> dict[int, tuple[list, list]]:
    """Agent and patient character spans for each trigger, from the dependency parse."""
    out = {}
    for trig in triggers:
        if trig.start not in spans:
            continue
        token = spans[trig.start][0]
        verb = _verb_of(token)
        agents, patients = [], []
        if token.pos_ in ("NOUN", "PROPN"):
            # "an attack by Taliban militants", "airstrikes conducted by NATO", "Afghan forces operations",
            # "a Taliban-planted IED".
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    agents.extend(_subtree_span(g) for g in child.children if g.dep_ == "pobj")
                elif child.dep_ in ("acl", "amod") and child.pos_ == "VERB":
                    for g in child.children:
                        if g.dep_ == "agent":
                            agents.extend(_subtree_span(x) for x in g.children)
                        elif g.dep_ in ("npadvmod", "compound"):
                            agents.append(_subtree_span(g))
                elif child.dep_ in ("poss", "compound", "nmod") and child.i < token.i:
                    agents.append(_subtree_span(child))
                elif child.dep_ == "prep" and child.lower_ in ("on", "against", "with"):
                    patients.extend(_subtree_span(g) for g in child.children if g.dep_ == "pobj")
        v = verb
        for _ in range(3):  # "retook it ..., only to lose it": the subject of the governing verb
            verbs = [v] + [c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            for vv in verbs:
                for child in vv.children:
                    if child.dep_ in ("nsubj",) and vv is v:
                        agents.append(_subtree_span(child))
                    elif child.dep_ == "agent":
                        agents.extend(_subtree_span(g) for g in child.children)
                    elif child.dep_ in ("dobj", "nsubjpass", "attr"):
                        if v is verb:
                            patients.append(_subtree_span(child))
                    elif (child.dep_ == "prep" and child.lower_ in ("with", "against", "on", "to", "between")
                          and v is verb):
                        patients.extend(_subtree_span(g) for g in child.children if g.dep_ == "pobj")
            if agents or v.dep_ not in ("xcomp", "advcl", "conj", "ccomp", "relcl", "acl") or v.head is v:
                break
            v = v.head
        out[trig.start] = (agents, patients)
    return out


def analyse(doc: Document, sdoc, gaz: Gazetteer | None = None) -> list[SentenceMentions]:
    gaz = gaz or Gazetteer.load()
    actors = load_actors()
    text = sdoc.text  # read once: spaCy rebuilds it on every access
    mentions = _place_mentions(gaz, sdoc, text)
    locations = _foreign_unnamed(gaz.resolve(mentions), mentions)
    # "Andarab fighters", "Kunduz police", "Helmand officials": a place name that qualifies people names
    # who they are, not where something happened.
    # They are kept apart, as the place of last resort.
    weak = [(m.start, m.end, loc) for m, loc in zip(mentions, locations, strict=True)
            if loc is not None and PEOPLE_AFTER.match(text, m.end)]
    placed = [(m.start, m.end, loc) for m, loc in zip(mentions, locations, strict=True)
              if loc is not None and not PEOPLE_AFTER.match(text, m.end)]
    placed.extend(_facilities(text, placed))
    placed.sort(key=lambda p: p[0])
    weak.extend(_unknown_named_places(sdoc, gaz, [(p[0], p[1]) for p in placed]))
    sentences: list[SentenceMentions] = []
    paragraph = 0
    previous_start = 0
    for sent in sdoc.sents:
        s, e = sent.start_char, sent.end_char
        stext = text[s:e]
        paragraph += text[previous_start:s].rstrip(" ").count("\n\n")
        previous_start = s
        if not stext.strip() or _is_heading(text, s, e):
            continue
        triggers = find_triggers(stext, s)
        attribution = find_attribution(sent, stext)
        # Words inside the attribution ("officials in Dushanbe said on Tuesday") are about the source.
        a0, a1 = (attribution.start, attribution.end) if attribution.start is not None else (-1, -1)

        def outside(start: int, a0=a0, a1=a1) -> bool:
            return not a0 <= start < a1

        all_dates = find_dates(stext, doc.published, s)
        sm = SentenceMentions(
            start=s,
            end=e,
            text=stext,
            triggers=[t for t in triggers if outside(t.start)],
            places=[p for p in placed if s <= p[0] < e and outside(p[0])],
            dates=[d for d in all_dates if outside(d.start) and not _said_when(sent, d.start)],
            quantities=[q for q in find_quantities(stext, s, [(d.start - s, d.end - s) for d in all_dates])
                        if outside(q.start)],
            actors=[a for a in actors.find(stext, s) if outside(a.start)],
            attribution=attribution,
            paragraph=paragraph,
            weak_places=[p for p in weak if s <= p[0] < e and outside(p[0])],
            report_dates=[d for d in all_dates if d.span is not None and _said_when(sent, d.start)],
            source_places=[p for p in placed if s <= p[0] < e and not outside(p[0])],
        )
        triggers = sm.triggers
        if triggers:
            spans = _trigger_spans(sdoc, triggers)
            sm.agent_spans = _roles_from_parse(triggers, spans)
            sm.seized_words = _seized_words(triggers, spans)
        sentences.append(sm)
    return sentences


def extract_documents(docs: Iterable[Document], n_process: int = 1) -> Iterator[tuple[Document, list[Event]]]:
    """Events for each document, streaming; spaCy batches the texts."""
    nlp = load_nlp()
    gaz = Gazetteer.load()
    pairs = ((d.text, d) for d in docs)
    for sdoc, doc in nlp.pipe(pairs, as_tuples=True, batch_size=SPACY_BATCH, n_process=n_process):
        # The same event told twice in one article (lead and body) is one event with two claims.
        _, events = fuse(absorb_fighting(build_events(doc, analyse(doc, sdoc, gaz))))
        yield doc, events


def extract_document(doc: Document) -> list[Event]:
    return next(extract_documents([doc]))[1]


def make_document(text: str, published=None, source: str | None = None, title: str | None = None) -> Document:
    from contested.ingest import document_id, normalize_text
    from contested.metadata import byline_date

    text = normalize_text(text)
    pub = _as_date(published)
    published_from = "given" if pub else None
    if pub is None:
        pub = byline_date(text)
        published_from = "byline" if pub else None
    return Document(document_id(text), text, title=title, source=source, published=pub, published_from=published_from)


def extract_text(text: str, published=None, source: str | None = None, title: str | None = None) -> list[Event]:
    return extract_document(make_document(text, published, source, title))

"""Stage: one event per happening within a sentence. "pulled out of Kohistan on Wednesday in what officials
called a tactical retreat": two words, one event (same type, place and date in one sentence). "in the village
of Chai, in Macomia district", "struck Mekelle, the capital of the Tigray region": the district or province
that holds the sentence's other place is where that place is, not a second happening; nor are the two ends of
"the road between Fada N'Gourma and Pama" two happenings; nor a retreat that goes on into a flight ("retreated
to the river and crossed the border"), nor a place in the phrase of who did it ("artillery on the far bank of
the Dnipro shelled Marhanets"), nor whose embassies ("outside the embassies of France and the United States"),
nor the ends of a route ("a bus carrying pilgrims from Quetta to Karachi"), a direction ("towards Debre
Tabor"), a place measured from another ("across the Blue Nile from Khartoum") or the unit a named unit lies in
("the Chinar area of Shah Wali Kot district"); a unit named as one ("in Beni territory, ... in the village of
Mayimoya") holds a village the gazetteer puts in no unit. Within the article (``merge_retellings``), a
reference with no host at its places ("The capture cut the last road into Goma"), a lead at a province on the
day of its one detail in that province, the next sentence of a paragraph with neither place, date nor toll of
its own ("Nobody was hurt, but two rockets damaged the runway"), a lead at a place of the detail's province's
name, and a clause of "as" whose day its main clause lent, one day from the details at its place, are the
happening told."""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right

from contested.eventness import REFERENCE, load_words
from contested.families import CROWD_FAMILIES
from contested.gazetteer import ROUTE_WORDS
from contested.records import Event, Location
from contested.stages.records import Draft, PlaceChoice, SentenceMentions
from contested.stages.tokens import token_at, token_bounds
from contested.textnorm import name_key


def holds(unit: Location | None, place: Location | None) -> bool:
    """Whether ``unit`` is the district or province (of the same country) that ``place``, a town, a village
    or a district, lies in: its name is ``place``'s admin1 or admin2."""
    if unit is None or place is None or unit is place or place.feature in ("province", "region", "country"):
        return False
    if unit.country and place.country and unit.country != place.country:
        return False
    key = name_key(unit.name)
    if not key or key == name_key(place.name):
        return False
    if unit.feature in ("province", "region"):  # a town or a district in its province
        return key == name_key(place.admin1 or "")
    if place.feature == "district":
        return False
    # A district (or its seat, stored as a town of the district's name: "Circunscricao de Macomia") holds the
    # towns of its admin2; not those of a province of its name (Kunduz district is not Kunduz province).
    return key == name_key(place.admin2 or "")


def _between(a: Event, b: Event) -> bool:
    """The two events' places are the ends of one stretch the sentence names: "on the road between Fada
    N'Gourma and Pama" (one happening on the road, not one at each town)."""
    if not (a.claims and b.claims and a.evidence and b.evidence):
        return False
    marks_a, marks_b = a.evidence[0].marks.get("location"), b.evidence[0].marks.get("location")
    if not marks_a or not marks_b:
        return False
    (s1, e1), (s2, _) = sorted((marks_a[0], marks_b[0]))
    claim = a.claims[0]
    start = claim.span[0]
    if not (start <= s1 and e1 <= s2 <= claim.span[1]):
        return False
    text = claim.sentence
    return (text[e1 - start: s2 - start].strip().lower() == "and"
            and text[max(0, s1 - start - 9): s1 - start].rstrip().lower().endswith("between"))


def _named_unit(ev: Event) -> bool:
    """The event's place is named in its sentence with a word of an administrative unit after it ("in Beni
    territory", "in Kanbalu township")."""
    loc = ev.location
    if loc is None or loc.start is None or loc.end is None or not ev.claims:
        return False
    claim = ev.claims[0]
    if not (claim.span[0] <= loc.start and loc.end <= claim.span[1]):
        return False  # a place from another sentence (context): not named in this one
    after = claim.sentence[loc.end - claim.span[0]:].split(None, 1)
    return bool(after) and after[0].strip(",.;").lower() in load_words().admin_unit_nouns


def _unit_of_unplaced(unit: Event, place: Event) -> bool:
    """In one sentence, a unit named as one ("Further north, in Beni territory, ... killed 11 civilians in the
    village of Mayimoya") holds a place the gazetteer puts in no unit (nothing says it lies elsewhere)."""
    a, b = unit.location, place.location
    return (a is not None and b is not None and b.admin1 is None and b.admin2 is None and (
        not b.country or b.country == a.country) and name_key(a.name) != name_key(b.name) and _named_unit(unit))


def _absorb(kept: Event, other: Event) -> None:
    for name, spans in other.evidence[0].marks.items():
        for span in spans:
            if span not in kept.evidence[0].marks.get(name, []):
                kept.evidence[0].add(name, *span)


def _trigger_token(ev: Event, span):
    marks = ev.evidence[0].marks.get("type") if ev.evidence else None
    return token_at(span, marks[0][0]) if marks else None


# Moves of people, the one that says most first: a retreat that goes on into a flight is the flight.
_MOVES = ("cross_border_flight", "displacement", "retreat")


def _one_clause(a: Event, b: Event, span) -> Event | None:
    """Where two events of one sentence are one happening told by two coordinated verbs of one subject, the one
    to keep: "retreated to the river and crossed the border" (a retreat and the move that goes on from it: the
    flight, where one is a flight)."""
    ta, tb = _trigger_token(a, span), _trigger_token(b, span)
    if ta is None or tb is None or ta.i == tb.i:
        return None  # (one word at two places is one event per place, ACLED's convention)
    if {a.type, b.type} <= set(_MOVES):
        first, then = (ta, tb) if ta.i < tb.i else (tb, ta)
        if then.dep_ == "conj" and then.head.i == first.i and then.pos_ == "VERB" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in then.children):
            return min((a, b), key=lambda e: _MOVES.index(e.type))
    return None


# The words after a name that call it a district or a town, not the province of its name.
_BELOW_PROVINCE = frozenset({"district", "city", "town", "village", "township", "county", "municipality"})


def _word_after(ev: Event) -> str:
    """The word written right after the event's place name in its sentence, lower case ('' where none)."""
    loc = ev.location
    if loc is None or loc.start is None or loc.end is None or not ev.claims:
        return ""
    claim = ev.claims[0]
    if not (claim.span[0] <= loc.start and loc.end <= claim.span[1]):
        return ""
    after = claim.sentence[loc.end - claim.span[0]:].split(None, 1)
    return after[0].strip(",.;:()").lower() if after else ""


def _province_named(unit: Event, place: Event, span) -> bool:
    """One word of the sentence told at two places, one named as the other's province though the gazetteer
    read it as a town of that name ("In Kunduz, ... surrendered in Imam Sahib district", "a bomb hit a convoy
    on the Kandahar-Herat highway in Zhari district"): the province that holds the other place, not a second
    happening."""
    a, b = unit.location, place.location
    if a is None or b is None or a.feature in ("province", "region", "country") or not b.admin1:
        return False
    if b.feature in ("province", "region", "country") or (a.country and b.country and a.country != b.country):
        return False
    key = name_key(a.name)
    if not key or key == name_key(b.name) or key != name_key(b.admin1) or name_key(a.text or a.name) != key:
        return False  # (the words written must be the province's name: not "Heroica Puebla de Zaragoza")
    if span is None or _word_after(unit) in _BELOW_PROVINCE:
        return False  # ("in Ghazni district between Ghazni city and Andar district", "in Farah city and ...")
    ta, tb = _trigger_token(unit, span), _trigger_token(place, span)
    return ta is not None and tb is not None and ta.i == tb.i


def merge_twins(sentence_events: list[Event], sent: SentenceMentions | None = None) -> list[Event]:
    """The sentence's events, each twin (same type and date as an earlier one, and the same place, or a
    district or province that holds the other's place) merged into one: its marked words join the evidence of
    the one at the finer place (the first where the places are the same); with the sentence's parse, so are
    two coordinated verbs that tell one happening (``_one_clause``)."""
    if len(sentence_events) <= 1:
        return sentence_events
    if sent is not None and sent.span is not None:
        sentence_events = list(sentence_events)
        for i in range(len(sentence_events) - 1, 0, -1):
            ev = sentence_events[i]
            for j in range(i):
                other = sentence_events[j]
                keep = _one_clause(other, ev, sent.span)
                if keep is not None:
                    drop = ev if keep is other else other
                    _absorb(keep, drop)
                    sentence_events[j] = keep
                    del sentence_events[i]
                    break
    span = sent.span if sent is not None else None
    unique: list[Event] = []
    for ev in sentence_events:
        twin = next((u for u in unique if u.type == ev.type and u.date == ev.date
                     and (u.location and u.location.name) == (ev.location and ev.location.name)), None)
        if twin is not None:
            _absorb(twin, ev)
            continue
        coarse = next((u for u in unique if u.type == ev.type and u.date == ev.date
                       and (holds(u.location, ev.location) or _unit_of_unplaced(u, ev)
                            or (_province_named(u, ev, span) and not _between(u, ev)))), None)
        if coarse is not None:  # the earlier event is at the unit that holds this one's place
            _absorb(ev, coarse)
            unique[unique.index(coarse)] = ev
            continue
        fine = next((u for u in unique if u.type == ev.type and u.date == ev.date
                     and (holds(ev.location, u.location) or _between(u, ev) or _unit_of_unplaced(ev, u)
                          or _province_named(ev, u, span))), None)
        if fine is not None:
            _absorb(fine, ev)
            continue
        unique.append(ev)
    return unique


_CLAUSES = frozenset({"acl", "relcl"})  # a clause on a noun ("the highway linking Kabul with the north")
_NAME_LINKS = frozenset({"compound", "amod", "nmod", "poss"})


def _token_at(span, offset: int, end: int | None = None):
    """The token at ``offset``; with ``end``, the head word of the words from ``offset`` to ``end`` (the one
    whose head lies outside them: "Boldak" of "Spin Boldak")."""
    if end is None:
        return token_at(span, offset)
    doc = span.doc
    starts, ends = token_bounds(doc)  # the span's tokens with characters from offset to end, not a walk of it
    first, stop = getattr(span, "start", 0), getattr(span, "end", len(doc))
    words = [doc[i] for i in range(max(first, bisect_right(starts, offset) - 1), min(stop, bisect_left(starts, end)))
             if offset < ends[i]]
    if not words:
        return None
    inside = {t.i for t in words}
    return next((t for t in words if t.head.i not in inside or t.head.i == t.i), words[-1])


def _in_passing(place_tok, clause_verb, words, trigger=None, named: frozenset[int] = frozenset()) -> str | None:
    """Why a place named in the trigger's sentence is not where the trigger's happening was, read from the
    parse: it names a thing that is no place ("Grad rockets", "the Kachin Independence Army", "the Dnipro
    river"), or it sits in another clause than the trigger's ("the highway linking Kabul with the north", "as
    fighting went on in Amhara"), or it says where another place is ("Nikopol, across the Dnipro") or where a person is from ("Adam
    Bentdahl of Appleton")."""
    tok = place_tok
    road = tok
    while road.dep_ == "compound" and road.head.i != road.i and road.head.pos_ == "PROPN":
        road = road.head
    if road.dep_ == "compound" and road.head.lower_ in ROUTE_WORDS:
        # "on the Maiduguri-Monguno road near Gajiram", "the Kandahar-Herat highway": the towns a road is named
        # after are its ends, not where on it the happening was.
        return f"names a {road.head.lower_}"
    if tok.dep_ in _NAME_LINKS and tok.head.i != tok.i:
        head = tok.head
        # (A proper name is the rest of a longer place name, "Kanda Sokhata", "Nuri Kala villages", unless it
        # ends in a word of an organisation: "Army", "Herald".)
        if head.pos_ == "PROPN" and head.lower_ not in words.organisation_heads:
            return None
        if not (head.ent_type_ in ("GPE", "LOC", "FAC") or head.lemma_.lower() in words.place_subject_nouns
                or head.lower_ in words.place_subject_nouns):
            return f"names a {head.lower_}"
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "the embassies of France and the United States": the first of the list
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.pos_ == "NOUN" and (
            first.head.head.lemma_.lower() in words.institution_nouns):
        # "a protest outside the embassies of France and the United States": whose embassy, not where.
        return f"names the {first.head.head.lower_} of a country"
    if first.dep_ == "pobj" and first.head.dep_ == "agent":
        # "fighters backed by Uganda attacked ...": a country as the one who does (by), not a place.
        return "names who did it (by)"
    if tok.dep_ == "nsubj" and tok.head.i == clause_verb.i and clause_verb.pos_ == "VERB" and any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in clause_verb.children):
        # "Russia hit back with missiles that set a power plant in Kharkiv on fire": a place as the subject of a
        # verb that acts on something or with something is the one who did it (not "Kupiansk fell").
        return "names who did it (the subject)"
    unit = first.head if first.dep_ == "compound" and first.head.pos_ == "NOUN" else first  # "Farah province"
    if unit.dep_ == "pobj" and unit.head.lower_ == "of" and unit.head.head.pos_ == "NOUN" and (
            unit.head.head.lemma_.lower() in words.place_subject_nouns) and any(
            c.dep_ in ("compound", "nmod") and c.i in named and c.i != tok.i for c in unit.head.head.children):
        # "in the Mayo district of southern Khartoum": the place the named district lies in, not a second place.
        return f"where the {unit.head.head.lower_} is (of)"
    node = first
    for _ in range(6):
        # "In Bahri, across the Blue Nile from the centre of Khartoum": a place measured from another ("across
        # X from Y") says where the happening's own place lies, not where it happened.
        if node.dep_ == "prep" and node.lower_ in words.landmark_preps and any(
                c.dep_ == "prep" and c.lower_ == "from" for c in node.children):
            return f"a landmark ({node.lower_} ... from)"
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    if first.dep_ == "pobj" and first.head.lower_ in words.direction_preps:
        # "a market town on the road west towards Debre Tabor": a direction, not where it happened.
        return f"a direction ({first.head.lower_})"
    went = first.head.head if first.dep_ == "pobj" else None
    if went is not None and went.dep_ in ("advmod", "prt") and went.pos_ in ("ADV", "ADP"):
        went = went.head  # "to turn back to Herat"
    if went is not None and first.head.lower_ in words.destination_preps and went.pos_ == "VERB" and (
            went.i != clause_verb.i and (trigger is None or went.i != trigger.i)) and (
            clause_verb.i not in (t.i for t in went.subtree)) and _predicate_chain(went, clause_verb):
        # "shells landed near the runway, forcing the authorities to divert flights to Misrata": where another
        # verb sent someone, not where the happening was.
        return f"where another verb went ({went.lower_} {first.head.lower_})"
    if first.dep_ == "pobj" and first.head.lower_ == "between":
        # "the Chonhar bridge, one of the supply routes between Crimea and the Kherson region", "Shasha, on the
        # road between Sake and Minova": the ends of a stretch, where another place of the sentence is.
        return "an end of a stretch between two places"
    prep = tok.head
    if tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in words.landmark_preps and (
            prep.head.ent_type_ in ("GPE", "LOC", "FAC") or prep.head.pos_ == "PROPN"):
        # "shelled Nikopol, across the Dnipro from the plant", "a village near Kabul": where the other place is.
        return f"where {prep.head.text} is ({prep.lower_})"
    if tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("of", "from") and (
            prep.head.ent_type_ == "PERSON" or prep.head.lemma_.lower() in words.people_nouns | words.kin_nouns) and (
            (prep.lower_ == "from" or prep.head.dep_ != "pobj") and tok.lemma_.lower() not in words.place_subject_nouns):
        # (Not "in Laman of Qala-i-Naw district": a name in a phrase of place, whatever the parser calls it; a
        # "from" says where people are from wherever they stand: "houses belonging to families from Misrata".)
        # "Adam Bentdahl of Appleton", "a man from Kunduz": where a person is from.
        return f"where {prep.head.text} is from"
    node, through_prep = first, False
    for _ in range(6):
        # "seized Stepove, a village north of Avdiivka in the Donetsk region": a place in a prepositional phrase of
        # an apposition to another place the sentence names says where that place lies, not a second place of the
        # happening (not "in Shah Joy, Mizan and Shinkay districts", a list the parser may read as an apposition).
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        through_prep = through_prep or node.dep_ == "prep"
        if (node.dep_ == "appos" and through_prep and node.pos_ == "NOUN" and node.i not in named
                and node.head.i in named and node.head.i != tok.i):
            return f"where the {node.head.text} lies (apposition)"
        node = node.head
    unit = tok.head
    if tok.dep_ in _NAME_LINKS and unit.dep_ == "pobj" and unit.lemma_.lower() in words.place_subject_nouns and (
            unit.head.lower_ == "from") and unit.head.head.lemma_.lower() in words.people_nouns and (
            unit.head.head.dep_ != "pobj"):
        # "young men from the Amhara region": where people are from, named with its unit.
        return f"where {unit.head.head.text} are from"
    node = tok
    for _ in range(12):
        if node.i == clause_verb.i or (trigger is not None and node.i == trigger.i):
            return None
        if node.i != tok.i and node.pos_ == "VERB" and node.lemma_.lower() in words.telling_verbs and (
                clause_verb.i not in (t.i for t in node.subtree)):
            # "..., accusing Kigali of backing the rebels", "to demand that Uganda pull out": whom they accuse,
            # what they demand, not where
            return f"what is told of ({node.lower_})"
        if node.head.i == node.i:
            break
        # (Not a participle of what was done to the noun: "operations supported by NATO in Kajaki" is where
        # the operations were.)
        if node.dep_ in _CLAUSES and node.pos_ in ("VERB", "AUX") and node.head.pos_ in ("NOUN", "PROPN") and (
                node.dep_ == "relcl" or node.tag_ == "VBG") and clause_verb.i not in (t.i for t in node.subtree) and (
                trigger is None or node.head.i != trigger.i):  # "a shooting that killed three in Mid City"
            return f"in another clause ({node.lower_})"
        if node.dep_ in ("advcl", "ccomp", "conj") and node.pos_ in ("VERB", "AUX") and clause_verb.i not in (
                t.i for t in node.subtree) and any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "advcl") and (
                    {c.lemma_.lower(), c.lower_} & (words.event_head_nouns | words.campaign_nouns))
                    for c in node.children):
            # "struck Mekelle ..., as fighting went on in Amhara": the place of another happening ("as the
            # summer offensive swept through the provinces of X and Y": of a campaign).
            return f"in another happening's clause ({node.lower_})"
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.head.i == clause_verb.i and (
                trigger is None or trigger.i not in (t.i for t in node.subtree)) and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            # "Drones struck targets near Tarhuna, and forces loyal to Haftar tightened their hold on Sirte": a
            # clause joined to the trigger's with a subject of its own tells what others did, and where.
            return f"in another clause with its own subject ({node.lower_})"
        node = node.head
    return None


def _predicate_chain(verb, clause_verb) -> bool:
    """``verb`` hangs from ``clause_verb`` through clauses of what followed ("forcing the authorities to ...
    divert them to Misrata"), none of them a clause on a noun ("the road that connects Frontera to
    Villahermosa", "operatives attempting to infiltrate into Ras al Ain": what a thing is, or who the people are,
    where the place may still be the happening's)."""
    node = verb
    for _ in range(8):
        if node.i == clause_verb.i:
            return True
        if node.dep_ in _CLAUSES or node.head.i == node.i:
            return False
        node = node.head
    return False


def _in_subject(place_tok, verb) -> bool:
    """The place hangs, through a preposition, from the subject of the verb ("artillery on the far bank of the
    Dnipro shelled ...", "militants from across the border attacked ...")."""
    if place_tok is None:
        return False
    words = load_words()
    node, through_prep = place_tok, False
    for _ in range(8):
        if node.head.i == node.i:
            return False
        if node.dep_ == "prep":
            through_prep = True
        if node.head.i == verb.i:
            # (Not a subject that is the happening itself: "a strike on a gathering in Dara-i-Suf killed 14";
            # an active verb's subject only: a passive's subject is what was done to, "a school in Kunduz was
            # shelled", and its place is the happening's.)
            return through_prep and node.dep_ == "nsubj" and node.i != place_tok.i and not (
                {node.lower_, node.lemma_.lower()} & (words.event_head_nouns | words.agent_event_nouns))
        node = node.head
    return False


def own_places(where: PlaceChoice, draft: Draft, sent: SentenceMentions) -> tuple[PlaceChoice, list[str]]:
    """The draft's places less those named in passing (``_in_passing``), where at least one place of its own
    is left: one happening, not one at each place the sentence names; with a line for each place left out
    (for ``explain``)."""
    if len(where.places) < 2 or where.from_context or sent.span is None:
        return where, []
    from contested.eventness import governing_verb

    span = sent.span
    trigger = _token_at(span, draft.trigger.start)
    if trigger is None:
        return where, []
    verb = governing_verb(trigger)
    words = load_words()
    kept, notes = [], []
    # "a convoy carrying passengers from Parachinar to Peshawar near the village of Mandori": the two ends of a
    # route named in a phrase of a noun or of another clause are not where the happening was, where a place
    # that is no end of the route is named.
    ends = _route_ends(where, span, verb, trigger)
    places = [p for p in where.places if p not in ends] if len(ends) < len(where.places) else where.places
    notes += [f"{p[2].name} named in passing (an end of a route), not a second place of the happening"
              for p in where.places if p not in places]
    weak = []  # places set aside only as a direction or as the unit a named unit lies in
    loose = []  # places set aside only because the parse hangs them in another clause (the parser may be wrong)
    never = []  # places that name who did it ("a ceasefire called for by Turkey and Russia"): never where
    named = frozenset(t.i for p in places if p[0] >= 0 for t in span if p[0] <= t.idx < p[1])
    for p in places:
        tok = _token_at(span, p[0], p[1]) if p[0] >= 0 else None
        why = None if tok is None else _in_passing(tok, verb, words, trigger, named)
        if why is not None and why.endswith("(of)") and not any(
                q is not p and _lies_in(q[2], p[2]) for q in places):
            # (Only where the gazetteer agrees: "the Seattle neighbourhood of Mukilteo" names the neighbourhood.)
            why = None
        if why is None:
            kept.append(p)
        else:
            if why.startswith(_WEAK_PASSING):
                weak.append(p)
            elif why.startswith(_CLAUSE_PASSING):
                loose.append(p)
            elif why.startswith(_NEVER_WHERE):
                never.append(p)
            notes.append(f"{p[2].name} named in passing ({why}), not a second place of the happening")
    if not kept and weak:
        # ("abducted women from the Quelimane neighbourhood of Palma": where the women were from is set aside
        # first; the unit they lie in is then the place.)
        kept = weak
        notes = [n for n in notes if not any(n.startswith(f"{p[2].name} named in passing") for p in weak)]
    elif not kept and loose:
        # ("houses belonging to families from Misrata in Sirte's al-Zaafran district": where the families are
        # from is set aside for what it says; the place the parser hung in a clause on the houses is then the
        # place.)
        kept = loose
        notes = [n for n in notes if not any(n.startswith(f"{p[2].name} named in passing") for p in loose)]
    elif not kept and never and len(never) == len(places):
        # Every place names who did it: the happening's place is unknown here (null, not a guess).
        return dataclasses.replace(where, places=[]), notes
    # "Russian artillery on the far bank of the Dnipro shelled Marhanets": a place in a phrase of the clause's
    # subject says where the one who did it was; it is set aside where the clause names another place.
    at_subject = [p for p in kept if _in_subject(_token_at(span, p[0], p[1]) if p[0] >= 0 else None, verb)]
    if at_subject and len(at_subject) < len(kept):
        kept = [p for p in kept if p not in at_subject]
        notes += [f"{p[2].name} named in passing (where the one who did it was), not a second place of the "
                  "happening" for p in at_subject]
    if draft.family in _MOVE_FAMILIES:
        # "Hundreds of families fled Karukh ... to the edge of Herat city": where the people went, in the move's
        # own phrase of direction, is not a second place of the flight, where the place they left is named.
        went_to = [p for p in kept if _destination(_token_at(span, p[0], p[1]) if p[0] >= 0 else None, verb, trigger)]
        if went_to and len(went_to) < len(kept):
            kept = [p for p in kept if p not in went_to]
            notes += [f"{p[2].name} named in passing (where they went), not a second place of the happening"
                      for p in went_to]
    if not kept:
        kept, notes = places, notes[: len(where.places) - len(places)]  # (the route's ends only)
    if len(kept) == len(where.places):
        return where, []
    return dataclasses.replace(where, places=kept), notes


_WEAK_PASSING = ("a direction", "where the ")
_CLAUSE_PASSING = ("in another clause",)
_NEVER_WHERE = ("names who did it",)
_MOVE_FAMILIES = frozenset({"flee", "retreat", "displacement"})


def _destination(place_tok, verb, trigger) -> bool:
    """The place is named in a phrase of direction of the move's own verb ("fled ... to the edge of Herat city",
    "left for Kabul"), through the nouns of that phrase only."""
    node = place_tok
    for _ in range(8):
        if node is None or node.head.i == node.i:
            return False
        head = node.head
        if node.dep_ == "prep" and node.lower_ != "of":  # ("to the edge of Herat city")
            return node.lower_ in load_words().destination_preps and head.i in (verb.i, trigger.i)
        if node.dep_ not in ("pobj", "prep", "compound", "conj", "appos", "nmod", "amod") and head.pos_ != "ADP":
            return False
        node = head
    return False


def _lies_in(place: Location | None, unit: Location | None) -> bool:
    """``place`` lies in ``unit`` by the gazetteer: ``unit`` holds it, or is named as its province or
    district."""
    if place is None or unit is None or place is unit:
        return False
    key = name_key(unit.name)
    return holds(unit, place) or (bool(key) and key in (name_key(place.admin1 or ""), name_key(place.admin2 or "")) and (
        not unit.country or not place.country or unit.country == place.country))


def _route_ends(where: PlaceChoice, span, verb, trigger) -> list:
    """The places of ``where`` named as the two ends of a route ("from Parachinar to Peshawar") in a phrase
    that is not of the trigger's own clause verb: both a "from" and a "to" place must be named."""
    marks: dict[str, list] = {"from": [], "to": []}
    for p in where.places:
        tok = _token_at(span, p[0], p[1]) if p[0] >= 0 else None
        if tok is None or tok.dep_ != "pobj" or tok.head.lower_ not in marks:
            continue
        holder = tok.head.head
        if holder.i in (verb.i, trigger.i):
            continue  # "fled from Karukh to Herat": the move's own phrase (its place and its destination)
        marks[tok.head.lower_].append(p)
    return marks["from"] + marks["to"] if marks["from"] and marks["to"] else []


_CONTROL_CHANGE = frozenset({"territory_captured", "territory_regained"})


def _same_place(a: Location, b: Location) -> bool:
    return (name_key(a.name) == name_key(b.name) and a.country == b.country) or holds(a, b) or holds(b, a)
_PEACEFUL = "peaceful"


def _main_clause_dated(ev: Event) -> bool:
    """The event's word stands in a clause of "as" or "while" after the sentence's date ("... struck a printing
    works on Monday, ..., as Russian forces pushed deeper and fought their way into the town"): its day is the
    main clause's, lent to it."""
    if not (ev.claims and ev.evidence):
        return False
    marks = ev.evidence[0].marks
    kinds, dates = marks.get("type"), marks.get("date") or []
    if not kinds or ev.date is None:
        return False
    claim = ev.claims[0]
    start, trigger = claim.span[0], kinds[0][0]
    if not start <= trigger <= claim.span[1]:
        return False  # the trigger is not in the claim's sentence
    before = claim.sentence[: max(0, trigger - start)].lower()
    mark = max((before.rfind(f", {m} ") for m in load_words().simultaneous_marks), default=-1)
    # (The clause gives no date of its own: any date marked is before the "as".)
    return mark >= 0 and all(end - start <= mark for _, end in dates)


def _day_off(lent: Event, other: Event) -> bool:
    """``lent``'s day was lent by its main clause (``_main_clause_dated``) and ``other``'s, a day of its own, is
    one day from it: "fought their way into Vovchansk" in Monday's lead, "fought street by street on Tuesday" in
    the details."""
    a, b = lent.date, other.date
    return (a is not None and b is not None and a.precision == b.precision == "day"
            and abs((a.start - b.start).days) == 1 and _main_clause_dated(lent) and not _main_clause_dated(other))


_LEAD = "a lead's summary told in detail"
_NAMED_LEAD = "told again at a place its lead's sentence named"


def _names_place_of(told: Event, ev: Event) -> bool:
    """``told``'s sentence names ``ev``'s place (as the words ``ev``'s place was written in), not as its own."""
    loc = ev.location
    if loc is None or not told.claims:
        return False
    words = (loc.text or loc.name or "").strip()
    if len(words) < 3 or (told.location is not None and name_key(words) == name_key(told.location.text or "")):
        return False
    sentence = told.claims[0].sentence
    i = sentence.find(words)
    return i >= 0 and (i == 0 or not sentence[i - 1].isalnum()) and (
        i + len(words) == len(sentence) or not sentence[i + len(words)].isalnum())


def _in_unit(lead: Event, detail: Event) -> bool:
    return (detail.type == lead.type and detail.date is not None and detail.location is not None
            and bool(detail.location.admin1) and name_key(lead.location.name) == name_key(detail.location.admin1)
            and (not lead.location.country or lead.location.country == detail.location.country))


def _unit_counts(events: list[Event]) -> dict[tuple, int]:
    """How many dated events of each type the article tells in each province, counted once per article for
    ``_lead_unit``: keyed by (type, the province's name key, country) and by (type, the province's name key)."""
    counts: dict[tuple, int] = {}
    for e in events:
        if e.date is not None and e.location is not None and e.location.admin1:
            key = (e.type, name_key(e.location.admin1))
            counts[key] = counts.get(key, 0) + 1
            counts[(*key, e.location.country)] = counts.get((*key, e.location.country), 0) + 1
            if e.location.feature not in _UNITS and e.date.precision == "day":
                day = ("day", *key, e.location.country, e.date.start)
                counts[day] = counts.get(day, 0) + 1
    return counts


_UNITS = ("province", "region", "country")


def _dated_lead(lead: Event, detail: Event, counts: dict[tuple, int]) -> bool:
    """A telling at a province on the day of the detail's ("killed 17 civilians in an attack on a village in
    central Mali's Mopti region on Sunday", then the village, in Mopti, and Sunday's detail): the lead's summary
    of the happening told in detail, where the article tells only one such happening in that province on that
    day at a finer place (``counts``: ``_unit_counts``)."""
    if lead.date is None or detail.date is None or lead.location is None or detail.location is None:
        return False
    if lead.location.feature not in ("province", "region") or detail.location.feature in _UNITS:
        return False
    if (lead.date.start, lead.date.end) != (detail.date.start, detail.date.end) or detail.date.precision != "day":
        return False
    if not _in_unit(lead, detail):
        return False
    key = ("day", lead.type, name_key(detail.location.admin1 or ""), detail.location.country, detail.date.start)
    return counts.get(key, 0) == 1


def _lead_unit(lead: Event, detail: Event, counts: dict[tuple, int]) -> bool:
    """An undated telling at a place named as the other's province ("prison stormed in Herat", then the day and
    the district of Herat province): the lead's summary of the happening told in detail (the gazetteer may have
    taken the province's name for a town of that name), where the article tells only one such happening in
    that province (``counts``: ``_unit_counts`` of the article's events)."""
    if lead.date is not None or lead.location is None or not _in_unit(lead, detail):
        return False
    # (The lead, undated, is not among the dated events counted.)
    key = (lead.type, name_key(lead.location.name))
    return counts.get((*key, lead.location.country) if lead.location.country else key, 0) <= 1


def _retelling(told: Event, ev: Event, earlier: list[Event], separate: bool | None = None,
               unit_counts: dict[tuple, int] | None = None) -> str | None:
    """Why ``ev``, told later in the article, is a retelling of ``told`` (None where it may be another
    happening): the same type and detail, and either the same place with no date of its own or of the other
    ("two days after Taliban fighters had overrun it" ... "The Taliban captured the district centre on Friday
    evening"), or, for a demonstration, neither place nor date while ``told`` is the only one so far ("Police fired
    tear gas at protesters who tried to approach the embassy" after the one protest), or, for a change of hands,
    a capture, a regain or the losers' retreat told at its place (or at none) and on its day ("the insurgents
    abandoned their positions and fled", "the joint force had entered the town on Sunday"); never where its
    sentence says it is another happening (``separate_cues`` of data/fusion.json: "another", "separate", ...)."""
    crowd = told.type == ev.type and ev.type in CROWD_FAMILIES  # (what was done to it may change its detail)
    control = told.type in _CONTROL_CHANGE and ev.type in _CONTROL_CHANGE | {"retreat"}
    if (told.type != ev.type and not control) or (
            told.detail and ev.detail and told.detail != ev.detail and not crowd):
        return None
    if separate is None:
        from contested.fusion import _says_separate

        separate = _says_separate(ev)
    if separate:
        return None  # "in a separate attack", "another", "elsewhere"
    if told.type == ev.type and ev.date is None and ev.evidence and (ev.evidence[0].reason or "").startswith(
            REFERENCE):
        # "The capture cut the last road into Goma": a happening the article told before, named again (the
        # latest of its type), whatever other places its sentence names.
        return f"the {ev.type} told before, named again ({ev.evidence[0].reason})"
    if told.type == ev.type and ev.date is None and ev.location is None and ev.fatalities is None and earlier and (
            earlier[-1] is told) and ev.claims and any(0 <= ev.claims[0].span[0] - c.span[1] <= 1 and (
                "\n" not in c.sentence[-3:]) for c in told.claims):
        # "three rockets struck the runway of Kandahar airport late on Sunday ... Nobody was hurt, but two rockets
        # damaged the runway, he said.": the next sentence of the paragraph goes on about the same happening,
        # with neither place nor date nor toll of its own (a toll of its own may be one of several happenings a summary
        # counted: "at least 11 soldiers were killed in attacks ... 3 were killed at a check point in ...").
        return "the sentence before's happening, told on with neither place nor date"
    if told.type == ev.type and told.location is not None and ev.location is not None:
        same = _same_place(told.location, ev.location)
        counts = _unit_counts(earlier) if unit_counts is None else unit_counts
        if not same and (_lead_unit(told, ev, counts) or _lead_unit(ev, told, counts)):
            return f"{_LEAD}: {ev.location.name}"
        if _dated_lead(told, ev, counts) or _dated_lead(ev, told, counts):
            return f"{_LEAD}: {ev.location.name}, on the same day"
        if same and (told.date is None) != (ev.date is None):
            return f"told again at {ev.location.name} without its date"
        if same and told.date is not None and ev.date is not None and (
                _day_off(told, ev) or _day_off(ev, told)):
            return f"told again at {ev.location.name}, a day from the date its main clause lent the other"
        if not same and ev.date is None and told.date is not None and ev.location.feature not in _UNITS and (
                told.location.feature not in (*_UNITS, "district")) and (
                ev.claims and told.claims and ev.claims[0].span[0] >= told.claims[0].span[1]) and _names_place_of(
                told, ev) and not any(
                u.location is not None and _same_place(u.location, ev.location) and (
                    u.type == ev.type or (u.claims and u.claims[0].span == told.claims[0].span))
                for u in earlier):
            # "Syrian forces captured Khan al-Asal on the western edge of Aleppo on Monday" (placed at Aleppo),
            # then "Troops entered Khan al-Asal after two days of fighting": the lead named the detail's place,
            # where no other telling of its kind is, and no other happening of the lead's sentence.
            return f"{_NAMED_LEAD}: {ev.location.name}"
        return None
    if told.type in _CONTROL_CHANGE and ev.type in _CONTROL_CHANGE | {"retreat"} and told.type != ev.type and (
            told.location is not None and told.date is not None) and (
            (ev.date is None and ev.type == "retreat")  # (an undated capture is more often the fall before)
            or (ev.date is not None and (ev.date.start, ev.date.end) == (told.date.start, told.date.end))) and (
            ev.location is None or _same_place(told.location, ev.location)):
        takers = {a.name for a in told.actors if a.role == "actor1"}
        if ev.type != "retreat" or not takers & {a.name for a in ev.actors if a.role == "actor1"}:
            # "recaptured the town on Sunday ... the insurgents abandoned their positions and fled", "the joint
            # force had entered the town on Sunday": the one change of hands, told again (ACLED codes it once).
            return f"the change of hands at {told.location.name} told again ({ev.type})"
    if ev.type in CROWD_FAMILIES and ev.location is None and ev.date is None and told.location is not None and (
            sum(1 for u in earlier if u.type == ev.type) == 1):
        # What happened to a crowd is told after it ("Police fired tear gas at protesters ..."): one
        # demonstration, as ACLED codes it.
        return "what happened at the article's one demonstration, told with neither place nor date"
    return None


def merge_retellings(events: list[Event]) -> list[Event]:
    """One event per happening in an article: an event told again later in the article (``_retelling``) joins
    the event it retells as one more claim, built by ``fusion.combine``; the reason is kept in
    ``fused_because`` for ``explain``."""
    if len(events) < 2:
        return events
    from contested.fusion import _says_separate, combine

    out: list[Event] = []
    counts = _unit_counts(events)  # read once per article, not once per pair
    for ev in events:
        host, why = None, None
        separate = _says_separate(ev)  # read once per event, not once per earlier event
        for k in range(len(out) - 1, -1, -1):
            why = _retelling(out[k], ev, out, separate, counts)
            if why:
                host = k
                break
        if host is None:
            out.append(ev)
            continue
        first = out[host]
        merged = combine([first, ev])
        merged.id = first.id
        if why.startswith(_LEAD):
            # The detail's place and day, not the lead's province (read as a town) and none.
            detail = ev if ev.date is not None else first
            if ev.date is not None and first.date is not None and first.location is not None and (
                    first.location.feature not in _UNITS):
                detail = first  # (both dated: the finer place's telling is the detail)
            merged.location, merged.date = detail.location, detail.date
            from contested.stages.summary import summarize

            merged.summary = summarize(merged)
        if why.startswith(_NAMED_LEAD):
            # The place the lead named and the detail told, on the lead's day.
            merged.location, merged.date = ev.location, first.date
            from contested.stages.summary import summarize

            merged.summary = summarize(merged)
        if first.type in CROWD_FAMILIES and first.detail != ev.detail and first.detail == _PEACEFUL:
            # "Police fired tear gas at protesters ...": the demonstration met force, whatever its lead said.
            from contested.taxonomy import acled_type

            acled = acled_type(merged.type, ev.detail)
            merged.detail = ev.detail
            merged.acled_event_type, merged.acled_sub_event_type = acled.event_type, acled.sub_event_type
        merged.fused_because = [*first.fused_because, f"a retelling in the same article: {why}",
                                *(r for r in ev.fused_because if r not in first.fused_because)]
        out[host] = merged
    return out

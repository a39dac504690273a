"""Stage: claims. Each event carries the claim of the sentence that tells it, and those of the sentence's
other named speakers whose words tell it ("X said ..., a claim Y dismissed"); a denial, a doubt, a figure or
a retelling of an event already told becomes another claim on that event instead of a new event, matched by
type, place and the day the denial names. A statement with no event word in the discourse that goes on from
an event ("The governor confirmed the figure.", "Residents said the attackers had left the village.") is a
claim on it where its content points back at it; what a denial is about (the event, the victims' figure or
who did it: "claimed responsibility for", "denied any involvement in") is the relation's ``about``."""

from __future__ import annotations

import dataclasses
import re

from contested.attribution import content_refers, lexicon, owner_matches, reporting_hedge, resolve_pronoun
from contested.config import ExtractionSettings
from contested.eventness import ASSERTED, NEGATED, REFERENCE
from contested.families import COMPATIBLE, VIOLENCE_TYPE
from contested.quantities import parse_number
from contested.records import Attribution, Claim, Document, Event, Evidence, Quantity
from contested.stages.evidence import draft_evidence
from contested.stages.figures import copy_quantity, figures_differ
from contested.stages.grouping import may_be_about_told
from contested.stages.records import DiscourseState, Draft, SentenceMentions
from contested.stages.summary import summarize
from contested.stages.tokens import token_at
from contested.textnorm import name_key
from contested.triggers import CONTROL_FAMILIES

# "in the fighting", "the attack", "the clashes": a definite article points back at an event already told.
_DEFINITE_BEFORE = re.compile(r"\b(the|these|those)\s+(\w+\s+)?$", re.IGNORECASE)
# "put the number at about 300": a figure about an event already told.
FIGURE_CLAIM = re.compile(
    r"\b(put|puts|putting|placed|gave|estimated|estimates)\s+(the|their|its)\s+(number|figure|toll|death toll|"
    r"count|tally)\b|\b(number|figure|toll|tally)\s+(was|is|stood|stands)\s+(at|closer to)\b|\b(closer to|nearer to)\s+\d",
    re.IGNORECASE,
)


def figure_values(figure_stances: list[dict]) -> set[int]:
    """The numbers of the figures a stance is on, in digits or words ("the police figure of seven dead": 7)."""
    return {v for f in figure_stances if (v := parse_number(str(f.get("value") or ""))) is not None}


def make_claim(doc: Document, sent: SentenceMentions, attribution: Attribution) -> Claim:
    """The claim a sentence makes through its attribution: who (the chain from the publishing outlet to the
    speaker), the cue, the content, the stance on the event and on figures, the hedges."""
    outlet = {"name": doc.source, "link": "outlet", "kind": "outlet", "title": None, "organisation": None,
              "via": None, "start": None, "end": None}
    chain = [outlet]
    for link in attribution.chain:
        if link.get("link") == "intermediary" and doc.source and name_key(link.get("name") or "") == name_key(doc.source):
            continue  # "told Example Wire" in Example Wire's own article: the outlet is the first link already
        chain.append({k: v for k, v in link.items() if k not in ("plural", "back", "near")})
    return Claim(
        doc_id=doc.doc_id,
        source=doc.source,
        published=doc.published,
        attributed_to=attribution.attributed_to,
        attribution_text=attribution.text,
        stance=attribution.stance,
        hedged=attribution.hedged,
        sentence=sent.text,
        span=(sent.start, sent.end),
        cue=attribution.cue,
        cue_span=attribution.cue_span,
        source_span=attribution.source_span,
        content_span=attribution.content_span,
        chain=chain,
        source_kind=attribution.source_kind,
        about=attribution.about,
        figure_stances=[dict(f) for f in attribution.figure_stances],
        hedges=list(attribution.hedges),
    )


def add_claim(ev: Event, doc: Document, sent: SentenceMentions, attribution: Attribution, draft: Draft | None,
              quantities: list[Quantity]) -> None:
    """Another claim about an existing event: its figures point at the claim of whoever gives them (a figure
    called "the officials' figure" in an analyst's doubt is the officials'); ACLED's rule keeps the most
    conservative death toll; disagreement is flagged. A denial or doubt of a figure flags the figure
    (figure_denied, figure_doubted), not the event."""
    ev.claims.append(make_claim(doc, sent, attribution))
    ev.evidence.append(draft_evidence(draft, None, None, [], attribution) if draft else Evidence())
    if draft:
        # Why its words were not a new event ("reference: ...", "negated"), for explain.
        ev.evidence[-1].reason = sent.reasons.get(draft.trigger.start, ASSERTED)
    index = len(ev.claims) - 1
    if not draft:
        for q in quantities:
            ev.evidence[-1].add("quantities", q.start, q.end)
        ev.evidence[-1].add("attribution", attribution.start, attribution.end)
    claim = ev.claims[-1]
    for fig in claim.figure_stances:
        owner = next((i for i, c in enumerate(ev.claims[:-1]) if owner_matches(fig.get("owner"), c.attributed_to)
                      or any(owner_matches(fig.get("owner"), link.get("organisation")) for link in c.chain)), None)
        fig["owner_claim"] = owner
    for q in quantities:
        # A figure inside "the officials' figure of 300" belongs to the officials' claim where there is one.
        fig = next((f for f in claim.figure_stances if f.get("owner_claim") is not None
                    and f.get("start", -1) <= q.start < f.get("end", -1)), None)
        ev.quantities.append(copy_quantity(q, fig["owner_claim"] if fig else index))
    killed = [q.value for q in quantities if q.killed]
    if killed:
        ev.fatalities = sum(killed) if ev.fatalities is None else min(ev.fatalities, sum(killed))
    ev.summary = summarize(ev)
    flag = {"denies": "denied", "doubts": "doubted"}.get(attribution.stance)
    if flag and attribution.about in ("figure", "perpetrator"):
        flag = f"{attribution.about}_{flag}"  # a denial of involvement is no denial that it happened
    if flag and flag not in ev.flags:
        ev.flags.append(flag)
    for fig in claim.figure_stances:  # "..., though the figure could not be verified": the outlet's own doubt
        fig_flag = {"denies": "figure_denied", "doubts": "figure_doubted"}.get(fig.get("stance"))
        if fig_flag and fig_flag not in ev.flags:
            ev.flags.append(fig_flag)
    if attribution.hedged and "hedged" not in ev.flags:
        ev.flags.append("hedged")
    if figures_differ(ev.quantities) and "contested_figures" not in ev.flags:
        ev.flags.append("contested_figures")


def negation_as_denial(sent: SentenceMentions, attribution: Attribution,
                       drafts: list[Draft]) -> tuple[Attribution, list[Draft]]:
    """"Local officials said the Taliban had not captured the city": a denial of the capture told; the
    violence words of such a sentence make no event of their own."""
    if attribution.stance == "asserts" and any(
        t.family in CONTROL_FAMILIES and sent.reasons.get(t.start) == NEGATED for t in sent.triggers
    ):
        return dataclasses.replace(attribution, stance="denies"), [d for d in drafts if d.family not in VIOLENCE_TYPE]
    return attribution, drafts


def claim_without_event(doc: Document, sent: SentenceMentions, attribution: Attribution, recent: list[Event],
                        state: DiscourseState, si: int, config: ExtractionSettings) -> None:
    """A sentence that makes no event: "The Taliban denied the claim", "An official put the number at about
    300" are claims about the events just told (the latest sentence's; for a figure, the latest event with
    a figure in the same unit)."""
    # The story goes on through claims as well as through events: an event that carries a claim of the sentence
    # just before ("The police denied ...", after three sentences of claims on the drone attack) is as near as
    # one told in the last sentences.
    recent = recent + [ev for ev in _told_just_before(doc, sent, state.told) if ev not in recent]
    # The event words that name no event here ("drones had flown over the station", "one of the charges had
    # fallen": the word is no event word) or only the people a figure counts ("denied that any civilian had
    # died", "the number of displaced people could not be confirmed") leave a statement with no event word.
    shows = _shows(sent, attribution, lexicon())
    triggers = [t for t in sent.triggers if not (_word_sense(sent, t) and not _definite_noun(sent, t)) and not (
        attribution.about == "figure" and attribution.stance in ("denies", "doubts")
        and sent.reasons.get(t.start) == NEGATED) and not (
        # "Photographs appeared to show the burnt-out shells of three minibuses": what a picture shows describes
        # the scene of an event told, it tells no event of its own
        shows and sent.reasons.get(t.start, ASSERTED).startswith("description:"))]
    figure = FIGURE_CLAIM.search(sent.text) and sent.quantities
    if not figure and not triggers and attribution.attributed_to and attribution.content_span and any(
            q.killed and attribution.content_span[0] <= q.start < attribution.content_span[1] for q in sent.quantities):
        # "A doctor told the Monitor that the hospital had received more than 70 bodies": a figure of the dead,
        # with no event word of its own, on the event just told.
        figure = True
    if not figure and not triggers and (attribution.attributed_to or reporting_hedge(attribution.hedges)) and (
            _counts_harmed(sent, attribution)):
        # "told reporters that 28 people had been taken", "reported that 73 people were missing", "Among those
        # taken are said to be 11 women"
        figure = True
    if recent:
        # "The group claimed responsibility.", "... and denied any involvement": a stance on who did the event
        # told, though the sentence tells no event of its own.
        for rel in [attribution, *(attribution.relations or [])]:
            if rel.about == "perpetrator" and rel.attributed_to and (
                    rel is attribution or rel.cue_span != attribution.cue_span):
                _on_perpetrator(doc, sent, rel, recent, state.told)
        if (attribution.about == "perpetrator" and attribution.attributed_to is None
                and reporting_hedge(attribution.hedges) and not _heard(recent[0], doc, sent, attribution)):
            # "The attackers were believed to belong to the Sahel Front": the outlet's own word, hedged, on who
            # did the event just told.
            add_claim(recent[0], doc, sent, attribution, None, [])
        if attribution.about == "perpetrator":
            return
    # (a figure named by its owner or value is found among all the events told, however long ago)
    _figure_stances_beside(doc, sent, attribution, recent, state.told, own=False)
    if triggers and not any(may_be_about_told(sent, t) for t in triggers):
        negated = [t for t in triggers if sent.reasons.get(t.start) == NEGATED]
        if not negated:
            # "X doubted the network's figure of 40 dead": its event words tell no event; the doubt is on the
            # figure of the event told.
            _figure_stances_beside(doc, sent, attribution, recent, state.told, others=False)
        if attribution.stance in ("denies", "doubts") and negated and recent:
            # "The army denied that its aircraft had struck the market": a denial of an event just told, of a
            # type the denied word can name and, where the sentence names places, at one of them.
            _deny_told(doc, sent, attribution, negated, recent, state.told)
        # Every event word of the sentence is in a clause that tells no event ("would not negotiate with the
        # kidnappers"): a statement about what may come, not a claim on what was told; unless each is a
        # definite noun that names an event told ("is said to have ordered the shelling himself"), a statement
        # on it.
        speaks = attribution.attributed_to is not None or reporting_hedge(attribution.hedges)
        if state.told and not negated and speaks and all(_definite_noun(sent, t) for t in triggers):
            _definite_reference(doc, sent, attribution, state.told)
        elif recent and not negated and speaks and all(_among_harmed(sent, t) for t in triggers):
            # "The base commander is said to be among the wounded": one of the harmed of the latest event told
            # that harmed people.
            harmful = COMPATIBLE.get("kill") or ()
            target = next((ev for ev in recent if ev.type in harmful), None)
            if target is not None and not _heard(target, doc, sent, attribution):
                add_claim(target, doc, sent, attribution, None, [])
        return
    if (attribution.stance in ("denies", "doubts") or figure) and recent:
        targets = (state.events_of_sentence.get(state.last_event_sentence, [])
                   if si - state.last_event_sentence <= config.claim_gap_sentences else [])
        # "Photos posted online appeared to show ... . The images could not be verified.": a doubt on what the
        # sentence just before said, on the events that sentence's claims went on.
        targets = _told_just_before(doc, sent, state.told) or targets
        if figure:
            units = {q.unit for q in sent.quantities}
            same_unit = [ev for ev in recent if {q.unit for q in ev.quantities} & units][:1]
            harmful = COMPATIBLE.get("kill") or ()
            if any(q.killed for q in sent.quantities) and not any(ev.type in harmful for ev in same_unit):
                # "said at least 26 bodies had been counted": a count of the dead is of the latest event told
                # that killed, not of the flight told just before it.
                seen = {id(ev) for ev in recent}
                same_unit = [ev for ev in [*recent, *(e for e in reversed(state.told) if id(e) not in seen)]
                             if ev.type in harmful and ev.fatalities is not None][:1] or same_unit
            targets = same_unit or targets[:1]
        # "Video posted online appeared to show rebel fighters inside the terminal, but it could not be
        # verified": the outlet doubts what a named voice before it in the sentence says; that voice's claim
        # goes on the same events, before the doubt.
        said = [r for r in attribution.relations or [] if attribution.attributed_to is None
                and attribution.stance == "doubts" and r is not attribution and r.attributed_to
                and r.source_kind != "pronoun" and r.cue_span is not None and attribution.cue_span is not None
                and r.cue_span[0] < attribution.cue_span[0] and r.stance == "asserts"]
        for ev in targets:
            for rel in said:
                if not _heard(ev, doc, sent, rel):
                    add_claim(ev, doc, sent, rel, None, [])
            add_claim(ev, doc, sent, attribution, None, sent.quantities)
    elif not triggers and (recent or _goes_on(doc, sent, attribution)):
        _statement_on_told(doc, sent, attribution, recent, state, si, config)
    else:
        return
    _voices_within(doc, sent, attribution, recent)


# Why a word is no event word here (eventness.py): the word's sense, not its clause ("not an attack: drones
# (fly)", "figurative: one fallen"); a sentence whose only event words are such says nothing of an event
# (unless the word is a definite noun, "the drones", that names again the thing of an event told).
_WORD_SENSE = ("not an event word", "name:", "modifier:", "figurative:", "state:", "not an attack:",
               "not a capture:", "person, no act:", "setting:")


def _word_sense(sent: SentenceMentions, t) -> bool:
    return sent.reasons.get(t.start, ASSERTED).startswith(_WORD_SENSE)


def _in_outlet_name(attribution: Attribution, start: int) -> bool:
    """Whether the offset lies in the name of an intermediary of one of the sentence's relations."""
    return any(link.get("link") == "intermediary" and link.get("start") is not None
               and link["start"] <= start < link["end"]
               for rel in attribution.relations or [attribution] for link in rel.chain)


def _heard(ev: Event, doc: Document, sent: SentenceMentions, rel: Attribution) -> bool:
    """Whether the event carries this relation's claim already: the same cue, or (for the outlet's own words,
    which have no cue) the same sentence."""
    return any(c.doc_id == doc.doc_id and c.cue_span == rel.cue_span
               and (rel.cue_span is not None or c.span == (sent.start, sent.end)) for c in ev.claims)


_BLANKS = 16  # the most blank characters between one sentence and the next (a few line breaks)


def _told_just_before(doc: Document, sent: SentenceMentions, told: list[Event]) -> list[Event]:
    """The events that carry a claim of the sentence right before this one (only blanks between them)."""
    out = []
    for ev in told:
        for c in ev.claims:
            if (c.doc_id == doc.doc_id and 0 <= sent.start - c.span[1] <= _BLANKS
                    and not doc.text[c.span[1]:sent.start].strip()):
                out.append(ev)
                break
    return out


def _voices_within(doc: Document, sent: SentenceMentions, attribution: Attribution, recent: list[Event]) -> None:
    """The other named voices of a sentence with no event word whose claim went on an event told: a relation
    inside the claim's words or holding them ("Kyiv dismissed the ministry's claim that a command post had
    been hit": the ministry's claim; "The ministry said its forces had hit a command post and denied
    targeting homes": its denial) is about the same event, a claim of its own speaker on it."""
    if attribution.content_span is None or attribution.cue_span is None:
        return
    on = [ev for ev in recent if any(c.cue_span == attribution.cue_span and c.doc_id == doc.doc_id
                                     for c in ev.claims)]
    if not on:
        return
    s0, e0 = attribution.content_span
    for rel in attribution.relations or []:
        if (rel is attribution or rel.attributed_to is None or rel.source_kind == "pronoun"
                or rel.cue_span is None or rel.content_span is None or rel.cue_span == attribution.cue_span
                or rel.about != "event"):
            continue
        s, e = rel.content_span
        # (or the same speaker named once for both: "said its forces had hit a post and denied targeting ...")
        if not (s0 <= rel.cue_span[0] < e0 or s <= attribution.cue_span[0] < e
                or rel.source_span is not None and rel.source_span == attribution.source_span):
            continue
        if rel.attributed_to == attribution.attributed_to and rel.stance == "asserts":
            continue  # the speaker's further words ("..., telling NBC4 it was still open"): heard already
        for ev in on:
            if not any(c.cue_span == rel.cue_span and c.doc_id == doc.doc_id for c in ev.claims):
                add_claim(ev, doc, sent, rel, None, [])


def _statement_on_told(doc: Document, sent: SentenceMentions, attribution: Attribution, recent: list[Event],
                       state: DiscourseState, si: int, config: ExtractionSettings) -> None:
    """A speaker's statement with no event word, in the discourse that goes on from an event just told: "The
    governor confirmed the figure.", "Residents said the attackers had left the village by evening.", "The
    brigade said its fighters were not in the area." It is a claim on that event where its content points back
    at it (from the parse, ``attribution.content_refers``): a report or figure told before, or a definite noun
    phrase whose word the event's sentence used; and where it names no other place and no other day. "Its
    fighters were not in the area" denies. Anything else (a statement on another matter) is no claim."""
    if sent.span is None:
        return
    if attribution.attributed_to is None and attribution.cue is None and attribution.content_span is None and (
            reporting_hedge(attribution.hedges)):
        # The outlet's own hedged words ("The rebel commander is said to be hiding in the hills", "It was
        # reported that ..."): a statement of the outlet, its content the sentence.
        end = sent.start + len(sent.text.rstrip())
        attribution = dataclasses.replace(attribution, content_span=(sent.start, end))
    if attribution.content_span is None or (
            attribution.attributed_to is None and not reporting_hedge(attribution.hedges)):
        return
    if _goes_on(doc, sent, attribution):
        # '"We dug them out with our hands," he said.' after the same speaker's claim on the strike, in the
        # same paragraph: the speaker, named again by a pronoun, goes on with the account just given.
        spans = [c.span for ev in state.told for c in ev.claims if c.doc_id == doc.doc_id
                 and c.attributed_to == attribution.attributed_to and c.span[1] <= sent.start
                 and "\n\n" not in doc.text[c.span[1]:sent.start].strip()]
        # (the events of the speaker's latest sentence)
        latest = max(spans, default=None)
        going_on = [ev for ev in state.told if any(c.doc_id == doc.doc_id and c.span == latest
                                                   and c.attributed_to == attribution.attributed_to for c in ev.claims)]
        if going_on and not any(sent.start <= p[0] < sent.end for p in sent.places):
            for ev in going_on:
                if not _heard(ev, doc, sent, attribution):
                    add_claim(ev, doc, sent, attribution, None, [])
            return
    gap = si - state.last_event_sentence
    told = state.events_of_sentence.get(state.last_event_sentence, [])
    story = _told_just_before(doc, sent, state.told)
    if not told or gap > config.claim_gap_sentences or (story and gap > 1):
        # The events the sentence just before made a claim on: the story goes on through its claims (they are
        # nearer than an event told some sentences before).
        told = story or told
    if not told:
        return
    # The story goes on: the sentence just before told the event or made a claim on it ("The army denied ...",
    # then "Footage aired by Channel 9 showed ..."), or this sentence is in the paragraph that told it.
    last_end = max((c.span[1] for ev in told for c in ev.claims if c.doc_id == doc.doc_id), default=sent.start)
    if doc.text[last_end: sent.start].strip() and "\n\n" in doc.text[told[0].claims[0].span[1]: sent.start]:
        return
    lex = lexicon()
    ref = content_refers(sent.span.doc, attribution, lex)
    s, e = attribution.content_span
    names = {p[2].name for p in sent.places if s <= p[0] < e}
    days = [d.span for d in sent.dates if d.span is not None and not d.anaphoric]
    skip = lex.organisation_heads | lex.role_nouns | lex.medium_nouns | lex.report_nouns

    def told_there(ev: Event) -> bool:
        if names and (ev.location is None or ev.location.name not in names):
            return False
        return not days or ev.date is None or any(d.start <= ev.date.end and ev.date.start <= d.end for d in days)

    def named_in(ev: Event) -> bool:
        words = {w for c in ev.claims if c.doc_id == doc.doc_id for w in _claim_words(sent.span.doc, c)}
        return any(_word_keys(n) & words for n in ref.nouns if n not in skip and len(n) > 2)

    if ref.report and ref.figure:
        recent_figures = [ev for k in sorted(state.events_of_sentence, reverse=True)[:2]
                          for ev in reversed(state.events_of_sentence[k]) if ev.quantities or ev.fatalities is not None]
        # (first the events the sentence just before spoke of with figures: "X doubted the figure of 27 dead. She
        # said the true number was probably close to 19")
        with_figures = [ev for ev in story if ev.quantities or ev.fatalities is not None]
        targets = [ev for ev in [*with_figures, *recent_figures] if told_there(ev)][:1]
    elif ref.report or ref.own_denial or ref.adds:
        # "denied the report", "its fighters were not in the area", "a field clinic had also been damaged".
        targets = [ev for ev in told if told_there(ev)]
    elif ref.goes_on:
        # "Rebel fighters were said to be still patrolling the streets on Monday": what was told goes on, on a
        # later day too.
        targets = [ev for ev in told if not names or (ev.location is not None and ev.location.name in names)]
    elif ref.harm:
        # "I saw bodies everywhere", "the hospital had treated 23 wounded soldiers": the harm of the latest
        # event told of a type a word of killing can name (not of the retreat told just before).
        harmful = COMPATIBLE.get("kill") or ()
        targets = [ev for ev in told if ev.type in harmful and told_there(ev)] or [
            ev for ev in [*recent, *reversed(state.told)] if ev.type in harmful and told_there(ev)][:1]
    else:
        # The latest event told lately whose sentences use a word the content names again; else the latest of
        # the article's ("a few hundred metres from the farm": the farm of the strike told in the lead).
        targets = [ev for ev in recent if told_there(ev) and named_in(ev)][:1] or [
            ev for ev in reversed(state.told) if ev not in recent and told_there(ev) and named_in(ev)][:1]
        if not targets and story and _shows(sent, attribution, lex):
            # "Video posted on social media appeared to show bodies lying among overturned carts", right after
            # a claim on the shelling: what a picture shows, told next, is of the event just told.
            targets = [ev for ev in story if told_there(ev)]
        if not targets and not names:
            # "Tribal sources in Sirwah confirmed that ...", right after the fighting in Sirwah was told: sources
            # at the place of the event just told speak of it, where their words name no other place.
            targets = _at_source_place(doc, attribution, told)[:1]
    if ref.own_denial and attribution.stance in ("asserts", "denies"):
        # "The brigade said its fighters were not in the area": the speaker denies its own part in it.
        attribution = dataclasses.replace(attribution, stance="denies", about="perpetrator")
    for ev in targets:
        if not _heard(ev, doc, sent, attribution):
            add_claim(ev, doc, sent, attribution, None, sent.quantities if ref.figure else [])


def _at_source_place(doc: Document, attribution: Attribution, events: list[Event]) -> list[Event]:
    """The events (of ``events``, in order) at a place the words that name the source name ("Residents of
    Adale", "Tribal sources in Sirwah")."""
    if attribution.source_span is None:
        return []
    source = doc.text[attribution.source_span[0]:attribution.source_span[1]]

    def there(name: str | None) -> bool:
        # People of or in the place ("Residents of Adale", "sources in Sirwah"), not a name that says whose an
        # outlet or an office is ("Russia's state news agency", "Gallia County Sheriff").
        return bool(name) and re.search(rf"\b(of|in|from|at|near)\s+(the\s+)?{re.escape(name)}\b", source,
                                        re.IGNORECASE) is not None

    # (the place's name, or its words as the article wrote them: "Adale" for "Cadale")
    return [ev for ev in events if ev.location is not None and (there(ev.location.name) or there(ev.location.text))]


def _goes_on(doc: Document, sent: SentenceMentions, attribution: Attribution) -> bool:
    """Whether the statement is a speaker named again by a pronoun ("he said", "she added"), speaking in
    quotation marks: the speaker's own words going on."""
    if attribution.attributed_to is None or attribution.cue_span is None or attribution.content_span is None:
        return False
    if not any(r.source_kind == "pronoun" and r.cue_span == attribution.cue_span for r in attribution.relations or []):
        return False
    s, e = attribution.content_span
    around = doc.text[max(sent.start, s - 2): min(sent.end, e + 2)]
    return any(q in around for q in ('"', "\u201c", "\u201d"))


def _shows(sent: SentenceMentions, attribution: Attribution, lex) -> bool:
    """Whether the statement is what a document shows ("footage appeared to show ...", "photos showed ...")."""
    if attribution.cue_span is None or sent.span is None:
        return False
    tok = token_at(sent.span, attribution.cue_span[0])
    return tok is not None and tok.lemma_.lower() in lex.needs_document


_WORD = re.compile(r"[a-z]{3,}")


def _word_keys(lemma: str) -> set[str]:
    """A lemma and, for a noun of the one who does it or of the doing ("attacker", "survivor", "fighting",
    "villager"), the word it is made from ("attack", "survive", "fight", "village"): "the attackers" names
    again what "attacked" told."""
    keys = {lemma}
    if lemma.endswith("s") and not lemma.endswith("ss") and len(lemma) > 4:
        lemma = lemma[:-1]  # a name's plural the tagger leaves as it is ("the Carriage Hill Apartments")
        keys.add(lemma)
    for suffix in ("er", "or", "ing"):
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 4:
            base = lemma[: -len(suffix)]
            keys |= {base, base + "e"}
            if base[-1] == base[-2] and base[-1] not in "aeiou":
                keys.add(base[:-1])  # "kidnapper", "shelling" -> "kidnap", "shell"
    return keys


def _definite_reference(doc: Document, sent: SentenceMentions, attribution: Attribution, told: list[Event]) -> None:
    """A statement whose only event words are definite nouns in clauses that tell no event of their own ("The
    commander is said to have ordered the shelling himself"): a claim on the latest event of the article of a
    type the noun names, where the sentence names no place of its own or the event's."""
    names = {p[2].name for p in sent.places}
    for t in sent.triggers:
        types = COMPATIBLE.get(t.family) or ((VIOLENCE_TYPE[t.family],) if t.family in VIOLENCE_TYPE else ())
        target = next((ev for ev in reversed(told) if ev.type in types and (
            not names or (ev.location is not None and ev.location.name in names))), None)
        if target is not None:
            if not any(c.span == (sent.start, sent.end) and c.doc_id == doc.doc_id for c in target.claims):
                add_claim(target, doc, sent, attribution, None, [])
            return


def _definite_doer(sent: SentenceMentions, draft: Draft):
    """The trigger word that does the draft's act where it is a definite noun that names no event here but the
    thing of one ("the jets were believed to have targeted a drone workshop": "the jets", an air strike's, told
    before); None elsewhere."""
    tok = _token_at(sent, draft.trigger.start)
    for _ in range(3):
        if tok is None:
            return None
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return next((t for t in sent.triggers if t.start == subj.idx and _word_sense(sent, t)
                         and _definite_noun(sent, t)), None)
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _named_with(sent: SentenceMentions, start: int) -> set[str]:
    """The lemmas (``_word_keys``) of the definite nouns an event word governs ("the assault on the base": base)."""
    tok = _token_at(sent, start)
    if tok is None:
        return set()
    phrase = list(tok.subtree)
    if tok.dep_ == "dobj":  # "led the assault on the base", with "on the base" hung on the verb
        phrase += [t for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i for t in c.subtree]
    return {k for t in phrase if t.i != tok.i and t.pos_ == "NOUN" and _DEFINITE_BEFORE.search(
        sent.text[max(0, t.idx - sent.start - 30): t.idx - sent.start]) for k in _word_keys(t.lemma_.lower())}


def _names_a_figure(sent: SentenceMentions, start: int) -> bool:
    """Whether the event word at ``start`` only qualifies a figure ("the death toll", "the casualty figure")."""
    tok = _token_at(sent, start)
    return tok is not None and tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in lexicon().figure_nouns


def _among_harmed(sent: SentenceMentions, t) -> bool:
    """Whether an event word names the harmed of an event told, as one that someone is among ("is said to be
    among the dead", "were among the wounded"): a definite word after "among"."""
    tok = _token_at(sent, t.start)
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "among" and bool(
        _DEFINITE_BEFORE.search(sent.text[: t.start - sent.start]))


def _definite_noun(sent: SentenceMentions, t) -> bool:
    """Whether an event word is a noun after a definite article ("ordered the shelling", "the attack")."""
    tok = _token_at(sent, t.start)
    return tok is not None and tok.pos_ == "NOUN" and bool(_DEFINITE_BEFORE.search(sent.text[: t.start - sent.start]))


def _token_at(sent: SentenceMentions, start: int):
    return token_at(sent.span, start)


def _claim_words(doc, claim: Claim) -> set[str]:
    """The lemmas (with the words they are made from, ``_word_keys``) of a claim's sentence, without the words
    that name its source ("residents said"), from the parse of the document (``doc``, a spaCy Doc); where the
    sentence lies outside it (another piece of a long text), its lower-cased words."""
    span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    lo, hi = claim.source_span or (-1, -1)
    if span is None or span.text.strip() != claim.sentence.strip():
        text = claim.sentence
        if claim.source_span is not None:
            s, e = lo - claim.span[0], hi - claim.span[0]
            text = text[:max(s, 0)] + " " + text[max(e, 0):]
        lemmas = _WORD.findall(text.lower())
    else:
        lemmas = [t.lemma_.lower() for t in span if not (lo <= t.idx < hi) and t.is_alpha and len(t) > 2]
    return {k for w in lemmas for k in _word_keys(w)}


def _deny_told(doc: Document, sent: SentenceMentions, attribution: Attribution, negated: list,
               recent: list[Event], told: list[Event] | None = None) -> None:
    """A denial of an event told: the latest event of a type the denied word can name, at the place the denial
    names where it names one, on the day it names where it names one. Where it names a place, the events
    told earlier in the article are looked at too (latest first): "denied that any air strike had hit the
    market in Mellit", a few sentences after the strike on Mellit was told."""
    names = {p[2].name for p in sent.places}
    if names and told:
        seen = {id(ev) for ev in recent}
        recent = recent + [ev for ev in reversed(told) if id(ev) not in seen]
    # "denied that its base had been shelled on Monday": the day the denial names, where it names one.
    days = [d.span for d in sent.dates if d.span is not None and not d.anaphoric]

    def when_fits(ev: Event) -> bool:
        return not days or ev.date is None or any(d.start <= ev.date.end and ev.date.start <= d.end for d in days)

    # (with no event at a place the denial names, the events whose own words name it: placed elsewhere by the
    # place finder, they are still told there)
    written = _told_in_words(doc, sent, recent, sent.start, sent.end) if names else []
    for t in negated:
        types = COMPATIBLE.get(t.family) or ((VIOLENCE_TYPE[t.family],) if t.family in VIOLENCE_TYPE else ())
        target = next((ev for ev in recent if ev.type in types and when_fits(ev) and (
            not names or (ev.location is not None and ev.location.name in names))), None) or next(
            (ev for ev in written if ev.type in types and when_fits(ev)), None)
        if target is not None:
            if not _heard(target, doc, sent, attribution):
                add_claim(target, doc, sent, attribution, None, sent.quantities)
            return


def claims_on_told(doc: Document, sent: SentenceMentions, attribution: Attribution, drafts: list[Draft],
                   recent: list[Event], told: list[Event]) -> list[Draft]:
    """The drafts that tell something new. A denial ("denied that Imam Sahib had fallen") or a retelling
    ("were killed in the fighting") that names no new date is a claim about an event already told: the
    latest of a compatible type at the same place, among the ``recent`` ones (all ``told`` ones for a
    retelling)."""
    if not (recent or any(sent.reasons.get(d.trigger.start, "").startswith(REFERENCE) for d in drafts) or (
            told and attribution.stance in ("denies", "doubts") and any(d.places for d in drafts)) or (
            told and any(_claimed_act(sent, attribution, d) for d in drafts))):
        return drafts
    kept = []
    for draft in drafts:
        own_date = [d for d in draft.dates if not d.anaphoric]
        definite = _DEFINITE_BEFORE.search(sent.text[: draft.trigger.start - sent.start]) and not draft.places
        # "after the attacks", "condemned this attack": a retelling of an event of the article.
        reference = sent.reasons.get(draft.trigger.start, "").startswith(REFERENCE)
        if reference:
            definite, own_date = True, []
        if not draft.places and draft.family in VIOLENCE_TYPE and _one_more_harmed(sent, draft):
            # "Security sources confirmed that a third soldier had died in hospital overnight", right after the
            # bombing that killed two: one more of its dead, a claim on it (on a later day too).
            harmful = COMPATIBLE.get("kill") or ()
            more = next((ev for ev in recent if ev.type in harmful), None)
            if more is not None:
                add_claim(more, doc, sent, _named_by(sent, attribution, draft) or attribution, draft, draft.quantities)
                other_voices(doc, sent, attribution, draft, [more])
                continue
        thing = None if reference or draft.places else _definite_doer(sent, draft)
        if thing is not None:
            definite = True  # "the jets were believed to have targeted a drone workshop": the jets told before
        if not own_date and not draft.places and draft.family in VIOLENCE_TYPE and attribution.stance == "asserts":
            # "Residents of Adale told a local radio station that they had heard gunfire and explosions", right
            # after the attack near Adale was told: witnesses at the place of a violent event just told, telling
            # of violence with no place or day of its own, speak of that event.
            violent = set(VIOLENCE_TYPE.values()) | set(COMPATIBLE.get("kill") or ())
            there = [ev for ev in _at_source_place(doc, attribution, recent) if ev.type in violent][:1]
            if there:
                add_claim(there[0], doc, sent, attribution, draft, draft.quantities)
                other_voices(doc, sent, attribution, draft, there)
                continue
        if own_date or not (attribution.stance in ("denies", "doubts") or definite):
            kept.append(draft)
            continue
        prefs = COMPATIBLE.get(draft.family) or (VIOLENCE_TYPE.get(draft.family),)
        if thing is not None:
            prefs = COMPATIBLE.get(thing.family) or (VIOLENCE_TYPE.get(thing.family),)
        # A place inside the name of an outlet the words went through ("telling the Jowhar Voice") says where
        # it publishes, not where the event was.
        names = {p[2].name for p in draft.places if not _in_outlet_name(attribution, p[0])}
        target = None
        # "claimed responsibility for the attack", told some sentences after the bombing: what is claimed is an
        # event of the article, however long ago it was told.
        claimed = _claimed_act(sent, attribution, draft)
        pool = recent + [ev for ev in reversed(told) if ev not in recent] if reference or names or claimed else recent
        if attribution.about == "figure" and attribution.stance in ("denies", "doubts"):
            # "questioned the army's figure of 47 militants killed": the event told with that figure.
            values = figure_values(attribution.figure_stances)
            target = next((ev for ev in recent + [e for e in reversed(told) if e not in recent]
                           if values & {q.value for q in ev.quantities}), None)
            if target is not None:
                prefs = ()
        if target is None and definite and _names_a_figure(sent, draft.trigger.start):
            # "confirmed the death toll": the figure of the latest event that gives one, whatever its type.
            target = next((ev for ev in recent + [e for e in reversed(told) if e not in recent]
                           if ev.fatalities is not None and (
                not names or (ev.location is not None and ev.location.name in names))), None)
            prefs = () if target is not None else prefs
        if target is None and draft.family == "kill" and thing is None:
            # Harm told again ("eight members of one family had been killed", right after the air strike on their
            # house): the harm of the latest event told lately that can harm, not of a clash told paragraphs
            # before (an event word named again, "the attack", goes by its type first, below).
            target = next((ev for ev in recent if ev.type in prefs and (
                not names or (ev.location is not None and ev.location.name in names))), None)
        for etype in prefs if target is None else ():
            target = next((ev for ev in pool if ev.type == etype and (
                not names or (ev.location is not None and ev.location.name in names))), None)
            if target is not None:
                break
        if target is None and definite and not reference:
            # "the assault on the base": an event of the article told earlier, of a compatible type, whose
            # sentences name the same things ("attacked a Somali army base").
            words = _named_with(sent, draft.trigger.start)
            target = next((ev for ev in reversed(told) if ev not in pool and ev.type in prefs and words and any(
                words & _claim_words(sent.span.doc, c) for c in ev.claims if c.doc_id == doc.doc_id)), None)
        if target is None and definite and draft.family in VIOLENCE_TYPE:
            target = next((ev for ev in pool if ev.location is not None), None)
        if target is None and attribution.stance == "denies" and draft.family in CONTROL_FAMILIES and (
                sent.reasons.get(draft.trigger.start) == NEGATED):
            # "Local officials said the insurgents had not captured the district centre", after "Insurgents
            # attacked the district centre": the fall denied is the outcome of the attack told, at its place or
            # on the thing it names again.
            words = _named_with(sent, draft.trigger.start)
            violence = set(VIOLENCE_TYPE.values())
            target = next((ev for ev in pool if ev.type in violence and (
                ev.location is not None and ev.location.name in names if names else bool(words) and any(
                    words & _claim_words(sent.span.doc, c) for c in ev.claims if c.doc_id == doc.doc_id))), None)
        if target is None:
            kept.append(draft)
            continue
        add_claim(target, doc, sent, _named_by(sent, attribution, draft) or attribution, draft, draft.quantities)
        other_voices(doc, sent, attribution, draft, [target])
    _denials_beside(doc, sent, attribution, recent)
    _figure_stances_beside(doc, sent, attribution, recent, told, own=False)
    if recent:
        # "X claimed responsibility for the attack in a statement, saying its fighters had taken the base": the
        # claim of who did it, beside the sentence's own claim, is on the event told (``_on_perpetrator``).
        for rel in attribution.relations or []:
            if (rel is not attribution and rel.about == "perpetrator" and rel.stance == "asserts" and rel.attributed_to
                    and rel.source_kind != "pronoun" and rel.cue_span != attribution.cue_span):
                _on_perpetrator(doc, sent, rel, recent, told)
    return kept


def _one_more_harmed(sent: SentenceMentions, draft: Draft) -> bool:
    """Whether the draft's word tells harm to one more of those harmed before: its subject is named with an
    ordinal past the first or an additive determiner ("a third soldier had died", "another civilian was killed";
    data/attribution.json ``additive_determiners``), from the parse."""
    tok = _token_at(sent, draft.trigger.start)
    if tok is None:
        return False
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    lex = lexicon()
    return any(c.lower_ in lex.additive_determiners or (
        c.ent_type_ == "ORDINAL" and c.lower_ not in ("first", "1st")) for c in subj.children)


def _named_by(sent: SentenceMentions, attribution: Attribution, draft: Draft) -> Attribution | None:
    """"Blaise K., a teacher who hid in the bush during the raid, told Example Wire that soldiers had gone from
    house to house": an event told before, named again in the words that say who the speaker is, is what the
    speaker's words are about; the claim on it is the speaker's, not the outlet's. None where the sentence has
    a speaker of its own or the word lies in no named source's words."""
    if attribution.attributed_to is not None:
        return None
    return next((r for r in attribution.relations or [] if r.attributed_to and r.source_kind != "pronoun"
                 and r.source_span is not None and r.content_span is not None and r.stance == "asserts"
                 and r.source_span[0] <= draft.trigger.start < r.source_span[1]), None)


def _claimed_act(sent: SentenceMentions, attribution: Attribution, draft: Draft) -> bool:
    """Whether the draft's word is a definite event noun that a stance on who did it names ("claimed
    responsibility for the attack", "blamed the rebels for the bombing")."""
    if attribution.about != "perpetrator" or attribution.content_span is None or draft.places:
        return False
    s, e = attribution.content_span
    return s <= draft.trigger.start < e and bool(_DEFINITE_BEFORE.search(sent.text[: draft.trigger.start - sent.start]))


def _denials_beside(doc: Document, sent: SentenceMentions, attribution: Attribution, recent: list[Event]) -> None:
    """A denial beside the sentence's own claim: a claim on the event told before that it is about. What it
    denies is read from the relation (``Attribution.about``): a denied event word names the event's type
    (``_deny_told``: "... and denied that its jets had struck the market"); a denial of who was harmed ("...
    and denied that any civilians had been hit", ``about='figure'``) is a denial of the victims' figure, on
    the latest event told that gives figures (else the latest event), never a denial of the event; a denial
    of a report ("... and denied the report") denies the latest event; a denial of involvement ("... and
    denied any involvement", "... and denied the accusation", ``about='perpetrator'``) is a stance on who did
    the latest event told (or the one its words name: "denied any involvement in the killings"). Anything
    else it denies is no claim on an event."""
    lex = lexicon()
    for rel in attribution.relations or []:
        if rel is attribution or rel.stance != "denies" or rel.attributed_to is None or rel.content_span is None:
            continue
        s, e = rel.content_span
        negated = [t for t in sent.triggers if s <= t.start < e and sent.reasons.get(t.start) == NEGATED]
        if not recent:
            return
        if negated and rel.about != "figure":
            _deny_told(doc, sent, rel, negated, recent)
            continue
        named = [t for t in sent.triggers if s <= t.start < e]
        if rel.about == "perpetrator":
            _on_perpetrator(doc, sent, rel, recent)
            continue
        if any(s <= p[0] < e for p in sent.places):
            continue  # it names a place of its own: not what was told before
        if named and not negated:
            # "... and denied targeting residential areas": a denial of what its event word names, on the
            # event told before of a type that word can name (none: it is about something else).
            if rel.about == "event":
                _deny_told(doc, sent, rel, named, recent)
            continue
        ref = content_refers(sent.span.doc, rel, lex) if sent.span is not None else None
        if rel.about == "figure":
            target = next((ev for ev in recent if ev.quantities or ev.fatalities is not None), recent[0])
        elif ref is not None and ref.report:
            target = recent[0]
        elif ref is not None and ref.nouns:
            # "... and denied that the base had been damaged", after "its fighters had attacked an army base": a
            # denial of what befell a thing the latest event told names again, on that event.
            skip = lex.organisation_heads | lex.role_nouns | lex.medium_nouns | lex.report_nouns
            keys = {k for n in ref.nouns if n not in skip and len(n) > 2 for k in _word_keys(n)}
            target = next((ev for ev in recent if keys & {w for c in ev.claims if c.doc_id == doc.doc_id
                                                          for w in _claim_words(sent.span.doc, c)}), None)
            if target is None:
                continue
        else:
            continue
        if not any(c.attributed_to == rel.attributed_to and c.stance == rel.stance and c.about == rel.about
                   for c in target.claims):
            add_claim(target, doc, sent, rel, None, [])


def _counts_harmed(sent: SentenceMentions, attribution: Attribution) -> bool:
    """Whether the content counts people harmed: a count that is the subject of a verb of harm or of an act
    done to people in the passive ("28 people had been taken", "12 were wounded") or of "be" with a state of
    victims ("73 people were missing"; data/attribution.json ``victim_states``) or among them ("among those
    taken are 11 women", "among the dead were two children"), from the parse. The outlet's own words (no
    speaker, a reporting hedge) are the whole sentence."""
    if sent.span is None:
        return False
    lex = lexicon()
    if attribution.content_span is not None:
        s, e = attribution.content_span
    elif attribution.attributed_to is None:
        s, e = sent.start, sent.end
    else:
        return False
    for q in sent.quantities:
        if not s <= q.start < e:
            continue
        tok = token_at(sent.span, q.start)  # climb within the quantity to its head ("11" of "11 women")
        while (tok is not None and tok.dep_ not in ("nsubj", "nsubjpass", "attr") and tok.head.i != tok.i
               and q.start <= tok.head.idx < q.end):
            tok = tok.head
        if tok is None or tok.dep_ not in ("nsubj", "nsubjpass", "attr"):
            continue
        verb = tok.head
        if tok.dep_ == "nsubjpass" and verb.lemma_.lower() in lex.casualty_verbs | lex.none_denies:
            return True
        if verb.lemma_.lower() != "be":
            continue
        if tok.dep_ != "attr" and any(c.dep_ in ("acomp", "attr") and c.lower_ in lex.victim_states
                                      for c in verb.children):
            return True
        # ("Among those taken are said to be 11 women": "among" hung on "said")
        above = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
        among = [x for v in above for c in v.children if c.dep_ == "prep" and c.lower_ == "among"
                 for x in c.children if x.dep_ == "pobj"]
        if any(x.lemma_.lower() in lex.harm_nouns or x.lower_ in lex.harm_nouns or any(
                a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in lex.casualty_verbs | lex.none_denies
                for a in x.children) for x in among):
            return True
    return False


def _figure_stances_beside(doc: Document, sent: SentenceMentions, attribution: Attribution, recent: list[Event],
                           told: list[Event], own: bool = True, others: bool = True) -> None:
    """A doubt or denial of a figure beside the sentence's own claim ("X doubted the rights group's figure of
    63 dead, saying that some of those counted were missing", the sentence's own claim being what X says
    next): a claim on the event whose figure it is: the event a claim of the figure's owner is on ("the police
    figure": the police's), else the event told with that value, else the latest event told lately that gives
    figures. The sentence's own claim too, where it is such a doubt or denial ("X doubted the network's figure
    of 40 dead", whose "dead" is no event of its own) where ``own``; the other relations where ``others``."""
    rels = [attribution] if own else []
    rels += [r for r in attribution.relations or [] if r.cue_span != attribution.cue_span] if others else []
    for rel in rels:
        if (rel.about != "figure" or rel.stance not in ("denies", "doubts") or rel.attributed_to is None
                or rel.cue_span is None or rel.source_kind == "pronoun"):
            continue
        seen = {id(e) for e in recent}  # by identity: equal distinct events are not the same event
        pool = recent + [ev for ev in reversed(told) if id(ev) not in seen]
        owners = [f.get("owner") for f in rel.figure_stances if f.get("owner")]
        values = figure_values(rel.figure_stances)
        def owned(ev: Event, owners: list = owners) -> bool:
            return any(owner_matches(o, c.attributed_to) or any(owner_matches(o, link.get("organisation"))
                                                                for link in c.chain)
                       for o in owners for c in ev.claims if c.doc_id == doc.doc_id)

        def valued(ev: Event, values: set = values) -> bool:
            return bool(values & {q.value for q in ev.quantities})

        # The event with the owner's claim and the value; else with the value; else with the owner's claim
        # ("al-Shabaab's figure of 37": the event with 37, not the bombing it also claimed).
        target = next((ev for ev in pool if owned(ev) and valued(ev)), None) if owners and values else None
        if target is None and values:
            target = next((ev for ev in pool if valued(ev)), None)
        if target is None and owners:
            target = next((ev for ev in pool if owned(ev)), None)
        if target is None:
            target = next((ev for ev in recent if ev.quantities or ev.fatalities is not None), None)
        if target is not None and not _heard(target, doc, sent, rel):
            add_claim(target, doc, sent, rel, None, [])


def _on_perpetrator(doc: Document, sent: SentenceMentions, rel: Attribution, recent: list[Event],
                    told: list[Event] | None = None) -> None:
    """A stance on who did it beside the sentence's own claim ("... and denied any involvement in the
    killings"): a claim on the latest event told of a type its words name (any type where they name none).
    Where its words name a place, the event must be there: a denial of the speaker's own part in an act its
    words tell ("denied that its forces had struck the warehouse in Chuhuiv") is on the event of that type
    at that place, among all those ``told``, as a denial that it happened would be (``_deny_told``); with
    none there, it is about something else."""
    s, e = rel.content_span or (0, 0)
    names = {p[2].name for p in sent.places if s <= p[0] < e and not _describes(sent, p[0], s, e)}
    # A document with no owner the parse gives ("A statement posted online denied any involvement") speaks
    # for itself, as what a video shows does: the claim is the document's, kept as its speaker.
    # (not a word of a clause that says who the blamed are: "blamed the front, a faction of the group that
    # rejected the 2016 peace deal")
    named = [t for t in sent.triggers if s <= t.start < e and not _describes(sent, t.start, s, e)]
    types = {x for t in named for x in (COMPATIBLE.get(t.family) or (VIOLENCE_TYPE.get(t.family),))}
    pool = recent
    if names:
        if told is None:
            return
        seen = {id(ev) for ev in recent}
        everyone = [*recent, *(ev for ev in reversed(told) if id(ev) not in seen)]
        pool = [ev for ev in everyone if ev.location is not None and ev.location.name in names] or [
            # "on a deployment point in Kharkiv", of a strike told in a district of the city
            ev for ev in everyone if ev.location is not None and names & {ev.location.admin2, ev.location.admin1}] or (
            _told_in_words(doc, sent, everyone, s, e))
    target = next((ev for ev in pool if not types or ev.type in types), None)
    if target is not None and not any(c.cue_span == rel.cue_span for c in target.claims):
        add_claim(target, doc, sent, rel, None, [])


def _told_in_words(doc: Document, sent: SentenceMentions, events: list[Event], s: int, e: int) -> list[Event]:
    """The events (of ``events``, in order) whose own sentences name, as written, a place the words s..e name
    ("denied that its aircraft had struck any house in Jawand", after "Residents of the Jawand district said an
    air strike had hit a house", an event the place finder put elsewhere): where the places resolved differ,
    the words the event was told with still say where it was."""
    written = {doc.text[p[0]:p[1]] for p in sent.places if s <= p[0] < e and not _describes(sent, p[0], s, e)}
    written = {w for w in written if len(w) > 2}
    if not written:
        return []
    return [ev for ev in events if any(re.search(rf"\b{re.escape(w)}\b", c.sentence) for w in written
                                       for c in ev.claims if c.doc_id == doc.doc_id)]


def _describes(sent: SentenceMentions, start: int, s: int, e: int) -> bool:
    """Whether the word at ``start`` lies in a clause or appositive that describes a noun of the words s..e
    ("blamed Hayat Tahrir al-Sham, the jihadist group that controls most of Idlib province": Idlib says who
    the group is, not where the act was)."""
    tok = _token_at(sent, start)
    while tok is not None and s <= tok.idx < e and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "appos", "acl"):
            return True
        tok = tok.head
    return False


def other_voices(doc: Document, sent: SentenceMentions, attribution: Attribution, draft: Draft,
                 events: list[Event]) -> None:
    """Every other named source of the sentence whose words tell the draft's event is another claim on it:
    "The group said its fighters had killed 30 soldiers, a claim the army dismissed as propaganda" gives the
    group's claim and the army's denial. A pronoun speaker is left to the sentence's own claim (it is
    resolved there); a speaker already heard on the event with the same stance on the same thing ("denied
    the claim, saying ...") is not heard twice, but one who claimed the attack and said its fighters had killed
    30 soldiers speaks on who did it and on what happened: two claims."""
    for rel in attribution.relations or []:
        if (rel is attribution or rel.content_span is None or rel.attributed_to is None
                or rel.source_kind == "pronoun" or rel.cue_span == attribution.cue_span):
            continue
        s, e = rel.content_span
        # The event's own word, or (for a denial or doubt of what another said, or the further words of the
        # sentence's own speaker) a word joined to it.
        words = [draft.trigger, *draft.extra] if rel.stance in ("denies", "doubts") or (
            rel.attributed_to == attribution.attributed_to) else [draft.trigger]
        if not any(s <= t.start < e for t in words):
            continue
        for ev in events:
            # A second cue of a speaker already heard with the same stance ("denied the claim, saying ...")
            # adds no voice.
            if not any(c.cue_span == rel.cue_span or (c.attributed_to == rel.attributed_to and c.stance == rel.stance
                                                      and c.about == rel.about) for c in ev.claims):
                add_claim(ev, doc, sent, rel, draft, [])



def unheard(doc: Document, sent: SentenceMentions, attribution: Attribution, state: DiscourseState) -> list[Attribution]:
    """The claims the finder found in a sentence (its relations, a pronoun resolved against the sources named
    so far) that no event carries once the stages above have read it: a named speaker's, or the outlet's own
    doubt or denial with a cue."""
    if sent.span is None:
        return []
    lex = lexicon()
    out: list[Attribution] = []
    seen: set = set()
    for rel in [attribution, *(attribution.relations or [])]:
        if rel.cue_span is None or rel.cue_span in seen:
            continue
        seen.add(rel.cue_span)
        if any(c.doc_id == doc.doc_id and c.cue_span == rel.cue_span for ev in state.told for c in ev.claims):
            continue  # on the record already
        if rel is not attribution and rel.source_kind == "pronoun":
            # ("Its spokesman, X, said ..., and he denied ...": the voices named before it in the sentence too)
            named = [r for r in attribution.relations or [] if r.attributed_to and r.source_kind != "pronoun"
                     and r.cue_span is not None and r.cue_span[0] < rel.cue_span[0]]
            rel = resolve_pronoun(rel, [*state.sources, *named])
        if rel.attributed_to is None and rel.stance not in ("denies", "doubts"):
            continue  # the outlet's own words with a cue: only its doubts and denials are claims of their own
        if rel.attributed_to is not None and rel.attributed_to.lower() in lex.pronouns:
            continue  # a pronoun no source named before stands for
        if _further_words(sent, rel, attribution):
            continue
        out.append(rel)
    return sorted(out, key=lambda r: r.cue_span or (0, 0))  # in the order said: "said ..., noting ..."


def _further_words(sent: SentenceMentions, rel: Attribution, attribution: Attribution) -> bool:
    """Whether a relation's cue is a participle that gives the speaker's own figure after that speaker's doubt
    or denial of a figure in its sentence ("doubted the officials' figure, saying the real number was closer to
    400"): the figure it sets against the one doubted is part of that claim, not a claim of its own. (Other
    words after a participle, "denied that the post had fallen, saying the volunteers had held their position",
    are a claim of their own.)"""
    tok = token_at(sent.span, rel.cue_span[0]) if rel.cue_span is not None else None
    if tok is None or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj") or rel.content_span is None:
        return False
    if not any(rel.content_span[0] <= q.start < rel.content_span[1] for q in sent.quantities):
        return False
    heads = []
    up = tok
    for _ in range(3):
        if up.head.i == up.i:
            break
        up = up.head
        heads.append(up.idx)
    return any(r.cue_span is not None and r.cue_span != rel.cue_span and r.attributed_to == rel.attributed_to
               and r.about == "figure" and r.stance in ("denies", "doubts")
               and r.cue_span[0] <= h < r.cue_span[1] for r in [attribution, *(attribution.relations or [])]
               for h in heads)


def carry_found(doc: Document, unheard: list[tuple[SentenceMentions, list[Attribution]]], events: list[Event]) -> None:
    """The last stage: every claim the finder found that no event carries after the stages above (``unheard``,
    per sentence in order: its event told paragraphs before, built under another type, or not built from its
    own sentence) goes on the event its own words point at, read from what the claim says, not from the
    sentence's shape (``_pointed_at``):

    - where its content names places, an event at one of them (or whose sentences name it);
    - where it names event words, an event of a type they can name (or whose sentences use the word);
    - where it names figures, the event with that figure; where it names whose report it doubts or denies
      ("the task force's claim", "the army's tally"), the event that report is on;
    - where its speaker spoke just before in the same paragraph (a quotation going on), or earlier in the same
      sentence ("claimed responsibility for the blast, saying ..."), the event that speaker spoke of; where it is
      a voice told inside another's words in its sentence, or tells another's ("wrote that residents had told
      her ..."), the event that account is on; where it names again a definite thing an event told in the
      sentences just before was told with, that event.

    An event at another place, of a type none of its event words can name, or on another day named, is never
    one; with no pointer at all, the claim stays off the record (a statement on another matter). Among
    several, the one most pointers name, then the one spoken of latest. Only events told by then are
    looked at (a claim is on what was told before it or in its own sentence)."""
    lex = lexicon()
    starts = [sent.start for sent, _ in unheard]
    last_figure: Quantity | None = None  # the figure told last before the sentence
    for k, (sent, rels) in enumerate(unheard):
        if k and unheard[k - 1][0].quantities:
            last_figure = unheard[k - 1][0].quantities[-1]
        if not rels or sent.span is None:
            continue
        lately = starts[max(0, k - 3)]
        for rel in rels:
            if any(c.doc_id == doc.doc_id and c.cue_span == rel.cue_span for ev in events for c in ev.claims):
                continue
            content = _content_of(sent, rel)
            before = [q for q in sent.quantities if content is not None and q.end <= content[0]]
            target = _pointed_at(doc, sent, rel, events, lately, lex, before[-1] if before else last_figure)
            # (a speaker heard on the event in this sentence with the same stance on the same thing, "denied
            # the claim, saying ...", is not heard twice: as ``other_voices`` reads it)
            if target is not None and not any(
                    c.doc_id == doc.doc_id and c.span == (sent.start, sent.end) and c.attributed_to == rel.attributed_to
                    and c.stance == rel.stance and c.about == rel.about for c in target.claims):
                add_claim(target, doc, sent, rel, None, [])


def _content_of(sent: SentenceMentions, rel: Attribution) -> tuple[int, int] | None:
    """The words a claim says: its content, or (for the outlet's doubt of something named as the subject of
    its cue: "the task force's claim could not be verified") that subject."""
    if rel.content_span is not None:
        return rel.content_span
    tok = token_at(sent.span, rel.cue_span[0]) if rel.cue_span is not None else None
    while tok is not None and tok.dep_ in ("aux", "auxpass", "neg", "advmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok is None:
        return None
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            words = list(subj.subtree)
            return words[0].idx, words[-1].idx + len(words[-1])
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _pointed_at(doc: Document, sent: SentenceMentions, rel: Attribution, told: list[Event], lately: int,
                lex, last_figure: Quantity | None = None) -> Event | None:
    """The event a found claim's words point at (see ``carry_found``), or None."""
    span = _content_of(sent, rel)
    if span is None:
        return None
    s, e = span
    pdoc = sent.span.doc
    events = [ev for ev in told if any(c.doc_id == doc.doc_id and c.span[0] <= sent.start for c in ev.claims)]
    if not events:
        return None
    # Places: the places its words name (not those that say who a noun is, nor an outlet's; a place that only
    # says who people are, "the troops in Khedir", still says where they were).
    places = [p for p in [*sent.places, *sent.weak_places] if s <= p[0] < e and p[2] is not None
              and not _describes(sent, p[0], s, e) and not _in_outlet_name(rel, p[0])]
    names = {p[2].name for p in places}
    written = {doc.text[p[0]:p[1]] for p in places if p[1] - p[0] > 2}

    def elsewhere(ev: Event) -> list[Claim]:
        """The event's claims of other sentences (its words in this sentence say nothing of which it is)."""
        return [c for c in ev.claims if c.doc_id == doc.doc_id and c.span != (sent.start, sent.end)]

    def at_place(ev: Event) -> int:
        """2: the event is at a place the words name; 1: its sentences name it (placed elsewhere); 0: neither."""
        loc = ev.location
        if loc is not None and names & {loc.name, loc.admin2, loc.admin1}:
            return 2
        return int(any(re.search(rf"\b{re.escape(w)}\b", c.sentence) for w in written
                       for c in elsewhere(ev)))

    # Event words: the types they can name, and their lemmas (an event typed otherwise, told with the same word).
    words = [t for t in sent.triggers if s <= t.start < e and not _describes(sent, t.start, s, e)
             and not _word_sense(sent, t)]
    types = {x for t in words for x in (COMPATIBLE.get(t.family) or (VIOLENCE_TYPE.get(t.family),)) if x}
    lemmas = set()
    for t in words:
        tok = token_at(sent.span, t.start)
        if tok is not None:
            lemmas |= _word_keys(tok.lemma_.lower())

    def claim_words(ev: Event) -> set[str]:
        return {w for c in elsewhere(ev) for w in _claim_words(pdoc, c)}

    days = [d.span for d in sent.dates if d.span is not None and not d.anaphoric and s <= d.start < e]
    values = figure_values(rel.figure_stances) | {q.value for q in sent.quantities if s <= q.start < e
                                                  and q.value is not None}
    owners = [f.get("owner") for f in rel.figure_stances if f.get("owner")]
    span_words = pdoc.char_span(s, e, alignment_mode="expand")
    report_heads = lex.report_nouns | lex.figure_nouns
    if span_words is not None:
        owners += [doc.text[w.left_edge.idx: w.idx + len(w)] for w in span_words
                   if w.dep_ == "poss" and w.head.lemma_.lower() in report_heads and w.pos_ in ("PROPN", "NOUN")]
    # A figure named again ("the figure", "that count"; data/attribution.json ``figure_nouns``), not one given.
    names_figure = span_words is not None and any(
        w.lemma_.lower() in lex.figure_nouns and w.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in lex.naming_again_determiners for c in w.children)
        and not any(c.like_num for c in w.subtree) for w in span_words)
    # A report named again ("the reports", "neither account", "the task force's claim"): of what the sentence
    # just before told.
    names_report = span_words is not None and any(
        w.lemma_.lower() in lex.report_nouns - lex.figure_nouns and w.pos_ == "NOUN" and any(
            c.dep_ in ("det", "poss", "preconj") for c in w.children) for w in span_words)
    just_before = {id(ev) for ev in _told_just_before(doc, sent, events)} if names_report else set()
    ref = content_refers(pdoc, dataclasses.replace(rel, content_span=span), lex)
    skip = lex.organisation_heads | lex.role_nouns | lex.medium_nouns | lex.report_nouns
    nouns = {k for n in ref.nouns if n not in skip and len(n) > 2 for k in _word_keys(n)}
    # The speaker's own account going on: a claim of the same speaker, in the same paragraph, just before.
    before = [c for ev in events for c in ev.claims if c.doc_id == doc.doc_id and c.span[1] <= sent.start
              and "\n\n" not in doc.text[c.span[1]:sent.start].strip() and sent.start - c.span[1] < 400]
    # (the events spoken of in the sentences just before: a definite noun names again what was told lately)
    near = {id(ev) for ev in events if any(c.doc_id == doc.doc_id and lately <= c.span[0] < sent.start
                                           for c in ev.claims)}
    any_at_place = bool(places) and any(at_place(ev) for ev in events)
    # The voices of its own sentence already on an event: the same speaker's earlier cue ("claimed
    # responsibility for the blast, saying its members had watched the official"), or a voice told inside
    # another's words or telling another's ("wrote that residents had told her the building stored ammunition"):
    # one account, on the event that account is on.
    cue_at = rel.cue_span[0] if rel.cue_span is not None else s
    within = [c for ev in events for c in ev.claims if c.doc_id == doc.doc_id and c.span == (sent.start, sent.end)
              and c.cue_span is not None and c.cue_span != rel.cue_span and (
                  (rel.attributed_to is not None and c.attributed_to == rel.attributed_to and c.cue_span[0] < cue_at)
                  or (c.content_span is not None and c.content_span[0] <= cue_at < c.content_span[1])
                  or s <= c.cue_span[0] < e)]

    def pointers(ev: Event) -> int:
        if days and ev.date is not None and not any(d.start <= ev.date.end and ev.date.start <= d.end for d in days):
            return -1
        spoke = rel.attributed_to is not None and any(
            (c.attributed_to == rel.attributed_to or _one_of(pdoc, rel, c)) and any(c is x for x in ev.claims)
            for c in before) or any(c is x for c in within for x in ev.claims)
        there = at_place(ev) if places else 0
        if places and not there and (any_at_place or not spoke):
            return -1  # it names another place: another event's, or one no event here was told at
        same_word = bool(lemmas & claim_words(ev)) if lemmas else False
        if words and ev.type not in types and not same_word:
            return -1
        n = there + int(spoke) + int(bool(words) and (ev.type in types or same_word))
        n += int(id(ev) in just_before)  # "neither account could be confirmed": what was just told
        # "said the figure should be treated with caution", "rejected that figure": the figure told last before
        # it (that very figure, or one of the same value and unit an event was told with)
        n += int(names_figure and last_figure is not None and any(
            q.value == last_figure.value and (q.start == last_figure.start or q.unit == last_figure.unit)
            for q in ev.quantities))
        n += int(bool(values) and bool(values & {q.value for q in ev.quantities}))
        n += int(bool(owners) and any(owner_matches(o, c.attributed_to) for o in owners for c in ev.claims
                                      if c.doc_id == doc.doc_id))
        n += int(bool(nouns) and id(ev) in near and bool(nouns & claim_words(ev)))
        return n

    def latest(ev: Event) -> int:
        return max((c.span[0] for c in ev.claims if c.doc_id == doc.doc_id and c.span[0] <= sent.start), default=-1)

    scored = [(pointers(ev), latest(ev), i, ev) for i, ev in enumerate(events)]
    scored = [x for x in scored if x[0] > 0]
    if not scored:
        return None
    return max(scored, key=lambda x: (x[0], x[1], x[2]))[3]


def _one_of(pdoc, rel: Attribution, earlier: Claim) -> bool:
    """Whether the speaker is one of an earlier speaker's people ("one of them said", "one of the herders
    said" after "Herders from the area said"): a partitive whose "of" names a pronoun or a noun of the earlier
    speaker's words, from the parse."""
    if rel.source_span is None or not earlier.attributed_to or pdoc is None:
        return False
    span = pdoc.char_span(rel.source_span[0], rel.source_span[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    if not (head.like_num or head.pos_ == "NUM" or head.lower_ == "one"):
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", earlier.attributed_to)}
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and (obj.pos_ == "PRON" or obj.lower_ in words or obj.lemma_.lower() in words):
                return True
    return False

"""Event or not, per clause: does the clause of a trigger word report that a specific thing happened?

Read from spaCy's dependency parse of the sentence and word lists (data/eventness.json), never from character
windows. A trigger's clause is the verb that governs it (the trigger itself where it is a verb, else the verb
it hangs from: "clashes erupted", "an attack on the base"). The clause is not an event where it is:

- ``negated``: "did not capture", "never fell", "no clashes" (a denial is a claim on the event it denies:
  events.py may still attach it to an earlier event of the article);
- ``modal``: a modal or future auxiliary on the clause ("could fall", "will attack", "would retake");
- ``conditional``: the clause or one above it is introduced by "if", "unless", "whether";
- ``plan``: the clause is the infinitive of a verb or noun of intent ("threatened to attack", "plans to
  retake", "a bid to capture", "failed to capture", "is expected to fall");
- ``opinion``: the clause is what someone thinks, fears or predicts ("analysts believe the city will fall"),
  or a source the article quotes as an analyst says it with no date given;
- ``question``: the sentence asks;
- ``generic``: present simple with a habitual word or a bare plural subject ("in a war, armies advance and
  fall back", "both sides lose men every week");
- ``background``: the clause is dated long before publication ("in 1996", "a quarter of a century ago");
- ``figurative``: "fall" or "collapse" whose subject is no place ("resistance had apparently collapsed"), an
  idiom ("paid in advance"), a thing no war takes ("lost the election", "seized on the remark", "attack the
  virus", "attacked her rival as a liar");
- ``heading``: a link, list item, title-case headline or section title run into the prose;
- ``name`` / ``not an event word``: "Lynch" (a person), "Protestant", "executive", "battleground";
- ``person, no act``: "bomber", "protesters" where the clause does not have them do anything;
- ``setting``: a rally that is only where a speech was given ("told supporters at a rally");
- ``reference``: an event told before: "after the attacks", "condemned this attack", "charged in the shooting",
  "arrested a man for the shooting", and a relative clause on such a noun ("a shooting that left four injured");
- ``generic`` also: a present simple in a sentence with no date and nothing in the past ("a regime that rules by
  violence"), "continue to ambush", a gerund subject ("capturing drones is one option"), "for years", "you";
- ``negated`` also: a clause denied ("denied reports that the town had fallen");
- ``modal`` also: the modal of the verb whose complement the clause is, through a preposition ("will have to
  choose between withdrawing and ..."), not of a verb with an object of its own ("may have motivated a gunman
  to shoot");
- ``reference (landmark)``: a happening named only as a topic or a landmark ("concerned about the fighting",
  "south of the fighting"): the clause's own event words tell its happening (grouping sets it aside);
- ``reference`` also: a figure of a happening told before given again ("the strikes on X had killed six", "the
  death toll from Friday's assault rose to 11 on Monday", whatever date the figure has);
- ``description``: what is left, described ("residents described burnt shops");
- ``background`` also: a clause that goes on from the sentence before ("then", "later") with no date of its own,
  where that sentence's clause is background;
- a noun in the "in"/"during" phrase of a trigger verb that is an aggregate or a description ("retook large
  parts of the region in a lightning offensive") shares the verb's reason;
- ``background`` also: a happening's own noun dated long before ("demonstrations in July 1990", "after the
  peace deal signed in November 2022"), a clause whose subject is one ("protests called in 2023 left dozens
  dead"), a date deep in a phrase ("in the first days of the invasion in February 2022"), a relative date
  counted from the clause it goes on from ("in July 2021, and they retook the town a month later"), "since
  then" after a sentence of background;
- ``generic`` also: a perfect of a habit or of a time with no day ("almost every day", "in the past"), "are
  known to abduct", "such attacks", a happening as the subject of a trend ("violence has surged"), a clause on
  "every district";
- ``state``: people described by what was done to them ("abducted women", "displaced people");
- ``unrealised``: what a thing given or launched is for ("giving the army powers to detain suspects");
- ``topic``: what a speaker talked of ("told of looting"), or a happening named as what another act was about
  beside a verb that tells the sentence's own ("detained while he was covering the protests");
- ``aggregate`` also: a tally in the present perfect (dozens of attacks, of districts), over a period rather
  than a day ("this year"), across a country, or since a happening began;
- ``reference`` also: a later death ("died of her wounds"), a toll raised, a figure with neither place nor
  date in a sentence that tells only a toll, a happening told before as the subject of what it has done since
  ("the fighting has cut roads") or of a copula ("the bombing was the deadliest");
- ``modifier`` also: an event word that names a unit ("assault groups"), "anti-" ("anti-tank ditches");
- ``aggregate`` also: a perfect over a period of a week or more or told as how often ("have killed thousands over
  the past decade", "we have fled three times in two years", "repeatedly"), and any perfect counted since a
  happening or its start ("had been displaced since the offensive began", "talks have made little progress
  since they began", "since the start of the invasion");
- ``generic`` also: how a campaign is going ("the counteroffensive was going according to plan");
- ``opinion`` also: a quotation that closes in a later sentence, said by an analyst ("\"Both sides have
  rearmed. ...,\" said X, an analyst");
- ``description`` also: people described by a move, the object of an act that is no happening ("to feed
  relatives who had fled the town");
- ``not violence`` also: a move from a flood or the like ("evacuated from the flooded towns");
- ``reference`` also: a definite happening that did something to something, with no day ("The capture cut the
  last road"), or did it in the passive ("closed by the fighting"), and one of the happenings told before ("one
  of the strikes destroyed a clinic").

- ``modal``/``plan`` also: a purpose of what will be done ("will launch a counter-offensive to retake the towns"), an
  infinitive on a noun read with that noun's clause ("was prepared to accept losses to take the town");
- ``generic`` also: a clause on "any" ("any soldier caught looting would be punished", not under a denial), a kind
  that has become a habit ("mortar attacks have become routine"), what a source says again and again ("it
  regularly announces that ...");
- ``state``: a noun in the "of" phrase of a predicate adjective ("short of recruits", "the deepest of a summer
  counteroffensive");
- ``aggregate`` also: a perfect since then or since a year, a past told only by a year ("which began withdrawing
  this year"), a happening noun across a country ("protests across the country").
- ``negated`` also: an event noun after "without" ("talks ended without agreement"), a plan noun's gerund with "no"
  ("had no intention of storming the city"); ``plan`` also: a plan noun's gerund ("the aim of capturing the port"),
  a happening noun as the subject of an expectation ("its withdrawal is due to be completed");
- ``reference`` also: the name a speaker gives, in what a reaction verb is about ("condemned what she called an
  attack");
- ``aggregate`` also: a perfect with no date over several units in the plural ("have been displaced in the northern
  and western regions"), any undated clause over a front ("repelled attacks in the southern direction"), a gapped
  or bare participle that shares a perfect and its "since", the start of a campaign with neither place nor target
  ("launched the offensive on October 27"; a campaign noun a naming verb gives is a ``name``);
- ``state`` also: a participle read as an adjective ("fortified bases"), a deployment in the present perfect with
  no date ("troops have been deployed in the city"); ``description`` also: a participle on what an aftermath verb
  describes ("describe a city plundered by fighters");
- ``background`` also: a date of its own that resolves to no day ("later that month") goes on from the sentence
  before; a past date the parse hangs on a present relative clause dates the coordinated verb;
- ``generic`` also: a relative clause on "any" ("any region that lets its land be used for attacks").

Without a publication date, ``background`` is measured from the latest year the text says something happened.

Everything else is ``asserted``. The reason is kept with each trigger so that ``explain`` can show why a
clause was kept or left out.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, wraps
from importlib import resources

from contested.families import CROWD_FAMILIES
from contested.records import DateMention
from contested.stages.tokens import doc_text

ASSERTED = "asserted"
NEGATED = "negated"
REFERENCE = "reference"
# A reference that names the happening told before only as a topic or a landmark ("south of the fighting"): the
# clause's own event words tell its happening.
LANDMARK = "reference (landmark)"


@dataclass(frozen=True, slots=True)
class EventnessSettings:
    """How old a dated clause must be, in days before publication, to be background rather than news."""

    background_days: int = 365
    # With a publication date, a clause whose date expression ("in March", "last year", "on February 1,
    # 2021", "since 2015") resolves to a span that ends more than this many days before publication is
    # background: history told around the news, which an analyst codes from its own reports.
    recent_days: int = 31
    # A move in the perfect counted "since" a date at least this many days before publication ("have been
    # displaced since mid-July" in a mid-August article) is a tally, as one counted since a happening began is.
    since_tally_days: int = 28
    # Present simple verbs are generic only with a habitual word or a bare plural subject.
    generic_present: bool = True
    # Any present simple clause with no date is generic ("a regime that rules by violence"); dated present
    # tense (headlines, coders' notes: "On 3 May, police arrest two men") is kept.
    present_simple_generic: bool = True


@dataclass(frozen=True, slots=True)
class Words:
    modal_aux: frozenset[str]
    plan_governors: frozenset[str]
    plan_nouns: frozenset[str]
    opinion_governors: frozenset[str]
    conditional_marks: frozenset[str]
    habitual_words: frozenset[str]
    ago_units: frozenset[str]
    opinion_sources: frozenset[str]
    place_subject_nouns: frozenset[str]
    intransitive_capture_words: frozenset[str]
    reference_preps: frozenset[str]
    instrument_nouns: frozenset[str]
    attack_verbs: frozenset[str]
    reaction_verbs: frozenset[str]
    reference_determiners: frozenset[str]
    unrealised_modifiers: frozenset[str]
    non_violent_causes: frozenset[str]
    event_head_nouns: frozenset[str]
    enter_object_required: frozenset[str]
    false_friends: frozenset[str]
    idioms: frozenset[str]
    name_labels: frozenset[str]
    people_nouns: frozenset[str]
    materiel_nouns: frozenset[str]
    agent_nouns: frozenset[str]
    agent_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    duration_units: frozenset[str]
    generic_subjects: frozenset[str]
    heading_function_words: frozenset[str]
    agent_event_nouns: frozenset[str]
    habitual_governors: frozenset[str]
    as_not_figurative: frozenset[str]
    legal_words: frozenset[str]
    legal_preps: frozenset[str]
    arrest_words: frozenset[str]
    calendar_words: frozenset[str]
    share_nouns: frozenset[str]
    share_size_words: frozenset[str]
    no_news_nouns: frozenset[str]
    reference_subject_verbs: frozenset[str]
    negative_subjects: frozenset[str]
    topic_preps: frozenset[str]
    position_nouns: frozenset[str]
    figure_nouns: frozenset[str]
    aftermath_verbs: frozenset[str]
    organisation_heads: frozenset[str]
    landmark_preps: frozenset[str]
    sequence_adverbs: frozenset[str]
    indefinite_time_nouns: frozenset[str]
    wide_area_nouns: frozenset[str]
    wound_nouns: frozenset[str]
    unit_nouns: frozenset[str]
    support_verbs: frozenset[str]
    quantity_nouns: frozenset[str]
    trend_verbs: frozenset[str]
    situation_nouns: frozenset[str]
    simultaneous_marks: frozenset[str]
    time_clause_nouns: frozenset[str]
    undergoer_verbs: frozenset[str]
    period_units: frozenset[str]
    period_modifiers: frozenset[str]
    frequency_words: frozenset[str]
    since_starts: frozenset[str]
    progress_verbs: frozenset[str]
    kin_nouns: frozenset[str]
    quote_closers: frozenset[str]
    partitive_heads: frozenset[str]
    institution_nouns: frozenset[str]
    admin_unit_nouns: frozenset[str]
    telling_verbs: frozenset[str]
    passing_place_preps: frozenset[str]
    direction_preps: frozenset[str]
    destination_preps: frozenset[str]
    plan_adjectives: frozenset[str]
    hypothetical_determiners: frozenset[str]
    habitual_predicates: frozenset[str]
    negating_preps: frozenset[str]
    naming_verbs: frozenset[str]
    front_nouns: frozenset[str]
    campaign_nouns: frozenset[str]
    start_verbs: frozenset[str]
    target_preps: frozenset[str]
    expectation_verbs: frozenset[str]
    state_perfect_families: frozenset[str]
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_words() -> Words:
    data = json.loads(resources.files("contested").joinpath("data/eventness.json").read_text(encoding="utf-8"))
    names = [f for f in Words.__dataclass_fields__ if f != "extra"]
    words = {n: frozenset(w.lower() for w in data[n]) for n in names}
    words["name_labels"] = frozenset(w.upper() for w in data["name_labels"])
    return Words(**words)


_CLAUSE_UP = ("xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp")


def governing_verb(token):
    """The verb of a trigger's clause: the token itself where it is a verb, else the first verb above it."""
    t = token
    for _ in range(6):
        # "an improvised explosive device", "wounded soldiers": a participle that modifies a noun is no clause.
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound"):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _year(tok) -> int | None:
    """1996 in "in 1996", 1990 in "in the 1990s"."""
    text = tok.text[:-1] if tok.text.endswith("s") and len(tok.text) == 5 else tok.text
    if len(text) == 4 and text.isdigit():
        y = int(text)
        if 1900 <= y <= 2100:
            return y
    return None


_DATE_PREPS = frozenset({"in", "on", "during", "since", "by", "until", "at", "from", "between"})
_DATE_SUBCLAUSE = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "csubj", "parataxis"})


_DATE_TOKENS_KEY = "contested.eventness.date_tokens"  # Doc.user_data: the positions of DATE tokens, in order


def _no_date_under(phrase) -> bool:
    """No DATE token lies between the phrase's left and right edges, so none is in its subtree (the
    positions are read once per document, from its array of entity types)."""
    doc = phrase.doc
    at = doc.user_data.get(_DATE_TOKENS_KEY)
    if at is None:
        from spacy.attrs import ENT_TYPE

        label = doc.vocab.strings["DATE"]
        at = doc.user_data[_DATE_TOKENS_KEY] = [i for i, v in enumerate(doc.to_array(ENT_TYPE).tolist())
                                                if v == label]
    k = bisect.bisect_left(at, phrase.left_edge.i)
    return k == len(at) or at[k] > phrase.right_edge.i


def _own_date(phrase):
    """The first DATE entity of a phrase that is the phrase's own, not a clause's under it ("In Woldia, which
    they have held since August": none), as text after its preposition, with the entity's character offsets."""
    if _no_date_under(phrase):
        return None
    for t in phrase.subtree:
        if t.ent_type_ != "DATE":
            continue
        node, clean = t, True
        while node.i != phrase.i and node.head.i != node.i:
            # Not a clause under it, nor a noun's own date ("arrested in connection with the shooting on
            # July 4": July 4 is the shooting's); "since the first attacks in 2015" is the span's start.
            if node.dep_ in _DATE_SUBCLAUSE or (node.dep_ == "prep" and phrase.lower_ != "since"):
                clean = False
                break
            node = node.head
        if not clean:
            continue
        doc, start, end = t.doc, t.i, t.i + 1
        while start > phrase.left_edge.i and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == "DATE":
            start -= 1
        while end <= phrase.right_edge.i and doc[end].ent_iob_ == "I":
            end += 1
        # (A bare month or year is read as a date only after its preposition: "in June", "since 2015".)
        before = doc[start - 1].text if start > 0 and doc[start - 1].pos_ == "ADP" else "in"
        return f"{before} {doc[start:end].text}", doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return None


_PHRASES_KEY = "contested.eventness.date_phrases"  # Doc.user_data: _date_phrases by the verb's position


def _date_phrases(verb):
    """The verb's own phrases that hold a DATE entity ("in March", "on February 1, 2021", "last year"),
    not those of the clauses under it, each with the entity's text. Read once per verb of a document: the
    rules ask it of the same verbs many times."""
    cache = verb.doc.user_data.setdefault(_PHRASES_KEY, {})
    hit = cache.get(verb.i)
    if hit is None:
        hit = cache[verb.i] = tuple(_find_date_phrases(verb))
    return iter(hit)


def _find_date_phrases(verb):
    for child in verb.children:
        if child.dep_ in _DATE_SUBCLAUSE:
            continue
        if (child.dep_ == "prep" and child.lower_ in _DATE_PREPS) or child.dep_ in ("npadvmod", "advmod", "tmod"):
            own = _own_date(child)
            if own:
                yield child, own


_DATES_KEY = "contested.eventness.dates"  # Doc.user_data: the date mentions found, by their offsets


def _own_date_spans(verb, published: date):
    """The clause's own date expressions (``_date_phrases``) resolved against the publication date: the date
    mention the sentence already found for the entity (``clause_reasons``' ``dates``), else parsed here."""
    from contested.dates import parse_date

    found = verb.doc.user_data.get(_DATES_KEY, {})
    for _, (text, start, end) in _date_phrases(verb):
        span = next((m.span for (a, b), m in found.items() if a <= start and end <= b), None)
        span = span or parse_date(text, published)
        if span is not None:
            yield span


def _dated_long_before(verb, published: date | None, settings: EventnessSettings) -> str | None:
    """'in March', 'last year', 'since the first attacks in 2015', 'in early March' (with a publication date):
    the clause's own date expression resolves to a span that ends more than ``recent_days`` before
    publication."""
    if published is None:
        return None
    old = None
    for span in _own_date_spans(verb, published):
        if (published - span.end).days <= settings.recent_days:
            return None  # "in the last week ... on June 5": the text says it is news (a conflict to check, not history)
        old = old or f"background: dated {span.text}"
    return old


def _dated_recently(verb, published: date | None, settings: EventnessSettings) -> bool:
    """The clause has a date of its own that resolves to within ``recent_days`` of publication (without a
    publication date: any date of its own)."""
    if published is None:
        return next(_date_phrases(verb), None) is not None
    return any((published - span.end).days <= settings.recent_days for span in _own_date_spans(verb, published))


_BACKGROUND_KEY = "contested.eventness.background"  # Doc.user_data: _background by its arguments


def _once_per_verb(find):
    """``_background`` read once per verb and arguments in a document: the triggers of one clause, the clauses
    they go on from and the sentence before ask it of the same verbs. The date mentions found so far
    (``_DATES_KEY``, which the reading uses) are part of the key."""

    @wraps(find)
    def once(verb, year, settings, words, published=None):
        user = verb.doc.user_data
        memo = user.setdefault(_BACKGROUND_KEY, {})
        key = (verb.i, year, settings, id(words), published, len(user.get(_DATES_KEY, ())))
        hit = memo.get(key, memo)
        if hit is memo:
            hit = memo[key] = find(verb, year, settings, words, published)
        return hit

    return once


@_once_per_verb
def _background(verb, year: int | None, settings: EventnessSettings, words: Words,
                published: date | None = None) -> str | None:
    """'in 1996', 'a quarter of a century ago', 'two decades ago': the clause is dated long before ``year``
    (the year of publication, else the latest year the text tells of); with a publication date, also a date
    that resolves to more than ``recent_days`` before it ('in March' in an August article)."""
    dated = _dated_long_before(verb, published, settings)
    if dated:
        return dated
    if published is not None and not _dated_recently(verb, published, settings):
        # "was occupied in the first days of the invasion in February 2022": the phrase's own date does not
        # resolve, a date deeper in it does.
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "during", "for", "since", "until", "by"):
                dated = _phrase_long_before(child, year, settings, published)
                if dated:
                    return dated
    if any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in verb.children):
        for child in verb.children:  # "retook the town on Sunday, a year after insurgents seized it"
            if child.dep_ == "npadvmod" and child.lemma_.lower() in words.ago_units:
                return f"background: {child.lower_}s before"
    for child in verb.children:
        if child.lower_ == "ago":
            units = {t.lemma_.lower() for t in child.subtree} | {t.lemma_.lower() for c in verb.children
                                                                if c.dep_ == "npadvmod" for t in c.subtree}
            if units & words.ago_units:
                return "background: dated years ago"
        if child.dep_ == "npadvmod":
            sub = list(child.subtree)
            if any(t.lower_ == "ago" for t in sub) and {t.lemma_.lower() for t in sub} & words.ago_units:
                return "background: dated years ago"
        if child.dep_ == "prep" and child.lower_ == "before" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in words.situation_nouns and _definite(g, words)
                for g in child.children):
            # "the two communities fought over grazing land well before the current war": a happening told as
            # older than the war the article tells of is its history.
            return f"background: before the {next(g for g in child.children if g.dep_ == 'pobj').lower_}"
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "since", "by", "until", "between") and year:
            # ("killed between 2001 and 2014": a range of years.)
            for g in child.children:
                y = _year(g) if g.dep_ == "pobj" else None
                if y is not None and (year - y) * 365 > settings.background_days:
                    return f"background: dated {y}"
                for gg in g.children:  # "in July 1996"
                    y = _year(gg)
                    if y is not None and (year - y) * 365 > settings.background_days:
                        return f"background: dated {y}"
    return None


_NOT_THE_PHRASE = frozenset({"relcl", "ccomp", "advcl", "parataxis", "csubj"})


def _phrase_dates(phrase):
    """Each DATE entity under a noun or a phrase, however deep ("demonstrations ... in July 1990", "protests
    called by the opposition in 2023", "in the first days of the invasion in February 2022"), not one of a
    clause under it ("the town, which they took in 2015"): its text and character offsets."""
    if _no_date_under(phrase):
        return
    doc, seen = phrase.doc, set()
    for t in phrase.subtree:
        if t.ent_type_ != "DATE" or t.i in seen:
            continue
        node, clean = t, True
        while node.i != phrase.i and node.head.i != node.i:
            if node.dep_ in _NOT_THE_PHRASE:
                clean = False
                break
            node = node.head
        start, end = t.i, t.i + 1
        while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == "DATE":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        seen.update(range(start, end))
        if clean:
            yield doc[start:end].text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), doc[start:end]


def _phrase_long_before(phrase, year: int | None, settings: EventnessSettings,
                        published: date | None) -> str | None:
    """The dates under a noun or a phrase (``_phrase_dates``) all resolve to long before publication (to
    years long before ``year`` without a publication date); None where one is recent or none resolves."""
    from contested.dates import parse_date

    found = phrase.doc.user_data.get(_DATES_KEY, {})
    old = None
    for text, start, end, ent in _phrase_dates(phrase):
        if published is not None:
            span = next((m.span for (a, b), m in found.items() if a <= start and end <= b), None)
            span = span or parse_date(f"in {text}", published)
            if span is None:
                continue
            if (published - span.end).days <= settings.recent_days:
                return None
        else:
            years = [y for y in (_year(t) for t in ent) if y is not None]
            if not years or not year or (year - max(years)) * 365 <= settings.background_days:
                return None
        old = old or f"background: dated {text}"
    return old


_SINCE_THEN_KEY = "contested.eventness.since_then"  # Doc.user_data: positions of "then" in "since then"


def _has_since_then(verb, words: Words) -> bool:
    """Whether the verb's sentence counts "since then" (the positions are read once per document)."""
    doc = verb.doc
    at = doc.user_data.get(_SINCE_THEN_KEY)
    if at is None:
        # (The words' ids are compared first, from the document's array of lower-case forms: no Token is made
        # for the other words.)
        from spacy.attrs import LOWER
        from spacy.strings import get_string_id

        ids = {get_string_id(w) for w in words.sequence_adverbs}
        at = doc.user_data[_SINCE_THEN_KEY] = tuple(
            t.i for t in (doc[i] for i, v in enumerate(doc.to_array(LOWER).tolist()) if v in ids)
            if t.lower_ in words.sequence_adverbs and t.head.lower_ == "since")
    if not at:
        return False
    sent = verb.sent
    return any(sent.start <= i < sent.end for i in at)


def _background_before(verb, year: int | None, settings: EventnessSettings, words: Words,
                       published: date) -> str | None:
    """"The military seized power on 1 February 2021 ... Thousands of young people then went to the jungle":
    a clause that goes on from the sentence before ("then", "later") with no date of its own, or with one that
    resolves to no day by itself ("later that month"), shares that sentence's date, in the same paragraph;
    background where that sentence's own clause is."""
    chain, v = [verb], verb
    while len(chain) < 4 and v.dep_ in ("xcomp", "advcl", "conj") and v.head.i != v.i:
        v = v.head  # "then went to the jungle to take up arms": the sequence word is on the clause above
        chain.append(v)
    # ("More than 4,000 people have been killed since then": "since then" counts from the sentence before.)
    since_then = _has_since_then(verb, words)
    # ("Federal troops took the city later that month", "the same day": a date of its own that resolves to no
    # day is counted from the sentence before, as a sequence word is.)
    anaphoric = next(_date_phrases(verb), None) is not None and next(_own_date_spans(verb, published), None) is None
    if not (since_then or anaphoric or any(c.dep_ == "advmod" and c.lower_ in words.sequence_adverbs
                                           for v in chain for c in v.children)) or (not anaphoric and any(
            next(_date_phrases(v), None) is not None for v in chain)):
        return None
    sent = verb.sent
    if sent.start == 0:
        return None
    doc = verb.doc
    before = doc[sent.start - 1].sent
    if "\n\n" in doc[before.start:sent.start].text_with_ws or before.text.strip().endswith("?"):
        return None  # another paragraph, or a question heading
    bg = _background(before.root, year, settings, words, published)
    return f"{bg} (the sentence before; {verb.lower_} ... then)" if bg else None


def _is_place_like(tok, words: Words, places: tuple[tuple[int, int], ...] = ()) -> bool:
    if tok.ent_type_ in ("GPE", "LOC", "FAC") or any(s <= tok.idx < e for s, e in places):
        return True
    if tok.lemma_.lower() in words.place_subject_nouns or tok.lower_ in words.place_subject_nouns:
        return True
    # "Kunduz", "Imam Sahib": a proper name, unknown to NER, may still be a place.
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "NORP", "ORG", "DATE", "CARDINAL")


_YEAR_KEY = "contested.eventness.reference_year"
_PAST = ("VBD", "VBN")
_MOVE_FAMILIES = frozenset({"flee", "displacement", "retreat", "leave"})
_THEMED_FAMILIES = ("capture", "regain", "lose", "surrender_place", "take", "leave")
_NAMED_ENTITIES = ("GPE", "LOC", "FAC", "PERSON", "NORP", "ORG")


def reference_year(doc) -> int | None:
    """Without a publication date, the latest year in which the text says something happened (a year in a
    DATE entity of a past-tense clause: "plans to leave by 2030" does not count). Computed once per text."""
    if _YEAR_KEY in doc.user_data:
        return doc.user_data[_YEAR_KEY]
    best = None
    for ent in doc.ents:
        if ent.label_ != "DATE" or governing_verb(ent.root).tag_ not in _PAST:
            continue
        for t in ent:
            y = _year(t)
            if y is not None and (best is None or y > best):
                best = y
    doc.user_data[_YEAR_KEY] = best
    return best


_CLOSERS = ('"', "\u201d", "'", "\u2019", ")")
_QUOTE_KEY = "contested.eventness.quote_speaker"


@lru_cache(maxsize=4)
def _idiom_gate(idioms: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``idioms`` anywhere in a text: one search says whether a sentence holds
    any of them at all."""
    return re.compile("|".join(re.escape(idiom) for idiom in sorted(idioms)))


class _Sentence:
    """What the readings below take from a trigger's sentence, worked out once per sentence: a sentence holds
    about two triggers, and each reading used to walk the sentence's tokens and rebuild its text (spaCy joins
    the tokens again on every ``Span.text``). Tokens are read only as far as each question needs them."""

    __slots__ = ("span", "start", "end", "start_char", "text", "low", "link_close", "question", "bullets",
                 "title_caps", "title_run", "idiom_hits", "conditional", "_dated", "_past", "trigger_tokens",
                 "families")

    def __init__(self, sent, words: Words, text: str | None = None) -> None:
        doc = sent.doc
        self.span = sent
        self.start, self.end, self.start_char = sent.start, sent.end, sent.start_char
        self.text = sent.text if text is None else text
        self.low = self.text.lower()
        # A question: its last token that is not a space, a closing quote or bracket is "?".
        self.question = False
        if "?" in self.text:
            for i in range(self.end - 1, self.start - 1, -1):
                t = doc[i]
                if not t.is_space and t.text not in _CLOSERS:
                    self.question = t.text == "?"
                    break
        words_only = (t for t in (doc[i] for i in range(self.start, self.end)) if not t.is_space)
        # A link: the sentence opens with "[": the token index of its first "]".
        self.link_close = None
        # The run of title-case words (and the function words between them) that opens the sentence.
        caps, run = 0, set()
        for k, t in enumerate(words_only):
            if k == 0 and t.text == "[":
                self.link_close = next((x.i for x in words_only if x.text == "]"), None)
                break  # "[" is no title-case word: the run is empty
            if t.text[:1].isupper():
                caps += 1
            elif not (t.lower_ in words.heading_function_words or t.text in ("'", "\u2019", ",")):
                break
            run.add(t.i)
        self.title_caps, self.title_run = caps, run
        # The bullets of a list (none where the text has no bullet character).
        self.bullets = []
        if "*" in self.text or "\u2022" in self.text:
            self.bullets = [t for t in (doc[i] for i in range(self.start, self.end)) if not t.is_space and (
                t.text in ("*", "\u2022") or (t.text.startswith("*") and not t.text.startswith("**")
                                               and t.i == self.start))]
        # Each idiom of the word list (in the list's order) with where it stands, word-bounded, in the sentence.
        low = self.low
        hits = []
        for idiom in words.idioms if _idiom_gate(words.idioms).search(low) else ():  # (most hold none)
            at = low.find(idiom)
            found = []
            while at >= 0:
                end = at + len(idiom)
                if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                    found.append((at, end))
                at = low.find(idiom, at + 1)
            if found:
                hits.append((idiom, found))
        self.idiom_hits = hits
        # Whether a word of condition ("if", "unless") is written in the sentence at all: a mark is a token
        # whose lower case is one of them, so without the letters there is none.
        self.conditional = any(w in low for w in words.conditional_marks)
        self._dated: bool | None = None
        self._past: bool | None = None
        # The token indices of the sentence's trigger words (where clause_reasons has them).
        self.trigger_tokens: frozenset[int] = frozenset()
        self.families: frozenset[str] | None = None  # the families of its trigger words (None: not known)

    def dated(self, words: Words) -> bool:
        """A year or a calendar word in a DATE entity of the sentence."""
        if self._dated is None:
            self._dated = any(t.ent_type_ == "DATE" and (t.shape_ == "dddd" or t.lower_ in words.calendar_words)
                              for t in self.span)
        return self._dated

    def past(self, words: Words | None = None) -> bool:
        """A past tense verb in the sentence (with ``words``, not a verb of saying: "armies advance, he said"
        tells nothing in the past)."""
        if self._past is None:
            speech = words.speech_verbs if words is not None else frozenset()
            self._past = any(t.tag_ == "VBD" and t.lemma_.lower() not in speech for t in self.span)
        return self._past


def _heading(token, words: Words, sentence: _Sentence | None = None) -> str | None:
    """A heading, link or list item run into the prose of a sentence (the line breaks were lost): "[Stuck in a
    spiral, the city borrows] The mayor said ...", "Clashes Leave Students Injured An alleged ...", "* 2007
    airfield bombing * 2014 airfield bombing"."""
    sentence = sentence or _Sentence(token.sent, words)
    rel = token.idx - sentence.start_char
    before_text = sentence.text[:rel].rstrip()
    if before_text.endswith("==") and ("==" in token.text or sentence.text[rel + len(token.text):].startswith("==")):
        return "heading: a section title"  # "==Attack=="
    if sentence.link_close is not None and token.i < sentence.link_close:
        return "heading: a link to another story"
    bullets = sentence.bullets
    if bullets:
        # The item the trigger is in: from the bullet before it (or the sentence's start) to the next one.
        before = [b for b in bullets if b.i < token.i]
        after = [b.i for b in bullets if b.i > token.i]
        start = before[-1].i if before else sentence.start
        end = after[0] if after else sentence.end
        if not any(t.tag_ in ("VBD", "VBZ", "VBP") for t in token.doc[start: end]):
            return "heading: an item of a list"
    if token.text[:1].isupper() and token.i in sentence.title_run and sentence.title_caps >= 4:
        return "heading: a title-case line"
    return None


def _idiom(token, words: Words, sentence: _Sentence | None = None) -> str | None:
    """A figure of speech that holds the trigger word ("paid in advance", "a shot in the arm")."""
    sentence = sentence or _Sentence(token.sent, words)
    rel0 = token.idx - sentence.start_char
    rel1 = rel0 + len(token.text)
    for idiom, found in sentence.idiom_hits:
        if any(at < rel1 and rel0 < end for at, end in found):
            return f"figurative: {idiom}"
    return None


def _theme(token):
    """What a capture or loss word is about: its object ("took the town"), the subject of a passive ("the
    town was taken"), the noun it modifies ("a lost opportunity") or its "of" ("the capture of the town")."""
    theme = None
    if token.dep_ == "amod":
        theme = token.head
    elif token.pos_ in ("VERB", "AUX"):
        theme = next((c for c in token.children if c.dep_ == "dobj"), None)
        if theme is None and any(c.dep_ == "auxpass" for c in token.children):
            theme = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    else:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        theme = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if theme is not None and theme.lemma_.lower() == "control":  # "gained control of the mines"
        of = next((c for c in theme.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        theme = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return theme


def _concrete(theme, words: Words, places) -> bool:
    """A place, people or things that can be taken or lost in a war (not "a lost opportunity")."""
    forms = {theme.lemma_.lower(), theme.lower_, theme.lower_.rstrip("s")}
    return bool(_is_place_like(theme, words, places) or theme.ent_type_ in _NAMED_ENTITIES + ("CARDINAL",)
                or forms & words.people_nouns or forms & words.materiel_nouns or theme.pos_ in ("PRON", "NUM")
                or any(c.dep_ == "nummod" for c in theme.children)
                or any(c.dep_ in ("compound", "conj") and _concrete(c, words, places) for c in theme.children)
                or any(c.dep_ == "prep" and c.lower_ == "of" and any(  # "parts of the district"
                    g.dep_ == "pobj" and _concrete(g, words, places) for g in c.children) for c in theme.children))


_TOLD_PREPS = frozenset({"in", "from", "during", "by", "of"})


def _about_told(verb, words: Words):
    """An event noun of the clause that names a happening told before: "Monday's strike", "this attack", in a
    phrase of the verb ("died in Monday's strike") or of its subject ("the toll from Sunday's strike")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ == "VBD" for c in verb.children):
        # "the strikes on Kawlin had killed six people, not four": a figure of the happening told before, given
        # again (a past perfect with a definite event noun as its subject).
        for subj in subjects:
            if {subj.lower_, subj.lemma_.lower()} & words.event_head_nouns and any(
                    c.dep_ == "det" and (c.lower_ == "the" or c.lower_ in words.reference_determiners)
                    for c in subj.children):
                return subj
    holders = [verb] + subjects
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in _TOLD_PREPS:
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or not ({noun.lower_, noun.lemma_.lower()} & (
                        words.event_head_nouns | words.agent_event_nouns)):
                    continue
                if any((c.dep_ == "poss" and any(t.ent_type_ == "DATE" for t in c.subtree))
                       or (c.dep_ == "det" and c.lower_ in words.reference_determiners) for c in noun.children):
                    return noun
    return None


def _figure_of(told, verb, words: Words) -> bool:
    """The happening told before is named in the subject of a figure ("the death toll from Friday's assault rose
    to 11 on Monday"): the clause's date is the figure's, not a new happening's."""
    holder = told.head.head if told.head.dep_ == "prep" else None
    return holder is not None and holder.head.i == verb.i and holder.dep_ in ("nsubj", "nsubjpass") and (
        holder.lemma_.lower() in words.figure_nouns)


def _thing_for(verb, words: Words) -> bool:
    """The infinitive says what a thing named just before it is for, parsed as a clause of the verb ("giving the
    army powers to impose curfews", "launched an offensive to retake the town"); not what people were made to
    do ("forced residents to flee"), nor "went on to capture"."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    head = verb.head
    # (Only where giving or launching the thing happened: a past verb, or a participle that goes on from one;
    # "the prospect of terrorists modifying drones to launch attacks" is read by the words around it.)
    # ("had formed a militia to fight the group": a perfect, the giving or forming done.)
    if not (head.tag_ == "VBD" or (head.tag_ in ("VBG", "VBN") and head.dep_ == "advcl" and head.head.tag_ == "VBD")
            or (head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children))):
        return False
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.pos_ == "NOUN" and obj.right_edge.i == verb.left_edge.i - 1 and not (
        {obj.lower_, obj.lemma_.lower()} & words.people_nouns)


def _counted(noun, words: Words) -> bool:
    """A plural counted by a number above one or a word of quantity: "more than 300 attacks", "dozens of
    attacks", "a series of raids"."""
    if noun.tag_ != "NNS" and noun.lemma_.lower() not in words.quantity_nouns:
        return False
    if noun.lemma_.lower() in words.quantity_nouns:
        return True
    for c in noun.children:
        if c.dep_ == "nummod" and c.lower_ not in ("one", "1"):
            return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
        noun.head.head.lemma_.lower() in words.quantity_nouns or noun.head.head.pos_ == "NUM")


def _tally_or_generic(token, verb, words: Words, sentence: _Sentence, published: date | None,
                      settings: EventnessSettings, family: str | None, places) -> str | None:
    """What the clause tells of many happenings or of none in particular: a tally in the perfect ("has carried
    out dozens of attacks", "have captured dozens of districts", "have been killed this year"), a habit told as
    a state ("are known to abduct"), a kind or a happening told before as the subject of a copula ("such attacks
    are common", "the attack was the deadliest in years") or named by one ("it was the second attack this
    week"), a happening as the subject of a trend ("violence has surged"), what a war has done ("the conflict
    has displaced two million"), a clause on "every" or "any" ("every district lost to the insurgents")."""
    kids = list(verb.children)
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids)
    present_perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in kids)
    if not present_perfect and verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in kids):
        # "has killed thousands and displaced two million": the bare second participle shares the perfect.
        present_perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ")
                              for c in verb.head.children)
    dated = next(_date_phrases(verb), None) is not None
    if not present_perfect and token.pos_ == "NOUN" and _counted(token, words) and _happening(token, words, sentence):
        period = _period(verb, words)
        if period:
            # "carried out more than 300 IED attacks in the first nine months", "80 grenade attacks were recorded
            # over the past twelve months": happenings counted over a period, in any tense, are a tally.
            return f"aggregate: {token.lower_} {period}"[:80]
    if present_perfect:
        period = _period(verb, words)
        if period:
            # "have killed thousands of civilians over the past decade", "we have fled three times in two years":
            # many happenings over a period, or how often, not one happening.
            return f"aggregate: {period}"[:80]
        # (The tally up to now; "some 21 bombs had gone off" tells a past happening of many blasts.)
        counted = None
        if token.pos_ == "NOUN" and _happening(token, words, sentence) and _counted(token, words):
            counted = token
        elif token.i == verb.i and family in _THEMED_FAMILIES:
            theme = next((c for c in kids if c.dep_ == "dobj"), None)
            if theme is not None and theme.lemma_.lower() in words.quantity_nouns:
                theme = next((g for c in theme.children if c.dep_ == "prep" and c.lower_ == "of"
                              for g in c.children if g.dep_ == "pobj"), theme)
            if theme is not None and _counted(theme, words) and _is_place_like(theme, words, places):
                counted = theme
        if counted is not None:
            return f"aggregate: {' '.join(t.lower_ for t in counted.subtree)}"[:80]
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in kids):
            # ("the conflict has killed about 35,000 people and displaced more than two million": the second
            # verb shares the first's subject and its perfect.)
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if token.i == verb.i and subj is not None and subj.lemma_.lower() in words.situation_nouns and not dated:
            # "The conflict has displaced more than two million people": what a war has done, a tally.
            return f"aggregate: the {subj.lower_} has {verb.lower_}"
    past = verb.tag_ == "VBD" or (verb.dep_ == "xcomp" and verb.head.tag_ == "VBD")
    if not perfect and past and published is not None:
        # "MONUSCO, which began withdrawing from South Kivu this year": a past told only by a year, with no
        # day or month of its own, is a course of things, not one happening.
        spans = list(_own_date_spans(verb, published))
        if not spans and verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
            spans = list(_own_date_spans(verb.head, published))
        if spans and all(sp.precision == "year" for sp in spans):
            return f"aggregate: over {spans[0].text}"[:80]
    if perfect:
        if published is not None and family not in _MOVE_FAMILIES:
            spans = list(_own_date_spans(verb, published))
            if spans and all((sp.end - sp.start).days >= 6 for sp in spans):
                # "have been killed in the fighting this year", "since last week": a tally over a period.
                return f"aggregate: a tally over {spans[0].text}"[:80]
        if published is not None and family in _MOVE_FAMILIES:
            phrases = list(_date_phrases(verb))
            spans = list(_own_date_spans(verb, published))
            if spans and len(spans) == len(phrases) and all(
                    getattr(head, "lower_", "") == "since" for head, _ in phrases) and all(
                    (published - sp.start).days >= settings.since_tally_days for sp in spans):
                # "76,000 people have been displaced in the region since mid-July": a tally over the weeks since.
                return f"aggregate: a tally since {spans[0].text}"[:80]
    if verb.dep_ == "xcomp" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and (
            not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids)):
        head = verb.head
        if head.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in head.children):
            return f"generic: {head.lower_} to {verb.lower_}"  # "the militants are known to abduct women"
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.i == verb.i and not dated and (
            verb.i not in sentence.trigger_tokens):
        lemma = verb.lemma_.lower()
        if lemma in ("be", "become", "remain", "seem") and any(c.dep_ in ("acomp", "attr") for c in kids):
            # (With "become" only: a kind that has turned into a habit. "kidnappings and violence are
            # commonplace" describes a region, and WikiEvents' annotators mark it as attacks.)
            habit = next((w for c in kids if c.dep_ in ("acomp", "attr") for w in (c, *c.children)
                          if w.lemma_.lower() in words.habitual_predicates), None) if lemma == "become" else None
            if habit is not None and not _definite(token, words):
                return f"generic: {token.lower_} {verb.lower_} {habit.lower_}"  # "mortar attacks have become routine"
            if _definite(token, words):
                return f"{REFERENCE}: the {token.lower_} {verb.lower_}"  # "the attack was the deadliest in years"
            if any(c.dep_ in ("det", "amod", "predet") and c.lower_ == "such" for c in token.children):
                return f"generic: such {token.lower_}"  # "such attacks are common": a kind, not a happening
        if lemma in words.trend_verbs:
            return f"generic: {token.lower_} {verb.lower_}"  # "violence has surged"
        if lemma in words.progress_verbs and not any(c.dep_ == "prt" for c in kids):
            # "the counteroffensive was going according to plan", "the offensive has stalled": how a campaign is
            # going, not a happening (not "fighting was going on", with its particle).
            return f"generic: the {token.lower_} {verb.lower_}"
    if token.dep_ == "attr" and token.head.lemma_.lower() == "be" and any(
            c.dep_ == "nsubj" and c.pos_ == "PRON" for c in token.head.children):
        return f"{REFERENCE}: it was the {token.lower_}"  # "It was the second attack on the base this week"
    if verb.dep_ in ("acl", "relcl") and verb.i == token.i and any(
            c.dep_ == "det" and c.lower_ in ("every", "any") for c in verb.head.children):
        # (Not "all": "all 300 soldiers who crossed into Tajikistan" are the ones told of.)
        return f"generic: {verb.head.lower_} {verb.lower_}"  # "every district lost to the insurgents"
    return None


def _period(verb, words: Words) -> str | None:
    """The words of a period or of a count of times on the verb: "over the past decade", "in two years", "in
    recent months", "three times", "twice", "repeatedly" (not "in the past 24 hours": a unit of a week or more)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("over", "in", "during", "within", "throughout"):
            for g in c.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in words.period_units and any(
                        m.dep_ == "nummod" or (m.dep_ == "amod" and m.lower_ in words.period_modifiers)
                        for m in g.children):
                    return " ".join(t.lower_ for t in c.subtree)
        if c.dep_ == "npadvmod" and c.lemma_.lower() in words.frequency_words and any(
                m.dep_ in ("nummod", "amod") for m in c.children):
            return " ".join(t.lower_ for t in c.subtree)
        if c.dep_ == "advmod" and c.lower_ in words.frequency_words:
            return c.lower_
    return None


def _since_start(holders, words: Words) -> str | None:
    """A "since" that counts from a happening or its start on one of the verbs: "since the offensive began",
    "since the start of the invasion" (not "since Monday", a date)."""
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return "since " + c.lower_
        if c.dep_ == "prep" and c.lower_ == "since":
            for g in c.children:
                if g.dep_ == "pobj" and (g.lemma_.lower() in words.since_starts or {g.lower_, g.lemma_.lower()} & (
                        words.event_head_nouns | words.agent_event_nouns | words.situation_nouns)):
                    return f"since the {g.lower_}"
                if g.dep_ in ("pcomp", "pobj", "advmod") and (g.lower_ == "then" or (
                        g.pos_ == "NUM" and len(g.text) == 4 and g.text.isdigit())):
                    # "have fled ... since then" (the happening told before), "has been fighting since 2006".
                    return f"since {g.lower_}"
    return None


def _quote_speaker(sentence: _Sentence, words: Words) -> str | None:
    """Who speaks a quotation that this sentence opens and a later sentence of its paragraph closes: the words
    after the verb of saying that follows the closing mark (\"Both sides have rearmed. ...,\" said X, an analyst).
    Read once per sentence (kept in the document's user_data)."""
    doc = sentence.span.doc
    found = doc.user_data.setdefault(_QUOTE_KEY, {})
    if sentence.start in found:
        return found[sentence.start]
    speaker = None
    first = next((doc[i] for i in range(sentence.start, sentence.end) if not doc[i].is_space), None)
    if first is not None and first.text in ('"', "\u201c") and first.tag_ != "''":
        for i in range(first.i + 1, min(len(doc), first.i + 160)):
            t = doc[i]
            if t.is_space and "\n" in t.text:
                break  # a paragraph ends: the quotation is not closed in it
            if t.text in words.quote_closers and t.tag_ == "''":
                if i < sentence.end:
                    break  # closed in its own sentence: its attribution is the sentence's own
                said = next((doc[j] for j in range(i + 1, min(len(doc), i + 6))
                             if doc[j].lemma_.lower() in words.speech_verbs), None)
                if said is not None:
                    end = said.sent.end
                    speaker = " ".join(doc[j].lower_ for j in range(said.i + 1, end) if not doc[j].is_punct)
                break
    found[sentence.start] = speaker
    return speaker


def _happening(tok, words: Words, sentence: _Sentence) -> bool:
    """A noun that names a happening: a trigger word of the sentence, or an event noun of the word lists."""
    return tok.i in sentence.trigger_tokens or bool({tok.lower_, tok.lemma_.lower()} & (
        words.event_head_nouns | words.agent_event_nouns))


def _habitual_subject(token, words: Words) -> str | None:
    """A happening named as the subject of a present-tense clause that says how often it happens ("protests are
    frequently dispersed with tear gas", "clashes between herders are common in the dry season"): a kind of
    happening, not one (not a perfect, "clashes have often erupted", nor a progressive, "are continuing")."""
    if token.dep_ not in ("nsubj", "nsubjpass", "csubj") or token.head.i == token.i:
        return None
    verb = token.head
    kids = list(verb.children)
    if verb.tag_ in ("VBG", "VBD") or any(c.dep_ in ("aux", "auxpass") and (c.lemma_.lower() == "have" or c.tag_ == "VBD")
                                        for c in kids):
        return None
    if not (verb.tag_ in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ") for c in kids)):
        return None
    if any(c.dep_ in ("advmod", "npadvmod") and any(t.lemma_.lower() in words.habitual_words for t in c.subtree)
           for c in kids):
        return f"generic: habitual present ({token.lower_} ... {verb.lower_})"[:80]
    predicate = next((c for c in kids if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words.habitual_predicates),
                     None)
    if predicate is not None:
        return f"generic: {token.lower_} {verb.lower_} {predicate.lower_}"[:80]
    return None


def _negative_subject(verb, words: Words) -> bool:
    """The verb's subject (or, for "was reported detained", the subject of the verb it completes) is
    "nobody", "none", "no one"."""
    for v in (verb, verb.head) if verb.dep_ in ("xcomp", "conj", "oprd") else (verb,):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in words.negative_subjects or (
                    c.lower_ == "one" and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children))):
                return True
    return False


def _share(theme, words: Words) -> bool:
    """A share of a territory: "40 percent of its territory", "a third of the country", "large parts of the
    region" (not "parts of the district" alone, which may be where it happened)."""
    lemma = theme.lemma_.lower()
    if lemma not in words.share_nouns and theme.lower_ not in words.share_nouns:
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in theme.children):
        return False
    if lemma in ("part", "chunk", "much", "most"):
        return any(c.dep_ == "amod" and c.lower_ in words.share_size_words for c in theme.children)
    return True


def _word_reason(token, words: Words, family: str | None, places, sentence: _Sentence | None = None) -> str | None:
    """Event or not from the words alone: headings, names, false friends, figures of speech, people named
    by what they do, things no war takes."""
    sentence = sentence or _Sentence(token.sent, words)
    heading = _heading(token, words, sentence)
    if heading:
        return heading
    if token.lower_ in words.false_friends:
        return f"not an event word: {token.lower_}"
    if (token.ent_type_ in words.name_labels and token.is_title and token.lower_ not in words.instrument_nouns
            and (token.i != sentence.start or token.ent_type_ == "NORP")):
        return f"name: {token.text} ({token.ent_type_})"  # "Lynch" (a person), "Protestant" (a group)
    idiom = _idiom(token, words, sentence)
    if idiom:
        return idiom
    if token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ in ("anti", "counter"):
        return f"modifier: {token.nbor(-2).lower_}-{token.lower_}"  # "an anti-drone gun"
    if token.lower_ == "anti" and token.dep_ in ("amod", "compound", "nmod") and token.i + 2 < len(token.doc) and (
            token.nbor(1).text == "-"):
        return f"modifier: anti-{token.nbor(2).lower_}"  # "anti-tank ditches", the trigger read from "anti"
    if token.pos_ == "ADJ" and token.dep_ == "amod" and token.lower_ in words.instrument_nouns and (
            token.head.lower_ not in words.event_head_nouns):
        return f"modifier: {token.lower_} {token.head.lower_}"
    if token.tag_ == "JJ" and token.dep_ == "amod" and family == "clash" and (
            token.head.lower_ not in words.event_head_nouns and token.head.lemma_.lower() not in words.event_head_nouns):
        return f"modifier: {token.lower_} {token.head.lower_}"  # "advanced economies"
    agent = token if token.lower_ in words.agent_nouns else (
        token.head if token.dep_ in ("compound", "amod", "nmod") and token.head.lower_ in words.agent_nouns else None)
    if agent is not None:
        first = agent
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        verb = governing_verb(first)
        lemma = verb.lemma_.lower()
        done_to = first.dep_ == "pobj" and first.head.head.lower_ in words.agent_event_nouns
        there = any(c.dep_ == "expl" for c in verb.children)  # "there were four attackers"
        acts = lemma in words.agent_verbs or lemma in words.attack_verbs
        if not done_to and not there and not acts and verb.pos_ in ("VERB", "AUX"):
            return f"person, no act: {agent.lower_} ({lemma})"  # "warned the police about the bomber"
    if token.dep_ == "compound" and token.head.pos_ == "NOUN" and (
            {token.head.lower_, token.head.lemma_.lower()} & (words.unit_nouns | words.people_nouns)) and not (
            {token.head.lower_, token.head.lemma_.lower()} & words.event_head_nouns):
        return f"modifier: {token.lower_} {token.head.lower_}"  # "Russian assault groups", "a strike force"
    if token.dep_ == "amod" and token.tag_ in ("VBN", "JJ") and token.lower_.endswith("ed") and (
            {token.head.lower_, token.head.lemma_.lower()} & words.people_nouns):
        # "some abducted women and girls", "home to 500,000 displaced people", "wounded soldiers": people
        # described by what was done to them (the happening, where the article tells it, is told elsewhere).
        return f"state: {token.lower_} {token.head.lower_}"
    if token.dep_ == "amod" and token.tag_ == "JJ" and token.lower_.endswith("ed") and token.head.pos_ == "NOUN" and not (
            {token.head.lower_, token.head.lemma_.lower()} & (words.event_head_nouns | words.agent_event_nouns)):
        # "large fortified bases", "the besieged town": a participle read as an adjective describes a thing
        # (the happening, where the article tells it, is told by a verb).
        return f"state: {token.lower_} {token.head.lower_}"
    if family in _THEMED_FAMILIES and token.lemma_.lower() not in ("fall", "collapse"):
        if token.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in token.children) and any(
                c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i == token.i + 1
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree) for c in token.children):
            return f"figurative: {token.lower_} on"  # "seized on the remark"
        if token.dep_ == "amod" and token.tag_ in ("VBN", "JJ") and token.head.pos_ in ("NOUN", "PROPN"):
            return f"state: {token.lower_} {token.head.lower_}"  # "in occupied Melitopol", "the captured town"
        theme = _theme(token)
        if theme is not None and not _concrete(theme, words, places):
            return f"figurative: {token.lower_} {theme.lower_}"  # "lost the primaries", "took over obligations"
        if theme is not None and _share(theme, words) and not sentence.dated(words):
            # "has lost control of as much as 40 percent of its territory": a tally, no place it happened at.
            return f"aggregate: {token.lower_} {theme.lower_} of"
    if family in ("clash", "kill") and token.pos_ == "VERB":
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lemma_.lower() in words.non_violent_causes:
            return f"figurative: {token.lower_} {obj.lower_}"  # "attack the virus"
        if obj is not None and any(c.dep_ == "prep" and c.lower_ == "as" and any(
                g.dep_ == "pobj" and g.lemma_.lower() not in words.as_not_figurative
                and any(a.lower_ in ("a", "an") for a in g.children) for g in c.children)
                for c in token.children):
            return f"figurative: {token.lower_} {obj.lower_} as"  # "attacked her opponent as a fraud"
    if family in ("protest", "riot") and token.pos_ == "NOUN":
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in ("at", "during") and head.head.lemma_.lower() in words.speech_verbs:
            return f"setting: {head.head.lower_} {head.lower_} a {token.lower_}"  # "told supporters at a rally"
        if token.dep_ == "dobj" and head.lemma_.lower() in ("tell", "address"):
            return f"setting: {head.lower_} a {token.lower_}"
    return None


def _definite(token, words: Words) -> bool:
    """"the fighting", "this attack": a noun with a definite or demonstrative determiner."""
    return any(c.dep_ == "det" and (c.lower_ == "the" or c.lower_ in words.reference_determiners)
               for c in token.children)


def _indefinite(token) -> bool:
    """"a shooting", "an attack": an event the text tells as new (not "the shooting", "this attack")."""
    return token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)


def _legal(token, words: Words) -> str | None:
    """"charged in the shooting", "pleaded guilty to killing", "arrested for the attack": the event is one
    told before (a court, an inquiry or an arrest is news of its own, the event its background)."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep" or prep.lower_ not in words.legal_preps:
        return None
    legal = prep.head
    if legal.dep_ == "dobj" and legal.pos_ in ("NOUN", "PROPN"):
        legal = legal.head  # "arrested a man for the shooting"
    elif legal.pos_ == "VERB" and prep.lower_ == "for":
        # "face two counts of battery for shooting the bar", "brought charges for the attack": the verb's
        # object is the court's word.
        legal = next((c for c in legal.children if c.dep_ == "dobj" and (
            c.lemma_.lower() in words.legal_words or c.lower_ in words.legal_words)), legal)
    lemma = legal.lemma_.lower()
    if legal.lower_ == "charge" and legal.head.lower_ == "in":
        return None  # "in charge of the attacks" is no court
    if _indefinite(token):
        return None  # "police are investigating a shooting that left two dead": news, told here first
    if lemma in words.arrest_words or legal.lower_ in words.arrest_words:
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in token.children)
        if not (prep.lower_ == "for" or (prep.lower_ == "in" and definite)):
            return None  # "arrested in clashes with the police": the clashes happened then
    elif not (lemma in words.legal_words or legal.lower_ in words.legal_words):
        return None
    return f"{REFERENCE}: {legal.lower_} {prep.lower_}"


def _names_place(sentence: _Sentence, places: tuple[tuple[int, int], ...], words: Words) -> bool:
    """Whether the sentence names a place of its own: a place found in it (or a place name spaCy marks, or a
    proper name after "in", "at") that the article has not named before, and not only as a landmark or an end
    of a way (``passing_place_preps``: "near the bridge", "the road into Goma from South Kivu"). A retelling
    ("The capture cut the last road into Goma", "one of the strikes destroyed a clinic") names none; "The airstrike
    hit a hospital in Kandahar" after a killing in Kabul tells another happening. (Which happening an earlier
    sentence told is not seen here: a place named before stands for that happening's place.)"""
    doc = sentence.span.doc
    before = doc_text(doc)[:sentence.start_char]
    end = sentence.start_char + len(sentence.text)
    found = [t for t in (doc[i] for i in range(sentence.start, sentence.end)) if any(
        s <= t.idx < e for s, e in places if sentence.start_char <= s < end) or t.ent_type_ in ("GPE", "LOC", "FAC")
        or (t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in ("in", "at"))]
    for t in found:
        if t.pos_ != "PROPN" and t.ent_type_ not in ("GPE", "LOC", "FAC"):
            continue  # ("the bridge": a word of a name, not the name)
        if t.text in before:
            continue
        head = t
        while head.dep_ in ("compound", "amod", "det", "conj", "appos") and head.head.i != head.i:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in words.passing_place_preps:
            continue
        return True
    return False


def clause_reason(token, *, published: date | None = None, settings: EventnessSettings | None = None,
                  source: str | None = None, has_date: bool = False, family: str | None = None,
                  places: tuple[tuple[int, int], ...] = (), sentence: _Sentence | None = None) -> str:
    """``asserted`` or the reason a trigger's clause tells no event (see the module's docstring).
    ``sentence``: the token's sentence as ``_Sentence`` where the caller has it (clause_reasons)."""
    settings = settings or EventnessSettings()
    words = load_words()
    sentence = sentence or _Sentence(token.sent, words)
    if sentence.question:
        return "question"
    word = _word_reason(token, words, family, places, sentence)
    if word:
        return word
    verb = governing_verb(token)
    # A noun trigger with "no" ("no clashes were reported") or a verb with a negation.
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return NEGATED
    if token.i == verb.i and _negative_subject(verb, words):
        return NEGATED  # "nobody was reported detained", "none of them were hurt"
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without" and family not in _THEMED_FAMILIES + ("flee", "retreat"):
        return NEGATED  # "walked into the town without firing a shot" (a control word: no denial of the sentence)
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in words.negating_preps:
        return NEGATED  # "talks ended without agreement", "entered the town without a fight"
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        news = token.head.head  # "there was no word on casualties", "no reports of clashes"
        if news.lemma_.lower() in words.no_news_nouns and any(c.dep_ == "det" and c.lower_ == "no"
                                                              for c in news.children):
            return NEGATED
    if token.pos_ in ("NOUN", "PROPN"):
        # "Demonstrations for democracy in July 1990", "after the peace deal signed in November 2022": a
        # happening with a date of its own, long before (history, not a happening told before).
        old = _phrase_long_before(token, published.year if published else reference_year(token.doc), settings,
                                  published)
        if old:
            return old
    if (token.pos_ == "NOUN" or token.tag_ == "VBG") and token.dep_ in ("pobj", "pcomp") and (
            token.head.lower_ in ("during", "in", "amid")) and token.head.head.pos_ == "NOUN" and (
            _happening(token.head.head, words, sentence)):
        # "after the death of the leader in May 2021 during fighting with ISWAP": a happening told as the time
        # of another happening, long before, is as old as that one.
        old = _phrase_long_before(token.head.head, published.year if published else reference_year(token.doc),
                                  settings, published)
        if old:
            return f"{old} (the {token.head.head.lower_} it is {token.head.lower_})"
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.lower_ in words.reference_preps and any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in token.children):
        return f"{REFERENCE}: {token.head.lower_} {token.lower_}"  # "after the arrests": an event told before
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and _definite(token, words) and not any(
            t.ent_type_ in ("DATE", "TIME") for t in token.subtree):
        prep = token.head
        if prep.lower_ in words.topic_preps or (
                prep.lower_ == "of" and prep.head.lemma_.lower() in words.position_nouns):
            # "concerned about the fighting", "south of the fighting": the happening
            # is named as a topic or a landmark (told before), not told.
            where = f"{prep.head.lower_} " if prep.lower_ == "of" else ""
            return f"{LANDMARK}: {where}{prep.lower_} the {token.lower_}"
    if (token.pos_ == "NOUN" or token.tag_ == "VBG") and token.dep_ in ("pobj", "pcomp") and (
            token.head.lower_ in ("of", "about")) and (
            token.head.head.lemma_.lower() in words.speech_verbs) and not any(
            t.ent_type_ in ("DATE", "TIME") for t in token.head.head.subtree):
        # "told of violence on the road", "spoke about the attacks": what a speaker talked about, with no day.
        return f"topic: {token.head.head.lower_} {token.head.lower_} {token.lower_}"
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ == "of" and (
            token.head.head.pos_ == "ADJ") and token.head.head.dep_ not in ("nsubj", "nsubjpass", "ROOT") and not any(
            t.ent_type_ in ("DATE", "TIME") for t in token.subtree):
        # "the army was short of recruits", "was the deepest of a summer counteroffensive": a noun in the "of"
        # phrase of a predicate adjective describes a state or makes a comparison; it tells no happening (not
        # "the most violent of the shootings happened at 1 AM", one of the happenings as the subject).
        return f"state: {token.head.head.lower_} {token.head.lower_} {token.lower_}"
    state, host = None, None
    if token.dep_ == "amod" and token.tag_ in ("VBN", "VBD", "JJ") and token.head.pos_ in ("NOUN", "PROPN"):
        state, host = token, token.head  # "burnt" of "burnt shops"
    elif token.pos_ in ("NOUN", "PROPN"):  # "burnt shops" as one trigger
        state = next((c for c in token.children if c.dep_ == "amod" and c.tag_ in ("VBN", "VBD")), None)
        host = token
    if state is not None and host.dep_ in ("dobj", "pobj"):
        holder = host.head.head if host.dep_ == "pobj" else host.head
        if holder.lemma_.lower() in words.aftermath_verbs:
            # "residents described burnt shops", "videos showed destroyed houses": what is left, described.
            return f"description: {holder.lower_} {state.lower_} {host.lower_}"
    if token.dep_ == "prep" and token.head.i == verb.i and verb.lemma_.lower() in words.plan_governors and (
            verb.i not in sentence.trigger_tokens) and any(c.dep_ == "dobj" for c in verb.children):
        # "urged supporters onto the streets": where someone is asked to go is not yet a happening.
        return f"plan: {verb.lower_} ... {token.lower_}"
    if token.dep_ == "oprd" and token.head.lemma_.lower() in words.naming_verbs and any(
            c.dep_ == "dobj" and _definite(c, words) for c in token.head.children):
        # 'called the detention "an abduction"': the name a speaker gives a happening named in the clause is
        # that happening, not another.
        return f"{REFERENCE}: {token.head.lower_} it {token.lower_}"
    if token.pos_ in ("NOUN", "PROPN"):
        # "this cowardly attack", "Saturday's attack", "condemned the bombing": an event told before.
        if any((c.dep_ == "det" and c.lower_ in words.reference_determiners) or (c.dep_ == "poss"
               and any(t.ent_type_ == "DATE" for t in c.subtree)) for c in token.children):
            return f"{REFERENCE}: " + " ".join(c.lower_ for c in token.children if c.dep_ in ("det", "poss"))
        head = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ in ("dobj", "pobj") and head.lemma_.lower() in words.reaction_verbs and not _indefinite(token):
            return f"{REFERENCE}: {head.lower_}"
        if {token.lower_, token.lemma_.lower()} & words.campaign_nouns:
            named = token.head if token.dep_ == "compound" else token  # "Operation Dawn"
            if named.dep_ in ("oprd", "npadvmod", "dobj") and named.head.lemma_.lower() in words.naming_verbs:
                return f"name: {named.head.lower_} it {token.text}"  # "naming it Operation 1027"
            start = token.head if token.dep_ in ("dobj", "nsubj", "nsubjpass") else None
            if start is not None and start.lemma_.lower() in words.start_verbs and not any(
                    t.ent_type_ in ("GPE", "LOC", "FAC") or any(s <= t.idx < e for s, e in places)
                    or (t.dep_ == "pobj" and t.ent_type_ not in ("DATE", "TIME")
                        and t.head.lower_ in words.target_preps)
                    for c in (*start.children, *token.children) if c.dep_ not in ("nsubj", "nsubjpass", "advcl")
                    for t in c.subtree):
                # "launched the offensive on October 27", "the campaign began in May": the start of a campaign with
                # neither a place nor a target of its own; its happenings are what an analyst codes (not "launched
                # an offensive on rebel positions").
                return f"aggregate: the start of a campaign ({start.lower_} the {token.lower_})"
        if token.dep_ == "oprd" and head.lemma_.lower() in words.naming_verbs and head.dep_ in (
                "ccomp", "dobj", "xcomp", "pcomp") and head.head.lemma_.lower() in words.reaction_verbs:
            # "condemned what she called a deliberate attack": the name a speaker gives, in what a reaction is
            # about, is the happening told elsewhere.
            return f"{REFERENCE}: {head.head.lower_} what was {head.lower_}"
        if token.dep_ in ("dobj", "pobj") and _definite(token, words) and verb.i != token.i and (
                verb.i not in sentence.trigger_tokens) and verb.lemma_.lower() not in words.support_verbs and any(
                i != verb.i and token.doc[i].pos_ == "VERB" for i in sentence.trigger_tokens) and not (
                {token.lower_, token.lemma_.lower()} & (words.agent_nouns | words.people_nouns)) and not any(
                t.ent_type_ in ("DATE", "TIME") for t in token.subtree):
            # "was detained while he was covering the protests", "activists who had helped organise the
            # protests": a happening named as what another act was about (a topic), beside a verb that tells this
            # sentence's own happening (not "the night he committed the attack", the happening's own verb).
            return f"topic: {verb.lower_} the {token.lower_}"
        unrealised = [c for c in token.children if c.dep_ in ("compound", "amod")
                      and (c.lower_ in words.unrealised_modifiers or c.lemma_.lower() in words.unrealised_modifiers)]
        if unrealised:
            return f"plan: {unrealised[0].lower_}"  # "a planned attack", "planning attacks", "a foiled bombing"
        if token.dep_ == "dobj" and head.lemma_.lower() in words.plan_governors | {"plan", "prepare", "plot"} and not any(
                c.dep_ == "prt" for c in head.children):  # "setting off an explosion" happened
            return f"plan: {head.lower_}"  # "planning attacks", "prepared an offensive"
        # (Not a plural, which English does not put before a noun: "rioters loot shops", a headline's verb
        # taken for a noun.)
        if token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN") and (
                token.tag_ != "NNS" or token.i > token.head.i) and (
                token.lower_ in words.instrument_nouns or family in ("protest", "riot")) and (
                token.head.lemma_.lower() not in words.event_head_nouns and token.head.lower_ not in words.event_head_nouns):
            return f"modifier: {token.lower_} {token.head.lower_}"  # "drone warfare", "protest movement"
        if token.lower_ in words.instrument_nouns and token.dep_ not in ("compound", "amod"):
            # "drones", "rockets", "bombs": a weapon is an event only where the clause uses it.
            verb = governing_verb(token)
            if verb.lemma_.lower() not in words.attack_verbs:
                return f"not an attack: {token.lower_} ({verb.lemma_.lower()})"
    rel = verb
    for _ in range(2):  # "a shooting that left four men injured": "injured" hangs from "left"
        if rel.dep_ in ("oprd", "xcomp", "ccomp", "conj") and rel.head.pos_ in ("VERB", "AUX"):
            rel = rel.head
    if rel.dep_ in ("relcl", "acl") and rel.head.pos_ in ("NOUN", "PROPN") and (
            (legal := _legal(rel.head, words)) or any(
            c.dep_ == "det" and c.lower_ in words.reference_determiners for c in rel.head.children)
            and rel.head.lower_ not in words.people_nouns and rel.head.lemma_.lower() not in words.people_nouns):
        # "charged in a shooting that left one dead": the relative clause tells the event referred to.
        return legal or f"{REFERENCE}: {rel.head.lower_} that"
    if verb.dep_ == "relcl" and verb.i == token.i and any(
            c.dep_ == "det" and c.lower_ in words.reference_determiners for c in verb.head.children):
        # "these soldiers, who died in the blast": a relative clause on people of an event told before.
        return f"{REFERENCE}: " + " ".join(c.lower_ for c in verb.head.children if c.dep_ == "det") + f" {verb.head.lower_}"
    legal = _legal(token, words)
    if legal:
        return legal
    if token.pos_ in ("NOUN", "PROPN"):
        # "a bid to capture" is the verb's clause; "plans for an offensive": the noun hangs from a plan noun.
        head = token.head
        if token.dep_ == "pobj" and head.head.lemma_.lower() in words.plan_nouns and head.lower_ in ("for", "of"):
            return f"plan: {head.head.lower_}"
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
        head = token.head
        expected = head.lemma_.lower() in words.expectation_verbs or any(
            c.dep_ == "acomp" and c.lemma_.lower() in words.plan_adjectives for c in head.children)
        if expected and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                            for h in (head, *head.children) for c in h.children):
            # "its withdrawal is due to be completed", "the handover is expected to take place": not yet done.
            return f"plan: {token.lower_} {head.lower_} ... to"
    if family in words.state_perfect_families and token.i == verb.i and any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children) and (
            next(_date_phrases(verb), None) is None):
        # "soldiers have been deployed in the capital": forces that are there, a state, not a happening.
        return f"state: have {verb.lower_}"
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("for", "of") and (
            verb.head.head.lemma_.lower() in words.plan_nouns):
        # "had no intention of taking the capital", "the aim of capturing the port": what is meant, not done.
        plan = verb.head.head
        if any(c.dep_ == "det" and c.lower_ == "no" for c in plan.children):
            return NEGATED
        return f"plan: {plan.lower_} {verb.head.lower_}"
    # Walk up from the clause's verb: its own auxiliaries, marks and how it hangs from the clause above.
    v = verb
    # Whether every step up so far was to the verb whose complement the clause is ("will have to choose between
    # withdrawing and ...", "would be forced to retreat"): that verb's modal is the clause's.
    complement = True
    purpose = None
    said_by = False  # a step up went from a clause to the verb of speech that says it
    for depth in range(4):
        kids = list(v.children)
        if any(c.dep_ == "neg" for c in kids) and depth == 0:
            return NEGATED
        anyone = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass") and any(
            d.dep_ == "det" and d.lower_ in words.hypothetical_determiners for d in c.children)), None)
        if anyone is None and v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN") and any(
                d.dep_ == "det" and d.lower_ in words.hypothetical_determiners for d in v.head.children):
            anyone = v.head  # "any soldier caught looting", "any region that lets its land be used for attacks"
        if anyone is not None and not any(a.lemma_.lower() in words.denial_verbs or any(
                c.dep_ == "neg" for c in a.children) for a in (v, *v.ancestors)):
            # "any soldier caught looting would be punished": no particular happening (not "denied that any
            # guards had been killed", where "any" is the denial's: a claim on the happening).
            return f"generic: any {anyone.lower_}"
        for c in kids:
            if c.dep_ == "aux" and c.lower_ in words.modal_aux and (depth == 0 or verb.dep_ == "conj" or complement):
                return f"modal: {c.lower_}" + ("" if depth == 0 else f" {v.lower_}")
            if c.dep_ == "mark" and c.lower_ in words.conditional_marks:
                return f"conditional: {c.lower_}"
        if depth == 0:
            first = v
            while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("VERB", "AUX"):
                first = first.head  # "powers to impose curfews, ban gatherings and detain suspects"
            if first.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children) and (
                    family not in CROWD_FAMILIES) and _thing_for(first, words):
                # "launched an offensive to retake the town", "giving the army powers to detain suspects": what a
                # thing is for, not what was done (a clause dated long before is background first).
                purpose = f"unrealised: to {first.lower_}"
        if v.tag_ in ("VB", "VBN") and depth == 0 and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
            head = v.head
            if v.dep_ in ("acl", "relcl") and head.lemma_.lower() in words.plan_nouns:
                return f"plan: {head.lower_}"  # "a bid to capture", "plans to retake"
            if v.dep_ in ("acl", "relcl") and v.tag_ == "VB" and (head.pos_ == "PRON" or any(
                    c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in kids)):
                return f"unrealised: {head.lower_} to {v.lower_}"  # "nothing to fight with", "guns to fight with"
            if v.dep_ == "xcomp" and head.lemma_.lower() == "be":
                return f"plan: {head.lower_} to"  # "the troops are to be withdrawn", "is to take over"
        if depth == 0 and v.i == token.i and v.tag_ == "VBG" and v.dep_ == "acl" and v.head.dep_ in ("dobj", "pobj") and (
                {v.head.lower_, v.head.lemma_.lower(), v.head.lower_.rstrip("s")} & words.people_nouns):
            # (People only: not "launched strikes killing two", nor a parse that hangs "thus taking control of
            # the area" from the posts overrun.)
            # "struck a column of fighters fleeing towards the town", "shelled families fleeing the city": who
            # the event was done to, described (the event is the clause's verb).
            return f"description: {v.head.lower_} {v.lower_}"
        if depth == 0 and v.i == token.i and v.dep_ == "relcl" and family in _MOVE_FAMILIES and (
                v.head.pos_ in ("PRON", "DET") or v.head.tag_ == "DT") and not _dated_recently(v, published, settings):
            # "some of those who fled earlier told of violence": people described by what they did.
            return f"description: {v.head.lower_} who {v.lower_}"
        if depth == 0 and v.i == token.i and v.dep_ == "relcl" and family in _MOVE_FAMILIES and (
                v.head.dep_ in ("dobj", "pobj") and {v.head.lower_, v.head.lemma_.lower()} & words.kin_nouns) and (
                governing_verb(v.head).i not in sentence.trigger_tokens) and not _dated_recently(v, published, settings):
            # "had been fishing to feed relatives who had fled the town": kin described by what they did, the
            # object of an act that is no happening (the flight, where the article tells it, is told elsewhere;
            # not "boats carrying 1,300 people who escaped the attack", the people the article tells of).
            return f"description: {v.head.lower_} who {v.lower_}"
        if depth == 0 and v.dep_ in ("relcl", "acl") and v.tag_ in ("VBD", "VBN") and (
                v.head.pos_ in ("NOUN", "PROPN") and v.head.dep_ in ("nsubj", "dobj")
                and v.head.head.lemma_.lower() in words.speech_verbs) and not _dated_recently(v, published, settings):
            # "residents who fled the town say ...", "said a teacher who fled the town on foot": who speaks,
            # not what happened (the happening, where the article tells it, is told elsewhere).
            return f"description: {v.head.lower_} who {v.lower_}"
        if v.dep_ == "ccomp" and v.head.lemma_.lower() in words.denial_verbs and not said_by:
            return NEGATED  # "denied that the town had fallen": a claim on the event it denies
        if v.dep_ in ("acl", "relcl", "ccomp") and v.head.dep_ == "dobj" and (
                v.head.head.lemma_.lower() in words.denial_verbs) and not said_by:
            return NEGATED  # "denied reports that a deal had been offered", "dismissed claims that it had used ..."
        if v.dep_ == "xcomp" and v.tag_ == "VBG" and v.head.lemma_.lower() in words.denial_verbs and not said_by:
            return NEGATED  # "denied kidnapping the councillor", "denied carrying out the bombing"
        if v.dep_ == "csubj" and v.tag_ == "VBG" and v.head.lemma_.lower() == "be":
            return f"generic: {v.lower_} as a subject"  # "Capturing drones with nets is one option"
        for c in kids:
            if c.dep_ == "prep" and c.lower_ == "for" and any(
                    g.dep_ == "pobj" and g.tag_ == "NNS" and g.lemma_.lower() in words.duration_units
                    and not any(n.dep_ == "nummod" for n in g.children) for g in c.children):
                return "generic: for years"  # "For years, she was known for aiding protesters"
        # ('urged residents on Friday to "evacuate"': the parse may hang the infinitive of an appeal to someone
        # as an adverbial clause.)
        appeal = v.dep_ == "advcl" and v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and (
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)) and any(
            c.dep_ == "dobj" for c in v.head.children)
        if v.dep_ == "xcomp" or (v.dep_ == "ccomp" and v.tag_ == "VB") or appeal:
            head = v.head
            lemma = head.lemma_.lower()
            if lemma in words.plan_governors:
                if lemma == "go" and head.tag_ != "VBG":
                    pass  # "went on to capture": it happened
                elif lemma in ("set", "poise", "expect") and head.tag_ != "VBN":
                    pass
                else:
                    return f"plan: {head.lower_}"
            if head.pos_ in ("ADJ",) and (head.lemma_.lower() in words.plan_adjectives
                                           or head.lower_ in words.plan_adjectives):
                return f"plan: {head.lower_}"  # "likely to fall", "prepared to accept losses to take it"
        if v.dep_ == "ccomp" and v.head.lemma_.lower() in words.speech_verbs and v.head.tag_ in ("VBP", "VBZ") and (
                habit := next((c for c in v.head.children if c.dep_ == "advmod"
                               and c.lemma_.lower() in words.habitual_words), None)):
            # "It regularly announces that dozens of fighters have been killed in operations": what a source
            # says again and again, no particular happening.
            return f"generic: {habit.lower_} {v.head.lower_}"
        if v.dep_ == "ccomp" and v.head.lemma_.lower() in words.opinion_governors and any(
                c.dep_ == "nsubj" for c in v.head.children):
            return f"opinion: {v.head.lower_}"
        if v.dep_ == "conj" and depth == 0:
            # "could advance and capture": the conjoined verb shares the first verb's auxiliaries.
            for c in v.head.children:
                if c.dep_ == "aux" and c.lower_ in words.modal_aux:
                    return f"modal: {c.lower_}"
        if v.dep_ == "advcl" and v.tag_ == "VBD" and any(c.dep_ == "mark" and c.lower_ in ("after", "because")
                                                          for c in kids):
            break  # "expected to survive after someone shot him": a past clause after "after" happened
        if v.dep_ not in _CLAUSE_UP or v.head.i == v.i:
            break
        # (Not "what may have motivated a gunman to shoot": a verb with an object of its own is about that
        # object, and its modal is not the complement's.)
        # A purpose ("will launch a counter-offensive to retake the towns") is unrealised where the verb it is
        # the purpose of is: a verb with an object passes its modal on unless it is a perfect ("may have
        # motivated a gunman to shoot": the shooting happened).
        purpose_of = v.dep_ == "advcl" and v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        complement = complement and (v.dep_ in ("xcomp", "pcomp") or purpose_of) and (not any(
            c.dep_ == "dobj" for c in v.head.children) or not any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" for c in v.head.children))
        infinitive_on_noun = v.dep_ in ("acl", "relcl") and v.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        if v.dep_ == "ccomp" and v.head.lemma_.lower() in words.speech_verbs - words.denial_verbs:
            # "denied that any officers had been killed and said the attackers had fled": the clause another
            # verb of speech governs is what that verb says; a denial above it does not reach it.
            said_by = True
        v = v.head
        if v.pos_ == "ADP" and v.dep_ == "prep" and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head  # "choose between withdrawing and ...": the clause the preposition's phrase is part of
        if infinitive_on_noun and v.pos_ in ("NOUN", "PROPN") and governing_verb(v).i != v.i:
            # "was prepared to accept enormous losses to take the town": the infinitive on a noun is read with
            # the clause the noun is part of (a plan there is the infinitive's).
            v = governing_verb(v)
    # "If the government ratifies the offer to investigate the attack, ...": a condition anywhere above.
    for anc in token.ancestors:
        if not sentence.conditional and sentence.start <= anc.left_edge.i and anc.right_edge.i < sentence.end:
            continue  # no word of condition in the sentence, which holds all the words under this one
        mark = next((c for c in anc.children if c.dep_ == "mark" and c.lower_ in words.conditional_marks), None)
        if mark is not None:
            return f"conditional: {mark.lower_}"
    year = published.year if published else reference_year(token.doc)
    bg = _background(verb, year, settings, words, published)
    dependent = verb
    for _ in range(3):
        # "seized Bama in 2014, ... before the army drove the group out": the dependent clause shares the date
        # (where it gives none of its own: "the town, which they took on Monday, first fell in 2015"), up a
        # chain of them ("seized power on 1 February 2021, ousting the government and crushing the protests").
        # (A date of its own that resolves to no day, "a month later", is counted from the clause it goes on
        # from: "sent troops in July 2021, and they retook the town a month later".)
        if bg is not None or dependent.dep_ not in ("conj", "advcl", "relcl") or dependent.head.i == dependent.i or (
                published is not None and next(_own_date_spans(dependent, published), None) is not None):
            break
        dependent = governing_verb(dependent.head) if dependent.dep_ == "relcl" else dependent.head
        bg = _background(dependent, year, settings, words, published)
    if bg is None and published is not None and next(_date_phrases(verb), None) is None:
        # "withdrew its staff and declared force majeure in April": a date after the last of coordinated verbs
        # dates them all.
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and conj.i > verb.i:
                bg = _dated_long_before(conj, published, settings)
                for rel in (g for c in conj.children if c.dep_ == "dobj" for g in c.children if not bg and (
                        g.dep_ == "relcl" and g.tag_ in ("VBP", "VBZ"))):
                    # "declared a state they call X in October 2017": a past date the parse hangs on a present
                    # relative clause at the end of the sentence is the coordinated verb's.
                    bg = _dated_long_before(rel, published, settings)
                if bg:
                    break
    if bg is None and published is not None:
        bg = _background_before(verb, year, settings, words, published)
    if bg is None and next(_date_phrases(verb), None) is None:
        # "Demonstrations in July 1990 were crushed by the police", "protests called in 2023 left dozens dead":
        # a clause with no date of its own is dated by its subject, a happening with a date of its own.
        for subj in verb.children:
            if subj.dep_ in ("nsubj", "nsubjpass") and _happening(subj, words, sentence):
                bg = _phrase_long_before(subj, year, settings, published)
                if bg:
                    return f"{bg} (its subject)"
            if subj.dep_ in ("nsubj", "nsubjpass"):
                # "most of the soldiers killed in the province between 2001 and 2014 died in Helmand": a subject
                # told by a happening long before (a participle of its own, dated) tells of that time.
                for part in (t for t in subj.subtree if t.dep_ == "acl" and t.tag_ == "VBN"
                             and t.i in sentence.trigger_tokens):
                    bg = _background(part, year, settings, words, published)
                    if bg:
                        return f"{bg} (its subject)"
    if bg:
        return bg
    if purpose:
        return purpose
    lemma = token.lower_
    if lemma in words.intransitive_capture_words or token.lemma_.lower() in ("fall", "collapse"):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ == "amod" and not _is_place_like(token.head, words, places):
            return f"figurative: {token.lower_} {token.head.lower_}"  # "collapsed ceasefire"
        if subj and not _is_place_like(subj[0], words, places):
            return f"figurative: {subj[0].lower_} {token.lower_}"
    if token.i == verb.i and verb.tag_ == "VBN" and verb.dep_ in ("acl", "conj") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        holder = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "dobj" else verb.head
        if holder.lemma_.lower() in words.aftermath_verbs and holder.tag_ != "VBN":
            # "residents describe a city emptied of its people and plundered by fighters": what is left,
            # described (a participle on what the verb describes, or one the parse hangs on the verb).
            return f"description: {holder.lower_} {verb.lower_}"
    if token.lower_ in words.enter_object_required and token.pos_ == "VERB":
        obj = [c for c in token.children if c.dep_ == "dobj"]
        if obj and not _is_place_like(obj[0], words, places):
            return f"not a capture: entered {obj[0].lower_}"  # "entered his shop"
    if token.lemma_.lower() in ("die", "dead", "death"):
        # "died of the disease", "deaths from cholera": no violence.
        for c in list(token.children) + list(verb.children):
            if c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in words.wound_nouns for g in c.children):
                # "a woman died of her wounds in hospital": a later death from a happening told before.
                return f"{REFERENCE}: died {c.lower_} wounds"
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                if {t.lemma_.lower() for t in c.subtree} & words.non_violent_causes:
                    return "not violence: died of " + " ".join(t.lower_ for t in c.subtree if t.i != c.i)[:40]
                # "died of natural causes", "died of different causes"
                if any(g.dep_ == "pobj" and g.lemma_.lower() == "cause" for g in c.children):
                    return "not violence: died of " + " ".join(t.lower_ for t in c.subtree if t.i != c.i)[:40]
        for c in token.subtree:  # "deaths in the hospital caused by bacteria"
            if c.dep_ == "acl" and c.lemma_.lower() == "cause" and (
                    {t.lemma_.lower() for t in c.subtree} & words.non_violent_causes):
                return "not violence: deaths caused by " + " ".join(t.lower_ for t in c.subtree if t.i != c.i)[:40]
    if token.dep_ == "dobj" and token.head.lemma_.lower() in words.denial_verbs:
        return NEGATED  # "sources deny the capture of the district"
    if family in _MOVE_FAMILIES and token.i == verb.i:
        for c in verb.children:
            if c.dep_ in ("prep", "dobj") and any(
                    t.lower_ in words.non_violent_causes or t.lemma_.lower() in words.non_violent_causes
                    for t in c.subtree):
                # "were evacuated from the flooded towns", "fled the floods": a move from no violence.
                return "not violence: " + " ".join(t.lower_ for t in (verb, *c.subtree))[:60]
    kids = list(verb.children)
    if (settings.generic_present and verb.tag_ in ("VBN", "VBD") and not has_date
            and any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in kids)
            and any(c.dep_ == "advmod" and c.lemma_.lower() in words.habitual_words for c in kids)):
        return "generic: habitual perfect"  # "the militia has always relied on ambushes"
    if settings.generic_present and verb.tag_ in ("VBN", "VBD") and any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in kids):
        for c in kids:
            # "has struck Kharkiv almost every day since the spring", "have in the past released": the perfect
            # of a habit or of a time with no day (the time phrase's own words: not a date of the clause).
            if c.dep_ == "npadvmod" and any(t.lemma_.lower() in words.habitual_words for t in c.subtree):
                return f"generic: habitual perfect ({' '.join(t.lower_ for t in c.subtree)})"[:80]
            if c.dep_ == "prep" and c.lower_ in ("in", "over") and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in words.indefinite_time_nouns
                    and not any(a.ent_type_ == "DATE" for a in g.subtree) for g in c.children):
                return f"generic: {' '.join(t.lower_ for t in c.subtree)}"[:80]
    habit = _habitual_subject(token, words)
    if settings.generic_present and habit and (
            # a habitual word with a date of the clause's own ("were dispersed on Friday") tells a happening;
            # a habitual predicate ("are common in the dry season") does not, whatever time it gives
            "habitual present" not in habit or next(_date_phrases(token.head), None) is None):
        return habit
    finite_present = verb.tag_ in ("VBP", "VBZ") or (verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in kids)) or (
        # "here they stand and fight": the second verb shares the first's present tense.
        verb.tag_ == "VB" and verb.dep_ == "conj" and verb.head.tag_ in ("VBP", "VBZ")
        and not any(c.dep_ in ("aux", "auxpass") for c in kids))
    if settings.generic_present and finite_present and verb.pos_ == "VERB":
        perfect_or_progressive = any(c.dep_ in ("aux", "auxpass") for c in kids)
        if not perfect_or_progressive:
            habitual = any(t.lemma_.lower() in words.habitual_words for c in kids for t in c.subtree
                           if c.dep_ in ("advmod", "npadvmod", "prep"))
            subj = [c for c in kids if c.dep_ == "nsubj"]
            bare_plural = bool(subj) and subj[0].tag_ == "NNS" and not any(
                c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in subj[0].children)
            if (habitual or bare_plural) and not has_date:
                return "generic: habitual present"
            if habitual and next(_date_phrases(verb), None) is None:
                # "..., so reports of air strikes often take days to reach the outside world": a present with a
                # habitual word and no date of its own (the sentence's date is another clause's).
                return "generic: habitual present"
            # Only where the sentence tells nothing in the past and names no date: a present tense beside a
            # past one is more often a parse that took a noun for a verb ("Afghan forces airstrikes").
            if settings.present_simple_generic and not has_date and not sentence.dated(words) and not sentence.past(words):
                return "generic: present simple"  # "a regime that rules by violence", "weapons inflict casualties"
    if (settings.present_simple_generic and verb.dep_ == "xcomp"
            and verb.head.lemma_.lower() in words.habitual_governors and verb.head.tag_ in ("VBP", "VBZ")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.head.children)):
        return f"generic: {verb.head.lower_} to"  # "insurgents who continue to ambush convoys"
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in words.generic_subjects and not has_date and not any(
            t.tag_ == "VBD" for t in [verb, *kids]):
        return f"generic: {subj.lower_}"  # "you walk down the street and you get shot"
    if source and not has_date and set(source.lower().replace("-", " ").split()) & words.opinion_sources:
        return f"opinion: {source}"
    if not source and not has_date and sentence.low[:1] in ('"', "\u201c"):
        later = _quote_speaker(sentence, words)
        if later and set(re.findall(r"[a-z]+", later)) & words.opinion_sources:
            # "\"Both sides have used the truce to rearm. ...,\" said X, an analyst": a quotation whose speaker,
            # named after it closes in a later sentence, is an analyst (no date given).
            return f"opinion: {later}"[:80]
    tally = _tally_or_generic(token, verb, words, sentence, published, settings, family, places)
    if tally:
        return tally
    for holder in (verb, verb.head) if verb.dep_ == "advcl" else (verb,):
        figure = next((c for c in holder.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
                       and c.lemma_.lower() in words.figure_nouns and c.i != token.i and any(
                           g.dep_ in ("det", "poss", "compound") and g.lower_ not in ("a", "an")
                           for g in c.children)), None)
        if figure is not None:
            # "raised the toll to five after a woman died", "the number of dead rose to 12": a figure of a
            # happening told before, given again.
            return f"{REFERENCE}: {holder.lower_} the {figure.lower_}"
    if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NOUN" and _definite(token, words) and (
            token.head.i not in sentence.trigger_tokens) and any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in token.head.children) and (
            next(_date_phrases(token.head), None) is None):
        # "the fighting has cut roads across the region": what a happening told before has done since.
        return f"{REFERENCE}: the {token.lower_} has {token.head.lower_}"
    if token.dep_ == "nsubj" and token.pos_ == "NOUN" and token.head.i == verb.i and verb.tag_ == "VBD" and (
            verb.pos_ == "VERB") and verb.i not in sentence.trigger_tokens and sentence.start > 0 and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
            c.dep_ in ("prep", "amod", "compound", "acl", "relcl") for c in token.children) and any(
            c.dep_ == "dobj" for c in verb.children) and next(_date_phrases(verb), None) is None and (
            not _names_place(sentence, places, words)):
        # "The capture cut the last road into the city": what the happening told before did to something, with no
        # day of its own ("the" with nothing that tells which: the one the article has told; not "the shooting
        # happened at ...", which tells the happening).
        return f"{REFERENCE}: the {token.lower_} {verb.lower_}"
    if token.dep_ == "pobj" and token.pos_ == "NOUN" and token.head.dep_ == "agent" and _definite(token, words) and (
            token.head.head.i not in sentence.trigger_tokens) and next(_date_phrases(token.head.head), None) is None:
        # "the roads out are closed by the fighting": what a happening told before has done, told in the passive.
        return f"{REFERENCE}: {token.head.head.lower_} by the {token.lower_}"
    partitive = [token] if token.pos_ == "NOUN" else [
        g for c in verb.children if token.i == verb.i and c.dep_ in ("nsubj", "nsubjpass")
        and c.lower_ in words.partitive_heads for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children if g.dep_ == "pobj"]
    for n in partitive:
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in words.partitive_heads and (
                n.tag_ == "NNS") and _definite(n, words) and _happening(n, words, sentence) and (
                not _names_place(sentence, places, words)):
            # "one of the strikes destroyed a clinic": one of the happenings told before.
            return f"{REFERENCE}: {n.head.head.lower_} of the {n.lower_}"
    # (Coordinated verbs share the phrase: "22 people had been killed and more than 300 wounded across the
    # country".)
    holders = [verb, *(c for c in kids if c.dep_ == "conj"), *((verb.head,) if verb.dep_ == "conj" else ())]
    wide = [*holders, *((token,) if token.pos_ == "NOUN" else ())]  # "set off protests across the country"
    # ("had died in two days of unrest across the country": the period the verb is counted over may hold it.)
    periods = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "over", "during")
               for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in words.period_units | {"day"}]
    wide += periods + [n for g in periods for c in g.children if c.dep_ == "prep" and c.lower_ == "of"
                       for n in c.children if n.dep_ == "pobj"]  # ("two days of protests across the country")
    for c in (c for h in wide for c in h.children):
        if c.dep_ == "prep" and c.lower_ in ("across", "throughout") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in words.wide_area_nouns for g in c.children):
            # "22 people had been killed across the country": a tally of many places.
            return f"aggregate: {c.lower_} the {next(g for g in c.children if g.dep_ == 'pobj').lower_}"
    # (A gapped second clause hangs its participle on its subject: "280 have been killed and 140,000 people
    # displaced since the fighting began": the participle, or a bare one coordinated with it, shares the first
    # verb's perfect.)
    gapped = [g for c in kids if c.dep_ == "conj" for g in c.children if g.dep_ == "acl" and g.tag_ == "VBN"]
    sharer = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "conj" else (
        verb.head if verb.dep_ == "conj" else None)
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids) or (
        sharer is not None and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in kids) and any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" for c in sharer.children))
    if next(_date_phrases(verb), None) is None:
        for c in (c for h in wide for c in h.children if c.dep_ == "prep"):
            spread = next((g for g in c.children if g.dep_ == "pobj" and (
                (perfect and g.tag_ == "NNS" and g.lemma_.lower() in words.admin_unit_nouns | words.wide_area_nouns)
                or (g.lemma_.lower() in words.front_nouns and not any(  # (not "fled in the direction of X")
                    p.dep_ == "prep" and p.lower_ == "of" for p in g.children)))), None)
            if spread is not None:
                # "about 600,000 people have been displaced in the north-west and south-west regions", "its troops
                # repelled attacks in the southern direction": a perfect with no date of its own over several units,
                # or any clause with none over a front, is a tally or a summary of a side's fighting, not one
                # happening.
                return f"aggregate: {c.lower_} the {spread.lower_}"
    if perfect and (
            since := _since_start([*holders, *gapped, *(c for c in kids if c.dep_ == "xcomp")], words)):
        # "have been killed since the protests began", "50,000 people had been displaced since the offensive
        # began", "have detained hundreds since the start of the invasion", "talks have made little progress
        # since they began": a tally or a state over the time since a happening began, not one happening.
        return f"aggregate: a tally {since}"[:80]
    if family == "kill" and sentence.families == {"kill"} and not has_date and not places and (
            sentence.start > 0) and next(_date_phrases(verb), None) is None:
        # "The nurse said the hospital had treated 23 wounded", "13 insurgents had been killed": a sentence that
        # tells only a toll, with neither place nor date, later in the article, is a figure of a happening told
        # before (the first telling where none was).
        return f"{REFERENCE}: a figure with neither place nor date"
    told, clause = _about_told(verb, words), verb
    if told is None and verb.dep_ in ("advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        told, clause = _about_told(verb.head, words), verb.head  # "..., after a woman pulled out died"
    if told is not None and told.i != token.i and (_figure_of(told, clause, words) or not any(
            phrase.i != told.head.i and phrase.lower_ != "by" for phrase, _ in _date_phrases(clause))):
        # "six people had died in Monday's strike", "the toll from Sunday's strike rose to three dead": a figure
        # of the happening told before (a claim on it).
        return f"{REFERENCE}: {told.head.lower_} {' '.join(t.text for t in told.subtree)}"[:80]
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.lower_ in words.agent_nouns and (
            family not in CROWD_FAMILIES) and _definite(token, words) and token.head.i == verb.i and (
            verb.i not in sentence.trigger_tokens) and next(_date_phrases(verb), None) is None:
        # "The attackers arrived on foot shortly after dawn": the doers of a happening told before, with no day
        # of its own (the article's first telling where nothing was told).
        return f"{REFERENCE}: the {token.lower_} {verb.lower_}"
    if (token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.lemma_.lower() in words.reference_subject_verbs
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and any(c.dep_ in ("prep", "advmod", "npadvmod", "advcl", "acomp", "attr") for c in token.head.children)):
        # "The recapture came a day after ...", "the attack followed weeks of fighting": the happening told
        # before (the article's first telling of it where nothing was).
        return f"{REFERENCE}: the {token.lower_} {token.head.lemma_.lower()}"
    return ASSERTED


def clause_reasons(spans: dict[int, object], *, published: date | None = None,
                   settings: EventnessSettings | None = None, source: str | None = None,
                   has_date: bool = False, families: dict[int, str] | None = None,
                   places: list[tuple[int, int]] | None = None,
                   sentence: tuple[int, str] | None = None,
                   dates: list[DateMention] | None = None) -> dict[int, str]:
    """The reason for each trigger (keyed by the trigger's start offset), from its tokens. ``sentence``: the
    start offset and the text of the sentence that holds the triggers, where the caller has them; ``dates``:
    the date mentions found in it (offsets in the document), reused rather than parsed again."""
    out = {}
    if dates and spans:
        found = next(iter(spans.values())).doc.user_data.setdefault(_DATES_KEY, {})
        found.update({(m.start, m.end): m for m in dates if m.span is not None and not m.anaphoric})
    families = families or {}
    known = tuple(places or ())
    words = load_words()
    given = sentence
    sentences: dict[tuple[int, int], _Sentence] = {}  # the triggers of one sentence share its readings
    roots = {start: span.root for start, span in spans.items()}  # (spaCy works a span's root out on each access)
    for start, root in roots.items():
        sent = root.sent
        sentence = sentences.get((sent.start, sent.end))
        if sentence is None:
            text = None
            if given is not None and sent.start_char == given[0] and sent.end_char == given[0] + len(given[1]):
                text = given[1]
            sentence = sentences[(sent.start, sent.end)] = _Sentence(sent, words, text)
            sentence.trigger_tokens = frozenset(r.i for r in roots.values() if sent.start <= r.i < sent.end)
            sentence.families = frozenset(families.get(k, "") for k, r in roots.items()
                                          if sent.start <= r.i < sent.end)
        out[start] = clause_reason(root, published=published, settings=settings, source=source,
                                   has_date=has_date, family=families.get(start), places=known, sentence=sentence)
    return _shared_with_verb(spans, out)


# What a trigger verb's own words say it is not (no clause reading): a noun in its "in"/"during" phrase ("retook
# large parts of the region in a lightning offensive") is the same happening, and is not one either.
_WORD_LEVEL = ("aggregate", "description")
_MANNER_PREPS = frozenset({"in", "during", "with", "through"})


def _shared_with_verb(spans: dict[int, object], reasons: dict[int, str]) -> dict[int, str]:
    roots = {span.root.i: start for start, span in spans.items()}
    for start, span in spans.items():
        tok = span.root
        if reasons.get(start) != ASSERTED or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
            continue
        prep = tok.head
        if prep.dep_ != "prep" or prep.lower_ not in _MANNER_PREPS or prep.head.i not in roots:
            continue
        verb_reason = reasons.get(roots[prep.head.i], ASSERTED)
        if verb_reason.startswith(_WORD_LEVEL):
            reasons[start] = f"{verb_reason} (the {tok.lower_} {prep.lower_} which it was done)"
    for start, span in spans.items():
        # "Mortar attacks ... have become routine", "Abductions for ransom have become common": a trigger word
        # that only modifies another's noun ("mortar") or hangs from it ("for ransom") is that happening, and
        # its clause's reason is the noun's.
        tok = span.root
        if reasons.get(start) != ASSERTED:
            continue
        host = tok.head if tok.dep_ in ("compound", "amod", "prep") else (
            tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None)
        if host is None or host.i == tok.i or host.i not in roots or host.pos_ != "NOUN":
            continue
        noun_reason = reasons.get(roots[host.i], ASSERTED)
        if noun_reason.startswith(("generic", "aggregate")):
            reasons[start] = f"{noun_reason} (of the {host.lower_})"
    return reasons

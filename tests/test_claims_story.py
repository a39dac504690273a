"""Who says so, where an article's story goes on through claims rather than events: a statement many sentences
after the event, where every sentence between is a claim on it; a statement whose only event words name no
event here ("the drones had flown over the station"); what a picture shows; a statement that adds to what was
told ("had also been damaged"); a doubt or denial that names the place of an event told long before; a
definite thing told before that does the act ("the jets were believed to have targeted ..."); "the assault on
the base" told again after another event. Also read from the parse: a denial of the speaker's own act on a
thing told before (who did it, not whether it happened), a speaker's own doubt joined by "but" to what it
says, a news agency whose name the parse makes a clause, an outlet named by both objects of "told", and
pronouns that can never stand for a source (a woman for "he", one person for "they", an outlet for "she").

Every sentence here is ILLUSTRATIVE: written for these tests in the way conflict news is written (no real
report is quoted; places are only settings, people and outlets are invented).
"""

from __future__ import annotations

import functools

from conftest import relations
from contested.attribution import resolve_pronoun
from contested.pipeline import extract_text
from contested.records import Attribution


def carried_by(events, cue_words: str) -> list[str]:
    """The types of the events that carry a claim of the sentence holding ``cue_words``."""
    return [ev.type for ev in events for c in ev.claims if cue_words in c.sentence]


def claim_at(events, cue_words: str):
    return next(c for ev in events for c in ev.claims if cue_words in c.sentence)


# ---------------------------------------------------------------- the parse: stance, about, source, chain


def test_a_denial_of_the_speakers_own_act_on_a_thing_told_is_about_who_did_it(nlp):
    (rel,) = relations(nlp, "The rebel front denied planting the mine.")
    assert (rel.stance, rel.about) == ("denies", "perpetrator")
    rels = relations(nlp, "A Kelvari army spokesman, Colonel Tomas Ardo, denied that Kelvari troops had shelled "
                          "the clinic and blamed the rebels for the blast.")
    assert [(r.stance, r.about) for r in rels] == [("denies", "perpetrator"), ("asserts", "perpetrator")]
    (rel,) = relations(nlp, "The militia denied carrying out the attack.")
    assert rel.about == "perpetrator"


def test_a_denial_that_its_own_side_did_it_is_about_who_did_it_even_with_no_one_else_blamed(nlp):
    # As an analyst codes it (ACLED, newsrooms): a side that denies its own fighters did an act disputes who did
    # it; whether it happened is for the others who tell it.
    (rel,) = relations(nlp, "The militia denied that its fighters had attacked the convoy.")
    assert (rel.stance, rel.about) == ("denies", "perpetrator")
    (rel,) = relations(nlp, "The Velorian-backed council of the occupied district denied that Velorian forces had "
                            "bombed the depot in Harnik.")
    assert (rel.stance, rel.about) == ("denies", "perpetrator")
    # Its own account of its own act is a stance on who did it too; a count of those it killed is not.
    (rel,) = relations(nlp, "The defence ministry said its forces had struck a rebel depot near Harnik.")
    assert (rel.stance, rel.about) == ("asserts", "perpetrator")
    (rel,) = relations(nlp, "The defence ministry said its forces had killed 40 rebels near Harnik.")
    assert (rel.stance, rel.about) == ("asserts", "event")
    (rel,) = relations(nlp, "The defence ministry said its forces will strike the depot.")
    assert rel.about == "event"


def test_pipeline_a_denial_of_its_own_part_that_names_a_place_is_on_the_event_there():
    text = ("A rocket hit a grain store in the town of Izium on Monday, killing three workers, the mayor said.\n\n"
            "Earlier, shells struck a school in the town of Kupiansk, killing two children, police said.\n\n"
            "The Velorian-backed council denied that Velorian forces had struck the grain store in Izium.")
    events = extract_text(text, published="2024-05-20", source="Example Wire")
    on = [ev for ev in events for c in ev.claims if c.cue == "denied"]
    assert len(on) == 1 and on[0].location is not None and on[0].location.text == "Izium"
    denial = next(c for c in on[0].claims if c.cue == "denied")
    assert (denial.stance, denial.about) == ("denies", "perpetrator")
    assert "perpetrator_denied" in on[0].flags and "denied" not in on[0].flags


def test_a_denial_of_an_act_on_nothing_told_or_of_no_act_stays_on_the_event(nlp):
    (rel,) = relations(nlp, "The ministry denied targeting residential areas.")
    assert (rel.stance, rel.about) == ("denies", "event")
    (rel,) = relations(nlp, "The army denied that its troops had withdrawn from the town.")
    assert rel.about == "event"  # a withdrawal is no act done to others: it denies the event
    (rel,) = relations(nlp, "The army denied that rebel fighters had shelled the clinic.")
    assert rel.about == "event"  # another side named as the doer: no denial of its own part


def test_a_speakers_own_doubt_joined_by_but_is_the_speakers(nlp):
    (rel,) = relations(nlp, "The Red Crescent office in Marvo said it was aware of reports of civilian casualties "
                            "in Dolan but could not confirm the number of dead.")
    assert (rel.attributed_to, rel.stance, rel.about, rel.hedged) == (
        "Red Crescent office in Marvo", "doubts", "figure", True)


def test_the_outlets_own_passive_doubt_after_but_stays_the_outlets(nlp):
    rels = relations(nlp, "Officials said 12 people were killed, but the figure could not be verified.")
    said = next(r for r in rels if r.cue == "said")
    assert said.stance == "asserts"


def test_a_news_agency_whose_name_the_parse_makes_a_clause_is_the_intermediary(nlp):
    text = "The state news agency SANA, quoting a police source, said gunmen had attacked a checkpoint near Kunduz."
    (rel,) = relations(nlp, text)
    assert rel.attributed_to == "police source"
    assert [link["name"] for link in rel.chain if link["link"] == "intermediary"] == ["state news agency SANA"]
    assert text[rel.content_span[0]: rel.content_span[1]] == "gunmen had attacked a checkpoint near Kunduz"


def test_an_outlet_named_by_both_objects_of_told_is_one_intermediary(nlp):
    (rel,) = relations(nlp, "A council official told the Kelvar Today website that more than 20 shells had "
                            "landed in the market.")
    assert [link["name"] for link in rel.chain if link["link"] == "intermediary"] == ["Kelvar Today website"]


# ---------------------------------------------------------------- pronouns


def _source(name: str, kind: str, plural: bool = False) -> Attribution:
    return Attribution(attributed_to=name, text=None, stance="asserts", hedged=False, source_kind=kind,
                       chain=[{"name": name, "link": "speaker", "kind": kind, "plural": plural}])


def _pronoun(word: str) -> Attribution:
    return Attribution(attributed_to=word, text=f"{word} said", stance="asserts", hedged=False,
                       source_kind="pronoun", chain=[{"name": word, "link": "speaker", "kind": "pronoun"}])


def test_he_is_never_a_source_named_as_a_woman_nor_an_organisation():
    mother = _source("Lena Orso, the mother of the boy", "person")
    assert resolve_pronoun(_pronoun("he"), [mother]).attributed_to is None
    assert resolve_pronoun(_pronoun("she"), [mother]).attributed_to == "Lena Orso, the mother of the boy"
    outlet = _source("Marvo Dispatch", "outlet")
    assert resolve_pronoun(_pronoun("he"), [outlet]).attributed_to is None
    man = _source("the man", "unnamed")
    assert resolve_pronoun(_pronoun("she"), [man]).attributed_to is None


def test_they_is_never_one_person_but_may_be_a_family():
    official = _source("Deputy Prosecutor Ivo Brant", "unnamed")
    assert resolve_pronoun(_pronoun("they"), [official]).attributed_to is None
    family = _source("Orso's family", "unnamed")
    assert resolve_pronoun(_pronoun("they"), [official, family]).attributed_to == "Orso's family"
    residents = _source("two residents", "unnamed", plural=True)
    assert resolve_pronoun(_pronoun("they"), [residents, official]).attributed_to == "two residents"


# ---------------------------------------------------------------- the pipeline: claims on the story told


@functools.cache
def told(text: str, published: str):
    """The events of a story told in several tests, extracted once."""
    return extract_text(text, published=published)


STORY = (
    "Rebel forces shelled a crowded market in the town of Dolan on Tuesday, killing at least six civilians, "
    "according to a statement on the website of the Dolan health office.\n\n"
    "Ivo Marek, a spokesman for the Dolan governorate, told the Marvo Post that mortar rounds had landed "
    "among the stalls. \"There were no soldiers near that market,\" he said.\n\n"
    "A nurse at the district hospital told the Marvo Post that the hospital had received nine bodies.\n\n"
    "A rebel spokesman, Anton Belic, denied that rebel forces had fired on the market and blamed government "
    "troops for the blast.\n\n"
    "Shopkeepers told a local radio station that a second shell had hit a school near the market. Video "
    "posted online appeared to show bodies lying among overturned carts. The footage could not be "
    "independently verified.\n"
)


def test_a_statement_after_sentences_of_claims_is_a_claim_on_the_event_told():
    events = told(STORY, "2022-03-09")
    assert carried_by(events, "Shopkeepers told") == ["shelling"]
    c = claim_at(events, "Shopkeepers told")
    assert c.attributed_to == "Shopkeepers"
    assert [link["name"] for link in c.chain if link["link"] == "intermediary"] == ["local radio station"]


def test_what_a_picture_shows_and_its_doubt_go_on_the_event_just_told():
    events = told(STORY, "2022-03-09")
    assert carried_by(events, "appeared to show") == ["shelling"]
    c = claim_at(events, "could not be independently verified")
    assert (c.attributed_to, c.stance, c.hedged) == (None, "doubts", True)
    assert carried_by(events, "could not be independently verified") == ["shelling"]


def test_the_denial_of_the_speakers_own_part_flags_who_did_it():
    events = told(STORY, "2022-03-09")
    c = claim_at(events, "denied that rebel forces")
    assert (c.stance, c.about) == ("denies", "perpetrator")


DRONES = (
    "Rebels attacked the police station in the town of Belo with explosives dropped from drones on Monday, "
    "wounding four officers, the police said in a statement.\n\n"
    "Major Ilya Roth, the police commander in the province, told Radio Belo that at least three drones had flown "
    "over the station and that one of the charges had fallen on a neighbouring house.\n\n"
    "The rebel command denied responsibility for the attack.\n\n"
    "The Belo Courier, citing its correspondent Nina Vale, reported that a girl had been killed by the blast. "
    "The police denied that any civilian had died.\n\n"
    "A senior officer, who spoke on condition of anonymity, said the drones appeared to have been launched "
    "from a hillside near the town.\n"
)


def test_event_words_that_name_no_event_leave_a_statement_on_the_event_told():
    events = told(DRONES, "2023-05-10")
    assert carried_by(events, "told Radio Belo") == ["air_strike"]


def test_a_denial_that_anyone_died_goes_on_the_event_after_a_chain_of_claims():
    events = told(DRONES, "2023-05-10")
    c = claim_at(events, "The police denied that any civilian")
    assert (c.attributed_to, c.stance, c.about) == ("The police", "denies", "figure")
    assert carried_by(events, "The police denied that any civilian") == ["air_strike"]


def test_the_drones_named_again_are_the_air_strikes():
    events = told(DRONES, "2023-05-10")
    assert carried_by(events, "the drones appeared") == ["air_strike"]


def test_a_statement_that_adds_to_what_was_told_is_a_claim_on_it():
    text = ("Government forces shelled the village of Kaso on Tuesday evening, killing two farmers, activists said. "
            "Local sources in Kaso said a field clinic had also been damaged.\n")
    events = extract_text(text, published="2022-10-26")
    assert carried_by(events, "had also been damaged") == ["shelling"]


def test_a_doubt_that_names_the_place_of_an_event_told_long_before_is_on_it():
    text = ("Jets struck a poultry farm on the outskirts of Taloqan on Tuesday, killing five workers, the civil "
            "defence said.\n\n"
            "In the west, rebels shelled the city of Kunduz, wounding three people. A spokesman for the rebels "
            "denied any role in the shelling. Army officials blamed the rebels. The army said it had returned fire.\n\n"
            "A United Nations spokesperson said the organisation was aware of reports of civilian deaths in Taloqan "
            "but could not confirm the figures.\n")
    events = extract_text(text, published="2022-10-26")
    c = claim_at(events, "United Nations spokesperson")
    assert (c.stance, c.about) == ("doubts", "figure")
    assert carried_by(events, "United Nations spokesperson") == ["air_strike"]
    assert not any(ev.type == "killing" for ev in events)


def test_the_jets_told_before_doing_the_act_is_a_claim_on_the_air_strike():
    text = ("Coalition jets struck a rebel position in the Kaso district on Monday night, a television channel "
            "said. A military official in Kaso, speaking on condition of anonymity, said the jets were believed "
            "to have targeted a drone workshop.\n")
    events = extract_text(text, published="2021-11-17")
    assert set(carried_by(events, "were believed to have targeted")) == {"air_strike"}


def test_a_named_voice_the_outlet_doubts_in_the_same_sentence_is_a_claim_too():
    text = ("Rebels reportedly seized the airport in Kunduz on Tuesday. Video posted online appeared to show rebel "
            "fighters inside the terminal, but it could not be verified.\n")
    events = extract_text(text, published="2021-07-10")
    cues = {(c.cue, c.attributed_to, c.stance) for ev in events for c in ev.claims if "Video posted" in c.sentence}
    assert ("show", "Video", "asserts") in cues and ("could not be verified", None, "doubts") in cues


def test_what_an_attack_leaves_named_right_after_it_is_a_claim_on_it():
    text = ("A car bomb exploded outside a bank in Kunduz on Monday, killing nine people, police said. "
            "\"I saw bodies everywhere,\" said Nadia Ferro, a shopkeeper.\n")
    events = extract_text(text, published="2021-07-10")
    assert carried_by(events, "I saw bodies everywhere") == ["explosive_device"]


def test_a_denied_fall_after_an_attack_on_the_same_place_is_a_claim_on_the_attack():
    text = ("Insurgents attacked the district centre of Kunduz on Wednesday, police said. Local officials said the "
            "insurgents had not captured the district centre and that security forces were in control.\n")
    events = extract_text(text, published="2021-07-10")
    c = claim_at(events, "Local officials said")
    assert (c.attributed_to, c.stance) == ("Local officials", "denies")
    assert carried_by(events, "Local officials said") == ["armed_clash"]


def test_a_speaker_who_says_its_own_fighters_were_not_there_denies_its_part(nlp):
    (rel,) = relations(nlp, "The brigade said its fighters were not in the area.")
    assert (rel.stance, rel.about) == ("denies", "perpetrator")
    (rel,) = relations(nlp, "The brigade said its fighters were not terrorists.")
    assert rel.stance == "asserts"
    (rel,) = relations(nlp, "The brigade said its fighters will not attack the town.")
    assert rel.stance == "asserts"


def test_a_group_that_claims_an_attack_and_gives_its_toll_makes_two_claims():
    text = ("Militants stormed a police station in the town of Kunduz on Sunday, the Kunduz Herald reported. "
            "The Northern Front claimed the attack in a post on Telegram and said its fighters had killed 30 "
            "soldiers, a claim the army dismissed as propaganda.\n")
    events = extract_text(text, published="2021-07-10")
    cues = {(c.cue, c.about) for ev in events for c in ev.claims if c.attributed_to == "Northern Front"}
    assert cues == {("claimed", "perpetrator"), ("said", "event")}


def test_a_doubt_of_a_figure_goes_on_the_event_told_with_that_figure_not_at_the_outlets_town():
    text = ("Rebels attacked an army base near Kunduz before dawn on Tuesday, military officials said.\n\n"
            "An army spokesman told reporters that troops had repelled the assault and killed 47 militants.\n\n"
            "The rebels claimed that their fighters had overrun the base. The defence ministry denied it.\n\n"
            "A village elder questioned the army's figure of 47 militants killed, telling the Taloqan Voice that "
            "he had seen only a handful of bodies.\n")
    events = extract_text(text, published="2023-08-30")
    c = claim_at(events, "questioned the army's figure")
    assert (c.stance, c.about) == ("doubts", "figure")
    carrying = [ev for ev in events if any("questioned the army's figure" in x.sentence for x in ev.claims)]
    # On the event whose figure it doubts (the spokesman's), not a new one at the outlet's town.
    assert carrying and all(any(x.cue == "told" for x in ev.claims) for ev in carrying)


def test_a_count_of_the_wounded_goes_on_the_attack_not_on_the_retreat_told_just_before():
    text = ("Rebels attacked an army base near Kunduz before dawn on Tuesday, setting off hours of fighting, military "
            "officials said.\n\n"
            "Two residents told a local radio station that soldiers had abandoned a smaller outpost east of the base "
            "during the night.\n\n"
            "A medical officer at the regional hospital, speaking on condition of anonymity, said the hospital had "
            "treated 23 wounded soldiers, more than the army had acknowledged.\n")
    events = extract_text(text, published="2023-08-30")
    carrying = carried_by(events, "A medical officer")
    assert carrying and "retreat" not in carrying
    assert claim_at(events, "A medical officer").attributed_to == "medical officer at the regional hospital"

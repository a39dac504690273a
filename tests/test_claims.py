"""Claims on events told: what a denial is about (the event or who was harmed), statements with no event word
in the discourse that goes on from an event, noun cues ("the ministry's claim that"), a speaker's own body
named again ("the organisation").

Every sentence here is ILLUSTRATIVE: written for these tests in the way conflict news is written (no real
report is quoted; places are only settings, people and outlets are invented).
"""

from __future__ import annotations

import pytest

from contested.attribution import content_refers, find_attribution, find_relations
from contested.nlp import load_nlp
from contested.pipeline import extract_text


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def relations(nlp, text: str):
    return find_relations(next(iter(nlp(text).sents)))


def claims_of(events):
    return [(c.attributed_to, c.stance, c.about, c.cue) for ev in events for c in ev.claims]


# ---------------------------------------------------------------- what a denial is about


def test_a_denial_of_who_was_harmed_is_about_the_figure(nlp):
    (rel,) = relations(nlp, "The army denied that any civilians had been killed.")
    assert (rel.stance, rel.about) == ("denies", "figure")
    assert [(f["text"], f["stance"], f["by"]) for f in rel.figure_stances] == [("any civilians", "denies", "The army")]
    (rel,) = relations(nlp, "The ministry denied that its strikes had killed civilians.")
    assert rel.about == "figure"
    (rel,) = relations(nlp, "The police denied that anyone had died in custody.")
    assert rel.about == "figure"


def test_a_denial_of_what_was_done_is_about_the_event(nlp):
    (rel,) = relations(nlp, "The army denied that its aircraft had struck the market.")
    assert (rel.stance, rel.about, rel.figure_stances) == ("denies", "event", [])
    # Harm that is asserted, not denied, is no figure stance.
    (rel,) = relations(nlp, "The governor said that two civilians had been killed.")
    assert (rel.stance, rel.about, rel.figure_stances) == ("asserts", "event", [])


def test_pipeline_a_lone_denial_of_the_victims_flags_the_figure_not_the_event():
    text = ("Militants attacked a checkpoint in Kunduz on Monday, killing four civilians, the governor said.\n\n"
            "The Taliban denied that any civilians had been killed.")
    events = extract_text(text, published="2021-07-10", source="Example Wire")
    ev = next(ev for ev in events if any(c.attributed_to == "the governor" for c in ev.claims))
    denial = next(c for c in ev.claims if c.stance == "denies")
    assert (denial.attributed_to, denial.about) == ("The Taliban", "figure")
    assert "figure_denied" in ev.flags and "denied" not in ev.flags


def test_pipeline_a_denial_of_involvement_beside_a_claim_is_no_denial_of_the_event():
    text = ("Gunmen attacked a police post in Kunduz on Monday, killing three officers, the governor said.\n\n"
            "The Taliban said in a statement that its fighters had captured a checkpoint in Baghlan and denied "
            "any involvement.")
    events = extract_text(text, published="2021-07-10", source="Example Wire")
    kunduz = [ev for ev in events if any(c.attributed_to == "the governor" for c in ev.claims)]
    assert kunduz
    assert "denied" not in kunduz[0].flags
    assert not any(c.stance == "denies" for c in kunduz[0].claims)


def test_pipeline_a_denial_of_the_accusation_beside_a_claim_denies_the_event_told():
    text = ("Gunmen attacked a police post in Kunduz on Monday, killing three officers, the governor said.\n\n"
            "The Taliban said in a statement that its fighters had captured a checkpoint in Baghlan and denied "
            "the accusation.")
    events = extract_text(text, published="2021-07-10", source="Example Wire")
    kunduz = [ev for ev in events if any(c.attributed_to == "the governor" for c in ev.claims)]
    assert kunduz
    assert ("The Taliban", "denies", "event") in [(c.attributed_to, c.stance, c.about) for c in kunduz[0].claims]
    assert "denied" in kunduz[0].flags


# ---------------------------------------------------------------- a speaker's own body named again


def test_the_organisation_of_the_speaker_is_the_speaker(nlp):
    rels = relations(nlp, "A United Nations official said the organisation could not confirm the number of dead.")
    assert [(r.attributed_to, r.stance, r.about) for r in rels] == [("United Nations official", "doubts", "figure")]
    # A named body inside another's words stays a source of its own.
    rels = relations(nlp, "A United Nations official said the Red Cross could not confirm the number of dead.")
    assert any(r.attributed_to == "Red Cross" for r in rels)
    # What belongs to the speaker is another body: "its forces" is not the ministry.
    rels = relations(nlp, "The defence ministry said its forces could not confirm the number of dead.")
    assert ("defence ministry", "asserts") in [(r.attributed_to, r.stance) for r in rels]
    # With no organisation behind the outer speaker, "the group" is another speaker.
    rels = relations(nlp, "Residents said the group had denied the report.")
    assert any(r.attributed_to == "the group" for r in rels)


def test_a_cue_in_the_narrators_tense_beside_reported_words_is_the_speakers(nlp):
    # "had hit" is reported speech, "denied" the narrator's past: the ministry denies, not "its forces".
    rels = relations(nlp, "The ministry said its forces had hit a command post and denied targeting homes.")
    assert [(r.attributed_to, r.cue, r.stance) for r in rels] == [
        ("The ministry", "said", "asserts"), ("The ministry", "denied", "denies")]
    # A verb of the reported words with its own subject keeps it.
    rels = relations(nlp, "Officials said the rebels had denied the report.")
    assert ("the rebels", "denies") in [(r.attributed_to, r.stance) for r in rels]


# ---------------------------------------------------------------- noun cues


def test_noun_cues_speak_through_their_owner(nlp):
    rels = relations(nlp, "Kyiv dismissed the defence ministry's claim that a command post had been hit.")
    by = {r.cue: r for r in rels}
    assert (by["dismissed"].attributed_to, by["dismissed"].stance) == ("Kyiv", "denies")
    claim = by["claim"]
    assert (claim.attributed_to, claim.stance) == ("defence ministry", "asserts")
    assert [link["link"] for link in claim.chain] == ["speaker"]  # not heard through the one who dismisses it
    (rel,) = relations(nlp, "The army's denial of the report came hours later.")
    assert (rel.attributed_to, rel.stance, rel.cue) == ("The army", "denies", "denial")


def test_noun_cues_need_an_owner_and_content(nlp):
    assert relations(nlp, "He made the claim that taxes are too high.") == []
    assert relations(nlp, "The claim that he made was false.") == []
    assert relations(nlp, "The statement was read out on television.") == []


def test_reports_that_with_no_owner_hedge(nlp):
    text = "Reports that the town had fallen spread on Tuesday."
    sent = next(iter(nlp(text).sents))
    att = find_attribution(sent, text, None)
    assert att.attributed_to is None and att.hedged and "reports that" in att.hedges
    text = "The ministry's reports that the town had fallen were wrong."
    att = find_attribution(next(iter(nlp(text).sents)), text, None)
    assert "reports that" not in att.hedges


# ---------------------------------------------------------------- statements with no event word


def test_content_refers_reads_the_parse(nlp):
    doc = nlp("The governor confirmed the figure.")
    (rel,) = find_relations(next(iter(doc.sents)))
    ref = content_refers(doc, rel)
    assert ref.report and ref.figure
    doc = nlp("Residents said the fighters had left the village by evening.")
    (rel,) = find_relations(next(iter(doc.sents)))
    ref = content_refers(doc, rel)
    assert not ref.report and {"fighter", "village"} <= ref.nouns and not ref.own_denial
    doc = nlp("The brigade said its fighters were not in the area.")
    (rel,) = find_relations(next(iter(doc.sents)))
    assert content_refers(doc, rel).own_denial
    doc = nlp("Residents said fighters were not seen.")
    (rel,) = find_relations(next(iter(doc.sents)))
    assert not content_refers(doc, rel).own_denial


LEAD = "Fighters attacked a police post in Kunduz on Monday, killing at least 12 officers, the governor said."


def _claims_on_lead(text):
    events = extract_text(text, published="2021-07-10", source="Example Wire")
    lead = [ev for ev in events if any(c.attributed_to == "the governor" for c in ev.claims)]
    assert lead, claims_of(events)
    return lead[0], events


def test_a_confirmation_of_the_figure_is_a_claim_on_the_event():
    ev, _ = _claims_on_lead(LEAD + " The police chief confirmed the figure.")
    assert ("police chief", "asserts") in [(c.attributed_to, c.stance) for c in ev.claims]


def test_a_statement_on_the_participants_goes_on_from_the_event():
    ev, _ = _claims_on_lead(LEAD + " Residents said the fighters had left by evening.")
    assert ("Residents", "asserts") in [(c.attributed_to, c.stance) for c in ev.claims]


def test_an_implied_denial_denies():
    ev, _ = _claims_on_lead(LEAD + " The group said its fighters were not in the area.")
    assert ("The group", "denies") in [(c.attributed_to, c.stance) for c in ev.claims]


def test_a_statement_on_another_matter_is_no_claim():
    for other in (" The minister said the economy was growing.",
                  " Residents said the fighters had left Baghlan by evening.",  # another place
                  "\n\nA week later, officials said schools had reopened.\n\nThe mayor said the budget was ready."):
        _ev, events = _claims_on_lead(LEAD + other)
        speakers = {c.attributed_to for e in events for c in e.claims}
        assert speakers == {"the governor"}, (other, claims_of(events))

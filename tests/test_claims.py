"""Claims on events told: what a denial is about (the event, who was harmed, or who did it), statements with no event word
in the discourse that goes on from an event, noun cues ("the ministry's claim that"), a speaker's own body
named again ("the organisation").

Every sentence here is ILLUSTRATIVE: written for these tests in the way conflict news is written (no real
report is quoted; places are only settings, people and outlets are invented).
"""

from __future__ import annotations

import pytest

from conftest import relations
from contested.attribution import content_refers, find_attribution, find_relations
from contested.pipeline import extract_text


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


def test_a_denial_joined_to_reported_words_with_no_subject_is_the_speakers(nlp):
    # The parse joins "denied" to "targeted" and gives it no subject: the narrator's "denied" (simple past
    # beside the past perfect of reported words) is the speaker's, and what it denies is who was harmed.
    rels = relations(nlp, "In a statement carried by state media, the military said it had targeted a training "
                          "camp near the village and denied that any civilians had been killed.")
    assert [(r.attributed_to, r.cue, r.stance, r.about) for r in rels] == [
        ("the military", "said", "asserts", "event"), ("the military", "denied", "denies", "figure")]


def test_a_denial_of_what_was_done_is_about_the_event(nlp):
    (rel,) = relations(nlp, "The army denied that the market had been struck.")
    assert (rel.stance, rel.about, rel.figure_stances) == ("denies", "event", [])
    # Its own side named as the doer: a denial of its own part, on who did it (no figure either way).
    (rel,) = relations(nlp, "The army denied that its aircraft had struck the market.")
    assert (rel.stance, rel.about, rel.figure_stances) == ("denies", "perpetrator", [])
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


def _attack_told_then_denied(what: str) -> list:
    """The events of the governor's attack, after a statement that claims another place and denies ``what``."""
    text = ("Gunmen attacked a police post in Kunduz on Monday, killing three officers, the governor said.\n\n"
            "The Taliban said in a statement that its fighters had captured a checkpoint in Baghlan and denied "
            f"{what}")
    events = extract_text(text, published="2021-07-10", source="Example Wire")
    return [ev for ev in events if any(c.attributed_to == "the governor" for c in ev.claims)]


def test_pipeline_a_denial_of_involvement_beside_a_claim_is_no_denial_of_the_event():
    kunduz = _attack_told_then_denied("any involvement.")
    assert kunduz
    assert "denied" not in kunduz[0].flags
    # It denies who did it (a claim on the attack told, about the perpetrator), not that it happened.
    assert not any(c.stance == "denies" and c.about != "perpetrator" for c in kunduz[0].claims)
    assert ("The Taliban", "denies", "perpetrator") in [(c.attributed_to, c.stance, c.about) for c in kunduz[0].claims]
    assert "perpetrator_denied" in kunduz[0].flags


def test_pipeline_a_denial_of_the_accusation_beside_a_claim_denies_who_did_the_event_told():
    # An accusation says who did it: the accused who denies it denies its part, on the event told.
    kunduz = _attack_told_then_denied("the accusation.")
    assert kunduz
    assert ("The Taliban", "denies", "perpetrator") in [(c.attributed_to, c.stance, c.about) for c in kunduz[0].claims]
    assert "perpetrator_denied" in kunduz[0].flags and "denied" not in kunduz[0].flags


def test_pipeline_a_denial_of_the_report_beside_a_claim_denies_the_event_told():
    kunduz = _attack_told_then_denied("the report.")
    assert kunduz
    assert ("The Taliban", "denies", "event") in [(c.attributed_to, c.stance, c.about) for c in kunduz[0].claims]
    assert "denied" in kunduz[0].flags


# ---------------------------------------------------------------- who did it: responsibility and involvement


@pytest.mark.parametrize(("text", "speaker", "stance"), [
    ("The Northern Front claimed responsibility for the bombing in a statement.", "Northern Front", "asserts"),
    ("The Sahel Brotherhood claimed the attack in a post on Telegram.", "Sahel Brotherhood", "asserts"),
    ("The group denied any involvement in the attack.", "The group", "denies"),
    ("The group denied any involvement.", "The group", "denies"),
    ("The army blamed the rebels for the massacre.", "The army", "asserts"),
    ("The rebels accused the army of shelling the village.", "The rebels", "asserts"),
    ("The brigade rejected accusations that its fighters killed civilians.", "The brigade", "denies"),
    ("A spokesman for the militia denied the accusation.", "spokesman", "denies"),
])
def test_a_stance_on_who_did_it_is_about_the_perpetrator(nlp, text, speaker, stance):
    rels = [r for r in relations(nlp, text) if r.about == "perpetrator"]
    assert len(rels) == 1, [(r.attributed_to, r.cue, r.about) for r in relations(nlp, text)]
    assert speaker in rels[0].attributed_to and rels[0].stance == stance
    assert rels[0].figure_stances == []


@pytest.mark.parametrize("text", [
    "The army denied that the market had been struck.",  # that it happened
    "The rebels claimed the capture of the town.",  # the capture told, not who did something
    "The ministry rejected the figure as exaggerated.",  # a figure
    "The governor confirmed the attack.",
    "Some members believed that the group had to admit responsibility for the attacks.",  # an obligation: unsaid
])
def test_a_stance_on_the_event_or_figure_is_not_about_the_perpetrator(nlp, text):
    assert not any(r.about == "perpetrator" for r in relations(nlp, text)), text


def test_pipeline_a_claim_of_responsibility_is_a_claim_on_the_event_told():
    text = ("A car bomb exploded near a market in Kunduz on Monday, killing 12 people, the police said.\n\n"
            "The Northern Front claimed responsibility for the bombing. The army blamed the Northern Front for the "
            "attack.")
    events = extract_text(text, published="2021-07-10", source="Example Wire")
    lead = next(ev for ev in events if any(c.attributed_to == "the police" for c in ev.claims))
    got = [(c.attributed_to, c.stance, c.about) for c in lead.claims]
    assert ("Northern Front", "asserts", "perpetrator") in got, got
    assert ("The army", "asserts", "perpetrator") in got, got
    assert not any("denied" in f for f in lead.flags)


def test_pipeline_a_lone_denial_of_involvement_denies_who_did_it_not_the_event():
    text = ("Gunmen killed five villagers in Kunduz on Friday night, a local elder said.\n\n"
            "The Taliban denied any involvement in the killings.")
    events = extract_text(text, published="2021-07-10", source="Example Wire")
    lead = next(ev for ev in events if any(c.attributed_to == "local elder" for c in ev.claims))
    assert ("The Taliban", "denies", "perpetrator") in [(c.attributed_to, c.stance, c.about) for c in lead.claims]
    assert "perpetrator_denied" in lead.flags and "denied" not in lead.flags
    ev = lead.as_json()
    assert any(c["about"] == "perpetrator" for c in ev["claims"])


def test_explain_and_json_show_a_stance_on_who_did_it():
    import json
    from pathlib import Path

    import jsonschema

    from contested.export import explain_text

    text = ("Gunmen killed five villagers in Kunduz on Friday night, a local elder said.\n\n"
            "The Taliban denied any involvement in the killings.")
    events = extract_text(text, published="2021-07-10", source="Example Wire")
    lead = next(ev for ev in events if any(c.about == "perpetrator" for c in ev.claims))
    assert "denies (on who did it)" in explain_text(lead, {c.doc_id: text for c in lead.claims})
    schema_path = Path(__file__).resolve().parents[1] / "../shared/contract/event.schema.json"
    if not schema_path.exists():
        pytest.skip("the contract schema is not here (../shared/contract)")
    jsonschema.validate(lead.as_json(), json.loads(schema_path.read_text(encoding="utf-8")))


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
    for text in ('"They won\'t let me up there," she said.', "The mother said they would not let her in."):
        doc = nlp(text)
        rels = find_relations(next(iter(doc.sents)))
        assert rels and not any(content_refers(doc, r).own_denial for r in rels), text


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
    # Its own people were not there: a denial of its part in it, not that it happened.
    assert ("The group", "denies", "perpetrator") in [(c.attributed_to, c.stance, c.about) for c in ev.claims]


def test_a_statement_on_another_matter_is_no_claim():
    for other in (" The minister said the economy was growing.",
                  # another place ("had left Baghlan" would now tell a withdrawal from Baghlan, an event of its own)
                  " Residents said the fighters had come from Baghlan.",
                  "\n\nA week later, officials said schools had reopened.\n\nThe mayor said the budget was ready."):
        _ev, events = _claims_on_lead(LEAD + other)
        speakers = {c.attributed_to for e in events for c in e.claims}
        assert speakers == {"the governor"}, (other, claims_of(events))

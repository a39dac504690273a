"""Claims the finder found that no event carried after the claim stages are carried to the event their own
words point at (``stages.claims.carry_found``), never to an event elsewhere. The articles are ILLUSTRATIVE,
written for these tests; not real reports."""

from __future__ import annotations

from contested.pipeline import extract_text

_LEAD = ("Insurgents attacked the town of Kunduz on Monday, killing 12 soldiers, the provincial governor said.\n\n"
         "Floods closed the main road to the capital for a third day, officials said.\n\n")


def _claims_of(events, name: str):
    return [(ev, c) for ev in events for c in ev.claims if c.attributed_to and name in c.attributed_to]


def test_a_statement_told_paragraphs_later_goes_on_the_event_at_the_place_its_words_name():
    text = _LEAD + ("A spokesman for the group, Ahmad Karimi, said in a post online that the fighters in Kunduz had "
                    "been ordered to hold their positions.")
    events = extract_text(text, published="2021-07-13", source="Example Wire")
    found = _claims_of(events, "Karimi")
    assert found, [(ev.type, [c.attributed_to for c in ev.claims]) for ev in events]
    assert all(ev.location is not None and ev.location.name == "Kunduz" for ev, _ in found)


def test_a_statement_whose_words_point_at_no_event_stays_off_the_record():
    text = _LEAD + "A teacher, Farid Noori, said the schools of the province would open again in September."
    events = extract_text(text, published="2021-07-13", source="Example Wire")
    assert not _claims_of(events, "Noori")


def test_a_pronoun_after_a_named_voice_of_its_own_sentence_is_that_voice():
    text = ("Insurgents attacked the town of Kunduz on Monday, the provincial governor said.\n\n"
            "Fighters of the group also surrendered to the army in Kunduz, an official said.\n\n"
            "The group's spokesman, Ahmad Karimi, said its fighters had pulled back in good order, and he denied "
            "that any of its fighters had surrendered.")
    events = extract_text(text, published="2021-07-13", source="Example Wire")
    denials = [c for ev in events for c in ev.claims if c.cue == "denied"]
    assert denials
    assert all("Karimi" in (c.attributed_to or "") for c in denials)


def test_a_figure_named_again_is_on_the_event_that_gave_it():
    text = ("Insurgents attacked the town of Kunduz on Monday, the provincial governor said.\n\n"
            "In a statement, the army said 40 insurgents had been killed in the fighting in Kunduz.\n\n"
            "Zahra Amiri, a researcher at an institute in the capital, said the figure should be treated with "
            "caution.")
    events = extract_text(text, published="2021-07-13", source="Example Wire")
    found = _claims_of(events, "Amiri")
    assert found
    assert all(any(q.value == 40 for q in ev.quantities) for ev, _ in found)


def test_neither_account_could_be_confirmed_doubts_what_was_told(nlp):
    from conftest import relations

    for text in ("Neither account could be independently confirmed.",
                 "Neither side's account could be independently verified."):
        (rel,) = relations(nlp, text)
        assert (rel.attributed_to, rel.stance, rel.hedged) == (None, "doubts", True), text
    assert relations(nlp, "Both accounts were confirmed by the hospital.")[0].stance == "asserts"


def test_two_claims_of_one_speaker_in_one_sentence_stay_two_when_events_are_fused():
    from contested.fusion import _claim_key
    from contested.records import Claim

    def claim(cue_span, about):
        return Claim(doc_id="d", source="Example Wire", published=None, attributed_to="a ministry official",
                     attribution_text=None, stance="denies", hedged=False, sentence="s", span=(0, 90),
                     cue="c", cue_span=cue_span, source_span=None, content_span=None, chain=[],
                     source_kind="unnamed", about=about, figure_stances=[], hedges=[])

    rejected, saying = claim((40, 48), "figure"), claim((60, 66), "event")
    assert _claim_key(rejected) != _claim_key(saying)
    assert _claim_key(rejected) == _claim_key(claim((40, 48), "figure"))


def test_a_speaker_set_off_by_a_participle_before_the_cue_is_the_source(nlp):
    from conftest import relations

    (rel,) = relations(nlp, "A nurse in Lorvik, reached through a messaging app, said the clinic had run out of "
                            "bandages.")
    assert rel.attributed_to is not None and "nurse" in rel.attributed_to
    (rel,) = relations(nlp, "Back in the capital, a driver who fled the town on Tuesday, speaking on condition of "
                            "anonymity, said the bridge had been blown up.")
    assert rel.attributed_to is not None and "driver" in rel.attributed_to


def test_one_of_the_speakers_going_on_speaks_of_what_they_told():
    text = ("Two traders said gunmen had looted shops in the main market of Kunduz on Monday. "
            '"They took everything we had," one of them said.')
    events = extract_text(text, published="2021-07-13", source="Example Wire")
    (looting,) = [ev for ev in events if any(c.attributed_to and "traders" in c.attributed_to for c in ev.claims)]
    assert any(c.attributed_to == "one of them" for c in looting.claims)


def test_a_speakers_further_words_after_a_participle_are_part_of_the_claim():
    text = ("More than 1,000 soldiers crossed into Tajikistan on Tuesday after clashes in Badakhshan province, border "
            "officials said. A security analyst in Kabul doubted the officials' figure, saying the real number was "
            "closer to 400.")
    events = extract_text(text, published="2021-07-13", source="Example Wire")
    cues = [c.cue for ev in events for c in ev.claims if c.attributed_to and "analyst" in c.attributed_to]
    assert "doubted" in cues and "saying" not in cues


def test_a_speakers_further_words_in_the_same_sentence_go_on_the_event_its_first_claim_is_on():
    # ILLUSTRATIVE: the participle's words name no place and no event word of their own.
    text = ("In Ashford, a car bomb killed a local official on Sunday evening, police said.\n\n"
            "A group calling itself the Valley Front claimed responsibility for the blast in a post online, "
            "saying its members had watched the official for weeks before striking.")
    events = extract_text(text, published="2023-05-02", source="Example Wire")
    saying = [(ev, c) for ev in events for c in ev.claims if c.cue == "saying"]
    assert saying, [(ev.type, [(c.cue, c.attributed_to) for c in ev.claims]) for ev in events]
    assert all("Valley Front" in (c.attributed_to or "") and ev.type == "explosive_device" for ev, c in saying)


def test_a_voice_told_inside_anothers_words_is_on_the_event_that_account_is_on():
    # ILLUSTRATIVE: "residents had told her": the residents speak through the journalist, of what she wrote on.
    text = ("Officials said drones had struck the town of Ashford overnight, setting fire to a grain store.\n\n"
            "Mira Holt, a journalist who covers the region, wrote online that residents of Ashford had told her "
            "the building was being used to store ammunition.")
    events = extract_text(text, published="2023-05-02", source="Example Wire")
    told = [(ev, c) for ev in events for c in ev.claims if c.cue == "told"]
    wrote = [ev for ev in events for c in ev.claims if c.cue == "wrote"]
    assert told and wrote
    assert all(ev in wrote and "residents" in (c.attributed_to or "") for ev, c in told)


def test_harm_told_again_is_of_the_latest_event_that_harms_not_a_clash_told_before():
    # ILLUSTRATIVE: a count of the harmed with no place or day, right after the strike on the house.
    text = ("Fighting broke out near the airport of Ashford on Wednesday, and 19 insurgents died in three hours "
            "of fighting, police said.\n\n"
            "In Brockton district, an air strike late on Tuesday hit a house near the bazaar. Residents told a "
            "local radio station that eight members of one family had been killed.")
    events = extract_text(text, published="2021-07-08", source="Example Wire")
    residents = _claims_of(events, "Residents")
    assert residents, [(ev.type, [c.attributed_to for c in ev.claims]) for ev in events]
    assert all(ev.type == "air_strike" for ev, _ in residents)


def test_a_picture_that_could_not_be_geolocated_is_the_outlets_doubt_on_the_event_just_told():
    # ILLUSTRATIVE: "geolocate" verifies where a picture was taken (data/attribution.json ``verify``).
    text = ("Officials said drones had struck the town of Ashford overnight, setting fire to a grain store.\n\n"
            "Mira Holt, a journalist who covers the region, wrote online that the building had stored ammunition. "
            "A video she posted with the message could not be geolocated.")
    events = extract_text(text, published="2023-05-02", source="Example Wire")
    doubts = [(ev, c) for ev in events for c in ev.claims if c.cue and "geolocated" in c.cue]
    assert doubts, [(ev.type, [(c.cue, c.attributed_to) for c in ev.claims]) for ev in events]
    assert all(c.attributed_to is None and c.stance == "doubts" and c.hedged for _, c in doubts)
    assert all(ev.type == "air_strike" for ev, _ in doubts)

"""Who says so, on what the blind6 articles (a development set) showed the finder got wrong: a name with a
person's office is a person (so "he" can stand for it); bloggers cited are the source; a source named with
"every" inside another's words, or a habit the speaker describes ("routinely announced"), is no claim of its
own; a claim others are said to contradict is doubted by whoever says so; "None of the figures could be
verified" doubts the figures; a picture shared by someone is heard through the sharer; "saying" after a
denial whose clause hangs on the medium asserts; a pronoun that goes on speaking keeps the outlet it spoke to;
the outlet a statement was read on is an intermediary; what a picture shows, right after an event's claims,
is on that event.

Every sentence here is ILLUSTRATIVE: written for these tests (people and outlets are invented; places are
only settings), not copied from any article or gold file.
"""

from __future__ import annotations

from conftest import relations, text_relations
from contested.pipeline import extract_text


def _inter(rel) -> list[str]:
    return [link.get("name") or "" for link in rel.chain if link.get("link") == "intermediary"]


def test_a_name_with_an_office_is_a_person_whom_he_can_stand_for(nlp):
    rels = text_relations(nlp, "Two rockets hit a depot in Lorvik on Friday, the head of the district council said. "
                               "Mayor Tovan Brekko wrote on Telegram that the depot had burned for hours. "
                               '"Nobody was inside," he wrote.')
    he = rels[-1]
    assert he.cue == "wrote" and he.attributed_to is not None and "Brekko" in he.attributed_to
    (rel,) = [r for r in relations(nlp, "Ilsa Marrow, a researcher at the Harbour Rights Forum, doubted the "
                                        "council's figure of 12 dead.") if r.cue == "doubted"]
    assert rel.source_kind == "person"


def test_bloggers_cited_by_an_agency_speak_through_it(nlp):
    (rel,) = relations(nlp, "The Brisk News agency, citing military bloggers, reported that 30 fighters had been "
                            "killed in the raid.")
    assert "bloggers" in rel.attributed_to and any("Brisk" in n for n in _inter(rel))


def test_every_witness_inside_her_words_is_no_source_and_she_doubts_the_claim(nlp):
    rels = relations(nlp, "She said the army's claim that no villagers had died was contradicted by every "
                          "witness she had met.")
    assert not any(r.cue == "contradicted" for r in rels)
    said = next(r for r in rels if r.cue == "said")
    assert (said.stance, said.about) == ("doubts", "figure")


def test_a_habit_the_speaker_describes_is_no_claim_of_its_own(nlp):
    rels = relations(nlp, "The analyst doubted the army's figure of 80 dead, saying the generals routinely "
                          "announced large enemy losses.")
    assert not any(r.cue == "announced" for r in rels)
    # Not a statement made once, reported inside another's words: that stays a claim of its own.
    rels = relations(nlp, "Officials said the generals announced that the town had been retaken.")
    assert any(r.cue == "announced" for r in rels)


def test_none_of_the_figures_could_be_verified_doubts_the_figures(nlp):
    (rel,) = relations(nlp, "None of the figures could be independently verified.")
    assert (rel.attributed_to, rel.stance, rel.about, rel.hedged) == (None, "doubts", "figure", True)
    assert relations(nlp, "All of the figures were confirmed by the hospital.")[0].stance == "asserts"


def test_a_picture_shared_by_someone_shows_through_the_sharer(nlp):
    (rel,) = relations(nlp, "Video shared by the local militia on Monday appeared to show a burning bridge.")
    assert rel.attributed_to == "Video" and _inter(rel) == ["local militia"]
    assert rel.hedged


def test_saying_after_a_denial_whose_clause_hangs_on_the_medium_asserts(nlp):
    rels = relations(nlp, "The governor denied in a post on Facebook that the checkpoint had fallen, saying the "
                          "guards had held their ground.")
    saying = next(r for r in rels if r.cue == "saying")
    assert saying.stance == "asserts"
    rels = relations(nlp, "The governor denied the report, saying the guards had held their ground.")
    assert next(r for r in rels if r.cue == "saying").stance == "denies"


def test_a_pronoun_that_goes_on_keeps_the_outlet_spoken_to(nlp):
    rels = text_relations(nlp, "A village elder told Radio Kessa that gunmen had burned the market. "
                               "He said four shops were destroyed.")
    assert _inter(rels[-1]) == ["Radio Kessa"]
    # Another voice between: the pronoun's source is named again, but not the outlet of the first.
    rels = text_relations(nlp, "A village elder told Radio Kessa that gunmen had burned the market. "
                               "The police said the fire was out. He said four shops were destroyed.")
    assert _inter(rels[-1]) == []


def test_the_outlet_a_statement_was_read_on_is_an_intermediary(nlp):
    (rel,) = relations(nlp, "The army, in a statement read on state television, said its soldiers had repelled "
                            "the attack.")
    assert _inter(rel) == ["state television"]


def test_pipeline_what_photographs_show_after_an_events_claims_is_on_that_event():
    text = ("A drone struck a bus depot in the town of Dessie on Friday, killing nine people, a doctor said.\n\n"
            "Photographs shared on social media appeared to show the burnt-out shells of two buses.")
    events = extract_text(text, published="2024-03-02", source="Example Wire")
    shown = [(ev.type, c.attributed_to, c.hedged) for ev in events for c in ev.claims if c.cue == "show"]
    assert shown and all(who == "Photographs" and hedged for _t, who, hedged in shown)
    assert all(ev.location is not None and ev.location.text == "Dessie" for ev in events
               if any(c.cue == "show" for c in ev.claims))


def test_a_modal_in_a_reason_given_is_no_hedge(nlp):
    rels = text_relations(nlp, 'A farmer told the radio that the village had been shelled. "We left at night '
                               'because the shells might come again," he said.')
    assert rels[-1].cue == "said" and not rels[-1].hedged
    (rel,) = relations(nlp, "The farmer said the shells might have come from the army's positions.")
    assert rel.hedged


def test_pipeline_a_claim_of_responsibility_beside_the_sentences_own_claim_is_on_the_event():
    text = ("Gunmen attacked an army post in the town of Djibo on Tuesday, killing 12 soldiers, security sources "
            "said.\n\n"
            "The Sahel Front claimed responsibility for the attack in a statement, saying its fighters had seized "
            "weapons and killed dozens of soldiers.")
    events = extract_text(text, published="2024-03-02", source="Example Wire")
    claimed = [(ev.type, ev.location.text if ev.location else None, c.about) for ev in events for c in ev.claims
               if c.cue == "claimed"]
    assert claimed and all(where == "Djibo" and about == "perpetrator" for _t, where, about in claimed)


def test_a_speakers_own_doubt_after_but_makes_both_words_the_cue(nlp):
    text = "The aid office said it had received reports of casualties in Dolo but could not verify them."
    (rel,) = relations(nlp, text)
    assert (rel.stance, rel.hedged) == ("doubts", True)
    s, e = rel.cue_span
    assert s == text.index("said") and s <= text.index("could not verify") < e
    assert rel.cue.startswith("said") and rel.cue.endswith("verify")


def test_an_outlet_named_again_as_the_station_is_the_one_named_before(nlp):
    from contested.attribution import find_attribution, resolve_outlets

    doc = nlp("A teacher told Radio Tamar that the school had been shelled. A doctor told the station that two "
              "pupils had died.")
    first, second = [find_attribution(s) for s in doc.sents]
    got = resolve_outlets(second, [first])
    assert _inter(got) == ["Radio Tamar"]
    assert resolve_outlets(second, []) is second  # nothing named before: the words stay


def test_pipeline_told_the_station_is_heard_through_the_outlet_named_before():
    text = ("Shells struck a school in the town of Kidal on Monday, killing two pupils, a teacher told Radio Tamar."
            "\n\nA doctor told the station that five more children had been wounded.")
    events = extract_text(text, published="2024-03-02", source="Example Wire")
    doctor = [c for ev in events for c in ev.claims if c.attributed_to and "doctor" in c.attributed_to]
    assert doctor and all([link["name"] for link in c.chain if link.get("link") == "intermediary"] == ["Radio Tamar"]
                          for c in doctor)


def test_a_person_of_the_speakers_town_is_not_its_own_side(nlp):
    # "Norvale police" speaking of "a Norvale boy": the town's name is shared, but a boy is no force of theirs.
    (rel,) = relations(nlp, "A Norvale boy accidentally shot himself in the hand on Friday, Norvale police said.")
    assert rel.about == "event"
    (rel,) = relations(nlp, "A Norvale militia spokesman said Norvale fighters had fired rockets at the base.")
    assert rel.about == "perpetrator"

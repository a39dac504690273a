"""Who did it, disputed; the outlet's own reported words; documents and the venues they are put on; the
voices inside a statement with no event word; words named again by their lemmas.

Every sentence here is ILLUSTRATIVE: written for these tests in the way conflict news is written (no real
report is quoted; places are only settings, people, groups and outlets are invented).
"""

from __future__ import annotations

import json

import pytest

from conftest import relations
from contested.attribution import find_relations, reporting_hedge
from contested.contradictions import perpetrator_conflict
from contested.fusion import combine, explain_lines
from contested.pipeline import extract_text
from contested.stages.claims import _word_keys


def extract(text: str):
    return extract_text(text, published="2021-07-10", source="Example Wire")


def lead_event(events, speaker: str):
    return next(ev for ev in events if any(c.attributed_to == speaker for c in ev.claims))


# ---------------------------------------------------------------- who did it, disputed


def test_a_blame_and_a_denial_of_involvement_are_a_perpetrator_contradiction():
    text = ("A car bomb exploded near a market in Kunduz on Monday, killing 12 people, the police said. "
            "The army blamed the Northern Front for the attack. The Northern Front denied any involvement.")
    ev = combine([lead_event(extract(text), "the police")])
    (x,) = [x for x in ev.contradictions if x["kind"] == "perpetrator"]
    named = [ev.claims[i] for i in x["claims"]]
    assert {(c.attributed_to, c.stance, c.about) for c in named} == {
        ("The army", "asserts", "perpetrator"), ("Northern Front", "denies", "perpetrator")}
    assert "perpetrator" in ev.flags
    assert any(line.startswith("perpetrator (claims") and "denied by Northern Front" in line
               for line in explain_lines(ev))


def test_a_denial_of_the_accusation_by_the_side_told_as_the_doer_is_a_perpetrator_contradiction():
    text = ("Paramilitary fighters shelled a crowded market in Kelvar on Thursday, killing at least 40 people, "
            "according to a statement by the city's emergency committee. "
            "The paramilitary force rejected the accusation in a post on X.")
    ev = combine([lead_event(extract(text), "city's emergency committee")])
    (x,) = [x for x in ev.contradictions if x["kind"] == "perpetrator"]
    assert [(ev.claims[i].attributed_to, ev.claims[i].stance) for i in x["claims"]] == [
        ("city's emergency committee", "asserts"), ("paramilitary force", "denies")]


def test_a_denial_of_involvement_no_one_contradicts_is_no_contradiction():
    # No source says who did it: the denial stands alone (flagged, but nothing disputes it).
    text = ("Gunmen killed five villagers in Kunduz on Friday night, a local elder said.\n\n"
            "The Taliban denied any involvement in the killings.")
    ev = combine([lead_event(extract(text), "local elder")])
    assert "perpetrator_denied" in ev.flags
    assert perpetrator_conflict(ev) is None and "perpetrator" not in ev.flags
    # The same speaker claiming and denying is no dispute between sources.
    ev.claims[0].about = "perpetrator"
    ev.claims[0].attributed_to = "The Taliban"
    assert perpetrator_conflict(ev) is None


def test_explain_from_the_store_shows_the_perpetrator_contradiction(capsys, tmp_path, event_validator):
    from contested.cli import main

    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({
        "source": "Example Wire (illustrative)", "published": "2021-07-10",
        "text": ("A car bomb exploded near a market in Kunduz on Monday, killing 12 people, the police said.\n\n"
                 "The army blamed the Northern Front for the attack. The Northern Front denied any involvement.")}) + "\n")
    db = tmp_path / "store.db"
    assert main(["ingest", str(docs), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    (ev,) = [e for e in events if any(x["kind"] == "perpetrator" for x in e["contradictions"])]
    assert not list(event_validator.iter_errors(ev))
    assert main(["explain", ev["id"][:10], "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "perpetrator (claims" in out and "denies (on who did it)" in out


# ---------------------------------------------------------------- documents that speak


def test_a_document_with_no_owner_keeps_its_stance_on_who_did_it():
    text = ("Gunmen killed five villagers in Kunduz on Friday night, a local elder said.\n\n"
            "A statement posted online denied any involvement in the killings.")
    ev = lead_event(extract(text), "local elder")
    denial = next(c for c in ev.claims if c.stance == "denies")
    assert (denial.about, denial.source_kind) == ("perpetrator", "document")
    assert "statement" in denial.attributed_to


def test_the_owner_of_a_venue_owns_what_is_put_on_it(nlp):
    (rel,) = relations(nlp, "A message posted on a channel used by the Northern Front claimed responsibility "
                            "for the attack.")
    assert (rel.attributed_to, rel.stance, rel.about) == ("Northern Front", "asserts", "perpetrator")
    (rel,) = relations(nlp, "A statement posted on the group's website denied any involvement.")
    assert (rel.attributed_to, rel.stance, rel.about) == ("the group", "denies", "perpetrator")
    # "on" a report is about it, not put on it: no owner from there.
    rels = relations(nlp, "A statement on a report by the committee denied any involvement.")
    assert not any(r.attributed_to == "the committee" for r in rels)


def test_the_owner_of_an_issued_document_is_the_subject_its_conjuncts_share(nlp):
    rels = relations(nlp, "The leadership of the front was taken aback by the anger and on Monday issued a "
                          "statement denying their responsibility.")
    assert [(r.attributed_to, r.stance, r.about) for r in rels] == [
        ("leadership of the front", "denies", "perpetrator")]


def test_a_statement_carried_by_an_outlet_is_heard_through_it(nlp):
    rels = relations(nlp, "In a statement carried by state media, the military said it had targeted a camp near "
                          "the village and denied that any civilians had been killed.")
    assert [(r.cue, [link["name"] for link in r.chain]) for r in rels] == [
        ("said", ["state media", "the military"]), ("denied", ["state media", "the military"])]
    assert rels[0].chain[-1]["via"] == "a statement carried by state media"


def test_a_claim_dismissed_is_not_the_dismissers_own(nlp):
    rels = relations(nlp, "The army dismissed the ministry's claim that a command post had been hit as propaganda.")
    assert [(r.attributed_to, r.stance, r.cue) for r in rels] == [
        ("The army", "denies", "dismissed"), ("the ministry", "asserts", "claim")]


# ---------------------------------------------------------------- the outlet's own reported words


def test_reporting_hedges_are_not_modals_or_conditionals():
    assert reporting_hedge(["said to"]) and reporting_hedge(["reportedly"]) and reporting_hedge(["it was reported"])
    assert reporting_hedge(["appear to"]) and reporting_hedge(["reports that"])
    assert not reporting_hedge(["may"]) and not reporting_hedge(["if"]) and not reporting_hedge(["could have"])
    assert not reporting_hedge([])


def test_the_outlets_reported_words_on_an_event_told_are_its_claim():
    text = ("Paramilitary forces shelled a displacement camp outside Kelvar on Friday, the governor said.\n\n"
            "Video shared online showed tents on fire. The footage could not be verified.\n\n"
            "Nine people were reported killed. The commander of the unit is said to have ordered the shelling "
            "himself.")
    events = extract(text)
    shelling = lead_event(events, "the governor")
    said = [c for c in shelling.claims if "ordered the shelling" in c.sentence]
    assert [(c.attributed_to, c.stance, c.hedged) for c in said] == [(None, "asserts", True)]
    assert [link["link"] for link in said[0].chain] == ["outlet"]
    assert said[0].chain[0]["name"] == "Example Wire"


def test_the_outlets_own_modal_or_conditional_words_are_no_claim():
    text = ("Gunmen killed five villagers in Kunduz on Friday night, a local elder said. "
            "The attackers might return to the village if the army leaves.")
    ev = lead_event(extract(text), "local elder")
    assert not any("might return" in c.sentence for c in ev.claims)


# ---------------------------------------------------------------- voices inside a statement with no event word


def test_the_voices_inside_a_statement_on_an_event_told_are_claims_on_it():
    text = ("Missiles struck an apartment building in the city of Kelvar overnight, killing at least nine people, "
            "the regional governor said.\n\n"
            "The defence ministry said its forces had hit a military command post in the city and denied "
            "targeting residential areas. The army dismissed the ministry's claim that a command post had been "
            "hit as propaganda.")
    ev = lead_event(extract(text), "regional governor")
    got = {(c.attributed_to, c.stance, c.cue) for c in ev.claims}
    assert {("defence ministry", "asserts", "said"), ("defence ministry", "denies", "denied"),
            ("The army", "denies", "dismissed"), ("the ministry", "asserts", "claim")} <= got, got


# ---------------------------------------------------------------- words named again


@pytest.mark.parametrize(("a", "b"), [("attacker", "attack"), ("survivor", "survive"), ("villager", "village"),
                                      ("fighting", "fight"), ("kidnapper", "kidnap"), ("shelling", "shell")])
def test_word_keys_join_a_noun_to_the_word_it_is_made_from(a, b):
    assert b in _word_keys(a)


def test_word_keys_do_not_join_words_that_only_begin_alike():
    assert not _word_keys("governor") & _word_keys("government")
    assert not _word_keys("province") & _word_keys("provincial")
    assert _word_keys("war") == {"war"}


def test_a_statement_naming_the_attackers_again_is_a_claim_on_the_attack():
    text = ("Gunmen attacked the village of Kelvar on Sunday, killing six farmers, a local official said. "
            "Residents said the attackers had set fire to granaries before leaving.")
    ev = lead_event(extract(text), "local official")
    assert ("Residents", "asserts") in [(c.attributed_to, c.stance) for c in ev.claims]


# ---------------------------------------------------------------- parse slips and who is no speaker


def test_photos_posted_by_a_group_speak_for_it_and_a_doubt_on_them_follows_them(nlp):
    (rel,) = relations(nlp, "Photos posted online by the resistance group appeared to show the main hall of the "
                            "monastery reduced to rubble.")
    assert (rel.attributed_to, rel.stance, rel.hedged, rel.cue) == ("resistance group", "asserts", True, "show")
    text = ("Military jets bombed a monastery in a village in Kelvar region on Wednesday, killing at least 17 "
            "people, a local resistance group said.\n\n"
            "In a statement, the military said it had targeted a training camp near the village.\n\n"
            "Photos posted online by the resistance group appeared to show the main hall of the monastery reduced "
            "to rubble. The images could not be independently verified. A township administrator later confirmed "
            "the death toll to reporters.")
    events = extract(text)
    strike = lead_event(events, "local resistance group")
    got = [(c.attributed_to, c.stance, c.hedged) for c in strike.claims]
    # A line that begins "Photos posted ..." is prose, not a photo credit; the doubt is on what the photos
    # showed (the strike), and "the death toll" is the strike's figure.
    assert ("resistance group", "asserts", True) in got, got
    assert (None, "doubts", True) in got, got
    assert ("township administrator", "asserts", False) in got, got


def test_an_office_that_appointed_the_speaker_is_no_intermediary(nlp):
    (rel,) = relations(nlp, "A township administrator appointed by the military later confirmed the death toll.")
    assert [link["link"] for link in rel.chain] == ["speaker"]
    (rel,) = relations(nlp, "Residents interviewed by the newspaper said the town had fallen.")
    assert [(link["name"], link["link"]) for link in rel.chain] == [
        ("the newspaper", "intermediary"), ("Residents", "speaker")]


def test_a_stretch_of_time_is_no_speaker(nlp):
    rels = relations(nlp, "Judd said she planned to hide the bodies, then call after a few weeks passed and report "
                          "them missing.")
    assert [r.attributed_to for r in rels] == ["Judd"]


def test_he_is_never_a_document():
    from contested.attribution import resolve_pronoun
    from contested.records import Attribution

    doc = Attribution(attributed_to="statement after the meeting", text=None, stance="asserts", hedged=False,
                      source_kind="document", chain=[{"name": "statement after the meeting", "link": "speaker",
                                                      "kind": "document"}])
    he = Attribution(attributed_to="he", text="He said", stance="asserts", hedged=False, source_kind="pronoun",
                     chain=[{"name": "he", "link": "speaker", "kind": "pronoun"}])
    assert resolve_pronoun(he, [doc]).attributed_to is None
    person = Attribution(attributed_to="Omar Reyes", text=None, stance="asserts", hedged=False,
                         source_kind="person", chain=[{"name": "Omar Reyes", "link": "speaker", "kind": "person"}])
    assert resolve_pronoun(he, [person, doc]).attributed_to == "Omar Reyes"


def test_a_claim_someone_denied_is_another_voice_beside_the_outlets_reported_words(nlp):
    text = ("Fighters shelled a market in Kelvar on Thursday, a local official said. "
            "The army is said to have retaken two neighbourhoods in the east of the city on Friday, a claim the "
            "militia denied.")
    events = extract(text)
    (retaken,) = [ev for ev in events if ev.type == "territory_regained"]
    got = [(c.attributed_to, c.stance, c.hedged) for c in retaken.claims]
    # The outlet's hedged words tell the event; the militia's denial is its own voice, not hedged by them.
    assert got == [(None, "asserts", True), ("the militia", "denies", False)], got


def test_a_figure_of_the_dead_with_no_event_word_is_a_claim_on_the_event_just_told():
    text = ("Fighters shelled a crowded market in Kelvar on Thursday, killing at least 40 people, according to a "
            "statement by the city's emergency committee.\n\n"
            "A doctor at the city's hospital told the Kelvar Monitor that the hospital had received more than 70 "
            "bodies.")
    ev = lead_event(extract(text), "city's emergency committee")
    doctor = next(c for c in ev.claims if c.attributed_to and "doctor" in c.attributed_to)
    assert [link["name"] for link in doctor.chain if link["link"] == "intermediary"] == ["Kelvar Monitor"]
    assert sorted(q.value for q in ev.quantities) == [40, 70] and ev.fatalities == 40


def test_an_appositive_before_the_cue_speaks_and_unowned_footage_it_cites_does_not(nlp):
    rels = relations(nlp, "Government forces appear to have withdrawn from the village of Kelvar near Baro, a military "
                          "analyst, Oleh Marchenko, told the Kyiv Courier, citing geolocated footage.")
    assert [(r.attributed_to, r.hedged, [link["name"] for link in r.chain]) for r in rels] == [
        ("military analyst, Oleh Marchenko", True, ["Kyiv Courier", "military analyst, Oleh Marchenko"])]
    # A cited source still speaks through the one who cites it.
    (rel,) = relations(nlp, "Tolo News, citing local sources, reported that the district had fallen.")
    assert (rel.attributed_to, [link["link"] for link in rel.chain]) == ("local sources", ["intermediary", "speaker"])
    # A conjoined verb with no comma-bound name before it has no appositive speaker.
    assert relations(nlp, "Troops entered the village of Baro, the capital of the region, and told residents to "
                          "leave.") == []


def test_reports_no_one_owns_that_someone_denies_are_the_outlets_hedged_telling(nlp):
    rels = relations(nlp, "Reports that the gunmen had abducted several women were denied by the regional governor.")
    assert [(r.attributed_to, r.stance, r.hedged, r.cue) for r in rels] == [
        (None, "asserts", True, "Reports"), ("regional governor", "denies", False, "denied")]


def test_reports_the_tagger_takes_for_a_verb_mid_text_are_the_subject_and_so_a_noun(nlp):
    doc = nlp("The town was quiet on Monday. Reports that the army shelled the village were denied by the defence "
              "ministry.")
    sent = list(doc.sents)[-1]
    # The tagger reads "Reports" as a verb after a sentence; the parse makes it the subject of "were denied".
    assert (sent[0].tag_, sent[0].dep_) == ("VBZ", "nsubjpass")
    assert [(r.attributed_to, r.stance, r.hedged, r.cue) for r in find_relations(sent)] == [
        (None, "asserts", True, "Reports"), ("defence ministry", "denies", False, "denied")]
    # A verb in -s that is no subject stays a verb: the ministry reports, and it is no hedge.
    rels = relations(nlp, "The ministry reports that the army shelled the village.")
    assert [(r.attributed_to, r.stance, r.hedged) for r in rels] == [("The ministry", "asserts", False)]


def test_an_assertion_joined_by_but_to_the_speakers_own_doubt_doubts(nlp):
    rels = relations(nlp, "The United Nations said it was aware of reports of heavy casualties but could not confirm "
                          "the figures.")
    assert [(r.cue, r.stance, r.about, r.hedged) for r in rels] == [
        ("said", "doubts", "figure", True), ("could not confirm", "doubts", "figure", True)]
    # Joined by "and", the speaker's assertion and its denial stay apart.
    rels = relations(nlp, "The ministry said its forces had hit a command post and denied targeting homes.")
    assert [(r.cue, r.stance) for r in rels] == [("said", "asserts"), ("denied", "denies")]


def test_a_relations_depth_is_counted_up_the_parse_to_its_root(nlp):
    # Tokens are compared by position: spaCy makes a new token object on each access, so "head is tok" never
    # held and every relation was as deep as the walk's limit.
    from contested.attribution import _depth

    sent = next(iter(nlp("Officials said the rebels claimed the attack on the base.").sents))
    assert [(r.cue, _depth(r, sent)) for r in find_relations(sent)] == [("said", 0), ("claimed", 1)]

"""The project-written typing corpus: its loader, the leave-one-writer-out split of eval/typing_lowo.py, and the
model features and label kinds it measures.

Every passage here was written for these tests (illustrative; none is in the corpus)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import REPO
from contested import typing_model as tm
from contested.taxonomy import EVENT_TYPES, acled_type


def _eval_module(name: str):
    """A script of eval/ loaded as a module."""
    spec = importlib.util.spec_from_file_location(name, REPO / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lowo():
    return _eval_module("typing_lowo")


def test_a_row_reads_as_an_item_of_the_taxonomy():
    row = {"text": "Gunmen seized a trader on the road out of town.", "event": True, "type": "abduction",
           "detail": None, "sub_event_type": "Abduction/forced disappearance", "writer": "Q", "hard": True}
    item = tm.parse_item(row)
    assert (item.writer, item.type, item.detail, item.hard, item.label) == ("Q", "abduction", None, True, "abduction")
    # A template row names only its sub-event type; its writer is given.
    item = tm.parse_item({"text": "Riot police dispersed the march.", "sub_event_type": "Protest with intervention"},
                         writer=tm.TEMPLATE_WRITER)
    assert (item.writer, item.label) == ("T", "protest/with_intervention")
    # A handover told as a capture without the detail takes the detail its sub-event type needs.
    item = tm.parse_item({"text": "The garrison handed the town to the rebels.", "type": "territory_captured",
                          "detail": None, "sub_event_type": "Non-violent transfer of territory"})
    assert item.label == "territory_captured/non_violent"
    assert acled_type(item.type, item.detail).sub_event_type == "Non-violent transfer of territory"
    # A detail that chooses nothing is dropped; a type the taxonomy does not map to the sub-event type is an error.
    assert tm.parse_item({"text": "x", "type": "killing", "detail": "night"}).detail is None
    with pytest.raises(ValueError):
        tm.parse_item({"text": "x", "type": "arrest", "sub_event_type": "Grenade"})
    with pytest.raises(ValueError):
        tm.parse_item({"text": "x", "type": "no_such_type"})
    not_event = tm.parse_item({"text": "A long war may lie ahead.", "event": False, "reason": "prediction",
                               "writer": "Q"})
    assert not not_event.event and not_event.label is None and not_event.reason == "prediction"


def test_the_shipped_corpora_are_marked_and_agree_with_the_taxonomy():
    for name in (tm.CORPUS_FILE, tm.WRITERS_FILE):
        header = json.loads((tm.DATA_DIR / name).read_text(encoding="utf-8").splitlines()[0])
        assert header["project_written"] is True and "project" in header["_about"]
    items = tm.corpus_items()
    writers = {it.writer for it in items}
    assert tm.TEMPLATE_WRITER in writers and len(writers) >= 3
    for it in items:
        if it.event:
            assert it.type in EVENT_TYPES
            assert acled_type(it.type, it.detail).sub_event_type == it.sub_event_type
    texts = [it.text for it in items if it.writer != tm.TEMPLATE_WRITER]
    assert len(texts) == len(set(texts))


def test_reading_a_file_names_the_bad_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"_about": "test"}) + "\n" + json.dumps({"text": "a", "type": "riot"}) + "\n"
                    + json.dumps({"text": "b", "type": "arrest", "sub_event_type": "Grenade"}) + "\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.jsonl:3"):
        tm.read_items(path)


def _item(writer: str, sub: str, text: str = "t") -> tm.CorpusItem:
    etype, detail = tm.type_for_sub_event(sub)
    return tm.CorpusItem(f"{text} {writer} {sub}", writer, True, sub, etype, detail)


def test_leaving_one_writer_out_never_trains_on_the_held_out_writer():
    lowo = _lowo()
    items = [_item(w, s) for w in ("T", "A", "B", "C") for s in ("Armed clash", "Arrests")]
    items.append(tm.CorpusItem("no event here", "A", False, reason="opinion"))
    folds = lowo.splits(items)
    assert [held for held, _, _ in folds] == ["A", "B", "C"]  # the template writer is never held out
    for held, train, test in folds:
        assert {it.writer for it in test} == {held}
        assert held not in {it.writer for it in train} and "T" in {it.writer for it in train}
        assert all(it.event for it in train + test)
        assert len(train) + len(test) == 8
    for _, train, _ in lowo.splits(items, with_template=False):
        assert "T" not in {it.writer for it in train}


def test_scores_and_predicted_pairs():
    lowo = _lowo()
    assert lowo.score(["a", "a", "b"], ["a", "b", "b"])[0] == pytest.approx(2 / 3)
    assert lowo.target(_item("A", "Peaceful protest"), "taxonomy") == "protest/peaceful"
    assert lowo.target(_item("A", "Peaceful protest"), "sub") == "Peaceful protest"


def test_character_ngrams_and_digits():
    grams = tm._ngrams("Attackers shot 12 people", 2, 3, 4, digits=True)
    assert "attackers shot" in grams and "00" in grams and "12" not in grams
    assert "# at" in grams and "#att" in grams and "#ers " in grams
    assert not any(g.startswith("#") for g in tm._ngrams("Attackers shot", 2))


def test_a_model_of_taxonomy_labels_names_sub_event_types(tmp_path):
    pytest.importorskip("sklearn")
    texts = ([f"troops pulled back from outpost {i} under fire" for i in range(12)]
             + [f"foreign troops left base {i} as agreed" for i in range(12)]
             + [f"police detained {i} suspects at dawn" for i in range(12)])
    labels = ["retreat"] * 12 + ["withdrawal"] * 12 + ["arrest"] * 12
    tm.train(texts, labels, tmp_path, tm.TrainSettings(min_df=1), label_kind="taxonomy")
    model = tm.TypeModel(tmp_path)
    assert model.labels == ["arrest", "retreat", "withdrawal"]
    assert model.classes == ["Arrests", "Non-violent transfer of territory"]
    p = model.proba("troops pulled back from the outpost under fire")
    assert p.sum() == pytest.approx(1.0, abs=1e-5)
    assert model.predict("troops pulled back from the outpost under fire").sub_event_type == \
        "Non-violent transfer of territory"
    assert model.predict_label("troops pulled back from the outpost under fire").sub_event_type == "retreat"


# ---------------------------------------------------------------- how the default model combines with the rules


def _policy_module():
    return _eval_module("typing_policy_moves")


def test_a_label_names_the_detail_its_sub_event_type_has():
    assert tm.taxonomy_label("riot", None) == "riot/violent_demonstration"
    assert tm.taxonomy_label("riot", "mob_violence") == "riot/mob_violence"
    assert tm.taxonomy_label("protest", None) == "protest/peaceful"
    assert tm.taxonomy_label("territory_captured", None) == "territory_captured"
    assert tm.taxonomy_label("territory_captured", "non_violent") == "territory_captured/non_violent"
    assert tm.taxonomy_label("killing", None) == "killing"
    for label in ("riot/violent_demonstration", "territory_captured/non_violent", "retreat", "displacement"):
        etype, _, detail = label.partition("/")
        assert tm.label_sub_event_type(label) == acled_type(etype, detail or None).sub_event_type


def test_a_move_is_kept_only_on_a_gain_that_no_kind_of_evidence_contradicts():
    keep = _policy_module().keep_move
    assert keep({"A": [2, 0], "B": [1, 0], "C": [3, 1]})  # three writers gain
    assert not keep({"A": [1, 0], "B": [1, 0], "C": [1, 0]})  # ... but by one passage each: too thin
    assert not keep({"A": [2, 0], "B": [3, 0]})  # two writers are not enough ...
    assert keep({"A": [2, 0], "tune:A": [3, 1], "tune:B": [2, 0]})  # ... unless both ACLED sub-halves gain
    assert keep({"A": [2, 0], "B": [1, 0], "C": [3, 0], "tune:A": [0, 1], "tune:B": [3, 1]})  # the half gains
    assert not keep({"A": [2, 0], "B": [1, 0], "C": [3, 0], "tune:B": [0, 1]})  # the ACLED half loses
    assert not keep({"A": [0, 5], "tune:A": [3, 1], "tune:B": [2, 0]})  # the writers lose
    assert keep({"A": [0, 1], "tune:A": [3, 1], "tune:B": [2, 0]})  # ... by one passage: no contradiction
    assert not keep({"A": [0, 1], "B": [0, 1], "tune:A": [3, 1], "tune:B": [2, 0]})  # by two, it is
    # with six writers, three quarters is five of them
    six = ("A", "B", "C", "D", "E", "F")
    assert not keep({"A": [2, 0], "B": [1, 0], "C": [3, 0], "D": [1, 0]}, acled=(), writers=six)
    assert keep({"A": [2, 0], "B": [1, 0], "C": [3, 0], "D": [1, 0], "E": [1, 0]}, acled=(), writers=six)
    assert not keep({"tune:A": [3, 1], "tune:B": [2, 0]}, acled=())  # without ACLED notes, writers decide
    # A move of the policy in place stays unless contradicted.
    assert keep({"B": [1, 0], "tune:A": [0, 1], "tune:B": [1, 0]}, previous=True)
    assert keep({"B": [1, 0], "tune:A": [0, 2], "tune:B": [1, 0]}, previous=True)  # one note: no contradiction
    assert not keep({"B": [1, 0], "tune:A": [0, 3], "tune:B": [1, 0]}, previous=True)
    assert not keep({"A": [2, 0], "B": [1, 0], "C": [3, 0], "tune:A": [0, 2], "tune:B": [1, 0]})  # not in place


class _Actor:
    def __init__(self, kind: str, role: str = "actor1"):
        self.kind, self.role = kind, role


class _Event:
    def __init__(self, etype: str, detail: str | None = None, actors=()):
        a = acled_type(etype, detail)
        self.type, self.detail, self.actors, self.trigger, self.flags = etype, detail, list(actors), None, []
        self.acled_event_type, self.acled_sub_event_type = a.event_type, a.sub_event_type


@pytest.fixture(scope="module")
def toy_label_model(tmp_path_factory):
    pytest.importorskip("sklearn")
    out = tmp_path_factory.mktemp("toy")
    texts = ([f"villagers beat a thief {i} to death in the market" for i in range(15)]
             + [f"gunmen shot dead {i} farmers in their fields" for i in range(15)]
             + [f"troops fought rebels near post {i} for hours" for i in range(15)])
    labels = ["riot/mob_violence"] * 15 + ["killing"] * 15 + ["armed_clash"] * 15
    tm.train(texts, labels, out, tm.TrainSettings(min_df=1), label_kind="taxonomy")
    model = tm.TypeModel(out)
    model.is_default = True
    return model


def test_the_default_model_moves_a_label_only_where_the_policy_lets_it(toy_label_model):
    text = "Villagers beat a thief to death in the market."
    policy = tm.DefaultTypingSettings(ratio=2.0, min_probability=0.1, moves={"killing": ("riot/mob_violence",)},
                                      not_by={"Mob violence": frozenset({"state_forces"})})
    ev = _Event("killing")
    tm.retype(ev, text, toy_label_model, 0.0, settings=policy)
    assert (ev.type, ev.detail, ev.acled_sub_event_type) == ("riot", "mob_violence", "Mob violence")
    assert "type_from_model" in ev.flags
    # No move out of a label the policy does not name, nor to a label it does not list.
    ev = _Event("armed_clash")
    tm.retype(ev, text, toy_label_model, 0.0, settings=policy)
    assert ev.type == "armed_clash" and not ev.flags
    # The rules know who did it: soldiers are never a mob.
    ev = _Event("killing", actors=[_Actor("state_forces")])
    tm.retype(ev, text, toy_label_model, 0.0, settings=policy)
    assert ev.type == "killing"
    # Not much likelier: no move.
    strict = tm.DefaultTypingSettings(ratio=1000.0, min_probability=0.1, moves=policy.moves)
    ev = _Event("killing")
    tm.retype(ev, text, toy_label_model, 0.0, settings=strict)
    assert ev.type == "killing"


def test_shipping_applies_label_fixes_by_the_taxonomy(tmp_path):
    """eval/ship_writer_corpus.py: a fix gives the one passage it names its label (and that label's sub-event type);
    a fix that names no passage, or a label the taxonomy does not have, is an error; the shipped fixes all apply."""
    ship = _eval_module("ship_writer_corpus")
    rows = [{"text": "Fighters blew up a culvert on the valley road overnight.", "event": True,
             "type": "property_destruction", "detail": None, "sub_event_type": "Looting/property destruction",
             "writer": "Q"},
            {"text": "Fighters burned the grain store.", "event": True, "type": "property_destruction",
             "writer": "Q"}]
    assert ship.apply_fixes(rows, [{"writer": "Q", "starts": "Fighters blew up", "type": "explosive_device",
                                    "detail": None}]) == 1
    assert (rows[0]["type"], rows[0]["sub_event_type"]) == ("explosive_device", "Remote explosive/landmine/IED")
    assert rows[1]["type"] == "property_destruction"
    with pytest.raises(ValueError):
        ship.apply_fixes(rows, [{"writer": "Q", "starts": "Nobody wrote this", "type": "other"}])
    with pytest.raises(ValueError):
        ship.apply_fixes(rows, [{"writer": "Q", "starts": "Fighters", "type": "other"}])  # two passages
    with pytest.raises(ValueError):
        ship.apply_fixes(rows, [{"writer": "Q", "starts": "Fighters burned", "type": "no_such_type"}])
    # Every shipped fix names one shipped passage, which carries the fixed label.
    shipped = {(it.writer, it.text): it for it in tm.read_items(tm.DATA_DIR / tm.WRITERS_FILE)}
    for fix in ship.read_fixes(ship.FIXES):
        hits = [it for (w, text), it in shipped.items() if w == fix["writer"] and text.startswith(fix["starts"])]
        assert len(hits) == 1 and hits[0].type == fix["type"], fix["starts"]


def test_the_model_decides_outright_where_the_policy_says_any_but_never_a_barred_move(toy_label_model):
    """A ``moves`` list of ``tm.ANY`` lets the model move the rules' label to any label it names, where it is much
    likelier; a barred (rules' label, label) pair stays barred. (Illustrative toy model.)"""
    text = "Villagers beat a thief to death in the market."
    anywhere = tm.DefaultTypingSettings(ratio=2.0, min_probability=0.1, moves={"armed_clash": (tm.ANY,)})
    ev = _Event("armed_clash")
    tm.retype(ev, text, toy_label_model, 0.0, settings=anywhere)
    assert (ev.type, ev.detail) == ("riot", "mob_violence") and "type_from_model" in ev.flags
    barred = tm.DefaultTypingSettings(ratio=2.0, min_probability=0.1, moves=anywhere.moves,
                                      barred=frozenset({("armed_clash", "riot/mob_violence")}))
    ev = _Event("armed_clash")
    tm.retype(ev, text, toy_label_model, 0.0, settings=barred)
    assert ev.type != "riot" or ev.detail != "mob_violence"
    # The shipped policy's barred moves are read into its settings.
    assert ("armed_clash", "mobilization") in tm._policy().barred


def test_outright_needs_most_writers_and_the_acled_check_half():
    keep = _policy_module().keep_outright
    four = ("A", "B", "C", "D")
    assert keep({"A": 2, "B": 1, "C": 3, "D": -1, "tune:A": 0, "tune:B": 1}, writers=four)
    assert not keep({"A": 2, "B": 1, "C": 3, "D": -1, "tune:A": 0, "tune:B": 0}, writers=four)  # B does not gain
    assert not keep({"A": 2, "B": 1, "C": 3, "tune:A": -1, "tune:B": 4}, writers=four)  # A loses
    assert not keep({"A": 5, "B": 1, "tune:A": 1, "tune:B": 1}, writers=four)  # two of four is no majority
    assert not keep({"A": 1, "B": 1, "C": 1, "tune:B": 1}, writers=four)  # three passages: too few
    assert keep({"A": 2, "B": 1, "C": 3}, acled=(), writers=four)  # without ACLED notes, writers decide


def test_a_withdrawal_is_never_made_of_forces_the_rules_know_are_not_foreign():
    """``not_by`` keyed by a taxonomy label bars a move to it by actor1's kind: the model reads "handed the base over
    and left"; the rules know whether the forces were the country's own (a retreat) or foreign (a withdrawal).
    (Illustrative sentence; the shipped model and policy.)"""
    text = "The last troops handed the base over to the national army and left the district on Monday."
    policy = tm._policy()
    assert "state_forces" in policy.not_by["withdrawal"] and "external" not in policy.not_by["withdrawal"]
    settings = tm.DefaultTypingSettings(ratio=2.0, min_probability=0.1, moves={"retreat": ("withdrawal",)},
                                        not_by=policy.not_by)
    ev = _Event("retreat", actors=[_Actor("state_forces")])
    tm.retype(ev, text, tm.default_model(), 0.0, settings=settings)
    assert ev.type == "retreat" and not ev.flags
    ev = _Event("retreat", actors=[_Actor("external")])
    tm.retype(ev, text, tm.default_model(), 0.0, settings=settings)
    assert ev.type == "withdrawal" and "type_from_model" in ev.flags


def test_no_clash_is_made_of_violence_the_rules_know_was_done_to_civilians(toy_label_model):
    """``not_on`` bars a move to a label by actor2's kind: an armed clash is fought between armed groups, and the rules
    know whom the violence was done to. (Illustrative toy model.)"""
    text = "Troops fought rebels near the post for hours."
    settings = tm.DefaultTypingSettings(ratio=2.0, min_probability=0.1, moves={"killing": ("armed_clash",)},
                                        not_on={"armed_clash": frozenset({"civilians"})})
    ev = _Event("killing", actors=[_Actor("civilians", role="actor2")])
    tm.retype(ev, text, toy_label_model, 0.0, settings=settings)
    assert ev.type == "killing" and not ev.flags
    ev = _Event("killing", actors=[_Actor("state_forces", role="actor2")])
    tm.retype(ev, text, toy_label_model, 0.0, settings=settings)
    assert ev.type == "armed_clash"
    assert tm._policy().not_on["armed_clash"] == frozenset({"civilians"})

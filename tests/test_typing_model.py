"""The default sub-event type model: shipped as plain data, trained only on the project's own corpus, loaded once,
used with the rules by its policy, replaced by a user's model, and switched off by CONTESTED_DEFAULT_TYPE_MODEL.

Every sentence here was written for these tests (none is in the corpus word for word)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from contested import typing_model as tm
from contested.pipeline import extract_text

# Rare sub-event types, told as a wire report might; the model alone must name them.
RARE = [
    ("Government troops were accused of releasing chlorine gas over a rebel-held suburb, leaving dozens of residents "
     "struggling to breathe.", "Chemical weapon"),
    ("Militiamen raped two women who had gone to fetch water near the camp.", "Sexual violence"),
    ("Armed men broke into the warehouse and looted sacks of grain meant for displaced families.",
     "Looting/property destruction"),
    ("Masked men seized a village headman from his house at night and drove off with him; his family has had no "
     "news of him since.", "Abduction/forced disappearance"),
    ("Police opened fire with live rounds on a peaceful march of nurses, killing three of them.",
     "Excessive force against protesters"),
    ("An angry crowd beat a suspected cattle thief to death at the market.", "Mob violence"),
    ("The rebels set up a new headquarters in the abandoned school on the edge of town.",
     "Headquarters or base established"),
    ("Army engineers defused a bomb found under a culvert on the main road.", "Disrupted weapons use"),
    ("A man threw a hand grenade into a crowded bar, wounding six customers.", "Grenade"),
    ("A suicide bomber blew himself up at the entrance of the ministry.", "Suicide bomb"),
]


def test_the_corpus_is_marked_as_written_for_the_project():
    lines = (tm.DATA_DIR / tm.CORPUS_FILE).read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    assert header["project_written"] is True and "Licence" in header["_about"]
    texts, labels = tm.read_corpus(tm.DATA_DIR / tm.CORPUS_FILE)
    assert len(texts) == len(lines) - 1
    counts = {label: labels.count(label) for label in set(labels)}
    assert len(counts) == 25, sorted(counts)  # all of ACLED's sub-event types
    assert min(counts.values()) >= 40, counts
    for text, _ in RARE:
        assert text not in texts


def test_the_default_model_is_plain_data_and_loaded_once():
    npz = np.load(tm.DATA_DIR / f"{tm.DEFAULT_STEM}.npz", allow_pickle=False)
    # weights as whole numbers with a step per class (TrainSettings.weight_levels), no pickle
    assert set(npz.files) == {"idf", "coef_q", "coef_scale", "intercept"}
    assert npz["coef_q"].dtype == np.int16 and int(np.abs(npz["coef_q"]).max()) <= tm.DEFAULT_TRAIN.weight_levels
    meta = json.loads((tm.DATA_DIR / f"{tm.DEFAULT_STEM}.json").read_text(encoding="utf-8"))
    # It names taxonomy labels (31: the types, with the details that choose a sub-event type) and sums them into
    # ACLED's 25 sub-event types.
    assert meta["label_kind"] == "taxonomy" and len(meta["classes"]) == 31
    assert npz["coef_q"].shape == tm.default_model().coef.shape == (31, len(meta["vocabulary"]))
    assert len(tm.default_model().classes) == 25
    assert tm.default_model() is tm.default_model()  # cached: no load per document


def test_weights_written_in_steps_read_back_within_half_a_step():
    rng = np.random.default_rng(0)
    coef = rng.normal(0, 3, size=(4, 50))
    coef[2] = 0.0  # a class with no weight at all
    for levels in (2047, 127):
        arrays = tm._coef_arrays(coef, levels)
        back = tm._coef(_Arrays(arrays))
        step = np.abs(coef).max(axis=1, keepdims=True) / levels
        assert np.all(np.abs(back - coef) <= step / 2 + 1e-6)
        assert not back[2].any()
    plain = tm._coef(_Arrays(tm._coef_arrays(coef, 0)))
    assert plain.dtype == np.float32 and np.allclose(plain, coef, atol=1e-5)


class _Arrays(dict):
    """A dict that answers ``files`` as a loaded .npz does."""

    @property
    def files(self) -> list[str]:
        return list(self)


@pytest.mark.parametrize(("text", "sub_event_type"), RARE)
def test_the_default_model_names_rare_types(text, sub_event_type):
    assert tm.default_model().predict(text).sub_event_type == sub_event_type


@pytest.mark.parametrize(("text", "rules", "model"), [
    ("On 4 May 2020, rebels took control of the town of Kalemie after the army garrison handed it over to them "
     "without a fight, residents said.", ("territory_captured", None), ("territory_captured", "non_violent")),
    ("On 4 May 2020, young men threw stones at police and burned tyres in the town centre after a curfew was "
     "announced.", ("riot", "mob_violence"), ("riot", "violent_demonstration")),
])
def test_the_default_model_retypes_neighbours_in_the_pipeline(monkeypatch, text, rules, model):
    monkeypatch.setenv(tm.DEFAULT_ENV, "off")
    rules_only = extract_text(text, published="2020-05-05")
    monkeypatch.setenv(tm.DEFAULT_ENV, "on")
    with_model = extract_text(text, published="2020-05-05")
    assert rules_only and with_model
    assert (rules_only[0].type, rules_only[0].detail) == rules
    assert (with_model[0].type, with_model[0].detail) == model
    assert "type_from_model" in with_model[0].flags and "type_from_model" not in rules_only[0].flags


def test_the_policy_moves_between_taxonomy_labels_the_model_knows():
    settings = tm.default_settings()
    assert settings.enabled and settings.ratio > 1 and settings.moves
    labels = set(tm.default_model().labels)
    for source, targets in settings.moves.items():
        assert source in labels and set(targets) <= labels and source not in targets
    # Where the rules know what the words do not tell (who did it, which way a place changed hands), no move.
    assert "territory_captured" not in settings.moves.get("territory_regained", ())
    assert "territory_regained" not in settings.moves.get("territory_captured/non_violent", ())
    # People detained at a demonstration are ACLED's protest with intervention; who took them (an arrest or an
    # abduction) is the rules'.
    assert set(settings.moves.get("arrest", ())) <= {"protest/with_intervention"}


def test_the_switch_and_a_users_model_win_over_the_default(monkeypatch, tmp_path):
    pytest.importorskip("sklearn")
    monkeypatch.setenv(tm.DEFAULT_ENV, "off")
    assert tm.active_model() == (None, 0.0)
    monkeypatch.delenv(tm.DEFAULT_ENV)
    model, _ = tm.active_model()
    assert model is tm.default_model() and model.is_default
    texts = [f"crowd at the stall number {i} took goods" for i in range(20)] + [
        f"fighters clashed with troops near post {i}" for i in range(20)]
    tm.train(texts, ["Looting/property destruction"] * 20 + ["Armed clash"] * 20, tmp_path / "toy")
    tm.use_model(tmp_path / "toy", threshold=0.6)
    try:
        model, threshold = tm.active_model()
        assert not model.is_default and model.classes == ["Armed clash", "Looting/property destruction"]
        assert threshold == 0.6
    finally:
        tm.use_model(None)
    assert tm.active_model()[0] is tm.default_model()


def test_a_sub_event_type_maps_to_the_taxonomy():
    from contested.taxonomy import acled_type

    for sub in tm.SUB_TO_TYPES:
        etype, detail = tm.type_for_sub_event(sub)
        assert acled_type(etype, detail).sub_event_type == sub
    assert tm.type_for_sub_event("Peaceful protest", "protest") == ("protest", "peaceful")
    assert tm.type_for_sub_event("Other") == ("other", None)
    assert tm.type_for_sub_event("no such type") is None


def test_the_default_model_is_rebuilt_from_the_corpus(tmp_path):
    pytest.importorskip("sklearn")
    info = tm.train_default(out=tmp_path)
    assert info["classes"] == 31
    rebuilt = tm.TypeModel(tmp_path, tm.DEFAULT_STEM)
    shipped = tm.default_model()
    texts, _ = tm.read_corpus(tm.DATA_DIR / tm.CORPUS_FILE)
    sample = texts[::7] + [t for t, _ in RARE]
    same = sum(rebuilt.predict(t).sub_event_type == shipped.predict(t).sub_event_type for t in sample)
    assert same >= 0.98 * len(sample)


def test_the_default_model_never_makes_armed_people_a_mob(monkeypatch):
    """A move to mob violence or a violent demonstration is barred where armed people did it (the rules know who,
    the model only reads words)."""
    settings = tm.default_settings()
    assert {"Mob violence", "Violent demonstration"} <= set(settings.not_by)
    assert "state_forces" in settings.not_by["Mob violence"]
    monkeypatch.setenv(tm.DEFAULT_ENV, "on")
    for text in ("On 4 May 2020, guerrillas and dissident fighters clashed in a village, injuring five people.",
                 "On 4 May 2020, soldiers clashed with militants in a village, injuring five people."):
        events = extract_text(text, published="2020-05-05")
        assert events and events[0].acled_sub_event_type != "Mob violence", text
    assert tm._armed_doers("Guerrillas clashed in a village.", "clashed")
    assert not tm._armed_doers("Villagers armed with sticks clashed with traders.", "clashed")


def test_a_model_whose_two_files_come_from_two_trainings_is_refused(tmp_path):
    pytest.importorskip("sklearn")
    looting = [f"Rioters looted {n} shops in the market of Tarvo on Monday." for n in range(12)]
    clash = [f"Soldiers clashed with {n} rebels near the bridge of Tarvo on Monday." for n in range(12)]
    labels = ["Looting/property destruction"] * 12 + ["Armed clash"] * 12
    tm.train(looting + clash, labels, tmp_path / "a")
    tm.train([t.replace("Monday", "Friday night") for t in looting + clash], labels, tmp_path / "b")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["model.json", "model.npz"]  # no temporary left
    tm.TypeModel(tmp_path / "a")  # whole: loads
    (tmp_path / "a" / "model.npz").write_bytes((tmp_path / "b" / "model.npz").read_bytes())
    with pytest.raises(ValueError, match="two trainings"):
        tm.TypeModel(tmp_path / "a")

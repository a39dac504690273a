"""The learned event-or-not gate (contested.stages.gate): its features, its stage, the shipped model, the
settings switch and the training's determinism."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contested.config import gate_settings, settings
from contested.nlp import load_nlp
from contested.pipeline import analyse, make_document
from contested.stages import gate
from contested.stages.grouping import asserted, drafts_of

PUBLISHED = date(2021, 7, 10)


def _drafts(text: str, rules: bool = True):
    doc = make_document(text, PUBLISHED)
    sentences = analyse(doc, load_nlp()(doc.text))
    out = []
    for si, sent in enumerate(sentences):
        drafts = drafts_of(sent, settings().extraction)
        for d in asserted(drafts, sent) if rules else drafts:
            out.append((d, sent, sentences, si))
    return out


def test_features_read_the_clause():
    (d, sent, sents, si), = _drafts("Taliban fighters captured the district of Imam Sahib on Sunday, officials said.")[:1]
    f = gate.features(d, sent, sents, si, PUBLISHED)
    assert f["bias"] == 1.0
    assert f[f"fam={d.family}"] == 1.0
    assert f["sent_date"] == 1.0 and "sent_place" in f and "attributed" in f
    assert "first_sentence" in f and "modal" not in f and "in_quotes" not in f


def test_features_mark_modal_person_and_quotes():
    rows = _drafts('"We attacked the town on Sunday and we will attack it again," the commander said.')
    assert rows
    d, sent, sents, si = rows[0]
    f = gate.features(d, sent, sents, si, PUBLISHED)
    assert "person12" in f and "in_quotes" in f and "subject_person12" in f


def test_features_never_hold_names():
    for d, sent, sents, si in _drafts("Rebels attacked Mocimboa da Praia in Cabo Delgado on Monday, killing 12."):
        f = gate.features(d, sent, sents, si, PUBLISHED)
        words = {k[2:] for k in f if k.startswith("w=")}
        assert not words & {"mocimboa", "praia", "cabo", "delgado", "monday", "12"}


@given(st.text(max_size=200))
@hsettings(max_examples=25, deadline=None)
def test_features_of_any_text_are_finite(text):
    for d, sent, sents, si in _drafts(text or "x"):
        f = gate.features(d, sent, sents, si, None)
        assert all(isinstance(v, float) for v in f.values())
        assert 0.0 <= gate.shipped_model().score(f) <= 1.0


def test_shipped_model_loads_and_scores():
    model = gate.shipped_model()
    assert model is not None and 0.0 < model.threshold < 1.0 and "project-written" in model.about
    assert model.score({"bias": 1.0}) != model.score({"bias": 1.0, "attributed": 1.0})


def test_stage_drops_under_threshold_with_reason():
    d, sent, sents, si = _drafts("Taliban fighters captured the district on Sunday.")[0]
    model = gate.GateModel({"bias": -5.0}, 0.5)
    kept, scores = gate.gate_drafts([d], sent, sents, si, PUBLISHED, model)
    assert kept == [] and scores[d.trigger.start] < 0.5
    assert sent.reasons[d.trigger.start].startswith("gate: ")
    kept, _ = gate.gate_drafts([d], sent, sents, si, PUBLISHED, gate.GateModel({"bias": 5.0}, 0.5))
    assert kept == [d]
    kept, scores = gate.gate_drafts([d], sent, sents, si, PUBLISHED, model, enabled=False)
    assert kept == [d] and scores == {}


def test_settings_switch(monkeypatch):
    monkeypatch.delenv("CONTESTED_GATE", raising=False)
    assert gate_settings().enabled is False  # off by default (see config.GateSettings)
    monkeypatch.setenv("CONTESTED_GATE", "1")
    assert gate_settings().enabled is True
    monkeypatch.setenv("CONTESTED_GATE", "0")
    monkeypatch.setenv("CONTESTED_GATE_THRESHOLD", "0.25")
    cfg = gate_settings()
    assert cfg.enabled is False and cfg.threshold == 0.25
    monkeypatch.setenv("CONTESTED_GATE_THRESHOLD", "2")
    with pytest.raises(ValueError):
        gate_settings()


def test_short_notes_are_kept(monkeypatch):
    from contested.pipeline import extract_text

    monkeypatch.setenv("CONTESTED_GATE", "1")
    for note in ["On 3 June 2019, Taliban fighters attacked a police checkpoint in Kunduz city, killing 2 policemen.",
                 "Security forces arrested 14 protesters in the capital on Friday."]:
        assert extract_text(note), note  # a coder's note: no publication date, gate on


def test_gate_score_is_in_explain_evidence(monkeypatch):
    from contested.pipeline import extract_text

    monkeypatch.setenv("CONTESTED_GATE", "1")
    evs = extract_text("Taliban fighters captured the district of Imam Sahib on Sunday, officials said.", PUBLISHED)
    assert evs and "gate " in (evs[0].evidence[0].reason or "")


def test_training_is_deterministic():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "train_gate", Path(__file__).resolve().parents[1] / "eval" / "train_eventness_gate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    examples = [({"bias": 1.0, "a": 1.0}, 1, 1.0), ({"bias": 1.0, "a": 1.0}, 1, 1.0),
                ({"bias": 1.0, "b": 1.0}, 0, 1.0), ({"bias": 1.0, "b": 1.0}, 0, 1.0)]
    w1, w2 = mod.train(examples), mod.train(examples)
    assert json.dumps(w1, sort_keys=True) == json.dumps(w2, sort_keys=True)
    assert w1["a"] > 0 > w1["b"]


def _trainer():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "train_gate", Path(__file__).resolve().parents[1] / "eval" / "train_eventness_gate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_training_reads_writers_items_by_writer(tmp_path):
    """The writers' corpus: a header line skipped, items grouped by their writer (one fold each), labelled by
    ``event`` (illustrative rows)."""
    path = tmp_path / "corpus.jsonl"
    rows = [{"_about": "header"},
            {"text": "Rebels took the town on Sunday.", "event": True, "type": "territory_captured", "writer": "A"},
            {"text": "The war may drag on for years.", "event": False, "reason": "prediction", "writer": "A"},
            {"text": "Police arrested nine men on Friday.", "event": True, "type": "arrest", "writer": "B"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    items = _trainer().corpus_items([path])
    assert list(items) == ["writer_A", "writer_B"]
    assert [it["event"] for it in items["writer_A"]] == [True, False]


def test_items_are_scored_whole():
    """An item is stored where any of its events is; gold, matched and detected count its event items."""
    mod = _trainer()
    model = gate.GateModel({"bias": 5.0}, 0.5)
    rows = [{"article": {"event": True}, "drafts": [], "events": ["e"]},
            {"article": {"event": False}, "drafts": [], "events": ["e", "f"]},
            {"article": {"event": True}, "drafts": [], "events": []}]
    c = mod.score_rows(rows, model, None, "items")
    assert (c["stored"], c["gold"], c["matched"], c["detected"]) == (2, 2, 1, 1)


def test_training_leaves_out_dropped_feature_families():
    examples = [({"bias": 1.0, "w=town": 1.0, "modal": 1.0}, 0, 1.0), ({"bias": 1.0, "w=town": 1.0}, 1, 1.0),
                ({"bias": 1.0, "modal": 1.0}, 0, 1.0), ({"bias": 1.0, "w=town": 1.0}, 1, 1.0)]
    weights = _trainer().train(examples, ("w=",))
    assert "w=town" not in weights and weights["modal"] < 0

"""`contested evaluate` and `contested train`: coded sets in, figures, a confusion table and the worst errors
out; a classifier trained on some months of ACLED's notes used on others.

The TSV lines are written for these tests. The ACLED notes and WikiEvents are read where they lie in
../shared/data (never copied); those tests skip where it is absent.
"""

from __future__ import annotations

import csv
import io
import json
from contextlib import redirect_stdout

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SHARED_DATA, need
from contested.cli import main
from contested.evaluate import SUB_EVENT_TYPES, detect_format, read_tsv, weighted_f1

AFG = SHARED_DATA / "acled_afg_2019_taliban_conflict_elections" / "acled_afg_2019-04-01_2019-07-31_taliban.csv"
WIKI = SHARED_DATA / "news_wikievents" / "dev.jsonl"

TSV_LINES = [
    ("text", "sub_event_type"),
    ("On 3 March 2022, police fired tear gas to disperse students protesting in the city centre.",
     "Protest with intervention"),
    ("On 4 March 2022, rioters set fire to two cars and looted shops in the market.", "Violent demonstration"),
    ("On 5 March 2022, gunmen abducted a teacher on the road to the village.", "Abduction/forced disappearance"),
    ("On 6 March 2022, a roadside bomb struck an army truck, killing two soldiers.", "Remote explosive/landmine/IED"),
]


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue()


def test_evaluate_a_tsv_prints_figures_confusion_and_errors(tmp_path):
    path = tmp_path / "coded.tsv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter="\t").writerows(TSV_LINES)
    code, out = run(["evaluate", str(path), "--json", str(tmp_path / "figures.json")])
    assert code == 0
    assert "sub_event_weighted_f1" in out and "per class:" in out
    figures = json.loads((tmp_path / "figures.json").read_text())
    assert figures["items"] == 4
    assert figures["sub_event_accuracy"] >= 0.75, out


def test_evaluate_the_gold_articles_from_the_command_line():
    code, out = run(["evaluate", str(FIXTURES / "news_gold_illustrative.jsonl")])
    assert code == 0
    assert "precision" in out and "recall" in out and "gold_events                    17" in out


def test_formats_are_told_apart(tmp_path):
    assert detect_format(FIXTURES / "news_gold_illustrative.jsonl") == "gold"
    assert detect_format(tmp_path / "x.tsv") == "tsv"
    assert detect_format(tmp_path / "x.csv") == "acled"


def test_weighted_f1_is_sklearns_weighted_f1():
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "a"]
    f1, per = weighted_f1(gold, pred)
    # a: P 1/2 R 1/2 F 0.5 (n=2); b: P 1/2 R 1 F 2/3 (n=1); c: 0 (n=1)
    assert f1 == pytest.approx((0.5 * 2 + 2 / 3) / 4)
    assert per["b"]["recall"] == 1.0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1),
                          st.sampled_from(sorted(SUB_EVENT_TYPES))), max_size=8))
def test_read_tsv_reads_back_what_csv_writes(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("tsv") / "rows.tsv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter="\t").writerows(rows)
    expected = [(t.strip(), s) for t, s in rows if t.strip()]
    assert [(t, s) for t, s, _ in read_tsv(path)] == expected


def test_wikievents_per_sentence_precision_and_recall():
    need(WIKI)
    from contested.evaluate import evaluate_wikievents

    report = evaluate_wikievents(WIKI, limit=6)
    assert report.figures["gold_conflict_sentences"] > 0
    assert report.figures["precision"] >= 0.5 and report.figures["recall"] >= 0.6, report.figures


def test_train_on_some_months_and_type_others(tmp_path):
    need(AFG)
    pytest.importorskip("sklearn")
    from contested.typing_model import TypeModel, read_acled, use_model

    out = tmp_path / "model"
    code, text = run(["train", "--acled", str(AFG), "--months", "2019-04", "2019-05", "--out", str(out)])
    assert code == 0, text
    assert json.loads(text)["examples"] > 1000
    model = TypeModel(out)
    held_out = read_acled(AFG, ["2019-06", "2019-07"])
    assert held_out and not set(r[0] for r in held_out) & set(r[0] for r in read_acled(AFG, ["2019-04", "2019-05"]))
    f1, _ = weighted_f1([r[1] for r in held_out], [model.predict(r[0]).sub_event_type for r in held_out])
    assert f1 >= 0.8, f1  # the classifier alone, on months it never saw

    # The pipeline with the model (--model DIR) on held-out notes: rules find the events, the model retypes.
    code, text = run(["evaluate", str(AFG), "--months", "2019-06", "2019-07", "--limit", "300",
                      "--model", str(out), "--json", str(tmp_path / "f.json")])
    use_model(None)
    assert code == 0, text
    assert json.loads((tmp_path / "f.json").read_text())["sub_event_weighted_f1"] >= 0.9, text


def test_train_explains_a_missing_file(tmp_path):
    code, _ = run(["train", "--acled", str(tmp_path / "none.csv"), "--out", str(tmp_path / "m")])
    assert code == 2


def test_a_model_dir_that_is_no_model_is_refused(tmp_path):
    code, _ = run(["extract", str(FIXTURES / "offensive_2021_illustrative.txt"), "--model", str(tmp_path)])
    assert code == 2


def test_a_trained_model_retypes_where_confident(tmp_path):
    pytest.importorskip("sklearn")
    from contested.pipeline import extract_text
    from contested.typing_model import TypeModel, train, use_model

    # A toy model written here: it calls every text about a "stall" looting.
    texts = [f"crowd at the stall number {i} took goods" for i in range(30)] + [
        f"fighters clashed with troops near post {i}" for i in range(30)]
    labels = ["Looting/property destruction"] * 30 + ["Armed clash"] * 30
    train(texts, labels, tmp_path / "toy")
    assert TypeModel(tmp_path / "toy").predict("the crowd at the stall took goods").sub_event_type.startswith("Looting")
    text = "On 4 May 2021, fighters attacked the stall in Kunduz city and took goods."
    use_model(tmp_path / "toy", threshold=0.5)
    try:
        retyped = extract_text(text, published="2021-05-05")
    finally:
        use_model(None)
    assert retyped and retyped[0].acled_sub_event_type == "Looting/property destruction"
    assert "type_from_model" in retyped[0].flags
    assert extract_text(text, published="2021-05-05")[0].acled_sub_event_type != "Looting/property destruction"

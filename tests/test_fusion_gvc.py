"""Fusion on real news (a few incidents of ../shared/data/news_gvc_gun_violence, read where they lie): fusing
must group articles of one incident better than leaving each article alone, without merging incidents."""

from __future__ import annotations

import importlib.util

from contested.taxonomy import EVENT_TYPES
from tests.conftest import REPO, SHARED_DATA, need


def _eval_module():
    spec = importlib.util.spec_from_file_location("gvc_fusion_eval", REPO / "eval" / "gvc_fusion_eval.py")
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    return ev


def test_main_event_types_are_the_taxonomys_violent_types():
    ev = _eval_module()
    assert set(ev.VIOLENT) <= set(EVENT_TYPES)
    assert {"armed_clash", "killing"} <= set(ev.VIOLENT) and "arrest" not in ev.VIOLENT


def test_fusion_groups_articles_of_one_incident(tmp_path):
    need(SHARED_DATA / "news_gvc_gun_violence" / "documents.jsonl")
    ev = _eval_module()
    docs, incidents = ev.load("tune", 12)
    assert len(incidents) == 12 and len(docs) >= 24
    per_doc = {d: ev.fuse_article(e) for d, e in ev.extract(docs, tmp_path).items()}
    res = ev.evaluate(docs, incidents, per_doc)
    p, r, f = res["bcubed_fusion"]
    p0, r0, f0 = res["bcubed_no_fusion"]
    assert p0 == 1.0 and f > f0 + 0.1, res
    assert p >= 0.85 and r > r0, res
    # The extraction cache is read back the same.
    again = {d: ev.fuse_article(e) for d, e in ev.extract(docs, tmp_path).items()}
    assert ev.evaluate(docs, incidents, again)["bcubed_fusion"] == res["bcubed_fusion"]

"""`contested evaluate` on gold articles: the place checked by its name, country and first-level unit; the
type-free figures (event or not, one event per happening) beside the typed ones; and the articles written
before the pipeline was run on them (tests/fixtures/news_gold_unseen_illustrative.jsonl), in a form the
evaluator reads."""

from __future__ import annotations

import json
from datetime import date

from conftest import FIXTURES
from contested.evaluate import gold_location, match_article, place_right, read_gold, same_unit
from contested.records import Claim, DateSpan, Event, Location
from contested.taxonomy import acled_type

UNSEEN = FIXTURES / "news_gold_unseen_illustrative.jsonl"


def test_the_unseen_articles_are_illustrative_long_and_fully_marked():
    articles = read_gold(UNSEEN)  # raises where a mention or a not_event is not in the text
    assert len(articles) == 6
    for a in articles:
        assert a["illustrative"] is True and "ILLUSTRATIVE" in a["text"] and a["note"]
        assert 800 <= len(a["text"].split()) <= 1500, a["id"]
        assert a["not_events"], a["id"]
        for ev in a["events"]:
            loc = gold_location(ev)
            assert loc and loc["country"] and loc["admin1"], (a["id"], ev["id"])
            assert acled_type(ev["type"], ev.get("detail")).sub_event_type == ev["sub_event_type"], (a["id"], ev)
            date.fromisoformat(ev["date"])
    assert len({a["events"][0]["location"]["country"] for a in articles}) == 6


def test_spellings_of_one_unit_are_one_unit():
    for a, b in [("Tigray", "Tigrai"), ("Amhara", "Amara"), ("Odesa", "Odeska"), ("Sagaing Region", "Sagaing"),
                 ("Kherson", "Khersonska"), ("Cabo Delgado", "Cabo Delgado Province")]:
        assert same_unit(a, b), (a, b)
    for a, b in [("Kherson", "Kharkiv"), ("Est", "Ouest"), ("Centre", "Centre-Est"), ("Nord", "Nord-Ouest"),
                 ("Sahel", None), (None, None), ("North Kivu", "South Kivu")]:
        assert not same_unit(a, b), (a, b)


def test_one_unit_under_a_local_and_an_english_name():
    # The gazetteer shows a unit's English name; a coder's local spelling is still that unit.
    for a, b in [("Nord-Kivu", "North Kivu"), ("Alger", "Algiers")]:
        assert same_unit(a, b), (a, b)


def _loc(name, admin1, country, text=None):
    return Location(name=name, text=text or name, country=country, admin1=admin1, admin2=None, lat=None, lon=None)


def _event(type_, loc, span, day="2022-10-03"):
    claim = Claim(doc_id="d", source=None, published=None, attributed_to=None, attribution_text=None,
                  stance="asserts", hedged=False, sentence="", span=span)
    return Event(id=f"{type_}{span}", type=type_, acled_event_type="", acled_sub_event_type="", location=loc,
                 date=DateSpan(date.fromisoformat(day), date.fromisoformat(day), "day", day), claims=[claim])


def test_place_is_checked_by_name_or_alternative_country_and_admin1():
    gold = {"location": {"name": "Diaca", "country": "Mozambique", "admin1": "Cabo Delgado",
                         "alternatives": ["Mocímboa da Praia"]}}
    assert place_right(gold, _event("x", _loc("Mocimboa da Praia", "Cabo Delgado", "Mozambique"), (0, 1))) == {
        "name": True, "country": True, "admin1": True}
    assert place_right(gold, _event("x", _loc("Pemba", "Niassa", "Mozambique"), (0, 1))) == {
        "name": False, "country": True, "admin1": False}
    assert place_right({"location": "Diaca"}, _event("x", None, (0, 1))) == {
        "name": False, "country": None, "admin1": None}


def test_one_sentence_two_villages_each_matched_at_its_place_and_wrong_types_detected():
    text = "Troops took back Alpha and Beta on Monday. Rebels shelled Gamma on Monday."
    article = {"text": text, "events": [
        {"id": "e1", "type": "territory_regained", "location": {"name": "Alpha", "country": "C", "admin1": "A"},
         "date": "2022-10-03", "mentions": ["Troops took back Alpha and Beta on Monday"]},
        {"id": "e2", "type": "territory_regained", "location": {"name": "Beta", "country": "C", "admin1": "A"},
         "date": "2022-10-03", "mentions": ["Troops took back Alpha and Beta on Monday"]},
        {"id": "e3", "type": "shelling", "location": {"name": "Gamma", "country": "C", "admin1": "A"},
         "date": "2022-10-03", "mentions": ["Rebels shelled Gamma on Monday"]}]}
    first = (0, 42)
    events = [_event("territory_regained", _loc("Beta", "A", "C"), first),
              _event("territory_regained", _loc("Alpha", "A", "C"), first),
              _event("armed_clash", _loc("Gamma", "A", "C"), (43, len(text))),
              _event("air_strike", _loc("Gamma", "A", "C"), (43, len(text)))]
    res = match_article(article, events)
    assert res["matched"] == 2 and res["place_ok"] == 2 and res["admin1_ok"] == 2 and res["country_ok"] == 2
    # Two events of the wrong type tell e3: one is e3 found with the wrong type, the other is noise.
    assert res["detected"] == 3 and res["stored"] == 4
    assert [r["outcome"] for r in res["rows"]].count("wrong_type") == 2


def test_the_figures_include_type_free_and_admin1(tmp_path):
    from contested.evaluate import evaluate_gold

    text = "ILLUSTRATIVE. Gunmen killed four villagers in Chai, Macomia district, Cabo Delgado, on Friday."
    article = {"id": "t", "illustrative": True, "published": "2021-08-10", "source": "Example", "text": text,
               "events": [{"id": "e1", "type": "killing", "detail": None,
                           "location": {"name": "Chai", "country": "Mozambique", "admin1": "Cabo Delgado"},
                           "date": "2021-08-06", "mentions": ["Gunmen killed four villagers"]}],
               "not_events": []}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    figures = evaluate_gold(path).figures
    for key in ("precision", "recall", "detected_precision", "detected_recall", "type_right_of_detected",
                "place_right_of_matched", "admin1_right_of_matched", "country_right_of_matched",
                "date_right_of_matched"):
        assert key in figures, key
    assert figures["gold_events"] == 1

"""Names that are not the place of an event, and places the text describes (issue 8, found on long articles
written blind): rivers and weapons, the place where words were said (no vote for the article's country),
"X, the capital of Y", places named only to say where another lies, organisations named after a place, a place
no package knows named again later."""

from __future__ import annotations

import pytest

from contested.gazetteer import Gazetteer
from contested.pipeline import _home_country, _place_mentions, extract_text
from contested.records import Location


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer.load(tmp_path_factory.mktemp("more_home"))


@pytest.fixture(scope="module")
def nlp():
    from contested.nlp import load_nlp

    return load_nlp()


def names(gaz, nlp, text: str) -> set[str]:
    return {m.text for m in _place_mentions(gaz, nlp(text), text)}


def places(text: str, published: str = "2022-11-15") -> list[tuple[str | None, str | None, str | None]]:
    return [
        (
            e.location.name if e.location else None,
            e.location.admin1 if e.location else None,
            e.location.country if e.location else None,
        )
        for e in extract_text(text, published=published)
    ]


def test_a_sentence_initial_preposition_is_not_part_of_a_name(gaz):
    # "In Nakuru" is not "En Nakura" (Lebanon), which the lossy key joins to it; "In Salah" is a town so spelt
    found = {m.text: m for m in gaz.find("In Nakuru, a mob beat a man to death. In Salah was quiet.")}
    assert "Nakuru" in found and "In Nakuru" not in found
    assert any(p.country_code == "KE" for p in found["Nakuru"].candidates)
    assert any(p.country_code == "DZ" for p in found["In Salah"].candidates)


@pytest.mark.parametrize(
    "text, river",
    [
        (
            "Ukrainian forces retook the village of Dudchany on the west bank of the Dnipro river on Monday.",
            "Dnipro",
        ),
        (
            "Russian troops dug in along the Inhulets river shelled Ukrainian positions near Davydiv Brid.",
            "Inhulets",
        ),
    ],
)
def test_a_name_the_text_calls_a_river_is_not_a_place(gaz, nlp, text, river):
    assert river not in names(gaz, nlp, text)


def test_the_river_named_again_after_the_is_not_a_place(gaz, nlp):
    text = (
        "Ukrainian forces pushed east towards the Dnipro river on Monday. Russian forces shelled Nikopol, across "
        "the Dnipro from the power plant, on Tuesday."
    )
    found = [m for m in _place_mentions(gaz, nlp(text), text)]
    assert [m.text for m in found] == ["Nikopol"]


def test_a_city_named_like_a_river_stays_a_place_without_the(gaz, nlp):
    text = "Missiles struck Dnipro on Tuesday, killing four people. Troops crossed the Dnipro river."
    found = [m for m in _place_mentions(gaz, nlp(text), text)]
    assert [m.text for m in found] == ["Dnipro"] and found[0].start == text.index("Dnipro")


def test_weapons_are_not_places(gaz, nlp):
    text = (
        "Russian forces shelled Nikopol with Grad rockets on Tuesday. The army struck a depot with Himars on "
        "Wednesday."
    )
    assert names(gaz, nlp, text) == {"Nikopol"}
    assert places(text)[0][0] == "Nikopol"
    assert all(p[0] in ("Nikopol", None) for p in places(text))


def test_a_town_described_as_a_capital_is_that_town_not_its_region():
    (ev, *_rest) = places(
        "Ethiopian military aircraft struck Mekelle, the capital of the northern Tigray region, "
        "on Monday, killing three civilians.",
        published="2021-10-20",
    )
    assert ev[0] in ("Mekelle", "Mek'ele") and ev[2] == "Ethiopia"


def test_a_place_no_package_knows_described_as_a_town_is_put_in_its_unit():
    evs = places(
        "Heavy fighting broke out on Tuesday between the Ethiopian army and Tigrayan forces around "
        "Wegeltena, a town in South Wollo zone, residents said.",
        published="2021-10-20",
    )
    assert evs and evs[0][0] == "Wegeltena" and evs[0][2] == "Ethiopia"


def test_the_place_where_words_were_said_does_not_vote_for_the_country():
    text = (
        "Fighting between rebels and the army in Goma killed 12 civilians on Monday, the United Nations "
        "human rights office said in Geneva on Tuesday. Rebels also shelled Sake, a town west of Goma, a "
        "spokesman told reporters in Geneva."
    )
    evs = places(text, published="2022-11-15")
    assert evs and all(c == "Democratic Republic of the Congo" for _, _, c in evs)
    assert [n for n, _, _ in evs] == ["Goma", "Sake"]  # "west of Goma" says where Sake lies


def test_where_words_were_said_is_read_from_the_parse(gaz, nlp):
    from contested.pipeline import _said_at

    text = (
        "Gunmen attacked Bunia on Monday, killing four people, a UN spokesman told reporters in Geneva. Fighting "
        "in Geneva district was reported."
    )
    ms = _place_mentions(gaz, nlp(text), text)
    said = _said_at(nlp(text), ms)
    assert [ms[k].text for k in sorted(said)] == ["Geneva"] and ms[min(said)].start == text.index("Geneva")


def test_a_silent_mention_does_not_vote_for_the_country(gaz):
    from contested.gazetteer import GazetteerMention
    from contested.records import Place

    geneva = GazetteerMention(0, 6, "Geneva", gaz.lookup("Geneva"))
    swiss = Place(
        "t:1", "Testville", "populated_place", "Switzerland", "CH", None, None, 46.0, 7.0, None, 1_000
    )
    congo = Place(
        "t:2",
        "Testville",
        "populated_place",
        "Democratic Republic of the Congo",
        "CD",
        None,
        None,
        -1.0,
        29.0,
        None,
        3_000,
    )
    town = GazetteerMention(20, 29, "Testville", [swiss, congo])
    assert gaz.resolve([geneva, town])[1].country == "Switzerland"  # Geneva makes the story Swiss
    assert gaz.resolve([geneva, town], silent={0})[1].country == "Democratic Republic of the Congo"


def test_a_name_votes_with_the_countries_where_it_is_spelt_as_written(gaz):
    goma = gaz.lookup("Goma")
    votes = gaz.focus([goma], ["Goma"])
    assert max(votes, key=votes.get) == "CD"
    assert "NG" not in votes  # "Guma", a district of Nigeria the lossy key joins to it


def test_a_place_named_to_say_where_another_lies_alone_is_near_it():
    (ev,) = extract_text(
        "A bomb exploded 20 km north of Kabul on Monday, killing three Afghan soldiers.",
        published="2019-05-20",
    )
    assert ev.location is not None and ev.location.name == "Kabul" and ev.location.precision == 2


def test_an_organisation_named_after_a_place_is_not_that_place(gaz, nlp):
    text = "Fighters backed by the Kachin Independence Army overran the police station in Kawlin on Monday."
    assert "Kachin" not in names(gaz, nlp, text)


def test_a_place_no_package_knows_named_again_is_the_same_place():
    text = (
        "Resistance fighters captured the town of Kawlin in Myanmar's Sagaing region on Monday. A day later, "
        "military jets bombed Kawlin, killing four civilians, residents said."
    )
    evs = places(text, published="2023-11-08")
    assert len(evs) >= 2 and all(n == "Kawlin" and a1 == "Sagaing" and c == "Myanmar" for n, a1, c in evs)


def _loc(name: str, text: str, country: str, feature: str = "populated_place") -> Location:
    return Location(name=name, text=text, country=country, admin1=None, admin2=None, lat=None, lon=None,
                    feature=feature)


def test_home_country_counts_distinct_names_and_exact_spellings_over_repeats(gaz):
    # a name only the lossy key joins to a town abroad, said twice, does not outvote a name spelt as its place
    # once: the home country (which names "police" and "soldiers") is the exact one's
    locs = [_loc("Miraguai", "Mir Agha", "Brazil"), _loc("Farah", "Farah", "Afghanistan"),
            _loc("Miraguai", "Mir Agha", "Brazil")]
    assert _home_country(gaz, locs, {}) == "Afghanistan"
    # a town spelt as written and named again and again outweighs stray readings the lossy key joins abroad
    locs = [_loc("Caracas", "Caracas", "Venezuela")] * 3 + [
        _loc("Vici", "Vice", "United States"), _loc("Ross", "Russia", "United States"),
        _loc("China", "China", "United States")]
    assert _home_country(gaz, locs, {}) == "Venezuela"
    # two distinct names spelt as their places outvote one
    locs = [_loc("Farah", "Farah", "Afghanistan"), _loc("Goma", "Goma", "DR Congo"),
            _loc("Sake", "Sake", "DR Congo")]
    assert _home_country(gaz, locs, {}) == "DR Congo"
    # countries named do not count as placed; nothing placed and no hint: the one country named
    assert _home_country(gaz, [_loc("Kenya", "Kenya", "Kenya", "country")], {}) == "Kenya"


def test_a_name_the_lossy_key_joins_to_a_differently_cut_name_abroad_does_not_decide_the_country():
    # "Mir Agha" (two words) meets Miraguai (Brazil) only through the lossy key: it neither votes Brazil into
    # the article's countries nor, said three times, outvotes the province named once
    text = ("Gunmen attacked a checkpoint in the Mir Agha area of Farah province on Monday. Two policemen were "
            "killed in Mir Agha, and the attackers later took the post in Mir Agha.")
    events = extract_text(text, published="2019-07-03")
    assert events
    assert all(e.location is None or e.location.country == "Afghanistan" for e in events)
    assert {e.location.name for e in events if e.location} == {"Farah"}
    actor_names = {a.name for e in events for a in e.actors}
    assert not any("Brazil" in n for n in actor_names)
    assert any("Afghanistan" in n for n in actor_names)


@pytest.mark.parametrize(
    ("text", "name", "admin1", "feature"),
    [
        # a city of a million people under the common spelling of its name, before a smaller town spelt so
        ("Protesters blocked a road near Odessa on Saturday, and police detained two of them.",
         "Odesa", "Odesa", "populated_place"),
        # unless the text names the unit that decides
        ("A man was shot dead in Odessa, Texas on Friday night, police said.", "Odessa", "Texas",
         "populated_place"),
        # or the kind of place: a state, not its capital city
        ("Gunmen abducted 12 farmers in Kaduna State on Sunday, police said.", "Kaduna", "Kaduna", "province"),
    ],
)
def test_a_city_of_a_million_under_a_close_spelling(text, name, admin1, feature):
    (ev,) = extract_text(text, published="2020-05-10")
    assert ev.location is not None
    assert (ev.location.name, ev.location.admin1, ev.location.feature) == (name, admin1, feature)

"""Places named in passing: a place inside an apposition to the happening's place says where that place lies,
and the place people fled to is where they went; neither is a second place of the happening."""

from contested.pipeline import extract_text


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.location.name if e.location else None) for e in extract_text(text, published="2023-11-14")]


def test_the_region_in_an_apposition_is_no_second_place():
    got = _places("Gunmen attacked Stepove, a small village in the Donetsk region, on Friday, killing two farmers.")
    assert [name for _, name in got] == ["Stepove"]


def test_two_places_in_a_list_stay_two_events():
    # (the check's own guard: the rule sets aside a place in an apposition only, not one of a list)
    got = _places("Russian artillery shelled the towns of Kupiansk and Izium on Friday.")
    assert len(got) == 2 and "Kupiansk" in {name for _, name in got}


def test_where_people_fled_to_is_no_second_place_of_the_flight():
    got = _places("About 300 families fled Nad Ali to the edge of Kandahar city on Friday, a local "
                  "official said.")
    assert [name for _, name in got] == ["Nad Ali"]


def test_two_places_people_fled_stay_two():
    got = _places("Thousands of people fled fighting in Kunduz and Baghlan on Sunday, officials said.")
    assert len(got) == 2

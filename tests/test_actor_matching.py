"""Actor aliases (data/actors.json and the user's CSV) matched by spaCy PhraseMatchers."""

from __future__ import annotations

import pytest

from contested.actors import BUILTIN, ActorDictionary, ActorEntry
from contested.nlp import load_nlp

ACTORS = ActorDictionary(BUILTIN)


def names(text: str, actors: ActorDictionary = ACTORS) -> list[tuple[str, str]]:
    return [(a.name, a.text) for a in actors.find(text)]


@pytest.mark.parametrize("text, expected", [
    # The longest alias at a position wins. (No country given: "police" is no country's police.)
    ("Afghan Local Police and local police fled.",
     [("Police Forces of Afghanistan (2014-) Afghan Local Police", "Afghan Local Police"),
      ("Police Forces", "local police")]),
    ("Tajik border guards", [("Military Forces of Tajikistan", "Tajik border guards")]),
    # Acronyms match only as written; other aliases in any case.
    ("The ALP and the alp; the TALIBAN.",
     [("Police Forces of Afghanistan (2014-) Afghan Local Police", "ALP"), ("Taliban", "TALIBAN")]),
    # A name glued to a word or a hyphen names nobody: "pro-Taliban", "Taliban-held".
    ("pro-Taliban clerics in a Taliban-held area", []),
    ("Taliban, Daesh/ISIS, ISKP", [("Taliban", "Taliban"), ("Islamic State", "Daesh"),
                                   ("Islamic State", "ISIS"), ("Islamic State (Afghanistan)", "ISKP")]),
    # A token that is not one plain word is searched word by word: '."Police', 'police,[9]'.
    ('"It was over."Police said; pursued by police,[9] he fled; pro-Taliban.[3]',
     [("Police Forces", "Police"), ("Police Forces", "police")]),
    # Spelling as written ("U.S." is one token).
    ("U.S. Forces and US troops", [("Military Forces of the United States", "U.S. Forces"),
                                   ("Military Forces of the United States", "US troops")]),
])
def test_aliases(text, expected):
    assert names(text) == expected


def test_user_entries_override_and_extend():
    actors = ActorDictionary([*BUILTIN, ActorEntry("Red Brigade", "political_militia", ("RB", "the brigade")),
                              ActorEntry("Local Guard", "identity_militia", ("local police",))])
    assert names("RB and the brigade met local police.", actors) == [
        ("Red Brigade", "RB"), ("Red Brigade", "the brigade"), ("Local Guard", "local police")]


def test_offsets_in_a_parsed_document():
    text = "Officials spoke. Taliban fighters attacked Afghan forces near the city."
    sent = list(load_nlp()(text).sents)[1]
    got = ACTORS.find_in(sent)
    assert [(a.text, text[a.start:a.end]) for a in got] == [("Taliban fighters", "Taliban fighters"),
                                                           ("Afghan forces", "Afghan forces")]
    assert [(a.start, a.end) for a in got] == [(a.start, a.end) for a in ACTORS.find(sent.text, sent.start_char)]


@pytest.mark.parametrize("country, expected", [
    # The words that name a force or people by what it is name those of the country the article is about.
    ("Afghanistan", [("Police Forces of Afghanistan (2014-) Afghan Local Police", "local police"),
                     ("Military Forces of Afghanistan (2014-)", "government forces"),
                     ("Taliban", "insurgents"), ("Civilians (Afghanistan)", "villagers")]),
    ("Mozambique", [("Police Forces of Mozambique", "local police"),
                    ("Military Forces of Mozambique", "government forces"),
                    ("Unidentified Armed Group (Mozambique)", "insurgents"), ("Civilians (Mozambique)", "villagers")]),
    ("United States", [("Police Forces of the United States", "local police"),
                       ("Military Forces of the United States", "government forces"),
                       ("Unidentified Armed Group (United States)", "insurgents"),
                       ("Civilians (United States)", "villagers")]),
    # No country: no country is assumed.
    (None, [("Police Forces", "local police"), ("Military Forces", "government forces"),
            ("Unidentified Armed Group", "insurgents"), ("Civilians", "villagers")]),
])
def test_generic_words_name_the_country_of_the_article(country, expected):
    text = "The local police and government forces said insurgents killed villagers."
    assert [(a.name, a.text) for a in ACTORS.find(text, country=country)] == expected


def test_a_users_entry_for_the_country_gives_the_generic_words_its_name():
    users = ActorDictionary([*BUILTIN, ActorEntry("Police Forces of Kenya (2022-)", "state_forces", (), "Kenya")])
    assert [(a.name, a.text) for a in users.find("Police fired tear gas.", country="Kenya")] == [
        ("Police Forces of Kenya (2022-)", "Police")]
    assert [a.name for a in users.find("Police fired tear gas.", country="Uganda")] == ["Police Forces of Uganda"]


def test_named_actors_keep_their_name_in_any_country():
    assert [a.name for a in ACTORS.find("Afghan forces and the Taliban", country="Pakistan")] == [
        "Military Forces of Afghanistan (2014-)", "Taliban"]

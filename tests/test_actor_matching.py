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


# ---------------------------------------------------------------- forces named by the words before them

def parsed_actors(text: str, country: str | None) -> list[tuple[str, str | None, str]]:
    doc = load_nlp()(text)
    return [(a.name, a.kind, a.text) for a in ACTORS.find_in(doc[:], country=country)]


@pytest.mark.parametrize("text, country, expected", [
    # A word of nationality names that country's force, external where the article is about another one.
    ("Rwandan troops retook the town.", "Mozambique",
     [("Military Forces of Rwanda", "external", "Rwandan troops")]),
    ("Eritrean soldiers killed civilians.", "Ethiopia",
     [("Military Forces of Eritrea", "external", "Eritrean soldiers"), ("Civilians (Ethiopia)", "civilians", "civilians")]),
    ("Kenyan police fired tear gas.", "Kenya", [("Police Forces of Kenya", "state_forces", "Kenyan police")]),
    ("Afghan civilians were killed.", "Pakistan", [("Civilians (Afghanistan)", "civilians", "Afghan civilians")]),
    # A country's name with the words of a state's own forces.
    ("Somali National Army troops retook the village.", "Somalia",
     [("Military Forces of Somalia", "state_forces", "Somali National Army")]),
    ("Ukrainian Armed Forces shelled the village.", "Ukraine",
     [("Military Forces of Ukraine", "state_forces", "Ukrainian Armed Forces")]),
    # Proper names before a force word: a group of its own, rebels where its words say so; a group of the
    # dictionary (data/actors.json) is named and typed as the dictionary says.
    ("The Kachin Independence Army attacked a post.", "Myanmar",
     [("KIA: Kachin Independence Army", "rebels", "Kachin Independence Army")]),
    ("The Sudan Liberation Army clashed with troops.", "Sudan",
     [("Sudan Liberation Army", "rebels", "Sudan Liberation Army"), ("Military Forces of Sudan", "state_forces", "troops")]),
    ("The Arakan Army captured the town.", "Myanmar", [("AA: Arakan Army", "rebels", "Arakan Army")]),
    ("The Chin Brotherhood Army captured the town.", "Myanmar",
     [("Chin Brotherhood Army", None, "Chin Brotherhood Army")]),
    ("Residents said M23 rebels seized the town.", "Democratic Republic of the Congo",
     [("Civilians (Democratic Republic of the Congo)", "civilians", "Residents"), ("M23: March 23 Movement", "rebels", "M23 rebels")]),
    ("Al-Shabaab fighters attacked the base.", "Somalia", [("Al Shabaab", "rebels", "Al-Shabaab fighters")]),
    # Not a name: a creed, a city's police, the generic words, a dictionary name, a code a word spells.
    ("Jihadist fighters attacked the town.", "Burkina Faso", []),
    ("Chicago Police arrested two men.", "United States",
     [("Police Forces of the United States", "state_forces", "Police")]),
    ("Army troops attacked the village.", "Nigeria", [("Military Forces of Nigeria", "state_forces", "Army troops")]),
    ("Taliban fighters attacked Afghan forces.", "Afghanistan",
     [("Taliban", "rebels", "Taliban fighters"), ("Military Forces of Afghanistan (2014-)", "state_forces", "Afghan forces")]),
])
def test_forces_named_by_the_words_before_them(text, country, expected):
    assert parsed_actors(text, country) == expected


def test_militia_is_a_local_word_of_the_afghan_dictionary_only():
    # "militiamen" names Afghanistan's pro-government militia in an Afghan story, nobody in another country's.
    assert parsed_actors("Local militiamen clashed with the Taliban.", "Afghanistan")[0][0] == "Militia (Pro-Government)"
    assert parsed_actors("Armed militiamen attacked the village.", "Sudan") == []

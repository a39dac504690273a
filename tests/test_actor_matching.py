"""Actor aliases (data/actors.json and the user's CSV) matched by spaCy PhraseMatchers."""

from __future__ import annotations

import pytest

from contested.actors import BUILTIN, ActorDictionary, ActorEntry
from contested.nlp import load_nlp

ACTORS = ActorDictionary(BUILTIN)


def names(text: str, actors: ActorDictionary = ACTORS) -> list[tuple[str, str]]:
    return [(a.name, a.text) for a in actors.find(text)]


@pytest.mark.parametrize("text, expected", [
    # The longest alias at a position wins.
    ("Afghan Local Police and local police fled.",
     [("Police Forces of Afghanistan (2014-) Afghan Local Police", "Afghan Local Police"),
      ("Police Forces of Afghanistan (2014-) Afghan Local Police", "local police")]),
    ("Tajik border guards", [("Military Forces of Tajikistan", "Tajik border guards")]),
    # Acronyms match only as written; other aliases in any case.
    ("The ALP and the alp; the TALIBAN.",
     [("Police Forces of Afghanistan (2014-) Afghan Local Police", "ALP"), ("Taliban", "TALIBAN")]),
    # A name glued to a word or a hyphen names nobody: "pro-Taliban", "Taliban-held".
    ("pro-Taliban clerics in a Taliban-held area", []),
    ("Taliban, Daesh/ISIS", [("Taliban", "Taliban"), ("Islamic State (Afghanistan)", "Daesh"),
                             ("Islamic State (Afghanistan)", "ISIS")]),
    # A token that is not one plain word is searched word by word: '."Police', 'police,[9]'.
    ('"It was over."Police said; pursued by police,[9] he fled; pro-Taliban.[3]',
     [("Police Forces of Afghanistan (2014-)", "Police"), ("Police Forces of Afghanistan (2014-)", "police")]),
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

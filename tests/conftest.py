"""Shared test set-up: where ../shared lies, and a contested home of the test session's own.

The real data under ../shared/data is read where it lies and never copied; a test that needs it skips with
the reason when it is absent (a user's machine).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CONTESTED_SHARED", REPO.parent / "shared"))
SHARED_DATA = SHARED / "data"
SCHEMA_PATH = SHARED / "contract" / "event.schema.json"
FIXTURES = Path(__file__).parent / "fixtures"


def clause_reasons_of(sentence: str, published) -> dict[str, str]:
    """Event or not for each trigger word of one sentence (contested.eventness), by the word's text."""
    from contested.dates import find_dates
    from contested.eventness import clause_reasons
    from contested.nlp import load_nlp
    from contested.triggers import find_triggers

    doc = load_nlp()(sentence)
    triggers = find_triggers(sentence, 0)
    spans = {t.start: doc.char_span(t.start, t.end, alignment_mode="expand") for t in triggers}
    got = clause_reasons(spans, published=published, families={t.start: t.family for t in triggers},
                         has_date=bool(find_dates(sentence, published, 0)))
    return {t.text: got[t.start] for t in triggers}


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data {path} is absent (read-only, beside the project as ../shared)")
    return path


@pytest.fixture(scope="session")
def event_validator():
    import jsonschema

    schema = json.loads(need(SCHEMA_PATH).read_text())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="session", autouse=True)
def session_home(tmp_path_factory):
    """Every test session gets an empty contested home, so that nothing a user added leaks in.
    The gazetteer cache (built from installed packages only) is shared across sessions."""
    home = tmp_path_factory.mktemp("contested_home")
    old = os.environ.get("CONTESTED_HOME")
    os.environ["CONTESTED_HOME"] = str(home)
    yield home
    if old is None:
        os.environ.pop("CONTESTED_HOME", None)
    else:
        os.environ["CONTESTED_HOME"] = old


# ---------------------------------------------------------------- places: a gazetteer with an empty home


@pytest.fixture(scope="module")
def gaz(tmp_path_factory):
    """The world gazetteer with a fresh, empty home (no boundary file or user place), one per test module."""
    from contested.gazetteer import Gazetteer

    return Gazetteer.load(tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="session")
def nlp():
    from contested.nlp import load_nlp

    return load_nlp()


def resolved(gaz, nlp, text):
    """The place names the finder reads in ``text`` and what each resolves to."""
    from contested.pipeline import _place_mentions

    ms = _place_mentions(gaz, nlp(text), text)
    return list(zip([m.text for m in ms], gaz.resolve(ms), strict=True))


def relations(nlp, text: str):
    """The attributions the finder reads in the first sentence of ``text``."""
    from contested.attribution import find_relations

    return find_relations(next(iter(nlp(text).sents)))



def text_relations(nlp, text: str) -> list:
    """Every relation of every sentence of ``text``, a source named again resolved as the pipeline does."""
    from contested.attribution import find_attribution, refers_back, resolve_pronoun

    earlier, out = [], []
    for sent in nlp(text).sents:
        att = find_attribution(sent)
        for rel in att.relations or []:
            if refers_back(rel):
                rel = resolve_pronoun(rel, earlier)
            else:
                earlier.append(rel)
            out.append(rel)
    return out


@pytest.fixture(params=["off", "on"])
def rules_and_default_model(request, monkeypatch):
    """Each case holds for the rules alone and with the default type model's moves after them (use with
    ``pytestmark = pytest.mark.usefixtures("rules_and_default_model")``)."""
    from contested.typing_model import DEFAULT_ENV

    monkeypatch.setenv(DEFAULT_ENV, request.param)


def event_types_of(text: str, published: str = "2023-03-14") -> list[str]:
    """The types of the events extracted from ``text``, in order."""
    from contested.pipeline import extract_text

    return [e.type for e in extract_text(text, published=published)]

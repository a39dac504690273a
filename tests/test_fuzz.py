"""Fuzzing for a time budget: FUZZ_SECONDS (3 s by default, so that the plain test run stays short; .ci/run
gives it minutes). Each round is a fresh hypothesis run with new random examples; any exception other than
the documented refusals fails the test with the input that caused it.

The slow test (CONTESTED_SLOW_TESTS=1, set by .ci/run) reads a text over spaCy's 1,000,000 characters.
"""

from __future__ import annotations

import os
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties_parsers import (
    check_extract,
    event_texts,
    jsonl_values,
    published_values,
    records,
    schema_validator,
    texts,
)

BUDGET = float(os.environ.get("FUZZ_SECONDS", "3"))
ROUND = settings(max_examples=20, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _for_a_while(run_round) -> int:
    rounds, end = 0, time.monotonic() + BUDGET
    while time.monotonic() < end or rounds == 0:
        run_round()
        rounds += 1
    return rounds


@pytest.mark.fuzz
def test_fuzz_extract():
    validator = schema_validator()

    @ROUND
    @given(text=event_texts, published=published_values)
    def one(text, published):
        check_extract(text, published, validator)

    assert _for_a_while(one) >= 1


@pytest.mark.fuzz
def test_fuzz_ingest_and_extract(tmp_path_factory):
    import json

    from contested.ingest import iter_documents
    from contested.pipeline import extract_results
    from contested.records import Document, InputProblem

    validator = schema_validator()

    @ROUND
    @given(lines=st.lists(st.one_of(records.map(json.dumps), texts, jsonl_values.map(json.dumps)), max_size=5),
           suffix=st.sampled_from([".jsonl", ".txt", ".html", ".json"]),
           published=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2021, 12, 31))))
    def one(lines, suffix, published):
        path = tmp_path_factory.mktemp("fuzz") / ("f" + suffix)
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        items = list(iter_documents([str(path)], published=published, on_warning=lambda o, w: None))
        assert all(isinstance(x, Document | InputProblem) for x in items)
        docs = [x for x in items if isinstance(x, Document)]
        for doc, events, reason in extract_results(docs):
            assert (events is None) == (reason is not None), (doc, reason)
            for ev in events or []:
                data = ev.as_json()
                json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
                if validator is not None:
                    assert not list(validator.iter_errors(data)), data

    assert _for_a_while(one) >= 1


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("CONTESTED_SLOW_TESTS") != "1",
                    reason="slow (minutes): set CONTESTED_SLOW_TESTS=1 (.ci/run does)")
def test_a_text_over_a_million_characters_is_read_in_pieces():
    from test_robust_inputs import _check_spans

    from contested.pipeline import extract_documents, make_document

    # Paragraphs of ordinary news with no event, varied so that nothing is repeated word for word, and three
    # events: at the start, in the middle and past the 1,000,000th character.
    subjects = ["Traders", "Teachers", "Farmers", "Doctors", "Drivers", "Students", "Shopkeepers", "Elders"]
    things = ["the price of flour", "the new school year", "the harvest", "the water supply", "the bus routes",
              "the exchange rate", "the winter fuel", "the road repairs"]
    paragraphs = [f"{subjects[i % 8]} in the provincial capital talked about {things[(i // 8) % 8]} on the {i}th "
                  f"day of the survey, and {subjects[(i + 3) % 8].lower()} said little had changed since {i % 12 + 1} "
                  f"weeks before." for i in range(6_800)]
    events = ["Taliban fighters captured Khwaja Ghar district of Takhar province on Sunday, officials said.",
              "A roadside bomb killed three civilians in Qala-i-Naw on Monday, police said.",
              "Afghan commandos recaptured Imam Sahib district of Kunduz province on Tuesday, the governor said."]
    for at, event in zip((0, 3_400, len(paragraphs)), events, strict=True):
        paragraphs.insert(at, event)
    doc = make_document("\n\n".join(paragraphs), published="2021-07-08", source="Wire")
    assert len(doc.text) > 1_000_000 and doc.text.rindex(events[2]) > 1_000_000
    problems: list[str] = []
    ((got, found),) = list(extract_documents([doc], on_problem=lambda _i, r: problems.append(r)))
    assert not problems and got is doc
    _check_spans(doc.text, found)
    spans = {doc.text[c.span[0]:c.span[1]].strip() for ev in found for c in ev.claims}
    assert set(events) <= spans, spans

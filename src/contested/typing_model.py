"""A learned sub-event type classifier that analysts train on their own coded data.

``contested train --acled FILE.csv --out DIR`` fits TF-IDF features (words and word pairs) and a logistic
regression on ACLED's notes and their ``sub_event_type`` (scikit-learn, needed for training only: ``pip install
contested[train]``). The model is written as plain arrays (``model.npz``) and a vocabulary (``model.json``) so
that applying it needs numpy alone. ``contested extract/ingest --model DIR`` then lets it retype the events the
rules found: where the model is confident and disagrees with the rules, the event takes the model's ACLED
sub-event type (flag ``type_from_model``). The rules still decide event or not, places, dates and actors.

No model ships with the package: one trained on someone's data is theirs and stays out of the repository.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from contested.taxonomy import DETAIL_SUBTYPES, EVENT_TYPES

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
# ACLED's own bookkeeping words in notes, which say nothing about what happened.
_BOOKKEEPING = re.compile(r"As reported on [^,]*,|\[[^\]]*\]|Fatalities split across \d+ events\.?", re.IGNORECASE)
MODEL_JSON = "model.json"
MODEL_NPZ = "model.npz"


@dataclass(frozen=True, slots=True)
class TrainSettings:
    max_features: int = 60000
    min_df: int = 2
    ngram_max: int = 2
    c: float = 8.0
    max_iter: int = 2000


@dataclass(frozen=True, slots=True)
class TypePrediction:
    sub_event_type: str
    probability: float


def clean(text: str) -> str:
    return _BOOKKEEPING.sub(" ", text)


def _ngrams(text: str, n_max: int) -> list[str]:
    words = _TOKEN.findall(clean(text).lower())
    out = list(words)
    for n in range(2, n_max + 1):
        out.extend(" ".join(words[i: i + n]) for i in range(len(words) - n + 1))
    return out


def _column(row: dict, *names: str) -> str:
    lower = {k.lower(): v for k, v in row.items() if k}
    for n in names:
        if n.lower() in lower and lower[n.lower()] is not None:
            return lower[n.lower()]
    return ""


def _iso_date(raw: str) -> str:
    from datetime import datetime

    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%b-%Y", "%d %b %Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return raw


def read_acled(path: str | Path, months: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """(notes, sub_event_type, date) rows of an ACLED CSV (ACLED's export or the shorter Afghan layout).
    ``months`` ("2019-06") keeps only rows whose event date falls in them."""
    wanted = set(months or ())
    out = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            notes = _column(row, "notes", "Notes").strip()
            sub = _column(row, "sub_event_type", "Sub_type").strip()
            if not notes or not sub:
                continue
            iso = _iso_date(_column(row, "Date", "event_date").strip())
            if wanted and iso[:7] not in wanted:
                continue
            out.append((notes, sub, iso))
    return out


def train(texts: list[str], labels: list[str], out: str | Path, settings: TrainSettings | None = None) -> dict:
    """Fit and write the model; returns a short description (classes, sizes)."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("training needs scikit-learn: pip install 'contested[train]'") from exc
    settings = settings or TrainSettings()
    if len(set(labels)) < 2:
        raise ValueError("training needs at least two sub-event types in the data")
    vec = TfidfVectorizer(analyzer=lambda t: _ngrams(t, settings.ngram_max), sublinear_tf=True,
                          min_df=settings.min_df if len(texts) > 50 else 1, max_features=settings.max_features)
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=settings.c, max_iter=settings.max_iter, class_weight="balanced")
    clf.fit(x, labels)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    coef = clf.coef_ if len(clf.classes_) > 2 else np.vstack([-clf.coef_[0], clf.coef_[0]])
    intercept = clf.intercept_ if len(clf.classes_) > 2 else np.array([-clf.intercept_[0], clf.intercept_[0]])
    np.savez_compressed(out / MODEL_NPZ, idf=vec.idf_.astype(np.float32), coef=coef.astype(np.float32),
                        intercept=intercept.astype(np.float32))
    meta = {"kind": "tfidf-logreg", "classes": list(map(str, clf.classes_)), "vocabulary": vocab,
            "ngram_max": settings.ngram_max, "trained_on": len(texts),
            "class_counts": dict(Counter(labels).most_common())}
    (out / MODEL_JSON).write_text(json.dumps(meta), encoding="utf-8")
    return {"classes": len(meta["classes"]), "features": len(vocab), "examples": len(texts)}


class TypeModel:
    """A trained model, applied with numpy."""

    def __init__(self, directory: str | Path):
        directory = Path(directory)
        meta = json.loads((directory / MODEL_JSON).read_text(encoding="utf-8"))
        arrays = np.load(directory / MODEL_NPZ)
        self.classes: list[str] = meta["classes"]
        self.index = {w: i for i, w in enumerate(meta["vocabulary"])}
        self.ngram_max = int(meta.get("ngram_max", 2))
        self.idf = arrays["idf"]
        self.coef = arrays["coef"]
        self.intercept = arrays["intercept"]

    def _features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts = Counter(i for g in _ngrams(text, self.ngram_max) if (i := self.index.get(g)) is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64)
        tf = np.array([1.0 + math.log(c) for c in counts.values()], dtype=np.float32)
        w = tf * self.idf[idx]
        norm = float(np.linalg.norm(w))
        return idx, (w / norm if norm else w)

    def predict(self, text: str) -> TypePrediction:
        idx, w = self._features(text)
        scores = self.intercept + (self.coef[:, idx] @ w if len(idx) else 0.0)
        scores = scores - scores.max()
        p = np.exp(scores)
        p /= p.sum()
        k = int(p.argmax())
        return TypePrediction(self.classes[k], float(p[k]))


@lru_cache(maxsize=4)
def load_model(directory: str) -> TypeModel:
    return TypeModel(directory)


# ---------------------------------------------------------------- from an ACLED sub-event type to a type

def _sub_to_types() -> dict[str, list[tuple[str, str | None]]]:
    out: dict[str, list[tuple[str, str | None]]] = {}
    for etype, acled in EVENT_TYPES.items():
        out.setdefault(acled.sub_event_type, []).append((etype, None))
    for (etype, detail), acled in DETAIL_SUBTYPES.items():
        out.setdefault(acled.sub_event_type, []).append((etype, detail))
    return out


SUB_TO_TYPES = _sub_to_types()


def type_for_sub_event(sub_event_type: str, current: str | None = None) -> tuple[str, str | None] | None:
    """The taxonomy type (and detail) that maps to an ACLED sub-event type; where several do, the current
    type is kept if it is one of them, else the first the taxonomy lists."""
    options = SUB_TO_TYPES.get(sub_event_type)
    if not options:
        return None
    for etype, detail in options:
        if etype == current:
            return etype, detail
    # A sub-kind in `detail` (protest / riot) chooses the sub-type; prefer the option that names one.
    with_detail = [o for o in options if o[1] is not None]
    return with_detail[0] if with_detail else options[0]


# ---------------------------------------------------------------- the model in use

_ACTIVE: dict[str, object] = {"model": None, "threshold": 0.85}


def use_model(directory: str | Path | None, threshold: float = 0.85) -> None:
    """Make a trained model retype events from now on (``--model DIR``); None turns it off."""
    _ACTIVE["model"] = load_model(str(Path(directory).resolve())) if directory else None
    _ACTIVE["threshold"] = threshold


def active_model() -> tuple[TypeModel | None, float]:
    return _ACTIVE["model"], float(_ACTIVE["threshold"])  # type: ignore[return-value]


def retype(event, text: str, model: TypeModel, threshold: float) -> None:
    """Give an event the model's sub-event type where the model is confident and the rules disagree."""
    from contested.taxonomy import acled_type

    pred = model.predict(text)
    if pred.probability < threshold or pred.sub_event_type == event.acled_sub_event_type:
        return
    mapped = type_for_sub_event(pred.sub_event_type, event.type)
    if mapped is None:
        return
    etype, detail = mapped
    if detail is None and etype == event.type:
        detail = event.detail
    acled = acled_type(etype, detail)
    event.type, event.detail = etype, detail
    event.acled_event_type, event.acled_sub_event_type = acled.event_type, acled.sub_event_type
    if "type_from_model" not in event.flags:
        event.flags.append("type_from_model")

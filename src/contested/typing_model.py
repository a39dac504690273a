"""Sub-event type classifiers: the default one shipped with the package, and those analysts train on their own data.

The default model (``data/typing_default.json`` + ``.npz``) is trained only on text the project wrote: the writers'
corpus ``data/typing_writers.jsonl`` (news-style passages by several writers, each in their own regions and styles,
every taxonomy type, a third of them hard near-misses) and the template corpus ``data/typing_corpus.jsonl``
(``eval/make_typing_corpus.py``); ``python eval/train_default_typing.py`` rebuilds it. It names taxonomy labels (a
type, with the detail where the detail chooses the ACLED sub-event type: a retreat, a withdrawal and a handover are
one ACLED sub-event type but three labels) and sums them into sub-event types where asked. Its settings are chosen
leaving one writer out (``eval/typing_lowo.py``). It is loaded once and cached, and it moves an event from the
rules' label only along the moves of ``data/typing_policy.json`` (chosen by ``eval/typing_policy_moves.py``) and
where it is much surer (``DefaultTypingSettings``). CONTESTED_DEFAULT_TYPE_MODEL=off switches it off (rules only).

``contested train --acled FILE.csv --out DIR`` fits TF-IDF features (words and word pairs) and a logistic
regression on ACLED's notes and their ``sub_event_type`` (scikit-learn, needed for training only: ``pip install
contested[train]``). The model is written as plain arrays (``model.npz``, read without pickle) and a vocabulary
(``model.json``) so that applying it needs numpy alone. ``contested extract/ingest --model DIR`` then lets it retype
the events the rules found: where the model is confident and disagrees with the rules, the event takes the model's
ACLED sub-event type (flag ``type_from_model``). A user's model replaces the default one. The rules still decide
event or not, places, dates and actors.

A model trained on someone's coded data is theirs and stays out of the repository.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    """``char_min``/``char_max``: character n-grams of each word (padded with spaces) as well as word n-grams, 0 for
    none; ``digits``: every digit read as 0 (a figure's size says nothing about the type); ``weight_levels``: the
    weights are written as whole numbers of this many steps either side of 0 per class (a scale for each class's
    largest weight), 0 for plain float32: 2047 (12 bits) changes no probability by more than 0.001 on the
    writers' corpus and makes the shipped model's file a quarter of the float32 one's."""

    max_features: int = 60000
    min_df: int = 2
    ngram_max: int = 2
    c: float = 8.0
    max_iter: int = 2000
    char_min: int = 0
    char_max: int = 0
    digits: bool = False
    class_weight: str | None = "balanced"
    weight_levels: int = 2047


@dataclass(frozen=True, slots=True)
class TypePrediction:
    sub_event_type: str
    probability: float


def clean(text: str) -> str:
    return _BOOKKEEPING.sub(" ", text)


_DIGIT = re.compile(r"\d")


def _ngrams(text: str, n_max: int, char_min: int = 0, char_max: int = 0, digits: bool = False) -> list[str]:
    """Word n-grams up to ``n_max`` and, where ``char_max``, each word's character n-grams of ``char_min``
    to ``char_max`` (marked by a leading "#", so that they never meet a word): "attackers" and "attacked" share
    " att", "atta", ..."""
    lowered = clean(text).lower()
    if digits:
        lowered = _DIGIT.sub("0", lowered)
    words = _TOKEN.findall(lowered)
    out = list(words)
    for n in range(2, n_max + 1):
        out.extend(" ".join(words[i: i + n]) for i in range(len(words) - n + 1))
    if char_max:
        for word in words:
            padded = f" {word} "
            for n in range(char_min, char_max + 1):
                out.extend("#" + padded[i: i + n] for i in range(len(padded) - n + 1))
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


def train(texts: list[str], labels: list[str], out: str | Path, settings: TrainSettings | None = None,
          stem: str = "model", label_kind: str = "sub") -> dict:
    """Fit and write the model (``out/<stem>.json`` and ``out/<stem>.npz``); returns a short description.
    ``label_kind``: "sub" where ``labels`` are ACLED sub-event types, "taxonomy" where they are taxonomy labels
    (``CorpusItem.label``), which the model sums into sub-event types when it is applied."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("training needs scikit-learn: pip install 'contested[train]'") from exc
    settings = settings or TrainSettings()
    if len(set(labels)) < 2:
        raise ValueError("training needs at least two sub-event types in the data")
    vec = TfidfVectorizer(analyzer=lambda t: _ngrams(t, settings.ngram_max, settings.char_min, settings.char_max,
                                                     settings.digits),
                          sublinear_tf=True, min_df=settings.min_df if len(texts) > 50 else 1,
                          max_features=settings.max_features)
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=settings.c, max_iter=settings.max_iter, class_weight=settings.class_weight)
    clf.fit(x, labels)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    coef = clf.coef_ if len(clf.classes_) > 2 else np.vstack([-clf.coef_[0], clf.coef_[0]])
    intercept = clf.intercept_ if len(clf.classes_) > 2 else np.array([-clf.intercept_[0], clf.intercept_[0]])
    # Each file is written whole under another name and then renamed over the old one, the arrays first; the
    # description names the arrays' digest, so that a model whose two files come from two trainings (a run
    # killed between the renames, two runs at once) is refused on loading instead of read wrong.
    tmp_npz = out / f"{stem}.tmp{os.getpid()}.npz"
    np.savez_compressed(tmp_npz, idf=vec.idf_.astype(np.float32), intercept=intercept.astype(np.float32),
                        **_coef_arrays(coef, settings.weight_levels))
    meta = {"kind": "tfidf-logreg", "classes": list(map(str, clf.classes_)), "vocabulary": vocab,
            "ngram_max": settings.ngram_max, "char_ngrams": [settings.char_min, settings.char_max],
            "digits": settings.digits, "label_kind": label_kind, "trained_on": len(texts),
            "class_counts": dict(Counter(labels).most_common()),
            "arrays_sha1": hashlib.sha1(tmp_npz.read_bytes()).hexdigest()}
    tmp_json = out / f"{stem}.tmp{os.getpid()}.json"
    tmp_json.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp_npz, out / f"{stem}.npz")
    os.replace(tmp_json, out / f"{stem}.json")
    return {"classes": len(meta["classes"]), "features": len(vocab), "examples": len(texts)}


def _coef_arrays(coef: np.ndarray, levels: int) -> dict[str, np.ndarray]:
    """The weights as written: float32 (``levels`` 0), or whole numbers of ``levels`` steps a side with each
    class's step (``coef_q``, ``coef_scale``)."""
    if levels <= 0:
        return {"coef": coef.astype(np.float32)}
    top = np.abs(coef).max(axis=1)
    scale = np.where(top > 0, top / levels, 1.0)
    dtype = np.int8 if levels <= 127 else np.int16 if levels <= 32767 else np.int32
    return {"coef_q": np.round(coef / scale[:, None]).astype(dtype), "coef_scale": scale.astype(np.float32)}


def _coef(arrays) -> np.ndarray:
    """The weights of a model file, in either form ``_coef_arrays`` writes."""
    if "coef" in arrays.files:
        return arrays["coef"]
    return arrays["coef_q"].astype(np.float32) * arrays["coef_scale"][:, None]


class TypeModel:
    """A trained model, applied with numpy."""

    def __init__(self, directory: str | Path, stem: str = "model"):
        directory = Path(directory)
        meta = json.loads((directory / f"{stem}.json").read_text(encoding="utf-8"))
        raw = (directory / f"{stem}.npz").read_bytes()
        if meta.get("arrays_sha1") not in (None, hashlib.sha1(raw).hexdigest()):
            raise ValueError(f"{directory}: {stem}.npz is not the one {stem}.json was written with "
                             "(two trainings mixed): train the model again")
        arrays = np.load(io.BytesIO(raw), allow_pickle=False)
        self.is_default = False
        self.labels: list[str] = meta["classes"]  # what the model was trained to name
        self._merge: np.ndarray | None = None
        if meta.get("label_kind", "sub") == "taxonomy":  # taxonomy labels, summed into their sub-event types
            self.classes: list[str] = sorted({label_sub_event_type(lab) for lab in self.labels})
            self._merge = np.zeros((len(self.classes), len(self.labels)), dtype=np.float32)
            for j, lab in enumerate(self.labels):
                self._merge[self.classes.index(label_sub_event_type(lab)), j] = 1.0
        else:
            self.classes = self.labels
        self.class_index = {c: i for i, c in enumerate(self.classes)}
        self.label_index = {c: i for i, c in enumerate(self.labels)}
        self.index = {w: i for i, w in enumerate(meta["vocabulary"])}
        self.ngram_max = int(meta.get("ngram_max", 2))
        self.char_min, self.char_max = (int(n) for n in meta.get("char_ngrams", (0, 0)))
        self.digits = bool(meta.get("digits", False))
        self.idf = arrays["idf"]
        self.coef = _coef(arrays)
        self.intercept = arrays["intercept"]
        self._last: tuple[str, np.ndarray] | None = None  # label_proba's last text and answer

    def _features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        grams = _ngrams(text, self.ngram_max, self.char_min, self.char_max, self.digits)
        # (Counted in C, the n-grams out of the vocabulary under None, dropped after: the same counts, in the
        # order each index first appears.)
        counts = Counter(map(self.index.get, grams))
        counts.pop(None, None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.array([1.0 + math.log(c) for c in counts.values()], dtype=np.float32)
        w = tf * self.idf[idx]
        norm = float(np.sqrt(w.dot(w)))  # np.linalg.norm of a vector, without its checks
        return idx, (w / norm if norm else w)

    def label_proba(self, text: str) -> np.ndarray:
        """The probability of each of ``labels`` (what the model was trained to name) for a text (read-only: the
        last text's answer is kept, as the events of one paragraph ask about the same text one after another)."""
        last = self._last
        if last is not None and last[0] == text:
            return last[1]
        idx, w = self._features(text)
        scores = self.intercept + (self.coef[:, idx] @ w if len(idx) else 0.0)
        scores = scores - scores.max()
        p = np.exp(scores)
        p = p / p.sum()
        p.flags.writeable = False
        self._last = (text, p)
        return p

    def proba(self, text: str) -> np.ndarray:
        """The probability of each of ``classes`` (ACLED sub-event types) for a text."""
        p = self.label_proba(text)
        return p if self._merge is None else self._merge @ p

    def predict_label(self, text: str) -> TypePrediction:
        """The likeliest of ``labels`` (a taxonomy label for a model of labels, else a sub-event type)."""
        p = self.label_proba(text)
        k = int(p.argmax())
        return TypePrediction(self.labels[k], float(p[k]))

    def predict(self, text: str) -> TypePrediction:
        p = self.proba(text)
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
    """The taxonomy type (and detail) that maps to an ACLED sub-event type. Where several do: the current type if
    it is one of them, an option naming its sub-kind in ``detail`` (protest / riot) before one that does not, and
    ``other`` before the specific types that share its sub-event type."""
    options = SUB_TO_TYPES.get(sub_event_type)
    if not options:
        return None
    return min(options, key=lambda o: (o[0] != current, o[1] is None, o[0] != "other"))


# ---------------------------------------------------------------- the default model (project-written corpus)

DEFAULT_ENV = "CONTESTED_DEFAULT_TYPE_MODEL"
DEFAULT_STEM = "typing_default"
CORPUS_FILE = "typing_corpus.jsonl"
DATA_DIR = Path(__file__).resolve().parent / "data"
POLICY_FILE = "typing_policy.json"


@dataclass(frozen=True, slots=True)
class DefaultTypingSettings:
    """How the default model combines with the rules, read from ``data/typing_policy.json``.

    The model may move an event from the rules' taxonomy label (``taxonomy_label``: "killing",
    "protest/with_intervention") only to one of ``moves[rules' label]``, and only where it finds that label ``ratio``
    times likelier than the rules' one and gives it at least ``min_probability``. ``enabled`` is switched by
    CONTESTED_DEFAULT_TYPE_MODEL (``off`` for the rules alone). ``not_by[sub-event type]`` lists the actor kinds that
    rule a move to a label of that ACLED sub-event type out: the model reads words, not who did it, and a riot or
    mob violence is a crowd's, never an armed group's (ACLED's codebook); ``not_by[taxonomy label]`` the actor1
    kinds that rule a move to that label out (a withdrawal is foreign forces': never a country's own);
    ``not_on[taxonomy label]`` the actor2 kinds that do (an armed clash is fought between armed groups: never on
    civilians). ``kept_by[sub-event type]`` names lists of
    data/typing_rules.json whose words in the sentence keep the rules' type: the words that decided it
    ("beheaded": a killing of people held, whatever the words around it). A ``moves`` list that holds ``ANY`` ("*")
    lets the model move that label to any label it names but those of ``barred`` ((rules' label, label) pairs):
    the model decides the type outright where the rules' label is one the held-out evidence shows the rules weak on.
    """

    enabled: bool = True
    ratio: float = 2.0
    min_probability: float = 0.1
    moves: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_by: dict[str, frozenset[str]] = field(default_factory=dict)
    kept_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    barred: frozenset[tuple[str, str]] = frozenset()
    not_on: dict[str, frozenset[str]] = field(default_factory=dict)


ANY = "*"  # in a policy's ``moves``: any label the model names (but the barred ones)


@lru_cache(maxsize=1)
def _policy() -> DefaultTypingSettings:
    data = json.loads((DATA_DIR / POLICY_FILE).read_text(encoding="utf-8"))
    return DefaultTypingSettings(enabled=True, ratio=float(data["ratio"]), min_probability=float(data["min_probability"]),
                                 moves={k: tuple(v) for k, v in data["moves"].items() if not k.startswith("_")},
                                 not_by={k: frozenset(v) for k, v in data.get("not_by", {}).items()
                                             if not k.startswith("_")},
                                 kept_by={k: tuple(v) for k, v in data.get("kept_by", {}).items()
                                          if not k.startswith("_")},
                                 barred=frozenset((a, b) for a, b in data.get("barred_moves", [])),
                                 not_on={k: frozenset(v) for k, v in data.get("not_on", {}).items()
                                         if not k.startswith("_")})


def default_settings() -> DefaultTypingSettings:
    value = os.environ.get(DEFAULT_ENV, "").strip().lower()
    if value in ("off", "0", "false", "no"):
        return DefaultTypingSettings(enabled=False)
    return _policy()


WRITERS_FILE = "typing_writers.jsonl"
TEMPLATE_WRITER = "T"  # the template corpus (typing_corpus.jsonl), read as one more writer


@dataclass(frozen=True, slots=True)
class CorpusItem:
    """One passage of a project-written corpus: an event of a taxonomy type (and its ACLED sub-event type), or a
    passage that tells no event (``event`` false, ``reason`` why: opinion, plan, tally ...)."""

    text: str
    writer: str
    event: bool
    sub_event_type: str | None = None
    type: str | None = None
    detail: str | None = None
    hard: bool = False
    reason: str | None = None

    @property
    def label(self) -> str | None:
        """The passage's taxonomy label (``taxonomy_label``); None for a passage that tells no event."""
        if not self.event or self.type is None:
            return None
        return taxonomy_label(self.type, self.detail)


def taxonomy_label(etype: str, detail: str | None) -> str:
    """The taxonomy type with its detail where the detail chooses the ACLED sub-event type ("protest/peaceful",
    "territory_captured/non_violent"); a type told without the detail its sub-event type has takes that detail
    ("riot" is "riot/violent_demonstration"), so that one happening has one label."""
    if (etype, detail) in DETAIL_SUBTYPES:
        return f"{etype}/{detail}"
    sub = EVENT_TYPES[etype].sub_event_type if etype in EVENT_TYPES else None
    same = [d for (t, d), a in DETAIL_SUBTYPES.items() if t == etype and a.sub_event_type == sub]
    return f"{etype}/{same[0]}" if same else etype


def label_sub_event_type(label: str) -> str:
    """The ACLED sub-event type of a taxonomy label (``CorpusItem.label``)."""
    from contested.taxonomy import acled_type

    etype, _, detail = label.partition("/")
    return acled_type(etype, detail or None).sub_event_type


def parse_item(row: dict, writer: str | None = None) -> CorpusItem:
    """One corpus row as an item. ``writer`` names the writer of a row that names none (the template corpus). A row
    with only ``sub_event_type`` takes its taxonomy type from ``type_for_sub_event``; a row without the detail that
    its sub-event type needs takes the type's detail that maps to it ("territory_captured" told as "Non-violent
    transfer of territory" is the non-violent capture); a row that still disagrees with the taxonomy is an error
    (ValueError)."""
    from contested.taxonomy import acled_type

    who = str(row.get("writer") or writer or "")
    if not row.get("event", True):
        return CorpusItem(row["text"], who, False, reason=row.get("reason"))
    sub, etype, detail = row.get("sub_event_type"), row.get("type"), row.get("detail") or None
    if etype is None:
        mapped = type_for_sub_event(sub or "")
        if mapped is None:
            raise ValueError(f"unknown sub-event type {sub!r}")
        etype, detail = mapped
    if etype not in EVENT_TYPES:
        raise ValueError(f"unknown type {etype!r}")
    if detail is not None and (etype, detail) not in DETAIL_SUBTYPES:
        detail = None  # a detail that chooses nothing (the taxonomy names the details of a few types only)
    if sub is None:
        sub = acled_type(etype, detail).sub_event_type
    if acled_type(etype, detail).sub_event_type != sub:
        detail = next((d for (t, d), a in DETAIL_SUBTYPES.items() if t == etype and a.sub_event_type == sub), None)
        if detail is None:
            raise ValueError(f"{etype} is not {sub!r} in the taxonomy")
    return CorpusItem(row["text"], who, True, sub, etype, detail, bool(row.get("hard", False)))


def read_items(path: str | Path, writer: str | None = None) -> list[CorpusItem]:
    """The items of a JSONL corpus (header lines, those with ``_about``, skipped); see ``parse_item``."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if "_about" in row or "text" not in row:
                continue
            try:
                out.append(parse_item(row, writer))
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: {exc}") from None
    return out


def corpus_items(directory: str | Path | None = None) -> list[CorpusItem]:
    """Every item the project wrote for typing: the writers' corpus and the template corpus (writer "T")."""
    directory = Path(directory or DATA_DIR)
    items = read_items(directory / CORPUS_FILE, writer=TEMPLATE_WRITER)
    if (directory / WRITERS_FILE).exists():
        items += read_items(directory / WRITERS_FILE)
    return items


def read_corpus(path: str | Path) -> tuple[list[str], list[str]]:
    """(texts, sub-event types) of the event passages of a JSONL corpus (``read_items``)."""
    events = [it for it in read_items(path) if it.event]
    return [it.text for it in events], [it.sub_event_type or "" for it in events]


DEFAULT_TRAIN = TrainSettings(max_features=20000, min_df=1, ngram_max=2, c=16.0, max_iter=3000)
DEFAULT_LABELS = "taxonomy"  # what the default model learns: "sub" (ACLED sub-event types) or "taxonomy" (labels)
DEFAULT_WITH_TEMPLATE = True  # the template corpus trains it too


def _labels_known(item: CorpusItem) -> bool:
    """Whether a template row's taxonomy label is known: its sub-event type maps to one taxonomy type only (an
    "Other" row may be a displacement, a flight abroad, diplomacy ...: no example of any of them)."""
    return len({etype for etype, _ in SUB_TO_TYPES.get(item.sub_event_type or "", [])}) == 1


def training_items(items: list[CorpusItem], labels: str = "sub", with_template: bool = True) -> list[CorpusItem]:
    """The event passages a model learns from: the writers' and, where ``with_template``, the template ones (for a
    model of taxonomy labels, only those whose label is known)."""
    return [it for it in items if it.event and (it.writer != TEMPLATE_WRITER or (
        with_template and (labels == "sub" or _labels_known(it))))]


def train_default(data: str | Path | None = None, out: str | Path | None = None) -> dict:
    """Fit the default model on the project's corpora (the writers' and, where ``DEFAULT_WITH_TEMPLATE``, the
    template one; their event passages) and write it beside them (``data/typing_default.*``). The settings are
    those eval/typing_lowo.py chose, leaving one writer out."""
    items = training_items(corpus_items(data), DEFAULT_LABELS, DEFAULT_WITH_TEMPLATE)
    labels = [(it.label if DEFAULT_LABELS == "taxonomy" else it.sub_event_type) or "" for it in items]
    return train([it.text for it in items], labels, out or DATA_DIR, DEFAULT_TRAIN, stem=DEFAULT_STEM,
                 label_kind=DEFAULT_LABELS)


@lru_cache(maxsize=1)
def default_model() -> TypeModel | None:
    """The shipped model, loaded once; None where its files are missing."""
    if not (DATA_DIR / f"{DEFAULT_STEM}.npz").exists():
        return None
    model = TypeModel(DATA_DIR, DEFAULT_STEM)
    model.is_default = True
    return model


# ---------------------------------------------------------------- the model in use

_ACTIVE: dict[str, object] = {"model": None, "threshold": 0.85}


def use_model(directory: str | Path | None, threshold: float = 0.85) -> None:
    """Make a trained model retype events from now on (``--model DIR``); None turns it off (back to the default)."""
    _ACTIVE["model"] = load_model(str(Path(directory).resolve())) if directory else None
    _ACTIVE["threshold"] = threshold


def active_model() -> tuple[TypeModel | None, float]:
    """The model that retypes events: the user's (``--model DIR``) where one is set, else the default one unless
    CONTESTED_DEFAULT_TYPE_MODEL=off. The threshold applies to a user's model (the default one has its policy)."""
    if _ACTIVE["model"] is not None:
        return _ACTIVE["model"], float(_ACTIVE["threshold"])  # type: ignore[return-value]
    if not default_settings().enabled:
        return None, 0.0
    return default_model(), 0.0


def _apply(event, sub_event_type: str) -> bool:
    from contested.taxonomy import acled_type

    mapped = type_for_sub_event(sub_event_type, event.type)
    if mapped is None:
        return False
    etype, detail = mapped
    if detail is None and etype == event.type and acled_type(etype, event.detail).sub_event_type == sub_event_type:
        detail = event.detail
    if acled_type(etype, detail).sub_event_type != sub_event_type:
        return False
    _set_type(event, etype, detail)
    return True


def _apply_label(event, label: str) -> None:
    """Give an event a taxonomy label ("protest/peaceful": type and detail)."""
    etype, _, detail = label.partition("/")
    _set_type(event, etype, detail or None)


def _set_type(event, etype: str, detail: str | None) -> None:
    """Give an event the model's type and detail and the ACLED types they map to, flagged as the model's."""
    from contested.taxonomy import acled_type

    acled = acled_type(etype, detail)
    event.type, event.detail = etype, detail
    event.acled_event_type, event.acled_sub_event_type = acled.event_type, acled.sub_event_type
    if "type_from_model" not in event.flags:
        event.flags.append("type_from_model")


def _armed_doers(text: str, trigger: str | None) -> bool:
    """The sentence names armed people up to just after the event's trigger ("guerrillas and dissidents clashed"):
    the words of data/typing_rules.json ``armed_crowd``, which keep the rules from calling a crowd's violence mob
    violence."""
    from contested.stages.event_types import _cues

    end = text.find(trigger) + len(trigger) + 30 if trigger and trigger in text else len(text)
    return bool(_cues()["armed_crowd"].search(text[:end]))


def _kept(text: str, cue_lists: tuple[str, ...]) -> bool:
    """The sentence holds a word of one of the named data/typing_rules.json lists."""
    if not cue_lists:
        return False
    from contested.stages.event_types import _cues

    cues = _cues()
    return any(name in cues and cues[name].search(text) for name in cue_lists)


def retype(event, text: str, model: TypeModel, threshold: float, context: str | None = None,
           settings: DefaultTypingSettings | None = None) -> None:
    """Give an event the model's sub-event type: a user's model where it is confident (``threshold``) and the
    rules disagree; the default model (of taxonomy labels) only towards a label the policy lets it move the
    rules' label to, and which it finds much likelier.

    ``text`` is the event's sentence; ``context``, where given, the paragraph that holds it, which the default
    model reads instead (a protest's sentence seldom says that the police dispersed it; the next one does).
    ``settings``: the default model's policy where not the shipped one (eval/typing_policy_moves.py)."""
    if model.is_default:
        settings = settings or default_settings()
        current = taxonomy_label(event.type, event.detail)
        allowed = settings.moves.get(current)
        if not allowed:
            return
        if ANY in allowed:  # the model decides outright, but for the barred moves
            allowed = tuple(lab for lab in model.labels if lab != current and (current, lab) not in settings.barred)
        p = model.label_proba(context or text)
        index = model.label_index
        candidates = [(p[i], lab) for lab in allowed if (i := index.get(lab)) is not None]
        if current not in index or not candidates:
            return
        best_p, best = max(candidates)
        barred = settings.not_by.get(label_sub_event_type(best), frozenset())
        if barred and (any(a.role in (None, "actor1") and a.kind in barred for a in event.actors)
                       or _armed_doers(text, event.trigger)):
            return  # "militants attacked a truck": armed people, whatever the words around them suggest
        kinds = settings.not_by.get(best, frozenset())  # a label's own bar: the actor kinds alone
        if kinds and any(a.role in (None, "actor1") and a.kind in kinds for a in event.actors):
            return  # "government troops left the town": a country's own forces retreat, only foreign ones withdraw
        victims = settings.not_on.get(best, frozenset())  # the actor2 kinds that rule the label out
        if victims and any(a.role == "actor2" and a.kind in victims for a in event.actors):
            return  # "gunmen killed 14 villagers in an attack": no clash, whatever the words around it
        if _kept(text, settings.kept_by.get(event.acled_sub_event_type, ())):
            return  # "militants beheaded three men": the rules' type was decided by these very words
        if best_p >= settings.ratio * p[index[current]] and best_p >= settings.min_probability:
            _apply_label(event, best)
        return
    pred = model.predict(text)
    if pred.probability < threshold or pred.sub_event_type == event.acled_sub_event_type:
        return
    _apply(event, pred.sub_event_type)

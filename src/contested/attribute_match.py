"""The English pipeline's attribute ruler (and its rule lemmatizer), worked out per distinct word instead of per
token.

spaCy's ``attribute_ruler`` (tag -> part of speech and morphology, a few lemmas) runs its Matcher over every token
with all of its rules (179 in ``en_core_web_sm``): about a seventh of the pipeline's time. Nearly every rule is
one token long and tests only that token's own values (its tag, its lower case, its dependency, whether it is a
space), so which of them match a token depends on those values alone: here that is worked out once per distinct
set of values (kept across documents) and the matches of the other rules come from a Matcher that holds only
them. ``match`` gives the very list spaCy's ``AttributeRuler.match`` gives (checked on every token in
tests/test_attribute_match.py), and the ruler's own ``set_annotations`` applies it, so every token's part of
speech, morphology and lemma are what spaCy's ruler gives.

A rule of any form this module does not read (an operator, another predicate, an attribute it does not know) is
left to the Matcher; a ruler whose rules it cannot list is left as it is.

The rule lemmatizer gives a word the lemma its text, part of speech and morphology give (spaCy's
``rule_lemmatize`` reads nothing else): ``FastLemmas`` asks it once per distinct (word, part of speech,
morphology) and writes the lemmas of a document from an array, where spaCy makes and sets each token in Python.
It is used for streams of documents (``nlp.pipe``); one document alone (``nlp(text)``) goes spaCy's own way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_MEMO_MAX = 500_000  # distinct sets of values kept; the memo starts again beyond it


def _predicate(attr: str, value, strings) -> Callable[[int, object], bool] | None:
    """A test of one attribute's value (its string's hash, or 0/1 for a flag), as the Matcher makes it; None
    for a form not read here."""
    if isinstance(value, bool):
        want = int(value)
        return lambda v, _s: v == want
    if isinstance(value, str):
        want = strings.add(value)
        return lambda v, _s: v == want
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            hashes = frozenset(strings.add(a) for a in arg)
            if op == "IN":
                return lambda v, _s: v in hashes
            return lambda v, _s: v not in hashes
        if op == "REGEX" and isinstance(arg, str):
            pattern = re.compile(arg)
            return lambda v, s: pattern.search(s[v]) is not None
    return None


class AttributeMatch:
    """``AttributeRuler.match`` for ``ruler``: rules whose patterns are plain runs of token tests (no operator),
    by a memo of which tests each token's values pass; any other rule by a Matcher of its own."""

    def __init__(self, ruler) -> None:
        from spacy import attrs as spacy_attrs
        from spacy.matcher import Matcher

        strings = ruler.vocab.strings
        self.ruler = ruler
        self.state = (ruler.matcher, len(ruler.attrs))  # read again where rules are added or replaced
        self.strings = strings
        used: dict[str, int] = {}  # attribute name -> its column
        specs: list[list[tuple[int, Callable]]] = []  # every distinct token test: (column, test) pairs
        spec_ids: dict[str, int] = {}
        self.single: list[tuple[int, int, int]] = []  # one-token patterns: (rule, its key's hash, test)
        self.multi: list[tuple[int, int, tuple[int, ...]]] = []  # longer ones: (rule, key hash, tests in order)
        self.rest = Matcher(ruler.vocab)
        self.has_rest = False
        for i in range(len(ruler.attrs)):
            key_hash = strings.add(str(i))
            _, patterns = ruler.matcher.get(key_hash)
            read = [self._pattern(p, strings, spacy_attrs.IDS, used, specs, spec_ids) for p in patterns]
            if any(r is None for r in read):
                self.rest.add(key_hash, patterns)
                self.has_rest = True
                continue
            for tests in read:
                if len(tests) == 1:
                    self.single.append((i, key_hash, tests[0]))
                else:
                    self.multi.append((i, key_hash, tests))
        self.specs = specs
        self.multi_specs = frozenset(t for _, _, tests in self.multi for t in tests)
        # the spaCy attribute ids of the columns the tests read, in their order
        self.columns = [spacy_attrs.IDS[name] for name in sorted(used, key=used.__getitem__)]
        self.memo: dict[tuple[int, ...], tuple[tuple[tuple[int, int], ...], tuple[int, ...]]] = {}

    @staticmethod
    def _pattern(pattern, strings, ids, used: dict[str, int], specs: list, spec_ids: dict[str, int]):
        """The token tests of a pattern (indexes into ``specs``), or None for a pattern not read here."""
        if not pattern or not isinstance(pattern, list):
            return None
        out = []
        for token in pattern:
            if not isinstance(token, dict):
                return None
            tests = []
            for attr, value in token.items():
                name = attr.upper() if isinstance(attr, str) else None
                # (ORTH and TEXT would do, but no shipped rule uses them: left to the Matcher with the rest)
                if name is None or name not in ids or name in ("OP", "TEXT", "ORTH", "_") or name.startswith("IS_SENT"):
                    return None
                test = _predicate(name, value, strings)
                if test is None:
                    return None
                tests.append((name, repr(value), test))
            key = repr(sorted((n, v) for n, v, _ in tests))
            if key not in spec_ids:
                spec_ids[key] = len(specs)
                specs.append([(used.setdefault(n, len(used)), test) for n, _, test in tests])
            out.append(spec_ids[key])
        return tuple(out)

    def _read(self, values: tuple[int, ...]):
        """The one-token rules a token with these values matches (each once, in order) and the tests of the
        longer patterns it passes."""
        strings = self.strings

        def passes(spec: int) -> bool:
            return all(test(values[column], strings) for column, test in self.specs[spec])

        singles, seen = [], set()
        for rule, key_hash, spec in self.single:
            if rule not in seen and passes(spec):
                seen.add(rule)  # (a rule matches a token once, whichever of its patterns fit: as the Matcher)
                singles.append((rule, key_hash))
        return tuple(singles), tuple(s for s in sorted(self.multi_specs) if passes(s))

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        if self.state != (self.ruler.matcher, len(self.ruler.attrs)):
            self.__init__(self.ruler)  # the ruler's rules changed since they were read
        out: list[tuple[int, int, int, int]] = []
        n = len(doc)
        if n and (self.single or self.multi):
            memo = self.memo
            if len(memo) > _MEMO_MAX:
                memo.clear()
            rows = doc.to_array(self.columns)
            rows = rows.reshape(n, -1).tolist()
            at: dict[int, set[int]] = {}  # a test of the longer patterns -> the tokens that pass it
            read = self._read
            for i, values in enumerate(rows):
                values = tuple(values)
                hit = memo.get(values)
                if hit is None:
                    hit = memo[values] = read(values)
                for rule, key_hash in hit[0]:
                    out.append((rule, key_hash, i, i + 1))
                for spec in hit[1]:
                    at.setdefault(spec, set()).add(i)
            found = set()
            for rule, key_hash, tests in self.multi:
                size = len(tests)
                for i in at.get(tests[0], ()):
                    if i + size <= n and all(i + k in at.get(t, ()) for k, t in enumerate(tests)):
                        found.add((rule, key_hash, i, i + size))
            out.extend(found)
        if self.has_rest:
            strings = self.strings
            out.extend((int(strings[m_id]), m_id, s, e)
                       for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False))
        out.sort()
        return out


def speed_up(nlp, name: str = "attribute_ruler") -> None:
    """Give the pipeline's attribute ruler (where it has one) the matching above; a ruler it cannot read (not
    spaCy's AttributeRuler, or one whose rules cannot be listed) is left as it is."""
    if name not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(name)
    try:
        from spacy.pipeline import AttributeRuler

        if type(ruler) is not AttributeRuler or isinstance(getattr(ruler, "match", None), AttributeMatch):
            return
        ruler.match = AttributeMatch(ruler)
    except Exception:  # noqa: BLE001 - any surprise: spaCy's own matching stays
        return


class FastLemmas:
    """``pipe`` for a rule lemmatizer: the lemma of each distinct (word, part of speech, morphology) asked of
    the lemmatizer once (kept across documents), a document's lemmas written from one array. A token that has
    a lemma already (from the attribute ruler) keeps it, as spaCy's does (without ``overwrite``)."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def lemmas(self, doc):
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lem = self.lemmatizer
        n = len(doc)
        if not n:
            return doc
        if not lem._validated:
            from spacy.errors import Errors

            lem._validate_tables(Errors.E1004)
        memo = self.memo
        if len(memo) > _MEMO_MAX:
            memo.clear()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        todo = range(n) if lem.overwrite else numpy.flatnonzero(lemmas == 0).tolist()
        if not len(todo):
            return doc
        strings = doc.vocab.strings
        keys = rows[:, :3].tolist()
        for i in todo:
            key = tuple(keys[i])
            lemma = memo.get(key)
            if lemma is None:
                lemma = memo[key] = strings.add(lem.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(n, 1))
        return doc

    def pipe(self, stream, *, batch_size: int = 128):
        error_handler = self.lemmatizer.get_error_handler()
        for doc in stream:
            try:
                yield self.lemmas(doc)
            except Exception as e:  # noqa: BLE001 - as spaCy's Pipe.pipe
                error_handler(self.lemmatizer.name, self.lemmatizer, [doc], e)


def speed_up_lemmas(nlp, name: str = "lemmatizer") -> None:
    """Give the pipeline's rule lemmatizer (where it has one) ``FastLemmas``' pipe; any other lemmatizer is left
    as it is."""
    if name not in nlp.pipe_names:
        return
    lem = nlp.get_pipe(name)
    try:
        from spacy.pipeline import Lemmatizer

        if not isinstance(lem, Lemmatizer) or getattr(lem, "mode", None) != "rule" or isinstance(
                getattr(lem.pipe, "__self__", None), FastLemmas):
            return
        from spacy.lang.en.lemmatizer import EnglishLemmatizer

        if getattr(lem.lemmatize, "__func__", None) is not Lemmatizer.rule_lemmatize or type(lem).is_base_form not in (
                Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form):
            return  # (a lemmatizer of its own kind: its lemmas may read more than the word and its tags)
        lem.pipe = FastLemmas(lem).pipe
    except Exception:  # noqa: BLE001 - any surprise: spaCy's own lemmatizer stays
        return

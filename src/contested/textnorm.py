"""Folding of names so that spellings of one place meet: diacritics, apostrophes, connectors, transliteration.

``fold`` removes what is typography (Khwājah Ghār -> khwajah ghar); ``name_key`` also removes what is a
transliteration habit (Qal'ah-ye Now and Qala-i-Naw -> the same key; Mazar-e-Sharif, Mazar-i-Sharif,
Mazār-e Sharīf -> the same key). Gazetteer entries and text are both keyed with ``name_key``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose to ASCII.
_SPECIAL = str.maketrans(
    {
        "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe",
        "ŭ": "u", "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": "", "‘": "", "’": "", "'": "", "`": "", "´": "",
        "‐": "-", "‑": "-", "–": "-", "—": "-",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Connectors of Persian/Pashto names (ezafe) written in several ways: -e-, -i-, -ye, -e, " e ".
_CONNECTORS = {"e", "i", "y", "ye", "yi", "-e", "-i", "al", "el", "ul"}
# Transliteration habits, applied to each word of a name (order matters).
_WORD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ah$"), "a"),  # Qal'ah -> Qala, Khwajah -> Khwaja
    (re.compile(r"eh$"), "a"),  # Kohneh -> Kohna
    (re.compile(r"(ow|aw|au)"), "o"),  # Now / Naw -> No
    (re.compile(r"ee"), "i"),
    (re.compile(r"oo|ou"), "u"),
    (re.compile(r"q"), "k"),  # Qandahar / Kandahar, Qala / Kala
    (re.compile(r"w"), "v"),  # Wardak / Vardak
    (re.compile(r"dh"), "z"),
    (re.compile(r"kh"), "x"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"e"), "i"),  # Sher / Shir, Nahr-e / Nahr-i
    (re.compile(r"o"), "u"),  # Oruzgan / Uruzgan, Qonduz / Kunduz
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters: Nahrin / Nahreen, Jalrez / Jallrez
    (re.compile(r"(?<=.)[aeiouy]+$"), ""),  # final vowels: Ghazni / Ghazny, Sangin / Sangeen stay close
)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase ASCII with diacritics and apostrophes removed, words separated by single spaces."""
    text = text.translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().translate(_SPECIAL)
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """A key on which spelling variants of one name coincide. Deliberately lossy: used to look names up,
    never shown."""
    return "".join(_word_key(w) for w in fold(text).split() if w not in _CONNECTORS)


@lru_cache(maxsize=400_000)
def _word_key(w: str) -> str:
    """``name_key`` of one folded word (words repeat across names: cached separately)."""
    for pattern, repl in _WORD_RULES:
        w = pattern.sub(repl, w)
    return w


_VOWELS_H = re.compile(r"(?<=.)[aeiouyh]")


@lru_cache(maxsize=50_000)
def skeleton(text: str) -> str:
    """Consonants of ``name_key`` (first letter kept): a last resort for misspellings of districts
    (Naish / Nesh, Deh Rahwod / Dihrawud). Used only where the text itself says "district" or "province"."""
    return _VOWELS_H.sub("", name_key(text))

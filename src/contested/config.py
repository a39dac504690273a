"""Where contested keeps user data (``home``) and rebuildable caches (``cache_dir``), and its limits on
input (``settings``)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path


def home() -> Path:
    """User data: added boundary files and places. Env CONTESTED_HOME, else ~/.local/share/contested."""
    env = os.environ.get("CONTESTED_HOME")
    path = Path(env).expanduser() if env else Path.home() / ".local" / "share" / "contested"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Rebuildable caches. Env CONTESTED_CACHE, else ~/.cache/contested."""
    env = os.environ.get("CONTESTED_CACHE")
    path = Path(env).expanduser() if env else Path.home() / ".cache" / "contested"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True, slots=True)
class Settings:
    """Limits on input, in one place. ``settings()`` reads them, with the environment's overrides.

    ``max_text_chars`` (CONTESTED_MAX_TEXT_CHARS): the longest text accepted; a longer one is refused
    with the reason. Texts longer than ``piece_chars`` (CONTESTED_PIECE_CHARS, below spaCy's 1,000,000)
    are read in pieces cut at paragraph or sentence ends. ``fetch_deadline_s`` (CONTESTED_FETCH_DEADLINE):
    the total time a URL fetch may take, connection and all. A publication date must lie between
    ``earliest_published`` and ``future_days`` after today.
    """

    max_text_chars: int = 5_000_000
    piece_chars: int = 100_000
    fetch_deadline_s: float = 30.0
    earliest_published: date = date(1900, 1, 1)
    future_days: int = 2


def _env_number(name: str, default, kind):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = kind(value)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a number") from None
    if not number > 0:
        raise ValueError(f"{name}={value!r} must be greater than 0")
    return number


def settings() -> Settings:
    """The settings in force: the defaults, overridden by CONTESTED_MAX_TEXT_CHARS, CONTESTED_PIECE_CHARS
    and CONTESTED_FETCH_DEADLINE where set."""
    d = Settings()
    return Settings(
        max_text_chars=_env_number("CONTESTED_MAX_TEXT_CHARS", d.max_text_chars, int),
        piece_chars=_env_number("CONTESTED_PIECE_CHARS", d.piece_chars, int),
        fetch_deadline_s=_env_number("CONTESTED_FETCH_DEADLINE", d.fetch_deadline_s, float),
    )

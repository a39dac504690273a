"""Where contested keeps user data (``home``) and rebuildable caches (``cache_dir``)."""

from __future__ import annotations

import os
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

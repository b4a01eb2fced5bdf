"""Where the caches of the name core live (the compiled matcher, derived spellings)."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "TOPONYMS_CACHE_DIR"


def cache_dir() -> Path:
    """Where cache files live: $TOPONYMS_CACHE_DIR, else $XDG_CACHE_HOME/toponyms, else ~/.cache/toponyms."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "toponyms"

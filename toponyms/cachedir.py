"""Where the caches of the name core live (the compiled matcher, derived spellings)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

CACHE_ENV = "TOPONYMS_CACHE_DIR"
# How many files of one kind (compiled matcher, pickled gazetteer, derived spellings) are kept: one per
# gazetteer and version in use, and a few more for a user who switches between gazetteers.
CACHE_KEEP = 6


def cache_dir() -> Path:
    """Where cache files live: $TOPONYMS_CACHE_DIR, else $XDG_CACHE_HOME/toponyms, else ~/.cache/toponyms."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "toponyms"


def write_atomically(path: Path, *chunks: bytes) -> None:
    """Write `chunks` to `path` through a temporary file and a rename: readers see the old file or the new
    one, whole. The temporary file is named `.NAME.*.part` (what `prune` clears after a killed run) and is
    removed when the write fails; OSError is the caller's (a cache that cannot be written is no error there).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def prune(directory: Path, keep: Path, pattern: str) -> None:
    """Remove the cache files named like `pattern` used least recently beyond `CACHE_KEEP` (never `keep`),
    and temporary files of theirs that a killed run left an hour or more before the newest one.

    Every change of the gazetteer or of toponyms makes a new file; without this they pile up.
    """
    try:
        files = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[CACHE_KEEP:]:
            if old != keep:
                old.unlink(missing_ok=True)
        for stale in directory.glob(f".{pattern}.*.part"):
            if stale.stat().st_mtime < files[0].stat().st_mtime - 3600:
                stale.unlink(missing_ok=True)
    except (OSError, IndexError):
        pass

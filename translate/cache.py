"""A persistent translation cache, so that re-running a corpus only translates what changed.

Segments are cached one by one under a key made of the engine's
fingerprint (its name and the version of the model or language pair), the
pair, and the segment's text. Apertium and Argos give the same output for a
segment alone as inside a document, which is what makes this sound.

The cache is one SQLite file in the user's cache directory
($TOPONYMS_CACHE_DIR, else $XDG_CACHE_HOME/toponyms, else ~/.cache/toponyms);
several worker processes can share it (WAL journal, retries on a busy lock).
Finished documents are cached too (table `documents`): the output's bytes
and its record, under a key made of the document's stamp (its content, the
settings and the gazetteer's content), its path and the toponyms version,
with the fingerprints of the engines that made it. A batch rerun whose
outputs were deleted writes them back from there without finding and placing
names again, when every engine still has the fingerprint it had
(`toponyms.translate.batch.from_cache`).

A cache that cannot be used (the path is a file or cannot be written) is
warned about once and translation goes on without it; a file there that is
not a database (garbage, a truncated copy) is replaced by a new cache once,
with a warning, instead of being warned about on every run.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
from pathlib import Path

from toponyms.translate.engines.base import Engine

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS segments (key BLOB PRIMARY KEY, output TEXT NOT NULL)",
    # engines: JSON [["src>tgt", fingerprint], ...]; rows: the record, JSON Lines; detected: the language guess
    "CREATE TABLE IF NOT EXISTS documents (key BLOB PRIMARY KEY, engines TEXT NOT NULL, output BLOB NOT NULL, "
    "rows TEXT NOT NULL, detected TEXT)",
)
_SQLITE_HEADER = b"SQLite format 3\x00"


def cache_dir() -> Path:
    """Where toponyms keeps its caches."""
    if os.environ.get("TOPONYMS_CACHE_DIR"):
        return Path(os.environ["TOPONYMS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "toponyms"


class TranslationCache:
    """Segment translations on disk, keyed by engine fingerprint, pair and text."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else cache_dir() / "translations.sqlite"
        self._connection: sqlite3.Connection | None = None
        self.failed = False

    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise sqlite3.OperationalError(f"cannot create {self.path.parent}: {exc.strerror}") from None
            self._replace_garbage()
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA busy_timeout=30000")
            for attempt in range(50):
                # Switching to WAL takes a lock that a busy timeout does not wait for.
                try:
                    connection.execute("PRAGMA journal_mode=WAL")
                    for statement in _SCHEMA:
                        connection.execute(statement)
                    break
                except sqlite3.OperationalError:
                    time.sleep(0.05 * (attempt + 1))
            connection.execute("PRAGMA synchronous=NORMAL")
            self._connection = connection
        return self._connection

    def _replace_garbage(self) -> None:
        """Put a new cache in place of a file that is not an SQLite database (under a lock: workers share it)."""
        if not self._is_garbage():
            return
        import fcntl

        try:
            with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                if self._is_garbage():  # another worker may have rebuilt it meanwhile
                    self.path.unlink()
                    for side in ("-wal", "-shm"):
                        self.path.with_name(self.path.name + side).unlink(missing_ok=True)
                    print(f"warning: translation cache {self.path} was not a database; started a new one",
                          file=sys.stderr)
        except OSError as exc:
            raise sqlite3.OperationalError(f"not a database, and cannot be replaced: {exc.strerror}") from None

    def _is_garbage(self) -> bool:
        try:
            with open(self.path, "rb") as file:
                head = file.read(len(_SQLITE_HEADER))
        except (FileNotFoundError, IsADirectoryError):
            return False
        except OSError:
            return False
        return len(head) > 0 and head != _SQLITE_HEADER

    @staticmethod
    def key(fingerprint: str, src: str, tgt: str, segment: str) -> bytes:
        return hashlib.blake2b("\x00".join((fingerprint, src, tgt, segment)).encode("utf-8"), digest_size=20).digest()

    def get_many(self, keys: list[bytes]) -> dict[bytes, str]:
        """The cached outputs of those keys that are cached; a cache that fails is a cache that misses."""
        found: dict[bytes, str] = {}
        if self.failed:
            return found
        try:
            found.update(self._select_keys("key, output", "segments", keys))
        except (sqlite3.Error, OSError) as exc:
            self._trouble(exc)
        return found

    def _select_keys(self, columns: str, table: str, keys: list[bytes]):
        """The rows of `table` under those keys, asked 500 keys a query (SQLite's bound on parameters)."""
        db = self._db()
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            yield from db.execute(f"SELECT {columns} FROM {table} WHERE key IN ({marks})", chunk)

    def put_many(self, items: list[tuple[bytes, str]]) -> None:
        """Remember outputs; if the cache cannot be written, translating goes on without it."""
        self._put("INSERT OR REPLACE INTO segments (key, output) VALUES (?, ?)", items)

    def _put(self, sql: str, items: list) -> None:
        if not items or self.failed:
            return
        try:
            db = self._db()
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany(sql, items)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError) as exc:
            self._trouble(exc)

    def get_documents(self, keys: list[bytes]) -> dict[bytes, tuple[list, bytes, str, str | None]]:
        """Finished documents under those keys: (engines [[pair, fingerprint]], output, rows, detected)."""
        import json

        found = {}
        if self.failed or not keys:
            return found
        try:
            for key, engines, output, rows, detected in self._select_keys(
                    "key, engines, output, rows, detected", "documents", keys):
                if isinstance(output, bytes) and isinstance(rows, str):  # else not ours: a miss
                    found[key] = ([tuple(pair) for pair in json.loads(engines)], output, rows, detected)
        except (sqlite3.Error, OSError, ValueError) as exc:
            self._trouble(exc)
        return found

    def put_documents(self, items: list[tuple[bytes, tuple, bytes, str, str | None]]) -> None:
        """Remember finished documents: (key, engines, output bytes, record rows as JSON Lines, detected)."""
        import json

        self._put("INSERT OR REPLACE INTO documents (key, engines, output, rows, detected) VALUES (?, ?, ?, ?, ?)",
                  [(key, json.dumps([list(pair) for pair in engines]), output, rows, detected)
                   for key, engines, output, rows, detected in items])

    def _trouble(self, exc: Exception) -> None:
        if not self.failed:
            print(f"warning: translation cache {self.path} unusable ({exc}); going on without it", file=sys.stderr)
        self.failed = True

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class CachedEngine(Engine):
    """An engine whose segment translations are remembered on disk; only misses reach the engine."""

    def __init__(self, engine: Engine, cache: TranslationCache):
        self.engine = engine
        self.cache = cache
        self.name = engine.name
        self.hits = 0
        self.misses = 0

    def pairs(self) -> list[tuple[str, str]]:
        return self.engine.pairs()

    def can(self, src: str, tgt: str) -> bool:
        return self.engine.can(src, tgt)

    def describe(self) -> str:
        return self.engine.describe()

    def placeholder(self, src: str, tgt: str) -> str:
        return self.engine.placeholder(src, tgt)

    def fingerprint(self, src: str, tgt: str) -> str:
        return self.engine.fingerprint(src, tgt)

    def translate(self, segments: list[str], src: str, tgt: str) -> list[str]:
        fingerprint = self.engine.fingerprint(src, tgt)
        keys = [self.cache.key(fingerprint, src, tgt, s) for s in segments]
        known = self.cache.get_many(list(dict.fromkeys(keys)))
        missing = list(dict.fromkeys(s for s, k in zip(segments, keys) if k not in known))
        if missing:
            fresh = self.engine.translate(missing, src, tgt)
            new = {self.cache.key(fingerprint, src, tgt, s): out for s, out in zip(missing, fresh)}
            self.cache.put_many(list(new.items()))
            known.update(new)
        self.misses += len(missing)
        self.hits += len(segments) - len(missing)
        return [known[k] for k in keys]

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

The cache is bounded: when the rows it holds pass $TOPONYMS_CACHE_MAX_MB
(default 2048), the oldest written are removed until it is back under nine
tenths of that, so that months of batch runs do not fill the disk. The file
keeps its size and reuses the freed pages (SQLite only shrinks a file on
VACUUM, which would lock it for every worker).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
from pathlib import Path

from toponyms.sqlitetx import immediate
from toponyms.translate.engines.base import Engine

# stamp: when the row was written (seconds since the epoch): the oldest go first when the cache is full.
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS segments (key BLOB PRIMARY KEY, output TEXT NOT NULL, stamp INTEGER NOT NULL DEFAULT 0)",
    # engines: JSON [["src>tgt", fingerprint], ...]; rows: the record, JSON Lines; detected: the language guess
    "CREATE TABLE IF NOT EXISTS documents (key BLOB PRIMARY KEY, engines TEXT NOT NULL, output BLOB NOT NULL, "
    "rows TEXT NOT NULL, detected TEXT, stamp INTEGER NOT NULL DEFAULT 0)",
)
_TABLES = ("segments", "documents")
CACHE_MAX_ENV = "TOPONYMS_CACHE_MAX_MB"
CACHE_MAX_MB = 2048
# The cache's size is looked at (three PRAGMAs: cheap, but not free) on the first write, then each time
# about a twentieth of the bound has been written since the last look.
_SHARE_BETWEEN_SIZE_CHECKS = 20
_SQLITE_HEADER = b"SQLite format 3\x00"


def cache_dir() -> Path:
    """Where toponyms keeps its caches."""
    if os.environ.get("TOPONYMS_CACHE_DIR"):
        return Path(os.environ["TOPONYMS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "toponyms"


class TranslationCache:
    """Segment translations on disk, keyed by engine fingerprint, pair and text."""

    def __init__(self, path: str | Path | None = None, max_bytes: int | None = None):
        self.path = Path(path) if path else cache_dir() / "translations.sqlite"
        self.max_bytes = max_bytes if max_bytes is not None else _max_bytes()
        self._connection: sqlite3.Connection | None = None
        self._unchecked = None  # bytes written since the size was last looked at; None: never looked
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
                    _add_stamps(connection)
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
        now = int(time.time())
        self._put("INSERT OR REPLACE INTO segments (key, output, stamp) VALUES (?, ?, ?)",
                  [(key, output, now) for key, output in items])

    def _put(self, sql: str, items: list) -> None:
        if not items or self.failed:
            return
        try:
            db = self._db()
            with immediate(db):
                db.executemany(sql, items)
            if self._unchecked is not None:
                self._unchecked += sum(len(value) for item in items for value in item if isinstance(value, (str, bytes)))
            if self._unchecked is None or self._unchecked >= self.max_bytes // _SHARE_BETWEEN_SIZE_CHECKS:
                self.trim()
                self._unchecked = 0
        except (sqlite3.Error, OSError) as exc:
            self._trouble(exc)

    def used_bytes(self) -> int:
        """The bytes the cache's rows take: its pages less the free ones."""
        db = self._db()
        pages = db.execute("PRAGMA page_count").fetchone()[0] - db.execute("PRAGMA freelist_count").fetchone()[0]
        return pages * db.execute("PRAGMA page_size").fetchone()[0]

    def trim(self) -> int:
        """Remove the oldest rows while the cache holds more than `max_bytes`, down to nine tenths of it;
        the number of rows removed."""
        removed = 0
        db = self._db()
        for _ in range(50):  # a tenth of the rows a round: a few rounds even for a cache far over
            if self.used_bytes() <= self.max_bytes * (0.9 if removed else 1):
                break
            with immediate(db):
                for table in _TABLES:
                    rows = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    removed += db.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} "
                                          "ORDER BY stamp, rowid LIMIT ?)", (max(1, rows // 10),)).rowcount
            if not removed:
                break
        return removed

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

        now = int(time.time())
        self._put("INSERT OR REPLACE INTO documents (key, engines, output, rows, detected, stamp) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  [(key, json.dumps([list(pair) for pair in engines]), output, rows, detected, now)
                   for key, engines, output, rows, detected in items])

    def _trouble(self, exc: Exception) -> None:
        if not self.failed:
            print(f"warning: translation cache {self.path} unusable ({exc}); going on without it", file=sys.stderr)
        self.failed = True

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _max_bytes() -> int:
    """$TOPONYMS_CACHE_MAX_MB in bytes (a bad value is the default: a cache setting is no reason to stop)."""
    try:
        megabytes = float(os.environ.get(CACHE_MAX_ENV) or CACHE_MAX_MB)
    except ValueError:
        megabytes = CACHE_MAX_MB
    return int(max(megabytes, 0) * 1024 * 1024)


def _add_stamps(connection: sqlite3.Connection) -> None:
    """Give a cache made by an older toponyms the `stamp` column (its rows count as the oldest)."""
    for table in _TABLES:
        columns = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if "stamp" not in columns:
            connection.execute(f"ALTER TABLE {table} ADD COLUMN stamp INTEGER NOT NULL DEFAULT 0")


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

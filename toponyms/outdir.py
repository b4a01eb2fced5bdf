"""An output directory that cannot hurt the user's files, and the store of what the tool wrote there.

`OutDir(root, inputs).open()` makes the directory ready for a run and holds
it until `close()`:

- it refuses a directory that is one of the inputs (the translations would
  replace the sources);
- it takes a lock (`.toponyms/lock`, fcntl.flock), so a second run into the
  same directory stops with one line instead of mixing its files in;
- it removes the temporary files a killed run left, and only those: they are
  named `.toponyms-<name>.<pid>.<random>.part` (see `toponyms.outputs`), which no
  file of the user's is;
- it opens the store, `.toponyms/records.sqlite` (SQLite, WAL journal):
  table `written` holds one row per content the tool wrote to a path (the
  SHA-256 of the bytes, the stamp of what they were made from, and the size
  and time of the input and of the output just after writing); table
  `records` holds each document's record rows, as JSON Lines text. A file in
  the directory is the tool's own when its content hashes to a `written` row
  of its path; anything else is the user's and is never overwritten without
  --force.

Only the process that holds the lock writes the store, one transaction per
group of documents (`Store.note`), *before* the group's outputs are renamed
into place; a second transaction (`Store.confirm`) then keeps only the row of
the content each path now holds. A run killed between the two leaves a row for
content that never arrived, which matches nothing and so is harmless; the other
order would leave an output the next run took for the user's. A run killed in
a transaction leaves the store as it was before it (SQLite rolls it back).

Out-dirs of older versions kept the same facts in `.toponyms/manifest.jsonl`
(a log appended to by every worker) and `.toponyms/records/<path>.jsonl`:
`open()` moves them into the store in one transaction, then removes them.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Iterable, Iterator

from .outputs import OutputError, is_temporary
from .sqlitetx import immediate

STATE_DIR = ".toponyms"
STORE = "records.sqlite"
MANIFEST = "manifest.jsonl"  # older versions' log of what was written (read, migrated, removed)
RECORDS = "records"  # older versions' folder of one JSON Lines record per output
LOCK = "lock"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS written (
    path TEXT NOT NULL,          -- the output's path under the out-dir, with /
    sha256 TEXT NOT NULL,        -- of the bytes written, as sha256sum prints it
    stamp TEXT,                  -- of the input's content, the settings and the gazetteer's content
    complete INTEGER NOT NULL DEFAULT 1,  -- 0: some lines of a JSON Lines input failed
    source TEXT,                 -- the input's path as given
    input_sha256 TEXT,           -- of the input's content
    input_size INTEGER, input_mtime_ns INTEGER,    -- the input when it was read
    output_size INTEGER, output_mtime_ns INTEGER,  -- the output just after it was written
    PRIMARY KEY (path, sha256)
);
CREATE TABLE IF NOT EXISTS records (
    path TEXT PRIMARY KEY,       -- the output's path under the out-dir
    source TEXT,                 -- the input's path as given
    rows TEXT NOT NULL           -- the document's record rows, one JSON object a line
);
"""


def content_hash(data: bytes) -> str:
    """The SHA-256 of `data` in hex, as `sha256sum` prints it."""
    return hashlib.sha256(data).hexdigest()


def file_hash(path: str | Path) -> str | None:
    """The SHA-256 of a file's content, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def rows_text(rows: Iterable[dict]) -> str:
    """Record rows as JSON Lines, as the store keeps them (and as `--record` writes them)."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def rows_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.split("\n") if line.strip()]


class RecordRows(Sequence):
    """A document's record rows kept as the store's JSON Lines text, parsed the first time they are read.

    A rerun of thousands of up-to-date documents hands each one's record to a
    caller that, with no --record and no summary, never looks at it: parsing
    them all was a tenth of such a run. Reading it gives the rows `rows_of` gives.
    """

    __slots__ = ("text", "_rows")

    def __init__(self, text: str):
        self.text = text
        self._rows: list[dict] | None = None

    def _parsed(self) -> list[dict]:
        if self._rows is None:
            self._rows = rows_of(self.text)
        return self._rows

    def __getitem__(self, index):
        return self._parsed()[index]

    def __len__(self) -> int:
        return len(self._parsed())

    def __iter__(self):
        return iter(self._parsed())

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (Sequence, list, tuple)) else NotImplemented

    def __repr__(self) -> str:
        return f"RecordRows({len(self)} rows)"


def connect(path: str | Path) -> sqlite3.Connection:
    """The store at `path`, its tables made if new (WAL journal: readers do not wait for the writer)."""
    connection = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    connection.execute("PRAGMA busy_timeout=30000")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.executescript(_SCHEMA)
    return connection


class Store:
    """The SQLite store of one out-dir: what was written where, and each document's records."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.db = connect(self.path)
        except sqlite3.Error as exc:
            raise OutputError(f"{self.path}: cannot use the out-dir's store: {exc}") from None

    def close(self) -> None:
        self.db.close()

    def written(self) -> Iterator[dict]:
        columns = ("path", "sha256", "stamp", "complete", "source", "input_sha256", "input_size", "input_mtime_ns",
                   "output_size", "output_mtime_ns")
        for values in self.db.execute(f"SELECT {', '.join(columns)} FROM written"):
            entry = dict(zip(columns, values))
            entry["complete"] = bool(entry["complete"])
            yield entry

    def rows(self, relative: str) -> RecordRows | None:
        """The record rows of the output at `relative` (parsed when read), or None when the store has no record of it."""
        found = self.db.execute("SELECT rows FROM records WHERE path = ?", (relative,)).fetchone()
        return RecordRows(found[0]) if found else None

    def record_texts(self, paths: list[str]) -> dict[str, str]:
        """The JSON Lines record text of those outputs the store has a record of, by path (500 a query)."""
        found = {}
        try:
            for start in range(0, len(paths), 500):
                chunk = paths[start:start + 500]
                found.update(self.db.execute(
                    f"SELECT path, rows FROM records WHERE path IN ({','.join('?' * len(chunk))})", chunk))
        except sqlite3.Error:
            return {}  # nothing counts as kept: the notes are written again
        return found

    def records(self) -> Iterator[tuple[str, str | None, str]]:
        """(output path, input path, JSON Lines rows) of every document, in output path order."""
        yield from self.db.execute("SELECT path, source, rows FROM records ORDER BY path")

    def note(self, notes: list[dict]) -> None:
        """In one transaction, before the outputs are written: their content hashes, stamps and records.

        Each note has path, sha256, stamp, complete, source, input_sha256,
        input_size, input_mtime_ns and rows (the JSON Lines text of its record).
        """
        if not notes:
            return
        self._transaction(
            ("INSERT OR REPLACE INTO written (path, sha256, stamp, complete, source, input_sha256, input_size, "
             "input_mtime_ns) VALUES (:path, :sha256, :stamp, :complete, :source, :input_sha256, :input_size, "
             ":input_mtime_ns)", notes),
            ("INSERT OR REPLACE INTO records (path, source, rows) VALUES (:path, :source, :rows)", notes))

    def confirm(self, written: list[dict]) -> None:
        """After the outputs are in place: each path's row for what it now holds, with its size and time."""
        self._transaction(
            ("UPDATE written SET output_size = :output_size, output_mtime_ns = :output_mtime_ns "
             "WHERE path = :path AND sha256 = :sha256", written),
            ("DELETE FROM written WHERE path = :path AND sha256 != :sha256", written))

    def restat(self, inputs: list[dict]) -> None:
        """Keep the new size and time of inputs that were touched but hash as before (path, sha256, input_*)."""
        self._transaction(
            ("UPDATE written SET input_sha256 = :input_sha256, input_size = :input_size, "
             "input_mtime_ns = :input_mtime_ns WHERE path = :path AND sha256 = :sha256", inputs))

    def _transaction(self, *statements) -> None:
        try:
            with immediate(self.db):
                for sql, rows in statements:
                    self.db.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise OutputError(f"{self.path}: cannot write: {exc}") from None

    def migrate(self, root: Path, state: Path) -> None:
        """Move an older out-dir's manifest.jsonl and records/*.jsonl into the store, then remove them.

        In one transaction; rows the store already has are kept (a migration
        cut short is simply done again). The old files go only after it commits.
        """
        manifest, records = state / MANIFEST, state / RECORDS
        if not manifest.is_file() and not records.is_dir():
            return
        entries = []
        try:
            lines = manifest.read_text(encoding="utf-8").splitlines() if manifest.is_file() else []
        except (OSError, UnicodeDecodeError) as exc:
            raise OutputError(f"{manifest}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        for line in lines:
            try:
                entry = json.loads(line)
                entries.append({"path": str(entry["path"]), "sha256": str(entry["sha256"]),
                                "stamp": entry.get("stamp"), "complete": bool(entry.get("complete", True))})
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # a line cut by a full disk: what it named is not claimed
        kept = []
        files = sorted(records.rglob("*.jsonl")) if records.is_dir() else []
        for file in files:
            try:
                text = file.read_text(encoding="utf-8")
                rows_of(text)
            except (OSError, ValueError):
                continue  # unreadable: that output is redone, as it was before
            kept.append({"path": file.relative_to(records).as_posix()[:-len(".jsonl")], "rows": text})
        self._transaction(
            ("INSERT OR IGNORE INTO written (path, sha256, stamp, complete) "
             "VALUES (:path, :sha256, :stamp, :complete)", entries),
            ("INSERT OR IGNORE INTO records (path, rows) VALUES (:path, :rows)", kept))
        for file in files:
            file.unlink(missing_ok=True)
        for directory in sorted((p for p in records.rglob("*") if p.is_dir()), reverse=True) if files else []:
            try:
                directory.rmdir()
            except OSError:
                pass
        try:
            if records.is_dir():
                records.rmdir()
        except OSError:
            pass  # something of the user's in there: left alone
        manifest.unlink(missing_ok=True)


class OutDir:
    """An output directory held for one run: checked, locked, and with the store of what it holds."""

    def __init__(self, root: str, inputs: list[str] | tuple[str, ...] = ()):
        self.root = Path(root)
        self.state = self.root / STATE_DIR
        self.store_path = str(self.state / STORE)
        self._inputs = [p for p in inputs if p != "-"]
        self._lock = None
        self.store: Store | None = None
        # path -> {sha256 -> the `written` row for that content}
        self.entries: dict[str, dict[str, dict]] = {}

    def __enter__(self) -> "OutDir":
        return self if self._lock is not None else self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def open(self) -> "OutDir":
        """Check, create and lock the directory, remove our leftovers, open the store (migrating old state)."""
        self.check()
        try:
            self.state.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{self.root}: cannot create the output directory: {exc.strerror}") from None
        self._take_lock()
        try:
            self._remove_leftovers()
            self.store = Store(self.store_path)
            self.store.migrate(self.root, self.state)
            for entry in self.store.written():
                self.entries.setdefault(entry["path"], {})[entry["sha256"]] = entry
        except BaseException:
            self.close()
            raise
        return self

    def check(self) -> None:
        """Refuse a root that is not a directory, or that is an input directory itself."""
        if self.root.exists() and not self.root.is_dir():
            raise OutputError(f"{self.root}: exists and is not a directory")
        resolved = self.root.resolve()
        for given in self._inputs:
            path = Path(given)
            if path.is_dir() and path.resolve() == resolved:
                raise OutputError(f"--out-dir {self.root} is the input directory {given}: its files would be "
                                  f"replaced by their translations; choose another directory")

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the flock
            self._lock = None

    def _take_lock(self) -> None:
        import fcntl

        path = self.state / LOCK
        try:
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            raise OutputError(f"{self.root}: another toponyms run is writing to this directory "
                              f"(it holds {path}); wait for it to end") from None
        self._lock = handle

    def _remove_leftovers(self) -> None:
        """Remove the temporary files of a run that was killed: ours by name, nothing else."""
        for directory, _, names in os.walk(self.root):
            for name in names:
                if is_temporary(name):
                    try:
                        os.unlink(os.path.join(directory, name))
                    except OSError:
                        pass

    def already_noted(self, notes: list[dict]) -> set[str]:
        """The paths among `notes` whose note the store holds as it is: the only row of the path, for
        that content, with the same stamp, input and record (`Store.note` need not write them again).

        Outputs deleted and written back from the cache are such notes; rewriting
        their records made a rerun that kept the store slower than one that lost it.
        """
        same = {}
        for note in notes:
            by_hash = self.entries.get(note["path"])
            entry = by_hash.get(note["sha256"]) if by_hash and len(by_hash) == 1 else None
            if entry is not None and all(entry[k] == note[k] for k in (
                    "stamp", "source", "input_sha256", "input_size", "input_mtime_ns")) \
                    and entry["complete"] == bool(note["complete"]):
                same[note["path"]] = note["rows"]
        if not same:
            return set()
        kept = self.store.record_texts(list(same))
        return {path for path, rows in same.items() if kept.get(path) == rows}

    def relative(self, path: str) -> str:
        return Path(path).relative_to(self.root).as_posix()

    def written_by_us(self, path: str, relative: str | None = None) -> tuple[bool, dict | None]:
        """(whether `path` exists, the `written` row for its content when the tool wrote it).

        `relative`: the path under the out-dir, when the caller has it (a batch task's `stored`).
        """
        if not os.path.lexists(path):
            return False, None
        sha = file_hash(path)
        return True, self.entries.get(relative or self.relative(path), {}).get(sha) if sha else None

    def unchanged_since_written(self, path: str, relative: str | None = None) -> dict | None:
        """The row of what the tool wrote at `path` when the file still has the size and time it had then.

        Enough to decide that an output needs no redoing (a stat, no hash); never
        enough to overwrite a file: that takes `written_by_us`.
        """
        by_hash = self.entries.get(relative or self.relative(path))
        if not by_hash or len(by_hash) != 1:
            return None
        [entry] = by_hash.values()
        if entry.get("output_mtime_ns") is None:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        if (info.st_size, info.st_mtime_ns) == (entry["output_size"], entry["output_mtime_ns"]):
            return entry
        return None

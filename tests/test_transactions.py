"""SIGTERM during a store or cache write: the run's Terminated gets through, whatever statement it lands after.

Python runs a signal handler at the first bytecode after the C call that was
running. These tests raise `Terminated` at exactly such points with a
profile hook on the real sqlite3 calls (`c_return` of the statement named),
which is where `batch._raise_terminated` would raise it; the databases are
real files. Before `toponyms.sqlitetx`, Terminated landing right after COMMIT
became "cannot rollback - no transaction is active": an OutputError that
`write_outcomes` ignores after confirming, or a cache warning, and a
terminated `translate --jobs 2` exited 0 (seen once in three CI runs).
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import contextmanager

import pytest

from toponyms.errors import Terminated
from toponyms.outdir import Store
from toponyms.outputs import OutputError
from toponyms.sqlitetx import immediate
from translate.cache import TranslationCache


@contextmanager
def terminated_after(db: sqlite3.Connection, statement: str):
    """Raise Terminated as `db.execute(statement)` returns (what SIGTERM's handler does at that moment)."""
    fired = []

    def hook(frame, event, arg):
        if event == "c_return" and not fired and getattr(arg, "__self__", None) is db \
                and arg.__name__ == "execute" and _statement_done(db, statement):
            fired.append(statement)
            raise Terminated()

    sys.setprofile(hook)
    try:
        yield fired
    finally:
        sys.setprofile(None)


def _statement_done(db: sqlite3.Connection, statement: str) -> bool:
    # COMMIT is the execute after which no transaction is open; BEGIN the one after which one is.
    return db.in_transaction if statement == "BEGIN IMMEDIATE" else not db.in_transaction


def note(path: str) -> dict:
    return {"path": path, "sha256": "ab" * 32, "stamp": "s", "complete": True, "source": f"in/{path}",
            "input_sha256": "cd" * 32, "input_size": 3, "input_mtime_ns": 7, "rows": '{"n": 1}\n'}


def test_terminated_right_after_commit_is_terminated_and_the_rows_are_kept(tmp_path):
    store = Store(tmp_path / "records.sqlite")
    with terminated_after(store.db, "COMMIT") as fired, pytest.raises(Terminated):
        store.note([note("a.txt"), note("b.txt")])
    assert fired == ["COMMIT"]
    assert not store.db.in_transaction
    assert sorted(row["path"] for row in store.written()) == ["a.txt", "b.txt"]  # committed before the signal


def test_terminated_right_after_begin_rolls_back_and_is_terminated(tmp_path):
    store = Store(tmp_path / "records.sqlite")
    store.note([note("a.txt")])
    with terminated_after(store.db, "BEGIN IMMEDIATE") as fired, pytest.raises(Terminated):
        store.note([note("b.txt")])
    assert fired == ["BEGIN IMMEDIATE"]
    assert not store.db.in_transaction  # not left holding the write lock
    assert [row["path"] for row in store.written()] == ["a.txt"]
    store.note([note("c.txt")])  # the store goes on working
    assert sorted(row["path"] for row in store.written()) == ["a.txt", "c.txt"]


def test_confirm_interrupted_after_commit_is_not_swallowed(tmp_path):
    # write_outcomes ignores an OutputError from confirm (the old rows are only extra): Terminated must not be one.
    store = Store(tmp_path / "records.sqlite")
    store.note([note("a.txt")])
    with terminated_after(store.db, "COMMIT"), pytest.raises(Terminated):
        store.confirm([{"path": "a.txt", "sha256": "ab" * 32, "output_size": 3, "output_mtime_ns": 9}])


def test_a_real_sqlite_error_is_still_an_output_error(tmp_path):
    store = Store(tmp_path / "records.sqlite")
    store.db.execute("DROP TABLE records")
    with pytest.raises(OutputError, match="cannot write: no such table: records"):
        store.note([note("a.txt")])
    assert not store.db.in_transaction
    assert list(store.written()) == []  # the first statement of the transaction was rolled back


def test_cache_write_interrupted_after_commit_is_terminated_not_a_warning(tmp_path, capsys):
    cache = TranslationCache(tmp_path / "cache.sqlite")
    cache.put_many([(b"k1", "one")])
    with terminated_after(cache._db(), "COMMIT"), pytest.raises(Terminated):
        cache.put_many([(b"k2", "two")])
    assert not cache.failed
    assert capsys.readouterr().err == ""
    assert cache.get_many([b"k1", b"k2"]) == {b"k1": "one", b"k2": "two"}


def test_immediate_commits_and_rolls_back(tmp_path):
    db = sqlite3.connect(tmp_path / "t.sqlite", isolation_level=None)
    db.execute("CREATE TABLE t (x)")
    with immediate(db):
        db.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(ValueError):
        with immediate(db):
            db.execute("INSERT INTO t VALUES (2)")
            raise ValueError("stop")
    assert db.execute("SELECT x FROM t").fetchall() == [(1,)]
    assert not db.in_transaction

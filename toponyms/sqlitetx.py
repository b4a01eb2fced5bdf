"""One SQLite write transaction that lets a signal's exception through (the store's and the cache's).

`immediate(db)` is BEGIN IMMEDIATE ... COMMIT on a connection opened with
``isolation_level=None``. On any exception it rolls back only a transaction
that is still open, and a failing rollback never replaces the exception that
caused it.

Why not the plain ``except: ROLLBACK; raise``: Python runs a signal handler
at the first bytecode after the C call that was running, so SIGTERM
arriving while COMMIT writes (the slowest statement: it syncs the journal)
raises the run's `Terminated` right after COMMIT returns, inside the
``try``. The transaction is over by then, ROLLBACK fails with "cannot
rollback - no transaction is active", and that sqlite3 error used to stand
in for `Terminated`: the out-dir store turned it into an OutputError that a
confirm step ignores, the cache into a warning, and the run went on to exit 0.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def immediate(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Write inside one BEGIN IMMEDIATE transaction; commit at the end, roll back what is open on any exception."""
    try:
        db.execute("BEGIN IMMEDIATE")
        yield db
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the exception that got us here says more; SQLite rolls back on close anyway
        raise

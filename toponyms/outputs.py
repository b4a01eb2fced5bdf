"""Writing results safely: whole files or nothing, and never over the user's files unasked."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ToponymsError


class OutputError(ToponymsError):
    """An output file cannot be written, or would overwrite a file the user has."""


def refuse_overwrite(path: str, force: bool) -> None:
    """Raise before any work is done when `path` exists and `force` was not given."""
    if not force and Path(path).exists():
        raise OutputError(f"{path}: already exists; pass --force to overwrite it")


@contextmanager
def atomic_path(path: str, force: bool = False, suffix: str = ".part") -> Iterator[str]:
    """A temporary path beside `path` to write to; it becomes `path` only if the block succeeds.

    So no half-written file is ever seen under the real name, and a failure
    leaves nothing behind. `suffix` lets writers that choose a format by
    file name (matplotlib) see the right one.
    """
    target = Path(path)
    refuse_overwrite(path, force)
    if target.is_dir():
        raise OutputError(f"{path}: is a directory")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{path}: directory {directory} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
    os.close(handle)
    try:
        # mkstemp makes the file private; an output gets the permissions any new file would.
        os.chmod(temporary, 0o666 & ~_umask())
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(path: str, text: str, force: bool = False) -> None:
    """Write `text` to `path` whole or not at all (see `atomic_path`)."""
    with atomic_path(path, force) as temporary:
        with open(temporary, "w", encoding="utf-8", newline="") as out:
            out.write(text)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def records_text(rows: Iterable[dict], path: str) -> str:
    """Rows as JSON Lines, or as CSV when `path` ends in .csv."""
    rows = list(rows)
    if path.lower().endswith(".csv"):
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                              for k, v in row.items()} for row in rows)
        return buffer.getvalue()
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)

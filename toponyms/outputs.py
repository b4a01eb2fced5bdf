"""Writing results safely: whole files or nothing, and never over the user's files unasked."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import ToponymsError


class OutputError(ToponymsError):
    """An output file cannot be written, or would overwrite a file the user has."""


def refuse_overwrite(path: str, force: bool) -> None:
    """Raise before any work is done when `path` exists and `force` was not given."""
    if not force and Path(path).exists():
        raise OutputError(f"{path}: already exists; pass --force to overwrite it")


def write_atomic(path: str, text: str, force: bool = False) -> None:
    """Write `text` to `path` through a temporary file and a rename, so no half-written file is ever seen."""
    target = Path(path)
    refuse_overwrite(path, force)
    if target.is_dir():
        raise OutputError(f"{path}: is a directory")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{path}: directory {directory} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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

"""Reading the user's files: text or a one-line reason why not."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import ToponymsError

STDIN = "-"


class InputError(ToponymsError):
    """An input file is missing, not a file, not text, or empty."""


def decode(data: bytes, name: str, allow_empty: bool = False) -> str:
    """Decode UTF-8 (a leading byte-order mark is dropped), refusing binary and (unless allowed) empty input."""
    if not data.strip():
        if allow_empty:
            return ""
        raise InputError(f"{name}: is empty")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (bad byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def read_text(path: str, allow_empty: bool = False) -> str:
    """The decoded text of `path`, or of standard input for ``-``."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "standard input", allow_empty)
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return decode(data, path, allow_empty)


@dataclass(frozen=True)
class Source:
    """One input the user named, or found under a directory the user named."""

    path: str  # as given or as found; "-" for standard input
    relative: str  # the path under the directory it was found in, for mirroring into --out-dir
    problem: str | None = None  # why it cannot be read, found while listing (missing path)


def list_inputs(paths: list[str], pattern: str | None = None) -> list[Source]:
    """Every input under `paths`: files as given, directories walked recursively in name order.

    Hidden files and directories (".git", an output's ".toponyms") are passed
    over, and under directories only names matching the glob `pattern` count.
    A path that does not exist is listed with its problem, so that a batch
    can report it and go on.
    """
    sources: list[Source] = []
    for path in paths or [STDIN]:
        if path == STDIN:
            sources.append(Source(STDIN, "stdin"))
            continue
        root = Path(path)
        if root.is_dir():
            found = sorted(
                p for p in root.rglob(pattern or "*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
            )
            sources.extend(Source(str(p), str(p.relative_to(root))) for p in found)
        elif root.exists():
            sources.append(Source(path, root.name))
        else:
            sources.append(Source(path, root.name, f"{path}: no such file"))
    return sources

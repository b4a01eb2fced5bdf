"""Reading the user's files: text or a one-line reason why not."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import ToponymsError

STDIN = "-"


class InputError(ToponymsError):
    """An input file is missing, not a file, not text, or empty."""


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (a leading byte-order mark is dropped), refusing binary and empty input."""
    if not data.strip():
        raise InputError(f"{name}: is empty")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (bad byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def read_text(path: str) -> str:
    """The decoded text of `path`, or of standard input for ``-``."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "standard input")
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return decode(data, path)

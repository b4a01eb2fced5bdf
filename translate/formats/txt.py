"""Plain text: each line's text is a piece."""

from __future__ import annotations

from . import Format


class TxtFormat(Format):
    name = "txt"
    suffixes = (".txt", ".text")


FORMAT = TxtFormat()

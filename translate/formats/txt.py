"""Plain text: each line's text is a piece."""

from __future__ import annotations

from toponyms.inputs import decode

from . import Document, Format


class TxtFormat(Format):
    name = "txt"
    suffixes = (".txt", ".text")

    def read(self, data: bytes, name: str) -> Document:
        text = decode(data, "standard input" if name == "-" else name)
        return Document(name, text, fmt=self.name, format=self.name)


FORMAT = TxtFormat()

"""Markdown: the layout stays, the text is translated (see text.split_document)."""

from __future__ import annotations

from toponyms.inputs import decode

from . import Document, Format


class MdFormat(Format):
    name = "md"
    suffixes = (".md", ".markdown")

    def read(self, data: bytes, name: str) -> Document:
        text = decode(data, "standard input" if name == "-" else name)
        return Document(name, text, fmt=self.name, format=self.name)


FORMAT = MdFormat()

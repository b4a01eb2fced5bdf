"""Markdown: the layout stays, the text is translated (see text.split_document)."""

from __future__ import annotations

from . import Format


class MdFormat(Format):
    name = "md"
    suffixes = (".md", ".markdown")


FORMAT = MdFormat()

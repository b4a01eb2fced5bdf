"""HTML: tags, scripts and attributes stay, text nodes are translated (see text.split_document)."""

from __future__ import annotations

from . import Format


class HtmlFormat(Format):
    name = "html"
    suffixes = (".html", ".htm", ".xhtml")


FORMAT = HtmlFormat()

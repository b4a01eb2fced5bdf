"""OpenDocument text (.odt), read and written with odfpy.

Every paragraph and heading (text:p, text:h) of the body -- tables, lists, frames and footnote
and endnote bodies included -- and of the master pages' headers and footers is one line of the
document's text. Its runs are its text nodes, inside spans and links too (each with the style of
the element it sits in); the pipeline translates each line as a whole and `runs.spread` puts the
translation back onto them. A note inside a paragraph is its own paragraph, not part of the one
around it; its citation number, tabs, line breaks and spaces (text:s) are not touched.

odfpy is the OpenDocument library of the Python world (pure Python, maintained with the ODF
toolkit); it reads and writes the whole package, styles and meta included.
"""

from __future__ import annotations

import io

from . import Document, Format, FormatError
from .runs import spread

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_SKIP = {"note", "note-citation", "tracked-changes", "bookmark", "bookmark-start", "bookmark-end"}
_GAPS = {"tab": " ", "line-break": " ", "s": " "}


def _runs(element, runs: list, text: list) -> None:
    for child in element.childNodes:
        if child.nodeType == child.TEXT_NODE:
            runs.append(child)
            text.append(child.data)
            continue
        if child.nodeType != child.ELEMENT_NODE:
            continue
        namespace, local = child.qname
        if namespace == _TEXT_NS and local in _SKIP:
            continue
        if namespace == _TEXT_NS and local in _GAPS:
            text.append(_GAPS[local])  # keeps words apart in the text read; the element stays
            continue
        if namespace == _TEXT_NS and local in ("p", "h"):
            continue  # a paragraph inside (a frame's): its own line
        _runs(child, runs, text)


def _paragraphs(doc):
    found = []
    for root in (doc.masterstyles, doc.body):
        for element in _walk(root):
            if element.qname in ((_TEXT_NS, "p"), (_TEXT_NS, "h")):
                runs, text = [], []
                _runs(element, runs, text)
                found.append((runs, "".join(text)))
    return found


def _walk(element):
    """Elements in document order (a paragraph before the paragraphs of its notes)."""
    for child in element.childNodes:
        if child.nodeType == child.ELEMENT_NODE:
            yield child
            yield from _walk(child)


class OdtFormat(Format):
    name = "odt"
    suffixes = (".odt",)
    binary = True

    def read(self, data: bytes, name: str) -> Document:
        try:
            from odf.opendocument import load
        except ImportError:
            raise FormatError(f"{name}: reading .odt needs odfpy (pip install odfpy)") from None
        try:
            doc = load(io.BytesIO(data))
        except Exception as exc:  # zipfile, KeyError, XML errors from a damaged package
            raise FormatError(f"{name}: not an OpenDocument text (.odt): {exc}") from None
        paragraphs = _paragraphs(doc)
        return Document(name, "\n".join(text for _, text in paragraphs), "txt", self.name,
                        state=(doc, paragraphs))

    def write(self, document: Document, text: str) -> bytes:
        doc, paragraphs = document.state
        lines = text.split("\n")
        if len(lines) != len(paragraphs):
            raise FormatError(f"{document.name}: the translation has {len(lines)} paragraphs, the document "
                              f"{len(paragraphs)}: not written")
        for (runs, source), line in zip(paragraphs, lines):
            if line == source:
                continue
            for node, part in zip(runs, spread([node.data for node in runs], line)):
                node.data = part
        out = io.BytesIO()
        doc.write(out)
        return out.getvalue()


FORMAT = OdtFormat()

"""Word documents (.docx), read and written with python-docx.

Every paragraph of every story -- the body (tables and nested tables included), each section's
headers and footers, footnotes and endnotes -- is one line of the document's text, in that
order; the pipeline translates each line as a whole and `runs.spread` puts the translation back
onto the paragraph's runs, which keep their formatting (bold, italic, style). A line break inside
a paragraph is U+2028 in the text. Runs that hold something other than text (a footnote
reference, a picture, a field) are not touched, nor is anything else of the file.

python-docx is the maintained library for .docx (lxml underneath, no Office needed); footnotes,
which it does not model, are read from their part's XML with the same run objects.
"""

from __future__ import annotations

import io

from . import Document, Format, FormatError
from .runs import spread

LINE_BREAK = "\u2028"
# Run content python-docx's Run.text reads and writes; a run with anything else is left alone.
_TEXT_TAGS = {"t", "tab", "br", "cr", "rPr", "noBreakHyphen", "softHyphen"}
_NOTES = ("/footnotes", "/endnotes")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _editable(run) -> bool:
    return all(_local(child.tag) in _TEXT_TAGS for child in run._r)


def _stories(doc):
    """The XML roots of the body, headers, footers and notes, each once, and the parts to save back."""
    seen = set()
    yield doc.element.body, None
    for section in doc.sections:
        for story in (section.header, section.first_page_header, section.even_page_header,
                      section.footer, section.first_page_footer, section.even_page_footer):
            if story.is_linked_to_previous:
                continue
            element = story._element
            if id(element) not in seen:
                seen.add(id(element))
                yield element, None
    from docx.oxml.parser import parse_xml

    for rel in doc.part.rels.values():
        if rel.reltype.endswith(_NOTES) and not rel.is_external:
            part = rel.target_part
            if hasattr(part, "element"):
                yield part.element, None
            else:  # a plain part: parse its XML, and put the bytes back when writing
                root = parse_xml(part.blob)
                yield root, part


def _paragraphs(doc):
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    found, raw_parts = [], []
    for root, part in _stories(doc):
        if part is not None:
            raw_parts.append((root, part))
        for p in root.iter(qn("w:p")):
            runs = [Run(r, None) for r in p.xpath("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r")]
            found.append((Paragraph(p, None), [r for r in runs if _editable(r)]))
    return found, raw_parts


class DocxFormat(Format):
    name = "docx"
    suffixes = (".docx",)
    binary = True

    def read(self, data: bytes, name: str) -> Document:
        try:
            import docx
        except ImportError:
            raise FormatError(f"{name}: reading .docx needs python-docx (pip install python-docx)") from None
        try:
            doc = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises zipfile, KeyError or its own errors for a bad file
            raise FormatError(f"{name}: not a Word document (.docx): {exc}") from None
        paragraphs, raw_parts = _paragraphs(doc)
        lines = ["".join(run.text for run in runs).replace("\n", LINE_BREAK) for _, runs in paragraphs]
        return Document(name, "\n".join(lines), "txt", self.name, state=(doc, paragraphs, raw_parts))

    def write(self, document: Document, text: str) -> bytes:
        doc, paragraphs, raw_parts = document.state
        lines = text.split("\n")
        if len(lines) != len(paragraphs):
            raise FormatError(f"{document.name}: the translation has {len(lines)} paragraphs, the document "
                              f"{len(paragraphs)}: not written")
        for (_, runs), line in zip(paragraphs, lines):
            for run, part in zip(runs, spread([r.text for r in runs], line.replace(LINE_BREAK, "\n"))):
                if run.text != part:
                    run.text = part
        from lxml import etree

        for root, part in raw_parts:
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


FORMAT = DocxFormat()

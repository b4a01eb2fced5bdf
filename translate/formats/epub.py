"""E-books (.epub), read and written with ebooklib.

Each chapter (every XHTML document of the book's manifest) is read as HTML through the html
format's rules, so tags, scripts and attributes stay and text nodes are translated; the chapters
follow one another in the document's text, separated by an HTML comment that the html format
never translates. Navigation, styles, pictures and metadata are written back as they were.

ebooklib is the maintained EPUB 2/3 library for Python; it reads and writes the whole package
(container, OPF, navigation) so only the chapters' content changes.
"""

from __future__ import annotations

import io

from . import Document, Format, FormatError

SEPARATOR = "\n<!-- toponyms: next chapter -->\n"


class EpubFormat(Format):
    name = "epub"
    suffixes = (".epub",)
    binary = True

    def read(self, data: bytes, name: str) -> Document:
        try:
            import ebooklib
            from ebooklib import epub
        except ImportError:
            raise FormatError(f"{name}: reading .epub needs ebooklib (pip install ebooklib)") from None
        try:
            reader = epub.EpubReader(io.BytesIO(data), {"ignore_ncx": True})  # read_epub, closing its zip
            book = reader.load()
            reader.process()
            reader.zf.close()
        except Exception as exc:  # EpubException, zipfile and XML errors
            raise FormatError(f"{name}: not an e-book (.epub): {exc}") from None
        chapters = [item for item in book.get_items_of_type(ebooklib.ITEM_DOCUMENT)
                    if not isinstance(item, epub.EpubNav)]
        texts = []
        for item in chapters:
            try:
                texts.append(item.get_content().decode("utf-8"))
            except UnicodeDecodeError:
                raise FormatError(f"{name}: chapter {item.get_name()} is not UTF-8") from None
            if SEPARATOR.strip() in texts[-1]:
                raise FormatError(f"{name}: chapter {item.get_name()} holds the chapter separator comment")
        return Document(name, SEPARATOR.join(texts), "html", self.name, state=(book, chapters))

    def write(self, document: Document, text: str) -> bytes:
        from ebooklib import epub

        book, chapters = document.state
        parts = text.split(SEPARATOR)
        if len(parts) != len(chapters):
            raise FormatError(f"{document.name}: the translation has {len(parts)} chapters, the book "
                              f"{len(chapters)}: not written")
        for item, part in zip(chapters, parts):
            item.set_content(part.encode("utf-8"))
        _name_toc_entries(book.toc)
        out = io.BytesIO()
        epub.write_epub(out, book, {})
        return out.getvalue()


def _name_toc_entries(entries, numbers=None) -> None:
    """Give table-of-contents entries read without an id one (ebooklib cannot write an NCX entry without)."""
    numbers = numbers if numbers is not None else iter(range(1, 1 << 30))
    for entry in entries:
        if isinstance(entry, (tuple, list)):
            _name_toc_entries(entry, numbers)
        elif getattr(entry, "uid", "") is None:
            entry.uid = f"toponyms-toc-{next(numbers)}"


FORMAT = EpubFormat()

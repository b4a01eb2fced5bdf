"""The document layer: a `Document` and the registry of formats that read and write them.

A format is a small class in one module of this package (or of another distribution, through
the entry-point group ``toponyms.formats``): it says whether it `supports` a path, `read`s the
bytes of a file into a `Document` -- a text that the pipeline cuts into translatable pieces and
untouchable markup (`text.split_document` by the document's `fmt`: txt, md or html), whose
offsets the record points into -- and `write`s the translated text back into the file's own
format. Plain text, Markdown and HTML are their own text; a .docx is one line per paragraph,
a subtitle file one line per cue, an .epub its chapters as HTML.

Adding a format is one module: a `Format` subclass, listed in `BUILTIN` (or an entry point).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from toponyms.errors import ToponymsError

from .text import (TEXT_FORMATS, Piece, context_text, join_document, search_view, searchable_text, split_document,
                   text_format, translated_piece, written_bounds, written_offsets)

__all__ = ["FORMATS", "Document", "Format", "Piece", "context_text", "format_for_path", "get_format", "join_document",
           "normalize_format", "search_view", "searchable_text", "split_document", "TEXT_FORMATS", "text_format", "translated_piece",
           "written_bounds", "written_offsets"]

ENTRY_POINT_GROUP = "toponyms.formats"
# name -> module of this package holding its class (imported when the format is used).
BUILTIN = {"txt": "txt", "md": "md", "html": "html", "jsonl": "jsonl", "docx": "docx", "odt": "odt",
           "srt": "srt", "vtt": "vtt", "epub": "epub"}
# What --format accepts: the names above, in this order.
FORMATS: tuple[str, ...] = tuple(BUILTIN)


class FormatError(ToponymsError):
    """A file that its format cannot read or write."""


@dataclass
class Document:
    """One document: its name, its text as the pipeline sees it, and what writing it back needs.

    `text` is what is searched and translated (cut into pieces by `fmt`); `format` names the
    file's format; `fields` holds the other JSON Lines fields (a `JsonLine`), `state` what the
    format keeps to write the translated document back (the parsed file).
    """

    name: str
    text: str
    fmt: str = "txt"
    format: str = "txt"
    line: int = 0
    fields: Any = None
    state: Any = field(default=None, repr=False)

    @property
    def pieces(self) -> list[Piece]:
        """The text cut into pieces to translate and pieces to keep (each piece's offset is the sum before it)."""
        return split_document(self.text, self.fmt)


class Format:
    """A document format. Subclasses set `name`, `suffixes` and override `read` (and `write`)."""

    name: str = ""
    suffixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    binary: bool = False  # output is not text: it cannot go to standard output

    def supports(self, path: str | None) -> bool:
        return path is not None and PurePath(str(path)).suffix.lower() in self.suffixes

    def read(self, data: bytes, name: str) -> Document:
        """A text format's document: the decoded text, cut into pieces by `split_document` per `name`."""
        from toponyms.inputs import decode

        text = decode(data, "standard input" if name == "-" else name)
        return Document(name, text, fmt=self.name, format=self.name)

    def write(self, document: Document, text: str) -> bytes:
        """The file of `document` with its text replaced by `text` (the translation of `document.text`)."""
        return text.encode("utf-8")


def _plugins() -> dict[str, Any]:
    from importlib.metadata import entry_points

    return {entry.name: entry for entry in entry_points(group=ENTRY_POINT_GROUP)}


@lru_cache(maxsize=None)
def get_format(name: str) -> Format:
    """The format named `name` (or an alias: text, markdown, htm...); FormatError if none."""
    key = normalize_format(name)
    if key in BUILTIN:
        module = importlib.import_module(f"{__name__}.{BUILTIN[key]}")
        return module.FORMAT
    return _plugins()[key].load()()


_ALIASES = {"text": "txt", "markdown": "md", "htm": "html", "xhtml": "html", "ndjson": "jsonl", "webvtt": "vtt"}


def normalize_format(fmt: str) -> str:
    """The name of a format given its name or an alias; FormatError for anything else."""
    key = str(fmt).strip().lower().lstrip(".")
    key = _ALIASES.get(key, key)
    if key in BUILTIN or (key not in ("", "auto") and key in _plugins()):
        return key
    raise FormatError(f"unknown document format {fmt!r}: use one of {', '.join(names())}")


def names() -> tuple[str, ...]:
    return FORMATS + tuple(sorted(set(_plugins()) - set(FORMATS)))


# By suffix, without importing the format modules (they import their libraries lazily anyway).
_SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".docx": "docx", ".odt": "odt", ".srt": "srt",
    ".vtt": "vtt", ".epub": "epub",
}


def format_for_path(path: str | None, default: str = "txt") -> str:
    """The format of a file by its suffix; no path ("-", standard input) or an unknown suffix: `default`."""
    default = normalize_format(default)
    if path is None or str(path) in ("", "-"):
        return default
    suffix = PurePath(str(path)).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    for name in _plugins():
        if get_format(name).supports(str(path)):
            return name
    return default

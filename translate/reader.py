"""The one reader of inputs: a file (or standard input) in, its documents and bad lines out.

`find`, `translate`, `normalise` and `report` all read through `read_input`: the bytes are read
once (`toponyms.inputs.read_bytes`), the format is chosen by --format or the file's suffix
(`formats.format_for_path`), and the format reads them into `Document`s -- one for a file, one per
good line with --jsonl (lines end at "\\n" only, so a raw U+2028 inside a JSON string is text in
every command).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toponyms.inputs import STDIN, read_bytes

from .formats import Document, format_for_path, get_format, normalize_format


@dataclass
class Input:
    """What one input holds: its bytes, its documents, and its bad JSON lines ((line, "path:line: why"))."""

    path: str
    data: bytes
    format: str
    documents: list[Document] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def choose_format(path: str, fmt: str = "auto", jsonl: bool = False) -> str:
    """The format an input is read in: jsonl with --jsonl, else --format, else by suffix (a .jsonl is text then)."""
    if jsonl:
        return "jsonl"
    if fmt != "auto":
        return normalize_format(fmt)
    found = format_for_path(None if path == STDIN else path)
    return "txt" if found == "jsonl" else found


def read_input(path: str, fmt: str = "auto", jsonl: bool = False, text_field: str = "text",
               data: bytes | None = None) -> Input:
    """Read `path` (or "-") into documents; InputError (a ToponymsError) when it cannot be read at all."""
    name = choose_format(path, fmt, jsonl)
    if data is None:
        data = read_bytes(path)
    form = get_format(name)
    found = Input(path, data, name)
    if name == "jsonl":
        documents, bad = form.read_all(data, path, text_field)
        found.documents = documents
        found.problems = [(line.number, line.problem) for line in bad]
    else:
        found.documents = [form.read(data, path)]
    return found

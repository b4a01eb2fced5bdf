"""JSON Lines: one document per line, in a text field; the other fields ride along untouched.

Lines end at "\\n" only (a raw U+2028 inside a JSON string is text), the way every command reads
them (`toponyms.jsonlines.read_lines`); the translated text is spliced into the line byte for byte
(`JsonLine.with_fields`), so the other fields stay exactly as written.
"""

from __future__ import annotations

from toponyms.inputs import decode
from toponyms.jsonlines import BadLine, read_lines

from . import Document, Format


class JsonlFormat(Format):
    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")

    def read_all(self, data: bytes, name: str, text_field: str = "text") -> tuple[list[Document], list[BadLine]]:
        """A document per good line ("path:line"), and the bad lines with their reasons."""
        text = decode(data, "standard input" if name == "-" else name)
        documents, bad = [], []
        for line in read_lines(text, name, text_field):
            if isinstance(line, BadLine):
                bad.append(line)
            else:
                documents.append(Document(f"{name}:{line.number}", line.text, "txt", "jsonl", line.number, line))
        return documents, bad


FORMAT = JsonlFormat()

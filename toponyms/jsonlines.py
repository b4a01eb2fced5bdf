"""JSON Lines documents: one object a line, read so that a bad line spoils only itself.

`read_lines(text, path, text_field)` yields a `JsonLine` for every good line
and a `BadLine` (with its number and reason) for every bad one, so a caller
can do the good ones and report the others. `JsonLine.with_fields` writes a
translated line by splicing new values into the line as the user wrote it:
the other fields keep their exact bytes (`1.10` stays `1.10`, `"\\u00e9"`
stays escaped, a repeated key stays repeated), which re-serialising the
parsed object would not.

>>> [line] = read_lines('{"n": 1.10, "text": "Şuşa"}', "-", "text")
>>> line.with_fields({"text": "Shusha"})
'{"n": 1.10, "text": "Shusha"}'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from json.decoder import scanstring
from typing import Iterator

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


@dataclass(frozen=True)
class JsonLine:
    """A good line: its number, its text as written, its fields, and where each value stands."""

    number: int
    raw: str
    fields: dict
    spans: dict  # key -> (start, end) of its value in `raw`: the last one, which json.loads keeps
    close: int  # where the closing brace is
    text: str  # the value of the text field

    def with_fields(self, values: dict) -> str:
        """The line with these top-level fields set (replaced where present, else added at the end)."""
        edits = []
        added = []
        for key, value in values.items():
            encoded = json.dumps(value, ensure_ascii=False)
            if key in self.spans:
                edits.append((*self.spans[key], encoded))
            else:
                added.append(f"{json.dumps(key, ensure_ascii=False)}: {encoded}")
        if added:
            joined = ", ".join(added)
            edits.append((self.close, self.close, (", " if self.spans else "") + joined))
        line = self.raw
        for start, end, encoded in sorted(edits, reverse=True):
            line = line[:start] + encoded + line[end:]
        return line


@dataclass(frozen=True)
class BadLine:
    """A line that cannot be a document, and why."""

    number: int
    problem: str


def read_lines(text: str, path: str, text_field: str) -> Iterator[JsonLine | BadLine]:
    """Every non-blank line of `text` as a JsonLine, or a BadLine saying "path:line: why"."""
    for number, raw in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 is text
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            fields, spans, close = parse_object(raw)
        except ValueError:
            yield BadLine(number, f"{where}: {_why_not_an_object(raw)}")
            continue
        value = fields.get(text_field)
        if not isinstance(value, str):
            reason = "is not a string" if text_field in fields else "is missing"
            yield BadLine(number, f"{where}: no text field {text_field!r} (it {reason})")
            continue
        yield JsonLine(number, raw, fields, spans, close, value)


def parse_object(line: str) -> tuple[dict, dict, int]:
    """(fields, value spans, closing brace position) of a line holding one JSON object; ValueError if not.

    Duplicate keys: the last value wins, as with json.loads, and its span is the one kept.
    """
    pos = _SPACE.match(line, 0).end()
    if line[pos:pos + 1] != "{":
        raise ValueError("not an object")
    pos = _SPACE.match(line, pos + 1).end()
    fields, spans = {}, {}
    if line[pos:pos + 1] != "}":
        while True:
            if line[pos:pos + 1] != '"':
                raise ValueError("expected a key")
            key, pos = scanstring(line, pos + 1)
            pos = _SPACE.match(line, pos).end()
            if line[pos:pos + 1] != ":":
                raise ValueError("expected ':'")
            start = _SPACE.match(line, pos + 1).end()
            value, end = _DECODER.raw_decode(line, start)
            fields[key], spans[key] = value, (start, end)
            pos = _SPACE.match(line, end).end()
            if line[pos:pos + 1] == ",":
                pos = _SPACE.match(line, pos + 1).end()
                continue
            if line[pos:pos + 1] == "}":
                break
            raise ValueError("expected ',' or '}'")
    close = pos
    if line[_SPACE.match(line, pos + 1).end():]:
        raise ValueError("extra data")
    return fields, spans, close


def _why_not_an_object(line: str) -> str:
    try:
        value = json.loads(line)
    except ValueError as exc:
        return f"not JSON ({getattr(exc, 'msg', exc)})"
    return f"not a JSON object (a {type(value).__name__ if value is not None else 'null'})"


def documents(path: str, text: str, jsonl: bool, text_field: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(doc name, text) for each document of a file: itself, or with `jsonl` one per good line
    ("path:line"); and the problems of the bad lines."""
    if not jsonl:
        return [(path, text)], []
    found, problems = [], []
    for line in read_lines(text, path, text_field):
        if isinstance(line, BadLine):
            problems.append(line.problem)
        else:
            found.append((f"{path}:{line.number}", line.text))
    return found, problems

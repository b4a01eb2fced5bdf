"""WebVTT subtitles (.vtt), read with webvtt-py and written back as they were.

Each cue is one line of the document's text: its lines as written (cue tags such as <b>, <i>
and voice spans included) joined by a space, read as HTML so that the tags stay and only the
words are translated. The translation goes back onto the same lines (`runs.cue_lines`) in the
file as written: the header, identifiers, timings (00:01.000 stays short), cue settings, notes,
styles, regions, line endings and unchanged cues stay byte for byte.

webvtt-py is the maintained WebVTT parser for Python (pure Python): it says whether a file is
WebVTT and which blocks are cues. Its writer is not used: it writes every timing in the long
form and reflows notes. Where each cue's lines stand is found here by the same block rules.
"""

from __future__ import annotations

import io
import re

from toponyms.inputs import decode

from . import Document, Format, FormatError
from .runs import splice_cues

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def _blocks(text: str):
    """The blocks of a WebVTT file as [(start, end, line)], by the rules webvtt-py reads them by.

    A block ends at an empty line; a line holding "-->" that cannot be the timings line of the
    block so far (the header's, or after two lines) starts a new one.
    """
    block: list[tuple[int, int, str]] = []
    in_header = True
    for match in _LINE.finditer(text):
        line = match.group(1)
        if match.start() == len(text) and not line:
            break
        if not line or (block and "-->" in line and (in_header or len(block) > 1 or "-->" in block[0][2])):
            if block:
                yield block
                block, in_header = [], False
        if line:
            block.append((match.start(1), match.end(1), line))
    if block:
        yield block


def _payloads(text: str, captions) -> list[tuple[int, int]]:
    """Where each caption's lines stand in `text`: (start of its first line, end of its last)."""
    candidates = []
    for block in _blocks(text):
        timing = 0 if "-->" in block[0][2] else 1 if len(block) > 1 and "-->" in block[1][2] else None
        if timing is not None:
            candidates.append(block[timing + 1:])
    spans, at = [], 0
    for caption in captions:
        while at < len(candidates) and [line for _, _, line in candidates[at]] != list(caption.lines):
            at += 1  # a block webvtt-py passed over (a cue with a malformed timing): kept as written
        if at == len(candidates):
            raise ValueError("a cue could not be located")
        payload = candidates[at]
        spans.append((payload[0][0], payload[-1][1]) if payload else (None, None))
        at += 1
    return spans


class VttFormat(Format):
    name = "vtt"
    suffixes = (".vtt",)

    def read(self, data: bytes, name: str) -> Document:
        import webvtt

        text = decode(data, "standard input" if name == "-" else name)
        try:
            vtt = webvtt.from_buffer(io.StringIO(text))
            spans = _payloads(text, vtt.captions)
        except Exception as exc:  # webvtt.errors.MalformedFileError and friends
            raise FormatError(f"{name}: not WebVTT subtitles (.vtt): {exc}") from None
        lines = [[line.strip() for line in caption.lines] for caption in vtt.captions]
        return Document(name, "\n".join(" ".join(cue) for cue in lines), "html", self.name,
                        state=(text, spans, [list(caption.lines) for caption in vtt.captions]))

    def write(self, document: Document, text: str) -> bytes:
        source, spans, lines = document.state
        translated = text.split("\n")
        if len(translated) != len(spans):
            raise FormatError(f"{document.name}: the translation has {len(translated)} cues, the file "
                              f"{len(spans)}: not written")
        if any(start is None and line for (start, _), line in zip(spans, translated)):
            raise FormatError(f"{document.name}: a cue without text was given one: not written")
        return splice_cues(source, spans, lines, translated).encode("utf-8")


FORMAT = VttFormat()

"""WebVTT subtitles (.vtt), read and written with webvtt-py.

Each cue is one line of the document's text: its lines as written (cue tags such as <b>, <i>
and voice spans included) joined by a space, read as HTML so that the tags stay and only the
words are translated. The translation goes back onto the same number of lines (`runs.spread`);
identifiers, timings, cue settings, styles and regions stay as they were.

webvtt-py is the maintained WebVTT parser and writer for Python (pure Python); it keeps cue
identifiers and settings when it writes the file again.
"""

from __future__ import annotations

import io

from toponyms.inputs import decode

from . import Document, Format, FormatError
from .runs import spread


class VttFormat(Format):
    name = "vtt"
    suffixes = (".vtt",)

    def read(self, data: bytes, name: str) -> Document:
        import webvtt

        text = decode(data, "standard input" if name == "-" else name)
        try:
            vtt = webvtt.from_buffer(io.StringIO(text))
        except Exception as exc:  # webvtt.errors.MalformedFileError and friends
            raise FormatError(f"{name}: not WebVTT subtitles (.vtt): {exc}") from None
        lines = [[line.strip() for line in caption.lines] for caption in vtt.captions]
        return Document(name, "\n".join(" ".join(cue) for cue in lines), "html", self.name, state=(vtt, lines))

    def write(self, document: Document, text: str) -> bytes:
        vtt, lines = document.state
        translated = text.split("\n")
        if len(translated) != len(vtt.captions):
            raise FormatError(f"{document.name}: the translation has {len(translated)} cues, the file "
                              f"{len(vtt.captions)}: not written")
        for caption, source, line in zip(vtt.captions, lines, translated):
            if line != " ".join(source):
                caption.lines = [part.strip() for part in spread([f"{p} " for p in source], line)]
        return vtt.content.encode("utf-8")


FORMAT = VttFormat()

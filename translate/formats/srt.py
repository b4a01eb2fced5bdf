"""SubRip subtitles (.srt), read and written with the `srt` library.

Each cue is one line of the document's text: its lines joined by a space, so that a sentence
that runs over two subtitle lines is translated as one. The translation goes back onto the same
number of lines (`runs.spread`, at word boundaries); numbering, timings and anything after the
timing line stay as they were.

`srt` is small, pure Python, strict about the format and keeps cue indexes and proprietary
fields as written (compose(reindex=False)).
"""

from __future__ import annotations

from toponyms.inputs import decode

from . import Document, Format, FormatError
from .runs import spread


class SrtFormat(Format):
    name = "srt"
    suffixes = (".srt",)

    def read(self, data: bytes, name: str) -> Document:
        import srt

        text = decode(data, "standard input" if name == "-" else name)
        try:
            cues = list(srt.parse(text))
        except srt.SRTParseError as exc:
            raise FormatError(f"{name}: not SubRip subtitles (.srt): {exc}") from None
        lines = [cue.content.split("\n") for cue in cues]
        return Document(name, "\n".join(" ".join(part.strip() for part in cue) for cue in lines), "txt", self.name,
                        state=(cues, lines))

    def write(self, document: Document, text: str) -> bytes:
        import srt

        cues, lines = document.state
        translated = text.split("\n")
        if len(translated) != len(cues):
            raise FormatError(f"{document.name}: the translation has {len(translated)} cues, the file "
                              f"{len(cues)}: not written")
        for cue, source, line in zip(cues, lines, translated):
            cue.content = "\n".join(part.strip() for part in spread([f"{p.strip()} " for p in source], line))
        return srt.compose(cues, reindex=False).encode("utf-8")


FORMAT = SrtFormat()

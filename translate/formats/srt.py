"""SubRip subtitles (.srt), read with the `srt` library and written back as they were.

Each cue is one line of the document's text: its lines joined by a space, so that a sentence
that runs over two subtitle lines is translated as one. The translation goes back onto the same
lines (`runs.cue_lines`, at word boundaries) in the file as written: numbering, timings (as
written, 0:00:05.5 included), coordinates, line endings and unchanged cues stay byte for byte.

`srt` is small, pure Python and strict about the format; its parse finds the cues with its
public `SRT_REGEX`, whose content group says where each cue's text stands in the file. Its
`compose` is not used: it writes every timing in its own form and every line ending as LF.
"""

from __future__ import annotations

from toponyms.inputs import decode

from . import Document, Format, FormatError
from .runs import splice_cues


class SrtFormat(Format):
    name = "srt"
    suffixes = (".srt",)

    def read(self, data: bytes, name: str) -> Document:
        import srt

        text = decode(data, "standard input" if name == "-" else name)
        try:
            count = sum(1 for _ in srt.parse(text))
        except srt.SRTParseError as exc:
            raise FormatError(f"{name}: not SubRip subtitles (.srt): {exc}") from None
        spans = [match.span(5) for match in srt.SRT_REGEX.finditer(text)]
        if len(spans) != count:  # srt.parse is that same finditer: never seen, but never write a guess
            raise FormatError(f"{name}: the cues of this .srt file cannot be located: not read")
        lines = [text[start:end].replace("\r\n", "\n").split("\n") for start, end in spans]
        return Document(name, "\n".join(" ".join(part.strip() for part in cue) for cue in lines), "txt", self.name,
                        state=(text, spans, lines))

    def write(self, document: Document, text: str) -> bytes:
        source, spans, lines = document.state
        translated = text.split("\n")
        if len(translated) != len(spans):
            raise FormatError(f"{document.name}: the translation has {len(translated)} cues, the file "
                              f"{len(spans)}: not written")
        return splice_cues(source, spans, lines, translated).encode("utf-8")


FORMAT = SrtFormat()

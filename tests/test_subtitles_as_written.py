"""Subtitle files come back as they were written: only the words of the cues change.

A subtitler's file holds timings in the short form WebVTT allows (00:01.000), notes, styles,
Windows line endings, numbering and coordinates; the player and the next tool in the chain read
them as written. `normalise` and `translate` change the cue text and nothing else, byte for byte.
"""

from toponyms.translate.formats import get_format

VTT = (
    "WEBVTT Kind: captions\n"
    "Language: en\n"
    "\n"
    "STYLE\n"
    "::cue { color: yellow }\n"
    "\n"
    "NOTE This is a note\n"
    "spanning two lines\n"
    "\n"
    "intro\n"
    "00:01.000 --> 00:04.000 align:start position:10%\n"
    "The village of Madagiz\n"
    "was shelled at night.\n"
    "\n"
    "00:00:05.500 --> 00:00:07.250\n"
    "<v Reporter>Nobody lives in Stepanakert</v>\n"
    "\n"
    "3\n"
    "00:00:08.000 --> 00:00:09.000 line:0\n"
    "Nothing here.\n"
)

SRT = (
    "1\r\n"
    "00:00:01,000 --> 00:00:04,000 X1:10 X2:20\r\n"
    "The village of Madagiz\r\n"
    "was shelled at night.\r\n"
    "\r\n"
    "5\r\n"
    "0:00:05.5 --> 0:00:07.25\r\n"
    "Nobody lives in Stepanakert\r\n"
    "\r\n"
    "6\r\n"
    "00:00:08,000 --> 00:00:09,000\r\n"
    "  Nothing here.\r\n"
    "\r\n"
)


def _normalised(run, tmp_path, name, text):
    source = tmp_path / name
    source.write_bytes(text.encode("utf-8"))
    out = tmp_path / f"out-{name}"
    result = run("normalise", str(source), "--convention", "azerbaijani", "--lang", "en", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_bytes().decode("utf-8")


def test_vtt_keeps_short_timings_notes_and_styles_byte_for_byte(run, tmp_path):
    expected = (VTT.replace("The village of Madagiz\nwas shelled", "The village of Sugovushan\n(Madagiz) was shelled")
                .replace("in Stepanakert</v>", "in Khankendi (Stepanakert)</v>"))
    assert _normalised(run, tmp_path, "talk.vtt", VTT) == expected


def test_srt_keeps_line_endings_timings_and_indentation_byte_for_byte(run, tmp_path):
    expected = (SRT.replace("The village of Madagiz\r\nwas shelled", "The village of Sugovushan\r\n(Madagiz) was shelled")
                .replace("in Stepanakert\r\n", "in Khankendi (Stepanakert)\r\n"))
    assert _normalised(run, tmp_path, "talk.srt", SRT) == expected


def test_an_unchanged_subtitle_file_is_written_back_as_it_was():
    for name, text in (("a.vtt", VTT), ("a.srt", SRT)):
        fmt = get_format(name.rpartition(".")[2])
        document = fmt.read(text.encode("utf-8"), name)
        assert fmt.write(document, document.text) == text.encode("utf-8")

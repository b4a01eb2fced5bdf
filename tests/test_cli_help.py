"""`--help` is the first manual a user reads: it must name what the command accepts."""

from __future__ import annotations

import re

from toponyms.translate.engines.registry import ENGINE_NAMES
from toponyms.translate.report import TEXT_SUFFIXES


def _words(result) -> str:
    """The help without rich's frame, its lines joined, so wrapped phrases read whole."""
    assert result.exit_code == 0, result.output
    text = re.sub(r"[│╭╮╰╯─]", " ", result.output)
    return re.sub(r"\s+", " ", text)


def test_translate_help_names_every_built_in_engine(run):
    words = _words(run("translate", "--help"))
    engine_help = words[words.index("--engine"):words.index("--convention")]
    for name in ENGINE_NAMES:
        assert name in engine_help, name


def test_report_help_names_the_document_formats_it_reads(run):
    words = _words(run("report", "--help"))
    for suffix in (".docx", ".odt", ".epub", ".srt", ".vtt"):
        assert suffix in TEXT_SUFFIXES
        assert suffix in words, suffix

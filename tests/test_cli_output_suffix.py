"""-o names a file the user will open by its suffix: a Word file is not written under .txt, nor text under .docx."""

from __future__ import annotations

import docx
import pytest


@pytest.fixture
def word_file(tmp_path):
    document = docx.Document()
    document.add_paragraph("Shelling hit Stepanakert on Sunday, officials in Nagorno-Karabakh said.")
    path = tmp_path / "report.docx"
    document.save(path)
    return path


def test_a_word_translation_is_not_written_as_text(run, tmp_path, word_file):
    output = tmp_path / "report.es.txt"
    result = run("normalise", str(word_file), "--lang", "en", "--convention", "azerbaijani", "-o", str(output))
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {output}: the output of a .docx input is a .docx file; "
                             "give the output that suffix\n")
    assert not output.exists()


def test_text_is_not_written_under_a_word_suffix(run, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Shelling hit Stepanakert.\n", encoding="utf-8")
    output = tmp_path / "a.docx"
    result = run("normalise", str(source), "--lang", "en", "-o", str(output))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {output}: the output of a .txt input is a .txt file; give the output that suffix\n"
    assert not output.exists()


def test_matching_and_plain_text_suffixes_are_fine(run, tmp_path, word_file):
    assert run("normalise", str(word_file), "--lang", "en", "-q", "-o", str(tmp_path / "b.docx")).exit_code == 0
    assert docx.Document(tmp_path / "b.docx").paragraphs[0].text.startswith("Shelling hit Stepanakert")
    source = tmp_path / "a.md"
    source.write_text("# Stepanakert\n", encoding="utf-8")
    # Markdown is text: writing it under .txt (or with no suffix) is the user's choice.
    assert run("normalise", str(source), "--lang", "en", "-q", "-o", str(tmp_path / "a.txt")).exit_code == 0
    assert run("normalise", str(source), "--lang", "en", "-q", "-o", str(tmp_path / "plain")).exit_code == 0

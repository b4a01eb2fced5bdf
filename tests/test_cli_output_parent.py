"""An output whose folder is a file is said to be so, not to be missing: the user sees the file."""

from __future__ import annotations

import pytest

SOURCE = "Shelling hit Stepanakert.\n"


@pytest.mark.parametrize("option", ["--output", "--record", "--review"])
def test_normalise_output_under_a_file(run, tmp_path, option):
    source = tmp_path / "a.txt"
    source.write_text(SOURCE, encoding="utf-8")
    notes = tmp_path / "notes"
    notes.write_text("mine\n", encoding="utf-8")
    result = run("normalise", str(source), "--lang", "en", "--convention", "azerbaijani",
                 option, str(notes / "out.html"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {notes / 'out.html'}: {notes} is a file, not a directory\n"
    assert notes.read_text() == "mine\n"


def test_report_chart_under_a_file(run, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SOURCE, encoding="utf-8")
    notes = tmp_path / "notes"
    notes.write_text("mine\n", encoding="utf-8")
    result = run("report", str(source), "--chart", str(notes / "forms.png"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {notes / 'forms.png'}: {notes} is a file, not a directory\n"


def test_a_missing_folder_is_still_said_missing(run, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SOURCE, encoding="utf-8")
    result = run("normalise", str(source), "--lang", "en", "-o", str(tmp_path / "nowhere" / "out.txt"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'nowhere' / 'out.txt'}: directory {tmp_path / 'nowhere'} does not exist\n"

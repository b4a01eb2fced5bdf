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


def test_output_to_a_device_or_a_named_pipe_is_written_to_not_replaced(run, tmp_path):
    """`-o /dev/null` keeps only the record; a named pipe gets the text. Neither is replaced by a
    file (as root, a rename over /dev/null would have replaced the device for the whole machine)."""
    import os
    import stat
    import threading

    source, record = tmp_path / "a.txt", tmp_path / "names.jsonl"
    source.write_text(SOURCE, encoding="utf-8")
    result = run("normalise", str(source), "--lang", "en", "--convention", "azerbaijani", "-q",
                 "-o", os.devnull, "--record", str(record))
    assert result.exit_code == 0, result.stderr
    assert '"target_text": "Khankendi"' in record.read_text(encoding="utf-8")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for force in ([], ["--force"]):
        received = []
        reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
        reader.start()
        result = run("normalise", str(source), "--lang", "en", "--convention", "azerbaijani", "-q",
                     "-o", str(pipe), *force)
        reader.join(timeout=30)
        assert result.exit_code == 0, result.stderr
        assert received == ["Shelling hit Khankendi (Stepanakert).\n"]
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_dash_is_standard_output_never_a_file_named_dash(run, tmp_path, monkeypatch):
    """As for `report --export -o -` and every input: `-o -` and `--record -` mean standard output."""
    import json

    monkeypatch.chdir(tmp_path)
    result = run("normalise", "-", "--lang", "en", "--convention", "azerbaijani", "-q", "-o", "-", input=SOURCE)
    assert (result.exit_code, result.stdout) == (0, "Shelling hit Khankendi (Stepanakert).\n")
    out = tmp_path / "out.txt"
    result = run("normalise", "-", "--lang", "en", "--convention", "azerbaijani", "-q", "-o", str(out),
                 "--record", "-", input=SOURCE)
    assert result.exit_code == 0, result.stderr
    assert [row["target_text"] for row in map(json.loads, result.stdout.splitlines())] == ["Khankendi"]
    assert out.read_text(encoding="utf-8") == "Shelling hit Khankendi (Stepanakert).\n"
    both = run("normalise", "-", "--lang", "en", "--convention", "azerbaijani", "--record", "-", input=SOURCE)
    assert both.exit_code == 2
    assert both.stderr == ("Error: --record - and the text cannot both go to standard output: "
                           "give --output or --out-dir\n")
    assert not (tmp_path / "-").exists()

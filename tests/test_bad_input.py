"""Bad input: a one-line error naming the problem, a non-zero exit, never a traceback."""

import pytest


def one_line_error(result, text, status=1):
    """Inputs that cannot be read exit 1 (the others are still done); bad settings exit 2."""
    assert result.exit_code == status, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("Error: ")
    assert text in result.stderr


def test_missing_file(run, tmp_path):
    one_line_error(run("find", str(tmp_path / "nope.txt")), "nope.txt: no such file")


def test_empty_directory(run, tmp_path):
    one_line_error(run("find", str(tmp_path)), "no input files under", status=2)


def test_directory_as_output(run, tmp_path):
    # Checked before the input is read, like every setting: exit 2, nothing done.
    one_line_error(run("normalise", "-", "--lang", "en", "-o", str(tmp_path), "--force", input="Ganja"),
                   "is a directory", status=2)


def test_binary_file(run, tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x7fELF\x00\x01\x02Ganja")
    one_line_error(run("find", str(path)), "is a binary file")


def test_non_utf8_file(run, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Gəncə və Şuşa".encode("utf-8")[:3] + "Füzuli".encode("latin-1"))
    one_line_error(run("find", str(path)), "not UTF-8 text (bad byte 0xfc at offset 4)")


@pytest.mark.parametrize("content", [b"", b"  \n\n"])
def test_empty_file(run, tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    one_line_error(run("find", str(path)), "empty.txt: is empty")


def test_empty_standard_input(run):
    one_line_error(run("find", "-", input=""), "standard input: is empty")


def test_a_bad_file_does_not_stop_the_others(run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Ganja", encoding="utf-8")
    result = run("find", str(tmp_path / "missing.txt"), str(good))
    assert result.exit_code == 1
    assert "Ganja" in result.stdout
    assert "missing.txt: no such file" in result.stderr


@pytest.mark.parametrize("command", [["lookup", "Ganja"], ["find", "-"], ["gazetteer", "stats"]])
def test_malformed_gazetteer(run, tmp_path, command):
    path = tmp_path / "bad.yaml"
    path.write_text("entities:\n  - id: x\n    kind: [\n", encoding="utf-8")
    one_line_error(run(*command, "--gazetteer", str(path), input="Ganja"), "bad.yaml:", status=2)


def test_gazetteer_from_environment(run, tmp_path, monkeypatch):
    monkeypatch.setenv("TOPONYMS_GAZETTEER", str(tmp_path / "gone.yaml"))
    one_line_error(run("lookup", "Ganja"), "gone.yaml: no such gazetteer file", status=2)

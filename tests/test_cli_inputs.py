"""Reading inputs: UTF-16 and UTF-8 with a byte-order mark, closed standard input, globs that leave the tree."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys

import pytest

TEXT = "Обстрелам подверглись Степанакерт и Шуша.\nXankəndidə\n"


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                           ("utf-8", codecs.BOM_UTF8)])
def test_text_with_a_byte_order_mark_is_read(run, tmp_path, encoding, bom):
    path = tmp_path / "a.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    before = path.read_bytes()
    result = run("find", str(path), "--json")
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    # Offsets are code points of the text, the mark not counted: the same as for plain UTF-8.
    assert [(m["surface"], m["start"]) for m in found] == [
        ("Степанакерт", TEXT.index("Степанакерт")), ("Шуша", TEXT.index("Шуша")), ("Xankəndidə", TEXT.index("X"))]
    assert path.read_bytes() == before


def test_utf16_input_is_normalised_into_a_utf8_output(run, tmp_path):
    corpus, out = tmp_path / "c", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes("Troops entered Madagiz.\n".encode("utf-16"))
    result = run("normalise", str(corpus), "--lang", "en", "--rival", "none", "--out-dir", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert (out / "a.txt").read_bytes() == "Troops entered Madagiz.\n".encode("utf-8")


def test_utf16_without_a_mark_is_named_precisely(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    result = run("find", str(path))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {path}: looks like UTF-16LE text without a byte-order mark: convert it to "
                             f"UTF-8 (iconv -f UTF-16LE -t UTF-8) or save it with a mark\n")


def test_closed_standard_input_is_one_line(tmp_path):
    env = dict(os.environ)
    env.pop("TOPONYMS_GAZETTEER", None)
    result = subprocess.run(["bash", "-c", f"exec {sys.executable} -m toponyms find - <&-"], capture_output=True,
                            text=True, env=env, stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert result.stderr == "Error: standard input: is closed\n"


@pytest.mark.parametrize("pattern, reason", [
    ("/etc/*", "not an absolute path"),
    ("../*.txt", "a pattern cannot go up out of the directories walked ('..')"),
])
def test_glob_that_leaves_the_tree_is_one_line(run, tmp_path, pattern, reason):
    (tmp_path / "a.txt").write_text("Ganja", encoding="utf-8")
    result = run("find", str(tmp_path), "--glob", pattern)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: --glob {pattern!r}: ")
    assert reason in result.stderr

"""A case form the gazetteer lists as a spelling (Russian "Нагорного Карабаха") keeps its case.

The matcher reports such a surface as an exact spelling, with no ending to carry
over; written back in the form's first spelling it lost its case: "из Нагорного
Карабаха" became "из Нагорный Карабах", even with no convention at all.
"""

from __future__ import annotations

import json

SENTENCE = "Колонна беженцев двигалась из Нагорного Карабаха в сторону Гориса.\n"


def _normalise(run, tmp_path, *options):
    path = tmp_path / "ru.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    record = tmp_path / "names.jsonl"
    result = run("normalise", str(path), "--lang", "ru", "-q", "--record", str(record), *options)
    assert result.exit_code == 0, result.stderr
    return result.stdout, [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]


def test_without_a_convention_the_text_is_unchanged(run, tmp_path):
    text, rows = _normalise(run, tmp_path)
    assert text == SENTENCE
    assert rows[0]["target_text"] == "Нагорного Карабаха"


def test_the_armenian_convention_keeps_its_own_form_as_declined(run, tmp_path):
    text, _ = _normalise(run, tmp_path, "--convention", "armenian")
    assert text == SENTENCE


def test_a_rewritten_name_takes_the_case(run, tmp_path):
    text, rows = _normalise(run, tmp_path, "--convention", "azerbaijani", "--rival", "none")
    assert "из Горного Карабаха в сторону" in text
    [row] = [r for r in rows if r["id"] == "nagorno_karabakh"]
    assert text[row["target_start"]:row["target_end"]] == row["target_text"] == "Горного Карабаха"

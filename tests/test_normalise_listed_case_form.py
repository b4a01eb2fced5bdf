"""A case form a gazetteer lists as a spelling (Russian "Нагорного Карабаха") keeps its case.

The matcher reports such a surface as an exact spelling, with no ending to carry
over; written back in the form's first spelling it lost its case: "из Нагорного
Карабаха" became "из Нагорный Карабах", even with no convention at all. The
built-in gazetteer no longer lists that genitive (the case forms find it), so
each test runs twice: on the built-in gazetteer, and on a copy of it that lists
the genitive as a user's gazetteer may.
"""

from __future__ import annotations

import json

import pytest

from toponyms.gazetteer import BUILTIN_PATH

SENTENCE = "Колонна беженцев двигалась из Нагорного Карабаха в сторону Гориса.\n"


@pytest.fixture(params=["built-in", "listing the genitive"])
def gazetteer_options(request, tmp_path) -> tuple[str, ...]:
    if request.param == "built-in":
        return ()
    text = BUILTIN_PATH.read_text(encoding="utf-8")
    listed = text.replace("ru: [Нагорный Карабах, ", "ru: [Нагорный Карабах, Нагорного Карабаха, ", 1)
    assert listed != text
    path = tmp_path / "listed.yaml"
    path.write_text(listed, encoding="utf-8")
    return ("-g", str(path))


def _normalise(run, tmp_path, gazetteer_options, *options):
    path = tmp_path / "ru.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    record = tmp_path / "names.jsonl"
    result = run("normalise", str(path), "--lang", "ru", "-q", "--record", str(record), *gazetteer_options, *options)
    assert result.exit_code == 0, result.stderr
    return result.stdout, [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]


def test_without_a_convention_the_text_is_unchanged(run, tmp_path, gazetteer_options):
    text, rows = _normalise(run, tmp_path, gazetteer_options)
    assert text == SENTENCE
    assert rows[0]["target_text"] == "Нагорного Карабаха"


def test_the_armenian_convention_keeps_its_own_form_as_declined(run, tmp_path, gazetteer_options):
    text, _ = _normalise(run, tmp_path, gazetteer_options, "--convention", "armenian")
    assert text == SENTENCE


def test_a_rewritten_name_takes_the_case(run, tmp_path, gazetteer_options):
    text, rows = _normalise(run, tmp_path, gazetteer_options, "--convention", "azerbaijani", "--rival", "none")
    assert "из Горного Карабаха в сторону" in text
    [row] = [r for r in rows if r["id"] == "nagorno_karabakh"]
    assert text[row["target_start"]:row["target_end"]] == row["target_text"] == "Горного Карабаха"

"""The summary on standard error says what was done, also when the text names no place."""

from __future__ import annotations

import shutil

import pytest


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")
def test_a_text_without_places_is_not_said_to_lack_a_pair(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Nothing here about places.\n", encoding="utf-8")
    result = run("translate", str(path), "--from", "en", "--to", "es", "--engine", "apertium")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert "no pair" not in result.stderr
    assert "0 place mentions, en -> es with apertium" in result.stderr


def test_normalise_without_places_names_the_language(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Nothing here about places.\n", encoding="utf-8")
    result = run("normalise", str(path), "--lang", "en", "--convention", "armenian")
    assert result.exit_code == 0, result.stderr
    assert "0 place mentions, en -> en with none" in result.stderr

"""Choosing an engine: a name that is none is a bad setting, and the advice for a pair is one that can work."""

from __future__ import annotations

import pytest


def test_an_unknown_engine_is_refused_before_any_input_is_read(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Shelling hit Stepanakert on Sunday, officials said.\n", encoding="utf-8")
    result = run("translate", str(path), "--to", "es", "--engine", "bogus")
    assert result.exit_code == 2  # bad settings: nothing was done
    assert result.stderr == "Error: unknown engine 'bogus': choose one of auto, argos, apertium, multilingual, none\n"
    assert result.stdout == ""


@pytest.fixture
def no_models(tmp_path, monkeypatch):
    """Empty package and model folders: nothing installed for Armenian, whatever this machine has."""
    for variable in ("TOPONYMS_ARGOS_DIR", "TOPONYMS_MODELS_DIR"):
        folder = tmp_path / variable.lower()
        folder.mkdir()
        monkeypatch.setenv(variable, str(folder))


def test_armenian_is_not_sent_to_argos(run, tmp_path, no_models):
    # Argos has no Armenian package: `toponyms models install hy en` can only fail.
    path = tmp_path / "hy.txt"
    path.write_text("Ստեփանակերտում երեկ լուռ էր։\n", encoding="utf-8")
    result = run("translate", str(path), "--from", "hy", "--to", "en")
    assert result.exit_code == 2
    assert "models install hy en" not in result.stderr
    assert "argos has no Armenian package" in result.stderr
    assert "NLLB-200" in result.stderr


def test_other_pairs_keep_the_argos_advice(run, tmp_path, no_models):
    path = tmp_path / "a.txt"
    path.write_text("Shelling hit Stepanakert.\n", encoding="utf-8")
    result = run("translate", str(path), "--from", "en", "--to", "ru")
    assert result.exit_code == 2
    assert "`toponyms models install en ru`" in result.stderr


def test_the_apertium_advice_is_a_sentence(run, tmp_path, no_models):
    """It read "for apertium Debian packages no Apertium pair for en-ru": a verb was missing."""
    path = tmp_path / "a.txt"
    path.write_text("Shelling hit Stepanakert.\n", encoding="utf-8")
    result = run("translate", str(path), "--from", "en", "--to", "ru")
    assert result.exit_code == 2
    assert "for apertium, Debian has no Apertium pair for en-ru (see apt-cache search apertium)" in result.stderr

"""Shared fixtures: the built-in gazetteer, its matcher, and a way to run the CLI in-process."""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap

import pytest
from typer.testing import CliRunner

from toponyms.cli import app
from toponyms.gazetteer import load
from toponyms.lookup import NameIndex
from toponyms.match import Matcher


def pytest_configure(config):
    """The suite keeps its compiled gazetteers and translations in a cache of its own.

    A user's cache (or a benchmark's, running beside the suite) written by another
    checkout of the code must never decide what a test sees; tests that need a
    particular cache still set TOPONYMS_CACHE_DIR themselves.
    """
    config._toponyms_cache = tempfile.mkdtemp(prefix="toponyms-test-cache-")
    os.environ["TOPONYMS_CACHE_DIR"] = config._toponyms_cache


def pytest_unconfigure(config):
    shutil.rmtree(getattr(config, "_toponyms_cache", ""), ignore_errors=True)


@pytest.fixture(autouse=True)
def _builtin_gazetteer(monkeypatch):
    """Tests see the built-in gazetteer unless they say otherwise."""
    monkeypatch.delenv("TOPONYMS_GAZETTEER", raising=False)


@pytest.fixture(scope="session")
def gazetteer():
    return load()


@pytest.fixture(scope="session")
def matcher(gazetteer):
    return Matcher(gazetteer)


@pytest.fixture(scope="session")
def found(matcher):
    """`matcher.find` as (surface, entity id) pairs, what most matching tests compare: found(text, lang)."""
    def pairs(text, lang=None):
        return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]
    return pairs


@pytest.fixture(scope="session")
def place(gazetteer):
    """place("Stepanakert") -> the id of the entity that spelling names. A spelling that a declared
    homonym with a `context` shares (the Tovuz village Ağdam) names the one that declares none (the
    town of Agdam): the place the name means where nothing points to the other."""
    index = NameIndex(gazetteer)

    def entity_id(spelling: str) -> str:
        found = index.lookup(spelling)
        if len(found) > 1:
            plain = [e for e in found if not e.guards.declares_context]
            if len(plain) == 1 and all(e is plain[0] or plain[0].id in e.homonyms for e in found):
                found = plain
        assert len(found) == 1, f"{spelling!r} names {[e.id for e in found]}"
        return found[0].id

    return entity_id


@pytest.fixture
def run():
    """run("find", "-", input=...) -> click Result, with stdout and stderr apart."""
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, list(args), input=input)

    return invoke


@pytest.fixture
def find_rows(run, tmp_path):
    """find_rows(text, "page.html", "--lang", "en") -> (the file written, `find --json`'s rows as dicts).

    The text is written to a file of that name under tmp_path, found through the CLI, and the
    run must succeed."""
    import json

    def rows(text, name="page.html", *args):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = run("find", str(path), "--json", *args)
        assert result.exit_code == 0, result.stderr
        return path, [json.loads(line) for line in result.stdout.splitlines()]

    return rows


@pytest.fixture
def invalid(run, tmp_path):
    """invalid(yaml) -> what `gazetteer validate` printed for a gazetteer (dedented) that must fail it."""

    def output(text):
        path = tmp_path / "bad.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        result = run("gazetteer", "validate", str(path))
        assert result.exit_code != 0
        return result.output

    return output

"""Translating through Argos for real, with a tiny genuine package built here, from the CLI.

The tiny model writes gibberish; the test holds the pipeline to what it
guarantees: every place in the source is in the output and in the record,
placed one of the documented ways, with offsets that point at it.
"""

from __future__ import annotations

import json

import pytest

try:
    from tinyargos import build_package
except ImportError:  # pragma: no cover
    from tests.tinyargos import build_package

from toponyms.translate.engines import registry


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return build_package(tmp_path_factory.mktemp("archives"), "en", "es")


@pytest.fixture
def argos_dir(tmp_path, monkeypatch):
    directory = tmp_path / "packages"
    monkeypatch.setenv("TOPONYMS_ARGOS_DIR", str(directory))
    registry.clear_cache()
    yield directory
    registry.clear_cache()


def test_models_install_list_translate_remove(run, archive, argos_dir, tmp_path, gazetteer):
    installed = run("models", "install", str(archive))
    assert installed.exit_code == 0, installed.output
    assert installed.stdout.startswith("installed en->es")

    listed = run("models", "list", "--json")
    assert [(m["from"], m["to"]) for m in json.loads(listed.stdout)] == [("en", "es")]

    engines = run("engines", "--json")
    argos = next(e for e in json.loads(engines.stdout) if e["name"] == "argos")
    assert ["en", "es"] in argos["pairs"]

    source = ("Azerbaijani troops hoisted the flag over Madagiz.\n\n"
              "The capital, Stepanakert, was shelled, and Upper Karabakh is tense.\n")
    record = tmp_path / "r.jsonl"
    result = run("translate", "-", "--from", "en", "--to", "es", "--record", str(record), input=source)
    assert result.exit_code == 0, result.output
    assert "with argos" in result.stderr
    rows = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert [r["source_text"] for r in rows] == ["Madagiz", "Stepanakert", "Upper Karabakh"]
    for row in rows:
        assert row["placement"] in ("kept", "rewritten", "engine-rendering", "protected", "inserted")
        assert row["target_text"] in result.stdout
        if row["target_start"] is not None:
            assert result.stdout[row["target_start"]:row["target_end"]] == row["target_text"]
    upper = gazetteer.get(rows[2]["id"]).form("upper_karabakh").rendering("es")
    assert rows[2]["target_text"] == upper
    assert result.stdout.count("\n\n") == 1  # the paragraph break survives

    removed = run("models", "remove", "en", "es")
    assert removed.exit_code == 0 and removed.stdout.startswith("removed en->es")
    after = run("translate", "-", "--from", "en", "--to", "es", "--engine", "argos", input=source)
    assert after.exit_code == 2
    assert after.stderr.startswith("Error: ") and "en" in after.stderr and "es" in after.stderr


def test_models_install_errors_are_one_line(run, argos_dir, tmp_path):
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_bytes(b"not a zip at all")
    result = run("models", "install", str(bogus))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "bogus.argosmodel" in result.stderr
    assert not argos_dir.exists() or not any(argos_dir.iterdir())
    missing = run("models", "install", str(tmp_path / "nope.argosmodel"))
    assert missing.exit_code == 2 and len(missing.stderr.splitlines()) == 1
    wrong = run("models", "install", "en", "xx")
    assert wrong.exit_code == 2 and "unknown language code 'xx'" in wrong.stderr


def test_install_twice_needs_force(run, archive, argos_dir):
    assert run("models", "install", str(archive)).exit_code == 0
    again = run("models", "install", str(archive))
    assert again.exit_code == 2 and "--force" in again.stderr
    assert run("models", "install", str(archive), "--force").exit_code == 0


def test_device_and_threads_reach_ctranslate2(run, archive, argos_dir):
    assert run("models", "install", str(archive)).exit_code == 0
    result = run("translate", "-", "--from", "en", "--to", "es", "--engine", "argos", "--device", "cpu",
                 "--threads", "1", "--quiet", input="Shelling hit Stepanakert.")
    assert result.exit_code == 0, result.output
    assert registry.get_engine("argos").options["intra_threads"] == 1
    for args, message in ((["--device", "tpu"], "unknown device 'tpu'"), (["--threads", "0"], "at least 1")):
        bad = run("translate", "-", "--from", "en", "--to", "es", "--engine", "argos", *args, input="Ganja.")
        assert bad.exit_code == 2 and message in bad.stderr and len(bad.stderr.splitlines()) == 1

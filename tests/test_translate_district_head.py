"""An English "X district" that Apertium leaves in English order ("el *Lachin distrito") becomes
the district's Spanish name once: "el distrito de Lachín", never "el el distrito de Lachín distrito"."""

from __future__ import annotations

import json
import shutil

import pytest

pytestmark = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")


@pytest.mark.parametrize("source, expected", [
    ("Azerbaijani troops took control of the Lachin district on December 1.", "del distrito de Lachín"),
    ("They left the Kalbajar district.", "Dejaron el distrito de Kalbajar."),
    ("Shelling hit the Fuzuli district.", "el distrito de Fizuli."),
])
def test_the_district_word_is_said_once(run, tmp_path, source, expected):
    path = tmp_path / "a.txt"
    path.write_text(source + "\n", encoding="utf-8")
    result = run("translate", str(path), "--from", "en", "--to", "es", "--engine", "apertium", "-q",
                 "--rival", "none", "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert expected in result.stdout
    assert result.stdout.lower().count("distrito") == 1
    assert " el el " not in result.stdout and "del el " not in result.stdout


def test_a_district_renamed_by_the_convention_takes_its_article(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("They left the Kalbajar district.\n", encoding="utf-8")
    record = tmp_path / "names.jsonl"
    result = run("translate", str(path), "--from", "en", "--to", "es", "--engine", "apertium", "-q",
                 "--convention", "armenian", "--rival", "none", "--no-cache", "--record", str(record))
    assert result.exit_code == 0, result.stderr
    assert "Dejaron la región de Karvachar." in result.stdout
    [row] = [json.loads(line) for line in record.read_text().splitlines()]
    assert row["target_text"] == "región de Karvachar"
    assert result.stdout[row["target_start"]:row["target_end"]] == "región de Karvachar"


def test_an_english_district_of_a_name_says_district_once(run):
    """Spanish "del distrito de Kalbajar" is "of the district of Kalbajar" in Apertium's English: the
    district's English name put there leaves its head word out ("district of Kalbajar District")."""
    result = run("translate", "-", "--from", "es", "--to", "en", "--engine", "apertium", "-q", "--rival", "none",
                 input="Los refugiados del distrito de Kalbajar llegaron a Goris.\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "The refugees of the district of Kalbajar arrived to Goris.\n"


@pytest.mark.parametrize("source, written, ids", [
    # Names that share one plural word are the things named after them in the record, and the text
    # keeps each place's name: never "the Erivan Khanate and Nakhchivan Khanate khanates".
    ("Under the Treaty of Turkmenchay the Erivan and Nakhchivan khanates passed to Russia.",
     "and Nakhchivan khanates", ["erivan_khanate", "nakhchivan_khanate"]),
    ("So far, Fuzuli and Zangilan International Airports have been built.",
     "Fuzuli and Zangilan", ["fuzuli_airport", "zangilan_airport"]),
])
def test_names_sharing_a_plural_word_keep_the_places_names(run, tmp_path, source, written, ids):
    path, record = tmp_path / "a.txt", tmp_path / "names.jsonl"
    path.write_text(source + "\n", encoding="utf-8")
    result = run("normalise", str(path), "--lang", "en", "-q", "--rival", "none", "--record", str(record))
    assert result.exit_code == 0, result.stderr
    assert written in result.stdout
    assert "Khanate" not in result.stdout and "International Airport " not in result.stdout
    rows = [json.loads(line) for line in record.read_text().splitlines()]
    assert [row["id"] for row in rows if row["id"] != "russia"] == ids


def test_a_name_written_bare_gets_no_word_the_source_did_not_have(run, tmp_path):
    # Khachen is a spelling of the river whose first is "Khachen river": before a plural word shared
    # with the Tartar, that spelling would say the head twice ("Khachen river rivers").
    path = tmp_path / "a.txt"
    path.write_text("The Tartar and Khachen rivers flooded.\n", encoding="utf-8")
    result = run("normalise", str(path), "--lang", "en", "-q", "--rival", "none")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "The Tartar and Khachen rivers flooded.\n"

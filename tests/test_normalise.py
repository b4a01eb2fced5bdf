"""`toponyms normalise`: same-language rewriting by a naming convention, inflections kept."""

import json

import pytest


def test_azerbaijani_text_in_armenian_convention(run):
    result = run("normalise", "-", "--lang", "az", "--convention", "armenian", "--quiet",
                 input="Prezident Xankəndidə çıxış etdi.")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Prezident Stepanakertdə (Xankəndi) çıxış etdi.\n"


def test_russian_case_is_kept_when_the_name_changes(run):
    result = run("normalise", "-", "--lang", "ru", "--convention", "azerbaijani", "--rival", "none", "--quiet",
                 input="Бои идут у Мадагиза, в Мадагизе горят дома.")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Бои идут у Суговушана, в Суговушане горят дома.\n"


def test_default_keeps_source_forms_and_shows_the_rival_once(run):
    result = run("normalise", "-", "--lang", "en", "--quiet", input="Madagiz fell. Madagiz is quiet.")
    assert result.stdout == "Madagiz (Sugovushan) fell. Madagiz is quiet.\n"


def test_record_of_normalise(run, tmp_path):
    record = tmp_path / "r.jsonl"
    result = run("normalise", "-", "--lang", "en", "--record", str(record), "--quiet", "--rival", "every",
                 "--convention", "armenian", input="Troops left Khankendi.")
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert row["source_form"] == "khankendi" and row["target_form"] == "stepanakert"
    assert row["target_text"] == "Stepanakert" and row["alternate_text"] == "Khankendi"
    assert row["placement"] == "rewritten"
    assert result.stdout == "Troops left Stepanakert (Khankendi).\n"


def test_language_is_detected_and_reported(run):
    result = run("normalise", "-", input="Prezident Xankəndidə çıxış etdi və Şuşaya səfər etdi, dedi nazirlik.")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("detected language: az (")
    assert "Xankəndidə" in result.stdout


@pytest.mark.parametrize("text, options, expected", [
    # An abbreviation of the form the output keeps is written as it was, not spelt out in capitals.
    ("The NKAO was abolished in 1991.", (), "The NKAO was abolished in 1991."),
    # A headline in capitals keeps the new name in capitals.
    ("FIGHTING NEAR SHUSHI RESUMED", ("--convention", "azerbaijani", "--rival", "none"),
     "FIGHTING NEAR SHUSHA RESUMED"),
    # ...and the rival beside it too.
    ("FIGHTING NEAR SHUSHI RESUMED", ("--convention", "azerbaijani"), "FIGHTING NEAR SHUSHA (SHUSHI) RESUMED"),
])
def test_names_in_capitals(run, text, options, expected):
    result = run("normalise", "-", "--lang", "en", "--quiet", *options, input=text + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected + "\n"


def test_an_unsure_language_names_the_option_normalise_has(run, tmp_path):
    # normalise has --lang, not translate's --from: the advice must be one the user can follow.
    path = tmp_path / "m.txt"
    path.write_text("Madagiz fell.\n", encoding="utf-8")
    result = run("normalise", str(path), "--convention", "azerbaijani")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.endswith("; pass --lang LANG\n")
    assert result.stderr.count("\n") == 1
    assert run("normalise", str(path), "--convention", "azerbaijani", "--lang", "en", "-q").exit_code == 0


@pytest.mark.parametrize("text", [
    "Residents fled the Lachin district on Monday.",  # the gazetteer's name is "Lachin District"
    "Residents fled the lachin district on Monday.",
])
def test_a_form_kept_is_not_recased(run, text):
    # With no convention the source's form stays; a name spelled as the gazetteer's but for its
    # capitals is the writer's style (AP writes "Lachin district"), not a spelling to normalise.
    result = run("normalise", "-", "--lang", "en", "--quiet", "--rival", "none", input=text + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == text + "\n"

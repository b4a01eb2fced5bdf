"""`toponyms lookup`: any spelling, folded or inflected, JSON for scripts, grep-like exit status."""

import json

import pytest


@pytest.mark.parametrize("query", ["Madagiz", "Sugovushan", "Мадагиз", "Suqovuşan", "SUQOVUSAN", "Մատաղիս"])
def test_every_spelling_finds_the_town(run, query):
    result = run("lookup", query, "--json")
    assert result.exit_code == 0, result.output
    entities = json.loads(result.stdout)
    assert len(entities) == 1
    names = entities[0]["names"]
    assert {"Madagiz", "Sugovushan", "Suqovuşan", "Мадагиз", "Մատաղիս"} <= set(names)


@pytest.mark.parametrize("query", ["Xankendi", "Stepanakert", "Xankəndi", "Ստեփանակերտ", "Ханкенди"])
def test_both_names_of_the_capital_find_one_entity(run, query, place):
    result = run("lookup", query, "--json")
    assert result.exit_code == 0, result.output
    [entity] = json.loads(result.stdout)
    assert entity["id"] == place("Stepanakert")
    assert {"Stepanakert", "Xankəndi"} <= set(entity["names"])


def test_inflected_query_is_understood(run, place):
    result = run("lookup", "Степанакерте", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["id"] == place("Stepanakert")


def test_human_output_shows_rival_forms_and_renderings(run):
    result = run("lookup", "Madagiz")
    assert result.exit_code == 0
    out = result.stdout
    assert "madagiz: used by" in out and "sugovushan: used by" in out and "mataghis: used by" in out
    assert "ru  Мадагиз" in out
    assert "until 2020-10-03" in out


def test_no_match_exits_1_with_suggestions(run):
    result = run("lookup", "Madagis")
    assert result.exit_code == 1
    assert result.stdout.strip() == ""
    assert "no place called 'Madagis'; did you mean Madagiz" in result.stderr


def test_no_match_json_prints_an_empty_array(run):
    result = run("lookup", "Atlantis", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_cross_script_suggestion(run):
    result = run("lookup", "Khankendy")
    assert result.exit_code == 1
    assert "Khankendi" in result.stderr


def test_nothing_found_prints_nothing_on_standard_output(run):
    """Like grep: a script that collects lookups gets no blank line for a name the gazetteer lacks."""
    result = run("lookup", "Hrazdan")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("no place called 'Hrazdan'")


@pytest.mark.parametrize("query, spelling", [("stepanakert's", "Stepanakert"), ("Stepanakert’s", "Stepanakert"),
                                             ("d'Agdam", "Agdam"), ("Степанакерте", "Степанакерт"),
                                             ("Şuşaya", "Şuşa"), ("«Stepanakert»,", "Stepanakert")])
def test_a_pasted_inflected_or_possessive_form_is_read_as_find_reads_it(run, place, query, spelling):
    # find names Stepanakert in "Stepanakert's mayor"; lookup said there was no such place.
    result = run("lookup", query, "--json")
    assert result.exit_code == 0, result.stderr
    [entity] = json.loads(result.stdout)
    assert entity["matched"]["name"] == spelling
    assert place(spelling) == entity["id"]
    human = run("lookup", query)
    assert human.stderr.startswith(f"{query!r} read as {spelling} (form {entity['matched']['form']}")


def test_a_listed_spelling_says_nothing_more(run):
    result = run("lookup", "Stepanakert", "--json")
    assert "matched" not in json.loads(result.stdout)[0] and result.stderr == ""


def test_more_than_a_clitic_around_a_name_is_no_match(run):
    assert run("lookup", "the Stepanakert").exit_code == 1
    assert run("lookup", "Stepanakert's mayor").exit_code == 1

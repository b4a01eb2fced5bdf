"""JSON Lines that survive a bad line: every good line done, each bad one named, other fields byte for byte."""

from __future__ import annotations

import json
import shutil

import pytest

needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")

GOOD_1 = '{"id": 1.10, "id": 2, "text": "Troops entered Madagiz.", "outlet": "caf\\u00e9", "n": 1e5}'
GOOD_2 = '{"text": "Shelling hit Stepanakert.",   "tags" : [ "war" ] }'
LINES = [GOOD_1, "not json", "[1, 2]", '{"body": "Shusha"}', '{"text": 7}', GOOD_2]


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


@needs_apertium
def test_bad_lines_are_named_and_every_good_line_is_translated(run, tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    before = path.read_bytes()
    result = run("translate", str(path), "--jsonl", "--from", "en", "--to", "es", "--engine", "apertium",
                 "--no-cache", "--quiet")
    assert result.exit_code == 1
    assert errors(result) == [
        f"Error: {path}:2: not JSON (Expecting value)",
        f"Error: {path}:3: not a JSON object (a list)",
        f"Error: {path}:4: no text field 'text' (it is missing)",
        f"Error: {path}:5: no text field 'text' (it is not a string)",
    ]
    first, second = result.stdout.splitlines()
    # Only the text field changes; every other byte of the line is the user's.
    translated = json.loads(first)["text"]
    assert "Madagiz (Sugovushan)" in translated
    assert first == GOOD_1.replace('"Troops entered Madagiz."', json.dumps(translated, ensure_ascii=False))
    assert second == GOOD_2.replace('"Shelling hit Stepanakert."',
                                    json.dumps(json.loads(second)["text"], ensure_ascii=False))
    assert path.read_bytes() == before


@needs_apertium
def test_a_line_whose_language_cannot_be_told_is_one_error(run):
    lines = ['{"text": "12345"}', '{"text": "Shelling hit Stepanakert overnight, officials in the city said."}']
    result = run("translate", "-", "--jsonl", "--from", "auto", "--to", "es", "--engine", "apertium",
                 "--no-cache", "--quiet", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert errors(result) == ["Error: -:1: cannot tell the language of '12345' (no letters to go by); pass --from LANG"]
    [out] = result.stdout.splitlines()
    assert "Stepanakert" in json.loads(out)["text"] and "noche" in json.loads(out)["text"]


def test_fail_fast_stops_at_the_first_bad_line(run):
    lines = ['{"text": "Ganja"}', "not json", '{"text": "Shusha"}', "[1]"]
    result = run("normalise", "-", "--jsonl", "--lang", "en", "--rival", "none", "--fail-fast", "--quiet", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert errors(result) == ["Error: -:2: not JSON (Expecting value)"]
    assert result.stdout == '{"text": "Ganja"}\n'


def test_names_field_is_added_and_other_fields_keep_their_bytes(run):
    line = '{"id":1.10,"title":"\\u0428\\u0443\\u0448\\u0430","text":"Shusha"}'
    result = run("normalise", "-", "--jsonl", "--lang", "en", "--rival", "none", "--names-field", "places", "--quiet", input=line)
    assert result.exit_code == 0, result.output
    [out] = result.stdout.splitlines()
    places = json.loads(out)["places"]
    assert [p["source_text"] for p in places] == ["Shusha"]
    assert out == line[:-1] + ", " + '"places": ' + json.dumps(places, ensure_ascii=False) + "}"


def test_a_jsonl_file_with_a_bad_line_into_an_out_dir_keeps_its_good_lines_and_is_redone(run, tmp_path):
    corpus, out = tmp_path / "c", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text('{"text": "Ganja"}\n{"text": \n{"text": "Shusha"}\n', encoding="utf-8")
    args = ("normalise", str(corpus), "--jsonl", "--lang", "en", "--rival", "none", "--out-dir", str(out), "--jobs", "1")
    result = run(*args)
    assert result.exit_code == 1
    assert errors(result) == [f"Error: {corpus / 'a.jsonl'}:2: not JSON (Expecting value)"]
    assert (out / "a.jsonl").read_text(encoding="utf-8") == '{"text": "Ganja"}\n{"text": "Shusha"}\n'
    again = run(*args)  # not "up to date": its bad line is said again
    assert again.exit_code == 1 and len(errors(again)) == 1


def test_find_goes_on_past_a_bad_line(run):
    lines = ['{"text": "Xankəndidə"}', "{oops", '{"text": "в Шуше"}']
    result = run("find", "-", "--jsonl", "--json", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert errors(result) == ["Error: -:2: not JSON (Expecting property name enclosed in double quotes)"]
    assert [(json.loads(line)["doc"], json.loads(line)["surface"]) for line in result.stdout.splitlines()] == [
        ("-:1", "Xankəndidə"), ("-:3", "Шуше")]

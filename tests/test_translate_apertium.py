"""Translating the seed article with Apertium, for real: names placed on purpose, the rest untouched."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from toponyms.render import Policy
from toponyms.translate.engines.registry import get_engine
from toponyms.translate.pipeline import DocumentTranslator

SEED = Path(__file__).resolve().parent.parent / "seeds" / "karabakh-2020-10-04.txt"

pytestmark = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")


@pytest.fixture(scope="module")
def seed_es(gazetteer, matcher):
    translator = DocumentTranslator(get_engine("apertium"), gazetteer, matcher)
    return translator.translate(SEED.read_text(encoding="utf-8"), "en", "es", doc=str(SEED))


def apertium_line(line: str) -> str:
    return subprocess.run(["apertium", "-u", "eng-spa"], input=line, capture_output=True, text=True,
                          check=True).stdout.rstrip("\n")


def test_lines_without_places_are_byte_identical_to_apertium(seed_es, matcher):
    source_lines = SEED.read_text(encoding="utf-8").split("\n")
    output_lines = seed_es.text.split("\n")
    assert len(output_lines) == len(source_lines)
    unnamed = [(s, o) for s, o in zip(source_lines, output_lines) if s.strip() and not matcher.find(s)]
    assert len(unnamed) >= 5  # countries are places too: most lines name one
    for source, output in unnamed:
        assert output == apertium_line(source)


def test_every_mention_is_placed_and_recorded(seed_es, matcher):
    mentions = matcher.find(SEED.read_text(encoding="utf-8"))
    assert len(seed_es.placements) == len(mentions)
    assert [(p.source_start, p.source_end) for p in seed_es.placements] == [(m.start, m.end) for m in mentions]
    for p in seed_es.placements:
        assert p.placement in ("kept", "rewritten", "engine-rendering", "protected", "gloss")
        assert seed_es.text[p.target_start:p.target_end] == p.target_text


def test_upper_karabakh_is_named_on_purpose(seed_es, gazetteer, place):
    nk = gazetteer.get(place("Upper Karabakh"))
    spanish = nk.form("upper_karabakh").rendering("es")
    assert "Superior Karabakh" not in seed_es.text and "Karabakh Superior" not in seed_es.text
    upper = [p for p in seed_es.placements if p.source_text == "Upper Karabakh"]
    assert len(upper) == 2
    assert all(p.target_text == spanish and p.target_form == "upper_karabakh" for p in upper)


def test_rival_form_beside_the_first_mention_only(seed_es):
    madagiz = [p for p in seed_es.placements if p.source_form == "madagiz"]
    assert madagiz[0].alternate_shown and not any(p.alternate_shown for p in madagiz[1:])
    first = madagiz[0]
    # The first mention is in the headline: the rival is written in its capitals, recorded as the name.
    written = seed_es.text[first.target_start:]
    assert written.startswith(f"{first.target_text} ({first.alternate_text.upper()})")
    assert first.alternate_text == "Sugovushan"


def test_convention_rewrites_every_mention(gazetteer, matcher):
    translator = DocumentTranslator(get_engine("apertium"), gazetteer, matcher,
                                    Policy(convention="azerbaijani", rival="none"))
    result = translator.translate("Azerbaijani troops entered Madagiz. Madagiz was quiet.", "en", "es")
    assert "Madagiz" not in result.text
    assert result.text.count("Sugovushan") == 2
    assert {p.target_form for p in result.placements if p.id == "sugovushan"} == {"sugovushan"}


def test_cli_translate_writes_text_and_record(run, tmp_path):
    out, record = tmp_path / "es.txt", tmp_path / "r.jsonl"
    result = run("translate", str(SEED), "--to", "es", "--from", "en", "--engine", "apertium",
                 "-o", str(out), "--record", str(record))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert rows and {"doc", "id", "source_text", "source_start", "source_end", "source_lang", "source_form",
                     "target_text", "alternate_text", "target_start", "target_end", "placement"} <= set(rows[0])
    text = out.read_text(encoding="utf-8")
    assert all(text[r["target_start"]:r["target_end"]] == r["target_text"] for r in rows)
    assert "place mentions, en -> es with apertium" in result.stderr
    assert "sugovushan: madagiz x" in result.stderr


def test_cli_record_as_csv(run, tmp_path):
    record = tmp_path / "r.csv"
    result = run("translate", "-", "--to", "es", "--from", "en", "--engine", "apertium", "--record", str(record),
                 "--quiet", input="Shelling hit Stepanakert.\n")
    assert result.exit_code == 0, result.output
    header, row = record.read_text(encoding="utf-8").splitlines()
    assert header.startswith("doc,id,kind,source_text")
    assert ",Stepanakert," in row
    assert result.stderr == ""


def test_cli_refuses_to_overwrite(run, tmp_path):
    out = tmp_path / "es.txt"
    out.write_text("mine", encoding="utf-8")
    result = run("translate", str(SEED), "--to", "es", "--from", "en", "--engine", "apertium", "-o", str(out))
    assert result.exit_code == 2
    assert "already exists; pass --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    forced = run("translate", str(SEED), "--to", "es", "--from", "en", "--engine", "apertium", "-o", str(out),
                 "--force", "--quiet")
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8") != "mine"


def test_markdown_layout_is_kept(run):
    source = "# Shelling in Stepanakert\n\n- Ganja was hit\n- See [the map](https://example.org/Ganja)\n"
    result = run("translate", "-", "--to", "es", "--from", "en", "--engine", "apertium", "--format", "md",
                 "--quiet", "--rival", "none", input=source)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# ") and "Stepanakert" in lines[0]
    assert lines[1] == ""
    assert lines[2].startswith("- ") and "Ganyá" in lines[2]  # how Spanish media write it
    assert lines[3].startswith("- ") and "](https://example.org/Ganja)" in lines[3]


def test_html_markup_is_kept(run):
    source = '<p class="lead">Shelling hit <b>Stepanakert</b> &amp; Shusha.</p>\n'
    result = run("translate", "-", "--to", "es", "--from", "en", "--engine", "apertium", "--format", "html",
                 "--quiet", input=source)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('<p class="lead">') and "<b>Stepanakert" in result.stdout
    assert result.stdout.rstrip().endswith("</p>")
    assert "&amp;" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--to", "xx", "--from", "en"], "unknown language code 'xx'"),
    (["--to", "ru", "--from", "en", "--engine", "apertium"], "apertium"),
    (["--to", "es", "--from", "en", "--engine", "babel"], "babel"),
    (["--to", "es", "--from", "en", "--convention", "martian"], "unknown naming convention 'martian'"),
    (["--to", "es", "--from", "en", "--rival", "sometimes"], "unknown rival display 'sometimes'"),
])
def test_cli_errors_are_one_line(run, args, message):
    result = run("translate", "-", *args, input="Shelling hit Stepanakert.")
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: ")
    assert message in result.stderr


def test_language_detection_refuses_when_unsure(run):
    result = run("translate", "-", "--to", "es", input="Stepanakert 2020")
    assert result.exit_code == 1  # the input failed; a batch would go on with the others
    assert "pass --from" in result.stderr


def test_protected_names_keep_their_own_case(gazetteer, matcher, place):
    """The placeholder a name hides behind is in capitals; the name put back is not."""
    translator = DocumentTranslator(get_engine("apertium"), gazetteer, matcher, Policy(rival="none"))
    result = translator.translate("Residents of Shusha District spent the night in basements.", "en", "es")
    [placed] = result.placements
    assert placed.placement == "protected"
    spanish = gazetteer.get(place("Shusha District")).form(placed.target_form).rendering("es")
    assert placed.target_text == spanish and not spanish.isupper()
    assert result.text[placed.target_start:placed.target_end] == spanish
    assert "XZ" not in result.text


def test_a_document_is_placed_the_same_alone_and_in_a_batch(gazetteer, matcher):
    """Another document of the batch must not decide how this one's names are placed. Gargar is the
    river or Herher's Azerbaijani name; an article naming Herher would settle it as the village if the
    outputs of a batch were read as one text (they were, and the record then differed from one run of
    the same corpus to another)."""
    translator = DocumentTranslator(get_engine("apertium"), gazetteer, matcher)
    gargar = "Journalists were not allowed to travel to Gargar without an escort."
    herher = "Officials said the road from Herher to Artashat remained closed to civilians."
    alone = translator.translate(gargar, "en", "es", doc="a")
    together = translator.translate_many([(gargar, "txt", "a"), (herher, "txt", "b")], "en", "es")[0]
    assert together.text == alone.text
    assert together.placements == alone.placements
    assert [p.source_text for p in alone.placements] == ["Gargar"]


@pytest.mark.parametrize("source, expected", [
    # Apertium writes "la Altura-Karabakh" in the sentence but "el XZ0Q" for the placeholder: the
    # article is the name's, so it goes with the name instead of leaving the name in brackets.
    ("Les combats au Haut-Karabakh continuent.", "Los combates a Nagorno Karabaj continúan."),
    ("Le conflit du Haut-Karabakh a fait des milliers de morts.",
     "El conflicto de Nagorno Karabaj ha hecho millares de muertes."),
])
def test_an_article_the_engine_changed_around_a_name_does_not_leave_it_in_brackets(run, tmp_path, source,
                                                                                   expected):
    record = tmp_path / "r.jsonl"
    result = run("translate", "-", "--from", "fr", "--to", "es", "--engine", "apertium", "-q",
                 "--record", str(record), input=source + "\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected + "\n"
    [row] = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert row["placement"] == "protected"
    assert expected[row["target_start"]:row["target_end"]] == "Nagorno Karabaj"


@pytest.mark.parametrize("source, expected", [
    # Apertium copies the Spanish names it does not know ("de *Nagorno *Karabaj"): the French name
    # put in their place takes its own article, which the copy never had.
    ("El conflicto de Nagorno Karabaj sigue.", "Le conflit du Haut-Karabakh suit."),
    ("El control de Karabaj es total.", "Le contrôle du Karabakh est total."),
])
def test_a_name_put_in_place_of_the_engines_copy_takes_its_article(run, source, expected):
    result = run("translate", "-", "--from", "es", "--to", "fr", "--engine", "apertium", "-q", input=source + "\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected + "\n"

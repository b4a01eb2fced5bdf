"""The record's offsets in an HTML document point into the file as the user wrote it.

Text nodes are translated with their character references decoded ("&amp;" is one "&"), but
the record's `source_start`/`source_end` count the file's characters, and `target_start`/
`target_end` those of the written output: after "&amp;", "&#x2014;", "&nbsp;" and "&lt;" as
after any letter, before a name and between two names of one text node.
"""

import json
import shutil

import pytest

from toponyms.render import Policy
from toponyms.translate.engines.identity import NoneEngine
from toponyms.translate.pipeline import DocumentTranslator

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Karabakh &amp; the ceasefire</title></head>
<body>
<h1>Shelling of Stepanakert &#x2014; &ldquo;the worst night&rdquo;</h1>
<p>Residents of Martakert &amp; Madagiz fled overnight;&nbsp;Shusha&#8217;s mayor said the road to
Lachin was cut &lt;again&gt;. &copy; Agency&nbsp;&amp;&nbsp;Partners, Stepanakert.</p>
<p>Fighting near <b>Madagiz</b> &amp; Shusha &quot;continued&quot;&hellip; in Kalbajar&#160;too.</p>
</body></html>
"""


def rows_of(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def assert_offsets_point_at_the_names(source, output, rows):
    assert rows
    for row in rows:
        assert source[row["source_start"]:row["source_end"]] == row["source_text"], row
        if row["target_start"] is not None:
            assert output[row["target_start"]:row["target_end"]] == row["target_text"], row


def test_normalise_records_offsets_into_the_html_file(run, tmp_path):
    page = tmp_path / "a.html"
    page.write_text(ARTICLE, encoding="utf-8")
    record, out = tmp_path / "a.jsonl", tmp_path / "out.html"
    result = run("normalise", str(page), "--lang", "en", "--convention", "azerbaijani", "--record", str(record),
                 "-o", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    rows = rows_of(record)
    assert [r["source_text"] for r in rows] == ["Karabakh", "Stepanakert", "Martakert", "Madagiz", "Shusha", "Lachin",
                                               "Stepanakert", "Madagiz", "Shusha", "Kalbajar"]
    output = out.read_text(encoding="utf-8")
    assert "Aghdara" in output and "Khankendi" in output  # names were rewritten: the output's offsets move
    assert_offsets_point_at_the_names(ARTICLE, output, rows)


def test_the_record_and_find_agree_on_an_html_file(run, find_rows, tmp_path):
    page, found = find_rows(ARTICLE, "a.html", "--lang", "en")
    record = tmp_path / "a.jsonl"
    assert run("normalise", str(page), "--lang", "en", "--record", str(record), "-o", str(tmp_path / "o.html"),
               "-q").exit_code == 0
    spans = [(m["start"], m["end"]) for m in found]
    assert [(r["source_start"], r["source_end"]) for r in rows_of(record)] == spans


def test_library_offsets_after_references_that_stand_for_several_letters(gazetteer, matcher):
    """A reference may stand for two characters (&NotEqualTilde;); the names after it still line up."""
    source = "<p>x &NotEqualTilde; y &amp;&amp; Shushi &#128512; Stepanakert</p>"
    translator = DocumentTranslator(NoneEngine(), gazetteer, matcher, Policy("azerbaijani", "every"))
    done = translator.translate(source, "en", "en", "html")
    rows = [p.to_json() for p in done.placements]
    assert [r["target_text"] for r in rows] == ["Shusha", "Khankendi"]
    assert_offsets_point_at_the_names(source, done.text, rows)


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")
def test_translated_html_records_offsets_into_both_files(run, tmp_path):
    page = tmp_path / "a.html"
    page.write_text(ARTICLE, encoding="utf-8")
    record, out = tmp_path / "a.jsonl", tmp_path / "a.es.html"
    result = run("translate", str(page), "--from", "en", "--to", "es", "--engine", "apertium",
                 "--record", str(record), "-o", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    rows = rows_of(record)
    assert len(rows) == 10
    assert_offsets_point_at_the_names(ARTICLE, out.read_text(encoding="utf-8"), rows)


# Pages whose CMS writes letters as references: find read "Xank&#601;ndi" as it is written and
# missed it, while translate (which decodes them) placed it; the two must agree.
ENCODED = ("<p>Şuşa: Xank&#601;ndi, &#x15E;u&#x15F;a, Stepan&shy;akert, "
           "<b>Ağ</b>dam &amp; F&uuml;zuli.</p>\n")


def test_find_reads_names_written_with_character_references(run, find_rows, tmp_path):
    page, rows = find_rows(ENCODED, "a.html")
    assert [(ENCODED[r["start"]:r["end"]], r["id"]) for r in rows] == [
        ("Şuşa", "shusha"), ("Xank&#601;ndi", "khankendi"), ("&#x15E;u&#x15F;a", "shusha"),
        ("Stepan&shy;akert", "khankendi"), ("Ağ</b>dam", "agdam"), ("F&uuml;zuli", "fuzuli")]
    record = tmp_path / "a.jsonl"
    assert run("normalise", str(page), "--lang", "az", "--record", str(record), "-o", str(tmp_path / "o.html"),
               "-q").exit_code == 0
    assert [(r["source_start"], r["source_end"]) for r in rows_of(record)] == [(r["start"], r["end"]) for r in rows]

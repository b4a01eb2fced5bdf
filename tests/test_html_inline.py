"""A sentence that a link or bold type runs through is one sentence, in html.

News pages link place names inside sentences. Cut at every tag, "In 2016 the village of",
"Madagiz" and "was shelled." were three segments: the engine translated fragments, and the
naming policy, which reads the sentence around a name, saw neither the year nor the quotation
marks, so a linked name in a dated statement or a quotation was rewritten. Now the text nodes
and the inline tags between them are one piece; the translation is spread back over the nodes,
and a name is never cut from the rival written beside it.
"""

import json
import re
import shutil

import pytest

from toponyms.translate.formats import join_document, search_view, split_document, translated_piece, written_offsets

PAGE = """<html><body>
<p>In 2016 the village of <a href="/tag/madagiz">Madagiz</a> was shelled.</p>
<p>"We will never leave <a href="/x">Madagiz</a>," he said.</p>
<p>Refugees returned to <a href="/tag/madagiz">Madagiz</a> this week.</p>
<p>Fighting in <b>Nagorno</b>-Karabakh&nbsp;went on.</p>
</body></html>
"""


def test_a_linked_name_is_part_of_its_sentence():
    pieces = [p for p in split_document(PAGE, "html") if p.translatable]
    assert [p.text for p in pieces] == [
        "In 2016 the village of Madagiz was shelled.", "\"We will never leave Madagiz,\" he said.",
        "Refugees returned to Madagiz this week.", "Fighting in Nagorno-Karabakh\xa0went on."]
    assert join_document(split_document(PAGE, "html"), "html") == PAGE
    # Tags that open or close the block's text stay outside the piece; sup and code cut it.
    assert [p.raw for p in split_document("<p><b>Shusha</b> fell</p>", "html") if p.translatable] == ["Shusha</b> fell"]
    assert [p.text for p in split_document("<p>Shusha<sup>1</sup> and <code>x</code> Lachin</p>", "html")
            if p.translatable] == ["Shusha", "and", "Lachin"]


def test_a_translation_keeps_the_tags_between_the_same_words():
    piece = next(p for p in split_document(PAGE, "html") if p.translatable)
    text = "En 2016 el pueblo de Sugovushan (Madagiz) estuvo bombardeado."
    name = (text.index("Sugovushan"), text.index(")") + 1)
    written = join_document([translated_piece(piece, text, [name])], "html")
    assert re.sub(r"<[^>]+>", "", written) == text
    assert written.count('<a href="/tag/madagiz">') == 1 and written.count("</a>") == 1
    assert "Sugovushan (Madagiz)" in written  # the name and its rival are not cut by a tag
    starts = written_offsets(translated_piece(piece, text, [name]), "html")
    ends = written_offsets(translated_piece(piece, text, [name]), "html", ends=True)
    assert written[starts[name[0]]:ends[name[1]]] == "Sugovushan (Madagiz)"


def test_find_reads_a_name_across_a_tag_and_gives_the_files_offsets():
    searched, in_file = search_view(PAGE, "html")
    assert len(searched) == len(PAGE) and "tag/madagiz" not in searched
    start = searched.index("Nagorno-Karabakh")
    begin, end = in_file(start, start + len("Nagorno-Karabakh"))
    assert PAGE[begin:end] == "Nagorno</b>-Karabakh"
    start = searched.index("Madagiz")
    assert PAGE[slice(*in_file(start, start + 7))] == "Madagiz"


def test_find_through_the_cli(find_rows):
    _, rows = find_rows(PAGE)
    assert [(r["surface"], r["id"]) for r in rows] == [("Madagiz", "sugovushan")] * 3 + [
        ("Nagorno-Karabakh", "nagorno_karabakh")]
    for row in rows[:3]:
        assert PAGE[row["start"]:row["end"]] == "Madagiz"


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")
def test_translate_keeps_a_linked_name_in_a_dated_statement_and_a_quotation(run, tmp_path):
    page, out, record = tmp_path / "page.html", tmp_path / "out.html", tmp_path / "r.jsonl"
    page.write_text(PAGE, encoding="utf-8")
    result = run("translate", str(page), "--from", "en", "--to", "es", "--engine", "apertium",
                 "--convention", "azerbaijani", "-o", str(out), "--record", str(record), "-q")
    assert result.exit_code == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    dated, quoted, today = lines[1], lines[2], lines[3]
    # 2016 was before the rename: the name of that time stays; a quotation is not rewritten.
    assert "Sugovushan" not in dated and '<a href="/tag/madagiz">Madagiz</a>' in dated
    assert "Sugovushan" not in quoted and "Madagiz" in quoted
    # A sentence of today is named by the convention, the rival beside it, inside the link.
    assert re.search(r'<a href="/tag/madagiz">[^<]*Sugovushan \(Madagiz\)', today)
    assert lines[4].count("<b>") == 1 and lines[4].count("</b>") == 1
    output = out.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    untagged = lambda text: re.sub(r"<[^>]+>", "", text)  # noqa: E731 (a name may run across a tag)
    for row in rows:
        assert untagged(PAGE[row["source_start"]:row["source_end"]]) == row["source_text"], row
        if row["target_start"] is not None:
            assert untagged(output[row["target_start"]:row["target_end"]]) == row["target_text"], row


def test_a_name_that_had_a_link_of_its_own_keeps_it():
    # "<a>Stepanakert</a>" after a short word: spread by share alone, the translated name
    # fell into the plain text before the link and the link was left empty.
    piece = next(p for p in split_document('<p>Fighting near Shusha and <a href="/x">Stepanakert</a></p>', "html")
                 if p.translatable)
    text = "Luchando cerca de Shushá y Khankendi (Stepanakert)"
    name = (text.index("Khankendi"), len(text))
    source = (piece.text.index("Stepanakert"), len(piece.text))
    written = join_document([translated_piece(piece, text, [name], [source])], "html")
    assert written == 'Luchando cerca de Shushá y <a href="/x">Khankendi (Stepanakert)'  # </a> is outside the piece
    # A name that shared its node with other words is spread by share, as before.
    piece = next(p for p in split_document("<p>Near <b>Madagiz today</b></p>", "html") if p.translatable)
    text = "Cerca de Sugovushan hoy"
    name = (text.index("Sugovushan"), text.index(" hoy"))
    assert translated_piece(piece, text, [name], [(5, 12)]) == translated_piece(piece, text, [name])


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")
def test_translate_keeps_the_link_on_the_name(run, tmp_path):
    page, out = tmp_path / "page.html", tmp_path / "out.html"
    page.write_text('<p>Fighting near Shusha and <a title="a>b" href="/x">Stepanakert</a><br>went on.</p>\n',
                    encoding="utf-8")
    result = run("translate", str(page), "--from", "en", "--to", "es", "--engine", "apertium",
                 "--convention", "azerbaijani", "-o", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    assert '<a title="a>b" href="/x">Khankendi (Stepanakert)</a>' in out.read_text(encoding="utf-8")


def test_a_comment_inside_a_word_does_not_hide_the_name(run, find_rows):
    # An editor's or CMS's comment inside a word ("Shu<!-- x -->sha") is no word boundary.
    text = "<p>Shu<!-- x -->sha was shelled.</p>\n"
    page, rows = find_rows(text, "page.html", "--lang", "en")
    assert [(r["surface"], r["id"], text[r["start"]:r["end"]]) for r in rows] == [
        ("Shusha", "shusha", "Shu<!-- x -->sha")]
    result = run("normalise", str(page), "--convention", "armenian", "--lang", "en", "-q")
    assert result.stdout == "<p>Shushi (Shusha)<!-- x --> was shelled.</p>\n"


def test_a_name_half_in_bold_keeps_its_bold(run, tmp_path):
    # "Shu<b>sha</b>": the name lands whole in one text node; it is the bold one, not the plain
    # one with an empty "<b> </b>" left behind.
    page = tmp_path / "page.html"
    page.write_text("<p>Talks in Shu<b>sha</b> today. Fighting in <b>Nagorno</b>-Karabakh.</p>\n", encoding="utf-8")
    result = run("normalise", str(page), "--convention", "armenian", "--lang", "en", "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("<p>Talks in <b>Shushi (Shusha)</b> today. "
                             "Fighting in <b>Nagorno-Karabakh</b>.</p>\n")

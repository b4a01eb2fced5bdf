"""A name in a Markdown link or emphasis is read in its whole sentence by the naming policy.

Markdown cuts a line at a link: "In 1990 the village of", "Madagiz" and "was shelled" are
three pieces. The policy, which reads the sentence around a name, saw neither the year nor
the quotation marks, so a linked name in a dated statement or in a quotation was rewritten
(html had the same fault until its inline tags were joined). Plain text and Markdown wrapped at
a width were cut the same way at each line. The policy now reads each name in its paragraph with
the Markdown syntax blanked.
"""

import json

from toponyms.gazetteer import load
from toponyms.render import Policy
from toponyms.translate.engines.registry import get_engine
from toponyms.translate.formats import context_text
from toponyms.translate.pipeline import DocumentTranslator

ARTICLE = """# News

In 1990 the village of [Madagiz](https://example.org/madagiz) was shelled.

"We will never leave [Madagiz](https://example.org/x)," he said.

Refugees returned to [Madagiz](https://example.org/madagiz) this week.
"""


def test_the_context_of_a_line_has_its_syntax_blanked():
    line = '"We will never leave [Madagiz](https://x.org)," he said. See `Shusha`.'
    context = context_text(line, "md")
    assert len(context) == len(line)
    assert context.split() == ['"We', "will", "never", "leave", "Madagiz", ',"', "he", "said.", "See", "."]
    assert context_text("a\n- [b](c)\n", "md") == "a\n   b    \n"


def test_a_linked_name_keeps_its_form_in_a_dated_sentence_and_a_quotation():
    translator = DocumentTranslator(get_engine("none"), load(), policy=Policy(convention="azerbaijani", rival="none"))
    done = translator.translate(ARTICLE, "en", "en", "md")
    lines = done.text.splitlines()
    assert lines[2] == "In 1990 the village of [Madagiz](https://example.org/madagiz) was shelled."
    assert lines[4] == '"We will never leave [Madagiz](https://example.org/x)," he said.'
    assert lines[6] == "Refugees returned to [Sugovushan](https://example.org/madagiz) this week."
    assert [p.why for p in done.placements][:2] == ["dated", "quoted"]


def test_normalise_through_the_cli(run, tmp_path):
    source = tmp_path / "a.md"
    source.write_text(ARTICLE, encoding="utf-8")
    result = run("normalise", str(source), "--convention", "azerbaijani", "--rival", "none", "--lang", "en", "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Sugovushan") == 1
    assert "In 1990 the village of [Madagiz]" in result.stdout and '"We will never leave [Madagiz]' in result.stdout


def test_a_sentence_wrapped_over_lines_is_read_whole(run, tmp_path):
    # Wire copy and e-mails are wrapped at a width: the year and the quotation marks stand on
    # the line before the name.
    wrapped = ('In 1990 the village of\nMadagiz was shelled, residents said.\n\n"We will never leave\n'
               'Madagiz," he said.\n\nRefugees returned to\nMadagiz this week.\n')
    for name in ("w.txt", "w.md"):
        source = tmp_path / name
        source.write_text(wrapped, encoding="utf-8")
        result = run("normalise", str(source), "--convention", "azerbaijani", "--rival", "none", "--lang", "en", "-q")
        assert result.exit_code == 0, result.stderr
        assert result.stdout == wrapped.replace("to\nMadagiz", "to\nSugovushan"), name


def test_a_linked_name_is_part_of_its_sentence_for_the_engine():
    # Cut at the link, Apertium translated "was shelled by" as a sentence of its own
    # ("Estuvo pelado por"): the engine now gets the whole sentence; the link stays in the file.
    from toponyms.translate.formats import join_document, split_document, translated_piece

    line = "In 1990 the village of [Madagiz](https://x.org/m) was shelled near ![Shusha](s.png) today.\n"
    pieces = split_document(line, "md")
    assert [p.text for p in pieces if p.translatable] == ["In 1990 the village of Madagiz was shelled near",
                                                           "Shusha", "today."]
    assert join_document(pieces, "md") == line
    first = pieces[0]
    text = "En 1990 el pueblo de Sugovushan (Madagiz) fue bombardeado cerca de"
    name = (text.index("Sugovushan"), text.index(")") + 1)
    done = translated_piece(first, text, [name], [(first.text.index("Madagiz"), first.text.index("Madagiz") + 7)])
    assert join_document([done], "md") == "En 1990 el pueblo de [Sugovushan (Madagiz)](https://x.org/m) fue bombardeado cerca de"


def test_find_and_the_record_give_offsets_into_the_markdown_file(run, tmp_path):
    source = tmp_path / "a.md"
    source.write_text(ARTICLE, encoding="utf-8")
    found = run("find", str(source), "--json", "--lang", "en")
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    assert [ARTICLE[r["start"]:r["end"]] for r in rows] == ["Madagiz"] * 3
    record = tmp_path / "r.jsonl"
    out = tmp_path / "o.md"
    result = run("normalise", str(source), "--convention", "azerbaijani", "--lang", "en", "-q", "--record", str(record),
                 "-o", str(out))
    assert result.exit_code == 0, result.stderr
    written = out.read_text(encoding="utf-8")
    assert "Refugees returned to [Sugovushan (Madagiz)](https://example.org/madagiz) this week." in written
    placed = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert [(r["source_start"], r["source_end"]) for r in placed] == [(r["start"], r["end"]) for r in rows]
    assert [written[r["target_start"]:r["target_end"]] for r in placed] == ["Madagiz", "Madagiz", "Sugovushan"]

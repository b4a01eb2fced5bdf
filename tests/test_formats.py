"""Documents split into pieces and joined back: txt, md and html."""

from __future__ import annotations

import doctest
import random
from dataclasses import replace
from pathlib import Path

import pytest

import toponyms.translate.formats.text
from toponyms.errors import ToponymsError
from toponyms.translate.formats import (
    FORMATS, TEXT_FORMATS, Piece, format_for_path, join_document, normalize_format, split_document,
    translated_piece,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "karabakh-2020-10-04.txt"
BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

MARKDOWN = """\
---
title: Karabakh, 4 October 2020
tags: [war, caucasus]
---

# Azerbaijan claims advance in Karabakh #

Azerbaijan said on **Sunday** that [Armenian forces](https://example.com/a_(b) "A title") shelled *Ganja*.
See <https://example.com/report> or https://example.org/path?q=1. The town `Madagiz` is ``Sugovushan``.

- Stepanakert is the capital ![map of Shusha](img/shusha.png)
- [ ] Check the name of Lachin
1. Numbered item\\
   continued line
> Quote about Stepanakert
> > Nested quote

    indented code line
    more code

```python
print("Hello world")
```

~~~
tilde fence text
~~~

| City | Armenian name |
|------|:-------------:|
| Shusha | Shushi |

***
Setext heading
==============
Read [the report][rep] and [rep].

- List item

    Continuation paragraph of the item

[rep]: https://example.com/report "Report title"
[^1]: A footnote about Lachin.

<div class="note">Text in a div <span>inside a span</span></div>
<!-- a comment
over lines -->
<pre>
keep this Shusha
</pre>
Text with \\[escaped\\] brackets and a <br> tag.
"""

HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Karabakh &amp; the war</title>
<style>p { color: red; } /* <b>Shusha</b> */</style>
<script>var s = "<p>Hello</p>"; if (a < b) {}</script></head>
<body>
<!-- comment with Shusha -->
<h1 class="x">Azerbaijan claims advance</h1>
<p>Azerbaijan said on Sunday that Armenian forces
shelled Ganja&nbsp;city. 5 &lt; 6 &copy 2020</p>
<img src="map.png" alt="Map of Stepanakert" title="Karabakh">
<pre>keep <b>this</b> Shusha</pre>
<p translate="no">Do not translate <i>Lachin</i></p>
<p>Inline <code>x < y</code> code and <span class="notranslate">Ilham Aliyev</span> said.</p>
<a href="https://x.org/?a=1&b=2" title='a > b'>Link text</a>
a < b and c > d
<![CDATA[ Shusha ]]><?php echo "Shusha"; ?>
</body></html>
"""


def translatable(pieces: list[Piece]) -> list[str]:
    return [p.text for p in pieces if p.translatable]


def check_invariants(text: str, fmt: str) -> list[Piece]:
    pieces = split_document(text, fmt)
    assert join_document(pieces, fmt) == text
    for piece in pieces:
        assert piece.text
        if piece.translatable:
            assert piece.text == piece.text.strip()
            assert not any(ch in BREAKS for ch in piece.text)
            assert any(ch.isalpha() for ch in piece.text)
    for left, right in zip(pieces, pieces[1:]):
        assert left.translatable or right.translatable  # untranslatable runs are merged
    return pieces


# -- formats by name and path --------------------------------------------------------


def test_format_for_path():
    assert TEXT_FORMATS == ("txt", "md", "html")
    assert FORMATS == ("txt", "md", "html", "jsonl", "docx", "odt", "srt", "vtt", "epub")
    assert format_for_path("news/article.txt") == "txt"
    assert format_for_path("a.text") == "txt"
    assert format_for_path("README.md") == "md"
    assert format_for_path("notes.Markdown") == "md"
    assert format_for_path("page.HTML") == "html"
    assert format_for_path("page.htm") == "html"
    assert format_for_path("article.rtf") == "txt"
    assert format_for_path("no_suffix") == "txt"
    assert format_for_path(None) == "txt"
    assert format_for_path("-", default="md") == "md"
    assert format_for_path(None, default="markdown") == "md"
    assert format_for_path("x.unknown", default="html") == "html"
    assert normalize_format(" HTM ") == "html"
    assert [format_for_path(f"a{s}") for s in (".docx", ".ODT", ".srt", ".vtt", ".epub", ".jsonl")] == [
        "docx", "odt", "srt", "vtt", "epub", "jsonl"]


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ToponymsError, match=r"^unknown document format 'rtf': use one of txt, md, html, jsonl, "
                                            r"docx, odt, srt, vtt, epub$"):
        format_for_path(None, default="rtf")
    with pytest.raises(ToponymsError, match="unknown document format 'pdf'"):
        split_document("x", "pdf")
    with pytest.raises(ToponymsError, match="unknown document format"):
        join_document([], "rtf")


def test_module_docstring_examples():
    result = doctest.testmod(toponyms.translate.formats.text)
    assert result.attempted >= 5 and result.failed == 0


# -- round trip -------------------------------------------------------------------------

FRAGMENTS = [
    "a", "b", "Zx", " ", "  ", "    ", "\t", "\n", "\n\n", "\r\n", "\r", "#", "## ", "- ", "* ", "+ ", "1. ",
    "> ", "```", "~~~", "`", "``", "[", "]", "(", ")", "![", "](", "<", ">", "<b>", "</b>", "<!--", "-->",
    "<pre>", "</pre>", "<script>", "</script>", "<code>", "</code>", "<textarea>", "<title>", "</title>",
    "&", "&amp;", "&nbsp;", "&#10;", "&#x20;", "&lt", "&ampx", "&nbspx", "&NewLine;", "&ThickSpace;",
    "|", "---", "***", "===", "+++", "\\", "http://x.y/z.", "www.a.b", "\u00a0", "\ufeff", "\u200b",
    "\u2028", "\x0b", "\x0c", "\x1c", "\x85", "é", "Ստեփանակերտ", "Xankəndi", "Шуша", "'", '"', "=",
    "<a href='x>y'>", "<?x ?>", "<!DOCTYPE html>", "</", "</>", "<![CDATA[", "]]>", "[x]: http://u",
    "[x]", "[^1]", "[^1]: ", "_", ":", "|---|---|", "| a |", "<span translate=\"no\">", "</span>",
    "2020", "—", ".", "?", "<br/>", "<img alt='Shusha'>",
]


def random_document(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return "".join(chr(rng.randint(0, 0x3000)) for _ in range(rng.randint(0, 30)))
    return "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 40)))


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_round_trip_on_random_documents(fmt):
    rng = random.Random(20201004)
    for _ in range(3000):
        check_invariants(random_document(rng), fmt)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("text", [
    "", " ", "\n", "\r\n\r\n", "x", "\ufeffHello", "Hello\r\nworld\r\n", "no newline at end",
    "\u2028Shusha\u2029", "&", "<", "<<>>", "```\nunclosed fence", "<!-- unclosed", "<script>unclosed",
    "---\nunclosed: front matter\n", "<p>unclosed <b attr='x", "]](()", "`",
])
def test_round_trip_on_edge_cases(fmt, text):
    check_invariants(text, fmt)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("text", [MARKDOWN, HTML, SEED.read_text(encoding="utf-8")], ids=["md", "html", "seed"])
def test_round_trip_on_documents(fmt, text):
    check_invariants(text, fmt)


# -- txt ------------------------------------------------------------------------------------


def test_txt_one_piece_per_line():
    text = SEED.read_text(encoding="utf-8")
    pieces = check_invariants(text, "txt")
    assert translatable(pieces) == [line for line in text.splitlines() if line.strip()]
    assert check_invariants("  Stepanakert, 4 October.  \r\n\t2020\n", "txt") == [
        Piece("  ", False), Piece("Stepanakert, 4 October.", True), Piece("  \r\n\t2020\n", False),
    ]


def test_txt_translated_pieces_join_in_place():
    pieces = split_document("Shusha\n\n  Lachin corridor  \n", "txt")
    done = [replace(p, text=p.text.upper()) if p.translatable else p for p in pieces]
    assert join_document(done, "txt") == "SHUSHA\n\n  LACHIN CORRIDOR  \n"


# -- md --------------------------------------------------------------------------------------


def test_markdown_translates_text_and_keeps_layout():
    pieces = check_invariants(MARKDOWN, "md")
    assert translatable(pieces) == [
        "Azerbaijan claims advance in Karabakh",
        # A sentence that a link runs through is one piece: the engine translates it whole.
        "Azerbaijan said on **Sunday** that Armenian forces shelled *Ganja*.",
        "See", "or", ". The town", "is",
        "Stepanakert is the capital", "map of Shusha",
        "Check the name of Lachin",
        "Numbered item", "continued line",
        "Quote about Stepanakert", "Nested quote",
        "City", "Armenian name", "Shusha", "Shushi",
        "Setext heading",
        "Read the report and",
        "List item", "Continuation paragraph of the item",
        "A footnote about Lachin.",
        "Text in a div", "inside a span",
        "Text with \\[escaped\\] brackets and a", "tag.",
    ]
    # The link syntax inside such a piece is kept as written too (its `parts`).
    kept = "".join(p.text if not p.translatable else "".join(raw for raw, syntax in p.parts or () if syntax)
                   for p in pieces)
    for markup in [
        "---\ntitle: Karabakh, 4 October 2020\ntags: [war, caucasus]\n---\n", "# ", " #\n",
        '](https://example.com/a_(b) "A title")', " <https://example.com/report> ",
        " https://example.org/path?q=1", " `Madagiz` ", " ``Sugovushan``", " ![", "](img/shusha.png)",
        "- [ ] ", "\\\n   ", "> > ", "    indented code line\n    more code\n",
        '```python\nprint("Hello world")\n```\n', "~~~\ntilde fence text\n~~~\n",
        " |\n|------|:-------------:|\n| ", "***\n", "\n==============\n", "][rep]", " [rep].",
        '[rep]: https://example.com/report "Report title"\n', "[^1]: ", '<div class="note">',
        "<!-- a comment\nover lines -->\n<pre>\nkeep this Shusha\n</pre>\n", " <br> ",
    ]:
        assert markup in kept, markup


def test_markdown_translated_join_keeps_markup():
    text = "## Shusha\n\n* [Lachin](https://x.org/Lachin) corridor `Lachin`\n"
    pieces = split_document(text, "md")
    done = [replace(p, text=p.text.upper()) if p.translatable else p for p in pieces]
    assert join_document(done, "md") == "## SHUSHA\n\n* [LACHIN](https://x.org/Lachin) CORRIDOR `Lachin`\n"


def test_markdown_code_and_lists():
    assert translatable(split_document("    code at the top\n\ntext", "md")) == ["text"]
    # A lazy continuation line of a paragraph is text, not code.
    assert translatable(split_document("para\n    still para", "md")) == ["para", "still para"]
    # Inside a list, four more columns than the item's text make code.
    assert translatable(split_document("- item\n\n        code in item\n", "md")) == ["item"]
    assert translatable(split_document("Use ```a ` b``` here", "md")) == ["Use", "here"]
    assert translatable(split_document("an `unclosed code span", "md")) == ["an `unclosed code span"]
    assert translatable(split_document("#hashtag is not a heading", "md")) == ["#hashtag is not a heading"]
    assert translatable(split_document("---\n# Not front matter", "md")) == ["Not front matter"]


def test_markdown_links_and_references():
    assert translatable(split_document("[a [nested] text](u) and [plain brackets]", "md")) == [
        "a [nested] text and [plain brackets]"]
    assert translatable(split_document("[![Shusha](s.png)](https://x.org) fort", "md")) == ["Shusha", "fort"]
    assert translatable(split_document("mail <a@b.org> or visit www.example.com, please", "md")) == [
        "mail", "or visit", ", please"]
    assert translatable(split_document("text[^note] more", "md")) == ["text", "more"]


# -- html ------------------------------------------------------------------------------------


def test_html_translates_text_nodes_only():
    pieces = check_invariants(HTML, "html")
    assert translatable(pieces) == [
        "Karabakh & the war",
        "Azerbaijan claims advance",
        "Azerbaijan said on Sunday that Armenian forces",
        "shelled Ganja\u00a0city. 5 < 6 \u00a9 2020",
        "Inline", "code and", "said.",
        "Link text",
        "a < b and c > d",
    ]
    # The link syntax inside such a piece is kept as written too (its `parts`).
    kept = "".join(p.text if not p.translatable else "".join(raw for raw, syntax in p.parts or () if syntax)
                   for p in pieces)
    for markup in [
        "<!DOCTYPE html>", "<style>p { color: red; } /* <b>Shusha</b> */</style>",
        '<script>var s = "<p>Hello</p>"; if (a < b) {}</script>', "<!-- comment with Shusha -->",
        '<img src="map.png" alt="Map of Stepanakert" title="Karabakh">', "<pre>keep <b>this</b> Shusha</pre>",
        '<p translate="no">Do not translate <i>Lachin</i></p>', "<code>x < y</code>",
        '<span class="notranslate">Ilham Aliyev</span>', "<a href=\"https://x.org/?a=1&b=2\" title='a > b'>",
        "<![CDATA[ Shusha ]]>", '<?php echo "Shusha"; ?>',
    ]:
        assert markup in kept, markup


def test_html_raw_text_and_escaping_rule():
    text = "<p>Tom &amp; Jerry &lt;3 Shusha&#33;</p>"
    pieces = split_document(text, "html")
    (piece,) = [p for p in pieces if p.translatable]
    assert piece.text == "Tom & Jerry <3 Shusha!"
    assert piece.raw == "Tom &amp; Jerry &lt;3 Shusha&#33;"
    assert join_document(pieces, "html") == text  # untouched: the raw text, &#33; and all
    # A changed text is escaped (& < > only) ...
    changed = [replace(p, text="Tom & Jerry <3 Şuşa!") if p.translatable else p for p in pieces]
    assert join_document(changed, "html") == "<p>Tom &amp; Jerry &lt;3 Şuşa!</p>"
    # ... and so is a new Piece without raw, even with the same text.
    fresh = [Piece(p.text, True) if p.translatable else p for p in pieces]
    assert join_document(fresh, "html") == "<p>Tom &amp; Jerry &lt;3 Shusha!</p>"
    assert Piece("a", True, raw="a") == Piece("a", True)  # raw takes no part in equality


def test_html_title_text_that_looks_like_a_tag_is_text():
    # A title's content is text, tags and all: "<b>" there is no inline tag to spread a
    # translation over, and an untouched page is written back exactly as it was.
    text = "<title>Shusha <b>news</b> & Lachin</title><p>5 <10 km</p>"
    pieces = check_invariants(text, "html")
    (title, *_) = [p for p in pieces if p.translatable]
    assert title.text == "Shusha <b>news</b> & Lachin"
    done = translated_piece(title, "Şuşa <b>xəbərlər</b> & Laçın")
    assert join_document([done], "html") == "Şuşa &lt;b&gt;xəbərlər&lt;/b&gt; &amp; Laçın"
    changed = [replace(p, text=p.text.upper()) if p.translatable else p for p in pieces]
    assert join_document(changed, "html") == "<title>SHUSHA &lt;B&gt;NEWS&lt;/B&gt; &amp; LACHIN</title><p>5 &lt;10 KM</p>"


def test_html_whitespace_entities_are_not_translated():
    pieces = check_invariants("<td>&nbsp;Shusha&nbsp;</td><td>&nbsp;</td>line&#10;break", "html")
    assert translatable(pieces) == ["Shusha", "line", "break"]


def test_html_nested_untouchable_elements():
    text = "<div translate=no><div>one</div>two</div>three<pre><pre>x</pre>y</pre>four<code/>five"
    assert translatable(check_invariants(text, "html")) == ["three", "four", "five"]
    assert translatable(split_document('<p data-translate="no">Shusha</p>', "html")) == ["Shusha"]

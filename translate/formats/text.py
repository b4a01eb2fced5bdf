"""Text documents (txt, md, html) cut into pieces to translate and pieces to keep, and put back together.

`split_document(text, fmt)` returns a list of `Piece`s; `join_document(pieces,
fmt)` concatenates them again. For every string and every format

    join_document(split_document(text, fmt), fmt) == text

A translatable piece is never empty, has no leading or trailing whitespace, no
line break (any character `str.splitlines` breaks on) and at least one letter;
whitespace, line breaks, markup and letterless runs ("2020", "—", "***") are in
the untranslatable pieces around it. A caller translates the translatable
pieces, replaces their text (`dataclasses.replace(piece, text=...)` or a new
`Piece(text, True)`) and joins.

txt: each line's text is one piece; a paragraph on one line stays one piece
(the engine splits sentences itself), a paragraph wrapped over lines gives one
piece per line.

>>> split_document("Stepanakert\\n\\n  Shusha is near.\\n", "txt")  # doctest: +NORMALIZE_WHITESPACE
[Piece(text='Stepanakert', translatable=True), Piece(text='\\n\\n  ', translatable=False),
 Piece(text='Shusha is near.', translatable=True), Piece(text='\\n', translatable=False)]

md: the layout stays: heading, list, blockquote and task markers, fenced
(``` or ~~~) and indented code blocks, inline `code`, link and image targets
`](url "title")`, `][ref]` and shortcut references to a defined label,
autolinks <https://...>, bare URLs, HTML tags and comments, table pipes and
delimiter rows, horizontal rules, setext underlines, link reference
definitions and front matter (--- ... --- or +++ ... +++ at the top) are
untranslatable. Link text and image alt text are translatable. A sentence that
a link runs through is one piece (its `parts` hold the link's brackets and
target, spread back over the words as html's inline tags are); an image's alt
text is a piece of its own. Emphasis markers (*, _) stay inside the text so
that sentences are not cut.

>>> [p.text for p in split_document("## Karabakh talks\\n- See [the map](https://ex.am/map.png) of `Shusha`", "md") if p.translatable]
['Karabakh talks', 'See the map of']

html: tags, comments, doctype, CDATA, processing instructions and the whole
content of script, style, code, pre, kbd, samp, textarea (and of any element
with translate="no" or class "notranslate") are untranslatable; attribute
values (alt, title...) stay untouched. Text nodes are translatable, cut at
line breaks and at tags other than inline ones: a sentence that a link or bold
type runs through (a, b, i, em, strong, span...) is one piece, so that the
engine translates the sentence, not its fragments, and a quotation or a date
around a linked name is seen. In a translatable html piece `text` has character
references decoded (and inline tags taken out) and `raw` holds the source as
written:

>>> pieces = split_document("<p>Tom &amp; Jerry&nbsp;<b>live</b></p><p>in Shusha</p>", "html")
>>> [(p.text, p.raw) for p in pieces if p.translatable]
[('Tom & Jerry\\xa0live', 'Tom &amp; Jerry&nbsp;<b>live'), ('in Shusha', 'in Shusha')]

The html join rule: an untranslatable piece is written as its text; a
translatable piece is written as its `raw` when `raw` is set and decodes
(`html.unescape`, inline tags taken out) to exactly the piece's text, which is
the case for every untranslated piece, and otherwise as its text with &, < and
> escaped (&amp; &lt; &gt;; quotes are left alone, text nodes do not need them);
a new text of a piece that crossed inline tags is spread over its text nodes at
word boundaries, each tag staying between the same nodes (`translated_piece`).

>>> from dataclasses import replace
>>> join_document([replace(p, text="Tom y Jerry viven") if p.text.startswith("Tom") else p for p in pieces], "html")
'<p>Tom y Jerry <b>viven</b></p><p>in Shusha</p>'
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from toponyms.errors import ToponymsError

__all__ = ["TEXT_FORMATS", "Piece", "context_text", "join_document", "search_view", "searchable_text",
           "split_document", "text_format", "translated_piece", "written_bounds", "written_offsets"]

# The formats whose documents are text cut into pieces here; the other formats (toponyms.translate.formats)
# read their files into a text of one of these.
TEXT_FORMATS: tuple[str, ...] = ("txt", "md", "html")
_ALIASES = {"txt": "txt", "text": "txt", "md": "md", "markdown": "md", "html": "html", "htm": "html"}


@dataclass(frozen=True)
class Piece:
    """A run of a document: text to translate, or text to keep as it is.

    `raw` is set only on translatable html pieces: the source text with its
    character references as written (see the module docstring for how
    `join_document` uses it). It takes no part in equality. `inline`: the piece
    crosses inline tags, which `raw` holds (a "<" in `raw` alone does not say so:
    a title's text may hold "<b>" as text).
    """

    text: str
    translatable: bool
    raw: str | None = field(default=None, compare=False, repr=False)
    inline: bool = field(default=False, compare=False, repr=False)
    # A Markdown piece that a link runs through: its text runs and link syntax as written,
    # ((raw, is_syntax), ...); `raw` is their concatenation.
    parts: tuple[tuple[str, bool], ...] | None = field(default=None, compare=False, repr=False)


def text_format(fmt: str) -> str:
    """'txt', 'md' or 'html' for a format name or alias; ToponymsError for anything else."""
    key = str(fmt).strip().lower().lstrip(".")
    if key not in _ALIASES:
        raise ToponymsError(f"unknown document format {fmt!r}: use one of {', '.join(TEXT_FORMATS)}")
    return _ALIASES[key]


def split_document(text: str, fmt: str) -> list[Piece]:
    """Cut `text` into pieces; `join_document` of the result gives `text` back exactly."""
    fmt = text_format(fmt)
    if not isinstance(text, str):
        raise ToponymsError(f"a document must be text, not {type(text).__name__}")
    builder = _Builder()
    if fmt == "txt":
        builder.plain(text)
    elif fmt == "md":
        _split_markdown(text, builder)
    else:
        _split_html(text, builder)
    return builder.pieces


def join_document(pieces: list[Piece], fmt: str) -> str:
    """Put pieces back together (html: translatable pieces escaped, see the module docstring)."""
    fmt = text_format(fmt)
    if fmt != "html":
        return "".join("".join(_spread_over_tags(piece)[0]) if piece.parts is not None else piece.text
                       for piece in pieces)
    out = []
    for piece in pieces:
        if not piece.translatable:
            out.append(piece.text)
        elif piece.inline and piece.raw is not None:
            out.append("".join(_spread_over_tags(piece)[0]))
        elif piece.raw is not None and html.unescape(piece.raw) == piece.text:
            out.append(piece.raw)
        else:
            out.append(_escape(piece.text))
    return "".join(out)


def _decoded_offsets(raw: str, at: int = 0) -> list[int]:
    """Where each character of `html.unescape(raw)` stands in `raw` (plus `at`): a reference that
    stands for several characters maps them all to its start."""
    offsets: list[int] = []
    pos = 0
    for match in _CHARREF.finditer(raw):
        offsets.extend(range(at + pos, at + match.start()))
        offsets.extend([at + match.start()] * len(html.unescape(match.group())))
        pos = match.end()
    offsets.extend(range(at + pos, at + len(raw)))
    return offsets


def translated_piece(piece: Piece, text: str, whole: list[tuple[int, int]] = (),
                     sources: list[tuple[int, int]] | None = None) -> Piece:
    """The translatable `piece` with `text` (its translation) in place of its own.

    An html piece that crosses inline tags keeps them: the translation is spread
    over its text nodes, never cutting a span of `whole` (the names written with
    their rivals), and the result's `raw` is what `join_document` writes.
    `sources`: where each name of `whole` stood in the piece's own text; a name
    lands whole in a text node that held nothing but (part of) it: a link or bold
    type around the name keeps it, and so does bold type on part of a word
    ("Shu<b>sha</b>" gives "<b>Shushi (Shusha)</b>"), the node inside the most
    tags first, then the one holding most of the name.
    """
    if piece.raw is None or not piece.inline:
        return Piece(text, True)
    markdown = piece.parts is not None
    anchors = {}
    exact = None
    if sources:
        nodes, at, depth = [], 0, 0  # (start, end) of each text node's words in the piece's text, its depth
        ranges = []  # each text node's whole range in the piece's text
        tokens = ((("text", raw, "") if not tag else ("start" if raw.startswith("[") else "end", raw, ""))
                  for raw, tag in piece.parts) if markdown else _html_tokens(piece.raw)
        for kind, raw, name in tokens:
            if kind == "text":
                node = raw if markdown else html.unescape(raw)
                lead = len(node) - len(node.lstrip())
                nodes.append((at + lead, at + len(node.rstrip()), depth))
                ranges.append((at, at + len(node)))
                at += len(node)
            elif kind == "start" and name not in _VOID and not raw.endswith("/>"):
                depth += 1
            elif kind == "end":
                depth = max(depth - 1, 0)
        taken: set[int] = set()
        for span, (begin, end) in zip(whole, sources):
            inside = [(depth, stop - start, i) for i, (start, stop, depth) in enumerate(nodes)
                      if begin <= start < stop <= end and i not in taken]
            if inside:
                taken.add(max(inside)[2])
                anchors[tuple(span)] = max(inside)[2]
        exact = _names_replaced(piece.text, text, ranges, list(whole), list(sources), anchors)
    parts, tags = _spread_over_tags(replace(piece, text=text), whole, anchors, exact)
    return Piece(text, True, "".join(parts), inline=True, parts=tuple(zip(parts, tags)) if markdown else None)


def _names_replaced(source: str, text: str, ranges: list[tuple[int, int]], whole: list, sources: list,
                    anchors: dict) -> list[str] | None:
    """The text nodes of `text` when it is `source` with only its names replaced, else None.

    A normalisation (or an engine that wrote the words around the names as they were) changes
    nothing but the names: each node keeps its own words exactly, and a name goes whole into
    its anchor node (`anchors`) or the node where it started, so a link over "Shusha and
    Lachin" keeps both names and nothing else.
    """
    if len(whole) != len(sources) or not sources:
        return None
    pairs = sorted(zip(sources, whole))
    at_source = at_text = 0
    for (a, b), (c, d) in pairs:
        if a < at_source or c < at_text or source[at_source:a] != text[at_text:c]:
            return None
        at_source, at_text = b, d
    if source[at_source:] != text[at_text:]:
        return None
    home = {}
    for (a, b), (c, d) in pairs:
        home[(a, b)] = anchors.get((c, d), next((i for i, (lo, hi) in enumerate(ranges) if lo <= a < hi), None))
    nodes = []
    for i, (lo, hi) in enumerate(ranges):
        out, pos = [], lo
        for (a, b), (c, d) in pairs:
            if b <= lo or a >= hi:
                continue
            out.append(source[pos:max(a, lo)] if a > pos else "")
            if home[(a, b)] == i:
                out.append(text[c:d])
            pos = min(b, hi)
        out.append(source[pos:hi])
        nodes.append("".join(out))
    return nodes if "".join(nodes) == text else None


def _spread_over_tags(piece: Piece, whole: list[tuple[int, int]] = (),
                      anchors: dict[tuple[int, int], int] | None = None,
                      exact: list[str] | None = None) -> tuple[list[str], list[bool]]:
    """A translatable html piece whose `raw` crosses inline tags, as written: (parts, which are tags).

    Its text unchanged, the parts are the source's; changed (a translation), the
    text is spread over the text nodes at word boundaries (`runs.spread`, as a
    docx paragraph over its runs) and each tag stays between the same nodes:
    "<a>Madagiz</a> was shelled" keeps its link on the words that land there.
    """
    from .runs import spread

    markdown = piece.parts is not None
    parts, tags = [], []
    for kind, raw, _ in (((("markup" if tag else "text"), raw, "") for raw, tag in piece.parts) if markdown
                         else _html_tokens(piece.raw)):
        parts.append(raw)
        tags.append(kind != "text")
    texts = [part if markdown else html.unescape(part) for part, tag in zip(parts, tags) if not tag]
    if "".join(texts) != piece.text and exact is not None:
        escaped = iter(text if markdown else _escape(text) for text in exact)
        parts = [part if tag else next(escaped) for part, tag in zip(parts, tags)]
    elif "".join(texts) != piece.text:
        spread_texts = spread(texts, piece.text, whole, anchors)
        # A space the spread left at the end of a node goes after the tag that closes it, where
        # the source had none ("<b>Nagorno</b>-Karabakh" gives "<b>Nagorno-Karabakh</b> near");
        # before a tag that opens an element it stays where it is ("Talks in <b>Shushi</b>").
        text_at = [i for i, tag in enumerate(tags) if not tag]
        closing = [all(parts[j].startswith("</" if not markdown else "]") for j in range(a + 1, b))
                   for a, b in zip(text_at, text_at[1:])]
        for i in range(len(texts) - 1):
            stripped = spread_texts[i].rstrip()
            if stripped and stripped != spread_texts[i] and texts[i] == texts[i].rstrip() and closing[i]:
                spread_texts[i + 1] = spread_texts[i][len(stripped):] + spread_texts[i + 1]
                spread_texts[i] = stripped
        escaped = iter(text if markdown else _escape(text) for text in spread_texts)
        parts = [part if tag else next(escaped) for part, tag in zip(parts, tags)]
    return parts, tags


def searchable_text(text: str, fmt: str) -> str:
    """`text` with its markup blanked, for a matcher: the same length, so offsets stay the file's.

    A link's address, code, a script or a tag names no place for a reader, and a
    translation never touches it; searching the file as it is would report
    "stepanakert" in ``(https://example.org/stepanakert)``. Each run of markup
    becomes a line break and spaces (a translation's segments are searched one a
    line), and the file's own line breaks stay where they were. An html sentence
    that crosses inline tags or holds character references is written decoded and
    without the tags, blanked after it to its length in the file (see `search_view`
    for the offsets in the file).

    >>> searchable_text("Hit [Shusha](https://x.org/shusha) at night.", "md")
    'Hit Shusha at night.                        '
    >>> searchable_text("<p>In <b>Nagorno</b>-Karabakh</p>", "html")
    '\\n  In Nagorno-Karabakh       \\n   '
    """
    return search_view(text, fmt)[0]


def search_view(text: str, fmt: str):
    """`searchable_text(text, fmt)` and a function giving a (start, end) found in it back in `text`.

    The function is None when every offset is the file's already (no html
    sentence crossed inline tags or held a character reference).

    >>> searched, in_file = search_view("<p>Near <a href='/x'>Madagiz</a> today</p>", "html")
    >>> start = searched.index("Madagiz"); in_file(start, start + 7)
    (21, 28)
    """
    if text_format(fmt) == "txt":
        return text, None
    out, moves, at = [], [], 0
    for piece in split_document(text, fmt):
        written = join_document([piece], fmt)
        if piece.translatable and written != piece.text:
            # An html sentence with character references ("Xank&#601;ndi") or inline tags is
            # searched as the reader reads it, decoded and without the tags; the piece's
            # `written_offsets` give a name found there back in the file.
            moves.append((at, len(piece.text), *written_bounds(piece, fmt)))
            out.append(piece.text + " " * (len(written) - len(piece.text)))
        elif piece.translatable or not written:
            out.append(written)
        else:
            blank = re.sub(r"[^\n]", " ", written)
            out.append(blank if blank[0] == "\n" else "\n" + blank[1:])
        at += len(written)
    if not moves:
        return "".join(out), None
    starts = [start for start, _, _, _ in moves]

    def in_file(start: int, end: int) -> tuple[int, int]:
        group = bisect_right(starts, start) - 1
        if group < 0 or start >= moves[group][0] + moves[group][1]:
            return start, end  # outside every piece that was decoded
        base, length, begins, ends = moves[group]
        return base + begins[start - base], base + ends[min(end - base, length)]

    return "".join(out), in_file


def context_text(text: str, fmt: str) -> str | None:
    """`text` as a reader reads its sentences: the same length, Markdown syntax blanked.

    Markdown cuts a line at a link, so a name in "In 1990 the village of
    [Madagiz](url) was shelled" is a piece of its own; the naming policy reads the
    name in this view of its line instead, where the year and the quotation marks
    are seen. Link brackets and targets, code, tags and block markers become
    spaces; the text, its punctuation and the line breaks stay where they are.
    Plain text is its own view; None for html (its pieces are whole sentences).

    >>> context_text('"We will leave [Madagiz](https://x.org)," he said.', "md")
    '"We will leave  Madagiz                ," he said.'
    """
    fmt = text_format(fmt)
    if fmt == "txt":
        return text
    if fmt != "md":
        return None
    builder = _ContextBuilder()
    _split_markdown(text, builder)
    return "".join(builder.parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def written_offsets(piece: Piece, fmt: str, ends: bool = False) -> list[int] | None:
    """One list of `written_bounds`: its starts, or with `ends` its ends (see there).

    >>> piece = split_document("<p>Near <a href='/x'>Madagiz</a> today</p>", "html")[1]
    >>> starts, ends = written_offsets(piece, "html"), written_offsets(piece, "html", ends=True)
    >>> join_document([piece], "html")[starts[5]:ends[12]]
    'Madagiz'
    """
    bounds = written_bounds(piece, fmt)
    return None if bounds is None else bounds[ends]


def written_bounds(piece: Piece, fmt: str) -> tuple[list[int], list[int]] | None:
    """Where each offset of a piece's text falls in the piece as `join_document` writes it: (starts, ends).

    Each list has ``len(piece.text) + 1`` entries (the end included); None when
    the two are the same text (txt, md, untranslatable pieces, html text
    without references). A name found at ``text[a:b]`` stands at
    ``written[starts[a]:ends[b]]`` in the user's document: the record's
    offsets point there, after "&amp;" and "&nbsp;" as after any letter. A
    reference that stands for several characters maps them all to its start.

    In a piece that crosses inline tags an offset where a tag stands is, in
    `starts`, the one after the tag (a name starting there starts after it); in
    `ends`, the one before (a name ending there ends before it):
    ``written[starts[a]:ends[b]]``. Elsewhere the two lists are one.

    >>> piece = split_document("<p>Near <a href='/x'>Madagiz</a> today</p>", "html")[1]
    >>> starts, ends = written_bounds(piece, "html")
    >>> join_document([piece], "html")[starts[5]:ends[12]]
    'Madagiz'

    >>> piece = split_document("<p>Tom &amp; Jerry&nbsp;in Shusha</p>", "html")[1]
    >>> offsets, _ = written_bounds(piece, "html")
    >>> piece.text.index("Shusha"), offsets[piece.text.index("Shusha")]
    (15, 24)
    >>> written_bounds(Piece("Tom & Jerry", True), "html")[0][6], written_bounds(Piece("Shusha", True), "txt")
    (10, None)
    """
    if not piece.translatable or (text_format(fmt) != "html" and piece.parts is None):
        return None
    text = piece.text
    if piece.raw is not None and piece.inline:
        starts, after, at = [], [], 0  # after[i]: where character i's written form ends
        for part, tag in zip(*_spread_over_tags(piece)):
            if not tag and part:
                offsets = list(range(at, at + len(part))) if piece.parts is not None else _decoded_offsets(part, at)
                starts.extend(offsets)
                after.extend(offsets[1:] + [at + len(part)])
            at += len(part)
        return starts + after[-1:], starts[:1] + after
    if piece.raw is not None and html.unescape(piece.raw) == text:
        if piece.raw == text:
            return None
        offsets = _decoded_offsets(piece.raw) + [len(piece.raw)]
        return offsets, offsets
    if not any(ch in text for ch in "&<>"):
        return None
    offsets, at = [], 0
    for ch in text:
        offsets.append(at)
        at += len(_escape(ch))
    offsets.append(at)
    return offsets, offsets


# -- plain text runs ------------------------------------------------------------

# Line breaks as str.splitlines knows them; all of them are whitespace too.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# A gap is whitespace, a byte order mark or a zero-width space.
_GAP_CLASS = r"\s\ufeff\u200b"
# A translatable span: from a non-gap character to a non-gap character, no break between.
_SPAN = re.compile(rf"[^{_GAP_CLASS}](?:[^{_BREAKS}]*[^{_GAP_CLASS}])?")
_PROXY_SPAN = re.compile(r"[^ \n](?:[^\n]*[^ \n])?")
# The same in a flow of text and inline tags ("t"): from text to text, tags inside only.
_FLOW_SPAN = re.compile(r"x(?:[^\n]*x)?")
# Character references exactly as html.unescape finds them.
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


class _Builder:
    """Collects pieces; neighbouring untranslatable text is merged into one piece."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []

    def keep(self, text: str) -> None:
        if not text:
            return
        if self.pieces and not self.pieces[-1].translatable:
            self.pieces[-1] = Piece(self.pieces[-1].text + text, False)
        else:
            self.pieces.append(Piece(text, False))

    def translatable(self, text: str, raw: str | None = None, inline: bool = False, parts=None) -> None:
        self.pieces.append(Piece(text, True, raw, inline, parts))

    def md_flow(self, tokens: list[tuple[str, bool]]) -> None:
        """Markdown text runs and the link syntax between them ((raw, is_syntax) in line order).

        A sentence is one piece even when a link runs through it ("In 1990 the village of
        [Madagiz](url) was shelled."), so that the engine translates the sentence, not its
        fragments; the piece's `parts` hold the syntax, and `join_document` spreads a
        translation back over the text runs, each link staying between the same runs.
        """
        units: list[tuple[str, str]] = []  # (raw, proxy character)
        for raw, is_syntax in tokens:
            if is_syntax:
                units.append((raw, "t"))
            else:
                units.extend((ch, _proxy_char(ch)) for ch in raw)
        proxy = "".join(unit[1] for unit in units)
        at = 0
        for match in _FLOW_SPAN.finditer(proxy):
            chosen = units[match.start():match.end()]
            text = "".join(raw for raw, kind in chosen if kind != "t")
            if not _has_letter(text):
                continue
            self.keep("".join(r for r, _ in units[at:match.start()]))
            parts: list[tuple[str, bool]] = []
            for raw, kind in chosen:
                if kind != "t" and parts and not parts[-1][1]:
                    parts[-1] = (parts[-1][0] + raw, False)
                else:
                    parts.append((raw, kind == "t"))
            if any(tag for _, tag in parts):
                self.translatable(text, "".join(r for r, _ in chosen), True, tuple(parts))
            else:
                self.translatable(text)
            at = match.end()
        self.keep("".join(r for r, _ in units[at:]))

    def plain(self, text: str) -> None:
        """Text without markup: each run within a line, trimmed, is translatable."""
        pos = 0
        for match in _SPAN.finditer(text):
            span = match.group()
            if not _has_letter(span):
                continue
            self.keep(text[pos:match.start()])
            self.translatable(span)
            pos = match.end()
        self.keep(text[pos:])

    def html_flow(self, tokens: list[tuple[str, bool]]) -> None:
        """Html text nodes and the inline tags between them ((raw, is_tag) in document order).

        A sentence is one piece even when a link or bold type runs through it: the
        translatable spans are found in the text with the tags taken out, and a
        span's `raw` holds the inline tags it crosses (`join_document` spreads a
        translation back over them). Tags before a span's first or after its last
        character stay outside it.
        """
        if not any(is_tag for _, is_tag in tokens):
            for raw, _ in tokens:
                self.html_text(raw)
            return
        units: list[tuple[str, str, str]] = []  # (raw, decoded, proxy character)
        for raw, is_tag in tokens:
            if is_tag:
                units.append((raw, "", "t"))
                continue
            pos = 0
            for match in _CHARREF.finditer(raw):
                units.extend((ch, ch, _proxy_char(ch)) for ch in raw[pos:match.start()])
                decoded = html.unescape(match.group())
                units.append((match.group(), decoded, _proxy_char(decoded)))
                pos = match.end()
            units.extend((ch, ch, _proxy_char(ch)) for ch in raw[pos:])
        proxy = "".join(unit[2] for unit in units)
        at = 0
        for match in _FLOW_SPAN.finditer(proxy):
            chosen = units[match.start():match.end()]
            text = "".join(decoded for _, decoded, _ in chosen)
            if not _has_letter(text):
                continue
            self.keep("".join(r for r, _, _ in units[at:match.start()]))
            self.translatable(text, "".join(r for r, _, _ in chosen), any(not decoded for _, decoded, _ in chosen))
            at = match.end()
        self.keep("".join(r for r, _, _ in units[at:]))

    def html_text(self, raw: str) -> None:
        """An html text node: like `plain`, on the decoded text, keeping the raw text."""
        if "&" not in raw:
            pos = 0
            for match in _SPAN.finditer(raw):
                span = match.group()
                if not _has_letter(span):
                    continue
                self.keep(raw[pos:match.start()])
                self.translatable(span, span)
                pos = match.end()
            self.keep(raw[pos:])
            return
        # Units: single characters and whole character references. Each unit
        # stands as one character of a proxy string: "x" text, " " a gap, "\n"
        # a gap holding a line break. A reference whose value starts or ends
        # with whitespace (&nbsp;, &#10;, "&nbspx") counts as a gap.
        units: list[tuple[str, str]] = []
        pos = 0
        for match in _CHARREF.finditer(raw):
            units.extend((ch, ch) for ch in raw[pos:match.start()])
            units.append((match.group(), html.unescape(match.group())))
            pos = match.end()
        units.extend((ch, ch) for ch in raw[pos:])
        proxy = "".join(_proxy_char(decoded) for _, decoded in units)
        at = 0
        for match in _PROXY_SPAN.finditer(proxy):
            chosen = units[match.start():match.end()]
            text = "".join(decoded for _, decoded in chosen)
            if not _has_letter(text):
                continue
            self.keep("".join(r for r, _ in units[at:match.start()]))
            self.translatable(text, "".join(r for r, _ in chosen))
            at = match.end()
        self.keep("".join(r for r, _ in units[at:]))


class _ContextBuilder(_Builder):
    """Collects Markdown as `context_text` shows it: text as it is, markup as spaces."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def keep(self, text: str) -> None:
        self.parts.append(re.sub(r"[^\r\n]", " ", text))

    def translatable(self, text: str, raw: str | None = None, inline: bool = False, parts=None) -> None:
        if parts is None:
            self.parts.append(text)
        else:
            self.parts.extend(re.sub(r"[^\r\n]", " ", part) if tag else part for part, tag in parts)

    def plain(self, text: str) -> None:
        self.parts.append(text)


def _is_gap(ch: str) -> bool:
    return ch.isspace() or ch in "\ufeff\u200b"


def _proxy_char(decoded: str) -> str:
    if any(ch in _BREAKS for ch in decoded):
        return "\n"
    if _is_gap(decoded[0]) or _is_gap(decoded[-1]):
        return " "
    return "x"


# -- html ------------------------------------------------------------------------

# Elements whose content is raw text to the html tokenizer.
_RAWTEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"})
# Elements whose whole content is kept untranslated.
_UNTOUCHABLE = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea",
                          "xmp", "iframe", "noembed", "noframes", "svg", "math"})
# Elements that run inside a sentence: their tags do not cut the text into pieces. (sup and sub
# are left out: a footnote mark "Shusha<sup>1</sup>" is not part of the word before it.)
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em", "font", "i",
                     "ins", "mark", "nobr", "q", "s", "small", "span", "strike", "strong", "time", "tt", "u",
                     "var", "wbr"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr"})
_NO_TRANSLATE = re.compile(
    r"""(?<![\w-])translate\s*=\s*["']?no\b|\bclass\s*=\s*(?:"[^"]*\bnotranslate\b[^"]*"|'[^']*\bnotranslate\b[^']*'|notranslate\b)""",
    re.IGNORECASE,
)


def _tag_end(text: str, pos: int) -> int:
    """Index just past the '>' closing the tag whose attributes start at pos (len(text) if none)."""
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch == ">":
            return pos + 1
        if ch == "=":
            pos += 1
            while pos < n and text[pos] in " \t\n\r\f":
                pos += 1
            if pos < n and text[pos] in "\"'":
                close = text.find(text[pos], pos + 1)
                if close < 0:
                    return n
                pos = close + 1
            continue
        pos += 1
    return n


_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")


def _html_tokens(text: str):
    """Yield (kind, raw, tag name) with kind text, markup, start, end or rawtext."""
    n = len(text)
    pos = 0
    text_start = 0
    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            break
        kind, end, name = _html_markup_at(text, lt)
        if kind is None:
            pos = lt + 1
            continue
        if lt > text_start:
            yield "text", text[text_start:lt], ""
        raw = text[lt:end]
        yield kind, raw, name
        pos = text_start = end
        if kind == "start" and name in _RAWTEXT and not raw.endswith("/>"):
            close = re.compile(rf"</{re.escape(name)}(?=[\s/>])", re.IGNORECASE).search(text, end)
            stop = close.start() if close else n
            if stop > end:
                yield ("text" if name == "title" else "rawtext"), text[end:stop], name
            pos = text_start = stop
    if text_start < n:
        yield "text", text[text_start:], ""


def _html_markup_at(text: str, lt: int) -> tuple[str | None, int, str]:
    """What markup starts at text[lt] == '<': (kind, end, tag name), kind None if it is text."""
    n = len(text)
    nxt = text[lt + 1] if lt + 1 < n else ""
    if text.startswith("<!--", lt):
        close = text.find("-->", lt + 2)  # from lt+2, so that <!--> and <!---> close at once
        return "markup", (close + 3 if close >= 0 else n), ""
    if text.startswith("<![CDATA[", lt):
        close = text.find("]]>", lt + 9)
        return "markup", (close + 3 if close >= 0 else n), ""
    if nxt in ("!", "?"):
        close = text.find(">", lt + 2)
        return "markup", (close + 1 if close >= 0 else n), ""
    if nxt == "/":
        match = _TAG_NAME.match(text, lt + 2)
        if match:
            return "end", _tag_end(text, match.end()), match.group().lower()
        if text.startswith("</>", lt):
            return "markup", lt + 3, ""
        if lt + 2 < n:  # </ followed by something else: a bogus comment up to '>'
            close = text.find(">", lt + 2)
            return "markup", (close + 1 if close >= 0 else n), ""
        return None, lt + 1, ""
    match = _TAG_NAME.match(text, lt + 1)
    if match:
        return "start", _tag_end(text, match.end()), match.group().lower()
    return None, lt + 1, ""


def _split_html(text: str, builder: _Builder) -> None:
    skip: str | None = None
    depth = 0
    flow: list[tuple[str, bool]] = []  # text nodes and the inline tags between them, not yet built
    for kind, raw, name in _html_tokens(text):
        # A comment runs inside a sentence, even inside a word ("Shu<!-- x -->sha"), as inline tags do.
        if skip is None and (kind == "text" or raw.startswith("<!--")
                             or (kind in ("start", "end") and name in _INLINE
                                 and not (kind == "start" and _NO_TRANSLATE.search(raw)))):
            flow.append((raw, kind != "text"))
            continue
        if flow:
            builder.html_flow(flow)
            flow = []
        if skip is not None:
            builder.keep(raw)
            if kind == "start" and name == skip and not raw.endswith("/>"):
                depth += 1
            elif kind == "end" and name == skip:
                depth -= 1
                if depth == 0:
                    skip = None
            continue
        builder.keep(raw)
        if (kind == "start" and name not in _VOID and not raw.endswith("/>")
                and (name in _UNTOUCHABLE or _NO_TRANSLATE.search(raw))):
            skip, depth = name, 1
    if flow:
        builder.html_flow(flow)


# -- markdown -----------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_FENCE = re.compile(r"(`{3,}(?=[^`]*$)|~{3,})")
_HR = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = re.compile(r"=+[ \t]*$")
_BLOCKQUOTE = re.compile(r" {0,3}>[ \t]?")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")
_TASK = re.compile(r"\[[ xX]\](?:[ \t]+|$)")
_HEADING = re.compile(r"[ \t]*#{1,6}(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_REF_DEF = re.compile(r" {0,3}\[(?!\^)([^\]\\]|\\.)+\]:")
_BLOCK_START = re.compile(r" {0,3}(?:>|#{1,6}(?:[ \t]|$)|`{3,}|~{3,})")
_FOOTNOTE_DEF = re.compile(r" {0,3}\[\^[^\]]+\]:[ \t]*")
_TABLE_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_BLOCK_STARTS = (
    (re.compile(r"[ \t]{0,3}<(script|pre|style|textarea)(?:[\s>]|$)", re.IGNORECASE),
     re.compile(r"</(script|pre|style|textarea)>", re.IGNORECASE)),
    (re.compile(r"[ \t]{0,3}<!--"), re.compile(r"-->")),
    (re.compile(r"[ \t]{0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r"[ \t]{0,3}<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"[ \t]{0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
)
_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_INLINE_HTML = re.compile(
    r"<!--.*?-->"
    r"|</[A-Za-z][A-Za-z0-9-]*\s*>"
    r"|<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*"
    r"(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
)
_BARE_URL = re.compile(r"(?:(?:https?|ftp)://|www\.)[^\s<>\[\]]*[^\s<>\[\].,:;!?'\")*_~]")
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _columns(prefix: str) -> int:
    col = 0
    for ch in prefix:
        col = col + 4 - col % 4 if ch == "\t" else col + 1
    return col


def _indent(line: str) -> int:
    return _columns(line[: len(line) - len(line.lstrip(" \t"))])


def _split_markdown(text: str, builder: _Builder) -> None:
    lines = _LINE.findall(text)
    contents = [line.rstrip("\r\n") for line in lines]
    labels = {
        _label(m.group()[m.group().index("[") + 1: -2])
        for c in contents if (m := _REF_DEF.match(c))
    }
    table_lines = _table_lines(contents)

    index = 0
    # Front matter: --- ... --- (YAML) or +++ ... +++ (TOML) from the first line.
    if contents and contents[0].rstrip() in ("---", "+++"):
        closers = ("---", "...") if contents[0].rstrip() == "---" else ("+++",)
        for j in range(1, len(contents)):
            if contents[j].rstrip() in closers:
                builder.keep("".join(lines[: j + 1]))
                index = j + 1
                break

    fence: tuple[str, int] | None = None
    html_end: re.Pattern | None = None
    prev_blank = True
    prev_code = False
    list_indent = 0
    for i in range(index, len(lines)):
        line, content = lines[i], contents[i]
        ending = line[len(content):]
        stripped = content.strip()

        if fence is not None:
            builder.keep(line)
            body = _strip_containers(content)[1].strip()
            if body.startswith(fence[0] * fence[1]) and body.strip(fence[0]) == "":
                fence = None
            prev_blank, prev_code = False, False
            continue
        if html_end is not None:
            builder.keep(line)
            if html_end.search(content):
                html_end = None
            prev_blank, prev_code = not stripped, False
            continue
        if not stripped:
            builder.keep(line)
            prev_blank = True
            continue

        indent = _indent(content)
        if (list_indent and indent < list_indent and not _LIST_MARKER.match(content)
                and (prev_blank or _BLOCK_START.match(content) or _HR.match(stripped))):
            list_indent = 0  # the list has ended (a lazy paragraph line would not end it)
        if indent >= list_indent + 4 and (prev_blank or prev_code):
            builder.keep(line)  # indented code
            prev_blank, prev_code = False, True
            continue

        prefix, rest = _strip_containers(content)
        marker = _LIST_MARKER.match(content)
        if marker and not _HR.match(content.strip()):
            list_indent = _columns(content[: marker.end()]) if marker.end() < len(content) else indent + 2

        fence_match = _FENCE.match(rest.lstrip(" \t"))
        if fence_match:
            run = fence_match.group(1)
            fence = (run[0], len(run))
            builder.keep(line)
            prev_blank, prev_code = False, False
            continue
        started = next((end for start, end in _HTML_BLOCK_STARTS if start.match(rest)), None)
        if started is not None:
            builder.keep(line)
            opening = re.match(r"[ \t]*<!--|[ \t]*<\S+", rest)
            if not started.search(rest, opening.end() if opening else 0):
                html_end = started
            prev_blank, prev_code = False, False
            continue
        if _HR.match(rest.strip()) or _SETEXT.match(rest.strip()) or _REF_DEF.match(rest) \
                or (i in table_lines and _TABLE_DELIMITER.match(rest)):
            builder.keep(line)
            prev_blank, prev_code = False, False
            continue

        suffix = ""
        heading = _HEADING.match(rest)
        if heading:
            prefix += rest[: heading.end()]
            rest = rest[heading.end():]
            close = _HEADING_CLOSE.search(rest)
            if close:
                rest, suffix = rest[: close.start()], rest[close.start():]
            elif rest.strip("# \t") == "":
                rest, suffix = "", rest
        else:
            footnote = _FOOTNOTE_DEF.match(rest)
            if footnote:
                prefix += rest[: footnote.end()]
                rest = rest[footnote.end():]
        if rest.endswith("\\") and (len(rest) - len(rest.rstrip("\\"))) % 2 == 1:
            rest, suffix = rest[:-1], "\\" + suffix  # a hard line break

        builder.keep(prefix)
        line_tokens = _LineTokens()
        _inline(rest, line_tokens, labels, i in table_lines)
        line_tokens.build(builder)
        builder.keep(suffix + ending)
        prev_blank, prev_code = False, False


def _strip_containers(content: str) -> tuple[str, str]:
    """Split off blockquote markers, list markers and task boxes: (prefix, rest)."""
    pos = 0
    while True:
        rest = content[pos:]
        quote = _BLOCKQUOTE.match(rest)
        if quote:
            pos += quote.end()
            continue
        if _HR.match(rest.strip()):
            break
        marker = _LIST_MARKER.match(rest)
        if marker and marker.end() > 0:
            pos += marker.end()
            task = _TASK.match(content, pos)
            if task:
                pos = task.end()
            continue
        break
    lead = len(content[pos:]) - len(content[pos:].lstrip(" \t"))
    return content[: pos + lead], content[pos + lead:]


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _table_lines(contents: list[str]) -> set[int]:
    """Indexes of the lines of pipe tables: header, delimiter row and body rows."""
    found: set[int] = set()
    for i in range(1, len(contents)):
        row = _strip_containers(contents[i])[1]
        head = _strip_containers(contents[i - 1])[1]
        if "|" in row and "-" in row and _TABLE_DELIMITER.match(row) and "|" in head:
            found.update((i - 1, i))
            j = i + 1
            while j < len(contents) and contents[j].strip() and "|" in contents[j]:
                found.add(j)
                j += 1
    return found


def _code_span_end(s: str, pos: int) -> int | None:
    """End of the code span opened by the backtick run at pos, or None if it is not closed."""
    run = len(s) - len(s[pos:].lstrip("`")) - pos
    search = pos + run
    while True:
        found = s.find("`" * run, search)
        if found < 0:
            return None
        end = found
        while end < len(s) and s[end] == "`":
            end += 1
        if end - found == run:
            return end
        search = end


def _bracket_end(s: str, pos: int) -> int | None:
    """Index of the ']' matching the '[' at pos (escapes and code spans skipped)."""
    depth = 0
    i = pos
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            end = _code_span_end(s, i)
            if end is not None:
                i = end
                continue
            i += len(s) - len(s[i:].lstrip("`")) - i
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _paren_end(s: str, pos: int) -> int | None:
    """Index just past the ')' closing the link destination opened at s[pos] == '('."""
    depth = 0
    i = pos
    quote = ""
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if quote:
            if ch == quote:
                quote = ""
        elif ch == "<" and depth == 1 and s[pos + 1: i].strip() == "":
            close = s.find(">", i)
            if close < 0:
                return None
            i = close
        elif ch in "\"'" and depth == 1 and s[i - 1] in " \t":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


class _LineTokens:
    """A Markdown line's inline text as tokens: ("text", raw), ("keep", raw) and ("link", raw),
    the brackets and target of a link, which run inside a sentence (`_Builder.md_flow`)."""

    def __init__(self) -> None:
        self.tokens: list[tuple[str, str]] = []

    def plain(self, text: str) -> None:
        if text:
            self.tokens.append(("text", text))

    def keep(self, text: str, link: bool = False) -> None:
        if text:
            self.tokens.append(("link" if link else "keep", text))

    def build(self, builder: _Builder) -> None:
        flow: list[tuple[str, bool]] = []

        def flush() -> None:
            if any(tag for _, tag in flow):
                builder.md_flow(flow)
            else:
                for raw, _ in flow:
                    builder.plain(raw)
            flow.clear()

        for kind, raw in self.tokens:
            if kind == "keep":
                flush()
                builder.keep(raw)
            else:
                flow.append((raw, kind == "link"))
        flush()


def _inline(s: str, builder: _LineTokens, labels: set[str], table: bool) -> None:
    """Markdown inline text: text runs translatable, code, links' targets, URLs, tags kept."""
    i = 0
    text_start = 0
    n = len(s)

    def flush(upto: int) -> None:
        builder.plain(s[text_start:upto])

    while i < n:
        ch = s[i]
        if ch == "\\" and i + 1 < n and s[i + 1] in _ASCII_PUNCT:
            i += 2
            continue
        keep_end: int | None = None
        if ch == "`":
            end = _code_span_end(s, i)
            if end is None:
                i += len(s) - len(s[i:].lstrip("`")) - i
                continue
            keep_end = end
        elif ch == "<":
            match = _AUTOLINK.match(s, i) or _INLINE_HTML.match(s, i)
            if match:
                keep_end = match.end()
        elif ch == "|" and table:
            keep_end = i + 1
        elif ch in "hfwHFW" and (i == 0 or not s[i - 1].isalnum()):
            match = _BARE_URL.match(s, i)
            if match:
                keep_end = match.end()
        elif ch == "[" or (ch == "!" and s.startswith("[", i + 1)):
            opener = i + (1 if ch == "!" else 0)
            close = _bracket_end(s, opener)
            if close is not None:
                after = s[close + 1: close + 2]
                target_end = None
                if after == "(":
                    target_end = _paren_end(s, close + 1)
                elif after == "[":
                    ref_close = s.find("]", close + 2)
                    target_end = ref_close + 1 if ref_close >= 0 else None
                if target_end is not None:
                    flush(i)
                    # A link's brackets and target run inside the sentence; an image's alt text is no part of it.
                    builder.keep(s[i: opener + 1], link=ch == "[")
                    _inline(s[opener + 1: close], builder, labels, table)
                    builder.keep(s[close: target_end], link=ch == "[")
                    i = text_start = target_end
                    continue
                inner = s[opener + 1: close]
                if inner.startswith("^") or _label(inner) in labels:
                    keep_end = close + 1  # a footnote or a shortcut reference link
        if keep_end is not None:
            flush(i)
            builder.keep(s[i:keep_end])
            i = text_start = keep_end
            continue
        i += 1
    flush(n)

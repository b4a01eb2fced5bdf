"""A review page: source and output side by side, every place highlighted by how it was placed.

`review_page(documents, gazetteer)` is a pure function from documents (their
text, their translation and their record rows, as `Placement.to_json()` or
`--record` gives them) to one self-contained HTML page: inline CSS and
script, no external font, image, script or link, and a Content-Security-Policy
that forbids the browser any request, so a page can be opened offline and
mailed to an editor. Every text and every value of a row is escaped: a
document or a name holding ``<script>`` comes out as text.

The page shows, per document:

- what needs a human look first (names added in brackets, sentences
  translated again behind placeholders, spellings derived by rule, glosses,
  quotations, low-confidence matches, names not found in the output), each
  linking to its place in the output;
- a legend of the placements, with how many of each;
- source and output paragraph by paragraph, each place a ``<mark>`` carrying
  ``data-row`` (the row's index in the document's record) and
  ``data-placement`` on both sides, coloured by placement, with both forms and
  who uses them on hover and on keyboard focus.

>>> rows = [{"id": "sugovushan", "source_text": "Madagiz", "source_start": 10, "source_end": 17,
...          "source_form": "madagiz", "target_text": "Madagiz", "target_form": "madagiz",
...          "alternate_text": "Sugovushan", "alternate_shown": True, "target_start": 12, "target_end": 19,
...          "placement": "kept"}]
>>> page = review_page([ReviewDocument("a.txt", "Fighting, Madagiz.", "Combates, Madagiz (Sugovushan).", rows)])
>>> page.count('data-row="0"')
2
>>> "<script>alert" in review_page([ReviewDocument("<script>alert(1)</script>", "x", "y", [])])
False
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html import escape
from typing import Any, Mapping, Sequence

__all__ = ["PLACEMENT_STYLES", "ReviewDocument", "needs_review", "review_page"]

# Placement -> (background, border, what it means). Values not listed get a neutral grey.
PLACEMENT_STYLES: dict[str, tuple[str, str, str]] = {
    "kept": ("#dcf2dc", "#2e7d32", "the engine already wrote the name as chosen"),
    "rewritten": ("#dbe8ff", "#1f5fbf", "the engine wrote the place another way; rewritten in place"),
    "engine-rendering": ("#eadfff", "#6a3fb5", "the engine's own rendering of the name was replaced"),
    "protected": ("#ffe6bf", "#b86e00", "the sentence was translated again with the name behind a placeholder"),
    "inserted": ("#ffd5d5", "#c62828", "the engine dropped the name: it was added in brackets"),
    "gloss": ("#cff1ee", "#00796b", "a sentence about the name itself: every name kept as written"),
}
_NEUTRAL = ("#e8e8e8", "#616161", "a placement this page does not know")
# Rows below this `confidence` (when the record has one) are listed for review.
LOW_CONFIDENCE = 0.75


@dataclass(frozen=True)
class ReviewDocument:
    """One document to review: its name, its text, its translation, and the record rows of its names.

    The rows' `source_start`/`source_end` are offsets into `source`, and
    `target_start`/`target_end` into `output` (None where the output does not
    hold the name at a known spot, as for ``inserted`` names).
    """

    name: str
    source: str
    output: str
    rows: Sequence[Mapping[str, Any]] = ()
    source_lang: str | None = None
    target_lang: str | None = None
    notes: Sequence[str] = field(default=())


# ---------------------------------------------------------------- what needs a look


def needs_review(row: Mapping[str, Any]) -> list[str]:
    """Why a row needs a human look (empty: it does not), most serious first.

    >>> needs_review({"placement": "inserted", "quoted": True})
    ['added in brackets: the engine dropped the name', 'in a quotation: the speaker’s own words']
    >>> needs_review({"placement": "kept", "confidence": 0.5})
    ['low-confidence match (0.50)']
    >>> needs_review({"placement": "kept"})
    []
    """
    reasons = []
    placement = row.get("placement")
    if placement == "inserted":
        reasons.append("added in brackets: the engine dropped the name")
    if placement == "protected":
        reasons.append("sentence translated again with the name behind a placeholder")
    if row.get("rendering") == "derived":
        reasons.append("spelling derived by rule: the gazetteer has no rendering")
    confidence = row.get("confidence")
    if isinstance(confidence, (int, float)) and not isinstance(confidence, bool) and confidence < LOW_CONFIDENCE:
        reasons.append(f"low-confidence match ({confidence:.2f})")
    if placement == "gloss":
        reasons.append("gloss: the sentence is about the name, kept as written")
    if _truthy(row.get("quoted")):
        reasons.append("in a quotation: the speaker’s own words")
    if placement not in PLACEMENT_STYLES and placement is not None:
        reasons.append(f"placement {placement!s} unknown to this page")
    return reasons


def _truthy(value: Any) -> bool:
    # CSV records hold "True"/"true" as text.
    return value is True or (isinstance(value, str) and value.lower() == "true")


# ---------------------------------------------------------------- spans


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph: runs of text between blank lines."""
    spans, start = [], 0
    for found in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text)))
    return spans


def _paragraph_of(spans: list[tuple[int, int]], offset: int) -> int:
    """The paragraph an offset falls in (an offset in a break belongs to the paragraph before it)."""
    return max(0, bisect_right([start for start, _ in spans], offset) - 1)


def _by_paragraph(marks: list[_Mark], spans: list[tuple[int, int]]) -> list[list[_Mark]]:
    starts = [start for start, _ in spans]
    buckets: list[list[_Mark]] = [[] for _ in spans]
    for mark in marks:
        buckets[max(0, bisect_right(starts, mark.start) - 1)].append(mark)
    return buckets


@dataclass
class _Mark:
    row: int
    start: int
    end: int
    rival_end: int | None = None  # end of " (rival)" written right after the name, when there is one
    note: str = ""


def _int(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _locate(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span start:end of `text`, when it is one (the record's offsets point into the document as given).

    >>> _locate("a &amp; Shusha", 8, 14), _locate("Shusha", 4, 10)
    ((8, 14), None)
    """
    return (start, end) if 0 <= start <= end <= len(text) else None


def _source_marks(document: ReviewDocument) -> list[_Mark]:
    marks = []
    for number, row in enumerate(document.rows):
        start, end = _int(row.get("source_start")), _int(row.get("source_end"))
        span = None
        if start is not None and end is not None:
            span = _locate(document.source, start, end)
        if span is None:
            marks.append(_Mark(number, -1, -1, note="not found in the source"))
        else:
            marks.append(_Mark(number, *span))
    return marks


# What may stand between a name and the rival written beside it, by any --rival-style:
# "Name (Rival)", "Name/Rival", "Name (Armenian: Rival)", "Name, or Rival".
_RIVAL_GAP = re.compile(r"[ \t]*[(\[/,–—-]?[ \t]*(?:[^\W\d][\w ,'’-]{0,40}?:[ \t]*|or[ \t]+)?", re.UNICODE)


def _rival_end(text: str, end: int, alternate: str) -> int | None:
    """Where the rival written right after a name ends (its closing bracket included), if it is there.

    >>> _rival_end("Madagiz (Sugovushan) fell", 7, "Sugovushan"), _rival_end("Madagiz/Sugovushan", 7, "Sugovushan")
    (20, 18)
    >>> _rival_end("Shushi (Armenian: Shusha).", 6, "Shusha"), _rival_end("Madagiz fell. Sugovushan", 7, "Sugovushan")
    (25, None)
    """
    gap = _RIVAL_GAP.match(text, end)
    if gap is None or not text.startswith(alternate, gap.end()):
        return None
    stop = gap.end() + len(alternate)
    opened = text[end:gap.end()].strip()[:1]
    closing = {"(": ")", "[": "]"}.get(opened)
    if closing and text.startswith(closing, stop):
        stop += 1
    return stop


def _output_marks(document: ReviewDocument, source_paragraphs, output_paragraphs, paired: bool) -> list[_Mark]:
    """Where each row's name stands in the output; names added in brackets are looked for in their paragraph."""
    text = document.output
    marks, taken = [], []
    for number, row in enumerate(document.rows):
        start, end = _int(row.get("target_start")), _int(row.get("target_end"))
        span = None
        if start is not None and end is not None:
            span = _locate(text, start, end)
        if span is not None:
            start, end = span
            mark = _Mark(number, start, end)
            alternate = row.get("alternate_text")
            if _truthy(row.get("alternate_shown")) and alternate:
                mark.rival_end = _rival_end(text, end, str(alternate))
            marks.append(mark)
            continue
        # Inserted names stand as "[name (rival)]" at the end of their segment: look in the paragraph.
        target_text = str(row.get("target_text") or "")
        where = (0, len(text))
        source_start = _int(row.get("source_start"))
        if paired and source_start is not None:
            where = output_paragraphs[_paragraph_of(source_paragraphs, source_start)]
        found = -1
        if target_text:
            at = where[0]
            while True:
                found = text.find(f"[{target_text}", at, where[1])
                if found < 0 or found not in taken:
                    break
                at = found + 1
        if found >= 0:
            close = text.find("]", found, where[1] if where[1] > found else len(text))
            taken.append(found)
            marks.append(_Mark(number, found, close + 1 if close >= 0 else found + 1 + len(target_text)))
        else:
            marks.append(_Mark(number, where[1], where[1], note="not found in the output"))
    return marks


# ---------------------------------------------------------------- HTML


def _form_users(gazetteer, place: str, form_id: str | None) -> str:
    if gazetteer is None or not form_id or place not in gazetteer:
        return ""
    try:
        return ", ".join(gazetteer.get(place).form(form_id).used_by)
    except KeyError:
        return ""


def _rival_form(gazetteer, place: str, text: str | None) -> str | None:
    """The form of `place` that has the spelling `text` (the record keeps the rival's text only)."""
    if gazetteer is None or not text or place not in gazetteer:
        return None
    wanted = text.casefold()
    for form in gazetteer.get(place).forms:
        if any(spelling.casefold() == wanted for _, spelling in form.spellings()):
            return form.id
    return None


def _describe(row: Mapping[str, Any], gazetteer) -> str:
    """The hover text of a place: both forms, who uses each, how it was placed, and what to check."""
    place = str(row.get("id", "?"))
    lines = [f"{row.get('source_text', '')} → {row.get('target_text', '')}  ({place})"]
    for label, form in (("source form", row.get("source_form")), ("output form", row.get("target_form"))):
        if form:
            users = _form_users(gazetteer, place, str(form))
            lines.append(f"{label}: {form}" + (f", used by {users}" if users else ""))
    alternate = row.get("alternate_text")
    if alternate:
        rival = _rival_form(gazetteer, place, str(alternate))
        users = _form_users(gazetteer, place, rival)
        shown = "shown beside it by the tool" if _truthy(row.get("alternate_shown")) else "not shown"
        lines.append(f"rival: {alternate}" + (f" ({rival}, used by {users})" if users else "") + f", {shown}")
    placement = str(row.get("placement", ""))
    meaning = PLACEMENT_STYLES.get(placement, _NEUTRAL)[2]
    lines.append(f"placement: {placement or '(none)'}: {meaning}")
    if row.get("why") not in (None, "", "source"):
        lines.append(f"form chosen because: {row.get('why')}")
    if row.get("proper_name"):
        lines.append(f"part of the proper name: {row.get('proper_name')}")
    if _truthy(row.get("quoted")):
        lines.append("in a quotation")
    if row.get("rendering"):
        lines.append(f"rendering: {row.get('rendering')}")
    if row.get("confidence") not in (None, ""):
        lines.append(f"confidence: {row.get('confidence')}")
    return "\n".join(lines)


def _classes(row: Mapping[str, Any]) -> str:
    placement = str(row.get("placement", ""))
    classes = ["place", f"p-{placement}" if placement in PLACEMENT_STYLES else "p-other"]
    if _truthy(row.get("quoted")):
        classes.append("quoted")
    if row.get("rendering") == "derived":
        classes.append("derived")
    if needs_review(row):
        classes.append("look")
    return " ".join(classes)


def _attr(value: Any) -> str:
    return escape(str(value), quote=True)


def _render_span(text: str, start: int, end: int, marks: list[_Mark], rows, side: str, doc: int,
                 gazetteer) -> str:
    """text[start:end] escaped, each of `marks` a <mark>; a mark that overlaps the one before is left empty."""
    out, at = [], start
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        row = rows[mark.row]
        note = mark.note
        if mark.start < at:  # overlaps the mark before: the row stays visible, without text
            name_start = name_end = stop = at
            note = note or "overlaps another name"
        elif mark.start > end:  # in the break after the paragraph: shown at its end
            name_start = name_end = stop = end
        else:
            name_start, name_end, stop = mark.start, mark.end, mark.rival_end or mark.end
        out.append(escape(text[at:name_start]))
        inner = escape(text[name_start:name_end])
        if stop > name_end:
            inner += f'<span class="rival">{escape(text[name_end:stop])}</span>'
        if name_start == name_end:
            inner = f'<span class="missing">{escape(note or "?")}</span>'
        title = _describe(row, gazetteer) + (f"\n{note}" if note else "")
        out.append(f'<mark class="{_classes(row)}" id="d{doc}-{side}-{mark.row}" data-doc="{doc}" '
                   f'data-row="{mark.row}" data-side="{side}" data-placement="{_attr(row.get("placement", ""))}" '
                   f'tabindex="0" title="{_attr(title)}">{inner}</mark>')
        at = max(at, stop)
    out.append(escape(text[at:end]))
    return "".join(out)


def _legend(rows: Sequence[Mapping[str, Any]]) -> str:
    counts: dict[str, int] = {}
    for row in rows:
        placement = str(row.get("placement", ""))
        counts[placement] = counts.get(placement, 0) + 1
    items = []
    for placement, (_, _, meaning) in PLACEMENT_STYLES.items():
        zero = "" if counts.get(placement) else ' class="zero"'
        items.append(f'<li{zero}><mark class="place p-{placement} swatch">{escape(placement)}</mark> '
                     f'<span class="count">{counts.get(placement, 0)}</span> {escape(meaning)}</li>')
    unknown = sorted(p for p in counts if p not in PLACEMENT_STYLES)
    if unknown:
        names = ", ".join(unknown)
        items.append(f'<li><mark class="place p-other swatch">{escape(names)}</mark> '
                     f'<span class="count">{sum(counts[p] for p in unknown)}</span> {escape(_NEUTRAL[2])}</li>')
    quoted = sum(_truthy(r.get("quoted")) for r in rows)
    derived = sum(r.get("rendering") == "derived" for r in rows)
    items.append(f'<li><mark class="place p-kept quoted swatch">quoted</mark> <span class="count">{quoted}</span> '
                 'dashed frame: in a quotation (the speaker’s own words)</li>')
    items.append(f'<li><mark class="place p-kept derived swatch">derived</mark> <span class="count">{derived}</span> '
                 'hatched: spelling derived by rule, not from the gazetteer</li>')
    items.append('<li><mark class="place p-kept swatch">Name<span class="rival"> (Rival)</span></mark> '
                 'the rival form the tool wrote beside the name is underlined with dots</li>')
    return '<ul class="legend">' + "".join(items) + "</ul>"


def _review_list(document: ReviewDocument, doc: int, source_marks, output_marks) -> str:
    items = []
    order = []
    for number, row in enumerate(document.rows):
        reasons = needs_review(row)
        if output_marks[number].note:
            reasons.insert(0, output_marks[number].note)
        if reasons:
            order.append((number, row, reasons))
    if not order:
        return '<p class="all-clear">Nothing needs a look first: every name was placed by the engine or rewritten in place.</p>'
    for number, row, reasons in order:
        items.append(
            f'<li><a href="#d{doc}-out-{number}" data-row="{number}">'
            f'<span class="what">{escape(str(row.get("source_text", "")))} → {escape(str(row.get("target_text", "")))}</span>'
            f'</a> <span class="why">{escape("; ".join(reasons))}</span> '
            f'<a class="src-link" href="#d{doc}-src-{number}">source</a></li>')
    return f'<ol class="to-check">{"".join(items)}</ol>'


def _document_html(document: ReviewDocument, doc: int, gazetteer) -> str:
    source_paragraphs = _paragraphs(document.source)
    output_paragraphs = _paragraphs(document.output)
    paired = len(source_paragraphs) == len(output_paragraphs)
    if not paired:  # the paragraphs do not line up: show each text whole, side by side
        source_paragraphs, output_paragraphs = [(0, len(document.source))], [(0, len(document.output))]
    source_marks = _source_marks(document)
    output_marks = _output_marks(document, source_paragraphs, output_paragraphs, paired)
    for mark in source_marks:
        if mark.start < 0:  # no source span: show the row at the end of the source
            mark.start = mark.end = len(document.source)
    rows = document.rows
    src_lang = document.source_lang or next((str(r["source_lang"]) for r in rows if r.get("source_lang")), "")
    tgt_lang = document.target_lang or next((str(r["target_lang"]) for r in rows if r.get("target_lang")), "")
    body = []
    source_by_paragraph = _by_paragraph(source_marks, source_paragraphs)
    output_by_paragraph = _by_paragraph(output_marks, output_paragraphs)
    for number, ((s0, s1), (t0, t1)) in enumerate(zip(source_paragraphs, output_paragraphs)):
        source_html = _render_span(document.source, s0, s1, source_by_paragraph[number], rows, "src", doc, gazetteer)
        output_html = _render_span(document.output, t0, t1, output_by_paragraph[number], rows, "out", doc, gazetteer)
        body.append(f'<div class="row"><div class="num">{number + 1}</div>'
                    f'<div class="text src" lang="{_attr(src_lang)}" dir="auto">{source_html}</div>'
                    f'<div class="text out" lang="{_attr(tgt_lang)}" dir="auto">{output_html}</div></div>')
    placements = ", ".join(f"{n} {p}" for p, n in _counts(rows).items()) or "no place named"
    notes = "".join(f"<p class='note'>{escape(n)}</p>" for n in document.notes)
    if not paired:
        notes += ("<p class='note'>The output does not have as many paragraphs as the source: "
                  "both are shown whole.</p>")
    return (f'<section class="document" id="d{doc}">'
            f'<h2>{escape(document.name)}</h2>'
            f'<p class="meta">{escape(src_lang or "?")} → {escape(tgt_lang or "?")}: '
            f'{len(rows)} place mention{"s" * (len(rows) != 1)} ({escape(placements)})</p>{notes}'
            f'<h3>Needs a human look first</h3>{_review_list(document, doc, source_marks, output_marks)}'
            f'<details class="legend-box" open><summary>Legend</summary>{_legend(rows)}</details>'
            f'<div class="pair"><div class="row head"><div class="num">¶</div>'
            f'<div>Source ({escape(src_lang or "?")})</div><div>Output ({escape(tgt_lang or "?")})</div></div>'
            f'{"".join(body)}</div></section>')


def _counts(rows) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[str(row.get("placement", ""))] = counts.get(str(row.get("placement", "")), 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def _css() -> str:
    colours = "".join(
        f".p-{name}{{background:{bg};border-bottom-color:{border}}}"
        f".legend .p-{name}.swatch{{outline-color:{border}}}"
        for name, (bg, border, _) in PLACEMENT_STYLES.items())
    return _CSS + colours + f".p-other{{background:{_NEUTRAL[0]};border-bottom-color:{_NEUTRAL[1]}}}"


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;
 color:#1d1d1f;background:#fafafa}
header{padding:14px 24px;background:#263238;color:#fff}
header h1{margin:0;font-size:20px;font-weight:600}
header p{margin:4px 0 0;color:#cfd8dc;font-size:13px}
main{padding:8px 24px 80px;max-width:1500px;margin:0 auto}
h2{font-size:17px;margin:22px 0 2px;word-break:break-all}
h3{font-size:15px;margin:14px 0 6px}
.meta,.note{margin:2px 0;color:#555;font-size:13px}
.to-check{margin:0 0 8px;padding-left:28px;font-size:14px}
.to-check li{margin:2px 0}
.to-check .why{color:#5d4037}
.to-check .src-link{font-size:12px;color:#555}
.all-clear{color:#2e7d32;font-size:14px}
.legend-box summary{cursor:pointer;font-weight:600;font-size:14px;margin:8px 0}
.legend{list-style:none;padding:0;margin:0 0 8px;display:flex;flex-wrap:wrap;gap:4px 18px;font-size:13px}
.legend li{display:flex;align-items:baseline;gap:6px}
.legend li.zero{opacity:.55}
.legend .count{font-variant-numeric:tabular-nums;font-weight:600;min-width:1.5em;text-align:right}
.pair{border:1px solid #ddd;border-radius:6px;background:#fff;margin-top:10px}
.row{display:grid;grid-template-columns:2.6em 1fr 1fr;border-top:1px solid #eee}
.row:first-child{border-top:0}
.row.head{font-weight:600;background:#f1f3f4;font-size:13px;color:#333;position:sticky;top:0;z-index:2}
.row>div{padding:8px 12px}
.row .num{color:#999;font-size:12px;text-align:right;padding-right:4px}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.text.src{border-right:1px solid #eee}
mark.place{color:inherit;border-bottom:3px solid;border-radius:3px;padding:0 2px;cursor:help}
mark.place:focus{outline:2px solid #000;outline-offset:1px}
mark.place.on{outline:2px solid #000;outline-offset:1px;box-shadow:0 0 0 4px #fff59d}
mark.place.quoted{border:2px dashed #37474f;border-bottom-width:3px}
mark.place.derived{background-image:repeating-linear-gradient(135deg,transparent 0 4px,#b0002033 4px 7px)}
mark.place .rival{text-decoration:underline dotted #333;text-underline-offset:3px}
mark.place .missing{font-style:italic;font-size:12px;color:#b71c1c}
mark.place.look{font-weight:600}
.legend mark.swatch{cursor:default;font-weight:400}
#details{position:fixed;right:16px;bottom:16px;max-width:440px;background:#263238;color:#fff;
 padding:10px 14px;border-radius:6px;font-size:13px;white-space:pre-line;box-shadow:0 2px 10px #0005;display:none}
#details.shown{display:block}
@media (max-width:800px){.row{grid-template-columns:1.8em 1fr}.row .out{grid-column:2}}
@media print{#details{display:none}.row.head{position:static}}
"""

# Reads only the page's own data attributes: no data is ever put into the script.
_SCRIPT = """
(function(){
  var details=document.getElementById('details');
  function partners(mark){
    return document.querySelectorAll('mark.place[data-doc="'+mark.dataset.doc+'"][data-row="'+mark.dataset.row+'"]');
  }
  function show(mark,on){
    partners(mark).forEach(function(m){m.classList.toggle('on',on);});
    if(on){details.textContent=mark.getAttribute('title');details.classList.add('shown');}
    else{details.classList.remove('shown');}
  }
  document.querySelectorAll('main mark.place[data-row]').forEach(function(mark){
    mark.addEventListener('mouseenter',function(){show(mark,true);});
    mark.addEventListener('mouseleave',function(){show(mark,false);});
    mark.addEventListener('focus',function(){show(mark,true);});
    mark.addEventListener('blur',function(){show(mark,false);});
  });
  document.querySelectorAll('.to-check a[href^="#"]').forEach(function(link){
    link.addEventListener('click',function(){
      var target=document.getElementById(link.getAttribute('href').slice(1));
      if(target){setTimeout(function(){target.focus();},0);}
    });
  });
  document.documentElement.dataset.ready='1';
})();
"""


def review_page(documents: Sequence[ReviewDocument], gazetteer=None, title: str | None = None) -> str:
    """One self-contained HTML page reviewing `documents` (see the module docstring).

    `gazetteer` (optional) says who uses each form on hover.
    """
    documents = list(documents)
    if title is None:
        title = "Review: " + (documents[0].name if len(documents) == 1 else f"{len(documents)} documents")
    rows = sum(len(d.rows) for d in documents)
    to_check = sum(1 for d in documents for r in d.rows if needs_review(r))
    sections = "".join(_document_html(d, n, gazetteer) for n, d in enumerate(documents))
    policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"generator\" content=\"toponyms\">"
        f"<title>{escape(title)}</title><style>{_css()}</style></head><body>"
        f"<header><h1>{escape(title)}</h1><p>{rows} place mention{'s' * (rows != 1)}, "
        f"{to_check} to check first. Hover or focus a name for both forms and who uses them; "
        "the same name lights up on both sides.</p></header>"
        f"<main>{sections}</main>"
        "<div id=\"details\" role=\"status\" aria-live=\"polite\"></div>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )

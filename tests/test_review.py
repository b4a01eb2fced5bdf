"""The review page (`--review`): real articles translated en->es through Apertium, opened in headless Chromium.

The page is checked as a browser sees it after its script ran (`--dump-dom`):
every record row has its highlight on both sides, no request can leave the
page, and text or names holding markup come out inert. A screenshot is taken
too (set TOPONYMS_REVIEW_SHOTS=DIR to keep them and look at them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from toponyms.review import ReviewDocument, needs_review, review_page

SEED = Path(__file__).resolve().parent.parent / "seeds" / "karabakh-2020-10-04.txt"

# Written for this test in the style of a wire report: a gloss, a quotation, plain mentions.
GLOSS_AND_QUOTE = """Shusha, or Shushi as Armenians know it, overlooks Stepanakert.

"Today our army entered Shusha," the president of Azerbaijan said in a televised address.

Fighting went on near Madagiz and in the Lachin corridor, the only road to Armenia.
"""

APERTIUM = shutil.which("apertium") is not None
CHROMIUM = shutil.which("chromium")
needs_apertium = pytest.mark.skipif(not APERTIUM, reason="Apertium is not installed (make system-deps)")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian package `chromium`; .ci/run installs it)")


class _Marks(HTMLParser):
    """The <mark>s, <script>s and every attribute value of a page."""

    def __init__(self):
        super().__init__()
        self.marks: list[dict] = []
        self.scripts = 0
        self.attributes: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.tags.add(tag)
        self.attributes.extend(v for v in values.values() if v)
        if tag == "mark" and "data-row" in values:
            self.marks.append(values)
        if tag == "script":
            self.scripts += 1


def parse(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


def chromium(page: Path, tmp_path: Path, shot: str) -> str:
    """The DOM of `page` after its scripts ran, and a screenshot of it (kept under $TOPONYMS_REVIEW_SHOTS)."""
    common = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run",
              f"--user-data-dir={tmp_path / 'chromium-profile'}"]
    url = page.resolve().as_uri()
    dom = subprocess.run([*common, "--dump-dom", url], capture_output=True, text=True, timeout=180)
    assert dom.returncode == 0, dom.stderr[-2000:]
    png = Path(os.environ.get("TOPONYMS_REVIEW_SHOTS") or tmp_path) / f"{shot}.png"
    png.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([*common, "--window-size=1400,1800", "--hide-scrollbars", f"--screenshot={png}", url],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0 and png.stat().st_size > 10_000, done.stderr[-2000:]
    return dom.stdout


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_every_row_highlighted(dom: str, rows: list[dict], doc: int = 0) -> _Marks:
    """Each row has one mark on each side, carrying its index and placement; no mark without a row."""
    page = parse(dom)
    marks = [m for m in page.marks if m.get("data-doc") == str(doc)]
    for side in ("src", "out"):
        on_side = {int(m["data-row"]): m for m in marks if m["data-side"] == side}
        assert sorted(on_side) == list(range(len(rows))), side
        for number, row in enumerate(rows):
            assert on_side[number]["data-placement"] == row["placement"]
            assert on_side[number]["id"] == f"d{doc}-{side}-{number}"
    return page


def assert_offline(dom: str, page: _Marks) -> None:
    """Nothing in the page can make a request: no URL anywhere, no element that loads one."""
    assert "http://" not in dom and "https://" not in dom
    assert not any(value.startswith(("//", "http:", "https:")) for value in page.attributes)
    assert not page.tags & {"img", "link", "iframe", "object", "embed", "video", "audio", "source"}
    assert "default-src 'none'" in dom  # the Content-Security-Policy forbids requests anyway
    assert page.scripts == 1  # our own, inline


# ---------------------------------------------------------------- through the CLI, in a browser


@needs_apertium
@needs_chromium
def test_seed_article_every_row_highlighted_on_both_sides(run, tmp_path):
    page, record = tmp_path / "karabakh.html", tmp_path / "names.jsonl"
    result = run("translate", str(SEED), "--from", "en", "--to", "es", "--engine", "apertium",
                 "--record", str(record), "--review", str(page), "-o", str(tmp_path / "out.es.txt"), "-q")
    assert result.exit_code == 0, result.stderr
    rows = rows_of(record)
    assert len(rows) >= 30
    dom = chromium(page, tmp_path, "seed")
    assert 'data-ready="1"' in dom  # the page's script ran
    marks = assert_every_row_highlighted(dom, rows)
    assert_offline(dom, marks)
    # The highlight on the output side holds what the record says was written there.
    output = (tmp_path / "out.es.txt").read_text(encoding="utf-8")
    by_row = {int(m["data-row"]): m for m in marks.marks if m["data-side"] == "out"}
    for number, row in enumerate(rows):
        assert output[row["target_start"]:row["target_end"]] == row["target_text"]
        assert row["target_text"] in by_row[number]["title"]
        assert row["source_form"] in by_row[number]["title"]
    # Who uses each form is on hover: Madagiz (Soviet, Azerbaijani before 2020...) and its rival shown beside it.
    madagiz = next(m for m in marks.marks if m["data-side"] == "out" and "Sugovushan" in m["title"])
    assert "used by soviet, azerbaijani" in madagiz["title"]
    assert "rival: Sugovushan" in madagiz["title"]


@needs_apertium
@needs_chromium
def test_gloss_and_quotation_article(run, tmp_path):
    (tmp_path / "shusha.txt").write_text(GLOSS_AND_QUOTE, encoding="utf-8")
    page, record = tmp_path / "shusha.html", tmp_path / "shusha.jsonl"
    result = run("translate", str(tmp_path / "shusha.txt"), "--from", "en", "--to", "es", "--engine", "apertium",
                 "--convention", "armenian", "--record", str(record), "--review", str(page), "-q")
    assert result.exit_code == 0, result.stderr
    rows = rows_of(record)
    assert {"shusha", "khankendi", "sugovushan", "lachin_corridor", "armenia", "azerbaijan"} <= {r["id"] for r in rows}
    dom = chromium(page, tmp_path, "gloss-quote")
    marks = assert_every_row_highlighted(dom, rows)
    assert_offline(dom, marks)
    # Three paragraphs on each side, side by side.
    assert dom.count('class="row"') == 3
    # What the record flags (glosses, quotations, derived spellings...) is listed first, linking to its place.
    flagged = [n for n, row in enumerate(rows) if needs_review(row)]
    for number in flagged:
        assert f'href="#d0-out-{number}"' in dom


@needs_chromium
def test_markup_in_text_and_names_is_inert(run, tmp_path):
    """A document that holds markup, normalised with a review page: the browser shows it as text."""
    hostile = ('<script>document.title="owned"</script> Stepanakert <img src=x onerror="alert(1)">\n\n'
               'Shusha "><b>bold</b> & Madagiz\n')
    (tmp_path / "hostile.txt").write_text(hostile, encoding="utf-8")
    page, record = tmp_path / "hostile.html", tmp_path / "hostile.jsonl"
    result = run("normalise", str(tmp_path / "hostile.txt"), "--lang", "en", "--format", "txt",
                 "--convention", "azerbaijani", "--record", str(record), "--review", str(page), "-q")
    assert result.exit_code == 0, result.stderr
    rows = rows_of(record)
    dom = chromium(page, tmp_path, "hostile")
    marks = assert_every_row_highlighted(dom, rows)
    assert marks.scripts == 1 and "img" not in marks.tags and "b" not in marks.tags
    assert "owned" not in dom.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;document.title" in dom


# ---------------------------------------------------------------- the command line


@needs_apertium
def test_review_refuses_to_overwrite(run, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("mine", encoding="utf-8")
    result = run("translate", str(SEED), "--from", "en", "--to", "es", "--engine", "apertium", "--review", str(page))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {page}: already exists; pass --force to overwrite it\n"
    assert result.stdout == ""
    assert page.read_text(encoding="utf-8") == "mine"
    result = run("translate", str(SEED), "--from", "en", "--to", "es", "--engine", "apertium", "--review", str(page),
                 "--force", "-q")
    assert result.exit_code == 0, result.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_review_path_must_be_html_in_an_existing_directory(run, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Stepanakert.\n", encoding="utf-8")
    result = run("normalise", str(text), "--lang", "en", "--review", str(tmp_path / "page.txt"))
    assert (result.exit_code, result.stderr) == (2, f"Error: {tmp_path / 'page.txt'}: a review page is written as .html\n")
    missing = tmp_path / "nowhere" / "page.html"
    result = run("normalise", str(text), "--lang", "en", "--review", str(missing))
    assert (result.exit_code, result.stderr) == (2, f"Error: {missing}: directory {missing.parent} does not exist\n")


def test_out_dir_writes_one_page_per_input(run, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "apa").mkdir(parents=True)
    (corpus / "apa" / "a.txt").write_text("Xankəndi və Şuşa.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Степанакерт и Шуши.\n", encoding="utf-8")
    out, pages = tmp_path / "out", tmp_path / "pages"
    result = run("normalise", str(corpus), "--out-dir", str(out), "--lang", "auto", "--convention", "armenian",
                 "-q", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    # Pages asked for later: the up-to-date inputs are redone for them.
    result = run("normalise", str(corpus), "--out-dir", str(out), "--lang", "auto", "--convention", "armenian",
                 "--review", str(pages), "-q", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(pages).as_posix() for p in pages.rglob("*.html")) == ["apa/a.txt.html", "b.txt.html"]
    page = parse((pages / "apa" / "a.txt.html").read_text(encoding="utf-8"))
    assert {m["data-row"] for m in page.marks} == {"0", "1"}
    assert {m["data-side"] for m in page.marks} == {"src", "out"}
    inside = run("normalise", str(corpus), "--out-dir", str(out), "--lang", "auto", "--review", str(corpus / "pages"))
    assert (inside.exit_code, inside.stderr) == (
        2, f"Error: {corpus / 'pages'}: inside the input directory {corpus}: its pages would be read as inputs next time\n")
    assert not (corpus / "pages").exists()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run("normalise", str(corpus), "--out-dir", str(out), "--lang", "auto", "--review", str(tmp_path / "file"))
    assert (result.exit_code, result.stderr) == (
        2, f"Error: {tmp_path / 'file'}: with --out-dir, --review names a directory (one page per input)\n")


def test_jsonl_input_gives_one_page_with_a_section_per_line(run, tmp_path):
    lines = [{"id": 1, "text": "Stepanakert."}, {"id": 2, "text": "No place here."}, {"id": 3, "text": "Shusha and Shushi."}]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines),
                                         encoding="utf-8")
    page = tmp_path / "news.html"
    result = run("normalise", str(tmp_path / "news.jsonl"), "--jsonl", "--lang", "en", "--review", str(page), "-q")
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.count('<section class="document"') == 3
    marks = parse(html).marks
    assert sorted((m["data-doc"], m["data-row"], m["data-side"]) for m in marks) == [
        ("0", "0", "out"), ("0", "0", "src"), ("2", "0", "out"), ("2", "0", "src"), ("2", "1", "out"), ("2", "1", "src")]


# ---------------------------------------------------------------- the library


def _row(**values) -> dict:
    base = {"id": "sugovushan", "source_form": "madagiz", "target_form": "madagiz", "alternate_text": None,
            "alternate_shown": False, "source_lang": "en", "target_lang": "es"}
    return {**base, **values}


def test_placements_the_page_does_not_know_get_a_neutral_colour_and_a_look(gazetteer, tmp_path):
    """Rows as the naming policy writes them (gloss, quoted, derived, confidence) and values yet to come."""
    source = 'Shusha, or Shushi as Armenians know it.\n\n"We took Shusha," he said near Madagiz.\n'
    output = 'Shusha, o Shushi como lo conocen los armenios.\n\n"Tomamos Shusha", dijo cerca de. [Madagiz (Sugovushan)]\n'
    rows = [
        _row(id="shusha", source_form="shusha", target_form="shusha", source_text="Shusha", source_start=0,
             source_end=6, target_text="Shusha", target_start=0, target_end=6, placement="gloss"),
        _row(id="shusha", source_form="shushi", target_form="shushi", source_text="Shushi", source_start=11,
             source_end=17, target_text="Shushi", target_start=10, target_end=16, placement="gloss",
             rendering="derived"),
        _row(id="shusha", source_form="shusha", target_form="shusha", source_text="Shusha", source_start=50,
             source_end=56, target_text="Shusha", target_start=57, target_end=63, placement="kept", quoted=True,
             confidence=0.4),
        _row(source_text="Madagiz", source_start=72, source_end=79, target_text="Madagiz", target_start=None,
             target_end=None, placement="inserted", alternate_text="Sugovushan", alternate_shown=True),
        _row(source_text="Madagiz", source_start=72, source_end=79, target_text="Madagiz", target_start=None,
             target_end=None, placement="teleported"),
    ]
    assert source[50:56] == "Shusha" and output[57:63] == "Shusha" and source[72:79] == "Madagiz"
    html = review_page([ReviewDocument("shusha.txt", source, output, rows)], gazetteer)
    page = parse(html)
    placements = {(m["data-side"], m["data-row"]): m for m in page.marks}
    assert len(placements) == 10
    assert "p-other" in placements[("out", "4")]["class"] and "p-other" in placements[("src", "4")]["class"]
    assert "quoted" in placements[("out", "2")]["class"] and "derived" in placements[("out", "1")]["class"]
    # The inserted name is found in brackets in its own paragraph, rival included.
    assert '[Madagiz<span class="rival">' not in html
    assert f'id="d0-out-3"' in html and ">[Madagiz (Sugovushan)]</mark>" in html
    # The row that could not be placed is still shown, at the end of its paragraph, and listed first.
    assert "not found in the output" in placements[("out", "4")]["title"]
    listed = html.split('<ol class="to-check">')[1].split("</ol>")[0]
    assert [int(n) for n in re.findall(r'href="#d0-out-(\d+)"', listed)] == [0, 1, 2, 3, 4]
    assert "low-confidence match (0.40)" in listed and "teleported" in listed
    # Who uses each form, from the gazetteer.
    assert "shushi, used by armenian" in placements[("src", "1")]["title"]
    if CHROMIUM:  # and so does the browser
        (tmp_path / "flags.html").write_text(html, encoding="utf-8")
        dom = chromium(tmp_path / "flags.html", tmp_path, "flags")
        assert_offline(dom, assert_every_row_highlighted(dom, rows))


def test_names_with_markup_are_escaped_everywhere():
    evil = '"><script>alert(1)</script>'
    row = _row(id=evil, source_form=evil, target_form=evil, source_text="X", source_start=0, source_end=1,
               target_text=evil, target_start=0, target_end=1, placement=evil, quoted="true", confidence="high")
    html = review_page([ReviewDocument(evil, "X " + evil, "X " + evil, [row], evil, evil)], title=evil)
    assert "<script>alert" not in html
    assert html.count("<script>") == 1


def test_html_source_with_character_references_is_highlighted_on_the_names(run, tmp_path):
    """The record of an HTML document counts "&amp;" as one character; the page still marks the names."""
    article = ("<html><body><h1>Shelling of Stepanakert</h1>\n\n"
               "<p>Fighting near <b>Madagiz</b> &amp; Shusha &lt;again&gt;, &quot;Lachin&quot;.</p></body></html>\n")
    (tmp_path / "a.html").write_text(article, encoding="utf-8")
    page, record = tmp_path / "a.review.html", tmp_path / "a.jsonl"
    result = run("normalise", str(tmp_path / "a.html"), "--lang", "en", "--convention", "armenian",
                 "--record", str(record), "--review", str(page), "-o", str(tmp_path / "out.html"), "-q")
    assert result.exit_code == 0, result.stderr
    rows = rows_of(record)
    assert [r["source_text"] for r in rows] == ["Stepanakert", "Madagiz", "Shusha", "Lachin"]
    html = page.read_text(encoding="utf-8")
    marked = dict(re.findall(r'<mark [^>]*data-row="(\d+)" data-side="src"[^>]*>([^<]*)</mark>', html))
    assert [marked[str(n)] for n in range(len(rows))] == [r["source_text"] for r in rows]
    written = re.findall(r'<mark [^>]*data-side="out"[^>]*>([^<]*)', html)
    assert written == [r["target_text"] for r in rows]


def test_only_the_inputs_whose_page_is_missing_are_redone(run, tmp_path):
    """A thousand-article out-dir whose one page was deleted redoes one input, not a thousand."""
    corpus, out, pages = tmp_path / "corpus", tmp_path / "out", tmp_path / "pages"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Xankəndi və Şuşa.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Степанакерт и Шуши.\n", encoding="utf-8")
    args = ("normalise", str(corpus), "--out-dir", str(out), "--lang", "auto", "--convention", "armenian",
            "--review", str(pages), "--jobs", "1")
    assert run(*args).exit_code == 0
    (pages / "a.txt.html").unlink()
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert "2 inputs: 1 done, 1 up to date, 0 failed" in result.stderr
    assert (pages / "a.txt.html").exists()

"""`toponyms report`: counts of each rival form per place, per source, as a table, CSV, JSON and chart.

Every test counts a real corpus written here (sentences in Azerbaijani,
English and Russian naming places in their rival forms, in per-outlet
folders and as a JSON Lines file with an `outlet` field) or real records
written by `toponyms normalise --record`; the expected counts are by hand.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from toponyms.translate.report import Document, ReportError, count_corpus, count_records, render_table, tally, write_chart

# One file per document, in one folder per outlet. Names found (place: form x mentions):
CORPUS = {
    "apa.az/a1.txt": "Ordu Suqovuşanı azad etdi. Xankəndi yaxınlığında döyüşlər gedir.\n",
    # sugovushan: sugovushan; khankendi: khankendi
    "apa.az/a2.txt": "Şuşa şəhəri azad edildi. Suqovuşan kəndində sakitlikdir. Xankəndidə sakitlik.\n",
    # shusha: shusha; sugovushan: sugovushan; khankendi: khankendi
    "armenpress/b1.txt": "Fighting continued near Mataghis and Stepanakert. Stepanakert was shelled again.\n",
    # sugovushan: mataghis; khankendi: stepanakert x2
    "armenpress/b2.md": "# Shushi\n\nThe cathedral in Shushi was hit.\n\n[map](https://example.org/Stepanakert)\n",
    # shusha: shushi x2 (the link target is not text)
    "tass/c1.txt": "Бои шли у Мадагиза. В Степанакерте слышны взрывы. Ханкенди.\n",
    # sugovushan: madagiz; khankendi: stepanakert, khankendi
    "tass/c2.html": '<html><body><p>Мадагиз и Степанакерт</p><a href="/Шуша">В Шуше идут бои.</a></body></html>\n',
    # sugovushan: madagiz; khankendi: stepanakert; shusha: shusha (not the href)
    "tass/c3.txt": "Погода сегодня хорошая.\n",  # no place
    ".cache/skip.txt": "Stepanakert Stepanakert Stepanakert\n",  # hidden: not read
    "notes.json": '{"Stepanakert": 1}\n',  # not a record or text file: not read
}

# The same places in a JSON Lines corpus, one document a line, with an `outlet` field.
NEWS = [
    {"outlet": "apa.az", "title": "t1", "text": "Suqovuşan və Xankəndi."},
    {"outlet": "apa.az", "title": "t2", "text": "Şuşa.\u2028\u0085Sakitlik."},  # line separators in a string
    {"outlet": "armenpress", "title": "t3", "text": "Mataghis, Stepanakert and Shushi."},
    {"outlet": "tass", "title": "t4", "text": "Мадагиз и Степанакерт. Мадагиз."},
    {"title": "t5", "text": "Madagiz."},
]

ARTICLE = "Fighting near Madagiz and Stepanakert. Sugovushan was taken.\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, text in CORPUS.items():
        path = tmp_path / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "news.jsonl").write_text(
        "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in NEWS[:3]) + "\n"
        + "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in NEWS[3:]), encoding="utf-8")
    return tmp_path


@pytest.fixture
def records(corpus, run):
    """Real record files, JSON Lines and CSV, of one English article normalised by the CLI."""
    Path("en").mkdir()
    Path("en/article.txt").write_text(ARTICLE, encoding="utf-8")
    for record in ("rec.jsonl", "rec.csv"):
        result = run("normalise", "en/article.txt", "--lang", "en", "--record", record, "-q", "-o", f"out-{record}.txt")
        assert result.exit_code == 0, result.stderr
    return corpus


def table(text: str) -> dict:
    """The table's rows as {(place, form): (mentions, documents)} (or (place, source, form) with --by)."""
    lines = text.splitlines()
    header = lines[2]
    with_source = "source" in header.split()
    counts, place, source = {}, None, None
    for line in lines[3:]:
        cells = [c for c in line.split("  ") if c.strip()]
        cells = [c.strip() for c in cells]
        if line[0] != " ":
            place = cells.pop(0)
        if with_source and "(all forms)" in cells and cells[0] != "(all forms)":
            source = cells.pop(0)
        form = cells[0]
        numbers = [c for c in cells if c.isdigit()]
        key = (place, source, form) if with_source else (place, form)
        counts[key] = tuple(int(n) for n in numbers[:2])
    return counts


# ---------------------------------------------------------------- the corpus on disk


def test_table_counts_each_rival_form_per_place(corpus, run):
    result = run("report", "corpus")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "3 places named 16 times in 6 of 7 documents"
    # Places and forms by their English names (--lang en, the default), not their ids.
    assert table(result.stdout) == {
        ("Khankendi", "(all forms)"): (7, 5),
        ("Khankendi", "Stepanakert"): (4, 3),
        ("Khankendi", "Khankendi"): (3, 3),
        ("Sugovushan", "(all forms)"): (5, 5),
        ("Sugovushan", "Madagiz"): (2, 2),
        ("Sugovushan", "Sugovushan"): (2, 2),
        ("Sugovushan", "Mataghis"): (1, 1),
        ("Shusha", "(all forms)"): (4, 3),
        ("Shusha", "Shusha"): (2, 2),
        ("Shusha", "Shushi"): (2, 1),
    }
    # Places most mentioned first, forms in gazetteer order, each with who uses it and its share.
    places = [line.split()[0] for line in lines[3:] if not line.startswith(" ")]
    assert places == ["Khankendi", "Sugovushan", "Shusha"]
    madagiz = next(line for line in lines if " Madagiz " in line)
    assert "soviet, azerbaijani, russian_media, international" in madagiz and madagiz.endswith("40%")
    assert [line.split()[0] for line in lines if line.startswith(" ") and "%" in line][:3] == \
        ["Stepanakert", "Khankendi", "Madagiz"]
    # Aligned: the mentions column ends at the same place on every line.
    header = lines[2]
    end = header.index("mentions") + len("mentions")
    assert all(line[end - 1].isdigit() for line in lines[3:])


def test_by_dir_counts_per_outlet_folder(corpus, run):
    result = run("report", "corpus", "--by", "dir")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "3 places named 16 times in 6 of 7 documents; by dir: apa.az 2, armenpress 2, tass 3")
    counts = table(result.stdout)
    assert counts[("Sugovushan", "apa.az", "Sugovushan")] == (2, 2)
    assert counts[("Sugovushan", "armenpress", "Mataghis")] == (1, 1)
    assert counts[("Sugovushan", "tass", "Madagiz")] == (2, 2)
    assert counts[("Khankendi", "armenpress", "Stepanakert")] == (2, 1)
    assert counts[("Khankendi", "tass", "Stepanakert")] == (2, 2)
    assert counts[("Khankendi", "tass", "Khankendi")] == (1, 1)
    assert counts[("Shusha", "armenpress", "Shushi")] == (2, 1)
    assert ("Sugovushan", "apa.az", "Madagiz") not in counts  # not seen: no row
    assert len(counts) == 19  # 9 (all forms) rows (3 places in 3 outlets) and 10 form rows


def test_csv_rows_per_place_form_and_source(corpus, run):
    result = run("report", "corpus", "--by", "dir", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["place", "place_name", "form", "form_name", "used_by", "source", "mentions", "documents"]
    assert len(rows) == 10
    got = {(r["place"], r["form"], r["source"]): (int(r["mentions"]), int(r["documents"])) for r in rows}
    assert got[("khankendi", "stepanakert", "armenpress")] == (2, 1)
    assert got[("shusha", "shusha", "tass")] == (1, 1)
    assert (rows[0]["place"], rows[0]["source"], rows[0]["form"]) == ("khankendi", "apa.az", "khankendi")
    assert (rows[0]["place_name"], rows[0]["form_name"]) == ("Khankendi", "Khankendi")
    assert rows[0]["used_by"] == "azerbaijani turkish_media historical"
    # Without --by there is no source column, and one row per place and form.
    plain = list(csv.DictReader(io.StringIO(run("report", "corpus", "--format", "csv").stdout)))
    assert [(r["place"], r["form"], r["mentions"], r["documents"]) for r in plain] == [
        ("khankendi", "stepanakert", "4", "3"), ("khankendi", "khankendi", "3", "3"),
        ("sugovushan", "madagiz", "2", "2"), ("sugovushan", "sugovushan", "2", "2"),
        ("sugovushan", "mataghis", "1", "1"), ("shusha", "shusha", "2", "2"), ("shusha", "shushi", "2", "1"),
    ]
    assert "source" not in plain[0]


def test_json_nests_forms_and_sources(corpus, run):
    result = run("report", "corpus", "--by", "dir", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["by"], data["documents"], data["naming"], data["mentions"]) == ("dir", 7, 6, 16)
    assert data["sources"] == [
        {"source": "apa.az", "documents": 2, "mentions": 5},
        {"source": "armenpress", "documents": 2, "mentions": 5},
        {"source": "tass", "documents": 3, "mentions": 6},
    ]
    sugovushan = next(p for p in data["places"] if p["id"] == "sugovushan")
    assert (sugovushan["mentions"], sugovushan["documents"]) == (5, 5)
    assert [(f["form"], f["used_by"], f["mentions"], f["documents"]) for f in sugovushan["forms"]] == [
        ("madagiz", ["soviet", "azerbaijani", "russian_media", "international"], 2, 2),
        ("sugovushan", ["azerbaijani"], 2, 2),
        ("mataghis", ["armenian"], 1, 1),
    ]
    assert sugovushan["forms"][0]["sources"] == [{"source": "tass", "mentions": 2, "documents": 2}]
    assert sugovushan["sources"] == [
        {"source": "apa.az", "mentions": 2, "documents": 2},
        {"source": "armenpress", "mentions": 1, "documents": 1},
        {"source": "tass", "mentions": 2, "documents": 2},
    ]


def test_glob_and_files_named_directly(corpus, run):
    only_txt = json.loads(run("report", "corpus", "--glob", "*.txt", "--format", "json").stdout)
    assert (only_txt["documents"], only_txt["mentions"]) == (5, 11)  # not b2.md, c2.html
    tass = json.loads(run("report", "corpus", "--glob", "tass/*", "--format", "json").stdout)
    assert tass["documents"] == 3
    named = run("report", "corpus/tass/c1.txt", "corpus/armenpress/b1.txt", "--by", "dir", "--format", "csv")
    sources = {r["source"] for r in csv.DictReader(io.StringIO(named.stdout))}
    assert sources == {"corpus/tass", "corpus/armenpress"}


def test_top_keeps_the_most_mentioned_places(corpus, run):
    result = run("report", "corpus", "--top", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "1 place named 7 times in 6 of 7 documents (2 less mentioned left out)"
    assert {key[0] for key in table(result.stdout)} == {"Khankendi"}


# ---------------------------------------------------------------- a JSON Lines corpus


def test_jsonl_corpus_by_outlet_field(corpus, run):
    result = run("report", "news.jsonl", "--by", "outlet", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["documents"], data["mentions"]) == (5, 10)
    assert [(s["source"], s["documents"], s["mentions"]) for s in data["sources"]] == [
        ("apa.az", 2, 3), ("armenpress", 1, 3), ("tass", 1, 3), ("(no outlet)", 1, 1)]
    sugovushan = next(p for p in data["places"] if p["id"] == "sugovushan")
    assert {f["form"]: (f["mentions"], f["documents"]) for f in sugovushan["forms"]} == {
        "madagiz": (3, 2), "sugovushan": (1, 1), "mataghis": (1, 1)}
    madagiz = sugovushan["forms"][0]
    assert madagiz["sources"] == [{"source": "tass", "mentions": 2, "documents": 1},
                                  {"source": "(no outlet)", "mentions": 1, "documents": 1}]
    by_title = json.loads(run("report", "news.jsonl", "--by", "title", "--format", "json").stdout)
    assert [s["source"] for s in by_title["sources"]] == ["t1", "t2", "t3", "t4", "t5"]


def test_jsonl_text_field_and_forced_modes(corpus, run):
    Path("other.jsonl").write_text(json.dumps({"body": "Stepanakert.", "outlet": "x"}) + "\n", encoding="utf-8")
    result = run("report", "other.jsonl", "--text-field", "body", "--by", "outlet", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert [(r["place"], r["form"], r["source"], r["mentions"]) for r in csv.DictReader(io.StringIO(result.stdout))] \
        == [("khankendi", "stepanakert", "x", "1")]
    missing = run("report", "other.jsonl")
    assert missing.exit_code == 1
    assert missing.stderr == ("Error: other.jsonl:1: no 'text' field (fields: body, outlet; --text-field names "
                              "the text, --records reads record rows)\n")
    forced = run("report", "news.jsonl", "--records")
    assert forced.exit_code == 1
    assert forced.stderr == "Error: news.jsonl:1: not a record row: no doc, id, source_form\n"
    both = run("report", "news.jsonl", "--records", "--jsonl")
    assert both.exit_code == 2 and "not both" in both.stderr


def test_standard_input_as_a_corpus(corpus, run):
    lines = Path("news.jsonl").read_text(encoding="utf-8")
    result = run("report", "--jsonl", "--format", "json", input=lines)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["mentions"] == 10
    # Detected by content too: these lines have no "source_form".
    assert json.loads(run("report", "-", "--format", "json", input=lines).stdout)["mentions"] == 10


# ---------------------------------------------------------------- records from `toponyms normalise --record`


def test_records_written_by_normalise(records, run):
    result = run("report", "rec.jsonl", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = [(r["place"], r["form"], r["mentions"], r["documents"]) for r in csv.DictReader(io.StringIO(result.stdout))]
    assert rows == [("sugovushan", "madagiz", "1", "1"), ("sugovushan", "sugovushan", "1", "1"),
                    ("khankendi", "stepanakert", "1", "1")]
    assert run("report", "rec.csv", "--format", "csv").stdout == result.stdout
    # The same document's mentions in two record files (JSON Lines and CSV) count once.
    assert run("report", "rec.jsonl", "rec.csv", "--format", "csv").stdout == result.stdout
    # A record stream on standard input.
    piped = run("report", "--format", "csv", input=Path("rec.jsonl").read_text(encoding="utf-8"))
    assert piped.exit_code == 0, piped.stderr
    assert piped.stdout == result.stdout
    # --by dir: the folder of the document the record names; --by a record column.
    by_dir = list(csv.DictReader(io.StringIO(run("report", "rec.jsonl", "--by", "dir", "--format", "csv").stdout)))
    assert {r["source"] for r in by_dir} == {"en"}
    by_lang = list(csv.DictReader(io.StringIO(run("report", "rec.csv", "--by", "source_lang", "--format", "csv").stdout)))
    assert {r["source"] for r in by_lang} == {"en"}


def test_records_with_fields_and_a_corpus_together(records, run):
    rows = [json.loads(line) for line in Path("rec.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {"doc", "id", "source_form"} <= set(rows[0])
    Path("fielded.jsonl").write_text(
        "".join(json.dumps({**row, "fields": {"outlet": "reuters"}}) + "\n" for row in rows), encoding="utf-8")
    result = run("report", "fielded.jsonl", "news.jsonl", "--by", "outlet", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(s["source"], s["documents"], s["mentions"]) for s in data["sources"]] == [
        ("apa.az", 2, 3), ("armenpress", 1, 3), ("reuters", 1, 3), ("tass", 1, 3), ("(no outlet)", 1, 1)]
    assert (data["documents"], data["mentions"]) == (6, 13)


def test_records_of_a_jsonl_corpus_count_as_the_corpus(corpus, run):
    """`normalise --jsonl --record` keeps each line's fields in its rows: --by outlet gives the corpus's counts."""
    Path("plain.jsonl").write_text(
        "".join(json.dumps({**doc, "text": doc["text"].replace("\u2028\u0085", " ")}, ensure_ascii=False) + "\n"
                for doc in NEWS), encoding="utf-8")
    for record in ("names.jsonl", "names.csv"):
        made = run("normalise", "plain.jsonl", "--jsonl", "--lang", "en", "-j", "1", "--record", record,
                   "-o", f"out-{record}", "-q")
        assert made.exit_code == 0, made.stderr
    direct = run("report", "plain.jsonl", "--by", "outlet", "--format", "json")
    assert direct.exit_code == 0, direct.stderr
    for record in ("names.jsonl", "names.csv"):
        counted = run("report", record, "--by", "outlet", "--format", "json")
        assert counted.exit_code == 0, counted.stderr
        assert json.loads(counted.stdout) == json.loads(direct.stdout)
    assert json.loads(direct.stdout)["mentions"] == 10


def test_a_directory_of_records_and_texts(records, run):
    Path("mixed").mkdir()
    Path("mixed/rec.jsonl").write_text(Path("rec.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    Path("mixed/more.txt").write_text("Xankəndi.\n", encoding="utf-8")
    data = json.loads(run("report", "mixed", "--format", "json").stdout)
    khankendi = next(p for p in data["places"] if p["id"] == "khankendi")
    assert {f["form"]: f["mentions"] for f in khankendi["forms"]} == {"stepanakert": 1, "khankendi": 1}
    assert data["documents"] == 2


# ---------------------------------------------------------------- the chart


def _colours(path: Path) -> set:
    from PIL import Image

    with Image.open(path) as image:
        return {rgb for _, rgb in image.convert("RGB").getcolors(maxcolors=1 << 24)}


def test_png_chart(corpus, run):
    result = run("report", "corpus", "--chart", "usage.png")
    assert result.exit_code == 0, result.stderr
    chart = Path("usage.png")
    assert chart.stat().st_size > 0
    from PIL import Image

    with Image.open(chart) as image:
        assert image.format == "PNG"
        width, height = image.size
    assert width > 400 and height > 150 and width > height
    colours = _colours(chart)
    assert len(colours) > 10  # not blank
    # The bars: tab10 colours of the forms' first users (armenian, azerbaijani, soviet) are there.
    for rgb in [(31, 119, 180), (255, 127, 14), (44, 160, 44)]:
        assert rgb in colours
    assert not list(Path(".").glob(".usage.png.*"))  # no temporary file left


def test_svg_chart_names_forms_and_users(corpus, run):
    result = run("report", "corpus", "--chart", "usage.svg", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    root = ET.parse("usage.svg").getroot()
    assert root.tag.endswith("svg")
    texts = " ".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))
    for form in ("Stepanakert", "Khankendi", "Madagiz", "Sugovushan", "Mataghis", "Shusha", "Shushi"):
        assert form in texts
    assert "Madagiz 2 · Sugovushan 2 · Mataghis 1" in texts
    for user in ("armenian", "azerbaijani", "soviet", "form used by"):
        assert user in texts
    assert "mentions" in texts and "Rival place names" in texts


def test_chart_by_source_has_a_panel_per_place_and_a_bar_per_source(corpus, run):
    result = run("report", "news.jsonl", "--by", "outlet", "--chart", "outlets.svg", "-o", "outlets.csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert Path("outlets.csv").read_text(encoding="utf-8").startswith("place,place_name,form,form_name,used_by,source,")  # by suffix
    texts = [("".join(n.itertext())).strip() for n in ET.parse("outlets.svg").getroot().iter() if n.tag.endswith("text")]
    for title in ("Sugovushan: 5 mentions", "Khankendi: 3 mentions", "Shusha: 2 mentions"):
        assert title in texts
    for source in ("apa.az", "armenpress", "tass", "(no outlet)"):
        assert texts.count(source) == 3  # one bar in each place's panel
    assert "Madagiz 2" in texts and "Madagiz 1" in texts and "Mataghis 1" in texts
    assert any(t.startswith("Rival place names: mentions of each place per form, by outlet") for t in texts)


def test_chart_errors(corpus, run):
    bad = run("report", "corpus", "--chart", "usage.jpg")
    assert bad.exit_code == 2
    assert bad.stderr == "Error: usage.jpg: a chart is written as .png or .svg, not .jpg\n"
    assert not Path("usage.jpg").exists()
    Path("usage.png").write_bytes(b"mine")
    kept = run("report", "corpus", "--chart", "usage.png")
    assert kept.exit_code == 2
    assert kept.stderr == "Error: usage.png: already exists; pass --force to overwrite it\n"
    assert Path("usage.png").read_bytes() == b"mine"
    assert run("report", "corpus", "--chart", "usage.png", "--force").exit_code == 0
    assert Path("usage.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------- output and errors


def test_output_file_is_not_overwritten_unasked(corpus, run):
    assert run("report", "corpus", "-o", "report.txt").exit_code == 0
    first = Path("report.txt").read_text(encoding="utf-8")
    assert first.startswith("3 places named 16 times")
    again = run("report", "corpus", "--format", "json", "-o", "report.txt")
    assert again.exit_code == 2 and "--force" in again.stderr
    assert Path("report.txt").read_text(encoding="utf-8") == first
    assert run("report", "corpus", "--format", "json", "-o", "report.txt", "--force").exit_code == 0
    assert json.loads(Path("report.txt").read_text(encoding="utf-8"))["mentions"] == 16


def test_an_input_that_cannot_be_read_exits_1_like_find_and_translate(corpus, run):
    """Exit 2 is for bad settings; an input that cannot be read is 1 in every command, even alone."""
    for args in (("find",), ("translate", "--from", "en", "--to", "en", "--engine", "none"),
                 ("normalise", "--convention", "armenian"), ("report",), ("report", "--export", "csv")):
        missing = run(*args, "nope.txt")
        assert (missing.exit_code, missing.stderr, missing.stdout) == (1, "Error: nope.txt: no such file\n", ""), args
    Path("bad.jsonl").write_text('{"doc": "a", "id": "shusha", "source_form": "shusha"}\n{broken\n', encoding="utf-8")
    bad = run("report", "bad.jsonl", "-o", "report.txt")
    assert bad.exit_code == 1 and not Path("report.txt").exists()
    forced = run("report", "news.jsonl", "--records")
    assert forced.exit_code == 1 and forced.stderr == "Error: news.jsonl:1: not a record row: no doc, id, source_form\n"


def test_one_line_errors(corpus, run):
    missing = run("report", "nope.txt")
    assert (missing.exit_code, missing.stderr) == (1, "Error: nope.txt: no such file\n")
    Path("bad.jsonl").write_text('{"doc": "a", "id": "shusha", "source_form": "shusha"}\n{broken\n', encoding="utf-8")
    bad = run("report", "bad.jsonl")
    assert bad.exit_code == 1
    assert bad.stderr == "Error: bad.jsonl:2: not JSON (Expecting property name enclosed in double quotes at column 2)\n"
    Path("short.jsonl").write_text('{"doc": "a", "id": "shusha", "source_form": "shusha"}\n{"doc": "a", "id": "x"}\n')
    short = run("report", "short.jsonl")
    assert short.stderr == "Error: short.jsonl:2: not a record row: no source_form\n"
    unknown = run("report", "news.jsonl", "--by", "source")
    assert unknown.exit_code == 2
    assert unknown.stderr == ("Error: no document has a field 'source' to report --by (fields: outlet, title; "
                              "or --by dir)\n")
    assert unknown.stdout == ""
    fmt = run("report", "corpus", "--format", "xml")
    assert fmt.exit_code == 2 and fmt.stderr.count("\n") == 1
    empty = Path("empty")
    empty.mkdir()
    assert run("report", "empty").stderr == "Error: empty: no record or text files under this directory\n"


def test_a_bad_file_among_many_is_reported_and_the_rest_counted(corpus, run):
    Path("bad.jsonl").write_text('{"doc": "a", "id": "shusha", "source_form": "shusha"}\n{broken\n', encoding="utf-8")
    Path("corpus/tass/binary.txt").write_bytes(b"\x00\x01\x02")
    result = run("report", "corpus", "bad.jsonl", "nope.txt", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["mentions"] == 16  # nothing of bad.jsonl, though its line 1 was good
    assert result.stderr.splitlines() == [
        "Error: corpus/tass/binary.txt: is a binary file, not text",
        "Error: bad.jsonl:2: not JSON (Expecting property name enclosed in double quotes at column 2)",
        "Error: nope.txt: no such file",
        "3 of 10 inputs not counted",
    ]


def test_empty_documents_are_read_not_errors(corpus, run):
    Path("corpus/tass/empty.txt").write_text("", encoding="utf-8")
    result = run("report", "corpus", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["documents"] == 8


# ---------------------------------------------------------------- the library


def test_library_counts_documents_and_records(matcher, gazetteer):
    docs = [Document("x", "Madagiz, Madagiz and Sugovushan.", fields={"outlet": "a"}),
            Document("y", "<p>Mataghis</p>", "html", fields={"outlet": "b"}),
            Document("z", "Nothing here.", fields={"outlet": "b"})]
    report = count_corpus(docs, matcher, by="outlet")
    assert [(c.form, c.source, c.mentions, c.documents) for c in report.forms("sugovushan")] == [
        ("madagiz", None, 2, 1), ("sugovushan", None, 1, 1), ("mataghis", None, 1, 1)]
    assert [(c.form, c.mentions) for c in report.forms("sugovushan", "b")] == [("mataghis", 1)]
    assert (report.documents(), report.documents("b"), report.naming) == (3, 2, 2)
    assert report.to_rows(gazetteer, "ru")[0] == {
        "place": "sugovushan", "place_name": "Суговушан", "form": "madagiz", "form_name": "Мадагиз",
        "used_by": "soviet azerbaijani russian_media international", "source": "a", "mentions": 2, "documents": 1}
    rows = [{"doc": "d1", "id": "shusha", "source_form": "shushi", "fields": {"outlet": "b"}},
            {"doc": "d2", "id": "shusha", "source_form": "shusha"}]
    by_outlet = count_records(rows, by="outlet", gazetteer=gazetteer)
    assert [(c.form, c.source, c.mentions) for c in by_outlet.counts if c.form] == [
        ("shusha", None, 1), ("shushi", None, 1), ("shushi", "b", 1), ("shusha", "(no outlet)", 1)]
    assert "Shushi" in render_table(by_outlet, gazetteer)
    assert "Шуши" in render_table(by_outlet, gazetteer, "ru") and "shushi" in render_table(by_outlet)
    with pytest.raises(ReportError, match="fields: outlet"):
        count_records(rows, by="site")
    assert tally([]).places() == []


def test_library_chart_refuses_unknown_suffix_and_draws_empty_reports(tmp_path, gazetteer):
    with pytest.raises(ReportError, match=r"\.png or \.svg"):
        write_chart(tally([]), gazetteer, str(tmp_path / "c.pdf"))
    write_chart(tally([]), gazetteer, str(tmp_path / "c.svg"))
    assert "no place named" in (tmp_path / "c.svg").read_text(encoding="utf-8")


# ---------------------------------------------------------------- only what the sources wrote


SEED = Path(__file__).resolve().parent.parent / "seeds" / "karabakh-2020-10-04.txt"


def _forms(report_json: dict) -> dict:
    return {(p["id"], f["form"]): f["mentions"] for p in report_json["places"] for f in p["forms"]}


def test_an_out_dir_counts_what_the_sources_wrote_not_the_rivals_added(corpus, run):
    """normalise --convention armenian writes "Mataghis (Madagiz)": neither name is a new use by the source."""
    Path("src").mkdir()
    Path("src/a.txt").write_text("Fighting near Madagiz. Madagiz was shelled. Stepanakert is calm.\n", encoding="utf-8")
    Path("src/b.txt").write_text("Shusha fell. Nothing else.\n", encoding="utf-8")
    made = run("normalise", "src", "--out-dir", "out", "--lang", "en", "--convention", "armenian", "-q", "-j", "1")
    assert made.exit_code == 0, made.stderr
    assert Path("out/a.txt").read_text(encoding="utf-8").startswith("Fighting near Mataghis (Madagiz). Mataghis")
    assert Path("out/b.txt").read_text(encoding="utf-8").startswith("Shushi (Shusha) fell.")
    source = json.loads(run("report", "src", "--format", "json").stdout)
    # The out-dir's texts are counted from their records: the same counts as the sources themselves.
    outputs = run("report", "out", "--format", "json")
    assert outputs.exit_code == 0, outputs.stderr
    assert outputs.stderr == ("2 translated texts counted from their out-dir record: what the source wrote, "
                              "not the names the tool added\n")
    counted = json.loads(outputs.stdout)
    assert _forms(counted) == _forms(source) == {
        ("sugovushan", "madagiz"): 2, ("khankendi", "stepanakert"): 1, ("shusha", "shusha"): 1}
    assert (counted["documents"], counted["mentions"]) == (2, 4)
    records = json.loads(run("report", "out/.toponyms/records.sqlite", "--format", "json").stdout)
    assert _forms(records) == _forms(source)
    # Texts and their records given together count each mention once.
    both = json.loads(run("report", "out", "out/.toponyms/records.sqlite", "--format", "json").stdout)
    assert both["mentions"] == 4
    # Outside its out-dir, a translated text is only words: it counts what it says, rivals included.
    Path("loose.txt").write_text(Path("out/a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    loose = json.loads(run("report", "loose.txt", "--format", "json").stdout)
    assert _forms(loose)[("sugovushan", "mataghis")] == 2 and _forms(loose)[("sugovushan", "madagiz")] == 1


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed (make system-deps)")
def test_records_of_a_real_translation_count_the_source_forms(corpus, run):
    """The seed article en->es: the rivals Apertium's output gets in brackets are not counted."""
    made = run("translate", str(SEED), "--from", "en", "--to", "es", "--engine", "apertium", "--record", "seed.jsonl",
               "-o", "seed.es.txt", "-q")
    assert made.exit_code == 0, made.stderr
    output = Path("seed.es.txt").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in Path("seed.jsonl").read_text(encoding="utf-8").splitlines()]
    added = [r for r in rows if r["alternate_shown"]]
    # e.g. "Stepanakert (Khankendi)"; in the capitals headline "MADAGIZ (SUGOVUSHAN)"
    assert added and all(f"({r['alternate_text']})".casefold() in output.casefold() for r in added)
    counted = _forms(json.loads(run("report", "seed.jsonl", "--format", "json").stdout))
    written = {}
    for row in rows:
        written[(row["id"], row["source_form"])] = written.get((row["id"], row["source_form"]), 0) + 1
    assert counted == written
    assert ("khankendi", "khankendi") not in counted
    # The Spanish text, read as words, would have put the tool's rivals in the sources' mouths.
    naive = _forms(json.loads(run("report", "seed.es.txt", "--format", "json").stdout))
    assert naive[("khankendi", "khankendi")] == 1


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed (make system-deps)")
def test_contested_only_leaves_out_places_every_side_names_alike(corpus, gazetteer, run):
    made = run("translate", str(SEED), "--from", "en", "--to", "es", "--engine", "apertium", "--record", "seed.jsonl",
               "-o", "seed.es.txt", "-q")
    assert made.exit_code == 0, made.stderr
    everything = json.loads(run("report", "seed.jsonl", "--format", "json").stdout)
    result = run("report", "seed.jsonl", "--contested-only", "--format", "json")
    assert result.exit_code == 0, result.stderr
    contested = json.loads(result.stdout)
    kept = {p["id"] for p in contested["places"]}
    left_out = {p["id"] for p in everything["places"]} - kept
    assert {"sugovushan", "nagorno_karabakh", "khankendi"} <= kept
    assert {"azerbaijan", "russia", "turkey", "armenia", "karabakh", "horadiz", "tartar"} <= left_out
    assert contested["uncontested_left_out"] == len(left_out)
    assert contested["documents"] == 1
    assert contested["mentions"] == sum(p["mentions"] for p in everything["places"] if p["id"] in kept)
    table = run("report", "seed.jsonl", "--contested-only").stdout
    assert table.splitlines()[0] == (f"{len(kept)} places named {contested['mentions']} times in 1 of 1 document "
                                     f"({len(left_out)} uncontested places left out)")
    assert "Azerbaijan" not in table and "Russia" not in table


def test_names_in_the_chosen_language_on_tables_charts_csv_and_json(corpus, run):
    result = run("report", "corpus", "--lang", "ru", "--chart", "ru.svg")
    assert result.exit_code == 0, result.stderr
    assert table(result.stdout)[("Ханкенди", "Степанакерт")] == (4, 3)
    assert table(result.stdout)[("Суговушан", "Мадагиз")] == (2, 2)
    texts = " ".join("".join(node.itertext()) for node in ET.parse("ru.svg").getroot().iter() if node.tag.endswith("text"))
    assert "Ханкенди" in texts and "Мадагиз 2 · Суговушан 2 · Матагис 1" in texts
    assert "khankendi" not in texts and "madagiz" not in texts
    rows = list(csv.DictReader(io.StringIO(run("report", "corpus", "--lang", "hy", "--format", "csv").stdout)))
    assert (rows[0]["place"], rows[0]["form"], rows[0]["form_name"]) == ("khankendi", "stepanakert", "Ստեփանակերտ")
    data = json.loads(run("report", "corpus", "--lang", "es", "--format", "json").stdout)
    shusha = next(p for p in data["places"] if p["id"] == "shusha")
    assert (shusha["name"], [(f["form"], f["name"]) for f in shusha["forms"]]) == (
        "Shushá", [("shusha", "Shushá"), ("shushi", "Shushi")])
    bad = run("report", "corpus", "--lang", "xx")
    assert bad.exit_code == 2 and bad.stderr.startswith("Error: unknown language code 'xx'")

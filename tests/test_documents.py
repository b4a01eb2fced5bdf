"""Documents journalists receive: .docx, .odt, .srt, .vtt, .epub in, the same structure out, names placed.

Each input is built with the library that reads it, translated en->es with Apertium through the
CLI, and read back with the same library: same paragraphs, runs and styles, cues and timings;
every name placed and recorded. LibreOffice opens the .docx and .odt outputs (headless).
`find`, `translate`, `normalise` and `report` all read inputs through one reader: each of them
reads a .docx, and the same JSON line with a raw U+2028 inside its text.
"""

import io
import json
import shutil
import subprocess

import pytest

from toponyms.translate.formats import format_for_path, get_format
from toponyms.translate.reader import read_input

apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# -- building the inputs with their own libraries -------------------------------------------------


def make_docx(path):
    import docx
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    doc = docx.Document()
    doc.add_heading("Talks on Karabakh", level=1)
    para = doc.add_paragraph("Shelling hit ")
    para.add_run("Stepan").bold = True
    para.add_run("akert").italic = True
    para.add_run(" on Sunday.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Shusha"
    table.cell(0, 1).text = "The road to Lachin"
    doc.sections[0].header.paragraphs[0].text = "Report from Goris"
    doc.sections[0].footer.paragraphs[0].text = "Sources in Fuzuli"
    # A footnote: python-docx writes the part and its relationship; the XML is WordprocessingML's.
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes = parse_xml(
        f'<w:footnotes {w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f'</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f'</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The town was shelled from Shusha.</w:t>'
        f'</w:r></w:p></w:footnote></w:footnotes>')
    from lxml import etree

    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES,
                etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True), doc.part.package)
    doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    reference = parse_xml(f'<w:r {w}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                          f'<w:footnoteReference w:id="1"/></w:r>')
    para._p.append(reference)
    doc.save(path)


def make_odt(path):
    from odf.opendocument import OpenDocumentText
    from odf.style import Footer, Header, MasterPage, PageLayout, Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, Note, NoteBody, NoteCitation, P, Span

    doc = OpenDocumentText()
    bold = Style(name="Bold", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    italic = Style(name="Italic", family="text")
    italic.addElement(TextProperties(fontstyle="italic"))
    doc.automaticstyles.addElement(bold)
    doc.automaticstyles.addElement(italic)
    layout = PageLayout(name="Layout")
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header, footer = Header(), Footer()
    header.addElement(P(text="Report from Goris"))
    footer.addElement(P(text="Sources in Fuzuli"))
    master.addElement(header)
    master.addElement(footer)
    doc.masterstyles.addElement(master)
    doc.text.addElement(H(outlinelevel=1, text="Talks on Karabakh"))
    para = P(text="Shelling hit ")
    para.addElement(Span(stylename=bold, text="Stepan"))
    para.addElement(Span(stylename=italic, text="akert"))
    para.addText(" on Sunday.")
    note = Note(noteclass="footnote", id="ftn1")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="The town was shelled from Shusha."))
    note.addElement(body)
    para.addElement(note)
    doc.text.addElement(para)
    table = Table(name="Places")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for text in ("Shusha", "The road to Lachin"):
        cell = TableCell()
        cell.addElement(P(text=text))
        row.addElement(cell)
    table.addElement(row)
    doc.text.addElement(table)
    doc.save(str(path))


SRT = ("1\n00:00:01,000 --> 00:00:04,000\nShelling hit Stepanakert\non Sunday night.\n\n"
       "2\n00:00:05,000 --> 00:00:07,500\nShusha was quiet.\n\n"
       "7\n00:01:00,250 --> 00:01:02,000\nThe road to Lachin is closed.\n")
VTT = ("WEBVTT\n\nintro\n00:00:01.000 --> 00:00:04.000 align:start\nShelling hit <b>Stepanakert</b>\non Sunday.\n\n"
       "00:00:05.000 --> 00:00:07.500\nShusha was quiet.\n")


def make_epub(path):
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("toponyms-test")
    book.set_title("Karabakh notes")
    book.set_language("en")
    chapters = []
    for number, body in enumerate(["<h1>Stepanakert</h1><p>Shelling hit <i>Stepanakert</i> on Sunday.</p>",
                                   "<h1>Shusha</h1><p>Shusha was quiet.</p>"], 1):
        chapter = epub.EpubHtml(title=f"Chapter {number}", file_name=f"chap_{number}.xhtml", lang="en")
        chapter.content = body
        book.add_item(chapter)
        chapters.append(chapter)
    book.toc = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    epub.write_epub(str(path), book)


# -- reading ---------------------------------------------------------------------------------------


def test_suffixes_and_the_text_each_format_reads(tmp_path):
    make_docx(tmp_path / "a.docx")
    make_odt(tmp_path / "a.odt")
    (tmp_path / "a.srt").write_text(SRT, encoding="utf-8")
    (tmp_path / "a.vtt").write_text(VTT, encoding="utf-8")
    make_epub(tmp_path / "a.epub")
    texts = {}
    for suffix in ("docx", "odt", "srt", "vtt", "epub"):
        assert format_for_path(f"x.{suffix}") == suffix
        [document] = read_input(str(tmp_path / f"a.{suffix}")).documents
        texts[suffix] = document.text
    assert texts["docx"].split("\n") == ["Talks on Karabakh", "Shelling hit Stepanakert on Sunday.", "Shusha",
                                         "The road to Lachin", "Report from Goris", "Sources in Fuzuli",
                                         "", "", " The town was shelled from Shusha."]
    assert texts["odt"].split("\n") == ["Report from Goris", "Sources in Fuzuli", "Talks on Karabakh",
                                        "Shelling hit Stepanakert on Sunday.", "The town was shelled from Shusha.",
                                        "Shusha", "The road to Lachin"]
    assert texts["srt"].split("\n") == ["Shelling hit Stepanakert on Sunday night.", "Shusha was quiet.",
                                        "The road to Lachin is closed."]
    assert texts["vtt"].split("\n") == ["Shelling hit <b>Stepanakert</b> on Sunday.", "Shusha was quiet."]
    assert "<i>Stepanakert</i>" in texts["epub"] and "Shusha was quiet." in texts["epub"]


def test_a_damaged_file_is_one_clear_error(tmp_path, run):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("find", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad}: not a Word document (.docx)")
    assert "Traceback" not in result.stderr


def test_find_reads_every_format(tmp_path, run):
    make_docx(tmp_path / "a.docx")
    make_odt(tmp_path / "a.odt")
    (tmp_path / "a.srt").write_text(SRT, encoding="utf-8")
    (tmp_path / "a.vtt").write_text(VTT, encoding="utf-8")
    make_epub(tmp_path / "a.epub")
    result = run("find", str(tmp_path), "--json")
    assert result.exit_code == 0, result.stderr
    found = {}
    for line in result.stdout.splitlines():
        hit = json.loads(line)
        found.setdefault(hit["doc"].rpartition(".")[2], set()).add(hit["id"])
    assert {"khankendi", "shusha", "goris", "fuzuli", "lachin"} <= found["docx"]  # split name, header, footer
    assert {"khankendi", "shusha", "goris", "fuzuli", "lachin"} <= found["odt"]
    assert {"khankendi", "shusha", "lachin"} <= found["srt"]
    assert {"khankendi", "shusha"} <= found["vtt"] and {"khankendi", "shusha"} <= found["epub"]


# -- translating en -> es with Apertium --------------------------------------------------------------


def _translate(run, source, tmp_path):
    out = tmp_path / f"out{source.suffix}"
    record = tmp_path / f"{source.stem}{source.suffix}.record.jsonl"
    result = run("translate", str(source), "--from", "en", "--to", "es", "--engine", "apertium",
                 "-o", str(out), "--record", str(record))
    assert result.exit_code == 0, result.stderr
    rows = _records(record)
    assert rows and all(r["target_text"] for r in rows)
    return out, rows


def _placed(rows, ids):
    assert ids <= {r["id"] for r in rows}


@apertium
def test_docx_keeps_paragraphs_runs_styles_and_places_every_name(tmp_path, run):
    import docx

    make_docx(tmp_path / "report.docx")
    out, rows = _translate(run, tmp_path / "report.docx", tmp_path)
    _placed(rows, {"karabakh", "khankendi", "shusha", "lachin", "goris", "fuzuli"})
    before, after = docx.Document(str(tmp_path / "report.docx")), docx.Document(str(out))
    assert [p.style.name for p in after.paragraphs] == [p.style.name for p in before.paragraphs]
    assert [len(p.runs) for p in after.paragraphs] == [len(p.runs) for p in before.paragraphs]
    runs = after.paragraphs[1].runs
    assert [(r.bold, r.italic) for r in runs[:4]] == [(None, None), (True, None), (None, True), (None, None)]
    assert "Khankendi" in after.paragraphs[1].text and "Stepanakert" in after.paragraphs[1].text
    # The placed name lands whole in one run, with that run's formatting.
    assert any("Stepanakert" in r.text for r in runs)
    assert after.paragraphs[1]._p.xpath(".//w:footnoteReference")  # the footnote mark is still there
    assert after.tables[0].cell(0, 0).text.startswith("Shushá")
    assert "Lachín" in after.tables[0].cell(0, 1).text
    assert "Goris" in after.sections[0].header.paragraphs[0].text
    assert "Fizuli" in after.sections[0].footer.paragraphs[0].text
    notes = [rel.target_part for rel in after.part.rels.values() if rel.reltype.endswith("/footnotes")][0]
    assert "Shushá" in notes.blob.decode("utf-8") and "shelled" not in notes.blob.decode("utf-8")


@apertium
def test_odt_keeps_paragraphs_spans_styles_and_places_every_name(tmp_path, run):
    from odf.opendocument import load
    from odf.table import TableCell
    from odf.text import H, Note, P, Span

    make_odt(tmp_path / "report.odt")
    out, rows = _translate(run, tmp_path / "report.odt", tmp_path)
    _placed(rows, {"karabakh", "khankendi", "shusha", "lachin", "goris", "fuzuli"})
    before, after = load(str(tmp_path / "report.odt")), load(str(out))
    assert len(after.text.getElementsByType(P)) == len(before.text.getElementsByType(P))
    assert len(after.text.getElementsByType(H)) == 1
    spans = [(s.getAttribute("stylename"), str(s)) for s in after.text.getElementsByType(Span)]
    assert [style for style, _ in spans] == ["Bold", "Italic"]
    assert any("Stepanakert" in text for _, text in spans)
    [note] = after.text.getElementsByType(Note)
    assert "Shushá" in str(note) and str(note).startswith("1")
    cells = [str(c) for c in after.text.getElementsByType(TableCell)]
    assert cells[0].startswith("Shushá") and "Lachín" in cells[1]
    masters = str(after.masterstyles)
    assert "Goris" in masters and "Fizuli" in masters


@apertium
def test_srt_keeps_numbering_and_timings_and_places_names_in_each_cue(tmp_path, run):
    import srt

    source = tmp_path / "statement.srt"
    source.write_text(SRT, encoding="utf-8")
    out, rows = _translate(run, source, tmp_path)
    _placed(rows, {"khankendi", "shusha", "lachin"})
    before, after = list(srt.parse(SRT)), list(srt.parse(out.read_text(encoding="utf-8")))
    assert [(c.index, c.start, c.end) for c in after] == [(c.index, c.start, c.end) for c in before]
    assert [c.content.count("\n") for c in after] == [c.content.count("\n") for c in before]
    assert "Stepanakert (Khankendi)" in after[0].content and "Shushá" in after[1].content
    assert "Lachín" in after[2].content and "closed" not in after[2].content


@apertium
def test_vtt_keeps_identifiers_timings_settings_and_tags(tmp_path, run):
    import webvtt

    source = tmp_path / "statement.vtt"
    source.write_text(VTT, encoding="utf-8")
    out, rows = _translate(run, source, tmp_path)
    _placed(rows, {"khankendi", "shusha"})
    before, after = webvtt.read(str(source)), webvtt.read(str(out))
    assert [(c.identifier, c.start, c.end, c.settings) for c in after.captions] == [
        (c.identifier, c.start, c.end, c.settings) for c in before.captions]
    assert [len(c.lines) for c in after.captions] == [len(c.lines) for c in before.captions]
    assert "<b>Stepanakert (Khankendi)</b>" in after.captions[0].raw_text
    assert "Shushá" in after.captions[1].text


@apertium
def test_epub_chapters_translate_as_html(tmp_path, run):
    import ebooklib
    from ebooklib import epub

    make_epub(tmp_path / "book.epub")
    out, rows = _translate(run, tmp_path / "book.epub", tmp_path)
    _placed(rows, {"khankendi", "shusha"})
    book = epub.read_epub(str(out), {"ignore_ncx": True})
    chapters = [i.get_content().decode("utf-8") for i in book.get_items_of_type(ebooklib.ITEM_DOCUMENT)
                if not isinstance(i, epub.EpubNav)]
    assert len(chapters) == 2
    assert "<h1>Stepanakert (Khankendi)</h1>" in chapters[0] and "<i>Stepanakert</i>" in chapters[0]
    assert "Shushá" in chapters[1] and "quiet" not in chapters[1]
    assert book.get_metadata("DC", "title")[0][0] == "Karabakh notes"


def test_binary_output_needs_a_file(tmp_path, run):
    make_docx(tmp_path / "report.docx")
    result = run("translate", str(tmp_path / "report.docx"), "--from", "en", "--to", "en", "--engine", "none")
    assert result.exit_code == 1
    assert "cannot go to standard output: give --output or --out-dir" in result.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-writer-nogui) is not installed")
def test_libreoffice_opens_the_outputs(tmp_path, run):
    make_docx(tmp_path / "report.docx")
    make_odt(tmp_path / "report.odt")
    converted = tmp_path / "converted"
    for name in ("report.docx", "report.odt"):
        result = run("translate", str(tmp_path / name), "--from", "en", "--to", "en", "--engine", "none",
                     "-o", str(tmp_path / f"out-{name.replace('.', '-')}.{name.rpartition('.')[2]}"))
        assert result.exit_code == 0, result.stderr
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "txt:Text", "--outdir", str(converted),
                    str(tmp_path / "out-report-docx.docx"), str(tmp_path / "out-report-odt.odt")],
                   check=True, capture_output=True, timeout=180)
    for name in ("out-report-docx.txt", "out-report-odt.txt"):
        text = (converted / name).read_text(encoding="utf-8-sig")
        assert "Talks on Karabakh" in text and "Stepanakert (Khankendi)" in text and "Shusha" in text


# -- one reader for every command -----------------------------------------------------------------


U2028_LINE = '{"id": 1, "text": "Shelling hit Stepanakert.\u2028Shusha was quiet."}\n'


def test_every_command_reads_a_docx_and_the_same_json_line(tmp_path, run):
    """find, translate, normalise and report read inputs through the one reader: all four read a .docx
    (which only the document layer can), and all four read a JSON line with a raw U+2028 as one document."""
    make_docx(tmp_path / "report.docx")
    found = run("find", str(tmp_path / "report.docx"), "--json")
    assert "khankendi" in {json.loads(line)["id"] for line in found.stdout.splitlines()}
    translated = run("translate", str(tmp_path / "report.docx"), "--from", "en", "--to", "en", "--engine", "none",
                     "-o", str(tmp_path / "t.docx"), "--quiet")
    normalised = run("normalise", str(tmp_path / "report.docx"), "--lang", "en", "-o", str(tmp_path / "n.docx"),
                     "--quiet")
    assert translated.exit_code == 0 and normalised.exit_code == 0, translated.stderr + normalised.stderr
    assert get_format("docx").read((tmp_path / "n.docx").read_bytes(), "n.docx").text.count("\n") == 8
    reported = run("report", str(tmp_path / "report.docx"), "--format", "json")
    assert reported.exit_code == 0, reported.stderr
    assert "khankendi" in reported.stdout

    lines = tmp_path / "u2028.jsonl"
    lines.write_bytes(U2028_LINE.encode("utf-8"))
    found = run("find", str(lines), "--jsonl", "--json")
    assert found.exit_code == 0, found.stderr
    assert [json.loads(x)["doc"] for x in found.stdout.splitlines()] == [f"{lines}:1", f"{lines}:1"]
    normalised = run("normalise", str(lines), "--jsonl", "--lang", "en", "--quiet")
    assert normalised.exit_code == 0, normalised.stderr
    assert normalised.stdout.count("\n") == 1 and "\u2028" in json.loads(normalised.stdout)["text"]
    translated = run("translate", str(lines), "--jsonl", "--from", "en", "--to", "en", "--engine", "none", "--quiet")
    assert translated.exit_code == 0 and translated.stdout.count("\n") == 1, translated.stderr
    reported = run("report", str(lines), "--format", "json")
    assert reported.exit_code == 0, reported.stderr
    assert json.loads(reported.stdout)["documents"] == 1
    [document] = read_input(str(lines), jsonl=True).documents
    assert document.text == "Shelling hit Stepanakert.\u2028Shusha was quiet."
    assert io.BytesIO(lines.read_bytes()).read().count(b"\n") == 1

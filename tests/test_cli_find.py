"""`toponyms find`: mentions in files and standard input, as a table or JSON Lines."""

import json
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "karabakh-2020-10-04.txt"


def mentions(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_seed_article_every_place_and_no_false_hit(run, place, gazetteer):
    found = mentions(run("find", str(SEED), "--json"))
    text = SEED.read_text(encoding="utf-8")
    conflict_area = {(m["surface"], m["id"]) for m in found if m["kind"] != "country"}
    assert conflict_area == {
        ("MADAGIZ", place("Madagiz")),
        ("Madagiz", place("Madagiz")),
        ("Sugovushan", place("Madagiz")),
        ("Ganja", place("Ganja")),
        ("Nagorno-Karabakh", place("Nagorno-Karabakh")),
        ("Upper Karabakh", place("Nagorno-Karabakh")),
        ("KARABAKH", place("Karabakh")),
        ("Karabakh", place("Karabakh")),
        ("Terter", place("Terter")),
        ("Horadiz", place("Horadiz")),
        ("Stepanakert", place("Stepanakert")),
    }
    for m in found:
        assert text[m["start"]:m["end"]] == m["surface"]
        if m["kind"] == "country":
            assert gazetteer.get(m["id"]).kind == "country"
    forms = {(m["surface"], m["form"]) for m in found}
    assert ("Sugovushan", "sugovushan") in forms and ("Madagiz", "madagiz") in forms
    assert ("Upper Karabakh", "upper_karabakh") in forms


def test_seed_mention_counts(run):
    found = mentions(run("find", str(SEED), "--json"))
    surfaces = [m["surface"] for m in found]
    assert surfaces.count("Madagiz") == 3  # "#Madagiz" counts: the hashtag is a mention
    assert surfaces.count("Nagorno-Karabakh") == 3
    assert surfaces.count("Upper Karabakh") == 2


def test_json_lines_fields(run):
    [m] = mentions(run("find", "-", "--json", input="Shelling hit Stepanakert."))
    assert m == {
        "doc": "-", "start": 13, "end": 24, "surface": "Stepanakert", "id": m["id"], "kind": "city",
        "form": "stepanakert", "lang": "en", "name": "Stepanakert", "langs": m["langs"],
        "match": "exact", "confidence": 0.99,
    }
    assert "en" in m["langs"]


def test_offsets_are_code_points_of_the_decoded_input(run):
    text = "😀 Ağdamda — Ստեփանակերտում"
    found = mentions(run("find", "-", "--json", input=text))
    assert [text[m["start"]:m["end"]] for m in found] == ["Ağdamda", "Ստեփանակերտում"]


def test_lang_option_is_the_texts_language(run):
    """--lang says whose grammar explains glued letters; names of other languages still match as written."""
    text = "Xankəndidə və Stepanakert; Ханкенди."
    az = mentions(run("find", "-", "--json", "--lang", "az", input=text))
    assert [m["surface"] for m in az] == ["Xankəndidə", "Stepanakert", "Ханкенди"]
    fr = mentions(run("find", "-", "--json", "--lang", "fr", input=text))
    assert [m["surface"] for m in fr] == ["Stepanakert", "Ханкенди"]


def test_unknown_lang_is_one_line_error(run):
    result = run("find", "-", "--lang", "xx", input="Ganja")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown language code 'xx'")
    assert len(result.stderr.splitlines()) == 1


def test_table_output(run):
    result = run("find", "-", input="Line one.\nShelling hit Stepanakert and Shusha.\n")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [r[0] for r in rows] == ["2", "2"]
    assert [r[2] for r in rows] == ["Stepanakert", "Shusha"]


def test_several_files_prefix_the_path(run, tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Ganja", encoding="utf-8")
    two.write_text("\nAgdam", encoding="utf-8")
    result = run("find", str(one), str(two))
    assert result.exit_code == 0
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [f"{one}:1", f"{two}:2"]


def test_directories_are_walked_with_a_glob(run, tmp_path):
    (tmp_path / "apa" / "2020").mkdir(parents=True)
    (tmp_path / "apa" / "2020" / "a.txt").write_text("Xankəndidə", encoding="utf-8")
    (tmp_path / "tass").mkdir()
    (tmp_path / "tass" / "b.txt").write_text("в Степанакерте", encoding="utf-8")
    (tmp_path / "tass" / "notes.md").write_text("Shusha", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Ganja", encoding="utf-8")
    found = mentions(run("find", str(tmp_path), "--glob", "*.txt", "--json"))
    assert [(Path(m["doc"]).name, m["surface"]) for m in found] == [("a.txt", "Xankəndidə"), ("b.txt", "Степанакерте")]


def test_json_lines_input(run):
    lines = '{"id": 1, "outlet": "apa", "text": "Xankəndidə"}\n{"id": 2, "text": "в Шуше"}\n'
    found = mentions(run("find", "-", "--jsonl", "--json", input=lines))
    assert [(m["doc"], m["surface"]) for m in found] == [("-:1", "Xankəndidə"), ("-:2", "Шуше")]
    bad = run("find", "-", "--jsonl", input='{"body": "x"}\n')
    assert bad.exit_code == 1 and "-:1: no text field 'text'" in bad.stderr


def test_output_lines_are_the_mentions_encoded_one_by_one(run, matcher, tmp_path):
    """The CLI encodes each distinct mention once (toponyms.outputs.MentionLines): its lines must be
    what encoding every mention of the library on its own gives, on real dev sentences of all 8 languages."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from recognition_set import ROOT, read_file

    from toponyms.outputs import LineIndex

    for lang in ("en", "az", "hy", "ru", "tr", "fr", "de", "es"):
        sentences = read_file(ROOT / "dev" / f"{lang}.txt", lang, "dev")
        text = "\n".join(s.text for s in sentences) * 3 + "\n"  # each mention several times
        path = tmp_path / f"{lang}.txt"
        path.write_text(text, encoding="utf-8")
        found = matcher.find(text, lang=lang)
        assert len(found) > 30
        lines = run("find", str(path), "--json", "--lang", lang).stdout.splitlines()
        assert lines == [json.dumps({"doc": str(path), **m.to_json()}, ensure_ascii=False) for m in found]
        line_of = LineIndex(text).line_of
        table = run("find", str(path), "--lang", lang).stdout.splitlines()
        assert table == [f"{line_of(m.start)}\t{m.start}-{m.end}\t{m.surface}\t{m.entity_id}\t{m.form}\t{m.lang}"
                         for m in found]


def test_jobs_search_documents_side_by_side_with_the_same_output(tmp_path):
    """`find -j 2` forks workers: run as users run it (a process of its own), it must print exactly
    what one process prints, in the same order, go on past a bad file and exit 1 for it."""
    import subprocess
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from recognition_set import ROOT, read_file

    sentences = [s.text for lang in ("az", "ru", "hy", "en") for s in read_file(ROOT / "dev" / f"{lang}.txt", lang)]
    for number in range(40):  # many tasks of findmany.DOCUMENTS_A_TASK documents for each worker
        (tmp_path / f"{number:02d}.txt").write_text("\n".join(sentences[number::40]), encoding="utf-8")
    (tmp_path / "20b.docx").write_bytes(b"not a zip file")

    def find(*options):
        return subprocess.run([sys.executable, "-m", "toponyms", "find", str(tmp_path), *options],
                              capture_output=True, text=True)

    for options in (["--json"], []):
        one, two = find(*options), find(*options, "-j", "2")
        assert two.stdout == one.stdout and len(one.stdout.splitlines()) > 100
        assert one.returncode == two.returncode == 1
        assert two.stderr == one.stderr and two.stderr.count("\n") == 1 and "20b.docx" in two.stderr
    bad = find("-j", "-1")
    assert bad.returncode != 0 and bad.stderr.strip() == "Error: --jobs must be 0 (one per core) or more, not -1"


def test_markup_is_not_searched_and_agrees_with_the_record(run, tmp_path):
    """A link's address, code and a script are markup: `find` reads the text a translation reads."""
    page = tmp_path / "a.md"
    page.write_text("# Fighting in Nagorno-Karabakh\n\nShelling hit [Stepanakert](https://example.org/stepanakert)"
                    " overnight.\n", encoding="utf-8")
    html = tmp_path / "a.html"
    html.write_text("<html><body><p>Shelling hit Stepanakert &amp; Shusha overnight.</p>"
                    "<script>var Shusha = 1;</script></body></html>\n", encoding="utf-8")
    for source, names in ((page, ["Nagorno-Karabakh", "Stepanakert"]), (html, ["Stepanakert", "Shusha"])):
        found = mentions(run("find", str(source), "--lang", "en", "--json"))
        text = source.read_text(encoding="utf-8")
        assert [m["surface"] for m in found] == names
        assert [text[m["start"]:m["end"]] for m in found] == names
        record = tmp_path / f"{source.name}.jsonl"
        assert run("normalise", str(source), "--lang", "en", "--record", str(record),
                   "-o", str(tmp_path / f"out-{source.name}"), "-q").exit_code == 0
        rows = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
        assert [(r["source_start"], r["source_end"]) for r in rows] == [(m["start"], m["end"]) for m in found]
    table = run("find", str(page), "--lang", "en")
    assert [line.split("\t")[0] for line in table.stdout.splitlines()] == ["1", "3"]  # lines of the file

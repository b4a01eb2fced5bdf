"""GeoNames import: both dump formats, filters, kinds, languages, historic names, known places, shared spellings."""

import gzip
import json
import random
import zipfile

import pytest

from toponyms.errors import ToponymsError
from toponyms.gazetteer import check, load
from toponyms.geonames import Filters, import_geonames, known_names
from toponyms.match import Matcher


def main_row(geonameid, name, fclass="P", fcode="PPL", country="AZ", population=0, lat=40.1, lon=46.5, ascii_name=None):
    return [str(geonameid), name, ascii_name or name, "", str(lat), str(lon), fclass, fcode, country, "", "01", "",
            "", "", str(population), "", "500", "Asia/Baku", "2023-01-01"]


def alt_row(alt_id, geonameid, lang, name, preferred=False, short=False, colloquial=False, historic=False, v2=True):
    row = [str(alt_id), str(geonameid), lang, name, "1" if preferred else "", "1" if short else "",
           "1" if colloquial else "", "1" if historic else ""]
    return row + ["", ""] if v2 else row


def write_rows(path, rows):
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


SYLLABLES = ["ka", "ra", "bu", "lo", "me", "ni", "sa", "to", "vu", "ze", "qa", "xo"]


def filler(count, start=500000, seed=1):
    """`count` ordinary villages with made-up names, for files of a few hundred rows."""
    rng = random.Random(seed)
    rows, alts = [], []
    for n in range(count):
        geonameid = start + n
        name = "".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize() + "vka"
        rows.append(main_row(geonameid, name, population=rng.randint(0, 3000), country=rng.choice(["AZ", "AM"])))
        alts.append(alt_row(900000 + n, geonameid, "az", name, preferred=True))
    return rows, alts


@pytest.fixture
def dumps(tmp_path):
    """A main table and an alternateNamesV2 file with known places among a few hundred ordinary ones."""
    rows = [
        main_row(1, "Mirzəli", population=300, ascii_name="Mirzeli"),
        main_row(2, "Mirzəli", population=250, lat=40.3, ascii_name="Mirzeli"),
        main_row(3, "Hrazdan", fcode="PPLA", country="AM", population=40000, lat=40.5, lon=44.77),
        main_row(4, "Bakıxanov", fcode="PPL", population=13000),  # a town the gazetteer lacks
        main_row(5, "Böyük Qaramurad", population=20000),
        main_row(6, "Qaraçala", fcode="PPL", population=100),
        main_row(7, "Şəki Rayonu", fclass="A", fcode="ADM2"),
        main_row(8, "Gəncə-Qazax", fclass="A", fcode="ADM1"),
        main_row(9, "Georgia", fclass="A", fcode="PCLI", country="GE", lat=42.0, lon=43.5),
        main_row(10, "Kürçay", fclass="H", fcode="STM"),
        main_row(11, "Böyükşor Gölü", fclass="H", fcode="LK"),  # a lake the gazetteer lacks
        main_row(12, "Ceyranbatan Su Anbarı", fclass="H", fcode="RSV"),  # a reservoir the gazetteer lacks
        main_row(13, "Bazardüzü", fclass="T", fcode="MT"),
        main_row(14, "Murovdağ Aşırımı", fclass="T", fcode="PASS"),
        main_row(15, "Şəki Hotel", fclass="S", fcode="HTL"),
        main_row(16, "Şuşa", fcode="PPLA", population=4000),  # the built-in gazetteer has it
        main_row(17, "Tbilisi", fcode="PPLC", country="GE", population=1100000, lat=41.69, lon=44.83),
    ]
    alts = [
        alt_row(101, 1, "ru", "Мирзали", preferred=True), alt_row(102, 1, "hy", "Միրզալի"),
        alt_row(103, 1, "az", "Köhnə Mirzəli", historic=True), alt_row(104, 1, "ru", "Мирзали", historic=True),
        alt_row(105, 1, "link", "https://en.wikipedia.org/wiki/Mirzali"),
        alt_row(106, 1, "en", "https://example.org/mirzali"),
        alt_row(107, 1, "post", "AZ1234"), alt_row(108, 1, "wkdt", "Q123456"), alt_row(109, 1, "iata", "MRZ"),
        alt_row(110, 1, "az", "Mirzo", colloquial=True),
        alt_row(201, 2, "ru", "Мирзали"), alt_row(202, 2, "ru", "Мирзалы Второе", preferred=True),
        alt_row(301, 3, "en", "Hrazdan"), alt_row(302, 3, "en", "Razdan", short=True),
        alt_row(303, 3, "en", "Hrasdan"), alt_row(304, 3, "en", "Hrazdan City", preferred=True),
        alt_row(305, 3, "hye", "Հրազդան"), alt_row(306, 3, "ru", "Раздан"),
        alt_row(307, 3, "ru", "Ахта", historic=True),
        alt_row(308, 3, "pt-BR", "Hrazdã"), alt_row(309, 3, "fr_1793", "Akhta"),
        alt_row(310, 3, "xx", "Hrazdanx"),
        alt_row(311, 3, "abbr", "EVN"), alt_row(312, 3, "unlc", "AMEVN"), alt_row(313, 3, "icao", "UDYZ"),
        alt_row(314, 3, "faac", "EVN"),
        alt_row(401, 4, "ru", "Бакиханов"),
        alt_row(1601, 16, "ru", "Шуша"), alt_row(1602, 16, "hy", "Շուշի"),
        alt_row(1603, 16, "en", "Shusha Town"),
    ]
    more_rows, more_alts = filler(300)
    main = write_rows(tmp_path / "AZ.txt", rows + more_rows)
    alternate = write_rows(tmp_path / "alternateNamesV2.txt", alts + more_alts)
    return main, alternate


def entities(text):
    lines = [line for line in text.splitlines() if line.startswith("  - ")]
    return {e["id"]: e for e in (json.loads(line[4:]) for line in lines)}


def imported(main, alternate=None, filters=Filters(), keep_known=False):
    keys, ids = known_names(None)
    return import_geonames(main, alternate, filters, keys, ids, keep_known)


def test_main_table_and_alternate_names(dumps):
    main, alternate = dumps
    result = imported(main, alternate)
    found = entities(result.text)
    mirzali = found["geonames_1"]
    assert mirzali["kind"] == "village" and mirzali["coords"] == [40.1, 46.5]
    current, historical = mirzali["forms"]
    assert current == {"form": "current", "used_by": ["geonames"],
                       "names": {"en": ["Mirzəli"], "hy": ["Միրզալի"], "ru": ["Мирзали"]}}
    # Мирзали is current too, so only the Azerbaijani historic name is left in `historical`.
    assert historical == {"form": "historical", "used_by": ["historical"], "names": {"az": ["Köhnə Mirzəli"]}}
    assert result.places == len(found) == 316 and result.rows == 317


def test_alternate_names_v1_reads_like_v2(dumps, tmp_path):
    main, alternate = dumps
    v1 = tmp_path / "alternateNames.txt"
    v1.write_text("".join("\t".join(line.rstrip("\n").split("\t")[:8]) + "\n"
                          for line in open(alternate, encoding="utf-8")), encoding="utf-8")
    assert entities(imported(main, str(v1)).text) == entities(imported(main, alternate).text)


def test_languages_preferred_first_and_pseudo_languages_left_out(dumps):
    found = entities(imported(*dumps).text)
    hrazdan = found["geonames_3"]["forms"][0]["names"]
    assert hrazdan["en"] == ["Hrazdan City", "Hrazdan", "Hrasdan", "Razdan"]  # preferred first, short last
    assert hrazdan["hy"] == ["Հրազդան"] and hrazdan["pt"] == ["Hrazdã"]  # ISO 639-2 hye, pt-BR
    assert set(hrazdan) == {"en", "hy", "ru", "pt"}
    assert found["geonames_3"]["forms"][1]["names"] == {"ru": ["Ахта"]}
    assert found["geonames_2"]["forms"][0]["names"]["ru"] == ["Мирзалы Второе", "Мирзали"]
    everything = json.dumps(found, ensure_ascii=False)
    for absent in ("https:", "AZ1234", "Q123456", "MRZ", "EVN", "AMEVN", "UDYZ", "Mirzo", "Akhta", "Hrazdanx"):
        assert absent not in everything
    # English from the main table's name when GeoNames has no English name.
    assert found["geonames_4"]["forms"][0]["names"] == {"en": ["Bakıxanov"], "ru": ["Бакиханов"]}


def test_main_table_alone_gives_one_english_name(dumps):
    main, _ = dumps
    found = entities(imported(main).text)
    assert found["geonames_1"]["forms"] == [{"form": "current", "used_by": ["geonames"], "names": {"en": ["Mirzəli"]}}]


def test_kinds(dumps):
    found = entities(imported(*dumps).text)
    kinds = {int(i.split("_")[1]): e["kind"] for i, e in found.items() if int(i.split("_")[1]) < 100}
    assert kinds == {1: "village", 2: "village", 3: "city", 4: "town", 5: "town", 6: "village", 7: "district",
                     8: "province", 9: "country", 10: "river", 11: "lake", 12: "reservoir", 13: "mountain",
                     14: "pass", 15: "settlement", 17: "city"}


def test_filters(dumps):
    main, alternate = dumps
    only = entities(imported(main, alternate, Filters.of(countries=["ge"])).text)
    assert set(only) == {"geonames_9", "geonames_17"}
    rivers_and_peaks = entities(imported(main, alternate, Filters.of(feature_classes=["H", "t"])).text)
    assert set(rivers_and_peaks) == {f"geonames_{n}" for n in (10, 11, 12, 13, 14)}
    big = imported(main, alternate, Filters.of(countries=["AZ", "AM"], min_population=10000))
    assert set(entities(big.text)) == {"geonames_3", "geonames_4", "geonames_5"}
    assert big.filtered == 317 - 3 and big.known == 0
    assert imported(main, alternate, Filters.of(min_population=4000)).known == 1  # Şuşa is built in
    with pytest.raises(ToponymsError, match="--feature-class 'X'"):
        Filters.of(feature_classes=["X"])
    with pytest.raises(ToponymsError, match="--country 'AZE'"):
        Filters.of(countries=["AZE"])


def test_known_places_are_skipped_or_kept_without_their_known_names(dumps):
    found = entities(imported(*dumps).text)
    assert "geonames_16" not in found
    kept = entities(imported(*dumps, keep_known=True).text)
    assert kept["geonames_16"]["forms"][0]["names"] == {"en": ["Shusha Town"]}


def test_places_share_spellings_in_the_imported_file(dumps, tmp_path):
    path = tmp_path / "geonames.yaml"
    path.write_text(imported(*dumps).text, encoding="utf-8")
    gazetteer, problems = check(["builtin", str(path)])
    assert problems == []
    matcher = Matcher(gazetteer)
    # Мирзали names both villages; the text also names the second one unambiguously.
    mentions = matcher.find("Мирзалы Второе: жители Мирзали вернулись.")
    assert [(m.surface, m.entity_id) for m in mentions] == [("Мирзалы Второе", "geonames_2"), ("Мирзали", "geonames_2")]
    alone = matcher.find("Жители Мирзали вернулись.")
    assert [(m.entity_id, m.form) for m in alone] == [("geonames_1", "current")]


def test_shared_spellings_allowed_only_in_flagged_files(tmp_path):
    line = '  - {"id": "%s", "kind": "village", "forms": [{"form": "f", "used_by": ["g"], "names": {"en": ["%s"]}}]}\n'
    body = 'users: {"g": "GeoNames"}\nentities:\n' + line % ("one", "Samename") + line % ("two", "Samename")
    strict, shared = tmp_path / "strict.yaml", tmp_path / "shared.yaml"
    strict.write_text(body, encoding="utf-8")
    shared.write_text("shared_spellings: allowed\n" + body, encoding="utf-8")
    assert any("also claimed by entity one" in p.message for p in check([str(strict)])[1])
    assert check([str(shared)])[1] == []
    # Sharing with another file (the built-in gazetteer) is still a conflict.
    clash = tmp_path / "clash.yaml"
    clash.write_text("shared_spellings: allowed\n" + 'users: {"g": "GeoNames"}\nentities:\n'
                     + line % ("three", "Stepanakert"), encoding="utf-8")
    assert any("'Stepanakert' of entity three" in p.message for p in check(["builtin", str(clash)])[1])
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("shared_spellings: yes please\n" + body, encoding="utf-8")
    assert any("`shared_spellings` must be `allowed`" in p.message for p in check([str(wrong)])[1])


def test_one_entity_per_line_reads_as_yaml_does(dumps, tmp_path, monkeypatch):
    import toponyms.gazetteer as gazetteer_module

    path = tmp_path / "geonames.yaml"
    path.write_text(imported(*dumps).text, encoding="utf-8")
    fast = load([str(path)])
    monkeypatch.setattr(gazetteer_module, "_load_entity_lines", lambda text: None)
    assert load([str(path)]) == fast


def test_cli_import_validate_and_find(run, dumps, tmp_path):
    main, alternate = dumps
    out = tmp_path / "geonames.yaml"
    result = run("gazetteer", "import", "geonames", main, "--alternate-names", alternate, "-o", str(out),
                 "--country", "AZ", "--country", "AM", "--feature-class", "P")
    assert result.exit_code == 0, result.output
    assert "places" in result.stderr and "written to" in result.stderr and result.stdout == ""
    assert run("gazetteer", "validate", str(out)).exit_code == 0
    both = run("gazetteer", "validate", "builtin", str(out))
    assert both.exit_code == 0 and "ok:" in both.stdout
    found = run("find", "-", "--json", "-g", "builtin", "-g", str(out),
                input="Раздан и Степанакерт; в Мирзалы Второе тихо.\n")
    ids = [json.loads(line)["id"] for line in found.stdout.splitlines()]
    assert ids == ["geonames_3", "khankendi", "geonames_2"]
    again = run("gazetteer", "import", "geonames", main, "-o", str(out))
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert run("gazetteer", "import", "geonames", main, "-o", str(out), "--force").exit_code == 0


def test_cli_import_to_standard_output(run, dumps):
    main, alternate = dumps
    result = run("gazetteer", "import", "geonames", main, "-a", alternate, "-f", "H", "--min-population", "0")
    assert result.exit_code == 0
    assert result.stdout.startswith("# toponyms gazetteer imported from GeoNames")
    assert set(entities(result.stdout)) == {"geonames_10", "geonames_11", "geonames_12"}


def test_compressed_dumps(dumps, tmp_path):
    main, alternate = dumps
    archive = tmp_path / "AZ.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "GeoNames readme\n")
        z.write(main, "AZ.txt")
    packed = tmp_path / "alternateNamesV2.txt.gz"
    packed.write_bytes(gzip.compress(open(alternate, "rb").read()))
    assert imported(str(archive), str(packed)).text.split("\n", 5)[5] == imported(main, alternate).text.split("\n", 5)[5]


@pytest.mark.parametrize("content, which, message", [
    ("1\tOne\tOne\t\t40\t46\tP\tPPL\tAZ\n", "main", "main.txt:1: 9 tab-separated columns, a GeoNames main table (allCountries.txt, XX.txt) row has 19"),
    ("1\t1\taz\tBir\t\t\t\t\t\t\n", "main", "this looks like an alternateNames file"),
    ("\t".join(main_row(1, "Bir", lat="north")) + "\n", "main", "main.txt:1: latitude 'north' is not a number"),
    ("\t".join(main_row(1, "Bir", lat=95)) + "\n", "main", "main.txt:1: coordinates 95, 46.5 are out of range"),
    ("\t".join(main_row("x1", "Bir")) + "\n", "main", "geonameid 'x1' is not a number"),
    ("\t".join(main_row(1, "Bir", population="many")) + "\n", "main", "population 'many' is not a number"),
    ("1\t1\taz\tBir\t\t\n", "alternate", "alt.txt:2: 6 tab-separated columns, a GeoNames alternateNames row has 8 or 10"),
    (b"\xff\xfe bad bytes\n", "main", "main.txt:1: not UTF-8 text"),
])
def test_malformed_rows_are_one_line_errors(run, tmp_path, content, which, message):
    good_main = "\t".join(main_row(1, "Bir")) + "\n"
    main, alt = tmp_path / "main.txt", tmp_path / "alt.txt"
    if which == "main":
        (main.write_bytes if isinstance(content, bytes) else main.write_text)(content)
        alt.write_text("\t".join(alt_row(1, 1, "az", "Bir")) + "\n")
    else:
        main.write_text(good_main)
        alt.write_text("\t".join(alt_row(1, 1, "az", "Bir")) + "\n" + content)
    result = run("gazetteer", "import", "geonames", str(main), "--alternate-names", str(alt))
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file(run, tmp_path):
    result = run("gazetteer", "import", "geonames", str(tmp_path / "none.txt"))
    assert result.exit_code == 2 and "none.txt: no such file" in result.stderr

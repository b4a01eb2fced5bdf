"""The compiled matcher: prefix-hash scanning, the on-disk cache, its invalidation and repair."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import toponyms.match as match_module
from toponyms.compiled import (
    CompiledGazetteer, CompiledNameIndex, PrefixScanner, cache_dir, load_gazetteer, load_matcher, name_index,
)
from toponyms.gazetteer import LANGUAGES, load
from toponyms.lookup import NameIndex
from toponyms.match import Matcher

PIECES = [
    "Madagiz, now Sugovushan; Մատաղիս. ", "Xankəndidə və Şuşaya. ", "Ստեփանակերտում և Շուշիում։ ",
    "В Шуше идут бои, жители Шуши ушли; Нагорного Карабаха. ", "Hankendi'ye, Dağlık Karabağ'da. ",
    "près d'Agdam. ", "Bergkarabachs Lage. ", "He smoked ganja; Ganja was shelled. ", "The poet Fuzuli. ",
    "Talysh people; Talysh village. ", "😀 Stepanakert 𝔘 Upper Karabakh. ", "Xagdam Bakunin. ",
    "СтепанакертX, 2Шуша, Şuşa2020, (Ստեփանակերտ) «Шуша» #Madagiz. ",
]

IMPORTED = """\
# one entity a line, places sharing spellings
shared_spellings: allowed
users: {"geonames": "GeoNames", "historical": "older name"}
entities:
  - {"id": "geonames_1", "kind": "village", "coords": [40.1, 46.5], "forms": [{"form": "current", "used_by": ["geonames"], "names": {"en": ["Mirzali"], "ru": ["Мирзали"], "hy": ["Միրզալի"]}}, {"form": "historical", "used_by": ["historical"], "names": {"az": ["Köhnə Mirzəli"]}}]}
  - {"id": "geonames_2", "kind": "village", "coords": [40.3, 46.5], "forms": [{"form": "current", "used_by": ["geonames"], "names": {"en": ["Mirzali"], "ru": ["Мирзали", "Мирзалы Второе"]}}]}
  - {"id": "geonames_3", "kind": "town", "coords": [40.5, 44.77], "forms": [{"form": "current", "used_by": ["geonames"], "names": {"en": ["Hrazdan"], "hy": ["Հրազդան"], "ru": ["Раздан"]}}]}
"""


@pytest.fixture
def imported(tmp_path):
    path = tmp_path / "geonames.yaml"
    path.write_text(IMPORTED, encoding="utf-8")
    return str(path)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def prefix_scan(monkeypatch):
    """Every matcher scans by prefix hashing, however few keys it has."""
    monkeypatch.setattr(match_module, "SCANNER_MIN_KEYS", 0)


def cache_files(directory):
    return sorted(directory.glob("matcher-*.bin"))


def test_prefix_scanner_finds_what_the_automaton_finds(gazetteer, matcher, prefix_scan):
    scanning = Matcher(gazetteer)
    assert isinstance(scanning._scanner, PrefixScanner) and not isinstance(matcher._scanner, PrefixScanner)
    for piece in PIECES:
        assert scanning.find(piece) == matcher.find(piece), piece
    text = "".join(PIECES * 40)
    assert scanning.find(text) == matcher.find(text) == matcher.find(text, langs=LANGUAGES)
    assert scanning.find(text, langs=["ru"]) == matcher.find(text, langs=["ru"])


def test_cache_miss_then_hit_gives_the_same_mentions(imported, cache, prefix_scan):
    paths = ["builtin", imported]
    text = "".join(PIECES) + " Жители Мирзали; Раздан и Հրազդանում; Köhnə Mirzəlidə."
    first, first_matcher = load_matcher(paths, use_cache=True)
    assert not isinstance(first, CompiledGazetteer)
    assert len(cache_files(cache)) == 1
    second, second_matcher = load_matcher(paths, use_cache=True)
    assert isinstance(second, CompiledGazetteer) and isinstance(second_matcher._scanner, PrefixScanner)
    assert second_matcher.find(text) == first_matcher.find(text)
    big = text * 60
    assert second_matcher.find(big) == first_matcher.find(big) == first_matcher.find(big, langs=LANGUAGES)
    assert len(second) == len(first) and second.users == first.users and second.paths == first.paths
    assert [second.get(e.id) for e in first.entities] == list(first.entities)
    assert "geonames_3" in second and "atlantis" not in second
    assert list(second_matcher.keys) == list(first_matcher.keys)
    # A matcher made from the cached gazetteer (as the translation pipeline does) is the cached one.
    assert Matcher(second).find(text) == first_matcher.find(text)


def test_cache_without_prefix_scanning_rebuilds_the_automaton(imported, cache):
    # The built-in gazetteer alone now has more keys than SCANNER_MIN_KEYS (case forms and
    # derived spellings), so the small import stands alone here.
    load_matcher([imported], use_cache=True)
    gazetteer, matcher = load_matcher([imported], use_cache=True)
    assert isinstance(gazetteer, CompiledGazetteer) and not isinstance(matcher._scanner, PrefixScanner)
    assert [m.entity_id for m in matcher.find("Жители Мирзали и Раздан.")] == ["geonames_1", "geonames_3"]


def test_ambiguous_names_settle_the_same_from_the_cache(imported, cache, prefix_scan):
    load_matcher([imported], use_cache=True)
    _, matcher = load_matcher([imported], use_cache=True)
    assert [m.entity_id for m in matcher.find("Жители Мирзали вернулись.")] == ["geonames_1"]
    both = matcher.find("Мирзалы Второе: жители Мирзали вернулись.")
    assert [(m.entity_id, m.form) for m in both] == [("geonames_2", "current"), ("geonames_2", "current")]


def test_a_changed_file_makes_a_new_cache(imported, cache, prefix_scan):
    load_matcher([imported], use_cache=True)
    # The Armenian spelling changes too: its scholarly romanisation is a derived spelling (Hrazdan).
    Path(imported).write_text(IMPORTED.replace("Hrazdan", "Hrazdam").replace("Հրազդան", "Հրազդամ"), encoding="utf-8")
    gazetteer, matcher = load_matcher([imported], use_cache=True)
    assert not isinstance(gazetteer, CompiledGazetteer)  # rebuilt, not the stale cache
    assert len(cache_files(cache)) == 2
    gazetteer, matcher = load_matcher([imported], use_cache=True)
    assert isinstance(gazetteer, CompiledGazetteer)
    assert [m.name for m in matcher.find("Hrazdan or Hrazdam?")] == ["Hrazdam"]


@pytest.mark.parametrize("damage", ["garbage", "truncate", "flip", "empty"])
def test_a_damaged_cache_is_ignored_and_rebuilt(imported, cache, prefix_scan, damage):
    load_matcher([imported], use_cache=True)
    (path,) = cache_files(cache)
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not a cache at all" * 100)
    elif damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        middle = len(data) - 1000
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:])
    else:
        path.write_bytes(b"")
    gazetteer, matcher = load_matcher([imported], use_cache=True)
    assert not isinstance(gazetteer, CompiledGazetteer)
    assert [m.entity_id for m in matcher.find("Раздан")] == ["geonames_3"]
    assert path.read_bytes() == data  # written again, whole
    gazetteer, matcher = load_matcher([imported], use_cache=True)
    assert isinstance(gazetteer, CompiledGazetteer)


def test_concurrent_processes_share_the_cache(imported, cache):
    script = ("import sys; from toponyms.compiled import load_matcher; "
              "g, m = load_matcher(sys.argv[1:], use_cache=True); "
              "print(type(g).__name__, [x.entity_id for x in m.find('Раздан и Степанакерт')])")
    env = {**os.environ, "TOPONYMS_CACHE_DIR": str(cache)}
    command = [sys.executable, "-c", script, "builtin", imported]
    running = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
               for _ in range(4)]
    outputs = [p.communicate(timeout=600) for p in running]
    assert all(p.returncode == 0 for p in running), outputs
    assert all(out.split(" ", 1)[1].strip() == "['geonames_3', 'khankendi']" for out, _ in outputs)
    assert len(cache_files(cache)) == 1 and not list(cache.glob(".*part"))
    after = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert after.stdout.startswith("CompiledGazetteer")


def test_small_gazetteers_are_read_directly(cache, imported):
    gazetteer, matcher = load_matcher()
    # No matcher cache: only the spellings derived by rule are kept (toponyms/derived.py).
    assert not isinstance(gazetteer, CompiledGazetteer) and not cache_files(cache)
    assert load_gazetteer() == load()
    assert isinstance(name_index(load_gazetteer()), NameIndex)
    load_matcher([imported])
    assert not cache_files(cache)


def test_old_derived_spellings_files_are_pruned(cache, imported):
    # Each gazetteer edit or upgrade writes a new derived-*.marshal; only the latest few are kept.
    from toponyms.cachedir import CACHE_KEEP
    from toponyms.derived import derived_spellings

    cache.mkdir(parents=True)
    old = [cache / f"derived-{n:032x}.marshal" for n in range(CACHE_KEEP + 4)]
    for age, path in enumerate(old):
        path.write_bytes(b"stale")
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
    left_by_a_killed_run = cache / f".{old[0].name}.x1y2.part"
    left_by_a_killed_run.write_bytes(b"half")
    os.utime(left_by_a_killed_run, (1_000_000, 1_000_000))
    assert derived_spellings(load([imported]))
    kept = sorted(cache.glob("derived-*.marshal"))
    assert len(kept) == CACHE_KEEP and old[-1] in kept and old[0] not in kept
    assert not left_by_a_killed_run.exists()
    # The new file is among those kept, and is read back on the next run.
    assert derived_spellings(load([imported])) == derived_spellings(load([imported]), use_cache=False)


def test_unwritable_cache_is_not_an_error(tmp_path, monkeypatch, imported):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(blocker / "cache"))
    gazetteer, matcher = load_matcher([imported], use_cache=True)
    assert [m.entity_id for m in matcher.find("Раздан")] == ["geonames_3"]


def test_cache_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("TOPONYMS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "toponyms"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "toponyms"
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"


def test_lookup_from_the_cache(imported, cache, prefix_scan):
    plain = NameIndex(load(["builtin", imported]))
    load_matcher(["builtin", imported], use_cache=True)
    gazetteer = load_matcher(["builtin", imported], use_cache=True)[0]
    index = name_index(gazetteer)
    assert isinstance(index, CompiledNameIndex)
    for query in ["Мирзали", "MIRZALI", "Степанакерте", "Hrazdan", "Раздан", "geonames 3", "Xankəndidə", "Atlantis",
                  "Köhnə Mirzəli", "Nagorno-Karabakh"]:
        assert [e.id for e in index.lookup(query)] == [e.id for e in plain.lookup(query)], query
    assert index.suggest("Hrazdam")[:1] == ["Hrazdan"]
    assert json.dumps([e.to_json() for e in index.lookup("Раздан")], ensure_ascii=False)


@pytest.mark.parametrize("compact", [False, True])
def test_many_places_share_a_name(tmp_path, cache, monkeypatch, compact):
    if compact:
        monkeypatch.setattr(match_module, "SCANNER_MIN_KEYS", 0)
    line = ('  - {"id": "village_%d", "kind": "village", "forms": [{"form": "current", "used_by": ["g"], '
            '"names": {"en": ["Samename", "Samename %d"], "az": ["Eyniad"]}}]}\n')
    path = tmp_path / "many.yaml"
    path.write_text('shared_spellings: allowed\nusers: {"g": "GeoNames"}\nentities:\n'
                    + "".join(line % (n, n) for n in range(60)), encoding="utf-8")
    for _ in range(2):  # built, then from the cache
        gazetteer, matcher = load_matcher([str(path)], use_cache=True)
        # An Azerbaijani suffix is read in Azerbaijani text only (see tests/test_match_lang.py).
        text = "Samename 37 is a village. Samename və Eyniadda kəndlərində deyirlər."
        assert [(m.surface, m.entity_id) for m in matcher.find(text)] == [
            ("Samename 37", "village_37"), ("Samename", "village_37"), ("Eyniadda", "village_37")]
        assert [m.entity_id for m in matcher.find("Samename, Eyniadda.")] == ["village_0", "village_0"]
        long = (text + " ") * 200
        assert matcher.find(long) == matcher.find(long, langs=LANGUAGES)
        assert {m.entity_id for m in matcher.find(long)} == {"village_37"}
    assert isinstance(gazetteer, CompiledGazetteer)


def kept_files(directory, kind):
    return sorted(directory.glob(f"{kind}-*.pickle"))


def test_small_gazetteers_are_kept_and_an_edit_is_never_served_stale(tmp_path, cache, run):
    path = tmp_path / "mine.yaml"
    path.write_text(IMPORTED, encoding="utf-8")
    first, first_matcher = load_matcher([str(path)])
    assert kept_files(cache, "matcher") and not cache_files(cache)
    second, second_matcher = load_matcher([str(path)])  # from the pickle
    assert second == first and second_matcher.keys == first_matcher.keys
    assert [m.entity_id for m in second_matcher.find("Раздан и Мирзали")] == ["geonames_3", "geonames_1"]
    assert json.loads(run("lookup", "Раздан", "--json", "-g", str(path)).stdout)[0]["id"] == "geonames_3"
    assert kept_files(cache, "gazetteer")
    # The same size, one letter changed: what the pickles hold is no longer this file.
    path.write_text(IMPORTED.replace("Раздан", "Развал"), encoding="utf-8")
    _, matcher = load_matcher([str(path)])
    assert [m.entity_id for m in matcher.find("Раздан и Развал")] == ["geonames_3"]
    assert matcher.find("Раздан") == [] and load_gazetteer([str(path)]).get("geonames_3").forms[0].names["ru"] == ("Развал",)
    assert run("lookup", "Раздан", "-g", str(path)).exit_code == 1
    assert json.loads(run("lookup", "Развал", "--json", "-g", str(path)).stdout)[0]["id"] == "geonames_3"


def test_a_damaged_pickle_is_made_again(tmp_path, cache):
    path = tmp_path / "mine.yaml"
    path.write_text(IMPORTED, encoding="utf-8")
    load_gazetteer([str(path)])
    load_matcher([str(path)])
    for kept in kept_files(cache, "gazetteer") + kept_files(cache, "matcher"):
        data = bytearray(kept.read_bytes())
        data[len(data) // 2] ^= 0xFF
        kept.write_bytes(bytes(data))
    assert load_gazetteer([str(path)]) == load([str(path)])
    _, matcher = load_matcher([str(path)])
    assert [m.entity_id for m in matcher.find("Раздан")] == ["geonames_3"]
    for kept in kept_files(cache, "matcher"):
        kept.write_bytes(kept.read_bytes()[:100])  # truncated
    _, matcher = load_matcher([str(path)])
    assert [m.entity_id for m in matcher.find("Раздан")] == ["geonames_3"]


def test_lookup_of_an_inflected_name_of_a_kept_gazetteer(tmp_path, cache, run):
    path = tmp_path / "mine.yaml"
    path.write_text(IMPORTED, encoding="utf-8")
    for _ in range(2):  # made, then read back
        found = run("lookup", "Раздане", "--json", "-g", str(path))
        assert found.exit_code == 0 and json.loads(found.stdout)[0]["id"] == "geonames_3"
        assert "did you mean Раздан" in run("lookup", "Раздам", "-g", str(path)).stderr
    assert kept_files(cache, "gazetteer") and not kept_files(cache, "listed")  # its few places' matcher is made
    assert name_index(load_gazetteer([str(path)])).lookup("Мирзали") == [load_gazetteer([str(path)]).get("geonames_1"),
                                                                        load_gazetteer([str(path)]).get("geonames_2")]
    path.write_text(IMPORTED.replace("Раздан", "Развал"), encoding="utf-8")
    assert run("lookup", "Раздане", "-g", str(path)).exit_code == 1
    assert json.loads(run("lookup", "Развале", "--json", "-g", str(path)).stdout)[0]["id"] == "geonames_3"


def test_a_kept_gazetteer_carries_the_lookup_tables_a_fresh_index_makes(tmp_path, cache):
    path = tmp_path / "mine.yaml"
    path.write_text(IMPORTED, encoding="utf-8")
    load_gazetteer([str(path)])  # made and kept
    kept = load_gazetteer([str(path)])  # read back
    assert "_name_tables" in vars(kept)
    fresh = NameIndex(load([str(path)]))
    index = name_index(kept)
    assert index.by_key.keys() == fresh.by_key.keys() and index.spelling_of == fresh.spelling_of
    assert {k: [e.id for e in v] for k, v in index.by_key.items()} == {k: [e.id for e in v] for k, v in fresh.by_key.items()}
    assert index._latin_keys == fresh._latin_keys
    for query in ("Раздам", "Mirzaly", "Hrazdn", "Atlantis"):
        assert index.suggest(query) == fresh.suggest(query)


def test_a_kept_matcher_makes_its_readings_on_first_use_as_a_fresh_one_does(tmp_path, cache):
    path = tmp_path / "mine.yaml"
    path.write_text(IMPORTED, encoding="utf-8")
    _, fresh = load_matcher([str(path)])  # made and kept
    _, kept = load_matcher([str(path)])  # read back: its readings are a Memo
    assert list(kept._fields) == list(fresh._fields) and len(kept._fields) == len(kept.keys)
    text = "Раздан и Мирзали, Köhnə Mirzəli. Мирзалы Второе"
    assert kept.find(text) == fresh.find(text) == Matcher(load([str(path)])).find(text)


def test_a_kept_matchers_candidates_are_the_named_tuples_a_fresh_one_has(tmp_path, cache):
    path = tmp_path / "mine.yaml"
    path.write_text(IMPORTED, encoding="utf-8")
    load_matcher([str(path)])  # made and kept
    _, kept = load_matcher([str(path)])
    fresh = Matcher(load([str(path)]))
    assert list(kept.candidates) == fresh.candidates and len(kept.candidates) == len(fresh.candidates)
    assert all(type(c) is type(fresh.candidates[0][0]) for cs in kept.candidates for c in cs)
    assert kept.candidates[0] is kept.candidates[0]  # made once: `is` holds as in the list
    assert kept.find("Мирзалы Второе, Раздана", fuzzy=True) == fresh.find("Мирзалы Второе, Раздана", fuzzy=True)

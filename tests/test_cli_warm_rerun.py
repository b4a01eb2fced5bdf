"""A batch rerun whose outputs were deleted writes finished documents back from the translation cache,
byte for byte, without finding or placing names again; any change of input, settings, gazetteer
content or engine makes it do the work again.

The cache's `documents` table is marked by hand in some tests (its output bytes prefixed) to tell a
document written back from the cache from one made again: the mark shows in the output only when the
cache was used.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")

MARK = b"FROM THE CACHE "


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "cache"))
    gazetteer = Path(__file__).resolve().parent.parent / "gazetteer.yaml"
    shutil.copy(gazetteer, "gazetteer.yaml")
    monkeypatch.setenv("TOPONYMS_GAZETTEER", str(tmp_path / "gazetteer.yaml"))
    Path("src/apa").mkdir(parents=True)
    Path("src/apa/a.txt").write_text("Shelling hit Stepanakert overnight. Stepanakert has no power.\n",
                                     encoding="utf-8")
    Path("src/b.txt").write_text("Troops entered Madagiz and moved towards Shusha.\n", encoding="utf-8")
    return Path("src")


def translate(run, *args):
    result = run("translate", "src", "--out-dir", "out", "--engine", "apertium", "--from", "en", "--to", "es",
                 "-j", "1", "-q", *args)
    assert result.exit_code == 0, result.output
    return result


def outputs() -> dict[str, bytes]:
    return {name: Path("out", name).read_bytes() for name in ("apa/a.txt", "b.txt")}


def records() -> dict[str, str]:
    with sqlite3.connect("out/.toponyms/records.sqlite") as store:
        return dict(store.execute("SELECT path, rows FROM records"))


def cache(sql: str) -> list:
    with sqlite3.connect("cache/translations.sqlite") as db:
        return list(db.execute(sql))


def mark_cached_outputs() -> None:
    cache(f"UPDATE documents SET output = CAST(X'{MARK.hex()}' || output AS BLOB)")


def delete_outputs() -> None:
    for name in ("apa/a.txt", "b.txt"):
        Path("out", name).unlink()


def test_warm_rerun_gives_the_same_bytes_and_records(run, corpus):
    translate(run, "--record", "first.jsonl")
    first, first_records = outputs(), records()
    assert "Stepanakert" in first["apa/a.txt"].decode("utf-8")
    assert cache("SELECT count(*) FROM documents") == [(2,)]
    shutil.rmtree("out")  # outputs and the out-dir's state gone; the translation cache kept
    translate(run, "--record", "again.jsonl")
    assert outputs() == first
    assert records() == first_records
    assert Path("again.jsonl").read_bytes() == Path("first.jsonl").read_bytes()
    assert cache("SELECT count(*) FROM documents") == [(2,)]  # nothing new was made


def test_only_the_same_input_settings_gazetteer_and_engine_use_the_cache(run, corpus):
    translate(run)
    first = outputs()
    mark_cached_outputs()

    delete_outputs()
    translate(run)
    assert outputs() == {name: MARK + data for name, data in first.items()}  # written back from the cache

    delete_outputs()
    translate(run, "--rival", "every")  # another setting
    assert not any(data.startswith(MARK) for data in outputs().values())

    delete_outputs()
    with open("gazetteer.yaml", "a", encoding="utf-8") as file:
        file.write("# edited\n")  # the gazetteer's content changed, not its path
    translate(run)
    assert outputs() == first

    mark_cached_outputs()
    cache("UPDATE documents SET engines = '[[\"en>es\", \"apertium:an older pair\"]]'")
    delete_outputs()
    translate(run)  # the engine is not the one that made the cached documents
    assert outputs() == first

    mark_cached_outputs()
    Path("src/b.txt").write_text("Troops entered Madagiz.\n", encoding="utf-8")  # one input changed
    delete_outputs()
    translate(run)
    assert Path("out/apa/a.txt").read_bytes().startswith(MARK)
    assert not Path("out/b.txt").read_bytes().startswith(MARK)
    assert "Madagiz" in Path("out/b.txt").read_text(encoding="utf-8")


def test_a_touched_input_is_hashed_not_redone(run, corpus):
    import os

    translate(run)
    stamps = {name: Path("out", name).stat().st_mtime_ns for name in ("apa/a.txt", "b.txt")}
    os.utime("src/b.txt")
    result = run("translate", "src", "--out-dir", "out", "--engine", "apertium", "--from", "en", "--to", "es",
                 "-j", "1")
    assert "2 inputs: 0 done, 2 up to date, 0 failed" in result.stderr
    assert {name: Path("out", name).stat().st_mtime_ns for name in stamps} == stamps
    with sqlite3.connect("out/.toponyms/records.sqlite") as store:
        [(kept,)] = store.execute("SELECT input_mtime_ns FROM written WHERE path = 'b.txt'")
    assert kept == Path("src/b.txt").stat().st_mtime_ns  # the next run needs only a stat


def test_force_makes_the_documents_again(run, corpus):
    translate(run)
    first = outputs()
    mark_cached_outputs()
    delete_outputs()
    translate(run, "--force")
    assert outputs() == first


def test_outputs_deleted_with_the_state_kept_come_back_without_rewriting_the_store(run, corpus):
    translate(run, "--record", "first.jsonl")
    first, first_records = outputs(), records()
    with sqlite3.connect("out/.toponyms/records.sqlite") as store:
        rowids = sorted(store.execute("SELECT path, rowid FROM records"))
    delete_outputs()  # the out-dir's store kept
    translate(run, "--record", "again.jsonl")
    assert outputs() == first
    assert records() == first_records
    assert Path("again.jsonl").read_bytes() == Path("first.jsonl").read_bytes()
    with sqlite3.connect("out/.toponyms/records.sqlite") as store:
        # the records the store held were the same: left in place (a rewrite gives them new rowids)
        assert sorted(store.execute("SELECT path, rowid FROM records")) == rowids
        # and each path's row is for the content it now holds, with that file's size and time
        for path, sha, size, mtime in store.execute("SELECT path, sha256, output_size, output_mtime_ns FROM written"):
            data = Path("out", path).read_bytes()
            assert hashlib.sha256(data).hexdigest() == sha
            assert (size, mtime) == (len(data), Path("out", path).stat().st_mtime_ns)

"""The translation cache stays within $TOPONYMS_CACHE_MAX_MB, the oldest rows going first, and a cache an
older toponyms made (without the rows' stamps) still works."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from toponyms.translate.cache import CACHE_MAX_MB, TranslationCache


def key(text: str) -> bytes:
    return TranslationCache.key("apertium:eng-spa", "en", "es", text)


def test_a_full_cache_drops_its_oldest_rows(tmp_path):
    cache = TranslationCache(tmp_path / "t.sqlite", max_bytes=200_000)
    for batch in range(300):
        cache.put_many([(key(f"segment {batch} {n}"), f"segmento {batch} {n} " * 20) for n in range(10)])
    assert cache.used_bytes() <= 200_000 * 1.2  # checked every few writes: a little over at most
    assert len(cache.get_many([key(f"segment 299 {n}") for n in range(10)])) == 10
    assert cache.get_many([key(f"segment 0 {n}") for n in range(10)]) == {}
    # Nothing is dropped from a cache under its bound.
    roomy = TranslationCache(tmp_path / "roomy.sqlite", max_bytes=50_000_000)
    roomy.put_many([(key(f"s {n}"), "x") for n in range(1000)])
    assert roomy.trim() == 0 and len(roomy.get_many([key(f"s {n}") for n in range(1000)])) == 1000


def test_a_cache_without_stamps_is_read_and_extended(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:  # the schema of the toponyms before the bound
        db.execute("CREATE TABLE segments (key BLOB PRIMARY KEY, output TEXT NOT NULL)")
        db.execute("CREATE TABLE documents (key BLOB PRIMARY KEY, engines TEXT NOT NULL, output BLOB NOT NULL, "
                   "rows TEXT NOT NULL, detected TEXT)")
        db.execute("INSERT INTO segments VALUES (?, ?)", (key("Shusha"), "Shushá"))
    cache = TranslationCache(path)
    assert cache.get_many([key("Shusha")]) == {key("Shusha"): "Shushá"}
    cache.put_many([(key("Agdam"), "Agdam")])
    assert not cache.failed and cache.get_many([key("Agdam")]) == {key("Agdam"): "Agdam"}


def test_the_bound_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("TOPONYMS_CACHE_MAX_MB", "0.5")
    assert TranslationCache(tmp_path / "a.sqlite").max_bytes == 512 * 1024
    monkeypatch.setenv("TOPONYMS_CACHE_MAX_MB", "lots")
    assert TranslationCache(tmp_path / "b.sqlite").max_bytes == CACHE_MAX_MB * 1024 * 1024


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")
def test_a_batch_run_under_a_tiny_bound_gives_the_same_outputs(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "cache"))
    Path("src").mkdir()
    for n in range(12):
        Path(f"src/{n:02d}.txt").write_text(f"Report {n}: shelling hit Stepanakert and Shusha overnight.\n\n"
                                            f"Talks on Lachin resumed on day {n}.\n", encoding="utf-8")

    def translate(out: str, bound: str):
        monkeypatch.setenv("TOPONYMS_CACHE_MAX_MB", bound)
        result = run("translate", "src", "--out-dir", out, "--engine", "apertium", "--from", "en", "--to", "es",
                     "-j", "1", "-q")
        assert result.exit_code == 0, result.output
        return {path.name: path.read_bytes() for path in sorted(Path(out).glob("*.txt"))}

    roomy = translate("roomy", "2048")
    shutil.rmtree("cache")
    tiny = translate("tiny", "0.02")
    assert tiny == roomy and len(tiny) == 12
    assert TranslationCache(tmp_path / "cache" / "translations.sqlite").used_bytes() <= 0.02 * 1024 * 1024 * 4

"""Batch runs over a generated corpus: many files, workers, kill and resume, a bad file, the cache."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from corpus import write_articles  # noqa: E402

pytestmark = pytest.mark.skipif(subprocess.run(["which", "apertium"], capture_output=True).returncode != 0,
                                reason="apertium is not installed")


def toponyms(*args, env=None, **kwargs):
    return subprocess.run([sys.executable, "-m", "toponyms", *args], capture_output=True, text=True,
                          env=env, **kwargs)


@pytest.fixture
def cache_env(tmp_path):
    env = dict(os.environ, TOPONYMS_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("TOPONYMS_GAZETTEER", None)
    return env


def outputs(out_dir: Path) -> dict[str, Path]:
    return {str(p.relative_to(out_dir)): p for p in out_dir.rglob("*.txt")
            if not any(part.startswith(".") for part in p.relative_to(out_dir).parts)}


def test_kill_halfway_then_resume_without_redoing_or_partial_files(tmp_path, cache_env):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_articles(corpus, 2000)
    command = [sys.executable, "-m", "toponyms", "translate", str(corpus), "--out-dir", str(out),
               "--engine", "apertium", "--from", "en", "--to", "es", "--jobs", "2", "--quiet"]
    process = subprocess.Popen(command, env=cache_env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(outputs(out)) < 600 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    first = outputs(out)
    assert 0 < len(first) < 2000, "the run must be killed halfway for this test to mean anything"
    for path in first.values():  # whole files only: Apertium keeps the line layout
        assert path.read_text(encoding="utf-8").count("\n") == (corpus / path.relative_to(out)).read_text(
            encoding="utf-8").count("\n")
    stamps = {name: path.stat().st_mtime_ns for name, path in first.items()}
    # The store, killed mid-run, is whole: every output on disk has its row and its record.
    import hashlib
    import sqlite3

    with sqlite3.connect(out / ".toponyms" / "records.sqlite") as store:
        assert store.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        written = set(store.execute("SELECT path, sha256 FROM written"))
        recorded = {path for (path,) in store.execute("SELECT path FROM records")}
    for name, path in first.items():
        assert (name, hashlib.sha256(path.read_bytes()).hexdigest()) in written
        assert name in recorded

    rerun = toponyms(*command[3:], env=cache_env)
    assert rerun.returncode == 0, rerun.stderr
    final = outputs(out)
    assert len(final) == 2000
    redone = [name for name, stamp in stamps.items() if final[name].stat().st_mtime_ns != stamp]
    assert redone == []
    assert not list(out.rglob("*.part"))
    with sqlite3.connect(out / ".toponyms" / "records.sqlite") as store:
        assert store.execute("SELECT count(*) FROM records").fetchone() == (2000,)


def test_one_unreadable_file_gives_one_error_and_exit_1(tmp_path, cache_env):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    paths = write_articles(corpus, 40)
    paths[7].write_bytes("Shelling near Ağdam".encode("utf-8")[:-3] + b"\xff\xfe\n")
    result = toponyms("translate", str(corpus), "--out-dir", str(out), "--engine", "apertium", "--from", "en",
                      "--to", "es", "--jobs", "2", "--quiet", env=cache_env)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and str(paths[7]) in errors[0] and "not UTF-8" in errors[0]
    assert len(outputs(out)) == 39


def test_rerun_skips_up_to_date_and_force_redoes(tmp_path, cache_env):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_articles(corpus, 12)
    args = ("translate", str(corpus), "--out-dir", str(out), "--engine", "apertium", "--from", "en", "--to", "es")
    assert toponyms(*args, env=cache_env).returncode == 0
    again = toponyms(*args, env=cache_env)
    assert "0 done, 12 up to date, 0 failed" in again.stderr
    first, second = sorted(corpus.rglob("*.txt"))[:2]
    os.utime(first, (time.time() + 5, time.time() + 5))  # a newer date alone is not a change
    assert "0 done, 12 up to date" in toponyms(*args, env=cache_env).stderr
    second.write_text(second.read_text(encoding="utf-8") + "Talks resumed.\n", encoding="utf-8")
    assert "1 done, 11 up to date" in toponyms(*args, env=cache_env).stderr
    assert "12 done, 0 up to date" in toponyms(*args, "--force", env=cache_env).stderr
    changed = toponyms(*args[:-1], "fr", env=cache_env)  # other settings: everything is redone
    assert changed.returncode == 2 or "12 done" in changed.stderr


def test_combined_record_includes_skipped_documents(tmp_path, cache_env):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_articles(corpus, 8)
    args = ("translate", str(corpus), "--out-dir", str(out), "--engine", "apertium", "--from", "en", "--to", "es")
    first = tmp_path / "first.jsonl"
    assert toponyms(*args, "--record", str(first), env=cache_env).returncode == 0
    second = tmp_path / "second.jsonl"
    assert toponyms(*args, "--record", str(second), env=cache_env).returncode == 0
    rows = [json.loads(line) for line in second.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(first.read_text(encoding="utf-8").splitlines()) > 8
    assert {Path(r["doc"]).parent.name for r in rows} == {"apa", "armenpress", "reuters", "tass"}


def test_json_lines_pipeline_passes_other_fields_through(run):
    lines = ('{"id": 1, "outlet": "apa.az", "text": "Troops entered Madagiz.", "tags": ["war"]}\n'
             '{"id": 2, "outlet": "news.am", "text": "Shelling hit Stepanakert."}\n')
    result = run("translate", "-", "--jsonl", "--from", "en", "--to", "es", "--engine", "apertium",
                 "--names-field", "places", "--quiet", "--no-cache", input=lines)
    assert result.exit_code == 0, result.output
    first, second = [json.loads(line) for line in result.stdout.splitlines()]
    assert first["id"] == 1 and first["outlet"] == "apa.az" and first["tags"] == ["war"]
    assert "Madagiz (Sugovushan)" in first["text"] and first["text"] != "Troops entered Madagiz."
    assert [p["source_text"] for p in first["places"]] == ["Madagiz"]
    assert second["places"][0]["target_text"] == "Stepanakert"


def test_cache_makes_a_rerun_translate_nothing(tmp_path, monkeypatch):
    from toponyms.translate.cache import CachedEngine, TranslationCache
    from toponyms.translate.engines.apertium import ApertiumEngine

    cache = TranslationCache(tmp_path / "t.sqlite")
    engine = CachedEngine(ApertiumEngine(), cache)
    segments = ["The town of Shusha stands on a plateau.", "Talks resumed on Monday.", "Talks resumed on Monday."]
    first = engine.translate(segments, "en", "es")
    assert (engine.hits, engine.misses) == (1, 2)
    again = CachedEngine(ApertiumEngine(), TranslationCache(tmp_path / "t.sqlite"))
    assert again.translate(segments, "en", "es") == first
    assert (again.hits, again.misses) == (3, 0)
    assert first == ApertiumEngine().translate(segments, "en", "es")

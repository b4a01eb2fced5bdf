"""Errors before work, and one line for each failure: full disks, unwritable places, unusable caches.

The full and read-only disks are small tmpfs mounts (the tests need root, as CI has, and skip otherwise).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def one_line(result, status: int, text: str) -> None:
    assert result.exit_code == status, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and text in errors[0], result.stderr


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    (root / "a.txt").write_text("Troops entered Madagiz.\n", encoding="utf-8")
    (root / "b.txt").write_text("Shelling hit Stepanakert.\n", encoding="utf-8")
    return root


def mount_tmpfs(where: Path, options: str) -> Path:
    where.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    if result.returncode:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    return where


@pytest.fixture
def full_disk(tmp_path):
    """A directory on a 256 KiB filesystem whose every block is taken; its subdirectory `state` made before."""
    disk = mount_tmpfs(tmp_path / "disk", "size=256k")
    try:
        (disk / "out" / ".toponyms").mkdir(parents=True)
        filler = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(filler, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(filler)
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


@pytest.fixture
def read_only_disk(tmp_path):
    disk = mount_tmpfs(tmp_path / "ro", "ro,size=64k")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_disk_full_while_making_the_out_dir_state_is_one_line(run, corpus, full_disk):
    before = snapshot(corpus)
    result = run("normalise", str(corpus), "--lang", "en", "--out-dir", str(full_disk / "out"), "--jobs", "1")
    # The first thing an out-dir run writes is its store (records.sqlite), before any input is read.
    one_line(result, 2, f"{full_disk / 'out' / '.toponyms' / 'records.sqlite'}: cannot use the out-dir's store: "
                        "database or disk is full")
    assert [p.name for p in (full_disk / "out").rglob("*") if p.name.endswith(".part")] == []
    assert snapshot(corpus) == before


def test_disk_full_while_writing_the_record_is_one_line(run, full_disk):
    record = full_disk / "names.jsonl"
    result = run("normalise", "-", "--lang", "en", "--rival", "none", "--record", str(record),
                 input="Troops entered Madagiz. " * 2000)
    one_line(result, 2, f"{record}: cannot write: No space left on device")
    assert result.stdout.startswith("Troops entered Madagiz.")  # the work was done and given
    assert not record.exists() and not [p for p in full_disk.iterdir() if p.name.endswith(".part")]


def test_out_dir_on_a_read_only_filesystem_is_one_line(run, corpus, read_only_disk):
    result = run("normalise", str(corpus), "--lang", "en", "--out-dir", str(read_only_disk / "sub" / "out"))
    one_line(result, 2, f"{read_only_disk / 'sub' / 'out'}: cannot create the output directory: "
                        f"Read-only file system")


def test_out_dir_under_a_file_is_one_line(run, corpus):
    result = run("normalise", str(corpus), "--lang", "en", "--out-dir", str(corpus / "a.txt" / "out"))
    one_line(result, 2, f"{corpus / 'a.txt' / 'out'}: cannot create the output directory: Not a directory")


def test_record_destination_is_checked_before_any_input_is_read(run, corpus, tmp_path):
    out = tmp_path / "out"
    result = run("normalise", str(corpus), "--lang", "en", "--out-dir", str(out),
                 "--record", str(tmp_path / "missing" / "names.jsonl"))
    one_line(result, 2, f"{tmp_path / 'missing' / 'names.jsonl'}: directory {tmp_path / 'missing'} does not exist")
    assert not out.exists()  # nothing was done


def test_format_is_checked_before_any_input_is_read(run, corpus, tmp_path):
    out = tmp_path / "out"
    result = run("normalise", str(corpus), "--lang", "en", "--out-dir", str(out), "--format", "pdf")
    one_line(result, 2, "unknown document format 'pdf': use one of txt, md, html, jsonl, docx, odt, srt, vtt, epub")
    assert not out.exists()


def test_find_with_no_readable_input_says_so_before_reading_the_gazetteer(run, tmp_path):
    """A mistyped path is reported at once: the gazetteer (here a broken one) is not even read."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("entities: [\n", encoding="utf-8")
    result = run("find", str(tmp_path / "nosuch.txt"), "--json", "-g", str(broken))
    one_line(result, 1, f"{tmp_path / 'nosuch.txt'}: no such file")
    assert result.stdout == ""


def test_find_reports_a_missing_path_and_searches_the_others(run, corpus, tmp_path):
    result = run("find", str(tmp_path / "nosuch.txt"), str(corpus / "a.txt"), "--json")
    one_line(result, 1, f"{tmp_path / 'nosuch.txt'}: no such file")
    assert '"surface": "Madagiz", "id": "sugovushan"' in result.stdout


@needs_apertium
@pytest.mark.parametrize("where", ["file", "under-a-file", "read-only"])
def test_cache_dir_that_cannot_be_used_warns_once_and_translation_goes_on(tmp_path, where, request):
    blocker = tmp_path / "cache-file"
    blocker.write_text("not a directory", encoding="utf-8")
    cache = {"file": blocker, "under-a-file": blocker / "sub"}.get(where)
    if cache is None:
        cache = request.getfixturevalue("read_only_disk") / "cache"
    env = dict(os.environ, TOPONYMS_CACHE_DIR=str(cache))
    env.pop("TOPONYMS_GAZETTEER", None)
    result = subprocess.run([sys.executable, "-m", "toponyms", "translate", "-", "--from", "en", "--to", "es",
                             "--engine", "apertium", "--quiet"], input="Troops entered Madagiz.\n",
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "Madagiz (Sugovushan)" in result.stdout
    [warning] = result.stderr.splitlines()
    assert warning.startswith(f"warning: translation cache {cache / 'translations.sqlite'} unusable")
    assert blocker.read_text(encoding="utf-8") == "not a directory"


@needs_apertium
def test_garbage_translation_cache_is_rebuilt_once(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "translations.sqlite").write_bytes(b"this is no database\n" * 10)
    env = dict(os.environ, TOPONYMS_CACHE_DIR=str(cache))
    env.pop("TOPONYMS_GAZETTEER", None)
    command = [sys.executable, "-m", "toponyms", "translate", "-", "--from", "en", "--to", "es",
               "--engine", "apertium", "--quiet"]
    first = subprocess.run(command, input="Troops entered Madagiz.\n", capture_output=True, text=True, env=env)
    second = subprocess.run(command, input="Troops entered Madagiz.\n", capture_output=True, text=True, env=env)
    assert first.returncode == second.returncode == 0
    assert first.stderr == (f"warning: translation cache {cache / 'translations.sqlite'} was not a database; "
                            f"started a new one\n")
    assert second.stderr == ""
    assert first.stdout == second.stdout and "Madagiz (Sugovushan)" in first.stdout
    assert (cache / "translations.sqlite").read_bytes().startswith(b"SQLite format 3\0")

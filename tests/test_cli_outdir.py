"""--out-dir cannot hurt: it never replaces the inputs or the user's own files, and says what it refuses.

Every test checks that the user's files are byte for byte what they were.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from corpus import write_articles  # noqa: E402


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden ones too), by relative path."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def outputs(out: Path) -> dict[str, bytes]:
    """The outputs: files not hidden (not the state in .toponyms/, not a temporary file being written)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if not any(part.startswith(".") for part in p.relative_to(out).parts) and p.is_file()}


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "c"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("Troops entered Madagiz.\n", encoding="utf-8")
    (root / "sub" / "b.txt").write_text("Shelling hit Stepanakert.\n", encoding="utf-8")
    return root


def normalise(run, *args):
    return run("normalise", *args, "--lang", "en", "--convention", "armenian", "--jobs", "1")


def test_out_dir_that_is_the_input_directory_is_refused(run, corpus):
    before = snapshot(corpus)
    result = normalise(run, str(corpus), "--out-dir", str(corpus))
    assert result.exit_code == 2
    assert result.stderr == (f"Error: --out-dir {corpus} is the input directory {corpus}: its files would be "
                             f"replaced by their translations; choose another directory\n")
    assert snapshot(corpus) == before  # nothing written, not even .toponyms


def test_input_file_that_would_be_its_own_output_is_refused(run, corpus):
    before = snapshot(corpus)
    result = normalise(run, str(corpus / "a.txt"), "--out-dir", str(corpus))
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {corpus / 'a.txt'} would be replaced by its own translation "
                             f"(--out-dir {corpus}); choose another directory\n")
    assert snapshot(corpus) == before


def test_users_file_in_the_out_dir_is_not_overwritten_without_force(run, corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("my own notes\n", encoding="utf-8")
    (out / ".draft.part").write_text("my hidden draft\n", encoding="utf-8")
    (out / "sub").mkdir()
    (out / "sub" / ".b.txt.x1y2.part").write_text("also mine\n", encoding="utf-8")
    mine = snapshot(out)
    before = snapshot(corpus)
    result = normalise(run, str(corpus), "--out-dir", str(out))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: {out / 'a.txt'}: exists and was not written by toponyms; pass --force to overwrite it"]
    after = snapshot(out)
    assert {name: after[name] for name in mine} == mine  # the user's files, hidden .part ones too
    assert "Stepanakert" in (out / "sub" / "b.txt").read_text(encoding="utf-8")  # the other input was done
    assert snapshot(corpus) == before
    forced = normalise(run, str(corpus), "--out-dir", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert "Madagiz" in (out / "a.txt").read_text(encoding="utf-8")


def test_manifest_holds_the_hash_of_every_output_and_a_rerun_rewrites_only_its_own(run, corpus, tmp_path):
    import hashlib

    out = tmp_path / "out"
    assert normalise(run, str(corpus), "--out-dir", str(out)).exit_code == 0
    import sqlite3

    with sqlite3.connect(out / ".toponyms" / "records.sqlite") as store:
        entries = dict(store.execute("SELECT path, sha256 FROM written"))
    assert entries == {
        name: hashlib.sha256(data).hexdigest() for name, data in outputs(out).items()}
    (out / "a.txt").write_text("edited by hand\n", encoding="utf-8")  # no longer what the tool wrote
    (corpus / "a.txt").write_text("Troops left Madagiz.\n", encoding="utf-8")
    result = normalise(run, str(corpus), "--out-dir", str(out))
    assert result.exit_code == 1
    assert (out / "a.txt").read_text(encoding="utf-8") == "edited by hand\n"


def test_leftover_temporary_files_of_the_tool_are_removed_and_only_those(run, corpus, tmp_path):
    out = tmp_path / "out"
    assert normalise(run, str(corpus), "--out-dir", str(out)).exit_code == 0
    ours = out / "sub" / ".toponyms-b.txt.k3j2h1.part"
    ours.write_text("half an output", encoding="utf-8")
    theirs = out / "sub" / ".b.txt.k3j2h1.part"
    theirs.write_text("the user's", encoding="utf-8")
    assert normalise(run, str(corpus), "--out-dir", str(out)).exit_code == 0
    assert not ours.exists()
    assert theirs.read_text(encoding="utf-8") == "the user's"


def test_two_inputs_mapping_to_one_output_are_refused_with_both_names(run, tmp_path):
    for name, text in (("A", "Ganja"), ("B", "Shusha")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = normalise(run, str(tmp_path / "A"), str(tmp_path / "B"), "--out-dir", str(out))
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {tmp_path / 'A' / 'x.txt'} and {tmp_path / 'B' / 'x.txt'} would both be "
                             f"written to {out / 'x.txt'}: translate them into different --out-dir directories\n")
    assert not out.exists()


def test_out_dir_inside_the_input_directory_is_not_read_again(run, corpus):
    before = snapshot(corpus)
    for _ in range(2):
        result = normalise(run, str(corpus), "--out-dir", str(corpus / "en"))
        assert result.exit_code == 0, result.output
    assert sorted(outputs(corpus / "en")) == ["a.txt", "sub/b.txt"]
    assert "2 inputs: 0 done, 2 up to date" in result.stderr
    # Another run into a sibling out-dir passes over the first one too (it holds .toponyms).
    assert normalise(run, str(corpus), "--out-dir", str(corpus / "hy")).exit_code == 0
    assert sorted(outputs(corpus / "hy")) == ["a.txt", "sub/b.txt"]
    assert (corpus / "en" / "a.txt").read_text(encoding="utf-8").count("Madagiz") == 1
    assert {k: v for k, v in snapshot(corpus).items() if not k.startswith(("en/", "hy/"))} == before


GAZETTEER = """\
users: {azerbaijani: Azerbaijan, armenian: Armenia}
entities:
  - id: zorg
    kind: village
    forms:
      - form: zorg
        used_by: [azerbaijani]
        names: {en: [Zorgavan]}
      - form: blik
        used_by: [armenian]
        names: {en: [%s]}
"""


def test_an_edited_gazetteer_redoes_the_outputs(run, tmp_path):
    corpus, out, gazetteer = tmp_path / "c", tmp_path / "out", tmp_path / "g.yaml"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Shelling near Zorgavan.\n", encoding="utf-8")
    gazetteer.write_text(GAZETTEER % "Blikavan", encoding="utf-8")
    args = (str(corpus), "--out-dir", str(out), "-g", str(gazetteer))
    assert normalise(run, *args).exit_code == 0
    assert (out / "a.txt").read_text(encoding="utf-8") == "Shelling near Blikavan (Zorgavan).\n"
    gazetteer.write_text(GAZETTEER % "Blikavani", encoding="utf-8")
    result = normalise(run, *args)
    assert result.exit_code == 0, result.output
    assert (out / "a.txt").read_text(encoding="utf-8") == "Shelling near Blikavani (Zorgavan).\n"


def test_an_unchanged_rerun_is_up_to_date_and_a_changed_input_is_redone(run, corpus, tmp_path):
    out = tmp_path / "out"
    assert normalise(run, str(corpus), "--out-dir", str(out)).exit_code == 0
    assert "2 inputs: 0 done, 2 up to date, 0 failed" in normalise(run, str(corpus), "--out-dir", str(out)).stderr
    (corpus / "a.txt").write_text("Troops left Madagiz.\n", encoding="utf-8")
    assert "2 inputs: 1 done, 1 up to date, 0 failed" in normalise(run, str(corpus), "--out-dir", str(out)).stderr
    assert (out / "a.txt").read_text(encoding="utf-8").startswith("Troops left")


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")
def test_a_second_run_into_a_locked_out_dir_stops_with_one_line(run, tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_articles(corpus, 300)
    env = dict(os.environ, TOPONYMS_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("TOPONYMS_GAZETTEER", None)
    first = subprocess.Popen([sys.executable, "-m", "toponyms", "translate", str(corpus), "--out-dir", str(out),
                              "--engine", "apertium", "--from", "en", "--to", "es", "--jobs", "1", "--quiet"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not list(out.rglob("*.txt")) and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.05)
        assert first.poll() is None, "the first run must still be running"
        before = outputs(out)
        second = run("normalise", str(corpus), "--lang", "en", "--out-dir", str(out))
        assert first.poll() is None, "the first run must still be running"
    finally:
        first.terminate()
        first.wait()
    assert second.exit_code == 2
    assert second.stderr == (f"Error: {out}: another toponyms run is writing to this directory "
                             f"(it holds {out / '.toponyms' / 'lock'}); wait for it to end\n")
    assert all(outputs(out).get(name) == data for name, data in before.items())


def test_report_over_the_state_directory_reads_records_not_the_manifest(run, corpus, tmp_path):
    out = tmp_path / "out"
    assert normalise(run, str(corpus), "--out-dir", str(out)).exit_code == 0
    result = run("report", str(out / ".toponyms"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert sorted(place["id"] for place in json.loads(result.stdout)["places"]) == ["khankendi", "sugovushan"]


def test_an_edit_that_keeps_the_size_and_time_is_still_never_overwritten(run, corpus, tmp_path):
    """A rerun may skip an output by its size and time; it overwrites one only when its hash is the tool's."""
    out = tmp_path / "out"
    assert normalise(run, str(corpus), "--out-dir", str(out)).exit_code == 0
    target = out / "a.txt"
    info = target.stat()
    edited = b"x" * info.st_size
    target.write_bytes(edited)
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))  # as a copy tool that keeps times would
    (corpus / "a.txt").write_text("Troops left Madagiz again.\n", encoding="utf-8")
    result = normalise(run, str(corpus), "--out-dir", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (f"Error: {target}: exists and was not written by toponyms; "
                                             "pass --force to overwrite it")
    assert target.read_bytes() == edited


def test_an_output_gets_the_permissions_of_any_new_file_and_leaves_no_temporary(tmp_path):
    import stat

    from toponyms.outputs import OutputError, write_atomic

    previous = os.umask(0o027)
    try:
        write_atomic(str(tmp_path / "a.txt"), "Stepanakert\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o640  # 0o666 less the umask, as open() gives
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Stepanakert\n"
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(str(tmp_path / "a.txt"), "again")
    with pytest.raises(OutputError, match="directory .*missing does not exist"):
        write_atomic(str(tmp_path / "missing" / "b.txt"), "x")
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(str(tmp_path), "x", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no .toponyms-*.part left

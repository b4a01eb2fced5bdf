"""An out-dir keeps its records and the list of what it wrote in one SQLite store, `.toponyms/records.sqlite`.

Through the CLI: the records of every output land in the store and are the rows `--record` writes;
`report` reads them; `report --export jsonl|csv` gives them back; an out-dir of an older version
(manifest.jsonl and records/*.jsonl) is read, moved into the store and still protects the user's files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from pathlib import Path

import pytest

from toponyms.outdir import Store


def store_rows(out: Path) -> dict[str, list[dict]]:
    with sqlite3.connect(out / ".toponyms" / "records.sqlite") as store:
        return {path: [json.loads(line) for line in rows.splitlines()]
                for path, rows in store.execute("SELECT path, rows FROM records")}


def written(out: Path) -> dict[str, str]:
    with sqlite3.connect(out / ".toponyms" / "records.sqlite") as store:
        return dict(store.execute("SELECT path, sha256 FROM written"))


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = Path("src")
    (root / "apa").mkdir(parents=True)
    (root / "apa" / "a.txt").write_text("Fighting near Madagiz. Madagiz was shelled. Stepanakert is calm.\n",
                                        encoding="utf-8")
    (root / "b.txt").write_text("Shusha fell. Nothing else.\n", encoding="utf-8")
    (root / "c.txt").write_text("No place is named here.\n", encoding="utf-8")
    return root


def normalise(run, *args):
    result = run("normalise", "src", "--out-dir", "out", "--lang", "en", "--convention", "armenian", "-q",
                 "-j", "1", *args)
    assert result.exit_code == 0, result.output
    return result


def test_records_land_in_the_store_and_are_what_record_writes(run, corpus):
    normalise(run, "--record", "all.jsonl")
    rows = store_rows(Path("out"))
    assert sorted(rows) == ["apa/a.txt", "b.txt", "c.txt"]
    assert [r["source_form"] for r in rows["apa/a.txt"]] == ["madagiz", "madagiz", "stepanakert"]
    assert rows["c.txt"] == []
    gathered = [json.loads(line) for line in Path("all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(gathered, key=json.dumps) == sorted(sum(rows.values(), []), key=json.dumps)
    # What the store says was written is what is on disk; no sidecar files, no manifest log.
    assert written(Path("out")) == {name: hashlib.sha256(Path("out", name).read_bytes()).hexdigest()
                                    for name in ("apa/a.txt", "b.txt", "c.txt")}
    assert not Path("out/.toponyms/manifest.jsonl").exists() and not Path("out/.toponyms/records").exists()


def test_report_reads_the_out_dir_and_its_store_alike(run, corpus):
    normalise(run)
    source = json.loads(run("report", "src", "--format", "json").stdout)
    texts = json.loads(run("report", "out", "--format", "json").stdout)
    store = json.loads(run("report", "out/.toponyms/records.sqlite", "--format", "json").stdout)
    state = json.loads(run("report", "out/.toponyms", "--format", "json").stdout)
    for counted in (texts, store, state):
        assert counted["places"] == source["places"]
        assert (counted["documents"], counted["mentions"]) == (3, 4)
    by_dir = json.loads(run("report", "out/.toponyms/records.sqlite", "--by", "dir", "--format", "json").stdout)
    assert [(s["source"], s["documents"]) for s in by_dir["sources"]] == [("src", 2), ("src/apa", 1)]


def test_export_gives_the_rows_as_jsonl_and_csv(run, corpus):
    normalise(run, "--record", "all.jsonl")
    expected = store_rows(Path("out"))
    exported = run("report", "out", "--export", "jsonl")
    assert exported.exit_code == 0, exported.output
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert rows == expected["apa/a.txt"] + expected["b.txt"]  # in output path order
    assert run("report", "out/.toponyms/records.sqlite", "--export", "jsonl", "-o", "-").stdout == exported.stdout
    assert run("report", "out/.toponyms/records.sqlite", "--export", "csv", "-o", "rows.csv").exit_code == 0
    table = list(csv.DictReader(io.StringIO(Path("rows.csv").read_text(encoding="utf-8"))))
    assert [(r["doc"], r["id"], r["source_form"], r["source_start"]) for r in table] == [
        (r["doc"], r["id"], r["source_form"], str(r["source_start"])) for r in rows]
    # The same rows as --record's own CSV.
    assert run("report", "all.jsonl", "--export", "csv").stdout == Path("rows.csv").read_text(encoding="utf-8")


def test_export_errors_are_one_line(run, corpus):
    normalise(run)
    bad = run("report", "out", "--export", "xml")
    assert (bad.exit_code, bad.stderr) == (2, "Error: unknown export format 'xml': use jsonl or csv\n")
    Path("taken.jsonl").write_text("mine\n", encoding="utf-8")
    taken = run("report", "out", "--export", "jsonl", "-o", "taken.jsonl")
    assert taken.exit_code == 2 and taken.stderr.startswith("Error: taken.jsonl: ")
    assert Path("taken.jsonl").read_text(encoding="utf-8") == "mine\n"
    mixed = run("report", "out/.toponyms/records.sqlite", "src/b.txt", "--export", "jsonl")
    assert mixed.exit_code == 1
    assert mixed.stderr.splitlines()[0] == "Error: src/b.txt: not a record file or an output with a record"
    assert len(mixed.stdout.splitlines()) == 4


def _make_old_out_dir(out: Path) -> None:
    """Turn a fresh out-dir into what an older version left: manifest.jsonl and records/<path>.jsonl."""
    state = out / ".toponyms"
    with sqlite3.connect(state / "records.sqlite") as store:
        entries = list(store.execute("SELECT path, sha256, stamp, complete FROM written"))
        records = list(store.execute("SELECT path, rows FROM records"))
    for side in ("", "-wal", "-shm"):
        (state / f"records.sqlite{side}").unlink(missing_ok=True)
    (state / "manifest.jsonl").write_text("".join(
        json.dumps({"path": p, "sha256": s, "stamp": st, "complete": bool(c)}) + "\n" for p, s, st, c in entries)
        + '{"path": "cut by a full di', encoding="utf-8")
    for path, rows in records:
        (state / "records" / f"{path}.jsonl").parent.mkdir(parents=True, exist_ok=True)
        (state / "records" / f"{path}.jsonl").write_text(rows, encoding="utf-8")


def test_an_old_out_dir_is_read_then_moved_into_the_store(run, corpus):
    normalise(run)
    before_rows, before_written = store_rows(Path("out")), written(Path("out"))
    outputs = {p: Path("out", p).read_bytes() for p in before_written}
    _make_old_out_dir(Path("out"))
    # report reads the old records as they are.
    old = json.loads(run("report", "out", "--format", "json").stdout)
    assert (old["documents"], old["mentions"]) == (3, 4)
    # The user's edit of an output is still theirs, and a rerun skips the rest.
    Path("out/b.txt").write_text("edited by hand\n", encoding="utf-8")
    rerun = run("normalise", "src", "--out-dir", "out", "--lang", "en", "--convention", "armenian", "-j", "1")
    assert rerun.exit_code == 1
    assert rerun.stderr.splitlines()[0] == ("Error: out/b.txt: exists and was not written by toponyms; "
                                            "pass --force to overwrite it")
    assert "2 up to date" in rerun.stderr
    assert Path("out/b.txt").read_text(encoding="utf-8") == "edited by hand\n"
    assert Path("out/apa/a.txt").read_bytes() == outputs["apa/a.txt"]
    assert store_rows(Path("out")) == before_rows
    assert written(Path("out")) == before_written
    assert not Path("out/.toponyms/manifest.jsonl").exists() and not Path("out/.toponyms/records").exists()


def test_a_group_is_stored_whole_or_not_at_all(tmp_path):
    store = Store(tmp_path / "records.sqlite")
    good = {"path": "a.txt", "sha256": "0" * 64, "stamp": "s", "complete": True, "source": "src/a.txt",
            "input_sha256": "1" * 64, "input_size": 3, "input_mtime_ns": 1, "rows": "{}\n"}
    store.note([good])
    from toponyms.outputs import OutputError

    with pytest.raises(OutputError, match="cannot write"):
        # The second note has no rows (NOT NULL): the transaction fails after the first was inserted.
        store.note([dict(good, path="b.txt"), dict(good, path="c.txt", rows=None)])
    assert [path for path, *_ in store.records()] == ["a.txt"]
    assert [entry["path"] for entry in store.written()] == ["a.txt"]
    assert store.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)

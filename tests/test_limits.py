"""Bounded work: SIGTERM ends the workers, --jobs is capped, YAML alias bombs are refused, long lines stay cheap."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from corpus import SEED, write_articles  # noqa: E402

needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def env(tmp_path):
    environment = dict(os.environ, TOPONYMS_CACHE_DIR=str(tmp_path / "cache"))
    environment.pop("TOPONYMS_GAZETTEER", None)
    return environment


@needs_apertium
def test_sigterm_to_a_two_job_run_ends_its_workers_and_leaves_no_partial_file(tmp_path, env):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_articles(corpus, 600)
    before = {p: p.read_bytes() for p in corpus.rglob("*.txt")}
    process = subprocess.Popen([sys.executable, "-m", "toponyms", "translate", str(corpus), "--out-dir", str(out),
                                "--engine", "apertium", "--from", "en", "--to", "es", "--jobs", "2", "--quiet"],
                               env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if len(children_of(process.pid)) >= 2 and len(list(out.rglob("*.txt"))) >= 20:
                break
            time.sleep(0.05)
        workers = children_of(process.pid)
        assert len(workers) >= 2 and process.poll() is None, "the run must be caught while its workers work"
        process.send_signal(signal.SIGTERM)
        status = process.wait(timeout=60)
        deadline = time.monotonic() + 20
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if alive(pid)], "workers left running after SIGTERM"
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
    assert status == 143
    assert process.stderr.read().decode().strip().splitlines()[-1] == "Terminated"
    assert [p.name for p in out.rglob("*") if p.name.endswith(".part")] == []
    written = [p for p in out.rglob("*.txt") if ".toponyms" not in p.parts]
    assert 0 < len(written) < 600
    for path in written:  # whole outputs only: Apertium keeps the line layout
        source = corpus / path.relative_to(out)
        assert path.read_bytes().count(b"\n") == before[source].count(b"\n")
    assert before == {p: p.read_bytes() for p in corpus.rglob("*.txt")}


def test_jobs_are_capped_with_a_note(tmp_path, env):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    for number in range(3):
        (corpus / f"{number}.txt").write_text("Troops entered Madagiz.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "toponyms", "normalise", str(corpus), "--lang", "en",
                             "--out-dir", str(out), "--jobs", "1000", "--quiet"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    cap = (os.cpu_count() or 1) * 4
    assert result.stderr == f"note: --jobs 1000 is more than 4 workers a core: using {cap}\n"
    assert len(list(out.glob("*.txt"))) == 3


def test_negative_jobs_is_an_error_before_any_work(run, tmp_path):
    result = run("normalise", "-", "--lang", "en", "--jobs", "-3", "-o", str(tmp_path / "o.txt"), input="Ganja")
    assert result.exit_code == 2
    assert result.stderr == "Error: --jobs must be 0 (the cores) or more, not -3\n"
    assert not (tmp_path / "o.txt").exists()


def alias_bomb(levels: int = 9) -> str:
    lines = ["users: {az: Azerbaijan}", "a0: &a0 [" + ", ".join(["Shusha"] * 9) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    lines += ["entities:", "  - id: shusha", "    kind: town", "    forms:", "      - id: shusha",
              "        used_by: [az]", f"        names: {{en: *a{levels}}}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("command", [["lookup", "Shusha"], ["find", "-"], ["gazetteer", "validate"]])
def test_yaml_alias_bomb_is_refused_before_it_expands(run, tmp_path, command):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb(), encoding="utf-8")
    started = time.monotonic()
    result = run(*command, "--gazetteer", str(bomb), input="Shusha")
    assert time.monotonic() - started < 20
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"Error: {bomb}: YAML aliases expand it to 8,335,593,989 nodes")


def test_yaml_aliases_for_shared_lists_are_still_read(run, tmp_path):
    gazetteer = tmp_path / "shared.yaml"
    gazetteer.write_text(
        "users: {az: Azerbaijan, am: Armenia}\n"
        "both: &both [az, am]\n"
        "entities:\n"
        "  - id: zorg\n    kind: village\n    forms:\n      - form: zorg\n        used_by: *both\n"
        "        names: {en: [Zorgavan]}\n"
        "  - id: blik\n    kind: village\n    forms:\n      - form: blik\n        used_by: *both\n"
        "        names: {en: [Blikavan]}\n", encoding="utf-8")
    result = run("find", "-", "--gazetteer", str(gazetteer), input="From Zorgavan to Blikavan.")
    assert result.exit_code == 0, result.output
    assert [line.split("\t")[3] for line in result.stdout.splitlines()] == ["zorg", "blik"]


def one_long_line(size: int) -> str:
    words = " ".join(SEED.read_text(encoding="utf-8").split()) + " "
    return (words * (size // len(words) + 1))[:size].rsplit(" ", 1)[0] + "\n"


def test_find_table_of_a_text_with_many_lines_matches_json_line_numbers(run, tmp_path):
    # The table's line numbers come from one index of line starts, not a count per mention.
    text = SEED.read_text(encoding="utf-8") * 3
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    table = run("find", str(path))
    as_json = run("find", str(path), "--json")
    import json

    starts = [json.loads(line)["start"] for line in as_json.stdout.splitlines()]
    assert [int(line.split("\t")[0]) for line in table.stdout.splitlines()] == [
        text.count("\n", 0, start) + 1 for start in starts]
    assert len(starts) > 50

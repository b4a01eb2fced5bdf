"""A reader that stops early (`| head`, quitting `less`) must not cost the user the record.

Only a real pipe closes, so these run the CLI as a process, its standard
output the write end of a pipe whose read end is already closed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "karabakh-2020-10-04.txt"


def closed_stdout_run(*args, cwd):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "toponyms", *args], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, cwd=cwd, env=os.environ.copy())
    finally:
        os.close(write_end)


def test_record_is_written_when_the_reader_of_the_text_has_gone(tmp_path):
    done = closed_stdout_run("normalise", str(SEED), "--convention", "azerbaijani",
                             "--record", "names.jsonl", cwd=tmp_path)
    assert done.returncode == 0
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    rows = [json.loads(line) for line in (tmp_path / "names.jsonl").read_text().splitlines()]
    assert {"sugovushan", "khankendi"} <= {row["id"] for row in rows}
    # The summary is still said on standard error.
    assert "place mentions" in done.stderr


def test_a_closed_pipe_is_no_error_for_find(tmp_path):
    done = closed_stdout_run("find", str(SEED), cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr == ""

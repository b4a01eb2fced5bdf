"""Corpus throughput: `toponyms translate DIR --out-dir OUT --engine apertium --jobs 2` on 2,000 generated
articles, against a shell loop that calls `apertium` once per file, and reruns with a warm cache.

Run: python bench/bench_batch.py [ARTICLES] [LOOP_SAMPLE]   (defaults 2000 and 100)
The shell loop is timed on a sample of LOOP_SAMPLE files (it costs the same per file) and its rate
compared with ours. Goals: at least the loop's files per second; a warm-cache rerun under a tenth
of the first run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import write_articles  # noqa: E402


def timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    if not shutil.which("apertium"):
        sys.exit("apertium is not installed: apt-get install apertium apertium-eng-spa")
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    sample = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        paths = write_articles(work / "corpus", articles)
        size = sum(p.stat().st_size for p in paths) / 1e6
        env = dict(os.environ, TOPONYMS_CACHE_DIR=str(work / "cache"))
        command = [sys.executable, "-m", "toponyms", "translate", str(work / "corpus"), "--out-dir",
                   str(work / "out"), "--engine", "apertium", "--from", "en", "--to", "es", "--jobs", "2", "--quiet"]
        first = timed(command, env)
        shutil.rmtree(work / "out")
        warm = timed(command, env)
        up_to_date = timed(command, env)

        loop_dir = work / "loop"
        loop_dir.mkdir()
        script = "for f in \"$@\"; do apertium -u eng-spa < \"$f\" > \"$OUT/$(basename \"$f\")\"; done"
        started = time.perf_counter()
        subprocess.run(["bash", "-c", script, "loop", *map(str, paths[:sample])], check=True,
                       env=dict(env, OUT=str(loop_dir)))
        loop = time.perf_counter() - started

    ours_rate, loop_rate = articles / first, sample / loop
    print(f"corpus: {articles} articles, {size:.2f} MB, en -> es with Apertium, 2 jobs")
    print(f"toponyms translate, first run   {first:7.1f} s  {ours_rate:7.1f} files/s (names included)")
    print(f"shell loop, apertium per file   {loop:7.1f} s  {loop_rate:7.1f} files/s (on {sample} files)")
    print(f"toponyms / loop                 {ours_rate / loop_rate:7.1f}x  "
          f"(goal at least 1x: {'met' if ours_rate >= loop_rate else 'NOT met'})")
    print(f"rerun, outputs deleted, warm cache {warm:6.1f} s  {warm / first:6.2f} of the first run "
          f"(goal under 0.10: {'met' if warm < first / 10 else 'NOT met'})")
    print(f"rerun, outputs up to date       {up_to_date:7.1f} s")


if __name__ == "__main__":
    main()

"""Corpus throughput and reruns: `toponyms translate DIR --out-dir OUT --engine apertium --jobs 2`, through
the CLI as users run it, on 2,000 articles made of news sentences, against a shell loop that calls
`apertium` once per file.

The articles are built from the English sentences of the recognition set's dev part
(bench/recognition/dev/en.txt, its [[surface|id]] marks taken off): news text as the press writes it,
three paragraphs of two to four sentences each, so that paragraphs rarely repeat and a first run
really translates.

Timed in one process, against the first run:
- first run (cold translation cache, new out-dir);
- rerun with the out-dir deleted (outputs and state gone), translation cache warm;
- rerun with the outputs deleted and the out-dir's state kept;
- rerun with everything up to date (nothing changed);
- rerun after every input was touched (same content, new time).
Each as wall time and as the CPU seconds of every process the run started: on a machine shared with
other work the CPU ratios are the steadier ones (see `timed`).

Run: python bench/bench_batch.py [ARTICLES] [LOOP_SAMPLE]   (defaults 2000 and 100)
Goals: at least the loop's files per second; a warm-cache rerun under a tenth of the first run.
"""

from __future__ import annotations

import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEV = Path(__file__).resolve().parent / "recognition" / "dev" / "en.txt"
MARK = re.compile(r"\[\[([^|\]]+)\|[^\]]+\]\]")


def dev_sentences() -> list[str]:
    """The dev set's English sentences as plain text (each mark replaced by its surface)."""
    lines = DEV.read_text(encoding="utf-8").splitlines()
    return [MARK.sub(r"\1", line).strip() for line in lines if line.strip() and not line.startswith("#")]


def write_articles(root: Path, count: int, seed: int = 7) -> list[Path]:
    """`count` articles under root/<outlet>/<n>.txt, three paragraphs of two to four dev sentences each."""
    rng = random.Random(seed)
    sentences = dev_sentences()
    outlets = ["apa", "armenpress", "reuters", "tass"]
    paths = []
    for number in range(count):
        paragraphs = [" ".join(rng.sample(sentences, rng.randint(2, 4))) for _ in range(3)]
        path = root / outlets[number % len(outlets)] / f"{number:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def outputs(out: Path) -> dict[str, bytes]:
    """Every output under `out` (not its .toponyms state), by path: reruns must give them byte for byte."""
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*.txt")
            if not any(part.startswith(".") for part in p.relative_to(out).parts)}


CPU: list[float] = []  # the CPU seconds of each timed run, in order


def timed(command: list[str], env: dict) -> float:
    """Wall seconds of one run; its CPU seconds (every process it started) are appended to CPU.

    On a machine shared with other work the wall time of a run that uses one process (a rerun) and
    of one that uses three (the first run: two workers and Apertium) are not squeezed alike; the
    CPU seconds are, so both ratios are printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return wall


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
        out = work / "out"
        command = [sys.executable, "-m", "toponyms", "translate", str(work / "corpus"), "--out-dir",
                   str(out), "--engine", "apertium", "--from", "en", "--to", "es", "--jobs", "2", "--quiet"]
        first = timed(command, env)
        made = outputs(out)
        assert len(made) == articles, f"the first run wrote {len(made)} of {articles} outputs"
        shutil.rmtree(out)
        warm = timed(command, env)
        assert outputs(out) == made, "the warm rerun did not give the same outputs"
        for path in out.rglob("*.txt"):
            if ".toponyms" not in path.parts:
                path.unlink()
        warm_state_kept = timed(command, env)
        assert outputs(out) == made, "the rerun with the state kept did not give the same outputs"
        up_to_date = timed(command, env)
        for path in paths:
            os.utime(path)
        touched = timed(command, env)
        assert outputs(out) == made

        loop_dir = work / "loop"
        loop_dir.mkdir()
        script = "for f in \"$@\"; do apertium -u eng-spa < \"$f\" > \"$OUT/$(basename \"$f\")\"; done"
        started = time.perf_counter()
        subprocess.run(["bash", "-c", script, "loop", *map(str, paths[:sample])], check=True,
                       env=dict(env, OUT=str(loop_dir)))
        loop = time.perf_counter() - started

    ours_rate, loop_rate = articles / first, sample / loop
    print(f"corpus: {articles} articles of dev sentences, {size:.2f} MB, en -> es with Apertium, 2 jobs")
    print(f"toponyms translate, first run        {first:7.1f} s  {ours_rate:7.1f} files/s (names included)")
    print(f"shell loop, apertium per file        {loop:7.1f} s  {loop_rate:7.1f} files/s (on {sample} files)")
    print(f"toponyms / loop                      {ours_rate / loop_rate:7.1f}x  "
          f"(goal at least 1x: {'met' if ours_rate >= loop_rate else 'NOT met'})")
    print(f"rerun, out-dir deleted, warm cache   {warm:7.1f} s  {warm / first:5.3f} of the first run "
          f"(goal under 0.10: {'met' if warm < first / 10 else 'NOT met'})")
    print(f"rerun, outputs deleted, state kept   {warm_state_kept:7.1f} s  {warm_state_kept / first:5.3f} of the first run")
    print(f"rerun, everything up to date         {up_to_date:7.1f} s  {up_to_date / first:5.3f} of the first run")
    print(f"rerun, every input touched           {touched:7.1f} s  {touched / first:5.3f} of the first run")
    print(f"CPU seconds of every process, first run {CPU[0]:.1f} s; the reruns as a share of it:")
    for name, cpu in zip(("out-dir deleted", "state kept", "up to date", "touched"), CPU[1:5]):
        print(f"  rerun, {name:<18} {cpu:7.2f} s  {cpu / CPU[0]:5.3f}")


if __name__ == "__main__":
    main()

"""Start-up time of `toponyms lookup X` against a bare `python3 -c pass`, measured in the same run.

Run: python bench/bench_startup.py   (goal: lookup within 12x of bare Python)
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def median_seconds(command: list[str], runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    toponyms = shutil.which("toponyms") or str(Path(sys.executable).parent / "toponyms")
    bare = median_seconds([sys.executable, "-c", "pass"])
    print(f"python -c pass              {bare * 1000:7.1f} ms")
    for args in (["lookup", "Madagiz"], ["lookup", "Степанакерте"], ["lookup", "Atlantis"], ["--help"]):
        seconds = median_seconds([toponyms, *args])
        print(f"toponyms {' '.join(args):18} {seconds * 1000:7.1f} ms  {seconds / bare:5.1f}x"
              + ("" if args[0] != "lookup" else f"  (goal 12x: {'met' if seconds / bare <= 12 else 'NOT met'})"))


if __name__ == "__main__":
    main()

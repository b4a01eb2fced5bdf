"""Start-up time of `toponyms lookup X` against a bare `python3 -c pass`, measured in the same run.

Run: python bench/bench_startup.py   (goal: lookup within 12x of bare Python)

Also `toponyms find` on the seed article (4 KB): what a user who runs it on one
article at a time waits, nearly all of it loading the matcher (no goal; shown
so that a change to what `find` loads shows up).

Wall time is what users wait; on a shared, loaded machine it mostly measures
the other processes, so the CPU time the command used (user + system) is
printed beside it. The first run of each command may build the pickles of the
cache directory (see toponyms/compiled.py); the median leaves it out.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def median_seconds(command: list[str], runs: int = 15) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of `runs` runs of `command`."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    toponyms = shutil.which("toponyms") or str(Path(sys.executable).parent / "toponyms")
    bare, bare_cpu = median_seconds([sys.executable, "-c", "pass"])
    print(f"python -c pass              {bare * 1000:7.1f} ms wall {bare_cpu * 1000:7.1f} ms CPU")
    seed = str(Path(__file__).resolve().parent.parent / "seeds" / "karabakh-2020-10-04.txt")
    for args in (["lookup", "Madagiz"], ["lookup", "Степанакерте"], ["lookup", "Atlantis"], ["--help"],
                 ["find", seed, "--json"]):
        seconds, cpu = median_seconds([toponyms, *args])
        label = " ".join("SEED" if arg == seed else arg for arg in args)
        print(f"toponyms {label:18} {seconds * 1000:7.1f} ms wall {seconds / bare:5.1f}x"
              f"  {cpu * 1000:7.1f} ms CPU {cpu / bare_cpu:5.1f}x"
              + ("" if args[0] != "lookup" else f"  (goal 12x: {'met' if seconds / bare <= 12 else 'NOT met'})"))


if __name__ == "__main__":
    main()

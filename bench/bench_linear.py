"""Does the work grow linearly with the input? `find` and `translate` through the CLI on small and large inputs.

Run: python bench/bench_linear.py [--small MB] [--large MB] [--apertium-small MB] [--apertium-large MB]
     (defaults: 2 and 20 MB; Apertium the same, which takes several minutes on one core)

Each case is run as a user runs it (a fresh `python -m toponyms` process,
output to /dev/null) on text of many lines and on the same text as one line.
Time is the CPU time (user + system) of the process and of everything it
ran (Apertium's pipeline too): on a shared machine, wall time says more about
the neighbours than about the code. It prints each time, the ratio
large/small, and the ratio with the process's start-up (timed on a one-line
input in the same run) taken off both. Linear work gives a ratio near
large/small (10 for 2 and 20 MB); the goal is at most 1.1 times that (11).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import SEED, multilingual_text  # noqa: E402

ENGLISH = SEED.read_text(encoding="utf-8")


def english_text(size: int) -> str:
    """About `size` bytes of the seed article (English with its place names), repeated, in lines."""
    return (ENGLISH + "\n") * (size // (len(ENGLISH.encode("utf-8")) + 1) + 1)


def one_line(text: str) -> str:
    return " ".join(text.split()) + "\n"


CASES = {
    # name: (command after `toponyms`, text maker, sizes key)
    "find table": (["find"], multilingual_text, "find"),
    "find --json": (["find", "--json"], multilingual_text, "find"),
    "translate --engine none": (["translate", "--from", "en", "--to", "en", "--engine", "none", "--quiet"],
                                english_text, "find"),
    "translate apertium en->es": (["translate", "--from", "en", "--to", "es", "--engine", "apertium",
                                   "--no-cache", "--quiet"], english_text, "apertium"),
}


def timed(command: list[str], path: Path, env: dict) -> float:
    """CPU seconds (user + system) of the command and all it ran."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-m", "toponyms", command[0], str(path), *command[1:]],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} on {path.name} failed: {result.stderr.decode()[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=float, default=2)
    parser.add_argument("--large", type=float, default=20)
    parser.add_argument("--apertium-small", type=float, default=None)
    parser.add_argument("--apertium-large", type=float, default=None)
    parser.add_argument("--only", default=None, help="run only the cases whose name contains this")
    args = parser.parse_args()
    sizes = {"find": (args.small, args.large),
             "apertium": (args.apertium_small or args.small, args.apertium_large or args.large)}
    env = dict(os.environ, PYTHONPATH=str(HERE.parent) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("TOPONYMS_GAZETTEER", None)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        env["TOPONYMS_CACHE_DIR"] = str(root / "cache")
        tiny = root / "tiny.txt"
        tiny.write_text("Troops entered Madagiz.\n", encoding="utf-8")
        print(f"{'case (CPU seconds)':34} {'layout':9} {'small':>8} {'large':>8} {'ratio':>7} {'ratio-startup':>14}")
        for name, (command, make, key) in CASES.items():
            if args.only and args.only not in name:
                continue
            startup = min(timed(command, tiny, env) for _ in range(3))
            small_mb, large_mb = sizes[key]
            for layout in ("lines", "one line"):
                times = []
                for megabytes in (small_mb, large_mb):
                    text = make(int(megabytes * 1e6))
                    text = text.encode("utf-8")[:int(megabytes * 1e6)].decode("utf-8", "ignore")
                    if layout == "one line":
                        text = one_line(text)
                    path = root / f"{megabytes}-{layout.replace(' ', '')}.txt"
                    path.write_text(text, encoding="utf-8")
                    times.append(timed(command, path, env))
                    path.unlink()
                small, large = times
                net = (large - startup) / max(small - startup, 1e-9)
                print(f"{name:34} {layout:9} {small:7.2f}s {large:7.2f}s {large / small:6.1f}x {net:13.1f}x"
                      f"   ({small_mb:g} -> {large_mb:g} MB, start-up {startup:.2f}s)", flush=True)


if __name__ == "__main__":
    main()

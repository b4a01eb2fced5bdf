"""What tagging each segment apart costs: the engine against one joined `apertium` run and a per-segment loop.

Run: python bench/bench_apertium_isolation.py [SEGMENTS]   (default 200)

The segments are distinct (the seed article's lines, each numbered), so that the engine cannot
save work on repeats. The joined run is what the engine did before segments were tagged apart
(fast, but one segment could change another's translation); the loop runs `apertium -u eng-spa`
once per segment (what "alone" means). Printed: seconds and ratios, measured in the same run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SEED, best_of  # noqa: E402

from toponyms.translate.engines.apertium import ApertiumEngine, _separator  # noqa: E402


def main() -> None:
    if not shutil.which("apertium"):
        sys.exit("apertium is not installed: apt-get install apertium apertium-eng-spa")
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    segments = [f"{lines[n % len(lines)]} ({n})" for n in range(count)]
    sep = _separator(segments)

    def joined():
        return subprocess.run(["apertium", "-u", "eng-spa"], input=sep.join(segments), capture_output=True,
                              text=True, check=True)

    def loop():
        for segment in segments[:20]:
            subprocess.run(["apertium", "-u", "eng-spa"], input=segment, capture_output=True, text=True, check=True)

    engine = ApertiumEngine()
    joined_seconds, _ = best_of(3, joined)
    engine_seconds, _ = best_of(3, lambda: engine.translate(segments, "en", "es"))
    loop_seconds = best_of(1, loop)[0] * count / 20
    print(f"{count} distinct segments, en -> es")
    print(f"one joined apertium run (segments not apart)  {joined_seconds:7.2f} s")
    print(f"ApertiumEngine (each segment tagged apart)    {engine_seconds:7.2f} s  "
          f"x{engine_seconds / joined_seconds:.1f} the joined run")
    print(f"apertium once per segment (from 20)           {loop_seconds:7.2f} s  "
          f"x{loop_seconds / engine_seconds:.1f} the engine")


if __name__ == "__main__":
    main()

"""What name handling adds to the engine's own time: the seed article repeated to 1 MB, through Apertium.

Run: python bench/bench_translate.py [MEGABYTES]   (default 1; goal: under 15% added)
The baseline is `apertium -u eng-spa` on the same file, run in the same process tree.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import best_of  # noqa: E402

from toponyms.gazetteer import load  # noqa: E402
from toponyms.match import Matcher  # noqa: E402
from toponyms.translate.engines.apertium import ApertiumEngine  # noqa: E402
from toponyms.translate.pipeline import DocumentTranslator  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "seeds" / "karabakh-2020-10-04.txt"


def main() -> None:
    if not shutil.which("apertium"):
        sys.exit("apertium is not installed: apt-get install apertium apertium-eng-spa")
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 1
    seed = SEED.read_text(encoding="utf-8") + "\n\n"
    text = seed * (int(megabytes * 1e6) // len(seed.encode("utf-8")) + 1)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write(text)
    path = handle.name

    def raw():
        with open(path, "rb") as source:
            return subprocess.run(["apertium", "-u", "eng-spa"], stdin=source, capture_output=True, check=True)

    engine_seconds, _ = best_of(3, raw)
    gazetteer = load()
    translator = DocumentTranslator(ApertiumEngine(), gazetteer, Matcher(gazetteer))
    ours_seconds, result = best_of(3, lambda: translator.translate(text, "en", "es"))
    Path(path).unlink()
    added = ours_seconds / engine_seconds - 1
    placed = {}
    for p in result.placements:
        placed[p.placement] = placed.get(p.placement, 0) + 1
    size = len(text.encode("utf-8")) / 1e6
    print(f"text: {size:.2f} MB (the seed article x{text.count('Most Read')}), {len(result.placements)} mentions: "
          + ", ".join(f"{n} {how}" for how, n in sorted(placed.items())))
    print(f"apertium -u eng-spa alone     {engine_seconds:6.2f} s")
    print(f"toponyms translate (apertium) {ours_seconds:6.2f} s")
    print(f"name handling adds            {added * 100:6.1f} %  (goal under 15%: {'met' if added < 0.15 else 'NOT met'})")


if __name__ == "__main__":
    main()

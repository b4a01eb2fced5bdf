"""Batched against one-call-per-sentence translation with the Argos engine.

Builds the tiny test package (tests/tinyargos.py) in a temporary directory,
makes ~500 sentences and times ArgosEngine.translate on all of them at once
against one call per sentence. The tiny model has random weights, so the
figures measure the per-call overhead the batching removes (tokenising,
CTranslate2 dispatch, padding), not the speed of a real Argos model.

    python bench/bench_argos_batch.py [--sentences 500] [--beam 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tinyargos; argostranslate ships its own top-level `tests`

from tinyargos import CORPUS, build_package  # noqa: E402

from toponyms.translate import packages  # noqa: E402
from toponyms.translate.engines.argos import ArgosEngine  # noqa: E402


def make_sentences(n: int) -> list[str]:
    """n distinct sentences, cycling through the corpus with a counter."""
    out = []
    i = 0
    while len(out) < n:
        base = CORPUS[i % len(CORPUS)]
        out.append(f"{base[:-1]} ({i}){base[-1]}" if base[-1] in ".!?։" else f"{base} ({i})")
        i += 1
    return out


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=500)
    parser.add_argument("--beam", type=int, default=1, help="beam size (argostranslate uses 4)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    parser.add_argument("--threads", type=int, default=0, help="CTranslate2 intra_threads (0: default)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-argos-") as work:
        start = time.perf_counter()
        archive = build_package(Path(work) / "archives", "en", "es")
        root = Path(work) / "packages"
        packages.install_from_file(archive, directory=root)
        build = time.perf_counter() - start

        engine = ArgosEngine(root, beam_size=args.beam, intra_threads=args.threads)
        sentences = make_sentences(args.sentences)
        start = time.perf_counter()
        engine.translate(sentences[:2], "en", "es")  # load the model outside the timings
        load = time.perf_counter() - start

        batched_out: list[str] = []

        def batched():
            batched_out[:] = engine.translate(sentences, "en", "es")

        single_out: list[str] = []

        def one_by_one():
            single_out[:] = [engine.translate([s], "en", "es")[0] for s in sentences]

        t_batch = best_of(args.repeat, batched)
        t_single = best_of(args.repeat, one_by_one)

    n = len(sentences)
    print(f"tiny package built and installed in {build:.2f} s, loaded in {load:.2f} s")
    print(f"{n} sentences, beam {args.beam}, best of {args.repeat}")
    print(f"(a) batched     : {t_batch:7.3f} s  {n / t_batch:9.1f} sentences/s")
    print(f"(b) one by one  : {t_single:7.3f} s  {n / t_single:9.1f} sentences/s")
    print(f"speed-up (a)/(b): {t_single / t_batch:.1f}x")
    same = sum(a == b for a, b in zip(batched_out, single_out))
    print(f"identical outputs: {same}/{n}")


if __name__ == "__main__":
    main()

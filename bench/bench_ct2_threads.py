"""How to spend this machine's cores on a CTranslate2 model: processes, inter or intra threads.

Translates the same sentences with a tiny genuine model (tests/tinyargos.py,
made larger so that the work is in the matrix products, as with real models)
under each layout, model loading included, and prints the wall time of each
as a ratio to the old default (one process per core, each with CTranslate2's
default threads), and the CPU time the workers used. Best of five interleaved
rounds. On a machine shared with other work, layouts with more threads take a
bigger share of it: read the wall times with the load average printed. ``python bench/bench_ct2_threads.py``.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from tinyargos import CORPUS, build_nllb  # noqa: E402

SENTENCES = [line for _ in range(6) for line in CORPUS]  # 240 sentences
ROUNDS = 5


def work(model_dir: str, sp_model: str, sentences: list[str], inter: int, intra: int) -> int:
    from toponyms.translate.ct2model import CTranslate2Model

    model = CTranslate2Model(model_dir, sp_model, inter_threads=inter, intra_threads=intra,
                             beam_size=4, max_decoding_length=64, source_suffix=["</s>"])
    return len(model.translate(sentences, source_prefix=["eng_Latn"], target_prefix=["hye_Armn"]))


def run(model_dir: str, sp_model: str, jobs: int, inter: int, intra: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the workers) for one layout."""
    chunks = [SENTENCES[i::jobs] for i in range(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # Every layout runs in forked workers, as `toponyms translate` does; the parent never
    # loads CTranslate2 (forking after its thread pools started can hang the children).
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(work, [model_dir] * jobs, [sp_model] * jobs, chunks, [inter] * jobs, [intra] * jobs))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as work_dir:
        model_dir, sp_bytes = build_nllb(Path(work_dir) / "nllb", d_model=256, layers=3)
        sp_model = Path(work_dir) / "sentencepiece.bpe.model"
        sp_model.write_bytes(sp_bytes)
        layouts = {
            f"old default: {cores} processes x CTranslate2's default threads": (cores, 1, 0),
            f"chosen default: 1 process, inter_threads={cores}, intra=1": (1, cores, 1),
            f"1 process, intra_threads={cores}": (1, 1, cores),
            f"{cores} processes x intra_threads=1": (cores, 1, 1),
            "1 process, 1 thread": (1, 1, 1),
        }
        # Interleaved rounds, best of each: the machine is shared, so a slow moment
        # should not fall on one layout only.
        times = {label: (float("inf"), 0.0) for label in layouts}
        for _ in range(ROUNDS):
            for label, (jobs, inter, intra) in layouts.items():
                times[label] = min(times[label], run(str(model_dir), str(sp_model), jobs, inter, intra))
        base = times[next(iter(layouts))][0]
        print(f"{len(SENTENCES)} sentences, {cores} cores, tiny NLLB-style model (d_model 256, 3 layers), beam 4; "
              f"load average {os.getloadavg()[0]:.1f}")
        for label, (wall, cpu) in times.items():
            print(f"  {label:55} {wall:6.2f} s wall  x{wall / base:.2f} of the old default  {cpu:6.2f} s CPU")


if __name__ == "__main__":
    main()

"""No segment changes another's translation: each is byte-identical to `apertium` on it alone.

The tagger of an Apertium pipeline keeps state for the whole run (see translate/engines/apertium.py);
joined naively, one paragraph ("--keep-known") turned a later paragraph's verb into a noun. Here
hundreds of generated documents per installed pair, their segments shuffled from a pool of real
prose, go through the engine twenty documents a call (as a batch run sends them), and every
segment's output is compared with `apertium -u MODE` run on that segment alone.

The English pool is this project's own documentation (long paragraphs with code, options and
odd words: the text that showed the defect); the Spanish pool is Apertium's Spanish for it, the
French pool Apertium's French for that, so each pair gets prose full of words its tagger
finds ambiguous.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from toponyms.translate.engines.apertium import ApertiumEngine

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = 200

pytestmark = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")


def english_pool() -> list[str]:
    paragraphs = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            text = " ".join(block.split()).lstrip("- ")
            if len(text) > 60 and not text.startswith(("```", "|", "#")) and re.search(r"[a-z]{4} [a-z]{3,}", text):
                paragraphs.append(text)
    return paragraphs[:24]


def alone(mode: str, segments: list[str]) -> dict[str, str]:
    """`apertium -u MODE` on each segment by itself: the reference."""
    def run(segment):
        done = subprocess.run(["apertium", "-u", mode], input=segment, capture_output=True, text=True, check=True)
        return segment, done.stdout.rstrip("\n")

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(run, segments))


def documents(pool: list[str], seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    return [rng.sample(pool, rng.randint(2, 5)) for _ in range(DOCUMENTS)]


@pytest.fixture(scope="module")
def engine():
    return ApertiumEngine()


@pytest.fixture(scope="module")
def pools(engine):
    """The English pool, and the Spanish and French ones made from it (per pair available)."""
    pairs = engine.modes()
    made = {"en": english_pool()}
    if ("en", "es") in pairs:
        made["es"] = [s for s in engine.translate(made["en"], "en", "es") if s.strip()]
        if ("es", "fr") in pairs:
            made["fr"] = [s for s in engine.translate(made["es"], "es", "fr") if s.strip()]
    return made


@pytest.mark.parametrize("src, tgt", [("en", "es"), ("es", "en"), ("fr", "es"), ("es", "fr")])
def test_every_segment_is_apertium_on_it_alone(engine, pools, src, tgt):
    if (src, tgt) not in engine.modes() or src not in pools:
        pytest.skip(f"apertium has no {src}-{tgt} pair here")
    pool = pools[src]
    reference = alone(engine.mode_for(src, tgt), pool)
    docs = documents(pool, seed=len(src + tgt) * 7 + ord(src[0]))
    wrong, count = [], 0
    # Twenty documents per engine call, as a batch run groups them: ten calls, ten orders of the pool.
    for first in range(0, len(docs), 20):
        segments = [segment for doc in docs[first:first + 20] for segment in doc]
        count += len(segments)
        got = engine.translate(segments, src, tgt)
        wrong += [(s, g) for s, g in zip(segments, got) if g != reference[s]]
    assert count > 500
    assert not wrong, f"{len(wrong)} of {count} segments differ from apertium alone, e.g. {wrong[0]}"

"""Score sentence segmenters on the hard cases of tests/sentence_cases.py, per language.

A case counts as right when the segmenter cuts its text into exactly the
expected sentences. Prints, for each candidate, the cases right per language
and in all, and the time to split the whole table 20 times. Run with the
project's venv: ``python bench/bench_sentences.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from sentence_cases import CASES, text_of  # noqa: E402


def project(text: str, lang: str) -> list[str]:
    from toponyms.translate.sentences import sentences

    return sentences(text, lang)


def project_without_language(text: str, lang: str) -> list[str]:
    from toponyms.translate.sentences import sentences

    return sentences(text)


def sentencex_alone(text: str, lang: str) -> list[str]:
    from sentencex import segment

    return [s.strip() for s in segment(lang, text) if s.strip()]


def moses(text: str, lang: str) -> list[str]:
    """The Moses splitter (sentence-splitter), with its non-breaking prefixes where it has them."""
    from sentence_splitter import SentenceSplitter

    try:
        splitter = SentenceSplitter(lang)
    except Exception:  # no prefix file for the language: it refuses it
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            splitter = SentenceSplitter("en")
    return splitter.split(text)


def pysbd_alone(text: str, lang: str) -> list[str]:
    import pysbd

    try:
        seg = pysbd.Segmenter(language=lang, clean=False)
    except ValueError:
        seg = pysbd.Segmenter(language="en", clean=False)
    return [s.strip() for s in seg.segment(text) if s.strip()]


CANDIDATES = {
    "toponyms (sentencex + project rules)": project,
    "toponyms before (no language)": project_without_language,
    "sentencex 1.0": sentencex_alone,
    "Moses (sentence-splitter 1.4)": moses,
    "pysbd 0.3": pysbd_alone,
}


def main() -> None:
    langs = list(CASES)
    print(f"{'segmenter':40} " + " ".join(f"{lang:>5}" for lang in langs) + "   all   ms/table")
    for label, split in CANDIDATES.items():
        try:
            split("A b. C d.", "en")
        except Exception as err:  # not installed or not yet there
            print(f"{label:40} unavailable: {err}")
            continue
        right = {lang: sum(split(text_of(case), lang) == case for case in CASES[lang]) for lang in langs}
        start = time.perf_counter()
        for _ in range(20):
            for lang in langs:
                for case in CASES[lang]:
                    split(text_of(case), lang)
        per_table = (time.perf_counter() - start) / 20 * 1000
        total = sum(len(c) for c in CASES.values())
        print(f"{label:40} " + " ".join(f"{right[lang]:>2}/{len(CASES[lang]):<2}" for lang in langs)
              + f"  {sum(right.values()):>3}/{total}  {per_table:8.1f}")


if __name__ == "__main__":
    main()

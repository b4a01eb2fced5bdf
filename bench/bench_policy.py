"""The naming policy on a held-aside set: bench/policy/<lang>.txt, sentences kept out of tuning.

Each case is a source sentence and the `toponyms normalise --rival none` output expected per
convention (format: tests/policy_cases/README.md; a convention not listed leaves the sentence
unchanged). The expectations were written from the gazetteer's facts and the README's policy
before the tool ever ran on them; nobody tunes the code to this set, so its figures say how the
policy does on sentences it has not seen.

Prints, per language, convention and class (plain, gloss, quoted, proper, dated), the share of
cases that come out exactly as expected, beside the baseline "leave the text unchanged" measured
in the same run. The library runs every language; the CLI (`toponyms normalise --jsonl`) runs one
language too (--cli-lang), and its figures must equal the library's.

    python bench/bench_policy.py                  # every language, both conventions
    python bench/bench_policy.py --show ru        # also list the wrong outputs of Russian
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from toponyms.gazetteer import load  # noqa: E402
from toponyms.match import Matcher  # noqa: E402
from toponyms.render import Policy  # noqa: E402
from toponyms.translate.engines.identity import NoneEngine  # noqa: E402
from toponyms.translate.pipeline import DocumentTranslator  # noqa: E402
from policy_set import CONVENTIONS, LANGS, read_cases as read_case_file  # noqa: E402

CASES = HERE / "policy"
CLASSES = ("plain", "gloss", "quoted", "proper", "dated")


def read_cases(lang: str) -> list[tuple[str, str, dict[str, str]]]:
    return read_case_file(CASES, lang)


def library_outputs(translators, lang: str, sources: list[str], convention: str) -> list[str]:
    translator = translators[convention]
    return [translator.translate(source, lang, lang).text for source in sources]


def cli_outputs(lang: str, sources: list[str], convention: str) -> list[str]:
    """The same sentences through `toponyms normalise --jsonl`, one document per line."""
    command = [sys.executable, "-m", "toponyms", "normalise", "-", "--jsonl", "--lang", lang,
               "--convention", convention, "--rival", "none", "--quiet"]
    stdin = "".join(json.dumps({"text": s}, ensure_ascii=False) + "\n" for s in sources)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, env=env, check=True)
    return [json.loads(line)["text"] for line in done.stdout.splitlines() if line.strip()]


def score(cases, outputs) -> dict[str, tuple[int, int, int]]:
    """Per class: (cases right, cases right by leaving the text unchanged, cases)."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for (kind, source, expected), got in zip(cases, outputs):
        tally[kind][0] += got == expected
        tally[kind][1] += source == expected
        tally[kind][2] += 1
    return {kind: tuple(counts) for kind, counts in tally.items()}


def share(right: int, total: int) -> str:
    return f"{100 * right / total:5.1f}%" if total else "    -"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", choices=LANGS, help="only these languages")
    parser.add_argument("--cli-lang", default="ru", choices=LANGS, help="the language also run through the CLI")
    parser.add_argument("--show", action="append", default=[], choices=LANGS, help="list the wrong outputs")
    args = parser.parse_args()

    gazetteer = load()
    matcher = Matcher(gazetteer)
    translators = {c: DocumentTranslator(NoneEngine(), gazetteer, matcher, Policy(c, "none")) for c in CONVENTIONS}

    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    header = f"{'lang':4} {'convention':11} " + " ".join(f"{k:>17}" for k in CLASSES) + f" {'all':>17}"
    print("share of cases exactly right: tool / leave-unchanged baseline (cases)")
    print(header)
    for lang in args.lang or LANGS:
        cases = read_cases(lang)
        sources = [source for _, source, _ in cases]
        for convention in CONVENTIONS:
            expected = [(kind, source, wanted.get(convention, source)) for kind, source, wanted in cases]
            outputs = library_outputs(translators, lang, sources, convention)
            if lang == args.cli_lang and cli_outputs(lang, sources, convention) != outputs:
                raise SystemExit(f"the CLI and the library disagree on {lang} under {convention}")
            per_class = score(expected, outputs)
            cells, everything = [], [0, 0, 0]
            for kind in CLASSES:
                right, baseline, total = per_class.get(kind, (0, 0, 0))
                cells.append(f"{share(right, total)}/{share(baseline, total).strip():>6} ({total:2})")
                for i, n in enumerate((right, baseline, total)):
                    everything[i] += n
                    totals[(convention, kind)][i] += n
                    totals[(convention, "all")][i] += n
            cells.append(f"{share(everything[0], everything[2])}/{share(everything[1], everything[2]).strip():>6} "
                         f"({everything[2]:2})")
            print(f"{lang:4} {convention:11} " + " ".join(cells))
            if lang in args.show:
                for (kind, source, wanted), got in zip(expected, outputs):
                    if got != wanted:
                        print(f"    [{kind}] {source}\n      want: {wanted}\n      got:  {got}")
    for convention in CONVENTIONS:
        cells = []
        for kind in (*CLASSES, "all"):
            right, baseline, total = totals[(convention, kind)]
            cells.append(f"{share(right, total)}/{share(baseline, total).strip():>6} ({total:3})")
        print(f"{'all':4} {convention:11} " + " ".join(cells))
    print(f"(the CLI ran {args.cli_lang} too and gave the library's outputs)")


if __name__ == "__main__":
    main()

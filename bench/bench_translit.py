"""How well derived spellings reproduce the gazetteer's hand-listed ones.

The gazetteer's spellings are the truth set. For every form that has spellings
in several languages:

- transliterate: from each language's first spelling to each other language,
  how often the result is that language's rendering (exact), and how often it
  folds to one of its listed spellings (what the matcher would find);
- variants: of the spellings listed after the first in one language, how many
  `variants(first, lang)` gives (folded), and how many folding alone already
  makes equal to the first;
- risks: derived variants that fold to a spelling of another entity.

Only name-like spellings are compared: the same number of words on both sides
and every word capitalised (or in a script without case), so that "district
de Terter" is not compared with "Tərtər rayonu".

Run: python bench/bench_translit.py [GAZETTEER.yaml ...]
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict

from toponyms.fold import fold_key
from toponyms.gazetteer import load
from toponyms.translit import transliterate, variants

LANGS = ("en", "az", "hy", "ru", "tr", "fr", "de", "es")


def name_like(spelling: str) -> bool:
    return all(word[:1].isupper() or not word[:1].islower() for word in spelling.replace("-", " ").split())


def comparable(a: str, b: str) -> bool:
    return name_like(a) and name_like(b) and len(a.replace("-", " ").split()) == len(b.replace("-", " ").split())


def measure(gazetteer) -> dict:
    pairs = defaultdict(lambda: [0, 0, 0])  # (src, tgt) -> [compared, exact, folded]
    recovered = defaultdict(lambda: [0, 0, 0])  # lang -> [listed variants, by folding, by variants()]
    counts = []
    owner = {}
    for entity in gazetteer.entities:
        for form in entity.forms:
            for _, spelling in form.spellings():
                owner.setdefault(fold_key(spelling), entity.id)
    risks = []
    for entity in gazetteer.entities:
        for form in entity.forms:
            for src in LANGS:
                if src not in form.names:
                    continue
                first = form.names[src][0]
                for tgt in LANGS:
                    if tgt == src or tgt not in form.names or not comparable(first, form.names[tgt][0]):
                        continue
                    out = transliterate(first, src, tgt)
                    row = pairs[(src, tgt)]
                    row[0] += 1
                    row[1] += out == form.names[tgt][0]
                    row[2] += fold_key(out) in {fold_key(s) for s in form.names[tgt]}
            for lang, spellings in form.names.items():
                if lang not in LANGS:
                    continue
                first = spellings[0]
                derived = variants(first, lang)
                counts.append(len(derived))
                keys = {fold_key(v) for v in derived}
                for v in derived:
                    other = owner.get(fold_key(v))
                    if other and other != entity.id:
                        risks.append((entity.id, lang, first, v, other))
                for listed in spellings[1:]:
                    if not comparable(first, listed):
                        continue
                    row = recovered[lang]
                    row[0] += 1
                    if fold_key(listed) == fold_key(first):
                        row[1] += 1
                    elif fold_key(listed) in keys:
                        row[2] += 1
    return {"pairs": dict(pairs), "recovered": dict(recovered), "counts": counts, "risks": risks}


def rate(hit: int, total: int) -> str:
    return f"{hit / total:5.0%}" if total else "    -"


def main(argv: list[str]) -> None:
    gazetteer = load(argv or None)
    started = time.perf_counter()
    result = measure(gazetteer)
    seconds = time.perf_counter() - started
    pairs, recovered = result["pairs"], result["recovered"]
    total = [sum(row[k] for row in pairs.values()) for k in range(3)]
    print(f"gazetteer: {len(gazetteer)} entities; measured in {seconds:.2f} s")
    print(f"transliterate, {total[0]} name pairs: rendering exact {rate(total[1], total[0])}, "
          f"a listed spelling once folded {rate(total[2], total[0])}")
    print("folded rate by source (rows) and target (columns):")
    print("      " + "".join(f"{t:>6}" for t in LANGS) + "   pairs")
    for src in LANGS:
        cells = "".join(rate(pairs[(src, t)][2], pairs[(src, t)][0]).rjust(6) if (src, t) in pairs else "     ."
                        for t in LANGS)
        print(f"  {src:4}{cells}   {sum(pairs[(src, t)][0] for t in LANGS if (src, t) in pairs):5}")
    listed = sum(row[0] for row in recovered.values())
    folded = sum(row[1] for row in recovered.values())
    derived = sum(row[2] for row in recovered.values())
    print(f"variants: {listed} hand-listed variant spellings; folding gives {rate(folded, listed)}, "
          f"variants() {rate(derived, listed)} more, together {rate(folded + derived, listed)}")
    for lang in LANGS:
        if lang in recovered:
            n, f, d = recovered[lang]
            print(f"  {lang}: {n:4} listed, folding {rate(f, n)}, variants {rate(d, n)}, together {rate(f + d, n)}")
    counts = result["counts"]
    print(f"variants per spelling: mean {sum(counts) / len(counts):.1f}, max {max(counts)}")
    print(f"variants that are another entity's spelling: {len(result['risks'])}")
    for entity_id, lang, first, variant, other in result["risks"][:20]:
        print(f"  {entity_id} {lang} {first!r} -> {variant!r} (spelling of {other})")


if __name__ == "__main__":
    main(sys.argv[1:])

"""How well derived spellings reproduce the gazetteer's hand-listed ones.

The gazetteer's spellings are the truth set. For every form that has spellings
in several languages:

- transliterate: from each language's first spelling to each other language,
  how often the result is that language's rendering (exact), and how often it
  folds to one of its listed spellings (what the matcher would find);
- variants: of the spellings listed after the first in one language, how many
  `variants(first, lang)` gives (folded), and how many folding alone already
  makes equal to the first;
- risks: derived variants that fold to a spelling of another entity, and (where
  Apertium is installed) one-word variants that its English, Spanish or French
  analyser knows as an ordinary word.

Only name-like spellings are compared: the same number of words on both sides
and every word capitalised (or in a script without case), so that "district
de Terter" is not compared with "Tərtər rayonu".

With the evaluation's dev sentences (bench/recognition/dev, or --dev DIR), it
also counts the places that only derived spellings find, and the words outside
any place that a derived spelling would match (the risk of a variant that is
an ordinary word). It never reads the held-out sentences.

Run: python bench/bench_translit.py [GAZETTEER.yaml ...] [--dev DIR]
"""

from __future__ import annotations

import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from toponyms.fold import fold_key
from toponyms.gazetteer import load
from toponyms.inflect import CASE_FORM_LANGS, case_forms, suffix_ok
from toponyms.translit import transliterate, variants

LANGS = ("en", "az", "hy", "ru", "tr", "fr", "de", "es")


# Words of administrative and geographic kind: a different word, not a different
# spelling (Bezirk Terter for Tartar District), so spellings with them are left out.
GENERIC = frozenset(fold_key(w) for w in """
    district province region rayon raion rayonu reservoir corridor autonomous oblast ssr republic
    economic zone river mountains range pass bezirk provinz distrikt stausee korridor gebiet autonome
    autonomes wirtschaftsregion gebirge fluss rayonu bölgesi ili dəhlizi koridoru özerk muxtar vilayəti
    respublikası cumhuriyeti iqtisadi ekonomik su anbarı çayı nehri dağı silsiləsi aşırımı geçidi
    """.split())


def name_like(spelling: str) -> bool:
    words = spelling.replace("-", " ").split()
    return all(word[:1].isupper() or not word[:1].islower() for word in words) and not any(
        fold_key(word) in GENERIC for word in words)


def comparable(a: str, b: str) -> bool:
    return name_like(a) and name_like(b) and len(a.replace("-", " ").split()) == len(b.replace("-", " ").split())


def plain_latin(spelling: str) -> str:
    """The baseline: what the project wrote before, unidecode's plain Latin with ə as e."""
    from unidecode import unidecode

    return unidecode(spelling.replace("ə", "e").replace("Ə", "E"))


def measure(gazetteer) -> dict:
    pairs = defaultdict(lambda: [0, 0, 0])  # (src, tgt) -> [compared, exact, folded]
    differing = [0, 0]  # pairs whose two renderings differ once folded: [compared, folded hits]
    baseline = defaultdict(lambda: [0, 0])  # tgt -> [compared, folded hits of the plain-Latin fallback]
    across = defaultdict(lambda: [0, 0])  # (script lang, Latin lang) -> [listed spellings, given by variants()]
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
                    listed_keys = {fold_key(s) for s in form.names[tgt]}
                    hit = fold_key(out) in listed_keys
                    baseline[tgt][0] += 1
                    baseline[tgt][1] += fold_key(plain_latin(first)) in listed_keys
                    row[2] += hit
                    if fold_key(first) != fold_key(form.names[tgt][0]):
                        differing[0] += 1
                        differing[1] += hit
            for src in ("hy", "ru"):
                if src not in form.names:
                    continue
                for tgt in ("en", "fr", "de", "es"):
                    spellings = [s for s in form.names.get(tgt, ()) if comparable(form.names[src][0], s)]
                    if not spellings:
                        continue
                    keys = {fold_key(v) for v in variants(form.names[src][0], tgt)}
                    across[(src, tgt)][0] += len(spellings)
                    across[(src, tgt)][1] += sum(fold_key(s) in keys for s in spellings)
            for lang, spellings in form.names.items():
                if lang not in LANGS:
                    continue
                first = spellings[0]
                derived = variants(first, lang)
                counts.append(len(derived))
                keys = {fold_key(v) for v in derived}
                for v in derived:
                    other = owner.get(fold_key(v))
                    if other and other != entity.id and other not in entity.homonyms:
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
    return {"pairs": dict(pairs), "recovered": dict(recovered), "across": dict(across), "counts": counts,
            "risks": risks, "differing": differing, "baseline": dict(baseline)}


_SPAN = re.compile(r"\[\[([^|\]]+)\|([a-z0-9_]+)\]\]")


def _matches(surface: str, key: str, lang: str) -> bool:
    """Whether the folded `surface` is the folded name `key`, inflected as `lang` inflects names."""
    if surface == key:
        return True
    if lang in CASE_FORM_LANGS:
        return surface in case_forms(key)
    if not surface.startswith(key):
        return False
    rest = surface[len(key):]
    if rest.startswith("'"):
        return suffix_ok(lang, rest[1:], apostrophe=True)
    return suffix_ok(lang, rest)


def dev_check(gazetteer, directory: Path) -> dict:
    """On the evaluation's dev sentences: places found only thanks to derived spellings, and
    words outside any place that a derived spelling would wrongly match."""
    found = defaultdict(lambda: [0, 0, 0])  # lang -> [annotated, by listed spellings, by variants only]
    false_hits = defaultdict(list)
    for path in sorted(directory.glob("*.txt")):
        lang = path.stem
        listed, derived = defaultdict(set), defaultdict(set)
        for entity in gazetteer.entities:
            for form in entity.forms:
                for spelling in form.names.get(lang, ()):
                    listed[entity.id].add(fold_key(spelling))
                    derived[entity.id].update(fold_key(v) for v in variants(spelling, lang))
        every_listed = set().union(*listed.values())
        new_keys = {key: entity_id for entity_id, keys in derived.items() for key in keys - every_listed}
        by_first_word = defaultdict(list)
        for key, entity_id in new_keys.items():
            by_first_word[key.split(" ")[0][:3]].append((key, entity_id))
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            for surface, entity_id in _SPAN.findall(line):
                row = found[lang]
                row[0] += 1
                folded = fold_key(surface)
                if any(_matches(folded, key, lang) for key in listed.get(entity_id, ())):
                    row[1] += 1
                elif any(_matches(folded, key, lang) for key in derived.get(entity_id, ())):
                    row[2] += 1
            plain = fold_key(_SPAN.sub(" | ", line))
            words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", plain)
            for i in range(len(words)):
                for size in (1, 2, 3):
                    phrase = " ".join(words[i:i + size])
                    for key, entity_id in by_first_word.get(phrase[:3], ()):
                        if len(key.split(" ")) == size and _matches(phrase, key, lang):
                            false_hits[lang].append((phrase, entity_id))
    return {"found": dict(found), "false_hits": dict(false_hits)}


# Apertium's morphological analysers know the ordinary words of English, Spanish and French.
ANALYSERS = {
    "en": "/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin",
    "es": "/usr/share/apertium/apertium-eng-spa/spa-eng.automorf.bin",
    "fr": "/usr/share/apertium/apertium-fr-es/fr-es.automorf.bin",
}


def dictionary_words(gazetteer) -> dict[str, list[tuple[str, str]]]:
    """Derived one-word variants that Apertium's analyser of the language knows as an
    ordinary word or a person's name: (variant, the spelling it came from), by language."""
    import shutil
    import subprocess

    if not shutil.which("lt-proc"):
        return {}
    found = {}
    listed = {fold_key(s) for entity in gazetteer.entities for form in entity.forms for _, s in form.spellings()}
    for lang, analyser in ANALYSERS.items():
        if not Path(analyser).exists():
            continue
        derived = {}
        for entity in gazetteer.entities:
            for form in entity.forms:
                for spelling in form.names.get(lang, ()):
                    for variant in variants(spelling, lang):
                        if " " not in variant and "-" not in variant and fold_key(variant) not in listed:
                            derived.setdefault(variant, spelling)
        words = sorted(derived)
        out = subprocess.run(["lt-proc", analyser], input="\n".join(words) + "\n", capture_output=True,
                             text=True, check=True).stdout
        known = []
        for unit in re.findall(r"\^(.*?)\$", out):
            surface, *readings = unit.split("/")
            # Ordinary words, and given names and surnames (issue 10's people named like places);
            # place names (<np><top>) are no risk here.
            if readings and not readings[0].startswith("*") and any(
                    "<np>" not in r or "<ant>" in r or "<cog>" in r for r in readings):
                known.append((surface, derived.get(surface, "")))
        found[lang] = known
    return found


def rate(hit: int, total: int) -> str:
    return f"{hit / total:5.0%}" if total else "    -"


DEV = Path(__file__).resolve().parent / "recognition" / "dev"


def main(argv: list[str]) -> None:
    dev = DEV
    if "--dev" in argv:
        at = argv.index("--dev")
        dev = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    gazetteer = load(argv or None)
    started = time.perf_counter()
    result = measure(gazetteer)
    seconds = time.perf_counter() - started
    pairs, recovered = result["pairs"], result["recovered"]
    total = [sum(row[k] for row in pairs.values()) for k in range(3)]
    print(f"gazetteer: {len(gazetteer)} entities; measured in {seconds:.2f} s")
    print(f"transliterate, {total[0]} name pairs: rendering exact {rate(total[1], total[0])}, "
          f"a listed spelling once folded {rate(total[2], total[0])}")
    n, hits = result["differing"]
    print(f"  of these, {n} where the two renderings differ (Şuşa and Schuscha, not Goris and Goris): "
          f"folded {rate(hits, n)}")
    print("  by target, against the baseline (unidecode's plain Latin, as render.py fell back to):")
    for tgt in LANGS:
        n = sum(pairs[(src, tgt)][0] for src in LANGS if (src, tgt) in pairs)
        hits = sum(pairs[(src, tgt)][2] for src in LANGS if (src, tgt) in pairs)
        base_n, base_hits = result["baseline"].get(tgt, (0, 0))
        print(f"    {tgt}: {rate(hits, n)}  baseline {rate(base_hits, base_n)}")
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
    print("variants across scripts: Latin spellings listed, given by variants() of the Armenian or Russian one")
    for (src, tgt), (n, hits) in sorted(result["across"].items()):
        print(f"  {src}->{tgt}: {n:4} listed, given {rate(hits, n)}")
    counts = result["counts"]
    print(f"variants per spelling: mean {sum(counts) / len(counts):.1f}, max {max(counts)}")
    print(f"variants that are another entity's spelling: {len(result['risks'])}")
    for entity_id, lang, first, variant, other in result["risks"][:20]:
        print(f"  {entity_id} {lang} {first!r} -> {variant!r} (spelling of {other})")

    known = dictionary_words(gazetteer)
    if known:
        print("derived variants that are ordinary words or people's names (Apertium's analysers):")
        for lang, words in known.items():
            print(f"  {lang}: {len(words)}{': ' if words else ''}"
                  + ", ".join(f"{w} (from {s})" for w, s in words[:15]))
    if dev.is_dir():
        checked = dev_check(gazetteer, dev)
        print(f"dev sentences ({dev.name}): places found by listed spellings, and by derived ones only;"
              " words outside any place that a derived spelling matches")
        for lang, (n, by_listed, by_derived) in sorted(checked["found"].items()):
            hits = checked["false_hits"].get(lang, [])
            shown = ", ".join(sorted({f"{phrase} ({entity_id})" for phrase, entity_id in hits})[:6])
            print(f"  {lang}: {n:4} places, listed {rate(by_listed, n)}, derived +{by_derived}, "
                  f"false hits {len(hits)}{': ' + shown if shown else ''}")


if __name__ == "__main__":
    main(sys.argv[1:])

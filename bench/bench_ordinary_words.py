"""Which names are ordinary words too: every listed and derived spelling, with its case forms, against word lists.

Run: python bench/bench_ordinary_words.py [--lang L ...]

A place's name that is also a common word of a language (Russian "Тех", "those";
Spanish "chucha"; Azerbaijani "Çörəkli", "with bread") is the word where it opens
a sentence or is written in small letters. The gazetteer says so per entity in
`guards.ordinary_word_in` (language -> the words), and the matcher then takes
such a surface, in text of that language, only with evidence (see
`Matcher._without_ordinary_words_opening_sentences`). This lists the candidates:
every folded key the matcher holds (each listed spelling, each derived spelling,
their Russian and Armenian case forms) that is a word of a word list: the Debian
lists wngerman, wfrench, wspanish, the Hunspell dictionaries en_US and tr_TR
(stems and the forms the file lists; capitalised entries are proper names, except
in German), and for Russian every form pymorphy3 finds in its dictionary that is
no proper name. Keys already guarded are marked `=`. With wordfreq installed
(the `bench` extra), each word's Zipf frequency in its language follows (3 is
once per million words; the counts include names, so a town's own name scores
too). Read the list: a word that no news sentence would open with (a rare or
dialect word) is not worth the recall the guard costs; the gazetteer guards the
words of 3.5 and more that are no place's name first, and the village names
that are plain adjectives or nouns (Çörəkli, Düdükçü), which wordfreq lacks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_derived_words import WORD_LISTS, words_of  # noqa: E402

from toponyms.derived import derived_spellings  # noqa: E402
from toponyms.fold import fold_key  # noqa: E402
from toponyms.gazetteer import load  # noqa: E402
from toponyms.inflect import inflected_keys  # noqa: E402

# Tags of pymorphy3's proper names: a key known only as one of these is no ordinary word.
_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"}


def russian_word(key: str, morph) -> bool:
    """Whether a folded Cyrillic key is a dictionary word of pymorphy3 that is no proper name."""
    # The analyser guesses unknown words by their endings: only a word its dictionary holds counts.
    return morph.word_is_known(key) and any(not (_PROPER & set(p.tag.grammemes)) for p in morph.parse(key))


def originals(paths: dict[str, Path]) -> dict[tuple[str, str], set[str]]:
    """(language, folded word) -> the words of the list as written (Turkish gözlü for gozlu)."""
    spelled: dict[tuple[str, str], set[str]] = {}
    for lang, path in paths.items():
        with open(path, encoding="utf-8", errors="ignore") as handle:
            for line in handle:
                word = line.split("/")[0].strip()
                if word.isalpha():
                    spelled.setdefault((lang, fold_key(word)), set()).add(word.lower())
    return spelled


def keys_of(gazetteer):
    """(folded key, entity id, spelling, spelling's language, how) for every one-word key the matcher holds."""
    for entity in gazetteer.entities:
        for form in entity.forms:
            for lang, spelling in form.spellings():
                for key in inflected_keys(fold_key(spelling), lang, spelling):
                    yield key, entity.id, spelling, lang, "listed"
    for index, _, lang, spelling in derived_spellings(gazetteer):
        for key in inflected_keys(fold_key(spelling), lang, spelling):
            yield key, gazetteer.entities[index].id, spelling, lang, "derived"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", help="only these word lists (de fr es en tr ru)")
    args = parser.parse_args(argv)
    wanted = set(args.lang or ("de", "fr", "es", "en", "tr", "ru"))
    gazetteer = load()
    guarded = {(e.id, lang, w) for e in gazetteer.entities for lang, w in e.guards.ordinary_word_in}
    lists = {lang: words_of(Path(path), nouns_capitalised=lang == "de")
             for lang, path in WORD_LISTS.items() if lang in wanted and Path(path).exists()}
    morph = None
    if "ru" in wanted:
        try:
            import pymorphy3
        except ImportError:
            print("ru: pymorphy3 is not installed, Russian skipped", file=sys.stderr)
        else:
            morph = pymorphy3.MorphAnalyzer()
    found: dict[tuple[str, str], set] = {}
    for key, entity, spelling, lang, how in keys_of(gazetteer):
        if " " in key or "-" in key or not key.isalpha():
            continue
        for word_lang, words in lists.items():
            if key in words:
                found.setdefault((word_lang, key), set()).add((entity, spelling, lang, how))
        if morph is not None and "\u0400" <= key[0] <= "\u04ff" and russian_word(key, morph):
            found.setdefault(("ru", key), set()).add((entity, spelling, lang, how))
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        def zipf_frequency(word, lang):
            return float("nan")
    spelled = originals({lang: Path(WORD_LISTS[lang]) for lang in lists})
    for word_lang, key in sorted(found):
        # wordfreq knows the words as written (gözlü), not folded (gozlu).
        zipf = max(zipf_frequency(w, word_lang) for w in spelled.get((word_lang, key), {key}))
        for entity, spelling, lang, how in sorted(found[word_lang, key]):
            mark = "=" if (entity, word_lang, key) in guarded else " "
            print(f"{mark} {word_lang}\t{key}\t{zipf:.2f}\t{entity}\t{spelling} ({lang}, {how})")
    print(f"{len(found)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Which derived spellings are ordinary words: the transliteration rules' variants against word lists.

Run: python bench/bench_derived_words.py [WORDLIST ...]

`toponyms.derived` gives every name the spellings the usual romanisations
would print (German sch/dsch, French ch/ou, Spanish j/y...). A rule's guess
that is an ordinary word of any of the languages (German Korken, a cork, from
Qorqan; Kerker, a dungeon) would be reported as a place wherever the word is
written, and German capitalises its nouns, so the capital that derived
spellings need does not keep them out. Such words go into translit's stop
list (`_STOP`). This prints, for every word list installed (by default the
Debian word lists wngerman, wfrench, wspanish and the Hunspell dictionaries
en_US and tr_TR, where present), the derived spellings whose folded form is a
word of the list (in German any word, elsewhere a word the list writes in small
letters: a capitalised entry is a proper name, often the place itself), with the
entity they were made for. What it prints is either put in the stop list or
is the place's own name in that language too (Barda, Ganja, Gorus, Hocalı):
read the list, do not empty it blindly.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toponyms.derived import derived_spellings  # noqa: E402
from toponyms.fold import fold_key  # noqa: E402
from toponyms.gazetteer import load  # noqa: E402

WORD_LISTS = {
    "de": "/usr/share/dict/ngerman", "fr": "/usr/share/dict/french", "es": "/usr/share/dict/spanish",
    "en": "/usr/share/hunspell/en_US.dic", "tr": "/usr/share/hunspell/tr_TR.dic",
}


def words_of(path: Path, nouns_capitalised: bool) -> set[str]:
    """The folded ordinary words of a plain word list or of a Hunspell .dic (stems before the flags).

    Capitalised entries are proper names (Yerevan, Kubatlı are in the English and Turkish
    dictionaries as the places they are), except in German, which capitalises every noun.
    """
    words = set()
    with open(path, encoding="utf-8", errors="ignore") as handle:
        for line in handle:
            word = line.split("/")[0].strip()
            if word.isalpha() and (nouns_capitalised or word[0].islower()):
                words.add(fold_key(word))
    return words


def main(argv: list[str]) -> int:
    lists = {Path(p).name: Path(p) for p in argv} if argv else {
        lang: Path(p) for lang, p in WORD_LISTS.items() if Path(p).exists()}
    if not lists:
        print("Error: no word list found (apt-get install wngerman wfrench wspanish hunspell-en-us hunspell-tr)",
              file=sys.stderr)
        return 1
    gazetteer = load()
    derived = derived_spellings(gazetteer)
    print(f"{len(derived)} derived spellings of {len(gazetteer.entities)} entities")
    total = 0
    for name, path in lists.items():
        words = words_of(path, nouns_capitalised=name in ("de", "ngerman"))
        hits = sorted({(spelling, gazetteer.entities[index].id) for index, _, _, spelling in derived
                       if fold_key(spelling) in words})
        total += len(hits)
        print(f"{name}: {len(words)} words, {len(hits)} derived spellings among them")
        for spelling, entity in hits:
            print(f"  {spelling}  ({entity})")
    print(f"{total} in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

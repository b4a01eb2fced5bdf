"""Which ordinary words `find --fuzzy` would take for a place: word lists run through the typo rule.

Run: python bench/bench_fuzzy_words.py [WORDLIST ...]

For every word list installed (by default the Debian word lists wngerman,
wfrench, wspanish and the Hunspell dictionaries en_US and tr_TR, where
present), the words of six letters or more that `Matcher.typo_keys` puts one
edit from a spelling of the gazetteer, and how many of them are capitalised
(nouns in German, proper names elsewhere: the ones --fuzzy, which reads only
capitalised words, would report mid-sentence). Demonyms are not left out here
(the matcher's own guard drops them). The dev sentences' figures with and
without --fuzzy are `bench/bench_recognition.py --split dev [--fuzzy]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toponyms.fold import fold_key  # noqa: E402
from toponyms.gazetteer import load  # noqa: E402
from toponyms.match import Matcher  # noqa: E402

WORD_LISTS = {
    "de": "/usr/share/dict/ngerman", "fr": "/usr/share/dict/french", "es": "/usr/share/dict/spanish",
    "en": "/usr/share/hunspell/en_US.dic", "tr": "/usr/share/hunspell/tr_TR.dic",
}


def words_of(path: Path) -> set[str]:
    """The words of a plain word list or of a Hunspell .dic (stems before the flags)."""
    words = set()
    with open(path, encoding="utf-8", errors="ignore") as handle:
        for line in handle:
            word = line.split("/")[0].strip()
            if len(word) >= 6 and word.isalpha():
                words.add(word)
    return words


def main(argv: list[str]) -> None:
    lists = {Path(p).name: Path(p) for p in argv} or {lang: Path(p) for lang, p in WORD_LISTS.items() if Path(p).exists()}
    if not lists:
        print("no word list found; install wngerman, wfrench, wspanish or hunspell-en-us, hunspell-tr")
        return
    matcher = Matcher(load())
    for name, path in lists.items():
        words = words_of(path)
        hits = []
        for word in sorted(words):
            keys = matcher.typo_keys(fold_key(word))
            if keys:
                hits.append((word, sorted({matcher.keys[i] for i in keys})))
        capitalised = [h for h in hits if h[0][:1].isupper()]
        print(f"{name}: {len(words)} words of 6+ letters, {len(hits)} one edit from a gazetteer spelling, "
              f"{len(capitalised)} capitalised")
        for word, keys in capitalised:
            print(f"  {word}: {', '.join(keys)}")


if __name__ == "__main__":
    main(sys.argv[1:])

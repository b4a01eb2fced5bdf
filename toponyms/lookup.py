"""Looking a name up: any spelling, folded, inflected or not, with near misses when nothing fits.

>>> from toponyms.gazetteer import load
>>> index = NameIndex(load())
>>> [e.id for e in index.lookup("SUQOVUSAN")]
['sugovushan']
>>> index.suggest("Madagis")[:1]
['Madagiz']
"""

from __future__ import annotations

import difflib
import re
from functools import cached_property

from .fold import fold_key
from .gazetteer import Entity, Gazetteer


# Around a pasted name: quotation marks, brackets and sentence punctuation.
_AROUND = " \t\"'“”„«»‹›‘’()[].,;:!?"
# An elided article or preposition before it (d', l', qu'), a possessive after it ('s, s').
_CLITIC_BEFORE = re.compile(r"(?:[^\W\d_]{1,2}['’ʼ])?")
_CLITIC_AFTER = re.compile(r"(?:['’ʼ][^\W\d_]{0,2})?")


def name_tables(gazetteer: Gazetteer, romanised: bool = False):
    """(by_key, spelling_of, latin keys or None) of `NameIndex`: every spelling under its folded key,
    the spelling each key shows as, and (`romanised`) each key's plain-Latin form for `suggest`."""
    by_key: dict[str, list[Entity]] = {}
    spelling_of: dict[str, str] = {}
    for entity in gazetteer.entities:
        # Real spellings first, so that suggestions show them rather than ids.
        for key_source in [*entity.names(), entity.id.replace("_", " ")]:
            key = fold_key(key_source)
            bucket = by_key.setdefault(key, [])
            if entity not in bucket:
                bucket.append(entity)
            spelling_of.setdefault(key, key_source)
    return by_key, spelling_of, (_romanised(by_key) if romanised else None)


def _romanised(by_key) -> dict[str, str]:
    from unidecode import unidecode

    return {unidecode(key).lower(): key for key in by_key}


class NameIndex:
    """Every spelling of a gazetteer under its folded key."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._matcher = None  # a matcher of the whole gazetteer, when the caller has one (`compiled.name_index`)
        self._matchers: dict[frozenset[str], object] = {}  # see `_matcher_of`
        # Made with the gazetteer's pickle when it is kept (`compiled.load_gazetteer`): folding every
        # spelling and romanising every key cost most of a `lookup`'s start-up. Read only, so shared.
        tables = vars(gazetteer).get("_name_tables")
        if tables is None:
            tables = name_tables(gazetteer)
        self.by_key, self.spelling_of, self._latin = tables  # `_latin` None until `_latin_keys` asks

    def lookup(self, query: str) -> list[Entity]:
        """Entities with a spelling equal to `query` once folded, else those the query inflects."""
        key = fold_key(query)
        if key in self.by_key:
            return list(self.by_key[key])
        mention = self.settle(query)
        return [self.gazetteer.get(mention.entity_id)] if mention else []

    def settle(self, query: str):
        """The one name `query` is a form of, as `find` reads it (a `Mention`), or None.

        What users paste: a case form or a suffix (Степанакерте, Şuşaya, Ստեփանակերտում),
        an English possessive or a French elision around the name (Stepanakert's, d'Agdam),
        quotation marks and a comma around it. More words than that are no name.

        >>> from toponyms.gazetteer import load
        >>> index = NameIndex(load())
        >>> [(m.name, m.form) for m in map(index.settle, ["stepanakert's", "«Şuşaya»"])]
        [('Stepanakert', 'stepanakert'), ('Şuşa', 'shusha')]
        >>> index.settle("Stepanakert's mayor") is None
        True
        """
        text = " ".join(query.split()).strip(_AROUND)
        bare = text[_CLITIC_BEFORE.match(text).end():]
        opening = fold_key(bare)[:3]
        if not (self.gazetteer.entities and bare and opening in self._openings):
            return None  # no name starts so: the matcher need not be loaded
        matcher = self._matcher or self._matcher_of(frozenset({opening, fold_key(text)[:3]} - {""}))
        mentions = matcher.find(text)
        if len(mentions) != 1:
            return None
        mention = mentions[0]
        if _CLITIC_BEFORE.fullmatch(text[:mention.start]) and _CLITIC_AFTER.fullmatch(text[mention.end:]):
            return mention
        return None

    @cached_property
    def _openings(self) -> frozenset[str]:
        """The first three letters of every key (all of a shorter one). An inflected or suffixed name
        starts as its listed spelling does, so a query that starts as no key does needs no matcher,
        whose loading is most of what a `lookup` of an unknown name costs."""
        return frozenset(key[:n] for key in self.by_key for n in range(1, min(3, len(key)) + 1))

    def _matcher_of(self, openings: frozenset[str]):
        """A matcher of the listed spellings of the places with a key that starts as `openings` do.

        The one mention `settle` accepts starts where the query (or its elided article) starts,
        so only those places can be it, and their matcher reads the query as the whole
        gazetteer's would. Made in a few milliseconds, where the whole gazetteer's took most of
        `lookup`'s start-up to build or unpickle. Listed spellings only: deriving more would cost
        as much again.
        """
        from dataclasses import replace

        from .match import Matcher

        if openings in self._matchers:  # `lookup` settles a form, then the CLI asks which spelling it was
            return self._matchers[openings]
        wanted = {entity.id for key, entities in self.by_key.items()
                  if any(key.startswith(opening) or opening.startswith(key) for opening in openings)
                  for entity in entities}
        entities = tuple(e for e in self.gazetteer.entities if e.id in wanted)  # in the gazetteer's order
        matcher = self._matchers[openings] = Matcher(replace(self.gazetteer, entities=entities), derived=False)
        return matcher

    @property
    def _latin_keys(self) -> dict[str, str]:
        """Each key's plain-Latin form -> the key (for `suggest`), made once, or kept with the gazetteer."""
        if self._latin is None:
            self._latin = _romanised(self.by_key)
        return self._latin

    def suggest(self, query: str, count: int = 5) -> list[str]:
        """Spellings close to `query`, across scripts (Ханкенди is close to Khankendi)."""
        from unidecode import unidecode

        key = fold_key(query)
        close = _close_matches(key, self.by_key, count)
        latin = unidecode(key).lower()
        for found in _close_matches(latin, self._latin_keys, count):
            close.append(self._latin_keys[found])
        return list(dict.fromkeys(self.spelling_of[k] for k in close))[:count]


def _close_matches(word: str, possibilities, count: int, cutoff: float = 0.7) -> list[str]:
    """`difflib.get_close_matches(word, possibilities, count, cutoff)`, the same list, sooner.

    difflib weighs every key in Python (its quick_ratio counts shared letters one by one); the
    keys it would drop because too few of their letters are the word's at all (other scripts,
    other names) are dropped first, with a set intersection in C. The bound is never below
    difflib's own (its matches are at most the word's letters the key shares, counted as often
    as the word has them), so nothing difflib keeps is dropped, and its ranking (by score, then
    by string) does not depend on the order or number of the keys it is given.
    """
    counts: dict[str, int] = {}
    for letter in word:
        counts[letter] = counts.get(letter, 0) + 1
    most, size, shared_by = max(counts.values(), default=0), len(word), set(counts).intersection
    kept = []
    for possibility in possibilities:
        total = len(possibility) + size
        if total:
            shared = shared_by(possibility)
            if 2.0 * min(len(shared) * most, len(possibility), size) / total < cutoff:
                continue
            if most > 1 and 2.0 * min(sum(counts[c] for c in shared), len(possibility)) / total < cutoff:
                continue
        kept.append(possibility)
    return difflib.get_close_matches(word, kept, n=count, cutoff=cutoff)

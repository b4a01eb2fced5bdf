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


class NameIndex:
    """Every spelling of a gazetteer under its folded key."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.by_key: dict[str, list[Entity]] = {}
        self.spelling_of: dict[str, str] = {}
        for entity in gazetteer.entities:
            # Real spellings first, so that suggestions show them rather than ids.
            for key_source in [*entity.names(), entity.id.replace("_", " ")]:
                key = fold_key(key_source)
                bucket = self.by_key.setdefault(key, [])
                if entity not in bucket:
                    bucket.append(entity)
                self.spelling_of.setdefault(key, key_source)

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
        if not (self.gazetteer.entities and bare and fold_key(bare)[:3] in self._openings):
            return None  # no name starts so: the matcher need not be loaded
        mentions = self._matcher.find(text)
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

    @cached_property
    def _matcher(self):
        from .match import Matcher

        # Listed spellings only: deriving more would cost `lookup` its start-up time.
        return Matcher(self.gazetteer, derived=False)

    @cached_property
    def _latin_keys(self) -> dict[str, str]:
        from unidecode import unidecode

        return {unidecode(key).lower(): key for key in self.by_key}

    def suggest(self, query: str, count: int = 5) -> list[str]:
        """Spellings close to `query`, across scripts (Ханкенди is close to Khankendi)."""
        from unidecode import unidecode

        key = fold_key(query)
        close = difflib.get_close_matches(key, list(self.by_key), n=count, cutoff=0.7)
        latin = unidecode(key).lower()
        for found in difflib.get_close_matches(latin, list(self._latin_keys), n=count, cutoff=0.7):
            close.append(self._latin_keys[found])
        return list(dict.fromkeys(self.spelling_of[k] for k in close))[:count]

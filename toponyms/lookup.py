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
from functools import cached_property

from .fold import fold_key
from .gazetteer import Entity, Gazetteer


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
        if self.gazetteer.entities and key and key[:3] in self._openings:
            mentions = self._matcher.find(" ".join(query.split()))
            if len(mentions) == 1 and mentions[0].end - mentions[0].start == len(" ".join(query.split())):
                return [self.gazetteer.get(mentions[0].entity_id)]
        return []

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

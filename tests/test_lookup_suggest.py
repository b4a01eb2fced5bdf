"""`lookup`'s suggestions: the prefiltered close matches are difflib's, key for key."""

import difflib
import random

from toponyms.fold import fold_key
from toponyms.gazetteer import load
from toponyms.lookup import NameIndex, _close_matches


def test_close_matches_are_difflibs():
    index = NameIndex(load())
    keys, latin = list(index.by_key), list(index._latin_keys)
    rng = random.Random(14)
    queries = ["Atlantis", "Madagis", "Ханкенди", "Stepanakrt", "Şuşaa", "xankendy", "Ստեփանակերտ", "a", "", "  ",
               "ssss", "ааа", "Gandzasar monastry"]
    for key in rng.sample(keys, 60):
        at = rng.randrange(len(key))
        queries += [key[:at] + key[at + 1:], key[:at] + key[at:at + 1] * 2 + key[at + 1:], key[::-1]]
    for query in map(fold_key, queries):
        for possibilities in (keys, latin):
            for count in (5, 1):
                assert _close_matches(query, possibilities, count) == \
                    difflib.get_close_matches(query, possibilities, n=count, cutoff=0.7), query


def test_suggestions_across_scripts():
    index = NameIndex(load())
    assert index.suggest("Madagis")[:1] == ["Madagiz"]
    assert "Artaniş" in index.suggest("Atlantis")

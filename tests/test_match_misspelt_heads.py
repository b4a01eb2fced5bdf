"""A longer name whose head words the text mistypes while its last word, a name itself, is found:
"Nagomo Karabakh" is Nagorno-Karabakh (an approximate match found without --fuzzy), not the wider
Karabakh region. Sentences written for these tests after typos real pages print."""

import pytest


def found(matcher, text, lang):
    return [(m.surface, m.entity_id, m.match) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, lang, surface", [
    ("The offensive began against the Armenians of Nagomo Karabakh in 1991.", "en", "Nagomo Karabakh"),
    ("La capitale de la région du Nagaorny Karabakh a été la cible de frappes.", "fr", "Nagaorny Karabakh"),
    ("Agdam está en la región de Nargorno-Karabaj.", "es", "Nargorno-Karabaj"),
])
def test_a_mistyped_head_before_a_found_name(matcher, text, lang, surface):
    assert (surface, "nagorno_karabakh", "approximate") in found(matcher, text, lang)


@pytest.mark.parametrize("text, lang, surface, entity", [
    ("Azerbaijan retook Karabakh in 2023.", "en", "Karabakh", "karabakh"),
    ("Rayona Laçın şəhəri və Qayğı qəsəbəsi daxildir.", "az", "Laçın", "lachin"),
    ("The Upper Karabakh region and Karabakh itself.", "en", "Upper Karabakh", "nagorno_karabakh"),
])
def test_right_heads_words_for_districts_and_small_words_stay_as_they_were(matcher, text, lang, surface, entity):
    """A word for a district one letter from a name's head (Rayona, Rayon Latschin) is no typo of it."""
    assert (surface, entity) in [(s, e) for s, e, _ in found(matcher, text, lang)]

"""English, French and German words that a place's listed or derived spelling folds to: a sentence
opening with them (and a German noun anywhere) is no place (the audit of bench/bench_ordinary_words.py
against the Debian word lists and wordfreq). Sentences written for these tests."""

import pytest


def found(matcher, text, lang):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, lang", [
    ("Champ de bataille, la plaine resta silencieuse.", "fr"),
    ("Gérer la crise est difficile.", "fr"),
    ("Satin et soie habillaient la salle.", "fr"),
    ("Sagen Sie mir, was geschehen ist.", "de"),
    ("Die Sagen des Kaukasus sind alt.", "de"),
    ("Kajak fahren ist im Sommer beliebt.", "de"),
    ("Seher und Propheten sagten es voraus.", "de"),
    ("Champ of the league again, the club celebrated.", "en"),
    ("Satin sheets were on sale.", "en"),
    ("Lorry drivers protested at the border.", "en"),
    ("Dig deeper into the story and you find more.", "en"),
    ("Chowder was served at the dinner.", "en"),
    ("Zig and zag went the road.", "en"),
])
def test_words_are_no_places(matcher, text, lang):
    assert found(matcher, text, lang) == []


@pytest.mark.parametrize("text, lang, expected", [
    ("The village of Shamb near Sisian was shelled.", "en", ("Shamb", "shamb")),
    ("Tegh village is on the border with Lachin.", "en", ("Tegh", "tegh")),
    ("Im Dorf Schagan wurde geschossen.", "de", ("Schagan", "shagan")),
])
def test_the_villages_stay(matcher, text, lang, expected):
    assert expected in found(matcher, text, lang)

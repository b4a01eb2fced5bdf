"""English, French and German words that a place's listed or derived spelling folds to: a sentence
opening with them (and a German noun anywhere) is no place (the audit of bench/bench_ordinary_words.py
against the Debian word lists and wordfreq). Sentences written for these tests."""

import pytest


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
def test_words_are_no_places(found, text, lang):
    assert found(text, lang) == []


@pytest.mark.parametrize("text, lang, expected", [
    ("The village of Shamb near Sisian was shelled.", "en", ("Shamb", "shamb")),
    ("Tegh village is on the border with Lachin.", "en", ("Tegh", "tegh")),
    ("Im Dorf Schagan wurde geschossen.", "de", ("Schagan", "shagan")),
])
def test_the_villages_stay(found, text, lang, expected):
    assert expected in found(text, lang)


@pytest.mark.parametrize("text", [
    "Бараны паслись на лугу.", "Камыш растёт у реки.", "Сура Корана гласит об этом.", "Калачи испекли утром.",
    "Уступ скалы был узким.", "Тег статьи изменили.", "Котам нужна еда.", "Сотку земли продали.",
    "Делали всё возможное.", "Кабелей не хватало.",
])
def test_russian_words_opening_a_sentence_are_no_places(found, text):
    """Russian words pymorphy3 knows that a place's spelling or case form is (rams, reed, a sura, a tag...)."""
    assert found(text, "ru") == []


@pytest.mark.parametrize("text, expected", [
    ("Село Калача обстреляли ночью.", ("Калача", "galacha")),
    ("Жители Тега покинули село.", ("Тега", "tegh")),
    ("В селе Сотк погиб солдат.", ("Сотк", "sotk")),
])
def test_russian_villages_stay(found, text, expected):
    assert expected in found(text, "ru")

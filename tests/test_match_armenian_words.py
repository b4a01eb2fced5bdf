"""Armenian capitalises every proper name, and many of its place names are words: in small letters an
Armenian spelling is the word (`match._capital_needed`). The words found by a pass of every Armenian
one-word spelling of the gazetteer through the Armenian Hunspell dictionary (Debian myspell-hy).
Sentences written for these tests."""

import pytest


@pytest.mark.parametrize("text", [
    "Նա ունի մեծ ագարակ։",                 # a farm: not Agarak
    "Եկեղեցու աշտարակ։",                   # a tower: not Ashtarak
    "Անտառների այրում։",                   # burning: not Ayrum
    "Գյուղի մոտ կա տաք ջերմուկ։",          # a hot spring: not Jermuk
    "Լոգարանում կար ջերմաջուր։",           # hot water: not Istisu's Armenian name
    "Բակում աճում է չինարի ծառ։",          # a plane tree: not Chinari
    "Նա ճարտար վարպետ էր։",                # skilful: not Chartar
    "Գյուղում կար մի կարկառ։",             # a cairn: not the Karkar
])
def test_armenian_words_in_small_letters_are_no_places(found, text):
    assert found(text, "hy") == []


@pytest.mark.parametrize("text, expected", [
    ("Ագարակում և Աշտարակում անձրև է։", [("Ագարակում", "agarak"), ("Աշտարակում", "ashtarak")]),
    ("Ջերմուկում կրակոցներ եղան։", [("Ջերմուկում", "jermuk")]),
    ("ԱՐՑԱԽԸ ՄԵՐՆ Է։", [("ԱՐՑԱԽԸ", "nagorno_karabakh")]),
])
def test_capitalised_names_stay(found, text, expected):
    assert found(text, "hy") == expected

"""A Russian district's adjective whose noun the sentence gives only once, with another district.

Sentences written for these tests (not taken from the recognition set).
"""

import pytest


def found(matcher, text):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang="ru")]


@pytest.mark.parametrize("text, expected", [
    # the noun at the end of the sentence, the adjectives each with its own count before it
    ("Вернулись жители 3 сел Физулинского, 2 сел Джебраильского и одного села в Зангиланском районе.",
     [("Физулинского", "fuzuli_district"), ("Джебраильского", "jabrayil_district"),
      ("Зангиланском районе", "zangilan_district")]),
    # the noun first, the adjective later in another case
    ("В 1992 году Лачинский район граничил с Кельбаджарским и Губадлинским.",
     [("Лачинский район", "lachin_district"), ("Кельбаджарским", "kalbajar_district"),
      ("Губадлинским", "qubadli_district")]),
    # the other side's name in brackets inside the list
    ("Мины нашли на землях Агдамского, Кяльбаджарского (Карвачарского) и Тертерского районов.",
     [("Агдамского", "agdam_district"), ("Кяльбаджарского", "kalbajar_district"),
      ("Карвачарского", "kalbajar_district"), ("Тертерского районов", "tartar_district")]),
])
def test_adjective_takes_the_noun_of_another_district(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an adjective with a noun of its own is no district
    ("Лачинский район стоит у Лачинского коридора.",
     [("Лачинский район", "lachin_district"), ("Лачинского коридора", "lachin_corridor")]),
    # no district named with the noun in the sentence: an adjective, no place
    ("Ответ на этот вопрос был Кельбаджарским.", []),
    # an adjective of no district
    ("Агдамский район славится ковром, и этот ковёр тоже карабахский, а не Карабахский.",
     [("Агдамский район", "agdam_district")]),
])
def test_adjective_alone_without_a_district_beside_it(matcher, text, expected):
    assert found(matcher, text) == expected


# Russian "в" places a village named just before in its district, as "in" does (`_in_its_district`).
@pytest.mark.parametrize("text, expected", [
    ("Жители сел Забух и Сус в Лачине ждут весны.",
     [("Забух", "zabukh"), ("Сус", "sus"), ("Лачине", "lachin_district")]),
    ("Новая школа открылась в селе Ханоба в Ходжавенде.",
     [("Ханоба", "khanoba"), ("Ходжавенде", "khojavend_district")]),
    # the town itself, no village before it
    ("Новая школа открылась в Лачине.", [("Лачине", "lachin")]),
])
def test_russian_village_in_a_town_name_is_its_district(matcher, text, expected):
    assert found(matcher, text) == expected


def test_russian_press_spelling_of_dejal(matcher):
    # report.az writes Dəjəl with я for ə: Дяджял
    assert found(matcher, "Жители Дяджяла вернутся весной.") == [("Дяджяла", "dejal")]

"""Words that equal a place's name, and people and things named after places, on fresh pages (audit of session 4).

Each class is data in gazetteer.yaml: the poet's titles and the words for his statue and grave
(`guards` of fuzuli), a province's dative that is an ordinary word (`guards.ordinary_word_in` of
shirak_province), a footballer's position before a name (`context.person_cues`), a given name that is
also a village's (`context.given_names`), a year, a lesson or a concert named after a place in quotes
(`context.organisation_words`). Sentences written for these tests in the manner of the audited pages.
"""

import pytest


def found(matcher, text, lang):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, lang, places", [
    # The poet's title, and his first name as the English and Russian press spell it.
    ("Mövlanə Füzulinin son vəsiyyəti belə idi.", "az", []),
    ("The Institute of Manuscripts after Mahammad Fuzuli holds the copy.", "en", []),
    ("Газели на слова Мухаммеда Физули прозвучали в филармонии.", "ru", []),
    # His statue, his grave, his tomb.
    ("Füzulinin heykəli 1970-ci ildə qoyulub.", "az", []),
    ('"Füzulinin məzarı yol oldu" məqaləsi mübahisəyə səbəb oldu.', "az", []),
    ("Fuzuli'nin mezarı yol yapma bahanesiyle yıkıldı.", "tr", []),
    # The town keeps its own: a statue erected in Füzuli, the town's mass grave.
    ("Füzulidə yeni heykəl ucaldılacaq.", "az", [("Füzulidə", "fuzuli")]),
    ("A mass grave was found near Fuzuli.", "en", [("Fuzuli", "fuzuli")]),
])
def test_the_poet_by_his_title_statue_and_grave(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


@pytest.mark.parametrize("text, lang", [
    ('"Turan Tovuz" 30 xalla üçüncü sıraya yüksəlib.', "az"),
    ("Takım puan tablosunda üçüncü sıraya yükseldi.", "tr"),
])
def test_a_rank_is_no_province(matcher, text, lang):
    assert "shirak_province" not in [m.entity_id for m in matcher.find(text, lang=lang)]


def test_shirak_is_still_the_province(matcher):
    assert found(matcher, "Qaçqınların bir hissəsi Şiraka köçüb.", "az") == [("Şiraka", "shirak_province")]


@pytest.mark.parametrize("text, lang, places", [
    # A footballer's position before a given name that is a town's name.
    ("Galatasaray bezog Altays Rechtsverteidiger Cebrail Karayel in seine Liste ein.", "de", []),
    ("Karşıyaka'nın stoper Cebrail transferi tamamlandı.", "tr", []),
    # A given name that is also a village's, before a surname that is another village's.
    ("Vətəndaş Hüquqları İnstitutunun rəhbəri Bəşir Süleymanlı həbsdədir.", "az", []),
])
def test_people_named_like_places(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


@pytest.mark.parametrize("text, lang, places", [
    ('Mərasim "Şuşa ili" çərçivəsində reallaşıb.', "az", []),
    ('Bütün siniflərdə ilk dərs "Xocalı dərsi" ilə başladı.', "az", []),
    ("В филармонии состоялся концерт “Физули в музыке”.", "ru", []),
    # With no such word, a quoted place stays a place.
    ('"Xocalıya ədalət" aksiyası keçirilib.', "az", [("Xocalıya", "khojaly")]),
])
def test_things_named_after_places_in_quotes(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


@pytest.mark.parametrize("text, lang, places", [
    # German names streets and squares in compounds: the poet's square, a street named after the town.
    ("Der Fuzuli-Platz liegt im Zentrum von Baku.", "de", [("Baku", "baku")]),
    ("Die Schuscha-Straße wurde umbenannt.", "de", []),
    ("Das Denkmal für Fuzuli steht vor dem Theater.", "de", []),
    # The road to the town and the town's monuments are the town's.
    ("Die Straße nach Schuscha ist gesperrt.", "de", [("Schuscha", "shusha")]),
    # A chain of towns before the word is the road between them.
    ("Die Zollstelle liegt an der Goris-Kapan-Straße.", "de", [("Goris", "goris"), ("Kapan", "kapan")]),
    ("Die Denkmäler von Füzuli wurden zerstört.", "de", [("Füzuli", "fuzuli")]),
])
def test_streets_squares_and_monuments_named_after(matcher, text, lang, places):
    assert found(matcher, text, lang) == places

"""Gazetteer content: the towns of Armenia's provinces and Yerevan's districts, found in the
sentences of the news pages cited in their entities (refugees housed by province, the Alaverdi
smelter protests, a fallen soldier from Talin), and the words and people they must not be."""

import pytest


@pytest.mark.parametrize("lang, text, expected", [
    # forrights.am: where the displaced of 2023 were housed.
    ("en", "Most of the displaced people settled in the Kotayk region – in the cities of Hrazdan and "
           "Abovyan, in total 22 thousand 480 people.",
     [("Kotayk region", "kotayk_province"), ("Abovyan", "abovyan")]),
    ("en", "The Soviet-built plant located in the town of Alaverdi was recently fined $800,000.",
     [("Alaverdi", "alaverdi")]),
    # magnis.news: Russian cases of a new town.
    ("ru", "Мкртич Арутюнян был родом из Талина Арагацотнской области.",
     [("Талина", "talin"), ("Арагацотнской области", "aragatsotn_province")]),
    ("hy", "ՀՀ փոխվարչապետ Տիգրան Ավինյանին Ապարանում ուղեկցում են։",
     [("ՀՀ", "armenia"), ("Ապարանում", "aparan")]),
    # The Soviet and Azerbaijani names, with the town's own.
    ("az", "Bu gün Abovyan şəhərində, İrəvan yaxınlığında partlayış baş verib.",
     [("Abovyan", "abovyan"), ("İrəvan", "yerevan")]),
    ("az", "Ellər rayonu 9 sentyabr 1930-cu ildə yaradılmışdır.", [("Ellər", "abovyan")]),
    ("de", "Vom 17. Jahrhundert bis 1947 trug der Ort den Namen Daratschitschag.",
     [("Daratschitschag", "tsaghkadzor")]),
    ("en", "Later, it was known as Bash Aparan until 1935, when the name was changed to Aparan.",
     [("Bash Aparan", "aparan"), ("Aparan", "aparan")]),
    # Yerevan's districts, and their Russian adjectives.
    ("fr", "A Nor Nork (Erévan) fut inauguré hier un khatchkar.", [("Nor Nork", "nor_nork"), ("Erévan", "yerevan")]),
    ("ru", "Взрыв произошёл в Шенгавитском районе Еревана.",
     [("Шенгавитском районе", "shengavit"), ("Еревана", "yerevan")]),
    ("tr", "Paşinyan, başkent Erivan yakınlarındaki Erablur Mezarlığına gitti.",
     [("Erivan", "yerevan"), ("Erablur", "yerablur")]),
    # The Kotayk town and the Syunik village of one name, told apart by the places around.
    ("en", "The road from Kapan to Yeghvard was 12 km long.", [("Kapan", "kapan"), ("Yeghvard", "yeghvard_syunik")]),
    # news.am: two Kapan villages side by side point to each other (each one's `with` names the other)
    ("en", "The shots are fired in the directions of Agarak, Yeghvard and other villages.",
     [("Agarak", "agarak_kapan"), ("Yeghvard", "yeghvard_syunik")]),
    ("en", "Yeghvard and Ashtarak lie north of Yerevan.",
     [("Yeghvard", "yeghvard"), ("Ashtarak", "ashtarak"), ("Yerevan", "yerevan")]),
    # Shirak and Kotayk places the Armenian press names (the Turkish border, the tourist sites).
    ("hy", "Ախուրիկ-Աքյաքա անցակետում հանդիպել են երկու երկրների ներկայացուցիչները։",
     [("Ախուրիկ", "akhurik")]),
    ("ru", "Власти решили возобновить работу пункта пропуска Ахурик на границе с Турцией.",
     [("Ахурик", "akhurik"), ("Турцией", "turkey")]),
    ("hy", "Գառնիի տաճարից հետո զբոսաշրջիկները մեկնեցին Գեղարդավանք։",
     [("Գառնիի", "garni"), ("Գեղարդավանք", "geghard")]),
    ("en", "The tour goes from Garni temple to Geghard Monastery.", [("Garni", "garni"), ("Geghard Monastery", "geghard")]),
    ("hy", "Լոռին հայտնի է Հաղպատ և Սանահին վանքերով։",
     [("Լոռին", "lori_province"), ("Հաղպատ", "haghpat"), ("Սանահին", "sanahin")]),
])
def test_the_towns_of_armenia_are_found(matcher, lang, text, expected):
    assert [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # Bare "Armavir" stays the province among provinces and beside a town of it ...
    ("en", "There are 9 thousand 405 people in Armavir, most of them live in Vagharshapat.",
     [("Armavir", "armavir_province"), ("Vagharshapat", "vagharshapat")]),
    ("en", "Refugees went to Aragatsotn, Ararat, Armavir and Lori.",
     [("Aragatsotn", "aragatsotn_province"), ("Ararat", "ararat_province"), ("Armavir", "armavir_province"),
      ("Lori", "lori_province")]),
    # ... and is the town beside a word for a town or its mayor, and in Armenian and Azerbaijani,
    # which name the province only with its word.
    ("en", "The mayor of Armavir said the school was full.", [("Armavir", "armavir")]),
    ("az", "Armavir şəhərində yaşayan qaçqınlar.", [("Armavir", "armavir")]),
    ("hy", "Արմավիրի մարզի Արմավիր քաղաքում։", [("Արմավիրի մարզի", "armavir_province"), ("Արմավիր", "armavir")]),
])
def test_armavir_town_and_province(matcher, lang, text, expected):
    assert [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)] == expected


@pytest.mark.parametrize("lang, text", [
    # Azerbaijani aparan (leading to) and ellər (peoples), Turkish artık (any more), Azerbaijani
    # artıq (already): ordinary words.
    ("az", "Qaladan monastıra aparan cığırın altında tunel vardır."),
    ("az", "Türk elləri birləşdi."),
    ("tr", "Artık kimse buna inanmıyor, artık bitti."),
    ("az", "Artıq hər şey bitib."),
    # The writer and the poet the towns are named after, and their streets.
    ("en", "The writer Khachatur Abovyan was born in 1809."),
    ("en", "A statue of Hovhannes Tumanyan stands on Tumanyan Street."),
    ("ru", "Поэт Ованес Туманян любил горы."),
    # The Kuban city Armavir, named with its region.
    ("ru", "Армавир Краснодарского края принял гостей."),
    # Armenian ավան (a settlement) and կենտրոն (centre) opening or inside a sentence.
    ("hy", "Այս ավանը փոքր է։"),
    ("hy", "Կենտրոնի ղեկավարը ասաց։"),
    # The Holy Lance (Սուրբ Գեղարդ), once kept at Geghard, is no monastery.
    ("hy", "Սուրբ Գեղարդը այսօր պահվում է Մայր Աթոռում։"),
    # The Azat river, no village of Gegharkunik.
    ("hy", "Ջրաղացը կանգնած է Ազատ գետի աջ ափին։"),
])
def test_words_and_people_like_the_towns_are_not_places(matcher, lang, text):
    assert matcher.find(text, lang=lang) == []


def _form(entity, form_id):
    return next(f for f in entity.forms if f.id == form_id)


def test_the_renamed_towns_carry_their_dates(gazetteer):
    armavir = gazetteer.get("armavir")
    assert (_form(armavir, "hoktemberyan").since, _form(armavir, "hoktemberyan").until) == ("1935", "1992")
    assert _form(armavir, "sardarabad").until == "1935"
    abovyan = gazetteer.get("abovyan")
    assert _form(abovyan, "elar").until == _form(abovyan, "abovyan").since == "1961-10-12"
    assert _form(gazetteer.get("tsaghkadzor"), "darachichak").until == "1947"
    assert "Hrazdan" not in {spelling for e in gazetteer.entities for f in e.forms for _, spelling in f.spellings()}

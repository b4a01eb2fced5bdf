"""Names as the Turkish press prints them, and the things named like them.

Sentences of our own, in the spellings and contexts of the Turkish pages cited in
bench/recognition/dev/tr.txt and in the entities' sources: the villages of Azerbaijan's list of
20 October 2020 as the Turkish agencies spelt them, Jermuk under its old Azerbaijani name İstisu
in the defence ministry's reports of September 2022, the Ottoman Revan for Yerevan, and
"Western Azerbaijan", the Azerbaijani state's name for Armenia's land. All of it is data in
gazetteer.yaml (spellings, homonyms with their context, guards, the context's people names).
"""

import pytest


def found(matcher, text, lang="tr"):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("lang, text, expected", [
    # The list of 20 October 2020 (tum1haber, citing APA; mansetx).
    ("tr", "Aliyev, Dörtçinar ve Yukarı Aybasanlı köylerinin kurtarıldığını söyledi.",
     [("Dörtçinar", "dordchinar"), ("Yukarı Aybasanlı", "yukhari_aybasanli")]),
    ("tr", "Safarşa, Fuğanlı ve Ağtepe köyleri de kurtarıldı.",
     [("Safarşa", "safarsha"), ("Fuğanlı", "fughanli"), ("Ağtepe", "aghtapa")]),
    ("tr", "Mülküdere, Taşbaşı ve Havalı köylerinde bayrak dalgalanıyor.",
     [("Mülküdere", "mulkudara"), ("Taşbaşı", "dashbashi"), ("Havalı", "havali")]),
    # Vəng, renamed Çinarlı that day: both names are the village's.
    ("tr", "Devlet başkanı Veng köyüne Çınarlı adını verdi.", [("Veng", "chinarli"), ("Çınarlı", "chinarli")]),
    # Hocavent, Revan and Western Azerbaijan.
    ("tr", "Azerbaycan ordusunun Hocavent yönünde ilerlediği bildirildi.",
     [("Azerbaycan", "azerbaijan"), ("Hocavent", "khojavend")]),
    ("tr", "Göyçe’ye, Revan’a yani Batı Azerbaycan’a dönüş nasıl olacak?",
     [("Göyçe’ye", "gegharkunik_province"), ("Revan’a", "yerevan"), ("Batı Azerbaycan’a", "western_azerbaijan")]),
    ("az", "Qərbi Azərbaycana qayıdış konsepsiyası hazırlanır.", [("Qərbi Azərbaycana", "western_azerbaijan")]),
    # Bardzruni, in the agency copy's spelling.
    ("tr", "Yeğegnadzor ilinin Bardzuni yerleşim birimi istikametinden ateş açıldı.",
     [("Yeğegnadzor", "yeghegnadzor"), ("Bardzuni", "bardzruni")]),
])
def test_the_turkish_press_names_are_found(matcher, lang, text, expected):
    assert found(matcher, text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    # The defence ministry names Vardenis, Jermuk, Sisian and Goris by their old Azerbaijani names.
    ("Başarkeçer, İstisu, Karakilise ve Gorus yerleşimleri istikametindeki birlikler Daşkesen ve "
     "Kelbecer illerindeki mevzilere ateş açtı.",
     [("Başarkeçer", "vardenis"), ("İstisu", "jermuk"), ("Karakilise", "sisian"), ("Gorus", "goris"),
      ("Daşkesen", "dashkasan_district"), ("Kelbecer", "kalbajar_district")]),
    # The spa of Kalbajar, with its mineral water or its district, or alone.
    ("İstisu maden suyu fabrikası yeniden açıldı.", [("İstisu", "istisu")]),
    ("Kelbecer'in İstisu kasabasında sanatoryum yapılıyor.", [("Kelbecer'in", "kalbajar"), ("İstisu", "istisu")]),
    ("İstisu'da yeni bir otel açıldı.", [("İstisu'da", "istisu")]),
])
def test_istisu_is_jermuk_among_armenias_towns_and_the_kalbajar_spa_otherwise(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize("lang, text", [
    # The Yerevan Kiosk of the Topkapı Palace.
    ("tr", "Revan Köşkü'nde yeni bir sergi açıldı."),
    # Azerbaijani people named like places, with their surnames.
    ("tr", "Revan Hüseynov açıklama yaptı."),
    ("tr", "Milletvekili Revan Aliyev dün konuştu."),
    ("tr", "Revan Yılmaz konuştu."),
    ("az", "Rəvan Həsənov çıxış etdi."),
    # "havalı", airy: the word, not the village.
    ("tr", "Bugün hava çok havalı ve serin."),
])
def test_people_words_and_buildings_named_like_these_places_are_no_place(matcher, lang, text):
    assert found(matcher, text, lang) == []


def test_irans_west_azerbaijan_province_is_not_western_azerbaijan(matcher):
    text = "İran'ın Batı Azerbaycan eyaletinde deprem oldu."
    assert "western_azerbaijan" not in [entity for _, entity in found(matcher, text)]


def test_chinarli_was_veng_until_the_renaming(gazetteer):
    chinarli = gazetteer.get("chinarli")
    forms = {f.id: f for f in chinarli.forms}
    assert (forms["vang"].until, forms["chinarli"].since) == ("2020-10-20", "2020-10-20")
    assert chinarli.sources


def test_western_azerbaijan_is_no_form_of_armenia(gazetteer):
    assert "Batı Azerbaycan" not in gazetteer.get("armenia").names()
    assert "Batı Azerbaycan" in gazetteer.get("western_azerbaijan").names()

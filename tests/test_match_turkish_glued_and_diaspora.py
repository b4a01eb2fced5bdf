"""Turkish copy that glues case endings without an apostrophe, Turkish pages the language test
could not place, things named after Shusha, and the diaspora's French spellings (trfr8, issue 10).

Sentences of our own, with the spellings and contexts of the pages cited in
bench/recognition/dev/tr.txt and fr.txt:
- Turkish headlines and hurried copy write Nahçıvana, Şuşada, Ermenistanda: big places' names
  (towns, cities, districts, provinces, regions, countries) take a glued case ending in Turkish
  text, not at a sentence's opening and never a village's (`inflect.TURKISH_GLUED_CASES`,
  `Matcher._turkish_glued`);
- a Turkish paragraph of names and titles is Turkish by its dotless ı (`textlang.detect`), so that
  no other grammar explains Karabağlar, the İzmir district;
- the Shusha Declaration under its other Turkish names (gazetteer.yaml, shusha's not_before);
- the Western Armenian reading of places in Armenia (`derived.romanised`): Dzidzernagapert, Aykebar.
"""

import json

import pytest

from toponyms.derived import romanised
from toponyms.textlang import detect
from toponyms.translit import transliterate


def found(matcher, text, lang=None):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, expected", [
    ("Bakü'den Nahçıvana uçuşlar için tıklayın.", [("Bakü'den", "baku"), ("Nahçıvana", "nakhchivan")]),
    ("İran ve Nahcıvanla sınır kapıları kapatıldı.", [("İran", "iran"), ("Nahcıvanla", "nakhchivan")]),
    ("Dün Şuşada yeni bir otel açıldı.", [("Şuşada", "shusha")]),
    ("Geçen yıl Ermenistanda seçim yapıldı.", [("Ermenistanda", "armenia")]),
    ("Ailelerin Laçına dönüşü başladı.", [("Laçına", "lachin")]),
])
def test_a_big_places_name_takes_a_turkish_ending_glued_without_apostrophe(matcher, text, expected):
    assert found(matcher, text, "tr") == expected


@pytest.mark.parametrize("text", [
    # Sentence openings: Kapan and Kafan are Kapan's Turkish spellings, Hızı is Khizi, Yasamal a Baku district.
    "Kapana kısılan askerler kurtarıldı.",
    "Kafana göre hareket etme dedi.",
    "Hızıyla dikkat çeken tren yola çıktı.",
    "Yaşamalı mıyız diye sordu.",
    # Written small, the words are words anywhere.
    "Bu konudaki görüşü sorulunca kafana göre davranma dedi.",
])
def test_a_glued_ending_opening_a_sentence_or_in_small_letters_is_a_word(matcher, text):
    assert found(matcher, text, "tr") == []


def test_a_genitive_glued_on_is_still_no_name(matcher):
    """Not the genitive: -nin would find Bakü inside Bakunin."""
    assert found(matcher, "Kitapta Bakunin ve Kropotkin okundu.", "tr") == []


def test_a_turkish_paragraph_of_names_and_titles_is_turkish():
    assert detect("Son Mühür- Karabağlar Belediye Başkanı Helil Kınay ve Dost Dernekler Federasyonu") == "tr"


def test_the_izmir_district_karabaglar_is_no_plural_of_karabakh(matcher):
    """With the language left to the matcher, a Turkish page about İzmir's Karabağlar district
    is Turkish, and Turkish grammar has no glued plural for Karabağ."""
    text = ("Son Mühür- Hocalı Anıtı önünde düzenlenen törene Karabağlar Belediye Başkanı Helil Kınay, "
            "CHP Karabağlar İlçe Başkanı Volkan Gürboğa ve muhtarlar katıldı.")
    assert found(matcher, text) == [("Hocalı", "khojaly")]


@pytest.mark.parametrize("text", [
    "Aliyev, imzalanan Şuşa Sözleşmesi'nin Kars Anlaşması'na atıfta bulunduğunu belirtti.",
    "Şuşa Deklarasyonu ile iki ülkenin ilişkileri yeni bir aşamaya geldi.",
])
def test_the_shusha_declaration_under_its_other_turkish_names_is_no_mention_of_the_town(matcher, text):
    assert found(matcher, text, "tr") == []


@pytest.mark.parametrize("text, expected", [
    ("Le porte-parole s'est exprimé au mémorial de Dzidzernagapert à Erévan.",
     [("Dzidzernagapert", "tsitsernakaberd"), ("Erévan", "yerevan")]),
    ("Les Azéris ont tiré sur les villages de Movses et d'Aykebar.", [("Movses", "movses"), ("Aykebar", "aygepar")]),
    ("Les deux voisins préparent le couloir de Zangezur à travers le Syunik.",
     [("couloir de Zangezur", "zangezur_corridor"), ("Syunik", "syunik")]),
])
def test_the_diaspora_press_spellings_of_places_in_armenia_are_found(matcher, text, expected):
    assert found(matcher, text, "fr") == expected


def test_the_western_reading_is_given_to_places_in_armenia_not_to_azerbaijani_names(gazetteer):
    rows = {(gazetteer.entities[index].id, lang, spelling) for index, _, lang, spelling in romanised(gazetteer)}
    assert ("tsitsernakaberd", "fr", "Dzidzernagapert") in rows
    assert ("aygepar", "fr", "Aykebar") in rows
    # An Azerbaijani village's Armenian rendering is not read the Western way (Şükürbəyli is no diaspora name).
    village = next(entity for entity in gazetteer.entities if entity.id == "shukurbayli")
    armenian = village.forms[0].names["hy"][0]
    assert ("shukurbayli", "fr", transliterate(armenian, "hyw", "fr")) not in rows


def test_the_cli_finds_a_glued_ending_in_a_turkish_file(run, tmp_path):
    page = tmp_path / "haber.txt"
    page.write_text("Öğrenciler dün Nahçıvana döndü ve okullar açıldı.\n", encoding="utf-8")
    result = run("find", str(page), "--json")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(row["surface"], row["id"]) for row in rows] == [("Nahçıvana", "nakhchivan")]

"""Spellings and multi-word forms the German, French and Spanish press print (wes7, issue 10).

Three classes, each with sentences of our own in the papers' spellings:
- names written letter for letter from Russian agency copy (dpa's Duden letters, AFP's French,
  EFE's Spanish), which the variants of a Latin spelling never give (`renderings_of_russian_copy`);
- German compounds of a head noun and a name both ways round (das Gandsassar-Kloster, das Tatew
  Kloster beside Kloster Tatew: `german_compounds`);
- German administrative names whose adjectives decline (im Autonomen Gebiet Bergkarabach, der
  Autonomen Republik Nachitschewan: `german_declined_phrases`);
- a river's gorge or valley named after it (die Worotan-Schlucht, les gorges du Vorotan): the
  river, not the village of the same name (`river_words` in gazetteer.yaml).
"""

import json

import pytest

from toponyms.derived import german_compounds, german_declined_phrases, renderings_of_russian_copy


def found(matcher, lang, text):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Die Flüchtlinge aus Chodschalu und Chadrut erreichten Agdam.",
     [("Chodschalu", "khojaly"), ("Chadrut", "hadrut"), ("Agdam", "agdam")]),
    ("de", "Auf russischen Karten heißt das Dorf Kysylgadschily.", [("Kysylgadschily", "gizilhajili")]),
    ("fr", "Les réfugiés de Khodjalou racontent la nuit de février 1992.", [("Khodjalou", "khojaly")]),
    ("fr", "La route de Fiouzouli à Choucha a été rouverte.", [("Fiouzouli", "fuzuli"), ("Choucha", "shusha")]),
    ("es", "La ciudad de Minguechevir está cerca de Bakú.", [("Minguechevir", "mingachevir"), ("Bakú", "baku")]),
    ("es", "Los supervivientes de Jojalu fueron recibidos en Aghdam.", [("Jojalu", "khojaly"), ("Aghdam", "agdam")]),
    # The listed two-word German spelling of nd-aktuell.de's report on the Tavush border villages.
    ("de", "Auf aserbaidschanischen Karten heißt Berkaber Kysyl Gadschily.",
     [("Berkaber", "berkaber"), ("Kysyl Gadschily", "gizilhajili")]),
])
def test_names_spelt_from_russian_agency_copy_are_found(matcher, lang, text, expected):
    assert found(matcher, lang, text) == expected


@pytest.mark.parametrize("lang, text", [
    ("fr", "Il faut chercher une solution."),  # Херхер in French letters is the verb chercher
    ("fr", "Chercher la paix reste difficile."),
    ("fr", "Taous Amrouche chantait les chants kabyles."),  # Таус (Tovuz) in French letters, a given name
])
def test_renderings_that_are_words_or_given_names_are_no_place(matcher, lang, text):
    assert found(matcher, lang, text) == []


def test_only_one_word_russian_names_are_rendered():
    from toponyms.gazetteer import Entity, Form, Gazetteer

    gazetteer = Gazetteer(entities=(Entity(id="hin_kornidzor", kind="village", forms=(
        Form(id="hin_kornidzor", used_by=("g",), names={"ru": ("Старый Корнидзор", "Хин-Корнидзор")}),)),))
    assert sorted(row[2:] for row in renderings_of_russian_copy(gazetteer)) == [
        ("de", "Chin-Kornidsor"), ("es", "Jin-Kornidzor"), ("fr", "Khin-Kornidzor")]


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Wir besuchten das Tatew Kloster und das Gandsassar-Kloster.",
     [("Tatew Kloster", "tatev_monastery"), ("Gandsassar-Kloster", "gandzasar")]),
    ("de", "Die Askeran-Festung liegt im Askeran-Bezirk.",
     [("Askeran-Festung", "askeran_fortress"), ("Askeran-Bezirk", "khojaly_district")]),
    ("de", "Der Konvoi hielt vor dem Terter-Bezirk.", [("Terter-Bezirk", "tartar_district")]),
    # listed only as Name-Stausee: the other ways round, apart and closed, as travel copy prints them
    ("de", "Unter uns lag der Spandarian Stausee, weiter östlich der Sarsangstausee.",
     [("Spandarian Stausee", "spandaryan_reservoir"), ("Sarsangstausee", "sarsang_reservoir")]),
    ("de", "Der Stausee Sarsang liegt im Norden.", [("Stausee Sarsang", "sarsang_reservoir")]),
    # the head first in the genitive: the monastery, not the village of the same name
    ("de", "Die Kuppel des Klosters Tatew ist restauriert.", [("Klosters Tatew", "tatev_monastery")]),
    # an administrative head written apart after the name, as Armenian tour pages print it
    ("de", "Amaras liegt in der Martuni Provinz.", [("Amaras", "amaras"), ("Martuni Provinz", "khojavend_district")]),
])
def test_german_compounds_of_head_noun_and_name_are_the_whole_place(matcher, lang, text, expected):
    assert found(matcher, lang, text) == expected


def test_a_district_head_is_hyphenated_or_apart_a_building_also_closed():
    rows = [(0, "shusha_district", "de", "Bezirk Schuscha"), (1, "tatev_monastery", "de", "Kloster Tatew"),
            (2, "tatev_monastery", "fr", "monastère de Tatev"), (3, "sarsang_reservoir", "de", "Sarsang-Stausee")]
    assert [row[3] for row in german_compounds(rows)] == [
        "Schuscha-Bezirk", "Schuscha Bezirk", "Bezirks Schuscha", "Bezirkes Schuscha",
        "Tatew-Kloster", "Tatew Kloster", "Klosters Tatew", "Tatewkloster",
        "Stausee Sarsang", "Sarsang Stausee", "Stausees Sarsang", "Sarsangstausee"]


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Die Seilbahn überquert die Worotan-Schlucht.", [("Worotan", "vorotan_river")]),
    ("es", "Desde el monasterio se ve el Valle Vorotan.", [("Vorotan", "vorotan_river")]),
    ("fr", "Le monastère domine les gorges du Vorotan.", [("Vorotan", "vorotan_river")]),
    ("en", "The road follows the Debed canyon to Alaverdi.", [("Debed", "debed_river"), ("Alaverdi", "alaverdi")]),
    ("en", "The village of Vorotan lies on the border.", [("Vorotan", "vorotan")]),
])
def test_a_gorge_or_valley_named_after_a_river_is_the_river(matcher, lang, text, expected):
    assert found(matcher, lang, text) == expected


def test_find_reports_a_compound_through_the_cli(run, tmp_path):
    page = tmp_path / "reise.txt"
    page.write_text("Am Morgen erreichten wir das Tatew Kloster.\n", encoding="utf-8")
    result = run("find", "--lang", "de", "--json", str(page))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["surface"], row["id"], row["match"]) for row in rows] == [
        ("Tatew Kloster", "tatev_monastery", "transliterated")]


@pytest.mark.parametrize("text, expected", [
    ("Stepanakert war die Hauptstadt des Autonomen Gebietes Bergkarabach.",
     [("Stepanakert", "khankendi"), ("Autonomen Gebietes Bergkarabach", "nkao")]),
    ("Im Autonomen Gebiet Bergkarabach lebten 1989 vor allem Armenier.",
     [("Autonomen Gebiet Bergkarabach", "nkao")]),
    ("Die Grenze der Autonomen Republik Nachitschewan zur Türkei ist kurz.",
     [("Autonomen Republik Nachitschewan", "nakhchivan"), ("Türkei", "turkey")]),
])
def test_german_administrative_names_with_declined_adjectives_are_the_whole_unit(matcher, text, expected):
    assert found(matcher, "de", text) == expected


def test_only_adjectives_before_an_administrative_noun_are_declined():
    rows = [(0, "nkao", "de", "Autonomes Gebiet Bergkarabach"), (1, "syunik", "de", "Provinz Sjunik"),
            (2, "nerkin_voskepar", "de", "Nerkin Woskepar")]
    assert [row[3] for row in german_declined_phrases(rows)] == [
        "Autonome Gebiet Bergkarabach", "Autonomen Gebiet Bergkarabach", "Autonomen Gebiets Bergkarabach",
        "Autonomen Gebietes Bergkarabach"]

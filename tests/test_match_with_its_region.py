"""A plain translation that many places bear (Black Lake for Syunik's Sev Lich) is the place only
where the text names its region, a place of that region or another of its names
(`guards.with_its_region`). Sentences written for these tests; the first after caucasianknot.org."""

import pytest


def found(matcher, text, lang):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, lang, surface", [
    ("Azerbaijani soldiers attempted to advance in the Black Lake area in the Syunik Region of Armenia.", "en",
     "Black Lake"),
    ("Troops stood near the Black Lake, 10 km from Goris.", "en", "Black Lake"),
    ("Азербайджанские военные продвинулись к Чёрному озеру в Сюнике.", "ru", "Чёрному озеру"),
    ("Солдаты стоят у Черного озера, в двух километрах от Ишханасара и Гориса.", "ru", "Черного озера"),
    ("Les soldats ont avancé près du lac Noir, dans la province de Syunik.", "fr", "lac Noir"),
    ("Aserbaidschanische Soldaten rückten am Schwarzen See in Sjunik vor.", "de", "Schwarzen See"),
    ("Las tropas avanzaron hacia el Lago Negro (Sev Lich).", "es", "Lago Negro"),
])
def test_the_black_lake_beside_syunik_or_its_places(matcher, text, lang, surface):
    assert (surface, "sev_lich") in found(matcher, text, lang)


@pytest.mark.parametrize("text, lang", [
    ("The Black Lake in Montenegro's Durmitor park draws hikers all summer.", "en"),
    ("Туристы отдыхали на Черном озере под Москвой.", "ru"),
    ("Le lac Noir est un lac des Vosges, près du col de la Schlucht.", "fr"),
    ("Der Schwarze See liegt im Böhmerwald; am Schwarzen See wird nicht gebadet.", "de"),
])
def test_another_black_lake_is_no_place_of_the_gazetteer(matcher, text, lang):
    assert [entity for _, entity in found(matcher, text, lang) if entity == "sev_lich"] == []


def test_armenia_alone_does_not_vouch_for_the_lake(matcher):
    """The region must be Syunik or a place in it: a country says nothing of which Black Lake."""
    assert "sev_lich" not in [e for _, e in found(
        matcher, "Armenia's tourism board lists the Black Lake among places to swim.", "en")]


@pytest.mark.parametrize("text, lang, surface, entity", [
    ("The positions near Astaf and Tazakend of the Dashkasan region came under fire.", "en", "Tazakend",
     "tazakand_dashkasan"),
    ("Zəngilan rayonunun Genlik, Tatar, Tiri və Bartaz kəndləri azad olunub.", "az", "Tatar", "tatar_zangilan"),
    ("Gyulistan (now Gülüstan, Goranboy) was emptied in 1991.", "en", "Gyulistan", "gulustan"),
    # after aydinlik.com.tr (AA): the Sadarak village, "elm" and many Turkish villages' name too
    ("Nahçıvan'ın Sederek iline bağlı Karaağaç köyünde eski bir mühimmat patladı.", "tr", "Karaağaç",
     "garaaghaj_sadarak"),
    ("Sədərək rayonunun Qaraağac kəndində yeni məktəb tikilir.", "az", "Qaraağac", "garaaghaj_sadarak"),
    # after trend.az: Agdam's Dördyol spelled the Turkish way, as Hatay's town is
    ("Families from the Aghdam district, from its Dörtyol locality, moved to Khanyurdu.", "en", "Dörtyol",
     "dordyol"),
])
def test_villages_of_a_common_name_beside_their_district(matcher, text, lang, surface, entity):
    assert (surface, entity) in found(matcher, text, lang)


@pytest.mark.parametrize("text, lang, entity", [
    ("Qəbələ rayonunun Təzəkənd kəndində yeni məktəb açılıb.", "az", "tazakand_dashkasan"),
    ("Kazan is the capital of Tatarstan, and Tatar is taught in its schools.", "en", "tatar_zangilan"),
    ("The Treaty of Gulistan of 1813 gave the khanates to Russia.", "en", "gulustan"),
    ("Gulistan is the capital of Uzbekistan's Sirdaryo Region.", "en", "gulustan"),
    ("Edirne'nin Karaağaç semtindeki tarihi istasyon binası rektörlük oldu.", "tr", "garaaghaj_sadarak"),
    ("Köyün girişindeki yaşlı karaağaç ağacı kesildi.", "tr", "garaaghaj_sadarak"),
    ("The port of Dörtyol in Hatay handles oil from the Kirkuk pipeline.", "en", "dordyol"),
    ("Hatay'ın Dörtyol ilçesinde deprem oldu.", "tr", "dordyol"),
])
def test_the_same_names_elsewhere_are_not_these_villages(matcher, text, lang, entity):
    assert entity not in [e for _, e in found(matcher, text, lang)]


@pytest.mark.parametrize("text, lang, entity, held", [
    # spellings derived by rule from a guarded one (Dörtjol, Dörtiol from Dörtyol; Garaagaj from
    # Qaraağac) are held to the guard of the spelling they come from
    ("The port of Dörtjol in Hatay handles oil from the Kirkuk pipeline.", "en", "dordyol", True),
    ("Families from the Aghdam district, from its Dörtjol locality, moved to Khanyurdu.", "en", "dordyol",
     False),
    ("Garaagaj kəndində toy oldu.", "az", "garaaghaj_sadarak", True),
    ("Sədərək rayonunun Garaagaj kəndində toy oldu.", "az", "garaaghaj_sadarak", False),
])
def test_a_derived_spelling_keeps_the_guard_of_its_source(matcher, text, lang, entity, held):
    hits = [m for m in matcher.find(text, lang=lang) if m.entity_id == entity]
    assert (hits == []) == held
    assert all(m.how == "transliterated" for m in hits)

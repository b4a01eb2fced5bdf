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

"""Things named after a place that are no place, in Armenian and Russian text: firms, the poet.

Sentences written for these tests; the cues are the entities' `readings` in gazetteer.yaml.
"""

import pytest


def found(matcher, text, lang):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, lang", [
    ("Акции «Джермук груп» подорожали на бирже.", "ru"),
    ("Jermuk Group opened a second bottling line.", "en"),
    ("«Ջերմուկ գրուպ» ընկերությունը նոր գործարան է բացել։", "hy"),
])
def test_the_bottling_company_is_no_town(matcher, text, lang):
    assert found(matcher, text, lang) == []


def test_the_town_of_the_bottling_company_still_is(matcher):
    assert found(matcher, "Գործարանը գտնվում է Ջերմուկում։", "hy") == [("Ջերմուկում", "jermuk")]


@pytest.mark.parametrize("text", [
    "Ֆիզուլին մեծ պոետ էր, որ գրում էր երեք լեզվով։",
    "Ֆիզուլիի գերեզմանը Քերբելայում է։",
])
def test_the_poet_in_armenian(matcher, text):
    assert found(matcher, text, "hy") == []


def test_the_town_in_armenian(matcher):
    assert found(matcher, "Ֆիզուլիում վերականգնվել է օդանավակայանը։", "hy") == [("Ֆիզուլիում", "fuzuli")]


@pytest.mark.parametrize("text", [
    "Breeders fear that cross-breeding will leave no pure Karabakh within a decade.",
    "A laboratory in Germany keeps the genetic records of every registered Karabakh.",
    "The stud's best stallion is a Karabakh with a golden coat.",
])
def test_the_horse_named_alone_in_english(matcher, text):
    """Once the horse is named, English calls the breed "the Karabakh": words of breeding decide."""
    assert found(matcher, text, "en") == []


@pytest.mark.parametrize("text, surface", [
    ("The breeders moved their horses out of Karabakh in 1993.", "Karabakh"),
    ("The breed comes from the highlands of Karabakh, where the horses graze freely.", "Karabakh"),
])
def test_the_region_in_a_sentence_on_horses(matcher, text, surface):
    """A place preposition or a word for land beside the name keeps the region."""
    assert (surface, "karabakh") in found(matcher, text, "en")


@pytest.mark.parametrize("text", [
    "The distillery sells its brandies under the Ararat brand in fifty countries.",
    "Cases of Dvin, Nairi and Ararat were bottled for export.",
])
def test_the_brandy_is_no_town(matcher, text):
    assert [m for m in found(matcher, text, "en") if m[1] == "ararat"] == []


@pytest.mark.parametrize("text", [
    "Brandy from the vineyards around Ararat is sold in Russia.",
    "The cement works in Ararat employ five hundred people.",
])
def test_the_town_of_ararat_still_is(matcher, text):
    assert ("Ararat", "ararat") in found(matcher, text, "en")

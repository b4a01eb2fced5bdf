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

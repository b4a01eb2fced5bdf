"""Villages of Armenia proper that the dev set's pages name (Aghdzk, Karashamb, Aylaber, Angeghakot,
Noratus, Debedavan, Aghvani, Zangakatun, Acharkut): found in the languages and case forms the pages
print them in. Sentences written for these tests."""

import pytest


def found(matcher, text, lang):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, lang, surface, entity", [
    ("Աղձք գյուղում հայտնաբերվել է արքայական պալատ։", "hy", "Աղձք", "aghdzk"),
    ("Եկեղեցին նման է Քարաշամբի եւ Այլաբերի եկեղեցիներին։", "hy", "Քարաշամբի", "karashamb"),
    ("Եկեղեցին նման է Քարաշամբի եւ Այլաբերի եկեղեցիներին։", "hy", "Այլաբերի", "aylaber"),
    ("Die Route verläuft durch die armenischen Orte Sisian und Angeghakot.", "de", "Angeghakot", "angeghakot"),
    ("Noradouz, a orillas del lago Seván, tiene un gran cementerio de jachkares.", "es", "Noradouz", "noratus"),
    ("Ամենացածր կետը Դեբեդավան գյուղի մոտ է։", "hy", "Դեբեդավան", "debedavan"),
    ("Կառուցվում է Տաթև-Աղվանի ճանապարհը։", "hy", "Աղվանի", "aghvani"),
    ("Les habitants de Zangakatoun ne peuvent plus travailler leurs champs.", "fr", "Zangakatoun", "zangakatun"),
    ("Протестующие прошли к Киранцу через Ачаркут.", "ru", "Ачаркут", "acharkut"),
])
def test_villages_of_armenia_the_pages_name(matcher, text, lang, surface, entity):
    assert (surface, entity) in found(matcher, text, lang)

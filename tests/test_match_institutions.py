"""A bare place name that opens the proper name of an institution, a firm or an event is that name's
first word, not the place (`context.institution_words`, `Matcher._not_in_institution_names`): the
recognition set's convention (Karabakh University, Armenia Alliance are not places), and what keeps
`normalise` from rewriting a university's name. Sentences written for these tests."""

import pytest


@pytest.mark.parametrize("text, lang, surface", [
    ("She graduated from Yerevan State University in 2015.", "en", "Yerevan"),
    ("He taught at Shushi Technological University before the war.", "en", "Shushi"),
    ("The Armenia Fund raised money for the school.", "en", "Armenia"),
    ("The Yerevan Open chess tournament ended on Sunday.", "en", "Yerevan"),
    ("Azərbaycan Hava Yolları Naxçıvana yeni reys açıb.", "az", "Azərbaycan"),
    ("Azerbaycan Hava Yolları'nın uçuşları yeniden başladı.", "tr", "Azerbaycan"),
    ("Bakı Dövlət Universitetinin tələbələri aksiya keçirib.", "az", "Bakı"),
])
def test_a_name_opening_an_institutions_name_is_no_place(found, text, lang, surface):
    assert surface not in [s for s, _ in found(text, lang)]


@pytest.mark.parametrize("text, lang, surface, entity", [
    # a small word after the name: a university in the town
    ("She works at a Yerevan university.", "en", "Yerevan", "yerevan"),
    # a case ending of the name's own: Baku's university, not its name
    ("Bakının Dövlət Universiteti yeni fakültə açıb.", "az", "Bakının", "baku"),
    # a court sits in its town (the set's convention: the place)
    ("Bakü Askeri Mahkemesinde dava görüldü.", "tr", "Bakü", "baku"),
    # punctuation ends the run of capitalised words
    ("He moved to Yerevan, State University officials said.", "en", "Yerevan", "yerevan"),
])
def test_the_place_beside_such_words_otherwise(found, text, lang, surface, entity):
    assert (surface, entity) in found(text, lang)

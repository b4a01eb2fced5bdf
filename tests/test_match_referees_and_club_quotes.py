"""Match reports of the Azerbaijani league (prec10's audit): referees whose surnames are villages'
names, and a club's two-word name in quotes with a case ending glued after it.

Sentences written for these tests in the manner of report.az, fins.az and qol.az. The rules: a
village whose Azerbaijani name is a stem of four letters or more and -li/-lu (Umudlu) is a surname
after a given name (`gazetteer.village_surnames`, `context.given_names`), and a quotation of two
places' names followed by a case ending is a club's name in a football report, not a slogan.
"""

import pytest


def found(matcher, text, lang):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, lang, places", [
    # a referee, a given name before the village's name
    ("Hakimlər: Kamal Umudlu, Namiq Hüseynov, Vüsal Məmmədov.", "az", []),
    ("Matçın VAR hakimi Kamal Umudlu olacaq, oyun Tovuz şəhər stadionunda keçiriləcək.", "az",
     [("Tovuz", "tovuz")]),
    # the village itself
    ("Umudlu kəndinə içməli su xətti çəkilib.", "az", [("Umudlu", "umudlu")]),
    ("Sərsəng su anbarının sahilindəki Umudlu kəndində bərpa işləri gedir.", "az", [("Sərsəng su anbarının", "sarsang_reservoir"), ("Umudlu", "umudlu")]),
    # a club of two places' names, its case ending after the closing quote
    ("“Araz Naxçıvan”ın baş məşqçisi yeni mövsümdə ilk ev oyunlarını Bakıda keçirəcəklərini deyib.", "az",
     [("Bakıda", "baku")]),
    ('"Araz Naxçıvan"la oyunda "Kəpəz" iki qol buraxıb.', "az", []),
    # a slogan of two places takes no case ending: its places stay
    ("Mitinqdə “Şuşa, Laçın” şüarı səslənib.", "az", [("Şuşa", "shusha"), ("Laçın", "lachin")]),
])
def test_match_report_people_and_clubs(matcher, text, lang, places):
    assert found(matcher, text, lang) == places

"""A Turkish locative or ablative ending glued without its apostrophe on a big place's name that
opens a sentence (tr12, issue 10).

Sentences of our own, with the spellings and contexts of the pages cited in
bench/recognition/dev/tr.txt (beyazgazete.com on the strike on Gence, yesiligdir.com on the
Dilucu gate): hurried Turkish copy writes "Gencede can kayıpları var", "Nahcıvanda okuyan
öğrenciler" at a sentence's opening too. A dative or comitative there is as often a word
(Kapana kısılan, Hızıyla dikkat çeken) and stays one; a locative or ablative is the place
(`match._TURKISH_GLUED_LOCATIVES`), unless the gazetteer lists the surface as a Turkish word
(kapan's `guards.ordinary_word_in`: Kafanda, "in your head"; Kapanda, "in the trap").
"""

import pytest


def found(matcher, text, lang=None):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, expected", [
    ("Gencede can kayıpları arasında siviller de var.", [("Gencede", "ganja")]),
    ("Nahcıvanda okuyan öğrenciler sınırda bekliyor.", [("Nahcıvanda", "nakhchivan")]),
    ("Şuşadan dönenler yaşadıklarını anlattı.", [("Şuşadan", "shusha")]),
    ("Ermenistandaki seçimler yakından izleniyor.", [("Ermenistandaki", "armenia")]),
])
def test_a_glued_locative_opening_a_sentence_is_the_place(matcher, text, expected):
    assert found(matcher, text, "tr") == expected


@pytest.mark.parametrize("text", [
    "Kafanda ne var bilmiyorum dedi.",
    "Kafandan geçenleri söyle.",
    "Kapanda kalan askerler kurtarıldı.",
    # The dative and the comitative stay words where they open a sentence.
    "Kapana kısılan askerler kurtarıldı.",
    "Hızıyla dikkat çeken tren yola çıktı.",
])
def test_a_word_that_looks_like_a_glued_locative_stays_a_word(matcher, text):
    assert found(matcher, text, "tr") == []


def test_find_cli_reads_a_sentence_initial_glued_locative(find_rows):
    text = ("Ermenistan ordusu Gence'ye füze saldırısı düzenledi. Gencede can kayıpları arasında "
            "siviller de var. Kafanda ne var diye sordu.")
    _, rows = find_rows(text, "gence.txt", "--lang", "tr")
    assert [(r["surface"], r["id"]) for r in rows] == [
        ("Ermenistan", "armenia"), ("Gence'ye", "ganja"), ("Gencede", "ganja")]


@pytest.mark.parametrize("text, expected", [
    # tr.eureporter.co writes the district Kazak ilçesi; Kazak alone is the Kazakh people (gazakh's notes).
    ("Azerbaycan'ın Kazak ilçesine bağlı Gazahbeyli köyü.",
     [("Azerbaycan'ın", "azerbaijan"), ("Kazak ilçesine", "gazakh_district"), ("Gazahbeyli", "gazakhbeyli")]),
    ("Kazak halkı ve Kazak dili konuşuldu.", []),
])
def test_the_gazakh_district_as_kazak_ilcesi_and_the_kazakh_people(matcher, text, expected):
    assert found(matcher, text, "tr") == expected

"""How the Turkish press words what the matcher must read: neighbours listed by compass point
before one word for districts, ordinal numbers written with a dot inside a match report, and the
2020 handovers said of troops or of the ceasefire's terms.

Sentences of our own, with the spellings and contexts of the Turkish pages cited in
bench/recognition/dev/tr.txt. The data live in toponyms/cues.yaml (`district_acts`: ateşkes
gereği, birliklerinin çekil) and gazetteer.yaml (the club's cue words: dakikasında, kartlar); the
compass ablatives and the ordinal's dot are `_COMPASS_ABLATIVES` and `_ordinal_dot` in match.py.
"""

import json

import pytest


def found(matcher, text, lang="tr"):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("lang, text, expected", [
    ("tr", "Kubatlı kuzeyden Laçın ve Hocavend, güneyden Zengilan, doğudan Cebrail bölgeleriyle sınırlıdır.",
     [("Kubatlı", "qubadli_district"), ("Laçın", "lachin_district"), ("Hocavend", "khojavend_district"),
      ("Zengilan", "zangilan_district"), ("Cebrail", "jabrayil_district")]),
    ("tr", "Şehir kuzeybatıdan Kelbecer, güneydoğudan Ağdam ilçeleriyle komşudur.",
     [("Kelbecer", "kalbajar_district"), ("Ağdam", "agdam_district")]),
    ("az", "Qubadlı şimaldan Laçın, cənubdan Zəngilan, şərqdən Cəbrayıl rayonları ilə həmsərhəddir.",
     [("Qubadlı", "qubadli_district"), ("Laçın", "lachin_district"), ("Zəngilan", "zangilan_district"),
      ("Cəbrayıl", "jabrayil_district")]),    # The locative does the same, and a former name in brackets stands among the names.
    ("tr", "Bölge kuzeyde Goranboy, Hanlar (Gökgöl), kuzeydoğuda Terter, doğuda Ağdam, Hocalı, "
           "güneyde Laçin bölgeleriyle komşudur.",
     [("Goranboy", "goranboy_district"), ("Hanlar", "goygol_district"), ("Gökgöl", "goygol_district"),
      ("Terter", "tartar_district"), ("Ağdam", "agdam_district"), ("Hocalı", "khojaly_district"),
      ("Laçin", "lachin_district")]),
    ("az", "Rayon şimalda Tərtər, cənubda Füzuli rayonları ilə həmsərhəddir.",
     [("Tərtər", "tartar_district"), ("Füzuli", "fuzuli_district")]),
])
def test_names_listed_by_compass_point_share_the_district_word(matcher, lang, text, expected):
    """Each compass point in the ablative opens the next names of the list, as a conjunction
    would: the district word at its end names every one of them a district, and the district
    they bound too (a town borders no districts)."""
    assert found(matcher, text, lang) == expected


def test_a_region_with_a_case_ending_before_a_town_is_not_the_clubs_full_name(matcher):
    """"Qarabağ Ağdam" is the club; with the genitive on Karabağ the two words are the region and
    its town, as the club's name never takes an ending inside itself."""
    assert found(matcher, "Ermenistan, Karabağ'ın Ağdam şehrinden çekildi.") == [
        ("Ermenistan", "armenia"), ("Karabağ'ın", "karabakh"), ("Ağdam", "agdam")]
    assert found(matcher, "Karabağ Ağdam, Kopenhag'ı 2-1 yendi.") == []


def test_a_compass_word_alone_makes_no_town_a_district(matcher):
    """Without a word for districts after the list, the towns stay towns."""
    text = "Konvoy kuzeyden Laçın'a, güneyden Zengilan'a ulaştı."
    assert found(matcher, text) == [("Laçın'a", "lachin"), ("Zengilan'a", "zangilan")]


@pytest.mark.parametrize("text", [
    "Karabağ'a galibiyeti getiren gol maçın 29. dakikasında Leandro Andrade'den geldi.",
    "Karabağ'da Cafarguliyev, 53 ve 57. dakikalarda gördüğü sarı kartlar sonrası oyun dışında kaldı.",
])
def test_an_ordinal_in_a_match_report_does_not_end_the_sentence(matcher, text):
    """"29." is an ordinal, not the end of a sentence: the match report's words after it make
    Karabağ the club, which is no place."""
    assert found(matcher, text) == []


@pytest.mark.parametrize("text, expected", [
    # At the last minute: no match report, the region stays.
    ("Son dakikada varılan anlaşmayla Karabağ'da ateşkes ilan edildi.", [("Karabağ'da", "karabakh")]),
    # "Karabağ kartı" is the region played as a political card.
    ("Karabağ kartını oynayan Rusya bölgede etkisini artırdı.", [("Karabağ", "karabakh"), ("Rusya", "russia")]),
    # A year ends a sentence as before: the next sentence's match words are not this one's.
    ("Azerbaycan ordusu Karabağ'a 2023. Maçın 29. dakikasında gol geldi.", [("Azerbaycan", "azerbaijan"),
                                                                          ("Karabağ'a", "karabakh")]),
])
def test_the_region_stays_where_the_sentence_is_no_match_report(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize("text, surface", [
    ("Ateşkes anlaşması gereği Azerbaycan ordusu dün Laçın'a girdi.", "Laçın'a"),
    ("Ermeni birliklerinin çekilmesiyle ordu 27 yıl sonra Kelbecer'e yerleşti.", "Kelbecer'e"),
    ("Ermeni kuvvetlerinin çıkmasının ardından Ağdam'a ilk birlikler ulaştı.", "Ağdam'a"),
])
def test_a_handover_said_of_troops_or_the_ceasefire_names_the_district(matcher, text, surface):
    districts = {"Laçın'a": "lachin_district", "Kelbecer'e": "kalbajar_district", "Ağdam'a": "agdam_district"}
    assert (surface, districts[surface]) in found(matcher, text)


def test_an_army_entering_a_town_alone_keeps_the_town(matcher):
    """Entering is left out of the cues: armies take and enter towns too (Şuşa, 8 November 2020)."""
    text = "Azerbaycan ordusu 8 Kasım'da Şuşa'ya girdi."
    assert found(matcher, text) == [("Azerbaycan", "azerbaijan"), ("Şuşa'ya", "shusha")]


def test_find_cli_reads_a_turkish_district_list_and_match_report(run):
    text = ("Cebrail bölgesi kuzeyden Hocavend, doğudan Fuzuli bölgeleriyle sınırlıdır.\n"
            "Karabağ'da Cafarguliyev, 53 ve 57. dakikalarda gördüğü sarı kartlar sonrası oyun dışında kaldı.\n")
    result = run("find", "-", "--json", "--lang", "tr", input=text)
    assert result.exit_code == 0, result.output
    mentions = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(m["surface"], m["id"]) for m in mentions] == [
        ("Cebrail bölgesi", "jabrayil_district"), ("Hocavend", "khojavend_district"), ("Fuzuli", "fuzuli_district")]
    assert text[mentions[1]["start"]:mentions[1]["end"]] == "Hocavend"


@pytest.mark.parametrize("text, expected", [
    # Karabakh University in Khankendi (2023): an institution named after the region.
    ("Karabağ Üniversitesi öğrencileri Hankendi'ye döndü.", [("Hankendi'ye", "khankendi")]),
    ("Öğrenciler Karabağ Üniversitesi'nde derslere başladı.", []),
    # The Soviet port wine, its accusative after the Turkish buffer b: şarap, şarabı, şarabını.
    ("Bir şişe Ağdam şarabını masaya koydu.", []),
    # The town the club comes from stays a place.
    ("Ağdam temsilcisi Karabağ, deplasmanda kazandı.", [("Ağdam", "agdam")]),
])
def test_things_named_after_a_place_in_turkish_are_no_place(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize("text", [
    "Karabağ'ın rakibi belli oldu.",
    "Karabağ, ilk yarıyı 1-0 önde kapattı.",
    "Karabağ, kura çekiminde Liverpool ile eşleşti.",
    "Karabağ, 90+3'te attığı golle kazandı.",
])
def test_turkish_match_report_words_make_karabag_the_club(matcher, text):
    assert found(matcher, text) == []


def test_the_kura_river_beside_karabakh_is_no_draw(matcher):
    text = "Karabağ, Kura ile Aras arasında kalan topraklardır."
    assert ("Karabağ", "karabakh") in found(matcher, text)


@pytest.mark.parametrize("text, expected", [
    # virtualkarabakh.az's Turkish list of Khojavend's villages: Böyük and Köhnə Tağlar in Turkish.
    ("Köyleri şunlardır: Eski Tağlar, Büyük Tağlar ve Tağaverd.",
     [("Eski Tağlar", "hin_tagher"), ("Büyük Tağlar", "mets_tagher"), ("Tağaverd", "taghavard")]),
    # AA's Turkish copy of a list of retaken villages: Yuxarı ("upper") as Üst.
    ("Gubadlı'nın Üst Mollu, Aşağı Mollu ve Hocik köylerini işgalden kurtardı.",
     [("Gubadlı'nın", "qubadli_district"), ("Üst Mollu", "yukhari_mollu"), ("Aşağı Mollu", "ashaghi_mollu"),
      ("Hocik", "khojik")]),
])
def test_a_village_s_azerbaijani_first_word_in_turkish_is_the_village(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize("text", ["Üst düzey yetkililer Büyük Millet Meclisi'nde toplandı.",
                                  "Golü Gökhan Karabey attı."])
def test_turkish_words_alone_and_the_surname_karabey_are_no_place(matcher, text):
    assert found(matcher, text) == []


@pytest.mark.parametrize("text, expected", [
    # manisaturk.com: Türk ends like the surname Öztürk, and is no surname after Karabağ.
    ("Karabağ Türk yurdudur, öyle de kalacaktır.", [("Karabağ", "karabakh")]),
    ("Karabağ Azerbaycanlıları geri dönüyor.", [("Karabağ", "karabakh")]),
    ("Ali Karabağ konuştu.", []),
])
def test_a_turkish_demonym_after_karabag_is_no_surname(matcher, text, expected):
    assert found(matcher, text) == expected

"""Grammar scoped by language: suffixes and case forms are read only in text of their language.

The text's language is given (`find(text, lang=...)`, `find --lang`) or
detected per paragraph (toponyms/textlang.py). Names of other languages
still match as they are written; only the letters glued to a name need the
text's own grammar.
"""

import json

import pytest

from toponyms.textlang import detect


def found(matcher, text, **kwargs):
    return [(m.surface, m.entity_id) for m in matcher.find(text, **kwargs)]


def surfaces(matcher, text, **kwargs):
    return [m.surface for m in matcher.find(text, **kwargs)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Azerbaijani troops entered the town on Sunday, the ministry said."),
    ("az", "Azərbaycan Ordusu bazar günü şəhərə daxil olub və bayraq qaldırıb."),
    ("hy", "Կիրակի օրը քաղաքում կրկին հրետակոծություն է եղել։"),
    ("ru", "В воскресенье город снова подвергся обстрелу."),
    ("tr", "Ordu pazar günü şehre girdi ve bayrak dikildiğini açıkladı."),
    ("fr", "Dimanche, la ville a de nouveau été bombardée, selon les autorités."),
    ("de", "Am Sonntag wurde die Stadt erneut beschossen, teilten die Behörden mit."),
    ("es", "El domingo la ciudad volvió a ser bombardeada, según las autoridades."),
])
def test_each_language_is_detected(lang, text):
    assert detect(text) == lang


def test_a_name_alone_says_nothing_unless_its_letters_do():
    assert detect("Stepanakert") is None
    assert detect("Xankəndi") == "az"
    assert detect("Ստեփանակերտ") == "hy" and detect("Степанакерт") == "ru"


def test_french_adjectives_are_not_the_german_genitive(matcher):
    text = "Les Arméniens du Haut-Karabakh ont fui vers l'Arménie. Un Arménien a parlé."
    assert [s for s in surfaces(matcher, text) if s.lower().startswith("arm")] == ["Arménie"]


def test_the_german_genitive_still_counts_in_german(matcher, place):
    assert found(matcher, "Der Präsident Armeniens besuchte die Grenze.") == [("Armeniens", place("Armenia"))]
    assert found(matcher, "Der Präsident Armeniens besuchte die Grenze.", lang="fr") == []


def test_spanish_adjective_is_not_the_country(matcher, place):
    text = "La comunidad armenia de Francia se manifestó por Armenia."
    assert found(matcher, text) == [("Armenia", place("Armenia"))]


def test_azerbaijani_suffixes_need_azerbaijani_text(matcher, place):
    assert found(matcher, "Qoşunlar Xankəndidə və Şuşada bayraq qaldırıb.") == [
        ("Xankəndidə", place("Stepanakert")), ("Şuşada", place("Shusha"))]
    # The same letters in English text are another word: Bakunin is not Baku + genitive.
    assert found(matcher, "Bakunin was an anarchist.") == []
    assert found(matcher, "Qoşunlar Xankəndidə bayraq qaldırıb.", lang="en") == []


def test_given_language_lets_other_spellings_match_as_written(matcher, place):
    text = "Selon l'AFP, Stepanakert et Шуша sont calmes."
    assert found(matcher, text, lang="fr") == [("Stepanakert", place("Stepanakert")), ("Шуша", place("Shusha"))]


def test_scripts_carry_their_own_grammar_in_a_text_of_another_language(matcher, place):
    """A Russian quote in a French article: its case forms are still Russian."""
    text = "Le journal titrait « В Степанакерте тихо », à propos de Ստեփանակերտում."
    assert found(matcher, text, lang="fr") == [
        ("Степанакерте", place("Stepanakert")), ("Ստեփանակերտում", place("Stepanakert"))]


def test_each_paragraph_is_read_in_its_own_language(matcher, place):
    text = ("Die Lage Bergkarabachs bleibt ernst, sagte der Minister.\n"
            "Les Arméniens de Bergkarabachs? Non: les Arméniens du Haut-Karabakh sont partis.")
    assert found(matcher, text) == [
        ("Bergkarabachs", place("Nagorno-Karabakh")), ("Haut-Karabakh", place("Nagorno-Karabakh"))]


def test_turkish_suffix_on_the_common_noun_of_a_multi_word_name(matcher, place):
    corridor = place("Lachin corridor")
    assert found(matcher, "Türk askerleri Laçın koridorunda nöbet tutuyor.") == [("Laçın koridorunda", corridor)]
    assert found(matcher, "Laçın Koridoru'nda kontrol noktası kuruldu.") == [("Laçın Koridoru'nda", corridor)]


@pytest.mark.parametrize("text, surface", [
    ("Desde diciembre el corredor de Lachín está bloqueado.", "corredor de Lachín"),
    ("Le couloir de Latchine est fermé depuis décembre.", "couloir de Latchine"),
    ("Laçın koridorunda yeni bir kontrol noktası kuruldu.", "Laçın koridorunda"),
    ("Laçın dəhlizində sərhəd-keçid məntəqəsi yaradılıb.", "Laçın dəhlizində"),
    ("Блокада Лачинского коридора продолжается.", "Лачинского коридора"),
    ("Բերձորի միջանցքով մարդիկ այլևս չեն անցնում։", "Բերձորի միջանցքով"),
    ("Der Latschin-Korridor ist seit Dezember gesperrt.", "Latschin-Korridor"),
    ("The Lachin corridor has been blocked since December.", "Lachin corridor"),
])
def test_the_corridor_is_not_the_town_in_any_language(matcher, place, text, surface):
    assert found(matcher, text) == [(surface, place("Lachin corridor"))]


# ---------------------------------------------------------------- inflection, per language

@pytest.mark.parametrize("text, surface", [
    ("Շուշիում կրկին լույս չկա։", "Շուշիում"),
    ("Շուշիի բնակիչները հեռացել են։", "Շուշիի"),
    ("Մենք տեսանք Շուշին։", "Շուշին"),
    ("Շուշիից դուրս եկան երեկոյան։", "Շուշիից"),
])
def test_armenian_case_endings_after_a_vowel_stem(matcher, place, text, surface):
    assert found(matcher, text) == [(surface, place("Shusha"))]


def test_armenian_endings_after_consonant_and_u_stems(matcher, place):
    assert found(matcher, "Աղդամում ոչ ոք չի ապրում։") == [("Աղդամում", place("Agdam"))]
    # Բաքու declines with վ: Բաքվում, Բաքվից.
    assert found(matcher, "Բաքվում և Բաքվից հայտարարեցին։") == [
        ("Բաքվում", place("Baku")), ("Բաքվից", place("Baku"))]


def test_armenian_names_in_i_take_the_u_genitive(matcher, place):
    # Like գինի, գինու: Ֆիզուլի, Ֆիզուլու (and the suffix grammar still reads Ֆիզուլիի).
    assert found(matcher, "Ֆիզուլու բնակիչները վերադառնում են։") == [("Ֆիզուլու", place("Fuzuli"))]
    assert found(matcher, "Ֆիզուլիի ճանապարհը փակ է։") == [("Ֆիզուլիի", place("Fuzuli"))]


@pytest.mark.parametrize("text, surface, name", [
    ("Şuşamızda yeni məktəb açıldı.", "Şuşamızda", "Shusha"),
    ("Qarabağımızın dirçəlişi davam edir.", "Qarabağımızın", "Karabakh"),
    ("Köç karvanı Xankəndiyə çatıb.", "Xankəndiyə", "Stepanakert"),
    ("Ağdamdakılar evlərinə qayıdırlar.", "Ağdamdakılar", "Agdam"),
])
def test_azerbaijani_case_and_possessive_endings(matcher, place, text, surface, name):
    assert found(matcher, text) == [(surface, place(name))]


def test_russian_forms_the_press_prints(matcher, place):
    # Indeclinable names ending in -и stay as they are; Шуши is also the Armenian form.
    assert found(matcher, "Жители Ханкенди и Шуши вернулись.") == [
        ("Ханкенди", place("Stepanakert")), ("Шуши", place("Shusha"))]
    # Агдам is declined by some papers and not by others.
    assert found(matcher, "В Агдаме и в Агдам вернулись люди.") == [
        ("Агдаме", place("Agdam")), ("Агдам", place("Agdam"))]
    assert found(matcher, "Жители Нагорного Карабаха") == [("Нагорного Карабаха", place("Nagorno-Karabakh"))]


def test_cli_lang_option_is_the_texts_language(run):
    text = "Qoşunlar Xankəndidə. Les Arméniens."
    as_az = [json.loads(line)["surface"] for line in run("find", "-", "--json", "--lang", "az", input=text).stdout.splitlines()]
    as_fr = [json.loads(line)["surface"] for line in run("find", "-", "--json", "--lang", "fr", input=text).stdout.splitlines()]
    assert as_az == ["Xankəndidə"] and as_fr == []


@pytest.mark.parametrize("text, surface", [
    ("Ayer el corredor de Laçın volvió a abrirse al tráfico civil.", "corredor de Laçın"),
    ("Depuis juillet, le corridor Latchine est fermé aux camions.", "corridor Latchine"),
    ("La ruta del Corredor Berdzor cambió en agosto.", "Corredor Berdzor"),
])
def test_a_multi_word_name_with_the_town_spelt_any_way(matcher, text, surface):
    # The corridor, not the town inside it, however the town's name is spelt and with or without "de".
    assert found(matcher, text) == [(surface, "lachin_corridor")]


@pytest.mark.parametrize("text, surface, corridor", [
    # The press quotes the name it disputes; the quotation marks stand inside the corridor's name.
    ("Im „Latschin“-Korridor stauten sich die Lastwagen.", "„Latschin“-Korridor", "lachin_corridor"),
    ("Ankara spricht vom «Sangesur»-Korridor.", "«Sangesur»-Korridor", "zangezur_corridor"),
    ("El Gobierno insiste en el corredor de «Zangezur» como condición.", "corredor de «Zangezur»", "zangezur_corridor"),
    ("Les camions attendent dans le couloir de « Latchine » depuis lundi.", "couloir de « Latchine »",
     "lachin_corridor"),
    ("Officials keep talking about the \"Zangezur\" corridor.", "\"Zangezur\" corridor", "zangezur_corridor"),
])
def test_a_quoted_name_inside_a_multi_word_name(matcher, text, surface, corridor):
    assert found(matcher, text) == [(surface, corridor)]


@pytest.mark.parametrize("text, lang, expected", [
    # Two places before (or after) one plural word for corridors: both corridors.
    ("Yerevan rejects any link between the Lachin and Zangezur corridors.", "en",
     [("Yerevan", "yerevan"), ("Lachin", "lachin_corridor"), ("Zangezur corridors", "zangezur_corridor")]),
    ("Laçınla Zəngəzur dəhlizləri fərqli statusdadır.", "az",
     [("Laçınla", "lachin_corridor"), ("Zəngəzur dəhlizləri", "zangezur_corridor")]),
    ("Laçın ve Zengezur koridorları yeniden gündemde.", "tr",
     [("Laçın", "lachin_corridor"), ("Zengezur koridorları", "zangezur_corridor")]),
    ("Il compare les corridors de Latchine et de Zanguezour.", "fr",
     [("Latchine", "lachin_corridor"), ("Zanguezour", "zangezur_corridor")]),
    ("Los corredores de Lachín y Zangezur no son iguales.", "es",
     [("Lachín", "lachin_corridor"), ("Zangezur", "zangezur_corridor")]),
    ("Der Latschin- und der Sangesur-Korridor sind nicht vergleichbar.", "de",
     [("Latschin", "lachin_corridor"), ("Sangesur-Korridor", "zangezur_corridor")]),
    # Russian: adjectives before one plural noun, each with the noun in the singular a spelling.
    ("Москва предлагает сравнить Лачинский и Зангезурский коридоры.", "ru",
     [("Лачинский", "lachin_corridor"), ("Зангезурский коридоры", "zangezur_corridor")]),
    ("Статус Лачинского и Зангезурского коридоров обсуждался в Москве.", "ru",
     [("Лачинского", "lachin_corridor"), ("Зангезурского коридоров", "zangezur_corridor")]),
    ("Le couloir de Berdzor est rouvert.", "fr", [("couloir de Berdzor", "lachin_corridor")]),
    # Not one word for corridors after the list: the places stay places.
    ("Shelling hit Lachin and Goris; the corridors were closed.", "en",
     [("Lachin", "lachin"), ("Goris", "goris")]),
])
def test_places_sharing_a_plural_word_for_corridors(matcher, text, lang, expected):
    assert found(matcher, text, lang=lang) == expected


def test_a_quoted_name_next_to_an_ordinary_word_stays_the_name(matcher, place):
    assert found(matcher, "Das „Latschin“-Hotel ist geschlossen.") == [("Latschin", place("Lachin"))]


@pytest.mark.parametrize("text, places", [
    ("El coro de la Iglesia Apostólica Armenia cantó en Madrid.", []),
    ("La Diáspora Armenia de Buenos Aires se manifestó.", []),
    ("La Embajada de Armenia en Madrid emitió un comunicado.", ["Armenia"]),
    ("Rusia, Georgia y Armenia firmaron el acuerdo.", ["Rusia", "Armenia"]),
])
def test_spanish_adjective_capitalised_in_a_name(matcher, text, places):
    assert surfaces(matcher, text, lang="es") == places


@pytest.mark.parametrize("text, lang, surface, entity", [
    # Azerbaijani and Turkish typed without their letters, ə as a/ä/e, and every apostrophe.
    ("Dünən Susada və Kelbecerde idik.", "az", "Susada", "shusha"),
    ("Köç karvanı Kälbäcär istiqamətində yola düşüb.", "az", "Kälbäcär", "kalbajar"),
    # ə typed as a or ä, with an Azerbaijani ending, where another language lists the bare spelling.
    ("Köç karvanı Kalbacara yola düşüb.", "az", "Kalbacara", "kalbajar"),
    ("Ailələr Zängilana qayıdır.", "az", "Zängilana", "zangilan"),
    ("Zangilanda yeni hava limanı var.", "az", "Zangilanda", "zangilan"),
    ("Qarabagda yeni yollar cekilir.", "az", "Qarabagda", "karabakh"),
    ("Askerler Agdere'ye girdi.", "tr", "Agdere'ye", "aghdara"),
    ("Heyet Şuşaʻya ulaştı.", "tr", "Şuşaʻya", "shusha"),
    ("Heyet Şuşa′ya ulaştı.", "tr", "Şuşa′ya", "shusha"),
    ("Konvoy Hankendi＇ye vardı.", "tr", "Hankendi＇ye", "khankendi"),
])
def test_turkic_spellings_without_their_letters_and_any_apostrophe(matcher, text, lang, surface, entity):
    assert (surface, entity) in [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


def test_a_turkish_case_ending_after_an_apostrophe_is_no_german_word():
    # "Kelbecer'den" ends in German "den"; the ending is Turkish spelling, and it says so.
    text = "Ermeni güçleri 20 Kasım'da Ağdam'dan, 25 Kasım'da da Kelbecer'den çekilmişti."
    assert detect(text) == detect(text, latin=True) == "tr"
    assert detect("Les réfugiés d'Agdam sont arrivés aujourd'hui.") == "fr"
    assert detect("Karabakh's people left, and the border is closed.") == "en"


def test_the_turkish_province_is_the_azerbaijani_year(matcher, place):
    """Turkish "il" (province: Şuşa ili, ilinde) is Azerbaijani "il" (year) once ə is folded: after a
    name in Azerbaijani text it makes no district ("Şuşa ili", the Year of Shusha, is the city's), and
    no place of the poet's year either."""
    shusha, district = place("Shusha"), place("Shusha district")
    assert district != shusha
    assert found(matcher, "2022-ci il Azərbaycanda Şuşa ili elan olunub.", lang="az") == [
        ("Azərbaycanda", place("Azerbaijan")), ("Şuşa", shusha)]
    assert found(matcher, "Azerbaycan'ın Şuşa ilinde yeni camiler açıldı.", lang="tr")[-1] == ("Şuşa", district)
    assert found(matcher, "Füzuli rayonunda ədəbiyyat müəllimləri toplaşıb.", lang="az") == [
        ("Füzuli rayonunda", place("Fuzuli district"))]
    # The poet's year: UNESCO's jubilee of 1994, his literature, his qasidas, "love" in Turkish.
    for text, lang in [("1994-cü il YUNESKO xətti ilə Füzuli ili elan olunub.", "az"),
                       ("Füzulinin qəsidə və qəzəlləri Osmanlı ədəbiyyatına təsir göstərib.", "az"),
                       ("Fuzuli'ye göre aşk, insanı olgunlaştıran bir yoldur.", "tr")]:
        assert found(matcher, text, lang=lang) == [], text

"""Football clubs and cups named after places are no places; the towns beside them still are.

Sentences written for these tests in the manner of sports pages in each language. The rules are data:
`context.sports_words` (a short quotation in a football report is a club's name), the guards of
Tovuz, Lankaran, Yevlakh and Baku (Turan Tovuz, Xəzər Lənkəran, Karvan Yevlax, Neftçi Bakı), and
the Turkish cues of the Qarabağ club's reading in gazetteer.yaml; `context.prize_words` for cups.
"""

import json

import pytest


def found(matcher, text, lang):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, lang, places", [
    # A place's name alone in quotes, in a sentence with a score or a word of a match report.
    ('"Sumqayıt" evdə "Qəbələ"ni 3:1 hesabı ilə məğlub edib, oyun Sumqayıt şəhər stadionunda keçirilib.', "az",
     [("Sumqayıt", "sumgait")]),
    ('Turun son matçında "Araz-Naxçıvan" Naxçıvanda "Şamaxı"nı qəbul edəcək.', "az", [("Naxçıvanda", "nakhchivan")]),
    ("«Сумгаит» и «Габала» набрали по 30 очков, а матч в Габале перенесли.", "ru", [("Габале", "gabala")]),
    ("«Араз-Нахчыван» в Баку уступил со счётом 0:2.", "ru", [("Баку", "baku")]),
    ("Գյումրիում «Շիրակը» 2:0 հաշվով հաղթեց «Արարատին»։", "hy", [("Գյումրիում", "gyumri")]),
    ("«Գանձասար»-«Փյունիկ» խաղը կկայանա Կապանում։", "hy", [("Կապանում", "kapan")]),
    # A club's own word before the town's name, quotes or none.
    ("Turan Tovuz beat Khazar Lankaran 2-1 in Tovuz on Sunday.", "en", [("Tovuz", "tovuz")]),
    ('Yevlaxda keçirilən oyunda "Karvan-Yevlax" qonaqlara uduzub.', "az", [("Yevlaxda", "yevlakh")]),
    ("Neftçi Bakı will host Sabah at the Bakcell Arena in Baku.", "en", [("Baku", "baku")]),
    # Turkish writes the region and the club alike: the match report's words decide.
    ("Karabağ, Benfica'yı deplasmanda 3-2 yenerek Bakü'ye döndü.", "tr", [("Bakü'ye", "baku")]),
    ("Karabağ'ın golleriyle öne geçen Azerbaycan temsilcisi ilk devreyi önde kapattı.", "tr",
     [("Azerbaycan", "azerbaijan")]),
    ("Puanını 13'e çıkaran Karabağ, Liverpool takımına konuk olacak.", "tr", []),
    # the Europa League is still a match report's
    ("Qarabağ Avropa Liqasında Kopenhageni məğlub etdi.", "az", []),
    # A quoted town beside another quoted name that is no place, no word of a match report: both clubs
    ("Səbuhi Səfiyarlı “Qəbələ”dən öncə “Neftçi”də mətbuat katibi olub.", "az", []),
    ("Qarabag won the Premier League title in Baku.", "en", [("Baku", "baku")]),
    ("Los jugadores del Karabaj celebraron la victoria en Bakú.", "es", [("Bakú", "baku")]),
    ("Карабах обыграл «Габалу» со счётом 3:0 в Баку.", "ru", [("Баку", "baku")]),
    ("Qarabağ səfərdə qolsuz heç-heçə edib, cavab oyunu Bakıda keçiriləcək.", "az", [("Bakıda", "baku")]),
    # the score as the Azerbaijani press writes it most ("2:0 hesabı ilə"), the club unquoted
    ("Qarabağ səfərdə AZAL-ı 2:0 hesabı ilə yenərək Bakıya qayıdıb.", "az", [("Bakıya", "baku")]),
    # "Believe in" is no "in" of place.
    ("The fans believe in Qarabağ, said the club's spokesman in Baku.", "en", [("Baku", "baku")]),
])
def test_a_club_is_no_place_and_the_town_beside_it_is(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


@pytest.mark.parametrize("text, lang, places", [
    # No football in the sentence: a name in quotes stays the place (a slogan, a quoted place).
    ('"Qarabağ Azərbaycandır" şüarı Şuşada səsləndi.', "az", [("Qarabağ", "karabakh"), ("Azərbaycandır", "azerbaijan"),
                                                           ("Şuşada", "shusha")]),
    ('Sakinlər "Sumqayıt" deyə yazılmış lövhənin yanında dayanıb.', "az", [("Sumqayıt", "sumgait")]),
    # A region in scare quotes beside a quoted body's name, and a town after "so-called", stay places
    # (the rule that reads a quoted town beside a quoted club, “Qəbələ”dən öncə “Neftçi”də, is for towns).
    ('Qondarma "Artsax" rejiminin "Müdafiə Ordusu" tərksilah edilir.', "az", [("Artsax", "nagorno_karabakh")]),
    ('The so-called "Stepanakert" mayor and the "Defence Army" were arrested.', "en",
     [("Stepanakert", "khankendi")]),
    # A sentence about names quotes places as names (adını vermişdilər).
    ('Ermənilər Laçına "Berdzor", Qaragölə "Sevlic" adını vermişdilər.', "az",
     [("Laçına", "lachin"), ("Berdzor", "lachin"), ("Sevlic", "sev_lich")]),
    # A time is no score; the Caspian (Xəzər) is no club's word when the name does not follow it.
    ("Sumqayıtda saat 19:00-da iclas keçiriləcək.", "az", [("Sumqayıtda", "sumgait")]),
    ("Xəzər sahilindəki Lənkəranda yağış yağıb.", "az", [("Lənkəranda", "lankaran")]),
    # "Görüş" (a meeting, a match) folds to Gorus, the Azerbaijani name of Goris: the town is capitalised.
    ("Görüşdən sonra heyət Gorusa yola düşüb; görüş iki saat çəkib.", "az", [("Gorusa", "goris")]),
    # Turkish Karabağ without a match report's word is the region.
    ("Karabağ'da mayın temizleme çalışmaları sürüyor.", "tr", [("Karabağ'da", "karabakh")]),
    # Words of the club's reading that are ordinary words of the news: Europe, the Prime Minister
    # (French premier, Spanish el premier), rescue teams (équipes, equipos).
    ("Le Premier ministre arménien a évoqué le Karabakh devant le Parlement.", "fr", [("Karabakh", "karabakh")]),
    ("«Firmé una declaración para terminar con la guerra de Karabaj», escribió el premier.", "es",
     [("Karabaj", "karabakh")]),
    ("Les équipes de secours sont arrivées au Karabagh.", "fr", [("Karabagh", "karabakh")]),
    ("Los equipos de rescate llegaron a Karabaj.", "es", [("Karabaj", "karabakh")]),
    ("El conflicto de Karabaj preocupa a Europa.", "es", [("Karabaj", "karabakh")]),
    ("Avropa İttifaqı Qarabağ məsələsini müzakirə etdi.", "az", [("Qarabağ", "karabakh")]),
    ("La Russie, joueur clé au Karabagh, a retiré ses soldats.", "fr", [("Russie", "russia"), ("Karabagh", "karabakh")]),
    # English "goal" alone is an aim, not a match report's word ("goals" still is).
    ("The Karabagh movement started in 1988 with the goal of reuniting the region with Armenia.", "en",
     [("Karabagh", "karabakh"), ("Armenia", "armenia")]),
])
def test_the_place_stays_where_no_match_is_reported(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


@pytest.mark.parametrize("text, lang, places", [
    ("Jockeys from Baku raced for the Sugovushan, Jabrayil and Karabakh Cups.", "en", [("Baku", "baku")]),
    ("Qarabağ kubokunu Ağdamda keçirilən yarışda Ramil Quliyev qazanıb.", "az", [("Ağdamda", "agdam")]),
    ("Karabağ Kupası finali Bakü'de oynanacak.", "tr", [("Bakü'de", "baku")]),
    ("Кубок Карабаха разыграют на ипподроме в Баку.", "ru", [("Баку", "baku")]),
    ("La Coupe du Karabakh s'est courue à Bakou.", "fr", [("Bakou", "baku")]),
    ("Der Karabach-Pokal wurde in Baku ausgetragen.", "de", [("Baku", "baku")]),
    ("La Copa Karabaj se disputó en Bakú.", "es", [("Bakú", "baku")]),
    # A cup played in a place leaves the place: "in" is no link of a prize's name.
    ("The Davis Cup in Baku was held near Shusha and Fuzuli.", "en",
     [("Baku", "baku"), ("Shusha", "shusha"), ("Fuzuli", "fuzuli")]),
])
def test_a_cup_named_after_a_place_is_no_place(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


def test_find_on_a_football_report_names_only_the_towns(run):
    text = ('"Qəbələ" Qəbələ şəhər stadionunda "Sumqayıt"ı 2:0 hesabı ilə üstələyib.\n'
            "Turan Tovuz, Tovuzda Neftçi Bakıya uduzub.\n")
    result = run("find", "-", "--json", "--lang", "az", input=text)
    assert result.exit_code == 0, result.output
    mentions = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(m["surface"], m["id"]) for m in mentions] == [("Qəbələ", "gabala"), ("Tovuzda", "tovuz")]
    assert text[mentions[0]["start"]:mentions[0]["end"]] == "Qəbələ" and mentions[0]["start"] > 1


@pytest.mark.parametrize("lang, text, clubs, places", [
    ("en", "Results: Sumgayit 1-2 Qäbälä, Zira 0-0 Sabail, Neftchi 3-1 Shamakhi.", ["Qäbälä", "Sumgayit"], []),
    ("en", "Qarabag beat Copenhagen in Baku 2-0 on Tuesday.", [], ["Baku"]),
    ("hy", "«Արարատը» Կապանում 1:0 հաշվով հաղթեց «Գանձասարին»։", [], ["Կապանում"]),
    ("en", "Armenia 0-1 Azerbaijan was the score in the only game in Yerevan.", [], ["Armenia", "Azerbaijan", "Yerevan"]),
])
def test_a_name_beside_a_score_is_a_club(matcher, lang, text, clubs, places):
    """A results line names clubs; where the match was played, and the countries, stay places."""
    surfaces = [m.surface for m in matcher.find(text, lang=lang)]
    assert not [c for c in clubs if c in surfaces]
    assert [p for p in places if p in surfaces] == places


@pytest.mark.parametrize("text, lang, places", [
    # A quoted town before the word for its club, and a player "of" a quoted club (игрок «Габалы»).
    ("Toni Adamsın gedişindən sonra “Qəbələ” klubu bu turda “Sumqayıt Şəhər”i qəbul edib.", "az", []),
    ("На 41-й минуте встречи игрок «Габалы» Лукас Африко получил красную карточку.", "ru", []),
    ("Bu mövsüm Tovuzun “Turan” klubu öz meydanında uduzub.", "az", [("Tovuzun", "tovuz")]),
])
def test_a_quoted_place_before_its_clubs_word(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


@pytest.mark.parametrize("text, lang, places", [
    # A club's full name of two places' names (Ararat-Armenia, Ararat Yerevan, Shirak Gyumri, Gandzasar
    # Kapan, Qarabağ Ağdam, Araz-Naxçıvan): the other name right next to it, a space, a hyphen or
    # quotation marks between (the readings whose cues are places' names, `_next_to`).
    ("Three teams remain in the race for the title: Pyunik, Ararat-Armenia and Banants.", "en", []),
    ("Thus, Yerevan Ararat gained its first point after 13 defeats.", "en", []),
    ("The best side usually played in the Soviet Top League, which Ararat Yerevan won in 1973.", "en", []),
    ("L'Ararat-Armenia a battu le Pyunik en Arménie.", "fr", [("Arménie", "armenia")]),
    ("Ararat-Armenia schlug Pjunik in Jerewan mit 2:1.", "de", [("Jerewan", "yerevan")]),
    ("Арарат-Армения обыграл Пюник в Ереване.", "ru", [("Ереване", "yerevan")]),
    ("«Арарат» Ереван проиграл «Ширак» Гюмри в Гюмри.", "ru", [("Гюмри", "gyumri")]),
    ("Ararat-Armeniya Pyuniki İrəvanda məğlub edib.", "az", [("İrəvanda", "yerevan")]),
    ("«Փյունիկ»-ը 7 միավոր է զիջում առաջատար «Արարատ-Արմենիա»-ին։", "hy", []),
    ("FC Shirak Gyumri lost to Gandzasar Kapan.", "en", [("Gandzasar", "gandzasar")]),  # the monastery's name alone
    ("Le Karabagh Agdam s'est imposé à Bakou.", "fr", [("Bakou", "baku")]),
    ("El Karabaj Agdam perdió en Bakú.", "es", [("Bakú", "baku")]),
    ("«Карабах» Агдам обыграл «Челси» в Баку.", "ru", [("Баку", "baku")]),
    ("Araz-Nakhchivan beat Sabah in Nakhchivan.", "en", [("Nakhchivan", "nakhchivan")]),
])
def test_a_club_named_by_two_places_is_neither(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


@pytest.mark.parametrize("text, lang, places", [
    # The same names apart, or a list, are places: a comma, a word or a case ending between.
    ("The road runs from Ararat to Yerevan.", "en", [("Ararat", "ararat"), ("Yerevan", "yerevan")]),
    ("Ararat, Armenia's border town, was shelled.", "en", [("Ararat", "ararat"), ("Armenia", "armenia")]),
    ("Արարատ Երևանում է։", "hy", [("Արարատ", "ararat"), ("Երևանում", "yerevan")]),
    ("Araz Naxçıvanın cənubundan axır.", "az", [("Araz", "araks"), ("Naxçıvanın", "nakhchivan")]),
    # a phrase with its word for the place is the place, whatever follows it
    ("Aras Nehri Nahçıvan-İran-Ermenistan arasında doğal bir sınır.", "tr",
     [("Aras Nehri", "araks"), ("Nahçıvan", "nakhchivan"), ("İran", "iran"), ("Ermenistan", "armenia")]),
    # a quoted name alone is not the club's: «Երևան» replaced «Էրիվան» as the city's name in 1936
    ("1936 թվականին «Էրիվան» անվանումը փոխարինվեց «Երևան» անվանումով։", "hy",
     [("Էրիվան", "yerevan"), ("Երևան", "yerevan")]),
    ('"Armenia\'s occupation of Karabakh is ending," Erdogan said.', "en",
     [("Armenia", "armenia"), ("Karabakh", "karabakh")]),
])
def test_the_two_places_of_a_club_name_apart_stay_places(matcher, text, lang, places):
    assert found(matcher, text, lang) == places

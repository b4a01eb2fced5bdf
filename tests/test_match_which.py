"""Which place a name means: a multi-word place is one mention of itself, and a town's name is
its district when the sentence speaks of the district.

Sentences of our own, with the spellings, inflections and contexts of the news pages cited in
bench/recognition/dev/*.txt (class multiword and town-district). The cues for the district live
in toponyms/cues.yaml (`district_acts`); the words for a town and a district in gazetteer.yaml
(`context.town_words`, `context.district_words`).
"""

import json

import pytest


def found(matcher, text, lang):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("lang, text, surface, entity", [
    ("en", "Trucks queued for days at the entrance to the Lachin corridor.", "Lachin corridor", "lachin_corridor"),
    ("az", "Yük maşınları Laçın dəhlizinin girişində gözləyirdi.", "Laçın dəhlizinin", "lachin_corridor"),
    ("hy", "Բեռնատարները սպասում էին Լաչինի միջանցքի մուտքի մոտ։", "Լաչինի միջանցքի", "lachin_corridor"),
    ("ru", "Грузовики стояли у въезда в Лачинский коридор.", "Лачинский коридор", "lachin_corridor"),
    ("tr", "Kamyonlar Laçın koridorunun girişinde bekledi.", "Laçın koridorunun", "lachin_corridor"),
    ("fr", "Les camions attendaient à l'entrée du corridor de Latchine.", "corridor de Latchine", "lachin_corridor"),
    ("de", "Die Lastwagen warteten am Eingang des Latschin-Korridors.", "Latschin-Korridors", "lachin_corridor"),
    ("de", "Soldaten stehen am blockierten Laschin-Korridor.", "Laschin-Korridor", "lachin_corridor"),
    ("es", "Los camiones esperaban a la entrada del corredor de Lachín.", "corredor de Lachín", "lachin_corridor"),
    ("en", "Activists camped on the Berdzor corridor for weeks.", "Berdzor corridor", "lachin_corridor"),
    ("ru", "Беженцы жили в Кельбаджарском районе.", "Кельбаджарском районе", "kalbajar_district"),
    ("ru", "Бои шли у Сарсангского водохранилища.", "Сарсангского водохранилища", "sarsang_reservoir"),
    # Askeran district is Khojaly district's Armenian and Soviet name; bare "Askeran" is the town.
    ("fr", "Les villages du district d'Askeran ont été évacués.", "district d'Askeran", "khojaly_district"),
    ("fr", "Les villages du raïon d'Askeran ont été évacués.", "raïon d'Askeran", "khojaly_district"),
    ("fr", "Des obus sont tombés dans la région d'Ararat.", "région d'Ararat", "ararat_province"),
    ("es", "Cayeron proyectiles en la región de Ararat.", "región de Ararat", "ararat_province"),
    ("tr", "Köy 1963'te Eskeran ilçesine bağlandı.", "Eskeran ilçesine", "khojaly_district"),
    ("az", "Su Sərsəng su anbarından buraxılıb.", "Sərsəng su anbarından", "sarsang_reservoir"),
    ("az", "Sərhədçilər Həkəri körpüsündə post qurublar.", "Həkəri körpüsündə", "hakari_bridge"),
    ("hy", "Ճանապարհն անցնում է Խուդաֆերինի ջրամբարի մոտով։", "Խուդաֆերինի ջրամբարի", "khudafarin_reservoir"),
])
def test_a_multi_word_place_is_one_mention_of_itself(matcher, lang, text, surface, entity):
    """The whole phrase names the corridor, district, reservoir or bridge, not the town inside it."""
    assert found(matcher, text, lang) == [(surface, entity)]


@pytest.mark.parametrize("lang, text, surface", [
    ("en", "Armenia handed over Kalbajar on 25 November.", "Kalbajar"),
    ("az", "Ermənistan Ağdamı təhvil verdi.", "Ağdamı"),
    ("hy", "Քարվաճառը հանձնվեց Ադրբեջանին։", "Քարվաճառը"),
    ("hy", "Քարվաճառը յանձնուեցաւ Ատրպէյճանին։", "Քարվաճառը"),
    ("hy", "Երևանը հանձնեց Քարվաճառը։", "Քարվաճառը"),
    ("hy", "Քարվաճառը շուտով Ադրբեջանին է անցնելու։", "Քարվաճառը"),
    ("ru", "Кельбаджар был передан Азербайджану 25 ноября.", "Кельбаджар"),
    ("tr", "Ermeni birlikleri Ağdam'dan çekildi.", "Ağdam'dan"),
    ("fr", "L'armée est entrée dans le montagneux Kelbadjar.", "Kelbadjar"),
    ("fr", "Le district de Latchin, comme celui d'Aghdam, a été rétrocédé.", "Aghdam"),
    ("de", "Die Übergabe Latschins verzögerte sich um zehn Tage.", "Latschins"),
    ("de", "Nach Aghdam soll Latschin als letzte Region folgen.", "Latschin"),
    ("es", "Cuando Kalbajar fue entregada, los vecinos quemaron sus casas.", "Kalbajar"),
    ("es", "Los separatistas ocuparon la provincia de Kalbajar.", "Kalbajar"),
    ("fr", "Kelbadjar a été rendu à l'Azerbaïdjan le 25 novembre.", "Kelbadjar"),
    ("fr", "Erevan doit rendre à Bakou Agdam, Kelbadjar et Latchine.", "Agdam"),
])
def test_a_town_name_handed_over_is_the_district(matcher, gazetteer, lang, text, surface):
    """What the 2020 statement handed over, evacuated and withdrew from were districts."""
    mention = next(m for m in matcher.find(text, lang=lang) if m.surface == surface)
    assert gazetteer.get(mention.entity_id).kind == "district", mention
    assert mention.entity_id.endswith("_district")


@pytest.mark.parametrize("lang, text, surface, entity", [
    ("en", "The town of Lachin was handed over in August 2022.", "Lachin", "lachin"),
    ("az", "Laçın şəhəri təhvil verildi.", "Laçın", "lachin"),
    ("hy", "Բերձորն ու Աղավնոն հանձնվեցին Ադրբեջանին։", "Բերձորն", "lachin"),   # listed with a village
    ("ru", "Бои шли в районе Шуши всю ночь.", "Шуши", "shusha"),                   # "в районе": near
    ("tr", "Bayrak Ağdam'da göndere çekildi.", "Ağdam'da", "agdam"),              # hoisted, not withdrawn
    ("fr", "La ville de Latchin a été rétrocédée en août 2022.", "Latchin", "lachin"),
    ("de", "Die Stadt Latschin wurde im August 2022 übergeben.", "Latschin", "lachin"),
    ("de", "Latschin wuchs als Bezirkshauptstadt.", "Latschin", "lachin"),
    ("es", "El poblado de Kalbajar será devuelto a Azerbaiyán.", "Kalbajar", "kalbajar"),
    # French "il" after a comma is no Turkish "il" (province)
    ("fr", "À Latchine, il a neigé toute la nuit.", "Latchine", "lachin"),
    ("fr", "D'Aghdam, il ne reste que des ruines.", "Aghdam", "agdam"),
    ("tr", "Ağdam il merkezi yeniden inşa ediliyor.", "Ağdam", "agdam"),     # the provincial centre
    ("fr", "Chouchi rayonne sur tout le Caucase.", "Chouchi", "shusha"),        # no Azerbaijani rayon
    ("fr", "Le rayonnement culturel de Chouchi dépasse le Caucase.", "Chouchi", "shusha"),
    # "se rendre à" is to go to: no handover
    ("fr", "Le président Ilham Aliev s'est rendu à Chouchi.", "Chouchi", "shusha"),
    ("fr", "Les journalistes ne peuvent plus se rendre à Latchine.", "Latchine", "lachin"),
    # the handover is said of another name: past "while", or where something happens
    ("en", "Kalbajar was handed over while Shusha stayed calm.", "Shusha", "shusha"),
    ("ru", "Кельбаджар был передан Азербайджану, а Шуша осталась за ним.", "Шуша", "shusha"),
    ("tr", "Ermenistan ordusu Ağdam'dan çekildi, Şuşa'da ise bekledi.", "Şuşa'da", "shusha"),
    ("en", "After the handover of Kalbajar, Armenians in Shusha stayed.", "Shusha", "shusha"),
    # the sentence names the district with its word: the bare name beside it is the town
    ("ru", "Накануне передачи Лачинского района жители Бердзора жгли свои дома.", "Бердзора", "lachin"),
    ("en", "Before the Lachin district was handed over, residents of Lachin burned their homes.",
     "Lachin", "lachin"),
    # a Russian adjective of another district between: the word for a district is the adjective's
    # (Report, 24News)
    ("ru", "Сегодня годовщина освобождения от оккупации поселка Гадрут Ходжавендского района.",
     "Гадрут", "hadrut"),
    ("ru", "Работы по вывозу жителей из города Бердзор Кашатагского района еще не начались.",
     "Бердзор", "lachin"),
    # "районные" (the district's) describes the villages, not the town before it (Media.az)
    ("ru", "Возвращение жителей в освобожденные от оккупации город Лачын и районные села Забух и Сус.",
     "Лачын", "lachin"),
])
def test_a_word_for_a_town_keeps_the_town(matcher, lang, text, surface, entity):
    assert (surface, entity) in found(matcher, text, lang)


@pytest.mark.parametrize("lang, text, surfaces, entity", [
    # (EADaily, kavkaz-uzel): the handing over would make the bracketed name a district on its own
    ("ru", "Корреспондент побывала в Бердзоре (Лачин) и Кашатагском районе за несколько часов до его передачи.",
     ("Бердзоре", "Лачин"), "lachin"),
    ("ru", "Азербайджану передаются район Кельбаджар (Карвачар) и часть Лачина.", ("Кельбаджар", "Карвачар"),
     "kalbajar_district"),
    ("en", "Armenians left the Kalbajar district (Karvachar) in November.", ("Kalbajar district", "Karvachar"),
     "kalbajar_district"),
])
def test_a_name_glossed_in_brackets_names_what_the_name_before_names(matcher, lang, text, surfaces, entity):
    """A town's other name in brackets right after it is the same town (or district) as the name
    outside the brackets: the pair is never split into a town and a district."""
    hits = dict(found(matcher, text, lang))
    assert [hits.get(surface) for surface in surfaces] == [entity, entity], hits


def test_a_district_in_brackets_with_its_word_stays_the_district(matcher):
    assert ("Kelbajar district", "kalbajar_district") in found(
        matcher, "Karvachar (Kelbajar district) was handed over on 25 November.", "en")


@pytest.mark.parametrize("lang, text, districts", [
    # Counts of villages per district (ortadogugazetesi.com, the President's statement of November 2020)
    ("tr", "Aliyev, Füzuli'de 6, Cebrail'de 2, Gubadlı'da 3, Hocavent'te de 2 köyün kurtarıldığını duyurdu.",
     ["fuzuli_district", "jabrayil_district", "qubadli_district", "khojavend_district"]),
    ("az", "Prezident Füzulidə 6, Cəbrayılda 2 kəndin azad edildiyini bildirdi.",
     ["fuzuli_district", "jabrayil_district"]),
    ("az", "Laçında 3 yeni kənd salınır.", ["lachin_district"]),
])
def test_a_count_of_villages_after_a_locative_names_the_districts(matcher, lang, text, districts):
    assert [m.entity_id for m in matcher.find(text, lang=lang)] == districts


@pytest.mark.parametrize("lang, text, town", [
    ("tr", "Ağdam'da 2020'de bayrak dikildi.", "agdam"),        # a year, no villages
    ("tr", "Füzuli'de 3 kişi yaralandı.", "fuzuli"),             # people, not villages
    ("az", "Laçında 5 ev tikilib.", "lachin"),
])
def test_a_count_of_anything_else_keeps_the_town(matcher, lang, text, town):
    assert [m.entity_id for m in matcher.find(text, lang=lang)] == [town]


@pytest.mark.parametrize("lang, text, entities", [
    # a figure between the names of a list before the plural word for districts (the mine clearers'
    # hectares by district, az dev); a year after a town's name stays the town's
    ("az", "Sahələrin 8718,6 hektarı Laçın, 8526,2-si Füzuli, 8203,6-sı isə Xocavənd rayonlarının payına düşür.",
     ["lachin_district", "fuzuli_district", "khojavend_district"]),
    ("az", "Laçın 2020-ci ildə azad edilib.", ["lachin"]),
    # and in Armenian, a figure in brackets after a province's genitive (the refugees' census by province)
    ("hy", "Մեծ մասը հաստատվել է Կոտայքի մարզում, որին հաջորդում են Արարատի (14 743) և Արմավիրի մարզերը։",
     ["kotayk_province", "ararat_province", "armavir_province"]),
])
def test_a_figure_between_the_names_of_a_list_of_districts(matcher, lang, text, entities):
    assert [m.entity_id for m in matcher.find(text, lang=lang)] == entities


def test_find_cli_names_the_district_handed_over(run):
    result = run("find", "-", "--lang", "tr", "--json", input="Ermenistan ordusu Kelbecer'den çekildi.\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["surface"], row["id"], row["kind"]) for row in rows] == [
        ("Ermenistan", "armenia", "country"), ("Kelbecer'den", "kalbajar_district", "district")]


def test_a_district_named_by_its_towns_bare_name_is_written_bare(run, tmp_path):
    """The output keeps the source's bare name in the chosen form ("Karvachar", not "Karvachar
    District"); the record names the district and its form."""
    record = tmp_path / "names.jsonl"
    result = run("normalise", "-", "--convention", "armenian", "--rival", "none", "--record", str(record),
                 input="Armenia handed over Kalbajar on 25 November.\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Armenia handed over Karvachar on 25 November.\n"
    rows = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert [(row["id"], row["source_form"], row["target_form"]) for row in rows][1] == (
        "kalbajar_district", "kalbajar_district", "karvachar_district")


def test_the_same_districts_on_large_texts(matcher):
    """The rule reads the same on the large-text path (numpy folding) as sentence by sentence."""
    from toponyms.gazetteer import LANGUAGES

    text = "\n".join(["Armenia handed over Kalbajar on 25 November.", "Die Stadt Latschin wurde übergeben.",
                      "Les forces sont entrées dans le montagneux Latchin.", "Бои шли в районе Шуши."] * 300)
    large = matcher.find(text)
    assert large == matcher.find(text, langs=LANGUAGES)
    assert [m.entity_id for m in large[:5]] == ["armenia", "kalbajar_district", "lachin", "lachin_district", "shusha"]


def test_handover_cues_do_not_wait_for_the_language(matcher):
    """Detection reads Turkish "da" as German here; the cue is Turkish wherever it stands."""
    text = "Ermenistan ordusu 20 Kasım'da Ağdam'dan, 25 Kasım'da da Kelbecer'den çekilmişti."
    assert [m.entity_id for m in matcher.find(text)] == ["armenia", "agdam_district", "kalbajar_district"]


@pytest.mark.parametrize("lang, text, surface, entity", [
    # listed beside another district named with its word, an article between or not
    ("en", "Armenia was to give back Kalbajar and the Aghdam district within a month.", "Kalbajar", "kalbajar_district"),
    ("en", "Families left the Lachin district and Kalbajar before the deadline.", "Kalbajar", "kalbajar_district"),
    # the article a preposition took in: French du, Spanish del
    ("fr", "L'accord prévoit le retour de Kalbajar, du district d'Aghdam et du district de Lachin.", "Kalbajar",
     "kalbajar_district"),
    ("es", "El acuerdo prevé la devolución de Kalbajar, del distrito de Agdam y del distrito de Lachín.", "Kalbajar",
     "kalbajar_district"),
    # an apposition that calls the name an area or a region
    ("en", "Armenian forces took Kalbajar, an area of almost 2,000 square kilometres, in 1993.", "Kalbajar",
     "kalbajar_district"),
    ("en", "Zangilan, a mountainous region on the Iranian border, was retaken in October.", "Zangilan",
     "zangilan_district"),
    ("fr", "Kelbadjar, une région montagneuse, a été rendue en novembre.", "Kelbadjar", "kalbajar_district"),
    # the front's sectors, handovers said with "turned over" and "handed back"
    ("en", "Strikes hit Armenian positions in the Fizuli and Jabrayil directions.", "Fizuli", "fuzuli_district"),
    ("en", "Karvachar will be turned over on Sunday, the officials said.", "Karvachar", "kalbajar_district"),
    ("en", "Aghdam was the first of the three areas to be handed back.", "Aghdam", "agdam_district"),
    ("en", "Shelling continued in the upper subregion of Martuni overnight.", "Martuni", "khojavend_district"),
    # a village's name, its word, "of" and the town's name: the village lies in the district
    ("en", "New houses went up in the Aghali village of Zangilan this spring.", "Zangilan", "zangilan_district"),
    # the possessive before a word for villages, as the Azerbaijani genitive before kəndləri
    ("en", "Most of Jabrayil's villages still lie in ruins.", "Jabrayil", "jabrayil_district"),
    ("en", "Demining of Zangilan's 12 villages will take years.", "Zangilan", "zangilan_district"),
])
def test_what_english_says_of_a_district(matcher, lang, text, surface, entity):
    assert (surface, entity) in found(matcher, text, lang)


@pytest.mark.parametrize("lang, text, surface, entity", [
    ("en", "Lachin, a district centre on the road to Goris, was rebuilt.", "Lachin", "lachin"),
    ("en", "Aghdam, a ghost town for decades, is being rebuilt.", "Aghdam", "agdam"),
    ("fr", "Latchine, un chef-lieu de district, a été reconstruite.", "Latchine", "lachin"),
    ("en", "The village of Agali is near Zangilan, in the south.", "Zangilan", "zangilan"),
    ("en", "Lachin's streets were empty when the convoy passed.", "Lachin", "lachin"),
])
def test_english_that_keeps_the_town(matcher, lang, text, surface, entity):
    assert (surface, entity) in found(matcher, text, lang)


@pytest.mark.parametrize("text, surface", [
    ("A convoy moved along the Berdzor (Lachin) corridor to Goris.", "Berdzor (Lachin) corridor"),
    ("Trucks waited at the Lachin (Berdzor) corridor for a week.", "Lachin (Berdzor) corridor"),
])
def test_a_corridor_with_the_other_name_in_brackets_is_one_corridor(matcher, text, surface):
    assert (surface, "lachin_corridor") in found(matcher, text, "en")
    assert not [m for m in matcher.find(text, lang="en") if m.entity_id == "lachin"]


# Armenian names the corridor by the town's genitive (Լաչինի միջանցք) and declines the word.
@pytest.mark.parametrize("text, surface", [
    ("Գյուղը հանգույց էր Բերձորի (Լաչին) միջանցքում։", "Բերձորի (Լաչին) միջանցքում"),
    ("Բեռնատարները կանգնած էին Լաչինի (Բերձորի) միջանցքի մուտքին։", "Լաչինի (Բերձորի) միջանցքի"),
])
def test_an_armenian_corridor_with_the_other_name_in_brackets(matcher, text, surface):
    assert (surface, "lachin_corridor") in found(matcher, text, "hy")
    assert not [m for m in matcher.find(text, lang="hy") if m.entity_id == "lachin"]
@pytest.mark.parametrize("text, expected", [
    # The Human Rights Defenders' report of January 2023: the corridor's word inside the brackets.
    ("The Goris-Stepanakert highway passes through the Berdzor (Lachin corridor) to Artsakh.",
     [("Goris", "goris"), ("Stepanakert", "khankendi"), ("Berdzor", "lachin_corridor"),
      ("Lachin corridor", "lachin_corridor"), ("Artsakh", "nagorno_karabakh")]),
    # Another word after the corridor's in the brackets, or another town before them: as they were.
    ("He came from Berdzor (Lachin corridor area).", [("Berdzor", "lachin"), ("Lachin corridor", "lachin_corridor")]),
    ("Goris (Lachin corridor) was calm.", [("Goris", "goris"), ("Lachin corridor", "lachin_corridor")]),
])
def test_a_town_before_its_corridor_in_brackets_names_the_corridor(matcher, text, expected):
    assert found(matcher, text, "en") == expected


def test_find_cli_names_the_district_listed_beside_another(run):
    result = run("find", "-", "--lang", "en", "--json",
                 input="The deal has Armenia return Kalbajar and the Aghdam district by 20 November.\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["surface"], row["id"], row["kind"]) for row in rows] == [
        ("Armenia", "armenia", "country"), ("Kalbajar", "kalbajar_district", "district"),
        ("Aghdam district", "agdam_district", "district")]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Le corridor de Latchine ou de Berdzor traverse le raion.",
     [("corridor de Latchine", "lachin_corridor"), ("Berdzor", "lachin_corridor")]),
    ("fr", "Le corridor de Latchine (Berdzor) reste fermé.",
     [("corridor de Latchine", "lachin_corridor"), ("Berdzor", "lachin_corridor")]),
    ("es", "El corredor de Lachín, o Berdzor, sigue cerrado.",
     [("corredor de Lachín", "lachin_corridor"), ("Berdzor", "lachin_corridor")]),
    # another town, or a list in the brackets: the towns
    ("es", "El corredor de Lachín o Goris, nadie lo sabe.",
     [("corredor de Lachín", "lachin_corridor"), ("Goris", "goris")]),
    ("fr", "Le corridor de Latchine (Berdzor, Aghavno et Sous ont été rendus) est fermé.",
     [("corridor de Latchine", "lachin_corridor"), ("Berdzor", "lachin"), ("Aghavno", "zabukh"), ("Sous", "sus")]),
])
def test_the_corridors_other_name_in_brackets_or_after_or_is_the_corridor(matcher, lang, text, expected):
    assert found(matcher, text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a place's name a slash joins to the corridor's other name shares its head: the corridor
    ("tr", "Zengezur/Syunik Koridoru olarak da bilinen hat inşa edilecek.",
     [("Zengezur", "zangezur_corridor"), ("Syunik Koridoru", "zangezur_corridor")]),
    ("en", "The Zangezur / Syunik corridor will run along the Araks.",
     [("Zangezur", "zangezur_corridor"), ("Syunik corridor", "zangezur_corridor"), ("Araks", "araks")]),
    # two countries joined by a slash stay the countries
    ("tr", "Ermenistan/Azerbaycan sınırı yeniden çizildi.", [("Ermenistan", "armenia"), ("Azerbaycan", "azerbaijan")]),
])
def test_a_name_joined_by_a_slash_to_a_corridors_name_is_the_corridor(matcher, lang, text, expected):
    assert found(matcher, text, lang) == expected


@pytest.mark.parametrize("lang, text, districts", [
    ("fr", "Le district borde ceux de Khojavand, Djabraïl, Aghjabadi et Beylagan, ainsi que l'Iran.",
     ["Khojavand", "Djabraïl", "Aghjabadi", "Beylagan"]),
    ("es", "El distrito limita con los de Jabrayil, Zangilán y Qubadli.", ["Jabrayil", "Zangilán", "Qubadli"]),
    # the list ends where a name without a district of its name, or another clause, comes
    ("fr", "Le district de Fizouli borde celui de Djabraïl, puis Choucha est tombée.", ["district de Fizouli", "Djabraïl"]),
])
def test_the_names_listed_after_a_pronoun_for_districts_are_districts(matcher, gazetteer, lang, text, districts):
    assert [m.surface for m in matcher.find(text, lang=lang)
            if gazetteer.get(m.entity_id).kind == "district"] == districts


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le complexe se trouve dans la région de Karvadjar, que les Arméniens appellent Karvashar."),
    ("es", "El monasterio está en el distrito de Kalbajar, que los armenios llaman Karvachar."),
    ("en", "The monastery is in the Kalbajar district, which Armenians call Karvachar."),
    ("fr", "La région de Kelbadjar, connue sous le nom de Karvachar, est montagneuse."),
])
def test_a_districts_other_name_after_a_verb_of_calling_is_the_district(matcher, lang, text):
    assert [entity for _, entity in found(matcher, text, lang)] == ["kalbajar_district", "kalbajar_district"]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le district de Kelbadjar, dont Karvachar est le chef-lieu, est montagneux."),
    ("en", "The Lachin district, as well as Lachin town, lay empty."),   # "as" is no calling
])
def test_a_town_named_after_a_district_without_calling_stays_the_town(matcher, lang, text):
    assert found(matcher, text, lang)[1][1] in ("kalbajar", "lachin")


@pytest.mark.parametrize("lang, text, surface, entity", [
    # Aghdam's village Kangarli and Nakhchivan's Kangarli district (named after a tribe) share a
    # name, not a town and its district: a word for villages after the list keeps the village.
    ("tr", "Ağdam ilinin Sarıcalı, Kengerli ve Hıdırlı köyleri geri alındı.", "Kengerli", "kangarli"),
    ("az", "Ağdam rayonunun Kəngərli, Sarıcalı və Xıdırlı kəndlərinə köç başladı.", "Kəngərli", "kangarli"),
    # The district is still found by its own name.
    ("az", "Naxçıvanın Kəngərli rayonunda yeni məktəb açıldı.", "Kəngərli rayonunda", "kangarli_district"),
])
def test_homonyms_are_no_town_and_district_pair(matcher, lang, text, surface, entity):
    assert (surface, entity) in [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, lang", [
    ("İşğal altında olan 7 rayonun (Ağdam, Füzuli, Cəbrayıl, Zəngilan, Qubadlı, Laçın, Kəlbəcər) əhalisi köçkün düşüb.", "az"),
    ("İşgal altındaki 7 rayon (Ağdam, Fuzuli, Cebrail, Zengilan, Kubatlı, Laçın, Kelbecer) kurtarıldı.", "tr"),
    ("Յոթ շրջանները (Աղդամ, Ֆիզուլի, Ջաբրայիլ, Զանգելան, Կուբաթլու, Լաչին, Քելբաջար) վերադարձվեցին։", "hy"),
    ("Семь районов (Агдам, Физули, Джебраил, Зангилан, Губадлы, Лачин и Кельбаджар) были оккупированы.", "ru"),
])
def test_a_list_in_brackets_after_a_word_for_districts_names_districts(matcher, text, lang):
    """Brackets that open right after a word for districts list districts, in every language (Azerbaijani,
    Turkish and Armenian put the word for a district after a name, but not before a list in brackets)."""
    found = [m.entity_id for m in matcher.find(text, lang=lang)]
    assert found == ["agdam_district", "fuzuli_district", "jabrayil_district", "zangilan_district",
                     "qubadli_district", "lachin_district", "kalbajar_district"]


def test_a_name_in_brackets_after_another_word_stays_a_town(matcher):
    found = [m.entity_id for m in matcher.find("Şəhərin (Laçın) sakinləri qayıdır, rayon (bax: Kəlbəcər) isə boşdur.", lang="az")]
    assert found == ["lachin", "kalbajar"]


@pytest.mark.parametrize("text, lang", [
    ("Laçın ilinin kuzeyinde Kelbecer, doğusunda Hocalı, Şuşa ve Hocavend, güneyinde ise Gubadlı illeri bulunuyor.", "tr"),
    ("Laçın rayonunun şimalında Kəlbəcər, şərqində Xocalı, Şuşa və Xocavənd, cənubunda isə Qubadlı rayonları yerləşir.", "az"),
])
def test_the_bounds_of_a_district_by_compass_point_are_districts(matcher, text, lang):
    """The neighbours named by "in its north", "in its east" ... "as for in its south" up to the plural
    word for districts are districts, as with the ablative compass points (kuzeyden, şimaldan)."""
    assert [m.entity_id for m in matcher.find(text, lang=lang)][1:] == [
        "kalbajar_district", "khojaly_district", "shusha_district", "khojavend_district", "qubadli_district"]


def test_a_compass_point_alone_names_no_district(matcher):
    assert [m.entity_id for m in matcher.find("Kelbecer'in kuzeyinde ise dağlar var.", lang="tr")] == ["kalbajar"]

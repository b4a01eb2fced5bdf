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


@pytest.mark.parametrize("text, lang", [
    ("El alcalde de Armenia, Quindío, anunció obras viales en la capital quindiana.", "es"),
    ("En Armenia (Quindío) la Policía capturó a dos hombres.", "es"),
    ("En el segundo caso, el de la ciudad de Armenia, el secretario del Interior del Quindío confirmó la captura.", "es"),
    ("Un sismo sacudió Armenia y Pereira, en el Eje Cafetero.", "es"),
    ("Floods hit Ararat in Victoria on Sunday, cutting the road to Ballarat.", "en"),
])
def test_a_place_of_the_same_name_abroad_is_no_place_here(matcher, text, lang):
    """Armenia, the capital of Colombia's Quindío, and Ararat in Victoria: readings that are another
    place (`another_place: true`), so "en Armenia" and "la ciudad de Armenia" do not keep the country."""
    assert found(matcher, text, lang) == []


def test_the_country_stays_beside_colombia_and_the_town_at_home(matcher):
    assert found(matcher, "Armenia y Colombia firmaron un acuerdo de cooperación en Ereván.", "es") == [
        ("Armenia", "armenia"), ("Ereván", "yerevan")]
    assert found(matcher, "El presidente de Colombia visitó Armenia y Georgia.", "es") == [("Armenia", "armenia")]
    assert found(matcher, "Shelling was reported in Ararat, near the Nakhchivan border.", "en") == [
        ("Ararat", "ararat"), ("Nakhchivan", "nakhchivan")]


def test_a_page_about_the_colombian_city_names_it_bare_too(matcher, tmp_path):
    """The reading carries: the page's later bare "Armenia" is the city, here through the CLI."""
    import json
    import subprocess
    import sys
    page = tmp_path / "armenia.es.txt"
    page.write_text("El alcalde de Armenia, Quindío, presentó el plan de obras.\n\n"
                    "Es la primera vez en veinte años que Armenia tendrá semáforos nuevos.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "toponyms", "find", str(page), "--json"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert [json.loads(line) for line in run.stdout.splitlines() if line.strip()] == []


@pytest.mark.parametrize("text, lang", [
    ("Поезд из Армавира в Ростов задержан.", "ru"),
    ("В Армавире заложили новый сквер в честь 80-летия Краснодарского края.", "ru"),
    ("Die russische Stadt Armawir liegt im Kreis Krasnodar.", "de"),
    ("Çorum'un Laçin ilçesinde sel meydana geldi.", "tr"),
    ("Laçin Kaymakamı törene katıldı.", "tr"),
])
def test_the_russian_armavir_and_the_turkish_lachin(matcher, text, lang):
    """Armavir of the Kuban and Laçin of Çorum are other places: "в Армавире", "Laçin ilçesinde" too."""
    assert found(matcher, text, lang) == []


def test_the_armenian_armavir_and_the_azerbaijani_lachin_stay(matcher):
    assert found(matcher, "В Армавире, центре одноимённой области Армении, прошёл митинг.", "ru") == [
        ("Армавире", "armavir"), ("Армении", "armenia")]
    assert found(matcher, "Çorum Belediyesi Laçın'a yardım tırı gönderdi.", "tr") == [("Laçın'a", "lachin")]
    assert found(matcher, "Laçın ilçesinde Azerbaycan bayrağı dalgalanıyor.", "tr")[0] == (
        "Laçın ilçesinde", "lachin_district")


@pytest.mark.parametrize("text, lang, surface, entity", [
    ("Ermənilər 1993-cü ildə Laçına “Berdzor” adını vermişdilər.", "az", "Berdzor", "lachin"),
    ('"Armenia\'s 28-year occupation in Nagorno-Karabakh is ending," said Erdogan.', "en", "Armenia", "armenia"),
])
def test_a_quoted_name_with_a_place_abroad_only_is_still_the_place(matcher, text, lang, surface, entity):
    """A name alone in quotes is its other reading (a club, a brand), not another place abroad."""
    assert (surface, entity) in found(matcher, text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Fuzuli'nin hayatı ve sanatı üzerine uluslararası sempozyum düzenlendi.", "tr"),
    ("Azerbaijan marks the 530th anniversary of Fuzuli, the medieval poet.", "en"),
])
def test_the_poet_by_his_art_and_his_anniversaries(matcher, text, lang):
    assert [entity for _, entity in found(matcher, text, lang) if entity.startswith("fuzuli")] == []


def test_the_district_keeps_its_own_anniversary(matcher):
    assert found(matcher, "Fuzuli district marked the 90th anniversary of its founding.", "en") == [
        ("Fuzuli district", "fuzuli_district")]


@pytest.mark.parametrize("text, lang", [
    ("В первой встрече дня «Габала» принимала «Сабаил».", "ru"),
    ('"Qəbələ" doğma meydanda "Səbail"i qəbul edəcək.', "az"),
    ("«Փյունիկը» հաղթեց «Շիրակին»։", "hy"),
    ("Der nächste Gegner ist der FK Qäbälä aus Aserbaidschan.", "de"),
])
def test_the_clubs_named_after_towns_and_districts(matcher, text, lang):
    """Qəbələ, Səbail, Şamaxı and Shirak are football clubs too: alone in quotes, after FK, or in a
    match report; "Aserbaidschan" is the country whatever the club."""
    assert [entity for _, entity in found(matcher, text, lang) if entity != "azerbaijan"] == []


@pytest.mark.parametrize("text, lang, surface, entity", [
    ("Саммит прошёл в Габале.", "ru", "Габале", "gabala"),
    ("Շիրակի մարզում երկրաշարժ է եղել։", "hy", "Շիրակի մարզում", "shirak_province"),
    ("Səbail rayonunda yeni park açılıb.", "az", "Səbail rayonunda", "sabail_district"),
])
def test_the_places_of_the_clubs_names_stay(matcher, text, lang, surface, entity):
    assert (surface, entity) in found(matcher, text, lang)


@pytest.mark.parametrize("text, lang", [
    ("The Vank Cathedral in New Julfa, Isfahan, holds an Armenian museum.", "en"),
    ("Собор Ванк в Новой Джульфе (Исфахан).", "ru"),
    ("Նոր Ջուղայի Ամենափրկիչ վանքը Սպահանում է։", "hy"),
])
def test_new_julfa_and_its_vank_cathedral_are_in_isfahan(matcher, text, lang):
    assert found(matcher, text, lang) == []


def test_the_old_julfa_and_the_village_of_vank_stay(matcher):
    assert found(matcher, "In 1604 Shah Abbas deported the Armenians of Julfa to Isfahan.", "en") == [("Julfa", "julfa")]
    assert found(matcher, "Azerbaijani troops entered Vank, below Gandzasar.", "en") == [
        ("Vank", "vank"), ("Gandzasar", "gandzasar")]


@pytest.mark.parametrize("text, lang", [
    ("Wings of Tatev is the world's longest reversible aerial tramway.", "en"),
    ("«Крылья Татева» — самая длинная канатная дорога.", "ru"),
    ("Artsakh brandy and mulberry vodka were served.", "en"),
])
def test_a_tramway_and_a_brandy_named_after_places(matcher, text, lang):
    assert found(matcher, text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("Füzuli 50 ildən artıq Nəcəf şəhərində yaşamışdı.", "az"),
    ("Füzuli lirikasının əsas mövzusunu məhəbbət təşkil edir.", "az"),
    ("Füzulinin ana dilində yaratdığı əsər orijinallığı ilə seçilir.", "az"),
    ("Füzuli adına Əlyazmalar İnstitutunun direktoru çıxış edib.", "az"),
    ("Fuzuli, Bağdat Valisi Üveys Paşa'ya sunduğu eserini kısa zamanda yazıp bitirdi.", "tr"),
    ("Nizâmî'nin eserinde Leylâ Kays'ın amcasının kızı iken Fuzuli onları akraba göstermez.", "tr"),
    ("Fuzuli'nin doğumunun 530. yıl dönümü Ankara'da anıldı.", "tr"),
    ("Füzulinin 530 illiyi geniş qeyd olunacaq.", "az"),
    ("Fuzuli vefatının 470. yılında anıldı.", "tr"),
])
def test_the_poet_by_the_towns_of_his_life_his_lyric_and_his_birth(matcher, text, lang):
    """Najaf, Hilla and Baghdad as Turkish spells it, Leylâ and Mecnûn with their long vowels, his
    lyric, "named after" (adına) and his birth's anniversary are the poet's."""
    assert [entity for _, entity in found(matcher, text, lang) if entity.startswith("fuzuli")] == []


@pytest.mark.parametrize("text, lang, surface", [
    ("1975-ci ildə Füzulidə anadan olub.", "az", "Füzulidə"),
    ("Fuzuli doğumlu gazi törende konuştu.", "tr", "Fuzuli"),
    ("Bu il Füzuli şəhərində 20 yaşayış binası tikiləcək.", "az", "Füzuli"),
    ("Füzulinin işğaldan azad edilməsinin 5 illiyi qeyd olunur.", "az", "Füzulinin"),
])
def test_the_town_of_one_born_there_stays(matcher, text, lang, surface):
    assert (surface, "fuzuli") in [(s[:len(surface)], e) for s, e in found(matcher, text, lang)]


def test_the_wine_in_azerbaijani_by_its_word_caxir(matcher):
    assert found(matcher, "Ağdam çaxırı iki rubla satılırdı.", "az") == []


@pytest.mark.parametrize("text, lang", [
    ("Şuşa Qlobal Media Forumu bizim ölkəmiz üçün möhtəşəm tədbirdir.", "az"),
    ("Şuşa Küresel Medya Forumu'na 50 ülkeden gazeteci katıldı.", "tr"),
    ("The Shusha Global Media Forum opened on Friday.", "en"),
])
def test_the_shusha_media_forum_is_an_events_name(matcher, text, lang):
    assert found(matcher, text, lang) == []


def test_the_town_that_hosts_the_forum_is_still_named(matcher):
    assert found(matcher, "Delegates arrived for the Shusha Global Media Forum in Shusha.", "en") == [
        ("Shusha", "shusha")]


@pytest.mark.parametrize("text", [
    "La cena se realizó en la sede de la calle Armenia 1353, en Palermo.",
    "La avenida Armenia está cortada por obras.",
])
def test_a_spanish_street_named_after_a_place(matcher, text):
    """Spanish names its streets word first, no preposition (context.street_words_before)."""
    assert found(matcher, text, "es") == []


@pytest.mark.parametrize("text, lang, surface", [
    ("Vive en Armenia desde 1995 y visita Shusha cada año.", "es", "Armenia"),
    ("Die Straße Latschin-Khankendi ist gesperrt.", "de", "Latschin"),
])
def test_the_place_itself_and_the_road_between_two_towns_stay(matcher, text, lang, surface):
    assert surface in [s for s, _ in found(matcher, text, lang)]


@pytest.mark.parametrize("text", [
    "Aras Kargo'nun yeni şubesi açıldı.",
    "Aras EDAŞ planlı elektrik kesintisi duyurdu.",
    "Iğdır'ın dağ köylerine ve Aras Dağları'na kar yağdı.",
])
def test_the_turkish_firms_and_mountains_of_the_aras_name(matcher, text):
    """not_before reads a word with its Turkish case ending cut at the apostrophe (Kargo'nun)."""
    assert found(matcher, text, "tr") == []


def test_the_aras_river_in_turkish_stays(matcher):
    assert found(matcher, "Aras Nehri üzerinde yeni köprü inşa ediliyor.", "tr") == [("Aras Nehri", "araks")]


@pytest.mark.parametrize("text, lang", [
    ("Prosperous Armenia won eight seats in parliament.", "en"),
    ("El partido Armenia Próspera ganó votos en Ereván.", "es"),
    ("Bright Armenia party leader Edmon Marukyan said so.", "en"),
    ("The Mother Armenia statue overlooks the city.", "en"),
])
def test_armenian_parties_and_the_statue_named_armenia(matcher, text, lang):
    assert "armenia" not in [e for _, e in found(matcher, text, lang)]


def test_a_bright_future_for_armenia_is_the_country(matcher):
    assert ("Armenia", "armenia") in found(matcher, "A bright future for Armenia.", "en")


def test_an_armenian_unions_name_that_opens_with_place_names(matcher):
    """Armenian capitalises names only: bare names hyphened before a capitalised word open its name."""
    assert found(matcher, "Հաղորդագրությունը տարածել է Գարդման-Շիրվան-Նախիջեվան Համահայկական Միությունը։",
                 "hy") == []


@pytest.mark.parametrize("text, surface", [
    ("Շուշիի Ղազանչեցոց եկեղեցին վերականգնվել է։", "Շուշիի"),
    ("Ստեփանակերտ Գորիս ճանապարհը փակ է։", "Ստեփանակերտ"),
    ("Զոհվել է ՀՀ ՊՆ մեկ զինծառայող։", "ՀՀ"),
])
def test_armenian_places_before_a_name_or_a_ministry_stay(matcher, text, surface):
    """The genitive (of Shushi), a place before a place, the state's abbreviation before a ministry's."""
    assert surface in [s for s, _ in found(matcher, text, "hy")]

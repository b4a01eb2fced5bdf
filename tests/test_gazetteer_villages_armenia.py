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


@pytest.mark.parametrize("text, lang, surface, entity", [
    ("Обстрелу подверглись Арцваберд, Айгедзор и Чинари Тавушской области.", "ru", "Айгедзор", "aygedzor"),
    ("Azerbaijani forces fired at Zorakan and Jujevan in Tavush.", "en", "Zorakan", "zorakan"),
    ("Les villages d'Ourtsadzor et de Parouyr Sevak, dans la région d'Ararat, ont été visés.", "fr",
     "Parouyr Sevak", "paruyr_sevak"),
    ("Արարատի մարզի Պարույր Սևակ գյուղը կրակի տակ է։", "hy", "Պարույր Սևակ", "paruyr_sevak"),
    ("Vayots Dzor'daki Martiros köyünde su kesintisi yaşanıyor.", "tr", "Martiros", "martiros"),
])
def test_border_villages_of_armenia(matcher, text, lang, surface, entity):
    assert (surface, entity) in found(matcher, text, lang)


@pytest.mark.parametrize("text, lang, entity", [
    ("Paruyr Sevak wrote the poem 'The Unsilenceable Belfry' in 1959.", "en", "paruyr_sevak"),
    ("Պարույր Սևակը գրել է «Անլռելի զանգակատուն» պոեմը։", "hy", "paruyr_sevak"),
    ("Martiros Saryan painted Mount Ararat many times.", "en", "martiros"),
])
def test_the_poet_and_the_painter_are_no_villages(matcher, text, lang, entity):
    assert entity not in [e for _, e in found(matcher, text, lang)]


@pytest.mark.parametrize("text", [
    "Զորական ծառայողները հերթապահում են սահմանին։",
    "Զորականը վիրավորվել է։",
    "Զառիթափ ճանապարհով իջանք գետը։",
    "Պարույր Սևակը գրել է «Անլռելի զանգակատուն» պոեմը։",
])
def test_armenian_words_that_name_villages_are_words(matcher, text):
    """զորական (soldier), զառիթափ (steep slope), զանգակատուն (belfry): words at a sentence's opening or
    in small letters, not the Tavush, Vayots Dzor and Ararat villages."""
    assert [e for _, e in found(matcher, text, "hy")
            if e in {"zorakan", "zaritap", "zangakatun", "paruyr_sevak"}] == []


def test_the_village_zorakan_by_its_word_or_case(matcher):
    assert ("Զորականի", "zorakan") in found(matcher, "Կրակոցներ են հնչել Զորականի ուղղությամբ։", "hy")


@pytest.mark.parametrize("text, lang, surface", [
    ("Իշխանաձոր գյուղում ապրում էին վաթսուն ընտանիք։", "hy", "Իշխանաձոր"),
    ("The village of Ishkhanadzor in Kashatagh was resettled in the 2000s.", "en", "Ishkhanadzor"),
])
def test_the_kashatagh_name_of_khanlig(matcher, text, lang, surface):
    """Khanlig of Qubadli district was Ishkhanadzor to the NKR (a form until 25 October 2020)."""
    assert (surface, "khanlig") in found(matcher, text, lang)


@pytest.mark.parametrize("text, lang, surface, entity", [
    ("Название поселения упоминается в 1727 году как село Гадруд района Дизаг.", "ru", "Дизаг", "dizak"),
    ("Դիզակի մելիքների ապարանքը Տող գյուղում է։", "hy", "Դիզակի", "dizak"),
    ("Պարտավը Ուտիք նահանգի կենտրոնն էր։", "hy", "Ուտիք", "utik"),
])
def test_historical_regions_armenian_writing_names(matcher, text, lang, surface, entity):
    assert (surface, entity) in found(matcher, text, lang)

"""A name the text has used for its other reading (the poet, the club, the archangel) is that again nearby.

A page about the poet Fuzuli says who he is once ("Məhəmməd Füzulinin qəzəlləri") and then names him
bare in sentences with no word of poetry; a match report names its league once and then its club bare.
The rule (`Matcher._reading_again`, readings marked `carries: true` in gazetteer.yaml) reads such a bare name
as the thing when a reading of the same entity was found within `READING_REACH` characters, unless
something says place. A club's name alone in quotes, once a sentence of the text has been a match
report's, is the club's again (`_the_club_again`). Sentences written for these tests in the manner of
the pages the audit read (bench/recognition/PRECISION_AUDIT.md, session 4).
"""


import pytest

from toponyms.match import READING_REACH


def found(matcher, text, lang):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("text, lang, places", [
    # The poet named with his first name or a title, then bare.
    ("Mövlanə Məhəmməd Füzulinin qəzəlləri sevilir. Füzuli uzun illər İmam Hüseyn məqbərəsində xidmət edib.",
     "az", []),
    ("Fuzuli'nin gazelleri çok sevilir. Fuzuli, hayatı boyunca Bağdat ve Kerbela çevresinde yaşamıştır.", "tr", []),
    ("Были представлены газели на слова Мухаммеда Физули. Физули писал на трёх языках.", "ru", []),
    ("The poem of Fuzuli is his masterpiece. Fuzuli lived in Baghdad all his life.", "en", []),
    ("Der Dichter Fuzuli lebte in Bagdad. Das Denkmal für Fuzuli steht vor dem Theater.", "de", []),
    # Before the sentence that says who he is, too.
    ("“Физули в музыке” — так назывался вечер. Газели поэта Физули исполнили солисты филармонии.", "ru", []),
    # The club: a Turkish match report names Karabağ bare once it has named its coach or its league.
    ("Karabağ'ın teknik direktörü Gurban Gurbanov açıklama yaptı. Karabağ, 10 kişi kalmasına rağmen tarih yazdı.",
     "tr", []),
    # The archangel.
    ("Hz. Cebrail vahyi getirdi. Cebrail, Kuran'da adı geçen dört melekten biridir.", "tr", []),
])
def test_the_other_reading_carries_to_the_bare_name_nearby(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


@pytest.mark.parametrize("text, lang, places", [
    # A word for a town or a district beside the name: the text has come to the place.
    ("Məhəmməd Füzulinin heykəli vaxtilə şəhərin parkında idi. Füzuli şəhərinin mərkəzi bərpa olunur.", "az",
     [("Füzuli", "fuzuli")]),
    # A locative: "in" the place.
    ("Fuzuli'nin gazelleri çok sevilir. Füzuli'de yeni bir okul açıldı.", "tr", [("Füzuli'de", "fuzuli")]),
    # "In" before it.
    ("The poem of Fuzuli is his masterpiece. A school opened in Fuzuli last year.", "en", [("Fuzuli", "fuzuli")]),
    # Once the text has come to the town, the bare name after it is the town again.
    ("Məhəmməd Füzulinin heykəli tapılıb. Füzuli şəhərində tikinti gedir. Füzuli 27 il sonra azad edilib.", "az",
     [("Füzuli", "fuzuli"), ("Füzuli", "fuzuli")]),
    # The club's reading does not carry to the region in a locative.
    ("Karabağ'ın teknik direktörü Gurbanov konuştu. Karabağ'da yeni bir okul açıldı.", "tr",
     [("Karabağ'da", "karabakh")]),
])
def test_a_word_of_place_keeps_the_place(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


@pytest.mark.parametrize("text, lang, places", [
    # A sentence that explains the town's name by the poet carries nothing: war backgrounders say so, then
    # name the town ("renamed", "adı verilib", "назван" are cues.yaml's glosses).
    ("The town was renamed in 1959 after the poet Muhammad Fuzuli. Fuzuli was captured in 1993.", "en",
     [("Fuzuli", "fuzuli")]),
    ("Şəhərə 1959-cu ildə şair Məhəmməd Füzulinin adı verilib. Füzuli 1993-cü ildə işğal olunub.", "az",
     [("Füzuli", "fuzuli")]),
    ("Город назван в честь поэта Физули. Физули был занят армянскими силами в 1993 году.", "ru",
     [("Физули", "fuzuli")]),
    # The horse breed's reading does not carry: a page on Karabakh horses names the region bare.
    ("Qarabağ xanı ildə iki dəfə Cıdır düzündə Qarabağ atlarının cıdır yarışlarını keçirərdi.", "az",
     [("Qarabağ", "karabakh"), ("Cıdır düzündə", "jidir_plain")]),
    # Nor a spelling that only the club is written with: English writes the region Karabakh.
    ("Qarabag's Horsemen are named for the horses of the flat plains of Karabakh.", "en", [("Karabakh", "karabakh")]),
])
def test_what_does_not_carry(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


def test_a_reading_that_carries_must_say_so_with_a_boolean(invalid):
    output = invalid("""\
        users: {g: everyone}
        entities:
          - id: a
            kind: town
            guards:
              readings:
                - {what: a poet, near: [poet], carries: "yes"}
            forms:
              - {form: a, used_by: [g], names: {en: [Aaa]}}
        """)
    assert "may say `carries: true`" in output


def test_the_reading_reaches_a_few_sentences_not_the_whole_text(matcher):
    filler = " Bu gün hava yaxşı olub." * (READING_REACH // 20)
    text = "Məhəmməd Füzulinin qəzəlləri sevilir." + filler + " Füzuli 27 il sonra azad edilib."
    assert found(matcher, text, "az") == [("Füzuli", "fuzuli")]


def test_a_sentence_alone_keeps_the_place(matcher):
    # Read alone (as bench/bench_recognition.py reads its sentences by default), nothing says poet.
    assert found(matcher, "Füzuli uzun illər İmam Hüseyn məqbərəsində xidmət edib.", "az") == [
        ("Füzuli", "fuzuli")]


@pytest.mark.parametrize("text, lang, places", [
    # The quoted club again in a sentence with no word of football (qalib, yer, pillə are no cues).
    ('"Qəbələ" "Şamaxı"nı qəbul edəcək. “Şamaxı” isə son 4 görüşdə qələbə qazanmayıb. '
     '"Qəbələ" 5-ci pillədəki mövqeyini qoruyub.', "az", []),
    ('"Sumqayıt" evdə "Zirə"yə 2:3 hesabı ilə uduzub. 30 xala malik "Sumqayıt" beşincidir. '
     'Oyun Sumqayıt şəhər stadionunda keçirilib.', "az", [("Sumqayıt", "sumgait")]),
    ("«Габала» – «Зиря» 1:1. Тренер «Габалы» был доволен, а в Габале шёл дождь.", "ru", [("Габале", "gabala")]),
])
def test_a_quoted_club_again_is_the_club(matcher, text, lang, places):
    assert found(matcher, text, lang) == places


def test_a_quoted_name_with_no_match_report_stays_the_place(matcher):
    assert found(matcher, 'Sakinlər "Sumqayıt" deyə yazılmış lövhənin yanında dayanıb.', "az") == [
        ("Sumqayıt", "sumgait")]

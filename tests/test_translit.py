"""Derived spellings: transliteration between the eight languages and the variants each press prints.

The expected spellings are the gazetteer's hand-listed ones (real press and
official spellings), so a rule that drifts from real usage fails here.
"""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from toponyms.fold import fold_key
from toponyms.gazetteer import load
from toponyms.translit import MAX_VARIANTS, transliterate, variants

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name, src, tgt, expected", [
    # Azerbaijani Latin to the Latin spellings of each press
    ("Şuşa", "az", "en", "Shusha"),
    ("Şuşa", "az", "de", "Schuscha"),
    ("Şuşa", "az", "fr", "Choucha"),
    ("Şuşa", "az", "es", "Shushá"),
    ("Şuşa", "az", "tr", "Şuşa"),
    ("Cəbrayıl", "az", "en", "Jabrayil"),
    ("Cəbrayıl", "az", "de", "Dschabrail"),
    ("Cəbrayıl", "az", "fr", "Djabraïl"),
    ("Cəbrayıl", "az", "es", "Jabrayil"),
    ("Xocalı", "az", "es", "Jojalí"),
    ("Xocalı", "az", "en", "Khojaly"),
    ("Xocalı", "az", "fr", "Khodjaly"),
    ("Xocalı", "az", "tr", "Hocalı"),
    ("Laçın", "az", "fr", "Latchine"),
    ("Laçın", "az", "de", "Latschin"),
    ("Laçın", "az", "es", "Lachín"),
    ("Ağdam", "az", "en", "Aghdam"),
    ("Zəngilan", "az", "fr", "Zanguilan"),
    ("Beyləqan", "az", "es", "Beylagán"),
    ("Qazax", "az", "tr", "Kazah"),
    ("Sumqayıt", "az", "tr", "Sumgayıt"),
    ("Dağlıq Qarabağ", "az", "tr", "Dağlık Karabağ"),
    # Latin to Russian practical transcription
    ("Şuşa", "az", "ru", "Шуша"),
    ("Xankəndi", "az", "ru", "Ханкенди"),
    ("Ağdam", "az", "ru", "Агдам"),
    ("Qubadlı", "az", "ru", "Губадлы"),
    ("Gəncə", "az", "ru", "Гянджа"),
    ("Stepanakert", "en", "ru", "Степанакерт"),
    # Cyrillic to Latin
    ("Ходжалы", "ru", "en", "Khojaly"),
    ("Кельбаджар", "ru", "de", "Kelbadschar"),
    ("Нахичевань", "ru", "de", "Nachitschewan"),
    ("Ереван", "ru", "en", "Yerevan"),
    ("Ереван", "ru", "fr", "Erevan"),
    ("Ждановск", "ru", "de", "Schdanowsk"),
    ("Сюник", "ru", "en", "Syunik"),
    # Armenian script to Latin and Cyrillic
    ("Ստեփանակերտ", "hy", "en", "Stepanakert"),
    ("Ստեփանակերտ", "hy", "ru", "Степанակерт".replace("ակ", "ак")),
    ("Երևան", "hy", "en", "Yerevan"),
    ("Երևան", "hy", "de", "Jerewan"),
    ("Շուշի", "hy", "fr", "Chouchi"),
    ("Շուշի", "hy", "de", "Schuschi"),
    ("Մարտունի", "hy", "fr", "Martouni"),
    ("Արցախ", "hy", "en", "Artsakh"),
    ("Արցախ", "hy", "de", "Arzach"),
    ("Արցախ", "hy", "es", "Artsaj"),
    ("Բերձոր", "hy", "de", "Berdsor"),
    ("Վարդենիս", "hy", "de", "Wardenis"),
    # Latin to Armenian script, best effort
    ("Stepanakert", "en", "hy", "Ստեփանակերտ"),
    ("Shusha", "en", "hy", "Շուշա"),
    ("Yerevan", "en", "hy", "Երևան"),
    ("Martuni", "en", "hy", "Մարտունի"),
    # Between Latin orthographies
    ("Schuschi", "de", "en", "Shushi"),
    ("Latchine", "fr", "en", "Lachin"),
    ("Khojaly", "en", "fr", "Khodjaly"),
])
def test_transliterate_gives_the_press_spelling(name, src, tgt, expected):
    assert transliterate(name, src, tgt) == expected


def test_transliterate_keeps_words_case_and_punctuation():
    assert transliterate("Nagorno-Karabakh", "en", "ru") == "Нагорно-Карабах"
    assert transliterate("ŞUŞA", "az", "de") == "SCHUSCHA"
    assert transliterate("Şuşa", "az", "az") == "Şuşa"
    assert transliterate("", "az", "de") == ""


def test_a_language_without_a_writer_gets_plain_latin():
    assert transliterate("Xankəndi", "az", "it") == "Khankandi"
    assert transliterate("Xankəndi", "az", "ka") == "Xankendi"


@pytest.mark.parametrize("spelling, lang, expected", [
    ("Şuşa", "az", {"Shusha"}),
    ("Xocalı", "az", {"Khojaly", "Khodjaly", "Khojali", "Hocalı"}),
    # Kәlbәcәr with the Cyrillic ә is no variant any more: folding reads ә as ə (toponyms/fold.py).
    ("Kəlbəcər", "az", {"Kelbajar", "Kalbajar"}),
    ("Xankəndi", "az", {"Khankendi", "Hankendi", "Khankandi"}),
    ("Khojaly", "en", {"Khojali", "Hojaly", "Khodjaly", "Xocalı"}),
    ("Aghdam", "en", {"Agdam"}),
    ("Latchine", "fr", {"Latchin", "Lachin"}),
    ("Kelbadschar", "de", {"Kelbajar", "Kalbadschar"}),
    ("Schuscha", "de", {"Shusha", "Şuşa"}),
    ("Jabrayil", "es", {"Yabrayil"}),
    # Spanish dy for the affricate between vowels (Jodyalí, as es.wikipedia writes Khojaly).
    ("Jojalí", "es", {"Jodyalí"}),
    ("Jóyali", "es", {"Jódyali"}),
    ("Гянджа", "ru", {"Генджа"}),
    ("Ходжалы", "ru", {"Ходжали"}),
    ("Джебраил", "ru", {"Джабраил"}),
    ("Эривань", "ru", {"Еривань"}),
    # я for е after к or г inside a name too, as Azerbaijan's Russian-language press writes (Report: Шушакянд)
    ("Шушакенд", "ru", {"Шушакянд"}),
    # Armenian աղբյուր ("spring") as Armenian says it: Неркин Кармирахпюр (PanArmenian.Net)
    ("Неркин Кармирахбюр", "ru", {"Неркин Кармирахпюр"}),
    # French ï for y between vowels too: "les régions d'Ararat, Guegharkounik, Vaiots Dzor et Tavouch"
    ("Vayots Dzor", "fr", {"Vaïots Dzor"}),
    ("Երևան", "hy", {"Երեւան"}),
    ("Սյունիք", "hy", {"Սիւնիք"}),
    # Classical orthography: ւ for v after a vowel, before a vowel too (diaspora press: Տաւուշ).
    ("Ստեփանավան", "hy", {"Ստեփանաւան"}),
    ("Տավուշ", "hy", {"Տաւուշ"}),
    ("Ավետարանոց", "hy", {"Աւետարանոց"}),
    ("Շահումյան", "hy", {"Շահումեան"}),
])
def test_variants_give_the_spellings_the_press_prints(spelling, lang, expected):
    assert expected <= variants(spelling, lang)


def test_variants_are_bounded_and_new_on_every_gazetteer_spelling():
    for entity in load().entities:
        for form in entity.forms:
            for lang, spellings in form.names.items():
                for spelling in spellings:
                    derived = variants(spelling, lang)
                    assert len(derived) <= MAX_VARIANTS
                    keys = [fold_key(v) for v in derived]
                    assert fold_key(spelling) not in keys, (spelling, lang)
                    assert len(set(keys)) == len(keys), (spelling, lang)


def test_no_variant_is_a_common_word():
    # "Chucha" is listed by hand in the gazetteer, but it is a vulgar word in
    # Latin American Spanish: no rule adds it on its own.
    assert "Chuchá" not in variants("Shushá", "es")
    assert not variants("", "en")


def _bench():
    spec = importlib.util.spec_from_file_location("bench_translit", ROOT / "bench" / "bench_translit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rates_on_the_gazetteer_stay_above_their_floor():
    result = _bench().measure(load())
    pairs = result["pairs"]

    def folded(src, tgt):
        compared, _, hits = pairs[(src, tgt)]
        return hits / compared

    # Floors only where the rate is solid: a few points under what is measured on
    # the built-in gazetteer and on it with the ~140 places added since (0.83-0.89
    # for these pairs); pairs into Azerbaijani or Armenian guess at ə, q and the
    # aspirates, and stay near 0.5-0.6, too low to promise anything.
    # hy -> en sits lower since ~150 villages of the 2020 lists came in this session: their Armenian
    # spellings render the Azerbaijani name letter by letter (Յուխարը Այբասանլու), and Armenian has no
    # ı/i or ə/a distinction to give back the English press's Yukhari Aybasanli (measured 0.748).
    assert folded("hy", "en") >= 0.73
    # ru -> en sits lower since the small villages of the 2020 recapture lists came in with the
    # Russian of Baku's press (Гасангайды, Гочахмедли: г for h, е for ə), which no rule from
    # Russian gives back as the English press's Hasangaydi, Gochahmadli (measured 0.742; 0.719 with
    # the villages az5 added).
    assert folded("ru", "en") >= 0.70
    assert folded("fr", "en") >= 0.78
    assert folded("az", "en") >= 0.72
    assert folded("az", "tr") >= 0.75
    assert folded("en", "fr") >= 0.72
    listed = sum(row[0] for row in result["recovered"].values())
    given = sum(row[1] + row[2] for row in result["recovered"].values())
    assert given / listed >= 0.55
    for src in ("hy", "ru"):
        n, hits = result["across"][(src, "en")]
        assert hits / n >= 0.55
    # Places whose names differ by a vowel or an aspirate: the rule's variant of one is the other's
    # listed spelling, which the matcher then gives to that one alone (listed beats derived), as the
    # press of that language means it. Reviewed pairs: Чиракли and Чёрекли (chiragli, hatsi);
    # Qarxulu and Qarqulu, which the Turkish press prints Karkulu (karkhulu, gargulu); Artashat's
    # old Azerbaijani name Qəmərli and the Gazakh village Kəmərli (artashat, kamarli_gazakh); the
    # Tavush village Хаштарак and the town Аштарак, which Russian pages each print as listed
    # (khashtarak, ashtarak); the Zangilan village Keçikli and the Agdam village Kiçikli, Кечикли and
    # Кичикли in Russian (kechikli, kichikli).
    reviewed = {("chiragli", "hatsi"), ("karkhulu", "gargulu"), ("artashat", "kamarli_gazakh"),
                ("kamarli_gazakh", "artashat"), ("ashtarak", "khashtarak"), ("khashtarak", "ashtarak"),
                ("kechikli", "kichikli"), ("kichikli", "kechikli")}
    assert not [risk for risk in result["risks"] if (risk[0], risk[4]) not in reviewed]
    # and well above the plain-Latin fallback the project had, into every language
    for tgt in ("en", "az", "hy", "ru", "tr", "fr", "de", "es"):
        n = sum(row[0] for (_, t), row in pairs.items() if t == tgt)
        hits = sum(row[2] for (_, t), row in pairs.items() if t == tgt)
        base_n, base_hits = result["baseline"][tgt]
        assert hits / n >= base_hits / base_n + 0.10, tgt


def test_import_is_cheap():
    code = "import sys, toponyms.translit; print(sorted(m for m in ('yaml', 'unidecode', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT)}).stdout
    assert out.strip() == "[]"


def test_only_the_name_in_a_phrase_changes():
    assert transliterate("Lachin District", "en", "de") == "Latschin District"
    assert transliterate("district de Latchine", "fr", "en") == "district de Lachin"
    assert all(v.startswith("district de ") for v in variants("district de Latchine", "fr"))
    assert all(v.endswith(" District") for v in variants("Lachin District", "en"))
    assert "Nagorno-Karabagh" in variants("Nagorno-Karabakh", "en")


@pytest.mark.skipif(shutil.which("lt-proc") is None, reason="needs apt-get install apertium")
def test_no_derived_variant_is_an_ordinary_english_spanish_or_french_word():
    # Apertium's analysers know these languages' words; before the stop-list
    # grew, they found Charter (from Chartar), Tug (from Tugh), Ares (from Aras).
    assert _bench().dictionary_words(load()) == {"en": [], "es": [], "fr": []}


def test_across_scripts_every_word_is_in_the_new_script():
    # A generic word left in Latin inside Cyrillic text would be another script's spelling (issue 11).
    assert transliterate("Hin Shen", "en", "ru") == "Хин Шен"
    assert all(not ch.isascii() or not ch.isalpha() for ch in transliterate("Upper Karabakh", "en", "ru"))


@pytest.mark.parametrize("spelling, lang, word", [
    ("Kut", "en", "Gut"), ("Tegh", "tr", "Tek"), ("Berd", "en", "Bard"), ("Sevan", "en", "Seven"),
])
def test_short_names_get_no_variant_that_is_a_word(spelling, lang, word):
    # Found by the bench's dictionary and dev-sentence checks on places gaz1 and gaz2 added.
    assert word not in variants(spelling, lang)


def test_turkic_dotted_capital_i():
    assert transliterate("İrəvan", "az", "en") == "Iravan"
    assert transliterate("Irevan", "en", "az") == "İrevan"
    assert transliterate("İSTİQLAL", "az", "de") == "ISTIGLAL"
    assert "İrəvan" not in variants("İrəvan", "az")  # never the spelling itself, decomposed
    assert all("\u0307" not in v for v in variants("İran", "tr") | variants("IĞDIR", "tr"))


def test_armenian_trill_and_tap_before_n_are_both_spelt():
    from toponyms.translit import variants

    assert "Կորնիձոր" in variants("Կոռնիձոր", "hy")
    assert "Մռնավան" in variants("Մրնավան", "hy")


def test_no_variant_is_a_common_word_of_another_language():
    # A derived key matches in text of any language: French rules give Kabala for Gabala, and
    # Turkish kabala, German Kabale (intrigue) are words.
    for spelling, lang in (("Gabala", "fr"), ("Gabala", "en"), ("Qəbələ", "az"), ("Kebele", "tr")):
        assert not {"Kabala", "Kabale"} & variants(spelling, lang)



@pytest.mark.parametrize("spelling, lang, expected", [
    # Turkish writes a final d, and a d before a consonant, as t (timeturk.com: Caferabat, Mahmutlu).
    ("Caferabad", "tr", {"Caferabat"}),
    ("Mahmudlu", "tr", {"Mahmutlu"}),
    # The double l of -lı after an l is typed once (news24.az: Qaracalı kəndi).
    ("Qaracallı", "az", {"Qaracalı"}),
    # AZERTAG's German copy keeps ə and ı as ä and i (Böyük Märdschanli, Dschäbrayil).
    ("Böyük Mərcanlı", "de", {"Böyük Märdschanli"}),
    ("Cəbrayıl", "de", {"Dschäbrayil"}),
])
def test_variants_the_dev_pages_print(spelling, lang, expected):
    assert expected <= variants(spelling, lang)


def test_a_letter_is_written_one_way_in_every_word_of_a_name():
    # news.az prints "Yukhari Abdulrahmanli of Fizuli district": ı as i in both words, as a paper
    # writes it, and Russian-style English writes y in both; the mixed spellings are no likelier.
    found = variants("Yuxarı Əbdülrəhmanlı", "az")
    assert {"Yukhari Abdulrahmanli", "Yukhary Abdulrahmanly"} <= found


def test_a_first_letter_is_not_changed_in_every_word_at_once():
    # A word's first sound is its own: Russian may write Хиран for Иран, never every word with х.
    assert not [v for v in variants("Исламская Республика Иран", "ru") if v.count("Х") > 1]


def test_german_keeping_the_azerbaijani_letters():
    from toponyms.translit import german_keeping_letters

    assert [german_keeping_letters(n) for n in ("Cəbrayıl", "Zəngilan", "Füzuli", "Təzəbinə", "Şuşa")] == [
        "Dschäbrayil", "Sängilan", "Füsuli", "Täsäbinä", "Schuscha"]


def test_french_keeping_the_azerbaijani_schwa():
    # AZERTAC's French service writes ə as é (open syllable) or e: Guébélé, Berdé, Aghdjabédi.
    from toponyms.translit import french_keeping_letters

    assert [french_keeping_letters(n) for n in ("Qəbələ", "Bərdə", "Ağcabədi", "Zəngilan", "Şuşa")] == [
        "Guébélé", "Berdé", "Aghdjabédi", "Zenguilan", "Choucha"]


def test_the_agencys_french_spellings_are_found():
    from toponyms.gazetteer import load
    from toponyms.match import Matcher

    found = Matcher(load()).find("Guébélé, Berdé et Aghdjabédi ont été visées.", lang="fr")
    assert [(m.surface, m.entity_id) for m in found] == [
        ("Guébélé", "gabala"), ("Berdé", "barda"), ("Aghdjabédi", "aghjabadi")]


def test_a_spelling_in_another_orthography_is_not_read_by_this_languages_letters():
    # German reads c as k: Böyük Mərcanlı listed for German is Azerbaijani, no Mırkanlı.
    assert not [v for v in variants("Böyük Mərcanlı", "de") if "rk" in v.lower()]


@pytest.mark.parametrize("spelling, lang, word", [
    ("Charektar", "en", "Charakter"),   # German word list (wngerman)
    ("Beylagan", "de", "Beilagen"),
    ("Varanda", "en", "Veranda"),       # en_US Hunspell, wngerman, pymorphy3
    ("Варанда", "ru", "Веранда"),
    ("Чартар", "ru", "Чартер"),         # a charter flight
    ("Акера", "ru", "Хакера"),          # a hacker's
    ("Qazax", "az", "Kazak"),           # Turkish for a Kazakh, and a sweater
    ("Drakhtik", "az", "Drahtig"),
    ("Umudlu", "tr", "Umutlu"),         # Turkish Hunspell: hopeful
    ("Xocalı", "az", "Kocalı"),         # married (of a woman)
    ("Amaras", "en", "Ameres"),         # French amères (wfrench)
])
def test_no_variant_is_a_word_the_dictionaries_know(spelling, lang, word):
    assert fold_key(word) not in {fold_key(v) for v in variants(spelling, lang)}

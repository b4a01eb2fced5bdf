"""Place names that are ordinary words of a language (`guards.ordinary_word_in`).

In text of that language the word is never the place in small letters, and opening a sentence
(or anywhere, in German) only with evidence: a word for a village, town, district or river
beside it, "the name" after it (Baharlı adı), or, in German, a preposition of place before it.
"""

import json

import pytest


def named(matcher, text, lang, surface):
    """The mentions whose surface is `surface`, as (surface, entity id)."""
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang) if m.surface == surface]


@pytest.mark.parametrize("lang, text, surface, entity", [
    # Russian "тех" (those), "тога" (a toga, also a case of Тог), "куры" (hens, also a case of Кура).
    ("ru", "Тех, кто выехал из Нагорного Карабаха, направляют в регистрационные центры.", "Тех", None),
    ("ru", "Мы были в селе. Тех, кто уехал, не пустили.", "Тех", None),  # the word for a village is the last sentence's
    ("ru", "Около 50 жителей села Тех лишены доступа к своим полям.", "Тех", "tegh"),
    ("ru", "Тех — последнее село на трассе Горис-Степанакерт.", "Тех", "tegh"),
    ("ru", "Тога и плащ лежали в сундуке.", "Тога", None),
    ("ru", "Куры и утки погибли при обстреле.", "Куры", None),
    ("ru", "Правый приток Куры берёт начало в Турции.", "Куры", "kura"),
    # Azerbaijani and Turkish adjectives and nouns that are villages' new names.
    ("az", "Çörəkli süfrə qonaqlar üçün açılıb.", "Çörəkli", None),
    ("az", "Çörəkli kəndi işğaldan azad edilib.", "Çörəkli", "hatsi"),
    ("az", "Baharlı plov süfrəyə gətirildi.", "Baharlı", None),
    ("az", "Baharlı adı ölkə Prezidentinin təşəbbüsü ilə verilib.", "Baharlı", "moshkhmhat"),
    ("az", "Cütçü tarlanı payızda şumlayır.", "Cütçü", None),
    ("az", "Kəndlər arasında Düdükçü, Çörəkli və Cütcü var.", "Cütcü", "machkalashen"),
    ("tr", "Düdükçü düğünde bütün gece çaldı.", "Düdükçü", None),
    ("tr", "Düdükçü köyü işgalden kurtarıldı.", "Düdükçü", "dudukchu"),
    ("tr", "Gözlü adam kapıda bekliyordu.", "Gözlü", None),
    ("tr", "Çıldıran kalabalık meydana koştu.", "Çıldıran", None),
    # Words found by bench/bench_ordinary_words.py with a wordfreq Zipf frequency of 3.5 and more.
    ("tr", "Görüş ayrılığı sürüyor.", "Görüş", None),
    ("tr", "Gorus kentinde toplantı yapıldı.", "Gorus", "goris"),  # the press's spelling of Goris is no word
    ("tr", "Bina çöktü, iki kişi yaralandı.", "Bina", None),
    ("az", "Bina qəsəbəsində yanğın olub.", "Bina qəsəbəsində", "bina"),
    ("tr", "Korkan vatandaşlar evlerini terk etti.", "Korkan", None),
    ("es", "Sos un genio, le dijo.", "Sos", None),
    ("en", "Tug boats arrived at the port.", "Tug", None),
    # Spanish "chucha" in small letters is the word; the town's Spanish spelling keeps its capital.
    ("es", "Le dijo que la chucha estaba afuera.", "chucha", None),
    ("es", "Horas antes hubo ataques contra la ciudad de Chucha.", "Chucha", "shusha"),
    # German capitalises every noun: Wank (a waver) is the village only with a word for it or after "nach".
    ("de", "Er stand ohne Wank zu seinem Wort.", "Wank", None),
    ("de", "Valentina Asrjan aus dem Dorf Wank konnte es nicht glauben.", "Wank", "vank"),
    ("de", "Sie kehrte nach Wank zurück.", "Wank", "vank"),
    # Armenian Ահ ("ah", and ահ "fear") is no ԱՀ (the Artsakh Republic): the capitals tell the abbreviation.
    ("hy", "Ահ, այդ օրերը երբեք չեմ մոռանա։", "Ահ", None),
    ("hy", "Ահը պատել էր գյուղացիներին։", "Ահը", None),
    ("hy", "ԱՀ նախագահը հրամանագիր է ստորագրել։", "ԱՀ", "nagorno_karabakh"),
    ("hy", "Հոդվածը գրել է ԱՀ վաստակավոր իրավաբանը։", "ԱՀ", "nagorno_karabakh"),
])
def test_an_ordinary_word_is_the_place_only_with_evidence(matcher, lang, text, surface, entity):
    expected = [(surface, entity)] if entity else []
    assert named(matcher, text, lang, surface) == expected
    # the same in a long text, which the matcher settles another way
    assert named(matcher, (text + "\n") * 300, lang, surface) == expected * 300


def test_the_guard_holds_in_its_language_only(matcher):
    """Turkish "düdükçü" is a whistle player: opening an English sentence the name is the village
    (English has no such word), and Spanish "chucha" in small letters is a word only in Spanish."""
    assert named(matcher, "Düdükçü is a village in Khojavend.", "en", "Düdükçü") == [("Düdükçü", "dudukchu")]
    assert named(matcher, "Düdükçü düğünde çaldı.", "tr", "Düdükçü") == []
    assert named(matcher, "shelling hit chucha overnight", "en", "chucha") == [("chucha", "shusha")]


def test_the_guard_is_data(gazetteer):
    guards = gazetteer.get("tegh").guards
    assert ("ru", "тех") in guards.ordinary_word_in
    assert guards.ordinary_word == frozenset({"hy"})  # the older guard, for every inflected form, stays


def test_validate_reports_a_bad_ordinary_word_in(invalid):
    output = invalid("""\
        users: {g: everyone}
        entities:
          - id: a
            kind: town
            guards:
              ordinary_word_in: [Aaa]
            forms:
              - {form: a, used_by: [g], names: {en: [Aaa]}}
          - id: b
            kind: town
            guards:
              ordinary_word_in: {xx: [Bbb], en: [two words]}
            forms:
              - {form: b, used_by: [g], names: {en: [Bbb]}}
        """)
    assert "`guards.ordinary_word_in` must map a language code" in output
    assert "`guards.ordinary_word_in.xx` must be a list of single words" in output
    assert "`guards.ordinary_word_in.en` must be a list of single words" in output


def test_find_through_the_cli(run):
    text = "Тех, кто уехал, поселили в Горисе.\nЖители села Тех лишены доступа к полям.\n"
    result = run("find", "-", "--lang", "ru", "--json", input=text)
    assert result.exit_code == 0, result.output
    found = [(m["surface"], m["id"]) for m in map(json.loads, result.stdout.splitlines())]
    assert found == [("Горисе", "goris"), ("Тех", "tegh")]

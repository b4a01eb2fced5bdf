"""How each mention matched (`match`, `confidence`), derived spellings, and --fuzzy for typos."""

import json

import pytest

from toponyms.gazetteer import LANGUAGES
from toponyms.match import CONFIDENCE


def mentions(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("text, surface, how", [
    ("Shelling hit Stepanakert.", "Stepanakert", "exact"),
    ("SHELLING HIT STEPANAKERT.", "STEPANAKERT", "folded"),
    ("Qoşunlar Suqovusana girdi.", "Suqovusana", "inflected"),
    ("Обстрелы в Степанакерте.", "Степанакерте", "inflected"),
    ("Ստեփանակերտում լույս չկա։", "Ստեփանակերտում", "inflected"),
    ("Ordu Hankendi'ye ilerledi.", "Hankendi'ye", "inflected"),
    ("Die Lage Bergkarabachs bleibt ernst, sagte der Minister.", "Bergkarabachs", "inflected"),
])
def test_each_mention_says_how_it_matched(run, text, surface, how):
    [m] = [m for m in mentions(run("find", "-", "--json", input=text)) if m["kind"] != "country"]
    assert (m["surface"], m["match"], m["confidence"]) == (surface, how, CONFIDENCE[how])


@pytest.mark.parametrize("text, lang, surface, spelling_lang", [
    ("Ermeni güçleri Hocalı'dan çekildi.", "tr", "Hocalı", "tr"),
    ("Les réfugiés ont quitté l'Arménie hier.", "fr", "Arménie", "fr"),
    ("Erdoğan Karabağ zaferini kutladı.", "tr", "Karabağ", "tr"),
])
def test_a_listed_spelling_is_an_exact_match_of_its_own_language(matcher, text, lang, surface, spelling_lang):
    # The same letters may also be a rule's transliteration of another language's name (Turkish
    # Hocalı from Azerbaijani Xocalı): the listed spelling is what the text printed.
    hit = next(m for m in matcher.find(text, lang=lang) if m.surface.startswith(surface))
    assert (hit.match, hit.lang, hit.how) == ("exact" if hit.surface == surface else "inflected", spelling_lang, "")


@pytest.mark.parametrize("text, lang, expected", [
    ("Che, vos sos mi amigo.", "es", []),                          # Şoş in small letters: a word
    ("They sent an SOS to the coast guard.", "en", []),             # Sos in capitals: an abbreviation
    ("SOS Méditerranée a sauvé 80 personnes.", "fr", []),
    ("Sos village near Martuni was shelled.", "en", [("Sos", "sos"), ("Martuni", "khojavend")]),
    ("Шоша и Сос остались без света.", "ru", [("Шоша", "shosh"), ("Сос", "sos")]),
    ("ԼՂՀ-ից և ՀՀ-ից եկան։", "hy", [("ԼՂՀ-ից", "nagorno_karabakh"), ("ՀՀ-ից", "armenia")]),  # listed in capitals
])
def test_short_names_only_capitalised_and_not_in_capitals(matcher, text, lang, expected):
    assert [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)] == expected
    # the same on a long text, which numpy settles
    assert [(m.surface, m.entity_id) for m in matcher.find((text + "\n") * 300, lang=lang)] == expected * 300


def test_lower_case_lowers_confidence(matcher):
    [m] = matcher.find("shelling hit stepanakert")
    assert m.match == "folded" and m.confidence == round(CONFIDENCE["folded"] * 0.8, 2)


def test_derived_spellings_are_transliterated(matcher, place):
    """German and French press spellings that the gazetteer does not list, derived by toponyms.translit."""
    text = "Les réfugiés de Khodzhali et d'Askaran."
    found = [(m.surface, m.entity_id, m.match, m.confidence) for m in matcher.find(text)]
    assert found == [("Khodzhali", place("Khojaly"), "transliterated", CONFIDENCE["transliterated"]),
                     ("Askaran", place("Askeran"), "transliterated", CONFIDENCE["transliterated"])]


@pytest.mark.parametrize("text, lang, surface, english", [
    # Where the gazetteer lists only the English spelling for German, French or Spanish, the
    # press's own rendering of it is derived (z -> s, g -> gu before i, ou for u, sch for sh).
    ("Die Kirche von Madagis wurde 2020 beschossen.", "de", "Madagis", "Madagiz"),
    ("L'église de Madaguiz a été touchée.", "fr", "Madaguiz", "Madagiz"),
    ("La iglesia de Madaguiz fue alcanzada.", "es", "Madaguiz", "Madagiz"),
])
def test_press_renderings_of_english_spellings(matcher, place, text, lang, surface, english):
    [m] = matcher.find(text, lang=lang)
    assert (m.surface, m.entity_id, m.match) == (surface, place(english), "transliterated")


@pytest.mark.parametrize("text, lang, surface, english", [
    # Spellings of several words are varied too, word by word (AZERTAG's German keeps ä).
    ("Im Dorf Böyük Märdschanli wurden die Gräber verwüstet.", "de", "Böyük Märdschanli", "Boyuk Marjanli"),
    ("Askerler Caferabat köyüne bayrak dikti.", "tr", "Caferabat", "Jafarabad"),
    ("Ordu Qaracalı kəndinə daxil olub.", "az", "Qaracalı", "Garajalli"),
    # Azerbaijan's Russian-language press writes the Azerbaijani spelling letter for letter.
    ("Над селом Шюкюрбейли подняли флаг.", "ru", "Шюкюрбейли", "Shukurbayli"),
    # A letter written one way in every word of the name (news.az: ı as i in both).
    ("The army took the village of Yukhari Abdulrahmanli on Tuesday.", "en", "Yukhari Abdulrahmanli",
     "Yukhari Abdurrahmanli"),
    # A phrase with the place's own name in it, spelt as the name is (allinnet.info).
    ("Armenians once lived across the Nakhichevan Autonomous Republic.", "en",
     "Nakhichevan Autonomous Republic", "Nakhchivan"),
])
def test_spellings_the_rules_give_from_the_dev_pages(matcher, place, text, lang, surface, english):
    [m] = [m for m in matcher.find(text, lang=lang) if m.kind != "country"]
    assert (m.surface, m.entity_id, m.match) == (surface, place(english), "transliterated")


@pytest.mark.parametrize("text, surface, english", [
    # BGN/PCGN of the Russian spelling, the prime typed three ways (atlases, gazetteers).
    ("Refugees from Kel’badzhar reached Yerevan in April 1993.", "Kel’badzhar", "Kalbajar"),
    ("Refugees from Kel'badzhar reached Yerevan in April 1993.", "Kel'badzhar", "Kalbajar"),
    # Western Armenian, as the diaspora press spells the Armenian name.
    ("The diaspora weekly sent a reporter to Sdepanagerd in 1992.", "Sdepanagerd", "Stepanakert"),
    ("Fighting was reported near Mardagerd, the weekly wrote.", "Mardagerd", "Martakert"),
    # Hübschmann-Meillet, as the Revue des études arméniennes prints it.
    ("The inscription was found near Stepʻanakert in 1978.", "Stepʻanakert", "Stepanakert"),
])
def test_romanisations_of_armenian_and_russian_spellings(matcher, place, text, surface, english):
    [m] = [m for m in matcher.find(text, lang="en") if m.surface == surface]
    assert (m.surface, m.entity_id, m.match) == (surface, place(english), "transliterated")


def test_no_western_armenian_reading_of_an_azerbaijani_name(matcher):
    # Şükürbəyli's Armenian spelling is a rendering: nobody reads it back as Choukurpeyli.
    assert matcher.find("Le village de Choukurpeyli a été repris.", lang="fr") == []


@pytest.mark.parametrize("text, lang", [
    ("Sein Charakter hat sich im Krieg nicht verändert.", "de"),
    ("Die Beilagen der Zeitung kamen nicht mehr an.", "de"),
    ("The veranda of the house was hit.", "en"),
    ("Чартер из Еревана вылетел с опозданием.", "ru"),
    ("Следователи установили личность хакера.", "ru"),
    ("Kazak asıllı gazeteci Bakü'ye gitti.", "tr"),
    # Words of the Debian and Hunspell word lists that rules made from names (bench_derived_words.py).
    ("Die Korken knallten, als die Jagden im Herbst begannen.", "de"),
    ("Im Kerker saßen sie zwischen Aschen und Scherben.", "de"),
    ("Kitchen staff and a Shaky ceasefire made the headlines.", "en"),
    ("Armes et munitions ont été saisies.", "fr"),
    ("Armas y municiones llegaron en un Gabán gris.", "es"),
    ("Tesir altında kalan köylüler konuştu.", "tr"),
])
def test_a_derived_spelling_is_never_an_ordinary_word(matcher, text, lang):
    assert [m for m in matcher.find(text, lang=lang) if m.match == "transliterated"] == []


def test_countries_and_words_get_no_rendering_of_their_english_name(matcher):
    assert matcher.find("Tourkey et Roussia.", lang="fr") == []
    # French "ou" for the u of Tugh would be the English word.
    assert [m.surface for m in matcher.find("Tough times, they said.", lang="en")] == []


def test_derived_spellings_need_a_capital(matcher):
    hits = [m for m in matcher.find("Khodzhali, Askaran.") if m.match == "transliterated"]
    lower = "khodzhali, askaran."
    assert hits and not [m for m in matcher.find(lower) if m.match == "transliterated"]


@pytest.mark.parametrize("text, surface", [
    ("Shelling hit Stepanakret on Sunday.", "Stepanakret"),     # two letters swapped
    ("Shelling hit Stepnakert on Sunday.", "Stepnakert"),       # a letter dropped
    ("Shelling hit Stepanakerrt on Sunday.", "Stepanakerrt"),   # a letter added
    ("Qoşunlar Suqovuşam kəndinə girdi.", "Suqovuşam"),         # a letter changed
    ("Die Hauptstadt Stepanarkert liegt im Tal.", "Stepanarkert"),  # a letter added, German text
    ("Llegaron a Kordnidzor de madrugada.", "Kordnidzor"),     # Spanish text
    ("La masacre de Khjoaly se recuerda cada febrero.", "Khjoaly"),  # seven letters: a swap only
])
def test_fuzzy_finds_one_edit_in_long_names(run, matcher, text, surface):
    assert surface not in [m.surface for m in matcher.find(text)]  # off by default
    found = [m for m in mentions(run("find", "-", "--json", "--fuzzy", input=text)) if m["kind"] != "country"]
    assert [(m["surface"], m["match"], m["confidence"]) for m in found] == [
        (surface, "approximate", CONFIDENCE["approximate"])]


@pytest.mark.parametrize("text", [
    "Armenian and Azerbaijani officials met.",    # a name plus letters is another word
    "He said Shusha Armenians, Armenien, left.",  # exact names stay exact
    "Futbolçu Laçın Məmmədov qol vurdu.",          # a name the context turned down is no typo
    "Shelling hit Ganja and Agdam.",               # short names get no approximate matches
    "the stepanakret road",                        # nor lower-case words
    "Stepanakret was shelled on Sunday.",          # nor a sentence's first word (Konuşan, Karvan)
    "Sie sagte: «Stepanakret ist weit.»",          # nor the first word of a quotation
    "Meclis Başkanı Ali Yılmaz konuştu.",           # nor a title (a person cue)
    "Die Stadt liegt im von Armeniern besetzten Gebiet.",   # nor a demonym's case form
    "Etwa 40 Menschen kamen am Sonntag an.",        # nor one edit from a derived guess (Mezschen)
    "Gemi Marmara Denizi'nde bekliyor.",             # nor a seven-letter word with a letter changed
    "He ordered a Martini at the hotel bar.",        # (Margara, Martuni: the en_US word list)
    "Die Scheibe des Busses war zerbrochen.",        # nor one with a letter dropped (Scheibei)
])
def test_fuzzy_adds_no_false_hits(matcher, text):
    assert [m for m in matcher.find(text, fuzzy=True) if m.match == "approximate"] == []


def test_fuzzy_on_large_texts(matcher):
    text = "\n".join(["Shelling hit Stepanakret on Sunday.", "Xankəndidə və Şuşada.", "Armenian officials."] * 300)
    fast = matcher.find(text, fuzzy=True)
    assert fast == matcher.find(text, langs=LANGUAGES, fuzzy=True)
    assert sum(m.match == "approximate" for m in fast) == 300


@pytest.mark.parametrize("text, surface, entity", [
    # A list that a word for districts closes: the typo is read as the names beside it are.
    ("The army liberated villages in Fuzuli, Jabrayil, Khjavand and Zangilan districts.", "Khjavand",
     "khojavend_district"),
    ("Ordu Füzuli, Cebrail ve Zenglian bölgelerinde ilerledi.", "Zenglian", "zangilan_district"),
    # With no such word the town stays the town.
    ("Shelling hit Stepanakret and Khjavand on Sunday.", "Khjavand", "khojavend"),
])
def test_fuzzy_names_are_read_by_their_context(matcher, text, surface, entity):
    [m] = [m for m in matcher.find(text, fuzzy=True) if m.surface == surface]
    assert (m.entity_id, m.match) == (entity, "approximate")

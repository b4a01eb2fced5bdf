"""How names change in running text, per language, over folded strings.

Two mechanisms, chosen by how the language inflects:

- Russian (and Ukrainian) change the end of every word of a name, and the words
  agree: ``Нагорный Карабах`` is ``Нагорного Карабаха`` in the genitive. The
  matcher gets every case form as a pattern of its own (`case_forms`).
- Azerbaijani, Turkish, Armenian and German add suffixes to an unchanged name:
  ``Xankəndi`` + ``də``, ``Karabağ'`` + ``da``, ``Ստեփանակերտ`` + ``ում``,
  ``Bergkarabach`` + ``s``. The matcher finds the name and accepts the letters
  glued to it only if they are a chain of that language's suffixes
  (`suffix_ok`).

Everything here works on folded text (see `toponyms.fold`): ə is e, ş is s.

>>> sorted(case_forms("шуша"))
['шуша', 'шуше', 'шушей', 'шуши', 'шушой', 'шушою', 'шушу']
>>> "нагорного карабаха" in case_forms("нагорный карабах")
True
>>> suffix_ok("az", "de"), suffix_ok("az", "dakilar"), suffix_ok("en", "de")
(True, True, False)
>>> suffix_ok("tr", "da"), suffix_ok("tr", "da", apostrophe=True)
(False, True)
>>> suffix_ok("hy", "ում"), suffix_ok("hy", "յան")
(True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from .fold import fold, fold_key

# Case order: nominative, genitive, dative, accusative, instrumental, prepositional.
_CASES = 6
_HUSHING_OR_VELAR = set("гкхжшщч")
_INDECLINABLE_ENDINGS = set("оеиыуюэ")
_VOWELS_AND_SIGNS = set("аеёиоуыэюяьъй")

_ADJECTIVE_ENDINGS = {
    "ый": (["ый"], ["ого"], ["ому"], ["ый"], ["ым"], ["ом"]),
    "ий": (["ий"], ["его"], ["ему"], ["ий"], ["им"], ["ем"]),
    # Лачинский: after г, к, х the endings are hard.
    "ий_hard": (["ий"], ["ого"], ["ому"], ["ий"], ["им"], ["ом"]),
    "ой": (["ой"], ["ого"], ["ому"], ["ой"], ["ым", "им"], ["ом"]),
    "ая": (["ая"], ["ой"], ["ой"], ["ую"], ["ой", "ою"], ["ой"]),
    "яя": (["яя"], ["ей"], ["ей"], ["юю"], ["ей"], ["ей"]),
    "ое": (["ое"], ["ого"], ["ому"], ["ое"], ["ым", "им"], ["ом"]),
    "ее": (["ее"], ["его"], ["ему"], ["ее"], ["им"], ["ем"]),
}


# Nouns that take the stressed locative in -у after в/на (в аэропорту, на мосту, в лесу): the head
# nouns of place names (Степанакертский аэропорт, Худаферинский мост).
_SECOND_LOCATIVE = frozenset({"аэропорт", "мост", "лес", "берег", "порт", "сад", "пруд", "луг", "бор"})


# Head nouns that a list of names shares in the plural, each name's adjective in the singular:
# "в Физулинском и Джебраильском районах", "Сюникская и Тавушская области", "Лачинского и
# Зангезурского коридоров". The last adjective with the plural is a case form of its name
# (`case_forms`); the matcher reads the adjectives before it (`plural_head_singulars`).
_PLURAL_HEADS = {
    "район": ("районы", "районов", "районам", "районы", "районами", "районах"),
    "область": ("области", "областей", "областям", "области", "областями", "областях"),
    "коридор": ("коридоры", "коридоров", "коридорам", "коридоры", "коридорами", "коридорах"),
}


# Common adjectives between a name's adjective and its head that go into the plural with the head:
# "Карабахского и Восточно-Зангезурского экономических районов" (vestikavkaza.ru), one economic
# region each. Their plural forms, case by case; `plural_modifier_singulars` maps them back.
_PLURAL_MODIFIERS = {
    "экономический": ("экономические", "экономических", "экономическим", "экономические", "экономическими",
                      "экономических"),
}


def plural_modifier_singulars() -> dict[str, tuple[str, ...]]:
    """Each plural of a word of `_PLURAL_MODIFIERS` -> its singular forms of the same case.

    >>> plural_modifier_singulars()["экономических"]
    ('экономического', 'экономическом')
    """
    singulars: dict[str, dict[str, None]] = {}
    for word, plurals in _PLURAL_MODIFIERS.items():
        for plural, forms in zip(plurals, _russian_word_forms(word)):
            singulars.setdefault(plural, {}).update(dict.fromkeys(forms))
    return {plural: tuple(forms) for plural, forms in singulars.items()}


def plural_head_singulars() -> dict[str, tuple[str, ...]]:
    """Each plural of a head noun in `_PLURAL_HEADS` -> the singular forms of the same case.

    A list of adjectives before the plural takes it in the singular, name by name: "в
    Физулинском и Джебраильском районах" is "в Физулинском районе" and "в Джебраильском районе".

    A plural that is also a singular of another case stands for both: "в Сюникской и
    Гегаркуникской области" shares one singular noun, области, the prepositional of область.

    >>> singulars = plural_head_singulars()
    >>> singulars["районах"], singulars["коридоров"], singulars["области"]
    (('районе',), ('коридора',), ('область', 'области'))
    """
    singulars: dict[str, dict[str, None]] = {}
    for head, plurals in _PLURAL_HEADS.items():
        cases = _russian_word_forms(head)
        every_singular = {form for forms in cases for form in forms}
        for plural, forms in zip(plurals, cases):
            singulars.setdefault(plural, {}).update(dict.fromkeys(forms))
            if plural in every_singular:
                singulars[plural][plural] = None
    return {plural: tuple(forms) for plural, forms in singulars.items()}


def plural_heads() -> tuple[str, ...]:
    """The head nouns of `_PLURAL_HEADS` in the nominative singular: район, область, коридор."""
    return tuple(_PLURAL_HEADS)


def _russian_word_forms(word: str, alone: bool = False) -> list[list[str]]:
    """The forms of one Russian word, case by case (a list per case).

    A name of one word in -ой is a noun (Горанбой, в Горанбое); in a longer name, an adjective
    (контрольно-пропускной пункт).
    """
    if word in _SECOND_LOCATIVE:
        return [[word], [word + "а"], [word + "у"], [word], [word + "ом"], [word + "е", word + "у"]]
    if len(word) > 3 and word[-2:] in _ADJECTIVE_ENDINGS and not (alone and word.endswith("ой")):
        stem, ending = word[:-2], word[-2:]
        if ending == "ий" and stem[-1] in "гкх":
            ending = "ий_hard"
        return [[stem + e for e in endings] for endings in _ADJECTIVE_ENDINGS[ending]]
    last = word[-1]
    stem = word[:-1]
    if not alone and (word in _NEUTER_HEADS_IN_O or (len(word) > 5 and word.endswith("ство"))):
        # The neuter noun in -ство or -о of a longer name (Карабахское ханство, Хаченское княжество,
        # Чёрное озеро): с Карабахским ханством, в Карабахском ханстве, у Чёрного озера. A name of one
        # word in -о is foreign and indeclinable (в Агавно): only the head of a longer name declines.
        return [[stem + e for e in case] for case in (["о"], ["а"], ["у"], ["о"], ["ом"], ["е"])]
    if not alone and len(word) > 4 and word.endswith(("ище", "ие", "ье")):
        # The neuter noun of a longer name (Сарсангское водохранилище, Тертерское ущелье): у
        # Сарсангского водохранилища, в Тертерском ущелье.
        endings = (["е"], ["а"], ["у"], ["е"], ["ем"], ["е"]) if word.endswith("ище") else (
            ["е"], ["я"], ["ю"], ["е"], ["ем"], ["е", "и"])
        return [[stem + e for e in case] for case in endings]
    if alone and len(word) > 5 and last == "ы" and stem[-1] not in _VOWELS_AND_SIGNS:
        # A name in -ы after a consonant reads as a Russian plural, and the press declines it so in
        # the prepositional: "с базы в Ходжалах" (antikor.com.ua) beside the usual "в Ходжалы", "в
        # Закаталах", "в Сальянах", "в Белоканах". The other cases stay as written.
        return [[word]] * (_CASES - 1) + [[word, stem + "ах"]]
    if not last.isalpha() or last in _INDECLINABLE_ENDINGS or len(word) < 3:
        return [[word]] * _CASES
    if last == "а":
        genitive = ["и"] if stem[-1:] in _HUSHING_OR_VELAR else ["ы"]
        if stem.endswith("дж"):
            # дж stands for Azerbaijani c, and Baku's Russian press keeps the hard ы after it against
            # the spelling rule: "обстрела Гянджы" (rossaprimavera.ru, after TASS) beside Гянджи.
            genitive = ["и", "ы"]
        endings = (["а"], genitive, ["е"], ["у"], ["ой", "ою", "ей"], ["е"])
    elif last == "я":
        endings = (["я"], ["и"], ["е", "и"], ["ю"], ["ей", "ею"], ["е", "и"])
    elif last == "ь":
        # Masculine (like Кремль) or feminine (like область): accept both.
        endings = (["ь"], ["я", "и"], ["ю", "и"], ["ь"], ["ем", "ью"], ["е", "и"])
    elif last == "й":
        endings = (["й"], ["я"], ["ю"], ["й"], ["ем"], ["е"])
    else:
        stem = word
        instrumental = ["ем", "ом"] if last in "цжшщч" else ["ом"]
        endings = ([""], ["а"], ["у"], [""], instrumental, ["е"])
        oblique = _FLEETING_VOWEL.get(word)
        if oblique:  # Муровдагский хребет: у Муровдагского хребта, на Муровдагском хребте
            return [[word]] + [[oblique + e for e in case] for case in endings[1:3]] + [[word]] + [
                [oblique + e for e in case] for case in endings[4:]]
    return [[stem + e for e in case] for case in endings]


# Head nouns of place names whose last vowel drops before an ending (хребет, хребта): the stem of
# their other cases. Names of their own keep theirs (Горис, Гориса).
_FLEETING_VOWEL = {"хребет": "хребт", "узел": "узл"}
# Russian neuter nouns in -о that head a longer name and decline (озеро, село); a name of one word in -о
# is foreign and stays as written (в Агавно).
_NEUTER_HEADS_IN_O = frozenset({"озеро", "село"})


def _is_russian_adjective(word: str) -> bool:
    return len(word) > 3 and word[-2:] in _ADJECTIVE_ENDINGS


def _with_invariant_modifiers(words: list[str], per_word: list[list[list[str]]]) -> list[list[list[str]]]:
    """`per_word` where the words before the last that are no Russian adjective may also stay as they are.

    The press declines only the last word of a name borrowed from Armenian or Azerbaijani whose
    first word is a noun or an adjective of that language (Мец Шен, "big village": к Мец Шену, в
    Хин Шене, в Верин Шорже), beside the form that declines both (в Меце Шене, к Мецу Шену). The agreeing forms
    come first: `russian_case_form` writes them.
    """
    last = len(words) - 1
    changed = list(per_word)
    for k, (word, forms) in enumerate(zip(words, per_word)):
        if k < last and not _is_russian_adjective(word) and any(word not in case for case in forms):
            changed[k] = [case if word in case else [*case, word] for case in forms]
    return changed


@lru_cache(maxsize=None)
def case_forms(name: str, fixed: frozenset[int] = frozenset()) -> frozenset[str]:
    """Every case form of a folded Russian name, its words agreeing in case.

    Names ending in a vowel other than а/я are indeclinable in Russian
    (``Баку``, ``Физули``, ``Ходжалы``, ``Ханкенди``) and stay as they are,
    and so do the words at the positions `fixed`: abbreviations (``ССР``,
    see `abbreviations`). Hyphenated words were split by folding; the first
    part of a compound such as ``нагорно`` ends in о and so stays unchanged.

    >>> sorted(case_forms("ханкенди"))
    ['ханкенди']
    >>> sorted(f for f in case_forms("лачинский коридор") if not f.endswith(("ы", "ов", "ам", "ами", "ах")))
    ['лачинский коридор', 'лачинским коридором', 'лачинского коридора', 'лачинском коридоре', 'лачинскому коридору']
    >>> "зангезурского коридоров" in case_forms("зангезурский коридор")  # the last of a list: see _PLURAL_HEADS
    True
    >>> "азербаиджанской сср" in case_forms("азербаиджанская сср", frozenset({1}))
    True
    >>> "степанакертском аэропорту" in case_forms("степанакертский аэропорт")
    True
    >>> "сарсангского водохранилища" in case_forms("сарсангское водохранилище")
    True
    >>> "карабахским ханством" in case_forms("карабахское ханство"), sorted(case_forms("агавно"))
    (True, ['агавно'])
    >>> sorted(case_forms("муровдагский хребет"))[1:3]
    ['муровдагским хребтом', 'муровдагского хребта']
    >>> "джебраильском районах" in case_forms("джебраильский район")
    True
    >>> "восточно зангезурского экономических районов" in case_forms("восточно зангезурский экономический район")
    True
    >>> sorted(case_forms("ходжалы")), sorted(case_forms("сальяны")), sorted(case_forms("шеки"))
    (['ходжалах', 'ходжалы'], ['сальянах', 'сальяны'], ['шеки'])
    >>> sorted(case_forms("горанбой"))
    ['горанбое', 'горанбоем', 'горанбой', 'горанбою', 'горанбоя']
    >>> "мец шену" in case_forms("мец шен"), "мецу шену" in case_forms("мец шен"), "мец шенов" in case_forms("мец шен")
    (True, True, False)
    """
    words = name.split(" ")
    alone = len(words) == 1
    per_word = [[[w]] * _CASES if k in fixed else _russian_word_forms(w, alone) for k, w in enumerate(words)]
    per_word = _with_invariant_modifiers(words, per_word)
    forms = {name}
    for case in range(_CASES):
        for combination in product(*(forms_of_word[case] for forms_of_word in per_word)):
            forms.add(" ".join(combination))
    plural = _PLURAL_HEADS.get(words[-1]) if len(words) > 1 else None
    if plural:
        # The plural head may take a common adjective before it into the plural too (экономических районов).
        per_word_plural = [[[*case, modifier[k]] for k, case in enumerate(forms_of_word)]
                           if (modifier := _PLURAL_MODIFIERS.get(word)) else forms_of_word
                           for word, forms_of_word in zip(words[:-1], per_word[:-1])]
        for case in range(_CASES):
            for combination in product(*(forms_of_word[case] for forms_of_word in per_word_plural)):
                forms.add(" ".join((*combination, plural[case])))
    return frozenset(forms)


def _case_table(name: str) -> list[list[str]]:
    """For each case, the forms of the multi-word `name` (its spelling's case kept)."""
    words = name.split(" ")
    per_word = _with_invariant_modifiers(words, [_russian_word_forms(w) for w in words])
    return [[" ".join(c) for c in product(*(forms[case] for forms in per_word))] for case in range(_CASES)]


def reinflect(surface: str, name: str, new_name: str, lang: str, before: str = "", after: str = "") -> str:
    """Write `new_name` the way `surface` inflects `name`, to put one name in another's place.

    `before` is the text just before the surface: a Russian preposition tells
    the case of a name that does not decline (в Шуши is prepositional).
    `after` is the text just after it: an Armenian article is ն before a word
    that begins with a vowel, whatever the stem ends in (Ստեփանակերտն է).

    >>> reinflect("Степанакерте", "Степанакерт", "Ханкенди", "ru")
    'Ханкенди'
    >>> reinflect("Мадагизе", "Мадагиз", "Суговушан", "ru")
    'Суговушане'
    >>> reinflect("Нагорного Карабаха", "Нагорный Карабах", "Арцах", "ru")
    'Арцаха'
    >>> reinflect("Шушой", "Шуша", "Шуши", "ru"), reinflect("Шуши", "Шуши", "Шуша", "ru", before="бои в ")
    ('Шуши', 'Шуше')
    >>> reinflect("Шуши", "Шуши", "Шуша", "ru", before="войска вошли в ")
    'Шушу'
    >>> reinflect("Xankəndidə", "Xankəndi", "Stepanakert", "az"), reinflect("Xankəndində", "Xankəndi", "Stepanakert", "az")
    ('Stepanakertdə', 'Stepanakertdə')
    >>> reinflect("Şuşanı", "Şuşa", "Şuşi", "az"), reinflect("Şuşaya", "Şuşa", "Şuşi", "az")
    ('Şuşini', 'Şuşiyə')
    >>> reinflect("Karabağ'da", "Karabağ", "Yukarı Karabağ", "tr"), reinflect("Şuşa'yı", "Şuşa", "Şuşi", "tr")
    ("Yukarı Karabağ'da", "Şuşi'yi")
    >>> reinflect("Hankendi'de", "Hankendi", "Stepanakert", "tr")
    "Stepanakert'te"
    >>> reinflect("Ստեփանակերտը", "Ստեփանակերտ", "Խանքենդի", "hy"), reinflect("Ակնայում", "Ակնա", "Աղդամ", "hy")
    ('Խանքենդին', 'Աղդամում')
    >>> reinflect("ԼՂ-ում", "ԼՂ", "Լեռնային Ղարաբաղ", "hy"), reinflect("ՀՀ-ն", "ՀՀ", "ԼՂՀ", "hy")
    ('Լեռնային Ղարաբաղում', 'ԼՂՀ-ն')
    >>> reinflect("Խանքենդին", "Խանքենդի", "Ստեփանակերտ", "hy", after=" էր"), reinflect("Խանքենդին", "Խանքենդի", "Ստեփանակերտ", "hy", after="։")
    ('Ստեփանակերտն', 'Ստեփանակերտը')
    >>> reinflect("Մատաղիսը", "Մատաղիս", "Սուգովուշան", "hy", after=" երկու"), reinflect("Մատաղիսն", "Մատաղիս", "Սուգովուշան", "hy", after=" երկու")
    ('Սուգովուշանը', 'Սուգովուշանն')
    """
    if fold_key(name) == fold_key(new_name) and surface[:len(name)] == new_name:
        return surface  # the same name: its endings are the writer's, right or not
    if lang in CASE_FORM_LANGS:
        return _russian_reinflect(surface, name, new_name, before)
    head = len(name)
    if fold_key(surface[:head]) != fold_key(name):
        return new_name
    suffix = surface[head:]
    if not suffix:
        return new_name
    if lang in ("az", "tr"):
        new_name = _bare_head_like(name, new_name)
        return new_name + _turkic_suffix(suffix, new_name, lang)
    if lang == "hy":
        if suffix[:1] == "-" and sum(ch.isupper() for ch in new_name.split()[-1]) < 2:
            suffix = suffix[1:]  # ԼՂ-ում: the hyphen goes with the abbreviation, not with a name
        # A writer who puts ը before a vowel (Մատաղիսը երկու) does not follow the ն rule: neither do we.
        vowel_next = _ARMENIAN_VOWEL_NEXT.match(after) is not None and not suffix.endswith("ը")
        return new_name + _armenian_suffix(suffix, new_name, vowel_next)
    return new_name + suffix


# Russian prepositions and the case a name after them takes (5: prepositional for в/на, the
# commoner reading in news: "в Шуше", not "в Шушу").
_PREPOSITION_CASE = {
    **dict.fromkeys(("из", "от", "до", "у", "около", "возле", "близ", "вблизи", "для", "без", "после",
                     "вокруг", "из-под", "мимо", "вдоль", "внутри", "вне", "напротив", "посреди", "среди",
                     "против", "вглубь", "севернее", "южнее", "западнее", "восточнее", "северо-западнее",
                     "северо-восточнее", "юго-западнее", "юго-восточнее"), 1),
    **dict.fromkeys(("к", "ко", "по"), 2),
    **dict.fromkeys(("через", "про"), 3),
    **dict.fromkeys(("под", "над", "за", "перед", "между", "с", "со"), 4),
    **dict.fromkeys(("в", "во", "на", "о", "об", "обо", "при"), 5),
}
_LAST_WORD = re.compile(r"(\w+(?:-\w+)?)\s+$")
# Compound prepositions: a preposition and a noun that together govern the genitive of the name
# after them ("в направлении Мартакерта", "в районе Шуши", "со стороны Агдама"). Their last word
# is a noun, not a preposition, so an indeclinable old name (Агдере) would otherwise leave its
# replacement in the nominative, and "со" alone would read as the instrumental.
_COMPOUND_GENITIVE = re.compile(
    r"(?<!\w)(?:в|во|на|со|с|по|из|за)\s+(?:направлении|направлениях|районе|районах|стороны|сторону|сторон|"
    r"территории|территорию|территорией|окрестностях|окрестности|пределах|пределы|черте|окраине|окраинах|"
    r"окраину|пригороде|пригородах|центре|центр|центра|центру|глубь|глубине|тылу|тыл|окружении|"
    r"направление|районы|район|районе|подступах|пути|стенах|стенами|стены|границах|границе)\s+$",
    re.IGNORECASE)
_TWO_WORDS = re.compile(r"(\w+)\s+(\w+)\s+$")
# Verbs of motion: after them в/на take the accusative (вошли в Шушу, not в Шуше).
_MOTION_STEMS = ("вош", "вступ", "въех", "въезж", "прибы", "приех", "приезж", "вернул", "вернёт", "вернет",
                 "вернем", "вернём", "возвращ", "отправ", "приш", "ворв", "направ", "двину", "переех", "перебр",
                 "вход", "вывез", "ввел", "ввёл", "ввод", "передан", "передал", "поеха", "еду", "едем", "летел",
                 "прилет")


def _russian_reinflect(surface: str, name: str, new_name: str, before: str) -> str:
    cases = russian_cases(surface, name)
    if not cases:
        return new_name
    case = russian_case_by_preposition(before, cases)
    written = russian_case_form(new_name, cases[0] if case is None else case)
    return written


def russian_cases(surface: str, name: str) -> list[int]:
    """The cases (0 nominative ... 5 prepositional) in which `name` is written `surface`.

    >>> russian_cases("Шуше", "Шуша"), russian_cases("Шуши", "Шуши")
    ([2, 5], [0, 1, 2, 3, 4, 5])
    """
    wanted = fold_key(surface)
    return [case for case, forms in enumerate(_case_table(fold_key(name))) if wanted in forms]


def russian_case_form(name: str, case: int) -> str:
    """`name` in the case `case` (its spelling's capitals kept): Шуша, 4 -> Шушой; Шуши stays Шуши."""
    return _case_table(name)[case][0]


def russian_case_by_preposition(before: str, cases: list[int]) -> int | None:
    """Of `cases`, the one the preposition ending `before` asks for (в after a verb of motion: accusative).

    >>> russian_case_by_preposition("о пожарах в направлении ", list(range(6))), russian_case_by_preposition("со стороны ", [0, 1, 4])
    (1, 1)
    >>> russian_case_by_preposition("бои со ", list(range(6))), russian_case_by_preposition("южнее ", list(range(6)))
    (4, 1)
    """
    if len(cases) > 1 and 1 in cases and _COMPOUND_GENITIVE.search(before):
        return 1
    preposition = _LAST_WORD.search(before)
    if len(cases) > 1 and preposition and preposition.group(1).lower() in _PREPOSITION_CASE:
        word = preposition.group(1).lower()
        by_preposition = _PREPOSITION_CASE[word]
        verb = _TWO_WORDS.search(before)
        if word in ("в", "во", "на") and verb and verb.group(1).lower().startswith(_MOTION_STEMS):
            by_preposition = 3
        if by_preposition in cases:
            return by_preposition
    return None


# ---------------------------------------------------------------- Turkic suffixes on a new stem

_BACK = set("aıouAIOU")
_ROUNDED = set("oöuüOÖUÜ")
_VOWELS = set("aeəıioöuüAEƏIİOÖUÜ")
_VOICELESS = set("çfhkpsştÇFHKPSŞT")
# Suffix morphemes as written after any stem: (name, pattern). Longest first where they overlap.
_TURKIC_UNITS = [
    ("PL", r"l[aəe]r"), ("ABL", r"n?[dt][aəe]n"), ("COP", r"[dt][ıiuü]r"), ("LOC", r"n?[dt][aəe]"),
    ("GEN", r"n?[ıiuü]n"), ("INS", r"y?l[aəe]"), ("KI", r"k[iı]"), ("DAT", r"[yn]?[aəe]"),
    ("ACC", r"[yns]?[ıiuü]"),
    # after a case: past copula (Şuşadaydı, Hankendi'deydi) and its person (Şuşadaydıq), reported
    # past, "if", "while", "as far as" (see _TURKIC_MORPHEMES)
    ("PAST", r"y?[dt][ıiuü]"), ("EVID", r"y?m[ıiuü]ş"), ("COND", r"y?s[aəe]"), ("WHILE", r"y?k[əe]n"),
    ("TERM", r"d[əe]k"), ("TILL", r"c[aəe]n"), ("P1", r"m"), ("P2", r"n"), ("P1PL", r"[kq]"),
]
_TURKIC_UNIT_RES = [(unit, re.compile(pattern, re.IGNORECASE)) for unit, pattern in _TURKIC_UNITS]


def _turkic_units(suffix: str) -> list[str] | None:
    """The morphemes of a Turkic suffix ("nda" -> LOC, "lardan" -> PL ABL), or None."""
    if not suffix:
        return []
    for unit, pattern in _TURKIC_UNIT_RES:
        found = pattern.match(suffix)
        if found:
            rest = _turkic_units(suffix[found.end():])
            if rest is not None:
                return [unit, *rest]
    return None


_POSSESSIVE_END = re.compile(r"[ıiuü]$")


def _ends_in_possessive(name: str) -> bool:
    """Whether `name` ends in a compound's possessive: a common noun in -(s)ı/i/u/ü after another word.

    Azerbaijani and Turkish name a district, a corridor or a part of a region with a noun
    compound whose head carries the possessive (Laçın koridoru, Goranboy rayonu, Karabağ'ın
    dağlık kesimi, Qarabağın dağlıq hissəsi); a case ending after it takes the pronominal n
    (koridorunda, rayonundan, kesiminin, hissəsinə), not the buffer of a vowel stem.

    >>> _ends_in_possessive("Laçın koridoru"), _ends_in_possessive("Qarabağın dağlıq hissəsi")
    (True, True)
    >>> _ends_in_possessive("Xankəndi"), _ends_in_possessive("Yukarı Karabağ"), _ends_in_possessive("Ağdərə Rayonu")
    (False, False, False)
    """
    words = name.split()
    return len(words) > 1 and words[-1][:1].islower() and _POSSESSIVE_END.search(words[-1]) is not None


def _bare_head_like(name: str, new_name: str) -> str:
    """`new_name` without its possessive when `name` was found on the bare head noun of the same compound.

    A list shares its head in the plural, the possessive after it: "Zabuh ve Sus köylerindeki" is
    köy + ler + i + nde + ki, found on the stem "Sus köy". Put in its place, "Ağavno köyü" loses
    its possessive ü, or the suffix would stack a second one ("köyülerindeki").

    >>> _bare_head_like("Sus köy", "Ağavno köyü"), _bare_head_like("Sus köy", "Sus köyü"), _bare_head_like("Şuşa", "Şuşi")
    ('Ağavno köy', 'Sus köy', 'Şuşi')
    """
    old_words, new_words = name.split(), new_name.split()
    if len(old_words) < 2 or len(new_words) < 2 or not old_words[-1][:1].islower():
        return new_name
    head, last = fold_key(old_words[-1]), new_words[-1]
    if fold_key(last) == head or not _POSSESSIVE_END.search(last):
        return new_name
    for cut in (1, 2):  # köyü: köy + ü; bölgesi: bölge + si
        if fold_key(last[:-cut]) == head and (cut == 1 or last[-2] in "sS"):
            return " ".join([*new_words[:-1], last[:-cut]])
    return new_name


@lru_cache(maxsize=1)
def _turkic_demonym_pattern() -> re.Pattern:
    """-lı/-li/-lu/-lü and the endings a demonym can take (Şuşa'lılar, Karabağ'lıyım), folded."""
    return re.compile(r"l[iu](?:" + "|".join(sorted(_TURKIC_MORPHEMES, key=len, reverse=True)) + r"){0,3}")


def turkic_demonym(letters: str) -> bool:
    """Whether the folded letters after an apostrophe make the name a demonym, no mention of the place.

    Turkish glues -lı/-li/-lu/-lü to a proper name without an apostrophe (Karabağlı), but the
    press often sets it off like a case ending: "Azerbaycan'lı gazeteciler" are Azerbaijani
    journalists, and Şuşa'lılar the people of Shusha.

    >>> turkic_demonym("li"), turkic_demonym("lilar"), turkic_demonym("liyim"), turkic_demonym("la"), turkic_demonym("da")
    (True, True, True, False, False)
    """
    return _turkic_demonym_pattern().fullmatch(letters) is not None


def turkic_cases(suffix: str) -> list[str] | None:
    """The morphemes of the letters after a Turkic name, an apostrophe before them or not; None if no suffix.

    >>> turkic_cases("nın"), turkic_cases("`ın"), turkic_cases("ya"), turkic_cases("dakı"), turkic_cases("lı")
    (['GEN'], ['GEN'], ['DAT'], ['LOC', 'KI'], None)
    """
    return _turkic_units(suffix.lstrip("'’`ʼ"))


def _turkic_suffix(suffix: str, stem: str, lang: str) -> str:
    """The suffix written again for `stem`: vowel harmony, buffer consonants, Turkish d/t.

    Azerbaijani and Turkish suffixes copy the frontness (and for high vowels
    the rounding) of the stem's last vowel, take a buffer consonant after a
    vowel (Şuşa-ya, Şuşa-nı in Azerbaijani, Şuşa'yı in Turkish), and in
    Turkish d becomes t after a voiceless consonant (Stepanakert'te). After
    a compound's possessive the case takes the pronominal n (Laçın
    koridorunda, dağlık kesiminin: see `_ends_in_possessive`). Turkish sets a
    suffix off with an apostrophe after a proper name only: after a common
    noun it is glued (kesiminin, not kesimi'nin), and the other way round.

    >>> _turkic_suffix("'ın", "Karabağ'ın dağlık kesimi", "tr"), _turkic_suffix("'da", "Karabağ'ın dağlık kesimi", "tr")
    ('nin', 'nde')
    >>> _turkic_suffix("ndaki", "Berdzor koridoru", "tr"), _turkic_suffix("ya", "Qarabağın dağlıq hissəsi", "az")
    ('ndaki', 'nə')
    >>> _turkic_suffix("ndan", "Stepanakert", "tr"), _turkic_suffix("nda", "Ağdərə", "az")
    ("'ten", 'də')
    """
    apostrophe = suffix[0] if suffix[0] in "'’" else ""
    body = suffix[len(apostrophe):]
    units = _turkic_units(body)
    if units is None:
        return suffix
    possessive = _ends_in_possessive(stem)
    if lang == "tr":
        last = stem.split()[-1] if stem.split() else stem
        proper = last[:1].isupper()
        apostrophe = (apostrophe or "'") if proper else ""
    word = stem
    for k, unit in enumerate(units):
        word += _turkic_morpheme(unit, word, lang, pronominal=possessive and k == 0)
    written = word[len(stem):]
    if body.isupper():
        written = written.upper()
    return apostrophe + written


def _turkic_morpheme(unit: str, word: str, lang: str, pronominal: bool = False) -> str:
    """One morpheme after `word`; `pronominal`: right after a possessive, where cases take n."""
    if pronominal and unit in ("LOC", "ABL", "DAT", "ACC", "GEN"):
        written = _turkic_morpheme(unit, word + "n", lang)
        return "n" + written
    vowels = [ch for ch in word if ch in _VOWELS]
    last = vowels[-1] if vowels else "a"
    back, rounded = last in _BACK, last in _ROUNDED
    a = "a" if back else ("ə" if lang == "az" else "e")
    i = ("u" if rounded else "ı") if back else ("ü" if rounded else "i")
    after_vowel = word[-1:] in _VOWELS
    d = "t" if lang == "tr" and word[-1:] in _VOICELESS else "d"
    if unit == "PL":
        return "l" + a + "r"
    if unit == "LOC":
        return d + a
    if unit == "ABL":
        return d + a + "n"
    if unit == "COP":
        return d + i + "r"
    if unit == "GEN":
        return ("n" if after_vowel else "") + i + "n"
    if unit == "DAT":
        return ("y" if after_vowel else "") + a
    if unit == "ACC":
        return (("n" if lang == "az" else "y") if after_vowel else "") + i
    if unit == "INS":
        return ("y" if after_vowel else "") + "l" + a
    glide = "y" if after_vowel else ""
    if unit == "PAST":
        return glide + d + i
    if unit == "EVID":
        return glide + "m" + i + "ş"
    if unit == "COND":
        return glide + "s" + a
    if unit == "WHILE":
        return glide + "k" + ("ə" if lang == "az" else "e") + "n"
    if unit == "TERM":
        return "d" + ("ə" if lang == "az" else "e") + "k"  # -dək does not take the stem's harmony
    if unit == "TILL":
        return "c" + a + "n"
    if unit in ("P1", "P2"):
        return "m" if unit == "P1" else "n"
    if unit == "P1PL":
        return "q" if lang == "az" and back else "k"
    return "ki"


# ---------------------------------------------------------------- Armenian endings on a new stem

_ARMENIAN_ENDING = re.compile(r"(յ)?(ներ|եր)?(ում|ից|ով|ի|ու)?(ը|ն)?")
_ARMENIAN_VOWELS = set("աեէըիոօ")
# The next word, right after a space (no punctuation between), begins with a vowel letter.
_ARMENIAN_VOWEL_NEXT = re.compile(r"[ \t\u00a0]+[աեէըիոօԱԵԷԸԻՈՕ]")


def _armenian_suffix(suffix: str, stem: str, vowel_next: bool = False) -> str:
    """Case ending and article written again for `stem`.

    After ա, ո or օ a case ending takes the glide յ (Ակնայում); the article
    is ն after a vowel (Խանքենդին) and ը after a consonant (Ստեփանակերտը),
    and ն whatever the stem when the next word begins with a vowel
    (`vowel_next`: Ստեփանակերտն է, Շուշին էր).
    """
    found = _ARMENIAN_ENDING.fullmatch(suffix)
    if not found:
        return suffix
    _, plural, case, article = found.groups()
    written = plural or ""
    if case:
        glide = "յ" if not plural and stem[-1:] in "աոօ" else ""
        written += glide + case
    if article:
        word = stem + written
        written += "ն" if vowel_next or word[-1:] in _ARMENIAN_VOWELS or word.endswith("ու") else "ը"
    return written


# ---------------------------------------------------------------- the word before a name

_FRENCH_ELIDABLE = re.compile(r"(?<!\w)(de|le|la|que|du|au|De|Le|La|Que|Du|Au)\s+$")
_FRENCH_ELIDED = re.compile(r"(?<!\w)((?:[dD]e|[àÀ]) l|[dlDL]|[qQ]u)['’]$")
_FRENCH_VOWEL_START = re.compile(r"[AEIOUYÂÊÎÔÛÉÈaeiouyâêîôûéè]")
_RUSSIAN_O = re.compile(r"(?<!\w)([оО]б?)\s+$")


# The article a name takes by its generic head noun (Bezirk Kelbadschar, región de Karvachar,
# corridor de Zanguezour): the nominative singular definite article, which says the gender. A
# name without one takes no article unless the gazetteer says so (a form's `article`).
_HEAD_NOUNS: dict[str, dict[str, str]] = {
    "de": {"bezirk": "der", "rayon": "der", "provinz": "die", "region": "die", "korridor": "der", "route": "die",
           "kloster": "das", "festung": "die", "mine": "die", "dorf": "das", "fluss": "der", "berg": "der",
           "stausee": "der", "talsperre": "die", "gebirge": "das", "höhle": "die", "brücke": "die", "steppe": "die",
           "pass": "der", "tal": "das", "republik": "die", "oblast": "die", "gebiet": "das", "see": "der",
           "wirtschaftsregion": "die", "wirtschaftsbezirk": "der", "wirtschaftszone": "die", "ebene": "die",
           "kirche": "die", "kathedrale": "die", "stadt": "die", "kanal": "der", "flughafen": "der", "wald": "der",
           "burg": "die", "schlucht": "die", "straße": "die", "grenzübergang": "der", "kontrollpunkt": "der"},
    "es": {"distrito": "el", "provincia": "la", "región": "la", "corredor": "el", "ruta": "la", "monasterio": "el",
           "fortaleza": "la", "mina": "la", "aldea": "la", "pueblo": "el", "río": "el", "monte": "el", "embalse": "el",
           "cueva": "la", "puente": "el", "llanura": "la", "meseta": "la", "república": "la", "cordillera": "la",
           "sierra": "la", "lago": "el", "valle": "el", "paso": "el", "canal": "el", "aeropuerto": "el",
           "catedral": "la", "iglesia": "la", "carretera": "la", "bosque": "el", "óblast": "el", "óblast autónomo": "el"},
    "fr": {"district": "le", "province": "la", "région": "la", "corridor": "le", "route": "la", "monastère": "le",
           "forteresse": "la", "mine": "la", "village": "le", "rivière": "la", "fleuve": "le", "mont": "le",
           "réservoir": "le", "grotte": "la", "pont": "le", "plaine": "la", "plateau": "le", "république": "la",
           "lac": "le", "vallée": "la", "col": "le", "canal": "le", "aéroport": "le", "cathédrale": "la",
           "église": "la", "chaîne": "la", "forêt": "la", "barrage": "le", "oblast": "l'"},
}
# German compounds whose last part is a head noun (Mughansteppe, Latschinkorridor); shorter
# nouns (see, berg, tal) end too many town names to be read inside a word.
_GERMAN_COMPOUND_HEADS = ("stausee", "steppe", "korridor", "gebirge", "höhle", "brücke", "talsperre", "kanal")


def name_article(spelling: str, lang: str, declared: str | None = None) -> str | None:
    """The definite article a name takes in running text (der/die/das, el/la, le/la), None if none.

    `declared` is the gazetteer's word for the form (its `article`); else the generic head
    noun decides.

    >>> name_article("Bezirk Kelbadschar", "de"), name_article("Sangesur-Korridor", "de"), name_article("Arzach", "de")
    ('der', 'der', None)
    >>> name_article("región de Karvachar", "es"), name_article("Alto Karabaj", "es", "el"), name_article("route Trump", "fr")
    ('la', 'el', 'la')
    """
    if declared:
        return declared
    heads = _HEAD_NOUNS.get(lang)
    if not heads:
        return None
    words = spelling.lower().split()
    if not words:
        return None
    if words[0] in heads and len(words) > 1:
        return heads[words[0]]
    if lang == "de":
        last = words[-1].rsplit("-", 1)
        if len(last) == 2 and last[1] in heads:
            return heads[last[1]]
        for head in _GERMAN_COMPOUND_HEADS:
            if words[-1].endswith(head) and len(words[-1]) > len(head) + 2:
                return heads[head]
    return None


_SENTENCE_START = re.compile(r"(?:^|[.!?…:;«\"“„(—–-]\s*)$")


def _capital_as(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() and word else word


# Spanish: what stands before a name with an article: (preposition, article) -> written form.
_ES_BEFORE = re.compile(r"(?<!\w)(del|al|el|la|de la|a la)\s+$", re.IGNORECASE)
_ES_BARE = re.compile(r"(?<!\w)(de|a)\s+$", re.IGNORECASE)
_ES_SPLIT = {"del": ("de", "el"), "al": ("a", "el"), "el": ("", "el"), "la": ("", "la"), "de la": ("de", "la"),
             "a la": ("a", "la")}


def _es_write(preposition: str, article: str | None) -> str:
    if article is None:
        return f"{preposition} " if preposition else ""
    if article == "el" and preposition in ("de", "a"):
        return {"de": "del ", "a": "al "}[preposition]
    return f"{preposition} {article} " if preposition else f"{article} "


def _spanish_change(before: str, old_article: str | None, new_article: str | None):
    found = _ES_BEFORE.search(before)
    if found and (old_article is not None or new_article is not None):
        preposition, article = _ES_SPLIT[found.group(1).lower()]
        if old_article is not None and article != old_article:
            return None  # the article is another word's (la guerra de ...)
        # With no article of the old name's, the one found is the engine's for the name it wrote
        # ("hacia el *Lachin pasillo"): the new name takes that spot, not a second article before it.
        return before[found.start():], _capital_as(_es_write(preposition, new_article), found.group(1))
    if old_article is None and new_article is not None:
        bare = _ES_BARE.search(before)
        if bare:
            return before[bare.start():], _capital_as(_es_write(bare.group(1).lower(), new_article), bare.group(1))
        article = _es_write("", new_article)
        return "", article.capitalize() if _SENTENCE_START.search(before) else article
    return None


# French: du, au, le, la, l', de la, de l', à la, à l' before a name with an article.
_FR_BEFORE = re.compile(r"(?<!\w)(du|au|le|la|de la|à la|de l['’]|à l['’]|l['’])\s*$", re.IGNORECASE)
_FR_BARE = re.compile(r"(?<!\w)(de|à|d['’])\s*$", re.IGNORECASE)


def _fr_write(preposition: str, article: str | None, vowel: bool) -> str:
    if article is None:
        if preposition == "de":
            return "d'" if vowel else "de "
        return f"{preposition} " if preposition else ""
    if vowel or article == "l'":
        article = "l'"
        return f"{preposition} l'" if preposition else "l'"
    if preposition == "de" and article == "le":
        return "du "
    if preposition == "à" and article == "le":
        return "au "
    return f"{preposition} {article} " if preposition else f"{article} "


def _french_change(before: str, name: str, old_article: str | None, new_article: str | None):
    vowel = bool(_FRENCH_VOWEL_START.match(name))
    found = _FR_BEFORE.search(before)
    if found and (old_article is not None or new_article is not None):
        word = found.group(1).lower().replace("’", "'")
        if old_article is not None:
            article = "le" if word in ("du", "au", "le") else ("la" if word.endswith("la") else old_article)
            if article != old_article:
                return None  # the article is another word's
        # With no article of the old name's, the one found is the engine's for the name it wrote:
        # changed, not doubled.
        preposition = {"du": "de", "au": "à"}.get(word, word.split(" ")[0] if " " in word else "")
        return before[found.start():], _capital_as(_fr_write(preposition, new_article, vowel), found.group(1))
    if old_article is None and new_article is not None:
        bare = _FR_BARE.search(before)
        if bare:
            preposition = "de" if bare.group(1).lower().startswith("d") else "à"
            return before[bare.start():], _capital_as(_fr_write(preposition, new_article, vowel), bare.group(1))
        article = _fr_write("", new_article, vowel)
        return "", article.capitalize() if _SENTENCE_START.search(before) else article
    return None


# German: the article (or preposition + article contraction) right before a name, by case.
_DE_BEFORE = re.compile(r"(?<!\w)(?:(\w+)\s+)?(der|die|das|den|dem|des|im|ins|am|ans|vom|zum|zur|beim)\s+$",
                        re.IGNORECASE)
_DE_ADJECTIVE_BETWEEN = re.compile(
    r"(?<!\w)(?:der|die|das|den|dem|des|im|ins|am|ans|vom|zum|zur|beim|ein|eine|einen|einem|einer|eines)"
    r"(?:\s+\w+e[mnrs]?)+\s+$", re.IGNORECASE)
_DE_ARTICLES = {  # article -> case for each gender it can be: (gender, case)
    "der": (("der", "nom"), ("die", "gen"), ("die", "dat")), "die": (("die", "nom"), ("die", "acc")),
    "das": (("das", "nom"), ("das", "acc")), "den": (("der", "acc"),), "dem": (("der", "dat"), ("das", "dat")),
    "des": (("der", "gen"), ("das", "gen")),
}
_DE_CONTRACTED = {"im": ("in", "dem"), "ins": ("in", "das"), "am": ("an", "dem"), "ans": ("an", "das"),
                  "vom": ("von", "dem"), "zum": ("zu", "dem"), "zur": ("zu", "der"), "beim": ("bei", "dem")}
_DE_FORMS = {"der": {"nom": "der", "acc": "den", "dat": "dem", "gen": "des"},
             "die": {"nom": "die", "acc": "die", "dat": "der", "gen": "der"},
             "das": {"nom": "das", "acc": "das", "dat": "dem", "gen": "des"}}
_DE_CONTRACT = {("in", "dem"): "im", ("in", "das"): "ins", ("an", "dem"): "am", ("an", "das"): "ans",
                ("von", "dem"): "vom", ("zu", "dem"): "zum", ("zu", "der"): "zur", ("bei", "dem"): "beim"}
_DE_DATIVE = frozenset({"aus", "bei", "mit", "nach", "seit", "von", "zu", "gegenüber", "in", "an", "auf", "über",
                        "unter", "vor", "hinter", "neben", "zwischen"})
_DE_ACCUSATIVE = frozenset({"durch", "für", "gegen", "ohne", "um", "in", "an", "auf", "über", "unter", "vor",
                            "hinter", "neben", "zwischen"})


def _german_change(before: str, old_article: str | None, new_article: str | None):
    """(old, new) for the article before a name whose gender changes, None, or "unsure"."""
    found = _DE_BEFORE.search(before)
    if old_article is not None and not found and _DE_ADJECTIVE_BETWEEN.search(before):
        return "unsure"  # "im umkämpften Bezirk": the adjective would change with the article
    if not found or old_article is None:
        return None  # no article to change (a name gaining one keeps the sentence as written)
    word = found.group(2).lower()
    preposition = (found.group(1) or "").lower()
    if word in _DE_CONTRACTED:
        preposition, article = _DE_CONTRACTED[word]
        case = "acc" if article == "das" else "dat"
        if (article == "der") != (old_article == "die"):
            return None  # not the name's article
        cases, start = {case}, found.start(2)
    else:
        cases = {c for g, c in _DE_ARTICLES[word] if g == old_article}
        if not cases:
            return None  # the article is another word's
        if preposition not in _DE_DATIVE | _DE_ACCUSATIVE:
            preposition = ""
        start = found.start(1) if preposition else found.start(2)
        if len(cases) > 1 and preposition:
            if preposition not in _DE_ACCUSATIVE:
                cases &= {"dat"}
            elif preposition not in _DE_DATIVE:
                cases &= {"acc"}
            else:
                cases -= {"nom", "gen"}  # in, an, auf...: dative or accusative, told by the article
        elif len(cases) > 1:
            if cases == {"gen", "dat"}:
                cases = {"gen"}  # "die Hauptstadt der Region": a genitive after a noun
            elif _SENTENCE_START.search(before[:start]):
                cases = {"nom"}
    if not cases:
        return None
    written = {_german_article(preposition, new_article, case) for case in cases}
    if len(written) != 1 or None in written:
        return "unsure"
    [text] = written
    return before[start:], _capital_as(text, before[start:])


def _german_article(preposition: str, article: str | None, case: str) -> str | None:
    """What to write before a name of `article` in `case` after `preposition` (None: not without its -s)."""
    if article is None:
        return None if case == "gen" else (f"{preposition} " if preposition else "")
    if case == "gen" and article != "die":
        return None  # des Bezirks: the head noun would need its genitive s
    form = _DE_FORMS[article][case]
    if (preposition, form) in _DE_CONTRACT:
        return _DE_CONTRACT[(preposition, form)] + " "
    return f"{preposition} {form} " if preposition else f"{form} "


def adjust_article(before: str, name: str, lang: str, old: str | None = None,
                   articles: tuple[str | None, str | None] | None = None):
    """(old, new): the end of `before` to write again for `name`, or None when it fits already.

    French elides de, le, la, que before a vowel (d'Agdam, l'Artsakh) and
    writes them whole before a consonant (de Stepanakert); Russian о is об
    before a vowel (об Агдаме). When `old`, the name replaced, takes another
    article than `name` (`articles`: theirs, from the gazetteer, else by
    their head nouns, see `name_article`), the article goes with the new
    name: Spanish el/la/del/al/de la, French le/la/l'/du/au/de la, German
    der/die/das/dem/den/des and im/zum/zur/vom. "unsure" when the German case
    cannot be told (die Region: nominative or accusative?).

    >>> adjust_article("près de ", "Agdam", "fr"), adjust_article("près d'", "Stepanakert", "fr")
    (('de ', "d'"), ("d'", 'de '))
    >>> adjust_article("la prise du ", "Artsakh", "fr"), adjust_article("près de ", "Choucha", "fr") is None
    (('du ', "de l'"), True)
    >>> adjust_article("la prise de l'", "Haut-Karabakh", "fr"), adjust_article("retour à l'", "Haut-Karabakh", "fr")
    (("de l'", 'du '), ("à l'", 'au '))
    >>> adjust_article("говорили о ", "Агдаме", "ru")
    ('о ', 'об ')
    >>> adjust_article("la guerra del ", "Artsaj", "es", "Alto Karabaj", ("el", None))
    ('del ', 'de ')
    >>> adjust_article("la guerra de ", "Alto Karabaj", "es", "Artsaj", (None, "el")), adjust_article("El ", "Artsaj", "es")
    (('de ', 'del '), None)
    >>> adjust_article("en el ", "región de Karvachar", "es", "distrito de Kalbajar")
    ('el ', 'la ')
    >>> adjust_article("Les combats dans le ", "région de Karvatchar", "fr", "district de Kelbadjar")
    ('le ', 'la ')
    >>> adjust_article("Die Kämpfe im ", "Region Karwatschar", "de", "Bezirk Kelbadschar")
    ('im ', 'in der ')
    >>> adjust_article("Der ", "Region Karwatschar", "de", "Bezirk Kelbadschar")
    ('Der ', 'Die ')
    >>> adjust_article("Sie zogen in die ", "Bezirk Kelbadschar", "de", "Region Karwatschar")
    ('in die ', 'in den ')
    >>> adjust_article("Man sprach über die ", "Bezirk Kelbadschar", "de", "Region Karwatschar")
    ('über die ', 'über den ')
    >>> adjust_article("Man besuchte die ", "Bezirk Kelbadschar", "de", "Region Karwatschar")
    'unsure'
    >>> adjust_article("Kämpfe im umkämpften ", "Region Karwatschar", "de", "Bezirk Kelbadschar")
    'unsure'
    """
    if old is not None and lang in _HEAD_NOUNS:
        old_article, new_article = articles or (name_article(old, lang), name_article(name, lang))
        if old_article != new_article:
            if lang == "es":
                return _spanish_change(before, old_article, new_article)
            if lang == "fr":
                return _french_change(before, name, old_article, new_article)
            return _german_change(before, old_article, new_article)
    if lang == "fr":
        vowel = bool(_FRENCH_VOWEL_START.match(name))
        whole = _FRENCH_ELIDABLE.search(before)
        if whole and vowel:
            word = whole.group(1)
            elided = {"de": "d'", "le": "l'", "la": "l'", "que": "qu'", "du": "de l'", "au": "à l'"}[word.lower()]
            if word[0].isupper():
                elided = elided[0].upper() + elided[1:]
            return before[whole.start():], elided
        cut = _FRENCH_ELIDED.search(before)
        if cut and not vowel:
            word = cut.group(1)
            full = {"d": "de ", "l": "le ", "qu": "que ", "de l": "du ", "à l": "au "}[word.lower()]
            if word[0].isupper():
                full = full[0].upper() + full[1:]
            return before[cut.start():], full
        return None
    if lang == "ru":
        found = _RUSSIAN_O.search(before)
        if not found:
            return None
        vowel = name[:1].lower() in "аоуэи"
        word = found.group(1)
        wanted = (word[0] + "б") if vowel else word[0]
        if wanted == word:
            return None
        return before[found.start():], wanted + " "
    return None


# Azerbaijani and Turkish endings after a case, folded. The past copula and its short personal
# endings (Şuşadaydı, Şuşadaydıq, Laçındaydılar, Turkish Hankendi'deydi), the reported past
# (Qarabağdaymış) and "while" (Xankəndindəykən, Şuşa'dayken) take the glide y after a vowel, or
# follow the locative without it in speech (ruhu Kəlbəcərdədi); "as far as" follows the dative
# (Şuşayadək, Ağdamacan). Glued straight to a name they would be a verb's endings: Görüşdük (we
# met) is no Goris, Kapanmış no Kapan; so they are morphemes only with the glide or their case.
_PERSONS = ("", "m", "n", "q", "k")
_LOCATIVES = ("da", "de", "ta", "te", "nda", "nde")
_AFTER_A_CASE = [
    *("yd" + v + person for v in "iu" for person in _PERSONS), "ymis", "ymus", "yken",
    *(loc + "d" + v + person for loc in _LOCATIVES for v in "iu" for person in _PERSONS),
    *(loc + ending for loc in _LOCATIVES for ending in ("mis", "mus", "ken")),
    *(dative + ending for dative in ("a", "e", "ya", "ye", "na", "ne") for ending in ("dek", "can", "cen")),
]

# Suffix morphemes, folded (ı->i, ə->e, ü->u, ö->o, ş->s, ç->c, ğ->g).
_TURKIC_MORPHEMES = [
    # plural, possessive
    "lar", "ler", "imiz", "umuz", "miz", "muz", "iniz", "unuz", "niz", "nuz", "im", "um", "si", "su",
    # cases (with buffer consonants n, y, s)
    "nda", "nde", "ndan", "nden", "dan", "den", "tan", "ten", "da", "de", "ta", "te",
    "nin", "nun", "in", "un", "na", "ne", "ya", "ye", "a", "e", "yi", "yu", "ni", "nu", "i", "u",
    "yla", "yle", "la", "le", "ca", "ce",
    # "the one in", copula, "without" (Qarabağsız: the place is named)
    "ki", "dir", "dur", "tir", "tur", "siz", "suz",
    # personal endings after a case: Şuşadayıq, Qarabağdayam, Xankəndidəyik; Turkish Şuşa'dayız
    "yam", "yem", "am", "em", "yiq", "yik", "yuq", "yuk", "iq", "ik", "uq", "uk",
    "yiz", "yuz", "iz", "uz", "san", "sen", "sin", "sun", "siniz", "sunuz",
    # Turkish first person after a vowel: Şuşa'dayım, Karabağ'lıyım
    "yim", "yum",
    *_AFTER_A_CASE,
]
# "If, as for" closes the word, after the name or its endings: Şuşa ən gözəl, Ağdamsa ən varlı
# şəhəri; Qarabağdadırsa.
_TURKIC_LAST = "y?s[ae]"
# Eastern and Western (classical orthography) endings alike: the Western ablative is -էն
# (Շուշիէն, Ստեփանակերտէն, Երեւանէն) where the Eastern is -ից, the Western genitive plural -ներու;
# the possessive articles -ս, -դ (Արցախս, "my Artsakh") stand where -ը/-ն do. An -ի- before the
# plural is a demonym's, never a case of the place: a name in -ց makes its people with -ի
# (Կիրանց, կիրանցի, Կիրանցիները: the villagers), and no case form puts -ի before -ներ.
_ARMENIAN_SUFFIX = re.compile(
    r"(?:յ|ի(?!ն?եր))?(?:ներ|եր)?(?:ում|ից|էն|ով|ին|ի|ու|ը|ն)?(?:ը|ն|ս|դ)?"
)
_GERMAN_SUFFIX = re.compile(r"s|es")


def _chain(morphemes: list[str], most: int, last: str | None = None) -> re.Pattern:
    alternation = "|".join(sorted(morphemes, key=len, reverse=True))
    if last is None:
        return re.compile(f"(?:{alternation}){{1,{most}}}")
    return re.compile(f"(?:{alternation}){{1,{most}}}(?:{last})?|{last}")


_TURKIC_SUFFIX = _chain(_TURKIC_MORPHEMES, 4, _TURKIC_LAST)
# Turkish sets case endings off with an apostrophe, but slogans and headlines glue the copula
# ("Karabağ Azerbaycandır") and derivations are always glued ("Karabağsız", without Karabakh).
_TURKISH_GLUED = re.compile(r"(?:siz|suz)?(?:dir|dur|tir|tur)?")
# The case endings Turkish headlines, slogans and hurried copy glue to the big names without the
# apostrophe the rule asks for (Nahçıvana uçuşlar, Nahcıvanda okuyan öğrenciler, Şuşada, Ermenistanda),
# folded: dative, locative, ablative, the -ki of the locative, the comitative, the accusative. Not the
# genitive, whose -nin would find Bakü inside Bakunin. `toponyms.match` takes them for towns, cities,
# districts, provinces, regions and countries only: a village's name is too often a Turkish word.
TURKISH_GLUED_CASES = frozenset(
    "a e ya ye da de ta te dan den tan ten daki deki taki teki la le yla yle i u yi yu".split())
# Suffixes glued to the name: Azerbaijani Xankəndidə, Armenian Ստեփանակերտում, German Bergkarabachs.
_GLUED_SUFFIXES: dict[str, re.Pattern] = {"az": _TURKIC_SUFFIX, "hy": _ARMENIAN_SUFFIX, "de": _GERMAN_SUFFIX,
                                          "tr": _TURKISH_GLUED}
# Suffixes set off by an apostrophe: Turkish always writes Karabağ'da, Bakü'nün;
# Azerbaijani sometimes does. Other Turkish glued letters are not suffixes, so
# that Bakü does not match inside Bakunin.
_APOSTROPHE_SUFFIXES: dict[str, re.Pattern] = {"az": _TURKIC_SUFFIX, "tr": _TURKIC_SUFFIX}
# Suffixes set off by a hyphen: Armenian writes them so after an abbreviation or a number, and
# often after a name in Latin letters (ԼՂ-ում, ՀՀ-ն, ԼՂՀ-ի, ԱՄՆ-ից).
_HYPHEN_SUFFIXES: dict[str, re.Pattern] = {"hy": _ARMENIAN_SUFFIX}
# Languages whose names are matched as full case forms instead of stem + suffix.
CASE_FORM_LANGS = frozenset({"ru", "uk", "be"})


def glues(lang: str, spelling: str) -> bool:
    """Whether a spelling of `lang` can carry a suffix glued on.

    Turkish sets a name's suffixes off with an apostrophe, but glues them to
    the common noun that ends a multi-word name: ``Laçın koridorunda``.
    """
    return takes_suffix(lang) or (lang == "tr" and " " in spelling.strip())


# Armenian names in -ու change it to -վ before a case ending: Բաքու, Բաքվում, Բաքվի, Բաքվից.
_ARMENIAN_U_STEM_ENDINGS = ("ի", "ից", "ում", "ով", "ին", "իս", "իդ")
# The u-declension of nouns in -ի (եկեղեցի, ուղի): genitive-dative, ablative, instrumental, locative.
_ARMENIAN_U_DECLENSION = ("ու", "ուն", "ուց", "ով", "ում")


# Common nouns that end names and change their stem before a case ending: the vowel of the last
# syllable drops (լիճ, Սևանա լճի; կամուրջ, Հակարիի կամրջով; հովիտ, հովտում), or the noun has a
# genitive of its own (լեռ, Արարատ լեռան; -ություն, Հանրապետության, Հանրապետությամբ).
_ARMENIAN_STEM_ENDINGS = ("ի", "ից", "ում", "ով", "ին", "էն")
_ARMENIAN_HEAD_NOUNS = {
    "լիճ": ("լճ", _ARMENIAN_STEM_ENDINGS),
    "կամուրջ": ("կամրջ", _ARMENIAN_STEM_ENDINGS),
    "հովիտ": ("հովտ", _ARMENIAN_STEM_ENDINGS),
    "կիրճ": ("կրճ", _ARMENIAN_STEM_ENDINGS),
    "երկիր": ("երկր", _ARMENIAN_STEM_ENDINGS),
    "լեռ": ("լեռ", ("ան", "անը", "անն")),
    "ություն": ("ությ", ("ան", "անը", "անն", "ամբ")),
}


# Names whose last syllable loses its vowel before a case ending, as the noun ծին ("birth") does:
# Էջմիածին, Էջմիածնի, Էջմիածնում; Հաղարծին, Հաղարծնի վանք; Սանահին, Սանահնի վանք. Other names in
# -ին keep it (Թալինի, Լաչինի), so the endings are listed, not guessed.
_ARMENIAN_SYNCOPATED = {"ծին": "ծն", "սանահին": "սանահն"}


def _head_noun_forms(name: str) -> set[str]:
    """The forms of a name whose last word is one of `_ARMENIAN_HEAD_NOUNS` (or ends in -ություն)."""
    head, _, last = name.rpartition(" ")
    prefix = head + " " if head else ""
    for noun, (stem, endings) in _ARMENIAN_HEAD_NOUNS.items():
        if last == noun or (noun == "ություն" and last.endswith(noun)):
            base = prefix + last[:len(last) - len(noun)] + stem
            return {base + ending for ending in endings}
    return set()


def armenian_forms(name: str) -> frozenset[str]:
    """The folded Armenian forms that the suffix grammar cannot reach from `name` itself.

    >>> sorted(armenian_forms("բաքու"))[:8]
    ['բաքու', 'բաքվի', 'բաքվիդ', 'բաքվին', 'բաքվիս', 'բաքվից', 'բաքվով', 'բաքվում']
    >>> "պաքւում" in armenian_forms("պաքու"), "թուրքիոյ" in armenian_forms("թուրքիա")
    (True, True)
    >>> sorted(armenian_forms("ֆիզուլի")), sorted(armenian_forms("լոռի"))
    (['ֆիզուլի', 'ֆիզուլու', 'ֆիզուլում', 'ֆիզուլուց'], ['լոռի', 'լոռու', 'լոռում', 'լոռուց'])
    >>> sorted(armenian_forms("էջմիածին"))[:3], "էջմիածնում" in armenian_forms("էջմիածին")
    (['էջմիածին', 'էջմիածնէն', 'էջմիածնի'], True)
    >>> sorted(armenian_forms("ղազանչեցոց եկեղեցի"))[1:]
    ['ղազանչեցոց եկեղեցով', 'ղազանչեցոց եկեղեցու', 'ղազանչեցոց եկեղեցում', 'ղազանչեցոց եկեղեցուն', 'ղազանչեցոց եկեղեցուց']
    >>> sorted(armenian_forms("սևանա լիճ"))[:3], "արցախի հանրապետության" in armenian_forms("արցախի հանրապետություն")
    (['սևանա լիճ', 'սևանա լճէն', 'սևանա լճի'], True)
    """
    forms = {name} | _head_noun_forms(name)
    for ending, stem in _ARMENIAN_SYNCOPATED.items():
        if name.endswith(ending) and " " not in name:
            forms.update(name[:-len(ending)] + stem + case for case in _ARMENIAN_STEM_ENDINGS)
    if name.endswith("ի") and len(name) > 3:
        # Names in -ի may take the u-declension of գինի, գինու: Ֆիզուլի, Ֆիզուլու, its ablative
        # (շրջկենտրոն Մարտունուց՝ 30 կմ; Մեղրուց) and its locative (Լոռում, Գյումրում, Մարտունում,
        # beside Լոռիում); the other cases are the genitive's with an ending.
        forms.update((name[:-1] + "ու", name[:-1] + "ուց", name[:-1] + "ում"))
        head, _, last = name.rpartition(" ")
        if head and last.islower():
            # A common noun in -ի ending a name declines wholly so: Ղազանչեցոց եկեղեցում,
            # Թրամփի ուղով, եկեղեցուց (the place's own name before it keeps its -ի).
            forms.update(name[:-1] + ending for ending in _ARMENIAN_U_DECLENSION)
    if name.endswith("ու") and len(name) > 3:
        # The classical orthography of the Western press writes the stem's v as ւ: Պաքւում.
        for stem in (name[:-2] + "վ", name[:-2] + "ւ"):
            forms.update(stem + ending for ending in _ARMENIAN_U_STEM_ENDINGS)
    if name.endswith("իա") and len(name) > 3:
        # Western Armenian genitive and dative of names in -իա: Թուրքիոյ, Ռուսիոյ (Eastern Թուրքիայի).
        forms.add(name[:-1] + "ոյ")
    return frozenset(forms)


def abbreviations(spelling: str) -> frozenset[int]:
    """The positions of the words of `spelling` (as folding splits them) that Russian does not decline.

    An abbreviation, a word with two capitals or more (ССР, НКАО, АзССР); and the
    first part of a hyphenated name, which stays as it is (в Вайоц-Дзоре,
    Кельбаджар-Лачинского района).

    >>> sorted(abbreviations("Азербайджанская ССР")), sorted(abbreviations("Нагорно-Карабахская АО"))
    ([1], [0, 2])
    >>> sorted(abbreviations("Вайоц-Дзор")), sorted(abbreviations("Вайоц Дзор"))
    ([0], [])

    An initial glued to a name by a full stop is no abbreviation of the word: the Baku press's
    Н.Карабах (Нагорный Карабах) declines as Карабах does (в Н.Карабахе).

    >>> sorted(abbreviations("Н.Карабах"))
    []
    """
    found = set()
    for k, m in enumerate(re.finditer(r"\S+", fold(spelling))):
        word = spelling[m.start():m.end()].rsplit(".", 1)[-1]
        if sum(ch.isupper() for ch in word) > 1 or spelling[m.end():m.end() + 1] in _HYPHENS:
            found.add(k)
    return frozenset(found)


_HYPHENS = frozenset("-\u2010\u2011")


def azerbaijani_forms(name: str) -> frozenset[str]:
    """The folded Azerbaijani forms that the suffix grammar cannot reach from `name` itself.

    A word of two syllables or more that ends in k or q writes it y or ğ before a suffix that
    begins with a vowel: Sədərək, Sədərəyə, Sədərəyin; Ağbulaq, Ağbulağa; Qızılbulaq,
    Qızılbulağın. The changed stem is kept with that vowel (and the genitive's n), so that it is
    never a name by itself; the suffix grammar then follows (Sədərəyində). A word of one
    syllable keeps its consonant (Sotk, Sotka).

    >>> sorted(azerbaijani_forms("sederek"))
    ['sederek', 'sedereya', 'sedereye', 'sedereyi', 'sedereyin', 'sedereyu', 'sedereyun']
    >>> sorted(azerbaijani_forms("agbulaq"))[:3], sorted(azerbaijani_forms("sotk")), sorted(azerbaijani_forms("xankendi"))
    (['agbulaga', 'agbulage', 'agbulagi'], ['sotk'], ['xankendi'])
    """
    last = name.rpartition(" ")[2]
    if len(_FOLDED_VOWELS.findall(last)) < 2 or name[-1:] not in ("k", "q"):
        return frozenset((name,))
    stem = name[:-1] + ("y" if name.endswith("k") else "g")
    return frozenset((name, *(stem + vowel for vowel in _AZ_VOWEL_ONSETS)))


# How a suffix after the changed consonant begins, folded: the dative (-a, -ə), the accusative
# and possessive (-ı, -i, -u, -ü), the genitive (-ın, -in, -un, -ün).
_AZ_VOWEL_ONSETS = ("a", "e", "i", "u", "in", "un")
# Vowels of a folded Latin-script word (ı, ə, ö, ü fold to i, e, o, u).
_FOLDED_VOWELS = re.compile("[aeiou]")


def full_form(variant: str, key: str, lang: str) -> bool:
    """Whether `variant`, one of `inflected_keys(key, lang)`, is a whole inflected word.

    A whole word takes no suffix after it (Russian Степанакерте, Armenian Բաքվում); an
    Azerbaijani changed stem with its first vowel (Sədərəyə-, Ağbulağı-) takes more (Sədərəyədir).

    >>> full_form("степанакерте", "степанакерт", "ru"), full_form("sedereye", "sederek", "az")
    (True, False)
    """
    return variant != key and lang != "az"


def name_after_a_noun(spelling: str) -> frozenset[int]:
    """The positions of the capitalised words that end `spelling` after a word in small letters:
    a name after a common noun, which Russian leaves in its case when it is a genitive (в нагорной
    части Карабаха, из аэропорта Степанакерта, у Джума-мечети Агдама, в Автономной области
    Нагорного Карабаха) and often when it is an apposition (в аэропорту Гянджа). The matcher holds
    both the forms that decline it and those that keep it.

    >>> sorted(name_after_a_noun("нагорная часть Карабаха")), sorted(name_after_a_noun("Автономная область Нагорного Карабаха"))
    ([2], [2, 3])
    >>> sorted(name_after_a_noun("Нагорный Карабах")), sorted(name_after_a_noun("Лачинский коридор"))
    ([], [])
    >>> sorted(name_after_a_noun("мечеть Гоухар-ага")), sorted(name_after_a_noun("Джума-мечеть Агдама"))
    ([1, 2], [2])
    """
    spans = [m.span() for m in re.finditer(r"\S+", fold(spelling))]
    # The small-letter end of a hyphenated last word is the name's (мечеть Гоухар-ага, мечети
    # Гоухар-ага); a small-letter noun inside one is not (Джума-мечеть Агдама).
    last = len(spans) - 1
    lower = [k for k, (start, end) in enumerate(spans)
             if spelling[start:start + 1].islower() and not (k == last and spelling[start - 1:start] == "-")]
    if not lower or lower[-1] == len(spans) - 1:
        return frozenset()
    return frozenset(range(lower[-1] + 1, len(spans)))


def inflected_keys(key: str, lang: str, spelling: str | None = None):
    """The folded keys the matcher holds for one folded spelling of `lang`: itself and its forms.

    `spelling`, the spelling as the gazetteer writes it, tells abbreviations (`abbreviations`).
    """
    if lang in CASE_FORM_LANGS:
        fixed = abbreviations(spelling) if spelling else frozenset()
        forms = case_forms(key, fixed)
        complement = name_after_a_noun(spelling) if spelling else frozenset()
        return forms | case_forms(key, fixed | complement) if complement else forms
    if lang == "hy":
        return armenian_forms(key)
    if lang == "az":
        return azerbaijani_forms(key)
    return (key,)


def takes_suffix(lang: str, apostrophe: bool = False) -> bool:
    """Whether names in `lang` can carry a suffix glued on (or after an apostrophe)."""
    return lang in (_APOSTROPHE_SUFFIXES if apostrophe else _GLUED_SUFFIXES)


def suffix_ok(lang: str, suffix: str, apostrophe: bool = False, hyphen: bool = False) -> bool:
    """True when the folded letters `suffix`, glued to a name, are a suffix of `lang`.

    With `apostrophe`, the suffix follows an apostrophe (Karabağ'da); with
    `hyphen`, a hyphen (Armenian ԼՂ-ում, ՀՀ-ն).

    >>> suffix_ok("hy", "ում", hyphen=True), suffix_ok("hy", "էն"), suffix_ok("az", "da", hyphen=True)
    (True, True, False)

    Derivations that name people or qualities rather than the place are not
    suffixes here: Turkish ``Karabağlı`` (a Karabakhi) and Armenian
    ``Արցախյան`` (Artsakhi) are not mentions of the place.
    """
    if not suffix:
        return True
    if hyphen:
        grammar = _HYPHEN_SUFFIXES.get(lang)
        return bool(grammar and grammar.fullmatch(suffix))
    grammar = (_APOSTROPHE_SUFFIXES if apostrophe else _GLUED_SUFFIXES).get(lang)
    return bool(grammar and grammar.fullmatch(suffix))

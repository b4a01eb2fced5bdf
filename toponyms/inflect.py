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

from .fold import fold_key

# Case order: nominative, genitive, dative, accusative, instrumental, prepositional.
_CASES = 6
_HUSHING_OR_VELAR = set("гкхжшщч")
_INDECLINABLE_ENDINGS = set("оеиыуюэ")

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


def _russian_word_forms(word: str) -> list[list[str]]:
    """The forms of one Russian word, case by case (a list per case)."""
    if len(word) > 3 and word[-2:] in _ADJECTIVE_ENDINGS:
        stem, ending = word[:-2], word[-2:]
        if ending == "ий" and stem[-1] in "гкх":
            ending = "ий_hard"
        return [[stem + e for e in endings] for endings in _ADJECTIVE_ENDINGS[ending]]
    last = word[-1]
    stem = word[:-1]
    if not last.isalpha() or last in _INDECLINABLE_ENDINGS or len(word) < 3:
        return [[word]] * _CASES
    if last == "а":
        genitive = "и" if stem[-1:] in _HUSHING_OR_VELAR else "ы"
        endings = (["а"], [genitive], ["е"], ["у"], ["ой", "ою", "ей"], ["е"])
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
    return [[stem + e for e in case] for case in endings]


@lru_cache(maxsize=None)
def case_forms(name: str) -> frozenset[str]:
    """Every case form of a folded Russian name, its words agreeing in case.

    Names ending in a vowel other than а/я are indeclinable in Russian
    (``Баку``, ``Физули``, ``Ходжалы``, ``Ханкенди``) and stay as they are.
    Hyphenated words were split by folding; the first part of a compound
    such as ``нагорно`` ends in о and so stays unchanged.

    >>> sorted(case_forms("ханкенди"))
    ['ханкенди']
    >>> sorted(case_forms("лачинский коридор"))
    ['лачинский коридор', 'лачинским коридором', 'лачинского коридора', 'лачинском коридоре', 'лачинскому коридору']
    """
    words = name.split(" ")
    per_word = [_russian_word_forms(w) for w in words]
    forms = {name}
    for case in range(_CASES):
        for combination in product(*(forms_of_word[case] for forms_of_word in per_word)):
            forms.add(" ".join(combination))
    return frozenset(forms)


def _case_table(name: str) -> list[list[str]]:
    """For each case, the forms of the multi-word `name` (its spelling's case kept)."""
    per_word = [_russian_word_forms(w) for w in name.split(" ")]
    return [[" ".join(c) for c in product(*(forms[case] for forms in per_word))] for case in range(_CASES)]


def reinflect(surface: str, name: str, new_name: str, lang: str) -> str:
    """Write `new_name` the way `surface` inflects `name`, to put one name in another's place.

    >>> reinflect("Степанакерте", "Степанакерт", "Ханкенди", "ru")
    'Ханкенди'
    >>> reinflect("Мадагизе", "Мадагиз", "Суговушан", "ru")
    'Суговушане'
    >>> reinflect("Нагорного Карабаха", "Нагорный Карабах", "Арцах", "ru")
    'Арцаха'
    >>> reinflect("Xankəndidə", "Xankəndi", "Stepanakert", "az")
    'Stepanakertdə'
    >>> reinflect("Karabağ'da", "Karabağ", "Yukarı Karabağ", "tr")
    "Yukarı Karabağ'da"
    """
    if lang in CASE_FORM_LANGS:
        wanted = fold_key(surface)
        for case, forms in enumerate(_case_table(fold_key(name))):
            if wanted in forms:
                return _case_table(new_name)[case][0]
        return new_name
    head = len(name)
    if fold_key(surface[:head]) == fold_key(name):
        return new_name + surface[head:]
    return new_name


# Suffix morphemes, folded (ı->i, ə->e, ü->u, ö->o, ş->s, ç->c, ğ->g).
_TURKIC_MORPHEMES = [
    # plural, possessive
    "lar", "ler", "imiz", "umuz", "miz", "muz", "iniz", "unuz", "niz", "nuz", "im", "um", "si", "su",
    # cases (with buffer consonants n, y, s)
    "nda", "nde", "ndan", "nden", "dan", "den", "tan", "ten", "da", "de", "ta", "te",
    "nin", "nun", "in", "un", "na", "ne", "ya", "ye", "a", "e", "yi", "yu", "ni", "nu", "i", "u",
    "yla", "yle", "la", "le", "ca", "ce",
    # "the one in", copula
    "ki", "dir", "dur", "tir", "tur",
]
_ARMENIAN_SUFFIX = re.compile(
    r"(?:յ|ի)?(?:ներ|եր)?(?:ում|ից|ով|ին|ի|ու|ը|ն)?(?:ը|ն)?"
)
_GERMAN_SUFFIX = re.compile(r"s|es")


def _chain(morphemes: list[str], most: int) -> re.Pattern:
    alternation = "|".join(sorted(morphemes, key=len, reverse=True))
    return re.compile(f"(?:{alternation}){{1,{most}}}")


_TURKIC_SUFFIX = _chain(_TURKIC_MORPHEMES, 4)
# Suffixes glued to the name: Azerbaijani Xankəndidə, Armenian Ստեփանակերտում, German Bergkarabachs.
_GLUED_SUFFIXES: dict[str, re.Pattern] = {"az": _TURKIC_SUFFIX, "hy": _ARMENIAN_SUFFIX, "de": _GERMAN_SUFFIX}
# Suffixes set off by an apostrophe: Turkish always writes Karabağ'da, Bakü'nün;
# Azerbaijani sometimes does. Turkish glued letters are not suffixes, so that
# Bakü does not match inside Bakunin.
_APOSTROPHE_SUFFIXES: dict[str, re.Pattern] = {"az": _TURKIC_SUFFIX, "tr": _TURKIC_SUFFIX}
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


def armenian_forms(name: str) -> frozenset[str]:
    """The folded Armenian forms that the suffix grammar cannot reach from `name` itself.

    >>> sorted(armenian_forms("բաքու"))
    ['բաքու', 'բաքվի', 'բաքվիդ', 'բաքվին', 'բաքվիս', 'բաքվից', 'բաքվով', 'բաքվում']
    >>> sorted(armenian_forms("ֆիզուլի"))
    ['ֆիզուլի', 'ֆիզուլու']
    """
    forms = {name}
    if name.endswith("ի") and len(name) > 4:
        # Names in -ի may take the u-declension of գինի, գինու: Ֆիզուլի, Ֆիզուլու.
        forms.add(name[:-1] + "ու")
    if name.endswith("ու") and len(name) > 3:
        stem = name[:-2] + "վ"
        forms.update(stem + ending for ending in _ARMENIAN_U_STEM_ENDINGS)
    return frozenset(forms)


def inflected_keys(key: str, lang: str):
    """The folded keys the matcher holds for one folded spelling of `lang`: itself and its forms."""
    if lang in CASE_FORM_LANGS:
        return case_forms(key)
    if lang == "hy":
        return armenian_forms(key)
    return (key,)


def takes_suffix(lang: str, apostrophe: bool = False) -> bool:
    """Whether names in `lang` can carry a suffix glued on (or after an apostrophe)."""
    return lang in (_APOSTROPHE_SUFFIXES if apostrophe else _GLUED_SUFFIXES)


def suffix_ok(lang: str, suffix: str, apostrophe: bool = False) -> bool:
    """True when the folded letters `suffix`, glued to a name, are a suffix of `lang`.

    With `apostrophe`, the suffix follows an apostrophe (Karabağ'da).

    Derivations that name people or qualities rather than the place are not
    suffixes here: Turkish ``Karabağlı`` (a Karabakhi) and Armenian
    ``Արցախյան`` (Artsakhi) are not mentions of the place.
    """
    if not suffix:
        return True
    grammar = (_APOSTROPHE_SUFFIXES if apostrophe else _GLUED_SUFFIXES).get(lang)
    return bool(grammar and grammar.fullmatch(suffix))

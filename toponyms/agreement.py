"""Russian words that agree with a place name, agreed again when another name takes its place.

"древняя Шуша" is feminine; the Armenian form Шуши does not decline and, like every
indeclinable town name, takes the gender of "город": "древний Шуши". Степанакерт and Ханкенди
are both masculine, but Ханкенди does not decline, so "в блокадном Степанакерте" becomes "в
блокадном Ханкенди" and "в древнем Ханкенди" tells by its adjective that the case is the
prepositional: "в древнем Степанакерте".

The adjectives and participles right before a name (no punctuation between) are read with
pymorphy3 and its OpenCorpora dictionary of Russian, which knows each word's paradigm (hard,
soft and mixed stems, ё, participles of every verb) where a table of endings would have to guess;
it is imported only here, on the path that replaces a Russian name with a word agreeing with it
(about 0.35 s once per process). When the case or the gender cannot be settled, `agree` says so
and the caller keeps the sentence as written rather than write a broken form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .inflect import russian_case_by_preposition, russian_case_form, russian_cases

__all__ = ["Agreement", "UNSURE", "agree", "agree_predicate", "agree_romance", "gender"]

_CASE_TAGS = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Kinds of place whose generic noun is masculine (город, село, посёлок, район): an indeclinable
# name of one of them is masculine (солнечный Тбилиси, древний Шуши).
_MASCULINE_GENERIC = frozenset({"city", "town", "village", "settlement", "district", "neighbourhood"})
_ADJECTIVE_END = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее)$")
_WORD_BEFORE = re.compile(r"([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)([ \t\u00a0]+)$")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;«\"“„(—–-])\s*$")
# Endings of Russian adjectives and participles in every case: other words are not read at all.
_CLAUSE_WORDS = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|[,.;:!?…()«»\"“”„—–]")
# Endings of past-tense verbs and short forms of a gender (пала, пал, освобождена, освобождён).
_MAYBE_PREDICATE = re.compile(r"[а-яё](?:ла|на|та|л|н|т|ло|но|то)(?![а-яё])", re.IGNORECASE)
_MAYBE_ADJECTIVE = re.compile(r"(?:[ыи]й|ой|[ая]я|[оеё]е|[ыи]е|[оеё]го|[оеё]му|[ыи]м|[оеё]м|[ую]ю|[оеё]й|[оеё]ю|[ыи]х|[ыи]ми)$",
                              re.IGNORECASE)


class _Unsure:
    def __repr__(self) -> str:
        return "UNSURE"


UNSURE = _Unsure()  # the words around the name agree with it, but how to agree them again is not certain


@dataclass(frozen=True)
class Agreement:
    """What to write for a name and the words agreeing with it: `words` replaces `before[start:]`."""

    start: int
    words: str
    name: str


def gender(name: str, kind: str = "town") -> str | None:
    """The grammatical gender of a Russian place name (femn, masc), None when the rule cannot tell.

    >>> gender("Шуша"), gender("Шуши"), gender("Степанакерт"), gender("Нагорный Карабах", "region")
    ('femn', 'masc', 'masc', 'masc')
    >>> gender("Агдере"), gender("Тертер", "river"), gender("Кура", "river"), gender("Ходжалы", "region")
    ('masc', 'masc', 'femn', None)
    """
    words = name.lower().split()
    heads = [w for w in words if not _ADJECTIVE_END.search(w)] or words
    head = heads[-1].split("-")[-1]
    if not head:
        return None
    last = head[-1]
    if last in "ая":
        return "femn"
    if last == "й" or (last.isalpha() and last not in "оеиыуюэьё"):
        return "masc"
    if last in "оеиыуюэё":
        return "masc" if kind in _MASCULINE_GENERIC else None
    return None


@lru_cache(maxsize=1)
def _analyser():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _agreeing(word: str, wanted_gender: str | None) -> list:
    """The readings of `word` as a singular adjective or participle of `wanted_gender` (any if None)."""
    found = []
    for parse in _analyser().parse(word):
        tag = parse.tag
        if tag.POS not in ("ADJF", "PRTF") or tag.number != "sing" or tag.case not in _CASE_TAGS:
            continue
        if "anim" in tag:  # a place is inanimate: "древнего" is no accusative of it
            continue
        if wanted_gender is not None and tag.gender != wanted_gender:
            continue
        found.append(parse)
    return found


def _spelled_like(new: str, old: str) -> str:
    """`new` with the capital and the е/ё habit of `old`."""
    if "ё" not in old.lower():
        new = new.replace("ё", "е")
    if len(old) > 1 and old.isupper():
        return new.upper()
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _scan(before: str, wanted_gender: str | None, cases: set[int]) -> tuple[list, set[int]]:
    """The adjectives right before a name (nearest first) that agree with it in one of `cases`, and those cases."""
    words: list[tuple[int, str, list]] = []  # (start in before, word, its readings that agree)
    end = len(before)
    while cases and len(words) < 4:
        found = _WORD_BEFORE.search(before, 0, end)
        if not found or not _MAYBE_ADJECTIVE.search(found.group(1)):
            break
        readings = _agreeing(found.group(1), wanted_gender)
        agreeing_cases = {_CASE_TAGS.index(r.tag.case) for r in readings} & cases
        if not agreeing_cases:
            break
        cases = agreeing_cases
        words.append((found.start(), found.group(1), readings))
        end = found.start()
    return words, cases


def agree(before: str, surface: str, old_name: str, new_name: str, kind: str = "town"):
    """`new_name` put where `surface` (a case of `old_name`) stands, with the adjectives before it agreed.

    Returns an `Agreement`, None when no adjective or participle right before the name agrees
    with it (the caller places the name as usual), or `UNSURE` when one does but its case or the
    new gender cannot be settled.

    >>> agree("Туристы вернулись в древнюю ", "Шушу", "Шуша", "Шуши")
    Agreement(start=20, words='древний ', name='Шуши')
    >>> agree("Говорили о древнем ", "Шуши", "Шуши", "Шуша")
    Agreement(start=11, words='древней ', name='Шуше')
    >>> agree("Жизнь в блокадном ", "Степанакерте", "Степанакерт", "Ханкенди")
    Agreement(start=8, words='блокадном ', name='Ханкенди')
    >>> agree("Бои идут под ", "Шушой", "Шуша", "Шуши") is None
    True
    >>> agree("Репортаж из освобождённой ", "Шуши", "Шуши", "Шуша")
    Agreement(start=12, words='освобождённой ', name='Шуши')
    """
    old_gender, new_gender = gender(old_name, kind), gender(new_name, kind)
    also_new = set(russian_cases(surface, new_name))
    if also_new and old_gender != new_gender:
        # "освобождённой Шуши": a spelling both names share (Шуши, the Armenian form and a case of
        # Шуша), whose adjective agrees with the new name: it already stands as it should.
        words, _ = _scan(before, new_gender, also_new)
        if words:
            return Agreement(words[-1][0], before[words[-1][0]:], surface)
    words, cases = _scan(before, old_gender, set(russian_cases(surface, old_name)))
    if not words:
        return None
    start = words[-1][0]
    if len(cases) > 1:
        by_preposition = russian_case_by_preposition(before[:start], sorted(cases))
        if by_preposition is not None:
            cases = {by_preposition}
        elif cases == {0, 3} and _SENTENCE_START.search(before[:start]):
            cases = {0}  # "Древняя Шуша стоит...": a name that opens its sentence is its subject
    if new_gender is None or old_gender is None:
        return UNSURE
    written = set()
    for case in cases:
        rewritten = []
        for _, word, readings in words:
            reading = next((r for r in readings if r.tag.case == _CASE_TAGS[case]), None)
            wanted = {new_gender, "sing", _CASE_TAGS[case]}
            if case == 3 and new_gender == "masc":
                wanted.add("inan")
            changed = reading.inflect(wanted) if reading is not None else None
            if changed is None:
                return UNSURE
            rewritten.append(_spelled_like(changed.word, word))
        written.add((tuple(rewritten), russian_case_form(new_name, case)))
    if len(written) != 1:
        return UNSURE  # the cases left would be written differently: no guess
    [(rewritten, name)] = written
    text, cursor = [], start
    for (at, word, _), new in zip(reversed(words), reversed(rewritten)):
        text += [before[cursor:at], new]
        cursor = at + len(word)
    text.append(before[cursor:])
    return Agreement(start, "".join(text), name)


def _predicate_readings(word: str, wanted_gender: str) -> list:
    """Readings of `word` as a past-tense verb or a short adjective or participle agreeing with a singular `wanted_gender`."""
    found = []
    for parse in _analyser().parse(word):
        tag = parse.tag
        if tag.number != "sing" or tag.gender != wanted_gender:
            continue
        if (tag.POS == "VERB" and tag.tense == "past") or tag.POS in ("ADJS", "PRTS"):
            found.append(parse)
    return found


def agree_predicate(before: str, after: str, surface: str, old_name: str, new_name: str, kind: str = "town"):
    """The verbs of the name's clause agreed with `new_name`: the one right before it, those after it.

    Past-tense verbs and short forms agree with their subject in gender (Шуша пала, Шуши пал).
    Only for a name that is its clause's subject for sure: `surface` a nominative that is no other
    case of `old_name` (Шуша, not Шуши, which may be any case). Returns (before_edit, after_edit),
    each None or (start, end, text) replacing that span of `before` or `after`; None when nothing
    there agrees with the name; UNSURE when a word there agrees with it but the name may not be
    the subject, or the new gender is not known. Adjectives right before the name are `agree`'s.

    >>> agree_predicate("", " пала 8 ноября.", "Шуша", "Шуша", "Шуши")
    (None, (0, 5, ' пал'))
    >>> agree_predicate("Древняя ", " была освобождена, сообщил штаб.", "Шуша", "Шуша", "Шуши")
    (None, (0, 17, ' был освобожден'))
    >>> agree_predicate("8 ноября пала древняя ", ".", "Шуша", "Шуша", "Шуши")
    ((9, 13, 'пал'), None)
    >>> agree_predicate("", " пал 8 ноября.", "Шуши", "Шуши", "Шуша")
    UNSURE
    >>> agree_predicate("", " под натиском Армении пала.", "Шуша", "Шуша", "Шуши")
    UNSURE
    >>> agree_predicate("в ", " пала.", "Шуше", "Шуша", "Шуши") is None, agree_predicate("В ", " разрушен собор.", "Шуши", "Шуши", "Шуша")
    (True, None)
    """
    old_gender, new_gender = gender(old_name, kind), gender(new_name, kind)
    cases = russian_cases(surface, old_name)
    if old_gender == new_gender or 0 not in cases or old_gender is None:
        return None
    agreeing = []  # (in before?, match, readings)
    if _MAYBE_PREDICATE.search(after[:80]):
        named = False  # another name (a capital) stands between: its span is not ours to write over
        for found in _CLAUSE_WORDS.finditer(after):
            word = found.group()
            if not word[0].isalpha() or found.start() > 80:
                break  # the clause ends
            named = named or (word[0].isupper() and not word.isupper())
            readings = _predicate_readings(word, old_gender)
            if readings and named:
                return UNSURE
            if readings:
                agreeing.append((False, found, readings))
    words, _ = _scan(before, old_gender, {0})
    end = words[-1][0] if words else len(before)
    if russian_case_by_preposition(before[:end], [1, 2, 3, 4, 5]) is not None:
        return None  # "В Шуши разрушен собор": after a preposition the name is no subject
    verb = _WORD_BEFORE.search(before, 0, end)
    if verb and _MAYBE_PREDICATE.search(verb.group(1)):
        readings = _predicate_readings(verb.group(1), old_gender)
        if readings:
            agreeing.append((True, verb, readings))
    if not agreeing:
        return None
    if cases != [0] or new_gender is None:
        return UNSURE
    edits: list = [None, None]
    text, cursor = [], 0
    for in_before, found, readings in agreeing:
        changed = readings[0].inflect({new_gender})
        if changed is None:
            return UNSURE
        new = _spelled_like(changed.word, found.group(1) if in_before else found.group())
        if in_before:
            edits[0] = (found.start(1), found.end(1), new)
        else:
            text += [after[cursor:found.start()], new]
            cursor = found.end()
    if text:
        edits[1] = (0, cursor, "".join(text))
    return tuple(edits)


# ---------------------------------------------------------------- French and Spanish predicates

# Gender told by the definite article a name takes (`toponyms.inflect.name_article`).
_ROMANCE_GENDER = {"le": "masc", "la": "femn", "el": "masc"}
# What may stand between a name and the participle or adjective that agrees with it: a comma,
# "qui"/"que", a form of être/estar/ser/seguir/quedar (never avoir/haber: "a perdu" does not
# agree), negation and adverbs.
_FR_LINK = re.compile(
    r"(?P<link>\s*,?\s*(?:qui\s+)?(?:(?:ne\s+|n['’])?(?:est|était|fut|sera|serait|reste|restait|restera|demeure|"
    r"demeurait|semble|semblait|paraît|paraissait|devient|devenait|est\s+devenue?|a\s+été|avait\s+été|"
    r"aura\s+été)\s+)?(?:(?:pas|plus|toujours|encore|déjà|désormais|entièrement|totalement|"
    r"largement|presque|complètement|partiellement|officiellement|aussi|bien|très|tout|jamais)\s+)*)"
    r"(?P<word>[a-zàâçéèêëîïôûùüÿœ]+)(?![\w'’-])")
_ES_LINK = re.compile(
    r"(?P<link>\s*,?\s*(?:que\s+)?(?:(?:no\s+)?(?:es|era|fue|será|sería|está|estaba|estuvo|estará|ha\s+sido|"
    r"había\s+sido|habrá\s+sido|sigue|seguía|siguió|queda|quedaba|quedó|quedará|permanece|permanecía|"
    r"permaneció|resultó|parece|parecía)\s+)?(?:(?:ya|aún|todavía|casi|totalmente|completamente|"
    r"parcialmente|oficialmente|prácticamente|también|muy|nunca)\s+)*)"
    r"(?P<word>[a-záéíóúñü]+)(?![\w-])")
# Participle endings, masculine -> feminine (occupé/occupée, pris/prise, détruit/détruite,
# ocupado/ocupada, devuelto/devuelta); adjectives too after a copula (vacío/vacía, calme stays).
_FR_PARTICIPLE = (("és", "ées"), ("é", "ée"), ("is", "ise"), ("it", "ite"), ("ts", "tes"), ("us", "ues"),
                  ("u", "ue"), ("i", "ie"))
_FR_ADJECTIVE = (("if", "ive"), ("eux", "euse"), ("el", "elle"), ("ien", "ienne"), ("ent", "ente"),
                 ("ant", "ante"), ("ain", "aine"), ("ais", "aise"), ("ard", "arde"), ("ier", "ière"))
_ES_PARTICIPLE = (("ados", "adas"), ("idos", "idas"), ("ado", "ada"), ("ido", "ida"), ("tos", "tas"),
                  ("to", "ta"), ("cho", "cha"), ("so", "sa"))
_ES_ADJECTIVE = (("os", "as"), ("o", "a"))
# Words a predicate may begin with that do not agree with the name, or agree as nouns do
# (une région, un distrito, capitale, centro): left alone.
_NOT_PREDICATE = frozenset({
    "un", "une", "le", "la", "les", "l", "du", "des", "de", "à", "au", "aux", "en", "dans", "sur", "son", "sa",
    "ses", "leur", "notre", "cette", "ce", "cet", "plus", "moins",
    "el", "lo", "los", "las", "una", "uno", "unos", "unas", "del", "al", "en", "su", "sus", "nuestro", "nuestra",
    "este", "esta", "ese", "esa", "aquel", "aquella", "otro", "otra", "centro", "escenario", "territorio",
    "objeto", "motivo", "punto", "parte", "zona", "región", "capital", "sede", "cuna", "símbolo", "ejemplo",
    "caso", "foco", "blanco", "eje", "tema", "puerta", "clave", "paso", "camino", "muestra",
})


def _regender(word: str, endings, gender: str) -> str | None:
    """`word` in the other gender by one of its `endings` pairs (masc, femn), None if none fits."""
    for masculine, feminine in endings:
        if gender == "femn" and word.endswith(masculine):
            return word[:-len(masculine)] + feminine
        if gender == "masc" and word.endswith(feminine) and len(word) > len(feminine) + 1:
            return word[:-len(feminine)] + masculine
    return None


# A preposition before the name (and its article): the name is a complement ("la capitale de la
# région de X est vide"), and the word after it agrees with another subject.
_ROMANCE_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w'’])(?:de|du|des|d['’]|à|au|aux|dans|en|sur|sous|vers|pour|par|avec|sans|chez|entre|contre|depuis|"
    r"del|al|a|con|desde|hacia|para|por|sobre|sin|tras|hasta|ante|bajo)(?:\s+(?:le|la|les|el|los|las)\s+|\s*l['’]|\s+)$",
    re.IGNORECASE)


def agree_romance(after: str, old_article: str | None, new_article: str | None, lang: str, before: str = ""):
    """The participle or adjective after a French or Spanish name, agreed with the name put in its place.

    `old_article`, `new_article`: the definite articles the old and the new name take (le/la, el/la),
    which say their genders. Only the first word after the name is read, right after it, after a
    comma, "qui"/"que", or a form of être/estar/ser/quedar and adverbs; with no copula it must be a
    participle (occupée, ocupada), after one an adjective too. Returns (length of `after` to
    write again, text), or None when nothing there agrees or the genders are the same or unknown.

    >>> agree_romance(" est occupée depuis 1993.", "la", "le", "fr")
    (12, ' est occupé')
    >>> agree_romance(", reprise en novembre, est vide.", "la", "le", "fr")
    (9, ', repris')
    >>> agree_romance(" fue devuelto a Azerbaiyán.", "el", "la", "es")
    (13, ' fue devuelta')
    >>> agree_romance(" quedó casi vacío.", "el", "la", "es")
    (17, ' quedó casi vacía')
    >>> agree_romance(" a perdu sa population.", "le", "la", "fr") is None, agree_romance(" es una región.", "la", "el", "es") is None
    (True, True)
    >>> agree_romance(" quedó vacía.", "la", "el", "es", before="La capital de la ") is None
    True
    >>> agree_romance(" abrite un monastère.", "la", "le", "fr") is None, agree_romance(" est occupé.", "le", "le", "fr") is None
    (True, True)
    """
    old_gender, new_gender = _ROMANCE_GENDER.get(old_article or ""), _ROMANCE_GENDER.get(new_article or "")
    if old_gender is None or new_gender is None or old_gender == new_gender:
        return None
    if _ROMANCE_PREPOSITION_BEFORE.search(before):
        return None
    found = (_FR_LINK if lang == "fr" else _ES_LINK).match(after)
    if not found or found.group("word") in _NOT_PREDICATE:
        return None
    word, link = found.group("word"), found.group("link")
    copula = link.strip(" ,").strip() not in ("", "qui", "que")
    participles = _FR_PARTICIPLE if lang == "fr" else _ES_PARTICIPLE
    adjectives = _FR_ADJECTIVE if lang == "fr" else _ES_ADJECTIVE
    if not copula and "," not in link:
        # Right after the name only the unmistakable participles: "abrite" is a verb, "occupée" is not.
        participles = participles[:2] if lang == "fr" else participles[:4]
    # The word must have the old name's gender: a feminine form when the old name is feminine.
    own = [(m, f) for m, f in participles + (adjectives if copula else ())
           if word.endswith(f if old_gender == "femn" else m)]
    if not own:
        return None
    changed = _regender(word, own, new_gender)
    if changed is None or changed == word:
        return None
    return found.end("word"), after[:found.start("word")] + changed

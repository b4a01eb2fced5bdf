"""Finding every mention of every name in a text: build once, then scan.

`Matcher(gazetteer)` compiles all spellings (and the Russian case forms
derived from them) into one Aho-Corasick automaton over folded keys.
`Matcher.find(text)` folds the text (same length, so offsets carry over),
scans it once, and keeps the candidates that stand on word boundaries, carry
an allowed suffix, and pass the entity's guards; the longest wins where
candidates overlap.

>>> from toponyms.gazetteer import load
>>> matcher = Matcher(load())
>>> [(m.surface, m.entity_id, m.form) for m in matcher.find("Suqovuşanda və Мадагизе")]
[('Suqovuşanda', 'sugovushan', 'sugovushan'), ('Мадагизе', 'sugovushan', 'madagiz')]
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections import Counter
from functools import cached_property, lru_cache
from itertools import islice
from operator import attrgetter, itemgetter
from typing import Iterable, NamedTuple

from .automaton import KeyAutomaton
from .context import WORD_BEFORE_NAME, Context
from .fold import (FAST_FOLD_MIN, compact, compact_arrays, fold, fold_fast, fold_key, fold_units, has_odd_spacing,
                   needs_compacting)
from .gazetteer import Entity, Gazetteer, containers, district_id, town_id, word_key
from .inflect import (CASE_FORM_LANGS, TURKISH_GLUED_CASES, case_forms, full_form, glues, inflected_keys,
                      plural_head_singulars, plural_heads, plural_modifier_singulars, suffix_ok, takes_suffix,
                      turkic_cases, turkic_demonym)
from .textlang import detect, paragraph_bounds, script_lang

# The kinds of place whose names Turkish copy glues a case ending to without an apostrophe
# (`Matcher._turkish_glued`): the names a headline writes, not villages.
_TURKISH_GLUED_KINDS = frozenset({"country", "region", "city", "town", "district", "province"})
# The locative and ablative endings among them, which a sentence may open with glued on
# (Gencede can kayıpları var, Şuşadan dönenler): words opening a sentence rarely end so.
_TURKISH_GLUED_LOCATIVES = frozenset("da de ta te dan den tan ten daki deki taki teki".split())
# Up to this many entities, a town's name can name the district of its name (`Matcher._as_district`).
SIBLINGS_MAX_ENTITIES = 20_000
# Gazetteers with at least this many spellings are compiled into arrays and scanned by prefix hashing.
SCANNER_MIN_KEYS = 20_000
# When one spelling belongs to several languages, `lang` reports the first of these.
LANG_PREFERENCE = ("en", "ru", "hy", "az", "tr", "fr", "de", "es")

_LETTERS = re.compile(r"[^\W\d_]*")
# Armenian letters after a hyphen may be an ending (ԼՂ-ում): `Matcher._hyphen_end`.
_LETTER_AFTER_HYPHEN = re.compile("[\u0531-\u0587]")
_WORD = re.compile(r"[^\W\d_]+")
# A capitalised word of six letters or more (one less than `Matcher.FUZZY_MIN`: a typo may drop a
# letter), in the Latin, Greek, Cyrillic and Armenian alphabets: what `Matcher._approximate` reads, found
# in the user's text (folding makes every letter small).
_CAPITALS = "".join(c for c in map(chr, range(0x41, 0x590)) if c.isupper() and c.isalpha())
_LONG_WORD = re.compile(r"(?<![^\W\d_])[" + re.escape(_CAPITALS) + r"][^\W\d_]{5,}")
_PUNCTUATION = "'\".,;:!?()[]{}«»„“”‹›<>/\\*#@&%+=|~`^_՝՞։՛՜"
_ALNUM, _LETTER, _UPPER, _HIDES = 1, 2, 4, 8


def _code_point_index(text: str, units: int):
    """A function from a UTF-16 code unit offset in `text` to its code point offset."""
    if units == len(text):
        return lambda unit: unit
    points = []
    for point, char in enumerate(text):
        points.append(point)
        if ord(char) > 0xFFFF:
            points.append(point)
    points.append(len(text))
    return points.__getitem__


def _quote_table(quotes: str):
    import numpy as np

    table = np.zeros(0x10000, dtype=bool)
    table[[ord(q) for q in quotes]] = True
    return table


class _LazyTable:
    """A numpy lookup table made on first use (numpy is not imported at start-up)."""

    def __init__(self, make):
        self.make, self.table = make, None

    def __getitem__(self, index):
        if self.table is None:
            self.table = self.make()
        return self.table[index]


@lru_cache(maxsize=1)
def char_classes():
    """For every UTF-16 code unit: _ALNUM, _LETTER, _UPPER and _HIDES bits (surrogates have none).

    _HIDES marks what `toponyms.fold.compact` takes out or rewrites.
    """
    import numpy as np

    classes = np.zeros(0x10000, dtype=np.uint8)
    for code in range(0x10000):
        char = chr(code)
        classes[code] = ((_ALNUM if char.isalnum() else 0) | (_LETTER if char.isalpha() else 0)
                         | (_UPPER if char.isupper() else 0)
                         | (_HIDES if code >= 0x80 and needs_compacting(char) else 0))
    return classes


# The Armenian full stop (։, U+0589) ends a clause as the Latin one does: Թարթառի հովտում։ Որոտան գյուղում.
_CLAUSE_END = ".;!?:\u0589"
# `word_key` of a mention's surface, remembered: the same few surfaces of a guarded name recur (Shusha, Шуши).
_surface_key = lru_cache(maxsize=4096)(word_key)
# Languages that capitalise every noun: a capital inside a sentence does not tell a name from a word.
_NOUNS_CAPITALISED = frozenset({"de"})
# Words for "the name" after a name, folded (Baharlı adı verilib, "the name Baharlı was given"; Çörəkli
# adlı kənd): what stands before them is a name, not the ordinary word (`Matcher._the_place_all_the_same`).
_NAMING_WORDS = frozenset("adi adli adini adlanan".split())
# The rest of a clause after a name: up to the next sentence or clause end, at most 60 characters.
_CLAUSE = re.compile(r"[^.;!?:,]{0,60}")
# A Russian plural head noun shared by a list of names (в Физулинском и Зангиланском районах,
# Лачинского и Зангезурского коридоров) -> the singular forms of the same case, which each listed
# adjective takes as a name of its own; the nouns in the singular nominative.
PLURAL_HEAD_SINGULAR = plural_head_singulars()
PLURAL_MODIFIER_SINGULAR = plural_modifier_singulars()
_SINGULAR_NAME_HEADS = plural_heads()
# One adjective of such a list and what joins it to the next: "Физулинском, ", "Губадлинского и ".
# An adjective may carry the other side's name in brackets, as the Armenian press glosses Azerbaijan's
# copy: "Агдамского (Акна - ред.), Кяльбаджарского (Карвачарского - ред.) и Тертерского районов".
_LISTED_BEFORE = re.compile(r"(?<!\w)(\w+)(?:\s*\([^()]{1,40}\))?(?:\s*,\s*|\s+(?:и|или)\s+)$")
# A Russian word for districts or provinces, then a dash or colon and the adjectives of their names in
# the nominative: "четыре района – Физулинский, Джебраильский, Зангиланский и Кубатлинский",
# "области: Сюникская и Вайоцдзорская", also with the name they belong to in the genitive between:
# "ряд других районов Арцаха – Ханларский, Дашкесанский, Шамхорский" (`Matcher._listed_after_a_head`).
_HEAD_THEN_COLON = re.compile(r"(?<!\w)(район|района|районы|районов|область|области|областей)"
                              r"(?-i:\s+[А-ЯЁ]\w+)?\s*[:—–-]\s*", re.IGNORECASE)
_LISTED_AFTER = re.compile(r"([А-ЯЁ]\w+)(\s*,\s*|\s+(?:и|или)\s+)?")
# The noun left out after a dash, the district named with it earlier in the sentence: "20 ноября
# перешёл Агдамский район, а 25 ноября — Кельбаджарский" (`Matcher._listed_after_a_head`).
# A district's other name in brackets between its adjective and the noun they share: "Кашатагский
# (Лачинский) район", "Мартакертского (Агдеринского) района", also with a word that dates it:
# "Мардакертского (ныне Агдеринского) района" (`Matcher._bracketed_before_a_head`).
_BRACKETED_ADJECTIVE = re.compile(
    r"\(\s*(?:(?:ныне|теперь|сейчас|прежде|ранее|позднее|бывш(?:ий|его|ему|им|ем|ая|ей|ую|\.))\s+)?"
    r"([А-ЯЁ]\w+[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое))\s*\)\s+(район\w*|област\w*)")
_ADJECTIVE_BEFORE = re.compile(r"(?<!\w)([А-ЯЁ]\w+[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое))\s*$")
# A district's adjective whose noun the sentence gives only once, with another district: "6 селах
# Физулинского, 4 селах Ходжалинского ... в Губадлинском и Зангиланском районах", "Мартунинский район
# был объединён с Гадрутским" (`Matcher._adjective_sharing_a_noun`). The adjective stands alone: a
# mark, a bracket, "и"/"или", a dash or the end follows it, no noun.
_ALONE_ADJECTIVE = re.compile(r"(?<![\w-])([А-ЯЁ]\w+[сц]к(ий|ого|ому|им|ом))"
                              r"(?=\s*[.,;()«»\"]|\s+(?:и|или)\s|\s+[-—–]|\s*$)")
# The Russian words for a district, singular and plural, and the singular for each adjective ending.
_DISTRICT_NOUNS = frozenset("район района району районом районе районы районов районам районами районах".split())
_DISTRICT_NOUN_OF_ENDING = {"ий": "район", "ого": "района", "ому": "району", "им": "районом", "ом": "районе"}
_ELLIPSIS_AFTER_DASH = re.compile(r"[—–]\s*([А-ЯЁ]\w+(?:ский|ская|ской|ского))(?=\s*[.,;()]|\s+(?:и|или)\s|\s*$)")
# Russian words for villages in the plural, right before a town's name in the genitive: "сёла
# Агдама", "населённые пункты Лачина" are the villages of its district (`Matcher._after_russian_villages`).
_RUSSIAN_VILLAGES_BEFORE = re.compile(
    r"(?<!\w)(?:с[её]ла|с[её]л|деревни|деревень|пос[её]лки|населённые\s+пункты|населенные\s+пункты|"
    r"населённых\s+пунктов|населенных\s+пунктов)\s+$", re.IGNORECASE)
# The last letters of those words: a cheap test before the expression.
_VILLAGE_WORD_LAST = frozenset("алиьывАЛИЬЫВ")
_NOMINATIVE_HEAD = {"район": "район", "района": "район", "районы": "район", "районов": "район",
                    "область": "область", "области": "область", "областей": "область"}
# Languages where only the last word of a person's name takes the case ending (Արարատ Միրզոյանի,
# Laçın Məmmədovun): a place's name with an ending is no given name before a surname
# (Արցախի Հանրապետության is the Republic of Artsakh, not a person Artsakh Hanrapetutyan).
_BARE_GIVEN_NAMES = frozenset({"hy", "az", "tr"})
_TOKEN = re.compile(r"\S+")
# A Russian adjective of a district (Ходжавендского, Кашатагском): a capitalised one after a town's
# name takes the word for a district that follows it (посёлок Гадрут Ходжавендского района).
_RUSSIAN_DISTRICT_ADJECTIVE = re.compile(r"[сц]к(?:ого|ому|ом|ий|ой|им)$")
# Armenian words for a district and a province, in the singular (`_armenian_genitives_before_a_plural_head`).
_ARMENIAN_SINGULAR_HEADS = ("շրջան", "մարզ")
# One genitive of such a list and what joins it to the next: "Մարտունիի, ", "Սյունիքի և ", "Ասկերանի,
# հյուսիս-արևմուտքում՝ " (a compass word in the locative before the next names), a figure in brackets
# after it: "Արարատի (14 743) և Արմավիրի մարզերը" (the refugees' census by province).
_ARMENIAN_LISTED_BEFORE = re.compile(
    r"(?<!\w)(\w+ի)(?:\s*\([^()\n]{1,24}\))?(?:\s*,\s*|\s+(?:և|եւ|ու)\s+)(?:[\w-]+ում՝\s*)?$")
# An Armenian name in the locative, ablative, instrumental or with the article (Մարտակերտում,
# Ասկերանը) is no genitive: a word for a district further on in its list does not govern it.
_ARMENIAN_NOT_GENITIVE = re.compile(r"(?:ում|ից|ով|ը)$")
# "Other" (այլ) right before the plural word ends such a list without a name: "... և այլ շրջանների".
_ARMENIAN_OTHER_BEFORE = re.compile(r"(?<=\s)այլ\s+$")
# Words that join the names of a list, and that stand between a word for a district and a name.
# Armenian "and" is written և in the reformed spelling and եւ in the classical one (Western Armenian
# papers, and many Eastern ones): "Գետաբեկի, Թովուզի, Շամխորի եւ Դաշքեսանի շրջանները" (hy10).
_CONJUNCTIONS = frozenset("and ve и et und y e և եւ ու or veya ili или ou oder o".split())
_PREPOSITIONS = frozenset("of de d du del des von der".split())
# Turkish and Azerbaijani bounds name the neighbours of a district by compass point, each point in
# the ablative or the locative before its names: "kuzeyden Kelbecer, Terter ve Ağdere, güneyden Şuşa,
# batıdan Laçin bölgeleriyle çevrilidir", "kuzeyde Daşkesen, kuzeydoğuda Terter, doğuda Ağdam, Hocalı,
# güneyde Laçin bölgeleriyle komşudur", "şimaldan Qubadlı və Cəbrayıl ... rayonları ilə". Inside such a
# list the compass word joins the names as a conjunction does, so the district word at its end reaches
# them all.
_COMPASS_ABLATIVES = frozenset(fold_key(w) for w in (
    "kuzeyden güneyden doğudan batıdan kuzeydoğudan kuzeybatıdan güneydoğudan güneybatıdan "
    "kuzeyde güneyde doğuda batıda kuzeydoğuda kuzeybatıda güneydoğuda güneybatıda "
    "şimaldan cənubdan şərqdən qərbdən şimal-şərqdən şimal-qərbdən cənub-şərqdən cənub-qərbdən "
    "şimalda cənubda şərqdə qərbdə şimal-şərqdə şimal-qərbdə cənub-şərqdə cənub-qərbdə "
    # the possessive locatives of one district's bounds, "as for" between them (AA: "Laçın ilinin
    # kuzeyinde Kelbecer, doğusunda Hocalı, Şuşa ve Hocavend, güneyinde ise Gubadlı illeri bulunuyor")
    "kuzeyinde güneyinde doğusunda batısında kuzeydoğusunda kuzeybatısında güneydoğusunda güneybatısında "
    "şimalında cənubunda şərqində qərbində ise isə").split())
# A figure between the names of a list, its case ending glued: "8718,6 hektarı Laçın, 8526,2-si Füzuli,
# 8203,6-sı isə Xocavənd rayonlarının payına düşür" (the mine clearers' hectares by district).
_FIGURE_IN_A_LIST = re.compile(r"\d[\d.,]*(?:-\w{1,4})?\)?,?")
# Armenian "upper" and "lower" between a district's genitive and the word for its sub-district: the
# NKR divided Askeran and Martakert into such parts ("Ասկերանի վերին ենթաշրջանի" Sghnakh, Madatashen
# and the rest, shamshyan.com). Not the compass adjectives: "Շուշիի հարավային թաղամասերը" is the town's.
_ARMENIAN_PART_ADJECTIVES = frozenset(fold_key(w) for w in "վերին ստորին".split())
# French names no town with an article: "le Kelbadjar", "du Kelbadjar" is the district.
_FRENCH_ARTICLES = frozenset("le du au".split())
# "in" in the languages that put a district word before the name: the village of X in Y.
# Plurals of words for a town that `town_words` leaves out (it holds the words that follow a name).
_TOWNS_PLURAL = frozenset(fold_key(w) for w in "towns cities villes ciudades pueblos Städte".split())
# One plural word for corridors after (or, in French and Spanish, before) the places they are
# named after; the list glue between the names; Azerbaijani and Turkish "with" glued on (Laçınla).
_PLURAL_CORRIDORS = re.compile(r"(?i)\b(?:corridors|couloirs|corredores|korridore[n]?|коридор(?:ы|ов|ами|ах|ам)"
                               r"|dəhlizlər\w*|koridorlar\w*|միջանցքներ\w*)\b")
# Stems that every one of those words contains: found with str.find, which is far faster over a
# large text than any regular expression.
_CORRIDOR_STEMS = ("orridor", "ouloir", "orredor", "oridor", "оридор", "dəhliz", "միջանցք")


def _plural_corridor_words(text: str) -> list:
    """The matches of `_PLURAL_CORRIDORS` in `text`, in order."""
    heads = {}
    for stem in _CORRIDOR_STEMS:
        at = text.find(stem)
        while at >= 0:
            start = at
            while start > 0 and start > at - 2 and text[start - 1].isalpha():
                start -= 1
            head = _PLURAL_CORRIDORS.match(text, start)
            if head and head.start() not in heads:
                heads[head.start()] = head
            at = text.find(stem, at + len(stem))
    return [heads[k] for k in sorted(heads)]


# One plural word for things named after places, after (French, Spanish: before) the places: "the
# Karabakh and East Zangezur economic regions", "Qarabağ və Şərqi Zəngəzur iqtisadi rayonları", "les
# régions économiques du Karabakh et du Zanguezour oriental"; "Fuzuli and Zangilan International
# Airports". Per thing: the suffix of its ids (karabakh -> karabakh_economic_region, fuzuli ->
# fuzuli_airport), the words, and their stems, found first with str.find (most texts hold none).
# Languages whose spellings of a town never name a district by one of the town's forms only
# (`Matcher._siblings`): the Azerbaijani and Turkish press know no Askeran district.
_NO_FORM_DISTRICTS = frozenset({"az", "tr"})
_SHARED_PLURAL_HEADS = (
    ("_economic_region",
     r"economic regions|iqtisadi rayonlar\w*|(?:ekonomik|iktisadi) bölgeler\w*|régions économiques"
     r"|regiones económicas|wirtschaftsregionen"),
    ("_airport",
     r"(?:international )?airports|(?:beynəlxalq )?hava limanlar\w*|(?:uluslararası )?havalimanlar\w*"
     r"|aéroports(?: internationaux)?|aeropuertos(?: internacionales)?|flughäfen"),
    # The historical units the press names in pairs: "the Erivan and Nakhchivan khanates" (the
    # Treaty of Turkmenchay), "İrəvan və Naxçıvan xanlıqları", "Zəngəzur və Cəbrayıl qəzaları", "the
    # Erivan and Elisabethpol governorates". (Russian names them by adjectives, which are no mentions.)
    ("_khanate", r"khanates|khanats|kanatos|xanlıqlar\w*|hanlıklar\w*|խանություններ\w*"),
    ("_uyezd", r"uyezds|uezds|qəzalar\w*|kazalar\w*"),
    ("_governorate", r"governorates|guberniyas|quberniyalar\w*|guberniyalar\w*"),
    # Rivers and reservoirs named after the towns they pass: "the Tartar and Khachen rivers",
    # "Tərtər və Qarqar çayları", "die Flüsse Terter und Chatschen", "Sərsəng və Suqovuşan su anbarları".
    # Districts with a word of their own in the plural, which the words for a district beside a
    # town's name (`_district_context`) leave to towns with a district of their name: a village of
    # the name (Kəngərli of Aghdam) or no bare name at all stays, "Babək və Kəngərli rayonları".
    ("_district", r"rayonlar\w*|districts|районы|районов|районах|ilçeler\w*|illeri\w*|Bezirke|distritos"
                  r"|շրջաններ\w*"),
    ("_river", r"rivers|rivières|fleuves|flüsse|ríos|çaylar\w*|nehirler\w*|գետեր\w*"),
    ("_reservoir", r"reservoirs|réservoirs|embalses|stauseen|su anbarlar\w*|barajlar\w*|ջրամբարներ\w*"),
)
# Per suffix: the plural word right after a list of names, and right before one (with the French
# and Spanish preposition: les khanats d'Erevan et du Nakhitchevan), read from the names found.
_HEAD_AFTER = {suffix: re.compile(r"\s+(?:" + heads + r")(?!\w)", re.IGNORECASE) for suffix, heads in _SHARED_PLURAL_HEADS}
_HEAD_BEFORE = re.compile("(?:" + "|".join(f"(?P<{suffix[1:]}>{heads})" for suffix, heads in _SHARED_PLURAL_HEADS)
                          + r")\s+(?:de\s+|du\s+|d['’]|del\s+|of\s+(?:the\s+)?|von\s+)?\Z", re.IGNORECASE)
_HEAD_WITHIN = {suffix: re.compile(r"(?<!\w)(?:" + heads + r")(?!\w)", re.IGNORECASE) for suffix, heads in _SHARED_PLURAL_HEADS}
# The most characters between two names of such a list (", and the ", " sowie der ").
_GLUE_REACH = 14


_PLURAL_GLUE = re.compile(r"\s*(?:,|,?\s+(?:and|y|e|et|und|sowie|və|ve|и|և|ու|or|o|ou|oder|или))?\s*"
                          r"(?:(?:de|du|d'|der|den|the|los|las|les)\s*)?")
_COMITATIVE = re.compile(r"(?:y?l[aəe])$")


def _head_before(text: str, start: int) -> list[str]:
    """The suffix of `_SHARED_PLURAL_HEADS` whose plural word ends right before `start` (a
    preposition between: les khanats d'Erevan), as a list of one, or none. The word is tried at the
    starts of the last four words only, not at every character.

    >>> _head_before("Les khanats d'Erevan", 14), _head_before("the rivers Tartar", 11), _head_before("in Tartar", 3)
    (['_khanate'], ['_river'], [])
    >>> _head_before("the governorates of Elizavetpol", 20), _head_before("die Flüsse von Tartar", 15)
    (['_governorate'], ['_river'])
    """
    low, at = max(0, start - 60), start
    for _ in range(4):
        at = max(text.rfind(" ", low, at - 1), text.rfind("'", low, at - 1), text.rfind("’", low, at - 1))
        if at < 0:
            return []
        head = _HEAD_BEFORE.match(text, at + 1, start)
        if head is not None and head.lastgroup:
            return ["_" + head.lastgroup]
    return []


def _glued(text: str, before, after, reach: int = _GLUE_REACH) -> bool:
    """Whether two names found one after the other are listed together: a comma, a conjunction, an
    article or a preposition between (`_PLURAL_GLUE`), or nothing but a space.

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end")
    >>> text = "Erivan and Nakhchivan, Ganja; Sheki"
    >>> _glued(text, M(0, 6), M(11, 21)), _glued(text, M(11, 21), M(23, 28)), _glued(text, M(23, 28), M(30, 35))
    (True, True, False)
    """
    return 0 <= after.start - before.end <= reach and _PLURAL_GLUE.fullmatch(text, before.end, after.start) is not None
# "The other districts" after a name makes it one of them.
_OTHER = frozenset(fold_key(w) for w in "other autres anderen andere otros otras demás restlichen".split())
_OTHER_WORD = re.compile("|".join(sorted(_OTHER, key=len, reverse=True)))
# A hyphen or a space and a word after a closing quotation mark; words before an opening one.
_AFTER_QUOTE = re.compile(r"[-\u2010\u2011 ]([^\W\d_]+)")
_BEFORE_QUOTE = re.compile(r"((?:[^\W\d_]+ ){1,3}) ?$")
_IN = frozenset("in im en dans à в во".split())
# Azerbaijani and Turkish "attached to", "belonging to": after a name in the dative they make it
# the district (Şuşa'ya bağlı X köyü, Ağdərəyə aid); "aid" is an English word too, hence the dative.
_AFTER_DATIVE = frozenset({"bağlı", "baglı", "bagli", "aid", "aiddir", "tabe"})
_TURKIC_DATIVE = re.compile(r"(?:'|’)?y?[aəe]$")
# Turkish "il" (province) with its endings is Azerbaijani "il" (year) once ə is folded: "2024-cü il
# Füzuli ili elan edilib" (the Year of Fuzuli, of the poet), "Şuşa ili" (the Year of Shusha, 2022),
# "ilinin", "illərdə". In Azerbaijani text they are no word for a district (`_district_context`).
_TURKISH_PROVINCE = re.compile(r"il(?:i|in|ine|inde|inden|ini|inin|ler\w*)")
# Between a name and another name of the same thing: a bracket, or "or" (and a preposition) in five
# languages: "corridor de Latchine (Berdzor)", "corridor de Latchine ou de Berdzor".
_OR_ELSE = re.compile(r"\s*\(\s*|\s*,?\s+(?:ou|o|or|oder|или)\s+(?:de\s+|d['’]|du\s+|del\s+|of\s+)?")
# "or" between a name and another name of the same place, in the eight languages
# (`Matcher._glossed_in_brackets`): "Թարթառը կամ Թերթերը", the Tartar or Terter.
_OR_GLUE = re.compile(r"\s*,?\s+(?:or|ou|o|oder|или|կամ|veya|ya da|və ya|yaxud|yoxud)\s+")
# Between a name and its other name: a comma, then a few words ending in a verb of calling ("que les
# Arméniens appellent", "que los armenios llaman", "which Armenians call", "known as").
_CALLED = re.compile(r"\s*,?\s+(?:[^\W\d_]+['’\s]+){0,4}?(?:appellent|appelle|appelaient|appelée?s?|nomment|nommée?s?|"
                     r"llaman|llama|llamaban|llamad[oa]s?|denominan|denominad[oa]|call|calls|called|named|"
                     r"known as|conocid[oa] como|connue? sous le nom de)\s+")
# The words that join two names of a list, "and" and "or" in each language (Armenian և and ու):
# every pattern of list glue below says them with this one alternation.
_AND_OR = r"(?:and|y|e|et|und|və|ve|и|և|ու|or|o|ou|oder|или)"
# A comma or a conjunction between two names of a list, a bracketed other name's bracket besides:
# "Zabuj (Aghavno) y Sus".
_LIST_GLUE_AROUND = re.compile(r"\)?\s*(?:,|(?:,\s*)?\s" + _AND_OR + r"\s)\s*\(?")
# Between two names of a list that a word for districts governs, its preposition said again: "les
# districts d'Agdam, de Kelbadjar et de Latchine", "los distritos de Agdam, de Kalbajar y de Lachín".
_OF_AGAIN = re.compile(r"\s*(?:,|,?\s+" + _AND_OR + r")\s+(?:de\s+|d['’]|of\s+)")


def _province_glue(between: str) -> bool:
    """What may stand between two names of a list of provinces: a comma or a conjunction, and the
    preposition said again after it ("de Tavush et d'Ararat", "de Syunik y de Vayots Dzor")."""
    return bool(_LIST_GLUE.fullmatch(between) or _OF_AGAIN.fullmatch(between))
# A word for village or villages that a possessive ending ties to a genitive before it, folded:
# Azerbaijani kəndi, kəndləri, kəndlərinin, kəndini; Turkish köyü, köyleri; and the Azerbaijani word for a
# settlement, qəsəbəsi, qəsəbələri ("Cəbrayılın Xudafərin qəsəbəsində": the Jabrayil district's).
_POSSESSED_VILLAGE = re.compile("(?:kend(?:ler)?i|koy(?:ler)?[iu]|qesebe(?:leri|si))")
# Another noun that the genitive may own, in a case after the possessive's n (işğalından,
# mərkəzində, sakinlərinə): the genitive is its, not the villages' (Şuşanın işğalından sonra
# kəndini itirən). Postpositions built so (işğal altında, il ərzində) own nothing.
_POSSESSED_IN_A_CASE = re.compile("[iu]n(?:d[ae]n?|[ae]|[iu]n?)$")
_POSTPOSITIONS = frozenset({"altinda", "ustunde", "erzinde", "icinde", "yaninda", "uzerinde", "arasinda"})


def _owns_villages(folded_after: str) -> bool:
    """Whether the clause after a name in the genitive names the villages it owns, other words
    between: "Qazaxın [azad edilmiş dörd] kəndini". `folded_after` is the folded text after the name.

    >>> _owns_villages(fold(" azad edilmiş dörd kəndi qaytarılıb.")), _owns_villages(fold(" küçələri, kəndi"))
    (True, False)
    >>> _owns_villages(fold(" işğalından sonra kəndini")), _owns_villages(fold(" 30 il işğal altında qalan kəndləri"))
    (False, True)
    >>> _owns_villages(fold(" Xudafərin qəsəbəsində")), _owns_villages(fold(" mərkəzində yeni qəsəbə"))
    (True, False)

    A list of ordinals is no end of the clause: the three Ağalı villages are Zangilan's.

    >>> _owns_villages(fold(" 1-ci, 2-ci, 3-cü Ağalı kəndlərini")), _owns_villages(fold(" 2020-ci, kəndləri"))
    (True, False)
    """
    k, number = 0, False
    for token in _TOKEN.finditer(folded_after):
        raw = token.group()
        word = raw.strip(_PUNCTUATION)
        if _POSSESSED_VILLAGE.match(word):
            return True
        ordinal = number and word in _ORDINAL_ENDINGS  # folding made "1-ci," two words: "1", "ci,"
        number = len(word) <= 2 and word.isdigit()
        if number or ordinal:
            continue
        if k >= 6 or raw[-1] in ".,;:!?" or (_POSSESSED_IN_A_CASE.search(word) and word not in _POSTPOSITIONS):
            return False
        k += 1
    return False


# The ending of an Azerbaijani ordinal written in digits, folded (1-ci, 2-ci, 3-cü, 6-cı): the
# numbered villages of one name.
_ORDINAL_ENDINGS = frozenset({"ci", "cu"})


# What stands between two names of a list: a comma, a conjunction.
_LIST_GLUE = re.compile(r"\s*(?:,|,?\s+" + _AND_OR + r"\s)\s*")
# The same with an article after the conjunction: "Kalbajar and the Aghdam district", "Latchine et le district de",
# or the article a preposition took in (French du, Spanish del): "le retour de Kalbajar, du district d'Aghdam".
_LIST_GLUE_ARTICLE = re.compile(_LIST_GLUE.pattern + r"(?:(?:the|le|la|les|el|los|der|die|das|den|dem|du|del)\s+"
                                                     r"|de\s+la\s+|l['’]|de\s+l['’])?")
# The English possessive before a word for villages: "Jabrayil's villages", "Zangilan's 12 villages",
# "Kalbajar's mountain villages" are the district's (as Azerbaijani "Zəngilanın kəndləri" is).
_VILLAGES_OF_A_TOWN = re.compile(r"['’]s\s+(?:\d+\s+|[a-z]+\s+)?(?:villages|settlements|communities)\b")
# Words for a district's seat: "Lachin, a district centre" is the town.
_SEATS = frozenset("centre center capital seat town chef-lieu centro hauptstadt hauptort zentrum".split())
# Between a village's name and the town's name after it: "Aghali village of Zangilan", "Tezekend village of Agdam",
# and after the last of a list of villages: "the Sus and Zabukh villages of Lachin".
_VILLAGE_OF = re.compile(r" (?:village|settlement|community|villages|settlements|communities) of ")
# Between a town's name and a village of its district named next: "Kalbajar's Chirag village",
# "Aghdam's Chiragli village" (the possessive before a plural word for villages is `_VILLAGES_OF_A_TOWN`).
_POSSESSIVE = re.compile(r"['’]s\s+")
# A district's or town's name in the genitive, its word for a district after it or not, right before a
# village's: "Qəbələ rayonunun ", "Şamaxı rayonunun ", "Qubanın ", "Gedabek ilçesine bağlı ", "Tovuz'un ".
_GENITIVE_BEFORE_A_VILLAGE = re.compile(
    r"(?:n[ıiuü]n|['’][ıiuü]n|['’]n[ıiuü]n|rayonunun|rayonundakı|ilçesinin|ilçesine bağlı|ilçesindeki|"
    r"bölgəsinin|bölgesinin)\s+$", re.IGNORECASE)
# What stands between a village and the district named after it: nothing but a space (Russian puts the
# district in the genitive after the village: село Алмалы Габалинского района), or a word for a village
# and "of" or "in" (Almali village of Gabala district). Not a comma: "Charakan, Dashkasan, Khorovlu"
# lists villages, one of them named as a district elsewhere.
_DISTRICT_AFTER_A_VILLAGE = re.compile(r"\s{1,3}|\s+(?:village|villages)\s+(?:of|in)\s+", re.IGNORECASE)
# A district with at least this many villages in the gazetteer is the conflict's: a village of the
# gazetteer placed in it is not another village of the name (`Matcher._villages_of_other_districts`).
_CONFLICT_DISTRICT_VILLAGES = 3
# At most this many capitalised words between a name and the head of an institution's name that it opens
# (Yerevan State University, Shusha Global Media Forum: `Matcher._not_in_institution_names`).
INSTITUTION_REACH = 2
# Kinds of place that Turkish names for villages in Turkey too (`Matcher._villages_with_their_region`).
_VILLAGE_KINDS = frozenset({"village"})
# Turkey's 81 provinces, capitalised, alone or before a suffix set off by an apostrophe (Kastamonu'ya
# bağlı, Bolu'nun): a paragraph that names one speaks of Turkey (Ordu, Van, Kars are words or places
# elsewhere: the capital is required of the match).
_PROVINCE_OF_TURKEY = re.compile(
    r"(?<![\w'’])(?:Adana|Adıyaman|Afyonkarahisar|Ağrı|Aksaray|Amasya|Ankara|Antalya|Ardahan|Artvin|Aydın|"
    r"Balıkesir|Bartın|Batman|Bayburt|Bilecik|Bingöl|Bitlis|Bolu|Burdur|Bursa|Çanakkale|Çankırı|Çorum|"
    r"Denizli|Diyarbakır|Düzce|Edirne|Elazığ|Erzincan|Erzurum|Eskişehir|Gaziantep|Giresun|Gümüşhane|"
    r"Hakkari|Hatay|Iğdır|Isparta|İstanbul|İzmir|Kahramanmaraş|Karabük|Karaman|Kars|Kastamonu|Kayseri|"
    r"Kırıkkale|Kırklareli|Kırşehir|Kilis|Kocaeli|Konya|Kütahya|Malatya|Manisa|Mardin|Mersin|Muğla|Muş|"
    r"Nevşehir|Niğde|Ordu|Osmaniye|Rize|Sakarya|Samsun|Siirt|Sinop|Sivas|Şanlıurfa|Şırnak|Tekirdağ|Tokat|"
    r"Trabzon|Tunceli|Uşak|Van|Yalova|Yozgat|Zonguldak)(?=['’]|[^\w'’]|$)")
# Kinds of place that lie outside towns: one placed "in" a town's name is placed in its district
# (a village, a monastery); a plain, church or neighbourhood may lie in the town itself.
_OUTSIDE_TOWNS = frozenset("village settlement monastery mine cave forest pass mountain range reservoir".split())
# "Located", between a name in the Azerbaijani or Turkish locative and what lies there, folded.
_LOCATED = re.compile(r"\s+(?:yerlesen|yerlesir|bulunan)\s+")
# A name alone between quotation marks is often a club, a brand or a work: «Агдам», "Qarabağ".
_OPENING_QUOTES = "«\"“„‹'‘‚"
_CLOSING_QUOTES = "»\"”“›'’"
_QUOTE_SPACES = " \u00a0\u202f"
_OPEN_SET = frozenset(_OPENING_QUOTES)


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is the whole of a quotation: «Ջերմուկի», "Karabakh".

    >>> _quoted("портвейн «Агдам» в Агдаме", 10, 15), _quoted("портвейн «Агдам» в Агдаме", 19, 25)
    (True, False)
    """
    if start > 1 and text[start - 1] in _QUOTE_SPACES:
        start -= 1  # French sets its guillemets off with a (narrow) space: « Jermuk »
    if end + 1 < len(text) and text[end] in _QUOTE_SPACES:
        end += 1
    return (0 < start and end < len(text) and text[start - 1] in _OPENING_QUOTES
            and text[end] in _CLOSING_QUOTES and (start < 2 or not text[start - 2].isalnum()))


# Quotation marks around a quoted name (no apostrophes: they set Turkish suffixes off).
_CLOSING_NAME_QUOTES = "»\"”“›"
_OPENING_NAME_QUOTES = "«\"“„‹"
_QUOTE_MARK = re.compile("[«»\"“”„‹›]")


def _quotation_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(opening, closing) offsets of the quotation marks around [start, end), if it lies in a short one.

    >>> _quotation_around("orden «За освобождение Шуши» вручили", 22, 26)
    (6, 27)
    >>> _quotation_around("«Шуша» и «Агдам»", 10, 15), _quotation_around("Шуша", 0, 4)
    ((9, 15), None)
    >>> _quotation_around("“Laçınım, Laçınım mənim...” adlı yazı", 1, 8)
    (0, 26)
    """
    opening = start - 1
    while opening >= 0 and start - opening < 60 and text[opening] not in _OPENING_NAME_QUOTES:
        if text[opening] in _CLOSING_NAME_QUOTES or text[opening] in ".!?\n":
            return None
        opening -= 1
    if opening < 0 or start - opening >= 60 or (opening and text[opening - 1].isalnum()):
        return None
    close = next((i for i in range(end, min(len(text), end + 60)) if text[i] in _CLOSING_NAME_QUOTES), -1)
    if close < 0:
        return None
    inner_rest = text[end:close].rstrip()
    inner_rest = inner_rest[:-3] if inner_rest.endswith("...") else inner_rest.rstrip("…")
    if inner_rest.strip() and any(c in ".!?\n" for c in inner_rest):
        return None  # a sentence ends between: no quotation of a name (a trailing ellipsis ends none)
    return opening, close


def _quoted_name_of_something(text: str, start: int, end: int, organisation_words,
                              sports_words=None) -> str | None:
    """What short quoted name of something that is no place the name at [start, end) is part of, if any.

    A quoted name of one to five words is a firm's, an order's, a choir's
    when a word for one stands right before or after the quotation (medal
    «За освобождение Шуши», "Şuşa" ordeni, «Джермук груп» inside). It is a
    title when the place name opens it and a case ending is glued to the
    closing quote ("Qarabağ bülbülləri"ndə: Azerbaijani and Turkish inflect
    titles that way). A slogan (“Karabağ Azerbaycandır”) has neither.
    A quotation of one or two words in a sentence of a football report
    (`sports_words`: matç, матч, ֆուտբոլ) is a club's name ("Sumqayıt"
    "Qəbələ"ni üstələyib, «Араз-Нахчыван»).
    Returns "thing" (a word for one goes with the quotation), "club", "title", or None.

    >>> from toponyms.context import Words
    >>> things = Words.of(["груп*", "orden*", "медал*"])
    >>> [_quoted_name_of_something(t, t.index(n), t.index(n) + len(n), things) for t, n in [
    ...     ('"Qarabağ bülbülləri"ndə', "Qarabağ"), ("«Джермук груп»", "Джермук"),
    ...     ('"Şuşa" ordeni verildi', "Şuşa"), ("медаль «За освобождение Шуши»", "Шуши"),
    ...     ("“Karabağ Azerbaycandır”", "Karabağ"), ("«Шуша свободна», — сказал он", "Шуша")]]
    ['title', 'thing', 'thing', 'thing', None, None]
    >>> [_quoted_name_of_something(t, t.index(n), t.index(n) + len(n), things) for t, n in [
    ...     ('"Şuşanın 4 fəsli" adlı festival', "Şuşanın"), ('"Laçın: həqiqətlər" adlanır.', "Laçın"),
    ...     ('"Biz Şuşaya qayıdırıq" adlı aksiya', "Şuşaya"), ('"Qırmızı Bazar"a köç', "Qırmızı Bazar")]]
    ['title', 'title', None, None]
    >>> sports = Words.of(["matç*", "очк*"])
    >>> [_quoted_name_of_something(t, t.index(n), t.index(n) + len(n), things, sports) for t, n in [
    ...     ('"Sumqayıt" evdə matçı uduzub.', "Sumqayıt"), ("«Араз-Нахчыван» набрал 26 очков.", "Нахчыван"),
    ...     ('"Sumqayıt" şəhərində yağış yağıb.', "Sumqayıt")]]
    ['club', 'club', None]
    >>> hy = Words.of(["խմբակցությ*"])
    >>> t = "«Հայաստան» և «Պատիվ ունեմ» խմբակցությունների պատգամավորները"
    >>> _quoted_name_of_something(t, 1, 9, hy), _quoted_name_of_something("«Հայաստան» և «Արցախ» մարզեր", 1, 9, hy)
    ('thing', None)
    """
    around = _quotation_around(text, start, end)
    if around is None:
        return None
    opening, close = around
    words = fold(text[opening + 1:close]).split()
    if not 1 <= len(words) <= 5:
        return None
    before = fold(text[max(0, opening - 30):opening]).split()
    after = fold(text[close + 1:close + 30]).split()
    if (any(w.strip(_PUNCTUATION) in organisation_words for w in words[1:])
            or (before and text[opening - 1:opening].isspace() and before[-1].strip(_PUNCTUATION) in organisation_words)
            or (after and text[close + 1:close + 2].isspace() and after[0].strip(_PUNCTUATION) in organisation_words)):
        return "thing"
    listed = _MORE_QUOTATIONS.match(text, close + 1)
    if listed:  # «Հայաստան» և «Պատիվ ունեմ» խմբակցությունները: the word goes with every name of the list
        after_list = fold(text[listed.end():listed.end() + 30]).split()
        if after_list and after_list[0].strip(_PUNCTUATION) in organisation_words:
            return "thing"
    if sports_words and len(words) <= 2 and _in_a_sports_sentence(text, opening, close, sports_words):
        return "club"
    glued = close + 1 < len(text) and text[close + 1].isalpha()
    if opening + 1 == start and after and text[close + 1:close + 2].isspace() and after[0].strip(_PUNCTUATION) in _NAMED_AFTER_A_QUOTE:
        return "title"  # "Şuşanın 4 fəsli" adlı festival, "Laçın: həqiqətlər, mülahizələr" adlanır
    # The name filling the whole quotation is the place quoted, its case ending after the quote:
    # "Qırmızı Bazar"a, "Böyük Mərcanlı"da (resettlement news), as "Hadrut"da is.
    whole = not text[end:close].strip()
    return "title" if glued and not whole and opening + 1 == start and 1 < len(words) <= 4 else None


# Further quoted names after a quotation, joined by a comma or "and", up to the word after the list:
# «Հայաստան» և «Պատիվ ունեմ» խմբակցությունները, «Шуша», «Агдам» и «Нахчыван» отели.
_MORE_QUOTATIONS = re.compile(
    r"(?:[ \u00a0]*(?:,|և|եւ|ու|и|and|et|und|y|e|ve|və)?[ \u00a0]*[«\"“„][^«»\"“”„.!?\n]{1,60}[»\"”“])+[ \u00a0]+")
# Azerbaijani and Turkish words for "named" right after a quotation, folded: the quotation is a title
# ("Şuşanın 4 fəsli" adlı festival, kitab "Laçın: həqiqətlər" adlanır, "Karabağ'ın sesi" isimli belgesel).
_NAMED_AFTER_A_QUOTE = frozenset({"adli", "adlanir", "adlanan", "adinda", "adiyla", "isimli", "baslikli"})
# A full stop or the Armenian ։, but not between digits (1.14 milyard, a score written 1։0).
_SENTENCE_ENDS = re.compile(r"[!?\n]|(?<!\d)[.։]|[.։](?!\d)")
# A match's score: 2:0, 1։0, 2-1, 3–2 (not a time, 21:00, nor a year's range, 2020-2023).
_SCORE = re.compile(r"(?<![\w.:-])\d{1,2} ?[-–:։] ?\d(?![\d.:-])")
# A quotation right after another one, a space or a dash between: "Sumqayıt" "Qəbələ"ni, «Շիրակ»-«Բանանց».
_NEXT_QUOTATION = re.compile(r"[\w'’]*[ \u00a0]*[-–—]?[ \u00a0]*[«\"“„]")


def _in_a_sports_sentence(text: str, opening: int, close: int, sports_words) -> bool:
    """Whether the sentence around the quotation [opening, close] is a football report's.

    It holds one of `sports_words` or a score, or the quotation pairs with another right after it or
    right before it (two clubs: "Qarabağ" "Sumqayıt"ı qəbul edib, «Շիրակ»-«Բանանց» 2:1).

    >>> from toponyms.context import Words
    >>> _in_a_sports_sentence('Yağış yağıb. "Sumqayıt" matçı uduzub.', 13, 22, Words.of(["matç*"]))
    True
    >>> _in_a_sports_sentence('Matç bitib. "Sumqayıt" şəhərində yağış yağıb.', 12, 21, Words.of(["matç*"]))
    False
    >>> _in_a_sports_sentence('"Şamaxı" "İmişli"ni üstələyib.', 9, 16, Words.of(["matç*"]))
    True
    """
    if _NEXT_QUOTATION.match(text, close + 1) or (
            opening and re.search(r"[»\"”][\w'’]*[ \u00a0]*[-–—]?[ \u00a0]*$", text[max(0, opening - 12):opening])):
        return True
    low = max(0, opening - 300)
    ends = [m.end() for m in _SENTENCE_ENDS.finditer(text, low, opening)]
    low = ends[-1] if ends else low
    after = _SENTENCE_ENDS.search(text, close + 1, close + 300)
    high = after.start() if after else min(len(text), close + 300)
    return bool(_SCORE.search(text, low, high)) or any(
        w.strip(_PUNCTUATION) in sports_words for w in fold(text[low:high]).split())


# A short quoted name: one to three words, each capitalised ("Neftçi", “İnter”, "Bayıl Arena"), its case
# ending glued after the closing mark or not.
_SHORT_QUOTATION = re.compile(r"[«\"“„](\w[\w'’-]*(?:[ \u00a0]\w[\w'’-]*){0,2})[»\"”“]")
# Words that name a name (adını vermişdilər, adlandırırlar, называли): beside them quoted places are names.
_NAMING_WORD = re.compile(r"(?i)\b(?:ad[ıi]n?[ıi]?|adlan\w*|adland\w*|adıyla|ismini|adını|назва\w*|имен\w*)\b")


def _beside_a_quoted_name_of_no_place(text: str, opening: int, close: int, place_spans) -> bool:
    """Whether the sentence of the quotation [opening, close] quotes another short name that is no place.

    News quotes the names of clubs, firms and papers, not of places: a sentence that quotes a name the
    gazetteer does not know ("Neftçi", “İnter”, "Bayıl Arena") beside a quoted place name quotes a club
    or a firm of that name too ('"Qəbələ" doğma meydanda "Sumqayıt"ı qəbul edəcək' aside, which
    `_in_a_sports_sentence` reads: “Qəbələ”dən öncə “Neftçi”də mətbuat katibi olub). A sentence about
    names (adını vermişdilər) quotes places as names. `place_spans`: (start, end) of the places found.

    >>> t = 'Səfiyarlı “Qəbələ”dən öncə “Neftçi”də katib olub.'
    >>> _beside_a_quoted_name_of_no_place(t, 10, 17, [(11, 17)])
    True
    >>> t = 'Ermənilər Laçına “Berdzor”, Qaragölə “Sevlic” adını vermişdilər.'
    >>> _beside_a_quoted_name_of_no_place(t, 17, 25, [(10, 16), (18, 25)])
    False
    >>> t = '"Qırmızı Bazar"a və "Böyük Mərcanlı"ya köç.'
    >>> _beside_a_quoted_name_of_no_place(t, 0, 14, [(1, 14), (21, 36)])
    False
    >>> t = '"Şamaxı" "İmişli"ni, "Sumqayıt" isə "Qəbələ"ni üstələyib.'
    >>> _beside_a_quoted_name_of_no_place(t, 21, 30, [(1, 7), (10, 16), (22, 30), (37, 43)])
    True
    """
    low = max(0, opening - 300)
    ends = [m.end() for m in _SENTENCE_ENDS.finditer(text, low, opening)]
    low = ends[-1] if ends else low
    after = _SENTENCE_ENDS.search(text, close + 1, close + 300)
    high = after.start() if after else min(len(text), close + 300)
    if _NAMING_WORD.search(text, low, high):
        return False
    for quotation in _SHORT_QUOTATION.finditer(text, low, high):
        if quotation.start() <= opening <= quotation.end() or quotation.start() <= close < quotation.end():
            continue
        inner = quotation.group(1)
        if not all(w[:1].isupper() for w in inner.split()):
            continue
        if not any(s < quotation.end(1) and quotation.start(1) < e for s, e in place_spans):
            return True
        beside = _NEXT_QUOTATION.match(text, quotation.end())
        if beside and not quotation.start() <= close < beside.end():
            return True  # two clubs side by side ("Şamaxı" "İmişli"ni) make the sentence's other quoted names clubs
    return False


def _the_club_again(text: str, m, clubs: dict[str, list[int]]) -> bool:
    """Whether the mention fills a quotation that the text quoted as a club's name within `READING_REACH`.

    A match report quotes its clubs in every sentence, with a word of football in only some of them:
    '"Qəbələ" "Şamaxı"nı qəbul edəcək. ... "Şamaxı" isə son 4 görüşdə qələbə qazanmayıb.' A name alone in
    quotes is seldom the place, so the quotation alone (its case ending outside it aside) is enough.

    >>> text = '"Qəbələ" "Şamaxı"nı qəbul edəcək. "Şamaxı" isə qalib gəlməyib. Şamaxı şəhəri.'
    >>> clubs = {fold("Şamaxı"): [9]}
    >>> [_the_club_again(text, Mention(s, s + 6, "", "", "town", "", "az", ""), clubs)
    ...  for s in (text.index("Şamaxı", 20), text.rindex("Şamaxı"))]
    [True, False]
    """
    around = _quotation_around(text, m.start, m.end)
    if around is None:
        return False
    opening, close = around
    if len(text[opening + 1:close].split()) > 2:
        return False
    places = clubs.get(fold(text[opening + 1:close]).strip())
    return bool(places) and any(abs(opening - at) <= READING_REACH for at in places)


def _beside_a_score(text: str, m) -> bool:
    """Whether a score stands right beside the name, a space between or none: a results line names
    clubs ("FK Bakı 2-0 Qäbälä, Khazar Lankaran 0-0 Qarabağ Agdam"). A country's name beside a score
    is left alone (a national side, or the country), and so is a place where the match was played, in
    a case of its own or after "in" ("Կապանում 1:0 հաշվով", "beat Copenhagen in Baku 2-0"). Cost: two
    characters looked at per mention; the rest only where one is a digit.

    >>> text = "FK Bakı 2-0 Qäbälä, then won in Ganja 2:1"
    >>> [_beside_a_score(text, Mention(s, e, text[s:e], "", "town", "", "en", text[s:e]))
    ...  for s, e in [(12, 18), (35, 40)]]
    [True, False]
    """
    if m.kind == "country":
        return False
    before = text[m.start - 2:m.start] if m.start >= 2 else text[:m.start]
    after = text[m.end:m.end + 2]
    if not (before[-1:].isdigit() or before[:1].isdigit() or after[:1].isdigit() or after[1:].isdigit()):
        return False
    if m.match == "inflected":
        return False
    if before[-1:].isdigit() or before[:1].isdigit() and before[1:] == " ":
        score = _SCORE.search(text, max(0, m.start - 8), m.start)
        if score and not text[score.end():m.start].strip():
            return True
    if after[:1].isdigit() or after[:1] == " " and after[1:].isdigit():
        score = _SCORE.match(text, m.end + (after[:1] == " "))
        low = max(0, m.start - 24)
        if score and not _located(fold(text[low:m.end]), m.start - low, m.end - low):
            return True
    return False


# Capitalised abbreviations that open a sports club's name (FC Lokomotiv Yerevan): see `_in_a_club_name`.
_TURKIC = frozenset({"az", "tr"})
# No look-behind for the word's start: it made the pattern four times slower (`_club_marks` checks it).
_CLUB_MARK = re.compile(r"(?:FC|FK|ФК|SC|SK|CF|CD|SV|AC|PFK|ПФК)(?!\w)")
_WORD_CHAR = re.compile(r"\w")


def _club_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each club abbreviation that starts a word (FC, ФК, PFK; not xPFK's FK).

    A mark found inside a word hides no mark that starts one: its letters are word characters.

    >>> _club_marks("ПФК «Арарат», FCK, xFK Qarabağ FK")
    [(0, 3), (31, 33)]
    """
    return [(mark.start(), mark.end()) for mark in _CLUB_MARK.finditer(text)
            if not (mark.start() and _WORD_CHAR.match(text, mark.start() - 1))]
# Plural endings after the stem of a word for a corridor: dəhlizləri, koridorları, corridors, Korridore, коридоров.
_PLURAL = re.compile(r"^[iu]?(?:l[ae]r|s|e|ы|ов|ам|ах)", re.IGNORECASE)
# Azerbaijani and Turkish "with", glued or after an apostrophe: Laçınla, Laçın'la (X with Y corridors: X and Y).
_WITH_ENDING = re.compile(r"(?:['’]?y?l[aəe])$")
# Kinds of place whose names are a town's name and a word for a road: the Lachin corridor, "Laçın yolu".
_ROUTE_KINDS = frozenset({"corridor", "road"})
_CHAIN_HYPHENS = "-‐‑–—"


# `fold_key` for what is asked per hit and repeats: gazetteer spellings (a mention's `name`), the
# words right after a name. Bounded, so a long text of new words only costs the misses.
_name_key = lru_cache(maxsize=1 << 16)(fold_key)


def _in_a_chain_of_names(text: str, start: int) -> bool:
    """Whether a hyphen glues the name at `start` to a capitalised name before it: Ağdam-Şuşa-Laçın.

    >>> _in_a_chain_of_names("Ağdam-Şuşa-Laçın yolu", 11), _in_a_chain_of_names("Laçın yolu", 0)
    (True, False)
    >>> _in_a_chain_of_names("trans-Laçın", 6)
    False

    A quote or bracket opening the chain does not break it: "Kəlbəcər-Laçın yolu" (devranmedia.com).

    >>> _in_a_chain_of_names('"Kəlbəcər-Laçın yolu', 10), _in_a_chain_of_names("(Qubadlı-Laçın yolu)", 9)
    (True, True)
    """
    if start < 2 or text[start - 1] not in _CHAIN_HYPHENS:
        return False
    # Only the word before counts: a window, not the whole text before (that made long texts quadratic).
    words = text[max(0, start - 81):start - 1].split()
    word = re.split(f"[{_CHAIN_HYPHENS}]", words[-1])[-1].lstrip(_PUNCTUATION) if words else ""
    return word[:1].isupper() and word.isalpha()


def _words_around(folded: str, start: int, end: int, count: int = 2) -> list[str]:
    """The `count` words before and after [start, end) in the same clause, punctuation stripped.

    French elisions are cut off the words before (l'entraineur du Qarabag: entraineur).

    >>> _words_around("leyli and majnun; fuzuli town was rebuilt", 18, 24)
    ['town', 'was']
    >>> _words_around("l'entraineur du karabakh a dit", 16, 24)
    ['du', 'entraineur', 'a', 'dit']
    """
    words = []
    for word in reversed(folded[max(0, start - 60):start].split()[-count:]):
        if word[-1] in _CLAUSE_END:
            break
        words.append(_unelided(word.strip(_PUNCTUATION)))
    for word in folded[end:end + 60].split()[:count]:
        if word[0] in _CLAUSE_END:
            break
        words.append(word.strip(_PUNCTUATION))
        if word[-1] in _CLAUSE_END:
            break
    return [w for w in words if w]


# Azerbaijani and Turkish words for villages (folded stems: kənd, köy), the genitive ending (after
# the name's last letter, an apostrophe allowed) and what may stand between: a number.
_VILLAGE_STEMS = ("kend", "koy")
# Cases a name carries for itself: one in a list with its own case shares no ending of the list's end.
_OWN_CASES = frozenset({"DAT", "LOC", "ABL", "ACC", "INS"})
_NUMBER_THEN_WORD = re.compile(r"[ \u00a0]+(?:\d+[ \u00a0]+)?([^\W\d_]+)")
# A count after a town's name in the locative, "also" between or not (Hocavent'te de 2), the glue
# to the next such pair, and the word for villages that ends the run, in folded text (2 köyün, 6 kənd,
# 3 yeni kəndi): `Matcher._counted_villages_in_districts`.
_LOCATIVE_COUNT = re.compile(r"(?:[ \u00a0]+(?:de|da|də))?[ \u00a0]+\d+\b")
_COUNT_GLUE = re.compile(r"\s*(?:,|,?\s+(?:ve|və))\s*")
_VILLAGES_COUNTED = re.compile(r"\s*(?:[^\W\d_]+\s+)?(?:kend|koy)")
# Before a town's name in folded text, what makes it the district of its name without a word for
# one beside it (`Matcher._district_by_what_is_said`): a French article, with at most one adjective
# (le montagneux Latchin, du Karvachar: French names no town with an article), and a French or
# Spanish pronoun standing for a word for districts said before (celui d'Aghdam, los de Kalbajar).
_FRENCH_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:le|du|au)\s+(?:[^\W\d_]+\s+)?$")
_PRONOUN_OF_BEFORE = re.compile(r"(?:^|\s)(?:celui|ceux|celle|celles|el|los)\s+(?:de\s+|d['’])$")
# A town listed beside a village of one of these kinds is a place too: "Berdzor and Aghavno", not districts.
_SETTLEMENTS = frozenset({"village", "settlement"})
# The kinds of place that clubs and firms are named after (Qəbələ, Sumqayıt, Zirə, Kəpəz): a region or a
# country in quotes beside a quoted body's name is a scare quote, still the place (`_quoted_beside_no_place`).
_CLUB_TOWN_KINDS = frozenset({"town", "city", "village", "settlement", "district", "neighbourhood"})
# "So-called" right before a quotation in the eight languages: scare quotes around a place's name.
_SO_CALLED_BEFORE = re.compile(r"(?i)(?:so-called|qondarma|sözde|sözdə|так называем\w*|soi-disant\w*|prétendu\w*|"
                               r"sogenannt\w*|supuest\w*|autoproclamad\w*|ինքնահռչակ\w*|այսպես կոչված\w*)\s*$")
# After a town's name in German, "als (letzte) Region": its head noun is the first capitalised word
# ("Laschin soll als letzte Region folgen"; not "als Bezirkshauptstadt", the town).
_AS_A_DISTRICT_AFTER = re.compile(r"\s+als\s+(?:[a-zäöüß]+\s+){0,2}(?:Region|Regionen|Bezirk|Bezirke|Rayon|Gebiet)\b")
# Russian "в районе" before a name in the genitive is "near", not "in the district of" (в районе
# Лачина, в районе Шуши): the town.
_NEAR_IN_RUSSIAN = re.compile(r"(?:^|\s)во?\s+районе\s+$")
# A name where something happens is no name of what was handed over: "after the handover of
# Kalbajar, Armenians in Shusha...", "Şuşada", "Շուշիում" (the prepositions and the Turkic and
# Armenian locatives; "from", the place left, is not one of them: "withdrew from Aghdam").
_WHERE_BEFORE = frozenset("in im at near à dans près en в во под около bei nahe cerca".split())
# Words that turn a sentence to another subject: a handover said of one name does not reach a name
# past one of these ("Kalbajar was handed over while Shusha stayed calm"). Folded.
_CONTRAST = re.compile(r"(?<!\w)(?:while|whereas|but|wahrend|aber|wogegen|mais|tandis|alors que|pero|mientras|"
                       r"а|но|однако|тогда как|ama|fakat|ancak|ise|lakin|իսկ|բայց|սակայն)(?!\w)")

# Prepositions of place: a name right after one is the place, whatever a reading's cue says
# (born in Fuzuli, stadium in Agdam, родился в Физули); and the Turkic locative and ablative.
# ("bei", "au" and the Turkic locative are left out: a player is bei Qarabag, au Qarabag, Qarabağda.)
_LOCATIVES = frozenset("in im at near around outside from into à dans en près в во из под около nach aus nahe "
                       "desde hacia hasta cerca".split())


# Languages whose adjectives follow the noun: a demonym right after a capitalised word is part
# of a name (Iglesia Apostólica Armenia), where the country would need "de" (Embajada de Armenia).
_ADJECTIVE_AFTER_NOUN = frozenset({"es"})
# Romance languages: an adjective may stand between a word for a district and the names.
_ADJECTIVE_AFTER_NOUN_ROMANCE = frozenset({"es", "fr", "it", "pt", "ca"})


# What a hyphen right after a name joins it to, and what that makes of the name
# (`Matcher._joined_by_a_hyphen`): the second half of a Russian compound adjective
# (Кура-Араксинская низменность: the name is no mention of its own), or, a space after the
# hyphen, the head of the next name (German "Latschin- und Sangesur-Korridor": the corridor).
_HYPHEN_JOINS = (
    (re.compile(r"-[А-ЯЁа-яё]+[сц]к(?:ий|ая|ое|ой|ую|им|их|ого|ому|ыми|ими|ие|ом|ую)(?![А-Яа-яЁё])"), "adjective"),
    (re.compile(r"- "), "ellipsis"),
)


def _after_a_name(text: str, start: int) -> bool:
    """Whether a capitalised word stands right before `start`, with only a space between.

    >>> _after_a_name("la Iglesia Apostólica Armenia", 22), _after_a_name("Ereván, Armenia", 8)
    (True, False)
    """
    before = text[max(0, start - 40):start]
    if not before.endswith(" "):
        return False
    words = before.split()
    return bool(words) and words[-1][:1].isupper() and words[-1][-1].isalpha() and len(words) > 1


# How far (in characters) a name the text gave a person is still taken for that person: an article,
# not the next item of a digest that names the place.
PERSON_REACH = 2000
# How far (in characters, either way) a name the text used for its other reading (the poet Fuzuli, the
# club Qarabağ) is still read so where nothing says place (`Matcher._reading_again`): a few sentences.
READING_REACH = 1000
# What `Matcher._word_guards_pass` says when a word of `guards.not_after` ruled the name out.
NOT_AFTER = "not_after"


def _note_reading(doc, entity_id: str, start: int) -> None:
    """Note in `doc` that the name at `start` was read as something else than the place `entity_id`."""
    if doc.readings_at is None:
        doc.readings_at = {}
    doc.readings_at.setdefault(entity_id, []).append(start)


# Turkic locative endings, after an apostrophe or glued: Karabağ'da, Laçında is "in" the place.
_TURKIC_LOCATIVE = re.compile(r"(?:['’`ʼ])?n?[dt][aəe]$")


def _the_person_again(text: str, folded: str, start: int, end: int, context) -> bool:
    """Whether a name the text has already given a person is that person again here.

    It is, unless something says place: "in" before it (_located), a locative
    ending (Karabağ'da), or a word for a town or district next to it (his
    village, Lachin; Laçın şəhəri).

    >>> from toponyms.context import Context, Words
    >>> towns = Context(town_words=Words.of(["şəhər*"]))
    >>> [_the_person_again(t, fold(t), 0, t.index(" "), towns)
    ...  for t in ("Qarabağlı dedi.", "Karabağ'da kaldı.", "Laçın şəhəri boşdur.")]
    [True, False, False]
    """
    if _located(folded, start, end) or _TURKIC_LOCATIVE.search(text[start:end]):
        return False
    after = folded[end:end + 30].split(None, 1)
    before = folded[max(0, start - 30):start].split()
    for word in (after[0] if after else "", before[-1] if before else ""):
        word = word.strip(_PUNCTUATION)
        if word in context.town_words or word in context.district_words:
            return False
    return True


def _sentence_initial(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence (its capital then says nothing).

    >>> _sentence_initial("Konuşan vekil", 0), _sentence_initial("Er sagte: «Karvan", 11), _sentence_initial("in Suscha", 3)
    (True, True, False)
    >>> _sentence_initial("Հանդիպում եղավ։ Տեղում", 16)
    True
    """
    before = text[max(0, start - 20):start].rstrip(" \u00a0\t«\"“„‘'(—–-")
    return not before or before[-1] in ".!?…:;\n։"


def _next_to(folded: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether one of `words` stands right before or after [start, end), a space between; the word
    may be in quotation marks, as clubs' names are (the rest of the name stays outside them).

    >>> _next_to("fk qarabag agdam won", 11, 16, frozenset({"qarabag"}))
    True
    >>> _next_to("«карабах» агдам обыграл", 10, 15, frozenset({"карабах"}))
    True
    >>> _next_to("in qarabag, agdam won", 12, 17, frozenset({"qarabag"}))
    False
    """
    if start > 1 and folded[start - 1] == " " and (folded[start - 2].isalnum()
                                                   or folded[start - 2] in _CLOSING_QUOTES):
        low = max(0, start - 40)  # the word before: from the last space (or line break) on
        word = folded[folded.rfind(" ", low, start - 1) + 1 or low:start - 1].rpartition("\n")[2]
        if word[-1:] in _CLOSING_QUOTES and word[:1] in _OPENING_QUOTES:
            word = word[1:-1]
        if word in words or word.rpartition("'")[2] in words:  # (l'Ararat Armenia: an elided article)
            return True
    if folded[end:end + 1] == " " and end + 1 < len(folded) and (folded[end + 1].isalnum()
                                                                 or folded[end + 1] in _OPENING_QUOTES):
        stop = folded.find(" ", end + 1, end + 41)
        word = folded[end + 1:stop if stop > 0 else end + 41].partition("\n")[0]
        if word.strip(_PUNCTUATION) in words:
            return True
    return False


def _trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for `words` that matches each of them (the longest where two share a
    start), written as the trie of their letters.

    >>> pattern = re.compile(_trie_pattern(["tovuz", "tovuz rayonu", "tauz"]))
    >>> pattern.match("tovuz rayonu").group(), pattern.match("tauz").group(), pattern.match("tov")
    ('tovuz rayonu', 'tauz', None)
    """
    trie: dict = {}
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def write(node: dict) -> str:
        branches = [re.escape(letter) + write(child) for letter, child in sorted(node.items()) if letter]
        if not branches:
            return ""
        ends = "" in node
        if len(branches) == 1 and not ends:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")

    return write(trie)


def _before_apostrophe(word: str) -> str:
    """A word without the case ending Turkish sets off with an apostrophe (Caddesi'nin, Kargo’nun).

    >>> _before_apostrophe("kargo’nun"), _before_apostrophe("caddesi")
    ('kargo', 'caddesi')
    """
    return re.split("['’]", word, maxsplit=1)[0]


def _word_start(text: str, end: int) -> int:
    """Where the run of letters that ends at `end` starts (`end` itself when none does)."""
    while end > 0 and text[end - 1].isalpha():
        end -= 1
    return end


# An Armenian capital letter (Ա-Ֆ): where one starts a word inside a sentence, a name does
# (`Matcher._in_armenian_proper_names`).
_ARMENIAN_CAPITAL = re.compile("[\u0531-\u0556]")


def _located(folded: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is plainly a place: right after "in", "в", "à", and not
    a possessive (in Fuzuli's poems is the poet's).

    >>> _located("he was born in fuzuli", 15, 21), _located("fuzulis werk", 0, 6)
    (True, False)
    >>> _located("themes in fuzuli's poems", 10, 16)
    False
    >>> _located("horses taken out of karabakh", 20, 28)
    True
    """
    before = folded[max(0, start - 24):start].split()
    if len(before) > 1 and before[-1] == "of" and before[-2] == "out":
        before.pop()  # "out of Karabakh" is "from Karabakh"
        before[-1] = "from"
    return (bool(before) and before[-1] in _LOCATIVES and folded[end:end + 1] not in ("'", "’")
            and not (len(before) > 1 and before[-2] in _BELIEVING))


# "believe in", "croire en", "glauben an": what follows is believed in, not a place one is in
# ("The fans believe in Qarabağ": the club).
_BELIEVING = frozenset("believe believes believed believing faith croire croit croient crois croyons glauben "
                       "glaubt glaube creer cree creen creemos".split())

# What joins two names of one list: a comma, "and" in the eight languages (the Fuzuli and Karabakh Cups).
_LIST_LINK = re.compile(r",? *(?:,|and|ve|və|и|եւ|և|et|und|y|e)? *")

# Articles and prepositions between a word for land and a name: les montagnes du Karabagh.
_LINKS = frozenset("of the du de des la del d l".split())


_NAMELY = frozenset({"namely", "namlich", "a saber", "es decir", "a savoir", "a dire", "notamment", "such as",
                     "tels que", "telles que", "tales como"})
# What `_listed_after_a_colon` needs before a name: a colon or the last word of one of `_NAMELY`.
# Searched in the folded slice before the name, it rules most names out without reading a token.
# Bare "like" opens a list only right after a word for districts: "in Gebieten wie Latschin, Kalbadschar
# und Agdam", "distritos como Agdam y Lachin", "des districts comme Agdam et Latchine".
_LIKE = frozenset({"wie", "como", "comme"})
_LIST_OPENING = re.compile("|".join([":", *sorted({re.escape(w.split()[-1]) for w in _NAMELY} | _LIKE,
                                                  key=len, reverse=True)]))


def _opens_a_list(word: str, backwards: list, position: int) -> bool:
    """Whether the folded token at `position` of `backwards` (read from the name back) ends a
    word that opens a list as a colon does: namely, nämlich, a saber, es decir, à savoir,
    c'est-à-dire, such as, tels que, tales como, notamment ("trois districts, à savoir Agdam,
    Kelbadjar et Latchine"); not bare "como", "comme", "dont" (así como: as well as; dont: whose)."""
    if word in _NAMELY:
        return True
    if word not in ("saber", "decir", "savoir", "dire", "as", "que", "como") or position + 1 >= len(backwards):
        return False
    return f"{backwards[position + 1].group().strip(_PUNCTUATION)} {word}" in _NAMELY


@lru_cache(maxsize=8)
def _compound_ends(words) -> tuple[str, ...]:
    """The words of `words` long enough to end a German compound (Landschaft, Gebirge)."""
    return tuple(w for w in words.exact if len(w) > 5)


def _on_land(folded: str, start: int, end: int, land_words, lang: str | None = None) -> bool:
    """Whether a word for a stretch of land goes with the name at [start, end): it is then the place.

    Right after the name (Qarabağ ərazisində), or before it with articles or prepositions between
    (dans les montagnes du Karabagh, the territory of Karabakh). In Azerbaijani text (`lang`) the
    Turkish province's "ili" is the year's (`_TURKISH_PROVINCE`): "Füzuli ili" is the poet's year.

    >>> from toponyms.context import Words
    >>> land = Words.of(["ərazi*", "montagnes", "territory", "landschaft"])
    >>> [_on_land(t, t.index(n), t.index(n) + len(n), land) for t, n in [
    ...     ("qarabag erazisinde yaradilmis", "qarabag"), ("dans les montagnes du karabagh", "karabagh"),
    ...     ("the territory of the karabakh", "karabakh"), ("qarabag atlari", "qarabag"),
    ...     ("der kaukasuslandschaft karabagh", "karabagh")]]
    [True, True, True, False, True]
    """
    if not land_words:
        return False
    after = folded[end:end + 40].split(None, 1)
    if after and after[0].strip(_PUNCTUATION) in land_words and folded[end:end + 1].isspace() and not (
            lang == "az" and _TURKISH_PROVINCE.fullmatch(after[0].strip(_PUNCTUATION))):
        return True
    before = [w.strip(_PUNCTUATION) for w in folded[max(0, start - 40):start].replace("'", "' ").split()]
    while before and before[-1].rstrip("'") in _LINKS:
        before.pop()
    if not before:
        return False
    # German compounds end in the word for land: der Kaukasuslandschaft Karabagh.
    return before[-1] in land_words or before[-1].endswith(_compound_ends(land_words))


_SENTENCE_MARKS = (". ", "! ", "? ", "; ", "։ ", "\n")
# The first of them in a span, and (greedy) the last: one regular expression each instead of a find per mark.
_SENTENCE_MARK = re.compile("|".join(map(re.escape, _SENTENCE_MARKS)))
_LAST_SENTENCE_MARK = re.compile(".*(" + _SENTENCE_MARK.pattern + ")", re.S)


def _any_between(positions: list[int], low: int, high: int) -> bool:
    """Whether a sorted list of positions has one in [low, high)."""
    first = bisect_left(positions, low)
    return first < len(positions) and positions[first] < high


def _ordinal_dot(folded: str, i: int) -> bool:
    """Whether the ". " at `i` closes an ordinal number of one to three digits before a word, no sentence:
    Turkish and German write ordinals so ("29. dakikada", "53 ve 57. dakikalarda", "am 1. Dezember").
    Years (four digits) and dates (20.11.) end sentences as they did.

    >>> _ordinal_dot("gol 29. dakikada geldi", 6), _ordinal_dot("in 1993. then", 7), _ordinal_dot("ağdam. sonra", 5)
    (True, False, False)
    """
    if not folded[i - 1:i].isdigit() or not folded[i + 2:i + 3].isalpha():
        return False
    first = i - 1
    while first > 0 and folded[first - 1].isdigit():
        first -= 1
    return i - first <= 3 and (first == 0 or folded[first - 1] in " +(")


def _sentence_bounds(folded: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around [start, end) begins and ends (at most 300 characters away).

    The ". " after an ordinal number ends no sentence (`_ordinal_dot`): the test runs only where
    a digit stands before the mark.
    """
    low = max(0, start - 300)
    last = _LAST_SENTENCE_MARK.match(folded, low, start)
    while last and last.start(1) > low and _ordinal_dot(folded, last.start(1)):
        last = _LAST_SENTENCE_MARK.match(folded, low, last.start(1))
    high = min(len(folded), end + 300)
    stop = _SENTENCE_MARK.search(folded, end, high)
    while stop and _ordinal_dot(folded, stop.start()):
        stop = _SENTENCE_MARK.search(folded, stop.start() + 1, high)
    return (last.start(1) + 1 if last else low), (stop.start() + 1 if stop else high)


def _unelided(word: str) -> str:
    """A word without the French article or preposition elided onto it: l'unesco -> unesco.

    >>> _unelided("l'unesco"), _unelided("qu'il"), _unelided("karabağ'da")
    ('unesco', 'il', "karabağ'da")
    """
    cut = word.find("'", 1, 3)
    return word[cut + 1:] if cut > 0 else word


def _sentence_words(folded: str, start: int, end: int, bounds: tuple[int, int] | None = None) -> list[str]:
    """The other words of the sentence around [start, end), punctuation and elisions stripped
    (`bounds`: the sentence's, when the caller has them from `_sentence_bounds`)."""
    low, high = bounds or _sentence_bounds(folded, start, end)
    text = folded[low:start] + " " + folded[end:high]
    return [w for w in (_unelided(word.strip(_PUNCTUATION)) for word in text.split()) if w]


def district_cues(context: Context) -> dict[str, bool]:
    """The words after or before a town's name that may make it its district's (`Context.district_words`,
    and "belonging to" after a dative): word -> whether it must be a whole word."""
    words = context.district_words
    cues = {w: True for w in words.exact}
    cues.update({p: False for p in words.prefixes})
    # "belonging to" after a name in the dative makes it a district's too (Ağdərəyə aid): see `_district_context`.
    cues.update({fold_key(w): True for w in _AFTER_DATIVE if fold_key(w) not in cues})
    return dict(sorted(cues.items()))


def reading_cues(entities) -> dict[str, bool]:
    """The cue words of every entity's other readings -> whether each must be a whole word (else a prefix)."""
    cues: dict[str, bool] = {}
    for entity in entities:
        for _, near, anywhere in entity.guards.readings:
            for words in (near, anywhere):
                for word in words.exact:
                    cues.setdefault(word, True)
                for prefix in words.prefixes:
                    cues[prefix] = False
    return dict(sorted(cues.items()))


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one letter dropped, added or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    if len(a) < len(b):
        return a[first:] == b[first + 1:]
    return a[first + 1:] == b[first + 1:] or (a[first + 2:] == b[first + 2:] and a[first:first + 2] == b[first:first + 2][::-1])


def _leftmost_longest(starts, ends, key_lengths=None):
    """Indexes of the spans to keep, in order: leftmost first, then longest, never overlapping.

    Of equal spans, the one whose key is longest (the fewest suffix letters) comes first:
    Azerbaijani Bərdə is the town Barda, not Berd with a dative.

    Spans that start after every span before them has ended are kept at
    once; only the runs of overlapping spans are settled one by one.
    """
    import numpy as np

    order = np.lexsort((starts - ends, starts) if key_lengths is None else (-key_lengths, starts - ends, starts))
    starts, ends = starts[order], ends[order]
    reach_before = np.concatenate(([-1], np.maximum.accumulate(ends)[:-1]))
    clear = starts >= reach_before
    if clear.all():
        return order
    keep = clear.copy()
    heads = np.flatnonzero(clear)
    for run_start in np.unique(heads[np.searchsorted(heads, np.flatnonzero(~clear), side="right") - 1]).tolist():
        reach = -1
        position = run_start
        while position < len(starts) and (position == run_start or not clear[position]):
            if starts[position] >= reach:
                keep[position] = True
                reach = ends[position]
            else:
                keep[position] = False
            position += 1
    return order[keep]


class Mention(NamedTuple):
    """A place named in a text: a span of the user's text and what it names.

    `start` and `end` are code-point offsets into the text given to `find`
    (end exclusive); `name` is the gazetteer spelling the surface matched,
    `lang` its language (the first of `langs` when one spelling is several
    languages').

    `match` says how the surface matched the name: ``exact`` (the same
    characters), ``folded`` (equal once case, diacritics, ə/e and the like
    are folded), ``inflected`` (a case form or a suffix of the text's
    language), ``transliterated`` (a spelling derived by
    `toponyms.translit`, not listed in the gazetteer) or ``approximate``
    (one edit away, with ``--fuzzy``; or the head of a longer name one edit
    off before a name found, without it). `confidence` is a fixed score per
    kind of match (`CONFIDENCE`), lowered by a fifth when a capitalised name
    is written in lower case: it ranks hits for review, it is not a
    calibrated probability.
    """

    start: int
    end: int
    surface: str
    entity_id: str
    kind: str
    form: str
    lang: str
    name: str
    langs: tuple[str, ...] = ()
    how: str = ""

    @property
    def match(self) -> str:
        """exact, folded, inflected, transliterated or approximate (see the class docstring)."""
        if self.how:
            return self.how
        if self.surface == self.name:
            return "exact"
        return "folded" if fold_key(self.surface) == fold_key(self.name) else "inflected"

    @property
    def confidence(self) -> float:
        score = CONFIDENCE[self.match]
        if self.surface[:1].islower() and self.name[:1].isupper():
            score *= 0.8
        return round(score, 2)

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "id": self.entity_id,
            "kind": self.kind,
            "form": self.form,
            "lang": self.lang,
            "name": self.name,
            "langs": list(self.langs),
            "match": self.match,
            "confidence": self.confidence,
        }


def _mapped(mention: Mention, text: str, starts: list[int], ends: list[int]) -> Mention:
    """A mention found in `toponyms.fold.compact`'s copy, put back onto the user's `text`."""
    start, end = starts[mention.start], ends[mention.end - 1]
    return mention._replace(start=start, end=end, surface=text[start:end], how=mention.match)


def _all_mapped(found: list[Mention], text: str, starts, ends) -> list[Mention]:
    """`_mapped` for every mention of a large text at once, `starts` and `ends` numpy arrays
    (`toponyms.fold.compact_arrays`): the same mentions, made without a call per mention."""
    import numpy as np

    if not found:
        return []
    first = starts[np.fromiter((m.start for m in found), dtype=np.int64, count=len(found))].tolist()
    last = ends[np.fromiter((m.end for m in found), dtype=np.int64, count=len(found)) - 1].tolist()
    # How a surface matched its name depends on the two and `how` alone: each pair is compared once.
    matches: dict = {}
    new = tuple.__new__
    mapped = []
    for m, start, end in zip(found, first, last):
        match_key = (m.surface, m.name, m.how)
        match = matches.get(match_key)
        if match is None:
            match = matches[match_key] = m.match
        mapped.append(new(Mention, (start, end, text[start:end]) + m[3:9] + (match,)))
    return mapped


_OPENING = _LazyTable(lambda: _quote_table(_OPENING_QUOTES))
_CLOSING = _LazyTable(lambda: _quote_table(_CLOSING_QUOTES))
_SPACE = _LazyTable(lambda: _quote_table(_QUOTE_SPACES))


# What a key's hits must be checked for in their context (`Matcher._in_context`).
CHECK_DEMONYM, CHECK_PERSON, CHECK_HOMONYM = 1, 2, 4

# How much a hit is trusted by how it matched (see `Mention`).
CONFIDENCE = {"exact": 0.99, "folded": 0.96, "inflected": 0.93, "transliterated": 0.85, "approximate": 0.6}


class _Text:
    """A text being searched, and the language of each of its paragraphs, found when first asked for.

    `given` is the language the caller says the text is in. A hit in
    Armenian or Cyrillic letters is read in that script's language whatever
    was given (a Russian quote in a French article), unless the given
    language writes that script too.
    """

    __slots__ = ("text", "given", "memo", "low", "high", "last", "cues", "districts", "districts_before", "people",
                 "nested", "readings_at", "cue_starts", "cue_ids", "folded")

    def __init__(self, text: str, given: str | None, nested: bool = False):
        self.text, self.given, self.memo = text, given, {}
        self.nested = nested  # a paragraph read to weigh a homonym (`Matcher._places_around`)
        self.folded = None  # the folded text, once a find has folded it (`Matcher._approximate` reads it again)
        self.low = self.high = -1
        self.last = None
        self.cues = None  # where words that cue another reading of a name start (Matcher._cue_positions)
        self.districts = None  # where words for a district start
        self.districts_before = None  # those of them that name a district before its name (Bezirk, district)
        self.people = None  # folded place spelling -> where the text last used it as a person's name
        self.readings_at = None  # entity id -> where the text used its name for its other reading (`_reading_again`)
        self.cue_starts = self.cue_ids = None  # each reading cue's start and index, sorted by start (`_cue_near`)

    def lang(self, start: int) -> str | None:
        char = self.text[start]
        if char >= "\u0400" and not "\u1e00" <= char <= "\u1eff":
            script = script_lang(char)
            if script:
                given = self.given
                if given and (given == script or (script == "ru" and given in CASE_FORM_LANGS)):
                    return given
                return script
        if self.given:
            return self.given
        if self.low <= start < self.high:
            return self.last  # hits come in order: most share the previous one's paragraph
        bounds = paragraph_bounds(self.text, start)
        found = self.memo.get(bounds, False)
        if found is False:
            found = self.memo[bounds] = detect(self.text[bounds[0]:bounds[1]], latin=True)
        self.low, self.high, self.last = bounds[0], bounds[1], found
        return found


class _Candidate(NamedTuple):
    """What a folded key may be: one spelling of one form in one language.

    A named tuple, not a dataclass: hits look their readings up by tuples of
    candidates (`_reading_memo`), and a tuple hashes in C where a frozen
    dataclass calls its generated `__hash__` for every candidate.
    """

    entity: int
    form: str
    lang: str
    name: str
    inflected: bool
    how: str = ""

    def __reduce__(self):
        # Unpickled by tuple.__new__ in C, not the generated Python __new__: the cached matcher holds
        # hundreds of thousands of candidates, and `find` loads it on every run.
        return tuple.__new__, (_Candidate, tuple(self))


@lru_cache(maxsize=2)
def _suffix_languages(apostrophe: bool) -> tuple[str, ...]:
    """The languages whose names take suffixes glued on (or after an apostrophe)."""
    from .gazetteer import LANGUAGES

    return tuple(lang for lang in LANGUAGES if takes_suffix(lang, apostrophe))


# Names of this many letters or fewer are taken only capitalised: in small letters they are words
# (Spanish "vos sos" is no Şoş, "chucha" no Chucha), and in capitals only up to `ACRONYM_MAX` letters
# they are abbreviations (an SOS is no Sos) unless the gazetteer lists them in capitals (ԼՂՀ, НКР).
SHORT_NAME_MAX = 4
ACRONYM_MAX = 3


def _capital_needed(candidate: _Candidate) -> bool:
    """Derived spellings are only taken capitalised (a rule's guess must not catch ordinary words),
    and so are short names (`SHORT_NAME_MAX`) and every Armenian spelling, unless the spelling itself
    begins with a small letter (corredor de Laçın, from corredor de Lachín). Armenian capitalises every
    proper name, and its place names are words as often as not: ագարակ (a farm, Agarak), աշտարակ (a
    tower, Ashtarak), այրում (burning, Ayrum), ջերմուկ (a hot spring, Jermuk), չինարի (a plane tree)."""
    return (bool(candidate.how) or len(candidate.name) <= SHORT_NAME_MAX or candidate.lang == "hy") \
        and not candidate.name[:1].islower()


def _proper_case(entity, candidate: _Candidate) -> bool:
    """Whether an entity's `proper_case` guard asks the text for a capital at the start of this candidate:
    not for a spelling that begins with a common noun in small letters (река Араз, río Arpa, монастырь
    Амарас), whose capital comes with the name after it (`_capital_after_head`)."""
    return entity.guards.proper_case and not candidate.name[:1].islower()


def _capital_after_head(text: str, start: int, end: int) -> bool:
    """Whether a span that begins with a small letter has a capitalised word after its first one: the
    name after a common noun ("на реке Араз", "au monastère d'Amaras"), which a `proper_case` guard
    asks to be capitalised. A span of one word has none.

    >>> _capital_after_head("на реке Араз", 3, 12), _capital_after_head("на реке араз", 3, 12)
    (True, False)
    """
    return any(word[:1].isupper() or "'" in word and word.split("'")[-1][:1].isupper()
               for word in text[start:end].split()[1:])


def _the_river_alone(text: str, start: int, end: int) -> bool:
    """Whether English "the" stands before the name at [start, end) and no noun after it: English
    names a river with the article and a town without ("the biggest rivers are the Tartar, 200 km
    long, and the Khachin"); "the Tartar district", "the Tartar-Barda road" have a noun after it.

    >>> t = "The rivers are the Tartar, 200 km long, and the Khachin. The Tartar district; in Tartar."
    >>> [_the_river_alone(t, t.index(n, k), t.index(n, k) + len(n)) for n, k in
    ...  (("Tartar", 0), ("Khachin", 0), ("Tartar", 60), ("Tartar", 80))]
    [True, True, False, False]
    """
    if start < 4 or text[start - 4:start].lower() != "the " or (start > 4 and text[start - 5].isalnum()):
        return False
    return end == len(text) or text[end] in ",.;:)" or text.startswith((" and the ", " or the "), end)


_UNKNOWN_NAME_BEFORE = re.compile(r"(?:^|[\s(])([^\W\d_][\w'’-]*)(?:\s*,\s*|\s+" + _AND_OR + r"\s+)$")


def _after_an_unknown_name(text: str, start: int) -> bool:
    """Whether a capitalised word and a comma or "and" stand right before `start`: a list whose first
    name the gazetteer lacks ("the territory of Jevanshir and Jebrail uezds": Jevanshir is a given
    name as well, and not listed bare), so the name at `start` is the list's last, not alone.

    >>> t = "of Jevanshir and Jebrail uezds; of the Jebrail uezds"
    >>> _after_an_unknown_name(t, t.index("Jebrail")), _after_an_unknown_name(t, t.rindex("Jebrail"))
    (True, False)
    """
    match = _UNKNOWN_NAME_BEFORE.search(text, max(0, start - 60), start)
    return bool(match) and match.group(1)[:1].isupper()


def _bracketed(text: str, mention) -> bool:
    """Whether a mention stands inside brackets of its own, a gloss: "Агдамского (Акна - ред.)".

    >>> from types import SimpleNamespace as At
    >>> _bracketed("Агдамского (Акна - ред.), Тертерского", At(start=12, end=16)), _bracketed("в Акне и", At(start=2, end=6))
    (True, False)
    """
    opening = text.rfind("(", max(0, mention.start - 40), mention.start)
    closing = text.find(")", mention.end, mention.end + 40)
    return (opening >= 0 and closing >= 0 and ")" not in text[opening:mention.start]
            and "(" not in text[mention.end:closing])


def _a_word_in_capitals(candidate: _Candidate) -> bool:
    """Whether a spelling is a word of `ACRONYM_MAX` letters or fewer that is not itself written in
    capitals: in capitals in a text (SOS), it is an abbreviation."""
    return len(candidate.name) <= ACRONYM_MAX and not candidate.name.isupper()


def _spelling_count(gazetteer: Gazetteer) -> int:
    """How many spellings a gazetteer has (each a key or more)."""
    return sum(len(spellings) for entity in gazetteer.entities for form in entity.forms
               for spellings in form.names.values())


def _lang_rank(lang: str) -> int:
    return LANG_PREFERENCE.index(lang) if lang in LANG_PREFERENCE else len(LANG_PREFERENCE)


def _in_lang_order(candidate: _Candidate) -> tuple[bool, int]:
    return candidate.inflected, _lang_rank(candidate.lang)


class Matcher:
    """An automaton over every spelling of a gazetteer; build once, `find` many times.

    Up to `SCANNER_MIN_KEYS` spellings the scanner is an Aho-Corasick
    automaton; beyond, building one takes seconds (a minute for a million
    keys), so the keys are found by hashing the text's prefixes at word starts
    instead (`toponyms.compiled.PrefixScanner`), and keys, candidates and
    tables are flat arrays whose items are made when a key is hit: the form
    the on-disk cache keeps (`toponyms.compiled.load_matcher`).
    """

    def __init__(self, gazetteer: Gazetteer, derived: bool = True):
        prebuilt = getattr(gazetteer, "prebuilt_matcher", None)
        if prebuilt is not None:
            # A gazetteer loaded from the cache (toponyms.compiled) comes with its matcher.
            self.__dict__.update(prebuilt.__dict__)
            return
        if _spelling_count(gazetteer) >= SCANNER_MIN_KEYS:
            # Large gazetteers go straight into flat arrays, read lazily (what the cache keeps).
            self.__dict__.update(matcher_from_arrays(gazetteer.entities, *matcher_arrays(gazetteer),
                                                     gazetteer.context).__dict__)
            return
        self.entities: tuple[Entity, ...] = gazetteer.entities
        self.context: Context = gazetteer.context
        buckets: dict[str, dict[_Candidate, None]] = {}
        for index, entity in enumerate(self.entities):
            for form in entity.forms:
                for lang, spelling in form.spellings():
                    key = fold_key(spelling)
                    if not key:
                        continue
                    for variant in inflected_keys(key, lang, spelling):
                        # A dict keeps the first of equal candidates in order, however many places share a key.
                        candidate = _Candidate(index, form.id, lang, spelling, full_form(variant, key, lang))
                        buckets.setdefault(variant, {})[candidate] = None
        if derived:
            from .derived import derived_spellings

            listed = {key: {(c.entity, c.form, c.lang) for c in candidates} for key, candidates in buckets.items()}
            for index, form_id, lang, spelling in derived_spellings(gazetteer):
                key = fold_key(spelling)
                for variant in inflected_keys(key, lang, spelling):
                    if _derived_may_take(listed.get(variant), index, form_id, lang):
                        candidate = _Candidate(index, form_id, lang, spelling, full_form(variant, key, lang),
                                               "transliterated")
                        buckets.setdefault(variant, {})[candidate] = None
        self.keys: list[str] = list(buckets)
        self.candidates: list[tuple[_Candidate, ...]] = [
            # A spelling the gazetteer lists comes before one a rule derived from another language's:
            # Turkish Hocalı is an exact match of the Turkish spelling, not Azerbaijani Xocalı transliterated.
            tuple(sorted(buckets[k], key=lambda c: (c.inflected, bool(c.how), _lang_rank(c.lang)))) for k in self.keys
        ]
        self._lengths = [len(k) for k in self.keys]
        self._checked = self._needs_context()
        self._guarded = [any(self._has_guards(c) for c in cs) for cs in self.candidates]
        self._unambiguous = [len({(c.entity, c.form) for c in cs}) == 1 for cs in self.candidates]
        self._fields = [self._reading(cs[0], cs) for cs in self.candidates]
        # The cue words of the entities' other readings are sought in the same pass (see `_cue_in_sentence`).
        # A reading's cue that is itself a place's name (Qarabağ for Agdam's club) counts only right
        # next to the name (`_adjacent_cues`); scanning for it would look closer at every hit near it.
        self._cues = {w: whole for w, whole in reading_cues(self.entities).items() if w not in buckets}
        self._district_cues = district_cues(self.context)
        self._cues_scanned = True
        self._scanner = self._automaton()

    def _automaton(self):
        """The Aho-Corasick automaton over the keys and the cue words (kept in the cache: see toponyms/automaton.py)."""
        return KeyAutomaton([*self.keys, *self._cues, *self._district_cues])

    def _hits(self, folded: str) -> list[tuple[int, int, int]]:
        """(key or cue index, start, end) of every key and cue in the folded text, offsets in code points."""
        scanner = self._scanner
        if isinstance(scanner, KeyAutomaton):
            return scanner.matches(folded)
        # A large gazetteer's `PrefixScanner` reports UTF-16 byte offsets, as a byte automaton does.
        data = folded.encode("utf-16-le", "surrogatepass")
        to_code_point = _code_point_index(folded, len(data) // 2)
        return [(index, to_code_point(start // 2), to_code_point(end // 2))
                for index, start, end in scanner.find_matches_as_indexes(data, overlapping=True) if start % 2 == 0]

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, text: str, langs: Iterable[str] | None = None, *, lang: str | None = None,
             fuzzy: bool = False) -> list[Mention]:
        """Every mention in `text`, in order, without overlaps.

        `lang` is the text's language: only its grammar may explain letters
        glued to a name, and only its adjectives are ruled out; when None,
        each paragraph's language is detected when a hit needs it
        (`toponyms.textlang`). Names of other languages still match as they
        are written. `langs` limits the names' own languages. `fuzzy` adds
        names written one edit away (see `_approximate`).
        """
        if (len(text) < FAST_FOLD_MIN or langs) and needs_compacting(text):  # large texts: see `_find_large`
            # Soft hyphens, zero-width characters, combining marks, fullwidth letters: matched in a
            # compact copy whose offsets are mapped back onto the user's text.
            compacted, starts, ends = compact(text)
            return [_mapped(m, text, starts, ends) for m in self.find(compacted, langs, lang=lang, fuzzy=fuzzy)]
        wanted = frozenset(langs) if langs else None
        doc = _Text(text, lang)
        if len(text) >= FAST_FOLD_MIN and wanted is None:
            # Hundreds of thousands of mentions, none in a cycle: the collector would only slow their making.
            collecting = gc.isenabled()
            gc.disable()
            try:
                found = self._find_large(doc)
            finally:
                if collecting:
                    gc.enable()
        else:
            found = self._find_small(doc, wanted)
        if fuzzy:
            # Before the passes: a name with a typo is read by its context as the others are
            # ("Fuzuli, Jabrayil, Khjavand and Zangilan districts": Khojavend's district).
            found = self._approximate(doc, found)
        if found and len(self.entities) < SIBLINGS_MAX_ENTITIES:
            found = self._with_misspelt_heads(doc, found)
        if found and self._district_of_part:
            found = self._in_its_district(text, found)
            found = self._genitive_before_villages(text, found)
            found = self._counted_villages_in_districts(text, found)
            found = self._district_by_what_is_said(doc, found)
            if len(found) > 1 and "(" in text:
                found = self._glossed_alike(text, found)
        if len(found) > 1 and self._province_of:
            found = self._in_a_list_of_provinces(text, found)
        if found:
            found = self._listed_before_a_plural_head(text, found)
            if "շրջաններ" in text or "մարզեր" in text:
                found = self._armenian_genitives_before_a_plural_head(text, found)
        if "айон" in text or "бласт" in text:
            found = self._listed_after_a_head(text, found)
            if "(" in text:
                found = self._bracketed_before_a_head(text, found)
            if found and "айон" in text:
                found = self._adjective_sharing_a_noun(text, found)
        if found and self._phrase_keys:
            found = self._quoted_in_a_phrase(text, found)
        if self._corridor_of and len(found) > 1:
            found = self._sharing_a_plural_head(text, found)
        if self._named_after and len(found) > 1:
            found = self._sharing_a_plural_name(text, found)
        if found and "-" in text:
            found = self._joined_by_a_hyphen(text, found)
        if found and _ARMENIAN_CAPITAL.search(text):
            found = self._in_armenian_proper_names(doc, found)
        if self._corridor_of and len(found) > 1 and "/" in text:
            found = self._joined_by_a_slash(text, found)
        if found and (self._ordinary_word_names or self._ordinary_words_in):
            found = self._without_ordinary_words_opening_sentences(doc, found)
        if found and self._listed_only:
            found = self._listed_only_in_lists(text, found)
        if found and self._another_name_wanted:
            found = self._with_another_name(found)
        if found and self._not_spelled:
            not_spelled, spelled_so = self._not_spelled, []
            for m in found:
                if m.entity_id in not_spelled and self._spelled_as_something_else(m):
                    _note_reading(doc, m.entity_id, m.start)  # Fuzûlî: the poet, here and nearby
                else:
                    spelled_so.append(m)
            found = spelled_so
        if wanted is not None and found:
            found = [m for m in found if m.lang in wanted]  # a phrase the passes above made may be of another
        if len(found) > 1 and self._corridor_of_place:
            found = self._coordinated_corridors(text, found)
            if "(" in text:
                found = self._corridors_with_a_gloss(text, found)
            found = self._by_its_other_name(text, found)
        if len(found) > 1 and ("(" in text or _OR_GLUE.search(text)):
            found = self._glossed_in_brackets(text, found)
        if found and any(m.kind in _ROUTE_KINDS and _in_a_chain_of_names(text, m.start) for m in found):
            found = self._chains_of_names(text, found, lang)
        if found:
            found = self._not_in_quoted_names(text, found)
            found = [m for m in found if not _beside_a_score(text, m)]
        if found and doc.readings_at:
            found = self._reading_again(doc, found)
        if found and self.context.prize_forms:
            found = self._not_in_prize_names(text, found)
        if found and self.context.institution_words:
            found = self._not_in_institution_names(text, found)
        if found and any(m.kind in _VILLAGE_KINDS for m in found):
            found = self._villages_of_other_districts(doc, found)
            if self._names_turkey(text, 0, len(text)):  # most texts name no province of Turkey
                found = self._villages_with_their_region(doc, found)
        if found:
            marks = _club_marks(text)
            if marks:  # only names within reach of a club's abbreviation are read closer
                import numpy as np

                # Which mentions have a mark within reach, before or after (`_any_between` for all at once):
                # in a text with one club, the other thousands of names need no closer look.
                mark_starts = np.array([start for start, _ in marks], dtype=np.int64)
                mark_ends = np.array([end for _, end in marks], dtype=np.int64)
                first = np.fromiter((m.start for m in found), dtype=np.int64, count=len(found))
                last = np.fromiter((m.end for m in found), dtype=np.int64, count=len(found))
                before = np.searchsorted(mark_ends, first - 60) < np.searchsorted(mark_ends, first + 1)
                after = np.searchsorted(mark_starts, last) < np.searchsorted(mark_starts, last + 60)

                def in_a_club_name(m: Mention, before: bool, after: bool) -> bool:
                    return ((before and self._in_a_club_name(text, m.start))
                            or (after and self._closes_a_club_name(text, m.end)))

                # A Turkic case ending ends a club's name: Qarabağ FK Bakıda (in Baku) names the town.
                found = [m for m, b, a in zip(found, before.tolist(), after.tolist()) if not (b or a)
                         or not in_a_club_name(m, b, a) or (m.lang in _TURKIC and m.match == "inflected")]
        return found

    @cached_property
    def _corridor_of_place(self) -> dict[str, tuple[int, str, str]]:
        """Folded place name -> (corridor entity, its form, the stem of the word for a corridor), from
        the corridors' spellings that put the word last (Laçın dəhlizi, Zangezur corridor)."""
        corridors, stems = {}, {}
        for index, entity in enumerate(self.entities):
            if entity.kind != "corridor":
                continue
            for form in entity.forms:
                for lang, spelling in form.spellings():
                    *place, head = spelling.replace("-", " ").split()
                    stem = fold_key(head).rstrip("aeiouy")
                    # A place's name of one or two capitalised words: not "corridor de", not a long title.
                    if 1 <= len(place) <= 2 and place[0][:1].isupper() and len(stem) > 4:
                        key = fold_key(" ".join(place))
                        # Armenian puts the place in the genitive (Լաչինի միջանցք): the town's own
                        # name, as a mention has it, is the key too (Բերձորի (Լաչին) միջանցքում).
                        keys = (key, key[:-1]) if lang == "hy" and key.endswith("ի") and len(key) > 4 else (key,)
                        for key in keys:
                            corridors.setdefault(key, (index, form.id))
                            stems.setdefault(key, set()).add(stem)
        return {key: (index, form, tuple(sorted(stems[key]))) for key, (index, form) in corridors.items()}

    def _coordinated_corridors(self, text: str, found: list[Mention]) -> list[Mention]:
        """Places before one word for corridors in the plural name the corridors.

        "Laçınla Zəngəzur dəhlizləri", "the Lachin and Zangezur corridors": the
        plural keeps "X dəhlizi" from matching, so each name was taken for its
        town or region. Each becomes its corridor, the last with the word.
        """
        result = list(found)
        for position, mention in enumerate(found):
            corridor = self._corridor_of_place.get(_name_key(mention.name))
            if corridor is None or mention.kind == "corridor":
                continue
            after = _TOKEN.search(text, mention.end)
            if not after or after.start() != mention.end + 1 or not text[mention.end].isspace():
                continue
            word = fold_key(after.group().strip(_PUNCTUATION))
            if not any(word.startswith(stem) and _PLURAL.search(word[len(stem):]) for stem in corridor[2]):
                continue
            run = [position]
            while run[0] > 0:  # the names before it, joined by a comma, a conjunction or -la/-lə
                before = found[run[0] - 1]
                glue = text[before.end:found[run[0]].start]
                if _name_key(before.name) not in self._corridor_of_place or before.kind == "corridor" or not (
                        _LIST_GLUE.fullmatch(glue) or (glue.isspace() and _WITH_ENDING.search(before.surface))):
                    break
                run.insert(0, run[0] - 1)
            if len(run) < 2:
                continue
            for index in run:
                place = found[index]
                entity, form, _ = self._corridor_of_place[_name_key(place.name)]
                end = after.start() + len(after.group().rstrip(_PUNCTUATION)) if index == position else place.end
                result[index] = place._replace(end=end, surface=text[place.start:end], entity_id=self.entities[entity].id,
                                               kind="corridor", form=form)
        return result

    def _corridors_with_a_gloss(self, text: str, found: list[Mention]) -> list[Mention]:
        """A corridor named by one name with the other side's in brackets before its word: "the Berdzor
        (Lachin) corridor", "der Berdzor (Latschin)-Korridor". The two names were taken for the town;
        they are one mention of the corridor, from the first name to the word.

        Cost: only texts with a bracket and two mentions, and only for mentions of a place that names
        a corridor and that a bracket follows.
        """
        result, skip = [], -1
        for position, mention in enumerate(found):
            if position <= skip:
                continue
            corridor = self._corridor_of_place.get(_name_key(mention.name))
            if (corridor is None or mention.kind == "corridor" or position + 1 >= len(found)
                    or text[mention.end:found[position + 1].start] not in (" (", "(")):
                result.append(mention)
                continue
            gloss = found[position + 1]
            other = self._corridor_of_place.get(_name_key(gloss.name))
            word = _TOKEN.search(text, gloss.end + 1)
            if (other is None or other[0] != corridor[0] or not text.startswith(")", gloss.end) or word is None
                    or word.start() > gloss.end + 2):
                result.append(mention)
                continue
            head = fold_key(word.group().strip(_PUNCTUATION + "-‐‑"))
            if not any(head.startswith(stem) and (len(head) - len(stem) <= 2 or suffix_ok("hy", head[len(stem):]))
                       for stem in corridor[2]):  # Armenian cases are longer: Բերձորի (Լաչին) միջանցքում
                result.append(mention)
                continue  # a corridor's word, singular (the plural is `_coordinated_corridors`')
            end = word.start() + len(word.group().rstrip(_PUNCTUATION))
            result.append(mention._replace(end=end, surface=text[mention.start:end],
                                           entity_id=self.entities[corridor[0]].id, kind="corridor", form=corridor[1]))
            skip = position + 1
        return result

    def _by_its_other_name(self, text: str, found: list[Mention]) -> list[Mention]:
        """A town's name right after a corridor's or a district's, in brackets, after "or" or after a
        verb of calling, names the corridor or the district when it bears that town's name too.

        "le corridor de Latchine (Berdzor)", "le corridor de Latchine ou de Berdzor", "el corredor
        de Lachín, o Berdzor": the Armenian name stands for the corridor, not the town; "la région
        de Karvadjar, que les Arméniens appellent Karvashar", "el distrito de Kalbajar, que los
        armenios llaman Karvachar": for the district. Only the mention after a corridor or a
        district is looked at, and the one before a corridor in brackets: "the Berdzor (Lachin
        corridor)" (the Human Rights Defenders' report of January 2023) names the corridor too.
        """
        result = list(found)
        districts = self._district_of_part
        for i in range(len(found) - 1):
            named, other = found[i], found[i + 1]
            if named.kind == "corridor" and other.kind != "corridor":
                glue = _OR_ELSE.fullmatch(text, named.end, other.start)
                if not glue:
                    continue
                if "(" in glue.group() and i + 2 < len(found) and ")" not in text[other.end:found[i + 2].start]:
                    continue  # a list in brackets: (Berdzor, Aghavno and Sus were handed over)
                corridor = self._corridor_of_place.get(_name_key(other.name))
                if corridor is None or self.entities[corridor[0]].id != named.entity_id:
                    continue
                result[i + 1] = other._replace(entity_id=named.entity_id, kind="corridor", form=corridor[1])
            elif other.kind == "corridor" and named.kind != "corridor":
                if text[named.end:other.start] not in (" (", "(") or not text.startswith(")", other.end):
                    continue
                corridor = self._corridor_of_place.get(_name_key(named.name))
                if corridor is not None and self.entities[corridor[0]].id == other.entity_id:
                    result[i] = named._replace(entity_id=other.entity_id, kind="corridor", form=corridor[1])
            elif (named.kind == "district" and districts.get(other.entity_id, ("",))[0] == named.entity_id
                    and other.start - named.end < 60 and _CALLED.fullmatch(text, named.end, other.start)):
                result[i + 1] = self._as_its_district(other)
        return result

    def _glossed_in_brackets(self, text: str, found: list[Mention]) -> list[Mention]:
        """A name in brackets right after another, or after "or", is a gloss: both name one place.
        "река Базарчай (Воротан)", "el río Bazarchay (Vorotan)": Vorotan alone is the Syunik village,
        here it is the river that Bazarchay names; "Թարթառը կամ Թերթերը" (the Tartar or Terter), the
        river. Where one of the two can be read as the other's place (another place of its spelling,
        or the river or the district of its name), it is: the second name first, then the name before
        it ("Martuni (Khojavend)"). Two places joined by "or" share no reading and stay as they are.
        """
        changed = None
        for i in range(len(found) - 1):
            named, gloss = found[i], found[i + 1]
            between = text[named.end:gloss.start]
            if named.entity_id == gloss.entity_id or not (
                    (between in ("(", " (") and text.startswith(")", gloss.end)) or _OR_GLUE.fullmatch(between)):
                continue
            for j, mention, other in ((i + 1, gloss, named), (i, named, gloss)):
                read = self._read_as(mention, other.entity_id)
                if read is not None:
                    changed = changed or list(found)
                    changed[j] = read
                    break
        return changed or found

    def _read_as(self, m: Mention, entity_id: str) -> Mention | None:
        """`m` read as the place `entity_id` when that is one of its readings: a place its spelling
        names too, or the river or the district of the town's name; else None."""
        index = self._key_indexes.get(fold_key(m.name))
        if index is not None:
            choices = self.candidates[index]
            for c in choices:
                if self.entities[c.entity].id == entity_id:
                    entity, kind, form, lang, name, langs, _ = self._reading(c, choices)
                    return m._replace(entity_id=entity, kind=kind, form=form, lang=lang, name=name, langs=langs)
        town = self._entity_index.get(m.entity_id)
        river = self._rivers.get(town) if town is not None else None
        if river is not None and self.entities[river].id == entity_id:
            return m._replace(entity_id=entity_id, kind=self.entities[river].kind,
                              form=self.entities[river].forms[0].id)
        if self._district_of_part.get(m.entity_id, ("",))[0] == entity_id:
            return self._as_its_district(m)
        return None

    @cached_property
    def _key_indexes(self) -> dict[str, int]:
        """Key -> key index (built the first time a text needs it: `_read_as`)."""
        return {key: i for i, key in enumerate(self.keys)}

    def _chains_of_names(self, text: str, found: list[Mention], lang: str | None) -> list[Mention]:
        """The town for a corridor's name that ends a chain of names (`_in_a_chain_of_names`).

        "Ağdam-Şuşa-Laçın yolu" is the road through three towns, not the Lachin corridor that
        "Laçın yolu" alone names: the last town is matched without the word for a road.
        """
        result = []
        for mention in found:
            if mention.kind in _ROUTE_KINDS and _in_a_chain_of_names(text, mention.start):
                head = text.rfind(" ", mention.start, mention.end)
                if head > mention.start:
                    low = max(0, mention.start - 100)  # enough before it for the language and the case
                    inner = self.find(text[low:head], lang=lang)
                    result.extend(m._replace(start=m.start + low, end=m.end + low) for m in inner
                                  if m.start + low == mention.start and m.kind not in _ROUTE_KINDS)
                    continue
            result.append(mention)
        return result

    def _not_in_quoted_names(self, text: str, found: list[Mention]) -> list[Mention]:
        """The mentions without those in a quoted name of a title, firm or order (`_quoted_name_of_something`).

        A title whose quotation holds another place too is a slogan or a headline: its places stay. A
        corridor's or road's own name filling the quotation stays next to a word for a project: the
        project is the route (проект «Маршрут Трампа», “Trump Rotası” projesi).
        """
        quotes = [q.start() for q in _QUOTE_MARK.finditer(text)]
        if not quotes:
            return found
        starts = [m.start for m in found]
        kept = []
        clubs: dict[str, list[int]] = {}  # folded quotation -> where the text quoted it as a club's name
        titles: dict[int, str] = {}  # opening mark of a title's quotation -> the place it opens with
        for mention in found:
            nearest = bisect_left(quotes, mention.start)
            if not nearest or mention.start - quotes[nearest - 1] >= 60:
                kept.append(mention)  # no quotation mark just before: not in a short quotation
                continue
            what = _quoted_name_of_something(text, mention.start, mention.end, self.context.organisation_words,
                                             self.context.sports_words)
            if what == "thing":
                if mention.kind in _ROUTE_KINDS:
                    opening, close = _quotation_around(text, mention.start, mention.end)
                    if text[opening + 1:close].strip() == text[mention.start:mention.end]:
                        kept.append(mention)  # проект «Маршрут Трампа»: the project is the corridor itself
                continue
            if what == "club":
                opening, close = _quotation_around(text, mention.start, mention.end)
                if (len(text[opening + 1:close].split()) < 2
                        or bisect_left(starts, close) - bisect_left(starts, opening) <= 1
                        or text[close + 1:close + 2].isalpha()):  # “Araz Naxçıvan”ın: a slogan takes no case ending
                    clubs.setdefault(fold(text[opening + 1:close]).strip(), []).append(opening)
                    continue  # "Araz-Naxçıvan", "Turan Tovuz"; two places in two words are a slogan

            if what is None and self._quoted_beside_no_place(text, mention, found, starts):
                continue
            if what is None and titles:
                around = _quotation_around(text, mention.start, mention.end)
                if around and titles.get(around[0]) == mention.entity_id:
                    continue  # the title's place again inside it: "Laçınım, Laçınım mənim..." adlı yazı
            if what == "title":
                _, close = _quotation_around(text, mention.start, mention.end)
                inside = found[bisect_left(starts, mention.start):bisect_left(starts, close)]
                if all(m.entity_id == mention.entity_id for m in inside):
                    titles[_quotation_around(text, mention.start, mention.end)[0]] = mention.entity_id
                    continue  # no other place inside the quotation: a title ("Laçınım, Laçınım mənim"), not a slogan
            kept.append(mention)
        if clubs:
            # A mention fills such a quotation only if its opening mark (at most 60 characters before
            # it) lies within reach of a club's: the others need no look for quotation marks.
            quoted = sorted(at for places in clubs.values() for at in places)
            reach = READING_REACH + 60
            kept = [m for m in kept
                    if not (_any_between(quoted, m.start - reach, m.start + reach + 1) and _the_club_again(text, m, clubs))]
        return kept

    @staticmethod
    def _quoted_beside_no_place(text: str, mention: Mention, found: list[Mention], starts: list[int]) -> bool:
        """Whether the mention fills a quotation of one or two words beside a quoted name of no place
        (`_beside_a_quoted_name_of_no_place`): a club's or a firm's name, not the place."""
        if mention.kind not in _CLUB_TOWN_KINDS:
            return False  # a region or country in scare quotes beside a quoted body: qondarma "Artsax" rejiminin "Müdafiə Ordusu"
        around = _quotation_around(text, mention.start, mention.end)
        if around is None:
            return False
        opening, close = around
        if text[opening + 1:close].strip() != text[mention.start:mention.end] or len(text[opening + 1:close].split()) > 2:
            return False
        if _SO_CALLED_BEFORE.search(text, max(0, opening - 30), opening):
            return False  # scare quotes: the so-called "Stepanakert" is still the town
        # The places of the quotation's sentence only (it reaches 300 characters either way at most):
        # `starts` (of `found`, sorted) is bisected, not every mention of the text read per quotation.
        near = found[bisect_left(starts, opening - 500):bisect_left(starts, close + 500)]
        return _beside_a_quoted_name_of_no_place(text, opening, close, [(m.start, m.end) for m in near])

    def _reading_again(self, doc: "_Text", found: list[Mention]) -> list[Mention]:
        """The mentions without the names the text uses, nearby, for the thing their reading was (the poet, the club).

        A page about the poet names him "Füzuli" bare once it has said who he is ("Məhəmməd Füzulinin
        qəzəlləri ... Füzuli uzun illər Kərbəlada yaşayıb"); a match report its club ("Karabağ'ın teknik
        direktörü ... Karabağ, 10 kişi kalmasına rağmen"). So a mention of an entity one of whose readings
        `carries` (the gazetteer's guards: the poet, the club, the archangel; not the horse breed) is dropped when the same entity's name was read as the other thing within
        `READING_REACH` characters before or after it (`doc.readings_at`, noted by `_words_pass` and the
        `not_spelled` pass; not by a name alone in quotes, which may be a hotel's as well as the club's), unless something says place: "in" before it, a locative ending, a word
        for a town, district or land beside it (`_the_person_again`, `_on_land`), and unless a mention so
        marked stands between the two (the text has come to the town: "Füzuli şəhərində").

        Runs only for texts where such a reading was found; per mention of those entities, a fold of the
        few words around it. A text read sentence by sentence gives it nothing to go on: the bench sees it
        only with `--by page`.
        """
        readings_at, text, context = doc.readings_at, doc.text, self.context
        marked: dict[str, list[int]] = {}  # entity id -> starts of its mentions that something marks as the place
        loose = []  # (position in found, mention) of bare mentions of those entities
        for i, m in enumerate(found):
            if m.entity_id not in readings_at:
                continue
            low = max(0, m.start - 40)
            window = text[low:m.end + 40]
            folded = fold(window)
            start, end = m.start - low, m.end - low
            if (_the_person_again(window, folded, start, end, context)
                    and not _on_land(folded, start, end, context.places_around)):
                loose.append((i, m))
            else:
                marked.setdefault(m.entity_id, []).append(m.start)
        dropped = set()
        for i, m in loose:
            fired = sorted(readings_at[m.entity_id])
            barriers = marked.get(m.entity_id, [])
            k = bisect_left(fired, m.start)
            before = fired[k - 1] if k else None
            after = fired[k] if k < len(fired) else None
            if ((before is not None and m.start - before <= READING_REACH
                 and not any(before < b < m.start for b in barriers))
                    or (after is not None and after - m.start <= READING_REACH
                        and not any(m.start < b < after for b in barriers))):
                dropped.add(i)
        if not dropped:
            return found
        return [m for i, m in enumerate(found) if i not in dropped]

    @cached_property
    def _prize_mark(self) -> re.Pattern:
        """Where a word for a prize may start: the gazetteer's words as written, and capitalised (a sentence
        may open with one), none that another begins. A pattern of literals only, with no look-behind, scans
        a text as fast as `_QUOTE_MARK` (a look-behind makes it five times slower): the word's boundary is
        checked at each of the few places it finds."""
        forms = {one for form in self.context.prize_forms for one in (form, form[:1].upper() + form[1:]) if one}
        shortest = sorted(form for form in forms if not any(form != other and form.startswith(other) for other in forms))
        return re.compile("|".join(map(re.escape, sorted(shortest, key=len, reverse=True))) or "(?!)")

    def _not_in_prize_names(self, text: str, found: list[Mention]) -> list[Mention]:
        """The mentions without the names of cups and prizes: a word of `context.prize_words` right after the
        name (Karabakh Cup, Qarabağ kuboku, Karabach-Pokal) or, in languages that put a head noun first,
        right before it, an article or preposition between (Кубок Карабаха, Coupe du Karabakh); and the names
        listed before such a name, a comma or "and" between (the Sugovushan, Fuzuli and Karabakh Cups). So
        too a bare name right before a word of `context.street_words`, alone (Tbilisidəki Şuşa küçəsi, Füzuli
        prospektində, Şuşa Caddesi'nin; not Şuşanın küçəsi, a street of Shusha), and in Spanish right after
        one with no preposition between (la calle Armenia).

        Reads only the mentions next to a word for a prize or a street (`_prize_mark`).
        """
        prizes, streets = self.context.prize_words, self.context.street_words
        streets_first = self.context.street_words_before
        marks = [mark.start() for mark in self._prize_mark.finditer(text)
                 if not (mark.start() and text[mark.start() - 1].isalnum())]
        if not marks:
            return found
        starts, ends = [m.start for m in found], [m.end for m in found]
        dropped, streets_named = set(), set()
        for mark in marks:
            i = bisect_left(ends, mark - 1)  # a name right before it, a space or a hyphen between
            while i < len(found) and ends[i] == mark - 1:
                if text[mark - 1] in " -\u00a0":
                    word = fold(text[mark:mark + 24].split(None, 1)[0]).strip(_PUNCTUATION)
                    # A street's name is the bare name: "Şuşanın küçəsi" is a street of Shusha. Turkish
                    # sets the street word's case off with an apostrophe: Şuşa Caddesi'nin.
                    if word in prizes:
                        dropped.add(i)
                    elif found[i].match != "inflected" and (word in streets or _before_apostrophe(word) in streets) \
                            and not (found[i].kind == "neighbourhood" and word.startswith("mahalle")) \
                            and not (text[mark - 1] == "-" and _in_a_chain_of_names(text, found[i].start)):
                        # (Goris-Kapan-Straße is the road between two towns, Fuzuli-Straße a street's name)
                        streets_named.add(i)  # singular: no list before it shares the word
                i += 1
            i = bisect_left(starts, mark + 1)  # a name right after it, an article or preposition between
            while i < len(found) and starts[i] < mark + 30:
                m = found[i]
                if m.lang in WORD_BEFORE_NAME and text[m.start - 1:m.start] in (" ", "\u00a0", "'", "’"):
                    before = text[mark:m.start].split()
                    if len(before) == 1 and fold(before[0]).strip(_PUNCTUATION) in streets_first:
                        streets_named.add(i)  # la calle Armenia: a street of Buenos Aires
                    while len(before) > 1 and before[-1].lower().rstrip("'’") in _LINKS:
                        before.pop()
                    if len(before) == 1 and fold(before[0]).strip(_PUNCTUATION) in prizes:
                        dropped.add(i)
                i += 1
        for i in sorted(dropped, reverse=True):  # the Sugovushan, Fuzuli and Karabakh Cups
            while i and i - 1 not in dropped and _LIST_LINK.fullmatch(fold(text[ends[i - 1]:starts[i]])):
                i -= 1
                dropped.add(i)
        dropped |= streets_named
        if not dropped:
            return found
        return [m for i, m in enumerate(found) if i not in dropped]

    def _not_in_institution_names(self, text: str, found: list[Mention]) -> list[Mention]:
        """The mentions without the bare names that open an institution's or an event's proper name: a run of
        capitalised words right after the name, at most `INSTITUTION_REACH` of them, closed by a word of
        `context.institution_words` (Yerevan State University, Azərbaycan Hava Yolları, Karabakh University,
        Azerbaycan Hava Yolları'nın). A name with a case ending is no such name's first word (Bakının Dövlət
        Universiteti), nor one before a small word (a Yerevan university is a university in Yerevan).

        Cost: two characters looked at per mention; the words after it only where a capital follows.

        >>> from toponyms.context import Context, Words
        >>> from toponyms.gazetteer import Form
        >>> matcher = Matcher(Gazetteer((Entity("yerevan", "city", (Form("yerevan", ("g",), {"en": ("Yerevan",)}),)),),
        ...                             {"g": ""}, context=Context(institution_words=Words.of(["University"]))))
        >>> [[m.surface for m in matcher.find(t, lang="en")] for t in (
        ...     "She studied at Yerevan State University.", "a Yerevan university", "Yerevan, State University")]
        [[], ['Yerevan'], ['Yerevan']]
        """
        heads = self.context.institution_words
        dropped = None
        for i, m in enumerate(found):
            if text[m.end:m.end + 1] not in (" ", "\u00a0") or not text[m.end + 1:m.end + 2].isupper() \
                    or m.match == "inflected":  # (the text first: `match` folds the surface)
                continue
            for token in text[m.end + 1:m.end + 120].split()[:INSTITUTION_REACH + 1]:
                word = fold(token).strip(_PUNCTUATION)
                if not token[:1].isupper():
                    break
                if word in heads or _before_apostrophe(word) in heads:
                    dropped = dropped or set()
                    dropped.add(i)
                    break
                if token[-1:] in _PUNCTUATION:
                    break  # the run of capitalised words ends here: "Yerevan, State University"
        if not dropped:
            return found
        return [m for i, m in enumerate(found) if i not in dropped]

    def _in_a_club_name(self, text: str, start: int) -> bool:
        """Whether a club's abbreviation opens the run of capitalised words that the name at `start` ends.

        "a player of FC Lokomotiv Yerevan", "ФК Арарат Ереван": the abbreviation must be in capitals
        and one of `organisation_words` (FC, FK, ФК, SC, CF).
        """
        for token in reversed(text[max(0, start - 60):start].split()[-3:]):
            word = token.strip(_PUNCTUATION)
            if token[-1:] in ",.;:!?)»\"”" or not word[:1].isupper():
                break  # the run of capitalised words ends here
            if self._club_mark(word):
                return True
        return False

    def _closes_a_club_name(self, text: str, end: int) -> bool:
        """Whether the name ending at `end` opens or goes on a run of capitalised words that a club's
        abbreviation closes: "Ararat-Armenia FC", "Araz-Naxçıvan PFK", "Turan Tovuz PFK"."""
        after = text[end:end + 60]
        if after[:1] in ",.;:!?)»\"”":
            return False
        for token in after.split()[:3]:
            word = token.strip(_PUNCTUATION + "-‐‑–")
            if self._club_mark(word):
                return True
            if token[-1:] in ",.;:!?)»\"”" or not word[:1].isupper():
                return False
        return False

    def _club_mark(self, word: str) -> bool:
        """Whether `word` is a club's abbreviation: capitals, and one of `organisation_words` (FC, FK, ПФК)."""
        return 1 < len(word) <= 3 and word.isupper() and fold_key(word) in self.context.organisation_words

    @cached_property
    def _district_of_part(self) -> dict[str, tuple[str, str]]:
        """Town id -> (its district's id, kind), for towns with a district of their name."""
        return {self.entities[town].id: (self.entities[district].id, self.entities[district].kind)
                for town, district in self._named_siblings.items()}

    @cached_property
    def _countries(self) -> frozenset[str]:
        """The ids of the countries: lying in one country says little about which of two homonyms is meant."""
        return frozenset(entity.id for entity in self.entities if entity.kind == "country")

    def _villages_with_their_region(self, doc: "_Text", found: list[Mention]) -> list[Mention]:
        """The mentions without the villages that Turkish text places in Turkey.

        Turkey has thousands of villages and quarters named as Azerbaijan's are (Karadere, Güneşli,
        Erikli, Kalacık, Altınca, Almalı: "Kastamonu'ya bağlı Karadere köyünde sel"), and the Turkish
        press reports on them daily. In Turkish text a village of the gazetteer whose paragraph or text
        (up to `HOMONYM_TEXT_MAX`) names a province of Turkey (`_PROVINCE_OF_TURKEY`) is the place only when
        the paragraph, or else the whole text, names something of its region as well: what it lies in (its
        district, province, the country), a place lying there too, or the conflict's regions or either
        country ("Iğdır'dan Nahçıvan'ın Kıvrak köyüne"). A village named with nothing of either stays the
        place: Azerbaijani and Armenian news in Turkish name villages bare once the article has said
        where ("Arış köyü kurtarıldı").
        """
        villages = [i for i, m in enumerate(found) if m.kind in _VILLAGE_KINDS and doc.lang(m.start) == "tr"]
        if not villages:
            return found
        within, countries = self._districts_of, self._countries
        regions = self._regions_of_the_conflict
        # `find` calls this only for a text that names a province of Turkey somewhere: up to
        # `HOMONYM_TEXT_MAX` that is enough; a longer text asks the village's own paragraph.
        whole = len(doc.text) <= self.HOMONYM_TEXT_MAX
        dropped = set()
        spans: dict[tuple[int, int], list[Mention]] = {}
        starts = None
        for i in villages:
            m = found[i]
            around = within.get(m.entity_id, frozenset())
            near = around - countries

            def corroborates(other: Mention) -> bool:
                return other is not m and (other.entity_id in around or other.entity_id in regions
                                           or bool(within.get(other.entity_id, frozenset()) & near)
                                           or (other.entity_id == m.entity_id and other.name != m.name))

            low, high = paragraph_bounds(doc.text, m.start)
            paragraph = spans.get((low, high))
            if paragraph is None:
                if starts is None:
                    starts = [o.start for o in found]
                paragraph = spans[(low, high)] = found[bisect_left(starts, low):bisect_left(starts, high)]
            if any(corroborates(o) for o in paragraph):
                continue
            if whole and any(corroborates(o) for o in found):
                continue
            if whole or self._names_turkey(doc.text, low, high):
                dropped.add(i)
        if not dropped:
            return found
        return [m for i, m in enumerate(found) if i not in dropped]

    def _villages_of_other_districts(self, doc: "_Text", found: list[Mention]) -> list[Mention]:
        """The mentions without the villages that the text places in a district far from the conflict, by a
        genitive right before them in Azerbaijani or Turkish, or by the district named right after them
        (село Алмалы Габалинского района, Almali village of Gabala district): "Qəbələ rayonunun Almalı kəndində", "Quba
        rayonunun Günəşli kəndi", "Lənkəran rayonunun Hacılı kəndi" are other villages of the name (many
        names recur all over Azerbaijan). A district counts as far when it is not the village's own and
        the gazetteer has fewer than `_CONFLICT_DISTRICT_VILLAGES` villages in it, and the two lie in
        nothing smaller than a country together (Armenia's Soviet districts are named after towns of the
        village's province: Basarkeçər rayonunun Yuxarı Şorca kəndi): Tartar, Gazakh and
        Tovuz keep theirs, as a village moved between two of the region's districts does (Talış,
        Tərtər's until the Aghdara district was made again in 2023)."""
        text, dropped = doc.text, set()
        villages_in = self._villages_in_district
        for i, m in enumerate(found):
            if m.kind not in _VILLAGE_KINDS:
                continue
            before = found[i - 1] if i else None
            after = found[i + 1] if i + 1 < len(found) else None
            if (before is not None and before.kind in ("district", "town", "city")
                    and len(text[before.end:m.start]) <= 24
                    and _GENITIVE_BEFORE_A_VILLAGE.search(text[before.start:m.start])
                    and doc.lang(m.start) in ("az", "tr")):
                other = before
            elif after is not None and after.kind == "district" and _DISTRICT_AFTER_A_VILLAGE.fullmatch(
                    text[m.end:after.start]):
                other = after  # село Алмалы Габалинского района, Almali village of Gabala district
            else:
                continue
            district = other.entity_id if other.kind == "district" else \
                self._district_of_part.get(other.entity_id, (other.entity_id,))[0]
            within = self._districts_of.get(m.entity_id, frozenset())
            if district in within or villages_in.get(district, 0) >= _CONFLICT_DISTRICT_VILLAGES or \
                    (self._districts_of.get(other.entity_id, frozenset()) & within) - self._countries:
                continue  # (Basarkeçər rayonunun Yuxarı Şorca: Vardenis and the village share a province)
            dropped.add(i)
        if not dropped:
            return found
        return [m for i, m in enumerate(found) if i not in dropped]

    @cached_property
    def _villages_in_district(self) -> dict[str, int]:
        """District id -> how many villages of the gazetteer lie in it (`part_of`)."""
        counts: dict[str, int] = {}
        for entity in self.entities:
            if entity.kind in _VILLAGE_KINDS and entity.part_of:
                counts[entity.part_of] = counts.get(entity.part_of, 0) + 1
        return counts

    @staticmethod
    def _names_turkey(text: str, low: int, high: int) -> bool:
        """Whether text[low:high] names a province of Turkey (`_PROVINCE_OF_TURKEY`), capitalised."""
        return any(p.group()[:1].isupper() for p in _PROVINCE_OF_TURKEY.finditer(text, low, high))

    @cached_property
    def _regions_of_the_conflict(self) -> frozenset[str]:
        """The ids of the regions and countries whose naming says a text is about the conflict's lands
        (`_villages_with_their_region`): the countries of the gazetteer but Turkey, and the regions."""
        return frozenset(entity.id for entity in self.entities
                         if (entity.kind == "country" and entity.id != "turkey")
                         or entity.kind in ("region", "economic_region"))

    @cached_property
    def _districts_of(self) -> dict[str, frozenset[str]]:
        """Entity id -> the ids of the entities it lies in (`part_of`, followed up three steps)."""
        return {entity_id: frozenset(up) for entity_id, up in containers(self.entities, steps=3).items()}

    def _in_its_district(self, text: str, found: list[Mention]) -> list[Mention]:
        """A town's name after "in" that places a village or monastery named just before in its
        district is the district: "the village of Agali in Zangilan", "Dadiwank in einem Gebirgstal
        in Kalbadschar", "in der Berglandschaft von Kalbajar" (Agali and Dadivank lie in the
        districts, part_of), "the Dadivank monastery in occupied Karvachar" (one adjective between);
        "in the town of Kalbajar" stays the town. Only in the same
        sentence, and only for kinds of place that lie outside towns (`_OUTSIDE_TOWNS`). So is a
        town's name in the possessive right before such a place of its district: "Kalbajar's
        Chirag village" (one slice matched, for town names followed by a name only).
        """
        towns, within = self._district_of_part, self._districts_of
        changed = None
        for i, m in enumerate(found):
            if m.entity_id not in towns:
                continue
            if i + 1 < len(found) and found[i + 1].kind in _OUTSIDE_TOWNS \
                    and _POSSESSIVE.fullmatch(text, m.end, found[i + 1].start) \
                    and towns[m.entity_id][0] in within.get(found[i + 1].entity_id, ()):
                if changed is None:
                    changed = list(found)
                changed[i] = self._as_its_district(m)
                continue
            if i == 0:
                continue
            before = text[max(0, m.start - 60):m.start].split()
            if not before or text[m.start - 1] != " ":
                continue
            if _VILLAGE_OF.fullmatch(text, found[i - 1].end, m.start):
                before = ["in"]  # "the Aghali village of Zangilan": the village's name, its word, then "of"
            elif len(before) >= 2 and before[-1].isalpha() and before[-1].islower() and before[-2].lower() in _IN \
                    and before[-1] not in _PREPOSITIONS and fold_key(before[-1]) not in self.context.town_words:
                before = ["in"]  # one adjective between: "the Dadivank monastery in occupied Karvachar"
            if before[-1].lower() not in _IN and not (
                    # "in der Berglandschaft von Kalbajar", "in the mountains of Kalbajar"
                    before[-1].lower() in _PREPOSITIONS and len(before) >= 3
                    and any(w.lower() in _IN for w in before[-4:-1])
                    and not any(w[-1] in _CLAUSE_END + "," for w in before[-4:-1])
                    and not any(fold_key(w.strip(_PUNCTUATION)) in self.context.town_words for w in before[-4:-1])):
                continue
            district, kind = towns[m.entity_id]
            for j in range(i - 1, max(0, i - 4) - 1, -1):
                previous = found[j]
                between = text[previous.end:m.start]
                if any(mark in between for mark in _SENTENCE_MARKS) or len(between) > 150:
                    break
                if previous.kind in _OUTSIDE_TOWNS and district in within.get(previous.entity_id, ()) and not (
                        previous.entity_id in self._listed_only and self._unlisted(text, found, j)):
                    # "Sus casas están en Lachín": Spanish "their", not the village of Lachin district
                    if changed is None:
                        changed = list(found)
                    forms = {f.id for f in self.entities[self._entity_index[district]].forms}
                    form = m.form if m.form in forms else self.entities[self._entity_index[district]].forms[0].id
                    changed[i] = m._replace(entity_id=district, kind=kind, form=form)
                    break
        return self._located_in_its_district(text, changed if changed is not None else found)

    def _located_in_its_district(self, text: str, found: list[Mention]) -> list[Mention]:
        """The Azerbaijani and Turkish order of `_in_its_district`: a town's name in the locative,
        "located" (yerləşən, bulunan) or -ki, then a monastery or village of its district names the
        district: "Kəlbəcərdə yerləşən Xudavəng monastırı", "Kelbecer'deki Hudavang manastırı"
        (Dadivank lies in the district, 50 km from the town)."""
        towns, within, changed = self._district_of_part, self._districts_of, None
        for i, m in enumerate(found[:-1]):
            if m.entity_id not in towns or len(m.surface) <= len(m.name):
                continue
            cases = turkic_cases(m.surface[len(m.name):])
            if not cases or cases[0] != "LOC":
                continue
            between = fold(text[m.end:found[i + 1].start])
            if not (cases[-1:] == ["KI"] and between == " ") and not _LOCATED.fullmatch(between):
                continue
            after = found[i + 1]
            district = towns[m.entity_id][0]
            lies_in = within.get(after.entity_id, ())
            if after.kind in _OUTSIDE_TOWNS and district in lies_in and m.entity_id not in lies_in:
                if changed is None:
                    changed = list(found)
                changed[i] = self._as_its_district(m)
        return changed if changed is not None else found

    def _as_its_district(self, m: Mention) -> Mention:
        """The town mention `m` read as the district of its name, in the district's form that goes
        with the town's (Karvachar: karvachar -> karvachar_district)."""
        district, kind = self._district_of_part[m.entity_id]
        ids = [f.id for f in self.entities[self._entity_index[district]].forms]
        form = next((f for f in (m.form, district_id(m.form)) if f in ids), ids[0])
        return m._replace(entity_id=district, kind=kind, form=form)

    def _genitive_before_villages(self, text: str, found: list[Mention]) -> list[Mention]:
        """Azerbaijani and Turkish lists whose last name carries the ending for all (suspended affixation);
        and the Russian town's genitive after a plural word for villages (`_after_russian_villages`).

        A town's name in the genitive before a word for villages names its district: "Zəngilanın 5
        kəndi", "Zengilan'ın köyleri" (the villages of Zangilan), a number between or not, or other
        words of its clause ("Qazaxın azad edilmiş dörd kəndi": `_owns_villages`); and the
        names listed bare before it share the ending: "Füzuli, Xocalı və Zəngilanın 23 kəndi" are
        three districts. Without the genitive the word names the village itself (Kəngərli kəndinə)
        and the town stays. A name with a case of its own (Şuşaya, Laçına) shares no ending: the
        word for districts or villages that ends its list does not make it a district ("Şuşaya,
        Laçına və Zəngilanın kəndlərinə": to Shusha, to Lachin and to Zangilan's villages).
        """
        towns, districts, changed = self._district_of_part, self._town_of_district, None
        for i, m in enumerate(found):
            if m.entity_id not in towns or len(m.surface) <= len(m.name):
                continue
            if m.lang == "ru":
                if self._after_russian_villages(text, m):
                    changed = self._russian_villages_of(text, found if changed is None else changed, i)
                continue
            if turkic_cases(m.surface[len(m.name):]) != ["GEN"]:
                continue
            after = _NUMBER_THEN_WORD.match(text, m.end)
            if not (after and fold(after.group(1)).startswith(_VILLAGE_STEMS)) and not _owns_villages(
                    fold(text[m.end:m.end + 80])):
                continue
            if changed is None:
                changed = list(found)
            changed[i] = self._as_its_district(m)
            for j in range(i - 1, -1, -1):
                listed = found[j]
                if not _LIST_GLUE.fullmatch(text[listed.end:found[j + 1].start]):
                    break
                own = len(listed.surface) > len(listed.name) and turkic_cases(listed.surface[len(listed.name):])
                if own and own[-1] in _OWN_CASES:
                    if listed.entity_id in districts:
                        changed[j] = self._as_its_town(listed)
                elif not own and listed.entity_id in towns:
                    changed[j] = self._as_its_district(listed)
                elif own or listed.entity_id not in districts:
                    break  # another ending, or a name of no district: the list ends here
        return changed if changed is not None else found

    def _counted_villages_in_districts(self, text: str, found: list[Mention]) -> list[Mention]:
        """Azerbaijani and Turkish counts of villages per district: a town's name in the locative
        followed by a number, in a run of such pairs that a word for villages ends, names the
        district of its name: "Füzuli'de 6, Cebrail'de 2, Gubadlı'da 3, Hocavent'te de 2 köyün
        kurtarıldığını duyurdu" (six villages in the Fuzuli district...), "Füzulidə 6, Cəbrayılda 2
        kəndin azad edildiyini". Without the word for villages the count may be of anything, and a
        locative before a number is a date or a score as often ("Ağdam'da 2020'de"): the town stays.
        Cost: a character test per mention; for a locative town name before a digit, two anchored
        regular expressions."""
        towns, changed, run = self._district_of_part, None, []
        for i, m in enumerate(found):
            # No test of `m.lang`: Fuzuli, Zengilan are English spellings too; the ending and the
            # word for villages are the languages' own.
            if not (m.entity_id in towns and len(m.surface) > len(m.name)
                    and turkic_cases(m.surface[len(m.name):]) == ["LOC"]):
                run = []
                continue
            counted = _LOCATIVE_COUNT.match(text, m.end)
            if not counted:
                run = []
                continue
            run.append(i)
            after = counted.end()
            if i + 1 < len(found) and found[i + 1].start - after < 8 and _COUNT_GLUE.fullmatch(text, after, found[i + 1].start):
                continue  # the run goes on with the next name
            if _VILLAGES_COUNTED.match(fold(text[after:after + 40])):
                if changed is None:
                    changed = list(found)
                for j in run:
                    changed[j] = self._as_its_district(found[j])
            run = []
        return changed if changed is not None else found

    @staticmethod
    def _after_russian_villages(text: str, m: Mention) -> bool:
        """Whether the Russian town name `m`, with a case ending, follows a plural word for villages:
        "населённые пункты Агдама", "сёла Лачина". After "села" a village's own name stays in the
        nominative ("села Агдам", "жители села Талыш"), so only a name with an ending is read so.
        Cost: a character test, and for the few that pass a regular expression over 40 characters."""
        return (m.match == "inflected" and m.start > 1 and text[m.start - 2] in _VILLAGE_WORD_LAST
                and " " not in m.surface and bool(_RUSSIAN_VILLAGES_BEFORE.search(text, max(0, m.start - 40), m.start)))

    def _russian_villages_of(self, text: str, found: list[Mention], i: int) -> list[Mention]:
        """`found` with `found[i]` and the Russian town names listed after it made their districts: "сёла
        Лачина и Кельбаджара" are the villages of the Lachin and Kalbajar districts."""
        towns, changed = self._district_of_part, list(found)
        changed[i] = self._as_its_district(found[i])
        for j in range(i + 1, len(found)):
            m = found[j]
            if not (_LIST_GLUE.fullmatch(text[found[j - 1].end:m.start]) and m.match == "inflected"
                    and m.entity_id in towns and m.lang == "ru" and " " not in m.surface):
                break
            changed[j] = self._as_its_district(m)
        return changed

    @cached_property
    def _town_of_district(self) -> dict[str, tuple[str, str]]:
        """District id -> (the id of the town of its name, its kind): the reverse of `_district_of_part`."""
        return {district: (town, self.entities[self._entity_index[town]].kind)
                for town, (district, _) in self._district_of_part.items()}

    def _glossed_alike(self, text: str, found: list[Mention]) -> list[Mention]:
        """A town's or district's other name in brackets right after it names what the name before
        names: "в Бердзоре (Лачин) и Кашатагском районе за несколько часов до его передачи" is
        the town both times, "район Кельбаджар (Карвачар)" the district both times. The rules
        above read each name on its own and may split the pair (the handing over made the
        bracketed name a district); the name outside the brackets, nearer the sentence's words,
        decides. Only a pair of a town and the district of its name is read again.
        Cost: only texts with a bracket and two mentions; a slice per adjacent pair."""
        towns, districts, changed = self._district_of_part, self._town_of_district, None
        for i in range(1, len(found)):
            named, gloss = found[i - 1], found[i]
            if text[named.end:gloss.start].strip() != "(" or not text[gloss.end:gloss.end + 2].lstrip().startswith(")"):
                continue
            if named.entity_id in towns and towns[named.entity_id][0] == gloss.entity_id:
                if " " in gloss.surface:
                    continue  # "Karvachar (Kelbajar district)": the bracket says the district with its word
                fixed = self._as_its_town(gloss)
            elif named.entity_id in districts and districts[named.entity_id][0] == gloss.entity_id:
                fixed = self._as_its_district(gloss)
            else:
                continue
            if changed is None:
                changed = list(found)
            changed[i] = fixed
        return changed if changed is not None else found

    def _as_its_town(self, m: Mention) -> Mention:
        """The district mention `m`, read from a town's name, read as the town again."""
        town, kind = self._town_of_district[m.entity_id]
        forms = self.entities[self._entity_index[town]].forms
        return m._replace(entity_id=town, kind=kind,
                          form=m.form if any(f.id == m.form for f in forms) else forms[0].id)

    def _district_act_starts(self, folded: str) -> list[int]:
        """Where a cue of `district_acts` (toponyms/cues.yaml, read on the first town that needs it, not
        at start-up) starts a word in the folded text, in order. The cues of every language are sought
        whatever the text's language: each is a word of its own language, which paragraph detection
        may miss ("Ermenistan ordusu Ağdam'dan çekildi" has German "da")."""
        scanner = self.__dict__.get("_district_act_scanner")
        if scanner is None:
            from .cues import cues

            words = sorted({fold(str(w)) for words in (cues().get("district_acts") or {}).values() for w in words or ()})
            scanner = self.__dict__["_district_act_scanner"] = KeyAutomaton(words)
        return sorted({start for _, start, _ in scanner.matches(folded) if start == 0 or not folded[start - 1].isalnum()})

    def _town_word_beside(self, text: str, m: Mention) -> bool:
        """Whether a word for a town stands right after the name or right before it, a preposition
        between or not: "Laçın şəhəri", "the town of Lachin", "la ville d'Aghdam", "Stadt Latschin"."""
        towns = self.context.town_words
        after = text[m.end:m.end + 40].split(None, 1)
        if after and fold(after[0].strip(_PUNCTUATION)) in towns:
            return True
        before = [fold(w.strip(_PUNCTUATION + "’")) for w in text[max(0, m.start - 40):m.start].split()[-3:]]
        if before and before[-1] in ("d", "de", "of", "von", "del"):
            before.pop()  # an adjective may stand between: "el poblado azerí de Kalbajar"
        return any(w in towns for w in before[-2:])

    @staticmethod
    def _where_it_happens(text: str, m: Mention) -> bool:
        """Whether `m` is the place where something happens: after "in", "в", "à"..., or in the Turkic
        or Armenian locative (Şuşada, Շուշիում)."""
        before = text[max(0, m.start - 12):m.start].split()
        if before and fold(before[-1]) in _WHERE_BEFORE:
            return True
        ending = m.surface[len(m.name):] if len(m.surface) > len(m.name) else ""
        return bool(ending) and (ending.endswith("ում") or turkic_cases(ending.lstrip("'’")) == ["LOC"])

    @cached_property
    def _apposition_words(self) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
        """(every article of `district_apposition` in toponyms/cues.yaml, article -> the nouns that go
        with it in the same language), folded; read on the first comma after a town that needs it."""
        from .cues import cues

        nouns: dict[str, set[str]] = {}
        for pair in (cues().get("district_apposition") or {}).values():
            articles, words = pair
            for article in articles:
                nouns.setdefault(fold(str(article)), set()).update(fold(str(w)) for w in words)
        return frozenset(nouns), {a: frozenset(w) for a, w in nouns.items()}

    def _district_apposition(self, folded: str, end: int) -> bool:
        """Whether the comma at `end` opens an apposition that calls the name before it a district, a
        region or an area (`district_apposition` in toponyms/cues.yaml): "Kalbajar, an area of 1,936
        square kilometres", "Kelbajar, a mountainous region"; not "Lachin, a district town", nor "Aghdam,
        a ghost town", nor "un chef-lieu de district".
        """
        articles, nouns = self._apposition_words
        words = folded[end + 1:end + 60].split()[:5]
        if not words or words[0] not in articles:
            return False
        wanted, towns = nouns[words[0]], self.context.town_words
        for position, raw in enumerate(words[1:4], start=1):
            word = raw.strip(_PUNCTUATION)
            if word in wanted:
                following = words[position + 1].strip(_PUNCTUATION) if position + 1 < len(words) else ""
                # "a district, ..." ends there; "a district centre", "a region town" name a town
                return raw != word or not (following in towns or following in _SEATS)
            if word != raw or word in _PREPOSITIONS or word in towns or word in _SEATS:
                return False  # the apposition's noun phrase ends, or a preposition or a town's word comes first
        return False

    def _listed_with_a_named_district(self, text: str, folded: str, found: list[Mention], i: int) -> bool:
        """Whether the town's bare name `found[i]` is listed beside a district named with its word,
        an article between or not: "return Kalbajar and the Aghdam district", "the Lachin district and
        Kalbajar". The neighbour's own word for a district tells what the list is of; its own district
        does not ("Լաչինի շրջանն ու Բերձորը": the Lachin district and its town Berdzor), nor does
        a neighbour of a name with a case ending of its own."""
        if found[i].match == "inflected":
            return False  # a case of its own: "Bərdə rayonundan, Füzulidən və Laçından" are three places
        words, own = self.context.district_words, self._district_of_part[found[i].entity_id][0]
        for j in (i - 1, i + 1):
            if not 0 <= j < len(found):
                continue
            neighbour = found[j]
            if neighbour.kind != "district" or " " not in neighbour.surface or neighbour.entity_id == own:
                continue
            low, high = (neighbour.end, found[i].start) if j < i else (found[i].end, neighbour.start)
            if high - low > 12 or not _LIST_GLUE_ARTICLE.fullmatch(text, low, high):
                continue
            if any(w.strip(_PUNCTUATION) in words for w in folded[neighbour.start:neighbour.end].split()):
                return True
        return False

    def _listed_with_a_settlement(self, text: str, found: list[Mention], i: int) -> bool:
        """Whether the mention `found[i]` is listed beside a village or settlement ("Բերձորն ու Աղավնոն
        հանձնելու դեպքում": Berdzor and Aghavno, handed over in August 2022, are places, not districts)."""
        for j in (i - 1, i + 1):
            if 0 <= j < len(found):
                low, high = (found[j].end, found[i].start) if j < i else (found[i].end, found[j].start)
                if found[j].kind in _SETTLEMENTS and _LIST_GLUE.fullmatch(text[low:high]):
                    return True
        return False

    @staticmethod
    def _its_district_with_its_word(found: list[Mention], i: int, district: str, low: int, high: int) -> bool:
        """Whether the sentence [low, high) names the district of the town `found[i]` with its word
        (Лачинский район, Kəlbəcər rayonu, the Lachin district): a writer who names the district so
        and the town bare in one sentence means the town by the bare name, even where the district is
        handed over ("Корреспондент побывала в Бердзоре и Кашатагском районе за несколько часов до
        его передачи"). Looks only at the mentions of that sentence."""
        for j in range(i - 1, -1, -1):
            if found[j].start < low:
                break
            if found[j].entity_id == district and " " in found[j].surface:
                return True
        for j in range(i + 1, len(found)):
            if found[j].start >= high:
                break
            if found[j].entity_id == district and " " in found[j].surface:
                return True
        return False

    def _same_town_with_its_word(self, text: str, found: list[Mention], i: int, low: int, high: int) -> bool:
        """Whether the sentence [low, high) names the town of `found[i]` elsewhere with a word for a town."""
        entity = found[i].entity_id
        j = i - 1
        while j >= 0 and found[j].start >= low:
            if found[j].entity_id == entity and self._town_word_beside(text, found[j]):
                return True
            j -= 1
        j = i + 1
        while j < len(found) and found[j].start < high:
            if found[j].entity_id == entity and self._town_word_beside(text, found[j]):
                return True
            j += 1
        return False

    def _district_by_what_is_said(self, doc: "_Text", found: list[Mention]) -> list[Mention]:
        """A town's bare name read as the district of its name (or back) from what the sentence does with it.

        - A handing over, evacuation or withdrawal in the sentence (`district_acts` in
          toponyms/cues.yaml, in any language): "Ermenistan ordusu 20 Kasım'da Ağdam'dan çekilmişti", "Die Übergabe
          Kalbadschars", "Երեկ Քարվաճառը հանձնվեց", "Cuando Aghdam fue entregada".
        - In French, an article before the name, an adjective between or not: "dans le montagneux
          Latchin", "le Karvachar est redevenu un territoire d'exode".
        - In French and Spanish, a pronoun that stands for a word for districts said before it in the
          sentence: "le dernier des trois districts, après ceux d'Aghdam et de Kelbajar"; and the names
          listed after the first ("le district borde ceux de Khojavand, Djabraïl et Beylagan").
        - In German, a word for a district after "als": "Am 1. Dezember soll Laschin als letzte Region folgen".
        - Russian "в районе Лачина" is "near Lachin": the town, whatever `_as_district` made of "районе".

        A word for a town beside the name keeps the town (`_town_word_beside`). Cost: a dictionary
        look-up for most mentions; for towns that have a district of their name, two regular
        expressions over folded slices of 40 characters and a bisection into the cues' starts (the
        text folded and scanned once); the text's language and the sentence only where one matched.
        """
        towns, districts, changed = self._district_of_part, self._town_of_district, None
        text, folded, acts_at = doc.text, None, ()
        by_pronoun = -1  # the last mention that a pronoun for districts made one: the list goes on after it
        for i, m in enumerate(found):
            if m.entity_id in towns:
                if folded is None:
                    # Folded once, and every cue of `district_acts` found in one pass of an automaton:
                    # each name then only asks whether one starts within a sentence's reach.
                    folded = fold_fast(text)
                    acts_at = self._district_act_starts(folded)
                # Cheap tests first: most mentions have none of these around them.
                before = folded[max(0, m.start - 40):m.start]
                if _FRENCH_ARTICLE_BEFORE.search(before):
                    why = "article"
                elif _PRONOUN_OF_BEFORE.search(before):
                    why = "pronoun"
                elif by_pronoun == i - 1 >= 0 and _LIST_GLUE.fullmatch(text, found[i - 1].end, m.start):
                    why = "listed"  # ceux de Khojavand, Djabraïl, Aghjabadi et Beylagan
                elif (i > 0 and (changed or found)[i - 1].kind == "district" and " " not in found[i - 1].surface
                        and _OF_AGAIN.fullmatch(text, found[i - 1].end, m.start)):
                    why = "listed"  # les districts d'Agdam, de Kelbadjar et de Latchine
                elif _AS_A_DISTRICT_AFTER.match(text, m.end, m.end + 60):
                    why = "als"
                elif _any_between(acts_at, m.start - 300, m.end + 300):
                    why = "act"
                elif text.startswith(",", m.end) and self._district_apposition(folded, m.end):
                    why = "apposition"
                elif text[m.end:m.end + 1] in ("'", "’") and _VILLAGES_OF_A_TOWN.match(text, m.end):
                    why = "villages"
                elif self._listed_with_a_named_district(text, folded, found, i):
                    why = "listed"
                else:
                    continue
                if why != "act":  # grammar of one language; the cues of acts are words of one language each
                    lang = doc.lang(m.start)
                    if (why == "article" and lang != "fr") or (why == "als" and lang != "de") or (
                            why == "pronoun" and lang not in ("fr", "es")):
                        continue
                low, high = _sentence_bounds(text, m.start, m.end)
                if why == "pronoun":
                    words = self.context.district_words
                    if not any(w.strip(_PUNCTUATION) in words for w in folded[low:m.start].split()):
                        continue
                elif why == "act" and (self._where_it_happens(text, m) or not any(
                        not _CONTRAST.search(folded, min(m.end, p), max(m.start, p))
                        for p in acts_at[bisect_left(acts_at, low):bisect_left(acts_at, high)])):
                    continue
                if (self._town_word_beside(text, m) or self._listed_with_a_settlement(text, found, i)
                        or self._same_town_with_its_word(text, found, i, low, high)):
                    continue  # "The town of Berdzor, known in Azerbaijani as Lachin, was handed over"
                if why == "act" and self._its_district_with_its_word(found, i, towns[m.entity_id][0], low, high):
                    continue  # "накануне передачи Лачинского района, когда жители Бердзора жгли свои дома"
                if changed is None:
                    changed = list(found)
                changed[i] = self._as_its_district(m)
                if why in ("pronoun", "listed"):
                    by_pronoun = i
            elif (m.entity_id in districts and " " not in m.surface and _NEAR_IN_RUSSIAN.search(
                    fold(text[max(0, m.start - 20):m.start])) and doc.lang(m.start) == "ru"):
                if changed is None:
                    changed = list(found)
                changed[i] = self._as_its_town(m)
        return changed if changed is not None else found

    @cached_property
    def _corridor_of(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(place id, form id) -> (corridor id, form id), for the corridors named after a place:
        a corridor's form `<form>_corridor` goes with the place's form `<form>` (lachin ->
        lachin_corridor, Syunik's zangezur -> zangezur_corridor, berdzor -> berdzor_corridor)."""
        if len(self.entities) >= SIBLINGS_MAX_ENTITIES:
            return {}
        by_form: dict[str, list[str]] = {}
        for entity in self.entities:
            for form in entity.forms:
                by_form.setdefault(form.id, []).append(entity.id)
        found = {}
        for corridor in self.entities:
            if corridor.kind != "corridor":
                continue
            for form in corridor.forms:
                base = form.id[:-len("_corridor")] if form.id.endswith("_corridor") else None
                for place in by_form.get(base, ()) if base else ():
                    if place != corridor.id:
                        found[(place, base)] = (corridor.id, form.id)
        return found

    @cached_property
    def _named_after(self) -> dict[str, dict[str, tuple[str, str, str]]]:
        """Per suffix of `_SHARED_PLURAL_HEADS`: place id -> the thing named after it (id + suffix):
        karabakh -> karabakh_economic_region, fuzuli -> fuzuli_airport. East Zangezur is only an
        economic region: it needs none. Each thing as (id, kind, first form). Suffixes no entity has
        are left out."""
        if len(self.entities) >= SIBLINGS_MAX_ENTITIES:
            return {}
        by_id = {entity.id: entity for entity in self.entities}
        owners: dict[str, set[str]] | None = None
        result = {}
        for suffix, _ in _SHARED_PLURAL_HEADS:
            named = {entity.id: (thing.id, thing.kind, thing.forms[0].id) for entity in self.entities
                     if (thing := by_id.get(entity.id + suffix)) is not None}
            # A thing whose id is not its place's (erivan_khanate: the city is yerevan) names its place
            # in its spellings, the words before the last: "Erivan Khanate", "İrəvan xanlığı". Not a
            # district: its old names are other towns' too (Azizbekov district of Baku, Vayk's Azizbekov).
            taken = {t for t, _, _ in named.values()}
            for thing in self.entities:
                if suffix == "_district" or not thing.id.endswith(suffix) or thing.id in taken:
                    continue
                if owners is None:
                    owners = {}
                    for entity in self.entities:
                        for form in entity.forms:
                            for _, spelling in form.spellings():
                                owners.setdefault(fold_key(spelling), set()).add(entity.id)
                for form in thing.forms:
                    for _, spelling in form.spellings():
                        *place, _ = spelling.split()
                        places = owners.get(fold_key(" ".join(place)), set()) - {thing.id} if place else set()
                        if len(places) == 1 and (place_id := next(iter(places))) not in named:
                            named[place_id] = (thing.id, thing.kind, thing.forms[0].id)
            if named:
                result[suffix] = named
        return result

    def _sharing_a_plural_name(self, text: str, found: list[Mention]) -> list[Mention]:
        """Places listed before (or, in French and Spanish, after) one plural word for things named
        after places are those things: "the Garabagh and East Zangazur economic regions"
        (Azerbaijan's English press on the resettlement: the region Karabakh there is the Karabakh
        economic region), "Qarabağ və Şərqi Zəngəzur iqtisadi rayonları", "Fuzuli and Zangilan
        International Airports", "the Erivan and Nakhchivan khanates", "die Flüsse Terter und
        Chatschen". A list whose last name and the word are found whole as the thing's own
        spelling shares it too (Երևանի և Նախիջևանի խանությունները).

        Read from the names found, not the text: a run of two names or more joined by commas and
        conjunctions, one of them a place something is named after, and the plural word right
        after the run or right before it. Most texts cost one dictionary test a name.
        """
        named_after = self._named_after
        if not named_after or len(found) < 2:
            return found
        places, things = self._named_places, self._things_named_after
        changed, i, count = None, 0, len(found)
        while i < count:
            first = found[i]
            if first.entity_id not in places:
                i += 1
                continue
            # (the distance first: most names have none within reach, and a call costs more than the test)
            start = i  # the names glued before it belong to the run too (East Zangezur, the region's)
            while start and found[start].start - found[start - 1].end <= _GLUE_REACH \
                    and _glued(text, found[start - 1], found[start]):
                start -= 1
            end = i
            while end + 1 < count and found[end + 1].start - found[end].end <= _GLUE_REACH \
                    and _glued(text, found[end], found[end + 1]):
                end += 1
            i = end + 1
            if end == start and not _after_an_unknown_name(text, found[start].start):
                continue  # one name before the word is no list that shares it (but "Jevanshir and Jebrail uezds")
            last, suffixes = found[end], []
            own = things.get(last.entity_id)
            if own is not None and _HEAD_WITHIN[own].search(last.surface):
                suffixes = [own]  # the plural word in the last name's own spelling (Նախիջևանի խանությունները)
            if not suffixes:
                suffixes = [suffix for suffix, head in _HEAD_AFTER.items() if head.match(text, last.end)]
            if not suffixes:
                suffixes = _head_before(text, found[start].start)
                if suffixes and start and _glued(text, found[start - 1], found[start], reach=60):
                    suffixes = []  # names before the word too: theirs (Fuzuli and Zangilan airports Lachin)
            for suffix in suffixes:
                named = named_after.get(suffix, {})
                for k in range(start, end + 1):
                    thing = named.get(found[k].entity_id)
                    if thing is not None:
                        if changed is None:
                            changed = list(found)
                        changed[k] = found[k]._replace(entity_id=thing[0], kind=thing[1], form=thing[2])
        return found if changed is None else changed

    @cached_property
    def _named_places(self) -> frozenset[str]:
        """The ids of the places something of `_named_after` is named after."""
        return frozenset(place for named in self._named_after.values() for place in named)

    @cached_property
    def _things_named_after(self) -> dict[str, str]:
        """Entity id -> its suffix of `_SHARED_PLURAL_HEADS`, for the entities whose id ends with one
        (khachen_river, nakhchivan_khanate): a name found whole with its word ends a list that shares it."""
        return {entity.id: suffix for entity in self.entities for suffix, _ in _SHARED_PLURAL_HEADS
                if entity.id.endswith(suffix)}

    @cached_property
    def _place_of_corridor(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(corridor id, form id) -> (place id, form id): `_corridor_of` the other way, the town
        before its district (lachin_corridor -> lachin)."""
        places: dict[tuple[str, str], tuple[str, str]] = {}
        for (place, form), corridor in sorted(self._corridor_of.items(),
                                              key=lambda item: town_id(item[0][0]) is not None):
            places.setdefault(corridor, (place, form))
        return places

    def _in_armenian_proper_names(self, doc: "_Text", found: list[Mention]) -> list[Mention]:
        """`found` without the bare names (no case ending) that open a longer proper name in Armenian text.

        Armenian capitalises only names and a sentence's first word: a place's bare name right before a
        capitalised word that is no place of its own is the first word of an organisation's or a
        firm's name, "Գարդման-Շիրվան-Նախիջեվան Համահայկական Միությունը" (a union of Armenians from
        there), with the names hyphened to it. A place in the genitive before a name stays (Շուշիի
        Ղազանչեցոց եկեղեցին, the church of Shushi), and so does a place named before another
        (Ստեփանակերտ Գորիս ճանապարհը).
        """
        text = doc.text
        starts = {m.start for m in found}
        dropped: set[int] = set()
        for i, m in enumerate(found):
            after = m.end + 1
            if text[m.end:after] != " " or not _ARMENIAN_CAPITAL.match(text, after) or m.surface != m.name \
                    or after in starts:
                continue
            # not the state's abbreviation before a ministry's (ՀՀ ՊՆ, ՌԴ ԱԳՆ: Armenia's, Russia's)
            next_word = text[after:after + 12].split(None, 1)
            if not next_word or m.surface.isupper() or next_word[0].strip(_PUNCTUATION).isupper():
                continue
            if doc.lang(m.start) == "hy":
                dropped.add(i)
                j = i  # the names hyphened before it belong to the same name
                while j and found[j - 1].end + 1 == found[j].start and text[found[j - 1].end] == "-":
                    j -= 1
                    dropped.add(j)
        if not dropped:
            return found
        return [m for i, m in enumerate(found) if i not in dropped]

    def _joined_by_a_hyphen(self, text: str, found: list[Mention]) -> list[Mention]:
        """A name that a hyphen joins to what follows it, read by what follows (`_HYPHEN_JOINS`).

        The first half of a Russian compound adjective is no mention of the river: "Кура-Араксинской
        низменности" is the Kura-Araks lowland (towns stay: a road "Горис-Капанская" still runs
        through Goris). A German ellipsis shares the next name's head: in "Latschin- und
        Sangesur-Korridor", Latschin is the Lachin corridor.

        >>> from types import SimpleNamespace
        >>> matcher = SimpleNamespace(_corridor_of={})
        >>> M = SimpleNamespace
        >>> text = "на Кура-Араксинской низменности, у реки Кура-"
        >>> [m.start for m in Matcher._joined_by_a_hyphen(matcher, text, [M(start=3, end=7, kind="river"),
        ...                                                                M(start=40, end=44, kind="river")])]
        [40]
        """
        changed, dropped = None, set()
        for i, m in enumerate(found):
            if text[m.end:m.end + 1] != "-":
                continue
            reading = next((what for pattern, what in _HYPHEN_JOINS if pattern.match(text, m.end)), None)
            if reading == "adjective" and m.kind == "river":
                dropped.add(i)
            elif (m.kind == "corridor" and i + 1 < len(found) and found[i + 1].start == m.end + 1
                  and found[i + 1].kind != "corridor" and (m.entity_id, m.form) in self._place_of_corridor
                  and " " in m.surface):
                # "la route Latchine-Khankendi", "la carretera Lachín-Jankendi": a road between two
                # places, the town's name, not the corridor's
                place, form = self._place_of_corridor[(m.entity_id, m.form)]
                start = m.start + m.surface.rfind(" ") + 1
                entity = self.entities[self._entity_index[place]]
                if changed is None:
                    changed = list(found)
                changed[i] = m._replace(start=start, surface=text[start:m.end], entity_id=place,
                                        kind=entity.kind, form=form, name=text[start:m.end])
            elif reading == "ellipsis" and i + 1 < len(found):
                after = found[i + 1]
                corridor = self._corridor_of.get((m.entity_id, m.form))
                if (corridor is not None and after.kind == "corridor"
                        and _PLURAL_GLUE.fullmatch(" " + text[m.end + 2:after.start])):
                    entity = self.entities[self._entity_index[corridor[0]]]
                    if changed is None:
                        changed = list(found)
                    changed[i] = m._replace(entity_id=entity.id, kind=entity.kind, form=corridor[1])
            if i + 1 < len(found) and found[i + 1].start == m.end + 1:
                # Two sides' units joined by a hyphen are of one rank: "Tavush-Gazakh", "Tavuş-Qazax
                # sərhədi", the Syunik-Zangilan border: beside a province or district, a town's name is
                # the district of its name.
                pair = (m, found[i + 1])
                for j, (unit, town) in ((i + 1, pair), (i, pair[::-1])):
                    if unit.kind in ("province", "district") and town.entity_id in self._district_of_part:
                        if changed is None:
                            changed = list(found)
                        changed[j] = self._as_its_district(town)
                        break
        if changed is None and not dropped:
            return found
        return [m for i, m in enumerate(changed or found) if i not in dropped]

    def _joined_by_a_slash(self, text: str, found: list[Mention]) -> list[Mention]:
        """A place's name that a slash joins to a corridor's name shares its head: the two are the
        corridor's two names ("Zengezur/Syunik Koridoru olarak da bilinen hat", "the
        Zangezur/Syunik corridor"), so the first is the corridor named after that place.

        >>> from types import SimpleNamespace as M
        >>> matcher = M(_corridor_of={("syunik", "zangezur"): ("zangezur_corridor", "zangezur_corridor")},
        ...             entities=[M(id="zangezur_corridor", kind="corridor")], _entity_index={"zangezur_corridor": 0})
        >>> text = "Zengezur/Syunik Koridoru"
        >>> found = [Mention(0, 8, "Zengezur", "syunik", "province", "zangezur", "tr", "Zengezur"),
        ...          Mention(9, 24, "Syunik Koridoru", "zangezur_corridor", "corridor", "syunik_corridor", "tr", "")]
        >>> [m.entity_id for m in Matcher._joined_by_a_slash(matcher, text, found)]
        ['zangezur_corridor', 'zangezur_corridor']
        """
        changed = None
        for i, m in enumerate(found[:-1]):
            after = found[i + 1]
            if after.kind != "corridor" or text[m.end:after.start].strip() != "/":
                continue
            corridor = self._corridor_of.get((m.entity_id, m.form))
            if corridor is not None:
                entity = self.entities[self._entity_index[corridor[0]]]
                if changed is None:
                    changed = list(found)
                changed[i] = m._replace(entity_id=entity.id, kind=entity.kind, form=corridor[1])
        return changed if changed is not None else found

    def _sharing_a_plural_head(self, text: str, found: list[Mention]) -> list[Mention]:
        """Places listed before (or after) one plural word for corridors are the corridors named
        after them: "the Lachin and Zangezur corridors", "Laçınla Zəngəzur dəhlizləri", "los
        corredores de Lachín y Zangezur" (the German ellipsis "Latschin- und Sangesur-Korridor"
        is a hyphen's: `_joined_by_a_hyphen`).
        """
        corridors = self._corridor_of
        heads = _plural_corridor_words(text)
        if not heads:
            return found
        changed, starts = list(found), [m.start for m in found]
        runs: list[tuple[list[int], int | None]] = []
        for head in heads:
            run = []
            if text[head.end():head.end() + 4].lstrip().startswith(("de ", "du ", "d'")):
                # French and Spanish put the names after the word: corridors de X et de Y.
                reach = head.end()
                for i in range(bisect_left(starts, reach), len(found)):
                    m = found[i]
                    if _PLURAL_GLUE.fullmatch(text[reach:m.start]):
                        run.append(i)
                        reach = m.end
                    else:
                        break
            else:
                reach = head.start()
                for i in range(bisect_left(starts, reach) - 1, -1, -1):
                    m = found[i]
                    if m.end > reach:
                        break
                    between = text[m.end:reach]
                    glued = not between.strip() and _COMITATIVE.search(m.surface)
                    if (not run and not between.strip()) or glued or _PLURAL_GLUE.fullmatch(between):
                        run.insert(0, i)
                        reach = m.start
                    else:
                        break
            if len(run) > 1:
                # The last name before the word takes it into its span: Zəngəzur dəhlizləri.
                runs.append((run, head.end() if found[run[-1]].end <= head.start() else None))
        if not runs:
            return found
        for run, head_end in runs:
            for i in run:
                m = changed[i]
                corridor = corridors.get((m.entity_id, m.form))
                if corridor is not None:
                    entity = self.entities[self._entity_index[corridor[0]]]
                    m = m._replace(entity_id=entity.id, kind=entity.kind, form=corridor[1])
                if m.kind == "corridor" and head_end is not None and i == run[-1] and m.end < head_end:
                    m = m._replace(end=head_end, surface=text[m.start:head_end])
                changed[i] = m
        return changed

    @cached_property
    def _ordinary_word_names(self) -> dict[str, frozenset[str]]:
        """Entity id -> the languages in which its name is an ordinary word too (`guards.ordinary_word`)."""
        return {entity.id: entity.guards.ordinary_word for entity in self.entities if entity.guards.ordinary_word}

    @cached_property
    def _ordinary_words_in(self) -> dict[str, dict[str, frozenset[str]]]:
        """Entity id -> surface (`word_key`) -> the languages of which it is an ordinary word (`guards.ordinary_word_in`)."""
        words: dict[str, dict[str, set[str]]] = {}
        for entity in self.entities:
            for lang, word in entity.guards.ordinary_word_in:
                words.setdefault(entity.id, {}).setdefault(word, set()).add(lang)
        return {entity: {word: frozenset(langs) for word, langs in by_word.items()} for entity, by_word in words.items()}

    def _without_ordinary_words_opening_sentences(self, doc: "_Text", found: list[Mention]) -> list[Mention]:
        """`found` without the names that are ordinary words where nothing says they are the place.

        There the capital says nothing, and a case form of the ordinary word is far likelier than
        one of the village: Armenian "Տեղի ունեցավ" (took place) and "Տեղում" (on the spot) are
        no case of Tegh (Տեղ), Russian "Барды и поэты" (bards) none of Barda. Only in the
        languages the entity's `guards.ordinary_word` lists (the spelling's language): Fuzuli's
        other reading is a poet, no Armenian word, and Ֆիզուլիում opening a sentence is the town.
        The name as the gazetteer writes it is still taken there (a sentence-initial Վանք is the
        village), and so is an inflected form inside a sentence, where the capital tells the name.

        A surface that `guards.ordinary_word_in` lists for the text's language is the word in small
        letters ("la chucha"), and opening a sentence ("Тех, кто уехал", "Тога и плащ") unless a
        word for a village, town, district or river stands next to it ("Тех село", "Çörəkli
        kəndi"); in German, whose nouns are all capitalised, it is the place only with such a word
        or after a preposition of place ("in Wank"). Only mentions of the few entities with the
        guard are looked at: the rest cost a dictionary look-up each.
        """
        guarded = self._ordinary_word_entities
        # One set look-up per mention: only the few entities with a guard are read closer.
        return [m for m in found if m.entity_id not in guarded or not self._the_ordinary_word(doc, m)]

    @cached_property
    def _ordinary_word_entities(self) -> frozenset[str]:
        """The ids of the entities with `guards.ordinary_word` or `guards.ordinary_word_in`."""
        return frozenset(self._ordinary_word_names) | frozenset(self._ordinary_words_in)

    def _the_ordinary_word(self, doc: "_Text", m: Mention) -> bool:
        """Whether the mention of a guarded entity is the ordinary word (see `_without_ordinary_words_opening_sentences`)."""
        text = doc.text
        if (m.lang in self._ordinary_word_names.get(m.entity_id, ()) and m.match == "inflected"
                and _sentence_initial(text, m.start)):
            return True
        listed = self._ordinary_words_in.get(m.entity_id)
        if not listed:
            return False
        langs = listed.get(_surface_key(m.surface))
        if not langs:
            return False
        lang = doc.lang(m.start) or m.lang
        return lang in langs and not self._the_place_all_the_same(text, m, lang)

    def _the_place_all_the_same(self, text: str, m: Mention, lang: str) -> bool:
        """Whether a name that is an ordinary word of `lang` is the place where it stands: capitalised
        inside a sentence (not in German), or next to a word for a village, town, district or river,
        or (German) after a preposition of place; or written in capitals as the gazetteer writes an
        abbreviation (Armenian ԱՀ, the Artsakh Republic, where Ահ opening a sentence is "ah")."""
        if not text[m.start:m.start + 1].isupper():
            return False
        if len(m.name) > 1 and m.name.isupper() and m.surface.startswith(m.name):
            return True
        if lang not in _NOUNS_CAPITALISED and not _sentence_initial(text, m.start):
            return True
        low, high = max(0, m.start - 60), m.end + 60
        folded = fold(text[low:high])
        start, end = m.start - low, m.end - low
        context = self.context
        before = [w for w in folded[:start].split()[-1:] if w[-1] not in _CLAUSE_END + "…"]  # not the last sentence's
        # The two words after, in the clause; a dash between does not count (Тех — последнее село).
        after = [w.strip(_PUNCTUATION) for w in _CLAUSE.match(folded, end).group().split()]
        after = [w for w in after if w and w[0].isalpha()][:2]
        if any(w in context.town_words or w in context.district_words or w in context.river_words
               or w in _NAMING_WORDS for w in (*(w.strip(_PUNCTUATION) for w in before), *after)):
            return True
        return lang in _NOUNS_CAPITALISED and _located(folded, start, end)

    @cached_property
    def _listed_only(self) -> dict[str, frozenset[str]]:
        """Entity id -> its folded spellings that are places only in a list (`guards.listed_only`)."""
        return {entity.id: entity.guards.listed_only for entity in self.entities if entity.guards.listed_only}

    def _listed_only_in_lists(self, text: str, found: list[Mention]) -> list[Mention]:
        """`found` without the spellings of `guards.listed_only` that no other place's name stands
        beside in a list.

        Spanish "Sus" (their) and French "Sous" (under) open sentences with a capital, so the
        capital cannot tell the village; next to another name, joined by a comma or a
        conjunction, it is the village: "Las aldeas de Zabuj (Aghavno) y Sus", "les villages de
        Latchine, Sous et Zaboukh". So is it in brackets right after another name of the same
        village: "Nerkin Sus (Sus)" (OC Media). Only mentions of an entity with the guard are looked at.
        """
        listed_only = self._listed_only
        return [m for i, m in enumerate(found) if m.entity_id not in listed_only or not self._unlisted(text, found, i)]

    def _unlisted(self, text: str, found: list[Mention], i: int) -> bool:
        """Whether `found[i]` is a `guards.listed_only` spelling with no other place's name beside
        it in a list: the word (Spanish Sus, French Sous), which no other rule may read as a place.
        The spelling matched counts, not the surface: with a case ending ("Susa", "Susun") the word
        needs a list as much (and Şuşa, folded "susa", is no Sus in a dative when context rules
        out Shusha: "Şuşa Hüseynova" is a woman)."""
        m = found[i]
        spellings = self._listed_only.get(m.entity_id)
        return bool(spellings) and fold_key(m.name) in spellings and not (
            (i > 0 and _LIST_GLUE_AROUND.fullmatch(text, found[i - 1].end, m.start))
            or (i + 1 < len(found) and _LIST_GLUE_AROUND.fullmatch(text, m.end, found[i + 1].start))
            or (i > 0 and found[i - 1].entity_id == m.entity_id and text.startswith(")", m.end)
                and text[found[i - 1].end:m.start] in (" (", "(")))

    @cached_property
    def _another_name_wanted(self) -> dict[str, frozenset[str]]:
        """Entity id -> its folded spellings that are it only beside another of its names
        (`guards.with_another_name`)."""
        return {entity.id: entity.guards.with_another_name | entity.guards.with_its_region
                for entity in self.entities if entity.guards.with_another_name or entity.guards.with_its_region}

    @cached_property
    def _region_wanted(self) -> dict[str, frozenset[str]]:
        """Entity id -> the ids whose mention vouches for its `guards.with_its_region` spellings: the
        region it lies in (its `part_of`, unless a country) and the other places of that region."""
        regions = {entity.id: entity.part_of for entity in self.entities
                   if entity.guards.with_its_region and entity.part_of}
        regions = {eid: region for eid, region in regions.items() if region in self._entity_index
                   and self.entities[self._entity_index[region]].kind != "country"}
        wanted = {eid: {region} for eid, region in regions.items()}
        for entity in self.entities:
            for eid, region in regions.items():
                if entity.part_of == region and entity.id != eid:
                    wanted[eid].add(entity.id)
        return {eid: frozenset(ids) for eid, ids in wanted.items()}

    def _with_another_name(self, found: list[Mention], reach: int = 400) -> list[Mention]:
        """`found` without the spellings of `guards.with_another_name` that no other name of the same
        place stands near (`reach` characters either way): an old name many villages or a person bear too
        is the place in the sentences that name the place otherwise ("Sabirabad, autrefois
        Petropavlovka"; "Mikhaylovka (1835) → Karmir Gyugh (1920) → ... Chambarak"), a town and its
        district counting as one (Norashen, the region of Norashen). Elsewhere it is the village in
        Ukraine or the statesman: dropped. Only mentions of an entity with the guard are looked at.

        A spelling of `guards.with_its_region` (a plain translation many places bear: Black Lake) is
        vouched for by the region the place lies in, or another place of it, as well ("the Black Lake
        area in the Syunik Region")."""
        wanted, regions = self._another_name_wanted, self._region_wanted

        def guarded(m: Mention) -> bool:
            spellings = wanted.get(m.entity_id)
            if not spellings:
                return False
            key = fold_key(m.name)
            return key in spellings or (m.how == "transliterated" and key in self._guarded_derived(m.entity_id)[0])

        def same_place(a: str, b: str) -> bool:
            return a == b or a == b + "_district" or b == a + "_district"

        def another_name(o: Mention, m: Mention) -> bool:
            # any name of the place not guarded, or another of its guarded old names: two old names of
            # one place together ("renamed from Norashen to Ilyichevsk") say which place it is
            if not guarded(o):
                return True
            a, b = fold_key(o.name), fold_key(m.name)
            return o.entity_id == m.entity_id and a not in b and b not in a

        kept, starts = [], None
        for i, m in enumerate(found):
            if not guarded(m):
                kept.append(m)
                continue
            if starts is None:
                starts = [o.start for o in found]
            # Only the mentions that start within reach (a name is shorter than 200 characters).
            low, high = bisect_left(starts, m.start - reach - 200), bisect_left(starts, m.end + reach)
            key = fold_key(m.name)
            region = regions.get(m.entity_id, ()) if key in self.entities[
                self._entity_index[m.entity_id]].guards.with_its_region or (
                    m.how == "transliterated" and key in self._guarded_derived(m.entity_id)[1]) else ()
            if any(j != i and m.start < found[j].end + reach
                   and (same_place(found[j].entity_id, m.entity_id) and another_name(found[j], m)
                        or found[j].entity_id in region) for j in range(low, high)):
                kept.append(m)
        return kept

    def _guarded_derived(self, entity_id: str) -> tuple[frozenset[str], frozenset[str]]:
        """The folded spellings derived by rule (`toponyms.translit`) from the entity's guarded spellings
        of `guards.with_another_name` and `guards.with_its_region`, and those of the second alone: a
        derived spelling is held to the guard of the spelling it comes from (Dörtjol, Dörtiol from
        Dörtyol, Hatay's town too; Garaagaj from Qaraağac, "elm"), not let through as a name of its
        own. Worked out when a transliterated mention of a guarded entity first asks, and kept."""
        memo = self._guarded_derived_memo
        found = memo.get(entity_id)
        if found is None:
            from .translit import transliterate, variants

            entity = self.entities[self._entity_index[entity_id]]
            guarded, every, regional = self._another_name_wanted[entity_id], set(), set()
            for form in entity.forms:
                for lang, spelling in form.spellings():
                    key = fold_key(spelling)
                    if key not in guarded:
                        continue
                    derived = {fold_key(v) for target in LANG_PREFERENCE for v in variants(spelling, target)}
                    derived |= {fold_key(transliterate(spelling, lang, target)) for target in LANG_PREFERENCE}
                    every |= derived
                    if key in entity.guards.with_its_region:
                        regional |= derived
            found = memo[entity_id] = (frozenset(every), frozenset(regional))
        return found

    @cached_property
    def _guarded_derived_memo(self) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        return {}

    @cached_property
    def _not_spelled(self) -> dict[str, frozenset[str]]:
        """Entity id -> the `word_key`s of the surfaces that are never it (`guards.not_spelled`)."""
        return {entity.id: entity.guards.not_spelled for entity in self.entities if entity.guards.not_spelled}

    def _spelled_as_something_else(self, m: Mention) -> bool:
        """Whether the mention is written as only another thing of its name is: the diacritics that
        folding sets aside tell it. Turkish literary pages transcribe the poet Fuzûlî, Fuzulî (Ottoman
        long vowels), scholars Fuzūlī; the town is Fuzuli, Füzuli. A case ending may follow
        (Fuzûlî'nin). Cost: a dict look-up per mention, and one comparison for a mention of an entity
        with the guard.
        """
        spellings = self._not_spelled.get(m.entity_id)
        return bool(spellings) and _surface_key(m.surface).startswith(tuple(spellings))

    @cached_property
    def _phrase_keys(self) -> dict[str, int]:
        """Key -> key index, for the keys of more than one word (Latschin-Korridor, corredor de Lachín)."""
        if len(self.entities) >= SIBLINGS_MAX_ENTITIES:
            return {}
        return {key: i for i, key in enumerate(self.keys) if " " in key}

    def _quoted_in_a_phrase(self, text: str, found: list[Mention]) -> list[Mention]:
        """A name in quotation marks inside a longer name is the longer one: «Latschin»-Korridor,
        the "Zangezur" corridor, corredor de «Lachín» (the press quotes the name it disputes).

        The phrase must be a spelling of its own (a key), with the quotation marks around the name
        only and a hyphen or a space between it and the rest.
        """
        keys, changed = self._phrase_keys, None
        opening_quotes, closing_quotes, spaces, size = _OPENING_QUOTES, _CLOSING_QUOTES, _QUOTE_SPACES, len(text)
        for i, m in enumerate(found):
            start, end = m.start, m.end
            if not start or end + 1 >= size:
                continue
            # French sets its guillemets off with a (narrow) space: « Latchine ».
            before = text[start - 1]
            if before in opening_quotes:
                opening = start - 1
            elif before in spaces and start > 1 and text[start - 2] in opening_quotes:
                opening = start - 2
            else:
                continue
            closing = end + 1 if text[end] in spaces else end
            if text[closing] not in closing_quotes:
                continue
            name, span = fold_key(m.surface), None
            after = _AFTER_QUOTE.match(text, closing + 1)
            if after and (index := keys.get(name + " " + fold_key(after.group(1)))) is not None:
                span = (opening, after.end(), index)
            before = _BEFORE_QUOTE.search(text, max(0, opening - 60), opening)
            if span is None and before:
                words = before.group(1).split()
                for count in (1, 2, 3):
                    phrase = " ".join(words[-count:])
                    if count <= len(words) and (index := keys.get(fold_key(phrase) + " " + name)) is not None:
                        span = (before.start(1) + len(before.group(1).rstrip()) - len(phrase), closing + 1, index)
                        break
            if span is None:
                continue
            if changed is None:
                changed = list(found)
            low, high, index = span
            changed[i] = Mention(low, high, text[low:high], *self._fields[index])
        if changed is None:
            return found
        # The phrase may now cover a neighbouring hit (the word before, itself a name): keep the phrase.
        kept = []
        for m in changed:
            if kept and m.start < kept[-1].end:
                if m.end - m.start > kept[-1].end - kept[-1].start:
                    kept[-1] = m
                continue
            kept.append(m)
        return kept

    @cached_property
    def _province_of(self) -> dict[str, tuple[str, str]]:
        """Town id -> (id, kind) of the province of its name (ararat -> ararat_province)."""
        if len(self.entities) >= SIBLINGS_MAX_ENTITIES:
            return {}
        index = self._entity_index
        return {entity.id: (entity.id + "_province", self.entities[index[entity.id + "_province"]].kind)
                for entity in self.entities if entity.id + "_province" in index}

    def _in_a_list_of_provinces(self, text: str, found: list[Mention]) -> list[Mention]:
        """A town's name listed between provinces is the province of its name: "Aragatsotn, Ararat,
        Armavir, Gegharkunik y Lori" (the refugees were housed in provinces, not in the town), also
        with the preposition said again: "les régions de Tavush et d'Ararat"."""
        provinces, changed = self._province_of, None
        for i, m in enumerate(found):
            if m.entity_id not in provinces:
                continue
            province, kind = provinces[m.entity_id]
            neighbours = []
            if i > 0 and _province_glue(text[found[i - 1].end:m.start]):
                neighbours.append(found[i - 1])
            if i + 1 < len(found) and _province_glue(text[m.end:found[i + 1].start]):
                neighbours.append(found[i + 1])
            if neighbours and all(n.kind == kind and n.entity_id not in provinces for n in neighbours):
                if changed is None:
                    changed = list(found)
                forms = self.entities[self._entity_index[province]].forms
                changed[i] = m._replace(entity_id=province, kind=kind,
                                        form=m.form if m.form in {f.id for f in forms} else forms[0].id)
        return changed if changed is not None else found

    @cached_property
    def _singular_heads(self) -> dict[str, int]:
        """The folded keys that end in a singular head of `PLURAL_HEAD_SINGULAR` -> key index."""
        heads = {head for singulars in PLURAL_HEAD_SINGULAR.values() for head in singulars}
        return {key: i for i, key in enumerate(self.keys) if key.rpartition(" ")[2] in heads}

    def _listed_before_a_plural_head(self, text: str, found: list[Mention]) -> list[Mention]:
        """The adjectives listed before a shared plural noun: "в Физулинском, Джебраильском и
        Зангиланском районах" names three districts, each adjective with the noun in the singular
        a name of the gazetteer (the last, with the plural, was found as a form: `case_forms`)."""
        added = None
        for i, m in enumerate(found):
            if not m.name.endswith(_SINGULAR_NAME_HEADS) or m.lang not in CASE_FORM_LANGS:
                continue  # the gazetteer name of a plural form ends in the singular noun
            before_head, _, head = m.surface.rpartition(" ")
            singulars = PLURAL_HEAD_SINGULAR.get(fold(head))
            if not singulars:
                continue
            # A common adjective in the plural before the head goes back with it: "Карабахского и
            # Восточно-Зангезурского экономических районов" -> "Карабахского экономического района".
            modifier = PLURAL_MODIFIER_SINGULAR.get(fold(before_head.rpartition(" ")[2]))
            if modifier:
                singulars = tuple(f"{word} {singular}" for word in modifier for singular in singulars)
            position = m.start
            j = i - 1
            while j >= 0 and _bracketed(text, found[j]):
                j -= 1  # a name glossed in brackets inside the list (Акна) does not end it
            floor = found[j].end if j >= 0 else 0
            while True:
                listed = _LISTED_BEFORE.search(text, max(floor, position - 80), position)
                if not listed:
                    break
                index = next((self._singular_heads.get(f"{fold_key(listed.group(1))} {singular}")
                              for singular in singulars
                              if f"{fold_key(listed.group(1))} {singular}" in self._singular_heads), None)
                if index is None:
                    break
                start, end = listed.start(1), listed.end(1)
                candidates = self.candidates[index]
                reading = self._reading(candidates[0], candidates)
                if added is None:
                    added = []
                added.append(tuple.__new__(Mention, (start, end, text[start:end]) + reading))
                position = start
        if not added:
            return found
        return sorted(found + added, key=lambda mention: mention.start)

    def _listed_after_a_head(self, text: str, found: list[Mention]) -> list[Mention]:
        """The adjectives listed after a Russian word for districts and a dash or colon: "четыре
        других района – Физулинский, Джебраильский, Зангиланский и Кубатлинский" names four
        districts, each adjective with the noun in the nominative singular a name of the gazetteer
        (Физулинский район). The list ends at the first word that is no such adjective. And the
        noun left out after a dash when the sentence named a district with it before: "перешёл
        Агдамский район, а 25 ноября — Кельбаджарский".

        Runs only in texts with район or област (`find` asks); costs two regular-expression searches
        of the text and, per match, a dictionary look-up per listed word.
        """
        added = None
        for head in self._matches_at(text, ("айон", "бласт"), -1, _HEAD_THEN_COLON):
            noun = _NOMINATIVE_HEAD[head.group(1).lower()]
            position = head.end()
            while True:
                listed = _LISTED_AFTER.match(text, position)
                if not listed:
                    break
                index = self._singular_heads.get(f"{fold_key(listed.group(1))} {noun}")
                if index is None:
                    break
                start, end = listed.start(1), listed.end(1)
                i = bisect_left(found, start, key=attrgetter("start"))
                if not (i < len(found) and found[i].start < end or i and found[i - 1].end > start):
                    candidates = self.candidates[index]
                    reading = self._reading(candidates[0], candidates)
                    if added is None:
                        added = []
                    added.append(tuple.__new__(Mention, (start, end, text[start:end]) + reading))
                if not listed.group(2):
                    break
                position = listed.end()
        for ellipsis in self._matches_at(text, ("—", "–"), 0, _ELLIPSIS_AFTER_DASH):
            start, end = ellipsis.span(1)
            low, _ = _sentence_bounds(text, start, end)
            i = bisect_left(found, start, key=attrgetter("start"))
            if i < len(found) and found[i].start < end or i and found[i - 1].end > start:
                continue
            # The same word for districts with an earlier name of the sentence: Агдамский район, ... — Кельбаджарский.
            nouns = set()
            for j in range(i - 1, -1, -1):  # the mentions of its sentence before it, nearest first
                if found[j].start < low:
                    break
                if found[j].kind in ("district", "province") and " " in found[j].surface:
                    nouns.add(_NOMINATIVE_HEAD.get(fold_key(found[j].surface.rpartition(" ")[2])))
            nouns.discard(None)
            if not nouns:
                continue
            noun = next((noun for noun in nouns
                         if f"{fold_key(ellipsis.group(1))} {noun}" in self._singular_heads), None)
            position = start
            while noun is not None:  # the adjectives listed after it share the noun too
                listed = _LISTED_AFTER.match(text, position)
                index = listed and self._singular_heads.get(f"{fold_key(listed.group(1))} {noun}")
                if index is None:
                    break
                candidates = self.candidates[index]
                reading = self._reading(candidates[0], candidates)
                if added is None:
                    added = []
                added.append(tuple.__new__(Mention, (listed.start(1), listed.end(1), listed.group(1)) + reading))
                if not listed.group(2):
                    break
                position = listed.end()
        if not added:
            return found
        return sorted(found + added, key=lambda mention: mention.start)

    def _adjective_sharing_a_noun(self, text: str, found: list[Mention]) -> list[Mention]:
        """A district's adjective without its noun in a sentence that names another district with
        it: "Речь идет о 6 селах Физулинского, 4 селах Ходжалинского ... по два села в Губадлинском
        и Зангиланском районах", "Мартунинский район был объединён с Гадрутским": the noun is left
        out, and the adjective with it in the adjective's case is a name of the gazetteer.

        Runs only in texts with район (`find` asks); one regular-expression scan per sentence that
        has such a district, a look-up per capitalised adjective that stands alone.
        """
        added = None
        done = set()
        for m in found:
            if m.kind != "district" or fold_key(m.surface.rpartition(" ")[2]) not in _DISTRICT_NOUNS:
                continue
            low, high = _sentence_bounds(text, m.start, m.end)
            if low in done:
                continue
            done.add(low)
            for adjective in _ALONE_ADJECTIVE.finditer(text, low, high):
                mention = self._adjective_with_noun(text, found, *adjective.span(1), fold_key(adjective.group(1)),
                                                    _DISTRICT_NOUN_OF_ENDING[adjective.group(2)])
                if mention is not None:
                    added = added or []
                    added.append(mention)
        if not added:
            return found
        return sorted(found + added, key=lambda mention: mention.start)

    def _adjective_with_noun(self, text: str, found: list[Mention], start: int, end: int, adjective: str,
                             noun: str) -> Mention | None:
        """The district that the adjective at [start, end) names with `noun` (both folded), which
        the text leaves out or puts elsewhere, when that is a name of the gazetteer and no mention
        of `found` overlaps the adjective."""
        index = self._singular_heads.get(f"{adjective} {noun}")
        i = bisect_left(found, start, key=attrgetter("start"))
        if index is None or i < len(found) and found[i].start < end or i and found[i - 1].end > start:
            return None
        candidates = self.candidates[index]
        return tuple.__new__(Mention, (start, end, text[start:end]) + self._reading(candidates[0], candidates))

    def _bracketed_before_a_head(self, text: str, found: list[Mention]) -> list[Mention]:
        """Two adjectives of one district, the second in brackets, before the noun they share:
        "Кашатагский (Лачинский) район Нагорного Карабаха переходит Азербайджану" (Kavkaz-uzel)
        names the district twice, each adjective with the noun a name of the gazetteer.

        Runs only in texts with район or област and a bracket (`find` asks); costs one anchored
        match per opening bracket and, per match, a look-up per adjective.
        """
        added = None
        for match in self._matches_at(text, ("(",), 0, _BRACKETED_ADJECTIVE):
            noun = fold_key(match.group(2))
            before = _ADJECTIVE_BEFORE.search(text, max(0, match.start() - 40), match.start())
            for adjective in ((before,) if before else ()) + (match,):
                mention = self._adjective_with_noun(text, found, *adjective.span(1), fold_key(adjective.group(1)), noun)
                if mention is not None:
                    added = added or []
                    added.append(mention)
        if not added:
            return found
        return sorted(found + added, key=lambda mention: mention.start)

    @staticmethod
    def _matches_at(text: str, cores: tuple[str, ...], offset: int, pattern: re.Pattern) -> list[re.Match]:
        """The matches of `pattern` that start `offset` characters from an occurrence of one of
        `cores`, in order: `str.find` skips the text between them at C speed, where a scan of the
        pattern would try it at every character."""
        found = []
        for core in cores:
            position = text.find(core)
            while position != -1:
                match = pattern.match(text, max(0, position + offset))
                if match:
                    found.append(match)
                position = text.find(core, position + len(core))
        return sorted(found, key=lambda match: match.start()) if len(cores) > 1 else found

    @cached_property
    def _armenian_district_keys(self) -> dict[str, int]:
        """The folded keys "X-ի շրջան" and "X-ի մարզ" (district, province) -> key index."""
        return {key: i for i, key in enumerate(self.keys)
                if key.rpartition(" ")[2] in _ARMENIAN_SINGULAR_HEADS and " " in key}

    def _armenian_genitives_before_a_plural_head(self, text: str, found: list[Mention]) -> list[Mention]:
        """The genitives listed before one plural word for districts or provinces each name one:
        "սահմանակից է Մարտունիի, Ասկերանի, հյուսիս-արևմուտքում՝ Շուշիի շրջաններին" borders three
        districts, not the towns Martuni and Askeran; "Սյունիքի և Վայոց ձորի մարզերում". The last name,
        with the plural, was found whole (the suffix grammar takes -ներ); each genitive before it, joined
        by a comma or "and" (a compass word with ՝ may stand between), is read as "X-ի շրջան" where the
        gazetteer has that name. Cost: one substring test per text; for a hit only where a
        mention's last word is such a plural, a regular expression over the 60 characters before it;
        the other mentions cost a bisection into where the plurals stand (found with str.find)."""
        heads = []  # (start, singular) of each plural word for districts or provinces in the text
        for singular, plural in (("շրջան", "շրջաններ"), ("մարզ", "մարզեր")):
            at = text.find(plural)
            while at >= 0:
                heads.append((at, singular))
                at = text.find(plural, at + len(plural))
        heads.sort()
        starts = [at for at, _ in heads]
        # The list may end in "and other districts" with no name at the plural: "Մարտակերտի, Ասկերանի,
        # Քելբաջարի և այլ շրջանների մարտերին" (the Karabakh war encyclopedia, hy10): each anchor is
        # (where the list ends, the singular, the index of the first mention after it).
        anchors = []
        for at, singular in heads:
            other = _ARMENIAN_OTHER_BEFORE.search(text, max(0, at - 12), at)
            if other:
                anchors.append((other.start(), singular, bisect_left([m.start for m in found], other.start())))
        for i, m in enumerate(found):
            k = bisect_left(starts, m.start)
            if k == len(starts) or starts[k] >= m.end or " " not in m.surface:
                continue  # no plural word inside this mention
            anchors.append((m.start, heads[k][1], i))
        changed = None
        for position, singular, i in sorted(anchors, reverse=True):
            floor = found[i - 1].start if i else 0
            j = i
            if changed is not None:  # an anchor after this one may have replaced mentions before it
                j = bisect_left([m.start for m in changed], position)
                floor = changed[j - 1].start if j else 0
            while True:
                listed = _ARMENIAN_LISTED_BEFORE.search(text, max(0, position - 60), position)
                if not listed or listed.start(1) < floor - 1:
                    break
                index = self._armenian_district_keys.get(f"{fold_key(listed.group(1))} {singular}")
                if index is None:
                    break
                start, end = listed.start(1), listed.end(1)
                candidates = self.candidates[index]
                mention = tuple.__new__(Mention, (start, end, text[start:end]) + self._reading(candidates[0], candidates))
                if changed is None:
                    changed = list(found)
                while j > 0 and changed[j - 1].start >= start and changed[j - 1].end <= end:
                    j -= 1
                    changed.pop(j)  # the town the genitive was read as
                changed.insert(j, mention)
                position = start
                floor = changed[j - 1].start if j else 0
        return found if changed is None else sorted(changed, key=lambda mention: mention.start)

    @cached_property
    def _adjacent_cues(self) -> dict[int, frozenset[str]]:
        """Entity index -> the `near` cue words of its readings that are places' names themselves:
        they count only right next to the name, with a space between (Qarabağ Ağdam, the club)."""
        near = {index: {w for _, words, _ in entity.guards.readings for w in words.exact}
                for index, entity in enumerate(self.entities) if entity.guards.readings}
        if not near or len(self.entities) >= SIBLINGS_MAX_ENTITIES:
            return {}
        wanted = set().union(*near.values())
        names = {key for entity in self.entities for form in entity.forms for _, spelling in form.spellings()
                 if (key := fold_key(spelling)) in wanted}
        return {index: frozenset(words & names) for index, words in near.items() if words & names}

    @cached_property
    def _bare_spellings(self) -> dict[int, frozenset[str]]:
        """Entity index -> its one-word spellings, folded, for the entities with `_adjacent_cues`: a
        club's full name is its bare words, so a name with a case ending beside the cue (Karabağ'ın
        Ağdam şehri, Qarabağın Ağdam rayonu) is the place, and so is a phrase with a word for the
        place in it (Aras Nehri Nahçıvan-İran-Ermenistan arasında: the river, not Araz-Naxçıvan)."""
        return {index: frozenset(key for form in self.entities[index].forms for _, spelling in form.spellings()
                                 if " " not in (key := fold_key(spelling)))
                for index in self._adjacent_cues}

    @cached_property
    def _entity_index(self) -> dict[str, int]:
        return {entity.id: i for i, entity in enumerate(self.entities)}

    def _find_small(self, doc: "_Text", wanted) -> list[Mention]:
        """`find` hit by hit, for short texts and language filters."""
        text = doc.text
        folded = doc.folded = fold(text)
        hits = self._hits(folded)
        if not hits:
            return []
        found, key_lengths = [], {}
        names = len(self.keys)
        if self._cues_scanned and (self._cues or self._district_cues):
            cue_hits = [(s, e, i - names) for i, s, e in hits if i >= names]
            readings = len(self._cues)
            self._note_cues(doc, folded, [h for h in cue_hits if h[2] < readings])
            doc.districts = self._cue_starts(folded, [h for h in cue_hits if h[2] >= readings])
            hits = [hit for hit in hits if hit[0] < names]
        for index, _, end in hits:
            hit = self._check(doc, folded, end - 1, index, wanted)
            if hit:
                found.append(hit)
                key_lengths[id(hit)] = int(self._lengths[index])
        # Of equal spans, the longest key first (see `_leftmost_longest`).
        found.sort(key=lambda hit: -key_lengths[id(hit)])
        return self._resolve(text, self._longest(found))

    def _find_large(self, doc: "_Text") -> list[Mention]:
        """`find` for a large text: numpy settles the plain hits at once, the rest go one by one.

        A hit is plain when it stands on a word boundary, has no letters glued
        to it, no apostrophe suffix, one reading and no guards: then it is a
        mention as it is. The result is the same as `_check` on every hit.
        """
        import numpy as np

        text = doc.text
        folded, units = fold_units(text)
        doc.folded = folded
        unit_hits = getattr(self._scanner, "unit_hits", None)
        astral = len(units) != len(text)
        if unit_hits is not None:
            index, _, end = unit_hits(units)
            if astral:
                # Characters beyond the BMP take two code units: count code points instead.
                low_surrogate = (units >= 0xDC00) & (units <= 0xDFFF)
                end -= np.concatenate(([0], np.cumsum(low_surrogate)))[end]
        else:
            index, end = self._scanner.arrays(folded)  # code points already
        if not len(index):
            return self._find_compacted(doc) if needs_compacting(text) else []
        if astral:
            units = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
        cue_index = cue_end = None
        if self._cues_scanned and (self._cues or self._district_cues):
            names = len(self.keys)
            cue = index >= names
            doc.cues, doc.districts = [], []
            if cue.any():
                cue_index, cue_end = index[cue] - names, end[cue]
                index, end = index[~cue], end[~cue]
                if not len(index):
                    return []
        tables = self._tables
        classes = tables["classes"][np.minimum(units, 0xFFFF)]
        if (np.bitwise_or.reduce(classes) & _HIDES or has_odd_spacing(text)) and needs_compacting(text):
            return self._find_compacted(doc)
        if cue_index is not None:
            # Where the reading cues start words (and, for whole-word cues, end them): `_cue_starts`.
            size = len(units)
            lengths, whole = self._cue_arrays
            cue_start = cue_end - lengths[cue_index]
            at_start = (cue_start == 0) | (classes[np.maximum(cue_start - 1, 0)] & _ALNUM == 0)
            at_end = (cue_end == size) | (classes[np.minimum(cue_end, size - 1)] & _ALNUM == 0)
            found = at_start & (at_end | ~whole[cue_index])
            reading = cue_index < len(self._cues)
            doc.cues = np.unique(cue_start[found & reading]).tolist()
            doc.districts = np.unique(cue_start[found & ~reading]).tolist()
        start = end - tables["length"][index]
        size = len(units)
        boundary = (start == 0) | (classes[np.maximum(start - 1, 0)] & _ALNUM == 0)
        after = np.minimum(end, size - 1)
        glued = (end < size) & (classes[after] & _LETTER != 0)
        apostrophe = (end + 1 < size) & (units[after] == ord("'"))
        # Letters glued to a name whose languages take no suffix make it part of another word.
        keep = boundary & (~glued | tables["glue"][index])
        # Guards that ask for a capital are settled here, on the user's own text.
        original = (np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) if astral
                    else np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16))
        capital = tables["classes"][np.minimum(original[np.minimum(start, size - 1)], 0xFFFF)] & _UPPER != 0
        keep &= capital | ~tables["proper_all"][index]
        # A short word's name in capitals may be an abbreviation (SOS): `_settle` looks at its readings.
        second = tables["classes"][np.minimum(original[np.minimum(start + 1, size - 1)], 0xFFFF)] & _UPPER != 0
        acronym = tables["acronym"][index] & capital & second
        # A hit with several readings is plain too when none has guards: `_resolve` picks one.
        # Quoted hits (see `_quoted`) are settled one by one; a space may stand inside the quotes.
        before = np.minimum(units[np.maximum(start - 1, 0)], 0xFFFF)
        quoted = (start > 0) & (end < size) & (_OPENING[before] | (
            _SPACE[before] & _OPENING[np.minimum(units[np.maximum(start - 2, 0)], 0xFFFF)]))
        if quoted.any():
            behind = np.minimum(units[after], 0xFFFF)
            quoted &= _CLOSING[behind] | (_SPACE[behind] & _CLOSING[np.minimum(units[np.minimum(end + 1, size - 1)],
                                                                              0xFFFF)])
        # Armenian letters after a hyphen may be a suffix (ԼՂ-ում): `_settle` decides.
        letter_after = units[np.minimum(end + 1, size - 1)]
        hyphen = (end + 1 < size) & (original[after] == ord("-")) & (letter_after >= 0x0531) & (letter_after <= 0x0587)
        if doc.given and takes_suffix(doc.given, True):
            # The given language's suffixes after an apostrophe go on any name (`_apostrophe_ok`).
            after_apostrophe = apostrophe
        else:
            after_apostrophe = apostrophe & tables["apostrophe"][index]
        plain = (keep & ~glued & ~after_apostrophe & ~hyphen & ~acronym & ~tables["checked"][index] & ~quoted
                 & (tables["single"][index] | ~tables["guarded"][index]) & (capital | ~tables["proper"][index]))
        if doc.districts:
            # Towns' names near a word for a district are settled one by one (`_as_district`): any
            # such word after the name, one of the words that come before a name before it.
            districts = np.array(doc.districts, dtype=np.int64)
            position = np.searchsorted(districts, start)
            after_word = districts[np.minimum(position, len(districts) - 1)]
            near = (position < len(districts)) & (after_word - end < self.DISTRICT_REACH)
            before = self._districts_before(doc, folded)
            if before:
                before = np.array(before, dtype=np.int64)
                position = np.searchsorted(before, start)
                near |= (position > 0) & (start - before[np.maximum(position - 1, 0)] < self.DISTRICT_REACH)
            plain &= ~(near & self._sibling_table[index])
        if self._river_keys:
            plain &= ~self._river_table[index]  # a town's name by a word for a river: `_as_river`, in `_settle`
        rest = keep & ~plain
        # Plain hits need only their word guards checked, one by one (they are rare words, of one reading).
        worded = np.flatnonzero(plain & tables["word_guarded"][index])
        for hit in worded.tolist():
            if not self._words_pass(folded, int(start[hit]), int(end[hit]), self.candidates[index[hit]][0].entity, doc):
                plain[hit] = False
        starts, ends, indexes = start[plain], end[plain], index[plain]
        extra, extra_lengths = self._settle_rest(doc, folded, units, classes, start[rest], end[rest], index[rest],
                                                 glued[rest])
        key_lengths = None
        if extra:
            key_lengths = np.concatenate((tables["length"][indexes], np.array(extra_lengths, dtype=np.int64)))
            starts = np.concatenate((starts, np.array([e[0] for e in extra], dtype=np.int64)))
            ends = np.concatenate((ends, np.array([e[1] for e in extra], dtype=np.int64)))
            indexes = np.concatenate((indexes, -1 - np.arange(len(extra), dtype=np.int64)))
        order = _leftmost_longest(starts, ends, key_lengths)
        return self._mentions(text, starts[order].tolist(), ends[order].tolist(), indexes[order].tolist(), extra)

    def _find_compacted(self, doc: "_Text") -> list[Mention]:
        """`_find_large` over the text without what hides names (see `find`), offsets mapped back."""
        text = doc.text
        compacted, starts, ends = compact_arrays(text)
        return _all_mapped(self._find_large(_Text(compacted, doc.given)), text, starts, ends)

    def _mentions(self, text: str, starts: list, ends: list, indexes: list, extra: list) -> list[Mention]:
        """`_resolve` for the hits of `_find_large`, each key's reading settled once.

        `indexes` are key indexes, or -1 - n for the n-th of `extra` (hits
        whose readings `_settle` narrowed). The result equals `_resolve`'s.
        """
        candidates, fields, unambiguous = self.candidates, self._fields, self._unambiguous
        counts = Counter(indexes)
        distinct = [i for i in counts if i >= 0]
        open_keys = [i for i in distinct if not unambiguous[i]]
        # The same few tuples of readings recur hit after hit: each is weighed once.
        singles: dict = {}
        extra_single = [singles[choices] if choices in singles else singles.setdefault(
            choices, len({(c.entity, c.form) for c in choices}) == 1) for _, _, choices, _ in extra]
        new = tuple.__new__
        if not open_keys and all(extra_single):
            readings = {i: fields[i] for i in distinct}
            extra_fields = [fields[i] if i >= 0 else self._reading_memo(choices) for _, _, choices, i in extra]
            return [new(Mention, (s, e, text[s:e]) + (readings[i] if i >= 0 else extra_fields[-1 - i]))
                    for s, e, i in zip(starts, ends, indexes)]
        # How often the text names each (entity, form) unambiguously decides the open readings.
        settled: Counter = Counter()
        for i in distinct:
            if unambiguous[i]:
                first = candidates[i][0]
                settled[(first.entity, first.form)] += counts[i]
        for (_, _, choices, _), single in zip(extra, extra_single):
            if single:
                settled[(choices[0].entity, choices[0].form)] += 1
        readings = {i: fields[i] if unambiguous[i] else self._reading(self._best(candidates[i], settled), candidates[i])
                    for i in distinct}
        weighed: dict = {}

        def reading_of(choices: tuple[_Candidate, ...]) -> tuple:
            found = weighed.get(choices)
            if found is None:
                found = weighed[choices] = self._reading(self._best(choices, settled), choices)
            return found

        extra_fields = [fields[i] if i >= 0 and unambiguous[i] else reading_of(choices) for _, _, choices, i in extra]
        return [new(Mention, (s, e, text[s:e]) + (readings[i] if i >= 0 else extra_fields[-1 - i]))
                for s, e, i in zip(starts, ends, indexes)]

    def _settle_rest(self, doc: "_Text", folded: str, units, classes, starts, ends, indexes, glued) -> list[tuple]:
        """`_settle` for the hits numpy could not settle, their suffixes found with numpy."""
        import numpy as np

        if not len(starts):
            return [], []
        size = len(folded)
        breaks = np.flatnonzero(classes & _LETTER == 0)
        breaks = np.append(breaks, size)
        glued_ends = np.where(glued, breaks[np.searchsorted(breaks, ends)], ends)
        apostrophe = ~glued & (ends + 1 < size)
        apostrophe[apostrophe] = units[ends[apostrophe]] == ord("'")
        apostrophe_ends = np.where(apostrophe, breaks[np.searchsorted(breaks, np.minimum(ends + 1, size))], ends)
        # Letters glued on that are no suffix in any language make the hit part of another word.
        possible = self._suffixes_possible(folded, units, ends, glued_ends, glued)
        if not possible.all():
            starts, ends, indexes = starts[possible], ends[possible], indexes[possible]
            glued_ends, apostrophe_ends = glued_ends[possible], apostrophe_ends[possible]
        candidates, extra, key_lengths = self.candidates, [], []
        for s, e, g, a, i in zip(starts.tolist(), ends.tolist(), glued_ends.tolist(), apostrophe_ends.tolist(),
                                 indexes.tolist()):
            settled = self._settle(doc, folded, s, e, g, a, i, candidates[i])
            if settled:
                extra.append(settled)
                key_lengths.append(e - s)
        return extra, key_lengths

    def _suffixes_possible(self, folded: str, units, ends, glued_ends, glued):
        """False for the hits whose glued letters are a suffix in no language, each distinct suffix tried once.

        Suffixes of up to eight characters are packed into integers and made
        unique with numpy (on large gazetteers, short names are the start of
        many words); longer ones are left to `_settle`.
        """
        import numpy as np

        possible = np.ones(len(ends), dtype=bool)
        lengths = glued_ends - ends
        short = np.flatnonzero(glued & (lengths <= 8))
        if not len(short):
            return possible
        bits = 16 if units.dtype == np.uint16 else 32
        per_column = 64 // bits
        packed = np.zeros((8 // per_column + 1, len(short)), dtype=np.uint64)
        packed[-1] = lengths[short]
        for k in range(8):
            longer = lengths[short] > k
            if not longer.any():
                break
            packed[k // per_column, longer] |= (units[ends[short[longer]] + k].astype(np.uint64)
                                                << np.uint64(bits * (k % per_column)))
        # Group equal suffixes: sort by every column, a new group wherever a column changes.
        order = np.lexsort(packed)
        ordered = packed[:, order]
        new_group = np.ones(len(order), dtype=bool)
        new_group[1:] = (ordered[:, 1:] != ordered[:, :-1]).any(axis=0)
        heads = order[new_group]
        valid = np.array([bool(self._suffix_langs(folded[e:g])) for e, g in
                          zip(ends[short[heads]].tolist(), glued_ends[short[heads]].tolist())], dtype=bool)
        groups = np.empty(len(order), dtype=np.int64)
        groups[order] = np.cumsum(new_group) - 1
        possible[short] = valid[groups]
        return possible

    def _check(self, doc: "_Text", folded: str, last: int, index: int, wanted) -> tuple | None:
        """One hit ending at `last`: (start, end, candidates, key index or -1) if it is a mention."""
        start = last + 1 - int(self._lengths[index])
        if start > 0 and folded[start - 1].isalnum():
            return None
        choices = self.candidates[index]
        if wanted is not None:
            choices = tuple(c for c in choices if c.lang in wanted)
        end = last + 1
        glued_end = _LETTERS.match(folded, end).end()
        apostrophe_end = end
        if glued_end == end and end + 1 < len(folded) and folded[end] == "'":
            apostrophe_end = _LETTERS.match(folded, end + 1).end()
        return self._settle(doc, folded, start, end, glued_end, apostrophe_end, index, choices)

    def _settle(self, doc: "_Text", folded: str, start: int, end: int, glued_end: int, apostrophe_end: int,
                index: int, choices: tuple[_Candidate, ...]) -> tuple | None:
        """The readings a hit keeps once its suffix, guards and context are weighed; None if it is no mention.

        `glued_end` is where the letters glued to the name end (`end` when
        none are); `apostrophe_end` where the letters after an apostrophe end.
        """
        text = doc.text
        if glued_end > end:
            if text[start].islower():
                return None  # names are capitalised in every language here: görüşündə is no Gorus
            suffix = folded[end:glued_end]
            if choices is self.candidates[index]:
                # The same names carry the same suffixes, paragraph after paragraph of one language.
                memo, memo_key = self._suffix_memo, (index, suffix)
                possible = memo.get(memo_key)
                if possible is None:
                    possible = memo[memo_key] = self._suffix_readings(choices, suffix)
                if possible[1]:
                    lang = doc.lang(start)
                    # A Turkish ending glued at a sentence's opening is read otherwise (`_with_suffix`).
                    memo_key = (index, suffix, lang, lang == "tr" and _sentence_initial(text, start))
                    kept = memo.get(memo_key)
                    if kept is None:
                        kept = memo[memo_key] = self._with_suffix(choices, suffix, doc, start, possible)
                    choices = kept
                else:
                    choices = ()
            else:
                choices = self._with_suffix(choices, suffix, doc, start)
            end = glued_end
        elif apostrophe_end > end + 1 and self._apostrophe_ok(choices, folded[end + 1:apostrophe_end], doc, start):
            end = apostrophe_end
        elif apostrophe_end > end + 1 and turkic_demonym(folded[end + 1:apostrophe_end]):
            return None  # Azerbaycan'lı gazeteciler: a demonym, its apostrophe set like a case ending's
        elif text[end:end + 1] == "-" and _LETTER_AFTER_HYPHEN.match(text, end + 1):
            end = self._hyphen_end(choices, folded, end, doc, start)
        if not choices:
            return None
        if self._guarded[index] and not (text[start].isupper() and not text[start + 1:start + 2].isupper()):
            # A name written as names are (a capital, then a small letter) passes these two at once.
            choices = tuple(c for c in choices if (not _capital_needed(c) or text[start].isupper())
                            and not (_a_word_in_capitals(c) and text[start + 1:start + 2].isupper()))
        if choices:
            choices = self._weighed(doc, folded, start, end, index, choices)
        if choices and index in self._river_keys and (any(
                w in self.context.river_words for w in _words_around(folded, start, end))
                or _the_river_alone(text, start, end)):
            choices = self._as_river(choices)
        if choices and start and (text[start - 1] in _OPENING_QUOTES or (
                text[start - 1] in _QUOTE_SPACES and text[start - 2:start - 1] in _OPEN_SET)) and _quoted(text, start, end):
            # A name alone in quotes is its other reading (a club, a brand) when it has one, and the
            # name of a hotel, firm or paper when a word for one comes right before (отеля «Горис»).
            before = [w for w in (t.strip(_PUNCTUATION) for t in folded[max(0, start - 30):start].split()) if w]
            if before and before[-1] in self.context.organisation_words:
                # ... but a route's own name is the route the project builds (проект «Маршрут Трампа»)
                choices = tuple(c for c in choices if self.entities[c.entity].kind in _ROUTE_KINDS
                                and " " in c.name)
            else:
                # (another place of the name abroad is no such reading: quoted "Berdzor" is still Lachin)
                things = self._things_of_the_name
                kept = tuple(c for c in choices if c.entity not in things)
                if kept and len(kept) < len(choices):
                    kept = self._vouched_homonyms(doc, folded, start, end, kept,
                                                  {c.entity for c in choices if c.entity in things})
                choices = kept
        if not choices:
            return None
        return start, end, choices, (index if choices is self.candidates[index] else -1)

    def _weighed(self, doc: "_Text", folded: str, start: int, end: int, index: int,
                 choices: tuple[_Candidate, ...]) -> tuple[_Candidate, ...]:
        """The readings of key `index` at [start, end) that its guards, its context (`_in_context`) and a
        word for a district near (`_as_district`) leave: what `_settle` weighs for a hit and
        `_approximate` for a typo."""
        if self._guarded[index]:
            # One spelling is often the same place's in several languages: its guards are weighed once.
            passes: dict[int, bool] = {}
            read = self._guards_read
            for c in choices:
                if c.entity not in passes:
                    reads = read.get(c.entity)
                    if reads is None:
                        guards = self.entities[c.entity].guards
                        reads = read[c.entity] = guards.proper_case or guards.contextual
                    passes[c.entity] = not reads or self._guards_pass(doc.text, folded, start, end, c.entity, doc,
                                                                          c.name[:1].islower())
            if not all(passes.values()):
                choices = tuple(c for c in choices if passes[c.entity])
                if choices:
                    choices = self._vouched_homonyms(doc, folded, start, end, choices,
                                                     {e for e, ok in passes.items() if not ok})
        if choices and self._checked[index]:
            choices = self._in_context(doc, folded, start, end, choices, int(self._checked[index]))
        if choices and doc.districts != [] and index in self._sibling_keys and self._district_near(
                doc, folded, start, end):
            choices = self._as_district(doc, folded, start, end, choices)
        return choices

    def _vouched_homonyms(self, doc: "_Text", folded: str, start: int, end: int,
                          choices: tuple[_Candidate, ...], ruled_out: set[int]) -> tuple[_Candidate, ...]:
        """`choices` without the declared homonyms of a reading `ruled_out` (the town of Agdam, ruled out
        as the port wine or the club) that no `near` word of theirs stands next to: the Tovuz village
        Ağdam takes the name in "im Dorf Aghdam bei Tovuz", not because the wine is no town, nor in a
        paragraph that names the club Turan Tovuz beside Qarabağ Ağdam."""
        ruled_ids = {self.entities[e].id for e in ruled_out}
        words = None
        kept = []
        for c in choices:
            if ruled_ids & set(self.entities[c.entity].homonyms):
                near = self.entities[c.entity].guards.near
                if words is None:
                    words = _words_around(folded, start, end)
                if not near or not any(w in near for w in words):
                    continue
            kept.append(c)
        return tuple(kept)

    @cached_property
    def _guards_read(self) -> dict[int, bool]:
        """Entity index -> whether `_guards_pass` reads anything for it (the others pass whatever the
        text), filled as hits ask (a large gazetteer's entities are made when hit)."""
        return {}

    def _in_context(self, doc: "_Text", folded: str, start: int, end: int,
                    choices: tuple[_Candidate, ...], checks: int) -> tuple[_Candidate, ...]:
        """Rule out adjectives and people, and choose among homonyms, by the words around the hit.

        `checks` says which apply to the key (`_needs_context`).
        """
        context, text = self.context, doc.text
        if checks & CHECK_DEMONYM:
            surface = text[start:end]
            if context.is_demonym(surface, None) and context.is_demonym(surface, doc.lang(start)):
                return ()  # a demonym in some language (with its case), and in the text's
            if (surface[:1].isupper() and _after_a_name(text, start) and context.is_demonym(surface.lower(), None)
                    and doc.lang(start) in _ADJECTIVE_AFTER_NOUN and context.is_demonym(surface.lower(), doc.lang(start))):
                return ()  # Iglesia Apostólica Armenia: capitalised in a name, still the adjective
        if checks & CHECK_PERSON:
            lang = doc.lang(start)
            # After a comma the words may be a quotation whose speaker the name is (`Context.is_person`).
            low, high = max(0, start - 40), end + (440 if text[end:end + 1] == "," else 40)
            if lang in _BARE_GIVEN_NAMES and end - start > max(len(c.name) for c in choices):
                high = end  # a name with a case ending is no given name: the words after do not count
            names = {_name_key(c.name) for c in choices} & context.people_names
            if context.is_person(text[low:high], folded[low:high], start - low, end - low, lang, self._place_words):
                doc.people = doc.people or {}
                doc.people.update((name, start) for name in names)
                return ()
            if doc.people and any(start - doc.people.get(name, -PERSON_REACH) < PERSON_REACH for name in names):
                if _the_person_again(text, folded, start, end, context):
                    doc.people.update((name, start) for name in names)
                    return ()  # Ramil Qarabağlı ... Qarabağlı dedi: the surname the text has given a person
                for name in names:
                    doc.people.pop(name, None)  # Laçın şəhəri: the text has come to the place
        entities = {c.entity for c in choices} if checks & CHECK_HOMONYM else ()
        if len(entities) > 1:
            grounded = {e for e in entities if self._on_grounds(doc, e, start)}
            if grounded and len(grounded) < len(entities):
                choices, entities = tuple(c for c in choices if c.entity in grounded), grounded
        if len(entities) > 1:
            scores = {e: self._homonym_score(doc, folded, start, end, e) for e in entities}
            best = max(scores.values())
            if best == 0 and not doc.nested and len(doc.text) <= self.HOMONYM_TEXT_MAX and "\n" in doc.text:
                # Nothing in the paragraph: the rest of the article (its other paragraphs) decides.
                scores = {e: self._geography_score(doc, start, e, whole=True) for e in entities}
                best = max(scores.values())
            if best > 0 and list(scores.values()).count(best) == 1:
                choices = tuple(c for c in choices if scores[c.entity] == best)
        return choices

    def _cue_in_sentence(self, doc, folded: str, start: int, end: int) -> bool:
        """Whether any entity's reading cue starts a word in the sentence of [start, end).

        The cue words of every reading are found in the whole text at once,
        on the first hit that has readings: most sentences have none, and
        their hits then need no closer look.
        """
        if doc is None:
            return True
        if doc.cues is None:
            self._scan_cues(doc, folded)
        if not doc.cues:
            return False
        # A sentence reaches at most 300 characters either side (`_sentence_bounds`).
        first = bisect_left(doc.cues, start - 300)
        return first < len(doc.cues) and doc.cues[first] < end + 300

    def _cue_near(self, doc, start: int, end: int, entity: int, bounds: tuple[int, int]) -> bool:
        """Whether a reading's cue word may stand in the sentence of [start, end) or within the words
        around it (`_words_around`), outside the name itself.

        For entities whose cue words the scan finds all of (`_scanned_readings`), the cue starts
        `doc.cues` answer it; for others it may, and the words are read one by one. `bounds` are the
        sentence's (`_sentence_bounds`).
        """
        if doc is None or doc.cues is None or entity not in self._scanned_readings:
            return True
        low, high = bounds
        if doc.cue_starts is None or entity not in self._entity_cues:
            return _any_between(doc.cues, min(low, start - 60), start) or _any_between(doc.cues, end, max(high, end + 60))
        return (self._own_cue_within(doc, min(low, start - 60), start, entity)
                or self._own_cue_within(doc, end, max(high, end + 60), entity))

    @cached_property
    def _things_of_the_name(self) -> frozenset[int]:
        """Entities with a reading that is a thing (a club, a brand, a poet), not only places elsewhere
        (`Guards.another_place`): a name of theirs alone in quotes is that thing (`_settle`).

        A reading whose only cues are the other words of a full name (places' names, `_adjacent_cues`:
        Ararat for the club Ararat-Armenia) says nothing of the name alone: «Երևան» quoted as a name
        that replaced «Էրիվան» is the city."""
        adjacent = self._adjacent_cues
        return frozenset(index for index, entity in enumerate(self.entities)
                         if any(what not in entity.guards.another_place and not (
                             not anywhere and not near.prefixes and set(near.exact) <= adjacent.get(index, frozenset()))
                                for what, near, anywhere in entity.guards.readings))

    def _own_cue_within(self, doc, low: int, high: int, entity: int) -> bool:
        """Whether one of the entity's own reading cues may start in [low, high) (True when the scan
        does not tell: `_cue_near`): a sentence reaches at most 300 characters either side, so with none
        there its bounds need not be found. An entity whose cues all count only right next to the name
        (`_adjacent_cues`: the clubs Ararat-Armenia, Shirak Gyumri) has none to find anywhere."""
        own = self._entity_cues.get(entity)
        if own is not None and not own and entity in self._scanned_readings:
            return False
        if doc is None or doc.cue_starts is None or entity not in self._scanned_readings:
            return True
        starts, ids = doc.cue_starts, doc.cue_ids
        if own is None:
            return True
        return any(ids[k] in own for k in range(bisect_left(starts, low), bisect_left(starts, high)))

    @cached_property
    def _entity_cues(self) -> dict[int, frozenset[int]]:
        """Entity index -> the indexes (in `_cues`) of its readings' cue words (an exact word may be
        found under the prefix cue of the same letters: poet, poet*)."""
        position = {word: i for i, word in enumerate(self._cues)}
        own: dict[int, frozenset[int]] = {}
        for index, entity in enumerate(self.entities):
            if entity.guards.readings:
                own[index] = frozenset(position[w] for _, near, anywhere in entity.guards.readings
                                       for words in (near, anywhere) for w in (*words.exact, *words.prefixes)
                                       if w in position)
        return own

    @cached_property
    def _scanned_readings(self) -> frozenset[int]:
        """Entities every cue word of whose readings the scan seeks (`_cues`), but those that count
        only right next to the name (`_adjacent_cues`, checked apart)."""
        cues, scanned = self._cues, set()
        if not self._cues_scanned:
            return frozenset()
        for index, entity in enumerate(self.entities):
            if not entity.guards.readings:
                continue
            adjacent = self._adjacent_cues.get(index, frozenset())
            words = [w for _, near, anywhere in entity.guards.readings for w in (*near.exact, *anywhere.exact)]
            prefixes = [p for _, near, anywhere in entity.guards.readings for p in (*near.prefixes, *anywhere.prefixes)]
            near_only = {w for _, near, _ in entity.guards.readings for w in near.exact} - {
                w for _, _, anywhere in entity.guards.readings for w in anywhere.exact}
            # An exact word is found as itself or under a prefix cue of the same letters (poet, poet*).
            if all(w in cues or (w in adjacent and w in near_only) for w in words) and all(
                    cues.get(p) is False for p in prefixes):
                scanned.add(index)
        return frozenset(scanned)

    def _note_cues(self, doc: "_Text", folded: str, hits) -> None:
        """`doc.cues` (the sorted starts of the reading cues on word boundaries) and, start by start,
        which cue each is (`doc.cue_starts`, `doc.cue_ids`), so that `_cue_near` asks for an entity's
        own cues only."""
        whole, size = self._cue_whole, len(folded)
        pairs = sorted((start, i) for start, end, i in hits
                       if (start == 0 or not folded[start - 1].isalnum())
                       and (not whole[i] or end == size or not folded[end].isalnum())
                       and (whole[i] or not self._a_longer_name(folded, start, end)))
        doc.cue_starts = [start for start, _ in pairs]
        doc.cue_ids = [i for _, i in pairs]
        doc.cues = sorted(set(doc.cue_starts))

    def _a_longer_name(self, folded: str, start: int, end: int) -> bool:
        """Whether the word that a prefix cue opens at [start, end) is a place's name two letters or more
        longer than the cue: the villages Süleymanlı, Çaxırlı, Dövlətyarlı, Şişkert, Halilabad are no
        sultan, wine, state, bottle or carpet of the poet, the port wine, the dynasty, the mineral water
        or the carpet ("Füzulinin Yuxarı Güzlək, ... Cəbrayılın Süleymanlı kəndləri" lost Fuzuli to the
        poet). A case form of the cue's own place (Джульфы for джульф*) is no longer name."""
        stop = _LETTERS.match(folded, end).end()
        if stop - end < 2:
            return False
        keys = self._key_indexes
        return any(folded[start:length] in keys for length in range(stop, end + 1, -1))

    def _cue_starts(self, folded: str, hits) -> list[int]:
        """Sorted starts of the cue hits (start, end, cue index) that stand on word boundaries."""
        whole, size = self._cue_whole, len(folded)
        return sorted({start for start, end, i in hits
                       if (start == 0 or not folded[start - 1].isalnum())
                       and (not whole[i] or end == size or not folded[end].isalnum())})

    @cached_property
    def _cue_whole(self) -> list[bool]:
        """Per cue (reading cues, then district words): whether it must be a whole word."""
        return [*self._cues.values(), *self._district_cues.values()]

    @cached_property
    def _cue_arrays(self):
        """(length, whole word?) of each cue, as numpy arrays."""
        import numpy as np

        return (np.array([len(c) for c in [*self._cues, *self._district_cues]], dtype=np.int64),
                np.array(self._cue_whole, dtype=bool))

    def _scan_cues(self, doc: "_Text", folded: str) -> None:
        """`doc.cues` and `doc.districts` by a scan of their own, for matchers whose scanner does not seek them."""
        cues = [*self._cues, *self._district_cues]
        if not cues:
            doc.cues, doc.districts = [], []
            return
        scanner = self.__dict__.get("_cue_scanner")
        if scanner is None:
            scanner = self.__dict__["_cue_scanner"] = KeyAutomaton(cues)
        hits = [(s, e, i) for i, s, e in scanner.matches(folded)]
        readings = len(self._cues)
        self._note_cues(doc, folded, [h for h in hits if h[2] < readings])
        doc.districts = self._cue_starts(folded, [h for h in hits if h[2] >= readings])

    # ------------------------------------------------------------ a town's name for its district

    # How far from a word for a district a town's name is looked at (a list of names between).
    DISTRICT_REACH = 150

    @cached_property
    def _named_siblings(self) -> dict[int, int]:
        """Entity index -> index of the district of the same name (`district_id`), unless the two
        declare each other `homonyms`: Aghdam's village Kangarli is not the town of Nakhchivan's
        Kangarli district, which is named after a tribe."""
        if len(self.entities) >= SIBLINGS_MAX_ENTITIES:
            return {}  # large gazetteers (GeoNames) name their districts as they are
        index = {entity.id: i for i, entity in enumerate(self.entities)}
        return {i: index[district_id(entity.id)] for i, entity in enumerate(self.entities)
                if district_id(entity.id) in index and district_id(entity.id) not in entity.homonyms}

    @cached_property
    def _siblings(self) -> dict[int, int]:
        """`_named_siblings`, and for a town without one the district it lies in that has a form of
        its name (`district_id` of a form): Askeran, in Khojaly district, whose form askeran_district is
        Artsakh's Askeran region. Only a word for a district beside the name makes it that district
        ("the region of Askeran"): Azerbaijan has had no Askeran district since 1991, so its press's
        "Əsgəranın Ağbulaq kəndi" is the town's village (`_district_of_part` leaves these out)."""
        siblings = dict(self._named_siblings)
        if not siblings:
            return siblings
        index = {entity.id: i for i, entity in enumerate(self.entities)}
        for i, entity in enumerate(self.entities):
            parent = index.get(entity.part_of) if entity.part_of and i not in siblings else None
            if parent is not None and self.entities[parent].kind == "district":
                district_forms = {f.id for f in self.entities[parent].forms}
                if any(district_id(f.id) in district_forms for f in entity.forms):
                    siblings[i] = parent
        return siblings

    @cached_property
    def _sibling_table(self):
        """Per key: whether one of its readings is a town with a district of its name."""
        import numpy as np

        siblings = self._siblings
        if not siblings:
            return np.zeros(len(self.keys), dtype=bool)
        return np.array([any(c.entity in siblings for c in choices) for choices in self.candidates], dtype=bool)

    @cached_property
    def _sibling_keys(self) -> frozenset[int]:
        """`_sibling_table` as a set of key indexes (a set is the cheaper test one hit at a time)."""
        import numpy as np

        return frozenset(np.flatnonzero(self._sibling_table).tolist())

    @cached_property
    def _rivers(self) -> dict[int, int]:
        """Entity index -> index of the river or reservoir of the same name (id + "_river", "_reservoir").

        Words for water go with either: Sərsəngdən Suqovuşana axan çaylar (the reservoir).
        """
        if len(self.entities) >= SIBLINGS_MAX_ENTITIES:
            return {}
        index = {entity.id: i for i, entity in enumerate(self.entities)}
        return {i: index.get(entity.id + "_river", index.get(entity.id + "_reservoir"))
                for i, entity in enumerate(self.entities)
                if entity.id + "_river" in index or entity.id + "_reservoir" in index}

    @cached_property
    def _river_table(self):
        """`_river_keys` as a numpy bool array over the keys."""
        import numpy as np

        table = np.zeros(len(self.keys), dtype=bool)
        table[list(self._river_keys)] = True
        return table

    @cached_property
    def _river_keys(self) -> frozenset[int]:
        """Key indexes with a reading that is a town with a river of its name (Tartar, Тертер)."""
        rivers = self._rivers
        if not rivers or not self.context.river_words:
            return frozenset()
        return frozenset(i for i, choices in enumerate(self.candidates) if any(c.entity in rivers for c in choices))

    def _as_river(self, choices: tuple[_Candidate, ...]) -> tuple[_Candidate, ...]:
        """The river readings of a town's name that a word for a river stands next to (реки Тертер)."""
        rivers, found = self._rivers, []
        for c in choices:
            if c.entity in rivers:
                river = self.entities[rivers[c.entity]]
                found.append(_Candidate(rivers[c.entity], river.forms[0].id, c.lang, c.name, c.inflected, c.how))
        return tuple(found) or choices

    def _district_near(self, doc: "_Text", folded: str, start: int, end: int) -> bool:
        """Whether a word for a district starts within `DISTRICT_REACH` of [start, end)."""
        if doc.districts is None:
            self._scan_cues(doc, folded)
        districts = doc.districts
        if not districts:
            return False
        position = bisect_left(districts, start)
        if position < len(districts) and districts[position] - end < self.DISTRICT_REACH:
            return True
        before = self._districts_before(doc, folded)
        position = bisect_left(before, start)
        return (position > 0 and start - before[position - 1] < self.DISTRICT_REACH) or \
            self._in_brackets_after_districts(doc.text, folded, start)

    def _districts_before(self, doc: "_Text", folded: str) -> list[int]:
        """Where the words for a district that come before a district's name start (`doc.districts` that
        are `district_words_before`): only they make a town's name before it a district's."""
        if doc.districts_before is None:
            words = self.context.district_words_before
            doc.districts_before = [p for p in doc.districts
                                    if folded[p:p + 40].split(None, 1)[0].strip(_PUNCTUATION) in words]
        return doc.districts_before

    def _as_district(self, doc: "_Text", folded: str, start: int, end: int,
                     choices: tuple[_Candidate, ...]) -> tuple[_Candidate, ...]:
        """The district readings of a town's name when a word for a district goes with it.

        The word may follow the name (Zangilan district, Kəlbəcər bölgəsindən), precede it with
        at most one preposition between (Bezirk Kalbadschar, district of Zangilan), or end or open
        a list of capitalised names joined by commas and conjunctions (the Terter, Aghdam and
        Barda districts; Gebiete Fizuli, Zangilan, Jabrail).
        """
        if not self._district_context(doc, folded, start, end):
            return choices
        memo = self._district_readings
        districts = memo.get(choices)
        if districts is None:
            districts = memo[choices] = self._district_readings_of(choices)
        return districts

    @cached_property
    def _district_readings(self) -> dict[tuple[_Candidate, ...], tuple[_Candidate, ...]]:
        """`_district_readings_of`, remembered: the same few town names recur hit after hit."""
        return {}

    def _district_readings_of(self, choices: tuple[_Candidate, ...]) -> tuple[_Candidate, ...]:
        """The district readings of a town's readings (`choices` itself if none has a district)."""
        siblings, named, districts = self._siblings, self._named_siblings, []
        for c in choices:
            # A district only by a form of its name (Askeran region) is none in Azerbaijani or
            # Turkish spelling: Azerbaijan has no such district (Əsgəranın Ağbulaq kəndi).
            if c.entity in siblings and (c.entity in named or c.lang not in _NO_FORM_DISTRICTS):
                district = self.entities[siblings[c.entity]]
                form = next((f.id for f in district.forms if f.id in (c.form, district_id(c.form))),
                            district.forms[0].id)
                districts.append(_Candidate(siblings[c.entity], form, c.lang, c.name, c.inflected, c.how))
        return tuple(districts) or choices

    def _district_context(self, doc: "_Text", folded: str, start: int, end: int) -> bool:
        text = doc.text
        tokens_after = _TOKEN.finditer(folded, end, min(len(folded), end + self.DISTRICT_REACH))
        first = next(tokens_after, None)
        towns = self.context.town_words
        if first is not None and (first.group().strip(_PUNCTUATION) in towns or _name_key(
                " ".join(folded[first.start():first.start() + 40].split()[:2])) in towns):
            return False  # Yevlax şəhərindən, ville de Barda: the town, whatever district word is near
        words = self.context.district_words
        previous = folded[start:end]
        # The tokens are read as the loop needs them (it stops at the first lower-case word, mostly
        # at once): two, then a few more at a time; the twelve `_with_the_other_districts` reads only
        # when a word for "other" follows at all.
        following = ([first] if first is not None else []) + list(islice(tokens_after, 1))
        figure_end = -1  # where a figure between the names of a list ends (`_FIGURE_IN_A_LIST`)
        for position, token in enumerate(following):
            if position + 2 >= len(following):
                following.extend(islice(tokens_after, 8))
            word = token.group().strip(_PUNCTUATION)
            if not word or token.start() < figure_end:
                continue  # (folding splits 8526,2-si in two: its case ending is the figure's too)
            if (word in words or (position + 1 < len(following) and token.group() == word and
                                  f"{word} {following[position + 1].group().strip(_PUNCTUATION)}" in words)) \
                    and not (_TURKISH_PROVINCE.fullmatch(word) and doc.lang(start) == "az"):
                if position and _ARMENIAN_NOT_GENITIVE.search(folded, start, end) and doc.lang(start) == "hy":
                    return False  # Մարտակերտում և Մարտունու շրջանում: only a genitive is the word's (hy10)
                return True  # also a word for a village of two words: Daşaltı yaşayış məntəqəsi
            if word in _AFTER_DATIVE and _TURKIC_DATIVE.search(previous) and doc.lang(start) in ("az", "tr", None):
                return True  # Şuşa'ya bağlı, Ağdərəyə aid: attached to, belonging to (never English "aid")
            raw = token.group()
            if raw[:1].isdigit():
                figure = _FIGURE_IN_A_LIST.match(text, token.start())
                if figure and (figure.end() == len(text) or text[figure.end()].isspace()):
                    figure_end = figure.end()
                    continue
            if raw == word and text[token.start()].isupper() and _RUSSIAN_DISTRICT_ADJECTIVE.search(word):
                return False  # посёлок Гадрут Ходжавендского района: the word for a district is the adjective's
            previous = word
            # Another name in brackets may stand between: Karvachar (Kelbadjar) District.
            opened = token.start() + len(raw) - len(raw.lstrip("(«\"“„"))
            if not (word in _CONJUNCTIONS or word in _COMPASS_ABLATIVES or text[opened].isupper()
                    or (position == 0 and word in _ARMENIAN_PART_ADJECTIVES)) \
                    or raw[-1] in ".;:!?»\"":
                break
        if following and _OTHER_WORD.search(folded, end, min(len(folded), end + self.DISTRICT_REACH)):
            following.extend(islice(tokens_after, max(0, 11 - len(following))))
            if _OTHER_WORD.search(folded, end, following[min(len(following), 10) - 1].end()) and \
                    self._with_the_other_districts([t.group() for t in following[:11]]):
                return True  # (the search looks for "other" in the slice the first ten tokens come from)
        if self._in_brackets_after_districts(text, folded, start):
            return True  # 7 inzibati rayondan (Babək, Kəngərli, Culfa, ...): the brackets list the districts
        low = max(0, start - self.DISTRICT_REACH)
        if doc.districts is not None and not _any_between(self._districts_before(doc, folded), low, start):
            return False  # no word that names a district before its name starts before it
        words = self.context.district_words_before
        tokens = list(_TOKEN.finditer(folded, low, start))
        backwards = list(reversed(tokens))
        if not words.any_in([t.group().strip(_PUNCTUATION) for t in backwards]):
            return False  # no word for a district before: no need to know the text's language
        lang = doc.lang(start)
        if lang is not None and lang not in WORD_BEFORE_NAME:
            return False  # Azerbaijani, Turkish, Armenian: a district word before the name is another name's
        if backwards and self._located_in_a_district(text, backwards, lang):
            return True
        if _LIST_OPENING.search(folded, low, start) and self._listed_after_a_colon(folded, backwards, words, towns):
            return True
        for position, token in enumerate(backwards):
            raw = token.group()
            word = raw.strip(_PUNCTUATION)
            if raw in ("(", "«", "\"", "“", "„"):
                continue  # an opening bracket or quotation mark before a list: (Agdam, Lachín y Kalbajar)
            if raw[-1] in ".;!?" or not word:
                break
            if word in words:
                return True
            if word in towns:
                return False  # der Gebiete Fizuli, Zangilan und der Stadt Shusha
            elided = len(word) > 2 and word[1] == "'" and word[0] in "dl" and text[token.start() + 2].isupper()
            if word in _PREPOSITIONS or elided:
                # "district of Zangilan", "distritos de Kalbajar y Lachin": only right after the word,
                # or after one adjective (región montañosa de Kalbajar, districts voisins d'Aghdara);
                # "d'Aghdara et de Khojaly": a preposition after a conjunction goes on with the list.
                before = [t.group().strip(_PUNCTUATION) for t in backwards[position + 1:position + 3]]
                if not elided and before and before[0] in _CONJUNCTIONS:
                    continue
                return bool(before) and (before[0] in words or (
                    len(before) == 2 and before[0].isalpha() and before[0] not in _CONJUNCTIONS
                    and not text[backwards[position + 1].start()].isupper() and before[1] in words))
            if raw[-1] == ":":
                break
            if not (word in _CONJUNCTIONS or text[token.start() + len(raw) - len(raw.lstrip("(«\"“„"))].isupper()):
                # Romance adjectives follow the noun: los territorios restantes (Agdam, Lachín y Kalbajar).
                after = backwards[position + 1].group().strip(_PUNCTUATION) if position + 1 < len(backwards) else ""
                return lang in _ADJECTIVE_AFTER_NOUN_ROMANCE and word.isalpha() and raw[-1] not in ",;" and after in words
        return False

    def _with_the_other_districts(self, tokens: list[str]) -> bool:
        """Whether "the other districts" follows the name in its clause: "celui de Kelbadjar
        (Karvatchar en arménien) avec les autres districts", "Agdam and the other districts".

        `tokens` are the folded tokens after the name (the first eleven are enough).
        """
        if not _OTHER_WORD.search(" ".join(tokens[:10])):
            return False
        words = self.context.district_words
        for k, raw in enumerate(tokens[:10]):
            word = raw.strip(_PUNCTUATION)
            if word in _OTHER and k + 1 < len(tokens) and raw[-1] not in _CLAUSE_END + ",":
                return tokens[k + 1].strip(_PUNCTUATION) in words
            if raw[-1] in _CLAUSE_END:
                break
        return False

    def _in_brackets_after_districts(self, text: str, folded: str, start: int) -> bool:
        """Whether the name is in a list of names in brackets that open right after a word for districts,
        in any language: "7 inzibati rayondan (Babək, Kəngərli, Culfa, Ordubad, ...)", "7 rayonun
        (Ağdam, Füzuli, ...)", "Յոթ շրջանները (Աղդամ, Ֆիզուլի, ...)", "seven districts (Agdam, Fuzuli
        ...)". Only capitalised names, commas and conjunctions stand between the bracket and the name.

        >>> from toponyms.context import Context, Words
        >>> m = Matcher.__new__(Matcher)
        >>> m.context = Context(district_words=Words.of(["rayon", "rayond*", "districts"]))
        >>> t = "7 inzibati rayondan (Babək, Kəngərli və Culfa) ibarətdir; şəhər (Culfa), rayon (bax Culfa)"
        >>> [m._in_brackets_after_districts(t, fold(t), t.index(n)) for n in ("Babək", "Culfa")]
        [True, True]
        >>> [m._in_brackets_after_districts(t, fold(t), i) for i in (t.index("Culfa", 50), t.rindex("Culfa"))]
        [False, False]
        """
        opening = text.rfind("(", max(0, start - 200), start)
        if opening < 0 or ")" in text[opening:start]:
            return False
        for token in _TOKEN.finditer(text, opening + 1, start):
            word = token.group().strip(_PUNCTUATION)
            if word and not word[0].isupper() and fold(word) not in _CONJUNCTIONS:
                return False  # (bax Culfa): a sentence in brackets, no list
        before = folded[max(0, opening - 40):opening].split()
        return bool(before) and before[-1].strip(_PUNCTUATION) in self.context.district_words

    @staticmethod
    def _listed_after_a_colon(folded: str, backwards: list, words, towns) -> bool:
        """Whether the name is in a list that a colon or "namely" opens after a word for districts,
        in one sentence: "drei Bezirke an Aserbaidschan: Agdam im Osten sowie Kelbadschar und
        Latschin", "three districts: Agdam, Kalbajar and Lachin", "tres provincias ocupadas, a
        saber, Kalbajar, Agdam y Lachin". A word for a town after the colon ends it.
        """
        for position, token in enumerate(backwards):
            raw = token.group()
            word = raw.strip(_PUNCTUATION)
            if raw[-1] == ":" or _opens_a_list(word, backwards, position):
                break
            if word in _LIKE and raw == word and position + 1 < len(backwards) and \
                    backwards[position + 1].group() in words:
                break  # Gebieten wie Latschin: "like" right after the word for districts
            if raw[-1] in ".;!?" or word in towns:
                return False
        else:
            return False
        for token in backwards[position:]:
            raw = token.group()
            word = raw.strip(_PUNCTUATION)
            if raw[-1] in ".;!?" and token is not backwards[position]:
                return False
            if word in words:
                return True
            if word in towns or word in _TOWNS_PLURAL:
                return False  # "two towns: Lachin and Kalbajar": the nearest such word decides
        return False

    def _located_in_a_district(self, text: str, backwards: list, lang: str | None) -> bool:
        """With a word for a district near: a name that a French article stands before (dont le
        Kelbadjar, du Kelbadjar), or that places a village or town just named (the village of Agali
        in Zangilan, das Dorf X in Y), names the district.
        """
        first = backwards[0].group()
        if first[-1] in _CLAUSE_END or first[-1] == ",":
            return False
        word = first.strip(_PUNCTUATION)
        if word in _FRENCH_ARTICLES:
            return lang == "fr"
        if word not in _IN:
            return False
        towns, rest = self.context.town_words, backwards[1:5]
        for position, token in enumerate(rest):
            raw = token.group()
            word = raw.strip(_PUNCTUATION)
            if raw[-1] in _CLAUSE_END or not word:
                return False
            if word in towns:
                return position > 0  # "village Agali in": the word, then the village's name
            if not (text[token.start()].isupper() or word in _PREPOSITIONS):
                return False
        return False

    @cached_property
    def _place_words(self) -> frozenset[str]:
        """Every word of every key: the words a place's name is made of."""
        return frozenset(word for key in self.keys for word in key.split())

    def _on_grounds(self, doc: "_Text", entity: int, start: int) -> bool:
        """Whether the text holds anything that could point to `entity` among its homonyms: False only
        for a homonym whose context is small (`_grounds`) when the text names none of it, which then
        need not be weighed paragraph by paragraph: an article on the town of Agdam that never names
        Tovuz or a place of it says nothing for the Tovuz village, and reads as fast as before it was
        added."""
        grounds = self._grounds.get(entity, False)
        if grounds is False:
            grounds = self._grounds[entity] = self._grounds_of(entity)
        if grounds is None:
            return True
        # A text the whole of which may settle a homonym (`HOMONYM_TEXT_MAX`) is asked whole; a longer
        # one (a batch's text, a book) paragraph by paragraph, as it is weighed.
        low, high = (0, len(doc.text)) if doc.nested or len(doc.text) <= self.HOMONYM_TEXT_MAX else (
            paragraph_bounds(doc.text, start))
        memo_key = ("grounds", entity, low, high)
        found = doc.memo.get(memo_key)
        if found is None:
            folded = doc.folded if doc.folded is not None else fold_fast(doc.text)
            found = doc.memo[memo_key] = grounds.search(folded, low, high) is not None
        return found

    @cached_property
    def _grounds(self) -> dict[int, "re.Pattern | None"]:
        """Entity index -> `_grounds_of` it, filled as hits ask (a text without homonyms builds none)."""
        return {}

    def _grounds_of(self, index: int) -> "re.Pattern | None":
        """One expression for every word that could make the entity score among its homonyms
        (`_homonym_score`): its `near` words, the names of its `with` places and of the one region it
        lies in (no country) and of what lies there. None (every hit weighed) but for declared homonyms
        with a `context` whose region is that small, against homonyms that declare none."""
        entity = self.entities[index]
        guards = entity.guards
        if not entity.homonyms or not guards.declares_context:
            return None
        # Only against homonyms that declare no context (the town of Agdam): two that both declare
        # one are weighed as they always were (Armavir, the town and the province).
        if any(other in self._entity_index and self.entities[self._entity_index[other]].guards.declares_context
               for other in entity.homonyms):
            return None
        around = self._districts_of.get(entity.id, frozenset()) - self._countries
        if len(around) > 1:
            return None
        members = {self._entity_index[i] for i in set(guards.with_places) | set(around) if i in self._entity_index}
        if around:
            members.update(k for k, other in enumerate(self.entities)
                           if self._districts_of.get(other.id, frozenset()) & around)
        # A district is named by its town's name and a word for a district too (die Region Ararat)
        towns = self._town_of_district
        members.update(self._entity_index[towns[self.entities[m].id][0]] for m in list(members)
                       if self.entities[m].id in towns)
        members.discard(index)
        words = {fold_key(spelling) for m in members for form in self.entities[m].forms
                 for _, spelling in form.spellings()}
        stems = guards.near.to_json() if guards.near else []
        literals = {w for w in words if w} | {fold_key(w.rstrip("*")) for w in stems if w.rstrip("*")}
        # as a trie: an alternation of a thousand literals tries each at every position (a quarter of
        # a millisecond on a 4 KB article), a trie's first letters rule most positions out at once
        return re.compile(r"(?<!\w)" + _trie_pattern(literals)) if literals else re.compile(r"(?!)")

    def _homonym_score(self, doc: "_Text", folded: str, start: int, end: int, entity: int) -> int:
        """How much the context points to `entity`: its `near` words close by, its `with` places in the paragraph."""
        guards = self.entities[entity].guards
        score = 0
        if guards.near:
            score += 2 * sum(w in guards.near for w in _words_around(folded, start, end))
        if guards.with_places:
            low, high = paragraph_bounds(doc.text, start)
            named = doc.memo.get(("named", low, high))
            if named is None:  # each homonym of each hit asks: the paragraph is scanned once
                named = doc.memo[("named", low, high)] = self._entities_named(folded[low:high])
            score += sum(self.entities[i].id in guards.with_places for i in named)
        if not doc.nested and len(self.entities) < SIBLINGS_MAX_ENTITIES:
            score += self._geography_score(doc, start, entity)
        return score

    # Up to this many characters, a homonym that its paragraph leaves open is settled by the whole text.
    HOMONYM_TEXT_MAX = 100_000

    def _geography_score(self, doc: "_Text", start: int, entity: int, whole: bool = False) -> int:
        """How much the other places of the paragraph point to `entity` by where they lie (`part_of`).

        A place named without doubt in the same paragraph that is `entity` itself (another of its
        names: Неркин Каранлуг ... Мартуни) counts 2; one that lies in what `entity` lies in, or
        is that (Gavar, Gegharkunik, Sevan for Martuni in Gegharkunik; Stepanakert, Hadrut, Artsakh
        for Martuni in Karabakh), counts 1. Names shared within the homonyms tell nothing, and nor does
        the country: the refugees of Martuni in Karabakh went to Yerevan, Goris, Armenia.
        """
        target = self.entities[entity]
        around = self._districts_of.get(target.id, frozenset()) - self._countries
        score = 0
        for mention in self._places_around(doc, start, whole):
            if mention.entity_id == target.id:
                score += 2 if _name_key(mention.name) not in self._homonym_keys(entity) else 0
            elif mention.entity_id in around or self._districts_of.get(mention.entity_id, frozenset()) & around:
                score += 1
        return score

    def _places_around(self, doc: "_Text", start: int, whole: bool = False) -> tuple[Mention, ...]:
        """The mentions of the paragraph around `start` (of the whole text if `whole`), found once
        per paragraph, whose name no declared homonym shares (a Martuni says nothing about which
        Martuni another one is)."""
        low, high = (0, len(doc.text)) if whole else paragraph_bounds(doc.text, start)
        memo_key = ("places", low, high)
        found = doc.memo.get(memo_key)
        if found is None:
            inner = _Text(doc.text[low:high], doc.given, nested=True)
            shared = self._shared_homonym_keys
            found = doc.memo[memo_key] = tuple(m for m in self._find_small(inner, None)
                                               if _name_key(m.name) not in shared)
        return found

    @cached_property
    def _shared_homonym_keys(self) -> frozenset[str]:
        """Folded spellings that two declared homonyms share."""
        shared = set()
        for index, entity in enumerate(self.entities):
            if entity.homonyms:
                shared |= self._homonym_keys(index)
        return frozenset(shared)

    def _homonym_keys(self, entity: int) -> frozenset[str]:
        """The folded spellings of `entity` that one of its declared homonyms has too."""
        memo = self.__dict__.setdefault("_homonym_key_memo", {})
        found = memo.get(entity)
        if found is None:
            def keys(e: Entity) -> set[str]:
                return {fold_key(spelling) for form in e.forms for _, spelling in form.spellings()}

            own, others = keys(self.entities[entity]), set()
            for other in self.entities[entity].homonyms:
                if other in self._entity_index:
                    others |= keys(self.entities[self._entity_index[other]])
            found = memo[entity] = frozenset(own & others)
        return found

    def _entities_named(self, folded_paragraph: str) -> set[int]:
        """The entities whose keys occur in a folded paragraph (on word boundaries, no suffix checks)."""
        found = set()
        for index, start, _ in self._hits(folded_paragraph):
            if index >= len(self.keys) or (start and folded_paragraph[start - 1].isalnum()):
                continue  # not a name (a reading's cue word), or not at a word's start
            found.update(c.entity for c in self.candidates[index])
        return found

    def _suffix_readings(self, choices: tuple[_Candidate, ...], suffix: str) -> tuple[frozenset, tuple]:
        """(languages whose grammar has `suffix`, the readings whose own grammar has it)."""
        langs = self._suffix_langs(suffix)
        turkic = "az" in langs  # the Turkic suffixes are one grammar here
        return langs, tuple(c for c in choices if not c.inflected and (
            c.lang in langs or (turkic and c.lang == "tr" and (" " in c.name or self._turkish_glued(c, suffix)))))

    def _turkish_glued(self, candidate: _Candidate, suffix: str) -> bool:
        """Nahçıvana, Şuşada: a Turkish case ending glued without its apostrophe, taken on a big place's
        name of four letters or more (`inflect.TURKISH_GLUED_CASES`); a village's name is too often a word."""
        return (suffix in TURKISH_GLUED_CASES and len(candidate.name) >= 4
                and self.entities[candidate.entity].kind in _TURKISH_GLUED_KINDS)

    def _with_suffix(self, choices: tuple[_Candidate, ...], suffix: str, doc: "_Text", start: int,
                     possible: tuple | None = None) -> tuple[_Candidate, ...]:
        """The readings of a name that can carry `suffix` glued on (`choices` itself when all can).

        Only the grammar of the text's language `lang` counts (French
        ``Arméniens`` is no German genitive); when the language is unknown,
        the grammar of the spelling's own language. Turkish glues suffixes
        to the common noun that ends a multi-word name (Laçın koridorunda).
        """
        langs, possible = possible or self._suffix_readings(choices, suffix)
        turkic = "az" in langs
        if not possible:
            return ()  # no reading's own grammar has the suffix: no need to ask the text's language
        lang = doc.lang(start)
        if lang is None:
            kept = possible
        elif lang in langs:
            kept = tuple(c for c in possible if c.lang == lang)
        elif lang == "tr" and turkic:
            # A Turkish ending glued without its apostrophe, opening a sentence, is a word as often as a
            # name (Kapana kısılan, Kafana göre, Hızıyla dikkat çeken): the big names keep it inside one,
            # and a locative or ablative ending opening one (`_TURKISH_GLUED_LOCATIVES`).
            glued = "tr" in langs or suffix in _TURKISH_GLUED_LOCATIVES or not _sentence_initial(doc.text, start)
            kept = tuple(c for c in possible if c.lang in ("tr", "az")
                         and (" " in c.name or (glued and self._turkish_glued(c, suffix))))
        else:
            return ()
        return kept if len(kept) != len(choices) else choices

    def _suffix_langs(self, suffix: str, apostrophe: bool = False) -> frozenset[str]:
        """The languages in which `suffix` is a suffix (after an apostrophe), remembered: suffixes repeat."""
        key = (suffix, apostrophe)
        langs = self._suffix_memo.get(key)
        if langs is None:
            langs = self._suffix_memo[key] = frozenset(
                lang for lang in _suffix_languages(apostrophe) if suffix_ok(lang, suffix, apostrophe=apostrophe))
        return langs

    @cached_property
    def _suffix_memo(self) -> dict:
        return {}

    @cached_property
    def _tables(self) -> dict:
        import numpy as np

        return {
            "length": np.array(self._lengths, dtype=np.int64),
            "single": np.array(self._unambiguous, dtype=bool),
            "proper": np.array([any(_proper_case(self.entities[c.entity], c) or _capital_needed(c) for c in cs)
                                for cs in self.candidates], dtype=bool),
            "proper_all": np.array([all(_proper_case(self.entities[c.entity], c) or _capital_needed(c) for c in cs)
                                    for cs in self.candidates], dtype=bool),
            "acronym": np.array([any(_a_word_in_capitals(c) for c in cs) for cs in self.candidates], dtype=bool),
            "word_guarded": np.array([any(self.entities[c.entity].guards.contextual for c in cs)
                                      for cs in self.candidates], dtype=bool),
            "glue": np.array([any(not c.inflected and glues(c.lang, c.name) for c in cs) for cs in self.candidates],
                             dtype=bool),
            "checked": np.array(self._checked, dtype=np.uint8) != 0,
            "apostrophe": np.array([any(takes_suffix(c.lang, True) for c in cs) for cs in self.candidates],
                                   dtype=bool),
            "guarded": np.array(self._guarded, dtype=bool),
            "classes": char_classes(),
        }

    def _apostrophe_ok(self, choices: tuple[_Candidate, ...], suffix: str, doc: "_Text", start: int) -> bool:
        """Karabağ'da: whether the letters after an apostrophe are a suffix of the text's language.

        With the language not given, of one of the readings' languages.
        """
        langs = self._suffix_langs(suffix, True)
        if not langs:
            return False
        # Turkic suffixes after an apostrophe are no other language's grammar, so the paragraph's
        # language is not detected for them (it costs time); a given language still decides.
        lang = doc.lang(start) if doc.given else None
        if lang is not None:
            return lang in langs
        return bool(langs) and any(c.lang in langs for c in choices)

    def _hyphen_end(self, choices: tuple[_Candidate, ...], folded: str, end: int, doc: "_Text", start: int) -> int:
        """ԼՂ-ում, ՀՀ-ն: where a suffix set off by a hyphen ends, in the grammar of the text's language
        and of one of the readings' (`end` itself when the letters after the hyphen are another word)."""
        suffix_end = _LETTERS.match(folded, end + 1).end()
        lang = doc.lang(start)
        if lang and any(c.lang == lang for c in choices) and suffix_ok(lang, folded[end + 1:suffix_end], hyphen=True):
            return suffix_end
        return end

    def _has_guards(self, candidate: _Candidate) -> bool:
        guards = self.entities[candidate.entity].guards
        # Derived spellings and short names are only taken capitalised (`_capital_needed`).
        return bool(guards.proper_case or guards.contextual or _capital_needed(candidate))

    def _needs_context(self) -> list[int]:
        """Per key: which of `_in_context`'s checks a hit needs (0: none), as CHECK_* bits.

        Demonyms of some language, place names that are also people's names,
        and spellings shared by homonyms that declare a `context`.
        """
        demonyms, people = self.context.demonym_keys, self.context.people_names
        needs = []
        for key, choices in zip(self.keys, self.candidates):
            shared = len({c.entity for c in choices}) > 1 and any(_settled_by_context(self.entities[c.entity])
                                                                    for c in choices)
            needs.append((CHECK_DEMONYM if key in demonyms else 0) | (CHECK_HOMONYM if shared else 0)
                         | (CHECK_PERSON if any(_name_key(c.name) in people for c in choices) else 0))
        return needs

    def _guards_pass(self, text: str, folded: str, start: int, end: int, entity: int, doc=None,
                     small_head: bool = False) -> bool:
        """Whether the entity's guards let the span [start, end) be the place. A spelling with a
        `small_head` (река Араз) has the capital that proper_case asks for after its first word."""
        if self.entities[entity].guards.proper_case and not text[start].isupper() and not (
                small_head and _capital_after_head(text, start, end)):
            return False
        return self._words_pass(folded, start, end, entity, doc)

    def _words_pass(self, folded: str, start: int, end: int, entity: int, doc=None) -> bool:
        """`_word_guards_pass`, noting in `doc` where an entity with other readings (poet, club, wine) was
        ruled out, for `_reading_again` to read the same name nearby the same way."""
        passed = self._word_guards_pass(folded, start, end, entity, doc)
        if passed is True:
            return True
        if passed and doc is not None:
            carried = self.entities[entity].guards.carried
            if (passed in carried or (passed is NOT_AFTER and carried)) and not self._about_the_name(folded, start, end):
                _note_reading(doc, self.entities[entity].id, start)
        return False

    @cached_property
    def _name_cues(self) -> re.Pattern:
        """The words of cues.yaml's `gloss` (named, renamed, adı, назван, benannt...) of every language,
        folded, each at the start of a word."""
        from .cues import cues

        words = {fold(str(word)) for words in (cues().get("gloss") or {}).values() for word in words or ()}
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")")

    def _about_the_name(self, folded: str, start: int, end: int) -> bool:
        """Whether the sentence of [start, end) talks about a name: "The town was renamed Fuzuli in 1959,
        after the poet", "şair Məhəmməd Füzulinin adı verilib". There the poet explains the town's name,
        and the town may well be the subject of the next sentence ("Fuzuli was captured in 1993"): such a
        reading carries to nothing nearby (`_reading_again`). Asked only where a reading ruled a name out."""
        low, high = _sentence_bounds(folded, start, end)
        return self._name_cues.search(folded, low, high) is not None

    def _word_guards_pass(self, folded: str, start: int, end: int, entity: int, doc=None) -> bool | str | None:
        """The word guards: the word right before or after the name must not be a veto word.

        True when the name passes. When it does not, what ruled it out, for `_words_pass`: the `what`
        of the reading whose cue was found, `NOT_AFTER` for a word of `not_after` (a title: the poet's,
        the archangel's), False for a word of `not_before`, None when the spelling alone rules the name
        out whatever the words around it: a spelling its language writes only for the other thing
        ("Qarabag" in English text, where the region is "Karabakh"), or the club's full name (Qarabağ
        Ağdam). Such a reading says nothing of the same entity's other spellings nearby.

        A word is the whitespace-separated token next to the name, with its
        punctuation stripped: in "the poet, Fuzuli" the word before is "poet".
        The entity's other `readings` (poet, wine, club) rule it out when one
        of their cue words is within three words of it; a spelling it lists
        `not_in_text_of` the text's language rules it out by itself.
        """
        guards = self.entities[entity].guards
        if guards.not_in_text_of and doc is not None:
            # The listed spelling must be the whole name (its endings aside): the settlement's own phrase
            # "Saray kasabası" is no bare "Saray" (the Tekirdağ town, a palace).
            langs = [one for one, spelling in guards.not_in_text_of if folded.startswith(spelling, start)
                     and " " not in folded[start + len(spelling):end]]
            if langs and doc.lang(start) in langs and not _located(folded, start, end):
                return None  # "El Qarabag juega en Bakú": Spanish writes the region Karabaj
        if guards.readings:
            adjacent = self._adjacent_cues.get(entity)
            if adjacent and _next_to(folded, start, end, adjacent) and not _located(folded, start, end) \
                    and fold_key(folded[start:end]) in self._bare_spellings[entity]:
                return None  # Qarabağ Ağdam: the club's full name (Karabağ'ın Ağdam şehri: the region's town)
        bounds = None  # the sentence's, found once for the cue test and the sentence's words
        if guards.readings and self._cue_in_sentence(doc, folded, start, end) and self._own_cue_within(
                doc, start - 300, end + 300, entity):
            bounds = _sentence_bounds(folded, start, end)
        # "In X", "the city of X" keep the place against a poet or a club, not against another place of
        # the name (`Guards.another_place`: en Armenia, Quindío; la ciudad de Armenia, in the Quindío).
        located = bounds and _located(folded, start, end)
        if bounds and self._cue_near(doc, start, end, entity, bounds) and (not located or guards.another_place):
            words = _words_around(folded, start, end)
            sentence = None
            adjacent = self._adjacent_cues.get(entity, ())
            for what, near, anywhere in guards.readings:
                elsewhere = what in guards.another_place
                if located and not elsewhere:
                    continue
                if near and any(w in near and w not in adjacent for w in words):
                    if elsewhere or not _on_land(folded, start, end, self.context.places_around,
                                                 doc.lang(start) if doc is not None else None):
                        return what
                    break  # a word for land next to it keeps the place (a breed of the Karabakh territory)
                if anywhere:
                    if sentence is None:
                        sentence = _sentence_words(folded, start, end, bounds)
                    if anywhere.any_in(sentence):
                        if elsewhere or not _on_land(folded, start, end, self.context.places_around,
                                                     doc.lang(start) if doc is not None else None):
                            return what
                        break
        if guards.not_after:
            before = folded[max(0, start - 40):start].split()
            if before and before[-1].strip(_PUNCTUATION) in guards.not_after:
                return NOT_AFTER
        if guards.not_before:
            after = folded[end:end + 40].split(None, 1)
            if after:
                word = after[0].strip(_PUNCTUATION)
                # Turkish sets a case ending off with an apostrophe: Aras Kargo'nun is Aras Kargo's
                if word in guards.not_before or _before_apostrophe(word) in guards.not_before:
                    return False
        return True

    # ------------------------------------------------------------ approximate matches

    # Only names this long get approximate matches: one edit in a short name makes another word.
    FUZZY_MIN = 7
    # Words shorter than this get only two neighbours swapped (Khjoaly): a letter dropped, added or
    # changed in a word of seven letters is an ordinary word too often (Marmara for Margara, Martini
    # for Martuni, Scheibe for Scheibei, Veranda for Varanda: the en_US and German word lists).
    FUZZY_ANY_EDIT = 8

    @cached_property
    def _deletions(self) -> dict[str, set[int]]:
        """One-letter deletions of every one-word key of `FUZZY_MIN` letters or more -> key indexes.

        Two words one edit apart (a letter dropped, added or changed, or two
        neighbours swapped) share a deletion: the symmetric-deletion index of
        SymSpell, which needs no automaton and no library.

        Keys only a derived spelling has (``transliterated``) get no typos: a
        derived spelling is already a guess at what a paper prints, and a word
        one edit from a guess is mostly an ordinary word (German Menschen is one
        letter from Mezschen, the German rules' Metsshen).
        """
        index: dict[str, set[int]] = {}
        exact = self.__dict__["_fuzzy_exact"] = set()
        for i, key in enumerate(self.keys):
            if len(key) < self.FUZZY_MIN - 1 or " " in key or not key.isalpha():
                continue
            exact.add(key)
            if len(key) < self.FUZZY_MIN or all(c.how == "transliterated" for c in self.candidates[i]):
                continue
            for variant in {key, *(key[:k] + key[k + 1:] for k in range(len(key)))}:
                index.setdefault(variant, set()).add(i)
        return index

    def typo_keys(self, folded_word: str) -> list[int]:
        """Indexes of the keys a folded word could be a typo of: one edit away (two neighbours
        swapped under `FUZZY_ANY_EDIT` letters), not the key with letters added at its end
        (Armenian, Azerbaijani), and none if the word is itself a key (a name the matcher turned
        down is no typo). `bench/bench_fuzzy_words.py` runs word lists through it.

        >>> from toponyms.gazetteer import load
        >>> matcher = Matcher(load())
        >>> [matcher.keys[i] for i in matcher.typo_keys("stepanakret")], matcher.typo_keys("marmara")
        (['stepanakert'], [])
        """
        deletions = self._deletions  # builds `_fuzzy_exact` too
        if len(folded_word) < self.FUZZY_MIN - 1 or folded_word in self._fuzzy_exact:
            return []
        near: set[int] = set()
        for variant in {folded_word, *(folded_word[:k] + folded_word[k + 1:] for k in range(len(folded_word)))}:
            near |= deletions.get(variant, set())
        kept = []
        for index in sorted(near):
            key = self.keys[index]
            if folded_word.startswith(key) or not _one_edit(folded_word, key):
                continue
            if len(folded_word) < self.FUZZY_ANY_EDIT and sorted(folded_word) != sorted(key):
                continue  # a short word: only a swap of two neighbours (one edit, the same letters)
            kept.append(index)
        return kept

    def _approximate(self, doc: "_Text", found: list[Mention]) -> list[Mention]:
        """`found` plus the capitalised words one edit away from a name (typos in the source).

        A word that is a name with letters added at its end is not a typo but
        another word (Armenian, Azerbaijani); nor is a word that is already a
        key, or a demonym. Words under `FUZZY_ANY_EDIT` letters get only two
        neighbours swapped.
        """
        text = doc.text
        folded = doc.folded if doc.folded is not None else fold_fast(text)
        covered = bytearray(len(text) + 1)
        for m in found:
            covered[m.start:m.end] = b"\1" * (m.end - m.start)
        extra = []
        typos = self._typo_memo  # the capitalised words of news recur: each is looked up once
        for word in _LONG_WORD.finditer(text):
            start, end = word.span()
            if covered[start]:
                continue
            surface = folded[start:end]
            indexes = typos.get(surface)
            if indexes is None:
                indexes = self.typo_keys(surface)
                if len(typos) < 200_000:  # a long batch's words beyond that are looked up, not kept
                    typos[surface] = indexes
            if not indexes:
                continue  # most capitalised words are one edit from no name: asked first, and once
            if self.context.is_demonym(text[start:end], None):
                continue  # a people's name (Armenian) is no typo
            if _sentence_initial(text, start) or surface in self.context.all_person_cues:
                continue  # capitalised as every first word is (Konuşan, Karvan), or a title (Başkanı)
            for index in indexes:
                choices = self._weighed(doc, folded, start, end, index, self.candidates[index])  # as `_settle`'s
                if choices:
                    best = choices[0]
                    fields = self._reading(best, choices)[:-1] + ("approximate",)
                    extra.append(Mention(start, end, text[start:end], *fields))
                    break
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: m.start)

    @cached_property
    def _misspelt_heads(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Folded last word of a listed name of two or three words -> (its folded head words, the folded
        name), for heads of five letters or more: the words a typo may hit while the last word, itself a
        name, is found (Nagomo Karabakh, Nagaorny Karabakh, Nargorno-Karabaj)."""
        heads: dict[str, set] = {}
        context = self.context
        common = (context.district_words, context.town_words, context.river_words, context.land_words)
        for entity in self.entities:
            for form in entity.forms:
                for _, spelling in form.spellings():
                    if " " not in spelling and "-" not in spelling:
                        continue  # most names are one word: folded only if longer (start-up time)
                    key = fold_key(spelling)
                    words = key.replace("-", " ").split()
                    if 2 <= len(words) <= 3 and sum(map(len, words[:-1])) >= 5:
                        heads.setdefault(words[-1], set()).add((" ".join(words[:-1]), key))
        # a head of a word for a district or town is no name to mistype (Rayon Latschin); each distinct
        # head word asked once (the lists' prefixes make a look-up slow)
        common_word: dict[str, bool] = {}

        def plain(head: str) -> bool:
            for word in head.split():
                if word not in common_word:
                    common_word[word] = any(word in one for one in common)
                if common_word[word]:
                    return False
            return True

        return {tail: kept for tail, pairs in heads.items()
                if (kept := tuple(sorted(pair for pair in pairs if plain(pair[0]))))}

    def _with_misspelt_heads(self, doc: "_Text", found: list[Mention]) -> list[Mention]:
        """`found` with a one-word mention widened to the longer name whose head words the text writes one
        edit off, capitalised, right before it: "the Autonomous Region of Nagomo Karabakh" names
        Nagorno-Karabakh, not the wider Karabakh region. An ``approximate`` match, found without
        `--fuzzy`: the last word vouches for it. OCR's m for rn counts as one letter (Nagomo)."""
        heads, memo, phrases = self._misspelt_heads, self._tail_memo, self._phrase_keys
        text = doc.text
        changed = None
        for i, m in enumerate(found):
            options = memo.get(m.name)
            if options is None:
                options = memo[m.name] = heads.get(fold_key(m.name), ())
            start = m.start
            if not options or start < 3 or text[start - 1] not in " -" or (i and found[i - 1].end > start - 3):
                continue
            # the word right before, capitalised (a mistyped head is a name's word: "of Karabakh" is not one)
            first = _word_start(text, start - 1)
            if first == start - 1 or not text[first].isupper():
                continue
            words = [text[first:start - 1]]
            while len(words) < 3 and first > 1 and text[first - 1] in " -" and text[first - 2].isalpha():
                k = _word_start(text, first - 1)
                words.insert(0, text[k:first - 1])
                first = k
            typed_by_count: dict[int, str] = {}
            for head, key in options:
                count = head.count(" ") + 1
                if len(words) < count or not words[-count][:1].isupper():
                    continue
                typed = typed_by_count.get(count)
                if typed is None:
                    typed = typed_by_count[count] = fold_key(" ".join(words[-count:]))
                if typed == head or not (_one_edit(typed, head)
                                         or _one_edit(typed.replace("rn", "m"), head.replace("rn", "m"))):
                    continue
                head_start = first + sum(len(w) + 1 for w in words[:-count])  # one separator each
                index = phrases.get(key)  # a name of two or three words: a key with a space
                if index is None:
                    continue
                folded = doc.folded if doc.folded is not None else fold_fast(text)
                choices = self._weighed(doc, folded, head_start, m.end, index, self.candidates[index])
                if not choices:
                    continue
                fields = self._reading(choices[0], choices)[:-1] + ("approximate",)
                if changed is None:
                    changed = list(found)
                changed[i] = Mention(head_start, m.end, text[head_start:m.end], *fields)
                break
        return changed if changed is not None else found

    @cached_property
    def _tail_memo(self) -> dict[str, tuple]:
        """A mention's gazetteer name -> the `_misspelt_heads` of its folded form, filled as texts are read."""
        return {}

    @cached_property
    def _typo_memo(self) -> dict[str, list[int]]:
        """Folded word -> `typo_keys` of it, filled as texts are read (bounded in `_approximate`)."""
        return {}

    @staticmethod
    def _longest(found: list) -> list:
        """Leftmost, then longest, without overlaps (Upper Karabakh before Karabakh)."""
        found.sort(key=itemgetter(1), reverse=True)
        found.sort(key=itemgetter(0))  # stable: by start, then longest first
        kept, reach = [], 0
        for item in found:
            if item[0] >= reach:
                kept.append(item)
                reach = item[1]
        return kept

    def _resolve(self, text: str, found: list) -> list[Mention]:
        """Turn candidates into mentions, settling forms that one spelling leaves open.

        Russian ``Шуши`` is both the Armenian form and the genitive of ``Шуша``:
        when a text also names the place unambiguously, its ambiguous mentions
        take the form the text uses elsewhere; otherwise the uninflected
        reading wins.
        """
        fields, unambiguous = self._fields, self._unambiguous
        new = tuple.__new__
        open_readings = [entry for entry in found if entry[3] < 0 or not unambiguous[entry[3]]]
        settled = self._settled(found) if any(len({(c.entity, c.form) for c in entry[2]}) > 1
                                              for entry in open_readings) else Counter()
        mentions, readings = [], {}
        for start, end, choices, index in found:
            if index >= 0:
                if unambiguous[index]:
                    mentions.append(new(Mention, (start, end, text[start:end]) + fields[index]))
                    continue
                # Shared names recur: settle each key once per text.
                reading = readings.get(index)
                if reading is None:
                    reading = readings[index] = self._reading(self._best(choices, settled), choices)
            else:
                reading = self._reading(self._best(choices, settled), choices)
            mentions.append(new(Mention, (start, end, text[start:end]) + reading))
        return mentions

    @staticmethod
    def _best(choices: tuple[_Candidate, ...], settled: Counter) -> _Candidate:
        """The reading the text names most often unambiguously elsewhere, else the first."""
        best = choices[0]
        if len(choices) > 1:
            chosen = max(choices, key=lambda c: settled[(c.entity, c.form)])
            if settled[(chosen.entity, chosen.form)]:
                best = chosen
        return best

    def _settled(self, found: list) -> Counter:
        """How often the text names each (entity, form) unambiguously."""
        settled: Counter = Counter()
        unambiguous, candidates = self._unambiguous, self.candidates
        for index, count in Counter(entry[3] for entry in found).items():
            if index >= 0 and unambiguous[index]:
                first = candidates[index][0]
                settled[(first.entity, first.form)] += count
        for _, _, choices, index in found:
            if index < 0:
                first = choices[0]
                if all((c.entity, c.form) == (first.entity, first.form) for c in choices):
                    settled[(first.entity, first.form)] += 1
        return settled

    def _reading_memo(self, choices: tuple[_Candidate, ...]) -> tuple:
        """`_reading` of the first of `choices`, remembered (the same few tuples recur)."""
        found = self._suffix_memo.get(choices)
        if found is None:
            found = self._suffix_memo[choices] = self._reading(choices[0], choices)
        return found

    def _reading(self, best: _Candidate, choices: tuple[_Candidate, ...]) -> tuple:
        """The Mention fields after the span for reading `best` among `choices`."""
        entity = self.entities[best.entity]
        # The languages in their usual order (plain before inflected, then by rank), whichever reading is first.
        ordered = choices if len(choices) == 1 else sorted(choices, key=_in_lang_order)
        langs = tuple(dict.fromkeys(c.lang for c in ordered if (c.entity, c.form) == (best.entity, best.form)))
        return entity.id, entity.kind, best.form, best.lang, best.name, langs, best.how


def _derived_may_take(owners, entity, form, lang) -> bool:
    """Whether a derived spelling may go on a key whose listed spellings are `owners` ((entity, form,
    lang) triples; None when no listed spelling has the key).

    Never another place's key; but a key that this very form lists in other languages only is
    this language's too: Kalbacar, listed in English, is also Azerbaijani Kəlbəcər typed without
    ə, and then takes Azerbaijani endings (Kalbacara, Zangilanda).
    """
    return owners is None or (all(owner[:2] == (entity, form) for owner in owners)
                              and all(owner[2] != lang for owner in owners))


# ---------------------------------------------------------------- large gazetteers: flat arrays
# The same keys, candidates and tables as `Matcher.__init__` builds for a small gazetteer, as
# columns (what the on-disk cache of `toponyms.compiled` keeps and reads back).


def matcher_arrays(gazetteer: Gazetteer) -> tuple[dict, dict]:
    """(meta, arrays) of the matcher of `gazetteer`: keys, candidates as columns, per-key tables, scanner.

    The same keys, candidates (in the same order) and tables as `Matcher`
    builds for a small gazetteer, made with one pass in Python and numpy
    for the rest, without a Python object per candidate.
    """
    import numpy as np

    from .arrays import PrefixScanner, Strings

    key_ids: dict[str, int] = {}
    langs: dict[str, int] = {}
    forms: dict[str, int] = {}
    names: dict[str, int] = {}
    seen: set[tuple] = set()
    rows: list[tuple] = []
    for index, entity in enumerate(gazetteer.entities):
        for form in entity.forms:
            form_code = forms.setdefault(form.id, len(forms))
            for lang, spellings in form.names.items():
                lang_code = langs.setdefault(lang, len(langs))
                for spelling in spellings:
                    key = fold_key(spelling)
                    if not key:
                        continue
                    name_code = names.setdefault(spelling, len(names))
                    for variant in inflected_keys(key, lang, spelling):
                        row = (key_ids.setdefault(variant, len(key_ids)), index, form_code, lang_code, name_code,
                               full_form(variant, key, lang), 0)
                        if row not in seen:
                            seen.add(row)
                            rows.append(row)
    from .derived import derived_spellings

    listed = len(key_ids)
    derived_rows = derived_spellings(gazetteer)
    owners: dict[int, set] = {}
    for row in rows if derived_rows else ():  # large gazetteers get no derived spellings: no table
        owners.setdefault(row[0], set()).add((row[1], row[2], row[3]))
    for index, form_id, lang, spelling in derived_rows:
        key = fold_key(spelling)
        name_code = names.setdefault(spelling, len(names))
        for variant in inflected_keys(key, lang, spelling):
            code = key_ids.setdefault(variant, len(key_ids))
            form_code, lang_code = forms.setdefault(form_id, len(forms)), langs.setdefault(lang, len(langs))
            if code >= listed or _derived_may_take(owners.get(code), index, form_code, lang_code):
                rows.append((code, index, form_code, lang_code, name_code, full_form(variant, key, lang), 1))
                if code < listed:
                    owners[code].add((index, form_code, lang_code))
    del seen
    columns = np.array(rows, dtype=np.int64).reshape(-1, 7).T if rows else np.zeros((7, 0), dtype=np.int64)
    del rows
    key, entity, form, lang, name, inflected, derived = columns
    lang_list = list(langs)
    rank = np.array([_lang_rank(code) for code in lang_list], dtype=np.int64)
    # Per key: uninflected readings first, then by language preference, else in gazetteer order.
    # (and a listed spelling before a derived one: see `Matcher.__init__`).
    order = np.lexsort((rank[lang] if len(lang) else lang, derived, inflected, key))
    key, entity, form, lang, name = key[order], entity[order], form[order], lang[order], name[order]
    inflected = inflected[order].astype(bool)
    derived = derived[order].astype(bool)
    counts = np.bincount(key, minlength=len(key_ids))
    offsets = np.zeros(len(key_ids) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    heads = offsets[:-1]
    entities = gazetteer.entities
    proper_case = np.array([e.guards.proper_case for e in entities], dtype=bool)
    worded = np.array([e.guards.contextual for e in entities], dtype=bool)
    # `_capital_needed` per candidate: derived or short, unless the spelling begins with a small letter.
    spellings = list(names)
    short = np.array([len(n) <= SHORT_NAME_MAX for n in spellings], dtype=bool)
    capitalised = np.array([not n[:1].islower() for n in spellings], dtype=bool)
    capital_needed = (derived | short[name]) & capitalised[name] if len(name) else derived
    short_word = np.array([len(n) <= ACRONYM_MAX and not n.isupper() for n in spellings], dtype=bool)
    glued = np.array([takes_suffix(code) for code in lang_list], dtype=bool)
    after_apostrophe = np.array([takes_suffix(code, True) for code in lang_list], dtype=bool)
    keys = list(key_ids)
    pair = entity * max(len(forms), 1) + form

    def any_of(flags):
        return np.logical_or.reduceat(flags, heads) if len(heads) else flags[:0]

    tables = {
        "length": np.fromiter(map(len, keys), dtype=np.int64, count=len(keys)),
        "single": ~any_of(pair != np.repeat(pair[heads], counts)),
        # A spelling that begins with a small letter (река Араз, río Arpa) has its capital further on.
        "proper": any_of(proper_case[entity] & capitalised[name] | capital_needed),
        "proper_all": (np.logical_and.reduceat(proper_case[entity] & capitalised[name] | capital_needed, heads)
                       if len(heads) else proper_case[:0]),
        "word_guarded": any_of(worded[entity]),
        "glue": any_of(~inflected & glued[lang]) | (any_of(~inflected & (lang == langs.get("tr", -1)))
                                                    & np.array([" " in k for k in keys], dtype=bool)),
        "checked": None,  # below, from the bits of `checks`
        "apostrophe": any_of(after_apostrophe[lang]),
        "guarded": any_of(proper_case[entity] | worded[entity] | capital_needed),
        "acronym": any_of(short_word[name]) if len(name) else proper_case[:0],
    }
    checks = _array_checks(gazetteer, keys, key, entity, name, list(names), heads)
    tables["checked"] = checks != 0
    scanner = PrefixScanner.from_keys(keys, char_classes())
    name_strings = Strings.of(names)
    arrays = {
        **scanner.arrays(),
        "candidate_offsets": offsets, "candidate_entity": entity.astype(np.int32),
        "candidate_form": form.astype(np.int32), "candidate_lang": lang.astype(np.uint8),
        "candidate_name": name.astype(np.int32), "candidate_inflected": inflected,
        "candidate_derived": derived, "checks": checks,
        "names_data": name_strings.data, "names_offsets": name_strings.offsets,
        **{f"table_{k}": v for k, v in tables.items()},
    }
    meta = {"scanner": scanner.meta, "prefix_scan": len(keys) >= SCANNER_MIN_KEYS,
            "cues": reading_cues(gazetteer.entities), "district_cues": district_cues(gazetteer.context),
            "langs": lang_list, "forms": list(forms), "keys": len(keys)}
    return meta, arrays


def _settled_by_context(entity: Entity) -> bool:
    """Whether the words and places around a name shared with another entity decide for this one:
    its `context` says what points to it, and a declared homonym is placed by where it lies too."""
    return entity.guards.declares_context or bool(entity.homonyms)


def _array_checks(gazetteer: Gazetteer, keys: list[str], key, entity, name, name_list: list[str], heads):
    """`Matcher._needs_context` over the candidate columns: bits for demonyms, people's names, homonyms."""
    import numpy as np

    context = gazetteer.context
    checked = np.zeros(len(keys), dtype=np.uint8)
    if context.demonyms:
        demonyms = context.demonym_keys
        checked |= np.array([k in demonyms for k in keys], dtype=bool) * np.uint8(CHECK_DEMONYM)
    if context.people_names and len(name):
        people = np.array([fold_key(n) in context.people_names for n in name_list], dtype=bool)
        checked |= np.logical_or.reduceat(people[name], heads) * np.uint8(CHECK_PERSON)
    contextual = np.array([_settled_by_context(e) for e in gazetteer.entities], dtype=bool)
    if contextual.any() and len(entity):
        several = np.logical_or.reduceat(entity != np.repeat(entity[heads], np.diff(np.append(heads, len(entity)))),
                                         heads)
        checked |= (several & np.logical_or.reduceat(contextual[entity], heads)) * np.uint8(CHECK_HOMONYM)
    return checked


def matcher_from_arrays(entities, meta: dict, arrays: dict, context: Context = Context()):
    """A `Matcher` over `entities` whose keys, candidates and readings are made from `arrays` when used."""
    from .arrays import Memo, PrefixScanner, Strings

    matcher = Matcher.__new__(Matcher)
    matcher.entities = entities
    matcher.context = context
    scanner = PrefixScanner({k: arrays[k] for k in PrefixScanner.ARRAYS}, meta["scanner"])
    keys = Strings(scanner.key_units, scanner.key_offsets, "utf-16-le")
    langs, forms = meta["langs"], meta["forms"]
    names = Strings(arrays["names_data"], arrays["names_offsets"])
    offsets, entity, form = arrays["candidate_offsets"], arrays["candidate_entity"], arrays["candidate_form"]
    lang, name, inflected = arrays["candidate_lang"], arrays["candidate_name"], arrays["candidate_inflected"]
    derived = arrays["candidate_derived"]

    def candidates_of(index: int) -> tuple:
        span = range(int(offsets[index]), int(offsets[index + 1]))
        return tuple(_Candidate(int(entity[j]), forms[form[j]], langs[lang[j]], names[name[j]], bool(inflected[j]),
                                "transliterated" if derived[j] else "") for j in span)

    matcher.keys = keys
    matcher.candidates = Memo(len(keys), candidates_of)
    matcher._lengths = arrays["table_length"]
    matcher._guarded = arrays["table_guarded"]
    matcher._checked = arrays["checks"]
    matcher._unambiguous = arrays["table_single"]
    matcher._fields = Memo(len(keys), lambda i: matcher._reading(matcher.candidates[i][0], matcher.candidates[i]))
    matcher.__dict__["_tables"] = {
        **{k[len("table_"):]: v for k, v in arrays.items() if k.startswith("table_")},
        "classes": arrays["classes"],
    }
    matcher._compiled = (meta, arrays)
    matcher._cues = meta.get("cues") or {}
    matcher._district_cues = meta.get("district_cues") or {}
    matcher._cues_scanned = not meta["prefix_scan"]
    if meta["prefix_scan"]:
        matcher._scanner = scanner
    else:
        matcher._scanner = KeyAutomaton([keys[i] for i in range(len(keys))] + [*matcher._cues, *matcher._district_cues])
    return matcher

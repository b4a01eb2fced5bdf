"""What the words around a name say about it, as data from the gazetteer's `context:` section.

A place name in running text can be a people's adjective (French
``arménien``, Spanish ``la comunidad armenia``), a person (``Laçın
Məmmədov``, ``Ali Karabağ``, ``певица Шуша``), or one of two places of one
name. None of that is decided by code per name: the gazetteer lists, per
language, the adjectives and demonyms that are never a place, the words
(titles, professions) and given names that make a neighbouring name a
person, and the endings of surnames; each entity may list its own
non-place readings (poet, wine, club) and the words and places that point
to it among homonyms. This module holds those lists, folded, and the small
tests the matcher runs with them.

Words are compared folded (see `toponyms.fold`); a listed word ending in
``*`` matches every word it begins (``qəzəl*`` matches ``qəzəlləri``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .fold import fold_key
from .inflect import suffix_ok

# Armenian marks too (the comma ՝ after Միրզոյանի, the full stop ։).
_PUNCTUATION = "'\".,;:!?()[]{}«»„“”‹›<>/\\*#@&%+=|~`^_՝՞։՛՜’"
# Languages whose text capitalises only names, where a capitalised word before a person's name is a given name.
_NAME_ORDER_LANGS = frozenset({"az", "tr", "ru", "hy", "uk"})
# Folded endings of the possessive that heads a Turkic compound name (Azərbaycan Ordusu, Müdafiə
# Nazirliyi, Silahlı Kuvvetleri, Sərhəd Xidməti): a capitalised word ending so is no given name.
_COMPOUND_HEAD_ENDINGS = ("si", "su", "leri", "lari", "yi", "yu", "ti", "tu")
# Folded Turkic words for a road, a tunnel or a lake in the possessive, heading a compound after a
# place's name and ending like a surname (-lu, -li): Kelbecer-Laçın Otoyolu, Fuzuli-Şuşa Karayolu,
# Murov Tüneli run to or through the place, never Laçın the man. (A hotel or a school named after
# the place, Karabağ Oteli, is an institution's name and stays out, as Karabağ Üniversitesi does.)
_SURNAME_LIKE_HEADS = ("yolu", "tuneli", "golu")
# A Turkic locative ending (Karabağ'da, Laçında: "in"): people are seldom in the locative, so a
# capitalised word before such a name is the end of another name (Bakan Hulusi Akar Karabağ'da).
_LOCATIVE_ENDING = re.compile("(?:['’`ʼ]n?[dt][ae]|n?d[aə])$")
# The Azerbaijani ablative (-dan, -dən; folded): a given name before a surname takes no case
# ending, so a capitalised word in the ablative is a place the sentence comes from (Livandan
# Şuşaya köçürülən: moved from Lebanon to Shusha). Words of six letters or more only: Aydan is a
# given name.
_AZ_ABLATIVE = ("dan", "den")
# Apostrophes that set a Turkish suffix off a name: Özkan'ın, Özkan’ın, Özkan`ın, Özkanʼın.
_APOSTROPHES = re.compile("['’`ʼʻ′]")
# A person's initial: one capital letter and a full stop (М. Физули, Ə. Laçın).
_INITIAL = re.compile(r"[^\W\d_]\.", re.UNICODE)
# A speaker: the name, a comma, a quotation, then a verb of saying (Turkish and Azerbaijani put it
# after the quotation): "Karabağ, “Farklı amaçları olanlar var” dedi" is the mayor Hasan Karabağ,
# named by his surname alone once the article has introduced him (gercekhaberci.com, egepostasi.com).
# A place says nothing in quotes; Russian puts the verb before the name («...», — сказал Лачин).
_QUOTATION_AFTER_A_COMMA = re.compile(r",[ \u00a0]?[“\"«‘„]([^”\"»’“]{1,400})[”\"»’“][ \u00a0,]*(\w+)")
_SAYING = ("dedi", "demiş", "demis", "diye", "diyerek", "söyledi", "soyledi", "deyib", "deyə", "deye",
           "dedi.", "bildirib", "bildirdi", "vurğulayıb", "vurguladı", "vurguladi", "belirtti", "ifadelerini",
           "sözlerine", "sozlerine")
# Languages whose grammar glues case endings to a surname: Gözəlovun, Միրզոյանի.
_GLUING_LANGS = ("az", "hy")


def _bare_name(word: str, lang: str | None) -> list[str]:
    """The folded word and the stems it leaves once a case ending is cut off.

    A surname after a name carries the sentence's case in Turkic and Armenian
    text (``Gözəlovun rəyi``, ``Ըստ Արարատ Միրզոյանի``, ``Özkan'ın``): its own
    ending is then found in the stem.

    >>> _bare_name("Gözəlovun", "az")
    ['gozelovun', 'gozelov']
    >>> _bare_name("Özkan’ın", "tr")
    ['ozkan']
    """
    word = _APOSTROPHES.split(word, 1)[0]
    key = fold_key(word)
    stems = [key]
    langs = (lang,) + _GLUING_LANGS if lang else _GLUING_LANGS
    for cut in range(1, min(5, len(key) - 2)):
        if any(suffix_ok(one, key[-cut:]) for one in langs if one):
            stems.append(key[:-cut])
    return stems


@dataclass(frozen=True)
class Words:
    """A set of folded words, some of them prefixes (written with a trailing ``*``)."""

    exact: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()

    @classmethod
    def of(cls, words) -> "Words":
        exact, prefixes = set(), []
        for word in words:
            word = str(word)
            key = fold_key(word.rstrip("*"))
            if not key:
                continue
            if word.endswith("*"):
                prefixes.append(key)
            else:
                exact.add(key)
        return cls(frozenset(exact), tuple(sorted(set(prefixes))))

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixes)

    def __contains__(self, word: str) -> bool:
        return word in self.exact or word.startswith(self.prefixes)  # startswith(()) is False

    def any_in(self, words) -> bool:
        """Whether any of `words` is one of these (`in` word by word, the exact ones as one set test)."""
        return not self.exact.isdisjoint(words) or (bool(self.prefixes) and any(
            w.startswith(self.prefixes) for w in words))

    def to_json(self) -> list[str]:
        return sorted(self.exact) + [p + "*" for p in self.prefixes]


def _capitalised_adjective(word: str) -> tuple[bool, str]:
    return (word[:1].isupper(), fold_key(word))


@dataclass(frozen=True)
class Context:
    """The gazetteer's `context:` section, folded for matching.

    - `demonyms`: lang -> (capitalised?, folded word) pairs that are never a
      place in text of that language; the case is kept because Spanish
      ``armenia`` is the adjective where ``Armenia`` is the country.
    - `person_cues`: lang -> words that, right before a name, make it a person.
    - `given_names`: folded given names (any language): a place name right
      after a capitalised one is a surname (Ali Karabağ).
    - `surname_endings`: folded endings of a capitalised word right after a
      name that make the pair a person (Laçın Məmmədov, Лачин Гасанов).
    - `surnames`: folded common surnames (any language): a place name right
      before a capitalised one is a given name (Laçin Özkan).
    - `people_names`: folded place spellings that are also given names or
      surnames; only their hits are tested for the person rules.
    """

    demonyms: dict[str, frozenset[tuple[bool, str]]] = field(default_factory=dict)
    person_cues: dict[str, Words] = field(default_factory=dict)
    given_names: Words = Words()
    surname_endings: tuple[str, ...] = ()
    surnames: Words = Words()
    people_names: frozenset[str] = frozenset()
    # Words for a district (district, rayonu, район, Bezirk...): next to a town's name, or ending a
    # list of names, they make it the district of the same name (Zangilan district, Gebiete Fizuli).
    district_words: Words = Words()
    # Those of languages that put the word before the name (district of Zangilan, Bezirk X).
    district_words_before: Words = Words()
    # Words for a town or city (şəhəri, город, ville, Stadt): right after a name they keep it the
    # town even when a word for a district is near (Ağcabədi rayonundan, Yevlax şəhərindən).
    town_words: Words = Words()
    # Words for a river (river, çayı, река, գետ, Fluss, río): within two words of a town's name that
    # has a river of the same name (id + _river), they make it the river (реки Тертер, Թարթառ գետը).
    river_words: Words = Words()
    # Words for a hotel, firm, newspaper, band...: right before a name alone in quotation marks
    # they make it that thing's name (отель «Горис», гостиница «Армения», Hotel "Shusha").
    organisation_words: Words = Words()
    # Words for a stretch of land (territory, mountains, ərazi): right after a name, or before it with
    # an article or preposition between, they make it the place whatever other reading it has
    # (Qarabağ ərazisində, dans les montagnes du Karabagh): a horse breeds in a place, a club does not.
    land_words: Words = Words()
    # Words of a football report (matç, hesablı, матч, ֆուտբոլ, golleriyle): in the sentence of a short
    # quotation that holds a place's name (a name alone, a hyphen-joined pair, or a club's word and a
    # name), they make the quotation a club's name ("Sumqayıt" "Qəbələ"ni üstələyib, «Շիրակը» հաղթեց,
    # "Araz-Naxçıvan"). Chosen so that a war report does not hold them: no "victory", "defeat" or "visit".
    sports_words: Words = Words()
    # Words for a cup, a trophy or a prize: right after a name (Karabakh Cup, Qarabağ kuboku, Karabach-Pokal)
    # or right before it (Кубок Карабаха, Coupe du Karabakh) they make it the prize's name, and so every name
    # listed before it (the Sugovushan, Jabrayil, Fuzuli and Karabakh Cups).
    prize_words: Words = Words()
    # Words for a street or an avenue in the singular, with their case endings (küçəsi, küçəsində,
    # prospekti, Caddesi, Street): right after a name without a case ending of its own they make it the
    # street's name (Bakının Şuşa küçəsi, Tbilisidəki Şuşa küçəsinin), not the names listed before it.
    # The plural is left out: "Şuşa küçələri" are the streets of Shusha.
    street_words: Words = Words()
    # Words for a street that come before its name, no preposition between (Spanish "la calle Armenia
    # 1353", a street of Buenos Aires): the name right after one is the street's.
    street_words_before: Words = Words()
    # Heads of an institution's or an event's proper name, capitalised in the text (University, Airlines,
    # Forum, Universiteti, Hava Yolları, Üniversitesi): a bare name that opens a run of capitalised words
    # one of them closes is that name's first word, not the place (Yerevan State University, Azərbaycan
    # Hava Yolları, Karabakh University) (`toponyms.match.Matcher._not_in_institution_names`).
    institution_words: Words = Words()
    # The same words (prize and street words) as the gazetteer writes them, unfolded: a text that holds
    # none of them (a substring test each, far cheaper than folding) has no such name to look for.
    prize_forms: tuple[str, ...] = ()
    # Honorifics that follow a given name (Azerbaijani ağa, bəy, xanım, müəllim): right after a name
    # that people bear they make it the person (Cəbrayıl ağa, Laçın xanım).
    titles_after: Words = Words()

    @cached_property
    def all_person_cues(self) -> Words:
        """The person cues of every language: a title before a name is one in any text."""
        exact, prefixes = set(), set()
        for words in self.person_cues.values():
            exact |= words.exact
            prefixes |= set(words.prefixes)
        return Words(frozenset(exact), tuple(sorted(prefixes)))

    @cached_property
    def places_around(self) -> Words:
        """The words for land, towns and districts: beside a name they make it the place whatever other
        reading the sentence suggests (the city of Agdam, Qarabağ ərazisində, der Bezirk Fizuli)."""
        return _union(_union(self.land_words, self.town_words), self.district_words)

    @cached_property
    def all_demonyms(self) -> frozenset[tuple[bool, str]]:
        """The demonyms of every language, with their case."""
        return frozenset(pair for pairs in self.demonyms.values() for pair in pairs)

    @cached_property
    def demonym_keys(self) -> frozenset[str]:
        """Every folded demonym, whatever its language (hits on them need a closer look)."""
        return frozenset(word for pairs in self.demonyms.values() for _, word in pairs)

    def is_demonym(self, surface: str, lang: str | None) -> bool:
        """True when `surface`, in text of `lang`, is an adjective or demonym of that language.

        With `lang` None, of any language.
        """
        word = _capitalised_adjective(surface)
        if lang is None:  # the language is not known: any language's
            return word in self.all_demonyms
        pairs = self.demonyms.get(lang)
        return bool(pairs) and word in pairs

    def is_person(self, text: str, folded: str, start: int, end: int, lang: str | None,
                  place_words=frozenset()) -> bool:
        """Whether the name at [start, end) is part of a person's name by the words around it.

        `place_words` holds the folded words of place names: a capitalised
        word before the name that is one of them is no given name. A word
        for a town or district right after it keeps it a place (İlham
        Əliyev Füzuli şəhərində), and so does a surname right before it: a
        person's name has ended there (Prezident İlham Əliyev Laçına).
        """
        following = folded[end:end + 40].split(None, 1)
        if following and (following[0].strip(_PUNCTUATION) in self.town_words
                          or following[0].strip(_PUNCTUATION) in self.district_words):
            return False
        before = folded[max(0, start - 40):start].split()
        if before:
            word = before[-1].strip(_PUNCTUATION)
            if word and word in self.all_person_cues:
                return True
            raw = text[max(0, start - 40):start]
            if raw.endswith(" ") and _INITIAL.fullmatch(raw.split()[-1]) and raw.split()[-1][0].isupper():
                return True  # an initial before it: М. Физули, M. Füzuli
            if raw[-1:] == "." and raw[-2:-1].isupper() and not raw[-3:-2].isalnum():
                return True  # an initial glued to it, as Azerbaijani papers name a person again: N.Cəfərli (r. is a word)
            if raw.endswith(" ") and raw.split()[-1][:1].isupper():
                previous = raw.split()
                # A capitalised given name right before, with only a space between: Ali Karabağ.
                if word in self.given_names:
                    return True
                # Or any capitalised word of letters that does not open the sentence, and is no title
                # of a place (a place's name would have been matched longer): Müğənni Fədayə Laçın.
                # Only where given names run before surnames with nothing capitalised around them: German
                # capitalises every noun (der Stadt Shusha), English headlines every word.
                if (lang in _NAME_ORDER_LANGS and len(previous) > 1 and len(previous[-1]) > 2
                        and not _LOCATIVE_ENDING.search(text[start:end])
                        and previous[-1].isalpha() and previous[-2][-1:] not in ".!?:;։…\"«“„"
                        and not any(word[:k] in place_words for k in range(len(word), 2, -1))
                        and not previous[-1].isupper() and not word.endswith(_COMPOUND_HEAD_ENDINGS)
                        and not (lang == "az" and len(word) > 5 and word.endswith(_AZ_ABLATIVE))
                        and not self._a_surname(previous[-1], lang)):
                    return True
        if text[end:end + 1] == ",":
            said = _QUOTATION_AFTER_A_COMMA.match(text, end)
            if said and said.group(2).lower().startswith(_SAYING):
                return True  # Karabağ, “Kimse buna itiraz etmedi” dedi: the speaker
        after = text[end:end + 40].split(None, 1)
        if after:
            word = after[0].strip(_PUNCTUATION)
            if self.titles_after and text[end:end + 1] == " " and fold_key(word) in self.titles_after:
                return True  # Cəbrayıl ağa, Laçın xanım
            if len(word) > 3 and word[:1].isupper() and text[end:end + 1].isspace():
                key = fold_key(word)
                # A demonym is no surname though it ends like one: "Lachin Armenian residents".
                if (self._a_surname(word, lang) and key not in self.demonym_keys
                        and not any(stem.endswith(_SURNAME_LIKE_HEADS) for stem in _bare_name(word, lang))) \
                        or key in self.given_names:
                    return True
        return False

    def _a_surname(self, word: str, lang: str | None) -> bool:
        """Whether a capitalised word is a surname, its case ending cut off (Gözəlovun, Միրզոյանի, Özkan'ın)."""
        return any(len(key) > 3 and (key.endswith(self.surname_endings) or key in self.surnames)
                   for key in _bare_name(word, lang))

    def to_json(self) -> dict:
        return {
            "demonyms": {lang: sorted([list(p) for p in pairs]) for lang, pairs in self.demonyms.items()},
            "person_cues": {lang: words.to_json() for lang, words in self.person_cues.items()},
            "given_names": self.given_names.to_json(),
            "surname_endings": list(self.surname_endings),
            "surnames": self.surnames.to_json(),
            "people_names": sorted(self.people_names),
            "district_words": self.district_words.to_json(),
            "district_words_before": self.district_words_before.to_json(),
            "town_words": self.town_words.to_json(),
            "river_words": self.river_words.to_json(),
            "organisation_words": self.organisation_words.to_json(),
            "land_words": self.land_words.to_json(),
            "sports_words": self.sports_words.to_json(),
            "prize_words": self.prize_words.to_json(),
            "street_words": self.street_words.to_json(),
            "street_words_before": self.street_words_before.to_json(),
            "institution_words": self.institution_words.to_json(),
            "prize_forms": list(self.prize_forms),
            "titles_after": self.titles_after.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict | None) -> "Context":
        if not data:
            return cls()
        return cls(
            demonyms={lang: frozenset((bool(c), w) for c, w in pairs) for lang, pairs in data["demonyms"].items()},
            person_cues={lang: Words.of(words) for lang, words in data["person_cues"].items()},
            given_names=Words.of(data["given_names"]),
            surname_endings=tuple(data["surname_endings"]),
            surnames=Words.of(data.get("surnames") or ()),
            people_names=frozenset(data["people_names"]),
            district_words=Words.of(data.get("district_words") or ()),
            district_words_before=Words.of(data.get("district_words_before") or ()),
            town_words=Words.of(data.get("town_words") or ()),
            river_words=Words.of(data.get("river_words") or ()),
            organisation_words=Words.of(data.get("organisation_words") or ()),
            land_words=Words.of(data.get("land_words") or ()),
            sports_words=Words.of(data.get("sports_words") or ()),
            prize_words=Words.of(data.get("prize_words") or ()),
            street_words=Words.of(data.get("street_words") or ()),
            street_words_before=Words.of(data.get("street_words_before") or ()),
            institution_words=Words.of(data.get("institution_words") or ()),
            prize_forms=tuple(data.get("prize_forms") or ()),
            titles_after=Words.of(data.get("titles_after") or ()),
        )


# Languages whose word for a district may stand before the name: "district of Zangilan", "Bezirk
# Kalbadschar", "в районе Шуши". Azerbaijani, Turkish and Armenian put it after (Şuşa rayonu).
WORD_BEFORE_NAME = frozenset({"en", "fr", "de", "es", "ru", "uk", "it", "pt", "ca", "nl", "pl"})


def _union(one: Words, other: Words) -> Words:
    return Words(one.exact | other.exact, tuple(sorted(set(one.prefixes) | set(other.prefixes))))


CONTEXT_KEYS = ("demonyms", "person_cues", "given_names", "surname_endings", "surnames", "people_names", "district_words",
                "town_words", "river_words", "organisation_words", "land_words", "sports_words",
                "prize_words", "street_words", "street_words_before", "institution_words", "titles_after")


def parse_context(raw, languages, problem) -> Context:
    """A `Context` from the YAML mapping `raw`; `problem(line, message)` is told what is wrong."""
    if raw is None:
        return Context()
    if not isinstance(raw, dict):
        problem(None, "`context` must be a mapping")
        return Context()
    line = raw.get("__line__")
    unknown = set(raw) - set(CONTEXT_KEYS) - {"__line__"}
    if unknown:
        problem(line, f"`context`: unknown keys {sorted(unknown)} (known: {', '.join(CONTEXT_KEYS)})")

    def per_language(key: str) -> dict[str, list[str]]:
        value = raw.get(key) or {}
        if not isinstance(value, dict):
            problem(line, f"`context.{key}` must map a language code to a list of words")
            return {}
        result = {}
        for lang, words in value.items():
            if lang == "__line__":
                continue
            if lang not in languages:
                problem(value.get("__line__", line), f"`context.{key}`: unknown language code {lang!r}")
                continue
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                problem(value.get("__line__", line), f"`context.{key}.{lang}` must be a list of words")
                continue
            result[lang] = [w.strip() for w in words]
        return result

    def flat(key: str) -> list[str]:
        words = per_language(key)
        return [w for lang_words in words.values() for w in lang_words]

    return Context(
        demonyms={lang: frozenset(_capitalised_adjective(w) for w in words)
                  for lang, words in per_language("demonyms").items()},
        person_cues={lang: Words.of(words) for lang, words in per_language("person_cues").items()},
        given_names=Words.of(flat("given_names")),
        surname_endings=tuple(sorted({fold_key(w) for w in flat("surname_endings")}, key=len, reverse=True)),
        surnames=Words.of(flat("surnames")),
        people_names=frozenset(fold_key(w) for w in flat("people_names")),
        district_words=Words.of(flat("district_words")),
        district_words_before=Words.of(w for lang, words in per_language("district_words").items()
                                       if lang in WORD_BEFORE_NAME for w in words),
        town_words=Words.of(flat("town_words")),
        river_words=Words.of(flat("river_words")),
        organisation_words=Words.of(flat("organisation_words")),
        land_words=Words.of(flat("land_words")),
        sports_words=Words.of(flat("sports_words")),
        prize_words=Words.of(flat("prize_words")),
        street_words=Words.of(flat("street_words")),
        street_words_before=Words.of(flat("street_words_before")),
        institution_words=Words.of(flat("institution_words")),
        prize_forms=tuple(sorted({w.rstrip("*") for w in flat("prize_words") + flat("street_words")
                                  + flat("street_words_before")})),
        titles_after=Words.of(flat("titles_after")),
    )


def merge(contexts) -> Context:
    """One `Context` from those of several gazetteer files."""
    merged = Context()
    for context in contexts:
        demonyms = dict(merged.demonyms)
        for lang, pairs in context.demonyms.items():
            demonyms[lang] = demonyms.get(lang, frozenset()) | pairs
        cues = dict(merged.person_cues)
        for lang, words in context.person_cues.items():
            old = cues.get(lang, Words())
            cues[lang] = Words(old.exact | words.exact, tuple(sorted(set(old.prefixes) | set(words.prefixes))))
        merged = Context(
            demonyms=demonyms, person_cues=cues,
            given_names=Words(merged.given_names.exact | context.given_names.exact,
                              tuple(sorted(set(merged.given_names.prefixes) | set(context.given_names.prefixes)))),
            surname_endings=tuple(sorted(set(merged.surname_endings) | set(context.surname_endings),
                                         key=len, reverse=True)),
            surnames=_union(merged.surnames, context.surnames),
            people_names=merged.people_names | context.people_names,
            district_words=_union(merged.district_words, context.district_words),
            district_words_before=_union(merged.district_words_before, context.district_words_before),
            town_words=_union(merged.town_words, context.town_words),
            river_words=_union(merged.river_words, context.river_words),
            organisation_words=_union(merged.organisation_words, context.organisation_words),
            land_words=_union(merged.land_words, context.land_words),
            sports_words=_union(merged.sports_words, context.sports_words),
            prize_words=_union(merged.prize_words, context.prize_words),
            street_words=_union(merged.street_words, context.street_words),
            street_words_before=_union(merged.street_words_before, context.street_words_before),
            institution_words=_union(merged.institution_words, context.institution_words),
            prize_forms=tuple(sorted(set(merged.prize_forms) | set(context.prize_forms))),
            titles_after=_union(merged.titles_after, context.titles_after),
        )
    return merged

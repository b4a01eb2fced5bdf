"""Spellings the matcher derives from the gazetteer's by rule (`toponyms.translit`), cached on disk.

The gazetteer lists the spellings people have seen; `translit.variants`
adds the ones the press of each language prints by its own habits (German
Schuscha for Şuşa, French Latchine, ASCII fallbacks). The matcher adds them
as keys of their own, reported as ``match: transliterated``, and never lets
one take a key a listed spelling already has. Deriving them takes a few
tenths of a second for the built-in gazetteer, so the result is kept in the
cache directory under a hash of the spellings and of the rules.

Large gazetteers (GeoNames imports) get none: their names are many, their
variants would be noise, and their start-up must stay fast.
"""

from __future__ import annotations

import hashlib
import marshal
import re
from pathlib import Path

from .fold import fold_key
from .gazetteer import Gazetteer, containers, district_id

# No variants are derived for gazetteers with this many spellings or more.
DERIVE_MAX_SPELLINGS = 20_000
# Variants shorter than this (folded) are not added: short words collide with ordinary ones.
MIN_LENGTH = 5


def _rules_fingerprint() -> bytes:
    here = Path(__file__).resolve().parent
    return b"".join((here / name).read_bytes() for name in ("translit.py", "derived.py", "fold.py"))


def derived_spellings(gazetteer: Gazetteer, use_cache: bool = True) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, lang, variant) for every derived spelling the gazetteer does not list.

    A variant whose folded key is a listed spelling of any entity is left
    out (the listed one is what the text says), and so is one shorter than
    `MIN_LENGTH` letters, and one that is a given name or surname of the
    context's lists (English Gokce from Gokcha, Lake Sevan's old name, is the
    Turkish given name Gökçe). Only spellings all of whose words are the name's are
    varied (Böyük Mərcanlı, not Kəlbəcər rayonu: the rules mangle generic words).
    """
    listed = [(index, form.id, lang, spelling) for index, entity in enumerate(gazetteer.entities)
              for form in entity.forms for lang, spelling in form.spellings()]
    if not listed or len(listed) >= DERIVE_MAX_SPELLINGS:
        return []
    people = (gazetteer.context.given_names, gazetteer.context.surnames)
    digest = hashlib.blake2b(digest_size=16)
    digest.update(_rules_fingerprint())
    digest.update(repr([words.to_json() for words in people]).encode("utf-8"))
    for row in listed:
        digest.update(("\0".join(map(str, row)) + "\n").encode("utf-8"))
    path = None
    if use_cache:
        from .cachedir import cache_dir

        path = cache_dir() / f"derived-{digest.hexdigest()}.marshal"
        try:
            return [tuple(row) for row in marshal.loads(path.read_bytes())]
        except (OSError, ValueError, EOFError, TypeError):
            pass
    from .translit import _is_name_word, variants

    taken: dict[str, set] = {}
    for index, form_id, lang, spelling in listed:
        taken.setdefault(fold_key(spelling), set()).add((index, form_id, lang))
    derived, seen = [], set()
    for index, form_id, lang, spelling in listed:
        if " " in spelling.strip() and not all(_is_name_word(word) for word in spelling.split()):
            continue  # the rules mangle the generic words of a phrase (district, economic zone)
        for variant in sorted(variants(spelling, lang)):
            key = fold_key(variant)
            owners = taken.get(key)
            # A key another place's spelling has stays its own; one this form lists in another
            # language is this language's too (Kalbacar, listed in English, is the Azerbaijani
            # Kəlbəcər typed without ə, and takes Azerbaijani endings: Kalbacara).
            if len(key) < MIN_LENGTH or (index, form_id, lang, key) in seen or (owners and (
                    any(owner[:2] != (index, form_id) for owner in owners) or (index, form_id, lang) in owners)) \
                    or any(key in words for words in people):
                continue
            seen.add((index, form_id, lang, key))
            derived.append((index, form_id, lang, variant))
    kinds = [entity.kind for entity in gazetteer.entities]
    for row in [*phrase_variants(listed), *turkish_qualifiers(listed, kinds), *armenian_qualifiers(listed, kinds),
                *district_adjectives(gazetteer),
                *english_renderings(gazetteer),
                *romanised(gazetteer), *russian_renderings(gazetteer), *french_agency_renderings(gazetteer),
                *renderings_of_russian_copy(gazetteer), *german_compounds(listed), *german_declined_phrases(listed)]:
        key = fold_key(row[3])
        if key not in taken and (row[0], row[1], row[2], key) not in seen and not any(key in words for words in people):
            seen.add((row[0], row[1], row[2], key))
            derived.append(row)
    if path is not None:
        _write(path, marshal.dumps(derived))
    return derived


# Prepositions that Spanish and French put between a common noun and a name, and drop as often
# (corredor de Lachin, el Corredor Lachin; corridor de Berdzor, corridor Berdzor).
_DROPPED = {"es": ("de",), "fr": ("de", "du")}


def _script(word: str) -> str:
    first = word[:1]
    return "hy" if "\u0530" <= first <= "\u058f" else "cyrl" if "\u0400" <= first <= "\u04ff" else "latn"


def phrase_variants(listed) -> list[tuple[int, str, str, str]]:
    """Multi-word spellings with the name of another place inside, spelt every way that place is.

    The press writes the corridor with the town's name as it writes the town: Spanish "corredor de
    Laçın" as well as "corredor de Lachín", French "couloir de Latchine"; and Spanish and French
    drop the preposition as often (el Corredor Lachin). Only spellings of the same rival form of
    that place are put in (Lachin's for the Lachin corridor, Berdzor's for the Berdzor corridor),
    in the script of the phrase. A phrase with the place's own name in it is spelt every way that
    language lists the name (Nakhichevan Autonomous Republic beside Nakhchivan Autonomous Republic).

    >>> rows = [(0, "lachin", "es", "Lachín"), (0, "lachin", "tr", "Laçın"),
    ...         (1, "lachin_corridor", "es", "corredor de Lachín")]
    >>> sorted(row[3] for row in phrase_variants(rows))
    ['corredor Lachín', 'corredor Laçın', 'corredor de Laçın']
    >>> rows = [(2, "nakhchivan", "en", "Nakhchivan"), (2, "nakhchivan", "en", "Nakhichevan"),
    ...         (2, "nakhchivan", "de", "Nachitschewan"),
    ...         (2, "nakhchivan", "en", "Nakhchivan Autonomous Republic")]
    >>> sorted(row[3] for row in phrase_variants(rows))
    ['Nakhichevan Autonomous Republic']
    """
    owners: dict[str, set[tuple[int, str]]] = {}
    words: dict[tuple[int, str], set[str]] = {}
    own_words: dict[tuple[int, str, str], set[str]] = {}
    for index, form_id, lang, spelling in listed:
        if " " not in spelling.strip():
            owners.setdefault(fold_key(spelling), set()).add((index, form_id))
            words.setdefault((index, form_id), set()).add(spelling.strip())
            own_words.setdefault((index, form_id, lang), set()).add(spelling.strip())
    rows = []
    for index, form_id, lang, spelling in listed:
        tokens = spelling.split()
        if len(tokens) < 2:
            continue
        phrases = {spelling.strip()}
        for k, token in enumerate(tokens):
            found = owners.get(fold_key(token), set())
            if len(found) != 1 or next(iter(found))[0] == index and next(iter(found)) != (index, form_id):
                # No place's name, or several places' (the matcher could not tell which), or
                # another rival name of this place. Its own name is spelt every way the form's
                # name is (Nakhichevan Autonomous Republic, as Nakhchivan Autonomous Republic).
                continue
            owner = next(iter(found))
            for other in own_words.get((index, form_id, lang), ()) if owner[0] == index else words[owner]:
                if _script(other) == _script(token):
                    phrases.add(" ".join(tokens[:k] + [other] + tokens[k + 1:]))
        for phrase in list(phrases):
            parts = phrase.split()
            if len(parts) == 3 and parts[1] in _DROPPED.get(lang, ()) and parts[2][:1].isupper():
                phrases.add(f"{parts[0]} {parts[2]}")
        rows.extend((index, form_id, lang, phrase) for phrase in sorted(phrases - {spelling.strip()}))
    return rows


# The first word of an Azerbaijani village's name that Turkish papers translate rather than spell:
# Büyük Tağlar and Eski Tağlar (virtualkarabakh.az's Turkish list of Khojavend's villages) for
# Böyük and Köhnə Tağlar, Küçük Kaladeresi for Kiçik Qaladərəsi, and Üst Mollu, Üst Yağlıvend in
# the Turkish copy of President Aliyev's lists of retaken villages (Yuxarı, "upper").
_TURKISH_QUALIFIERS = {"böyük": ("Büyük",), "kiçik": ("Küçük",), "köhne": ("Eski",), "köhnə": ("Eski",),
                       "yukarı": ("Üst",), "yuxarı": ("Yukarı", "Üst")}
_VILLAGE_KINDS = frozenset({"village", "settlement", "town"})


def turkish_qualifiers(listed, kinds) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, "tr", spelling): each Turkish spelling of a village of several words
    whose first word is an Azerbaijani qualifier (Böyük, Kiçik, Köhnə, Yuxarı), with that word in
    Turkish. `kinds` holds each entity's kind: regions keep their word (Yukarı Karabağ, no Üst).

    Only that first word changes, so a key is the whole phrase: Büyük alone is never a place.

    >>> rows = [(0, "mets_tagher", "tr", "Böyük Tağlar"), (1, "hin_tagher", "tr", "Köhne Tağlar"),
    ...         (2, "yukhari_mollu", "tr", "Yukarı Mollu"), (3, "shusha", "tr", "Şuşa"),
    ...         (4, "nagorno_karabakh", "tr", "Yukarı Karabağ")]
    >>> [row[3] for row in turkish_qualifiers(rows, ["village"] * 4 + ["region"])]
    ['Büyük Tağlar', 'Eski Tağlar', 'Üst Mollu']
    """
    rows = []
    for index, form_id, lang, spelling in listed:
        first, _, rest = spelling.strip().partition(" ")
        if lang == "tr" and rest and kinds[index] in _VILLAGE_KINDS:
            rows.extend((index, form_id, "tr", f"{word} {rest}") for word in _TURKISH_QUALIFIERS.get(first.lower(), ()))
    return rows


# The first word of an Armenian village's name that lists and community pages shorten to its
# initial: Մ․ Մասրիկ, Ն․ Շորժա, Վ․ Շորժա, Փ․ Մասրիկ (vardenis.am's list of the Vardenis
# community's villages) for Մեծ, Ներքին, Վերին, Փոքր. The dot is the ASCII one or U+2024 (the
# Armenian keyboard's), with a space after it or none.
_ARMENIAN_QUALIFIERS = {"մեծ": "Մ", "ներքին": "Ն", "վերին": "Վ", "փոքր": "Փ"}


def armenian_qualifiers(listed, kinds) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, "hy", spelling): each Armenian spelling of a village of several words
    whose first word is a qualifier (Մեծ, Ներքին, Վերին, Փոքր), with that word cut to its initial.
    `kinds` holds each entity's kind, as for `turkish_qualifiers`.

    The key is the whole phrase: an initial alone is never a place.

    >>> rows = [(0, "mets_masrik", "hy", "Մեծ Մասրիկ"), (1, "shusha", "hy", "Շուշի")]
    >>> [row[3] for row in armenian_qualifiers(rows, ["village", "town"])]
    ['Մ. Մասրիկ', 'Մ.Մասրիկ', 'Մ\u2024 Մասրիկ', 'Մ\u2024Մասրիկ']
    """
    rows = []
    for index, form_id, lang, spelling in listed:
        first, _, rest = spelling.strip().partition(" ")
        initial = _ARMENIAN_QUALIFIERS.get(first.lower())
        if lang == "hy" and rest and initial and kinds[index] in _VILLAGE_KINDS:
            rows.extend((index, form_id, "hy", f"{initial}{dot}{space}{rest}")
                        for dot in (".", "\u2024") for space in (" ", ""))
    return rows


def romanised(gazetteer: Gazetteer) -> list[tuple[int, str, str, str]]:
    """The Western Armenian, scholarly and BGN/PCGN romanisations of the Armenian and Russian
    spellings (`toponyms.translit.romanisations`), as spellings of the Latin-script press.

    The variants of a Latin spelling are the press's habits; these come from the other script,
    which the variants of a Latin spelling never see: Sdepanagerd from Ստեփանակերտ, Kel’badzhar
    from Кельбаджар. The Western Armenian reading is kept for the Armenian names of the
    conflict, forms Armenians use and Azerbaijanis do not (the diaspora does not read
    Şükürbəyli through Armenian letters), countries get none (their
    names are words of every language), and none shorter than `MIN_LENGTH` or a common word.
    """
    from .translit import _is_name_word, common_word, romanisations

    rows = []
    in_armenia = _in_armenia(gazetteer)
    for index, entity in enumerate(gazetteer.entities):
        if entity.kind == "country":
            continue
        for form in entity.forms:
            # An Armenian name, not the Armenian rendering of a name both sides use (Şükürbəyli).
            # A place in Armenia keeps its Armenian name in every side's usage, and the diaspora's
            # French and English press reads it the Western way too (armenews.com: the Dzidzernagapert
            # memorial, Aykebar and Nerkin Garmrarpyur in Tavush, 2014).
            armenian = "armenian" in form.used_by and ("azerbaijani" not in form.used_by or entity.id in in_armenia)
            for lang in ("hy", "ru"):
                for spelling in form.names.get(lang, ()):
                    if not all(_is_name_word(word) for word in spelling.split()):
                        continue
                    for k, (target, romanised_spelling) in enumerate(romanisations(spelling.strip())):
                        if lang == "hy" and k < 2 and not armenian:
                            continue  # the Western Armenian readings come first
                        if len(fold_key(romanised_spelling)) >= MIN_LENGTH and not common_word(romanised_spelling):
                            rows.append((index, form.id, target, romanised_spelling))
    return rows


def _in_armenia(gazetteer: Gazetteer) -> frozenset[str]:
    """The ids of the entities whose `part_of` chain reaches Armenia (its provinces, towns, villages
    and landmarks)."""
    return frozenset(entity_id for entity_id, up in containers(gazetteer.entities).items() if "armenia" in up)


# Letters of an Azerbaijani name that Baku's Russian-language press writes otherwise than Russian
# spelling would: ə inside a word, ı after ç or ş, y before i (`toponyms.translit._write_ru`).
_LETTER_FOR_LETTER = re.compile(r"ə|[çş]ı|(?<=[aeıioöuüə])yi")


def russian_renderings(gazetteer: Gazetteer) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, "ru", spelling): each Azerbaijani spelling as Azerbaijan's
    Russian-language press writes it, letter for letter from the Latin (report.az, 1news.az and
    APA's Russian copy print Шюкюрбейли where the gazetteer lists Шукюрбейли).

    The variants of a Russian spelling only respell Russian; this is the one way from the
    Azerbaijani original. Countries are left out, and phrases with generic words.

    >>> from toponyms.gazetteer import Entity, Form, Gazetteer
    >>> gazetteer = Gazetteer(entities=(Entity(id="shukurbayli", kind="village", forms=(
    ...     Form(id="shukurbayli", used_by=("g",), names={"az": ("Şükürbəyli",), "ru": ("Шукюрбейли",)}),)),))
    >>> russian_renderings(gazetteer)
    [(0, 'shukurbayli', 'ru', 'Шюкюрбейли'), (0, 'shukurbayli', 'ru', 'Шюкюрбяйли')]

    The same press also writes ə as я inside a word wherever a consonant comes before it
    (icma.az and Report: Тязябина, Сейидбяйли, Мехдибяйли for Təzəbinə, Seyidbəyli, Mehdibəyli),
    and ı after ç and ş as ы (Чанагчы for Çanaqçı): that rendering comes second where it differs.
    """
    from .translit import transliterate

    rows = _from_azerbaijani(gazetteer, "ru", lambda spelling: transliterate(spelling, "az", "ru"))
    with_ya = _from_azerbaijani(gazetteer, "ru", lambda spelling: transliterate(spelling, "az", "ru", schwa_ya=True),
                                lambda spelling: _LETTER_FOR_LETTER.search(spelling.lower()) is not None)
    return list(dict.fromkeys(sorted(rows + with_ya, key=lambda row: row[0])))


def french_agency_renderings(gazetteer: Gazetteer) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, "fr", spelling): each Azerbaijani spelling as AZERTAC's French
    service writes it, ə kept as é (Guébélé, Berdé, Aghdjabédi), where French papers write a or e
    by ear (Gabala, Barda). The French papers that print the agency's copy take its spellings.
    Countries are left out, and phrases with generic words.

    >>> from toponyms.gazetteer import Entity, Form, Gazetteer
    >>> gazetteer = Gazetteer(entities=(Entity(id="gabala", kind="town", forms=(
    ...     Form(id="gabala", used_by=("g",), names={"az": ("Qəbələ",), "fr": ("Gabala",)}),)),))
    >>> french_agency_renderings(gazetteer)
    [(0, 'gabala', 'fr', 'Guébélé')]
    """
    from .translit import french_keeping_letters

    # Without ə the agency writes what the French writer does.
    return _from_azerbaijani(gazetteer, "fr", french_keeping_letters, lambda spelling: "ə" in spelling.lower())


def _from_azerbaijani(gazetteer: Gazetteer, lang: str, render, wanted=lambda spelling: True
                      ) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, `lang`, render(spelling)) for the Azerbaijani spellings of every
    entity but countries that are `wanted` and made of name words only; a rendering that is too
    short or a common word is left out (`russian_renderings`, `french_agency_renderings`)."""
    from .translit import _is_name_word, common_word

    rows = []
    for index, entity in enumerate(gazetteer.entities):
        if entity.kind == "country":
            continue
        for form in entity.forms:
            for spelling in form.names.get("az", ()):
                spelling = spelling.strip()
                if not wanted(spelling) or not all(_is_name_word(word) for word in spelling.split()):
                    continue
                rendering = render(spelling)
                if len(fold_key(rendering)) >= MIN_LENGTH and not common_word(rendering):
                    rows.append((index, form.id, lang, rendering))
    return rows


# Russian names a district after its town with an adjective: Берд -> Бердский район.
_TOWNS = frozenset({"city", "town", "village", "settlement"})


def russian_adjective(name: str) -> str | None:
    """The Russian adjective of a town's name (masculine), by the usual rules; None if there is none.

    >>> [russian_adjective(n) for n in ("Берд", "Горис", "Шуша", "Мегри", "Губадлы", "Нахичевань", "Баку")]
    ['Бердский', 'Горисский', 'Шушинский', 'Мегринский', 'Губадлинский', 'Нахичеванский', None]
    """
    if " " in name or "-" in name or len(name) < 3:
        return None
    last = name[-1]
    if last in "ая":
        return name[:-1] + "инский"
    if last in "иы":
        return name[:-1] + "инский"
    if last == "ь":
        return name[:-1] + "ский"
    if last.lower() in "бвгджзклмнпрстфхцчшщ":
        return name + "ский"
    return None


def district_adjectives(gazetteer: Gazetteer) -> list[tuple[int, str, str, str]]:
    """"Бердский район" for the uncontested towns that have no district entity in the gazetteer.

    The Azerbaijani defence ministry and the Russian press name the Armenian districts of Soviet
    times, and the areas around Armenian towns, by the town: с территории Бердского района. Where the
    gazetteer has a district of the town (`district_id`) the phrase names that entity, and is
    listed there; elsewhere it names the town's area, which is the town for a reader. Contested
    towns are left out: their districts are listed (and Степанакертский район was Askeran's).
    """
    ids = {entity.id for entity in gazetteer.entities}
    rows = []
    for index, entity in enumerate(gazetteer.entities):
        if entity.kind not in _TOWNS or entity.contested or district_id(entity.id) in ids:
            continue
        for form in entity.forms:
            for spelling in form.names.get("ru", ()):
                adjective = russian_adjective(spelling.strip())
                if adjective:
                    rows.append((index, form.id, "ru", f"{adjective} район"))
    return rows


# The press of these languages renders a name by its own spelling habits from the English form
# (German Madagis, French Madaguiz and Fouzouli, Spanish Jachén), also where the gazetteer lists
# only the English spelling for the language.
_FROM_ENGLISH = ("de", "fr", "es")
# An English spelling in plain letters: no x, q or c for another sound than in ch (Xocali,
# Canyataq, Mingecevir are Azerbaijani spellings without their marks, which English rules misread).
_PLAIN_ENGLISH = re.compile(r"(?:[ABD-PR-WYZabd-pr-wyz'-]|[Cc]h)+")


def english_renderings(gazetteer: Gazetteer) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, lang, spelling): each one-word English spelling written the way
    German, French and Spanish papers write English names of the region (sch, dsch, ou, gu, j).

    Countries are left out (their names are words of every language: Russia is no Roussia).

    >>> from toponyms.gazetteer import Entity, Form, Gazetteer
    >>> gazetteer = Gazetteer(entities=(Entity(id="madagiz", kind="town", forms=(
    ...     Form(id="madagiz", used_by=("g",), names={"en": ("Madagiz",)}),)),))
    >>> sorted(row[2:] for row in english_renderings(gazetteer))
    [('de', 'Madagis'), ('es', 'Madaguiz'), ('fr', 'Madaguiz')]
    """
    from .translit import common_word, transliterate

    rows = []
    for index, entity in enumerate(gazetteer.entities):
        if entity.kind == "country":
            continue
        for form in entity.forms:
            for spelling in form.names.get("en", ()):
                spelling = spelling.strip()
                if not _PLAIN_ENGLISH.fullmatch(spelling):
                    continue
                for lang in _FROM_ENGLISH:
                    rendering = transliterate(spelling, "en", lang)
                    if len(fold_key(rendering)) >= MIN_LENGTH and not common_word(rendering):
                        rows.append((index, form.id, lang, rendering))
    return rows


# The languages whose agencies write the region's names from Russian copy: dpa by the Duden
# rules (Kysyl Gadschily, nd-aktuell.de, for Кызыл Гаджилы), AFP in French letters (Khodjaly),
# EFE in Spanish ones (Jojali).
_FROM_RUSSIAN = ("de", "fr", "es")


def renderings_of_russian_copy(gazetteer: Gazetteer) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, lang, spelling): each Russian spelling as German, French and
    Spanish papers write it when their copy comes from Moscow, letter for letter from the Cyrillic.

    The variants of a Latin spelling never see the Russian one, whose letters (ы, дж, х) carry
    what the Azerbaijani and Armenian originals spell otherwise: Кызылгаджилы gives the German
    Kysylgadschily where the Azerbaijani Qızılhacılı gives Kisilhadschili. Countries are left
    out, and names of several words (their Russian words are translated: Нижний, КПП).

    >>> from toponyms.gazetteer import Entity, Form, Gazetteer
    >>> gazetteer = Gazetteer(entities=(Entity(id="gizilhajili", kind="village", forms=(
    ...     Form(id="gizilhajili", used_by=("g",), names={"ru": ("Кызылгаджилы", "Нижний Гаджилы")}),)),))
    >>> sorted(row[2:] for row in renderings_of_russian_copy(gazetteer))
    [('de', 'Kysylgadschily'), ('es', 'Kizilgajili'), ('fr', 'Kizilgadjily')]
    """
    from .translit import _is_name_word, common_word, transliterate

    rows = []
    for index, entity in enumerate(gazetteer.entities):
        if entity.kind == "country":
            continue
        for form in entity.forms:
            for spelling in form.names.get("ru", ()):
                spelling = spelling.strip()
                # One word (hyphens allowed): a phrase's Russian words (Нижний, КПП, Республика) are
                # translated, not spelt, by the papers.
                if " " in spelling or not _is_name_word(spelling):
                    continue
                for lang in _FROM_RUSSIAN:
                    rendering = transliterate(spelling, "ru", lang)
                    if len(fold_key(rendering)) >= MIN_LENGTH and not common_word(rendering):
                        rows.append((index, form.id, lang, rendering))
    return rows


# German nouns that head a place's name either way: Kloster Tatew and das Tatew-Kloster (or,
# in travel copy, das Tatew Kloster), Festung Schuscha and die Schuscha-Festung, der
# Sarsang-Stausee and the closed compound der Sarsangstausee (Worotanpass, Sewansee).
_GERMAN_HEADS = frozenset({"Kloster", "Festung", "Moschee", "Kathedrale", "Kirche", "Stausee", "Pass",
                           "Brücke", "Flughafen", "Korridor", "Bezirk", "Rayon", "Provinz", "Tal", "Schlucht"})
# The genitive of the masculine and neuter heads, which German puts first in running text: "die
# Kuppel des Klosters Tatew", "die Staumauer des Stausees Sarsang", where the name alone would
# be matched and the wrong entity (the village of Tatev) reported.
_GERMAN_HEAD_GENITIVES = {"Kloster": ("Klosters",), "Stausee": ("Stausees",), "Pass": ("Passes",),
                          "Flughafen": ("Flughafens",), "Korridor": ("Korridors",), "Bezirk": ("Bezirks", "Bezirkes"),
                          "Rayon": ("Rayons",), "Tal": ("Tals", "Tales")}
# An administrative head is never closed up with a foreign name (no "Schuschabezirk"), but it is
# written apart after it like the others ("in der Martuni Provinz", armenia-tour.com).
_GERMAN_ADMINISTRATIVE_HEADS = frozenset({"Bezirk", "Rayon", "Provinz"})


def german_compounds(listed) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, "de", spelling): each German spelling of a name and a head noun,
    listed either as "Head Name" (Kloster Tatew) or as the compound "Name-Head"
    (Sarsang-Stausee), also in the other ways German copy writes it: "Head Name", "Name-Head",
    the two words apart as travel pages and agency copy print them ("Tatew Kloster", "Spandarian
    Stausee", "Latschin Korridor") and the closed compound ("Sarsangstausee", "Worotanpass");
    an administrative head (Bezirk, Rayon, Provinz) never closed; and a masculine or neuter head
    first in the genitive ("des Klosters Tatew", "des Stausees Sarsang").

    The key is the whole phrase, so the head word alone never matches; the compound's genitive
    (des Tatew-Klosters, des Sarsangstausees) is the inflection rules' work.

    >>> rows = [(0, "tatev_monastery", "de", "Kloster Tatew"), (1, "shusha", "de", "Schuscha"),
    ...         (2, "sarsang_reservoir", "de", "Sarsang-Stausee")]
    >>> [row[3] for row in german_compounds(rows)]  # doctest: +NORMALIZE_WHITESPACE
    ['Tatew-Kloster', 'Tatew Kloster', 'Klosters Tatew', 'Tatewkloster', 'Stausee Sarsang',
     'Sarsang Stausee', 'Stausees Sarsang', 'Sarsangstausee']
    """
    rows = []
    for index, form_id, lang, spelling in listed:
        if lang != "de":
            continue
        spelling = spelling.strip()
        head, _, name = spelling.partition(" ")
        if head not in _GERMAN_HEADS or " " in name:
            name, _, head = spelling.rpartition("-")
            if head not in _GERMAN_HEADS or " " in name or "-" in name:
                continue
        if not name[:1].isupper() or not name.isalpha():
            continue
        variants = [f"{head} {name}", f"{name}-{head}", f"{name} {head}"]
        variants += [f"{genitive} {name}" for genitive in _GERMAN_HEAD_GENITIVES.get(head, ())]
        if head not in _GERMAN_ADMINISTRATIVE_HEADS:
            variants.append(f"{name}{head.lower()}")
        for variant in variants:
            if variant != spelling:
                rows.append((index, form_id, "de", variant))
    return rows


# The German nouns of administrative names with adjectives before them, and their gender, which
# decides the adjective's endings: das Autonome Gebiet, des Autonomen Gebietes, die Autonome
# Republik, der Autonomen Republik.
_GERMAN_NOUN_GENDER = {"Gebiet": "n", "Gouvernement": "n", "Khanat": "n", "Republik": "f", "Sowjetrepublik": "f",
                       "Oblast": "f", "Provinz": "f", "Region": "f", "Bezirk": "m", "Kreis": "m", "Rayon": "m"}


def german_declined_phrases(listed) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, "de", spelling): each German name "Adjective Noun Name" (Autonomes
    Gebiet Bergkarabach) with its adjectives as the other cases and the article write them.

    Listed spellings are nominatives without article; running text says "im Autonomen Gebiet
    Bergkarabach", "die Hauptstadt des Autonomen Gebietes Bergkarabach" (de.wikipedia on
    Stepanakert), "der Autonomen Republik Nachitschewan", where the name alone would be matched
    and the wrong entity (the region, not the Soviet oblast) reported.

    >>> rows = [(0, "nkao", "de", "Autonomes Gebiet Bergkarabach"),
    ...         (1, "nakhchivan", "de", "Autonome Republik Nachitschewan")]
    >>> [row[3] for row in german_declined_phrases(rows)]  # doctest: +NORMALIZE_WHITESPACE
    ['Autonome Gebiet Bergkarabach', 'Autonomen Gebiet Bergkarabach', 'Autonomen Gebiets Bergkarabach',
     'Autonomen Gebietes Bergkarabach', 'Autonomen Republik Nachitschewan']
    """
    rows = []
    for index, form_id, lang, spelling in listed:
        words = spelling.split()
        if lang != "de" or len(words) < 3:
            continue
        k = next((i for i, word in enumerate(words) if word in _GERMAN_NOUN_GENDER), 0)
        adjectives, noun, rest = words[:k], words[k] if k else "", " ".join(words[k + 1:])
        gender = _GERMAN_NOUN_GENDER.get(noun)
        ending = {"n": "es", "f": "e", "m": "er"}.get(gender, "")
        if not adjectives or not rest or not all(word[:1].isupper() and word.endswith(ending) for word in adjectives):
            continue
        stems = [word[:len(word) - len(ending)] for word in adjectives]
        weak = " ".join(stem + "e" for stem in stems)
        oblique = " ".join(stem + "en" for stem in stems)
        phrases = ([f"{oblique} {noun}"] if gender == "f" else
                   [f"{weak} {noun}", f"{oblique} {noun}", f"{oblique} {noun}s", f"{oblique} {noun}es"])
        rows.extend((index, form_id, "de", f"{phrase} {rest}") for phrase in phrases)
    return rows


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename; a cache that cannot be written is no error."""
    from .cachedir import prune, write_atomically

    try:
        write_atomically(path, data)
    except OSError:
        return
    prune(path.parent, path, "derived-*.marshal")

"""Which of the eight languages a paragraph is in: cheap enough to ask for every paragraph.

The matcher needs a text's language only to know whose grammar may explain
letters glued to a name (the French ``Arméniens`` is not the German genitive
of ``Armenien``), and whose adjectives are no place (Spanish ``la comunidad
armenia``). So the question is small: the script settles Armenian and
Cyrillic; among the Latin-script languages a few letters that only one of
them uses (ə, ñ, ß, œ) and the commonest function words of each settle the
rest. Measured against lingua restricted to the eight languages, this takes
microseconds per paragraph where lingua takes milliseconds (see
bench/bench_find.py), and it only runs for paragraphs where a hit needs it.

>>> detect("Azərbaycan ordusu Şuşa şəhərinə daxil olub və bayraq qaldırıb.")
'az'
>>> detect("Les Arméniens du Haut-Karabakh ont quitté la région.")
'fr'
>>> detect("La comunidad armenia de Francia se manifestó en París.")
'es'
>>> detect("Die Armenier verlassen Bergkarabach.")
'de'
>>> detect("Ordu Hankendi'ye ilerledi ve şehir kontrol altına alındı.")
'tr'
>>> detect("Ermeni güçleri 20 Kasım'da Ağdam'dan, 25 Kasım'da da Kelbecer'den çekilmişti.")
'tr'
>>> detect("Ստեփանակերտում"), detect("Жители Шуши"), detect("Xankəndi")
('hy', 'ru', 'az')
>>> detect("Stepanakert") is None
True
>>> detect("Son Mühür- Karabağlar Belediye Başkanı Helil Kınay ve Dost Dernekler Federasyonu")
'tr'
"""

from __future__ import annotations

import re

# Function words of each Latin-script language, lower case, as written.
_STOP_WORDS = {
    "en": "the and of to in is was that for on with by from said has have were are its at as which after "
          "this will been their not but they who also",
    "az": "və bu ilə bir üçün olan ki isə edib olub görə sonra həm artıq etdi bildirib deyib onun "
          "olaraq daha çox ərazisində rayonu şəhəri kəndi",
    "tr": "ve bir bu ile için olan ki göre sonra olarak dedi etti açıkladı değil çok daha kadar "
          "ama gibi bölgesinde şehri köyü yaptı",
    "fr": "le la les des du et une un est dans pour qui que sur au aux avec par pas été ont ce cette "
          "selon il elle son ses leur",
    "de": "der die das und den dem des ist nicht mit von im zu auf für sich ein eine wurde wird sind "
          "hat auch nach bei einer",
    "es": "el la los las del y en que un una por con para se es al su fue según sus como más "
          "ha han sido desde",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _STOP_WORDS.items()}
# Letters that one of the Latin-script languages uses and the others do not (weight per letter).
_LETTERS = {"ə": ("az", 3), "ñ": ("es", 3), "¿": ("es", 3), "ß": ("de", 3), "ä": ("de", 2),
            "œ": ("fr", 3), "è": ("fr", 2), "ê": ("fr", 2), "à": ("fr", 1)}
# The dotless ı: Turkish and Azerbaijani write it, no other language does. It counts for both
# (an Azerbaijani sentence need not write ə: "Ordu Şuşanı azad etdi."), so it breaks the tie a
# Turkish paragraph of names and titles leaves with French ("Karabağlar Belediye Başkanı ... ve
# Dost Dernekler", whose "son" and "ve" are French and Turkish words alike) without making a short
# Azerbaijani sentence Turkish. Left undetected, every grammar may explain its names: Karabağlar,
# an İzmir district, as the Azerbaijani plural of Karabağ.
_TURKIC_LETTER = "ı"
_WORD = re.compile(r"[^\W\d_]+")
# A case ending after an apostrophe on a name is Turkish spelling (Kasım'da, Ağdam'dan, Bakü'ye,
# Hankendi'nin); the ending is no word of its own (German den, Spanish de are not in it). The
# pattern opens with the quote so that the engine skips to quotes (eight times as fast as a lookbehind first).
_TURKISH_ENDING = re.compile(r"['’](?<=\w['’])(?:d[ae]n?|t[ae]n?|y?[ae]|n?[ıiuü]n|y?[ıiuü]|l[ae]r\w*|d[ae]ki|l[ıiuü])\b")
_LATIN_WORD = re.compile(r"[a-z\u00df-\u024f]+")
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in _WORDS.items():
    for _word in _words:
        _LANGS_OF[_word] = _LANGS_OF.get(_word, ()) + (_lang,)
_ALL_WORDS = frozenset(_LANGS_OF)
_SAMPLE = 300


def script_lang(char: str) -> str | None:
    """'hy' for an Armenian letter, 'ru' for a Cyrillic one, None otherwise."""
    code = ord(char)
    if 0x0531 <= code <= 0x058F or 0xFB13 <= code <= 0xFB17:
        return "hy"
    if 0x0400 <= code <= 0x052F:
        return "ru"
    return None


def detect(paragraph: str, latin: bool = False) -> str | None:
    """The language of `paragraph` among en az hy ru tr fr de es, or None when it does not say.

    Only the first few hundred characters are read. Cyrillic is reported as
    Russian unless a letter only Ukrainian uses appears (і, ї, є, ґ). With
    `latin`, only the Latin-script words count (for a Latin-script name in a
    paragraph that mixes scripts).
    """
    sample = paragraph[:_SAMPLE].lower()
    if not latin:
        letters = _WORD.findall(sample)
        if not letters:
            return None
        scripts = {"hy": 0, "ru": 0, "latn": 0}
        for word in letters:
            scripts[script_lang(word[0]) or "latn"] += len(word)
        script = max(scripts, key=scripts.__getitem__)
        if script == "ru":
            return "uk" if any(c in sample for c in "іїєґ") else "ru"
        if script == "hy":
            return "hy"
    if "ə" in sample:
        return "az"  # no other language writes it (and Azerbaijani text nearly always does)
    scores = dict.fromkeys(_WORDS, 0)
    endings = len(_TURKISH_ENDING.findall(sample))
    if endings:
        scores["tr"] += 2 * min(endings, 3)
        sample = _TURKISH_ENDING.sub("", sample)
    # Distinct function words: a set intersection is the cheap part of this.
    for word in _ALL_WORDS.intersection(_LATIN_WORD.findall(sample)):
        for lang in _LANGS_OF[word]:
            scores[lang] += 1
    for letter, (lang, weight) in _LETTERS.items():
        if letter in sample:
            scores[lang] += weight * min(sample.count(letter), 3)
    if scores["az"] and scores["tr"] and "ə" not in sample:
        scores["az"] -= 1  # shared words (ki, bu, bir) lean Turkish when no ə is written
    if _TURKIC_LETTER in sample:
        turkic = min(sample.count(_TURKIC_LETTER), 3)
        scores["tr"] += turkic
        scores["az"] += turkic
    best = max(scores, key=scores.__getitem__)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] == 0 or ranked[0] == ranked[1]:
        # One name alone: a letter only Azerbaijani writes still tells.
        return "az" if "ə" in sample else None
    return best


def paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    """The line of `text` around `position` (a paragraph, in the texts news tools pass around)."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, (len(text) if end < 0 else end)

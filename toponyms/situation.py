"""How a sentence uses a place name: as a gloss, in a quotation, inside a proper name, or dated.

A naming policy may rewrite a name only where the rewrite keeps the sentence
true. Four kinds of context forbid it, and each is found by a small pure
function over the text:

- a *gloss* talks about the name itself ("Shusha, or Shushi as Armenians know
  it", "Berdzor (formerly Lachin)", "Y for the Armenians"): rewriting one of
  its names makes it say something false (`gloss_sentences`);
- a *quotation* holds a speaker's own words (`quoted_spans`);
- a *proper name* holds a place (Republic of Artsakh, Qarabağ FK) and is a
  name of its own (`ProperNames`);
- a *dated* sentence speaks of a year or period before a form existed
  (`sentence_year`).

The cue words per language live in ``cues.yaml`` beside this module.

>>> text = "Shusha fell. «Շուշին մերն է», ասաց նա։ Done"
>>> [text[s:e] for s, e in sentence_spans(text)]
['Shusha fell.', '«Շուշին մերն է», ասաց նա։', 'Done']
>>> has_gloss_cue("Berdzor (formerly Lachin) was handed over.", "en")
True
>>> has_gloss_cue("Azerbaijan called for talks on Lachin.", "en")
False
>>> has_gloss_cue("Fighting in Armenian-held Shushi ended in Russian-brokered talks.", "en")
False
>>> has_gloss_cue("Ханкенди, как называют Степанакерт в Баку", "ru")
True
>>> has_gloss_cue("Ermenilerin Hankendi dediği şehir", "tr")
True
>>> sentence_year("De 1847 à 1923, le village s'appelait Khankendi.", "fr")
1847
>>> sentence_year("В советское время город назывался Степанакерт.", "ru")
1960
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable, NamedTuple

from .cues import cues
from .fold import fold, fold_key
from .gazetteer import ProperName



# Languages whose cue words are listed in every form they take, matched as whole words.
_WHOLE_WORD_CUES = frozenset({"en", "fr", "es", "de"})
_COMPOUND_HEADS = "held|controlled|occupied|populated|majority|backed|led|brokered|mediated|speaking|run"


@lru_cache(maxsize=None)
def _gloss_pattern(lang: str) -> re.Pattern | None:
    words = cues()["gloss"].get(lang)
    if not words:
        return None
    keys = sorted({fold(str(w)).strip() for w in words}, key=len, reverse=True)
    # A cue starts a word; in languages whose cues are listed whole (every inflection written out) it
    # also ends one ("aka" is no cue in "Akaki"). It is not the first half of a compound such as
    # "Armenian-held" or "Russian-brokered" (folding made the hyphen a space).
    end = r"(?!\w)" if lang in _WHOLE_WORD_CUES else ""
    alternation = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"(?<!\w)(?:{alternation}){end}(?!\s(?:{_COMPOUND_HEADS})(?!\w))")


@lru_cache(maxsize=None)
def _period_pattern(lang: str) -> tuple[re.Pattern, dict[str, int]] | None:
    periods = cues()["periods"].get(lang)
    if not periods:
        return None
    years = {fold_key(str(k)): int(v) for k, v in periods.items()}
    alternation = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(years, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})"), years


# ---------------------------------------------------------------- sentences

# A sentence ends at . ! ? … or the Armenian full stop ։ (and the colon-like ՝ is not an end),
# followed by space; closing quotes and brackets stay with their sentence.
_SENTENCE_END = re.compile(r"[.!?…։]+[\"'»”’›)\]]*(?=\s|$)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, white space between them left out."""
    spans, start = [], 0
    for found in _SENTENCE_END.finditer(text):
        end = found.end()
        # "Dr." and initials: a single capital or a short abbreviation before the dot is no end.
        word = re.search(r"(\w+)\W*$", text[start:found.start() + 1])
        if word and (len(word.group(1)) == 1 and word.group(1).isupper()):
            continue
        if text[start:end].strip():
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            spans.append((start + lead, end))
        start = end
    if text[start:].strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        spans.append((start + lead, len(text.rstrip())))
    return spans


def has_gloss_cue(sentence: str, lang: str) -> bool:
    """True when the sentence holds a word that talks about names (formerly, known as, so-called)."""
    pattern = _gloss_pattern(lang)
    return bool(pattern and pattern.search(fold(sentence)))


class Named(NamedTuple):
    """What context analysis needs of a mention: its span, its place and the form it used."""

    start: int
    end: int
    entity_id: str
    form: str


def gloss_sentences(text: str, mentions: Iterable[Named], lang: str) -> set[int]:
    """Indexes of the mentions that stand in a gloss: a sentence about a name.

    A sentence is a gloss when it names one place by two forms ("Shusha, or
    Shushi"), names it twice side by side ("Kelbecer (Kalbajar)",
    "Xankəndi/Stepanakert"), or holds a cue word of `lang` (`has_gloss_cue`).
    Every mention of such a sentence is a gloss.

    >>> text = "Shusha, or Shushi as Armenians know it, fell. Shusha is quiet."
    >>> sorted(gloss_sentences(text, [Named(0, 6, "shusha", "shusha"), Named(11, 17, "shusha", "shushi"),
    ...                               Named(46, 52, "shusha", "shusha")], "en"))
    [0, 1]
    >>> sorted(gloss_sentences("Kelbecer (Kalbajar) düştü.", [Named(0, 8, "kalbajar", "kalbajar"),
    ...                        Named(10, 18, "kalbajar", "kalbajar")], "tr"))
    [0, 1]
    """
    mentions = list(mentions)
    glossed: set[int] = set()
    for (start, end), inside in _by_sentence(sentence_spans(text), mentions):
        if not inside:
            continue
        forms: dict[str, set[str]] = {}
        for i in inside:
            forms.setdefault(mentions[i].entity_id, set()).add(mentions[i].form)
        two_forms = any(len(f) > 1 for f in forms.values())
        side_by_side = any(
            mentions[a].entity_id == mentions[b].entity_id
            and re.fullmatch(r"\s*(?:[(/,\[]|—|–|-)\s*", text[mentions[a].end:mentions[b].start])
            for a, b in zip(inside, inside[1:]))
        if two_forms or side_by_side or has_gloss_cue(text[start:end], lang):
            glossed.update(inside)
    return glossed


def _by_sentence(sentences: list[tuple[int, int]], mentions: list[Named]) -> list[tuple[tuple[int, int], list[int]]]:
    """Each sentence with the indexes of the mentions that start in it, by bisection (a long line may
    hold thousands of both)."""
    starts = [start for start, _ in sentences]
    inside: list[list[int]] = [[] for _ in sentences]
    for index, m in enumerate(mentions):
        at = bisect_right(starts, m.start) - 1
        if at >= 0 and m.start < sentences[at][1]:
            inside[at].append(index)
    return list(zip(sentences, inside))


# ---------------------------------------------------------------- quotations

# Opening mark -> the marks that close it. Straight quotes close themselves.
_QUOTES = {"«": "»", "»": "«", "„": "“”", "“": "”", "‘": "’", "‹": "›", "›": "‹", '"': '"', "‚": "‘’"}
_DIALOGUE_DASH = re.compile(r"^[ \t]*[—–―]\s")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quotations in `text`, marks included.

    Every quote style of the eight languages: « » (French, Russian, Armenian,
    Azerbaijani), „ “ (German, Russian), “ ” and " " (English, Turkish),
    » « (German), ‹ ›, ‘ ’; a straight ' opens a quote only after a space and
    closes before a non-letter, so that Karabağ'da and d'Agdam are no quotes.
    A paragraph that opens with a dialogue dash is speech up to the next
    dash set off by spaces (Russian, French, Spanish dialogue).

    >>> text = 'Он сказал: «Шуша наша». Aliyev: "Şuşa bizimdir!" Karabağ\\'da'
    >>> [text[s:e] for s, e in quoted_spans(text)]
    ['«Шуша наша»', '"Şuşa bizimdir!"']
    >>> text = "— Мы вернёмся в Шуши, — сказал он."
    >>> [text[s:e] for s, e in quoted_spans(text)]
    ['— Мы вернёмся в Шуши,']
    >>> text = "Il a dit : 'Chouchi est à nous'. L'Artsakh"
    >>> [text[s:e] for s, e in quoted_spans(text)]
    ["'Chouchi est à nous'"]
    """
    spans = []
    dash = _DIALOGUE_DASH.match(text)
    if dash:
        close = re.search(r"\s[—–―]\s", text[dash.end():])
        spans.append((dash.start() + len(dash.group()) - len(dash.group().lstrip()),
                      dash.end() + close.start() if close else len(text.rstrip())))
    i = 0
    while i < len(text):
        ch = text[i]
        closers = _QUOTES.get(ch)
        if ch == "'" and (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and text[i + 1].isalpha():
            closers = "'"
        if closers:
            end = _closing(text, i + 1, ch, closers)
            if end is not None:
                spans.append((i, end + 1))
                i = end + 1
                continue
        i += 1
    return sorted(spans)


def _closing(text: str, start: int, opener: str, closers: str) -> int | None:
    """Where the quote opened at start-1 closes (nesting of the same marks counted), or None."""
    depth = 0
    for j in range(start, len(text)):
        ch = text[j]
        if ch in closers and not (ch == "'" and j + 1 < len(text) and text[j + 1].isalpha()):
            if depth == 0:
                return j
            depth -= 1
        elif ch == opener and opener not in closers:
            depth += 1
        elif ch == "\n" and text[j:j + 2] == "\n\n":
            return None  # a quote does not run over a paragraph break
    return None


# ---------------------------------------------------------------- dates

_YEAR = re.compile(r"(?<![\d.,:/])(1[0-9]{3}|20[0-9]{2})(?![\d.,:/]\d)")


def sentence_year(sentence: str, lang: str) -> int | None:
    """The earliest year the sentence speaks of (a number or a period such as "Soviet times"), or None.

    >>> sentence_year("Azerbaijan retook Shusha on 8 November 2020.", "en")
    2020
    >>> sentence_year("The road is 5 km long.", "en") is None
    True
    """
    years = [int(y) for y in _YEAR.findall(sentence)]
    periods = _period_pattern(lang)
    if periods:
        pattern, table = periods
        years += [table[fold_key(found.group())] for found in pattern.finditer(fold(sentence))]
    return min(years) if years else None


def form_valid_in(since: str | None, until: str | None, year: int) -> bool:
    """Whether a form dated `since`..`until` (ISO dates or years) was in use all through `year`.

    A year a form began or ended in does not count: "until 2020 the town was
    Madagiz" must not become Sugovushan, a name given in October 2020.

    >>> form_valid_in("1923", None, 1847), form_valid_in("1923", None, 1960)
    (False, True)
    >>> form_valid_in("2020-10-03", None, 2020), form_valid_in(None, "2020-10-03", 2019)
    (False, True)
    """
    if since and int(str(since)[:4]) >= year:
        return False
    if until and int(str(until)[:4]) <= year:
        return False
    return True


def form_valid_on(since: str | None, until: str | None, date: str) -> bool:
    """Whether a form dated `since`..`until` was in use on the ISO `date` (YYYY, YYYY-MM or YYYY-MM-DD).

    `until` is the day the next name took over: the form is no longer in use on it.

    >>> form_valid_on(None, "2020-10-03", "2020-10-02"), form_valid_on(None, "2020-10-03", "2020-10-03")
    (True, False)
    >>> form_valid_on("2020-10-03", None, "2020-10-03")
    True
    """
    day = _padded(date)
    if since and _padded(str(since)) > day:
        return False
    if until and _padded(str(until)) <= day:
        return False
    return True


def _padded(date: str) -> str:
    parts = str(date).split("-")
    return "-".join([parts[0].zfill(4)] + [p.zfill(2) for p in parts[1:]] + ["01"] * (3 - len(parts)))


# ---------------------------------------------------------------- brackets

def in_brackets(text: str, position: int) -> bool:
    """Whether `position` lies inside round or square brackets opened earlier in `text`.

    >>> in_brackets("de Agdam (y de Kalbajar)", 15), in_brackets("de Agdam (y) Kalbajar", 13)
    (True, False)
    """
    depth = 0
    for ch in text[:position]:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
    return depth > 0


# ---------------------------------------------------------------- proper names

_HYPHENATED_ENDING = re.compile("-([\u0561-\u0587]{1,6})(?![\u0531-\u0587])")


def _hyphen_suffix(letters: str) -> bool:
    from .inflect import suffix_ok

    return suffix_ok("hy", letters, hyphen=True)


class ProperNames:
    """Finds the proper names of a gazetteer in text: one folded pattern, built once.

    Russian names are found in every case (`inflect.case_forms`), the other
    languages with letters glued on (Արցախի Հանրապետությունը, Qarabağ FK-nın).

    >>> names = ProperNames([ProperName("republic_of_artsakh", "state",
    ...     {"en": ("Republic of Artsakh",), "ru": ("Республика Арцах",)})])
    >>> text = "Officials of the Republic of Artsakh said"
    >>> [(text[s:e], i) for s, e, i in names.find(text)]
    [('Republic of Artsakh', 'republic_of_artsakh')]
    >>> text = "власти Республики Арцах заявили"
    >>> [(text[s:e], i) for s, e, i in names.find(text)]
    [('Республики Арцах', 'republic_of_artsakh')]
    """

    def __init__(self, proper_names: Iterable[ProperName]):
        from .inflect import case_forms

        self.by_key: dict[str, str] = {}
        for proper in proper_names:
            for lang, spellings in proper.names.items():
                for spelling in spellings:
                    key = fold_key(spelling)
                    keys = {key}
                    if lang == "hy" and "ություն" in key:
                        # Armenian nouns in -ություն change their stem in the genitive: -ության.
                        keys.add(key.replace("ություն", "ության"))
                    if lang in ("ru", "uk"):
                        # The words agree (Нагорного Карабаха), or only the head declines (Республики Арцах).
                        head, _, rest = key.partition(" ")
                        keys |= case_forms(key) | {" ".join((f, rest)).strip() for f in case_forms(head)}
                    for k in keys:
                        self.by_key.setdefault(k, proper.id)
        if self.by_key:
            alternation = "|".join(re.escape(k).replace(r"\ ", r"\s+")
                                   for k in sorted(self.by_key, key=len, reverse=True))
            self.pattern = re.compile(rf"(?<!\w)(?:{alternation})(?:'?\w{{0,8}})?(?!\w)")
        else:
            self.pattern = None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, proper name id) of each proper name in `text`."""
        if self.pattern is None:
            return []
        found = []
        for hit in self.pattern.finditer(fold(text)):
            key = " ".join(hit.group().split())
            proper = self.by_key.get(key)
            while proper is None and key:
                key = key[:-1]
                proper = self.by_key.get(key.rstrip("'"))
            if proper:
                end = hit.end()
                ending = _HYPHENATED_ENDING.match(text, end)
                if ending and _hyphen_suffix(fold(ending.group(1))):
                    end = ending.end()  # ԼՂՀ-ի: an Armenian ending after a hyphen belongs to the name
                found.append((hit.start(), end, proper))
        return found


# ---------------------------------------------------------------- all at once

class Situation(NamedTuple):
    """How one mention is used: what forbids rewriting it, and what its sentence dates."""

    gloss: bool = False
    quoted: bool = False
    proper_name: str | None = None
    year: int | None = None
    in_brackets: bool = False


def situations(text: str, mentions: list[Named], lang: str, proper: ProperNames | None = None) -> list[Situation]:
    """The `Situation` of each mention of `text` (a paragraph), in the order given.

    >>> text = 'Aliyev said: "Şuşa is ours." The Republic of Artsakh fell. In 1847 it was Khankendi.'
    >>> names = ProperNames([ProperName("republic_of_artsakh", "state", {"en": ("Republic of Artsakh",)})])
    >>> found = situations(text, [Named(14, 18, "shusha", "shusha"), Named(45, 52, "nagorno_karabakh", "artsakh"),
    ...                           Named(74, 83, "khankendi", "khankendi")], "en", names)
    >>> [(s.quoted, s.proper_name, s.year) for s in found]
    [(True, None, None), (False, 'republic_of_artsakh', None), (False, None, 1847)]
    """
    glossed = gloss_sentences(text, mentions, lang)
    sentences = sentence_spans(text)
    years: dict[int, int | None] = {}
    sentence_of = {}
    for number, (_, inside) in enumerate(_by_sentence(sentences, mentions)):
        for index in inside:
            sentence_of[index] = number
    quotes = _Spans(_merged(quoted_spans(text)))
    propers = proper.find(text) if proper else []
    proper_spans = _Spans([(s, e) for s, e, _ in propers])
    depths = _bracket_depths(text, sorted(m.start for m in mentions))
    result = []
    for index, m in enumerate(mentions):
        number = sentence_of.get(index)
        if number not in years:
            span = sentences[number] if number is not None else (0, len(text))
            years[number] = sentence_year(text[span[0]:span[1]], lang)
        holder = proper_spans.holding(m.start, m.end)
        result.append(Situation(
            gloss=index in glossed,
            quoted=quotes.holding(m.start, m.end) is not None,
            proper_name=propers[holder][2] if holder is not None else None,
            year=years[number],
            in_brackets=depths[m.start] > 0,
        ))
    return result


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with those that overlap (a quotation inside dialogue) made one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class _Spans:
    """Sorted spans that do not overlap, asked which one holds a given span, by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def holding(self, start: int, end: int) -> int | None:
        at = bisect_right(self.starts, start) - 1
        if at >= 0 and end <= self.spans[at][1]:
            return at
        return None


def _bracket_depths(text: str, positions: list[int]) -> dict[int, int]:
    """How many brackets are open at each of the sorted positions, in one pass over the text."""
    depths, depth, cursor = {}, 0, 0
    for position in positions:
        for ch in text[cursor:position]:
            if ch in "([":
                depth += 1
            elif ch in ")]" and depth:
                depth -= 1
        cursor = max(cursor, position)
        depths[position] = depth
    return depths

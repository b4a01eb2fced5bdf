"""Offline, rule-based sentence splitting that can be undone exactly.

`split_sentences` cuts a text into sentences and keeps the whitespace
between them, so that `join_sentences` gives back the original string byte
for byte. Translation engines translate the sentences and rejoin the
translations with the original separators.

Given the text's language (as the engines do), the cuts are proposed by
sentencex (Wikimedia's rule-based segmenter, about 300 languages with their
own abbreviation lists) and the project's rules veto those it gets wrong in
news text: a cut with no whitespace (``c.-à-d.``, ``۵.۵``, the Armenian
``՜`` inside ``Ուշադրությո՜ւն``), before a lower-case letter or a digit after
an abbreviation (``10 окт. 2020``, ``yak. 1.200``), after initials and title
abbreviations (``İ. Əliyev``, ``Ген. Мехтиев``, ``Akad.``), and after a German
or Turkish ordinal (``Am 4. Oktober``, ``2. Dünya Savaşı``).
bench/bench_sentences.py scores this and other segmenters on the table of
hard cases in tests/sentence_cases.py. Without a language, the project's own
rules below find the cuts.

A sentence ends at ``. ! ? …`` (and ``?!``, ``...``), the Armenian full stop
``։``, the Arabic ``؟``, the Devanagari ``।`` or the CJK ``。！？``, plus any
closing quotes or brackets, when whitespace and then something that is not a
lower-case letter follows (CJK marks need no whitespace). A full stop does not
end a sentence after a known abbreviation (``Dr.``, ``Mr.``, ``e.g.``,
``Jan.``, ``ул.``...), a single letter (initials ``J. K.``, ``г.``,
``թ.``, ``ş.``), or a dotted acronym (``U.S.``, ``т.е.``); a full stop
between digits (``3.5``) is never followed by whitespace, so numbers stay
whole. Two line breaks (a blank line) always end a sentence.

The Armenian question, emphasis and exclamation marks ``՞ ՜ ՛`` are written
over the stressed vowel *inside* a word, so they never end a sentence; an
Armenian question still ends with ``։`` (or ``?``). Armenian text typed on a
Latin keyboard often uses an ASCII colon for ``։``: a colon after an Armenian
letter followed by an Armenian capital is treated as a full stop.

English:

>>> sentences("Dr. Smith flew to the U.S. on Monday. He paid $3.5 million, e.g. for fuel! Why? Nobody knows...")
['Dr. Smith flew to the U.S. on Monday.', 'He paid $3.5 million, e.g. for fuel!', 'Why?', 'Nobody knows...']

Russian (``г.`` and ``т.е.`` are abbreviations; a sentence may open with a quote):

>>> sentences("Встреча прошла в г. Шуша 10 окт. 2020 года. «Мы договорились», — сказал он. Т.е. спор окончен?")
['Встреча прошла в г. Шуша 10 окт. 2020 года.', '«Мы договорились», — сказал он.', 'Т.е. спор окончен?']

Armenian (``։`` is the full stop; ``՞`` inside ``Ո՞ւր`` is not a break; ``ք.`` is "city"):

>>> sentences("Շուշին գտնվում է սարահարթի վրա։ Ո՞ւր է գնում շարասյունը։ Հանդիպումը ք. Ստեփանակերտում էր։")
['Շուշին գտնվում է սարահարթի վրա։', 'Ո՞ւր է գնում շարասյունը։', 'Հանդիպումը ք. Ստեփանակերտում էր։']

With an ASCII colon standing in for ``։``:

>>> sentences("Շուշին գտնվում է սարահարթի վրա: Բանակցությունները վերսկսվեցին:")
['Շուշին գտնվում է սարահարթի վրա:', 'Բանակցությունները վերսկսվեցին:']

Azerbaijani (``İ`` is a capital; ``ş.`` is the abbreviation of "şəhər"):

>>> sentences("Prezident İ. Əliyev Şuşa ş. ərazisində çıxış etdi. İlham Əliyev bəyanat verdi! Sonra nə oldu?")
['Prezident İ. Əliyev Şuşa ş. ərazisində çıxış etdi.', 'İlham Əliyev bəyanat verdi!', 'Sonra nə oldu?']

Chinese (no spaces needed after ``。``):

>>> sentences("谈判在莫斯科恢复。双方同意停火！")
['谈判在莫斯科恢复。', '双方同意停火！']

The separators keep every bit of whitespace, so the split is lossless:

>>> parts, seps = split_sentences("  One. Two!\\n\\nThree  ")
>>> parts, seps
(['One.', 'Two!', 'Three'], ['  ', ' ', '\\n\\n', '  '])
>>> join_sentences(parts, seps) == "  One. Two!\\n\\nThree  "
True
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "join_sentences", "sentences", "ABBREVIATIONS"]

# Words that end with a full stop but rarely end a sentence. Matched against
# the word before the dot, as written or with its first letter lower-cased. Single letters and dotted
# acronyms (U.S., e.g., т.е.) are handled by rule and need not be listed.
ABBREVIATIONS = frozenset(
    """
    Mr Mrs Ms Mx Dr Prof Sr Jr St Mt Ft Gen Col Lt Maj Sgt Capt Cmdr Adm Gov Sen Rep
    Rev Hon Pres Supt Messrs vs cf approx ca No Nos Vol vol Fig fig pp Ave Blvd
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    janv févr avr juil déc ene abr ago dic km
    Sra Srta Dña Ud Uds Av Pza Mme Mlle Mgr Hr Frl Nr bzw ggf usw
    янв февр мар апр авг сент окт нояб дек гг ул пр пл просп пер кв им тыс млн млрд руб коп стр рис ср проф акад св обл р-н пгт пос
    պրն տկն պող հմր էջ
    küç pr dos akad səh şəh gen prof
    yak vb doç gen
    env hab gén mgr
    aserb jh
    pág aprox gral
    ок ген
    """.split()
)

# Abbreviations that stand before a name or a number, never at the end of a
# sentence: a capital after them does not start a new one ("Gen. Mehdiyev",
# "EE. UU.", "aserb. Şuşa"). Other abbreviations (months, units) end a
# sentence when a capital follows ("8 нояб. Город был взят.").
TITLES = frozenset(
    """
    Mr Mrs Ms Mx Dr Prof Sr Sra Srta Jr St Mt Gen Col Lt Maj Sgt Capt Cmdr Adm Gov Sen Rep Rev Hon Pres
    Gral Mme Mlle Mgr Pr gén EE aserb
    проф акад ген ул им св
    պրն տկն
    akad prof gen doç küç
    """.split()
)
# Languages that write ordinal numbers with a full stop ("am 4. Oktober").
ORDINAL_DOT = frozenset({"de", "tr", "da", "no", "nb", "nn", "fi", "et", "is", "hu", "cs", "sk",
                         "sl", "hr", "sr", "bs", "pl", "lv", "lt"})

_TERMINATORS = ".!?…։؟।"
_CJK_TERMINATORS = "。！？"
_CLOSERS = "\"'”’»)]}」』）】》›"
_OPENERS = "\"'“‘«([{「『（【《‹¿¡—–-"

# A candidate boundary: terminators (+ closers) then whitespace, or CJK
# terminators (+ closers) with optional whitespace, or an Armenian colon, or
# a blank line.
_BOUNDARY = re.compile(
    rf"""
    (?P<end>[{re.escape(_TERMINATORS)}]+[{re.escape(_CLOSERS)}]*)(?P<ws>\s+)
  | (?P<cjk>[{_CJK_TERMINATORS}]+[{re.escape(_CLOSERS)}]*)(?P<cjkws>\s*)
  | (?<=[\u0561-\u0587\u0531-\u0556]):(?P<hyws>\s+)(?=[\u0531-\u0556])
  | (?P<blank>[ \t]*\n[ \t]*\n\s*)
    """,
    re.VERBOSE,
)
_DOTTED = re.compile(r"^(?:\w{1,3}\.){2,}$")  # U.S. e.g. i.e. т.е. a.m.
_WORD_BEFORE = re.compile(r"(\S+)$")
_WINDOW = 64  # a word before a full stop is looked for this far back (keeps long lines linear)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `text[dot]` closes an abbreviation, not a sentence."""
    match = _WORD_BEFORE.search(text, max(0, dot + 1 - _WINDOW), dot + 1)
    if not match:
        return False
    word = match.group(1).lstrip(_OPENERS)
    stem = word[:-1]
    if len(stem) == 1 and stem.isalpha():  # initials, г., թ., ş.
        return True
    if _DOTTED.match(word):
        return True
    # "Պրն." / "Ул." open a sentence with a capital but are listed in lower case.
    return stem in ABBREVIATIONS or stem[:1].lower() + stem[1:] in ABBREVIATIONS


def _next_is_lower(text: str, pos: int) -> bool:
    """Whether the first letter-ish character from `pos`, past opening punctuation, is lower case."""
    while pos < len(text) and text[pos] in _OPENERS:
        pos += 1
    return pos < len(text) and text[pos].islower()


def split_sentences(text: str, lang: str | None = None) -> tuple[list[str], list[str]]:
    """Split `text` (in language `lang`, ISO 639-1, when known) into ``(sentences, separators)``.

    ``len(separators) == len(sentences) + 1``: ``separators[0]`` is the
    leading whitespace, ``separators[i + 1]`` the whitespace after sentence
    ``i`` (the last one is the trailing whitespace). Sentences are never empty
    and never start or end with whitespace. A blank text gives ``([], [text])``.

    >>> sentences("Am 4. Oktober griff die Armee an. Der Schaden beträgt 2 Mio. Euro.", "de")
    ['Am 4. Oktober griff die Armee an.', 'Der Schaden beträgt 2 Mio. Euro.']
    >>> sentences("Los EE. UU. condenaron el ataque. « No retrocederemos. » El ministro se fue.", "es")
    ['Los EE. UU. condenaron el ataque.', '« No retrocederemos. »', 'El ministro se fue.']
    """
    stripped = text.strip()
    if not stripped:
        return [], [text]
    start = len(text) - len(text.lstrip())
    stop = start + len(stripped)
    if lang:
        return _split_with_language(text, lang, start, stop)
    return _assemble(text, start, stop, _rule_cuts(text, start, stop))


def _rule_cuts(text: str, start: int, stop: int):
    """(cut, resume) of every sentence end the project's own rules see, in text order."""
    for match in _BOUNDARY.finditer(text, start, stop):
        if match.group("end") is not None:
            end = match.group("end")
            cut, resume = match.start("ws"), match.end("ws")
            paragraph = match.group("ws").count("\n") >= 2
            if not paragraph and _next_is_lower(text, resume):
                continue
            if (not paragraph and end.rstrip(_CLOSERS) == "."
                    and _is_abbreviation(text, match.start("end"))):
                continue
        elif match.group("cjk") is not None:
            cut, resume = match.start("cjkws"), match.end("cjkws")
            closed = match.group("cjk")[-1] in _CLOSERS
            if closed and cut == resume and resume < stop and text[resume] not in _OPENERS:
                continue  # 「はい。」と言った: the quote goes on
        elif match.group("hyws") is not None:
            cut, resume = match.start("hyws"), match.end("hyws")
        else:
            cut, resume = match.start("blank"), match.end("blank")
        yield cut, resume


def _assemble(text: str, start: int, stop: int, cuts) -> tuple[list[str], list[str]]:
    """Sentences and separators of `text[start:stop]` cut at `cuts`, (cut, resume) pairs in
    text order; a cut before the last resume or at the very end is passed over."""
    sentences: list[str] = []
    separators = [text[:start]]
    cursor = start
    for cut, resume in cuts:
        if resume >= stop or cut <= cursor:
            continue
        sentences.append(text[cursor:cut])
        separators.append(text[cut:resume])
        cursor = resume
    sentences.append(text[cursor:stop])
    separators.append(text[stop:])
    return sentences, separators


def _library_cuts(text: str, lang: str) -> set[int]:
    """Where sentencex ends a sentence (character offsets), or nothing if it cannot run."""
    try:
        from sentencex import get_sentence_boundaries
    except ImportError:  # not installed: the project's rules alone
        return set()
    return {b["end_index"] for b in get_sentence_boundaries(lang, text)}


def _whitespace_around(text: str, pos: int) -> tuple[int, int]:
    """The run of whitespace that touches `pos`, as (start, end); empty if there is none."""
    cut = pos
    while cut > 0 and text[cut - 1].isspace():
        cut -= 1
    resume = pos
    while resume < len(text) and text[resume].isspace():
        resume += 1
    return cut, resume


def _abbreviation_of(text: str, dot: int) -> str:
    """The word before the full stop at `text[dot]`, without opening punctuation or the dot."""
    match = _WORD_BEFORE.search(text, max(0, dot + 1 - _WINDOW), dot + 1)
    return match.group(1).lstrip(_OPENERS)[:-1] if match else ""


def _listed(stem: str, words: frozenset) -> bool:
    return stem in words or stem[:1].lower() + stem[1:] in words or stem[:1].upper() + stem[1:] in words


def _goes_on(text: str, cut: int, resume: int, lang: str) -> bool:
    """Whether a sentence proposed to end at `text[:cut]` goes on past the whitespace to `resume`."""
    if text.count("\n", cut, resume) >= 2:
        return False
    if _next_is_lower(text, resume):
        return True
    end = text[max(0, cut - _WINDOW):cut]
    if end.rstrip(_CLOSERS) != end or not end.endswith(".") or end.endswith(".."):
        return False  # ! ? ։ ؟ …, or a quotation that closed: the library's call stands
    found = _WORD_BEFORE.search(end)
    if not found:
        return False
    word = found.group(1).lstrip(_OPENERS)
    stem = word[:-1]
    nxt = text[resume:resume + 1]
    following_digit = nxt.isdigit()
    if len(stem) == 1 and stem.isalpha():
        # "İ. Əliyev", "ք. Ստեփանակերտ": an initial or a title; but a lower-case
        # one after a number is a unit that may end the sentence ("2024 г. Выборы").
        before = end[:len(end) - len(found.group(1))].rstrip()
        return not (stem.islower() and before[-1:].isdigit() and not following_digit)
    if _DOTTED.match(word):
        return True
    if stem.isdigit() and len(stem) <= 3 and lang in ORDINAL_DOT:
        return True  # "Am 4. Oktober", "2. Dünya Savaşı"
    if _listed(stem, TITLES):
        return True
    if _listed(stem, ABBREVIATIONS):
        return following_digit  # "10 окт. 2020" goes on; "8 нояб. Город" ends
    return False


def _split_with_language(text: str, lang: str, start: int, stop: int) -> tuple[list[str], list[str]]:
    """Cuts proposed by sentencex and by the project's rules, then vetoed by `_goes_on`."""
    lang = lang.lower().split("-")[0].split("_")[0]
    proposals = set()
    for pos in _library_cuts(text, lang):
        cut, resume = _whitespace_around(text, pos)
        if cut == resume:  # no whitespace: only CJK full stops cut there
            back = text[:pos].rstrip(_CLOSERS)
            if not back or back[-1] not in _CJK_TERMINATORS:
                continue
        proposals.add((cut, resume))
    for match in _BOUNDARY.finditer(text, start, stop):
        if match.group("end") is not None:
            # What the library misses: a month or unit abbreviation that ends a sentence.
            dot = match.end("end") - 1
            stem = _abbreviation_of(text, dot)
            unit = len(stem) == 1 and stem.islower()  # "2024 г. Кандидаты"
            if text[dot] == "." and (unit or _listed(stem, ABBREVIATIONS)) and not _listed(stem, TITLES):
                proposals.add((match.start("ws"), match.end("ws")))
        elif match.group("hyws") is not None:
            proposals.add((match.start("hyws"), match.end("hyws")))
        elif match.group("blank") is not None:
            proposals.add((match.start("blank"), match.end("blank")))
    kept = (pair for pair in sorted(proposals) if not _goes_on(text, *pair, lang))
    return _assemble(text, start, stop, kept)


def join_sentences(sentences: list[str], separators: list[str]) -> str:
    """Inverse of `split_sentences` (works on translated sentences too)."""
    if len(separators) != len(sentences) + 1:
        raise ValueError(
            f"{len(sentences)} sentences need {len(sentences) + 1} separators, got {len(separators)}"
        )
    out = [separators[0]]
    for sentence, separator in zip(sentences, separators[1:]):
        out.append(sentence)
        out.append(separator)
    return "".join(out)


def sentences(text: str, lang: str | None = None) -> list[str]:
    """Just the sentences of `text` (see `split_sentences`)."""
    return split_sentences(text, lang)[0]


# Languages written without spaces between sentences.
NO_SPACE = frozenset({"zh", "zt", "ja", "th", "lo", "km", "my", "bo"})


def rejoin_translated(sentences: list[str], separators: list[str], tgt: str) -> str:
    """Join translated sentences with the source's separators, fixing the space between
    sentences when only one of the two languages uses it (Chinese, Japanese, Thai)."""
    inner = separators[1:-1]
    if tgt in NO_SPACE:
        inner = ["" if sep.strip(" ") == "" else sep for sep in inner]
    else:
        inner = [sep or " " for sep in inner]
    return join_sentences(sentences, [separators[0], *inner, separators[-1]] if sentences else separators)

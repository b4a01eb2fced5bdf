"""Offline, rule-based sentence splitting that can be undone exactly.

`split_sentences` cuts a text into sentences and keeps the whitespace
between them, so that `join_sentences` gives back the original string byte
for byte. Translation engines translate the sentences and rejoin the
translations with the original separators.

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
    Sra Srta Dña Ud Uds Av Pza Mme Mlle Mgr Hr Frl Nr bzw ggf usw
    янв февр мар апр авг сент окт нояб дек гг ул пр пл просп пер кв им тыс млн млрд руб коп стр рис ср проф акад св обл р-н пгт пос
    պրն տկն պող հմր էջ
    küç pr dos akad səh
    """.split()
)

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


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `text[dot]` closes an abbreviation, not a sentence."""
    match = _WORD_BEFORE.search(text, 0, dot + 1)
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


def split_sentences(text: str) -> tuple[list[str], list[str]]:
    """Split `text` into ``(sentences, separators)``.

    ``len(separators) == len(sentences) + 1``: ``separators[0]`` is the
    leading whitespace, ``separators[i + 1]`` the whitespace after sentence
    ``i`` (the last one is the trailing whitespace). Sentences are never empty
    and never start or end with whitespace. A blank text gives ``([], [text])``.
    """
    stripped = text.strip()
    if not stripped:
        return [], [text]
    start = len(text) - len(text.lstrip())
    stop = start + len(stripped)
    sentences: list[str] = []
    separators = [text[:start]]
    cursor = start
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
        if resume >= stop or cut <= cursor:
            continue
        sentences.append(text[cursor:cut])
        separators.append(text[cut:resume])
        cursor = resume
    sentences.append(text[cursor:stop])
    separators.append(text[stop:])
    return sentences, separators


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


def sentences(text: str) -> list[str]:
    """Just the sentences of `text` (see `split_sentences`)."""
    return split_sentences(text)[0]


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

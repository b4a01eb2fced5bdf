"""Folding: how names and text are compared, one code point for one.

A folded string has exactly as many code points as the original, so an offset
into the folded text is an offset into the user's text: folding is how keys
are compared, never a change to what the user gave.

What folds together:

- case, including Turkish and Azerbaijani dotted capital I:
  ``fold("İLHAM")`` gives ``'ilham'`` (``str.lower`` would add a combining dot);
- Latin and Greek diacritics, and the letters that have none to strip:
  ``ə`` and ``ı`` (unidecode would turn ``ə`` into ``@``);
- Cyrillic ``ё`` with ``е``; other Cyrillic letters stay apart (``й`` is not ``и``);
- hyphens, dashes and every kind of white space become one space, curly and
  modifier apostrophes become ``'``.

>>> fold("Xankəndidə")
'xankendide'
>>> fold("Suqovuşan") == fold("Suqovusan") == fold("SUQOVUŞAN")
True
>>> fold("Nagorno-Karabakh")
'nagorno karabakh'
>>> fold("Степанакерте, Шушё")
'степанакерте, шуше'
>>> fold("Ստեփանակերտում")
'ստեփանակերտում'
>>> fold("Karabağ’da")
"karabag'da"
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters with no decomposition that still have an obvious plain-Latin twin.
_SPECIAL = {
    "ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
    "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h", "ß": "s", "ё": "е", "Ё": "е",
    # The Cyrillic schwa, typed for the Azerbaijani ə on keyboards that lack it: Xankәndi.
    "ә": "e", "Ә": "e",
}
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_APOSTROPHES = "\u2019\u2018\u02bc\u02bb`\u00b4\u2032"
# Folding is computed for these code points; the rest of Unicode is left as it is.
_TABLE_SIZE = 0x2100


def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch in _DASHES or ch.isspace():
        return " "
    if ch in _APOSTROPHES:
        return "'"
    lower = ch.lower()
    if len(lower) != 1:
        return ch
    cp = ord(lower)
    # Strip marks from Latin and Greek letters only: Cyrillic й and Armenian stay whole.
    if 0x00C0 <= cp < 0x0250 or 0x1E00 <= cp < 0x1F00 or 0x0370 <= cp < 0x0400:
        base = unicodedata.normalize("NFD", lower)[0]
        if base.isalpha():
            return base
    return lower


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """Code point -> folded character, for every code point that folding changes."""
    table = {}
    for cp in range(_TABLE_SIZE):
        ch = chr(cp)
        folded = _fold_char(ch)
        if folded != ch:
            table[cp] = folded
    return table


def fold(text: str) -> str:
    """Fold `text` for comparison; the result has the same length as `text`."""
    return text.translate(fold_table())


@lru_cache(maxsize=1)
def _fold_array():
    import numpy as np

    array = np.arange(0x10000, dtype=np.uint16)
    for cp, folded in fold_table().items():
        array[cp] = ord(folded)
    return array


FAST_FOLD_MIN = 4096


def fold_units(text: str):
    """Fold a large text with numpy: (folded text, its UTF-16 code units as a numpy array).

    The code units map through a table; surrogate pairs map to themselves, so
    characters outside the Basic Multilingual Plane pass through unchanged, as
    they do in `fold`. Callers that index the array by code point must check
    that it has one unit per code point (no astral characters).
    """
    import numpy as np

    units = _fold_array()[np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)]
    return units.tobytes().decode("utf-16-le", "surrogatepass"), units


def fold_fast(text: str) -> str:
    """`fold` for large texts: the same result, about ten times faster on non-ASCII text."""
    if len(text) < FAST_FOLD_MIN:
        return fold(text)
    return fold_units(text)[0]


def fold_key(name: str) -> str:
    """Fold a gazetteer name into a lookup key: folded, runs of spaces squeezed, trimmed.

    >>> fold_key("  Dağlıq   Qarabağ ")
    'dagliq qarabag'
    """
    return " ".join(fold(name).split())


# ---------------------------------------------------------------- characters that hide names

# Code points that take no room in a word: soft hyphen, zero-width space/joiner/non-joiner,
# direction marks, word joiner and invisible operators, BOM (zero-width no-break space).
_IGNORABLE = "\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
             "\u2060\u2061\u2062\u2063\u2064\ufeff"
# Combining marks (Ş written S + U+0327), fullwidth forms (Ｓｈｕｓｈａ), Latin ligatures (ﬁ).
_HIDING = re.compile(f"[{_IGNORABLE}\u0300-\u036f\uff01-\uff5e\ufb00-\ufb06]")


# Spaces that break a name as the writer meant it: beside a hyphen between two words
# ("Nagorno- Karabakh", "Nagorno -Karabakh", "Nagorno-" ending a wrapped line with "Karabakh" on
# the next), and all but one of a run between two words ("Lachin  corridor", a wrapped line
# indented: "Lachin\n   corridor"). A dash with spaces on both sides ("Baku - Yerevan") is
# punctuation and keeps them; a blank line (a new paragraph) is never crossed.
_HYPHENS = "-\u2010\u2011"
_HYPHEN_THEN_SPACE = re.compile(f"[{_HYPHENS}](?:[ \t]+\n?[ \t]*|\n[ \t]*)(?=\\w)")
_SPACE_THEN_HYPHEN = re.compile(f"[ \t]+(?=[{_HYPHENS}]\\w)")
_SPACE_RUN = re.compile("[ \t]*\n?[ \t]*")
# A hyphen left hanging before a conjunction shares the word after the next one, as German,
# Russian and the others write it (Latschin- und Sangesur-Korridor): that space is meant.
_CONJUNCTIONS = frozenset("und oder bzw sowie bis and or to et ou y e o u ni и или либо да ve veya ya "
                          "və yaxud ու եւ և կամ".split())
_WORD = re.compile("\\w+")
_ODD_SPACING = ("- ", "-\n", "-\t", " -", "\t-", "\u2010", "\u2011", "  ", "\t", "\n ", " \n")


def has_odd_spacing(text: str) -> bool:
    """Whether `text` may hold a name broken by spaces (see `_breaking_spaces`): a cheap test.

    >>> has_odd_spacing("Nagorno- Karabakh"), has_odd_spacing("Nagorno-Karabakh, Lachin corridor")
    (True, False)
    """
    return any(piece in text for piece in _ODD_SPACING)


def _breaking_spaces(text: str) -> list[int]:
    """Where the spaces lie that `compact` drops because they break a name, in order.

    >>> text = "Nagorno- Karabakh, Nagorno -Karabakh, Nagorno-\\nKarabakh; Baku - Yerevan, Nagorno-\\n\\nKarabakh"
    >>> "".join(text[position] for position in _breaking_spaces(text)) == "  \\n"
    True
    >>> _breaking_spaces("Latschin- und Sangesur-Korridor")
    []
    >>> text = "Lachin  corridor, Lachin \\n  corridor.  Shusha\\n\\nLachin"
    >>> [(position, text[position]) for position in _breaking_spaces(text)]
    [(7, ' '), (24, ' '), (26, ' '), (27, ' ')]
    """
    if not has_odd_spacing(text):
        return []
    after_word = lambda found: found.start() and text[found.start() - 1].isalnum()  # noqa: E731
    positions = [position for found in _HYPHEN_THEN_SPACE.finditer(text) if after_word(found)
                 and _WORD.match(text, found.end()).group().lower() not in _CONJUNCTIONS
                 for position in range(found.start() + 1, found.end())]
    positions += [position for found in _SPACE_THEN_HYPHEN.finditer(text) if after_word(found)
                  for position in range(found.start(), found.end())]
    for found in re.finditer("[ \t\n]{2,}", text):
        start, end = found.span()
        if start and end < len(text) and text[start - 1].isalnum() and text[end].isalnum() \
                and _SPACE_RUN.fullmatch(text, start, end):
            kept = text.find("\n", start, end)  # a line break stays one (the lines stay lines)
            positions.extend(position for position in range(start, end) if position != (start if kept < 0 else kept))
    return sorted(positions)


def needs_compacting(text: str) -> bool:
    """Whether `text` has characters that would hide a name from the matcher (see `compact`).

    >>> needs_compacting("Şuşa"), needs_compacting("S\u0327us\u0327a"), needs_compacting("Stepa\u00adnakert")
    (False, True, True)
    >>> needs_compacting("Nagorno- Karabakh"), needs_compacting("Baku - Yerevan.  Shusha")
    (True, False)
    """
    return (not text.isascii() and _HIDING.search(text) is not None) or bool(_breaking_spaces(text))


def _hiding_positions(text: str) -> list[int]:
    """Where `text` has a character `compact` drops or rewrites (ignorable, combining, fullwidth, ligature).

    Large texts are scanned with numpy over a table of the Basic Multilingual
    Plane (a soft hyphen or a combining mark in a 2 MB text should not cost a
    Python step per character); the rare characters beyond it are asked one by one.

    >>> _hiding_positions("Stepa\u00adnakert S\u0327u\uff53a")
    [5, 14, 16]
    """
    spaces = _breaking_spaces(text)
    if len(text) < FAST_FOLD_MIN:
        hiding = [position for position, char in enumerate(text) if _hides(char)]
        return sorted(hiding + spaces) if spaces else hiding
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    hiding = _hiding_array()[np.minimum(codes, 0xFFFF)]
    astral = np.flatnonzero(codes > 0xFFFF)
    if len(astral):
        hiding[astral] = [_hides(text[position]) for position in astral.tolist()]
    if spaces:
        hiding[spaces] = True
    return np.flatnonzero(hiding).tolist()


def _hides(char: str) -> bool:
    return (char in _IGNORABLE or unicodedata.combining(char) != 0
            or "\uff01" <= char <= "\uff5e" or "\ufb00" <= char <= "\ufb06")


@lru_cache(maxsize=1)
def _hiding_array():
    import numpy as np

    hiding = np.fromiter(map(unicodedata.combining, map(chr, range(0x10000))), dtype=np.uint8, count=0x10000) != 0
    hiding[[ord(char) for char in _IGNORABLE]] = True
    hiding[0xFF01:0xFF5F] = hiding[0xFB00:0xFB07] = True
    return hiding


def _segments(text: str) -> list[list]:
    """`compact`'s work as segments [start, end, char]: ``char`` None for a run copied from
    ``text[start:end]``, else one character made from ``text[start:end]``.

    Runs between the characters that hide something are kept whole, so the
    cost is in those few characters, not in the length of the text.
    """
    segments: list[list] = []
    done = 0
    for position in _hiding_positions(text):
        if position > done:
            segments.append([done, position, None])
        done = position + 1
        char = text[position]
        if char in _IGNORABLE or char.isspace():  # the only spaces here break a name (`_breaking_spaces`)
            continue
        if unicodedata.combining(char):
            if segments:
                last = segments[-1]
                if last[2] is None:
                    # The mark joins the run's last letter: that letter becomes a segment of its own.
                    run_start, run_end = last[0], last[1]
                    if run_end - 1 > run_start:
                        last[1] = run_end - 1
                    else:
                        segments.pop()
                    last = [run_end - 1, run_end, text[run_end - 1]]
                    segments.append(last)
                composed = unicodedata.normalize("NFC", last[2] + char)
                if len(composed) == 1:
                    last[2] = composed
                last[1] = position + 1
            continue
        for plain in unicodedata.normalize("NFKC", char):
            segments.append([position, position + 1, plain])
    if done < len(text):
        segments.append([done, len(text), None])
    return segments


def _joined(text: str, segments: list[list]) -> str:
    return "".join(text[start:end] if char is None else char for start, end, char in segments)


def compact(text: str) -> tuple[str, list[int], list[int]]:
    """`text` without what hides names, and where each of its characters came from.

    Returns (compact text, starts, ends): compact character ``k`` was made
    from ``text[starts[k]:ends[k]]``. Ignorable code points are dropped, a
    letter and its combining marks are composed (NFC) into one character when
    Unicode has one (Cyrillic и + breve is й) and the marks dropped otherwise
    (folding strips Latin marks anyway), and compatibility forms (fullwidth
    letters, ligatures) become their plain letters (NFKC), each with the span
    of the one character it came from.

    >>> compact("Xank\u00adəndi")[0]
    'Xankəndi'
    >>> text = "S\u0327us\u0327a"
    >>> short, starts, ends = compact(text)
    >>> short, text[starts[0]:ends[-1]] == text
    ('Şuşa', True)
    """
    segments = _segments(text)
    starts: list[int] = []
    ends: list[int] = []
    for start, end, char in segments:
        if char is None:
            starts.extend(range(start, end))
            ends.extend(range(start + 1, end + 1))
        else:
            starts.append(start)
            ends.append(end)
    return _joined(text, segments), starts, ends


def compact_arrays(text: str):
    """`compact` for large texts: the starts and ends as numpy arrays, made run by run.

    >>> short, starts, ends = compact_arrays("Xank\u00adəndi")
    >>> short, starts.tolist(), ends.tolist()
    ('Xankəndi', [0, 1, 2, 3, 5, 6, 7, 8], [1, 2, 3, 4, 6, 7, 8, 9])
    """
    import numpy as np

    segments = _segments(text)
    starts = np.empty(sum(end - start if char is None else 1 for start, end, char in segments), dtype=np.int64)
    ends = np.empty_like(starts)
    k = 0
    for start, end, char in segments:
        if char is None:
            starts[k:k + end - start] = np.arange(start, end)
            k += end - start
            ends[k - (end - start):k] = starts[k - (end - start):k] + 1
        else:
            starts[k], ends[k] = start, end
            k += 1
    return _joined(text, segments), starts, ends

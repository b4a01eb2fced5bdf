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

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import Iterable, NamedTuple

from .fold import FAST_FOLD_MIN, fold, fold_key, fold_units
from .gazetteer import Entity, Gazetteer
from .inflect import CASE_FORM_LANGS, case_forms, suffix_ok, takes_suffix

# When one spelling belongs to several languages, `lang` reports the first of these.
LANG_PREFERENCE = ("en", "ru", "hy", "az", "tr", "fr", "de", "es")

_LETTERS = re.compile(r"[^\W\d_]*")
_WORDS = re.compile(r"[^\W\d_]+")
_ALNUM, _LETTER = 1, 2


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


class Mention(NamedTuple):
    """A place named in a text: a span of the user's text and what it names.

    `start` and `end` are code-point offsets into the text given to `find`
    (end exclusive); `name` is the gazetteer spelling the surface matched,
    `lang` its language (the first of `langs` when one spelling is several
    languages').
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
        }


@dataclass(frozen=True)
class _Candidate:
    """What a folded key may be: one spelling of one form in one language."""

    entity: int
    form: str
    lang: str
    name: str
    inflected: bool


def _lang_rank(lang: str) -> int:
    return LANG_PREFERENCE.index(lang) if lang in LANG_PREFERENCE else len(LANG_PREFERENCE)


class Matcher:
    """An automaton over every spelling of a gazetteer; build once, `find` many times."""

    def __init__(self, gazetteer: Gazetteer):
        import ahocorasick_rs

        self.entities: tuple[Entity, ...] = gazetteer.entities
        candidates: dict[str, list[_Candidate]] = {}
        for index, entity in enumerate(self.entities):
            for form in entity.forms:
                for lang, spelling in form.spellings():
                    key = fold_key(spelling)
                    keys = case_forms(key) if lang in CASE_FORM_LANGS else (key,)
                    for variant in keys:
                        candidate = _Candidate(index, form.id, lang, spelling, variant != key)
                        bucket = candidates.setdefault(variant, [])
                        if candidate not in bucket:
                            bucket.append(candidate)
        self.keys: list[str] = list(candidates)
        self.candidates: list[tuple[_Candidate, ...]] = [
            tuple(sorted(candidates[k], key=lambda c: (c.inflected, _lang_rank(c.lang)))) for k in self.keys
        ]
        self._guarded = [any(self._has_guards(c) for c in cs) for cs in self.candidates]
        self._unambiguous = [len({(c.entity, c.form) for c in cs}) == 1 for cs in self.candidates]
        self._fields = [self._reading(cs[0], cs) for cs in self.candidates]
        # Scanned over UTF-16 code units: the text is folded into them with numpy anyway, and
        # a byte automaton skips decoding them back into a str (see bench/bench_find.py).
        self._scanner = ahocorasick_rs.BytesAhoCorasick([k.encode("utf-16-le") for k in self.keys])

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, text: str, langs: Iterable[str] | None = None) -> list[Mention]:
        """Every mention in `text`, in order, without overlaps; `langs` limits the names' languages."""
        wanted = frozenset(langs) if langs else None
        if len(text) >= FAST_FOLD_MIN and wanted is None:
            return self._find_large(text)
        folded = fold(text)
        data = folded.encode("utf-16-le", "surrogatepass")
        hits = self._scanner.find_matches_as_indexes(data, overlapping=True)
        if not hits:
            return []
        to_code_point = _code_point_index(folded, len(data) // 2)
        found = []
        for index, byte_start, byte_end in hits:
            if byte_start % 2 == 0:
                hit = self._check(text, folded, to_code_point(byte_end // 2) - 1, index, wanted)
                if hit:
                    found.append(hit)
        return self._resolve(text, self._longest(found))

    def _find_large(self, text: str) -> list[Mention]:
        """`find` for a large text: numpy settles the plain hits at once, the rest go one by one.

        A hit is plain when it stands on a word boundary, has no letters glued
        to it, no apostrophe suffix, one reading and no guards: then it is a
        mention as it is. The result is the same as `_check` on every hit.
        """
        import numpy as np

        folded, units = fold_units(text)
        hits = self._scanner.find_matches_as_indexes(units.tobytes(), overlapping=True)
        if not hits:
            return []
        index, byte_start, byte_end = np.array(hits, dtype=np.int64).T
        aligned = byte_start % 2 == 0
        index, end = index[aligned], byte_end[aligned] // 2
        if len(units) != len(text):
            # Characters beyond the BMP take two code units: count code points instead.
            low_surrogate = (units >= 0xDC00) & (units <= 0xDFFF)
            end -= np.concatenate(([0], np.cumsum(low_surrogate)))[end]
            units = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
        tables = self._tables
        start = end - tables["length"][index]
        size = len(units)
        classes = tables["classes"][np.minimum(units, 0xFFFF)]
        boundary = (start == 0) | (classes[np.maximum(start - 1, 0)] & _ALNUM == 0)
        after = np.minimum(end, size - 1)
        glued = (end < size) & (classes[after] & _LETTER != 0)
        apostrophe = (end + 1 < size) & (units[after] == ord("'"))
        # Letters glued to a name whose languages take no suffix make it part of another word.
        boundary &= ~glued | tables["glue"][index]
        plain = boundary & ~glued & ~(apostrophe & tables["apostrophe"][index]) & tables["single"][index]
        candidates, found = self.candidates, []
        for s, e, i, guarded in zip(start[plain].tolist(), end[plain].tolist(), index[plain].tolist(),
                                    tables["guarded"][index[plain]].tolist()):
            if not guarded or self._guards_pass(text, folded, s, e, candidates[i][0].entity):
                found.append((s, e, candidates[i], i))
        rest = boundary & ~plain
        for hit_end, hit_index in zip(end[rest].tolist(), index[rest].tolist()):
            checked = self._check(text, folded, hit_end - 1, hit_index, None)
            if checked:
                found.append(checked)
        return self._resolve(text, self._longest(found))

    def _check(self, text: str, folded: str, last: int, index: int, wanted) -> tuple | None:
        """One hit ending at `last`: (start, end, candidates, key index or -1) if it is a mention."""
        start = last + 1 - len(self.keys[index])
        if start > 0 and folded[start - 1].isalnum():
            return None
        choices = self.candidates[index]
        if wanted is not None:
            choices = tuple(c for c in choices if c.lang in wanted)
        end = last + 1
        suffix_end = _LETTERS.match(folded, end).end()
        if suffix_end > end:
            suffix = folded[end:suffix_end]
            choices = tuple(c for c in choices if not c.inflected and suffix_ok(c.lang, suffix))
            end = suffix_end
        elif end + 1 < len(folded) and folded[end] == "'":
            end = self._apostrophe_suffix(folded, end, choices)
        if self._guarded[index]:
            choices = tuple(c for c in choices if self._guards_pass(text, folded, start, end, c.entity))
        if not choices:
            return None
        return start, end, choices, (index if choices is self.candidates[index] else -1)

    @cached_property
    def _tables(self) -> dict:
        import numpy as np

        classes = np.zeros(0x10000, dtype=np.uint8)
        for code in range(0x10000):
            char = chr(code)
            classes[code] = (_ALNUM if char.isalnum() else 0) | (_LETTER if char.isalpha() else 0)
        return {
            "length": np.array([len(k) for k in self.keys], dtype=np.int64),
            "single": np.array(self._unambiguous),
            "guarded": np.array(self._guarded),
            "glue": np.array([any(not c.inflected and takes_suffix(c.lang) for c in cs) for cs in self.candidates]),
            "apostrophe": np.array([any(takes_suffix(c.lang, True) for c in cs) for cs in self.candidates]),
            "classes": classes,
        }

    @staticmethod
    def _apostrophe_suffix(folded: str, end: int, choices: tuple[_Candidate, ...]) -> int:
        """Karabağ'da: take the suffix after an apostrophe into the mention where the language does that."""
        suffix_end = _LETTERS.match(folded, end + 1).end()
        suffix = folded[end + 1:suffix_end]
        if suffix and any(suffix_ok(c.lang, suffix, apostrophe=True) for c in choices):
            return suffix_end
        return end

    def _has_guards(self, candidate: _Candidate) -> bool:
        guards = self.entities[candidate.entity].guards
        return bool(guards.proper_case or guards.not_after or guards.not_before)

    def _guards_pass(self, text: str, folded: str, start: int, end: int, entity: int) -> bool:
        guards = self.entities[entity].guards
        if guards.proper_case and not text[start].isupper():
            return False
        if guards.not_after:
            before = _WORDS.findall(folded, max(0, start - 40), start)
            if before and before[-1] in guards.not_after:
                return False
        if guards.not_before:
            after = _WORDS.search(folded, end, end + 40)
            if after and after.group() in guards.not_before:
                return False
        return True

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
        mentions = []
        for start, end, choices, index in found:
            if index >= 0 and unambiguous[index]:
                mentions.append(new(Mention, (start, end, text[start:end]) + fields[index]))
                continue
            best = choices[0]
            if len(choices) > 1:
                chosen = max(choices, key=lambda c: settled[(c.entity, c.form)])
                if settled[(chosen.entity, chosen.form)]:
                    best = chosen
            mentions.append(Mention(start, end, text[start:end], *self._reading(best, choices)))
        return mentions

    def _settled(self, found: list) -> Counter:
        """How often the text names each (entity, form) unambiguously."""
        settled: Counter = Counter()
        for _, _, choices, _ in found:
            first = choices[0]
            if all((c.entity, c.form) == (first.entity, first.form) for c in choices):
                settled[(first.entity, first.form)] += 1
        return settled

    def _reading(self, best: _Candidate, choices: tuple[_Candidate, ...]) -> tuple:
        """The Mention fields after the span for reading `best` among `choices`."""
        entity = self.entities[best.entity]
        langs = tuple(dict.fromkeys(c.lang for c in choices if (c.entity, c.form) == (best.entity, best.form)))
        return entity.id, entity.kind, best.form, best.lang, best.name, langs


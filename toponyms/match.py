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
from typing import Iterable

from .fold import fold_fast, fold_key
from .gazetteer import Entity, Gazetteer
from .inflect import APOSTROPHE_SUFFIX_LANGS, CASE_FORM_LANGS, case_forms, suffix_ok

# When one spelling belongs to several languages, `lang` reports the first of these.
LANG_PREFERENCE = ("en", "ru", "hy", "az", "tr", "fr", "de", "es")

_LETTERS = re.compile(r"[^\W\d_]*")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w]*\Z")
_WORD_AFTER = re.compile(r"[^\w]*([^\W\d_]+)")


@dataclass(frozen=True)
class Mention:
    """A place named in a text: a span of the user's text and what it names."""

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
        import ahocorasick

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
        automaton = ahocorasick.Automaton()
        for index, key in enumerate(self.keys):
            automaton.add_word(key, index)
        automaton.make_automaton()
        self._automaton = automaton

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, text: str, langs: Iterable[str] | None = None) -> list[Mention]:
        """Every mention in `text`, in order, without overlaps; `langs` limits the names' languages."""
        wanted = frozenset(langs) if langs else None
        folded = fold_fast(text)
        found: list[tuple[int, int, str, tuple[_Candidate, ...]]] = []
        for last, index in self._automaton.iter(folded):
            start = last + 1 - len(self.keys[index])
            if start > 0 and folded[start - 1].isalnum():
                continue
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
            choices = tuple(c for c in choices if self._guards_pass(text, folded, start, end, c))
            if choices:
                found.append((start, end, folded[start:end], choices))
        return self._resolve(text, self._longest(found))

    @staticmethod
    def _apostrophe_suffix(folded: str, end: int, choices: tuple[_Candidate, ...]) -> int:
        """Karabağ'da: take the suffix after an apostrophe into the mention where the language does that."""
        suffix_end = _LETTERS.match(folded, end + 1).end()
        suffix = folded[end + 1:suffix_end]
        if suffix and any(c.lang in APOSTROPHE_SUFFIX_LANGS and suffix_ok(c.lang, suffix) for c in choices):
            return suffix_end
        return end

    def _guards_pass(self, text: str, folded: str, start: int, end: int, candidate: _Candidate) -> bool:
        guards = self.entities[candidate.entity].guards
        if guards.proper_case and not text[start].isupper():
            return False
        if guards.not_after:
            before = _WORD_BEFORE.search(folded, max(0, start - 40), start)
            if before and before.group(1) in guards.not_after:
                return False
        if guards.not_before:
            after = _WORD_AFTER.match(folded, end, end + 40)
            if after and after.group(1) in guards.not_before:
                return False
        return True

    @staticmethod
    def _longest(found: list) -> list:
        """Leftmost, then longest, without overlaps (Upper Karabakh before Karabakh)."""
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
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
        settled: Counter = Counter()
        for _, _, _, choices in found:
            first = choices[0]
            if all((c.entity, c.form) == (first.entity, first.form) for c in choices):
                settled[(first.entity, first.form)] += 1
        mentions = []
        for start, end, _, choices in found:
            best = max(choices, key=lambda c: settled[(c.entity, c.form)]) if len(choices) > 1 else choices[0]
            if settled[(best.entity, best.form)] == 0:
                best = choices[0]
            entity = self.entities[best.entity]
            langs = tuple(dict.fromkeys(c.lang for c in choices if (c.entity, c.form) == (best.entity, best.form)))
            mentions.append(Mention(start, end, text[start:end], entity.id, entity.kind,
                                    best.form, best.lang, best.name, langs))
        return mentions

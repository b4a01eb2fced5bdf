"""Sentence splitting given the language: the table of hard cases in tests/sentence_cases.py."""

from __future__ import annotations

import pytest

try:
    from sentence_cases import CASES, text_of
except ImportError:  # pragma: no cover
    from tests.sentence_cases import CASES, text_of

from toponyms.translate.sentences import join_sentences, split_sentences

TABLE = [(lang, case) for lang, cases in CASES.items() for case in cases]


def test_table_covers_every_language_with_enough_cases():
    assert set(CASES) == {"en", "az", "hy", "ru", "tr", "fr", "de", "es", "fa"}
    assert all(len(cases) >= 15 for cases in CASES.values())


@pytest.mark.parametrize("lang,case", TABLE, ids=[f"{lang}-{n}" for lang, cases in CASES.items()
                                                  for n in range(len(cases))])
def test_hard_case(lang, case):
    text = text_of(case)
    parts, separators = split_sentences(text, lang)
    assert parts == case
    assert join_sentences(parts, separators) == text


@pytest.mark.parametrize("text,lang", [
    ("  Am 4. Oktober.\n\nDer 2. Weltkrieg!  ", "de"),
    ("\tL'ONU, c.-à-d. le Conseil, s'est réunie.   Oui.\n", "fr"),
    ("Ուշադրությո՜ւն։ Ճանապարհը փակ է։\n", "hy"),
    ("谈判在莫斯科恢复。双方同意停火！", "zh"),
    ("جاده ۵.۵ کیلومتر طول دارد. از دالان لاچین می‌گذرد.", "fa"),
])
def test_split_is_lossless_and_never_cuts_inside_a_word(text, lang):
    parts, separators = split_sentences(text, lang)
    assert join_sentences(parts, separators) == text
    assert all(part == part.strip() and part for part in parts)
    words = text.split()
    for part in parts:
        assert part.split()[0] in words or "。" in text  # every sentence starts on a word boundary


def test_paragraphs_always_cut():
    parts, separators = split_sentences("Prof. Dr.\n\nNext paragraph", "en")
    assert parts == ["Prof. Dr.", "Next paragraph"] and separators[1] == "\n\n"

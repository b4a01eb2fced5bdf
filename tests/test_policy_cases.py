"""The naming-policy cases of tests/policy_cases/: sentences of our own in all eight languages.

Under each convention: every gloss, quotation, proper name and dated statement comes out
unchanged, with no rival added even when every mention asks for one; plain mentions come out
exactly as written in the case file (form, language, script, inflection).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import sys

import pytest

from toponyms.render import Policy
from toponyms.translate.engines.identity import NoneEngine
from toponyms.translate.pipeline import DocumentTranslator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from policy_set import CONVENTIONS, LANGS, read_cases as read_case_file  # noqa: E402

CASES = Path(__file__).resolve().parent / "policy_cases"
KEPT_CLASSES = ("gloss", "quoted", "proper", "dated")


def read_cases(lang: str) -> list[tuple[str, str, dict[str, str]]]:
    return read_case_file(CASES, lang)


@pytest.fixture(scope="module")
def translators(gazetteer, matcher):
    return {(convention, rival): DocumentTranslator(NoneEngine(), gazetteer, matcher, Policy(convention, rival))
            for convention in CONVENTIONS for rival in ("none", "every")}


def outcomes(translators, lang: str):
    for kind, source, expected in read_cases(lang):
        for convention in CONVENTIONS:
            got = translators[(convention, "none")].translate(source, lang, lang).text
            yield kind, source, convention, got, expected.get(convention, source)


@pytest.mark.parametrize("lang", LANGS)
def test_case_files_are_full(lang):
    cases = read_cases(lang)
    kinds = Counter(kind for kind, _, _ in cases)
    assert len(cases) >= 20
    assert set(kinds) == {"plain", *KEPT_CLASSES}, kinds
    assert all(set(expected) <= set(CONVENTIONS) for _, _, expected in cases)


@pytest.mark.parametrize("lang", LANGS)
def test_kept_classes_come_out_unchanged(translators, lang):
    wrong = [(convention, source, got) for kind, source, convention, got, expected in outcomes(translators, lang)
             if kind in KEPT_CLASSES and got != source]
    assert not wrong


@pytest.mark.parametrize("lang", LANGS)
def test_no_rival_is_added_to_a_kept_name(translators, lang):
    for kind, source, _ in read_cases(lang):
        if kind in KEPT_CLASSES:
            for convention in CONVENTIONS:
                assert translators[(convention, "every")].translate(source, lang, lang).text == source


@pytest.mark.parametrize("lang", LANGS)
def test_plain_mentions_are_exactly_right(translators, lang):
    wrong = [(convention, source, got, expected)
             for kind, source, convention, got, expected in outcomes(translators, lang)
             if kind == "plain" and got != expected]
    assert not wrong


@pytest.mark.parametrize("lang, tgt", [("en", "es"), ("es", "en"), ("fr", "es")])
def test_kept_classes_keep_their_form_through_apertium(gazetteer, matcher, lang, tgt):
    """Translated, a kept name is its own form in the output's language, with no rival beside it."""
    import shutil

    if shutil.which("apertium") is None:
        pytest.skip("apertium is not installed")
    from toponyms.translate.engines.apertium import ApertiumEngine

    engine = ApertiumEngine()
    if (lang, tgt) not in engine.modes():
        pytest.skip(f"no apertium pair {lang}-{tgt}")
    kept = [source for kind, source, _ in read_cases(lang) if kind in KEPT_CLASSES]
    for convention in CONVENTIONS:
        translator = DocumentTranslator(engine, gazetteer, matcher, Policy(convention, "every"))
        for translation in translator.translate_many([(source, "txt", source) for source in kept], lang, tgt):
            for row in translation.placements:
                assert row.target_form == row.source_form and not row.alternate_shown, (convention, row)
                assert row.placement != "inserted", row

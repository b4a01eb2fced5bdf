"""The annotated recognition set (bench/recognition/) reads, and its marks are sound.

Failures name a file and line, never a held-out sentence: the held-out
split stays unread by people who tune the matcher.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from recognition_set import (  # noqa: E402
    ROOT, RecognitionSetError, files, new_ids, parse_line, read_file, read_set, sources,
)

MIN_SENTENCES = 50
MIN_NEGATIVES = 15


@pytest.fixture(scope="module")
def sentences():
    return read_set()


@pytest.fixture(scope="module")
def known_ids(gazetteer):
    return {entity.id for entity in gazetteer.entities} | new_ids()


def test_every_file_parses():
    assert files(), "no annotated sentences under bench/recognition"
    for split, lang, path in files():
        assert split in ("dev", "heldout")
        read_file(path, lang, split)


def test_a_mark_becomes_a_span_of_the_plain_sentence():
    sentence = parse_line("Ночью [[Шушу|shusha]] обстреляли со стороны [[Ханкенди|khankendi]].", "ru")
    assert sentence.text == "Ночью Шушу обстреляли со стороны Ханкенди."
    assert [(g.surface, g.entity_id, sentence.text[g.start:g.end]) for g in sentence.gold] == [
        ("Шушу", "shusha", "Шушу"), ("Ханкенди", "khankendi", "Ханкенди")]


@pytest.mark.parametrize("line", [
    "[[Шушу|Shusha]] here",       # ids are lower-case snake_case
    "[[|shusha]] here",           # no surface
    "[[Шушу|shusha] here",        # unbalanced
    "[[ Шушу|shusha]] here",      # padded surface
])
def test_a_bad_mark_is_refused(line):
    with pytest.raises(RecognitionSetError):
        parse_line(line, "ru")


def test_held_out_parts_follow_their_marker_lines(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("# source: https://a.example/1\nIn [[Goris|goris]].\n"
                    "# held-out v3 (written blind)\n# source: https://a.example/2\nIn [[Kapan|kapan]].\n"
                    "# held-out v4\nIn [[Sisian|sisian]].\n", encoding="utf-8")
    assert [s.part for s in read_file(path, "en", "heldout")] == ["v2", "v3", "v4"]
    assert [s.part for s in read_file(path, "en", "dev")] == ["", "v3", "v4"]


def test_every_held_out_sentence_has_a_part(sentences):
    parts = Counter(s.part for s in sentences if s.split == "heldout")
    assert "" not in parts and len(parts) >= 4, parts


def test_every_marked_surface_is_a_whole_word_of_its_sentence(sentences):
    bad = []
    for sentence in sentences:
        for gold in sentence.gold:
            inside = sentence.text[gold.start:gold.end] == gold.surface
            before = sentence.text[gold.start - 1] if gold.start else " "
            after = sentence.text[gold.end] if gold.end < len(sentence.text) else " "
            if not inside or before.isalnum() or after.isalnum():
                bad.append(f"{sentence.where} ({gold.entity_id})")
    assert not bad, f"marks that cut a word: {bad}"


def test_every_id_is_a_gazetteer_entity_or_listed_as_new(sentences, known_ids):
    unknown = sorted({f"{g.entity_id} ({s.where})" for s in sentences for g in s.gold
                      if g.entity_id not in known_ids})
    assert not unknown, f"ids neither in the gazetteer nor in NEW_IDS.md: {unknown}"


def test_new_ids_follow_the_id_rules():
    listed = new_ids()
    assert listed
    assert all(entity_id.isascii() and entity_id == entity_id.lower() for entity_id in listed)


def test_each_page_is_on_one_side_only(sentences):
    both = sorted(page for page, splits in sources(sentences).items() if len(splits) > 1)
    assert not both, f"pages with sentences in dev and heldout: {both}"


def test_every_sentence_cites_its_page(sentences):
    assert not [s.where for s in sentences if not s.source]


def test_each_language_has_enough_sentences_and_negatives(sentences):
    counts = Counter(s.lang for s in sentences)
    negatives = Counter(s.lang for s in sentences if s.negative)
    short = {lang: (counts[lang], negatives[lang]) for lang in counts
             if counts[lang] < MIN_SENTENCES or negatives[lang] < MIN_NEGATIVES}
    assert not short, f"(sentences, negatives) below {MIN_SENTENCES}/{MIN_NEGATIVES}: {short}"


def test_both_splits_exist_for_each_language(sentences):
    splits = {(s.lang, s.split) for s in sentences}
    langs = {lang for lang, _ in splits}
    missing = sorted(f"{split}/{lang}" for lang in langs for split in ("dev", "heldout") if (lang, split) not in splits)
    assert not missing, f"languages without a dev or a held-out file: {missing}"


def test_the_bench_runs_and_prints_no_heldout_sentence():
    import subprocess

    result = subprocess.run([sys.executable, str(BENCH / "bench_recognition.py"), "--show", "dev", "--json"],
                            capture_output=True, text=True, check=True)
    import json

    figures = json.loads(result.stdout)
    assert {row["split"] for row in figures["languages"]} <= {"dev", "heldout"}
    for row in figures["languages"]:
        for system in ("tool", "glossary"):
            assert 0.0 <= row[system]["recall"] <= 1.0 and 0.0 <= row[system]["precision"] <= 1.0
    held_out = {s.text for s in read_set(ROOT, ("heldout",))}
    shown = subprocess.run([sys.executable, str(BENCH / "bench_recognition.py"), "--show", "dev"],
                           capture_output=True, text=True, check=True).stdout
    assert not [text for text in held_out if text in shown]


def test_by_page_hands_each_sentence_its_own_spans(gazetteer):
    # The glossary reads no context, so a page searched at once must give each sentence exactly the
    # spans it gets alone: offsets shifted back, nothing given to the wrong sentence.
    from bench_recognition import Glossary, by_page

    dev = read_set(ROOT, ("dev",))
    glossary = Glossary(gazetteer)
    alone = [glossary.find(sentence.text) for sentence in dev]
    paged = by_page(lambda text, lang: glossary.find(text))(dev)
    assert paged == alone
    assert sum(map(len, paged)) > 1000

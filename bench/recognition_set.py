"""Reading the annotated recognition sentences in bench/recognition/.

One file per language and split (`dev/ru.txt`, `heldout/ru.txt`), one
sentence a line, UTF-8:

    # source: https://the.page/it/came/from     (applies to the lines below it)
    # class: negative-person                    (tag for the lines below, until the next # class)
    # held-out v5                               (the part the lines below belong to, until the next)
    Ночью [[Шушу|shusha]] обстреляли со стороны [[Ханкенди|khankendi]].

`[[surface|entity_id]]` marks a place; the surface is the text exactly as the
page printed it, inflection included. Unmarked text is not a place. Ids not
yet in the gazetteer are listed in NEW_IDS*.md beside the split directories.

The held-out split was written in parts, each by someone who never ran the
tool on it, on pages nobody had used: a `# held-out vN` line opens part vN
(lines before the first such line are part v2, the first one kept aside), so
that each part's figures can be followed on their own (`Sentence.part`).

>>> sentence = parse_line("Ночью [[Шушу|shusha]] обстреляли.", lang="ru")
>>> sentence.text, [(g.start, g.end, g.surface, g.entity_id) for g in sentence.gold]
('Ночью Шушу обстреляли.', [(6, 10, 'Шушу', 'shusha')])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "recognition"
SPLITS = ("dev", "heldout")
LANGS = ("en", "az", "hy", "ru", "tr", "fr", "de", "es")
NEGATIVE_PREFIX = "negative"

_MARK = re.compile(r"\[\[([^\[\]|]*)\|([^\[\]|]*)\]\]")
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_PART = re.compile(r"#\s*held-out\s+(v\d+)\b")
FIRST_HELDOUT_PART = "v2"
# A new id opens a list item ("- `id`: ...") or a table row ("| id | place | ... |", the header's "id" aside).
_LISTED_ID = re.compile(r"^\s*(?:[-*]\s*`([a-z][a-z0-9_]*)`|\|\s*`?([a-z][a-z0-9_]*)`?\s*\|)", re.MULTILINE)


class RecognitionSetError(ValueError):
    """A line of the set that cannot be read: the message names file and line."""


@dataclass(frozen=True)
class Gold:
    """A place marked by hand: a span of the plain sentence and the entity it names."""

    start: int
    end: int
    surface: str
    entity_id: str


@dataclass(frozen=True)
class Sentence:
    """One annotated sentence, its marks removed, with where it came from."""

    text: str
    gold: tuple[Gold, ...]
    lang: str
    split: str = ""
    source: str | None = None
    tag: str | None = None
    part: str = ""
    path: str = ""
    line: int = 0

    @property
    def negative(self) -> bool:
        """True for sentences tagged as a negative class (people, products, adjectives...)."""
        return bool(self.tag) and self.tag.startswith(NEGATIVE_PREFIX)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def parse_line(raw: str, lang: str, **context) -> Sentence:
    """A sentence from one annotated line: plain text and gold spans in it."""
    pieces, gold = [], []
    length, position = 0, 0
    for mark in _MARK.finditer(raw):
        before = raw[position:mark.start()]
        pieces.append(before)
        length += len(before)
        surface, entity_id = mark.group(1), mark.group(2).strip()
        if not surface.strip() or surface != surface.strip():
            raise RecognitionSetError(f"empty or padded surface in {mark.group(0)!r}")
        if not _ID.match(entity_id):
            raise RecognitionSetError(f"bad entity id {entity_id!r} in {mark.group(0)!r}")
        gold.append(Gold(length, length + len(surface), surface, entity_id))
        pieces.append(surface)
        length += len(surface)
        position = mark.end()
    pieces.append(raw[position:])
    text = "".join(pieces)
    if "[[" in text or "]]" in text:
        raise RecognitionSetError("unbalanced [[ ]] mark")
    return Sentence(text, tuple(gold), lang, **context)


def read_file(path: Path, lang: str, split: str = "") -> list[Sentence]:
    """Every sentence of one file; blank lines and comments skipped, `# source:`/`# class:` applied."""
    sentences = []
    source = tag = None
    part = FIRST_HELDOUT_PART if split == "heldout" else ""
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            opened = _PART.match(line)
            if opened:
                part = opened.group(1)
                continue
            key, _, value = line[1:].partition(":")
            key, value = key.strip().lower(), value.strip()
            if key == "source":
                source = value or None
            elif key == "class":
                tag = value or None
            continue
        try:
            sentences.append(parse_line(line, lang, split=split, source=source, tag=tag, part=part,
                                        path=str(path), line=number))
        except RecognitionSetError as error:
            raise RecognitionSetError(f"{path}:{number}: {error}") from None
    return sentences


def files(root: Path = ROOT, splits=SPLITS) -> list[tuple[str, str, Path]]:
    """(split, lang, path) of every set file present, in split then language order."""
    found = []
    for split in splits:
        directory = Path(root) / split
        if directory.is_dir():
            for path in sorted(directory.glob("*.txt")):
                found.append((split, path.stem, path))
    return found


def read_set(root: Path = ROOT, splits=SPLITS, langs=None) -> list[Sentence]:
    """Every sentence of the chosen splits (and languages) under `root`."""
    sentences = []
    for split, lang, path in files(root, splits):
        if langs is None or lang in langs:
            sentences.extend(read_file(path, lang, split))
    return sentences


def new_ids(root: Path = ROOT) -> set[str]:
    """Ids listed (as "- `id`: ..." or in a table's first column) in NEW_IDS*.md: places the gazetteer
    does not know yet."""
    listed = set()
    for path in sorted(Path(root).glob("NEW_IDS*.md")):
        listed.update(item or row for item, row in _LISTED_ID.findall(path.read_text(encoding="utf-8")))
    return listed - {"id"}


def sources(sentences) -> dict[str, set[str]]:
    """Source page -> the splits its sentences are in (a page must sit on one side only)."""
    by_page: dict[str, set[str]] = {}
    for sentence in sentences:
        if sentence.source:
            by_page.setdefault(sentence.source, set()).add(sentence.split)
    return by_page


@dataclass
class Tally:
    """Counts for recall and precision; `overlap` is the lenient score, `exact` the strict one."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    correct: int = 0
    found_exact: int = 0
    correct_exact: int = 0
    sentences: int = 0
    misses: list = field(default_factory=list)
    false_hits: list = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in ("gold", "predicted", "found", "correct", "found_exact", "correct_exact", "sentences"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)
        self.false_hits.extend(other.false_hits)

    @staticmethod
    def _ratio(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def figures(self, exact: bool = False) -> dict:
        found, correct = (self.found_exact, self.correct_exact) if exact else (self.found, self.correct)
        recall = self._ratio(found, self.gold)
        precision = self._ratio(correct, self.predicted)
        f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
        return {"recall": recall, "precision": precision, "f1": f1}


def score(sentence: Sentence, predicted) -> Tally:
    """Compare predicted (start, end, entity_id) spans with a sentence's gold.

    A prediction is correct when it overlaps a gold span of the same entity;
    a gold span is found when a correct prediction overlaps it. The exact
    figures ask for the same span as well.
    """
    tally = Tally(gold=len(sentence.gold), predicted=len(predicted), sentences=1)

    def overlaps(a_start, a_end, b: Gold) -> bool:
        return a_start < b.end and b.start < a_end

    for start, end, entity_id in predicted:
        same = [g for g in sentence.gold if g.entity_id == entity_id and overlaps(start, end, g)]
        if same:
            tally.correct += 1
            tally.correct_exact += any(g.start == start and g.end == end for g in same)
        else:
            tally.false_hits.append((sentence, start, end, entity_id))
    for gold in sentence.gold:
        hits = [(s, e) for s, e, i in predicted if i == gold.entity_id and overlaps(s, e, gold)]
        if hits:
            tally.found += 1
            tally.found_exact += (gold.start, gold.end) in hits
        else:
            tally.misses.append((sentence, gold))
    return tally

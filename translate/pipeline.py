"""The document pipeline: deformat, find names, translate, place names, reformat.

`translate_text(text, ...)` returns the translated text and a `Placement` for
every place the source names: where it was in the source, what the output
calls it, and how it got there. Engines do not keep names intact on their own,
so each mention is placed by the first of these that works:

- ``kept``: the output already names the place in the chosen rendering;
- ``rewritten``: the output names the place another way (another form, a
  misspelling the gazetteer knows), which is rewritten in place;
- ``engine-rendering``: the output has the engine's own rendering of the
  source name ("Superior Karabakh"), which is rewritten in place;
- ``protected``: the sentence is translated again with the names replaced by
  placeholders the engine passes through, and the names are put back;
- ``inserted``: as a last resort the name is added, visibly, in brackets at
  the end of the segment, so that no mention is ever dropped.

A mention in a sentence about names (a gloss: "Shusha, or Shushi as Armenians
know it") is recorded as ``gloss``: every name of such a sentence keeps its
own form and no rival is added. Names inside quotations keep the speaker's
form (unless the policy says otherwise), names inside proper names (Republic
of Artsakh) keep theirs, and a sentence dated before a form existed keeps the
form of its time (see `toponyms.situation`).

Segments without a place name come out exactly as the engine gives them, and
a segment translated again never has words outside its names changed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from toponyms.situation import Named, ProperNames, Situation, situations
from toponyms.agreement import UNSURE, agree, agree_predicate, agree_romance
from toponyms.fold import fold, fold_key
from toponyms.gazetteer import Gazetteer, district_id, town_id
from toponyms.inflect import adjust_article, name_article, reinflect
from toponyms.match import Matcher, Mention
from toponyms.render import Choice, Policy, choose, with_rival
from toponyms.translate.engines.base import Engine
from toponyms.translate.formats import (Piece, context_text, join_document, split_document, text_format,
                                       translated_piece, written_bounds)

PLACEMENTS = ("kept", "rewritten", "engine-rendering", "protected", "inserted", "gloss")


@dataclass(frozen=True)
class Placement:
    """One row of the record: a place named in the source and what the output says for it."""

    doc: str
    id: str
    kind: str
    source_text: str
    source_start: int
    source_end: int
    source_lang: str
    source_form: str
    target_text: str
    target_form: str
    alternate_text: str | None
    alternate_shown: bool
    target_start: int | None
    target_end: int | None
    target_lang: str
    placement: str
    engine: str
    quoted: bool = False
    rendering: str = "gazetteer"  # "derived": transliterated, the gazetteer has no rendering there
    why: str = "source"  # see `toponyms.render.Choice`
    proper_name: str | None = None

    def to_json(self) -> dict:
        # Not dataclasses.asdict: it deep-copies every value, a third of a cached rerun's time.
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class Translation:
    """A translated document and the record of every place in it."""

    text: str
    placements: list[Placement]
    source_lang: str
    target_lang: str
    engine: str

    def summary(self) -> Counter:
        """Mentions per (place, source form, target form)."""
        return Counter((p.id, p.source_form, p.target_form) for p in self.placements)


@dataclass
class _Slot:
    """A source mention on its way into the output."""

    mention: Mention
    choice: Choice
    show_rival: bool
    situation: Situation = Situation()
    span: tuple[int, int] | None = None  # in the target segment, of the text written
    written: str = ""
    name_length: int = 0
    how: str = ""
    # Words agree with the name in a way the new name cannot be agreed with for sure: the sentence
    # keeps its name as written and the chosen name is added in brackets (never a broken form).
    unsure: bool = False


@dataclass
class _Segment:
    source: str
    source_offset: int
    slots: list[_Slot] = field(default_factory=list)
    target: str = ""
    engine_output: str = ""  # the engine's first translation, before any name was placed
    lang: str = ""  # the target language
    # Where each offset of `source` falls in the document as given (html: after "&amp;" and the
    # like); None when they are the same.
    source_offsets: list[int] | None = None
    # The same for the end of a span where they differ: a name ending before an inline tag.
    source_ends: list[int] | None = None

    def in_document(self, offset: int, end: bool = False) -> int:
        """A source offset of this segment (`end`: the end of a span) as an offset into the user's document."""
        offsets = self.source_ends if end and self.source_ends else self.source_offsets
        return self.source_offset + (offsets[offset] if offsets else offset)


@lru_cache(maxsize=16)
def _placeholder_regex(template: str) -> re.Pattern:
    """Any placeholder made from `template` (the engine offers it, e.g. "XZ{}Q"), its number a group.

    Engines may space or re-case a placeholder they pass through.
    """
    before, _, after = (r"\s*".join(map(re.escape, part)) for part in template.partition("{}"))
    return re.compile(rf"{before}\s*(?<!\d)([0-9]+)(?!\d)" + (rf"\s*{after}" if after else ""), re.IGNORECASE)


def _placeholders(output: str, count: int, template: str) -> list[tuple[int, int]] | None:
    """The span of the first placeholder of each number below `count`, in one pass; None if one was lost."""
    spans: dict[int, tuple[int, int]] = {}
    for found in _placeholder_regex(template).finditer(output):
        number = int(found.group(1))
        if number < count and number not in spans:
            spans[number] = found.span()
    if len(spans) < count:
        return None
    return [spans[number] for number in range(count)]


class _Taken:
    """Spans of a text already written to (they never overlap), with an overlap test by bisection.

    One long line may hold thousands of names: comparing each candidate with
    every span taken would cost names x names.
    """

    def __init__(self, spans=()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect_right(self.ends, start)
        return at < len(self.starts) and self.starts[at] < end

    def add(self, start: int, end: int) -> None:
        at = bisect_right(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def _rendering_pattern(key: str) -> re.Pattern:
    """Where a folded name stands as whole words in a folded text (any run of spaces between its words)."""
    return re.compile(r"(?<!\w)" + re.escape(key).replace(r"\ ", r"\s+") + r"(?!\w)")


# An article right before a placeholder, and what is left of it when the article is the name's
# (a contraction keeps its preposition): Apertium writes "al XZ0Q" but "a la Altura-Karabakh".
_ARTICLE_BEFORE_NAME = re.compile(r"(?<!\w)(del|al|du|au|el|la|los|las|le|les|l['’])\s*$", re.IGNORECASE)
_PREPOSITION_OF = {"del": "de ", "al": "a ", "du": "de ", "au": "à "}


def _without_article(piece: str) -> str:
    """`piece` without the Spanish or French article that ends it ("al " -> "a ", "El " -> "").

    >>> _without_article("Los combates al "), _without_article("El "), _without_article("près de l'")
    ('Los combates a ', '', 'près de ')
    """
    found = _ARTICLE_BEFORE_NAME.search(piece)
    if not found:
        return piece
    return piece[:found.start()] + _PREPOSITION_OF.get(found.group(1).lower(), "")


def _splice_gaps(output: str, spans: list[tuple[int, int]], first: str,
                 articles_loose: bool = False) -> list[tuple[int, int]] | None:
    """Where each placeholder's name stands in the first translation, if the two agree outside the names.

    `output` is the translation with placeholders at `spans` (in placeholder
    order). Its text between placeholders must be found, in order, in
    `first`; the gaps between those pieces are the names' spans there. None
    when a piece is missing (the engine changed a neighbour) or when pieces
    holding no letter make the gaps ambiguous.

    >>> _splice_gaps("Las tropas entraron en XZ0Q.", [(23, 27)], "Las tropas entraron en Shushá.")
    [(23, 29)]
    >>> _splice_gaps("Azerbaiyán ha difundido XZ0Q", [(24, 28)], "El Azerbaiyán ha difundido Shushá") is None
    True

    `articles_loose`: an article before a placeholder may differ from the one
    before the name (the engine chose it for the name's gender); the gap then
    holds the first translation's article with the name.

    >>> _splice_gaps("Los combates al XZ0Q continúan.", [(16, 20)], "Los combates a la Altura-Karabakh continúan.", True)
    [(15, 33)]
    """
    order = sorted(range(len(spans)), key=lambda n: spans[n][0])
    pieces, cursor = [], 0
    for n in order:
        piece = output[cursor:spans[n][0]]
        pieces.append(_without_article(piece) if articles_loose else piece)
        cursor = spans[n][1]
    pieces.append(output[cursor:])
    if not first.startswith(pieces[0]) or not first.endswith(pieces[-1]):
        return None
    gaps: dict[int, tuple[int, int]] = {}
    position = len(pieces[0])
    limit = len(first) - len(pieces[-1])
    for n, piece in zip(order, pieces[1:-1]):
        if not any(ch.isalpha() for ch in piece):
            return None
        at = first.find(piece, position, limit)
        if at < 0:
            return None
        gaps[n] = (position, at)
        position = at + len(piece)
    if position > limit:
        return None
    gaps[order[-1]] = (position, limit)
    return [gaps[n] for n in range(len(spans))]


_SCRIPTS = (("hy", re.compile(r"[\u0531-\u058f]")), ("ru", re.compile(r"[\u0400-\u04ff]")))


def _script(text: str) -> str:
    return next((name for name, letters in _SCRIPTS if letters.search(text)), "latin")


def _keep_glosses_apart(slots: list, tgt: str) -> None:
    """A gloss of one form in two spellings ("Kelbecer (Kalbajar)") keeps both spellings.

    Translated faithfully, both would become the same name ("Kalbajar
    (Kalbajar)"); where the source's spellings are in the output's script,
    they are written as the source wrote them.
    """
    target_script = _script({"hy": "ա", "ru": "а"}.get(tgt, "a"))
    glossed = [slot for slot in slots if slot.situation.gloss]
    for first, second in zip(glossed, glossed[1:]):
        same = (first.mention.entity_id == second.mention.entity_id
                and first.choice.text.casefold() == second.choice.text.casefold())
        if same and all(_script(s.mention.surface) == target_script for s in (first, second)):
            for slot in (first, second):
                slot.choice = replace(slot.choice, text=_as_written(slot.mention), derived=False)


def _as_written(mention: Mention) -> str:
    """The name as the source spells it, without the suffix it carries (Xankəndi of Xankəndidə)."""
    head = mention.surface[:len(mention.name)]
    return head if fold_key(head) == fold_key(mention.name) else mention.name


def _in_capitals(text: str, start: int, end: int, reach: int = 30) -> bool:
    """Whether the words around `text[start:end]` are in capitals too (a headline), not just the name.

    >>> _in_capitals("FIGHTING IN SHUSHA", 12, 18), _in_capitals("The NKAO was abolished.", 4, 8)
    (True, False)
    """
    around = text[max(0, start - reach):start] + text[end:end + reach]
    return not any(ch.islower() for ch in around)


def _head_said_beside(new_name: str, mention: Mention, text: str) -> bool:
    """Whether `new_name` has a word the name written lacks that the text says right before or after it.

    >>> from types import SimpleNamespace as M
    >>> text = "The Tartar and Khachen rivers flooded."
    >>> _head_said_beside("Khachen river", M(name="Khachen", start=15, end=22), text)
    True
    >>> _head_said_beside("Sarsang Reservoir", M(name="Sarsang", start=9, end=16), "Water of Sarsang flows.")
    False
    """
    written = {word.casefold() for word in _WORD_PARTS.split(mention.name) if word}
    extra = [word.casefold() for word in _WORD_PARTS.split(new_name) if len(word) > 2 and word.casefold() not in written]
    if not extra:
        return False
    after = text[mention.end:mention.end + 40].split(None, 1)
    before = text[max(0, mention.start - 40):mention.start].rsplit(None, 1)
    beside = [word.strip(".,;:!?»)(«\"").casefold() for word in (after[:1] + before[-1:])]
    return any(near.startswith(word) for word in extra for near in beside if near)


_WORD_PARTS = re.compile(r"[\s\-‐‑]+")


def town_written_bare(gazetteer: Gazetteer, mention: Mention, spelled=None):
    """(the town, its form) when `mention` is a district that the text names by its town's bare name,
    or another thing named after a place that the text names by the place's name alone.

    The matcher reads "Kalbajar" as the district where the sentence hands it over or lists it
    among districts; the text still wrote the town's name, and so should the output, in the
    form the policy chooses for the town (Kalbajar -> Karvachar). So for the names that share one
    plural word (the Erivan and Nakhchivan khanates, Fuzuli and Zangilan International Airports):
    each is the thing's in the record, and the text keeps the place's name, never the thing's
    whole one ("the Erivan Khanate and Nakhchivan Khanate khanates"). `spelled(key)` gives the
    entities with a spelling of that folded key (`DocumentTranslator._spelled`). None for a
    mention written as its own entity's name.
    """
    key = fold_key(mention.name)
    town = town_id(mention.entity_id)
    if town is not None:
        candidates = [town] if town in gazetteer else []
    else:
        if spelled is None or mention.entity_id not in gazetteer or any(
                fold_key(spelling) == key for form in gazetteer.get(mention.entity_id).forms
                for _, spelling in form.spellings()):
            return None  # its own name
        # The place it is named after: the entity whose id opens the thing's (fuzuli -> fuzuli_airport)
        # first, then any that spells the name (Erivan: yerevan, for erivan_khanate).
        candidates = sorted((entity.id for entity in spelled(key)),
                            key=lambda place: not mention.entity_id.startswith(place + "_"))
    for place in candidates:
        for form in gazetteer.get(place).forms:
            if any(fold_key(spelling) == key for _, spelling in form.spellings()):
                return gazetteer.get(place), form.id
    return None


def district_form(gazetteer: Gazetteer, district: str, town_form):
    """The district's form that goes with a form of its town (karvachar -> karvachar_district), or
    the town's form when the district has none of that name."""
    wanted = district_id(town_form.id)
    return next((f for f in gazetteer.get(district).forms if f.id == wanted), town_form)


def without_repeated_head(before: str, name: str, after: str) -> str:
    """`name` without the words for its kind that the text already has right before or after it.

    A bare town name read as its district ("Au district de Martouni") takes the district's
    name; written whole it would say the head twice ("district de district de Khodjavend").

    >>> without_repeated_head("Au district de ", "district de Khodjavend", ", les")
    'Khodjavend'
    >>> without_repeated_head("Im Bezirk ", "Bezirk Xocavənd", " gehen")
    'Xocavənd'
    >>> without_repeated_head("In ", "Khojavend District", " district the")
    'Khojavend'
    >>> without_repeated_head("Au ", "district de Khodjavend", " hier")
    'district de Khodjavend'
    >>> without_repeated_head("The refugees of the district of ", "Kalbajar District", " arrived")
    'Kalbajar'
    """
    words = name.split(" ")
    tail = before.rstrip().lower()
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k]).lower()
        if tail.endswith(head) and (len(tail) == len(head) or not tail[-len(head) - 1].isalnum()):
            return " ".join(words[k:])
    for k in range(1, len(words)):
        # English "the district of Kalbajar": the head before the name, joined by "of".
        head = " ".join(words[k:]).lower() + " of"
        if tail.endswith(head) and (len(tail) == len(head) or not tail[-len(head) - 1].isalnum()):
            return " ".join(words[:k])
    lead = after.lstrip().lower()
    for k in range(1, len(words)):
        head = " ".join(words[k:]).lower()
        if lead.startswith(head) and (len(lead) == len(head) or not lead[len(head)].isalnum()):
            return " ".join(words[:k])
    return name


def head_left_after(names: list[str], new_name: str, after: str) -> tuple[int, str] | None:
    """(how much of `after` to take in, the name it completes) when the engine left a district's head
    noun after the bare name, in the source's word order, and the new name opens with a head itself.

    Apertium writes "the Lachin district" as "el *Lachin distrito"; the district's Spanish name
    "distrito de Lachín" put in for "Lachin" alone would say "distrito" twice. `names` are the
    entity's names in the output's language; the one that opens with that head is what the text
    said (its article goes with it: el distrito, la región).

    >>> head_left_after(["distrito de Lachín", "región de Lachín"], "distrito de Lachín", " distrito encima")
    (9, 'distrito de Lachín')
    >>> head_left_after(["distrito de Kalbajar"], "región de Karvachar", " distrito.")
    (9, 'distrito de Kalbajar')
    >>> head_left_after(["distrito de Lachín"], "Lachín", " distrito")  # a bare name takes the head as it is
    >>> head_left_after(["distrito de Lachín"], "distrito de Lachín", " distritos")
    """
    opening = {name.split(" ", 1)[0].lower(): name for name in names if " " in name and name[:1].islower()}
    if " " not in new_name or not new_name[:1].islower():
        return None
    word = re.match(r"\s+(\w+)", after)
    if word is None or word.group(1).lower() not in opening:
        return None
    return word.end(), opening[word.group(1).lower()]


def _article_before(before: str, start: int, name: str, lang: str, old: str | None = None,
                    articles: tuple[str | None, str | None] | None = None):
    """(where the edit starts, what to write before the name): an article elided, restored or changed
    for `name` (see `adjust_article`); "unsure" when the article's case cannot be told."""
    fixed = adjust_article(before, name, lang, old, articles)
    if fixed is None:
        return start, ""
    if fixed == "unsure":
        return fixed
    old, new = fixed
    return start - len(old), new


class DocumentTranslator:
    """Translates documents with one engine and one gazetteer, placing names by one policy."""

    def __init__(self, engine: Engine, gazetteer: Gazetteer, matcher: Matcher | None = None,
                 policy: Policy = Policy()):
        policy.check(gazetteer)
        self.engine = engine
        self.gazetteer = gazetteer
        self.matcher = matcher or Matcher(gazetteer)
        self.policy = policy
        self.proper_names = ProperNames(getattr(gazetteer, "proper_names", ()))

    def translate(self, text: str, src: str, tgt: str, fmt: str = "txt", doc: str = "-",
                  date: str | None = None) -> Translation:
        """Translate one document; see `translate_many`."""
        return self.translate_many([(text, fmt, doc, date)], src, tgt)[0]

    def translate_many(self, documents: list[tuple], src: str, tgt: str) -> list[Translation]:
        """Translate (text, format, doc name[, date]) documents with one engine call for all their segments.

        Batching documents lets a neural engine fill its batches; the output
        of each document is the same as when it is translated alone. A
        document's date (ISO) names places as the convention did on that day.
        """
        parsed = []
        for text, fmt, doc, *date in documents:
            pieces = split_document(text, fmt)
            parsed.append((pieces, self._segments(pieces, src, tgt, fmt, date[0] if date else None), fmt, doc))
        segments = [segment for _, doc_segments, _, _ in parsed for segment in doc_segments]
        named = [s for s in segments if s.slots]
        # The names alone ride along in the same engine call: how the engine renders a name it
        # does not keep ("Superior Karabakh") is looked for later, at no extra start-up cost.
        surfaces = list(dict.fromkeys(slot.mention.surface for s in named for slot in s.slots))
        outputs = self.engine.translate([s.source for s in segments] + surfaces, src, tgt) if segments else []
        for segment, output in zip(segments, outputs):
            segment.target = segment.engine_output = output
        renderings = dict(zip(surfaces, outputs[len(segments):]))
        # Each document's output is searched on its own: the matcher reads a text as one article
        # (a homonym settled by the other paragraphs' places, a reading the text names elsewhere),
        # and another document of the batch must not decide how this one's names are placed.
        for _, doc_segments, _, _ in parsed:
            self._place_found([s for s in doc_segments if s.slots])
        self._place_engine_renderings(named, renderings)
        self._place_protected(named, src, tgt)
        self._place_inserted(named)
        return [self._assemble(pieces, doc_segments, fmt, doc, src, tgt)
                for pieces, doc_segments, fmt, doc in parsed]

    # ------------------------------------------------------------ stages

    def _segments(self, pieces: list[Piece], src: str, tgt: str, fmt: str, date: str | None = None) -> list[_Segment]:
        """The translatable pieces, with the mentions each holds and the choice for each."""
        segments, offset = [], 0
        for piece in pieces:
            if piece.translatable:
                starts, ends = written_bounds(piece, fmt) or (None, None)
                segments.append(_Segment(piece.text, offset, lang=tgt, source_offsets=starts, source_ends=ends))
            offset += len(join_document([piece], fmt))
        found = self._find_each([s.source for s in segments])
        situated = self._situations(pieces, segments, found, src, fmt)
        seen: set[str] = set()
        for segment, mentions, segment_situations in zip(segments, found, situated):
            if not mentions:
                continue
            for mention, situation in zip(mentions, segment_situations):
                entity, form = self.gazetteer.get(mention.entity_id), mention.form
                # A district its town's bare name stands for ("Refugees fled Kalbajar before the
                # handover") is written as the town's name in the chosen form: "fled Karvachar", not
                # "fled Karvachar District".
                entity, form = town_written_bare(self.gazetteer, mention, self._spelled) or (entity, form)
                keep = self._keep(situation)
                # A kept name is the same form in the output's language; in the source's own language,
                # exactly as written.
                written = _as_written(mention) if keep and src == tgt else None
                choice = choose(entity, form, tgt, self.policy, keep=keep, year=situation.year,
                                date=date, written=written)
                if entity.id != mention.entity_id:  # the record names the district's own form
                    choice = replace(choice, form=district_form(self.gazetteer, mention.entity_id, choice.form))
                elif src == tgt and choice.form.id == form and mention.name in choice.form.names.get(tgt, ()) \
                        and _head_said_beside(choice.text, mention, segment.source):
                    # In the source's own language a name of its own form is not lengthened by a word
                    # that the text says right beside it: "the Tartar and Khachen rivers", not
                    # "Khachen river rivers" (Khachen is the river's, its first spelling Khachen river).
                    choice = replace(choice, text=_as_written(mention), derived=False)
                # A rival is never added inside brackets (no nested brackets) nor to a kept name; the
                # reader has seen both names once a gloss gave them.
                show = (choice.alternate is not None and not situation.in_brackets
                        and (self.policy.rival == "every" or (self.policy.rival == "first" and entity.id not in seen)))
                if show or situation.gloss:
                    seen.add(entity.id)
                segment.slots.append(_Slot(mention, choice, show, situation))
            _keep_glosses_apart(segment.slots, tgt)
        return segments

    def _spelled(self, key: str) -> list:
        """The entities with a spelling of the folded `key` (`town_written_bare`)."""
        return self._by_key.get(key, [])

    @cached_property
    def _by_key(self) -> dict:
        # Built when a mention first asks (a thing written by its place's name), not per translator:
        # the gazetteer's pickle may hold the tables already (`compiled.load_gazetteer`).
        from toponyms.lookup import NameIndex

        return NameIndex(self.gazetteer).by_key

    def _situations(self, pieces: list[Piece], segments: list[_Segment], found: list[list[Mention]], src: str,
                    fmt: str) -> list[list[Situation]]:
        """The situation of each mention of each segment, read in its sentence.

        A Markdown line is cut at its links ("In 1990 the village of", "Madagiz", "was
        shelled"), and plain text and Markdown wrapped at a width (wire copy, e-mail) are cut at
        each line: the mentions of a paragraph (lines up to a blank one) are read together in the
        paragraph with the syntax blanked (`context_text`), so that the year and the quotation
        marks around a name count. Html pieces are whole sentences already.
        """
        context = context_text(join_document(pieces, fmt), fmt) if text_format(fmt) != "html" else None
        if context is None:
            return [situations(segment.source, [Named(m.start, m.end, m.entity_id, m.form) for m in mentions], src,
                               self.proper_names) if mentions else [] for segment, mentions in zip(segments, found)]
        breaks = [0] + [b.end() for b in re.finditer(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)", context)] + [len(context)]
        lines: dict[int, list[tuple[int, int, Mention]]] = {}  # paragraph -> (segment, mention index, mention)
        for number, (segment, mentions) in enumerate(zip(segments, found)):
            if mentions:
                line = bisect_right(breaks, segment.source_offset) - 1
                lines.setdefault(line, []).extend((number, i, m) for i, m in enumerate(mentions))
        result: list[list[Situation | None]] = [[None] * len(mentions) for mentions in found]
        for line, held in lines.items():
            start = breaks[line]
            # A piece that a Markdown link runs through holds the link's syntax: its offsets map a
            # name into the line as written (`in_document`), where the context stands.
            named = [Named(segments[number].in_document(m.start) - start, segments[number].in_document(m.end, end=True)
                           - start, m.entity_id, m.form) for number, _, m in held]
            text = context[start:breaks[line + 1]].rstrip()
            for (number, i, _), situation in zip(held, situations(text, named, src, self.proper_names)):
                result[number][i] = situation
        return result

    def _keep(self, situation: Situation) -> str | None:
        """Why a mention must keep the source's form, if it must."""
        if situation.gloss:
            return "gloss"
        if situation.proper_name:
            return "proper-name"
        if situation.quoted and self.policy.in_quotes == "keep":
            return "quoted"
        return None

    def _with_rival(self, name: str, slot: _Slot, lang: str) -> str:
        alternate = slot.choice.alternate if slot.show_rival else None
        if alternate and alternate.casefold() == name.casefold():
            # The name written is spelled as its rival (Шуши, the genitive of Шуша kept for its
            # adjective): "Шуши (Шуши)" would show nothing.
            slot.show_rival, alternate = False, None
        return with_rival(name, alternate, self.policy.rival_style, slot.choice.alternate_users, lang)

    def _find_each(self, texts: list[str]) -> list[list[Mention]]:
        """The mentions in each text, found in one pass over them all (segments hold no newline)."""
        joined = "\n".join(texts)
        starts, offset = [], 0
        for text in texts:
            starts.append(offset)
            offset += len(text) + 1
        found: list[list[Mention]] = [[] for _ in texts]
        for mention in self.matcher.find(joined):
            number = bisect_right(starts, mention.start) - 1
            base = starts[number]
            if mention.end <= base + len(texts[number]):
                found[number].append(mention._replace(start=mention.start - base, end=mention.end - base))
        return found

    def _place_found(self, segments: list[_Segment]) -> None:
        """Where the output names the same place (in any form or language), use that spot.

        `segments` are one document's: their outputs are searched as one text, as its source was.
        """
        for segment, in_target in zip(segments, self._find_each([s.target for s in segments])):
            wanted = {slot.mention.entity_id for slot in segment.slots}
            # Each slot takes the first spot of its place not taken yet, in the output's order.
            spots: dict[str, deque] = {}
            for found in in_target:
                if found.entity_id in wanted:
                    spots.setdefault(found.entity_id, deque()).append(found)
            edits = []
            for slot in segment.slots:
                queue = spots.get(slot.mention.entity_id)
                if queue:
                    target = queue.popleft()
                    before = segment.target[max(0, target.start - 40):target.start]
                    # The output's language decides the grammar: a spelling shared by several
                    # languages (Stepanakert) is reported as the first of them.
                    after = segment.target[target.end:target.end + 40]
                    new_name = slot.choice.text
                    head_after = None
                    if target.surface == target.name:  # no ending to carry over: the head may already be in the text
                        new_name = without_repeated_head(before, new_name, after)
                        head_after = head_left_after(self._names_in(target.entity_id, segment.lang), new_name, after)
                    stem = self._declined_spelling(target, segment.lang, before, after) or target.name
                    name = reinflect(target.surface, stem, new_name, segment.lang, before=before, after=after)
                    agreed, predicate = self._agreement(segment, target, slot)
                    if agreed is UNSURE or predicate is UNSURE:
                        slot.unsure = True
                        continue
                    if agreed is not None or predicate is not None:
                        start, words = target.start, ""
                        if agreed is not None:
                            start, words, name = target.start - agreed.start, agreed.words, agreed.name
                        end, tail = target.end, ""
                        verb, after = predicate or (None, None)
                        if verb is not None:  # (distance back from the name, length, text)
                            verb_start = target.start - verb[0]
                            words = verb[2] + segment.target[verb_start + verb[1]:start] + words
                            start = verb_start
                        if after is not None:
                            end, tail = target.end + after[1], after[2]
                        slot.how = "kept" if segment.target[start:end] == words + name + tail else "rewritten"
                        edits.append((slot, (start, end), name, True, words, tail, (target.start, target.end)))
                        continue
                    old_name, end = target.name, target.end
                    if head_after is not None:  # "el *Lachin distrito": the head goes, its article stays with the name
                        end, old_name = target.end + head_after[0], head_after[1]
                    # A spelling of another language in the output is the engine's copy of a word it did
                    # not know (Apertium's "de *Nagorno *Karabaj"): it took no article of the form's.
                    articles = self._articles(slot, target.form if segment.lang in target.langs else None,
                                              old_name, name, segment.lang)
                    placed = _article_before(before, target.start, name, segment.lang, old_name, articles)
                    if placed == "unsure":
                        slot.unsure = True  # "die Region": nominative or accusative? The sentence stays as written
                        continue
                    tail = ""
                    if articles is not None and segment.lang in ("fr", "es"):
                        # la région de Karvatchar est occupée -> le district de Kelbadjar est occupé
                        agreed_after = agree_romance(segment.target[end:end + 80], *articles,
                                                     segment.lang, before=before)
                        if agreed_after is not None:
                            end, tail = end + agreed_after[0], agreed_after[1]
                    slot.how = "kept" if name == segment.target[target.start:end] and not tail else "rewritten"
                    start, lead = placed
                    edits.append((slot, (start, end), name, True, lead, tail, (target.start, target.end)))
            self._write(segment, edits)

    def _declined_spelling(self, target: Mention, lang: str, before: str, after: str) -> str | None:
        """The form's first spelling when the gazetteer also lists a Russian case of it as a spelling
        ("Нагорного Карабаха") and the text wrote that: the case is carried over from it, not lost."""
        if lang != "ru" or target.surface != target.name:
            return None
        spellings = next((f.names.get(lang, ()) for f in self.gazetteer.get(target.entity_id).forms
                          if f.id == target.form), ())
        first = spellings[0] if spellings else None
        if (first is None or first == target.surface or len(first.split()) != len(target.surface.split())
                or reinflect(target.surface, first, first, lang, before=before, after=after) != target.surface):
            return None
        return first

    def _names_in(self, entity_id: str, lang: str) -> list[str]:
        return [name for form in self.gazetteer.get(entity_id).forms for name in form.names.get(lang, ())]

    def _articles(self, slot: _Slot, old_form: str | None, old: str, new: str, lang: str):
        """The articles the name in the output (`old`, of the form `old_form`) and the name put in take."""
        if lang not in ("de", "es", "fr"):
            return None
        entity = self.gazetteer.get(slot.mention.entity_id)
        declared = next((f.articles.get(lang) for f in entity.forms if f.id == old_form), None)
        return name_article(old, lang, declared), name_article(new, lang, slot.choice.form.articles.get(lang))

    @staticmethod
    def _agreement(segment: _Segment, target: Mention, slot: _Slot):
        """Russian words agreeing with a name, agreed with the name put in its place (`toponyms.agreement`).

        Returns (adjectives, predicate): an Agreement whose `start` counts back from the name, and
        (end, text) for the text after it; each may be None or UNSURE.
        """
        if segment.lang != "ru" or fold_key(target.name) == fold_key(slot.choice.text):
            return None, None
        window = segment.target[max(0, target.start - 120):target.start]
        if target.start > 120:
            window = window[window.find(" ") + 1:]  # no half word at the window's edge
        agreed = agree(window, target.surface, target.name, slot.choice.text, slot.mention.kind)
        if agreed is not None and agreed is not UNSURE:
            agreed = replace(agreed, start=len(window) - agreed.start)
        after = segment.target[target.end:target.end + 120]
        predicate = agree_predicate(window, after, target.surface, target.name, slot.choice.text, slot.mention.kind)
        if predicate is not None and predicate is not UNSURE and predicate[0] is not None:
            verb_start, verb_end, verb = predicate[0]
            predicate = ((len(window) - verb_start, verb_end - verb_start, verb), predicate[1])
        return agreed, predicate

    def _place_engine_renderings(self, segments: list[_Segment], renderings: dict[str, str]) -> None:
        """Find the engine's own rendering of a name it did not keep ("Superior Karabakh")."""
        for segment in segments:
            waiting = [slot for slot in segment.slots if not slot.how and not slot.unsure]
            if not waiting:
                continue
            folded = fold(segment.target)
            taken = _Taken(slot.span for slot in segment.slots if slot.span)
            # One scan per rendering, resumed where the last slot of that rendering stopped: the
            # spots it passed were taken, and taken spots stay taken.
            scans: dict[str, object] = {}
            edits = []
            for slot in waiting:
                key = fold_key(renderings[slot.mention.surface].strip().strip("."))
                if not key:
                    continue
                if key not in scans:
                    scans[key] = _rendering_pattern(key).finditer(folded)
                for found in scans[key]:
                    if not taken.overlaps(*found.span()):
                        taken.add(*found.span())
                        slot.how = "engine-rendering"
                        before = segment.target[max(0, found.start() - 40):found.start()]
                        old = segment.target[found.start():found.end()]
                        placed = _article_before(before, found.start(), slot.choice.text, segment.lang, old,
                                                 self._articles(slot, None, old, slot.choice.text, segment.lang))
                        start, lead = (found.start(), "") if placed == "unsure" else placed
                        edits.append((slot, (start, found.end()), slot.choice.text, True, lead, "", found.span()))
                        break
            self._write(segment, edits)

    def _place_protected(self, segments: list[_Segment], src: str, tgt: str) -> None:
        """Translate again the segments that still miss a name, with every name behind a placeholder."""
        # A segment holding a name kept for its agreement is not translated again: that would write it over.
        retry = [segment for segment in segments if any(not slot.how for slot in segment.slots)
                 and not any(slot.unsure for slot in segment.slots)]
        if not retry:
            return
        template = self.engine.placeholder(src, tgt)
        protected = []
        for segment in retry:
            parts, cursor = [], 0
            for number, slot in sorted(enumerate(segment.slots), key=lambda item: item[1].mention.start):
                parts += [segment.source[cursor:slot.mention.start], template.format(number)]
                cursor = slot.mention.end
            parts.append(segment.source[cursor:])
            protected.append("".join(parts))
        for segment, output in zip(retry, self.engine.translate(protected, src, tgt)):
            spans = _placeholders(output, len(segment.slots), template)
            gaps = _splice_gaps(output, spans, segment.engine_output) if spans is not None else None
            loose = False
            if gaps is None and spans is not None and segment.lang in ("es", "fr"):
                # The engine's article before the name differs ("la Altura-Karabakh", "el XZ0Q"): it
                # is the name's, so it is written again for the name put in, as an engine rendering's is.
                gaps = _splice_gaps(output, spans, segment.engine_output, articles_loose=True)
                loose = gaps is not None
            if gaps is None:
                # Placeholders were lost, or the engine changed other words around them ("El Azerbaiyán"):
                # keep the first translation and what was placed in it; the rest is inserted.
                continue
            # The words outside the names are the first translation's: only the names' spans change.
            segment.target = segment.engine_output
            for slot in segment.slots:
                slot.span, slot.how = None, "protected"
            edits = []
            for slot, (start, end) in zip(segment.slots, gaps):
                before = segment.target[max(0, start - 40):start]
                if loose:
                    article = name_article(slot.choice.text, segment.lang, slot.choice.form.articles.get(segment.lang))
                    placed = _article_before(before, start, slot.choice.text, segment.lang, "", (None, article))
                    begin, lead = (start, "") if placed == "unsure" else placed
                else:
                    begin, lead = _article_before(before, start, slot.choice.text, segment.lang)
                edits.append((slot, (begin, end), slot.choice.text, False, lead))
            self._write(segment, edits)

    def _place_inserted(self, segments: list[_Segment]) -> None:
        """Last resort: add the name visibly at the end of its segment."""
        for segment in segments:
            added = []
            for slot in segment.slots:
                if slot.how:
                    continue
                slot.how = "inserted"
                slot.written = f"[{self._with_rival(slot.choice.text, slot, segment.lang)}]"
                added.append(slot.written)
            if added:
                segment.target = " ".join([segment.target, *added])

    def _write(self, segment: _Segment, edits: list) -> None:
        """Write names over spans of the target segment, all in one pass, shifting the spans placed before.

        `edits` are (slot, span, name, engine_text, lead[, tail, name_span]),
        their spans apart from each other and from those of slots placed
        earlier. `engine_text` is False when the span is a placeholder of
        ours, whose capitals say nothing about the headline it stands in;
        `lead` is the text written before the name in the span (an elided
        article: "d'", adjectives agreed with it), `tail` the text written
        after it (a verb agreed with it), `name_span` where the old name stands
        when lead or tail replace text of another length. Writing them
        one at a time would copy the segment once per name: names x length on
        a long line.
        """
        if not edits:
            return
        target = segment.target
        parts, cursor, shift = [], 0, 0
        ends, shifts = [], []  # after the edit ending at ends[i], later text moves by shifts[i]
        edited = set()
        for slot, (start, end), name, engine_text, lead, *more in sorted(edits, key=lambda edit: edit[1][0]):
            tail, name_span = more if more else ("", None)
            replaced = target[slice(*name_span)] if name_span else (target[start + len(lead):end] if lead
                                                                     else target[start:end])
            headline = False
            if engine_text and len(replaced) > 1 and replaced.isupper():
                if _in_capitals(target, start, end):
                    name, headline = name.upper(), True  # a headline in capitals stays in capitals
                elif slot.choice.form.id == slot.mention.form:
                    name = replaced  # an abbreviation of the form kept (NKAO, ԼՂՀ) is written as it was
            elif (engine_text and name != replaced and name.casefold() == replaced.casefold()
                  and slot.choice.form.id == slot.mention.form):
                name = replaced  # the form kept, spelled the same but for case: "the Lachin district" stays so
            shown = self._with_rival(name, slot, segment.lang)
            if headline and shown.startswith(name):
                shown = name + shown[len(name):].upper()  # the rival in the headline's capitals too
            named = lead + shown
            written = named + tail
            parts += [target[cursor:start], written]
            slot.span = (start + shift + len(lead), start + shift + len(named))
            slot.written, slot.name_length = named[len(lead):], len(name)
            shift += len(written) - (end - start)
            cursor = end
            ends.append(end)
            shifts.append(shift)
            edited.add(id(slot))
        parts.append(target[cursor:])
        segment.target = "".join(parts)
        for other in segment.slots:
            if other.span and id(other) not in edited:
                before = bisect_right(ends, other.span[0]) - 1
                if before >= 0:
                    other.span = (other.span[0] + shifts[before], other.span[1] + shifts[before])

    def _assemble(self, pieces, segments, fmt, doc, src, tgt) -> Translation:
        outputs = iter(segments)
        out_pieces, placements, offset = [], [], 0
        for piece in pieces:
            if not piece.translatable:
                out_pieces.append(piece)
                offset += len(join_document([piece], fmt))
                continue
            segment = next(outputs)
            # A sentence that crossed inline tags gets them back around its words; a name and the
            # rival beside it are never cut by one.
            placed = [slot for slot in segment.slots if slot.span]
            translated = translated_piece(piece, segment.target, [slot.span for slot in placed],
                                          [(slot.mention.start, slot.mention.end) for slot in placed])
            rendered = join_document([translated], fmt)
            target_offsets = written_bounds(translated, fmt) or (None, None)
            for slot in segment.slots:
                placements.append(self._placement(slot, segment, doc, src, tgt, offset, *target_offsets))
            out_pieces.append(translated)
            offset += len(rendered)
        return Translation(join_document(out_pieces, fmt), placements, src, tgt, self.engine.name)

    def _placement(self, slot: _Slot, segment: _Segment, doc, src, tgt, offset: int,
                   target_offsets: list[int] | None, target_ends: list[int] | None) -> Placement:
        m = slot.mention
        start = end = None
        if slot.span is not None:
            # Offsets into the output document as written (html escapes "&" as "&amp;").
            start, end = slot.span[0], slot.span[0] + slot.name_length
            if target_offsets:
                start, end = target_offsets[start], target_ends[end]
            start, end = offset + start, offset + end
        target_text = slot.written[:slot.name_length] if slot.span is not None else slot.choice.text
        return Placement(
            doc=doc, id=m.entity_id, kind=m.kind,
            source_text=m.surface, source_start=segment.in_document(m.start),
            source_end=segment.in_document(m.end, end=True), source_lang=src, source_form=m.form,
            target_text=target_text, target_form=slot.choice.form.id,
            alternate_text=slot.choice.alternate, alternate_shown=slot.show_rival,
            target_start=start, target_end=end, target_lang=tgt,
            placement="gloss" if slot.situation.gloss and slot.how != "inserted" else slot.how,
            engine=self.engine.name, quoted=slot.situation.quoted,
            rendering="derived" if slot.choice.derived else "gazetteer", why=slot.choice.why,
            proper_name=slot.situation.proper_name,
        )

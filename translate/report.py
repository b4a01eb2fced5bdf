"""Usage reports: which rival forms of each place appear, how often, in how many documents, per source.

Two kinds of input give the same thing, a stream of `Hit`s (a place named in
a document in one of its rival forms):

- record rows, as `toponyms translate --record` writes them (JSON Lines or
  CSV; a row needs `doc`, `id` and `source_form`; an optional `fields` object
  holds the source document's pass-through fields, e.g. {"outlet": "apa.az"});
- documents (`Document`: a text with its fields), searched with a `Matcher`.

`tally(hits, by)` counts them into a `Report`: per place and form (and, with
`by`, per source: the document's directory, or a document field), the number
of mentions and of distinct documents. `render_table`, `Report.to_rows`,
`Report.to_json` and `write_chart` present it, naming places and forms in a
chosen language (`Names`); `contested_only` keeps the places whose name is
contested.

Only what the sources wrote is counted. A record row is one mention in the
source, counted by its `source_form`: the rival the tool wrote beside a name,
and the name it added in brackets (`placement: inserted`), are not uses of a
form by anyone. A translated text, on the other hand, holds the tool's
additions; so a text that is an output of a ``--out-dir`` run is counted from
the record the out-dir keeps for it, never from its words: in the out-dir's
store, `.toponyms/records.sqlite` (`stored_record`), or for an out-dir of an
older version in `.toponyms/records/<path>.jsonl` (`output_record`). The store
given itself counts every document it holds a record of, and `read_rows`
gives the rows of any input that holds records (for `report --export`).

>>> rows = [{"doc": "a.txt", "id": "sugovushan", "source_form": "madagiz"},
...         {"doc": "a.txt", "id": "sugovushan", "source_form": "madagiz"},
...         {"doc": "b.txt", "id": "sugovushan", "source_form": "sugovushan"}]
>>> report = count_records(rows)
>>> [(c.place, c.form, c.mentions, c.documents) for c in report.forms()]
[('sugovushan', 'madagiz', 2, 1), ('sugovushan', 'sugovushan', 1, 1)]

Reading files (`read_input`, `find_inputs`) is here too, so that the command
is a thin layer; every problem is a `ReportError` whose message says
file:line where there is a line to say.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import os
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any, Iterable, Iterator, Mapping

from toponyms.errors import ToponymsError
from toponyms.outdir import MANIFEST, STATE_DIR, STORE

__all__ = [
    "CHART_SUFFIXES", "Count", "Document", "Hit", "Input", "Names", "Report", "ReportError",
    "contested_only", "corpus_hits", "count_corpus", "count_records", "find_inputs", "is_contested",
    "output_record", "read_input", "read_rows", "record_hits", "stored_record", "render_csv", "render_json", "render_table", "tally",
    "write_chart",
]

STDIN = "-"
DIR = "dir"
STATE_DIR = ".toponyms"  # where an out-dir keeps its settings and records (translate.batch)
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv")
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".odt", ".srt", ".vtt", ".epub")
CHART_SUFFIXES = (".png", ".svg")
REQUIRED = ("doc", "id", "source_form")
# Record columns that describe the whole document (the rest describe one mention).
_DOCUMENT_COLUMNS = ("source_lang", "target_lang", "engine")


class ReportError(ToponymsError):
    """An input cannot be counted, or the report cannot be made as asked."""


# ---------------------------------------------------------------- what is counted


@dataclass(frozen=True)
class Document:
    """A text to search for place names, with where it comes from.

    `doc` names it (a path, or path:line for a JSON Lines corpus), `fmt` is
    txt, md or html (only the text of md and html is searched, as `translate`
    does), `dir` is its directory for ``--by dir``, `fields` its other fields.
    """

    doc: str
    text: str
    fmt: str = "txt"
    dir: str = "."
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    """A place named once in a document in one rival form.

    A hit with `place` None only says that the document was read, so that
    documents naming no place count among the documents read.
    """

    doc: str
    place: str | None
    form: str | None
    dir: str = "."
    fields: Mapping[str, Any] = field(default_factory=dict)
    span: tuple | None = None  # where in the document: hits of one doc and span count once


@dataclass(frozen=True)
class Count:
    """Mentions and distinct documents of a place (in one form when `form` is set) in one source."""

    place: str
    form: str | None
    source: str | None
    mentions: int
    documents: int


@dataclass(frozen=True)
class Report:
    """Counts per place, form and source.

    `counts` holds one `Count` per (place, form, source) seen, and per
    (place, source) with form None for the place over all its forms; source
    None is the whole input, and with `by` every source has its own counts
    too. `read` is the number of documents read per source (None: all).
    Places come most mentioned first; forms in gazetteer order.
    """

    by: str | None
    counts: tuple[Count, ...]
    read: tuple[tuple[str | None, int], ...]
    naming: int = 0  # documents that name at least one place (over all sources)
    left_out: int = 0  # places left out by `top`
    uncontested: int = 0  # places left out by `contested_only`

    def top(self, n: int | None) -> "Report":
        """The report of the `n` most mentioned places only (all for None)."""
        places = self.places()
        if not n or n >= len(places):
            return self
        keep = set(places[:n])
        return replace(self, counts=tuple(c for c in self.counts if c.place in keep),
                       left_out=self.left_out + len(places) - n)

    def __post_init__(self):
        cells: dict[tuple, Count] = {}
        forms: dict[tuple, list[Count]] = defaultdict(list)
        for c in self.counts:
            cells[(c.place, c.form, c.source)] = c
            if c.form is not None:
                forms[(c.place, c.source)].append(c)
        object.__setattr__(self, "_cells", cells)
        object.__setattr__(self, "_forms", forms)

    def places(self) -> list[str]:
        return list(dict.fromkeys(c.place for c in self.counts))

    def sources(self) -> list[str]:
        """The sources in order (empty without `by`)."""
        return [source for source, _ in self.read if source is not None]

    def forms(self, place: str | None = None, source: str | None = None) -> list[Count]:
        """The per-form counts of `place` (or of every place) in `source` (None: the whole input)."""
        if place is None:
            return [c for c in self.counts if c.form is not None and c.source == source]
        return list(self._forms.get((place, source), ()))

    def total(self, place: str, source: str | None = None) -> Count | None:
        """The count of `place` over all its forms, in `source`."""
        return self._cells.get((place, None, source))

    def documents(self, source: str | None = None) -> int:
        """How many documents were read (in `source`)."""
        return dict(self.read).get(source, 0)

    @property
    def mentions(self) -> int:
        return sum(c.mentions for c in self.counts if c.form is None and c.source is None)

    def to_rows(self, gazetteer=None, lang: str = "en") -> list[dict]:
        """One row per place, form (and source, with `by`) seen: for CSV and spreadsheets.

        Columns: place (its id), place_name (in `lang`), form (its id),
        form_name, used_by (space-separated, empty without a gazetteer or for
        a form it does not know), source (only with `by`), mentions, documents.
        """
        names = Names(gazetteer, lang)
        rows = []
        for place in self.places():
            for source in (self.sources() if self.by else [None]):
                for c in self.forms(place, source):
                    row = {"place": place, "place_name": names.place(place), "form": c.form,
                           "form_name": names.form(place, c.form),
                           "used_by": " ".join(_used_by(gazetteer, place, c.form))}
                    if self.by:
                        row["source"] = source
                    row.update(mentions=c.mentions, documents=c.documents)
                    rows.append(row)
        return rows

    def to_json(self, gazetteer=None, lang: str = "en") -> dict:
        """The whole report as one object: totals, then places, each with its forms (and sources).

        Places and forms have their `id`/`form` and their `name` in `lang`.
        """
        names = Names(gazetteer, lang)

        def numbers(c: Count | None) -> dict:
            return {"mentions": c.mentions if c else 0, "documents": c.documents if c else 0}

        places = []
        for place in self.places():
            forms = []
            for c in self.forms(place):
                entry = {"form": c.form, "name": names.form(place, c.form), "used_by": _used_by(gazetteer, place, c.form),
                         **numbers(c)}
                if self.by:
                    entry["sources"] = [{"source": s, **numbers(self._cell(place, c.form, s))}
                                        for s in self.sources() if self._cell(place, c.form, s)]
                forms.append(entry)
            item = {"id": place, "name": names.place(place), **numbers(self.total(place)), "forms": forms}
            if self.by:
                item["sources"] = [{"source": s, **numbers(self.total(place, s))}
                                   for s in self.sources() if self.total(place, s)]
            places.append(item)
        out: dict[str, Any] = {"by": self.by, "lang": lang, "documents": self.documents(None),
                               "naming": self.naming, "mentions": self.mentions, "uncontested_left_out": self.uncontested}
        if self.by:
            out["sources"] = [{"source": s, "documents": self.documents(s),
                               "mentions": sum(c.mentions for c in self.counts if c.form is None and c.source == s)}
                              for s in self.sources()]
        out["places"] = places
        return out

    def _cell(self, place: str, form: str, source: str | None) -> Count | None:
        return self._cells.get((place, form, source))


class Names:
    """What a report calls places and forms: their spelling in `lang`, from the gazetteer (ids without one).

    A place is called by its form of the same id where it has one (ids are
    the name most used by international media), else by its first form. A
    name two places (or two forms of a place) would share gets its id after
    it, so that no two rows read the same.

    >>> from toponyms.gazetteer import load
    >>> names = Names(load(), "ru")
    >>> names.place("khankendi"), names.form("khankendi", "stepanakert"), names.form("sugovushan", "madagiz")
    ('Ханкенди', 'Степанакерт', 'Мадагиз')
    >>> Names(None, "ru").place("khankendi")
    'khankendi'
    """

    def __init__(self, gazetteer, lang: str = "en"):
        self.gazetteer, self.lang = gazetteer, lang
        self._places: dict[str, str] = {}
        self._forms: dict[tuple[str, str], str] = {}
        self._taken: dict[str, str] = {}  # place name -> the place that has it

    def place(self, place: str) -> str:
        if place not in self._places:
            name = place
            if self.gazetteer is not None and place in self.gazetteer:
                entity = self.gazetteer.get(place)
                form = next((f for f in entity.forms if f.id == entity.id), entity.forms[0])
                name = self._spell(form)
            if self._taken.setdefault(name, place) != place:
                name = f"{name} [{place}]"
            self._places[place] = name
        return self._places[place]

    def form(self, place: str, form: str | None) -> str:
        if form is None:
            return ""
        if (place, form) not in self._forms:
            name = form
            entity = self.gazetteer.get(place) if self.gazetteer is not None and place in self.gazetteer else None
            found = next((f for f in entity.forms if f.id == form), None) if entity else None
            if found is not None:
                name = self._spell(found)
                same = [f.id for f in entity.forms if f.id != form and self._spell(f).casefold() == name.casefold()]
                if same:
                    name = f"{name} [{form}]"
            self._forms[(place, form)] = name
        return self._forms[(place, form)]

    def _spell(self, form) -> str:
        from toponyms.render import rendering

        return rendering(form, self.lang)


# Users that name the past: a form only they use is no rival today (Mir-Bashir, Kirovabad).
PAST_USERS = frozenset({"soviet", "historical"})


def is_contested(entity) -> bool:
    """Whether a place has at least two rival forms in use today, by some side.

    A form marked ``contested: false`` in the gazetteer (and every form of a
    place so marked) is no rival; nor is a form only the past used.

    >>> from toponyms.gazetteer import load
    >>> gazetteer = load()
    >>> [is_contested(gazetteer.get(p)) for p in ("sugovushan", "khankendi", "russia", "tartar", "karabakh")]
    [True, True, False, False, False]
    """
    if not getattr(entity, "contested", True):
        return False
    rivals = [f for f in entity.forms if getattr(f, "contested", True) and set(f.used_by) - PAST_USERS]
    return len(rivals) >= 2


def contested_only(hits: Iterable[Hit], gazetteer) -> tuple[list[Hit], int]:
    """The hits of contested places; the others only say that their document was read.

    Also returns how many places were left out (places the gazetteer does not
    know cannot be shown contested, and are left out too).
    """
    kept, dropped = [], set()
    for hit in hits:
        if hit.place is not None and not (hit.place in gazetteer and is_contested(gazetteer.get(hit.place))):
            dropped.add(hit.place)
            hit = replace(hit, place=None, form=None, span=None)
        kept.append(hit)
    return kept, len(dropped)


def _used_by(gazetteer, place: str, form: str) -> list[str]:
    if gazetteer is None or place not in gazetteer:
        return []
    try:
        return list(gazetteer.get(place).form(form).used_by)
    except KeyError:
        return []


def _value(value: Any) -> str | None:
    """A field value as the name of a source."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, int, float)):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def missing(by: str) -> str:
    """The source of documents that have no `by` field."""
    return f"(no {by})"


def tally(hits: Iterable[Hit], by: str | None = None, gazetteer=None) -> Report:
    """Count hits per place, form and source.

    `by` is None (no sources), "dir" (the hit's directory) or a field name
    (the hit's `fields`; documents without it are counted under "(no FIELD)").
    Hits of the same document and span (a mention recorded twice) count once.
    A field that no document has is an error that names the fields there are.
    With a gazetteer, forms come in its order; without, most mentioned first.
    """
    by = by or None
    mentions: dict[tuple, int] = defaultdict(int)
    docs: dict[tuple, set] = defaultdict(set)
    read: dict[str | None, set] = defaultdict(set)
    naming: set[str] = set()
    field_names: set[str] = set()
    found_field = False
    spans: set[tuple] = set()
    for hit in hits:
        if hit.span is not None:
            if (hit.doc, hit.span) in spans:
                continue
            spans.add((hit.doc, hit.span))
        if by is None:
            keys = (None,)
        else:
            if by == DIR:
                source = hit.dir
            else:
                field_names.update(hit.fields)
                source = _value(hit.fields.get(by))
                if by in hit.fields:
                    found_field = True
                if source is None:
                    source = missing(by)
            keys = (None, source)
        for key in keys:
            read[key].add(hit.doc)
        if hit.place is None:
            continue
        naming.add(hit.doc)
        for key in keys:
            for cell in ((hit.place, hit.form, key), (hit.place, None, key)):
                mentions[cell] += 1
                docs[cell].add(hit.doc)
    if by is not None and by != DIR and not found_field and read:
        known = ", ".join(sorted(field_names)) or "none (text files have no fields)"
        raise ReportError(f"no document has a field {by!r} to report --by (fields: {known}; or --by dir)")

    place_total = {place: n for (place, form, source), n in mentions.items() if form is None and source is None}
    places = sorted(place_total, key=lambda p: (-place_total[p], p))
    sources = sorted((s for s in read if s is not None), key=lambda s: (s.startswith("(no "), s))

    def form_order(place: str) -> list[str]:
        seen = [form for (p, form, source) in mentions if p == place and form is not None and source is None]
        seen.sort(key=lambda f: (-mentions[(place, f, None)], f))
        if gazetteer is not None and place in gazetteer:
            order = [f.id for f in gazetteer.get(place).forms]
            seen.sort(key=lambda f: order.index(f) if f in order else len(order))
        return seen

    counts = []
    for place in places:
        forms = form_order(place)
        for source in [None, *sources]:
            for form in [None, *forms]:
                cell = (place, form, source)
                if cell in mentions:
                    counts.append(Count(place, form, source, mentions[cell], len(docs[cell])))
    return Report(by, tuple(counts), tuple((s, len(read[s])) for s in [None, *sources] if s in read), len(naming))


# ---------------------------------------------------------------- records and documents into hits


def _record_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a record row's document: its `fields` object, and the document-wide columns."""
    fields = {k: row[k] for k in _DOCUMENT_COLUMNS if row.get(k) not in (None, "")}
    extra = row.get("fields")
    if isinstance(extra, Mapping):
        fields.update(extra)
    return fields


def record_hits(rows: Iterable[Mapping[str, Any]], origin: str = "records") -> Iterator[Hit]:
    """A hit per record row.

    A row is one source mention: `tally` counts rows of the same `doc` and
    source span (`source_start`, `source_end`, `id`) once, so the records of
    one article translated into several languages count its names once. A row
    whose doc is "-" (read from standard input) is told apart by `origin`.
    `--by dir` groups rows by the directory part of their `doc`.
    """
    for row in rows:
        doc = str(row["doc"])
        key = f"{origin}\0{doc}" if doc == STDIN else doc
        start, end = row.get("source_start"), row.get("source_end")
        span = (str(start), str(end), str(row["id"])) if start not in (None, "") and end not in (None, "") else None
        directory = "(standard input)" if doc == STDIN else (posixpath.dirname(doc.replace(os.sep, "/")) or ".")
        yield Hit(key, str(row["id"]), str(row["source_form"]), directory, _record_fields(row), span)


def corpus_hits(docs: Iterable[Document], matcher) -> Iterator[Hit]:
    """A hit per mention the matcher finds in each document, and one per document that it was read."""
    for document in docs:
        yield Hit(document.doc, None, None, document.dir, document.fields)
        for mention in _find(matcher, document.text, document.fmt):
            yield Hit(document.doc, mention.entity_id, mention.form, document.dir, document.fields,
                      (mention.start, mention.end, mention.entity_id))


def _find(matcher, text: str, fmt: str):
    if not text.strip():
        return []
    from toponyms.translate.formats import search_view

    searched, in_file = search_view(text, fmt)
    mentions = matcher.find(searched)
    if in_file is None:
        return mentions
    return [m._replace(start=start, end=end) for m in mentions for start, end in [in_file(m.start, m.end)]]


def count_records(rows: Iterable[Mapping[str, Any]], by: str | None = None, gazetteer=None) -> Report:
    """The report of record rows (dicts with doc, id, source_form and optional fields)."""
    return tally(record_hits(rows), by, gazetteer)


def count_corpus(docs: Iterable[Document], matcher, by: str | None = None, gazetteer=None) -> Report:
    """The report of documents searched with `matcher`; forms in the order of `gazetteer` (or the matcher's)."""
    if gazetteer is None:
        from toponyms.gazetteer import Gazetteer

        gazetteer = Gazetteer(tuple(matcher.entities))
    return tally(corpus_hits(docs, matcher), by, gazetteer)


# ---------------------------------------------------------------- reading inputs


@dataclass(frozen=True)
class Input:
    """A file to read (or "-"), with its directory for ``--by dir``; `problem` if it cannot be listed."""

    path: str
    dir: str = "."
    problem: str | None = None
    record: str | None = None  # the out-dir's record file of this output (out-dirs of older versions)
    stored: tuple[str, str] | None = None  # (store, path under the out-dir) of this output's record


def output_record(path: str) -> str | None:
    """The record an out-dir keeps for `path` when the file is an output of ``--out-dir``, else None.

    An out-dir keeps the record of each output in ``.toponyms/records/<its
    path under the out-dir>.jsonl``: the nearest folder above `path` that has
    a ``.toponyms`` folder is its out-dir.
    """
    file = Path(path).absolute()
    for root in file.parents:
        state = root / STATE_DIR
        if state.is_dir():
            record = state / "records" / f"{file.relative_to(root).as_posix()}.jsonl"
            return str(record) if record.is_file() else None
    return None


def stored_record(path: str) -> tuple[str, str] | None:
    """(the out-dir's store, the output's path under the out-dir) when `path` is an output whose record
    is in its out-dir's store (``.toponyms/records.sqlite``), else None."""
    file = Path(path).absolute()
    for root in file.parents:
        state = root / STATE_DIR
        if state.is_dir():
            store = state / STORE
            relative = file.relative_to(root).as_posix()
            if store.is_file() and relative in _store_records(str(store)):
                return str(store), relative
            return None
    return None


def _store_records(store: str) -> dict[str, tuple[str | None, str]]:
    """Every record of an out-dir's store: output path -> (input path, rows as JSON Lines); read once a run."""
    import sqlite3

    try:
        info = os.stat(store)
        wal = os.stat(store + "-wal").st_mtime_ns if os.path.exists(store + "-wal") else 0
    except OSError as exc:
        raise ReportError(f"{store}: cannot read: {exc.strerror}") from None
    version = (info.st_mtime_ns, info.st_size, wal)
    cached = _STORES.get(store)
    if cached and cached[0] == version:
        return cached[1]
    try:
        connection = sqlite3.connect(f"file:{Path(store).absolute().as_posix()}?mode=ro", uri=True, timeout=30)
        try:
            records = {path: (source, rows) for path, source, rows in
                       connection.execute("SELECT path, source, rows FROM records ORDER BY path")}
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise ReportError(f"{store}: not an out-dir store ({exc})") from None
    _STORES[store] = (version, records)
    return records


_STORES: dict[str, tuple[tuple, dict]] = {}


def _posix(path: PurePath) -> str:
    text = path.as_posix()
    return text if text not in ("", ".") else "."


def find_inputs(paths: Iterable[str], glob: str | None = None) -> list[Input]:
    """The files under `paths`: "-", files as given, directories walked recursively in name order.

    Under a directory, hidden files and folders are passed over, and only
    record and text files count (.jsonl .ndjson .csv .txt .md .html ...), or
    with `glob` the files whose path under the directory matches it (from
    the right, like `PurePath.match`: "*.txt", "apa.az/*.jsonl"). A file's
    directory for ``--by dir`` is its folder under the directory given
    ("." at its top), or for a file named directly, its folder as written.
    """
    found: list[Input] = []
    for path in paths:
        if path == STDIN:
            found.append(Input(STDIN, "(standard input)"))
            continue
        root = Path(path)
        if root.is_dir():
            files = []
            for file in sorted(root.rglob("*")):
                relative = file.relative_to(root)
                if any(part.startswith(".") for part in relative.parts) or not file.is_file():
                    continue
                if file.parent.name == STATE_DIR and file.name == MANIFEST:
                    continue  # an out-dir's list of what it wrote (older versions): not records
                if file.parent.name == STATE_DIR and file.name == STORE:
                    files.append(Input(str(file), _posix(relative.parent)))  # the out-dir's records
                    continue
                if glob:
                    if not relative.match(glob):
                        continue
                elif file.suffix.lower() not in RECORD_SUFFIXES + TEXT_SUFFIXES:
                    continue
                files.append(_text_input(str(file), _posix(relative.parent)))
            if not files:
                what = f"matching {glob!r}" if glob else "record or text files"
                found.append(Input(path, problem=f"{path}: no {what} under this directory"))
            found.extend(files)
        elif root.suffix.lower() == ".sqlite" and root.is_file():
            found.append(Input(path, _posix(PurePath(path).parent)))  # an out-dir's store: all its records
        elif root.exists():
            found.append(_text_input(path, _posix(PurePath(path).parent)))
        else:
            found.append(Input(path, problem=f"{path}: no such file"))
    return found


def _text_input(path: str, directory: str) -> Input:
    """An input file; a text document written by an out-dir run is read through its record."""
    suffix = PurePath(path).suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        return Input(path, directory)
    try:
        stored = stored_record(path)
    except ReportError as exc:
        return Input(path, directory, problem=str(exc))
    return Input(path, directory, record=None if stored else output_record(path), stored=stored)


def _json_lines(text: str, name: str) -> Iterator[tuple[int, dict]]:
    # Lines end at "\n" only: U+2028 and the like may stand unescaped inside JSON strings.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReportError(f"{name}:{number}: not JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(value, dict):
            raise ReportError(f"{name}:{number}: not a JSON object")
        yield number, value


def is_record(value: Mapping) -> bool:
    """The rule that tells records from a corpus: a record row has "id" and "source_form"."""
    return "id" in value and "source_form" in value


def _check_row(row: Mapping, name: str, number: int) -> dict:
    absent = [key for key in REQUIRED if row.get(key) in (None, "")]
    if absent:
        raise ReportError(f"{name}:{number}: not a record row: no {', '.join(absent)}")
    bad = [key for key in REQUIRED if not isinstance(row[key], (str, int))]
    if bad:
        raise ReportError(f"{name}:{number}: not a record row: {', '.join(bad)} is not text")
    return dict(row)


def _parse_fields(cell: Any, name: str, number: int) -> dict:
    """A CSV `fields` cell: a JSON object (or the Python repr of a dict)."""
    if cell in (None, ""):
        return {}
    for parse in (json.loads, ast.literal_eval):
        try:
            value = parse(cell)
        except (ValueError, SyntaxError):
            continue
        if isinstance(value, dict):
            return value
    raise ReportError(f"{name}:{number}: the fields column is not a JSON object")


def read_records_csv(text: str, name: str) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = reader.fieldnames or []
    absent = [key for key in REQUIRED if key not in columns]
    if absent:
        raise ReportError(f"{name}:1: not a record file: no column {', '.join(absent)}")
    rows = []
    try:
        for row in reader:
            if None in row:
                raise ReportError(f"{name}:{reader.line_num}: more cells than columns")
            row = _check_row(row, name, reader.line_num)
            if "fields" in row:
                row["fields"] = _parse_fields(row["fields"], name, reader.line_num)
            rows.append(row)
    except csv.Error as exc:
        raise ReportError(f"{name}:{reader.line_num}: not CSV ({exc})") from None
    return rows


def read_input(item: Input, matcher_for, *, mode: str = "auto", text_field: str = "text") -> list[Hit]:
    """Every hit in one input, or a ReportError (nothing of a bad file is counted).

    `mode` says how JSON Lines (and standard input) are read: "auto" by
    content (a record file when its first object has "id" and "source_form",
    else a corpus with one document a line), "records" or "jsonl" (a corpus).
    CSV files are records; any other file is a text document (md and html by
    suffix). `matcher_for()` gives the matcher, built only when a text needs it.
    """
    from toponyms.inputs import InputError, decode, read_bytes
    from toponyms.translate import reader

    name = "standard input" if item.path == STDIN else item.path
    if item.record or item.stored:
        return _output_hits(item)
    if item.path != STDIN and PurePath(item.path).suffix.lower() == ".sqlite":
        return _store_hits(item)
    suffix = PurePath(item.path).suffix.lower()
    try:
        data = read_bytes(item.path)
        if item.path != STDIN and suffix not in (".jsonl", ".ndjson", ".csv"):
            # A document: read by its format (txt, md, html, docx, odt, srt, vtt, epub), as translate reads it.
            read = reader.read_input(item.path, data=data) if data.strip() else None
            documents = [Document(item.path, d.text, d.fmt, item.dir) for d in (read.documents if read else [])]
            return list(corpus_hits(documents, matcher_for())) if documents else [
                Hit(item.path, None, None, item.dir)]
        text = decode(data, name, allow_empty=True)
    except InputError as exc:
        raise ReportError(str(exc)) from None
    except ToponymsError as exc:
        raise ReportError(str(exc)) from None
    if item.path == STDIN or suffix in (".jsonl", ".ndjson"):
        lines = list(_json_lines(text, name))
        kind = mode
        if kind == "auto":
            kind = "records" if lines and is_record(lines[0][1]) else "jsonl"
        if kind == "records":
            rows = [_check_row(row, name, number) for number, row in lines]
            return list(record_hits(rows, origin=name))
        documents = []
        for number, row in lines:
            body = row.get(text_field)
            if not isinstance(body, str):
                if text_field not in row:
                    fields = ", ".join(sorted(row)) or "none"
                    raise ReportError(f"{name}:{number}: no {text_field!r} field (fields: {fields}; "
                                      f"--text-field names the text, --records reads record rows)")
                raise ReportError(f"{name}:{number}: the {text_field!r} field is not text")
            fields = {k: v for k, v in row.items() if k != text_field}
            documents.append(Document(f"{name}:{number}", body, "txt", item.dir, fields))
        return list(corpus_hits(documents, matcher_for())) if documents else []
    return list(record_hits(read_records_csv(text, name), origin=name))


def read_rows(item: Input) -> list[dict]:
    """The record rows of an input that holds records: an out-dir's store (all its documents), an output
    of toponyms (its record), a record file (.jsonl, .ndjson, .csv) or standard input read as records.
    Anything else is a ReportError."""
    from toponyms.inputs import InputError, decode, read_bytes, read_text

    name = "standard input" if item.path == STDIN else item.path
    if item.stored:
        store, relative = item.stored
        text, name = _store_records(store)[relative][1], f"{store}:{relative}"
    elif item.record:
        try:
            text, name = read_text(item.record, allow_empty=True), item.record
        except InputError as exc:
            raise ReportError(str(exc)) from None
    elif item.path != STDIN and PurePath(item.path).suffix.lower() == ".sqlite":
        rows = []
        for relative, (_, text) in _store_records(item.path).items():
            where = f"{item.path}:{relative}"
            rows.extend(_check_row(row, where, number) for number, row in _json_lines(text, where))
        return rows
    else:
        suffix = PurePath(item.path).suffix.lower()
        if item.path != STDIN and suffix not in RECORD_SUFFIXES:
            raise ReportError(f"{name}: not a record file or an output with a record")
        try:
            text = decode(read_bytes(item.path), name, allow_empty=True)
        except InputError as exc:
            raise ReportError(str(exc)) from None
        if suffix == ".csv":
            return read_records_csv(text, name)
    lines = list(_json_lines(text, name))
    if lines and not is_record(lines[0][1]) and not (item.record or item.stored):
        raise ReportError(f"{name}:{lines[0][0]}: not a record row: no id, source_form")
    return [_check_row(row, name, number) for number, row in lines]


def _store_hits(item: Input) -> list[Hit]:
    """The hits of every document an out-dir's store holds a record of (one that names no place counted too)."""
    hits = []
    for relative, (source, text) in _store_records(item.path).items():
        where = f"{item.path}:{relative}"
        rows = [_check_row(row, where, number) for number, row in _json_lines(text, where)]
        found = list(record_hits(rows, origin=where))
        doc = found[0].doc if found else (source or relative)
        hits.append(Hit(doc, None, None, posixpath.dirname(doc.replace(os.sep, "/")) or "."))
        hits.extend(found)
    return hits


def _output_hits(item: Input) -> list[Hit]:
    """The hits of an output of toponyms: its record's rows, that is what its source wrote."""
    rows = read_rows(item)
    origin = f"{item.stored[0]}:{item.stored[1]}" if item.stored else item.record
    hits = [replace(hit, dir=item.dir) for hit in record_hits(rows, origin=origin)]
    # Read even when it names no place; under its source's name, as the record's rows are.
    return [Hit(hits[0].doc if hits else item.path, None, None, item.dir), *hits]


# ---------------------------------------------------------------- presenting


def _users(gazetteer, place: str, form: str) -> str:
    return ", ".join(_used_by(gazetteer, place, form))


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else ""


def summary(report: Report, sources: bool = True) -> str:
    """One line: what was counted (and, with `sources`, the documents read per source)."""
    places = len(report.places())
    line = (f"{places} place{'s' * (places != 1)} named {report.mentions} "
            f"time{'s' * (report.mentions != 1)} in {report.naming} of {report.documents()} "
            f"document{'s' * (report.documents() != 1)}")
    if report.left_out:
        line += f" ({report.left_out} less mentioned left out)"
    if report.uncontested:
        line += f" ({report.uncontested} uncontested place{'s' * (report.uncontested != 1)} left out)"
    if report.by and sources:
        line += f"; by {report.by}: " + ", ".join(f"{s} {report.documents(s)}" for s in report.sources())
    return line


def render_table(report: Report, gazetteer=None, lang: str = "en") -> str:
    """A plain aligned table: per place its total, then each form seen with who uses it.

    Places and forms are named in `lang` (see `Names`). With `by`, each
    place has its rows per source. `share` is the form's part of the place's
    mentions (in that source).
    """
    names = Names(gazetteer, lang)
    header = ["place", *(["source"] if report.by else []), "form", "used by", "mentions", "documents", "share"]
    rows = []
    for place in report.places():
        first = True
        for source in (report.sources() if report.by else [None]):
            total = report.total(place, source)
            if total is None:
                continue
            lead = [names.place(place) if first else "", *([source] if report.by else [])]
            first = False
            rows.append([*lead, "(all forms)", "", str(total.mentions), str(total.documents), ""])
            for c in report.forms(place, source):
                blank = ["" for _ in lead]
                rows.append([*blank, names.form(place, c.form), _users(gazetteer, place, c.form), str(c.mentions),
                             str(c.documents), _percent(c.mentions, total.mentions)])
    numeric = {len(header) - 3, len(header) - 2, len(header) - 1}
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.rjust(w) if i in numeric else cell.ljust(w)
                         for i, (cell, w) in enumerate(zip(cells, widths))).rstrip()

    out = [summary(report), ""]
    if not rows:
        return out[0] + "\n"
    out.append(line(header))
    out.extend(line(r) for r in rows)
    return "\n".join(out) + "\n"


def render_csv(report: Report, gazetteer=None, lang: str = "en") -> str:
    """`to_rows` as CSV with a header row."""
    buffer = io.StringIO()
    columns = ["place", "place_name", "form", "form_name", "used_by", *(["source"] if report.by else []),
               "mentions", "documents"]
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(report.to_rows(gazetteer, lang))
    return buffer.getvalue()


def render_json(report: Report, gazetteer=None, lang: str = "en") -> str:
    return json.dumps(report.to_json(gazetteer, lang), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- the chart


def chart_format(path: str) -> str:
    """"png" or "svg" by the suffix of `path`; a one-line error for anything else."""
    suffix = PurePath(path).suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise ReportError(f"{path}: a chart is written as .png or .svg, not {suffix or 'a file without a suffix'}")
    return suffix[1:]


def _palette(gazetteer, report: Report) -> dict[str, Any]:
    """A colour per user: the users of the forms seen, in gazetteer order, on matplotlib's tab10."""
    from matplotlib import colormaps

    users = list(gazetteer.users) if gazetteer is not None else []
    for c in report.forms():
        first = (_used_by(gazetteer, c.place, c.form) or ["(unknown)"])[0]
        if first not in users:
            users.append(first)
    colours = colormaps["tab10"].colors + colormaps["Dark2"].colors
    return {user: colours[i % len(colours)] for i, user in enumerate(users)}


def _bars(ax, report: Report, bars: list[tuple[str, str, str | None]], gazetteer, colour: dict,
          names: Names) -> set[str]:
    """One horizontal bar per (label, place, source), split by form; each bar names its forms and counts."""
    used = set()
    widest = 0
    for y, (_, place, source) in enumerate(bars):
        left = 0
        parts = []
        seen_users: set[str] = set()
        for c in report.forms(place, source):
            user = (_used_by(gazetteer, place, c.form) or ["(unknown)"])[0]
            hatch = "//" if user in seen_users else None  # two forms of one place with the same first user
            seen_users.add(user)
            used.add(user)
            ax.barh(y, c.mentions, left=left, color=colour[user], edgecolor="white", hatch=hatch, linewidth=0.8)
            left += c.mentions
            parts.append(f"{names.form(place, c.form)} {c.mentions}")
        widest = max(widest, left)
        if parts:
            ax.text(left, y, "  " + " · ".join(parts), va="center", ha="left", fontsize=8)
    ax.set_yticks(range(len(bars)), [label for label, _, _ in bars])
    if bars:
        ax.set_ylim(len(bars) - 0.5, -0.5)
    ax.set_xlim(0, max(widest, 1) * 1.9)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("mentions")
    return used


def write_chart(report: Report, gazetteer, path: str, *, force: bool = False, lang: str = "en") -> None:
    """A horizontal stacked bar chart of mentions per place and form, to PNG or SVG, written atomically.

    Bars are split by rival form, coloured by the form's first user in the
    gazetteer (the legend), and each bar names its forms and their counts.
    With `by`, small multiples: one panel per place, one bar per source.
    Places and forms are named in `lang`.
    """
    from toponyms.outputs import OutputError, atomic_path, no_directory, refuse_overwrite

    fmt = chart_format(path)
    refuse_overwrite(path, force)
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(no_directory(path, directory))

    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    names = Names(gazetteer, lang)
    places = report.places()
    if report.by:
        panels = [(f"{names.place(place)}: {report.total(place).mentions} mentions",
                   [(s, place, s) for s in report.sources()]) for place in places]
    else:
        panels = [(None, [(names.place(place), place, None) for place in places])]
    colour = _palette(gazetteer, report)
    rc = {"svg.fonttype": "none", "svg.hashsalt": "toponyms", "font.size": 9}
    with matplotlib.rc_context(rc):
        columns = 1 if len(panels) == 1 else 2
        rows = -(-len(panels) // columns)
        bars = max(len(bars) for _, bars in panels)
        height = max(1.2, 0.3 * bars + 0.9)
        figure = Figure(figsize=(7.5 * columns, height * rows + 1.3), layout="constrained")
        axes = figure.subplots(rows, columns, squeeze=False)
        used: set[str] = set()
        for index, ax in enumerate(axes.flat):
            if index >= len(panels):
                ax.set_visible(False)
                continue
            title, panel = panels[index]
            used |= _bars(ax, report, panel, gazetteer, colour, names)
            if title:
                ax.set_title(title, fontsize=9, loc="left")
        title = "Rival place names: mentions of each place per form" + (f", by {report.by}" if report.by else "")
        figure.suptitle(f"{title}\n{summary(report, sources=False)}", fontsize=10)
        if not places:
            axes.flat[0].text(0.5, 0.5, "no place named", transform=axes.flat[0].transAxes, ha="center")
        handles = [Patch(facecolor=colour[u], label=u) for u in colour if u in used]
        if handles:
            figure.legend(handles=handles, title="form used by (first user)", loc="outside lower center",
                          ncols=min(len(handles), 4), fontsize=8, title_fontsize=8, frameon=False)
        with atomic_path(str(target), force=True, suffix=f".part.{fmt}") as temporary:
            metadata = {"Date": None} if fmt == "svg" else {"Software": None}
            figure.savefig(temporary, format=fmt, dpi=110, metadata=metadata)

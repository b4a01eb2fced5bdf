"""Translating many documents: worker processes, resumable runs, failures that do not sink the run.

`plan()` turns the user's inputs into tasks (where each output goes);
`run()` translates them, in this process or in `jobs` worker processes that
each load the gazetteer and the engine once, and yields an `Outcome` per
input as it finishes. Every output is written atomically, so a run killed at
any moment leaves whole files or none.

An output directory (`toponyms.outdir.OutDir`, opened by `prepare_out_dir`)
is locked for the run and keeps its state under `.toponyms/`: the settings of
the last run, and one SQLite store (`records.sqlite`) of every file the tool
wrote there with the SHA-256 of its content and the stamp of what it was made
from (the input's content, the gazetteer files' content and the settings), and
the record of each document's names, which `--record` gathers and
`toponyms report` reads. Workers return outputs and records; only this
process writes the store, one transaction per group of documents, and then
the outputs (`write_outcomes`). A rerun skips an input whose output still
holds what the store says and whose stamp is the same (a stat of each when
neither was touched); a file the tool did not write is never overwritten
without `force`.

A warm rerun does not translate again: the translation cache also keeps each
finished document (output bytes and record) under its stamp, its path and the
engines' fingerprints (`toponyms.translate.cache.TranslationCache.documents`),
so an input whose output was deleted is written back from there without
finding or placing its names, as long as its content, the settings, the
gazetteer's content, the engine and the toponyms version are all the same.

JSON Lines inputs go line by line: a bad line (not JSON, not an object, no
text field, a language that cannot be told) is reported with its number and
the good lines are still translated and written, the other fields spliced
back byte for byte (`toponyms.jsonlines`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import signal
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Iterator

from toponyms.errors import Terminated, ToponymsError
from toponyms.inputs import STDIN, Source, read_bytes
from toponyms.outdir import OutDir, RecordRows, content_hash, rows_text
from toponyms.outputs import OutputError, remove_temporaries, write_atomic
from toponyms.translate.formats.text import TEXT_FORMATS

# Inputs per engine call: Apertium takes most of a second to start, and a neural engine
# wants full batches, so small files go together, up to this many bytes or documents;
# small enough that a killed run loses little and the workers stay busy to the end.
CHUNK_BYTES = 48_000
CHUNK_DOCUMENTS = 400
# More worker processes than this per core only add memory (each loads the gazetteer and an
# engine) and start-up time: --jobs 1000 is taken down to it, with a note.
JOBS_PER_CORE = 4


@dataclass(frozen=True)
class Settings:
    """Everything that decides what an output looks like (and so whether it is up to date)."""

    src: str  # a language code, or "auto" to detect it per document
    tgt: str | None  # None: normalise, in each document's own language
    engine: str = "auto"
    fmt: str = "auto"
    convention: str | None = None
    rival: str = "first"
    gazetteer: tuple[str, ...] | None = None
    jsonl: bool = False
    text_field: str = "text"
    names_field: str | None = None
    # Below: how the work is done, not what it gives; left out of the fingerprint.
    cache: bool = True
    device: str | None = None
    threads: int | None = None
    inter_threads: int | None = None
    compute_type: str | None = None  # changes the output: part of the fingerprint
    # The naming policy beyond convention and rival (see toponyms.render.Policy); part of the fingerprint.
    rival_style: str = "{name} ({rival})"
    in_quotes: str = "keep"
    official: bool = False
    as_of: str | None = None
    date_field: str | None = None  # with jsonl: the field holding each document's date

    def fingerprint(self) -> str:
        what = {k: v for k, v in asdict(self).items() if k not in ("cache", "device", "threads", "inter_threads")}
        return hashlib.blake2b(json.dumps(what, sort_keys=True).encode(), digest_size=8).hexdigest()

    def policy(self):
        """The naming policy these settings ask for."""
        from toponyms.render import Policy

        return Policy(self.convention, self.rival, self.rival_style, self.in_quotes, self.official, self.as_of)


def run_key(settings: Settings) -> str:
    """What every output of a run depends on besides its input: the settings and the gazetteer files' content.

    The gazetteer's path alone is not enough: an edited gazetteer must redo the outputs.
    """
    from toponyms.gazetteer import resolve_paths

    digest = hashlib.blake2b(settings.fingerprint().encode(), digest_size=16)
    for path in resolve_paths(list(settings.gazetteer) if settings.gazetteer else None):
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0unreadable")
    return digest.hexdigest()


def stamp(key: str, data: bytes) -> str:
    """The stamp of an output made from input bytes `data` under run key `key`."""
    return stamp_of_hash(key, hashlib.sha256(data).hexdigest())


def stamp_of_hash(key: str, input_sha256: str) -> str:
    """The stamp of an output made from input content hashing to `input_sha256` (hex) under run key `key`."""
    return hashlib.blake2b(key.encode() + b"\0" + bytes.fromhex(input_sha256), digest_size=16).hexdigest()


def engine_for(settings: Settings, src: str, tgt: str):
    """The engine the settings choose for a pair (configured, not cached, not started)."""
    from toponyms.translate.engines.registry import choose_engine, configure

    for ct2_engine in ("argos", "multilingual"):
        configure(ct2_engine, device=settings.device, intra_threads=settings.threads,
                  inter_threads=settings.inter_threads, compute_type=settings.compute_type)
    engine_name = "none" if src == tgt and settings.engine == "auto" else settings.engine
    return choose_engine(engine_name, src, tgt)


def worker_count(requested: int | None, tasks: int | None = None) -> tuple[int, str | None]:
    """Worker processes for `--jobs` (0 or None: the cores), capped; and a note when capped."""
    cores = os.cpu_count() or 1
    if requested is not None and requested < 0:
        raise ToponymsError(f"--jobs must be 0 (the cores) or more, not {requested}")
    jobs = requested or cores
    note = None
    if jobs > cores * JOBS_PER_CORE:
        note = f"--jobs {jobs} is more than {JOBS_PER_CORE} workers a core: using {cores * JOBS_PER_CORE}"
        jobs = cores * JOBS_PER_CORE
    if tasks is not None:
        jobs = min(jobs, max(1, tasks))
    return max(1, jobs), note


@dataclass(frozen=True)
class Task:
    """One input and where its results go (`output` None: returned for standard output).

    With `stored` (the output's path under an out-dir, its key in the out-dir's
    store) the worker does not write the output: it returns the bytes and the
    record, and the process holding the out-dir writes them (`write_outcomes`).
    """

    source: Source
    output: str | None = None
    stored: str | None = None
    review: str | None = None  # where to write the review page (toponyms.review), if asked


@dataclass(frozen=True)
class Outcome:
    """What became of one input."""

    source: str
    status: str  # "done", "skipped" (up to date), "failed"
    output: str | None = None
    text: str | None = None  # the output, when it goes to standard output
    messages: tuple[str, ...] = ()  # why it failed (one per bad line of a JSON Lines input)
    detected: str | None = None  # "az (0.98 confidence)" when the language was detected
    # Record rows: a tuple, or a RecordRows (the store's or the cache's text, parsed when first read).
    rows: tuple[dict, ...] | RecordRows = field(default=(), repr=False)
    # For an out-dir output, until `write_outcomes` writes it: its bytes, and what the store keeps of it.
    data: bytes | None = field(default=None, repr=False)
    stored: str | None = None
    stamp: str | None = None
    input_sha256: str | None = None
    input_stat: tuple[int, int] | None = None  # (size, mtime_ns) of the input, taken before it was read
    engines: tuple[tuple[str, str], ...] = ()  # ("src>tgt", engine fingerprint) of every pair used
    cached: bool = False  # written back from the finished-document cache
    record_text: str | None = field(default=None, repr=False)  # the rows as JSON Lines, when already at hand


# ------------------------------------------------------------------ planning


def plan(sources: list[Source], out_dir: str | OutDir | None) -> list[Task]:
    """A task per source; with `out_dir` the outputs mirror the inputs' paths under it.

    An out-dir that is an input directory, two inputs that would be written
    to one output, and an input that would be replaced by its own output are
    refused before any work (ToponymsError). Nothing is created here.
    """
    if out_dir is None:
        return [Task(source) for source in sources]
    out = out_dir if isinstance(out_dir, OutDir) else OutDir(out_dir)
    out.check()
    tasks, claimed = [], {}
    for source in sources:
        relative = source.relative if source.path != STDIN else "stdin"
        output = out.root / relative
        if output in claimed:
            raise ToponymsError(f"{claimed[output]} and {source.path} would both be written to {output}: "
                                f"translate them into different --out-dir directories")
        claimed[output] = source.path
        if source.path != STDIN and not source.problem and output.exists() and _same_file(output, source.path):
            raise ToponymsError(f"{source.path} would be replaced by its own translation (--out-dir {out.root}); "
                                f"choose another directory")
        tasks.append(Task(source, str(output), stored=Path(relative).as_posix()))
    return tasks


def _same_file(a: Path, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def prepare_out_dir(out_dir: str | OutDir, settings: Settings, force: bool = False, inputs: list[str] = ()) -> OutDir:
    """The output directory, checked, locked and ready (see `toponyms.outdir.OutDir`); close it after the run.

    The settings of the run are saved in `.toponyms/settings.json`, for people
    to read: whether an output is up to date is decided by its row in the store.
    """
    out = (out_dir if isinstance(out_dir, OutDir) else OutDir(out_dir, inputs)).open()
    try:
        write_atomic(str(out.state / "settings.json"),
                     json.dumps({"fingerprint": settings.fingerprint(), "settings": asdict(settings)}, indent=2),
                     force=True)
    except BaseException:
        out.close()
        raise
    return out


def split_up_to_date(tasks: list[Task], redo: bool, out: OutDir | None = None, key: str | None = None,
                     force: bool = False) -> tuple[list[Outcome], list[Task]]:
    """Outcomes for the tasks not to do (up to date, or refused), and the tasks left to do.

    A task whose output exists but was not written by the tool (no row in the
    store for its content) is refused unless `force`: the user's file stays.
    An output is up to date when its row has the stamp of the input's content
    under `key` (settings and gazetteer) and the store has its record; `redo`
    does them all again. Neither file is read when both have the size and
    time they had when the output was written; an input that was touched but
    not changed costs one hash, and its new time is kept for the next run.
    """
    settled, pending, restat = [], [], []
    for task in tasks:
        if out is None or task.output is None or task.stored is None:
            pending.append(task)
            continue
        # A review page asked for and missing: this input is redone (the segment cache makes it cheap),
        # and only this one.
        page_missing = task.review is not None and not os.path.exists(task.review)
        if os.path.isdir(task.output):
            settled.append(Outcome(task.source.path, "failed", messages=(f"{task.output}: is a directory",)))
            continue
        # A stat may tell that an output is up to date; only its hash tells that it may be overwritten.
        entry = None if redo or page_missing else out.unchanged_since_written(task.output, task.stored)
        if entry is not None:
            rows = _up_to_date(task, entry, key, out, restat)
            if rows is not None:
                settled.append(Outcome(task.source.path, "skipped", output=task.output, rows=rows))
                continue
        exists, entry = out.written_by_us(task.output, task.stored)
        if exists and entry is None and not force:
            settled.append(Outcome(task.source.path, "failed", messages=(
                f"{task.output}: exists and was not written by toponyms; pass --force to overwrite it",)))
            continue
        rows = None if redo or page_missing or entry is None else _up_to_date(task, entry, key, out, restat)
        if rows is not None:
            settled.append(Outcome(task.source.path, "skipped", output=task.output, rows=rows))
            continue
        pending.append(task)
    if restat:
        try:
            out.store.restat(restat)
        except OutputError:
            pass  # only a saving for the next run
    return settled, pending


def _up_to_date(task: Task, entry: dict, key: str | None, out: OutDir, restat: list) -> list[dict] | None:
    """The record rows of an output made from this very input under `key`, or None when it must be redone.

    The input is hashed only when its size or time is not what it was when
    the output was written; then its new ones go into `restat`.
    """
    if not entry.get("complete", True) or key is None or task.source.path == STDIN or task.source.problem:
        return None
    input_stat = _stat(task.source.path)
    input_sha = entry.get("input_sha256")
    if input_sha is None or input_stat is None or input_stat != (entry.get("input_size"), entry.get("input_mtime_ns")):
        try:
            input_sha = content_hash(read_bytes(task.source.path))
        except ToponymsError:
            return None
        if stamp_of_hash(key, input_sha) == entry.get("stamp"):
            restat.append({"path": task.stored, "sha256": entry["sha256"], "input_sha256": input_sha,
                           "input_size": input_stat[0] if input_stat else None,
                           "input_mtime_ns": input_stat[1] if input_stat else None})
    if stamp_of_hash(key, input_sha) != entry.get("stamp"):
        return None
    return out.store.rows(task.stored)


def _stat(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def document_key(settings: Settings, source: str, stamp_: str) -> bytes:
    """The finished-document cache's key of one input: its stamp, its path (records name it), the code
    that finds and places names and, when languages are detected, the detector's version."""
    parts = [stamp_, source, _code_digest()]
    if settings.src == "auto":
        parts.append(_version("lingua-language-detector"))
    return hashlib.blake2b("\0".join(parts).encode("utf-8"), digest_size=20).digest()


@functools.lru_cache(maxsize=None)
def _code_digest() -> str:
    """A hash of every module of the installed toponyms package (name core, pipeline, formats, engines).

    Not its version number: a checkout or a patched install that places names differently under
    the same version must not be served documents that the old code made (about 5 ms, once a process)."""
    import toponyms
    import toponyms.translate

    # Two roots: in a checkout toponyms/translate is a link that rglob does not follow.
    roots = {Path(toponyms.__file__).resolve().parent, Path(toponyms.translate.__file__).resolve().parent}
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted({p.resolve() for root in roots for p in root.rglob("*.py")}):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=None)
def _version(package: str) -> str:
    """An installed package's version (reading its metadata takes 2 ms: once a process)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def document_cache(settings: Settings, out: OutDir | None):
    """The translation cache whose `documents` table keeps finished out-dir documents, or None (--no-cache).

    One for the whole run, so that a cache that cannot be used is warned about once.
    """
    if out is None or not settings.cache:
        return None
    from toponyms.translate.cache import TranslationCache

    return TranslationCache()


def from_cache(tasks: list[Task], settings: Settings, key: str, cache=None) -> tuple[list[Outcome], list[Task]]:
    """Outcomes written back from the finished-document cache, and the tasks it does not hold.

    Only for out-dir tasks without a review page, with the cache on. An entry
    is used only when every engine it was made with has the same fingerprint
    now (an upgraded Apertium pair or model redoes the document).
    """
    if cache is None or not tasks:
        return [], tasks
    candidates = []
    for task in tasks:
        if task.stored is None or task.review or task.source.path == STDIN or task.source.problem:
            continue
        input_stat = _stat(task.source.path)
        try:
            data = read_bytes(task.source.path)
        except ToponymsError:
            continue
        input_sha = content_hash(data)
        input_stamp = stamp_of_hash(key, input_sha)
        candidates.append((task, input_stat, input_sha, input_stamp, document_key(settings, task.source.path, input_stamp)))
    found = cache.get_documents([c[4] for c in candidates])
    fingerprints: dict[str, str | None] = {}

    def current(pair: str) -> str | None:
        if pair not in fingerprints:
            src, tgt = pair.split(">")
            try:
                fingerprints[pair] = engine_for(settings, src, tgt).fingerprint(src, tgt)
            except ToponymsError:
                fingerprints[pair] = None
        return fingerprints[pair]

    done, used = [], set()
    for task, input_stat, input_sha, input_stamp, document in candidates:
        entry = found.get(document)
        if entry is None:
            continue
        engines, output, rows, detected = entry
        if not engines or any(current(pair) != fingerprint for pair, fingerprint in engines):
            continue
        used.add(task)
        done.append(Outcome(task.source.path, "done", output=task.output, rows=RecordRows(rows),
                            detected=detected, data=output, stored=task.stored, stamp=input_stamp,
                            input_sha256=input_sha, input_stat=input_stat, engines=tuple(engines), cached=True,
                            record_text=rows))
    return done, [task for task in tasks if task not in used]


def write_outcomes(outcomes: list[Outcome], out: OutDir | None, settings: Settings | None = None,
                   cache=None) -> list[Outcome]:
    """Write a group of out-dir outputs: their rows in the store (one transaction), then the files.

    Outcomes without data (skipped, failed, for standard output or written
    by the worker) pass through. An output that cannot be written becomes a
    failed outcome; its note in the store matches nothing and is harmless.
    With a `cache` (`document_cache`), the finished documents go to the translation
    cache's document table, so that a rerun with the outputs gone rewrites
    them from there.
    """
    writing = [o for o in outcomes if o.data is not None and o.stored is not None and out is not None]
    if not writing:
        return outcomes
    notes = [{"path": o.stored, "sha256": content_hash(o.data), "stamp": o.stamp, "complete": not o.messages,
              "source": o.source, "input_sha256": o.input_sha256,
              "input_size": o.input_stat[0] if o.input_stat else None,
              "input_mtime_ns": o.input_stat[1] if o.input_stat else None,
              "rows": o.record_text if o.record_text is not None else rows_text(o.rows)}
             for o in writing]
    try:
        noted = out.already_noted(notes)
        out.store.note([note for note in notes if note["path"] not in noted])
    except OutputError as exc:
        failed = {id(o): replace(o, status="failed", messages=o.messages + (str(exc),), data=None) for o in writing}
        return [failed.get(id(o), o) for o in outcomes]
    settled, confirmed, fresh = {}, [], []
    folders = set()  # made (or found) in this group: one mkdir a folder, not one an output
    for outcome, note in zip(writing, notes):
        try:
            folder = os.path.dirname(outcome.output)
            if folder not in folders:
                try:
                    Path(folder).mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise OutputError(f"{outcome.output}: cannot write: {exc.strerror}") from None
                folders.add(folder)
            write_atomic(outcome.output, outcome.data, force=True)
        except ToponymsError as exc:
            settled[id(outcome)] = replace(outcome, status="failed", messages=outcome.messages + (str(exc),),
                                           data=None)
            continue
        info = os.stat(outcome.output)
        confirmed.append({"path": note["path"], "sha256": note["sha256"], "output_size": info.st_size,
                          "output_mtime_ns": info.st_mtime_ns})
        if cache is not None and settings is not None and not outcome.cached and not outcome.messages \
                and outcome.engines:
            fresh.append((document_key(settings, outcome.source, outcome.stamp),
                          outcome.engines, outcome.data, note["rows"], outcome.detected))
        settled[id(outcome)] = replace(outcome, data=None, record_text=None)
    try:
        out.store.confirm(confirmed)
    except OutputError:
        pass  # the rows of the new content are in; the old ones are only extra
    if fresh:
        cache.put_documents(fresh)
    return [settled.get(id(o), o) for o in outcomes]


# ------------------------------------------------------------------ running


@dataclass
class _Input:
    """One input being translated: its documents, and what went wrong with some of them."""

    task: Task
    documents: list = field(default_factory=list)  # (line, text, fmt, JsonLine or None)
    problems: list = field(default_factory=list)  # (line, message)
    results: list = field(default_factory=list)  # (line, JsonLine or None, Translation)
    stamp: str | None = None
    input_sha256: str | None = None
    input_stat: tuple[int, int] | None = None
    pairs: set = field(default_factory=set)  # the (src, tgt) pairs its documents went through
    detected: str | None = None
    format: str = "txt"  # the input's format (toponyms.translate.formats)
    document: object = None  # its Document, when it is not JSON Lines (written back by its format)
    stopped: bool = False  # --fail-fast stopped reading it at a bad line


class Worker:
    """The gazetteer, matcher and engines of one process, loaded once and used for many documents."""

    def __init__(self, settings: Settings):
        from toponyms.compiled import load_matcher

        self.settings = settings
        self.key = run_key(settings)
        self.gazetteer, self.matcher = load_matcher(settings.gazetteer)
        self.policy = settings.policy()
        self.policy.check(self.gazetteer)
        self._translators: dict[tuple[str, str], object] = {}

    def translator(self, src: str, tgt: str):
        """The document translator for a pair, its engine chosen and loaded once."""
        if (src, tgt) not in self._translators:
            from toponyms.translate.pipeline import DocumentTranslator

            engine = engine_for(self.settings, src, tgt)
            if self.settings.cache and engine.name != "none":
                from toponyms.translate.cache import CachedEngine, TranslationCache

                engine = CachedEngine(engine, TranslationCache())
            self._translators[(src, tgt)] = DocumentTranslator(engine, self.gazetteer, self.matcher, self.policy)
        return self._translators[(src, tgt)]

    def language(self, text: str) -> tuple[str, str | None]:
        """The document's language, and how sure detection was when it had to guess."""
        if self.settings.src != "auto":
            return self.settings.src, None
        from toponyms.translate.detect import require_detection

        found = require_detection(text, option="--from" if self.settings.tgt else "--lang")
        return found.lang, f"{found.lang} ({found.confidence:.2f} confidence, lingua)"

    def run(self, tasks: list[Task], fail_fast: bool = False) -> list[Outcome]:
        """Translate the tasks' documents, batching those of one language pair into one engine call.

        A JSON Lines input with bad lines still gets its good lines done; with
        `fail_fast` it stops at its first bad line (the lines before it are done).
        """
        inputs = [_Input(task) for task in tasks]
        units: dict[tuple[str, str], list] = {}  # (src, tgt) -> [(input, line, text, fmt, json line)]
        for item in inputs:
            try:
                self._read(item, fail_fast)
            except ToponymsError as exc:
                item.problems.append((0, str(exc)))
                continue
            for line, text, fmt, json_line in item.documents:
                where = f"{item.task.source.path}:{line}" if json_line is not None else None
                try:
                    self._date(json_line)  # a date that cannot be read makes a bad line, before any work
                    src, guess = self.language(text)
                except ToponymsError as exc:
                    if where is None:  # a batch says which input it could not tell
                        item.problems.append((0, f"{item.task.source.path}: {exc}"))
                        break
                    item.problems.append((line, f"{where}: {exc}"))
                    if fail_fast:
                        item.stopped = True
                        break
                    continue
                if guess and item.detected is None:
                    item.detected = guess
                units.setdefault((src, self.settings.tgt or src), []).append((item, line, text, fmt, json_line))
        for (src, tgt), docs in units.items():
            docs = [doc for doc in docs if not (doc[4] is None and doc[0].problems)]
            try:
                translations = self.translator(src, tgt).translate_many(
                    [(text, fmt, _doc_name(item.task, line), self._date(json_line))
                     for item, line, text, fmt, json_line in docs], src, tgt)
            except ToponymsError as exc:
                for item, line, *_ in docs:
                    item.problems.append((line, f"{item.task.source.path}:{line}: {exc}" if line else str(exc)))
                continue
            for (item, line, _, _, json_line), translation in zip(docs, translations):
                item.results.append((line, json_line, translation))
                item.pairs.add((src, tgt))
        return [self._finish(item) for item in inputs]

    def _date(self, json_line) -> str | None:
        """The document's date from --date-field (a JSON Lines field), None when the line has none.

        An ISO time stamp gives its day (2019-05-01T10:00:00Z); a value that is no ISO date
        (01.05.2019) is an error: naming that article by today's names would be silently wrong.
        """
        if json_line is None or not self.settings.date_field:
            return None
        from toponyms.render import check_date

        value = json_line.fields.get(self.settings.date_field)
        if value is None or value == "":
            return None
        day = str(value)[:10]
        if not isinstance(value, str) or not check_date(day):
            raise ToponymsError(f"date field {self.settings.date_field!r} holds {value!r}, not a date "
                                "(YYYY, YYYY-MM or YYYY-MM-DD)")
        return day

    def _read(self, item: _Input, fail_fast: bool) -> None:
        """The documents of an input: itself, or one per good JSON line (bad ones become problems)."""
        from toponyms.translate.reader import read_input

        task = item.task
        if task.source.problem:
            raise ToponymsError(task.source.problem)
        item.input_stat = _stat(task.source.path) if task.source.path != STDIN else None
        data = read_bytes(task.source.path)
        item.input_sha256 = content_hash(data)
        item.stamp = stamp_of_hash(self.key, item.input_sha256)
        read = read_input(task.source.path, self.settings.fmt, self.settings.jsonl, self.settings.text_field, data)
        item.format = read.format
        if not self.settings.jsonl:
            [document] = read.documents
            item.document = document
            item.documents.append((0, document.text, document.fmt, None))
            return
        problems = iter(read.problems)
        bad = next(problems, None)
        for document in read.documents:
            while bad is not None and bad[0] < document.line:
                item.problems.append(bad)
                if fail_fast:
                    item.stopped = True
                    return
                bad = next(problems, None)
            item.documents.append((document.line, document.text, document.fmt, document.fields))
        if bad is not None:
            item.problems.append(bad)
            if fail_fast:
                item.stopped = True
                return
            item.problems.extend(problems)

    def _finish(self, item: _Input) -> Outcome:
        """Write (or return) the output and the record of one input."""
        task = item.task
        messages = tuple(message for _, message in sorted(item.problems, key=lambda p: p[0]))
        unreadable = any(line == 0 for line, _ in item.problems)
        if unreadable or (not self.settings.jsonl and not item.results):
            return Outcome(task.source.path, "failed", messages=messages or ("nothing translated",),
                           detected=item.detected)
        rows = []
        if self.settings.jsonl:
            lines = []
            for _, json_line, translation in sorted(item.results, key=lambda r: r[0]):
                values = {self.settings.text_field: translation.text}
                if self.settings.names_field:
                    values[self.settings.names_field] = [p.to_json() for p in translation.placements]
                lines.append(json_line.with_fields(values) + "\n")
                passed = {k: v for k, v in json_line.fields.items() if k != self.settings.text_field}
                rows.extend({**p.to_json(), "fields": passed} for p in translation.placements)
            text = "".join(lines)
        else:
            [(_, _, translation)] = item.results
            text = translation.text
            rows = [p.to_json() for p in translation.placements]
            if item.format not in TEXT_FORMATS:
                from toponyms.translate.formats import get_format

                form = get_format(item.format)
                text = form.write(item.document, text)  # the file in its own format (bytes when binary)
                if task.output is None and form.binary:
                    return Outcome(task.source.path, "failed", messages=(
                        f"{task.source.path}: a .{item.format} translation cannot go to standard output: "
                        "give --output or --out-dir",), detected=item.detected)
        status = "failed" if messages else "done"
        try:
            if task.review:
                self._write_review(task, item)
            if task.output is None:
                return Outcome(task.source.path, status, text=text, rows=tuple(rows), messages=messages,
                               detected=item.detected)
            data = text.encode("utf-8") if isinstance(text, str) else text
            if task.stored is not None:
                engines = tuple(sorted((f"{src}>{tgt}", self.translator(src, tgt).engine.fingerprint(src, tgt))
                                       for src, tgt in item.pairs))
                return Outcome(task.source.path, status, output=task.output, rows=tuple(rows), messages=messages,
                               detected=item.detected, data=data, stored=task.stored, stamp=item.stamp,
                               input_sha256=item.input_sha256, input_stat=item.input_stat, engines=engines)
            self._write(task.output, data)
        except ToponymsError as exc:
            return Outcome(task.source.path, "failed", messages=messages + (str(exc),), detected=item.detected)
        return Outcome(task.source.path, status, output=task.output, rows=tuple(rows), messages=messages,
                       detected=item.detected)

    @staticmethod
    def _write(output: str, data: bytes) -> None:
        """An output outside any out-dir (--output): whole or not at all."""
        try:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{output}: cannot write: {exc.strerror}") from None
        write_atomic(output, data, force=True)

    def _write_review(self, task: Task, item: _Input) -> None:
        """The review page of one input: each of its documents, source beside output."""
        from toponyms.review import ReviewDocument, review_page

        sources = {line: text for line, text, _, _ in item.documents}
        documents = [ReviewDocument(_doc_name(task, line), sources[line], translation.text,
                                    [p.to_json() for p in translation.placements],
                                    translation.source_lang, translation.target_lang)
                     for line, _, translation in sorted(item.results, key=lambda r: r[0])]
        try:
            Path(task.review).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{task.review}: cannot write: {exc.strerror}") from None
        write_atomic(task.review, review_page(documents, self.gazetteer), force=True)


def _doc_name(task: Task, line: int) -> str:
    return f"{task.source.path}:{line}" if line else task.source.path


_worker: Worker | None = None


def _exit_on_sigterm(signum, frame) -> None:
    """In a worker process: remove the temporary file being written, and go."""
    remove_temporaries()
    os._exit(128 + signum)


def _start_worker(settings: Settings) -> None:
    global _worker
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what an interrupt does
    _worker = Worker(settings)


def _run_chunk(tasks: list[Task], fail_fast: bool = False) -> list[Outcome]:
    return _worker.run(tasks, fail_fast)


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


def run(tasks: list[Task], settings: Settings, jobs: int = 1, redo: bool = False,
        fail_fast: bool = False, out: OutDir | None = None, force: bool = False) -> Iterator[Outcome]:
    """Translate `tasks`, yielding an Outcome per task as chunks finish (settled ones first).

    With `out`, a task whose output is up to date is skipped (unless `redo`)
    and one whose output is not the tool's is refused (unless `force`); see
    `split_up_to_date`. With `jobs` > 1 the chunks go to that many worker
    processes and outcomes come in the order chunks finish; with one job, in
    input order. Out-dir outputs come back from the workers and are written
    here, a chunk at a time (`write_outcomes`); those the finished-document
    cache holds are written back from it without a worker (`from_cache`).
    SIGTERM ends the workers, which remove the temporary file they are
    writing, and raises `Terminated` here.
    """
    key = run_key(settings) if out else None
    settled, pending = split_up_to_date(tasks, redo, out, key, force)
    yield from settled
    previous = _on_sigterm(_raise_terminated)
    cache = document_cache(settings, out)
    try:
        # `redo` (--force) makes every document again; the segment cache still serves the engine.
        cached, pending = from_cache(pending, settings, key, cache) if not redo else ([], pending)
        if cache is not None and cache.failed:
            settings = replace(settings, cache=False)  # warned about here: the workers need not try again
        for start in range(0, len(cached), CHUNK_DOCUMENTS):
            yield from write_outcomes(cached[start:start + CHUNK_DOCUMENTS], out, settings, cache)
        chunks = chunk_tasks(pending, jobs)
        if not chunks:
            return
        if jobs <= 1 or len(chunks) == 1:
            worker = Worker(settings)
            for chunk in chunks:
                outcomes = write_outcomes(worker.run(chunk, fail_fast), out, settings, cache)
                yield from outcomes
                if fail_fast and any(o.status == "failed" for o in outcomes):
                    return
        else:
            yield from _run_pool(chunks, settings, jobs, fail_fast, out, cache)
    finally:
        _on_sigterm(previous)
        if cache is not None:
            cache.close()


def _on_sigterm(handler):
    """Set the SIGTERM handler where that can be done (the main thread); the previous one."""
    try:
        return signal.signal(signal.SIGTERM, handler)
    except (ValueError, TypeError):
        return None


def _run_pool(chunks: list[list[Task]], settings: Settings, jobs: int, fail_fast: bool,
              out: OutDir | None = None, cache=None) -> Iterator[Outcome]:
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), initializer=_start_worker, initargs=(settings,))
    finished = False
    try:
        futures = [pool.submit(_run_chunk, chunk, fail_fast) for chunk in chunks]
        remaining = set(futures)
        while remaining:
            done, remaining = wait(remaining, return_when=FIRST_COMPLETED)
            for future in done:
                outcomes = write_outcomes(future.result(), out, settings, cache)
                yield from outcomes
                if fail_fast and any(o.status == "failed" for o in outcomes):
                    remaining = set()
                    break
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True, cancel_futures=True)
        else:
            _stop_pool(pool)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """End a pool now (an error, an interrupt, SIGTERM): its workers remove their temporary files and exit."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()


def chunk_tasks(tasks: list[Task], jobs: int) -> list[list[Task]]:
    """Tasks in groups of about CHUNK_BYTES of input, at least two groups a worker when there is work."""
    sizes = []
    for task in tasks:
        try:
            sizes.append(os.stat(task.source.path).st_size if task.source.path != STDIN else CHUNK_BYTES)
        except OSError:
            sizes.append(0)
    limit = min(CHUNK_BYTES, max(1, sum(sizes) // max(1, 2 * jobs)))
    chunks, current, size = [], [], 0
    for task, task_size in zip(tasks, sizes):
        if current and (size + task_size > limit or len(current) >= CHUNK_DOCUMENTS):
            chunks.append(current)
            current, size = [], 0
        current.append(task)
        size += task_size
    if current:
        chunks.append(current)
    return chunks

"""Translating many documents: worker processes, resumable runs, failures that do not sink the run.

`plan()` turns the user's inputs into tasks (where each output goes, and
whether it is already up to date); `run()` translates them, in this process or
in `jobs` worker processes that each load the gazetteer and the engine once,
and yields an `Outcome` per input as it finishes. Every output is written
atomically, so a run killed at any moment leaves whole files or none; a rerun
skips the inputs whose output is newer than the input.

An output directory keeps its run state under `.toponyms/`: the settings the
outputs were made with (other settings redo everything) and the record of
each document's names (`.toponyms/records/<input path>.jsonl`), which
`--record` gathers and `toponyms report` can read.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Iterator

from toponyms.errors import ToponymsError
from toponyms.inputs import STDIN, Source, read_text
from toponyms.outputs import records_text, write_atomic

STATE_DIR = ".toponyms"
# Inputs per engine call: Apertium takes most of a second to start, and a neural engine
# wants full batches, so small files go together, up to this many bytes or documents;
# small enough that a killed run loses little and the workers stay busy to the end.
CHUNK_BYTES = 48_000
CHUNK_DOCUMENTS = 400


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

    def fingerprint(self) -> str:
        what = {k: v for k, v in asdict(self).items() if k not in ("cache", "device", "threads")}
        return hashlib.blake2b(json.dumps(what, sort_keys=True).encode(), digest_size=8).hexdigest()


@dataclass(frozen=True)
class Task:
    """One input and where its results go (`output` None: returned for standard output)."""

    source: Source
    output: str | None = None
    record: str | None = None
    review: str | None = None  # where to write the review page (toponyms.review), if asked


@dataclass(frozen=True)
class Outcome:
    """What became of one input."""

    source: str
    status: str  # "done", "skipped" (up to date), "failed"
    output: str | None = None
    text: str | None = None  # the output, when it goes to standard output
    messages: tuple[str, ...] = ()  # why it failed (several for JSON Lines inputs with bad lines)
    detected: str | None = None  # "az (0.98 confidence)" when the language was detected
    rows: tuple[dict, ...] = field(default=(), repr=False)  # record rows


# ------------------------------------------------------------------ planning


def plan(sources: list[Source], out_dir: str | None) -> list[Task]:
    """A task per source; with `out_dir` the outputs mirror the inputs' paths under it."""
    if out_dir is None:
        return [Task(source) for source in sources]
    root = Path(out_dir)
    tasks = []
    for source in sources:
        relative = source.relative if source.path != STDIN else "stdin"
        tasks.append(Task(source, str(root / relative), str(root / STATE_DIR / "records" / f"{relative}.jsonl")))
    return tasks


def _settings_changed(state: Path, settings: Settings) -> bool:
    stamp = state / "settings.json"
    try:
        return json.loads(stamp.read_text(encoding="utf-8")).get("fingerprint") != settings.fingerprint()
    except (OSError, ValueError):
        return False


def _up_to_date(task: Task) -> bool:
    """The task's output and record exist and are newer than its input."""
    if task.output is None or task.source.path == STDIN or task.source.problem:
        return False
    try:
        newest_input = os.stat(task.source.path).st_mtime_ns
        return (os.stat(task.output).st_mtime_ns >= newest_input
                and os.stat(task.record).st_mtime_ns >= newest_input)
    except OSError:
        return False


def prepare_out_dir(out_dir: str, settings: Settings, force: bool) -> bool:
    """Make the output directory ready; True when earlier outputs must all be redone.

    Leftovers of a run that was killed (temporary files, which are never
    seen as outputs) are removed here.
    """
    root = Path(out_dir)
    if root.exists() and not root.is_dir():
        raise ToponymsError(f"{out_dir}: exists and is not a directory")
    state = root / STATE_DIR
    changed = _settings_changed(state, settings)
    if root.exists():
        for stale in root.rglob(".*.part"):
            stale.unlink(missing_ok=True)
    state.mkdir(parents=True, exist_ok=True)
    write_atomic(str(state / "settings.json"), json.dumps({"fingerprint": settings.fingerprint(),
                                                           "settings": asdict(settings)}, indent=2), force=True)
    return force or changed


# ------------------------------------------------------------------ running


class Worker:
    """The gazetteer, matcher and engines of one process, loaded once and used for many documents."""

    def __init__(self, settings: Settings):
        from toponyms.compiled import load_matcher
        from toponyms.render import Policy

        self.settings = settings
        self.gazetteer, self.matcher = load_matcher(settings.gazetteer)
        self.policy = Policy(settings.convention, settings.rival)
        self.policy.check(self.gazetteer)
        self._translators: dict[tuple[str, str], object] = {}

    def translator(self, src: str, tgt: str):
        """The document translator for a pair, its engine chosen and loaded once."""
        if (src, tgt) not in self._translators:
            from translate.engines.registry import choose_engine, configure
            from translate.pipeline import DocumentTranslator

            if self.settings.device or self.settings.threads:
                configure("argos", device=self.settings.device, intra_threads=self.settings.threads)
            engine_name = "none" if src == tgt and self.settings.engine == "auto" else self.settings.engine
            engine = choose_engine(engine_name, src, tgt)
            if self.settings.cache and engine.name != "none":
                from translate.cache import CachedEngine, TranslationCache

                engine = CachedEngine(engine, TranslationCache())
            self._translators[(src, tgt)] = DocumentTranslator(engine, self.gazetteer, self.matcher, self.policy)
        return self._translators[(src, tgt)]

    def language(self, text: str) -> tuple[str, str | None]:
        """The document's language, and how sure detection was when it had to guess."""
        if self.settings.src != "auto":
            return self.settings.src, None
        from translate.detect import require_detection

        found = require_detection(text)
        return found.lang, f"{found.lang} ({found.confidence:.2f} confidence, lingua)"

    def run(self, tasks: list[Task]) -> list[Outcome]:
        """Translate the tasks' documents, batching those of one language pair into one engine call."""
        outcomes: dict[int, Outcome] = {}
        units: dict[tuple[str, str], list] = {}  # (src, tgt) -> [(task number, line, text, fmt, fields)]
        detected: dict[int, str] = {}
        for number, task in enumerate(tasks):
            try:
                for line, text, fmt, fields in self._documents(task):
                    src, guess = self.language(text)
                    if guess:
                        detected.setdefault(number, guess)
                    units.setdefault((src, self.settings.tgt or src), []).append((number, line, text, fmt, fields))
            except ToponymsError as exc:
                outcomes[number] = Outcome(task.source.path, "failed", messages=(str(exc),))
        results: dict[int, list] = {}
        for (src, tgt), docs in units.items():
            try:
                translations = self.translator(src, tgt).translate_many(
                    [(text, fmt, _doc_name(tasks[n], line)) for n, line, text, fmt, _ in docs], src, tgt)
            except ToponymsError as exc:
                for n, *_ in docs:
                    outcomes.setdefault(n, Outcome(tasks[n].source.path, "failed", messages=(str(exc),)))
                continue
            for (n, line, text, _, fields), translation in zip(docs, translations):
                results.setdefault(n, []).append((line, fields, translation, text))
        for number, task in enumerate(tasks):
            if number not in outcomes:
                outcome = self._finish(task, sorted(results.get(number, []), key=lambda r: r[0]))
                outcomes[number] = replace(outcome, detected=detected.get(number))
        return [outcomes[n] for n in range(len(tasks))]

    def _documents(self, task: Task):
        """(line, text, format, fields) for each document of the input: one, or one per JSON line."""
        if task.source.problem:
            raise ToponymsError(task.source.problem)
        text = read_text(task.source.path)
        if not self.settings.jsonl:
            from translate.formats import format_for_path, normalize_format

            fmt = (format_for_path(None if task.source.path == STDIN else task.source.path)
                   if self.settings.fmt == "auto" else normalize_format(self.settings.fmt))
            return [(0, text, fmt, None)]
        documents, problems = [], []
        for line_number, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 is text
            if not line.strip():
                continue
            where = f"{task.source.path}:{line_number}"
            try:
                fields = json.loads(line)
            except ValueError as exc:
                problems.append(f"{where}: not JSON ({exc.msg})")
                continue
            value = fields.get(self.settings.text_field) if isinstance(fields, dict) else None
            if not isinstance(value, str):
                problems.append(f"{where}: no text field {self.settings.text_field!r}")
                continue
            documents.append((line_number, value, "txt", fields))
        if problems:
            raise ToponymsError("; ".join(problems[:3]) + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""))
        return documents

    def _finish(self, task: Task, results: list) -> Outcome:
        """Write (or return) the output and the record of one input."""
        rows = []
        if self.settings.jsonl:
            lines = []
            for _, fields, translation, _ in results:
                out = dict(fields)
                out[self.settings.text_field] = translation.text
                if self.settings.names_field:
                    out[self.settings.names_field] = [p.to_json() for p in translation.placements]
                lines.append(json.dumps(out, ensure_ascii=False) + "\n")
                passed = {k: v for k, v in fields.items() if k != self.settings.text_field}
                rows.extend({**p.to_json(), "fields": passed} for p in translation.placements)
            text = "".join(lines)
        else:
            [(_, _, translation, _)] = results
            text = translation.text
            rows = [p.to_json() for p in translation.placements]
        try:
            if task.review:
                self._write_review(task, results)
            if task.output is None:
                return Outcome(task.source.path, "done", text=text, rows=tuple(rows))
            Path(task.output).parent.mkdir(parents=True, exist_ok=True)
            if task.record:
                Path(task.record).parent.mkdir(parents=True, exist_ok=True)
                write_atomic(task.record, records_text(rows, task.record), force=True)
            write_atomic(task.output, text, force=True)
        except ToponymsError as exc:
            return Outcome(task.source.path, "failed", messages=(str(exc),))
        except OSError as exc:
            return Outcome(task.source.path, "failed", messages=(f"{task.output}: cannot write: {exc.strerror}",))
        return Outcome(task.source.path, "done", output=task.output, rows=tuple(rows))

    def _write_review(self, task: Task, results: list) -> None:
        """The review page of one input: each of its documents, source beside output."""
        from toponyms.outputs import OutputError
        from toponyms.review import ReviewDocument, review_page

        documents = [ReviewDocument(_doc_name(task, line), source, translation.text,
                                    [p.to_json() for p in translation.placements],
                                    translation.source_lang, translation.target_lang)
                     for line, _, translation, source in results]
        try:
            Path(task.review).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{task.review}: cannot write: {exc.strerror}") from None
        write_atomic(task.review, review_page(documents, self.gazetteer), force=True)


def _doc_name(task: Task, line: int) -> str:
    return f"{task.source.path}:{line}" if line else task.source.path


_worker: Worker | None = None


def _start_worker(settings: Settings) -> None:
    global _worker
    _worker = Worker(settings)


def _run_chunk(tasks: list[Task]) -> list[Outcome]:
    return _worker.run(tasks)


def run(tasks: list[Task], settings: Settings, jobs: int = 1, redo: bool = False,
        fail_fast: bool = False) -> Iterator[Outcome]:
    """Translate `tasks`, yielding an Outcome per task as chunks finish (up-to-date ones first).

    Unless `redo`, a task whose output is newer than its input is skipped.
    With `jobs` > 1 the chunks go to that many worker processes and outcomes
    come in the order chunks finish; with one job, in input order.
    """
    skipped, pending = split_up_to_date(tasks, redo)
    yield from skipped
    chunks = chunk_tasks(pending, jobs)
    if not chunks:
        return
    if jobs <= 1 or len(chunks) == 1:
        worker = Worker(settings)
        for chunk in chunks:
            outcomes = worker.run(chunk)
            yield from outcomes
            if fail_fast and any(o.status == "failed" for o in outcomes):
                return
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(settings,)) as pool:
        futures = [pool.submit(_run_chunk, chunk) for chunk in chunks]
        try:
            remaining = set(futures)
            while remaining:
                done, remaining = wait(remaining, return_when=FIRST_COMPLETED)
                for future in done:
                    outcomes = future.result()
                    yield from outcomes
                    if fail_fast and any(o.status == "failed" for o in outcomes):
                        for other in remaining:
                            other.cancel()
                        return
        finally:
            for future in futures:
                future.cancel()


def split_up_to_date(tasks: list[Task], redo: bool) -> tuple[list[Outcome], list[Task]]:
    """Outcomes for the tasks whose output is up to date (none when `redo`), and the tasks left to do."""
    skipped, pending = [], []
    for task in tasks:
        if not redo and _up_to_date(task):
            skipped.append(Outcome(task.source.path, "skipped", output=task.output, rows=tuple(_read_rows(task.record))))
        else:
            pending.append(task)
    return skipped, pending


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


def _read_rows(path: str | None) -> list[dict]:
    if not path:
        return []
    try:
        return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError):
        return []

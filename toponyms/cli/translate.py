"""The commands that translate: `translate` and `normalise`.

Heavy modules (ctranslate2, sentencepiece, lingua) load only inside these
commands, and only on the path that needs them.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import ToponymsError
from .common import GazetteerOption, app, check_lang, load_gazetteer, reports_errors


ConventionOption = Annotated[
    Optional[str],
    typer.Option(help="Write the form these users use (a `users` key of the gazetteer: azerbaijani, "
                      "armenian, international, ...). Default: keep the form the source used."),
]
RivalOption = Annotated[
    str, typer.Option(help="Show the rival form beside the name: on its first mention, every mention, or none.")
]
RivalStyleOption = Annotated[
    str, typer.Option("--rival-style", help='How a rival is shown: "{name} ({rival})", "{name} ({users}: {rival})", '
                                            '"{name}/{rival}".')
]
InQuotesOption = Annotated[
    str, typer.Option("--in-quotes", help="Inside quotations: keep the speaker's names, or follow the convention.")
]
OfficialOption = Annotated[
    bool, typer.Option("--official", help="Write the convention's official form, not what its press uses today.")
]
AsOfOption = Annotated[
    Optional[str], typer.Option("--as-of", metavar="DATE",
                                help="Write the form the convention used on this date (YYYY-MM-DD).")
]
DateFieldOption = Annotated[
    Optional[str], typer.Option("--date-field", help="With --jsonl: the field holding each document's date.")
]
RecordOption = Annotated[
    Optional[str],
    typer.Option(metavar="PATH", help="Write one row per source mention: JSON Lines, or CSV if PATH ends in .csv; "
                                       "- for standard output (the text then needs --output or --out-dir)."),
]
OutputOption = Annotated[Optional[str], typer.Option("--output", "-o", help="Write the text here, not to stdout (- is stdout).")]
ForceOption = Annotated[bool, typer.Option(
    "--force", help="Overwrite existing output and record files; with --out-dir, make every output again.")]
FormatOption = Annotated[str, typer.Option(
    "--format", help="auto (by file suffix), txt, md, html, docx, odt, srt, vtt or epub.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No summary on standard error.")]


PathsArgument = Annotated[
    Optional[list[str]],
    typer.Argument(help="Files, directories (walked recursively) or - for standard input."),
]
OutDirOption = Annotated[
    Optional[str],
    typer.Option("--out-dir", help="Write each output here, mirroring the inputs' paths, with the records in "
                                   "OUT/.toponyms/records.sqlite; reruns skip up-to-date ones."),
]
GlobOption = Annotated[Optional[str], typer.Option("--glob", help="Under directories, only names matching this.")]
JsonlOption = Annotated[bool, typer.Option("--jsonl", help="Inputs are JSON Lines, one document per line.")]
TextFieldOption = Annotated[str, typer.Option("--text-field", help="With --jsonl: the field holding the text.")]
NamesFieldOption = Annotated[
    Optional[str], typer.Option("--names-field", help="With --jsonl: add the record of names under this field.")
]
JobsOption = Annotated[int, typer.Option(
    "--jobs", "-j", help="Worker processes (default: one per core; one for argos and multilingual, "
                         "whose model then uses every core).")]
CacheOption = Annotated[bool, typer.Option("--cache/--no-cache", help="Remember translated segments on disk.")]
FailFastOption = Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")]
ProgressOption = Annotated[
    Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal only).")
]
DeviceOption = Annotated[Optional[str], typer.Option("--device", help="argos, multilingual: cpu or cuda (CTranslate2).")]
ThreadsOption = Annotated[Optional[int], typer.Option(
    "--threads", help="argos, multilingual: CPU threads per worker (default: the cores shared between the workers).")]
ComputeTypeOption = Annotated[Optional[str], typer.Option(
    "--compute-type", help="argos, multilingual: CTranslate2 compute type, e.g. int8 or float32 "
                           "(default: the type the model's weights were saved in).")]
ReviewOption = Annotated[
    Optional[str],
    typer.Option("--review", metavar="PATH",
                 help="Write a self-contained HTML page to check the names: source and output side by side, "
                      "each place coloured by how it was placed, what needs a look listed first. With --out-dir, "
                      "PATH is a directory: one page per input, at PATH/<input path>.html."),
]


def _run(paths, settings, output, out_dir, glob, record, force, quiet, jobs, fail_fast, progress,
         review=None) -> None:
    """Translate (or normalise) every input; one error line per failed input, exit 1 if any failed.

    Everything that can be checked without reading an input is checked first:
    languages, format, engine, gazetteer, --jobs, --glob, the --output and
    --record destinations, and the out-dir against the inputs.
    """
    from toponyms.translate import batch

    from ..inputs import list_inputs
    from ..outdir import OutDir
    from ..outputs import check_destination, records_text, write_atomic
    from ..progress import Progress

    if settings.tgt is not None:
        check_lang(settings.tgt)
    if settings.src != "auto":
        check_lang(settings.src)
    if output == "-":
        output = None  # "-" is standard output, as it is standard input among the inputs
    if record == "-" and not output and not out_dir:
        raise ToponymsError("--record - and the text cannot both go to standard output: give --output or --out-dir")
    if output and out_dir:
        raise ToponymsError("give either --output (one file) or --out-dir (a tree), not both")
    if review and not out_dir:
        _check_review_path(review, (output, record))
    for target in (output, None if record == "-" else record, None if out_dir else review):
        if target:
            check_destination(target, force)
    if review and out_dir:
        if Path(review).exists() and not Path(review).is_dir():
            raise ToponymsError(f"{review}: with --out-dir, --review names a directory (one page per input)")
        for path in paths or []:
            if path != "-" and Path(path).is_dir() and Path(path).resolve() in [Path(review).resolve(),
                                                                               *Path(review).resolve().parents]:
                raise ToponymsError(f"{review}: inside the input directory {path}: its pages would be read as "
                                    "inputs next time")
    engine = _check_setup(settings)
    sources = list_inputs(paths or ["-"], glob, exclude=[out_dir] if out_dir else None)
    if not sources:
        raise ToponymsError(f"no input files under {', '.join(paths)}" + (f" matching {glob!r}" if glob else ""))
    if out_dir is None and len(sources) > 1 and not settings.jsonl:
        raise ToponymsError(f"{len(sources)} inputs: give --out-dir to write one output each")
    out = OutDir(out_dir, paths or []) if out_dir else None
    tasks = batch.plan(sources, out)
    if output:
        tasks = [batch.Task(tasks[0].source, output)]
        if not settings.jsonl:
            _check_output_suffix(output, tasks[0].source.path, settings.fmt)
    redo = force
    if review:
        # An input of an up-to-date out-dir whose page is missing is redone (batch.split_up_to_date).
        tasks = [replace(task, review=_review_path(review, task, out_dir)) for task in tasks]
    to_stdout = out_dir is None and not output
    settings, workers, note = _share_cores(settings, engine, jobs, len(tasks), 1 if to_stdout else None)
    if note and not to_stdout:
        typer.echo(f"note: {note}", err=True)
    if out is not None:
        batch.prepare_out_dir(out, settings)
    bar = Progress(len(tasks), "translating" if settings.tgt else "normalising", None if progress is None
                   else progress and not quiet)
    counts = {"done": 0, "skipped": 0, "failed": 0}
    rows = []
    # The records are read only for --record and the summary: an up-to-date rerun with neither
    # (--quiet) would spend a tenth of its time parsing records it drops.
    wants_rows = bool(record) or not quiet
    try:
        for outcome in batch.run(tasks, settings, workers, redo=redo, fail_fast=fail_fast, out=out, force=force):
            counts[outcome.status] += 1
            if wants_rows:
                rows.extend(outcome.rows)
            for message in outcome.messages:
                bar.print(f"Error: {message}")
            if outcome.detected and len(tasks) == 1 and not quiet:
                bar.print(f"detected language: {outcome.detected}")
            if outcome.text is not None:
                _print_text(outcome.text)
            bar.advance(outcome.status == "failed")
    finally:
        bar.close()
        if out is not None:
            out.close()
    if record == "-":
        _print_text(records_text(rows, "names.jsonl"))
    elif record:
        write_atomic(record, records_text(rows, record), force=True)
    if not quiet and (rows or counts["done"] or counts["skipped"]):
        _summarise(rows, counts, settings)
    if counts["failed"]:
        raise typer.Exit(1)


def _print_text(text: str) -> None:
    """Write an output to standard output; a reader that has gone (`| head`) stops only that.

    The record, the out-dir and the summary are still written: the user asked
    for them too, and a run that exits 0 must have made them.
    """
    try:
        sys.stdout.write(text if not text or text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # What is left in the buffer, and later outputs, go nowhere, without an error at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _check_output_suffix(output: str, source: str, fmt: str) -> None:
    """Refuse an --output whose suffix names another format when either one is a file, not text.

    Users open what -o wrote by its suffix: a Word translation under report.es.txt,
    or plain text under a.docx, opens as garbage or not at all.
    """
    from toponyms.translate.formats import format_for_path, get_format

    made = format_for_path(source) if fmt == "auto" else fmt
    named = format_for_path(output, default=made)
    if named != made and (get_format(made).binary or get_format(named).binary):
        raise ToponymsError(f"{output}: the output of a .{made} input is a .{made} file; give the output that suffix")


def _check_review_path(review: str, others) -> None:
    from ..outputs import no_directory

    if not review.lower().endswith((".html", ".htm")):
        raise ToponymsError(f"{review}: a review page is written as .html")
    if review in others:
        raise ToponymsError(f"{review}: the review page cannot be the output or the record")
    directory = Path(review).parent
    if not directory.is_dir():
        raise ToponymsError(no_directory(review, directory))


def _review_path(review: str, task, out_dir: str | None) -> str:
    """The page of one task: the path given, or under the review directory, mirroring the input's path."""
    if not out_dir:
        return review
    relative = task.source.relative if task.source.path != "-" else "stdin"
    return str(Path(review) / f"{relative}.html")


def _share_cores(settings, engine, jobs: int | None, tasks: int, forced: int | None):
    """(settings, worker processes, note): how the cores are spent.

    A CTranslate2 engine (argos, multilingual) loads one model per process: by
    default one process, whose model translates `cores` batches at once
    (inter_threads), each on one core; with --jobs N, the cores are shared
    between the N processes. bench/bench_ct2_threads.py measured this layout
    against the alternatives. Other engines get one process per core. --jobs
    is capped by `batch.worker_count` (a note says so).
    """
    import dataclasses
    import os

    from toponyms.translate import batch
    from toponyms.translate.engines.ctranslate import CTranslate2Engine

    cores = os.cpu_count() or 1
    neural = isinstance(engine, CTranslate2Engine) or engine is None and settings.engine in ("argos", "multilingual")
    workers, note = batch.worker_count(jobs or (1 if neural else None), tasks)
    workers = forced or workers
    if settings.inter_threads is None:
        inter = max(1, cores // workers) if settings.threads is None else 1
        settings = dataclasses.replace(settings, inter_threads=inter,
                                       threads=settings.threads if settings.threads is not None else 1)
    return settings, workers, note


def _check_setup(settings):
    """Settings errors before any work: the gazetteer, the policy, the format and the engine for a
    known pair (returned; None when the pair is known only per document)."""
    from toponyms.translate.engines.registry import choose_engine
    from toponyms.translate.formats import normalize_format

    if settings.fmt != "auto":
        normalize_format(settings.fmt)
    settings.policy().check(load_gazetteer(list(settings.gazetteer) if settings.gazetteer else None))
    if settings.date_field and not settings.jsonl:
        raise ToponymsError("--date-field needs --jsonl (it names a field of each JSON line)")
    if settings.date_field and not settings.convention:
        raise ToponymsError("--date-field needs --convention (whose names on each document's date)")
    if settings.device not in (None, "cpu", "cuda"):
        raise ToponymsError(f"unknown device {settings.device!r}: use cpu or cuda")
    if settings.threads is not None and settings.threads < 1:
        raise ToponymsError(f"--threads must be at least 1, not {settings.threads}")
    if settings.compute_type is not None:
        from toponyms.translate.ct2model import COMPUTE_TYPES

        if settings.compute_type not in COMPUTE_TYPES:
            raise ToponymsError(f"unknown compute type {settings.compute_type!r}: use one of {', '.join(COMPUTE_TYPES)}")
    if settings.engine.strip().lower() != "auto":
        from toponyms.translate.engines.registry import engine_names

        if settings.engine.strip().lower() not in engine_names():  # a bad setting, refused before any input is read
            raise ToponymsError(f"unknown engine {settings.engine!r}: choose one of auto, {', '.join(engine_names())}")
    if settings.src != "auto" and settings.tgt:
        name = "none" if settings.src == settings.tgt and settings.engine == "auto" else settings.engine
        return choose_engine(name, settings.src, settings.tgt)
    return None


def _summarise(rows: list[dict], counts: dict, settings) -> None:
    """Mentions per place and form, how they were placed, and what became of the inputs, on standard error."""
    placed = Counter(r["placement"] for r in rows)
    engines = sorted({r["engine"] for r in rows}) or [settings.engine]
    pairs = sorted({f"{r['source_lang']} -> {r['target_lang']}" for r in rows})
    if not pairs and settings.src != "auto":  # no row to tell: the languages asked for ("no pair" read as a missing pair)
        pairs = [f"{settings.src} -> {settings.tgt or settings.src}"]
    typer.echo(f"{len(rows)} place mentions" + (f", {', '.join(pairs)}" if pairs else "") + f" with {', '.join(engines)}"
               + (": " + ", ".join(f"{n} {how}" for how, n in placed.most_common()) if placed else ""), err=True)
    derived = Counter(f"{r['id']} ({r['target_form']}, {r['target_lang']})" for r in rows
                      if r.get("rendering") == "derived")
    if derived:
        typer.echo(f"warning: no rendering in the gazetteer for {', '.join(sorted(derived))}: "
                   "transliterated (record: rendering derived)", err=True)
    documents = sum(counts.values())
    if documents > 1:
        typer.echo(f"{documents} inputs: {counts['done']} done, {counts['skipped']} up to date, "
                   f"{counts['failed']} failed", err=True)
    by_place: dict[str, Counter] = {}
    for r in rows:
        by_place.setdefault(r["id"], Counter())[(r["source_form"], r["target_text"])] += 1
    for place, forms in sorted(by_place.items(), key=lambda item: -sum(item[1].values()))[:20]:
        parts = ", ".join(f"{form} x{n} -> {text}" for (form, text), n in forms.most_common())
        typer.echo(f"  {place}: {parts}", err=True)
    if len(by_place) > 20:
        typer.echo(f"  ... and {len(by_place) - 20} more places (--record has them all)", err=True)


@app.command()
@reports_errors
def translate(
    paths: PathsArgument = None,
    to: Annotated[str, typer.Option("--to", help="Target language (ISO 639-1).")] = ...,
    source: Annotated[str, typer.Option("--from", help="Source language, or auto to detect it.")] = "auto",
    engine: Annotated[str, typer.Option(help="auto, argos, apertium, multilingual or none (or an installed plugin).")] = "auto",
    convention: ConventionOption = None,
    rival: RivalOption = "first",
    rival_style: RivalStyleOption = "{name} ({rival})",
    in_quotes: InQuotesOption = "keep",
    official: OfficialOption = False,
    as_of: AsOfOption = None,
    date_field: DateFieldOption = None,
    output: OutputOption = None,
    out_dir: OutDirOption = None,
    record: RecordOption = None,
    review: ReviewOption = None,
    fmt: FormatOption = "auto",
    glob: GlobOption = None,
    jsonl: JsonlOption = False,
    text_field: TextFieldOption = "text",
    names_field: NamesFieldOption = None,
    jobs: JobsOption = 0,
    cache: CacheOption = True,
    device: DeviceOption = None,
    threads: ThreadsOption = None,
    compute_type: ComputeTypeOption = None,
    force: ForceOption = False,
    fail_fast: FailFastOption = False,
    progress: ProgressOption = None,
    quiet: QuietOption = False,
    gazetteer: GazetteerOption = None,
):
    """Translate documents offline, naming every place on purpose and recording both rival forms."""
    from toponyms.translate.batch import Settings

    settings = Settings(source, to, engine, fmt, convention, rival, tuple(gazetteer) if gazetteer else None,
                        jsonl, text_field, names_field, cache, device, threads, compute_type=compute_type,
                        rival_style=rival_style, in_quotes=in_quotes, official=official, as_of=as_of,
                        date_field=date_field)
    _run(paths, settings, output, out_dir, glob, record, force, quiet, jobs, fail_fast, progress, review)


@app.command()
@reports_errors
def normalise(
    paths: PathsArgument = None,
    lang: Annotated[str, typer.Option(help="The texts' language, or auto to detect it.")] = "auto",
    convention: ConventionOption = None,
    rival: RivalOption = "first",
    rival_style: RivalStyleOption = "{name} ({rival})",
    in_quotes: InQuotesOption = "keep",
    official: OfficialOption = False,
    as_of: AsOfOption = None,
    date_field: DateFieldOption = None,
    output: OutputOption = None,
    out_dir: OutDirOption = None,
    record: RecordOption = None,
    review: ReviewOption = None,
    fmt: FormatOption = "auto",
    glob: GlobOption = None,
    jsonl: JsonlOption = False,
    text_field: TextFieldOption = "text",
    names_field: NamesFieldOption = None,
    jobs: JobsOption = 0,
    force: ForceOption = False,
    fail_fast: FailFastOption = False,
    progress: ProgressOption = None,
    quiet: QuietOption = False,
    gazetteer: GazetteerOption = None,
):
    """Rewrite place names in the texts' own language by a naming convention, with rival forms beside them."""
    from toponyms.translate.batch import Settings

    settings = Settings(lang, None, "none", fmt, convention, rival, tuple(gazetteer) if gazetteer else None,
                        jsonl, text_field, names_field, cache=False, rival_style=rival_style, in_quotes=in_quotes,
                        official=official, as_of=as_of, date_field=date_field)
    _run(paths, settings, output, out_dir, glob, record, force, quiet, jobs, fail_fast, progress, review)

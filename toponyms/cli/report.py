"""`toponyms report`: which rival forms appear, where, and how often.

A thin layer over `toponyms.translate.report`: list the inputs, count each (a bad file
is reported and the rest counted), present the report, draw the chart.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import ToponymsError
from .common import GazetteerOption, app, check_lang, load_gazetteer, reports_errors

FORMATS = ("table", "csv", "json")


@app.command()
@reports_errors
def report(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Record files (.jsonl/.csv from --record), text documents (.txt/.md/.html/.docx/.odt/.epub/.srt/.vtt), JSON Lines corpora, "
             "directories (walked recursively), or - for standard input (the default).")] = None,
    by: Annotated[Optional[str], typer.Option(
        "--by", metavar="dir|FIELD",
        help="Count per source: 'dir' is the document's folder under the directory given (for records, the "
             "folder of their doc); any other name is a document field (a JSON Lines corpus field, a record's "
             "`fields` entry, or a record column such as source_lang).")] = None,
    records: Annotated[bool, typer.Option(
        "--records", help="Read JSON Lines inputs and standard input as record rows.")] = False,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="Read JSON Lines inputs and standard input as a corpus, one document (object) a line. "
                        "Without --records or --jsonl a JSON Lines input is a record file when its first object "
                        "has \"id\" and \"source_form\", else a corpus.")] = False,
    text_field: Annotated[str, typer.Option(
        "--text-field", help="The field of a JSON Lines corpus that holds the text; the others are fields.")] = "text",
    glob: Annotated[Optional[str], typer.Option(
        "--glob", metavar="PATTERN",
        help="Under directories, read only files whose path matches (e.g. '*.txt'). Default: record and text files.")] = None,
    fmt: Annotated[Optional[str], typer.Option(
        "--format", help="table (aligned text), csv or json. Default: by the suffix of --output (.csv, .json), "
                         "else table.")] = None,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="PATH", help="Write the report here, not to stdout.")] = None,
    chart: Annotated[Optional[str], typer.Option(
        "--chart", metavar="PATH", help="Also draw a bar chart of mentions per place and form: .png or .svg.")] = None,
    top: Annotated[Optional[int], typer.Option(
        "--top", min=1, help="Only the N most mentioned places.")] = None,
    contested_only: Annotated[bool, typer.Option(
        "--contested-only", help="Only places with at least two rival forms in use today (countries and other "
                                 "places every side names alike drop out).")] = False,
    lang: Annotated[str, typer.Option(
        "--lang", help="Name places and forms in this language on tables and charts (CSV and JSON keep the ids "
                       "beside the names).")] = "en",
    export: Annotated[Optional[str], typer.Option(
        "--export", metavar="jsonl|csv",
        help="Write the record rows themselves instead of a report: of an out-dir (its store), of its outputs, "
             "of record files; as JSON Lines or CSV, to --output or stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing report and chart files.")] = False,
    gazetteer: GazetteerOption = None,
):
    """Count which rival forms of each place appear, in how many documents, per source: table, CSV, JSON, chart.

    Inputs: out-dirs (the records in their store, .toponyms/records.sqlite, count their texts),
    record files (.jsonl or .csv, as --record writes them), documents (.txt, .md, .html, .docx,
    .odt, .epub, .srt, .vtt),
    JSON Lines corpora (one object a line, its text in --text-field), directories (walked recursively),
    or - for standard input (the default). A JSON Lines input is read as records when its first object
    has "id" and "source_form", else as a corpus. A bad input is reported on standard error and the
    others are counted; the exit status is then 1.
    """
    from ..translate import report as rp
    from ..outputs import refuse_overwrite

    check_lang(lang)
    if output == "-":
        output = None
    if export is not None:
        _export(paths, export, output, glob, force, fmt, chart, jsonl)
        return
    if fmt is None:
        suffix = output.lower().rsplit(".", 1)[-1] if output and "." in output else ""
        fmt = suffix if suffix in ("csv", "json") else "table"
    if fmt not in FORMATS:
        raise ToponymsError(f"unknown report format {fmt!r}: use table, csv or json")
    if records and jsonl:
        raise ToponymsError("give --records or --jsonl, not both")
    if chart:
        rp.chart_format(chart)
    for target in (output, chart):
        if target:
            refuse_overwrite(target, force)
    if output and chart and output == chart:
        raise ToponymsError(f"{output}: the report and the chart cannot be the same file")

    gz = load_gazetteer(gazetteer)
    matcher = None

    def matcher_for():
        # Made only when a text is to be searched (records carry their mentions), and taken from
        # the cache as find's is: building it afresh costs ten seconds on every run.
        nonlocal matcher
        if matcher is None:
            from ..compiled import load_matcher

            matcher = load_matcher(gazetteer)[1]
        return matcher

    mode = "records" if records else "jsonl" if jsonl else "auto"
    hits, read_items = [], []

    def read(item) -> None:
        hits.extend(rp.read_input(item, matcher_for, mode=mode, text_field=text_field))
        read_items.append(item)

    counted, failed = _read_each(paths, glob, read)
    outputs = sum(item.record is not None or item.stored is not None for item in read_items)

    uncontested = 0
    if contested_only:
        hits, uncontested = rp.contested_only(hits, gz)
    result = replace(rp.tally(hits, by, gz), uncontested=uncontested).top(top)
    render = {"table": rp.render_table, "csv": rp.render_csv, "json": rp.render_json}[fmt]
    _emit(render(result, gz, lang), output)
    if chart:
        rp.write_chart(result, gz, chart, force=True, lang=lang)
    if outputs:
        typer.echo(f"{outputs} translated text{'s' * (outputs != 1)} counted from {'their' if outputs != 1 else 'its'} "
                   "out-dir record: what the source wrote, not the names the tool added", err=True)
    if failed:
        typer.echo(f"{failed} of {counted + failed} inputs not counted", err=True)
        raise typer.Exit(1)


def _export(paths, export: str, output: str | None, glob: str | None, force: bool, fmt, chart, jsonl) -> None:
    """`report --export jsonl|csv`: the record rows of the inputs, as they are, in input order."""
    from ..outputs import records_text, refuse_overwrite
    from ..translate import report as rp

    if export not in ("jsonl", "csv"):
        raise ToponymsError(f"unknown export format {export!r}: use jsonl or csv")
    if fmt is not None or chart or jsonl:
        raise ToponymsError("--export writes record rows: --format, --chart and --jsonl do not apply")
    if output:
        refuse_overwrite(output, force)
    rows = []

    def read(item) -> None:
        if item.path != rp.STDIN and Path(item.path).is_dir():
            raise rp.ReportError(f"{item.path}: a directory")
        rows.extend(rp.read_rows(item))

    counted, failed = _read_each(paths, glob, read)
    _emit(records_text(rows, f"rows.{export}"), output)
    if failed:
        typer.echo(f"{failed} of {counted + failed} inputs not exported", err=True)
        raise typer.Exit(1)


def _read_each(paths, glob: str | None, read) -> tuple[int, int]:
    """`read(item)` on every input; a bad one is an `Error:` line and the others go on.

    Returns (inputs read, inputs that failed). When none could be read there is nothing to
    report: exit status 1, as `find` and `translate` give for an input they cannot read (2 is
    for bad settings), and no report nor file is written."""
    from ..translate import report as rp

    counted = failed = 0
    for item in rp.find_inputs(paths or [rp.STDIN], glob):
        try:
            if item.problem:
                raise rp.ReportError(item.problem)
            read(item)
            counted += 1
        except ToponymsError as exc:
            typer.echo(f"Error: {exc}", err=True)
            failed += 1
    if not counted:
        raise typer.Exit(1)
    return counted, failed


def _emit(text: str, output: str | None) -> None:
    """The report or export, to `output` (atomically; overwriting was checked before any work) or stdout."""
    from ..outputs import write_atomic

    if output:
        write_atomic(output, text, force=True)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()

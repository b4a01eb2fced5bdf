"""The commands that translate: `translate`, `normalise`, `engines`, `models`.

Heavy modules (ctranslate2, sentencepiece, lingua) load only inside these
commands, and only on the path that needs them.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Annotated, Optional

import typer

from .cli import GazetteerOption, JsonOption, _check_lang, _load, app, reports_errors
from .errors import ToponymsError

models_app = typer.Typer(help="Argos Translate model packages: list, install, remove.", no_args_is_help=True)
app.add_typer(models_app, name="models")

ConventionOption = Annotated[
    Optional[str],
    typer.Option(help="Write the form these users use (a `users` key of the gazetteer: azerbaijani, "
                      "armenian, international, ...). Default: keep the form the source used."),
]
RivalOption = Annotated[
    str, typer.Option(help="Show the rival form beside the name: on its first mention, every mention, or none.")
]
RecordOption = Annotated[
    Optional[str],
    typer.Option(metavar="PATH", help="Write one row per source mention: JSON Lines, or CSV if PATH ends in .csv."),
]
OutputOption = Annotated[Optional[str], typer.Option("--output", "-o", help="Write the text here, not to stdout.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite existing output and record files.")]
FormatOption = Annotated[str, typer.Option("--format", help="auto (by file suffix), txt, md or html.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No summary on standard error.")]


def _source_language(text: str, lang: str, quiet: bool) -> str:
    if lang != "auto":
        _check_lang(lang)
        return lang
    from translate.detect import require_detection

    found = require_detection(text)
    if not quiet:
        typer.echo(f"detected language: {found.lang} ({found.confidence:.2f} confidence, lingua)", err=True)
    return found.lang


def _run(path: str, src: str, tgt: str | None, engine_name: str, fmt: str, convention, rival, output, record,
         force: bool, quiet: bool, gazetteer) -> None:
    """Read, translate (or, with no `tgt`, normalise in the source language) and write one document."""
    from translate.engines.registry import choose_engine
    from translate.formats import format_for_path
    from translate.pipeline import DocumentTranslator

    from .inputs import STDIN, read_text
    from .outputs import records_text, refuse_overwrite, write_atomic
    from .render import Policy

    if tgt is not None:
        _check_lang(tgt)
    for target in (output, record):
        if target:
            refuse_overwrite(target, force)
    gz = _load(gazetteer)
    policy = Policy(convention=convention, rival=rival)
    policy.check(gz)
    text = read_text(path)
    fmt = format_for_path(None if path == STDIN else path) if fmt == "auto" else format_for_path(None, fmt)
    src = _source_language(text, src, quiet)
    tgt = tgt or src
    engine = choose_engine("none" if src == tgt and engine_name == "auto" else engine_name, src, tgt)
    result = DocumentTranslator(engine, gz, policy=policy).translate(text, src, tgt, fmt=fmt, doc=path)
    if output:
        write_atomic(output, result.text, force=True)
    else:
        sys.stdout.write(result.text)
        if result.text and not result.text.endswith("\n"):
            sys.stdout.write("\n")
    if record:
        write_atomic(record, records_text((p.to_json() for p in result.placements), record), force=True)
    if not quiet:
        _summarise(result, src, tgt)


def _summarise(result, src: str, tgt: str) -> None:
    """Mentions per place and form, and how they were placed, on standard error."""
    placed = Counter(p.placement for p in result.placements)
    typer.echo(f"{len(result.placements)} place mentions, {src} -> {tgt} with {result.engine}"
               + (": " + ", ".join(f"{n} {how}" for how, n in placed.most_common()) if placed else ""), err=True)
    by_place: dict[str, Counter] = {}
    for p in result.placements:
        by_place.setdefault(p.id, Counter())[(p.source_form, p.target_text)] += 1
    for place, forms in by_place.items():
        parts = ", ".join(f"{form} x{n} -> {text}" for (form, text), n in forms.most_common())
        typer.echo(f"  {place}: {parts}", err=True)


@app.command()
@reports_errors
def translate(
    path: Annotated[str, typer.Argument(help="A text, Markdown or HTML file, or - for standard input.")] = "-",
    to: Annotated[str, typer.Option("--to", help="Target language (ISO 639-1).")] = ...,
    source: Annotated[str, typer.Option("--from", help="Source language, or auto to detect it.")] = "auto",
    engine: Annotated[str, typer.Option(help="auto, argos, apertium or none (or an installed plugin).")] = "auto",
    convention: ConventionOption = None,
    rival: RivalOption = "first",
    output: OutputOption = None,
    record: RecordOption = None,
    fmt: FormatOption = "auto",
    force: ForceOption = False,
    quiet: QuietOption = False,
    gazetteer: GazetteerOption = None,
):
    """Translate a document offline, naming every place on purpose and recording both rival forms."""
    _run(path, source, to, engine, fmt, convention, rival, output, record, force, quiet, gazetteer)


@app.command()
@reports_errors
def normalise(
    path: Annotated[str, typer.Argument(help="A text, Markdown or HTML file, or - for standard input.")] = "-",
    lang: Annotated[str, typer.Option(help="The text's language, or auto to detect it.")] = "auto",
    convention: ConventionOption = None,
    rival: RivalOption = "first",
    output: OutputOption = None,
    record: RecordOption = None,
    fmt: FormatOption = "auto",
    force: ForceOption = False,
    quiet: QuietOption = False,
    gazetteer: GazetteerOption = None,
):
    """Rewrite place names in the text's own language by a naming convention, with rival forms beside them."""
    _run(path, lang, None, "none", fmt, convention, rival, output, record, force, quiet, gazetteer)


@app.command()
@reports_errors
def engines(json_output: JsonOption = False):
    """List the translation engines and the language pairs each can do now."""
    from translate.engines.registry import all_engines

    found = all_engines()
    if json_output:
        typer.echo(json.dumps([{"name": e.name, "description": e.describe(), "pairs": [list(p) for p in e.pairs()]}
                               for e in found], ensure_ascii=False, indent=2))
        return
    for engine in found:
        pairs = engine.pairs() if engine.name != "none" else []
        listing = ", ".join(f"{s}->{t}" for s, t in pairs) if pairs else (
            "same language only" if engine.name == "none" else "no pairs installed")
        typer.echo(f"{engine.describe()}\n  {listing}")


@models_app.command("list")
@reports_errors
def models_list(json_output: JsonOption = False):
    """List the installed Argos packages."""
    from translate.packages import list_installed, packages_dir

    installed = list_installed()
    if json_output:
        typer.echo(json.dumps([{"from": p.from_code, "to": p.to_code, "version": p.version, "path": str(p.path)}
                               for p in installed], indent=2))
        return
    if not installed:
        typer.echo(f"no Argos packages in {packages_dir()}", err=True)
    for p in installed:
        typer.echo(f"{p.from_code}->{p.to_code}\t{p.version}\t{p.path}")


@models_app.command("install")
@reports_errors
def models_install(
    what: Annotated[list[str], typer.Argument(help="A .argosmodel file, or SRC TGT to download from the Argos index.")],
    force: Annotated[bool, typer.Option("--force", help="Replace an installed package of the same pair.")] = False,
):
    """Install an Argos package from a file, or from the Argos package index when the network allows."""
    from translate.packages import install_from_file, install_from_index

    if len(what) == 1:
        info = install_from_file(what[0], replace=force)
    elif len(what) == 2:
        for code in what:
            _check_lang(code)
        info = install_from_index(what[0], what[1], replace=force)
    else:
        raise ToponymsError("give one .argosmodel file, or a source and a target language")
    typer.echo(f"installed {info.from_code}->{info.to_code} {info.version} in {info.path}")


@models_app.command("remove")
@reports_errors
def models_remove(src: str, tgt: str):
    """Remove the installed Argos package for a pair."""
    from translate.packages import remove

    for info in remove(src, tgt):
        typer.echo(f"removed {info.from_code}->{info.to_code} {info.version} from {info.path}")

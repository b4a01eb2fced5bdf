"""The `toponyms` command: a thin layer of options over the library.

Every command that prints data for scripts takes --json; errors are one line
on standard error with exit status 2; `lookup` exits 1 when nothing matches,
like grep.
"""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from typing import Annotated, Optional

import typer

from .errors import Terminated, ToponymsError

app = typer.Typer(
    help="Find, look up and translate contested place names through a gazetteer of rival forms.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Check, count and export the gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

GazetteerOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--gazetteer", "-g", metavar="PATH",
        help="Gazetteer file to use instead of the built-in one (repeatable; 'builtin' names the "
             "built-in one, so '-g builtin -g mine.yaml' adds a file). Default: $TOPONYMS_GAZETTEER "
             "(paths separated by ':'), else the built-in gazetteer.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def fail(message: str, status: int = 2) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(status)


def reports_errors(command):
    """Turn the library's errors into one line on standard error and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ToponymsError as exc:
            fail(str(exc))
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0)
        except KeyboardInterrupt:
            typer.echo("Interrupted", err=True)
            raise typer.Exit(130)
        except Terminated:
            typer.echo("Terminated", err=True)
            raise typer.Exit(143)

    return wrapper


def _load(paths):
    """The gazetteer; a large one comes from the on-disk cache (see toponyms.compiled)."""
    from .compiled import load_gazetteer

    return load_gazetteer(paths)


def _check_lang(lang: str | None) -> None:
    from .gazetteer import LANGUAGES

    if lang is not None and lang not in LANGUAGES:
        raise ToponymsError(f"unknown language code {lang!r} (known: {', '.join(sorted(LANGUAGES))})")


# ---------------------------------------------------------------- lookup


def _describe(entity, users: dict[str, str]) -> str:
    lines = [f"{entity.id}  ({entity.kind})"
             + (f"  {entity.coords[0]:.4f}, {entity.coords[1]:.4f}" if entity.coords else "")]
    if entity.part_of:
        lines.append(f"  part of: {entity.part_of}")
    for form in entity.forms:
        dates = " ".join(x for x in (f"since {form.since}" if form.since else "",
                                     f"until {form.until}" if form.until else "") if x)
        lines.append(f"  {form.id}: used by {', '.join(form.used_by)}" + (f"; {dates}" if dates else ""))
        for lang, spellings in form.names.items():
            lines.append(f"    {lang}  {', '.join(spellings)}")
    if entity.notes:
        lines.append(f"  notes: {entity.notes}")
    for source in entity.sources:
        lines.append(f"  source: {source}")
    return "\n".join(lines)


def _convention_choice(entity, query: str, convention: str, official: bool, as_of: str | None):
    """The form a convention writes for the place named `query`, and why."""
    from .fold import fold_key
    from .render import explain

    key = fold_key(query)
    source = next((f.id for f in entity.forms for _, spelling in f.spellings() if fold_key(spelling) == key), None)
    return explain(entity, source, convention, official=official, on=as_of)


@app.command()
@reports_errors
def lookup(
    name: Annotated[str, typer.Argument(help="Any spelling, in any language or script, inflected or not.")],
    json_output: JsonOption = False,
    convention: Annotated[Optional[str], typer.Option(
        help="Also say which form this convention writes for the place, and why.")] = None,
    official: Annotated[bool, typer.Option("--official", help="With --convention: its official form.")] = False,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE",
                                                 help="With --convention: on this date.")] = None,
    gazetteer: GazetteerOption = None,
):
    """Show a place, all its rival forms and their renderings per language."""
    from .compiled import name_index

    gz = _load(gazetteer)
    if convention:
        from .render import Policy

        Policy(convention, as_of=as_of).check(gz)
    index = name_index(gz)
    entities = index.lookup(name)
    if json_output:
        found = [e.to_json() for e in entities]
        if convention:
            for entity, data in zip(entities, found):
                form, reason = _convention_choice(entity, name, convention, official, as_of)
                data["convention"] = {"user": convention, "form": form.id if form else None, "why": reason}
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        described = []
        for entity in entities:
            text = _describe(entity, gz.users)
            if convention:
                form, reason = _convention_choice(entity, name, convention, official, as_of)
                text += f"\n  convention {convention}: {form.id if form else 'the source form'}: {reason}"
            described.append(text)
        typer.echo("\n\n".join(described))
    if not entities:
        suggestions = index.suggest(name)
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        typer.echo(f"no place called {name!r}{hint}", err=True)
        raise typer.Exit(1)


# ---------------------------------------------------------------- find


@app.command()
@reports_errors
def find(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, directories (recursively) or - for stdin.")] = None,
    lang: Annotated[Optional[str], typer.Option(
        help="The texts' language (ISO 639-1): only its grammar explains suffixes; detected per paragraph if not given.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON Lines, one mention a line.")] = False,
    fuzzy: Annotated[bool, typer.Option("--fuzzy", help="Also names one edit away (7 letters or more): typos.")] = False,
    glob: Annotated[Optional[str], typer.Option("--glob", help="Under directories, only names matching this.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Inputs are JSON Lines, one document per line.")] = False,
    text_field: Annotated[str, typer.Option("--text-field", help="With --jsonl: the field with the text.")] = "text",
    gazetteer: GazetteerOption = None,
):
    """List every place named in the texts, with offsets, entity and rival form.

    A bad input is reported on standard error and the others are still
    searched; the exit status is then 1.
    """
    from .compiled import load_matcher
    from .inputs import list_inputs, read_text
    from .jsonlines import documents
    from .outputs import LineIndex

    _check_lang(lang)
    sources = list_inputs(paths or ["-"], glob)
    _, matcher = load_matcher(gazetteer)
    if not sources:
        raise ToponymsError(f"no input files under {', '.join(paths)}" + (f" matching {glob!r}" if glob else ""))
    several = len(sources) > 1
    failed = 0
    for source in sources:
        try:
            if source.problem:
                raise ToponymsError(source.problem)
            found, problems = documents(source.path, read_text(source.path), jsonl, text_field)
        except ToponymsError as exc:
            typer.echo(f"Error: {exc}", err=True)
            failed += 1
            continue
        for problem in problems:
            typer.echo(f"Error: {problem}", err=True)
        failed += bool(problems)
        for doc, text in found:
            mentions = matcher.find(text, lang=lang, fuzzy=fuzzy)
            if json_output:
                for m in mentions:
                    typer.echo(json.dumps({"doc": doc, **m.to_json()}, ensure_ascii=False))
                continue
            lines = LineIndex(text)
            for m in mentions:
                line = lines.line_of(m.start)
                prefix = f"{doc}:{line}" if several or jsonl else f"{line}"
                typer.echo(f"{prefix}\t{m.start}-{m.end}\t{m.surface}\t{m.entity_id}\t{m.form}\t{m.lang}")
    if failed:
        raise typer.Exit(1)


# ---------------------------------------------------------------- gazetteer


@gazetteer_app.command("validate")
@reports_errors
def gazetteer_validate(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Gazetteer files (default: the ones in use).")] = None,
    require: Annotated[str, typer.Option(
        "--require-langs", metavar="LANGS",
        help="Comma-separated languages every entity needs a rendering in ('none': no such check).")]
        = "en,az,hy,ru,tr,fr,de,es",
    gazetteer: GazetteerOption = None,
):
    """Check gazetteer files: schema, languages, users, duplicate spellings, a rendering in every language."""
    from .gazetteer import check, missing_renderings

    langs = [] if require.strip() == "none" else [lang.strip() for lang in require.split(",") if lang.strip()]
    for lang in langs:
        _check_lang(lang)
    gz, problems = check(paths or gazetteer)
    if gz is not None:
        problems += missing_renderings(gz, langs)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        typer.echo(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {', '.join(gz.paths)}", err=True)
        raise typer.Exit(1)
    names = sum(len(e.names()) for e in gz.entities)
    typer.echo(f"ok: {len(gz)} entities, {names} names in {', '.join(gz.paths)}")


@gazetteer_app.command("stats")
@reports_errors
def gazetteer_stats(json_output: JsonOption = False, gazetteer: GazetteerOption = None):
    """Count entities, forms and spellings, per kind, language and user."""
    gz = _load(gazetteer)
    kinds = Counter(e.kind for e in gz.entities)
    langs: Counter = Counter()
    users: Counter = Counter()
    for entity in gz.entities:
        for form in entity.forms:
            users.update(form.used_by)
            for lang, _ in form.spellings():
                langs[lang] += 1
    stats = {
        "entities": len(gz),
        "forms": sum(len(e.forms) for e in gz.entities),
        "names": sum(len(e.names()) for e in gz.entities),
        "contested": sum(1 for e in gz.entities if len(e.forms) > 1),
        "kinds": dict(kinds.most_common()),
        "languages": dict(langs.most_common()),
        "used_by": dict(users.most_common()),
    }
    if json_output:
        typer.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{stats['entities']} entities ({stats['contested']} with rival forms), "
               f"{stats['forms']} forms, {stats['names']} names")
    for title, counts in (("kinds", kinds), ("languages", langs), ("used by", users)):
        typer.echo(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))


@gazetteer_app.command("export")
@reports_errors
def gazetteer_export(
    json_output: Annotated[bool, typer.Option("--json", help="JSON array of entities (the default and only format).")] = True,
    gazetteer: GazetteerOption = None,
):
    """Print every entity as the same JSON object `lookup --json` prints."""
    gz = _load(gazetteer)
    typer.echo(json.dumps([e.to_json() for e in gz.entities], ensure_ascii=False, indent=2))


def main() -> None:
    app()


from . import cli_translate  # noqa: E402, F401  (registers translate, normalise, engines, models)

from . import cli_import  # noqa: E402, F401  (registers gazetteer import)
from . import cli_report  # noqa: E402, F401  (registers report)

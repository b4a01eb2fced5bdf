"""`toponyms lookup` and `toponyms find`: names in, entities and mentions out."""

from __future__ import annotations

import gc
import json
from typing import Annotated, Optional

import typer

from ..errors import ToponymsError
from .common import GazetteerOption, JsonOption, app, check_lang, load_gazetteer, reports_errors



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
    from ..fold import fold_key
    from ..render import explain

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
    from ..compiled import name_index

    gz = load_gazetteer(gazetteer)
    if convention:
        from ..render import Policy

        Policy(convention, as_of=as_of).check(gz)
    from ..fold import fold_key

    index = name_index(gz)
    entities = index.lookup(name)
    # A form find would read (Степанакерте, Stepanakert's): say which listed spelling it is.
    settled = index.settle(name) if entities and fold_key(name) not in index.by_key else None
    if settled:
        typer.echo(f"{name!r} read as {settled.name} (form {settled.form}, {settled.lang}, {settled.match})", err=True)
    if json_output:
        found = [e.to_json() for e in entities]
        if settled:
            for data in found:
                data["matched"] = {"name": settled.name, "form": settled.form, "lang": settled.lang,
                                   "match": settled.match}
        if convention:
            for entity, data in zip(entities, found):
                form, reason = _convention_choice(entity, settled.name if settled else name, convention, official,
                                                  as_of)
                data["convention"] = {"user": convention, "form": form.id if form else None, "why": reason}
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        described = []
        for entity in entities:
            text = _describe(entity, gz.users)
            if convention:
                form, reason = _convention_choice(entity, settled.name if settled else name, convention, official,
                                                  as_of)
                text += f"\n  convention {convention}: {form.id if form else 'the source form'}: {reason}"
            described.append(text)
        if described:
            typer.echo("\n\n".join(described))
    if not entities:
        suggestions = index.suggest(name)
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        typer.echo(f"no place called {name!r}{hint}", err=True)
        raise typer.Exit(1)


# ---------------------------------------------------------------- find

# `find` prints its lines this many at a time.
_LINES_A_WRITE = 4096


@app.command()
@reports_errors
def find(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, directories (recursively) or - for stdin.")] = None,
    lang: Annotated[Optional[str], typer.Option(
        help="The texts' language (ISO 639-1): only its grammar explains suffixes; detected per paragraph if not given.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON Lines, one mention a line.")] = False,
    fuzzy: Annotated[bool, typer.Option("--fuzzy", help="Also names one edit away (8 letters or more; two letters swapped in 7): typos.")] = False,
    glob: Annotated[Optional[str], typer.Option("--glob", help="Under directories, only names matching this.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Inputs are JSON Lines, one document per line.")] = False,
    text_field: Annotated[str, typer.Option("--text-field", help="With --jsonl: the field with the text.")] = "text",
    fmt: Annotated[str, typer.Option("--format", help="auto (by file suffix), txt, md, html, docx, odt, srt, vtt "
                                                       "or epub: offsets are in the text each format reads.")] = "auto",
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", help="Worker processes searching documents side by side (0: one per core; default 1). "
                             "The output is the same, in the same order.")] = None,
    gazetteer: GazetteerOption = None,
):
    """List every place named in the texts, with offsets, entity and rival form.

    A bad input is reported on standard error and the others are still
    searched; the exit status is then 1.
    """
    from toponyms.translate.formats import normalize_format, search_view
    from toponyms.translate.reader import read_input

    from ..compiled import load_matcher
    from ..findmany import find_each, job_count
    from ..inputs import list_inputs
    from ..outputs import LineIndex, MentionLines

    check_lang(lang)
    if fmt != "auto":
        normalize_format(fmt)
    workers = job_count(jobs)
    sources = list_inputs(paths or ["-"], glob)
    if not sources:
        raise ToponymsError(f"no input files under {', '.join(paths)}" + (f" matching {glob!r}" if glob else ""))
    if all(source.problem for source in sources):
        # Nothing can be read (a mistyped path): say so at once, without building the matcher first.
        for source in sources:
            typer.echo(f"Error: {source.problem}", err=True)
        raise typer.Exit(1)
    # The matcher's million objects live as long as the command: the cycle collector is kept from
    # walking them while they load (a full pass, a tenth of a second) and ever after (gc.freeze).
    gc.disable()
    try:
        _, matcher = load_matcher(gazetteer)
    finally:
        gc.freeze()
        gc.enable()
    several = len(sources) > 1
    failed = 0
    lines = MentionLines()

    def documents():
        nonlocal failed
        for source in sources:
            try:
                if source.problem:
                    raise ToponymsError(source.problem)
                read = read_input(source.path, fmt, jsonl, text_field)
            except ToponymsError as exc:
                typer.echo(f"Error: {exc}", err=True)
                failed += 1
                continue
            for _, problem in read.problems:
                typer.echo(f"Error: {problem}", err=True)
            failed += bool(read.problems)
            for document in read.documents:
                name = document.name if jsonl else source.path
                searched, in_file = search_view(document.text, document.fmt)
                # Markup is blanked for the matcher; line numbers are counted in the file as it is, and
                # a name in a sentence that crossed inline tags is given its offsets in the file.
                yield ((name, document.text, in_file) if searched is not document.text else name), searched

    def render(doc, text, mentions) -> list[str]:
        if isinstance(doc, tuple):
            doc, text, in_file = doc
            if in_file is not None:
                mentions = [m._replace(start=start, end=end) for m in mentions
                            for start, end in [in_file(m.start, m.end)]]
        if json_output:
            return lines.json(doc, mentions)
        line_of = LineIndex(text).line_of
        return lines.table(doc if several or jsonl else None, mentions, [line_of(m.start) for m in mentions])

    for out in find_each(matcher, documents(), lang=lang, fuzzy=fuzzy, jobs=workers, render=render):
        # Many lines a write: one write per line cost more than finding the mentions.
        for chunk in range(0, len(out), _LINES_A_WRITE):
            typer.echo("\n".join(out[chunk:chunk + _LINES_A_WRITE]))
    if failed:
        raise typer.Exit(1)

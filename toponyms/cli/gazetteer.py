"""`toponyms gazetteer validate | stats | export`."""

from __future__ import annotations

import json
from collections import Counter
from typing import Annotated, Optional

import typer

from .common import GazetteerOption, JsonOption, check_lang, gazetteer_app, load_gazetteer, reports_errors



@gazetteer_app.command("validate")
@reports_errors
def gazetteer_validate(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Gazetteer files (default: the ones in use).")] = None,
    require: Annotated[str, typer.Option(
        "--require-langs", metavar="LANGS",
        help="Comma-separated languages every entity needs a rendering in ('none': no such check; "
             "files with shared_spellings: allowed, such as GeoNames imports, are not asked).")]
        = "en,az,hy,ru,tr,fr,de,es",
    gazetteer: GazetteerOption = None,
):
    """Check gazetteer files: schema, languages, users, duplicate spellings, a rendering in every language."""
    from ..gazetteer import check, missing_renderings

    langs = [] if require.strip() == "none" else [lang.strip() for lang in require.split(",") if lang.strip()]
    for lang in langs:
        check_lang(lang)
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
    gz = load_gazetteer(gazetteer)
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
    gz = load_gazetteer(gazetteer)
    typer.echo(json.dumps([e.to_json() for e in gz.entities], ensure_ascii=False, indent=2))

"""`toponyms gazetteer import`: bring names from other gazetteers (GeoNames) into this project's format."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .common import GazetteerOption, gazetteer_app, reports_errors

import_app = typer.Typer(help="Import places from other gazetteers (GeoNames) into this project's format.",
                         no_args_is_help=True)
gazetteer_app.add_typer(import_app, name="import")


@import_app.command("geonames")
@reports_errors
def import_geonames(
    file: Annotated[str, typer.Argument(
        metavar="FILE", help="GeoNames main table: allCountries.txt or a country's XX.txt (.zip or .gz too).")],
    alternate_names: Annotated[Optional[str], typer.Option(
        "--alternate-names", "-a", metavar="FILE",
        help="GeoNames alternateNames.txt or alternateNamesV2.txt: names per language and historic names.")] = None,
    country: Annotated[Optional[list[str]], typer.Option(
        "--country", "-c", metavar="XX", help="Only places in this country (ISO code; repeatable).")] = None,
    feature_class: Annotated[Optional[list[str]], typer.Option(
        "--feature-class", "-f", metavar="CLASS",
        help="Only features of this GeoNames class (repeatable): A areas, P populated places, H water, "
             "T terrain, L regions, R roads, S spots, U undersea, V vegetation.")] = None,
    min_population: Annotated[int, typer.Option(
        "--min-population", metavar="N", help="Only places with at least N inhabitants.")] = 0,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="PATH", help="Write the gazetteer file here (default: standard output).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite PATH if it exists.")] = False,
    keep_known: Annotated[bool, typer.Option(
        "--keep-known",
        help="Keep places with a spelling the other gazetteers already have (without that spelling); "
             "by default they are left out, so that GeoNames does not shadow hand-curated places.")] = False,
    gazetteer: GazetteerOption = None,
):
    """Convert GeoNames dumps into a gazetteer file to use beside the built-in one (-g builtin -g FILE)."""
    from ..geonames import Filters, import_geonames as run_import, known_names
    from ..outputs import refuse_overwrite, write_atomic

    filters = Filters.of(country or (), feature_class or (), min_population)
    if output:
        refuse_overwrite(output, force)
    known_keys, known_ids = known_names(gazetteer)
    result = run_import(file, alternate_names, filters, known_keys, known_ids, keep_known)
    if output:
        write_atomic(output, result.text, force=force)
    else:
        typer.echo(result.text, nl=False)
    typer.echo(result.summary(file) + (f"; written to {output}" if output else ""), err=True)


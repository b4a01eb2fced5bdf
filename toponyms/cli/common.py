"""What every command group shares: the application, the shared options, the error wrapper.

Errors are one line on standard error with exit status 2 (`reports_errors`).
"""

from __future__ import annotations

import functools
import sys
from typing import Annotated, Optional

import typer

from ..errors import Terminated, ToponymsError

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


def load_gazetteer(paths):
    """The gazetteer; a large one comes from the on-disk cache (see toponyms.compiled)."""
    from ..compiled import load_gazetteer

    return load_gazetteer(paths)


def check_lang(lang: str | None) -> None:
    from ..gazetteer import LANGUAGES

    if lang is not None and lang not in LANGUAGES:
        raise ToponymsError(f"unknown language code {lang!r} (known: {', '.join(sorted(LANGUAGES))})")

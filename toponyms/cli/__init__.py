"""The `toponyms` command: a package of command groups that wire options to library calls.

Every command that prints data for scripts takes --json; errors are one line on standard
error with exit status 2; `lookup` exits 1 when nothing matches, like grep. Shared options
and the error wrapper are in `common`; each other module registers one group of commands.
"""

from __future__ import annotations

from . import lookup, translate, models, report, gazetteer, importing  # noqa: F401, I001  (register the commands, in the order --help lists them)
from .common import app

__all__ = ["app", "main"]


def main() -> None:
    app()

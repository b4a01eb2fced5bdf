"""A progress bar on a terminal, nothing on a pipe: counts, rate and time left, on standard error."""

from __future__ import annotations

import sys


class Progress:
    """`advance()` once per finished input; a no-op unless shown."""

    def __init__(self, total: int, label: str, show: bool | None = None):
        if show is None:
            show = sys.stderr.isatty()
        self._bar = None
        if show and total > 1:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn,
                                       TimeRemainingColumn)
            from rich.console import Console

            self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                            console=Console(stderr=True), transient=True)
            self._task = self._bar.add_task(label, total=total, rate="")
            self._bar.start()

    def advance(self, failed: bool = False) -> None:
        if self._bar is not None:
            elapsed = self._bar.tasks[0].elapsed or 0
            done = self._bar.tasks[0].completed + 1
            self._bar.update(self._task, advance=1, rate=f"{done / elapsed:.1f}/s" if elapsed else "")

    def print(self, message: str) -> None:
        """A line above the bar (or plainly on standard error)."""
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

"""`Matcher.find` over many documents in worker processes, the results in the documents' order.

Batch users search thousands of articles in one run; each document is
searched on its own (nothing in `find` reads across documents), so
documents can go to as many processes as there are cores and the output is
the same, byte for byte, as one process gives. Workers are forked: they
inherit the matcher already built, and only texts and results cross between
processes. Where fork does not exist (Windows), or for one job, the
documents are searched here, one after another.

`render(name, text, mentions)` turns one document's mentions into what the
caller wants back (the CLI's output lines), in the worker, so that the
mentions need not be pickled back one by one.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from itertools import chain, islice
from typing import Callable, Iterable, Iterator

from .errors import ToponymsError

# Documents a worker takes at once: fewer round trips between processes, and still many tasks.
DOCUMENTS_A_TASK = 4

# What the forked workers search with: set in the parent just before the pool is made.
_job: tuple | None = None


def job_count(requested: int | None) -> int:
    """Worker processes for `--jobs` (0: one per core)."""
    if requested is None:
        return 1
    if requested < 0:
        raise ToponymsError(f"--jobs must be 0 (one per core) or more, not {requested}")
    return requested or (os.cpu_count() or 1)


def find_each(matcher, documents: Iterable[tuple[object, str]], *, lang: str | None = None, fuzzy: bool = False,
              jobs: int = 1, render: Callable | None = None) -> Iterator:
    """For each (name, text) of `documents`, in order: `render(name, text, mentions)` (default: the mentions).

    >>> from toponyms.gazetteer import load
    >>> from toponyms.match import Matcher
    >>> matcher = Matcher(load())
    >>> docs = [("a", "Шуша и Степанакерт."), ("b", "Xankəndidə."), ("c", "Nothing here.")]
    >>> [[m.entity_id for m in found] for found in find_each(matcher, docs, jobs=2)]
    [['shusha', 'khankendi'], ['khankendi'], []]
    """
    render = render or _mentions_only
    documents = iter(documents)
    first = list(islice(documents, 2))
    if jobs <= 1 or len(first) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for name, text in chain(first, documents):
            yield render(name, text, matcher.find(text, lang=lang, fuzzy=fuzzy))
        return
    global _job
    _job = (matcher, lang, fuzzy, render)
    # Ctrl-C is the parent's to handle (it ends the pool): workers would each print a traceback.
    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=signal.signal,
                                                    initargs=(signal.SIGINT, signal.SIG_IGN))
    try:
        # The pool reads the documents as its workers take them (a pipe's worth ahead), in its own thread.
        yield from pool.imap(_search, chain(first, documents), chunksize=DOCUMENTS_A_TASK)
    finally:
        pool.terminate()
        pool.join()
        _job = None


def _search(document: tuple[object, str]):
    matcher, lang, fuzzy, render = _job
    name, text = document
    return render(name, text, matcher.find(text, lang=lang, fuzzy=fuzzy))


def _mentions_only(name, text, mentions):
    return mentions

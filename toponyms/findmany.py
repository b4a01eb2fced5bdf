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
from typing import Callable, Iterable, Iterator

from .errors import ToponymsError

# Documents handed out at once, per worker: enough to keep every worker busy, few enough that the
# first results come soon and memory stays small.
DOCUMENTS_PER_WORKER = 8

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
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for name, text in documents:
            yield render(name, text, matcher.find(text, lang=lang, fuzzy=fuzzy))
        return
    global _job
    pool = None
    try:
        batch: list[tuple[object, str]] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= jobs * DOCUMENTS_PER_WORKER:
                pool = pool or _pool(matcher, lang, fuzzy, render, jobs)
                yield from pool.imap(_search, batch)
                batch = []
        if len(batch) == 1 and pool is None:
            name, text = batch[0]
            yield render(name, text, matcher.find(text, lang=lang, fuzzy=fuzzy))  # one document: no workers
        elif batch:
            pool = pool or _pool(matcher, lang, fuzzy, render, jobs)
            yield from pool.imap(_search, batch)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
        _job = None


def _pool(matcher, lang, fuzzy, render, jobs):
    global _job
    _job = (matcher, lang, fuzzy, render)
    # Ctrl-C is the parent's to handle (it ends the pool): workers would each print a traceback.
    return multiprocessing.get_context("fork").Pool(jobs, initializer=signal.signal,
                                                    initargs=(signal.SIGINT, signal.SIG_IGN))


def _search(document: tuple[object, str]):
    matcher, lang, fuzzy, render = _job
    name, text = document
    return render(name, text, matcher.find(text, lang=lang, fuzzy=fuzzy))


def _mentions_only(name, text, mentions):
    return mentions

"""Translating a corpus on a Dask cluster with the same code as `toponyms translate --out-dir`.

Nothing here schedules anything: the batch runner's own pieces plan the work
(`toponyms.translate.batch.plan`, `prepare_out_dir`, its skip rule and its chunks), and
Dask runs each chunk on some worker process through the batch runner's
`Worker`, built once per process and reused for every chunk that process gets.
Workers return each output and its record; the client writes them into the
out-dir and its store (`batch.write_outcomes`), so the input paths must mean
the same files on the client and on every worker (a shared filesystem: NFS, a
cluster filesystem, a bind mount on a single machine), and only the client
writes the out-dir.
docs/cluster.md shows a local cluster and a real one.

Dask is imported only inside the functions below (`pip install dask distributed`).
"""

from __future__ import annotations

import threading
from os import PathLike
from typing import Iterable, Iterator, Sequence

from toponyms.errors import ToponymsError
from toponyms.inputs import STDIN, Source, list_inputs
from toponyms.translate import batch
from toponyms.translate.batch import Outcome, Settings, Task

# In each worker process: one batch Worker (gazetteer, matcher, engines) per Settings, built on
# the first chunk that process runs and reused for the rest. The lock makes a worker process with
# several threads build it once and run one chunk at a time (a Worker is made for one thread).
# A long-lived cluster that serves runs with other settings keeps the few most recent ones.
_WORKERS: dict[Settings, tuple[batch.Worker, threading.Lock]] = {}
_WORKERS_LOCK = threading.Lock()
_WORKERS_KEPT = 4


def _process_worker(settings: Settings) -> tuple[batch.Worker, threading.Lock]:
    with _WORKERS_LOCK:
        if settings in _WORKERS:
            _WORKERS[settings] = _WORKERS.pop(settings)  # the most recently used last
        else:
            while len(_WORKERS) >= _WORKERS_KEPT:
                del _WORKERS[next(iter(_WORKERS))]
            _WORKERS[settings] = (batch.Worker(settings), threading.Lock())
        return _WORKERS[settings]


def run_chunk(settings: Settings, tasks: list[Task], fail_fast: bool = False) -> list[Outcome]:
    """Translate one chunk in this process, as a `toponyms translate` worker process does.

    This is the function each Dask task runs; it can be called directly too.
    """
    worker, lock = _process_worker(settings)
    with lock:
        return worker.run(tasks, fail_fast)


def cluster_slots(client) -> int:
    """Worker processes in the cluster now: the `--jobs` the chunks are sized for."""
    return max(1, len(client.nthreads()))


def run_on_dask(client, tasks: Sequence[Task], settings: Settings, redo: bool = False,
                fail_fast: bool = False, jobs: int | None = None, out: batch.OutDir | None = None,
                force: bool = False) -> Iterator[Outcome]:
    """`toponyms.translate.batch.run` on a Dask cluster: yield an Outcome per task as chunks finish.

    As in the batch runner, with `out` (the opened out-dir) a task whose
    output is up to date is skipped unless `redo` (an Outcome "skipped", with
    the rows of its record), one whose output is not the tool's is refused
    unless `force` (see `batch.split_up_to_date`), and the others go in chunks of about `batch.CHUNK_BYTES`, at least
    two per worker process (`jobs`, by default the cluster's worker processes).
    A chunk that raises (not a failed input, which is a "failed" Outcome)
    raises here, and the chunks not yet run are cancelled.
    """
    key = batch.run_key(settings) if out else None
    skipped, pending = batch.split_up_to_date(list(tasks), redo, out, key, force)
    yield from skipped
    cache = batch.document_cache(settings, out)
    try:
        cached, pending = batch.from_cache(pending, settings, key, cache) if not redo else ([], pending)
        for start in range(0, len(cached), batch.CHUNK_DOCUMENTS):
            yield from batch.write_outcomes(cached[start:start + batch.CHUNK_DOCUMENTS], out, settings, cache)
        chunks = batch.chunk_tasks(pending, jobs or cluster_slots(client))
        if chunks:
            yield from _run_chunks(client, chunks, settings, fail_fast, out, cache)
    finally:
        if cache is not None:
            cache.close()


def _run_chunks(client, chunks, settings: Settings, fail_fast: bool, out, cache) -> Iterator[Outcome]:
    from distributed import as_completed

    futures = [client.submit(run_chunk, settings, chunk, fail_fast, pure=False) for chunk in chunks]
    try:
        for future in as_completed(futures):
            outcomes = batch.write_outcomes(future.result(), out, settings, cache)
            yield from outcomes
            if fail_fast and any(o.status == "failed" for o in outcomes):
                return
    finally:
        client.cancel([f for f in futures if not f.done()])


def translate_corpus_on_dask(client, inputs: Iterable[str | PathLike | Source], out_dir: str | PathLike,
                             settings: Settings, *, glob: str | None = None, force: bool = False,
                             fail_fast: bool = False) -> list[Outcome]:
    """Translate files and directories into `out_dir` on a Dask cluster, like `toponyms translate --out-dir`.

    `inputs` are paths (directories are walked as the CLI walks them, with
    `glob` as its `--glob`) or `Source`s from `toponyms.inputs.list_inputs`.
    Outputs mirror the inputs' paths under `out_dir` with their records in
    `out_dir/.toponyms/records.sqlite`, exactly as the CLI writes them, and a rerun
    skips the inputs whose output is up to date (same input, gazetteer and
    settings), unless `force`; a file there that the tool did not write is
    never overwritten without `force`, and the directory is locked meanwhile. Returns an
    Outcome per input, in the order they finished; the rows of all of them
    together are what `--record` writes (`toponyms.outputs.records_text`).
    """
    inputs = list(inputs)
    if all(isinstance(item, Source) for item in inputs):
        sources = inputs
    else:
        if any(isinstance(item, Source) for item in inputs):
            raise ToponymsError("give paths or Sources, not a mix of both")
        sources = list_inputs([str(item) for item in inputs], glob, exclude=[str(out_dir)])
    if not sources:
        raise ToponymsError("no input files" + (f" matching {glob!r}" if glob else ""))
    if any(source.path == STDIN for source in sources):
        raise ToponymsError("standard input cannot be translated on a cluster: give files")
    out = batch.OutDir(str(out_dir), [str(item) for item in inputs if not isinstance(item, Source)])
    tasks = batch.plan(sources, out)
    with batch.prepare_out_dir(out, settings):
        return list(run_on_dask(client, tasks, settings, redo=force, fail_fast=fail_fast, out=out, force=force))


"""The batch translation on a real local Dask cluster (two worker processes): same outputs as the CLI."""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from corpus import write_articles  # noqa: E402

pytestmark = [
    pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("distributed") is None,
                       reason="dask.distributed is not installed (pip install '.[cluster]')"),
]

SETTINGS = dict(src="en", tgt="es", engine="apertium", cache=False)


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with pytest.MonkeyPatch.context() as patch:  # the workers inherit the environment: the built-in gazetteer
        patch.delenv("TOPONYMS_GAZETTEER", raising=False)
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
    dask_client = Client(cluster)
    try:
        yield dask_client
    finally:
        dask_client.close()
        cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("cluster") / "corpus"
    write_articles(root, 60)
    return root


def files(root: Path) -> dict[str, bytes]:
    """Every file under root by relative path, hidden ones (.toponyms) apart."""
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)}


def records(root: Path) -> dict[str, str]:
    """The record of each output, from the out-dir's store."""
    import sqlite3

    with sqlite3.connect(root / ".toponyms" / "records.sqlite") as store:
        return dict(store.execute("SELECT path, rows FROM records"))


def test_corpus_on_a_local_cluster_gives_the_cli_outputs_and_resumes(client, corpus, tmp_path):
    from toponyms.translate.batch import Settings
    from toponyms.translate.cluster import translate_corpus_on_dask

    settings = Settings(**SETTINGS)
    out = tmp_path / "out"
    outcomes = translate_corpus_on_dask(client, [corpus], out, settings)

    inputs = files(corpus)
    assert len(inputs) == 60
    assert sorted(o.source for o in outcomes) == sorted(str(corpus / name) for name in inputs)
    assert {o.status for o in outcomes} == {"done"}, [o.messages for o in outcomes if o.messages]
    produced = files(out)
    assert sorted(produced) == sorted(inputs)  # every input, its path mirrored under out
    assert sorted(records(out)) == sorted(inputs)
    assert sum(len(o.rows) for o in outcomes) > 0

    # Both worker processes did work, each with one batch Worker built once and reused.
    built = client.run(lambda: len(__import__("toponyms.translate.cluster", fromlist=["_WORKERS"])._WORKERS))
    assert sorted(built.values()) == [1, 1]

    cli_out = tmp_path / "cli"
    env = dict(os.environ)
    env.pop("TOPONYMS_GAZETTEER", None)
    result = subprocess.run([sys.executable, "-m", "toponyms", "translate", str(corpus), "--out-dir", str(cli_out),
                             "--engine", "apertium", "--from", "en", "--to", "es", "--no-cache", "--jobs", "1",
                             "--quiet"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert produced == files(cli_out)  # byte for byte
    assert records(out) == records(cli_out)

    again = translate_corpus_on_dask(client, [corpus], out, settings)
    assert len(again) == 60 and {o.status for o in again} == {"skipped"}
    assert sum(len(o.rows) for o in again) == sum(len(o.rows) for o in outcomes)
    assert files(out) == produced


def test_a_bad_file_fails_alone(client, tmp_path):
    from toponyms.translate.batch import Settings
    from toponyms.translate.cluster import translate_corpus_on_dask

    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 12)
    paths[5].write_bytes("Shelling near Ağdam".encode("utf-8")[:-3] + b"\xff\xfe\n")
    out = tmp_path / "out"
    outcomes = translate_corpus_on_dask(client, [corpus], out, Settings(**SETTINGS))

    failed = [o for o in outcomes if o.status == "failed"]
    assert len(outcomes) == 12 and len(failed) == 1
    assert failed[0].source == str(paths[5]) and "not UTF-8" in failed[0].messages[0]
    assert sum(o.status == "done" for o in outcomes) == 11
    assert len(files(out)) == 11 and not (out / paths[5].relative_to(corpus)).exists()

"""toponyms and argostranslate share one packages directory, both ways (the `toponyms[argos]` extra).

argostranslate reads its settings when imported (and creates directories), so
each check runs it in a fresh interpreter with its own HOME and
ARGOS_PACKAGES_DIR. Skipped when argostranslate is not installed: toponyms
itself never imports it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("argostranslate")

try:
    from tinyargos import build_package
except ImportError:  # pragma: no cover
    from tests.tinyargos import build_package

from toponyms.translate.engines import registry

LIST_PACKAGES = """
import json
import argostranslate.package as package
found = []
for p in package.get_installed_packages():
    tokens = p.tokenizer.encode("The town of Shusha.")
    found.append([p.from_code, p.to_code, type(p.tokenizer).__name__, len(tokens) > 0])
print(json.dumps(sorted(found)))
"""


def argos_python(code: str, home, packages_dir, *args) -> str:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "ARGOS_PACKAGES_DIR": str(packages_dir)}
    env.pop("TOPONYMS_ARGOS_DIR", None)
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture
def shared(tmp_path, monkeypatch):
    """One packages directory, named the way argostranslate's users name it."""
    packages_dir = tmp_path / "argos-packages"
    monkeypatch.delenv("TOPONYMS_ARGOS_DIR", raising=False)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages_dir))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "cache"))
    registry.clear_cache()
    yield packages_dir
    registry.clear_cache()


def test_installed_by_toponyms_listed_and_loaded_by_argostranslate(run, shared, tmp_path):
    archive = build_package(tmp_path / "archives", "en", "es")
    bpe = build_package(tmp_path / "archives", "en", "de", tokenizer="bpe")
    assert run("models", "install", str(archive)).exit_code == 0
    assert run("models", "install", str(bpe)).exit_code == 0
    listed = json.loads(argos_python(LIST_PACKAGES, tmp_path / "home", shared))
    assert listed == [["en", "de", "BPETokenizer", True], ["en", "es", "SentencePieceTokenizer", True]]


def test_installed_by_argostranslate_served_by_toponyms(run, shared, tmp_path):
    archive = build_package(tmp_path / "archives", "en", "es")
    argos_python("import sys, argostranslate.package as p; p.install_from_path(sys.argv[1])",
                 tmp_path / "home", shared, str(archive))
    assert (shared / "translate-en_es-tiny" / "metadata.json").is_file()
    record = tmp_path / "r.jsonl"
    result = run("translate", "-", "--from", "en", "--to", "es", "--engine", "argos", "--record", str(record),
                 input="Troops left Stepanakert and Shusha.\n")
    assert result.exit_code == 0, result.output
    assert "with argos" in result.stderr
    rows = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["khankendi", "shusha"]
    assert all(r["target_text"] in result.stdout for r in rows)

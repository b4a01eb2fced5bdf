"""A wheel installs and runs on its own: gazetteer, cue words and the translate layer ship inside.

Builds the wheel from a copy of the checkout, installs it without -e into a fresh virtual
environment (no system site-packages), and runs the CLI from a directory outside the checkout.
Third-party packages are reused from the running interpreter's site-packages through a .pth
file (so the test needs no network); the project's own code must come from the wheel.
"""

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _third_party_dirs() -> list[str]:
    """Site-packages of the running interpreter (not the checkout, not an editable finder)."""
    dirs = [*site.getsitepackages(), sysconfig.get_paths()["purelib"]]
    return sorted({d for d in dirs if Path(d).is_dir() and Path(d).resolve() != ROOT})


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "gazetteer.yaml"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("toponyms", "translate"):
        shutil.copytree(ROOT / name, source / name, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    dist = work / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source), "-w", str(dist)],
                   check=True, env=env, cwd=work, capture_output=True, timeout=120)
    [wheel] = dist.glob("toponyms-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True, env=env).stdout.strip()
    # Appended after the venv's own site-packages: the wheel's toponyms wins over any other copy.
    (Path(purelib) / "zz_third_party.pth").write_text("\n".join(_third_party_dirs()) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    str(wheel)], check=True, env=env, capture_output=True, timeout=120)
    outside = work / "elsewhere"
    outside.mkdir()
    return venv, outside, env


def _run(wheel_env, *args, stdin=None):
    venv, outside, env = wheel_env
    env = {**env, "XDG_CACHE_HOME": str(outside / "cache")}
    return subprocess.run([str(venv / "bin" / "toponyms"), *args], cwd=outside, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_the_code_comes_from_the_wheel(wheel_env):
    venv, outside, env = wheel_env
    out = subprocess.run([str(venv / "bin" / "python"), "-c",
                          "import toponyms, toponyms.translate.formats as f, toponyms.gazetteer as g;"
                          "print(toponyms.__file__); print(f.__file__); print(g.BUILTIN_PATH.is_file())"],
                         cwd=outside, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(line.startswith(str(venv)) for line in out[:2]), out
    assert out[2] == "True"


def test_lookup_from_the_wheel(wheel_env):
    result = _run(wheel_env, "lookup", "Stepanakert")
    assert result.returncode == 0, result.stderr
    assert "khankendi" in result.stdout.lower() or "Khankendi" in result.stdout


def test_find_from_the_wheel(wheel_env):
    result = _run(wheel_env, "find", "-", "--json", stdin="Shelling hit Stepanakert and Shusha.\n")
    assert result.returncode == 0, result.stderr
    ids = {json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()}
    assert {"khankendi", "shusha"} <= ids


def test_translate_engine_none_from_the_wheel(wheel_env):
    result = _run(wheel_env, "translate", "-", "--from", "en", "--to", "en", "--engine", "none",
                  stdin="Shelling hit Stepanakert.\n")
    assert result.returncode == 0, result.stderr
    assert "Khankendi" in result.stdout

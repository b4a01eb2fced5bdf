"""The Apertium engine (real `apertium` processes) and the engine registry."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from toponyms.translate.engines.apertium import ApertiumEngine, package_hint, parse_modes
from toponyms.translate.engines.base import Engine, EngineError
from toponyms.translate.engines.identity import NoneEngine
from toponyms.translate.engines import registry

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "karabakh-2020-10-04.txt"


def _modes() -> str:
    if shutil.which("apertium") is None:
        return ""
    return subprocess.run(["apertium", "-l"], capture_output=True, text=True).stdout


needs_eng_spa = pytest.mark.skipif(
    "eng-spa" not in _modes().split(), reason="needs apt-get install apertium apertium-eng-spa"
)
needs_fr_es = pytest.mark.skipif(
    "fr-es" not in _modes().split(), reason="needs apt-get install apertium apertium-fr-es"
)


def alone(text: str, mode: str = "eng-spa") -> str:
    """What `apertium -u MODE` prints for this text given on its own."""
    done = subprocess.run(["apertium", "-u", mode], input=text.encode(), capture_output=True, check=True)
    return done.stdout.decode()


def alone_each(texts: list[str], mode: str = "eng-spa") -> list[str]:
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return list(pool.map(lambda t: alone(t, mode), texts))


@pytest.fixture(scope="module")
def engine():
    return ApertiumEngine()


# -- modes ---------------------------------------------------------------------


def test_parse_modes_keeps_translation_directions_only():
    listing = "\n".join([
        "  eco-es-fr", "  eco-fr-es", "  eng-spa", "  es-fr", "  fr-es", "  spa-eng",
        "  spa-eng_US", "  eng-spa-anmor", "  eng-spa-tagger", "  eng-cat_valencia",
        "  cat-eng", "  hye-aze", "  ast-spa", "  *", "",
    ])
    assert parse_modes(listing) == {
        ("en", "es"): "eng-spa",
        ("es", "en"): "spa-eng",      # the plain mode wins over spa-eng_US
        ("es", "fr"): "es-fr",
        ("fr", "es"): "fr-es",
        ("en", "ca"): "eng-cat_valencia",  # a variant when it is the only mode
        ("ca", "en"): "cat-eng",
        ("hy", "az"): "hye-aze",
        ("ast", "es"): "ast-spa",      # no ISO 639-1 code: Apertium's code stays
    }


@needs_eng_spa
@needs_fr_es
def test_pairs_come_from_apertium_l_and_are_cached(engine):
    pairs = engine.pairs()
    assert {("en", "es"), ("es", "en"), ("fr", "es"), ("es", "fr")} <= set(pairs)
    assert all(len(code) in (2, 3) for pair in pairs for code in pair)
    assert engine.modes() is engine.modes()
    assert engine.can("en", "es") and not engine.can("en", "hy")
    assert "en→es" in engine.describe()


# -- one process, segments kept apart ------------------------------------------


@pytest.fixture(scope="module")
def seed_alone():
    """Each non-empty seed line and what `apertium -u eng-spa` makes of it alone."""
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines, alone_each(lines)


@needs_eng_spa
def test_every_seed_line_is_translated_as_if_alone(engine, seed_alone):
    lines, expected = seed_alone
    assert len(lines) > 15
    assert engine.translate(lines, "en", "es") == expected


@needs_eng_spa
def test_lines_that_a_newline_join_would_mix_stay_apart(engine):
    # Joined with a single "\n", Apertium gives "La" / "casa es grande" and
    # moves "de" across the line break; alone, each line translates on its own.
    segments = ["The", "house is big", "in front", "of the house"]
    got = engine.translate(segments, "en", "es")
    assert got == ["El", "La casa es grande", "Delante", "De la casa"]  # as each alone
    joined = alone("\n".join(segments)).split("\n")
    assert joined[:2] == ["La", "casa es grande"]  # why the engine does not join with "\n"


@needs_eng_spa
def test_segments_holding_newlines_and_blank_lines(engine):
    # The third holds the separator "\n\n\t\n\n" itself: the engine picks a longer one.
    segments = ["line one\nline two", "The\n\nhouse is big", "the cat\n\n\t\n\nthe dog"]
    assert engine.translate(segments, "en", "es") == alone_each(segments)


@needs_eng_spa
def test_whitespace_kept_and_empty_segments_unchanged(engine, seed_alone):
    (one, two, three), (first, second, third) = seed_alone[0][:3], seed_alone[1][:3]
    segments = ["  " + one + "  ", "", "   ", "\n\t\n", "\n" + two + "\n", "\u00a0" + three + "\u00a0"]
    got = engine.translate(segments, "en", "es")
    assert got == ["  " + first + "  ", "", "   ", "\n\t\n", "\n" + second + "\n", "\u00a0" + third + "\u00a0"]
    assert engine.translate([], "en", "es") == []
    assert engine.translate(["", " "], "en", "es") == ["", " "]


@needs_eng_spa
def test_one_apertium_process_for_all_segments(tmp_path):
    log = tmp_path / "calls.log"
    wrapper = tmp_path / "apertium"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec {shutil.which("apertium")} "$@"\n')
    wrapper.chmod(0o755)
    engine = ApertiumEngine(binary=str(wrapper))
    segments = [f"The town number {n} is big." for n in range(30)]
    got = engine.translate(segments, "en", "es")
    assert len(got) == 30 and all(f" {n} " in out for n, out in enumerate(got))
    assert got[0] == "El número de ciudad 0 es grande."
    engine.translate(segments[:3], "en", "es")
    calls = log.read_text().splitlines()
    assert calls == ["-l", "-u eng-spa", "-u eng-spa"]


@needs_eng_spa
def test_unknown_word_marks_only_on_request():
    assert ApertiumEngine().translate(["Madagiz is ours"], "en", "es") == ["Madagiz Es el nuestro"]
    marked = ApertiumEngine(mark_unknown=True).translate(["Madagiz is ours"], "en", "es")
    assert marked == ["*Madagiz Es el nuestro"]


@needs_fr_es
def test_french_to_spanish():
    segments = ["Le chat est noir.", "", "Il habite à Paris."]
    assert ApertiumEngine().translate(segments, "fr", "es") == ["El gato es negro.", "", "Vive en París."]


# -- errors -------------------------------------------------------------------------


def test_missing_binary(tmp_path):
    engine = ApertiumEngine(binary=str(tmp_path / "no" / "apertium"))
    assert engine.pairs() == []
    assert not engine.can("en", "es")
    assert "not installed" in engine.describe()
    with pytest.raises(EngineError, match=r"^apertium is not installed: install it with apt-get install apertium apertium-eng-spa$"):
        engine.translate(["Hello"], "en", "es")


@needs_eng_spa
def test_pair_not_installed_lists_the_installed_pairs(engine):
    with pytest.raises(EngineError) as err:
        engine.translate(["Hello"], "en", "hy")
    message = str(err.value)
    assert "apertium cannot translate en→hy" in message and "en→es" in message
    assert "\n" not in message
    assert package_hint("en", "ca") == "install it with apt-get install apertium apertium-eng-cat"
    assert package_hint("ca", "en") == "install it with apt-get install apertium apertium-eng-cat"


def _datadir(tmp_path: Path, **modes: str) -> str:
    (tmp_path / "modes").mkdir()
    for name, pipeline in modes.items():
        (tmp_path / "modes" / f"{name.replace('_', '-')}.mode").write_text(pipeline + "\n")
    return str(tmp_path)


@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs apt-get install apertium")
def test_failing_pipeline_names_the_exit_status_and_stderr(tmp_path):
    datadir = _datadir(tmp_path, eng_spa="echo 'stage broke' >&2; echo 'more' >&2; exit 3")
    with pytest.raises(EngineError, match=r"^apertium eng-spa failed with exit status 3: stage broke$"):
        ApertiumEngine(datadir=datadir).translate(["Hello"], "en", "es")


@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs apt-get install apertium")
def test_broken_stage_with_exit_status_zero_is_an_error(tmp_path):
    # The mode pipeline runs without pipefail: a missing .bin often ends with
    # status 0 (or 141, SIGPIPE, depending on timing) and an error on stderr.
    datadir = _datadir(tmp_path, eng_spa=f"lt-proc '{tmp_path}/missing.automorf.bin'")
    with pytest.raises(EngineError, match=r"^apertium eng-spa failed( with exit status \d+)?: Error: Cannot open file"):
        ApertiumEngine(datadir=datadir).translate(["Hello"], "en", "es")


@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs apt-get install apertium")
def test_timeout_ends_the_whole_pipeline(tmp_path):
    pidfile = tmp_path / "sleep.pid"
    datadir = _datadir(tmp_path, spa_eng=f"sleep 30 & echo $! > {pidfile}; wait")
    engine = ApertiumEngine(datadir=datadir, timeout=0.3)
    start = time.monotonic()
    with pytest.raises(EngineError, match=r"^apertium spa-eng timed out after 0.3 s$"):
        engine.translate(["Hola"], "es", "en")
    assert time.monotonic() - start < 5
    pid = int(pidfile.read_text())
    for _ in range(50):  # the grandchild is gone (not left sleeping with our pipes open)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"process {pid} of the timed-out pipeline is still running")


# -- registry ---------------------------------------------------------------------


@pytest.fixture
def fresh_registry(monkeypatch, tmp_path):
    """No Argos packages, no cached engines."""
    argos_dir = tmp_path / "argos"
    argos_dir.mkdir()
    monkeypatch.setenv("TOPONYMS_ARGOS_DIR", str(argos_dir))
    registry.clear_cache()
    yield argos_dir
    registry.clear_cache()


def _argos_package(directory: Path, src: str, tgt: str) -> None:
    package = directory / f"translate-{src}_{tgt}-1_0"
    package.mkdir()
    (package / "metadata.json").write_text(json.dumps(
        {"from_code": src, "to_code": tgt, "package_version": "1.0", "type": "translate"}
    ))
    (package / "sentencepiece.model").write_bytes(b"")  # a SentencePiece package, as far as choosing goes


def test_importing_the_registry_loads_no_heavy_module():
    code = (
        "import sys, toponyms.translate.engines.registry as r; r.ENGINE_NAMES;"
        "heavy = [m for m in ('argostranslate', 'ctranslate2', 'torch', 'lingua') if m in sys.modules];"
        "print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_engine_names_and_lookup(fresh_registry):
    assert registry.ENGINE_NAMES == ("argos", "apertium", "multilingual", "none")
    assert isinstance(registry.get_engine("apertium"), ApertiumEngine)
    assert registry.get_engine("apertium") is registry.get_engine("Apertium")
    assert isinstance(registry.get_engine("none"), NoneEngine)
    assert registry.get_engine("argos").name == "argos"
    with pytest.raises(EngineError, match=r"^unknown engine 'deepl': choose one of auto, argos, apertium, multilingual, none"):
        registry.get_engine("deepl")
    with pytest.raises(EngineError, match=r"^'auto' chooses an engine for a language pair; name one of argos"):
        registry.get_engine("auto")
    names = [e.name for e in registry.all_engines()]
    assert names[:4] == ["argos", "apertium", "multilingual", "none"]


def test_none_engine():
    engine = NoneEngine()
    assert engine.can("hy", "hy") and not engine.can("hy", "en")
    assert engine.translate(["Shushi", " x "], "hy", "hy") == ["Shushi", " x "]
    with pytest.raises(EngineError, match="not en→es"):
        engine.translate(["x"], "en", "es")


@needs_eng_spa
def test_auto_prefers_argos_then_apertium(fresh_registry):
    argos_dir = fresh_registry
    assert registry.choose_engine("auto", "hy", "hy").name == "none"
    assert registry.choose_engine("auto", "en", "es").name == "apertium"
    _argos_package(argos_dir, "en", "es")
    assert registry.choose_engine("auto", "en", "es").name == "argos"
    assert registry.choose_engine("auto", "es", "en").name == "apertium"
    # fr→es through the English pivot, when argos has fr→en and en→es.
    _argos_package(argos_dir, "fr", "en")
    assert registry.choose_engine("auto", "fr", "es").name == "argos"
    assert registry.choose_engine("apertium", "fr", "es").name == "apertium"


def test_auto_without_any_engine_for_the_pair(fresh_registry):
    with pytest.raises(EngineError) as err:
        registry.choose_engine("auto", "en", "hy")
    message = str(err.value)
    assert message.startswith("no engine can translate en→hy:")
    # Argos has no Armenian package: no command that can only fail, the multilingual models instead.
    assert "argos has no Armenian package" in message and "models install en hy" not in message
    assert "apertium" in message and "NLLB-200" in message
    assert "\n" not in message


@needs_eng_spa
def test_named_engine_that_cannot_do_the_pair(fresh_registry):
    with pytest.raises(EngineError, match=r"^engine apertium cannot translate en→hy \(it can do .*en→es"):
        registry.choose_engine("apertium", "en", "hy")
    with pytest.raises(EngineError, match=r"^engine argos cannot translate en→es \(it has no pairs installed\); run `toponyms models install en es`"):
        registry.choose_engine("argos", "en", "es")
    with pytest.raises(EngineError, match="^engine none does not translate"):
        registry.choose_engine("none", "en", "es")
    with pytest.raises(EngineError, match="^unknown engine 'google'"):
        registry.choose_engine("google", "en", "es")


def test_engines_from_entry_points(fresh_registry, tmp_path, monkeypatch):
    (tmp_path / "shoutengine.py").write_text(textwrap.dedent("""
        from toponyms.translate.engines.base import Engine

        class ShoutEngine(Engine):
            name = "shout"
            def pairs(self):
                return [("en", "xx")]
            def translate(self, segments, src, tgt):
                return [s.upper() for s in segments]

        NotAnEngine = object
    """))
    dist = tmp_path / "shoutengine-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: shoutengine\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(
        "[toponyms.engines]\nshout = shoutengine:ShoutEngine\nbroken = shoutengine:NotAnEngine\n"
        "apertium = shoutengine:ShoutEngine\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert registry.engine_names() == ("argos", "apertium", "multilingual", "none", "broken", "shout")
    shout = registry.get_engine("shout")
    assert isinstance(shout, Engine) and shout.translate(["Shusha"], "en", "xx") == ["SHUSHA"]
    assert registry.choose_engine("auto", "en", "xx") is shout
    assert isinstance(registry.get_engine("apertium"), ApertiumEngine)  # built-ins cannot be replaced
    with pytest.raises(EngineError, match="^engine broken from shoutengine:NotAnEngine .* is not an Engine subclass$"):
        registry.get_engine("broken")
    described = {e.name: e.describe() for e in registry.all_engines()}
    assert described["broken"].startswith("broken: unavailable (engine broken from")
    assert described["shout"] == "shout"

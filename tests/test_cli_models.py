"""CTranslate2 model directories as users get them, installed, listed and used through the CLI.

Each family is a tiny genuine model built in tests/tinyargos.py: NLLB-200 laid
out exactly as ct2-transformers-converter writes it without --copy_files (the
SentencePiece model kept apart, as CTranslate2's guide has it), NLLB with only
its tokenizer.json, M2M-100, and OPUS-MT one-pair and multi-target with
source.spm and target.spm. The models write gibberish; the tests hold the
pipeline to what it guarantees: every place in the source is in the output and
in the record, placed one of the documented ways.
"""

from __future__ import annotations

import json

import pytest

try:
    from tinyargos import build_m2m100, build_marian, build_nllb, build_nllb_tokenizer_json
except ImportError:  # pragma: no cover
    from tests.tinyargos import build_m2m100, build_marian, build_nllb, build_nllb_tokenizer_json

from toponyms.translate.engines import registry
from toponyms.translate.pipeline import PLACEMENTS

ARMENIAN = "Ստեփանակերտում և Շուշիում հանդիպումներ եղան։ Լաչինը փակ է։\n"
ENGLISH = "Troops left Stepanakert and Shusha.\n\nThe Lachin corridor was closed.\n"


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    """Model directories as they lie in a user's downloads, before `models install`."""
    root = tmp_path_factory.mktemp("downloads")
    nllb, sp_bytes = build_nllb(root / "nllb-200-distilled-600M")
    (root / "flores200_sacrebleu_tokenizer_spm.model").write_bytes(sp_bytes)
    return {
        "nllb": nllb,
        "nllb-spm": root / "flores200_sacrebleu_tokenizer_spm.model",
        "nllb-tokenizer-json": build_nllb_tokenizer_json(root / "nllb-200-ct2-int8"),
        "m2m": build_m2m100(root / "m2m100_418M", ("en", "hy", "ru")),
        "marian": build_marian(root / "opus-mt-en-hy"),
        "marian-mul": build_marian(root / "opus-mt-en-mul", (">>hye<<", ">>rus<<")),
    }


@pytest.fixture
def homes(tmp_path, monkeypatch):
    """Empty models and packages directories; engines rebuilt around them."""
    monkeypatch.setenv("TOPONYMS_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("TOPONYMS_ARGOS_DIR", str(tmp_path / "packages"))
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "cache"))
    registry.clear_cache()
    yield tmp_path
    registry.clear_cache()


def translate_and_check(run, tmp_path, source, src, tgt, *options):
    record = tmp_path / f"record-{src}-{tgt}.jsonl"
    result = run("translate", "-", "--from", src, "--to", tgt, "--engine", "multilingual",
                 "--record", str(record), *options, input=source)
    assert result.exit_code == 0, result.output
    assert "with multilingual" in result.stderr
    rows = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == (["khankendi", "shusha", "lachin"] if src == "hy"
                                       else ["khankendi", "shusha", "lachin_corridor"])
    for row in rows:
        assert row["placement"] in PLACEMENTS and row["engine"] == "multilingual"
        assert row["target_text"] and row["target_text"] in result.stdout
        if row["target_start"] is not None:
            assert result.stdout[row["target_start"]:row["target_end"]] == row["target_text"]
    return result, rows


def test_nllb_as_the_converter_writes_it(run, homes, downloads):
    """No tokenizer inside: refused with what to do; with --tokenizer it installs and serves."""
    refused = run("models", "install", str(downloads["nllb"]))
    assert refused.exit_code == 2
    assert refused.stderr.startswith("Error: ") and len(refused.stderr.splitlines()) == 1
    assert "has no tokenizer" in refused.stderr and "--tokenizer" in refused.stderr
    assert not (homes / "models").exists() or not any((homes / "models").iterdir())

    installed = run("models", "install", str(downloads["nllb"]), "--tokenizer", str(downloads["nllb-spm"]))
    assert installed.exit_code == 0, installed.output
    assert "installed nllb-200-distilled-600M (nllb)" in installed.stdout and "hy->en" in installed.stdout
    listed = json.loads(run("models", "list", "--json").stdout)
    (model,) = [m for m in listed if m["engine"] == "multilingual"]
    assert model["usable"] and model["style"] == "nllb" and ["hy", "az"] in model["pairs"]
    assert model["weights"] == "float32"
    translate_and_check(run, homes, ARMENIAN, "hy", "en")
    translate_and_check(run, homes, ENGLISH, "en", "ru")


def test_nllb_with_only_tokenizer_json(run, homes, downloads):
    assert run("models", "install", str(downloads["nllb-tokenizer-json"])).exit_code == 0
    translate_and_check(run, homes, ARMENIAN, "hy", "en")
    translate_and_check(run, homes, ENGLISH, "en", "hy")


def test_m2m100(run, homes, downloads):
    assert run("models", "install", str(downloads["m2m"])).exit_code == 0
    result, _ = translate_and_check(run, homes, ARMENIAN, "hy", "en")
    assert "__en__" not in result.stdout


def test_marian_one_pair_and_multi_target(run, homes, downloads):
    assert run("models", "install", str(downloads["marian"])).exit_code == 0
    assert run("models", "install", str(downloads["marian-mul"])).exit_code == 0
    listed = run("models", "list").stdout
    assert "opus-mt-en-hy (marian, float32)" in listed and "en->hy" in listed
    assert "opus-mt-en-mul (marian, float32)" in listed and "en->ru" in listed
    result, _ = translate_and_check(run, homes, ENGLISH, "en", "ru")
    assert ">>rus<<" not in result.stdout
    translate_and_check(run, homes, ENGLISH, "en", "hy")
    no_pair = run("translate", "-", "--from", "hy", "--to", "en", "--engine", "multilingual", input=ARMENIAN)
    assert no_pair.exit_code == 2 and "cannot translate hy→en" in no_pair.stderr


def test_broken_directory_listed_and_others_serve(run, homes, downloads):
    """A directory that cannot be used is listed with its reason; the others still serve, and
    auto falls through to another engine for pairs only the broken one would have had."""
    assert run("models", "install", str(downloads["m2m"])).exit_code == 0
    broken = homes / "models" / "nllb-copied-badly"
    broken.mkdir()
    for name in ("model.bin", "config.json", "shared_vocabulary.json"):
        (broken / name).write_bytes((downloads["nllb"] / name).read_bytes())
    listed = run("models", "list")
    assert listed.exit_code == 0
    assert "m2m100_418M (m2m100, float32)" in listed.stdout
    assert "nllb-copied-badly" in listed.stdout and "unusable: model directory" in listed.stdout
    engines = run("engines").stdout
    assert "nllb-copied-badly not usable" in engines
    translate_and_check(run, homes, ARMENIAN, "hy", "en")
    # en->es: the broken NLLB would have had it; auto goes to Apertium instead
    result = run("translate", "-", "--from", "en", "--to", "es", "--no-cache", input=ENGLISH)
    assert result.exit_code == 0, result.output
    assert "with apertium" in result.stderr


def test_options_reach_the_multilingual_model(run, homes, downloads):
    assert run("models", "install", str(downloads["m2m"])).exit_code == 0
    result, _ = translate_and_check(run, homes, ARMENIAN, "hy", "en", "--compute-type", "int8",
                                    "--device", "cpu", "--threads", "1", "--no-cache")
    engine = registry.get_engine("multilingual")
    assert engine.options["compute_type"] == "int8" and engine.options["intra_threads"] == 1
    (model,) = engine._models.values()
    assert model.translator().compute_type.startswith("int8")  # int8_float32 on CPU
    bad = run("translate", "-", "--from", "hy", "--to", "en", "--compute-type", "int3", input=ARMENIAN)
    assert bad.exit_code == 2 and "unknown compute type 'int3'" in bad.stderr


def test_default_keeps_the_weights_type(run, homes, downloads):
    """Without --compute-type the float32 model stays float32 (compute_type 'auto' made it int8)."""
    assert run("models", "install", str(downloads["m2m"])).exit_code == 0
    translate_and_check(run, homes, ARMENIAN, "hy", "en", "--no-cache")
    engine = registry.get_engine("multilingual")
    (model,) = engine._models.values()
    assert model.translator().compute_type == "float32"
    # one process, the cores shared by its model's batches
    import os

    assert engine.options["inter_threads"] == (os.cpu_count() or 1)
    assert engine.options["intra_threads"] == 1


def test_int8_model_runs_as_int8(run, homes, tmp_path):
    """A model converted with --quantization int8 runs in int8 by default, and says so."""
    build_m2m100(tmp_path / "m2m100_int8", ("en", "hy"), quantization="int8")
    assert run("models", "install", str(tmp_path / "m2m100_int8")).exit_code == 0
    assert "m2m100_int8 (m2m100, int8)" in run("models", "list").stdout
    translate_and_check(run, homes, ARMENIAN, "hy", "en", "--no-cache")
    (model,) = registry.get_engine("multilingual")._models.values()
    assert model.translator().compute_type.startswith("int8")
    assert registry.get_engine("multilingual").fingerprint("hy", "en").endswith(":int8")


def test_install_refuses_to_overwrite_without_force(run, homes, downloads):
    assert run("models", "install", str(downloads["m2m"])).exit_code == 0
    before = (homes / "models" / "m2m100_418M" / "model.bin").stat().st_mtime_ns
    again = run("models", "install", str(downloads["m2m"]))
    assert again.exit_code == 2 and "already exists; use --force" in again.stderr
    assert (homes / "models" / "m2m100_418M" / "model.bin").stat().st_mtime_ns == before
    assert run("models", "install", str(downloads["m2m"]), "--force").exit_code == 0
    assert sorted(p.name for p in (homes / "models").iterdir()) == ["m2m100_418M"]

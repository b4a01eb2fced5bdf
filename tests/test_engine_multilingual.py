"""The multilingual engine with a tiny genuine NLLB-style CTranslate2 model built here.

The model has random weights (gibberish out) but a real SentencePiece model
whose vocabulary holds the NLLB language tokens, so the engine's source
``[hye_Armn] + pieces + [</s>]`` and ``target_prefix=[[eng_Latn]]`` go
through CTranslate2 for real.
"""

from __future__ import annotations

import io
import json

import pytest

try:
    from tinyargos import CORPUS, _transformer_spec
except ImportError:  # pragma: no cover
    from tests.tinyargos import CORPUS, _transformer_spec

from translate.engines.base import EngineError
from translate.engines.multilingual import CONFIG_NAME, MultilingualEngine
from translate.pipeline import PLACEMENTS, DocumentTranslator

LANGUAGES = {"hy": "hye_Armn", "en": "eng_Latn", "ru": "rus_Cyrl"}


def build_multilingual_model(model_dir, languages=LANGUAGES, *, style="nllb", name="tiny-nllb",
                             vocab_size=400, seed=4321):
    """A tiny CTranslate2 model dir + sentencepiece.bpe.model + toponyms-model.json."""
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(CORPUS), model_writer=buffer, vocab_size=vocab_size,
        hard_vocab_limit=False, model_type="bpe", character_coverage=1.0, num_threads=1,
        minloglevel=2, user_defined_symbols=["_", *languages.values()],
    )
    sp_bytes = buffer.getvalue()
    processor = spm.SentencePieceProcessor(model_proto=sp_bytes)
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    assert all(token in vocabulary for token in languages.values())
    spec = _transformer_spec(vocabulary, d_model=32, ffn=64, layers=1, heads=2, seed=seed, eos_bias=2.0)
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))
    (model_dir / "sentencepiece.bpe.model").write_bytes(sp_bytes)
    (model_dir / CONFIG_NAME).write_text(
        json.dumps({"name": name, "style": style, "languages": languages}), encoding="utf-8")
    return model_dir


@pytest.fixture(scope="module")
def models_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("models")
    build_multilingual_model(root / "tiny-nllb")
    return root


@pytest.fixture
def engine(models_root, monkeypatch):
    monkeypatch.setenv("TOPONYMS_MODELS_DIR", str(models_root))
    return MultilingualEngine(beam_size=1)


SEGMENTS = [
    "Ստեփանակերտը Արցախի մայրաքաղաքն է։ Շուշի քաղաքը գտնվում է բարձր սարահարթի վրա։",
    "",
    "Բանակցությունները վերսկսվեցին Մոսկվայում։",
    "   ",
    "Ո՞ւր է գնում շարասյունը։",
]


def test_pairs_and_describe(engine):
    pairs = engine.pairs()
    assert ("hy", "en") in pairs and ("en", "hy") in pairs and ("ru", "hy") in pairs
    assert all(s != t for s, t in pairs) and len(pairs) == 6
    assert engine.can("hy", "en") and not engine.can("hy", "az")
    assert "tiny-nllb" in engine.describe()


def test_translate_one_output_per_segment_without_language_tokens(engine):
    out = engine.translate(SEGMENTS, "hy", "en")
    assert len(out) == len(SEGMENTS)
    assert out[1] == "" and out[3] == "   "  # blank segments unchanged
    for source, target in zip(SEGMENTS, out):
        if source.strip():
            assert target.strip()
            assert not any(token in target for token in LANGUAGES.values())
            assert "</s>" not in target
    # deterministic, and en -> hy runs too
    assert engine.translate(SEGMENTS, "hy", "en") == out
    assert all(engine.translate(["The town of Shusha stands on a high plateau."], "en", "hy"))
    assert engine.translate(["x"], "hy", "hy") == ["x"]


def test_batch_equals_one_by_one(engine):
    batched = engine.translate(SEGMENTS, "hy", "en")
    single = [engine.translate([s], "hy", "en")[0] for s in SEGMENTS]
    assert batched == single


def test_source_and_target_language_tokens_reach_the_model(engine):
    """The source token changes the encoding, the target token the decoding."""
    model = engine.model(engine.models()[0])
    assert model.source_tokens(["▁a"], ["hye_Armn"], None) == ["hye_Armn", "▁a", "</s>"]
    text = ["Շուշի քաղաքը գտնվում է բարձր սարահարթի վրա։"]
    assert engine.translate(text, "hy", "en") != engine.translate(text, "hy", "ru")


def test_fingerprint_names_model_and_file(engine, models_root):
    fp = engine.fingerprint("hy", "en")
    size = (models_root / "tiny-nllb" / "model.bin").stat().st_size
    assert "tiny-nllb" in fp and "hye_Armn->eng_Latn" in fp and f"model.bin={size}@" in fp
    assert fp != engine.fingerprint("en", "hy")
    assert engine.fingerprint("hy", "az").endswith(":none")


def _one_line_error(call, *words):
    with pytest.raises(EngineError) as info:
        call()
    message = str(info.value)
    assert len(message.splitlines()) == 1, message
    for word in words:
        assert word in message, message
    return message


def test_errors_are_one_line(engine, tmp_path, monkeypatch):
    _one_line_error(lambda: engine.translate(["Բարև։"], "hy", "az"), "'az'", "hy")

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / CONFIG_NAME).write_text("{not json", encoding="utf-8")
    bad = MultilingualEngine(broken)
    _one_line_error(lambda: bad.translate(["Բարև։"], "hy", "en"), CONFIG_NAME, "JSON")
    _one_line_error(bad.pairs, CONFIG_NAME)
    assert "not valid JSON" in bad.describe()

    (broken / CONFIG_NAME).write_text('{"style": "marian", "languages": {"hy": "x", "en": "y"}}')
    _one_line_error(bad.pairs, "style")
    (broken / CONFIG_NAME).write_text('{"style": "nllb", "languages": {"hy": "hye_Armn"}}')
    _one_line_error(bad.pairs, "languages")

    no_json = tmp_path / "root" / "some-model"
    no_json.mkdir(parents=True)
    (no_json / "model.bin").write_bytes(b"")
    _one_line_error(MultilingualEngine(tmp_path / "root").pairs, CONFIG_NAME, "some-model")

    monkeypatch.setenv("TOPONYMS_MODELS_DIR", str(tmp_path / "nowhere"))
    empty = MultilingualEngine()
    assert empty.pairs() == []
    _one_line_error(lambda: empty.translate(["Բարև։"], "hy", "en"), "no multilingual model", "nowhere")


def test_m2m100_style_list_of_codes(tmp_path):
    root = tmp_path / "m2m"
    build_multilingual_model(root / "tiny-m2m", {"hy": "__hy__", "en": "__en__"}, style="m2m100",
                             name="tiny-m2m")
    (root / "tiny-m2m" / CONFIG_NAME).write_text(
        json.dumps({"name": "tiny-m2m", "style": "m2m100", "languages": ["hy", "en"]}))
    engine = MultilingualEngine(root, beam_size=1)
    assert engine.pairs() == [("en", "hy"), ("hy", "en")]
    out = engine.translate(["Շուշի քաղաքը գտնվում է։"], "hy", "en")
    assert out[0].strip() and "__en__" not in out[0] and "__hy__" not in out[0]


def test_pipeline_records_every_mention(engine, gazetteer, matcher):
    source = "Ստեփանակերտում և Շուշիում հանդիպումներ եղան։ Լաչինը փակ է։"
    result = DocumentTranslator(engine, gazetteer, matcher).translate(source, "hy", "en")
    rows = result.placements
    assert [p.source_text for p in rows] == ["Ստեփանակերտում", "Շուշիում", "Լաչինը"]
    assert [p.id for p in rows] == ["khankendi", "shusha", "lachin"]
    for row in rows:
        assert row.placement in PLACEMENTS
        assert row.engine == "multilingual"
        assert row.target_text and row.target_text in result.text
        assert source[row.source_start:row.source_end] == row.source_text
        if row.target_start is not None:
            assert result.text[row.target_start:row.target_end] == row.target_text

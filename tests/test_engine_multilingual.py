"""The multilingual engine with a tiny genuine NLLB-style CTranslate2 model built here.

The model has random weights (gibberish out) but a real SentencePiece model
whose vocabulary holds the NLLB language tokens, so the engine's source
``[hye_Armn] + pieces + [</s>]`` and ``target_prefix=[[eng_Latn]]`` go
through CTranslate2 for real.
"""

from __future__ import annotations

import json

import pytest

try:
    from tinyargos import CORPUS, build_m2m100, build_nllb
except ImportError:  # pragma: no cover
    from tests.tinyargos import CORPUS, build_m2m100, build_nllb

from toponyms.translate.engines.base import EngineError
from toponyms.translate.engines.multilingual import CONFIG_NAME, MultilingualEngine
from toponyms.translate.pipeline import PLACEMENTS, DocumentTranslator

LANGUAGES = {"hy": "hye_Armn", "en": "eng_Latn", "ru": "rus_Cyrl"}


def build_multilingual_model(model_dir, languages=LANGUAGES, *, style="nllb", name="tiny-nllb"):
    """A tiny NLLB-style model with its sentencepiece.bpe.model copied in and a toponyms-model.json."""
    model_dir, sp_bytes = build_nllb(model_dir, tuple(languages.values()))
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
    build_multilingual_model(broken)
    (broken / CONFIG_NAME).write_text("{not json", encoding="utf-8")
    bad = MultilingualEngine(broken)
    _one_line_error(lambda: bad.translate(["Բարև։"], "hy", "en"), CONFIG_NAME, "JSON")
    assert bad.pairs() == []
    assert "not valid JSON" in bad.describe()

    (broken / CONFIG_NAME).write_text('{"style": "fairseq", "languages": {"hy": "x", "en": "y"}}')
    assert "style" in bad.models()[0].problem
    (broken / CONFIG_NAME).write_text('{"style": "nllb", "languages": {"hy": "hye_Armn"}}')
    assert "at least two" in bad.models()[0].problem

    monkeypatch.setenv("TOPONYMS_MODELS_DIR", str(tmp_path / "nowhere"))
    empty = MultilingualEngine()
    assert empty.pairs() == []
    _one_line_error(lambda: empty.translate(["Բարև։"], "hy", "en"), "no usable multilingual model", "nowhere")


def test_language_token_typo_is_refused_with_the_right_token(tmp_path):
    """aze_Latn is not an NLLB token: it would become <unk> and the model would write anything."""
    model = build_multilingual_model(tmp_path / "m", {"az": "azj_Latn", "en": "eng_Latn"})
    (model / CONFIG_NAME).write_text(json.dumps({"style": "nllb", "languages": {"az": "aze_Latn", "en": "eng_Latn"}}))
    engine = MultilingualEngine(model)
    assert engine.pairs() == []
    problem = engine.models()[0].problem
    assert "aze_Latn (az) not in the model's vocabulary; NLLB writes az as azj_Latn" in problem
    _one_line_error(lambda: engine.translate(["Salam."], "az", "en"), "aze_Latn")


def test_m2m100_read_from_its_vocabulary(tmp_path):
    """No toponyms-model.json: the __xx__ tokens of the vocabulary say the family and languages."""
    build_m2m100(tmp_path / "m2m100_418M", ("hy", "en"))
    engine = MultilingualEngine(tmp_path, beam_size=1)
    assert engine.pairs() == [("en", "hy"), ("hy", "en")]
    info = engine.models()[0]
    assert info.style == "m2m100" and engine.decoding(info)["length_penalty"] == 1.0
    out = engine.translate(["Շուշի քաղաքը գտնվում է։"], "hy", "en")
    assert out[0].strip() and "__en__" not in out[0] and "__hy__" not in out[0]


def test_family_decoding_defaults(tmp_path):
    build_m2m100(tmp_path / "m2m", ("hy", "en"))
    info = MultilingualEngine(tmp_path).models()[0]
    assert MultilingualEngine(tmp_path).decoding(info)["beam_size"] == 5
    assert MultilingualEngine(tmp_path, beam_size=2).decoding(info)["beam_size"] == 2
    assert MultilingualEngine(tmp_path).decoding(info)["compute_type"] == "default"


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


SCRIPTS = {
    "hy": "Հանդիպումը {} քաղաքում էր։",
    "ru": "Встреча прошла в {} вчера.",
    "fa": "دیدار در {} برگزار شد.",
    "az": "Görüş {} şəhərində oldu.",
    "ka": "შეხვედრა {} ქალაქში გაიმართა.",
    "el": "Η συνάντηση έγινε στο {} χθες.",
    "en": "The meeting was held in {} yesterday.",
}


def test_protection_token_is_a_piece_the_model_keeps_whole(tmp_path):
    """The placeholder is a whole vocabulary piece, and stays one piece in every script around it,
    so the model sees one token it can copy rather than letters it may transliterate."""
    lines = [*CORPUS, *["NATO and the OSCE sent observers; NATO said so."] * 20]
    model_dir, sp_bytes = build_nllb(tmp_path / "nllb", tuple(LANGUAGES.values()), lines=lines)
    (model_dir / "sentencepiece.bpe.model").write_bytes(sp_bytes)
    engine = MultilingualEngine(tmp_path)
    template = engine.placeholder("hy", "en")
    assert template == "NATO{}"
    model = engine.model(engine.models()[0])
    for lang, sentence in SCRIPTS.items():
        pieces = model.tokenize(sentence.format(template.format(3)))
        assert "▁NATO" in pieces, (lang, pieces)
    # without such a piece, the old placeholder
    plain = tmp_path / "plain"
    build_multilingual_model(plain / "tiny")
    assert MultilingualEngine(plain).placeholder("hy", "en") == "XZ{}Q"


def test_placeholders_are_found_by_the_engines_token():
    from toponyms.translate.pipeline import _placeholders

    assert _placeholders("в NATO 1 и NATO0", 2, "NATO{}") == [(11, 16), (2, 8)]
    assert _placeholders("в NATO 1 и nato12", 13, "NATO{}") is None  # 0..11 are missing
    assert _placeholders("x z 0 q", 1, "XZ{}Q") == [(0, 7)]


def test_marian_without_a_name_or_config_says_what_is_missing(tmp_path):
    try:
        from tinyargos import build_marian
    except ImportError:  # pragma: no cover
        from tests.tinyargos import build_marian
    model = build_marian(tmp_path / "my-model")
    engine = MultilingualEngine(tmp_path)
    assert engine.pairs() == []
    assert "cannot tell the source language of the OPUS-MT model" in engine.models()[0].problem
    (model / CONFIG_NAME).write_text(json.dumps({"style": "marian", "source": "en"}))
    assert "cannot tell the target language" in engine.models()[0].problem
    (model / CONFIG_NAME).write_text(json.dumps({"style": "marian", "source": "en", "targets": ["hy"]}))
    assert engine.pairs() == [("en", "hy")]
    assert engine.translate(["The town of Shusha."], "en", "hy")[0]

"""The Argos engine, the CTranslate2 model wrapper and the sentence splitter, with real tiny packages."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest

import toponyms.translate.sentences
from toponyms.errors import ToponymsError
from toponyms.translate import packages
from toponyms.translate.ct2model import CTranslate2Model
from toponyms.translate.engines.argos import ArgosEngine
from toponyms.translate.engines.base import Engine, EngineError
from toponyms.translate.sentences import join_sentences, sentences, split_sentences

try:  # tests/ is on sys.path when it has no __init__.py (pytest's rootdir-less import)
    from tinyargos import build_package
except ImportError:  # pragma: no cover - if tests/ becomes a package
    from tests.tinyargos import build_package

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pkgdir(tmp_path_factory) -> Path:
    """en→es and hy→en tiny packages installed once for the module (explicit directory, no env)."""
    base = tmp_path_factory.mktemp("argos")
    root = base / "packages"
    for src, tgt in (("en", "es"), ("hy", "en")):
        packages.install_from_file(build_package(base / "archives", src, tgt), directory=root)
    return root


@pytest.fixture(scope="module")
def engine(pkgdir) -> ArgosEngine:
    return ArgosEngine(pkgdir, beam_size=1)


@pytest.fixture(scope="module")
def en_es(pkgdir) -> packages.PackageInfo:
    return packages.find_installed("en", "es", pkgdir)


SEGMENTS = [
    "The town of Shusha stands on a high plateau.",
    "Dr. Smith arrived in the U.S. on Monday. Talks resumed in Moscow! Did the convoy arrive?",
    "",
    "   ",
    "Residents left Lachin along the corridor road.\n\nThe report_id field was missing.",
    "  Leading and trailing spaces survive.  ",
    "\t",
    "Prices of bread and fuel rose sharply in the autumn.",
]


# -- engine ------------------------------------------------------------------------


def test_is_an_engine(engine):
    assert isinstance(engine, Engine) and engine.name == "argos"


def test_pairs_include_pivots(engine):
    assert engine.pairs() == [("en", "es"), ("hy", "en"), ("hy", "es")]
    assert engine.can("hy", "es") and not engine.can("es", "hy")


def test_describe_says_where(engine, pkgdir):
    text = engine.describe()
    assert str(pkgdir) in text and "en→es" in text and "\n" not in text


def test_describe_none_installed(tmp_path):
    assert "none installed" in ArgosEngine(tmp_path / "empty").describe()
    assert ArgosEngine(tmp_path / "empty").pairs() == []


def test_default_directory_from_env(tmp_path, monkeypatch, pkgdir):
    monkeypatch.setenv("TOPONYMS_ARGOS_DIR", str(pkgdir))
    assert ArgosEngine().directory == pkgdir
    assert ("en", "es") in ArgosEngine().pairs()


def test_translate_shapes(engine):
    out = engine.translate(SEGMENTS, "en", "es")
    assert len(out) == len(SEGMENTS)
    for source, target in zip(SEGMENTS, out):
        if source.strip():
            assert target.strip(), f"empty translation for {source!r}"
            assert target != source
        else:
            assert target == source  # blank segments unchanged
    assert "\n\n" in out[4]  # the paragraph break is kept
    assert out[5].startswith("  ") and out[5].endswith("  ") and not out[5].startswith("   ")


def test_translate_is_deterministic(engine):
    assert engine.translate(SEGMENTS, "en", "es") == engine.translate(SEGMENTS, "en", "es")


def test_blank_segments_do_not_touch_the_model(pkgdir, en_es):
    fresh = ArgosEngine(pkgdir, beam_size=1)
    assert fresh.translate(["", "  ", "\n"], "en", "es") == ["", "  ", "\n"]
    assert fresh.translate([], "en", "es") == []
    assert not fresh.model(en_es).loaded


def test_batch_equals_one_by_one(engine):
    batched = engine.translate(SEGMENTS, "en", "es")
    single = [engine.translate([segment], "en", "es")[0] for segment in SEGMENTS]
    assert batched == single


def test_segments_are_split_into_sentences(engine):
    """A multi-sentence segment is the per-sentence translations joined by the original separators."""
    segment = SEGMENTS[1]
    parts, separators = split_sentences(segment)
    assert len(parts) == 3
    one_by_one = [engine.translate([part], "en", "es")[0] for part in parts]
    assert engine.translate([segment], "en", "es") == [join_sentences(one_by_one, separators)]


def test_pivot_through_english(engine):
    source = ["Շուշին գտնվում է սարահարթի վրա։ Ո՞ւր է գնում շարասյունը։", "", "Ստեփանակերտը մայրաքաղաքն է։"]
    english = engine.translate(source, "hy", "en")
    spanish = engine.translate(source, "hy", "es")
    assert len(spanish) == 3 and spanish[1] == "" and all(s.strip() for s in (spanish[0], spanish[2]))
    # Sentence by sentence, the pivot is the composition of the two packages.
    first = engine.translate(["Ստեփանակերտը մայրաքաղաքն է։"], "hy", "en")
    assert engine.translate(["Ստեփանակերտը մայրաքաղաքն է։"], "hy", "es") == \
        engine.translate(first, "en", "es")
    assert english != spanish


def test_missing_pair_names_pair_and_fix(engine):
    with pytest.raises(EngineError) as caught:
        engine.translate(["Bonjour."], "fr", "de")
    message = str(caught.value)
    assert "fr→de" in message and "toponyms models install" in message and "\n" not in message
    assert isinstance(caught.value, ToponymsError)


def test_missing_pair_half_pivot_hint(engine):
    with pytest.raises(EngineError, match=r"hy→de.*hy→en is installed, so en→de would also do"):
        engine.translate(["Բարեւ։"], "hy", "de")


def test_same_language_is_identity(engine):
    assert engine.translate(["Shusha.", ""], "en", "en") == ["Shusha.", ""]


def test_bad_arguments(engine, pkgdir):
    with pytest.raises(EngineError, match="list of strings"):
        engine.translate("just a string", "en", "es")  # type: ignore[arg-type]
    with pytest.raises(EngineError, match="list of strings"):
        engine.translate(["ok", None], "en", "es")  # type: ignore[list-item]
    with pytest.raises(EngineError, match="unknown device"):
        ArgosEngine(pkgdir, device="tpu")
    with pytest.raises(EngineError, match="beam size"):
        ArgosEngine(pkgdir, beam_size=0)


def test_broken_model_is_an_engine_error(tmp_path):
    root = tmp_path / "packages"
    info = packages.install_from_file(build_package(tmp_path, "en", "es"), directory=root)
    (info.model_dir / "model.bin").write_bytes(b"garbage" * 100)
    with pytest.raises(EngineError, match=r"cannot load the CTranslate2 model .*model") as caught:
        ArgosEngine(root).translate(["Hello."], "en", "es")
    assert "\n" not in str(caught.value)


def test_replaced_package_is_reloaded(tmp_path):
    root = tmp_path / "packages"
    packages.install_from_file(build_package(tmp_path / "a", "en", "es", seed=1), directory=root)
    engine = ArgosEngine(root, beam_size=1)
    before = engine.translate(SEGMENTS, "en", "es")
    packages.install_from_file(build_package(tmp_path / "b", "en", "es", seed=2), directory=root, replace=True)
    assert engine.translate(SEGMENTS, "en", "es") != before


def test_cjk_target_drops_space_between_sentences(tmp_path):
    root = tmp_path / "packages"
    packages.install_from_file(build_package(tmp_path, "en", "zh"), directory=root)
    out = ArgosEngine(root, beam_size=1).translate(["One. Two."], "en", "zh")[0]
    parts = [ArgosEngine(root, beam_size=1).translate([p], "en", "zh")[0] for p in ("One.", "Two.")]
    assert out == "".join(parts)


# -- CTranslate2Model ----------------------------------------------------------------


@pytest.fixture(scope="module")
def model(en_es) -> CTranslate2Model:
    return CTranslate2Model(en_es.model_dir, en_es.sp_model, beam_size=1)


def test_underscore_survives_detokenisation(model):
    text = "The report_id and file_name fields, snake_case_names."
    pieces = model.tokenize(text)
    assert "_" in pieces
    assert model.detokenize(pieces) == text
    assert model.detokenize(["▁snake", "_", "case", "▁report", "_", "id"]) == "snake_case report_id"
    assert not model.loaded  # tokenising does not load the translator


def test_argos_detokeniser_loses_underscores(model):
    """Why we decode ourselves: argostranslate 1.11 turns every '_' into a space."""
    SentencePieceTokenizer = pytest.importorskip("argostranslate.tokenizer").SentencePieceTokenizer

    argos = SentencePieceTokenizer(model.subwords.source)
    assert argos.decode(model.tokenize("report_id")) == "report id"
    assert model.detokenize(model.tokenize("report_id")) == "report_id"


def test_model_translate_batch_and_blanks(model):
    texts = ["The town of Shusha.", "", "Talks resumed in Moscow.", "  "]
    out = model.translate(texts)
    assert len(out) == 4 and out[1] == "" and out[3] == ""
    assert out[0] and out[2]
    assert [model.translate([t])[0] for t in texts] == out


def test_target_prefix_is_stripped(model):
    source = model.tokenize("The town of Shusha.")
    raw = model.translator().translate_batch([source], target_prefix=[["▁The"]], beam_size=1,
                                             length_penalty=0.2, replace_unknowns=True)
    tokens = raw[0].hypotheses[0]
    assert tokens[0] == "▁The"
    assert model.translate(["The town of Shusha."], target_prefix=["▁The"]) == [model.detokenize(tokens[1:])]


def test_source_prefix_and_suffix_hooks(model):
    assert model.source_tokens(["▁a"]) == ["▁a"]
    assert model.source_tokens(["▁a"], prefix=["__en__"], suffix=["</s>"]) == ["__en__", "▁a", "</s>"]
    configured = CTranslate2Model(model.model_dir, model.subwords, source_prefix=["eng_Latn"],
                                  target_prefix=["spa_Latn"])
    assert configured.source_tokens(["▁a"]) == ["eng_Latn", "▁a"]
    assert configured.target_tokens() == ["spa_Latn"] and configured.target_tokens(["deu_Latn"]) == ["deu_Latn"]


def test_model_errors(tmp_path, model):
    with pytest.raises(EngineError, match="SentencePiece model .* is missing"):
        CTranslate2Model(tmp_path, tmp_path / "none.model").tokenize("x")
    with pytest.raises(EngineError, match=r"no CTranslate2 model \(model.bin\)"):
        CTranslate2Model(tmp_path, model.subwords).translate(["x"])
    with pytest.raises(EngineError, match="unknown device"):
        CTranslate2Model(tmp_path, model.subwords, device="gpu")


# -- cheap imports -----------------------------------------------------------------------


def test_imports_stay_cheap():
    heavy = ("ctranslate2", "sentencepiece", "numpy", "torch", "stanza", "argostranslate")
    code = (
        "import sys, toponyms.translate.engines.argos, toponyms.translate.packages, toponyms.translate.sentences, toponyms.translate.ct2model;"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]", result.stdout


# -- sentence splitter --------------------------------------------------------------------


def test_sentence_doctests():
    failures, tried = doctest.testmod(toponyms.translate.sentences)
    assert tried > 5 and failures == 0


@pytest.mark.parametrize(
    "text, expected",
    [
        # English: abbreviations, initials, acronyms, decimals, ellipsis, quotes.
        ("Mr. J. K. Smith met Dr. Jones at 3.5 p.m. in Washington, D.C. yesterday. It rained.",
         ["Mr. J. K. Smith met Dr. Jones at 3.5 p.m. in Washington, D.C. yesterday.", "It rained."]),
        ("The U.S. Army said so, e.g. in a statement. Then what?! Nobody knows… Really.",
         ["The U.S. Army said so, e.g. in a statement.", "Then what?!", "Nobody knows…", "Really."]),
        ('He said: "We will return." Then he left. Wait... what happened?',
         ['He said: "We will return."', "Then he left.", "Wait... what happened?"]),
        ("See No. 5 and Fig. 2 on Jan. 3. Done.", ["See No. 5 and Fig. 2 on Jan. 3.", "Done."]),
        # Russian
        ("В 2020 г. Шуша перешла под контроль Азербайджана. Жители, т.е. армяне, ушли. Что дальше?",
         ["В 2020 г. Шуша перешла под контроль Азербайджана.", "Жители, т.е. армяне, ушли.", "Что дальше?"]),
        ("Он живёт на ул. Ленина, д. 5. «Здесь тихо», — сказал он.",
         ["Он живёт на ул. Ленина, д. 5.", "«Здесь тихо», — сказал он."]),
        # Armenian: ։ ends, ՞ ՜ ՛ inside words do not; abbreviations with a dot.
        ("Ո՞ւր ես գնում։ Ի՜նչ գեղեցիկ է։ Պրն. Պետրոսյանը ժամանեց։",
         ["Ո՞ւր ես գնում։", "Ի՜նչ գեղեցիկ է։", "Պրն. Պետրոսյանը ժամանեց։"]),
        ("Շուշին գտնվում է Արցախում։Ստեփանակերտը մայրաքաղաքն է։",  # no space after ։: one sentence
         ["Շուշին գտնվում է Արցախում։Ստեփանակերտը մայրաքաղաքն է։"]),
        # Azerbaijani: dotless/dotted i, abbreviations, numbers.
        ("İ. Əliyev Şuşa ş. ərazisində 8.5 km yol açdı. Sonra İlham Əliyev danışdı! Nə oldu?",
         ["İ. Əliyev Şuşa ş. ərazisində 8.5 km yol açdı.", "Sonra İlham Əliyev danışdı!", "Nə oldu?"]),
        ("Xankəndi şəhəri Qarabağdadır. ıslaq yol idi.", ["Xankəndi şəhəri Qarabağdadır. ıslaq yol idi."]),
        # Japanese quotes do not end the sentence before a particle.
        ("「はい。」と言った。次の日。", ["「はい。」と言った。", "次の日。"]),
        # Spanish inverted marks open a sentence.
        ("Llegó tarde. ¿Por qué? ¡Nadie sabe!", ["Llegó tarde.", "¿Por qué?", "¡Nadie sabe!"]),
    ],
)
def test_split_examples(text, expected):
    assert sentences(text) == expected
    parts, separators = split_sentences(text)
    assert join_sentences(parts, separators) == text


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "word", "  Two.  Three!\n", "a. b. c.", "...", ". . .", "?! ?!", "։ ։", "Dr.",
     "end.\n\nnext para", "x\n\n\n  y", "U.S.", "3.5.", "。。。", "Hi!\t\tYo"],
)
def test_split_round_trips(text):
    parts, separators = split_sentences(text)
    assert len(separators) == len(parts) + 1
    assert join_sentences(parts, separators) == text
    assert all(p and p == p.strip() for p in parts)
    assert all(not s.strip() for s in separators)


def test_blank_line_always_splits():
    assert sentences("the first paragraph\n\nthe second one") == ["the first paragraph", "the second one"]
    assert sentences("ends with Dr.\n\nnext") == ["ends with Dr.", "next"]


def test_join_checks_lengths():
    with pytest.raises(ValueError):
        join_sentences(["a", "b"], ["", ""])


def test_argostranslate_settings_are_the_defaults(monkeypatch, tmp_path):
    """ARGOS_* settings (environment, then argostranslate's settings.json) apply unless overridden."""
    from toponyms.translate.engines.argos import ArgosEngine

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    for name in ("ARGOS_DEVICE_TYPE", "ARGOS_COMPUTE_TYPE", "ARGOS_BEAM_SIZE", "ARGOS_INTER_THREADS",
                 "ARGOS_INTRA_THREADS", "ARGOS_BATCH_SIZE"):
        monkeypatch.delenv(name, raising=False)
    plain = ArgosEngine(tmp_path)
    assert (plain.options["compute_type"], plain.options["beam_size"], plain.options["length_penalty"]) \
        == ("default", 4, 0.2)
    settings = tmp_path / "argos-translate" / "settings.json"
    settings.parent.mkdir()
    settings.write_text('{"ARGOS_BEAM_SIZE": "2", "ARGOS_COMPUTE_TYPE": "int8"}')
    monkeypatch.setenv("ARGOS_INTER_THREADS", "3")
    engine = ArgosEngine(tmp_path)
    assert (engine.options["beam_size"], engine.options["compute_type"], engine.options["inter_threads"]) \
        == (2, "int8", 3)
    assert ArgosEngine(tmp_path, compute_type="float32", beam_size=1).options["compute_type"] == "float32"
    monkeypatch.setenv("ARGOS_BEAM_SIZE", "many")
    with pytest.raises(EngineError, match="ARGOS_BEAM_SIZE='many' is not a valid beam_size"):
        ArgosEngine(tmp_path)

"""Multilingual and OPUS-MT CTranslate2 models (NLLB-200, M2M-100, Marian) as one engine.

Every directory under the models directory (``$TOPONYMS_MODELS_DIR``, else
``$XDG_DATA_HOME/toponyms/models``, by default ``~/.local/share/toponyms/models``)
that holds a ``model.bin`` is a model, laid out as users get it:

- NLLB-200 or M2M-100 converted by ``ct2-transformers-converter`` (``model.bin``,
  ``config.json``, ``shared_vocabulary.json``), with ``sentencepiece.bpe.model``
  if it was copied (``--copy_files sentencepiece.bpe.model``) or only the
  ``tokenizer.json`` of the original model;
- an OPUS-MT (Marian) model with ``source.spm`` and ``target.spm``: one pair
  (``opus-mt-en-hy``), or several targets chosen by a ``>>hye<<`` token at the
  start of the source (``opus-mt-en-mul``).

The family and the languages are read from the model itself: NLLB and M2M-100
language tokens (``hye_Armn``, ``__hy__``) found in the vocabulary, through a
built-in map from ISO 639-1 codes; Marian pairs from the directory's name
(``opus-mt-SRC-TGT``) and its ``>>xxx<<`` tokens. A ``toponyms-model.json`` may
say more (or correct it)::

    {"name": "nllb-200-distilled-600M", "style": "nllb",
     "languages": {"hy": "hye_Armn", "en": "eng_Latn", "az": "azj_Latn"}}
    {"style": "marian", "source": ["en"], "targets": {"hy": ">>hye<<", "ru": ">>rus<<"}}

Every language token is checked against the vocabulary when the directory is
read: a typo such as ``aze_Latn`` would become ``<unk>`` and the model would
write some arbitrary language. A directory that cannot be used is listed with
its reason (`ModelInfo.problem`) and never chosen; the others still serve.

NLLB and M2M-100 follow the Hugging Face tokenizers: the source is
``[src_token] + pieces + ["</s>"]`` and the decoder starts with
``target_prefix=[[tgt_token]]``; Marian's source is ``[">>hye<<"]`` (multi-target
only) ``+ pieces + ["</s>"]``. Language tokens are removed from the output.
Decoding follows each family's reference settings (`FAMILY_DEFAULTS`).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from toponyms.translate.engines.base import EngineError
from toponyms.translate.engines.ctranslate import CTranslate2Engine

__all__ = ["MultilingualEngine", "ModelInfo", "models_dir", "read_model", "install_model",
           "CONFIG_NAME", "STYLES", "NLLB_CODES", "FAMILY_DEFAULTS"]

CONFIG_NAME = "toponyms-model.json"
STYLES = ("nllb", "m2m100", "marian")
EOS = "</s>"

# Beam and length penalty as each family's reference decodes: fairseq's NLLB
# evaluation (beam 4, lenpen 1.0), M2M-100's generation config (beam 5), the
# OPUS-MT models' Hugging Face configs (beam 4); CTranslate2's length_penalty
# 1.0 is the usual normalisation by length. (0.2 is Argos's own, for its packages.)
FAMILY_DEFAULTS = {
    "nllb": {"beam_size": 4, "length_penalty": 1.0},
    "m2m100": {"beam_size": 5, "length_penalty": 1.0},
    "marian": {"beam_size": 4, "length_penalty": 1.0},
}

# ISO 639-1 -> NLLB-200 language token (FLORES-200 codes). Azerbaijani is the
# North Azerbaijani of the Republic (azj_Latn; azb_Arab is South Azerbaijani of
# Iran), Persian is Western Persian (pes_Arab).
NLLB_CODES = {
    "en": "eng_Latn", "az": "azj_Latn", "hy": "hye_Armn", "ru": "rus_Cyrl", "tr": "tur_Latn",
    "fr": "fra_Latn", "de": "deu_Latn", "es": "spa_Latn", "fa": "pes_Arab", "ka": "kat_Geor",
    "uk": "ukr_Cyrl", "ar": "arb_Arab", "he": "heb_Hebr", "el": "ell_Grek", "it": "ita_Latn",
    "pt": "por_Latn", "nl": "nld_Latn", "pl": "pol_Latn", "cs": "ces_Latn", "sv": "swe_Latn",
    "fi": "fin_Latn", "da": "dan_Latn", "hu": "hun_Latn", "ro": "ron_Latn", "bg": "bul_Cyrl",
    "sr": "srp_Cyrl", "hr": "hrv_Latn", "kk": "kaz_Cyrl", "ky": "kir_Cyrl", "uz": "uzn_Latn",
    "tk": "tuk_Latn", "tg": "tgk_Cyrl", "ku": "kmr_Latn", "zh": "zho_Hans", "ja": "jpn_Jpan",
    "ko": "kor_Hang", "hi": "hin_Deva", "ur": "urd_Arab", "id": "ind_Latn", "vi": "vie_Latn",
    "be": "bel_Cyrl", "lt": "lit_Latn", "lv": "lvs_Latn", "et": "est_Latn", "sk": "slk_Latn",
    "sl": "slv_Latn", "no": "nob_Latn", "ca": "cat_Latn",
}
# ISO 639-1 -> the codes OPUS-MT multi-target models write in >>xxx<< (first found wins).
MARIAN_CODES = {
    "en": ("eng",), "az": ("aze_Latn", "azj", "aze"), "hy": ("hye", "arm"), "ru": ("rus",),
    "tr": ("tur",), "fr": ("fra",), "de": ("deu",), "es": ("spa",), "fa": ("pes", "fas", "per"),
    "ka": ("kat",), "uk": ("ukr",), "ar": ("ara", "arb"), "it": ("ita",), "pt": ("por",),
}
_OPUS_NAME = re.compile(r"opus-mt-(?:tc-(?:big|base)-)?([a-z]{2,3})-([a-z]{2,3})(?:$|[-_])")
_M2M_TOKEN = re.compile(r"^__([a-z]{2,3})__$")


def models_dir() -> Path:
    """Where multilingual models live (it may not exist)."""
    own = os.environ.get("TOPONYMS_MODELS_DIR")
    if own:
        return Path(own).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "toponyms" / "models"


@dataclass(frozen=True)
class ModelInfo:
    """One model directory: its family, languages and tokenizer, or why it cannot be used."""

    path: Path
    name: str
    style: str = ""
    languages: dict[str, str] = field(default_factory=dict)  # ISO 639-1 -> language token
    sources: tuple[str, ...] = ()  # Marian: the source languages ("" token: none needed)
    subwords: object = None
    problem: str = ""

    @property
    def pairs(self) -> list[tuple[str, str]]:
        if self.problem:
            return []
        if self.style == "marian":
            return [(s, t) for s in self.sources for t in self.languages if s != t]
        return [(s, t) for s in self.languages for t in self.languages if s != t]

    def stamp(self) -> tuple[int, int]:
        """(size, mtime_ns) of model.bin; EngineError if it is gone."""
        try:
            stat = os.stat(self.path / "model.bin")
        except OSError:
            raise EngineError(f"multilingual model {self.name}: no model.bin in {self.path}") from None
        return stat.st_size, stat.st_mtime_ns


def _read_config(path: Path) -> dict:
    config = path / CONFIG_NAME
    if not config.is_file():
        return {}
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise EngineError(f"{config} is not valid JSON: {detail}") from None
    if not isinstance(data, dict):
        raise EngineError(f"{config} must hold an object like "
                          '{"style": "nllb", "languages": {"hy": "hye_Armn", "en": "eng_Latn"}}')
    return data


def _detect_style(path: Path, vocabulary: set[str]) -> str:
    if "eng_Latn" in vocabulary or any(token in vocabulary for token in NLLB_CODES.values()):
        return "nllb"
    if any(_M2M_TOKEN.match(token) for token in vocabulary):
        return "m2m100"
    if (path / "source.spm").is_file() or _OPUS_NAME.search(path.name.lower()):
        return "marian"
    return ""


def _marian_targets(vocabulary: set[str]) -> dict[str, str]:
    found = {}
    for iso, codes in MARIAN_CODES.items():
        for code in codes:
            if f">>{code}<<" in vocabulary:
                found[iso] = f">>{code}<<"
                break
    return found


def _languages(path: Path, style: str, data: dict, vocabulary: set[str], config: Path):
    """(languages, sources) for a model: from its toponyms-model.json, else from the model itself."""
    languages = data.get("languages", data.get("targets"))
    sources = data.get("source", data.get("sources"))
    if isinstance(languages, list) and all(isinstance(c, str) for c in languages):
        if style == "m2m100":
            languages = {code: f"__{code}__" for code in languages}
        elif style == "nllb":
            languages = {code: NLLB_CODES.get(code, code) for code in languages}
        elif style == "marian":
            languages = {code: "" for code in languages}
    if languages is not None and (not isinstance(languages, dict) or not languages or not all(
            isinstance(k, str) and k.strip() and isinstance(v, str) for k, v in languages.items())):
        raise EngineError(f"{config}: \"languages\" must map ISO 639-1 codes to the model's language "
                          "tokens, e.g. {\"hy\": \"hye_Armn\", \"en\": \"eng_Latn\"}")
    if languages is not None:
        languages = {k.strip().lower(): v.strip() for k, v in languages.items()}
    if style == "nllb" and languages is None:
        languages = {iso: token for iso, token in NLLB_CODES.items() if token in vocabulary}
    elif style == "m2m100" and languages is None:
        languages = {m.group(1): token for token in sorted(vocabulary) if (m := _M2M_TOKEN.match(token))}
    elif style == "marian":
        named = _OPUS_NAME.search(path.name.lower())
        if sources is None and named:
            sources = [named.group(1)]
        if languages is None:
            languages = _marian_targets(vocabulary)
            if not languages and named:
                languages = {named.group(2): ""}  # one pair: no target token
        if isinstance(sources, str):
            sources = [sources]
        if not (isinstance(sources, list) and sources and all(isinstance(s, str) for s in sources)):
            raise EngineError(
                f"cannot tell the source language of the OPUS-MT model in {path}: name the directory "
                f"opus-mt-SRC-TGT or write {CONFIG_NAME} like {{\"style\": \"marian\", \"source\": [\"en\"], "
                f"\"targets\": {{\"hy\": \">>hye<<\"}}}}")
    if style != "marian" and len(languages) < 2:
        raise EngineError(f"model directory {path}: \"languages\" must name at least two languages")
    if style == "marian" and not languages:
        raise EngineError(
            f"cannot tell the target language of the OPUS-MT model in {path}: name the directory "
            f"opus-mt-SRC-TGT or write {CONFIG_NAME} with its \"targets\"")
    return languages, tuple(s.strip().lower() for s in (sources or ()))


def read_model(path: str | Path) -> ModelInfo:
    """What a model directory is and serves; EngineError (one line) if it cannot be used."""
    from toponyms.translate.ct2model import read_vocabulary
    from toponyms.translate.subwords import find_subwords

    path = Path(path)
    config = path / CONFIG_NAME
    data = _read_config(path)
    name = data.get("name") or path.name
    if not isinstance(name, str):
        raise EngineError(f"{config}: \"name\" must be a string")
    if not (path / "model.bin").is_file():
        raise EngineError(f"model directory {path} has no model.bin (a CTranslate2 model converted with "
                          "ct2-transformers-converter)")
    subwords = find_subwords(path)
    if subwords is None:
        raise EngineError(
            f"model directory {path} has no tokenizer: add the SentencePiece model (NLLB, M2M-100: "
            "sentencepiece.bpe.model or flores200_sacrebleu_tokenizer_spm.model; OPUS-MT: source.spm and "
            "target.spm) or the original tokenizer.json, e.g. `toponyms models install DIR --tokenizer FILE`")
    source_vocabulary = set(read_vocabulary(path, "source"))
    target_vocabulary = set(read_vocabulary(path, "target")) or source_vocabulary
    if not source_vocabulary:
        raise EngineError(f"model directory {path} has no vocabulary (shared_vocabulary.json)")
    style = data.get("style") or _detect_style(path, source_vocabulary)
    if not style:
        raise EngineError(f"cannot tell the family of the model in {path} (no NLLB or M2M-100 language "
                          f"tokens, no source.spm): write a {CONFIG_NAME} with its \"style\" and \"languages\"")
    if style not in STYLES:
        raise EngineError(f"{config}: \"style\" must be one of {', '.join(STYLES)}, not {style!r}")
    languages, sources = _languages(path, style, data, source_vocabulary, config)
    unknown = [f"{token} ({iso})" for iso, token in languages.items()
               if token and (token not in source_vocabulary or token not in target_vocabulary)]
    if unknown:
        fixes = [f"{iso} as {NLLB_CODES[iso]}" for iso, token in languages.items()
                 if style == "nllb" and NLLB_CODES.get(iso, token) != token and NLLB_CODES[iso] in source_vocabulary]
        hint = f"; NLLB writes {', '.join(fixes)}" if fixes else ""
        raise EngineError(f"model {name} in {path}: language token{'s' if len(unknown) > 1 else ''} "
                          f"{', '.join(unknown)} not in the model's vocabulary{hint}")
    return ModelInfo(path, name, style, languages, sources, subwords)


def inspect_model(path: Path) -> ModelInfo:
    """`read_model`, with a problem recorded instead of raised."""
    try:
        return read_model(path)
    except EngineError as err:
        return ModelInfo(Path(path), Path(path).name, problem=str(err))


def install_model(source: str | Path, *, replace: bool = False, directory: str | Path | None = None,
                  tokenizer: str | Path | None = None) -> ModelInfo:
    """Copy a usable model directory into the models directory; return it as installed.

    `tokenizer` is a SentencePiece model or tokenizer.json kept elsewhere (as
    CTranslate2's NLLB guide has it), copied in with the model. The directory
    is read first (one that cannot be used is refused with the reason), copied
    into a hidden staging directory, then renamed into place. An installed
    model of the same name is replaced only with `replace`.
    """
    import shutil
    import tempfile

    source = Path(source)
    if not source.is_dir():
        raise EngineError(f"{source}: not a model directory")
    if tokenizer is not None and not Path(tokenizer).is_file():
        raise EngineError(f"{tokenizer}: no such tokenizer file")
    root = Path(directory) if directory is not None else models_dir()
    if tokenizer is None:
        read_model(source)  # refuse an unusable directory before copying gigabytes
    target = root / source.resolve().name
    if target.resolve() == source.resolve():
        raise EngineError(f"{source} is already in the models directory {root}")
    if target.exists() and not replace:
        raise EngineError(f"{target} already exists; use --force to replace it, or remove it first")
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".toponyms-install-", dir=root))
    except OSError as err:
        raise EngineError(f"cannot write to the models directory {root}: {err.strerror or err}") from None
    old = None
    try:
        try:
            shutil.copytree(source, staging / target.name, symlinks=False)
            if tokenizer is not None:
                shutil.copyfile(tokenizer, staging / target.name / Path(tokenizer).name)
            info = read_model(staging / target.name)
        except EngineError as err:
            raise EngineError(str(err).replace(str(staging / target.name), str(source))) from None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=".toponyms-old-", dir=root))
            os.rename(target, old / "model")
        os.rename(staging / target.name, target)
    except OSError as err:
        if old is not None and not target.exists():
            os.rename(old / "model", target)
        raise EngineError(f"cannot install {source} into {target}: {err.strerror or err}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return read_model(target)


def _model_class():
    """A CTranslate2Model whose output drops every language token of the model."""
    from toponyms.translate.ct2model import CTranslate2Model

    class _LanguageModel(CTranslate2Model):
        def __init__(self, *args, language_tokens=(), **kwargs):
            super().__init__(*args, **kwargs)
            self.language_tokens = frozenset(language_tokens) | {EOS}

        def detokenize(self, pieces):
            return super().detokenize([p for p in pieces if p not in self.language_tokens])

    return _LanguageModel


class MultilingualEngine(CTranslate2Engine):
    """Translate with the CTranslate2 models (NLLB-200, M2M-100, OPUS-MT) in `models_dir()`.

    Args:
      directory: where the model directories are (default: `models_dir()`, resolved
        on each call so that environment changes are seen); a directory that itself
        holds a model.bin is one model.
      device, compute_type, inter_threads, intra_threads, beam_size,
      max_batch_size: passed to each `CTranslate2Model` (beam size: each family's own
        when not given).
    """

    name = "multilingual"

    @staticmethod
    def default_directory() -> Path:
        return models_dir()

    def models(self) -> list[ModelInfo]:
        """Every model directory, in name order, the unusable ones with their `problem`."""
        root = self.directory
        if (root / "model.bin").is_file() or (root / CONFIG_NAME).is_file():
            return [inspect_model(root)]
        try:
            children = sorted(root.iterdir())
        except OSError:
            return []
        return [inspect_model(child) for child in children
                if child.is_dir() and not child.name.startswith(".")
                and ((child / CONFIG_NAME).exists() or (child / "model.bin").exists())]

    def usable(self) -> list[ModelInfo]:
        return [info for info in self.models() if not info.problem]

    def _model_for(self, src: str, tgt: str) -> ModelInfo:
        found = self.models()
        models = [info for info in found if not info.problem]
        for info in models:
            if (src, tgt) in info.pairs:
                return info
        broken = "".join(f"; {info.name} cannot be used: {info.problem}" for info in found if info.problem)
        if not models:
            raise EngineError(
                f"no usable multilingual model in {self.directory}: install a CTranslate2 NLLB-200, "
                f"M2M-100 or OPUS-MT model with `toponyms models install DIR`{broken}")
        listed = "; ".join(f"{m.name}: {', '.join(f'{s}→{t}' for s, t in m.pairs[:12])}"
                           + (" ..." if len(m.pairs) > 12 else "") for m in models)
        codes = {code for m in models for pair in m.pairs for code in pair}
        missing = [code for code in (src, tgt) if code not in codes]
        what = f"language {missing[0]!r}" if len(missing) == 1 else (
            f"languages {src!r} and {tgt!r}" if missing else f"the pair {src}→{tgt}")
        raise EngineError(f"no multilingual model has {what} ({listed}){broken}")

    # -- Engine ------------------------------------------------------------------

    def pairs(self) -> list[tuple[str, str]]:
        return sorted({pair for info in self.usable() for pair in info.pairs})

    def decoding(self, info: ModelInfo) -> dict:
        """The decoding options for a model: the family's defaults, then what the user set."""
        chosen = dict(FAMILY_DEFAULTS[info.style])
        chosen.update({k: v for k, v in self.options.items() if v is not None})
        return chosen

    def fingerprint(self, src: str, tgt: str) -> str:
        try:
            info = self._model_for(src, tgt)
        except EngineError:
            return f"multilingual:{src}-{tgt}:none"
        size, mtime = info.stamp()
        options = self.decoding(info)
        compute = options["compute_type"]
        if compute == "default":
            from toponyms.translate.ct2model import weights_type

            compute = weights_type(info.path) or compute
        target = info.languages.get(tgt, "") or tgt
        source = info.languages.get(src, "") if info.style != "marian" else src
        return (f"multilingual:{info.name}:{info.style}:{source}->{target}"
                f":model.bin={size}@{mtime}:beam{options['beam_size']}:lp{options['length_penalty']}"
                f":{compute}")

    def describe(self) -> str:
        where = self.directory
        found = self.models()
        if not found:
            return f"multilingual: CTranslate2 NLLB/M2M-100/OPUS-MT models in {where}: none installed"
        listed = "; ".join(
            f"{m.name} ({m.style}: {', '.join(sorted({c for p in m.pairs for c in p}))})" if not m.problem
            else f"{m.name} not usable: {m.problem}" for m in found)
        return f"multilingual: CTranslate2 NLLB/M2M-100/OPUS-MT models in {where}: {listed}"

    def model(self, info: ModelInfo):
        """The (cached, lazily loaded) CTranslate2Model of a model directory."""
        size, mtime = info.stamp()
        key = (str(info.path), size, mtime, tuple(sorted(info.languages.items())))
        with self._lock:
            model = self._models.get(key)
            if model is None:
                for stale in [k for k in self._models if k[0] == key[0]]:
                    del self._models[stale]
                model = _model_class()(
                    info.path,
                    info.subwords,
                    source_suffix=[EOS],
                    language_tokens=[t for t in info.languages.values() if t],
                    name=f"multilingual model {info.name}",
                    **self.decoding(info),
                )
                self._models[key] = model
        return model

    def _prepare(self, src: str, tgt: str) -> ModelInfo:
        return self._model_for(src, tgt)

    def _first_model(self, info: ModelInfo):
        return self.model(info)

    def _translate_sentences(self, sentences: list[str], src: str, tgt: str, info: ModelInfo) -> list[str]:
        token = info.languages[tgt]
        if info.style == "marian":
            return self.model(info).translate(sentences, source_prefix=[token] if token else [],
                                              target_prefix=[])
        return self.model(info).translate(
            sentences, source_prefix=[info.languages[src]], target_prefix=[token])

"""Multilingual CTranslate2 models (NLLB-200, M2M-100) as one engine.

Every directory under the models directory (``$TOPONYMS_MODELS_DIR``, else
``$XDG_DATA_HOME/toponyms/models``, by default ``~/.local/share/toponyms/models``)
that holds a ``toponyms-model.json`` or a ``model.bin`` is a model: a
CTranslate2 model (``ct2-transformers-converter --model facebook/nllb-200-distilled-600M
--copy_files sentencepiece.bpe.model``), its SentencePiece model
(``sentencepiece.bpe.model`` or ``sentencepiece.model``) and a small
``toponyms-model.json`` written by the user::

    {"name": "nllb-200-distilled-600M", "style": "nllb",
     "languages": {"hy": "hye_Armn", "en": "eng_Latn", "ru": "rus_Cyrl"}}

``languages`` maps ISO 639-1 codes to the model's language tokens; with
``"style": "m2m100"`` it may also be a plain list of codes (``["hy", "en"]``
means ``__hy__`` and ``__en__``). Every ordered pair of distinct listed
languages is a pair of the engine; when two models list a pair, the first
directory in name order serves it.

Both styles follow the Hugging Face tokenizers: the source is
``[src_token] + pieces + ["</s>"]`` and the decoder starts with
``target_prefix=[[tgt_token]]``; the language token is removed from the output.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from translate.engines.base import EngineError
from translate.engines.ctranslate import CTranslate2Engine

__all__ = ["MultilingualEngine", "ModelInfo", "models_dir", "CONFIG_NAME", "STYLES"]

CONFIG_NAME = "toponyms-model.json"
STYLES = ("nllb", "m2m100")
SP_NAMES = ("sentencepiece.bpe.model", "sentencepiece.model")
EOS = "</s>"


def models_dir() -> Path:
    """Where multilingual models live (it may not exist)."""
    own = os.environ.get("TOPONYMS_MODELS_DIR")
    if own:
        return Path(own).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "toponyms" / "models"


@dataclass(frozen=True)
class ModelInfo:
    """One model directory and what its toponyms-model.json says."""

    path: Path
    name: str
    style: str
    languages: dict[str, str]  # ISO 639-1 -> model language token
    sp_model: Path

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return [(s, t) for s in self.languages for t in self.languages if s != t]

    def stamp(self) -> tuple[int, int]:
        """(size, mtime_ns) of model.bin; EngineError if it is gone."""
        try:
            stat = os.stat(self.path / "model.bin")
        except OSError:
            raise EngineError(f"multilingual model {self.name}: no model.bin in {self.path}") from None
        return stat.st_size, stat.st_mtime_ns


def read_model(path: str | Path) -> ModelInfo:
    """Read and check ``<path>/toponyms-model.json``; EngineError (one line) if it will not do."""
    path = Path(path)
    config = path / CONFIG_NAME
    example = '{"name": ..., "style": "nllb", "languages": {"hy": "hye_Armn", "en": "eng_Latn"}}'
    if not config.is_file():
        raise EngineError(f"model directory {path} has no {CONFIG_NAME}; write one like {example}")
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise EngineError(f"{config} is not valid JSON: {detail}") from None
    if not isinstance(data, dict):
        raise EngineError(f"{config} must hold an object like {example}")
    name = data.get("name") or path.name
    style = data.get("style", "nllb")
    if not isinstance(name, str):
        raise EngineError(f"{config}: \"name\" must be a string")
    if style not in STYLES:
        raise EngineError(f"{config}: \"style\" must be one of {', '.join(STYLES)}, not {style!r}")
    languages = data.get("languages")
    if style == "m2m100" and isinstance(languages, list) and all(isinstance(c, str) for c in languages):
        languages = {code: f"__{code}__" for code in languages}
    if (not isinstance(languages, dict) or len(languages) < 2
            or not all(isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
                       for k, v in languages.items())):
        raise EngineError(f"{config}: \"languages\" must map at least two ISO 639-1 codes to "
                          f"the model's language tokens, e.g. {{\"hy\": \"hye_Armn\", \"en\": \"eng_Latn\"}}")
    languages = {k.strip().lower(): v.strip() for k, v in languages.items()}
    sp_model = next((path / n for n in SP_NAMES if (path / n).is_file()), None)
    if sp_model is None:
        raise EngineError(f"model directory {path} has no SentencePiece model ({' or '.join(SP_NAMES)})")
    return ModelInfo(path, name, style, languages, sp_model)


def _model_class():
    """A CTranslate2Model whose output drops every language token of the model."""
    from translate.ct2model import CTranslate2Model

    class _LanguageModel(CTranslate2Model):
        def __init__(self, *args, language_tokens=(), **kwargs):
            super().__init__(*args, **kwargs)
            self.language_tokens = frozenset(language_tokens) | {EOS}

        def detokenize(self, pieces):
            return super().detokenize([p for p in pieces if p not in self.language_tokens])

    return _LanguageModel


class MultilingualEngine(CTranslate2Engine):
    """Translate with the multilingual CTranslate2 models (NLLB-200, M2M-100) in `models_dir()`.

    Args:
      directory: where the model directories are (default: `models_dir()`, resolved
        on each call so that environment changes are seen); a directory that itself
        holds a toponyms-model.json is one model.
      device, compute_type, inter_threads, intra_threads, beam_size,
      max_batch_size: passed to each `CTranslate2Model`.
    """

    name = "multilingual"

    @staticmethod
    def default_directory() -> Path:
        return models_dir()

    def models(self) -> list[ModelInfo]:
        """Every model directory, in name order; EngineError if one is broken."""
        root = self.directory
        if (root / CONFIG_NAME).is_file():
            return [read_model(root)]
        if not root.is_dir():
            return []
        found = []
        for child in sorted(root.iterdir()):
            if child.is_dir() and ((child / CONFIG_NAME).exists() or (child / "model.bin").exists()):
                found.append(read_model(child))
        return found

    def _model_for(self, src: str, tgt: str) -> ModelInfo:
        models = self.models()
        for info in models:
            if src in info.languages and tgt in info.languages:
                return info
        if not models:
            raise EngineError(
                f"no multilingual model in {self.directory}: put a CTranslate2 model directory "
                f"(NLLB-200 or M2M-100, with its SentencePiece model and a {CONFIG_NAME}) there "
                f"or set TOPONYMS_MODELS_DIR")
        listed = "; ".join(f"{m.name}: {', '.join(sorted(m.languages))}" for m in models)
        missing = [code for code in (src, tgt) if not any(code in m.languages for m in models)]
        what = f"language {missing[0]!r}" if len(missing) == 1 else (
            f"languages {src!r} and {tgt!r}" if missing else f"the pair {src}→{tgt} in one model")
        raise EngineError(f"no multilingual model has {what} ({listed}); add it to a {CONFIG_NAME}")

    # -- Engine ------------------------------------------------------------------

    def pairs(self) -> list[tuple[str, str]]:
        return sorted({pair for info in self.models() for pair in info.pairs})

    def fingerprint(self, src: str, tgt: str) -> str:
        try:
            info = self._model_for(src, tgt)
        except EngineError:
            return f"multilingual:{src}-{tgt}:none"
        size, mtime = info.stamp()
        return (f"multilingual:{info.name}:{info.style}:{info.languages[src]}->{info.languages[tgt]}"
                f":model.bin={size}@{mtime}:beam{self.options['beam_size']}")

    def describe(self) -> str:
        where = self.directory
        try:
            models = self.models()
        except EngineError as err:
            return f"multilingual: CTranslate2 NLLB/M2M-100 models in {where}: {err}"
        if not models:
            return f"multilingual: CTranslate2 NLLB/M2M-100 models in {where}: none installed"
        listed = "; ".join(f"{m.name} ({m.style}: {', '.join(sorted(m.languages))})" for m in models)
        return f"multilingual: CTranslate2 NLLB/M2M-100 models in {where}: {listed}"

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
                    info.sp_model,
                    source_suffix=[EOS],
                    language_tokens=info.languages.values(),
                    name=f"multilingual model {info.name}",
                    **self.options,
                )
                self._models[key] = model
        return model

    def _prepare(self, src: str, tgt: str) -> ModelInfo:
        return self._model_for(src, tgt)

    def _translate_sentences(self, sentences: list[str], src: str, tgt: str, info: ModelInfo) -> list[str]:
        return self.model(info).translate(
            sentences, source_prefix=[info.languages[src]], target_prefix=[info.languages[tgt]])

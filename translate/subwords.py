"""The subword tokenizers of CTranslate2 translation models, as users get them.

A converted model ships its tokenizer in one of three ways:

- one SentencePiece model for both sides (Argos packages' ``sentencepiece.model``,
  NLLB-200 and M2M-100's ``sentencepiece.bpe.model`` when copied with
  ``--copy_files``): `SentencePiece`;
- two SentencePiece models, ``source.spm`` and ``target.spm`` (OPUS-MT / Marian):
  `SentencePiece` with a second file;
- only the Hugging Face ``tokenizer.json`` (models downloaded already converted):
  `HuggingFaceTokenizer`, read with the `tokenizers` library (no transformers,
  no torch).

Each turns text into the pieces the model's vocabulary holds (no special
tokens) and pieces back into text. Nothing is loaded until first use.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from toponyms.translate.engines.base import EngineError

__all__ = ["Subwords", "SentencePiece", "HuggingFaceTokenizer", "find_subwords", "SP_NAMES"]

SP_NAMES = ("sentencepiece.bpe.model", "sentencepiece.model", "spm.model")


class Subwords:
    """Text to model pieces and back; loaded lazily and thread-safely."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._lock = threading.Lock()
        self._loaded = None

    def _get(self):
        if self._loaded is None:
            with self._lock:
                if self._loaded is None:
                    self._loaded = self._load()
        return self._loaded

    def _load(self):
        raise NotImplementedError

    def encode(self, text: str) -> list[str]:
        raise NotImplementedError

    def decode(self, pieces: Sequence[str]) -> str:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.label!r})"


class SentencePiece(Subwords):
    """One SentencePiece model, or a source and a target one (Marian's source.spm/target.spm)."""

    def __init__(self, source: str | Path, target: str | Path | None = None) -> None:
        self.source = Path(source)
        self.target = Path(target) if target is not None else None
        super().__init__(str(self.source) + (f" + {self.target.name}" if self.target else ""))

    def _load(self):
        import sentencepiece as spm

        loaded = []
        for path in (self.source, self.target or self.source):
            if not path.is_file():
                raise EngineError(f"SentencePiece model {path} is missing")
            try:
                loaded.append(spm.SentencePieceProcessor(model_file=str(path)))
            except (OSError, RuntimeError) as err:
                raise EngineError(f"cannot load SentencePiece model {path}: {err}") from None
        return loaded

    def encode(self, text: str) -> list[str]:
        return self._get()[0].encode(text, out_type=str)

    def decode(self, pieces: Sequence[str]) -> str:
        return self._get()[1].decode_pieces(list(pieces))


class HuggingFaceTokenizer(Subwords):
    """A Hugging Face ``tokenizer.json``, read by the `tokenizers` library."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        super().__init__(str(self.path))

    def _load(self):
        try:
            from tokenizers import Tokenizer
        except ImportError:
            raise EngineError(f"{self.path} needs the tokenizers library: pip install tokenizers") from None
        try:
            return Tokenizer.from_file(str(self.path))
        except Exception as err:  # tokenizers raises its own Exception subclass
            raise EngineError(f"cannot read {self.path}: {str(err).splitlines()[0] if str(err) else err}") from None

    def encode(self, text: str) -> list[str]:
        return self._get().encode(text, add_special_tokens=False).tokens

    def decode(self, pieces: Sequence[str]) -> str:
        tokenizer = self._get()
        ids = [tokenizer.token_to_id(piece) for piece in pieces]
        known = [i for i in ids if i is not None]
        return tokenizer.decode(known, skip_special_tokens=False)


def find_subwords(directory: Path) -> Subwords | None:
    """The tokenizer a model directory ships, by file name; None if it has none."""
    if (directory / "source.spm").is_file():
        target = directory / "target.spm"
        return SentencePiece(directory / "source.spm", target if target.is_file() else None)
    for name in SP_NAMES:
        if (directory / name).is_file():
            return SentencePiece(directory / name)
    if (directory / "tokenizer.json").is_file():
        return HuggingFaceTokenizer(directory / "tokenizer.json")
    # CTranslate2's NLLB guide downloads flores200_sacrebleu_tokenizer_spm.model by itself.
    others = sorted(directory.glob("*.model"))
    if len(others) == 1:
        return SentencePiece(others[0])
    return None

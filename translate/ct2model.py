"""A CTranslate2 translation model with its SentencePiece tokenizer, loaded lazily.

`CTranslate2Model` is "a CTranslate2 model directory + a SentencePiece model":
it splits text into pieces with SentencePiece, runs
``ctranslate2.Translator.translate_batch`` on the whole batch, and decodes the
output pieces with SentencePiece again. Nothing heavy (ctranslate2,
sentencepiece, numpy) is imported until the first tokenisation or
translation, and each model is loaded once, on first use.

Detokenisation decodes with SentencePiece itself rather than gluing pieces
and replacing ``▁`` (U+2581), as argostranslate 1.11 does by also turning
every ``_`` into a space: ``report_id`` comes back as ``report_id``.

Multilingual models
-------------------
Models such as NLLB-200 or M2M-100 (converted with
``ct2-transformers-converter``) need a language token on the source side and
the target language as the first decoder token. That is configuration, not a
new class: ``source_prefix`` / ``source_suffix`` are tokens put around the
source pieces and ``target_prefix`` the tokens that start the target (they
are removed from the output). All three can be given per call::

    nllb = CTranslate2Model("nllb-200-distilled-600M-ct2",
                            "nllb-200-distilled-600M-ct2/sentencepiece.bpe.model",
                            source_suffix=["</s>"])
    nllb.translate(["Шуша"], source_prefix=["rus_Cyrl"], target_prefix=["eng_Latn"])

    m2m = CTranslate2Model("m2m100_418M-ct2", "m2m100_418M-ct2/sentencepiece.bpe.model",
                           source_suffix=["</s>"])
    m2m.translate(["Шуша"], source_prefix=["__ru__"], target_prefix=["__en__"])

A subclass that knows the language-code mapping (``hy`` -> ``hye_Armn``) only
has to override `source_tokens` / `target_tokens` or pass those arguments.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from toponyms.translate.engines.base import EngineError

__all__ = ["CTranslate2Model"]

_DEVICES = ("cpu", "cuda", "auto")


COMPUTE_TYPES = ("default", "auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16",
                 "int16", "float16", "bfloat16", "float32")


def read_vocabulary(model_dir: str | Path, side: str = "source") -> list[str]:
    """The tokens of a converted model's vocabulary (`side` "source" or "target"), as saved.

    CTranslate2 writes ``shared_vocabulary.json`` (or ``.txt``, one token a
    line, in older versions) when both sides share one, else
    ``source_vocabulary.*`` and ``target_vocabulary.*``. Empty if none is found.
    """
    import json

    model_dir = Path(model_dir)
    for stem in ("shared_vocabulary", f"{side}_vocabulary"):
        json_file, text_file = model_dir / f"{stem}.json", model_dir / f"{stem}.txt"
        try:
            if json_file.is_file():
                return list(json.loads(json_file.read_text(encoding="utf-8")))
            if text_file.is_file():
                return text_file.read_text(encoding="utf-8").splitlines()
        except (OSError, ValueError, UnicodeDecodeError):
            return []
    return []


_DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")  # CTranslate2's DataType ids


def weights_type(model_dir: str | Path) -> str:
    """The type a converted model's weight matrices were saved in (``int8``, ``float32``...).

    Read from the variable headers of ``model.bin`` (skipping the data), which is
    what compute type ``"default"`` runs in; ``""`` if the file cannot be read.

    >>> weights_type("/nonexistent")
    ''
    """
    import struct
    from collections import Counter

    counts: Counter = Counter()
    try:
        with open(Path(model_dir) / "model.bin", "rb") as model:
            def read(fmt):
                return struct.unpack(fmt, model.read(struct.calcsize(fmt)))[0]

            def string():
                return model.read(read("H")).rstrip(b"\0").decode("utf-8", "replace")

            if read("I") < 5:
                return ""
            string()
            read("I")  # revision
            for _ in range(read("I")):
                name = string()
                shape = [read("I") for _ in range(read("B"))]
                dtype = read("B")
                model.seek(read("I"), 1)
                if name.endswith("weight") and len(shape) == 2 and dtype < len(_DTYPES):
                    counts[_DTYPES[dtype]] += shape[0] * shape[1]
    except (OSError, struct.error, ValueError):
        return ""
    return counts.most_common(1)[0][0] if counts else ""


class CTranslate2Model:
    """A CTranslate2 model directory plus its subword tokenizer, loaded on first use.

    Args:
      model_dir: directory holding ``model.bin``, ``config.json`` and the vocabularies.
      sp_model: the SentencePiece ``.model`` file used for both source and target,
        or any `toponyms.translate.subwords.Subwords` (two SentencePiece models, a ``tokenizer.json``).
      device: ``"cpu"``, ``"cuda"`` or ``"auto"``.
      compute_type: CTranslate2 compute type; ``"default"`` (the default) keeps the
        type the weights were saved in, as the model's publisher chose it
        (``"auto"`` would pick int8 on most CPUs, which makes some float32
        packages repeat words).
      inter_threads: number of batches translated in parallel.
      intra_threads: threads per batch (0: CTranslate2's default).
      beam_size: 1 is greedy search.
      max_batch_size: examples (or tokens, see `batch_type`) per internal batch;
        CTranslate2 sorts the inputs by length before cutting them into batches.
      source_prefix, source_suffix, target_prefix: fixed tokens around the
        source and at the start of the target (see the module docstring).
      translate_options: extra keyword arguments for ``translate_batch``.
      name: a label for error messages (defaults to the model directory).
    """

    def __init__(
        self,
        model_dir: str | Path,
        sp_model: str | Path,
        *,
        device: str = "cpu",
        compute_type: str = "default",
        inter_threads: int = 1,
        intra_threads: int = 0,
        beam_size: int = 4,
        max_batch_size: int = 32,
        batch_type: str = "examples",
        max_decoding_length: int = 256,
        length_penalty: float = 0.2,
        replace_unknowns: bool = True,
        source_prefix: Sequence[str] = (),
        source_suffix: Sequence[str] = (),
        target_prefix: Sequence[str] = (),
        translate_options: dict[str, Any] | None = None,
        name: str | None = None,
    ) -> None:
        if device not in _DEVICES:
            raise EngineError(f"unknown device {device!r}: use one of {', '.join(_DEVICES)}")
        if beam_size < 1:
            raise EngineError(f"beam size must be at least 1, not {beam_size}")
        if compute_type not in COMPUTE_TYPES:
            raise EngineError(f"unknown compute type {compute_type!r}: use one of {', '.join(COMPUTE_TYPES)}")
        if max_batch_size < 1:
            raise EngineError(f"max batch size must be at least 1, not {max_batch_size}")
        if batch_type not in ("examples", "tokens"):
            raise EngineError(f"batch type must be 'examples' or 'tokens', not {batch_type!r}")
        from toponyms.translate.subwords import SentencePiece, Subwords

        self.model_dir = Path(model_dir)
        self.subwords = sp_model if isinstance(sp_model, Subwords) else SentencePiece(sp_model)
        self.device = device
        self.compute_type = compute_type
        self.inter_threads = inter_threads
        self.intra_threads = intra_threads
        self.beam_size = beam_size
        self.max_batch_size = max_batch_size
        self.batch_type = batch_type
        self.max_decoding_length = max_decoding_length
        self.length_penalty = length_penalty
        self.replace_unknowns = replace_unknowns
        self.source_prefix = list(source_prefix)
        self.source_suffix = list(source_suffix)
        self.target_prefix = list(target_prefix)
        self.translate_options = dict(translate_options or {})
        self.name = name or str(self.model_dir)
        self._lock = threading.Lock()
        self._translator = None

    def __repr__(self) -> str:
        return f"CTranslate2Model({str(self.model_dir)!r}, device={self.device!r}, beam_size={self.beam_size})"

    # -- loading -----------------------------------------------------------

    @property
    def loaded(self) -> bool:
        """Whether the CTranslate2 translator is in memory."""
        return self._translator is not None


    def translator(self):
        """The ``ctranslate2.Translator`` (loaded on first call)."""
        if self._translator is None:
            with self._lock:
                if self._translator is None:
                    self._translator = self._load_translator()
        return self._translator

    def load(self) -> "CTranslate2Model":
        """Load both the tokenizer and the translator now rather than on first use."""
        self.tokenize("a")
        self.translator()
        return self

    def unload(self) -> None:
        """Free the translator (it is reloaded on next use)."""
        with self._lock:
            self._translator = None

    def _load_translator(self):
        import ctranslate2

        if not (self.model_dir / "model.bin").is_file():
            raise EngineError(f"{self.name}: no CTranslate2 model (model.bin) in {self.model_dir}")
        try:
            return ctranslate2.Translator(
                str(self.model_dir),
                device=self.device,
                compute_type=self.compute_type,
                inter_threads=self.inter_threads,
                intra_threads=self.intra_threads,
            )
        except (OSError, RuntimeError, ValueError) as err:
            detail = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise EngineError(
                f"{self.name}: cannot load the CTranslate2 model in {self.model_dir} on {self.device}: {detail}"
            ) from None

    # -- tokens ------------------------------------------------------------

    def placeholder(self) -> str:
        """A token this model keeps whole, with ``{}`` for a number: what protects a name.

        A made-up string such as ``XZ0Q`` is cut into single letters that a
        model may transliterate into Cyrillic or Armenian script; a piece that
        is a whole word of its vocabulary on both sides (a short run of
        capitals such as ``NATO`` or ``XV``) is what models copy through.
        Rare letters are preferred so that the token is not a word of the text.
        Falls back to ``XZ{}Q`` when the vocabulary has no such piece.
        """
        if getattr(self, "_placeholder", None) is None:
            self._placeholder = self._choose_placeholder()
        return self._placeholder

    def _choose_placeholder(self) -> str:
        source = read_vocabulary(self.model_dir, "source")
        target = set(read_vocabulary(self.model_dir, "target"))
        candidates = [piece[1:] for piece in source
                      if piece.startswith("\u2581") and piece in target
                      and 2 <= len(piece) - 1 <= 4 and piece[1:].isascii() and piece[1:].isupper()
                      and piece[1:].isalpha()]
        rare = {"X": 0, "Q": 0, "Z": 0, "J": 1, "K": 1, "V": 1, "W": 1}
        candidates.sort(key=lambda word: (sum(rare.get(c, 3) for c in word) / len(word), len(word), word))
        for word in candidates[:50]:
            if self.tokenize(f"{word}7")[:1] == ["\u2581" + word] and self.tokenize(f"a {word}3 b")[1:2] == ["\u2581" + word]:
                return word + "{}"
        return "XZ{}Q"

    def tokenize(self, text: str) -> list[str]:
        """Subword pieces of `text` (no special tokens)."""
        try:
            return self.subwords.encode(text)
        except EngineError as err:
            raise EngineError(f"{self.name}: {err}") from None

    def detokenize(self, pieces: Sequence[str]) -> str:
        """Text of `pieces`, decoded by SentencePiece; ``_`` stays ``_``.

        Pieces SentencePiece does not know (a vocabulary token of the
        translation model only) come back verbatim; any word-boundary mark
        ``▁`` left in them becomes a space.
        """
        if not pieces:
            return ""
        try:
            text = self.subwords.decode(list(pieces))
        except EngineError as err:
            raise EngineError(f"{self.name}: {err}") from None
        return text.replace("\u2581", " ").strip()

    def source_tokens(self, pieces: list[str], prefix: Sequence[str] | None = None,
                      suffix: Sequence[str] | None = None) -> list[str]:
        """The model's source tokens for one text: prefix + pieces + suffix."""
        prefix = self.source_prefix if prefix is None else list(prefix)
        suffix = self.source_suffix if suffix is None else list(suffix)
        return [*prefix, *pieces, *suffix]

    def target_tokens(self, prefix: Sequence[str] | None = None) -> list[str]:
        """The tokens the decoder must start with (removed from the output)."""
        return self.target_prefix if prefix is None else list(prefix)

    # -- translation ---------------------------------------------------------

    def translate(
        self,
        texts: Sequence[str],
        *,
        source_prefix: Sequence[str] | None = None,
        source_suffix: Sequence[str] | None = None,
        target_prefix: Sequence[str] | None = None,
    ) -> list[str]:
        """Translate each text (one sentence each, ideally) in one batched call.

        Blank texts give ``""`` without touching the model. Returns exactly
        one string per input, in order.
        """
        texts = list(texts)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        outputs = [""] * len(texts)
        if not todo:
            return outputs
        source = [self.source_tokens(self.tokenize(texts[i]), source_prefix, source_suffix)
                  for i in todo]
        prefix = self.target_tokens(target_prefix)
        options = {
            "beam_size": self.beam_size,
            "max_batch_size": self.max_batch_size,
            "batch_type": self.batch_type,
            "max_decoding_length": self.max_decoding_length,
            "length_penalty": self.length_penalty,
            "replace_unknowns": self.replace_unknowns,
            **self.translate_options,
        }
        if prefix:
            options["target_prefix"] = [list(prefix) for _ in source]
        translator = self.translator()
        try:
            results = translator.translate_batch(source, **options)
        except (RuntimeError, ValueError) as err:
            raise EngineError(f"{self.name}: translation failed: {err}") from None
        for i, result in zip(todo, results):
            tokens = result.hypotheses[0]
            if prefix and tokens[: len(prefix)] == list(prefix):
                tokens = tokens[len(prefix):]
            outputs[i] = self.detokenize(tokens)
        return outputs

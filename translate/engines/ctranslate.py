"""What the CTranslate2 engines (Argos packages, multilingual models) share.

Both take the same CTranslate2 options, keep their loaded models in a cache
guarded by a lock, and translate sentence by sentence: every segment is split
into sentences, all sentences of all segments go to the model in one batched
call, and each segment is rejoined with its own whitespace.
"""

from __future__ import annotations

import threading
from abc import abstractmethod
from pathlib import Path

from toponyms.translate.engines.base import Engine, EngineError
from toponyms.translate.sentences import rejoin_translated, split_sentences


class CTranslate2Engine(Engine):
    """An engine whose models are CTranslate2 models found under a directory.

    Subclasses say where that directory is by default (`default_directory`)
    and how a batch of sentences is translated (`_translate_sentences`,
    after `_prepare` has checked the pair).
    """

    def __init__(
        self,
        directory: str | Path | None = None,
        *,
        device: str | None = None,
        compute_type: str | None = None,
        inter_threads: int | None = None,
        intra_threads: int | None = None,
        beam_size: int | None = None,
        max_batch_size: int | None = None,
    ) -> None:
        from toponyms.translate.ct2model import COMPUTE_TYPES

        given = {"device": device, "compute_type": compute_type, "inter_threads": inter_threads,
                 "intra_threads": intra_threads, "beam_size": beam_size, "max_batch_size": max_batch_size}
        self.options = {**self.defaults(), **{k: v for k, v in given.items() if v is not None}}
        if self.options["device"] not in ("cpu", "cuda", "auto"):
            raise EngineError(f"unknown device {self.options['device']!r} for the {self.name} engine: use cpu or cuda")
        if self.options["compute_type"] not in COMPUTE_TYPES:
            raise EngineError(f"unknown compute type {self.options['compute_type']!r} for the {self.name} "
                              f"engine: use one of {', '.join(COMPUTE_TYPES)}")
        if self.options.get("beam_size", 1) < 1:
            raise EngineError(f"beam size must be at least 1, not {self.options['beam_size']}")
        self._directory = Path(directory) if directory is not None else None
        self._models: dict[tuple, object] = {}
        self._lock = threading.Lock()

    def defaults(self) -> dict:
        """Options used when not given: CTranslate2's own, and the weights' compute type."""
        return {"device": "cpu", "compute_type": "default", "inter_threads": 1, "intra_threads": 0,
                "max_batch_size": 32}

    @staticmethod
    @abstractmethod
    def default_directory() -> Path:
        """Where models are when no directory was given (resolved on each call)."""

    @property
    def directory(self) -> Path:
        return self._directory if self._directory is not None else self.default_directory()

    @abstractmethod
    def _prepare(self, src: str, tgt: str):
        """What translating src→tgt needs (packages, a model); EngineError if the pair cannot be done."""

    @abstractmethod
    def _translate_sentences(self, sentences: list[str], src: str, tgt: str, prepared) -> list[str]:
        """Translate a flat list of sentences, one output per sentence."""

    @abstractmethod
    def _first_model(self, prepared):
        """The CTranslate2Model that reads the source of a prepared pair."""

    def placeholder(self, src: str, tgt: str) -> str:
        """A piece the source model keeps whole (see `CTranslate2Model.placeholder`)."""
        try:
            return self._first_model(self._prepare(src, tgt)).placeholder()
        except EngineError:
            return super().placeholder(src, tgt)

    def translate(self, segments: list[str], src: str, tgt: str) -> list[str]:
        """Translate each segment; one output per input, in order.

        Blank segments come back unchanged without touching a model;
        ``src == tgt`` returns the input.
        """
        if isinstance(segments, str) or not all(isinstance(s, str) for s in segments):
            raise EngineError(f"the {self.name} engine translates a list of strings")
        segments = list(segments)
        if src == tgt:
            return segments
        prepared = self._prepare(src, tgt)

        flat: list[str] = []
        layout: list[tuple[int, int, list[str]] | None] = []
        for segment in segments:
            if not segment.strip():
                layout.append(None)
                continue
            parts, separators = split_sentences(segment, src)
            layout.append((len(flat), len(parts), separators))
            flat.extend(parts)
        if not flat:
            return segments

        flat = self._translate_sentences(flat, src, tgt, prepared)

        out: list[str] = []
        for segment, spec in zip(segments, layout):
            if spec is None:
                out.append(segment)
            else:
                start, count, separators = spec
                out.append(rejoin_translated(flat[start:start + count], separators, tgt))
        return out

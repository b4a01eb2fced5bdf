"""The one small shape every translation engine has."""

from __future__ import annotations

from abc import ABC, abstractmethod

from toponyms.errors import ToponymsError


class EngineError(ToponymsError):
    """An engine is missing, cannot do a pair, or failed on the input."""


class Engine(ABC):
    """A translation engine: a name, the pairs it can do now, and `translate`.

    Segments are plain text without markup, one per sentence or line; the
    engine returns exactly one output segment per input segment, in order.
    """

    name: str = ""

    @abstractmethod
    def pairs(self) -> list[tuple[str, str]]:
        """(source, target) ISO 639-1 pairs this engine can translate right now."""

    @abstractmethod
    def translate(self, segments: list[str], src: str, tgt: str) -> list[str]:
        """Translate each segment from `src` to `tgt`; raise EngineError on failure."""

    def can(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self.pairs()

    def describe(self) -> str:
        """One line for `toponyms engines`: what this engine is and where it lives."""
        return self.name

    def placeholder(self, src: str, tgt: str) -> str:
        """The token that stands for a protected name, with ``{}`` for its number.

        It must come through translation unchanged; engines that know their
        model's vocabulary offer one the model keeps whole.
        """
        return "XZ{}Q"

    def fingerprint(self, src: str, tgt: str) -> str:
        """What identifies this engine's output for a pair: caches key on it.

        Engines should include the version of the model or rules they use, so
        that upgrading a package invalidates what was cached with the old one.
        """
        return self.name

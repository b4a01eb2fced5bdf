"""The engine that does not translate: text in, the same text out."""

from __future__ import annotations

from toponyms.translate.engines.base import Engine, EngineError


class NoneEngine(Engine):
    """Returns segments unchanged; it "translates" a language only into itself.

    `can(src, tgt)` is true exactly when src == tgt. `pairs()` is empty, since
    the pairs (x, x) cannot be listed; use `can`.
    """

    name = "none"

    def pairs(self) -> list[tuple[str, str]]:
        return []

    def can(self, src: str, tgt: str) -> bool:
        return src == tgt

    def translate(self, segments: list[str], src: str, tgt: str) -> list[str]:
        if src != tgt:
            raise EngineError(
                f"engine none does not translate: it copies text only when source and target "
                f"are the same language, not {src}→{tgt}"
            )
        return list(segments)

    def describe(self) -> str:
        return "none: no translation, copies the text when source and target language are the same"

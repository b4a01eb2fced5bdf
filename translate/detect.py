"""Which language a text is in, offline, with lingua (lingua-language-detector).

The detector knows a fixed set of languages, those of the region and of the
press that writes about it: English, Azerbaijani, Armenian, Russian, Turkish,
French, German, Spanish, Catalan, Persian, Georgian, Ukrainian, Italian and
Portuguese. It is built once per process and its language models load lazily,
on the first text that needs them (measured: 2.6 s for the first
Latin-script sentence, which loads the models of every Latin-script language,
0.7 s more for the first Cyrillic one, about 1 ms for Armenian, Georgian or
Persian, which have scripts of their own); after that a sentence takes about
0.3 ms and the 3,000-character seed article 4 ms. lingua is imported inside the functions, so importing this module is
free.

>>> detect_language("Ստեփանակերտը ռմբակոծվում է։").lang          # doctest: +SKIP
'hy'
>>> require_language("12345")                                       # doctest: +SKIP
Traceback (most recent call last):
toponyms.errors.ToponymsError: cannot tell the language of '12345' (no letters to go by); pass --from LANG
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from toponyms.errors import ToponymsError

__all__ = ["LANGUAGES", "Detection", "detect_language", "require_language"]

# ISO 639-1 codes of the languages the detector knows, with lingua's names.
LANGUAGES: dict[str, str] = {
    "en": "ENGLISH", "az": "AZERBAIJANI", "hy": "ARMENIAN", "ru": "RUSSIAN",
    "tr": "TURKISH", "fr": "FRENCH", "de": "GERMAN", "es": "SPANISH",
    "ca": "CATALAN", "fa": "PERSIAN", "ka": "GEORGIAN", "uk": "UKRAINIAN",
    "it": "ITALIAN", "pt": "PORTUGUESE",
}

# Enough text to decide; a whole book is not needed and costs time.
MAX_CHARS = 5000


@dataclass(frozen=True)
class Detection:
    """The best guess (`lang`, ISO 639-1; None when the text has no letters),
    its confidence (0..1, the guesses' confidences add up to 1) and the second
    guess."""

    lang: str | None
    confidence: float
    runner_up: str | None = None
    runner_up_confidence: float = 0.0


@functools.lru_cache(maxsize=None)
def _detector(codes: tuple[str, ...]):
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, LANGUAGES[c]) for c in codes)).build()


def _codes(candidates) -> tuple[str, ...]:
    if candidates is None:
        return tuple(LANGUAGES)
    codes = []
    for code in candidates:
        key = str(code).strip().lower()
        if key not in LANGUAGES:
            raise ToponymsError(
                f"cannot detect language {code!r}: the detector knows {', '.join(sorted(LANGUAGES))}"
            )
        if key not in codes:
            codes.append(key)
    if not codes:
        raise ToponymsError("no candidate languages to choose from")
    return tuple(sorted(codes))


def detect_language(text: str, candidates=None) -> Detection:
    """Guess the language of `text`, among `candidates` (ISO 639-1 codes) if given.

    A single candidate is returned with confidence 1.0 when the text has
    letters. Text without letters (empty, digits, punctuation) gives
    Detection(None, 0.0).
    """
    codes = _codes(candidates)
    sample = text[:MAX_CHARS] if isinstance(text, str) else ""
    if not any(ch.isalpha() for ch in sample):
        return Detection(None, 0.0)
    if len(codes) == 1:
        return Detection(codes[0], 1.0)
    values = _detector(codes).compute_language_confidence_values(sample)
    ranked = [(v.language.iso_code_639_1.name.lower(), float(v.value)) for v in values]
    ranked.sort(key=lambda item: -item[1])
    if not ranked or ranked[0][1] <= 0.0:
        return Detection(None, 0.0)
    best, confidence = ranked[0]
    second, second_confidence = ranked[1] if len(ranked) > 1 else (None, 0.0)
    return Detection(best, confidence, second, second_confidence)


def _quote(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def require_language(text: str, min_confidence: float = 0.6, candidates=None) -> str:
    """The language of `text`, or ToponymsError when the guess is below `min_confidence`."""
    return require_detection(text, min_confidence, candidates).lang


def require_detection(text: str, min_confidence: float = 0.6, candidates=None, option: str = "--from") -> Detection:
    """The detection of `text`'s language, or ToponymsError when the guess is below `min_confidence`.

    `option` is the command's own option for the language, named in the advice (normalise has --lang).
    """
    if not isinstance(text, str) or not text.strip():
        raise ToponymsError(f"cannot tell the language of an empty text; pass {option} LANG")
    found = detect_language(text, candidates)
    if found.lang is None:
        raise ToponymsError(f"cannot tell the language of {_quote(text)} (no letters to go by); pass {option} LANG")
    if found.confidence < min_confidence:
        raise ToponymsError(
            f"cannot tell the language of {_quote(text)} (best guess {found.lang} at "
            f"{found.confidence:.2f} confidence, then {found.runner_up} at "
            f"{found.runner_up_confidence:.2f}); pass {option} LANG"
        )
    return found

"""Naming a place on purpose: which rival form to write, in which language, with which rival beside it.

>>> from toponyms.gazetteer import load
>>> town = load().get("sugovushan")
>>> choice = choose(town, "madagiz", "es", Policy())
>>> choice.text, choice.alternate
('Madagiz', 'Sugovushan')
>>> choice = choose(town, "madagiz", "en", Policy(convention="armenian"))
>>> choice.text, choice.alternate
('Mataghis', 'Madagiz')
>>> with_rival("Sugovushan", "Madagiz")
'Sugovushan (Madagiz)'
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ToponymsError
from .gazetteer import Entity, Form, Gazetteer

RIVAL_CHOICES = ("first", "every", "none")
# Languages written in Latin script, where an English or transliterated spelling is a fair fallback.
_LATIN_SCRIPT = frozenset({"en", "az", "tr", "fr", "de", "es", "it", "pt", "ca", "nl", "pl", "sv", "cs"})


@dataclass(frozen=True)
class Policy:
    """How places are named in the output.

    convention: a key of the gazetteer's `users` (armenian, azerbaijani, ...):
    write the form those users use; None keeps the form the source used.
    rival: show the rival form beside the name on its "first" mention in a
    document, on "every" mention, or "none".
    """

    convention: str | None = None
    rival: str = "first"

    def check(self, gazetteer: Gazetteer) -> None:
        if self.rival not in RIVAL_CHOICES:
            raise ToponymsError(f"unknown rival display {self.rival!r} (one of {', '.join(RIVAL_CHOICES)})")
        if self.convention and self.convention not in gazetteer.users:
            raise ToponymsError(
                f"unknown naming convention {self.convention!r} (one of {', '.join(gazetteer.users)})")


@dataclass(frozen=True)
class Choice:
    """What to write for one mention: the form, its text in the target language, and the rival's."""

    form: Form
    text: str
    alternate: str | None


def rendering(form: Form, lang: str) -> str:
    """The form's spelling for `lang`, falling back to English, then any spelling transliterated.

    >>> from toponyms.gazetteer import Form
    >>> rendering(Form("x", ("a",), {"az": ("Xankəndi",)}), "es")
    'Xankendi'
    """
    if form.rendering(lang):
        return form.rendering(lang)
    if lang in _LATIN_SCRIPT or lang not in form.names:
        english = form.rendering("en")
        if english:
            return english
    latin = next((s for l, s in form.spellings() if l in _LATIN_SCRIPT), None)
    if latin:
        from unidecode import unidecode

        return unidecode(latin.replace("ə", "e").replace("Ə", "E"))
    return next(s for _, s in form.spellings())


def choose(entity: Entity, source_form: str, lang: str, policy: Policy) -> Choice:
    """The form and text to write in `lang` for a mention that used `source_form`."""
    used = entity.form(source_form)
    shown = used
    if policy.convention:
        shown = entity.form_used_by(policy.convention) or used
    rival = used if shown.id != used.id else entity.rival_of(shown)
    text = rendering(shown, lang)
    alternate = rendering(rival, lang) if rival else None
    if alternate is not None and alternate.casefold() == text.casefold():
        alternate = None
    return Choice(shown, text, alternate)


def with_rival(text: str, alternate: str | None) -> str:
    """The name with its rival beside it, as readers expect it."""
    return f"{text} ({alternate})" if alternate else text

"""Naming a place on purpose: which rival form to write, in which language, with which rival beside it.

>>> from toponyms.gazetteer import load
>>> town = load().get("sugovushan")
>>> choice = choose(town, "madagiz", "es", Policy())
>>> choice.text, choice.alternate
('Madagiz', 'Sugovushan')
>>> choice = choose(town, "madagiz", "en", Policy(convention="armenian"))
>>> choice.text, choice.alternate
('Mataghis', 'Madagiz')
>>> choose(town, "madagiz", "en", Policy(convention="azerbaijani", as_of="2020-09-27")).text
'Madagiz'
>>> choose(town, "madagiz", "en", Policy(convention="azerbaijani", as_of="2020-10-03")).text
'Sugovushan'
>>> with_rival("Sugovushan", "Madagiz")
'Sugovushan (Madagiz)'
>>> with_rival("Shusha", "Shushi", "{name}/{rival}")
'Shusha/Shushi'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .situation import form_valid_in, form_valid_on
from .errors import ToponymsError
from .gazetteer import Entity, Form, Gazetteer

RIVAL_CHOICES = ("first", "every", "none")
IN_QUOTES_CHOICES = ("keep", "convention")
DEFAULT_RIVAL_STYLE = "{name} ({rival})"
_STYLE_FIELDS = re.compile(r"{(\w*)}")
_ISO_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z")
# Spellings to derive a missing rendering from: the place's own languages first.
_DERIVE_FROM = ("hy", "az", "ru", "en", "tr", "de", "fr", "es")
# Who uses a rival, in the words of each output language, for "{users}" in a rival style; the
# first of a rival's users in this order names it (a side before the press that follows it).
USER_LABELS = {
    "armenian": {"en": "Armenian", "fr": "arménien", "es": "armenio", "de": "armenisch", "ru": "арм.",
                 "tr": "Ermenice", "az": "erməni", "hy": "հայկական"},
    "azerbaijani": {"en": "Azerbaijani", "fr": "azerbaïdjanais", "es": "azerí", "de": "aserbaidschanisch",
                    "ru": "азерб.", "tr": "Azerbaycan", "az": "Azərbaycan", "hy": "ադրբեջանական"},
    "international": {"en": "international", "fr": "international", "es": "internacional", "de": "international",
                      "ru": "междунар.", "tr": "uluslararası", "az": "beynəlxalq", "hy": "միջազգային"},
    "russian_media": {"en": "Russian media", "fr": "médias russes", "es": "medios rusos", "de": "russische Medien",
                      "ru": "рос. СМИ", "tr": "Rus medyası", "az": "Rusiya mediası", "hy": "ռուսական ԶԼՄ"},
    "turkish_media": {"en": "Turkish media", "fr": "médias turcs", "es": "medios turcos", "de": "türkische Medien",
                      "ru": "тур. СМИ", "tr": "Türk medyası", "az": "Türkiyə mediası", "hy": "թուրքական ԶԼՄ"},
    "soviet": {"en": "Soviet", "fr": "soviétique", "es": "soviético", "de": "sowjetisch", "ru": "сов.",
               "tr": "Sovyet", "az": "sovet", "hy": "խորհրդային"},
    "historical": {"en": "historical", "fr": "historique", "es": "histórico", "de": "historisch", "ru": "ист.",
                   "tr": "tarihî", "az": "tarixi", "hy": "պատմական"},
}


@dataclass(frozen=True)
class Policy:
    """How places are named in the output.

    convention: a key of the gazetteer's `users` (armenian, azerbaijani, ...):
    write the form those users' press uses today (`official`: their official
    form); None keeps the form the source used. A form the chosen users use
    themselves is never replaced by another of theirs.
    rival: show the rival form beside the name on its "first" mention in a
    document, on "every" mention, or "none"; `rival_style` says how
    ("{name} ({rival})", "{name} ({users}: {rival})", "{name}/{rival}").
    in_quotes: "keep" the speaker's names inside quotations, or follow the
    "convention" there too.
    as_of: an ISO date: the form the convention used on that day.
    """

    convention: str | None = None
    rival: str = "first"
    rival_style: str = DEFAULT_RIVAL_STYLE
    in_quotes: str = "keep"
    official: bool = False
    as_of: str | None = None

    def check(self, gazetteer: Gazetteer) -> None:
        if self.rival not in RIVAL_CHOICES:
            raise ToponymsError(f"unknown rival display {self.rival!r} (one of {', '.join(RIVAL_CHOICES)})")
        if self.convention and self.convention not in gazetteer.users:
            raise ToponymsError(
                f"unknown naming convention {self.convention!r} (one of {', '.join(gazetteer.users)})")
        if self.in_quotes not in IN_QUOTES_CHOICES:
            raise ToponymsError(f"unknown --in-quotes {self.in_quotes!r} (one of {', '.join(IN_QUOTES_CHOICES)})")
        fields = set(_STYLE_FIELDS.findall(self.rival_style))
        if not {"name", "rival"} <= fields or not fields <= {"name", "rival", "users"}:
            raise ToponymsError(f"--rival-style {self.rival_style!r} must hold {{name}} and {{rival}} "
                                "(and may hold {users}), nothing else in braces")
        if self.as_of is not None and not check_date(self.as_of):
            raise ToponymsError(f"--as-of {self.as_of!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        if (self.as_of or self.official) and not self.convention:
            raise ToponymsError(f"{'--as-of' if self.as_of else '--official'} needs --convention "
                                "(whose names, on that date or official)")


def check_date(value: str) -> bool:
    """Whether `value` is an ISO date the policy understands (YYYY, YYYY-MM, YYYY-MM-DD), and a real one.

    >>> check_date("2020-10-03"), check_date("2020-10"), check_date("2020-13-01"), check_date("2021-02-30")
    (True, True, False, False)
    """
    import datetime

    if not _ISO_DATE.match(str(value)):
        return False
    parts = [int(part) for part in str(value).split("-")]
    try:
        datetime.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    except ValueError:  # month 13, 30 February
        return False
    return True


@dataclass(frozen=True)
class Choice:
    """What to write for one mention: the form, its text in the target language, and the rival's.

    `derived`: the gazetteer has no rendering of the form in that language and
    the text was transliterated. `why`: source (the source's form kept),
    convention, own-form (the convention's users use the source's form
    themselves), uncontested (a place whose name is not part of the
    conflict keeps the source's form), gloss, quoted, proper-name or dated
    (kept as written).
    """

    form: Form
    text: str
    alternate: str | None
    derived: bool = False
    why: str = "source"
    alternate_users: tuple[str, ...] = ()


KEEP_REASONS = ("gloss", "quoted", "proper-name", "dated")


def rendering_of(form: Form, lang: str) -> tuple[str, bool]:
    """The form's spelling for `lang`, and whether it had to be derived by transliteration.

    >>> from toponyms.gazetteer import Form
    >>> rendering_of(Form("x", ("a",), {"az": ("Xankəndi",)}), "ru")
    ('Ханкенди', True)
    >>> rendering_of(Form("x", ("a",), {"en": ("Shushi",)}), "hy")
    ('Շուշի', True)
    """
    if form.rendering(lang):
        return form.rendering(lang), False
    from .translit import transliterate

    for source in (*_DERIVE_FROM, *form.names):
        if source != lang and form.rendering(source):
            return transliterate(form.rendering(source), source, lang), True
    return next(s for _, s in form.spellings()), True


def rendering(form: Form, lang: str) -> str:
    """The form's spelling for `lang`, derived by transliteration when the gazetteer has none.

    >>> from toponyms.gazetteer import Form
    >>> rendering(Form("x", ("a",), {"az": ("Şuşa",)}), "es")
    'Shushá'
    """
    return rendering_of(form, lang)[0]


def uses(form: Form, user: str) -> bool:
    """Whether `user` writes this form at all (uses it, prefers it, or has it as official)."""
    return user in form.used_by or user in form.preferred_by or user in form.official_for


def in_use(form: Form, user: str, on: str | None = None) -> bool:
    """Whether `user` writes this form today (or on the date `on`): a dead name is not in use."""
    return uses(form, user) and (form_valid_on(form.since, form.until, on) if on else not form.until)


def convention_form(entity: Entity, user: str, *, official: bool = False, on: str | None = None) -> Form | None:
    """The form `user` writes for the place: what its press uses today (or its official form), on a date.

    Preference: the form `user` is listed as preferring (usage) or as official
    (`official`), then a current form it uses, then any form it used. With
    `on`, only forms in use on that date count.
    """
    candidates = [f for f in entity.forms if uses(f, user)]
    if on:
        candidates = [f for f in candidates if form_valid_on(f.since, f.until, on)]
    if not candidates:
        return None
    first = "official_for" if official else "preferred_by"
    flagged = [f for f in candidates if user in getattr(f, first)]
    current = [f for f in candidates if not f.until or on]
    return (flagged or current or candidates)[0]


def explain(entity: Entity, source_form: str | None, user: str, *, official: bool = False,
            on: str | None = None) -> tuple[Form | None, str]:
    """Which form a convention writes for a place, and why, in words (for `lookup --convention`)."""
    if not entity.contested:
        kept = entity.form(source_form) if source_form else None
        return kept, f"the name of {entity.id} is not part of the conflict: every convention keeps the source's form"
    if source_form and not official:
        used = entity.form(source_form)
        if in_use(used, user, on):
            return used, _own_form_reason(entity, used, user, on)
    picked = convention_form(entity, user, official=official, on=on)
    if picked is None:
        return None, f"no form of {entity.id} is used by {user}{f' on {on}' if on else ''}: the source's form is kept"
    if official and user in picked.official_for:
        reason = f"{picked.id} is the official name for {user}"
    elif user in picked.preferred_by:
        reason = f"{picked.id} is what the {user} press writes today"
        official_forms = [f.id for f in entity.forms if user in f.official_for and f.id != picked.id]
        if official_forms:
            reason += f" (official: {', '.join(official_forms)}; ask with --official)"
    else:
        reason = f"{picked.id} is the form used by {user}" + (f" on {on}" if on else "")
    return picked, reason


def _spelled(form: Form) -> str:
    """The form's first spelling in a few languages: what "kept" writes (Kubatly in English is Qubadli)."""
    return ", ".join(f"{lang} {form.rendering(lang)}" for lang in ("en", "ru", "hy", "az") if form.rendering(lang))


def _own_form_reason(entity: Entity, used: Form, user: str, on: str | None) -> str:
    """Why a convention keeps the source's form, and what it writes then.

    The form is kept, not the spelling: each output language writes its own first spelling of it
    (the Russian "Кубатлы" is written "Qubadli" in English). A form the side's press writes today
    (`preferred_by`) says so with the gazetteer's sources; another form of that side is not replaced
    either, and the form its press prefers is named.
    """
    sources = f"; sources: {', '.join(entity.sources)}" if entity.sources else ""
    spelled = f", written in each output language's own spelling ({_spelled(used)})"
    if user in used.preferred_by:
        return (f"{used.id} is what the {user} press writes today (preferred_by {user} in the gazetteer{sources}): "
                f"the source's form is the convention's form and is kept{spelled}")
    preferred = convention_form(entity, user, on=on)
    if preferred is not None and preferred.id != used.id and user in preferred.preferred_by:
        return (f"{used.id} is a form the {user} side itself uses, so it is not replaced by another of its forms, "
                f"though the {user} press mostly writes {preferred.id} ({_spelled(preferred)}{sources}): "
                f"the source's form is kept{spelled}")
    return f"{used.id} is a form the {user} side itself uses: the source's form is kept{spelled}"


def choose(entity: Entity, source_form: str, lang: str, policy: Policy, *, keep: str | None = None,
           year: int | None = None, date: str | None = None, written: str | None = None) -> Choice:
    """The form and text to write in `lang` for a mention that used `source_form`.

    keep: a reason to keep the source's form as written (gloss, quoted,
    proper-name); `written` is then the source's spelling when it is already
    a spelling of `lang`. year: the year the sentence speaks of, which keeps
    a form that did not exist then from being written. date: the document's
    date (else the policy's `as_of`).
    """
    used = entity.form(source_form)
    shown, why = used, "source"
    if keep:
        why = keep
    elif policy.convention and not entity.contested:
        why = "uncontested"  # a name outside the conflict (Yerevan, Goris) keeps the source's form
    elif policy.convention:
        user, on = policy.convention, date or policy.as_of
        if not policy.official and in_use(used, user, on):
            why = "own-form"
        else:
            picked = convention_form(entity, user, official=policy.official, on=on)
            if picked is not None:
                shown, why = picked, "convention"
    if year is not None and (
            (shown is not used and not form_valid_in(shown.since, shown.until, year))
            or (used.until and year < int(str(used.until)[:4]))):
        # The sentence speaks of a time before the chosen form existed, or while the source's
        # form was still the name (Madagiz until October 2020): it keeps the form of that time.
        shown, why, keep = used, "dated", "dated"
    if keep and written:
        text, derived = written, False
    else:
        text, derived = rendering_of(shown, lang)
    rival = None
    if not keep:
        # A contested name the convention rewrote stays beside the new one, even when the new one is
        # nobody's rival name (Artsakh -> the mountainous part of Karabakh (Artsakh)): the reader
        # sees what the source said.
        rival = used if shown.id != used.id and used.contested and entity.contested else entity.rival_of(shown)
        if (rival is not None and rival is not used and year is not None
                and not form_valid_in(rival.since, rival.until, year)):
            # No rival beside a name of a time when the rival was not in use, unless it is what the
            # source wrote: "returned to Madagiz in 2024" keeps Madagiz beside Sugovushan.
            rival = None
        on = date or policy.as_of
        if rival is not None and on and rival.since and not form_valid_on(rival.since, None, on):
            rival = None  # nor a name given after the day the text is of (Sugovushan before October 2020)
    alternate = rendering_of(rival, lang)[0] if rival else None
    if alternate is not None and alternate.casefold() == text.casefold():
        alternate = None
    users = rival.used_by if rival and alternate else ()
    if policy.convention and rival is not shown:
        # The side whose name replaced the rival does not use the rival (Madagiz beside Azerbaijan's
        # Sugovushan is what it wrote until 2020, not "the Azerbaijani name"): the others name it.
        users = tuple(user for user in users if user != policy.convention) or users
    return Choice(shown, text, alternate, derived, why, users)


def with_rival(text: str, alternate: str | None, style: str = DEFAULT_RIVAL_STYLE,
               users: tuple[str, ...] = (), lang: str = "en") -> str:
    """The name with its rival beside it, in the display `style`."""
    if not alternate:
        return text
    label = next((labels.get(lang, user) for user, labels in USER_LABELS.items() if user in users),
                 users[0] if users else "")
    return style.format(name=text, rival=alternate, users=label)

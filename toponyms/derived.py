"""Spellings the matcher derives from the gazetteer's by rule (`toponyms.translit`), cached on disk.

The gazetteer lists the spellings people have seen; `translit.variants`
adds the ones the press of each language prints by its own habits (German
Schuscha for Şuşa, French Latchine, ASCII fallbacks). The matcher adds them
as keys of their own, reported as ``match: transliterated``, and never lets
one take a key a listed spelling already has. Deriving them takes a few
tenths of a second for the built-in gazetteer, so the result is kept in the
cache directory under a hash of the spellings and of the rules.

Large gazetteers (GeoNames imports) get none: their names are many, their
variants would be noise, and their start-up must stay fast.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path

from .fold import fold_key
from .gazetteer import Gazetteer

# No variants are derived for gazetteers with this many spellings or more.
DERIVE_MAX_SPELLINGS = 20_000
# Variants shorter than this (folded) are not added: short words collide with ordinary ones.
MIN_LENGTH = 5


def _rules_fingerprint() -> bytes:
    here = Path(__file__).resolve().parent
    return b"".join((here / name).read_bytes() for name in ("translit.py", "derived.py", "fold.py"))


def derived_spellings(gazetteer: Gazetteer, use_cache: bool = True) -> list[tuple[int, str, str, str]]:
    """(entity index, form id, lang, variant) for every derived spelling the gazetteer does not list.

    A variant whose folded key is a listed spelling of any entity is left
    out (the listed one is what the text says), and so is one shorter than
    `MIN_LENGTH` letters. Only one-word spellings are varied.
    """
    listed = [(index, form.id, lang, spelling) for index, entity in enumerate(gazetteer.entities)
              for form in entity.forms for lang, spelling in form.spellings()]
    if not listed or len(listed) >= DERIVE_MAX_SPELLINGS:
        return []
    digest = hashlib.blake2b(digest_size=16)
    digest.update(_rules_fingerprint())
    for row in listed:
        digest.update(("\0".join(map(str, row)) + "\n").encode("utf-8"))
    path = None
    if use_cache:
        from .cachedir import cache_dir

        path = cache_dir() / f"derived-{digest.hexdigest()}.marshal"
        try:
            return [tuple(row) for row in marshal.loads(path.read_bytes())]
        except (OSError, ValueError, EOFError, TypeError):
            pass
    from .translit import variants

    taken = {fold_key(spelling) for _, _, _, spelling in listed}
    derived, seen = [], set()
    for index, form_id, lang, spelling in listed:
        if " " in spelling.strip():
            continue  # the rules mangle the generic words of a phrase (district, economic zone)
        for variant in sorted(variants(spelling, lang)):
            key = fold_key(variant)
            if len(key) < MIN_LENGTH or key in taken or (index, form_id, lang, key) in seen:
                continue
            seen.add((index, form_id, lang, key))
            derived.append((index, form_id, lang, variant))
    if path is not None:
        _write(path, marshal.dumps(derived))
    return derived


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename; a cache that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".derived-", suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        pass

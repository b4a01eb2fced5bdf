"""The compiled matcher and gazetteer, kept on disk so that a large gazetteer starts fast.

`load_matcher(paths)` returns the gazetteer and its `Matcher`. For small
gazetteers (the built-in one) it simply reads them. For large ones (a GeoNames
import of hundreds of thousands of names) reading YAML and building the matcher
takes seconds to minutes, so the result is kept in one cache file per set of
gazetteer files, named by a hash of their paths and bytes, of this format's
version and of the code that builds it: editing a gazetteer (or upgrading
toponyms) makes a new file, and the old ones are pruned.

The cache file holds flat numpy arrays (a header, then aligned arrays, read
through mmap without copying): the keys as one UTF-16 buffer with offsets,
the candidates of every key as columns, the per-key tables the matcher's numpy
path uses, and each entity as a marshal record. Nothing is turned into Python
objects until a key is hit or an entity asked for, so loading does not depend
on the gazetteer's size. Writes go through a temporary file and a rename; a
cache file that is damaged (checksum, size or format) is ignored and rebuilt.

Aho-Corasick automata cannot be saved, and ahocorasick_rs takes about 10 s to
build one for 500,000 keys (90 s for 3 million), so large gazetteers are
scanned by `PrefixScanner` instead: a name starts where a word starts, so the
scanner walks from every word start, hashing the text's prefixes there
(polynomial hashes modulo 2**64), drops a walk as soon as its prefix is no
key's prefix (a bit table), and reports the prefixes that are keys (a sorted
hash table, then an exact comparison). Its tables are built with numpy in a
second and kept in the cache file too.

Where: $TOPONYMS_CACHE_DIR, else $XDG_CACHE_HOME/toponyms, else ~/.cache/toponyms.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import mmap
import os
import sys
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Iterable

from .context import Context, Words
from .gazetteer import Entity, Form, Gazetteer, Guards, ProperName, load, resolve_paths

FORMAT_VERSION = 3
CACHE_ENV = "TOPONYMS_CACHE_DIR"
# Gazetteer files smaller than this together are read directly: the cache would not pay.
CACHE_MIN_BYTES = 2 * 1024 * 1024
# Cache files kept; the least recently used beyond these are removed.
CACHE_KEEP = 6
_MAGIC = b"TOPONYMS-MATCHER"
_ALIGN = 64
# Source files whose code decides what the cache holds: a change to any makes a new cache file.
_CODE = ("fold.py", "inflect.py", "gazetteer.py", "match.py", "compiled.py", "context.py", "textlang.py",
         "derived.py", "translit.py")


def cache_dir() -> Path:
    """Where cache files live: $TOPONYMS_CACHE_DIR, else $XDG_CACHE_HOME/toponyms, else ~/.cache/toponyms."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "toponyms"


# ---------------------------------------------------------------- the prefix scanner

_ALNUM = 1
_MIX = 0xFF51AFD7ED558CCD
_BASES = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)


def _mix(hashes):
    """Spread a polynomial hash's bits (the high ones index the bit tables)."""
    import numpy as np

    hashes = hashes ^ (hashes >> np.uint64(33))
    hashes = hashes * np.uint64(_MIX)
    return hashes ^ (hashes >> np.uint64(29))


def _bits_for(count: int) -> int:
    """log2 of a bit table's size: about 16 bits per entry, so that one probe in 16 is a false positive."""
    return max(16, min(34, (max(count, 1) * 16 - 1).bit_length()))


def _bit_table(indexes, bits: int):
    import numpy as np

    table = np.zeros(1 << max(bits - 3, 0), dtype=np.uint8)
    np.bitwise_or.at(table, indexes >> np.uint64(3), (np.uint8(1) << (indexes & np.uint64(7)).astype(np.uint8)))
    return table


def _in_table(table, indexes):
    import numpy as np

    return ((table[indexes >> np.uint64(3)] >> (indexes & np.uint64(7)).astype(np.uint8)) & 1).astype(bool)


class PrefixScanner:
    """Every occurrence of every key that starts at a word start, found by hashing prefixes.

    Gives the hits an Aho-Corasick automaton gives that start where no letter
    or digit precedes (the others the matcher drops anyway), in the same form:
    `find_matches_as_indexes(utf16_bytes)` -> [(key index, byte start, byte end)],
    or `unit_hits(units)` -> arrays of key index, start and end in code units.
    """

    ARRAYS = ("key_units", "key_offsets", "prefix_bits", "key_bits", "key_hashes", "key_order", "first_unit",
              "classes")

    def __init__(self, arrays: dict, meta: dict):
        self.key_units = arrays["key_units"]
        self.key_offsets = arrays["key_offsets"]
        self.prefix_bits = arrays["prefix_bits"]
        self.key_bits = arrays["key_bits"]
        self.key_hashes = arrays["key_hashes"]
        self.key_order = arrays["key_order"]
        self.first_unit = arrays["first_unit"]
        self.classes = arrays["classes"]
        self.base = int(meta["base"])
        self.prefix_shift = 64 - int(meta["prefix_bits"])
        self.key_shift = 64 - int(meta["key_bits"])
        self.longest = int(meta["longest"])
        self.meta = dict(meta)

    @classmethod
    def from_keys(cls, keys: list[str], classes) -> "PrefixScanner":
        import numpy as np

        joined = "".join(keys).encode("utf-16-le", "surrogatepass")
        units = np.frombuffer(joined, dtype=np.uint16)
        if len(units) == sum(map(len, keys)):
            lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
        else:
            lengths = np.array([len(k.encode("utf-16-le", "surrogatepass")) // 2 for k in keys], dtype=np.int64)
        offsets = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        return cls.from_units(units, offsets, classes)

    @classmethod
    def from_units(cls, units, offsets, classes) -> "PrefixScanner":
        """Build the tables for the keys held as one UTF-16 buffer and offsets (keys are distinct)."""
        import numpy as np

        lengths = np.diff(offsets)
        if len(lengths) and lengths.min() <= 0:
            raise ValueError("empty key")
        longest = int(lengths.max()) if len(lengths) else 0
        starts = np.repeat(offsets[:-1], lengths)
        position = np.arange(len(units), dtype=np.int64) - starts
        values = units.astype(np.uint64)
        for base in _BASES:
            powers = np.cumprod(np.full(max(longest, 1), base, dtype=np.uint64))
            powers = np.concatenate((np.ones(1, dtype=np.uint64), powers[:-1]))
            sums = np.cumsum(values * powers[position], dtype=np.uint64)
            before = np.concatenate((np.zeros(1, dtype=np.uint64), sums))[offsets[:-1]]
            prefixes = sums - np.repeat(before, lengths)
            key_hashes = prefixes[offsets[1:] - 1]
            order = np.argsort(key_hashes, kind="stable")
            ordered = key_hashes[order]
            if not len(ordered) or not (ordered[1:] == ordered[:-1]).any():
                break
        else:  # pragma: no cover - four 64-bit collisions in a row
            raise RuntimeError("hash collisions among gazetteer keys")
        # Sized for every prefix, shared ones counted again: sorting them out costs more than it saves.
        prefix_bits, key_bits = _bits_for(len(prefixes)), _bits_for(len(ordered))
        first = np.zeros(0x10000, dtype=bool)
        first[units[offsets[:-1]]] = True
        arrays = {
            "key_units": units, "key_offsets": offsets,
            "prefix_bits": _bit_table(_mix(prefixes) >> np.uint64(64 - prefix_bits), prefix_bits),
            "key_bits": _bit_table(_mix(ordered) >> np.uint64(64 - key_bits), key_bits),
            "key_hashes": ordered, "key_order": order.astype(np.int64), "first_unit": first,
            "classes": classes,
        }
        meta = {"base": base, "prefix_bits": prefix_bits, "key_bits": key_bits, "longest": longest}
        return cls(arrays, meta)

    def arrays(self) -> dict:
        return {name: getattr(self, name) for name in self.ARRAYS}

    def unit_hits(self, units):
        """(key index, start, end) arrays, in code units, of the keys found in folded UTF-16 `units`."""
        import numpy as np

        size = len(units)
        empty = np.zeros(0, dtype=np.int64)
        if not size:
            return empty, empty, empty
        can_start = self.first_unit[units]
        can_start[1:] &= (self.classes[units[:-1]] & _ALNUM) == 0
        starts = np.flatnonzero(can_start)
        hashes = np.zeros(len(starts), dtype=np.uint64)
        power = 1
        prefix_shift, key_shift = np.uint64(self.prefix_shift), np.uint64(self.key_shift)
        found_keys, found_starts, found_ends = [], [], []
        last_key = len(self.key_hashes) - 1
        for step in range(self.longest):
            if not len(starts):
                break
            ends = starts + step
            if ends[-1] >= size:
                inside = ends < size
                starts, hashes, ends = starts[inside], hashes[inside], ends[inside]
                if not len(starts):
                    break
            hashes = hashes + units[ends].astype(np.uint64) * np.uint64(power)
            power = power * self.base & 0xFFFFFFFFFFFFFFFF
            mixed = _mix(hashes)
            alive = _in_table(self.prefix_bits, mixed >> prefix_shift)
            if not alive.all():
                starts, hashes, mixed = starts[alive], hashes[alive], mixed[alive]
            maybe = np.flatnonzero(_in_table(self.key_bits, mixed >> key_shift))
            if len(maybe):
                wanted = hashes[maybe]
                slot = np.minimum(np.searchsorted(self.key_hashes, wanted), last_key)
                hit = self.key_hashes[slot] == wanted
                if hit.any():
                    found_keys.append(self.key_order[slot[hit]])
                    found_starts.append(starts[maybe[hit]])
                    found_ends.append(starts[maybe[hit]] + step + 1)
        if not found_keys:
            return empty, empty, empty
        keys, starts, ends = (np.concatenate(found_keys), np.concatenate(found_starts), np.concatenate(found_ends))
        same = self._same(units, keys, starts, ends)
        return keys[same], starts[same], ends[same]

    def _same(self, units, keys, starts, ends):
        """Which hits are the key itself, unit for unit (a hash says so only almost surely)."""
        import numpy as np

        lengths = ends - starts
        total = int(lengths.sum())
        first = np.repeat(np.cumsum(lengths) - lengths, lengths)
        step = np.arange(total, dtype=np.int64) - first
        equal = units[np.repeat(starts, lengths) + step] == self.key_units[np.repeat(self.key_offsets[keys], lengths)
                                                                          + step]
        return np.add.reduceat((~equal).astype(np.int32), np.cumsum(lengths) - lengths) == 0

    def find_matches_as_indexes(self, data: bytes, overlapping: bool = True) -> list[tuple[int, int, int]]:
        """The hits in UTF-16 bytes, as ahocorasick_rs gives them: (key index, byte start, byte end)."""
        import numpy as np

        keys, starts, ends = self.unit_hits(np.frombuffer(data, dtype=np.uint16))
        return list(zip(keys.tolist(), (starts * 2).tolist(), (ends * 2).tolist()))


# ---------------------------------------------------------------- compact tables, read lazily


class Strings(Sequence):
    """Strings kept as one buffer and offsets; each is decoded when asked for.

    The buffer is UTF-8 bytes, or (for the matcher's keys, which the scanner
    keeps as UTF-16 code units) any array whose `tobytes()` is in `encoding`.
    """

    def __init__(self, data, offsets, encoding: str = "utf-8"):
        self.data, self.offsets, self.encoding = data, offsets, encoding

    @classmethod
    def of(cls, strings: Iterable[str]) -> "Strings":
        import numpy as np

        encoded = [s.encode("utf-8", "surrogatepass") for s in strings]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)), out=offsets[1:])
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = int(index)
        if index < 0:
            index += len(self)
        piece = self.data[self.offsets[index]:self.offsets[index + 1]]
        return piece.tobytes().decode(self.encoding, "surrogatepass")


class _Memo(Sequence):
    """A sequence whose items are made on first use and kept (so `is` holds between uses)."""

    def __init__(self, size: int, make):
        self.size, self.make, self.made = size, make, {}

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, index):
        try:
            return self.made[index]
        except (KeyError, TypeError):
            pass
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.size))]
        index = int(index)
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError(index)
        item = self.made[index] = self.make(index)
        return item


def _entity_record(entity: Entity) -> bytes:
    forms = tuple((f.id, f.used_by, tuple(f.names.items()), f.since, f.until, f.note, f.rival, f.contested,
                   f.preferred_by, f.official_for) for f in entity.forms)
    g = entity.guards
    guards = (g.proper_case, tuple(sorted(g.not_after)), tuple(sorted(g.not_before)),
              tuple((what, tuple(near.to_json()), tuple(sentence.to_json())) for what, near, sentence in g.readings),
              tuple(g.near.to_json()),
              g.with_places)
    return marshal.dumps((entity.id, entity.kind, forms, entity.coords, entity.part_of, entity.notes,
                          entity.sources, guards, entity.origin, entity.homonyms, entity.contested))


def _entity_of(record: bytes) -> Entity:
    entity_id, kind, forms, coords, part_of, notes, sources, guards, origin, homonyms, contested = marshal.loads(record)
    return Entity(
        id=entity_id, kind=kind,
        forms=tuple(Form(id=f[0], used_by=f[1], names=dict(f[2]), since=f[3], until=f[4], note=f[5], rival=f[6],
                         contested=f[7], preferred_by=f[8], official_for=f[9])
                    for f in forms),
        coords=coords, part_of=part_of, notes=notes, sources=sources,
        guards=Guards(guards[0], frozenset(guards[1]), frozenset(guards[2]),
                      tuple((what, Words.of(near), Words.of(sentence)) for what, near, sentence in guards[3]),
                      Words.of(guards[4]),
                      tuple(guards[5])),
        origin=origin, homonyms=homonyms, contested=contested,
    )


class CompiledGazetteer(Gazetteer):
    """A `Gazetteer` read from the cache: entities are made from their records when asked for."""

    def __init__(self, records, record_offsets, ids: str, users: dict, paths: tuple[str, ...],
                 context: Context = Context(), proper_names=()):
        entities = _Memo(len(record_offsets) - 1,
                         lambda i: _entity_of(records[record_offsets[i]:record_offsets[i + 1]].tobytes()))
        object.__setattr__(self, "entities", entities)
        object.__setattr__(self, "users", users)
        object.__setattr__(self, "paths", paths)
        object.__setattr__(self, "context", context)
        object.__setattr__(self, "proper_names", tuple(proper_names))
        object.__setattr__(self, "_ids", ids)
        object.__setattr__(self, "_index", None)

    def _by_index(self) -> dict[str, int]:
        if self._index is None:
            object.__setattr__(self, "_index", {e: i for i, e in enumerate(self._ids.split("\n"))})
        return self._index

    def get(self, entity_id: str) -> Entity:
        return self.entities[self._by_index()[entity_id]]

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self._by_index()

    def __len__(self) -> int:
        return len(self.entities)

    def __repr__(self) -> str:
        return f"CompiledGazetteer({len(self)} entities from {', '.join(self.paths)})"

    __hash__ = object.__hash__


# ---------------------------------------------------------------- compiling and loading


def matcher_arrays(gazetteer: Gazetteer) -> tuple[dict, dict]:
    """(meta, arrays) of the matcher of `gazetteer`: keys, candidates as columns, per-key tables, scanner.

    The same keys, candidates (in the same order) and tables as `Matcher`
    builds for a small gazetteer, made with one pass in Python and numpy
    for the rest, without a Python object per candidate.
    """
    import numpy as np

    from .fold import fold_key
    from .inflect import inflected_keys, takes_suffix
    from .match import SCANNER_MIN_KEYS, _lang_rank, char_classes, district_cues, reading_cues

    key_ids: dict[str, int] = {}
    langs: dict[str, int] = {}
    forms: dict[str, int] = {}
    names: dict[str, int] = {}
    seen: set[tuple] = set()
    rows: list[tuple] = []
    for index, entity in enumerate(gazetteer.entities):
        for form in entity.forms:
            form_code = forms.setdefault(form.id, len(forms))
            for lang, spellings in form.names.items():
                lang_code = langs.setdefault(lang, len(langs))
                for spelling in spellings:
                    key = fold_key(spelling)
                    if not key:
                        continue
                    name_code = names.setdefault(spelling, len(names))
                    for variant in inflected_keys(key, lang):
                        row = (key_ids.setdefault(variant, len(key_ids)), index, form_code, lang_code, name_code,
                               variant != key, 0)
                        if row not in seen:
                            seen.add(row)
                            rows.append(row)
    from .derived import derived_spellings

    listed = len(key_ids)
    for index, form_id, lang, spelling in derived_spellings(gazetteer):
        key = fold_key(spelling)
        name_code = names.setdefault(spelling, len(names))
        for variant in inflected_keys(key, lang):
            code = key_ids.setdefault(variant, len(key_ids))
            if code >= listed:  # never a key a listed spelling has
                rows.append((code, index, forms.setdefault(form_id, len(forms)), langs.setdefault(lang, len(langs)),
                             name_code, variant != key, 1))
    del seen
    columns = np.array(rows, dtype=np.int64).reshape(-1, 7).T if rows else np.zeros((7, 0), dtype=np.int64)
    del rows
    key, entity, form, lang, name, inflected, derived = columns
    lang_list = list(langs)
    rank = np.array([_lang_rank(code) for code in lang_list], dtype=np.int64)
    # Per key: uninflected readings first, then by language preference, else in gazetteer order.
    order = np.lexsort((rank[lang] if len(lang) else lang, inflected, key))
    key, entity, form, lang, name = key[order], entity[order], form[order], lang[order], name[order]
    inflected = inflected[order].astype(bool)
    derived = derived[order].astype(bool)
    counts = np.bincount(key, minlength=len(key_ids))
    offsets = np.zeros(len(key_ids) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    heads = offsets[:-1]
    entities = gazetteer.entities
    proper_case = np.array([e.guards.proper_case for e in entities], dtype=bool)
    worded = np.array([e.guards.contextual for e in entities], dtype=bool)
    glued = np.array([takes_suffix(code) for code in lang_list], dtype=bool)
    after_apostrophe = np.array([takes_suffix(code, True) for code in lang_list], dtype=bool)
    keys = list(key_ids)
    pair = entity * max(len(forms), 1) + form

    def any_of(flags):
        return np.logical_or.reduceat(flags, heads) if len(heads) else flags[:0]

    tables = {
        "length": np.fromiter(map(len, keys), dtype=np.int64, count=len(keys)),
        "single": ~any_of(pair != np.repeat(pair[heads], counts)),
        "proper": any_of(proper_case[entity] | derived),
        "proper_all": (np.logical_and.reduceat(proper_case[entity] | derived, heads) if len(heads) else proper_case[:0]),
        "word_guarded": any_of(worded[entity]),
        "glue": any_of(~inflected & glued[lang]) | (any_of(~inflected & (lang == langs.get("tr", -1)))
                                                    & np.array([" " in k for k in keys], dtype=bool)),
        "checked": None,  # below, from the bits of `checks`
        "apostrophe": any_of(after_apostrophe[lang]),
        "guarded": any_of(proper_case[entity] | worded[entity] | derived),
    }
    checks = _needs_context(gazetteer, keys, key, entity, name, list(names), heads)
    tables["checked"] = checks != 0
    scanner = PrefixScanner.from_keys(keys, char_classes())
    name_strings = Strings.of(names)
    arrays = {
        **scanner.arrays(),
        "candidate_offsets": offsets, "candidate_entity": entity.astype(np.int32),
        "candidate_form": form.astype(np.int32), "candidate_lang": lang.astype(np.uint8),
        "candidate_name": name.astype(np.int32), "candidate_inflected": inflected,
        "candidate_derived": derived, "checks": checks,
        "names_data": name_strings.data, "names_offsets": name_strings.offsets,
        **{f"table_{k}": v for k, v in tables.items()},
    }
    meta = {"scanner": scanner.meta, "prefix_scan": len(keys) >= SCANNER_MIN_KEYS,
            "cues": reading_cues(gazetteer.entities), "district_cues": district_cues(gazetteer.context),
            "langs": lang_list, "forms": list(forms), "keys": len(keys)}
    return meta, arrays


def _needs_context(gazetteer: Gazetteer, keys: list[str], key, entity, name, name_list: list[str], heads):
    """`Matcher._needs_context` over the candidate columns: bits for demonyms, people's names, homonyms."""
    import numpy as np

    from .fold import fold_key
    from .match import CHECK_DEMONYM, CHECK_HOMONYM, CHECK_PERSON

    context = gazetteer.context
    checked = np.zeros(len(keys), dtype=np.uint8)
    if context.demonyms:
        demonyms = context.demonym_keys
        checked |= np.array([k in demonyms for k in keys], dtype=bool) * np.uint8(CHECK_DEMONYM)
    if context.people_names and len(name):
        people = np.array([fold_key(n) in context.people_names for n in name_list], dtype=bool)
        checked |= np.logical_or.reduceat(people[name], heads) * np.uint8(CHECK_PERSON)
    contextual = np.array([bool(e.guards.near or e.guards.with_places) for e in gazetteer.entities], dtype=bool)
    if contextual.any() and len(entity):
        several = np.logical_or.reduceat(entity != np.repeat(entity[heads], np.diff(np.append(heads, len(entity)))),
                                         heads)
        checked |= (several & np.logical_or.reduceat(contextual[entity], heads)) * np.uint8(CHECK_HOMONYM)
    return checked


def matcher_from_arrays(entities, meta: dict, arrays: dict, context: Context = Context()):
    """A `Matcher` over `entities` whose keys, candidates and readings are made from `arrays` when used."""
    from .match import Matcher, _Candidate

    matcher = Matcher.__new__(Matcher)
    matcher.entities = entities
    matcher.context = context
    scanner = PrefixScanner({k: arrays[k] for k in PrefixScanner.ARRAYS}, meta["scanner"])
    keys = Strings(scanner.key_units, scanner.key_offsets, "utf-16-le")
    langs, forms = meta["langs"], meta["forms"]
    names = Strings(arrays["names_data"], arrays["names_offsets"])
    offsets, entity, form = arrays["candidate_offsets"], arrays["candidate_entity"], arrays["candidate_form"]
    lang, name, inflected = arrays["candidate_lang"], arrays["candidate_name"], arrays["candidate_inflected"]
    derived = arrays["candidate_derived"]

    def candidates_of(index: int) -> tuple:
        span = range(int(offsets[index]), int(offsets[index + 1]))
        return tuple(_Candidate(int(entity[j]), forms[form[j]], langs[lang[j]], names[name[j]], bool(inflected[j]),
                                "transliterated" if derived[j] else "") for j in span)

    matcher.keys = keys
    matcher.candidates = _Memo(len(keys), candidates_of)
    matcher._lengths = arrays["table_length"]
    matcher._guarded = arrays["table_guarded"]
    matcher._checked = arrays["checks"]
    matcher._unambiguous = arrays["table_single"]
    matcher._fields = _Memo(len(keys), lambda i: matcher._reading(matcher.candidates[i][0], matcher.candidates[i]))
    matcher.__dict__["_tables"] = {
        **{k[len("table_"):]: v for k, v in arrays.items() if k.startswith("table_")},
        "classes": arrays["classes"],
    }
    matcher._compiled = (meta, arrays)
    matcher._cues = meta.get("cues") or {}
    matcher._district_cues = meta.get("district_cues") or {}
    matcher._cues_scanned = not meta["prefix_scan"]
    if meta["prefix_scan"]:
        matcher._scanner = scanner
    else:
        import ahocorasick_rs

        matcher._scanner = ahocorasick_rs.BytesAhoCorasick(
            [keys[i].encode("utf-16-le", "surrogatepass") for i in range(len(keys))]
            + [cue.encode("utf-16-le", "surrogatepass") for cue in [*matcher._cues, *matcher._district_cues]])
    return matcher


def compile_arrays(gazetteer: Gazetteer, matcher=None) -> tuple[dict, dict]:
    """(meta, arrays) that hold `gazetteer` and its matcher for the cache file."""
    import numpy as np

    meta, arrays = getattr(matcher, "_compiled", None) or matcher_arrays(gazetteer)
    records = [_entity_record(e) for e in gazetteer.entities]
    record_offsets = np.zeros(len(records) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, records), dtype=np.int64, count=len(records)), out=record_offsets[1:])
    arrays = {
        **arrays,
        "records": np.frombuffer(b"".join(records), dtype=np.uint8), "record_offsets": record_offsets,
        "ids": np.frombuffer("\n".join(e.id for e in gazetteer.entities).encode("utf-8"), dtype=np.uint8),
    }
    meta = {**meta, "users": gazetteer.users, "paths": list(gazetteer.paths), "entities": len(gazetteer.entities),
            "context": gazetteer.context.to_json(),
            "proper_names": [[p.id, p.kind, {k: list(v) for k, v in p.names.items()}, p.place, p.note]
                             for p in gazetteer.proper_names]}
    return meta, arrays


def from_arrays(meta: dict, arrays: dict):
    """(CompiledGazetteer, Matcher) over the arrays of a cache file, nothing materialised yet."""
    gazetteer = CompiledGazetteer(arrays["records"], arrays["record_offsets"],
                                  arrays["ids"].tobytes().decode("utf-8"), dict(meta["users"]), tuple(meta["paths"]),
                                  Context.from_json(meta.get("context")),
                                  [ProperName(i, k, {lang: tuple(v) for lang, v in n.items()}, pl, no)
                                   for i, k, n, pl, no in meta.get("proper_names", [])])
    matcher = matcher_from_arrays(gazetteer.entities, meta, arrays, gazetteer.context)
    object.__setattr__(gazetteer, "prebuilt_matcher", matcher)
    return gazetteer, matcher


# ---------------------------------------------------------------- the cache file


def _code_fingerprint() -> bytes:
    here = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT_VERSION} {sys.version_info[:2]} {sys.byteorder}".encode())
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.digest()


def cache_key(paths: list[Path]) -> str:
    """The cache file's name for these gazetteer files: a hash of their paths and contents, and of the code."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(_code_fingerprint())
    for path in paths:
        data = path.read_bytes()
        digest.update(f"{path}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()


def write_cache(path: Path, meta: dict, arrays: dict) -> None:
    """Write the arrays to `path` through a temporary file and a rename (readers see old or new, whole)."""
    import numpy as np

    layout, position = {}, 0
    chunks = []
    for name, array in arrays.items():
        array = np.ascontiguousarray(array)
        position = -(-position // _ALIGN) * _ALIGN
        layout[name] = [array.dtype.str, list(array.shape), position, array.nbytes]
        chunks.append((position, array))
        position += array.nbytes
    data_size = position
    checksum = 1
    header = {"format": FORMAT_VERSION, "meta": meta, "arrays": layout, "data_size": data_size}
    # The checksum covers the data as laid out (padding is zeros), then the header.
    padded = bytearray()
    for offset, array in chunks:
        if offset > len(padded):
            padded.extend(b"\0" * (offset - len(padded)))
        padded.extend(memoryview(array).cast("B"))
    checksum = zlib.adler32(padded)
    header["checksum"] = checksum
    encoded = json.dumps(header, ensure_ascii=False).encode("utf-8")
    start = -(-(len(_MAGIC) + 8 + len(encoded)) // _ALIGN) * _ALIGN
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + len(encoded).to_bytes(8, "little") + encoded)
            out.write(b"\0" * (start - out.tell()))
            out.write(padded)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class CorruptCache(Exception):
    """A cache file that cannot be used as it is."""


def read_cache(path: Path) -> tuple[dict, dict]:
    """(meta, arrays) of a cache file, the arrays viewing the file through mmap; CorruptCache if damaged."""
    import numpy as np

    try:
        with open(path, "rb") as file:
            view = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError) as exc:
        raise CorruptCache(str(exc)) from None
    try:
        if view[:len(_MAGIC)] != _MAGIC:
            raise CorruptCache("not a toponyms cache file")
        length = int.from_bytes(view[len(_MAGIC):len(_MAGIC) + 8], "little")
        header = json.loads(bytes(view[len(_MAGIC) + 8:len(_MAGIC) + 8 + length]))
        if header.get("format") != FORMAT_VERSION:
            raise CorruptCache("another format version")
        start = -(-(len(_MAGIC) + 8 + length) // _ALIGN) * _ALIGN
        if len(view) != start + header["data_size"]:
            raise CorruptCache("truncated")
        data = memoryview(view)[start:]
        if zlib.adler32(data) != header["checksum"]:
            raise CorruptCache("checksum mismatch")
        arrays = {}
        for name, (dtype, shape, offset, nbytes) in header["arrays"].items():
            count = nbytes // np.dtype(dtype).itemsize
            arrays[name] = np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(shape)
        return header["meta"], arrays
    except CorruptCache:
        raise
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise CorruptCache(f"unreadable header: {exc}") from None


def _prune(directory: Path, keep: Path) -> None:
    """Remove the cache files used least recently beyond CACHE_KEEP (never `keep`)."""
    try:
        files = sorted(directory.glob("matcher-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[CACHE_KEEP:]:
            if old != keep:
                old.unlink(missing_ok=True)
        for stale in directory.glob(".matcher-*.part"):
            if stale.stat().st_mtime < files[0].stat().st_mtime - 3600:
                stale.unlink(missing_ok=True)
    except (OSError, IndexError):
        pass


def load_matcher(paths: Iterable[str] | None = None, *, use_cache: bool | None = None,
                 directory: Path | None = None):
    """The gazetteer files (as `load` resolves them) and their `Matcher`: (Gazetteer, Matcher).

    Large gazetteers come from the cache when it holds them, and are put in
    it otherwise; `use_cache` forces the cache on (True) or off (False), by
    default it is used from CACHE_MIN_BYTES of gazetteer files on. A cache
    that cannot be written (read-only home) is not an error.
    """
    from .match import Matcher

    paths = list(paths) if paths is not None else None
    resolved = resolve_paths(paths)
    if use_cache is None:
        try:
            use_cache = sum(p.stat().st_size for p in resolved) >= CACHE_MIN_BYTES
        except OSError:
            use_cache = False  # a missing file: `load` says which
    if not use_cache:
        gazetteer = load(paths)
        return gazetteer, Matcher(gazetteer)
    try:
        key = cache_key(resolved)
    except OSError:
        gazetteer = load(paths)
        return gazetteer, Matcher(gazetteer)
    directory = directory or cache_dir()
    path = directory / f"matcher-{key}.bin"
    if path.exists():
        try:
            meta, arrays = read_cache(path)
            loaded = from_arrays(meta, arrays)
        except (CorruptCache, KeyError, ValueError, TypeError, IndexError, AttributeError):
            pass  # damaged or from another layout: built again below
        else:
            try:
                os.utime(path)
            except OSError:
                pass
            return loaded
    gazetteer = load(paths)
    matcher = Matcher(gazetteer)
    try:
        write_cache(path, *compile_arrays(gazetteer, matcher))
    except OSError:
        return gazetteer, matcher
    _prune(directory, path)
    return gazetteer, matcher


def load_gazetteer(paths: Iterable[str] | None = None) -> Gazetteer:
    """The gazetteer alone: read directly when small (no numpy, no matcher), else from the cache.

    A gazetteer from the cache carries its matcher: `Matcher(gazetteer)` and
    `name_index(gazetteer)` take it instead of building one.
    """
    resolved = resolve_paths(list(paths) if paths is not None else None)
    try:
        large = sum(p.stat().st_size for p in resolved) >= CACHE_MIN_BYTES
    except OSError:
        large = False
    if not large:
        return load(paths)
    return load_matcher(paths, use_cache=True)[0]


def name_index(gazetteer: Gazetteer, matcher=None):
    """An index for `lookup`: `NameIndex` for a gazetteer read directly, one over the cache's tables otherwise."""
    from .lookup import NameIndex

    matcher = matcher or getattr(gazetteer, "prebuilt_matcher", None)
    if isinstance(gazetteer, CompiledGazetteer) and matcher is not None:
        return CompiledNameIndex(gazetteer, matcher)
    index = NameIndex(gazetteer)
    if matcher is not None:
        index.__dict__["_matcher"] = matcher
    return index


class CompiledNameIndex:
    """`NameIndex` for a gazetteer from the cache: looks spellings up in the matcher's hash table."""

    def __init__(self, gazetteer: CompiledGazetteer, matcher):
        self.gazetteer, self.matcher = gazetteer, matcher

    def _key_index(self, key: str) -> int | None:
        import numpy as np

        scanner = self.matcher._scanner
        if not isinstance(scanner, PrefixScanner) or not key:
            keys = self.matcher.keys
            return next((i for i in range(len(keys)) if keys[i] == key), None)
        units = np.frombuffer(key.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
        found, starts, ends = scanner.unit_hits(units)
        whole = np.flatnonzero((starts == 0) & (ends == len(units)))
        return int(found[whole[0]]) if len(whole) else None

    def lookup(self, query: str) -> list[Entity]:
        """Entities with a spelling equal to `query` once folded (or that id), else those the query inflects."""
        from .fold import fold_key

        key = fold_key(query)
        chosen: set[int] = set()
        index = self._key_index(key)
        if index is not None:
            chosen.update(c.entity for c in self.matcher.candidates[index] if not c.inflected and not c.how)
        by_id = self.gazetteer._by_index()
        entity_id = key.replace(" ", "_")
        if entity_id in by_id:
            chosen.add(by_id[entity_id])
        if chosen:
            return [self.gazetteer.entities[i] for i in sorted(chosen)]
        words = " ".join(query.split())
        if key:
            mentions = self.matcher.find(words)
            if (len(mentions) == 1 and mentions[0].end - mentions[0].start == len(words)
                    and mentions[0].how != "transliterated"):
                return [self.gazetteer.get(mentions[0].entity_id)]
        return []

    def suggest(self, query: str, count: int = 5) -> list[str]:
        """Spellings close to `query`, among the keys that start with its letter and are about as long."""
        import difflib

        import numpy as np

        from .fold import fold_key

        key = fold_key(query)
        scanner = self.matcher._scanner
        if not key or not isinstance(scanner, PrefixScanner):
            return []
        lengths = np.diff(scanner.key_offsets)
        first = scanner.key_units[scanner.key_offsets[:-1]]
        near = np.flatnonzero((first == ord(key[0])) & (np.abs(lengths - len(key)) <= 2))[:200_000]
        keys = {self.matcher.keys[i]: int(i) for i in near}
        close = difflib.get_close_matches(key, list(keys), n=count, cutoff=0.7)
        spellings = []
        for found in close:
            candidates = self.matcher.candidates[keys[found]]
            if all(c.how for c in candidates):
                continue  # suggest what the gazetteer lists, not what rules derived
            spellings.append(next((c.name for c in candidates if not c.inflected), candidates[0].name))
        return list(dict.fromkeys(spellings))[:count]

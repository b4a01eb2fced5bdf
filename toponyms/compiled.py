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

An Aho-Corasick automaton has no flat form that could be read through mmap,
and building one for 500,000 keys took about 10 s (90 s for 3 million), so
large gazetteers are scanned by `PrefixScanner` instead: a name starts where a word starts, so the
scanner walks from every word start, hashing the text's prefixes there
(polynomial hashes modulo 2**64), drops a walk as soon as its prefix is no
key's prefix (a bit table), and reports the prefixes that are keys (a sorted
hash table, then an exact comparison). Its tables are built with numpy in a
second and kept in the cache file too.

Small gazetteers (the built-in one) are kept too, in another form: reading
and checking their YAML and building their matcher took most of a second of
every command's start-up. Once read, the `Gazetteer` is kept as a pickle
(`gazetteer-KEY.pickle`, what `lookup` needs) and so are the gazetteer and
the state of its `Matcher` (`matcher-KEY.pickle`, what `find` needs, its
Aho-Corasick automaton included: see toponyms/automaton.py), under the same kind of
key: a hash of the files' paths and bytes and of the code, so an edited
gazetteer is never served from an old file. A pickle is checked against its
length and CRC-32 before it is read; one that does not match is made again.

Where: $TOPONYMS_CACHE_DIR, else $XDG_CACHE_HOME/toponyms, else ~/.cache/toponyms.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import mmap
import os
import pickle
import sys
import zlib
from functools import cached_property
from pathlib import Path
from typing import Iterable

from .arrays import Memo, PrefixScanner
from .cachedir import cache_dir, prune, write_atomically
from .context import Context, Words
from .gazetteer import Entity, Form, Gazetteer, Guards, ProperName, load, resolve_paths

FORMAT_VERSION = 11  # 11: guards.with_its_region; 10: guards.another_place; 9: guards.with_another_name; 8: the readings that carry (guards.carried) in the entity records
# Gazetteer files smaller than this together are read directly: the cache would not pay.
CACHE_MIN_BYTES = 2 * 1024 * 1024
# Cache files kept; the least recently used beyond these are removed.
_MAGIC = b"TOPONYMS-MATCHER"
_ALIGN = 64
# Source files whose code (or data) decides what the cache holds: a change to any makes a new cache file.
_CODE = ("fold.py", "inflect.py", "gazetteer.py", "match.py", "automaton.py", "compiled.py", "context.py", "textlang.py",
         "derived.py", "translit.py", "arrays.py", "cues.py", "cues.yaml", "lookup.py")


def _entity_record(entity: Entity) -> bytes:
    forms = tuple((f.id, f.used_by, tuple(f.names.items()), f.since, f.until, f.note, f.rival, f.contested,
                   f.preferred_by, f.official_for, tuple(f.articles.items())) for f in entity.forms)
    g = entity.guards
    guards = (g.proper_case, tuple(sorted(g.not_after)), tuple(sorted(g.not_before)),
              tuple((what, tuple(near.to_json()), tuple(sentence.to_json())) for what, near, sentence in g.readings),
              tuple(g.near.to_json()),
              g.with_places, tuple(sorted(g.ordinary_word)), tuple(sorted(g.not_in_text_of)),
              tuple(sorted(g.ordinary_word_in)), tuple(sorted(g.listed_only)), tuple(sorted(g.not_spelled)),
              tuple(sorted(g.carried)), tuple(sorted(g.with_another_name)), tuple(sorted(g.another_place)),
              tuple(sorted(g.with_its_region)))
    return marshal.dumps((entity.id, entity.kind, forms, entity.coords, entity.part_of, entity.notes,
                          entity.sources, guards, entity.origin, entity.homonyms, entity.contested))


def _entity_of(record: bytes) -> Entity:
    entity_id, kind, forms, coords, part_of, notes, sources, guards, origin, homonyms, contested = marshal.loads(record)
    return Entity(
        id=entity_id, kind=kind,
        forms=tuple(Form(id=f[0], used_by=f[1], names=dict(f[2]), since=f[3], until=f[4], note=f[5], rival=f[6],
                         contested=f[7], preferred_by=f[8], official_for=f[9], articles=dict(f[10]))
                    for f in forms),
        coords=coords, part_of=part_of, notes=notes, sources=sources,
        guards=Guards(guards[0], frozenset(guards[1]), frozenset(guards[2]),
                      tuple((what, Words.of(near), Words.of(sentence)) for what, near, sentence in guards[3]),
                      Words.of(guards[4]),
                      tuple(guards[5]), frozenset(guards[6]), frozenset(tuple(pair) for pair in guards[7]),
                      frozenset(tuple(pair) for pair in guards[8]), frozenset(guards[9]),
                      frozenset(guards[10]), frozenset(guards[11]), frozenset(guards[12]),
                      another_place=frozenset(guards[13]), with_its_region=frozenset(guards[14])),
        origin=origin, homonyms=homonyms, contested=contested,
    )


class CompiledGazetteer(Gazetteer):
    """A `Gazetteer` read from the cache: entities are made from their records when asked for."""

    def __init__(self, records, record_offsets, ids: str, users: dict, paths: tuple[str, ...],
                 context: Context = Context(), proper_names=()):
        entities = Memo(len(record_offsets) - 1,
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


def compile_arrays(gazetteer: Gazetteer, matcher=None) -> tuple[dict, dict]:
    """(meta, arrays) that hold `gazetteer` and its matcher for the cache file."""
    import numpy as np

    from .match import matcher_arrays

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
    from .match import matcher_from_arrays

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
    head = _MAGIC + len(encoded).to_bytes(8, "little") + encoded
    write_atomically(path, head, b"\0" * (start - len(head)), padded)


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


def load_matcher(paths: Iterable[str] | None = None, *, use_cache: bool | None = None,
                 directory: Path | None = None):
    """The gazetteer files (as `load` resolves them) and their `Matcher`: (Gazetteer, Matcher).

    Large gazetteers come from the cache when it holds them, and are put in
    it otherwise; `use_cache` forces the cache on (True) or off (False), by
    default it is used from CACHE_MIN_BYTES of gazetteer files on, and
    smaller ones are kept as pickles (see the module's docstring). A cache
    that cannot be written (read-only home) is not an error.
    """
    from .match import Matcher

    paths = list(paths) if paths is not None else None
    resolved = resolve_paths(paths)
    if use_cache is False:
        gazetteer = load(paths)
        return gazetteer, Matcher(gazetteer)
    if use_cache is None:
        try:
            use_cache = sum(p.stat().st_size for p in resolved) >= CACHE_MIN_BYTES
        except OSError:
            use_cache = False  # a missing file: `load` says which
    if not use_cache:
        return _small_matcher(paths, resolved)
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
    prune(directory, path, "matcher-*.bin")
    return gazetteer, matcher


def load_gazetteer(paths: Iterable[str] | None = None) -> Gazetteer:
    """The gazetteer alone: when small, read directly or from its pickle (no numpy, no matcher), else from the cache.

    A gazetteer from the cache carries its matcher: `Matcher(gazetteer)` and
    `name_index(gazetteer)` take it instead of building one.
    """
    resolved = resolve_paths(list(paths) if paths is not None else None)
    try:
        large = sum(p.stat().st_size for p in resolved) >= CACHE_MIN_BYTES
    except OSError:
        large = False
    if not large:
        return _kept("gazetteer", paths, resolved, lambda: _with_name_tables(load(paths)))
    return load_matcher(paths, use_cache=True)[0]


def _with_name_tables(gazetteer: Gazetteer) -> Gazetteer:
    """`gazetteer` carrying the tables of `lookup.NameIndex`, so that its pickle keeps them too."""
    from .lookup import name_tables

    object.__setattr__(gazetteer, "_name_tables", name_tables(gazetteer, romanised=True))
    return gazetteer


# ---------------------------------------------------------------- small gazetteers: pickles

_HEADER_SIZE = 16  # `_kept_header`
_KEPT_MAGIC = b"TPK1"


def _kept_header(payload) -> bytes:
    """The 16 bytes before a kept pickle: a tag, the payload's length and its CRC-32.

    The file's name already says which files and code it was made from (`cache_key`); this only
    has to catch a file that was damaged or cut short, and CRC-32 does that at several GB/s where
    the blake2b it replaced cost 0.09 s of every `find` on the 57 MB matcher pickle.
    """
    return _KEPT_MAGIC + len(payload).to_bytes(8, "little") + zlib.crc32(payload).to_bytes(4, "little")


def _kept(kind: str, paths, resolved: list[Path], make, settings: str = ""):
    """`make()`, kept as a pickle in the cache directory under `kind` and the files' `cache_key`.

    A file that cannot be read, is damaged (its hash does not match) or does
    not unpickle is made again; a cache that cannot be written is no error.
    A gazetteer with problems raises from `make()` and is never kept.
    `settings` are the values, beside the code and the files, that decide
    what `make()` returns (the limits a test may lower).
    """
    try:
        key = cache_key(resolved)
        if settings:
            key = hashlib.blake2b(f"{key} {settings}".encode(), digest_size=20).hexdigest()
    except OSError:
        return make()  # a missing or unreadable file: `load` says which
    directory = cache_dir()
    path = directory / f"{kind}-{key}.pickle"
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    if data is not None and _kept_header(memoryview(data)[_HEADER_SIZE:]) == data[:_HEADER_SIZE]:
        import gc

        collecting = gc.isenabled()
        gc.disable()  # tens of thousands of small objects, none in a cycle: the collector only slows them
        try:
            return pickle.loads(memoryview(data)[_HEADER_SIZE:])
        except Exception:  # noqa: BLE001 - a damaged or outdated pickle can fail in any way: make it again
            pass
        finally:
            if collecting:
                gc.enable()
    value = make()
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return value  # something that cannot be kept (a matcher of flat arrays): made every time
    try:
        write_atomically(path, _kept_header(payload), payload)
    except OSError:
        return value
    prune(directory, path, f"{kind}-*.pickle")
    return value


def _matcher_settings() -> str:
    """The limits, beside code and files, that decide what a matcher holds (tests lower them)."""
    from . import derived, match

    return " ".join(map(str, (match.SCANNER_MIN_KEYS, match.SIBLINGS_MAX_ENTITIES, derived.DERIVE_MAX_SPELLINGS,
                              derived.MIN_LENGTH)))


def _small_matcher(paths, resolved: list[Path]):
    """(Gazetteer, Matcher) of a small gazetteer, both kept as a pickle (the automaton made again)."""
    from .match import Matcher

    def make():
        gazetteer = load(paths)
        matcher = Matcher(gazetteer)
        # What `find` works out on first use from the matcher alone (the tables of its numpy path,
        # towns and their districts) is worked out now and kept too; not the typo index (--fuzzy only).
        for name, value in vars(Matcher).items():
            if isinstance(value, cached_property) and name not in ("_deletions", "_suffix_memo"):
                getattr(matcher, name)
        state = dict(matcher.__dict__)  # the automaton too: it pickles (toponyms/automaton.py)
        # The Mention fields of every key's first reading are made on first use instead (`_lazy_fields`):
        # unpickling all of them cost 0.08 s of every `find`, a text hits a few thousand keys.
        if isinstance(state.get("_fields"), list):
            del state["_fields"]
        # The candidates as plain tuples, each key's turned into named tuples on first use
        # (`_lazy_candidates`): 240,000 named tuples took 0.2-0.3 s of every `find` to unpickle,
        # plain tuples a third of that.
        if isinstance(state.get("candidates"), list):
            state["_plain_candidates"] = [tuple(map(tuple, choices)) for choices in state.pop("candidates")]
        return gazetteer, state

    gazetteer, state = _kept("matcher", paths, resolved, make, _matcher_settings())
    if "_compiled" in state:  # built into flat arrays (a test lowered SCANNER_MIN_KEYS): not this path
        gazetteer = load(paths)
        return gazetteer, Matcher(gazetteer)
    matcher = Matcher.__new__(Matcher)
    matcher.__dict__.update(state)
    if "_plain_candidates" in state:
        _lazy_candidates(matcher, matcher.__dict__.pop("_plain_candidates"))
    if "_fields" not in state:
        _lazy_fields(matcher)
    return gazetteer, matcher


def _lazy_candidates(matcher, plain: list[tuple[tuple, ...]]) -> None:
    """`matcher.candidates` as a `Memo` over their plain tuples: each key's made on first use (and kept,
    so that `is` holds between uses as it does for the list `Matcher.__init__` makes)."""
    from .match import _Candidate

    new = tuple.__new__
    matcher.candidates = Memo(len(plain), lambda i: tuple([new(_Candidate, c) for c in plain[i]]))


def _lazy_fields(matcher) -> None:
    """`matcher._fields` (what `Matcher.__init__` lists for every key) as a `Memo`: made on first use."""
    candidates, reading = matcher.candidates, matcher._reading
    matcher._fields = Memo(len(candidates), lambda i: reading(candidates[i][0], candidates[i]))


def name_index(gazetteer: Gazetteer, matcher=None):
    """An index for `lookup`: `NameIndex` for a gazetteer read directly, one over the cache's tables otherwise."""
    from .lookup import NameIndex

    matcher = matcher or getattr(gazetteer, "prebuilt_matcher", None)
    if isinstance(gazetteer, CompiledGazetteer) and matcher is not None:
        return CompiledNameIndex(gazetteer, matcher)
    index = NameIndex(gazetteer)
    if matcher is not None:
        index._matcher = matcher
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

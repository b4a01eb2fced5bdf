"""Flat tables a large matcher reads lazily: the prefix scanner, strings in one buffer, memos.

They are what the on-disk cache keeps (`toponyms.compiled`) and what `toponyms.match`
builds for a large gazetteer; this module knows neither, so both can import it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Iterable

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
        """The hits in UTF-16 bytes (the interface of a byte automaton): (key index, byte start, byte end)."""
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


class Memo(Sequence):
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

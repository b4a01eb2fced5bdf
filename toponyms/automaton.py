"""An Aho-Corasick automaton over the matcher's folded keys that is built once and kept in the cache.

`find` starts by scanning the folded text for every key (every spelling and
case form: about 86,000 for the built-in gazetteer) in one pass. The
automaton is pyahocorasick's (a C extension, BSD-licensed, maintained since
2011): on those keys it builds in about 0.13 s, scans the eight-language news
text of bench/bench_find.py more than twice as fast as ahocorasick_rs's
contiguous NFA over UTF-16 code units (which this replaced), reports offsets
in code points of the str it is given (no byte offsets to convert back, no
odd offsets to drop), and, above all, it can be pickled: the cache keeps it
with the rest of the matcher (see toponyms/compiled.py), so a command loads
it in a few hundredths of a second instead of building it again (a third of
a second, every run). Measured in bench/bench_startup.py and
bench/bench_find.py.

>>> automaton = KeyAutomaton(["шуша", "шушу", "шуш", "ханкенди"])
>>> automaton.matches("в шушу и ханкенди")
[(2, 2, 5), (1, 2, 6), (3, 9, 17)]
"""

from __future__ import annotations

from itertools import chain


class KeyAutomaton:
    """Every occurrence of any of `patterns` in a text: (pattern index, start, end), overlapping ones too.

    A pattern given twice is reported under each of its indexes (the matcher's
    keys and its cue words may share a string).
    """

    def __init__(self, patterns: list[str]):
        import ahocorasick

        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        first: dict[str, int] = {}
        also: dict[int, list[int]] = {}
        for index, pattern in enumerate(patterns):
            if not pattern:
                continue  # an empty pattern matches nothing
            if pattern in first:
                also.setdefault(first[pattern], []).append(index)
                continue
            first[pattern] = index
            automaton.add_word(pattern, index)
        if first:
            automaton.make_automaton()
        self._automaton = automaton if first else None
        self._lengths = [len(pattern) for pattern in patterns]
        self._also = {index: tuple(others) for index, others in also.items()}

    def __len__(self) -> int:
        return len(self._lengths)

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """(pattern index, start, end) of every occurrence in `text`, by end (offsets in code points)."""
        if self._automaton is None:
            return []
        lengths, also = self._lengths, self._also
        found = [(index, last + 1 - lengths[index], last + 1) for last, index in self._automaton.iter(text)]
        if also:
            found += [(other, start, end) for index, start, end in found for other in also.get(index, ())]
            found.sort(key=lambda hit: hit[2])
        return found

    def arrays(self, text: str):
        """(pattern indexes, ends) of every occurrence in `text` as numpy int64 arrays (ends exclusive)."""
        import numpy as np

        if self._automaton is None:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        pairs = np.fromiter(chain.from_iterable(self._automaton.iter(text)), dtype=np.int64)
        ends, indexes = pairs[0::2] + 1, pairs[1::2]
        if self._also:
            extra = [(other, end) for index, end in zip(indexes.tolist(), ends.tolist())
                     for other in self._also.get(index, ())]
            if extra:
                more = np.array(extra, dtype=np.int64)
                indexes, ends = np.concatenate((indexes, more[:, 0])), np.concatenate((ends, more[:, 1]))
        return indexes, ends

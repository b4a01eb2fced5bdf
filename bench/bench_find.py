"""How fast `toponyms find` scans text, against a plain `re` alternation and flashtext over the same names.

Run: python bench/bench_find.py [MEGABYTES]   (default 20)
All three see the same keys (every spelling and Russian case form, folded);
the toponyms figure includes folding, boundary, suffix and guard checks.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import best_of, multilingual_text, sparse_text  # noqa: E402

from toponyms.fold import fold_fast  # noqa: E402
from toponyms.gazetteer import load  # noqa: E402
from toponyms.match import Matcher  # noqa: E402


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 20
    text = multilingual_text(int(megabytes * 1e6))
    size = len(text.encode("utf-8")) / 1e6
    matcher = Matcher(load())
    print(f"text: {size:.1f} MB of UTF-8 in en, az, hy, ru, tr, fr, de, es; {len(matcher)} folded keys")

    seconds, mentions = best_of(5, lambda: matcher.find(text))
    ours = size / seconds
    print(f"toponyms find      {ours:8.1f} MB/s  ({len(mentions)} mentions, {seconds:.2f} s)")

    # The baselines get a slice (they are slow) and are timed on folded text, folding not counted.
    sample = text[: len(text) // 10]
    sample_mb = len(sample.encode("utf-8")) / 1e6
    folded = fold_fast(sample)
    keys = sorted(matcher.keys, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")
    seconds, hits = best_of(1, lambda: pattern.findall(folded))
    regex = sample_mb / seconds
    print(f"re alternation     {regex:8.1f} MB/s  ({len(hits)} hits on {sample_mb:.1f} MB)")

    try:
        from flashtext import KeywordProcessor
    except ImportError:
        flash = None
        print("flashtext          not installed (pip install flashtext)")
    else:
        processor = KeywordProcessor(case_sensitive=True)
        for key in keys:
            processor.add_keyword(key)
        seconds, hits = best_of(1, lambda: processor.extract_keywords(folded, span_info=True))
        flash = sample_mb / seconds
        print(f"flashtext          {flash:8.1f} MB/s  ({len(hits)} hits on {sample_mb:.1f} MB)")

    sparse = sparse_text(int(megabytes * 1e6))
    sparse_mb = len(sparse.encode("utf-8")) / 1e6
    seconds, found = best_of(5, lambda: matcher.find(sparse))
    print(f"toponyms find      {sparse_mb / seconds:8.1f} MB/s  on {sparse_mb:.1f} MB where one paragraph in ten "
          f"names a place ({len(found)} mentions)")
    print(f"toponyms / re        {ours / regex:6.1f}x")
    if flash:
        print(f"toponyms / flashtext {ours / flash:6.1f}x")
    print(f"goal 20 MB/s on the dense text: {'met' if ours >= 20 else 'NOT met'}")


if __name__ == "__main__":
    main()

"""How fast `toponyms find` scans text, through the CLI as users run it and as a library,
against a plain `re` alternation and flashtext over the same names, in the same run.

Run: python bench/bench_find.py [MEGABYTES] [news] [synthetic]   (default 20, both texts)

Two texts:
- news: dense real-news sentences in eight languages (`corpus.news_text`, from the
  recognition set's dev split: equal bytes per language, many inflected Russian,
  Armenian and Azerbaijani forms), the text of issue 14's goal: `toponyms find FILE
  --json` at 20 MB/s or more, 20x the `re` alternation or more, the table within 2x
  the JSON time, and linear in size; and the same text as a directory of
  article-sized files, as batch users run it;
- synthetic: the seed article and the project's own sentences, and a sparse variant.

All see the same keys (every spelling and case form, folded); the toponyms figures
include folding, boundary, suffix, guard and context checks (and for the CLI, start-up,
reading the file and writing the output). The baselines are timed on folded text,
folding not counted, on a tenth of the text (they are slow).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import best_of, multilingual_text, news_text, sparse_text  # noqa: E402

from toponyms.fold import fold_fast  # noqa: E402
from toponyms.gazetteer import load  # noqa: E402
from toponyms.match import Matcher  # noqa: E402


def megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def baselines(matcher: Matcher, text: str) -> tuple[float, float | None]:
    """MB/s of a `re` alternation and of flashtext over the folded keys, on a tenth of `text`."""
    sample = text[: len(text) // 10]
    sample_mb = megabytes(sample)
    folded = fold_fast(sample)
    keys = sorted(matcher.keys, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")
    seconds, hits = best_of(1, lambda: pattern.findall(folded))
    regex = sample_mb / seconds
    print(f"  re alternation       {regex:8.2f} MB/s  ({len(hits)} hits on {sample_mb:.1f} MB)")
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        print("  flashtext            not installed (pip install flashtext)")
        return regex, None
    processor = KeywordProcessor(case_sensitive=True)
    for key in keys:
        processor.add_keyword(key)
    seconds, hits = best_of(1, lambda: processor.extract_keywords(folded, span_info=True))
    flash = sample_mb / seconds
    print(f"  flashtext            {flash:8.2f} MB/s  ({len(hits)} hits on {sample_mb:.1f} MB)")
    return regex, flash


def cli_seconds(path: str, *options: str, runs: int = 3) -> tuple[float, float, int]:
    """Best wall time and best CPU time (user + system) of `toponyms find PATH OPTIONS` as a
    subprocess, output to a file; and its lines."""
    toponyms = shutil.which("toponyms") or str(Path(sys.executable).parent / "toponyms")
    cpu_times = []
    with tempfile.TemporaryFile() as out:
        def run():
            out.seek(0)
            out.truncate()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([toponyms, "find", path, *options], stdout=out, check=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        seconds, _ = best_of(runs, run)
        out.seek(0)
        lines = sum(1 for _ in out)
    return seconds, min(cpu_times), lines


def write_articles(text: str, directory: str, size: int = 4000) -> int:
    """`text` cut at line breaks into files of about `size` bytes (a news article's length) in `directory`."""
    os.makedirs(directory)
    count, lines, length = 0, [], 0
    for line in text.splitlines(keepends=True):
        lines.append(line)
        length += len(line.encode("utf-8"))
        if length >= size:
            Path(directory, f"{count:05d}.txt").write_text("".join(lines), encoding="utf-8")
            count, lines, length = count + 1, [], 0
    if lines:
        Path(directory, f"{count:05d}.txt").write_text("".join(lines), encoding="utf-8")
        count += 1
    return count


def news(size: float, matcher: Matcher) -> None:
    text = news_text(int(size * 1e6))
    size_mb = megabytes(text)
    print(f"news: {size_mb:.1f} MB of dense real-news sentences, eight languages, equal bytes each")
    seconds, mentions = best_of(3, lambda: matcher.find(text))
    library = size_mb / seconds
    library_cpu, _ = best_of(1, lambda: matcher.find(text), clock=time.process_time)
    print(f"  library Matcher.find {library:8.2f} MB/s  ({len(mentions)} mentions, "
          f"{len(mentions) / size_mb:.0f} per MB, {seconds:.2f} s; {size_mb / library_cpu:.2f} MB/s of CPU time)")
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "news.txt")
        quarter = os.path.join(directory, "quarter.txt")
        Path(path).write_text(text, encoding="utf-8")
        Path(quarter).write_text(news_text(int(size * 1e6 / 4)), encoding="utf-8")
        json_seconds, json_cpu, lines = cli_seconds(path, "--json")
        json_rate = size_mb / json_seconds
        print(f"  CLI find --json      {json_rate:8.2f} MB/s  ({lines} lines, {json_seconds:.2f} s; "
              f"{size_mb / json_cpu:.2f} MB/s of CPU time)")
        table_seconds, table_cpu, lines = cli_seconds(path)
        table_rate = size_mb / table_seconds
        print(f"  CLI find (table)     {table_rate:8.2f} MB/s  ({lines} lines, {table_seconds:.2f} s; "
              f"{size_mb / table_cpu:.2f} MB/s of CPU time)")
        articles = os.path.join(directory, "articles")
        count = write_articles(text, articles)
        batch_seconds, batch_cpu, _ = cli_seconds(articles, "--json")
        print(f"  CLI find --json      {size_mb / batch_seconds:8.2f} MB/s  over a directory of {count} article-sized "
              f"files, the batch case ({size_mb / batch_cpu:.2f} MB/s of CPU time)")
        cores = os.cpu_count() or 1
        parallel_seconds, _, _ = cli_seconds(articles, "--json", "-j", "0")
        print(f"  CLI find --json -j 0 {size_mb / parallel_seconds:8.2f} MB/s  over the same directory, one worker "
              f"per core ({cores} cores: {batch_seconds / parallel_seconds:.2f}x one worker)")
        quarter_seconds, quarter_cpu, _ = cli_seconds(quarter, "--json")
        quarter_mb = megabytes(Path(quarter).read_text(encoding="utf-8"))
        print(f"  CLI find --json      {quarter_mb / quarter_seconds:8.2f} MB/s  on a quarter of the text "
              f"({quarter_mb / quarter_cpu:.2f} MB/s of CPU time; linear: the same or less)")
    regex, flash = baselines(matcher, text)
    print(f"  CLI JSON / re        {json_rate / regex:8.1f}x   (goal 20x)")
    if flash:
        print(f"  CLI JSON / flashtext {json_rate / flash:8.1f}x")
    print(f"  library / re         {library / regex:8.1f}x")
    print(f"  table time / JSON    {table_seconds / json_seconds:8.2f}    (goal 2 or less; "
          f"{table_cpu / json_cpu:.2f} in CPU time)")
    met = json_rate >= 20 and json_rate / regex >= 20 and table_seconds <= 2 * json_seconds
    print(f"  goal (CLI JSON 20 MB/s and 20x re, table within 2x): {'met' if met else 'NOT met'}")


def synthetic(size: float, matcher: Matcher) -> None:
    text = multilingual_text(int(size * 1e6))
    size_mb = megabytes(text)
    print(f"synthetic: {size_mb:.1f} MB, the seed article and the project's own sentences in eight languages")
    seconds, mentions = best_of(5, lambda: matcher.find(text))
    ours = size_mb / seconds
    print(f"  library Matcher.find {ours:8.2f} MB/s  ({len(mentions)} mentions, {seconds:.2f} s)")
    regex, flash = baselines(matcher, text)
    sparse = sparse_text(int(size * 1e6))
    sparse_mb = megabytes(sparse)
    seconds, found = best_of(5, lambda: matcher.find(sparse))
    print(f"  library Matcher.find {sparse_mb / seconds:8.2f} MB/s  on {sparse_mb:.1f} MB where one paragraph in ten "
          f"names a place ({len(found)} mentions)")
    print(f"  library / re         {ours / regex:8.1f}x")
    if flash:
        print(f"  library / flashtext  {ours / flash:8.1f}x")


def main() -> None:
    size = float(sys.argv[1]) if len(sys.argv) > 1 else 20
    which = sys.argv[2:] or ["news", "synthetic"]
    matcher = Matcher(load())
    print(f"{len(matcher)} folded keys")
    if "news" in which:
        news(size, matcher)
    if "synthetic" in which:
        synthetic(size, matcher)


if __name__ == "__main__":
    main()

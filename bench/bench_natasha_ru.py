"""Would natasha's Russian NER pay as a person filter? Measured on the dev split only.

Run: python bench/bench_natasha_ru.py   (needs `pip install natasha`; not a dependency)
For every hit of `find` on bench/recognition/dev/ru.txt that a natasha PER span overlaps, it
says whether dropping the hit would remove a false hit (gain) or a true one (cost), and how
long natasha takes against `find` on the same sentences.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from recognition_set import read_file  # noqa: E402

from toponyms.gazetteer import load  # noqa: E402
from toponyms.match import Matcher  # noqa: E402


def main() -> None:
    try:
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:
        sys.exit("Error: natasha is not installed (pip install natasha)")
    sentences = read_file(HERE / "recognition" / "dev" / "ru.txt", "ru", "dev")
    matcher = Matcher(load())
    started = time.perf_counter()
    hits = [matcher.find(s.text, lang="ru") for s in sentences]
    find_seconds = time.perf_counter() - started
    started = time.perf_counter()
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    people = []
    for sentence in sentences:
        doc = Doc(sentence.text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        people.append([(s.start, s.stop) for s in doc.spans if s.type == "PER"])
    ner_seconds = time.perf_counter() - started
    gain = cost = 0
    for sentence, found, spans in zip(sentences, hits, people):
        for hit in found:
            if any(a < hit.end and hit.start < b for a, b in spans):
                true = any(g.start < hit.end and hit.start < g.end and g.entity_id == hit.entity_id
                           for g in sentence.gold)
                cost, gain = cost + true, gain + (not true)
    print(f"ru dev: {len(sentences)} sentences; find {find_seconds * 1000:.0f} ms; natasha models "
          f"{load_seconds:.2f} s, NER {ner_seconds * 1000:.0f} ms ({ner_seconds / find_seconds:.0f}x find)")
    print(f"hits under a PER span: false hits removed {gain}, true hits removed {cost}")


if __name__ == "__main__":
    main()

"""How many places `find` recognises in annotated real-news sentences, against a plain glossary.

Run: python bench/bench_recognition.py [--split dev|heldout|all] [--part vN] [--gazetteer PATH]
                                        [--show dev] [--json]

For every language and split (bench/recognition/<split>/<lang>.txt): the
number of gold places, then recall, precision and F1 of the library's
`Matcher(load()).find` and, computed in the same run, of a plain glossary:
every gazetteer spelling matched case- and diacritic-insensitively as a whole
word by one `re` alternation, with no inflection, no guards and no context,
each spelling giving its (first) entity. A predicted mention counts when its
span overlaps a gold span of the same entity; the exact figures ask for the
same span too. Errors are also counted per `# class:` tag. `--show dev` lists
the misses and false hits of the dev split; held-out sentences are never
printed, so that nobody tunes to them.

`--part v5` keeps only one part of the held-out split (repeatable; see
recognition_set.py): each part was written blind at its own time, so the
newest says most about text the project has never seen.

`--by page` runs `find` once per page instead of once per sentence: the
sentences of one `# source:` joined as paragraphs of one text, the way users
run whole articles, so that the rules that read the rest of the article (a
surname the text gave a person, a homonym settled by the other places) count.
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
import sys
from bisect import bisect_right
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from recognition_set import LANGS, ROOT, SPLITS, RecognitionSetError, Tally, read_set, score  # noqa: E402

from toponyms.fold import fold, fold_key  # noqa: E402
from toponyms.gazetteer import GazetteerError, load  # noqa: E402
from toponyms.match import Matcher  # noqa: E402

SYSTEMS = ("tool", "glossary")


class Glossary:
    """The baseline: one whole-word `re` alternation over every folded spelling."""

    def __init__(self, gazetteer):
        entity_of: dict[str, str] = {}
        for entity in gazetteer.entities:
            for form in entity.forms:
                for _, spelling in form.spellings():
                    key = fold_key(spelling)
                    if key:
                        entity_of.setdefault(key, entity.id)
        self.entity_of = entity_of
        # Longest first, so that "nagorno karabakh" wins over "karabakh" at the same start.
        keys = sorted(entity_of, key=len, reverse=True)
        alternation = "|".join(r"\s+".join(map(re.escape, key.split(" "))) for key in keys)
        self.pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")

    def find(self, text: str) -> list[tuple[int, int, str]]:
        folded = fold(text)
        return [(m.start(), m.end(), self.entity_of[fold_key(m.group(0))]) for m in self.pattern.finditer(folded)]


def tool_finder(matcher: Matcher, fuzzy: bool = False):
    """find(text, lang) -> spans; the language goes to `Matcher.find` only if it takes one."""
    parameters = inspect.signature(matcher.find).parameters
    keyword = next((name for name in ("lang", "language", "doc_lang") if name in parameters), None)
    extra = {"fuzzy": True} if fuzzy else {}

    def find(text: str, lang: str) -> list[tuple[int, int, str]]:
        mentions = matcher.find(text, **{keyword: lang}, **extra) if keyword else matcher.find(text, **extra)
        return [(m.start, m.end, m.entity_id) for m in mentions]

    return find, keyword


def by_page(find):
    """`find` over whole pages: find(sentences) -> one list of spans per sentence, each page's sentences
    (those of one split, language and source, in order) joined by line breaks and searched once."""

    def find_pages(sentences) -> list[list[tuple[int, int, str]]]:
        pages = defaultdict(list)
        for number, sentence in enumerate(sentences):
            pages[sentence.split, sentence.lang, sentence.source].append(number)
        spans: list = [[] for _ in sentences]
        for (_, lang, _), numbers in pages.items():
            starts, offset = [], 0
            for number in numbers:
                starts.append(offset)
                offset += len(sentences[number].text) + 1
            text = "\n".join(sentences[number].text for number in numbers)
            for start, end, entity_id in find(text, lang):
                k = bisect_right(starts, start) - 1
                spans[numbers[k]].append((start - starts[k], end - starts[k], entity_id))
        return spans

    return find_pages


def evaluate(sentences, finders, page_finders=None) -> dict:
    """(system, split, lang) and (system, split, tag) -> Tally; with `page_finders`, each system's spans
    come from its finder over whole pages (`by_page`)."""
    by_lang: dict = defaultdict(Tally)
    by_tag: dict = defaultdict(Tally)
    paged = {system: find(sentences) for system, find in (page_finders or {}).items()}
    for number, sentence in enumerate(sentences):
        for system, find in finders.items():
            spans = paged[system][number] if system in paged else find(sentence.text, sentence.lang)
            tally = score(sentence, spans)
            by_lang[system, sentence.split, sentence.lang].add(tally)
            by_lang[system, sentence.split, "all"].add(tally)
            by_tag[system, sentence.split, sentence.tag or "(untagged)"].add(tally)
    return {"by_lang": by_lang, "by_tag": by_tag}


def _lang_order(lang: str) -> int:
    return LANGS.index(lang) if lang in LANGS else len(LANGS)


def report_json(results, splits, keyword) -> dict:
    out = {"find_language_argument": keyword, "languages": [], "classes": []}
    rows = defaultdict(dict)
    for (system, split, lang), tally in results["by_lang"].items():
        rows[split, lang]["split"], rows[split, lang]["lang"] = split, lang
        rows[split, lang]["sentences"], rows[split, lang]["gold"] = tally.sentences, tally.gold
        rows[split, lang][system] = {**tally.figures(), "predicted": tally.predicted,
                                     "exact": tally.figures(exact=True)}
    out["languages"] = [rows[k] for k in sorted(rows, key=lambda k: (splits.index(k[0]), _lang_order(k[1])))]
    for (system, split, tag), tally in sorted(results["by_tag"].items(), key=lambda i: (i[0][1], i[0][2], i[0][0])):
        out["classes"].append({"system": system, "split": split, "class": tag, "sentences": tally.sentences,
                               "gold": tally.gold, "misses": len(tally.misses),
                               "false_hits": len(tally.false_hits)})
    return out


def print_report(results, splits, keyword) -> None:
    call = f"find(text, {keyword}=lang)" if keyword else "find(text)"
    print(f"tool: Matcher(load()).{call}; glossary: plain whole-word spellings, one re alternation")
    print("R/P/F1: a hit overlapping a gold span of the same entity; exact: the same span too\n")
    header = (f"{'split':8} {'lang':4} {'sents':>5} {'gold':>5} | {'tool R':>6} {'P':>5} {'F1':>5} "
              f"{'exact R':>7} {'P':>5} | {'gloss R':>7} {'P':>5} {'F1':>5} {'exact R':>7} {'P':>5}")
    print(header)
    print("-" * len(header))
    by_lang = results["by_lang"]
    keys = sorted({(split, lang) for _, split, lang in by_lang},
                  key=lambda k: (splits.index(k[0]), k[1] == "all", _lang_order(k[1])))
    for split, lang in keys:
        tool, gloss = by_lang["tool", split, lang], by_lang["glossary", split, lang]
        t, te, g, ge = tool.figures(), tool.figures(True), gloss.figures(), gloss.figures(True)
        print(f"{split:8} {lang:4} {tool.sentences:5d} {tool.gold:5d} | "
              f"{t['recall']:6.3f} {t['precision']:5.3f} {t['f1']:5.3f} {te['recall']:7.3f} {te['precision']:5.3f} | "
              f"{g['recall']:7.3f} {g['precision']:5.3f} {g['f1']:5.3f} {ge['recall']:7.3f} {ge['precision']:5.3f}")
    print("\nerrors per class (misses / false hits)")
    by_tag = results["by_tag"]
    tags = sorted({(split, tag) for _, split, tag in by_tag}, key=lambda k: (splits.index(k[0]), k[1]))
    print(f"{'split':8} {'class':32} {'sents':>5} {'gold':>5} | {'tool':>9} | {'glossary':>9}")
    for split, tag in tags:
        tool, gloss = by_tag["tool", split, tag], by_tag["glossary", split, tag]
        print(f"{split:8} {tag:32} {tool.sentences:5d} {tool.gold:5d} | "
              f"{len(tool.misses):4d}/{len(tool.false_hits):<4d} | {len(gloss.misses):4d}/{len(gloss.false_hits):<4d}")


def _where(sentence) -> str:
    return f"{sentence.split}/{Path(sentence.path).name}:{sentence.line}"


def print_errors(results) -> None:
    """Misses and false hits of the tool on the dev split, sentence by sentence."""
    print("\ntool errors on dev")
    for (system, split, lang), tally in sorted(results["by_lang"].items(), key=lambda i: _lang_order(i[0][2])):
        if system != "tool" or split != "dev" or lang == "all":
            continue
        for sentence, gold in tally.misses:
            print(f"MISS  {_where(sentence)}: {gold.surface!r} ({gold.entity_id}) [{sentence.tag or ''}]")
            print(f"      {sentence.text}")
        for sentence, start, end, entity_id in tally.false_hits:
            print(f"FALSE {_where(sentence)}: {sentence.text[start:end]!r} -> {entity_id} "
                  f"[{sentence.tag or ''}]")
            print(f"      {sentence.text}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", action="append", metavar="PATH",
                        help="gazetteer file(s) to use instead of the built-in one (repeatable)")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--show", choices=("dev",), help="list the tool's misses and false hits on dev")
    parser.add_argument("--lang", action="append", help="only these languages (repeatable)")
    parser.add_argument("--part", action="append", metavar="vN",
                        help="only this part of the held-out split (repeatable): v2, v3, v4, v5 ...")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--fuzzy", action="store_true", help="the tool with approximate matches (find --fuzzy)")
    parser.add_argument("--by", choices=("sentence", "page"), default="sentence",
                        help="run find once per sentence (default) or once per page, its sentences joined")
    args = parser.parse_args(argv)

    splits = list(SPLITS) if args.split == "all" else [args.split]
    if args.show and "dev" not in splits:
        splits.insert(0, "dev")
    try:
        gazetteer = load(args.gazetteer)
        sentences = read_set(args.root, splits, args.lang)
        if args.part:
            parts = {s.part for s in sentences if s.split == "heldout"}
            unknown = sorted(set(args.part) - parts)
            if unknown:
                raise RecognitionSetError(f"no held-out part {', '.join(unknown)} (there are {', '.join(sorted(parts))})")
            sentences = [s for s in sentences if s.split != "heldout" or s.part in args.part]
    except (GazetteerError, RecognitionSetError, OSError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    if not sentences:
        print(f"Error: no annotated sentences under {args.root} for split {args.split}", file=sys.stderr)
        return 1
    find, keyword = tool_finder(Matcher(gazetteer), fuzzy=args.fuzzy)
    glossary = Glossary(gazetteer)
    finders = {"tool": find, "glossary": lambda text, lang: glossary.find(text)}
    pages = {system: by_page(f) for system, f in finders.items()} if args.by == "page" else None
    results = evaluate(sentences, finders, pages)
    if not args.json:
        print(f"find run once per {args.by}")
    if args.json:
        print(json.dumps(report_json(results, splits, keyword), ensure_ascii=False, indent=2))
    else:
        print_report(results, splits, keyword)
        if args.show:
            print_errors(results)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as `cat` would.
        sys.stderr.close()
        sys.exit(0)

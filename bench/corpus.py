"""A multilingual test corpus for benchmarks: the seed article and news-like sentences in seven more languages."""

from __future__ import annotations

from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "karabakh-2020-10-04.txt"

# Written for the benchmarks (facts from the conflict, sentences our own), with inflected names.
SENTENCES = {
    "az": "Prezident Xankəndidə bayraq qaldırdı, Şuşaya və Suqovuşana səfər etdi. "
          "Qarabağın bərpası davam edir, Ağdamda yeni evlər tikilir.",
    "hy": "Ստեփանակերտում և Շուշիում հրթիռակոծություններ են եղել, հայտնում են Արցախի իշխանությունները։ "
          "Մատաղիսի շրջակայքում մարտերը շարունակվում են։",
    "ru": "Обстрелам подверглись Степанакерт и Шуша, сообщили в Нагорном Карабахе. "
          "Из Гянджи поступают сообщения о жертвах, в Тертере повреждены дома.",
    "tr": "Azerbaycan ordusu Hankendi'ye ilerledi, Dağlık Karabağ'da çatışmalar sürüyor. "
          "Şuşa'nın kurtuluşu Bakü'de kutlandı.",
    "fr": "Les combats se poursuivent dans le Haut-Karabakh, près d'Agdam et de Stepanakert, "
          "où les habitants se réfugient dans les caves.",
    "de": "In Bergkarabach wird weiter gekämpft; die Hauptstadt Stepanakert wurde beschossen. "
          "Die Lage Bergkarabachs bleibt ernst.",
    "es": "Los combates continúan en Nagorno Karabaj; Stepanakert fue bombardeada y Azerbaiyán "
          "dice haber tomado Sugovushan.",
}


def multilingual_text(size_bytes: int) -> str:
    """About `size_bytes` of UTF-8: the seed article and the sentences above, repeated."""
    unit = SEED.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(SENTENCES.values()) + "\n\n"
    repeats = size_bytes // len(unit.encode("utf-8")) + 1
    return unit * repeats


def sparse_text(size_bytes: int, names_every: int = 10) -> str:
    """Like `multilingual_text`, but only one paragraph in `names_every` names a place.

    The filler is the seed article's paragraphs that name no place, so the
    text stays real prose; this is the density of a corpus where most
    articles are about something else.
    """
    from toponyms.gazetteer import load
    from toponyms.match import Matcher

    matcher = Matcher(load())
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    filler = [p for p in paragraphs if not matcher.find(p)]
    named = [p for p in paragraphs if matcher.find(p)] + list(SENTENCES.values())
    chunks, size, turn = [], 0, 0
    while size < size_bytes:
        paragraph = named[turn // names_every % len(named)] if turn % names_every == 0 else filler[turn % len(filler)]
        chunks.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        turn += 1
    return "\n\n".join(chunks)


# Sentences for generated articles; {a}, {b} are places named as the outlet names them.
_TEMPLATES = [
    "Shelling was reported near {a} on {day}, the defence ministry said.",
    "Residents of {a} spent the night in basements as rockets fell.",
    "Officials said the road from {a} to {b} remained closed to civilians.",
    "Talks on the status of {a} resumed in Moscow on {day}.",
    "Journalists were not allowed to travel to {b} without an escort.",
    "The ceasefire agreed for {a} did not hold for more than a few hours.",
    "Aid convoys reached {b} after a delay of two days.",
    "Satellite images showed new damage in {a} and around {b}.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Which users' forms each outlet writes, in English.
OUTLETS = {"apa": "azerbaijani", "armenpress": "armenian", "reuters": "international", "tass": "russian_media"}


def write_articles(root, count: int, seed: int = 7) -> list:
    """Write `count` short English articles under root/<outlet>/<n>.txt; return their paths.

    Each outlet names places in the form its side uses (Khankendi or Stepanakert,
    Sugovushan or Mataghis), so a corpus has rival forms to count and translate.
    """
    import random

    from toponyms.gazetteer import load

    rng = random.Random(seed)
    gazetteer = load()
    contested = [e for e in gazetteer.entities if len(e.forms) > 1 and e.kind != "country"]
    root = Path(root)
    paths = []
    for number in range(count):
        outlet = list(OUTLETS)[number % len(OUTLETS)]
        lines = []
        for _ in range(3):
            names = []
            for entity in rng.sample(contested, 2):
                form = entity.form_used_by(OUTLETS[outlet]) or entity.forms[0]
                names.append(form.rendering("en") or entity.rendering("en"))
            template = rng.choice(_TEMPLATES)
            lines.append(template.format(a=names[0], b=names[1], day=rng.choice(_DAYS)))
        path = root / outlet / f"{number:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def best_of(runs: int, work, clock=None) -> tuple[float, object]:
    """The shortest time of `runs` calls of `work` (shared machines are noisy), and its result.

    Wall time by default; `clock=time.process_time` gives this process's CPU time, which a
    loaded machine does not inflate."""
    import time

    clock = clock or time.perf_counter
    best, result = float("inf"), None
    for _ in range(runs):
        started = clock()
        result = work()
        best = min(best, clock() - started)
    return best, result


# The real-news sentences of the recognition set's dev split (never the held-out one).
DEV = Path(__file__).resolve().parent / "recognition" / "dev"
NEWS_LANGS = ("en", "az", "hy", "ru", "tr", "fr", "de", "es")


def news_text(size_bytes: int, seed: int = 14, per_paragraph: int = 3) -> str:
    """About `size_bytes` of dense news text in eight languages, from the dev sentences, marks removed.

    Each language gets the same number of bytes (its sentences cycled up to
    the largest language's size), in paragraphs of `per_paragraph` sentences
    of one language (one line each, as news tools pass text around); the
    paragraphs are shuffled with a fixed seed and the whole repeated to size.
    The mix of names and their inflected forms is that of the real pages the
    sentences keep the spellings of.
    """
    import random
    import re

    mark = re.compile(r"\[\[([^\[\]|]*)\|[^\[\]|]*\]\]")
    by_lang = {}
    for lang in NEWS_LANGS:
        lines = (DEV / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        by_lang[lang] = [mark.sub(r"\1", line.strip()) for line in lines if line.strip() and not line.startswith("#")]
    share = max(sum(len(s.encode("utf-8")) + 1 for s in sentences) for sentences in by_lang.values())
    rng = random.Random(seed)
    paragraphs = []
    for lang, sentences in by_lang.items():
        taken, size, turn = [], 0, 0
        while size < share:
            sentence = sentences[turn % len(sentences)]
            taken.append(sentence)
            size += len(sentence.encode("utf-8")) + 1
            turn += 1
        paragraphs.extend(" ".join(taken[i:i + per_paragraph]) for i in range(0, len(taken), per_paragraph))
    rng.shuffle(paragraphs)
    unit = "\n".join(paragraphs) + "\n"
    repeats = max(1, round(size_bytes / len(unit.encode("utf-8"))))
    return unit * repeats

"""Putting a translated paragraph back onto the runs it came from (docx, odt) or the lines of a cue (srt, vtt).

The rule, for a paragraph whose text was spread over runs r1..rk (each with its own formatting):
the paragraph is translated as a whole (so a name split across two runs, "Stepan" in bold and
"akert" plain, is one name to the matcher and the engine), then the translation is cut back into
k parts at word boundaries -- never inside a word -- so that each run gets about the share of
the translation that it had of the source: a word goes to the run in whose share its middle
falls. Every run keeps its formatting; a run that held no text stays empty; a paragraph whose
translation is its source text is left exactly as it was. So a placed name lands whole in one
run, with that run's formatting.

>>> spread(["The town of ", "Stepan", "akert", " was shelled."], "La ciudad de Khankendi fue bombardeada.")
['La ciudad de ', 'Khankendi ', 'fue ', 'bombardeada.']
>>> spread(["Only one run"], "Solo uno")
['Solo uno']
>>> spread(["", "Shusha"], "Shushá")
['', 'Shushá']
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"\S+\s*|\s+")


def spread(parts: list[str], translated: str, whole: list[tuple[int, int]] = (),
           anchors: dict[tuple[int, int], int] | None = None) -> list[str]:
    """`translated` cut at word boundaries into len(parts) pieces, in proportion to the parts' lengths.

    `whole`: spans of `translated` never cut (a name written with its rival, "Sugovushan
    (Madagiz)"): a word that starts inside one goes to the run of the word before it.
    `anchors`: a span of `whole` -> the part that held its source name alone (a link around
    the name): the span goes to that part whole, the text before it to the parts before, the
    text after it to the parts after, so a link keeps its name, not the word the shares give it.

    >>> spread(["near ", "Madagiz", " today"], "cerca de Sugovushan (Madagiz) hoy", [(9, 29)])
    ['cerca de ', 'Sugovushan (Madagiz) ', 'hoy']
    >>> spread(["Fighting near Shusha and ", "Stepanakert"], "Cerca de Shushá y Khankendi (Stepanakert)",
    ...        [(18, 41)], {(18, 41): 1})
    ['Cerca de Shushá y ', 'Khankendi (Stepanakert)']
    """
    if anchors:
        (start, end), part = min(anchors.items())
        inner = lambda lo, hi: [(a, b) for a, b in whole if lo <= a and b <= hi]  # noqa: E731
        rest = {(a, b): p for (a, b), p in anchors.items() if (a, b) != (start, end)}
        out = [""] * len(parts)
        before, after = translated[:start], translated[end:]
        if any(parts[:part]):
            out[:part] = spread(parts[:part], before, inner(0, start),
                                {span: p for span, p in rest.items() if span[1] <= start and p < part})
        else:
            out[part] = before
        out[part] += translated[start:end]
        if any(parts[part + 1:]):
            shifted = {(a - end, b - end): p - part - 1 for (a, b), p in rest.items() if a >= end and p > part}
            out[part + 1:] = spread(parts[part + 1:], after, [(a - end, b - end) for a, b in inner(end, len(translated))],
                                    shifted)
        else:
            out[part] += after
        return out
    if "".join(parts) == translated:
        return list(parts)
    filled = [i for i, part in enumerate(parts) if part]
    if not filled:
        return [translated] + [""] * (len(parts) - 1) if parts else []
    if len(filled) == 1:
        out = [""] * len(parts)
        out[filled[0]] = translated
        return out
    total = sum(len(part) for part in parts)
    bounds, running = [], 0
    for part in parts:
        running += len(part)
        bounds.append(running / total)
    out = [""] * len(parts)
    length = max(len(translated), 1)
    position, last = 0, filled[0]
    for word in _WORDS.findall(translated):
        middle = (position + len(word.rstrip()) / 2) / length
        index = next((i for i in filled if middle < bounds[i]), filled[-1])
        if any(start < position < end for start, end in whole):
            index = last
        # Never step back: a word goes to the run of the word before it or a later one.
        last = max(index, last)
        out[last] += word
        position += len(word)
    return out


def cue_lines(written: list[str], translated: str) -> list[str]:
    """A cue's translation on its lines as written: each line's indentation kept, no line left empty.

    The words go onto the lines by `spread` (each line about its share of the source). An
    empty line would end the cue in .srt and .vtt (the rest of it would turn into a stray
    block), so a line the translation leaves nothing for is dropped.

    >>> cue_lines(["The village of Madagiz", "was shelled at night."], "The village of Sugovushan (Madagiz) was shelled at night.")
    ['The village of Sugovushan', '(Madagiz) was shelled at night.']
    >>> cue_lines(["  Stepanakert", "is quiet"], "Khankendi")
    ['  Khankendi']
    """
    parts = spread([f"{line.strip()} " for line in written], translated)
    out = []
    for line, part in zip(written, parts):
        if part.strip():
            out.append(line[: len(line) - len(line.lstrip())] + part.strip())
    return out or [translated.strip()]


def splice_cues(text: str, cues: list[tuple[int, int]], written: list[list[str]], translated: list[str]) -> str:
    """`text` (a subtitle file) with the payload of each changed cue replaced, every other byte kept.

    `cues`: where each cue's payload stands in `text` (from its first line's start to its last
    line's end, the line break after it excluded); `written`: its lines as written;
    `translated`: its new text on one line. A cue whose text did not change is left as it was;
    a changed one is written on its own lines (`cue_lines`), joined by the line break the cue
    used (the file's own: CRLF stays CRLF).
    """
    out, at = [], 0
    for (start, end), lines, line in zip(cues, written, translated):
        if line == " ".join(part.strip() for part in lines):
            continue
        payload = text[start:end]
        newline = next((sep for sep in ("\r\n", "\n", "\r") if sep in payload),
                       "\r\n" if "\r\n" in text else "\n")
        out.append(text[at:start])
        out.append(newline.join(cue_lines(lines, line)))
        at = end
    out.append(text[at:])
    return "".join(out)

"""Characters that would hide a name: matched through a compact copy, offsets into the user's own text."""

import json

import pytest

from toponyms.fold import compact, compact_arrays, fold, needs_compacting


def mentions(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


HIDDEN = [
    ("Xank\u00adəndidə bayraq qaldırılıb.", "Xank\u00adəndidə"),              # soft hyphen
    ("Qoşunlar S\u0327us\u0327aya daxil olub.", "S\u0327us\u0327aya"),      # NFD: S + combining cedilla
    ("Obstrel v Stepana\u200bkert.", "Stepana\u200bkert"),                  # zero-width space
    ("Ստեփանա\u200cկերտում լույս չկա։", "Ստեփանա\u200cկերտում"),           # zero-width non-joiner
    ("Сообщили из Степа\u2060накерта.", "Степа\u2060накерта"),              # word joiner
    ("Shelling: \ufeffStepanakert; Sh\ufeffusha too.", "Sh\ufeffusha"),  # BOMs inside the text
    ("Ｓｈｕｓｈａ was shelled.", "Ｓｈｕｓｈａ"),                             # fullwidth letters
    ("Die Lage in Su\ufb01kend? Nein: Bergkarabach\u00ad.", "Bergkarabach"),  # a ligature, a trailing soft hyphen
    ("Ordu Xankәndidə, Şuşa'da.", "Xankәndidə"),                            # Cyrillic ә typed for ə
    ("Stepanakert\u00a0and\u202fShusha", "Shusha"),                         # no-break spaces
]


@pytest.mark.parametrize("text, surface", HIDDEN)
def test_find_sees_through_and_points_into_the_original(run, text, surface):
    found = mentions(run("find", "-", "--json", input=text))
    assert surface in [m["surface"] for m in found]
    for m in found:
        assert text[m["start"]:m["end"]] == m["surface"]


def test_the_large_path_maps_offsets_back_the_same_way(matcher):
    text = "\n".join(t for t, _ in HIDDEN) * 40
    assert len(text) > 4096 and needs_compacting(text)
    from toponyms.gazetteer import LANGUAGES

    large = matcher.find(text)
    assert large == matcher.find(text, langs=LANGUAGES)
    for m in large:
        assert text[m.start:m.end] == m.surface


def test_a_hidden_name_keeps_how_it_matched(matcher):
    [m] = [m for m in matcher.find("Stepana\u00adkert was shelled.")]
    assert m.surface == "Stepana\u00adkert" and m.match == "exact"


def test_compact_and_its_maps():
    text = "a\u00adb S\u0327 ﬁ\u200b"
    short, starts, ends = compact(text)
    assert short == "ab Ş fi"
    assert [text[s:e] for s, e in zip(starts, ends)] == ["a", "b", " ", "S\u0327", " ", "ﬁ", "ﬁ"]


def test_a_large_text_is_compacted_as_a_short_one():
    # compact_arrays finds the hiding characters with numpy and copies the runs between them: a mark
    # at the very start, a mark after an ignorable, one after a ligature's two letters, several
    # marks on one letter, astral characters (two UTF-16 units) and a Cyrillic breve that composes.
    pieces = ["\u0301x", "a\u00ad\u0327b", "\ufb01\u0301", "S\u0327\u0301", "\U0001d165\u0301 \U0001F600",
              "Шуши\u0306", "Ｓｈｕｓｈａ", "Stepana\u00adkert", " \u200b\u0308", " plain text, "]
    text = "".join(pieces) * 300
    assert len(text) > 4096
    short, starts, ends = compact(text)
    large, large_starts, large_ends = compact_arrays(text)
    assert (large, large_starts.tolist(), large_ends.tolist()) == (short, starts, ends)
    assert "Шушй" in short and "Shusha" in short and "Stepanakert" in short
    assert [compact(piece)[0] for piece in pieces] == [large for large, _, _ in (compact_arrays(p) for p in pieces)]


def test_plain_text_is_not_compacted():
    assert not needs_compacting("Xankəndi, Ստեփանակերտ, Степанакерт, Stepanakert — «Шуша».")
    assert fold("Xankәndi") == fold("Xankəndi")


# A name broken by spaces the writer did not mean: a hyphen with a space beside it, a line wrapped
# inside a name (indented, or after a hyphen), two spaces typed between its words.
BROKEN = [
    ("en", "Peacekeepers left Nagorno- Karabakh in 2024.", "Nagorno- Karabakh", "nagorno_karabakh"),
    ("en", "The Nagorno -Karabakh talks stalled.", "Nagorno -Karabakh", "nagorno_karabakh"),
    ("en", "Aid trucks waited at the entrance to the Lachin\n    corridor for weeks.", "Lachin\n    corridor",
     "lachin_corridor"),
    ("ru", "Конфликт вокруг Нагорного\nКарабаха длится с 1988 года.", "Нагорного\nКарабаха", "nagorno_karabakh"),
    ("de", "Die Armenier aus Berg-\nkarabach kamen nach Goris.", "Berg-\nkarabach", "nagorno_karabakh"),
    ("fr", "Le corridor de  Latchine reste fermé.", "corridor de  Latchine", "lachin_corridor"),
]


@pytest.mark.parametrize("lang, text, surface, entity", BROKEN)
def test_a_name_broken_by_spaces_is_one_mention(run, lang, text, surface, entity):
    found = mentions(run("find", "-", "--json", "--lang", lang, input=text))
    assert (surface, entity) in [(m["surface"], m["id"]) for m in found]
    for m in found:
        assert text[m["start"]:m["end"]] == m["surface"]


def test_spaced_dashes_and_blank_lines_keep_names_apart(matcher):
    text = "Flights Baku - Yerevan resumed.\n\nNagorno\n\nKarabakh was the heading."
    assert not needs_compacting(text)
    surfaces = [text[m.start:m.end] for m in matcher.find(text, lang="en")]
    assert surfaces[:2] == ["Baku", "Yerevan"] and "Karabakh" in surfaces and not any("\n" in s for s in surfaces)


def test_a_large_text_finds_broken_names_as_a_short_one(matcher):
    text = "\n".join(text for _, text, _, _ in BROKEN[:3]) + "\n"
    large = text * 200
    assert len(large) > 4096
    found = [(large[m.start:m.end], m.entity_id) for m in matcher.find(large)]
    assert found == [(large[m.start:m.end], m.entity_id) for m in matcher.find(text)] * 200

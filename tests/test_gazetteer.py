"""The gazetteer file: loading, validation with file and line, merging files."""

import textwrap

import pytest

from toponyms.errors import GazetteerError
from toponyms.fold import fold_key
from toponyms.gazetteer import check, load

GOOD = """\
users:
  a: side A
  b: side B
entities:
  - id: alpha
    kind: town
    forms:
      - form: alpha
        used_by: [a]
        names: {en: [Alpha], ru: [Альфа]}
      - form: beta
        used_by: [b]
        names: {en: [Beta]}
"""


def write(tmp_path, text, name="g.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def test_builtin_gazetteer_is_valid_and_large_enough(gazetteer):
    _, problems = check()
    assert problems == []
    assert len(gazetteer) >= 40


def test_every_entity_has_coordinates_in_the_region_or_is_a_country(gazetteer):
    for entity in gazetteer.entities:
        if entity.kind == "country" or not entity.coords:
            continue
        lat, lon = entity.coords
        assert 37.5 <= lat <= 42 and 43.5 <= lon <= 50.5, entity.id


def test_facts_the_issues_got_wrong_are_right(gazetteer, place):
    town = gazetteer.get(place("Madagiz"))
    assert place("Mataghis") == place("Sugovushan") == town.id
    assert "armenian" in town.form(_form_of(town, "Mataghis")).used_by
    assert "azerbaijani" in town.form(_form_of(town, "Sugovushan")).used_by
    qubadli = gazetteer.get(place("Qubadlı"))
    assert "Քաշունիք" in qubadli.names()
    kashatagh = gazetteer.get(place("Kashatagh"))
    assert kashatagh.kind == "province"
    assert "Kashatagh" not in qubadli.names()


def test_facts_issue_10_found_wrong_are_right(gazetteer, place):
    # Sugovushan and Talish: Aghdara district, re-created by Azerbaijan's law of 5 December 2023.
    for name in ("Sugovushan", "Talış"):
        assert gazetteer.get(place(name)).part_of == "aghdara_district"
    # The Azerbaijani state has rejected "Nagorno-Karabakh" since 2021; the others still use it.
    nk = gazetteer.get(place("Dağlıq Qarabağ"))
    form = nk.form(_form_of(nk, "Dağlıq Qarabağ"))
    assert "azerbaijani" not in form.used_by and "2021" in form.note
    assert {"armenian", "international", "russian_media"} <= set(form.used_by)
    # The oblast of 7 July 1923 was the Autonomous Oblast of Nagorno-Karabakh, NKAO from 1937.
    nkao = gazetteer.get(place("НКАО"))
    first = nkao.form(_form_of(nkao, "Автономная область Нагорного Карабаха"))
    assert (first.since, first.until) == ("1923-07-07", "1937")
    assert nkao.form(_form_of(nkao, "НКАО")).since == "1937"
    # Russian media print both Mardakert and Martakert.
    town = gazetteer.get(place("Мартакерт"))
    assert place("Мардакерт") == town.id
    for spelling in ("Мартакерт", "Мардакерт"):
        assert "russian_media" in town.form(_form_of(town, spelling)).used_by
    # The two Martunis are declared homonyms of each other.
    assert gazetteer.get("khojavend").homonyms == ("martuni_gegharkunik",)
    assert gazetteer.get("martuni_gegharkunik").homonyms == ("khojavend",)


def _form_of(entity, spelling):
    return next(f.id for f in entity.forms for _, s in f.spellings() if s == spelling)


def test_load_reads_a_good_file(tmp_path):
    gz = load([write(tmp_path, GOOD)])
    entity = gz.get("alpha")
    assert [f.id for f in entity.forms] == ["alpha", "beta"]
    assert entity.rival_of(entity.form("alpha")).id == "beta"
    assert entity.form("alpha").rendering("ru") == "Альфа"


@pytest.mark.parametrize("change, message", [
    (("en: [Beta]", "xx: [Beta]"), "unknown language code 'xx'"),
    (("used_by: [b]", "used_by: [c]"), "unknown user 'c'"),
    (("en: [Beta]", "en: [ALPHA]"), "spelling 'ALPHA' of entity alpha (form beta) is also claimed by form alpha"),
    (("kind: town", "kind: planet"), "unknown `kind` 'planet'"),
    (("    kind: town\n", ""), "missing or unknown `kind`"),
    (("        used_by: [b]\n", ""), "form beta: missing `used_by`"),
    (("id: alpha", "id: Alpha!"), "entity without a valid `id`"),
    (("    kind: town\n", "    kind: town\n    guards: {ordinary_word: hy}\n"), "`guards.ordinary_word` must be a list"),
    (("    kind: town\n", "    kind: town\n    guards: {ordinary_word: [xx]}\n"), "`guards.ordinary_word` must be a list"),
])
def test_validation_names_the_problem_and_the_line(tmp_path, change, message):
    path = write(tmp_path, GOOD.replace(*change))
    _, problems = check([path])
    assert any(message in p.message for p in problems), problems
    assert all(p.path == path for p in problems)
    assert all(p.line for p in problems)


def test_spelling_claimed_by_two_entities_across_files(tmp_path):
    first = write(tmp_path, GOOD, "one.yaml")
    second = write(tmp_path, GOOD.replace("id: alpha", "id: gamma").replace("Beta", "Delta"), "two.yaml")
    _, problems = check([first, second])
    messages = [str(p) for p in problems]
    assert any("'Alpha' of entity gamma" in m and "entity alpha at" in m and "one.yaml" in m for m in messages)


@pytest.mark.parametrize("text, message", [
    ("users: [\n", "not valid YAML"),
    ("", "empty gazetteer file"),
    ("- just\n- a list\n", "top level must be a mapping"),
    ("users: {a: x}\n", "missing `entities`"),
])
def test_malformed_files_raise_one_clear_error(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(GazetteerError, match=message):
        load([path])


def test_ordinary_word_guard_is_read(tmp_path):
    gz = load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n    guards: {ordinary_word: [ru, hy]}\n"))])
    assert gz.get("alpha").guards.ordinary_word == frozenset({"ru", "hy"})


def test_listed_only_guard_is_read_folded(tmp_path):
    gz = load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n    guards: {listed_only: [Sús, Sous]}\n"))])
    assert gz.get("alpha").guards.listed_only == frozenset({"sus", "sous"})


def test_a_bad_listed_only_guard_is_refused(tmp_path):
    with pytest.raises(GazetteerError, match="`guards.listed_only` must be a list of spellings"):
        load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n    guards: {listed_only: Sus}\n"))])


def test_another_place_reading_is_read_and_a_bad_one_refused(tmp_path):
    reading = "    guards:\n      readings:\n        - {what: the town abroad, in_sentence: [Quindío], another_place: %s}\n"
    gz = load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n" + reading % "true"))])
    assert gz.get("alpha").guards.another_place == frozenset({"the town abroad"})
    with pytest.raises(GazetteerError, match="may say `carries: true` and `another_place: true`"):
        load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n" + reading % "yes please"))])


def test_missing_and_directory_gazetteers(tmp_path):
    with pytest.raises(GazetteerError, match="no such gazetteer file"):
        load([str(tmp_path / "nope.yaml")])
    with pytest.raises(GazetteerError, match="is a directory"):
        load([str(tmp_path)])


def test_builtin_keyword_adds_a_file_to_the_builtin_one(tmp_path, gazetteer):
    extra = write(tmp_path, GOOD)
    both = load(["builtin", extra])
    assert len(both) == len(gazetteer) + 1


def test_places_sharing_a_spelling_are_declared_homonyms_of_each_other(gazetteer):
    # The matcher weighs the places around only between declared homonyms (Martuni, Karakilisa, Sos).
    owners: dict[str, set[str]] = {}
    for entity in gazetteer.entities:
        for form in entity.forms:
            for _, spelling in form.spellings():
                owners.setdefault(fold_key(spelling), set()).add(entity.id)
    undeclared = sorted((key, sorted(ids)) for key, ids in owners.items() if len(ids) > 1 and any(
        not (ids - {i}) <= set(gazetteer.get(i).homonyms) for i in ids))
    assert undeclared == []


def test_not_spelled_guard_keeps_the_diacritics(tmp_path):
    gz = load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n    guards: {not_spelled: [Fuzûlî, FUZULÎ]}\n"))])
    assert gz.get("alpha").guards.not_spelled == frozenset({"fuzûlî", "fuzulî"})


def test_a_bad_not_spelled_guard_is_refused(tmp_path):
    with pytest.raises(GazetteerError, match="`guards.not_spelled` must be a list of spellings"):
        load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n    guards: {not_spelled: Fuzûlî}\n"))])


def test_with_another_name_guard_is_read_folded(tmp_path):
    gz = load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n    guards: {with_another_name: [Norashen, Нора́шен]}\n"))])
    assert "norashen" in gz.get("alpha").guards.with_another_name


def test_a_bad_with_another_name_guard_is_refused(tmp_path):
    with pytest.raises(GazetteerError, match="`guards.with_another_name` must be a list of spellings"):
        load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n    guards: {with_another_name: Kamo}\n"))])


def test_with_its_region_guard_is_read_folded(tmp_path):
    gz = load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n    guards: {with_its_region: [Black Lake, Чёрное озеро]}\n"))])
    assert gz.get("alpha").guards.with_its_region == frozenset({"black lake", "черное озеро"})


def test_a_bad_with_its_region_guard_is_refused(tmp_path):
    with pytest.raises(GazetteerError, match="`guards.with_its_region` must be a list of spellings"):
        load([write(tmp_path, GOOD.replace("    kind: town\n", "    kind: town\n    guards: {with_its_region: Black Lake}\n"))])

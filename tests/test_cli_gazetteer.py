"""`toponyms gazetteer validate|stats|export`."""

import json


def test_validate_builtin(run):
    result = run("gazetteer", "validate")
    assert result.exit_code == 0
    assert result.stdout.startswith("ok: ")


def test_validate_reports_every_problem_with_file_and_line(run, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(
        "users: {a: A}\n"
        "entities:\n"
        "  - id: one\n    kind: town\n    forms:\n      - form: one\n        used_by: [z]\n        names: {en: [One]}\n"
        "  - id: two\n    kind: town\n    forms:\n      - form: two\n        used_by: [a]\n        names: {qq: [Two], en: [ONE]}\n",
        encoding="utf-8",
    )
    result = run("gazetteer", "validate", str(path), "--require-langs", "none")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"{path}:6: entity one, form one: unknown user 'z' in used_by (add it under `users`)" in lines
    assert f"{path}:14: entity two, form two: unknown language code 'qq'" in lines
    assert any(line.startswith(f"{path}:14: spelling 'ONE' of entity two") for line in lines)
    assert lines[-1] == f"3 problems in {path}"


def test_validate_reports_each_missing_rendering(run, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(
        "users: {a: A}\n"
        "entities:\n"
        "  - id: kornidzor\n    kind: village\n    forms:\n      - form: kornidzor\n        used_by: [a]\n"
        "        names: {en: [Kornidzor], hy: [Կոռնիձոր], ru: [Корнидзор]}\n",
        encoding="utf-8",
    )
    result = run("gazetteer", "validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:3: entity kornidzor: no rendering in az, tr, fr, de, es" in result.stderr.splitlines()
    assert run("gazetteer", "validate", str(path), "--require-langs", "en,hy,ru").exit_code == 0
    assert run("gazetteer", "validate", str(path), "--require-langs", "xx").exit_code == 2


def test_stats(run, gazetteer):
    result = run("gazetteer", "stats", "--json")
    stats = json.loads(result.stdout)
    assert stats["entities"] == len(gazetteer)
    assert set(stats["languages"]) >= {"en", "az", "hy", "ru", "tr", "fr", "de", "es"}
    human = run("gazetteer", "stats").stdout
    assert f"{len(gazetteer)} entities" in human


def test_export_matches_lookup_objects(run, gazetteer):
    exported = json.loads(run("gazetteer", "export", "--json").stdout)
    assert len(exported) == len(gazetteer)
    looked_up = json.loads(run("lookup", "Madagiz", "--json").stdout)[0]
    assert looked_up in exported
    assert all({"id", "names", "kind", "forms"} <= set(e) for e in exported)

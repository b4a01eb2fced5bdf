"""Reading naming-policy case files: tests/policy_cases/<lang>.txt and the held-aside bench/policy/<lang>.txt.

Format (tests/policy_cases/README.md): a source sentence a line, then the expected
`toponyms normalise --rival none` output per convention, indented; `# class:` tags the cases below it.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "ru.txt").write_text("# class: dated\\nВ 1960 году Степанакерт рос.\\n"
...                                   "# class: plain\\nПод Шушой бои.\\n  armenian: Под Шуши бои.\\n", encoding="utf-8")
>>> read_cases(folder, "ru")
[('dated', 'В 1960 году Степанакерт рос.', {}), ('plain', 'Под Шушой бои.', {'armenian': 'Под Шуши бои.'})]
"""

from __future__ import annotations

from pathlib import Path

LANGS = ("en", "az", "hy", "ru", "tr", "fr", "de", "es")
CONVENTIONS = ("armenian", "azerbaijani")


def read_cases(folder: Path, lang: str) -> list[tuple[str, str, dict[str, str]]]:
    """(class, source, expected output per convention) of each case of a language's file."""
    cases, kind = [], "plain"
    for line in (Path(folder) / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# class:"):
            kind = line.split(":", 1)[1].strip()
        elif line.startswith("  ") and ":" in line:
            convention, expected = line.strip().split(":", 1)
            cases[-1][2][convention] = expected.strip()
        elif line.strip() and not line.startswith("#"):
            cases.append((kind, line, {}))
    return cases

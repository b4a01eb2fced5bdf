"""In a batch, the input whose language cannot be told is named on its error line; the others go on."""

from __future__ import annotations


def test_the_undetectable_input_is_named(run, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "short.txt").write_text("Madagiz fell.\n", encoding="utf-8")
    (corpus / "long.txt").write_text("Azerbaijani troops took control of the town of Lachin on Friday, "
                                     "officials in Baku said.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("normalise", str(corpus), "--out-dir", str(out), "--convention", "armenian", "-q")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {corpus / 'short.txt'}: cannot tell the language of 'Madagiz fell.'")
    assert (out / "long.txt").read_text(encoding="utf-8").startswith("Azerbaijani troops took control of the town of Berdzor")
    assert not (out / "short.txt").exists()

"""The cue words per language (``cues.yaml`` beside this module), read once.

Below both `situation` (glosses, periods, quotations) and `inflect` (articles and
prepositions before a name), which read the same file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CUES_PATH = Path(__file__).resolve().parent / "cues.yaml"


@lru_cache(maxsize=1)
def cues() -> dict:
    """The whole of cues.yaml."""
    import yaml

    # libyaml's parser when PyYAML has it (as gazetteer.py reads the gazetteer): the same data, a
    # tenth of the time, and `find` reads this file on every run.
    return yaml.load(CUES_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def cue_list(section: str, lang: str) -> list[str]:
    """The words of one section of cues.yaml for a language (empty when it lists none)."""
    return [str(word) for word in (cues().get(section) or {}).get(lang) or ()]

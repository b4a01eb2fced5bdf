"""The gazetteer: places, their rival forms, and each form's spellings per language.

`gazetteer.yaml` at the project root is the only place where names live; its
header comment documents the schema. `load()` reads and validates one or more
files into frozen records; `check()` reports every problem instead of
stopping at the first, for `toponyms gazetteer validate`.

Two things beyond that schema, for large gazetteers such as those
`toponyms gazetteer import geonames` writes:

- ``shared_spellings: allowed`` at the top level of a file lets the entities
  of that file share spellings with each other (dozens of villages called the
  same). A spelling shared with an entity of another file, or by two forms of
  one entity, is still a problem, and files without the setting (the built-in
  gazetteer) keep the strict rule. The matcher then reads a shared spelling as
  the place the text names unambiguously elsewhere, else the first one.
- A file may hold one entity per line, each a JSON object (JSON is YAML), as in
  ``  - {"id": "geonames_1", "kind": "village", "forms": [...]}``. Such a file
  is read with the JSON parser, about fifty times faster than YAML, with the
  same result and the same line numbers; any other layout is read as YAML.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from .context import Context, Words, merge, parse_context
from .errors import GazetteerError
from .fold import fold_key

BUILTIN = "builtin"
ENV_VAR = "TOPONYMS_GAZETTEER"
# The repository keeps gazetteer.yaml at its top level; toponyms/data/gazetteer.yaml links to it
# and is what both an editable install and a wheel (which copies the file) read.
BUILTIN_PATH = Path(__file__).resolve().parent / "data" / "gazetteer.yaml"

LANGUAGES = {
    "en": "English", "az": "Azerbaijani", "hy": "Armenian", "ru": "Russian", "tr": "Turkish",
    "fr": "French", "de": "German", "es": "Spanish", "fa": "Persian", "ka": "Georgian",
    "uk": "Ukrainian", "it": "Italian", "pt": "Portuguese", "ca": "Catalan", "ar": "Arabic",
    "nl": "Dutch", "pl": "Polish", "be": "Belarusian", "kk": "Kazakh", "he": "Hebrew",
    "el": "Greek", "zh": "Chinese", "ja": "Japanese", "sv": "Swedish", "cs": "Czech",
}
# The definite articles a form's `article` may give, per language (nominative singular: the gender).
ARTICLES = {"de": ("der", "die", "das"), "es": ("el", "la"), "fr": ("le", "la")}
KINDS = frozenset({
    "country", "region", "province", "district", "city", "town", "village", "settlement",
    "corridor", "river", "lake", "reservoir", "mountain", "range", "pass", "road",
    # Landmarks the news names as places: where people go, meet, cross or fight.
    "monastery", "church", "fortress", "landmark", "plain", "valley", "forest", "cave",
    "neighbourhood", "bridge", "checkpoint", "airport", "mine", "canal", "economic_region",
})
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
# A town and the district named after it: the district's id is the town's with this suffix
# (kalbajar -> kalbajar_district), and so is the id of each of the district's forms that goes with a
# form of the town (karvachar -> karvachar_district). The matcher reads a town's bare name as that
# district where the context says so; a translation then writes the district by the town's name.
DISTRICT_SUFFIX = "_district"


def district_id(town: str) -> str:
    """The id of the district (or district form) named after the town (or town form) `town`."""
    return town + DISTRICT_SUFFIX


def town_id(district: str) -> str | None:
    """The id of the town (or town form) that the district (or district form) `district` is named
    after, by its id; None when the id does not say."""
    return district[:-len(DISTRICT_SUFFIX)] if district.endswith(DISTRICT_SUFFIX) else None


@dataclass(frozen=True)
class Form:
    """One rival name of a place, as spelled in each language."""

    id: str
    used_by: tuple[str, ...]
    names: dict[str, tuple[str, ...]]
    since: str | None = None
    until: str | None = None
    note: str | None = None
    rival: str | None = None
    # A rival name of the conflict (shown beside the other side's name); False for exonyms
    # nobody disputes (Irevan for Yerevan), dead Soviet names and historical names.
    contested: bool = True
    # The users whose press writes this form today, where that is not their official name
    # (Armenian media write Աղդամ, not the official Ակնա), and those for whom it is official.
    preferred_by: tuple[str, ...] = ()
    official_for: tuple[str, ...] = ()
    # language -> the definite article its spellings take in running text where no generic head
    # noun gives one (Spanish "el Alto Karabaj"): de der/die/das, es el/la, fr le/la.
    articles: dict[str, str] = field(default_factory=dict, compare=False)

    def rendering(self, lang: str) -> str | None:
        """The spelling to write in `lang`, or None when the form has none there."""
        spellings = self.names.get(lang)
        return spellings[0] if spellings else None

    def spellings(self) -> Iterable[tuple[str, str]]:
        """(lang, spelling) for every spelling of this form."""
        for lang, spellings in self.names.items():
            for spelling in spellings:
                yield lang, spelling


def word_key(word: str) -> str:
    """How `guards.ordinary_word_in` compares a word with a name's surface: case aside, as written.

    Unlike `fold_key`, diacritics count: Turkish "Görüş" (a view) is the word, the Turkish press's
    "Gorus" for Goris is not. Only dotted and dotless i are one letter, for the capital that opens
    a sentence (Işık, İlk).

    >>> word_key("Görüş"), word_key("Gorus"), word_key("Çıldıran"), word_key("ÇILDIRAN")
    ('görüş', 'gorus', 'çildiran', 'çildiran')
    """
    return unicodedata.normalize("NFC", word).lower().replace("i\u0307", "i").replace("ı", "i")


@dataclass(frozen=True)
class Guards:
    """Rules that keep ordinary words from being taken for the place."""

    proper_case: bool = False
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    # Things of the same name that are no place (poet, wine, club):
    # (what, cue words within two words, cue words anywhere in the sentence).
    readings: tuple[tuple[str, Words, Words], ...] = ()
    # Among declared homonyms: words within three words, and places in the same paragraph, that point here.
    near: Words = Words()
    with_places: tuple[str, ...] = ()
    # Languages in which the name is an ordinary word that declines as well (Armenian տեղ, "place"):
    # there an inflected form opening a sentence is the word (Տեղի ունեցավ, "took place").
    ordinary_word: frozenset[str] = frozenset()
    # (language, folded spelling) pairs: that spelling, in text of that language, is never this place
    # (English, French, German and Spanish write Karabakh, Karabagh, Karabach, Karabaj: their press
    # writes the Azerbaijani "Qarabağ" for the football club only).
    not_in_text_of: frozenset[tuple[str, str]] = frozenset()
    # (language, `word_key` of a word) pairs: a surface of the name (a spelling or one of its case forms)
    # that is an ordinary word of that language too (Russian "Тех", "those"; Spanish "chucha"): in text of
    # that language it is the place only with evidence (`toponyms.match.Matcher._without_ordinary_words_opening_sentences`).
    ordinary_word_in: frozenset[tuple[str, str]] = frozenset()
    # Folded spellings that are also an ordinary word whose capital says nothing at the start of a
    # sentence (Spanish "Sus", their; French "Sous", under): written so, the place only in a list of
    # places (Zabuj y Sus; Latchine, Sous et Zaboukh).
    listed_only: frozenset[str] = frozenset()
    # `word_key`s of surfaces (diacritics kept, case aside) that only something else of the name is written
    # with: Turkish literary pages write the poet Fuzûlî, Fuzulî with circumflexes, never the town (Fuzuli).
    not_spelled: frozenset[str] = frozenset()
    # The `what` of the readings marked `carries: true`: a name such a reading (or, when there is one, a word
    # of `not_after`) took for the other thing carries that reading to the same name nearby where nothing
    # says place. A page about the poet names him "Füzuli" bare in its next sentences, a match report the
    # club "Karabağ"; a page on Karabakh horses names the region bare (`toponyms.match.Matcher._reading_again`).
    carried: frozenset[str] = frozenset()
    # Folded spellings that are this place only beside another of its names: an old name that many other
    # places or a person bear too (Norashen, Petropavlovka, Mikhaylovka, Mikoyan) is the place when the
    # text names the place otherwise close by ("Sabirabad, autrefois Petropavlovka"; "renamed from
    # Norashen to Ilyichevsk ... Sharur") (`toponyms.match.Matcher._with_another_name`).
    with_another_name: frozenset[str] = frozenset()
    # Folded spellings that many places elsewhere bear too, a plain translation of the name (Black Lake, lac
    # Noir, Чёрное озеро for Syunik's Sev Lich): this place only when the text names close by another of its
    # names, the region it lies in (`part_of`, not a country) or another place of that region
    # (`toponyms.match.Matcher._with_another_name`).
    with_its_region: frozenset[str] = frozenset()
    # The `what` of the readings marked `another_place: true`: the other thing is a place elsewhere (Armenia,
    # the city of Colombia's Quindío; Ararat in Victoria, Australia), so a preposition of place does not
    # keep this place against it ("en Armenia, Quindío"), as it does against a poet or a club.
    another_place: frozenset[str] = frozenset()

    @property
    def declares_context(self) -> bool:
        """Whether the entity's `context` says what points to it among its homonyms."""
        return bool(self.near or self.with_places)

    @property
    def contextual(self) -> bool:
        """Whether the words around a hit must be read to settle it (beyond proper case)."""
        return bool(self.not_after or self.not_before or self.readings or self.not_in_text_of)


@dataclass(frozen=True)
class Entity:
    """A place and all its rival forms."""

    id: str
    kind: str
    forms: tuple[Form, ...]
    coords: tuple[float, float] | None = None
    part_of: str | None = None
    notes: str | None = None
    sources: tuple[str, ...] = ()
    guards: Guards = Guards()
    origin: str = ""
    homonyms: tuple[str, ...] = ()
    # False for places whose name nobody contests (towns of Armenia proper, Ganja, Baku):
    # a convention may still pick a form, but no rival is ever shown beside it.
    contested: bool = True

    def form(self, form_id: str) -> Form:
        for form in self.forms:
            if form.id == form_id:
                return form
        raise KeyError(form_id)

    def rival_of(self, form: Form) -> Form | None:
        """The form shown beside `form`: its declared rival, else the first other contested form of a side
        that does not write `form` itself.

        None when the place or the form is not contested, or when every side that
        has another name writes this one too (Armenian media write Aghdam: Akna is
        no rival beside it).
        """
        if not self.contested or not form.contested:
            return None
        if form.rival:
            rival = self.form(form.rival)
            return rival if rival.contested else None
        writers = {*form.used_by, *form.preferred_by, *form.official_for}
        return next((other for other in self.forms if other.id != form.id and other.contested
                     and not set(other.used_by) <= writers), None)

    def form_used_by(self, user: str) -> Form | None:
        """The form `user` uses now (one without an end date first), or None."""
        candidates = [f for f in self.forms if user in f.used_by]
        current = [f for f in candidates if not f.until]
        return (current or candidates or [None])[0]

    def names(self) -> list[str]:
        """Every spelling of every form, in gazetteer order, without repeats."""
        return list(dict.fromkeys(s for form in self.forms for _, s in form.spellings()))

    def rendering(self, lang: str) -> str | None:
        """The entity's first rendering in `lang` (its most prominent form)."""
        return next((f.rendering(lang) for f in self.forms if f.rendering(lang)), None)

    def to_json(self) -> dict:
        """The object `lookup --json` and `gazetteer export --json` print."""
        return {
            "id": self.id,
            "kind": self.kind,
            "names": self.names(),
            "coords": list(self.coords) if self.coords else None,
            "part_of": self.part_of,
            "notes": self.notes,
            "sources": list(self.sources),
            "forms": [
                {
                    "form": f.id,
                    "used_by": list(f.used_by),
                    "since": f.since,
                    "until": f.until,
                    "rival": (self.rival_of(f).id if self.rival_of(f) else None),
                    "contested": f.contested and self.contested,
                    "preferred_by": list(f.preferred_by),
                    "official_for": list(f.official_for),
                    "article": dict(f.articles),
                    "names": {lang: list(s) for lang, s in f.names.items()},
                }
                for f in self.forms
            ],
        }


@dataclass(frozen=True)
class ProperName:
    """A name of its own that holds a place (Republic of Artsakh, Qarabağ FK, Karabakh horse).

    Such a name is one unit: the place in it keeps the form the name has.
    `place` is the entity it holds, `names` its spellings per language.
    """

    id: str
    kind: str
    names: dict[str, tuple[str, ...]]
    place: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    """All entities of one or more gazetteer files."""

    entities: tuple[Entity, ...]
    users: dict[str, str] = field(default_factory=dict)
    paths: tuple[str, ...] = ()
    context: Context = Context()
    proper_names: tuple["ProperName", ...] = ()
    # Files that let their places share spellings (GeoNames imports): not asked for every language.
    shared_paths: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entities})

    def get(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self._by_id

    def __len__(self) -> int:
        return len(self.entities)


def containers(entities: Iterable[Entity], steps: int | None = None) -> dict[str, tuple[str, ...]]:
    """Entity id -> the ids of what it lies in, nearest first: its `part_of`, that one's, and so
    on, `steps` steps up or to the top (an id that no entity has, or one seen already, ends it).

    >>> E = lambda id, part_of=None: Entity(id, "village", (), part_of=part_of)
    >>> up = containers([E("armenia"), E("syunik", "armenia"), E("goris", "syunik"), E("karahunj", "goris")])
    >>> up["karahunj"], up["armenia"], containers([E("goris", "syunik")], steps=1)["goris"]
    (('goris', 'syunik', 'armenia'), (), ('syunik',))
    """
    entities = list(entities)
    parent = {entity.id: entity.part_of for entity in entities}
    result = {}
    for entity in entities:
        chain: list[str] = []
        step = entity.part_of
        while step and step != entity.id and step not in chain and (steps is None or len(chain) < steps):
            chain.append(step)
            step = parent.get(step)
        result[entity.id] = tuple(chain)
    return result


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a gazetteer file, with where it is."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


# ---------------------------------------------------------------- reading YAML


class _LineLoader:
    """A YAML loader whose mappings remember the line they start on (key "__line__")."""

    @staticmethod
    def load(text: str, path: str):
        fast = _load_entity_lines(text)
        if fast is not None:
            return fast
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class Loader(base):  # type: ignore[misc, valid-type]
            pass

        def construct_mapping(loader, node, deep=False):
            mapping = loader.construct_mapping(node, deep=deep)
            mapping["__line__"] = node.start_mark.line + 1
            return mapping

        def get_single_data(loader):
            # Compose the node graph (aliases are shared nodes there, so it is as small as the
            # file), measure what it would expand to, and only then build Python objects.
            node = loader.get_single_node()
            if node is None:
                return None
            _check_expansion(node, path)
            return loader.construct_document(node)

        Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
        Loader.get_single_data = get_single_data
        try:
            return yaml.load(text, Loader=Loader)
        except RecursionError:
            raise GazetteerError(f"{path}: nested too deeply to be a gazetteer") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise GazetteerError(f"{path}{line}: not valid YAML: {problem}") from None


# YAML aliases (`*a`) repeat a node without copying it, so a few lines can stand for billions of
# nodes ("billion laughs"), which reading the entities then walks one by one. A gazetteer that
# uses aliases for shared lists (`used_by: *azerbaijan`) expands to little more than its own size.
# Aliases may add at most this many nodes, or thrice the nodes written, whichever is more.
MAX_ALIASES = 10_000
MAX_EXPANSION = 2_000_000


def _check_expansion(root, path: str) -> None:
    """Refuse a composed YAML document whose aliases would expand past the limits (GazetteerError)."""
    sizes: dict[int, int] = {}
    aliases = 0
    distinct = 0
    # Iterative post-order walk, each node measured once: linear in the composed graph.
    stack = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        key = id(node)
        if key in sizes and not expanded:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise GazetteerError(f"{path}: more than {MAX_ALIASES} YAML aliases; refusing to read it")
            continue
        children = _children(node)
        if not expanded:
            sizes[key] = 0  # being measured: a node reached again through itself is a cycle
            distinct += 1
            stack.append((node, True))
            stack.extend((child, False) for child in children)
            continue
        sizes[key] = 1 + sum(sizes[id(child)] for child in children)
    limit = max(MAX_EXPANSION, 4 * distinct)
    if sizes[id(root)] > limit:
        raise GazetteerError(f"{path}: YAML aliases expand it to {sizes[id(root)]:,} nodes from {distinct:,} "
                             f"written (limit {limit:,}); refusing to read it")


def _children(node) -> list:
    value = node.value
    if isinstance(value, list):
        return [item for pair in value for item in pair] if value and isinstance(value[0], tuple) else value
    return []


# What YAML 1.1 (PyYAML) reads as a float: a dot is needed, and an exponent's sign.
_YAML_FLOAT = re.compile(r"-?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?\Z")
# Characters YAML does not allow raw, or reads as line breaks; a file with any is read as YAML.
_NOT_PLAIN = re.compile("[^\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +(.*?))?\s*\Z")
_ITEM = "  - "


def _load_entity_lines(text: str):
    """Read a file of one-line JSON values (top-level keys and entities) as YAML would, or None.

    None means the file has another layout (or anything the two parsers might
    read differently): it is then read as YAML.
    """
    import json

    if not text.startswith(("#", "users:", "entities:", "shared_spellings:", "context:", "proper_names:")) \
            or _NOT_PLAIN.search(text):
        return None
    line_number = [0]

    def with_line(mapping: dict) -> dict:
        mapping["__line__"] = line_number[0]
        return mapping

    def number(literal: str):
        return float(literal) if _YAML_FLOAT.match(literal) else literal

    def value(literal: str):
        if literal == "allowed":
            return literal
        return json.loads(literal, object_hook=with_line, parse_float=number, parse_constant=str)

    data: dict = {}
    in_entities = False
    try:
        for number_of_line, line in enumerate(text.split("\n"), 1):
            line_number[0] = number_of_line
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if in_entities and line.startswith(_ITEM):
                if data["entities"] is None:
                    data["entities"] = []
                data["entities"].append(value(line[len(_ITEM):]))
                continue
            top = _TOP_KEY.match(line)
            if not top:
                return None
            key, literal = top.groups()
            data.setdefault("__line__", number_of_line)
            in_entities = key == "entities" and not literal
            data.pop(key, None)
            data[key] = value(literal) if literal else None
    except ValueError:
        return None
    return data or None


def resolve_paths(paths: Iterable[str] | None = None) -> list[Path]:
    """The gazetteer files to use: the given ones, else $TOPONYMS_GAZETTEER, else the built-in.

    The word ``builtin`` stands for the project's own gazetteer.yaml, so
    ``--gazetteer builtin --gazetteer mine.yaml`` adds a file to it.
    """
    chosen = list(paths or [])
    if not chosen and os.environ.get(ENV_VAR):
        chosen = [p for p in os.environ[ENV_VAR].split(os.pathsep) if p]
    if not chosen:
        chosen = [BUILTIN]
    return [BUILTIN_PATH if p == BUILTIN else Path(p) for p in chosen]


def _read(path: Path) -> str:
    if not path.exists():
        raise GazetteerError(f"{path}: no such gazetteer file")
    if path.is_dir():
        raise GazetteerError(f"{path}: is a directory, not a gazetteer file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise GazetteerError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read: {exc.strerror}") from None


def _date(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (_dt.date, int)):
        return str(value)
    return str(value)


class _Checker:
    """Builds entities from parsed YAML, collecting every problem on the way."""

    def __init__(self):
        self.problems: list[Problem] = []
        self.users: dict[str, str] = {}
        self.entities: list[Entity] = []
        self.where: dict[str, tuple[str, int | None]] = {}
        self.claims: dict[str, tuple[str, str, str, int | None]] = {}
        self.pending: list[tuple[str, object]] = []
        self.shared: set[str] = set()
        self.homonyms: dict[str, set[str]] = {}
        self.contexts: list[Context] = []
        self.proper_names: list[ProperName] = []

    def problem(self, path: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def add_file(self, path: str, data) -> None:
        if data is None:
            self.problem(path, None, "empty gazetteer file")
            return
        if not isinstance(data, dict):
            self.problem(path, 1, "the top level must be a mapping with `users` and `entities`")
            return
        users = data.get("users") or {}
        if not isinstance(users, dict):
            self.problem(path, data.get("__line__"), "`users` must map a key to a description")
            users = {}
        self.users.update({k: str(v) for k, v in users.items() if k != "__line__"})
        if data.get("context") is not None:
            self.contexts.append(parse_context(data["context"], LANGUAGES,
                                               lambda line, message: self.problem(path, line, message)))
        shared = data.get("shared_spellings")
        if shared == "allowed":
            self.shared.add(path)
        elif shared not in (None, "forbidden"):
            self.problem(path, data.get("__line__"),
                         f"`shared_spellings` must be `allowed` or `forbidden`, not {shared!r}")
        self._proper_names(path, data.get("proper_names"))
        entities = data.get("entities")
        if not isinstance(entities, list):
            self.problem(path, data.get("__line__"), "missing `entities` (a list of places)")
            return
        self.pending.extend((path, raw) for raw in entities)

    def _proper_names(self, path: str, raw) -> None:
        if raw is None:
            return
        if not isinstance(raw, list):
            self.problem(path, None, "`proper_names` must be a list of names")
            return
        for item in raw:
            line = item.get("__line__") if isinstance(item, dict) else None
            if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not _ID.match(item["id"]):
                self.problem(path, line, f"a proper name needs a valid `id`: {item!r}")
                continue
            names = self._names(path, f"proper name {item['id']}", item.get("names"), line)
            if not names:
                self.problem(path, line, f"proper name {item['id']}: missing `names` (language -> spellings)")
                continue
            self.proper_names.append(ProperName(item["id"], str(item.get("kind") or "name"), names,
                                                item.get("place"), item.get("note")))

    def finish(self) -> None:
        for path, raw in self.pending:
            entity = self._entity(path, raw)
            if entity:
                self.entities.append(entity)
        known = {e.id for e in self.entities}
        for entity in self.entities:
            if entity.part_of and entity.part_of not in known:
                path, line = self.where[entity.id]
                self.problem(path, line, f"entity {entity.id}: part_of names unknown entity {entity.part_of!r}")
            for flagged in entity.forms:
                for user in (*flagged.preferred_by, *flagged.official_for):
                    if user not in self.users:
                        path, line = self.where[entity.id]
                        self.problem(path, line, f"entity {entity.id}, form {flagged.id}: unknown user {user!r}")
            for other in entity.homonyms:
                if other not in known or other == entity.id:
                    path, line = self.where[entity.id]
                    self.problem(path, line, f"entity {entity.id}: homonyms names unknown entity {other!r}")
            for other in entity.guards.with_places:
                if other not in known:
                    path, line = self.where[entity.id]
                    self.problem(path, line, f"entity {entity.id}: context.with names unknown entity {other!r}")
            if entity.guards.declares_context and not entity.homonyms:
                path, line = self.where[entity.id]
                self.problem(path, line, f"entity {entity.id}: `context` only settles declared `homonyms`")

    def _entity(self, path: str, raw) -> Entity | None:
        if not isinstance(raw, dict):
            self.problem(path, None, f"an entity must be a mapping, not {raw!r}")
            return None
        line = raw.get("__line__")
        entity_id = raw.get("id")
        if not isinstance(entity_id, str) or not _ID.match(entity_id):
            self.problem(path, line, f"entity without a valid `id` (lower-case ascii, digits, _): {entity_id!r}")
            return None
        label = f"entity {entity_id}"
        if entity_id in self.where:
            other_path, other_line = self.where[entity_id]
            self.problem(path, line, f"{label}: duplicate id, first defined at {other_path}:{other_line}")
            return None
        self.where[entity_id] = (path, line)
        kind = raw.get("kind")
        if kind not in KINDS:
            self.problem(path, line, f"{label}: missing or unknown `kind` {kind!r} (one of {', '.join(sorted(KINDS))})")
        coords = raw.get("coords")
        if coords is not None:
            if (not isinstance(coords, list) or len(coords) != 2
                    or not all(isinstance(c, (int, float)) for c in coords)
                    or not (-90 <= coords[0] <= 90 and -180 <= coords[1] <= 180)):
                self.problem(path, line, f"{label}: `coords` must be [lat, lon] in degrees, got {coords!r}")
                coords = None
            else:
                coords = (float(coords[0]), float(coords[1]))
        raw_forms = raw.get("forms")
        if not isinstance(raw_forms, list) or not raw_forms:
            self.problem(path, line, f"{label}: missing `forms` (a list of rival names)")
            return None
        forms = [f for f in (self._form(path, label, rf) for rf in raw_forms) if f]
        if not forms:
            return None
        form_ids = [f.id for f in forms]
        for form_id in set(form_ids):
            if form_ids.count(form_id) > 1:
                self.problem(path, line, f"{label}: form id {form_id!r} used twice")
        for form in forms:
            if form.rival and form.rival not in form_ids:
                self.problem(path, line, f"{label}: form {form.id} names unknown rival {form.rival!r}")
        homonyms = raw.get("homonyms") or []
        if not isinstance(homonyms, list) or not all(isinstance(h, str) for h in homonyms):
            self.problem(path, line, f"{label}: `homonyms` must be a list of entity ids")
            homonyms = ()
        homonyms = tuple(homonyms)
        self.homonyms[entity_id] = set(homonyms)
        self._claim_spellings(path, entity_id, raw_forms, forms)
        return Entity(
            id=entity_id,
            kind=kind if kind in KINDS else "region",
            forms=tuple(forms),
            coords=coords,
            part_of=raw.get("part_of"),
            notes=(str(raw["notes"]).strip() if raw.get("notes") else None),
            sources=tuple(str(s) for s in raw.get("sources") or ()),
            guards=self._context(path, label, raw, self._guards(path, label, raw.get("guards"))),
            origin=f"{path}:{line}",
            homonyms=homonyms,
            contested=self._flag(path, line, label, raw, "contested"),
        )

    def _flag(self, path: str, line, label: str, raw: dict, key: str) -> bool:
        value = raw.get(key, True)
        if not isinstance(value, bool):
            self.problem(path, line, f"{label}: `{key}` must be true or false, not {value!r}")
            return True
        return value

    def _users(self, path: str, line, where: str, raw: dict, key: str) -> tuple[str, ...]:
        value = raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(path, line, f"{where}: `{key}` must be a list of user keys")
            return ()
        return tuple(value)

    def _guards(self, path: str, label: str, raw) -> Guards:
        if raw is None:
            return Guards()
        if not isinstance(raw, dict):
            self.problem(path, None, f"{label}: `guards` must be a mapping")
            return Guards()
        unknown = set(raw) - {"proper_case", "not_after", "not_before", "readings", "ordinary_word", "not_in_text_of",
                              "ordinary_word_in", "listed_only", "not_spelled", "with_another_name",
                              "with_its_region", "__line__"}
        if unknown:
            self.problem(path, raw.get("__line__"), f"{label}: unknown guards {sorted(unknown)}")
        readings, carried, another_place = [], set(), set()
        for item in raw.get("readings") or ():
            lists = [item.get(k) for k in ("near", "in_sentence")] if isinstance(item, dict) else [None]
            if (not isinstance(item, dict) or not isinstance(item.get("what"), str)
                    or set(item) - {"what", "near", "in_sentence", "carries", "another_place", "__line__"}
                    or not isinstance(item.get("carries", False), bool)
                    or not isinstance(item.get("another_place", False), bool)
                    or not any(lists)
                    or not all(w is None or (isinstance(w, list) and all(isinstance(x, str) and x.strip() for x in w))
                               for w in lists)):
                self.problem(path, raw.get("__line__"), f"{label}: each of `guards.readings` needs `what` (a label) "
                                                        "and `near` and/or `in_sentence` (lists of words), "
                                                        "and may say `carries: true` and `another_place: true`")
                continue
            readings.append((item["what"], Words.of(item.get("near") or ()), Words.of(item.get("in_sentence") or ())))
            if item.get("carries") is True:
                carried.add(item["what"])
            if item.get("another_place") is True:
                another_place.add(item["what"])
        ordinary_word = raw.get("ordinary_word") or []
        if not isinstance(ordinary_word, list) or not all(lang in LANGUAGES for lang in ordinary_word):
            self.problem(path, raw.get("__line__"), f"{label}: `guards.ordinary_word` must be a list of "
                                                    "language codes (the languages in which the name is a word)")
            ordinary_word = []
        not_in_text_of = set()
        spelled = raw.get("not_in_text_of") or {}
        if not isinstance(spelled, dict):
            self.problem(path, raw.get("__line__"), f"{label}: `guards.not_in_text_of` must map a language code "
                                                    "to a list of spellings")
            spelled = {}
        for lang, spellings in spelled.items():
            if lang == "__line__":
                continue
            if not isinstance(spellings, list) or not all(isinstance(w, str) and w.strip() for w in spellings):
                self.problem(path, spelled.get("__line__", raw.get("__line__")),
                             f"{label}: `guards.not_in_text_of.{lang}` must be a list of spellings")
                continue
            not_in_text_of.update((str(lang), fold_key(w)) for w in spellings)
        ordinary_word_in = set()
        words = raw.get("ordinary_word_in") or {}
        if not isinstance(words, dict):
            self.problem(path, raw.get("__line__"), f"{label}: `guards.ordinary_word_in` must map a language code "
                                                    "to a list of words")
            words = {}
        for lang, listed in words.items():
            if lang == "__line__":
                continue
            if lang not in LANGUAGES or not isinstance(listed, list) or not all(
                    isinstance(w, str) and w.strip() and " " not in w.strip() for w in listed):
                self.problem(path, words.get("__line__", raw.get("__line__")),
                             f"{label}: `guards.ordinary_word_in.{lang}` must be a list of single words of a "
                             "language the gazetteer knows")
                continue
            ordinary_word_in.update((str(lang), word_key(w)) for w in listed)
        def spellings(key: str) -> list[str]:
            listed = raw.get(key) or []
            if not isinstance(listed, list) or not all(isinstance(w, str) and w.strip() for w in listed):
                self.problem(path, raw.get("__line__"), f"{label}: `guards.{key}` must be a list of spellings")
                return []
            return listed

        listed_only, with_another_name = spellings("listed_only"), spellings("with_another_name")
        with_its_region, not_spelled = spellings("with_its_region"), spellings("not_spelled")
        return Guards(
            proper_case=bool(raw.get("proper_case", False)),
            not_after=frozenset(fold_key(str(w)) for w in raw.get("not_after") or ()),
            not_before=frozenset(fold_key(str(w)) for w in raw.get("not_before") or ()),
            readings=tuple(readings),
            ordinary_word=frozenset(ordinary_word),
            not_in_text_of=frozenset(not_in_text_of),
            ordinary_word_in=frozenset(ordinary_word_in),
            listed_only=frozenset(fold_key(w) for w in listed_only),
            not_spelled=frozenset(word_key(w.strip()) for w in not_spelled),
            carried=frozenset(carried),
            another_place=frozenset(another_place),
            with_another_name=frozenset(fold_key(w) for w in with_another_name),
            with_its_region=frozenset(fold_key(w) for w in with_its_region),
        )

    def _context(self, path: str, label: str, raw: dict, guards: Guards) -> Guards:
        """The entity's `context` field (how homonyms are told apart), kept with its guards."""
        from dataclasses import replace

        line = raw.get("__line__")
        context = raw.get("context")
        near, with_places = Words(), ()
        if context is not None:
            if not isinstance(context, dict) or set(context) - {"near", "with", "__line__"}:
                self.problem(path, line, f"{label}: `context` must be a mapping with `near` and/or `with`")
            else:
                near = Words.of(context.get("near") or ())
                with_places = tuple(str(w) for w in context.get("with") or ())
        if not (near or with_places):
            return guards
        return replace(guards, near=near, with_places=with_places)

    def _form(self, path: str, label: str, raw) -> Form | None:
        if not isinstance(raw, dict):
            self.problem(path, None, f"{label}: a form must be a mapping, not {raw!r}")
            return None
        line = raw.get("__line__")
        form_id = raw.get("form")
        if not isinstance(form_id, str) or not _ID.match(form_id):
            self.problem(path, line, f"{label}: form without a valid `form` id: {form_id!r}")
            return None
        where = f"{label}, form {form_id}"
        used_by = raw.get("used_by")
        if not isinstance(used_by, list) or not used_by:
            self.problem(path, line, f"{where}: missing `used_by` (who uses this name)")
            used_by = []
        for user in used_by:
            if user not in self.users:
                self.problem(path, line, f"{where}: unknown user {user!r} in used_by (add it under `users`)")
        raw_names = raw.get("names")
        if not isinstance(raw_names, dict) or len(set(raw_names) - {"__line__"}) == 0:
            self.problem(path, line, f"{where}: missing `names` (language -> spellings)")
            return None
        names = self._names(path, where, raw_names, line)
        return Form(
            id=form_id,
            used_by=tuple(used_by),
            names=names,
            since=_date(raw.get("since")),
            until=_date(raw.get("until")),
            note=raw.get("note"),
            rival=raw.get("rival"),
            contested=self._flag(path, line, where, raw, "contested"),
            preferred_by=self._users(path, line, where, raw, "preferred_by"),
            official_for=self._users(path, line, where, raw, "official_for"),
            articles=self._articles(path, line, where, raw.get("article")),
        )

    def _articles(self, path: str, line, where: str, raw) -> dict[str, str]:
        """A form's `article`: language -> the definite article its names take (de, es and fr only)."""
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.problem(path, line, f"{where}: `article` must map a language to an article (es: el)")
            return {}
        articles = {}
        for lang, article in raw.items():
            if lang == "__line__":
                continue
            allowed = ARTICLES.get(lang)
            if allowed is None or article not in allowed:
                choices = "; ".join(f"{code}: {'/'.join(words)}" for code, words in ARTICLES.items())
                self.problem(path, line, f"{where}: article {lang}: {article!r} is not one of {choices}")
                continue
            articles[lang] = article
        return articles

    def _names(self, path: str, where: str, raw_names, line) -> dict[str, tuple[str, ...]]:
        """language -> spellings, each problem reported."""
        if not isinstance(raw_names, dict):
            return {}
        names: dict[str, tuple[str, ...]] = {}
        for lang, spellings in raw_names.items():
            if lang == "__line__":
                continue
            if lang not in LANGUAGES:
                self.problem(path, raw_names.get("__line__"), f"{where}: unknown language code {lang!r}")
                continue
            if isinstance(spellings, str):
                spellings = [spellings]
            if not isinstance(spellings, list) or not all(isinstance(s, str) and s.strip() for s in spellings):
                self.problem(path, raw_names.get("__line__"), f"{where}: names.{lang} must be a list of spellings")
                continue
            names[lang] = tuple(s.strip() for s in spellings)
        return names

    def _claim_spellings(self, path: str, entity_id: str, raw_forms: list, forms: list[Form]) -> None:
        """Two entities, or two forms of one, must not claim the same folded spelling."""
        lines = {rf.get("form"): (rf.get("names") or {}).get("__line__") for rf in raw_forms if isinstance(rf, dict)}
        for form in forms:
            for _, spelling in form.spellings():
                key = fold_key(spelling)
                owner = (entity_id, form.id)
                if key not in self.claims:
                    self.claims[key] = (*owner, path, lines.get(form.id))
                    continue
                other_entity, other_form, other_path, other_line = self.claims[key]
                if (other_entity, other_form) == owner:
                    continue
                if other_entity != entity_id and other_path == path and path in self.shared:
                    continue  # the file allows its places to share spellings
                if other_entity in self.homonyms.get(entity_id, ()) or entity_id in self.homonyms.get(other_entity, ()):
                    continue  # declared homonyms (Martuni and Martuni): the context decides
                whose = (f"entity {other_entity}" if other_entity != entity_id
                         else f"form {other_form} of the same entity")
                self.problem(path, lines.get(form.id),
                             f"spelling {spelling!r} of entity {entity_id} (form {form.id}) is also claimed by "
                             f"{whose} at {other_path}:{other_line}")


def check(paths: Iterable[str] | None = None) -> tuple[Gazetteer | None, list[Problem]]:
    """Read and validate gazetteer files; return the gazetteer (if readable) and every problem."""
    checker = _Checker()
    resolved = resolve_paths(paths)
    for path in resolved:
        checker.add_file(str(path), _LineLoader.load(_read(path), str(path)))
    checker.finish()
    context = merge(checker.contexts)
    context = replace(context, people_names=context.people_names | village_surnames(checker.entities))
    gazetteer = Gazetteer(tuple(checker.entities), checker.users, tuple(str(p) for p in resolved),
                          context, tuple(checker.proper_names), tuple(sorted(checker.shared)))
    return gazetteer, checker.problems


# Folded endings of an Azerbaijani village's name that make it a surname too: the patronymic -lı,
# -li, -lu, -lü after a given name (Süleymanlı, Cəfərli, Mahmudlu, Mehdibəyli). Since the 1990s
# Azerbaijanis write surnames so (the writer Mövlud Süleymanlı, the economist Natiq Cəfərli), and
# a village named after its founder's clan shares them: such a name is tested for the person rules
# (`Context.is_person`), as the names in `context.people_names` are.
_PATRONYMIC_ENDINGS = ("li", "lu")
_SURNAME_STEM = 5


def village_surnames(entities: Iterable[Entity]) -> frozenset[str]:
    """Folded single-word spellings of villages and towns whose Azerbaijani name ends like a surname.

    >>> from types import SimpleNamespace as N
    >>> form = N(names={"az": ["Cəfərli"], "ru": ["Джафарли"], "en": ["Jafarli"]})
    >>> sorted(village_surnames([N(kind="village", forms=(form,))]))
    ['ceferli', 'jafarli', 'джафарли']
    """
    names: set[str] = set()
    for entity in entities:
        if entity.kind not in ("village", "settlement", "town", "city"):
            continue
        for form in entity.forms:
            local = [fold_key(w) for w in form.names.get("az", ()) if " " not in w and "-" not in w]
            stem = _SURNAME_STEM - (entity.kind == "village")  # Umudlu (the referee Kamal Umudlu), not Xocalı
            if any(len(w) - 2 >= stem and w.endswith(_PATRONYMIC_ENDINGS) for w in local):
                names.update(fold_key(w) for spellings in form.names.values() for w in spellings
                             if " " not in w and "-" not in w)
    return frozenset(names)


# The languages every place of the curated gazetteer is written in: `gazetteer validate` asks each
# entity for a rendering in each (a form without one gets a derived transliteration when written).
CORE_LANGUAGES = ("en", "az", "hy", "ru", "tr", "fr", "de", "es")


def missing_renderings(gazetteer: Gazetteer, langs: Iterable[str] = CORE_LANGUAGES) -> list[Problem]:
    """A problem for each entity that no form renders in one of `langs`, where the entity is defined.

    >>> from toponyms.gazetteer import load
    >>> missing_renderings(load())
    []
    """
    problems = []
    for entity in gazetteer.entities:
        if gazetteer.shared_paths and entity.origin.rpartition(":")[0] in gazetteer.shared_paths:
            continue  # an imported file (shared_spellings: allowed) has the names its source had
        lacking = [lang for lang in langs if entity.rendering(lang) is None]
        if lacking:
            path, _, line = entity.origin.rpartition(":")
            problems.append(Problem(path or entity.origin, int(line) if line.isdigit() else None,
                                    f"entity {entity.id}: no rendering in {', '.join(lacking)}"))
    return problems


def load(paths: Iterable[str] | None = None) -> Gazetteer:
    """Read gazetteer files; raise GazetteerError naming the first problem if any."""
    gazetteer, problems = check(paths)
    if problems:
        more = f" (and {len(problems) - 1} more problems: run `toponyms gazetteer validate`)" if len(problems) > 1 else ""
        raise GazetteerError(f"{problems[0]}{more}")
    return gazetteer

"""GeoNames dumps into this project's gazetteer format.

GeoNames (geonames.org) publishes two kinds of tab-separated dumps, both read
here line by line (plain, ``.zip`` as downloaded, or ``.gz``):

- the main table, ``allCountries.txt`` or one country's ``XX.txt``: 19 columns,
  geonameid, name, asciiname, alternatenames, latitude, longitude, feature
  class, feature code, country code, cc2, admin1-4 codes, population,
  elevation, dem, timezone, modification date;
- ``alternateNames.txt`` (8 columns) or ``alternateNamesV2.txt`` (10):
  alternateNameId, geonameid, isolanguage, alternate name, isPreferredName,
  isShortName, isColloquial, isHistoric[, from, to].

Each place kept becomes an entity ``geonames_<geonameid>`` with a kind from its
feature class and code, its coordinates, a form ``current`` (used by
``geonames``) with its names in the project's languages, preferred names first,
and a form ``historical`` with the names GeoNames marks historic. Rows in
other languages, pseudo-languages (``link``, ``post``, ``iata``, ``wkdt`` ...),
URLs and colloquial names are left out. The file written sets
``shared_spellings: allowed``, since many places share a name, and holds one
entity per line so that it loads fast.

>>> kind_of("P", "PPLA", 0), kind_of("P", "PPL", 12000), kind_of("P", "PPL", 300)
('city', 'town', 'village')
>>> kind_of("H", "STM", 0), kind_of("A", "ADM2", 0), kind_of("S", "HTL", 0)
('river', 'district', 'settlement')
>>> language("hy"), language("hye"), language("pt-BR"), language("link"), language("fr_1793")
('hy', 'hy', 'pt', None, None)
"""

from __future__ import annotations

import datetime as _dt
import gzip
import io
import json
import math
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ToponymsError
from .fold import fold_key
from .gazetteer import LANGUAGES

MAIN_COLUMNS = 19
ALTERNATE_COLUMNS = (8, 10)
FEATURE_CLASSES = {
    "A": "country, state, region", "H": "stream, lake", "L": "parks, area", "P": "city, village",
    "R": "road, railroad", "S": "spot, building, farm", "T": "mountain, hill, rock", "U": "undersea",
    "V": "forest, heath",
}
CURRENT_FORM, HISTORICAL_FORM = "current", "historical"
USERS = {
    "geonames": "names in GeoNames (geonames.org), imported with `toponyms gazetteer import geonames`",
    "historical": "older or historical name",
}
# Populated places of at least this many people are towns, smaller ones villages.
TOWN_POPULATION = 5000
# Names that fold to fewer characters than this are letters or codes, not names to look for.
MIN_NAME_LENGTH = 2

# ISO 639-2 codes (terminology and bibliographic) of the project's languages.
_ISO639_2 = {
    "eng": "en", "aze": "az", "hye": "hy", "arm": "hy", "rus": "ru", "tur": "tr", "fra": "fr", "fre": "fr",
    "deu": "de", "ger": "de", "spa": "es", "fas": "fa", "per": "fa", "kat": "ka", "geo": "ka", "ukr": "uk",
    "ita": "it", "por": "pt", "cat": "ca", "ara": "ar", "nld": "nl", "dut": "nl", "pol": "pl", "bel": "be",
    "kaz": "kk", "heb": "he", "ell": "el", "gre": "el", "zho": "zh", "chi": "zh", "jpn": "ja", "swe": "sv",
    "ces": "cs", "cze": "cs",
}


class GeoNamesError(ToponymsError):
    """A GeoNames file is missing, unreadable or not in the format GeoNames publishes."""


def language(code: str) -> str | None:
    """The project's language code for a GeoNames isolanguage value, or None to leave the name out.

    Pseudo-languages (link, post, iata, icao, faac, abbr, unlc, wkdt, phon,
    piny, fr_1793 ...) are not languages; ``pt-BR`` is Portuguese.
    """
    code = code.strip()
    if code in LANGUAGES:
        return code
    if code in _ISO639_2:
        return _ISO639_2[code]
    base, dash, region = code.partition("-")
    if dash and base in LANGUAGES and region.isalpha() and region.isupper() and len(region) == 2:
        return base
    return None


def kind_of(feature_class: str, feature_code: str, population: int) -> str:
    """The gazetteer kind of a GeoNames feature."""
    code = feature_code
    if feature_class == "P":
        if code in ("PPLC", "PPLA", "PPLG"):
            return "city"
        if code in ("PPLH", "PPLQ", "PPLW", "PPLX", "PPLCH"):
            return "settlement"  # historical, abandoned, destroyed places and parts of places
        if code.startswith("PPL"):
            return "town" if population >= TOWN_POPULATION else "village"
        return "settlement"
    if feature_class == "A":
        if code.startswith("ADM1"):
            return "province"
        if code.startswith(("ADM2", "ADM3", "ADM4", "ADM5", "ADMD")):
            return "district"
        if code.startswith("PCL"):
            return "country"
        return "region"
    if feature_class == "H":
        if code.startswith("STM"):
            return "river"
        if code.startswith("LK"):
            return "lake"
        if code.startswith("RSV"):
            return "reservoir"
        return "settlement"
    if feature_class == "T":
        if code in ("MTS", "RDGE", "HLLS"):
            return "range"
        if code.startswith(("MT", "PK", "HLL", "VLC")):
            return "mountain"
        if code in ("PASS", "GAP"):
            return "pass"
        return "settlement"
    if feature_class == "L" and code in ("RGN", "RGNE", "RGNH", "AREA"):
        return "region"
    if feature_class == "R" and code.startswith(("RD", "TRL")):
        return "road"
    return "settlement"


@dataclass
class Place:
    """One GeoNames feature and the names collected for it."""

    geonameid: str
    name: str
    asciiname: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    population: int
    # lang -> [(order key, spelling)]: preferred names sort first, short names last.
    current: dict[str, list[tuple[tuple, str]]] = field(default_factory=dict)
    historic: dict[str, list[tuple[tuple, str]]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"geonames_{self.geonameid}"

    @property
    def kind(self) -> str:
        return kind_of(self.feature_class, self.feature_code, self.population)


@dataclass
class Filters:
    """Which places of a dump to keep."""

    countries: frozenset[str] = frozenset()
    feature_classes: frozenset[str] = frozenset()
    min_population: int = 0

    @classmethod
    def of(cls, countries: Iterable[str] = (), feature_classes: Iterable[str] = (), min_population: int = 0):
        countries = frozenset(c.strip().upper() for c in countries)
        for country in countries:
            if len(country) != 2 or not country.isalpha():
                raise GeoNamesError(f"--country {country!r}: give an ISO 3166 two-letter code such as AZ or AM")
        classes = frozenset(c.strip().upper() for c in feature_classes)
        for feature_class in classes:
            if feature_class not in FEATURE_CLASSES:
                raise GeoNamesError(f"--feature-class {feature_class!r}: one of "
                                    + ", ".join(f"{k} ({v})" for k, v in FEATURE_CLASSES.items()))
        if min_population < 0:
            raise GeoNamesError("--min-population must not be negative")
        return cls(countries, classes, min_population)

    def keeps(self, country: str, feature_class: str, population: int) -> bool:
        return ((not self.countries or country in self.countries)
                and (not self.feature_classes or feature_class in self.feature_classes)
                and population >= self.min_population)


@dataclass
class ImportResult:
    """What an import made: the gazetteer text and the counts to report."""

    text: str
    places: int
    names: int
    rows: int
    alternate_rows: int
    filtered: int
    known: int
    trimmed: int
    nameless: int

    def summary(self, source: str) -> str:
        parts = [f"{self.places} places, {self.names} names from {source} ({self.rows} rows"
                 + (f", {self.alternate_rows} alternate names" if self.alternate_rows else "") + ")"]
        if self.filtered:
            parts.append(f"{self.filtered} filtered out")
        if self.known:
            parts.append(f"{self.known} skipped: names already in the gazetteer (--keep-known keeps them)")
        if self.trimmed:
            parts.append(f"{self.trimmed} kept without the names the gazetteer already has")
        if self.nameless:
            parts.append(f"{self.nameless} without a usable name")
        return "; ".join(parts)


# ---------------------------------------------------------------- reading files


def _open_text(path: str) -> io.TextIOBase:
    """A text stream over a dump: plain, the .zip GeoNames serves, or gzip."""
    file = Path(path)
    if not file.exists():
        raise GeoNamesError(f"{path}: no such file")
    if file.is_dir():
        raise GeoNamesError(f"{path}: is a directory")
    try:
        if zipfile.is_zipfile(file):
            archive = zipfile.ZipFile(file)
            members = [m for m in archive.namelist()
                       if m.endswith(".txt") and Path(m).name not in ("readme.txt", "iso-languagecodes.txt")]
            wanted = f"{file.stem}.txt"
            member = wanted if wanted in members else (max(members, key=lambda m: archive.getinfo(m).file_size)
                                                       if members else None)
            if member is None:
                raise GeoNamesError(f"{path}: a zip archive without a GeoNames .txt table")
            return io.TextIOWrapper(archive.open(member), encoding="utf-8", newline="")
        with open(file, "rb") as probe:
            gzipped = probe.read(2) == b"\x1f\x8b"
        if gzipped:
            return io.TextIOWrapper(gzip.open(file, "rb"), encoding="utf-8", newline="")
        return open(file, encoding="utf-8", newline="")
    except OSError as exc:
        raise GeoNamesError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _rows(path: str, columns: tuple[int, ...], what: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of every data line; blank lines and # comments are skipped."""
    number = 0
    with _open_text(path) as stream:
        try:
            for number, line in enumerate(stream, 1):
                line = line.rstrip("\r\n")
                if not line or line.startswith("#"):
                    continue
                fields = line.split("\t")
                if len(fields) not in columns:
                    raise GeoNamesError(_column_message(path, number, len(fields), columns, what))
                yield number, fields
        except UnicodeDecodeError:
            raise GeoNamesError(f"{path}:{number + 1}: not UTF-8 text") from None
        except (OSError, EOFError, zipfile.BadZipFile, gzip.BadGzipFile) as exc:
            raise GeoNamesError(f"{path}:{number + 1}: cannot read: {exc}") from None


def _column_message(path: str, number: int, found: int, columns: tuple[int, ...], what: str) -> str:
    expected = " or ".join(str(c) for c in columns)
    message = f"{path}:{number}: {found} tab-separated columns, a GeoNames {what} row has {expected}"
    if columns == (MAIN_COLUMNS,) and found in ALTERNATE_COLUMNS:
        message += " (this looks like an alternateNames file: give it with --alternate-names)"
    elif columns == ALTERNATE_COLUMNS and found == MAIN_COLUMNS:
        message += " (this looks like a main table such as allCountries.txt: give it as FILE)"
    return message


def _number(path: str, number: int, column: str, text: str, kind=float):
    try:
        value = kind(text) if text.strip() else kind(0)
    except ValueError:
        raise GeoNamesError(f"{path}:{number}: {column} {text!r} is not a number") from None
    if kind is float and not math.isfinite(value):
        raise GeoNamesError(f"{path}:{number}: {column} {text!r} is not a number")
    return value


def read_places(path: str, filters: Filters) -> tuple[dict[str, Place], int, int]:
    """The places of a main table that pass `filters`: (geonameid -> Place, rows read, rows filtered out)."""
    places: dict[str, Place] = {}
    rows = filtered = 0
    for number, f in _rows(path, (MAIN_COLUMNS,), "main table (allCountries.txt, XX.txt)"):
        rows += 1
        population = _number(path, number, "population", f[14], int)
        if not filters.keeps(f[8], f[6], population):
            filtered += 1
            continue
        geonameid = f[0].strip()
        if not geonameid.isdigit():
            raise GeoNamesError(f"{path}:{number}: geonameid {f[0]!r} is not a number")
        lat = _number(path, number, "latitude", f[4])
        lon = _number(path, number, "longitude", f[5])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GeoNamesError(f"{path}:{number}: coordinates {f[4]}, {f[5]} are out of range")
        places[geonameid] = Place(geonameid, f[1].strip(), f[2].strip(), lat, lon, f[6], f[7], f[8], population)
    return places, rows, filtered


def add_alternate_names(path: str, places: dict[str, Place]) -> int:
    """Add the names of an alternateNames(V2) file to `places`; return how many rows were used."""
    used = 0
    languages: dict[str, str | None] = {}
    for number, f in _rows(path, ALTERNATE_COLUMNS, "alternateNames"):
        place = places.get(f[1])
        if place is None:
            continue
        code = f[2]
        lang = languages.get(code, "")
        if lang == "":
            lang = languages[code] = language(code)
        name = f[3].strip()
        if lang is None or not name or "://" in name or name.startswith("www."):
            continue
        if f[6] == "1":  # colloquial: nicknames, not names to look for
            continue
        preferred, short = f[4] == "1", f[5] == "1"
        order = (not preferred, short, number)
        (place.historic if f[7] == "1" else place.current).setdefault(lang, []).append((order, name))
        used += 1
    return used


# ---------------------------------------------------------------- building entities


def _spellings(collected: dict[str, list[tuple[tuple, str]]], taken: set[str]) -> tuple[dict[str, list[str]], set]:
    """(lang -> spellings, preferred first; their folded keys), leaving out names that fold alike or are too short."""
    names: dict[str, list[str]] = {}
    keys: set[str] = set()
    for lang in sorted(collected, key=lambda code: (code != "en", code)):
        seen: set[str] = set()
        for _, name in sorted(collected[lang]):
            key = fold_key(name)
            if len(key) < MIN_NAME_LENGTH or key in seen or key in taken:
                continue
            seen.add(key)
            names.setdefault(lang, []).append(name)
        keys |= seen
    return names, keys


def entity_of(place: Place) -> tuple[dict, set[str]] | None:
    """The gazetteer entity of a place (a plain dict) and its folded spellings, or None when it has no usable name."""
    current = place.current
    if "en" not in current:
        english = [((False, False, 0), place.name)]
        if place.asciiname and place.asciiname != place.name:
            english.append(((False, True, 0), place.asciiname))
        current = {**current, "en": english}
    names, keys = _spellings(current, set())
    if not names:
        return None
    forms = [{"form": CURRENT_FORM, "used_by": ["geonames"], "names": names}]
    historic, old_keys = _spellings(place.historic, keys)
    if historic:
        forms.append({"form": HISTORICAL_FORM, "used_by": ["historical"], "names": historic})
    entity = {"id": place.id, "kind": place.kind, "coords": [place.lat, place.lon], "forms": forms}
    return entity, keys | old_keys


def _drop_known(entity: dict, known: set[str]) -> dict | None:
    """The entity without the spellings `known` claims, or None if nothing is left of its current form."""
    forms = []
    for form in entity["forms"]:
        names = {lang: [s for s in spellings if fold_key(s) not in known] for lang, spellings in form["names"].items()}
        names = {lang: spellings for lang, spellings in names.items() if spellings}
        if names:
            forms.append({**form, "names": names})
        elif form["form"] == CURRENT_FORM:
            return None
    return {**entity, "forms": forms}


def _coordinate(value: float) -> str:
    """A coordinate as YAML reads a float: fixed notation with a dot, never an exponent."""
    text = f"{value:.6f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


# Characters YAML does not take raw (or reads as line breaks): written as JSON escapes.
_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def entity_line(entity: dict) -> str:
    """One entity as a line of the gazetteer file: a JSON object, which YAML reads the same."""
    lat, lon = entity["coords"]
    forms = _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(entity["forms"], ensure_ascii=False))
    return (f'  - {{"id": {json.dumps(entity["id"])}, "kind": {json.dumps(entity["kind"])}, '
            f'"coords": [{_coordinate(lat)}, {_coordinate(lon)}], "forms": {forms}}}')


_HEADER = """\
# toponyms gazetteer imported from GeoNames (geonames.org, CC BY 4.0) by `toponyms gazetteer import geonames`.
#
# Source: {sources}
# Filters: {filters}
# Made: {made}; {places} places, {names} names.
#
# The schema is the one documented in the project's gazetteer.yaml, written one entity per line
# (each line a JSON object, which YAML reads the same way and toponyms reads fast). Each place is
# `geonames_<geonameid>`; its form `current` holds the names GeoNames gives it in the project's
# languages (the preferred name first), its form `historical` the names GeoNames marks historic.
#
# shared_spellings: allowed lets the places of this file share spellings with each other (many
# villages have the same name); a spelling of another gazetteer file is still a conflict. When a
# text names such a place, toponyms takes the place the text names unambiguously elsewhere, else the
# first. Use it beside the built-in gazetteer: toponyms find -g builtin -g THIS_FILE
"""


def import_geonames(
    main: str,
    alternate_names: str | None = None,
    filters: Filters = Filters(),
    known_keys: set[str] | None = None,
    known_ids: set[str] | None = None,
    keep_known: bool = False,
) -> ImportResult:
    """Read GeoNames dumps into the text of a gazetteer file.

    Places with a spelling in `known_keys` (folded spellings of the gazetteers
    they will be used with) are left out, unless `keep_known`: then they are
    kept without those spellings, so that the file still loads beside them.
    """
    places, rows, filtered = read_places(main, filters)
    alternate_rows = add_alternate_names(alternate_names, places) if alternate_names else 0
    known_keys, known_ids = known_keys or set(), known_ids or set()
    lines, names = [], 0
    known = trimmed = nameless = 0
    for place in places.values():
        made = entity_of(place)
        if made is None:
            nameless += 1
            continue
        entity, keys = made
        if entity["id"] in known_ids:
            known += 1
            continue
        if not keys.isdisjoint(known_keys):
            if not keep_known:
                known += 1
                continue
            entity = _drop_known(entity, known_keys)
            if entity is None:
                known += 1
                continue
            trimmed += 1
        names += sum(len(s) for form in entity["forms"] for s in form["names"].values())
        lines.append(entity_line(entity))
    described = [f"countries {', '.join(sorted(filters.countries))}" if filters.countries else "",
                 f"feature classes {', '.join(sorted(filters.feature_classes))}" if filters.feature_classes else "",
                 f"population >= {filters.min_population}" if filters.min_population else "",
                 "places already known kept" if keep_known else "places already known skipped"]
    header = _HEADER.format(
        sources=", ".join(Path(p).name for p in (main, alternate_names) if p),
        filters="; ".join(d for d in described if d),
        made=_dt.date.today().isoformat(), places=len(lines), names=names,
    )
    text = (header + "shared_spellings: allowed\n"
            + f"users: {json.dumps(USERS, ensure_ascii=False)}\n"
            + ("entities:\n" + "\n".join(lines) + "\n" if lines else "entities: []\n"))
    return ImportResult(text, len(lines), names, rows, alternate_rows, filtered, known, trimmed, nameless)


def known_names(paths: Iterable[str] | None) -> tuple[set[str], set[str]]:
    """(folded spellings, entity ids) of the gazetteers an import is checked against."""
    from .gazetteer import load

    gazetteer = load(paths)
    keys = {fold_key(spelling) for entity in gazetteer.entities for spelling in entity.names()}
    return keys, {entity.id for entity in gazetteer.entities}

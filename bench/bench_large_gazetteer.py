"""A 500,000-name gazetteer imported from GeoNames-format dumps: import time, start-up, find throughput.

Run: python bench/bench_large_gazetteer.py [NAMES]   (default 500000)
Goals: `toponyms find` starts in under 1 s with the cache warm; find scans 5 MB/s or more
with the built-in and the large gazetteer together.

The dumps are generated (synthetic but shaped like GeoNames: an allCountries-style
main table and an alternateNamesV2 file; pronounceable names in Latin, Cyrillic and
Armenian script, several languages per place, historic names, places sharing a
name, link and postcode rows to skip, places of feature classes the import filters
out). Everything is written under bench/out/large/ and the cache goes to a
directory of its own there.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import SEED, multilingual_text  # noqa: E402

OUT = ROOT / "bench" / "out" / "large"
CONSONANTS = ["b", "d", "g", "k", "l", "m", "n", "r", "s", "t", "v", "z", "ş", "ç", "x", "q", "h", "c", "y"]
VOWELS = ["a", "e", "i", "o", "u", "ə", "ı", "ü"]
CYRILLIC = {"b": "б", "d": "д", "g": "г", "k": "к", "l": "л", "m": "м", "n": "н", "r": "р", "s": "с", "t": "т",
            "v": "в", "z": "з", "ş": "ш", "ç": "ч", "x": "х", "q": "г", "h": "х", "c": "дж", "y": "й",
            "a": "а", "e": "е", "i": "и", "o": "о", "u": "у", "ə": "я", "ı": "ы", "ü": "ю"}
ARMENIAN = {"b": "բ", "d": "դ", "g": "գ", "k": "կ", "l": "լ", "m": "մ", "n": "ն", "r": "ր", "s": "ս", "t": "տ",
            "v": "վ", "z": "զ", "ş": "շ", "ç": "չ", "x": "խ", "q": "ղ", "h": "հ", "c": "ջ", "y": "յ",
            "a": "ա", "e": "ե", "i": "ի", "o": "ո", "u": "ու", "ə": "ա", "ı": "ը", "ü": "յու"}
SUFFIXES = ["li", "lı", "kənd", "abad", "bulaq", "dərə", "yurd", "qala", "ber", "van", "ashen", "avan"]
COUNTRIES = ["AZ", "AM", "GE", "TR", "IR", "RU"]


def _transliterate(name: str, table: dict[str, str]) -> str:
    out = "".join(table.get(ch, ch) for ch in name.lower())
    return out[:1].upper() + out[1:]


def _latin_name(rng: random.Random) -> str:
    syllables = rng.choice((2, 2, 3, 3, 4))
    name = "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(syllables))
    if rng.random() < 0.5:
        name += rng.choice(SUFFIXES)
    if rng.random() < 0.05:
        name += " " + "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(2))
    return name.capitalize()


def generate(names_wanted: int, main_path: Path, alternate_path: Path, seed: int = 20201003) -> dict:
    """Write the two dumps; return counts. About `names_wanted` names land in the gazetteer."""
    rng = random.Random(seed)
    places = names = rows = alternate_rows = 0
    earlier: list[str] = []
    alternate_id = 1
    with open(main_path, "w", encoding="utf-8") as main, open(alternate_path, "w", encoding="utf-8") as alternate:
        geonameid = 100000
        while names < names_wanted:
            geonameid += 1
            rows += 1
            # One place in twelve shares its name with an earlier one, as villages do.
            name = rng.choice(earlier) if earlier and rng.random() < 1 / 12 else _latin_name(rng)
            if len(earlier) < 50000:
                earlier.append(name)
            roll = rng.random()
            feature = (("S", "HTL") if roll < 0.08 else ("H", "STM") if roll < 0.12 else ("H", "LK") if roll < 0.13
                       else ("T", "MT") if roll < 0.16 else ("A", "ADM2") if roll < 0.17
                       else ("P", "PPLA") if roll < 0.18 else ("P", "PPL"))
            population = int(rng.paretovariate(1.2) * 200) if feature[0] == "P" else 0
            lat, lon = rng.uniform(38.0, 42.0), rng.uniform(44.0, 50.5)
            ascii_name = name.translate(str.maketrans("əışçüöğ", "eiscuog"))
            main.write("\t".join([
                str(geonameid), name, ascii_name, f"{ascii_name},{_transliterate(name, CYRILLIC)}",
                f"{lat:.5f}", f"{lon:.5f}", feature[0], feature[1], rng.choice(COUNTRIES), "", "01", "", "", "",
                str(population), "", str(rng.randint(0, 3000)), "Asia/Baku", "2023-01-01",
            ]) + "\n")
            if feature[0] == "S":
                continue  # filtered out by the import's --feature-class
            places += 1
            spellings = [("az", name, True), ("ru", _transliterate(name, CYRILLIC), False),
                         ("hy", _transliterate(name, ARMENIAN), False)]
            if rng.random() < 0.5:
                spellings.append(("en", ascii_name, rng.random() < 0.5))
            for lang in ("de", "tr", "fr"):
                if rng.random() < 0.15:
                    spellings.append((lang, ascii_name if lang != "tr" else name, False))
            if rng.random() < 0.12:
                old = _latin_name(rng)
                spellings += [("az", old, "historic"), ("ru", _transliterate(old, CYRILLIC), "historic")]
            for lang, spelling, flag in spellings:
                historic = flag == "historic"
                alternate.write(f"{alternate_id}\t{geonameid}\t{lang}\t{spelling}\t{'1' if flag is True else ''}"
                                f"\t\t\t{'1' if historic else ''}\t\t\n")
                alternate_id += 1
                alternate_rows += 1
            names += len({(lang, s) for lang, s, _ in spellings}) + (0 if any(s[0] == "en" for s in spellings) else 1)
            if rng.random() < 0.2:
                alternate.write(f"{alternate_id}\t{geonameid}\tlink\thttps://en.wikipedia.org/wiki/{ascii_name}"
                                "\t\t\t\t\t\t\n")
                alternate.write(f"{alternate_id + 1}\t{geonameid}\tpost\tAZ{rng.randint(1000, 9999)}\t\t\t\t\t\t\n")
                alternate_id += 2
                alternate_rows += 2
    return {"rows": rows, "places": places, "names": names, "alternate_rows": alternate_rows}


def median_seconds(command: list[str], env: dict, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# `toponyms find` through load_matcher, for as long as the CLI does not call it itself.
_FIND_SCRIPT = """
import sys
import toponyms.cli
from toponyms.compiled import load_matcher
from toponyms.inputs import read_text
gazetteer, matcher = load_matcher(sys.argv[2:])
text = read_text(sys.argv[1])
for m in matcher.find(text):
    print(f"{text.count(chr(10), 0, m.start) + 1}\\t{m.start}-{m.end}\\t{m.surface}\\t{m.entity_id}\\t{m.form}\\t{m.lang}")
"""


def main() -> None:
    names_wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
    OUT.mkdir(parents=True, exist_ok=True)
    main_path, alternate_path = OUT / "allCountries.txt", OUT / "alternateNamesV2.txt"
    gazetteer_path, cache = OUT / "geonames.yaml", OUT / "cache"
    toponyms = shutil.which("toponyms", path=str(Path(sys.executable).parent)) or "toponyms"

    started = time.perf_counter()
    counts = generate(names_wanted, main_path, alternate_path)
    print(f"generated {counts['rows']} main rows ({main_path.stat().st_size / 1e6:.0f} MB) and "
          f"{counts['alternate_rows']} alternate names ({alternate_path.stat().st_size / 1e6:.0f} MB) "
          f"in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    done = subprocess.run([toponyms, "gazetteer", "import", "geonames", str(main_path), "--alternate-names",
                           str(alternate_path), "-f", "P", "-f", "H", "-f", "T", "-f", "A",
                           "-o", str(gazetteer_path), "--force"], capture_output=True, text=True)
    imported = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"import failed: {done.stderr.strip()}")
    print(f"import: {imported:.1f} s  ({done.stderr.strip()}; {gazetteer_path.stat().st_size / 1e6:.0f} MB)")

    env = {**os.environ, "TOPONYMS_CACHE_DIR": str(cache)}
    sample = OUT / "article.txt"
    sample.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    gazetteers = ["builtin", str(gazetteer_path)]
    wired = "load_matcher" in (ROOT / "toponyms" / "cli.py").read_text(encoding="utf-8")
    if wired:
        command = [toponyms, "find", str(sample)] + [a for g in gazetteers for a in ("-g", g)]
        how = "toponyms find"
    else:
        command = [sys.executable, "-c", _FIND_SCRIPT, str(sample), *gazetteers]
        how = "toponyms.cli imported + load_matcher + find (the CLI does not call load_matcher yet)"
    print(f"start-up measured as: {how}")

    bare = median_seconds([sys.executable, "-c", "pass"], env, 9)
    shutil.rmtree(cache, ignore_errors=True)
    cold = median_seconds(command, env, 1)
    warm = median_seconds(command, env, 7)
    size = sum(p.stat().st_size for p in cache.glob("matcher-*.bin")) / 1e6
    print(f"python -c pass       {bare * 1000:8.0f} ms")
    print(f"find, cache empty    {cold * 1000:8.0f} ms  (reads YAML, builds the matcher, writes {size:.0f} MB of cache)")
    print(f"find, cache warm     {warm * 1000:8.0f} ms  {warm / bare:5.1f}x python -c pass  "
          f"(goal < 1 s: {'met' if warm < 1 else 'NOT met'})")

    os.environ["TOPONYMS_CACHE_DIR"] = str(cache)
    from toponyms.compiled import load_matcher

    started = time.perf_counter()
    gazetteer, matcher = load_matcher(gazetteers)
    loaded = time.perf_counter() - started
    text = multilingual_text(20_000_000)
    megabytes = len(text.encode("utf-8")) / 1e6
    best, mentions = float("inf"), []
    for _ in range(3):
        started = time.perf_counter()
        mentions = matcher.find(text)
        best = min(best, time.perf_counter() - started)
    throughput = megabytes / best
    print(f"gazetteer: {len(gazetteer)} entities, {len(matcher)} keys; loaded from the cache in {loaded * 1000:.0f} ms")
    print(f"find throughput {throughput:8.1f} MB/s  on {megabytes:.1f} MB ({len(mentions)} mentions, {best:.2f} s)  "
          f"(goal 5 MB/s: {'met' if throughput >= 5 else 'NOT met'})")


if __name__ == "__main__":
    main()

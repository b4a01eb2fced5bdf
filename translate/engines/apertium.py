"""Rule-based translation through the Apertium command-line pipeline.

The engine shells out to the `apertium` script (Debian: `apt-get install
apertium apertium-eng-spa`), ONCE per `translate` call, whatever the number
of segments.

How segments are kept apart in one call
---------------------------------------
Apertium's text deformatter (`apertium-destxt`) keeps the line layout, but a
single newline is only a *blank* to the rest of the pipeline: the tagger,
lexical selection and structural transfer all work across it, so joining
segments with '\\n' moves words between lines (measured with eng-spa:
"The" / "house is big" comes back as "La" / "casa es grande", while each line
alone gives "El" / "La casa es grande"; "in front" / "of the house" loses its
"of" to the line before).

A blank line is different: the deformatter inserts a sentence end (`.[]`)
before every run of whitespace holding two newlines, exactly as it does at the
end of the input, and the whole run becomes one "superblank" that every stage
copies verbatim. So each segment sees the same token stream as when it is
translated alone, followed by one superblank. The separator used here is
"\\n\\n" + k tabs + "\\n\\n", with k chosen so that the separator occurs in no
segment; the output is split on it and the number of pieces is checked
(EngineError if it differs). Measured on every non-empty line of
seeds/karabakh-2020-10-04.txt and on adversarial pairs of lines: each output
is byte-identical to running `apertium -u eng-spa` on that line alone, while
one process for 23 lines takes 0.2 s instead of 5.5 s.

Leading and trailing whitespace of a segment never reaches Apertium: it is cut
off before and put back after, and whitespace-only segments come back
unchanged without being sent.

The tagger remembers
--------------------
Every stage but one forgets a segment once it is past. The part-of-speech
tagger (`apertium-tagger -g`, an HMM) does not: it keeps, for the whole run,
the table of ambiguity classes (the sets of readings a word may have), adds
every class the model never saw when a word first shows one, and for a word
of an unseen class picks the nearest class from that table. So a word such as
"known" (adjective or participle) in one paragraph changes how a later
paragraph's "moves" (noun or verb) is tagged: measured with eng-spa on the
project's own documentation, "Dask moves only the task lists" became "Dask
Movimientos..." after a paragraph holding "--keep-known", and "Mueve" alone.
Null-flush mode (-z) does not reset that table either.

So the pipeline is run in three parts: analysis (deformatter, morphological
analyser) once over the joined segments; the tagger once per segment, each in
a fresh process (they run side by side), on exactly the stream that segment
alone gives; and the rest (transfer, generation, reformatter), which keeps no
state across the sentence end and superblank, once over the joined tagged
segments. Each segment's output is then byte-identical to `apertium` on that
segment alone, whatever surrounds it (tests/test_apertium_isolation.py checks
it on hundreds of generated documents per installed pair). A mode without a
single tagger stage, or an `apertium` binary given explicitly (a wrapper of
the user's), runs as one pipeline, as before.
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import signal
import subprocess
from concurrent.futures import ThreadPoolExecutor

from toponyms.translate.engines.base import Engine, EngineError

# Apertium names languages with ISO 639-3 codes (newer pairs) or ISO 639-1
# codes (older pairs: fr-es, en-gl...). The interface speaks ISO 639-1.
ISO3_TO_ISO1: dict[str, str] = {
    "afr": "af", "ara": "ar", "arg": "an", "arm": "hy", "aze": "az", "baq": "eu",
    "bel": "be", "bos": "bs", "bre": "br", "bul": "bg", "cat": "ca", "ces": "cs",
    "cym": "cy", "cze": "cs", "dan": "da", "deu": "de", "dut": "nl", "ell": "el",
    "eng": "en", "epo": "eo", "est": "et", "eus": "eu", "fao": "fo", "fas": "fa",
    "fin": "fi", "fra": "fr", "fre": "fr", "geo": "ka", "ger": "de", "gla": "gd",
    "gle": "ga", "glg": "gl", "gre": "el", "hbs": "sh", "heb": "he", "hin": "hi",
    "hrv": "hr", "hun": "hu", "hye": "hy", "ice": "is", "ind": "id", "isl": "is",
    "ita": "it", "kat": "ka", "kaz": "kk", "kir": "ky", "lat": "la", "lav": "lv",
    "lit": "lt", "mac": "mk", "may": "ms", "mkd": "mk", "mlt": "mt", "msa": "ms",
    "nld": "nl", "nno": "nn", "nob": "nb", "nor": "no", "oci": "oc", "per": "fa",
    "pes": "fa", "pol": "pl", "por": "pt", "ron": "ro", "rum": "ro", "rus": "ru",
    "slk": "sk", "slo": "sk", "slv": "sl", "sme": "se", "spa": "es", "sqi": "sq",
    "srd": "sc", "srp": "sr", "swe": "sv", "tat": "tt", "tgk": "tg", "tuk": "tk",
    "tur": "tr", "ukr": "uk", "urd": "ur", "uzb": "uz", "wel": "cy", "zlm": "ms",
}

# Translation packages in Debian, to name the right one in an error message.
DEBIAN_PACKAGES: tuple[str, ...] = (
    "apertium-afr-nld", "apertium-arg-cat", "apertium-bel-rus", "apertium-br-fr",
    "apertium-cat-ita", "apertium-cat-srd", "apertium-dan-nor", "apertium-en-gl",
    "apertium-eng-cat", "apertium-eng-spa", "apertium-eo-ca", "apertium-eo-en",
    "apertium-eo-es", "apertium-eo-fr", "apertium-es-gl", "apertium-es-pt",
    "apertium-es-ro", "apertium-eu-en", "apertium-eu-es", "apertium-fr-es",
    "apertium-fra-cat", "apertium-fra-frp", "apertium-hbs-eng", "apertium-hbs-mkd",
    "apertium-hbs-slv", "apertium-ind-zlm", "apertium-isl-eng", "apertium-isl-swe",
    "apertium-mkd-bul", "apertium-mkd-eng", "apertium-nno-nob", "apertium-oc-ca",
    "apertium-oc-es", "apertium-oci-fra", "apertium-pol-szl", "apertium-por-cat",
    "apertium-pt-gl", "apertium-rus-ukr", "apertium-spa-arg", "apertium-spa-ast",
    "apertium-spa-cat", "apertium-spa-ita", "apertium-srd-ita", "apertium-swe-dan",
    "apertium-swe-nor", "apertium-urd-hin",
)

# A translation mode: two language parts, each maybe with a `_variant`
# (spa-eng_US, eng-cat_valencia). Debug modes (eng-spa-anmor, eng-spa-tagger)
# and other three-part names (eco-es-fr) have more parts and do not match.
_MODE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)?-([a-z]{2,3})(_[A-Za-z0-9]+)?$")


def to_iso1(code: str) -> str:
    """Apertium's language code (eng, spa, fr, es) as ISO 639-1 where one exists."""
    code = code.lower()
    return ISO3_TO_ISO1.get(code, code)


def package_hint(src: str, tgt: str) -> str:
    """How to get an Apertium pair for src→tgt (ISO 639-1), as a phrase for an error message."""
    for package in DEBIAN_PACKAGES:
        a, b = package.split("-")[1:]
        if {to_iso1(a), to_iso1(b)} == {src, tgt}:
            return f"install it with apt-get install apertium {package}"
    return f"Debian has no Apertium pair for {src}-{tgt} (see apt-cache search apertium)"


def parse_modes(listing: str) -> dict[tuple[str, str], str]:
    """Map (src, tgt) in ISO 639-1 to the mode to run, from `apertium -l` output.

    Only two-part modes are translation directions; a variant (spa-eng_US) is
    used for its base pair only when no plain mode exists for that pair.
    """
    candidates: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for line in listing.splitlines():
        name = line.strip()
        match = _MODE.match(name)
        if not match:
            continue
        src, src_variant, tgt, tgt_variant = match.groups()
        pair = (to_iso1(src), to_iso1(tgt))
        if pair[0] == pair[1]:
            continue
        rank = (1 if src_variant else 0) + (1 if tgt_variant else 0)
        candidates.setdefault(pair, []).append((rank, name))
    return {pair: sorted(names)[0][1] for pair, names in candidates.items()}


def _separator(cores: list[str]) -> str:
    """A blank-line separator that occurs in none of the cores."""
    tabs = 1
    while True:
        sep = "\n\n" + "\t" * tabs + "\n\n"
        if not any(sep in core for core in cores):
            return sep
        tabs += 1


def _split_whitespace(segment: str) -> tuple[str, str, str]:
    core = segment.strip()
    if not core:
        return segment, "", ""
    start = len(segment) - len(segment.lstrip())
    return segment[:start], core, segment[start + len(core):]


class ApertiumEngine(Engine):
    """Apertium through its `apertium` command; one process per `translate` call.

    `mark_unknown=True` keeps Apertium's marks (`*word` for an unknown word,
    `#word` and `@word` for generation and transfer gaps); by default they are
    stripped with `-u`. `datadir` is passed as `-d` (modes from another
    install); `binary` names the `apertium` script (default: found on PATH).
    """

    name = "apertium"

    def __init__(
        self,
        *,
        binary: str | None = None,
        datadir: str | None = None,
        mark_unknown: bool = False,
        timeout: float | None = None,
    ) -> None:
        self.binary = binary if binary is not None else (shutil.which("apertium") or "apertium")
        self.datadir = datadir
        self.mark_unknown = mark_unknown
        self.timeout = timeout
        self._modes: dict[tuple[str, str], str] | None = None
        self._problem: str | None = None
        self._pipelines: dict[str, tuple[str, list[str], str] | None] = {}

    # -- what is installed --------------------------------------------------

    def _installed(self) -> bool:
        found = shutil.which(self.binary) if os.sep not in self.binary else (
            self.binary if os.access(self.binary, os.X_OK) else None
        )
        return found is not None

    def modes(self) -> dict[tuple[str, str], str]:
        """(src, tgt) → Apertium mode name, read once from `apertium -l`."""
        if self._modes is not None:
            return self._modes
        self._modes = {}
        if not self._installed():
            self._problem = "apertium is not installed: apt-get install apertium apertium-eng-spa"
            return self._modes
        try:
            done = subprocess.run(
                [self.binary, *self._datadir_args(), "-l"],
                capture_output=True, timeout=30, check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            self._problem = f"apertium could not list its pairs: {exc}"
            return self._modes
        if done.returncode != 0:
            self._problem = f"apertium could not list its pairs: {_first_line(done.stderr) or f'exit status {done.returncode}'}"
            return self._modes
        self._modes = parse_modes(done.stdout.decode("utf-8", "replace"))
        if not self._modes:
            self._problem = "apertium has no language pairs installed: apt-get install apertium-eng-spa"
        return self._modes

    def pairs(self) -> list[tuple[str, str]]:
        return sorted(self.modes())

    def describe(self) -> str:
        pairs = self.pairs()
        if not pairs:
            return f"apertium: rule-based, unavailable ({self._problem})"
        listed = ", ".join(f"{s}→{t}" for s, t in pairs)
        return f"apertium: rule-based, {self.binary}, pairs {listed}"

    # -- translation ---------------------------------------------------------

    def fingerprint(self, src: str, tgt: str) -> str:
        """The mode and the installed files behind it: an upgraded pair changes the fingerprint.

        "isolated": segments are tagged apart (see the module's docstring); outputs
        cached before that may carry a neighbour's influence and are not reused.
        """
        mode = self.mode_for(src, tgt)
        marks = "-u" if not self.mark_unknown else "marks"
        mode_file = self._mode_file(mode)
        if mode_file:
            with open(mode_file, "rb") as handle:
                stages = handle.read()
            stamps = [str(os.stat(p).st_mtime_ns) for p in re.findall(rb"/[^\s'\"]+\.(?:bin|prob)", stages)
                      if os.path.exists(p)]
            digest = hashlib.blake2b(stages + "|".join(stamps).encode(), digest_size=8).hexdigest()
            return f"apertium:{mode}:{digest}:{marks}:isolated"
        return f"apertium:{mode}:{marks}:isolated"

    def _mode_file(self, mode: str) -> str | None:
        directories = [self.datadir] if self.datadir else ["/usr/share/apertium", "/usr/local/share/apertium"]
        for directory in directories:
            mode_file = os.path.join(directory, "modes", f"{mode}.mode")
            if os.path.exists(mode_file):
                return mode_file
        return None

    def _pipeline(self, mode: str) -> tuple[str, list[str], str] | None:
        """The mode's pipeline split around its tagger: (analysis, tagger argv, the rest), or None.

        The stages are the ones the `apertium` script runs for plain text
        (`apertium-wblank-mode` of the mode file, between apertium-destxt and
        apertium-retxt); `$1` and `$2` are the script's generator and tagger options.
        """
        if mode in self._pipelines:
            return self._pipelines[mode]
        found = None
        mode_file = self._mode_file(mode)
        wblank = shutil.which("apertium-wblank-mode")
        if mode_file and wblank and shutil.which("apertium-destxt") and shutil.which("apertium-retxt"):
            try:
                listing = subprocess.run([wblank, mode_file], capture_output=True, timeout=30, check=True)
                stages = [s.strip() for s in re.split(r"\s\|\s", listing.stdout.decode("utf-8").strip())]
            except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
                stages = []
            taggers = [i for i, stage in enumerate(stages) if stage.startswith("apertium-tagger ")]
            if len(taggers) == 1 and 0 < taggers[0] < len(stages) - 1 and "$" not in stages[taggers[0]].replace("$2", ""):
                at = taggers[0]
                tagger = shlex.split(stages[at].replace("$2", ""))
                found = ("apertium-destxt | " + " | ".join(stages[:at]), tagger,
                         " | ".join(stages[at + 1:]) + " | apertium-retxt")
        self._pipelines[mode] = found
        return found

    def _datadir_args(self) -> list[str]:
        return ["-d", self.datadir] if self.datadir else []

    def mode_for(self, src: str, tgt: str) -> str:
        """The mode that translates src→tgt, or EngineError saying how to get one."""
        modes = self.modes()
        if not self._installed():
            raise EngineError(f"apertium is not installed: {package_hint(src, tgt)}")
        if not modes and self._problem and "no language pairs" not in self._problem:
            raise EngineError(self._problem)
        mode = modes.get((src, tgt))
        if mode is None:
            have = ", ".join(f"{s}→{t}" for s, t in sorted(modes)) or "none"
            raise EngineError(
                f"apertium cannot translate {src}→{tgt} (installed pairs: {have}); "
                f"{package_hint(src, tgt)}"
            )
        return mode

    def translate(self, segments: list[str], src: str, tgt: str) -> list[str]:
        segments = list(segments)
        mode = self.mode_for(src, tgt)
        parts = [_split_whitespace(s) for s in segments]
        cores = [core for _, core, _ in parts if core]
        if not cores:
            return segments
        sep = _separator(cores)
        # A binary of the user's own (a wrapper, another install) is run as it is: its stages are its business.
        own_script = self.binary == (shutil.which("apertium") or "apertium")
        pipeline = self._pipeline(mode) if len(cores) > 1 and own_script else None
        output = self._run_isolated(mode, pipeline, sep, cores) if pipeline else self._run(mode, sep.join(cores))
        translated = output.split(sep)
        if len(translated) != len(cores):
            raise EngineError(
                f"apertium {mode} returned {len(translated)} segments for {len(cores)}; "
                "the segment separator did not survive translation"
            )
        result: list[str] = []
        outputs = iter(translated)
        for segment, (lead, core, trail) in zip(segments, parts):
            result.append(lead + next(outputs) + trail if core else segment)
        return result

    def _run_isolated(self, mode: str, pipeline: tuple[str, list[str], str], sep: str, cores: list[str]) -> str:
        """Analysis once, the tagger once per distinct segment (fresh state each), the rest once.

        Segments that repeat (boilerplate, a corpus of similar articles) are
        translated once: apart from each other, equal segments give equal outputs.
        """
        head, tagger, tail = pipeline
        option = "-g" if self.mark_unknown else "-n"
        distinct = list(dict.fromkeys(cores))
        analysed = self._shell(mode, head, option, sep.join(distinct))
        block = "[" + sep + "]"  # the separator as the deformatter writes it: one superblank
        chunks = analysed.split(block)
        if len(chunks) != len(distinct):
            return self._run(mode, sep.join(cores))
        with ThreadPoolExecutor(max_workers=min(8, len(chunks))) as pool:
            tagged = list(pool.map(lambda chunk: self._process(mode, tagger, chunk), chunks))
        translated = self._shell(mode, tail, option, block.join(tagged)).split(sep)
        if len(translated) != len(distinct):
            return self._run(mode, sep.join(cores))
        by_core = dict(zip(distinct, translated))
        return sep.join(by_core[core] for core in cores)

    def _shell(self, mode: str, pipeline: str, option: str, text: str) -> str:
        """Run part of a mode's pipeline through bash, its $1 the generator option, $2 the tagger's."""
        return self._process(mode, ["bash", "-c", "set -o pipefail; " + pipeline, "apertium", option, ""], text)

    def _run(self, mode: str, text: str) -> str:
        if not self._installed():
            raise EngineError("apertium is not installed: apt-get install apertium apertium-eng-spa")
        command = [self.binary, *self._datadir_args()]
        if not self.mark_unknown:
            command.append("-u")
        command.append(mode)
        return self._process(mode, command, text)

    def _process(self, mode: str, command: list[str], text: str) -> str:
        """Run one command (a pipeline's processes in a session of their own) on `text`; EngineError if it fails."""
        timeout = self.timeout if self.timeout is not None else 60.0 + len(text) / 1000.0
        try:
            # A session of its own, so that a timeout can end the whole pipeline
            # (the script's lt-proc, tagger... children), not only the script.
            proc = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, start_new_session=True,
            )
        except OSError as exc:
            raise EngineError(f"apertium could not be started: {exc}") from None
        try:
            stdout, stderr = proc.communicate(text.encode("utf-8"), timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise EngineError(f"apertium {mode} timed out after {timeout:g} s") from None
        except BaseException:
            _kill_group(proc)
            raise
        if proc.returncode != 0:
            reason = _first_line(stderr) or "no message"
            raise EngineError(f"apertium {mode} failed with exit status {proc.returncode}: {reason}")
        # The mode's own pipeline runs without pipefail: a broken stage (a missing
        # .bin file) ends with status 0, an error on stderr and little or no output.
        reason = _first_line(stderr)
        if reason and (not stdout.strip() or reason.lower().startswith("error")):
            raise EngineError(f"apertium {mode} failed: {reason}")
        return stdout.decode("utf-8", "replace")


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()


def _first_line(data: bytes) -> str:
    for line in data.decode("utf-8", "replace").splitlines():
        if line.strip():
            return line.strip()
    return ""

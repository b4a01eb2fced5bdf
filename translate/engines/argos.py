"""Argos Translate engine: installed Argos packages, run with CTranslate2 directly.

Argos packages are read by `toponyms.translate.packages` and run by
`toponyms.translate.ct2model.CTranslate2Model`; argostranslate's own ``translate``
module is not used (it is slow to import and its sentence splitter downloads
a model on first use). Sentences are split offline by `toponyms.translate.sentences`.

All sentences of all segments go to the model in one ``translate_batch``
call per package; a pair without a direct package pivots through English
when both halves (xx→en, en→yy) are installed.
"""

from __future__ import annotations

import os
from pathlib import Path

from toponyms.translate.engines.base import EngineError
from toponyms.translate.engines.ctranslate import CTranslate2Engine
from toponyms.translate.packages import PackageError, PackageInfo, argos_setting, list_installed, packages_dir

__all__ = ["ArgosEngine", "PIVOT", "ARGOS_SETTINGS"]

PIVOT = "en"
# argostranslate's settings (its settings.py) that choose how CTranslate2 runs.
ARGOS_SETTINGS = (
    ("device", "ARGOS_DEVICE_TYPE", str),
    ("compute_type", "ARGOS_COMPUTE_TYPE", str),
    ("inter_threads", "ARGOS_INTER_THREADS", int),
    ("intra_threads", "ARGOS_INTRA_THREADS", int),
    ("beam_size", "ARGOS_BEAM_SIZE", int),
    ("max_batch_size", "ARGOS_BATCH_SIZE", int),
)
class ArgosEngine(CTranslate2Engine):
    """Translate with the Argos Translate packages installed on this machine.

    Args:
      directory: where the packages are (default: `toponyms.translate.packages.packages_dir()`,
        resolved on each call so that environment changes are seen).
      device, compute_type, inter_threads, intra_threads, beam_size,
      max_batch_size: passed to each `CTranslate2Model`. When not given, the
        user's argostranslate settings (``ARGOS_DEVICE_TYPE``, ``ARGOS_COMPUTE_TYPE``,
        ``ARGOS_INTER_THREADS``, ``ARGOS_INTRA_THREADS``, ``ARGOS_BEAM_SIZE``,
        ``ARGOS_BATCH_SIZE``, from the environment or its settings.json) apply,
        else cpu, the weights' own type, 1, 0, 4, 32; the length penalty is
        argostranslate's 0.2.
    """

    name = "argos"

    @staticmethod
    def default_directory() -> Path:
        return packages_dir()

    def defaults(self) -> dict:
        options = {**super().defaults(), "beam_size": 4, "length_penalty": 0.2}
        for key, setting, kind in ARGOS_SETTINGS:
            value = argos_setting(setting)
            if value is None:
                continue
            try:
                options[key] = kind(value)
            except ValueError:
                raise EngineError(f"argostranslate setting {setting}={value!r} is not a valid {key}") from None
        return options

    def installed(self) -> list[PackageInfo]:
        """Every installed package, the ones this engine cannot run included."""
        try:
            return list_installed(self.directory)
        except PackageError as err:
            raise EngineError(str(err)) from None

    def packages(self) -> list[PackageInfo]:
        """Installed packages this engine can run, newest version first within a pair."""
        return [info for info in self.installed() if not info.unsupported]

    # -- pairs -----------------------------------------------------------------

    @staticmethod
    def _direct(packages: list[PackageInfo]) -> dict[tuple[str, str], PackageInfo]:
        direct: dict[tuple[str, str], PackageInfo] = {}
        for info in packages:
            direct.setdefault(info.pair, info)  # first is the newest
        return direct

    def _route(self, src: str, tgt: str, packages: list[PackageInfo]) -> list[PackageInfo] | None:
        direct = self._direct(packages)
        if (src, tgt) in direct:
            return [direct[(src, tgt)]]
        if src != PIVOT and tgt != PIVOT and (src, PIVOT) in direct and (PIVOT, tgt) in direct:
            return [direct[(src, PIVOT)], direct[(PIVOT, tgt)]]
        return None

    def pairs(self) -> list[tuple[str, str]]:
        """Direct pairs plus pivot pairs through English."""
        direct = self._direct(self.packages())
        pairs = set(direct)
        sources = [s for (s, t) in direct if t == PIVOT]
        targets = [t for (s, t) in direct if s == PIVOT]
        pairs.update((s, t) for s in sources for t in targets if s != t)
        return sorted(pairs)

    def fingerprint(self, src: str, tgt: str) -> str:
        """The packages that translate the pair (a pivot has two), with their versions."""
        route = self._route(src, tgt, self.packages())
        if not route:
            return f"argos:{src}-{tgt}:none"
        compute = self.options["compute_type"]
        if compute == "default":
            from toponyms.translate.ct2model import weights_type

            compute = "+".join(weights_type(p.model_dir) or compute for p in route)
        return ("argos:" + "+".join(f"{p.name}@{p.version}" for p in route)
                + f":beam{self.options['beam_size']}:{compute}")

    def describe(self) -> str:
        where = self.directory
        installed = self.installed()
        direct = sorted(self._direct([p for p in installed if not p.unsupported]))
        skipped = "".join(f"; {p.name} not usable: {p.unsupported}" for p in installed if p.unsupported)
        if not direct:
            return f"argos: Argos Translate packages (CTranslate2) in {where}: none installed{skipped}"
        listed = ", ".join(f"{s}→{t}" for s, t in direct)
        return (f"argos: Argos Translate packages (CTranslate2) in {where}: {listed} "
                f"(+ pivots through {PIVOT}){skipped}")

    # -- models ----------------------------------------------------------------

    def model(self, info: PackageInfo):
        """The (cached, lazily loaded) CTranslate2Model of an installed package."""
        from toponyms.translate.ct2model import CTranslate2Model

        try:
            stamp = os.stat(info.path)
        except OSError:
            raise EngineError(f"the Argos package {info.path} has disappeared") from None
        key = (str(info.path), stamp.st_ino, stamp.st_mtime_ns)  # a replaced package gets a new key
        with self._lock:
            model = self._models.get(key)
            if model is None:
                stale = [k for k in self._models if k[0] == key[0]]
                for k in stale:
                    del self._models[k]
                model = CTranslate2Model(
                    info.model_dir,
                    info.sp_model,
                    target_prefix=[info.target_prefix] if info.target_prefix else (),
                    name=f"argos package {info.name} ({info.from_code}→{info.to_code})",
                    **self.options,
                )
                self._models[key] = model
        return model

    # -- translation -------------------------------------------------------------

    def _missing(self, src: str, tgt: str, packages: list[PackageInfo]) -> EngineError:
        direct = self._direct(packages)
        hint = ""
        if (src, PIVOT) in direct and src != PIVOT and tgt != PIVOT:
            hint = f"; {src}→{PIVOT} is installed, so {PIVOT}→{tgt} would also do"
        elif (PIVOT, tgt) in direct and src != PIVOT and tgt != PIVOT:
            hint = f"; {PIVOT}→{tgt} is installed, so {src}→{PIVOT} would also do"
        return EngineError(
            f"no Argos package for {src}→{tgt} in {self.directory}{hint}; install one with "
            f"`toponyms models install {src} {tgt}` or `toponyms models install FILE.argosmodel`"
        )

    def _prepare(self, src: str, tgt: str) -> list[PackageInfo]:
        """The packages to run in turn (two when pivoting through English)."""
        packages = self.packages()
        route = self._route(src, tgt, packages)
        if route is None:
            raise self._missing(src, tgt, packages)
        return route

    def _first_model(self, route):
        return self.model(route[0])

    def _translate_sentences(self, sentences: list[str], src: str, tgt: str, route) -> list[str]:
        for info in route:
            sentences = self.model(info).translate(sentences)
        return sentences

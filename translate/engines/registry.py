"""The one registry of translation engines: names, lazy loading, and the choice for a pair.

Built-in engines are "argos" (toponyms.translate.engines.argos.ArgosEngine), "apertium"
(toponyms.translate.engines.apertium.ApertiumEngine) and "none" (NoneEngine, copies the
text). Other packages add engines through the entry-point group
`toponyms.engines`, each entry naming an `Engine` subclass that can be built
without arguments:

    [project.entry-points."toponyms.engines"]
    myengine = "mypackage.engine:MyEngine"

Engine modules are imported only when an engine is asked for, so importing this
module loads neither argostranslate, ctranslate2, torch nor lingua. Engines are
built once per process and shared (`clear_cache()` forgets them).
"""

from __future__ import annotations

import importlib

from toponyms.translate.engines.base import Engine, EngineError

ENGINE_NAMES: tuple[str, ...] = ("argos", "apertium", "multilingual", "none")
ENTRY_POINT_GROUP = "toponyms.engines"
AUTO = "auto"

_BUILTIN: dict[str, tuple[str, str]] = {
    "argos": ("toponyms.translate.engines.argos", "ArgosEngine"),
    "apertium": ("toponyms.translate.engines.apertium", "ApertiumEngine"),
    "multilingual": ("toponyms.translate.engines.multilingual", "MultilingualEngine"),
    "none": ("toponyms.translate.engines.identity", "NoneEngine"),
}

_HOW_TO_INSTALL: dict[str, str] = {
    "argos": "pip install ctranslate2 sentencepiece",
    "multilingual": "pip install ctranslate2 sentencepiece tokenizers",
}

_instances: dict[str, Engine] = {}
_options: dict[str, dict] = {}


class UnavailableEngine(Engine):
    """Stands in, in `all_engines()`, for an engine that could not be loaded."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason

    def pairs(self) -> list[tuple[str, str]]:
        return []

    def can(self, src: str, tgt: str) -> bool:
        return False

    def translate(self, segments: list[str], src: str, tgt: str) -> list[str]:
        raise EngineError(self.reason)

    def describe(self) -> str:
        return f"{self.name}: unavailable ({self.reason})"


def _entry_points() -> dict:
    """Third-party engines by name; a plugin cannot take a built-in name."""
    from importlib.metadata import entry_points

    found = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name not in _BUILTIN and entry.name != AUTO:
            found.setdefault(entry.name, entry)
    return found


def engine_names() -> tuple[str, ...]:
    """Every engine name that `get_engine` accepts: built-ins first, then plugins."""
    return ENGINE_NAMES + tuple(sorted(_entry_points()))


def _build_builtin(name: str) -> Engine:
    module_name, class_name = _BUILTIN[name]
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        missing = getattr(exc, "name", None) or str(exc)
        if missing == module_name:
            raise EngineError(f"engine {name} is not available: module {module_name} is missing") from None
        hint = _HOW_TO_INSTALL.get(name)
        raise EngineError(
            f"engine {name} is not available: {exc}" + (f" ({hint})" if hint else "")
        ) from None
    cls = getattr(module, class_name, None)
    if cls is None:
        raise EngineError(f"engine {name} is not available: {module_name} has no {class_name}")
    return cls(**_options.get(name, {}))


def configure(name: str, **options) -> None:
    """Options for building a built-in engine (argos, multilingual: device, compute_type,
    inter_threads, intra_threads, beam_size); a change rebuilds the engine."""
    chosen = {k: v for k, v in options.items() if v is not None}
    if _options.get(name, {}) != chosen:
        _options[name] = chosen
        _instances.pop(name, None)


def _build_plugin(name: str, entry) -> Engine:
    where = f"{entry.value} (entry point {ENTRY_POINT_GROUP}:{name})"
    try:
        cls = entry.load()
    except Exception as exc:  # a broken third-party package must not crash the CLI
        raise EngineError(f"engine {name} could not be loaded from {where}: {exc}") from None
    if not (isinstance(cls, type) and issubclass(cls, Engine)):
        raise EngineError(f"engine {name} from {where} is not an Engine subclass")
    try:
        engine = cls()
    except EngineError:
        raise
    except Exception as exc:
        raise EngineError(f"engine {name} from {where} could not be started: {exc}") from None
    if not engine.name:
        engine.name = name
    return engine


def get_engine(name: str) -> Engine:
    """The engine called `name` (built once, then shared); EngineError if unknown or unavailable."""
    key = (name or "").strip().lower()
    if key in _instances:
        return _instances[key]
    if key == AUTO:
        raise EngineError(
            f"'auto' chooses an engine for a language pair; name one of {', '.join(engine_names())}"
        )
    if key in _BUILTIN:
        engine = _build_builtin(key)
    else:
        plugins = _entry_points()
        if key not in plugins:
            valid = ", ".join((AUTO, *ENGINE_NAMES, *sorted(plugins)))
            raise EngineError(f"unknown engine {name!r}: choose one of {valid}")
        engine = _build_plugin(key, plugins[key])
    _instances[key] = engine
    return engine


def all_engines() -> list[Engine]:
    """Every engine, built-ins then plugins; one that cannot load is an UnavailableEngine."""
    engines: list[Engine] = []
    for name in engine_names():
        try:
            engines.append(get_engine(name))
        except EngineError as exc:
            engines.append(UnavailableEngine(name, str(exc)))
    return engines


def clear_cache() -> None:
    """Forget built engines (tests, or after installing models or pairs)."""
    _instances.clear()


def install_hint(src: str, tgt: str) -> str:
    """How to get each engine able to translate src→tgt, as one sentence."""
    from toponyms.translate.engines.apertium import package_hint

    # Argos publishes no Armenian package: the command would only fail (README, "Engines and models").
    argos = ("argos has no Armenian package" if "hy" in (src, tgt) else
             f"for argos run `toponyms models install {src} {tgt}` (or install a downloaded .argosmodel file)")
    return (
        f"{argos}, for apertium, {package_hint(src, tgt)}, for multilingual install a "
        f"CTranslate2 NLLB-200, M2M-100 or OPUS-MT model with `toponyms models install DIR` (README)"
    )


def _can(engine: Engine, src: str, tgt: str) -> bool:
    try:
        return engine.can(src, tgt)
    except EngineError:
        return False


def choose_engine(name: str, src: str, tgt: str) -> Engine:
    """The engine to translate src→tgt with.

    `name` "auto" picks argos when it can do the pair (directly or through its
    pivot), else apertium, else a multilingual CTranslate2 model (NLLB-200,
    M2M-100), else a plugin engine that can; the "none" engine when src == tgt. A named engine that cannot do the pair is an EngineError
    listing the pairs it can do.
    """
    key = (name or "").strip().lower()
    if key == AUTO:
        if src == tgt:
            return get_engine("none")
        for candidate in ("argos", "apertium", "multilingual", *sorted(_entry_points())):
            try:
                engine = get_engine(candidate)
            except EngineError:
                continue
            if _can(engine, src, tgt):
                return engine
        raise EngineError(f"no engine can translate {src}→{tgt}: {install_hint(src, tgt)}")

    engine = get_engine(key)
    if _can(engine, src, tgt):
        return engine
    if key == "none":
        raise EngineError(
            f"engine none does not translate: it copies text only when source and target "
            f"are the same language, not {src}→{tgt}"
        )
    try:
        pairs = engine.pairs()
    except EngineError as exc:
        raise EngineError(f"engine {key} cannot translate {src}→{tgt}: {exc}") from None
    listed = ", ".join(f"{s}→{t}" for s, t in pairs)
    if key == "argos":
        how = f"run `toponyms models install {src} {tgt}` (or install a downloaded .argosmodel file)"
    elif key == "apertium":
        from toponyms.translate.engines.apertium import package_hint

        how = package_hint(src, tgt)
    else:
        how = ""
    have = f"it can do {listed}" if listed else "it has no pairs installed"
    raise EngineError(f"engine {key} cannot translate {src}→{tgt} ({have})" + (f"; {how}" if how else ""))

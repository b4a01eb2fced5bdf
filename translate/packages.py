"""Installed Argos Translate packages: where they live, list, install, remove.

An Argos package (``.argosmodel``) is a zip holding one directory with
``metadata.json`` (``from_code``, ``to_code``, ``package_version``...), a
CTranslate2 model in ``model/`` and a ``sentencepiece.model``. Packages are
installed by unpacking that directory into `packages_dir`, the same
directory argostranslate uses, so both tools see the same packages.

This module reads and writes packages itself: it never imports
``argostranslate.settings`` (which creates directories on import) nor
``argostranslate.translate`` (slow, and needs the network on first use).
Every problem is raised as a one-line `PackageError`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from toponyms.errors import ToponymsError

__all__ = [
    "PackageError",
    "PackageInfo",
    "packages_dir",
    "list_installed",
    "find_installed",
    "install_from_file",
    "install_from_index",
    "argos_setting",
    "remove",
    "index_url",
    "DEFAULT_INDEX",
]

# The index argostranslate 1.11 downloads (settings.remote_package_index).
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
REQUIRED_FILES = ("metadata.json", "model/model.bin", "sentencepiece.model")
_TMP_PREFIX = ".toponyms-"
_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{1,8})*$")
# Model weights hardly compress (float32 and int8 weights deflate by 5-15 %), so
# a package that unpacks to many times its size is a zip bomb, not a model.
MAX_EXPANSION = 20
MIN_UNPACKED_LIMIT = 64 << 20  # small packages (tests, tiny models) may compress better
_lock = threading.Lock()


class PackageError(ToponymsError):
    """An Argos package is invalid, missing, already installed or cannot be fetched."""


@dataclass(frozen=True)
class PackageInfo:
    """One installed Argos package.

    `name` is the package's directory name in `packages_dir` (the top-level
    directory of its ``.argosmodel``, e.g. ``translate-en_es-1_0``).
    """

    from_code: str
    to_code: str
    version: str
    path: Path
    name: str
    from_name: str = ""
    to_name: str = ""
    target_prefix: str = ""

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sp_model(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def unsupported(self) -> str:
        """Why toponyms cannot run this package ("" when it can).

        OPUS-MT conversions in the Argos index ship a subword-nmt ``bpe.model``
        that argostranslate runs through Moses tokenisation and its own BPE
        code; toponyms runs SentencePiece packages only, so such a package is
        listed with this reason and never chosen (argostranslate still sees it).
        """
        if self.sp_model.is_file():
            return ""
        if (self.path / "bpe.model").is_file():
            return "BPE tokenizer (bpe.model); only SentencePiece packages are supported"
        return "no sentencepiece.model"


# -- where -------------------------------------------------------------------


def argos_setting(key: str) -> str | None:
    """An argostranslate setting: environment first, then its settings.json."""
    value = os.environ.get(key)
    if value:
        return value
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    try:
        with open(config_home / "argos-translate" / "settings.json", encoding="utf-8") as file:
            settings = json.load(file)
    except (OSError, ValueError):
        return None
    value = settings.get(key) if isinstance(settings, dict) else None
    return str(value) if value else None


def packages_dir() -> Path:
    """The directory Argos packages are installed in (it may not exist yet).

    In order: ``$TOPONYMS_ARGOS_DIR``; argostranslate's ``ARGOS_PACKAGES_DIR``
    (environment or ``~/.config/argos-translate/settings.json``);
    ``$XDG_DATA_HOME/argos-translate/packages``, by default
    ``~/.local/share/argos-translate/packages``.
    """
    own = os.environ.get("TOPONYMS_ARGOS_DIR")
    if own:
        return Path(own).expanduser()
    argos = argos_setting("ARGOS_PACKAGES_DIR")
    if argos:
        return Path(argos).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "argos-translate" / "packages"


def index_url() -> str:
    """URL of the Argos package index (``$ARGOS_PACKAGE_INDEX`` + ``index.json``)."""
    base = argos_setting("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


# -- list --------------------------------------------------------------------


def _version_key(version: str) -> tuple:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"[._-]", version))


def _read_info(path: Path) -> PackageInfo | None:
    """PackageInfo of an installed package directory, or None if it is not a translation package."""
    try:
        with open(path / "metadata.json", encoding="utf-8") as file:
            meta = json.load(file)
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
        return None
    src, tgt = meta.get("from_code"), meta.get("to_code")
    if not (isinstance(src, str) and isinstance(tgt, str) and src and tgt):
        return None
    return PackageInfo(
        from_code=src,
        to_code=tgt,
        version=str(meta.get("package_version", "")),
        path=path,
        name=path.name,
        from_name=str(meta.get("from_name", "")),
        to_name=str(meta.get("to_name", "")),
        target_prefix=str(meta.get("target_prefix", "") or ""),
    )


def list_installed(directory: str | Path | None = None) -> list[PackageInfo]:
    """Installed translation packages, sorted by pair then newest version first.

    Directories without a readable ``metadata.json`` (and argostranslate's
    sentence-boundary packages) are skipped, as are this module's own
    half-finished installs.
    """
    root = Path(directory) if directory is not None else packages_dir()
    try:
        entries = sorted(root.iterdir())
    except FileNotFoundError:
        return []
    except OSError as err:
        raise PackageError(f"cannot read the Argos packages directory {root}: {err.strerror}") from None
    found = [info for entry in entries
             if entry.is_dir() and not entry.name.startswith(_TMP_PREFIX)
             and (info := _read_info(entry)) is not None]
    found.sort(key=lambda p: _version_key(p.version), reverse=True)
    found.sort(key=lambda p: (p.from_code, p.to_code))  # stable: newest first within a pair
    return found


def find_installed(src: str, tgt: str, directory: str | Path | None = None) -> PackageInfo | None:
    """The newest installed package for src→tgt, or None."""
    for info in list_installed(directory):
        if info.pair == (src, tgt):
            return info
    return None


# -- install -----------------------------------------------------------------


def _entry_parts(name: str) -> list[str]:
    return [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]


def unpacked_limit(archive_size: int) -> int:
    """The most bytes an archive of `archive_size` bytes may unpack to.

    ``$TOPONYMS_MAX_PACKAGE_BYTES`` sets it outright; otherwise it is
    `MAX_EXPANSION` times the archive, and at least `MIN_UNPACKED_LIMIT`.

    >>> unpacked_limit(1_000_000) == MIN_UNPACKED_LIMIT
    True
    >>> unpacked_limit(3_500_000)  # the 3.5 MB archive that wrote 3.1 GB is refused
    70000000
    >>> unpacked_limit(400 << 20) == 20 * (400 << 20)
    True
    """
    own = os.environ.get("TOPONYMS_MAX_PACKAGE_BYTES", "").strip()
    if own.isdigit():
        return int(own)
    return max(MIN_UNPACKED_LIMIT, MAX_EXPANSION * archive_size)


def _mib(size: int) -> str:
    return f"{size / (1 << 20):.1f} MiB"


def _validate_archive(path: Path) -> tuple[str, dict]:
    """Check an .argosmodel without extracting it; return (top directory, metadata)."""
    where = str(path)
    if not path.exists():
        raise PackageError(f"{where}: no such file")
    if not path.is_file():
        raise PackageError(f"{where}: not a file")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{where} is not an Argos package: not a zip archive")
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            declared = sum(member.file_size for member in members)
            limit = unpacked_limit(path.stat().st_size)
            if declared > limit:
                raise PackageError(
                    f"{where} is not a safe Argos package: it would unpack to {_mib(declared)} from "
                    f"{_mib(path.stat().st_size)} (more than {_mib(limit)}; a zip bomb?)"
                )
            tops: set[str] = set()
            files: set[str] = set()
            for member in members:
                name = member.filename
                if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
                    raise PackageError(f"{where} is not a safe Argos package: absolute path {name!r}")
                parts = _entry_parts(name)
                if ".." in parts:
                    raise PackageError(f"{where} is not a safe Argos package: path {name!r} escapes the package")
                mode = member.external_attr >> 16
                if stat.S_ISLNK(mode):
                    raise PackageError(f"{where} is not a safe Argos package: symbolic link {name!r}")
                if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
                    raise PackageError(f"{where} is not a safe Argos package: special file {name!r}")
                if not parts:
                    continue
                if len(parts) == 1 and not member.is_dir():
                    raise PackageError(
                        f"{where} is not an Argos package: file {name!r} is outside the package directory"
                    )
                tops.add(parts[0])
                if not member.is_dir():
                    files.add("/".join(parts[1:]))
            if len(tops) != 1:
                found = ", ".join(sorted(tops)[:5]) or "nothing"
                raise PackageError(
                    f"{where} is not an Argos package: expected one top-level directory, found {found}"
                )
            top = tops.pop()
            if top.startswith(_TMP_PREFIX):
                raise PackageError(f"{where}: package directory name {top!r} is reserved")
            missing = [f for f in REQUIRED_FILES if f not in files]
            if missing == ["sentencepiece.model"] and "bpe.model" in files:
                missing = []
            if missing:
                raise PackageError(f"{where} is not an Argos package: missing {', '.join(missing)}")
            try:
                raw = zf.read(f"{top}/metadata.json")
                meta = json.loads(raw.decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as err:
                raise PackageError(f"{where}: metadata.json is not valid JSON ({err})") from None
    except zipfile.BadZipFile as err:
        raise PackageError(f"{where} is not a valid Argos package: damaged zip ({err})") from None
    except OSError as err:
        raise PackageError(f"{where}: cannot read ({err.strerror or err})") from None
    if not isinstance(meta, dict):
        raise PackageError(f"{where}: metadata.json must hold a JSON object")
    for key in ("from_code", "to_code"):
        code = meta.get(key)
        if not isinstance(code, str) or not code:
            raise PackageError(f"{where}: metadata.json has no {key}")
        if not _CODE.match(code):
            raise PackageError(f"{where}: metadata.json has an invalid {key} {code!r}")
    if meta.get("type", "translate") != "translate":
        raise PackageError(f"{where}: a {meta.get('type')!r} package, not a translation package")
    return top, meta


def _extract(path: Path, staging: Path, limit: int) -> None:
    """Unpack a validated archive into `staging`, counting the bytes written.

    The declared sizes were checked before; a member that writes more than it
    declared, or a total past `limit`, stops the extraction (an archive can lie).
    """
    written = 0
    with zipfile.ZipFile(path) as zf:
        for member in zf.infolist():
            parts = _entry_parts(member.filename)
            if not parts:
                continue
            dest = staging.joinpath(*parts)
            if member.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            member_written = 0
            with zf.open(member) as source, open(dest, "wb") as out:
                while chunk := source.read(1 << 20):
                    member_written += len(chunk)
                    written += len(chunk)
                    if member_written > member.file_size or written > limit:
                        raise PackageError(
                            f"{path} is not a safe Argos package: {member.filename!r} unpacks to more "
                            f"than it declares (stopped after {_mib(written)})"
                        )
                    out.write(chunk)


def _move_aside(path: Path, root: Path) -> Path:
    """Rename an installed package into a hidden directory of `root` (atomic); return its new path."""
    holder = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX + "old-", dir=root))
    try:
        os.rename(path, holder / "package")
    except OSError:
        holder.rmdir()
        raise
    return holder / "package"


def install_from_file(path: str | Path, *, replace: bool = False,
                      directory: str | Path | None = None) -> PackageInfo:
    """Validate then install an ``.argosmodel`` file; return the installed package.

    The archive is checked before anything is written (a zip, one top-level
    directory, no absolute paths, ``..`` or links, a ``metadata.json`` with
    ``from_code``/``to_code``, ``model/model.bin`` and ``sentencepiece.model``
    or ``bpe.model``, unpacking to no more than `unpacked_limit` bytes),
    extracted into a hidden temporary directory inside `packages_dir`, then
    renamed into place. An installed package for the same pair is refused
    unless `replace` is true; then the old one is moved aside, deleted once
    the new one is in place, and put back if that fails. A folder of the
    same name that holds anything else (another pair's package) is never
    replaced, even with `replace`.
    """
    path = Path(path)
    top, meta = _validate_archive(path)
    src, tgt = meta["from_code"], meta["to_code"]
    root = Path(directory) if directory is not None else packages_dir()
    with _lock:
        existing = [p for p in list_installed(root) if p.pair == (src, tgt)]
        target = root / top
        if existing and not replace:
            raise PackageError(
                f"{path}: a package for {src}→{tgt} is already installed ({existing[0].path}); "
                "use --force to replace it, or remove it first"
            )
        if target.exists():
            held = _read_info(target)
            if held is None or held.pair != (src, tgt):
                what = f"the {held.from_code}→{held.to_code} package" if held else "something that is not a package"
                raise PackageError(
                    f"{path}: its folder {top!r} would replace {target}, which holds {what}, not {src}→{tgt}; "
                    "--force replaces only a package of the same pair: rename the archive's folder, "
                    "or remove that package first"
                )
            if not replace:
                raise PackageError(f"{path}: {target} already exists; use --force to replace it, or remove it first")
        try:
            root.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX + "install-", dir=root))
        except OSError as err:
            raise PackageError(f"cannot write to the Argos packages directory {root}: {err.strerror or err}") from None
        moved_away: list[tuple[Path, Path]] = []  # (installed path, where it was moved)
        try:
            try:
                _extract(path, staging, unpacked_limit(path.stat().st_size))
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as err:
                raise PackageError(f"{path}: cannot extract the package ({err})") from None
            try:
                for old in sorted({p.path for p in existing} | ({target} if target.exists() else set())):
                    moved_away.append((old, _move_aside(old, root)))
                os.rename(staging / top, target)
            except OSError as err:
                for old, moved in reversed(moved_away):  # put the old packages back
                    os.rename(moved, old)
                moved_away.clear()
                raise PackageError(f"{path}: cannot install into {target}: {err.strerror or err}") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            for _, moved in moved_away:
                shutil.rmtree(moved.parent, ignore_errors=True)
    info = _read_info(target)
    if info is None:  # validated above, so only a concurrent writer gets here
        raise PackageError(f"{path}: installed into {target} but its metadata.json cannot be read")
    return info


def remove(src: str, tgt: str, *, directory: str | Path | None = None) -> list[PackageInfo]:
    """Uninstall every installed package for src→tgt; return what was removed."""
    root = Path(directory) if directory is not None else packages_dir()
    with _lock:
        doomed = [p for p in list_installed(root) if p.pair == (src, tgt)]
        if not doomed:
            raise PackageError(f"no Argos package for {src}→{tgt} is installed in {root}")
        for info in doomed:
            try:
                moved = _move_aside(info.path, root)
            except OSError as err:
                raise PackageError(f"cannot remove {info.path}: {err.strerror or err}") from None
            shutil.rmtree(moved.parent, ignore_errors=True)
    return doomed


# -- download ----------------------------------------------------------------

_USER_AGENT = "toponyms (argos-translate compatible)"


def _open_url(url: str, timeout: float):
    """urlopen with a deadline that also covers DNS (which has no socket timeout)."""
    import urllib.request

    box: dict = {}

    def work():
        try:
            request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
            box["response"] = urllib.request.urlopen(request, timeout=timeout)
        except BaseException as err:  # handed to the caller
            box["error"] = err

    thread = threading.Thread(target=work, daemon=True, name="toponyms-urlopen")
    thread.start()
    thread.join(timeout + 1)
    if thread.is_alive():
        raise TimeoutError(f"no answer after {timeout:g} s")
    if "error" in box:
        raise box["error"]
    return box["response"]


def _reason(err: BaseException) -> str:
    reason = getattr(err, "reason", None)
    if reason is not None:
        return str(getattr(reason, "strerror", None) or reason)
    return str(err) or type(err).__name__


def _fetch_index(url: str, timeout: float) -> list:
    try:
        with _open_url(url, timeout) as response:
            data = response.read()
    except (OSError, ValueError) as err:  # URLError, HTTPError, timeouts are OSErrors
        raise PackageError(
            f"cannot reach the Argos package index ({url}: {_reason(err)}): no network? "
            "Install from a file: toponyms models install FILE.argosmodel"
        ) from None
    try:
        index = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise PackageError(f"the Argos package index at {url} is not valid JSON") from None
    if not isinstance(index, list):
        raise PackageError(f"the Argos package index at {url} is not a list of packages")
    return [entry for entry in index if isinstance(entry, dict)]


def install_from_index(src: str, tgt: str, *, replace: bool = False, timeout: float = 30.0,
                       url: str | None = None, directory: str | Path | None = None) -> PackageInfo:
    """Download the src→tgt package named in the Argos package index and install it.

    `timeout` bounds each network step (connecting, each read); the index
    request as a whole also gives up after `timeout` seconds. `url` may point
    at a mirror of the index (``file:`` URLs and links work too).
    """
    url = url or index_url()
    root = Path(directory) if directory is not None else packages_dir()
    if not replace and (existing := find_installed(src, tgt, root)) is not None:
        raise PackageError(
            f"a package for {src}→{tgt} is already installed ({existing.path}); use --force to replace it"
        )
    index = _fetch_index(url, timeout)
    candidates = [e for e in index if e.get("from_code") == src and e.get("to_code") == tgt
                  and e.get("type", "translate") == "translate" and e.get("links")]
    if not candidates:
        targets = sorted({str(e.get("to_code")) for e in index if e.get("from_code") == src})
        hint = f" (from {src}: {', '.join(targets)})" if targets else ""
        raise PackageError(f"the Argos package index has no package for {src}→{tgt}{hint}")
    entry = max(candidates, key=lambda e: _version_key(str(e.get("package_version", ""))))
    links = [link for link in entry["links"] if isinstance(link, str) and link.startswith(("https://", "http://", "file:"))]
    if not links:
        raise PackageError(f"the Argos package index lists no download link for {src}→{tgt}")
    errors = []
    with tempfile.TemporaryDirectory(prefix="toponyms-download-") as work:
        file = Path(work) / f"translate-{src}_{tgt}.argosmodel"
        for link in links:
            try:
                with _open_url(link, timeout) as response, open(file, "wb") as out:
                    shutil.copyfileobj(response, out, 1 << 20)
            except (OSError, ValueError) as err:
                errors.append(f"{link}: {_reason(err)}")
                continue
            try:
                return install_from_file(file, replace=replace, directory=root)
            except PackageError as err:
                raise PackageError(str(err).replace(str(file), link)) from None
    raise PackageError(f"cannot download the {src}→{tgt} package ({'; '.join(errors)})")

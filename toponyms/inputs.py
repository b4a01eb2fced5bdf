"""Reading the user's files: text or a one-line reason why not."""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath

from .errors import ToponymsError

STDIN = "-"
# A directory holding this is an output directory of toponyms: walking an input tree passes over it.
STATE_DIR = ".toponyms"

# Byte-order marks, longest first: UTF-32 LE begins with the UTF-16 LE mark.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


class InputError(ToponymsError):
    """An input file is missing, not a file, not text, or empty."""


def decode(data: bytes, name: str, allow_empty: bool = False) -> str:
    """Decode UTF-8, or UTF-16/UTF-32 with a byte-order mark (the mark is dropped).

    Windows editors and Word's "Unicode text" write UTF-16 with a mark, and
    Notepad a UTF-8 mark: those are read. Binary data, UTF-16 without a mark,
    and (unless allowed) empty input are refused with a reason that says which.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not {label} text although it starts with a {label} byte-order mark "
                                 f"(bad data at byte {exc.start})") from None
            if "\x00" in text[:65536]:
                raise InputError(f"{name}: is a binary file, not text")
            return _not_empty(text, name, allow_empty)
    if not data.strip():
        return _not_empty("", name, allow_empty)
    head = data[:65536]
    if b"\x00" in head:
        raise InputError(f"{name}: {_guess_utf16(head) or 'is a binary file, not text'}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (bad byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    return _not_empty(text, name, allow_empty)


def _not_empty(text: str, name: str, allow_empty: bool) -> str:
    if text.strip():
        return text
    if allow_empty:
        return ""
    raise InputError(f"{name}: is empty")


def _guess_utf16(head: bytes) -> str | None:
    """A precise reason when NUL bytes are UTF-16 text without a byte-order mark, else None.

    Such text decodes to printable characters with spaces or line breaks in
    it, whatever its script; binary data does not.
    """
    for codec, order in (("utf-16-le", "LE"), ("utf-16-be", "BE")):
        text = head[:len(head) // 2 * 2].decode(codec, errors="replace")
        if not text or not (" " in text or "\n" in text):
            continue
        bad = sum(1 for ch in text if ch == "\ufffd" or not (ch.isprintable() or ch in "\t\n\r"))
        if bad <= len(text) // 100 + 1:
            return (f"looks like UTF-16{order} text without a byte-order mark: convert it to UTF-8 "
                    f"(iconv -f UTF-16{order} -t UTF-8) or save it with a mark")
    return None


def read_bytes(path: str) -> bytes:
    """The bytes of `path`, or of standard input for ``-``; InputError with the reason otherwise."""
    if path == STDIN:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None or stream.closed:
            raise InputError("standard input: is closed")
        try:
            return stream.read()
        except (OSError, ValueError) as exc:
            raise InputError(f"standard input: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    # Opened straight away, the reason read from the error: a batch reads thousands of inputs, and
    # two stats before each open were a tenth of a warm rerun's reading.
    try:
        with open(path, "rb") as file:
            return file.read()
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def read_text(path: str, allow_empty: bool = False) -> str:
    """The decoded text of `path`, or of standard input for ``-``."""
    return decode(read_bytes(path), "standard input" if path == STDIN else path, allow_empty)


@dataclass(frozen=True)
class Source:
    """One input the user named, or found under a directory the user named."""

    path: str  # as given or as found; "-" for standard input
    relative: str  # the path under the directory it was found in, for mirroring into --out-dir
    problem: str | None = None  # why it cannot be read, found while listing (missing path)


def check_glob(pattern: str | None) -> None:
    """Refuse a --glob that is not a pattern under the directories walked (absolute, or going up)."""
    if pattern is None:
        return
    pure = PurePath(pattern)
    if not pattern or pure.is_absolute() or pure.anchor:
        raise InputError(f"--glob {pattern!r}: give a pattern for names under the directories walked "
                         f"(like '*.txt' or 'news/*.md'), not an absolute path")
    if ".." in pure.parts:
        raise InputError(f"--glob {pattern!r}: a pattern cannot go up out of the directories walked ('..')")


def list_inputs(paths: list[str], pattern: str | None = None, exclude: list[str] | None = None) -> list[Source]:
    """Every input under `paths`: files as given, directories walked recursively in name order.

    Hidden files and directories (".git", an output's ".toponyms") are passed
    over, and under directories only names matching the glob `pattern` count.
    So are the directories in `exclude` (the run's own --out-dir, when it lies
    inside an input directory) and any directory found while walking that is
    an output directory of toponyms (it holds ".toponyms"): outputs are not
    inputs of the next run. A path that does not exist is listed with its
    problem, so that a batch can report it and go on.
    """
    check_glob(pattern)
    excluded = {Path(p).resolve() for p in exclude or []}
    sources: list[Source] = []
    for path in paths or [STDIN]:
        if path == STDIN:
            sources.append(Source(STDIN, "stdin"))
            continue
        root = Path(path)
        if root.is_dir():
            skipped = [d for d in excluded if d != root.resolve() and d.is_relative_to(root.resolve())]
            found, verdicts = [], {}
            for p in root.rglob(pattern or "*"):
                parts = p.relative_to(root).parts
                if any(part.startswith(".") for part in parts) or not p.is_file():
                    continue
                if _in_output_dir(root, parts, skipped, verdicts):
                    continue
                found.append(p)
            sources.extend(Source(str(p), str(p.relative_to(root))) for p in sorted(found))
        elif root.exists():
            sources.append(Source(path, root.name))
        else:
            sources.append(Source(path, root.name, f"{path}: no such file"))
    return sources


def _in_output_dir(root: Path, parts: tuple[str, ...], excluded: list[Path], verdicts: dict) -> bool:
    """Whether a file found under `root` lies in an output directory (excluded, or holding .toponyms)."""
    directory = root
    for part in parts[:-1]:
        directory = directory / part
        if directory not in verdicts:
            verdicts[directory] = (directory / STATE_DIR).is_dir() or (
                bool(excluded) and directory.resolve() in excluded)
        if verdicts[directory]:
            return True
    return False

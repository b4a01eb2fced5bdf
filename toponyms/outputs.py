"""Writing results safely: whole files or nothing, and never over the user's files unasked."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from bisect import bisect_right
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ToponymsError


# Temporary files are named so that they cannot be the user's: a leftover of a killed run is
# recognised by this prefix and suffix, and nothing else is ever removed as one.
TEMP_PREFIX = ".toponyms-"
TEMP_SUFFIX = ".part"
# The temporary files this process is about to write or writing now, as (directory, name prefix,
# suffix); the prefix holds the process id, so that a signal handler can remove them even when the
# signal lands between the file's creation and the moment its name is known.
writing: set[tuple[str, str, str]] = set()


class OutputError(ToponymsError):
    """An output file cannot be written, or would overwrite a file the user has."""


def is_temporary(name: str) -> bool:
    """Whether a file name is one of our temporary files (see `atomic_path`)."""
    return name.startswith(TEMP_PREFIX) and TEMP_SUFFIX in name


def remove_temporaries() -> None:
    """Remove the temporary files this process is writing (from a signal handler, before exiting)."""
    for intent in list(writing):
        _remove_intent(intent)


def _remove_intent(intent: tuple[str, str, str]) -> None:
    directory, prefix, suffix = intent
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith(prefix) and entry.name.endswith(suffix):
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass
    except OSError:
        pass


def no_directory(path: str, directory: Path) -> str:
    """Why `path` cannot be written when its folder is not a directory: the folder is missing, or a file.

    >>> no_directory("notes/out.txt", Path("/etc/hosts"))
    'notes/out.txt: /etc/hosts is a file, not a directory'
    """
    if directory.exists():
        return f"{path}: {directory} is a file, not a directory"
    return f"{path}: directory {directory} does not exist"


def is_stream(path: str) -> bool:
    """Whether `path` is a character device or a named pipe (/dev/null, /dev/stdout, a FIFO).

    Such an output is written to as it is: there is no file to keep whole, and a rename over it
    would replace the device itself (as root, /dev/null for the whole machine).
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def refuse_overwrite(path: str, force: bool) -> None:
    """Raise before any work is done when `path` exists and `force` was not given."""
    _refuse_overwrite(path, force, _mode(path))


def _mode(path: str) -> int | None:
    """The file type and mode of what `path` names (links followed), None when nothing is there."""
    try:
        return os.stat(path).st_mode
    except (OSError, ValueError):
        return None


def _refuse_overwrite(path: str, force: bool, mode: int | None) -> None:
    if mode is None or stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return  # nothing there; or writing to /dev/null or a pipe, which overwrites nothing
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is not a regular file")  # a block device or a socket
    if not force:
        raise OutputError(f"{path}: already exists; pass --force to overwrite it")


def check_destination(path: str, force: bool) -> None:
    """Before any work: `path` can be written (its directory exists and is writable) and may be replaced.

    So that a --record or --output that cannot be written is said at once,
    not after hours of translation.
    """
    refuse_overwrite(path, force)
    if is_stream(path):
        return  # written to as it is: its directory (/dev) need not be writable
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{path}: is a directory")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(no_directory(path, directory))
    if not os.access(directory, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write in directory {directory}")


@contextmanager
def atomic_path(path: str, force: bool = False, suffix: str = TEMP_SUFFIX) -> Iterator[str]:
    """A temporary path beside `path` to write to; it becomes `path` only if the block succeeds.

    So no half-written file is ever seen under the real name, and a failure
    leaves nothing behind. `suffix` lets writers that choose a format by
    file name (matplotlib) see the right one.
    """
    mode = _mode(path)
    _refuse_overwrite(path, force, mode)
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        try:
            yield path
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        return
    with _temporary(path, mode, suffix) as (handle, temporary):
        os.close(handle)
        yield temporary


def write_atomic(path: str, text: str | bytes, force: bool = False) -> None:
    """Write `text` (str as UTF-8, or bytes) to `path` whole or not at all (see `atomic_path`).

    A full disk or any other failure to write is an OutputError naming the
    file, and leaves neither a partial file nor a temporary one. A batch writes
    thousands of these: the temporary file is created and written through one
    descriptor, and the target is looked at once (see `_temporary`).
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    mode = _mode(path)
    _refuse_overwrite(path, force, mode)
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        try:
            with open(path, "wb") as out:
                out.write(data)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        return
    with _temporary(path, mode, TEMP_SUFFIX) as (handle, _):
        with open(handle, "wb", closefd=True) as out:
            out.write(data)


@contextmanager
def _temporary(path: str, mode: int | None, suffix: str) -> Iterator[tuple[int, str]]:
    """A new temporary file beside `path` (an open descriptor and its name), renamed to `path` after the block.

    Made with O_EXCL under a random name, with the permissions any new file
    gets (0o666 less the umask), in one system call: no mkstemp, chmod and
    second open. The directory is looked at only when the file cannot be made,
    to say why.
    """
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a directory")
    directory, name = os.path.split(path)
    directory = directory or "."
    intent = (directory, f"{TEMP_PREFIX}{name}.{os.getpid()}.", suffix)
    writing.add(intent)
    try:
        for _ in range(100):
            temporary = os.path.join(directory, f"{intent[1]}{os.urandom(6).hex()}{suffix}")
            try:
                handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
                break
            except FileExistsError:
                continue
            except OSError as exc:
                if not os.path.isdir(directory):
                    raise OutputError(no_directory(path, Path(directory))) from None
                raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
        else:
            raise OutputError(f"{path}: cannot write: no free temporary name")
        try:
            yield handle, temporary
        except BaseException:
            try:
                os.close(handle)
            except OSError:
                pass
            raise
        os.replace(temporary, path)
    except OutputError:
        _remove_intent(intent)
        raise
    except OSError as exc:
        _remove_intent(intent)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        _remove_intent(intent)
        raise
    finally:
        writing.discard(intent)


def records_text(rows: Iterable[dict], path: str) -> str:
    """Rows as JSON Lines, or as CSV when `path` ends in .csv."""
    rows = list(rows)
    if path.lower().endswith(".csv"):
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                              for k, v in row.items()} for row in rows)
        return buffer.getvalue()
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


class LineIndex:
    """Line numbers of offsets into one text, in one pass over it and a bisection per offset.

    Counting newlines from the start for every mention is quadratic in the
    text; a 4 MB file with a mention a line took 38 s that way.

    >>> LineIndex("a\\nb\\nc").line_of(4)
    3
    """

    def __init__(self, text: str):
        starts = [0]
        position = text.find("\n")
        while position >= 0:
            starts.append(position + 1)
            position = text.find("\n", position + 1)
        self._starts = starts

    def line_of(self, offset: int) -> int:
        """The 1-based number of the line holding `offset`."""
        return bisect_right(self._starts, offset)


class MentionLines:
    """The lines `toponyms find` prints for mentions, JSON Lines or a table, each distinct part made once.

    Dense news names the same few hundred places in the same few hundred
    forms thousands of times: everything after a mention's offsets depends
    only on its surface and reading, so it is encoded once per distinct
    mention and the offsets are put in front. The lines are the same bytes
    as ``json.dumps({"doc": doc, **mention.to_json()}, ensure_ascii=False)``
    (and the table's tab-separated fields), only made faster.

    >>> from toponyms.match import Mention
    >>> m = Mention(3, 7, "Şuşa", "shusha", "city", "shusha", "az", "Şuşa", ("az",))
    >>> MentionLines().json("a.txt", [m]) == [json.dumps({"doc": "a.txt", **m.to_json()}, ensure_ascii=False)]
    True
    >>> MentionLines().table("7", [m], [2])
    ['7:2\\t3-7\\tŞuşa\\tshusha\\tshusha\\taz']
    """

    def __init__(self):
        self._json_tails: dict[tuple, str] = {}
        self._table_tails: dict[tuple, str] = {}

    def json(self, doc, mentions) -> list[str]:
        head = '{"doc": ' + json.dumps(doc, ensure_ascii=False) + ', "start": '
        tails, lines = self._json_tails, []
        for m in mentions:
            reading = m[2:]
            tail = tails.get(reading)
            if tail is None:
                fields = m.to_json()
                if list(fields)[:2] != ["start", "end"]:  # not the layout this was made for: encode it whole
                    lines.append(json.dumps({"doc": doc, **fields}, ensure_ascii=False))
                    continue
                del fields["start"], fields["end"]
                tail = tails[reading] = ", " + json.dumps(fields, ensure_ascii=False)[1:] if fields else "}"
            lines.append(f'{head}{m[0]}, "end": {m[1]}{tail}')
        return lines

    def table(self, prefix: str | None, mentions, line_numbers) -> list[str]:
        """`prefix:line` (or the line alone when `prefix` is None), span, surface, id, form and language."""
        tails, lines = self._table_tails, []
        for m, line in zip(mentions, line_numbers):
            reading = (m.surface, m.entity_id, m.form, m.lang)
            tail = tails.get(reading)
            if tail is None:
                tail = tails[reading] = "\t" + "\t".join(reading)
            lines.append(f"{line if prefix is None else f'{prefix}:{line}'}\t{m.start}-{m.end}{tail}")
        return lines

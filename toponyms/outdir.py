"""An output directory that cannot hurt the user's files.

`OutDir(root, inputs).open()` makes the directory ready for a run and holds
it until `close()`:

- it refuses a directory that is one of the inputs (the translations would
  replace the sources);
- it takes a lock (`.toponyms/lock`, fcntl.flock), so a second run into the
  same directory stops with one line instead of mixing its files in;
- it removes the temporary files a killed run left, and only those: they are
  named `.toponyms-<name>.<pid>.<random>.part` (see `toponyms.outputs`), which no
  file of the user's is;
- it reads the manifest, `.toponyms/manifest.jsonl`: one line per file the
  tool wrote, with the SHA-256 of what it wrote. A file in the directory is
  the tool's own when its content hashes to what the manifest says was
  written there; anything else is the user's and is never overwritten
  without --force.

The manifest is a log that workers append to (one short line, one write(2)
with O_APPEND, so lines from several processes do not mix) just *before*
renaming an output into place. A run killed between the two leaves a line
for content that never arrived, which matches nothing and so is harmless;
the other order would leave an output the next run took for the user's.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .outputs import OutputError, is_temporary

STATE_DIR = ".toponyms"
MANIFEST = "manifest.jsonl"
LOCK = "lock"


def content_hash(data: bytes) -> str:
    """The SHA-256 of `data` in hex, as `sha256sum` prints it."""
    return hashlib.sha256(data).hexdigest()


def file_hash(path: str | Path) -> str | None:
    """The SHA-256 of a file's content, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def note_written(manifest: str, relative: str, sha256: str, **facts) -> None:
    """Append to the manifest that `relative` is about to hold content hashing to `sha256`."""
    line = json.dumps({"path": relative, "sha256": sha256, **facts}, ensure_ascii=False) + "\n"
    try:
        handle = os.open(manifest, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        try:
            os.write(handle, line.encode("utf-8"))
        finally:
            os.close(handle)
    except OSError as exc:
        raise OutputError(f"{manifest}: cannot write: {exc.strerror}") from None


class OutDir:
    """An output directory held for one run: checked, locked, and with the manifest of what it holds."""

    def __init__(self, root: str, inputs: list[str] | tuple[str, ...] = ()):
        self.root = Path(root)
        self.state = self.root / STATE_DIR
        self.manifest = str(self.state / MANIFEST)
        self._inputs = [p for p in inputs if p != "-"]
        self._lock = None
        # path -> {sha256 -> the last manifest entry for that content}
        self.entries: dict[str, dict[str, dict]] = {}

    def __enter__(self) -> "OutDir":
        return self if self._lock is not None else self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def open(self) -> "OutDir":
        """Check, create and lock the directory, remove our leftovers, read the manifest."""
        self.check()
        try:
            self.state.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{self.root}: cannot create the output directory: {exc.strerror}") from None
        self._take_lock()
        try:
            self._remove_leftovers()
            self._read_manifest()
        except BaseException:
            self.close()
            raise
        return self

    def check(self) -> None:
        """Refuse a root that is not a directory, or that is an input directory itself."""
        if self.root.exists() and not self.root.is_dir():
            raise OutputError(f"{self.root}: exists and is not a directory")
        resolved = self.root.resolve()
        for given in self._inputs:
            path = Path(given)
            if path.is_dir() and path.resolve() == resolved:
                raise OutputError(f"--out-dir {self.root} is the input directory {given}: its files would be "
                                  f"replaced by their translations; choose another directory")

    def close(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the flock
            self._lock = None

    def _take_lock(self) -> None:
        import fcntl

        path = self.state / LOCK
        try:
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            raise OutputError(f"{self.root}: another toponyms run is writing to this directory "
                              f"(it holds {path}); wait for it to end") from None
        self._lock = handle

    def _remove_leftovers(self) -> None:
        """Remove the temporary files of a run that was killed: ours by name, nothing else."""
        for directory, _, names in os.walk(self.root):
            for name in names:
                if is_temporary(name):
                    try:
                        os.unlink(os.path.join(directory, name))
                    except OSError:
                        pass

    def _read_manifest(self) -> None:
        try:
            lines = Path(self.manifest).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            raise OutputError(f"{self.manifest}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        for line in lines:
            try:
                entry = json.loads(line)
                self.entries.setdefault(entry["path"], {})[entry["sha256"]] = entry
            except (ValueError, KeyError, TypeError):
                continue  # a line cut by a full disk: what it named is not claimed
        if len(lines) > 2 * len(self.entries) + 100:
            self._compact()

    def _compact(self) -> None:
        """Keep, for each path, only the entry for what the file holds now (the log grows with every run)."""
        from .outputs import write_atomic

        kept = []
        for relative, by_hash in self.entries.items():
            current = file_hash(self.root / relative) if len(by_hash) > 1 else next(iter(by_hash))
            if current in by_hash:
                self.entries[relative] = {current: by_hash[current]}
                kept.append(by_hash[current])
        self.entries = {entry["path"]: {entry["sha256"]: entry} for entry in kept}
        write_atomic(self.manifest, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in kept), force=True)

    def relative(self, path: str) -> str:
        return Path(path).relative_to(self.root).as_posix()

    def written_by_us(self, path: str) -> tuple[bool, dict | None]:
        """(whether `path` exists, the manifest entry for its content when the tool wrote it)."""
        if not os.path.lexists(path):
            return False, None
        sha = file_hash(path)
        return True, self.entries.get(self.relative(path), {}).get(sha) if sha else None

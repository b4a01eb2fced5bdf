"""Installing, listing and removing Argos packages, with real tiny packages."""

from __future__ import annotations

import json
import shutil
import stat
import time
import zipfile
from pathlib import Path

import pytest

from toponyms.errors import ToponymsError
from toponyms.translate import packages
from toponyms.translate.packages import PackageInfo

try:  # tests/ is on sys.path when it has no __init__.py (pytest's rootdir-less import)
    from tinyargos import build_package
except ImportError:  # pragma: no cover - if tests/ becomes a package
    from tests.tinyargos import build_package


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> dict[str, Path]:
    """Tiny genuine packages, built once for the module."""
    out = tmp_path_factory.mktemp("archives")
    return {
        "en_es": build_package(out, "en", "es"),
        "en_es_v2": build_package(out / "v2", "en", "es", name="translate-en_es-2_0",
                                  package_version="2.0"),
        "hy_en": build_package(out, "hy", "en"),
    }


@pytest.fixture
def pkgdir(tmp_path, monkeypatch) -> Path:
    """A fresh, not yet existing, packages directory chosen through TOPONYMS_ARGOS_DIR."""
    target = tmp_path / "packages"
    monkeypatch.setenv("TOPONYMS_ARGOS_DIR", str(target))
    return target


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


# -- where ---------------------------------------------------------------------


def test_packages_dir_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for var in ("TOPONYMS_ARGOS_DIR", "ARGOS_PACKAGES_DIR", "XDG_DATA_HOME"):
        monkeypatch.delenv(var, raising=False)
    assert packages.packages_dir() == tmp_path / "home/.local/share/argos-translate/packages"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert packages.packages_dir() == tmp_path / "data/argos-translate/packages"
    settings = tmp_path / "config/argos-translate/settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-settings")}))
    assert packages.packages_dir() == tmp_path / "from-settings"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    assert packages.packages_dir() == tmp_path / "argos"
    monkeypatch.setenv("TOPONYMS_ARGOS_DIR", str(tmp_path / "ours"))
    assert packages.packages_dir() == tmp_path / "ours"
    assert not (tmp_path / "ours").exists()  # asking does not create it


def test_index_url_follows_argos_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    assert packages.index_url() == packages.DEFAULT_INDEX + "index.json"
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "https://mirror.example/argos/")
    assert packages.index_url() == "https://mirror.example/argos/index.json"


# -- install / list / remove ------------------------------------------------------


def test_install_list_remove(pkgdir, archives):
    assert packages.list_installed() == []
    info = packages.install_from_file(archives["en_es"])
    assert isinstance(info, PackageInfo)
    assert (info.from_code, info.to_code, info.version) == ("en", "es", "1.0")
    assert info.path == pkgdir / "translate-en_es-tiny" and info.name == "translate-en_es-tiny"
    assert (info.path / "model" / "model.bin").is_file() and info.sp_model.is_file()
    packages.install_from_file(archives["hy_en"])
    assert [p.pair for p in packages.list_installed()] == [("en", "es"), ("hy", "en")]
    assert packages.find_installed("hy", "en").path == pkgdir / "translate-hy_en-tiny"
    assert leftovers(pkgdir) == ["translate-en_es-tiny", "translate-hy_en-tiny"]  # no temp dirs

    removed = packages.remove("en", "es")
    assert [p.pair for p in removed] == [("en", "es")]
    assert [p.pair for p in packages.list_installed()] == [("hy", "en")]
    assert leftovers(pkgdir) == ["translate-hy_en-tiny"]
    with pytest.raises(ToponymsError, match=r"no Argos package for en→es is installed"):
        packages.remove("en", "es")


def test_frozen_info(pkgdir, archives):
    info = packages.install_from_file(archives["en_es"])
    with pytest.raises(AttributeError):
        info.version = "9"  # type: ignore[misc]


def test_install_twice_refused_unless_replace(pkgdir, archives):
    packages.install_from_file(archives["en_es"])
    with pytest.raises(ToponymsError, match=r"en→es is already installed.*--force to replace") as caught:
        packages.install_from_file(archives["en_es_v2"])
    assert str(archives["en_es_v2"]) in str(caught.value)
    with pytest.raises(ToponymsError, match="already installed"):
        packages.install_from_file(archives["en_es"])
    assert leftovers(pkgdir) == ["translate-en_es-tiny"]

    info = packages.install_from_file(archives["en_es_v2"], replace=True)
    assert info.version == "2.0"
    assert [(p.pair, p.version) for p in packages.list_installed()] == [(("en", "es"), "2.0")]
    assert leftovers(pkgdir) == ["translate-en_es-2_0"]  # the old one is gone, no temp dirs

    again = packages.install_from_file(archives["en_es_v2"], replace=True)  # same directory name
    assert again.version == "2.0" and leftovers(pkgdir) == ["translate-en_es-2_0"]


def test_list_skips_foreign_directories(pkgdir, archives):
    packages.install_from_file(archives["en_es"])
    (pkgdir / "junk").mkdir()
    (pkgdir / "stray.txt").write_text("x")
    sbd = pkgdir / "sbd-pkg"
    sbd.mkdir()
    (sbd / "metadata.json").write_text(json.dumps({"type": "sbd", "from_codes": ["en"]}))
    broken = pkgdir / "broken"
    broken.mkdir()
    (broken / "metadata.json").write_text("{not json")
    assert [p.pair for p in packages.list_installed()] == [("en", "es")]


def test_newest_version_first(tmp_path, archives):
    root = tmp_path / "pk"
    for key in ("en_es", "en_es_v2"):
        with zipfile.ZipFile(archives[key]) as zf:
            zf.extractall(root)
    assert [p.version for p in packages.list_installed(root)] == ["2.0", "1.0"]
    assert packages.find_installed("en", "es", root).version == "2.0"


def test_missing_file(pkgdir, tmp_path):
    with pytest.raises(ToponymsError, match="nope.argosmodel: no such file"):
        packages.install_from_file(tmp_path / "nope.argosmodel")


# -- corrupt packages -------------------------------------------------------------


def rewrite(source: Path, dest: Path, *, drop=(), add=None, rename=None) -> Path:
    """Copy the zip `source` to `dest`, dropping entries ending in `drop`, adding `add` {name: bytes}."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            if any(item.filename.endswith(d) for d in drop):
                continue
            data = zin.read(item)
            if rename:
                item.filename = rename(item.filename)
            zout.writestr(item, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dest


def symlink_entry(dest: Path, source: Path) -> Path:
    shutil.copy(source, dest)
    with zipfile.ZipFile(dest, "a") as zf:
        info = zipfile.ZipInfo("translate-en_es-tiny/link")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    return dest


def fifo_entry(dest: Path, source: Path) -> Path:
    shutil.copy(source, dest)
    with zipfile.ZipFile(dest, "a") as zf:
        info = zipfile.ZipInfo("translate-en_es-tiny/pipe")
        info.external_attr = (stat.S_IFIFO | 0o644) << 16
        zf.writestr(info, b"")
    return dest


TOP = "translate-en_es-tiny/"
BAD_CASES = {
    "not_zip": (lambda src, dst: (dst.write_bytes(b"this is not a zip file\n" * 10), dst)[1],
                "not a zip archive"),
    "dotdot": (lambda src, dst: rewrite(src, dst, add={TOP + "../../evil": b"x"}), "escapes the package"),
    "dotdot_top": (lambda src, dst: rewrite(src, dst, add={"../evil": b"x"}), "escapes the package"),
    "absolute": (lambda src, dst: rewrite(src, dst, add={"/tmp/evil": b"x"}), "absolute path"),
    "symlink": (lambda src, dst: symlink_entry(dst, src), "symbolic link"),
    "fifo": (lambda src, dst: fifo_entry(dst, src), "special file"),
    "no_metadata": (lambda src, dst: rewrite(src, dst, drop=["metadata.json"]), "missing metadata.json"),
    "no_model": (lambda src, dst: rewrite(src, dst, drop=["model.bin"]), "missing model/model.bin"),
    "no_sentencepiece": (lambda src, dst: rewrite(src, dst, drop=["sentencepiece.model"]),
                         "missing sentencepiece.model"),
    "two_tops": (lambda src, dst: rewrite(src, dst, add={"other/readme.txt": b"x"}),
                 "one top-level directory"),
    "loose_file": (lambda src, dst: rewrite(src, dst, add={"README": b"x"}), "outside the package directory"),
    "flat": (lambda src, dst: rewrite(src, dst, rename=lambda n: n[len(TOP):] or "./"),
             "outside the package directory"),
    "bad_json": (lambda src, dst: rewrite(src, dst, drop=["metadata.json"],
                                          add={TOP + "metadata.json": b"{oops"}), "not valid JSON"),
    "no_to_code": (lambda src, dst: rewrite(src, dst, drop=["metadata.json"],
                                            add={TOP + "metadata.json": b'{"from_code": "en"}'}),
                   "metadata.json has no to_code"),
    "truncated": (lambda src, dst: (dst.write_bytes(src.read_bytes()[: src.stat().st_size // 2]), dst)[1],
                  "not a zip archive"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_corrupt_package_refused(case, pkgdir, archives, tmp_path):
    make, problem = BAD_CASES[case]
    bad = make(archives["en_es"], tmp_path / f"{case}.argosmodel")
    with pytest.raises(ToponymsError) as caught:
        packages.install_from_file(bad)
    message = str(caught.value)
    assert problem in message
    assert bad.name in message and "\n" not in message
    assert leftovers(pkgdir) == []
    assert not (tmp_path / "evil").exists() and not (pkgdir.parent / "evil").exists()


def test_damaged_member_leaves_nothing(pkgdir, archives, tmp_path):
    """A zip whose directory is fine but whose data is corrupt fails during extraction, cleanly."""
    data = bytearray(archives["en_es"].read_bytes())
    with zipfile.ZipFile(archives["en_es"]) as zf:
        member = zf.getinfo(TOP + "model/model.bin")
    start = member.header_offset + 30 + len(member.filename) + len(member.extra) + 50
    data[start:start + 200] = bytes(200)
    bad = tmp_path / "damaged.argosmodel"
    bad.write_bytes(bytes(data))
    with pytest.raises(ToponymsError, match="damaged.argosmodel") as caught:
        packages.install_from_file(bad)
    assert "\n" not in str(caught.value)
    assert leftovers(pkgdir) == []  # the staging directory is gone too


def test_bpe_package_installed_but_never_chosen(run, pkgdir, archives, tmp_path):
    """An OPUS-MT conversion from the index (bpe.model) installs, for argostranslate's sake, is
    listed as unsupported, and `auto` falls through to another engine for its pair."""
    bpe = build_package(tmp_path, "en", "es", name="translate-en_es-bpe", tokenizer="bpe")
    result = run("models", "install", str(bpe))
    assert result.exit_code == 0, result.output
    listed = run("models", "list").stdout
    assert "translate-en_es-bpe" in listed and "unsupported: BPE tokenizer" in listed
    engines = run("engines").stdout
    assert "translate-en_es-bpe not usable: BPE tokenizer" in engines
    from toponyms.translate.engines.registry import clear_cache

    clear_cache()
    result = run("translate", "-", "--from", "en", "--to", "es", "--no-cache", "--quiet",
                 input="The town of Shusha stands on a plateau.\n")
    assert result.exit_code == 0, result.output
    assert "Shushá" in result.stdout or "Şuşa" in result.stdout or "Shusha" in result.stdout
    result = run("translate", "-", "--from", "en", "--to", "es", "--engine", "argos", "--no-cache",
                 input="The town of Shusha.\n")
    assert result.exit_code == 2 and "engine argos cannot translate en→es" in result.stderr


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` with its bytes."""
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_force_never_replaces_another_pairs_package(run, pkgdir, archives, tmp_path):
    """`--force` replaces a package of the same pair, never one of another pair that happens to
    live in the folder the archive names (issue 9, case 8)."""
    assert run("models", "install", str(archives["hy_en"])).exit_code == 0
    assert run("models", "install", str(archives["en_es"])).exit_code == 0
    before = snapshot(pkgdir)
    squatter = build_package(tmp_path, "en", "de", name="translate-hy_en-tiny")
    result = run("models", "install", str(squatter), "--force")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert "holds the hy→en package, not en→de" in result.stderr
    assert snapshot(pkgdir) == before
    assert [p.pair for p in packages.list_installed()] == [("en", "es"), ("hy", "en")]
    # the same pair is still replaced with --force
    result = run("models", "install", str(archives["en_es_v2"]), "--force")
    assert result.exit_code == 0, result.output
    assert [(p.pair, p.version) for p in packages.list_installed()] == [(("en", "es"), "2.0"), (("hy", "en"), "1.0")]


def bomb(dest: Path, unpacked: int, *, lie: bool = False) -> Path:
    """A package-shaped zip with a member of `unpacked` zero bytes (it deflates about 1000:1).

    With `lie`, the sizes the archive declares are rewritten to 1 KiB.
    """
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(TOP + "metadata.json", json.dumps({"from_code": "en", "to_code": "fr"}))
        zf.writestr(TOP + "sentencepiece.model", b"x")
        with zf.open(TOP + "model/model.bin", "w", force_zip64=True) as out:
            chunk = bytes(1 << 20)
            for _ in range(unpacked >> 20):
                out.write(chunk)
    if lie:
        data = bytearray(dest.read_bytes())
        central = data.find(b"PK\x01\x02")
        while central != -1:
            name_len = int.from_bytes(data[central + 28:central + 30], "little")
            name = bytes(data[central + 46:central + 46 + name_len])
            if name.endswith(b"model.bin"):
                extra_len = int.from_bytes(data[central + 30:central + 32], "little")
                data[central + 24:central + 28] = (1024).to_bytes(4, "little")
                data[central + 30:central + 32] = (0).to_bytes(2, "little")  # drop the zip64 sizes
                del data[central + 46 + name_len:central + 46 + name_len + extra_len]
                end = data.rindex(b"PK\x05\x06")
                size = int.from_bytes(data[end + 12:end + 16], "little")
                data[end + 12:end + 16] = (size - extra_len).to_bytes(4, "little")
                break
            central = data.find(b"PK\x01\x02", central + 46)
        dest.write_bytes(bytes(data))
    return dest


@pytest.mark.parametrize("lie", [False, True], ids=["declared", "lying"])
def test_archive_bomb_refused_before_writing(run, pkgdir, archives, tmp_path, lie):
    """A small archive that unpacks to hundreds of megabytes is refused from its declared sizes,
    and one that lies about them is stopped while extracting (issue 9, case 11)."""
    assert run("models", "install", str(archives["hy_en"])).exit_code == 0
    before = snapshot(pkgdir)
    archive = bomb(tmp_path / "bomb.argosmodel", 200 << 20, lie=lie)
    assert archive.stat().st_size < 1 << 20
    result = run("models", "install", str(archive), "--force")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert "not a safe Argos package" in result.stderr or "cannot extract" in result.stderr
    if not lie:
        assert "would unpack to 200.0 MiB" in result.stderr
    assert snapshot(pkgdir) == before  # nothing half-written, the other package untouched


# -- index ---------------------------------------------------------------------------


def test_install_from_index_offline_is_a_clear_error(pkgdir):
    """The real index: there is no network here, so this must fail fast and clearly.

    (A pair that does not exist keeps the test cheap and tolerant on a machine
    with network: then the index is read and the pair is reported missing.)
    """
    start = time.monotonic()
    with pytest.raises(ToponymsError) as caught:
        packages.install_from_index("xx", "yy", timeout=5)
    assert time.monotonic() - start < 15
    message = str(caught.value)
    assert "\n" not in message
    assert ("cannot reach the Argos package index" in message and "toponyms models install" in message) \
        or "has no package for xx→yy" in message
    assert leftovers(pkgdir) == []


def test_install_from_index_unreachable_url(pkgdir):
    with pytest.raises(ToponymsError, match=r"cannot reach the Argos package index \(http://127\.0\.0\.1:9/index"
                                            r"\.json: .*\): no network\? Install from a file: toponyms models "
                                            r"install FILE\.argosmodel"):
        packages.install_from_index("en", "es", timeout=5, url="http://127.0.0.1:9/index.json")


def test_install_from_index_mirror(pkgdir, archives, tmp_path):
    """An index mirror (file: URLs) goes through the same download-and-install path."""
    index = [
        {"type": "translate", "from_code": "en", "to_code": "es", "package_version": "1.0",
         "links": [archives["en_es"].as_uri()]},
        {"type": "translate", "from_code": "en", "to_code": "es", "package_version": "2.0",
         "links": [archives["en_es_v2"].as_uri()]},
        {"type": "translate", "from_code": "en", "to_code": "de", "package_version": "1.0",
         "links": [(tmp_path / "missing.argosmodel").as_uri()]},
    ]
    url = tmp_path / "index.json"
    url.write_text(json.dumps(index))
    info = packages.install_from_index("en", "es", url=url.as_uri(), timeout=5)
    assert (info.pair, info.version) == (("en", "es"), "2.0")  # the newest
    with pytest.raises(ToponymsError, match="already installed"):
        packages.install_from_index("en", "es", url=url.as_uri(), timeout=5)
    with pytest.raises(ToponymsError, match=r"index has no package for en→fr \(from en: de, es\)"):
        packages.install_from_index("en", "fr", url=url.as_uri(), timeout=5)
    with pytest.raises(ToponymsError, match=r"cannot download the en→de package"):
        packages.install_from_index("en", "de", url=url.as_uri(), timeout=5)
    assert leftovers(pkgdir) == ["translate-en_es-2_0"]

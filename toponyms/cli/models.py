"""`toponyms engines` and `toponyms models list | install | remove`."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

from ..errors import ToponymsError
from .common import JsonOption, app, check_lang, reports_errors

models_app = typer.Typer(help="Argos packages and CTranslate2 model directories: list, install, remove.",
                         no_args_is_help=True)
app.add_typer(models_app, name="models")


@app.command()
@reports_errors
def engines(json_output: JsonOption = False):
    """List the translation engines and the language pairs each can do now."""
    from toponyms.translate.engines.registry import all_engines

    found = all_engines()
    if json_output:
        typer.echo(json.dumps([{"name": e.name, "description": e.describe(), "pairs": [list(p) for p in e.pairs()]}
                               for e in found], ensure_ascii=False, indent=2))
        return
    for engine in found:
        pairs = engine.pairs() if engine.name != "none" else []
        listing = ", ".join(f"{s}->{t}" for s, t in pairs) if pairs else (
            "same language only" if engine.name == "none" else "no pairs installed")
        typer.echo(f"{engine.describe()}\n  {listing}")


@models_app.command("list")
@reports_errors
def models_list(json_output: JsonOption = False):
    """List the Argos packages and CTranslate2 model directories, and why any cannot be used."""
    from toponyms.translate.ct2model import weights_type
    from toponyms.translate.engines.multilingual import MultilingualEngine, models_dir
    from toponyms.translate.packages import list_installed, packages_dir

    installed = list_installed()
    models = MultilingualEngine().models()
    if json_output:
        rows = [{"engine": "argos", "name": p.name, "from": p.from_code, "to": p.to_code,
                 "version": p.version, "path": str(p.path), "usable": not p.unsupported,
                 "reason": p.unsupported} for p in installed]
        rows += [{"engine": "multilingual", "name": m.name, "style": m.style, "path": str(m.path),
                  "weights": weights_type(m.path),
                  "pairs": [list(p) for p in m.pairs], "usable": not m.problem, "reason": m.problem}
                 for m in models]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not installed:
        typer.echo(f"no Argos packages in {packages_dir()}", err=True)
    for p in installed:
        status = f"\tunsupported: {p.unsupported}" if p.unsupported else ""
        typer.echo(f"argos\t{p.from_code}->{p.to_code}\t{p.version}\t{p.path}{status}")
    if not models:
        typer.echo(f"no CTranslate2 model directories in {models_dir()}", err=True)
    for m in models:
        if m.problem:
            typer.echo(f"multilingual\t{m.name}\t{m.path}\tunusable: {m.problem}")
        else:
            pairs = ", ".join(f"{s}->{t}" for s, t in m.pairs)
            typer.echo(f"multilingual\t{m.name} ({m.style}, {weights_type(m.path) or 'unknown type'})"
                       f"\t{m.path}\t{pairs}")


@models_app.command("install")
@reports_errors
def models_install(
    what: Annotated[list[str], typer.Argument(
        help="A .argosmodel file, a CTranslate2 model directory (NLLB-200, M2M-100, OPUS-MT), "
             "or SRC TGT to download from the Argos index.")],
    force: Annotated[bool, typer.Option("--force", help="Replace an installed package of the same pair "
                                                        "or model of the same name.")] = False,
    tokenizer: Annotated[Optional[str], typer.Option(
        "--tokenizer", help="With a model directory: its SentencePiece model or tokenizer.json, if kept elsewhere.")] = None,
):
    """Install an Argos package or a CTranslate2 model directory, or an Argos package from its index."""
    from pathlib import Path

    from toponyms.translate.packages import install_from_file, install_from_index

    if len(what) == 1 and Path(what[0]).is_dir():
        from toponyms.translate.engines.multilingual import install_model

        model = install_model(what[0], replace=force, tokenizer=tokenizer)
        pairs = ", ".join(f"{s}->{t}" for s, t in model.pairs)
        typer.echo(f"installed {model.name} ({model.style}) in {model.path}: {pairs}")
        return
    if tokenizer is not None:
        raise ToponymsError("--tokenizer goes with a model directory")
    if len(what) == 1:
        info = install_from_file(what[0], replace=force)
    elif len(what) == 2:
        for code in what:
            check_lang(code)
        info = install_from_index(what[0], what[1], replace=force)
    else:
        raise ToponymsError("give one .argosmodel file or model directory, or a source and a target language")
    typer.echo(f"installed {info.from_code}->{info.to_code} {info.version} in {info.path}")


@models_app.command("remove")
@reports_errors
def models_remove(src: str, tgt: str):
    """Remove the installed Argos package for a pair."""
    from toponyms.translate.packages import remove

    for info in remove(src, tgt):
        typer.echo(f"removed {info.from_code}->{info.to_code} {info.version} from {info.path}")

"""Layers that do not import upwards, and no circle of imports.

From the bottom: the name core (`toponyms.*` outside `translate` and `cli`), the translate layer
(`toponyms.translate`: engines, documents and formats, the pipeline), the CLI (`toponyms.cli`).
Each layer is imported alone in a fresh interpreter and `sys.modules` must hold nothing from a
layer above it; the static graph (every import, lazy ones inside functions included) must have no
upward arrow and no circle.
"""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE_DIR = ROOT / "toponyms"
TRANSLATE_DIR = ROOT / "translate"


def _module_name(path: Path) -> str:
    if path.is_relative_to(TRANSLATE_DIR):
        parts = ("toponyms", "translate", *path.relative_to(TRANSLATE_DIR).with_suffix("").parts)
    else:
        parts = ("toponyms", *path.relative_to(CORE_DIR).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for path in [*CORE_DIR.rglob("*.py"), *TRANSLATE_DIR.rglob("*.py")]:
        if path.is_relative_to(CORE_DIR / "translate"):
            continue  # the link to translate/, read above under its real path
        found[_module_name(path)] = path
    return found


MODULES = _modules()


def layer(module: str) -> int:
    if module == "toponyms.cli" or module.startswith("toponyms.cli.") or module == "toponyms.__main__":
        return 2
    if module.startswith("toponyms.translate"):
        return 1
    return 0


def _imports(module: str, path: Path) -> set[str]:
    """Project modules `module` imports, anywhere in its code (lazy imports too)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


GRAPH = {m: _imports(m, p) for m, p in MODULES.items()}


def test_the_graph_is_read():
    assert "toponyms.match" in GRAPH["toponyms.compiled"]
    assert "toponyms.translate.pipeline" in GRAPH["toponyms.translate.batch"]
    assert any(layer(m) == 2 for m in GRAPH) and any(layer(m) == 1 for m in GRAPH)


def test_no_import_runs_upwards():
    upward = sorted(f"{m} -> {t}" for m, targets in GRAPH.items() for t in targets
                    # a package's __init__ may gather its own children (toponyms.cli registers its commands)
                    if layer(t) > layer(m) and not t.startswith(m + "."))
    assert upward == []


def test_no_circle_of_imports():
    # Tarjan's strongly connected components over the static graph.
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in GRAPH:
        if node not in index:
            visit(node)
    # A package importing its own children is not a circle of design (toponyms.cli registers its commands).
    circles = [c for c in circles if not all(m == c[0] or m.startswith(c[0] + ".") for m in c)]
    assert circles == []


def _loaded_after_import(modules: list[str]) -> list[str]:
    code = ("import importlib, json, sys\n"
            f"for name in {modules!r}:\n    importlib.import_module(name)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('toponyms'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("top", [0, 1])
def test_a_layer_imported_alone_pulls_in_nothing_from_above(top):
    """Importing every module of a layer (and running nothing) loads no module of a layer above."""
    modules = sorted(m for m in MODULES if layer(m) == top and not m.endswith("__main__"))
    loaded = _loaded_after_import(modules)
    assert [m for m in loaded if layer(m) > top] == []
    assert set(modules) <= set(loaded)


def test_the_name_core_finds_names_without_the_layers_above():
    code = ("import sys\nfrom toponyms.compiled import load_matcher\n"
            "g, m = load_matcher(None)\nassert [x.entity_id for x in m.find('Shelling hit Stepanakert.')] == ['khankendi']\n"
            "print(sorted(x for x in sys.modules if x.startswith(('toponyms.translate', 'toponyms.cli'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

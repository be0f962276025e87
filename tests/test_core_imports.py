"""The modules of plan_progress/core import each other without a circle: each can be read, tested and
changed after the modules it uses. Every import counts, at the top of a module or inside a function,
except those under ``if TYPE_CHECKING:`` (they name types for annotations and never run)."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "plugins" / "plan_progress" / "core"


def _type_checking_only(tree: ast.Module) -> set[int]:
    """The ids of the import nodes inside ``if TYPE_CHECKING:`` blocks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            skipped |= {id(inner) for statement in node.body for inner in ast.walk(statement)}
    return skipped


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The core modules that the module at ``path`` imports (``from .x import y``, ``from . import x``,
    ``import plan_progress.core.x``, ``from plan_progress.core.x import y``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_only(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 1:
                found |= {module.split(".")[0]} if module else {alias.name for alias in node.names}
            elif node.level == 0 and module.startswith("plan_progress.core"):
                rest = module.removeprefix("plan_progress.core").lstrip(".")
                found |= {rest.split(".")[0]} if rest else {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".")[2] for alias in node.names
                      if alias.name.startswith("plan_progress.core.")}
    return found & modules - {path.stem}


def import_graph() -> dict[str, set[str]]:
    modules = {path.stem for path in CORE.glob("*.py")}
    return {path.stem: imports_of(path, modules) for path in sorted(CORE.glob("*.py"))}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every circle of imports found by a depth-first walk, each as the modules in it, first one repeated."""
    found, state, stack = [], {}, []

    def visit(module: str) -> None:
        state[module] = "open"
        stack.append(module)
        for used in sorted(graph[module]):
            if state.get(used) == "open":
                found.append(stack[stack.index(used):] + [used])
            elif used not in state:
                visit(used)
        stack.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def test_the_core_modules_import_each_other_without_a_circle():
    graph = import_graph()
    assert len(graph) > 15 and graph["render"] >= {"pages", "templates", "words"}  # the graph is really read
    found = cycles(graph)
    assert not found, "circles of imports in plugins/plan_progress/core: " + "; ".join(" -> ".join(c) for c in found)


def test_the_check_finds_a_circle_and_reads_every_kind_of_import(tmp_path):
    (tmp_path / "a.py").write_text("from .b import x\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def f():\n    from . import c\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("import plan_progress.core.a\n", encoding="utf-8")
    (tmp_path / "d.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import x\n",
                                   encoding="utf-8")
    modules = {"a", "b", "c", "d"}
    graph = {name: imports_of(tmp_path / f"{name}.py", modules) for name in sorted(modules)}
    assert graph == {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert cycles(graph) == [["a", "b", "c", "a"]]

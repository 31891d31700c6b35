"""`_` is gettext wherever a module translates: a function that also assigns `_` (a throwaway
variable) would make its `_("…")` calls fail at run time with UnboundLocalError."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "rightslens"


def _shadowing_functions(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        names = list(ast.walk(node))
        assigns = any(
            isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
            for n in _outside_comprehensions(node)
        )
        calls = any(
            isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
            for n in names
        )
        if assigns and calls:
            found.append(node.name)
    return found


def _outside_comprehensions(node: ast.AST) -> list[ast.AST]:
    """The nodes of a function, leaving out comprehensions: their loop variables are their own."""
    found: list[ast.AST] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            continue
        found.append(child)
        found.extend(_outside_comprehensions(child))
    return found


def test_no_function_both_translates_with_underscore_and_assigns_it():
    problems = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted(ROOT.rglob("*.py"))
        if "migrations" not in path.parts
        for name in _shadowing_functions(path.read_text("utf-8"))
    ]
    assert problems == []


def test_the_check_finds_a_function_that_shadows_gettext():
    source = 'def view():\n    _, page = load()\n    return _("Saved.")\n'
    assert _shadowing_functions(source) == ["view"]
    assert _shadowing_functions('def view():\n    return _("Saved.")\n') == []
    comprehension = 'def view():\n    ids = [i for i, _ in pairs]\n    return _("Saved.")\n'
    assert _shadowing_functions(comprehension) == []

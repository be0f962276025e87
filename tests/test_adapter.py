"""plugin.py is an adapter (issue 26): MkDocs' events in, calls into core/ out. It stays short, and it
never tests a page kind's name: what a kind is lives in the registry (core/pages.py)."""

from __future__ import annotations

import ast
from pathlib import Path

from plan_progress.core.pages import KINDS

PLUGIN = Path(__file__).resolve().parents[1] / "plugins" / "plan_progress" / "plugin.py"


def test_the_adapter_stays_well_under_250_lines():
    lines = PLUGIN.read_text(encoding="utf-8").splitlines()
    assert len(lines) < 230, f"plugin.py has {len(lines)} lines: move what is not an event into core/ or reading.py"


def test_the_adapter_names_no_kind_of_page():
    tree = ast.parse(PLUGIN.read_text(encoding="utf-8"))
    strings = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    named = sorted(strings & set(KINDS))
    assert not named, f"plugin.py tests the kinds {named} by name: give the kind's description in core/pages.py the rule"

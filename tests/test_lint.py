"""ruff and mypy, as MkDocs itself uses them, on the plugin (settings in pyproject.toml).

What is excluded, and why, is written beside each setting there: a few rules ruff would enforce
on style alone. mypy checks the whole plugin package with no per-module exceptions.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing_in_the_plugin():
    result = run(str(BIN / "ruff"), "check", "--no-cache", "plugins/")
    assert result.returncode == 0, f"ruff check plugins/ (from the repository root):\n{result.stdout}{result.stderr}"


def test_mypy_finds_nothing_in_the_plugin():
    result = run(str(BIN / "mypy"), "--cache-dir", str(ROOT / ".venv" / ".mypy_cache"))
    assert result.returncode == 0, f"mypy (files and settings in pyproject.toml):\n{result.stdout}{result.stderr}"
    assert "no issues found in" in result.stdout


def test_the_command_line_tools_are_installed_as_commands():
    from importlib.metadata import entry_points

    names = ("plan-validate", "plan-set-status", "plan-new-action", "plan-preview", "plan-schema")
    scripts = {e.name: e for e in entry_points(group="console_scripts") if e.name.startswith("plan-")}
    assert set(names) <= set(scripts)
    for name in names:
        assert callable(scripts[name].load()), name
        assert (BIN / name).is_file(), f"{name} is not installed in {BIN}"
    result = run(str(BIN / "plan-validate"), "--help")
    assert result.returncode == 0 and "usage:" in result.stdout, result.stdout + result.stderr

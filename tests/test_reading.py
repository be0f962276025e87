"""Reading the plan is one module (plugins/plan_progress/reading.py), used by the build and the tools."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT, make_project

CLI = ROOT / "plugins" / "plan_progress" / "cli"


def test_no_command_line_tool_imports_the_plugin():
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = ("." * node.level) + (node.module or "")
                assert module not in {"..plugin", "plan_progress.plugin"}, f"{path.name} imports {module}"
                assert not (node.module is None and node.level == 2 and any(a.name == "plugin" for a in node.names))


def test_the_tools_read_the_plan_without_running_the_plugins_events(tmp_path):
    """open_project checks the settings as the build does, but leaves MkDocs' configuration as
    loaded: no plugin event (on_config adds the plugin's templates and stylesheets) is run by hand."""
    from plan_progress.cli.common import open_project
    from plan_progress.core.scale import DEFAULT_SCALE

    project = open_project(make_project(tmp_path) / "mkdocs.yml")
    assert not any(Path(d).parts[-2:] == ("plan_progress", "templates") for d in project.config.theme.dirs)
    assert list(project.config.extra_css) == []
    files, plan, problems = project.read()
    assert not problems.errors
    assert project.settings.scale == DEFAULT_SCALE and str(project.settings.as_at) == "2022-06-15"
    assert [a.id for a in plan.actions][:3] == ["1.1", "1.2", "1.3"]

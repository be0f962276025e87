"""Shared helpers: build a fixture site in a temporary folder and read what it made."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class Build:
    project: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.project / "site"

    def html(self, path: str) -> BeautifulSoup:
        target = self.site / path
        if target.is_dir() or path.endswith("/") or path == "":
            target = target / "index.html"
        return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")

    def problems(self) -> list[str]:
        """The problem lines the build printed (errors and warnings), without log prefixes."""
        lines = []
        for line in self.output.splitlines():
            text = line.strip()
            for prefix in ("ERROR    -  ", "WARNING  -  ", "WARNING -  ", "plan_progress: "):
                if text.startswith(prefix):
                    text = text[len(prefix):]
            if text.startswith("content/") or text.startswith("plan-progress"):
                lines.append(text)
        return lines


def run_build(project: Path, *extra: str) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(MKDOCS + ["build", "--strict", "--clean", *extra], cwd=project, env=env,
                            capture_output=True, text=True, timeout=300)
    return Build(project, result.returncode, result.stdout + result.stderr)


def make_project(tmp_path: Path, fixture: str = "basic", files: dict[str, str | bytes | None] | None = None,
                 config_edit=None) -> Path:
    """Copy a fixture project to tmp_path, then write (or, with None, delete) the given files."""
    project = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture, project)
    for rel, content in (files or {}).items():
        target = project / rel
        if content is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("@ROOT@", ROOT.as_posix())
    config.write_text(config_edit(text) if config_edit else text, encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def basic_build(tmp_path_factory) -> Build:
    """The basic fixture (every status, overdue and on-time actions), built once for many tests."""
    project = make_project(tmp_path_factory.mktemp("basic"))
    build = run_build(project)
    assert build.returncode == 0, f"the basic fixture must build; reproduce with: cd {project} && mkdocs build --strict\n{build.output}"
    return build


SOURCES = ROOT / "sources"  # the source documents, kept in the repository (sources/README.md)
SEED = SOURCES / "written-statement-of-action-2021-12.txt"


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> Build:
    """The real site in content/, built strictly into a temporary folder (content/ is only read)."""
    out = tmp_path_factory.mktemp("real") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(MKDOCS + ["build", "--strict", "--clean", "-d", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    build = Build(out.parent, result.returncode, result.stdout + result.stderr)
    assert build.returncode == 0, f"the real site must build strictly (./scripts/build):\n{build.output}"
    return build

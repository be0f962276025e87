"""Shared helpers: build a fixture site in a temporary folder and read what it made."""

from __future__ import annotations

import io
import logging
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
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # as run_build sets for the command: builds in process too


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


def build_in_process(project: Path) -> Build:
    """What `mkdocs build --strict --clean` in `project` prints and returns, without a new Python.

    It runs the same steps as MkDocs' command (load the config strictly, on_startup, build,
    on_shutdown), with the log lines in the command's own format ("LEVEL   -  message"), and turns
    MkDocs' errors into exit status 1 and their message, as the command does. Anything else (a bug,
    where the command would print a traceback) is raised. A few tests per kind of failure still
    run the real command with run_build.
    """
    from mkdocs import config as mkdocs_config
    from mkdocs import utils
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import Abort, MkDocsException

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(_CommandFormat())
    logger = logging.getLogger("mkdocs")
    saved = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    duplicates = utils.DuplicateFilter()  # as the command adds to the build's logger
    mkdocs_build.log.addFilter(duplicates)
    here = Path.cwd()
    returncode = 0
    try:
        os.chdir(project)
        config = mkdocs_config.load_config(config_file=str(project / "mkdocs.yml"), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build.build(config, dirty=False)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:  # what the command prints for Abort and for the other errors
        returncode = 1
        stream.write(f"\n{error.format_message()}\n" if isinstance(error, Abort) else f"Error: {error.format_message()}\n")
    finally:
        os.chdir(here)
        mkdocs_build.log.removeFilter(duplicates)
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    return Build(project, returncode, stream.getvalue())


class _CommandFormat(logging.Formatter):
    """mkdocs' ColorFormatter, as it prints when the output is not a terminal (no colour, no wrapping)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {super().format(record)}"


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

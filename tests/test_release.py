"""Releases: the version the plugin reports, CHANGELOG.md, the content's schema_version, ./scripts/migrate
from the 0.1 form (tests/fixtures/old-form), the dependency ranges and the package's own guide."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, build_in_process, make_project
from packaging.requirements import Requirement
from packaging.version import Version

import plan_progress
from plan_progress.cli import launch_check, migrate
from plan_progress.config import PlanProgressConfig, StatusConfig
from plan_progress.core.upgrade import SCHEMA_VERSION

CHANGELOG = ROOT / "CHANGELOG.md"
PACKAGE = ROOT / "plugins" / "PACKAGE.md"
METADATA = importlib.metadata.metadata("mkdocs-plan-progress")  # the installed package's


def old_form_site(tmp_path: Path) -> Path:
    """tests/fixtures/basic with the 0.1-form pages and settings of tests/fixtures/old-form laid over it."""
    project = make_project(tmp_path)
    for path in (FIXTURES / "old-form").rglob("*"):
        if path.is_file() and path.name != "README.txt":
            target = project / path.relative_to(FIXTURES / "old-form")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return project


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted(project.rglob("*"))
            if p.is_file() and "site" not in p.relative_to(project).parts}


# -- the version ----------------------------------------------------------------------------------------


def test_the_package_metadata_and_the_build_report_the_plugins_version(basic_build):
    assert Version(plan_progress.__version__)  # a version pip understands
    assert importlib.metadata.version("mkdocs-plan-progress") == plan_progress.__version__
    line = f"plan_progress: mkdocs-plan-progress {plan_progress.__version__}, content schema_version {SCHEMA_VERSION}"
    assert f"INFO    -  {line}\n" in basic_build.output


def test_changelog_is_in_keep_a_changelog_form_with_a_section_for_this_version():
    text = CHANGELOG.read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.MULTILINE)
    assert headings[0] == ("Unreleased", ""), "the newest section is Unreleased"
    released = [(Version(number), date) for number, date in headings[1:]]
    assert released, "at least one release"
    assert all(date for _, date in released), "every release is dated YYYY-MM-DD"
    assert released == sorted(released, reverse=True), "newest first, versions and dates alike"
    assert ("0.1.0" in [str(v) for v, _ in released])
    version = Version(plan_progress.__version__)
    if version.is_devrelease:  # the next release being prepared: its changes are under Unreleased
        assert version.base_version not in [str(v) for v, _ in released]
        assert version > released[0][0]
    else:
        assert str(version) == str(released[0][0])
    for number, _ in headings:  # every heading links to its code, as Keep a Changelog does
        assert re.search(rf"^\[{re.escape(number)}\]: \S+", text, re.MULTILINE), number
    # Each breaking change says what to do.
    for entry in re.findall(r"^- \*\*Breaking[^\n]*(?:\n  [^\n]*)*", text, re.MULTILINE):
        assert "What to do:" in " ".join(entry.split()), entry


# -- schema_version and the 0.1 form --------------------------------------------------------------------


def test_content_in_the_0_1_form_fails_to_build_naming_schema_version_and_migrate(tmp_path):
    project = old_form_site(tmp_path)
    build = build_in_process(project)
    assert build.returncode == 1
    assert ("mkdocs.yml: schema_version: the content is written in an older form (schema_version 1, plan-progress "
            f"0.1.x) than this plugin ({plan_progress.__version__}) reads (schema_version 2): "
            "content/areas/1-finding/1-1-red.md, content/areas/1-finding/index.md, content/index.md and 2 more. To "
            "convert it, run ./scripts/migrate to see every change it would make (it writes nothing), then "
            "./scripts/migrate --write to make them; CHANGELOG.md says what changed and what to do") in build.output
    # ... beside the old fields' own messages, which say what each is now.
    assert "content/index.md:4: easy_read: is a block of text" in build.output
    assert "content/you-said/health.md:9: items[1].answered_by[1]: '2.3' is an action number on its own" in \
        build.output


@pytest.mark.parametrize("stated, expected", [
    (1, "plan-progress: schema_version: 1 in mkdocs.yml: the content is written for plan-progress 0.1.x; this "
        f"plugin ({plan_progress.__version__}) reads schema_version 2. To convert it, run ./scripts/migrate to see "
        "every change it would make (it writes nothing), then ./scripts/migrate --write to make them; CHANGELOG.md "
        "says what changed and what to do"),
    (3, f"plan-progress: schema_version: 3 in mkdocs.yml is newer than this plugin ({plan_progress.__version__}) "
        "reads (schema_version 2); upgrade the plugin: pip install --upgrade mkdocs-plan-progress (CHANGELOG.md "
        "says which release reads it)"),
])
def test_a_stated_schema_version_that_is_not_this_plugins_stops_the_build_first(tmp_path, stated, expected):
    project = make_project(tmp_path, config_edit=lambda text: text.replace(
        "      as_at:", f"      schema_version: {stated}\n      as_at:"))
    build = build_in_process(project)
    assert build.returncode == 1
    assert expected in build.output
    assert "nothing was built" not in build.output  # no page was read


def test_the_current_schema_version_stated_builds(tmp_path):
    project = make_project(tmp_path, config_edit=lambda text: text.replace(
        "      as_at:", f"      schema_version: {SCHEMA_VERSION}\n      as_at:"))
    assert build_in_process(project).returncode == 0


def test_migrate_without_write_shows_a_diff_and_changes_nothing(tmp_path, capsys):
    project = old_form_site(tmp_path)
    before = snapshot(project)
    assert migrate.main(["-f", str(project / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert snapshot(project) == before
    assert "--- a/content/you-said/support.md\n+++ b/content/you-said/support.md\n" in out
    assert '-    answered_by: ["1.1", "2.1"]  # checked at the board\n' in out
    assert '+      - action: "1.1"\n+        how: \'[How this action answers what was said: to be confirmed]\'\n' in out
    assert "+      schema_version: 2\n" in out
    assert out.rstrip().endswith("6 files would change (nothing was written). Run ./scripts/migrate --write to make "
                                 "these changes.")


def test_migrate_write_converts_the_0_1_form_keeping_comments_and_the_site_builds(tmp_path, capsys):
    project = old_form_site(tmp_path)
    before = snapshot(project)
    assert migrate.main(["-f", str(project / "mkdocs.yml"), "--write"]) == 0
    after = snapshot(project)
    changed = sorted(path for path in after if after[path] != before[path])
    assert changed == ["content/areas/1-finding/1-1-red.md", "content/areas/1-finding/index.md", "content/index.md",
                       "content/you-said/health.md", "content/you-said/support.md", "mkdocs.yml"]
    for path in changed:  # every comment stays, word for word
        old_comments = [line.split("#", 1)[1] for line in before[path].decode().splitlines() if "#" in line]
        new_text = after[path].decode()
        assert all(comment in new_text for comment in old_comments), path
    action = after["content/areas/1-finding/1-1-red.md"].decode()
    assert ("easy_read_title: '[easy read title to be confirmed]'\n"
            "easy_read:  # one idea a line\n"
            "  - picture: openmoji/2754\n"
            "    alt: '[A question mark: picture to be confirmed]'\n"
            "    text: |\n"
            "      We will write a new EHC guide.\n"
            "      It helps schools spot needs.\n"
            "      We want it done on time.\n"
            "  - picture: openmoji/2754\n"
            "    alt: '[A question mark: picture to be confirmed]'\n"
            "    text: |\n"
            "      Families will help us write it.\n"
            "# easy_read_picture: material/book-open-variant  (no longer used: each idea has its own picture)\n"
            "---\nSome extra words from the editor.\n") in action
    assert "schema_version: 2\n" in after["mkdocs.yml"].decode()

    build = build_in_process(project)
    assert build.returncode == 0, build.output
    page = build.html("easy-read/area-1/1-1/")
    assert "Families will help us write it." in page.get_text()
    assert migrate.main(["-f", str(project / "mkdocs.yml")]) == 0  # a second run finds nothing left to do
    assert "Nothing to change" in capsys.readouterr().out

    # Every placeholder is for a person: launch-check lists each one, with its file and line.
    findings = [str(f) for f in launch_check.check(project / "mkdocs.yml", today=dt.date(2022, 7, 1))]
    placeholders = [(path, number) for path in changed if path.endswith(".md")
                    for number, line in enumerate(after[path].decode().splitlines(), 1) if "to be confirmed]" in line]
    assert len(placeholders) == 11
    for path, number in placeholders:
        assert any(f.startswith(f"{path}:{number}: the page still says \"[") for f in findings), (path, number)


@pytest.mark.parametrize("config", ["mkdocs.yml", "examples/priority-action-plan/mkdocs.yml"])
def test_migrate_leaves_content_in_the_current_form_alone(config, capsys):
    """The real site and the example plan (glossary easy_read text included) are already schema_version 2."""
    assert migrate.main(["-f", str(ROOT / config)]) == 0
    assert capsys.readouterr().out == ("Nothing to change: the content is in the form this plugin reads "
                                       "(schema_version 2).\n")


# -- dependencies --------------------------------------------------------------------------------------


def test_each_dependency_range_starts_at_the_version_the_tests_run_on():
    """The pinned environment (requirements.txt, what these tests run on) is the low end of every range;
    the workflow's scheduled job (scripts/check-newest) builds and tests with the newest the ranges allow."""
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==([^\s#;]+)", (ROOT / "requirements.txt").read_text(), re.MULTILINE))
    pins = {name.lower().replace("_", "-"): version for name, version in pins.items()}
    requirements = [Requirement(r) for r in METADATA.get_all("Requires-Dist")]
    assert requirements
    for requirement in requirements:
        name = requirement.name.lower().replace("_", "-")
        lower = [s.version for s in requirement.specifier if s.operator == ">="]
        assert lower == [pins[name]], f"{requirement}: the range should start at {pins[name]}, the tested pin"
        assert importlib.metadata.version(requirement.name) in requirement.specifier
        assert any(s.operator == "<" for s in requirement.specifier), f"{requirement}: give an upper bound"


def test_the_scheduled_job_checks_the_newest_versions_the_ranges_allow():
    workflow = (ROOT / ".github" / "workflows" / "checks.yml").read_text(encoding="utf-8")
    assert re.search(r"^  schedule:\n    - cron: ", workflow, re.MULTILINE)
    job = workflow.split("\n  newest:\n", 1)[1].split("\n  publish:", 1)[0]
    assert "if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'" in job
    assert "run: ./scripts/check-newest" in job
    script = (ROOT / "scripts" / "check-newest").read_text(encoding="utf-8")
    assert "mkdocs\" build --strict" in script and "examples/priority-action-plan/mkdocs.yml" in script


# -- the package's own guide ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sdist(tmp_path_factory) -> Path:
    """The package's source distribution, built by setuptools from a copy of the files it is made from
    (the wheel is made from it; scripts/check-newest checks an install from it has the guides too)."""
    import subprocess
    import sys

    work = tmp_path_factory.mktemp("sdist")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "EDITING.md", "TEMPLATES.md", "CHANGELOG.md"):
        shutil.copyfile(ROOT / name, source / name)
    shutil.copytree(ROOT / "plugins", source / "plugins", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    subprocess.run([sys.executable, "-c", f"from setuptools import build_meta; build_meta.build_sdist({str(work)!r})"],
                   cwd=source, check=True, timeout=300, capture_output=True)
    (built,) = work.glob("*.tar.gz")
    return built


def test_the_package_carries_the_reusers_guide_and_the_editing_and_template_guides(sdist):
    import tarfile

    with tarfile.open(sdist) as archive:
        top = f"mkdocs-plan-progress-{plan_progress.__version__}/"
        files = {member.name.removeprefix(top): member for member in archive.getmembers() if member.isfile()}
        metadata = archive.extractfile(files["PKG-INFO"]).read().decode()
        docs = {name: archive.extractfile(files[name]).read() for name in
                ("EDITING.md", "TEMPLATES.md", "CHANGELOG.md", "plugins/PACKAGE.md")}
    assert "Description-Content-Type: text/markdown" in metadata
    assert metadata.split("\n\n", 1)[1].strip() == PACKAGE.read_text(encoding="utf-8").strip()  # the long description
    for name, content in docs.items():
        assert content == (ROOT / name).read_bytes()
    guide = PACKAGE.read_text(encoding="utf-8")
    for name in ("EDITING.md", "TEMPLATES.md", "CHANGELOG.md"):
        assert f"`{name}`" in guide  # the guide names each and says where it is installed
    assert "share/doc/mkdocs-plan-progress/" in guide
    assert '"share/doc/mkdocs-plan-progress" = ["EDITING.md", "TEMPLATES.md", "CHANGELOG.md", "plugins/PACKAGE.md"]' in \
        (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _defaults(config_class, prefix=""):
    for name, option in config_class._schema:
        sub = getattr(option, "config_class", None)
        if sub is not None and name != "statuses":
            yield from _defaults(sub, f"{prefix}{name}.")
            continue
        yield prefix + name, option.default


@pytest.mark.parametrize("config_class", [PlanProgressConfig, StatusConfig])
def test_the_package_guide_names_every_setting_with_its_default(config_class):
    guide = PACKAGE.read_text(encoding="utf-8").split("## Settings\n", 1)[1].split("### The word list", 1)[0]
    plugin_table, status_table = guide.split("### Your own status scale", 1)
    text = plugin_table if config_class is PlanProgressConfig else status_table
    rows = dict(re.findall(r"^\| `([a-z_.]+)` \| ([^|]*) \|", text, re.MULTILINE))
    for name, default in _defaults(config_class):
        assert name in rows, f"PACKAGE.md's settings table has no row for {name}"
        shown = rows[name].strip()
        if default in (None, [], {}, ""):
            assert shown in ("(not set)", "(none)", "`[]`", "`{}`", '`""`', "(required)"), (name, shown)
        else:
            written = str(default).lower() if isinstance(default, bool) else str(default)
            assert shown == f"`{written}`", f"{name}: PACKAGE.md says {shown}, config.py's default is {written}"

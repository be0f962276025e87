"""Which site the accessibility gate checks, and which of its pages.

- It never checks a site built from content that failed to build (issue 12, item 7).
- A pull request's check covers the pages whose HTML differs from the base build, plus one page of
  each kind; every page when anything but content pages changed (issue 17, item 3).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, build_in_process, make_project, run_tool

_spec = importlib.util.spec_from_file_location("a11y_gate_scope", ROOT / "scripts" / "lib" / "a11y.py")
gate = importlib.util.module_from_spec(_spec)
sys.modules["a11y_gate_scope"] = gate
_spec.loader.exec_module(gate)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
A13 = "content/areas/1-finding/1-3-unrated.md"


def set_status(project: Path, action: str, status: str) -> None:
    result = run_tool("set-status", action, status, "--note", "Going well.", "--source", "Board minutes",
                      "--date", "2022-06-01", "-f", str(project / "mkdocs.yml"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr


# -- a failed build is never checked ------------------------------------------------------------------


def test_a_site_left_by_a_failed_strict_build_is_rebuilt_and_then_refused(tmp_path):
    project = make_project(tmp_path)
    site = gate.default_site(project)  # first run: builds, records what it was built from
    assert site == project / "site" and (site / "sitemap.xml").is_file()
    assert not gate.site_is_stale(site, project)

    # A strict build that fails on a warning still writes site/ from the failing content, and its
    # sitemap is newer than every source: the old gate took that for an up-to-date site.
    page = project / A13
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the plan](no-such-page.md).\n", encoding="utf-8")
    failed = build_in_process(project)  # mkdocs build --strict, into site/
    assert failed.returncode != 0 and (project / "site" / "sitemap.xml").is_file(), failed.output
    assert (project / "site" / "sitemap.xml").stat().st_mtime >= page.stat().st_mtime

    assert gate.site_is_stale(project / "site", project)
    with pytest.raises(gate.GateError, match="did not build .* so nothing was checked"):
        gate.default_site(project)
    assert gate.site_is_stale(project / "site", project)  # and it stays refused


def test_a_good_build_replaces_the_site_only_when_it_succeeds(tmp_path):
    project = make_project(tmp_path)
    gate.default_site(project)
    marker = project / "site" / "left-from-before.txt"
    marker.write_text("old", encoding="utf-8")
    # Broken content: the old site stays as it was (nothing half-built replaces it).
    page = project / A13
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("status: not-rated", "status: greem"), encoding="utf-8")
    with pytest.raises(gate.GateError):
        gate.default_site(project)
    assert marker.is_file()
    # Fixed (with new words): a fresh site replaces it, and is then taken as up to date.
    page.write_text(good + "\nNew words.\n", encoding="utf-8")
    gate.default_site(project)
    assert not marker.exists() and not gate.site_is_stale(project / "site", project)
    assert list((project / ".a11y").iterdir()) == [gate.built_from_record(project)], "the staging folder is removed"


# -- a pull request's check: what changed, plus a sample ---------------------------------------------------


@pytest.fixture(scope="module")
def one_status_change(tmp_path_factory):
    """The basic fixture built before and after one status change."""
    tmp = tmp_path_factory.mktemp("scope")
    base_project = make_project(tmp / "base")
    head_project = make_project(tmp / "head")
    set_status(head_project, "1.3", "green")
    for project in (base_project, head_project):
        result = build_in_process(project)  # mkdocs build --strict, into site/
        assert result.returncode == 0, result.output
    return base_project / "site", head_project / "site"


def test_a_one_status_change_checks_the_changed_pages_their_lists_and_one_page_of_each_kind(one_status_change):
    base, head = one_status_change
    pages = gate.read_pages(head)
    selection = gate.select_pages(pages, head, base, [A13])
    chosen = set(selection.paths)
    # The action itself, its area, and the generated pages that list or count it.
    for path in ("areas/1-finding/1-3-unrated/", "areas/1-finding/", "", "actions/", "actions/green/",
                 "actions/not-rated/", "actions/area-1/", "status-key/", "whats-changed/", "easy-read/area-1/"):
        assert path in chosen, (path, selection)
    # Pages the change does not touch are left out, except one of each kind.
    assert "areas/2-plans/2-3-amber/" not in chosen and "areas/2-plans/2-1-green/" not in chosen
    assert "areas/1-finding/1-1-red/" in chosen  # the first action page: the sample of its kind
    assert "404.html" in chosen
    assert len(chosen) < len(pages.paths), selection
    assert "whose HTML differs from the base build" in selection.reason


def test_the_same_change_with_a_template_or_settings_change_checks_every_page(one_status_change):
    base, head = one_status_change
    pages = gate.read_pages(head)
    for changed in (["overrides/main.html"], ["mkdocs.yml", A13], ["plugins/plan_progress/plugin.py"],
                    ["content/assets/stylesheets/theme-fixes.css"]):
        selection = gate.select_pages(pages, head, base, changed)
        assert selection.paths == pages.paths, changed
        assert selection.reason.startswith("every page: more than content pages changed"), selection.reason


def test_a_stylesheet_that_differs_between_the_builds_checks_every_page(one_status_change, tmp_path):
    base, head = one_status_change
    copy = tmp_path / "head"
    shutil.copytree(head, copy)
    css = next(copy.rglob("*.css"))
    css.write_text(css.read_text(encoding="utf-8") + "\na { color: #777; }\n", encoding="utf-8")
    pages = gate.read_pages(copy)
    selection = gate.select_pages(pages, copy, base, None)  # --base-site: no list of changed files
    assert selection.paths == pages.paths
    assert css.relative_to(copy).as_posix() in selection.reason


def test_the_sample_is_fixed_and_has_one_page_of_each_kind():
    paths = ["", "about/", "about/b/", "about/a/", "areas/2-x/", "areas/1-y/", "areas/1-y/1-2-z/",
             "areas/1-y/1-1-z/", "404.html"]
    assert gate.sample_of_each_kind(paths) == ["", "404.html", "about/a/", "areas/1-y/", "areas/1-y/1-1-z/"]
    assert gate.sample_of_each_kind(list(reversed(paths))) == gate.sample_of_each_kind(paths)


@pytest.mark.browser
def test_the_gate_checks_only_the_selected_pages_with_base_site(one_status_change, tmp_path):
    base, head = one_status_change
    total = len(gate.read_pages(head).paths)
    result = subprocess.run([str(ROOT / "scripts" / "a11y"), "--site", str(head), "--base-site", str(base),
                             "--report", str(tmp_path / "report.json")], cwd=ROOT, capture_output=True, text=True,
                            timeout=900, env=ENV)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-5000:]
    chosen = gate.select_pages(gate.read_pages(head), head, base, None).paths
    assert "Pull request check: " in output and f"({len(chosen)} of {total} pages)" in output, output[-3000:]
    assert f"Accessibility check passed: {len(chosen)} pages, 0 issues" in output
    assert len(chosen) < total


def test_changed_since_lists_committed_changes_and_new_files(tmp_path):
    env = {**ENV, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.test", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.test"}
    project = make_project(tmp_path)
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-q", "-m", "base"]):
        subprocess.run(command, cwd=project, check=True, env=env, capture_output=True)
    set_status(project, "1.3", "green")
    (project / "content" / "new page.md").write_text("# New\n", encoding="utf-8")
    changed = gate.changed_since("HEAD", repo=project)
    assert changed == [A13, "content/new page.md"]
    assert gate.content_only(changed, "content") == []
    assert gate.content_only(changed + ["mkdocs.yml"], "content") == ["mkdocs.yml"]

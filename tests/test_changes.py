"""./scripts/changes: what a change does to the site, in plain words, compared with a commit.

Every test runs the command in a temporary git repository (never in this repository's own working
folder): as its main(argv) in this process (conftest.run_tool), and in the first test also as the real
./scripts/changes, in a new process, the way people run it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, make_project, run_script, run_tool

ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.test",
       "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.test"}


def sh(*command: str, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=180, env=ENV)
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


def git_repo(folder: Path) -> None:
    sh("git", "init", "-q", "-b", "main", cwd=folder)
    sh("git", "add", ".", cwd=folder)
    sh("git", "commit", "-q", "-m", "base", cwd=folder)


def commit(folder: Path, message: str = "change") -> None:
    sh("git", "add", "-A", cwd=folder)
    result = sh("git", "commit", "-q", "-m", message, cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr


def changes(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """./scripts/changes as its main() in this process (an exception, a traceback for the command, fails)."""
    return run_tool("changes", *args, cwd=folder)


def test_after_set_status_and_a_commit_changes_says_what_the_rating_became_with_its_source(tmp_path):
    """The issue's "done when": the real content, one status change made with set-status."""
    repo = tmp_path / "clone"
    repo.mkdir()
    shutil.copytree(ROOT / "content", repo / "content")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", repo / "overrides")
    git_repo(repo)
    result = run_tool("set-status", "2.10", "green", "--note", "New IT system chosen.",
                      "--source", "SEND Partnership Board minutes", "--date", "2022-06-01", cwd=repo)
    assert result.returncode == 0, result.stderr
    commit(repo, "2.10 is on track")
    before = sh("git", "status", "--porcelain", cwd=repo).stdout

    result = run_script("changes", "--base", "HEAD~1", cwd=repo, env=ENV)  # the real command, once
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    status_lines = [line for line in result.stdout.splitlines() if line.startswith("- **2.10 ")]
    assert len(status_lines) == 1, result.stdout
    line = status_lines[0]
    assert "Not yet rated → On track" in line, line
    assert "1 June 2022" in line and "New IT system chosen." in line, line
    assert "Source: SEND Partnership Board minutes" in line, line
    assert "| Not yet rated (changed) | 68 | 67 |" in result.stdout, result.stdout
    assert "| On track (changed) | 0 | 1 |" in result.stdout, result.stdout

    report = json.loads(changes(repo, "--base", "HEAD~1", "--format", "json").stdout)
    [change] = report["status_changes"]
    assert (change["id"], change["from"]["key"], change["to"]["key"]) == ("2.10", "not-rated", "green")
    assert change["entry"]["source"] == "SEND Partnership Board minutes"
    assert report["pages_added"] == [] and report["pages_removed"] == []
    # The working folder is left exactly as it was.
    assert sh("git", "status", "--porcelain", cwd=repo).stdout == before


A13 = "content/areas/1-finding/1-3-unrated.md"
HEALTH = "content/you-said/health.md"


def test_changes_lists_added_and_removed_actions_said_items_due_dates_and_pages(tmp_path):
    project = make_project(tmp_path)
    git_repo(project)
    (project / "content/areas/2-plans/2-2-pink.md").unlink()
    new_action = (project / A13).read_text(encoding="utf-8").replace('id: "1.3"', 'id: "1.4"').replace(
        "An unrated action past its date", "A brand new action")
    (project / "content/areas/1-finding/1-4-new.md").write_text(new_action, encoding="utf-8")
    page = project / A13
    page.write_text(page.read_text(encoding="utf-8").replace("due: 2022-05", "due: 2023-01"), encoding="utf-8")
    said = project / HEALTH
    said.write_text(said.read_text(encoding="utf-8").replace("Waiting lists are too long",
                                                             "Letters come too late"), encoding="utf-8")
    commit(project)

    report = json.loads(changes(project, "--base", "HEAD~1", "--format", "json").stdout)
    assert [a["id"] for a in report["actions_added"]] == ["1.4"]
    assert [a["id"] for a in report["actions_removed"]] == ["2.2"]
    assert [(c["id"], c["from"], c["to"]) for c in report["due_dates_changed"]] == [("1.3", "May 2022",
                                                                                     "January 2023")]
    assert [s["said"] for s in report["you_said_added"]] == ["Letters come too late"]
    assert [s["said"] for s in report["you_said_removed"]] == ["Waiting lists are too long"]
    # each action comes with its easy-read page
    assert [p["address"] for p in report["pages_added"]] == ["areas/1-finding/1-4-new/", "easy-read/area-1/1-4/"]
    assert [p["address"] for p in report["pages_removed"]] == ["areas/2-plans/2-2-pink/", "easy-read/area-2/2-2/"]
    assert report["total_before"] == report["total_after"] == 6

    text = changes(project, "--base", "HEAD~1").stdout
    assert "### Actions added (1)\n\n- **1.4 A brand new action** (content/areas/1-finding/1-4-new.md)" in text
    assert "- **1.3 An unrated action past its date**: May 2022 → January 2023" in text
    assert ("### Pages removed (2)\n\n- /areas/2-plans/2-2-pink/ (from areas/2-plans/2-2-pink.md)\n"
            "- /easy-read/area-2/2-2/ (made by the plugin (easy-read/area-2/2-2.md))") in text


def test_words_from_pages_cannot_become_links_or_html_in_the_summary(tmp_path):
    project = make_project(tmp_path)
    git_repo(project)
    run_tool("set-status", "1.3", "green", "--date", "2022-06-01",
             "--note", "See [this](https://evil.example) <img src=x onerror=alert(1)>", "--source", "Board *minutes*",
             cwd=project)
    commit(project)
    text = changes(project, "--base", "HEAD~1").stdout
    [line] = [line for line in text.splitlines() if line.startswith("- **1.3 ")]
    # the link is shown as code (as written, not live), the tag escaped
    assert "`[this](https://evil.example)` \\<img src=x onerror=alert(1)\\>" in line, line
    assert "Source: Board \\*minutes\\*" in line, line


def test_changes_explains_an_unknown_commit_and_a_folder_that_is_not_a_repository(tmp_path):
    project = make_project(tmp_path)
    result = changes(project, "--base", "HEAD~1")
    assert result.returncode == 2 and "changes: git rev-parse --show-toplevel failed" in result.stderr, result.stderr
    git_repo(project)
    result = changes(project, "--base", "no-such-branch")
    assert result.returncode == 2, result.stderr
    assert "'no-such-branch' is not a commit in this repository" in result.stderr, result.stderr


def test_changes_lists_the_problems_when_the_working_content_is_broken(tmp_path):
    project = make_project(tmp_path)
    git_repo(project)
    page = project / A13
    page.write_text(page.read_text(encoding="utf-8").replace("status: not-rated", "status: greem"), encoding="utf-8")
    result = changes(project, "--base", "HEAD")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the content in the working folder has problems" in result.stderr
    assert f"{A13}:6: status: 'greem' is not one of" in result.stderr, result.stderr


def test_docstring_examples():
    import doctest

    from plan_progress.cli import changes as module

    assert doctest.testmod(module).failed == 0


def test_the_pull_request_workflow_writes_the_summary_and_checks_what_changed():
    import yaml

    jobs = yaml.safe_load((ROOT / ".github/workflows/checks.yml").read_text(encoding="utf-8"))["jobs"]
    summary = jobs["summary"]
    assert summary["if"] == "github.event_name == 'pull_request'"
    # the pull request's content in pr/ (with its history), the base branch's tools in base/ (issue 23)
    checkouts = {step["with"]["path"]: step["with"] for step in summary["steps"]
                 if str(step.get("uses", "")).startswith("actions/checkout")}
    assert checkouts["pr"]["fetch-depth"] == 0 and "ref" not in checkouts["pr"]
    assert checkouts["base"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    [run] = [step["run"] for step in summary["steps"] if "run" in step]
    assert run.startswith('./base/scripts/changes --base "$BASE_SHA" --config-file pr/mkdocs.yml')
    assert "$GITHUB_STEP_SUMMARY" in run
    a11y = jobs["accessibility"]
    checkout = next(step for step in a11y["steps"] if str(step.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    script = "\n".join(step.get("run", "") for step in a11y["steps"])
    assert '--changed-since "origin/$BASE_REF"' in script
    assert "./scripts/a11y --site site --report .a11y/report.json" in script  # main: every page

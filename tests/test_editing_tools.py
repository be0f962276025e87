"""The commands communications officers run: scripts/validate, set-status, new-action and preview.

Every command runs on a copy of a fixture project in a temporary folder (never on the repository's
own content/, which is only ever read): as its module's main(argv) in this process (conftest.run_tool),
and, once per command, as the real scripts/ wrapper in a new process, the way people run it
(conftest.run_script): validate on the real content, set-status, new-action and the two previews.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, make_project, run_build, run_script, run_tool

SCRIPTS = ROOT / "scripts"
A13 = "content/areas/1-finding/1-3-unrated.md"
A11 = "content/areas/1-finding/1-1-red.md"
ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def run(command: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """scripts/<command> as its main() in this process (an exception, a traceback for the command, fails)."""
    return run_tool(command, *args, cwd=cwd)


def script(command: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real scripts/<command>, in a new process."""
    result = run_script(command, *args, cwd=cwd, timeout=120)
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


def config_of(project: Path) -> list[str]:
    return ["-f", str(project / "mkdocs.yml")]


# -- scripts/validate ------------------------------------------------------------------------------


def test_a_tool_in_process_prints_and_returns_what_its_script_does(tmp_path):
    """conftest.run_tool, which most of these tests use, gives exactly what the real scripts/ command
    gives (stdout, stderr, exit status): for problems in the content, a settings problem and a
    usage error from argparse."""
    broken = make_project(tmp_path / "content", files={
        A13: (ROOT / "tests/fixtures/basic" / A13).read_text().replace("not-rated", "greem")})
    settings = make_project(tmp_path / "settings",
                            config_edit=lambda text: text.replace("as_at: 2022-06-15", "as_at: 15/06/2022"))
    for project, command in ((broken, ["validate"]), (settings, ["validate", "--format", "github"]),
                             (broken, ["set-status", "1.3"])):
        tool, real = run_tool(*command, cwd=project), run_script(*command, cwd=project)
        assert (tool.returncode, tool.stdout, tool.stderr) == (real.returncode, real.stdout, real.stderr), command
        assert tool.returncode != 0 and tool.stdout + tool.stderr, command


def test_validate_passes_the_real_content():
    """(How long it takes is measured by the benchmark, bench/, not here: a timed test fails on a busy
    machine, as this one did with two test workers beside the browser checks.)"""
    result = script("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Checked ") and result.stdout.rstrip().endswith("no problems found."), result.stdout


def test_validate_prints_every_problem_as_the_build_does(tmp_path):
    project = make_project(tmp_path, files={
        A13: b"\xef\xbb\xbf" + (ROOT / "tests/fixtures/basic" / A13).read_bytes().replace(b"not-rated", b"greem"),
        A11: (ROOT / "tests/fixtures/basic" / A11).read_text().replace("due: 2022-02", "due: 2022-02-30"),
    })
    result = run("validate", cwd=project)  # finds mkdocs.yml in the current folder
    expected = [
        f"{A11}:14: due: '2022-02-30' is not a real day (February 2022 has 28 days); use a date written "
        "YYYY-MM-DD, YYYY-MM or YYYY (for example 2022-02-28 or 2022-02)",
        f"{A13}:6: status: 'greem' is not one of red, amber, green, blue, pink, not-rated (did you mean 'green'?)",
    ]
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:-1] == expected
    assert re.fullmatch(r"Checked \d+ pages: 2 problems \(2 errors, 0 warnings; warnings stop the build too\)\. "
                        r"Each line names the file, the line and the field; EDITING\.md explains every message\.",
                        lines[-1]), lines[-1]
    build = run_build(project)
    assert build.returncode == 1
    assert sorted(build.problems()) == sorted(expected)


def test_validate_for_github_prints_annotations_on_the_lines(tmp_path):
    project = make_project(tmp_path, files={
        A13: (ROOT / "tests/fixtures/basic" / A13).read_text().replace("not-rated", "greem")
        + "\n",
    })
    result = run("validate", "--format", "github", *config_of(project))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"::error file={A13},line=6,title=Problem in status::'greem' is not one of red, amber, green, blue, "
        "pink, not-rated (did you mean 'green'?)")


def test_validate_explains_a_settings_problem_without_a_traceback(tmp_path):
    project = make_project(tmp_path, config_edit=lambda text: text.replace("as_at: 2022-06-15", "as_at: 15/06/2022"))
    result = run("validate", cwd=project)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "Config value 'plugins': Plugin 'plan-progress' option 'as_at': '15/06/2022' is not a date; write it YYYY-MM-DD, for example 2022-09-30",
        "The content was not checked: fix the settings above first."]
    github = run("validate", "--format", "github", cwd=project)
    assert github.stdout.splitlines()[0] == (
        "::error file=mkdocs.yml,title=The check could not run::Config value 'plugins': Plugin 'plan-progress' "
        "option 'as_at': '15/06/2022' is not a date; write it YYYY-MM-DD, for example 2022-09-30")


# -- the published JSON Schema ---------------------------------------------------------------------


def test_the_published_schema_is_generated_from_the_plugin():
    """schema/front-matter.schema.json cannot drift from core/schema.py and the scale in mkdocs.yml."""
    from plan_progress.cli.common import open_project
    from plan_progress.cli.schema_export import schema_text

    committed = (ROOT / "schema" / "front-matter.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(open_project(ROOT / "mkdocs.yml")), (
        "the schema has changed: run ./scripts/validate --write-schema and commit schema/front-matter.schema.json")
    schema = json.loads(committed)
    action = next(v for v in schema["oneOf"] if v["properties"]["type"]["const"] == "action")
    assert action["properties"]["status"]["enum"] == ["red", "amber", "green", "blue", "pink", "not-rated"]
    for variant in schema["oneOf"]:
        for name, field in variant["properties"].items():
            assert field.get("description"), f"{variant['title']}: {name} has no plain-English description"


def test_validate_write_schema_regenerates_the_file(tmp_path):
    from plan_progress.cli.common import open_project
    from plan_progress.cli.schema_export import schema_text

    project = make_project(tmp_path, config_edit=lambda text: text.replace(
        "ratings_note: Ratings come from the test board.",
        "ratings_note: Ratings come from the test board.\n      statuses:\n"
        "        - {key: late, label: Late, meaning: Late., text_colour: '#2a0b06', background: '#f4cdc6', "
        "icon: material/alert}\n"
        "        - {key: unrated, label: Not rated, meaning: Not rated., text_colour: '#282d30', "
        "background: '#e5e6e7', icon: material/help-circle, rated: false}"))
    result = run("validate", "--write-schema", *config_of(project))
    assert "Wrote schema/front-matter.schema.json" in result.stderr
    written = (project / "schema" / "front-matter.schema.json").read_text(encoding="utf-8")
    assert written == schema_text(open_project(project / "mkdocs.yml"))
    action = next(v for v in json.loads(written)["oneOf"] if v["properties"]["type"]["const"] == "action")
    assert action["properties"]["status"]["enum"] == ["late", "unrated"]  # the configured scale, not a copy


def test_the_published_schema_accepts_the_real_content():
    import jsonschema
    from plan_progress.core.frontmatter import _Loader
    import yaml

    validator = jsonschema.Draft202012Validator(json.loads((ROOT / "schema/front-matter.schema.json").read_text()))
    failures = []
    for page in sorted((ROOT / "content").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        data = yaml.load(text[4:text.index("\n---", 3)], _Loader)
        if isinstance(data, dict) and "type" in data:
            failures += [f"{page.relative_to(ROOT)}: {e.message}" for e in validator.iter_errors(data)]
    assert not failures, "\n".join(failures[:10])


# -- scripts/set-status ------------------------------------------------------------------------------

UNUSUAL = """\
---
# Action 1.3 -- checked against the plan by the comms team
type: action   # do not change
id: '1.3'
title: "An unrated action: past its date"
leads: [Head of Testing, 'Deputy Head']
evidence:
- Evidence with the list dash at the left edge
- >-
  A folded note that
  runs over two lines
outcomes:
    - A plain value that
      continues on a second line
due: 2022-05        # the month the plan gives
status: "not-rated"  # nobody has rated this yet
waiting_on: ["1.2"]
easy_read_title: Doing this
easy_read:
- picture: openmoji/1F4C5
  alt: A calendar
  text: |
    We will do this.
---
Words under the fields stay as they are.
"""


def _diff(old: str, new: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_set_status_changes_only_the_status_and_history_lines(tmp_path):
    project = make_project(tmp_path, files={A13: UNUSUAL})
    result = script("set-status", "1.3", "amber", "--note", "Slipping: the launch moved to July",
                 "--source", "Board meeting, 10 June 2022", "--date", "2022-06-10", *config_of(project))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{A13}: action 1.3 is now 'amber' (was 'not-rated')")
    new = (project / A13).read_text(encoding="utf-8")
    removed, added = _diff(UNUSUAL, new)
    assert removed == ['status: "not-rated"  # nobody has rated this yet']
    assert added == [
        'status: "amber"  # nobody has rated this yet',
        "history:",
        "- date: 2022-06-10",  # lists in this file start at the left edge, so the new one does too
        "  status: amber",
        "  note: 'Slipping: the launch moved to July'",
        "  source: Board meeting, 10 June 2022",
    ]
    lines = new.splitlines()
    status_row = lines.index(added[0])
    assert lines[status_row:status_row + len(added)] == added  # the history comes straight after the status
    assert list(project.joinpath(A13).parent.glob(".*.tmp")) == []  # no temporary file left behind
    assert run_build(project).returncode == 0


def test_set_status_adds_to_an_existing_history_and_keeps_windows_line_endings(tmp_path):
    original = (ROOT / "tests/fixtures/basic" / A11).read_text(encoding="utf-8").replace(
        "    source: Board meeting, May 2022\n", "    source: Board meeting, May 2022  # minutes, item 4\n"
        "# Ratings above come from the board.\n").replace("\n", "\r\n")
    project = make_project(tmp_path, files={A11: original.encode()})
    result = run("set-status", "1.1", "blue", "--note", "Done and embedded.", "--source", "Board, June 2022",
                 "--date", "2022-06", "--url", "https://example.org/board/minutes?id=6", *config_of(project))
    assert result.returncode == 0, result.stderr
    new = (project / A11).read_bytes().decode()
    assert new.count("\r\n") == new.count("\n")
    removed, added = _diff(original.replace("\r\n", "\n"), new.replace("\r\n", "\n"))
    assert removed == ["status: red"]
    assert added == ["status: blue", "  - date: 2022-06", "    status: blue", "    note: Done and embedded.",
                     "    source: Board, June 2022", "    url: https://example.org/board/minutes?id=6"]
    lines = new.replace("\r\n", "\n").split("\n")
    assert lines[lines.index("  - date: 2022-06") - 1].endswith("# minutes, item 4")


def test_set_status_refuses_an_unknown_id_or_status_and_changes_nothing(tmp_path):
    project = make_project(tmp_path)
    before = (project / A13).read_bytes()
    result = run("set-status", "1.33", "green", "--note", "x", "--source", "y", *config_of(project))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        'set-status: there is no action "1.33". Did you mean 1.3? The actions are:',
        "  area 1: 1.1, 1.2, 1.3",
        "  area 2: 2.1, 2.2, 2.3"]
    result = run("set-status", "1.3", "Green", "--note", "x", "--source", "y", *config_of(project))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "set-status: 'Green' is not a status (did you mean 'green'?). Use one of these (the word on the left):",
        "  red: Significantly delayed", "  amber: Minor delays", "  green: On track", "  blue: Completed",
        "  pink: Waiting to start", "  not-rated: Not yet rated"]
    result = run("set-status", "1.1", "amber", "--note", "x", "--source", "y", "--date", "2022-02-01",
                 *config_of(project))
    assert result.returncode == 2
    assert result.stderr.strip() == ("set-status: --date 2022-02-01 is before the newest rating of action 1.1 "
                                     "(2022-05-01: 'red'); a new rating must be dated on or after it")
    result = run("set-status", "1.3", "amber", "--note", "x", *config_of(project))
    assert result.returncode == 2 and "--source" in result.stderr  # every rating needs a source
    assert (project / A13).read_bytes() == before


def test_set_status_will_not_touch_a_page_that_already_has_a_problem(tmp_path):
    text = (ROOT / "tests/fixtures/basic" / A13).read_text().replace("status: not-rated", "status: not-rated\nstatsu: x")
    project = make_project(tmp_path, files={A13: text})
    result = run("set-status", "1.3", "amber", "--note", "x", "--source", "y", *config_of(project))
    assert result.returncode == 1
    assert result.stderr.startswith(f"set-status: {A13} has problems to fix first; nothing was changed:\n"
                                    f"  {A13}:7: statsu: is not a field of an action")
    assert (project / A13).read_text() == text


def test_set_status_puts_the_page_back_if_the_result_does_not_pass(tmp_path, monkeypatch):
    """The safety net behind the edit: a result that fails the checks is never left in place."""
    from plan_progress.cli import common, set_status

    project_dir = make_project(tmp_path)
    before = (project_dir / A13).read_bytes()
    monkeypatch.setattr(set_status, "edit_text", lambda text, status, entry: text.replace("status: not-rated",
                                                                                          "status: amber"))
    project = common.open_project(project_dir / "mkdocs.yml")
    with pytest.raises(common.Stop) as stop:
        set_status.run(project, "1.3", "amber", "note", "source", "2022-06-01", None)
    assert stop.value.message.startswith(f"the change would make {A13} wrong, so it was put back as it was:")
    assert (project_dir / A13).read_bytes() == before
    assert list((project_dir / A13).parent.glob(".*.tmp")) == []


# -- scripts/new-action --------------------------------------------------------------------------------


def test_new_action_creates_the_next_page_with_every_field_explained_and_it_builds(tmp_path):
    from plan_progress.core.schema import ACTION

    project = make_project(tmp_path)
    result = script("new-action", "1", "Review the graduated response: with parents & carers", *config_of(project))
    assert result.returncode == 0, result.stderr
    created = "content/areas/1-finding/1-4-review-the-graduated-response-with-parents.md"
    assert result.stdout.splitlines()[0] == f"Created {created} (action 1.4, not yet rated)."
    text = (project / created).read_text(encoding="utf-8")
    lines = text.splitlines()
    for name, field in ACTION.fields.items():
        row = next(i for i, line in enumerate(lines) if line.split(":")[0] == name)
        above = " ".join(line.lstrip("# ") for line in lines[:row] if line.startswith("#"))
        assert field.description.split(".")[0] in above, f"{name} is not explained above its line"
    assert 'id: "1.4"' in lines and "status: not-rated" in lines
    assert "title: 'Review the graduated response: with parents & carers'" in lines
    second = run("new-action", "1", "Another one", *config_of(project))
    assert second.stdout.startswith("Created content/areas/1-finding/1-5-another-one.md (action 1.5")
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert build.html("areas/1-finding/1-4-review-the-graduated-response-with-parents/").find("h1")


def test_new_action_refuses_an_unknown_area(tmp_path):
    project = make_project(tmp_path)
    result = run("new-action", "7", "Title", *config_of(project))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        'new-action: there is no area "7". Give the area\'s number; the areas are:',
        "  1: Finding needs (content/areas/1-finding/)",
        "  2: Plans (content/areas/2-plans/)"]


# -- scripts/preview ------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_preview_serves_the_site_on_localhost_and_prints_the_address(tmp_path):
    project = make_project(tmp_path)
    port = _free_port()
    process = subprocess.Popen([str(SCRIPTS / "preview"), "--port", str(port), *config_of(project)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV,
                               start_new_session=True)
    try:
        first = process.stdout.readline()
        address = f"http://127.0.0.1:{port}/plan/"
        assert first.startswith(f"Preview: open {address} in your browser."), first
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(address, timeout=5) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                assert process.poll() is None, process.stdout.read()
                assert time.monotonic() < deadline, "the preview did not answer within 90 s"
                time.sleep(0.3)
        assert "Test plan progress" in page
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        process.stdout.close()


def _fetch(address: str) -> str:
    with urllib.request.urlopen(address, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait_for(address: str, words: str, process, seconds: float = 60) -> str:
    """The page at ``address`` once it contains ``words`` (the preview rebuilds after a save)."""
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = _fetch(address)
            if words in page:
                return page
        except OSError:
            assert process.poll() is None, process.stdout.read()
        time.sleep(0.3)
    raise AssertionError(f"{address} did not show {words!r} within {seconds} s; it showed:\n{page[:3000]}")


def test_preview_shows_the_problems_in_the_browser_and_the_page_once_fixed(tmp_path):
    good = (ROOT / "tests/fixtures/basic" / A13).read_text()
    project = make_project(tmp_path, files={A13: good.replace("not-rated", "greem")})
    port = _free_port()
    process = subprocess.Popen([str(SCRIPTS / "preview"), A13, "--port", str(port), *config_of(project)],
                               cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV,
                               start_new_session=True)
    try:
        first = process.stdout.readline()
        address = f"http://127.0.0.1:{port}/plan/areas/1-finding/1-3-unrated/"
        assert first.startswith(f"Preview: open {address} in your browser."), first
        # While the content has a problem, every page is the list of problems: file, line, field, what to do.
        page = _wait_for(address, "problem", process)
        soup = BeautifulSoup(page, "html.parser")
        assert soup.find("h1").get_text(" ", strip=True) == \
            "The preview cannot show the site yet: 1 problem to fix"
        [item] = soup.select("li.problem")
        text = " ".join(item.get_text().split())
        assert text == (f"Problem in {A13}, line 6, field status: "
                        "'greem' is not one of red, amber, green, blue, pink, not-rated (did you mean 'green'?)"), text
        assert "livereload" in page, "the problems page reloads by itself"
        assert "1 problem to fix" in _fetch(f"http://127.0.0.1:{port}/plan/"), "every page is the list"
        # Fixed and saved: the page itself comes back.
        (project / A13).write_text(good, encoding="utf-8")
        page = _wait_for(address, "An unrated action past its date", process)
        assert "problem to fix" not in page
        # Broken again while running: the problems come back.
        (project / A13).write_text(good.replace("due: 2022-05", "due: someday"), encoding="utf-8")
        page = _wait_for(address, "problem to fix", process)
        assert f"{A13}" in page and "field due" in " ".join(BeautifulSoup(page, "html.parser").get_text().split())
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        process.stdout.close()


def test_preview_refuses_a_file_that_is_not_a_page(tmp_path):
    project = make_project(tmp_path)
    result = run("preview", "content/nowhere.md", "--port", str(_free_port()), *config_of(project), cwd=project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("preview: content/nowhere.md is not a page in the content folder"), result.stderr


@pytest.mark.parametrize("name", ["validate", "yamltext", "new_action"])
def test_docstring_examples(name):
    import doctest
    import importlib

    module = importlib.import_module(f"plan_progress.cli.{name}")
    assert doctest.testmod(module).failed == 0

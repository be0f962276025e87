"""Bad content: each case is a small change to the basic fixture, the exit status and the exact
messages the build prints (file, line, field, what was wrong, what is allowed).

The cases build in this Python process (conftest.build_in_process: the same steps and output as the
command, a second or so quicker each); END_TO_END cases also run the real `mkdocs build --strict`
command, one per kind of failure (an error, a warning that fails the strict build, bad settings).

Reproduce one case by hand: copy tests/fixtures/basic somewhere, make the change, run
`mkdocs build --strict` there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_in_process, make_project, run_build

A11 = "content/areas/1-finding/1-1-red.md"
A13 = "content/areas/1-finding/1-3-unrated.md"
A21 = "content/areas/2-plans/2-1-green.md"
SUPPORT = "content/you-said/support.md"
SUPPORT_TEXT = (Path(__file__).parent / "fixtures/basic" / SUPPORT).read_text(encoding="utf-8")

UNRATED = """---
type: action
id: "1.3"
title: An unrated action past its date
due: 2022-05
status: not-rated
---
"""


def unrated(**replace) -> str:
    text = UNRATED
    for old, new in replace.items():
        text = text.replace(old.replace("_", " ") if False else old, new)
    return text


def edit(old: str, new: str, text: str = UNRATED) -> str:
    assert old in text, old
    return text.replace(old, new)


CASES = [
    pytest.param(
        {A13: edit("title: An unrated action past its date", "title: Bad: a colon")},
        [f"{A13}:4: the front-matter is not valid YAML: a value contains ': ' (a colon and a space). "
         "Put the whole value in double quotes"],
        id="yaml-syntax-error"),
    pytest.param(
        {A13: edit("title: An unrated action past its date\n", "")},
        [f"{A13}:1: title: is missing; every action needs it (The action as written in the plan, word for word.)"],
        id="missing-required-field"),
    pytest.param(
        {A13: edit("status: not-rated", "status: greem")},
        [f"{A13}:6: status: 'greem' is not one of red, amber, green, blue, pink, not-rated (did you mean 'green'?)"],
        id="unknown-status"),
    pytest.param(
        {A13: edit("due: 2022-05", "due: Feb 2022")},
        [f"{A13}:5: due: 'Feb 2022' is not a date; use a date written YYYY-MM-DD, YYYY-MM or YYYY "
         "(for example 2022-02-28 or 2022-02)"],
        id="malformed-date"),
    pytest.param(
        {A13: edit("due: 2022-05", "due: 2022-02-30")},
        [f"{A13}:5: due: '2022-02-30' is not a real day (February 2022 has 28 days); use a date written "
         "YYYY-MM-DD, YYYY-MM or YYYY (for example 2022-02-28 or 2022-02)"],
        id="impossible-date"),
    pytest.param(
        {A13: edit('id: "1.3"', 'id: "1.1"')},
        [f"{A13}:3: id: action \"1.1\" is already used by {A11}; each action needs its own number"],
        id="duplicate-action-id"),
    pytest.param(
        {A13: edit('id: "1.3"', 'id: "2.9"')},
        [f"{A13}:3: id: action \"2.9\" is in the folder of area 1 (content/areas/1-finding/index.md); "
         "its number must start with \"1.\""],
        id="action-id-not-in-its-area"),
    pytest.param(
        {A13: edit("status: not-rated", 'status: not-rated\nwaiting_on: ["1.2", "9.9"]')},
        [f"{A13}:7: waiting_on[2]: there is no action \"9.9\""],
        id="waiting-on-unknown-action"),
    pytest.param(
        {A13: edit("status: not-rated", 'status: not-rated\nwaiting_on: ["1.22"]')},
        [f"{A13}:7: waiting_on[1]: there is no action \"1.22\" (did you mean \"1.2\"?)"],
        id="waiting-on-near-miss"),
    pytest.param(
        {A13: edit("status: not-rated", "status: not-rated\nstatsu: red")},
        [f"{A13}:7: statsu: is not a field of an action (did you mean 'status'?); allowed fields: type, id, "
         "title, short_title, leads, evidence, accountability, outcomes, resources, milestones, due, due_text, "
         "status, history, waiting_on, co_produced_with, easy_read_title, easy_read"],
        id="unknown-key-is-a-warning-that-fails-strict"),
    pytest.param(
        {A13: edit("status: not-rated", "status: green")},
        [f"{A13}:6: status: 'green' has no history entry to show where the rating comes from; "
         "add one under 'history:' with its date, status, note and source"],
        id="rating-without-evidence"),
    pytest.param(
        {A13: edit("status: not-rated", "status: blue\nhistory:\n  - date: 2022-04-01\n    status: amber\n"
                                        "    note: Slow.\n    source: Board")},
        [f"{A13}:6: status: 'blue' does not match the newest history entry (2022-04-01: 'amber'); add a "
         "history entry for this rating with its date, note and source, or correct the status"],
        id="status-does-not-match-history"),
    pytest.param(
        {A13: edit("status: not-rated", "status: amber\nhistory:\n  - date: 2022-04-01\n    status: amber\n"
                                        "    note: Slow.")},
        [f"{A13}:8: history[1].source: is missing; every history entry needs it (Where the rating comes from: "
         "a report, a meeting, a news item.)"],
        id="history-entry-without-source"),
    pytest.param(
        {A13: edit("type: action", "type: acton")},
        [f"{A13}:2: type: 'acton' is not one of home, area, action, you-said, glossary, update (did you mean 'action'?)"],
        id="unknown-page-type"),
    pytest.param(
        {A13: edit('id: "1.3"', "id: 1.10")},
        [f"{A13}:3: id: 1.10 must be in quotes, for example \"1.10\" (without quotes it is read as the "
         "number 1.1)"],
        id="unquoted-action-id"),
    pytest.param(
        {A13: edit("status: not-rated", "status: not-rated\nleads: Head of Service")},
        [f"{A13}:7: leads: expected a list, found 'Head of Service'; put each item on its own line starting "
         "with '- '"],
        id="text-where-a-list-belongs"),
    pytest.param(
        {A13: edit("title: An unrated", "\ttitle: An unrated")},
        [f"{A13}:4: this line is indented with a tab; front-matter must be indented with spaces"],
        id="tab-indentation"),
    pytest.param(
        {A13: UNRATED.rstrip("\n").rsplit("---", 1)[0]},
        [f"{A13}:1: the front-matter opened with '---' on line 1 is never closed; add a line with just "
         "'---' after the last field"],
        id="front-matter-never-closed"),
    pytest.param(
        {A13: UNRATED.replace("An unrated", "An unrated caf\xe9").encode("latin-1")},
        [f"{A13}:4: the file is not UTF-8 text (byte 0xe9 cannot be read). Save it as 'UTF-8' in your editor; "
         "curly quotes and accents pasted from Word are the usual cause"],
        id="not-utf8"),
    pytest.param(
        {A13: edit("status: not-rated", "status: not-rated\nstatus: red")},
        [f"{A13}:7: status: this field is given twice (first on line 6); keep only one"],
        id="duplicate-key"),
    pytest.param(
        {"content/areas/2-plans/index.md": "---\ntype: area\nnumber: 1\ntitle: Plans\nfinding: x\naim: y\n---\n"},
        ["content/areas/2-plans/index.md:3: number: area 1 is already the number of "
         "content/areas/1-finding/index.md; each area needs its own number"],
        id="duplicate-area-number"),
    pytest.param(
        {"content/loose.md": UNRATED.replace('"1.3"', '"1.9"')},
        ["content/loose.md:2: type: this action is not in an area's folder; move it into the folder of the area "
         "it belongs to (the folder whose index.md has 'type: area')"],
        id="action-outside-an-area"),
    pytest.param(
        {SUPPORT: SUPPORT_TEXT.replace('- action: "2.1"', '- action: "7.1"')},
        [f"{SUPPORT}:14: items[1].related_to[1].action: there is no action \"7.1\""],
        id="you-said-names-an-unknown-action"),
    pytest.param(
        {SUPPORT: SUPPORT_TEXT.replace('said: "Only have to tell our story once"', 'said: ""')},
        [f"{SUPPORT}:16: items[2].said: is empty; write some text or remove the field"],
        id="you-said-empty-said"),
    pytest.param(
        {SUPPORT: SUPPORT_TEXT.replace("    source: Test survey 2021, 100 people\n    answered_by: []\n",
                                       "    answered_by: []\n")},
        [f"{SUPPORT}:16: items[2].source: is missing; every item needs it (Who said it and how, for example "
         "'Parent and carer survey, 120 replies'.)"],
        id="you-said-missing-source"),
    pytest.param(
        {SUPPORT: "---\ntype: you-said\ntheme: Support\nitems: []\n---\n"},
        [f"{SUPPORT}:3: items: the theme 'Support' has no items yet"],
        id="you-said-theme-without-items-is-a-warning"),
    pytest.param(
        {A13: edit("status: not-rated", "status: greem"),
         A21: "---\ntype: action\nid: \"2.1\"\ntitle: A green action\nstatus: green\ndue: 2022-13\n---\n"},
        [f"{A13}:6: status: 'greem' is not one of red, amber, green, blue, pink, not-rated (did you mean 'green'?)",
         f"{A21}:5: status: 'green' has no history entry to show where the rating comes from; add one under "
         "'history:' with its date, status, note and source",
         f"{A21}:6: due: '2022-13' has no month 13; use a date written YYYY-MM-DD, YYYY-MM or YYYY "
         "(for example 2022-02-28 or 2022-02)"],
        id="every-problem-at-once"),
]


END_TO_END = ["every-problem-at-once", "unknown-key-is-a-warning-that-fails-strict"]


@pytest.mark.parametrize("files, expected", CASES)
def test_bad_content_fails_with_exact_messages(tmp_path, files, expected):
    check_fails_with(build_in_process(make_project(tmp_path, files=files)), expected)


@pytest.mark.parametrize("files, expected", [case for case in CASES if case.id in END_TO_END])
def test_the_command_fails_with_the_same_messages(tmp_path, files, expected):
    check_fails_with(run_build(make_project(tmp_path, files=files)), expected)


def check_fails_with(build, expected: list[str]) -> None:
    project = build.project
    assert build.returncode == 1, build.output
    assert build.problems() == expected, f"reproduce: cd {project} && mkdocs build --strict\n{build.output}"
    assert "Traceback" not in build.output
    assert not (project / "site" / "index.html").exists() or "Aborted" in build.output


def test_errors_stop_the_build_before_any_page_is_written(tmp_path):
    project = make_project(tmp_path, files={A13: edit("status: not-rated", "status: greem")})
    build = run_build(project)
    assert build.returncode == 1
    assert "The content has 1 problem; nothing was built:" in build.output
    assert not (project / "site" / "index.html").exists()


def test_a_byte_order_mark_is_fine(tmp_path):
    """Windows Notepad starts a file with one: the strict build accepts it and the page is whole."""
    project = make_project(tmp_path, files={A13: b"\xef\xbb\xbf" + UNRATED.encode()})
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert build.problems() == []
    assert build.html("areas/1-finding/1-3-unrated/").h1 is not None


def test_windows_line_endings_are_fine(tmp_path):
    project = make_project(tmp_path, files={A13: UNRATED.replace("\n", "\r\n")})
    assert run_build(project).returncode == 0


@pytest.mark.parametrize("edit_config, message", [
    pytest.param(
        lambda text: text.replace("plan_name: test plan", "plan_name: test plan\n      statuses:\n"
                                  "        - {key: red, label: Late, meaning: Late., text_colour: '#ff0000', "
                                  "background: '#ffffff', icon: material/alert}"),
        "status 'red': text #ff0000 on #ffffff has a contrast of 4.00:1; it must be at least 4.5:1 (WCAG 2 AA). "
        "Darken the text or lighten the background",
        id="low-contrast-status-colours"),
    pytest.param(
        lambda text: text.replace("as_at: 2022-06-15", "as_at: 15/06/2022"),
        "Plugin 'plan-progress' option 'as_at': '15/06/2022' is not a date; write it YYYY-MM-DD, for example 2022-09-30",
        id="bad-as-at-date"),
    pytest.param(
        lambda text: text.replace("      as_at: 2022-06-15\n", ""),
        "plan-progress: 'as_at' is missing in mkdocs.yml; give the date the progress data is as at, written "
        "YYYY-MM-DD (for example as_at: 2022-03-08)",
        id="missing-as-at"),
    # "Did you mean": a misspelt setting, a status field and a launch-check setting get the closest names.
    pytest.param(
        lambda text: text.replace("as_at: 2022-06-15", "as_att: 2022-06-15\n      as_at: 2022-06-15"),
        "Plugin 'plan-progress' option 'as_att': Unrecognised configuration name: as_att (did you mean 'as_at'?)",
        id="misspelt-setting"),
    pytest.param(
        lambda text: text.replace("plan_name: test plan", "plan_name: test plan\n      statuses:\n"
                                  "        - {key: red, lable: Late, label: Late, meaning: Late., "
                                  "text_colour: '#000000', background: '#ffffff'}"),
        "Unrecognised configuration name: lable (did you mean 'label'?)",
        id="misspelt-status-field"),
    pytest.param(
        lambda text: text.replace("plan_name: test plan", "plan_name: test plan\n      launch_check:\n"
                                  "        max_progress_age: 90"),
        "Unrecognised configuration name: max_progress_age (did you mean 'max_progress_age_days'?)",
        id="misspelt-launch-check-setting"),
])
def test_bad_configuration_fails_at_config_time(tmp_path, edit_config, message):
    build = build_in_process(make_project(tmp_path, config_edit=edit_config))
    assert build.returncode == 1, build.output
    assert message in build.output
    assert "Traceback" not in build.output


def test_the_command_fails_on_bad_configuration(tmp_path):
    project = make_project(tmp_path, config_edit=lambda text: text.replace("      as_at: 2022-06-15\n", ""))
    build = run_build(project)
    message = ("plan-progress: 'as_at' is missing in mkdocs.yml; give the date the progress data is as at, written "
               "YYYY-MM-DD (for example as_at: 2022-03-08)")
    assert build.returncode == 1, build.output
    assert message in build.output
    assert "Traceback" not in build.output

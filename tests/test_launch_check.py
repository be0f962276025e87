"""./scripts/launch-check: what must be real before the site goes public, each with file and line;
and the settings it reads (feedback route, contacts, dates), which the build validates."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import FIXTURES, ROOT, build_in_process, make_project, run_build, run_build_command, run_script, run_tool

READY = (FIXTURES / "launch-ready" / "mkdocs.yml").read_text(encoding="utf-8")


def launch_check(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    """./scripts/launch-check as its main() in this process (conftest.run_tool)."""
    return run_tool("launch-check", *args, cwd=cwd)


def findings(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stdout.splitlines() if re.match(r"^[\w./-]+:\d+: ", line)]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_fails_on_the_real_settings_naming_each_placeholder():
    result = run_script("launch-check", "--today", "2026-11-30", timeout=120)  # the real command, once
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stdout + result.stderr
    out = findings(result)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"mkdocs.yml:{line_of(config, 'site_url:')}: site_url is https://example.org/send-progress/, an " \
           "example address." in "\n".join(out)
    settings = ["website_address", "site_owner", "accessibility_email", "contact_phone", "reply_days", "complaints",
                "statement_prepared", "statement_reviewed", "last_tested", "tested_by"]
    for name in settings:
        line = line_of(config, f"    {name}: ")
        assert any(f.startswith(f"mkdocs.yml:{line}: extra.settings.{name} still says \"[") for f in out), name
    plugin_line = line_of(config, "- plan-progress:")
    assert f"mkdocs.yml:{plugin_line}: no feedback route: set feedback_url" in "\n".join(out)
    assert any(f.startswith(f"mkdocs.yml:{line_of(config, 'as_at:')}: the progress date (as_at) is 8 March 2022, "
                            "1728 days before 30 November 2026") for f in out)
    contact_lines = [f for f in out if ".contacts[" in f]
    assert len(contact_lines) == 10 and all("to be confirmed by the council" in f for f in contact_lines)
    statement = (ROOT / "content/about/accessibility.md").read_text(encoding="utf-8")
    line = line_of(statement, "[To be confirmed by the council: a phone number")
    assert any(f.startswith(f"content/about/accessibility.md:{line}: the page still says") for f in out)
    assert out == sorted(out, key=lambda f: (not f.startswith("mkdocs.yml"), f.split(":")[0])), "grouped by file"
    assert result.stdout.startswith(f"Not ready to go public yet: {len(out)} things must be made real first.")


def test_passes_on_a_complete_fixture(tmp_path):
    project = make_project(tmp_path, files={"mkdocs.yml": READY})
    result = launch_check("-f", str(project / "mkdocs.yml"), "--today", "2022-07-01")
    assert (result.returncode, findings(result)) == (0, []), result.stdout + result.stderr
    assert result.stdout.startswith("Ready to go public")
    build = run_build(project)  # and the complete settings are valid settings
    assert build.returncode == 0, build.output


@pytest.mark.parametrize("edit, files, today, expected", [
    (lambda t: t.replace('      feedback_url: "mailto:feedback@council.test"\n', ""), {}, "2022-07-01",
     ["mkdocs.yml:14: no feedback route: set feedback_url under plan-progress to an email address (mailto:...) or "
      "a form's address, so that every page can say \"Tell us what you think about this page\""]),
    (lambda t: t[:t.index("      contacts:")] + t[t.index("      launch_check:"):], {}, "2022-07-01",
     ["mkdocs.yml:14: no contacts: add at least one entry under contacts (name, and how to reach them) for the "
      "\"Contact and help\" page"]),
    (lambda t: t.replace("email: send@council.test", 'email: "[email - to be confirmed by the council]"'), {},
     "2022-07-01",
     ["mkdocs.yml:25: plugins[2].plan-progress.contacts[1].email still says \"[email - to be confirmed by the "
      "council]\". Fill in the real value, or remove the setting if it does not apply"]),
    (lambda t: t.replace("https://progress.council.test/plan/", "https://www.example.com/plan/"), {}, "2022-07-01",
     ["mkdocs.yml:5: site_url is https://www.example.com/plan/, an example address. Put the site's real address "
      "here: every link in the Board report, the feed and the open data starts with it"]),
    (lambda t: t, {}, "2022-10-14",  # 121 days after 15 June; the next update (15 September) has passed
     ["mkdocs.yml:15: the progress date (as_at) is 15 June 2022, 121 days before 14 October 2022; the site may "
      "show progress at most 120 days old (launch_check: max_progress_age_days). Check every action's status, "
      "then change as_at to the day you checked",
      "mkdocs.yml:16: the next update was due on 15 September 2022, which has passed. Publish the update and set "
      "next_update to the next date, or remove it"]),
    (lambda t: t.replace("max_progress_age_days: 120", "max_progress_age_days: 200"), {}, "2022-10-14",
     ["mkdocs.yml:16: the next update was due on 15 September 2022, which has passed. Publish the update and set "
      "next_update to the next date, or remove it"]),
    (lambda t: t, {"content/about.md": "# About\n\nSee the\n[minutes](https://example.org/minutes).\n"}, "2022-07-01",
     ["content/about.md:4: the page links to example.org, an example address. Replace it with the real address"]),
], ids=["no-feedback-route", "no-contacts", "contact-placeholder", "example-site-url", "progress-date-too-old",
        "age-is-configurable", "example-link-in-content"])
def test_names_each_thing_that_is_not_real_yet(tmp_path, edit, files, today, expected):
    project = make_project(tmp_path, files={"mkdocs.yml": edit(READY), **files})
    result = launch_check("-f", "mkdocs.yml", "--today", today, cwd=project)
    assert (result.returncode, findings(result)) == (1, expected), result.stdout + result.stderr


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace('"mailto:feedback@council.test"', '"javascript:alert(1)"'),
     "plugins: plan-progress: feedback_url: 'javascript:alert(1)' is a 'javascript:' link, which is not allowed"),
    (lambda t: t.replace('"mailto:feedback@council.test"', '"https://forms.council.test/f?page={page}"'),
     "Plugin 'plan-progress' option 'feedback_url': '{page}' is not something the site can fill in; use {url}"),
    (lambda t: t.replace("email: send@council.test", "email: send at council"),
     "contacts[1].email: 'send at council' is not an email address (for example send@example.org)"),
    (lambda t: t.replace("url: https://advice.council.test/", "url: advice.council.test"),
     "contacts[2].url: 'advice.council.test' does not start with https: or http:"),
    (lambda t: t.replace("        - name: The SEND team\n", "        - helps_with: x\n          name: \n"),
     "contacts[1].name: is missing; every contact needs a name"),
    (lambda t: t.replace("next_update: 2022-09-15", "next_update: September 2022"),
     "Plugin 'plan-progress' option 'next_update': 'September 2022' is not a date; write it YYYY-MM-DD, for example 2022-09-30"),
    (lambda t: t.replace("      nav_order:", "      progress_checked_text: Last checked\n      nav_order:"),
     "Plugin 'plan-progress' option 'progress_checked_text': 'Last checked' has no {date}; write where the date goes, for example "
     "'Progress last checked: {date}'"),
], ids=["feedback-javascript", "feedback-unknown-field", "contact-email", "contact-url", "contact-without-name",
        "next-update-not-a-date", "checked-text-without-date"])
def test_the_build_refuses_settings_that_cannot_be_used(tmp_path, request, edit, message):
    """Each case is built in this process (conftest.build_in_process); one also runs the real
    `mkdocs build --strict` command, to show the command prints the same."""
    project = make_project(tmp_path, files={"mkdocs.yml": edit(READY)})
    build = build_in_process(project)
    assert build.returncode == 1 and message in build.output, build.output
    if request.node.callspec.id == "feedback-javascript":
        command = run_build_command(project)
        assert command.returncode == 1 and message in command.output, command.output


def test_only_the_publish_job_runs_it_and_before_deploying():
    import yaml

    jobs = yaml.safe_load((ROOT / ".github/workflows/checks.yml").read_text(encoding="utf-8"))["jobs"]
    runs = {name: [step.get("run", "") + step.get("uses", "") for step in job["steps"]] for name, job in jobs.items()}
    assert [name for name, steps in runs.items() if any("launch-check" in s for s in steps)] == ["publish"]
    steps = runs["publish"]
    check = next(i for i, s in enumerate(steps) if s.strip() == "./scripts/launch-check")
    deploy = next(i for i, s in enumerate(steps) if "deploy-pages" in s)
    assert check < deploy
    assert "refs/heads/main" in jobs["publish"]["if"]

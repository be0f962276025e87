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

from conftest import ROOT


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
def test_hostile_yaml_is_a_clear_error_within_a_second(name):
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
    assert result["seconds"] < 1.0, f"{name}: took {result['seconds']:.2f} s"
    assert len(result["problems"]) == len(expected), result["problems"]
    for line, start in zip(sorted(result["problems"]), sorted(expected)):
        assert line.startswith(start), (line, start)

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

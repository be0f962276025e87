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
    beside = re.compile("|".join(re.escape(p) for p in ["../" + "shared", "shared" + "/seeds", '"shared" / "seeds"']))
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

"""Only files kept in the content folder itself are published.

MkDocs follows symbolic links when it collects the content folder, so a link in a pull request could
copy anything the build can read into the public site: ``content/x.txt -> /etc/passwd``, a folder
linked to ``../.git`` (where a CI checkout may keep its token), ``/proc/self/environ`` (the build's
environment). Every file MkDocs collected is checked here, pages and static files alike, before
anything is read or written.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem

_FIX = ("the site publishes only files kept in the content folder itself; put a copy of the file there "
        "instead, or delete the link")


def linked_files(docs_dir: str | os.PathLike, root: str | os.PathLike, paths) -> list[Problem]:
    """A problem for every file (``paths``: where MkDocs found them) that is a symbolic link, lies
    in a linked folder, or is not inside ``docs_dir`` once links are followed. Paths are shown
    relative to ``root`` (the folder of mkdocs.yml). Each link is reported once."""
    docs = Path(os.path.abspath(docs_dir))
    real_docs = Path(os.path.realpath(docs))
    reported: dict[Path, Problem] = {}
    for raw in paths:
        path = Path(os.path.abspath(raw))
        try:
            parts = path.relative_to(docs).parts
        except ValueError:
            reported.setdefault(path, Problem(_show(path, root), None, None,
                                              f"is outside the content folder; {_FIX}"))
            continue
        here = docs
        for index, part in enumerate(parts):
            here = here / part
            if here.is_symlink():
                what = "is a symbolic link" if index == len(parts) - 1 else "is a folder that is a symbolic link"
                reported.setdefault(here, Problem(_show(here, root), None, None,
                                                  f"{what} (to {os.readlink(here)}); {_FIX}"))
                break
        else:
            real = Path(os.path.realpath(path))
            if real != real_docs and real_docs not in real.parents:
                reported.setdefault(path, Problem(_show(path, root), None, None,
                                                  f"is outside the content folder (it is {real}); {_FIX}"))
    return sorted(reported.values())


def _show(path: Path, root) -> str:
    relative = os.path.relpath(path, os.path.abspath(root))
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()

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


def linked_files(folders, root: str | os.PathLike, paths) -> list[Problem]:
    """A problem for every file (``paths``: where MkDocs found them) inside one of ``folders`` (the
    content folder, and the theme's custom folder if any; None is skipped) that is a symbolic link,
    lies in a linked folder, or is not inside that folder once links are followed. Files elsewhere
    (the installed theme's own) are not ours to check. Paths are shown relative to ``root`` (the
    folder of mkdocs.yml). Each link is reported once."""
    tops = [Path(os.path.abspath(folder)) for folder in folders if folder]
    reported: dict[Path, Problem] = {}
    for raw in paths:
        path = Path(os.path.abspath(raw))
        top = next((folder for folder in tops if folder in path.parents), None)
        if top is None:
            continue
        fix = (f"the site publishes only files kept in the {_show(top, root)} folder itself; put a copy of the "
               "file there instead, or delete the link")
        parts = path.relative_to(top).parts
        here = top
        for index, part in enumerate(parts):
            here = here / part
            if here.is_symlink():
                what = "is a symbolic link" if index == len(parts) - 1 else "is a folder that is a symbolic link"
                reported.setdefault(here, Problem(_show(here, root), None, None,
                                                  f"{what} (to {os.readlink(here)}); {fix}"))
                break
        else:
            real, real_top = Path(os.path.realpath(path)), Path(os.path.realpath(top))
            if real_top not in real.parents:
                reported.setdefault(path, Problem(_show(path, root), None, None,
                                                  f"is outside the {_show(top, root)} folder (it is {real}); {fix}"))
    return sorted(reported.values())


def _show(path: Path, root) -> str:
    relative = os.path.relpath(path, os.path.abspath(root))
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()


PACKAGE_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def page_templates(custom_dir: str | os.PathLike | None) -> frozenset[str]:
    """The page layouts a page may name in ``template:``: the theme's usual ``main.html`` and every
    layout at the top of the site's custom folder and of the plugin's own template folder."""
    names = {"main.html"}
    for folder in (custom_dir, PACKAGE_TEMPLATES):
        if folder and Path(folder).is_dir():
            names.update(p.name for p in Path(folder).glob("*.html") if p.is_file() and not p.is_symlink())
    return frozenset(names - {"404.html"})  # the "page not found" page is not a layout for content

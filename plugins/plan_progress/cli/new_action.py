"""Create the next action page of an area, with every field present and explained.

Usage::

    ./scripts/new-action 2 "Title of the action, as written in the plan"

The new action gets the next number in the area (the highest number so far plus one), a file named
``<area>-<number>-<words-of-the-title>.md`` in the area's folder, and the status "not yet rated".
Each field has a comment above it taken from the plugin's schema, so the page explains itself.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import textwrap
from pathlib import Path

from ..core import schema
from ..core.model import Area, Plan
from ..core.safe_text import log_lines
from . import yamltext
from .common import OK, PROBLEMS, Project, Stop, find_config, open_project

WIDTH = 100


def slug(title: str, words: int = 6, limit: int = 50) -> str:
    """A short file name from a title.

    >>> slug("Procurement of preferred IT solution to enable collaborative electronic EHC plan process")
    'procurement-of-preferred-it-solution-to'
    >>> slug("Année 2022: CAMHS & schools!")
    'annee-2022-camhs-schools'
    """
    import unicodedata

    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    parts = re.findall(r"[a-z0-9]+", plain)[:words]
    out = ""
    for part in parts:
        candidate = f"{out}-{part}" if out else part
        if len(candidate) > limit:
            break
        out = candidate
    return out or "action"


def _comment(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH - len(indent) - 2, initial_indent=f"{indent}# ",
                         subsequent_indent=f"{indent}# ", break_on_hyphens=False)


def _hint(field: schema.Field, ctx: schema.Context, statuses, not_rated: str) -> list[str]:
    """How to write a field's value, beyond its description."""
    kind = field.kind
    if field.name in ("type", "id"):
        return []  # filled in already
    if field.name == "status":
        return _comment("One of: " + "; ".join(f"{s.key} ({s.label})" for s in statuses) + ". "
                        f"Any rating other than {not_rated} needs a history entry below saying where it comes "
                        "from; ./scripts/set-status adds both.")
    if isinstance(kind, schema.Choice):
        return _comment("One of: " + ", ".join(kind.choices_of(ctx)) + ".")
    if isinstance(kind, schema.ListOf) and isinstance(kind.item, schema.ActionId):
        return _comment('Write each one on its own line below, starting with "  - ", in quotes, for example:') + [
            '#   - "1.2"']
    if isinstance(kind, schema.ListOf) and isinstance(kind.item, schema.Record):
        record = kind.item
        lines = _comment(f"Each {record.name} is a group of lines below, the first starting with \"  - \". "
                         "Copy these lines for each one and remove the '# ' at the start:")
        names = list(record.fields)
        width = max(len(name) for name in names) + 2
        for index, (name, sub) in enumerate(record.fields.items()):
            lead = "  - " if index == 0 else "    "
            need = "required" if sub.required else "optional"
            lines.append(f"# {lead}{(name + ':').ljust(width)} # ({need}) {sub.description}")
        return lines
    if isinstance(kind, schema.ListOf):
        return _comment('Write each one on its own line below, starting with "  - ".')
    return []


def page_text(action_id: str, title: str, not_rated: str, project: Project) -> str:
    """The whole new page: every field of an action, each with its explanation above it."""
    statuses = project.settings.scale
    ctx = schema.Context(status_keys=[s.key for s in statuses])
    values = {"type": "action", "id": f'"{action_id}"', "title": yamltext.render_field("title", title)[7:],
              "status": not_rated}
    lines = ["---"]
    lines += _comment(f"Action {action_id}. Each field is explained in the lines starting with '#' above it. "
                      "Copy what the plan says. Leave a field empty when the plan leaves it blank: the page "
                      f"then says \"{project.words.names['not_stated']}\". EDITING.md explains more.")
    for field in schema.ACTION.fields.values():
        lines.append("")
        lines += _comment(field.description + ("" if field.required else " (Optional.)"))
        lines += _hint(field, ctx, statuses, not_rated)
        value = values.get(field.name)
        lines.append(f"{field.name}: {value}" if value is not None else f"{field.name}:")
    lines += ["---", ""]
    return "\n".join(lines)


def _area(plan: Plan, wanted: str, words) -> Area:
    for area in plan.areas:
        if str(area.number) == wanted.strip():
            return area
    listed = "\n".join(f"  {a.number}: {a.title} ({Path(a.path).parent.as_posix()}/)" for a in plan.areas)
    raise Stop(words.text("cli_no_such_area", wanted=wanted) + f"\n{listed}")


def run(project: Project, area_number: str, title: str) -> str:
    if "\n" in title or "\r" in title or not title.strip():
        raise Stop("give the action's title as one line of text, in quotes")
    title = " ".join(title.split())
    not_rated = next((s.key for s in project.settings.scale if not s.rated), None)
    if not_rated is None:
        raise Stop("the status scale in mkdocs.yml has no 'not yet rated' status (rated: false) "
                   "for a new action to start with")

    _files, plan, problems = project.read()
    area = _area(plan, area_number, project.words)
    folder = Path(area.path).parent
    # A page with an error may hide an action number: make sure none is in this area's folder.
    broken = [p for p in problems.errors if Path(p.path).parent == folder]
    if broken:
        raise Stop(f"pages in {folder.as_posix()}/ have problems to fix first (one of them may already use the "
                   "next number); nothing was created:\n" + "\n".join(f"  {p}" for p in broken), code=PROBLEMS)
    number = max((int(a.id.split(".")[1]) for a in area.actions), default=0) + 1
    action_id = f"{area.number}.{number}"
    relative = folder / f"{area.number}-{number}-{slug(title)}.md"
    path = project.root / relative
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite a page
            out.write(page_text(action_id, title, not_rated, project))
    except FileExistsError:
        raise Stop(f"{relative.as_posix()} already exists; nothing was created") from None

    _files, _plan, after = project.read()
    own = [p for p in after.items if p.path == relative.as_posix()]
    if own:
        os.unlink(path)
        raise Stop("the new page would not pass the checks, so it was not kept:\n"
                   + "\n".join(f"  {p}" for p in own), code=PROBLEMS)
    return (f"Created {relative.as_posix()} (action {action_id}, not yet rated).\n"
            "Open it, fill in the fields from the plan, then run ./scripts/validate.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="new-action", description="Create the next action page of an area, every field explained.",
        epilog='example: ./scripts/new-action 2 "Review the information for families"')
    parser.add_argument("area", help="the area's number, for example 2")
    parser.add_argument("title", help="the action as written in the plan, in quotes")
    parser.add_argument("-f", "--config-file", help="the site's settings file (default: the nearest mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        project = open_project(find_config(args.config_file))
        message = run(project, args.area, args.title)
    except Stop as stop:
        print(log_lines(f"new-action: {stop.message}"), file=sys.stderr)
        return stop.code
    print(message)
    return OK


if __name__ == "__main__":
    sys.exit(main())

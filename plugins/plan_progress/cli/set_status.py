"""Change one action's status and add a dated entry to its history, editing only those lines.

Usage::

    ./scripts/set-status 2.10 green --note "New IT system chosen; staff training booked." \\
        --source "SEND Partnership Board, 15 September 2022" [--date 2022-09-15] [--url https://...]

--note and --source are required: every rating on the site says where it comes from.
--date is the date of the rating; when it is left out, today's date is used.

The page is found by its action number through the plugin's own reading of the content. Only the
``status:`` line changes and the new history lines are added (comments, quoting and the order of
fields stay as they were). The new file is written to a temporary file and then renamed, so a page
is never left half-written; it is then checked again, and put back as it was if the check fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..core import schema
from ..core.dates import PartialDate
from ..core.frontmatter import CONTROL_CHARACTER
from ..core.model import Plan
from ..core.problems import Problem
from ..core.safe_text import log_lines
from ..core.suggest import did_you_mean
from . import yamltext
from .common import CANNOT_RUN, OK, PROBLEMS, Project, Stop, find_config, open_project
from .yamltext import CannotEdit, ScalarNode, SequenceNode

ENTRY_KEYS = ("date", "status", "note", "source", "url")


# -- the edit itself: text in, text out ---------------------------------------------------------


def edit_text(text: str, status: str, entry: dict) -> str:
    """The page's text with ``status:`` set and ``entry`` added at the end of ``history:``.

    ``entry`` maps history fields to values: ``date`` a PartialDate, the others text.
    Raises CannotEdit when the front-matter is laid out in a way that cannot be edited safely.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines, end = yamltext.split(text[len(bom):].replace("\r\n", "\n"))
    root = yamltext.compose(lines, end)
    off = 1  # node line 0 is the line after the opening '---'

    found = yamltext.find(root, "status")
    if found is None:
        raise CannotEdit("the page has no 'status:' line")
    status_key, status_value = found
    if not isinstance(status_value, ScalarNode) or status_value.start_mark.line != status_value.end_mark.line:
        raise CannotEdit("the status is not written on one line")
    row = status_value.start_mark.line + off
    line = lines[row]
    lines[row] = (line[: status_value.start_mark.column] + yamltext.render_scalar(status, status_value.style)
                  + line[status_value.end_mark.column:])

    def entry_lines(dash: int, content: int) -> list[str]:
        rendered = [_render_entry_field(key, entry[key]) for key in ENTRY_KEYS if entry.get(key) is not None]
        first = " " * dash + "-" + " " * (content - dash - 1) + rendered[0]
        return [first] + [" " * content + text for text in rendered[1:]]

    found = yamltext.find(root, "history")
    if found is None:
        # No history yet: add it straight after the status line, lists indented as elsewhere in the file.
        column = status_key.start_mark.column
        dash = column + yamltext.sequence_offset(root, lines, off)
        lines[row + 1:row + 1] = [" " * column + "history:"] + entry_lines(dash, dash + 2)
    else:
        history_key, history = found
        column = history_key.start_mark.column
        key_row = history_key.start_mark.line + off
        empty = ((isinstance(history, ScalarNode) and history.style is None
                  and history.value in ("", "~", "null", "Null", "NULL"))
                 or (isinstance(history, SequenceNode) and history.flow_style and not history.value
                     and history.start_mark.line + off == key_row))
        if empty:  # "history:", "history: ~" or "history: []"
            lines[key_row] = " " * column + "history:" + yamltext.comment_part(lines[key_row])
            dash = column + yamltext.sequence_offset(root, lines, off)
            lines[key_row + 1:key_row + 1] = entry_lines(dash, dash + 2)
        elif isinstance(history, SequenceNode) and not history.flow_style:
            layout = yamltext.block_item_layout(history, lines, off)
            if layout is None:
                dash = column + yamltext.sequence_offset(root, lines, off)
                layout = (dash, dash + 2)
            after = yamltext.last_line(history, lines, off)
            lines[after + 1:after + 1] = entry_lines(*layout)
        else:
            raise CannotEdit("'history:' is written on one line (in [ ] or { }); write each entry on its own "
                             "lines starting with '- ' (see EDITING.md), or add this entry by hand")
    new_text = bom + "\n".join(lines).replace("\n", newline)
    _check_edit(text, new_text, status, entry)
    return new_text


def _render_entry_field(key: str, value) -> str:
    if isinstance(value, PartialDate):
        return f"{key}: {value.iso}"  # a plain date, as people write them; never quoted
    return yamltext.render_field(key, value)


def _front_matter(text: str) -> tuple[dict, str]:
    lines, end = yamltext.split(text.lstrip("\ufeff").replace("\r\n", "\n"))
    data = yamltext._plugin_reads("\n".join(lines[1:end])) or {}
    return data, "\n".join(lines[end:])


def _check_edit(old: str, new: str, status: str, entry: dict) -> None:
    """Make sure the edit did exactly what was asked, as the plugin's own YAML reader sees it."""
    (before, old_body), (after, new_body) = _front_matter(old), _front_matter(new)
    expected = {k: (v.iso if isinstance(v, PartialDate) else v) for k, v in entry.items() if v is not None}
    newest = dict((after.get("history") or [{}])[-1])
    if isinstance(newest.get("date"), int):
        newest["date"] = str(newest["date"])
    same_elsewhere = ({k: v for k, v in before.items() if k not in ("status", "history")}
                      == {k: v for k, v in after.items() if k not in ("status", "history")})
    removed = [line for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line.startswith("- ")]
    if (not same_elsewhere or after.get("status") != status or newest != expected
            or (after.get("history") or [])[:-1] != (before.get("history") or [])
            or old_body != new_body or len(removed) > 2):
        raise CannotEdit("the change could not be made without touching other lines; make it by hand "
                         "(EDITING.md shows how)")


# -- the command ----------------------------------------------------------------------------------


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over the page."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _ids_by_area(plan: Plan, words) -> str:
    lines = []
    for area in plan.areas:
        if area.actions:
            lines.append(f"  {words.form(1, 'area')} {area.number}: {', '.join(a.id for a in area.actions)}")
    return "\n".join(lines)


def _problem_lines(problems: list[Problem]) -> str:
    return "\n".join(f"  {p}" for p in problems)


def _checked(kind: schema.Kind, value, what: str, project: Project):
    try:
        return kind.check(value, schema.Context(status_keys=[s.key for s in project.plugin.scale]))
    except schema.Invalid as exc:
        raise Stop(f"{what}: {exc}", code=CANNOT_RUN) from None


def run(project: Project, action_id: str, status: str, note: str, source: str, date: str | None,
        url: str | None) -> str:
    """Make the change; return what to tell the person. Raises Stop for anything that prevents it."""
    scale = project.plugin.scale
    if status not in [s.key for s in scale]:
        listed = "\n".join(f"  {s.key}: {s.label}" for s in scale)
        hint = did_you_mean(status, [s.key for s in scale])
        raise Stop(f"'{status}' is not a status{hint}. Use one of these (the word on the left):\n{listed}")
    for name, value in (("--note", note), ("--source", source), ("--url", url)):
        if value is not None and ("\n" in value or "\r" in value):
            raise Stop(f"{name} must be one line of text")
        control = CONTROL_CHARACTER.search(value or "")
        if control:
            raise Stop(f"{name} contains an invisible control character (code 0x{ord(control.group()):02x}) "
                       "that is not allowed; nothing was changed. Type the text again without it")
    note = _checked(schema.Text(), note, "--note", project)
    source = _checked(schema.Text(), source, "--source", project)
    url = _checked(schema.Link(), url, "--url", project) if url is not None else None
    rating_date = _checked(schema.Date(), date if date is not None else dt.date.today().isoformat(),
                           "--date", project)

    _files, plan, problems = project.read()
    action = next((a for a in plan.actions if a.id == action_id), None)
    if action is None:
        near = difflib.get_close_matches(action_id, [a.id for a in plan.actions], n=1, cutoff=0.6)
        hint = f" Did you mean {near[0]}?" if near else ""
        message = f"there is no action \"{action_id}\".{hint} The actions are:\n{_ids_by_area(plan, project.words)}"
        if problems.errors:
            message += ("\nSome pages have problems, so they could not be read; run ./scripts/validate "
                        "to see them:\n" + _problem_lines(problems.errors))
        raise Stop(message)

    if action.history and rating_date.last_day < action.history[-1].date.last_day:
        newest = action.history[-1]
        raise Stop(f"--date {rating_date.iso} is before the newest rating of action {action.id} "
                   f"({newest.date.iso}: '{newest.status.key}'); a new rating must be dated on or after it")

    path = project.root / action.path
    own = [p for p in problems.items if p.path == action.path]
    if own:
        raise Stop(f"{action.path} has problems to fix first; nothing was changed:\n{_problem_lines(own)}",
                   action.path, PROBLEMS)

    original = path.read_bytes()
    entry = {"date": rating_date, "status": status, "note": note, "source": source, "url": url}
    try:
        new_text = edit_text(original.decode("utf-8"), status, entry)
    except CannotEdit as exc:
        raise Stop(f"{action.path}: {exc}; nothing was changed", action.path, PROBLEMS) from None
    _write_atomically(path, new_text.encode("utf-8"))

    _files, _plan, after = project.read()
    own = [p for p in after.items if p.path == action.path]
    if own:
        _write_atomically(path, original)
        raise Stop(f"the change would make {action.path} wrong, so it was put back as it was:\n"
                   f"{_problem_lines(own)}", action.path, PROBLEMS)
    was = action.status.key
    return (f"{action.path}: action {action.id} is now '{status}' (was '{was}'); history entry added for "
            f"{rating_date.iso}.\nCheck the change with 'git diff {action.path}', then commit it.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="set-status",
        description="Change one action's status and add a dated history entry saying where the rating comes from.",
        epilog='example: ./scripts/set-status 2.10 green --note "New IT system chosen." '
               '--source "SEND Partnership Board, 15 September 2022" --date 2022-09-15')
    parser.add_argument("id", help='the action number, for example 2.10')
    parser.add_argument("status", help="the new status, for example green")
    parser.add_argument("--note", required=True, help="one line saying what happened")
    parser.add_argument("--source", required=True,
                        help="where the rating comes from: a report, a meeting, a news item")
    parser.add_argument("--date", help="the date of the rating, YYYY-MM-DD (default: today)")
    parser.add_argument("--url", help="a link to the source, if it is published")
    parser.add_argument("-f", "--config-file", help="the site's settings file (default: the nearest mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        project = open_project(find_config(args.config_file))
        message = run(project, args.id.strip().strip("\"'"), args.status.strip(), args.note, args.source,
                      args.date, args.url)
    except Stop as stop:
        print(log_lines(f"set-status: {stop.message}"), file=sys.stderr)
        return stop.code
    print(message)
    return OK


if __name__ == "__main__":
    sys.exit(main())

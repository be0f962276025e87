"""Open data: every action as JSON and CSV, with the same columns, byte-for-byte reproducible."""

from __future__ import annotations

import csv
import io
import json

from .model import Plan

COLUMNS = (
    ("id", "The action's number in the plan."),
    ("area", "The number of the area for development it belongs to."),
    ("area_title", "The area's short title."),
    ("title", "The action, as written in the plan."),
    ("status", "The status key (see the status key page)."),
    ("status_label", "The status in words."),
    ("due", "The completion date (YYYY-MM or YYYY-MM-DD), empty when the plan gives none."),
    ("due_text", "The completion date as the plan words it, when that is not a plain date."),
    ("overdue", "true when the completion date was before the 'as at' date and the action is not completed."),
    ("leads", "The lead officer(s); in CSV separated by ' | '."),
    ("last_changed", "The date of the newest rating, empty when none has been published."),
    ("waiting_on", "Actions this one waits on; in CSV separated by ' | '."),
    ("url", "The action's page on this site."),
)


def action_rows(plan: Plan, url_of) -> list[dict]:
    rows = []
    for action in plan.actions:
        rows.append({
            "id": action.id,
            "area": action.area.number,
            "area_title": action.area.title,
            "title": action.title,
            "status": action.status.key,
            "status_label": action.status.label,
            "due": action.due.iso if action.due else None,
            "due_text": action.due_text,
            "overdue": action.is_overdue(plan.as_at),
            "leads": list(action.leads),
            "last_changed": action.last_changed.iso if action.last_changed else None,
            "waiting_on": [a.id for a in action.waiting_on],
            "url": url_of(action.uri),
        })
    return rows


def to_json(rows: list[dict], as_at) -> str:
    document = {"as_at": as_at.isoformat(), "count": len(rows), "actions": rows}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = [name for name, _ in COLUMNS]
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row[name]) for name in names])
    return buffer.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    return str(value)

"""Open data: every action as JSON and CSV, with the same columns, byte-for-byte reproducible."""

from __future__ import annotations

import csv
import io
import json

from .model import FAMILIES, Plan

# The columns of the actions files, in order: their names are an interface (spreadsheets and programs read
# them) and never change with a site's words; what each means is the word list's data_<column> text.
COLUMNS = ("id", "area", "area_title", "title", "status", "status_label", "due", "due_text", "overdue",
           "due_passed", "leads", "last_changed", "waiting_on", "easy_read", "url", "as_at", "site_last_updated")


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
            "overdue": action.is_overdue(plan.late_date),
            "due_passed": action.due_passed(plan.late_date),
            "leads": list(action.leads),
            "last_changed": action.last_changed.iso if action.last_changed else None,
            "waiting_on": [a.id for a in action.waiting_on],
            "easy_read": bool(action.easy_read),
            "url": url_of(action.uri),
            "as_at": plan.as_at.isoformat(),
            "site_last_updated": plan.late_date.isoformat(),
        })
    return rows


# The columns of the you-said files (data_<column>, and data_item_url for url, say what each means), and
# the one added at the end where some theme holds inspectors' findings (said_by: inspectors).
YOU_SAID_COLUMNS = ("theme", "number", "said", "kind", "source", "date", "answered_by", "answered_how", "related_to",
                    "related_how", "answered", "url")
SAID_BY_COLUMN = "said_by"


def you_said_columns(plan: Plan) -> tuple[str, ...]:
    """The you-said files' columns for this plan: ``said_by`` ("families" or "inspectors") only where
    some theme holds inspectors' findings, so that a plan without any says nothing of inspectors."""
    apart = any(theme.said_by != FAMILIES for theme in plan.themes)
    return YOU_SAID_COLUMNS + ((SAID_BY_COLUMN,) if apart else ())


def you_said_rows(plan: Plan, url_of) -> list[dict]:
    columns = you_said_columns(plan)
    rows = []
    for theme in plan.themes:
        for item in theme.items:
            rows.append({
                "theme": theme.title,
                "number": item.number,
                "said": item.said,
                "kind": item.kind,
                "source": item.source,
                "date": item.date.iso if item.date else None,
                "answered_by": [link.action.id for link in item.answering],
                "answered_how": [link.how for link in item.answering],
                "related_to": [link.action.id for link in item.related],
                "related_how": [link.how for link in item.related],
                "answered": not item.is_gap,
                "url": url_of(theme.uri) + "#" + item.anchor,
            })
            if SAID_BY_COLUMN in columns:
                rows[-1][SAID_BY_COLUMN] = theme.said_by
    return rows


def to_json(rows: list[dict], as_at, key: str = "actions", next_update=None, last_updated=None) -> str:
    """The rows as a JSON document. ``as_at`` is the date progress was last checked; ``last_updated``
    the day the site was last updated; ``next_update``, when set, the date the next update is due
    (all YYYY-MM-DD)."""
    document = {"as_at": as_at.isoformat()}
    if last_updated is not None:
        document["site_last_updated"] = last_updated.isoformat()
    if next_update is not None:
        document["next_update"] = next_update.isoformat()
    document.update({"count": len(rows), key: rows})
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: list[dict], columns=COLUMNS) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = list(columns)
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row[name]) for name in names])
    return buffer.getvalue()


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """One CSV cell. Text that a spreadsheet would run as a formula starts with an apostrophe, as
    OWASP recommends, so that it opens as the text it is (the JSON files keep the value unchanged)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        text = " | ".join(str(v) for v in value)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text

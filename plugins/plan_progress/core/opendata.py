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
    ("overdue", "true when the action is late: it has a published rating, its completion date was before the "
                "day the site was last updated (site_last_updated) and it is not completed. Always false for an action that nobody has rated yet."),
    ("due_passed", "true when the completion date was before the day the site was last updated and the action is not marked "
                   "completed, whether or not it has been rated (for an unrated action: no update published)."),
    ("leads", "The lead officer(s); in CSV separated by ' | '."),
    ("last_changed", "The date of the newest rating, empty when none has been published."),
    ("waiting_on", "Actions this one waits on; in CSV separated by ' | '."),
    ("easy_read", "true when the action has its own easy-read text; false while it is still being written."),
    ("url", "The action's page on this site."),
    ("as_at", "The date of the ratings: the day progress was last checked (YYYY-MM-DD)."),
    ("site_last_updated", "The day this site was last updated (YYYY-MM-DD): whether an action is late is worked "
                          "out against it."),
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


YOU_SAID_COLUMNS = (
    ("theme", "The theme the item belongs to."),
    ("number", "The item's position within its theme."),
    ("said", "What families or young people said, word for word from the source."),
    ("kind", "statistic, finding or quote."),
    ("source", "Who said it and how."),
    ("date", "When it was said, if known."),
    ("answered_by", "The actions that answer it; in CSV separated by ' | '."),
    ("answered_how", "For each action in answered_by, in the same order, one line on what it does about it; "
                     "in CSV separated by ' | '."),
    ("related_to", "Actions related to it that do not answer it; in CSV separated by ' | '."),
    ("related_how", "For each action in related_to, in the same order, one line on how it is related; "
                    "in CSV separated by ' | '."),
    ("answered", "false when no action in the plan answers it yet (even if some are related): a gap for the Board."),
    ("url", "The item on this site."),
)


def you_said_rows(plan: Plan, url_of) -> list[dict]:
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
    names = [name for name, _ in columns]
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

"""Keeping people informed: what's changed (page and Atom feed), the Board report, the open data page.

Everything comes from the dated history entries in the content and the configured "as at"
date, never from git or the clock, so the same content builds the same pages and feed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import yousaid
from .dates import PartialDate
from .model import Action, HistoryEntry
from .opendata import COLUMNS, you_said_columns
from .render import Renderer


@dataclass(frozen=True)
class Change:
    action: Action
    entry: HistoryEntry
    index: int  # position in the action's history, oldest first

    @property
    def anchor(self) -> str:
        return f"change-{self.action.id.replace('.', '-')}-{self.index + 1}"


def changes(plan, since: dt.date | None = None) -> list[Change]:
    """Every rating change, newest first (ties: by action number)."""
    found = [Change(a, e, i) for a in plan.actions for i, e in enumerate(a.history)
             if since is None or e.date.last_day > since]
    found.sort(key=lambda c: (-c.entry.date.first_day.toordinal(), c.action.sort_key, c.index))
    return found


def _month(date: PartialDate) -> str:
    return PartialDate(date.year, date.month).words if date.month else str(date.year)


class Reports:
    def __init__(self, renderer: Renderer, site_url: str, feed_uri: str, author: str,
                 previous_report: dt.date | None, licence: str, licence_url: str | None):
        self.r = renderer
        self.plan = renderer.plan
        self.site_url = site_url
        self.feed_uri = feed_uri
        self.author = author
        self.previous_report = previous_report
        self.licence = licence
        self.licence_url = licence_url

    def _unrated_label(self) -> str:
        unrated = next((s for s in self.plan.scale if not s.rated), None)
        return f'"{unrated.label}"' if unrated else self.r.text.text("unrated_fallback")

    # -- what's changed ---------------------------------------------------------------------

    def changes_view(self) -> dict:
        """What's changed: every change of status, newest first, by month."""
        months: list[tuple[str, list[Change]]] = []
        for change in changes(self.plan):
            label = _month(change.entry.date)
            if not months or months[-1][0] != label:
                months.append((label, []))
            months[-1][1].append(change)
        return {"feed": self.feed_uri, "unrated": self._unrated_label(),
                "months": [(label, label.lower().replace(" ", "-"), found) for label, found in months]}

    def recent(self, here: str, limit: int = 5) -> str:
        """For the home page: the newest changes, and where to find the rest."""
        return self.r.page("plan-progress/recent.html", here, found=changes(self.plan)[:limit], feed=self.feed_uri,
                           unrated=self._unrated_label())

    def feed(self, title: str) -> str:
        """An Atom 1.0 feed of status changes: stable ids, absolute links, no clock."""
        base = self.site_url
        found = changes(self.plan)[:100]
        updates = [{"news": u, "url": base + self.r.url_of(u.uri), "updated": _stamp(u.sort_day)}
                   for u in reversed(self.plan.updates)]
        updated = max([c.entry.date.first_day for c in found] + [u.sort_day for u in self.plan.updates],
                      default=self.plan.as_at)
        entries = [{"change": c, "url": base + self.r.url_of(c.action.uri), "updated": _stamp(c.entry.date.first_day)}
                   for c in found]
        return str(self.r.fragment("plan-progress/feed.xml", title=self.r.text.text("feed_title", site_name=title),
                                   feed_url=base + self.feed_uri,
                                   page_url=base + self.r.url_of(self.r.pages.uri("changes")),
                                   updated=_stamp(updated), author=self.author, entries=entries,
                                   updates=updates)) + "\n"

    # -- the Board report -------------------------------------------------------------------

    def board_report_view(self) -> dict:
        """The Board report: per area, the counts; what is late; what changed since the last report."""
        plan = self.plan
        rows = [{"area": area, "total": len(area.actions), "counts": plan.counts(area.actions),
                 "overdue": self.r.overdue_count(area.actions), "due_passed": self.r.due_passed_count(area.actions)}
                for area in plan.areas]
        gaps = [i for i in yousaid.every_item(plan) if not i.answered_by]
        return {"rows": rows, "totals": plan.counts(), "overdue": plan.overdue(),
                "due_passed": plan.due_passed_unrated(), "no_date": plan.no_date(),
                "unrated": self._unrated_label(), "absolute": self.site_url.rstrip("/") != "",
                "site_url": self.site_url, "gaps": gaps,
                "previous_report": _words(self.previous_report) if self.previous_report else None,
                "since": changes(plan, since=self.previous_report)}

    # -- open data ----------------------------------------------------------------------------

    def open_data_view(self, files: dict[str, str]) -> dict:
        """The open data page: the files (link text -> file) and what each column means."""
        return {"licence": self.licence, "licence_url": self.licence_url,
                "actions_files": [(text, uri) for text, uri in files.items() if "actions" in uri],
                "said_files": [(text, uri) for text, uri in files.items() if "you-said" in uri],
                "columns": self._columns(COLUMNS),
                "said_columns": self._columns(you_said_columns(self.plan), said=True)}

    def _columns(self, columns, said: bool = False) -> list[tuple[str, str]]:
        """Each column with its meaning in the site's words (``data_<column>``; for the you-said file's
        ``url``, ``data_item_url``)."""
        return [(name, self.r.text.text("data_item_url" if said and name == "url" else f"data_{name}"))
                for name in columns]


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _words(date: dt.date) -> str:
    from .dates import words

    return words(date)

"""Keeping people informed: what's changed (page and Atom feed), the Board report, the open data page.

Everything comes from the dated history entries in the content and the configured "as at"
date, never from git or the clock, so the same content builds the same pages and feed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from .dates import PartialDate
from .model import Action, HistoryEntry
from .opendata import COLUMNS, YOU_SAID_COLUMNS
from .render import Renderer, esc


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

    # -- what's changed ---------------------------------------------------------------------

    def change_item(self, change: Change, here: str) -> str:
        r = self.r
        entry, action = change.entry, change.action
        move = r.badge(entry.status)
        if entry.previous is not None:
            move = f'{r.badge(entry.previous)} <span class="pp-arrow">changed to</span> {move}'
        else:
            move = f'<span class="pp-arrow">First rating:</span> {move}'
        source = esc(entry.source)
        if entry.url:
            source = f'<a href="{esc(entry.url)}">{source}</a>'
        return (f'<li class="pp-event" id="{change.anchor}"><p class="pp-event__date">'
                f'<time datetime="{entry.date.iso}">{esc(entry.date.words)}</time></p>'
                f"<p>{r.link(here, action.uri, f'{action.id} {action.title}')}</p><p>{move}</p>"
                f"<p>{esc(entry.note)}</p><p class=\"pp-event__source\">Source: {source}</p></li>")

    def changes_page(self, here: str) -> str:
        r = self.r
        out = ["# What's changed", "",
               "<p>Every change to an action's status, newest first, with the date, the note and where it "
               "comes from.</p>",
               f'<p class="pp-feed-link">{r.link(here, self.feed_uri, "Follow these changes in a feed reader")} '
               "(an Atom feed).</p>", ""]
        found = changes(self.plan)
        if not found:
            out += [f'<p class="pp-blank">No action has been rated yet. Every action is shown as '
                    f"{esc(self._unrated_label())} until a published source gives evidence of its progress. "
                    f"Progress as at {esc(r.as_at_words())}.</p>", ""]
            return "\n".join(out) + "\n"
        month = None
        items: list[str] = []
        for change in found:
            label = _month(change.entry.date)
            if label != month:
                if items:
                    out += [f'<ol class="pp-timeline">{"".join(items)}</ol>', ""]
                    items = []
                month = label
                slug = label.lower().replace(" ", "-")
                out += [f"## {esc(label)} {{#{slug}}}", ""]
            items.append(self.change_item(change, here))
        out += [f'<ol class="pp-timeline">{"".join(items)}</ol>', ""]
        return "\n".join(out) + "\n"

    def recent(self, here: str, limit: int = 5) -> str:
        """For the home page: the newest changes, and where to find the rest."""
        r = self.r
        out = ["## What changed recently {#recent}", ""]
        found = changes(self.plan)[:limit]
        if found:
            out.append(f'<ol class="pp-timeline">{"".join(self.change_item(c, here) for c in found)}</ol>')
        else:
            out.append(f"<p>No action has been rated yet: every action is shown as {esc(self._unrated_label())} "
                       "until a published source gives evidence of its progress.</p>")
        links = [r.link_generated(here, "changes", "Every change"),
                 r.link(here, self.feed_uri, "Follow changes in a feed reader"),
                 r.link_generated(here, "board-report", "The Board report (printable)"),
                 r.link_generated(here, "open-data", "Open data (CSV and JSON)"),
                 r.link_generated(here, "er-home", "Easy read")]
        out += ["", '<ul class="pp-filter-links">' + "".join(f"<li>{link}</li>" for link in links) + "</ul>", ""]
        return "\n".join(out) + "\n"

    def _unrated_label(self) -> str:
        unrated = next((s for s in self.plan.scale if not s.rated), None)
        return f'"{unrated.label}"' if unrated else "unrated"

    def feed(self, title: str) -> str:
        """An Atom 1.0 feed of status changes: stable ids, absolute links, no clock."""
        base = self.site_url
        found = changes(self.plan)[:100]
        updated = max((c.entry.date.first_day for c in found), default=self.plan.as_at)
        page_url = base + self.r.url_of(self.r.generated["changes"])
        lines = ['<?xml version="1.0" encoding="utf-8"?>',
                 '<feed xmlns="http://www.w3.org/2005/Atom">',
                 f"  <title>{xml_escape(title)}: what's changed</title>",
                 f"  <id>{xml_escape(base + self.feed_uri)}</id>",
                 f'  <link rel="self" type="application/atom+xml" href="{xml_escape(base + self.feed_uri)}"/>',
                 f'  <link rel="alternate" type="text/html" href="{xml_escape(page_url)}"/>',
                 f"  <updated>{_stamp(updated)}</updated>",
                 f"  <author><name>{xml_escape(self.author)}</name></author>"]
        for change in found:
            entry, action = change.entry, change.action
            url = base + self.r.url_of(action.uri)
            before = f"{entry.previous.label} to " if entry.previous else ""
            summary = f"{before}{entry.status.label}. {entry.note} Source: {entry.source}"
            lines += ["  <entry>",
                      f"    <title>{xml_escape(f'{action.id} {action.title}: {entry.status.label}')}</title>",
                      f"    <id>{xml_escape(url + '#history-' + str(change.index + 1))}</id>",
                      f'    <link rel="alternate" type="text/html" href="{xml_escape(url)}"/>',
                      f"    <updated>{_stamp(entry.date.first_day)}</updated>",
                      f"    <summary>{xml_escape(summary)}</summary>",
                      "  </entry>"]
        lines.append("</feed>")
        return "\n".join(lines) + "\n"

    # -- the Board report -------------------------------------------------------------------

    def board_report(self, here: str) -> str:
        r, plan = self.r, self.plan
        absolute = self.site_url.rstrip("/") != ""
        out = [f"# Board report: {esc(r.words.plan_name)}", "",
               f'<p class="pp-as-at">Progress as at <strong>{esc(r.as_at_words())}</strong>. '
               f"{esc(r.words.ratings_note)}</p>", ""]
        # Summary counts: one row per area, one column per status.
        head = "".join(f'<th scope="col">{esc(s.label)}</th>' for s in plan.scale)
        rows = []
        for area in plan.areas:
            counts = plan.counts(area.actions)
            overdue = sum(1 for a in area.actions if a.is_overdue(plan.as_at))
            cells = "".join(f"<td>{counts[s.key]}</td>" for s in plan.scale)
            rows.append(f'<tr><th scope="row">{esc(area.name)}</th><td>{len(area.actions)}</td>{cells}'
                        f"<td>{overdue}</td></tr>")
        totals = plan.counts()
        total_cells = "".join(f"<td>{totals[s.key]}</td>" for s in plan.scale)
        rows.append(f'<tr class="pp-total"><th scope="row">All areas</th><td>{len(plan.actions)}</td>{total_cells}'
                    f"<td>{len(plan.overdue())}</td></tr>")
        out += ["## Summary {#summary}", "",
                '<div class="pp-table-wrap"><table class="pp-summary"><caption>Actions by area and status'
                f'</caption><thead><tr><th scope="col">Area</th><th scope="col">Actions</th>{head}'
                f'<th scope="col">Overdue</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>', ""]
        overdue = plan.overdue()
        out += ["## Overdue actions {#overdue}", ""]
        if overdue:
            out += [f"<p>{len(overdue)} actions are past their completion date and not marked completed.</p>",
                    self.report_table(overdue, here, "Overdue actions", absolute), ""]
        else:
            out += ["<p>No action is overdue.</p>", ""]
        out += ["## Changes since the last report {#changes}", ""]
        if self.previous_report:
            recent = changes(plan, since=self.previous_report)
            out.append(f"<p>Changes after {esc(_words(self.previous_report))}:</p>")
            if recent:
                out.append(f'<ol class="pp-timeline">{"".join(self.change_item(c, here) for c in recent)}</ol>')
            else:
                out.append("<p>No status has changed since then.</p>")
        else:
            out.append("<p>No previous report date is set (previous_report in mkdocs.yml).</p>")
        out.append("")
        if plan.themes:
            gaps = [i for t in plan.themes for i in t.items if not i.answered_by]
            out += ["## What families said that no action answers yet {#gaps}", ""]
            if gaps:
                lis = "".join(f"<li>{esc(i.said)} <span class=\"pp-source\">({esc(i.theme.title)}; "
                              f"{esc(i.source)})</span></li>" for i in gaps)
                out.append(f'<ul class="pp-gaps">{lis}</ul>')
            else:
                out.append("<p>Every item is answered by at least one action.</p>")
            out.append("")
        for area in plan.areas:
            slug = f"area-{area.number}"
            out += [f'<section class="pp-report-area" aria-labelledby="{slug}">',
                    f'<h2 id="{slug}">{esc(area.name)}</h2>',
                    f"<p>{esc(r.summary_sentence(area.actions))}</p>",
                    self.report_table(area.actions, here, f"Every action in {area.name}", absolute),
                    "</section>", ""]
        return "\n".join(out) + "\n"

    def report_table(self, actions, here: str, caption: str, absolute: bool) -> str:
        r = self.r
        rows = []
        for action in actions:
            if absolute:
                link = f'<a href="{esc(self.site_url + r.url_of(action.uri))}">{esc(action.title)}</a>'
            else:
                link = r.link(here, action.uri, action.title)
            latest = action.history[-1] if action.history else None
            note = (f"{esc(latest.note)} <span class=\"pp-source\">({esc(latest.date.words)}; "
                    f"{esc(latest.source)})</span>") if latest else '<span class="pp-blank">No rating yet</span>'
            due = esc(action.due.words) if action.due else esc(action.due_text or "Not stated in the plan")
            rows.append(f'<tr><th scope="row">{esc(action.id)}</th><td>{link}</td><td>{due}</td>'
                        f"<td>{r.status_line(action)}</td><td>{note}</td></tr>")
        return (f'<div class="pp-table-wrap"><table class="pp-actions pp-report"><caption>{esc(caption)}</caption>'
                '<thead><tr><th scope="col">Number</th><th scope="col">Action</th><th scope="col">Due</th>'
                '<th scope="col">Status</th><th scope="col">Latest note</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>')

    # -- open data ----------------------------------------------------------------------------

    def open_data_page(self, here: str, files: dict[str, str]) -> str:
        r = self.r
        licence = (f'<a href="{esc(self.licence_url)}">{esc(self.licence)}</a>' if self.licence_url
                   else esc(self.licence))
        out = ["# Open data", "",
               f"<p>Every action of the {esc(r.words.plan_name)} is published as data you can download, "
               "open in a spreadsheet and reuse. The files are made from the same content as this website, "
               f"each time it is built. Progress as at {esc(r.as_at_words())}.</p>",
               f"<p>Licence: {licence}.</p>", "", "## Actions {#actions}", ""]
        out.append("<ul>" + "".join(f"<li>{r.link(here, uri, text)}</li>"
                                    for text, uri in files.items() if "actions" in uri) + "</ul>")
        out += ["", self.columns_table(COLUMNS, "Columns of the actions files"), ""]
        said = {t: u for t, u in files.items() if "you-said" in u}
        if said:
            out += ["## You said, we did {#you-said}", "",
                    "<ul>" + "".join(f"<li>{r.link(here, uri, text)}</li>" for text, uri in said.items()) + "</ul>",
                    "", self.columns_table(YOU_SAID_COLUMNS, "Columns of the you-said files"), ""]
        out += ["## Notes {#notes}", "",
                "<p>In the CSV files, a list (such as several lead officers) is written with ' | ' between "
                "the items, and true or false means yes or no. The JSON files hold the same columns, with "
                "lists as lists, and say the date the data is as at.</p>", ""]
        return "\n".join(out) + "\n"

    @staticmethod
    def columns_table(columns, caption: str) -> str:
        rows = "".join(f'<tr><th scope="row"><code>{esc(name)}</code></th><td>{esc(meaning)}</td></tr>'
                       for name, meaning in columns)
        return (f'<div class="pp-table-wrap"><table><caption>{esc(caption)}</caption><thead><tr>'
                f'<th scope="col">Column</th><th scope="col">What it means</th></tr></thead>'
                f"<tbody>{rows}</tbody></table></div>")


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _words(date: dt.date) -> str:
    from .dates import words

    return words(date)

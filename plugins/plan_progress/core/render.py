"""Turn the plan into page content: Markdown headings around small, escaped HTML fragments.

One badge function renders every status everywhere. Every fragment is built from
the model and the configured words; nothing here knows a local area's name.
The renderer never links with JavaScript and never shows status by colour alone.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Callable

from .dates import words as date_words
from .links import relative
from .model import Action, Area, Plan, Theme
from .scale import Status

NOT_STATED = "Not stated in the plan"


def esc(text) -> str:
    return html.escape(str(text), quote=True)


@dataclass
class Words:
    """Configurable words that appear on generated pages."""

    plan_name: str = "the plan"
    ratings_note: str = ""
    not_stated: str = NOT_STATED


@dataclass
class Renderer:
    plan: Plan
    url_of: Callable[[str], str]  # page uri -> site-relative url ("areas/1/1-1/")
    icon: Callable[[str], str]  # icon name -> inline SVG markup
    words: Words = field(default_factory=Words)
    generated: dict[str, str] = field(default_factory=dict)  # role -> uri of generated pages

    # -- small pieces -------------------------------------------------------

    def svg(self, name: str, css: str = "pp-icon") -> str:
        markup = self.icon(name)
        return markup.replace("<svg ", f'<svg class="{css}" aria-hidden="true" focusable="false" ', 1)

    def badge(self, status: Status) -> str:
        """The one status badge: icon, word and colour; never a link."""
        return (f'<span class="pp-badge {status.css_class}">{self.svg(status.icon)}'
                f'<span class="pp-badge__label">{esc(status.label)}</span></span>')

    def overdue_flag(self) -> str:
        return (f'<span class="pp-flag">{self.svg("material/clock-alert-outline")}'
                f'<span>Overdue</span></span>')

    def status_line(self, action: Action) -> str:
        flag = f" {self.overdue_flag()}" if action.is_overdue(self.plan.as_at) else ""
        return f'<span class="pp-status">{self.badge(action.status)}{flag}</span>'

    def link(self, here: str, uri: str, text: str, fragment: str = "") -> str:
        target = self.url_of(uri) + (f"#{fragment}" if fragment else "")
        return f'<a href="{esc(relative(self.url_of(here), target))}">{esc(text)}</a>'

    def link_generated(self, here: str, role: str, text: str) -> str:
        return self.link(here, self.generated[role], text)

    def due_words(self, action: Action) -> str:
        if action.due and action.due_text:
            return f"{action.due.words} (the plan says: {action.due_text})"
        if action.due:
            return action.due.words
        if action.due_text:
            return action.due_text
        return self.words.not_stated

    def as_at_words(self) -> str:
        return date_words(self.plan.as_at)

    # -- counts ----------------------------------------------------------------

    def counts_list(self, actions: list[Action], here: str, skip_zero: bool = False) -> str:
        counts = self.plan.counts(actions)
        items = []
        for status in self.plan.scale:
            number = counts[status.key]
            if skip_zero and not number:
                continue
            noun = "action" if number == 1 else "actions"
            label = self.badge(status)
            items.append(f'<li>{label} <span class="pp-count"><strong>{number}</strong> {noun}</span></li>')
        overdue = sum(1 for a in actions if a.is_overdue(self.plan.as_at))
        if overdue:
            noun = "action is" if overdue == 1 else "actions are"
            items.append(f'<li>{self.overdue_flag()} <span class="pp-count"><strong>{overdue}</strong> '
                         f'{noun} past the completion date in the plan</span></li>')
        return f'<ul class="pp-counts">{"".join(items)}</ul>'

    def bar(self, actions: list[Action]) -> str:
        """A stacked bar of the counts: decoration only, the numbers are always given in words."""
        total = len(actions)
        if not total:
            return ""
        counts = self.plan.counts(actions)
        parts = []
        for status in self.plan.scale:
            if counts[status.key]:
                width = f"{100 * counts[status.key] / total:.3f}".rstrip("0").rstrip(".")
                parts.append(f'<span class="pp-bar__part {status.css_class}" style="width:{width}%"></span>')
        return f'<div class="pp-bar" aria-hidden="true">{"".join(parts)}</div>'

    def summary_sentence(self, actions: list[Action]) -> str:
        total = len(actions)
        counts = self.plan.counts(actions)
        phrases = [f"{n} {s.label.lower()}" for s in self.plan.scale if (n := counts[s.key])]
        noun = "action" if total == 1 else "actions"
        if not phrases:
            return f"{total} {noun}."
        return f"{total} {noun}: " + _join(phrases) + "."

    # -- tables ------------------------------------------------------------------

    def actions_table(self, actions: list[Action], here: str, caption: str, show_area: bool = False) -> str:
        if not actions:
            return '<p class="pp-empty">There are no actions to show here.</p>'
        head = ["Number", "Action"] + (["Area"] if show_area else []) + ["Lead", "Due", "Status"]
        rows = []
        for action in actions:
            cells = [f'<th scope="row">{esc(action.id)}</th>',
                     f"<td>{self.link(here, action.uri, action.title)}</td>"]
            if show_area:
                cells.append(f"<td>{self.link(here, action.area.uri, action.area.name)}</td>")
            leads = "<br>".join(esc(lead) for lead in action.leads) or f'<span class="pp-blank">{NOT_STATED}</span>'
            due = esc(action.due.words) if action.due else (
                esc(action.due_text) if action.due_text else f'<span class="pp-blank">{NOT_STATED}</span>')
            cells += [f"<td>{leads}</td>", f"<td>{due}</td>", f"<td>{self.status_line(action)}</td>"]
            rows.append(f'<tr data-status="{esc(action.status.key)}" data-area="{action.area.number}">'
                        f"{''.join(cells)}</tr>")
        header = "".join(f'<th scope="col">{h}</th>' for h in head)
        return (f'<div class="pp-table-wrap"><table class="pp-actions">'
                f"<caption>{esc(caption)}</caption><thead><tr>{header}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></div>")

    # -- pages -------------------------------------------------------------------

    def home(self, here: str, body: str) -> str:
        plan = self.plan
        out = [body.rstrip(), ""]
        out += [f"## Where the plan stands {{#where-the-plan-stands}}", ""]
        out.append(f'<p class="pp-as-at">Progress as at <strong>{esc(self.as_at_words())}</strong>. '
                   f"{esc(self.words.ratings_note)}</p>")
        out += ["", f"<p>{esc(self.summary_sentence(plan.actions))}</p>", "",
                self.counts_list(plan.actions, here), "", self.bar(plan.actions), ""]
        key = self.link_generated(here, "status-key", "What each status means")
        all_actions = self.link_generated(here, "actions", "See every action in one list")
        out += [f'<p>{key}. {all_actions}.</p>', ""]
        out += ["## Progress in each area {#areas}", ""]
        cards = []
        for area in plan.areas:
            cards.append(
                f'<li class="pp-area-card"><h3>{self.link(here, area.uri, area.name)}</h3>'
                f"<p>{esc(self.summary_sentence(area.actions))}</p>"
                f"{self.bar(area.actions)}</li>")
        out += [f'<ul class="pp-area-cards">{"".join(cards)}</ul>', ""]
        return "\n".join(out) + "\n"

    def area(self, area: Area, body: str) -> str:
        here = area.uri
        out = [f"# {esc(area.name)}", ""]
        out += ["## What the inspectors found {#finding}", "", f"<p>{esc(area.finding)}</p>", ""]
        out += ["## What we aim to do {#aim}", "", f"<p>{esc(area.aim)}</p>", ""]
        out += ["## What will be different {#outcomes}", "", self.text_list(area.outcomes), ""]
        if area.co_produced_with:
            out += ["## Who shaped this {#co-produced}", "", self.text_list(area.co_produced_with), ""]
        out += ["## Progress {#progress}", ""]
        out.append(f'<p class="pp-as-at">As at {esc(self.as_at_words())}: '
                   f"{esc(self.summary_sentence(area.actions))}</p>")
        out += ["", self.counts_list(area.actions, here, skip_zero=True), "", self.bar(area.actions), ""]
        out += ["## Actions {#actions}", "",
                self.actions_table(area.actions, here, f"The actions for {area.name}"), ""]
        if body.strip():
            out += ["## More about this area {#more}", "", body.strip(), ""]
        return "\n".join(out) + "\n"

    def action(self, action: Action, body: str) -> str:
        here = action.uri
        as_at = self.plan.as_at
        out = [f"# {esc(action.id)} {esc(action.title)}", ""]
        facts = [("Status", self.status_line(action)),
                 ("Completion date", esc(self.due_words(action))),
                 ("Area", self.link(here, action.area.uri, action.area.name))]
        if action.last_changed:
            facts.append(("Status last changed", esc(action.last_changed.words)))
        else:
            facts.append(("Status last changed", "No rating has been published yet"))
        rows = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in facts)
        out += [f'<dl class="pp-facts">{rows}</dl>', ""]
        if action.is_overdue(as_at):
            out += [f'<p class="pp-note">This action is overdue: its completion date '
                    f"({esc(self.due_words(action))}) was before {esc(self.as_at_words())} and it is not "
                    "marked as completed.</p>", ""]
        if action.waiting_on:
            out += ["## Waiting on {#waiting-on}", "",
                    "<p>This action starts when these actions are done:</p>",
                    self.mini_list(action.waiting_on, here), ""]
        if action.blocks:
            out += ["## Other actions waiting on this one {#blocks}", "", self.mini_list(action.blocks, here), ""]
        out += ["## Who leads it {#leads}", "", self.text_list(action.leads), ""]
        out += ["## Key milestones {#milestones}", "", self.milestones(action), ""]
        out += ["## What it should change {#outcomes}", "", self.text_list(action.outcomes), ""]
        out += ["## Evidence {#evidence}", "", self.text_list(action.evidence), ""]
        out += ["## How it is checked {#accountability}", "", self.text_list(action.accountability), ""]
        out += ["## Resources {#resources}", "", self.resources(action), ""]
        if action.co_produced_with:
            out += ["## Who shaped this {#co-produced}", "", self.text_list(action.co_produced_with), ""]
        out += ["## Progress history {#history}", "", self.history(action), ""]
        if self.plan.themes:
            out += ["## This answers what families told us {#you-said}", "", self.answers(action), ""]
        if body.strip():
            out += ["## More about this action {#more}", "", body.strip(), ""]
        return "\n".join(out) + "\n"

    def text_list(self, items: list[str]) -> str:
        if not items:
            return f'<p class="pp-blank">{NOT_STATED}.</p>'
        if len(items) == 1:
            return f"<p>{esc(items[0])}</p>"
        return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"

    def mini_list(self, actions: list[Action], here: str) -> str:
        items = "".join(f"<li>{self.link(here, a.uri, f'{a.id} {a.title}')} {self.status_line(a)}</li>"
                        for a in actions)
        return f'<ul class="pp-mini">{items}</ul>'

    def milestones(self, action: Action) -> str:
        if not action.milestones:
            return f'<p class="pp-blank">{NOT_STATED}.</p>'
        items = []
        for m in action.milestones:
            bits = [f'<span class="pp-milestone__text">{esc(m.text)}</span>']
            if m.date:
                bits.append(f'<span class="pp-milestone__date">Due {esc(m.date.words)}</span>')
            if m.done is True:
                bits.append(f'<span class="pp-milestone__done">{self.svg("material/check")}Done</span>')
            elif m.done is False:
                bits.append('<span class="pp-milestone__done">Not done yet</span>')
            items.append(f'<li class="pp-milestone">{" ".join(bits)}</li>')
        return f'<ol class="pp-milestones">{"".join(items)}</ol>'

    def resources(self, action: Action) -> str:
        if not action.resources:
            return f'<p class="pp-blank">{NOT_STATED}.</p>'
        kinds = {"additional": "Additional resource", "existing": "Existing resource"}
        items = []
        for r in action.resources:
            kind = f' <span class="pp-resource-kind">({kinds[r.kind]})</span>' if r.kind else ""
            items.append(f"<li>{esc(r.text)}{kind}</li>")
        return f'<ul>{"".join(items)}</ul>'

    def history(self, action: Action) -> str:
        if not action.history:
            return (f'<p class="pp-blank">No published source has rated this action yet. '
                    f"It will be rated when the {esc(self.words.plan_name)} is next reviewed.</p>")
        items = []
        for entry in reversed(action.history):
            change = self.badge(entry.status)
            if entry.previous is not None and entry.previous is not entry.status:
                change = f'{self.badge(entry.previous)} <span class="pp-arrow">changed to</span> {change}'
            source = esc(entry.source)
            if entry.url:
                source = f'<a href="{esc(entry.url)}">{source}</a>'
            items.append(
                f'<li class="pp-event"><p class="pp-event__date"><time datetime="{entry.date.iso}">'
                f"{esc(entry.date.words)}</time></p><p>{change}</p><p>{esc(entry.note)}</p>"
                f'<p class="pp-event__source">Source: {source}</p></li>')
        return f'<ol class="pp-timeline" reversed>{"".join(items)}</ol>'

    def answers(self, action: Action) -> str:
        if not action.answers:
            return "<p>No item of what families told us is linked to this action yet.</p>"
        items = []
        for item in action.answers:
            items.append(f"<li><q>{esc(item.said)}</q> "
                         f"<span class=\"pp-source\">({esc(item.source)})</span> "
                         f"{self.link(action.uri, item.theme.uri, f'More on {item.theme.title}', item.anchor)}</li>")
        return f'<ul class="pp-answers">{"".join(items)}</ul>'

    def status_key(self, here: str) -> str:
        out = ["# What each status means", ""]
        out.append(f"<p>Every action in the {esc(self.words.plan_name)} has one status. "
                   "Each status has a word, a picture and a colour, so you do not need to see colour "
                   "to read it.</p>")
        if self.words.ratings_note:
            out.append(f"<p>{esc(self.words.ratings_note)}</p>")
        out.append(f'<p class="pp-as-at">Progress as at <strong>{esc(self.as_at_words())}</strong>.</p>')
        out.append("")
        counts = self.plan.counts()
        rows = []
        for status in self.plan.scale:
            number = counts[status.key]
            noun = "action" if number == 1 else "actions"
            link = self.link_generated(here, f"status:{status.key}", f"{number} {noun}")
            rows.append(f"<div><dt>{self.badge(status)}</dt><dd><p>{esc(status.meaning)}</p>"
                        f"<p>{link} {'has' if number == 1 else 'have'} this status.</p></dd></div>")
        out += [f'<dl class="pp-key">{"".join(rows)}</dl>', ""]
        out += ["## Overdue {#overdue}", "",
                f"<p>{self.overdue_flag()} is shown beside the status of an action whose completion date "
                f"in the plan was before {esc(self.as_at_words())} and which is not marked as completed. "
                "A date given only as a month means the end of that month.</p>", ""]
        return "\n".join(out) + "\n"

    def all_actions(self, here: str) -> str:
        out = ["# All actions", "",
               f"<p>All {len(self.plan.actions)} actions of the {esc(self.words.plan_name)}, "
               f"with their status as at {esc(self.as_at_words())}.</p>", "",
               "<p>Show only the actions that are:</p>", self.status_filter_links(here, None), "",
               "<p>Show only the actions in:</p>", self.area_filter_links(here, None), "",
               self.filter_control(),
               self.actions_table(self.plan.actions, here, "Every action in the plan", show_area=True), ""]
        return "\n".join(out) + "\n"

    def filter_control(self) -> str:
        """A filter for the table that JavaScript switches on; without it the links above do the job."""
        statuses = "".join(f'<option value="{esc(s.key)}">{esc(s.label)}</option>' for s in self.plan.scale)
        areas = "".join(f'<option value="{a.number}">{esc(a.name)}</option>' for a in self.plan.areas)
        return ('<div class="pp-filter" data-pp-filter hidden><fieldset><legend>Filter the table</legend>'
                '<div class="pp-filter__field"><label for="pp-filter-status">Status</label>'
                f'<select id="pp-filter-status" name="status"><option value="">Any status</option>{statuses}'
                '</select></div><div class="pp-filter__field"><label for="pp-filter-area">Area</label>'
                f'<select id="pp-filter-area" name="area"><option value="">Any area</option>{areas}</select></div>'
                '</fieldset><p class="pp-filter__count" role="status" aria-live="polite"></p></div>')

    def filter_links(self, here: str, entries) -> str:
        """The list of plain filter pages: (text, is this page, generated page key) each; the current
        page is named, not linked."""
        items = [f'<li><span aria-current="page">{esc(text)}</span></li>' if current
                 else f"<li>{self.link_generated(here, key, text)}</li>" for text, current, key in entries]
        return f'<ul class="pp-filter-links">{"".join(items)}</ul>'

    def area_filter_links(self, here: str, current) -> str:
        return self.filter_links(here, ((f"{area.name} ({len(area.actions)})", current is area,
                                         f"area-list:{area.number}") for area in self.plan.areas))

    def area_list_page(self, area, here: str) -> str:
        out = [f"# Actions: {esc(area.name)}", "",
               f"<p>{esc(self.summary_sentence(area.actions))} Status as at {esc(self.as_at_words())}. "
               f"{self.link(here, area.uri, f'About {area.name}')}. "
               f"{self.link_generated(here, 'actions', 'See all actions')}.</p>", "",
               *self.other_areas(here, area),
               self.actions_table(area.actions, here, f"The actions for {area.name}"), ""]
        return "\n".join(out) + "\n"

    # Up to this many areas, each area's list of actions links to every other area's list; beyond
    # it (a national view of hundreds of areas) that would be quadratic in pages, bytes and search
    # index, so the page links to the one list of every area instead.
    OTHER_AREAS_LIMIT = 24

    def other_areas(self, here: str, area) -> list[str]:
        if len(self.plan.areas) <= self.OTHER_AREAS_LIMIT:
            return ["<p>Other areas:</p>", self.area_filter_links(here, area), ""]
        return [f"<p>{self.link_generated(here, 'actions', f'Other areas: see all {len(self.plan.areas)}')}"
                ".</p>", ""]

    def status_filter_links(self, here: str, current: Status | None) -> str:
        counts = self.plan.counts()
        return self.filter_links(here, ((f"{status.label} ({counts[status.key]})", current is status,
                                         f"status:{status.key}") for status in self.plan.scale))

    def status_page(self, status: Status, here: str) -> str:
        actions = [a for a in self.plan.actions if a.status is status]
        number = len(actions)
        out = [f"# Actions: {esc(status.label)}", "",
               f"<p>{self.badge(status)} {esc(status.meaning)}</p>", "",
               f"<p>{number} {'action has' if number == 1 else 'actions have'} this status "
               f"as at {esc(self.as_at_words())}. "
               f"{self.link_generated(here, 'actions', 'See all actions')}.</p>", "",
               "<p>Other statuses:</p>", self.status_filter_links(here, status), "",
               self.actions_table(actions, here, f"Actions with the status {status.label}", show_area=True), ""]
        return "\n".join(out) + "\n"


class YouSaidRenderer:
    """'You said, we did': what families said, beside the actions that answer it, with live badges."""

    def __init__(self, renderer: Renderer):
        self.r = renderer
        self.plan = renderer.plan

    def item(self, item, here: str) -> str:
        r = self.r
        said = esc(item.said)
        said_html = (f'<blockquote class="pp-said__quote"><p>{said}</p></blockquote>' if item.kind == "quote"
                     else f'<p class="pp-said__text">{said}</p>')
        when = f", {esc(item.date.words)}" if item.date and item.date.words not in item.source else ""
        parts = [f'<li class="pp-said" id="{item.anchor}">',
                 f'<div class="pp-said__what"><p class="pp-said__label">You said</p>{said_html}'
                 f'<p class="pp-said__source">Source: {esc(item.source)}{when}</p></div>',
                 '<div class="pp-said__did"><p class="pp-said__label">What we are doing</p>']
        if item.answered_by:
            links = "".join(f"<li>{r.link(here, a.uri, f'{a.id} {a.title}')} {r.status_line(a)}</li>"
                            for a in item.answered_by)
            parts.append(f'<ul class="pp-mini">{links}</ul>')
        else:
            parts.append('<p class="pp-said__none">No action in the plan yet.</p>')
        parts.append("</div></li>")
        return "".join(parts)

    def theme(self, theme, body: str) -> str:
        here = theme.uri
        answered = sum(1 for i in theme.items if i.answered_by)
        out = [f"# You said: {esc(theme.title)}", ""]
        if theme.intro:
            out += [f"<p>{esc(theme.intro)}</p>", ""]
        if body.strip():
            out += [body.strip(), ""]
        out += [f'<p class="pp-as-at">{len(theme.items)} things families told us about '
                f"{esc(theme.title.lower())}. {answered} of them "
                f"{'is' if answered == 1 else 'are'} answered by an action in the plan. "
                f"Statuses are as at {esc(self.r.as_at_words())}.</p>", ""]
        if theme.items:
            out.append(f'<ol class="pp-said-list">{"".join(self.item(i, here) for i in theme.items)}</ol>')
        else:
            out.append('<p class="pp-blank">Nothing has been added to this theme yet.</p>')
        return "\n".join(out) + "\n"

    def overview(self, here: str, body: str) -> str:
        r = self.r
        themes = self.plan.themes
        items = [i for t in themes for i in t.items]
        answered = sum(1 for i in items if i.answered_by)
        out = [body.rstrip() if body.strip() else "# You said, we did", ""]
        out += ["## Themes {#themes}", "",
                f"<p>Families told us {_count(len(items), 'thing')} in {_count(len(themes), 'theme')}. "
                f"{_count(answered, 'is', 'are')} answered by at least one action in the plan; "
                f"{_count(len(items) - answered, 'is', 'are')} not answered by any action yet.</p>", ""]
        rows = []
        for theme in themes:
            done = sum(1 for i in theme.items if i.answered_by)
            rows.append(f'<tr><th scope="row">{r.link(here, theme.uri, theme.title)}</th>'
                        f"<td>{len(theme.items)}</td><td>{done}</td><td>{len(theme.items) - done}</td></tr>")
        out += ['<div class="pp-table-wrap"><table class="pp-themes"><caption>What families told us, by theme'
                '</caption><thead><tr><th scope="col">Theme</th><th scope="col">Things said</th>'
                '<th scope="col">Answered by an action</th><th scope="col">Not answered yet</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>', ""]
        out += ["## What no action answers yet {#gaps}", "",
                "<p>These are the things families told us that no action in the plan answers yet.</p>", ""]
        gaps = [i for i in items if not i.answered_by]
        if gaps:
            lis = "".join(f"<li>{r.link(here, i.theme.uri, i.said, i.anchor)} "
                          f'<span class="pp-source">({esc(i.theme.title)}; {esc(i.source)})</span></li>'
                          for i in gaps)
            out.append(f'<ul class="pp-gaps">{lis}</ul>')
        else:
            out.append("<p>Every item is answered by at least one action.</p>")
        return "\n".join(out) + "\n"


def _count(number: int, singular: str, plural: str | None = None) -> str:
    """>>> _count(1, "thing"), _count(2, "thing"), _count(1, "is", "are")
    ('1 thing', '2 things', '1 is')
    """
    word = singular if number == 1 else (plural or singular + "s")
    return f"{number} {word}"


def _join(phrases: list[str]) -> str:
    if len(phrases) == 1:
        return phrases[0]
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]

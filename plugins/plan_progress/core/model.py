"""The plan as objects: areas hold actions, actions hold milestones and a rating history.

Built by ``loader.load_plan`` from validated front-matter; read by the renderers
and the open-data writers. Nothing here knows about MkDocs or any one local area.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .dates import PartialDate, SourceDate
from .scale import Status


@dataclass
class Milestone:
    text: str
    date: PartialDate | None = None
    done: bool | None = None


@dataclass
class Resource:
    text: str
    kind: str | None = None  # "additional" | "existing" | None (the plan does not say)


@dataclass(frozen=True)
class Idea:
    """One easy-read idea: a picture to the left of 1 to 3 short sentences."""

    text: str  # one sentence a line
    picture: str  # the name written in the content, for example "openmoji/1F4C5"
    alt: str  # what the picture shows; "" where the words say it all (written alt: "" on purpose)
    file: str  # the picture's path in the site, for example "assets/pictures/openmoji/1F4C5.svg"

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


@dataclass
class HistoryEntry:
    date: PartialDate
    status: Status
    note: str
    source: str
    url: str | None = None
    previous: Status | None = None  # the rating before this one, if any


@dataclass
class Action:
    id: str
    title: str
    uri: str
    path: str
    area: "Area"  # the loader makes an action only inside its area's folder
    status: Status  # the loader makes an action only with a status of the scale
    leads: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    accountability: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    due: PartialDate | None = None
    due_text: str | None = None
    history: list[HistoryEntry] = field(default_factory=list)  # oldest first
    waiting_on: list["Action"] = field(default_factory=list)
    short_title: str | None = None
    co_produced_with: list[str] = field(default_factory=list)
    easy_read_title: str | None = None
    easy_read_ideas: list[Idea] = field(default_factory=list)
    easy_read: str | None = None  # every idea's text, one sentence a line (open data; older renderers)
    said_links: list["SaidLink"] = field(default_factory=list)  # "You said" items linked to it
    blocks: list["Action"] = field(default_factory=list)  # actions waiting on this one

    @property
    def label(self) -> str:
        """The action's number and short title (or full title): its name in menus and links."""
        return f"{self.id} {self.short_title or self.title}"

    @property
    def slug(self) -> str:
        """The action's number as an address: "2.14" -> "2-14"."""
        return self.id.replace(".", "-")

    @property
    def sort_key(self) -> tuple[int, int]:
        area, number = self.id.split(".")
        return int(area), int(number)

    def due_passed(self, as_at: dt.date) -> bool:
        """Its completion date was before the progress date and it is not completed, whether or not
        anyone has rated it. A fact about the calendar, not a judgement: say it without alarm."""
        return bool(self.due and self.due.last_day < as_at and not self.status.done)

    def is_overdue(self, as_at: dt.date) -> bool:
        """Late: a published rating (a status that is ``rated`` in the scale) and the completion date
        passed before the progress date without the action being completed. An action nobody has
        rated is never overdue: the site does not know that it is late, only that its date passed
        (``due_passed``). Every page, count and file asks this one question."""
        return self.status.rated and self.due_passed(as_at)

    def awaiting_update(self, as_at: dt.date) -> bool:
        """Its completion date passed but no rating has been published: shown neutrally."""
        return not self.status.rated and self.due_passed(as_at)

    @property
    def last_changed(self) -> PartialDate | None:
        return self.history[-1].date if self.history else None

    @property
    def answers(self) -> list["YouSaidItem"]:
        """The "You said" items this action answers (not those it is only related to)."""
        return [link.item for link in self.said_links if link.answers]

    @property
    def related_items(self) -> list["YouSaidItem"]:
        """The "You said" items this action is related to but does not answer."""
        return [link.item for link in self.said_links if not link.answers]


@dataclass
class Area:
    number: int
    title: str
    finding: str
    aim: str
    uri: str
    path: str
    outcomes: list[str] = field(default_factory=list)
    co_produced_with: list[str] = field(default_factory=list)
    easy_read_title: str | None = None
    easy_read_ideas: list[Idea] = field(default_factory=list)
    easy_read: str | None = None  # every idea's text, one sentence a line (open data; older renderers)
    actions: list[Action] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return self.uri.rsplit("/", 1)[0] if "/" in self.uri else ""

    @property
    def name(self) -> str:
        return f"Area {self.number}: {self.title}"


ANSWERS = "answers"  # the action commits to doing what was asked, or to fixing what was found
RELATED = "related"  # the action touches the subject but does not commit to what was asked
RELATIONS = (ANSWERS, RELATED)

FAMILIES = "families"  # who said what a "You said" theme holds: families (the default) ...
INSPECTORS = "inspectors"  # ... or inspectors (their findings, counted and shown apart)
SAID_BY = (FAMILIES, INSPECTORS)


@dataclass
class SaidLink:
    """One link from a "You said" item to an action, with what the action does about it."""

    item: "YouSaidItem"
    action: Action
    how: str  # one line, from the action's own words in the plan
    relation: str = ANSWERS

    @property
    def answers(self) -> bool:
        return self.relation == ANSWERS


@dataclass
class YouSaidItem:
    said: str
    source: str
    theme: "Theme"
    kind: str | None = None
    date: PartialDate | None = None
    links: list[SaidLink] = field(default_factory=list)  # answers first, then related, as written
    number: int = 0  # position within its theme, from 1

    @property
    def anchor(self) -> str:
        return f"said-{self.number}"

    @property
    def answered_by(self) -> list[Action]:
        """The actions that answer it. None: it is a gap, even if some actions are related."""
        return [link.action for link in self.links if link.answers]

    @property
    def related_to(self) -> list[Action]:
        return [link.action for link in self.links if not link.answers]

    @property
    def answering(self) -> list[SaidLink]:
        return [link for link in self.links if link.answers]

    @property
    def related(self) -> list[SaidLink]:
        return [link for link in self.links if not link.answers]

    @property
    def is_gap(self) -> bool:
        """No action in the plan answers it: a gap for the Board to see."""
        return not self.answered_by


@dataclass
class Theme:
    title: str
    uri: str
    path: str
    intro: str | None = None
    items: list[YouSaidItem] = field(default_factory=list)
    easy_read_title: str | None = None
    easy_read_ideas: list[Idea] = field(default_factory=list)
    easy_read: str | None = None  # every idea's text, one sentence a line (open data; older renderers)
    said_by: str = FAMILIES  # FAMILIES or INSPECTORS

    @property
    def slug(self) -> str:
        """The theme's file name without .md: its address in easy read."""
        return self.uri.rsplit("/", 1)[-1].removesuffix(".md")


@dataclass
class Home:
    uri: str
    path: str
    title: str | None = None
    easy_read_title: str | None = None
    easy_read_ideas: list[Idea] = field(default_factory=list)
    easy_read: str | None = None  # every idea's text, one sentence a line (open data; older renderers)


@dataclass
class Term:
    term: str
    meaning: str
    stands_for: str | None = None
    easy_read: str | None = None
    match_case: bool = False  # explained only where written with the same capitals
    not_in: tuple[str, ...] = ()  # phrases in which the word means something else ("device settings")

    @property
    def anchor(self) -> str:
        return "term-" + "".join(ch if ch.isalnum() else "-" for ch in self.term.lower()).strip("-")


@dataclass
class UpdatePoint:
    """One thing a later source says: its words, the same in plain words, and what it is about."""

    quote: str  # word for word from the source
    summary: str  # in plain words
    easy_read: str | None = None
    areas: list[Area] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    def is_about_area(self, area: Area) -> bool:
        return area in self.areas or any(a.area is area for a in self.actions)


@dataclass
class Update:
    """What a later source says about the plan's progress, dated as the source dates it. Not a
    rating: a status changes only with a rating and its source."""

    uri: str
    path: str
    title: str
    date: SourceDate
    summary: str
    source_title: str
    publisher: str
    source_date: str  # as the source gives it
    after: PartialDate | None = None  # for a date with no year: known to be later than this
    order: str | None = None  # why (the content's reasoning)
    source_file: str | None = None
    source_url: str | None = None
    easy_read_summary: str | None = None
    plan_published: bool = False
    points: list[UpdatePoint] = field(default_factory=list)

    @property
    def sort_day(self) -> dt.date:
        """Where it goes in time: its first day, or for a date with no year the day after ``after``."""
        if self.date.date is not None:
            return self.date.date.first_day
        assert self.after is not None  # the loader requires it
        return self.after.last_day + dt.timedelta(days=1)

    def about_area(self, area: Area) -> list[UpdatePoint]:
        return [p for p in self.points if p.is_about_area(area)]

    def about_action(self, action: Action) -> list[UpdatePoint]:
        return [p for p in self.points if action in p.actions]

    @property
    def anchor(self) -> str:
        return "update-" + self.uri.rsplit("/", 1)[-1].removesuffix(".md")


@dataclass
class Plan:
    scale: tuple[Status, ...]
    as_at: dt.date
    areas: list[Area] = field(default_factory=list)  # by number
    actions: list[Action] = field(default_factory=list)  # by id, numerically
    themes: list[Theme] = field(default_factory=list)
    home: Home | None = None
    glossary: list[Term] = field(default_factory=list)
    glossary_uri: str | None = None
    updates: list[Update] = field(default_factory=list)  # oldest first
    last_updated: dt.date | None = None  # the day the site was last updated (the commit's date); late is counted
    # against it. None: as_at

    @property
    def late_date(self) -> dt.date:
        """The day "late" is counted against: the day the site was last updated."""
        return self.last_updated or self.as_at

    @property
    def latest_update(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    def updates_about_area(self, area: Area) -> list[tuple[Update, list[UpdatePoint]]]:
        """Newest first: each update that says something about the area, with what it says."""
        return [(u, points) for u in reversed(self.updates) if (points := u.about_area(area))]

    def updates_about_action(self, action: Action) -> list[tuple[Update, list[UpdatePoint]]]:
        return [(u, points) for u in reversed(self.updates) if (points := u.about_action(action))]

    @property
    def published(self) -> Update | None:
        """The update that is the plan's publication, if the content has one."""
        return next((u for u in self.updates if u.plan_published), None)

    @property
    def has_ratings(self) -> bool:
        return any(a.history for a in self.actions)

    def date_passed(self) -> list[Action]:
        """Unrated actions whose completion date passed by the day the site was last updated."""
        return [a for a in self.actions if a.awaiting_update(self.late_date)]

    def no_date(self) -> list[Action]:
        """Actions for which the plan gives no completion date."""
        return [a for a in self.actions if a.due is None]

    def status(self, key: str) -> Status:
        return next(s for s in self.scale if s.key == key)

    def counts(self, actions=None) -> dict[str, int]:
        """How many actions have each status, in scale order (zeros included)."""
        counts = {s.key: 0 for s in self.scale}
        for action in self.actions if actions is None else actions:
            counts[action.status.key] += 1
        return counts

    def overdue(self) -> list[Action]:
        """Rated actions that are late (see ``Action.is_overdue``)."""
        return [a for a in self.actions if a.is_overdue(self.late_date)]

    def due_passed_unrated(self) -> list[Action]:
        """Actions whose completion date passed with no rating published: not called overdue."""
        return self.date_passed()

    @property
    def pages(self) -> dict[str, object]:
        """Every plan page by its uri."""
        out: dict[str, object] = {a.uri: a for a in self.areas}
        out.update({a.uri: a for a in self.actions})
        out.update({t.uri: t for t in self.themes})
        out.update({u.uri: u for u in self.updates})
        if self.home:
            out[self.home.uri] = self.home
        return out

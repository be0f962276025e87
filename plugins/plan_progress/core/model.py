"""The plan as objects: areas hold actions, actions hold milestones and a rating history.

Built by ``loader.load_plan`` from validated front-matter; read by the renderers
and the open-data writers. Nothing here knows about MkDocs or any one local area.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .dates import PartialDate
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
    area: "Area | None" = None
    leads: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    accountability: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    due: PartialDate | None = None
    due_text: str | None = None
    status: Status | None = None
    history: list[HistoryEntry] = field(default_factory=list)  # oldest first
    waiting_on: list["Action"] = field(default_factory=list)
    short_title: str | None = None
    co_produced_with: list[str] = field(default_factory=list)
    easy_read: str | None = None
    easy_read_picture: str | None = None
    answers: list["YouSaidItem"] = field(default_factory=list)
    blocks: list["Action"] = field(default_factory=list)  # actions waiting on this one

    @property
    def label(self) -> str:
        """The action's number and short title (or full title): its name in menus and links."""
        return f"{self.id} {self.short_title or self.title}"

    @property
    def sort_key(self) -> tuple[int, int]:
        area, number = self.id.split(".")
        return int(area), int(number)

    def is_overdue(self, as_at: dt.date) -> bool:
        """Past its completion date on the 'as at' date and not completed."""
        return bool(self.due and self.due.last_day < as_at and not self.status.done)

    @property
    def last_changed(self) -> PartialDate | None:
        return self.history[-1].date if self.history else None


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
    easy_read: str | None = None
    easy_read_picture: str | None = None
    easy_read_title: str | None = None
    actions: list[Action] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return self.uri.rsplit("/", 1)[0] if "/" in self.uri else ""

    @property
    def name(self) -> str:
        return f"Area {self.number}: {self.title}"


@dataclass
class YouSaidItem:
    said: str
    source: str
    theme: "Theme"
    kind: str | None = None
    date: PartialDate | None = None
    answered_by: list[Action] = field(default_factory=list)
    number: int = 0  # position within its theme, from 1

    @property
    def anchor(self) -> str:
        return f"said-{self.number}"


@dataclass
class Theme:
    title: str
    uri: str
    path: str
    intro: str | None = None
    items: list[YouSaidItem] = field(default_factory=list)
    easy_read: str | None = None
    easy_read_picture: str | None = None


@dataclass
class Home:
    uri: str
    path: str
    title: str | None = None
    easy_read: str | None = None
    easy_read_picture: str | None = None


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
class Plan:
    scale: tuple[Status, ...]
    as_at: dt.date
    areas: list[Area] = field(default_factory=list)  # by number
    actions: list[Action] = field(default_factory=list)  # by id, numerically
    themes: list[Theme] = field(default_factory=list)
    home: Home | None = None
    glossary: list[Term] = field(default_factory=list)
    glossary_uri: str | None = None

    def status(self, key: str) -> Status:
        return next(s for s in self.scale if s.key == key)

    def counts(self, actions=None) -> dict[str, int]:
        """How many actions have each status, in scale order (zeros included)."""
        counts = {s.key: 0 for s in self.scale}
        for action in self.actions if actions is None else actions:
            counts[action.status.key] += 1
        return counts

    def overdue(self) -> list[Action]:
        return [a for a in self.actions if a.is_overdue(self.as_at)]

    @property
    def pages(self) -> dict[str, object]:
        """Every plan page by its uri."""
        out: dict[str, object] = {a.uri: a for a in self.areas}
        out.update({a.uri: a for a in self.actions})
        out.update({t.uri: t for t in self.themes})
        if self.home:
            out[self.home.uri] = self.home
        return out

"""Every page the plugin makes, in one registry: its kind, path, template, what it is about and
its other version (standard or easy read).

The plugin creates a file for each, renders each from its kind, and links the two versions of a
page with one lookup (``SitePages.other_version``). Nothing here knows about MkDocs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from .model import Action, Area, Plan, Theme
from .scale import Status


@dataclass(frozen=True)
class Kind:
    name: str
    template: str  # under templates/plan-progress/
    easy_read: bool = False


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("status-key", "status-key.html"),
    Kind("actions", "all-actions.html"),
    Kind("status-actions", "status-actions.html"),  # about a Status
    Kind("area-actions", "area-actions.html"),  # about an Area
    Kind("date-passed", "date-passed.html"),  # unrated actions past their completion date (core/model.py)
    Kind("no-date", "no-date.html"),  # actions with no completion date in the plan
    Kind("changes", "whats-changed.html"),
    Kind("board-report", "board-report.html"),
    Kind("open-data", "open-data.html"),
    Kind("you-said", "you-said.html"),
    Kind("contact", "contact.html"),  # "Contact and help": only when contacts are set
    Kind("easy-home", "easy-read/home.html", easy_read=True),
    Kind("easy-status-key", "easy-read/status-key.html", easy_read=True),
    Kind("easy-area", "easy-read/area.html", easy_read=True),  # about an Area
    Kind("easy-you-said", "easy-read/you-said.html", easy_read=True),
    Kind("easy-help", "easy-read/who-can-help.html", easy_read=True),
)}


@dataclass(frozen=True)
class Paths:
    """Where the generated pages go (the plugin's settings in mkdocs.yml)."""

    status_key_page: str = "status-key.md"
    actions_dir: str = "actions"
    changes_page: str = "whats-changed.md"
    board_report_page: str = "board-report.md"
    open_data_page: str = "open-data.md"
    easy_read_dir: str = "easy-read"
    you_said_dir: str = "you-said"
    contact_page: str | None = None  # None: no contacts are set, so no "Contact and help" page
    area_slug: str = "area"  # a part's pages are actions/<area_slug>-<n>/ and easy-read/<area_slug>-<n>/
    date_passed: str = "date-passed"  # actions/<date_passed>/ (the word list's date_passed_path)
    no_date: str = "no-date"  # actions/<no_date>/ (the word list's no_date_path)


@dataclass(frozen=True)
class GeneratedPage:
    kind: Kind
    uri: str
    subject: Status | Area | None = None  # what the page is about, for kinds about one thing
    made: bool = True  # False: the content has this page and the plugin adds to it

    @property
    def template(self) -> str:
        return "plan-progress/" + self.kind.template


def _key(subject) -> object:
    if isinstance(subject, Status):
        return subject.key
    if isinstance(subject, Area):
        return subject.number
    return subject


class SitePages:
    """The registry: every generated page by its uri, and by (kind, subject)."""

    def __init__(self, plan: Plan, paths: Paths = Paths(), has_page: Callable[[str], bool] = lambda uri: False):
        self.plan = plan
        self.by_uri: dict[str, GeneratedPage] = {}
        self._uris: dict[tuple[str, object], str] = {}
        join = posixpath.join
        self._add("status-key", paths.status_key_page)
        self._add("actions", join(paths.actions_dir, "index.md"))
        for status in plan.scale:
            self._add("status-actions", join(paths.actions_dir, f"{status.key}.md"), status)
        for area in plan.areas:
            self._add("area-actions", join(paths.actions_dir, f"{paths.area_slug}-{area.number}.md"), area)
        for kind, name in (("date-passed", paths.date_passed), ("no-date", paths.no_date)):
            uri = join(paths.actions_dir, f"{name}.md")
            if uri in self.by_uri:
                raise ValueError(f"{uri} is both the list of a status and the {kind} list; give the status "
                                 f"another key or the list another address (the word list's "
                                 f"{kind.replace('-', '_')}_path)")
            self._add(kind, uri)
        self._add("changes", paths.changes_page)
        self._add("board-report", paths.board_report_page)
        self._add("open-data", paths.open_data_page)
        if paths.contact_page:
            self._add("contact", paths.contact_page)
        easy = paths.easy_read_dir
        self._add("easy-home", join(easy, "index.md"))
        self._add("easy-status-key", join(easy, "status-key.md"))
        for area in plan.areas:
            self._add("easy-area", join(easy, f"{paths.area_slug}-{area.number}.md"), area)
        if plan.themes:
            self._add("easy-you-said", join(easy, "you-said.md"))
            overview = join(paths.you_said_dir, "index.md")
            # The content may have its own overview page: the plugin's overview goes below its words.
            self._add("you-said", overview, made=not has_page(overview))
        self._add("easy-help", join(easy, "who-can-help.md"))

    def _add(self, kind: str, uri: str, subject=None, made: bool = True) -> None:
        self.by_uri[uri] = GeneratedPage(KINDS[kind], uri, subject, made)
        self._uris[(kind, _key(subject))] = uri

    def get(self, uri: str) -> GeneratedPage | None:
        return self.by_uri.get(uri)

    def uri(self, kind: str, subject=None) -> str:
        """The uri of the page of this kind (about ``subject``): ``uri("easy-area", area)``."""
        return self._uris[(kind, _key(subject))]

    def has(self, kind: str, subject=None) -> bool:
        return (kind, _key(subject)) in self._uris

    def made(self) -> list[GeneratedPage]:
        """The pages the plugin creates files for."""
        return [page for page in self.by_uri.values() if page.made]

    @property
    def home_uri(self) -> str:
        """The standard home page: the content's home page, or the content folder's index.md."""
        return self.plan.home.uri if self.plan.home else "index.md"

    def is_easy_read(self, uri: str) -> bool:
        page = self.by_uri.get(uri)
        return page is not None and page.kind.easy_read

    def other_version(self, uri: str, item=None) -> tuple[str, str, bool, bool]:
        """The other version of the page at ``uri`` (``item``: the plan's Action, Area, Home or
        Theme there, if any): (its uri, a fragment or "", whether it is the easy-read one, whether
        it is the easy-read site as a whole: a page with no easy-read version of its own leads to
        the easy-read home)."""
        page = self.by_uri.get(uri)
        if page is not None and page.kind.easy_read:
            standard = {
                "easy-home": lambda: self.home_uri,
                "easy-help": lambda: self.uri("contact") if self.has("contact") else self.home_uri,
                "easy-status-key": lambda: self.uri("status-key"),
                "easy-you-said": lambda: self.uri("you-said"),
                "easy-area": lambda: cast(Area, page.subject).uri,
            }[page.kind.name]()
            return standard, "", False, False
        if isinstance(item, Area):
            return self.uri("easy-area", item), "", True, False
        if isinstance(item, Action):
            return self.uri("easy-area", item.area), action_anchor(item), True, False
        if page is not None and page.kind.name == "contact":
            return self.uri("easy-help"), "", True, False
        if page is not None and page.kind.name == "status-key":
            return self.uri("easy-status-key"), "", True, False
        if self.has("easy-you-said") and page is not None and page.kind.name == "you-said":
            return self.uri("easy-you-said"), "", True, False
        if self.has("easy-you-said") and isinstance(item, Theme):
            return self.uri("easy-you-said"), theme_anchor(item), True, False
        return self.uri("easy-home"), "", True, True


def action_anchor(action: Action) -> str:
    """The id of an action's part of its area's easy-read page."""
    return "action-" + action.id.replace(".", "-")


def theme_anchor(theme: Theme) -> str:
    """The id of a theme's part of the easy-read "What families told us" page."""
    return "theme-" + theme.uri.rsplit("/", 1)[-1].removesuffix(".md")


"""Every page the plugin makes, and every kind of page, in one registry.

A page kind (``PageKind``) is one complete description: its name, where its pages go, its
template, the function that builds its template's data from the plan, which file "Edit this page"
opens, and its other version (standard <-> easy read). ``KINDS`` lists them; ``SitePages`` places
the pages of every kind for one plan. Adding a kind of page is one entry in ``KINDS`` and one
template: the plugin, TEMPLATES.md and the "other version" links follow from the entry. Nothing
outside this module tests a kind's name (templates look pages up by it: ``pages.uri("actions")``).

The view functions receive the site's page builder (core/site.py ``Site``: the plan, the
renderers, the settings the pages show). Nothing here knows about MkDocs.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, NamedTuple

from . import yousaid
from .help import is_placeholder
from .model import FAMILIES, INSPECTORS, Action, Area, Plan, Theme
from .scale import Status

if TYPE_CHECKING:
    from .site import Site


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
    easy_page: str = "page"  # easy-read/area-<n>/<easy_page>-2/: a part's list of actions goes on (easy_page_path)
    # At most this many actions are listed on one easy-read page of a part; a longer list is split
    # evenly over as many pages as it needs (the easy_read_list_size setting).
    easy_list_size: int = 12


DEFAULT_PATHS = Paths(contact_page="contact.md")  # the settings' defaults (config.py)


@dataclass(frozen=True)
class PartPage:
    """One page of the easy-read list of a part's actions: page ``number`` of ``total``, listing
    ``actions``. The first is the part's own easy-read page; the others are its list going on."""

    area: Area
    number: int
    total: int
    actions: tuple[Action, ...]


def part_pages(area: Area, size: int) -> list[PartPage]:
    """The area's actions split evenly over pages of at most ``size`` (17 in 12s: 9 and 8).

    >>> from types import SimpleNamespace as N
    >>> [len(p.actions) for p in part_pages(N(actions=list(range(17))), 12)]
    [9, 8]
    >>> [len(p.actions) for p in part_pages(N(actions=list(range(12))), 12)]
    [12]
    """
    actions = list(area.actions)
    total = max(1, -(-len(actions) // max(1, size)))
    bounds = [-(-i * len(actions) // total) for i in range(total + 1)]
    return [PartPage(area, i + 1, total, tuple(actions[bounds[i]:bounds[i + 1]])) for i in range(total)]


def _more_part_pages(plan: Plan, paths: Paths) -> list[PartPage]:
    """one page for each further easy_read_list_size actions of a part"""
    return [page for area in plan.areas for page in part_pages(area, paths.easy_list_size)[1:]]


class Version(NamedTuple):
    """The other version of a page: its uri, a fragment or "", whether it is the easy-read one, and
    whether it is the easy-read site as a whole (a page with no easy-read version of its own)."""

    uri: str
    fragment: str = ""
    easy: bool = False
    whole_site: bool = False


@dataclass(frozen=True)
class GeneratedPage:
    kind: PageKind
    uri: str
    subject: Status | Area | Action | Theme | PartPage | None = None  # what the page is about (kinds with "each")
    made: bool = True  # False: the content has this page and the plugin adds to it

    @property
    def template(self) -> str:
        return "plan-progress/" + self.kind.template

    @property
    def area(self) -> Area:
        """The area a page of a kind with one page per area is about."""
        assert isinstance(self.subject, Area), self
        return self.subject

    @property
    def action(self) -> Action:
        """The action a page of a kind with one page per action is about."""
        assert isinstance(self.subject, Action), self
        return self.subject

    @property
    def theme(self) -> Theme:
        assert isinstance(self.subject, Theme), self
        return self.subject

    @property
    def part_page(self) -> PartPage:
        assert isinstance(self.subject, PartPage), self
        return self.subject

    @property
    def status(self) -> Status:
        """The status a page of a kind with one page per status is about."""
        assert isinstance(self.subject, Status), self
        return self.subject


View = Callable[["Site", GeneratedPage, str], dict]  # (site, page, the content's own Markdown body) -> data
EditRule = Callable[[GeneratedPage, Plan, str], "str | None"]  # (page, plan, mkdocs.yml's uri) -> file or None
OtherRule = Callable[["SitePages", GeneratedPage], "Version | None"]
CoversRule = Callable[["SitePages", object], "Version | None"]


def no_edit(page: GeneratedPage, plan: Plan, settings: str) -> str | None:
    """Nothing: the page is made from many files, so it has no "Edit this page" link."""
    return None


def edit_settings(page: GeneratedPage, plan: Plan, settings: str) -> str | None:
    """The settings file, mkdocs.yml (where the status scale lives)."""
    return settings


def edit_area(page: GeneratedPage, plan: Plan, settings: str) -> str | None:
    """Its area's index.md."""
    return page.area.uri


def edit_subject(page: GeneratedPage, plan: Plan, settings: str) -> str | None:
    """The page of the action or theme it is about."""
    return page.subject.uri  # type: ignore[union-attr]


def edit_part(page: GeneratedPage, plan: Plan, settings: str) -> str | None:
    """Its part's index.md."""
    return page.part_page.area.uri


def edit_home(page: GeneratedPage, plan: Plan, settings: str) -> str | None:
    """The content's home page, if it has one."""
    return plan.home.uri if plan.home else None


def to(kind: str) -> OtherRule:
    """The other version is the page of ``kind`` about the same thing (None when there is none)."""
    def rule(pages: SitePages, page: GeneratedPage) -> Version | None:
        return pages.version(kind, page.subject) if pages.has(kind, page.subject) else None
    rule.__doc__ = f"The `{kind}` page about the same thing."
    return rule


def to_home(pages: SitePages, page: GeneratedPage) -> Version:
    """The standard home page."""
    return Version(pages.home_uri)


def to_area(pages: SitePages, page: GeneratedPage) -> Version:
    """Its area's own page in the content."""
    return Version(page.area.uri)


def to_subject(pages: SitePages, page: GeneratedPage) -> Version:
    """The content's own page of the action or theme it is about."""
    return Version(page.subject.uri)  # type: ignore[union-attr]


def to_part_actions(pages: SitePages, page: GeneratedPage) -> Version:
    """The standard list of its part's actions."""
    return pages.version("area-actions", page.part_page.area)


def first(*rules: OtherRule) -> OtherRule:
    """The first of ``rules`` that finds a page."""
    def rule(pages: SitePages, page: GeneratedPage) -> Version | None:
        return next((found for r in rules if (found := r(pages, page)) is not None), None)
    docs = [(r.__doc__ or "").rstrip(".") for r in rules]
    rule.__doc__ = "; else ".join([docs[0], *(d[:1].lower() + d[1:] for d in docs[1:])]) + "."
    return rule


def no_other(pages: SitePages, page: GeneratedPage) -> Version | None:
    """None of its own: the easy-read home page, the easy-read site as a whole."""
    return None


def covers_nothing(pages: SitePages, item: object) -> Version | None:
    """No content page."""
    return None


def covers(kind: str, cls: type) -> CoversRule:
    """The content page of each ``cls`` (Area, Action, Theme) has the ``kind`` page about it."""
    def rule(pages: SitePages, item: object) -> Version | None:
        return pages.version(kind, item) if isinstance(item, cls) and pages.has(kind, item) else None
    rule.__doc__ = f"Each {cls.__name__.lower()}'s own page."
    return rule


def always(plan: Plan, paths: Paths) -> bool:
    return True


@dataclass(frozen=True)
class PageKind:
    """One kind of page the plugin makes, described once."""

    name: str
    template: str  # under templates/plan-progress/
    # Where its pages go: Paths' fields in braces, and {subject.key} / {subject.number} for kinds
    # with one page per status or area ("{actions_dir}/{area_slug}-{subject.number}.md").
    path: str
    view: View  # the data its template receives, besides what every page receives (Renderer.context)
    # "scale": one page per status; "areas", "actions", "themes": one per area, action or theme; a
    # function (plan, paths) -> subjects for any other set of pages; "": one page.
    each: str | Callable[[Plan, Paths], Sequence[Any]] = ""
    when: Callable[[Plan, Paths], bool] = always  # whether the site has it at all
    easy_read: bool = False  # an easy-read page (its own frame, templates/easy-read.html); off with easy_read: false
    content_may_have: bool = False  # the content may have this page: the plugin's part goes below its words
    edit: EditRule = no_edit  # the one file "Edit this page" opens
    other: OtherRule = no_other  # its other version (standard <-> easy read)
    covers: CoversRule = covers_nothing  # content pages (areas, actions, themes) whose easy-read version it is
    # The name of the menu section of its folder when its page is the folder's index: a key of the word
    # list ("actions_section": "Actions"), or a function (site, page) -> the name; "": the section keeps
    # its own name.
    section: str | Callable[[Site, GeneratedPage], str] = ""

    def subjects(self, plan: Plan, paths: Paths) -> Sequence[Any]:
        if callable(self.each):
            return self.each(plan, paths)
        return getattr(plan, self.each) if self.each else [None]

    def uri(self, paths: Paths, subject: Status | Area | None = None) -> str:
        values = {f.name: getattr(paths, f.name) for f in fields(Paths)}
        return "/".join(part for part in self.path.format(**values, subject=subject).split("/") if part)

    def where(self) -> str:
        """Where its pages go with the default settings, in words: "actions/area-<number>.md (one page
        per area; settings: actions_dir)"."""
        class Any_:
            def __init__(self, name: str = "subject"):
                self.name = name

            def __getattr__(self, name: str) -> Any_:
                return Any_(name)

            def __format__(self, spec: str) -> str:
                return f"<{self.name}>"

        values = {f.name: getattr(DEFAULT_PATHS, f.name) for f in fields(Paths)}
        shown = self.path.format(**values, subject=Any_())
        settings = [name for _, name, _, _ in string.Formatter().parse(self.path)
                    if name and name in values and name not in ("area_slug", "date_passed", "no_date", "easy_page")]
        notes = []
        if callable(self.each):
            notes.append(self.each.__doc__ or "several pages")
        elif self.each:
            notes.append({"scale": "one page per status", "areas": "one page per area",
                          "actions": "one page per action", "themes": "one page per theme"}[self.each])
        if self.when is not always:
            notes.append(self.when.__doc__ or "not on every site")
        if settings:
            notes.append("setting" + ("s" if len(settings) > 1 else "") + ": " + ", ".join(settings))
        return f"`{shown}`" + (f" ({'; '.join(notes)})" if notes else "")


# -- the data each kind's template receives ----------------------------------------------------------

def _filters(site: Site, page: GeneratedPage, current=None) -> dict:
    return {"filters": site.renderer.filter_entries(current)}


def _status_actions(site: Site, page: GeneratedPage, body: str) -> dict:
    status = page.status
    return {"status": status, "actions": [a for a in site.plan.actions if a.status is status],
            **_filters(site, page, status)}


def _area_actions(site: Site, page: GeneratedPage, body: str) -> dict:
    return {"area": page.area, **_filters(site, page, page.area),
            "list_other_areas": len(site.plan.areas) <= site.renderer.OTHER_AREAS_LIMIT}


def _contact(site: Site, page: GeneratedPage, body: str) -> dict:
    """Each contact with only the details its settings give (core/help.py); a detail still to be
    confirmed is shown as plain text, never as a link."""
    return {"contacts": list(site.contacts), "feedback": site.feedback_link("", ""),
            "accessibility_uri": site.accessibility_uri, "is_placeholder": is_placeholder}


def _you_said(site: Site, page: GeneratedPage, body: str) -> dict:
    """Every item, what families said and what inspectors found counted apart, the gaps; and
    whether the content's own page brings its own title (a first line "# ...")."""
    items = yousaid.every_item(site.plan)
    return {"items": items, "gaps": [i for i in items if not i.answered_by],
            "related": sum(1 for i in items if i.related and not i.answered_by),
            "families": yousaid.by(items, FAMILIES), "findings": yousaid.by(items, INSPECTORS),
            "own_title": body.lstrip().startswith("# ")}


def _easy_part(site: Site, area: Area, number: int) -> dict:
    """Page ``number`` of a part in easy read: the actions it lists, and the pages before and after."""
    parts = part_pages(area, site.pages.paths.easy_list_size)
    part = parts[number - 1]

    def uri(n: int) -> str:
        return site.pages.uri("easy-area", area) if n == 1 else site.pages.uri("easy-area-more", parts[n - 1])

    return {"area": area, "part": part, "previous": uri(number - 1) if number > 1 else None,
            "next": uri(number + 1) if number < part.total else None}


def _easy_action(site: Site, action: Action) -> dict:
    """An action in easy read, and the page of its part that lists it (to go back to)."""
    parts = part_pages(action.area, site.pages.paths.easy_list_size)
    listed = next(p for p in parts if action in p.actions)
    back = site.pages.uri("easy-area", action.area) if listed.number == 1 else site.pages.uri("easy-area-more", listed)
    return {"action": action, "back": back}


def _nothing(site: Site, page: GeneratedPage, body: str) -> dict:
    return {}


def _has_themes(plan: Plan, paths: Paths) -> bool:
    """only when the content has "You said" themes"""
    return bool(plan.themes)


def _has_contacts(plan: Plan, paths: Paths) -> bool:
    """only when contacts are set"""
    return bool(paths.contact_page)


# The order is the order of the pages' files (and so of MkDocs' navigation where nav is not set).
KINDS: dict[str, PageKind] = {kind.name: kind for kind in (
    PageKind("status-key", "status-key.html", "{status_key_page}",
             view=lambda site, page, body: {"counts": site.plan.counts()},
             edit=edit_settings, other=to("easy-status-key")),
    PageKind("actions", "all-actions.html", "{actions_dir}/index.md",
             view=lambda site, page, body: _filters(site, page), edit=edit_settings, section="actions_section"),
    PageKind("status-actions", "status-actions.html", "{actions_dir}/{subject.key}.md", each="scale",
             view=_status_actions, edit=edit_settings),
    PageKind("area-actions", "area-actions.html", "{actions_dir}/{area_slug}-{subject.number}.md", each="areas",
             view=_area_actions, edit=edit_area),
    # The actions whose completion date in the plan has passed with no rating published; those with no date.
    PageKind("date-passed", "date-passed.html", "{actions_dir}/{date_passed}.md",
             view=lambda site, page, body: {"actions": site.plan.date_passed()}),
    PageKind("no-date", "no-date.html", "{actions_dir}/{no_date}.md",
             view=lambda site, page, body: {"actions": site.plan.no_date()}),
    PageKind("changes", "whats-changed.html", "{changes_page}",
             view=lambda site, page, body: site.reports.changes_view()),
    PageKind("board-report", "board-report.html", "{board_report_page}",
             view=lambda site, page, body: site.reports.board_report_view()),
    PageKind("open-data", "open-data.html", "{open_data_page}",
             view=lambda site, page, body: site.reports.open_data_view(site.downloads())),
    PageKind("contact", "contact.html", "{contact_page}", when=_has_contacts, view=_contact,
             other=to("easy-help")),
    PageKind("easy-home", "easy-read/home.html", "{easy_read_dir}/index.md", easy_read=True,
             view=lambda site, page, body: {"next_update": site.easy.next_update_words()},
             edit=edit_home, other=to_home, section="easy_read_section"),
    PageKind("easy-status-key", "easy-read/status-key.html", "{easy_read_dir}/status-key.md", easy_read=True,
             view=_nothing, edit=edit_settings, other=to("status-key")),
    PageKind("easy-area", "easy-read/area.html", "{easy_read_dir}/{area_slug}-{subject.number}/index.md",
             each="areas", easy_read=True, view=lambda site, page, body: _easy_part(site, page.area, 1),
             edit=edit_area, other=to_area, covers=covers("easy-area", Area),
             section=lambda site, page: site.easy_part_name(page.area)),
    # A part's list of actions going on, where it is longer than one easy-read page holds.
    PageKind("easy-area-more", "easy-read/area-more.html",
             "{easy_read_dir}/{area_slug}-{subject.area.number}/{easy_page}-{subject.number}.md",
             each=_more_part_pages, easy_read=True,
             view=lambda site, page, body: _easy_part(site, page.part_page.area, page.part_page.number),
             edit=edit_part, other=to_part_actions),
    PageKind("easy-action", "easy-read/action.html",
             "{easy_read_dir}/{area_slug}-{subject.area.number}/{subject.slug}.md",
             each="actions", easy_read=True, view=lambda site, page, body: _easy_action(site, page.action),
             edit=edit_subject, other=to_subject, covers=covers("easy-action", Action)),
    PageKind("easy-you-said", "easy-read/you-said.html", "{easy_read_dir}/{you_said_dir}/index.md", when=_has_themes,
             easy_read=True, view=_nothing, other=to("you-said"), section="easy_you_said_title"),
    PageKind("easy-theme", "easy-read/theme.html", "{easy_read_dir}/{you_said_dir}/{subject.slug}.md", each="themes",
             easy_read=True, view=lambda site, page, body: {"theme": page.theme}, edit=edit_subject,
             other=to_subject, covers=covers("easy-theme", Theme)),
    PageKind("you-said", "you-said.html", "{you_said_dir}/index.md", when=_has_themes, content_may_have=True,
             view=_you_said, other=to("easy-you-said"), section="you_said_section"),
    PageKind("easy-help", "easy-read/who-can-help.html", "{easy_read_dir}/who-can-help.md", easy_read=True,
             view=lambda site, page, body: site.easy.who_can_help_view(), other=first(to("contact"), to_home)),
)}


def _key(subject) -> object:
    if isinstance(subject, Status):
        return subject.key
    if isinstance(subject, Area):
        return subject.number
    if isinstance(subject, Action):
        return subject.id
    if isinstance(subject, Theme):
        return subject.uri
    if isinstance(subject, PartPage):
        return (subject.area.number, subject.number)
    return subject


class SitePages:
    """Every generated page of one plan, by its uri, and by (kind, subject). ``kinds``: the kinds of
    page (``KINDS``); ``easy_read``: False leaves out every easy-read kind (the easy_read setting)."""

    def __init__(self, plan: Plan, paths: Paths = Paths(), has_page: Callable[[str], bool] = lambda uri: False,
                 kinds: Iterable[PageKind] | None = None, easy_read: bool = True):
        self.plan = plan
        self.paths = paths
        self.easy_read = easy_read
        self.kinds = [kind for kind in (KINDS.values() if kinds is None else kinds) if easy_read or not kind.easy_read]
        self.by_uri: dict[str, GeneratedPage] = {}
        self._uris: dict[tuple[str, object], str] = {}
        for kind in self.kinds:
            if not kind.when(plan, paths):
                continue
            for subject in kind.subjects(plan, paths):
                uri = kind.uri(paths, subject)
                if uri in self.by_uri:
                    raise ValueError(f"{uri} is both the {self.by_uri[uri].kind.name} page and the {kind.name} "
                                     "page; give one of them another address (a status's key, or the word "
                                     "list's date_passed_path or no_date_path)")
                made = not (kind.content_may_have and has_page(uri))
                self.by_uri[uri] = GeneratedPage(kind, uri, subject, made)
                self._uris[(kind.name, _key(subject))] = uri

    def get(self, uri: str) -> GeneratedPage | None:
        return self.by_uri.get(uri)

    def uri(self, kind: str, subject=None) -> str:
        """The uri of the page of this kind (about ``subject``): ``uri("easy-area", area)``."""
        return self._uris[(kind, _key(subject))]

    def has(self, kind: str, subject=None) -> bool:
        return (kind, _key(subject)) in self._uris

    def version(self, kind: str, subject=None, fragment: str = "") -> Version:
        """The page of ``kind`` about ``subject`` as the other version of another page."""
        return Version(self.uri(kind, subject), fragment, self.by_uri[self.uri(kind, subject)].kind.easy_read)

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

    def edit_uri(self, page: GeneratedPage, settings: str) -> str | None:
        """The one file "Edit this page" opens for a generated page (``settings``: mkdocs.yml's uri
        from the content folder), or None for a page made from many files."""
        return page.kind.edit(page, self.plan, settings)

    def other_version(self, uri: str, item: Any = None) -> Version | None:
        """The other version of the page at ``uri`` (``item``: the plan's Action, Area, Home or Theme
        there, if any). A standard page with no easy-read version of its own leads to the easy-read
        home; None when the site has no easy read."""
        if not self.easy_read:
            return None
        page = self.by_uri.get(uri)
        if page is not None:
            found = page.kind.other(self, page)
        else:
            found = next((v for kind in self.kinds if (v := kind.covers(self, item)) is not None), None)
        if found is not None:
            return found
        if page is not None and page.kind.easy_read:
            return Version(self.home_uri)
        return self.version("easy-home")._replace(whole_site=True)


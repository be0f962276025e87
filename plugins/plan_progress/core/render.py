"""Turn the plan into page content: the data each page shows, rendered by Jinja templates.

Markup lives in ``templates/plan-progress/`` (autoescaped, overridable by a site; see
``core/templates.py``); this module works out what each page shows. One badge template renders
every status everywhere. Nothing here knows a local area's name. The pages never link with
JavaScript and never show status by colour alone.

Page methods return what MkDocs turns into the page: raw HTML blocks, with the content file's own
Markdown body (the only Markdown) between them where the page has one. Headings are HTML, so no
value from the content is ever read as Markdown.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from . import yousaid
from .dates import words as date_words
from .links import relative
from .model import Action, Area, Plan, Theme
from .pages import SitePages
from .scale import Status
from .templates import Templates, body_slot, page_source
from .words import Words

NOT_STATED = Words.load().names["not_stated"]


def esc(text) -> str:
    return html.escape(str(text), quote=True)


@dataclass
class PageSettings:
    """Settings that appear on generated pages (every other word comes from the word list,
    ``Renderer.text``: core/words.py)."""

    plan_name: str = "the plan"
    ratings_note: str = ""
    not_stated: str = NOT_STATED
    checked: str = ""  # "Progress last checked: 8 March 2022" (progress_checked_text), "" for the default
    next_update: str = ""  # "Next update due: ..." (next_update_text), "" when no next update is set


@dataclass
class Renderer:
    plan: Plan
    url_of: Callable[[str], str]  # page uri -> site-relative url ("areas/1/1-1/")
    icon: Callable[[str], str]  # icon name -> inline SVG markup
    pages: SitePages  # the pages the plugin makes (core/pages.py)
    words: PageSettings = field(default_factory=PageSettings)  # templates: ``words``
    templates: Templates = field(default_factory=Templates)
    text: Words = field(default_factory=Words.load)  # every word the pages show (core/words.py)

    def __post_init__(self):
        self._badges: dict[str, Markup] = {}
        self._lines: dict[tuple[str, bool, bool], Markup] = {}
        self.words.not_stated = self.text.names["not_stated"]
        if not self.words.checked:
            self.words.checked = self.text.text("progress_as_at", date=self.as_at_words())
        published = self.plan.published
        if not self.real_check and published is not None:
            self.words.checked = self.text.text("plan_published_no_rating", date=published.date.words)

    # -- rendering --------------------------------------------------------------

    def context(self, here: str) -> dict:
        """What every template of a page receives: the renderer (badges, icons), the plan, the
        configured words, the "as at" date in words, ``href(uri, fragment)``: the relative link
        from this page to another page of the site, and ``pages``: the generated pages
        (``pages.uri("status-actions", status)``), and ``said``: what a "You said" heading may
        claim (core/yousaid.py)."""
        here_url = self.url_of(here)
        url_of = self.url_of

        def href(uri: str, fragment: str = "") -> str:
            return relative(here_url, url_of(uri) + (f"#{fragment}" if fragment else ""))

        return {"r": self, "plan": self.plan, "words": self.words, "w": self.text, "as_at": self.as_at_words(),
                "here": here, "href": href, "pages": self.pages, "said": yousaid}

    def page(self, template: str, here: str, body: str = "", **data) -> str:
        """Render a page template for the page at ``here``; the content's own Markdown ``body``
        goes where the template puts ``body`` (as Markdown, between blank lines)."""
        out = self.templates.render(template, **self.context(here), body=body_slot(body), **data)
        return page_source(out, body)

    def fragment(self, template: str, **data) -> Markup:
        return self.templates.render(template, r=self, plan=self.plan, words=self.words, w=self.text, said=yousaid,
                                     **data)

    # -- small pieces -------------------------------------------------------

    def svg(self, name: str, css: str = "pp-icon") -> Markup:
        markup = self.icon(name)  # the theme's own icon file: trusted markup
        return Markup(markup.replace("<svg ", f'<svg class="{esc(css)}" aria-hidden="true" focusable="false" ', 1))

    def badge(self, status: Status) -> Markup:
        """The one status badge (partials/badge.html): icon, word and colour; never a link."""
        badge = self._badges.get(status.key)
        if badge is None:
            badge = self._badges[status.key] = self.fragment("plan-progress/partials/badge.html", status=status)
        return badge

    def overdue_flag(self) -> Markup:
        flag = self._badges.get("")
        if flag is None:
            flag = self._badges[""] = self.fragment("plan-progress/partials/overdue-flag.html")
        return flag

    def status_line(self, action: Action) -> Markup:
        """The badge; beside it the overdue flag (a rated action that is late) or, for an unrated
        action whose date has passed, plain words saying no update has been published."""
        late = self.plan.late_date
        key = (action.status.key, action.is_overdue(late), action.awaiting_update(late))
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = self.fragment("plan-progress/partials/status-line.html",
                                                    status=action.status, overdue=key[1], due_passed=key[2])
        return line

    def area_name(self, area: Area) -> str:
        """An area's full name in the site's words: "Area 2: EHC plans", "Priority 2: ..."."""
        return self.text.text("area_name", number=area.number, title=area.title)

    def due_words(self, action: Action) -> str:
        if action.due and action.due_text:
            return self.text.text("due_and_plan_words", date=action.due.words, text=action.due_text)
        if action.due:
            return action.due.words
        if action.due_text:
            return action.due_text
        return self.text.names["not_stated"]

    def as_at_words(self) -> str:
        return date_words(self.plan.as_at)

    def late_words(self) -> str:
        """The day late actions are counted against (the day the site was last updated), in words."""
        return date_words(self.plan.late_date)

    @property
    def real_check(self) -> bool:
        """Whether ``as_at`` is a real check of progress: a rating has been published, or the date is
        later than the plan's publication (an update marked plan_published). Otherwise the pages say
        when the plan was published and that no rating has been published since."""
        published = self.plan.published
        if self.plan.has_ratings or published is None or published.date.date is None:
            return True
        return self.plan.as_at > published.date.date.last_day

    # -- numbers the templates show -------------------------------------------------

    def overdue_count(self, actions: list[Action]) -> int:
        return sum(1 for a in actions if a.is_overdue(self.plan.late_date))

    def due_passed_count(self, actions: list[Action]) -> int:
        """Unrated actions whose completion date has passed: never counted as overdue."""
        return sum(1 for a in actions if a.awaiting_update(self.plan.late_date))

    @staticmethod
    def percent(number: int, total: int) -> str:
        """>>> Renderer.percent(1, 3), Renderer.percent(1, 2)
        ('33.333', '50')
        """
        return f"{100 * number / total:.3f}".rstrip("0").rstrip(".")

    def summary_sentence(self, actions: list[Action]) -> str:
        counts, w = self.plan.counts(actions), self.text
        phrases = [w.text("summary_part", count=n, label=s.label.lower()) for s in self.plan.scale
                   if (n := counts[s.key])]
        total = w.count(len(actions), "action")
        if not phrases:
            return w.text("summary_total", count=total)
        return w.text("summary", count=total, parts=w.join(phrases))

    def filter_entries(self, current) -> dict[str, list[tuple[str, bool, str]]]:
        """The plain filter pages, as (link text, is the current page, its uri)."""
        counts, uri, text = self.plan.counts(), self.pages.uri, self.text.text
        return {
            "statuses": [(text("count_label", label=s.label, count=counts[s.key]), current is s,
                          uri("status-actions", s)) for s in self.plan.scale],
            "areas": [(text("count_label", label=self.area_name(a), count=len(a.actions)), current is a,
                       uri("area-actions", a)) for a in self.plan.areas],
        }

    # Up to this many areas, each area's list of actions links to every other area's list; beyond
    # it (a national view of hundreds of areas) that would be quadratic in pages, bytes and search
    # index, so the page links to the one list of every area instead.
    OTHER_AREAS_LIMIT = 24

    # -- the content's own pages (the generated pages' data: core/pages.py) ----------------------

    def home(self, here: str, body: str) -> str:
        return self.page("plan-progress/home.html", here, body)

    def area(self, area: Area, body: str) -> str:
        return self.page("plan-progress/area.html", area.uri, body, area=area)

    def action(self, action: Action, body: str) -> str:
        late = self.plan.late_date
        return self.page("plan-progress/action.html", action.uri, body, action=action,
                         overdue=action.is_overdue(late), due_passed=action.awaiting_update(late))

    def update(self, update, body: str) -> str:
        return self.page("plan-progress/update.html", update.uri, body, update=update)

    def theme(self, theme: Theme, body: str) -> str:
        """A "You said, we did" theme: what families said, beside the actions that answer it, with live badges."""
        return self.page("plan-progress/you-said-theme.html", theme.uri, body, theme=theme,
                         answered=sum(1 for i in theme.items if i.answered_by),
                         related=sum(1 for i in theme.items if i.related and not i.answered_by))

"""The site the plugin builds from one plan: every page's content, links and extra files.

``Site`` holds what the pages are made with (the renderers, the registry of generated pages, the
settings the pages show) and answers what the MkDocs adapter (plugin.py) asks about a page: its
content, its title, its other version, its easy-read frame, the file "Edit this page" opens, the
files to add to the site. Nothing here knows about MkDocs: ``options`` is any object with the
plugin's settings as attributes (config.py ``PlanProgressConfig``), and files are uris with
callables that answer whether the site has one and what its address is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from . import opendata, yousaid
from .dates import words as date_words
from .easyread import EasyReadRenderer
from .glossary import Glossary
from .help import Contact, feedback_href, is_placeholder, page_words
from .links import relative
from .model import Action, Area, Home, Plan, Theme, Update
from .pages import GeneratedPage, SitePages
from .render import PageSettings, Renderer
from .reports import Reports
from .styles import stylesheet
from .templates import Templates
from .words import Words

CSS_PATH = "assets/plan-progress.css"
JS_PATH = "assets/plan-progress.js"
THEME_FIXES_PATH = "assets/theme-fixes.css"  # accessibility fixes to mkdocs-material (scripts/a11y)
ACCESSIBILITY_PAGES = ("about/accessibility.md", "accessibility.md")
_SETTING = re.compile(r"\[\[([a-z][a-z0-9_]*)\]\]")


class Site:
    """The pages of one plan, as the plugin's settings (``options``) and the site's words make them.

    ``url_of(uri)``: a file's address in the site; ``has_file(uri)``: whether the site has that file;
    ``icon(name)``: an icon's SVG markup; ``contacts``: the "Contact and help" entries, read once."""

    def __init__(self, plan: Plan, pages: SitePages, options: Any, words: Words, templates: Templates,
                 url_of: Callable[[str], str], has_file: Callable[[str], bool], icon: Callable[[str], str],
                 contacts: tuple[Contact, ...] = (), site_name: str = "", site_url: str = ""):
        self.plan: Plan = plan
        self.pages: SitePages = pages
        self.options = options
        self.words: Words = words
        self.url_of = url_of
        self.has_file = has_file
        self.contacts = contacts
        self.site_name = site_name
        self.site_url = site_url
        # uri -> Action, Area, Home or Theme (plan.pages makes a new dictionary each time: made once)
        self.items: dict[str, object] = plan.pages
        next_update = options.next_update
        self.renderer: Renderer = Renderer(
            plan=plan, url_of=url_of, icon=icon, pages=pages, templates=templates, text=words,
            words=PageSettings(plan_name=options.plan_name, ratings_note=options.ratings_note,
                           checked=options.progress_checked_text.format(date=date_words(plan.as_at)),
                           next_update=options.next_update_text.format(date=date_words(next_update))
                           if next_update else ""))
        self.easy: EasyReadRenderer = EasyReadRenderer(self.renderer, words=words, pictures_dir=options.pictures_dir,
                                     contacts=contacts, next_update=next_update)
        self.glossary: Glossary = Glossary(plan.glossary, plan.glossary_uri, templates)
        self.reports: Reports = Reports(self.renderer, site_url=site_url, feed_uri=options.feed_path,
                               author=options.publisher or site_name, previous_report=options.previous_report,
                               licence=options.licence, licence_url=options.licence_url)
        self.shipped_pictures = False  # whether the plugin added any of its own pictures (OpenMoji: credit them)

    # -- pages ---------------------------------------------------------------------------------

    def render(self, page: GeneratedPage, body: str = "") -> str:
        """A generated page's content: its kind's template with its kind's data (core/pages.py);
        ``body``: the content's own words where the content has the page too."""
        data = page.kind.view(self, page, body)
        if page.kind.easy_read:
            return self.easy.render(page.template, page.uri, **data)
        return self.renderer.page(page.template, page.uri, body, **data)

    def content_page(self, uri: str, body: str) -> tuple[str, str | None] | None:
        """A content page the plugin shows (the home page, an area, an action, a theme, the glossary):
        its content and the title the plugin gives it (None: its own). None for any other page."""
        if uri == self.plan.glossary_uri:
            return self.glossary.page("", body), None
        item, r, text = self.items.get(uri), self.renderer, self.words.text
        if isinstance(item, Action):  # the short title: menu, <title>, previous/next
            return r.action(item, body), text("action_name", id=item.id, title=item.short_title or item.title)
        if isinstance(item, Area):
            return r.area(item, body), r.area_name(item)
        if isinstance(item, Home):
            return r.home(uri, body) + "\n" + self.reports.recent(uri), None
        if isinstance(item, Theme):
            return r.theme(item, body), text(yousaid.theme_key("page_title_theme", item), title=item.title)
        if isinstance(item, Update):
            return r.update(item, body), item.title
        return None

    def update_date(self, uri: str) -> str:
        """The sitemap's "last modified": from the content, never the clock (builds are reproducible)."""
        item = self.items.get(uri)
        changed = item.last_changed if isinstance(item, Action) else None
        return (changed.last_day if changed else self.plan.as_at).isoformat()

    def section_name(self, uri: str) -> str | None:
        """The menu section's name, in the site's words, of a folder whose index page is the plugin's page
        at ``uri`` (its kind's ``section`` word: all actions, the "You said" overview, the easy-read home)."""
        page = self.pages.get(uri)
        if page is None or not page.kind.section:
            return None
        return page.kind.section(self, page) if callable(page.kind.section) else self.words.text(page.kind.section)

    def easy_part_name(self, area: Area) -> str:
        """A part's name in easy read: "Part 2: Making EHC plans on time"."""
        return self.easy.words.text("easy_part_name", number=area.number, title=area.easy_read_title or area.title)

    def explain_jargon(self, uri: str, url: str, html: str) -> str:
        """The page's HTML with the first use of each glossary term linked to its explanation
        (core/glossary.py), except on the glossary and the easy-read pages (they have their own box)."""
        glossary_uri = self.plan.glossary_uri  # set whenever there are terms: they come from that page
        if not self.plan.glossary or glossary_uri is None or uri == glossary_uri or self.pages.is_easy_read(uri):
            return html
        return self.glossary.explain(html, relative(url, self.url_of(glossary_uri)))

    def has_headings_toc(self, uri: str) -> bool:
        """Whether the page's table of contents comes from its HTML headings (the plugin writes them)."""
        return uri in self.pages.by_uri or uri in self.items or uri == self.plan.glossary_uri

    def fill_settings(self, markdown: str, settings: Mapping[str, Any], where: str) -> tuple[str, list[str]]:
        """``[[name]]`` in page text replaced by ``settings[name]`` (mkdocs.yml's ``extra.settings``) or one
        of the feedback sentences (core/help.py); and a warning for every name that is neither (``where``:
        the page's file)."""
        known = {**settings, **page_words(self.feedback_url is not None, self.options.feedback_text, self.words)}
        unknown: list[str] = []

        def fill(match: re.Match) -> str:
            name = match.group(1)
            if name in known:
                return str(known[name])
            line = markdown.count("\n", 0, match.start()) + 1
            unknown.append(f"{where}: line {line} after the front-matter: [[{name}]] is not a setting; add it "
                           f"under extra.settings in mkdocs.yml (known: {', '.join(known) or 'none'})")
            return match.group(0)

        return _SETTING.sub(fill, markdown), unknown

    # -- what the pages link to ------------------------------------------------------------------

    def downloads(self) -> dict[str, str]:
        """The open data files, by their link text."""
        data, text = self.options.data_dir, self.words.text
        files = {text("download_actions_csv"): f"{data}/actions.csv",
                 text("download_actions_json"): f"{data}/actions.json"}
        if self.plan.themes:
            files[text("download_you_said_csv")] = f"{data}/you-said.csv"
            files[text("download_you_said_json")] = f"{data}/you-said.json"
        return files

    @property
    def feedback_url(self) -> str | None:
        """The ``feedback_url`` setting, or None while it is unset or still a placeholder."""
        url = self.options.feedback_url
        return url if url and not is_placeholder(url) else None

    def feedback_link(self, page_url: str, title: str) -> dict | None:
        """The "Tell us what you think about this page" link for a page: its full address and title
        filled in (core/help.py). None while no real feedback route is set."""
        url = self.feedback_url
        if url is None:
            return None
        return {"href": feedback_href(url, page_url, title, self.words), "text": self.options.feedback_text}

    @property
    def accessibility_uri(self) -> str | None:
        """The accessibility statement, if the site has one (linked from the contact page)."""
        return next((uri for uri in ACCESSIBILITY_PAGES if self.has_file(uri)), None)

    def alternate(self, url: str, uri: str) -> dict | None:
        """The link from the page at ``uri`` (address ``url``) to its other version: href, text and whether
        it leads to easy read; None when there is none (a site without easy read)."""
        version = self.pages.other_version(uri, self.items.get(uri))
        if version is None:
            return None
        if version.easy:
            text = self.words.text("to_easy_read_site" if version.whole_site else "to_easy_read")
        else:  # from an easy-read page: in easy words, as the rest of its frame
            text = self.words.text("easy_to_standard" if self.pages.is_easy_read(uri) else "to_standard")
        target = self.url_of(version.uri) + (f"#{version.fragment}" if version.fragment else "")
        return {"href": relative(url, target), "text": text, "easy": version.easy}

    def easy_frame(self, url: str, here: str) -> dict:
        """The easy words and links of the frame of an easy-read page (templates/easy-read.html)."""
        def href(uri: str) -> str:
            return relative(url, self.url_of(uri))

        pages, say = self.pages, self.easy.words.text
        menu = [(pages.uri("easy-home"), say("easy_menu_home"))]
        menu += [(pages.uri("easy-area", area), self.easy_part_name(area)) for area in self.plan.areas]
        if pages.has("easy-you-said"):
            menu.append((pages.uri("easy-you-said"), say("easy_you_said_title")))
        menu += [(pages.uri("easy-status-key"), say("easy_key_title")), (pages.uri("easy-help"), say("easy_help_link"))]
        return {"words": self.easy.frame(), "home": href(pages.uri("easy-home")),
                "help": href(pages.uri("easy-help")), "standard": href(pages.home_uri),
                "menu": [{"href": href(uri), "text": text, "current": uri == here} for uri, text in menu],
                **self.pictures_credit()}

    def pictures_credit(self) -> dict:
        """The easy-read footer's credit for the pictures: the site's, or OpenMoji's where the plugin added
        its own pictures and the site sets none."""
        if self.options.pictures_credit or not self.shipped_pictures:
            return {"credit": self.options.pictures_credit, "credit_url": self.options.pictures_credit_url}
        return {"credit": self.easy.words.text("easy_pictures_credit_openmoji"), "credit_url": "https://openmoji.org/"}

    def edit_uris(self, settings_file: str) -> dict[str, str | None]:
        """For each page the plugin makes, the one file "Edit this page" opens (its kind's rule,
        core/pages.py), or None for a page made from many files. ``settings_file``: mkdocs.yml's uri
        from the content folder."""
        return {page.uri: self.pages.edit_uri(page, settings_file) for page in self.pages.made()}

    # -- files the site gets besides its pages ------------------------------------------------------

    def pictures(self, shipped: Path) -> tuple[dict[str, str], list[str]]:
        """The easy-read pictures the site lacks: those the plugin ships (uri -> the file in ``shipped``)
        and those it does not (their uris, a problem). None when the site has no easy read."""
        if not self.pages.easy_read:
            return {}, []
        ideas: list[Any] = [self.plan.home] if self.plan.home else []
        ideas += [*self.plan.areas, *self.plan.actions, *self.plan.themes]
        content = {idea.file for page in ideas for idea in page.easy_read_ideas}
        found, missing = {}, []
        prefix = self.options.pictures_dir.strip("/") + "/"
        for picture in sorted(set(self.easy.pictures_used()) | content):
            if self.has_file(picture):
                continue
            file = shipped / picture.removeprefix(prefix)
            if file.is_file():
                found[picture] = str(file)
            else:
                missing.append(picture)
        self.shipped_pictures = bool(found)
        return found, missing

    def missing_pictures(self, missing: list[str]) -> str:
        """The problem with easy-read pictures that are neither in the content nor shipped with the plugin."""
        return (f"the easy-read pages need these pictures, which are not in the content folder: {', '.join(missing)}. "
                f"Copy them from OpenMoji (openmoji.org) into {self.options.pictures_dir}, or set pictures_dir to "
                "the folder that has them")

    def unwritten_easy_read(self) -> str | None:
        """A note naming the actions with no easy-read text yet (None when every one has it, or the site has
        no easy read)."""
        missing = [a.id for a in self.plan.actions if not a.easy_read]
        if not missing or not self.pages.easy_read:
            return None
        return (f"{len(missing)} of {len(self.plan.actions)} actions have no easy-read text yet "
                f"(their easy-read pages say it is being written): {', '.join(missing)}")

    def files(self, assets: Callable[[str], str]) -> dict[str, str]:
        """The Atom feed, the open data files and the plugin's stylesheets and script: uri -> content.
        ``assets(name)``: the text of one of the plugin's own assets."""
        options, plan = self.options, self.plan
        data, as_at, next_update = options.data_dir, plan.as_at, options.next_update

        def full_url(uri: str) -> str:
            return self.site_url + self.url_of(uri) if self.site_url else self.url_of(uri)

        rows = opendata.action_rows(plan, full_url)
        out = {options.feed_path: self.reports.feed(self.site_name),
               f"{data}/actions.json": opendata.to_json(rows, as_at, next_update=next_update,
                                                                 last_updated=plan.late_date),
               f"{data}/actions.csv": opendata.to_csv(rows)}
        if plan.themes:
            said = opendata.you_said_rows(plan, full_url)
            out[f"{data}/you-said.json"] = opendata.to_json(said, as_at, key="items", next_update=next_update,
                                                             last_updated=plan.late_date)
            out[f"{data}/you-said.csv"] = opendata.to_csv(said, opendata.you_said_columns(plan))
        out[CSS_PATH] = stylesheet(plan.scale)
        out[JS_PATH] = assets("plan-progress.js")
        out[THEME_FIXES_PATH] = assets("theme-fixes.css")
        return out

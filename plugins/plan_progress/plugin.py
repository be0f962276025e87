"""The MkDocs adapter: reads pages into the plan model, adds generated pages, renders plan pages.

All domain logic lives in ``plan_progress.core``; this module only moves data
between MkDocs' events and the core.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from markdown.extensions.toc import nest_toc_tokens
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .config import PlanProgressConfig
from .core import help as help_core
from .core import opendata
from .core.dates import words as date_words
from .core.easyread import EasyReadRenderer
from .core.files import linked_files
from .core.glossary import Glossary
from .core.links import relative
from .core.model import Action, Area, Home, Plan, Theme
from .core.pages import GeneratedPage, SitePages
from .core.palette import Palette, check_palette, theme_palettes
from .core.problems import ContentError
from .core.render import Renderer, Words, YouSaidRenderer
from .core.reports import Reports
from .core.safe_text import guard_logs
from .core.scale import DEFAULT_SCALE, Status
from .core.styles import stylesheet
from .core.templates import Templates, slug
from .core.words import Words as WordList
from .core.words import WordsError
from .reading import (
    SHIPPED_PICTURES,
    PlanSettings,
    check_settings,
    icon_finder,
    parse_date,
    plan_settings,
    read_plan,
    site_paths,
)

log = get_plugin_logger(__name__)

CSS_PATH = "assets/plan-progress.css"
JS_PATH = "assets/plan-progress.js"
THEME_FIXES_PATH = "assets/theme-fixes.css"  # accessibility fixes to mkdocs-material (scripts/a11y)
TEMPLATES = Path(__file__).resolve().parent / "templates"
_SETTING = re.compile(r"\[\[([a-z][a-z0-9_]*)\]\]")
_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1\s*>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
_T = TypeVar("_T")


def _ready(value: _T | None, name: str, event: str) -> _T:
    """``value``, set by the plugin's ``event``; a clear error if something asks for it before then."""
    if value is None:
        raise PluginError(f"plan-progress: {name} is used before MkDocs' {event} event has set it")
    return value


class PlanProgressPlugin(BasePlugin[PlanProgressConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.plan: Plan | None = None  # None until on_files has read it (and while the plugin is off)
        self.scale: tuple[Status, ...] = DEFAULT_SCALE
        self.pages: dict[str, object] = {}  # src uri -> Action, Area, Home or Theme (plan.pages, made once)
        self._settings: PlanSettings | None = None  # set by on_config
        self._renderer: Renderer | None = None  # set by on_files
        self._site_pages: SitePages | None = None  # set by on_files
        self._files: Files | None = None  # set by on_files

    @property
    def settings(self) -> PlanSettings:
        """The settings reading the plan needs (reading.py)."""
        return _ready(self._settings, "the plan's settings", "on_config")

    @property
    def as_at(self) -> dt.date:
        """The date the plan's progress is reported at (the ``as_at`` setting)."""
        return self.settings.as_at

    @property
    def renderer(self) -> Renderer:
        return _ready(self._renderer, "the page renderer", "on_files")

    @property
    def site_pages(self) -> SitePages:
        """Every page the plugin makes (core/pages.py)."""
        return _ready(self._site_pages, "the list of generated pages", "on_files")

    def _plan(self) -> Plan:
        return _ready(self.plan, "the plan", "on_files")

    # -- configuration -----------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        guard_logs()  # nothing the build prints can start a workflow command in a CI log
        self._settings = plan_settings(self.config)
        self.scale = self._settings.scale
        check_settings(config, self.config)
        self.check_site_settings(config)
        self.add_contact_link(config)
        self.use_system_fonts(config)
        add_templates(config)
        for position, path in enumerate((CSS_PATH, THEME_FIXES_PATH)):
            if path not in config.extra_css:
                config.extra_css.insert(position, path)
        if JS_PATH not in config.extra_javascript:
            config.extra_javascript.append(JS_PATH)
        return config

    def check_site_settings(self, config: MkDocsConfig) -> None:
        """The site's words and the theme's colours: every problem with either at once."""
        sections = [("the words in mkdocs.yml cannot be used", self.load_words(config)),
                    ("the theme's colours in mkdocs.yml (theme.palette) fail contrast",
                     self.check_brand_colours(config))]
        found = [f"plan-progress: {title}:\n" + "\n".join(f"  {p}" for p in problems)
                 for title, problems in sections if problems]
        if found:
            raise PluginError("\n".join(found))

    def add_contact_link(self, config: MkDocsConfig) -> None:
        """The "Contact and help" page, when contacts are set, in the footer's links of every page; and
        no ``extra.settings`` name may hide the feedback sentences the plugin fills in."""
        taken = sorted(set(help_core.PAGE_WORDS) & set(_extra(config).get("settings") or {}))
        if taken:
            raise PluginError("plan-progress: extra.settings in mkdocs.yml:\n" + "\n".join(
                f"  {name}: the plugin fills this in from feedback_url; give your setting another name"
                for name in taken))
        if not self.config.contacts:
            return
        page = self.config.contact_page.removesuffix(".md")
        if config.use_directory_urls:
            url = page.removesuffix("index") if page.endswith("index") else page + "/"
        else:
            url = page + ".html"
        footer = list(_extra(config).get("footer_links") or [])
        if not any(isinstance(link, dict) and link.get("url") == url for link in footer):
            footer.append({"text": self.words.text("contact_title"), "url": url})
            config.extra["footer_links"] = footer

    def use_system_fonts(self, config: MkDocsConfig) -> None:
        """No third-party requests: mkdocs-material loads its fonts from Google unless ``theme.font``
        is false, so the plugin turns them off (the reader's own fonts are used)."""
        if config.theme.name == "material" and config.theme.get("font") is not False:
            config.theme["font"] = False
            log.info("theme.font is off: mkdocs-material would load its fonts from Google's servers, and the "
                     "site makes no third-party requests; pages use the reader's own fonts")

    def load_words(self, config: MkDocsConfig) -> list[str]:
        """Set ``self.words``: the English word list with the site's ``words:`` applied. Returns every
        problem with ``words:`` (the English list is used meanwhile)."""
        plan_name, site_name = self.config.plan_name, config.site_name or ""
        try:
            self.words = WordList.load(self.config.words, plan_name=plan_name, site_name=site_name)
        except WordsError as error:
            self.words = WordList.load(plan_name=plan_name, site_name=site_name)
            return error.problems
        return []

    def check_brand_colours(self, config: MkDocsConfig) -> list[str]:
        """Every reason mkdocs-material's named primary or accent colour fails: where the theme would
        draw with it under WCAG AA contrast, measured from the installed theme's own stylesheets."""
        if config.theme.name != "material":
            return []
        palette = _material_palette(tuple(config.theme.dirs))
        if palette is None:
            return []
        problems = [p for primary, accent in theme_palettes(config.theme.get("palette"))
                    for p in check_palette(palette, primary, accent)]
        return list(dict.fromkeys(problems))

    # -- reading content ---------------------------------------------------------

    # Runs early so that every later plugin (search, sitemap) sees the generated pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        root = Path(config.config_file_path or ".").resolve().parent
        linked = linked_files([config.docs_dir, config.theme.custom_dir], root,
                              [file.abs_src_path for file in files if file.abs_src_path])
        if linked:  # before anything is read or copied: a link could publish any file the build can read
            raise PluginError(str(ContentError(linked)))
        plan, problems = self.read_plan(files, config)
        for problem in problems.warnings:
            log.warning(str(problem))
        if problems.errors:
            raise PluginError(str(ContentError(problems.errors)))
        self.plan = plan
        # plan.pages builds a new dictionary of every page each time: look pages up in one copy.
        self.pages = plan.pages
        icon_exists = icon_finder(tuple(config.theme.dirs))
        # MkDocs copies every file of the theme's folders that is not HTML into the site: the
        # plugin's own templates (such as the Atom feed's) are not pages of the site.
        ours = str(TEMPLATES) + os.sep
        for file in [f for f in files if f.abs_src_path and f.abs_src_path.startswith(ours)]:
            files.remove(file)
        templates = Templates(config.theme.dirs)
        templates.env.globals["w"] = self.words  # every template's words (locale/en.yml and the site's words:)

        site_pages = self._site_pages = SitePages(plan, site_paths(self.config),
                                                  has_page=lambda uri: files.get_file_from_path(uri) is not None)
        for made in site_pages.made():
            if files.get_file_from_path(made.uri) is not None:
                raise PluginError(f"plan-progress: {made.uri} is made by the plugin; remove or rename the file "
                                  "in the content folder")
            files.append(File.generated(config, made.uri, content=f"# {made.kind.name}\n"))

        urls: dict[str, str] = {}  # every link on every page asks: remember the answers

        def url_of(uri: str) -> str:
            url = urls.get(uri)
            if url is None:
                file = files.get_file_from_path(uri)
                if file is None:
                    raise PluginError(f"plan-progress: {uri} is not a file of the site, so it has no address")
                url = urls[uri] = file.url
            return url

        renderer = self._renderer = Renderer(
            plan=plan, url_of=url_of, icon=lambda name: _read_icon(icon_exists(name), name),
            words=Words(plan_name=self.config.plan_name, ratings_note=self.config.ratings_note,
                        checked=self.config.progress_checked_text.format(date=date_words(self.as_at)),
                        next_update=self.config.next_update_text.format(date=date_words(self.config.next_update))
                        if self.config.next_update else ""),
            pages=site_pages, templates=templates, text=self.words,
        )
        self.easy = EasyReadRenderer(renderer, words=self.words, pictures_dir=self.config.pictures_dir,
                                     contacts=self.settings.contacts,
                                     next_update=self.config.next_update)
        self.shipped_pictures = False  # whether the plugin added any of its own pictures (OpenMoji: credit them)
        missing = []
        ideas = [plan.home] if plan.home else []
        ideas += [*plan.areas, *plan.actions, *plan.themes]
        content_pictures = {idea.file for page in ideas for idea in page.easy_read_ideas}
        for picture in sorted(set(self.easy.pictures_used()) | content_pictures):
            if files.get_file_from_path(picture) is not None:
                continue
            shipped = SHIPPED_PICTURES / picture.removeprefix(self.config.pictures_dir.strip("/") + "/")
            if shipped.is_file():
                files.append(File.generated(config, picture, abs_src_path=str(shipped)))
                self.shipped_pictures = True
            else:
                missing.append(picture)
        if missing:
            raise PluginError("plan-progress: the easy-read pages need these pictures, which are not in the content "
                              f"folder: {', '.join(missing)}. Copy them from OpenMoji (openmoji.org) into "
                              f"{self.config.pictures_dir}, or set pictures_dir to the folder that has them")
        self.glossary = Glossary(plan.glossary, plan.glossary_uri, templates)
        missing = [a.id for a in plan.actions if not a.easy_read]
        if missing:
            log.info(f"{len(missing)} of {len(plan.actions)} actions have no easy-read text yet "
                     f"(their easy-read pages say it is being written): {', '.join(missing)}")
        site_url = config.site_url or ""
        previous = parse_date(self.config.previous_report, "previous_report") if self.config.previous_report else None
        self.reports = Reports(renderer, site_url=site_url, feed_uri=self.config.feed_path,
                               author=self.config.publisher or config.site_name, previous_report=previous,
                               licence=self.config.licence, licence_url=self.config.licence_url)
        files.append(File.generated(config, self.config.feed_path, content=self.reports.feed(config.site_name)))
        rows = opendata.action_rows(plan, lambda uri: site_url + url_of(uri) if site_url else url_of(uri))
        data_dir = self.config.data_dir
        files.append(File.generated(config, f"{data_dir}/actions.json", content=opendata.to_json(rows, self.as_at,
                                                                                 next_update=self.config.next_update)))
        files.append(File.generated(config, f"{data_dir}/actions.csv", content=opendata.to_csv(rows)))
        if plan.themes:
            said = opendata.you_said_rows(plan, lambda uri: site_url + url_of(uri) if site_url else url_of(uri))
            files.append(File.generated(config, f"{data_dir}/you-said.json",
                                        content=opendata.to_json(said, self.as_at, key="items",
                                                                  next_update=self.config.next_update)))
            files.append(File.generated(config, f"{data_dir}/you-said.csv",
                                        content=opendata.to_csv(said, opendata.YOU_SAID_COLUMNS)))
        files.append(File.generated(config, CSS_PATH, content=stylesheet(self.scale)))
        files.append(File.generated(config, JS_PATH, content=_asset("plan-progress.js")))
        files.append(File.generated(config, THEME_FIXES_PATH, content=_asset("theme-fixes.css")))
        self.point_edit_links(files, config)
        self._files = files
        return files

    def point_edit_links(self, files: Files, config: MkDocsConfig) -> None:
        """"Edit this page" on a generated page opens the one file it comes from: mkdocs.yml (where
        the status scale lives) for the status key and the action lists, the area's index.md for
        its list and easy-read page, the home page for the easy-read home. Pages made from many
        files (What's changed, the Board report, open data, "You said" overviews) get no link."""
        folder = Path(config.docs_dir).name + "/"
        if config.edit_uri and not config.edit_uri_template and not config.edit_uri.endswith(folder):
            log.warning(f"plan-progress: edit_uri '{config.edit_uri}' in mkdocs.yml does not end with the content "
                        f"folder '{folder}', so 'Edit this page' would open files that are not there; set "
                        f"edit_uri: edit/<branch>/{folder} (with repo_url alone, MkDocs guesses edit/master/docs/)")
        settings = os.path.relpath(config.config_file_path or "mkdocs.yml", config.docs_dir).replace(os.sep, "/")
        home = self._plan().home
        for made in self.site_pages.made():  # a content page the plugin adds to keeps its own file
            file = files.get_file_from_path(made.uri)
            assert file is not None, made.uri  # on_files added every page the content does not have
            kind = made.kind.name
            if kind in ("status-key", "actions", "status-actions", "easy-status-key"):
                file.edit_uri = settings
            elif kind in ("area-actions", "easy-area"):
                file.edit_uri = _area(made).uri
            elif kind == "easy-home" and home:
                file.edit_uri = home.uri
            else:
                file.edit_uri = None

    def read_plan(self, files: Files, config: MkDocsConfig):
        """Read and check every documentation page (reading.read_plan: the one path used by the
        build and by the command-line tools). Returns the plan and every problem found."""
        return read_plan(files, config, self.settings)

    # -- rendering pages ------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        plan = self.plan
        if not self.config.enabled or plan is None:
            return None
        markdown = self.fill_settings(markdown, page, config)
        uri = page.file.src_uri
        # The sitemap's "last modified" comes from the content, not the clock: builds are reproducible.
        item = self.pages.get(uri)
        changed = item.last_changed if isinstance(item, Action) else None
        page.update_date = (changed.last_day if changed else self.as_at).isoformat()
        made = self.site_pages.get(uri)
        if made is not None:
            if made.kind.easy_read:
                page.meta["template"] = "easy-read.html"
            return self.render_generated(made, markdown if page.file.generated_by is None else "")
        if uri == plan.glossary_uri:
            return self.glossary.page("", markdown)
        renderer = self.renderer
        item = self.pages.get(uri)
        if item is None:
            return markdown
        # mkdocs-material reads `status` in page meta for its own nav icons: ours is not that.
        page.meta.pop("status", None)
        if isinstance(item, Action):
            # the short title: menu, <title>, previous/next
            page.meta["title"] = self.words.text("action_name", id=item.id, title=item.short_title or item.title)
            return renderer.action(item, markdown)
        if isinstance(item, Area):
            page.meta["title"] = renderer.area_name(item)
            return renderer.area(item, markdown)
        if isinstance(item, Home):
            return renderer.home(uri, markdown) + "\n" + self.reports.recent(uri)
        if isinstance(item, Theme):
            page.meta["title"] = self.words.text("page_title_theme", title=item.title)
            return YouSaidRenderer(renderer).theme(item, markdown)
        return None


    def render_generated(self, made: GeneratedPage, body: str) -> str:
        """The content of a page the plugin makes, by its kind (core/pages.py); ``body``: the
        content's own words where the content has the page too (the You said overview)."""
        r, easy, reports = self.renderer, self.easy, self.reports
        render = {
            "status-key": lambda: r.status_key(made.uri),
            "actions": lambda: r.all_actions(made.uri),
            "status-actions": lambda: r.status_page(_status(made), made.uri),
            "area-actions": lambda: r.area_list_page(_area(made), made.uri),
            "changes": lambda: reports.changes_page(made.uri),
            "board-report": lambda: reports.board_report(made.uri),
            "open-data": lambda: reports.open_data_page(made.uri, self.downloads()),
            "you-said": lambda: YouSaidRenderer(r).overview(made.uri, body),
            "easy-home": lambda: easy.home(made.uri),
            "easy-status-key": lambda: easy.status_key(made.uri),
            "easy-area": lambda: easy.area(_area(made), made.uri),
            "easy-you-said": lambda: easy.you_said(made.uri),
            "contact": lambda: r.contact_page(made.uri, list(self.settings.contacts),
                                              self.feedback_link("", "") if self.feedback_configured() else None,
                                              self.accessibility_uri()),
            "easy-help": lambda: easy.who_can_help(made.uri),
        }
        return render[made.kind.name]()

    def downloads(self) -> dict[str, str]:
        data = self.config.data_dir
        text = self.words.text
        files = {text("download_actions_csv"): f"{data}/actions.csv",
                 text("download_actions_json"): f"{data}/actions.json"}
        if self._plan().themes:
            files[text("download_you_said_csv")] = f"{data}/you-said.csv"
            files[text("download_you_said_json")] = f"{data}/you-said.json"
        return files

    def feedback_configured(self) -> bool:
        return self._feedback_url() is not None

    def _feedback_url(self) -> str | None:
        """The ``feedback_url`` setting, or None while it is unset or still a placeholder."""
        url = self.config.feedback_url
        return url if url and not help_core.is_placeholder(url) else None

    def feedback_link(self, page_url: str, title: str) -> dict | None:
        """The "Tell us what you think about this page" link for a page: its full address and title
        filled in (core/help.py). None while no real feedback route is set."""
        url = self._feedback_url()
        if url is None:
            return None
        return {"href": help_core.feedback_href(url, page_url, title, self.words),
                "text": self.config.feedback_text}

    def accessibility_uri(self) -> str | None:
        """The accessibility statement, if the site has one (linked from the contact page)."""
        for uri in ("about/accessibility.md", "accessibility.md"):
            if self._files is not None and self._files.get_file_from_path(uri) is not None:
                return uri
        return None

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        """Put the top-level navigation in the configured order, areas and actions in number order
        (2.1, 2.2 ... 2.10, not 2.1, 2.10, 2.11 ... 2.2), and name each area's section by its title."""
        if not self.config.enabled or self.plan is None:
            return None
        _order_plan_sections(nav.items, self.pages, self.renderer.area_name)
        if self.config.nav_order:
            rank = {entry.strip("/"): index for index, entry in enumerate(self.config.nav_order)}
            position = {id(item): index for index, item in enumerate(nav.items)}

            def key(item):
                page = item
                while getattr(page, "children", None):
                    page = page.children[0]
                uri = getattr(getattr(page, "file", None), "src_uri", "") or ""
                name = uri if not getattr(item, "children", None) else uri.split("/", 1)[0]
                return rank.get(name, len(rank)), position[id(item)]

            nav.items.sort(key=key)
        pages = []

        def walk(items):
            for item in items:
                if getattr(item, "children", None):
                    walk(item.children)
                elif getattr(item, "is_page", False):
                    pages.append(item)

        walk(nav.items)
        nav.pages = pages
        for index, page in enumerate(pages):
            page.previous_page = pages[index - 1] if index else None
            page.next_page = pages[index + 1] if index + 1 < len(pages) else None
        return nav

    def fill_settings(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        """Replace ``[[name]]`` in page text with ``extra.settings.name`` from mkdocs.yml, so that
        details such as contact addresses are kept in one place. An unknown name is a warning."""
        settings = {**(_extra(config).get("settings") or {}),
                    **help_core.page_words(self.feedback_configured(), self.config.feedback_text, self.words)}

        def fill(match):
            name = match.group(1)
            if name in settings:
                return str(settings[name])
            line = markdown.count("\n", 0, match.start()) + 1
            root = Path(config.config_file_path or ".").resolve().parent
            where = Path(os.path.relpath(page.file.abs_src_path, root)).as_posix() if page.file.abs_src_path \
                else page.file.src_uri
            log.warning(f"{where}: line {line} after the front-matter: [[{name}]] is not a setting; "
                        f"add it under extra.settings in mkdocs.yml (known: {', '.join(settings) or 'none'})")
            return match.group(0)

        return _SETTING.sub(fill, markdown)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Give a page the table of contents and title of its HTML headings, which the plugin
        writes as HTML (not Markdown); then explain jargon where it appears: the first use of each
        glossary term links to a box of plain-word explanations at the end of the page (reachable
        without hovering)."""
        plan = self.plan
        if not self.config.enabled or plan is None:
            return None
        uri = page.file.src_uri
        made = self.site_pages.get(uri)
        if made is not None or uri in self.pages or uri == plan.glossary_uri:
            _headings_to_toc(page, html, title=made is not None)
        _plain_title(page)
        if "<h1" not in html:
            # The theme would add this heading in its template, where its search does not see it:
            # the search would then title the page's first section with the raw page title.
            html = f'<h1 id="{escape(slug(page.title))}">{escape(page.title)}</h1>\n{html}'
        glossary_uri = plan.glossary_uri  # set whenever there are terms: they come from that page
        if not plan.glossary or glossary_uri is None:
            return html
        if uri == glossary_uri or self.site_pages.is_easy_read(uri):
            return html
        glossary_href = relative(page.url, self.renderer.url_of(glossary_uri))
        return self.glossary.explain(html, glossary_href)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """The theme's own templates (the 404 page, the menu, the footer) take their words from the
        word list too, as ``pp_words``."""
        env.globals["pp_words"] = getattr(self, "words", None) or WordList.load()  # English when disabled
        return env

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        """Give the templates the link to this page's other version and the feedback link."""
        if not self.config.enabled or self.plan is None:
            return None
        target = self.alternate(page.file.src_uri)
        if target is not None:
            uri, fragment, text, easy = target
            href = relative(page.url, self.renderer.url_of(uri) + (f"#{fragment}" if fragment else ""))
            context["pp_alternate"] = {"href": href, "text": text, "easy": easy}
        if self.site_pages.is_easy_read(page.file.src_uri):
            context["pp_easy"] = self.easy_frame(page.url, page.file.src_uri)
        context["pp_feed"] = {"href": relative(page.url, self.config.feed_path),
                              "title": self.words.text("feed_title", site_name=config.site_name or "")}
        feedback = self.feedback_link(page.canonical_url or page.abs_url or page.url, page.title or "")
        if feedback is not None:
            context["pp_feedback"] = feedback
        return context

    def easy_frame(self, url: str, here: str) -> dict:
        """The easy words and links of the frame of an easy-read page (templates/easy-read.html)."""
        def href(uri: str) -> str:
            return relative(url, self.renderer.url_of(uri))

        plan = self._plan()
        menu = [(self.site_pages.uri("easy-home"), self.easy.words.text("easy_menu_home"))]
        menu += [(self.site_pages.uri("easy-area", area),
                  self.easy.words.text("easy_part_name", number=area.number, title=area.easy_read_title or area.title))
                 for area in plan.areas]
        if self.site_pages.has("easy-you-said"):
            menu.append((self.site_pages.uri("easy-you-said"), self.easy.words.text("easy_you_said_title")))
        menu += [(self.site_pages.uri("easy-status-key"), self.easy.words.text("easy_key_title")),
                 (self.site_pages.uri("easy-help"), self.easy.words.text("easy_help_link"))]
        return {"words": self.easy.frame(), "home": href(self.site_pages.uri("easy-home")),
                "help": href(self.site_pages.uri("easy-help")), "standard": href(self.site_pages.home_uri),
                "menu": [{"href": href(uri), "text": text, "current": uri == here}
                         for uri, text in menu],
                **self.pictures_credit()}

    def pictures_credit(self) -> dict:
        """The easy-read footer's credit for the pictures: the site's, or OpenMoji's where the plugin added
        its own pictures and the site sets none."""
        if self.config.pictures_credit or not self.shipped_pictures:
            return {"credit": self.config.pictures_credit, "credit_url": self.config.pictures_credit_url}
        return {"credit": self.easy.words.text("easy_pictures_credit_openmoji"), "credit_url": "https://openmoji.org/"}

    def alternate(self, uri: str):
        """The other version of a page: (uri, fragment, link text, whether the target is easy read)."""
        target, fragment, easy, whole_site = self.site_pages.other_version(uri, self.pages.get(uri))
        if easy:
            text = self.words.text("to_easy_read_site" if whole_site else "to_easy_read")
        else:  # from an easy-read page: in easy words, as the rest of its frame
            text = self.words.text("easy_to_standard" if self.site_pages.is_easy_read(uri) else "to_standard")
        return target, fragment, text, easy


def _extra(config: MkDocsConfig) -> Mapping[str, Any]:
    """mkdocs.yml's ``extra``: what the site passes to its templates (empty when it has none)."""
    return config.extra or {}


def _status(made: GeneratedPage) -> Status:
    """The status a page about one status is about (core/pages.py makes every such page with one)."""
    assert isinstance(made.subject, Status), made
    return made.subject


def _area(made: GeneratedPage) -> Area:
    """The area a page about one area is about (core/pages.py makes every such page with one)."""
    assert isinstance(made.subject, Area), made
    return made.subject


def _plain_title(page: Page) -> None:
    """Every page's title is plain text, as front-matter titles are, and the theme templates escape
    it (``| e``). MkDocs takes a title from the page's first Markdown heading as HTML ("Health
    &amp; care"): turn that one into text, so that no title is escaped twice or left unescaped."""
    rendered = getattr(page, "_title_from_render", None)
    if "title" not in page.meta and rendered and page.title == rendered:
        page.title = html.unescape(rendered)


def _order_plan_sections(items: list, pages: dict, area_name) -> None:
    """In every section: the index page first, then areas and actions by number, then the rest as
    they were. A section holding an area's pages is named by the area's title, not its folder."""
    def plan_item(entry):
        uri = getattr(getattr(entry, "file", None), "src_uri", None)
        return pages.get(uri) if uri else None

    def index_of(section):
        return next((child for child in section.children if getattr(child, "is_index", False)), None)

    positions = {id(entry): index for index, entry in enumerate(items)}

    def key(entry):
        position = positions[id(entry)]
        item = plan_item(index_of(entry) if getattr(entry, "children", None) else entry)
        if getattr(entry, "is_index", False):
            return (0, (), position)
        if isinstance(item, Action):
            return (1, item.sort_key, position)
        if isinstance(item, Area):
            return (1, (item.number,), position)
        return (2, (), position)

    items.sort(key=key)
    for entry in items:
        if getattr(entry, "children", None):
            area = plan_item(index_of(entry))
            if isinstance(area, Area):
                entry.title = area_name(area)  # in the site's words: "Priority 1: Early help"
            _order_plan_sections(entry.children, pages, area_name)


def _headings_to_toc(page: Page, content: str, title: bool) -> None:
    """The page's table of contents from every heading with an id in its HTML, as MkDocs' toc
    extension makes it from Markdown headings (titles as HTML, entities kept); and, with ``title``
    and unless the page has one, its title: the text of its first ``<h1>``."""
    tokens = []
    first = None
    for match in _HEADING.finditer(content):
        level, attributes, inner = int(match.group(1)), match.group(2) or "", match.group(3)
        name = " ".join(_TAG.sub("", inner).split())
        if level == 1 and first is None:
            first = html.unescape(name)
        found = _ID.search(attributes)
        if found:
            tokens.append({"level": level, "id": html.unescape(found.group(1)), "name": name, "html": inner,
                           "data-toc-label": ""})
    page.toc = get_toc(nest_toc_tokens(tokens))
    if title and first is not None and "title" not in page.meta:
        page.meta["title"] = first


def add_templates(config: MkDocsConfig) -> None:
    """Put the plugin's templates on the theme's search path, as MkDocs' search plugin does: after
    the site's own ``custom_dir`` (a site's overrides/ still wins) and before the theme's own
    folder (ours win over mkdocs-material's)."""
    dirs = config.theme.dirs
    path = str(TEMPLATES)
    if path in dirs:
        return
    custom = config.theme.custom_dir
    position = 1 if custom is not None and dirs and dirs[0] == custom else 0
    dirs.insert(position, path)


def _asset(name: str) -> str:
    from importlib import resources

    return (resources.files("plan_progress") / "assets" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _material_palette(theme_dirs: tuple[str, ...]) -> Palette | None:
    """The colours mkdocs-material's stylesheets define (the first theme folder that has them)."""
    for folder in theme_dirs:
        sheets = Path(folder, "assets", "stylesheets")
        found = sorted(sheets.glob("main.*.min.css")) + sorted(sheets.glob("palette.*.min.css"))
        if found:
            return Palette.from_css(path.read_text(encoding="utf-8") for path in found)
    return None


@lru_cache(maxsize=None)
def _read_icon(path: str | None, name: str) -> str:
    if path is None:
        raise PluginError(f"plan-progress: there is no icon called '{name}' in the theme's icon sets")
    return Path(path).read_text(encoding="utf-8").strip()

"""The MkDocs adapter: reads pages into the plan model, adds generated pages, renders plan pages.

All domain logic lives in ``plan_progress.core``; this module only moves data
between MkDocs' events and the core.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import posixpath
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from markdown.extensions.toc import nest_toc_tokens

from .config import PlanProgressConfig
from .core import opendata
from .core.loader import RawPage, load_plan
from .core.model import Action, Area, Home, Plan, Theme
from .core.problems import ContentError
from .core.easyread import EasyReadRenderer, Rules
from .core.glossary import Glossary
from .core.links import relative
from .core.render import Renderer, Words, YouSaidRenderer
from .core.reports import Reports
from .core.scale import DEFAULT_SCALE, Status, check_scale
from .core.styles import stylesheet
from .core.templates import Templates

log = get_plugin_logger(__name__)

CSS_PATH = "assets/plan-progress.css"
JS_PATH = "assets/plan-progress.js"
THEME_FIXES_PATH = "assets/theme-fixes.css"  # accessibility fixes to mkdocs-material (scripts/a11y)
TEMPLATES = Path(__file__).resolve().parent / "templates"
_SETTING = re.compile(r"\[\[([a-z][a-z0-9_]*)\]\]")
_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1\s*>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")


class PlanProgressPlugin(BasePlugin[PlanProgressConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.plan: Plan | None = None
        self.scale: tuple[Status, ...] = DEFAULT_SCALE
        self.as_at: dt.date | None = None
        self.renderer: Renderer | None = None
        self.generated: dict[str, str] = {}  # src uri -> role
        self.pages: dict[str, object] = {}  # src uri -> Action, Area, Home or Theme (plan.pages, made once)
        self.area_roles: dict[str, Area] = {}  # "er-area:3" and "area-list:3" -> area 3

    # -- configuration -----------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.as_at = _parse_as_at(self.config.as_at)
        if self.config.statuses:
            self.scale = tuple(Status(**dict(s)) for s in self.config.statuses)
        else:
            self.scale = DEFAULT_SCALE
        problems = check_scale(self.scale)
        if problems:
            raise PluginError("plan-progress: the status scale in mkdocs.yml cannot be used:\n"
                              + "\n".join(f"  {p}" for p in problems))
        add_templates(config)
        for position, path in enumerate((CSS_PATH, THEME_FIXES_PATH)):
            if path not in config.extra_css:
                config.extra_css.insert(position, path)
        if JS_PATH not in config.extra_javascript:
            config.extra_javascript.append(JS_PATH)
        return config

    # -- reading content ---------------------------------------------------------

    # Runs early so that every later plugin (search, sitemap) sees the generated pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        plan, problems = self.read_plan(files, config)
        for problem in problems.warnings:
            log.warning(str(problem))
        if problems.errors:
            raise PluginError(str(ContentError(problems.errors)))
        self.plan = plan
        # plan.pages builds a new dictionary of every page each time: look pages up in one copy.
        self.pages = plan.pages
        self.area_roles = {f"{kind}:{area.number}": area for area in plan.areas for kind in ("er-area", "area-list")}
        icon_exists = _icon_finder(tuple(config.theme.dirs))
        # MkDocs copies every file of the theme's folders that is not HTML into the site: the
        # plugin's own templates (such as the Atom feed's) are not pages of the site.
        ours = str(TEMPLATES) + os.sep
        for file in [f for f in files if f.abs_src_path and f.abs_src_path.startswith(ours)]:
            files.remove(file)
        templates = Templates(config.theme.dirs)

        self.generated = {}
        roles: dict[str, str] = {"status-key": self.config.status_key_page,
                 "actions": posixpath.join(self.config.actions_dir, "index.md")}
        for status in self.scale:
            roles[f"status:{status.key}"] = posixpath.join(self.config.actions_dir, f"{status.key}.md")
        for area in plan.areas:
            roles[f"area-list:{area.number}"] = posixpath.join(self.config.actions_dir, f"area-{area.number}.md")
        roles["changes"] = self.config.changes_page
        roles["board-report"] = self.config.board_report_page
        roles["open-data"] = self.config.open_data_page
        easy = self.config.easy_read_dir
        roles["er-home"] = posixpath.join(easy, "index.md")
        roles["er-status-key"] = posixpath.join(easy, "status-key.md")
        for area in plan.areas:
            roles[f"er-area:{area.number}"] = posixpath.join(easy, f"area-{area.number}.md")
        if plan.themes:
            roles["er-you-said"] = posixpath.join(easy, "you-said.md")
        overview = posixpath.join(self.config.you_said_dir, "index.md")
        if plan.themes:
            if files.get_file_from_path(overview) is None:
                roles["you-said"] = overview  # made here when the content has no page of its own
            else:
                self.generated[overview] = "you-said"  # the content's own page: the overview goes below it
        for role, uri in roles.items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"plan-progress: {uri} is made by the plugin; remove or rename the file "
                                  "in the content folder")
            files.append(File.generated(config, uri, content=f"# {role}\n"))
            self.generated[uri] = role

        urls: dict[str, str] = {}  # every link on every page asks: remember the answers

        def url_of(uri: str) -> str:
            url = urls.get(uri)
            if url is None:
                url = urls[uri] = files.get_file_from_path(uri).url
            return url

        self.renderer = Renderer(
            plan=plan, url_of=url_of, icon=lambda name: _read_icon(icon_exists(name), name),
            words=Words(plan_name=self.config.plan_name, ratings_note=self.config.ratings_note),
            generated={role: uri for uri, role in self.generated.items()}, templates=templates,
        )
        self.easy = EasyReadRenderer(self.renderer, self.renderer.generated)
        self.glossary = Glossary(plan.glossary, plan.glossary_uri, templates)
        missing = [a.id for a in plan.actions if not a.easy_read]
        if missing:
            log.info(f"{len(missing)} of {len(plan.actions)} actions have no easy-read text yet "
                     f"(their easy-read pages say it is being written): {', '.join(missing)}")
        site_url = config.site_url or ""
        previous = _parse_as_at(self.config.previous_report, "previous_report") if self.config.previous_report else None
        self.reports = Reports(self.renderer, site_url=site_url, feed_uri=self.config.feed_path,
                               author=self.config.publisher or config.site_name, previous_report=previous,
                               licence=self.config.licence, licence_url=self.config.licence_url)
        files.append(File.generated(config, self.config.feed_path, content=self.reports.feed(config.site_name)))
        rows = opendata.action_rows(plan, lambda uri: site_url + url_of(uri) if site_url else url_of(uri))
        data_dir = self.config.data_dir
        files.append(File.generated(config, f"{data_dir}/actions.json", content=opendata.to_json(rows, self.as_at)))
        files.append(File.generated(config, f"{data_dir}/actions.csv", content=opendata.to_csv(rows)))
        if plan.themes:
            said = opendata.you_said_rows(plan, lambda uri: site_url + url_of(uri) if site_url else url_of(uri))
            files.append(File.generated(config, f"{data_dir}/you-said.json",
                                        content=opendata.to_json(said, self.as_at, key="items")))
            files.append(File.generated(config, f"{data_dir}/you-said.csv",
                                        content=opendata.to_csv(said, opendata.YOU_SAID_COLUMNS)))
        files.append(File.generated(config, CSS_PATH, content=stylesheet(self.scale)))
        files.append(File.generated(config, JS_PATH, content=_asset("plan-progress.js")))
        files.append(File.generated(config, THEME_FIXES_PATH, content=_asset("theme-fixes.css")))
        return files

    def read_plan(self, files: Files, config: MkDocsConfig):
        """Read and check every documentation page: the one path used by the build and by
        ``scripts/validate``. Returns the plan and every problem found; raises nothing for content."""
        root = Path(config.config_file_path or ".").resolve().parent
        pages = []
        for file in files.documentation_pages():
            if file.abs_src_path is None:
                continue
            display = Path(os.path.relpath(file.abs_src_path, root)).as_posix()
            pages.append(RawPage(path=display, uri=file.src_uri, raw=Path(file.abs_src_path).read_bytes()))
        icon_exists = _icon_finder(tuple(config.theme.dirs))
        missing = [s.icon for s in self.scale if icon_exists(s.icon) is None]
        if missing:
            raise PluginError(f"plan-progress: the status scale names icons the theme does not have: "
                              f"{', '.join(missing)}; pick icons such as material/check-circle")
        rules = Rules(max_words=self.config.easy_read_max_words, max_grade=float(self.config.easy_read_max_grade))
        return load_plan(pages, self.scale, self.as_at, icon_exists=lambda name: icon_exists(name) is not None,
                         easy_rules=rules)

    # -- rendering pages ------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.plan is None:
            return None
        markdown = self.fill_settings(markdown, page, config)
        uri = page.file.src_uri
        # The sitemap's "last modified" comes from the content, not the clock: builds are reproducible.
        item = self.pages.get(uri)
        changed = item.last_changed if isinstance(item, Action) else None
        page.update_date = (changed.last_day if changed else self.as_at).isoformat()
        renderer = self.renderer
        role = self.generated.get(uri)
        if role is not None and role.startswith("er-"):
            page.meta["template"] = "easy-read.html"
            if role == "er-home":
                return self.easy.home(uri)
            if role == "er-status-key":
                return self.easy.status_key(uri)
            if role == "er-you-said":
                return self.easy.you_said(uri)
            return self.easy.area(self.area_roles[role], uri)
        if role is not None:
            if role == "status-key":
                return renderer.status_key(uri)
            if role == "actions":
                return renderer.all_actions(uri)
            if role == "changes":
                return self.reports.changes_page(uri)
            if role == "board-report":
                return self.reports.board_report(uri)
            if role == "open-data":
                data = self.config.data_dir
                downloads = {"All actions as CSV (for spreadsheets)": f"{data}/actions.csv",
                             "All actions as JSON": f"{data}/actions.json"}
                if self.plan.themes:
                    downloads["You said, we did as CSV"] = f"{data}/you-said.csv"
                    downloads["You said, we did as JSON"] = f"{data}/you-said.json"
                return self.reports.open_data_page(uri, downloads)
            if role.startswith("area-list:"):
                return renderer.area_list_page(self.area_roles[role], uri)
            if role == "you-said":
                return YouSaidRenderer(renderer).overview(uri, markdown if page.file.generated_by is None
                                                          else "")
            return renderer.status_page(self.plan.status(role.split(":", 1)[1]), uri)
        if uri == self.plan.glossary_uri:
            return self.glossary.page("", markdown)
        item = self.pages.get(uri)
        if item is None:
            return markdown
        # mkdocs-material reads `status` in page meta for its own nav icons: ours is not that.
        page.meta.pop("status", None)
        if isinstance(item, Action):
            page.meta["title"] = item.label  # the short title: menu, <title>, previous/next
            return renderer.action(item, markdown)
        if isinstance(item, Area):
            page.meta["title"] = item.name
            return renderer.area(item, markdown)
        if isinstance(item, Home):
            return renderer.home(uri, markdown) + "\n" + self.reports.recent(uri)
        if isinstance(item, Theme):
            page.meta["title"] = f"You said: {item.title}"
            return YouSaidRenderer(renderer).theme(item, markdown)
        return None


    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        """Put the top-level navigation in the configured order, areas and actions in number order
        (2.1, 2.2 ... 2.10, not 2.1, 2.10, 2.11 ... 2.2), and name each area's section by its title."""
        if not self.config.enabled or self.plan is None:
            return None
        _order_plan_sections(nav.items, self.pages)
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
        settings = (config.extra or {}).get("settings") or {}

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
        if not self.config.enabled or self.plan is None:
            return None
        uri = page.file.src_uri
        if uri in self.generated or uri in self.pages or uri == self.plan.glossary_uri:
            _headings_to_toc(page, html, title=uri in self.generated)
        if not self.plan.glossary:
            return None
        if uri == self.plan.glossary_uri or (self.generated.get(uri) or "").startswith("er-"):
            return None
        glossary_href = relative(page.url, self.renderer.url_of(self.plan.glossary_uri))
        return self.glossary.explain(html, glossary_href)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        """Give the templates the link to this page's other version and the feedback link."""
        if not self.config.enabled or self.plan is None:
            return None
        target = self.alternate(page.file.src_uri)
        if target is not None:
            uri, fragment, text, easy = target
            href = relative(page.url, self.renderer.url_of(uri) + (f"#{fragment}" if fragment else ""))
            context["pp_alternate"] = {"href": href, "text": text, "easy": easy}
        context["pp_feed"] = {"href": relative(page.url, self.config.feed_path),
                              "title": f"{config.site_name}: what's changed"}
        if self.config.feedback_url:
            link = self.config.feedback_url
            if link.startswith("mailto:"):
                subject = quote(f"Feedback on: {page.title}")
                link += ("&" if "?" in link else "?") + f"subject={subject}"
            context["pp_feedback"] = {"href": link, "text": self.config.feedback_text}
        return context

    def alternate(self, uri: str):
        """The other version of a page: (uri, fragment, link text, whether the target is easy read)."""
        roles = self.renderer.generated
        role = self.generated.get(uri)
        to_easy = "Easy read version of this page"
        to_standard = "Standard version of this page"
        if role and role.startswith("er-"):
            if role == "er-home":
                return (self.plan.home.uri if self.plan.home else "index.md"), "", to_standard, False
            if role == "er-status-key":
                return roles["status-key"], "", to_standard, False
            if role == "er-you-said":
                return posixpath.join(self.config.you_said_dir, "index.md"), "", to_standard, False
            return self.area_roles[role].uri, "", to_standard, False
        item = self.pages.get(uri)
        if isinstance(item, Area):
            return roles[f"er-area:{item.number}"], "", to_easy, True
        if isinstance(item, Action):
            return roles[f"er-area:{item.area.number}"], "action-" + item.id.replace(".", "-"), to_easy, True
        if role == "status-key":
            return roles["er-status-key"], "", to_easy, True
        if (role == "you-said" or isinstance(item, Theme)) and "er-you-said" in roles:
            fragment = "" if role == "you-said" else "theme-" + uri.rsplit("/", 1)[-1].removesuffix(".md")
            return roles["er-you-said"], fragment, to_easy, True
        return roles["er-home"], "", "Easy read version of this site", True


def _order_plan_sections(items: list, pages: dict) -> None:
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
                entry.title = area.name
            _order_plan_sections(entry.children, pages)


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

    return resources.files("plan_progress").joinpath("assets", name).read_text(encoding="utf-8")


def _parse_as_at(value, name: str = "as_at") -> dt.date:
    if value is None:
        raise PluginError(f"plan-progress: '{name}' is missing in mkdocs.yml; give the date the progress data "
                          f"is as at, written YYYY-MM-DD (for example {name}: 2022-03-08)")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise PluginError(f"plan-progress: {name} '{value}' is not a date; write it YYYY-MM-DD "
                          f"(for example {name}: 2022-03-08)") from None


@lru_cache(maxsize=None)
def _icon_finder(theme_dirs: tuple[str, ...]):
    @lru_cache(maxsize=None)
    def find(name: str) -> str | None:
        for folder in theme_dirs:
            candidate = Path(folder, ".icons", f"{name}.svg")
            if candidate.is_file():
                return str(candidate)
        return None

    return find


@lru_cache(maxsize=None)
def _read_icon(path: str | None, name: str) -> str:
    if path is None:
        raise PluginError(f"plan-progress: there is no icon called '{name}' in the theme's icon sets")
    return Path(path).read_text(encoding="utf-8").strip()

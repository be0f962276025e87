"""The MkDocs adapter: MkDocs' events in, calls into ``plan_progress.core`` out.

Reading the plan is reading.py; every page, link and extra file comes from ``core.site.Site`` and
the registry of page kinds (core/pages.py). This module only moves data between MkDocs' events and
the core.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from markdown.extensions.toc import nest_toc_tokens
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from . import __version__, reading
from .config import PlanProgressConfig
from .core import navigation, titles
from .core.links import relative
from .core.nav import heading_tokens, order_nav
from .core.pages import SitePages
from .core.problems import ContentError
from .core.safe_text import guard_logs
from .core.site import Site
from .core.templates import Templates, slug
from .core.updated import last_updated
from .core.upgrade import SCHEMA_VERSION
from .core.words import Words
from .site_config import TEMPLATES, configure, extra, missing_report_note, preview_reason

log = get_plugin_logger(__name__)


class PlanProgressPlugin(BasePlugin[PlanProgressConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings: reading.PlanSettings | None = None  # set by on_config (None while the plugin is off)
        self.words: Words = Words.load()  # the site's words, set by on_config
        self.site: Site | None = None  # set by on_files: every page the plugin shows (core/site.py)
        self.preview: str | None = None  # set by on_files: why the site is still a preview (None: it is not)
        self._nav_items: list = []  # set by on_nav: the navigation, made safe for the theme in on_env

    # -- configuration -----------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        guard_logs()  # nothing the build prints can start a workflow command in a CI log
        log.info(f"mkdocs-plan-progress {__version__}, content schema_version {SCHEMA_VERSION}")
        self.settings = reading.plan_settings(self.config)
        reading.check_settings(config, self.config)
        self.words = configure(config, self.config)
        return config

    # -- reading content ---------------------------------------------------------

    # Runs early so that every later plugin (search, sitemap) sees the generated pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.settings is None:
            return None
        reading.check_files(files, config, TEMPLATES)
        plan, problems = reading.read_plan(files, config, self.settings)
        for problem in problems.warnings:
            log.warning(str(problem))
        if problems.errors:
            raise PluginError(str(ContentError(problems.errors)))
        root = Path(config.config_file_path or ".").resolve().parent
        updated = last_updated(self.config.last_updated, root, plan.as_at)
        plan.last_updated = updated.date
        for note in (updated.warning, missing_report_note(self.config)):
            if note:  # info, not a warning: a fixture or a copy outside git still builds strictly
                log.info(note)  # ./scripts/launch-check lists it, and every page says it is a preview
        self.preview = preview_reason(config, self.config, self.words, root, plan, updated.warning is None)

        def has_file(uri: str) -> bool:
            return files.get_file_from_path(uri) is not None

        try:
            pages = SitePages(plan, reading.site_paths(self.config), has_page=has_file,
                              easy_read=self.config.easy_read)
        except ValueError as error:
            raise PluginError(f"plan-progress: {error}") from None
        for made in pages.made():
            if has_file(made.uri):
                raise PluginError(f"plan-progress: {made.uri} is made by the plugin; remove or rename the file "
                                  "in the content folder")
            files.append(File.generated(config, made.uri, content=f"# {made.kind.name}\n"))
        templates = Templates(config.theme.dirs)
        templates.env.globals["w"] = self.words  # every template's words (locale/en.yml and the site's words:)
        site = self.site = Site(plan, pages, self.config, self.words, templates, url_of=reading.url_finder(files),
                                has_file=has_file, icon=reading.icon_reader(tuple(config.theme.dirs)),
                                contacts=self.settings.contacts, site_name=config.site_name or "",
                                site_url=config.site_url or "")
        shipped, missing = site.pictures(reading.SHIPPED_PICTURES)
        if missing:
            raise PluginError(f"plan-progress: {site.missing_pictures(missing)}")
        for uri, source in shipped.items():
            files.append(File.generated(config, uri, abs_src_path=source))
        if site.unwritten_easy_read():
            log.info(site.unwritten_easy_read())
        for uri, content in site.files(reading.shipped_asset).items():
            files.append(File.generated(config, uri, content=content))
        # "Edit this page" on a generated page opens the one file it comes from, by its kind
        # (core/pages.py), or nothing for a page made from many files.
        settings = os.path.relpath(config.config_file_path or "mkdocs.yml", config.docs_dir).replace(os.sep, "/")
        for uri, edit_uri in site.edit_uris(settings).items():
            file = files.get_file_from_path(uri)
            assert file is not None, uri  # on_files added every page the content does not have
            file.edit_uri = edit_uri
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.site is None:
            return None
        site = self.site
        self._nav_items = nav.items
        nav.pages = order_nav(nav.items, site.items, site.renderer.area_name, self.config.nav_order, site.section_name)
        return nav

    # -- rendering pages ------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        site = self.site
        if site is None:
            return None
        uri = page.file.src_uri
        root = Path(config.config_file_path or ".").resolve().parent
        where = Path(os.path.relpath(page.file.abs_src_path, root)).as_posix() if page.file.abs_src_path else uri
        markdown, unknown = site.fill_settings(markdown, extra(config).get("settings") or {}, where)
        for problem in unknown:
            log.warning(problem)
        page.update_date = site.update_date(uri)
        made = site.pages.get(uri)
        if made is not None:
            if made.kind.easy_read:
                page.meta["template"] = "easy-read.html"
            return site.render(made, markdown if page.file.generated_by is None else "")
        shown = site.content_page(uri, markdown)
        if shown is None:
            return markdown
        if uri in site.items:  # mkdocs-material reads `status` in page meta for its own nav icons: ours is not that
            page.meta.pop("status", None)
        content, title = shown
        if title is not None:
            page.meta["title"] = title
        return content

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Give a page the table of contents and title of its HTML headings, which the plugin writes
        as HTML (not Markdown); then explain jargon where it appears (core/glossary.py)."""
        site = self.site
        if site is None:
            return None
        uri = page.file.src_uri
        if site.has_headings_toc(uri):
            tokens, first = heading_tokens(html)
            page.toc = get_toc(nest_toc_tokens(tokens))
            if uri in site.pages.by_uri and first is not None and "title" not in page.meta:
                page.meta["title"] = first
        _plain_title(page)
        if "<h1" not in html:
            # The theme would add this heading in its template, where its search does not see it:
            # the search would then title the page's first section with the raw page title.
            html = f'<h1 id="{escape(slug(page.title))}">{escape(page.title)}</h1>\n{html}'
        return site.explain_jargon(uri, page.url, html)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """The theme's own templates (the 404 page, the menu, the footer) take their words from the
        word list too, as ``pp_words``."""
        env.globals["pp_words"] = self.words  # English when the plugin is off
        # Every page, the 404 page too: "This is a preview" while ./scripts/launch-check would refuse the site.
        env.globals["pp_preview"] = {"text": self.words.text("preview_banner"), "reason": self.preview} \
            if self.site is not None and self.preview else None
        if self.site is not None:
            navigation.compact_menu(env)
            pages = [file.page for file in files.documentation_pages() if file.page is not None]
            titles.make_safe([*self._nav_items, *pages], config)
        return env

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        """Give the templates the link to this page's other version, the easy-read frame, the feed and
        the feedback link."""
        site = self.site
        if site is None:
            return None
        uri = page.file.src_uri
        alternate = site.alternate(page.url, uri)
        if alternate is not None:
            context["pp_alternate"] = alternate
        if site.pages.is_easy_read(uri):
            context["pp_easy"] = site.easy_frame(page.url, uri)
        context["pp_feed"] = {"href": relative(page.url, self.config.feed_path),
                              "title": self.words.text("feed_title", site_name=titles.plain(config.site_name) or "")}
        feedback = site.feedback_link(page.canonical_url or page.abs_url or page.url, titles.plain(page.title) or "")
        if feedback is not None:
            context["pp_feedback"] = feedback
        return context


def _plain_title(page: Page) -> None:
    """Every page's title is plain text, as front-matter titles are, and the theme templates escape
    it (``| e``). MkDocs takes a title from the page's first Markdown heading as HTML ("Health
    &amp; care"): turn that one into text, so that no title is escaped twice or left unescaped."""
    rendered = getattr(page, "_title_from_render", None)
    if "title" not in page.meta and rendered and page.title == rendered:
        page.title = html.unescape(rendered)


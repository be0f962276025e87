"""The MkDocs adapter: MkDocs' events in, calls into ``plan_progress.core`` out.

Reading the plan is reading.py; every page, link and extra file comes from ``core.site.Site`` and
the registry of page kinds (core/pages.py). This module only moves data between MkDocs' events and
the core.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

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
from .core.files import linked_files
from .core.links import relative
from .core.nav import heading_tokens, order_nav
from .core.pages import SitePages
from .core.palette import theme_colour_problems
from .core.problems import ContentError
from .core.site import CSS_PATH, JS_PATH, THEME_FIXES_PATH, Site
from .core.templates import Templates, slug
from .core.words import Words
from .reading import SHIPPED_PICTURES, PlanSettings, check_settings, icon_finder, plan_settings, read_plan, site_paths

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"


class PlanProgressPlugin(BasePlugin[PlanProgressConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings: PlanSettings | None = None  # set by on_config (None while the plugin is off)
        self.words: Words = Words.load()  # the site's words, set by on_config
        self.site: Site | None = None  # set by on_files: every page the plugin shows (core/site.py)

    # -- configuration -----------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.settings = plan_settings(self.config)
        check_settings(config, self.config)
        self.words = Words.load(self.config.words, plan_name=self.config.plan_name, site_name=config.site_name or "")
        extra = _extra(config)
        taken = help_core.taken_settings(extra.get("settings"))
        if taken:
            raise PluginError("plan-progress: extra.settings in mkdocs.yml:\n" + "\n".join(f"  {p}" for p in taken))
        if config.theme.name == "material":
            colours = theme_colour_problems(tuple(config.theme.dirs), config.theme.get("palette"))
            if colours:
                raise PluginError("plan-progress: the theme's colours in mkdocs.yml (theme.palette) fail contrast:\n"
                                  + "\n".join(f"  {p}" for p in colours))
            if config.theme.get("font") is not False:
                # No third-party requests: mkdocs-material loads its fonts from Google unless theme.font is false.
                config.theme["font"] = False
                log.info("theme.font is off: mkdocs-material would load its fonts from Google's servers, and the "
                         "site makes no third-party requests; pages use the reader's own fonts")
        if self.config.contacts:  # "Contact and help" in the footer's links of every page
            config.extra["footer_links"] = help_core.with_contact_link(
                list(extra.get("footer_links") or []), self.config.contact_page, config.use_directory_urls,
                self.words.text("contact_title"))
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
        if not self.config.enabled or self.settings is None:
            return None
        root = Path(config.config_file_path or ".").resolve().parent
        linked = linked_files([config.docs_dir, config.theme.custom_dir], root,
                              [file.abs_src_path for file in files if file.abs_src_path])
        if linked:  # before anything is read or copied: a link could publish any file the build can read
            raise PluginError(str(ContentError(linked)))
        plan, problems = read_plan(files, config, self.settings)
        for problem in problems.warnings:
            log.warning(str(problem))
        if problems.errors:
            raise PluginError(str(ContentError(problems.errors)))
        # MkDocs copies every file of the theme's folders that is not HTML into the site: the
        # plugin's own templates (such as the Atom feed's) are not pages of the site.
        ours = str(TEMPLATES) + os.sep
        for file in [f for f in files if f.abs_src_path and f.abs_src_path.startswith(ours)]:
            files.remove(file)

        def has_file(uri: str) -> bool:
            return files.get_file_from_path(uri) is not None

        pages = SitePages(plan, site_paths(self.config), has_page=has_file, easy_read=self.config.easy_read)
        for made in pages.made():
            if has_file(made.uri):
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

        icon_exists = icon_finder(tuple(config.theme.dirs))
        templates = Templates(config.theme.dirs)
        templates.env.globals["w"] = self.words  # every template's words (locale/en.yml and the site's words:)
        site = self.site = Site(plan, pages, self.config, self.words, templates, url_of=url_of, has_file=has_file,
                                icon=lambda name: _read_icon(icon_exists(name), name),
                                contacts=self.settings.contacts, site_name=config.site_name or "",
                                site_url=config.site_url or "")
        shipped, missing = site.pictures(SHIPPED_PICTURES)
        if missing:
            raise PluginError("plan-progress: the easy-read pages need these pictures, which are not in the content "
                              f"folder: {', '.join(missing)}. Copy them from OpenMoji (openmoji.org) into "
                              f"{self.config.pictures_dir}, or set pictures_dir to the folder that has them")
        for uri, source in shipped.items():
            files.append(File.generated(config, uri, abs_src_path=source))
        unwritten = [a.id for a in plan.actions if not a.easy_read]
        if unwritten and pages.easy_read:
            log.info(f"{len(unwritten)} of {len(plan.actions)} actions have no easy-read text yet "
                     f"(their easy-read pages say it is being written): {', '.join(unwritten)}")
        for uri, content in site.files(_asset).items():
            files.append(File.generated(config, uri, content=content))
        self.point_edit_links(site, files, config)
        return files

    def point_edit_links(self, site: Site, files: Files, config: MkDocsConfig) -> None:
        """"Edit this page" on a generated page opens the one file it comes from, by its kind
        (core/pages.py), or nothing for a page made from many files."""
        folder = Path(config.docs_dir).name + "/"
        if config.edit_uri and not config.edit_uri_template and not config.edit_uri.endswith(folder):
            log.warning(f"plan-progress: edit_uri '{config.edit_uri}' in mkdocs.yml does not end with the content "
                        f"folder '{folder}', so 'Edit this page' would open files that are not there; set "
                        f"edit_uri: edit/<branch>/{folder} (with repo_url alone, MkDocs guesses edit/master/docs/)")
        settings = os.path.relpath(config.config_file_path or "mkdocs.yml", config.docs_dir).replace(os.sep, "/")
        for uri, edit_uri in site.edit_uris(settings).items():
            file = files.get_file_from_path(uri)
            assert file is not None, uri  # on_files added every page the content does not have
            file.edit_uri = edit_uri

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.site is None:
            return None
        nav.pages = order_nav(nav.items, self.site.items, self.site.renderer.area_name, self.config.nav_order)
        return nav

    # -- rendering pages ------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        site = self.site
        if site is None:
            return None
        uri = page.file.src_uri
        markdown, unknown = site.fill_settings(markdown, _extra(config).get("settings") or {})
        for setting in unknown:
            root = Path(config.config_file_path or ".").resolve().parent
            where = Path(os.path.relpath(page.file.abs_src_path, root)).as_posix() if page.file.abs_src_path \
                else uri
            log.warning(f"{where}: line {setting.line} after the front-matter: [[{setting.name}]] is not a setting; "
                        f"add it under extra.settings in mkdocs.yml (known: {', '.join(setting.known) or 'none'})")
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
                              "title": self.words.text("feed_title", site_name=config.site_name or "")}
        feedback = site.feedback_link(page.canonical_url or page.abs_url or page.url, page.title or "")
        if feedback is not None:
            context["pp_feedback"] = feedback
        return context


def _extra(config: MkDocsConfig) -> Mapping[str, Any]:
    """mkdocs.yml's ``extra``: what the site passes to its templates (empty when it has none)."""
    return config.extra or {}


def _plain_title(page: Page) -> None:
    """Every page's title is plain text, as front-matter titles are, and the theme templates escape
    it (``| e``). MkDocs takes a title from the page's first Markdown heading as HTML ("Health
    &amp; care"): turn that one into text, so that no title is escaped twice or left unescaped."""
    rendered = getattr(page, "_title_from_render", None)
    if "title" not in page.meta and rendered and page.title == rendered:
        page.title = html.unescape(rendered)


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
def _read_icon(path: str | None, name: str) -> str:
    if path is None:
        raise PluginError(f"plan-progress: there is no icon called '{name}' in the theme's icon sets")
    return Path(path).read_text(encoding="utf-8").strip()

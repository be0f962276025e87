"""What the plugin adds to and checks in MkDocs' own settings (mkdocs.yml) before a build: the site's
words, the theme's colours and fonts, the footer's "Contact and help" link, the plugin's templates,
stylesheets and script."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from .config import PlanProgressConfig
from .core import help as help_core
from .core import navigation
from .core.launch import CannotCheck
from .core.launch import findings as launch_findings
from .core.model import Plan
from .core.palette import theme_colour_problems
from .core.site import CSS_PATH, JS_PATH, THEME_FIXES_PATH
from .core.words import Words

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"


def configure(config: MkDocsConfig, options: PlanProgressConfig) -> Words:
    """Check and complete MkDocs' settings for the plugin; returns the site's words (the English list
    with the site's ``words:``, checked by config.py)."""
    words = Words.load(options.words, plan_name=options.plan_name, site_name=config.site_name or "")
    taken = help_core.taken_settings(extra(config).get("settings"))
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
    if options.contacts:  # "Contact and help" in the footer's links of every page
        config.extra["footer_links"] = help_core.with_contact_link(
            list(extra(config).get("footer_links") or []), options.contact_page, config.use_directory_urls,
            words.text("contact_title"))
    check_edit_uri(config)
    add_templates(config)
    features = config.theme.get("features")
    if features is None:
        features = config.theme["features"] = []
    navigation.prune(features)  # a page's menu: its own section in full, every other one as a link
    for position, path in enumerate((CSS_PATH, THEME_FIXES_PATH)):
        if path not in config.extra_css:
            config.extra_css.insert(position, path)
    if JS_PATH not in config.extra_javascript:
        config.extra_javascript.append(JS_PATH)
    return words


def check_edit_uri(config: MkDocsConfig) -> None:
    """Warn when "Edit this page" would open files that are not there."""
    folder = Path(config.docs_dir).name + "/"
    if config.edit_uri and not config.edit_uri_template and not config.edit_uri.endswith(folder):
        log.warning(f"plan-progress: edit_uri '{config.edit_uri}' in mkdocs.yml does not end with the content "
                    f"folder '{folder}', so 'Edit this page' would open files that are not there; set "
                    f"edit_uri: edit/<branch>/{folder} (with repo_url alone, MkDocs guesses edit/master/docs/)")


def extra(config: MkDocsConfig) -> Mapping[str, Any]:
    """mkdocs.yml's ``extra``: what the site passes to its templates (empty when it has none)."""
    return config.extra or {}


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


def missing_report_note(options: PlanProgressConfig) -> str | None:
    """The build's note while ``previous_report`` is unset (never text on a page)."""
    if options.previous_report:
        return None
    return ("previous_report is not set: the Board report lists every change so far "
            "(./scripts/launch-check lists it)")


def preview_reason(config: MkDocsConfig, options: PlanProgressConfig, words: Words, root: Path, plan: Plan,
                   last_updated_known: bool) -> str | None:
    """While ./scripts/launch-check would refuse the site (judged on the day the site was last updated,
    never the clock): the preview banner's second sentence. None once nothing is left."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        found = launch_findings(path.name, path.read_text(encoding="utf-8"), config, options, plan.as_at,
                                root, plan.late_date, last_updated_known)
    except (OSError, CannotCheck):
        return words.text("preview_other")
    if not found:
        return None
    contacts = any("contacts" in f.message or "feedback" in f.message for f in found)
    return words.text("preview_contacts" if contacts else "preview_other")

"""The menu's size: mkdocs-material's ``navigation.prune``, on unless the site asks otherwise.

Without it, mkdocs-material writes the whole menu into every page: a plan of 2,000 actions puts
2,000 links on each of its 2,000 pages, and the build's time and the site's size grow with the
square of the plan. Pruned, a page's menu holds the top level and the section the page is in, in
full (every page of it); every other section is one link to its first page. The plugin turns it
on for every site, so that a new site's ``mkdocs.yml`` (``theme: material`` and the plugin) builds
a large plan as quickly as one that sets it. ``navigation.expand`` (every section open) cannot be
pruned: a site that sets it keeps its whole menu.
"""

from __future__ import annotations

from collections.abc import MutableSequence

from jinja2 import BaseLoader, Environment, Template

PRUNE = "navigation.prune"
EXPAND = "navigation.expand"


def prune(features: MutableSequence[str]) -> bool:
    """Add ``navigation.prune`` to the theme's ``features`` (in place) unless they have it or
    ``navigation.expand``; whether it was added."""
    if PRUNE in features or EXPAND in features:
        return False
    features.append(PRUNE)
    return True


# mkdocs-material's nav-item.html looks for a section's index page with a loop over every child of
# the section, and each turn of the loop writes a line of spaces: a page carries some 30 bytes of
# whitespace for each page of every section in its menu, pruned or not (a plan of 10,000 actions:
# 20 KB on every page). Compiled with Jinja's trim_blocks and lstrip_blocks (the lines of
# {% ... %} tags leave nothing behind), the same template writes the same menu without it.
NAV_ITEM = "partials/nav-item.html"


class _CompactNavLoader(BaseLoader):
    """The theme's loader, which compiles ``NAV_ITEM`` (and what it includes) in ``compact``, a
    copy of the environment with trim_blocks and lstrip_blocks; every other template as before."""

    def __init__(self, loader: BaseLoader, compact: Environment) -> None:
        self.loader = loader
        self.compact = compact

    def get_source(self, environment: Environment, template: str):
        return self.loader.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()

    def load(self, environment: Environment, name: str, globals=None) -> Template:
        if name == NAV_ITEM:
            environment = self.compact
        return self.loader.load(environment, name, globals)


def compact_menu(env: Environment) -> None:
    """Make ``env`` (the theme's) compile mkdocs-material's nav-item.html, as it is, without the
    whitespace of its loops. Nothing else about the template changes: its tags, text and markup are
    the theme's."""
    if env.loader is None or isinstance(env.loader, _CompactNavLoader):
        return
    compact = env.overlay(trim_blocks=True, lstrip_blocks=True)
    env.loader = _CompactNavLoader(env.loader, compact)

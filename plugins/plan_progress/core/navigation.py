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

PRUNE = "navigation.prune"
EXPAND = "navigation.expand"


def prune(features: MutableSequence[str]) -> bool:
    """Add ``navigation.prune`` to the theme's ``features`` (in place) unless they have it or
    ``navigation.expand``; whether it was added."""
    if PRUNE in features or EXPAND in features:
        return False
    features.append(PRUNE)
    return True

"""Titles and names the theme prints, made safe once, so that mkdocs-material's partials are used
as they are.

MkDocs renders the theme without autoescape, and mkdocs-material prints most titles as they are
(``{{ nav_item.title }}``) and a few escaped (``{{ title | e }}``). A title from front-matter is
plain text and may hold ``<``, ``&`` or quotes. Once every page has been read, ``make_safe``
replaces each such value by ``Markup(escape(value))``: printed as it is, it is the escaped text;
``| e`` leaves a ``Markup`` alone. So every title is escaped exactly once, wherever the theme puts
it (menu, tabs, path, footer, header), and the theme needs no copy of its partials to add ``| e``.

``plain`` gives the text back, for the code that needs the title as text after that point (a
``Markup`` in an f-string or ``str.format`` is the escaped text, which would be escaped again).
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any

from markupsafe import Markup, escape

# Page front-matter the theme prints as it is (partials/nav-item.html, header.html).
PAGE_META = ("title", "subtitle")
# mkdocs.yml settings the theme prints as they are (partials/header.html, nav.html).
SITE_CONFIG = ("site_name",)


def safe(value: Any) -> Any:
    """``value`` as text the theme can print as it is: a ``Markup`` of its escaped text. ``None``
    and ``Markup`` (already safe) are left as they are; a value that is not text is too (the
    theme prints numbers and dates as they are: nothing in them to escape)."""
    if value is None or isinstance(value, Markup) or not isinstance(value, str):
        return value
    return escape(value)


def plain(value: Any) -> Any:
    """The text of a value ``safe`` made: what it was before (other values as they are)."""
    return value.unescape() if isinstance(value, Markup) else value


def make_safe(items: Iterable[Any], config: MutableMapping[str, Any]) -> None:
    """Make safe the title of every page, section and link of the navigation ``items`` (walked
    down to the last level), the page titles and subtitles in their front-matter, and the site
    settings the theme prints as they are. Called once, when every page has been read (a page's
    title can come from its first heading) and before the first page is put in the theme."""
    def walk(entries: Iterable[Any]) -> None:
        for entry in entries:
            title = getattr(entry, "title", None)
            if isinstance(title, str):
                entry.title = safe(title)
            meta = getattr(entry, "meta", None)
            if isinstance(meta, MutableMapping):
                for key in PAGE_META:
                    if isinstance(meta.get(key), str):
                        meta[key] = safe(meta[key])
            children = getattr(entry, "children", None)
            if children:
                walk(children)

    walk(items)
    for key in SITE_CONFIG:
        if isinstance(config.get(key), str):
            config[key] = safe(config[key])
    extra = config.get("extra")
    status = extra.get("status") if isinstance(extra, MutableMapping) else None
    if isinstance(status, MutableMapping):  # mkdocs-material's page status names (nav-item.html)
        for key, value in list(status.items()):
            status[key] = safe(value)

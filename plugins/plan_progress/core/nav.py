"""The site's navigation and each page's table of contents, from the plan.

These work on MkDocs' navigation objects by their attributes alone (``children``, ``file.src_uri``,
``is_index``, ``is_page``, ``title``, ``previous_page``, ``next_page``), so they are tested with plain
objects; nothing here imports MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence

from .model import Action, Area

_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1\s*>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")


def order_nav(items: list, pages: Mapping[str, object], area_name: Callable[[Area], str],
              nav_order: Sequence[str] = (), section_name: Callable[[str], str | None] = lambda uri: None) -> list:
    """Put the top-level navigation in the configured order (``nav_order``: files or folders of the
    content; the rest after them in MkDocs' order), areas and actions in number order (2.1, 2.2 ...
    2.10, not 2.1, 2.10, 2.11 ... 2.2), name each area's section by its title and each section whose
    index page is ``uri`` by ``section_name(uri)`` (when not None). Sorts ``items`` in place and
    returns every page in the new order, each linked to the one before and after it."""
    _order_plan_sections(items, pages, area_name)
    _name_sections(items, section_name)
    if nav_order:
        rank = {entry.strip("/"): index for index, entry in enumerate(nav_order)}
        position = {id(item): index for index, item in enumerate(items)}

        def key(item):
            page = item
            while getattr(page, "children", None):
                page = page.children[0]
            uri = getattr(getattr(page, "file", None), "src_uri", "") or ""
            name = uri if not getattr(item, "children", None) else uri.split("/", 1)[0]
            return rank.get(name, len(rank)), position[id(item)]

        items.sort(key=key)
    found: list = []

    def walk(entries):
        for entry in entries:
            if getattr(entry, "children", None):
                walk(entry.children)
            elif getattr(entry, "is_page", False):
                found.append(entry)

    walk(items)
    for index, page in enumerate(found):
        page.previous_page = found[index - 1] if index else None
        page.next_page = found[index + 1] if index + 1 < len(found) else None
    return found


def _order_plan_sections(items: list, pages: Mapping[str, object], area_name: Callable[[Area], str]) -> None:
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


def _name_sections(items: list, section_name: Callable[[str], str | None]) -> None:
    """Name each menu section by ``section_name`` of its index page's uri, where that gives a name."""
    for entry in items:
        children = getattr(entry, "children", None)
        if not children:
            continue
        index = next((child for child in children if getattr(child, "is_index", False)), None)
        name = section_name(getattr(getattr(index, "file", None), "src_uri", "") or "")
        if name is not None:
            entry.title = name
        _name_sections(children, section_name)


def heading_tokens(content: str) -> tuple[list[dict], str | None]:
    """The table of contents of a page's HTML, as the tokens MkDocs' toc extension makes from Markdown
    headings (every heading with an id; titles as HTML, entities kept), and the text of its first
    ``<h1>`` (None without one).

    >>> tokens, title = heading_tokens('<h1 id="a">A &amp; B</h1><h2>No id</h2><h2 id="c">C</h2>')
    >>> [(t["level"], t["id"], t["name"]) for t in tokens], title
    ([(1, 'a', 'A &amp; B'), (2, 'c', 'C')], 'A & B')
    """
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
    return tokens, first

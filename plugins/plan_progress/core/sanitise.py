"""Page bodies: what a page's own Markdown renders to is checked against an allow-list.

An editor's Markdown may hold HTML, and Markdown passes it through as it is: ``<script>``, an
``onerror=`` on a picture, a ``javascript:`` link, a ``{: onclick=... }`` attribute list. Each body is
rendered on its own with the site's Markdown extensions (before the plugin puts it among its own
generated markup, which is never checked here: it is the plugin's and the theme's), then given to
nh3 (the Python binding of ammonia, a well-kept HTML sanitiser) with the allow-list below. Whatever
nh3 would remove is a problem, with the file, the line and what it is; the build never removes it
silently, so a page is published as written or not at all.

Comparing what nh3 keeps with what was there is done on the parsed markup (tags, attributes and
text), in both directions: something nh3 keeps that was not seen in the original means a browser
reads the original differently from how it looks, and is refused too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import nh3

from .problems import Problems
from .safe_text import invisible, invisible_message

# What editors write: text structure, lists, tables, details, abbreviations, pictures with alt
# text, links; and what our Markdown extensions make of it (toc: heading ids; attr_list: id, class;
# tables: text-align; admonition: class).
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "style", "role", "aria-hidden", "aria-label",
          "aria-labelledby", "aria-describedby"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"}, "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "q": {"cite"}, "blockquote": {"cite"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
}
SCHEMES = frozenset({"https", "http", "mailto"})  # as every link setting (core/links.py)
# Removed with what is inside them (nh3 keeps the text of any other tag it removes).
REMOVED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript",
                                  "textarea", "title", "xmp", "noembed", "noframes", "svg", "math", "select"})
# The layout a page may set in a style attribute: properties, and values of words, numbers and
# colours only (no url(), expression(), var() or escapes).
STYLE_PROPERTIES = frozenset({
    "align-items", "background-color", "border", "border-bottom", "border-top", "color", "display",
    "flex", "flex-direction", "flex-wrap", "float", "font-size", "font-style", "font-weight", "gap",
    "height", "justify-content", "list-style", "list-style-type", "margin", "margin-bottom", "margin-left",
    "margin-right", "margin-top", "max-width", "min-width", "padding", "padding-bottom", "padding-left",
    "padding-right", "padding-top", "text-align", "vertical-align", "white-space", "width",
})
_STYLE_VALUE = re.compile(r"^[a-zA-Z0-9 .%#,+*/()-]+$")
_STYLE_FUNCTION = re.compile(r"([a-zA-Z-]*)\s*\(")
STYLE_FUNCTIONS = frozenset({"calc", "min", "max", "clamp", "rgb", "rgba", "hsl", "hsla", "var", ""})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def safe_style(value: str) -> bool:
    """Whether a ``style`` attribute only lays out: known properties, plain values (words, numbers,
    colours, and calc(), min(), max(), clamp(), rgb(), hsl() and var() of them; no url()).

    >>> safe_style("display: flex; gap: 0.5em"), safe_style("background: url(https://x.test/t.png)")
    (True, False)
    """
    for declaration in value.split(";"):
        if not declaration.strip():
            continue
        name, colon, setting = declaration.partition(":")
        setting = setting.strip()
        if not colon or name.strip().lower() not in STYLE_PROPERTIES or not _STYLE_VALUE.match(setting) \
                or "/*" in setting or any(f.group(1).lower() not in STYLE_FUNCTIONS
                                          for f in _STYLE_FUNCTION.finditer(setting)):
            return False
    return True


def safe_url(value: str, picture: bool = False) -> bool:
    """A link that is https://, http://, mailto: or a path on this site; a picture's address must be
    on this site (no third-party requests).

    >>> safe_url("../x.md"), safe_url("jav\\tascript:alert(1)"), safe_url("https://x.test/a.png", picture=True)
    (True, False, False)
    """
    plain = _CONTROL.sub("", value)
    scheme = _SCHEME.match(plain)
    if plain.startswith(("//", "\\\\", "/\\", "\\/")):
        return False  # another site, without saying how ("//evil.example/")
    if picture:
        return scheme is None
    return scheme is None or scheme.group(1).lower() in SCHEMES


def _filter(tag: str, attribute: str, value: str) -> str | None:
    # The theme's and the plugin's scripts find their parts by id ("__config", "__drawer") and class
    # ("md-header", "pp-filter__count"): a page may not take those names, or it could stand in for them.
    if attribute == "id" and value.startswith("__"):
        return None
    if attribute == "class" and any(name.startswith(("md-", "pp-")) for name in value.split()):
        return None
    if attribute == "style":
        return value if safe_style(value) else None
    if attribute in ("href", "src", "cite"):
        return value if safe_url(value, picture=tag == "img" and attribute == "src") else None
    return value


def clean(html: str) -> str:
    """What nh3 keeps of ``html`` with the allow-list."""
    return nh3.clean(html, tags=set(TAGS), clean_content_tags=set(REMOVED_WITH_CONTENT), attributes=ATTRIBUTES,
                     attribute_filter=_filter, strip_comments=False, link_rel=None, url_schemes=set(SCHEMES))


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})


class _Parts(HTMLParser):
    """The tags (with their attributes), comments and text of some HTML, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: Counter = Counter()
        self.text: list[str] = []
        self.open: list[str] = []  # the elements opened and not closed yet

    def handle_starttag(self, tag, attrs):
        self._record(tag, attrs)
        if tag not in _VOID:
            self.open.append(tag)

    def _record(self, tag, attrs):
        self.parts[("tag", tag, "", "")] += 1
        for name, value in attrs:
            self.parts[("attribute", tag, name, value or "")] += 1

    def handle_startendtag(self, tag, attrs):
        self._record(tag, attrs)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass
        elif tag not in _VOID:
            self.parts[("end", tag, "", "")] += 1  # closes nothing opened here

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.parts[("comment", "", "", data)] += 1

    def handle_decl(self, decl):
        self.parts[("declaration", "", "", decl)] += 1

    def handle_pi(self, data):
        self.parts[("declaration", "", "", data)] += 1

    def unknown_decl(self, data):
        self.parts[("declaration", "", "", data)] += 1


# Elements HTML closes by itself (the next <li> closes an <li>), and the <tbody> a browser adds to a
# table written without one: neither is a difference worth a word.
_CLOSED_BY_ITSELF = frozenset({"li", "p", "td", "th", "tr", "dt", "dd", "thead", "tbody", "tfoot", "colgroup",
                               "caption", "option"})


def _parts(html: str) -> tuple[Counter, str]:
    parser = _Parts()
    parser.feed(html)
    parser.close()
    parts = Counter({part: count for part, count in parser.parts.items()
                     if not (part[0] == "end" and part[1] in _CLOSED_BY_ITSELF)
                     and not (part[0] == "tag" and part[1] == "tbody")})
    for tag in parser.open:
        if tag not in _CLOSED_BY_ITSELF:
            parts[("open", tag, "", "")] += 1
    return parts, " ".join("".join(parser.text).split())


def _show(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[:limit - 1] + "…"


def _describe(part: tuple) -> str:
    kind, tag, name, value = part
    if kind == "open":
        return f"a <{tag}> that is not closed (close it with </{tag}>, or it takes in what follows on the page)"
    if kind == "end":
        return f"a </{tag}> that closes nothing opened in the page"
    if kind == "tag":
        inside = " and what is inside it" if tag in REMOVED_WITH_CONTENT else ""
        return f"the <{tag}> element{inside} (not allowed in a page)"
    if kind == "comment":
        return f"a comment written in a way browsers read differently (<!--{_show(value)}-->)"
    if kind == "declaration":
        return f"the declaration <!{_show(value)}> (not allowed in a page)"
    if name == "style":
        return (f"style=\"{_show(value)}\" on <{tag}> (a style may only set layout, such as margin, display or "
                "text-align, with plain values: no url())")
    if name in ("href", "src", "cite"):
        where = "a picture's address must be a file of this site" if tag == "img" else \
            "links must start with https://, http://, mailto: or be a path on this site"
        return f"{name}=\"{_show(value)}\" on <{tag}> ({where})"
    return f"the attribute {name}=\"{_show(value)}\" on <{tag}> (not allowed in a page)"


def removed(html: str) -> list[str]:
    """What the allow-list would take out of ``html`` (or what a browser would read differently), in words."""
    if not html.strip():
        return []
    before, text_before = _parts(html)
    after, text_after = _parts(clean(html))
    found = [_describe(part) for part in sorted(before - after)]
    found += [f"markup that browsers read differently from how it is written ({_describe(part)})"
              for part in sorted(after - before)]
    if not found and text_before != text_after:
        found.append("text that browsers read as markup (an unfinished tag or attribute); write < as &lt;")
    return list(dict.fromkeys(found))


# -- checking a page's body -------------------------------------------------------------------


class BodyChecker:
    """Checks page bodies with one Markdown converter set up as the site's (``make_markdown()``)."""

    def __init__(self, make_markdown: Callable[[], Any]):
        self._make = make_markdown
        self._markdown: Any = None

    def render(self, text: str) -> str:
        if self._markdown is None:
            self._markdown = self._make()
        self._markdown.reset()
        return str(self._markdown.convert(text))

    def check(self, path: str, body: str, first_line: int, problems: Problems) -> None:
        """Report every control character and every piece of markup the allow-list would remove from
        ``body`` (which starts at line ``first_line`` of the file)."""
        lines = body.split("\n")
        for number, line in enumerate(lines):
            found = invisible(line)
            if found:
                problems.error(path, first_line + number, None, f"the page's text {invisible_message(found[1])}")
        if "<" not in body and "{" not in body and ":" not in body:
            return  # nothing in it can become markup or a link (the common case: plain paragraphs)
        for what in removed(self.render(body)):
            at = self._line_of(lines, what)
            problems.error(path, first_line + at, None,
                           f"the page's text has {what}; remove it, or write it in plain Markdown "
                           "(EDITING.md, 'What a page may contain')")

    def _line_of(self, lines: list[str], what: str) -> int:
        """The first line of the body at which ``what`` is found: the shortest start of the body whose
        rendering already has it (0-based)."""
        low, high = 1, len(lines)
        if what not in removed(self.render("\n".join(lines[:high]))):
            return 0
        while low < high:
            middle = (low + high) // 2
            if what in removed(self.render("\n".join(lines[:middle]))):
                high = middle
            else:
                low = middle + 1
        return low - 1

"""Links: relative links between pages of the built site, and the check that every link someone wrote
(front-matter, mkdocs.yml, ``set-status --url``) is safe to publish."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from urllib.parse import unquote


def relative(from_url: str, to_url: str) -> str:
    """The href that leads from the page at ``from_url`` to ``to_url`` (both site-relative).

    >>> relative("areas/1/", "areas/1/1-1/")
    '1-1/'
    >>> relative("", "status-key/")
    'status-key/'
    >>> relative("areas/1/1-1/", "data/actions.csv")
    '../../../data/actions.csv'
    >>> relative("areas/1/1-1/", "areas/1/1-1/#history")
    '#history'
    """
    to_path, _, fragment = to_url.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    if to_path == from_url and fragment:
        return f"#{fragment}"
    rel = _relpath(to_path, base)
    if to_path.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel.startswith("./") and len(rel) > 2:
        rel = rel[2:]
    return f"{rel}#{fragment}" if fragment else rel


def _relpath(to_path: str, base: str) -> str:
    """``posixpath.relpath("/" + to_path, "/" + base)``, about ten times quicker for the plain
    site paths the plugin links between (a list page of every action makes one per action)."""
    target = to_path.split("/")
    start = base.split("/")
    if "." in target or ".." in target or "." in start or ".." in start:
        return posixpath.relpath("/" + to_path, "/" + base)
    target = [part for part in target if part]
    start = [part for part in start if part]
    common = 0
    for a, b in zip(start, target):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + target[common:]
    return "/".join(parts) if parts else "."


# -- links written by people: front-matter and mkdocs.yml -----------------------------------------

SAFE_SCHEMES = ("https", "http", "mailto")
ALLOWED_LINKS = ("use an address starting with https://, http:// or mailto:, or a path on this site "
                 "(for example about/ or /data/actions.csv)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Browsers drop these anywhere in a link ("java\tscript:" runs as "javascript:"), and a link never needs them.
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]")


def safe_url(value) -> str | None:
    """What is wrong with a link someone wrote (a sentence that quotes it), or None when it is safe.

    Allowed: https://, http:// and mailto: addresses, and paths on this site (no scheme, not starting
    with //). Everything else, however it is disguised, is refused: other schemes (javascript:, data:,
    vbscript:, file:), in any mix of capitals, written with HTML entities (``&#106;avascript:``) or
    percent codes, split by tabs or invisible characters (``java\\tscript:``), after leading spaces,
    and links to another site that do not say how (``//evil.example``, ``/\\evil.example``).

    >>> safe_url("https://example.org/a%20report.pdf?x=1&y=2") is None, safe_url("mailto:a@example.org") is None
    (True, True)
    >>> safe_url("../data/actions.csv") is None
    True
    >>> safe_url("JaVaScRiPt:alert(1)").split("; ")
    ["'JaVaScRiPt:alert(1)' is a 'javascript:' link, which is not allowed", 'use an address starting with \
https://, http:// or mailto:, or a path on this site (for example about/ or /data/actions.csv)']
    >>> safe_url("//evil.example")[:74]
    "'//evil.example' starts with '//', which leads to another site without say"
    """
    if not isinstance(value, str):
        return f"{show_link(value)} is not a link; {ALLOWED_LINKS}"
    if not value:
        return f"the link is empty; {ALLOWED_LINKS}"
    decoded = html.unescape(value)
    problem = _link_problem(value) or _link_problem(decoded) or _scheme_problem(unquote(decoded))
    return f"{show_link(value)} {problem}; {ALLOWED_LINKS}" if problem else None


def _link_problem(value: str) -> str | None:
    if _INVISIBLE.search(value):
        return "contains a space or an invisible character"
    if "\\" in value:
        return "contains a backslash (\\)"
    if value.startswith("//"):
        return "starts with '//', which leads to another site without saying how"
    problem = _scheme_problem(value)
    if problem:
        return problem
    scheme = _SCHEME.match(value)
    if scheme and scheme.group(1).lower() != "mailto" and not re.match(r"^[A-Za-z]+://[^/?#@]+([/?#]|$)", value):
        return "is not a whole address (write https:// and then the site's name)"
    return None


def _scheme_problem(value: str) -> str | None:
    scheme = _SCHEME.match(value.strip())
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return f"is a '{scheme.group(1).lower()}:' link, which is not allowed"
    return None


def show_link(value) -> str:
    """A link quoted for an error message: invisible characters shown as codes, long ones cut short."""
    text = str(value)
    shown = "".join(ch if ch.isprintable() and ch != "'" else f"\\x{ord(ch):02x}" if ord(ch) < 256
                    else f"\\u{ord(ch):04x}" for ch in text)
    return f"'{shown[:80]}{'...' if len(shown) > 80 else ''}'"


def setting_problems(config, plugin_options) -> list[str]:
    """Every setting of mkdocs.yml that is not safe to publish, one line each naming the setting: a
    link that is not https://, http://, mailto: or a path on this site, or text holding a control
    character.

    ``config`` is the site's settings (anything with ``.get``); ``plugin_options`` the plan-progress
    plugin's. Checked: the plugin's ``feedback_url`` and ``licence_url``, ``extra.footer_links``,
    ``extra.social`` and ``extra.homepage``, and ``repo_url`` and ``site_url``."""
    found: list[tuple[str, object]] = []
    for name in ("feedback_url", "licence_url"):
        value = plugin_options.get(name)
        if value is not None:
            found.append((f"plugins: plan-progress: {name}", value))
    for name in ("repo_url", "site_url"):
        if config.get(name):
            found.append((name, config.get(name)))
    extra = config.get("extra") or {}
    for group, key in (("footer_links", "url"), ("social", "link")):
        for index, link in enumerate(extra.get(group) or [], start=1):
            value = link.get(key) if isinstance(link, dict) else link
            found.append((f"extra: {group}[{index}].{key}", value))
    if extra.get("homepage") is not None:
        found.append(("extra: homepage", extra.get("homepage")))
    problems = []
    for name, value in found:
        problem = safe_url(value)
        if problem:
            problems.append(f"{name}: {problem}")
    # Every other text setting ends up in pages and in the feed, whose XML cannot hold control characters.
    texts = [(name, config.get(name)) for name in ("site_name", "site_description", "site_author", "copyright")]
    texts += [(f"extra: {key}", value) for key, value in extra.items()]
    texts += [(f"plugins: plan-progress: {key}", value) for key, value in plugin_options.items()]
    for name, value in texts:
        problems += _control_characters(name, value)
    return problems


def _control_characters(name: str, value) -> list[str]:
    from .frontmatter import CONTROL_CHARACTER
    from .safe_text import invisible, invisible_message

    if isinstance(value, Mapping):
        return [line for key, item in value.items() for line in _control_characters(f"{name}.{key}", item)]
    if isinstance(value, (list, tuple)):
        return [line for index, item in enumerate(value, start=1)
                for line in _control_characters(f"{name}[{index}]", item)]
    found = CONTROL_CHARACTER.search(value) if isinstance(value, str) else None
    if found is None:
        hidden = invisible(value) if isinstance(value, str) else None
        return [f"{name}: {invisible_message(hidden[1])}"] if hidden else []
    return [f"{name}: contains an invisible control character (code 0x{ord(found.group()):02x}) that is not "
            "allowed; delete it"]

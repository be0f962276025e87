"""Relative links between pages of the built site."""

from __future__ import annotations

import posixpath


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
    rel = posixpath.relpath("/" + to_path, "/" + base) if to_path else posixpath.relpath("/", "/" + base)
    if to_path.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        rel = "./"
    if rel.startswith("./") and len(rel) > 2:
        rel = rel[2:]
    return f"{rel}#{fragment}" if fragment else rel

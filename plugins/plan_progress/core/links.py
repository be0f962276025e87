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

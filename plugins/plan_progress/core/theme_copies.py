"""The plugin's templates that take the place of one of mkdocs-material's, each pinned to the
original it was made from.

The plugin uses mkdocs-material's partials as they are wherever it can: titles reach the theme
already escaped (core/titles.py), the keyboard controls come from plan-progress.js and a template
of our own. A template listed here still shadows the theme's file of the same name (or copies
blocks of it). Each is pinned by the sha256 of the theme's original as it was when our template
was written (mkdocs-material 9.8.1): ``tests/test_theme_copies.py`` fails, naming the template,
when the installed theme's original differs, so that an upstream change (a fix, a new feature) is
looked at and carried over instead of being silently hidden by our copy. TEMPLATES.md lists them
(``python -m plan_progress.core.templates``).

To update a pin: compare our template with the installed original (``diff``), carry over what
changed, then put the new original's sha256 here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

THEME_VERSION = "9.8.1"


@dataclass(frozen=True)
class ThemeCopy:
    ours: str       # the plugin's template, under plugins/plan_progress/templates/
    original: str   # mkdocs-material's file it takes the place of (or copies blocks of)
    sha256: str     # of that original, in mkdocs-material THEME_VERSION
    why: str        # why a copy, and not the theme's file as it is

    def changed(self, theme_templates: Path) -> str | None:
        """What is wrong with the pin against the installed theme's templates folder: None when the
        original is as pinned."""
        path = theme_templates / self.original
        if not path.is_file():
            return (f"{self.ours}: mkdocs-material no longer has {self.original}, which this template "
                    f"replaces (pinned to {THEME_VERSION}); check whether it is still needed")
        found = hashlib.sha256(path.read_bytes()).hexdigest()
        if found != self.sha256:
            return (f"{self.ours}: mkdocs-material's {self.original} is not the one this template was made "
                    f"from ({THEME_VERSION}, sha256 {self.sha256[:12]}..., installed {found[:12]}...): "
                    f"compare them, carry the change over, then update the sha256 in core/theme_copies.py")
        return None


COPIES: tuple[ThemeCopy, ...] = (
    ThemeCopy("main.html", "base.html",
              "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
              "Its blocks site_meta and htmltitle are base.html's, escaped: the theme prints the page's "
              "description and author as they are, and its striptags turns an escaped title back into "
              "markup inside <title>, so no value made safe beforehand survives there."),
    ThemeCopy("main.html", "main.html",
              "9948b55a7bc979c35825df99baba9e6971fca4eb298dea3cdde61e990a2de5e0",
              "The theme's main.html only extends base.html; ours adds the link to the other version "
              "of a page, the feedback box, the header's keyboard controls and the held-back search index."),
    ThemeCopy("404.html", "404.html",
              "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
              "The page not found, in the site's words (the theme's says \"404 - Not found\"), with a skip link."),
    ThemeCopy("partials/copyright.html", "partials/copyright.html",
              "bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",
              "A copy: the footer links set in mkdocs.yml (extra.footer_links) go inside the theme's "
              "footer, beside the copyright line, which the theme prints as it is (ours escapes it). The "
              "footer has no block to add them to."),
    ThemeCopy("partials/search.html", "partials/search.html",
              "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
              "A copy, with four accessibility changes (its comment lists them): the dialog's name, a "
              "submit button, the field named q, and the results box out of the tab order with its count "
              "announced. Search needs JavaScript anyway, so plan-progress.js could make these changes "
              "to the theme's own search.html instead: not done yet."),
    ThemeCopy("partials/actions.html", "partials/actions.html",
              "1bcd66d6f428194e9b9842764f0a5f7a5b3679d008e9d2e5b75b5ba344c39073",
              "Our own, not a copy: an \"Edit this page\" link with words in place of the theme's icon-only "
              "buttons."),
    ThemeCopy("partials/source.html", "partials/source.html",
              "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
              "Our own, not a copy: the repository link without the theme's request to the GitHub API "
              "(pages make no third-party requests)."),
)


def problems(theme_templates: Path) -> list[str]:
    """Every pinned original that the installed theme (its ``templates`` folder) has changed."""
    return [found for copy in COPIES if (found := copy.changed(theme_templates)) is not None]


def reference() -> list[str]:
    """The TEMPLATES.md section that lists the templates in place of the theme's, and why."""
    lines = ["## In place of mkdocs-material's own", "",
             f"Every other template of mkdocs-material {THEME_VERSION} is used as it is. These take the place of "
             "one of its files, each pinned to the original by its sha256 (`core/theme_copies.py`; "
             "`tests/test_theme_copies.py` fails, naming the template, when the installed theme's original "
             "changes).", "",
             "| template | in place of | why |", "| --- | --- | --- |"]
    for copy in COPIES:
        why = copy.why.replace("|", "\\|").replace("<", "&lt;")
        lines.append(f"| `{copy.ours}` | `{copy.original}` | {why} |")
    lines.append("")
    return lines

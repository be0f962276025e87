"""The Jinja environment the generated pages, fragments and the Atom feed are rendered with.

Markup lives in templates under ``plugins/plan_progress/templates/plan-progress/``; Python builds
the data they show. Autoescaping is on for ``.html`` and ``.xml`` templates, so every value from
the content or the settings is escaped where it lands, once, by Jinja. The loader searches the
folders it is given in order: the plugin passes the theme's folders (the site's ``custom_dir``
first), so a site overrides ``plan-progress/partials/badge.html`` as it overrides any of the
theme's partials. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

PACKAGE_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def count(number: int, singular: str, plural: str | None = None) -> str:
    """A number and its noun: the one place plurals are made.

    >>> count(1, "thing"), count(2, "thing"), count(1, "is", "are")
    ('1 thing', '2 things', '1 is')
    """
    return f"{number} {plural_of(number, singular, plural)}"


def plural_of(number: int, singular: str, plural: str | None = None) -> str:
    """The singular or the plural, for a number.

    >>> plural_of(1, "action"), plural_of(0, "action"), plural_of(3, "has", "have")
    ('action', 'actions', 'have')
    """
    return singular if number == 1 else (plural or singular + "s")


def join_words(phrases: Iterable[str]) -> str:
    """Phrases joined as a sentence lists them.

    >>> join_words(["a"]), join_words(["a", "b", "c"])
    ('a', 'a, b and c')
    """
    phrases = list(phrases)
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


def slug(text) -> str:
    """The id Markdown's table of contents gives a heading with this text (its ``slugify`` of the
    unescaped text), so that headings written as HTML keep the ids they had as Markdown.

    >>> slug("What&#39;s changed"), slug("1.1 Develop a plan"), slug("Área 2: Plans & more")
    ('whats-changed', '11-develop-a-plan', 'area-2-plans-more')
    """
    value = unicodedata.normalize("NFKD", html.unescape(str(text)))
    value = value.encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


class Templates:
    """Renders the plugin's templates, searching ``dirs`` in order (the package's own last)."""

    def __init__(self, dirs: Iterable[str | Path] = ()):
        search = [str(d) for d in dirs]
        if str(PACKAGE_TEMPLATES) not in search:
            search.append(str(PACKAGE_TEMPLATES))
        self.env = Environment(loader=FileSystemLoader(search), autoescape=select_autoescape(["html", "xml"]),
                               trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined,
                               auto_reload=False)
        from .words import Words

        # w: every word the pages show (core/words.py); the plugin replaces it with the site's words.
        self.env.globals.update(count=count, plural=plural_of, join_words=join_words, w=Words.load())
        self.env.filters["slug"] = slug

    def render(self, name: str, **context) -> Markup:
        return Markup(self.env.get_template(name).render(**context))


_BLANK_LINES = re.compile(r"\n{3,}")

# Where a page's own Markdown body goes in its rendered template (templates print ``{{ body }}``).
# No value can forge it: every value is escaped, so "<" in one is "&lt;".
BODY = Markup("<pp-markdown-body></pp-markdown-body>")


def body_slot(body: str) -> Markup:
    """What a page template receives as ``body``: the slot when the page has a body, else nothing."""
    return BODY if body.strip() else Markup("")


def page_source(rendered: str, body: str = "") -> str:
    """A rendered page template as the Markdown MkDocs converts: the template's HTML as raw HTML
    blocks (each starting a line, separated by one blank line) and, where the template printed
    ``body``, the content file's own Markdown body between blank lines: the only Markdown on the page."""
    text = _BLANK_LINES.sub("\n\n", str(rendered).strip())
    return text.replace(str(BODY), "\n\n" + body.strip() + "\n\n") + "\n"


def reference(kinds=None) -> str:
    """TEMPLATES.md: every template the plugin ships under ``plan-progress/`` and ``preview/``, with
    the comment at its top (what it is and what it receives) and, for a page template, the kind of
    page that uses it and where its pages go; then every kind of page (``kinds``: core/pages.py
    ``KINDS``). tests/test_theme_package.py keeps the file equal to this;
    ``python -m plan_progress.core.templates > TEMPLATES.md`` writes it."""
    from .pages import KINDS

    kinds = list((KINDS if kinds is None else kinds).values())
    used_by = {"plan-progress/" + kind.template: kind for kind in kinds}
    lines = ["# The plugin's templates", "",
             "Made by `python -m plan_progress.core.templates > TEMPLATES.md` from the comment at the top of",
             "each template and from the kinds of page in `core/pages.py` (a test fails when this file is out",
             "of date). To change one for your site, copy it into your theme's `custom_dir` under the same path",
             "and edit the copy (README, \"Templates and escaping\"). Every page template also receives what",
             "`Renderer.context` in `core/render.py` gives every page: `r`, `plan`, `words`, `w`, `as_at`,",
             "`here`, `href`, `pages`, `said` (what a \"You said\" heading may claim: `core/yousaid.py`).", ""]
    files = sorted(p for top in ("plan-progress", "preview") for p in (PACKAGE_TEMPLATES / top).rglob("*")
                   if p.suffix in (".html", ".xml"))
    for folder in sorted({p.parent for p in files}, key=lambda d: (len(d.parts), d)):
        lines += [f"## `{folder.relative_to(PACKAGE_TEMPLATES).as_posix()}/`", "",
                  "| template | what it is, and what it receives |", "| --- | --- |"]
        for path in (p for p in files if p.parent == folder):
            found = re.match(r"\{#-?(.*?)-?#\}", path.read_text(encoding="utf-8"), re.DOTALL)
            about = " ".join(found.group(1).split()) if found else ""
            kind = used_by.get(path.relative_to(PACKAGE_TEMPLATES).as_posix())
            if kind is not None:
                about += f" Page kind `{kind.name}`: {kind.where()}."
            lines.append(f"| `{path.name}` | {_cell(about)} |")
        lines.append("")
    lines += ["## Kinds of page", "",
              "Each kind of page the plugin makes is one entry of `KINDS` in `core/pages.py`: its name, where its",
              "pages go, its template, the data its template receives, the file \"Edit this page\" opens and its",
              "other version (standard or easy read). `easy_read: false` leaves out the easy-read kinds.", "",
              "| kind | template | where its pages go | easy read | \"Edit this page\" opens | other version "
              "| also the easy-read version of |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for kind in kinds:
        lines.append(f"| `{kind.name}` | `plan-progress/{kind.template}` | {_cell(kind.where())} | "
                     f"{'yes' if kind.easy_read else 'no'} | {_cell(_first_line(kind.edit))} | "
                     f"{_cell(_first_line(kind.other))} | {_cell(_first_line(kind.covers))} |")
    lines.append("")
    from .theme_copies import reference as theme_copies

    return "\n".join(lines + theme_copies())


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;")


def _first_line(rule) -> str:
    """What a rule of a page kind does: its docstring."""
    return " ".join((rule.__doc__ or "").split()).rstrip(".")


if __name__ == "__main__":
    print(reference(), end="")

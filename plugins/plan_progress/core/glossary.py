"""The glossary: its page, and plain-word explanations beside the jargon on every page.

A tooltip (``<abbr title>``) cannot be reached on a touch screen, so the first use of
each term on a page links to a "Words on this page" box at the end of the same page,
where the explanation is ordinary text.
"""

from __future__ import annotations

import html
import re

from .model import Term

# Inside these elements text is left alone: links, headings, code and existing abbreviations.
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "script", "style", "svg",
         "button", "label", "title", "time", "q", "blockquote", "option", "select", "textarea", "summary",
         "legend"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")  # closing "/", name, attributes ("/" last: void)
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _pattern(names: list[str], caps: set[str]) -> re.Pattern:
    """One regex for every term, written so that it is quick to search with (it runs over the text
    of every page): the check that a term starts a word stands once, in front of everything, and
    the terms are grouped by their first letter, so that at each word the engine tries only the
    few terms starting with that letter, in the same order (longest first). It finds exactly what
    the plain list ``(?<![\w&])AFO(?![\w&])|(?i:(?<!\w)annual review(?:s|es)?(?!\w))|...`` finds
    (tests/test_glossary_pattern.py), about twelve times faster.

    Abbreviations (``caps``) match in capitals only and not after "&"; other terms in any case,
    and in the plural ("EHC plans")."""
    groups: dict[str, list[str]] = {}
    for name in names:  # longest first: each group keeps that order
        groups.setdefault(name[0].lower(), []).append(name)
    heads = []
    for members in groups.values():
        any_case = any(name not in caps for name in members)
        alternatives = []
        for name in members:
            first, rest = re.escape(name[0]), re.escape(name[1:])
            if name in caps:
                # the first letter was matched in any case below if others in the group need it
                exact = f"(?<={first})" if any_case else ""
                alternatives.append(rf"{exact}(?<!&{first}){rest}(?![\w&])")
            else:
                alternatives.append(rf"(?i:{rest}(?:s|es)?)(?!\w)")
        head = f"(?i:{re.escape(members[0][0].lower())})" if any_case else re.escape(members[0][0])
        heads.append(head + "(?:" + "|".join(alternatives) + ")")
    return re.compile(r"(?<!\w)(?:" + "|".join(heads) + ")")


class Glossary:
    def __init__(self, terms: list[Term], glossary_url: str | None):
        self.terms = {t.term: t for t in terms}
        self.glossary_url = glossary_url  # relative to the page being rendered: set per page
        # Longest first, so that "EHC plan" wins over "EHC". Abbreviations match in capitals only
        # ("LA" is not "la"); other terms match in any case ("Annual review", "annual review").
        names = sorted(self.terms, key=lambda n: (-len(n), n))
        caps = {n for n in names if n.isupper() or not n[:1].isalpha()}
        self.pattern = _pattern(names, caps) if names else None
        self.by_lower = {n.lower(): t for n, t in self.terms.items() if n not in caps}
        # The id of each term's entry in the "Words on this page" box (Term.anchor is worked out
        # anew on every call).
        self.anchors = {n: "words-" + t.anchor.removeprefix("term-") for n, t in self.terms.items()}

    def find(self, match: str) -> Term:
        if match in self.terms:
            return self.terms[match]
        lower = match.lower()
        for candidate in (lower, lower[:-1], lower[:-2]):  # the term itself, or its plural
            if candidate in self.by_lower:
                return self.by_lower[candidate]
        raise KeyError(match)

    def page(self, here_to_glossary: str, body: str) -> str:
        """The glossary page: every term with what it stands for and what it means."""
        body = body.strip()
        # The page starts with its heading, so that the skip link and the outline begin there.
        out = ([body, ""] if body.startswith("# ") else ["# Glossary", ""] + ([body, ""] if body else []))
        letters = sorted({t.term[0].upper() for t in self.terms.values()})
        out.append('<nav class="pp-letters" aria-label="Glossary letters"><ul>' + "".join(
            f'<li><a href="#letter-{c.lower()}">{c}</a></li>' for c in letters if c.isalpha()) + "</ul></nav>")
        out.append("")
        current = None
        items: list[str] = []

        def flush():
            if items:
                out.append(f'<dl class="pp-glossary">{"".join(items)}</dl>')
                out.append("")
                items.clear()

        for term in sorted(self.terms.values(), key=lambda t: t.term.lower()):
            letter = term.term[0].upper()
            if letter != current and letter.isalpha():
                flush()
                current = letter
                out += [f"## {letter} {{#letter-{letter.lower()}}}", ""]
            items.append(self._entry(term, term.anchor))
        flush()
        return "\n".join(out) + "\n"

    def _entry(self, term: Term, anchor: str) -> str:
        stands = f' <span class="pp-stands">({_esc(term.stands_for)})</span>' if term.stands_for else ""
        return f'<div id="{anchor}"><dt>{_esc(term.term)}{stands}</dt><dd>{_esc(term.meaning)}</dd></div>'

    def explain(self, content: str, glossary_href: str | None) -> str:
        """Link the first use of each term on a page to its explanation in a box at the end."""
        if self.pattern is None:
            return content
        used: dict[str, Term] = {}
        out: list[str] = []
        stack: list[str] = []  # open elements
        skipping = 0  # how many of them are ones whose text is left alone (_SKIP)
        position = 0
        sub, find, anchors = self.pattern.sub, self.find, self.anchors

        def link(match: re.Match) -> str:
            found = match.group(0)
            term = find(found)
            if term.term in used:
                return found
            used[term.term] = term
            return f'<a class="pp-term" href="#{anchors[term.term]}">{found}</a>'

        for tag in _TAG.finditer(content):
            start = tag.start()
            if start > position:
                text = content[position:start]
                out.append(text if skipping or text.isspace() else sub(link, text))
            out.append(tag.group(0))
            closing, name, attributes = tag.groups()
            name = name.lower()
            if name in _VOID or attributes.endswith("/"):
                pass
            elif closing:
                if name in stack:
                    while stack:
                        popped = stack.pop()
                        skipping -= popped in _SKIP
                        if popped == name:
                            break
            else:
                stack.append(name)
                skipping += name in _SKIP
            position = tag.end()
        text = content[position:]
        out.append(text if not text or skipping or text.isspace() else sub(link, text))
        if not used:
            return content
        entries = "".join(self._entry(t, anchors[t.term]) for t in used.values())
        more = (f'<p><a href="{_esc(glossary_href)}">All the words we use, explained</a></p>'
                if glossary_href else "")
        # Left out of the search index (data-search-exclude: the theme's search drops the attribute
        # from the page): the same explanations on hundreds of pages made every page a result for
        # every term, and a sixth of the index. The heading has no id, or the theme's search would
        # still list an empty "Words on this page" result for each page.
        box = ('<aside class="pp-words" aria-label="Words on this page" data-search-exclude="true">'
               f'<h2>Words on this page</h2><dl class="pp-glossary">{entries}</dl>{more}'
               "</aside>")
        return "".join(out) + box

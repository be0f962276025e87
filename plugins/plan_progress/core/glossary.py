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
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


class Glossary:
    def __init__(self, terms: list[Term], glossary_url: str | None):
        self.terms = {t.term: t for t in terms}
        self.glossary_url = glossary_url  # relative to the page being rendered: set per page
        # Longest first, so that "EHC plan" wins over "EHC". Abbreviations match in capitals only
        # ("LA" is not "la"); other terms match in any case ("Annual review", "annual review").
        names = sorted(self.terms, key=lambda n: (-len(n), n))
        caps = {n for n in names if n.isupper() or not n[:1].isalpha()}
        parts = [rf"(?<![\w&]){re.escape(n)}(?![\w&])" if n in caps
                 else rf"(?i:(?<!\w){re.escape(n)}(?:s|es)?(?!\w))" for n in names]  # "EHC plans" too
        self.pattern = re.compile("|".join(parts)) if parts else None
        self.by_lower = {n.lower(): t for n, t in self.terms.items() if n not in caps}

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
        out = [body.rstrip(), ""] if body.strip() else ["# Glossary", ""]
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
        stack: list[str] = []
        position = 0
        for tag in _TAG.finditer(content):
            out.append(self._text(content[position:tag.start()], stack, used))
            out.append(tag.group(0))
            closing, name, selfclosing = tag.group(1), tag.group(2).lower(), tag.group(3)
            if name in _VOID or selfclosing:
                pass
            elif closing:
                if name in stack:
                    while stack and stack.pop() != name:
                        pass
            else:
                stack.append(name)
            position = tag.end()
        out.append(self._text(content[position:], stack, used))
        if not used:
            return content
        entries = "".join(self._entry(t, "words-" + t.anchor.removeprefix("term-")) for t in used.values())
        more = (f'<p><a href="{_esc(glossary_href)}">All the words we use, explained</a></p>'
                if glossary_href else "")
        box = (f'<aside class="pp-words" aria-labelledby="words-on-this-page">'
               f'<h2 id="words-on-this-page">Words on this page</h2><dl class="pp-glossary">{entries}</dl>{more}'
               "</aside>")
        return "".join(out) + box

    def _text(self, text: str, stack: list[str], used: dict[str, Term]) -> str:
        if not text or any(name in _SKIP for name in stack) or not text.strip():
            return text

        def link(match: re.Match) -> str:
            term = self.find(match.group(0))
            if term.term in used:
                return match.group(0)
            used[term.term] = term
            anchor = "words-" + term.anchor.removeprefix("term-")
            return f'<a class="pp-term" href="#{anchor}">{match.group(0)}</a>'

        return self.pattern.sub(link, text)

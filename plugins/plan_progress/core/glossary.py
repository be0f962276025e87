"""The glossary: its page, and plain-word explanations beside the jargon on every page.

A tooltip (``<abbr title>``) cannot be reached on a touch screen, so the first use of
each term on a page links to a "Words on this page" box at the end of the same page,
where the explanation is ordinary text. Only the first MAX_LINKS terms are linked (each
link is a Tab stop); the box explains every term the page uses.
"""

from __future__ import annotations

import re

from .model import Term
from .templates import Templates, body_slot, page_source

# Inside these elements text is left alone: links, headings, code and existing abbreviations.
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "script", "style", "svg",
         "button", "label", "title", "time", "q", "blockquote", "option", "select", "textarea", "summary",
         "legend"}


# The only characters outside ASCII that Python's case-insensitive matching takes for an ASCII
# letter or digit: "İ" and "ı" for i, the long s "ſ" for s, the Kelvin sign for k
# (tests/test_glossary_pattern.py checks this against every character).
_FOLDS = "\u0130\u0131\u017f\u212a"


def _first_letters(letter: str) -> list[str] | None:
    """Every character that ``(?i:letter)`` matches, for an ASCII letter; otherwise None."""
    if not letter.isascii():
        return None
    return [c for c in dict.fromkeys((letter.lower(), letter.upper(), *_FOLDS))
            if re.fullmatch(f"(?i:{re.escape(letter)})", c)]


def _pattern(names: list[str], caps: set[str]) -> re.Pattern:
    r"""One regex for every term, written so that it is quick to search with (it runs over the text
    of every page). It finds exactly what the plain list of the terms, longest first,
    ``(?<![\w&])AFO(?![\w&])|(?i:(?<!\w)annual review(?:s|es)?(?!\w))|...`` finds
    (tests/test_glossary_pattern.py), about sixty times faster on the benchmark's pages, because:

    - the check that a term starts a word stands once, in front of everything;
    - the terms are grouped by their first character, each group starting with that character as
      a plain literal ("A(?:FO|nnual review...)|a(?:nnual review...)"): at each word the regex
      engine rejects every group but one by comparing a single character, where a case-insensitive
      first letter would have it try the whole group.

    Abbreviations (``caps``) match in capitals only and not after "&"; other terms in any case,
    and in the plural ("EHC plans")."""
    groups: dict[str, list[str]] = {}
    for name in names:  # longest first: each group keeps that order
        groups.setdefault(name[0].lower(), []).append(name)
    heads = []
    for members in groups.values():
        any_case = any(name not in caps for name in members)
        firsts = _first_letters(members[0][0]) if any_case else sorted({name[0] for name in members})
        for first in (firsts if firsts is not None else [None]):
            alternatives = []
            for name in members:
                rest = re.escape(name[1:])
                if name not in caps:
                    alternatives.append(rf"(?i:{rest}(?:s|es)?)(?!\w)")
                elif first is None:  # the head below matched the first letter in any case
                    alternatives.append(rf"(?<={re.escape(name[0])})(?<!&.){rest}(?![\w&])")
                elif first == name[0]:
                    alternatives.append(rf"(?<!&.){rest}(?![\w&])")
            if alternatives:
                # first is None for a group starting with a letter outside ASCII: any case of it
                head = re.escape(first) if first is not None else f"(?i:{re.escape(members[0][0])})"
                heads.append(head + "(?:" + "|".join(alternatives) + ")")
    return re.compile(r"(?<!\w)(?:" + "|".join(heads) + ")")


def _scanner(terms: re.Pattern) -> re.Pattern:
    """One pass over a page's HTML finding, in order: the opening and closing tags of the elements
    whose text is left alone (_SKIP); comments and every other tag, which are stepped over whole
    (so no term is found inside an attribute or a comment); and the terms in the text between."""
    names = "|".join(sorted(_SKIP, key=lambda n: (-len(n), n)))
    return re.compile(rf"<(?P<close>/?)(?P<skip>(?i:{names}))\b[^>]*>|<!--.*?-->|<[^>]*>|(?P<term>{terms.pattern})",
                      re.DOTALL)


# Each term link is a Tab stop and, for a screen reader, a "link" announcement in mid-sentence:
# a page links its first few terms only (tests/test_keyboard.py holds every page to this).
MAX_LINKS = 8


class Glossary:
    def __init__(self, terms: list[Term], glossary_url: str | None, templates: Templates | None = None):
        self.templates = templates or Templates()
        self.terms = {t.term: t for t in terms}
        self.glossary_url = glossary_url  # relative to the page being rendered: set per page
        # Longest first, so that "EHC plan" wins over "EHC". Abbreviations match in capitals only
        # ("LA" is not "la"); other terms match in any case ("Annual review", "annual review").
        names = sorted(self.terms, key=lambda n: (-len(n), n))
        self.caps = caps = {n for n, t in self.terms.items() if t.match_case or n.isupper() or not n[:1].isalpha()}
        self.pattern = pattern = _pattern(names, caps) if names else None
        self.scanner = _scanner(pattern) if pattern is not None else None
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

    @staticmethod
    def _other_meaning(term: Term, content: str, start: int, found: str) -> bool:
        """Is the word at ``start`` part of one of the term's ``not_in`` phrases ("device settings")?"""
        found = found.lower()
        for phrase in term.not_in:
            phrase = phrase.lower()
            at = phrase.find(found)
            while at >= 0:
                if at <= start and content[start - at:start - at + len(phrase)].lower() == phrase:
                    return True
                at = phrase.find(found, at + 1)
        return False

    def page(self, here_to_glossary: str, body: str) -> str:
        """The glossary page (glossary.html): every term with what it stands for and what it means,
        by first letter. The page starts with its heading, so that the skip link and the outline
        begin there: the content's own, or "Glossary"."""
        groups: list[tuple[str | None, list[tuple[Term, str]]]] = []
        for term in sorted(self.terms.values(), key=lambda t: t.term.lower()):
            letter = term.term[0].upper()
            if not groups or (letter.isalpha() and letter != groups[-1][0]):
                groups.append((letter if letter.isalpha() else None, []))
            groups[-1][1].append((term, term.anchor))
        letters = [letter for letter, _ in groups if letter]
        out = self.templates.render("plan-progress/glossary.html", body=body_slot(body),
                                    own_heading=body.strip().startswith("# "), letters=letters, groups=groups)
        return page_source(out, body)

    def explain(self, content: str, glossary_href: str | None, max_links: int = MAX_LINKS) -> str:
        """Link the first use of each term on a page to its explanation in a box at the end: at
        most ``max_links`` terms, the first ones the page uses. The box explains every term the
        page uses, linked or not."""
        scanner = self.scanner
        if scanner is None:
            return content
        used: dict[str, Term] = {}
        linked = 0
        out: list[str] = []
        stack: list[str] = []  # open elements whose text is left alone (_SKIP)
        position = 0
        find, anchors = self.find, self.anchors
        for match in scanner.finditer(content):
            kind = match.lastgroup
            if kind is None:  # a comment or a tag of no interest
                continue
            if kind == "skip":
                name = match.group("skip").lower()
                if match.group("close"):
                    if name in stack:  # an unmatched closing tag changes nothing
                        while stack.pop() != name:
                            pass
                elif not match.group(0).endswith("/>"):
                    stack.append(name)
                continue
            if stack:
                continue
            found = match.group("term")
            term = find(found)
            if term.term in used or (term.not_in and self._other_meaning(term, content, match.start(), found)):
                continue
            used[term.term] = term
            if linked < max_links:
                linked += 1
                out += [content[position:match.start()],
                        f'<a class="pp-term" href="#{anchors[term.term]}">{found}</a>']
                position = match.end()
        out.append(content[position:])
        if not used:
            return content
        box = self.templates.render("plan-progress/partials/words-box.html",
                                    entries=[(t, anchors[t.term]) for t in used.values()], glossary_href=glossary_href)
        return "".join(out) + str(box)

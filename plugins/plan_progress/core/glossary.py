"""The glossary: its page, and plain-word explanations beside the jargon on every page.

A tooltip (``<abbr title>``) cannot be reached on a touch screen, so the first use of
each term on a page links to a "Words on this page" box at the end of the same page,
where the explanation is ordinary text. Only the first MAX_LINKS terms are linked (each
link is a Tab stop); the box explains every term the page uses, wherever the page uses it:
in its text, its title and other headings, its links, quotes and controls.

An abbreviation is also spelt out where it is first used, as GOV.UK style asks: "DSCO
(Designated Social Care Officer)", from the term's ``stands_for``. Where the first use is the
page's title (its first ``<h1>``), the title stays as it is (it is also the page's name in the
browser tab, the menu and previous/next) and a line right after it says what the letters stand
for. Words quoted word for word (``<q>``, ``<blockquote>``) and the names of controls are never
changed: the abbreviation is spelt out at its next use, or only in the box. Text that already
gives the long form beside the abbreviation ("Care Quality Commission (CQC)") is left as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Set as AbstractSet

from .model import Term
from .templates import Templates, body_slot, page_source

# Where a term is found on a page, and what may be done there (the elements are looked up by name):
# _HIDDEN: text that is not read as words (code, scripts, the page's <title>): no term is found there.
# _AS_IS: words that stay exactly as they are (quotations, the names of controls, existing
#   abbreviations): a term found there is explained in the box only.
# _NO_LINK: links and headings: a term found there is explained in the box and may be spelt out, but
#   is never made a link (no link inside a link; headings are never links).
# Elsewhere a term is linked to the box (its first use, while MAX_LINKS allows) and spelt out.
_HIDDEN = {"code", "pre", "script", "style", "svg", "title", "textarea", "template"}
_AS_IS = {"q", "blockquote", "abbr", "time", "button", "label", "option", "select", "summary", "legend"}
_NO_LINK = {"a", "h1", "h2", "h3", "h4", "h5", "h6"}
_LEVEL = {**{n: 1 for n in _NO_LINK}, **{n: 2 for n in _AS_IS}, **{n: 3 for n in _HIDDEN}}
_FREE, _UNLINKED, _KEPT, _UNREAD = 0, 1, 2, 3
# A link or control named by aria-label: its visible words must stay part of its name (WCAG 2.5.3).
_NAMED = re.compile(r"\saria-label(?:ledby)?\s*=", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


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


def _pattern(names: list[str], caps: set[str], plurals: AbstractSet[str] = frozenset()) -> re.Pattern:
    r"""One regex for every term, written so that it is quick to search with (it runs over the text
    of every page). It finds exactly what the plain list of the terms, longest first,
    ``(?<![\w&])AFOs?(?!\w|&(?!#))|(?i:(?<!\w)annual review(?:s|es)?(?!\w))|...`` finds
    (tests/test_glossary_pattern.py), about sixty times faster on the benchmark's pages, because:

    - the check that a term starts a word stands once, in front of everything;
    - the terms are grouped by their first character, each group starting with that character as
      a plain literal ("A(?:FO|nnual review...)|a(?:nnual review...)"): at each word the regex
      engine rejects every group but one by comparing a single character, where a case-insensitive
      first letter would have it try the whole group.

    Abbreviations (``caps``) match in capitals only and not next to "&" ("Y&amp;S"; a character
    reference after one is a character, "CYP&#39;s"), those in ``plurals`` also with an "s"
    ("SENCOs"); other terms in any case, and in the plural ("EHC plans")."""
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
                rest = re.escape(name[1:]) + ("s?" if name in plurals else "")
                if name not in caps:
                    alternatives.append(rf"(?i:{rest}(?:s|es)?)(?!\w)")
                elif first is None:  # the head below matched the first letter in any case
                    alternatives.append(rf"(?<={re.escape(name[0])})(?<!&.){rest}(?!\w|&(?!#))")
                elif first == name[0]:
                    alternatives.append(rf"(?<!&.){rest}(?!\w|&(?!#))")
            if alternatives:
                # first is None for a group starting with a letter outside ASCII: any case of it
                head = re.escape(first) if first is not None else f"(?i:{re.escape(members[0][0])})"
                heads.append(head + "(?:" + "|".join(alternatives) + ")")
    return re.compile(r"(?<!\w)(?:" + "|".join(heads) + ")")


def _scanner(terms: re.Pattern) -> re.Pattern:
    """One pass over a page's HTML finding, in order: the opening and closing tags of the elements
    that change what may be done with a term (_LEVEL); comments and every other tag, which are
    stepped over whole (so no term is found inside an attribute or a comment); and the terms in
    the text between."""
    names = "|".join(sorted(_LEVEL, key=lambda n: (-len(n), n)))
    return re.compile(rf"<(?P<close>/?)(?P<el>(?i:{names}))\b[^>]*>|<!--.*?-->|<[^>]*>|(?P<term>{terms.pattern})",
                      re.DOTALL)


def _words(markup: str) -> str:
    """The words of a piece of HTML, as a reader sees them, for comparing: no tags, no entities, one
    space between words, small letters, straight apostrophes. A piece cut from a page may start inside
    a tag: up to its first ">" is dropped then."""
    cut = markup.find(">")
    if cut >= 0 and markup.find("<", 0, cut) < 0:
        markup = markup[cut + 1:]
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", markup))).lower().replace("\u2019", "'")


def _extends(longer: Term, shorter: Term) -> bool:
    """Is ``longer`` the abbreviation ``shorter`` and more plain words, its long form the same words
    after ``shorter``'s ("EHC plan", "Education, Health and Care plan" extends "EHC")? One of the two
    spelt out on a page spells out the other."""
    rest = longer.term[len(shorter.term):]
    return (longer.term.startswith(shorter.term + " ") and longer.stands_for is not None
            and shorter.stands_for is not None
            and longer.stands_for.lower() == shorter.stands_for.lower() + rest.lower())


# Each term link is a Tab stop and, for a screen reader, a "link" announcement in mid-sentence:
# a page links its first few terms only (tests/test_keyboard.py holds every page to this).
MAX_LINKS = 8


class Glossary:
    def __init__(self, terms: list[Term], glossary_url: str | None, templates: Templates | None = None):
        self.templates = templates or Templates()
        self.terms = {t.term: t for t in terms}
        self.glossary_url = glossary_url  # relative to the page being rendered: set per page
        # Abbreviations match in capitals only ("LA" is not "la"); other terms match in any case
        # ("Annual review", "annual review") and in the plural. An abbreviation in capitals is also
        # found in the plural, with an "s" ("SENCOs", "EHCPs"), its last letter small or not
        # ("SENCos": one more form to find, for one of four letters or more).
        self.caps = caps = {n for n, t in self.terms.items() if t.match_case or n.isupper() or not n[:1].isalpha()}
        self.plurals = plurals = {n for n in caps if n.isupper()}
        self.forms = {n[:-1] + n[-1].lower() + "s": self.terms[n] for n in plurals
                      if len(n) >= 4 and n[-1].isalpha() and n[-1] != "S"}
        for form in [f for f in self.forms if f in self.terms]:
            del self.forms[form]  # a term of its own
        caps |= set(self.forms)
        # Longest first, so that "EHC plan" wins over "EHC".
        self.names = names = sorted([*self.terms, *self.forms], key=lambda n: (-len(n), n))
        self.pattern = pattern = _pattern(names, caps, plurals) if names else None
        self.scanner = _scanner(pattern) if pattern is not None else None
        self.by_lower = {n.lower(): t for n, t in self.terms.items() if n not in caps}
        # The id of each term's entry in the "Words on this page" box (Term.anchor is worked out
        # anew on every call).
        self.anchors = {n: "words-" + t.anchor.removeprefix("term-") for n, t in self.terms.items()}
        # For each abbreviation, those that are it and more words, or that it is and more words:
        # once one is spelt out on a page, the other need not be ("EHC plan" and "EHC").
        spelt = [t for t in terms if t.stands_for]
        self.related = {t.term: {o.term for o in spelt if _extends(o, t) or _extends(t, o)} for t in spelt}
        self._uses: dict[tuple[str, str | None, str | None], str] = {}  # rendered term uses (term.html)

    def find(self, match: str) -> Term:
        term = self.terms.get(match) or self.forms.get(match)
        if term is not None:
            return term
        if match[-1:] == "s" and match[:-1] in self.plurals:  # SENCOs
            return self.terms[match[:-1]]
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

    @staticmethod
    def _spelt_out_beside(content: str, start: int, end: int, term: Term) -> bool:
        """Does the page already give the term's long form beside its use at ``start:end``, before it
        ("Care Quality Commission (CQC)", "... Plans (EHCPs)") or after it ("SEND (special ...")?"""
        long = _words(term.stands_for or "")
        reach = 2 * len(long) + 80  # markup between the words, and entities in them
        before = _words(content[max(0, start - reach):start]).rstrip()
        if before.endswith((long + " (", long + "s (")) or before.endswith((long + "(", long + "s(")):
            return True
        return _words(content[end:end + reach]).lstrip().removeprefix("(").startswith(long)

    def _use(self, found: str, anchor: str | None, stands_for: str | None) -> str:
        """One use of a term, as plan-progress/partials/term.html writes it (each one once a build)."""
        key = (found, anchor, stands_for)
        if key not in self._uses:
            from markupsafe import Markup

            self._uses[key] = str(self.templates.render("plan-progress/partials/term.html", found=Markup(found),
                                                        anchor=anchor, stands_for=stands_for))
        return self._uses[key]

    def explain(self, content: str, glossary_href: str | None, max_links: int = MAX_LINKS) -> str:
        """The page with its jargon explained: every term the page uses in its visible words (in its
        text, title, headings, links, quotes and controls) in a "Words on this page" box at the end; the
        first use of each in running text linked to the box (at most ``max_links`` terms, the first ones
        the page uses); and each abbreviation spelt out at its first use where its words may change
        (a line after the title for those in the title; see the module's docstring)."""
        scanner = self.scanner
        if scanner is None:
            return content
        used: dict[str, Term] = {}
        linked: set[str] = set()
        spelt: set[str] = set()  # abbreviations the page has spelt out, or need not
        # The abbreviations in the page's title, spelt out in a line after it (at out[title_line]) unless
        # the page's next use of one gives its long form beside it ("... disabilities (SEND)"): each
        # with whether it is linked there, and those whose next use is still to come.
        in_title: dict[str, tuple[Term, bool]] = {}
        pending: set[str] = set()
        title, title_line = "before", -1  # the page's title (its first <h1>): "before", "in" or "after"
        out: list[str] = []
        stack: list[tuple[str, int]] = []  # open elements of _LEVEL, with what may be done in each
        position = 0
        find, anchors, related = self.find, self.anchors, self.related
        for match in scanner.finditer(content):
            kind = match.lastgroup
            if kind is None:  # a comment or a tag of no interest
                continue
            if kind == "el":
                name = match.group("el").lower()
                if match.group("close"):
                    if any(n == name for n, _ in stack):  # an unmatched closing tag changes nothing
                        while stack.pop()[0] != name:
                            pass
                        if title == "in" and not any(n == "h1" for n, _ in stack):
                            title = "after"
                            if in_title:
                                out += [content[position:match.end()], ""]
                                title_line, position = len(out) - 1, match.end()
                                pending = set(in_title)
                elif not match.group(0).endswith("/>"):
                    level = _LEVEL[name]
                    if level == _UNLINKED and name == "a" and _NAMED.search(match.group(0)):
                        level = _KEPT  # its words are part of its name: left as they are
                    stack.append((name, level))
                    if name == "h1" and title == "before":
                        title = "in"
                continue
            level = max((lv for _, lv in stack), default=_FREE)
            if level == _UNREAD:
                continue
            found = match.group("term")
            term = find(found)
            if term.not_in and self._other_meaning(term, content, match.start(), found):
                continue
            used.setdefault(term.term, term)
            name = term.term
            spell = (term.stands_for is not None and name not in spelt and level < _KEPT)
            if spell:
                spelt.add(name)
                if related.get(name) and not related[name].isdisjoint(spelt - {name}):
                    spell = False  # "EHC" after "EHC plan (Education, Health and Care plan)"
                elif self._spelt_out_beside(content, match.start(), match.end(), term):
                    spell = False
            if title == "in":
                if spell:
                    link = len(linked) < max_links and name not in linked
                    if link:
                        linked.add(name)
                    in_title[name] = (term, link)
                continue
            if name in pending and level < _KEPT:
                pending.discard(name)
                if self._spelt_out_beside(content, match.start(), match.end(), term):
                    linked.discard(name)  # the link goes here instead, if one may
                    del in_title[name]
            link = level == _FREE and name not in linked and len(linked) < max_links
            if link:
                linked.add(name)
            if link or spell:
                out += [content[position:match.start()],
                        self._use(found, anchors[name] if link else None, term.stands_for if spell else None)]
                position = match.end()
        if not used:
            return content
        out.append(content[position:])
        if in_title and title_line >= 0:  # (a title never closed has no line after it)
            out[title_line] = str(self.templates.render(
                "plan-progress/partials/title-terms.html",
                entries=[(term, anchors[term.term] if link else None) for term, link in in_title.values()]))
        box = self.templates.render("plan-progress/partials/words-box.html",
                                    entries=[(t, anchors[t.term]) for t in used.values()], glossary_href=glossary_href)
        return "".join(out) + str(box)

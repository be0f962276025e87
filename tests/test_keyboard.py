"""Keyboard, focus and screen-reader checks that pa11y cannot make (issue 13).

A keyboard walk (tests/browser/keyboard-walk.js) in Debian's Chromium over one
page of every kind on the real site, at four screen sizes: 320x256 (1280x1024
zoomed to 400 %), 390x844 (a phone), 1024x768 (a small laptop) and 1280x900
(conftest.real_site_browser runs it with tests/test_a11y.py's page checks, in
one browser).
On each page it presses Tab from the top and Shift+Tab from the top (which
starts at the bottom), up to STOPS times each way, and opens and closes the
menu from the keyboard. The tests here judge what it saw:

* every stop is on screen, not entirely covered (by the sticky header or
  anything else), and has an accessible name (WCAG 2.4.7, 2.4.11, 4.1.2);
* every stop has a focus indicator of at least 2 px with 3:1 contrast against
  the colour next to it (WCAG 2.2 focus appearance, 2.4.13);
* below the desktop layout the closed menu drawer adds no tab stops, and the
  menu is a button with aria-expanded that opens with Enter and with Space
  and closes with Escape, giving focus back to the button;

and, from the built HTML of every page: actions are in number order in the
menu and in previous/next; no page has more than MAX_TERM_LINKS glossary
links; the same link words do not go to different places; the 404 page has a
title of its own.

Reproduce by hand: ``.venv/bin/python -m pytest tests/test_keyboard.py -k NAME``.
"""

from __future__ import annotations

import collections
import re
import sys
import urllib.parse
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import KEYBOARD_KINDS as KINDS

ROOT = Path(__file__).resolve().parents[1]

# A page may link at most this many glossary terms. Each term link is a Tab
# stop and, for a screen reader, a "link" announcement in the middle of a
# sentence; the "Words on this page" box at the end explains every term the
# page uses, linked or not. Eight is about one link per paragraph on a typical
# action page (median 280 words), and it leaves the page's own links (the
# action's lead, its area, the next action) in the majority.
MAX_TERM_LINKS = 8


@pytest.fixture(scope="session")
def html(real_html) -> dict[str, BeautifulSoup]:
    return real_html


@pytest.fixture(scope="session")
def walks(real_site_browser):
    """The keyboard walk's facts, by (size, "kind (/path)"): one page of each kind at each size
    (conftest.real_site_browser runs it once, with the page checks, in one browser)."""
    base = real_site_browser["base"]
    names = {base + path: kind for kind, path in real_site_browser["keyboardPages"].items()}
    out = {}
    for key, fact in real_site_browser["keyboard"].items():
        size, url = key.split(" ", 1)
        out[(size, f"{names[url]} (/{url[len(base):]})")] = fact
    return out


def walk_problems(walks, problem) -> list[str]:
    """problem(stop) -> str|None over every stop of every walk; one line per failing stop."""
    out, total = [], 0
    for (size, page), fact in walks.items():
        if "error" in fact:
            out.append(f"{size} {page}: the browser could not walk it: {fact['error']}")
            continue
        menu_shown = fact["menu"]["before"]["menuShown"]
        for way in ("forward", "backward"):
            for number, stop in enumerate(fact[way], 1):
                total += 1
                why = problem(stop, menu_shown)
                if why:
                    key = "Tab" if way == "forward" else "Shift+Tab"
                    out.append(f"{size} {page}: {key} stop {number} {stop['html'][:110]!r}: {why}")
    assert total > 500, f"the walk found only {total} tab stops: it did not run properly"
    return out


def report(problems: list[str], what: str) -> str:
    return f"{len(problems)} {what}:\n" + "\n".join(problems[:40]) + ("\n..." if len(problems) > 40 else "")


# --------------------------------------------------------------------------
# The keyboard walk
# --------------------------------------------------------------------------


def test_every_tab_stop_is_on_screen_and_not_covered(walks):
    """WCAG 2.4.7 and 2.4.11: wherever focus goes, a sighted keyboard user can
    see it. A stop off screen (the closed drawer's links, a search box moved
    off-canvas, a 0-pixel scroll box) or entirely under something else (the
    sticky header) is a problem."""
    def problem(stop, menu_shown):
        if not stop["onScreen"]:
            return f"off screen (box {stop['rect']})"
        if stop["opacity"] < 0.1:
            return "transparent"
        if stop["seenAt"] == 0:
            return f"entirely covered by {stop['coveredBy']}"
        return None
    problems = walk_problems(walks, problem)
    assert not problems, report(problems, "tab stops that cannot be seen")


def test_every_tab_stop_has_a_name(walks):
    def problem(stop, menu_shown):
        return None if stop["name"] else "no accessible name"
    problems = walk_problems(walks, problem)
    assert not problems, report(problems, "tab stops without a name")


def test_every_tab_stop_has_a_strong_focus_indicator(walks):
    """WCAG 2.2 focus appearance: an outline at least 2 px thick with a
    contrast of at least 3:1 against the colour next to it."""
    def problem(stop, menu_shown):
        ring = stop["ring"]
        if ring["style"] == "none" or ring["width"] < 2:
            return f"focus outline {ring['style']} {ring['width']} px"
        if ring["contrast"] < 3:
            return f"focus outline {ring['color']} has contrast {ring['contrast']}:1 against what is next to it"
        return None
    problems = walk_problems(walks, problem)
    assert not problems, report(problems, "tab stops with a weak focus indicator")


def test_closed_menu_adds_no_tab_stops(walks):
    """Below the desktop layout the navigation is a drawer. Closed, nothing in
    it is in the tab order (it is inert)."""
    def problem(stop, menu_shown):
        if menu_shown and stop["inDrawer"] and not stop["drawerOpen"]:
            return "inside the closed menu"
        return None
    problems = walk_problems(walks, problem)
    assert not problems, report(problems, "tab stops in the closed menu")


def test_menu_button_opens_with_enter_and_space_and_escape_closes_it(walks):
    problems, checked = [], 0
    for (size, page), fact in walks.items():
        if "error" in fact:
            problems.append(f"{size} {page}: the browser could not walk it: {fact['error']}")
            continue
        menu = fact["menu"]
        if not menu["before"]["menuShown"]:
            continue
        checked += 1
        where = f"{size} {page}"
        button = menu["before"]["button"]
        if button is None:
            problems.append(f"{where}: the menu is shown but the header has no button with aria-expanded "
                            f"(the theme's menu control has tabindex {menu['before']['labelTabIndex']})")
            continue
        if button["tag"] != "button" or button["type"] != "button":
            problems.append(f"{where}: the menu control is a <{button['tag']} type={button['type']}>, not a "
                            "<button type=button>")
        if not button["name"]:
            problems.append(f"{where}: the menu button has no name")
        if not button["controlsExists"]:
            problems.append(f"{where}: aria-controls={button['controls']!r} names no element")
        if button["expanded"] != "false" or menu["before"]["drawerLinksInView"]:
            problems.append(f"{where}: before it is used the menu is open or aria-expanded is not false")
        if not menu["before"]["drawerInert"]:
            problems.append(f"{where}: the closed drawer is not inert")
        for key, opened in (("enter", "Enter"), ("space", "Space")):
            after = menu[key]
            if after["button"]["expanded"] != "true" or not after["drawerLinksInView"] or after["drawerInert"]:
                problems.append(f"{where}: {opened} on the menu button did not open the menu "
                                f"(aria-expanded={after['button']['expanded']}, "
                                f"{after['drawerLinksInView']} links in view)")
        for key in ("escapeAfterEnter", "escapeAfterSpace"):
            after = menu[key]
            if after["button"]["expanded"] != "false" or after["drawerLinksInView"]:
                problems.append(f"{where}: Escape did not close the menu")
            if not after["button"]["focused"]:
                problems.append(f"{where}: after Escape, focus is not back on the menu button")
        into = menu["tabsIntoMenu"]
        if not into or not into[-1]["inDrawer"]:
            problems.append(f"{where}: with the menu open, Tab does not reach it within {len(into)} stops")
        else:
            hidden = [s["html"][:80] for s in into if not s["onScreen"] or not s["seenAt"]]
            if hidden:
                problems.append(f"{where}: with the menu open, Tab passes stops that cannot be seen: {hidden}")
    assert checked >= len(KINDS), f"the menu was shown on only {checked} page walks"
    assert not problems, report(problems, "problems with the menu button")


# --------------------------------------------------------------------------
# From the built pages
# --------------------------------------------------------------------------


def action_number(text: str) -> tuple[int, ...] | None:
    match = re.match(r"\s*(\d+(?:\.\d+)+)\s", text + " ")
    return tuple(int(n) for n in match.group(1).split(".")) if match else None


def test_actions_are_in_number_order_in_the_menu_and_previous_next(html):
    problems = []
    for path, soup in html.items():
        nav = soup.select_one("nav.md-nav--primary")
        if nav is not None:
            for ul in nav.select("ul.md-nav__list"):
                numbers = [action_number(li.get_text(" ", strip=True)) for li in ul.find_all("li", recursive=False)]
                numbers = [n for n in numbers if n]
                if numbers != sorted(numbers):
                    shown = ", ".join(".".join(map(str, n)) for n in numbers)
                    problems.append(f"/{path}: menu order {shown}")
        footer = soup.select_one("nav.md-footer__inner")
        here = action_number(soup.select_one("article h1").get_text(" ", strip=True)) if soup.select_one("article h1") else None
        if footer is not None and here:
            for link in footer.select("a.md-footer__link--next"):
                there = action_number(link.select_one(".md-ellipsis").get_text(" ", strip=True))
                if there and there[:1] == here[:1] and there != here[:-1] + (here[-1] + 1,):
                    problems.append(f"/{path}: Next from {'.'.join(map(str, here))} goes to "
                                    f"{'.'.join(map(str, there))}")
    assert not problems, report(problems, "places where actions are out of number order")


def test_no_page_has_more_than_a_handful_of_glossary_links(html):
    counts = {path: len(soup.select("a.pp-term")) for path, soup in html.items()}
    over = [f"/{p}: {n} term links" for p, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n > MAX_TERM_LINKS]
    assert not over, report(over, f"pages with more than {MAX_TERM_LINKS} glossary term links")
    assert max(counts.values()) > 0, "no page links a glossary term: the check did not run"


def link_name(a) -> str:
    return " ".join((a.get("aria-label") or a.get_text(" ", strip=True)).split())


def test_the_same_link_words_go_to_the_same_place(html):
    """WCAG 2.4.4: links with the same words on one page go to the same place
    (different places need different words, visible or in aria-label)."""
    problems = []
    for path, soup in html.items():
        places = collections.defaultdict(set)
        for a in soup.select("a[href]"):
            name = link_name(a)
            if name:
                places[name.lower()].add(urllib.parse.urljoin("/" + path, a["href"]))
        for name, hrefs in places.items():
            if len(hrefs) > 1:
                problems.append(f"/{path}: {name!r} goes to {len(hrefs)} places: {', '.join(sorted(hrefs)[:3])}")
    assert not problems, report(problems, "link words that go to different places")


def test_the_404_page_has_a_title_of_its_own(html):
    home = html[""].title.get_text(strip=True)
    missing = html["404.html"].title.get_text(strip=True)
    assert missing != home and "not found" in missing.lower(), f"404 page title: {missing!r}"


# --------------------------------------------------------------------------
# From the code, on the small fixture site
# --------------------------------------------------------------------------

UNRATED_13 = "content/areas/1-finding/1-3-unrated.md"


def test_short_title_names_the_action_in_the_menu_and_tab(tmp_path):
    from conftest import make_project, run_build

    page = (ROOT / "tests/fixtures/basic" / UNRATED_13).read_text(encoding="utf-8")
    page = page.replace("title: An unrated action past its date\n",
                        "title: An unrated action past its date\nshort_title: Unrated action\n")
    build = run_build(make_project(tmp_path, files={UNRATED_13: page}))
    assert build.returncode == 0, build.output
    soup = build.html("areas/1-finding/1-3-unrated/")
    assert soup.title.get_text().startswith("1.3 Unrated action - ")
    assert soup.select_one("article h1").get_text(" ", strip=True) == "1.3 An unrated action past its date"
    # the page's own link in the menu (plan-progress.js marks it aria-current)
    assert soup.select_one(".md-nav--primary a.md-nav__link--active").get_text(" ", strip=True) == "1.3 Unrated action"


@pytest.mark.parametrize("value, message", [
    ("A short title that goes on and on well past forty letters",
     "short_title: 'A short title that goes on and on well past forty letters' is 57 characters long; "
     "keep it to 40 or fewer"),
    ("A *bold* title", "short_title: 'A *bold* title' has * in it; write plain words (no Markdown or HTML)"),
])
def test_short_title_must_be_short_plain_text(tmp_path, value, message):
    from conftest import build_in_process, make_project

    page = (ROOT / "tests/fixtures/basic" / UNRATED_13).read_text(encoding="utf-8")
    page = page.replace("title: An unrated action past its date\n",
                        f"title: An unrated action past its date\nshort_title: {value}\n")
    build = build_in_process(make_project(tmp_path, files={UNRATED_13: page}))
    assert build.returncode == 1, build.output
    assert build.problems() == [f"{UNRATED_13}:5: {message}"], build.output


def test_glossary_links_only_the_first_few_terms_and_explains_them_all():
    sys.path.insert(0, str(ROOT / "plugins"))
    from plan_progress.core.glossary import MAX_LINKS, Glossary
    from plan_progress.core.model import Term

    assert MAX_LINKS <= MAX_TERM_LINKS
    names = [f"TERM{chr(65 + n)}" for n in range(12)]
    glossary = Glossary([Term(name, f"Meaning of {name}.") for name in names], "glossary.md")
    html = "<p>" + " ".join(names) + " " + " ".join(names) + "</p>"
    soup = BeautifulSoup(glossary.explain(html, "../glossary/", max_links=3), "html.parser")
    assert [a.get_text() for a in soup.select("a.pp-term")] == names[:3]
    assert len(soup.select(".pp-words dt")) == 12

"""Issue 24: every word the plugin shows follows the site's words.

A site of "steps" in "priorities", grouped by "topics" (the example plan, copied, with
``action: [step, steps]``, ``area: [priority, priorities]`` and ``theme: [topic, topics]``) must show
the words action, area and theme (nor status, thing or part, which it renames too) nowhere the site
did not write them itself: not in any page's text
(standard and easy read), menu, title, table heading, alt text, ``aria-label`` or ``title``
attribute, not in the feed, the open data descriptions or the JavaScript's messages.

What the site wrote itself (its content/ and mkdocs.yml: "Priority Action Plan", a note that says
"this action") may say what it likes: an occurrence is the site's when the three words around it
appear together in the site's own files.
"""

from __future__ import annotations

import json
import re
import shutil
from xml.etree import ElementTree
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Comment

from conftest import ROOT, run_build

from plan_progress.core.opendata import COLUMNS, SAID_BY_COLUMN, YOU_SAID_COLUMNS
from plan_progress.core.words import Words, english

EXAMPLE = ROOT / "examples" / "priority-action-plan"
RENAMED = {"action": ["step", "steps"], "area": ["priority", "priorities"], "theme": ["topic", "topics"],
           # and the other counted words: what a status, a thing said and an easy-read part are called
           "status": ["rating", "ratings"], "thing": ["comment", "comments"], "part": ["section", "sections"]}
BANNED = re.compile(r"\b(?:actions?|areas?|themes?|status(?:es)?|things?|parts?)\b", re.IGNORECASE)
# Our own plan's words: a generic default must not be one of them.
OURS = re.compile(r"\b(?:Board|development)\b", re.IGNORECASE)
# Everyday English that uses "part" or "thing" but not as the counted word (the default scale's easy read).
EVERYDAY = ("It is now part of how things work.",)
COLUMN_NAMES = set(COLUMNS) | set(YOU_SAID_COLUMNS) | {SAID_BY_COLUMN}
ATTRIBUTES = ("alt", "aria-label", "title", "placeholder", "data-pp-count-text", "content")


def _words_block(config: dict, extra: dict | None = None) -> dict:
    plugin = next(p["plan-progress"] for p in config["plugins"] if isinstance(p, dict) and "plan-progress" in p)
    words = {**plugin.get("words", {}), **RENAMED, **(extra or {})}
    words.pop("area_in_full", None)  # the renamed area is what the site calls it in full too
    plugin["words"] = words
    return config


@pytest.fixture(scope="module", params=["own scale", "default scale"])
def renamed_build(tmp_path_factory, request):
    """The example plan in the words of steps, priorities and topics: with its own status scale, and
    with the plugin's default scale (whose meanings name actions too)."""
    project = tmp_path_factory.mktemp("words") / "steps"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("site"))
    path = project / "mkdocs.yml"
    config = _words_block(yaml.safe_load(path.read_text(encoding="utf-8")))
    if request.param == "default scale":
        plugin = next(p["plan-progress"] for p in config["plugins"] if isinstance(p, dict) and "plan-progress" in p)
        del plugin["statuses"], plugin["ratings_note"]
        for page in (project / "content").rglob("*.md"):  # the example's statuses, in the default scale's keys
            text = page.read_text(encoding="utf-8")
            for own, default in (("not-started", "pink"), ("in-progress", "green"), ("at-risk", "amber"),
                                 ("achieved", "blue"), ("awaiting-update", "not-rated")):
                text = re.sub(rf"\b{own}\b", default, text)
            page.write_text(text, encoding="utf-8")
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def _own_text(project: Path) -> str:
    """Everything the site wrote, whitespace made single spaces, YAML quoting undone."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((project / "content").rglob("*.md"))]
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)
    parts += list(strings(config))
    for part in list(parts):
        if part.startswith("---"):  # front-matter values, as a page shows them
            head = part.split("---", 2)[1]
            parts += list(strings(yaml.safe_load(head)))
    return " ".join(" ".join(p.split()) for p in parts)


def _leaks(text: str, own: str, pattern: re.Pattern = BANNED) -> list[str]:
    """Each occurrence of a banned word in ``text`` that the site did not write, with its context."""
    for phrase in EVERYDAY:
        text = text.replace(phrase, "")
    tokens = text.split()
    found = []
    for i, token in enumerate(tokens):
        if not pattern.search(token):
            continue
        size = min(3, len(tokens))
        windows = [" ".join(tokens[start:start + size])
                   for start in range(max(0, i - size + 1), min(i, len(tokens) - size) + 1)]
        if size < 2 or not any(window in own for window in windows):
            found.append(" ".join(tokens[max(0, i - 6):i + 7]))
    return found


def _visible(soup: BeautifulSoup) -> list[str]:
    """Every text a reader or a screen reader meets on a page: text nodes, and the attributes that are read."""
    for hidden in soup.select("script, style, svg title"):
        hidden.decompose()
    for code in soup.select("code"):
        if code.get_text() in COLUMN_NAMES:  # the open data's column names: an interface, never renamed
            code.decompose()
    texts = [str(node) for node in soup.find_all(string=True) if not isinstance(node, Comment)]
    for tag in soup.find_all(True):
        for name in ATTRIBUTES:
            if tag.has_attr(name) and not (name == "content" and tag.name == "meta"
                                          and tag.get("name") not in ("description",)
                                          and tag.get("property") not in ("og:title", "og:description")):
                texts.append(str(tag[name]))
    return texts


def _all_leaks(build) -> dict[str, list[str]]:
    own = _own_text(build.project)
    leaks: dict[str, list[str]] = {}
    for page in sorted(build.site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for text in _visible(soup):
            for leak in _leaks(text, own):
                leaks.setdefault(str(page.relative_to(build.site)), []).append(leak)
    feed = ElementTree.fromstring((build.site / "feed.xml").read_bytes())
    for element in feed.iter():
        if element.tag.endswith("}id"):  # an entry's address, not words
            continue
        for text in (element.text, element.get("label"), element.get("title")):
            for leak in _leaks(BeautifulSoup(text or "", "html.parser").get_text(" "), own):
                leaks.setdefault("feed.xml", []).append(leak)
    return leaks


def test_a_site_of_steps_priorities_and_topics_shows_none_of_the_plugin_s_words(renamed_build):
    pages = {str(p.relative_to(renamed_build.site)) for p in renamed_build.site.rglob("*.html")}
    assert {"easy-read/index.html", "easy-read/priority-1/index.html", "easy-read/you-said/index.html",
            "board-report/index.html", "open-data/index.html", "you-said/letters/index.html"} <= pages
    leaks = _all_leaks(renamed_build)
    assert leaks == {}, "\n".join(f"{page}: {leak}" for page, found in leaks.items() for leak in found)


def test_the_renamed_words_are_what_the_pages_say_instead(renamed_build):
    """The test above cannot pass by showing nothing: the menu, a table heading and a sentence say the site's words."""
    home = renamed_build.html("")
    menu = [" ".join(a.get_text(" ").split()) for a in home.select("nav.md-nav--primary a")]
    assert "All steps" in menu or "Steps" in menu, menu
    table = renamed_build.html("actions/")
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    assert "Step" in headings and "Priority" in headings, headings
    said = renamed_build.html("you-said/")
    assert "Topic" in [th.get_text(" ", strip=True) for th in said.select("thead th")]


def test_open_data_keeps_its_column_names_and_describes_them_in_the_site_s_words(renamed_build):
    rows = json.loads((renamed_build.site / "data" / "actions.json").read_text(encoding="utf-8"))
    first = rows["actions"][0]
    assert {"id", "area", "area_title", "title", "status"} <= set(first)  # an interface: never renamed
    page = renamed_build.html("open-data/")
    described = {tr.select_one("td, th").get_text(strip=True): tr.select("td")[-1].get_text(" ", strip=True)
                 for tr in page.select("tbody tr")}
    assert "area" in described and "priority" in described["area"]
    assert not BANNED.search(described["area"]) and not BANNED.search(described["theme"])


def test_every_shipped_text_names_actions_areas_and_themes_by_the_counted_words():
    """The word list's own test: outside its {fields}, no shipped text says action, area, theme, status,
    thing or part (or our plan's words), so a site that renames them renames them everywhere."""
    shipped = english()
    found = [f"{key}: {text}" for section in ("names", "texts") for key, text in shipped[section].items()
             if key != "area_in_full" and (BANNED.search(re.sub(r"{[^}]*}", "", text))
                                           or OURS.search(re.sub(r"{[^}]*}", "", text)))]
    assert found == []
    # area_in_full is "area" until a site names it: a site that renames area and not it gets its area.
    assert Words.load({"area": ["priority", "priorities"]}).text("data_area") == (
        "The number of the priority it belongs to.")
    assert Words.load({"action": ["step", "steps"]}).text("column_answered") == "Answered by a step"
    assert Words.load({"action": ["hour", "hours", "an hour"]}).text("column_answered") == "Answered by an hour"
    assert Words.load().text("column_answered") == "Answered by an action"


def test_the_shipped_words_are_generic_not_our_plan_s():
    """Our plan's words (its Board, its report to the Board, its "area for development") are the real site's
    settings, not the plugin's defaults: a plan with no Board shows no Board."""
    shipped = english()
    found = [f"{key}: {value}" for section in ("names", "texts") for key, value in shipped[section].items()
             if OURS.search(re.sub(r"{[^}]*}", "", value))]
    assert found == [], "\n".join(found)
    real = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    words = next(p["plan-progress"] for p in real["plugins"] if isinstance(p, dict) and "plan-progress" in p)["words"]
    assert words["board_report"] == "Board report" and words["area_in_full"] == "area for development"


def test_a_plan_with_no_board_and_no_words_of_its_own_shows_no_board(tmp_path):
    project = tmp_path / "plain"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("site"))
    path = project / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    plugin = next(p["plan-progress"] for p in config["plugins"] if isinstance(p, dict) and "plan-progress" in p)
    del plugin["words"], plugin["ratings_note"]  # the ratings note is the site's: it names its Programme Board
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    own, found = _own_text(project), []
    for page in sorted(build.site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        found += [f"{page.relative_to(build.site)}: {leak}" for t in _visible(soup) for leak in _leaks(t, own, OURS)]
    assert found == [], "\n".join(found)


def test_the_script_s_words_come_from_the_page(renamed_build):
    """The filter's count and the menu's back label are said by the JavaScript: their words are the
    page's (data attributes from the word list), never English written in the script."""
    script = (ROOT / "plugins" / "plan_progress" / "assets" / "plan-progress.js").read_text(encoding="utf-8")
    literals = [text for text in re.findall(r'"([^"\\]*)"', script) if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", text)]
    assert [text for text in literals if not text.startswith((":scope", ".md-", "use strict", "a[href]"))] == []
    count = renamed_build.html("actions/").select_one(".pp-filter__count")
    assert count["data-pp-count-text"] == "Showing {shown} of {total} steps."
    # the menu button waits in a <template> until plan-progress.js puts it in the header
    menu = renamed_build.html("").select_one("template#pp-header-controls").select_one("button[data-pp-menu]")
    assert menu["data-pp-back-text"] == "Back from {title}"
    assert 'getAttribute("data-pp-count-text")' in script and 'getAttribute("data-pp-back-text")' in script

"""Issue 25: the latest known truth first. Dated updates from later sources (content/updates/), late counted
against the day the site was last updated (never the clock), the lists of those actions, dates in the open
data, no build language on any page, and a preview banner while the launch check would refuse the site.

Every expected number here is worked out from the content's own front-matter and the commit's date, not
copied from the pages.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, make_project, run_build

CONTENT = ROOT / "content"
SOURCES = ROOT / "sources"
READY = (FIXTURES / "launch-ready" / "mkdocs.yml").read_text(encoding="utf-8")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def updates() -> list[tuple[Path, dict]]:
    return [(path, front_matter(path)) for path in sorted((CONTENT / "updates").glob("*.md"))]


def actions() -> list[dict]:
    found = [front_matter(p) for p in sorted(CONTENT.glob("areas/*/*.md"))]
    return [data for data in found if data.get("type") == "action"]


def last_day(due) -> dt.date:
    if isinstance(due, dt.date):
        return due
    year, month = (int(part) for part in str(due).split("-")[:2])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def commit_day() -> dt.date:
    out = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True, check=True)
    return dt.date.fromisoformat(out.stdout.strip())


def words(date: dt.date) -> str:
    return f"{date.day} {calendar.month_name[date.month]} {date.year}"


def squash(text: str) -> str:
    return " ".join(text.split())


def page_of(path: Path) -> str:
    """The built page of a content file: content/areas/2-x/index.md -> areas/2-x/."""
    uri = path.relative_to(CONTENT).as_posix().removesuffix(".md")
    return uri.removesuffix("index") if uri.endswith("index") else uri + "/"


# -- the content: every quote word for word, tied only to what exists ----------------------------------

def test_every_quote_in_an_update_is_word_for_word_in_its_source_file():
    assert updates(), "the real site has updates"
    for path, data in updates():
        source = SOURCES / data["source"]["file"]
        text = squash(source.read_text(encoding="utf-8"))
        for point in data["says"]:
            assert squash(point["quote"]) in text, f"{path.name}: not in {source.name}: {point['quote']}"


def test_the_september_news_says_which_area_is_open_nowhere_and_is_ordered_after_the_plan():
    data = front_matter(CONTENT / "updates" / "monitoring-september.md")
    assert data["date"] == "September, year not given"
    assert data["after"] == dt.date(2022, 3, 8) and "8 March 2022" in data["order"]
    assert "does not say which one is still open" in data["summary"]
    closed = data["says"][0]
    assert closed["areas"] == [1, 2, 3, 4, 5, 6], "about every area: it does not say which is open"


# -- the pages: the latest first ----------------------------------------------------------------------

def test_home_leads_with_the_latest_update_in_plain_words(real_build):
    article = real_build.html("").select_one("article")
    first = article.find("h2")
    assert first.get("id") == "latest-news", "the first section after the page's own words"
    lead = first.find_next("p").get_text(" ", strip=True)
    assert lead == ("September (year not given): The council says 5 of the 6 areas are now closed. "
                    "It does not say which one is still open.")
    text = article.get_text(" ", strip=True)
    assert "Progress last checked" not in text
    assert "The plan was published on 8 March 2022. No progress rating has been published since." in text


def test_each_area_and_action_tied_to_an_update_shows_it_above_the_plans_columns(real_build):
    tied_areas, tied_actions = set(), set()
    for _path, data in updates():
        for point in data["says"]:
            tied_areas |= set(point.get("areas", []))
            tied_actions |= set(point.get("actions", []))
    assert tied_actions == {"2.1", "2.12", "6.6", "4.3"}
    for path in sorted(CONTENT.glob("areas/*/*.md")):
        data = front_matter(path)
        article = real_build.html(page_of(path)).select_one("article")
        section = article.select_one("section.pp-updates")
        tied = data["number"] in tied_areas if data["type"] == "area" else data["id"] in tied_actions
        if data["type"] == "action" and data["id"] not in tied_actions:
            assert section is None, path
            continue
        assert section is not None, path
        first_column = article.find("h2", id="progress" if data["type"] == "area" else "leads")
        assert section.find_all_next("h2", id=first_column["id"]), f"{path}: updates come before the plan's columns"
        assert tied
    local_offer = real_build.html("areas/6-sharing-information/6-6-redevelop-local-offer/").select_one(
        "section.pp-updates").get_text(" ", strip=True)
    assert "‘Local Offer’ website has been relaunched" in local_offer


def test_easy_read_shows_the_news_and_when_the_plan_came_out(real_build):
    home = real_build.html("easy-read/").select_one("article").get_text(" ", strip=True)
    assert "We last checked this" not in home
    assert "Our plan came out on 8 March 2022." in home
    assert "The council says 5 of the 6 big problems are now fixed." in home
    action = real_build.html("easy-read/area-6/6-6/").select_one("article").get_text(" ", strip=True)
    assert action.index("The council has made a new website about help for families.") < action.index(
        "We will build a new Local Offer")
    assert "The news is from September (year not given)." in action


def test_whats_changed_and_the_feed_list_the_updates_newest_first(real_build):
    listed = [li.find("a").get_text(" ", strip=True) for li in
              real_build.html("whats-changed/").find("h2", id="updates").find_next("ul").find_all("li", recursive=False)]
    assert listed == ["September (year not given): Council news: 5 of the 6 areas are closed",
                      "8 March 2022: The plan is published and judged fit for purpose"]
    feed = ET.fromstring((real_build.site / "feed.xml").read_text(encoding="utf-8"))
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in feed.iter("{http://www.w3.org/2005/Atom}entry")]
    assert "Update: Council news: 5 of the 6 areas are closed" in titles


# -- late: counted against the day the site was last updated ------------------------------------------

def test_late_counts_match_the_content_and_link_to_pages_listing_exactly_those_actions(real_build):
    day = commit_day()
    passed = sorted((a["id"] for a in actions() if a.get("due") and last_day(a["due"]) < day
                     and a["status"] == "not-rated"), key=lambda i: tuple(map(int, i.split("."))))
    undated = sorted((a["id"] for a in actions() if not a.get("due")), key=lambda i: tuple(map(int, i.split("."))))
    home = real_build.html("").select_one("article p.pp-late")
    assert home.get_text(" ", strip=True) == (
        f"By {words(day)}, when this site was last updated, {len(passed)} actions have passed their completion "
        f"date in the plan with no progress rating published. {len(undated)} actions have no date.")
    links = {a.get_text(strip=True): a["href"] for a in home.select("a")}
    assert links == {f"{len(passed)} actions": "actions/date-passed/", f"{len(undated)} actions": "actions/no-date/"}
    for page, expected in (("actions/date-passed/", passed), ("actions/no-date/", undated)):
        rows = real_build.html(page).select("article table.pp-actions tbody tr")
        assert [r.th.get_text(strip=True) for r in rows] == expected, page
    board = real_build.html("board-report/").select_one("article")
    heading = board.find("h2", id="due-passed")
    assert heading.get_text(strip=True) == real_build.html("actions/date-passed/").h1.get_text(strip=True)
    assert [r.th.get_text(strip=True) for r in heading.find_next("table").select("tbody tr")] == passed
    assert board.find("h2", id="overdue") is None, "no heading 'Overdue' over 'no action is overdue'"


def test_late_is_counted_against_the_given_day_not_the_clock(tmp_path, monkeypatch):
    """The basic fixture is not a git repository: with no setting, late is counted against as_at; with
    last_updated, against that day; SOURCE_DATE_EPOCH is the same day as the setting gives."""
    def count(project) -> str:
        build = run_build(project)
        assert build.returncode == 0, build.output
        return build.html("").select_one("p.pp-late").get_text(" ", strip=True)

    plain = make_project(tmp_path / "a")
    assert count(plain).startswith("By 15 June 2022, when this site was last updated, 1 action has passed its")
    later = make_project(tmp_path / "b", config_edit=lambda t: t.replace(
        "      as_at: 2022-06-15\n", "      as_at: 2022-06-15\n      last_updated: 2030-01-01\n"))
    assert count(later).startswith("By 1 January 2030, when this site was last updated, 1 action has passed its")
    epoch = make_project(tmp_path / "c")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc).timestamp())))
    assert count(epoch).startswith("By 1 January 2030, when this site was last updated,")


# -- no build language; dates in the open data -----------------------------------------------------------

SETTING_NAMES = re.compile(r"mkdocs\.yml|\b(?:previous_report|as_at|last_updated|feedback_url|progress_checked_text|"
                           r"next_update|site_url|launch_check)\b")


def test_no_page_shows_a_settings_file_or_a_settings_name(real_build):
    for path in sorted(real_build.site.rglob("*.html")):
        article = real_build.html(str(path.relative_to(real_build.site)), fresh=True).select_one("article")
        if article is None:
            continue
        if path.relative_to(real_build.site).as_posix() == "open-data/index.html":
            for table in article.select("table"):  # the data files' column names (as_at is a column)
                table.decompose()
        found = SETTING_NAMES.findall(article.get_text(" "))
        assert not found, f"{path.relative_to(real_build.site)}: {found}"


def test_the_open_data_carries_the_ratings_date_and_the_sites_last_updated_date(real_build):
    day = commit_day().isoformat()
    document = json.loads((real_build.site / "data" / "actions.json").read_text(encoding="utf-8"))
    assert (document["as_at"], document["site_last_updated"]) == ("2022-03-08", day)
    rows = list(csv.DictReader(io.StringIO((real_build.site / "data" / "actions.csv").read_text(encoding="utf-8"))))
    assert {(r["as_at"], r["site_last_updated"]) for r in rows} == {("2022-03-08", day)}


# -- the preview banner -----------------------------------------------------------------------------------

def test_every_page_says_it_is_a_preview_while_the_launch_check_fails(real_build):
    pages = sorted(real_build.site.rglob("*.html"))
    assert any("easy-read" in str(p) for p in pages) and any(p.name == "404.html" for p in pages)
    for path in pages:
        soup = real_build.html(str(path.relative_to(real_build.site)))
        banner = soup.select_one("aside.md-banner .pp-preview")
        assert banner is not None, path
        assert banner.get_text(" ", strip=True) == "This is a preview. Contact details are still to be added."


def test_a_launch_ready_site_has_no_preview_banner(tmp_path):
    ready = READY.replace("      as_at: 2022-06-15\n", "      as_at: 2022-06-15\n      last_updated: 2022-07-01\n")
    project = make_project(tmp_path, files={"mkdocs.yml": ready})
    build = run_build(project)
    assert build.returncode == 0, build.output
    for page in ("", "easy-read/", "board-report/"):
        assert build.html(page).select_one(".md-banner") is None, page
    # The same site with no known last-updated day is still a preview (a launch-check item).
    project = make_project(tmp_path / "unknown", files={"mkdocs.yml": READY})
    build = run_build(project)
    assert build.html("").select_one(".md-banner .pp-preview").get_text(" ", strip=True) == (
        "This is a preview. Some details are still to be added.")


# -- bad input ----------------------------------------------------------------------------------------------

def test_an_update_with_no_year_and_no_order_is_an_error_naming_the_file_line_and_field(tmp_path):
    update = ("---\ntype: update\ntitle: News\ndate: September, year not given\n"
              "source:\n  title: News\n  publisher: The board\n  date: September\n"
              "summary: Something happened.\nsays:\n  - quote: It happened.\n    summary: It happened.\n"
              "    actions: [\"9.9\"]\n---\n")
    project = make_project(tmp_path, files={"content/updates/news.md": update})
    build = run_build(project)
    assert build.returncode != 0
    assert "content/updates/news.md:4: date: 'September (year not given)' has no year" in build.output

"""Integration: build the basic fixture (strict) and read the HTML and data it made."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import textwrap

import pytest

from conftest import make_project, run_build

ACTION_URLS = {
    "1.1": "areas/1-finding/1-1-red/",
    "1.2": "areas/1-finding/1-2-blue/",
    "1.3": "areas/1-finding/1-3-unrated/",
    "2.1": "areas/2-plans/2-1-green/",
    "2.2": "areas/2-plans/2-2-pink/",
    "2.3": "areas/2-plans/2-3-amber/",
}


def badge_words(soup) -> list[str]:
    return [b.get_text(" ", strip=True) for b in soup.select("article .pp-badge")]


@pytest.mark.parametrize("action_id, label, overdue", [
    ("1.1", "Significantly delayed", True),   # due Feb 2022, red on 15 June 2022
    ("1.2", "Completed", False),              # due Jan 2022 but completed: never overdue
    ("1.3", "Not yet rated", False),          # due May 2022 and passed, but nobody has rated it: not "late"
    ("2.1", "On track", False),               # due Sept 2022
    ("2.2", "Waiting to start", False),       # no date in the plan
    ("2.3", "Minor delays", True),            # due 30 June... no: see below
])
def test_action_page_shows_badge_with_words_and_overdue(basic_build, action_id, label, overdue):
    if action_id == "2.3":
        overdue = False  # due 2022-06-30, after the as-at date of 15 June 2022
    soup = basic_build.html(ACTION_URLS[action_id])
    facts = soup.select_one("article dl.pp-facts")
    status = facts.select_one(".pp-status")
    badge = status.select_one(".pp-badge")
    assert badge.get_text(strip=True) == label
    assert badge.name == "span" and badge.find_parent("a") is None, "a badge is never a link"
    assert badge.select_one("svg[aria-hidden='true']") is not None, "a badge carries an icon as well as colour"
    assert ("Overdue" in status.get_text(" ", strip=True)) is overdue


def test_action_page_has_every_field_of_the_plan(basic_build):
    soup = basic_build.html(ACTION_URLS["1.1"])
    article = soup.select_one("article")
    assert article.h1.get_text(strip=True) == "1.1 A red action that is late"
    headings = [h.get_text(strip=True) for h in article.find_all("h2")]
    assert headings == ["Who leads it", "Key milestones", "What it should change", "Evidence",
                        "How it is checked", "Resources", "Progress history", "This answers what families told us",
                        "More about this action", "Words on this page"]
    milestones = [li.get_text(" ", strip=True) for li in article.select("ol.pp-milestones li")]
    assert milestones == ["Workshop held (Nov. 21) Due November 2021 Done", "Launch"]
    assert "Not stated in the plan." in article.select_one("#resources").find_next("p").get_text()
    history = [li.get_text(" ", strip=True) for li in article.select("ol.pp-timeline li")]
    assert history == [
        "1 May 2022 Minor delays changed to Significantly delayed Needs intervention. "
        "Source: Board meeting, May 2022",
        "10 January 2022 Minor delays Slipping. Source: Board meeting, January 2022",
    ]
    assert "Some extra words from the editor." in article.get_text()
    # mkdocs-material must not read our `status` as its own nav status icon.
    assert not soup.select(".md-status")


def test_waiting_on_links_both_ways(basic_build):
    pink = basic_build.html(ACTION_URLS["2.2"])
    waits = pink.select_one("#waiting-on").find_next("ul")
    assert waits.a["href"] == "../2-1-green/"
    assert waits.select_one(".pp-badge").get_text(strip=True) == "On track"
    green = basic_build.html(ACTION_URLS["2.1"])
    assert green.select_one("#blocks").find_next("ul").a["href"] == "../2-2-pink/"


def test_area_page_lists_its_actions_and_counts(basic_build):
    soup = basic_build.html("areas/1-finding/")
    article = soup.select_one("article")
    assert article.h1.get_text(strip=True) == "Area 1: Finding needs"
    assert "weaknesses in finding needs early" in article.get_text()
    rows = article.select("table.pp-actions tbody tr")
    assert [r.th.get_text(strip=True) for r in rows] == ["1.1", "1.2", "1.3"]
    assert [r.select_one(".pp-badge").get_text(strip=True) for r in rows] == [
        "Significantly delayed", "Completed", "Not yet rated"]
    table = article.select_one("table.pp-actions")
    assert table.caption.get_text(strip=True) == "The actions for Area 1: Finding needs"
    assert [th["scope"] for th in table.thead.select("th")] == ["col"] * 5
    summary = article.select_one(".pp-as-at").get_text(" ", strip=True)
    assert summary == ("3 actions: 1 significantly delayed, 1 completed and 1 not yet rated. "
                       "Progress as last checked on 15 June 2022.")
    assert article.select_one(".pp-bar")["aria-hidden"] == "true"


def test_home_dashboard_counts_in_words_then_bar(basic_build):
    soup = basic_build.html("")
    article = soup.select_one("article")
    counts = {}
    for li in article.select("ul.pp-counts")[0].select("li:not(.pp-count--due-passed)"):
        label = li.select_one(".pp-badge, .pp-flag").get_text(strip=True)
        counts[label] = int(li.select_one(".pp-count strong").get_text())
    assert counts == {"Significantly delayed": 1, "Minor delays": 1, "On track": 1, "Completed": 1,
                      "Waiting to start": 1, "Not yet rated": 1, "Overdue": 1}
    # 1.3 is not rated and its date has passed: counted apart, in plain words, never as overdue.
    # On the home page it is said once, below the counts, with the day it is counted against (issue 25).
    assert article.select_one("ul.pp-counts li.pp-count--due-passed") is None
    due_passed = article.select_one("p.pp-late")
    assert due_passed.get_text(" ", strip=True) == (
        "By 15 June 2022, when this site was last updated, 1 action has passed its completion date in the plan "
        "with no progress rating published. 1 action has no date.")
    assert not due_passed.select(".pp-flag, .pp-badge, svg")
    assert "Progress last checked: 15 June 2022" in article.get_text(" ", strip=True)
    assert "Ratings come from the test board." in article.get_text()
    cards = article.select(".pp-area-cards > li")
    assert [c.h3.get_text(strip=True) for c in cards] == ["Area 1: Finding needs", "Area 2: Plans"]
    assert cards[1].p.get_text(strip=True) == "3 actions: 1 minor delays, 1 on track and 1 waiting to start."
    # Words come before the decorative bar.
    text_then_bar = [el.name for el in article.select("ul.pp-counts, .pp-bar")][:2]
    assert text_then_bar == ["ul", "div"]


def test_status_key_and_one_page_per_status(basic_build):
    key = basic_build.html("status-key/")
    terms = [dt.get_text(strip=True) for dt in key.select("dl.pp-key dt")]
    assert terms == ["Significantly delayed", "Minor delays", "On track", "Completed", "Waiting to start",
                     "Not yet rated"]
    for status, expected in [("red", ["1.1"]), ("blue", ["1.2"]), ("not-rated", ["1.3"]), ("pink", ["2.2"])]:
        page = basic_build.html(f"actions/{status}/")
        assert [r.th.get_text(strip=True) for r in page.select("table.pp-actions tbody tr")] == expected
    everything = basic_build.html("actions/")
    assert len(everything.select("table.pp-actions tbody tr")) == 6


def test_open_data_json_and_csv_agree(basic_build):
    document = json.loads((basic_build.site / "data/actions.json").read_text(encoding="utf-8"))
    assert document["as_at"] == "2022-06-15"
    rows = {row["id"]: row for row in document["actions"]}
    assert list(rows) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    assert rows["1.1"] | {} == {
        "id": "1.1", "area": 1, "area_title": "Finding needs", "title": "A red action that is late",
        "status": "red", "status_label": "Significantly delayed", "due": "2022-02", "due_text": None,
        "overdue": True, "due_passed": True, "leads": ["Head of Testing"], "last_changed": "2022-05-01", "waiting_on": [],
        "easy_read": True, "url": "https://example.test/plan/areas/1-finding/1-1-red/",
        "as_at": "2022-06-15", "site_last_updated": "2022-06-15",  # not a git repository: as_at
    }
    assert rows["2.2"]["waiting_on"] == ["2.1"]
    # 1.3 is not rated and its date (May 2022) passed before 15 June: the date passed, nobody says it is late.
    assert (rows["1.3"]["overdue"], rows["1.3"]["due_passed"]) == (False, True)
    assert (rows["1.2"]["overdue"], rows["1.2"]["due_passed"]) == (False, False)  # completed
    assert (rows["2.3"]["overdue"], rows["2.3"]["due_passed"]) == (False, False)  # due 30 June
    table = list(csv.DictReader(io.StringIO((basic_build.site / "data/actions.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in table] == list(rows)
    assert table[0]["overdue"] == "true" and table[0]["leads"] == "Head of Testing"
    assert (table[2]["id"], table[2]["overdue"], table[2]["due_passed"]) == ("1.3", "false", "true")
    assert set(table[0]) == set(rows["1.1"])


def test_badge_colours_come_from_configuration(basic_build):
    css = (basic_build.site / "assets/plan-progress.css").read_text(encoding="utf-8")
    assert ".pp-badge--red{color:#2a0b06;background-color:#f4cdc6}" in css
    soup = basic_build.html("")
    assert soup.select_one('link[href$="assets/plan-progress.css"]') is not None


def test_a_custom_scale_relabels_every_badge(tmp_path):
    scale = textwrap.indent(textwrap.dedent("""\
        statuses:
          - {key: red, label: Stuck, meaning: Stuck., text_colour: '#000000', background: '#ffcccc', icon: material/alert}
          - {key: amber, label: Wobbly, meaning: Wobbly., text_colour: '#000000', background: '#ffe0b0', icon: material/alert}
          - {key: green, label: Fine, meaning: Fine., text_colour: '#000000', background: '#ccffcc', icon: material/check}
          - {key: blue, label: Finished, meaning: Done., text_colour: '#000000', background: '#cce0ff', icon: material/check, done: true}
          - {key: pink, label: Paused, meaning: Paused., text_colour: '#000000', background: '#ffd0f0', icon: material/pause}
          - {key: not-rated, label: Unknown, meaning: Unknown., text_colour: '#000000', background: '#eeeeee', icon: material/help, rated: false}
        """), "      ")
    project = make_project(tmp_path, config_edit=lambda t: t.replace("      plan_name: test plan\n",
                                                                      "      plan_name: test plan\n" + scale))
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert badge_words(build.html("areas/2-plans/"))[-3:] == ["Fine", "Paused", "Wobbly"]


def test_the_build_never_writes_to_content(tmp_path):
    project = make_project(tmp_path)

    def snapshot():
        return {p.relative_to(project).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted((project / "content").rglob("*")) if p.is_file()}

    before = snapshot()
    assert run_build(project).returncode == 0
    assert snapshot() == before


def test_two_builds_are_byte_identical(tmp_path):
    first = make_project(tmp_path / "one")
    second = make_project(tmp_path / "two")
    for project in (first, second):
        assert run_build(project).returncode == 0

    def files(project):
        return {p.relative_to(project / "site").as_posix(): p.read_bytes()
                for p in (project / "site").rglob("*") if p.is_file() and p.suffix != ".gz"}

    one, two = files(first), files(second)
    assert one.keys() == two.keys()
    different = [name for name in one if one[name] != two[name]]
    assert different == []


def test_action_page_size_does_not_grow_with_unrelated_actions(tmp_path):
    """Navigation is pruned: adding 40 actions to area 2 leaves an area-1 action page the same size."""
    small = make_project(tmp_path / "small")
    extra = {}
    for n in range(4, 44):
        extra[f"content/areas/2-plans/2-{n}-extra.md"] = (
            f'---\ntype: action\nid: "2.{n}"\ntitle: Extra action number {n} with a long title\n'
            "status: not-rated\n---\n")
    big = make_project(tmp_path / "big", files=extra)
    sizes = []
    for project in (small, big):
        build = run_build(project)
        assert build.returncode == 0, build.output
        sizes.append(len((build.site / ACTION_URLS["1.1"] / "index.html").read_bytes()))
    assert sizes[1] <= sizes[0] * 1.02, sizes


# -- You said, we did ---------------------------------------------------------------------------

def test_theme_page_shows_each_item_with_its_source_and_live_badges(basic_build):
    soup = basic_build.html("you-said/support/")
    items = soup.select("article li.pp-said")
    assert [i["id"] for i in items] == ["said-1", "said-2"]
    first = items[0]
    assert first.select_one(".pp-said__text").get_text(strip=True) == (
        "35% of parents and carers feel that they are not supported by the local authority")
    assert first.select_one(".pp-said__source").get_text(strip=True) == "Source: Test survey 2021, 100 people"
    answers = [(li.a.get_text(strip=True), li.a["href"], li.select_one(".pp-badge").get_text(strip=True))
               for li in first.select(".pp-said__did li")]
    # 2.1 is only related to the item (related_to): it is never listed as what "we did".
    assert answers == [("1.1 A red action that is late", "../../areas/1-finding/1-1-red/", "Significantly delayed")]
    assert items[1].blockquote is not None, "a quote is marked up as a quote"
    assert items[1].select_one(".pp-said__none").get_text(strip=True) == "No action in the plan yet."


def test_action_page_links_back_to_what_families_said(basic_build):
    section = basic_build.html("areas/1-finding/1-1-red/").select_one("#you-said").find_next("ul")
    assert section.q.get_text(strip=True).startswith("35% of parents")
    assert section.a["href"] == "../../../you-said/support/#said-1"


def test_you_said_overview_counts_and_gaps(basic_build):
    article = basic_build.html("you-said/").select_one("article")
    assert article.h1.get_text(strip=True) == "You said, and what we are doing"  # rated, not completed
    assert "Families told us 3 things in 2 themes. 2 are answered by at least one action in the plan; " \
           "1 is not answered by any action yet." in article.get_text(" ", strip=True)
    rows = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])]
            for tr in article.select("table.pp-themes tbody tr")]
    assert rows == [["Health", "1", "1", "0"], ["Support", "2", "1", "1"]]
    gaps = [li.a.get_text(strip=True) for li in article.select("ul.pp-gaps li")]
    assert gaps == ["Only have to tell our story once"]


def test_you_said_open_data_lists_the_gaps(basic_build):
    document = json.loads((basic_build.site / "data/you-said.json").read_text(encoding="utf-8"))
    assert [(i["theme"], i["number"], i["answered"]) for i in document["items"]] == [
        ("Health", 1, True), ("Support", 1, True), ("Support", 2, False)]
    first = document["items"][1]
    assert (first["answered_by"], first["answered_how"]) == (["1.1"], ["Gives every family a named contact."])
    assert (first["related_to"], first["related_how"]) == (
        ["2.1"], ["Trains staff in the plans, which may help families feel supported."])
    assert (document["items"][2]["answered_by"], document["items"][2]["related_to"]) == ([], [])
    table = list(csv.DictReader(io.StringIO((basic_build.site / "data/you-said.csv").read_text(encoding="utf-8"))))
    assert [r["answered"] for r in table] == ["true", "true", "false"]
    assert (table[1]["answered_by"], table[1]["related_to"]) == ("1.1", "2.1")
    assert table[1]["answered_how"] == "Gives every family a named contact."


def test_changing_a_status_changes_the_theme_page(tmp_path):
    red = (make_project(tmp_path / "before") / "content/areas/1-finding/1-1-red.md").read_text(encoding="utf-8")
    blue = red.replace("status: red\n", "status: blue\n").replace(
        "    source: Board meeting, May 2022\n",
        "    source: Board meeting, May 2022\n  - date: 2022-06-01\n    status: blue\n    note: Finished.\n"
        "    source: Board meeting, June 2022\n")
    project = make_project(tmp_path / "after", files={"content/areas/1-finding/1-1-red.md": blue})
    build = run_build(project)
    assert build.returncode == 0, build.output
    first = build.html("you-said/support/").select("article li.pp-said")[0]
    assert [b.get_text(strip=True) for b in first.select(".pp-said__did .pp-badge")] == ["Completed"]
    assert "Overdue" not in first.get_text()


# -- Glossary ---------------------------------------------------------------------------------------

def test_glossary_page_lists_every_term_with_an_anchor(basic_build):
    soup = basic_build.html("glossary/")
    entries = [(div["id"], div.dt.get_text(" ", strip=True), div.dd.get_text(strip=True))
               for div in soup.select("article dl.pp-glossary > div")]
    assert entries == [
        ("term-ehc", "EHC (Education, Health and Care)", "The three kinds of help in an EHC plan."),
        ("term-ehc-plan", "EHC plan", "A plan for a child's education, health and care."),
    ]


def test_jargon_is_explained_on_the_page_without_hovering(basic_build):
    article = basic_build.html("areas/1-finding/1-1-red/").select_one("article")
    links = [(a.get_text(), a["href"]) for a in article.select("a.pp-term")]
    # Longest term first ("EHC plan" not "EHC"), then the first use of "EHC" alone; each term once.
    assert links == [("EHC plan", "#words-ehc-plan"), ("EHC", "#words-ehc")]
    box = article.select_one("aside.pp-words")
    assert box.h2.get_text(strip=True) == "Words on this page"
    assert [d["id"] for d in box.select("dl > div")] == ["words-ehc-plan", "words-ehc"]
    assert box.select_one("a[href$='glossary/']").get_text(strip=True) == "All the words we use, explained"
    # A term in a heading is never made a link (it may be spelt out there: tests/test_jargon.py).
    assert not article.select("h1 a.pp-term, h2 a.pp-term")


# -- Keeping people informed ------------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def test_whats_changed_lists_changes_newest_first_by_month(basic_build):
    article = basic_build.html("whats-changed/").select_one("article")
    months = [h.get_text(strip=True) for h in article.find_all("h2")]
    assert months[:3] == ["June 2022", "May 2022", "January 2022"]
    june = article.find("h2", string="June 2022").find_next("ol")
    events = [li.get_text(" ", strip=True) for li in june.select("li")]
    assert events[0].startswith("1 June 2022 2.1 A green action First rating: On track On track.")
    first_may = article.find("h2", string="May 2022").find_next("ol").li
    assert first_may.get_text(" ", strip=True) == (
        "1 May 2022 1.1 A red action that is late Minor delays changed to Significantly delayed "
        "Needs intervention. Source: Board meeting, May 2022")


def test_atom_feed_is_valid_with_absolute_links(basic_build):
    import xml.etree.ElementTree as ET

    root = ET.fromstring((basic_build.site / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == "https://example.test/plan/feed.xml"
    assert root.findtext(f"{ATOM}updated") == "2022-06-01T00:00:00Z"
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Test plan progress"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 6
    for entry in entries:
        for child in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{child}"), child
        assert entry.find(f"{ATOM}link").get("href").startswith("https://example.test/plan/areas/")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    assert "https://example.test/plan/areas/1-finding/1-1-red/#history-2" in ids
    # Every page advertises the feed.
    link = basic_build.html("areas/1-finding/").select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert link["href"] == "../../feed.xml"


def test_board_report_has_summary_overdue_changes_gaps_and_one_section_per_area(basic_build):
    article = basic_build.html("board-report/").select_one("article")
    rows = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])]
            for tr in article.select("table.pp-summary tbody tr")]
    # The last column counts late (rated) actions only: 1.3's date passed but nobody has rated it.
    # The column after it counts unrated actions whose date has passed (1.3), apart.
    assert rows == [["Area 1: Finding needs", "3", "1", "0", "0", "1", "0", "1", "1", "1"],
                    ["Area 2: Plans", "3", "0", "1", "1", "0", "1", "0", "0", "0"],
                    ["All areas", "6", "1", "1", "1", "1", "1", "1", "1", "1"]]
    overdue = article.find("h2", id="overdue").find_next("table")
    assert [r.th.get_text(strip=True) for r in overdue.select("tbody tr")] == ["1.1"]
    recent = article.find("h2", id="changes").find_next("ol")
    assert [li.a.get_text(strip=True)[:3] for li in recent.select("li")] == ["2.1", "2.2", "2.3"]
    assert [li.get_text(" ", strip=True)[:40] for li in article.select("ul.pp-gaps li")] == [
        "Only have to tell our story once (Suppor"]
    sections = article.select("section.pp-report-area")
    assert [s.h2.get_text(strip=True) for s in sections] == ["Area 1: Finding needs", "Area 2: Plans"]
    # Links in the report are absolute so that they print usefully.
    assert sections[0].select_one("td a")["href"] == "https://example.test/plan/areas/1-finding/1-1-red/"


def test_plain_filter_pages_for_every_status_and_area(basic_build):
    everything = basic_build.html("actions/")
    links = [a["href"] for a in everything.select("ul.pp-filter-links a")]
    assert links == ["red/", "amber/", "green/", "blue/", "pink/", "not-rated/", "area-1/", "area-2/"]
    area2 = basic_build.html("actions/area-2/")
    assert [r.th.get_text(strip=True) for r in area2.select("table.pp-actions tbody tr")] == ["2.1", "2.2", "2.3"]
    # The JavaScript filter is hidden until the script switches it on, and its table rows carry the data.
    control = everything.select_one("[data-pp-filter]")
    assert control.has_attr("hidden")
    assert control.select_one("label[for=pp-filter-status]") and control.select_one("#pp-filter-status")
    assert control.select_one("[role=status][aria-live=polite]") is not None
    assert everything.select_one("table.pp-actions tbody tr")["data-status"] == "red"
    assert everything.select_one('script[src$="assets/plan-progress.js"]') is not None


def test_open_data_page_explains_every_column_and_the_licence(basic_build):
    article = basic_build.html("open-data/").select_one("article")
    assert [a["href"] for a in article.select("ul a")][:2] == ["../data/actions.csv", "../data/actions.json"]
    columns = [th.get_text(strip=True) for th in article.select("table tbody th")]
    assert columns[:3] == ["id", "area", "area_title"] and "answered" in columns
    assert "Open Government Licence v3.0" in article.get_text()


def test_sitemap_dates_come_from_the_content(basic_build):
    sitemap = (basic_build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2022-05-01</lastmod>" in sitemap  # action 1.1's newest rating
    assert "<lastmod>2022-06-15</lastmod>" in sitemap  # every other page: the "as at" date
    import datetime
    assert datetime.date.today().isoformat() not in sitemap or datetime.date.today().isoformat() == "2022-06-15"


def test_top_level_navigation_follows_nav_order(basic_build):
    nav = basic_build.html("glossary/").select_one("nav.md-nav--primary > ul")
    titles = [li.find(["a", "label"]).get_text(" ", strip=True) for li in nav.find_all("li", recursive=False)]
    # Listed first, in order; then the rest in MkDocs' own order.
    assert titles[:4] == ["Test plan progress", "Areas", "You said", "Glossary"]
    assert "Actions" in titles[4:] and "Progress report: test plan" in titles[4:]  # the shipped word: generic

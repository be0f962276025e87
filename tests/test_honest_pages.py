"""Issue 14 on the standard pages: overdue means late, no unsupported sentence, "You said" links with
what each action does, plain dates, and feedback and help only where they are configured.

The basic fixture's 1.1 is rated and late (overdue); 1.3 is not rated and its completion date has
passed (never "overdue": no rating has been published). Each test reads the built HTML.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import make_project, run_build

FEEDBACK_TEXT = "Tell us what you think about this page"
ATOM = "{http://www.w3.org/2005/Atom}"


def pages(build):
    for path in sorted(build.site.rglob("*.html")):
        yield str(path.relative_to(build.site)), build.html(str(path.relative_to(build.site)))


def row(soup, action_id):
    return next(tr for tr in soup.select("table.pp-actions tbody tr") if tr.th.get_text(strip=True) == action_id)


# -- overdue means late ------------------------------------------------------------------------------

def test_an_unrated_action_past_its_date_is_not_called_overdue_on_its_page(basic_build):
    article = basic_build.html("areas/1-finding/1-3-unrated/").select_one("article")
    assert not article.select(".pp-flag"), "an unrated action is never flagged overdue"
    assert not article.select(".pp-note"), "no alarm note"
    note = article.select(".pp-note-plain")
    assert [n.get_text(" ", strip=True) for n in note] == [
        "Date passed, no rating published",
        "The completion date in the plan (May 2022) has passed. No progress rating of this action has been published since."]
    assert "overdue" not in article.get_text().lower()
    # The rated, late action keeps its flag and its sentence.
    late = basic_build.html("areas/1-finding/1-1-red/").select_one("article")
    assert late.select_one(".pp-facts .pp-flag").get_text(strip=True) == "Overdue"
    assert late.select_one(".pp-note").get_text(strip=True).startswith("This action is marked \"Overdue\"")


@pytest.mark.parametrize("page", ["actions/", "actions/not-rated/", "actions/area-1/", "areas/1-finding/"])
def test_tables_and_filter_pages_say_date_passed_in_plain_words(basic_build, page):
    status = row(basic_build.html(page), "1.3").select("td")[-1]
    assert status.get_text(" ", strip=True) == "Not yet rated Date passed, no rating published"
    assert not status.select(".pp-flag")
    assert status.select_one(".pp-note-plain").find("svg") is None


def test_board_report_lists_unrated_past_due_actions_apart_from_overdue(basic_build):
    article = basic_build.html("board-report/").select_one("article")
    overdue = article.find("h2", id="overdue").find_next("table")
    assert [r.th.get_text(strip=True) for r in overdue.select("tbody tr")] == ["1.1"]
    assert article.find("h2", id="overdue").find_next("p").get_text(" ", strip=True) == (
        "1 action is past the completion date and not marked completed. Each has a published rating.")
    heading = article.find("h2", id="due-passed")
    # The same heading as the page that lists them (actions/date-passed/), and the date it is counted against.
    listed = basic_build.html("actions/date-passed/").select_one("article h1").get_text(strip=True)
    assert heading.get_text(strip=True) == listed == "Date passed, no rating published"
    intro = heading.find_next("p").get_text(" ", strip=True)
    assert intro == ("By 15 June 2022, when this site was last updated, 1 action has passed its completion date in "
                     "the plan, and no progress rating has been published. That does not mean they are "
                     "late: no source says whether they are done.")
    table = heading.find_next("table")
    assert [r.th.get_text(strip=True) for r in table.select("tbody tr")] == ["1.3"]
    assert not table.select(".pp-flag")


def test_status_key_says_overdue_is_for_rated_actions_only(basic_build):
    text = basic_build.html("status-key/").find("h2", id="overdue").find_next("p").get_text(" ", strip=True)
    assert "an action that has been rated" in text
    assert "An action that has not been rated is never marked \"Overdue\"" in text


def test_no_page_says_an_unrated_action_will_be_rated_at_the_next_review(basic_build):
    history = basic_build.html("areas/1-finding/1-3-unrated/").find("h2", id="history").find_next("p")
    assert history.get_text(strip=True) == "No published source has rated this action yet."
    for path, soup in pages(basic_build):
        assert "will be rated when" not in soup.get_text(), path


# -- you said, with what each action does -----------------------------------------------------------

def test_theme_item_shows_how_each_action_answers_and_related_actions_apart(basic_build):
    first = basic_build.html("you-said/support/").select("article li.pp-said")[0]
    did = first.select_one(".pp-said__did")
    assert [li.get_text(" ", strip=True) for li in did.select("li")] == [
        "1.1 A red action that is late Significantly delayed Overdue — Gives every family a named contact."]
    related = first.select_one(".pp-said__related")
    assert related.select_one(".pp-said__label").get_text(strip=True) == "Related (does not answer this)"
    assert [li.get_text(" ", strip=True) for li in related.select("li")] == [
        "2.1 A green action On track — Trains staff in the plans, which may help families feel supported."]
    gap = basic_build.html("you-said/support/").select("article li.pp-said")[1]
    assert gap.select_one(".pp-said__none").get_text(strip=True) == "No action in the plan yet."


def test_action_page_says_what_it_answers_and_what_it_is_only_related_to(basic_build):
    answering = basic_build.html("areas/1-finding/1-1-red/").select_one("article")
    said = answering.find("h2", id="you-said").find_next("ul")
    assert "What this action does about it: Gives every family a named contact." in said.get_text(" ", strip=True)
    assert answering.find("h2", id="you-said-related") is None
    related = basic_build.html("areas/2-plans/2-1-green/").select_one("article")
    assert related.find("h2", id="you-said").find_next("p").get_text(strip=True) == (
        "No item of what families told us is linked to this action yet.")
    section = related.find("h2", id="you-said-related")
    assert section.get_text(strip=True) == "Related to what families told us"
    item = section.find_next("ul").li
    assert "35% of parents" in item.get_text() and "Trains staff in the plans" in item.get_text()


def test_links_with_the_same_words_have_names_that_say_where_they_go(basic_build):
    key = basic_build.html("status-key/").select(".pp-key a")
    names = [a["aria-label"] for a in key]
    assert len(set(names)) == len(names) and names[0] == "1 action with the status Significantly delayed"
    for a in key:
        assert a["aria-label"].startswith(a.get_text(strip=True))  # the visible words begin the name


HEALTH = """---
type: you-said
theme: Health
items:
  - said: "Waiting lists are too long"
    kind: finding
    source: Inspectors' report, 2021
    answered_by:
      - action: "2.3"
        how: Sets a target for how long families wait.
  - said: "Nobody tells us how long the wait will be"
    kind: finding
    source: Inspectors' report, 2021
    related_to:
      - action: "2.3"
        how: Sets a target, but does not say families will be told.
---
"""


# -- plain dates --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def configured_build(tmp_path_factory):
    """The basic fixture with a feedback address, contacts, a next-update date and a page that uses the
    feedback sentences."""
    def edit(text):
        return text.replace("      previous_report: 2022-05-15\n", """      previous_report: 2022-05-15
      feedback_url: "mailto:send@example.test"
      next_update: 2022-09-01
      contacts:
        - name: "Parents & Carers <Forum>"
          helps_with: Advice on EHC plans
          email: forum@example.test
          phone: "01234 567 890"
          url: "[website address - to be confirmed]"
          opening_hours: Monday to Friday, 9am to 5pm
        - name: The SEND team
          url: https://send.example.test/
""")
    project = make_project(tmp_path_factory.mktemp("configured"), config_edit=edit,
                           files={"content/about.md": "# About\n\n[[feedback_sentence]]\n\n"
                                                      "If you find a problem, tell us. [[feedback_on_problem]] us.\n",
                                  "content/you-said/health.md": HEALTH})
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def test_progress_checked_and_next_update_on_home_board_report_changes_and_open_data(configured_build, basic_build):
    for page in ("", "board-report/", "whats-changed/", "open-data/"):
        text = configured_build.html(page).select_one("article").get_text(" ", strip=True)
        assert "Progress last checked: 15 June 2022" in text, page
        assert "Next update due: 1 September 2022" in text, page
        plain = basic_build.html(page).select_one("article").get_text(" ", strip=True)
        assert "Progress last checked: 15 June 2022" in plain and "Next update due" not in plain, page
        assert "as at" not in plain.lower(), page
    feed = ET.fromstring((configured_build.site / "feed.xml").read_bytes())
    assert feed.findtext(f"{ATOM}subtitle") == "Progress last checked: 15 June 2022 Next update due: 1 September 2022"
    data = json.loads((configured_build.site / "data" / "actions.json").read_text(encoding="utf-8"))
    assert data["next_update"] == "2022-09-01"


def test_open_data_page_describes_every_column_and_formula_safety(basic_build):
    article = basic_build.html("open-data/").select_one("article")
    columns = {tr.th.get_text(strip=True): tr.td.get_text(" ", strip=True) for tr in article.select("tbody tr")}
    for name in ("overdue", "due_passed", "answered_how", "related_to", "related_how"):
        assert columns.get(name), name
    assert "cells that begin with =, +, -, @" in article.get_text()


# -- feedback and help --------------------------------------------------------------------------------

def test_with_a_feedback_address_every_page_has_one_link_for_that_page(configured_build):
    checked = 0
    for path, soup in pages(configured_build):
        if soup.select_one("article") is None or path == "404.html":  # 404: not a page of the site
            continue
        links = [a for a in soup.find_all("a") if a.get_text(strip=True) == FEEDBACK_TEXT]
        assert len(links) == 1, path
        href = links[0]["href"]
        assert href.startswith("mailto:send@example.test?subject=Feedback%20on%3A%20"), path
        url = "https://example.test/plan/" + re.sub(r"(^|/)index\.html$", r"\1", path)
        assert href.endswith("&body=Page%3A%20" + url.replace(":", "%3A").replace("/", "%2F")), (path, href)
        checked += 1
    assert checked > 20
    action = configured_build.html("areas/1-finding/1-1-red/")
    href = next(a["href"] for a in action.find_all("a") if a.get_text(strip=True) == FEEDBACK_TEXT)
    assert "subject=Feedback%20on%3A%201.1%20A%20red%20action%20that%20is%20late" in href


def test_without_a_feedback_address_no_page_promises_one(basic_build):
    for path, soup in pages(basic_build):
        assert FEEDBACK_TEXT not in soup.get_text(), path


def test_the_feedback_sentences_adapt_to_whether_there_is_a_link(configured_build):
    text = configured_build.html("about/").select_one("article").get_text(" ", strip=True)
    assert f'Every page on this website has a link called "{FEEDBACK_TEXT}"' in text
    assert f'Use the "{FEEDBACK_TEXT}" link on the page where you found the problem, or email us.' in text


def test_a_setting_may_not_take_the_name_of_a_feedback_sentence(tmp_path):
    project = make_project(tmp_path, config_edit=lambda t: t + "extra:\n  settings:\n    feedback_sentence: mine\n")
    build = run_build(project)
    assert build.returncode != 0
    assert "feedback_sentence: the plugin fills this in from feedback_url" in build.output


def test_contact_and_help_page_shows_only_what_the_settings_give(configured_build):
    article = configured_build.html("contact/").select_one("article")
    assert article.h1.get_text(strip=True) == "Contact and help"
    headings = [h.get_text(strip=True) for h in article.find_all("h2", id=True)]
    assert headings == ["Parents & Carers <Forum>", "The SEND team"]
    first = article.find_all("h2", id=True)[0]
    assert first.find_next("p").get_text(" ", strip=True) == "Can help with: Advice on EHC plans"
    facts = first.find_next("dl")
    details = {div.dt.get_text(strip=True).rstrip(":"): div.dd for div in facts.find_all("div")}
    assert list(details) == ["Email", "Phone", "Website", "Opening hours"]
    assert details["Email"].a["href"] == "mailto:forum@example.test"
    assert details["Phone"].a["href"] == "tel:01234567890"
    assert details["Website"].a is None and details["Website"].get_text(strip=True).startswith("[website")
    second_facts = article.find_all("h2", id=True)[1].find_next("dl")
    second = {div.dt.get_text(strip=True).rstrip(":") for div in second_facts.find_all("div")}
    assert second == {"Website"}  # nothing made up for the fields it does not give
    source = (configured_build.site / "contact" / "index.html").read_text(encoding="utf-8")
    assert "Parents &amp; Carers &lt;Forum&gt;" in source
    # In the footer of every page.
    footer = configured_build.html("areas/1-finding/").select_one(".pp-footer-links")
    assert [a["href"] for a in footer.find_all("a") if a.get_text(strip=True) == "Contact and help"] == [
        "../../contact/"]


def test_no_contacts_no_contact_page(basic_build):
    assert not (basic_build.site / "contact").exists()
    assert "Contact and help" not in basic_build.html("").get_text()


# -- the real site -----------------------------------------------------------------------------------

def test_the_real_site_promises_no_feedback_link_and_calls_no_unrated_action_overdue(real_build):
    """feedback_url is not set in mkdocs.yml: no page, the accessibility statement and the glossary
    included, mentions the link; and no action is rated, so none is flagged overdue anywhere."""
    for path, soup in pages(real_build):
        text = soup.get_text()
        assert FEEDBACK_TEXT not in text, path
        if path != "status-key/index.html":  # which explains the flag
            assert not soup.select(".pp-flag"), path
        assert "will be rated when" not in text, path
    statement = real_build.html("about/accessibility/").select_one("article").get_text(" ", strip=True)
    assert "Email [" in statement or "Email" in statement.split("please tell us.")[1][:20]
    rows = json.loads((real_build.site / "data" / "actions.json").read_text(encoding="utf-8"))["actions"]
    assert not any(row["overdue"] for row in rows)
    # Late is counted against the day the site was last updated (the commit's date, after March 2023, the
    # plan's last completion date): every action with a date has passed it.
    assert sum(row["due_passed"] for row in rows) == sum(1 for row in rows if row["due"]) == 31
    board = real_build.html("board-report/")
    table = board.find("h2", id="due-passed").find_next("table")
    assert [r.th.get_text(strip=True) for r in table.select("tbody tr")][:3] == ["1.1", "1.2", "2.1"]


def test_theme_and_overview_count_items_that_are_only_related_apart(configured_build):
    theme = configured_build.html("you-said/health/").select_one("article .pp-as-at").get_text(" ", strip=True)
    assert "1 of them is answered by an action in the plan." in theme
    assert theme.endswith("1 thing is related to an action in the plan, but not answered by it.")
    second = configured_build.html("you-said/health/").select("article li.pp-said")[1]
    assert second.select_one(".pp-said__none").get_text(strip=True) == "No action in the plan yet."
    assert "does not say families will be told" in second.select_one(".pp-said__related").get_text()
    overview = configured_build.html("you-said/").find("h2", id="themes").find_next("p").get_text(" ", strip=True)
    assert overview.endswith("1 thing is related to an action in the plan, but not answered by it.")
    gaps = configured_build.html("you-said/").find("h2", id="gaps").find_next("ul")
    assert "Nobody tells us how long the wait will be" in gaps.get_text()

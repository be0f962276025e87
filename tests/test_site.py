"""The page data the plugin used to work out itself, now in core/ (core/site.py, core/nav.py): tested with
a small plan and plain objects, no MkDocs build."""

from __future__ import annotations

import doctest
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from test_pages_registry import small_plan

import plan_progress.core.nav as nav_module
from plan_progress.core.help import Contact
from plan_progress.core.model import Action, Area
from plan_progress.core.nav import order_nav
from plan_progress.core.pages import SitePages
from plan_progress.core.scale import DEFAULT_SCALE
from plan_progress.core.site import Site
from plan_progress.core.templates import Templates
from plan_progress.core.words import Words

# The plugin's settings a Site reads, with config.py's defaults (any object with these attributes).
OPTIONS = dict(plan_name="test plan", ratings_note="", progress_checked_text="Progress last checked: {date}",
               next_update=None, next_update_text="Next update due: {date}", pictures_dir="assets/pictures",
               pictures_credit="", pictures_credit_url=None, feed_path="feed.xml", publisher=None,
               previous_report=None, licence="Open Government Licence v3.0", licence_url=None,
               feedback_url=None, feedback_text="Tell us what you think about this page", data_dir="data")


def url_of(uri: str) -> str:
    """As MkDocs makes addresses with use_directory_urls: areas/2-plans/2-10.md -> areas/2-plans/2-10/."""
    page = uri.removesuffix(".md")
    return (page.removesuffix("index") or "./") if page.endswith("index") else page + "/"


def make_site(easy_read: bool = True, files: tuple[str, ...] = (), **options) -> Site:
    plan = small_plan()
    pages = SitePages(plan, easy_read=easy_read)
    return Site(plan, pages, SimpleNamespace(**{**OPTIONS, **options}), Words.load(plan_name="test plan"),
                Templates(), url_of=url_of, has_file=lambda uri: uri in files,
                icon=lambda name: '<svg viewBox="0 0 1 1"></svg>',
                contacts=(Contact(name="The SEND team", email="send@example.org"),))


def test_a_generated_page_is_its_kinds_template_with_its_kinds_data():
    site = make_site()
    html = BeautifulSoup(site.render(site.pages.get("status-key.md")), "html.parser")
    assert [b.get_text(" ", strip=True) for b in html.select(".pp-badge")][:2] == \
        [DEFAULT_SCALE[0].label, DEFAULT_SCALE[1].label]
    area = BeautifulSoup(site.render(site.pages.get("easy-read/area-2/index.md")), "html.parser")
    assert area.find("a", href="2-10/") is not None  # the part lists its action, linking to its easy-read page
    action = BeautifulSoup(site.render(site.pages.get("easy-read/area-2/2-10.md")), "html.parser")
    assert action.find("h1").get_text() == "A system"


def test_a_content_page_gets_its_title_in_the_sites_words():
    site = make_site()
    action = site.plan.actions[0]
    content, title = site.content_page(action.uri, "Our own words.")
    assert title == "2.10 A system" and "Our own words." in content
    assert site.content_page("about.md", "x") is None  # not a page of the plan


def test_the_other_version_link_is_relative_and_in_the_right_words():
    site = make_site()
    area, action = site.plan.areas[0], site.plan.actions[0]
    assert site.alternate("areas/2-plans/2-10/", action.uri) == {
        "href": "../../../easy-read/area-2/2-10/", "text": Words.load().text("to_easy_read"), "easy": True}
    back = site.alternate("easy-read/area-2/", "easy-read/area-2/index.md")
    assert back == {"href": "../../areas/2-plans/", "text": Words.load().text("easy_to_standard"), "easy": False}
    assert site.alternate("about/", "about.md")["text"] == Words.load().text("to_easy_read_site")
    assert make_site(easy_read=False).alternate("areas/2-plans/", area.uri) is None


def test_settings_are_filled_in_and_an_unknown_one_is_named_with_its_line():
    site = make_site()
    text, unknown = site.fill_settings("Call [[phone]].\n\nOr [[fax]].", {"phone": "01234"}, "content/about.md")
    assert text == "Call 01234.\n\nOr [[fax]]."
    assert len(unknown) == 1
    assert unknown[0].startswith("content/about.md: line 3 after the front-matter: [[fax]] is not a setting; ")
    assert "known: phone, feedback_sentence" in unknown[0]


def test_edit_links_come_from_each_kinds_rule():
    edit = make_site().edit_uris("../mkdocs.yml")
    assert edit["status-key.md"] == edit["actions/index.md"] == "../mkdocs.yml"
    assert edit["actions/area-2.md"] == edit["easy-read/area-2/index.md"] == "areas/2-plans/index.md"
    assert edit["easy-read/area-2/2-10.md"] == "areas/2-plans/2-10.md"
    assert edit["easy-read/index.md"] == "index.md"
    assert edit["whats-changed.md"] is None and edit["board-report.md"] is None


def test_the_easy_read_frame_marks_the_current_page_and_links_back_to_the_standard_site():
    frame = make_site().easy_frame("easy-read/area-2/", "easy-read/area-2/index.md")
    assert [(m["href"], m["current"]) for m in frame["menu"]] == [
        ("../", False), ("./", True), ("../you-said/", False), ("../status-key/", False), ("../who-can-help/", False)]
    assert frame["standard"] == "../../" and frame["credit"] == ""


def test_the_contact_page_and_the_feedback_link_show_only_what_is_set():
    site = make_site(files=("accessibility.md",))
    assert site.feedback_link("https://x.org/a/", "A") is None
    assert site.accessibility_uri == "accessibility.md"
    with_feedback = make_site(feedback_url="mailto:send@example.org")
    assert with_feedback.feedback_link("https://x.org/a/", "A")["href"].startswith("mailto:send@example.org?subject=")
    assert make_site(feedback_url="[address - to be confirmed]").feedback_link("u", "t") is None


def test_the_extra_files_and_pictures():
    site = make_site()
    files = site.files(lambda name: f"/* {name} */")
    assert {"feed.xml", "data/actions.json", "data/actions.csv", "data/you-said.csv",
            "assets/plan-progress.css", "assets/plan-progress.js"} <= set(files)
    from plan_progress.reading import SHIPPED_PICTURES

    shipped, missing = site.pictures(SHIPPED_PICTURES)
    assert shipped and not missing and site.shipped_pictures
    assert site.pictures_credit()["credit_url"] == "https://openmoji.org/"
    assert make_site(easy_read=False).pictures(SHIPPED_PICTURES) == ({}, [])


def _entry(uri: str | None = None, children=None, is_index: bool = False, title: str = ""):
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri) if uri else None, children=children,
                           is_index=is_index, is_page=children is None, title=title)


def test_the_menu_puts_actions_in_number_order_and_names_an_areas_section_by_its_title():
    area = Area(number=2, title="Plans", finding="", aim="", uri="areas/2/index.md", path="")
    actions = [Action(id=f"2.{n}", title=f"A{n}", uri=f"areas/2/2-{n}.md", path="", area=area,
                      status=DEFAULT_SCALE[0]) for n in (10, 2, 1)]
    items = {a.uri: a for a in actions} | {area.uri: area}
    section = _entry(children=[_entry(a.uri) for a in actions] + [_entry(area.uri, is_index=True)], title="2")
    about = _entry("about.md")
    nav = [about, section, _entry("index.md")]
    found = order_nav(nav, items, lambda a: f"Area {a.number}: {a.title}", nav_order=["index.md", "areas"])
    assert [e.file.src_uri for e in found] == ["index.md", "areas/2/index.md", "areas/2/2-1.md", "areas/2/2-2.md",
                                               "areas/2/2-10.md", "about.md"]
    assert section.title == "Area 2: Plans"
    assert found[0].previous_page is None and found[1].previous_page is found[0] and found[-1].next_page is None


@pytest.mark.parametrize("module", [nav_module], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    assert doctest.testmod(module).failed == 0

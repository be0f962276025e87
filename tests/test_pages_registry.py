"""The registry of generated pages (core/pages.py): one entry per page, one lookup for its other version."""

from __future__ import annotations

import datetime as dt

from plan_progress.core.model import Action, Area, Home, Plan, Theme
from plan_progress.core.pages import Paths, SitePages
from plan_progress.core.scale import DEFAULT_SCALE


def small_plan() -> Plan:
    area = Area(number=2, title="Plans", finding="", aim="", uri="areas/2-plans/index.md", path="")
    action = Action(id="2.10", title="A system", uri="areas/2-plans/2-10.md", path="", area=area,
                    status=DEFAULT_SCALE[0])
    area.actions.append(action)
    theme = Theme(title="Health", uri="you-said/health.md", path="")
    return Plan(scale=DEFAULT_SCALE, as_at=dt.date(2022, 3, 8), areas=[area], actions=[action], themes=[theme],
                home=Home(uri="index.md", path=""))


def test_every_generated_page_has_one_entry_and_a_path_from_the_settings():
    plan = small_plan()
    pages = SitePages(plan, Paths(actions_dir="lists", easy_read_dir="simple"))
    area, status = plan.areas[0], plan.scale[0]
    assert pages.uri("area-actions", area) == "lists/area-2.md"
    assert pages.uri("status-actions", status) == f"lists/{status.key}.md"
    assert pages.uri("easy-area", area) == "simple/area-2/index.md"
    assert pages.uri("easy-action", plan.actions[0]) == "simple/area-2/2-10.md"
    assert pages.uri("easy-theme", plan.themes[0]) == "simple/you-said/health.md"
    made = pages.get("simple/area-2/index.md")
    assert made.kind.easy_read and made.subject is area and made.template == "plan-progress/easy-read/area.html"
    uris = [p.uri for p in pages.made()]
    assert len(uris) == len(set(uris)) == 12 + len(plan.scale) + 4  # one per status, two per area, one per action and theme
    assert pages.uri("date-passed") == "lists/date-passed.md" and pages.uri("no-date") == "lists/no-date.md"
    assert "you-said/index.md" in uris
    assert pages.uri("easy-help") == "simple/who-can-help.md" and pages.is_easy_read("simple/who-can-help.md")


def test_the_contents_own_you_said_page_is_registered_but_not_made():
    pages = SitePages(small_plan(), has_page=lambda uri: uri == "you-said/index.md")
    assert pages.get("you-said/index.md").made is False
    assert "you-said/index.md" not in [p.uri for p in pages.made()]


def test_the_standard_and_easy_read_versions_lead_to_each_other():
    plan = small_plan()
    pages = SitePages(plan)
    area, action, theme = plan.areas[0], plan.actions[0], plan.themes[0]
    items = {area.uri: area, action.uri: action, theme.uri: theme, "index.md": plan.home}
    assert pages.other_version(area.uri, area) == ("easy-read/area-2/index.md", "", True, False)
    assert pages.other_version(action.uri, action) == ("easy-read/area-2/2-10.md", "", True, False)
    assert pages.other_version(theme.uri, theme) == ("easy-read/you-said/health.md", "", True, False)
    assert pages.other_version("glossary.md") == ("easy-read/index.md", "", True, True)
    for standard in (area.uri, action.uri, theme.uri, "status-key.md", "you-said/index.md", "index.md"):
        easy, fragment, to_easy, _ = pages.other_version(standard, items.get(standard))
        assert to_easy and not fragment
        assert pages.other_version(easy) == (standard, "", False, False), standard

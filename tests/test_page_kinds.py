"""A page kind is one entry of the registry (core/pages.py KINDS) and one template: adding one, here in
a test, gives the site its page, its "Edit this page" link, its link to the easy-read version, its place
in TEMPLATES.md and its lookup by name, with no other change to the plugin."""

from __future__ import annotations

import pytest
from conftest import make_project, run_build

from plan_progress.core import pages as pages_module
from plan_progress.core.pages import PageKind, SitePages, edit_settings
from plan_progress.core.templates import reference

REPO = "https://github.com/example-council/plan-site"

# The new kind: the late actions, at actions/late.md, made from the plan's overdue actions.
LATE = PageKind("late-actions", "late-actions.html", "{actions_dir}/late.md",
                view=lambda site, page, body: {"late": site.plan.overdue()}, edit=edit_settings)

# Its template, in the site's own templates folder (a site could ship it; the plugin would in templates/).
TEMPLATE = """{#- The late actions. Receives: late (the rated actions past their completion date). -#}
<h1 id="late-actions">Late actions</h1>
<ul class="late">
{% for action in late %}
<li><a href="{{ href(action.uri) }}">{{ action.id }}</a> {{ r.badge(action.status) }}</li>
{% endfor %}
</ul>
<p class="self"><a href="{{ href(pages.uri('late-actions')) }}">This list</a></p>
"""


@pytest.fixture
def with_late_kind(monkeypatch):
    monkeypatch.setitem(pages_module.KINDS, LATE.name, LATE)
    return LATE


def test_a_new_kind_of_page_is_one_entry_and_one_template(tmp_path, with_late_kind):
    project = make_project(tmp_path, files={"overrides/plan-progress/late-actions.html": TEMPLATE},
                           config_edit=lambda text: text.replace("  name: material\n", "  name: material\n"
                                                                 "  custom_dir: overrides\n").replace(
                               "docs_dir: content\n", f"docs_dir: content\nrepo_url: {REPO}\n"
                                                      "edit_uri: edit/main/content/\n"))
    build = run_build(project)
    assert build.returncode == 0, build.output
    page = build.html("actions/late/")
    assert page.find("h1").get_text(strip=True) == "Late actions"
    assert [a.get_text(strip=True) for a in page.select("ul.late a")] == ["1.1"]  # the one late, rated action
    assert page.select_one("ul.late a")["href"] == "../../areas/1-finding/1-1-red/"
    assert page.select_one("ul.late .pp-badge") is not None
    assert page.select_one('a[rel="edit"]')["href"] == f"{REPO}/edit/main/mkdocs.yml"  # its edit rule
    switch = page.select_one(".pp-switch a")  # no easy-read version of its own: the easy-read site
    assert switch["href"] == "../../easy-read/" and "site" in switch.get_text(" ", strip=True).lower()
    assert page.select_one("p.self a")["href"] == "./"  # looked up by its name
    # Every other page is still made, and the new page is in the site's navigation and search.
    assert (build.site / "easy-read" / "index.html").is_file() and (build.site / "actions" / "index.html").is_file()
    assert "actions/late/" in (build.site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_the_new_kind_is_in_the_registry_and_the_template_reference(with_late_kind):
    from test_pages_registry import small_plan

    plan = small_plan()
    registry = SitePages(plan)
    assert registry.uri("late-actions") == "actions/late.md"
    assert registry.get("actions/late.md").template == "plan-progress/late-actions.html"
    assert registry.other_version("actions/late.md") == ("easy-read/index.md", "", True, True)
    assert registry.edit_uri(registry.get("actions/late.md"), "../mkdocs.yml") == "../mkdocs.yml"
    rows = [line for line in reference().splitlines() if line.startswith("| `late-actions` |")]
    assert rows == ["| `late-actions` | `plan-progress/late-actions.html` | `actions/late.md` (setting: actions_dir) "
                    "| no | The settings file, mkdocs.yml (where the status scale lives) | None of its own: the "
                    "easy-read home page, the easy-read site as a whole | No content page |"]


def test_without_it_the_registry_has_no_such_page():
    from test_pages_registry import small_plan

    registry = SitePages(small_plan())
    assert not registry.has("late-actions") and registry.get("actions/late.md") is None
    assert "late-actions" not in reference()


def test_easy_read_off_leaves_out_every_easy_read_kind_and_every_other_version():
    from test_pages_registry import small_plan

    plan = small_plan()
    registry = SitePages(plan, easy_read=False)
    assert [p.uri for p in registry.made()] and not [p for p in registry.made() if p.kind.easy_read]
    assert not [uri for uri in registry.by_uri if uri.startswith("easy-read/")]
    assert registry.other_version(plan.areas[0].uri, plan.areas[0]) is None
    assert registry.other_version("status-key.md") is None

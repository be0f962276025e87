"""A menu section of 30 pages, with the smallest mkdocs.yml a new site has (issue 24 item 1).

The build used to die with a raw Jinja traceback (``partials/nav-item.html ... 'None' has no
attribute 'ancestors'``) as soon as one section had more than 24 pages, unless mkdocs.yml set
``navigation.prune``: the crash was in the plugin's copy of mkdocs-material's nav-item.html, which is
gone (TEMPLATES.md). The fixture is the example plan as ``./scripts/new-site`` copies it (its
``mkdocs.yml``, ``theme: material`` with no features, and its ``content/``), with priority 1 grown
to 30 actions; it is built strictly as it is, and again with the real site's menu features.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT, run_build

EXAMPLE = ROOT / "examples" / "priority-action-plan"
AREA = "content/priorities/1-early-help"
COUNT = 30


def _project(tmp_path, features: list[str] | None):
    """The example plan as ./scripts/new-site copies it, with 30 actions in priority 1."""
    shutil.copy(EXAMPLE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(EXAMPLE / "content", tmp_path / "content")
    area = tmp_path / AREA
    first = (area / "1-1-family-hubs.md").read_text(encoding="utf-8")
    existing = len(list(area.glob("1-*.md")))
    for number in range(existing + 1, COUNT + 1):
        text = re.sub(r'^id: "1\.1"$', f'id: "1.{number}"', first, count=1, flags=re.M)
        text = re.sub(r"^title: .*$", f"title: Extra action number {number}", text, count=1, flags=re.M)
        (area / f"1-{number}-extra.md").write_text(text, encoding="utf-8")
    assert len(list(area.glob("1-*.md"))) == COUNT
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert "theme:\n  name: material\nplugins:" in config, "new-site's settings have changed: update this test"
    if features is not None:
        config = config.replace("theme:\n  name: material\n",
                                "theme:\n  name: material\n  features: [" + ", ".join(features) + "]\n", 1)
        (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("features", [
    None,                                                   # what ./scripts/new-site gives
    ["navigation.prune", "navigation.indexes"],             # the real site's menu
    ["navigation.tabs", "navigation.sections", "navigation.indexes", "navigation.footer"],
], ids=["new-site", "prune-indexes", "tabs-sections"])
def test_a_section_of_30_pages_builds_strictly_and_its_menu_lists_them_all(tmp_path, features):
    build = run_build(_project(tmp_path, features))
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output
    page = build.html("priorities/1-early-help/1-17-extra/")
    menu = page.select_one("nav.md-nav--primary")
    listed = [" ".join(a.get_text(" ").split()) for a in menu.select("a.md-nav__link")]
    actions = [text for text in listed if re.match(r"1\.\d+ ", text)]
    assert [text.split()[0] for text in actions] == [f"1.{n}" for n in range(1, COUNT + 1)], listed
    assert "1.17 Extra action number 17" in actions
    # The page's own link is the active one (plan-progress.js adds aria-current to it)
    assert [" ".join(a.get_text(" ").split()) for a in menu.select("a.md-nav__link--active")] == [
        "1.17 Extra action number 17"]
    # The page not found has the whole menu too (it has no page of its own: the old copy crashed here)
    missing = build.html("404.html")
    assert missing.select_one("nav.md-nav--primary")
    assert missing.h1.get_text(strip=True)


def test_a_new_site_s_pages_do_not_carry_every_other_section_s_pages(tmp_path):
    """The plugin turns on the theme's navigation.prune (core/navigation.py): a page's menu has its
    own section in full and every other section as one link, so that a page does not grow with the
    plan. Priority 2's page lists none of priority 1's 30 actions."""
    build = run_build(_project(tmp_path, None))
    assert build.returncode == 0, build.output
    page = build.html("priorities/2-preparing-for-adulthood/2-1-plans-at-14/")
    listed = [" ".join(a.get_text(" ").split()) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    assert not [text for text in listed if text.startswith("1.")], listed
    assert [text for text in listed if text.startswith("2.")]
    assert any(text.startswith("Priority 1") for text in listed), listed  # priority 1 itself: one link

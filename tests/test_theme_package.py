"""The plugin carries its own theme files: a site needs only ``theme: material`` and the plugin.

Its templates (``plugins/plan_progress/templates/``) go on the theme's search path after the
site's own ``custom_dir`` and before mkdocs-material's, and its accessibility fixes to the theme
(``assets/theme-fixes.css``) are served and linked from every page.
"""

from __future__ import annotations

import re

from conftest import make_project, run_build

# mkdocs-material's own partials/copyright.html has no such marker; a site's copy of it does.
SITE_COPYRIGHT = """<div class="md-copyright" id="site-own-footer">This site's own footer</div>
"""


def only_material(text: str) -> str:
    """The fixture's mkdocs.yml with its theme cut down to the theme's name and nothing else."""
    theme = re.search(r"^theme:\n(?:  .*\n)+", text, re.M)
    assert theme, text
    return text.replace(theme.group(0), "theme: {name: material}\n")


def test_a_site_with_only_material_and_the_plugin_gets_the_theme_fixes_and_layouts(tmp_path):
    project = make_project(tmp_path, config_edit=only_material)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir" not in config and "extra_css" not in config
    # The site brings no theme files of its own (its content/assets/ holds only the easy-read pictures).
    assert not [p for p in (project / "content").rglob("*") if p.suffix in (".css", ".js", ".html")]
    build = run_build(project)
    assert build.returncode == 0, build.output

    css = (build.site / "assets" / "theme-fixes.css").read_text(encoding="utf-8")
    assert ".md-typeset a {" in css and "text-decoration: underline" in css
    for path in ("", "areas/1-finding/1-1-red/", "easy-read/", "status-key/"):
        page = build.html(path)
        sheets = [link["href"] for link in page.select('link[rel="stylesheet"]')]
        assert any(href.endswith("assets/theme-fixes.css") for href in sheets), (path, sheets)
        # partials/search.html: the search form's submit button (an accessibility fix)
        assert page.select_one(".md-search__form button[type=submit]") is not None, path
        # main.html: the link to the page's other version
        assert page.select_one("p.pp-switch a") is not None, path

    easy = build.html("easy-read/area-1/")
    assert easy.select_one("div.pp-easy article.md-typeset") is not None  # easy-read.html
    assert easy.select_one(".md-sidebar--secondary") is None  # one column: no table of contents
    missing = build.html("404.html")
    assert missing.select_one("h1#page-not-found").get_text() == "Page not found"


def test_a_sites_custom_dir_wins_over_the_plugins_templates(tmp_path):
    def with_overrides(text: str) -> str:
        return text.replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1)

    badge = ('<span class="site-badge" data-key="{{ status.key }}">{{ status.label }}</span>')
    project = make_project(tmp_path, files={"overrides/partials/copyright.html": SITE_COPYRIGHT,
                                            "overrides/plan-progress/partials/badge.html": badge},
                           config_edit=with_overrides)
    build = run_build(project)
    assert build.returncode == 0, build.output
    page = build.html("")
    assert page.select_one("#site-own-footer").get_text() == "This site's own footer"
    # The plugin's templates still win over mkdocs-material's where the site has no copy.
    assert page.select_one("p.pp-switch a") is not None
    assert page.select_one(".md-search__form button[type=submit]") is not None
    # The plugin's own partials too: the site's badge is used everywhere a status is shown.
    action = build.html("areas/1-finding/1-1-red/")
    assert [b["data-key"] for b in action.select(".pp-status .site-badge")] == ["red"]
    assert not action.select(".pp-badge")
    assert build.html("status-key/").select(".pp-key dt .site-badge")


def test_headings_written_as_html_still_make_the_table_of_contents_and_search_sections(basic_build):
    """The plugin writes its headings as HTML; the page's "On this page" list, its skip link and
    the search index's sections still come from them (plugin._headings_to_toc)."""
    import json

    page = basic_build.html("areas/1-finding/1-1-red/")
    toc = [a["href"] for a in page.select(".md-sidebar--secondary .md-nav--secondary a.md-nav__link")]
    assert {"#leads", "#milestones", "#history"} <= set(toc), toc
    assert page.select_one("a.md-skip")["href"] == "#" + page.select_one("article h1")["id"]
    index = json.loads((basic_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert sections["areas/1-finding/1-1-red/#history"] == "Progress history"
    assert sections["areas/1-finding/1-1-red/#milestones"] == "Key milestones"
    easy = basic_build.html("easy-read/area-1/")
    assert easy.select_one("h1")["id"] == "part-1-finding-needs-sooner"  # the area's easy_read_title
    assert easy.select_one("a.md-skip")["href"] == "#part-1-finding-needs-sooner"


def test_templates_md_lists_every_template_with_what_it_receives():
    """TEMPLATES.md is the reference for a site that overrides a template: it is made from the comment
    at the top of each template, so it can only be out of date if nobody regenerated it."""
    from pathlib import Path

    from plan_progress.core.templates import PACKAGE_TEMPLATES, reference

    written = (Path(__file__).resolve().parents[1] / "TEMPLATES.md").read_text(encoding="utf-8")
    assert written == reference(), "TEMPLATES.md is out of date: python -m plan_progress.core.templates > TEMPLATES.md"
    for path in [*(PACKAGE_TEMPLATES / "plan-progress").rglob("*.*"), PACKAGE_TEMPLATES / "preview/problems.html"]:
        top = re.match(r"\{#-?(.*?)-?#\}", path.read_text(encoding="utf-8"), re.DOTALL)
        assert top and "eceives" in top.group(1), f"{path}: its top comment does not say what it receives"
        assert f"| `{path.name}` | {' '.join(top.group(1).split())[:40]}" in written.replace("&lt;", "<"), path

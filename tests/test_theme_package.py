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
    assert not (project / "content" / "assets").exists()
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

    project = make_project(tmp_path, files={"overrides/partials/copyright.html": SITE_COPYRIGHT},
                           config_edit=with_overrides)
    build = run_build(project)
    assert build.returncode == 0, build.output
    page = build.html("")
    assert page.select_one("#site-own-footer").get_text() == "This site's own footer"
    # The plugin's templates still win over mkdocs-material's where the site has no copy.
    assert page.select_one("p.pp-switch a") is not None
    assert page.select_one(".md-search__form button[type=submit]") is not None

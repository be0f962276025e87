"""Every template of the plugin's that takes the place of one of mkdocs-material's is pinned to the
theme's original (issue 26 item 3, issue 24 item 5): a test fails, naming the template, when the
installed theme's original changes. Each is listed, with why it is needed, in TEMPLATES.md."""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from plan_progress.core.theme_copies import COPIES, problems

THEME = Path(material.__file__).resolve().parent / "templates"
OURS = Path(__file__).resolve().parents[1] / "plugins" / "plan_progress" / "templates"


@pytest.mark.parametrize("copy", COPIES, ids=[f"{c.ours}<-{c.original}" for c in COPIES])
def test_the_theme_s_original_is_the_one_our_template_was_made_from(copy):
    assert copy.changed(THEME) is None, copy.changed(THEME)


def test_every_template_in_place_of_one_of_the_theme_s_is_pinned():
    """A template of ours with the path of one of the theme's hides the theme's: each is in COPIES."""
    pinned = {(c.ours, c.original) for c in COPIES}
    shadowing = sorted(path.relative_to(OURS).as_posix() for path in OURS.rglob("*.html")
                       if (THEME / path.relative_to(OURS)).is_file())
    assert shadowing, "the plugin replaces none of the theme's templates? (main.html at least)"
    assert [name for name in shadowing if (name, name) not in pinned] == []
    assert all((OURS / c.ours).is_file() for c in COPIES), "a pin for a template the plugin no longer has"


def test_the_menu_partials_are_the_theme_s_own():
    """The copies that only added ``| e`` and the keyboard controls are gone: the theme's are used."""
    for name in ("nav.html", "nav-item.html", "header.html", "footer.html", "content.html",
                 "tabs-item.html", "path-item.html"):
        assert not (OURS / "partials" / name).exists(), name


def test_a_changed_original_fails_naming_our_template(tmp_path):
    theme = tmp_path / "templates"
    shutil.copytree(THEME, theme)
    assert problems(theme) == []
    search = theme / "partials" / "search.html"
    search.write_text(search.read_text(encoding="utf-8") + "\n<!-- changed upstream -->\n", encoding="utf-8")
    (theme / "partials" / "copyright.html").unlink()
    found = problems(theme)
    assert len(found) == 2, found
    assert found[0].startswith("partials/copyright.html: mkdocs-material no longer has partials/copyright.html")
    assert found[1].startswith("partials/search.html: mkdocs-material's partials/search.html is not the one")
    assert "update the sha256 in core/theme_copies.py" in found[1]

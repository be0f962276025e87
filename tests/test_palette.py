"""Brand colours: the theme's named primary and accent colours are measured, and a pair under WCAG AA
is refused with its ratio, from mkdocs-material's own stylesheets. And the theme's fonts: never Google's."""

from __future__ import annotations

import doctest
from pathlib import Path

import material
import pytest
from conftest import make_project, run_build
from plan_progress.core import palette as palette_module
from plan_progress.core.palette import Palette, check_palette, pairs, rgba, theme_palettes
from plan_progress.core.scale import contrast

STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


@pytest.fixture(scope="module")
def material_palette() -> Palette:
    found = sorted(STYLESHEETS.glob("main.*.min.css")) + sorted(STYLESHEETS.glob("palette.*.min.css"))
    assert len(found) == 2, found
    return Palette.from_css(p.read_text(encoding="utf-8") for p in found)


def test_the_module_examples_hold():
    result = doctest.testmod(palette_module)
    assert result.attempted >= 8 and result.failed == 0


@pytest.mark.parametrize("name, header, header_text", [
    ("indigo", "#4051b5", "#ffffff"),
    ("teal", "#009485", "#ffffff"),
    ("yellow", "#ffec3d", "#211f08"),  # black text at 87 % on yellow, as the theme draws it
    ("white", "#ffffff", "#212121"),
    ("black", "#14151a", "#ffffff"),  # hsla(225deg, 15%, 9%, 1)
])
def test_named_colours_are_read_from_the_theme_stylesheets(material_palette, name, header, header_text):
    header_pair = pairs(material_palette, name, None)[0]
    assert (header_pair.background, header_pair.text) == (header, header_text)


def test_teal_is_refused_with_its_ratio(material_palette):
    problems = check_palette(material_palette, "teal", "teal")
    assert problems[0].startswith("palette.primary 'teal': the header text (#ffffff on #009485) has a contrast "
                                  "of 3.77:1; it must be at least 4.5:1 (WCAG 2 AA). Colours that pass: ")
    assert "indigo" in problems[0].split("Colours that pass: ")[1]
    assert problems[1].startswith("palette.primary 'teal': links in the page text (#009485 on #ffffff) has a "
                                  "contrast of 3.77:1")
    assert problems[2].startswith("palette.accent 'teal': focus outlines on the page (#00bda4 on #ffffff) has a "
                                  "contrast of 2.38:1; it must be at least 3:1")


@pytest.mark.parametrize("primary, accent", [("indigo", "indigo"), (None, None), ("deep-purple", "deep-purple"),
                                             ("white", "indigo"), ("custom", "custom")])
def test_colours_that_pass_are_accepted(material_palette, primary, accent):
    assert check_palette(material_palette, primary, accent) == []


def test_an_unknown_colour_name_is_refused_with_the_known_names(material_palette):
    (problem,) = check_palette(material_palette, "tael", None)
    assert problem.startswith("palette.primary 'tael' is not one of the theme's colours: amber, black, blue,")
    assert problem.endswith("(or custom, set by your own CSS)")


def test_contrast_matches_the_wcag_formula_on_translucent_text(material_palette):
    (r, g, b), alpha = rgba("#000000de")
    assert alpha == pytest.approx(0.871, abs=1e-3)
    yellow = pairs(material_palette, "yellow", None)[0]
    assert contrast(yellow.text, yellow.background) == yellow.ratio


def test_only_light_palettes_are_measured():
    assert theme_palettes([{"scheme": "default", "primary": "Deep Purple"}, {"scheme": "slate", "primary": "teal"}]) \
        == [("deep-purple", None)]
    assert theme_palettes(None) == [(None, None)]


def _with_palette(palette_yaml: str):
    return lambda text: text.replace("  font: false\n", f"  font: false\n{palette_yaml}")


def test_the_build_refuses_teal_with_its_ratio(tmp_path):
    project = make_project(tmp_path, config_edit=_with_palette("  palette:\n    primary: teal\n    accent: teal\n"))
    build = run_build(project)
    assert build.returncode == 1
    assert "plan-progress: the theme's colours in mkdocs.yml (theme.palette) fail contrast:" in build.output
    assert "palette.primary 'teal': the header text (#ffffff on #009485) has a contrast of 3.77:1" in build.output
    assert "palette.accent 'teal': focus outlines on the page (#00bda4 on #ffffff) has a contrast of 2.38:1" \
        in build.output
    assert "Traceback" not in build.output


def test_the_build_accepts_indigo(tmp_path):
    project = make_project(tmp_path, config_edit=_with_palette("  palette:\n    primary: indigo\n    accent: indigo\n"))
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert 'data-md-color-primary="indigo"' in (build.site / "index.html").read_text(encoding="utf-8")


def test_the_build_reports_bad_words_as_a_setting_and_bad_colours_once_the_settings_are_valid(tmp_path):
    """words: is checked by its own option, with every other plugin setting, before the build starts;
    the theme's colours are measured once the settings can be used."""
    bad_colours = _with_palette("  palette: {primary: teal}\n")
    project = make_project(tmp_path, config_edit=lambda t: bad_colours(t).replace(
        "      plan_name: test plan\n", "      plan_name: test plan\n      words: {aera: [x, y]}\n"))
    build = run_build(project)
    assert build.returncode == 1
    assert "Plugin 'plan-progress' option 'words': the words cannot be used:\n  words: 'aera'" in build.output
    project = make_project(tmp_path / "colours", config_edit=bad_colours)
    build = run_build(project)
    assert build.returncode == 1
    assert "plan-progress: the theme's colours in mkdocs.yml (theme.palette) fail contrast:\n" \
           "  palette.primary 'teal'" in build.output


@pytest.mark.parametrize("font", ["", "  font: {text: Roboto}\n"])
def test_the_theme_never_loads_fonts_from_another_host(tmp_path, font):
    project = make_project(tmp_path, config_edit=lambda t: t.replace("  font: false\n", font))
    assert "font: false" not in (project / "mkdocs.yml").read_text()
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert "theme.font is off: mkdocs-material would load its fonts from Google's servers" in build.output
    for page in build.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, page

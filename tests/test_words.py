"""The word list: one plural helper, a site's `words:` checked, every shipped text usable."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from plan_progress.core import words as words_module
from plan_progress.core.words import Words, WordsError, check, english, fields, reference_names

from conftest import make_project, run_build

PLUGIN = Path(words_module.__file__).resolve().parents[1]


def test_the_module_examples_hold():
    result = doctest.testmod(words_module)
    assert result.attempted >= 10 and result.failed == 0


@pytest.mark.parametrize("number, key, verb, expected", [
    (0, "action", None, "0 actions"),
    (1, "action", None, "1 action"),
    (2, "action", None, "2 actions"),
    (1, "action", "is", "1 action is"),
    (2, "action", "is", "2 actions are"),
    (1, "action", "has", "1 action has"),
    (68, "action", "has", "68 actions have"),
    (1, "status", None, "1 status"),
    (3, "status", None, "3 statuses"),
    (1, "thing", "is", "1 thing is"),
])
def test_count_makes_the_plural_and_the_verb_agree(number, key, verb, expected):
    assert Words.load().count(number, key, verb) == expected


def test_a_site_renames_a_part_of_the_plan_everywhere_it_is_named():
    words = Words.load({"area": {"one": "priority", "other": "priorities"}})
    assert words.count(1, "area") == "1 priority"
    assert words.count(2, "area") == "2 priorities"
    assert words.text("area_name", number=1, title="Early help") == "Priority 1: Early help"
    assert words.text("other_areas") == "Other priorities:"
    assert words.text("board_all_areas") == "All priorities"
    assert words.text("filter_any_area") == "Any priority"
    assert words.text("data_area") == "The number of the priority it belongs to."
    assert Words.load().text("data_area") == "The number of the area it belongs to."
    assert Words.load({"area_in_full": "area for development"}).text("data_area") == (
        "The number of the area for development it belongs to.")


def test_names_fill_in_and_take_a_capital_letter():
    words = Words.load({"families": "parents and carers", "board_report": "Report to the Programme Board"},
                       plan_name="Priority Action Plan")
    assert words.text("easy_you_said_intro_1") == "Parents and carers told us what is hard for them."
    assert words.text("home_link_board_report") == "The Report to the Programme Board (printable)"
    assert words.text("board_report_title") == "Report to the Programme Board: Priority Action Plan"


def test_markup_escapes_the_words_and_keeps_a_link_given_as_markup():
    from markupsafe import Markup

    words = Words.load({"status_count": "{count} <b>{verb}</b> this status."})
    out = words.markup("status_count", count=Markup('<a href="x/">3 actions</a>'), verb="have")
    assert out == '<a href="x/">3 actions</a> &lt;b&gt;have&lt;/b&gt; this status.'
    assert words.markup("source", source="<script>") == "Source: &lt;script&gt;"


def test_an_unknown_key_is_an_error_naming_it_and_the_known_keys():
    with pytest.raises(WordsError) as raised:
        Words.load({"aera": ["priority", "priorities"], "overdue": "Late"})
    (problem,) = raised.value.problems
    assert problem.startswith("words: 'aera' is not a word the site shows (did you mean 'area'?)")
    known = problem.split("the known keys are: ", 1)[1].split(", ")
    assert {"area", "board", "not_stated", "overdue", "status_key_title"} <= set(known)
    assert known == sorted(known)


@pytest.mark.parametrize("overrides, message", [
    ({"area": "priority"},
     "words: 'area' is a word whose form follows a number: give both forms, one and more than one, "
     "as [area, areas] is written"),
    ({"action": ["step"]}, "words: 'action' is a word whose form follows a number"),
    ({"board": ["a", "b"]}, "words: 'board' must be a name written as text"),
    ({"board": "The {area} board"}, "words: 'board' is a name used inside other texts: it cannot use {fields}"),
    ({"overdue": 3}, "words: 'overdue' must be a name written as text"),
    ({"no_actions": 3}, "words: 'no_actions' must be text"),
    ({"area_name": "{Area} {nmber}: {title}"},
     "words: 'area_name' uses {nmber}, which this text is never given; it may use {number}, {title}, "
     "and any counted word or name"),
    ({"no_actions": "Late {"}, "words: 'no_actions': Single '{' encountered in format string; write {{ and }} for a brace"),
])
def test_a_word_that_cannot_be_used_is_an_error_naming_the_key(overrides, message):
    problems = check(overrides)
    assert len(problems) == 1
    assert problems[0].startswith(message), problems[0]


def test_a_setting_of_its_own_is_not_a_word():
    assert check({"plan_name": "Our plan"}, {"plan_name": "", "site_name": ""}) == [
        "words: 'plan_name' is a setting of its own: write it beside words:, not inside it"]


def test_every_problem_is_reported_at_once():
    problems = check({"area": "priority", "colour": "red", "no_actions": "{late}"})
    assert [p.split(" ", 2)[1] for p in problems] == ["'area'", "'colour'", "'no_actions'"]


def test_a_site_text_may_use_any_counted_word_or_name():
    words = Words.load({"overdue_flag": "Late for the {board}", "no_actions": "No {actions} here"},
                       plan_name="plan")
    assert words.text("overdue_flag") == "Late for the people who oversee the plan"
    assert words.text("no_actions") == "No actions here"


def test_every_shipped_text_is_well_formed_and_its_fields_shadow_no_name():
    shipped = english()
    refs = reference_names({"plan_name": "", "site_name": ""})
    for key, (one, other) in shipped["counted"].items():
        assert one and other, key
    for key, text in shipped["texts"].items():
        assert isinstance(text, str) and text.strip(), key
        assert "<" not in text and ">" not in text, f"{key}: HTML belongs in the templates"
        own = [name for name in fields(text) if name not in refs]
        # A field the plugin fills in must not share a name with a counted word or name.
        assert all(name.lower() not in {r.lower() for r in refs} for name in own), key
        words = Words.load(plan_name="the plan", site_name="Site")
        assert words.text(key, **{name: "X" for name in own})
    # Keys are unique across the sections (a site's words: block is one flat list).
    keys = [k for section in shipped.values() for k in section]
    assert len(keys) == len(set(keys))


def test_the_word_list_names_no_local_area():
    text = (PLUGIN / "locale" / "en.yml").read_text(encoding="utf-8")
    for word in ("Wolverhampton", "Written Statement", "WSOA", "Ofsted", "Partnership Board", "SEND"):
        assert word not in text


# Words of one sector (special educational needs in England): the plugin's own pages use none of them.
SECTOR = re.compile(r"\b(?:SEND|EHCP?|IASS|SENCOs?)\b|\b(?:[Cc]ouncils?|Local Offer|[Pp]arent carers?)\b")
# Examples in messages to the people who write a site's content, not words its pages show.
FOR_EDITORS = ("for example 'Making EHC plans on time'", "(for example a parent carer forum)")


def _string_literals(path: Path) -> list[tuple[int, str]]:
    """Every string in a Python file that is not a docstring, with its line."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_the_plugin_shows_no_words_of_one_sector_or_plan():
    """Issue 16: a second organisation's site "shows nothing of the original plan". What a page says about
    an organisation or a contact comes from the site's settings and content, never from the plugin."""
    found = []
    for path in sorted([*(PLUGIN / "locale").glob("*.yml"), *(PLUGIN / "templates").rglob("*.*")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SECTOR.search(line):
                found.append(f"{path.relative_to(PLUGIN)}:{number}: {line.strip()}")
    for path in sorted([PLUGIN / "plugin.py", *(PLUGIN / "core").glob("*.py")]):
        for number, text in _string_literals(path):
            shown = text
            for example in FOR_EDITORS:
                shown = shown.replace(example, "")
            if SECTOR.search(shown):
                found.append(f"{path.relative_to(PLUGIN)}:{number}: {text.strip()[:100]}")
    assert found == []


def test_a_sites_words_change_the_feedback_sentences_and_email(tmp_path):
    project = make_project(tmp_path, config_edit=lambda t: t.replace(
        "      plan_name: test plan\n",
        "      plan_name: test plan\n      feedback_url: mailto:help@example.org\n      feedback_text: Write to us\n"
        "      words:\n        feedback_sentence: \"Each page has a {link} link at its end.\"\n"
        "        feedback_subject: \"Comment on {title}\"\n        feedback_body: \"Address: {url}\"\n"),
        files={"content/about.md": "# About\n\n[[feedback_sentence]]\n\n[[feedback_corrections]]\n"})
    build = run_build(project)
    assert build.returncode == 0, build.output
    paragraphs = [p.get_text(" ", strip=True) for p in build.html("about/").select("article p")]
    assert 'Each page has a "Write to us" link at its end.' in paragraphs
    assert ('If something on this website is wrong or unclear, please tell us with the "Write to us" link on every '
            "page.") in paragraphs
    link = build.html("about/").select_one('a[href^="mailto:help@example.org"]')
    assert link["href"] == ("mailto:help@example.org?subject=Comment%20on%20About"
                            "&body=Address%3A%20https%3A%2F%2Fexample.test%2Fplan%2Fabout%2F")


def test_the_build_refuses_an_unknown_word_with_the_key_and_what_is_known(tmp_path):
    project = make_project(tmp_path, config_edit=lambda t: t.replace(
        "      plan_name: test plan\n",
        "      plan_name: test plan\n      words:\n        aera: [priority, priorities]\n        board: [x]\n"))
    build = run_build(project)
    assert build.returncode == 1
    assert "Plugin 'plan-progress' option 'words': the words cannot be used:" in build.output
    assert "words: 'aera' is not a word the site shows (did you mean 'area'?)" in build.output
    assert re.search(r"the known keys are: [^\n]*\barea_name\b", build.output)
    assert "words: 'board' must be a name written as text" in build.output
    assert "Traceback" not in build.output


def test_the_theme_s_own_pages_take_their_words_from_the_list(tmp_path):
    """The 404 page, the feedback box's and the footer links' names and the menu button are the theme's templates,
    not the plugin's pages: they read the word list too (pp_words), so a site's words reach them."""
    def config(text: str) -> str:
        return text.replace("      plan_name: test plan\n",
                            "      plan_name: test plan\n"
                            "      feedback_url: mailto:plan@example.org\n"
                            "      words:\n"
                            "        not_found_title: No such page\n"
                            "        not_found_text: Nothing lives here.\n"
                            "        not_found_home_link: The start page\n"
                            "        not_found_home_after: has the rest.\n"
                            "        feedback_region: Your views\n"
                            "        footer_links_region: About this website\n"
                            "        menu_button: All pages\n") + (
            "extra:\n  footer_links:\n    - text: Privacy\n      url: about/\n")
    build = run_build(make_project(tmp_path, config_edit=config))
    assert build.returncode == 0, build.output
    missing = build.html("404.html")
    assert missing.title.get_text().startswith("No such page - ")
    assert missing.h1.get_text(strip=True) == "No such page"
    assert " ".join(missing.select_one("article").get_text(" ").split()) == (
        "No such page Nothing lives here. The start page has the rest.")
    home = build.html("")
    assert home.select_one("aside.pp-feedback")["aria-label"] == "Your views"
    assert home.select_one("nav.pp-footer-links")["aria-label"] == "About this website"
    # The menu button waits in a <template> until plan-progress.js puts it in the header
    controls = home.select_one("template#pp-header-controls")
    assert controls.select_one("button.pp-menu-button")["aria-label"] == "All pages"

"""The domain core's pure functions, as tables of input and expected output."""

from __future__ import annotations

import datetime as dt
import doctest
from pathlib import Path

import pytest

import plan_progress.core.dates as dates_module
import plan_progress.core.help as help_module
import plan_progress.core.links as links_module
from plan_progress.core import schema
from plan_progress.core.dates import PartialDate
from plan_progress.core.frontmatter import parse
from plan_progress.core.problems import Problems
from plan_progress.core.scale import DEFAULT_SCALE, contrast

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, iso, last_day, words", [
    ("2022", "2022", dt.date(2022, 12, 31), "2022"),
    ("2022-02", "2022-02", dt.date(2022, 2, 28), "February 2022"),
    ("2024-02", "2024-02", dt.date(2024, 2, 29), "February 2024"),
    ("2022-03-08", "2022-03-08", dt.date(2022, 3, 8), "8 March 2022"),
    (2022, "2022", dt.date(2022, 12, 31), "2022"),
])
def test_partial_dates(text, iso, last_day, words):
    date = PartialDate.parse(text)
    assert (date.iso, date.last_day, date.words) == (iso, last_day, words)


@pytest.mark.parametrize("text, reason", [
    ("Feb 2022", "'Feb 2022' is not a date"),
    ("2022-13", "'2022-13' has no month 13"),
    ("2023-02-29", "'2023-02-29' is not a real day (February 2023 has 28 days)"),
    ("22-02-01", "'22-02-01' is not a date"),
    (None, "an empty value is not a date"),
])
def test_bad_dates(text, reason):
    with pytest.raises(ValueError) as caught:
        PartialDate.parse(text)
    assert str(caught.value) == reason


@pytest.mark.parametrize("fg, bg, ratio", [
    ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#ffffff", 1.0),
    ("#767676", "#ffffff", 4.54),
])
def test_contrast(fg, bg, ratio):
    assert round(contrast(fg, bg), 2) == ratio


@pytest.mark.parametrize("status", DEFAULT_SCALE, ids=lambda s: s.key)
def test_default_scale_text_passes_aa(status):
    assert contrast(status.text_colour, status.background) >= 4.5


def test_front_matter_lines_point_at_the_file():
    text = "---\ntype: action\nhistory:\n  - date: 2022-01-01\n    status: red\n---\nbody\n"
    source = parse(text, "x.md", "x.md", Problems())
    assert source.line("type") == 2
    assert source.line("history", 0, "status") == 5
    assert source.line("history", 0) == 4
    assert source.line("nothing") == 1
    assert source.body == "body\n"
    assert source.data["history"][0]["date"] == "2022-01-01", "dates stay text for our own checks"


def test_json_schema_covers_every_field_with_a_description():
    document = schema.json_schema(schema.Context(status_keys=[s.key for s in DEFAULT_SCALE]))
    action = next(v for v in document["oneOf"] if v["title"] == "action page")
    assert action["required"] == ["type", "id", "title", "status"]
    assert action["properties"]["status"]["enum"] == ["red", "amber", "green", "blue", "pink", "not-rated"]
    for variant in document["oneOf"]:
        for name, prop in variant["properties"].items():
            assert prop["description"], f"{variant['title']}.{name} has no description"


@pytest.mark.parametrize("module", [dates_module, links_module, help_module], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    assert doctest.testmod(module).failed == 0


def test_the_plugin_knows_no_local_area():
    for path in (ROOT / "plugins").rglob("*"):
        if path.is_file() and path.suffix in {".py", ".css", ".html", ".toml"}:
            assert "wolverhampton" not in path.read_text(encoding="utf-8").lower(), path


def test_the_core_imports_nothing_from_mkdocs():
    for path in (ROOT / "plugins/plan_progress/core").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import mkdocs" not in source and "from mkdocs" not in source, path


@pytest.mark.parametrize("html, linked", [
    ("<p>Two EHC plans and an EHC.</p>", ["EHC plans", "EHC"]),
    ("<p>The la and the LA.</p>", ["LA"]),  # abbreviations match in capitals only
    ("<h2>EHC plan</h2><p>An <a href='x'>EHC plan</a> link.</p>", []),  # headings and links are left alone
    ("<p>EHC plan, EHC plan again.</p>", ["EHC plan"]),  # the first use only
    ("<select><option>EHC plan</option></select><details><summary>EHC</summary></details>", []),  # controls
    ("<p title='EHC plan'>x</p><!-- EHC plan --><img alt='EHC'/>", []),  # attributes and comments
    ("<p>Please contact us.</p><p>Contact runs the forum.</p>", ["Contact"]),  # match_case: the name only
    ("<p><code>EHC</code> <a href='x'><b>LA</b></a> and <em>LA</em></p>", ["LA"]),  # nested in a link
    ("<p>Use your device settings.</p><p>Special settings help.</p>", ["settings"]),  # not_in: another meaning
])
def test_glossary_links_the_first_use_of_each_term(html, linked):
    from bs4 import BeautifulSoup

    from plan_progress.core.glossary import Glossary
    from plan_progress.core.model import Term

    glossary = Glossary([Term("EHC plan", "A plan."), Term("EHC", "Short for education, health and care."),
                         Term("LA", "Local authority."),
                         Term("Contact", "A charity.", match_case=True),
                         Term("Setting", "A school.", not_in=("device settings",))], "glossary.md")
    soup = BeautifulSoup(glossary.explain(html, "../glossary/"), "html.parser")
    assert [a.get_text() for a in soup.select("a.pp-term")] == linked


def test_relative_links_agree_with_posixpath():
    """links.relative takes a quick path for plain site paths; it must give what posixpath.relpath gives."""
    import posixpath
    import random

    from plan_progress.core.links import relative

    def reference(from_url, to_url):
        to_path, _, fragment = to_url.partition("#")
        base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
        if to_path == from_url and fragment:
            return f"#{fragment}"
        rel = posixpath.relpath("/" + to_path, "/" + base)
        if to_path.endswith("/") and not rel.endswith("/"):
            rel += "/"
        if rel.startswith("./") and len(rel) > 2:
            rel = rel[2:]
        return f"{rel}#{fragment}" if fragment else rel

    rng = random.Random(3)
    parts = ["areas", "1-x", "1-1-y", "data", "actions.csv", "index.html", "", ".", ".."]

    def url():
        path = "/".join(rng.choice(parts) for _ in range(rng.randint(0, 4)))
        return path + ("/" if rng.random() < 0.5 else "") + ("#history" if rng.random() < 0.2 else "")

    for _ in range(20000):
        from_url, to_url = url().partition("#")[0], url()
        assert relative(from_url, to_url) == reference(from_url, to_url), (from_url, to_url)


# -- overdue means late ----------------------------------------------------------------------------------

AS_AT = dt.date(2022, 6, 15)


@pytest.mark.parametrize("status, due, overdue, due_passed", [
    ("red", "2022-02", True, True),          # rated, late, not done: overdue
    ("amber", "2022-06-14", True, True),     # the day before the progress date
    ("green", "2022-06-15", False, False),   # due on the progress date itself: not yet passed
    ("green", "2022-06", False, False),      # a month means its last day (30 June)
    ("pink", "2021", True, True),            # waiting to start is a published rating too
    ("blue", "2022-01", False, False),       # completed: never overdue, its date has not "passed"
    ("not-rated", "2021-04", False, True),   # nobody has rated it: the date passed, no one said it is late
    ("not-rated", "2022-09", False, False),  # unrated and not yet due
    ("red", None, False, False),             # no completion date in the plan: never overdue
    ("not-rated", None, False, False),
])
def test_only_a_rated_action_past_its_date_is_overdue(status, due, overdue, due_passed):
    from plan_progress.core.model import Action, Area, Plan

    scale = {s.key: s for s in DEFAULT_SCALE}
    area = Area(number=1, title="An area", finding="", aim="", uri="areas/1/index.md", path="")
    action = Action(id="1.1", title="t", uri="a.md", path="a.md", area=area, status=scale[status],
                    due=PartialDate.parse(due) if due else None)
    assert action.is_overdue(AS_AT) is overdue
    assert action.due_passed(AS_AT) is due_passed
    assert action.awaiting_update(AS_AT) is (due_passed and not overdue)
    plan = Plan(scale=DEFAULT_SCALE, as_at=AS_AT, actions=[action])
    assert plan.overdue() == ([action] if overdue else [])
    assert plan.due_passed_unrated() == ([action] if due_passed and not overdue else [])


# -- feedback: no page promises a route that is not configured ----------------------------------------------

def test_page_words_promise_the_feedback_link_only_when_it_exists():
    from plan_progress.core.help import page_words

    without = page_words(False, "Tell us what you think about this page")
    with_route = page_words(True, "Tell us what you think about this page")
    assert set(without) == set(with_route) == {"feedback_sentence", "feedback_on_problem", "feedback_glossary",
                                                     "feedback_corrections"}
    assert not any("Tell us what you think" in words for words in without.values())
    assert without["feedback_on_problem"] + " x@y.org." == "Email x@y.org."
    assert all('"Tell us what you think about this page"' in words for words in with_route.values())
    assert with_route["feedback_on_problem"].endswith(", or email")


@pytest.mark.parametrize("template, expected", [
    ("mailto:send@council.test", "mailto:send@council.test?subject=Feedback%20on%3A%201.1%20%22Quotes%22%20%26%20more"
                                 "&body=Page%3A%20https%3A%2F%2Fsite.test%2Fa%2F%3Fq%3D1"),
    ("mailto:send@council.test?cc=x@council.test", "mailto:send@council.test?cc=x@council.test&subject=Feedback%20on"
                                                  "%3A%201.1%20%22Quotes%22%20%26%20more&body=Page%3A%20https%3A%2F"
                                                  "%2Fsite.test%2Fa%2F%3Fq%3D1"),
    ("https://github.com/o/r/issues/new?title={title}&body={url}",
     "https://github.com/o/r/issues/new?title=1.1%20%22Quotes%22%20%26%20more&body=https%3A%2F%2Fsite.test%2Fa%2F%3Fq%3D1"),
])
def test_feedback_link_fills_in_the_page(template, expected):
    from plan_progress.core.help import feedback_href

    assert feedback_href(template, "https://site.test/a/?q=1", '1.1 "Quotes" & more') == expected


def test_open_data_json_gives_the_next_update_only_when_set():
    import json

    from plan_progress.core.opendata import to_json

    assert json.loads(to_json([], dt.date(2022, 3, 8))) == {"as_at": "2022-03-08", "count": 0, "actions": []}
    assert json.loads(to_json([], dt.date(2022, 3, 8), next_update=dt.date(2022, 9, 1)))["next_update"] == "2022-09-01"

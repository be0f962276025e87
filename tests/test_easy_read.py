"""Easy read: readability checks at build time, and the generated /easy-read/ pages."""

from __future__ import annotations

import pytest

from conftest import make_project, run_build

AREA = "content/areas/1-finding/index.md"
AREA_TEXT = (
    "---\ntype: area\nnumber: 1\ntitle: Finding needs\nfinding: weaknesses in finding needs early\n"
    "aim: To find needs early.\neasy_read: |\n{text}\n---\n")


def area_with(easy_read: str) -> str:
    return AREA_TEXT.format(text="\n".join("  " + line for line in easy_read.splitlines()))


LONG = "We go to each school in the town this year so that all the kids get help as soon as we can."
HARD = ("Schools will identify additional needs without waiting for a diagnosis.\n"
        "Families will have improved confidence in the support available.")


@pytest.mark.parametrize("easy_read, expected", [
    pytest.param(
        LONG,
        [f"{AREA}:7: easy_read: this sentence has 22 words; easy read allows at most 15. Split it: \"{LONG}\""],
        id="sentence-too-long"),
    pytest.param(
        "The SENCO will help you.",
        [f"{AREA}:7: easy_read: 'SENCO' is an abbreviation with no easy-read explanation; use plain words, or add "
         "easy_read to its glossary term: \"The SENCO will help you.\""],
        id="unexplained-abbreviation"),
    pytest.param(
        HARD,
        [f"{AREA}:7: easy_read: the reading grade is 10.5 (Flesch-Kincaid); easy read allows at most 6. Use shorter "
         "words and sentences; the hardest sentence is: \"Schools will identify additional needs without waiting for "
         "a diagnosis.\""],
        id="grade-too-high"),
    pytest.param(
        "Schools can help, e.g. with reading.",
        [f"{AREA}:7: easy_read: 'e.g.' is hard to read; write 'for example' or 'that is' instead: "
         "\"Schools can help, e.g. with reading.\""],
        id="latin-abbreviation"),
    pytest.param(
        "We don't know yet.",
        [f"{AREA}:7: easy_read: 'don't' is a shortened word; write it in full (for example 'do not', 'it is'): "
         "\"We don't know yet.\""],
        id="contraction"),
])
def test_easy_read_checks_fail_the_strict_build(tmp_path, easy_read, expected):
    project = make_project(tmp_path, files={AREA: area_with(easy_read)})
    build = run_build(project)
    assert build.returncode == 1, build.output
    assert build.problems() == expected, build.output


def test_explained_abbreviations_and_possessives_are_fine(tmp_path):
    text = "Your child's EHC plan says what help they get.\nWe check it every year."
    project = make_project(tmp_path, files={AREA: area_with(text)})
    assert run_build(project).returncode == 0


def test_thresholds_are_configuration(tmp_path):
    project = make_project(tmp_path, files={AREA: area_with(LONG)},
                           config_edit=lambda t: t.replace("plan_name: test plan",
                                                           "plan_name: test plan\n      easy_read_max_words: 25"))
    assert run_build(project).returncode == 0


def test_easy_read_pages_exist_and_use_their_own_layout(basic_build):
    for path in ["easy-read/", "easy-read/area-1/", "easy-read/area-2/", "easy-read/status-key/",
                 "easy-read/you-said/"]:
        soup = basic_build.html(path)
        assert soup.select_one(".pp-easy article"), f"{path} uses the easy-read template"
        assert not soup.select("article table"), f"{path}: easy read has no tables"
        assert not soup.select(".md-sidebar--secondary"), f"{path}: easy read has no table of contents beside it"
        assert soup.select_one(".md-sidebar--primary.pp-easy-nav"), f"{path}: the menu still opens on phones"


def test_easy_read_area_page_shows_each_action_with_status_in_words_and_picture(basic_build):
    soup = basic_build.html("easy-read/area-1/")
    article = soup.select_one("article")
    assert article.h1.get_text(strip=True) == "Part 1: Finding needs"
    first = article.select_one(".pp-er__row").get_text("\n", strip=True).splitlines()
    assert first == ["Some needs were found too late.", "We want to find them sooner."]
    assert article.select_one(".pp-er__row svg")["aria-label"] == "Picture: magnify"
    action = article.select_one("#action-1-1").find_next_siblings("div", limit=2)
    assert [p.get_text(strip=True) for p in action[0].select("p")] == [
        "We will write a new EHC guide.", "It helps schools spot needs."]
    status = [p.get_text(" ", strip=True) for p in action[1].select("p")]
    assert status == ["Status: Significantly delayed .", "This is very late.",
                      "It needs extra help to get going again.",
                      "This is late. It should have been done by February 2022."]
    # An action with no easy-read text says so honestly and links to the full page.
    fallback = article.select_one("#action-1-2").find_next_sibling("div")
    assert fallback.get_text(" ", strip=True) == (
        "We are still writing this action in easy read. Read the full page about this action .")
    assert fallback.a["href"] == "../../areas/1-finding/1-2-blue/"


@pytest.mark.parametrize("standard, easy", [
    ("", "easy-read/"),
    ("areas/1-finding/", "easy-read/area-1/"),
    ("status-key/", "easy-read/status-key/"),
    ("you-said/", "easy-read/you-said/"),
])
def test_every_page_links_to_its_other_version_in_the_same_place(basic_build, standard, easy):
    def switch(path):
        link = basic_build.html(path).select_one("article > .pp-switch a")
        assert link is not None, f"{path} has no link to its other version at the top of the content"
        return link

    there = switch(standard)
    assert there.get_text(strip=True).startswith("Easy read version")
    back = switch(easy)
    assert back.get_text(strip=True) == "Standard version of this page"
    depth = easy.count("/")
    assert back["href"] == ("../" * depth + standard) or back["href"] == ("../" * depth or "./") + standard


def test_an_action_links_to_its_place_on_the_easy_read_area_page(basic_build):
    link = basic_build.html("areas/2-plans/2-2-pink/").select_one("article > .pp-switch a")
    assert link["href"] == "../../../easy-read/area-2/#action-2-2"


def test_actions_without_easy_read_are_counted_in_the_log_and_the_data(basic_build):
    assert "5 of 6 actions have no easy-read text yet" in basic_build.output
    import json
    rows = json.loads((basic_build.site / "data/actions.json").read_text(encoding="utf-8"))["actions"]
    assert [r["id"] for r in rows if not r["easy_read"]] == ["1.2", "1.3", "2.1", "2.2", "2.3"]

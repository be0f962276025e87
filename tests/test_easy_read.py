"""Easy read: readability checks at build time, and the generated /easy-read/ pages."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, make_project, run_build

AREA = "content/areas/1-finding/index.md"
AREA_HEAD = ("---\ntype: area\nnumber: 1\ntitle: Finding needs\nfinding: weaknesses in finding needs early\n"
             "aim: To find needs early.\n")


def area_with(easy_read: str, title: str = "Finding needs sooner", picture: str = "openmoji/1F50D",
              alt: str = "A magnifying glass") -> str:
    """The fixture's area page with one easy-read idea; its text is on line 11, easy_read: on line 8."""
    text = "\n".join("      " + line for line in easy_read.splitlines())
    return (AREA_HEAD + f"easy_read_title: {title}\neasy_read:\n  - picture: {picture}\n    alt: {alt}\n"
            f"    text: |\n{text}\n---\n")


LONG = "We go to each school in the town this year so that all the kids get help as soon as we can."
HARD = ("Schools will identify additional needs without waiting for a diagnosis.\n"
        "Families will have improved confidence in the support available.")
NAME = "We work with Prospect Services."


@pytest.mark.parametrize("easy_read, expected", [
    pytest.param(
        LONG,
        [f"{AREA}:11: easy_read[1].text: this sentence has 22 words; easy read allows at most 15. "
         f"Split it: \"{LONG}\""],
        id="sentence-too-long"),
    pytest.param(
        "The SENCO will help you.",
        [f"{AREA}:11: easy_read[1].text: 'SENCO' is an abbreviation with no easy-read explanation; use plain words, "
         "or add easy_read to its glossary term: \"The SENCO will help you.\""],
        id="unexplained-abbreviation"),
    pytest.param(
        HARD,
        [f"{AREA}:8: easy_read: the reading grade is 10.5 (Flesch-Kincaid); easy read allows at most 6. Use shorter "
         "words and sentences; the hardest sentence is: \"Schools will identify additional needs without waiting for "
         "a diagnosis.\""],
        id="grade-too-high"),
    pytest.param(
        "Schools can help, e.g. with reading.",
        [f"{AREA}:11: easy_read[1].text: 'e.g.' is hard to read; write 'for example' or 'that is' instead: "
         "\"Schools can help, e.g. with reading.\""],
        id="latin-abbreviation"),
    pytest.param(
        "We don't know yet.",
        [f"{AREA}:11: easy_read[1].text: 'don't' is a shortened word; write it in full (for example 'do not', "
         "'it is'): \"We don't know yet.\""],
        id="contraction"),
    pytest.param(
        NAME + "\nParents from Voice 4 Parents help. Big Blue Door builds it.",
        [f"{AREA}:11: easy_read[1].text: 'Big Blue Door' is a name with no easy-read explanation; say what it is in "
         "everyday words, or add it to the glossary with easy_read: \"Big Blue Door builds it.\"",
         f"{AREA}:11: easy_read[1].text: 'Prospect Services' is a name with no easy-read explanation; say what it "
         f"is in everyday words, or add it to the glossary with easy_read: \"{NAME}\"",
         f"{AREA}:11: easy_read[1].text: 'Voice 4 Parents' is a name with no easy-read explanation; say what it is "
         "in everyday words, or add it to the glossary with easy_read: \"Parents from Voice 4 Parents help.\""],
        id="unexplained-names"),
    pytest.param(
        "We help.\nWe check.\nWe ask.\nWe tell you.",
        [f"{AREA}:11: easy_read[1].text: this idea has 4 sentences; an idea has at most 3 beside its picture. "
         "Split it into two ideas, each with its own picture"],
        id="idea-too-long"),
])
def test_easy_read_checks_fail_the_strict_build(tmp_path, easy_read, expected):
    project = make_project(tmp_path, files={AREA: area_with(easy_read)})
    build = run_build(project)
    assert build.returncode == 1, build.output
    assert build.problems() == expected, build.output


def test_explained_abbreviations_names_and_possessives_are_fine(tmp_path):
    text = ("Your child's EHC plan says what help they get.\nWe check it in March, with the Big Blue Door team.\n"
            "About 1 in 4 families in Springfield told us.")
    glossary = (FIXTURES / "basic/content/glossary.md").read_text(encoding="utf-8").replace(
        "terms:\n", "terms:\n  - term: Big Blue Door\n    meaning: A company.\n"
                     "    easy_read: A firm that makes things.\n")
    known = "plan_name: test plan\n      easy_read_known_names: [Springfield]"
    project = make_project(tmp_path, files={AREA: area_with(text), "content/glossary.md": glossary},
                           config_edit=lambda t: t.replace("plan_name: test plan", known))
    build = run_build(project)
    assert build.returncode == 0, build.output


def test_thresholds_are_configuration(tmp_path):
    project = make_project(tmp_path, files={AREA: area_with(LONG)},
                           config_edit=lambda t: t.replace("plan_name: test plan",
                                                           "plan_name: test plan\n      easy_read_max_words: 25"))
    assert run_build(project).returncode == 0


PICTURE_ERROR = ("write what the picture shows in everyday words, for example 'A calendar' or 'A parent and child "
                 "talking', or alt: \"\" if the words beside it say it all")


@pytest.mark.parametrize("alt, expected", [
    pytest.param("account tie", f"'account tie' is the name of an icon, not a description of what it shows; "
                                f"{PICTURE_ERROR}", id="material-icon-name"),
    pytest.param("transit connection variant", "'transit connection variant' is the name of an icon, not a "
                                               f"description of what it shows; {PICTURE_ERROR}", id="icon-name-2"),
    pytest.param("magnifying-glass", f"'magnifying-glass' looks like a file or icon name; {PICTURE_ERROR}",
                 id="slug"),
    pytest.param("1F50D", f"'1F50D' is a code, not a description; {PICTURE_ERROR}", id="hex-code"),
    pytest.param("openmoji/1F50D.svg", f"'openmoji/1F50D.svg' looks like a file or icon name; {PICTURE_ERROR}",
                 id="file-name"),
    pytest.param("Picture: a magnifying glass", "'Picture: a magnifying glass' starts by saying it is a picture; "
                 f"screen readers say that already; {PICTURE_ERROR}", id="says-picture"),
])
def test_alt_text_must_say_what_the_picture_shows(tmp_path, alt, expected):
    project = make_project(tmp_path, files={AREA: area_with("We look.", alt=f'"{alt}"')})
    build = run_build(project)
    assert build.returncode == 1, build.output
    assert build.problems() == [f"{AREA}:10: easy_read[1].alt: {expected}"], build.output


def test_alt_text_is_required_and_empty_only_on_purpose(tmp_path):
    missing = make_project(tmp_path / "missing", files={AREA: area_with("We look.", alt="")})
    build = run_build(missing)
    assert build.returncode == 1
    assert build.problems() == [
        f"{AREA}:10: easy_read[1].alt: is missing; every idea needs it (What the picture shows, in everyday words, "
        "for example 'A calendar'. Write alt: \"\" only where the words beside it say it all.)"], build.output
    on_purpose = make_project(tmp_path / "empty", files={AREA: area_with("We look.", alt='""')})
    build = run_build(on_purpose)
    assert build.returncode == 0, build.output


def test_every_idea_has_a_picture_that_exists(tmp_path):
    project = make_project(tmp_path, files={AREA: area_with("We look.", picture="openmoji/1F9FF")})
    build = run_build(project)
    assert build.returncode == 1
    assert build.problems() == [
        f"{AREA}:9: easy_read[1].picture: there is no picture called 'openmoji/1F9FF' in the pictures folder; add "
        "its file there (see the folder's README.txt for the pictures already there)"], build.output
    no_picture = AREA_HEAD + "easy_read_title: Finding needs\neasy_read:\n  - alt: A cat\n    text: We look.\n---\n"
    build = run_build(make_project(tmp_path / "none", files={AREA: no_picture}))
    assert build.returncode == 1
    assert build.problems() == [
        f"{AREA}:9: easy_read[1].picture: is missing; every idea needs it (The picture beside this idea: a file "
        "under the pictures folder, for example openmoji/1F4C5.)"], build.output


@pytest.mark.parametrize("title, expected", [
    pytest.param("Action 2.1", "'Action 2.1' is only a number; say in everyday words what this is about, for "
                               "example 'Making EHC plans on time'", id="only-a-number"),
    pytest.param('"2.1"', "'2.1' is only a number; say in everyday words what this is about, for example "
                          "'Making EHC plans on time'", id="bare-number"),
])
def test_easy_read_title_says_what_it_is_about(tmp_path, title, expected):
    project = make_project(tmp_path, files={AREA: area_with("We look.", title=title)})
    build = run_build(project)
    assert build.returncode == 1
    assert build.problems() == [f"{AREA}:7: easy_read_title: {expected}"], build.output


def test_easy_read_title_is_required_with_easy_read(tmp_path):
    text = area_with("We look.").replace("easy_read_title: Finding needs sooner\n", "")
    build = run_build(make_project(tmp_path, files={AREA: text}))
    assert build.returncode == 1
    assert build.problems() == [
        f"{AREA}:7: easy_read_title: is missing; a page with easy read needs an easy-read heading that says what it "
        "is about, for example 'Making EHC plans on time'. Put it on the line before easy_read:"], build.output


def test_the_old_easy_read_form_gets_a_clear_message(tmp_path):
    old = AREA_HEAD + "easy_read: |\n  We look.\neasy_read_picture: material/magnify\n---\n"
    build = run_build(make_project(tmp_path, files={AREA: old}))
    assert build.returncode == 1
    assert build.problems() == [
        f"{AREA}:9: easy_read_picture: is no longer used: each idea under easy_read has its own picture; move this "
        "picture to the idea it shows (picture: and alt:) and delete this line",
        f"{AREA}:7: easy_read: is a block of text; easy read is now a list of ideas, each with its own picture. "
        "Write each idea as '- picture: openmoji/1F4C5', 'alt: what the picture shows' and 'text: |' with its "
        "sentences (see EDITING.md, 'Write easy read')",
        "mkdocs.yml: schema_version: the content is written in an older form (schema_version 1, plan-progress "
        "0.1.x) than this plugin (0.3.0.dev0) reads (schema_version 2): content/areas/1-finding/index.md. To "
        "convert it, run ./scripts/migrate to see every change it would make (it writes nothing), then "
        "./scripts/migrate --write to make them; CHANGELOG.md says what changed and what to do"], build.output


def test_ideas_reach_the_model_with_their_pictures_files(tmp_path):
    from plan_progress.core.loader import RawPage, load_plan
    from plan_progress.core.scale import DEFAULT_SCALE
    import datetime as dt

    page = RawPage(path=AREA, uri="areas/1-finding/index.md",
                   raw=area_with("We look.\nWe find.", alt='""').encode())
    plan, problems = load_plan([page], DEFAULT_SCALE, dt.date(2022, 1, 1),
                               picture_file=lambda name: f"assets/pictures/{name}.svg")
    assert not problems.errors, problems.errors
    area = plan.areas[0]
    assert area.easy_read_title == "Finding needs sooner"
    [idea] = area.easy_read_ideas
    assert (idea.picture, idea.file, idea.alt, idea.lines) == (
        "openmoji/1F50D", "assets/pictures/openmoji/1F50D.svg", "", ["We look.", "We find."])


def test_easy_read_pages_exist_and_use_their_own_layout(basic_build):
    for path in ["easy-read/", "easy-read/area-1/", "easy-read/area-2/", "easy-read/status-key/",
                 "easy-read/you-said/"]:
        soup = basic_build.html(path)
        assert soup.select_one(".pp-easy article"), f"{path} uses the easy-read template"
        assert not soup.select("article table"), f"{path}: easy read has no tables"
        assert not soup.select(".md-sidebar--secondary"), f"{path}: easy read has no table of contents beside it"
        assert soup.select_one(".md-sidebar--primary.pp-easy-nav"), f"{path}: the menu still opens on phones"


def test_easy_read_area_page_lists_each_action_in_one_line_with_its_status_in_words(basic_build):
    soup = basic_build.html("easy-read/area-1/")
    article = soup.select_one("article")
    assert article.h1.get_text(strip=True) == "Part 1: Finding needs sooner"
    about = article.select_one("#about").find_next_sibling("div").get_text("\n", strip=True).splitlines()
    assert about == ["Some needs were found too late.", "We want to find them sooner."]
    lines = article.select("ul.pp-er__list--actions > li")
    assert [li.a["href"] for li in lines] == ["1-1/", "1-2/", "1-3/"]
    assert lines[0].a.get_text(strip=True) == "A guide for schools"
    assert lines[0].select_one(".pp-er__list-status").get_text(strip=True) == "Very late"
    assert not article.select("ul.pp-er__list--actions img"), "one line each: no picture per action"


def test_an_action_has_its_own_easy_read_page_with_its_ideas_status_and_date(basic_build):
    article = basic_build.html("easy-read/area-1/1-1/").select_one("article")
    assert article.h1.get_text(strip=True) == "A guide for schools"
    assert article.select_one(".pp-er__number").get_text(strip=True) == "Number in our plan: 1.1"
    rows = article.select(".pp-er__row")
    status = next(row for row in rows if "pp-er__row--status" in row["class"])
    ideas = rows[:rows.index(status)]
    assert [p.get_text(strip=True) for row in ideas for p in row.select("p")] == [
        "We will write a new EHC guide.", "It helps schools spot needs.", "We want it done on time."]
    assert all(row.img["width"] == "100" for row in rows)
    assert status.img["src"] == "../../../assets/pictures/openmoji/2757.svg"
    assert status.img["alt"] == "A red exclamation mark"
    assert [p.get_text(" ", strip=True) for p in status.select("p")] == [
        "Very late", "It should have been done by February 2022."]
    assert status.strong.get_text(strip=True) == "Very late"
    more = [(a.get_text(" ", strip=True), a["href"]) for a in article.select(".pp-er__more a")]
    assert more == [("Read about this in full", "../../../areas/1-finding/1-1-red/"),
                    ("Back to Part 1: Finding needs sooner", "../")]
    # An action with no easy-read text says so honestly; its heading is its plan title, never a number;
    # the date the plan gives is said when no late or passed sentence already says it.
    fallback = basic_build.html("easy-read/area-1/1-2/").select_one("article")
    assert "We are still writing this action in easy read." in fallback.get_text(" ", strip=True)
    assert fallback.h1.get_text(strip=True) != "Action 1.2"


@pytest.mark.parametrize("standard, easy", [
    ("", "easy-read/"),
    ("areas/1-finding/", "easy-read/area-1/"),
    ("status-key/", "easy-read/status-key/"),
    ("you-said/", "easy-read/you-said/"),
    ("areas/1-finding/1-1-red/", "easy-read/area-1/1-1/"),
])
def test_every_page_links_to_its_other_version_in_the_same_place(basic_build, standard, easy):
    def switch(path):
        link = basic_build.html(path).select_one("article > .pp-switch a")
        assert link is not None, f"{path} has no link to its other version at the top of the content"
        return link

    there = switch(standard)
    assert there.get_text(strip=True).startswith("Easy read version")
    back = switch(easy)
    assert back.get_text(strip=True) == "See this page in full"
    depth = easy.count("/")
    assert back["href"] == ("../" * depth + standard) or back["href"] == ("../" * depth or "./") + standard


def test_an_action_links_to_its_own_easy_read_page_and_back(basic_build):
    link = basic_build.html("areas/2-plans/2-2-pink/").select_one("article > .pp-switch a")
    assert link["href"] == "../../../easy-read/area-2/2-2/"
    back = basic_build.html("easy-read/area-2/2-2/").select_one("article > .pp-switch a")
    assert back["href"] == "../../../areas/2-plans/2-2-pink/"


def test_actions_without_easy_read_are_counted_in_the_log_and_the_data(basic_build):
    assert "5 of 6 actions have no easy-read text yet" in basic_build.output
    import json
    rows = json.loads((basic_build.site / "data/actions.json").read_text(encoding="utf-8"))["actions"]
    assert [r["id"] for r in rows if not r["easy_read"]] == ["1.2", "1.3", "2.1", "2.2", "2.3"]


def test_a_status_picture_must_exist_and_its_easy_words_are_checked(tmp_path):
    statuses = "\n".join(
        f"        - {{key: {key}, label: {key.title()}, meaning: {key}., text_colour: '#000000', background: "
        f"'#ffffff', icon: material/alert{extra}}}"
        for key, extra in [("red", ", easy_read_picture: openmoji/1F9FF, easy_read_alt: A red circle"),
                           ("amber", ", easy_read_picture: openmoji/23F0, easy_read_alt: alarm-clock"),
                           ("green", ", easy_label: 'It is on schedule, according to our monitoring board'"),
                           ("blue", ", done: true"), ("pink", ""), ("not-rated", ", rated: false")])
    project = make_project(tmp_path, config_edit=lambda t: t.replace(
        "      plan_name: test plan\n", "      plan_name: test plan\n      statuses:\n" + statuses + "\n"))
    build = run_build(project)
    assert build.returncode == 1
    problems = [line.split("plan_progress: ", 1)[1] for line in build.output.splitlines()
                if "plan_progress: mkdocs.yml:" in line]
    assert problems == [
        "mkdocs.yml: status 'amber' easy_read_alt: 'alarm-clock' looks like a file or icon name; write what "
        "the picture shows in everyday words, for example 'A calendar' or 'A parent and child talking', or alt: "
        "\"\" if the words beside it say it all",
        "mkdocs.yml: status 'green' easy_label: the reading grade is 8.0 (Flesch-Kincaid); easy read allows at "
        "most 6. Use shorter words and sentences; the hardest sentence is: \"It is on schedule, according to our "
        "monitoring board\"",
        "mkdocs.yml: status 'red' easy_read_picture: there is no picture called 'openmoji/1F9FF' in the pictures "
        "folder; add its file there (see the folder's README.txt for the pictures already there)",
    ], build.output

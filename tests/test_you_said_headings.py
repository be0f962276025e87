"""A "You said" heading claims only what the actions that answer show, and families' words are counted
apart from inspectors' findings (issue 25, item 5).

"You said, we did" and "What we did" head only what completed actions answer; "What we are doing" only
what rated actions answer; otherwise the page says what is true: what the plan says it will do. A theme
with ``said_by: inspectors`` is counted and titled as what the inspectors found, on every page that
names who said what, and in the open data.

Each case builds the basic fixture (tests/fixtures/basic: 1.1 red, 1.2 blue, 1.3 not rated, 2.3
amber) with its "You said" links pointed at actions of the status under test.
"""

from __future__ import annotations

import csv
import io
import json

from conftest import ROOT, make_project, run_build, run_tool

HEALTH = "content/you-said/health.md"
SUPPORT = "content/you-said/support.md"


def _answered_by(tmp_path, health: str, support: str, extra: dict | None = None):
    """The basic fixture with Health's item answered by action ``health`` and Support's first item by
    ``support`` (its second item stays a gap), built."""
    fixture = ROOT / "tests/fixtures/basic"
    files = {
        HEALTH: (fixture / HEALTH).read_text(encoding="utf-8").replace('action: "2.3"', f'action: "{health}"'),
        SUPPORT: (fixture / SUPPORT).read_text(encoding="utf-8").replace('action: "1.1"', f'action: "{support}"'),
        **(extra or {}),
    }
    build = run_build(make_project(tmp_path, files=files))
    assert build.returncode == 0, build.output
    return build


def _labels(build, page: str) -> list[str]:
    """The label over each item's answers, in order."""
    return [item.select_one(".pp-said__did .pp-said__label").get_text(strip=True)
            for item in build.html(page).select("li.pp-said")]


def test_rated_actions_are_what_we_are_doing_not_what_we_did(basic_build):
    # The basic fixture's answers are 2.3 (amber) and 1.1 (red): rated, not completed.
    assert basic_build.html("you-said/").select_one("article h1").get_text(strip=True) == \
        "You said, and what we are doing"
    assert _labels(basic_build, "you-said/health/") == ["What we are doing"]
    # The gap has no action: all the site knows is what the plan says (nothing yet).
    assert _labels(basic_build, "you-said/support/") == ["What we are doing", "What the plan says it will do"]
    text = basic_build.html("you-said/").get_text(" ", strip=True)
    assert "we did" not in text.lower()


def test_only_completed_actions_make_it_you_said_we_did(tmp_path):
    build = _answered_by(tmp_path, health="1.2", support="1.2")  # 1.2 is blue: completed
    assert build.html("you-said/").select_one("article h1").get_text(strip=True) == "You said, we did"
    assert build.html("you-said/").title.get_text().startswith("You said, we did - ")
    assert _labels(build, "you-said/health/") == ["What we did"]
    assert _labels(build, "you-said/support/") == ["What we did", "What the plan says it will do"]


def test_one_unrated_answer_makes_it_what_the_plan_says(tmp_path):
    build = _answered_by(tmp_path, health="1.3", support="1.2")  # 1.3 has no rating
    overview = build.html("you-said/")
    assert overview.select_one("article h1").get_text(strip=True) == "You said, and what the plan says it will do"
    assert overview.title.get_text().startswith("You said, and what the plan says it will do - ")
    assert _labels(build, "you-said/health/") == ["What the plan says it will do"]
    assert _labels(build, "you-said/support/") == ["What we did", "What the plan says it will do"]


def test_an_item_answered_by_a_completed_and_an_unrated_action_claims_only_the_plan(tmp_path):
    fixture = ROOT / "tests/fixtures/basic"
    both = (fixture / HEALTH).read_text(encoding="utf-8").replace(
        '        how: Sets a target for how long families wait.\n',
        '        how: Sets a target for how long families wait.\n'
        '      - action: "1.2"\n        how: Finished work on it.\n')
    build = _answered_by(tmp_path, health="1.3", support="1.2", extra={HEALTH: both.replace('"2.3"', '"1.3"')})
    assert _labels(build, "you-said/health/") == ["What the plan says it will do"]


def test_the_contents_own_heading_is_kept(tmp_path):
    build = run_build(make_project(tmp_path, files={"content/you-said/index.md": "# Our families' voice\n\nIntro.\n"}))
    assert build.returncode == 0, build.output
    headings = build.html("you-said/").select("article h1")
    assert [h.get_text(strip=True) for h in headings] == ["Our families' voice"]


INSPECTORS = """---
type: you-said
theme: What the inspectors found
said_by: inspectors
items:
  - said: "Families wait too long for assessments"
    kind: finding
    source: Inspection report, 2021
    answered_by:
      - action: "1.1"
        how: Gives every family a named contact.
---
"""


def test_inspectors_findings_are_counted_and_titled_apart(tmp_path):
    build = _answered_by(tmp_path, health="2.3", support="1.1",
                         extra={"content/you-said/what-the-inspectors-found.md": INSPECTORS})
    overview = build.html("you-said/").select_one("article").get_text(" ", strip=True)
    assert "Families told us 3 things. The inspectors found 1 thing. They are in 3 themes." in overview
    assert "What families told us and the inspectors found, by theme" in overview

    theme = build.html("you-said/what-the-inspectors-found/")
    assert theme.select_one("article h1").get_text(strip=True) == "What the inspectors found"
    assert theme.title.get_text().startswith("What the inspectors found - ")
    assert "You said" not in theme.select_one("article").get_text(" ", strip=True)
    assert theme.select_one(".pp-said__what .pp-said__label").get_text(strip=True) == "They found"
    assert "The inspectors found 1 thing." in theme.select_one(".pp-as-at").get_text(" ", strip=True)

    # 1.1 answers a family's words and a finding: its heading names both; 2.3 answers families only.
    action = build.html("areas/1-finding/1-1-red/")
    assert action.select_one("h2#you-said").get_text(strip=True) == \
        "This answers what families told us and the inspectors found"
    assert build.html("areas/2-plans/2-3-amber/").select_one("h2#you-said").get_text(strip=True) == \
        "This answers what families told us"

    easy = build.html("easy-read/you-said/what-the-inspectors-found/").select_one("article").get_text(" ", strip=True)
    assert "The inspectors found 1 thing." in easy
    assert "Families told us" not in easy

    items = json.loads((build.site / "data/you-said.json").read_text(encoding="utf-8"))["items"]
    assert [(i["theme"], i["said_by"]) for i in items] == [
        ("Health", "families"), ("Support", "families"), ("Support", "families"),
        ("What the inspectors found", "inspectors")]
    rows = list(csv.DictReader(io.StringIO((build.site / "data/you-said.csv").read_text(encoding="utf-8"))))
    assert rows[-1]["said_by"] == "inspectors"
    assert "said_by" in build.html("open-data/").get_text(" ")


def test_without_inspectors_findings_nothing_speaks_of_inspectors(basic_build):
    items = json.loads((basic_build.site / "data/you-said.json").read_text(encoding="utf-8"))["items"]
    assert all("said_by" not in item for item in items)
    header = (basic_build.site / "data/you-said.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "said_by" not in header
    assert "inspectors" not in basic_build.html("you-said/").get_text(" ")


def test_said_by_takes_only_families_or_inspectors(tmp_path):
    project = make_project(tmp_path, files={"content/you-said/what-the-inspectors-found.md":
                                            INSPECTORS.replace("said_by: inspectors", "said_by: ofsted")})
    result = run_tool("validate", cwd=project)
    assert result.returncode != 0
    line = next(line for line in result.stdout.splitlines() + result.stderr.splitlines() if "said_by" in line)
    assert "content/you-said/what-the-inspectors-found.md:4" in line
    assert "families" in line and "inspectors" in line


def test_the_real_site_claims_nothing_it_has_not_got(real_build):
    """No action of the real plan has a published rating: no page of it says "we did" or "we are doing"
    about what families said, and its inspectors' findings are counted apart."""
    overview = real_build.html("you-said/")
    assert overview.select_one("article h1").get_text(strip=True) == "You said, and what the plan says it will do"
    text = overview.select_one("article").get_text(" ", strip=True)
    assert "Families told us 86 things. The inspectors found 3 things." in text
    for page in sorted(real_build.site.rglob("*.html")):
        article = real_build.html(str(page.relative_to(real_build.site))).select_one("article")
        words = article.get_text(" ", strip=True) if article else ""
        for claim in ("You said, we did", "What we did", "What we are doing", "what we are doing"):
            assert claim not in words, f"{page.relative_to(real_build.site)}: {claim!r}"
    found = real_build.html("you-said/what-the-inspectors-found/")
    assert found.title.get_text().startswith("What the inspectors found - ")

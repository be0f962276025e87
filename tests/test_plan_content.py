"""The real content is the plan: the 68 actions of the WSOA, checked against the source text."""

from __future__ import annotations

import json
import re
from collections import Counter, deque
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from conftest import ROOT, SEED

PER_AREA = {1: 8, 2: 17, 3: 7, 4: 12, 5: 11, 6: 13}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text).replace("•", " ")).strip()


@pytest.fixture(scope="module")
def source_rows() -> dict[str, list[str]]:
    """Each action's row in the plan: the tab-separated line that starts with its number."""
    rows = {}
    for line in SEED.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d\.\d{1,2}) ", line)
        if match and "\t" in line:
            rows[match.group(1)] = line.split("\t")
    return rows


@pytest.fixture(scope="module")
def actions(real_build) -> list[dict]:
    return json.loads((real_build.site / "data/actions.json").read_text(encoding="utf-8"))["actions"]


def front_matter(action_id: str) -> dict:
    area, number = action_id.split(".")
    (path,) = ROOT.glob(f"content/areas/{area}-*/{area}-{number}-*.md")
    return yaml.load(path.read_text(encoding="utf-8").split("---\n")[1], Loader=yaml.CSafeLoader)


def test_exactly_the_68_actions_of_the_plan(actions, source_rows):
    assert len(source_rows) == 68, "the source itself has 68 numbered actions"
    assert Counter(int(i.split(".")[0]) for i in source_rows) == PER_AREA
    ids = [a["id"] for a in actions]
    assert ids == sorted(source_rows, key=lambda i: tuple(map(int, i.split("."))))
    assert Counter(a["area"] for a in actions) == PER_AREA


def test_titles_are_verbatim(actions, source_rows):
    for action in actions:
        title = re.sub(r"^\d\.\d{1,2} ", "", norm(source_rows[action["id"]][0]))
        if action["id"] == "3.4":  # its title continues on a line after a page break in the source
            assert action["title"].startswith(title), action["id"]
        else:
            assert action["title"] == title, action["id"]


def test_every_lead_is_written_as_in_the_plan(actions, source_rows):
    for action in actions:
        cell = norm(source_rows[action["id"]][1]) if len(source_rows[action["id"]]) > 1 else ""
        for lead in action["leads"]:
            if action["id"] in {"2.9", "3.4"}:  # leads continued after a page break
                assert lead in norm(SEED.read_text(encoding="utf-8")), (action["id"], lead)
            else:
                assert lead in cell, (action["id"], lead)


@pytest.mark.parametrize("action_id, field, expected", [
    ("1.1", "due", "2022-02"),
    ("1.8", "resources", [{"text": "Current capacity in Public Health", "kind": "existing"}]),
    ("1.8", "leads", ["Consultant Public Health"]),
    ("2.10", "due", "2023-01"),
    ("2.10", "resources", [{"text": "Capital investment in system - £TBC"}]),
    ("2.13", "due_text", "Ongoing through cycle of continuous improvement"),
    ("2.13", "accountability", [
        "Increasing demand able to be met through available budget and resources",
        "EHC plans will include information on what is working well and encourage families to build upon "
        "their unique strengths",
        "Preparation for adulthood starts from an earlier age in the child's journey"]),
    ("3.3", "leads", ["Finance Manager", "Senior Commissioning Officer", "Commissioner",
                      "Head of Service – Children and Young People in Care"]),
    ("3.3", "due", "2022-09"),
    ("3.3", "milestones", [{"text": "Initial audit of financial contributions (Jan. 2022)", "date": "2022-01"},
                           {"text": "Appointment of new resource (Dec. 2022)", "date": "2022-12"},
                           {"text": "Embedded system for funding in place across the partnership"}]),
    ("5.3", "resources", [{"text": "Additional Connexions PA for SEND", "kind": "additional"}]),
    ("6.6", "milestones", [{"text": "Co-production of content to be included"},
                           {"text": "Development of site with Big Blue Door"},
                           {"text": "User testing of test site"}, {"text": "Launch"},
                           {"text": "Awareness raising"}]),
])
def test_spot_checks_against_the_source(action_id, field, expected):
    value = front_matter(action_id).get(field)
    assert value == expected, f"{action_id} {field}"


@pytest.mark.parametrize("action_id, empty", [("1.5", "leads"), ("1.3", "evidence"), ("6.6", "due")])
def test_what_the_plan_leaves_empty_stays_empty(real_build, action_id, empty):
    assert empty not in front_matter(action_id)
    area, number = action_id.split(".")
    (page,) = real_build.site.glob(f"areas/{area}-*/{area}-{number}-*/index.html")
    assert "Not stated in the plan" in page.read_text(encoding="utf-8")


def test_no_rating_without_dated_evidence(actions):
    for path in ROOT.glob("content/areas/*/*.md"):
        data = yaml.load(path.read_text(encoding="utf-8").split("---\n")[1], Loader=yaml.CSafeLoader)
        if data.get("type") == "action" and data["status"] != "not-rated":
            newest = max(data["history"], key=lambda e: str(e["date"]))
            assert newest["status"] == data["status"] and newest["source"], path


def test_every_page_is_reachable_from_the_home_page(real_build):
    """Follow links from the home page (navigation included); every page in the sitemap is reached."""
    import xml.etree.ElementTree as ET

    site = real_build.site
    locs = [e.text for e in ET.parse(site / "sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    wanted = {urlparse(loc).path for loc in locs}
    prefix = urlparse(locs[0]).path  # the home page comes first
    seen, queue = {prefix}, deque([prefix])
    while queue:
        path = queue.popleft()
        file = site / path[len(prefix):] / "index.html"
        if not file.is_file():
            continue
        for a in real_build.html(str(file.relative_to(site))).find_all("a", href=True):
            target = urlparse(urljoin(path, a["href"])).path
            if target.startswith(prefix) and target.endswith("/") and target not in seen:
                seen.add(target)
                queue.append(target)
    assert sorted(wanted - seen) == []

"""The "You said, we did" content matches the plan, word for word, and links to real actions.

What families said comes from the Written Statement of Action (WSOA), section 3
"Feedback from our families" (the Voice 4 Parents survey 2021), and from the
inspectors' findings as reported by the BBC. This test re-derives, from the
source text itself, every finding of the feedback section (each statistic line,
each bullet of "What Parents would like to see on the Local Offer" and each
parent quote) and checks that every one of them appears exactly once across the
items in content/you-said/, in the source's own words.

An item's ``said`` may join consecutive answer lines of one survey question with
"; " (for example "35% ... local authority; 4% said that they feel very
supported; 40% say that they receive some support"). A part may start with the
source's own lead-in line (for example "Of those who had accessed the local
offer:"), joined with a space as in the source.

The source documents are kept in the repository, in sources/ (sources/README.md says which is which).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
WSOA = SOURCES / "written-statement-of-action-2021-12.txt"
BBC = SOURCES / "bbc-news-send-action-plan.txt"
YOU_SAID = ROOT / "content" / "you-said"
AREAS = ROOT / "content" / "areas"
EXPECTED = Path(__file__).resolve().parent / "data" / "you_said_expected.txt"

SECTION_START = "## Families Feedback from the online V4P"
SECTION_END = "## Section 3 - Purpose of Plan"
JOIN = "; "
# Italic text in the feedback section that is not something families told the local area.
NOT_FINDINGS = {"Thank you"}  # a closing "Thank you" under the survey's first quote
# A quote in the source starts with a label naming its theme, in capitals: SUPPORT "...".
QUOTE_LABEL = re.compile(r'^[A-Z][A-Z ]*[A-Z] (?=")')
PERCENT = re.compile(r"\d+%")


def normalise(text: str) -> str:
    return " ".join(text.split())


def feedback_section() -> list[str]:
    lines = WSOA.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(SECTION_START))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith(SECTION_END))
    return lines[start + 1:end]


def derive() -> tuple[list[tuple[str, str]], list[str]]:
    """Every finding of the feedback section as (kind, text), in order, and the lead-in lines.

    kind is "statistic" (a line with a percentage), "finding" (a bullet) or "quote"
    (italic text, without its capital-letter label and its quotation marks).
    """
    findings: list[tuple[str, str]] = []
    lead_ins: list[str] = []
    lines = [line.strip() for line in feedback_section()]
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line or line.startswith("#") or (line.startswith("**") and line.endswith("**")):
            continue  # blank line or heading
        if line.startswith("*"):
            block = [line]
            while not (block[-1].endswith("*") and len(" ".join(block)) > 1):
                block.append(lines[index])
                index += 1
            text = normalise(" ".join(block))[1:-1].strip()
            text = QUOTE_LABEL.sub("", text)
            if len(text) > 1 and text[0] == '"' and text[-1] == '"':
                text = text[1:-1].strip()
            if text not in NOT_FINDINGS:
                findings.append(("quote", text))
        elif line.startswith("- "):
            findings.append(("finding", line[2:].strip()))
        elif PERCENT.search(line):
            findings.append(("statistic", line))
        elif line.endswith(":"):
            lead_ins.append(line)
        # anything else is page furniture: "Wolverhampton", "SEND Partnership Board", the infographic
    return findings, lead_ins


def you_said_pages() -> list[tuple[Path, dict]]:
    pages = []
    for path in sorted(YOU_SAID.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        front = yaml.load(text.split("\n---", 1)[0][4:], Loader=yaml.CSafeLoader)
        if isinstance(front, dict) and front.get("type") == "you-said":
            pages.append((path, front))
    return pages


def all_items() -> list[tuple[Path, dict]]:
    return [(path, item) for path, front in you_said_pages() for item in front.get("items") or []]


def is_survey(item: dict) -> bool:
    return "Voice 4 Parents" in item["source"]


def split_part(part: str, lead_ins: list[str]) -> str:
    for lead in lead_ins:
        if part.startswith(lead + " "):
            return part[len(lead) + 1:]
    return part


def test_the_source_is_beside_the_repository():
    assert WSOA.is_file(), f"the WSOA text is missing: expected it at {WSOA}"


def test_derivation_finds_the_whole_feedback_section():
    findings, lead_ins = derive()
    kinds = Counter(kind for kind, _ in findings)
    # 34 bullets of "What Parents would like to see on the Local Offer"; 3 parent quotes.
    assert kinds["finding"] == 34
    assert kinds["quote"] == 3
    assert kinds["statistic"] == 127
    assert not [text for _, text in findings if JOIN in text], "a source line contains the joiner '; '"
    assert len(lead_ins) == 3


def test_every_page_is_a_theme_with_items():
    pages = you_said_pages()
    assert len(pages) >= 9
    themes = [front["theme"] for _, front in pages]
    assert len(themes) == len(set(themes)), "two pages have the same theme"
    for path, front in pages:
        assert front.get("items"), f"{path.name} has no items"


def test_every_said_is_word_for_word_from_a_source():
    corpus = normalise(WSOA.read_text(encoding="utf-8") + "\n" + BBC.read_text(encoding="utf-8"))
    survey = normalise("\n".join(feedback_section()))
    for path, item in all_items():
        text = survey if is_survey(item) else corpus
        for part in item["said"].split(JOIN):
            assert normalise(part) == part, f"{path.name}: extra spaces in {part!r}"
            assert part in text, f"{path.name}: not word for word from the source: {part!r}"


def test_every_finding_of_the_feedback_section_appears_exactly_once():
    findings, lead_ins = derive()
    wanted = Counter(text for _, text in findings)
    found: Counter = Counter()
    kinds = {}
    for path, item in all_items():
        if not is_survey(item):
            continue
        for part in item["said"].split(JOIN):
            text = split_part(part, lead_ins)
            found[text] += 1
            kinds.setdefault(text, set()).add(item.get("kind"))
    missing = sorted(wanted - found)
    extra = sorted(found - wanted)
    assert not missing, "findings of the plan's feedback section not in content/you-said/:\n" + "\n".join(missing)
    assert not extra, "said more than once, or not a finding of the feedback section:\n" + "\n".join(extra)
    for kind, text in findings:
        assert kinds[text] == {kind}, f"{text!r} should be kind: {kind}"


def test_expected_list_matches_the_items_one_for_one():
    expected = [line for line in EXPECTED.read_text(encoding="utf-8").splitlines() if line.strip()]
    said = [item["said"] for _, item in all_items()]
    assert len(expected) == len(set(expected)), "the expected list has a line twice"
    counts = Counter(said)
    for line in expected:
        assert counts[line] == 1, f"expected exactly once, found {counts[line]} times: {line!r}"
    assert sorted(said) == sorted(expected), "items not in tests/data/you_said_expected.txt: " + repr(
        sorted(set(said) - set(expected)))


def test_the_inspectors_findings_reported_by_the_bbc_are_there():
    said = [item["said"] for _, item in all_items() if not is_survey(item)]
    for words in ("do not know where to turn to for support", "backlog of 200 annual reviews",
                  "waits for assessments"):
        assert sum(words in s for s in said) == 1, f"expected one item saying {words!r}"


def test_items_are_complete_and_percentages_consistent():
    for path, item in all_items():
        assert item.get("kind") in {"statistic", "finding", "quote"}, f"{path.name}: {item['said']!r}"
        assert item.get("source"), f"{path.name}: no source for {item['said']!r}"
        assert str(item.get("date", "")).startswith("2021"), f"{path.name}: date of {item['said']!r}"
        assert not re.search(r"\d\s+%|per ?cent", item["said"], re.I), f"{path.name}: write '35%'"
        if item["kind"] == "statistic":
            assert PERCENT.search(item["said"])


def test_young_peoples_feedback_is_shown_as_not_yet_given():
    index = (YOU_SAID / "index.md").read_text(encoding="utf-8")
    assert not index.startswith("---"), "index.md is a plain page; the plugin builds the overview"
    assert "## Young people's feedback" in index
    assert "Details to be added" in index


def action_ids() -> set[str]:
    ids = set()
    for path in AREAS.glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        front = yaml.load(text.split("\n---", 1)[0][4:], Loader=yaml.CSafeLoader)
        if isinstance(front, dict) and front.get("type") == "action":
            ids.add(str(front["id"]))
    return ids


def test_every_link_names_a_real_action_and_says_how():
    ids = action_ids()
    assert ids, f"no action pages found in {AREAS} (content/areas/<n>-<slug>/<n>-<m>-<slug>.md)"
    links = 0
    for path, item in all_items():
        for name in ("answered_by", "related_to"):
            for link in item.get(name) or []:
                action_id = link["action"]
                assert isinstance(action_id, str), f"{path.name}: write action numbers in quotes: {action_id!r}"
                assert action_id in ids, f"{path.name}: there is no action {action_id!r} ({item['said'][:60]}...)"
                assert 10 <= len(link["how"]) <= 160, f"{path.name}: {action_id}: 'how' must be one short line"
                links += 1
    assert links > 50


LOCAL_OFFER_WISHES = "what parents would like to see on the Local Offer"


def test_the_local_offer_wish_list_is_answered_only_where_an_action_commits_to_it():
    """Action 6.6 redevelops the Local Offer with content co-produced with families; it commits to no
    particular item of the parents' wish list, so it is at most 'related' to each. Wishes that no
    action commits to are gaps, shown as such."""
    wishes = [item for _, item in all_items() if LOCAL_OFFER_WISHES in item["source"]]
    assert len(wishes) == 34
    answered = {item["said"]: [link["action"] for link in item.get("answered_by") or []] for item in wishes}
    assert not [said for said, ids in answered.items() if "6.6" in ids and said != "An easy way to access all information"]
    for gap in ("Funded private therapists (SALT)", "Transport for days out", "Legal advice", "Direct Payments",
                "A link to the EHC Hub"):
        assert answered[gap] == [], f"{gap!r}: no action in the plan commits to it"
    assert answered["Post 16 support"] == ["6.8"]  # Connexions' advice on all options through the Local Offer

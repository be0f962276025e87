"""The real site's easy read, checked from outside the plugin: a picture that exists beside every idea,
alt text that says what a picture shows, headings that say what each thing is about, and words that
an independent readability check (textstat) finds easy on every easy-read page."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
import textstat
import yaml

from plan_progress.core import easyread
from plan_progress.core.problems import Problems
from plan_progress.core.scale import DEFAULT_SCALE

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
PICTURES = CONTENT / "assets" / "pictures"
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def pages() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(CONTENT.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            # yaml.safe_load's rules, read by libyaml (C): the pure-Python reader took seconds, in every
            # test process, to collect the tests below.
            data = yaml.load(text[4:text.index("\n---\n", 4)], Loader=yaml.CSafeLoader) or {}
            found.append((path.relative_to(ROOT).as_posix(), data))
    return found


PAGES = pages()
EASY = [(path, data) for path, data in PAGES if data.get("easy_read")]


def material_icon_names() -> set[str]:
    import material

    icons = Path(material.__file__).parent / "templates" / ".icons"
    return {svg.stem for svg in icons.rglob("*.svg")}


def test_every_action_area_theme_and_the_home_page_has_easy_read():
    kinds = {}
    for path, data in PAGES:
        if data.get("type") in {"action", "area", "you-said", "home"}:
            kinds.setdefault(data["type"], []).append(path)
            assert data.get("easy_read"), f"{path} has no easy read"
    assert len(kinds["action"]) == 68 and len(kinds["area"]) == 6 and len(kinds["home"]) == 1


def test_every_easy_read_heading_says_what_it_is_about_in_words():
    for path, data in EASY:
        title = data.get("easy_read_title")
        assert isinstance(title, str) and title.strip(), f"{path} has no easy_read_title"
        words = re.findall(r"[A-Za-z]{3,}", title)
        assert len(words) >= 2, f"{path}: '{title}' does not say what it is about"
        assert not re.fullmatch(r"(?i)\s*(action|part|area)?\s*[\d.\s]+", title), f"{path}: '{title}' is a number"
    titles = [data["easy_read_title"] for path, data in EASY if data.get("type") == "action"]
    assert len(set(titles)) == len(titles), "two actions have the same easy-read heading"


def test_easy_read_title_is_the_line_before_easy_read():
    """So that other fields added after `title:` merge cleanly, the heading sits just above the ideas."""
    for path, _data in EASY:
        lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
        index = lines.index("easy_read:")
        assert lines[index - 1].startswith("easy_read_title: "), path


def test_every_idea_has_a_picture_that_exists_and_alt_text_that_describes_it():
    icon_names = material_icon_names()
    for path, data in EASY:
        for number, idea in enumerate(data["easy_read"], start=1):
            where = f"{path} idea {number}"
            assert set(idea) == {"picture", "alt", "text"}, where
            assert (PICTURES / f"{idea['picture']}.svg").is_file(), f"{where}: no picture {idea['picture']}"
            alt = idea["alt"]
            assert isinstance(alt, str) and alt.strip(), f"{where}: the picture has no description"
            assert alt[0].isupper(), f"{where}: '{alt}' reads like a name, not a description"
            assert not re.search(r"[-_/.]|\b[0-9A-F]{4,}\b", alt), f"{where}: '{alt}' looks like a file name"
            slug = "-".join(re.findall(r"[a-z0-9]+", alt.lower()))
            assert slug not in icon_names, f"{where}: '{alt}' is an icon's name"
            assert 1 <= len(easyread.sentences(idea["text"])) <= 3, f"{where}: an idea is 1 to 3 sentences"


def test_one_picture_one_meaning():
    """The same picture always has the same description, and every vendored picture is credited."""
    described: dict[str, set[str]] = {}
    for _path, data in EASY:
        for idea in data["easy_read"]:
            described.setdefault(idea["picture"], set()).add(idea["alt"])
    assert {p: alts for p, alts in described.items() if len(alts) > 1} == {}
    readme = (PICTURES / "openmoji" / "README.txt").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in readme and (PICTURES / "openmoji" / "LICENSE.txt").is_file()
    for svg in (PICTURES / "openmoji").glob("*.svg"):
        assert svg.stem in readme, f"{svg.name} is not listed in the pictures' README.txt"


BANNED = {
    "We do not know yet": "the status sentence is generated from the scale, not written in content",
    "Nobody has checked": "the status sentence is generated from the scale",
    "This is late": "lateness is generated from the dates",
    r"\bhub\b": "a metaphor", r"\bshape services\b": "a metaphor", r"\bchampions?\b": "a metaphor",
    r"\bgoes live\b": "a metaphor", r"\bwhere to turn\b": "a metaphor",
    r"\b(?:do|does|doing|play|plays|playing) (?:its|their) (?:full )?part\b|\bfull part\b": "a metaphor",
    r"\bfill(ing)? (the |them|gaps)": "a metaphor", r"\bgood value\b": "hard words: say 'worth the money'",
    r"\bbuild on\b": "a metaphor", r"\blink with\b": "a metaphor",
}


def test_easy_read_has_no_metaphors_and_no_status_sentences():
    for path, data in EASY:
        text = "\n".join([data["easy_read_title"]] + [idea["text"] for idea in data["easy_read"]])
        for pattern, why in BANNED.items():
            assert not re.search(pattern, text, re.IGNORECASE), f"{path}: '{pattern}' ({why})"


def test_a_childs_plan_is_always_called_an_ehc_plan():
    """'Plan' alone means our plan; a child's plan is an 'EHC plan' wherever a page talks about one."""
    for path, data in EASY:
        for idea in data["easy_read"]:
            for sentence in easyread.sentences(idea["text"]):
                if re.search(r"\b(child's|their child's|each child's) plan\b", sentence):
                    pytest.fail(f"{path}: \"{sentence}\" should say EHC plan")


def test_plan_is_only_ever_a_thing_never_something_people_do():
    """One word, one meaning: 'plan' is our plan or an EHC plan, never the verb ('we will plan ...')."""
    verb = re.compile(r"\b(planning|planned|(to|will|we|they|helps?|should|meets to) plan)\b",
                      re.IGNORECASE)
    for path, data in EASY:
        for text in [data["easy_read_title"]] + [idea["text"] for idea in data["easy_read"]]:
            assert not verb.search(text), f"{path}: '{verb.search(text).group(0)}' uses plan as a verb in \"{text}\""


def _sentences_of_page(data: dict) -> list[str]:
    return [s for idea in data["easy_read"] for s in easyread.sentences(idea["text"])]


@pytest.mark.parametrize("path", [path for path, _ in EASY])
def test_textstat_finds_every_easy_read_page_easy(path):
    """Independent of the plugin's own grade: textstat's word counts and Flesch-Kincaid grade."""
    data = dict(EASY)[path]
    sentences = _sentences_of_page(data)
    for sentence in sentences + [data["easy_read_title"]]:
        assert textstat.lexicon_count(sentence) <= 15, f"{path}: \"{sentence}\""
    assert textstat.flesch_kincaid_grade(" ".join(sentences)) <= 6, path


def test_textstat_finds_every_built_easy_read_page_easy(real_build):
    checked = 0
    for page in sorted((real_build.site / "easy-read").rglob("index.html")):
        article = real_build.html(str(page.relative_to(real_build.site))).select_one("article")
        lines = [p.get_text(" ", strip=True) for p in article.select("p")]
        lines = [line for line in lines if line]
        for line in lines:
            for sentence in easyread.sentences(line):
                assert textstat.lexicon_count(sentence) <= 15, f"{page}: \"{sentence}\""
        assert textstat.flesch_kincaid_grade(" ".join(lines)) <= 6, page
        checked += 1
    assert checked >= 9


def test_status_and_help_words_are_easy_read_with_pictures_that_exist():
    """The statuses' easy words, the fixed words of the "Who can help you" page (the plugin's word list) and
    the real site's contacts' easy-read words (mkdocs.yml), checked here from outside the plugin."""
    from plan_progress.core.easyread import HELP_PICTURES
    from plan_progress.core.words import english

    rules = easyread.Rules()
    problems = Problems()
    texts = [(f"status {s.key}", s.easy_read) for s in DEFAULT_SCALE] + [
        (f"status {s.key} label", s.easy_label) for s in DEFAULT_SCALE]
    pictures = [s.easy_read_picture for s in DEFAULT_SCALE] + [name for name, _alt in HELP_PICTURES.values()]
    shipped = english()["texts"]
    texts += [(key, shipped[key]) for key in ("easy_help_link", "easy_help_intro", "easy_help_none_yet")]
    contacts = CONFIG["plugins"][1]["plan-progress"]["contacts"]
    assert all(contact.get("easy_read") for contact in contacts)
    texts += [(f"contact {c['name']}", c["easy_read"]) for c in contacts]
    pictures += [c["picture"] for c in contacts]
    explained = {"SEND", "EHC", "Local Offer"}  # the contacts' words use these; the site's glossary explains them
    for name, text in texts:
        assert text, name
        easyread.check(text, "words", None, name, explained, rules, problems)
        assert len(easyread.sentences(text)) <= 3, name
        for sentence in easyread.sentences(text):
            assert textstat.lexicon_count(sentence) <= 15, f"{name}: \"{sentence}\""
    assert [str(p) for p in problems.items] == []
    for picture in pictures:
        assert (PICTURES / f"{picture}.svg").is_file(), picture


def test_name_finding_examples():
    assert doctest.testmod(easyread, extraglobs={}, optionflags=doctest.ELLIPSIS).failed == 0


def test_one_sentence_a_line():
    """Each line of an idea is a whole sentence: the page shows one line under another."""
    for path, data in EASY:
        for idea in data["easy_read"]:
            for line in idea["text"].splitlines():
                assert not line.strip() or line.strip()[-1] in ".!?", f"{path}: \"{line}\" is not a whole sentence"

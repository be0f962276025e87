"""Every abbreviation used anywhere in the content has a term in the glossary.

The plan is written in jargon. Families must be able to look up every short form the site
shows them, so this test reads every page under content/ (the values in its front-matter and
its body text), finds every abbreviation, and checks that content/glossary.md explains it.

What counts as an abbreviation: a word with at least two capital letters that starts with two
capitals or digits (SEND, EHCP, V4P, HY5, Y&S), or a short mixed-case form of up to four
characters (PfA, DfE). Plurals and endings in small letters count as the abbreviation they
start with: KPIs is KPI, SENCos is SENCO, SMARTer is SMART.

An abbreviation is explained when a glossary term is exactly that abbreviation, or when a
term starts with it and says what it stands for (the term "EHC plan" with its stands_for
explains EHC; the term "SEND Partnership Board" does not explain SEND).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
GLOSSARY = CONTENT / "glossary.md"

# Words in capitals that are not abbreviations. Each is here for a reason; add to it only
# with one. Everything else in capitals must be in the glossary.
NOT_ABBREVIATIONS = {
    # The plan's rating names, written in capitals as the plan writes them. The status key
    # page explains each one, and the glossary explains the scale as a whole ("RAG rating").
    "RED": "rating name", "AMBER": "rating name", "GREEN": "rating name",
    "BLUE": "rating name", "PINK": "rating name",
    # The plan's headings "AREA FOR DEVELOPMENT ONE" ... "SIX", in capitals in the source.
    "AREA": "heading word", "FOR": "heading word", "DEVELOPMENT": "heading word",
    "ONE": "number word", "TWO": "number word", "THREE": "number word",
    "FOUR": "number word", "FIVE": "number word", "SIX": "number word",
    # Labels that parents' quotes start with in the survey ("SUPPORT ...", "LOCAL OFFER ...").
    "SUPPORT": "label in a quote", "LOCAL": "label in a quote", "OFFER": "label in a quote",
}

# Roman numerals up to 39 (II, IV, XII ...): numbering, not abbreviations.
ROMAN = re.compile(r"^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$")

WORD = re.compile(r"(?<![A-Za-z0-9&])[A-Za-z0-9&]+(?![A-Za-z0-9&])")

# Parts of the text that are markup, not words a reader sees as written.
COMMENT = re.compile(r"<!--.*?-->", re.S)
MARKUP = [
    COMMENT,  # HTML comments
    re.compile(r"<[^>\n]+>"),  # HTML tags and their attributes (class names, styles)
    re.compile(r"&#?[A-Za-z0-9]+;"),  # HTML entities
    re.compile(r"https?://\S+"),  # addresses
    re.compile(r"\]\([^)\s]*\)"),  # Markdown link targets
    re.compile(r"\{[:#.][^}\n]*\}"),  # attribute lists { .class #id }
    re.compile(r"`[^`\n]*`"),  # code
]


def is_abbreviation(word: str) -> bool:
    capitals = sum(ch.isupper() for ch in word)
    if capitals < 2 or not word[0].isupper():
        return False
    starts_like_one = all(ch.isupper() or ch.isdigit() or ch == "&" for ch in word[:2])
    if not (starts_like_one or len(word) <= 4):
        return False  # CamelCase names such as Voice4Parents or JavaScript
    if word in NOT_ABBREVIATIONS or ROMAN.match(word):
        return False
    return True


def words(text: str) -> list[str]:
    for pattern in MARKUP:
        text = pattern.sub(" ", text)
    return [w for w in WORD.findall(text) if is_abbreviation(w)]


@dataclass(frozen=True)
class Use:
    word: str
    where: str  # content/x.md:12 or content/x.md: field.path


def split_page(path: Path) -> tuple[dict | None, str, int]:
    """The page's front-matter (as plain strings), its body, and the line the body starts on."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                # BaseLoader keeps every value as the text the editor wrote.
                data = yaml.load("\n".join(lines[1:end]), Loader=yaml.BaseLoader) or {}
                return data, "\n".join(lines[end + 1:]), end + 2
    return None, text, 1


def walk(value, path: str):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from walk(item, f"{path}[{index}]")
    elif isinstance(value, str):
        yield path, value


def uses() -> list[Use]:
    found = []
    for path in sorted(CONTENT.rglob("*.md")):
        shown = path.relative_to(ROOT).as_posix()
        data, body, first_line = split_page(path)
        for field, value in walk(data or {}, ""):
            if field.endswith(".picture"):
                continue  # a picture's file name (openmoji/1F4C5), never shown to readers
            for word in words(value):
                found.append(Use(word, f"{shown}: {field}"))
        # HTML comments are not shown to readers; blank them out, keeping the line numbers.
        body = COMMENT.sub(lambda match: "\n" * match.group().count("\n"), body)
        for number, line in enumerate(body.split("\n"), start=first_line):
            for word in words(line):
                found.append(Use(word, f"{shown}:{number}"))
    return found


def glossary_terms() -> list[dict]:
    data, _, _ = split_page(GLOSSARY)
    assert data and data.get("type") == "glossary", f"{GLOSSARY} must have 'type: glossary'"
    return data.get("terms") or []


def core(text: str) -> str:
    """A term as people look it up: no leading '#', no trailing '!' (#YES, HY5!)."""
    return text.strip().lstrip("#").rstrip("!").casefold()


def explained_by(terms: list[dict]) -> set[str]:
    """The abbreviations the glossary explains, in lower case."""
    keys = set()
    for term in terms:
        name = term.get("term", "")
        keys.add(core(name))
        first = WORD.findall(name)[:1]  # "EHC plan" -> EHC, "COVID-19" -> COVID, "#YES" -> YES
        if first and (term.get("stands_for") or len(name.split()) == 1):
            keys.add(core(first[0]))
    return keys


def is_explained(word: str, keys: set[str]) -> bool:
    if word.casefold() in keys:
        return True
    # An ending in small letters after the abbreviation: KPIs, SENCos, SMARTer, NEETs.
    for cut in range(len(word) - 1, 1, -1):
        ending = word[cut:]
        if not (ending.isalpha() and ending.islower()):
            break
        if word[:cut].casefold() in keys:
            return True
    return False


def sort_key(term: str) -> str:
    return re.sub(r"^[^A-Za-z0-9]+", "", term).casefold()


@pytest.mark.parametrize("word, expected", [
    ("SEND", True), ("EHCP", True), ("V4P", True), ("HY5", True), ("Y&S", True), ("KPIs", True),
    ("SENCos", True), ("PfA", True), ("DfE", True), ("SMARTer", True),
    ("II", False), ("XIV", False), ("RED", False), ("Voice4Parents", False), ("JavaScript", False),
    ("Ofsted", False), ("I", False), ("A", False),
])
def test_what_counts_as_an_abbreviation(word, expected):
    assert is_abbreviation(word) is expected


def test_markup_is_not_read_as_words():
    text = ('<div aria-hidden="true" style="border-top: 1rem solid #3F51B5">x</div> '
            "[the plan](../areas/index.md) `SOME_CODE` {: .CLASS } &NBSP; https://EXAMPLE.ORG/ABC")
    assert words(text) == []


@pytest.mark.parametrize("word, keys, expected", [
    ("KPIs", {"kpi"}, True), ("SENCos", {"senco"}, True), ("SMARTer", {"smart"}, True),
    ("EHCPs", {"ehcp"}, True), ("EHCPs", {"ehc"}, False), ("CSCLT", {"csc"}, False),
])
def test_endings_in_small_letters(word, keys, expected):
    assert is_explained(word, keys) is expected


def test_every_abbreviation_in_the_content_is_in_the_glossary():
    keys = explained_by(glossary_terms())
    found = uses()
    assert any(use.word == "SEND" for use in found), "no abbreviations found at all: is content/ empty?"
    missing: dict[str, list[str]] = {}
    for use in found:
        if not is_explained(use.word, keys):
            missing.setdefault(use.word, []).append(use.where)
    report = "\n".join(f"  {word}: used in {', '.join(places[:3])}"
                       + (f" and {len(places) - 3} more" if len(places) > 3 else "")
                       for word, places in sorted(missing.items()))
    assert not missing, (
        f"{len(missing)} abbreviation(s) used in content/ have no term in content/glossary.md. "
        f"Add a term (with stands_for) for each, or, if it is not an abbreviation, add it to "
        f"NOT_ABBREVIATIONS in {Path(__file__).name} with a reason:\n{report}")


def test_glossary_terms_are_unique_and_in_alphabetical_order():
    names = [term.get("term", "") for term in glossary_terms()]
    keys = [sort_key(name) for name in names]
    duplicates = sorted({name for name, key in zip(names, keys) if keys.count(key) > 1})
    assert not duplicates, f"terms listed more than once in content/glossary.md: {', '.join(duplicates)}"
    for before, after in zip(names, names[1:]):
        assert sort_key(before) <= sort_key(after), (
            f"content/glossary.md: '{after}' should come before '{before}' (terms are in alphabetical order)")


def test_every_glossary_term_has_a_plain_meaning():
    for term in glossary_terms():
        meaning = (term.get("meaning") or "").strip()
        assert meaning, f"content/glossary.md: term '{term.get('term')}' has no meaning"
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", meaning) if s]
        assert len(sentences) <= 2, (
            f"content/glossary.md: the meaning of '{term.get('term')}' has {len(sentences)} sentences; "
            "keep it to one or two short ones")

"""The glossary's search pattern is written for speed (glossary._pattern); it must find exactly
what the plain list of every term, longest first, finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

from plan_progress.core.frontmatter import parse
from plan_progress.core.glossary import _FOLDS, Glossary
from plan_progress.core.model import Term
from plan_progress.core.problems import Problems

ROOT = Path(__file__).resolve().parents[1]


def _plain(names, caps, plurals=frozenset()):
    parts = [rf"(?<![\w&]){re.escape(n)}{'s?' if n in plurals else ''}(?!\w|&(?!#))" if n in caps
             else rf"(?i:(?<!\w){re.escape(n)}(?:s|es)?(?!\w))" for n in names]
    return re.compile("|".join(parts))


def test_pattern_finds_what_the_plain_list_finds():
    source = parse((ROOT / "content" / "glossary.md").read_text(encoding="utf-8"), "glossary.md", "glossary.md",
                   Problems())
    terms = [Term(term=t["term"], meaning=t["meaning"], match_case=bool(t.get("match_case")))
             for t in source.data["terms"]]
    glossary = Glossary(terms, None)
    names = glossary.names  # the terms and the other forms of abbreviations ("SENCos"), longest first
    assert names == sorted(names, key=lambda n: (-len(n), n)) and set(glossary.terms) <= set(names)
    caps = glossary.caps
    assert {n for n in names if n.isupper() or not n[:1].isalpha()} <= caps
    assert "SENCos" in names and "SENCO" in glossary.plurals
    plain = _plain(names, caps, glossary.plurals)
    words = names + [n.lower() for n in names] + [n.upper() for n in names] + [n + "s" for n in names] \
        + ["&" + n for n in names] + [n + "&" for n in names] + [n + "&#39;s" for n in names] \
        + [n[:3] for n in names]
    rng = random.Random(7)
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "content").rglob("*.md"))]
    for _ in range(5000):
        texts.append("".join(rng.choice([rng.choice(words), rng.choice(" &'-#.,ſK\u212aİıŴŵ"), " "])
                             for _ in range(rng.randint(1, 12))))
    for text in texts:
        assert [m.span() for m in glossary.pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_terms_starting_outside_ascii_and_in_mixed_groups():
    terms = [Term("Ŵelsh plan", "x"), Term("ŴX", "x"), Term("Ŵ1", "x"), Term("SEN", "x"), Term("Sen", "x", match_case=True),
             Term("sendiass", "x"), Term("KS2", "x"), Term("key stage", "x"), Term("IT", "x"), Term("in year", "x")]
    glossary = Glossary(terms, None)
    names = glossary.names
    plain = _plain(names, glossary.caps, glossary.plurals)
    rng = random.Random(11)
    words = names + [n.lower() for n in names] + [n.upper() for n in names] + [n + "s" for n in names] \
        + ["ŵelsh plan", "ŵx", "ſen", "\u212aS2", "İT", "ın year", "&ŴX", "&SEN"]
    for _ in range(5000):
        text = "".join(rng.choice([rng.choice(words), rng.choice(" &-.ſİıŵ"), " "]) for _ in range(rng.randint(1, 8)))
        assert [m.span() for m in glossary.pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_the_case_folds_outside_ascii_are_all_known():
    """_FOLDS must hold every character outside ASCII that (?i:) matching equates with an ASCII
    letter or digit (checked over every Unicode character, so a new Python cannot slip one in)."""
    ascii_alnum = re.compile(r"(?i:[a-z0-9])")
    found = {chr(cp) for cp in range(0x80, 0x110000) if ascii_alnum.fullmatch(chr(cp))}
    assert found == set(_FOLDS)

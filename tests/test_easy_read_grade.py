"""easyread.grade works the Flesch-Kincaid grade out itself, to skip textstat's slow import: it must
give exactly textstat's figure for every easy-read text in the content and for random text."""

from __future__ import annotations

import random
from pathlib import Path

import textstat

from plan_progress.core import easyread
from plan_progress.core.frontmatter import parse
from plan_progress.core.problems import Problems

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    texts: list[str] = []

    def walk(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted((ROOT / "content").rglob("*.md")):
        source = parse(path.read_text(encoding="utf-8"), str(path), str(path), Problems())
        if source is not None:
            walk(source.data)
            texts.append(source.body)
    words = " ".join(texts).split()
    rng = random.Random(9)
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
        texts.append(text.replace(" ", rng.choice([". ", "! ", "? ", "\n", ", "]), rng.randint(0, 5)))
    return texts + ["", ".", "...", "Hi.", "A b.", "It's 5%.", "e.g. this", "Don't stop! Go? Yes."]


def test_grade_is_textstats_flesch_kincaid_grade():
    for text in _texts():
        expected = float(textstat.flesch_kincaid_grade(" ".join(easyread.sentences(text))))
        assert easyread.grade(text) == expected, text

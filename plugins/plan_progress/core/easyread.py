"""Easy read: checks that easy-read text really is easy, and the parallel easy-read pages.

Easy read (UK government accessible-communication guidance; Mencap) means short
sentences, one idea per sentence, everyday words and a picture beside each idea.
The checks here turn those rules into warnings naming the file, the field and the
sentence, so that ``mkdocs build --strict`` fails until the text is fixed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .problems import Problems

ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z0-9]\b")
LATIN = re.compile(r"\b(e\.\s?g\.|i\.\s?e\.|etc\.)", re.IGNORECASE)
CONTRACTION = re.compile(
    r"\b(\w+n['’]t|(?:I|you|we|they|he|she|it|that|there|here|what|who|let)['’](?:s|re|ve|ll|d|m)"
    r"|\w+['’](?:re|ve|ll|m))\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")
_WORD = re.compile(r"[A-Za-z0-9£%][A-Za-z0-9'’\-£%.,]*")


@dataclass(frozen=True)
class Rules:
    max_words: int = 15
    max_grade: float = 6.0


def sentences(text: str) -> list[str]:
    """One idea per line is how easy read is written; a line may still hold two sentences.

    >>> sentences("We help schools.\\nIt is hard. We try!")
    ['We help schools.', 'It is hard.', 'We try!']
    """
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            out += [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
    return out


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def grade(text: str) -> float:
    """Flesch-Kincaid grade of a block, worked out exactly as textstat 0.7.4 does (its word, sentence
    and syllable counts, formula and rounding; tests/test_easy_read_grade.py checks the two agree), but
    without importing textstat, which takes a third of a second of every build to import
    pkg_resources for word lists the grade does not use.

    >>> grade("We will help you. The plan has six parts.")
    -2.1
    """
    text = " ".join(sentences(text))
    words = len(_words(text))
    found = _TS_SENTENCE.findall(text)
    sentence_count = max(1, len(found) - sum(1 for s in found if len(_words(s)) <= 2))
    sentence_length = _round(words / sentence_count, 1)
    syllables = sum(len(_hyphenator().positions(word)) + 1 for word in _words(text.lower()))
    syllables_per_word = _round(syllables / words, 1) if words else 0.0
    return _round(0.39 * sentence_length + 11.8 * syllables_per_word - 15.59, 1)


_TS_PUNCTUATION = re.compile(r"[^\w\s]")  # textstat removes all punctuation, apostrophes included
_TS_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


def _words(text: str) -> list[str]:
    return _TS_PUNCTUATION.sub("", text).split()


def _round(number: float, points: int) -> float:
    """textstat's rounding: half away from zero."""
    scale = 10 ** points
    return float(math.floor(number * scale + math.copysign(0.5, number))) / scale


@lru_cache(maxsize=None)
def _hyphenator():
    import pyphen  # the syllable counter textstat uses

    return pyphen.Pyphen(lang="en_US")


def check(text: str, path: str, line: int | None, field: str, explained: set[str], rules: Rules,
          problems: Problems) -> None:
    """Warn about every sentence that breaks an easy-read rule."""
    for sentence in sentences(text):
        words = word_count(sentence)
        if words > rules.max_words:
            problems.warning(path, line, field, f"this sentence has {words} words; easy read allows at most "
                                                f"{rules.max_words}. Split it: \"{sentence}\"")
        for match in LATIN.finditer(sentence):
            problems.warning(path, line, field, f"'{match.group(0)}' is hard to read; write 'for example' or "
                                                f"'that is' instead: \"{sentence}\"")
        for match in CONTRACTION.finditer(sentence):
            problems.warning(path, line, field, f"'{match.group(0)}' is a shortened word; write it in full "
                                                f"(for example 'do not', 'it is'): \"{sentence}\"")
        for match in ABBREVIATION.finditer(sentence):
            if match.group(0) not in explained and match.group(0) != "I":
                problems.warning(path, line, field,
                                 f"'{match.group(0)}' is an abbreviation with no easy-read explanation; use plain "
                                 f"words, or add easy_read to its glossary term: \"{sentence}\"")
    block_grade = grade(text) if text.strip() else 0.0
    if block_grade > rules.max_grade:
        hardest = max(sentences(text), key=lambda s: grade(s))
        problems.warning(path, line, field,
                         f"the reading grade is {block_grade:.1f} (Flesch-Kincaid); easy read allows at most "
                         f"{rules.max_grade:g}. Use shorter words and sentences; the hardest sentence is: "
                         f"\"{hardest}\"")


class EasyReadRenderer:
    """The easy-read pages: a picture on the left, one idea per line on the right, no tables."""

    def __init__(self, renderer):
        self.r = renderer  # the standard Renderer: links, icons, badges, the generated pages
        self.plan = renderer.plan

    def picture(self, name: str | None, fallback: str = "material/information-outline"):
        """A picture with a text alternative (its icon's name in words)."""
        from markupsafe import Markup, escape

        name = name or fallback
        alt = name.split("/", 1)[-1].replace("-", " ")
        markup = self.r.icon(name)  # the theme's own icon file: trusted markup
        return Markup(markup.replace("<svg ", f'<svg class="pp-er__pic" role="img" aria-label="Picture: {escape(alt)}" '
                                              'focusable="false" ', 1))

    def status_picture(self, status):
        """A status's icon, beside its word (so hidden from screen readers)."""
        from markupsafe import Markup

        return Markup(self.r.icon(status.icon).replace(
            "<svg ", f'<svg class="pp-er__pic pp-er__pic--status {status.css_class}" aria-hidden="true" '
                     'focusable="false" ', 1))

    def render(self, template: str, here: str, **data) -> str:
        return self.r.page(template, here, easy=self, sentences=sentences, **data)

    def home(self, here: str) -> str:
        return self.render("plan-progress/easy-read/home.html", here, counts=self.plan.counts())

    def area(self, area, here: str) -> str:
        return self.render("plan-progress/easy-read/area.html", here, area=area)

    def status_key(self, here: str) -> str:
        return self.render("plan-progress/easy-read/status-key.html", here)

    def you_said(self, here: str) -> str:
        return self.render("plan-progress/easy-read/you-said.html", here)

"""Every word the site shows: the English word list shipped with the plugin, and a site's changes to it.

The list is ``plan_progress/locale/en.yml`` (its header says how it is written). A site changes any
entry under ``words:`` in the plugin's settings; an unknown key, a counted word without both forms,
or a text using a field it will never be given is a configuration error naming the key.

>>> words = Words.load({"area": ["priority", "priorities"], "board": "SEND Partnership Board"})
>>> words.count(1, "area"), words.count(3, "area")
('1 priority', '3 priorities')
>>> words.count(1, "action", "is"), words.count(2, "action", "is")
('1 action is', '2 actions are')
>>> words.text("area_name", number=2, title="Early help")
'Priority 2: Early help'
>>> words.text("home_areas_heading")
'Progress in each priority'
>>> words.text("data_answered")
'false when no action in the plan answers it yet (even if some are related): a gap for the SEND Partnership Board.'
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

SECTIONS = ("counted", "names", "texts")
_FORMATTER = string.Formatter()


class WordsError(ValueError):
    """The ``words:`` settings cannot be used; ``problems`` holds one sentence per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@lru_cache(maxsize=None)
def english() -> dict[str, dict[str, Any]]:
    """The shipped English word list, by section (read once)."""
    from importlib import resources

    import yaml

    text = (resources.files("plan_progress") / "locale" / "en.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {section: dict(data.get(section) or {}) for section in SECTIONS}


def fields(text: str) -> list[str]:
    """The ``{names}`` a text uses, in order.

    >>> fields("{count} {verb} this status, {{not a field}}")
    ['count', 'verb']
    """
    return [name for _, name, _, _ in _FORMATTER.parse(text) if name is not None]


def capital(text: str) -> str:
    """The text with its first letter in capitals (the rest left alone).

    >>> capital("families"), capital("eHC plan"), capital("")
    ('Families', 'EHC plan', '')
    """
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Words:
    counted: Mapping[str, tuple[str, str]]  # key -> (one, other)
    names: Mapping[str, str]
    texts: Mapping[str, str]
    articles: Mapping[str, str] = field(default_factory=dict)  # key -> "a step", where a site gave it

    @classmethod
    def load(cls, overrides: Mapping[str, Any] | None = None, **extra_names: str) -> Words:
        """The English list with a site's ``words:`` applied. ``extra_names`` are names the plugin
        fills in from other settings (``plan_name``, ``site_name``). Raises WordsError listing every
        problem at once."""
        base = english()
        counted = {key: (one, other) for key, (one, other) in base["counted"].items()}
        names = {**dict(base["names"]), **extra_names}
        texts = dict(base["texts"])
        problems = check(overrides or {}, extra_names)
        if problems:
            raise WordsError(problems)
        articles = {}
        for key, value in (overrides or {}).items():
            if key in counted:
                forms = _forms(value)
                assert forms is not None  # check() refused any other
                counted[key] = (forms[0], forms[1])
                if len(forms) == 3:
                    articles[key] = forms[2]
            elif key in names:
                names[key] = value
            else:
                texts[key] = value
        if "area" in (overrides or {}) and "area_in_full" not in (overrides or {}):
            names["area_in_full"] = counted["area"][0]  # a renamed part of the plan is its full name too
        return cls(counted, names, texts, articles)

    # -- looking words up -------------------------------------------------------------------

    def form(self, number: int, key: str) -> str:
        """The form of a counted word that goes with ``number``.

        >>> Words.load().form(1, "has"), Words.load().form(0, "has")
        ('has', 'have')
        """
        one, other = self.counted[key]
        return one if number == 1 else other

    def count(self, number: int, key: str, verb: str | None = None) -> str:
        """A number with its word, and the verb that agrees with it: the one place plurals are made.

        >>> Words.load().count(0, "thing"), Words.load().count(1, "action", "has")
        ('0 things', '1 action has')
        """
        said = f"{number} {self.form(number, key)}"
        return f"{said} {self.form(number, verb)}" if verb else said

    def text(self, key: str, **values: Any) -> str:
        """A text with its fields filled in; counted words and names fill themselves in.

        >>> Words.load(plan_name="Local Offer plan").text("all_actions_intro", count="2 actions", date="1 May 2025")
        'All 2 actions of the Local Offer plan, with their status as last checked on 1 May 2025.'
        """
        return self.texts[key].format_map({**self.references(), **values})

    def join(self, items: list[str]) -> str:
        """Items as a sentence lists them.

        >>> Words.load().join(["3 on track", "2 completed", "1 minor delays"])
        '3 on track, 2 completed and 1 minor delays'
        """
        if len(items) < 2:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self.names['and']} " + items[-1]

    def markup(self, key: str, **values: Any):
        """``text`` for HTML: the words escaped, each value escaped unless it is already markup
        (``markupsafe.Markup``, as Jinja gives it), so that a link can go inside a sentence."""
        from markupsafe import Markup, escape

        return Markup(escape(self.texts[key])).format_map({**self.references(), **values})

    def references(self) -> dict[str, str]:
        """What ``{name}`` means in any text: both forms of every counted word (by their English
        names), the one form with "a" or "an" (``{an_action}``: "an action", "a step") and every
        name, each also with a capital letter."""
        return _references(self)

    def as_dict(self) -> dict[str, Any]:
        """Every entry, flat, as a template or a test reads it."""
        return {**{k: list(v) for k, v in self.counted.items()}, **self.names, **self.texts}


def article(one: str) -> str:
    """The one form with "a" or "an" before it, by its first letter: a site whose word the letter
    misleads ("an hour", "a user") writes it as the third form, ``[hour, hours, an hour]``.

    >>> article("action"), article("step"), article("Item")
    ('an action', 'a step', 'an Item')
    """
    return ("an " if one[:1].lower() in "aeiou" else "a ") + one


def _article_name(key: str) -> str:
    return "an_" + key if key[:1] in "aeiou" else "a_" + key


@lru_cache(maxsize=32)
def _references_cached(counted: tuple, names: tuple, articles: tuple) -> dict[str, str]:
    english_counted = english()["counted"]
    given = dict(articles)
    refs: dict[str, str] = {}
    for key, (one, other) in counted:
        refs[key] = one
        refs[english_counted[key][1]] = other
        refs[_article_name(key)] = given.get(key) or article(one)
    refs.update(names)
    refs.update({capital(name): capital(value) for name, value in list(refs.items())})
    return refs


def _references(words: Words) -> dict[str, str]:
    return _references_cached(tuple(words.counted.items()), tuple(words.names.items()),
                              tuple(words.articles.items()))


def reference_names(extra_names: Mapping[str, str] | None = None) -> set[str]:
    """Every ``{name}`` any text may use.

    >>> sorted(n for n in reference_names() if n.lower().startswith("area"))
    ['Area', 'Area_in_full', 'Areas', 'area', 'area_in_full', 'areas']
    """
    base = english()
    plain = set(base["names"]) | set(extra_names or {})
    for key, (_, other) in base["counted"].items():
        plain |= {key, other, _article_name(key)}
    return plain | {capital(name) for name in plain}


def _forms(value: Any) -> tuple[str, ...] | None:
    """A counted word as a site writes it: ``[one, other]`` or ``{one: ..., other: ...}``, and
    optionally the one form with its article: ``[hour, hours, an hour]`` or ``a: an hour``."""
    if isinstance(value, Mapping) and set(value) in ({"one", "other"}, {"one", "other", "a"}):
        value = [value["one"], value["other"], *([value["a"]] if "a" in value else [])]
    if isinstance(value, (list, tuple)) and len(value) in (2, 3) and all(isinstance(v, str) and v.strip()
                                                                          for v in value):
        return tuple(value)
    return None


def check(overrides: Mapping[str, Any], extra_names: Mapping[str, str] | None = None) -> list[str]:
    """Every reason a site's ``words:`` cannot be used, as sentences naming the key.

    >>> check({"aera": ["priority", "priorities"]})[0].split(";")[0]
    "words: 'aera' is not a word the site shows (did you mean 'area'?)"
    """
    if not isinstance(overrides, Mapping):
        return [f"words: must be a list of 'key: words' lines, not {type(overrides).__name__}"]
    base = english()
    known = sorted(set(base["counted"]) | set(base["names"]) | set(base["texts"]))
    refs = reference_names(extra_names)
    problems = []
    for key, value in overrides.items():
        where = f"words: '{key}'"
        if key in base["counted"]:
            one, other = base["counted"][key]
            if _forms(value) is None:
                problems.append(f"{where} is a word whose form follows a number: give both forms, "
                                f"one and more than one, as [{one}, {other}] is written")
        elif key in base["names"]:
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{where} must be a name written as text")
            elif "{" in value or "}" in value:
                problems.append(f"{where} is a name used inside other texts: it cannot use {{fields}}")
        elif key in base["texts"]:
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{where} must be text")
                continue
            try:
                used = fields(value)
            except ValueError as error:
                problems.append(f"{where}: {error}; write {{{{ and }}}} for a brace")
                continue
            given = set(fields(base["texts"][key]))
            allowed = given | refs
            for name in used:
                if name not in allowed:
                    own = ", ".join("{" + g + "}" for g in sorted(given - refs)) or "none of its own"
                    problems.append(f"{where} uses {{{name}}}, which this text is never given; it may use "
                                    f"{own}, and any counted word or name (for example {{area}}, {{board}})")
        elif key in (extra_names or {}):
            problems.append(f"{where} is a setting of its own: write it beside words:, not inside it")
        else:
            close = difflib.get_close_matches(str(key), known, n=3)
            hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
            problems.append(f"{where} is not a word the site shows{hint}; the known keys are: "
                            + ", ".join(known))
    return problems

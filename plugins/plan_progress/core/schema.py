"""The front-matter schema: every field of every kind of page, in one place.

This is the single source of truth: the build, ``scripts/validate`` and the
published JSON Schema (``schema/front-matter.schema.json``) all come from it.
Each field carries a plain-English description for the people who edit content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import ALLOWED as DATE_ALLOWED
from .dates import PartialDate

ACTION_ID = re.compile(r"^[1-9][0-9]*\.[1-9][0-9]*$")
PICTURE = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")

# Keys that MkDocs and mkdocs-material read themselves; allowed on every page.
THEME_KEYS = frozenset({"hide", "search", "template", "description", "icon", "subtitle", "tags"})


class Invalid(ValueError):
    """A value that does not fit its field: the message says what was found and what is allowed."""


def show(value) -> str:
    """A value as an editor would recognise it in an error message."""
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no (true/false)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return f"'{value}'"


class Kind:
    allowed = ""

    def check(self, value, ctx):
        raise NotImplementedError

    def json(self, ctx) -> dict:
        raise NotImplementedError


class Text(Kind):
    allowed = "some text"

    def check(self, value, ctx):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise Invalid(f"expected text, found {show(value)}")
        if not value.strip():
            raise Invalid("is empty; write some text or remove the field")
        return value.strip()

    def json(self, ctx):
        return {"type": ["string", "number"], "minLength": 1}


class ShortText(Text):
    """A short, plain label (a menu entry): no Markdown or HTML, at most ``limit`` characters."""

    def __init__(self, limit: int = 40):
        self.limit = limit
        self.allowed = f"plain text of at most {limit} characters, for example 'New IT system'"

    def check(self, value, ctx):
        value = super().check(value, ctx)
        if "\n" in value:
            raise Invalid("must be one line")
        marks = sorted(set(re.findall(r"[<>\[\]*_`#|\\{}]", value)))
        if marks:
            raise Invalid(f"'{value}' has {' '.join(marks)} in it; write plain words (no Markdown or HTML)")
        if len(value) > self.limit:
            raise Invalid(f"'{value}' is {len(value)} characters long; keep it to {self.limit} or fewer")
        return value

    def json(self, ctx):
        return {"type": "string", "minLength": 1, "maxLength": self.limit, "pattern": r"^[^<>\[\]*_`#|\\{}\n]+$"}


class Integer(Kind):
    allowed = "a whole number, for example 2"

    def check(self, value, ctx):
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"{show(value)} is not a whole number, for example 2")
        if value < 1:
            raise Invalid(f"{value} is not allowed; numbers start at 1")
        return value

    def json(self, ctx):
        return {"type": "integer", "minimum": 1}


class Boolean(Kind):
    def check(self, value, ctx):
        if not isinstance(value, bool):
            raise Invalid(f"{show(value)} is not allowed; write true or false")
        return value

    def json(self, ctx):
        return {"type": "boolean"}


class Date(Kind):
    allowed = DATE_ALLOWED

    def check(self, value, ctx):
        try:
            return PartialDate.parse(value)
        except ValueError as exc:
            raise Invalid(f"{exc}; use {DATE_ALLOWED}") from None

    def json(self, ctx):
        return {"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}


class ActionId(Kind):
    def check(self, value, ctx):
        if isinstance(value, float):
            text = getattr(value, "text", repr(value))
            raise Invalid(f"{text} must be in quotes, for example \"{text}\" "
                          f"(without quotes it is read as the number {float(value)!r})")
        if not isinstance(value, str) or not ACTION_ID.match(value.strip()):
            raise Invalid(f"{show(value)} is not an action number; write the area and action "
                          "number in quotes, for example \"2.10\"")
        return value.strip()

    def json(self, ctx):
        return {"type": "string", "pattern": ACTION_ID.pattern}


class Choice(Kind):
    def __init__(self, choices_of):
        self.choices_of = choices_of  # ctx -> list of allowed strings

    def check(self, value, ctx):
        choices = self.choices_of(ctx)
        if value not in choices:
            raise Invalid(f"{show(value)} is not one of {', '.join(choices)}")
        return value

    def json(self, ctx):
        return {"enum": list(self.choices_of(ctx))}


class Picture(Kind):
    def check(self, value, ctx):
        if not isinstance(value, str) or not PICTURE.match(value):
            raise Invalid(f"{show(value)} is not a picture name; write a set and an icon, "
                          "for example material/school")
        if ctx.icon_exists is not None and not ctx.icon_exists(value):
            raise Invalid(f"there is no picture called '{value}'; pick one from the theme's icon sets, "
                          "for example material/school")
        return value

    def json(self, ctx):
        return {"type": "string", "pattern": PICTURE.pattern}


class ListOf(Kind):
    def __init__(self, item: Kind):
        self.item = item

    def check(self, value, ctx):
        if value is None:
            return []
        if not isinstance(value, list):
            if isinstance(self.item, (Text, ActionId)) and isinstance(value, str):
                raise Invalid(f"expected a list, found {show(value)}; put each item on its own line "
                              f"starting with '- '")
            raise Invalid(f"expected a list, found {show(value)}")
        return value  # items are checked one by one by the validator

    def json(self, ctx):
        return {"type": "array", "items": self.item.json(ctx)}


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = False


class Record(Kind):
    """A group of fields: a whole page's front-matter, or one milestone, or one history entry."""

    def __init__(self, *fields: Field, name: str = ""):
        self.fields = {f.name: f for f in fields}
        self.name = name

    def check(self, value, ctx):
        if not isinstance(value, dict):
            raise Invalid(f"expected a group of fields ({', '.join(self.fields)}), found {show(value)}")
        return value

    def json(self, ctx):
        return {
            "type": "object",
            "properties": {
                f.name: {**f.kind.json(ctx), "description": f.description} for f in self.fields.values()
            },
            "required": [f.name for f in self.fields.values() if f.required],
        }


def _statuses(ctx):
    return ctx.status_keys


TYPE = Field("type", Choice(lambda ctx: list(PAGE_TYPES)),
             "What kind of page this is: home, area, action, you-said or glossary.", required=True)
EASY_READ = Field("easy_read", Text(),
                  "A few short sentences in easy read: one idea per sentence, at most 15 words each, everyday words.")
EASY_READ_PICTURE = Field("easy_read_picture", Picture(),
                          "A picture shown beside the easy-read text: an icon name such as material/school.")
CO_PRODUCED = Field("co_produced_with", ListOf(Text()),
                    "Who shaped this part of the plan, where the sources say so (for example Voice 4 Parents).")

RESOURCE = Record(
    Field("text", Text(), "The resource as written in the plan.", required=True),
    Field("kind", Choice(lambda ctx: ["additional", "existing"]),
          "Whether the plan marks it as Additional (A) or Existing (E). Leave out if the plan does not say."),
    name="resource",
)
MILESTONE = Record(
    Field("text", Text(), "The milestone as written in the plan.", required=True),
    Field("date", Date(), "When it is due, if the plan gives a date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    Field("done", Boolean(), "true once a source reports it done, false if a source says it is not. "
                             "Leave out when no source says."),
    name="milestone",
)
HISTORY = Record(
    Field("date", Date(), "The date of the rating (YYYY-MM-DD, YYYY-MM or YYYY).", required=True),
    Field("status", Choice(_statuses), "The rating given on that date.", required=True),
    Field("note", Text(), "One line saying what happened.", required=True),
    Field("source", Text(), "Where the rating comes from: a report, a meeting, a news item.", required=True),
    Field("url", Text(), "A link to the source, if it is published."),
    name="history entry",
)
YOU_SAID_ITEM = Record(
    Field("said", Text(), "What was said, word for word from the source: a statistic, a finding or a quote.",
          required=True),
    Field("kind", Choice(lambda ctx: ["statistic", "finding", "quote"]), "statistic, finding or quote."),
    Field("source", Text(), "Who said it and how, for example 'Voice 4 Parents annual survey 2021, 245 people'.",
          required=True),
    Field("date", Date(), "When it was said (YYYY-MM-DD, YYYY-MM or YYYY)."),
    Field("answered_by", ListOf(ActionId()),
          "The numbers of the actions that answer it, for example \"6.1\". Leave empty if no action does yet."),
    name="item",
)

GLOSSARY_TERM = Record(
    Field("term", Text(), "The word or abbreviation as it appears in the content, for example EHCP.", required=True),
    Field("stands_for", Text(), "What an abbreviation stands for, for example 'Education, Health and Care Plan'."),
    Field("meaning", Text(), "What it means, in plain words a parent would use.", required=True),
    Field("easy_read", Text(), "The meaning in easy read, if the plain meaning is not easy enough."),
    Field("match_case", Boolean(), "true to explain the term only where it is written with the same capital "
          "letters, for a name that is also an everyday word (the charity 'Contact', not 'contact us'). "
          "Abbreviations in capitals always match this way."),
    Field("not_in", ListOf(Text()), "Phrases in which the word means something else, so it is not explained "
          "there, for example 'device settings' for the term 'setting'. Each phrase must contain the term."),
    name="term",
)

HOME = Record(
    TYPE,
    Field("title", Text(), "The page title."),
    EASY_READ, EASY_READ_PICTURE,
    name="home",
)
AREA = Record(
    TYPE,
    Field("number", Integer(), "The area's number in the plan, for example 2.", required=True),
    Field("title", Text(), "A short title for the area, for example 'EHC plans'.", required=True),
    Field("finding", Text(), "The weakness the inspectors found, as worded in the plan.", required=True),
    Field("aim", Text(), "The plan's aim for this area, as worded in the plan ('To ...').", required=True),
    Field("outcomes", ListOf(Text()), "The intended outcomes listed under the area in the plan."),
    CO_PRODUCED, EASY_READ, EASY_READ_PICTURE,
    Field("easy_read_title", Text(), "The area's title in easy read, for the easy-read pages "
                                     "(checked like easy-read text)."),
    name="area",
)
ACTION = Record(
    TYPE,
    Field("id", ActionId(), "The action's number in the plan, in quotes, for example \"2.10\".", required=True),
    Field("title", Text(), "The action as written in the plan, word for word.", required=True),
    Field("short_title", ShortText(), "A few words naming the action, taken from the plan's own words, for the "
                                      "menu, the page's tab title and the previous/next links (the full title "
                                      "stays the page heading). Without it they show the full title."),
    Field("leads", ListOf(Text()), "The lead officer or officers, as written in the plan."),
    Field("evidence", ListOf(Text()), "The plan's 'Evidence' column."),
    Field("accountability", ListOf(Text()), "The plan's 'Accountability measures' column."),
    Field("outcomes", ListOf(Text()), "The plan's 'Intended outcome/Impact' column."),
    Field("resources", ListOf(RESOURCE), "The plan's 'Resources' column, one item each."),
    Field("milestones", ListOf(MILESTONE), "The plan's 'Key milestones', one item each."),
    Field("due", Date(), "The completion date (YYYY-MM or YYYY-MM-DD); a month means the end of that month."),
    Field("due_text", Text(), "The completion date as the plan words it, when that is not a plain date "
                              "(for example 'Ongoing through cycle of continuous improvement')."),
    Field("status", Choice(_statuses), "The current rating. It must match the newest history entry.",
          required=True),
    Field("history", ListOf(HISTORY), "Every rating so far, each with its date, note and source."),
    Field("waiting_on", ListOf(ActionId()), "For an action waiting to start: the numbers of the actions it waits on."),
    CO_PRODUCED, EASY_READ, EASY_READ_PICTURE,
    name="action",
)
YOU_SAID = Record(
    TYPE,
    Field("theme", Text(), "The theme, for example 'Mental health'.", required=True),
    Field("intro", Text(), "A sentence introducing the theme."),
    Field("items", ListOf(YOU_SAID_ITEM), "What families or young people said, one item each."),
    EASY_READ, EASY_READ_PICTURE,
    name="you-said",
)

GLOSSARY = Record(
    TYPE,
    Field("title", Text(), "The page title."),
    Field("terms", ListOf(GLOSSARY_TERM), "Every term and abbreviation used on the site, one item each.",
          required=True),
    name="glossary",
)

PAGE_TYPES: dict[str, Record] = {"home": HOME, "area": AREA, "action": ACTION, "you-said": YOU_SAID,
                                 "glossary": GLOSSARY}


@dataclass
class Context:
    """What validation needs to know from configuration."""

    status_keys: list[str]
    icon_exists: object = None  # callable(name) -> bool, or None to skip the check


def json_schema(ctx: Context) -> dict:
    """The JSON Schema of every page's front-matter, for editors' tools and for people to read."""
    variants = []
    for name, record in PAGE_TYPES.items():
        schema = record.json(ctx)
        schema["properties"]["type"] = {"const": name, "description": TYPE.description}
        schema["title"] = f"{name} page"
        variants.append(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Front-matter of a plan progress page",
        "description": "The fields at the top of each Markdown page, between the two '---' lines.",
        "oneOf": variants,
    }

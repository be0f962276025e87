"""The front-matter schema: every field of every kind of page, in one place.

This is the single source of truth: the build, ``scripts/validate`` and the
published JSON Schema (``schema/front-matter.schema.json``) all come from it.
Each field carries a plain-English description for the people who edit content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import ALLOWED as DATE_ALLOWED
from .dates import SOURCE_ALLOWED, PartialDate, SourceDate
from .links import ALLOWED_LINKS, safe_url
from .model import SAID_BY
from .suggest import did_you_mean

ACTION_ID = re.compile(r"^[1-9][0-9]*\.[1-9][0-9]*$")
# An easy-read picture: a file under the site's pictures folder, for example openmoji/1F4C5 (".svg" assumed)
# or own/town-hall.png. Letters, digits, '-' and '_' in each part; no '..', no absolute paths.
PICTURE_FILE = re.compile(r"^[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*(?:\.(?:svg|png|jpg|jpeg|webp))?$")

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


class Link(Kind):
    """A link: an https://, http:// or mailto: address, or a path on this site (see links.safe_url)."""

    allowed = ALLOWED_LINKS

    def check(self, value, ctx):
        value = Text().check(value, ctx)
        problem = safe_url(value)
        if problem:
            raise Invalid(problem)
        return value

    def json(self, ctx):
        return {"type": "string", "minLength": 1, "not": {"pattern": r"^\s|^//|\\"},
                "pattern": r"^(https?://[^/?#\s]+|mailto:|[^:/?#\s]*([/?#]|$)|/[^/])"}


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


class SourceDay(Kind):
    """A date as precisely as a source gives it: a day, a month, a year, or a month with no year."""

    allowed = SOURCE_ALLOWED

    def check(self, value, ctx):
        try:
            return SourceDate.parse(value)
        except ValueError as exc:
            raise Invalid(str(exc)) from None

    def json(self, ctx):
        return {"type": ["string", "integer"]}


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
            hint = did_you_mean(value, choices) if isinstance(value, str) else ""
            raise Invalid(f"{show(value)} is not one of {', '.join(choices)}{hint}")
        return value

    def json(self, ctx):
        return {"enum": list(self.choices_of(ctx))}


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


# -- easy read: ideas, each with a picture and what the picture shows ------------------------------------

# Alt text that names a file or an icon instead of saying what the picture shows.
_HEX_CODE = re.compile(r"^(?:U\+)?[0-9A-Fa-f]{4,6}(?:[-_ ][0-9A-Fa-f]{4,6})*$")
_FILE_NAME = re.compile(r"\.(?:svg|png|jpe?g|gif|webp)\b|[/\\_]|^[a-z0-9]+(?:-[a-z0-9]+)+$", re.IGNORECASE)
_LABEL_PREFIX = re.compile(r"^(?:picture|image|icon|graphic|pictogram|emoji)\b\s*(?:of\b|:)?", re.IGNORECASE)


def slug(text: str) -> str:
    """'Transit connection variant' -> 'transit-connection-variant': how icon files are named."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


class EasyPicture(Kind):
    allowed = "a picture file under the site's pictures folder, for example openmoji/1F4C5"

    def check(self, value, ctx):
        if not isinstance(value, str) or not PICTURE_FILE.match(value.strip()):
            raise Invalid(f"{show(value)} is not a picture name; write the picture's file under the pictures "
                          "folder, for example openmoji/1F4C5 (for openmoji/1F4C5.svg)")
        value = value.strip()
        if ctx.picture_file is not None and ctx.picture_file(value) is None:
            raise Invalid(f"there is no picture called '{value}' in the pictures folder; add its file there "
                          "(see the folder's README.txt for the pictures already there)")
        return value

    def json(self, ctx):
        return {"type": "string", "pattern": PICTURE_FILE.pattern}


class AltText(Kind):
    """What a picture shows, for people who cannot see it. '' (written alt: "") only where the words say it all."""

    allowed = "a few words saying what the picture shows, for example 'A calendar'"

    def check(self, value, ctx):
        if value == "":
            return ""  # written alt: "" on purpose: the picture adds nothing the words do not say
        if not isinstance(value, str) or not value.strip():
            raise Invalid(f"expected a few words saying what the picture shows, found {show(value)}; write, for "
                          "example, 'A calendar', or alt: \"\" if the words beside it say it all")
        text = " ".join(value.split())
        reason = None
        if _HEX_CODE.match(text):
            reason = "is a code, not a description"
        elif _FILE_NAME.search(text):
            reason = "looks like a file or icon name"
        elif _LABEL_PREFIX.match(text):
            reason = "starts by saying it is a picture; screen readers say that already"
        elif ctx.is_icon_name is not None and ctx.is_icon_name(slug(text)):
            reason = "is the name of an icon, not a description of what it shows"
        if reason:
            raise Invalid(f"'{text}' {reason}; write what the picture shows in everyday words, for example "
                          "'A calendar' or 'A parent and child talking', or alt: \"\" if the words beside it "
                          "say it all")
        return text

    def json(self, ctx):
        return {"type": "string"}


IDEA = Record(
    Field("picture", EasyPicture(), "The picture beside this idea: a file under the pictures folder, for example "
                                    "openmoji/1F4C5.", required=True),
    Field("alt", AltText(), "What the picture shows, in everyday words, for example 'A calendar'. Write alt: \"\" "
                            "only where the words beside it say it all.", required=True),
    Field("text", Text(), "The idea in 1 to 3 short sentences, one a line: at most 15 words each, everyday words.",
          required=True),
    name="idea",
)


class Ideas(ListOf):
    """easy_read: a list of ideas. The old form (a block of text and one easy_read_picture) gets a clear message."""

    def __init__(self):
        super().__init__(IDEA)

    def check(self, value, ctx):
        if isinstance(value, str):
            raise Invalid("is a block of text; easy read is now a list of ideas, each with its own picture. "
                          "Write each idea as '- picture: openmoji/1F4C5', 'alt: what the picture shows' and "
                          "'text: |' with its sentences (see EDITING.md, 'Write easy read')")
        value = super().check(value, ctx)
        if not value:
            raise Invalid("has no ideas; add at least one, or remove the field")
        return value


# Fields that no longer exist, and what to do instead (shown instead of "is not a field").
RETIRED = {
    "easy_read_picture": "is no longer used: each idea under easy_read has its own picture; move this picture "
                         "to the idea it shows (picture: and alt:) and delete this line",
}


def _statuses(ctx):
    return ctx.status_keys


TYPE = Field("type", Choice(lambda ctx: list(PAGE_TYPES)),
             "What kind of page this is: home, area, action, you-said, glossary or update.", required=True)
EASY_READ = Field("easy_read", Ideas(),
                  "The page in easy read, one idea at a time: each idea has a picture, what the picture shows "
                  "(alt) and 1 to 3 short sentences (text), at most 15 words each, everyday words.")
EASY_READ_TITLE = Field("easy_read_title", Text(),
                        "The heading in easy read: what this is about, in everyday words (for example 'Finishing "
                        "plans on time'). Needed when there is easy-read text; checked like it.")
CO_PRODUCED = Field("co_produced_with", ListOf(Text()),
                    "Who shaped this part of the plan, where the sources say so (for example a parent carer forum).")

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
    Field("url", Link(), "A link to the source, if it is published: an address starting with https://, "
                         "http:// or mailto:, or a path on this site."),
    name="history entry",
)
class ActionLink(Record):
    """One link from a "You said" item to an action: its number and one line on what it does about it."""

    def check(self, value, ctx):
        if isinstance(value, (str, float)) and not isinstance(value, bool):
            number = getattr(value, "text", value)
            raise Invalid(f"'{number}' is an action number on its own; write each link as two lines: "
                          f"'- action: \"{number}\"' and, under it, 'how: ' and one line on what the action "
                          "does about what was said")
        return super().check(value, ctx)


def _action_link(what: str) -> ActionLink:
    return ActionLink(
        Field("action", ActionId(), "The action's number, in quotes, for example \"6.6\".", required=True),
        Field("how", Text(), f"One short line, in the plan's own words where possible, on {what}.",
              required=True),
        name="link to an action",
    )


YOU_SAID_ITEM = Record(
    Field("said", Text(), "What was said, word for word from the source: a statistic, a finding or a quote.",
          required=True),
    Field("kind", Choice(lambda ctx: ["statistic", "finding", "quote"]), "statistic, finding or quote."),
    Field("source", Text(), "Who said it and how, for example 'Parent and carer survey, 120 replies'.",
          required=True),
    Field("date", Date(), "When it was said (YYYY-MM-DD, YYYY-MM or YYYY)."),
    Field("answered_by", ListOf(_action_link("what the action commits to that answers what was said")),
          "The actions that answer it: each an 'action' number and a 'how' line saying what the action "
          "does about it. Only actions whose own words in the plan commit to it. Leave out if none does: "
          "the item is then shown as a gap."),
    Field("related_to", ListOf(_action_link("how the action touches the subject without answering it")),
          "Actions that touch the subject but do not commit to what was asked: each an 'action' number "
          "and a 'how' line. Shown as 'related', never as an answer."),
    name="item",
)

GLOSSARY_TERM = Record(
    Field("term", Text(), "The word or abbreviation as it appears in the content, for example KPI.", required=True),
    Field("stands_for", Text(), "What an abbreviation stands for, as it reads mid-sentence (it is shown in "
          "brackets after the abbreviation's first use), for example 'key performance indicator'."),
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
    EASY_READ_TITLE, EASY_READ,
    name="home",
)
AREA = Record(
    TYPE,
    Field("number", Integer(), "The area's number in the plan, for example 2.", required=True),
    Field("title", Text(), "A short title for the area, for example 'Early help'.", required=True),
    Field("finding", Text(), "What the plan says must improve in this area (for example an inspection's finding), "
                               "as worded in the plan.", required=True),
    Field("aim", Text(), "The plan's aim for this area, as worded in the plan ('To ...').", required=True),
    Field("outcomes", ListOf(Text()), "The intended outcomes listed under the area in the plan."),
    CO_PRODUCED, EASY_READ_TITLE, EASY_READ,
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
                              "(for example 'Ongoing' or 'Every term')."),
    Field("status", Choice(_statuses), "The current rating. It must match the newest history entry.",
          required=True),
    Field("history", ListOf(HISTORY), "Every rating so far, each with its date, note and source."),
    Field("waiting_on", ListOf(ActionId()), "For an action waiting to start: the numbers of the actions it waits on."),
    CO_PRODUCED, EASY_READ_TITLE, EASY_READ,
    name="action",
)
YOU_SAID = Record(
    TYPE,
    Field("theme", Text(), "The theme, for example 'Mental health'.", required=True),
    Field("intro", Text(), "A sentence introducing the theme."),
    Field("said_by", Choice(lambda ctx: list(SAID_BY)), "Who said what the theme holds: families (the "
          "default: parents, carers, young people) or inspectors (their findings, counted and shown apart "
          "from what families said)."),
    Field("items", ListOf(YOU_SAID_ITEM), "What families or young people said, one item each."),
    EASY_READ_TITLE, EASY_READ,
    name="you-said",
)

GLOSSARY = Record(
    TYPE,
    Field("title", Text(), "The page title."),
    Field("terms", ListOf(GLOSSARY_TERM), "Every term and abbreviation used on the site, one item each.",
          required=True),
    name="glossary",
)

UPDATE_SOURCE = Record(
    Field("title", Text(), "The source's title, as it gives it (or a short description if it has none).",
          required=True),
    Field("publisher", Text(), "Who published it, for example the organisation that runs the plan.", required=True),
    Field("date", Text(), "The source's date exactly as the source gives it, for example 'Tuesday 8 March 2022' "
                          "or 'a September meeting; the year is not given'.", required=True),
    Field("file", Text(), "The file in the sources folder it is copied from, for example "
                          "press-release-2022-03-08.txt (the tests find every quote in it)."),
    Field("url", Link(), "The source's public address, if it has one."),
    name="source",
)
UPDATE_POINT = Record(
    Field("quote", Text(), "What the source says, word for word.", required=True),
    Field("summary", Text(), "The same in plain words a parent would use, without adding anything.",
          required=True),
    Field("easy_read", Text(), "The same in easy read: 1 to 3 short sentences, one a line, everyday words."),
    Field("areas", ListOf(Integer()), "The numbers of the areas this point is about, where the source says so."),
    Field("actions", ListOf(ActionId()), "The numbers of the actions this point is about, in quotes, where the "
                                         "source says so, for example \"6.6\"."),
    name="point",
)
UPDATE = Record(
    TYPE,
    Field("title", Text(), "A short heading for the update, for example 'News: 5 of the 6 areas closed'.",
          required=True),
    Field("date", SourceDay(), "The date of what the source reports, as precisely as the source gives it: "
                               "2022-03-08, 2022-03, 2022 or 'September, year not given'.", required=True),
    Field("after", Date(), "For a date with no year: a date the update is known to be later than "
                           "(YYYY-MM-DD, YYYY-MM or YYYY). Updates are put in order by it."),
    Field("order", Text(), "For a date with no year: why the update is later than 'after', from the source."),
    Field("source", UPDATE_SOURCE, "Where the update comes from: title, publisher, date as given, file, url.",
          required=True),
    Field("summary", Text(), "What the source says about progress, in plain words, without adding anything. "
                             "Say what it leaves out (for example which area is still open).", required=True),
    Field("easy_read_summary", Text(), "The summary in easy read: 1 to 3 short sentences, one a line."),
    Field("plan_published", Boolean(), "true when this update is the publication of the plan itself."),
    Field("says", ListOf(UPDATE_POINT), "What the source says, one point each: the words, in plain words, and "
                                        "the areas and actions it is about.", required=True),
    name="update",
)

PAGE_TYPES: dict[str, Record] = {"home": HOME, "area": AREA, "action": ACTION, "you-said": YOU_SAID,
                                 "glossary": GLOSSARY, "update": UPDATE}


@dataclass
class Context:
    """What validation needs to know from configuration."""

    status_keys: list[str]
    icon_exists: object = None  # callable(name) -> bool: the theme has that icon (None: do not check)
    picture_file: object = None  # callable(name) -> the picture's path in the site, or None; None: skip
    is_icon_name: object = None  # callable(slug) -> bool: an icon set has a file of that name


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

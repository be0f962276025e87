"""The status scale: which ratings exist, what they mean and how they look.

The scale is configuration, not code. ``DEFAULT_SCALE`` is the Written Statement
of Action's own RAG scale plus one honest extra state for actions that no
source has rated yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .words import Words

MIN_CONTRAST = 4.5
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


@dataclass(frozen=True)
class Status:
    key: str
    label: str
    meaning: str
    text_colour: str
    background: str
    icon: str = "material/circle"
    done: bool = False  # counts as completed: never overdue
    rated: bool = True  # False for the "no source has rated this yet" state
    easy_read: str = ""  # what the status means, in easy read
    easy_label: str = ""  # the status's name in easy read ("Very late"); empty: the label
    easy_read_picture: str = ""  # a picture under the site's pictures folder, for example openmoji/23F3
    easy_read_alt: str = ""  # what that picture shows
    # How many actions have it, as an easy-read sentence: [one, other], {count} is the number
    # ("{count} things are on time."). Empty: "3 things: On time" (easy_status_count).
    easy_count: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "easy_count", tuple(self.easy_count or ()))

    @property
    def css_class(self) -> str:
        return f"pp-badge--{self.key}"

    def easy_count_sentence(self, number: int) -> str:
        """The easy_count sentence for ``number`` actions ("" without one).

        >>> DEFAULT_SCALE[5].easy_count_sentence(1), DEFAULT_SCALE[5].easy_count_sentence(17)
        ('1 thing has no score yet.', '17 things have no score yet.')
        """
        if len(self.easy_count) != 2:
            return ""
        return self.easy_count[0 if number == 1 else 1].replace("{count}", str(number))


DEFAULT_SCALE: tuple[Status, ...] = (
    Status("red", "Significantly delayed", "Action significantly delayed (requiring intervention).",
           "#2a0b06", "#f4cdc6", "material/alert-octagon",
           easy_read="This is very late.\nIt needs extra help to get going again.", easy_label="Very late",
           easy_read_picture="openmoji/2757", easy_read_alt="A red exclamation mark",
           easy_count=("{count} thing is very late.", "{count} things are very late.")),
    Status("amber", "Minor delays", "Action in progress, minor delays.",
           "#4b2200", "#fcd6c3", "material/alert",
           easy_read="This is happening.\nIt is a little late.", easy_label="A little late",
           easy_read_picture="openmoji/23F0", easy_read_alt="An alarm clock",
           easy_count=("{count} thing is a little late.", "{count} things are a little late.")),
    Status("green", "On track", "Action on track.",
           "#005a30", "#cce2d8", "material/arrow-right-circle",
           easy_read="This is happening.\nIt is on time.", easy_label="On time",
           easy_read_picture="openmoji/1F44D", easy_read_alt="A thumbs up",
           easy_count=("{count} thing is on time.", "{count} things are on time.")),
    Status("blue", "Completed", "Completed and embedded.",
           "#0c2d4a", "#bbd4ea", "material/check-circle", done=True,
           easy_read="This is done.\nIt is now part of how things work.", easy_label="Done",
           easy_read_picture="openmoji/2705", easy_read_alt="A tick in a box",
           easy_count=("{count} thing is done.", "{count} things are done.")),
    Status("pink", "Waiting to start",
           "Action not yet started, as dependent on or awaiting other actions to be completed first.",
           "#6b1c40", "#efdfed", "material/pause-circle",
           easy_read="This has not started yet.\nIt is waiting for other work to finish first.",
           easy_label="Waiting to start", easy_read_picture="openmoji/23F8",
           easy_read_alt="A pause button",
           easy_count=("{count} thing is waiting to start.", "{count} things are waiting to start.")),
    Status("not-rated", "Not yet rated", "No published source has rated this action's progress yet.",
           "#282d30", "#e5e6e7", "material/help-circle-outline", rated=False,
           easy_read="No one has given this a score yet.", easy_label="No score yet",
           easy_read_picture="openmoji/2754", easy_read_alt="A question mark",
           easy_count=("{count} thing has no score yet.", "{count} things have no score yet.")),
)


def default_scale(words: Words | None = None) -> tuple[Status, ...]:
    """The default scale in the site's words: its meanings name actions by the site's ``action``, its
    easy-read counts by its ``thing``.

    >>> from plan_progress.core.words import Words
    >>> steps = default_scale(Words.load({"action": ["step", "steps"], "thing": ["job", "jobs"]}))
    >>> steps[2].meaning, steps[5].meaning, steps[2].easy_count_sentence(2)
    ('Step on track.', "No published source has rated this step's progress yet.", '2 jobs are on time.')
    """
    if words is None:
        return DEFAULT_SCALE

    def named(key: str):
        one, other = words.counted[key]
        forms = {key: one, english_plural[key]: other}

        def name(match: re.Match) -> str:
            word = forms[match.group(0).lower()]
            return word[:1].upper() + word[1:] if match.group(0)[0].isupper() else word
        return lambda text: re.sub(rf"\b(?:{key}|{key.capitalize()})s?\b", name, text)
    english_plural = {"action": "actions", "thing": "things"}
    action, thing = named("action"), named("thing")
    return tuple(replace(status, meaning=action(status.meaning),
                         easy_count=tuple(thing(sentence) for sentence in status.easy_count))
                 for status in DEFAULT_SCALE)


def _channel(c: float) -> float:
    c = c / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(ch * 2 for ch in h)
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours.

    >>> round(contrast("#000000", "#ffffff"), 1)
    21.0
    """
    a, b = luminance(foreground), luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def is_colour(value: str) -> bool:
    return isinstance(value, str) and bool(_HEX.match(value))


def check_scale(scale: tuple[Status, ...] | list[Status]) -> list[str]:
    """Every reason the scale cannot be used, as sentences for the config error."""
    problems: list[str] = []
    seen: set[str] = set()
    for status in scale:
        name = f"status '{status.key}'"
        if not re.match(r"^[a-z0-9][a-z0-9-]*$", status.key or ""):
            problems.append(f"{name}: key must be lower-case letters, digits and hyphens")
        if status.key in seen:
            problems.append(f"{name}: the key is used twice")
        seen.add(status.key)
        colours_ok = True
        for field_name in ("text_colour", "background"):
            value = getattr(status, field_name)
            if not is_colour(value):
                problems.append(f"{name}: {field_name} '{value}' is not a colour written #rrggbb")
                colours_ok = False
        if status.easy_count and (len(status.easy_count) != 2
                                  or not all(isinstance(f, str) and "{count}" in f for f in status.easy_count)):
            problems.append(f"{name}: easy_count must be two sentences, for one and for more than one, each "
                            "with {count} where the number goes, for example "
                            "['{count} thing is on time.', '{count} things are on time.']")
        if colours_ok:
            ratio = contrast(status.text_colour, status.background)
            if ratio < MIN_CONTRAST:
                problems.append(
                    f"{name}: text {status.text_colour} on {status.background} has a contrast of "
                    f"{ratio:.2f}:1; it must be at least {MIN_CONTRAST}:1 (WCAG 2 AA). "
                    "Darken the text or lighten the background")
    if scale and sum(1 for s in scale if not s.rated) > 1:
        problems.append("only one status may have rated: false (the 'not yet rated' state)")
    if not scale:
        problems.append("the status scale is empty")
    return problems

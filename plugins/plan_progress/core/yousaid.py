"""What a "You said" page may claim: headings and labels that say no more than the actions' statuses
show, and what families said kept apart from what inspectors found.

"You said, we did" is a promise kept: it heads only what completed actions answer. Where the actions
have a published rating but are not all completed, the words are "what we are doing"; where any of
them has no rating yet, all the site knows is what the plan says it will do, and it says that.

>>> from .scale import Status
>>> from .model import Action, Theme, YouSaidItem, SaidLink
>>> done = Status("blue", "Completed", "#000", "", "", done=True)
>>> amber = Status("amber", "In progress", "#000", "", "")
>>> unrated = Status("none", "Not yet rated", "#000", "", "", rated=False)
>>> def item(*statuses, said_by=FAMILIES):
...     theme = Theme("Health", "you-said/health.md", "content/you-said/health.md", said_by=said_by)
...     it = YouSaidItem("Waits are long", "Survey", theme)
...     it.links = [SaidLink(it, Action(f"1.{n}", "A", "a.md", "a.md", None, s), "how")
...                 for n, s in enumerate(statuses)]
...     return it
>>> state([item(done), item(done, done)]), state([item(done), item(amber)]), state([item(done, unrated)])
('done', 'rated', 'planned')
>>> state([item()]), state([])
('planned', 'planned')
>>> key("we_did_label", [item(amber)]), key("you_said_title", [item(unrated), item(done)])
('we_did_label_rated', 'you_said_title_planned')
>>> who([item(), item(said_by=INSPECTORS)]), who([item(said_by=INSPECTORS)]), who([])
('both', 'inspectors', 'families')
>>> key_by_who("answers_heading", [item(said_by=INSPECTORS)]), theme_key("you_said_theme_title", item().theme)
('answers_heading_findings', 'you_said_theme_title')
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import FAMILIES, INSPECTORS, Plan, Theme, YouSaidItem

DONE, RATED, PLANNED = "done", "rated", "planned"

# The word-list key's ending for each state ("we_did_label", "we_did_label_rated", ...).
_STATE_SUFFIX = {DONE: "", RATED: "_rated", PLANNED: "_planned"}
# ... and for who said what the items hold.
_WHO_SUFFIX = {FAMILIES: "", INSPECTORS: "_findings", "both": "_both"}


def state(items: Iterable[YouSaidItem]) -> str:
    """How far the actions that answer ``items`` have got, as far as anyone has published: "done"
    only if every one of them is completed, "rated" if every one has a published rating, otherwise
    "planned" (all that is known is what the plan says). Items no action answers add nothing; with
    no answering action at all, "planned"."""
    actions = [action for item in items for action in item.answered_by]
    if not actions:
        return PLANNED
    if all(action.status.done for action in actions):
        return DONE
    if all(action.status.rated for action in actions):
        return RATED
    return PLANNED


def key(base: str, items: Iterable[YouSaidItem]) -> str:
    """The word-list key for a heading or label over ``items`` that claims only what their state shows."""
    return base + _STATE_SUFFIX[state(items)]


def who(items: Iterable[YouSaidItem]) -> str:
    """Who said what ``items`` hold: "families", "inspectors" or "both" (no items: "families")."""
    said_by = {item.theme.said_by for item in items}
    if len(said_by) > 1:
        return "both"
    return said_by.pop() if said_by else FAMILIES


def key_by_who(base: str, items: Iterable[YouSaidItem]) -> str:
    """The word-list key for a text about ``items`` that names who said them."""
    return base + _WHO_SUFFIX[who(items)]


def theme_key(base: str, theme: Theme) -> str:
    """The word-list key for a text about one theme that names who said what it holds."""
    return base + _WHO_SUFFIX[theme.said_by]


def every_item(plan: Plan) -> list[YouSaidItem]:
    """Every item of every theme of the plan, in order."""
    return [item for theme in plan.themes for item in theme.items]


def by(items: Iterable[YouSaidItem], said_by: str) -> list[YouSaidItem]:
    """The items said by ``said_by`` ("families" or "inspectors"), counted apart."""
    return [item for item in items if item.theme.said_by == said_by]

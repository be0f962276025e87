"""Which form of content this plugin reads (the content schema's version), and what to say when a
site's content or settings are written for another one.

A site may state the form it is written in, under the plugin's settings in mkdocs.yml::

    plugins:
      - plan-progress:
          schema_version: 2

A stated version older than ``SCHEMA_VERSION`` stops the build before any page is read, and says to
run ``./scripts/migrate``; a newer one says to upgrade the plugin. Content that states nothing but
is written in an older form fails on its own fields as before, and ``old_form_problem`` adds one
line naming the form it is in and the command that converts it. CHANGELOG.md lists every change.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import __version__
from .problems import ERROR, Problem

# The form of content this plugin reads. Raise it (and add to FORMS and to cli/migrate.py) when a
# change makes content that worked before fail.
SCHEMA_VERSION = 2

# schema_version -> the releases that read it and what changed from the one before.
FORMS = {
    1: "plan-progress 0.1.x: easy_read a block of text with one easy_read_picture; You said links a "
       "list of action numbers",
    2: "plan-progress 0.2.0 and later: easy_read a list of ideas, each with its picture, alt text and "
       "sentences, under an easy_read_title; each You said link an action with a how line",
}
MIGRATE = ("run ./scripts/migrate to see every change it would make (it writes nothing), then "
           "./scripts/migrate --write to make them; CHANGELOG.md says what changed and what to do")
# Pages whose own easy_read (at the top of the front-matter) is read as ideas. A glossary term's
# easy_read is still a sentence or two of text.
EASY_READ_PAGES = ("home", "area", "action", "you-said")


def stated_version_problem(stated: int | None) -> str | None:
    """What is wrong with the ``schema_version`` a site states, or None (not stated, or this one).

    >>> stated_version_problem(None) is None, stated_version_problem(SCHEMA_VERSION) is None
    (True, True)
    >>> print(stated_version_problem(1))  # doctest: +ELLIPSIS
    schema_version: 1 in mkdocs.yml: the content is written for plan-progress 0.1.x; this plugin ... reads \
schema_version 2. To convert it, run ./scripts/migrate ...
    """
    if stated is None or stated == SCHEMA_VERSION:
        return None
    if isinstance(stated, bool) or not isinstance(stated, int) or stated < 1:
        return (f"schema_version: '{stated}' in mkdocs.yml is not a version of the content's form; write "
                f"schema_version: {SCHEMA_VERSION}, the form this plugin reads")
    if stated > SCHEMA_VERSION:
        return (f"schema_version: {stated} in mkdocs.yml is newer than this plugin ({__version__}) reads "
                f"(schema_version {SCHEMA_VERSION}); upgrade the plugin: pip install --upgrade "
                "mkdocs-plan-progress (CHANGELOG.md says which release reads it)")
    written_for = FORMS.get(stated, "an older plan-progress").split(":")[0]
    return (f"schema_version: {stated} in mkdocs.yml: the content is written for {written_for}; this plugin "
            f"({__version__}) reads schema_version {SCHEMA_VERSION}. To convert it, {MIGRATE}")


def old_forms(data: Mapping) -> list[str]:
    """What in one page's front-matter (as read) is written in schema_version 1.

    >>> old_forms({"type": "action", "easy_read": "We will do this.", "easy_read_picture": "material/laptop"})
    ['easy_read is a block of text', 'easy_read_picture']
    >>> old_forms({"type": "you-said", "items": [{"answered_by": ["1.3"]}, {"related_to": [{"action": "1.2"}]}]})
    ['You said links that are only action numbers']
    >>> old_forms({"type": "glossary", "terms": [{"term": "SEND", "easy_read": "Help at school."}]})
    []
    """
    if not isinstance(data, Mapping) or data.get("type") not in EASY_READ_PAGES:
        return []
    found = []
    if isinstance(data.get("easy_read"), str):
        found.append("easy_read is a block of text")
    if "easy_read_picture" in data:
        found.append("easy_read_picture")
    items = data.get("items") if data.get("type") == "you-said" else None
    for item in items if isinstance(items, list) else []:
        links: list = []
        for key in ("answered_by", "related_to"):
            value = item.get(key) if isinstance(item, Mapping) else None
            links += value if isinstance(value, list) else []
        if any(isinstance(link, (str, int, float)) and not isinstance(link, bool) for link in links):
            found.append("You said links that are only action numbers")
            break
    return found


def old_form_problem(config_name: str, pages: Mapping[str, list[str]], errors: bool) -> Problem | None:
    """One problem saying that the content is in an older form, naming the files, or None.

    ``pages`` maps each file's path to ``old_forms`` of it; ``errors`` says whether those forms made
    errors (else the problem is a warning, as the retired field alone is).
    """
    old = {path: forms for path, forms in pages.items() if forms}
    if not old:
        return None
    shown = sorted(old)
    files = ", ".join(shown[:3]) + (f" and {len(shown) - 3} more" if len(shown) > 3 else "")
    message = (f"the content is written in an older form (schema_version 1, {FORMS[1].split(':')[0]}) than "
               f"this plugin ({__version__}) reads (schema_version {SCHEMA_VERSION}): {files}. To convert it, "
               f"{MIGRATE}")
    return Problem(config_name, None, "schema_version", message, ERROR if errors else "warning")

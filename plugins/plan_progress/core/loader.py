"""Read every page, validate its front-matter against the schema, and build the Plan.

All problems are collected; the caller decides what to do with them (the build
fails on any error, and strict mode on any warning).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

from . import easyread, schema
from .frontmatter import Source, decode, parse
from .model import (
    ANSWERS,
    FAMILIES,
    RELATED,
    Action,
    Area,
    HistoryEntry,
    Home,
    Idea,
    Milestone,
    Plan,
    Resource,
    SaidLink,
    Term,
    Theme,
    Update,
    UpdatePoint,
    YouSaidItem,
)
from .problems import Problems
from .scale import Status
from .suggest import did_you_mean

_ID_LINE = re.compile(r"""^id:[ \t]*["']?([0-9]+\.[0-9]+)["']?[ \t]*$""", re.MULTILINE)


@dataclass
class RawPage:
    """A Markdown file as found on disk: where it is, for people and for the site, and its bytes."""

    path: str
    uri: str
    raw: bytes


def read_sources(pages: list[RawPage], problems: Problems, body_check=None) -> list[Source]:
    """Every page that can be read; ``body_check(source, problems)`` checks each one's Markdown body."""
    sources = []
    for page in pages:
        text = decode(page.raw, page.path, problems)
        if text is None:
            continue
        source = parse(text, page.path, page.uri, problems)
        if source is not None:
            sources.append(source)
            if body_check is not None:
                body_check(source, problems)
    return sources


def check_record(source: Source, record: schema.Record, value: dict, ctx: schema.Context,
                 problems: Problems, parts: list) -> dict:
    """Check one group of fields; return the clean values of the fields that passed."""
    clean: dict = {}
    for name, spec in record.fields.items():
        if name not in value or value[name] is None:
            if spec.required:
                where = parts + [name] if name in value else parts  # "alt:" with nothing after it: that line
                problems.error(source.path, source.line(*where), _label(parts + [name]),
                               f"is missing; every {record.name} needs it ({spec.description})")
            continue
        field_parts = parts + [name]
        try:
            checked = spec.kind.check(value[name], ctx)
        except schema.Invalid as exc:
            problems.error(source.path, source.line(*field_parts), _label(field_parts), str(exc))
            continue
        if isinstance(spec.kind, schema.ListOf):
            items = []
            for index, item in enumerate(checked):
                item_parts = field_parts + [index]
                try:
                    item = spec.kind.item.check(item, ctx)
                except schema.Invalid as exc:
                    problems.error(source.path, source.line(*item_parts), _label(item_parts), str(exc))
                    continue
                if isinstance(spec.kind.item, schema.Record):
                    before = len(problems.errors)
                    item = check_record(source, spec.kind.item, item, ctx, problems, item_parts)
                    if len(problems.errors) != before:
                        continue
                items.append(item)
            checked = items
        elif isinstance(spec.kind, schema.Record):
            before = len(problems.errors)
            checked = check_record(source, spec.kind, checked, ctx, problems, field_parts)
            if len(problems.errors) != before:
                continue
        clean[name] = checked
    allowed = set(record.fields) | (schema.THEME_KEYS if not parts else set())
    for name in value:
        if name not in allowed:
            field_parts = parts + [name]
            if name in schema.RETIRED and not parts:
                problems.warning(source.path, source.line(*field_parts), _label(field_parts), schema.RETIRED[name])
                continue
            hint = _closest(str(name), record.fields)
            problems.warning(source.path, source.line(*field_parts), _label(field_parts),
                             f"is not a field of {'an' if record.name[0] in 'aeiou' else 'a'} {record.name}"
                             f"{hint}; allowed fields: {', '.join(record.fields)}")
    return clean


def _label(parts: list) -> str:
    out = ""
    for part in parts:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _closest(name: str, options) -> str:
    return did_you_mean(name, options)


def load_plan(pages: list[RawPage], scale: tuple[Status, ...], as_at: dt.date,
              icon_exists=None, easy_rules: easyread.Rules | None = None,
              templates=None, picture_file=None, is_icon_name=None,
              easy_read: bool = True, body_check=None) -> tuple[Plan, Problems]:
    """Validate every page and build the plan. The plan is complete only if there are no errors.

    ``picture_file(name)`` gives an easy-read picture's path in the site (None: no such picture), and
    ``is_icon_name(slug)`` says whether an icon set has a file of that name (alt text must not be one).
    ``easy_read``: False when the site has no easy read (the easy_read setting): no easy-read check
    runs, and every easy-read field in the content is reported as unused.
    ``body_check(source, problems)`` checks a page's Markdown body (core/sanitise.py).
    """
    problems = Problems()
    ctx = schema.Context(status_keys=[s.key for s in scale], icon_exists=icon_exists,
                         picture_file=picture_file, is_icon_name=is_icon_name)
    statuses = {s.key: s for s in scale}
    plan = Plan(scale=tuple(scale), as_at=as_at)
    typed: list[tuple[Source, str, dict]] = []

    # Numbers of every action page, even one too broken to read: a reference to it is not reported
    # as dangling, because the page's own problem is the one to fix.
    mentioned_ids = {m.group(1) for page in pages
                     for m in _ID_LINE.finditer(page.raw.decode("utf-8", errors="replace"))}
    for source in read_sources(pages, problems, body_check):
        _check_theme_keys(source, templates, problems)
        if not source.has_front_matter or "type" not in source.data:
            continue
        kind = source.data.get("type")
        if kind not in schema.PAGE_TYPES:
            problems.error(source.path, source.line("type"), "type",
                           f"{schema.show(kind)} is not one of {', '.join(schema.PAGE_TYPES)}"
                           f"{did_you_mean(kind, schema.PAGE_TYPES) if isinstance(kind, str) else ''}")
            continue
        data = source.data if easy_read else _without_easy_read(source, problems)
        clean = check_record(source, schema.PAGE_TYPES[kind], data, ctx, problems, [])
        typed.append((source, kind, clean))

    _read_glossary(plan, typed, problems)
    if easy_read:
        _check_easy_read(plan, typed, easy_rules or easyread.Rules(), problems)
    if easy_read and any(data.get("easy_read") for _source, kind, data in typed if kind != "glossary"):
        _check_scale_easy_read(scale, plan, picture_file, is_icon_name, easy_rules or easyread.Rules(), problems)

    # Areas first: actions belong to the area whose page is in their folder.
    areas_by_folder: dict[str, Area] = {}
    areas_by_number: dict[int, Area] = {}
    broken_folders: set[str] = set()
    for source, kind, data in typed:
        if kind == "area" and "number" not in data:
            broken_folders.add(posixpath.dirname(source.uri))  # its own error is enough
        if kind != "area" or "number" not in data:
            continue
        area = Area(number=data["number"], title=data.get("title", ""), finding=data.get("finding", ""),
                    aim=data.get("aim", ""), uri=source.uri, path=source.path,
                    outcomes=data.get("outcomes", []), co_produced_with=data.get("co_produced_with", []),
                    **_easy_read_fields(data, picture_file))
        if area.number in areas_by_number:
            problems.error(source.path, source.line("number"), "number",
                           f"area {area.number} is already the number of {areas_by_number[area.number].path}; "
                           "each area needs its own number")
            broken_folders.add(area.folder)  # its actions are not checked again: one error is enough
            continue
        if area.folder in areas_by_folder:
            problems.error(source.path, source.line("type"), "type",
                           f"the folder already has an area page ({areas_by_folder[area.folder].path}); "
                           "put each area in its own folder")
            continue
        areas_by_folder[area.folder] = area
        areas_by_number[area.number] = area

    actions: dict[str, Action] = {}
    action_sources: dict[str, tuple[Source, dict]] = {}
    for source, kind, data in typed:
        if kind == "home":
            if plan.home is not None:
                problems.error(source.path, source.line("type"), "type",
                               f"there is already a home page ({plan.home.path}); only one page can be the home")
                continue
            plan.home = Home(uri=source.uri, path=source.path, title=data.get("title"),
                             **_easy_read_fields(data, picture_file))
        if kind != "action" or "id" not in data or "status" not in data:
            continue
        action_id = data["id"]
        if action_id in actions:
            problems.error(source.path, source.line("id"), "id",
                           f"action \"{action_id}\" is already used by {actions[action_id].path}; "
                           "each action needs its own number")
            continue
        area = _area_for(source.uri, areas_by_folder, broken_folders)
        if area is _BROKEN:
            continue
        if area is None:
            problems.error(source.path, source.line("type"), "type",
                           "this action is not in an area's folder; move it into the folder "
                           "of the area it belongs to (the folder whose index.md has 'type: area')")
            continue
        if not action_id.startswith(f"{area.number}."):
            problems.error(source.path, source.line("id"), "id",
                           f"action \"{action_id}\" is in the folder of area {area.number} ({area.path}); "
                           f"its number must start with \"{area.number}.\"")
            continue
        action = Action(
            id=action_id, title=data.get("title", ""), short_title=data.get("short_title"), uri=source.uri,
            path=source.path, area=area,
            leads=data.get("leads", []), evidence=data.get("evidence", []),
            accountability=data.get("accountability", []), outcomes=data.get("outcomes", []),
            resources=[Resource(r["text"], r.get("kind")) for r in data.get("resources", [])],
            milestones=[Milestone(m["text"], m.get("date"), m.get("done")) for m in data.get("milestones", [])],
            due=data.get("due"), due_text=data.get("due_text"), status=statuses[data["status"]],
            co_produced_with=data.get("co_produced_with", []),
            **_easy_read_fields(data, picture_file),
        )
        _attach_history(action, source, data, statuses, problems)
        actions[action_id] = action
        action_sources[action_id] = (source, data)
        area.actions.append(action)

    for action_id, (source, data) in action_sources.items():
        action = actions[action_id]
        for index, other_id in enumerate(data.get("waiting_on", [])):
            other = actions.get(other_id)
            if other is None and other_id in mentioned_ids:
                continue
            if other is None:
                problems.error(source.path, source.line("waiting_on", index), f"waiting_on[{index + 1}]",
                               f"there is no action \"{other_id}\"{_near(other_id, actions)}")
            elif other is action:
                problems.error(source.path, source.line("waiting_on", index), f"waiting_on[{index + 1}]",
                               "an action cannot wait on itself")
            else:
                action.waiting_on.append(other)
                other.blocks.append(action)

    for source, kind, data in typed:
        if kind == "you-said":
            plan.themes.append(_theme(source, data, actions, mentioned_ids, problems, picture_file))

    for source, kind, data in typed:
        if kind == "update":
            update = _update(source, data, areas_by_number, actions, mentioned_ids, problems)
            if update is not None:
                plan.updates.append(update)
    plan.updates.sort(key=lambda u: (u.sort_day, u.uri))

    plan.areas = sorted(areas_by_number.values(), key=lambda a: a.number)
    for area in plan.areas:
        area.actions.sort(key=lambda a: a.sort_key)
        if not area.actions:
            problems.warning(area.path, 1, None, f"area {area.number} has no actions yet")
    plan.actions = sorted(actions.values(), key=lambda a: a.sort_key)
    for action in plan.actions:
        action.blocks.sort(key=lambda a: a.sort_key)
    plan.themes.sort(key=lambda t: t.uri)
    return plan, problems


def _check_theme_keys(source: Source, templates, problems: Problems) -> None:
    """The fields MkDocs and the theme read themselves, on any page: ``description`` and ``subtitle``
    are one piece of text; ``template`` names one of the site's page layouts (``templates``; None
    skips the check), as any other would stop the build."""
    for name in ("description", "subtitle"):
        if name in source.data:
            value = source.data[name]
            if not isinstance(value, str) or not value.strip():
                found = "it is empty" if isinstance(value, str) or value is None else f"found {schema.show(value)}"
                problems.error(source.path, source.line(name), name,
                               f"expected one line of text, but {found}; write some text or remove the field")
    if "icon" in source.data and not (isinstance(source.data["icon"], str)
                                      and re.fullmatch(r"[A-Za-z0-9-]+/[A-Za-z0-9-]+", source.data["icon"])):
        problems.error(source.path, source.line("icon"), "icon",
                       f"{schema.show(source.data['icon'])} is not an icon name: write set/name with letters, "
                       "digits and dashes only, for example material/check-circle")
    if "template" in source.data and templates is not None:
        value = source.data["template"]
        if value not in templates:
            problems.error(source.path, source.line("template"), "template",
                           f"{schema.show(value)} is not one of this site's page layouts "
                           f"({', '.join(sorted(templates))}); remove the line to use the usual layout")


_BROKEN = object()


def _area_for(uri: str, areas_by_folder: dict[str, Area], broken: set[str]):
    """The area whose folder holds this page; _BROKEN if that area page has its own error."""
    folder = posixpath.dirname(uri)
    while True:
        if folder in broken:
            return _BROKEN
        if folder in areas_by_folder:
            return areas_by_folder[folder]
        if not folder:
            return None
        folder = posixpath.dirname(folder)


def _near(wanted: str, actions: dict) -> str:
    import difflib

    match = difflib.get_close_matches(wanted, list(actions), n=1, cutoff=0.8)
    return f" (did you mean \"{match[0]}\"?)" if match else ""


def _attach_history(action: Action, source: Source, data: dict, statuses: dict[str, Status],
                    problems: Problems) -> None:
    entries = []
    for index, entry in enumerate(data.get("history", [])):
        entries.append((entry["date"], index, entry))
    entries.sort(key=lambda e: (e[0].last_day, e[1]))
    previous = None
    for date, _index, entry in entries:
        status = statuses[entry["status"]]
        action.history.append(HistoryEntry(date=date, status=status, note=entry["note"],
                                           source=entry["source"], url=entry.get("url"), previous=previous))
        previous = status
    line = source.line("status")
    if len(action.history) != len(source.data.get("history") or []):
        return  # an entry has its own error; comparing with what is left would only mislead
    if action.history:
        newest = action.history[-1]
        if newest.status is not action.status:
            problems.error(source.path, line, "status",
                           f"'{action.status.key}' does not match the newest history entry "
                           f"({newest.date}: '{newest.status.key}'); add a history entry for this rating "
                           "with its date, note and source, or correct the status")
    elif action.status.rated:
        problems.error(source.path, line, "status",
                       f"'{action.status.key}' has no history entry to show where the rating comes from; "
                       "add one under 'history:' with its date, status, note and source")


def _theme(source: Source, data: dict, actions: dict[str, Action], mentioned_ids: set[str],
           problems: Problems, picture_file=None) -> Theme:
    theme = Theme(title=data.get("theme", ""), uri=source.uri, path=source.path, intro=data.get("intro"),
                  said_by=data.get("said_by") or FAMILIES, **_easy_read_fields(data, picture_file))
    for index, raw in enumerate(data.get("items", [])):
        item = YouSaidItem(said=raw["said"], source=raw["source"], theme=theme, kind=raw.get("kind"),
                           date=raw.get("date"), number=index + 1)
        _link_item(item, source, index, raw, actions, mentioned_ids, problems)
        theme.items.append(item)
    if not theme.items and not source.data.get("items"):  # items with errors of their own are not "no items"
        problems.warning(source.path, source.line("theme"), "items",
                         f"the theme '{theme.title}' has no items yet")
    return theme


_RELATION_OF_FIELD = {"answered_by": ANSWERS, "related_to": RELATED}


def _link_item(item: YouSaidItem, source: Source, index: int, raw: dict, actions: dict[str, Action],
               mentioned_ids: set[str], problems: Problems) -> None:
    """Link a "You said" item to the actions that answer it and those only related to it."""
    seen: dict[str, str] = {}  # action number -> where it is already linked, for the message
    for name, relation in _RELATION_OF_FIELD.items():
        for ref_index, link in enumerate(raw.get(name, [])):
            action_id = link["action"]
            where = f"items[{index + 1}].{name}[{ref_index + 1}]"
            line = source.line("items", index, name, ref_index, "action")
            action = actions.get(action_id)
            if action is None and action_id in mentioned_ids:
                continue
            if action is None:
                problems.error(source.path, line, f"{where}.action",
                               f"there is no action \"{action_id}\"{_near(action_id, actions)}")
                continue
            if action_id in seen:
                problems.error(source.path, line, f"{where}.action",
                               f"action \"{action_id}\" is already linked to this item at {seen[action_id]}; "
                               "link each action once, under answered_by if it answers what was said, "
                               "otherwise under related_to")
                continue
            seen[action_id] = where
            said_link = SaidLink(item=item, action=action, how=link["how"], relation=relation)
            item.links.append(said_link)
            action.said_links.append(said_link)


def _update(source: Source, data: dict, areas: dict[int, Area], actions: dict[str, Action],
            mentioned_ids: set[str], problems: Problems) -> Update | None:
    """A dated update from a later source, tied to the areas and actions its points are about."""
    if not all(name in data for name in ("title", "date", "source", "summary", "says")):
        return None  # each missing field has its own error
    date = data["date"]
    after = data.get("after")
    if not date.has_year and after is None:
        problems.error(source.path, source.line("date"), "date",
                       f"'{date.words}' has no year, so it cannot be put in order; add 'after:' with a date the "
                       "update is known to be later than, and 'order:' saying why (from the source)")
        return None
    if not date.has_year and not data.get("order"):
        problems.error(source.path, source.line("after"), "order",
                       "is missing; say why the update is later than 'after' (from the source), so readers "
                       "can see how it was put in order")
    info = data["source"]
    update = Update(uri=source.uri, path=source.path, title=data["title"], date=date, after=after,
                    order=data.get("order"), source_title=info.get("title", ""),
                    publisher=info.get("publisher", ""), source_date=info.get("date", ""),
                    source_file=info.get("file"), source_url=info.get("url"), summary=data["summary"],
                    easy_read_summary=data.get("easy_read_summary"),
                    plan_published=bool(data.get("plan_published")))
    for index, raw in enumerate(data["says"]):
        point = UpdatePoint(quote=raw["quote"], summary=raw["summary"], easy_read=raw.get("easy_read"))
        for ref, number in enumerate(raw.get("areas", [])):
            area = areas.get(number)
            if area is None:
                problems.error(source.path, source.line("says", index, "areas", ref),
                               f"says[{index + 1}].areas[{ref + 1}]",
                               f"there is no area {number} (areas: {', '.join(str(n) for n in sorted(areas))})")
            elif area not in point.areas:
                point.areas.append(area)
        for ref, action_id in enumerate(raw.get("actions", [])):
            action = actions.get(action_id)
            if action is None and action_id not in mentioned_ids:
                problems.error(source.path, source.line("says", index, "actions", ref),
                               f"says[{index + 1}].actions[{ref + 1}]",
                               f"there is no action \"{action_id}\"{_near(action_id, actions)}")
            elif action is not None and action not in point.actions:
                point.actions.append(action)
        update.points.append(point)
    return update


def _read_glossary(plan: Plan, typed, problems: Problems) -> None:
    for source, kind, data in typed:
        if kind != "glossary":
            continue
        if plan.glossary_uri is not None:
            problems.error(source.path, source.line("type"), "type",
                           "there is already a glossary page; keep every term on one page")
            continue
        plan.glossary_uri = source.uri
        seen: dict[str, int] = {}
        for index, raw in enumerate(data.get("terms", [])):
            not_in = []
            for phrase_index, phrase in enumerate(raw.get("not_in") or []):
                if raw["term"].lower() not in phrase.lower():
                    problems.error(source.path, source.line("terms", index, "not_in", phrase_index),
                                   f"terms[{index + 1}].not_in[{phrase_index + 1}]",
                                   f"'{phrase}' does not contain the term '{raw['term']}'; list only phrases "
                                   "in which the term is written but means something else")
                else:
                    not_in.append(phrase)
            term = Term(term=raw["term"], meaning=raw["meaning"], stands_for=raw.get("stands_for"),
                        easy_read=raw.get("easy_read"), match_case=bool(raw.get("match_case")),
                        not_in=tuple(not_in))
            key = term.term.lower()
            if key in seen:
                problems.error(source.path, source.line("terms", index, "term"), f"terms[{index + 1}].term",
                               f"'{term.term}' is already explained as term {seen[key]}; keep one entry")
                continue
            seen[key] = index + 1
            plan.glossary.append(term)
        plan.glossary.sort(key=lambda t: t.term.lower())


EASY_READ_FIELDS = ("easy_read_title", "easy_read")
_UNUSED = "is not used: the site has no easy read (easy_read: false in mkdocs.yml); remove it, or turn easy read on"


def _without_easy_read(source: Source, problems: Problems) -> dict:
    """A page's front-matter without its easy-read fields (a glossary's terms without theirs), each
    reported as unused: the site has no easy read."""
    data = dict(source.data)
    for name in EASY_READ_FIELDS:
        if name in data:
            problems.warning(source.path, source.line(name), name, _UNUSED)
            del data[name]
    terms = data.get("terms")
    if isinstance(terms, list):
        data["terms"] = [dict(term) for term in terms]
        for index, term in enumerate(data["terms"]):
            if isinstance(term, dict) and "easy_read" in term:
                problems.warning(source.path, source.line("terms", index, "easy_read"),
                                 f"terms[{index + 1}].easy_read", _UNUSED)
                del term["easy_read"]
    return data


def _easy_read_fields(data: dict, picture_file=None) -> dict:
    """The model's easy-read fields of a page: its title and its ideas, each with its picture."""
    ideas = [Idea(text=raw["text"], picture=raw["picture"], alt=raw["alt"],
                  file=(picture_file(raw["picture"]) if picture_file else None) or raw["picture"])
             for raw in data.get("easy_read") or []]
    return {"easy_read_title": data.get("easy_read_title"), "easy_read_ideas": ideas,
            # the whole text, one sentence a line, for readers that want it in one piece (open data, search)
            "easy_read": "\n".join(idea.text for idea in ideas) or None}


def _check_easy_read(plan: Plan, typed, rules: easyread.Rules, problems: Problems) -> None:
    """Easy-read text must be easy: short sentences, low reading grade, no unexplained abbreviations or
    names; every page with easy read has an easy-read title that says what it is about."""
    explained = easyread.explained_terms(plan.glossary)
    for source, kind, data in typed:
        if kind == "glossary":
            for index, raw in enumerate(data.get("terms", [])):
                if raw.get("easy_read"):
                    easyread.check(raw["easy_read"], source.path, source.line("terms", index, "easy_read"),
                                   f"terms[{index + 1}].easy_read", explained | {raw["term"]}, rules, problems)
            continue
        if kind == "update":
            texts = [("easy_read_summary", data.get("easy_read_summary"), source.line("easy_read_summary"))]
            texts += [(f"says[{index + 1}].easy_read", point.get("easy_read"), source.line("says", index, "easy_read"))
                      for index, point in enumerate(data.get("says") or [])]
            for label, text, line in texts:
                if text:
                    easyread.check_idea(text, source.path, line, label, explained, rules, problems)
            continue
        ideas = data.get("easy_read") or []
        title = data.get("easy_read_title")
        if ideas and not title and "easy_read_title" not in source.data:
            problems.error(source.path, source.line("easy_read"), "easy_read_title",
                           "is missing; a page with easy read needs an easy-read heading that says what it is "
                           "about, for example 'Making EHC plans on time'. Put it on the line before easy_read:")
        if title:
            easyread.check_title(title, source.path, source.line("easy_read_title"), explained, rules, problems)
        for index, idea in enumerate(ideas):
            easyread.check_idea(idea["text"], source.path, source.line("easy_read", index, "text"),
                                f"easy_read[{index + 1}].text", explained, rules, problems)
        if ideas:
            whole = "\n".join(idea["text"] for idea in ideas)
            easyread.check_grade(whole, source.path, source.line("easy_read"), "easy_read", rules, problems)


def _check_scale_easy_read(scale, plan: Plan, picture_file, is_icon_name, rules: easyread.Rules,
                           problems: Problems) -> None:
    """Once the content has easy read, each status's easy-read words are checked like it, and a status's
    easy-read picture must exist and be described (the scale is in mkdocs.yml under plugins:
    plan-progress: statuses, or the plugin's default). A status without a picture keeps its icon."""
    explained = easyread.explained_terms(plan.glossary)
    ctx = schema.Context(status_keys=[], picture_file=picture_file, is_icon_name=is_icon_name)
    for status in scale:
        where = f"status '{status.key}'"
        if status.easy_read_picture:
            for name, kind in (("easy_read_picture", schema.EasyPicture()), ("easy_read_alt", schema.AltText())):
                try:
                    kind.check(getattr(status, name), ctx)
                except schema.Invalid as exc:
                    problems.warning("mkdocs.yml", None, f"{where} {name}", str(exc))
        for name in ("easy_label", "easy_read"):
            text = getattr(status, name)
            if text:
                easyread.check(text, "mkdocs.yml", None, f"{where} {name}", explained, rules, problems)
        for number in (1, 17):  # each form, with a number in it
            sentence = status.easy_count_sentence(number)
            if sentence:
                easyread.check(sentence, "mkdocs.yml", None, f"{where} easy_count", explained, rules, problems)

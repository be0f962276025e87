"""What a change does to the public site, in plain words: compare the plan at a git commit with the
plan in the working folder.

Usage::

    ./scripts/changes --base HEAD~1              # Markdown, for people (and a pull request's summary)
    ./scripts/changes --base origin/main --format json

It lists each status change (action, from -> to, date, note, source), ratings added that keep the
same status, history entries changed or removed, actions and "You said" items added or removed,
titles and due dates changed, the home page's counts before -> after, and the pages added and
removed. Both plans are read with the build's own rules (``common.open_project``); the commit is
read from a copy made with ``git archive`` in a temporary folder, so your working folder is never
touched.

Exit status: 0 the comparison was printed; 1 the content in the working folder (or at the base) has
problems, listed; 2 the command could not run (not a git repository, unknown commit, ...).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import File

from ..core.model import Action, HistoryEntry, Plan
from ..core.pages import SitePages
from ..core.safe_text import for_log, invisible, invisible_message, log_lines
from ..core.scale import Status
from ..reading import site_paths
from .common import OK, PROBLEMS, Stop, find_config, open_project
from .validate import location_key

# -- reading one side ------------------------------------------------------------------------------


@dataclass
class Side:
    """The plan as the site shows it, and the address of every page (generated ones included)."""

    name: str
    plan: Plan
    pages: dict[str, str]  # address (relative to the site) -> file it is made from


# What a pull request can change besides content: the code that builds and checks the site, and its
# settings. The summary names them at its top (it is made by the base branch's copy of these tools).
TOOLS = ("plugins", "scripts", ".github", "overrides", "bench", "tests", "pyproject.toml", "requirements.txt",
         "requirements-test.txt", "package.json", "package-lock.json", ".ci", "mkdocs.yml")
# Settings that make MkDocs load or run code while reading them: hooks (Python files), INHERIT (another
# settings file) and YAML's Python tags (!!python/object/apply runs anything; %TAG and !<...> spell them).
_RUNS_CODE = re.compile(r"^(hooks|INHERIT)\s*:|^%TAG|(^|\s)!(!|<)|python/", re.MULTILINE)


def tools_changed(repo: Path, commit: str) -> list[str]:
    """The files of ``TOOLS`` that differ between ``commit`` and the working folder."""
    listed = git(repo, "diff", "--name-only", commit, "--", *TOOLS)
    return sorted(line for line in listed.splitlines() if line)


def read_side(config_file: Path, name: str) -> Side:
    if _RUNS_CODE.search(config_file.read_text(encoding="utf-8", errors="replace")):
        raise Stop(f"the settings in {name} ({config_file.name}) use hooks:, INHERIT: or a YAML Python tag "
                   "(!!python/...), which load or run code; the summary reads a site's settings without running "
                   "anything, so it cannot read these", code=PROBLEMS)
    project = open_project(config_file)
    files, plan, problems = project.read()
    if problems.errors:
        listed = "\n".join(f"  {p}" for p in sorted(problems.errors, key=location_key))
        raise Stop(f"the content in {name} has problems, so it cannot be compared:\n{listed}", code=PROBLEMS)
    pages = {file.url: file.src_uri for file in files.documentation_pages()}
    # The pages the plugin adds (lists, status key, easy read ...), from the registry the build uses.
    made = SitePages(plan, site_paths(project.options), has_page=lambda uri: files.get_file_from_path(uri) is not None,
                     easy_read=project.options.easy_read)
    for page in made.made():
        if files.get_file_from_path(page.uri) is not None:
            raise Stop(f"the site in {name} cannot be made: {page.uri} is made by the plugin; remove or rename the "
                       "file in the content folder", code=PROBLEMS)
        file = File(page.uri, None, project.config.site_dir, project.config.use_directory_urls)
        pages[file.url] = f"made by the plugin ({file.src_uri})"
    return Side(name=name, plan=plan, pages=pages)


def git(repo: Path, *args: str, binary: bool = False):
    try:
        result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=not binary)
    except FileNotFoundError:
        raise Stop("git is not installed") from None
    if result.returncode != 0:
        error = result.stderr if not binary else result.stderr.decode("utf-8", "replace")
        raise Stop(f"git {' '.join(args)} failed: {error.strip()}")
    return result.stdout


def export_commit(repo: Path, ref: str, into: Path) -> str:
    """Write the files of commit ``ref`` into ``into`` (nothing else is touched); return its short id."""
    try:
        commit = git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except Stop:
        raise Stop(f"'{ref}' is not a commit in this repository (try HEAD~1, main or origin/main; in a "
                   "shallow clone, fetch the history first)") from None
    data = git(repo, "archive", "--format=tar", commit, binary=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(into, filter="data")
    return commit[:12]


# -- comparing ---------------------------------------------------------------------------------------


def short_title(action: Action) -> str:
    return getattr(action, "short_title", None) or action.title


def entry_key(entry: HistoryEntry) -> tuple:
    return (entry.date.iso, entry.status.key, entry.note, entry.source, entry.url or "")


def entry_json(entry: HistoryEntry | None) -> dict | None:
    if entry is None:
        return None
    return {"date": entry.date.iso, "date_words": entry.date.words, "status": entry.status.key,
            "status_label": entry.status.label, "note": entry.note, "source": entry.source, "url": entry.url}


def status_json(status: Status) -> dict:
    return {"key": status.key, "label": status.label}


def compare(base: Side, head: Side) -> dict:
    old = {a.id: a for a in base.plan.actions}
    new = {a.id: a for a in head.plan.actions}

    def action_ref(action: Action) -> dict:
        return {"id": action.id, "title": short_title(action), "page": action.path}

    status_changes, ratings_added, history_removed, due_changes, title_changes = [], [], [], [], []
    for action in head.plan.actions:
        before = old.get(action.id)
        if before is None:
            continue
        known = {entry_key(e) for e in before.history}
        added = [e for e in action.history if entry_key(e) not in known]
        kept = {entry_key(e) for e in action.history}
        gone = [e for e in before.history if entry_key(e) not in kept]
        if before.status.key != action.status.key:
            status_changes.append({**action_ref(action), "from": status_json(before.status),
                                   "to": status_json(action.status),
                                   "entry": entry_json(added[-1] if added else None)})
            added = added[:-1]
        ratings_added += [{**action_ref(action), "entry": entry_json(e)} for e in added]
        history_removed += [{**action_ref(action), "entry": entry_json(e)} for e in gone]
        due_before = before.due_text or (before.due.words if before.due else None)
        due_after = action.due_text or (action.due.words if action.due else None)
        if due_before != due_after:
            due_changes.append({**action_ref(action), "from": due_before, "to": due_after})
        if short_title(before) != short_title(action):
            title_changes.append({**action_ref(action), "from": short_title(before)})

    def said(plan: Plan) -> dict:
        return {(theme.title, item.said): {"theme": theme.title, "said": item.said, "source": item.source,
                                            "page": theme.path}
                for theme in plan.themes for item in theme.items}

    said_before, said_after = said(base.plan), said(head.plan)
    scale = {s.key: s for s in base.plan.scale}
    scale.update({s.key: s for s in head.plan.scale})
    counts_before, counts_after = base.plan.counts(), head.plan.counts()
    counts = [{"key": key, "label": status.label, "before": counts_before.get(key, 0),
               "after": counts_after.get(key, 0)} for key, status in scale.items()]
    return {
        "base": base.name,
        "head": head.name,
        "status_changes": status_changes,
        "ratings_added": ratings_added,
        "history_removed_or_changed": history_removed,
        "actions_added": [action_ref(a) for a in head.plan.actions if a.id not in old],
        "actions_removed": [action_ref(a) for a in base.plan.actions if a.id not in new],
        "titles_changed": title_changes,
        "due_dates_changed": due_changes,
        "you_said_added": [v for k, v in said_after.items() if k not in said_before],
        "you_said_removed": [v for k, v in said_before.items() if k not in said_after],
        "counts": counts,
        "total_before": len(base.plan.actions),
        "total_after": len(head.plan.actions),
        "pages_added": [{"address": url, "from": src} for url, src in head.pages.items() if url not in base.pages],
        "pages_removed": [{"address": url, "from": src} for url, src in base.pages.items()
                          if url not in head.pages],
    }


# -- Markdown ----------------------------------------------------------------------------------------

# Characters that would turn text from a page into a link, image, emphasis, HTML or a table cell break.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>!|#&~])")
# Words GitHub turns into something live even when every Markdown character is escaped: a mention
# (@someone, @org/team: a notification), an e-mail address, a bare address (https://..., www....) and an
# issue or commit reference (#12, org/repo#12, GH-12). Such a word is shown as code: as written, not live.
_LIVE = re.compile(r"\S*(?:@|://|www\.|#\d|\bGH-\d|\b(?:mailto|xmpp|tel|javascript|data):)\S*", re.IGNORECASE)


def _code(word: str) -> str:
    """A code span holding ``word`` exactly (the fence longer than any run of backticks in it)."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", word)), default=0) + 1)
    pad = " " if word.startswith("`") or word.endswith("`") else ""
    return f"{fence}{pad}{word}{pad}{fence}"


def md(text) -> str:
    """Text from front-matter, safe to put in a pull request's summary: one line, nothing read as
    Markdown or HTML, no mention, address or reference made live (each shown as code). Text with a
    control that reorders what is shown (U+202E ...) is refused: the content check refuses it too.

    >>> md("See [this](https://x.test) <img src=x> *now*")
    'See `[this](https://x.test)` \\\\<img src=x\\\\> \\\\*now\\\\*'
    >>> md("ask @octocat or @org/team, see https://x.test")
    'ask `@octocat` or `@org/team,` see `https://x.test`'
    """
    text = " ".join(str(text).split())
    hidden = invisible(text)
    if hidden:
        raise Stop(f"the text '{for_log(text[:80])}' {invisible_message(hidden[1])}", code=PROBLEMS)
    out, at = [], 0
    for live in _LIVE.finditer(text):
        out.append(_MARKDOWN.sub(r"\\\1", text[at:live.start()]))
        out.append(_code(live.group()))
        at = live.end()
    out.append(_MARKDOWN.sub(r"\\\1", text[at:]))
    return "".join(out)


def name(item: dict) -> str:
    return f"**{md(item['id'])} {md(item['title'])}**"


def entry_words(entry: dict | None) -> str:
    if entry is None:
        return " (no history entry was added for it)"
    words = f", {md(entry['date_words'])}. {md(entry['note'])}"
    words += f" Source: {md(entry['source'])}"
    if entry.get("url"):
        words += f" ({md(entry['url'])})"
    return words + "."


def to_markdown(report: dict) -> str:
    lines = ["## What this change does to the site", ""]
    tools = report.get("tools_changed") or []
    if tools:
        shown = ", ".join(_code(path) for path in tools[:20])
        shown += f" and {len(tools) - 20} more" if len(tools) > 20 else ""
        lines.extend([f"**This change also changes the site's tools or settings** ({len(tools)} "
                      f"{'file' if len(tools) == 1 else 'files'}: {shown}), not only its content. This summary "
                      "was made by the base branch's tools, so the change cannot alter what it says here; review "
                      "those files as code before merging.", ""])
    lines.extend([f"Compared with `{report['base'].replace('`', '')}`.", ""])

    def section(title: str, items: list, line) -> None:
        if items:
            lines.extend([f"### {title} ({len(items)})", ""])
            lines.extend(f"- {line(item)}" for item in items)
            lines.append("")

    section("Status changes", report["status_changes"],
            lambda c: f"{name(c)}: {md(c['from']['label'])} → {md(c['to']['label'])}{entry_words(c['entry'])}")
    section("Ratings added that keep the same status", report["ratings_added"],
            lambda c: f"{name(c)}: {md(c['entry']['status_label'])}{entry_words(c['entry'])}")
    section("History entries removed or changed", report["history_removed_or_changed"],
            lambda c: f"{name(c)}: the entry of {md(c['entry']['date_words'])} ({md(c['entry']['status_label'])}, "
                      f"source: {md(c['entry']['source'])}) is no longer there as it was")
    section("Actions added", report["actions_added"], lambda a: f"{name(a)} ({md(a['page'])})")
    section("Actions removed", report["actions_removed"], lambda a: f"{name(a)} ({md(a['page'])})")
    section("Titles changed", report["titles_changed"], lambda a: f"**{md(a['id'])}**: {md(a['from'])} → "
                                                                   f"{md(a['title'])}")
    section("Due dates changed", report["due_dates_changed"],
            lambda c: f"{name(c)}: {md(c['from'] or 'not stated')} → {md(c['to'] or 'not stated')}")
    section('"You said" items added', report["you_said_added"],
            lambda s: f"{md(s['theme'])}: “{md(s['said'])}” (source: {md(s['source'])})")
    section('"You said" items removed', report["you_said_removed"],
            lambda s: f"{md(s['theme'])}: “{md(s['said'])}” (source: {md(s['source'])})")

    changed = [c for c in report["counts"] if c["before"] != c["after"]]
    lines.extend(["### The home page's counts", ""])
    if not changed and report["total_before"] == report["total_after"]:
        lines.extend([f"No change: {report['total_after']} actions, "
                      + ", ".join(f"{c['after']} {md(c['label'])}" for c in report["counts"]) + ".", ""])
    else:
        lines.extend(["| Status | Before | After |", "| --- | ---: | ---: |"])
        for c in report["counts"]:
            mark = "" if c["before"] == c["after"] else " (changed)"
            lines.append(f"| {md(c['label'])}{mark} | {c['before']} | {c['after']} |")
        lines.extend([f"| All actions | {report['total_before']} | {report['total_after']} |", ""])

    def where(p: dict) -> str:
        made = p["from"].startswith("made by the plugin")
        return f"/{md(p['address'])} ({'' if made else 'from '}{md(p['from'])})"

    section("Pages added", report["pages_added"], where)
    section("Pages removed", report["pages_removed"], where)
    kinds = ("status_changes", "ratings_added", "history_removed_or_changed", "actions_added", "actions_removed",
             "titles_changed", "due_dates_changed", "you_said_added", "you_said_removed", "pages_added",
             "pages_removed")
    if not any(report[k] for k in kinds):
        lines.extend(["No action, rating, due date, \"You said\" item or page was added, removed or changed. "
                      "(Words on pages may still have changed: see the pull request's files.)", ""])
    return "\n".join(lines)


# -- the command ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="changes", description="Say in plain words what the changes since a commit do to the site.")
    parser.add_argument("--base", required=True,
                        help="the commit to compare with, for example HEAD~1, main or origin/main")
    parser.add_argument("--format", choices=["markdown", "json"], default="markdown",
                        help="markdown (default): for people; json: for programs")
    parser.add_argument("-f", "--config-file", help="the site's settings file (default: the nearest mkdocs.yml)")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="changes-"))
    try:
        config_file = find_config(args.config_file)
        repo = Path(git(config_file.parent, "rev-parse", "--show-toplevel").strip())
        inside = config_file.resolve().relative_to(repo.resolve())
        commit = export_commit(repo, args.base, scratch)
        base_config = scratch / inside
        if not base_config.is_file():
            raise Stop(f"there is no {inside.as_posix()} at {args.base}")
        here = os.getcwd()
        try:
            os.chdir(scratch)  # file names in messages about the base are relative to its copy
            base = read_side(base_config, f"{args.base} ({commit})")
        finally:
            os.chdir(here)
        head = read_side(config_file, "the working folder")
        report = compare(base, head)
        report["base"] = f"{args.base} (commit {commit})"
        report["tools_changed"] = tools_changed(repo, commit)
    except Stop as stop:
        print(log_lines(f"changes: {stop.message}"), file=sys.stderr)
        return stop.code
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if args.format == "json":
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(log_lines(to_markdown(report)))  # it is shown in the job's log too
    return OK


if __name__ == "__main__":
    sys.exit(main())

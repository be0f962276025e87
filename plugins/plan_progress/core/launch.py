"""What must be real before the site goes public (./scripts/launch-check), as one function the build
uses too: while anything is left, every page says it is a preview (templates/.../preview-banner.html).

Example addresses, "[... to be confirmed ...]" settings and page text, no feedback route, no contacts,
a progress date that is too old, no previous report date for the Board report, and a site whose
last-updated day is not known. Each finding names the file and line to change. ``today`` is given:
the command passes the clock (or --today), the build the day the site was last updated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from . import help as help_core
from .dates import words as date_words

PLUGIN_NAME = "plan-progress"


class CannotCheck(Exception):
    """The settings file cannot be read: the check cannot run."""


# Addresses reserved for examples (RFC 2606): never the address of a real site or mailbox.
EXAMPLE_ADDRESS = re.compile(r"\b(?:[\w-]+\.)*example\.(?:org|com|net)\b|\blocalhost\b", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class _Lines:
    """Line numbers (from 1) of values in mkdocs.yml, read with ruamel.yaml, which keeps them."""

    def __init__(self, text: str):
        yaml = YAML(typ="rt")
        try:
            self.root = yaml.load(text)
        except YAMLError as exc:
            raise CannotCheck(f"the settings file cannot be read as YAML: {exc}") from None
        self.plugin, self.plugin_line = None, 1
        for entry in (self.root or {}).get("plugins") or []:
            if isinstance(entry, CommentedMap) and PLUGIN_NAME in entry:
                self.plugin = entry[PLUGIN_NAME]
                self.plugin_line = entry.lc.key(PLUGIN_NAME)[0] + 1

    @staticmethod
    def of(node, key) -> int | None:
        try:
            if isinstance(node, CommentedMap):
                return node.lc.value(key)[0] + 1
            if isinstance(node, CommentedSeq):
                return node.lc.item(key)[0] + 1
        except (KeyError, IndexError, TypeError):
            pass
        return None

    def walk(self, node=None, path: str = ""):
        """Every text value in the file as (dotted path, line, text)."""
        node = self.root if node is None else node
        if isinstance(node, CommentedMap):
            for key, value in node.items():
                where = f"{path}.{key}" if path else str(key)
                if isinstance(value, str):
                    yield where, self.of(node, key), value
                else:
                    yield from self.walk(value, where)
        elif isinstance(node, CommentedSeq):
            for index, value in enumerate(node):
                where = f"{path}[{index + 1}]"
                if isinstance(value, str):
                    yield where, self.of(node, index), value
                else:
                    yield from self.walk(value, where)


def findings(name: str, text: str, config, settings, as_at: dt.date, root: Path, today: dt.date,
             last_updated_known: bool = True) -> list[Finding]:
    """Everything left to make real: ``name`` and ``text``: the settings file as shown and as written;
    ``config``: MkDocs' settings; ``settings``: the plugin's; ``root``: the settings file's folder."""
    lines = _Lines(text)
    findings: list[Finding] = []

    site_url = config.site_url or ""
    site_url_line = _Lines.of(lines.root, "site_url") or 1
    if not site_url:
        findings.append(Finding(name, 1, "site_url is not set. Add the site's real address, for example "
                                         "site_url: https://www.your-organisation.gov.uk/plan-progress/"))
    elif EXAMPLE_ADDRESS.search(site_url):
        findings.append(Finding(name, site_url_line, f"site_url is {site_url}, an example address. Put the "
                                "site's real address here: every link in the Board report, the feed and the "
                                "open data starts with it"))

    for where, line, value in lines.walk():
        if where == "site_url":
            continue
        placeholder = help_core.PLACEHOLDER.search(value) if help_core.is_placeholder(value) else None
        if placeholder is not None:
            shown = placeholder.group(0)
            findings.append(Finding(name, line or 1, f"{where} still says \"{shown}\". Fill in the real "
                                    "value, or remove the setting if it does not apply"))
        elif EXAMPLE_ADDRESS.search(value):
            findings.append(Finding(name, line or 1, f"{where} is \"{value}\", an example address. "
                                    "Put the real address here"))

    plugin_line = lines.plugin_line
    if not settings.feedback_url:
        findings.append(Finding(name, plugin_line, "no feedback route: set feedback_url under plan-progress to an "
                                "email address (mailto:...) or a form's address, so that every page can say "
                                "\"Tell us what you think about this page\""))
    contacts = help_core.contacts_from(settings.contacts or [])
    if not contacts:
        findings.append(Finding(name, plugin_line, "no contacts: add at least one entry under contacts "
                                "(name, and how to reach them) for the \"Contact and help\" page"))
    contact_nodes = (lines.plugin or {}).get("contacts") or []
    for index, contact in enumerate(contacts):
        if not contact.ways and not contact.placeholders:
            line = _Lines.of(contact_nodes, index) if contact_nodes else plugin_line
            findings.append(Finding(name, line or plugin_line, f"contacts[{index + 1}] ({contact.name}) gives no "
                                    "way to reach them: add an email, phone or url"))

    limit = settings.launch_check["max_progress_age_days"]
    age = (today - as_at).days
    if age > limit:
        line = _Lines.of(lines.plugin, "as_at") or plugin_line
        findings.append(Finding(name, line, f"the progress date (as_at) is {date_words(as_at)}, {age} days before "
                                f"{date_words(today)}; the site may show progress at most {limit} days old "
                                "(launch_check: max_progress_age_days). Check every action's status, then "
                                "change as_at to the day you checked"))
    if settings.next_update and settings.next_update < today:
        line = _Lines.of(lines.plugin, "next_update") or plugin_line
        findings.append(Finding(name, line, f"the next update was due on {date_words(settings.next_update)}, which "
                                "has passed. Publish the update and set next_update to the next date, or remove it"))

    if not settings.previous_report:
        findings.append(Finding(name, plugin_line, "no previous report date: set previous_report under "
                                "plan-progress to the date of the last Board report, so that the Board report "
                                "lists the changes since then (until it is set, it lists every change)"))
    if not last_updated_known:
        findings.append(Finding(name, plugin_line, "the day the site was last updated is not known: build it "
                                "from a git repository, or set last_updated under plan-progress (or the "
                                "SOURCE_DATE_EPOCH environment variable); late actions are counted against it"))

    findings.sort(key=lambda f: f.line)
    return findings + _content_findings(Path(config.docs_dir), root)


def _content_findings(docs: Path, root: Path) -> list[Finding]:
    """Placeholders and example addresses in the pages' own text."""
    findings = []
    for path in sorted(docs.rglob("*.md"), key=lambda p: p.as_posix()):
        shown = _relative(path, root)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # ./scripts/validate reports a file that cannot be read
        found = []  # a placeholder may run over several lines: search the whole text
        for match in help_core.PLACEHOLDER.finditer(text):
            found.append((text.count("\n", 0, match.start()) + 1, f"the page still says "
                          f"\"{_short(' '.join(match.group(0).split()))}\". Replace it with the real words"))
        for match in EXAMPLE_ADDRESS.finditer(text):
            found.append((text.count("\n", 0, match.start()) + 1, f"the page links to {match.group(0)}, an "
                          "example address. Replace it with the real address"))
        findings += [Finding(shown, line, message) for line, message in sorted(found)]
    return findings


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 4].rstrip() + " ...]"


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()



"""Convert a site's content written for an older plugin to the form this plugin reads (core/upgrade.py).

Usage::

    ./scripts/migrate            # show every change as a diff; nothing is written
    ./scripts/migrate --write    # make the changes
    ./scripts/migrate -f other/mkdocs.yml

What it changes, from schema_version 1 (plan-progress 0.1.x) to 2:

- ``easy_read:`` written as a block of text becomes a list of ideas of up to three sentences each
  (the sentences as they were), each with a picture and alt text to choose: a question mark
  (openmoji/2754, shipped with the plugin) and alt text that says "to be confirmed";
- ``easy_read_picture:`` (a theme icon, no longer used) becomes a comment line saying what it was;
- a page with easy read and no ``easy_read_title:`` gets one that says "to be confirmed";
- a You said link that is only an action number (``answered_by: ["1.3"]``) becomes
  ``- action: "1.3"`` with a ``how:`` line that says "to be confirmed" (so does a link without ``how:``);
- mkdocs.yml gets ``schema_version: 2`` under plan-progress.

Only those lines change: comments, the order of fields, quoting and every other line stay as they
were (ruamel.yaml finds where each value stands; see yamltext.py). Each file is written to a
temporary file and renamed into place. Every "to be confirmed" placeholder is for a person to
replace with real words: the site builds with them, and ``./scripts/launch-check`` lists each one.

Exit status: 0 when it ran (with --write: the changes are made; without: none were needed or the
diff is shown), 1 when a page cannot be converted safely (it names the page: convert it by hand),
2 when it cannot run.
"""

from __future__ import annotations

import argparse
import difflib
import logging
import os
import sys
import tempfile
from pathlib import Path

from ..core.schema import ACTION_ID
from ..core.upgrade import EASY_READ_PAGES, SCHEMA_VERSION
from . import yamltext
from .common import OK, PLUGIN_NAME, PROBLEMS, Stop, find_config
from .yamltext import CannotEdit, MappingNode, ScalarNode, SequenceNode

PICTURE = "openmoji/2754"  # a question mark, shipped with the plugin: a picture to replace
ALT = "[A question mark: picture to be confirmed]"
TITLE = "[easy read title to be confirmed]"  # lower case: a capital inside brackets reads as a name
HOW = {"answered_by": "[How this action answers what was said: to be confirmed]",
       "related_to": "[How this action is related to what was said: to be confirmed]"}


def migrate_page(text: str, max_sentences: int = 3) -> str:
    """The page's text in the current form; the same text when nothing needs to change.

    >>> print(migrate_page('---\\ntype: action\\nid: "1.1"\\neasy_read: |\\n  One.\\n  Two.\\n'
    ...                    'easy_read_picture: material/laptop  # the old picture\\n---\\nBody\\n'))
    ---
    type: action
    id: "1.1"
    easy_read_title: '[easy read title to be confirmed]'
    easy_read:
      - picture: openmoji/2754
        alt: '[A question mark: picture to be confirmed]'
        text: |
          One.
          Two.
    # easy_read_picture: material/laptop  # the old picture  (no longer used: each idea has its own picture)
    ---
    Body
    <BLANKLINE>
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    newline = "\r\n" if "\r\n" in text else "\n"
    try:
        lines, end = yamltext.split(text[len(bom):].replace("\r\n", "\n"))
    except CannotEdit:
        return text  # no front-matter: nothing of the plugin's to convert
    root = yamltext.compose(lines, end)
    off = 1  # node line 0 is the line after the opening '---'
    kind = yamltext.find(root, "type")
    if kind is None or not isinstance(kind[1], ScalarNode) or kind[1].value not in EASY_READ_PAGES:
        return text
    edits: list[tuple[int, int, list[str]]] = []  # (first row, last row + 1, new lines), rows of ``lines``
    indent = yamltext.sequence_offset(root, lines, off)

    easy = yamltext.find(root, "easy_read")
    if easy is not None and isinstance(easy[1], ScalarNode) and easy[1].value.strip():
        key, value = easy
        column, row = key.start_mark.column, key.start_mark.line + off
        sentences = [line.strip() for line in value.value.splitlines() if line.strip()]
        dash = column + indent
        new = [" " * column + "easy_read:" + yamltext.comment_part(lines[row])]
        for start in range(0, len(sentences), max_sentences):
            new += [" " * dash + "- " + yamltext.render_field("picture", PICTURE),
                    " " * (dash + 2) + yamltext.render_field("alt", ALT),
                    " " * (dash + 2) + "text: |"]
            new += [" " * (dash + 4) + sentence for sentence in sentences[start:start + max_sentences]]
        edits.append((row, yamltext.last_line(value, lines, off) + 1, new))
    if easy is not None and yamltext.find(root, "easy_read_title") is None:
        key = easy[0]
        row = key.start_mark.line + off
        edits.append((row, row, [" " * key.start_mark.column + yamltext.render_field("easy_read_title", TITLE)]))

    picture = yamltext.find(root, "easy_read_picture")
    if picture is not None:
        key, value = picture
        row, last = key.start_mark.line + off, yamltext.last_line(value, lines, off)
        was = " ".join(line.strip() for line in lines[row:last + 1])
        edits.append((row, last + 1, [" " * key.start_mark.column + f"# {was}  (no longer used: each idea has its "
                                      "own picture)"]))

    items = yamltext.find(root, "items")
    if items is not None and isinstance(items[1], SequenceNode):
        for item in items[1].value:
            if isinstance(item, MappingNode):
                for name in HOW:
                    found = yamltext.find(item, name)
                    if found is not None:
                        edits += _links(found[0], found[1], name, lines, off, indent)

    if not edits:
        return text
    for first, stop, new in sorted(edits, key=lambda edit: (edit[0], edit[1]), reverse=True):
        lines[first:stop] = new
    return bom + newline.join(lines)


def _action(number: str) -> str:
    """``action: "1.3"``, quoted as the plugin's pages write action numbers."""
    if ACTION_ID.match(number):
        return f'action: "{number}"'
    return yamltext.render_field("action", number)


def _links(key, value, name: str, lines: list[str], off: int, indent: int):
    """Edits that make each link under answered_by or related_to an action with a how line."""
    how = yamltext.render_field("how", HOW[name])
    if not isinstance(value, SequenceNode) or not value.value:
        return []
    if value.flow_style:  # answered_by: ["1.3", "1.4"] on the key's line: one block list in its place
        if not all(isinstance(link, ScalarNode) for link in value.value):
            raise CannotEdit(f"{name} is written in brackets with fields inside; write it as a list, one "
                             "'- action:' a line, and run this again")
        row, column = key.start_mark.line + off, key.start_mark.column
        last = yamltext.last_line(value, lines, off)
        dash = column + indent
        new = [" " * column + f"{name}:" + (yamltext.comment_part(lines[last]) if last == row else "")]
        for link in value.value:
            new += [" " * dash + "- " + _action(link.value), " " * (dash + 2) + how]
        return [(row, last + 1, new)]
    edits = []
    for link in value.value:
        row = link.start_mark.line + off
        if isinstance(link, ScalarNode):  # - "1.3"
            if link.start_mark.line != link.end_mark.line:
                raise CannotEdit(f"an action number under {name} runs over two lines")
            line = lines[row]
            column = link.start_mark.column
            rest = line[link.end_mark.column:]
            edits.append((row, row + 1, [line[:column] + _action(link.value) + rest,
                                         " " * column + how]))
        elif isinstance(link, MappingNode) and yamltext.find(link, "how") is None and link.value:
            after = yamltext.last_line(link, lines, off) + 1
            edits.append((after, after, [" " * link.value[0][0].start_mark.column + how]))
    return edits


def migrate_settings(text: str) -> str:
    """mkdocs.yml's text with ``schema_version:`` set to this plugin's under plan-progress (first among
    its settings); the same text when it already is, or when the plugin has no settings block.

    >>> print(migrate_settings("plugins:\\n  - search\\n  - plan-progress:\\n      as_at: 2022-03-08\\n"))
    plugins:
      - search
      - plan-progress:
          schema_version: 2
          as_at: 2022-03-08
    <BLANKLINE>
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    root = yamltext.YAML(typ="rt").compose(text)
    plugins = yamltext.find(root, "plugins") if isinstance(root, MappingNode) else None
    if plugins is None or not isinstance(plugins[1], SequenceNode):
        return text
    for entry in plugins[1].value:
        found = yamltext.find(entry, PLUGIN_NAME) if isinstance(entry, MappingNode) else None
        if found is None or not isinstance(found[1], MappingNode) or found[1].flow_style or not found[1].value:
            continue
        settings = found[1]
        stated = yamltext.find(settings, "schema_version")
        if stated is not None:
            value = stated[1]
            if isinstance(value, ScalarNode) and value.value == str(SCHEMA_VERSION):
                return text
            row = value.start_mark.line
            line = lines[row]
            lines[row] = line[:value.start_mark.column] + str(SCHEMA_VERSION) + line[value.end_mark.column:]
        else:
            first = settings.value[0][0]
            row = first.start_mark.line
            while row > 0 and lines[row - 1].strip().startswith("#"):  # above the comments on the first setting
                row -= 1
            lines.insert(row, " " * first.start_mark.column + f"schema_version: {SCHEMA_VERSION}")
        return newline.join(lines)
    return text


def _write(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, renamed into place: never half-written."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _settings(config_file: Path) -> tuple[Path, int]:
    """The content folder and the easy-read sentences per idea, from mkdocs.yml."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        config = load_config(str(config_file))
    except (MkDocsException, OSError) as exc:
        raise Stop(f"{config_file.name} cannot be used: {exc}") from None
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise Stop(f"{config_file.name} does not use the {PLUGIN_NAME} plugin; add it under 'plugins:'")
    return Path(config.docs_dir), int(plugin.config.easy_read_max_sentences_per_idea)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="migrate", description="Convert content written for an older plan-progress to the form this one "
                                    "reads. Without --write it only shows the changes.")
    parser.add_argument("-f", "--config-file", help="the site's settings (default: mkdocs.yml in this folder "
                                                    "or the nearest folder above)")
    parser.add_argument("--write", action="store_true", help="make the changes (default: show them only)")
    args = parser.parse_args(argv)
    try:
        config_file = find_config(args.config_file)
        docs, max_sentences = _settings(config_file)
    except Stop as stop:
        print(f"migrate: {stop.message}", file=sys.stderr)
        return stop.code
    root = config_file.parent
    changes: list[tuple[Path, str, str]] = []
    refused = []
    for path in [config_file, *sorted(docs.rglob("*.md"), key=lambda p: p.as_posix())]:
        try:
            old = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # ./scripts/validate says why the file cannot be read
        try:
            new = migrate_settings(old) if path == config_file else migrate_page(old, max_sentences)
        except (CannotEdit, yamltext.YAMLError) as exc:
            refused.append(f"{_shown(path, root)}: cannot be converted safely ({exc}); convert it by hand "
                           "(CHANGELOG.md, 0.2.0)")
            continue
        if new != old:
            changes.append((path, old, new))
    for line in refused:
        print(line, file=sys.stderr)
    if not changes:
        print(f"Nothing to change: the content is in the form this plugin reads (schema_version {SCHEMA_VERSION}).")
        return PROBLEMS if refused else OK
    for path, old, new in changes:
        shown = _shown(path, root)
        if args.write:
            _write(path, new)
        else:
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                                       f"a/{shown}", f"b/{shown}"))
    count = len(changes)
    files = f"{count} file{'' if count == 1 else 's'}"
    if args.write:
        print(f"Changed {files} to schema_version {SCHEMA_VERSION}. Replace every \"to be confirmed\" placeholder "
              "with real words and pictures: ./scripts/launch-check lists each one with its file and line.")
    else:
        print(f"\n{files} would change (nothing was written). Run ./scripts/migrate --write to make these changes.")
    return PROBLEMS if refused else OK


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


if __name__ == "__main__":
    sys.exit(main())

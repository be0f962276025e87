"""Small, careful edits to front-matter text, using ruamel.yaml (a round-trip YAML library).

ruamel.yaml parses the front-matter and tells us exactly where each value stands; we change only
those characters and insert new lines rendered by ruamel.yaml, so every other line of the file
(comments, key order, quoting, indentation, line breaks) stays byte for byte as it was.
"""

from __future__ import annotations

import io
import re

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

# The front-matter fences, as the plugin reads them (core/frontmatter.py).
FENCE = re.compile(r"^---[ \t]*$")
CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")


class CannotEdit(ValueError):
    """The file is laid out in a way that cannot be edited safely; the message says what to do."""


def _dumper() -> YAML:
    dumper = YAML(typ="rt")
    dumper.width = 1_000_000  # never fold a long note over two lines
    return dumper


def _plugin_reads(text: str):
    """What the plugin's own YAML reader (PyYAML, YAML 1.1, dates left as text) makes of a value."""
    from ..core.frontmatter import _Loader

    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def render_field(key: str, value) -> str:
    """``key: value`` on one line, quoted only when needed, read back exactly by both YAML readers.

    >>> render_field("note", "New IT system chosen")
    'note: New IT system chosen'
    >>> render_field("note", "Slipping: a lot")
    "note: 'Slipping: a lot'"
    >>> render_field("note", "yes")
    'note: "yes"'
    """
    for candidate in (value, DoubleQuotedScalarString(value) if isinstance(value, str) else value):
        out = io.StringIO()
        _dumper().dump({key: candidate}, out)
        text = out.getvalue().rstrip("\n")
        if "\n" not in text and _plugin_reads(text) == {key: value}:
            return text
    raise CannotEdit(f"{key} {value!r} cannot be written on one line")


def render_scalar(value, style: str | None) -> str:
    """A value written in the given quoting style (None plain, ' or "), as it would stand after a key."""
    if style == "'":
        text = "'" + value.replace("'", "''") + "'"
    elif style == '"':
        text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        return render_field("x", value)[len("x: "):]
    if _plugin_reads(f"x: {text}") != {"x": value}:
        return render_field("x", value)[len("x: "):]
    return text


def split(text: str) -> tuple[list[str], int]:
    """The lines of a page (without line ends) and the index of the closing fence line."""
    lines = text.split("\n")
    if not lines or not FENCE.match(lines[0]):
        raise CannotEdit("the file does not start with front-matter ('---' on the first line)")
    for index in range(1, len(lines)):
        if CLOSE.match(lines[index]):
            return lines, index
    raise CannotEdit("the front-matter is never closed with a '---' line")


def compose(lines: list[str], end: int) -> MappingNode:
    """The YAML node tree of the front-matter (lines[1:end]); node line 0 is lines[1]."""
    try:
        node = YAML(typ="rt").compose("\n".join(lines[1:end]) + "\n")
    except YAMLError as exc:
        raise CannotEdit(f"the front-matter cannot be read: {exc}") from None
    if not isinstance(node, MappingNode):
        raise CannotEdit("the front-matter is not a list of 'field: value' lines")
    return node


def find(mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def last_line(node: Node, lines: list[str], offset: int) -> int:
    """Index in ``lines`` of the last line holding any part of ``node`` (not counting blank lines after it)."""
    ends = []

    def walk(n: Node) -> None:
        if isinstance(n, ScalarNode):
            ends.append(n.end_mark.line if n.end_mark.column > 0 else n.end_mark.line - 1)
            ends.append(n.start_mark.line)
        elif isinstance(n, MappingNode):
            for k, v in n.value:
                walk(k)
                walk(v)
        elif isinstance(n, SequenceNode):
            for item in n.value:
                walk(item)

    walk(node)
    index = max(ends) + offset
    while index > offset and not lines[index].strip():
        index -= 1
    return index


def block_item_layout(sequence: SequenceNode, lines: list[str], offset: int) -> tuple[int, int] | None:
    """(dash column, content column) of a block sequence's first item, as written in the file."""
    if not sequence.value:
        return None
    first = sequence.value[0]
    line = lines[first.start_mark.line + offset]
    before = line[: first.start_mark.column].rstrip()
    if not before.endswith("-"):
        return None
    return len(before) - 1, first.start_mark.column


def sequence_offset(mapping: MappingNode, lines: list[str], offset: int) -> int:
    """How far this file indents a list's '- ' under its field (0 or 2 ...): copied from another list."""
    for key_node, value_node in mapping.value:
        if isinstance(value_node, SequenceNode) and not value_node.flow_style:
            layout = block_item_layout(value_node, lines, offset)
            if layout is not None:
                return layout[0] - key_node.start_mark.column
    return 2


def comment_part(line: str) -> str:
    """The trailing ' # comment' of a line holding only a key and an empty value, if any."""
    match = re.search(r"\s+#.*$", line)
    return match.group(0) if match else ""

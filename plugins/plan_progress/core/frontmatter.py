"""Split a Markdown page into its YAML front-matter and body, keeping line numbers.

Every value in the front-matter is mapped to the line of the file it stands on,
so a problem can be reported as ``file:line: field: ...``. Nothing here raises
on bad input: problems are returned for the caller to collect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .problems import Problems
from .safe_text import HIDDEN as _HIDDEN
from .safe_text import invisible, invisible_message

_NO_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class RawFloat(float):
    """A number such as 1.10 that keeps the text it was written as, so that messages can quote it."""

    text: str = ""


def _construct_float(loader, node):
    value = RawFloat(loader.construct_yaml_float(node))
    value.text = node.value
    return value


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text: our own date rules give better messages
    than a crash on an impossible date such as 2022-02-30. Its error messages are the
    ones we explain to editors."""

    yaml_implicit_resolvers = _NO_TIMESTAMPS


# libyaml's parser when PyYAML was built with it (it usually is), else the pure-Python one.
_FAST_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_FAST_BASE):
    """The same rules with libyaml's parser, about ten times faster; used first, and the
    pure-Python loader is asked again only to word an error."""

    yaml_implicit_resolvers = _NO_TIMESTAMPS


for _class in (_Loader, _FastLoader):
    _class.add_constructor("tag:yaml.org,2002:float", _construct_float)

_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass
class Source:
    """One page's front-matter (``data``), where each value stands (``lines``) and its body."""

    path: str  # as shown to people: content/areas/1-x/1-1-y.md
    uri: str  # relative to the docs folder, with forward slashes
    data: dict = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the file's line the body starts on
    has_front_matter: bool = False

    def line(self, *keys) -> int | None:
        """The file line of a value: ``line("history", 2, "status")``; falls back to its parent."""
        parts = list(keys)
        while parts:
            found = self.lines.get(_key(parts))
            if found is not None:
                return found
            parts.pop()
        return 1 if self.has_front_matter else None


def _key(parts) -> str:
    """The key of a value's path in ``Source.lines``: ``["history", 2, "status"]`` is "history[2].status"."""
    out = ""
    for part in parts:
        out = _child_key(out, part)
    return out


def _child_key(key: str, part) -> str:
    return f"{key}[{part}]" if isinstance(part, int) else (f"{key}.{part}" if key else str(part))


def decode(raw: bytes, path: str, problems: Problems) -> str | None:
    """Bytes to text: UTF-8 only. A byte-order mark (Windows Notepad adds one) is fine: it is dropped."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.error(path, line, None,
                       f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read). "
                       "Save it as 'UTF-8' in your editor; curly quotes and accents pasted from Word are the "
                       "usual cause")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str, path: str, uri: str, problems: Problems) -> Source | None:
    """Parse a page's text. Returns None when its front-matter cannot be read at all."""
    source = Source(path=path, uri=uri, body=text)
    if not text.strip():
        problems.warning(path, 1, None, "the file is empty; add a title and some text, or delete the file")
        return source
    lines = text.split("\n")
    if not _FENCE.match(lines[0]):
        return source  # a plain page without front-matter
    end = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i])), None)
    if end is None:
        problems.error(path, 1, None,
                       "the front-matter opened with '---' on line 1 is never closed; "
                       "add a line with just '---' after the last field")
        return None
    yaml_text = "\n".join(lines[1:end])
    source.has_front_matter = True
    source.body = "\n".join(lines[end + 1:])
    source.body_line = end + 2
    if "\t" in yaml_text:
        for number, line in enumerate(lines[1:end], start=2):
            if "\t" in line[: len(line) - len(line.lstrip())]:
                problems.error(path, number, None,
                               "this line is indented with a tab; front-matter must be indented with spaces")
                return None
    if not _within_limits(yaml_text, path, problems):
        return None
    try:
        try:
            return _checked_characters(_load(_FastLoader, yaml_text, source, path, problems), problems)
        except yaml.YAMLError:
            pass  # parse again below with the loader whose messages we know how to explain
        return _checked_characters(_load(_Loader, yaml_text, source, path, problems), problems)
    except RecursionError:
        deepest = max(range(end - 1), key=lambda i: lines[1 + i].count("[") + lines[1 + i].count("{"))
        problems.error(path, deepest + 2, None, TOO_DEEP)
        return None
    except yaml.reader.ReaderError as exc:
        at = yaml_text.count("\n", 0, exc.position) + 2
        character: str | int = exc.character  # an int from libyaml's reader, a one-letter str from PyYAML's
        code = character if isinstance(character, int) else ord(character)
        problems.error(path, at, None,
                       f"the front-matter contains an invisible control character (code 0x{code:02x}) that is not "
                       "allowed; delete it (it usually comes from copying text out of another program)")
        return None
    except yaml.MarkedYAMLError as exc:
        # Where the parser gave up is not always where the mistake is: an unclosed quote or a
        # missing colon is reported at the line where the value or key started.
        started = (exc.context or "") in ("while scanning a simple key", "while scanning a quoted scalar")
        mark = (exc.context_mark if started else None) or exc.problem_mark or exc.context_mark
        at = mark.line + 2 if mark else 1
        problems.error(path, at, None, f"the front-matter is not valid YAML: {_yaml_reason(exc)}")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly everything
        problems.error(path, 1, None, f"the front-matter is not valid YAML: {exc}")
        return None


# -- limits checked before the YAML parser builds anything ------------------------------------------

MAX_DEPTH = 20  # lists and groups inside each other; the plan's deepest is 3 (history[1].status)
TOO_DEEP = (f"the front-matter is not valid YAML: lists or groups are nested too deeply to read (at most "
            f"{MAX_DEPTH} levels); check the brackets [ ] and {{ }} and the indentation")
_OPENS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
          yaml.FlowSequenceStartToken)
_CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
_FIELD_LINE = re.compile(r"^([^\s#'\"-][^:]*):(\s|$)")


def _within_limits(yaml_text: str, path: str, problems: Problems) -> bool:
    """Refuse, before anything is built from it, front-matter that a parser could choke on: anchors and
    aliases (``&a`` and ``*a``: a few hundred bytes of them can stand for billions of values) and lists
    or groups nested more than MAX_DEPTH deep (tens of thousands crash the C parser). Only the scanner
    runs here: it reads tokens one by one, holds no nesting on the call stack and stops at the first
    problem. Text the scanner cannot read is left for the parser, whose messages we explain."""
    depth = 0
    scanner = yaml.CSafeLoader(yaml_text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(yaml_text)
    try:
        while True:
            token = scanner.get_token()
            if token is None or isinstance(token, yaml.StreamEndToken):
                return True
            if isinstance(token, _OPENS):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.error(path, token.start_mark.line + 2, None, TOO_DEEP)
                    return False
            elif isinstance(token, _CLOSES):
                depth -= 1
            elif isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                line = token.start_mark.line + 1  # 0-based in the front-matter: its index in the lines
                mark = "&" if isinstance(token, yaml.AnchorToken) else "*"
                problems.error(path, line + 1, _field_on(yaml_text, line),
                               f"a value starts with '{mark}', which YAML reads as a reference to another "
                               "value (an anchor or alias); these are not allowed. Put the whole value in "
                               "double quotes")
                return False
    except yaml.YAMLError:
        return True  # not valid YAML: the parser reports it (its nesting so far is within the limit)
    finally:
        scanner.dispose()


def _field_on(yaml_text: str, line: int) -> str | None:
    """The top-level field a front-matter line belongs to (line 1 is the first line after '---')."""
    lines = yaml_text.split("\n")[:line]
    for text in reversed(lines):
        match = _FIELD_LINE.match(text)
        if match:
            return match.group(1).strip()
    return None


# Characters that are never typed on purpose and that break what the site publishes (the feed's XML
# cannot hold them): C0 controls but tab and new line, DEL, the C1 controls (0x80-0x9f: invisible,
# shown as boxes or not at all, and 0x85 is read as a line break by YAML and some browsers), lone
# surrogate halves and the two non-characters U+FFFE and U+FFFF. YAML lets all of them be written as
# escapes ("\x01", "\u0007", "\x85"), which pass the parser's own check on raw characters.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _checked_characters(source: Source | None, problems: Problems) -> Source | None:
    """Report every value (and field name) holding a control character, with its line and field."""
    if source is None:
        return None

    def walk(value, parts, where=None):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(key, parts, parts + [key])  # a field name: named by its parent, found on its own line
                walk(item, parts + [key])
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, parts + [index])
        elif isinstance(value, str):
            found = CONTROL_CHARACTER.search(value)
            if found:
                problems.error(source.path, source.line(*(where or parts)), _label(parts) or None,
                               f"contains an invisible control character (code 0x{ord(found.group()):02x}) "
                               "that is not allowed; delete it (between quotes it can be written as a code "
                               "such as \\x01 or \\u0007). Only letters, numbers, punctuation, spaces, tabs "
                               "and new lines are allowed")
            elif _HIDDEN.search(value):
                hidden = invisible(value)
                if hidden:
                    problems.error(source.path, source.line(*(where or parts)), _label(parts) or None,
                                   invisible_message(hidden[1]))

    walk(source.data, [])
    return source


def _label(parts) -> str:
    """A value's path as people read it: history[1].note (counting from 1)."""
    out = ""
    for part in parts:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _load(loader_class, yaml_text: str, source: Source, path: str, problems: Problems) -> Source | None:
    loader = loader_class(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return source
        before = len(problems.items)
        _check_duplicates(node, path, problems)
        if len(problems.items) != before:
            return None  # YAML would silently keep the last value: better to stop here
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        what = "its lines start with '- ' (a list)" if isinstance(data, list) else "it is a single value"
        problems.error(path, 2, None, f"the front-matter must be 'field: value' lines, but {what}")
        return None
    source.data = _keys_as_written(node, data)
    _record_lines(node, "", source.lines)
    return source


def _keys_as_written(node, data):
    """YAML reads a key such as ``yes`` or ``12`` as true or a number; keep the text the editor wrote."""
    if isinstance(node, yaml.MappingNode) and isinstance(data, dict):
        return {(key if isinstance(key, str) or not isinstance(key_node, yaml.ScalarNode) else key_node.value):
                _keys_as_written(value_node, value)
                for (key_node, value_node), (key, value) in zip(node.value, data.items())}
    if isinstance(node, yaml.SequenceNode) and isinstance(data, list):
        return [_keys_as_written(n, v) for n, v in zip(node.value, data)]
    return data


def _record_lines(node, key: str, out: dict[str, int]) -> None:
    """The line of every value, under its path's key (``_key``): a field's own line is where its
    name is written."""
    if key:
        out[key] = node.start_mark.line + 2
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                child = _child_key(key, key_node.value)
                _record_lines(value_node, child, out)
                out[child] = key_node.start_mark.line + 2
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, _child_key(key, index), out)


def _check_duplicates(node, path: str, problems: Problems) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                line = key_node.start_mark.line + 2
                if key_node.value in seen:
                    problems.error(path, line, key_node.value,
                                   f"this field is given twice (first on line {seen[key_node.value]}); keep only one")
                else:
                    seen[key_node.value] = line
            _check_duplicates(value_node, path, problems)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicates(item, path, problems)


def _yaml_reason(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "").strip()
    hints = {
        "mapping values are not allowed here":
            "a value contains ': ' (a colon and a space). Put the whole value in double quotes",
        "found character '\\t' that cannot start any token":
            "a tab character was found; use spaces instead",
        "could not find expected ':'":
            "a line is missing its ':' between field name and value, or a quoted value is not closed",
        "found undefined alias":
            "a value starts with '*' or '&'. Put the whole value in double quotes",
        "expected alphabetic or numeric character":
            "a value starts with '*' or '&'. Put the whole value in double quotes",
    }
    for known, hint in hints.items():
        if problem.startswith(known):
            return hint
    if problem.startswith("found unexpected end of stream") or "while scanning a quoted scalar" in (exc.context or ""):
        return "a quoted value is never closed; check its quote marks"
    if problem.startswith("expected <block end>"):
        return "the indentation is inconsistent; line the fields up with the ones above"
    return problem or str(exc)

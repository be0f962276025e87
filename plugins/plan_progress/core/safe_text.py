"""Text that is safe to show: no hidden reordering in content, nothing a CI log reads as a command.

Two things every tool shares:

* ``invisible(text)``: the first bidirectional or invisible control in a piece of content (a field,
  a page body, a setting), and what it is. Such characters make text read differently from what it
  says ("Trojan Source": U+202E turns "100% done" round on screen while the file says otherwise),
  so content holding them is refused with the file, line and field.
* ``for_log(text)`` and ``github_data`` / ``github_property``: what the build, ``validate`` and
  ``changes`` print, escaped so that no file name, field name or value can start a line of a CI log
  with ``::`` (GitHub Actions reads such a line as a workflow command: a fake annotation, a masked
  secret, a stopped log).
"""

from __future__ import annotations

import logging
import re
import unicodedata

# The controls that reorder text (embeddings, overrides, isolates), the invisible separators and
# marks, and the line and paragraph separators (a line break to some readers, none to others).
# U+200C and U+200D (zero-width non-joiner and joiner) are not here: Persian, the Indic scripts and
# emoji sequences need them, and they reorder nothing. The left-to-right and right-to-left marks
# (U+200E, U+200F, U+061C) are allowed in text that has right-to-left letters, which needs them.
_ALWAYS = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE", "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE", "\u2069": "POP DIRECTIONAL ISOLATE", "\u200b": "ZERO WIDTH SPACE",
    "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR", "\u2060": "WORD JOINER",
    "\u2061": "FUNCTION APPLICATION", "\u2062": "INVISIBLE TIMES", "\u2063": "INVISIBLE SEPARATOR",
    "\u2064": "INVISIBLE PLUS", "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
}
_MARKS = {"\u200e": "LEFT-TO-RIGHT MARK", "\u200f": "RIGHT-TO-LEFT MARK", "\u061c": "ARABIC LETTER MARK"}
_FOUND = re.compile("[" + "".join(_ALWAYS) + "".join(_MARKS) + "]")
HIDDEN = _FOUND  # any of them, for a quick first look
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def invisible(text: str) -> tuple[int, str] | None:
    """The first control ``text`` may not hold: (its position, "U+202E RIGHT-TO-LEFT OVERRIDE"), or None.

    >>> invisible("on track"), invisible("done\\u202e"), invisible("שלום\\u200f")
    (None, (4, 'U+202E RIGHT-TO-LEFT OVERRIDE'), None)
    """
    for found in _FOUND.finditer(text):
        character = found.group()
        if character in _MARKS and _RIGHT_TO_LEFT.search(text):
            continue
        name = _ALWAYS.get(character) or _MARKS.get(character) or unicodedata.name(character, "")
        return found.start(), f"U+{ord(character):04X} {name}"
    return None


def invisible_message(what: str) -> str:
    """The one message for a refused control ("U+202E RIGHT-TO-LEFT OVERRIDE")."""
    return (f"contains an invisible character that changes how text is shown ({what}); delete it. It makes "
            "the words read differently from what the file says (left-to-right and right-to-left marks are "
            "allowed only in text that has right-to-left letters)")


# -- CI logs ----------------------------------------------------------------------------------
# https://docs.github.com/actions/reference/workflow-commands-for-github-actions

_BREAKS = {"\r": "%0D", "\n": "%0A", "\x0b": "%0B", "\x0c": "%0C", "\x85": "%C2%85", "\u2028": "%E2%80%A8",
           "\u2029": "%E2%80%A9"}
_BREAK = re.compile("[" + "".join(_BREAKS) + "]")


def github_data(text: str) -> str:
    """The message part of a workflow command (after ``::``): ``%``, CR and LF written as GitHub decodes them."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property of a workflow command (``file=``, ``title=``): ``:`` and ``,`` escaped as well."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def for_log(text) -> str:
    """One line of a plain log, whatever ``text`` holds: every line break written as its code (as
    ``github_data`` does) and ``::`` as ``:%3A``, so nothing in it starts a workflow command; a control
    that reorders text is written as its name (``<U+202E>``), so the line reads as it is.

    >>> for_log("content/a.md\\n::warning title=x::fake")
    'content/a.md%0A:%3Awarning title=x:%3Afake'
    """
    text = _FOUND.sub(lambda m: f"<U+{ord(m.group()):04X}>", str(text))  # shown, not obeyed
    return _BREAK.sub(lambda m: _BREAKS[m.group()], text).replace("::", ":%3A")


def log_lines(text) -> str:
    """A message of several lines of our own (a list of problems): each line kept, but no line may
    start a workflow command (``::`` is written ``:%3A`` everywhere)."""
    return "\n".join(line.replace("::", ":%3A") for line in _BREAK.split(str(text)))


class LogFilter(logging.Filter):
    """Makes every message a handler prints safe in a CI log (``log_lines``): MkDocs' own messages name
    files too, and a file's name can hold a line break."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        safe = log_lines(message)
        if safe != message:
            record.msg, record.args = safe, ()
        return True


def guard_logs(name: str = "mkdocs") -> None:
    """Put ``LogFilter`` on every handler of the ``name`` logger and of the root logger (once)."""
    for logger in (logging.getLogger(name), logging.getLogger()):
        for handler in logger.handlers:
            if not any(isinstance(f, LogFilter) for f in handler.filters):
                handler.addFilter(LogFilter())

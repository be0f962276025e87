""""Did you mean": the closest allowed names for a misspelt one, for every message that refuses a name
(a status key, a page type, a field, a word, a setting)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

UNKNOWN_SETTING = "Unrecognised configuration name: "  # MkDocs' words for a setting it does not know


def did_you_mean(name, allowed: Iterable, n: int = 3, cutoff: float = 0.6) -> str:
    """' (did you mean 'x'?)' with up to ``n`` allowed names closest to ``name``, closest first; '' when
    none is close. Case is ignored in the comparison (GREEN is close to green).

    >>> did_you_mean("greem", ["red", "amber", "green", "blue", "pink", "not-rated"])
    " (did you mean 'green'?)"
    >>> did_you_mean("acton", ["home", "area", "action", "you-said", "glossary"])
    " (did you mean 'action'?)"
    >>> did_you_mean("stat", ["status", "state", "start"])
    " (did you mean 'state' or 'start' or 'status'?)"
    >>> did_you_mean("zzz", ["red", "amber"])
    ''
    """
    options = [str(option) for option in allowed]
    lowered = {option.lower(): option for option in reversed(options)}
    close = difflib.get_close_matches(str(name).lower(), list(lowered), n=n, cutoff=cutoff)
    close = [lowered[c] for c in close if lowered[c] != name]
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""


class SuggestSettingNames:
    """For a ``mkdocs.config.base.Config``: MkDocs' warning for a setting it does not know
    ('Unrecognised configuration name: as_att') gets the closest setting names."""

    def validate(self):
        failed, warnings = super().validate()  # type: ignore[misc]
        known = [name for name, _ in getattr(self, "_schema", ())]
        return failed, [(key, message + did_you_mean(key, known) if str(message).startswith(UNKNOWN_SETTING)
                         else message) for key, message in warnings]

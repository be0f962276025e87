"""Problems found in content, collected so that all of them are reported at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from .safe_text import for_log

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file.

    >>> str(Problem("content/a.md", 4, "status", "'greem' is not one of red, amber"))
    "content/a.md:4: status: 'greem' is not one of red, amber"
    """

    path: str
    line: int | None
    field: str | None
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        """One line, safe in a CI log: a file name, field or value with a line break or ``::`` in it
        cannot start a workflow command (core/safe_text.py)."""
        path = for_log(self.path)
        where = path if self.line is None else f"{path}:{self.line}"
        what = f"{for_log(self.field)}: {for_log(self.message)}" if self.field else for_log(self.message)
        return f"{where}: {what}"


@dataclass
class Problems:
    """A list of problems that keeps errors and warnings apart."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path, line, field_name, message):
        self.items.append(Problem(path, line, field_name, message, ERROR))

    def warning(self, path, line, field_name, message):
        self.items.append(Problem(path, line, field_name, message, WARNING))

    def extend(self, other: "Problems") -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == WARNING)

    def __bool__(self) -> bool:
        return bool(self.items)


class ContentError(Exception):
    """Raised with every error found, once all content has been read."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The content has {count} {noun}; nothing was built:"]
        lines += [f"  {p}" for p in problems]
        super().__init__("\n".join(lines))

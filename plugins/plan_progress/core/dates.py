"""Dates as content editors write them: a year, a month or a day.

The plan gives completion dates like "Feb 2022", so a date may be partial:
``2022``, ``2022-02`` or ``2022-02-15``. A partial date is due at the *end* of
the period it names.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

ALLOWED = "a date written YYYY-MM-DD, YYYY-MM or YYYY (for example 2022-02-28 or 2022-02)"


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value) -> "PartialDate":
        """Parse a YAML value into a PartialDate, or raise ValueError with a reason.

        >>> PartialDate.parse("2022-02")
        PartialDate(year=2022, month=2, day=None)
        >>> PartialDate.parse(dt.date(2022, 2, 3)).iso
        '2022-02-03'
        """
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f"{_show(value)} is not a date")
        match = _PATTERN.match(value.strip())
        if not match:
            raise ValueError(f"{_show(value)} is not a date")
        year_text, month_text, day_text = match.groups()
        year = int(year_text)
        month = int(month_text) if month_text else None
        day = int(day_text) if day_text else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{value}' has no month {month}")
        if day is not None and month is not None:  # the pattern gives a day only with a month
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"'{value}' is not a real day ({calendar.month_name[month]} {year} has {last} days)")
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The day by which something due on this date must be done."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)

    @property
    def words(self) -> str:
        """The date as a family reads it.

        >>> PartialDate(2022, 2).words
        'February 2022'
        >>> PartialDate(2022, 3, 8).words
        '8 March 2022'
        """
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def __str__(self) -> str:
        return self.iso


def _show(value) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if hasattr(value, "text"):  # a number as the editor wrote it (frontmatter.RawFloat)
        return value.text
    if value is None:
        return "an empty value"
    return f"{value!r} ({type(value).__name__})"


def words(date: dt.date) -> str:
    """A full date as a family reads it.

    >>> words(dt.date(2022, 3, 8))
    '8 March 2022'
    """
    return f"{date.day} {calendar.month_name[date.month]} {date.year}"


_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_NO_YEAR = re.compile(r"^([A-Za-z]+)\s*(?:,?\s*\(?\s*year not (?:given|stated)\s*\)?)?$", re.IGNORECASE)

SOURCE_ALLOWED = (f"{ALLOWED}, or a month whose year the source does not give, written with its name and "
                  "'year not given' (for example 'September, year not given')")


@dataclass(frozen=True)
class SourceDate:
    """A date as precisely as a source gives it: a day, a month, a year, or a month with no year
    ("the September meeting"). A date without a year cannot be placed in time by itself: it sorts
    by ``after``, the date the content says it is known to be later than (``sort_day``).

    >>> SourceDate.parse("September, year not given").words
    'September (year not given)'
    >>> SourceDate.parse("2022-03-08").words
    '8 March 2022'
    """

    month_only: int | None = None  # a month with no year
    date: PartialDate | None = None  # None exactly when month_only is set

    @classmethod
    def parse(cls, value) -> "SourceDate":
        if isinstance(value, str):
            match = _NO_YEAR.match(value.strip())
            if match and match.group(1).lower() in _MONTHS:
                return cls(month_only=_MONTHS[match.group(1).lower()])
        try:
            return cls(date=PartialDate.parse(value))
        except ValueError as exc:
            raise ValueError(f"{exc}; it is not {SOURCE_ALLOWED}") from None

    @property
    def has_year(self) -> bool:
        return self.date is not None

    @property
    def words(self) -> str:
        if self.date is not None:
            return self.date.words
        return f"{calendar.month_name[self.month_only or 1]} (year not given)"

    @property
    def iso(self) -> str:
        """The date in open data: YYYY-MM-DD, YYYY-MM or YYYY; --MM (ISO 8601) for a month with no year."""
        return self.date.iso if self.date is not None else f"--{self.month_only:02d}"

    def __str__(self) -> str:
        return self.words

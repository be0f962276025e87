"""The day the site was last updated: late is counted against it, never against the clock.

In order: the ``last_updated`` setting; the ``SOURCE_DATE_EPOCH`` environment variable (the
reproducible-builds standard: seconds since 1970, UTC); the date of the commit the site is built
from (``git log -1 --format=%cs`` in the settings file's folder). With none of them (a folder that
is not a git repository) the ``as_at`` date is used and the build warns: still the same on every
rebuild.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LastUpdated:
    date: dt.date
    how: str  # where it comes from, for the build's log
    warning: str | None = None  # set when no real date was found


def last_updated(setting: dt.date | None, folder: Path, as_at: dt.date,
                 environ: dict[str, str] | None = None) -> LastUpdated:
    environ = os.environ if environ is None else environ  # type: ignore[assignment]
    if setting is not None:
        return LastUpdated(setting, "the last_updated setting")
    epoch = (environ or {}).get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            return LastUpdated(as_at, "as_at", f"SOURCE_DATE_EPOCH is '{epoch}', not a number of seconds since "
                               "1970; late actions are counted against as_at instead")
        return LastUpdated(stamp, "SOURCE_DATE_EPOCH")
    found = commit_date(folder)
    if found is not None:
        return LastUpdated(found, "the date of the commit the site is built from")
    return LastUpdated(as_at, "as_at", "the day the site was last updated is not known: the folder of the "
                       "settings file is not a git repository and neither last_updated nor SOURCE_DATE_EPOCH "
                       f"is set, so late actions are counted against as_at ({as_at.isoformat()})")


def commit_date(folder: Path) -> dt.date | None:
    """The committer date of HEAD in ``folder``'s git repository, or None (no git, not a repository)."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=folder, capture_output=True,
                                text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return dt.date.fromisoformat(result.stdout.strip()) if result.returncode == 0 else None
    except ValueError:
        return None

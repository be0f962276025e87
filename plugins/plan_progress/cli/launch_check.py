"""What must be real before the site goes public: example addresses, "[... to be confirmed ...]"
settings and page text, no feedback route, no contacts, and a progress date that is too old.

Usage::

    ./scripts/launch-check                      # the settings in ./mkdocs.yml and the pages they name
    ./scripts/launch-check -f other/mkdocs.yml  # another site
    ./scripts/launch-check --today 2022-04-01   # judge the progress date's age on another day

Each finding names the file and line to change. Exit status: 0 when nothing is left (the site may
go public); 1 while anything remains; 2 when the check could not run. The workflow's publish job
runs it, so a placeholder site is never published; pull-request builds are not affected.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..core.launch import EXAMPLE_ADDRESS, CannotCheck, Finding, findings
from ..core.safe_text import log_lines
from .common import CANNOT_RUN, OK, PROBLEMS, Stop, find_config, open_project

__all__ = ["EXAMPLE_ADDRESS", "Finding", "check", "main"]



def check(config_file: Path, today: dt.date) -> list[Finding]:
    project = open_project(config_file)
    try:
        return findings(project.config_name, config_file.read_text(encoding="utf-8"), project.config,
                        project.options, project.settings.as_at, project.root, today)
    except CannotCheck as exc:
        raise Stop(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="launch-check",
        description="List everything that must be real before the site goes public. Exit status 1 while "
                    "anything remains.")
    parser.add_argument("-f", "--config-file", help="the site's settings (default: mkdocs.yml in this folder "
                                                    "or the nearest folder above)")
    parser.add_argument("--today", help="judge the progress date's age on this day, written YYYY-MM-DD "
                                        "(default: today)")
    args = parser.parse_args(argv)
    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        print(f"launch-check: --today '{args.today}' is not a date; write it YYYY-MM-DD", file=sys.stderr)
        return CANNOT_RUN
    try:
        findings = check(find_config(args.config_file), today)
    except Stop as stop:
        print(log_lines(f"launch-check: {stop.message}"), file=sys.stderr)
        return stop.code
    if not findings:
        print("Ready to go public: no example addresses, no \"to be confirmed\" settings or text, a feedback "
              "route and contacts are set, and the progress date is recent.")
        return OK
    count = len(findings)
    print(f"Not ready to go public yet: {count} thing{'' if count == 1 else 's'} must be made real first.")
    print("Each line names the file and line to change.\n")
    for finding in findings:
        print(finding)
    print("\nRun ./scripts/launch-check again after each change. The site is published only when this "
          "list is empty (see EDITING.md, \"Before the site goes public\").")
    return PROBLEMS


if __name__ == "__main__":
    sys.exit(main())

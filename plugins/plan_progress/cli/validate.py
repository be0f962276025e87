"""Check every page's front-matter without building the site: the build's own rules, every problem at once.

Usage::

    ./scripts/validate                    # one line per problem: file:line: field: what is wrong
    ./scripts/validate --format github    # GitHub Actions annotations, shown on the pull request's lines
    ./scripts/validate --write-schema     # regenerate schema/front-matter.schema.json, then check

Exit status: 0 when there is nothing to fix; 1 when a page has a problem (warnings count: they fail
the strict build too); 2 when the check could not run (mkdocs.yml cannot be used).
"""

from __future__ import annotations

import argparse
import re
import sys

from ..core.problems import ERROR, Problem
from ..core.safe_text import github_data, github_property, log_lines
from .common import CANNOT_RUN, OK, PROBLEMS, Stop, find_config, open_project
from .schema_export import write_schema


def location_key(problem: Problem):
    """Sort problems as a person reads them: file by file (2-9 before 2-10), top to bottom."""
    path = [(int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", problem.path)]
    return (path, problem.line or 0, problem.field or "", problem.message, problem.severity)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# -- GitHub Actions workflow commands ----------------------------------------------------------
# https://docs.github.com/actions/reference/workflow-commands-for-github-actions


_escape_data = github_data  # one escaping for every tool (core/safe_text.py)
_escape_property = github_property


def github_annotation(severity: str, message: str, file: str | None = None, line: int | None = None,
                      title: str | None = None) -> str:
    """One annotation line.

    >>> github_annotation("error", "'greem' is not one of red, amber", "content/a.md", 6, "Problem in status")
    "::error file=content/a.md,line=6,title=Problem in status::'greem' is not one of red, amber"
    """
    properties = []
    if file:
        properties.append(f"file={_escape_property(file)}")
    if line:
        properties.append(f"line={line}")
    if title:
        properties.append(f"title={_escape_property(title)}")
    command = "error" if severity == ERROR else "warning"
    return f"::{command} {','.join(properties)}::{_escape_data(message)}".replace(f"::{command} ::", f"::{command}::")


def problem_annotation(problem: Problem) -> str:
    title = f"Problem in {problem.field}" if problem.field else "Problem in this file"
    return github_annotation(problem.severity, problem.message, problem.path, problem.line, title)


# -- the command ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="validate", description="Check every page's front-matter with the same rules as the build.")
    parser.add_argument("--format", choices=["text", "github"], default="text",
                        help="text (default): one line per problem; github: GitHub Actions annotations")
    parser.add_argument("-f", "--config-file", help="the site's settings file (default: the nearest mkdocs.yml)")
    parser.add_argument("--write-schema", action="store_true",
                        help="regenerate schema/front-matter.schema.json from the plugin's schema first")
    args = parser.parse_args(argv)
    github = args.format == "github"

    try:
        project = open_project(find_config(args.config_file))
        if args.write_schema:
            target = write_schema(project)
            print(f"Wrote {target.relative_to(project.root).as_posix()}", file=sys.stderr)
        files, _plan, problems = project.read()
    except Stop as stop:
        if github:
            print(github_annotation(ERROR, stop.message, stop.file, title="The check could not run"))
        else:
            print(log_lines(stop.message))
        print("The content was not checked: fix the settings above first.")
        return CANNOT_RUN

    found = sorted(problems.items, key=location_key)
    for problem in found:
        print(problem_annotation(problem) if github else str(problem))
    pages = len(files.documentation_pages())
    if not found:
        print(f"Checked {plural(pages, 'page')}: no problems found.")
        return OK
    errors = sum(1 for p in found if p.severity == ERROR)
    warnings = len(found) - errors
    print(f"Checked {plural(pages, 'page')}: {plural(len(found), 'problem')} "
          f"({plural(errors, 'error')}, {plural(warnings, 'warning')}; warnings stop the build too). "
          "Each line names the file, the line and the field; EDITING.md explains every message.")
    return PROBLEMS


if __name__ == "__main__":
    sys.exit(main())

"""Write the published JSON Schema of the front-matter, ``schema/front-matter.schema.json``.

The file is generated from the plugin's own schema (``core.schema``) with the status scale
configured in mkdocs.yml, so it says exactly what the build accepts. A test fails if the committed
file differs from a freshly generated one; regenerate it with::

    ./scripts/validate --write-schema
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..core.safe_text import log_lines
from ..core.schema import Context, json_schema
from .common import OK, Project, Stop, find_config, open_project

SCHEMA_PATH = Path("schema") / "front-matter.schema.json"


def schema_text(project: Project) -> str:
    """The JSON Schema for this site's settings, as the exact text of the committed file."""
    ctx = Context(status_keys=[status.key for status in project.settings.scale])
    return json.dumps(json_schema(ctx), indent=2, ensure_ascii=False) + "\n"


def write_schema(project: Project) -> Path:
    target = project.root / SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    text = schema_text(project)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_text(text, encoding="utf-8", newline="\n")
        temporary.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="schema-export", description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", help="the site's settings file (default: the nearest mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        project = open_project(find_config(args.config_file))
        target = write_schema(project)
    except Stop as stop:
        print(log_lines(stop.message), file=sys.stderr)
        return stop.code
    print(f"Wrote {target.relative_to(project.root).as_posix()}")
    return OK


if __name__ == "__main__":
    sys.exit(main())

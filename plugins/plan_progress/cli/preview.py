"""A live preview of the site on this computer only (127.0.0.1), rebuilt whenever a page is saved.

Usage::

    ./scripts/preview              # http://127.0.0.1:8000/... (or the next free port)
    ./scripts/preview --port 8100

The content is checked first, with the build's rules: a problem that would stop the build is
listed and the preview does not start. Warnings are listed but the preview starts (the pull
request checks will still fail on them).
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from urllib.parse import urlsplit

from .common import CANNOT_RUN, PROBLEMS, Stop, find_config, open_project
from .validate import location_key

HOST = "127.0.0.1"


def free_port(first: int, tries: int) -> int:
    for port in range(first, first + tries):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                continue
            return port
    raise Stop(f"ports {first} to {first + tries - 1} are all in use (is a preview already running?); "
               "choose another with --port")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="preview", description="Preview the site while you edit it.")
    parser.add_argument("--port", type=int, help="the port to use (default: 8000, or the next free one)")
    parser.add_argument("-f", "--config-file", help="the site's settings file (default: the nearest mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        config_file = find_config(args.config_file)
        project = open_project(config_file)
        _files, _plan, problems = project.read()
        port = free_port(args.port, 1) if args.port else free_port(8000, 20)
    except Stop as stop:
        print(f"preview: {stop.message}", file=sys.stderr)
        return stop.code
    for problem in sorted(problems.items, key=location_key):
        print(problem, file=sys.stderr)
    if problems.errors:
        print("The preview did not start: fix the problems above, then run ./scripts/preview again.",
              file=sys.stderr)
        return PROBLEMS
    if problems.warnings:
        print("These warnings do not stop the preview, but they will stop the build and the pull request "
              "checks: fix them before you merge.", file=sys.stderr)

    path = urlsplit(project.config.site_url or "/").path or "/"
    address = f"http://{HOST}:{port}{path}"
    print(f"Preview: open {address} in your browser. It updates when you save a page. "
          "Press Ctrl+C to stop.", flush=True)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file),
               "--dev-addr", f"{HOST}:{port}"]
    try:
        os.execv(sys.executable, command)
    except OSError as exc:
        print(f"preview: MkDocs could not be started: {exc.strerror}", file=sys.stderr)
        return CANNOT_RUN


if __name__ == "__main__":
    sys.exit(main())

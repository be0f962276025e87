"""A live preview of the site on this computer only (127.0.0.1), rebuilt whenever a file is saved.

Usage::

    ./scripts/preview                      # http://127.0.0.1:8000/... (or the next free port)
    ./scripts/preview content/areas/2-ehc-plans/2-10-it-system-procurement.md   # prints that page's address
    ./scripts/preview --port 8100 --open   # --open also opens the page in your browser

Each time a file is saved, the content is checked with the build's rules. While it has a problem
that would stop the build, the browser shows the list of problems (file, line, field, what to do)
in place of every page, and the same list is printed here; once the last problem is fixed and
saved, the browser shows the site again by itself. Warnings are printed but do not stop the preview
(the pull request checks will still fail on them).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import socket
import sys
import tempfile
import traceback
import webbrowser
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import get_files

from ..core.problems import Problem
from ..core.safe_text import log_lines
from .common import CANNOT_RUN, OK, Stop, find_config, open_project
from .validate import location_key

HOST = "127.0.0.1"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

log = logging.getLogger("mkdocs")


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


def problems_page(problems: list[Problem], message: str | None = None) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    count = len(problems) or 1
    return env.get_template("preview/problems.html").render(problems=problems, message=message, count=count)


class Preview:
    """Builds the site into a temporary folder; while the content has problems, ``failure`` holds the
    page that lists them (served in place of every page)."""

    def __init__(self, config_file: Path, port: int):
        self.config_file = config_file
        self.port = port
        self.site_dir = tempfile.mkdtemp(prefix="preview-")
        self.failure: str | None = None
        self.mount = "/"
        self.serve_url = f"http://{HOST}:{port}/"

    def load(self):
        config = load_config(str(self.config_file), site_dir=self.site_dir, dev_addr=f"{HOST}:{self.port}")
        self.mount = urlsplit(config.site_url or "/").path or "/"
        if not self.mount.endswith("/"):
            self.mount += "/"
        self.serve_url = f"http://{HOST}:{self.port}{self.mount}"
        config.site_url = self.serve_url
        return config

    def address_of(self, page: str | None) -> str:
        """The preview's address of a content file (or of the home page)."""
        config = self.load()
        if not page:
            return self.serve_url
        target = Path(page).resolve()
        for file in get_files(config):
            if file.abs_src_path and Path(file.abs_src_path).resolve() == target and file.is_documentation_page():
                return self.serve_url + file.url
        raise Stop(f"{page} is not a page in the content folder ({config.docs_dir}); give the path of a .md file "
                   "there, for example content/index.md")

    def builder(self, config=None) -> None:
        """Check, then build. Never raises: a problem becomes the page the browser shows."""
        try:
            project = open_project(self.config_file)
            _files, _plan, problems = project.read()
            items = sorted(problems.items, key=location_key)
            for problem in items:
                print(problem, file=sys.stderr)
            if problems.errors:
                print(f"The preview shows {len(problems.errors)} problem(s) in the browser until they are fixed; "
                      "save the file again after fixing it.", file=sys.stderr, flush=True)
                self.failure = problems_page(items)
                return
            if problems.warnings:
                print("These warnings do not stop the preview, but they will stop the build and the pull request "
                      "checks: fix them before you merge.", file=sys.stderr, flush=True)
            if config is None:
                config = self.load()
            build(config, serve_url=self.serve_url)
            self.failure = None
        except Stop as stop:
            print(log_lines(f"preview: {stop.message}"), file=sys.stderr, flush=True)
            self.failure = problems_page([], stop.message)
        except (MkDocsException, OSError) as exc:
            message = exc.format_message() if isinstance(exc, MkDocsException) else str(exc)
            print(f"preview: the site could not be built: {message}", file=sys.stderr, flush=True)
            self.failure = problems_page([], f"The site could not be built: {message}")
        except Exception:  # a bug of ours: show it rather than a stale page
            details = traceback.format_exc()
            print(details, file=sys.stderr, flush=True)
            self.failure = problems_page([], details)


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, serving the problems page in place of every page while there is one."""

    preview: Preview

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        if not path.startswith("/livereload/") and (path.endswith("/") or path.endswith(".html")):
            # Wait for a rebuild under way, as the server does for every file.
            with self._epoch_cond:
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                epoch = self._visible_epoch
            failure = self.preview.failure
            if failure is not None:
                content = self._inject_js_into_html(failure.encode("utf-8"), epoch)
                start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                          ("Content-Length", str(len(content))), ("Cache-Control", "no-store")])
                return [content]
        return super()._serve_request(environ, start_response)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="preview", description="Preview the site while you edit it.")
    parser.add_argument("page", nargs="?", help="the content file you are editing: its address is printed")
    parser.add_argument("--port", type=int, help="the port to use (default: 8000, or the next free one)")
    parser.add_argument("--open", action="store_true", help="open the page in your web browser")
    parser.add_argument("-f", "--config-file", help="the site's settings file (default: the nearest mkdocs.yml)")
    args = parser.parse_args(argv)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        config_file = find_config(args.config_file)
        open_project(config_file)  # mkdocs.yml itself must be usable: that is not a content problem
        port = free_port(args.port, 1) if args.port else free_port(8000, 20)
        preview = Preview(config_file, port)
        address = preview.address_of(args.page)
    except Stop as stop:
        print(log_lines(f"preview: {stop.message}"), file=sys.stderr)
        return stop.code

    logging.basicConfig(level=logging.WARNING, format="%(levelname)-8s-  %(message)s")
    config = preview.load()
    server = _Server(builder=preview.builder, host=HOST, port=port, root=preview.site_dir,
                     mount_path=preview.mount)
    server.preview = preview
    print(f"Preview: open {address} in your browser. It updates when you save a page. "
          "Press Ctrl+C to stop.", flush=True)
    try:
        preview.builder(config)
        server.watch(str(config.docs_dir))
        server.watch(str(config_file))
        for folder in config.theme.dirs:
            if Path(folder).is_dir() and "site-packages" not in Path(folder).parts:
                server.watch(folder)
        if args.open:
            webbrowser.open(address)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    except OSError as exc:
        print(f"preview: the preview could not be started: {exc.strerror}", file=sys.stderr)
        return CANNOT_RUN
    finally:
        shutil.rmtree(preview.site_dir, ignore_errors=True)
    return OK


if __name__ == "__main__":
    sys.exit(main())

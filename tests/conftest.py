"""Shared helpers: build a fixture site in a temporary folder and read what it made."""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # as run_build sets for the command: builds in process too


@dataclass
class Build:
    project: Path
    returncode: int
    output: str
    _pages: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def site(self) -> Path:
        return self.project / "site"

    def html(self, path: str, fresh: bool = False) -> BeautifulSoup:
        """The built page at `path` ("" or "areas/" for a folder's index.html), parsed. Parsed once per
        build and shared by every test that reads it (a shared build's pages are read by dozens of
        tests): a test that changes the tree (decompose, extract ...) asks for a page of its own with
        fresh=True; changing a shared one fails the test (_refuse_changes_to_shared_pages)."""
        target = self.site / path
        if target.is_dir() or path.endswith("/") or path == "":
            target = target / "index.html"
        if fresh:
            return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        stat = target.stat()
        key, version = str(target), (stat.st_mtime_ns, stat.st_size)
        if key not in self._pages or self._pages[key][0] != version:  # a page rewritten since is read again
            soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            soup.shared_page = str(target.relative_to(self.site))
            self._pages[key] = (version, soup)
        return self._pages[key][1]

    def problems(self) -> list[str]:
        """The problem lines the build printed (errors and warnings), without log prefixes."""
        lines = []
        for line in self.output.splitlines():
            text = line.strip()
            for prefix in ("ERROR    -  ", "WARNING  -  ", "WARNING -  ", "plan_progress: "):
                if text.startswith(prefix):
                    text = text[len(prefix):]
            if text.startswith(("content/", "plan-progress", "mkdocs.yml:")):
                lines.append(text)
        return lines


def run_build(project: Path, *extra: str) -> Build:
    """`mkdocs build --strict --clean` in `project`: what it prints and returns. Built in this process
    (build_in_process), which proves the same as the command at a fraction of the cost; with extra
    arguments, the real command (run_build_command)."""
    if extra:
        return run_build_command(project, *extra)
    return build_in_process(project)


def run_build_command(project: Path, *extra: str) -> Build:
    """The real `mkdocs build --strict --clean` command in `project`, in a new Python process. A few
    tests per kind of build run it, end to end (the real site, the bad-input corpus's END_TO_END cases,
    one refused setting); the rest build in process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(MKDOCS + ["build", "--strict", "--clean", *extra], cwd=project, env=env,
                            capture_output=True, text=True, timeout=300)
    return Build(project, result.returncode, result.stdout + result.stderr)


def build_in_process(project: Path) -> Build:
    """What `mkdocs build --strict --clean` in `project` prints and returns, without a new Python.

    It runs the same steps as MkDocs' command (load the config strictly, on_startup, build,
    on_shutdown), with the log lines in the command's own format ("LEVEL   -  message"), and turns
    MkDocs' errors into exit status 1 and their message, as the command does. Anything else (a bug,
    where the command would print a traceback) is raised. A few tests per kind of failure still
    run the real command with run_build_command.
    """
    from mkdocs import config as mkdocs_config
    from mkdocs import utils
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import Abort, MkDocsException

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(_CommandFormat())
    logger = logging.getLogger("mkdocs")
    saved = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    duplicates = utils.DuplicateFilter()  # as the command adds to the build's logger
    mkdocs_build.log.addFilter(duplicates)
    here = Path.cwd()
    returncode = 0
    try:
        os.chdir(project)
        config = mkdocs_config.load_config(config_file=str(project / "mkdocs.yml"), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build.build(config, dirty=False)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:  # what the command prints for Abort and for the other errors
        returncode = 1
        stream.write(f"\n{error.format_message()}\n" if isinstance(error, Abort) else f"Error: {error.format_message()}\n")
    finally:
        os.chdir(here)
        mkdocs_build.log.removeFilter(duplicates)
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    return Build(project, returncode, stream.getvalue())


# --------------------------------------------------------------------------
# Builds in process, without doing twice what cannot change during a session
# --------------------------------------------------------------------------
# A build in a fresh Python compiles every template it uses (mkdocs-material's, ours) and lists
# every file of the theme (mkdocs-material's 14,000 icons): about 60 % of a fixture's build. In one
# test process those are the same every time, so they are worked out once per process: a template
# is compiled once for the same source in the same kind of environment, and an installed theme
# folder is listed once. Each build still renders every page from its own files, with its own
# settings and overrides, and writes real HTML (a template or folder of the fixture's own, in a
# temporary folder, is compiled and listed afresh).

def _remember_compiled_templates() -> None:
    """Jinja's Environment.compile, remembered per process. The code Jinja makes from a template
    depends on its source, its name and file, the environment's syntax settings, its autoescape
    choice for that name, its filters and tests (their functions themselves: which exist and what
    each receives are decided when compiling) and its extensions: the same key gives the same code.
    A template that fails to compile is not remembered: it fails every time, as it would."""
    from jinja2.environment import Environment

    if getattr(Environment.compile, "remembered", False):
        return
    compiled: dict = {}
    original = Environment.compile
    settings = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                "is_async", "finalize", "code_generator_class")

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # noqa: A001
        if not isinstance(source, str):  # an already parsed template: nothing to remember it by
            return original(self, source, name, filename, raw, defer_init)
        autoescape = self.autoescape(name) if callable(self.autoescape) else self.autoescape
        key = (source, name, filename, raw, defer_init, autoescape, tuple(getattr(self, s) for s in settings),
               tuple(sorted(self.filters.items())), tuple(sorted(self.tests.items())),
               tuple(sorted((n, type(e)) for n, e in self.extensions.items())))
        try:
            return compiled[key]
        except KeyError:
            code = compiled[key] = original(self, source, name, filename, raw, defer_init)
            return code
        except TypeError:  # a filter or test that cannot be a key: compiled every time
            return original(self, source, name, filename, raw, defer_init)

    compile.remembered = True
    Environment.compile = compile


def _remember_installed_theme_listings() -> None:
    """jinja2's FileSystemLoader.list_templates (what MkDocs copies from a theme), with each folder
    of an installed package (mkdocs-material's, in .venv) walked once per process; other folders
    (this repository's, a fixture's) are walked every time. Same result, same order."""
    import sysconfig

    from jinja2.loaders import FileSystemLoader

    if getattr(FileSystemLoader.list_templates, "remembered", False):
        return
    installed = tuple(str(Path(sysconfig.get_paths()[p]).resolve()) + os.sep for p in ("purelib", "platlib"))
    walked: dict[tuple[str, bool], list[str]] = {}

    def names_in(searchpath: str, followlinks: bool) -> list[str]:
        names = []
        for dirpath, _, filenames in os.walk(searchpath, followlinks=followlinks):
            for filename in filenames:
                template = os.path.join(dirpath, filename)[len(searchpath):].strip(os.path.sep)
                template = template.replace(os.path.sep, "/")
                names.append(template[2:] if template[:2] == "./" else template)
        return names

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            if not str(Path(searchpath).resolve()).startswith(installed):
                found.update(names_in(searchpath, self.followlinks))
                continue
            key = (searchpath, self.followlinks)
            if key not in walked:
                walked[key] = names_in(searchpath, self.followlinks)
            found.update(walked[key])
        return sorted(found)

    list_templates.remembered = True
    FileSystemLoader.list_templates = list_templates


_remember_compiled_templates()
_remember_installed_theme_listings()


def _refuse_changes_to_shared_pages() -> None:
    """A page Build.html shares between tests cannot be changed: bs4's methods that change a tree
    fail on it, naming the page, so that no test sees another test's changes."""
    from bs4.element import PageElement, Tag

    if getattr(Tag.decompose, "guarded", False):
        return

    def guard(cls, name):
        original = getattr(cls, name)

        def guarded(self, *args, **kwargs):
            top = self
            while top.parent is not None:
                top = top.parent
            shared = getattr(top, "shared_page", None) if isinstance(top, BeautifulSoup) else None
            if shared:
                raise AssertionError(f"this test changes {shared}, a page other tests read: "
                                     "take a page of its own with build.html(path, fresh=True)")
            return original(self, *args, **kwargs)

        guarded.guarded = True
        setattr(cls, name, guarded)

    for name in ("decompose", "clear", "insert", "append", "extend", "unwrap", "smooth", "__setitem__",
                 "__delitem__"):
        guard(Tag, name)
    for name in ("extract", "replace_with", "wrap", "insert_before", "insert_after"):
        guard(PageElement, name)


_refuse_changes_to_shared_pages()


# The command-line tools (README.md): scripts/<name> runs `python -m plan_progress.cli.<module>`.
TOOLS = {"validate": "validate", "set-status": "set_status", "new-action": "new_action", "preview": "preview",
         "changes": "changes", "launch-check": "launch_check", "schema-export": "schema_export"}


def run_tool(command: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """What ``scripts/<command> args...`` in ``cwd`` (default: the repository) prints and returns, run as
    its module's ``main(argv)`` in this process (a new Python per case costs about a second of imports).

    It gives what the command would: stdout, stderr (argparse's usage errors, and what MkDocs logs with
    no handler of the tool's own, as Python prints it) and the exit status (main's return value, or
    SystemExit's code). An exception (where the command would print a traceback) is raised. Each
    scripts/ wrapper is still run once, as a process, by its own tests (run_script)."""
    import contextlib
    import importlib

    module = importlib.import_module(f"plan_progress.cli.{TOOLS[command]}")
    out, err = io.StringIO(), io.StringIO()
    unhandled = _LastResort(err)
    root = logging.getLogger()
    root.addHandler(unhandled)
    here = Path.cwd()
    try:
        os.chdir(cwd or ROOT)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = module.main(list(args))
            except SystemExit as stop:  # argparse, and sys.exit() inside a tool
                if isinstance(stop.code, str):
                    print(stop.code, file=sys.stderr)
                status = 1 if isinstance(stop.code, str) else (stop.code or 0)
    finally:
        os.chdir(here)
        root.removeHandler(unhandled)
    return subprocess.CompletedProcess([f"scripts/{command}", *args], status, out.getvalue(), err.getvalue())


def run_script(command: str, *args: str, cwd: Path | None = None, timeout: float = 180,
               env: dict | None = None) -> subprocess.CompletedProcess:
    """``scripts/<command> args...`` in ``cwd`` (default: the repository), as a new process, the way
    people run it: what it prints and returns."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    return subprocess.run([str(ROOT / "scripts" / command), *args], cwd=cwd or ROOT, capture_output=True,
                          text=True, timeout=timeout, env=env)


class _LastResort(logging.Handler):
    """Python's last-resort handler, as a command with no logging set up has it: a record of WARNING or
    above that no other handler takes is printed to stderr as its bare message. (In pytest, the root
    logger has pytest's own capturing handlers, so the real last resort never runs.)"""

    def __init__(self, stream: io.StringIO):
        super().__init__(logging.WARNING)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        logger: logging.Logger | None = logging.getLogger(record.name)
        while logger is not None:
            if any(h is not self and not type(h).__module__.startswith("_pytest") for h in logger.handlers):
                return  # the tool's own handler (or MkDocs') prints it
            logger = logger.parent if logger.propagate else None
        self.stream.write(record.getMessage() + "\n")


class _CommandFormat(logging.Formatter):
    """mkdocs' ColorFormatter, as it prints when the output is not a terminal (no colour, no wrapping)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {super().format(record)}"


def make_project(tmp_path: Path, fixture: str = "basic", files: dict[str, str | bytes | None] | None = None,
                 config_edit=None) -> Path:
    """Copy a fixture project to tmp_path, then write (or, with None, delete) the given files."""
    project = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture, project)
    for rel, content in (files or {}).items():
        target = project / rel
        if content is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("@ROOT@", ROOT.as_posix())
    config.write_text(config_edit(text) if config_edit else text, encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def basic_build(tmp_path_factory) -> Build:
    """The basic fixture (every status, overdue and on-time actions), built once for many tests."""
    project = make_project(tmp_path_factory.mktemp("basic"))
    build = run_build(project)
    assert build.returncode == 0, f"the basic fixture must build; reproduce with: cd {project} && mkdocs build --strict\n{build.output}"
    return build


SOURCES = ROOT / "sources"  # the source documents, kept in the repository (sources/README.md)
SEED = SOURCES / "written-statement-of-action-2021-12.txt"


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> Build:
    """The real site in content/, built strictly into a temporary folder (content/ is only read), by
    the real command. Once per session: with pytest-xdist the first worker builds it and the other
    reads the same folder (under a lock in the session's shared temporary folder)."""
    import fcntl

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder every worker's own temporary folder is in
    folder = shared / "real-build"
    folder.mkdir(exist_ok=True)
    out, log = folder / "site", folder / "output.txt"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not log.is_file():
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
            result = subprocess.run(MKDOCS + ["build", "--strict", "--clean", "-d", str(out)], cwd=ROOT, env=env,
                                    capture_output=True, text=True, timeout=600)
            log.write_text(f"{result.returncode}\n{result.stdout + result.stderr}", encoding="utf-8")
        returncode, output = log.read_text(encoding="utf-8").split("\n", 1)
    build = Build(folder, int(returncode), output)
    assert build.returncode == 0, f"the real site must build strictly (./scripts/build):\n{build.output}"
    return build


# --------------------------------------------------------------------------
# The real site in the browser: served once, checked in one Chromium run
# --------------------------------------------------------------------------

def _load_gate():
    """scripts/lib/a11y.py (the accessibility gate) as a module, loaded once for every test file."""
    if "a11y_gate" not in sys.modules:
        import importlib.util

        spec = importlib.util.spec_from_file_location("a11y_gate", ROOT / "scripts" / "lib" / "a11y.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["a11y_gate"] = module
        spec.loader.exec_module(module)
    return sys.modules["a11y_gate"]


gate = _load_gate()
BROWSER = Path(__file__).resolve().parent / "browser"


def require_browser() -> None:
    """Chromium and the pinned npm packages, or a failure that says how to get them (never a skip)."""
    missing = []
    if not os.access(gate.chromium_path(), os.X_OK):
        missing.append(f"Chromium ({gate.chromium_path()})")
    if not gate.PA11Y_CI.is_file() or not (ROOT / "node_modules" / "puppeteer").is_dir():
        missing.append("node_modules (pa11y-ci, puppeteer)")
    if missing:
        pytest.fail(f"{' and '.join(missing)} missing: run scripts/lib/ensure-a11y (./scripts/test does).")


def run_browser_job(script: str, job: dict, work: Path, timeout: float = 1200) -> dict:
    """Run tests/browser/<script> on a job (Chromium and its flags added, its profile in work/) and
    return the facts it printed; its progress lines go to the test's output."""
    require_browser()
    job = {"chromium": gate.chromium_path(), "args": gate.chromium_args(work / "profile"), **job}
    (work / "job.json").write_text(json.dumps(job), encoding="utf-8")
    result = subprocess.run(["node", str(BROWSER / script), str(work / "job.json")], cwd=ROOT,
                            capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        pytest.fail(f"tests/browser/{script} failed:\n{result.stderr}")
    print(result.stderr.strip())
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def real_pages(real_build) -> "gate.Pages":
    """The real site's pages: its sitemap plus the 404 page."""
    return gate.read_pages(real_build.site)


@pytest.fixture(scope="session")
def real_html(real_build, real_pages) -> dict[str, BeautifulSoup]:
    """Every page of the real site, parsed, by path ("" is the home page): the pages real_build.html
    shares (read them; a test that changes one takes its own with real_build.html(path, fresh=True))."""
    return {path: real_build.html(gate.path_to_file(path)) for path in real_pages.paths}


@pytest.fixture(scope="session")
def served_real_site(real_build, real_pages):
    """The real site on 127.0.0.1 under the same path as its site_url, for the whole session."""
    import urllib.parse

    mount = urllib.parse.urlsplit(real_pages.site_url).path or "/"
    with gate.SiteServer(real_build.site, mount) as server:
        yield server


def representative(paths: list[str]) -> list[str]:
    """The home page, the 404 page, and the first and last page of every
    top-level section: one of each kind of page the site has."""
    chosen = ["", "404.html"]
    sections: dict[str, list[str]] = {}
    for path in sorted(paths):
        sections.setdefault(path.split("/", 1)[0], []).append(path)
    for section in sections.values():
        chosen += [section[0], section[-1]]
    return [p for p in dict.fromkeys(chosen) if p in paths]


def badge_pages(html: dict[str, BeautifulSoup]) -> list[str]:
    """A few pages that between them show every kind of badge and flag."""
    kinds = {path: {" ".join(el.get("class")) for el in soup.select(".pp-badge, .pp-flag")} for path, soup in html.items()}
    chosen, covered = [], set()
    while True:
        path = max(kinds, key=lambda p: len(kinds[p] - covered), default=None)
        if path is None or not kinds[path] - covered:
            return chosen
        chosen.append(path)
        covered |= kinds[path]


# The keyboard walk (tests/test_keyboard.py): screen sizes, 320x256 (1280x1024 zoomed to 400 %),
# 390x844 (a phone), 1024x768 (a small laptop) and 1280x900.
KEYBOARD_SIZES = [(320, 256), (390, 844), (1024, 768), (1280, 900)]
# Tab stops walked each way on each page: enough to pass the header, the menu and the top of the
# content going forward, and the footer, the glossary box and the end of the content going back.
KEYBOARD_STOPS = 60
# One page of each kind: (name, pattern of its path). The action is the one with the most links
# (the hardest to walk).
KEYBOARD_KINDS = [
    ("home", r""),
    ("area", r"areas/[^/]+/"),
    ("action", r"areas/[^/]+/[^/]+/"),
    ("all actions", r"actions/"),
    ("a status list", r"actions/(?!area-)[a-z-]+/"),
    ("status key", r"status-key/"),
    ("you-said theme", r"you-said/[^/]+/"),
    ("easy-read home", r"easy-read/"),
    ("easy-read area", r"easy-read/area-[^/]+/"),
    ("easy-read who can help", r"easy-read/who-can-help/"),
    ("contact", r"contact/"),
    ("glossary", r"glossary/"),
    ("404", r"404\.html"),
    ("what's changed", r"whats-changed/"),
    ("board report", r"board-report/"),
    ("open data", r"open-data/"),
]


def keyboard_pages(paths: list[str], html: dict[str, BeautifulSoup]) -> dict[str, str]:
    """The page of each kind in KEYBOARD_KINDS that the keyboard walk takes."""
    import re

    chosen = {}
    for kind, pattern in KEYBOARD_KINDS:
        matching = [p for p in paths if re.fullmatch(pattern, p)]
        assert matching, f"the real site has no {kind} page (a path like {pattern})"
        if kind == "action":
            matching.sort(key=lambda p: -len(html[p].select("article a[href]")))
        chosen[kind] = matching[0]
    return chosen


def _wanted(request, fixture: str) -> bool:
    return any(fixture in getattr(item, "fixturenames", ()) for item in request.session.items)


@pytest.fixture(scope="session")
def real_site_browser(request, served_real_site, real_pages, real_html, tmp_path_factory) -> dict:
    """tests/browser/real-site.js once over the real site, in one Chromium: the page checks for
    tests/test_a11y.py (reflow at 320 px on every page; requests, skip link and no-JavaScript on one
    page of each kind; badge colours on pages that show every kind of badge) and the keyboard walk
    for tests/test_keyboard.py (one page of each kind at each of KEYBOARD_SIZES). A part is left
    out when no selected test uses it. Screenshots go to a temporary folder (printed) so a person
    can look at them. Returns {"base": url, "sample": [urls], "pageChecks": ..., "keyboard": ...,
    "keyboardPages": {kind: path}}."""
    import re

    work = tmp_path_factory.mktemp("browser")
    base = served_real_site.base_url
    job: dict = {}
    out: dict = {"base": base}
    if _wanted(request, "browser_facts"):
        sample = [base + p for p in representative(real_pages.paths)]
        out["sample"] = sample
        job["pageChecks"] = {
            "checks": {"reflow": [base + p for p in real_pages.paths], "requests": sample, "nojs": sample,
                       "skip": sample, "badges": [base + p for p in badge_pages(real_html)]},
            "screenshots": {url: str(work / ("page-" + (re.sub(r"[^a-z0-9]+", "-", url[len(base):]).strip("-")
                                                        or "home") + ".png")) for url in sample},
            "concurrency": 2,
        }
    if _wanted(request, "walks"):
        chosen = keyboard_pages(real_pages.paths, real_html)
        out["keyboardPages"] = chosen
        job["keyboard"] = {
            "pages": [base + p for p in chosen.values()],
            "sizes": [list(s) for s in KEYBOARD_SIZES],
            "stops": KEYBOARD_STOPS,
            "concurrency": 2,
            "screenshots": [
                {"url": base + chosen["action"], "size": [390, 844], "menu": True, "path": str(work / "menu-390.png")},
                {"url": base + chosen["area"], "size": [390, 844], "path": str(work / "area-390.png")},
            ],
        }
    out.update(run_browser_job("real-site.js", job, work))
    print(f"Screenshots: {work}")
    return out


# --------------------------------------------------------------------------
# Two at a time (pytest-xdist, -n 2 in pyproject.toml)
# --------------------------------------------------------------------------

# Tests that use the one browser run over the real site (real_site_browser): kept on one worker,
# so that run happens once per session.
_REAL_SITE_BROWSER = ("browser_facts", "walks", "real_site_browser")
# The longest groups, started first (pyproject.toml turns off pytest-xdist's own order, most tests
# first, which left them to the end and one worker idle): the browser run over the real site, then
# the accessibility gate on every page of the real site, each about 2 minutes on two cores. The
# other groups with browser tests follow, then the rest in file order.
_FIRST = ("real-site-browser", "real-site-gate")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook reads the groups
def pytest_collection_modifyitems(config, items):
    """With --dist loadgroup, each test file runs on one worker (its module fixtures, such as the
    bad-input corpus's, are made once), and the tests of the real site in the browser, from
    tests/test_a11y.py and tests/test_keyboard.py, run together on one worker. Those tests are marked
    `browser` here (other tests that need Chromium carry @pytest.mark.browser themselves). The groups
    with browser tests run first, the longest (_FIRST) before the others."""
    groups = {}
    for item in items:
        if any(name in _REAL_SITE_BROWSER for name in getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)  # ./scripts/test --quick (-m "not browser") leaves it out
        marker = item.get_closest_marker("xdist_group")
        if marker:
            groups[item.nodeid] = marker.args[0] if marker.args else marker.kwargs.get("name", "default")
            continue
        if any(name in _REAL_SITE_BROWSER for name in getattr(item, "fixturenames", ())):
            group = "real-site-browser"
        else:
            group = item.nodeid.split("::", 1)[0]
        item.add_marker(pytest.mark.xdist_group(group))
        groups[item.nodeid] = group
    browser_groups = {groups[item.nodeid] for item in items if item.get_closest_marker("browser")}

    def rank(item) -> int:
        group = groups[item.nodeid]
        if group in _FIRST:
            return _FIRST.index(group)
        return len(_FIRST) if group in browser_groups else len(_FIRST) + 1

    items.sort(key=rank)  # stable: file order within each rank

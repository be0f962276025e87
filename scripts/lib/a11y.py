"""The accessibility gate: check every page of the built site with pa11y-ci.

Run it as ``./scripts/a11y`` (see ``--help``). It

1. builds the site if ``site/`` was not built by this gate, successfully, from
   exactly the files there are now (a digest of them is kept in
   ``.a11y/site-built-from``): it builds strictly into a temporary folder and
   puts that in place of ``site/`` only if the build succeeds, so a site left by a
   failed build is never checked. Or it builds ``--config`` into a temporary
   folder, or takes an already built ``--site``;
   with ``--base-site DIR`` or ``--changed-since REF`` (a pull request), it then
   keeps only the pages whose HTML differs from the base build plus one page of
   each kind, or every page if anything but content pages changed
   (``select_pages``);
2. serves the site on a free port on 127.0.0.1, under the same path as the
   configured ``site_url`` (so absolute links, as on the 404 page, work);
3. reads every page from ``sitemap.xml`` (plus ``404.html`` and any other HTML
   page the sitemap leaves out), rewriting ``site_url`` to the local address;
4. runs pa11y-ci (htmlcs and axe runners, WCAG 2 AA, threshold 0) on them,
   with Debian's Chromium, and reads its JSON report;
5. prints a short summary per failing page and exits with 1 if any page has an
   issue, failed to load, or asked for a file the site does not have.

Exit codes: 0 every page passed; 1 accessibility problems found; 2 the check
itself could not run (no Chromium, no node_modules, the build failed ...).

The pa11y options live in ``.pa11yci.base.json``: every rule it ignores and every
element it hides must have a reason there, or the gate refuses to run.
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE_CONFIG = ROOT / ".pa11yci.base.json"
PA11Y_CI = ROOT / "node_modules" / "pa11y-ci" / "bin" / "pa11y-ci.js"
REPORTER = Path(__file__).resolve().parent / "a11y-reporter.js"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
# Sources of the default site: if any is newer than site/sitemap.xml, rebuild.
BUILD_INPUTS = ("mkdocs.yml", "content", "overrides", "plugins", "requirements.txt", "pyproject.toml")

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT_RUN = 0, 1, 2


class GateError(Exception):
    """The check could not run (exit code 2)."""


def chromium_path() -> str:
    return os.environ.get("A11Y_CHROMIUM", DEFAULT_CHROMIUM)


def chromium_args(user_data_dir: str | os.PathLike) -> list[str]:
    """Flags for Debian's Chromium: headless, no sandbox (we run as root in a
    container), no background networking of its own, a fresh profile, and no
    host name resolves except 127.0.0.1, so a page can never reach the internet
    while it is checked."""
    return [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--metrics-recording-only",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--user-data-dir={user_data_dir}",
    ]


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------


def inputs_fingerprint(root: Path) -> str:
    """A digest of every file the default site is built from (names and bytes)."""
    digest = hashlib.sha256()
    for name in BUILD_INPUTS:
        path = root / name
        files = [path] if path.is_file() else sorted(
            p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else []
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def built_from_record(root: Path) -> Path:
    return root / ".a11y" / "site-built-from"


def site_is_stale(site_dir: Path, root: Path = ROOT) -> bool:
    """True unless ``site_dir`` was built by this gate, successfully, from exactly the files there are
    now. A site left behind by a build that failed (or by any other build) is never taken as is."""
    record = built_from_record(root)
    if not (site_dir / "sitemap.xml").is_file() or not record.is_file():
        return True
    return record.read_text(encoding="utf-8").strip() != inputs_fingerprint(root)


def build_default_site(root: Path = ROOT) -> Path:
    """Build ``root``'s site strictly into a new folder and, only if that build succeeds, put it in
    place of ``root/site`` and record which content it was built from. If the build fails, nothing
    is checked and ``site/`` is left as it was (and still counts as out of date)."""
    fingerprint = inputs_fingerprint(root)
    (root / ".a11y").mkdir(exist_ok=True)
    # In the same file system as site/, so that putting the new site in place is a rename.
    staging = Path(tempfile.mkdtemp(prefix="site-", dir=root / ".a11y"))
    try:
        run_build([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                   "-f", str(root / "mkdocs.yml"), "-d", str(staging / "site")], cwd=root)
        site_dir = root / "site"
        old = staging / "old-site"
        if site_dir.exists():
            site_dir.rename(old)
        (staging / "site").rename(site_dir)
        record = built_from_record(root)
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(fingerprint + "\n", encoding="utf-8")
        return site_dir
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def default_site(root: Path = ROOT) -> Path:
    site_dir = root / "site"
    if site_is_stale(site_dir, root):
        return build_default_site(root)
    print("site/ is up to date (built by this check from the files as they are now); not rebuilding.", flush=True)
    return site_dir


def run_build(command: list[str], cwd: Path) -> None:
    print("Building the site: " + " ".join(command), flush=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(command, cwd=cwd, env=env)
    if result.returncode != 0:
        raise GateError(f"The site did not build (exit code {result.returncode}), so nothing was checked: "
                        "fix the problems listed above first.")


# --------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------


@dataclass
class Pages:
    site_url: str  # as in the sitemap, ending in "/"
    paths: list[str]  # relative to site_url, e.g. "", "areas/", "404.html"
    not_in_sitemap: list[str] = field(default_factory=list)


def read_pages(site_dir: Path) -> Pages:
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        raise GateError(
            f"{sitemap} is missing. MkDocs writes it only when mkdocs.yml sets site_url; set it."
        )
    try:
        tree = ET.parse(sitemap)
    except ET.ParseError as error:
        raise GateError(f"{sitemap} is not valid XML: {error}") from error
    locs = [el.text.strip() for el in tree.iter() if el.tag.endswith("}loc") or el.tag == "loc" if el.text]
    if not locs:
        raise GateError(f"{sitemap} lists no pages.")
    # The home page's address is site_url itself: the shortest address.
    site_url = min(locs, key=len)
    if not site_url.endswith("/"):
        site_url = site_url.rsplit("/", 1)[0] + "/"
    outside = [loc for loc in locs if not loc.startswith(site_url)]
    if outside:
        raise GateError(f"{sitemap} lists pages outside {site_url}: {', '.join(outside[:3])}")
    paths = list(dict.fromkeys(loc[len(site_url):] for loc in locs))

    # Pages that are served but not in the sitemap: the 404 page, and anything
    # else the build wrote. They are checked too.
    listed = {path_to_file(p) for p in paths}
    extra = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel in listed:
            continue
        extra.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    not_in_sitemap = [p for p in extra if p != "404.html"]
    return Pages(site_url=site_url, paths=paths + extra, not_in_sitemap=not_in_sitemap)


def path_to_file(path: str) -> str:
    path = urllib.parse.unquote(path.split("#", 1)[0].split("?", 1)[0])
    return path + "index.html" if path == "" or path.endswith("/") else path


# --------------------------------------------------------------------------
# Which pages a pull request's check covers
# --------------------------------------------------------------------------

# Files every build rewrites when any page changes, and files no page loads to display itself: a
# difference in these alone does not change how any page looks or behaves.
DERIVED_FILES = {"sitemap.xml", "sitemap.xml.gz", "feed.xml", "search/search_index.json"}
DATA_SUFFIXES = (".csv", ".json", ".xml")


def page_kind(path: str) -> tuple[str, int]:
    """Pages of one kind share an address pattern: 'areas/2-x/2-10-y/' is (areas, 3), an action."""
    parts = [part for part in path.split("/") if part]
    return (parts[0] if len(parts) > 1 else "(top)", len(parts)) if parts else ("(home)", 0)


def sample_of_each_kind(paths: list[str]) -> list[str]:
    """The first page (in address order) of each kind: the same pages on every run."""
    first: dict[tuple[str, int], str] = {}
    for path in sorted(paths):
        first.setdefault(page_kind(path), path)
    return sorted(first.values())


def differing_files(site_dir: Path, base_dir: Path) -> tuple[set[str], set[str]]:
    """(pages whose HTML differs from the base build or is new, other files that differ, appeared or went)."""
    def listing(folder: Path) -> dict[str, Path]:
        return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}

    here, there = listing(site_dir), listing(base_dir)
    pages, others = set(), set()
    for rel in set(here) | set(there):
        a, b = here.get(rel), there.get(rel)
        if a is not None and b is not None and a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes():
            continue
        if rel.endswith(".html"):
            if a is not None:
                pages.add(rel)
        elif rel not in DERIVED_FILES and not rel.endswith(DATA_SUFFIXES):
            others.add(rel)
    return pages, others


def content_only(changed_paths: list[str], docs_dir: str) -> list[str]:
    """The changed paths that are not Markdown pages in the content folder (empty: a content-only change)."""
    prefix = docs_dir.strip("/") + "/"
    return [p for p in changed_paths if not (p.startswith(prefix) and p.endswith(".md"))]


@dataclass
class Selection:
    paths: list[str]
    reason: str


def select_pages(pages: "Pages", site_dir: Path, base_dir: Path, changed_paths: list[str] | None,
                 docs_dir: str = "content") -> Selection:
    """The pages a pull request's check covers. Every page when anything but content pages changed
    (templates, CSS, JavaScript, the theme, the plugin, mkdocs.yml ...: seen in the list of changed
    files, or as a stylesheet, script, image or font that differs between the builds). Otherwise:
    every page whose HTML differs from the base build (the changed pages and every generated page
    that lists them, since those change too), plus the first page of each kind."""
    if changed_paths is not None:
        other = content_only(changed_paths, docs_dir)
        if other:
            shown = ", ".join(other[:5]) + (f" and {len(other) - 5} more" if len(other) > 5 else "")
            return Selection(list(pages.paths), f"every page: more than content pages changed ({shown})")
    differ, assets = differing_files(site_dir, base_dir)
    if assets:
        shown = ", ".join(sorted(assets)[:5]) + (f" and {len(assets) - 5} more" if len(assets) > 5 else "")
        return Selection(list(pages.paths), f"every page: files all pages use differ from the base build ({shown})")
    changed = [p for p in pages.paths if path_to_file(p) in differ]
    sample = [p for p in sample_of_each_kind(pages.paths) if p not in changed]
    chosen = [p for p in pages.paths if p in set(changed) | set(sample)]
    return Selection(chosen, f"{len(changed)} page(s) whose HTML differs from the base build, plus "
                             f"{len(sample)} more so that every kind of page is checked "
                             f"({len(chosen)} of {len(pages.paths)} pages)")


def export_commit(ref: str, into: Path, repo: Path = ROOT) -> None:
    """The files of commit ``ref`` in ``into`` (the working folder is not touched)."""
    result = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", f"{ref}^{{commit}}"],
                            capture_output=True)
    if result.returncode != 0:
        raise GateError(f"cannot read {ref} from git: {result.stderr.decode('utf-8', 'replace').strip()} "
                        "(in GitHub Actions, check out with fetch-depth: 0)")
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(into, filter="data")


def changed_since(ref: str, repo: Path = ROOT) -> list[str]:
    """Files changed between ``ref`` and the working folder (new untracked files included)."""
    result = subprocess.run(["git", "-C", str(repo), "diff", "--name-only", "-z", ref], capture_output=True, text=True)
    if result.returncode != 0:
        raise GateError(f"cannot list the files changed since {ref}: {result.stderr.strip()}")
    untracked = subprocess.run(["git", "-C", str(repo), "ls-files", "--others", "--exclude-standard", "-z"],
                               capture_output=True, text=True).stdout
    return sorted({p for p in (result.stdout + "\0" + untracked).split("\0") if p})


def docs_dir_of(config: Path) -> str:
    match = re.search(r"^docs_dir:\s*['\"]?([^'\"#\s]+)", config.read_text(encoding="utf-8"), re.MULTILINE)
    return match.group(1) if match else "docs"


def build_base(ref: str, config: Path, workdir: Path) -> Path | None:
    """Build the site as it was at ``ref`` into ``workdir``; None (and a note) if it does not build."""
    source = workdir / "base-source"
    source.mkdir()
    export_commit(ref, source)
    try:
        base_config = source / config.resolve().relative_to(ROOT)
    except ValueError:
        raise GateError(f"--changed-since needs a settings file inside {ROOT}") from None
    site = workdir / "base-site"
    print(f"Building the site as it was at {ref}, to see which pages changed ...", flush=True)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q",
                             "-f", str(base_config), "-d", str(site)], cwd=base_config.parent,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    if result.returncode != 0:
        print(f"  note: the site at {ref} does not build, so there is nothing to compare with.", flush=True)
        return None
    return site


# --------------------------------------------------------------------------
# Serving
# --------------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    server: "_Server"

    def translate_path(self, path: str) -> str:
        raw = urllib.parse.urlsplit(path).path
        mount = self.server.mount
        if raw.startswith(mount):
            return super().translate_path("/" + raw[len(mount):])
        if raw == mount.rstrip("/"):
            return super().translate_path("/")  # a folder: the handler redirects to add "/"
        return os.path.join(self.directory, ".a11y-outside-site-url", "missing")

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            self.server.missing.append((self.path, self.headers.get("Referer") or ""))
        super().send_error(code, message, explain)

    def list_directory(self, path):
        # A static host does not list folders: a folder without index.html is missing.
        self.send_error(404, "No index.html here")
        return None

    def log_message(self, format, *args):  # noqa: A002 - quiet: the summary says what matters
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    mount = "/"
    missing: list

    def handle_error(self, request, client_address):
        # The browser drops connections it no longer needs (a page closed while
        # the search index was still loading): not worth a traceback.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


class SiteServer:
    """Serve ``site_dir`` at http://127.0.0.1:<free port><mount>."""

    def __init__(self, site_dir: Path, mount: str):
        self.site_dir = site_dir
        self.mount = mount if mount.endswith("/") else mount + "/"
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "SiteServer":
        handler = lambda *a, **k: _Handler(*a, directory=str(self.site_dir), **k)  # noqa: E731
        self._server = _Server(("127.0.0.1", 0), handler)
        self._server.mount = self.mount
        self._server.missing = []
        self._thread = threading.Thread(target=self._server.serve_forever, name="a11y-server", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.mount}"

    @property
    def missing(self) -> list[tuple[str, str]]:
        return list(self._server.missing) if self._server else []


def check_loads(urls: list[str]) -> dict[str, str]:
    """GET every page; return {url: why it failed} for those that are not HTML with status 200."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    failures = {}
    for url in urls:
        try:
            with opener.open(url, timeout=30) as response:
                kind = response.headers.get_content_type()
                if response.status != 200:
                    failures[url] = f"HTTP status {response.status}"
                elif kind != "text/html":
                    failures[url] = f"served as {kind}, not HTML"
        except urllib.error.HTTPError as error:
            failures[url] = f"HTTP status {error.code} ({error.reason})"
        except OSError as error:
            failures[url] = f"could not be fetched: {error}"
    return failures


# --------------------------------------------------------------------------
# pa11y-ci
# --------------------------------------------------------------------------


def load_base_config(path: Path = BASE_CONFIG) -> dict:
    """Read .pa11yci.base.json and insist that every ignored rule and hidden
    element has a written reason."""
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GateError(f"Cannot read {path}: {error}") from error
    defaults = config.get("defaults", {})
    reasons = config.get("reasons", {})
    problems = []
    for rule in defaults.get("ignore", []):
        if not str(reasons.get("ignore", {}).get(rule, "")).strip():
            problems.append(f'rule "{rule}" is ignored without a reason in reasons.ignore')
    for selector in split_selectors(defaults.get("hideElements") or ""):
        if not str(reasons.get("hideElements", {}).get(selector, "")).strip():
            problems.append(f'element "{selector}" is hidden without a reason in reasons.hideElements')
    if defaults.get("standard") != "WCAG2AA":
        problems.append("standard must be WCAG2AA")
    if sorted(defaults.get("runners", [])) != ["axe", "htmlcs"]:
        problems.append('runners must be ["htmlcs", "axe"]')
    if problems:
        raise GateError(f"{path.name}: " + "; ".join(problems))
    return config


def split_selectors(selectors: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in selectors:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current.strip())
    return parts


def pa11y_config(base: dict, urls: list[str], *, report: Path, stream: Path, profile: Path, local_base: str,
                 concurrency: int, timeout_ms: int | None) -> dict:
    defaults = dict(base["defaults"])
    if not defaults.get("hideElements"):
        defaults.pop("hideElements", None)
    if timeout_ms is not None:
        defaults["timeout"] = timeout_ms
    defaults["concurrency"] = concurrency
    defaults["chromeLaunchConfig"] = {
        "executablePath": chromium_path(),
        "headless": True,
        "args": chromium_args(profile),
    }
    defaults["reporters"] = [
        [str(REPORTER), {"base": local_base, "stream": str(stream)}],
        ["json", {"fileName": str(report)}],
    ]
    # Each URL as an object, not a string: with a string, pa11y-ci (4.1.1) hands
    # every concurrent page the same options object, so one page's browser
    # context leaks into another's and gets closed under it ("Protocol error
    # (Target.closeTarget): No target with given id found", pa11y-ci issue #354).
    return {"defaults": defaults, "urls": [{"url": url} for url in urls]}


class Pa11yRun:
    """pa11y-ci in its own process group, stopped (with its Chromium) on exit.

    pa11y-ci can hang for ever on one page (seen with very short timeouts: a
    page whose navigation timed out never finishes). Our reporter writes each
    page's result to ``stream`` as soon as it is known; if no page finishes for
    ``stall`` seconds, pa11y-ci is stopped and the pages it never finished
    count as failures."""

    def __init__(self, config_path: Path, profile: Path, stream: Path, stall: float):
        self.config_path = config_path
        self.profile = profile
        self.stream = stream
        self.stall = stall
        self.stalled = False
        self.process: subprocess.Popen | None = None

    def run(self) -> int | None:
        """pa11y-ci's exit code, or None if it was stopped for making no progress."""
        env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1")
        self.process = subprocess.Popen(
            ["node", str(PA11Y_CI), "--config", str(self.config_path)],
            cwd=ROOT, env=env, start_new_session=True,
        )
        last_size, last_change = -1, time.monotonic()
        while True:
            try:
                return self.process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                pass
            size = self.stream.stat().st_size if self.stream.exists() else 0
            now = time.monotonic()
            if size != last_size:
                last_size, last_change = size, now
            elif now - last_change > self.stall:
                self.stalled = True
                self.stop()
                return None

    def stop(self) -> None:
        process = self.process
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)  # puppeteer closes Chromium on SIGTERM
                process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait()
        # Puppeteer starts Chromium in a process group of its own. If node died
        # before closing it, end the Chromium processes using *our* profile.
        for pid in chromium_pids(self.profile):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def chromium_pids(profile: Path) -> list[int]:
    marker = f"--user-data-dir={profile}".encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if marker in cmdline.split(b"\0"):
            pids.append(int(entry.name))
    return pids


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

# Plain-English fixes for the issues we are most likely to meet. Anything else
# gets the checker's own message and a link to the rule's documentation.
FIXES = {
    "image-alt": "Give the image a text alternative that says what it shows: ![what it shows](picture.png) in Markdown, alt=\"...\" in HTML. Use an empty alt only for pure decoration.",
    "H37": "Give the image a text alternative that says what it shows: ![what it shows](picture.png) in Markdown, alt=\"...\" in HTML. Use an empty alt only for pure decoration.",
    "link-in-text-block": "Links inside a sentence must be underlined, not only coloured. theme-fixes.css underlines .md-typeset links; check nothing turns the underline off.",
    "color-contrast": "Make the text darker (or its background lighter): normal text needs a contrast of 4.5:1, large text 3:1.",
    "G18": "Make the text darker (or its background lighter): normal text needs a contrast of 4.5:1.",
    "G145": "Make the text darker (or its background lighter): large text needs a contrast of 3:1.",
    "aria-dialog-name": "Give the dialog a name with aria-label or aria-labelledby.",
    "H32": "Give the form a submit button (<button type=\"submit\">).",
    "link-name": "Give the link words that say where it goes; an icon alone needs an aria-label.",
    "H30": "Give the link words that say where it goes; an image alone needs alt text.",
    "button-name": "Give the button a name: visible text, or aria-label for an icon button.",
    "label": "Give the form field a label (<label for=...>) or an aria-label.",
    "H44": "Give the form field a label (<label for=...>) or an aria-label.",
    "H91": "Give the form control an accessible name (a label or aria-label).",
    "document-title": "Give the page a title (the first # heading, or title: in the front-matter).",
    "H25": "Give the page a title (the first # heading, or title: in the front-matter).",
    "html-has-lang": "Set the page language (theme.language in mkdocs.yml).",
    "H57": "Set the page language (theme.language in mkdocs.yml).",
    "duplicate-id": "Two elements share one id; give each a unique id.",
    "duplicate-id-aria": "Two elements share one id that ARIA refers to; give each a unique id.",
    "F77": "Two elements share one id; give each a unique id.",
    "empty-heading": "Remove the empty heading or give it words.",
    "H42": "Use real heading markup (#, ##, ...) for text that looks like a heading.",
    "list": "Only <li> elements may sit directly inside <ul> or <ol>.",
    "listitem": "Put each <li> inside a <ul> or <ol>.",
    "td-headers-attr": "Table cells may only point at header cells of the same table.",
    "th-has-data-cells": "Every table header must label some data cells.",
    "H63": "Table header cells need a scope or must be unambiguous.",
    "H43": "Table data cells must be associated with their headers.",
    "scrollable-region-focusable": "A region that scrolls must be reachable with the keyboard (tabindex=\"0\" and a name).",
    "frame-title": "Give the iframe a title attribute.",
    "H64": "Give the iframe a title attribute.",
    "region": "Put all content inside a landmark (header, nav, main, footer).",
    "landmark-unique": "Landmarks of the same kind need different names (aria-label).",
    "aria-allowed-attr": "Remove the ARIA attribute that this element's role does not allow.",
    "aria-hidden-focus": "Do not hide (aria-hidden) elements that can take keyboard focus.",
    "nested-interactive": "Do not put a link or button inside another link or button.",
}

TECHNIQUE_FOLDERS = {"ARIA": "aria", "SCR": "client-side-script", "C": "css", "F": "failures", "G": "general", "H": "html"}


def htmlcs_parts(code: str) -> tuple[str | None, str | None]:
    """'WCAG2AA.Principle1.Guideline1_1.1_1_1.H37' -> ('1.1.1', 'H37')."""
    match = re.match(r"WCAG2A{1,3}\.Principle\d\.Guideline[\d_]+\.(\d+_\d+_\d+)\.([A-Z]+\d+)", code)
    if not match:
        return None, None
    return match.group(1).replace("_", "."), match.group(2)


def how_to_fix(issue: dict) -> str:
    code = issue.get("code", "")
    if issue.get("runner") == "axe":
        fix = FIXES.get(code, "")
        url = (issue.get("runnerExtras") or {}).get("helpUrl", "")
        return " ".join(part for part in (fix, f"More: {url}" if url else "") if part)
    criterion, technique = htmlcs_parts(code)
    fix = FIXES.get(technique or "", "")
    folder = TECHNIQUE_FOLDERS.get(re.sub(r"\d+$", "", technique or ""))
    url = f"https://www.w3.org/WAI/WCAG22/Techniques/{folder}/{technique}" if folder else ""
    where = f"WCAG {criterion}" if criterion else ""
    return " ".join(part for part in (fix, where and f"({where}).", f"More: {url}" if url else "") if part)


@dataclass
class Outcome:
    pages: int
    issues: dict[str, list[dict]]  # url -> issues, failing pages only
    load_failures: dict[str, str]  # url -> why
    missing_files: list[tuple[str, str]]  # (file, page that asked for it)

    @property
    def ok(self) -> bool:
        return not (self.issues or self.load_failures or self.missing_files)


def read_results(stream: Path, urls: list[str], load_failures: dict[str, str],
                 stalled_after: float | None = None) -> tuple[dict, dict]:
    """Return (issues by url, load failures by url) from the JSON lines our
    reporter wrote, one per page: {"url", "issues"} or {"url", "error"}.

    pa11y-ci records a page that timed out or crashed as an error message
    instead of issues, and does not count it as an error: here it is a
    failure. A page with no result at all is a failure too."""
    results: dict[str, dict] = {}
    if stream.exists():
        for line in stream.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                results[entry["url"]] = entry
    issues: dict[str, list[dict]] = {}
    failures = dict(load_failures)
    for url in urls:
        if url in failures:
            continue
        entry = results.get(url)
        if entry is None:
            failures[url] = (f"pa11y-ci never finished it (no page finished for {stalled_after:.0f} s, so the "
                             "gate stopped pa11y-ci)" if stalled_after else "pa11y-ci did not report on this page")
        elif "error" in entry:
            failures[url] = f"pa11y could not test it: {entry['error']}"
        elif entry.get("issues"):
            issues[url] = entry["issues"]
    return issues, failures


def shorten(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_summary(outcome: Outcome, local_base: str) -> str:
    def page(url: str) -> str:
        return "/" + url[len(local_base):] if url.startswith(local_base) else url

    lines: list[str] = []
    explained: dict[tuple, str] = {}
    for url, found in outcome.issues.items():
        lines.append("")
        lines.append(f"{page(url)}  ({len(found)} issue{'s' if len(found) != 1 else ''})")
        for number, issue in enumerate(found, 1):
            runner = issue.get("runner", "?")
            code = issue.get("code", "?")
            selector = re.sub(r"^html > body > ", "", issue.get("selector") or "(whole page)")
            lines.append(f"  {number}. [{runner}] {code}")
            lines.append(f"     where: {selector}")
            if issue.get("context"):
                lines.append(f"     html:  {shorten(issue['context'], 120)}")
            key = (runner, code, issue.get("message"))
            if key in explained:
                lines.append(f"     (same problem as on {explained[key]}; see there)")
                continue
            explained[key] = page(url)
            message = issue.get("message", "")
            if runner == "axe":
                message = re.sub(r"\s*\(https?://[^)]*\)$", "", message)
            lines.append(f"     what:  {shorten(message, 300)}")
            lines.append(f"     fix:   {how_to_fix(issue)}")
    if outcome.load_failures:
        lines.append("")
        lines.append("Pages that failed to load (they count as failures):")
        for url, why in outcome.load_failures.items():
            lines.append(f"  {page(url)}: {why}")
    if outcome.missing_files:
        lines.append("")
        lines.append("Files a page asked for that the site does not have (they count as failures):")
        for path, referer in outcome.missing_files:
            lines.append(f"  {path}" + (f"  (asked for by {page(referer)})" if referer else ""))
    issue_count = sum(len(v) for v in outcome.issues.values())
    lines.append("")
    if outcome.ok:
        lines.append(f"Accessibility check passed: {outcome.pages} pages, 0 issues (htmlcs and axe, WCAG 2 AA).")
    else:
        lines.append(
            f"Accessibility check FAILED: {issue_count} issue{'s' if issue_count != 1 else ''} on "
            f"{len(outcome.issues)} of {outcome.pages} pages; {len(outcome.load_failures)} page(s) failed "
            f"to load; {len(outcome.missing_files)} missing file(s)."
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def check_tools() -> None:
    if not PA11Y_CI.is_file():
        raise GateError(f"{PA11Y_CI.relative_to(ROOT)} is missing: run scripts/lib/ensure-a11y (or ./scripts/test).")
    if not os.access(chromium_path(), os.X_OK):
        raise GateError(f"No Chromium at {chromium_path()}: run scripts/lib/ensure-a11y (apt-get install chromium).")
    if shutil.which("node") is None:
        raise GateError("node is not installed (Node 20 or later is needed).")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/a11y",
        description="Check every page of the site with pa11y-ci (htmlcs and axe, WCAG 2 AA, threshold 0).",
        epilog="Exit codes: 0 all pages pass; 1 issues or pages that failed to load; 2 the check could not run.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--site", type=Path, help="check this already built site folder (no build)")
    source.add_argument("--config", type=Path,
                        help="build this MkDocs config (strict) into a temporary folder and check that")
    # One more page than CPUs: each page spends part of its time waiting for the
    # network to go quiet (pa11y waits for that), and the extra page fills it.
    parser.add_argument("--concurrency", type=int, default=min(4, (os.cpu_count() or 1) + 1),
                        help="pages checked at once (default: number of CPUs plus one, at most 4)")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds allowed per page (default: from .pa11yci.base.json)")
    parser.add_argument("--report", type=Path, default=ROOT / ".a11y" / "report.json",
                        help="where to keep pa11y-ci's JSON report (default: .a11y/report.json)")
    parser.add_argument("--stall", type=float, default=None,
                        help="stop pa11y-ci if no page finishes for this many seconds "
                             "(default: twice the per-page timeout plus a minute)")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--base-site", type=Path,
                       help="a pull request's check: a build of the base branch; check only the pages whose "
                            "HTML differs from it, plus one page of each kind (every page if a stylesheet, "
                            "script or other shared file differs)")
    scope.add_argument("--changed-since", metavar="REF",
                       help="as --base-site, building the base from this git commit; also checks every page "
                            "if anything but Markdown pages in the content folder changed since REF")
    parser.add_argument("--base-config", type=Path, default=BASE_CONFIG, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.concurrency < 1:
        parser.error("--concurrency must be at least 1")
    return args


def _raise_on_signal(signum, frame):  # noqa: ARG001
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_on_signal)
    workdir = Path(tempfile.mkdtemp(prefix="a11y-"))
    run: Pa11yRun | None = None
    try:
        check_tools()
        base = load_base_config(args.base_config)
        if args.site:
            site_dir = args.site.resolve()
            if not site_dir.is_dir():
                raise GateError(f"{site_dir} is not a folder.")
        elif args.config:
            site_dir = workdir / "site"
            run_build([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                       "-f", str(args.config.resolve()), "-d", str(site_dir)], cwd=args.config.resolve().parent)
        else:
            site_dir = default_site(ROOT)
        pages = read_pages(site_dir)
        chosen = pages.paths
        if args.base_site or args.changed_since:
            config_file = args.config.resolve() if args.config else ROOT / "mkdocs.yml"
            changed_paths = None
            if args.changed_since:
                changed_paths = changed_since(args.changed_since)
                base_dir = build_base(args.changed_since, config_file, workdir)
            else:
                base_dir = args.base_site.resolve()
                if not (base_dir / "sitemap.xml").is_file():
                    raise GateError(f"{base_dir} is not a built site (it has no sitemap.xml).")
            if base_dir is None:
                print("Checking every page: there is no base build to compare with.", flush=True)
            else:
                selection = select_pages(pages, site_dir, base_dir, changed_paths, docs_dir_of(config_file))
                chosen = selection.paths
                print(f"Pull request check: {selection.reason}.", flush=True)
        mount = urllib.parse.urlsplit(pages.site_url).path or "/"
        started = time.monotonic()
        with SiteServer(site_dir, mount) as server:
            local = server.base_url
            urls = [local + p for p in chosen]
            print(f"Serving {site_dir} at {local} (site_url {pages.site_url}).")
            for path in (p for p in pages.not_in_sitemap if p in chosen):
                print(f"  note: /{path} is not in sitemap.xml; checking it anyway.")
            load_failures = check_loads(urls)
            ours = len(server.missing)  # the 404s above are our own page checks
            to_test = [u for u in urls if u not in load_failures]
            report = args.report.resolve()
            report.parent.mkdir(parents=True, exist_ok=True)
            report.unlink(missing_ok=True)
            profile = workdir / "chromium-profile"
            stream = workdir / "results.jsonl"
            config = pa11y_config(base, to_test, report=report, stream=stream, profile=profile, local_base=local,
                                  concurrency=args.concurrency,
                                  timeout_ms=None if args.timeout is None else max(1, int(args.timeout * 1000)))
            config_path = workdir / "pa11yci.json"
            config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")
            print(f"Checking {len(to_test)} pages with pa11y-ci (htmlcs and axe, WCAG 2 AA), "
                  f"{args.concurrency} at a time ...", flush=True)
            issues: dict = {}
            if to_test:
                timeout_s = config["defaults"]["timeout"] / 1000
                stall = args.stall if args.stall is not None else 2 * timeout_s + 60
                run = Pa11yRun(config_path, profile, stream, stall)
                code = run.run()
                if run.stalled:
                    print(f"pa11y-ci finished no page for {stall:.0f} s: stopped it.", flush=True)
                elif code not in (0, 2):
                    raise GateError(f"pa11y-ci stopped with exit code {code} (see its message above).")
                issues, load_failures = read_results(stream, to_test, load_failures,
                                                     stalled_after=stall if run.stalled else None)
            missing = server.missing[ours:]
        outcome = Outcome(pages=len(urls), issues=issues, load_failures=load_failures,
                          missing_files=list(dict.fromkeys(missing)))
        print(format_summary(outcome, local))
        print(f"({time.monotonic() - started:.0f} s" + (f"; pa11y-ci's full report: {report})" if report.exists() else ")"))
        return EXIT_OK if outcome.ok else EXIT_PROBLEMS
    except GateError as error:
        print(f"scripts/a11y: {error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        print("scripts/a11y: interrupted; stopping.", file=sys.stderr)
        return 130
    finally:
        if run is not None:
            run.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

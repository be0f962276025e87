"""The accessibility gate and the checks the automated WCAG rules cannot make.

* ``scripts/a11y`` passes on every page of the real site (htmlcs and axe), and
  on a stock mkdocs-material site with our overrides and CSS;
* it fails, naming the issue, on a page with a known WCAG failure; it counts a
  page that fails to load (missing, or timed out inside pa11y) as a failure;
  it stops its server and browser when it is stopped;
* the built site references and requests nothing from another host;
* every page has its content and navigation without JavaScript;
* every page reflows at 320 CSS pixels without horizontal scrolling;
* status badges have a text contrast of at least 4.5:1;
* every page has a skip link that moves focus to the content.

Everything runs against real builds (``mkdocs build --strict``) served on
127.0.0.1, in Debian's Chromium. Nothing is mocked; nothing is skipped: a
missing tool is a failure with instructions (``./scripts/test`` installs them).
To reproduce a failure by hand: ``./scripts/a11y`` (or ``--site DIR``), or
``.venv/bin/python -m pytest tests/test_a11y.py -k NAME``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import gate, require_browser

ROOT = Path(__file__).resolve().parents[1]
A11Y = ROOT / "scripts" / "a11y"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
THEME_FIXES = ROOT / "plugins" / "plan_progress" / "assets" / "theme-fixes.css"
TEMPLATES = ROOT / "plugins" / "plan_progress" / "templates"


# --------------------------------------------------------------------------
# Helpers and fixtures
# --------------------------------------------------------------------------


def require_tools() -> None:
    require_browser()


def mkdocs_build(config: Path, site_dir: Path, env: dict | None = None) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, capture_output=True, text=True, env=env,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict -f {config} failed:\n{result.stdout}\n{result.stderr}")
    return site_dir


def fixture_env() -> dict:
    return dict(os.environ, A11Y_OVERRIDES_DIR=str(TEMPLATES), NO_MKDOCS_2_WARNING="1")


def copy_fixture(name: str, tmp_path: Path) -> Path:
    """Copy tests/fixtures/<name> to tmp_path with our theme-fixes.css; return its mkdocs.yml."""
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    css = target / "docs" / "assets" / "stylesheets"
    css.mkdir(parents=True, exist_ok=True)
    shutil.copy(THEME_FIXES, css / "theme-fixes.css")
    # The plugin's script makes the theme's menu and table-of-contents controls accessible (it replaces
    # the theme's unnamed checkboxes): the fixtures borrow it as they borrow the stylesheet.
    js = target / "docs" / "assets" / "javascripts"
    js.mkdir(parents=True, exist_ok=True)
    shutil.copy(THEME_FIXES.parent / "plan-progress.js", js / "plan-progress.js")
    return target / "mkdocs.yml"


@pytest.fixture(scope="session")
def stock_site(tmp_path_factory) -> Path:
    """The a11y-stock fixture (stock mkdocs-material with our overrides and CSS, 6 pages), built
    strictly once for the tests of the gate's own behaviour. They only read it (one changes a copy)."""
    tmp = tmp_path_factory.mktemp("stock")
    return mkdocs_build(copy_fixture("a11y-stock", tmp), tmp / "site", env=fixture_env())


def run_gate(*args: str, timeout: float = 600, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(A11Y), *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=timeout, env=env or fixture_env())
    result.output = result.stdout + result.stderr  # type: ignore[attr-defined]
    return result


def summary_of(result: subprocess.CompletedProcess) -> str:
    """The gate's output without its one-line-per-page progress."""
    lines = [line for line in result.output.splitlines() if not re.match(r"\s+\[\d+/\d+\] (ok|\d+ issues?) ", line)]
    return "\n".join(lines)[-12000:]


@pytest.fixture(scope="session")
def real_site(real_build) -> Path:
    """The real site (mkdocs.yml), built strictly into a temporary folder once per session (conftest)."""
    return real_build.site


@pytest.fixture(scope="session")
def browser_facts(real_site_browser):
    """tests/browser/page-checks.js's facts about the real site (conftest.real_site_browser runs it
    with the keyboard walk, in one browser): reflow on every page, the rest on one page of each kind."""
    facts = dict(real_site_browser["pageChecks"])
    facts["base"] = real_site_browser["base"]
    facts["sample"] = real_site_browser["sample"]
    return facts


def failures_of(facts: dict, check: str, problem) -> list[str]:
    """Run problem(url, fact) -> str|None over one check's facts; errors are failures too."""
    out = []
    for url, fact in facts[check].items():
        page = "/" + url[len(facts["base"]):]
        if "error" in fact:
            out.append(f"{page}: the browser could not check it: {fact['error']}")
            continue
        why = problem(url, fact)
        if why:
            out.append(f"{page}: {why}")
    return out


# --------------------------------------------------------------------------
# The gate itself
# --------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.xdist_group("real-site-gate")  # on its own: it runs beside the other browser checks (conftest)
def test_gate_passes_on_every_page_of_the_real_site(real_site, real_pages, tmp_path):
    require_tools()
    result = run_gate("--site", str(real_site), "--report", str(tmp_path / "report.json"), timeout=1200)
    assert result.returncode == 0, f"./scripts/a11y --site {real_site} failed:\n{summary_of(result)}"
    assert f"Accessibility check passed: {len(real_pages.paths)} pages, 0 issues" in result.output
    assert "404.html" in real_pages.paths
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["total"] == len(real_pages.paths) == report["passes"]


@pytest.mark.browser
def test_gate_passes_on_stock_material_with_our_overrides(stock_site, tmp_path):
    """The fixes in the plugin's templates and theme-fixes.css cover what stock
    mkdocs-material fails on every page (search form and dialog, footer
    contrast, links in text), independently of the plan-progress plugin.
    (--config, building and then checking, is tested on the example plan.)"""
    require_tools()
    result = run_gate("--site", str(stock_site), "--report", str(tmp_path / "report.json"))
    assert result.returncode == 0, summary_of(result)
    assert "Accessibility check passed: 6 pages, 0 issues" in result.output


@pytest.mark.browser
def test_gate_fails_and_names_a_known_wcag_failure(tmp_path):
    require_tools()
    config = copy_fixture("a11y-broken", tmp_path)
    result = run_gate("--config", str(config), "--report", str(tmp_path / "report.json"))
    assert result.returncode == 1, summary_of(result)
    summary = result.stdout.split("/broken-image/  (", 1)
    assert len(summary) == 2, f"the failing page is not named:\n{result.output}"
    assert "2 issues)" in summary[1][:20]
    # Both runners find it: htmlcs as technique H37, axe as rule image-alt.
    assert "[htmlcs] WCAG2AA.Principle1.Guideline1_1.1_1_1.H37" in result.stdout
    assert "[axe] image-alt" in result.stdout
    assert '<img src="../chart.svg" width="120" height="60">' in result.stdout
    assert "fix:   Give the image a text alternative" in result.stdout
    assert "Accessibility check FAILED: 2 issues on 1 of 3 pages" in result.stdout


@pytest.mark.browser
def test_gate_counts_missing_pages_and_files_as_failures(stock_site, tmp_path):
    """A page in the sitemap that is not there, and a stylesheet a page asks
    for that is not there, fail the gate even though no rule fails."""
    require_tools()
    site = tmp_path / "site"
    shutil.copytree(stock_site, site)
    sitemap = site / "sitemap.xml"
    sitemap.write_text(sitemap.read_text().replace(
        "</urlset>", "<url><loc>https://example.org/send-progress/gone/</loc></url></urlset>"))
    (site / "assets" / "stylesheets" / "theme-fixes.css").unlink()
    result = run_gate("--site", str(site), "--report", str(tmp_path / "report.json"))
    assert result.returncode == 1, summary_of(result)
    assert "Pages that failed to load (they count as failures):\n  /gone/: HTTP status 404" in result.stdout
    assert "/send-progress/assets/stylesheets/theme-fixes.css  (asked for by /" in result.stdout
    assert "1 page(s) failed to load" in result.stdout


@pytest.mark.browser
def test_gate_counts_a_page_pa11y_could_not_test_as_a_failure(stock_site, tmp_path):
    """pa11y-ci reports a page that times out as an error message, not as an
    issue, and does not count it: the gate must. (With a 1 ms timeout pa11y
    sometimes never finishes a page at all; the gate then stops pa11y-ci once
    no page has finished for --stall seconds, and counts that page too.)"""
    require_tools()
    result = run_gate("--site", str(stock_site), "--timeout", "0.001", "--stall", "15",
                      "--report", str(tmp_path / "report.json"), timeout=300)
    assert result.returncode == 1, summary_of(result)
    assert "pa11y could not test it: Navigation timeout of 1 ms exceeded" in result.stdout
    assert "Accessibility check FAILED: 0 issues on 0 of 6 pages; 6 page(s) failed to load" in result.stdout
    failed = re.findall(r"^  (/\S*): (pa11y could not test it: Navigation timeout|pa11y-ci never finished it)",
                        result.stdout, re.M)
    assert len(failed) == 6, result.stdout
    if (tmp_path / "report.json").exists():
        assert json.loads((tmp_path / "report.json").read_text())["errors"] == 0  # pa11y-ci counted nothing


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.browser
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["terminated", "killed"])
def test_gate_stops_its_server_and_browser_when_stopped(stock_site, tmp_path, how):
    """Stopped politely (SIGTERM, or Ctrl-C) the gate stops pa11y-ci, Chromium
    and its server itself; killed outright, pa11y-ci notices its parent is gone
    and stops itself and Chromium."""
    require_tools()
    process = subprocess.Popen([str(A11Y), "--site", str(stock_site), "--report", str(tmp_path / "r.json")],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=fixture_env())
    port, seen, browsers = None, [], set()
    try:
        for line in process.stdout:
            seen.append(line)
            match = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
            if "Checking" in line:
                break
        assert port, "".join(seen)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait until Chromium is up
            browsers = {p for p in _descendants(process.pid) if b"chrom" in _cmdline(p)}
            if browsers:
                break
            time.sleep(0.2)
        assert browsers, "Chromium never started"
        everything = _descendants(process.pid) | browsers
        process.send_signal(how)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == (130 if how == signal.SIGTERM else -signal.SIGKILL)
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0, "the server is still listening"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(p) for p in everything):
        time.sleep(0.2)
    assert not [p for p in everything if _alive(p)], "processes the gate started are still running"


# --------------------------------------------------------------------------
# Small parts of the gate
# --------------------------------------------------------------------------


def test_committed_pa11y_config_is_valid_and_strict():
    config = gate.load_base_config()
    defaults = config["defaults"]
    assert defaults["standard"] == "WCAG2AA"
    assert sorted(defaults["runners"]) == ["axe", "htmlcs"]
    assert defaults["threshold"] == 0
    assert defaults["levelCapWhenNeedsReview"] == "error"


@pytest.mark.parametrize("defaults, reasons, message", [
    ({"ignore": ["color-contrast"]}, {}, 'rule "color-contrast" is ignored without a reason'),
    ({"ignore": ["color-contrast"]}, {"ignore": {"color-contrast": "  "}}, 'rule "color-contrast" is ignored without a reason'),
    ({"hideElements": ".a, .b[x='1,2']"}, {"hideElements": {".a": "why"}}, """element ".b[x='1,2']" is hidden without a reason"""),
    ({"runners": ["htmlcs"]}, {}, 'runners must be ["htmlcs", "axe"]'),
    ({"standard": "WCAG2A"}, {}, "standard must be WCAG2AA"),
])
def test_config_refuses_ignores_without_reasons(tmp_path, defaults, reasons, message):
    config = {"defaults": {"standard": "WCAG2AA", "runners": ["htmlcs", "axe"], **defaults}, "reasons": reasons}
    path = tmp_path / "base.json"
    path.write_text(json.dumps(config))
    with pytest.raises(gate.GateError, match=re.escape(message)):
        gate.load_base_config(path)


def test_config_accepts_ignores_with_reasons(tmp_path):
    config = {"defaults": {"standard": "WCAG2AA", "runners": ["axe", "htmlcs"], "ignore": ["region"],
                           "hideElements": ".x"},
              "reasons": {"ignore": {"region": "because"}, "hideElements": {".x": "because"}}}
    path = tmp_path / "base.json"
    path.write_text(json.dumps(config))
    assert gate.load_base_config(path)["defaults"]["ignore"] == ["region"]


@pytest.mark.parametrize("code, expected", [
    ("WCAG2AA.Principle1.Guideline1_1.1_1_1.H37", ("1.1.1", "H37")),
    ("WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail", ("1.4.3", "G18")),
    ("WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name", ("4.1.2", "H91")),
    ("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", ("3.2.2", "H32")),
    ("image-alt", (None, None)),
])
def test_htmlcs_codes_name_criterion_and_technique(code, expected):
    assert gate.htmlcs_parts(code) == expected


@pytest.mark.parametrize("issue, expected", [
    ({"runner": "htmlcs", "code": "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail"},
     "Make the text darker (or its background lighter): normal text needs a contrast of 4.5:1. (WCAG 1.4.3). "
     "More: https://www.w3.org/WAI/WCAG22/Techniques/general/G18"),
    ({"runner": "htmlcs", "code": "WCAG2AA.Principle4.Guideline4_1.4_1_2.ARIA6"},
     "(WCAG 4.1.2). More: https://www.w3.org/WAI/WCAG22/Techniques/aria/ARIA6"),
    ({"runner": "axe", "code": "aria-dialog-name", "runnerExtras": {"helpUrl": "https://example.test/x"}},
     "Give the dialog a name with aria-label or aria-labelledby. More: https://example.test/x"),
    ({"runner": "axe", "code": "some-new-rule", "runnerExtras": {"helpUrl": "https://example.test/y"}},
     "More: https://example.test/y"),
])
def test_how_to_fix(issue, expected):
    assert gate.how_to_fix(issue) == expected


def test_results_count_errors_and_absent_pages_as_load_failures(tmp_path):
    lines = [
        {"url": "http://h/a/", "issues": []},
        {"url": "http://h/b/", "issues": [{"code": "image-alt", "runner": "axe", "message": "m", "selector": "img"}]},
        {"url": "http://h/c/", "error": "Navigation timeout of 30000 ms exceeded"},
    ]
    stream = tmp_path / "results.jsonl"
    stream.write_text("".join(json.dumps(line) + "\n" for line in lines))
    urls = ["http://h/a/", "http://h/b/", "http://h/c/", "http://h/d/"]
    issues, failures = gate.read_results(stream, urls, {"http://h/e/": "HTTP status 404"})
    assert list(issues) == ["http://h/b/"]
    assert failures == {
        "http://h/e/": "HTTP status 404",
        "http://h/c/": "pa11y could not test it: Navigation timeout of 30000 ms exceeded",
        "http://h/d/": "pa11y-ci did not report on this page",
    }
    _, failures = gate.read_results(stream, urls, {}, stalled_after=20)
    assert failures["http://h/d/"] == ("pa11y-ci never finished it (no page finished for 20 s, "
                                       "so the gate stopped pa11y-ci)")


def test_pages_come_from_the_sitemap_plus_the_404_page(real_site, real_pages):
    assert real_pages.site_url.startswith("http") and real_pages.site_url.endswith("/")
    assert real_pages.paths[0] == ""
    assert "404.html" in real_pages.paths
    assert real_pages.not_in_sitemap == [], "pages missing from sitemap.xml"
    for path in real_pages.paths:
        assert (real_site / gate.path_to_file(path)).is_file(), path


# --------------------------------------------------------------------------
# No third-party hosts
# --------------------------------------------------------------------------

# Elements and attributes that make the browser fetch something.
FETCHING = {
    "script": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"], "video": ["src", "poster"],
    "audio": ["src"], "track": ["src"], "iframe": ["src"], "embed": ["src"], "object": ["data"],
    "input": ["src"], "form": ["action"], "image": ["href", "xlink:href"], "use": ["href", "xlink:href"],
}
FETCHING_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest", "preload",
                      "prefetch", "modulepreload", "preconnect", "dns-prefetch", "prerender"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def third_party(url: str, own_host: str | None = None) -> bool:
    url = url.strip()
    if not url or url.startswith(("data:", "#", "blob:")):
        return False
    parts = urllib.parse.urlsplit(url)
    if not parts.netloc and parts.scheme in ("", "http", "https"):
        return False
    return not (own_host and parts.hostname == own_host)


def references_in_html(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(where, url) for everything in a page that the browser would fetch by itself,
    and for <link>s that point somewhere (canonical, feeds)."""
    found = []
    for tag, attrs in FETCHING.items():
        for el in soup.find_all(tag):
            for attr in attrs:
                value = el.get(attr)
                if value:
                    urls = [part.strip().split(" ")[0] for part in value.split(",")] if attr == "srcset" else [value]
                    found += [(f"<{tag} {attr}>", u) for u in urls]
    for el in soup.find_all("link", href=True):
        rel = set(el.get("rel") or [])
        found.append((f"<link rel={' '.join(rel)}>", el["href"]))
    for el in soup.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
        match = re.search(r"url=(.+)", el.get("content", ""), re.I)
        if match:
            found.append(("<meta refresh>", match.group(1)))
    for el in soup.find_all(style=True):
        found += [("style attribute", a or b) for a, b in CSS_URL.findall(el["style"])]
    for el in soup.find_all("style"):
        found += [("<style>", a or b) for a, b in CSS_URL.findall(el.get_text())]
    return found


def test_built_html_and_css_reference_no_third_party_host(real_site, real_pages, real_html):
    """Nothing the browser loads (scripts, styles, fonts, images, frames, form
    targets, preconnects) may come from another host; <link>s such as the
    canonical address may only name the site's own host. Ordinary links
    (<a href>) to other sites are fine: following one is the reader's choice."""
    own = urllib.parse.urlsplit(real_pages.site_url).hostname
    problems = []
    for path, soup in real_html.items():
        for where, url in references_in_html(soup):
            loads = not where.startswith("<link") or set(where[len("<link rel="):-1].split()) & FETCHING_LINK_RELS
            if third_party(url, None if loads else own):
                problems.append(f"/{path}: {where} {url}")
    for css in real_site.rglob("*.css"):
        for a, b in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            if third_party(a or b):
                problems.append(f"{css.relative_to(real_site)}: {a or b}")
    assert not problems, "Third-party references:\n" + "\n".join(problems[:50])
    # The check can see a third-party reference when there is one.
    bad = BeautifulSoup('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
                        '<img srcset="a.png 1x, https://cdn.example.com/b.png 2x">', "html.parser")
    assert sorted(u for _, u in references_in_html(bad) if third_party(u)) == [
        "https://cdn.example.com/b.png", "https://fonts.googleapis.com/css?family=Roboto"]


def test_pages_request_nothing_from_another_host(browser_facts):
    """With JavaScript on, everything each kind of page asks for (including
    what scripts fetch after loading) comes from the site itself."""
    def problem(url, fact):
        others = [r for r in fact["requests"]
                  if not r.startswith(("data:", "blob:")) and urllib.parse.urlsplit(r).hostname != "127.0.0.1"]
        if others:
            return "requests another host: " + ", ".join(others[:5])
        if not fact["requests"]:
            return "made no requests at all (the check did not run)"
        return None
    problems = failures_of(browser_facts, "requests", problem)
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------
# Without JavaScript
# --------------------------------------------------------------------------


def test_every_page_has_its_content_and_navigation_in_the_html(real_html):
    """What a browser without JavaScript gets: the heading, the text and the
    navigation are in the page itself, not added by a script."""
    problems = []
    for path, soup in real_html.items():
        article = soup.select_one("article.md-content__inner")
        if article is None or not article.find("h1") or len(article.get_text(" ", strip=True)) < 10:
            problems.append(f"/{path}: no heading and text in <article>")
        # The sidebar navigation, or (for layouts without it, such as easy read)
        # some other navigation landmark with links.
        if not soup.select("nav.md-nav--primary a[href]") and not soup.select(
                "nav:not(.md-header__inner):not(.md-search__options) a[href]"):
            problems.append(f"/{path}: no navigation links in the page")
        if soup.find(attrs={"data-md-component": "content"}) is None:
            problems.append(f"/{path}: no content container")
    assert not problems, "\n".join(problems)


def test_pages_work_without_javascript(browser_facts):
    """With JavaScript off, on a 320 px screen, each kind of page shows its
    heading and text without scrolling sideways, and the menu button opens
    the navigation."""
    def problem(url, fact):
        if fact["jsRan"]:
            return "JavaScript ran although it was switched off"
        if not fact["h1"] or not fact["h1Visible"]:
            return "no visible page heading"
        if fact["contentText"] < 10:
            return "no visible text"
        if fact["deadButtons"]:
            return f"buttons that need JavaScript show without it and do nothing: {'; '.join(fact['deadButtons'])}"
        if fact["wide"]:
            sticking_out = "; ".join(f"{w['html']} (right edge at {w['right']} px)" for w in fact["wide"][:3])
            return f"too wide for a 320 px screen without JavaScript: {sticking_out}"
        if fact["menuVisible"] and fact["navLinksUsableAfterMenu"] < 1:
            return ("the menu button opens no links (an empty menu, or none at all); "
                    "a page without navigation should not show a menu button")
        if not fact["menuVisible"] and fact["navLinksOnPage"] < 1:
            return "no menu button and no navigation links"
        return None
    problems = failures_of(browser_facts, "nojs", problem)
    assert not problems, "\n".join(problems)
    assert len(browser_facts["nojs"]) >= 3


# --------------------------------------------------------------------------
# Reflow at 320 px
# --------------------------------------------------------------------------


def test_every_page_reflows_at_320px(browser_facts, real_pages):
    """WCAG 1.4.10: at 320 CSS pixels (1280 px zoomed to 400 %) nothing makes
    the page scroll sideways. Wide tables may scroll inside their own box."""
    def problem(url, fact):
        if fact["wide"]:
            sticking_out = "; ".join(f"{w['html']} (right edge at {w['right']} px)" for w in fact["wide"][:3])
            return f"{fact['scrollWidth']} px wide at a 320 px screen: {sticking_out}"
        return None
    problems = failures_of(browser_facts, "reflow", problem)
    assert not problems, "\n".join(problems)
    assert len(browser_facts["reflow"]) == len(real_pages.paths)


def test_the_header_cuts_no_words_off_at_320px(browser_facts):
    """On a small phone the site name and page title in the header wrap; the theme's "..." would
    leave a family with "Wolverhampton SE..." (theme-fixes.css)."""
    problems = failures_of(browser_facts, "reflow",
                           lambda url, fact: f"cut off: {fact['clipped']}" if fact.get("clipped") else None)
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------
# Badge colours
# --------------------------------------------------------------------------


def _rgba(text: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)  # type: ignore[return-value]


def _luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, backgrounds: list[str]) -> float:
    """Contrast ratio of text over a stack of backgrounds (innermost first), on white."""
    base = (255.0, 255.0, 255.0)
    for layer in reversed(backgrounds):
        r, g, b, a = _rgba(layer)
        base = tuple(a * c + (1 - a) * under for c, under in zip((r, g, b), base))
    r, g, b, a = _rgba(foreground)
    text = tuple(a * c + (1 - a) * under for c, under in zip((r, g, b), base))
    light, dark = sorted((_luminance(text), _luminance(base)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("fg, bg, expected", [
    ("rgb(0, 0, 0)", ["rgb(255, 255, 255)"], 21.0),
    ("rgb(118, 118, 118)", ["rgba(0, 0, 0, 0)"], 4.54),
    ("rgb(127, 127, 127)", ["rgb(23, 23, 23)"], 4.47),  # the stock footer, as axe measured it
    ("rgba(0, 0, 0, 0.54)", ["rgba(0, 0, 0, 0)"], 4.59),  # 54% black over white blends to #757575
])
def test_contrast_formula(fg, bg, expected):
    assert contrast(fg, bg) == pytest.approx(expected, abs=0.01)


def test_status_badges_have_text_contrast_of_at_least_4_5(browser_facts, real_html):
    """Every status badge and "overdue" flag (light palette; we offer no dark
    one): text colour against the badge's own background, at least 4.5:1."""
    seen: dict[str, float] = {}
    problems = []
    for url, fact in browser_facts["badges"].items():
        if "error" in fact:
            problems.append(f"{url}: {fact['error']}")
            continue
        for badge in fact["badges"]:
            ratio = contrast(badge["color"], badge["backgrounds"])
            seen[badge["className"]] = ratio
            if ratio < 4.5:
                problems.append(f"/{url[len(browser_facts['base']):]}: {badge['className']} \"{badge['text']}\": "
                                f"{badge['color']} on {badge['backgrounds'][0]} is {ratio:.2f}:1")
    in_site = {" ".join(el.get("class")) for soup in real_html.values() for el in soup.select(".pp-badge, .pp-flag")}
    unchecked = in_site - set(seen)
    assert not problems, "\n".join(problems)
    assert not unchecked, f"badge kinds on no checked page: {sorted(unchecked)}"
    assert seen, "no badges found on the checked pages"


# --------------------------------------------------------------------------
# Skip link
# --------------------------------------------------------------------------


def test_every_page_has_a_skip_link_to_its_content(real_html):
    """The skip link is the first thing to focus and points at the page heading."""
    problems = []
    for path, soup in real_html.items():
        link = soup.select_one("a.md-skip[href]")
        if link is None:
            problems.append(f"/{path}: no skip link")
            continue
        target = soup.find(id=link["href"].lstrip("#"))
        heading = soup.select_one(".md-content h1")
        if target is None or target.find_parent(class_="md-content") is None:
            problems.append(f"/{path}: the skip link points at {link['href']}, which is not in the content")
        elif target is not heading:
            # The theme points the skip link at the first heading of the table of
            # contents; when the page heading has no id, that is a later heading,
            # and the skip link jumps over the start of the content.
            problems.append(f"/{path}: the skip link points at {link['href']} ({target.name}), not at the page "
                            f"heading ({str(heading)[:60]}): the page's Markdown should start with '# ...'")
        first = soup.body.find(lambda el: el.name in ("a", "button", "select", "textarea") or
                                (el.name == "input" and "md-toggle" not in (el.get("class") or []))
                                or (el.has_attr("tabindex") and el["tabindex"] != "-1"))
        if first is not link:
            problems.append(f"/{path}: the skip link is not the first thing to focus ({str(first)[:80]})")
        if soup.find(tabindex=re.compile(r"^[1-9]")):
            problems.append(f"/{path}: a positive tabindex changes the focus order")
    assert not problems, "\n".join(problems)


def test_skip_link_moves_focus_to_the_content(browser_facts):
    """In the browser: Tab shows the skip link first; Enter on it jumps to the
    page heading; the next Tab lands on the first link after that heading."""
    def problem(url, fact):
        first, target = fact["first"], fact.get("target")
        if "md-skip" not in first.get("className", ""):
            return f"the first Tab focuses {first.get('html') or first.get('tag')}, not the skip link"
        if not first["visible"]:
            return "the skip link is focused but not visible"
        if not target or not target.get("exists"):
            return f"the skip link's target is missing ({target})"
        if not target["inContent"]:
            return "the skip link's target is not in the content"
        if fact["hash"] != "#" + target["id"]:
            return f"Enter on the skip link did not go to #{target['id']} (at {fact['hash']!r})"
        if not 0 <= fact["targetTop"] < 200:
            return f"the page did not scroll to the content (heading at {fact['targetTop']} px)"
        if target["nextFocusable"]:
            # The theme's focus-visible polyfill adds classes and an attribute on focus: compare without them.
            def bare(html):
                return re.sub(r'\s*(class="[^"]*"|data-focus-visible-added="")', "", html or "")[:80]
            if bare(fact["next"].get("html")) != bare(target["nextFocusable"]):
                return f"after the skip link, Tab went to {fact['next'].get('html')}, not {target['nextFocusable']}"
        return None
    problems = failures_of(browser_facts, "skip", problem)
    assert not problems, "\n".join(problems)

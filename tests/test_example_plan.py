"""The second example plan (examples/priority-action-plan/): a made-up area's SEND Priority Action Plan
with its own five-step scale and words, built from its own mkdocs.yml and content/ only.

It builds strictly, shows nothing of the original plan or organisation, uses its own scale everywhere,
passes the accessibility gate, and ``./scripts/new-site DIR`` starts a new plan from it.
To reproduce by hand: ``.venv/bin/mkdocs build --strict -f examples/priority-action-plan/mkdocs.yml``.
"""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_build, run_tool

EXAMPLE = ROOT / "examples" / "priority-action-plan"
# Words that belong to the original plan, its area or its organisation, and the default scale's labels.
ORIGINAL = ("Wolverhampton", "Written Statement of Action", "WSOA", "Ofsted", "CQC", "Voice 4 Parents",
            "Partnership Board", "Significantly delayed", "Minor delays", "Not yet rated", "Waiting to start",
            "On track", "Completed and embedded", "EHC", "council")
OWN_LABELS = ("Not started", "In progress", "At risk", "Achieved", "Awaiting update")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


@pytest.fixture(scope="module")
def example_build(tmp_path_factory):
    project = tmp_path_factory.mktemp("example") / "priority-action-plan"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("site"))
    build = run_build(project)
    assert build.returncode == 0, f"mkdocs build --strict of {EXAMPLE} failed:\n{build.output}"
    return build


def test_the_example_is_only_content_and_settings():
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["name"] == "material"
    assert "custom_dir" not in config["theme"]
    assert "extra_css" not in config and "extra_javascript" not in config
    assert [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]] == ["search", "plan-progress"]
    assert sorted(p.name for p in EXAMPLE.iterdir() if p.name != "site") == ["content", "mkdocs.yml"]
    assert not list(EXAMPLE.rglob("*.css")) and not list(EXAMPLE.rglob("*.html"))


def test_the_example_loads_nothing_from_another_host(example_build):
    for page in example_build.site.rglob("*.html"):
        soup = example_build.html(str(page.relative_to(example_build.site)))
        loaded = [t.get("href") or t.get("src") for t in soup.select("link[href], script[src], img[src]")
                  if (t.get("href") or t.get("src") or "").startswith(("http:", "https:", "//"))]
        assert [u for u in loaded if not u.startswith("https://example.org/priority-action-plan/")] == [], page


def test_the_example_says_it_is_made_up(example_build):
    home = example_build.html("")
    text = home.select_one("article").get_text(" ", strip=True)
    assert "Eastbrook is not a real place" in text and "everything on this site is made up" in text


def test_the_example_shows_nothing_of_the_original_plan(example_build):
    found = []
    for path in sorted(example_build.site.rglob("*")):
        if path.suffix in (".html", ".xml", ".json", ".csv") and path.is_file():
            text = path.read_text(encoding="utf-8")
            found += [f"{path.relative_to(example_build.site)}: {word}" for word in ORIGINAL
                      if word.lower() in text.lower()]
    assert found == []


def _published_words(site: Path):
    """(file, words) for every file a reader or a program gets from the built site: each page's
    visible text and the addresses it links to (without the #anchor), the feed and the sitemap, and every value (not
    the column names or keys, which are the data's fixed names) of the open data and the search index."""
    from bs4 import BeautifulSoup

    def values(data):
        if isinstance(data, dict):
            return [v for value in data.values() for v in values(value)]
        if isinstance(data, list):
            return [v for value in data for v in values(value)]
        return [str(data)]

    for path in sorted(site.rglob("*")):
        name = str(path.relative_to(site))
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for hidden in soup.select("script, style, svg, code"):
                hidden.decompose()
            addresses = [a["href"] for a in soup.select("a[href]")]
            yield name, " ".join([soup.get_text(" "), *addresses])
        elif path.suffix == ".xml":
            yield name, path.read_text(encoding="utf-8")
        elif path.suffix == ".csv":
            yield name, "\n".join(path.read_text(encoding="utf-8").splitlines()[1:])
        elif path.suffix == ".json":
            text = " ".join(values(json.loads(path.read_text(encoding="utf-8"))))
            yield name, re.sub(r"<code>.*?</code>", " ", text)  # the search index's copy of the column names


def test_every_built_file_speaks_in_the_example_s_own_words(example_build):
    """The example calls a part a priority, the "overdue" flag "Past its date", what "You said" is
    grouped by a topic and a finished action "achieved" (words: in its mkdocs.yml). No page, address, feed, open-data value or search
    entry says "area", "overdue", "theme" or "completed" instead: not the generated pages' addresses
    (actions/priority-1/, easy-read/priority-1/), not a sentence that names the flag, not a heading."""
    own_words = {r"(?<!local )\b[Aa]reas?\b": "area", r"\b[Oo]verdue\b": "overdue", r"\b[Tt]hemes?\b": "theme",
                 r"\b[Cc]ompleted\b": "completed"}
    found = []
    for name, text in _published_words(example_build.site):
        text = " ".join(re.sub(r"#[\w-]+", "", text).split())  # a heading's anchor is a fixed name, not a word
        found += [f"{name}: {word}: ...{text[max(0, m.start() - 40):m.end() + 20]!r}..."
                  for pattern, word in own_words.items() for m in [re.search(pattern, text)] if m]
    assert found == []
    assert (example_build.site / "actions" / "priority-1" / "index.html").is_file()
    assert (example_build.site / "easy-read" / "priority-1" / "index.html").is_file()
    assert example_build.html("status-key/").find("h2", id="overdue").get_text(strip=True) == "Past its date"


def test_the_open_data_says_who_spoke_in_the_example_s_words(example_build):
    """The open data page explains the "said" column with the site's own word for who spoke (the
    original plan's "or young people" was written into the shipped text)."""
    page = example_build.html("open-data/")
    meanings = {row.th.get_text(strip=True): row.td.get_text(" ", strip=True)
                for row in page.select("table tr") if row.th and row.td}
    assert meanings["said"] == "What parents and carers said, word for word from the source."
    assert meanings["theme"] == "The topic the item belongs to."


def test_the_example_may_use_the_plugin_s_own_pictures_without_copying_them(tmp_path):
    """An idea may name a picture the plugin ships (the easy-read pages' own OpenMoji pictures): a
    site that has not copied it into its pictures folder still builds, and the plugin adds the file."""
    project = tmp_path / "priority-action-plan"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("site"))
    picture = Path("assets/pictures/openmoji/1F9D1-200D-1F9D1-200D-1F9D2.svg")  # the home page's first idea
    (project / "content" / picture).unlink()
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert (build.site / picture).is_file()
    home = build.html("easy-read/")
    assert home.select_one(f'img[src$="{picture.name}"]')["alt"] == "Two adults and a child"


def test_the_example_uses_its_own_scale_everywhere(example_build):
    key = example_build.html("status-key/")
    assert [b.get_text(strip=True) for b in key.select(".pp-key dt .pp-badge__label")] == list(OWN_LABELS)
    badges = set()
    for page in example_build.site.rglob("*.html"):
        soup = example_build.html(str(page.relative_to(example_build.site)))
        badges |= {b.get_text(strip=True) for b in soup.select(".pp-badge__label")}
    assert badges == set(OWN_LABELS)
    data = json.loads((example_build.site / "data" / "actions.json").read_text(encoding="utf-8"))
    assert len(data["actions"]) == 7
    assert {a["status_label"] for a in data["actions"]} == {"Achieved", "At risk", "Not started", "In progress",
                                                            "Awaiting update"}
    # An achieved action is never overdue, and an action with no rating needs no history.
    achieved = next(a for a in data["actions"] if a["id"] == "1.1")
    assert achieved["overdue"] is False
    for status in ("not-started", "in-progress", "at-risk", "achieved", "awaiting-update"):
        assert (example_build.site / "actions" / status / "index.html").is_file()


def test_the_example_has_easy_read_on_some_pages_only(example_build):
    def text(path):
        return example_build.html(path).select_one("article").get_text(" ", strip=True)

    assert "Families can drop in at a family hub." in text("easy-read/priority-1/1-1/")  # its own easy read
    assert "We are still writing this action in easy read." in text("easy-read/priority-1/1-3/")  # none
    part_2 = example_build.html("easy-read/priority-2/").select_one("article").get_text(" ", strip=True)
    assert "We are still writing this part in easy read." in part_2


@pytest.mark.browser
def test_the_example_passes_the_accessibility_gate(tmp_path):
    """Every page of the example through pa11y-ci (htmlcs and axe), as the real site is."""
    from test_a11y import require_tools, summary_of

    require_tools()
    result = subprocess.run([str(ROOT / "scripts" / "a11y"), "--config", str(EXAMPLE / "mkdocs.yml"),
                             "--report", str(tmp_path / "report.json")],
                            cwd=ROOT, capture_output=True, text=True, timeout=900, env=ENV)
    result.output = result.stdout + result.stderr  # type: ignore[attr-defined]
    assert result.returncode == 0, f"./scripts/a11y --config {EXAMPLE / 'mkdocs.yml'}:\n{summary_of(result)}"
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["total"] >= 25 and report["errors"] == 0
    assert not (EXAMPLE / "site").exists(), "the gate builds into a temporary folder, never into the example"


# -- ./scripts/new-site ---------------------------------------------------------------------------------


def new_site(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / "scripts" / "new-site"), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=ENV)


def test_new_site_starts_a_plan_from_the_example_that_builds_with_placeholders_to_replace(tmp_path):
    target = tmp_path / "our-plan"
    result = new_site(str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Created a new plan's site in {target}" in result.stdout
    assert (target / "mkdocs.yml").read_text() == (EXAMPLE / "mkdocs.yml").read_text()
    copied = sorted(p.relative_to(target).as_posix() for p in (target / "content").rglob("*.md"))
    assert copied == sorted(p.relative_to(EXAMPLE).as_posix() for p in (EXAMPLE / "content").rglob("*.md"))
    # What a launch check must flag before the copy goes live: the example address and the details
    # to be confirmed, on the built pages themselves.
    config = yaml.safe_load((target / "mkdocs.yml").read_text())
    assert config["site_url"].startswith("https://example.org/")
    about = (target / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "[name of the organisation that runs this website - to be confirmed]" in about
    assert "[email address - to be confirmed]" in about


def test_new_site_never_overwrites_a_folder_with_files_in_it(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "mkdocs.yml").write_text("site_name: Mine\n")
    result = new_site(str(target))
    assert result.returncode == 1
    assert f"new-site: {target} already exists and is not empty; nothing was copied" in result.stderr
    assert (target / "mkdocs.yml").read_text() == "site_name: Mine\n"
    assert sorted(p.name for p in target.iterdir()) == ["mkdocs.yml"]
    usage = new_site()
    assert usage.returncode == 2 and "usage: ./scripts/new-site DIR" in usage.stderr


def test_the_command_line_tools_speak_in_the_example_s_words(tmp_path):
    """set-status and new-action name a part by the site's word ("priority 1: ...", "there is no
    priority") and a new page says the site's own "not stated" words."""
    target = tmp_path / "plan"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("site"))

    def tool(command: str, *args: str) -> subprocess.CompletedProcess:
        return run_tool(command, *args, "--config-file", str(target / "mkdocs.yml"), cwd=target)

    missing = tool("set-status", "2.9", "achieved", "--note", "Done.", "--source", "Report")
    assert missing.returncode != 0
    assert "  priority 1: 1.1, 1.2, 1.3\n  priority 2: 2.1, 2.2\n" in missing.stderr, missing.stderr
    no_part = tool("new-action", "7", "Hold a careers fair")
    assert no_part.returncode != 0
    assert 'there is no priority "7". Give the priority\'s number; the priorities are:' in no_part.stderr
    assert tool("new-action", "2", "Hold a careers fair").returncode == 0
    (page,) = (target / "content" / "priorities" / "2-preparing-for-adulthood").glob("2-3-*.md")
    comment = " ".join(page.read_text(encoding="utf-8").replace("\n# ", " ").split())
    assert 'the page then says "Not given in the plan".' in comment


def test_a_new_action_and_the_schema_of_the_example_are_neutral(tmp_path):
    target = tmp_path / "plan"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("site"))
    result = run_tool("new-action", "2", "Hold a careers fair", "--config-file", str(target / "mkdocs.yml"),
                      cwd=target)
    assert result.returncode == 0, result.stdout + result.stderr
    (page,) = (target / "content" / "priorities" / "2-preparing-for-adulthood").glob("2-3-*.md")
    text = page.read_text(encoding="utf-8")
    assert "status: awaiting-update" in text
    from plan_progress.cli.common import open_project
    from plan_progress.cli.schema_export import schema_text

    schema = schema_text(open_project(target / "mkdocs.yml"))
    for word in ORIGINAL + ("EHC", "2021"):
        assert word not in text, word
        assert word not in schema, word


def test_the_readme_documents_every_status_field_and_its_five_step_scale_is_the_example_s():
    from plan_progress.config import StatusConfig

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### The status scale", 1)[1].split("\n### ", 1)[0]
    documented = {line.split("|")[1].strip().strip("`") for line in section.splitlines() if line.startswith("| `")}
    assert documented == {name for name, _option in StatusConfig._schema}
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    documented_scale = yaml.safe_load(block)["statuses"]
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin = next(p["plan-progress"] for p in config["plugins"] if isinstance(p, dict))
    assert documented_scale == plugin["statuses"]


def test_the_example_pages_speak_in_its_own_words(example_build):
    """The example calls a part of its plan a priority, its board the Programme Board and its report
    a "Programme Board update" (words: in its mkdocs.yml): every standard page, menu and title uses
    them, and none shows the original plan's "Area", "inspectors" or "Board report"."""
    area = example_build.html("priorities/1-early-help/")
    assert area.h1.get_text(strip=True) == "Priority 1: Early help"
    assert area.title.get_text().startswith("Priority 1: Early help")
    assert area.find("h2", id="finding").get_text(strip=True) == "Why this is a priority"
    assert area.find("h2", id="actions").get_text(strip=True) == "The actions in this priority"
    action = example_build.html("priorities/1-early-help/1-1-family-hubs/").select_one(".pp-facts")
    assert "Priority : Priority 1: Early help" in action.get_text(" ", strip=True)
    home = example_build.html("")
    assert home.find("h2", id="priorities").get_text(strip=True) == "Progress in each priority"
    assert [h.get_text(strip=True) for h in home.select(".pp-area-cards h3")][0] == "Priority 1: Early help"
    board = example_build.html("board-report/")
    assert board.h1.get_text(strip=True) == "Programme Board update: Priority Action Plan"
    menu = [" ".join(a.get_text(" ").split()) for a in home.select("nav.md-nav--primary a")]
    assert "Programme Board update: Priority Action Plan" in menu
    assert "The Programme Board update (printable)" in [a.get_text(strip=True) for a in home.select("article a")]
    table = board.select_one("table.pp-summary")
    assert table.thead.th.get_text(strip=True) == "Priority"
    assert table.select("tbody th")[-1].get_text(strip=True) == "All priorities"
    listing = example_build.html("actions/")
    assert listing.select_one("label[for=pp-filter-area]").get_text(strip=True) == "Priority"
    for page in sorted(example_build.site.rglob("*.html")):
        soup = example_build.html(str(page.relative_to(example_build.site)), fresh=True)
        for hidden in soup.select("script, style"):
            hidden.decompose()
        text = soup.get_text(" ")
        for word in ("Area", "areas", "inspectors", "Board report", "Not stated in the plan"):
            assert not re.search(rf"\b{word}\b", text), f"{page.relative_to(example_build.site)}: {word}"

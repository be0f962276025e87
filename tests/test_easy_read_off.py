"""`easy_read: false`: no easy-read pages, no link or menu entry to one, no easy-read check; an
easy_read field in the content is then reported as unused (so a strict build fails, naming the file
and the field). Built from the basic fixture."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import FIXTURES, make_project, run_build

OFF = ("      plan_name: test plan\n", "      plan_name: test plan\n      easy_read: false\n")
EASY_FIELDS = ("easy_read", "easy_read_title")


def _turned_off(text: str) -> str:
    assert OFF[0] in text
    return text.replace(*OFF)


def _without_easy_read(path: Path) -> str:
    """The page with every easy-read field taken out of its front-matter (its glossary terms' too)."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    for name in EASY_FIELDS:
        data.pop(name, None)
    for term in data.get("terms") or []:
        term.pop("easy_read", None)
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body


def _pages_with_easy_read() -> dict[str, str]:
    content = FIXTURES / "basic" / "content"
    return {f"content/{path.relative_to(content).as_posix()}": _without_easy_read(path)
            for path in sorted(content.rglob("*.md")) if re.search(r"^\s*easy_read", path.read_text("utf-8"), re.M)}


def test_an_easy_read_field_is_reported_as_unused_and_fails_the_strict_build(tmp_path):
    build = run_build(make_project(tmp_path, config_edit=_turned_off))
    assert build.returncode == 1, build.output
    unused = [p for p in build.problems() if "is not used: the site has no easy read (easy_read: false" in p]
    assert "content/areas/1-finding/1-1-red.md:25: easy_read_title: is not used: the site has no easy read " \
           "(easy_read: false in mkdocs.yml); remove it, or turn easy read on" in unused, build.output
    assert any(p.startswith("content/areas/1-finding/1-1-red.md:26: easy_read: is not used") for p in unused)
    assert any(re.match(r"content/glossary\.md:\d+: terms\[\d+\]\.easy_read: is not used", p) for p in unused)
    # No easy-read check ran: the only problems are the unused fields.
    assert len(unused) == len(build.problems()), build.problems()


def test_without_easy_read_the_site_has_no_easy_read_page_and_no_link_to_one(tmp_path):
    files = _pages_with_easy_read()
    assert len(files) >= 4  # the home page, an area, an action, a theme and the glossary have easy read
    project = make_project(tmp_path, files=files, config_edit=_turned_off)
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert not (build.site / "easy-read").exists()
    pages = sorted(build.site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = build.html(page.relative_to(build.site).as_posix())
        links = [a["href"] for a in html.select("a[href]")]
        assert not [href for href in links if "easy-read" in href], page
        assert html.select_one(".pp-switch") is None, page  # no "Easy read version" link
    home = build.html("")
    assert home.select_one("h1") is not None and home.select_one(".pp-badge") is not None
    action = build.html("areas/1-finding/1-1-red/")
    assert action.select_one("h1").get_text(" ", strip=True).startswith("1.1")
    index = (build.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "easy-read/" not in index
    sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "easy-read/" not in sitemap


def test_with_easy_read_on_by_default_the_same_content_has_its_easy_read_pages(tmp_path):
    build = run_build(make_project(tmp_path))
    assert build.returncode == 0, build.output
    assert (build.site / "easy-read" / "index.html").is_file()
    assert build.html("").select_one(".pp-switch a")["href"].endswith("easy-read/")

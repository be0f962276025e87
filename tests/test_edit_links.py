""""Edit this page": with repo_url and edit_uri set, each page links to its own file in GitHub's
web editor, named after the page; generated pages link to the one file they come from, or not at
all; with neither set there is no edit link anywhere."""

from __future__ import annotations

import pytest

from conftest import make_project, run_build

REPO = "https://github.com/example-council/plan-site"
EDIT = f"{REPO}/edit/main/content/"


@pytest.fixture(scope="module")
def edit_build(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("edit"), config_edit=lambda text: text.replace(
        "docs_dir: content\n", f"docs_dir: content\nrepo_url: {REPO}\nedit_uri: edit/main/content/\n"))
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def edit_link(build, path):
    links = build.html(path).select('a[rel="edit"]')
    assert len(links) <= 1, links
    return links[0] if links else None


def test_each_action_page_links_to_its_own_file_named_after_the_page(edit_build):
    link = edit_link(edit_build, "areas/1-finding/1-3-unrated/")
    assert link is not None
    assert link["href"] == EDIT + "areas/1-finding/1-3-unrated.md"
    assert link.get_text(" ", strip=True) == "Edit this page"
    assert link["aria-label"] == "Edit this page: 1.3 An unrated action past its date"
    assert not link.get("title"), "the name is in words, not in a tooltip"
    other = edit_link(edit_build, "areas/2-plans/2-1-green/")
    assert other["href"] == EDIT + "areas/2-plans/2-1-green.md"
    assert edit_link(edit_build, "areas/1-finding/")["href"] == EDIT + "areas/1-finding/index.md"
    assert edit_link(edit_build, "")["href"] == EDIT + "index.md"


@pytest.mark.parametrize("path, target", [
    ("status-key/", f"{REPO}/edit/main/mkdocs.yml"),
    ("actions/", f"{REPO}/edit/main/mkdocs.yml"),
    ("actions/green/", f"{REPO}/edit/main/mkdocs.yml"),
    ("actions/area-1/", EDIT + "areas/1-finding/index.md"),
    ("easy-read/area-2/", EDIT + "areas/2-plans/index.md"),
    ("easy-read/", EDIT + "index.md"),
    ("easy-read/status-key/", f"{REPO}/edit/main/mkdocs.yml"),
])
def test_a_generated_page_links_to_the_file_it_comes_from(edit_build, path, target):
    link = edit_link(edit_build, path)
    assert link is not None, path
    assert link["href"] == target
    assert link.get_text(" ", strip=True) == "Edit the file this page is made from"
    title = edit_build.html(path).find("h1").get_text(" ", strip=True)
    assert link["aria-label"].startswith("Edit the file this page is made from: ")
    assert link["aria-label"].split(": ", 1)[1] in title or title in link["aria-label"], (link, title)


@pytest.mark.parametrize("path", ["whats-changed/", "board-report/", "open-data/", "easy-read/you-said/",
                                  "you-said/"])
def test_a_page_made_from_many_files_has_no_edit_link(edit_build, path):
    assert edit_link(edit_build, path) is None


def test_the_repository_link_makes_no_request_to_github(edit_build):
    for html in edit_build.site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in text, html  # the theme would fetch stars and forks


def test_without_repo_url_and_edit_uri_there_is_no_edit_link(basic_build):
    pages = list(basic_build.site.rglob("*.html"))
    assert len(pages) > 20
    for html in pages:
        assert 'rel="edit"' not in html.read_text(encoding="utf-8"), html


def test_the_link_name_carries_a_title_with_markup_characters_as_text(tmp_path):
    page = "content/areas/1-finding/1-3-unrated.md"
    text = (make_project(tmp_path / "src") / page).read_text(encoding="utf-8")
    title = 'Plan "A" <img src=x onerror=alert(1)> & more'
    project = make_project(tmp_path, files={page: text.replace(
        "title: An unrated action past its date", f"title: '{title}'")}, config_edit=lambda t: t.replace(
        "docs_dir: content\n", f"docs_dir: content\nrepo_url: {REPO}\nedit_uri: edit/main/content/\n"))
    build = run_build(project)
    assert build.returncode == 0, build.output
    link = edit_link(build, "areas/1-finding/1-3-unrated/")
    assert link["aria-label"] == f"Edit this page: 1.3 {title}"
    assert build.html("areas/1-finding/1-3-unrated/").find("img", src="x") is None


def test_repo_url_without_edit_uri_is_a_clear_warning_not_wrong_links(tmp_path):
    """With repo_url alone MkDocs guesses edit/master/docs/: every edit link would open a file that
    is not there (the content folder is content/). The strict build stops and says what to set."""
    project = make_project(tmp_path, config_edit=lambda text: text.replace(
        "docs_dir: content\n", f"docs_dir: content\nrepo_url: {REPO}\n"))
    build = run_build(project)
    assert build.returncode != 0
    assert ("plan-progress: edit_uri 'edit/master/docs/' in mkdocs.yml does not end with the content folder "
            "'content/'") in build.output, build.output
    assert "set edit_uri: edit/<branch>/content/" in build.output

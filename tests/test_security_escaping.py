"""One escaping rule, everywhere: a value from front-matter or mkdocs.yml is text wherever it lands.

Hostile titles, a home page title and description, a site name and a footer link's text go into
the basic fixture. Every built page is parsed: no element or attribute comes from them (no
``<img>``, no ``on...`` attribute, no ``javascript:`` link), the ``<title>`` and ``<h1>`` show the
titles literally (Markdown's ``*``, ``[..](..)`` and ``{: ..}`` included), ordinary titles are not
escaped twice, and the search index holds the literal text.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from conftest import make_project, run_build

IMG = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"
ATTR = "{: onfocus=alert(1) }"
MARKDOWN = "Review the *local* offer {2022 refresh}"

HOSTILE = f"Tell us {IMG} then {LINK} {ATTR}"  # attr_list syntax must end the heading to act
PLAIN = "Health & care for young people"
SITE = f"Test & plan {IMG}"
HOME_TITLE = f"Home {IMG} {LINK}"
DESCRIPTION = f'A site "described" {IMG}'
FOOTER_TEXT = f"Access {IMG}"


def _retitle(text: str, title: str) -> str:
    return re.sub(r"^title: .*$", "title: " + json.dumps(title), text, count=1, flags=re.M)


def _config(text: str) -> str:
    text = text.replace("site_name: Test plan progress", "site_name: " + json.dumps(SITE))
    text = text.replace("features: [navigation.indexes, navigation.prune]",
                        "features: [navigation.indexes, navigation.prune, navigation.footer]")
    text += ("site_description: " + json.dumps(DESCRIPTION) + "\n"
             "extra:\n  footer_links:\n    - {text: " + json.dumps(FOOTER_TEXT) + ", url: glossary/}\n")
    return text


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from conftest import FIXTURES

    area = FIXTURES / "basic" / "content" / "areas" / "1-finding"
    home = (FIXTURES / "basic" / "content" / "index.md").read_text(encoding="utf-8")
    home = home.replace("type: home\n", "type: home\ntitle: " + json.dumps(HOME_TITLE) + "\n"
                        "description: " + json.dumps(DESCRIPTION) + "\n", 1)
    files = {
        "content/areas/1-finding/1-1-red.md": _retitle((area / "1-1-red.md").read_text(encoding="utf-8"), HOSTILE),
        "content/areas/1-finding/1-2-blue.md": _retitle((area / "1-2-blue.md").read_text(encoding="utf-8"),
                                                        MARKDOWN),
        "content/areas/1-finding/1-3-unrated.md": _retitle((area / "1-3-unrated.md").read_text(encoding="utf-8"),
                                                           PLAIN),
        "content/index.md": home,
        # A page of the site's own with a hostile title and no heading of its own
        "content/notes.md": "---\ntitle: " + json.dumps(HOSTILE) + "\nsubtitle: " + json.dumps(IMG) + "\n---\n"
                            "Some notes without a heading.\n",
    }
    project = make_project(tmp_path_factory.mktemp("hostile"), files=files, config_edit=_config)
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def _pages(build):
    for path in sorted(build.site.rglob("*.html")):
        yield path.relative_to(build.site).as_posix(), build.html(path.relative_to(build.site).as_posix())


def test_no_value_becomes_an_element_or_attribute_on_any_page(hostile):
    checked = 0
    for name, soup in _pages(hostile):
        checked += 1
        assert not soup.find_all("img", src="x"), name
        for element in soup.find_all(True):
            for attribute, value in element.attrs.items():
                assert not attribute.lower().startswith("on"), (name, element.name, attribute, value)
                if attribute in {"href", "src", "action", "formaction"}:
                    assert not str(value).strip().lower().startswith("javascript:"), (name, element)
    assert checked > 20


@pytest.mark.parametrize("page, number, title", [
    ("notes/", None, HOSTILE),
    ("areas/1-finding/1-1-red/", "1.1", HOSTILE),
    ("areas/1-finding/1-2-blue/", "1.2", MARKDOWN),
    ("areas/1-finding/1-3-unrated/", "1.3", PLAIN),
])
def test_titles_show_literally_in_the_title_heading_nav_and_search(hostile, page, number, title):
    soup = hostile.html(page)
    literal = f"{number} {title}" if number else title
    assert soup.title.get_text() == f"{literal} - {SITE}"
    assert soup.select_one(".md-header__topic:last-child .md-ellipsis").get_text().strip() == literal
    # In the navigation of the page's own area, with the page listed by its title
    nav = [a.get_text(" ", strip=True) for a in soup.select(".md-nav--primary a.md-nav__link")]
    assert any(text == literal or text == f"{literal} {IMG}" for text in nav), nav  # (with its subtitle)
    index = json.loads((hostile.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [html.unescape(re.sub(r"<[^>]+>", "", doc["title"])) for doc in index["docs"]
              if doc["location"].rstrip("/").endswith(page.rstrip("/"))]
    assert literal in titles, titles
    assert IMG not in json.dumps(index), "the search index holds markup from a value"


@pytest.mark.parametrize("page, heading", [
    ("areas/1-finding/1-1-red/", f"1.1 {HOSTILE}"),
    ("areas/1-finding/1-2-blue/", f"1.2 {MARKDOWN}"),
    ("areas/1-finding/1-3-unrated/", f"1.3 {PLAIN}"),
    ("actions/red/", None),  # the action lists: titles in table cells
])
def test_headings_and_generated_text_are_never_read_as_markdown(hostile, page, heading):
    """Headings are written as HTML, so "*", "[..](..)" and "{: ..}" in a title stay as written."""
    soup = hostile.html(page)
    if heading is not None:
        h1 = soup.select("article h1")
        assert [h.get_text() for h in h1] == [heading]
        assert not h1[0].find(True), "the heading holds no elements made from its text"
        assert set(h1[0].attrs) == {"id"}
    article = soup.select_one("article")
    assert not article.find_all("em"), "Markdown emphasis made from a value"
    links = [a.get_text() for a in article.find_all("a")]
    assert "x" not in links


def test_site_name_description_home_title_and_footer_text_are_text(hostile):
    home = hostile.html("")
    assert home.title.get_text() == f"{HOME_TITLE} - {SITE}"
    assert home.find("meta", attrs={"name": "description"})["content"] == DESCRIPTION
    assert home.select_one(".md-header__topic .md-ellipsis").get_text().strip() == SITE
    footer = [a.get_text() for a in home.select(".pp-footer-links a")]
    assert footer == [FOOTER_TEXT]
    page = hostile.html("glossary/")
    # The home page's title in every page's navigation, as text
    assert HOME_TITLE in [a.get_text(" ", strip=True) for a in page.select(".md-nav--primary a.md-nav__link")]
    assert page.find("meta", attrs={"name": "description"})["content"] == DESCRIPTION
    feed = (hostile.site / "feed.xml").read_text(encoding="utf-8")
    assert IMG not in feed
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(feed)  # valid XML, with the values as text
    assert root.find(f"{atom}title").text == f"{SITE}: what's changed"
    titles = [e.find(f"{atom}title").text for e in root.iter(f"{atom}entry")]
    assert f"1.1 {HOSTILE}: Significantly delayed" in titles


def test_previous_and_next_links_show_titles_as_text(hostile):
    # The footer's previous/next links of the pages beside the hostile action
    found = []
    for name, soup in _pages(hostile):
        for link in soup.select("a.md-footer__link"):
            text = link.select_one(".md-ellipsis").get_text().strip()
            found.append(text)
            assert link["aria-label"].endswith(f": {text}"), (name, link["aria-label"])
    assert f"1.1 {HOSTILE}" in found and HOSTILE in found

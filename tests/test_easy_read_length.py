"""Short easy read (issue 25 item 4): no easy-read page over about 400 words or 20 pictures.

Mencap's and the government's easy-read guidance ask for short documents: a part's page says what the
part is about, how many things it holds and how they are going, and lists each action in one line with
its status and a link to the action's own easy-read page; a long list goes on over more pages. Every
easy-read page of the real site, of the basic fixture and of a plan with a part of 30 actions is
measured here as a family meets it: the words of the page's content and its pictures.
"""

from __future__ import annotations

import re

import pytest

from conftest import run_build
from test_easy_read_pages import easy_pages
from test_large_section import COUNT, _project

MAX_WORDS = 400
MAX_PICTURES = 20
_WORD = re.compile(r"[^\W_]", re.UNICODE)


def measure(soup) -> tuple[int, int]:
    """(words, pictures) of an easy-read page's content, as a reader sees it (not the words only a screen
    reader hears after a link, which repeat the heading)."""
    article = soup.select_one("article")
    for hidden in article.select(".pp-er__hidden"):
        hidden.decompose()
    words = [w for w in article.get_text(" ").split() if _WORD.search(w)]
    return len(words), len(article.select("img"))


def _check_every_page(build) -> list[tuple[str, int, int]]:
    measured = []
    for path in easy_pages(build):
        words, pictures = measure(build.html(path, fresh=True))
        assert words <= MAX_WORDS, f"{path} has {words} words; an easy-read page has at most about {MAX_WORDS}"
        assert pictures <= MAX_PICTURES, f"{path} has {pictures} pictures; at most {MAX_PICTURES}"
        measured.append((path, words, pictures))
    return measured


def test_every_easy_read_page_of_the_real_site_is_short(real_build):
    measured = _check_every_page(real_build)
    paths = [path for path, _, _ in measured]
    assert len([p for p in paths if re.search(r"/area-\d+/\d+-\d+/$", p)]) == 68, "one page per action"
    assert "easy-read/you-said/local-offer/" in paths
    # area 2 has 17 actions: its list goes on over two pages (9 and 8)
    assert "easy-read/area-2/page-2/" in paths


def test_every_easy_read_page_of_the_fixture_is_short(basic_build):
    assert _check_every_page(basic_build)


@pytest.fixture(scope="module")
def big_part(tmp_path_factory):
    build = run_build(_project(tmp_path_factory.mktemp("big-part"), None))
    assert build.returncode == 0, build.output
    return build


def test_a_part_of_30_actions_lists_them_over_pages_of_at_most_12(big_part):
    measured = _check_every_page(big_part)
    assert measured
    first = big_part.html("easy-read/priority-1/")
    pages = [first] + [big_part.html(f"easy-read/priority-1/page-{n}/") for n in (2, 3)]
    assert not (big_part.site / "easy-read/priority-1/page-4").exists()
    listed = [[li.a["href"] for li in page.select("ul.pp-er__list--actions > li")] for page in pages]
    assert [len(hrefs) for hrefs in listed] == [10, 10, 10]  # 30 over three pages, evenly
    assert listed[0][:2] == ["1-1/", "1-2/"] and listed[1][0] == "../1-11/"
    # each page says where it is in the list and links to the rest
    where = [page.select_one("nav.pp-er__pages p").get_text(strip=True) for page in pages]
    assert where == [f"This is page {n} of 3 of the list." for n in (1, 2, 3)]
    assert first.select_one('nav.pp-er__pages a[href="page-2/"]')
    assert pages[2].select_one('nav.pp-er__pages a[href="../page-2/"]')
    assert pages[1].h1.get_text(strip=True).endswith(": page 2 of 3")
    # every action has its own page, and it leads back to the page of the list that holds it
    for number in range(1, COUNT + 1):
        action = big_part.html(f"easy-read/priority-1/1-{number}/")
        back = [a for a in action.select(".pp-er__more a") if a.get_text(strip=True).startswith("Back to")]
        expected = "../" if number <= 10 else f"../page-{(number - 1) // 10 + 1}/"
        assert [a["href"] for a in back] == [expected], number


def test_the_list_size_is_a_setting(tmp_path):
    project = _project(tmp_path, None)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - plan-progress:\n" in text
    config.write_text(text.replace("  - plan-progress:\n", "  - plan-progress:\n      easy_read_list_size: 30\n", 1),
                      encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert len(build.html("easy-read/priority-1/").select("ul.pp-er__list--actions > li")) == COUNT
    assert not (build.site / "easy-read/priority-1/page-2").exists()

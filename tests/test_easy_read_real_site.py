"""Issue 15's "Done when", checked on the real site as built (conftest's real_build), from outside the
plugin: the independent readability check reaches every easy-read page and every word on it; no picture
or label is an icon's file name or code; every picture is the site's own, at least 100 px, described or
empty on purpose; every part opens with how it is going in words and pictures; each page prints
without its navigation; and a status picture means that status and nothing else."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from conftest import ROOT
from plan_progress.core.scale import DEFAULT_SCALE
from test_easy_read_pages import _PLACEHOLDER, easy_pages, icon_names, main_text

EASY = "easy-read"
# A picture's code, as OpenMoji names its files: 1F4C5, 23F3, 1F9D1-200D-1F393 (an all-digit code such
# as 2705 is caught as a file name instead, so that years and counts are not mistaken for codes).
OPENMOJI_CODE = re.compile(r"\b(?=[0-9A-F]*[A-F])(?=[0-9A-F]*[0-9])[0-9A-F]{4,5}\b"
                           r"|\b[0-9A-F]{4,5}(?:-[0-9A-F]{4,5})+\b")


def _expected_pages() -> set[str]:
    """The easy-read pages the real content asks for: the home, one per part (and its list's further pages
    of 12), one per action, one per "You said" theme, and the four of their own."""
    parts, more, actions = set(), set(), set()
    for folder in (ROOT / "content/areas").iterdir():
        if folder.is_dir() and (folder / "index.md").is_file():
            number = folder.name.split("-")[0]
            parts.add(f"{EASY}/area-{number}/")
            found = [f for f in folder.glob("*.md") if f.name != "index.md"]
            actions |= {f"{EASY}/area-{number}/{'-'.join(f.stem.split('-')[:2])}/" for f in found}
            more |= {f"{EASY}/area-{number}/page-{n}/" for n in range(2, -(-len(found) // 12) + 1)}
    themes = {f"{EASY}/you-said/{f.stem}/" for f in (ROOT / "content/you-said").glob("*.md") if f.name != "index.md"}
    return {f"{EASY}/", *parts, *more, *actions, *themes, f"{EASY}/status-key/", f"{EASY}/you-said/",
            f"{EASY}/who-can-help/"}


def test_the_readability_check_reaches_every_easy_read_page_and_every_word(real_build):
    """test_easy_read_pages.py's textstat check reads `main_text`: it must see every page a family can
    reach and every visible word of each page's main content, so that no page or block escapes it."""
    pages = set(easy_pages(real_build))
    assert _expected_pages() <= pages, f"easy-read pages missing: {_expected_pages() - pages}"
    for path in sorted(pages):
        soup = real_build.html(path, fresh=True)
        counted = " ".join(main_text(BeautifulSoup(str(soup), "html.parser")))
        article = soup.select_one("article")
        for switch in article.select(".pp-switch"):
            switch.decompose()
        for piece in article.find_all(string=True):
            words = _PLACEHOLDER.sub("It", piece.strip())
            if words and piece.parent.name not in ("script", "style"):
                assert words in counted, f"{path}: the readability check does not read \"{words}\""


def _labels(soup) -> list[tuple[str, str]]:
    """Every label a reader or a screen reader meets on the page: what pictures are called ("picture"),
    names of controls and titles, and the visible words of the main content, line by line."""
    found = [("picture", img.get("alt", "")) for img in soup.select("img")]
    found += [("picture", svg["aria-label"]) for svg in soup.select("svg[aria-label]")]
    found += [(attr, el[attr]) for attr in ("aria-label", "title") for el in soup.select(f"[{attr}]")
              if el.name != "svg"]
    found += [("words", line) for line in main_text(BeautifulSoup(str(soup), "html.parser"))]
    return found


def test_no_picture_or_label_is_an_icon_file_name_or_code(real_build):
    files = {p.stem.lower() for p in (real_build.site / "assets/pictures").rglob("*.svg")}
    names = icon_names() | files
    for path in easy_pages(real_build):
        soup = real_build.html(path)
        for kind, label in _labels(soup):
            where = f"{path}: {kind} \"{label}\""
            plain = label.lower().removeprefix("picture:").strip().rstrip(".")
            # A control may be called "Search" (also an icon's name); a picture is described, never named.
            assert plain not in (names if kind == "picture" else files), f"{where} is an icon's file name"
            assert not OPENMOJI_CODE.search(label), f"{where} holds a picture's code"
            assert not re.search(r"(?i)openmoji|\.svg\b|\bmaterial/|\b[a-z]+-[a-z]+-[a-z]+\b", label), \
                f"{where} reads like a file name"
            if kind == "picture":
                assert not label.lower().startswith("picture"), f"{where} names a picture, not what it shows"


def test_every_picture_is_the_sites_own_at_least_100px_and_described_or_empty(real_build):
    for path in easy_pages(real_build):
        page = real_build.site / path / "index.html"
        pictures = real_build.html(path).select("article img")
        assert pictures, path
        for img in pictures:
            src = img.get("src", "")
            where = f"{path}: {src}"
            assert not re.match(r"(?i)^(?:[a-z]+:|//)", src), f"{where} is not served by the site itself"
            assert (page.parent / src).resolve().is_file(), f"{where} is not in the built site"
            assert int(img.get("width", 0)) >= 100 and int(img.get("height", 0)) >= 100, where
            assert img.has_attr("alt"), f"{where} has no alt (empty alt is fine, on purpose)"
            if img["alt"]:
                assert img["alt"][0].isupper(), f"{where}: alt '{img['alt']}' reads like a name"


def test_every_part_opens_with_its_count_and_how_it_is_going_in_words_and_pictures(real_build):
    parts = sorted(p for p in _expected_pages() if re.search(r"/area-\d+/$", p))
    assert len(parts) == 6
    for path in parts:
        article = real_build.html(path).select_one("article")
        assert article.select("h2")[0].get_text(strip=True) == "How this part is going", f"{path}: not first"
        first_action = article.select_one("h2#actions")
        actions = len(real_build.html(path).select("ul.pp-er__list--actions > li"))
        for more in range(2, 10):  # a part of more than 12 lists the rest on its next pages
            if not (real_build.site / path / f"page-{more}/index.html").is_file():
                break
            actions += len(real_build.html(f"{path}page-{more}/").select("ul.pp-er__list--actions > li"))
        rows = []
        for element in article.select("h2")[0].find_all_next():
            if element is first_action or element.name == "h2":
                break
            if "pp-er__row" in element.get("class", []):
                rows.append(element)
        assert rows[0].get_text(" ", strip=True) == f"This part has {actions} things to do.", path
        total = 0
        for row in rows[1:]:
            sentence = row.p.get_text(" ", strip=True)
            count = re.match(r"(\d+) things? ", sentence).group(1)
            status = next(s for s in DEFAULT_SCALE if s.easy_count_sentence(int(count)) == sentence)
            label = status.easy_label
            assert [p.get_text(strip=True) for p in row.select("p")[1:]] == status.easy_read.split("\n"), \
                f"{path}: {label} without what it means"
            picture = row.select_one("img")
            assert picture["src"].endswith(f"{status.easy_read_picture}.svg"), f"{path}: {label} without its picture"
            assert picture["alt"] == status.easy_read_alt, f"{path}: {label}'s picture is not described"
            total += int(count)
        assert total == actions, f"{path}: the status counts add up to {total}, not {actions}"


def _print_hidden_selectors(css: str) -> list[str]:
    """The selectors that `@media print` blocks of a stylesheet hide (display: none)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    hidden = []
    for start in (m.end() for m in re.finditer(r"@media\s+print\s*\{", css)):
        depth, i = 1, start
        while depth:
            depth += {"{": 1, "}": -1}.get(css[i], 0)
            i += 1
        for selectors, body in re.findall(r"([^{}@]+)\{([^{}]*)\}", css[start:i - 1]):
            if re.search(r"display\s*:\s*none", body):
                hidden += [s.strip() for s in selectors.split(",") if s.strip()]
    return hidden


def test_every_easy_read_page_prints_without_its_navigation(real_build):
    """The print rules of the stylesheets the built page links to hide its header, menus, search, footer
    and the link to the other version, and leave the words and pictures of the main content."""
    for path in easy_pages(real_build):
        page = real_build.site / path / "index.html"
        soup = real_build.html(path)
        hidden = []
        for link in soup.select('link[rel="stylesheet"]'):
            sheet = (page.parent / link["href"]).resolve()
            assert sheet.is_file(), f"{path}: {link['href']}"
            for selector in _print_hidden_selectors(sheet.read_text(encoding="utf-8")):
                if "::" not in selector and ":hover" not in selector:
                    try:
                        hidden += soup.select(selector)
                    except Exception:  # a selector soupsieve does not know matches nothing here
                        continue
        hidden_ids = {id(el) for el in hidden}

        def on_paper(element, hidden_ids=hidden_ids) -> bool:
            return not any(id(el) in hidden_ids for el in [element, *element.parents])

        navigation = soup.select("body > header, header, nav, footer, form, [role=search], .md-sidebar, .pp-switch")
        assert soup.select("header") and soup.select("footer") and soup.select("nav"), path
        for element in navigation:
            if element.find_parent("article") and not element.get("class", []) == ["pp-switch"]:
                continue
            assert not on_paper(element), f"{path}: <{element.name} class={element.get('class')}> prints"
        article = soup.select_one("article")
        assert on_paper(article), f"{path}: the main content does not print"
        for img in article.select(".pp-er__row img"):
            assert on_paper(img), f"{path}: a picture does not print"
        assert [h for h in article.select("h1") if on_paper(h)], path


def test_a_status_picture_means_that_status_and_nothing_else():
    """A picture beside an idea never is one of the status pictures: a tick beside "Our plan has 68
    things to do" or an hourglass beside "families waited too long" would read as a status."""
    status_pictures = {s.easy_read_picture: s.easy_label for s in DEFAULT_SCALE}
    status_alts = {s.easy_read_alt: s.easy_label for s in DEFAULT_SCALE}
    import yaml

    for path in sorted((ROOT / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        data = yaml.load(text[4:text.index("\n---\n", 4)], Loader=yaml.CSafeLoader) or {}
        for number, idea in enumerate(data.get("easy_read") or [], start=1):
            assert idea["picture"] not in status_pictures, (
                f"{path.relative_to(ROOT)} idea {number}: {idea['picture']} is the picture for the status "
                f"'{status_pictures[idea['picture']]}'")
            assert idea["alt"] not in status_alts, (
                f"{path.relative_to(ROOT)} idea {number}: '{idea['alt']}' is how the status "
                f"'{status_alts[idea['alt']]}' is described; describe this picture in its own words")
    assert len(set(status_pictures)) == len(status_pictures), "two statuses share a picture"


def test_helpers_find_what_they_should():
    assert [bool(OPENMOJI_CODE.search(t)) for t in ("1F4C5", "a 23F3", "1F9D1-200D-1F393", "April 2021", "FACE")] \
        == [True, True, True, False, False]
    css = "@media print { .a, .b { display: none !important; } .c { color: red } }\n.d { display: none }"
    assert _print_hidden_selectors(css) == [".a", ".b"]


# Names a family may not know: each is explained beside its first use on a page, not only in the
# "Words on this page" box at the bottom (Mencap: explain a hard word where you use it).
NAMES = ("Voice 4 Parents", "WIASS", "HY5", "SEND Partnership Board", "Widget", "Big Blue Door",
         "Prospect Services", "SENCO", "Connexions", "Local Offer", "Total Respect Programme")
EXPLAINS = re.compile(r"\b(?:is|are) (?:a|an|the)\b|\bcalled\b|\bgives\b|^This is\b|^It is\b|does not say what")


def test_a_name_is_explained_beside_its_first_use_on_each_page(real_build):
    for path in easy_pages(real_build):
        article = real_build.html(path, fresh=True).select_one("article")
        for box in article.select("aside"):
            box.decompose()
        blocks = [[p.get_text(" ", strip=True) for p in words.select("p")]
                  for words in article.select(".pp-er__words")]
        for name in NAMES:
            first = next((block for block in blocks if any(name in line for line in block)), None)
            if first is None or name == "Local Offer" and path.endswith("/you-said/"):
                continue
            assert any(EXPLAINS.search(line) for line in first), \
                f"{path}: '{name}' is first used in \"{' '.join(first)}\" without saying what it is"

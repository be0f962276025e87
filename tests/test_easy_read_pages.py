"""The easy-read pages as a reader meets them (issue 15): a picture beside each idea, headings in words,
each part opening with how it is going, the frame in easy words, a "Who can help you" page, print,
and an independent readability check of every built easy-read page."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, build_in_process, make_project, run_build

CHROMIUM = "/usr/bin/chromium"
EASY = "easy-read"


def easy_pages(build) -> list[str]:
    """Every easy-read page of a built site, as a path under the site ("easy-read/area-1/")."""
    return sorted(str(p.parent.relative_to(build.site)) + "/" for p in (build.site / EASY).rglob("index.html"))


def icon_names() -> set[str]:
    """Every icon file name the theme ships, as words ("information outline") and as written."""
    import material

    icons = Path(material.__file__).parent / "templates" / ".icons"
    names = set()
    for file in icons.rglob("*.svg"):
        names |= {file.stem.lower(), file.stem.replace("-", " ").lower()}
    return names


def test_no_picture_is_labelled_with_an_icon_file_name(basic_build):
    names = icon_names()
    for path in easy_pages(basic_build):
        article = basic_build.html(path).select_one("article")
        labels = [img.get("alt", "") for img in article.select("img")]
        labels += [svg.get("aria-label", "") for svg in article.select("svg[aria-label]")]
        for label in labels:
            words = label.lower().removeprefix("picture:").strip()
            assert not label.lower().startswith("picture:"), f"{path}: '{label}' names a file, not what it shows"
            assert words not in names, f"{path}: the picture's text '{label}' is an icon's file name"


def test_no_easy_read_heading_is_only_a_number(basic_build, real_build):
    only_number = re.compile(r"^\s*(?:action|part|area|number)?\s*[\d.:\s]*$", re.IGNORECASE)
    for build in (basic_build, real_build):
        for path in easy_pages(build):
            for heading in build.html(path).select("article h1, article h2, article h3, article h4"):
                text = heading.get_text(" ", strip=True)
                assert not only_number.match(text), f"{path}: the heading '{text}' says nothing in words"


def _part_opening(soup):
    """The text of a part page from its title to its list of actions, and the list's lines."""
    article = soup.select_one("article")
    first_action = article.select_one("h2#actions")
    before = []
    for element in article.h1.find_all_next():
        if element is first_action:
            break
        if element.name == "p" and "pp-switch" not in element.get("class", []):
            before.append(element.get_text(" ", strip=True))
    return before, article.select("ul.pp-er__list--actions > li")


def test_every_part_opens_with_how_many_things_and_how_they_are_going(basic_build, real_build):
    for build in (basic_build, real_build):
        parts = [p for p in easy_pages(build) if re.search(r"/area-\d+/$", p)]
        assert parts
        for path in parts:
            before, actions = _part_opening(build.html(path))
            count = len(actions)
            for more in range(2, 10):  # a part of more than 12 lists the rest on its next pages
                if not (build.site / path / f"page-{more}/index.html").is_file():
                    break
                count += len(_part_opening(build.html(f"{path}page-{more}/"))[1])
            things = f"{count} thing" + ("" if count == 1 else "s")
            assert before[0] == f"This part has {things} to do.", f"{path} opens with: {before[:2]}"
            statuses = [re.match(r"^(\d+) things?\b", line) for line in before[1:]]
            statuses = [m for m in statuses if m]
            assert statuses, f"{path}: no status counts before the first action"
            assert sum(int(m.group(1)) for m in statuses) == count, f"{path}: the status counts do not add up"


def test_status_counts_say_how_many_are_in_each_status(basic_build):
    before, _ = _part_opening(basic_build.html("easy-read/area-1/"))
    # Fixture area 1: 1.1 significantly delayed, 1.2 embedded, 1.3 not rated.
    assert before[1:8] == ["1 thing is very late.", "This is very late.", "It needs extra help to get going again.",
                           "1 thing is done.", "This is done.", "It is now part of how things work.",
                           "1 thing has no score yet."]
    # ... each status's meaning said once there, not again under each action
    article = basic_build.html("easy-read/area-1/").select_one("article")
    assert article.get_text(" ").count("This is very late.") == 1


def test_a_who_can_help_page_exists_and_every_easy_read_page_links_to_it(basic_build, real_build):
    for build in (basic_build, real_build):
        assert (build.site / EASY / "who-can-help/index.html").is_file()
        for path in easy_pages(build):
            soup = build.html(path)
            depth = path.count("/") - 1
            target = "../" * depth + "who-can-help/" if path != f"{EASY}/" else "who-can-help/"
            for region in ("header", "footer"):
                links = [a for a in soup.select(f"{region} a") if a.get_text(strip=True) == "Who can help you"]
                assert links, f"{path}: no 'Who can help you' link in the {region}"
                assert (links[0]["href"] in (target, "./") if path.endswith("who-can-help/")
                        else links[0]["href"] == target), f"{path}: {links[0]['href']}"


def _with_contacts(*lines: str, words: str = ""):
    """A config edit: the given contact entries (and any ``words:`` lines) in the plugin's settings."""
    def edit(text):
        return text.replace("      nav_order:", "      contacts:\n" + "".join(f"        {line}\n" for line in lines)
                            + words + "      nav_order:")
    return edit


def _rows(article) -> list[tuple[str, str, str, str | None]]:
    """Each row of the page: (picture file, its alt, its words, its link or None)."""
    rows = []
    for row in article.select(".pp-er__row"):
        link = row.select_one("a")
        rows.append((row.img["src"].rsplit("/", 1)[-1], row.img.get("alt"),
                     row.select_one(".pp-er__words").get_text(" ", strip=True), link["href"] if link else None))
    return rows


def test_who_can_help_shows_each_contact_with_its_own_easy_words_and_links_only_real_details(tmp_path):
    project = make_project(tmp_path, config_edit=_with_contacts(
        "- name: Springfield advice line",
        "  phone: 01234 567890",
        "  email: help@example.org",
        "  easy_read: \"You can phone them for free.\\nThey help with school.\"",
        "  picture: openmoji/1F91D",
        "  picture_alt: Two hands shaking",
        "- name: Springfield help desk",
        "  easy_read: They answer questions.",
        "  url: '[website - to be confirmed]'",
        "- {name: Springfield library, url: https://library.example.org/}"))
    build = run_build(project)
    assert build.returncode == 0, build.output
    article = build.html("easy-read/who-can-help/").select_one("article")
    assert [h.get_text(strip=True) for h in article.select("h2")][:3] == [
        "Springfield advice line", "Springfield help desk", "Springfield library"]
    rows = _rows(article)
    assert rows[1:] == [
        # its own words beside its own picture, then each way to reach it
        ("1F91D.svg", "Two hands shaking", "You can phone them for free. They help with school.", None),
        ("260E.svg", "A telephone", "Phone: 01234 567890", "tel:01234567890"),
        ("2709.svg", "An envelope", "Email: help@example.org", "mailto:help@example.org"),
        # no picture of its own: the plugin's picture of someone who can help; a placeholder is never linked
        ("1F64B.svg", "A person raising a hand", "They answer questions.", None),
        ("1F310.svg", "A globe with lines on it", "Website: [website - to be confirmed]", None),
        # no easy-read words: its name and the ways to reach it, nothing made up
        ("1F310.svg", "A globe with lines on it", "Website: https://library.example.org/",
         "https://library.example.org/"),
    ]
    assert (build.site / "assets/pictures/openmoji/1F64B.svg").is_file()  # the plugin's own picture, served


def test_a_sites_words_change_the_fixed_words_of_who_can_help(tmp_path):
    project = make_project(tmp_path, config_edit=_with_contacts(
        "- {name: Springfield advice line, phone: 01234 567890}",
        words=("      words:\n"
               "        easy_help_link: People who can help\n"
               "        easy_help_intro: \"Do you need help?\\nAsk these people.\"\n"
               "        easy_help_phone: \"Call: {value}\"\n"
               "        easy_help_phone_alt: An old phone\n")))
    build = run_build(project)
    assert build.returncode == 0, build.output
    soup = build.html("easy-read/who-can-help/")
    article = soup.select_one("article")
    assert article.h1.get_text(strip=True) == "People who can help"
    assert _rows(article)[:2] == [("2753.svg", "A question mark", "Do you need help? Ask these people.", None),
                                  ("260E.svg", "An old phone", "Call: 01234 567890", "tel:01234567890")]
    assert soup.select("header a") and any(a.get_text(strip=True) == "People who can help"
                                           for a in soup.select("header a"))


@pytest.mark.parametrize("lines, messages", [
    pytest.param(["- name: Springfield IASS",
                  "  easy_read: \"Springfield IASS helps you.\\nIt gives advice to every family in the whole town "
                  "about all the support there is.\""],
                 ["mkdocs.yml: contacts[1] (Springfield IASS) easy_read: 'IASS' is an abbreviation with no easy-read "
                  "explanation",
                  "mkdocs.yml: contacts[1] (Springfield IASS) easy_read: this sentence has 16 words; easy read allows "
                  "at most 15"], id="readability"),
    pytest.param(["- {name: Advice line, easy_read: They help., picture: openmoji/1F999, picture_alt: A crab}"],
                 ["mkdocs.yml: contacts[1] (Advice line) picture: there is no picture called 'openmoji/1F999' in the "
                  "pictures folder"], id="no-such-picture"),
    pytest.param(["- {name: Advice line, easy_read: They help., picture: openmoji/1F91D, picture_alt: 1F91D.svg}"],
                 ["contacts[1].picture_alt: '1F91D.svg' looks like a file or icon name"],
                 id="alt-is-a-file-name"),
    pytest.param(["- {name: Advice line, picture: openmoji/1F91D}"],
                 ["contacts[1].picture: goes beside the contact's easy_read words, which are not given",
                  "contacts[1].picture_alt: is missing; say what the picture shows"], id="picture-without-words"),
    pytest.param(["- {name: Advice line, kind: send_team}"],
                 ["contacts[1].kind: is not a contact field; allowed: name, helps_with, email, phone, url, "
                  "opening_hours, easy_read, picture, picture_alt"], id="kind-is-gone"),
])
def test_a_contacts_easy_read_words_that_cannot_be_used_stop_the_build_naming_the_contact_and_field(
        tmp_path, lines, messages):
    build = build_in_process(make_project(tmp_path, config_edit=_with_contacts(*lines)))
    assert build.returncode == 1, build.output
    for message in messages:
        assert message in build.output, build.output
    assert "Traceback" not in build.output


def test_who_can_help_says_honestly_when_nobody_is_configured(basic_build):
    text = basic_build.html("easy-read/who-can-help/").select_one("article").get_text(" ", strip=True)
    assert "We have not added the people who can help yet." in text
    assert "These people can help you." not in text  # the introduction promises people only when there are some


def test_every_idea_is_a_picture_of_100px_left_of_its_words_in_the_page(basic_build):
    for path in easy_pages(basic_build):
        rows = basic_build.html(path).select("article .pp-er__row")
        assert rows, path
        for row in rows:
            children = [c for c in row.children if getattr(c, "name", None)]
            assert [c.name for c in children] == ["img", "div"], f"{path}: {row}"
            assert int(children[0]["width"]) >= 100 and children[0].get("alt") is not None
            assert "pp-er__words" in children[1]["class"]


def _layout(build, path: str, width: int) -> dict:
    """Where each row's picture and words are, measured by Chromium at ``width`` px."""
    page = build.site / path / "index.html"
    probe = page.with_name("probe.html")
    script = ("<script>addEventListener('load', () => { const rows = [...document.querySelectorAll("
              "'article .pp-er__row')].map(r => { const i = r.querySelector('img').getBoundingClientRect(), "
              "w = r.querySelector('.pp-er__words').getBoundingClientRect(); return [i.left, i.right, i.width, "
              "w.left, i.top, w.top]; }); document.body.setAttribute('data-rows', JSON.stringify(rows)); "
              "});</script>")
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", script + "</body>"), encoding="utf-8")
    out = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},900",
                          "--virtual-time-budget=3000", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    probe.unlink()
    found = re.search(r'data-rows="([^"]*)"', out)
    assert found, out[-2000:]
    import html

    return json.loads(html.unescape(found.group(1)))


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["easy-read/area-1", "easy-read/area-1/1-1"])
def test_pictures_are_at_least_100px_and_left_of_their_words_in_a_browser(basic_build, width, path):
    rows = _layout(basic_build, path, width)
    assert rows
    for left, right, picture_width, words_left, picture_top, words_top in rows:
        assert picture_width >= 100, rows
        assert right <= words_left, f"the picture is not left of its words at {width}px: {rows}"
        assert abs(picture_top - words_top) < 2, "the words start beside the picture, not below it"


def test_repeated_link_words_are_unique_for_screen_readers(basic_build, real_build):
    for build in (basic_build, real_build):
        for path in easy_pages(build):
            names = [a.get("aria-label") or a.get_text(" ", strip=True)
                     for a in build.html(path).select("article a")]
            repeated = {n for n in names if names.count(n) > 1}
            assert not repeated, f"{path}: links with the same words go to different places: {repeated}"


def _sentences_on(build, path: str) -> str:
    return build.html(path).select_one("article").get_text(" ", strip=True)


def test_an_unrated_action_is_never_called_late(basic_build, real_build):
    unrated = _sentences_on(basic_build, "easy-read/area-1/1-3/")  # not rated, its date (May 2022) has passed
    assert "Our plan said it would be done by May 2022." in unrated
    assert "should have been" not in unrated
    assert "The plan says this will be done by" not in unrated  # the date is said once
    late = _sentences_on(basic_build, "easy-read/area-1/1-1/")  # rated significantly delayed, due February 2022
    assert "It should have been done by February 2022." in late
    assert "Our plan said" not in late
    for build in (basic_build, real_build):
        for path in easy_pages(build):
            text = build.html(path).select_one("article").get_text(" ", strip=True)
            assert "We do not know yet" not in text and "This is late" not in text, path


def test_the_easy_read_home_says_when_we_last_checked(basic_build):
    text = basic_build.html("easy-read/").select_one("article").get_text(" ", strip=True)
    assert "We last checked this on 15 June 2022." in text


def test_the_easy_read_frame_is_in_easy_words(basic_build):
    soup = basic_build.html("easy-read/area-1/")
    assert soup.select_one(".md-search__input")["placeholder"] == "Search this website"
    assert soup.select_one("header nav")["aria-label"] == "Top of the page"
    assert soup.select_one(".pp-er-menu")["aria-label"] == "Menu"
    menu = [a.get_text(strip=True) for a in soup.select(".pp-er-menu a")]
    assert menu[0] == "Easy read start page" and "Who can help you" in menu and menu[-1] == "The full website"
    assert soup.select_one("article > .pp-switch a").get_text(strip=True) == "See this page in full"


def test_every_fixed_word_comes_from_the_word_list(tmp_path):
    def words(text):
        return text.replace("      nav_order:", (
            "      words:\n"
            "        easy_help_link: Help for you\n"
            "        easy_part_count: \"In this part: {count}.\"\n"
            "        easy_search: Look for words\n"
            "      nav_order:"))

    build = run_build(make_project(tmp_path, config_edit=words))
    assert build.returncode == 0, build.output
    soup = build.html("easy-read/area-1/")
    assert "In this part: 3 things." in soup.select_one("article").get_text(" ", strip=True)
    assert [a.get_text(strip=True) for a in soup.select("footer a")][0] == "Help for you"
    assert soup.select_one(".md-search__input")["placeholder"] == "Look for words"


# -- an independent readability check (textstat) of every built easy-read page ---------------------------

_PLACEHOLDER = re.compile(r"\[[^\]]*to be confirmed[^\]]*\]")


def main_text(soup) -> list[str]:
    """The page's own words, one unit a paragraph, heading, list item or term: what a reader reads (and
    the words said only to screen readers, as units of their own). The link to the standard page is left
    out, and each contact detail still to be filled in ("[... to be confirmed ...]") counts as one word."""
    article = soup.select_one("article")
    for switch in article.select(".pp-switch"):
        switch.decompose()
    units = []
    for hidden in article.select(".pp-er__hidden"):  # words only a screen reader says: read on their own
        units.append(hidden.get_text(" ", strip=True).lstrip(". ") + ".")
        hidden.decompose()
    for element in article.select("h1, h2, h3, p, li, dt"):
        text = _PLACEHOLDER.sub("It", element.get_text(" ", strip=True))
        if text:
            units.append(text if text[-1] in ".!?" else text + ".")
    return units


def test_every_easy_read_page_is_easy_to_read_by_an_independent_check(real_build):
    import textstat

    pages = easy_pages(real_build)
    assert len(pages) >= 10
    for path in pages:
        units = main_text(real_build.html(path, fresh=True))
        text = " ".join(units)
        for unit in units:
            for sentence in re.split(r"(?<=[.!?])\s+", unit):
                words = textstat.lexicon_count(sentence)
                assert words <= 15, f"{path}: {words} words in \"{sentence}\""
        grade = textstat.flesch_kincaid_grade(text)
        assert grade <= 6, f"{path}: Flesch-Kincaid grade {grade}"


@pytest.mark.browser
def test_an_easy_read_page_prints_on_a4_without_navigation(basic_build, tmp_path):
    page = basic_build.site / "easy-read/area-1/index.html"
    pdf = tmp_path / "part.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]", data)
    assert sizes and all(abs(float(w) - 595.92) < 2 and abs(float(h) - 842.88) < 2 for w, h in sizes), sizes
    css = (ROOT / "plugins/plan_progress/assets/plan-progress.css").read_text(encoding="utf-8")
    print_rules = " ".join(re.findall(r"@media print \{(.*?)\n\}", css, re.S))
    for hidden in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".pp-switch"):
        assert hidden in print_rules
    assert ".pp-er__row" in print_rules and "break-inside: avoid" in print_rules


def test_the_pages_own_pictures_come_with_the_plugin_and_are_credited(basic_build):
    # The basic fixture's pictures folder has no 1F64B (a person raising a hand) nor 2139 (information):
    # the plugin adds its own copies, and credits OpenMoji because the site sets no pictures_credit.
    assert not (basic_build.project / "content/assets/pictures/openmoji/1F64B.svg").exists()
    assert (basic_build.site / "assets/pictures/openmoji/1F64B.svg").read_text(encoding="utf-8").startswith("<svg")
    soup = basic_build.html("easy-read/")
    assert soup.select_one('article img[src$="1F64B.svg"]')
    credit = soup.select_one("footer .pp-er-credit a")
    assert credit["href"] == "https://openmoji.org/" and "OpenMoji" in credit.get_text()


def test_the_easy_read_home_says_when_we_will_update_it(tmp_path):
    build = run_build(make_project(tmp_path, config_edit=lambda t: t.replace(
        "      as_at: 2022-06-15\n", "      as_at: 2022-06-15\n      next_update: 2022-09-30\n")))
    assert build.returncode == 0, build.output
    text = build.html("easy-read/").select_one("article").get_text(" ", strip=True)
    assert "We last checked this on 15 June 2022. We will update it by 30 September 2022." in text


def test_each_easy_read_page_explains_the_names_and_short_words_it_uses(real_build):
    box = real_build.html("easy-read/area-2/2-1/").select_one("article aside.pp-er__box")
    assert box.h2.get_text(strip=True) == "Words on this page"
    terms = [dt.get_text(strip=True) for dt in box.select("dt")]
    assert "Voice 4 Parents" in terms and "EHC plan" in terms
    home = real_build.html("easy-read/").select_one("article aside.pp-er__box")
    assert "Voice 4 Parents" not in [dt.get_text(strip=True) for dt in home.select("dt")]  # only what the page uses


def test_a_theme_no_action_answers_says_so_in_words_not_with_a_zero(real_build):
    def text(path):
        return real_build.html(path).select_one("article").get_text(" ", strip=True)

    for path in easy_pages(real_build):
        assert "We have actions for 0 of them" not in text(path), path
    assert "We do not have actions for these yet." in text("easy-read/you-said/health/")  # no action answers its 4
    assert "We have actions for 13 of them." in text("easy-read/you-said/local-offer/")  # 13 of 38 answered


def test_a_status_without_its_own_count_sentence_is_counted_with_its_name(tmp_path):
    """easy_count is optional: a scale without it says "2 things: On its way" (easy_status_count);
    one with it says its own sentence; a count sentence without {count} is refused, naming it."""
    scale = """      statuses:
        - {key: moving, label: Moving, meaning: Work is under way., text_colour: "#0b3b5c", background: "#d2e7f7",
           easy_label: On its way, easy_read_picture: openmoji/1F44D, easy_read_alt: A thumbs up}
        - {key: done, label: Done, meaning: Finished., text_colour: "#0d4a1f", background: "#cfeed8", done: true,
           easy_label: Done, easy_read_picture: openmoji/2705, easy_read_alt: A tick in a box,
           easy_count: ["{count} thing is done.", "{count} things are done."]}
        - {key: none, label: Not assessed, meaning: Nobody has assessed it., text_colour: "#2f2f36",
           background: "#e6e6ea", rated: false}
"""
    project = make_project(tmp_path, files={})
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("      as_at:", scale + "      as_at:", 1)
    pages = {}
    for path in (project / "content").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        for old_key, new_key in (("status: red", "status: moving"), ("status: amber", "status: moving"),
                                 ("status: green", "status: moving"), ("status: blue", "status: done"),
                                 ("status: pink", "status: moving"), ("status: not-rated", "status: none")):
            text = text.replace(old_key, new_key)
        pages[path] = text
    for path, text in pages.items():
        path.write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    rows = [r.p.get_text(" ", strip=True) for r in build.html("easy-read/area-1/").select("article .pp-er__row--status")]
    assert any(re.fullmatch(r"\d+ things?: On its way", r) for r in rows), rows
    assert any(re.fullmatch(r"1 thing is done\.", r) for r in rows), rows

    (project / "mkdocs.yml").write_text(config.replace('"{count} thing is done."', '"One thing is done."'), encoding="utf-8")
    refused = run_build(project)
    assert refused.returncode != 0
    assert "status 'done': easy_count must be two sentences" in refused.output, refused.output

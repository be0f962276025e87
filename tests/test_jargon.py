"""Issue 25, item 6: jargon explained where it is met.

The first time a page uses a word from the glossary (in its text, its title, a heading, a link, a
quote or a control), the page explains it: in its "Words on this page" box, and, for an abbreviation
with ``stands_for``, spelt out in brackets at its first use ("DSCO (Designated Social Care Officer)"),
or in a line right after the title when the title is its first use. The real site is checked page by
page from outside the plugin (the glossary read with yaml, the pages with BeautifulSoup); the rules
themselves on small pieces of HTML and on a fixture site built for real.
"""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, make_project, run_build
from plan_progress.core.glossary import Glossary
from plan_progress.core.model import Term
from plan_progress.core.words import Words

# Elements whose text is not read as words: no term in them needs explaining.
UNREAD = ["script", "style", "svg", "code", "pre", "template", "textarea"]
# Words kept as they are (quotations, controls): a term there is explained in the box, never spelt out.
AS_IS = {"q", "blockquote", "abbr", "time", "button", "label", "option", "select", "summary", "legend"}
BOXES = "aside.pp-words, aside.pp-er__box"


def _glossary() -> list[dict]:
    text = (ROOT / "content" / "glossary.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))["terms"]


TERMS = {t["term"]: t for t in _glossary()}
# The abbreviations: terms written in capitals (SEND, V4P, HY5, COVID-19, #YES).
ABBREVIATIONS = {name for name in TERMS if name.isupper()}


def _forms(name: str) -> list[str]:
    small = [name[:-1] + name[-1].lower() + "s"] if len(name) >= 4 and name[-1].isalpha() and name[-1] != "S" else []
    return [name + "s", name, *small]


def _finder() -> re.Pattern:
    """Every glossary term, longest first, so that "EHC" inside "EHC plan" is the longer term: an
    abbreviation in capitals only, alone or with "s" ("SENCOs"; "SENCos" for one of four letters or
    more: "Its" is not IT); any other term in any case and in the plural."""
    forms = []
    for name in sorted(TERMS, key=len, reverse=True):
        if name in ABBREVIATIONS:
            forms.append(rf"(?<![\w&])(?:{'|'.join(map(re.escape, _forms(name)))})(?![\w&])")
        elif TERMS[name].get("match_case"):
            forms.append(rf"(?<!\w){re.escape(name)}(?!\w)")
        else:
            forms.append(rf"(?i:(?<!\w){re.escape(name)}(?:s|es)?(?!\w))")
    return re.compile("|".join(forms))


FINDER = _finder()


def _term_of(found: str) -> str | None:
    for name in ABBREVIATIONS:
        if found in _forms(name):
            return name
    return None  # not an abbreviation


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).replace("\u2019", "'").lower()


def _related(name: str) -> set[str]:
    """The abbreviation and the terms that are it and more words ("EHC plan" for "EHC"), or that it is
    and more words: spelling out one spells out the other."""
    spelt = {n for n, t in TERMS.items() if t.get("stands_for")}
    return {name} | {n for n in spelt if n.startswith(name + " ") or name.startswith(n + " ")}


def _spelt_out(text: str, name: str) -> bool:
    """Does the page's text spell the abbreviation (or a related one) out beside it?"""
    title_line = Words.load().text("title_stands_for", term="{t}", stands_for="{s}")
    for other in _related(name):
        long, short = _plain(TERMS[other]["stands_for"]), re.escape(_plain(other))
        said = "|".join([rf"{short}s? \({re.escape(long)}", rf"{re.escape(long)}s? \({short}s?\)",
                         re.escape(_plain(title_line)).replace(r"\{t\}", short).replace(r"\{s\}", re.escape(long))])
        if re.search(said, text):
            return True
    return False


def _uses(article) -> list[tuple[str, bool]]:
    """The abbreviations the article's words use (its box and unread elements taken out), in order:
    each with whether that use is in words kept as they are."""
    found = []
    for node in article.find_all(string=True):
        kept = any(p.name in AS_IS or p.name == "a" and p.has_attr("aria-label") for p in node.parents)
        for match in FINDER.finditer(str(node)):
            name = _term_of(match.group(0))
            if name is not None:
                found.append((name, kept))
    return found


def _box_terms(article, path: str) -> set[str]:
    """The terms the page's box explains (on the glossary page: the glossary's own list)."""
    entries = article.select("aside.pp-words dt, aside.pp-er__box dt")
    if path == "glossary/":
        entries = article.select("dl.pp-glossary dt")
    return {dt.find(string=True).strip() for dt in entries}


def test_every_abbreviation_on_every_page_of_the_real_site_has_its_meaning_there(real_html):
    """Issue 25.6's "Done when": no glossary abbreviation appears on a page without its meaning. On
    every page: each abbreviation its visible words use (title, headings, links, quotes and controls
    included) is in its box, and one with stands_for is spelt out beside a use (unless every use is in
    words kept as they are: quotes, controls). Easy-read pages explain in their own box, in easy words."""
    problems, checked = [], 0
    for path, soup in sorted(real_html.items()):
        assert soup.select_one("article") is not None, f"{path}: no <article>"
        article = BeautifulSoup(str(soup.select_one("article")), "html.parser")  # the shared page is left whole
        boxed = _box_terms(article, path)
        for box in article.select(BOXES):
            box.extract()
        for element in article.select(", ".join(UNREAD)):
            element.extract()
        uses = _uses(article)
        text = _plain(article.get_text())
        easy = path.startswith("easy-read/")
        for name in dict.fromkeys(n for n, _ in uses):
            checked += 1
            if name not in boxed:
                problems.append(f"{path}: {name} is not in the page's box")
            free = any(not kept for n, kept in uses if n == name)
            if TERMS[name].get("stands_for") and free and not easy and path != "glossary/" \
                    and not _spelt_out(text, name):
                problems.append(f"{path}: {name} is not spelt out ({TERMS[name]['stands_for']})")
    assert checked > 400, f"only {checked} uses of abbreviations found: did the check read the pages?"
    assert not problems, "\n".join(problems)


def test_the_issue_s_examples(real_html):
    """The pages issue 25 names: 2.14's title "Implementation of the DSCO action plan", and the home
    page, where a parent first meets "EHC plan" and "Local Offer"."""
    page = real_html["areas/2-ehc-plans/2-14-dsco-action-plan/"].select_one("article")
    h1 = page.h1
    assert h1.get_text() == "2.14 Implementation of the DSCO action plan"  # the title as it is
    line = h1.find_next_sibling("p", class_="pp-title-terms")
    assert line is not None and line.get_text(" ", strip=True) == "DSCO stands for Designated Social Care Officer."
    assert line.a["href"] == "#words-dsco"
    assert [dt.contents[0].strip() for dt in page.select("aside.pp-words dt")][0] == "DSCO"
    home = real_html[""].select_one("article")
    boxed = {dt.contents[0].strip() for dt in home.select("aside.pp-words dt")}
    assert {"EHC plan", "Local Offer", "SEND"} <= boxed


def test_plurals_in_the_real_content_are_uses_of_the_term(real_html):
    page = real_html["areas/2-ehc-plans/2-2-revised-process-and-pathway/"].select_one("article")
    assert "SENCO" in {dt.contents[0].strip() for dt in page.select("aside.pp-words dt")}  # "through SENCos"
    text = page.get_text(" ")
    assert "SENCos (special educational needs co-ordinator)" in " ".join(text.split())


# -- The rules, on small pieces of HTML -------------------------------------------------------------

TEST_TERMS = [
    Term("DSCO", "A social care professional.", stands_for="Designated Social Care Officer"),
    Term("SENCO", "A teacher who organises extra help.", stands_for="special educational needs co-ordinator"),
    Term("CQC", "The body that checks health and care.", stands_for="Care Quality Commission"),
    Term("EHC", "Education, health and care.", stands_for="Education, Health and Care"),
    Term("EHC plan", "A legal document.", stands_for="Education, Health and Care plan"),
    Term("HY5", "A youth forum."),  # no stands_for: the plan does not spell it out
    Term("Local Offer", "A website about help."),
]


def _explain(html: str, terms=TEST_TERMS, **kwargs) -> BeautifulSoup:
    return BeautifulSoup(Glossary(terms, "glossary.md").explain(html, "../glossary/", **kwargs), "html.parser")


def _box(soup) -> list[str]:
    return [dt.contents[0].strip() for dt in soup.select("aside.pp-words dt")]


def _text(soup) -> str:
    """The words outside the box, as they read (spaces as written, runs of them as one)."""
    soup = BeautifulSoup(str(soup), "html.parser")
    for box in soup.select("aside"):
        box.extract()
    return " ".join(soup.get_text().split())


def test_an_abbreviation_only_in_the_title_is_spelt_out_right_after_it():
    soup = _explain('<h1 id="214-the-dsco-plan">2.14 The DSCO plan</h1><p>Nothing else.</p>')
    assert str(soup.h1) == '<h1 id="214-the-dsco-plan">2.14 The DSCO plan</h1>'  # the title is left as it is
    line = soup.h1.find_next_sibling()
    assert line.name == "p" and "pp-title-terms" in line["class"]
    assert line.get_text() == "DSCO stands for Designated Social Care Officer."
    assert line.a["href"] == "#words-dsco" and soup.select_one("#words-dsco") is not None
    assert _box(soup) == ["DSCO"]


def test_a_title_abbreviation_the_text_spells_out_next_is_not_spelt_twice():
    soup = _explain("<h1>The CQC visit</h1><p>The Care Quality Commission (CQC) came.</p><p>CQC again.</p>")
    assert not soup.select(".pp-title-terms")
    assert _text(soup) == "The CQC visitThe Care Quality Commission (CQC) came.CQC again."
    assert [a.get_text() for a in soup.select("a.pp-term")] == ["CQC"]  # its use in the text is linked instead
    assert soup.select_one("p a.pp-term").parent.get_text() == "The Care Quality Commission (CQC) came."


def test_a_title_abbreviation_used_bare_later_is_not_spelt_again():
    soup = _explain("<h1>DSCO and HY5</h1><p>The DSCO meets HY5.</p>")
    assert soup.select_one(".pp-title-terms").get_text() == "DSCO stands for Designated Social Care Officer."
    assert "The DSCO meets HY5." in _text(soup)  # spelt out once, after the title
    assert _box(soup) == ["DSCO", "HY5"]  # HY5 has no stands_for: the box explains it


@pytest.mark.parametrize("html, text", [
    ("<p>Two SENCOs met.</p>", "Two SENCOs (special educational needs co-ordinator) met."),
    ("<p>Through SENCos and SENCO.</p>", "Through SENCos (special educational needs co-ordinator) and SENCO."),
    ("<p>One SENCO, then SENCOs.</p>", "One SENCO (special educational needs co-ordinator), then SENCOs."),
])
def test_a_plural_is_a_use_of_the_term(html, text):
    soup = _explain(html)
    assert _box(soup) == ["SENCO"]
    assert _text(soup) == text


@pytest.mark.parametrize("html", [
    "<p>The Care Quality Commission (CQC) came.</p>",
    "<p>The CQC (Care Quality Commission) came.</p>",
    "<p>The CQC (care quality\n commission) came.</p>",  # any case, any spaces
    "<p>The <strong>Care Quality Commission</strong> (CQC) came.</p>",  # markup between
])
def test_text_that_already_spells_it_out_is_left_as_it_is(html):
    soup = _explain(html)
    assert _text(soup).count("Care Quality Commission") + _text(soup).count("care quality commission") == 1
    assert _box(soup) == ["CQC"]


def test_a_longer_term_spelt_out_spells_out_the_shorter_one():
    soup = _explain("<p>An EHC plan is written after an EHC panel.</p>")
    assert _text(soup) == "An EHC plan (Education, Health and Care plan) is written after an EHC panel."
    assert _box(soup) == ["EHC plan", "EHC"]


def test_an_abbreviation_in_a_link_is_spelt_out_in_its_words_but_never_linked():
    soup = _explain('<p><a href="../dsco-plan/#DSCO" title="DSCO">The DSCO plan</a></p><h2 id="dsco">DSCO</h2>')
    link = soup.select_one("p a")
    assert link["href"] == "../dsco-plan/#DSCO" and link["title"] == "DSCO"  # attributes untouched
    assert link.get_text() == "The DSCO (Designated Social Care Officer) plan"
    assert not soup.select("a a, h2 a")  # no link inside a link, no link in a heading
    assert soup.h2["id"] == "dsco" and soup.h2.get_text() == "DSCO"  # spelt out once only
    assert _box(soup) == ["DSCO"]


def test_words_kept_as_they_are_are_explained_in_the_box_only():
    html = ('<p><q>The DSCO said so</q> <a href="x" aria-label="The DSCO plan, in full">The DSCO plan</a>'
            '<select><option>DSCO</option></select> <button>HY5</button></p><p>Then the DSCO.</p>')
    soup = _explain(html)
    assert soup.q.get_text() == "The DSCO said so" and soup.option.get_text() == "DSCO"
    assert soup.select_one("a[aria-label]").get_text() == "The DSCO plan"  # its words are part of its name
    assert "Then the DSCO (Designated Social Care Officer)." in _text(soup)  # at the first use it may change
    assert _box(soup) == ["DSCO", "HY5"]


def test_code_attributes_and_comments_are_not_words():
    html = ('<p><code>DSCO</code> <img alt="DSCO" src="x.png"> <span title="HY5">x</span></p><!-- SENCO -->'
            "<script>var CQC = 1;</script>")
    soup = _explain(html)
    assert not soup.select("aside")
    assert soup.img["alt"] == "DSCO" and soup.code.get_text() == "DSCO"


def test_the_title_element_is_never_spelt_out():
    """The page's <title> (in the theme's <head>) is not part of the content: never spelt out."""
    soup = _explain("<title>DSCO</title><p>Text</p>")
    assert soup.title.get_text() == "DSCO" and not soup.select("aside")


def test_a_title_never_closed_loses_no_words():
    html = "<h1>The DSCO plan<p>Some words.</p>"
    soup = _explain(html)
    assert _text(soup) == "The DSCO planSome words." and not soup.select(".pp-title-terms")
    assert _box(soup) == ["DSCO"]


HOSTILE = '"><img src=x onerror=alert(1)> & <script>alert(2)</script>'


def test_hostile_term_text_is_escaped_where_it_lands():
    terms = [Term("BAD", HOSTILE, stands_for=HOSTILE)]
    soup = _explain("<h1>BAD news</h1><p>The BAD thing and <a href='x'>BAD</a>.</p>", terms=terms)
    assert not soup.select("img, script")
    assert soup.select_one(".pp-title-terms").get_text() == f"BAD stands for {HOSTILE}."
    assert soup.select_one("aside dd").get_text() == HOSTILE


def test_the_markup_of_what_was_found_is_kept():
    """A term is found in the page's HTML: what is put back is the same HTML, character for character."""
    soup = _explain("<p>The CYP&#39;s plan.</p>",
                    terms=[Term("CYP", "Children and young people.", stands_for="children and young people")])
    assert _text(soup) == "The CYP (children and young people)'s plan."


def test_links_stay_within_the_limit_and_the_box_has_every_term():
    html = "<h1>DSCO and SENCO</h1><p>CQC, EHC plan, EHC, HY5 and the Local Offer.</p>"
    soup = _explain(html, max_links=3)
    assert [a.get_text() for a in soup.select("a.pp-term")] == ["DSCO", "SENCO", "CQC"]
    assert _box(soup) == ["DSCO", "SENCO", "CQC", "EHC plan", "EHC", "HY5", "Local Offer"]


# -- The same, in a site built for real ------------------------------------------------------------

GLOSSARY = """---
type: glossary
title: Glossary
terms:
  - term: EHC plan
    meaning: A plan for a child's education, health and care.
  - term: EHC
    stands_for: Education, Health and Care
    meaning: The three kinds of help in an EHC plan.
    easy_read: Help with school, health and care.
  - term: DSCO
    stands_for: Designated Social Care Officer
    meaning: A social care professional.
  - term: SENCO
    stands_for: special educational needs co-ordinator
    meaning: A teacher who organises extra help.
  - term: XSS
    stands_for: '<img src=x onerror=alert(1)> & co'
    meaning: '<script>alert(1)</script>'
---
# Glossary

Words used on this site.
"""


def test_a_built_site_explains_titles_plurals_links_and_escapes_terms(tmp_path):
    action = (ROOT / "tests/fixtures/basic/content/areas/1-finding/1-1-red.md").read_text(encoding="utf-8")
    action = action.replace("title: A red action that is late", "title: The DSCO action plan", 1)
    action = action.replace("Some extra words from the editor.",
                            "Our SENCOs and the [XSS team](https://www.example.org/xss/) help.")
    project = make_project(tmp_path, files={"content/glossary.md": GLOSSARY,
                                            "content/areas/1-finding/1-1-red.md": action})
    build = run_build(project)
    assert build.returncode == 0, build.output
    article = build.html("areas/1-finding/1-1-red/").select_one("article")
    assert article.h1.get_text() == "1.1 The DSCO action plan"
    assert article.select_one(".pp-title-terms").get_text() == "DSCO stands for Designated Social Care Officer."
    text = " ".join(article.get_text(" ").split())
    assert "Our SENCOs (special educational needs co-ordinator) and the XSS (<img src=x onerror=alert(1)> & co) team" \
        in text
    assert article.select_one("a[href='https://www.example.org/xss/']").get_text() == \
        "XSS (<img src=x onerror=alert(1)> & co) team"
    assert not article.select("img[onerror], script")
    boxed = [dt.contents[0].strip() for dt in article.select("aside.pp-words dt")]
    assert boxed[:1] == ["DSCO"] and {"SENCO", "XSS", "EHC plan", "EHC"} <= set(boxed)
    # The page that lists the actions uses the title in a link: explained there too.
    area = build.html("areas/1-finding/").select_one("article")
    assert "DSCO" in [dt.contents[0].strip() for dt in area.select("aside.pp-words dt")]

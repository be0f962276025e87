"""Feedback and help: the "Tell us what you think about this page" route, the contacts for the
"Contact and help" page, and the words that depend on them.

Nothing here is invented: a contact detail is shown only when a setting gives it, and a page
promises a feedback link only when one is configured (``page_words``). Settings still holding a
placeholder such as "[email address - to be confirmed by the council]" are allowed while a site
is being prepared; ``scripts/launch-check`` lists every one before the site goes public.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from . import schema
from .links import safe_url

# "[... to be confirmed ...]", "[TBC]", "[to be added]": a value nobody has filled in yet.
PLACEHOLDER = re.compile(r"\[[^\]]*\b(?:to be (?:confirmed|added|agreed|decided)|tbc|tbd|todo)\b[^\]]*\]",
                         re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s<>\"'(),;:\[\]]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}[0-9]$")
_FIELD = re.compile(r"\{([^{}]*)\}")
FEEDBACK_FIELDS = ("url", "title")  # what a feedback address may ask for: {url}, {title}


def is_placeholder(value) -> bool:
    return isinstance(value, str) and bool(PLACEHOLDER.search(value))


def url_problem(value: str, schemes: tuple[str, ...] = ("https", "http")) -> str | None:
    """Why ``value`` cannot be this kind of link on the site, or None: first the site's one safety
    check for links (``links.safe_url``), then the schemes this setting allows."""
    if not isinstance(value, str) or not value.strip():
        return "is empty; give a full address starting https://"
    unsafe = safe_url(value)
    if unsafe:
        return unsafe
    parts = urlsplit(value)
    if parts.scheme.lower() not in schemes:
        allowed = " or ".join(f"{s}:" for s in schemes)
        return f"'{value}' does not start with {allowed}; write the full address (for example https://...)"
    if parts.scheme.lower() in ("https", "http") and not parts.netloc:
        return f"'{value}' has no website name after '{parts.scheme}://'"
    if parts.scheme.lower() == "mailto" and not _EMAIL.match(parts.path):
        return f"'{value}' is not mailto: followed by one email address"
    return None


def feedback_url_problem(value: str) -> str | None:
    """Why ``value`` cannot be the feedback route, or None.

    >>> feedback_url_problem("mailto:send@example.org") is None
    True
    >>> feedback_url_problem("https://forms.example.org/f?page={url}&title={title}") is None
    True
    >>> feedback_url_problem("https://forms.example.org/f?page={page}")
    "'{page}' is not something the site can fill in; use {url} (the page's address) or {title} (its title)"
    >>> feedback_url_problem("http://forms.example.org/f")
    "'http://forms.example.org/f' does not start with https: or mailto:; write the full address (for example https://...)"
    """
    if is_placeholder(value):
        return None  # still to be filled in: allowed while preparing, listed by launch-check
    for name in _FIELD.findall(value):
        if name not in FEEDBACK_FIELDS:
            return (f"'{{{name}}}' is not something the site can fill in; use {{url}} (the page's address) "
                    "or {title} (its title)")
    return url_problem(_FIELD.sub("x", value), schemes=("https", "mailto"))


def feedback_href(template: str, page_url: str, page_title: str, words=None) -> str:
    """The feedback link for one page: ``{url}`` and ``{title}`` filled in, percent-encoded. A
    ``mailto:`` address without them gets a subject naming the page and a body with its address, in
    the site's words (``feedback_subject``, ``feedback_body``; the shipped English when None).

    >>> feedback_href("mailto:send@example.org", "https://x.org/a/", "Action 1.1")
    'mailto:send@example.org?subject=Feedback%20on%3A%20Action%201.1&body=Page%3A%20https%3A%2F%2Fx.org%2Fa%2F'
    >>> feedback_href("https://f.example.org/new?p={url}&t={title}", "https://x.org/a/", "A & B")
    'https://f.example.org/new?p=https%3A%2F%2Fx.org%2Fa%2F&t=A%20%26%20B'
    """
    if template.startswith("mailto:") and not _FIELD.search(template):
        from .words import Words

        words = words or Words.load()
        subject = words.text("feedback_subject", title=page_title)
        body = words.text("feedback_body", url=page_url)
        joiner = "&" if "?" in template else "?"
        return f"{template}{joiner}subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    values = {"url": page_url, "title": page_title}
    return _FIELD.sub(lambda m: quote(values[m.group(1)], safe=""), template)


# The sentences the content may use as ``[[name]]`` (core/words.py keys of the same names).
PAGE_WORDS = ("feedback_sentence", "feedback_on_problem", "feedback_glossary", "feedback_corrections")


def page_words(feedback_configured: bool, link_text: str, words=None) -> dict[str, str]:
    """Sentences the content may use as ``[[name]]`` that promise the feedback link only when it
    exists, in the site's words (``words``: core/words.py; the shipped English when None). Each is
    empty (or says only what is true) without a feedback route.

    >>> page_words(False, "Tell us what you think about this page")["feedback_sentence"]
    ''
    >>> page_words(False, "Tell us")["feedback_on_problem"]
    'Email'
    >>> page_words(True, "Tell us")["feedback_on_problem"]
    'Use the "Tell us" link on the page where you found the problem, or email'
    """
    from .words import Words

    words = words or Words.load()
    if not feedback_configured:
        return {**dict.fromkeys(PAGE_WORDS, ""), "feedback_on_problem": words.text("feedback_on_problem_no_link")}
    return {name: words.text(name, link=f'"{link_text}"') for name in PAGE_WORDS}


CONTACT_FIELDS = ("name", "helps_with", "email", "phone", "url", "opening_hours", "easy_read", "picture",
                  "picture_alt")


@dataclass(frozen=True)
class Contact:
    """One entry of the "Contact and help" page. Only ``name`` is required; nothing is made up.

    ``easy_read``, ``picture`` and ``picture_alt``: what it does, in easy read, on the easy-read "Who can
    help you" page, and the picture beside those words (a file under the site's pictures folder; without
    one, the plugin's own picture of someone who can help)."""

    name: str
    helps_with: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    opening_hours: str | None = None
    easy_read: str | None = None
    picture: str | None = None
    picture_alt: str | None = None

    @property
    def placeholders(self) -> list[str]:
        """The fields that still hold a "[... to be confirmed ...]" value."""
        return [f for f in CONTACT_FIELDS if is_placeholder(getattr(self, f))]

    @property
    def ways(self) -> list[str]:
        """The ways to reach it that are real (given and not a placeholder)."""
        return [f for f in ("email", "phone", "url") if getattr(self, f) and not is_placeholder(getattr(self, f))]


def contact_problems(entry: dict) -> list[str]:
    """Every reason one ``contacts:`` entry cannot be used, as sentences naming the field. The easy-read
    words are checked for easy reading when the content is read (core/easyread.py ``check_contacts``).

    >>> contact_problems({"name": "Advice line", "email": "help@example.org", "phone": "01234 567890"})
    []
    >>> for problem in contact_problems({"email": "not an email", "fax": "1"}): print(problem)  # doctest: +ELLIPSIS
    name: is missing; every contact needs a name (who it is, for example 'The advice line')
    email: 'not an email' is not an email address (for example send@example.org)
    fax: is not a contact field; allowed: name, helps_with, email, phone, url, opening_hours, easy_read, ...
    >>> [problem.split(";")[0] for problem in contact_problems({"name": "Advice line", "picture": "openmoji/2709"})]
    ["picture: goes beside the contact's easy_read words, which are not given", 'picture_alt: is missing']
    """
    problems = []
    if not isinstance(entry, dict):
        return [f"each contact must be a group of fields ({', '.join(CONTACT_FIELDS)})"]
    if not (isinstance(entry.get("name"), str) and entry["name"].strip()):
        problems.append("name: is missing; every contact needs a name (who it is, for example "
                        "'The advice line')")
    for field_name, value in entry.items():
        if field_name not in CONTACT_FIELDS:
            problems.append(f"{field_name}: is not a contact field; allowed: {', '.join(CONTACT_FIELDS)}")
            continue
        if value is None or field_name == "name" or (field_name == "picture_alt" and value == ""):
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{field_name}: must be some text")
            continue
        if is_placeholder(value):
            continue
        if field_name == "email" and not _EMAIL.match(value):
            problems.append(f"email: '{value}' is not an email address (for example send@example.org)")
        elif field_name == "phone" and not _PHONE.match(value):
            problems.append(f"phone: '{value}' is not a phone number; write digits and spaces only "
                            "(for example 01902 555555), and put opening hours under opening_hours")
        elif field_name == "url":
            problem = url_problem(value)
            if problem:
                problems.append(f"url: {problem}")
        elif field_name in ("picture", "picture_alt"):
            kind = schema.EasyPicture() if field_name == "picture" else schema.AltText()
            try:
                kind.check(value, schema.Context(status_keys=[]))
            except schema.Invalid as error:
                problems.append(f"{field_name}: {error}")
    if entry.get("picture") is not None or entry.get("picture_alt") is not None:
        if entry.get("easy_read") is None:
            given = "picture" if entry.get("picture") is not None else "picture_alt"
            problems.append(f"{given}: goes beside the contact's easy_read words, which are not given; add "
                            f"easy_read, or remove {given}")
        elif entry.get("picture") is None:
            problems.append("picture_alt: describes the contact's picture, which is not given; add picture (a "
                            "file under the pictures folder), or remove picture_alt to use the plugin's own picture")
    if entry.get("picture") is not None and entry.get("picture_alt") is None:
        problems.append("picture_alt: is missing; say what the picture shows in everyday words, for example "
                        "'A telephone', or write picture_alt: \"\" if the words beside it say it all")
    return problems


def contacts_from(entries: list[dict]) -> list[Contact]:
    return [Contact(**{k: (v.strip() if isinstance(v, str) else v) for k, v in e.items()}) for e in entries]


def page_url(uri: str, use_directory_urls: bool) -> str:
    """The address MkDocs gives the page at ``uri`` (from the site's root).

    >>> page_url("contact.md", True), page_url("help/index.md", True), page_url("contact.md", False)
    ('contact/', 'help/', 'contact.html')
    """
    page = uri.removesuffix(".md")
    if use_directory_urls:
        return page.removesuffix("index") if page.endswith("index") else page + "/"
    return page + ".html"


def with_contact_link(footer_links: list, contact_page: str, use_directory_urls: bool, text: str) -> list:
    """The footer's links (mkdocs.yml ``extra.footer_links``) with the "Contact and help" page among them.

    >>> with_contact_link([{"text": "Privacy", "url": "privacy/"}], "contact.md", True, "Contact and help")
    [{'text': 'Privacy', 'url': 'privacy/'}, {'text': 'Contact and help', 'url': 'contact/'}]
    """
    url = page_url(contact_page, use_directory_urls)
    if any(isinstance(link, dict) and link.get("url") == url for link in footer_links):
        return list(footer_links)
    return [*footer_links, {"text": text, "url": url}]


def taken_settings(settings) -> list[str]:
    """Every ``extra.settings`` name that would hide a feedback sentence the plugin fills in, as a problem."""
    return [f"{name}: the plugin fills this in from feedback_url; give your setting another name"
            for name in sorted(set(PAGE_WORDS) & set(settings or {}))]

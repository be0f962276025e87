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


def feedback_href(template: str, page_url: str, page_title: str) -> str:
    """The feedback link for one page: ``{url}`` and ``{title}`` filled in, percent-encoded. A
    ``mailto:`` address without them gets a subject naming the page and a body with its address.

    >>> feedback_href("mailto:send@example.org", "https://x.org/a/", "Action 1.1")
    'mailto:send@example.org?subject=Feedback%20on%3A%20Action%201.1&body=Page%3A%20https%3A%2F%2Fx.org%2Fa%2F'
    >>> feedback_href("https://f.example.org/new?p={url}&t={title}", "https://x.org/a/", "A & B")
    'https://f.example.org/new?p=https%3A%2F%2Fx.org%2Fa%2F&t=A%20%26%20B'
    """
    if template.startswith("mailto:") and not _FIELD.search(template):
        joiner = "&" if "?" in template else "?"
        return (f"{template}{joiner}subject={quote(f'Feedback on: {page_title}', safe='')}"
                f"&body={quote(f'Page: {page_url}', safe='')}")
    values = {"url": page_url, "title": page_title}
    return _FIELD.sub(lambda m: quote(values[m.group(1)], safe=""), template)


def page_words(feedback_configured: bool, link_text: str) -> dict[str, str]:
    """Sentences the content may use as ``[[name]]`` that promise the feedback link only when it
    exists. Each is empty (or says only what is true) without a feedback route.

    >>> page_words(False, "Tell us what you think about this page")["feedback_sentence"]
    ''
    >>> page_words(False, "Tell us")["feedback_on_problem"]
    'Email'
    """
    name = f'"{link_text}"'
    if not feedback_configured:
        return {"feedback_sentence": "", "feedback_on_problem": "Email", "feedback_glossary": "",
                "feedback_corrections": ""}
    return {
        "feedback_sentence": (f"Every page on this website has a link called {name}. Use it to send us a "
                              "message about that page: to tell us about a problem, or to ask a question."),
        "feedback_on_problem": f"Use the {name} link on the page where you found the problem, or email",
        "feedback_glossary": (f"If a word on this site is missing here, or is still hard to understand, "
                              f"please tell us with the {name} link."),
        "feedback_corrections": (f"If something on this website is wrong or unclear, please tell us with the "
                                 f"{name} link on every page."),
    }


CONTACT_FIELDS = ("name", "helps_with", "email", "phone", "url", "opening_hours", "kind")
# What kind of contact it is, for the easy-read "Who can help you" page (core/easyhelp.py BY_KIND).
CONTACT_KINDS = ("send_team", "iass", "local_offer", "parent_carer_forum", "feedback")


@dataclass(frozen=True)
class Contact:
    """One entry of the "Contact and help" page. Only ``name`` is required; nothing is made up."""

    name: str
    helps_with: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    opening_hours: str | None = None
    kind: str | None = None  # one of CONTACT_KINDS: the easy-read page's words for it

    @property
    def placeholders(self) -> list[str]:
        """The fields that still hold a "[... to be confirmed ...]" value."""
        return [f for f in CONTACT_FIELDS if is_placeholder(getattr(self, f))]

    @property
    def ways(self) -> list[str]:
        """The ways to reach it that are real (given and not a placeholder)."""
        return [f for f in ("email", "phone", "url") if getattr(self, f) and not is_placeholder(getattr(self, f))]


def contact_problems(entry: dict) -> list[str]:
    """Every reason one ``contacts:`` entry cannot be used, as sentences naming the field.

    >>> contact_problems({"name": "SEND team", "email": "send@example.org", "phone": "01234 567890"})
    []
    >>> for problem in contact_problems({"email": "not an email", "fax": "1"}): print(problem)
    name: is missing; every contact needs a name (who it is, for example 'The council's SEND team')
    email: 'not an email' is not an email address (for example send@example.org)
    fax: is not a contact field; allowed: name, helps_with, email, phone, url, opening_hours, kind
    """
    problems = []
    if not isinstance(entry, dict):
        return ["each contact must be a group of fields (name, helps_with, email, phone, url, opening_hours, kind)"]
    if not (isinstance(entry.get("name"), str) and entry["name"].strip()):
        problems.append("name: is missing; every contact needs a name (who it is, for example "
                        "'The council's SEND team')")
    for field_name, value in entry.items():
        if field_name not in CONTACT_FIELDS:
            problems.append(f"{field_name}: is not a contact field; allowed: {', '.join(CONTACT_FIELDS)}")
            continue
        if value is None or field_name == "name":
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{field_name}: must be some text")
            continue
        if is_placeholder(value):
            continue
        if field_name == "kind" and value not in CONTACT_KINDS:
            problems.append(f"kind: '{value}' is not a kind of contact; allowed: {', '.join(CONTACT_KINDS)}")
        elif field_name == "email" and not _EMAIL.match(value):
            problems.append(f"email: '{value}' is not an email address (for example send@example.org)")
        elif field_name == "phone" and not _PHONE.match(value):
            problems.append(f"phone: '{value}' is not a phone number; write digits and spaces only "
                            "(for example 01902 555555), and put opening hours under opening_hours")
        elif field_name == "url":
            problem = url_problem(value)
            if problem:
                problems.append(f"url: {problem}")
    return problems


def contacts_from(entries: list[dict]) -> list[Contact]:
    return [Contact(**{k: (v.strip() if isinstance(v, str) else v) for k, v in e.items()}) for e in entries]

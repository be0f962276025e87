"""The words of the easy-read "Who can help you" page, by kind of contact.

The page is built from the same contact settings as the standard "Contact and help" page: one idea
for each kind of contact the site has configured, in this order, and nothing for a kind it has not.
No contact detail is written here: the name, phone number, email address and website of each
contact come from the settings. ``{name}`` in the words is the contact's name from the settings.

Every text here passes the easy-read checks when the site's easy-read glossary explains SEND, EHC and
Local Offer (tests/test_easy_read_content.py checks it), and every picture is one of the site's
pictures (``content/assets/pictures``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HelpWords:
    picture: str  # under the site's pictures folder
    alt: str  # what the picture shows
    text: str  # 1 to 3 sentences, one a line; {name} is the contact's name from the settings


TITLE = "Who can help you"

INTRO = HelpWords("openmoji/2753", "A question mark",
                  "Do you have a question about help for your child?\nThese people can help you.")

# One idea per kind of contact, in the order the page shows them. The keys are the kinds of contact in
# the settings of the standard "Contact and help" page.
BY_KIND: dict[str, HelpWords] = {
    "send_team": HelpWords(
        "openmoji/1F3DB", "A large public building",
        "The council has a team for children with SEND.\nYou can ask them about EHC plans."),
    "iass": HelpWords(
        "openmoji/1FAC2", "Two people hugging",
        "{name} gives free advice about SEND.\nIt helps families and young people.\n"
        "It can help when you do not agree with a decision."),
    "local_offer": HelpWords(
        "openmoji/1F310", "A globe with lines on it",
        "The Local Offer is the council's website about help for families.\nIt tells you what help there is."),
    "parent_carer_forum": HelpWords(
        "openmoji/1F9D1-200D-1F9D1-200D-1F9D2", "Two adults and a child",
        "{name} is a group of parents and carers.\nThey tell the council what families think."),
    "feedback": HelpWords(
        "openmoji/1F4AC", "A speech bubble",
        "Tell us what you think about these pages.\nWe want them to be easy to use."),
}

# How to reach a contact: one line for each way the settings give, beside its picture.
# {value} is the phone number, email address or website address from the settings.
HOW: dict[str, HelpWords] = {
    "phone": HelpWords("openmoji/260E", "A telephone", "Phone: {value}"),
    "email": HelpWords("openmoji/2709", "An envelope", "Email: {value}"),
    "url": HelpWords("openmoji/1F310", "A globe with lines on it", "Website: {value}"),
}

# The last idea on the page, when no contact is configured at all: honest, and nothing invented.
NONE_YET = HelpWords("openmoji/23F3", "An hourglass with sand running through",
                     "We have not added the people who can help yet.")

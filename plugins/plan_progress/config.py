"""Configuration of the plan-progress plugin, as written under ``plugins:`` in mkdocs.yml."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .core import help as help_core
from .core import words as words_core
from .core.links import safe_url
from .core.scale import Status
from .core.suggest import SuggestSettingNames


class PlainDate(c.BaseConfigOption):
    """A whole date written YYYY-MM-DD (a bare YAML date or a quoted string): every date setting."""

    def run_validation(self, value):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(f"'{value}' is not a date; write it YYYY-MM-DD, for example 2022-09-30") from None


class DateWording(c.Type):
    """Words around a date, with {date} where the date goes: 'Progress last checked: {date}'."""

    def __init__(self, default: str):
        super().__init__(str, default=default)

    def run_validation(self, value):
        value = super().run_validation(value)
        if "{date}" not in value:
            raise ValidationError(f"'{value}' has no {{date}}; write where the date goes, for example "
                                  f"'{self.default}'")
        return value


class FeedbackUrl(c.BaseConfigOption):
    """The "Tell us what you think about this page" route: mailto: or an https form address."""

    def run_validation(self, value):
        if not isinstance(value, str):
            raise ValidationError("write an email address as mailto:name@example.org, or a form's https:// "
                                  "address")
        if safe_url(value):
            return value  # an unsafe link: reading.check_settings names it with every other unsafe setting
        problem = help_core.feedback_url_problem(value)
        if problem:
            raise ValidationError(problem)
        return value


class Contacts(c.BaseConfigOption):
    """The entries of the "Contact and help" page: each a name and, only where known, how to reach it."""

    def __init__(self):
        super().__init__()
        self.default = []

    def run_validation(self, value):
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValidationError("must be a list: one '- name: ...' entry per organisation")
        problems = [f"contacts[{index + 1}].{problem}" if not problem.startswith("each") else
                    f"contacts[{index + 1}]: {problem}"
                    for index, entry in enumerate(value) for problem in help_core.contact_problems(entry)]
        if problems:
            raise ValidationError("\n  ".join(problems))
        return value


class LaunchCheckConfig(SuggestSettingNames, Config):
    """Settings for ./scripts/launch-check (what must be real before the site goes public)."""

    # The progress date (as_at) may be at most this many days old when the site is published.
    max_progress_age_days = c.Type(int, default=120)


class WordsOption(c.BaseConfigOption):
    """A site's changes to the shipped word list (plan_progress/locale/en.yml): each key must be one of
    its words (an unknown key names the closest ones), each value of the right form (core/words.py)."""

    def __init__(self):
        super().__init__()
        self.default = {}

    def run_validation(self, value):
        if value is None:
            return {}
        # plan_name and site_name are settings of their own that every text may use.
        problems = words_core.check(value, extra_names=dict.fromkeys(("plan_name", "site_name"), ""))
        if problems:
            raise ValidationError("the words cannot be used:\n  " + "\n  ".join(problems))
        return value


def _option(kind, default):
    """The config option for one field of a dataclass, from its type and default."""
    if kind is bool:
        option = c.Type(bool, default=default)
    elif typing.get_origin(kind) is tuple:
        option = c.ListOfItems(c.Type(str), default=list(default))
    else:
        option = c.Type(kind, default=default)
    return option if default is not None else c.Type(kind)


def _config_of(cls, doc: str) -> type[Config]:
    """A Config with one option per field of the dataclass ``cls``, each of its type and default: the
    fields are declared once, in ``cls``, and what MkDocs validates is read into ``cls(**config)``."""
    hints = typing.get_type_hints(cls)
    options = {f.name: _option(hints[f.name], None if f.default is dataclasses.MISSING else f.default)
               for f in dataclasses.fields(cls) if f.init}
    return type(cls.__name__ + "Config", (SuggestSettingNames, Config), {"__doc__": doc, **options})


# One step of the status scale: the fields of core/scale.py Status (easy_count: [one, other], with {count}).
StatusConfig = _config_of(Status, "One step of the status scale (core/scale.py Status).")


class PlanProgressConfig(SuggestSettingNames, Config):
    enabled = c.Type(bool, default=True)
    schema_version = c.Optional(c.Type(int))  # the content's form (core/upgrade.py); older: ./scripts/migrate

    # Easy read: false leaves out every easy-read page, every link and menu entry to one, and every
    # easy-read check (an easy_read field in the content is then reported as unused).
    easy_read = c.Type(bool, default=True)

    # The date the progress data is "as at": overdue is computed against it, never the clock.
    as_at = c.Optional(PlainDate())

    # The day the site was last updated: late actions are counted against it. Not set: SOURCE_DATE_EPOCH,
    # else the date of the commit the site is built from (core/updated.py). Never the clock.
    last_updated = c.Optional(PlainDate())

    # Words used on generated pages.
    plan_name = c.Type(str, default="improvement plan")
    ratings_note = c.Type(str, default="")

    # The status scale; empty means the default (the WSOA scale plus "Not yet rated").
    statuses = c.ListOfItems(c.SubConfig(StatusConfig), default=[])

    # The order of the top-level navigation: files or folders of the content (generated pages
    # included); anything not listed follows in MkDocs' own order. Empty: MkDocs' order.
    nav_order = c.ListOfItems(c.Type(str), default=[])

    # Where generated pages and files go in the site.
    actions_dir = c.Type(str, default="actions")
    status_key_page = c.Type(str, default="status-key.md")
    data_dir = c.Type(str, default="data")
    you_said_dir = c.Type(str, default="you-said")
    easy_read_dir = c.Type(str, default="easy-read")
    # The most actions one easy-read page of a part lists; a longer list is split evenly over pages.
    easy_read_list_size = c.Type(int, default=12)

    # Easy-read checks: each failure is a warning, so `mkdocs build --strict` fails on it.
    easy_read_max_words = c.Type(int, default=15)
    easy_read_max_grade = c.Type((int, float), default=6)
    easy_read_max_sentences_per_idea = c.Type(int, default=3)
    # Names every reader knows (the town's name): easy read may use them without a glossary explanation.
    easy_read_known_names = c.ListOfItems(c.Type(str), default=[])

    # Easy-read pictures: a folder inside the docs folder (served as it is); each idea's `picture:` names
    # a file in it, for example openmoji/1F4C5 for <pictures_dir>/openmoji/1F4C5.svg.
    pictures_dir = c.Type(str, default="assets/pictures")
    # File types the content folder may publish besides Markdown, pictures, PDF, CSV and plain text
    # (core/published_files.py), for example [.docx]. Types a browser runs (.html, .js ...) never are.
    publish_file_types = c.ListOfItems(c.Type(str), default=[])
    # The credit the pictures' licence asks for, shown on the easy-read pages; its link.
    pictures_credit = c.Type(str, default="")
    pictures_credit_url = c.Optional(c.Type(str))

    # What's changed, the Atom feed and the Board report
    changes_page = c.Type(str, default="whats-changed.md")
    feed_path = c.Type(str, default="feed.xml")
    board_report_page = c.Type(str, default="board-report.md")
    previous_report = c.Optional(PlainDate())  # "changes since the last report" start here
    publisher = c.Optional(c.Type(str))  # the feed's author; default: the site name

    # Open data: the page that explains the files (the files themselves go in data_dir)
    open_data_page = c.Type(str, default="open-data.md")
    licence = c.Type(str, default="Open Government Licence v3.0")
    licence_url = c.Type(str, default="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")

    # "Tell us what you think about this page": an email (mailto:) or https form address, in which
    # {url} and {title} are replaced by the page's address and title. No third-party script.
    feedback_url = c.Optional(FeedbackUrl())
    feedback_text = c.Type(str, default="Tell us what you think about this page")

    # The "Contact and help" page: who families can contact, each entry a setting, nothing invented.
    contacts = Contacts()
    contact_page = c.Type(str, default="contact.md")

    # Plain dates: "Progress last checked: 8 March 2022" (as_at) and, if set, "Next update due: ...".
    progress_checked_text = DateWording("Progress last checked: {date}")
    next_update = c.Optional(PlainDate())
    next_update_text = DateWording("Next update due: {date}")

    # ./scripts/launch-check
    launch_check = c.SubConfig(LaunchCheckConfig)

    # Every word the site shows can be changed here: keys of plan_progress/locale/en.yml, checked
    # by core/words.py (an unknown key is an error naming it, the closest keys and the known keys).
    words = WordsOption()

"""Configuration of the plan-progress plugin, as written under ``plugins:`` in mkdocs.yml."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class StatusConfig(Config):
    """One step of the status scale."""

    key = c.Type(str)
    label = c.Type(str)
    meaning = c.Type(str)
    text_colour = c.Type(str)
    background = c.Type(str)
    icon = c.Type(str, default="material/circle")
    done = c.Type(bool, default=False)
    rated = c.Type(bool, default=True)
    easy_read = c.Type(str, default="")


class PlanProgressConfig(Config):
    enabled = c.Type(bool, default=True)

    # The date the progress data is "as at": overdue is computed against it, never the clock.
    as_at = c.Optional(c.Type((dt.date, str)))

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

    # Easy-read checks: each failure is a warning, so `mkdocs build --strict` fails on it.
    easy_read_max_words = c.Type(int, default=15)
    easy_read_max_grade = c.Type((int, float), default=6)

    # What's changed, the Atom feed and the Board report
    changes_page = c.Type(str, default="whats-changed.md")
    feed_path = c.Type(str, default="feed.xml")
    board_report_page = c.Type(str, default="board-report.md")
    previous_report = c.Optional(c.Type((dt.date, str)))  # "changes since the last report" start here
    publisher = c.Optional(c.Type(str))  # the feed's author; default: the site name

    # Open data: the page that explains the files (the files themselves go in data_dir)
    open_data_page = c.Type(str, default="open-data.md")
    licence = c.Type(str, default="Open Government Licence v3.0")
    licence_url = c.Type(str, default="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")

    # "Tell us what you think about this page": an email (mailto:) or form address. No third-party script.
    feedback_url = c.Optional(c.Type(str))
    feedback_text = c.Type(str, default="Tell us what you think about this page")

    # -- words (engineer "reuse") --------------------------------------------------------------
    # Every word the site shows can be changed here: keys of plan_progress/locale/en.yml, checked
    # by core/words.py (an unknown key is an error naming it and the known keys).
    words = c.Type(dict, default={})

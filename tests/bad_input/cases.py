"""The bad-input corpus: content that is wrong in every way we have met or can imagine, and the exact
lines that both ``./scripts/validate`` and ``mkdocs build --strict`` must print for it.

Each case is a folder here whose files are laid over a copy of ``tests/fixtures/basic`` (same paths as
in a project: ``content/areas/...``). The two huge files are written by a function instead (GENERATED),
so that 5 MB of nonsense is not kept in git. ``tests/test_bad_input.py`` runs every case.

Reproduce one case by hand::

    cp -r tests/fixtures/basic /tmp/case && cp -r tests/bad_input/<case>/. /tmp/case/
    sed -i "s#@ROOT@#$PWD#" /tmp/case/mkdocs.yml
    ./scripts/validate -f /tmp/case/mkdocs.yml
    .venv/bin/mkdocs build --strict -f /tmp/case/mkdocs.yml

To add a case: make a folder named for what is wrong, put the bad file(s) in it, add the lines you
expect below (write the message you want people to read; if the plugin says something worse, say so
to whoever owns plugins/plan_progress/core and list the case in PENDING until it is fixed).
"""

from __future__ import annotations

from plan_progress import __version__

A13 = "content/areas/1-finding/1-3-unrated.md"
DATE = "use a date written YYYY-MM-DD, YYYY-MM or YYYY (for example 2022-02-28 or 2022-02)"
STATUSES = "red, amber, green, blue, pink, not-rated"
ACTION_FIELDS = ("type, id, title, short_title, leads, evidence, accountability, outcomes, resources, milestones, due, "
                 "due_text, status, history, waiting_on, co_produced_with, easy_read_title, easy_read")
NOT_UTF8 = ("the file is not UTF-8 text (byte 0x{byte} cannot be read). Save it as 'UTF-8' in your editor; "
            "curly quotes and accents pasted from Word are the usual cause")
NEVER_CLOSED = ("the front-matter opened with '---' on line 1 is never closed; add a line with just '---' "
                "after the last field")
EMPTY = "the file is empty; add a title and some text, or delete the file"
GREEM = f"{A13}:6: status: 'greem' is not one of {STATUSES} (did you mean 'green'?)"
LINKS = ("use an address starting with https://, http:// or mailto:, or a path on this site (for example about/ "
         "or /data/actions.csv)")
TOO_DEEP = ("the front-matter is not valid YAML: lists or groups are nested too deeply to read (at most 20 "
            "levels); check the brackets [ ] and { } and the indentation")
CONTROL = ("contains an invisible control character (code 0x{code}) that is not allowed; delete it (between "
           "quotes it can be written as a code such as \\x01 or \\u0007). Only letters, numbers, punctuation, "
           "spaces, tabs and new lines are allowed")
ALT_HELP = ("write what the picture shows in everyday words, for example 'A calendar' or 'A parent and child "
            "talking', or alt: \"\" if the words beside it say it all")

OLD_FORM = ("mkdocs.yml: schema_version: the content is written in an older form (schema_version 1, plan-progress "
            f"0.1.x) than this plugin ({__version__}) reads (schema_version 2): {{files}}. To convert it, run "
            "./scripts/migrate to see every change it would make (it writes nothing), then ./scripts/migrate --write "
            "to make them; CHANGELOG.md says what changed and what to do")

# case (folder name) -> every line expected, in the order validate prints them (file by file, top to bottom)
EXPECTED: dict[str, list[str]] = {
    # -- YAML that cannot be read ------------------------------------------------------------------
    "yaml-colon-in-value": [
        f"{A13}:4: the front-matter is not valid YAML: a value contains ': ' (a colon and a space). "
        "Put the whole value in double quotes"],
    "yaml-quote-never-closed": [
        f"{A13}:4: the front-matter is not valid YAML: a quoted value is never closed; check its quote marks"],
    "yaml-inconsistent-indentation": [
        f"{A13}:9: the front-matter is not valid YAML: the indentation is inconsistent; line the fields up "
        "with the ones above"],
    "yaml-missing-colon": [
        f"{A13}:5: the front-matter is not valid YAML: a line is missing its ':' between field name and value, "
        "or a quoted value is not closed"],
    "yaml-value-starts-with-star": [
        f"{A13}:4: the front-matter is not valid YAML: a value starts with '*' or '&'. "
        "Put the whole value in double quotes"],
    "yaml-front-matter-is-a-list": [
        f"{A13}:2: the front-matter must be 'field: value' lines, but its lines start with '- ' (a list)"],
    "yaml-control-character": [
        f"{A13}:4: the front-matter contains an invisible control character (code 0x00) that is not allowed; "
        "delete it (it usually comes from copying text out of another program)"],
    "yaml-nested-too-deeply": [f"{A13}:7: {TOO_DEEP}"],
    # -- hostile YAML: refused before the parser builds anything, in well under a second ----------------
    "yaml-alias-bomb": [  # "billion laughs": 800 bytes that stand for 10 000 000 000 values
        f"{A13}:7: evidence: a value starts with '&', which YAML reads as a reference to another value (an "
        "anchor or alias); these are not allowed. Put the whole value in double quotes"],
    "yaml-nested-25000-brackets": [f"{A13}:7: {TOO_DEEP}"],  # crashed the C parser (segfault)
    "yaml-control-character-written-as-code": [
        f"{A13}:4: title: {CONTROL.format(code='01')}",
        f"{A13}:8: leads[1]: {CONTROL.format(code='07')}",
        f"{A13}:9: leads[2]: {CONTROL.format(code='85')}"],
    # -- tabs ----------------------------------------------------------------------------------------
    "tab-indentation": [
        f"{A13}:4: this line is indented with a tab; front-matter must be indented with spaces"],
    # -- encodings and line endings --------------------------------------------------------------------
    "byte-order-mark": [],  # Windows Notepad adds one: it is fine, the page builds (SUCCEEDS below)
    "windows-line-endings-with-an-error": [GREEM],  # line numbers count \r\n as one line end
    "not-utf8-word-curly-quotes": [f"{A13}:4: " + NOT_UTF8.format(byte="93")],
    # -- wrong types -------------------------------------------------------------------------------------
    "title-is-a-list": [f"{A13}:4: title: expected text, found a list"],
    "leads-is-text": [
        f"{A13}:7: leads: expected a list, found 'Head of Service'; put each item on its own line starting "
        "with '- '"],
    "done-is-not-true-or-false": [
        f"{A13}:9: milestones[1].done: 'yes please' is not allowed; write true or false"],
    "history-entry-is-text": [
        f"{A13}:8: history[1]: expected a group of fields (date, status, note, source, url), found "
        "'Rated green at the board'"],
    "area-number-is-text": [
        "content/areas/2-plans/index.md:3: number: 'two' is not a whole number, for example 2"],
    "unquoted-action-id": [
        f"{A13}:3: id: 1.10 must be in quotes, for example \"1.10\" (without quotes it is read as the number 1.1)"],
    "date-with-a-dot": [f"{A13}:5: due: 2022.05 is not a date; {DATE}"],
    # -- unknown fields --------------------------------------------------------------------------------
    "unknown-field": [
        f"{A13}:7: statsu: is not a field of an action (did you mean 'status'?); allowed fields: {ACTION_FIELDS}"],
    "unknown-field-in-history": [
        f"{A13}:11: history[1].sorce: is not a field of a history entry (did you mean 'source'?); allowed "
        "fields: date, status, note, source, url"],
    "yes-as-a-field-name": [f"{A13}:7: yes: is not a field of an action; allowed fields: {ACTION_FIELDS}"],
    # -- statuses and ratings ----------------------------------------------------------------------------
    "misspelt-status": [GREEM],
    "misspelt-page-type": [
        f"{A13}:2: type: 'acton' is not one of home, area, action, you-said, glossary, update (did you mean 'action'?)"],
    "misspelt-status-in-history": [
        f"{A13}:9: history[1].status: 'ambr' is not one of {STATUSES} (did you mean 'amber'?)"],
    "rating-without-history": [
        f"{A13}:6: status: 'green' has no history entry to show where the rating comes from; add one under "
        "'history:' with its date, status, note and source"],
    "status-does-not-match-history": [
        f"{A13}:6: status: 'blue' does not match the newest history entry (2022-04-01: 'amber'); add a history "
        "entry for this rating with its date, note and source, or correct the status"],
    "history-entry-without-source": [
        f"{A13}:8: history[1].source: is missing; every history entry needs it (Where the rating comes from: "
        "a report, a meeting, a news item.)"],
    # -- links that are not web addresses: they would run script or leave the site unannounced -----------
    "history-url-not-a-web-address": [
        f"content/areas/1-finding/1-1-red.md:21: history[1].url: 'javascript:alert(document.cookie)' is a "
        f"'javascript:' link, which is not allowed; {LINKS}",
        f"content/areas/1-finding/1-1-red.md:26: history[2].url: '&#106;ava\\x09script:alert(1)' contains a space "
        f"or an invisible character; {LINKS}",
        f"content/areas/2-plans/2-1-green.md:14: history[1].url: '//evil.example/steal' starts with '//', which "
        f"leads to another site without saying how; {LINKS}"],
    # -- fields the theme reads itself --------------------------------------------------------------------
    "template-not-ours": [  # an unknown template stopped the build with a Python traceback
        f"{A13}:7: template: '../../../../etc/passwd' is not one of this site's page layouts (easy-read.html, "
        "main.html); remove the line to use the usual layout",
        f"{A13}:8: description: expected one line of text, but found a list; write some text or remove the field",
        f"{A13}:9: subtitle: expected one line of text, but it is empty; write some text or remove the field"],
    # -- dates ---------------------------------------------------------------------------------------------
    "impossible-day": [f"{A13}:5: due: '2022-02-30' is not a real day (February 2022 has 28 days); {DATE}"],
    "impossible-month": [f"{A13}:5: due: '2022-13' has no month 13; {DATE}"],
    "date-in-words": [f"{A13}:5: due: 'Feb 2022' is not a date; {DATE}"],
    # -- duplicates ----------------------------------------------------------------------------------------
    "duplicate-action-id": [
        f"{A13}:3: id: action \"1.1\" is already used by content/areas/1-finding/1-1-red.md; each action needs "
        "its own number"],
    "duplicate-field": [f"{A13}:7: status: this field is given twice (first on line 6); keep only one"],
    "duplicate-area-number": [
        "content/areas/3-more/index.md:3: number: area 1 is already the number of "
        "content/areas/1-finding/index.md; each area needs its own number"],
    # -- references to actions that do not exist ------------------------------------------------------------
    "waiting-on-unknown-action": [f"{A13}:7: waiting_on[2]: there is no action \"9.9\""],
    "waiting-on-itself": [f"{A13}:7: waiting_on[1]: an action cannot wait on itself"],
    "answered-by-unknown-action": [
        "content/you-said/health.md:11: items[1].answered_by[2].action: there is no action \"7.1\""],
    # -- "You said" links: each an action number and a 'how' line -----------------------------------------------
    "you-said-plain-action-number": [
        "content/you-said/health.md:8: items[1].answered_by[1]: '2.3' is an action number on its own; write each "
        "link as two lines: '- action: \"2.3\"' and, under it, 'how: ' and one line on what the action does "
        "about what was said",
        OLD_FORM.format(files="content/you-said/health.md")],
    "you-said-link-without-how": [
        "content/you-said/health.md:9: items[1].answered_by[1].how: is missing; every link to an action needs it "
        "(One short line, in the plan's own words where possible, on what the action commits to that answers "
        "what was said.)"],
    "you-said-action-linked-twice": [
        "content/you-said/health.md:12: items[1].related_to[1].action: action \"2.3\" is already linked to this "
        "item at items[1].answered_by[1]; link each action once, under answered_by if it answers what was said, "
        "otherwise under related_to"],
    "you-said-answered-by-is-text": [
        "content/you-said/health.md:8: items[1].answered_by: expected a list, found '2.3'",
        "content/you-said/health.md:12: items[1].related_to[1].relation: is not a field of a link to an action "
        "(did you mean 'action'?); allowed fields: action, how"],
    "glossary-phrase-without-its-term": [
        "content/glossary.md:7: terms[1].not_in[2]: 'device settings' does not contain the term 'EHC plan'; "
        "list only phrases in which the term is written but means something else"],
    # -- the shape of the page ----------------------------------------------------------------------------------
    "empty-file": [f"{A13}:1: {EMPTY}"],
    "front-matter-never-closed": [f"{A13}:1: {NEVER_CLOSED}"],
    "missing-required-field": [
        f"{A13}:1: title: is missing; every action needs it (The action as written in the plan, word for word.)"],
    # -- several files at once: every problem is listed, not just the first ------------------------------------------
    "every-problem-at-once": [
        GREEM,
        "content/areas/2-plans/2-1-green.md:5: status: 'green' has no history entry to show where the rating "
        "comes from; add one under 'history:' with its date, status, note and source",
        f"content/areas/2-plans/2-1-green.md:6: due: '2022-13' has no month 13; {DATE}"],
    # -- easy read: ideas with pictures, titles, words ----------------------------------------------------------
    "easy-read-still-a-block-of-text": [
        f"{A13}:7: easy_read: is a block of text; easy read is now a list of ideas, each with its own picture. "
        "Write each idea as '- picture: openmoji/1F4C5', 'alt: what the picture shows' and 'text: |' with its "
        "sentences (see EDITING.md, 'Write easy read')",
        f"{A13}:9: easy_read_picture: is no longer used: each idea under easy_read has its own picture; move this "
        "picture to the idea it shows (picture: and alt:) and delete this line",
        OLD_FORM.format(files=A13)],
    "easy-read-idea-without-picture": [
        f"{A13}:9: easy_read[1].picture: is missing; every idea needs it (The picture beside this idea: a file "
        "under the pictures folder, for example openmoji/1F4C5.)"],
    "easy-read-picture-not-in-the-folder": [
        f"{A13}:9: easy_read[1].picture: there is no picture called 'openmoji/1F4C6' in the pictures folder; add "
        "its file there (see the folder's README.txt for the pictures already there)"],
    "easy-read-alt-is-an-icon-name": [
        f"{A13}:10: easy_read[1].alt: 'account tie' is the name of an icon, not a description of what it shows; "
        f"{ALT_HELP}"],
    "easy-read-alt-is-a-file-name": [
        f"{A13}:10: easy_read[1].alt: '1F4C5.svg' looks like a file or icon name; {ALT_HELP}"],
    "easy-read-alt-left-empty": [
        f"{A13}:10: easy_read[1].alt: is missing; every idea needs it (What the picture shows, in everyday words, "
        "for example 'A calendar'. Write alt: \"\" only where the words beside it say it all.)"],
    "easy-read-title-missing": [
        f"{A13}:7: easy_read_title: is missing; a page with easy read needs an easy-read heading that says what it "
        "is about, for example 'Making EHC plans on time'. Put it on the line before easy_read:"],
    "easy-read-title-only-a-number": [
        f"{A13}:7: easy_read_title: 'Action 1.3' is only a number; say in everyday words what this is about, for "
        "example 'Making EHC plans on time'"],
    "easy-read-unexplained-name": [
        f"{A13}:11: easy_read[1].text: 'Prospect Services' is a name with no easy-read explanation; say what it is "
        "in everyday words, or add it to the glossary with easy_read: \"We will do this with Prospect Services.\""],
    "easy-read-idea-too-long": [
        f"{A13}:11: easy_read[1].text: this idea has 4 sentences; an idea has at most 3 beside its picture. Split "
        "it into two ideas, each with its own picture"],
    # -- huge files (GENERATED below) -----------------------------------------------------------------------------
    "huge-body": [GREEM],
    "huge-front-matter": [GREEM],
}


_UNRATED = '---\ntype: action\nid: "1.3"\ntitle: An unrated action past its date\ndue: 2022-05\nstatus: greem\n---\n'


def _huge_body() -> dict[str, bytes]:
    """5 MB of text pasted under a page with a misspelt status: found at once, nothing rendered."""
    paragraph = "Text pasted into the page by mistake, over and over again, to make a very big file. " * 10
    return {A13: (_UNRATED + (paragraph + "\n\n") * (5_000_000 // (len(paragraph) + 2))).encode()}


def _huge_front_matter() -> dict[str, bytes]:
    """5 MB of front-matter (a spreadsheet pasted as evidence) with a misspelt status."""
    row = "  - A row of evidence pasted from a spreadsheet, one of very many rows in a very long list\n"
    evidence = "evidence:\n" + row * (5_000_000 // len(row))
    return {A13: _UNRATED.replace("status: greem\n", "status: greem\n" + evidence).encode()}


def _nested_brackets() -> dict[str, bytes]:
    """25 000 nested [ ]: libyaml's parser crashed (a segfault) before the limit was checked first."""
    return {A13: _UNRATED.replace("status: greem\n", "status: not-rated\nleads: " + "[" * 25_000 + "]" * 25_000
                                  + "\n").encode()}


GENERATED = {"huge-body": _huge_body, "huge-front-matter": _huge_front_matter,
             "yaml-nested-25000-brackets": _nested_brackets}

# Cases that are not mistakes: validate and the strict build both succeed, printing no problem.
SUCCEEDS = {case for case, lines in EXPECTED.items() if not lines}

# Cases where the plugin does not yet print the expected line (reported to the owner of core/).
# The tests expect these to fail; when one is fixed, pytest says XPASS(strict): remove it from here.
PENDING: dict[str, str] = {}

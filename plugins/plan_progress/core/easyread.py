"""Easy read: checks that easy-read text really is easy, and the parallel easy-read pages.

Easy read (UK government accessible-communication guidance; Mencap) means short
sentences, one idea per sentence, everyday words and a picture beside each idea.
The checks here turn those rules into warnings naming the file, the field and the
sentence, so that ``mkdocs build --strict`` fails until the text is fixed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from . import schema
from .help import is_placeholder
from .problems import Problems

ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z0-9]\b")
LATIN = re.compile(r"\b(e\.\s?g\.|i\.\s?e\.|etc\.)", re.IGNORECASE)
CONTRACTION = re.compile(
    r"\b(\w+n['’]t|(?:I|you|we|they|he|she|it|that|there|here|what|who|let)['’](?:s|re|ve|ll|d|m)"
    r"|\w+['’](?:re|ve|ll|m))\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")
_WORD = re.compile(r"[A-Za-z0-9£%][A-Za-z0-9'’\-£%.,]*")


@dataclass(frozen=True)
class Rules:
    max_words: int = 15
    max_grade: float = 6.0
    max_sentences_per_idea: int = 3
    known_names: frozenset = frozenset()  # names every reader knows without explanation (a town's name)


def sentences(text: str) -> list[str]:
    """One idea per line is how easy read is written; a line may still hold two sentences.

    >>> sentences("We help schools.\\nIt is hard. We try!")
    ['We help schools.', 'It is hard.', 'We try!']
    """
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            out += [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
    return out


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def grade(text: str) -> float:
    """Flesch-Kincaid grade of a block, worked out exactly as textstat 0.7.4 does (its word, sentence
    and syllable counts, formula and rounding; tests/test_easy_read_grade.py checks the two agree), but
    without importing textstat, which takes a third of a second of every build to import
    pkg_resources for word lists the grade does not use.

    >>> grade("We will help you. The plan has six parts.")
    -2.1
    """
    text = " ".join(sentences(text))
    words = len(_words(text))
    found = _TS_SENTENCE.findall(text)
    sentence_count = max(1, len(found) - sum(1 for s in found if len(_words(s)) <= 2))
    sentence_length = _round(words / sentence_count, 1)
    syllables = sum(len(_hyphenator().positions(word)) + 1 for word in _words(text.lower()))
    syllables_per_word = _round(syllables / words, 1) if words else 0.0
    return _round(0.39 * sentence_length + 11.8 * syllables_per_word - 15.59, 1)


_TS_PUNCTUATION = re.compile(r"[^\w\s]")  # textstat removes all punctuation, apostrophes included
_TS_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


def _words(text: str) -> list[str]:
    return _TS_PUNCTUATION.sub("", text).split()


def _round(number: float, points: int) -> float:
    """textstat's rounding: half away from zero."""
    scale = 10 ** points
    return float(math.floor(number * scale + math.copysign(0.5, number))) / scale


@lru_cache(maxsize=None)
def _hyphenator():
    import pyphen  # the syllable counter textstat uses

    return pyphen.Pyphen(lang="en_US")


def explained_terms(glossary) -> set[str]:
    """The glossary terms that have easy-read words: abbreviations and names in easy read must be one."""
    return {t.term for t in glossary if t.easy_read}


def check(text: str, path: str, line: int | None, field: str, explained: set[str], rules: Rules,
          problems: Problems) -> None:
    """Warn about every sentence that breaks an easy-read rule, and about a reading grade too high."""
    check_sentences(text, path, line, field, explained, rules, problems)
    check_grade(text, path, line, field, rules, problems)


def check_idea(text: str, path: str, line: int | None, field: str, explained: set[str], rules: Rules,
               problems: Problems) -> None:
    """One idea: the sentence rules, and at most ``max_sentences_per_idea`` sentences beside one picture."""
    check_sentences(text, path, line, field, explained, rules, problems)
    count = len(sentences(text))
    if count > rules.max_sentences_per_idea:
        problems.warning(path, line, field, f"this idea has {count} sentences; an idea has at most "
                                            f"{rules.max_sentences_per_idea} beside its picture. Split it into "
                                            "two ideas, each with its own picture")


_ONLY_A_NUMBER = re.compile(r"^\s*(?:(?:action|part|area|step|item|number|no\.?)\s*)?[\d.\s:]*$", re.IGNORECASE)


def check_title(text: str, path: str, line: int | None, explained: set[str], rules: Rules,
                problems: Problems) -> None:
    """An easy-read heading says what the thing is about in words; a number alone says nothing."""
    if _ONLY_A_NUMBER.match(text):
        problems.error(path, line, "easy_read_title",
                       f"'{text}' is only a number; say in everyday words what this is about, for example "
                       "'Making EHC plans on time'")
        return
    check_sentences(text, path, line, "easy_read_title", explained, rules, problems)


def check_sentences(text: str, path: str, line: int | None, field: str, explained: set[str], rules: Rules,
                    problems: Problems) -> None:
    """Warn about every sentence that is too long, uses Latin abbreviations or shortened words, or an
    abbreviation or a name that the easy-read glossary does not explain."""
    lower = {term.lower() for term in explained}
    for sentence in sentences(text):
        words = word_count(sentence)
        if words > rules.max_words:
            problems.warning(path, line, field, f"this sentence has {words} words; easy read allows at most "
                                                f"{rules.max_words}. Split it: \"{sentence}\"")
        for match in LATIN.finditer(sentence):
            problems.warning(path, line, field, f"'{match.group(0)}' is hard to read; write 'for example' or "
                                                f"'that is' instead: \"{sentence}\"")
        for match in CONTRACTION.finditer(sentence):
            problems.warning(path, line, field, f"'{match.group(0)}' is a shortened word; write it in full "
                                                f"(for example 'do not', 'it is'): \"{sentence}\"")
        for match in ABBREVIATION.finditer(sentence):
            if match.group(0) not in explained and match.group(0) != "I":
                problems.warning(path, line, field,
                                 f"'{match.group(0)}' is an abbreviation with no easy-read explanation; use plain "
                                 f"words, or add easy_read to its glossary term: \"{sentence}\"")
        for name in names(sentence):
            if not _is_explained_name(name, lower, rules.known_names):
                problems.warning(path, line, field,
                                 f"'{name}' is a name with no easy-read explanation; say what it is in everyday "
                                 f"words, or add it to the glossary with easy_read: \"{sentence}\"")


def check_grade(text: str, path: str, line: int | None, field: str, rules: Rules, problems: Problems) -> None:
    block_grade = grade(text) if text.strip() else 0.0
    if block_grade > rules.max_grade:
        hardest = max(sentences(text), key=lambda s: grade(s))
        problems.warning(path, line, field,
                         f"the reading grade is {block_grade:.1f} (Flesch-Kincaid); easy read allows at most "
                         f"{rules.max_grade:g}. Use shorter words and sentences; the hardest sentence is: "
                         f"\"{hardest}\"")


def check_contacts(contacts: list, explained: set[str], rules, problems, picture_file=None,
                       is_icon_name=None, path: str = "mkdocs.yml") -> None:
    """Each "Contact and help" entry's easy-read words (core/help.py Contact) checked as the content's
    easy-read ideas are (sentence length, abbreviations and names the easy-read glossary explains, at
    most ``rules.max_sentences_per_idea`` sentences, the reading grade) and its picture as theirs (a
    file in the pictures folder, ``picture_file(name)`` None when there is none, and a description
    that is no icon's name). Each problem names the contact and the field."""
    ctx = schema.Context(status_keys=[], picture_file=picture_file, is_icon_name=is_icon_name)
    for index, contact in enumerate(contacts):
        where = f"contacts[{index + 1}] ({contact.name})"
        if contact.easy_read and not is_placeholder(contact.easy_read):
            check_idea(contact.easy_read, path, None, f"{where} easy_read", explained, rules, problems)
            check_grade(contact.easy_read, path, None, f"{where} easy_read", rules, problems)
        for name, kind in (("picture", schema.EasyPicture()), ("picture_alt", schema.AltText())):
            value = getattr(contact, name)
            if value and not is_placeholder(value):
                try:
                    kind.check(value, ctx)
                except schema.Invalid as error:
                    problems.error(path, None, f"{where} {name}", str(error))


# -- names -----------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&!.\-]*")
# Words that join the parts of one name ("Voice 4 Parents", "Information, Advice and Support Service").
_CONNECTORS = frozenset({"of", "and", "for", "the", "&", "in", "on", "to"})
# Capitalised only because they start the sentence: not part of a name that follows them.
_STARTERS = frozenset("""a an the our your their this that these those we you they it he she in at on for to
    from with by some every each all many most when if then there here what who how why where and but or so
    now next first after before also please""".split())
_EVERYDAY = frozenset("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday i""".split())


def names(sentence: str) -> list[str]:
    """Proper names in a sentence: capitalised words after its first word, and a capitalised word at the
    start when the next word is capitalised too. Abbreviations in capitals are checked on their own.

    >>> names("Voice 4 Parents helps. We met Big Blue Door and the Local Offer team.")
    ['Voice 4 Parents', 'Big Blue Door', 'Local Offer']
    >>> names("Some children need help in school.")
    []
    """
    out = []
    for sentence_part in sentences(sentence):
        for number, part in enumerate(_BREAK.split(sentence_part)):
            out += _names_in(part, first=number == 0)
    return out


_BREAK = re.compile(r"[,;:()\[\]\"“”‘’]|\s['-]\s|\s–\s")  # a name never runs across these


def _names_in(part: str, first: bool) -> list[str]:
    out = []
    tokens = [t.rstrip(".,;:?").removesuffix("'s").removesuffix("’s") for t in _TOKEN.findall(part)]
    run: list[str] = []
    start = 0
    for index, token in enumerate(tokens + [""]):
        capital = bool(token) and token[0].isupper()
        joins = bool(run) and (token.isdigit() or (
            token.lower() in _CONNECTORS and index + 1 < len(tokens) and tokens[index + 1][:1].isupper()))
        if capital or joins:
            if not run:
                start = index
            run.append(token)
            continue
        if run:
            out += _name_of(run, start if first else -1)
            run = []
    return out


def _is_word_name(word: str) -> bool:
    return word[:1].isupper() and not ABBREVIATION.fullmatch(word.rstrip("!"))


def _name_of(run: list[str], start: int) -> list[str]:
    if start == 0:
        # The first word of a sentence is capitalised anyway: it starts a name only when the next word is a
        # capitalised word, or a number and then one ("Voice 4 Parents", "Big Blue Door"); not "Children in
        # Year 9", "Good EHC plans" or "About 1 in 4".
        follows = run[1] if len(run) > 1 else ""
        if follows.isdigit():
            follows = run[2] if len(run) > 2 else ""
        if run[0].lower() in _STARTERS or not follows or not _is_word_name(follows):
            run = run[1:]
            while run and run[0].lower() in _CONNECTORS:
                run = run[1:]
    while run and run[-1].lower() in _CONNECTORS:
        run = run[:-1]
    if not run or all(word.lower() in _EVERYDAY or ABBREVIATION.fullmatch(word.rstrip("!")) or word.isdigit()
                      for word in run):
        return []  # abbreviations have their own check
    return [" ".join(run)]


def _is_explained_name(name: str, explained_lower: set[str], known: frozenset) -> bool:
    """A name is explained when the easy-read glossary (or the known names) covers all of it, term by term:
    'Springfield Local Offer' is explained by 'Springfield' and 'Local Offer'."""
    words = name.split()
    known_lower = {k.lower() for k in known} | explained_lower
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            piece = " ".join(words[i:j]).lower()
            if piece in known_lower or piece in _EVERYDAY:
                i = j
                break
        else:
            if words[i].lower() in _CONNECTORS or words[i].isdigit():
                i += 1
                continue
            return False
    return True


_TAG = re.compile(r"<[^>]+>")
_ENDING = re.compile(r"\.(?:svg|png|jpe?g|webp)$", re.IGNORECASE)  # a picture name with its file's ending


@dataclass(frozen=True)
class Picture:
    """A picture of an easy-read row: its file in the site and what it shows ("" on purpose: the words say it)."""

    file: str | None
    alt: str = ""


@dataclass(frozen=True)
class HelpRow:
    """One way to reach a contact on the "Who can help you" page: a picture, the words, the link (or None)."""

    picture: Picture
    text: str
    href: str | None


@dataclass(frozen=True)
class HelpContact:
    name: str
    idea: tuple[Picture, list[str]] | None
    rows: list[HelpRow]


# The pictures of the easy-read pages' own rows (not the content's ideas), beside words that say it all
# (so with empty alt). Each is a file in the site's pictures folder: the plugin checks they are there.
PAGE_PICTURES = {
    "checked": "openmoji/1F4C5",  # a calendar: when we last checked
    "count": "openmoji/1F4CA",  # a bar chart: how many things a part has, how they are going
    "unwritten": "openmoji/270D",  # a writing hand: still being written in easy read
    "you_said": "openmoji/1F4AC",  # a speech bubble: what families told us
    "you_said_intro": "openmoji/1F4DD",  # a memo: we wrote it down
    "key": "openmoji/2139",  # information: what the words and pictures mean
    "help": "openmoji/1F64B",  # a person raising a hand: who can help you
}

# The pictures of the "Who can help you" page, each described by the word list (locale/en.yml, the key
# beside it). "contact" is beside a contact's own easy-read words when its settings give no picture.
HELP_PICTURES = {
    "intro": ("openmoji/2753", "easy_help_intro_alt"),  # a question mark
    "none_yet": ("openmoji/23F3", "easy_help_none_yet_alt"),  # an hourglass
    "contact": ("openmoji/1F64B", "easy_help_contact_alt"),  # a person raising a hand
    "phone": ("openmoji/260E", "easy_help_phone_alt"),  # a telephone
    "email": ("openmoji/2709", "easy_help_email_alt"),  # an envelope
    "url": ("openmoji/1F310", "easy_help_url_alt"),  # a globe
}


class EasyReadRenderer:
    """The easy-read pages: one row per idea, its picture on the left and its sentences on the right.

    ``words``: the site's word list (core/words.py), where every fixed word of the pages comes from;
    ``contacts``: the "Who can help you" contacts (core/help.py), nothing invented where a detail is
    missing; ``pictures_dir``: the folder in the site the status pictures are in."""

    def __init__(self, renderer, words=None, pictures_dir: str = "assets/pictures", contacts=(),
                 next_update=None):
        from .words import Words

        self.r = renderer  # the standard Renderer: links, the generated pages
        self.plan = renderer.plan
        self.words = words or Words.load()
        self.pictures_dir = pictures_dir.strip("/")
        self.contacts = list(contacts)
        self.next_update = next_update

    # -- pieces the templates use ------------------------------------------------------------

    def picture_file(self, name: str | None) -> str | None:
        """A picture named as in the content ("openmoji/2705") -> its file in the site."""
        return self._file(name) if name else None

    def _file(self, name: str) -> str:
        """openmoji/2705 -> assets/pictures/openmoji/2705.svg; a name with its own ending keeps it."""
        return f"{self.pictures_dir}/{name}" + ("" if _ENDING.search(name) else ".svg")

    def page_picture(self, role: str) -> Picture:
        """One of the pages' own pictures (PAGE_PICTURES), beside words that say it all."""
        return Picture(self.picture_file(PAGE_PICTURES[role]), "")

    def help_picture(self, role: str) -> Picture:
        """One of the "Who can help you" page's own pictures (HELP_PICTURES), described in the site's words."""
        name, alt = HELP_PICTURES[role]
        return Picture(self._file(name), self.words.text(alt))

    def pictures_used(self) -> list[str]:
        """Every picture file the easy-read pages use besides the content's ideas (they are checked when
        the content is read): the pages' own, the statuses' and the "Who can help you" page's."""
        names = list(PAGE_PICTURES.values()) + [s.easy_read_picture for s in self.plan.scale if s.easy_read_picture]
        names += [name for name, _alt in HELP_PICTURES.values()]
        names += [c.picture for c in self.contacts if c.easy_read and c.picture]
        return sorted({self._file(name) for name in names})

    def status_picture(self, status) -> Picture:
        return Picture(self.picture_file(status.easy_read_picture), status.easy_read_alt or "")

    def status_name(self, status) -> str:
        return status.easy_label or status.label

    def status_counts(self, actions) -> list[tuple[object, int]]:
        """(status, how many) for each status that has actions, in the scale's order."""
        counts = self.plan.counts(actions)
        return [(status, counts[status.key]) for status in self.plan.scale if counts[status.key]]

    def late_words(self, action) -> list[str]:
        """What the status row says about the completion date: late only when a rating says so."""
        due = self.r.due_words(action)
        if action.is_overdue(self.plan.late_date):
            return [self.words.text("easy_late", due=due)]
        if action.awaiting_update(self.plan.late_date):
            return [self.words.text("easy_due_passed", due=due)]
        return []

    def terms(self, texts) -> list:
        """The glossary terms with easy-read words that the page's texts use, in glossary order."""
        text = "\n".join(t for t in texts if t)
        found = []
        for term in self.plan.glossary:
            if not term.easy_read:
                continue
            # As on the standard pages (core/glossary.py): in the plural too ("EHC plans", "SENCOs")
            caps = term.match_case or term.term.isupper()
            plural = "s?" if term.term.isupper() else "" if caps else "(?:s|es)?"
            found_here = re.search(r"(?<![\w-])" + re.escape(term.term) + plural + r"(?![\w-])", text,
                                   0 if caps else re.IGNORECASE)
            if found_here:
                found.append(term)
        return found

    def help_contacts(self) -> list[HelpContact]:
        """The configured contacts, in their order: each contact's own easy-read words (when its settings
        give them) beside its picture, then one row for each way to reach it. A value still to be
        filled in ("[... to be confirmed ...]") is shown as it is and never linked."""
        out = []
        for contact in self.contacts:
            idea = None
            if contact.easy_read:
                picture = (Picture(self._file(contact.picture), contact.picture_alt or "") if contact.picture
                           else self.help_picture("contact"))
                idea = (picture, sentences(contact.easy_read))
            rows = []
            for way in ("phone", "email", "url"):
                value = getattr(contact, way)
                if not value:
                    continue
                href = None if is_placeholder(value) else {"phone": "tel:" + re.sub(r"[^0-9+]", "", value),
                                                           "email": "mailto:" + value, "url": value}[way]
                rows.append(HelpRow(self.help_picture(way), self.words.text(f"easy_help_{way}", value=value), href))
            out.append(HelpContact(contact.name, idea, rows))
        return out

    def frame(self) -> dict[str, str]:
        """The easy words of the frame of every easy-read page (header, menu, search, footer)."""
        keys = ("easy_header", "easy_menu", "easy_menu_home", "easy_menu_standard", "easy_search",
                "easy_search_button", "easy_footer", "easy_to_standard", "easy_help_link", "easy_key_link",
                "easy_title")
        return {key.removeprefix("easy_"): self.words.text(key) for key in keys}

    # -- pages ----------------------------------------------------------------------------------

    def render(self, template: str, here: str, **data) -> str:
        """A page, and at its end the "Words on this page" box: the easy-read meaning of every glossary
        term the page uses."""
        import html

        out = self.r.page(template, here, easy=self, say=self.words, sentences=sentences, **data)
        terms = self.terms([html.unescape(_TAG.sub(" ", out))])
        if terms:
            box = self.r.templates.render("plan-progress/easy-read/words-box.html", say=self.words, terms=terms,
                                          sentences=sentences)
            out = out.rstrip("\n") + "\n\n" + str(box).strip() + "\n"
        return out

    def next_update_words(self) -> str | None:
        """When the next update is due, in words (None when no next update is set)."""
        from .dates import words as date_words

        return date_words(self.next_update) if self.next_update else None

    def who_can_help_view(self) -> dict:
        """What the "Who can help you" page shows: the contacts, each with only what its settings give."""
        return {"title": self.words.text("easy_help_link"),
                "intro": (self.help_picture("intro"), sentences(self.words.text("easy_help_intro"))),
                "none_yet": (self.help_picture("none_yet"), sentences(self.words.text("easy_help_none_yet"))),
                "contacts": self.help_contacts()}

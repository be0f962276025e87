"""Generate a synthetic improvement plan of any size, as a complete MkDocs project.

    python bench/generate.py 1000 bench/out/plan-1000      # 1,000 actions

The content looks like the real plan in ``content/``: areas of 12 to 20 actions, each
action with leads, evidence, accountability, outcomes, resources, milestones, a due date,
a status with its dated history, ``waiting_on`` for actions waiting to start, co-production
notes, easy-read text and a picture; ten "You said" themes whose items link to actions; a
home page, a glossary (a snapshot of the real one, ``bench/glossary.md``) and a few plain
pages. Everything is deterministic: each page is made from a random generator seeded with
its own name, so action 1.1 is the same page whatever the size of the plan, and the HTML of
that one page can be compared between sizes.

The project's ``mkdocs.yml`` mirrors the real one (read from the source tree at generation
time) with ``docs_dir: content``, the theme's ``custom_dir`` made absolute, and the
plan-progress plugin on (``mkdocs.yml``) or off (``mkdocs-off.yml``: ``enabled: false``,
the same Markdown built as plain pages with their front-matter as page meta).

Shapes (``--shape``):

- ``real`` (the default): areas of 12 to 20 actions, ten "You said" themes, the real site's
  ``mkdocs.yml`` (its theme features, ``navigation.prune`` among them);
- ``newsite``: the actions in 8 parts (about 250 each), 30 "You said" topics of 12 items each,
  and the settings ``./scripts/new-site`` gives a new site: ``theme: material`` and nothing else
  (no features, no ``custom_dir``, no stylesheets of the site's own). The plugin off then builds
  the pages as stock mkdocs-material does, its whole menu on every page.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent

SAMPLE_ACTION = "1.1"  # the page whose HTML is compared between sizes

# -- text pools: the vocabulary of a SEND improvement plan ------------------------------------

VERBS = ["Review", "Develop", "Implement", "Launch", "Embed", "Establish", "Refresh", "Co-produce",
         "Commission", "Deliver", "Audit", "Improve", "Agree", "Publish", "Extend"]
OBJECTS = [
    "the graduated response toolkit for schools", "the EHC needs assessment pathway",
    "a quality assurance framework for EHC plans", "the Local Offer website and its search",
    "joint commissioning of speech and language therapy", "training for SENCOs on early identification",
    "the preparing for adulthood pathway", "multi-agency panels for post-16 transition",
    "the CAMHS referral and waiting list pathway", "annual review processes and timeliness",
    "the co-production charter with Voice 4 Parents", "a neurodevelopmental pathway before diagnosis",
    "outreach support from specialist settings", "the SEND data dashboard for the Partnership Board",
    "information, advice and support for families", "a key worker offer for children in care",
    "health passports for young people moving to adult services", "short breaks and Direct Payments",
    "the exclusions and reduced timetables protocol", "supported employment and internships",
    "moderation of EHC plans with health and social care", "the Thrive approach in early years settings",
]
PLACES = ["", " across all settings", " with parent carers", " in mainstream schools", " for children in care",
          " with health partners", " with the youth forum", " in further education", " for early years"]
LEADS = ["Head of SEND", "Principal Educational Psychologist", "Designated Clinical Officer",
         "SEND Commissioning Manager", "Head of Inclusion", "Service Manager, Children's Social Care",
         "Head of Digital and IT", "Designated Social Care Officer", "Head of Early Years",
         "Local Offer Manager", "Lead Nurse, Children's Community Services", "Head of Post-16 Transitions",
         "Director of Education", "Voice 4 Parents Chair", "Head of Commissioning (CCG)"]
EVIDENCE = [
    "Task and finish group minutes showing decisions and actions",
    "Audit of a sample of EHC plans each term, with findings reported to the SEND Partnership Board",
    "Parent/carer feedback gathered through Voice 4 Parents surveys",
    "Training records and evaluations from SENCO network meetings",
    "Local Offer page views, session duration and bounce rate reported quarterly",
    "Waiting times for CAMHS and speech and language therapy published monthly",
    "Case studies showing the difference made for children and young people",
    "Revised guidance published and shared with schools and settings",
    "Multi-agency panel terms of reference agreed and minuted",
    "Number of annual reviews completed within statutory timescales",
]
ACCOUNTABILITY = [
    "Improved processes in place to deliver good quality EHC plans",
    "Progress reported to the SEND Partnership Board every quarter",
    "Quality assurance reports reviewed by the Scrutiny panel",
    "Key performance indicators (KPI) met for two consecutive quarters",
    "Feedback from families shows improvement in the annual survey",
    "Joint commissioning board signs off the new arrangements",
]
OUTCOMES = [
    "Children and young people have their needs identified earlier",
    "Families feel better supported and know who to approach",
    "EHC plans are completed within 20 weeks",
    "Fewer children and young people are excluded from school",
    "Young people are well prepared for adulthood",
    "Health, education and social care work together around the child",
    "Waiting times for assessment and therapy are reduced",
    "The Local Offer is easy to find, use and understand",
]
RESOURCES = [("Existing SEND team capacity", "existing"), ("Additional educational psychologist time", "additional"),
             ("Capital investment in system - £TBC", None), ("CCG funding for therapy posts", "additional"),
             ("Existing school improvement team", "existing"), ("Voice 4 Parents commissioned time", "existing")]
MILESTONES = ["Task and finish group established", "Draft guidance co-produced with families",
              "Consultation with schools and settings completed", "Training delivered to all SENCOs",
              "New pathway launched", "First audit of impact reported to the Board",
              "Recruitment to new posts completed", "System embedded and reviewed"]
NOTES = ["Work has started and the group meets monthly.", "Slipping because of staff vacancies.",
         "Needs intervention from the Board.", "Completed and now part of everyday practice.",
         "Waiting for the new pathway to be agreed.", "On track: training booked for all schools."]
SOURCES = ["SEND Partnership Board, {month}", "Monitoring visit by Ofsted and CQC, {month}",
           "Cabinet report, {month}", "Scrutiny panel, {month}"]
CO_PRODUCERS = ["Voice 4 Parents", "HY5! youth forum", "SEND Wolves Parent Voice", "Parent Carer Forum"]
# What an action does about what families said (a "You said" link's how line).
HOW = [
    "Trains staff in every setting to spot needs sooner",
    "Gives families one named person to contact",
    "Checks each plan's quality before it is finished",
    "Asks families what they think after each review",
]

# Easy-read pictures the real site has (content/assets/pictures, copied with the assets), and what each shows.
PICTURES = [("openmoji/1F3EB", "A school building"), ("openmoji/E246", "Two people talking"),
            ("openmoji/1F4C5", "A calendar"), ("openmoji/1F4BB", "A laptop computer"),
            ("openmoji/1F9D1-200D-2695-FE0F", "A health worker"), ("openmoji/1F91D", "Two hands shaking"),
            ("openmoji/1F4D6", "An open book"), ("openmoji/1F50D", "A magnifying glass"),
            ("openmoji/1F4C8", "A chart with a line going up"), ("openmoji/1F4CB", "A clipboard with a form on it"),
            ("openmoji/1F4BC", "A work bag"), ("openmoji/1FAF6", "Two hands making a heart shape"),
            ("openmoji/1F9D2", "A child"), ("openmoji/23F3", "An hourglass with sand running through")]
EASY_TITLES = ["Helping families get help sooner", "Training staff to spot needs", "Checking that help works",
               "Making the steps clear for families", "Working together with parents"]
# Easy read: at most 15 words a sentence, everyday words, no short forms, no shortened words.
EASY = [
    "We will make it easier for families to get help.", "Schools will learn to spot needs early.",
    "Parents will help us plan this work.", "We will check that it works.",
    "We will train staff to do this well.", "Children will get help sooner.",
    "We will write a new guide for families.", "Families will know who to ask for help.",
    "We will meet every few months to check how it is going.",
    "Young people will tell us what they think.", "We will share what we learn with schools.",
    "Health and council staff will work together.", "We want every child to feel welcome at school.",
    "This will help young people get ready for adult life.", "We will put the facts on one web page.",
    "Plans will be written on time.", "We will ask families if things are better.",
    "Children will not have to wait so long.", "We will listen to children and young people.",
    "We will tell you what we have done.",
]
AREA_TITLES = ["Identifying needs early", "EHC plans", "Joint commissioning", "Co-production", "Transitions",
               "Sharing information", "Health services", "Preparing for adulthood", "Inclusion in schools",
               "Early years", "Mental health", "Short breaks"]
FINDINGS = ["weaknesses in identifying SEND when difficulties emerge",
            "the poor quality of EHC plans and the timeliness of annual reviews",
            "weak joint commissioning arrangements between education, health and care",
            "the lack of co-production with families at a strategic level",
            "poor preparation for adulthood and transitions between services",
            "ineffective sharing of information with families through the Local Offer"]
THEMES = [("support", "Support"), ("local-offer", "Local offer"), ("health", "Health"),
          ("mental-health", "Mental health"), ("education", "Education"),
          ("preparing-for-adulthood", "Preparing for adulthood"), ("access-to-services", "Access to services"),
          ("feeling-more-supported", "Feeling more supported"), ("covid", "Covid"),
          ("what-the-inspectors-found", "What the inspectors found")]
SAID = ["{p}% of parents and carers told us they did not know where to find help",
        "{p}% said they had to wait over a year for speech and language therapy",
        "{p}% felt their child's EHC plan did not reflect their needs",
        "{p}% said their child's school SENCO listened to them",
        "Parents told us the Local Offer was hard to navigate",
        "Young people said they wanted to be asked about their own plans",
        "Inspectors found that annual reviews were often late",
        "{p}% said CAMHS waiting times had got worse"]
SAID_SOURCES = ["Voice 4 Parents annual survey 2021, 245 people", "HY5! youth forum, 2021",
                "Ofsted and CQC inspection letter, 2021"]


# -- YAML with block text for easy read, as editors write it ------------------------------------

class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def page(front: dict, body: str = "") -> str:
    text = yaml.dump(front, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    return f"---\n{text}---\n{body}"


def slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())[:40].strip("-")


def easy(rng: random.Random, low: int, high: int) -> dict:
    """easy_read_title and easy_read: the sentences as ideas of 1 to 3 sentences, each with a picture."""
    sentences = rng.sample(EASY, rng.randint(low, high))
    ideas = []
    while sentences:
        size = rng.randint(1, 3)
        picture, alt = rng.choice(PICTURES)
        ideas.append({"picture": picture, "alt": alt, "text": "\n".join(sentences[:size]) + "\n"})
        sentences = sentences[size:]
    return {"easy_read_title": rng.choice(EASY_TITLES), "easy_read": ideas}


def month(rng: random.Random, year_low=2021, year_high=2023) -> str:
    return f"{rng.randint(year_low, year_high)}-{rng.randint(1, 12):02d}"


# -- pages ----------------------------------------------------------------------------------------

@dataclass
class Generated:
    actions: int
    areas: int
    markdown_pages: int
    sample_action_url: str  # site-relative URL of action SAMPLE_ACTION


STATUS_WEIGHTS = [("not-rated", 50), ("green", 20), ("amber", 12), ("blue", 8), ("red", 5), ("pink", 5)]


def action_page(area: int, number: int, previous: list[str]) -> tuple[str, str]:
    """(file stem, text) of one action. ``previous``: earlier action ids in its area."""
    rng = random.Random(f"action {area}.{number}")
    title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(PLACES)}"
    action_id = f"{area}.{number}"
    keys = [k for k, _ in STATUS_WEIGHTS]
    status = rng.choices(keys, weights=[w for _, w in STATUS_WEIGHTS])[0]
    if status == "pink" and not previous:
        status = "green"
    front: dict = {"type": "action", "id": action_id, "title": title,
                   "leads": rng.sample(LEADS, rng.randint(1, 2)),
                   "evidence": rng.sample(EVIDENCE, rng.randint(2, 4)),
                   "accountability": rng.sample(ACCOUNTABILITY, rng.randint(1, 2)),
                   "outcomes": rng.sample(OUTCOMES, rng.randint(1, 3)),
                   "resources": [{"text": t, **({"kind": k} if k else {})}
                                 for t, k in rng.sample(RESOURCES, rng.randint(1, 2))]}
    milestones = []
    for text in rng.sample(MILESTONES, rng.randint(2, 4)):
        m: dict = {"text": text}
        if rng.random() < 0.8:
            m["date"] = month(rng)
        if rng.random() < 0.5:
            m["done"] = rng.random() < 0.6
        milestones.append(m)
    front["milestones"] = milestones
    if rng.random() < 0.85:
        front["due"] = month(rng, 2021, 2023)
    else:
        front["due_text"] = "Ongoing through cycle of continuous improvement"
    front["status"] = status
    if status != "not-rated":
        entries = []
        day = rng.randint(1, 20)
        count = rng.randint(1, 3)
        statuses = [rng.choice(["green", "amber", "red", "pink"]) for _ in range(count - 1)] + [status]
        for i, s in enumerate(statuses):
            mon = 1 + 3 * i + rng.randint(0, 2)
            date = f"{2022 + (mon - 1) // 12}-{(mon - 1) % 12 + 1:02d}-{day:02d}"
            entries.append({"date": date, "status": s, "note": rng.choice(NOTES),
                            "source": rng.choice(SOURCES).format(month=f"{2022 + (mon - 1) // 12}")})
        front["history"] = entries
    if status == "pink":
        front["waiting_on"] = rng.sample(previous, min(len(previous), rng.randint(1, 2)))
    if rng.random() < 0.3:
        front["co_produced_with"] = rng.sample(CO_PRODUCERS, rng.randint(1, 2))
    front.update(easy(rng, 3, 5))
    body = ""
    if rng.random() < 0.3:
        body = ("\nThis action is overseen by the SEND Partnership Board. Each SENCO will be asked for\n"
                "feedback every term, and Voice 4 Parents will check that the changes make a difference\n"
                "for families whose child has an EHC plan or is on SEN support.\n")
    return f"{area}-{number}-{slug(title)[:30].strip('-')}", page(front, body)


def area_page(area: int) -> tuple[str, str]:
    rng = random.Random(f"area {area}")
    title = f"{AREA_TITLES[(area - 1) % len(AREA_TITLES)]}" + (f" {area}" if area > len(AREA_TITLES) else "")
    finding = rng.choice(FINDINGS)
    front = {"type": "area", "number": area, "title": title, "finding": finding,
             "aim": f"To address {finding}.", "outcomes": rng.sample(OUTCOMES, rng.randint(3, 6))}
    if rng.random() < 0.5:
        front["co_produced_with"] = rng.sample(CO_PRODUCERS, rng.randint(1, 2))
    front.update(easy(rng, 4, 7))
    return f"{area}-{slug(title)}", page(front)


SHAPES = ("real", "newsite")
NEWSITE_PARTS, NEWSITE_TOPICS, NEWSITE_ITEMS = 8, 30, 12


def _themes(folder: Path, action_ids: list[tuple[str, str]]) -> int:
    """The ten "You said" themes of the real shape: one item per five actions (at least 10), each
    answering up to two actions of its own area, so no action page grows with the size of the plan.
    Returns how many pages were written."""
    theme_items: dict[str, list] = {key: [] for key, _ in THEMES}
    by_area: dict[int, list[str]] = {}
    for action_id, _ in action_ids:
        by_area.setdefault(int(action_id.split(".")[0]), []).append(action_id)
    for area, ids in by_area.items():
        for k in range(max(1, len(ids) // 5)):
            rng = random.Random(f"said {area}.{k}")
            key = rng.choice(THEMES)[0]
            theme_items[key].append(_said_item(rng, ids))
    for key, title in THEMES:
        if not theme_items[key]:  # a small plan: every theme still says something
            theme_items[key].append({"said": f"Parents told us about {title.lower()}", "kind": "finding",
                                     "source": SAID_SOURCES[0], "date": 2021, "answered_by": []})
    for key, title in THEMES:
        _theme_page(folder, key, title, theme_items[key])
    return len(THEMES)


def _topics(folder: Path, action_ids: list[tuple[str, str]]) -> int:
    """The newsite shape's 30 "You said" topics of 12 items each; each item answers up to two
    actions of one part. Returns how many pages were written."""
    by_area: dict[int, list[str]] = {}
    for action_id, _ in action_ids:
        by_area.setdefault(int(action_id.split(".")[0]), []).append(action_id)
    areas = sorted(by_area)
    for topic in range(1, NEWSITE_TOPICS + 1):
        base_key, base_title = THEMES[(topic - 1) % len(THEMES)]
        items = []
        for k in range(NEWSITE_ITEMS):
            rng = random.Random(f"topic {topic}.{k}")
            items.append(_said_item(rng, by_area[rng.choice(areas)]))
        _theme_page(folder, f"{topic:02d}-{base_key}", f"{base_title} {topic}", items)
    return NEWSITE_TOPICS


def _said_item(rng: random.Random, ids: list[str]) -> dict:
    return {"said": rng.choice(SAID).format(p=rng.randint(5, 70)),
            "kind": rng.choice(["statistic", "finding", "quote"]),
            "source": rng.choice(SAID_SOURCES), "date": 2021,
            "answered_by": [{"action": action, "how": rng.choice(HOW)}
                            for action in rng.sample(ids, rng.randint(0, min(2, len(ids))))]}


def _theme_page(folder: Path, key: str, title: str, items: list) -> None:
    rng = random.Random(f"theme {key}")
    front = {"type": "you-said", "theme": title,
             "intro": f"What families and young people told us about {title.lower()}.",
             "items": items, **easy(rng, 3, 5)}
    (folder / f"{key}.md").write_text(page(front), encoding="utf-8")


def generate(actions: int, dest: Path, source: Path = ROOT, shape: str = "real") -> Generated:
    """Write a project with ``actions`` actions into ``dest`` (replaced if it exists), in one of
    the ``SHAPES`` (see the top of this file)."""
    if shape not in SHAPES:
        raise ValueError(f"shape {shape!r}: one of {', '.join(SHAPES)}")
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "content"
    docs.mkdir(parents=True)
    sizes_rng = random.Random("area sizes")
    area_sizes: list[int] = []
    if shape == "newsite":  # 8 parts as even as they come: 2,000 actions are 8 of 250
        area_sizes = [actions // NEWSITE_PARTS + (1 if part < actions % NEWSITE_PARTS else 0)
                      for part in range(NEWSITE_PARTS)]
        area_sizes = [size for size in area_sizes if size]
    while sum(area_sizes) < actions:
        area_sizes.append(min(sizes_rng.randint(12, 20), actions - sum(area_sizes)))
    action_ids: list[tuple[str, str]] = []  # (id, uri)
    sample_url = ""
    pages = 0
    for area, size in enumerate(area_sizes, start=1):
        folder_name, text = area_page(area)
        folder = docs / "areas" / folder_name
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(text, encoding="utf-8")
        pages += 1
        previous: list[str] = []
        for number in range(1, size + 1):
            stem, text = action_page(area, number, previous)
            (folder / f"{stem}.md").write_text(text, encoding="utf-8")
            action_id = f"{area}.{number}"
            previous.append(action_id)
            action_ids.append((action_id, f"areas/{folder_name}/{stem}.md"))
            if action_id == SAMPLE_ACTION:
                sample_url = f"areas/{folder_name}/{stem}/"
            pages += 1

    (docs / "you-said").mkdir()
    if shape == "newsite":
        pages += _topics(docs / "you-said", action_ids)
    else:
        pages += _themes(docs / "you-said", action_ids)
    (docs / "you-said" / "index.md").write_text(
        "# You said, we did\n\nWhat families told us, by theme, and the actions in the plan that answer it.\n",
        encoding="utf-8")
    pages += 1

    home = {"type": "home", **easy(random.Random("home"), 4, 6)}
    (docs / "index.md").write_text(page(home, (
        "# How the SEND improvement plan is going\n\n"
        "Inspectors from Ofsted and the Care Quality Commission (CQC) looked at how well the local area\n"
        "supports children and young people with special educational needs and disabilities (SEND).\n"
        "The council and its NHS partners wrote a plan to fix what they found, called a Written\n"
        "Statement of Action.\n")), encoding="utf-8")
    shutil.copy(HERE / "glossary.md", docs / "glossary.md")
    (docs / "about").mkdir()
    for name, title in [("index", "What the plan is and why"), ("governance", "Governance and monitoring"),
                        ("accessibility", "Accessibility statement")]:
        paragraphs = "\n\n".join(
            "The SEND Partnership Board checks the progress of every action each quarter. Families can\n"
            "ask the Local Offer team or Voice 4 Parents for help understanding an EHC plan." for _ in range(4))
        (docs / "about" / f"{name}.md").write_text(f"# {title}\n\n## In short\n\n{paragraphs}\n", encoding="utf-8")
        pages += 1
    pages += 2  # home, glossary
    assets = source / "content" / "assets"
    if assets.is_dir():
        shutil.copytree(assets, docs / "assets")  # the real site's stylesheets, as extra_css expects

    for name, enabled in (("mkdocs.yml", True), ("mkdocs-off.yml", False)):
        config = mirror_config(source, enabled)
        if shape == "newsite":
            config = newsite_config(config)
        (dest / name).write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return Generated(actions=len(action_ids), areas=len(area_sizes), markdown_pages=pages,
                     sample_action_url=sample_url)


class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV and friends: not used


def mirror_config(source: Path, enabled: bool) -> dict:
    """The real mkdocs.yml, pointed at the synthetic content, with the plugin on or off."""
    config = yaml.load((source / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config["site_name"] = "Synthetic plan progress (benchmark)"
    config["docs_dir"] = "content"
    config.pop("nav", None)
    config.pop("site_dir", None)
    theme = config.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((source / theme["custom_dir"]).resolve())
    plugins = []
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "plan-progress" in entry:
            options = dict(entry["plan-progress"] or {})
            options["enabled"] = enabled
            options["plan_name"] = "synthetic improvement plan"
            plugins.append({"plan-progress": options})
        else:
            plugins.append(entry)
    config["plugins"] = plugins
    return config


def newsite_config(config: dict) -> dict:
    """``config`` with the theme settings ``./scripts/new-site`` gives a new site
    (examples/priority-action-plan/mkdocs.yml): ``theme: material`` and nothing else, and no
    stylesheets or scripts of the site's own. The plugin's settings and the content stay."""
    config = dict(config)
    config["theme"] = {"name": "material"}
    config.pop("extra_css", None)
    config.pop("extra_javascript", None)
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("actions", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--source", type=Path, default=ROOT,
                        help="the source tree whose mkdocs.yml and overrides/ to mirror (default: this repository)")
    parser.add_argument("--shape", choices=SHAPES, default="real", help="see the top of this file")
    args = parser.parse_args()
    print(generate(args.actions, args.dest, args.source.resolve(), args.shape))


if __name__ == "__main__":
    main()

"""Reading the plan: the one path from a site's settings and files to the checked plan.

Used by the plugin (``mkdocs build``) and by the command-line tools (validate, set-status,
new-action, preview, ...), so that both read and check content in exactly the same way. The tools
load mkdocs.yml and call ``plan_settings`` and ``read_plan`` here; they never import plugin.py
or run its events.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from .config import PlanProgressConfig
from .core import easyread, links, published_files, sanitise, upgrade
from .core.easyread import Rules
from .core.files import linked_files, page_templates
from .core.help import Contact, contacts_from
from .core.loader import RawPage, load_plan, read_sources
from .core.model import Plan
from .core.pages import Paths
from .core.problems import ContentError, Problems
from .core.scale import Status, check_scale, default_scale
from .core.templates import slug
from .core.words import Words

PLUGIN_NAME = "plan-progress"
# The pictures the plugin ships (OpenMoji, with their licence): its easy-read pages' own, and any a
# site's content names without a file of its own of that name.
SHIPPED_PICTURES = Path(__file__).resolve().parent / "assets" / "pictures"


@dataclass(frozen=True)
class PlanSettings:
    """The plugin's settings that reading the plan needs, parsed and checked."""

    scale: tuple[Status, ...]
    as_at: dt.date
    rules: Rules
    pictures_dir: str = "assets/pictures"
    publish_file_types: tuple[str, ...] = ()  # what the content folder may publish besides FILE_TYPES
    contacts: tuple[Contact, ...] = ()  # the "Contact and help" entries (their easy-read words are checked too)
    easy_read: bool = True  # False: the site has no easy read, and no easy-read check runs


def plan_settings(settings: PlanProgressConfig) -> PlanSettings:
    """The "as at" date, the status scale and the easy-read rules from the plugin's settings in
    mkdocs.yml. A setting that cannot be used raises PluginError saying what to write instead."""
    stated = upgrade.stated_version_problem(settings.schema_version)  # content for another release: say so first
    if stated:
        raise PluginError(f"plan-progress: {stated}")
    as_at = required_date(settings.as_at)
    scale = tuple(Status(**dict(s)) for s in settings.statuses) if settings.statuses else _default_scale(settings)
    problems = check_scale(scale)
    if problems:
        raise PluginError("plan-progress: the status scale in mkdocs.yml cannot be used:\n"
                          + "\n".join(f"  {p}" for p in problems))
    rules = Rules(max_words=settings.easy_read_max_words, max_grade=float(settings.easy_read_max_grade),
                  max_sentences_per_idea=settings.easy_read_max_sentences_per_idea,
                  known_names=frozenset(settings.easy_read_known_names))
    wrong = published_files.setting_problems(settings.publish_file_types)
    if wrong:
        raise PluginError("plan-progress: settings in mkdocs.yml that cannot be used:\n"
                          + "\n".join(f"  {p}" for p in wrong))
    return PlanSettings(scale=scale, as_at=as_at, rules=rules, pictures_dir=settings.pictures_dir,
                        publish_file_types=tuple(settings.publish_file_types),
                        contacts=tuple(contacts_from(settings.contacts or [])), easy_read=settings.easy_read)


def _default_scale(settings: PlanProgressConfig) -> tuple[Status, ...]:
    """The default scale, its meanings in the site's word for an action (``words:`` is checked with the
    settings, config.py)."""
    return default_scale(Words.load(settings.words or {}))


def site_paths(settings: PlanProgressConfig) -> Paths:
    """Where the plugin's generated pages go, from its settings in mkdocs.yml."""
    return Paths(status_key_page=settings.status_key_page, actions_dir=settings.actions_dir,
                 changes_page=settings.changes_page, board_report_page=settings.board_report_page,
                 open_data_page=settings.open_data_page, easy_read_dir=settings.easy_read_dir,
                 you_said_dir=settings.you_said_dir,
                 contact_page=settings.contact_page if settings.contacts else None,
                 area_slug=area_slug(settings.words),
                 date_passed=_path_word(settings.words, "date_passed_path"),
                 no_date=_path_word(settings.words, "no_date_path"),
                 easy_page=_path_word(settings.words, "easy_page_path"),
                 easy_list_size=settings.easy_read_list_size)


def _path_word(words: dict, key: str) -> str:
    """The address of a list page from the word list (the site's words:, else locale/en.yml), as a slug."""
    from .core.words import Words

    value = (words or {}).get(key)
    return slug(value) if isinstance(value, str) and slug(value) else Words.load().texts[key]


def area_slug(words: dict) -> str:
    """The address word of a part's pages: the site's own word for a part ("priority" gives
    actions/priority-1/), "area" by default.

    >>> area_slug({}), area_slug({"area": ["Work stream", "Work streams"]}), area_slug({"area": "x"})
    ('area', 'work-stream', 'area')
    """
    forms = (words or {}).get("area")
    one = forms[0] if isinstance(forms, list) and forms and isinstance(forms[0], str) else ""
    return slug(one) or "area"


def check_settings(config: MkDocsConfig, settings: PlanProgressConfig) -> None:
    """Raise PluginError naming every setting of mkdocs.yml that is not safe to publish (a link that
    is not https://, http://, mailto: or a path on this site, or text with a control character)."""
    unsafe = links.setting_problems(config, settings)
    if unsafe:
        raise PluginError("plan-progress: settings in mkdocs.yml that cannot be published:\n"
                          + "\n".join(f"  {p}" for p in unsafe))


def read_plan(files: Files, config: MkDocsConfig, settings: PlanSettings) -> tuple[Plan, Problems]:
    """Read and check every documentation page. Returns the plan and every problem found; raises
    nothing for content (only PluginError for a scale naming icons the theme does not have)."""
    root = Path(config.config_file_path or ".").resolve().parent
    pages = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue
        display = Path(os.path.relpath(file.abs_src_path, root)).as_posix()
        pages.append(RawPage(path=display, uri=file.src_uri, raw=Path(file.abs_src_path).read_bytes()))
    icon_exists = icon_finder(tuple(config.theme.dirs))
    wrong = icon_problems([s.icon for s in settings.scale], tuple(config.theme.dirs))
    if wrong:
        raise PluginError("plan-progress: the status scale in mkdocs.yml names icons that cannot be used:\n"
                          + "\n".join(f"  {p}" for p in wrong))
    picture_file = _picture_finder(config.docs_dir, settings.pictures_dir)
    is_icon_name = _icon_name_finder(tuple(config.theme.dirs), config.docs_dir, settings.pictures_dir)
    plan, problems = load_plan(pages, settings.scale, settings.as_at,
                               icon_exists=lambda name: icon_exists(name) is not None, easy_rules=settings.rules,
                               templates=page_templates(config.theme.custom_dir), picture_file=picture_file,
                               is_icon_name=is_icon_name, easy_read=settings.easy_read,
                               body_check=body_checker(config))
    # Only files of a safe type are published, and no picture that can run script (core/published_files.py).
    problems.items.extend(published_files.problems(
        config.docs_dir, [file.abs_src_path for file in files if file.abs_src_path and not file.generated_by],
        settings.publish_file_types, root))
    if settings.easy_read:
        # The contacts' pictures: the site's own, or one the plugin ships (picture_file finds both).
        easyread.check_contacts(list(settings.contacts), easyread.explained_terms(plan.glossary),
                                     settings.rules, problems, picture_file=picture_file, is_icon_name=is_icon_name)
    _name_older_form(pages, problems, Path(os.path.relpath(config.config_file_path or "mkdocs.yml", root)).as_posix())
    return plan, problems


def _name_older_form(pages: list[RawPage], problems: Problems, config_name: str) -> None:
    """When pages with problems are written in an older form of the content, one more problem says so
    and names ./scripts/migrate (core/upgrade.py)."""
    troubled = {p.path for p in problems.items}
    sources = read_sources([page for page in pages if page.path in troubled], Problems())
    found = upgrade.old_form_problem(config_name, {s.path: upgrade.old_forms(s.data) for s in sources},
                                     errors=any(p.path in {s.path for s in sources} for p in problems.errors))
    if found is not None:
        problems.items.append(found)


def required_date(value: dt.date | None, name: str = "as_at") -> dt.date:
    """A date setting that must be given (config.py PlainDate has checked its form)."""
    if value is None:
        raise PluginError(f"plan-progress: '{name}' is missing in mkdocs.yml; give the date the progress data "
                          f"is as at, written YYYY-MM-DD (for example {name}: 2022-03-08)")
    return value


def body_checker(config: MkDocsConfig):
    """``check(source, problems)``: a page's Markdown body, rendered with the site's Markdown extensions,
    checked against the allow-list of page markup and for hidden controls (core/sanitise.py)."""
    import markdown

    checker = sanitise.BodyChecker(lambda: markdown.Markdown(extensions=config.markdown_extensions,
                                                             extension_configs=config.mdx_configs or {}))
    return lambda source, problems: checker.check(source.path, source.body, source.body_line, problems)


ICON_NAME = re.compile(r"[A-Za-z0-9-]+/[A-Za-z0-9-]+")  # set/name: letters, digits and dashes only


def icon_problems(names, theme_dirs: tuple[str, ...]) -> list[str]:
    """Why each icon name cannot be used: not ``set/name`` of letters, digits and dashes, or not in
    the theme's icon sets (nor the site's overrides/.icons); with the closest names there are."""
    import difflib

    found = []
    finder = icon_finder(theme_dirs)
    for name in dict.fromkeys(names):
        path = finder(name)
        if path is not None:
            # its markup is put into every badge of the status: it may only draw
            found += [f"icon '{name}' ({path}) {message}"
                      for _line, message in published_files.svg_problems(Path(path).read_bytes())]
            continue
        close = difflib.get_close_matches(str(name).lower(), _icon_names(theme_dirs), n=3, cutoff=0.6)
        hint = (f"; the closest icons are {', '.join(close)}" if close
                else "; pick an icon such as material/check-circle")
        if not isinstance(name, str) or not ICON_NAME.fullmatch(name):
            found.append(f"icon '{name}' is not an icon name: write set/name with letters, digits and dashes only "
                         f"(for example material/check-circle){hint}")
        else:
            found.append(f"icon '{name}' is not in the theme's icon sets (nor in overrides/.icons){hint}")
    return found


@lru_cache(maxsize=None)
def _icon_names(theme_dirs: tuple[str, ...]) -> list[str]:
    """Every icon's name (set/name) in the theme's icon sets: read only to suggest a close one."""
    names = set()
    for folder in theme_dirs:
        icons = Path(folder, ".icons")
        for path in icons.glob("*/*.svg"):
            names.add(f"{path.parent.name}/{path.stem}")
    return sorted(names)


def icon_reader(theme_dirs: tuple[str, ...]):
    """name -> the markup of the theme's icon of that name (read once); an unknown name stops the build."""
    find = icon_finder(theme_dirs)

    @lru_cache(maxsize=None)
    def read(name: str) -> str:
        path = find(name)
        if path is None:
            raise PluginError(f"plan-progress: there is no icon called '{name}' in the theme's icon sets")
        return Path(path).read_text(encoding="utf-8").strip()

    return read


def url_finder(files: Files):
    """uri -> the address MkDocs gives that file (every link on every page asks: the answers are kept)."""
    urls: dict[str, str] = {}

    def url_of(uri: str) -> str:
        url = urls.get(uri)
        if url is None:
            file = files.get_file_from_path(uri)
            if file is None:
                raise PluginError(f"plan-progress: {uri} is not a file of the site, so it has no address")
            url = urls[uri] = file.url
        return url

    return url_of


def shipped_asset(name: str) -> str:
    """The text of one of the plugin's own assets (its stylesheets and script)."""
    from importlib import resources

    return (resources.files("plan_progress") / "assets" / name).read_text(encoding="utf-8")


def check_files(files: Files, config: MkDocsConfig, templates: Path) -> None:
    """Refuse a site whose folders link to files outside them (before anything is read or copied: a link
    could publish any file the build can read), and drop the plugin's own templates from the files:
    MkDocs copies every file of the theme's folders that is not HTML (the Atom feed's template), and
    they are not pages of the site."""
    root = Path(config.config_file_path or ".").resolve().parent
    linked = linked_files([config.docs_dir, config.theme.custom_dir], root,
                          [file.abs_src_path for file in files if file.abs_src_path])
    if linked:
        raise PluginError(str(ContentError(linked)))
    ours = str(templates) + os.sep
    for file in [f for f in files if f.abs_src_path and f.abs_src_path.startswith(ours)]:
        files.remove(file)


@lru_cache(maxsize=None)
def icon_finder(theme_dirs: tuple[str, ...]):
    """A lookup from an icon's name ("material/check") to its SVG file in the theme's folders; None
    for a name that is not ``set/name`` of letters, digits and dashes (no path can reach outside)."""
    @lru_cache(maxsize=None)
    def find(name: str) -> str | None:
        if not isinstance(name, str) or not ICON_NAME.fullmatch(name):
            return None
        for folder in theme_dirs:
            candidate = Path(folder, ".icons", f"{name}.svg")
            if candidate.is_file():
                return str(candidate)
        return None

    return find


def _picture_finder(docs_dir: str, pictures_dir: str):
    """name -> the easy-read picture's path in the site ("assets/pictures/openmoji/1F4C5.svg"), or None.
    A picture the plugin ships (``SHIPPED_PICTURES``) counts too: the plugin adds its file to the site."""
    folder = Path(docs_dir, pictures_dir)

    @lru_cache(maxsize=None)
    def find(name: str) -> str | None:
        file = name if Path(name).suffix else f"{name}.svg"
        if ".." in Path(file).parts or not ((folder / file).is_file() or (SHIPPED_PICTURES / file).is_file()):
            return None
        return posixpath.join(pictures_dir.strip("/"), file)

    return find


@lru_cache(maxsize=None)
def _icon_name_finder(theme_dirs: tuple[str, ...], docs_dir: str, pictures_dir: str):
    """slug -> whether any icon set of the theme, or the pictures folder, has a file of that name."""
    folders = [Path(folder, ".icons") for folder in theme_dirs] + [Path(docs_dir, pictures_dir)]
    names: set[str] = set()  # the file names without extension, up to two folders down: read once
    for folder in folders:
        for top, subfolders, files in os.walk(folder):
            if len(Path(top).relative_to(folder).parts) >= 2:
                subfolders.clear()
            names.update(Path(file).stem for file in files)

    def is_icon(slug: str) -> bool:
        return bool(slug) and slug in names

    return is_icon

"""What every command shares: find mkdocs.yml, load it the way ``mkdocs build --strict`` does, and
read the content through ``reading.read_plan``, the one path that reads and checks pages (the
build uses it too). The commands never import the plugin or run its events.

Nothing here prints a traceback for a problem a person can fix: such problems become ``Stop``,
whose message says what is wrong and what to do.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs 1.6 otherwise prints a notice on import

from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort, MkDocsException  # noqa: E402
from mkdocs.structure.files import Files, get_files  # noqa: E402

from ..config import PlanProgressConfig  # noqa: E402
from ..core.files import linked_files  # noqa: E402
from ..core.model import Plan  # noqa: E402
from ..core.problems import Problems  # noqa: E402
from ..core.safe_text import log_lines  # noqa: E402
from ..core.words import Words  # noqa: E402
from ..reading import PLUGIN_NAME, PlanSettings, check_settings, plan_settings, read_plan  # noqa: E402

# Exit statuses shared by every command.
OK = 0
PROBLEMS = 1  # the content (or the change asked for) has problems
CANNOT_RUN = 2  # the command could not run: bad arguments, or mkdocs.yml cannot be used


class Stop(Exception):
    """The command cannot go on. ``message`` says why in plain words; ``file`` is where to look."""

    def __init__(self, message: str, file: str | None = None, code: int = CANNOT_RUN):
        super().__init__(message)
        self.message = message
        self.file = file
        self.code = code


class _Collect(logging.Handler):
    """Keeps what MkDocs logs while loading, so it can be shown as part of one clear message."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def find_config(given: str | None) -> Path:
    """The mkdocs.yml to use: the one given, else the nearest one in this folder or a parent."""
    if given:
        path = Path(given)
        if not path.is_file():
            raise Stop(f"there is no settings file at {given}")
        return path.resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        candidate = folder / "mkdocs.yml"
        if candidate.is_file():
            return candidate
    raise Stop("there is no mkdocs.yml in this folder or any folder above it; run the command from the "
               "repository's folder, or give the settings file with --config-file")


@dataclass
class Project:
    """A site's settings, loaded and checked, ready to read content."""

    config_file: Path
    config: MkDocsConfig
    settings: PlanSettings  # the plan's scale, "as at" date and easy-read rules
    options: PlanProgressConfig  # the plugin's settings as written in mkdocs.yml, validated

    @property
    def plugin(self) -> PlanSettings:
        """What ``project.plugin.scale`` read before the settings had a module of their own."""
        return self.settings

    @property
    def words(self) -> Words:
        """The site's words (its ``words:`` over the English list, checked with the settings), as the build
        uses them."""
        return Words.load(self.options.words, plan_name=self.options.plan_name, site_name=self.config.site_name or "")

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def config_name(self) -> str:
        return _display(self.config_file)

    def read(self) -> tuple[Files, Plan, Problems]:
        """Read and check every page, exactly as the build does. Content problems are returned, not raised."""
        files = get_files(self.config)
        try:
            plan, problems = read_plan(files, self.config, self.settings)
        except MkDocsException as exc:
            raise Stop(exc.format_message(), self.config_name) from None
        # The build refuses files that are symbolic links or lie outside the content folder: so do we.
        problems.items.extend(linked_files([self.config.docs_dir, self.config.theme.custom_dir], self.root,
                                           [file.abs_src_path for file in files if file.abs_src_path]))
        return files, plan, problems


def open_project(config_file: Path) -> Project:
    """Load mkdocs.yml as ``mkdocs build --strict`` would and check the plugin's settings as the
    build does (``reading.plan_settings``)."""
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    name = _display(config_file)
    try:
        try:
            config = load_config(str(config_file), strict=True)
        except Abort:  # MkDocs logged each bad setting (collected) and then says only that it stopped
            raise Stop("\n".join(collect.messages) or f"{name} cannot be used", name) from None
        except MkDocsException as exc:
            raise Stop(_join(collect.messages, exc.format_message()), name) from None
        except OSError as exc:
            raise Stop(f"{name} cannot be read: {exc.strerror}", name) from None
        plugin = config.plugins.get(PLUGIN_NAME)
        if plugin is None:
            raise Stop(f"{name} does not use the {PLUGIN_NAME} plugin; add it under 'plugins:'", name)
        if not plugin.config.enabled:
            raise Stop(f"the {PLUGIN_NAME} plugin is turned off in {name} (enabled: false)", name)
        try:
            settings = plan_settings(plugin.config)
            check_settings(config, plugin.config)
        except MkDocsException as exc:
            raise Stop(_join(collect.messages, exc.format_message()), name) from None
    finally:
        logger.removeHandler(collect)
    for message in collect.messages:
        print(log_lines(f"{name}: {message}"), file=sys.stderr)
    return Project(config_file=config_file, config=config, settings=settings, options=plugin.config)


def _join(logged: list[str], final: str) -> str:
    return "\n".join([*logged, final]) if logged else final


def _display(path: Path) -> str:
    """A path as short as possible for people: relative to the current folder when inside it."""
    try:
        return Path(os.path.relpath(path)).as_posix() if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:  # another drive on Windows
        return str(path)

"""Which files of the content folder are published: only those of a safe type, and no SVG with script.

Every file in the content folder is copied into the site as it is, at an address of the site's own:
a ``.html`` page or a ``.js`` file there would run in the site's origin, outside every check of
pages. So a file is published only when its type is on ``FILE_TYPES`` (Markdown, pictures, PDF,
CSV, plain text; a site adds types with ``publish_file_types`` in mkdocs.yml, but never one that a
browser runs: ``NEVER``). A picture must be what its name says (a ``.png`` that is a web page is
refused), and an SVG, which is a document of its own that can hold script, may hold nothing that
runs or reaches outside it: no ``<script>``, no event attribute (``onload=``), no
``<foreignObject>``, no animation that changes a link, no link to anything but a part of itself, no
XML entities or style sheets.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .problems import Problem
from .safe_text import invisible

_NAME_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")

MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
FILE_TYPES = frozenset(MARKDOWN + PICTURES + (".pdf", ".csv", ".txt"))
# Types a browser runs or reads as a page, script or style: never published from the content folder,
# whatever the settings say.
NEVER = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml", ".shtm", ".js", ".mjs", ".cjs", ".css", ".xml",
                   ".xsl", ".xslt", ".svgz", ".php", ".phtml", ".asp", ".aspx", ".jsp", ".cgi", ".pl", ".py",
                   ".wasm", ".swf", ".mht", ".mhtml", ".hta", ".vbs", ".appcache", ".manifest", ".webmanifest",
                   ".json", ".jsonld", ".map", ".htaccess", ".rdf", ".atom", ".rss", ".xul", ".jar", ".exe"})
# What a picture file begins with.
_MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
          ".gif": (b"GIF87a", b"GIF89a"), ".pdf": (b"%PDF-",)}
_INSTEAD = {
    "page": "write the page in Markdown (a .md file) instead: the build turns it into a page of the site",
    "script": "the site works without JavaScript; put what the script shows in a Markdown page instead",
    "other": ("publish it as one of the allowed types ({allowed}), or, if it is safe, add its type to "
              "publish_file_types under plugins: plan-progress: in mkdocs.yml"),
}
_PAGES = {".html", ".htm", ".xhtml", ".xht", ".shtml", ".shtm", ".php", ".phtml", ".asp", ".aspx", ".jsp", ".mht",
          ".mhtml", ".hta"}
_SCRIPTS = {".js", ".mjs", ".cjs", ".wasm", ".vbs", ".swf"}


def file_type(name: str) -> str:
    """A file's type as its name says, in lower case: "Report.PDF" -> ".pdf"; "" for none ("README", ".env")."""
    base = name.rsplit("/", 1)[-1]
    stem, dot, extension = base.rpartition(".")
    return "." + extension.lower() if dot and stem else ""


def setting_problems(extra_types) -> list[str]:
    """Problems with ``publish_file_types`` in mkdocs.yml: each entry a type like ".docx", none a type browsers run."""
    problems = []
    for entry in extra_types or []:
        written = str(entry)
        value = written.lower() if written.startswith(".") else "." + written.lower()
        if not re.fullmatch(r"\.[a-z0-9]+", value):
            problems.append(f"publish_file_types: '{written}' is not a file type; write it like .docx")
        elif value in NEVER:
            problems.append(f"publish_file_types: {value} files can run in a reader's browser, so the content "
                            "folder never publishes them; remove it from the list")
    return problems


def allowed_types(extra_types) -> frozenset[str]:
    return FILE_TYPES | {("" if str(t).startswith(".") else ".") + str(t).lower() for t in extra_types or []}


def problems(docs_dir: str, paths, extra_types=(), root: str | os.PathLike = ".") -> list[Problem]:
    """A problem for every file (``paths``: absolute paths MkDocs collected) in the content folder
    ``docs_dir`` that may not be published. Files elsewhere (the theme's, the plugin's) are not checked."""
    top = Path(os.path.abspath(docs_dir))
    allowed = allowed_types(extra_types) - NEVER
    found = []
    folders: dict[str, bool] = {}

    def linked(folder: str) -> bool:
        """Whether a folder inside ``top`` is, or lies in, a symbolic link (each folder asked once)."""
        if folder not in folders:
            here = Path(folder)
            folders[folder] = here != top and (here.is_symlink() or linked(str(here.parent)))
        return folders[folder]
    for raw in paths:
        path = Path(os.path.abspath(raw))
        if top not in path.parents:
            continue
        if path.is_symlink() or linked(str(path.parent)):
            continue  # a symbolic link, or inside one: core/files.py refuses it, and it is never read here
        name = path.relative_to(top).as_posix()
        shown = _show(path, root)
        hidden = invisible(name)
        if _NAME_CONTROL.search(name) or hidden:
            what = hidden[1] if hidden else "a line break or another control character"
            found.append(Problem(shown, None, None, f"has a name holding {what}, which would make it show as "
                                                    "something it is not; rename the file"))
            continue
        kind = file_type(path.name)
        if kind not in allowed:
            found.append(Problem(shown, None, None, _refusal(kind, allowed)))
            continue
        if kind in MARKDOWN:
            continue
        try:
            head = path.read_bytes()
        except OSError as exc:
            found.append(Problem(shown, None, None, f"cannot be read ({exc.strerror})"))
            continue
        if kind == ".svg":
            found += [Problem(shown, line, None, message) for line, message in svg_problems(head)]
        elif kind in _MAGIC and not head.startswith(_MAGIC[kind]):
            found.append(Problem(shown, None, None, f"is not a {kind[1:].upper()} file, whatever its name says; "
                                                    f"save it again as {kind[1:].upper()}"))
        elif kind == ".webp" and not (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
            found.append(Problem(shown, None, None, "is not a WEBP picture, whatever its name says"))
        elif kind in (".csv", ".txt") and _looks_like_markup(head):
            found.append(Problem(shown, None, None, f"holds web-page markup (<html>, <script> or <svg>); a {kind} "
                                                    "file is plain text: remove the markup"))
    return sorted(found)


def _refusal(kind: str, allowed) -> str:
    shown = ", ".join(sorted(allowed))
    if not kind:
        return (f"has no file type in its name, so it cannot be published (browsers would guess what it is); "
                f"give it one of the allowed types ({shown}) or move it out of the content folder")
    reason = "page" if kind in _PAGES else "script" if kind in _SCRIPTS else "other"
    return f"is a {kind} file, which the site does not publish; {_INSTEAD[reason].format(allowed=shown)}"


_MARKUP = re.compile(rb"<\s*(html|script|svg|body|iframe|meta)\b", re.IGNORECASE)


def _looks_like_markup(data: bytes) -> bool:
    return bool(_MARKUP.search(data[:65536]))


# -- SVG ------------------------------------------------------------------------------------------

_TAG = re.compile(r"<\s*([^\s/>!?][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>?", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s=/"'>]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_ELEMENTS = {"script": "a script", "foreignobject": "a <foreignObject> (a web page inside the picture)",
             "iframe": "an <iframe>", "embed": "an <embed>", "object": "an <object>", "handler": "a script handler",
             "listener": "an event listener", "animate": "an animation (it can change a link into script)",
             "set": "an animation (it can change a link into script)",
             "animatemotion": "an animation", "animatetransform": "an animation", "discard": "an animation",
             "style": "a style sheet (it can load other files)", "image": "a picture from another file",
             "feimage": "a picture from another file", "use": None, "a": None}
_LINKS = {"href", "src", "action", "formaction", "data", "codebase"}


def svg_problems(data: bytes) -> list[tuple[int | None, str]]:
    """(line, what is wrong) for everything in an SVG file that can run or reach outside it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [(None, "is not UTF-8 text, so it cannot be checked; save the picture again as a plain SVG")]
    found: list[tuple[int | None, str]] = []

    def add(at: int, what: str) -> None:
        found.append((text.count("\n", 0, at) + 1, f"holds {what}, which can run or reach outside the picture; "
                                                   "remove it (a picture may only draw), or save it again as a "
                                                   "plain SVG"))

    for match in re.finditer(r"<!\s*(DOCTYPE|ENTITY)|<\?\s*xml-stylesheet|<!\[CDATA\[", text, re.IGNORECASE):
        add(match.start(), "XML declarations (<!DOCTYPE, <!ENTITY, a style sheet or CDATA)")
    for tag in _TAG.finditer(text):
        name = tag.group(1).split(":")[-1].lower()
        what = _ELEMENTS.get(name)
        if what:
            add(tag.start(), what)
        for attribute in _ATTRIBUTE.finditer(tag.group(2) or ""):
            local = attribute.group(1).split(":")[-1].lower()
            value = (attribute.group(2) or "").strip("\"'")
            if local.startswith("on"):
                add(tag.start(), f"the event attribute {attribute.group(1)}= (script)")
            elif local in _LINKS and not value.strip().startswith("#"):
                add(tag.start(), f"a link to something outside it ({attribute.group(1)}=\"{value[:60]}\")")
            elif local == "style" or "url(" in value.lower().replace(" ", ""):
                if re.search(r"url\s*\(\s*['\"]?\s*[^#'\"\s)]", value, re.IGNORECASE) or "@import" in value.lower() \
                        or "expression" in value.lower():
                    add(tag.start(), f"a style that loads another file ({attribute.group(1)}=\"{value[:60]}\")")
    return found


def _show(path: Path, root) -> str:
    relative = os.path.relpath(path, os.path.abspath(root))
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()

"""The theme's brand colours, measured: mkdocs-material's named ``palette.primary`` and ``palette.accent``
against the text and background they are drawn with, refused under WCAG 2 AA.

The colours are read from the theme's own stylesheets (passed in as text), so the check measures what
the installed theme draws, not a copy of its table. Three pairs are measured, each as the theme uses it:

- the header: its text (``--md-primary-bg-color``) on the primary colour (``--md-primary-fg-color``);
- links in the text (``--md-typeset-a-color``, the primary colour) on the page background;
- the accent colour on the page background: the theme draws keyboard focus outlines with it, so it
  must reach 3:1 against what is next to it (WCAG 2.1 1.4.11, non-text contrast).

Text must reach 4.5:1 (WCAG 1.4.3). The theme also colours a link's text with the accent while it is
hovered or focused, where even its default accent, indigo (#526cfe), reaches only 4.26:1: holding the
accent to 4.5:1 would refuse the theme's own default, so that state is for the theme fixes' CSS to
answer (one rule for every accent), and the accent is held to 3:1 here.

Only the light scheme (``default``) is measured: the site offers no dark one. ``custom`` colours (set
by the site's own CSS) are not measured.
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .scale import MIN_CONTRAST, contrast

MIN_NON_TEXT_CONTRAST = 3.0  # WCAG 2.1 1.4.11: focus outlines and other parts of controls

RGB = tuple[float, float, float]
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_VAR = re.compile(r"var\((--[\w-]+)\)")
_NAMED = re.compile(r"^\[data-md-color-(primary|accent)=([a-z-]+)\]$")
_ROOT = {":root", "[data-md-color-scheme=default]"}
WHITE: RGB = (255.0, 255.0, 255.0)


@dataclass(frozen=True)
class Palette:
    """The custom properties of the light scheme, and those each named colour sets."""

    root: Mapping[str, str]
    primary: Mapping[str, Mapping[str, str]]
    accent: Mapping[str, Mapping[str, str]]

    @classmethod
    def from_css(cls, stylesheets: Iterable[str]) -> Palette:
        """Read the theme's stylesheets, later rules winning as in the browser.

        >>> p = Palette.from_css([":root{--md-hue:225deg}@media screen{[data-md-color-primary=teal],"
        ...                       "[data-md-color-primary=red]{--md-primary-fg-color:#009485}}"])
        >>> dict(p.root), sorted(p.primary), dict(p.primary["teal"])
        ({'--md-hue': '225deg'}, ['red', 'teal'], {'--md-primary-fg-color': '#009485'})
        """
        root: dict[str, str] = {}
        named: dict[str, dict[str, dict[str, str]]] = {"primary": {}, "accent": {}}
        for css in stylesheets:
            for match in _RULE.finditer(css):
                selector_text = match.group(1).rsplit(";", 1)[-1].strip()
                selectors = [s.strip() for s in selector_text.split(",")]
                declarations = _declarations(match.group(2))
                if not declarations:
                    continue
                for selector in selectors:
                    if selector in _ROOT:
                        root.update(declarations)
                    elif found := _NAMED.match(selector):
                        named[found.group(1)].setdefault(found.group(2), {}).update(declarations)
        return cls(root, named["primary"], named["accent"])

    def colours(self, primary: str | None, accent: str | None) -> dict[str, str]:
        """The light scheme's properties with the named colours applied, ``var()`` resolved."""
        values = dict(self.root)
        values.update(self.primary.get(primary or "", {}))
        values.update(self.accent.get(accent or "", {}))
        return {name: _resolve(value, values) for name, value in values.items()}


def _declarations(block: str) -> dict[str, str]:
    out = {}
    for part in block.split(";"):
        name, colon, value = part.partition(":")
        if colon and name.strip().startswith("--md-"):
            out[name.strip()] = value.strip()
    return out


def _resolve(value: str, values: Mapping[str, str], depth: int = 0) -> str:
    if depth > 10:
        return value
    return _VAR.sub(lambda m: _resolve(values.get(m.group(1), m.group(0)), values, depth + 1), value)


def rgba(value: str) -> tuple[RGB, float]:
    """A CSS colour as the theme writes it: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(a)() or hsl(a)().

    >>> rgba("#000000de")
    ((0.0, 0.0, 0.0), 0.8705882352941177)
    >>> rgba("hsla(225deg, 0%, 100%, 1)")
    ((255.0, 255.0, 255.0), 1.0)
    >>> rgba("#fa0")
    ((255.0, 170.0, 0.0), 1.0)
    """
    text = value.strip().lower()
    if text.startswith("#"):
        digits = text[1:]
        if len(digits) in (3, 4):
            digits = "".join(d * 2 for d in digits)
        if len(digits) not in (6, 8) or not re.fullmatch(r"[0-9a-f]+", digits):
            raise ValueError(f"'{value}' is not a colour")
        channels = [int(digits[i:i + 2], 16) for i in range(0, len(digits), 2)]
        alpha = channels[3] / 255 if len(channels) == 4 else 1.0
        return (float(channels[0]), float(channels[1]), float(channels[2])), alpha
    match = re.fullmatch(r"(rgba?|hsla?)\((.*)\)", text)
    if not match:
        raise ValueError(f"'{value}' is not a colour")
    parts = [p for p in re.split(r"[\s,/]+", match.group(2).strip()) if p]
    if len(parts) not in (3, 4):
        raise ValueError(f"'{value}' is not a colour")
    alpha = _number(parts[3], 1.0) if len(parts) == 4 else 1.0
    if match.group(1).startswith("rgb"):
        r, g, b = (_number(p, 255.0) for p in parts[:3])
        return (r, g, b), alpha
    hue = float(re.sub(r"deg$", "", parts[0])) / 360
    saturation, lightness = _number(parts[1], 1.0), _number(parts[2], 1.0)
    r, g, b = colorsys.hls_to_rgb(hue % 1, lightness, saturation)
    return (round(r * 255, 6), round(g * 255, 6), round(b * 255, 6)), alpha


def _number(text: str, scale: float) -> float:
    """A CSS number or percentage; a percentage is of ``scale``."""
    return float(text[:-1]) / 100 * scale if text.endswith("%") else float(text)


def over(value: str, background: RGB) -> RGB:
    """The colour seen when ``value`` (maybe translucent) is drawn on ``background``."""
    (r, g, b), alpha = rgba(value)
    return (r * alpha + background[0] * (1 - alpha), g * alpha + background[1] * (1 - alpha),
            b * alpha + background[2] * (1 - alpha))


def hex_of(rgb: RGB) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


@dataclass(frozen=True)
class Pair:
    what: str  # where the theme draws it, in words
    setting: str  # palette.primary or palette.accent
    name: str  # the colour's name
    text: str  # #rrggbb as seen
    background: str
    minimum: float = MIN_CONTRAST

    @property
    def ratio(self) -> float:
        return contrast(self.text, self.background)


def pairs(palette: Palette, primary: str | None, accent: str | None) -> list[Pair]:
    """The three pairs the theme draws with these colours (see the module's docstring)."""
    values = palette.colours(primary, accent)
    page = over(values["--md-default-bg-color"], WHITE)
    header = over(values["--md-primary-fg-color"], page)
    header_text = over(values["--md-primary-bg-color"], header)
    link = over(values.get("--md-typeset-a-color", values["--md-primary-fg-color"]), page)
    hover = over(values["--md-accent-fg-color"], page)
    primary_name = primary or "indigo (the theme's default)"
    accent_name = accent or "indigo (the theme's default)"
    return [
        Pair("the header text", "palette.primary", primary_name, hex_of(header_text),
             hex_of(header)),
        Pair("links in the page text", "palette.primary", primary_name, hex_of(link), hex_of(page)),
        Pair("focus outlines on the page", "palette.accent", accent_name, hex_of(hover),
             hex_of(page), MIN_NON_TEXT_CONTRAST),
    ]


def check_palette(palette: Palette, primary: str | None, accent: str | None) -> list[str]:
    """Every reason the theme's colours cannot be used, as sentences for the config error.

    >>> css = (":root{--md-primary-fg-color:#4051b5;--md-primary-bg-color:#fff;--md-accent-fg-color:#7c4dff;"
    ...        "--md-default-bg-color:#fff;--md-typeset-a-color:var(--md-primary-fg-color)}"
    ...        "[data-md-color-primary=teal]{--md-primary-fg-color:#009485}"
    ...        "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}")
    >>> check_palette(Palette.from_css([css]), "indigo", None)
    []
    >>> for part in check_palette(Palette.from_css([css]), "teal", None)[0].split("; "):
    ...     print(part)
    palette.primary 'teal': the header text (#ffffff on #009485) has a contrast of 3.77:1
    it must be at least 4.5:1 (WCAG 2 AA). Colours that pass: indigo
    """
    problems: list[str] = []
    for setting, name, known in (("palette.primary", primary, palette.primary),
                                 ("palette.accent", accent, palette.accent)):
        if name not in (None, "custom") and name not in known:
            problems.append(f"{setting} '{name}' is not one of the theme's colours: "
                            f"{', '.join(sorted(known))} (or custom, set by your own CSS)")
    if problems:
        return problems
    for pair in pairs(palette, primary, accent):
        if (pair.setting == "palette.primary" and primary == "custom") or \
                (pair.setting == "palette.accent" and accent == "custom"):
            continue
        if pair.ratio < pair.minimum:
            names = passing(palette, pair.setting, primary, accent)
            advice = (f"Colours that pass: {', '.join(names)}" if names
                      else "No named colour passes: set your own with custom and a stylesheet")
            problems.append(f"{pair.setting} '{pair.name}': {pair.what} ({pair.text} on {pair.background}) has "
                            f"a contrast of {pair.ratio:.2f}:1; it must be at least {pair.minimum:g}:1 "
                            f"(WCAG 2 AA). {advice}")
    return problems


def passing(palette: Palette, setting: str, primary: str | None, accent: str | None) -> list[str]:
    """The theme's named colours for ``setting`` that pass every pair they colour."""
    out = []
    if setting == "palette.primary":
        for name in sorted(palette.primary):
            if all(p.ratio >= p.minimum for p in pairs(palette, name, accent) if p.setting == setting):
                out.append(name)
    else:
        for name in sorted(palette.accent):
            if all(p.ratio >= p.minimum for p in pairs(palette, primary, name) if p.setting == setting):
                out.append(name)
    return out


def theme_palettes(palette_setting) -> list[tuple[str | None, str | None]]:
    """(primary, accent) of each light palette in ``theme.palette`` (one mapping, or a list of them
    for a palette toggle); dark (``slate``) palettes are not measured.

    >>> theme_palettes({"primary": "teal"}), theme_palettes([{"scheme": "slate", "primary": "red"}])
    ([('teal', None)], [])
    """
    entries = palette_setting if isinstance(palette_setting, list) else [palette_setting or {}]
    out = []
    for entry in entries:
        if not isinstance(entry, Mapping) or entry.get("scheme", "default") != "default":
            continue
        primary, accent = entry.get("primary"), entry.get("accent")
        out.append((str(primary).lower().replace(" ", "-") if primary else None,
                    str(accent).lower().replace(" ", "-") if accent else None))
    return out


@lru_cache(maxsize=None)
def material_palette(theme_dirs: tuple[str, ...]) -> Palette | None:
    """The colours mkdocs-material's stylesheets define (the first theme folder that has them)."""
    for folder in theme_dirs:
        sheets = Path(folder, "assets", "stylesheets")
        found = sorted(sheets.glob("main.*.min.css")) + sorted(sheets.glob("palette.*.min.css"))
        if found:
            return Palette.from_css(path.read_text(encoding="utf-8") for path in found)
    return None


def theme_colour_problems(theme_dirs: tuple[str, ...], palette_setting) -> list[str]:
    """Every reason mkdocs-material's named primary or accent colour (``theme.palette``) fails: where
    the theme would draw with it under WCAG AA contrast, measured from the installed theme's own
    stylesheets (none when they are not found)."""
    palette = material_palette(theme_dirs)
    if palette is None:
        return []
    problems = [p for primary, accent in theme_palettes(palette_setting)
                for p in check_palette(palette, primary, accent)]
    return list(dict.fromkeys(problems))

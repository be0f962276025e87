"""The stylesheet for badges, counts, bars and tables, with the scale's colours filled in."""

from __future__ import annotations

from importlib import resources

from .scale import Status


def stylesheet(scale: tuple[Status, ...]) -> str:
    base = resources.files("plan_progress").joinpath("assets/plan-progress.css").read_text(encoding="utf-8")
    rules = [f".{s.css_class}{{color:{s.text_colour};background-color:{s.background}}}" for s in scale]
    return base + "\n/* Status colours, from the configured scale */\n" + "\n".join(rules) + "\n"

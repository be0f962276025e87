"""Build one MkDocs project in this process and say where the time went, as JSON.

    python bench/build_once.py mkdocs.yml SITE_DIR --json out.json [--strict] [--cprofile out.prof]

The build is MkDocs' own ``build(load_config(...))``, as ``mkdocs build`` runs it. Before the
configuration is loaded, every event handler of the plan-progress plugin
(``PlanProgressPlugin.on_*``) is wrapped in a timer, so the JSON says how long our plugin's
own work took (reading and validating front-matter, the model, badges, tables and generated
pages, jargon explanations, page context) beside the whole build. ``on_page_markdown`` returns
Markdown that MkDocs then converts: that conversion happens after the handler returns and is
counted as MkDocs' work, not ours.

With ``--cprofile`` the build runs under cProfile, and the JSON also holds the cumulative time
of each handler and of the plugin's costliest functions as the profiler saw them, and the
build's costliest functions overall (the profiler slows Python down about twofold, evenly
enough for shares, not for absolute times).
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

HANDLER_PREFIX = "on_"

# Time spent in Python's cyclic garbage collector. A collection runs whenever enough objects have
# been allocated, wherever that happens, and its cost grows with everything in memory (mostly
# MkDocs' pages), so a handler's time includes the collections that happened to start inside it.
GC = {"seconds": 0.0, "count": 0, "started": 0.0}


def _gc_callback(phase, info):
    if phase == "start":
        GC["started"] = time.perf_counter()
    else:
        GC["seconds"] += time.perf_counter() - GC["started"]
        GC["count"] += 1


def instrument():
    """Wrap every ``on_*`` method of the plugin class in a timer; returns (seconds, calls) dicts."""
    from plan_progress.plugin import PlanProgressPlugin

    seconds: dict[str, float] = defaultdict(float)
    gc_seconds: dict[str, float] = defaultdict(float)  # collections that ran inside the handler
    cpu: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    for name, method in list(vars(PlanProgressPlugin).items()):
        if not name.startswith(HANDLER_PREFIX) or not callable(method):
            continue

        def make(name, method):
            @functools.wraps(method)  # keeps mkdocs_priority from @event_priority
            def timed(*args, **kwargs):
                start, start_cpu, start_gc = time.perf_counter(), time.process_time(), GC["seconds"]
                try:
                    return method(*args, **kwargs)
                finally:
                    seconds[name] += time.perf_counter() - start
                    gc_seconds[name] += GC["seconds"] - start_gc
                    cpu[name] += time.process_time() - start_cpu
                    calls[name] += 1
            return timed

        setattr(PlanProgressPlugin, name, make(name, method))
    return seconds, cpu, gc_seconds, calls


def dump_markdown(folder: Path):
    """Save the Markdown each page has after our plugin's ``on_page_markdown`` (with the title and
    template the plugin set), so the same pages can be built again with the plugin switched off.
    A template of the plugin's own (the easy-read pages' ``easy-read.html``) is left out: with the
    plugin off the theme has no such template, and builds the page with its own main.html."""
    from plan_progress.plugin import PlanProgressPlugin
    import material
    import yaml

    theme_templates = Path(material.__file__).resolve().parent / "templates"

    method = PlanProgressPlugin.on_page_markdown

    @functools.wraps(method)
    def saving(self, markdown, *, page, config, files):
        result = method(self, markdown, page=page, config=config, files=files)
        text = markdown if result is None else result
        meta = {k: page.meta[k] for k in ("title", "template") if k in page.meta}
        if "template" in meta and not (theme_templates / meta["template"]).is_file():
            del meta["template"]
        target = folder / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n" if meta else ""
        target.write_text(front + text, encoding="utf-8")
        return result

    PlanProgressPlugin.on_page_markdown = saving


def _label(func) -> str:
    filename, line, name = func
    path = Path(filename)
    parts = path.parts
    if "site-packages" in parts:
        short = "/".join(parts[parts.index("site-packages") + 1:])
    elif "plan_progress" in parts:
        short = "/".join(parts[parts.index("plan_progress"):])
    else:
        short = path.name
    return f"{short}:{line}({name})"


def profile_summary(profiler, top: int = 25) -> dict:
    import pstats

    stats = pstats.Stats(profiler)
    total = stats.total_tt
    handlers: dict[str, float] = {}
    plugin_funcs = []
    overall = []
    for func, (cc, nc, tt, ct, callers) in stats.stats.items():
        filename, line, name = func
        in_plugin = "plan_progress" in Path(filename).parts
        if in_plugin and filename.endswith("plugin.py") and name.startswith(HANDLER_PREFIX):
            handlers[name] = handlers.get(name, 0.0) + ct
        if in_plugin:
            plugin_funcs.append((ct, tt, nc, _label(func)))
        overall.append((tt, ct, nc, _label(func)))
    plugin_funcs.sort(reverse=True)
    overall.sort(reverse=True)
    return {
        "profiled_total_seconds": total,
        "handler_cumulative_seconds": handlers,
        "plugin_cumulative_seconds": sum(handlers.values()),
        "plugin_share_profiled": sum(handlers.values()) / total if total else None,
        "top_plugin_cumulative": [{"cumulative": ct, "own": tt, "calls": nc, "function": label}
                                  for ct, tt, nc, label in plugin_funcs[:top]],
        "top_overall_own": [{"own": tt, "cumulative": ct, "calls": nc, "function": label}
                            for tt, ct, nc, label in overall[:top]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--cprofile", type=Path, help="also write the raw profile here (pstats format)")
    parser.add_argument("--dump-markdown", type=Path, help="save each page's Markdown as our plugin left it here")
    args = parser.parse_args()

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    import_start = time.perf_counter()
    seconds, cpu, gc_seconds, calls = instrument()
    import gc

    gc.callbacks.append(_gc_callback)
    if args.dump_markdown:
        dump_markdown(args.dump_markdown)  # around the timers: saving is not the plugin's work
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    imports = time.perf_counter() - import_start

    profiler = None
    if args.cprofile:
        import cProfile

        profiler = cProfile.Profile()
    start, start_cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    config = load_config(config_file=str(args.config), site_dir=str(args.site_dir), strict=args.strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    if profiler:
        profiler.disable()
    build_seconds = time.perf_counter() - start
    build_cpu = time.process_time() - start_cpu
    plugin_seconds = sum(seconds.values())
    result = {
        "config": str(args.config),
        "build_seconds": build_seconds,
        "import_seconds": imports,
        "handler_seconds": dict(seconds),
        "handler_calls": dict(calls),
        "plugin_seconds": plugin_seconds,
        "plugin_share": plugin_seconds / build_seconds if build_seconds else None,
        # The same in CPU time of this process, which other processes on a busy machine disturb less.
        "build_cpu_seconds": build_cpu,
        "handler_cpu_seconds": dict(cpu),
        "plugin_cpu_seconds": sum(cpu.values()),
        "gc_seconds": GC["seconds"],
        "gc_collections": GC["count"],
        "handler_gc_seconds": dict(gc_seconds),
        "plugin_gc_seconds": sum(gc_seconds.values()),
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    if profiler:
        profiler.dump_stats(str(args.cprofile))
        result["profile"] = profile_summary(profiler)
    args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

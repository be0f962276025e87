"""The performance benchmark (issue 9): synthetic plans of 100, 1,000 and 10,000 actions, each
built with our plugin and, in the same run, the same Markdown with the plugin switched off.

    .venv/bin/python bench/run.py                          # 100 and 1,000 actions, 3 runs each
    .venv/bin/python bench/run.py --sizes 10000 --repeats 1
    .venv/bin/python bench/run.py --profile-sizes 1000,10000   # also one cProfile'd build per size
    .venv/bin/python bench/run.py --real --phone --a11y     # the real site: build time, first-visit
                                                           # download of an action page, pa11y time
    .venv/bin/python bench/run.py --report                 # print the tables from saved results
    .venv/bin/python bench/run.py --shape newsite --sizes 2000 --repeats 1 --modes on,pre --label newsite
                                                           # 2,000 actions in 8 parts, 30 topics of 12
                                                           # items, new-site settings: ours against
                                                           # stock mkdocs-material (CPU, peak memory)

It is run on demand, not by the test suite (tests/test_bench_smoke.py runs a tiny version).
Projects and sites go to bench/out/ (not committed); each measurement is saved as JSON in
bench/out/results/<label>/ and the tables are printed (``--report`` prints every saved size).

What is measured, per size and per mode (plugin on / off), median of the repeats:
  wall time of ``build(load_config(...))`` in a fresh Python process (bench/build_once.py,
  the same work as ``mkdocs build``), time per HTML page, peak resident memory of that
  process, bytes of the site, HTML bytes of action 1.1's page (the same content at every
  size), search index bytes (raw and gzip -6); for plugin on, the time spent inside the
  plugin's own event handlers, measured by timers around them.
Before each build it waits (up to --max-wait seconds) for the 1-minute load to fall to
--max-load, and records the load: the machine may be shared.

Targets (issue 9): plugin's own work at most 10% of the build at 1,000 and 10,000 actions;
cost per action at 10,000 at most 1.25 times that at 1,000; action page HTML within 10%
between 1,000 and 10,000; the real site builds in under 5 s; a phone's first visit to an
action page at most 100 KB gzipped.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import socketserver
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import SAMPLE_ACTION, SHAPES, generate  # noqa: E402

OUT = HERE / "out"
PYTHON = sys.executable
GZIP_LEVEL = 6  # what a typical static host or nginx/Apache setup sends
CHROMIUM = "/usr/bin/chromium"


# -- the machine and the load ------------------------------------------------------------------

def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, AttributeError):
        pass
    versions = subprocess.run([PYTHON, "-c", "import mkdocs, material, markdown; from importlib.metadata import "
                               "version; print(version('mkdocs'), version('mkdocs-material'), version('markdown'))"],
                              capture_output=True, text=True).stdout.split()
    return {"cpu": cpu, "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
            "memory": mem, "os": platform.platform(terse=True), "python": platform.python_version(),
            "mkdocs": versions[0] if versions else "?", "material": versions[1] if len(versions) > 1 else "?",
            "markdown": versions[2] if len(versions) > 2 else "?"}


def source_revision(source: Path) -> str:
    marker = source / "SOURCE"  # a snapshot made for the benchmark says what it is
    if marker.exists():
        diff = subprocess.run(["git", "-C", str(source), "diff", "--stat", "HEAD"], capture_output=True, text=True).stdout
        return marker.read_text().strip() + (f"; changed: {diff.strip().splitlines()[-1]}" if diff.strip() else "")
    try:
        rev = subprocess.run(["git", "-C", str(source), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(source), "status", "--porcelain", "--", "plugins", "overrides",
                                "mkdocs.yml"], capture_output=True, text=True).stdout.strip()
        return rev + (" + uncommitted changes in plugins/overrides/mkdocs.yml" if dirty else "")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return str(source)


def load() -> float:
    return os.getloadavg()[0]


def wait_for_quiet(max_load: float, max_wait: float) -> float:
    waited = 0.0
    while load() > max_load and waited < max_wait:
        if waited == 0:
            print(f"  load {load():.2f} > {max_load}: waiting up to {max_wait:.0f} s ...", flush=True)
        time.sleep(10)
        waited += 10
    return load()


# -- one build ---------------------------------------------------------------------------------

def env_for(source: Path) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if source.resolve() != ROOT:
        env["PYTHONPATH"] = str(source / "plugins") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def build(project: Path, mode: str, source: Path, profile: Path | None = None, dump: Path | None = None) -> dict:
    """Build the project in a fresh process; return wall time, peak memory and the plugin's share.

    mode "on": the plugin on; "off": the same Markdown with the plugin off; "pre": the plugin off,
    building the Markdown the plugin produced (saved by a warm-up build in PROJECT-pre/)."""
    if mode == "pre":
        project = project.with_name(project.name + "-pre")
    config = project / ("mkdocs.yml" if mode == "on" else "mkdocs-off.yml")
    site = project / f"site-{mode}"
    report = project / f"build-{mode}.json"
    command = [PYTHON, str(HERE / "build_once.py"), str(config), str(site), "--json", str(report)]
    if mode == "on":
        command.append("--strict")  # the synthetic content must pass every check, as the real site does
    if profile:
        command += ["--cprofile", str(profile)]
    if dump:
        command += ["--dump-markdown", str(dump)]
    load_before = load()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=env_for(source), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.stderr.write(output.decode(errors="replace")[-5000:])
        raise SystemExit(f"build of {config} failed (exit {process.returncode})")
    inner = json.loads(report.read_text())
    return {"wall_seconds": wall, "build_seconds": inner["build_seconds"], "maxrss_mb": usage.ru_maxrss / 1024,
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "plugin_seconds": inner["plugin_seconds"], "handler_seconds": inner["handler_seconds"],
            "build_cpu_seconds": inner["build_cpu_seconds"], "plugin_cpu_seconds": inner["plugin_cpu_seconds"],
            "gc_seconds": inner["gc_seconds"], "plugin_gc_seconds": inner["plugin_gc_seconds"],
            "load_before": load_before, "load_after": load(), "profile": inner.get("profile")}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def site_metrics(site: Path, sample_url: str) -> dict:
    pages = 0
    total = 0
    for path in site.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            if path.suffix == ".html":
                pages += 1
    sample = (site / sample_url / "index.html").read_bytes()
    index_path = site / "search" / "search_index.json"
    index = index_path.read_bytes() if index_path.exists() else b""
    return {"html_pages": pages, "site_bytes": total, "action_page_bytes": len(sample),
            "action_page_gzip": gz(sample), "search_index_bytes": len(index), "search_index_gzip": gz(index)}


def median(values):
    return statistics.median(values) if values else None


def bench_size(actions: int, repeats: int, source: Path, label: str, args, out: Path = OUT,
               modes: tuple[str, ...] = ("on", "off", "pre"), shape: str = "real") -> dict:
    project = out / (f"plan-{actions}" if shape == "real" else f"plan-{actions}-{shape}")
    print(f"\n== {actions} actions ({shape}): generating {project} ...", flush=True)
    made = generate(actions, project, source, shape)
    pre = project.with_name(project.name + "-pre")
    if "pre" in modes:
        # Warm-up build (not counted): checks the content with --strict, warms the file cache, and
        # saves the Markdown our plugin produces for the "pre" mode.
        shutil.rmtree(pre, ignore_errors=True)
        (pre / "content").mkdir(parents=True)
        print("  warm-up build (plugin on, saving its Markdown) ...", flush=True)
        build(project, "on", source, dump=pre / "content")
        if (project / "content" / "assets").is_dir():
            shutil.copytree(project / "content" / "assets", pre / "content" / "assets")
        shutil.copy(project / "mkdocs-off.yml", pre / "mkdocs-off.yml")
    runs: dict[str, list] = {mode: [] for mode in modes}
    for repeat in range(repeats):
        for mode in modes:  # interleaved, so that a change in load hits each alike
            load_now = wait_for_quiet(args.max_load, args.max_wait)
            print(f"  run {repeat + 1}/{repeats} plugin {mode:3} (load {load_now:.2f}) ...", end=" ", flush=True)
            result = build(project, mode, source)
            print(f"{result['wall_seconds']:.1f} s, plugin {result['plugin_seconds']:.1f} s, "
                  f"{result['maxrss_mb']:.0f} MB", flush=True)
            runs[mode].append(result)
    summary = {"actions": made.actions, "areas": made.areas, "markdown_pages": made.markdown_pages, "shape": shape,
               "repeats": repeats, "sample_action": SAMPLE_ACTION, "sample_url": made.sample_action_url}
    for mode in modes:
        rs = runs[mode]
        summary[mode] = {
            "wall_seconds": median([r["wall_seconds"] for r in rs]),
            "wall_all": [round(r["wall_seconds"], 2) for r in rs],
            "build_seconds": median([r["build_seconds"] for r in rs]),
            "cpu_seconds": median([r["cpu_seconds"] for r in rs]),
            "cpu_all": [round(r["cpu_seconds"], 2) for r in rs],
            "maxrss_mb": median([r["maxrss_mb"] for r in rs]),
            "plugin_seconds": median([r["plugin_seconds"] for r in rs]),
            "plugin_share": median([r["plugin_seconds"] / r["build_seconds"] for r in rs]),
            "plugin_cpu_share": median([r["plugin_cpu_seconds"] / r["build_cpu_seconds"] for r in rs]),
            "gc_seconds": median([r["gc_seconds"] for r in rs]),
            "plugin_gc_seconds": median([r["plugin_gc_seconds"] for r in rs]),
            "handler_seconds": {k: median([r["handler_seconds"].get(k, 0.0) for r in rs])
                                for k in (rs[0]["handler_seconds"] if rs else {})},
            "load": [round(r["load_before"], 2) for r in rs],
            **site_metrics((pre if mode == "pre" else project) / f"site-{mode}", made.sample_action_url),
        }
    if actions in getattr(args, "profile_sizes", ()):
        wait_for_quiet(args.max_load, args.max_wait)
        print("  profiling (cProfile) ...", flush=True)
        prof = out / "results" / label / f"{actions}.prof"
        prof.parent.mkdir(parents=True, exist_ok=True)
        summary["profile"] = build(project, "on", source, profile=prof)["profile"]
    summary["measured_at"] = time.strftime("%Y-%m-%d %H:%M:%S")
    return summary


# -- the real site ---------------------------------------------------------------------------

def real_build(source: Path, repeats: int, args) -> dict:
    """Time ./scripts/build (strict, clean) of the real site into bench/out/real-site-LABEL."""
    site = OUT / f"real-site-{args.label}"
    times, loads = [], []
    for repeat in range(repeats):
        loads.append(round(wait_for_quiet(args.max_load, args.max_wait), 2))
        start = time.perf_counter()
        result = subprocess.run([str(source / "scripts" / "build"), "-q", "-d", str(site)], cwd=source,
                                env=env_for(source), capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
            raise SystemExit("the real site did not build")
        print(f"  real site build {repeat + 1}/{repeats}: {times[-1]:.2f} s (load {loads[-1]})", flush=True)
    pages = sum(1 for _ in site.rglob("*.html"))
    return {"wall_seconds": median(times), "wall_all": [round(t, 2) for t in times], "load": loads,
            "html_pages": pages, "site": str(site.relative_to(ROOT)), "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
            "validate": validate_time(source, repeats, args)}


def validate_time(source: Path, repeats: int, args) -> dict:
    """Time ./scripts/validate on the real content: wall time and the CPU its processes used (what an
    editor waits for; the tests only check that it passes)."""
    import resource

    walls, cpus = [], []
    for _ in range(repeats):
        wait_for_quiet(args.max_load, args.max_wait)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run([str(source / "scripts" / "validate")], cwd=source, env=env_for(source),
                                capture_output=True, text=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        if result.returncode != 0:
            raise SystemExit("./scripts/validate found problems in the real content:\n" + result.stdout[-3000:])
    return {"wall_seconds": median(walls), "cpu_seconds": median(cpus), "wall_all": [round(t, 2) for t in walls]}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _file_sizes(site: Path, urls: list[str]) -> list[dict]:
    out = []
    seen = set()
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https"):
            continue  # data: URLs are inside the CSS already counted
        clean = urllib.parse.unquote(parts.path)
        if clean in seen:
            continue
        seen.add(clean)
        file = site / clean.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            out.append({"path": clean, "bytes": 0, "gzip": 0, "missing": True})
            continue
        data = file.read_bytes()
        out.append({"path": clean, "bytes": len(data), "gzip": gz(data)})
    return out


def phone_visit(site: Path, page_url: str, word: str = "EHC") -> dict:
    """Load one page in headless Chromium with a phone-sized screen (bench/search_check.js, JavaScript
    on), from a local server; sum the gzip size of every file the page asked for while loading.
    Then use the search as a phone user would, and record what that fetched and how many results came."""
    handler = lambda *a, **kw: _Quiet(*a, directory=str(site), **kw)  # noqa: E731
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{port}/{page_url}"
        result = subprocess.run(["node", str(HERE / "search_check.js"), url, word], capture_output=True, text=True,
                                timeout=180, env={**os.environ, "CHROMIUM": CHROMIUM})
        server.shutdown()
    if result.returncode != 0:
        raise SystemExit(f"search_check.js failed: {result.stderr[-2000:]}")
    seen = json.loads(result.stdout)
    requests = _file_sizes(site, seen["load"])
    search = _file_sizes(site, seen["search"])
    return {"page": page_url, "requests": requests, "total_bytes": sum(r["bytes"] for r in requests),
            "total_gzip": sum(r["gzip"] for r in requests),
            "search_index_eager": any(r["path"].endswith("search_index.json") for r in requests),
            "search_requests": search, "search_gzip": sum(r["gzip"] for r in search),
            "search_word": word, "search_results": seen["results"]}


def a11y_time(source: Path, site: Path) -> dict:
    start = time.perf_counter()
    load_before = load()
    result = subprocess.run([str(source / "scripts" / "a11y"), "--site", str(site)], cwd=source,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - start
    pages = sum(1 for _ in site.rglob("*.html"))
    tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
    return {"seconds": seconds, "exit": result.returncode, "html_pages": pages, "load_before": round(load_before, 2),
            "seconds_per_page": seconds / pages if pages else None, "tail": tail,
            "measured_at": time.strftime("%Y-%m-%d %H:%M:%S")}


# -- the report ------------------------------------------------------------------------------

MODE_NAMES = {"on": "on", "off": "off", "pre": "off, pre-rendered"}


def mb(n):
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def kb(n):
    return f"{n / 1e3:.1f} KB"


def size_rows(results: list[dict]) -> list[str]:
    rows = ["| actions (areas) | plugin | runs | wall time, median (all runs) | per HTML page | peak memory "
            "| output | one action page HTML (gzip) | search index (gzip) | plugin's own time | 1-min load at start |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in sorted(results, key=lambda r: r["actions"]):
        for mode in ("on", "off", "pre"):
            if mode not in r:
                continue
            m = r[mode]
            own = (f"{m['plugin_seconds']:.2f} s ({100 * m['plugin_share']:.1f}%)" if mode == "on" else "-")
            rows.append(
                f"| {r['actions']:,} ({r['areas']}) | {MODE_NAMES[mode]} | {r['repeats']} | {m['wall_seconds']:.2f} s "
                f"({', '.join(f'{w:.1f}' for w in m['wall_all'])}) | "
                f"{1000 * m['wall_seconds'] / m['html_pages']:.1f} ms ({m['html_pages']:,} pages) | "
                f"{m['maxrss_mb']:.0f} MB | {mb(m['site_bytes'])} | {kb(m['action_page_bytes'])} "
                f"({kb(m['action_page_gzip'])}) | {mb(m['search_index_bytes'])} ({mb(m['search_index_gzip'])}) | "
                f"{own} | {', '.join(str(x) for x in m['load'])} |")
    return rows


def target_rows(results: dict[int, dict]) -> list[str]:
    rows = []
    for n in (1000, 10000):
        r = results.get(n)
        if not r or "on" not in r or "off" not in r:  # --modes on alone: nothing to compare against
            continue
        on, off = r["on"], r["off"]
        cross = (on["wall_seconds"] - off["wall_seconds"]) / on["wall_seconds"]
        pre = r.get("pre")
        pre_text = (f"; on − pre: {100 * (on['wall_seconds'] - pre['wall_seconds']) / on['wall_seconds']:.1f}%"
                    if pre else "")
        prof = r.get("profile")
        prof_text = f"; under cProfile {100 * prof['plugin_share_profiled']:.1f}%" if prof else ""
        ok = on["plugin_share"] <= 0.10
        cpu_text = f" ({100 * on['plugin_cpu_share']:.1f}% of CPU time)" if "plugin_cpu_share" in on else ""
        rows.append(f"| plugin's own work ≤ 10% of the build, {n:,} actions | **{100 * on['plugin_share']:.1f}%** "
                    f"(timers){cpu_text}{prof_text}{pre_text}; on − off: {100 * cross:.1f}% | "
                    f"{'met' if ok else 'NOT met'} |")
    if all(n in results and "on" in results[n] for n in (1000, 10000)):
        a, b = results[1000], results[10000]
        per_a = a["on"]["wall_seconds"] / a["actions"]
        per_b = b["on"]["wall_seconds"] / b["actions"]
        ratio = per_b / per_a
        rows.append(f"| cost per action at 10,000 ≤ 1.25 × at 1,000 | {1000 * per_b:.1f} ms / {1000 * per_a:.1f} ms "
                    f"= {ratio:.2f} | {'met' if ratio <= 1.25 else 'NOT met'} |")
        grow = b["on"]["action_page_bytes"] / a["on"]["action_page_bytes"] - 1
        rows.append(f"| action page HTML within 10% between 1,000 and 10,000 | {kb(a['on']['action_page_bytes'])} → "
                    f"{kb(b['on']['action_page_bytes'])} ({100 * grow:+.1f}%) | {'met' if abs(grow) <= 0.10 else 'NOT met'} |")
    return rows


def result_name(size: int, shape: str) -> str:
    """The file a size's results are saved in: ``1000.json``, or ``2000-newsite.json`` for a shape."""
    return f"{size}.json" if shape == "real" else f"{size}-{shape}.json"


def load_results(label: str, shape: str = "real") -> dict[int, dict]:
    folder = OUT / "results" / label
    found = {}
    for path in sorted(folder.glob("[0-9]*.json")):
        data = json.loads(path.read_text())
        if data.get("shape", "real") == shape:
            found[data["actions"]] = data
    return found


def stock_rows(results: list[dict]) -> list[str]:
    """Our build against stock mkdocs-material on the same pages (the plugin off, building the
    Markdown our plugin produced: mode "pre"): CPU time and peak memory of each build's process,
    measured in the same run (os.wait4), medians of the repeats."""
    rows = ["| actions (parts) | build | runs | CPU time, median (all runs) | peak memory | wall time | HTML pages "
            "| output | one action page HTML (gzip) |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in sorted(results, key=lambda r: r["actions"]):
        for mode, name in (("on", "ours (plugin on)"), ("pre", "stock mkdocs-material, same pages")):
            if mode not in r:
                continue
            m = r[mode]
            cpu_all = m.get("cpu_all") or [m["cpu_seconds"]]
            rows.append(f"| {r['actions']:,} ({r['areas']}) | {name} | {r['repeats']} | {m['cpu_seconds']:.1f} s "
                        f"({', '.join(f'{c:.1f}' for c in cpu_all)}) | {m['maxrss_mb']:.0f} MB | "
                        f"{m['wall_seconds']:.1f} s | {m['html_pages']:,} | {mb(m['site_bytes'])} | "
                        f"{kb(m['action_page_bytes'])} ({kb(m['action_page_gzip'])}) |")
    rows.append("")
    for r in sorted(results, key=lambda r: r["actions"]):
        if "on" in r and "pre" in r:
            on, pre = r["on"]["cpu_seconds"], r["pre"]["cpu_seconds"]
            rows.append(f"- {r['actions']:,} actions: our build's CPU time is {100 * on / pre:.0f}% of stock "
                        f"mkdocs-material's on the same pages ({on:.1f} s against {pre:.1f} s): "
                        f"{'less, as required' if on < pre else 'NOT less'}; peak memory "
                        f"{r['on']['maxrss_mb']:.0f} MB against {r['pre']['maxrss_mb']:.0f} MB.")
    return rows


def report(label: str) -> str:
    folder = OUT / "results" / label
    results = load_results(label)
    lines = []
    meta_path = folder / "machine.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        lines.append(f"Machine: {meta['cpu']}, {meta['cpus']} CPUs, {meta['memory']} RAM; {meta['os']}; Python "
                     f"{meta['python']}, MkDocs {meta['mkdocs']}, mkdocs-material {meta['material']}, Markdown "
                     f"{meta['markdown']}. Source: {meta.get('source', '?')} ({meta.get('revision', '?')}).")
        lines.append("")
    if results:
        lines += size_rows(list(results.values())) + [""]
        rows = target_rows(results)
        if rows:
            lines += ["| target | measured | |", "| --- | --- | --- |"] + rows + [""]
        for n, r in sorted(results.items()):
            hs = r["on"]["handler_seconds"]
            gc_text = (f"; garbage collection {r['on']['gc_seconds']:.2f} s in the whole build, "
                       f"{r['on']['plugin_gc_seconds']:.2f} s of it inside the handlers" if "gc_seconds" in r["on"] else "")
            lines.append(f"- {n:,} actions, plugin handlers (median s): "
                         + ", ".join(f"{k} {v:.2f}" for k, v in sorted(hs.items(), key=lambda kv: -kv[1]) if v >= 0.005)
                         + gc_text)
        lines.append("")
        for n, r in sorted(results.items()):
            prof = r.get("profile")
            if not prof:
                continue
            lines += [f"cProfile, {n:,} actions (the profiler inflates Python-heavy code, so read the "
                      f"ranking, not the seconds): the plugin's handlers are {100 * prof['plugin_share_profiled']:.1f}% "
                      f"of {prof['profiled_total_seconds']:.0f} s.", "",
                      "| plugin function | cumulative s | own s | calls |", "| --- | --- | --- | --- |"]
            lines += [f"| `{row['function']}` | {row['cumulative']:.2f} | {row['own']:.2f} | {row['calls']:,} |"
                      for row in prof["top_plugin_cumulative"][:12]]
            lines += ["", "| whole build, by own time | own s | cumulative s | calls |", "| --- | --- | --- | --- |"]
            lines += [f"| `{row['function']}` | {row['own']:.2f} | {row['cumulative']:.2f} | {row['calls']:,} |"
                      for row in prof["top_overall_own"][:12]]
            lines.append("")
    for shape in SHAPES:
        shaped = load_results(label, shape) if shape != "real" else {}
        if shaped:
            lines += [f"Shape `{shape}` (bench/generate.py): our build against stock mkdocs-material on the same pages.",
                      ""] + stock_rows(list(shaped.values())) + [""]
    real = folder / "real.json"
    if real.exists():
        data = json.loads(real.read_text())
        if "build" in data:
            b = data["build"]
            lines.append(f"- Real site, `./scripts/build`: median {b['wall_seconds']:.2f} s "
                         f"(runs {', '.join(map(str, b['wall_all']))}; 1-min load {', '.join(map(str, b['load']))}), "
                         f"{b['html_pages']} HTML pages.")
            if "validate" in b:
                v = b["validate"]
                lines.append(f"- Real content, `./scripts/validate`: median {v['wall_seconds']:.2f} s wall, "
                             f"{v['cpu_seconds']:.2f} s CPU (runs {', '.join(map(str, v['wall_all']))}).")
        if "phone" in data:
            p = data["phone"]
            lines.append(f"- First visit to `{p['page']}` (gzip -{GZIP_LEVEL}): **{kb(p['total_gzip'])}** "
                         f"({kb(p['total_bytes'])} uncompressed); search index fetched on load: "
                         f"{'yes' if p['search_index_eager'] else 'no'}. Then searching for "
                         f"\"{p.get('search_word', '')}\" fetched {kb(p.get('search_gzip', 0))} more "
                         f"({', '.join(r['path'] for r in p.get('search_requests', [])) or 'nothing'}) and "
                         f"showed {p.get('search_results', '?')} results.")
            lines.append("")
            lines.append("  | file | bytes | gzip |")
            lines.append("  | --- | --- | --- |")
            for req in p["requests"]:
                lines.append(f"  | `{req['path']}` | {req['bytes']:,} | {req['gzip']:,} |")
        if "a11y" in data:
            a = data["a11y"]
            lines.append(f"- `./scripts/a11y` on the real site: {a['seconds']:.0f} s for {a['html_pages']} pages "
                         f"({a['seconds_per_page']:.2f} s a page), exit {a['exit']}, 1-min load {a['load_before']}.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--sizes", default="100,1000", help="comma-separated numbers of actions (default 100,1000)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--profile-sizes", default="", help="sizes to also build once under cProfile")
    parser.add_argument("--modes", default="on,off,pre",
                        help="on: plugin on; off: the same Markdown, plugin off; pre: plugin off, building the "
                             "Markdown the plugin produced (needs a warm-up build). Default on,off,pre")
    parser.add_argument("--source", type=Path, default=ROOT,
                        help="source tree (plugins/, overrides/, mkdocs.yml, scripts/) to measure; default this one")
    parser.add_argument("--shape", choices=SHAPES, default="real",
                        help="the synthetic plans' shape (bench/generate.py): real (default) or newsite: the "
                             "actions in 8 parts, 30 topics of 12 items, the settings ./scripts/new-site gives")
    parser.add_argument("--label", default="current", help="results go to bench/out/results/LABEL/")
    parser.add_argument("--real", action="store_true", help="time ./scripts/build of the real site")
    parser.add_argument("--real-repeats", type=int, default=5)
    parser.add_argument("--phone", action="store_true", help="first-visit download of an action page (real site)")
    parser.add_argument("--phone-page", default="areas/2-ehc-plans/2-10-it-system-procurement/")
    parser.add_argument("--a11y", action="store_true", help="time ./scripts/a11y on the real site")
    parser.add_argument("--max-load", type=float, default=2.5)
    parser.add_argument("--max-wait", type=float, default=600)
    parser.add_argument("--report", action="store_true", help="only print the tables of saved results")
    parser.add_argument("--write", type=Path, metavar="FILE",
                        help="also write the tables into FILE (BENCHMARKS.md), between the lines "
                             "<!-- bench:LABEL --> and <!-- /bench:LABEL -->")
    args = parser.parse_args()
    args.source = args.source.resolve()
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.profile_sizes = {int(s) for s in args.profile_sizes.split(",") if s.strip()}
    folder = OUT / "results" / args.label
    if args.report:
        tables = report(args.label)
        print(tables)
        if args.write:
            write_report(args.write, args.label, tables)
        return
    folder.mkdir(parents=True, exist_ok=True)
    meta = {**machine(), "source": str(args.source), "revision": source_revision(args.source)}
    (folder / "machine.json").write_text(json.dumps(meta, indent=2))
    for size in args.sizes:
        summary = bench_size(size, args.repeats, args.source, args.label, args,
                             modes=tuple(m for m in args.modes.split(",") if m), shape=args.shape)
        (folder / result_name(size, args.shape)).write_text(json.dumps(summary, indent=2))
    if args.real or args.phone or args.a11y:
        real_path = folder / "real.json"
        data = json.loads(real_path.read_text()) if real_path.exists() else {}
        site = OUT / f"real-site-{args.label}"
        if args.real or not site.exists():
            data["build"] = real_build(args.source, args.real_repeats if args.real else 1, args)
        if args.phone:
            data["phone"] = phone_visit(site, args.phone_page)
        if args.a11y:
            wait_for_quiet(args.max_load, args.max_wait)
            data["a11y"] = a11y_time(args.source, site)
        real_path.write_text(json.dumps(data, indent=2))
    print()
    tables = report(args.label)
    print(tables)
    if args.write:
        write_report(args.write, args.label, tables)


def write_report(path: Path, label: str, tables: str | None = None) -> None:
    """Put the tables of one label's results (``report(label)``, unless given) into a Markdown file,
    between its two marker lines, leaving the rest of the file (the words around the figures) as it is."""
    start, end = f"<!-- bench:{label} -->", f"<!-- /bench:{label} -->"
    text = path.read_text(encoding="utf-8")
    if start not in text or end not in text:
        raise SystemExit(f"{path} has no lines '{start}' and '{end}' to write the tables between")
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    tables = report(label) if tables is None else tables
    path.write_text(f"{before}{start}\n\n{tables}\n\n{end}{after}", encoding="utf-8")
    print(f"wrote the tables for '{label}' into {path}")


if __name__ == "__main__":
    main()

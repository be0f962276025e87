"""A tiny run of the performance benchmark (bench/run.py), so that it keeps working.

The benchmark itself is run on demand (see BENCHMARKS.md); this only checks that a synthetic
plan of 20 actions passes every content check and builds with the plugin on and off, and that
the benchmark's table row comes out.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import run  # noqa: E402  (bench/run.py)


def test_benchmark_smoke(tmp_path):
    args = SimpleNamespace(max_load=float("inf"), max_wait=0, profile_sizes=set())
    summary = run.bench_size(20, 1, ROOT, "smoke", args, out=tmp_path, modes=("on", "off"))

    on, off = summary["on"], summary["off"]
    assert summary["actions"] == 20
    assert on["html_pages"] > off["html_pages"]  # the plugin adds its pages (easy read, status lists ...)
    assert on["action_page_bytes"] > 0 and on["search_index_bytes"] > 0
    assert 0 < on["plugin_seconds"] < on["build_seconds"]
    assert set(on["handler_seconds"]) >= {"on_files", "on_page_markdown", "on_page_content"}

    rows = run.size_rows([summary])
    assert rows[0].startswith("| actions (areas) | plugin |")
    assert any(row.startswith("| 20 (") and "| on |" in row for row in rows)
    assert any(row.startswith("| 20 (") and "| off |" in row for row in rows)


def test_the_tables_are_written_between_the_markers_only(tmp_path, monkeypatch):
    """bench/run.py --write replaces what lies between <!-- bench:LABEL --> and <!-- /bench:LABEL -->
    and leaves the words around it alone; a file without the markers is refused."""
    import json

    import pytest

    monkeypatch.setattr(run, "OUT", tmp_path)
    folder = tmp_path / "results" / "smoke"
    folder.mkdir(parents=True)
    site = {"wall_seconds": 2.0, "wall_all": [2.0], "build_seconds": 1.9, "maxrss_mb": 50, "plugin_seconds": 0.1,
            "plugin_share": 0.05, "html_pages": 30, "site_bytes": 10 ** 6, "action_page_bytes": 30000,
            "action_page_gzip": 6000, "search_index_bytes": 50000, "search_index_gzip": 5000, "load": [0.5],
            "handler_seconds": {"on_files": 0.06}}
    (folder / "20.json").write_text(json.dumps({"actions": 20, "areas": 2, "repeats": 1, "on": site}))
    page = tmp_path / "BENCHMARKS.md"
    page.write_text("# Words before\n\n<!-- bench:smoke -->\nold table\n<!-- /bench:smoke -->\n\nWords after.\n")
    run.write_report(page, "smoke")
    text = page.read_text()
    assert text.startswith("# Words before\n\n<!-- bench:smoke -->\n") and text.endswith("<!-- /bench:smoke -->\n\nWords after.\n")
    assert "old table" not in text and "| 20 (2) | on | 1 | 2.00 s" in text
    run.write_report(page, "smoke")
    assert page.read_text() == text  # writing again changes nothing
    page.write_text("no markers\n")
    with pytest.raises(SystemExit):
        run.write_report(page, "smoke")


def test_the_new_site_shape_builds_against_stock_mkdocs_material(tmp_path):
    """bench/generate.py --shape newsite: the actions in 8 parts, 30 topics of 12 items, the settings
    ./scripts/new-site gives (theme: material and nothing else); bench/run.py compares our build with
    stock mkdocs-material building the same pages (CPU time and peak memory of each build)."""
    import yaml

    from generate import generate

    made = generate(40, tmp_path / "plan", ROOT, "newsite")
    assert made.areas == 8 and made.actions == 40
    topics = sorted((tmp_path / "plan" / "content" / "you-said").glob("[0-9]*.md"))
    assert len(topics) == 30
    assert all(len(yaml.safe_load(t.read_text(encoding="utf-8").split("---")[1])["items"]) == 12 for t in topics)
    config = yaml.safe_load((tmp_path / "plan" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"] == {"name": "material"} and "extra_css" not in config

    args = SimpleNamespace(max_load=float("inf"), max_wait=0, profile_sizes=set())
    summary = run.bench_size(16, 1, ROOT, "smoke", args, out=tmp_path, modes=("on", "pre"), shape="newsite")
    assert summary["shape"] == "newsite" and summary["areas"] == 8
    assert summary["on"]["cpu_seconds"] > 0 and summary["pre"]["cpu_seconds"] > 0
    assert summary["on"]["html_pages"] == summary["pre"]["html_pages"]  # the same pages
    rows = run.stock_rows([summary])
    assert any("| ours (plugin on) |" in row for row in rows)
    assert any("| stock mkdocs-material, same pages |" in row for row in rows)
    assert any(row.startswith("- 16 actions: our build's CPU time is") for row in rows)

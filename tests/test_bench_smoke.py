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

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

"""Check that two source trees build the same sites, byte for byte: the real site, and a synthetic
plan small enough (under 25 areas) that the changes meant for large plans do not apply.

    bench/snapshot.sh bench/out/src-base
    bench/snapshot.sh bench/out/src-proposed --proposals
    .venv/bin/python bench/compare.py bench/out/src-base bench/out/src-proposed

Used to show that the proposed performance changes (bench/proposals/) change no page of the
real site. Exit status 0 when every file is the same, 1 otherwise (the differing files are listed).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

OUT = HERE / "out" / "compare"


def build(source: Path, config: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": str(source / "plugins") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", str(config),
                             "-d", str(site)], cwd=config.parent, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SystemExit(f"{config} did not build with {source}")


def differences(a: Path, b: Path) -> list[str]:
    out = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(f"only in one: {prefix}{name}" for name in cmp.left_only + cmp.right_only)
        # dircmp compares shallowly (size and time); compare the bytes of every common file.
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out.extend(f"differs: {prefix}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--actions", type=int, default=300, help="size of the synthetic plan (default 300)")
    args = parser.parse_args()
    found = []
    for name, source in (("a", args.a.resolve()), ("b", args.b.resolve())):
        build(source, source / "mkdocs.yml", OUT / f"real-{name}")
        generate(args.actions, OUT / f"plan-{name}", source)
        build(source, OUT / f"plan-{name}" / "mkdocs.yml", OUT / f"synthetic-{name}")
    for kind in ("real", "synthetic"):
        diff = differences(OUT / f"{kind}-a", OUT / f"{kind}-b")
        print(f"{kind}: {'identical' if not diff else f'{len(diff)} files differ'}")
        for line in diff[:20]:
            print(f"  {line}")
        found += diff
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()

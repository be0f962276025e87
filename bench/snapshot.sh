#!/usr/bin/env bash
# Make a copy of this repository's committed source (HEAD) for the benchmark to measure, and
# optionally apply the proposed changes in bench/proposals/ to it:
#
#   bench/snapshot.sh bench/out/src-base                 # HEAD as it is
#   bench/snapshot.sh bench/out/src-proposed --proposals # HEAD + bench/proposals/*.diff
#   bench/snapshot.sh bench/out/src-x --proposals 05     # ... all but those whose names start 05
#   REV=db9585f bench/snapshot.sh bench/out/src-before   # another commit than HEAD
#   .venv/bin/python bench/run.py --source bench/out/src-proposed --label proposed ...
#
# A snapshot shares .venv and node_modules with the repository (symlinks); bench/run.py puts its
# plugins/ first on PYTHONPATH, so the snapshot's plugin is the one measured. Other people's
# uncommitted work in the working tree is not in a snapshot.
set -euo pipefail
shopt -s nullglob  # bench/proposals/ may hold no patches
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$1"
shift
case "$dest" in /*) ;; *) dest="$root/$dest" ;; esac
rm -rf "$dest"
mkdir -p "$dest"
rev="${REV:-HEAD}"
git -C "$root" archive "$rev" plugins overrides mkdocs.yml scripts content requirements.txt requirements-test.txt \
  pyproject.toml .pa11yci.base.json package.json package-lock.json | tar -x -C "$dest"
ln -s "$root/.venv" "$dest/.venv"
ln -s "$root/node_modules" "$dest/node_modules"
(cd "$dest" && git init -q . && git add -A && git -c user.name=bench -c user.email=bench@localhost commit -q -m "HEAD")
label="$(git -C "$root" rev-parse --short "$rev")"
if [ "${1:-}" = "--proposals" ]; then
  shift
  label="$label + bench/proposals"
  for patch in "$root"/bench/proposals/*.diff; do
    name="$(basename "$patch")"
    for skip in "$@"; do
      case "$name" in "$skip"*) label="$label except $name"; continue 2 ;; esac
    done
    git -C "$dest" apply --whitespace=nowarn "$patch"
  done
fi
echo "$label" > "$dest/SOURCE"
echo "$dest: $label"

#!/usr/bin/env bash
# Start-up time and bytes per key on the demo, the way an SSH user feels them, measured with
# ptyprobe (from the team's shared tools; not needed to build or test Coord).
# Usage: Benchmarks/terminal.sh [RUNS] [PTYPROBE]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PROBE=${2:-../shared/tools/ptyprobe}
swift build -c release >/dev/null
BIN=$(swift build -c release --show-bin-path)/coord
export XDG_DATA_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
"$BIN" demo "$XDG_DATA_HOME/warm.journal" >/dev/null   # first run pays for the page cache
for size in 80x24 200x60; do
  cols=${size%x*}; rows=${size#*x}
  for i in $(seq "$RUNS"); do
    "$PROBE" --json --rows "$rows" --cols "$cols" --keys 'j*25,k*25,q' -- "$BIN" --demo
  done | python3 Benchmarks/ptyprobe-summary.py "$size"
done

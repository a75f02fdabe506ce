"""Reads ptyprobe --json lines on stdin; prints the medians across runs as one line."""
import json
import statistics
import sys

size = sys.argv[1]
runs = [json.loads(line) for line in sys.stdin if line.strip().startswith("{")]
med = statistics.median
print(
    f"{size}: runs={len(runs)}"
    f" startup_ms={med(r['startup_ms'] for r in runs):.1f}"
    f" startup_bytes={med(r['startup_bytes'] for r in runs):.0f}"
    f" bytes_per_jk_median={med(r['bytes_per_key']['median'] for r in runs):.0f}"
    f" bytes_per_jk_p90={med(r['bytes_per_key']['p90'] for r in runs):.0f}"
    f" key_settle_ms_median={med(r['settle_ms']['median'] for r in runs):.2f}"
    f" key_settle_ms_p90={med(r['settle_ms']['p90'] for r in runs):.2f}"
    f" peak_rss_mib={max(r['peak_rss_mib'] for r in runs):.1f}"
)

#!/usr/bin/env python3
"""coord report cost against ledger balance on the same production, measured in one run.

Generates N cost entries (coord bench costs --out), exports them for ledger (coord export
ledger), checks that ledger's balance per account equals the cost report's actual to date to
the penny, then times each command RUNS times (wall clock and peak RSS of the process) and
prints medians and the ratio. Usage: Benchmarks/ledger.py COORD [ENTRIES] [RUNS]
"""
import os, subprocess, sys, tempfile, time, shutil, statistics
from decimal import Decimal

coord = sys.argv[1]
entries = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
ledger = shutil.which("ledger")
work = tempfile.mkdtemp(prefix="coord-ledger-")
# Coord's checkpoints for this run go in the work folder, and go with it.
os.environ["COORD_CACHE_DIR"] = os.path.join(work, "cache")
journal, lj = os.path.join(work, "costs.journal"), os.path.join(work, "costs.ledger")
subprocess.run([coord, "bench", "costs", "--entries", str(entries), "--out", journal], check=True, stdout=subprocess.DEVNULL)
subprocess.run([coord, "export", "ledger", journal, lj], check=True, stdout=subprocess.DEVNULL)

def run(cmd, env=None):
    """Wall seconds and peak RSS (MiB) of one run, output discarded."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if status != 0: sys.exit(f"{' '.join(cmd)} failed ({status})")
    return wall, usage.ru_maxrss / 1024

# Same figures, to the penny: ledger's balance of each expense account vs the report's actual to date.
csv = subprocess.run([coord, "report", "cost", journal, "--csv"], check=True, capture_output=True, text=True).stdout
import csv as csvmod, io
actual = {}
for row in csvmod.DictReader(io.StringIO(csv)):
    if row["Row"] == "account": actual[row["Code"]] = Decimal(row["Actual to date"])
mismatch = None
if ledger:
    out = subprocess.run([ledger, "-f", lj, "balance", "--flat", "--no-total", "^Expenses",
                          "-F", "%(account)\t%(quantity(scrub(display_total)))\n"], check=True, capture_output=True, text=True).stdout
    seen = {}
    for line in out.splitlines():
        account, amount = line.split("\t")
        code = account.split(":")[-1].split(" ")[0]
        seen[code] = Decimal(amount)
    mismatch = [c for c in actual if actual[c] != seen.get(c, Decimal(0))] + [c for c in seen if c not in actual]

# coord's first open of the journal (the check above) wrote its checkpoint: later opens start
# from it. The cold figure is a full replay of every line, as after a git pull rewrote the file.
cold = dict(os.environ, COORD_CHECKPOINTS="off")
figures = []
for name, cmd, env in [("coord report cost", [coord, "report", "cost", journal], None),
                       ("ledger balance", [ledger, "-f", lj, "balance"] if ledger else None, None),
                       ("coord report cost (cold: COORD_CHECKPOINTS=off)", [coord, "report", "cost", journal], cold)]:
    if cmd is None: continue
    run(cmd, env)  # warm the page cache
    samples = [run(cmd, env) for _ in range(runs)]
    figures.append((name, statistics.median(s[0] for s in samples), max(s[1] for s in samples)))

size = os.path.getsize(journal) // 1024
print(f"{entries} cost entries ({size} KiB journal), median of {runs} runs each, same machine, one run")
print("| command | median wall | peak RSS |")
print("|---|---:|---:|")
for name, wall, rss in figures:
    print(f"| `{name}` | {wall * 1000:.0f} ms | {rss:.0f} MiB |")
if len(figures) == 3:
    print(f"ratio ledger / coord (wall): {figures[1][1] / figures[0][1]:.1f}x; cold: {figures[1][1] / figures[2][1]:.1f}x")
if mismatch is None:
    print("ledger not installed: per-account check skipped")
elif mismatch:
    print(f"MISMATCH in {len(mismatch)} accounts: {mismatch[:10]}"); sys.exit(1)
else:
    print(f"every account's actual to date equals ledger's balance to the penny ({len(actual)} accounts)")
shutil.rmtree(work)

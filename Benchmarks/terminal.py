#!/usr/bin/env python3
"""What a coordinator on a slow SSH link feels: Coord in a pseudo-terminal, start-up to the
first full frame, and bytes written per j/k key, at 80x24 and 200x60, on the demo production.

Usage: Benchmarks/terminal.py COORD [KEYS_PER_SIZE]
Start-up is the time from exec until the screen is quiet for 60 ms (minus those 60 ms); bytes
per key count everything the program wrote after the key until it was quiet again.
"""
import fcntl, os, pty, select, signal, statistics, struct, sys, tempfile, termios, time

coord = os.path.abspath(sys.argv[1])
keys = int(sys.argv[2]) if len(sys.argv) > 2 else 40
QUIET = 0.06

def drain(fd, quiet=QUIET, limit=10.0):
    """Bytes read until nothing came for `quiet` seconds, and when the last byte came."""
    total, last, start = 0, None, time.perf_counter()
    while time.perf_counter() - start < limit:
        # Up to a second for the answer to begin, then quiet ends it.
        r, _, _ = select.select([fd], [], [], quiet if total else 1.0)
        if not r:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        total += len(data)
        last = time.perf_counter()
    return total, last

def measure(rows, cols, home):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", HOME=home, COORD_CACHE_DIR=os.path.join(home, "cache"))
        env.pop("NO_COLOR", None)
        os.execvpe(coord, [coord, "--demo"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    start = time.perf_counter()
    _, last = drain(fd, limit=20.0)

    startup = ((last or start) - start) * 1000
    sizes = []
    for i in range(keys):
        os.write(fd, b"j" if (i // 10) % 2 == 0 else b"k")
        n, _ = drain(fd)
        sizes.append(n)
    os.write(fd, b"q")
    drain(fd, quiet=0.2, limit=5.0)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    return startup, statistics.median(sizes), max(sizes)

home = tempfile.mkdtemp(prefix="coord-term-")
os.chdir(home)  # --demo writes its journal in the working folder
small = measure(24, 80, home)
big = measure(60, 200, home)
print(f"Coord --demo in a pseudo-terminal, {keys} j/k keys per size, quiet = {int(QUIET * 1000)} ms")
print("| figure | 80x24 | 200x60 | target |")
print("|---|---:|---:|---|")
print(f"| start-up to the first full frame | {small[0]:.0f} ms | {big[0]:.0f} ms | under 50 ms |")
print(f"| bytes per j/k, median | {small[1]:.0f} | {big[1]:.0f} | under 250; 200x60 under 1.5x 80x24 |")
print(f"| bytes per j/k, max | {small[2]} | {big[2]} | |")
print(f"ratio 200x60 / 80x24: {big[1] / max(1, small[1]):.2f}x")

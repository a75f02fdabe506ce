#!/usr/bin/env python3
"""Crash harness for the Coord journal (issue 7: "the journal never loses a change").

Usage: Tests/crash/crash-harness.py COORD [KILLS] [SEED]

Over and over, writers make random changes to a journal and are killed with SIGKILL at random
moments: `coord do` with one command, with a few, or with a batch of many lines on stdin (some
of them long, so that writes are big); two to four `coord do` at once on one journal; and the
full-screen app in tmux, typing `:` commands (with a `coord do` beside it now and then).
Sometimes the kill waits for the journal to start growing, so that it lands in or just after a
write. After a kill the harness sometimes also cuts the file at a random offset at or after the
end of the last acknowledged line, as a crash that loses unsynced bytes would. Some journals
start with only part of their header, as if the writer creating the file had died.

After every kill (and every cut) it checks:
  - the journal opens: `coord check` exits 0, or exits 1 reporting the torn last line at the
    right line number; its line and change counts match the file's whole lines (a torn line is
    never applied);
  - every acknowledged change is there: for `coord do`, each line it printed is in the journal
    followed by ` # STAMP USER` (each writer runs with its own USER, so the match is exact);
    for the app, each command whose `saved:` appeared on the screen;
  - lines never interleave: every line is a whole stamped line of a known writer, the lines of
    one `coord do` are contiguous, and there are exactly as many as it printed;
  - a batch is all or nothing: a killed `coord do` left none or all of its lines (unless the
    simulated loss of unsynced bytes cut them);
  - a torn last line (or header) is set aside byte-exact: once it leaves the journal, FILE.torn
    has gained a record of exactly those bytes naming its line; it is never silently dropped.

Prints `200 kills: N acknowledged changes, 0 lost, 0 journals failed to open, T torn tails set
aside` and exits 1 on any loss or failure. Everything runs in a fresh temporary directory (with
its own XDG_DATA_HOME and tmux socket), removed at the end (COORD_CRASH_KEEP=1 keeps it).

The random choices are seeded (SEED, default 1) so a run does the same things in the same
order; where a kill lands in a writer's work depends on timing, so the figures vary a little.
COORD_CRASH_TOLERATE_PARTIAL=1 reports half-applied batches (none since batch markers) without
failing on them.
"""

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter

HEADER = b"# coord journal v1"
STAMPED = re.compile(rb"^(.*) # (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) ([A-Za-z0-9._@-]+)$")
TORN_NOTE = re.compile(rb"^# \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ set aside from (.*) line (\d+) \((no newline: a torn write|a batch of (\d+) lines with only part of them written)\)$")
BATCH = re.compile(rb"^# coord batch: (\d+) lines follow$")


def torn_start(data):
    """Where the journal's unfinished end starts: a batch whose marker promises more whole lines
    than follow it (set aside whole, marker included), else the bytes after the last newline."""
    end = data.rfind(b"\n") + 1
    at = 0
    for line in data[:end].split(b"\n")[:-1]:
        m = BATCH.match(line)
        if m and data[at:end].count(b"\n") - 1 < int(m.group(1)):
            return at
        at += len(line) + 1
    return end
CHECK_HEAD = re.compile(r"^(.*): journal v1, (\d+) lines, (\d+) changes$")
ADD = re.compile(rb"^(crew|kit|strip|cost|location|day|account) add id=([A-Za-z0-9_-]+)")
RM = re.compile(rb"^(crew|kit|strip|cost|location|day|account) rm id=([A-Za-z0-9_-]+)")
ACCOUNT_CODE = re.compile(rb"^account add id=\S+ code=(\d+)")

ROTATE_BYTES = 1_500_000    # start a new journal past this size, so replays stay quick
ROTATE_EPISODES = 30

# Text that has broken line formats before: quotes, escapes, separators, wide and odd text.
HOSTILE = [
    "Zoë Müller", "O'Brien", 'say "hello"', "a=b=c", "back\\slash", "trailing\\", "line1\nline2",
    "tab\there", "cr\rhere", "\x1b[31mred\x1b[0m", "bell\x07", "del\x7f", "c1\x85next", "東京 ロケ",
    "🎬 clapper", "e\u0301", "rtl \u202egnirts", "zero\u200bwidth", "ls\u2028ps\u2029", "#hash",
    "# comment?", "'single'", '"', "=", "\\u{41}", "a\"b'c\\d", "😀👩‍👩‍👧", "x # y", "po=PO#12",
]


def quote(s):
    """A value as the journal grammar reads it: double-quoted, escaped."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F:
            out.append("\\u{%x}" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dead(pid):
    """Whether a process (not our child) has ended: gone, or a zombie not yet reaped."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] in (b"Z", b"X")
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True


class Failure(Exception):
    pass


class Writer:
    """One writer process: a `coord do`, or the app in tmux (`tui`)."""

    def __init__(self, user, kind, commands):
        self.user = user
        self.kind = kind            # "do" or "tui"
        self.commands = commands    # what it was given (do), or typed so far (tui)
        self.acked = []             # canonical lines (bytes) acknowledged
        self.killed = False
        self.status = None
        self.cut = False            # its lines were cut by the simulated loss of unsynced bytes
        self.flagged = False        # already reported as half-applied
        self.proc = None
        self.pid = None
        self.stdout = None
        self.stderr = None
        self.kill_at = None
        self.kill_on_growth = None  # seconds to wait after the journal grows, then kill
        self.size_class = None      # single, few, batch or big: how long it is expected to run
        self.started = 0.0


class Journal:
    def __init__(self, path, prefix_len):
        self.path = path
        self.prefix_len = prefix_len   # bytes written by `coord demo` or the set-up (not stamped by a writer)
        self.writers = {}              # user -> Writer
        self.pending_torn = []         # dicts: offset, bytes, line, records_before
        self.live = {n: set() for n in ("crew", "kit", "strip", "cost", "location", "day", "account")}
        self.codes = []
        self.episodes = 0


class Harness:
    def __init__(self, coord, kills, seed):
        self.coord = coord
        self.kills_wanted = kills
        self.rng = random.Random(seed)
        self.seed = seed
        self.dir = tempfile.mkdtemp(prefix="coord-crash-")
        self.env = dict(os.environ)
        self.env["XDG_DATA_HOME"] = os.path.join(self.dir, "data")
        self.env.pop("NO_COLOR", None)
        self.sock = os.path.join(self.dir, "tmux.sock")
        self.tmux = shutil.which("tmux")
        self.serial = 0
        self.journal_count = 0
        self.journal = None
        # Figures.
        self.kills = 0
        self.acked = 0
        self.lost = 0
        self.open_failures = 0
        self.torn_set_aside = 0
        self.truncations = 0
        self.torn_headers = 0
        self.half_applied = 0
        self.cut_batches = 0
        self.writers_run = 0
        self.tui_sessions = 0
        self.tui_acked = 0
        self.failures = []
        self.durations = {"single": 0.06, "few": 0.08, "batch": 0.25, "big": 0.6, "tui_open": 0.15, "tui_cmd": 0.15}

    # ---------------------------------------------------------------- helpers

    def fail(self, what):
        self.failures.append(what)
        print("FAIL: " + what, file=sys.stderr, flush=True)

    def next_id(self, tag="x"):
        self.serial += 1
        return "%s%d" % (tag, self.serial)

    def new_user(self, tag):
        self.serial += 1
        return "%s%d" % (tag, self.serial)

    def run(self, args, **kw):
        return subprocess.run(args, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)

    # ---------------------------------------------------------------- journals

    def new_journal(self):
        self.journal_count += 1
        path = os.path.join(self.dir, "j%d.journal" % self.journal_count)
        torn_header = None
        if self.journal_count % 2 == 0:
            r = self.run([self.coord, "demo", path])
            if r.returncode != 0:
                raise Failure("coord demo failed: " + r.stderr.decode(errors="replace"))
        else:
            if self.rng.random() < 0.5:
                # A crash while the file was being created: only part of the header got written.
                torn_header = HEADER[: self.rng.randint(1, len(HEADER))]
                with open(path, "wb") as f:
                    f.write(torn_header)
            setup = ["account add id=acc%d code=%d description=%s" % (c, c, quote("Account %d" % c))
                     for c in (2100, 3100, 4100)]
            setup += ["production set title=%s" % quote("Crash test %d" % self.journal_count),
                      "crew add id=seed1 name=%s dept=Camera" % quote("Zoë Müller")]
            env = dict(self.env, USER="setup")
            r = subprocess.run([self.coord, "do", path] + setup, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if r.returncode != 0:
                raise Failure("set-up coord do failed: " + r.stderr.decode(errors="replace"))
        j = Journal(path, os.path.getsize(path))
        self.journal = j
        if torn_header:
            # The set-up's save must have set the partial header aside, byte for byte, as line 1.
            j.pending_torn = [dict(offset=0, bytes=torn_header, line=1, records_before=0)]
            self.torn_headers += 1
            self.check(j, "after a torn header")
        self.refresh_live(j, open(path, "rb").read())
        return j

    def refresh_live(self, j, data):
        live = {n: set() for n in j.live}
        codes = []
        # Only what replays: a cut batch at the end is set aside whole.
        for line in data[:torn_start(data)].split(b"\n")[:-1]:
            m = ADD.match(line)
            if m:
                live[m.group(1).decode()].add(m.group(2).decode())
                c = ACCOUNT_CODE.match(line)
                if c:
                    codes.append(c.group(1).decode())
                continue
            m = RM.match(line)
            if m:
                live[m.group(1).decode()].discard(m.group(2).decode())
        j.live = live
        j.codes = codes or ["2100"]

    # ---------------------------------------------------------------- commands

    def text(self, short=False):
        r = self.rng
        parts = [r.choice(HOSTILE) for _ in range(r.randint(1, 2 if short else 3))]
        s = " ".join(parts) + " " + str(r.randint(0, 9999))
        return s

    def long_text(self, size):
        r = self.rng
        chunk = "".join(r.choice(HOSTILE) for _ in range(8)) + " "
        return (chunk * (size // max(1, len(chunk.encode())) + 1))[: max(1, size // 2)]

    def commands(self, n, owned, long_values=0):
        """n commands that are good whatever the other writers do: new records get new ids,
        and changes and removals touch only records in `owned` (this writer's share)."""
        r = self.rng
        j = self.journal
        out = []
        day = None
        for _ in range(n):
            k = r.random()
            notes = ""
            if long_values and r.random() < 0.8:
                notes = " notes=" + quote(self.long_text(long_values))
            crew = owned.get("crew", [])
            if k < 0.30:
                ident = "" if r.random() < 0.3 else "id=%s " % self.next_id("c")
                out.append("crew add %sname=%s role=%s dept=%s rate=%d%s" % (
                    ident, quote(self.text(True)), quote(self.text(True)), r.choice(["Camera", "Sound", "Art", "Electric"]),
                    r.randint(100, 400), notes))
            elif k < 0.45 and crew:
                out.append("crew set id=%s role=%s%s" % (r.choice(crew), quote(self.text(True)), notes or " notes=" + quote(self.text())))
            elif k < 0.50 and crew:
                victim = crew.pop(r.randrange(len(crew)))
                out.append("crew rm id=%s" % victim)
            elif k < 0.58:
                out.append("kit add id=%s name=%s category=grip supplier=%s%s" % (
                    self.next_id("k"), quote(self.text(True)), quote(self.text(True)), notes))
            elif k < 0.66:
                ident = self.next_id("s")
                where = " day=%s" % day if day and r.random() < 0.7 else ""
                out.append("strip add id=%s scene=%d%s set=%s synopsis=%s%s%s" % (
                    ident, r.randint(1, 120), r.choice(["", "A", "B"]), quote(self.text(True)), quote(self.text()), notes, where))
                owned.setdefault("strip", []).append(ident)
            elif k < 0.70:
                day = self.next_id("d")
                out.append("day add id=%s location=%s call=07:00 wrap=18:00" % (day, quote(self.text(True))))
            elif k < 0.76 and owned.get("strip"):
                out.append("strip set id=%s notes=%s" % (r.choice(owned["strip"]), quote(self.text())))
            elif k < 0.86:
                ident = "" if r.random() < 0.3 else "id=%s " % self.next_id("k")
                what = self.long_text(long_values) if notes else self.text()
                out.append("cost add %saccount=%s amount=%d.%02d vendor=%s description=%s" % (
                    ident, r.choice(j.codes), r.randint(0, 5000), r.randint(0, 99), quote(self.text(True)), quote(what)))
            elif k < 0.90 and owned.get("cost"):
                victim = owned["cost"].pop(r.randrange(len(owned["cost"])))
                out.append("cost rm id=%s" % victim)
            elif k < 0.94:
                out.append("location add id=%s name=%s address=%s" % (self.next_id("l"), quote(self.text(True)), quote(self.text())))
            else:
                out.append("production set title=%s" % quote(self.text(True)))
        return out

    def shares(self, n):
        """The journal's crew, costs and strips dealt out to n writers, so that no two of them
        change or remove the same record in one episode."""
        j = self.journal
        out = [dict(crew=[], cost=[], strip=[]) for _ in range(n)]
        for noun in ("crew", "cost", "strip"):
            ids = sorted(j.live[noun])
            self.rng.shuffle(ids)
            for i, ident in enumerate(ids[: 60 * n]):
                out[i % n][noun].append(ident)
        return out

    # ---------------------------------------------------------------- writers

    def start_do(self, commands, size_class, stdin):
        user = self.new_user("w")
        w = Writer(user, "do", commands)
        env = dict(self.env, USER=user)
        outp = os.path.join(self.dir, user + ".out")
        errp = os.path.join(self.dir, user + ".err")
        w.stdout, w.stderr = outp, errp
        if stdin:
            inp = os.path.join(self.dir, user + ".in")
            with open(inp, "w", encoding="utf-8") as f:
                f.write("".join(c + "\n" for c in commands))
            args = [self.coord, "do", self.journal.path]
            fin = open(inp, "rb")
        else:
            args = [self.coord, "do", self.journal.path] + commands
            fin = subprocess.DEVNULL
        with open(outp, "wb") as fo, open(errp, "wb") as fe:
            w.proc = subprocess.Popen(args, env=env, stdin=fin, stdout=fo, stderr=fe)
        if stdin:
            fin.close()
        w.pid = w.proc.pid
        w.started = time.monotonic()
        w.size_class = size_class
        self.journal.writers[user] = w
        self.writers_run += 1
        return w

    def finish_do(self, w):
        """After the process ended: what it acknowledged, and whether it failed by itself."""
        rc = w.proc.returncode
        w.status = rc
        out = open(w.stdout, "rb").read()
        err = open(w.stderr, "rb").read()
        for p in (w.stdout, w.stderr, w.stdout[:-4] + ".in"):
            if os.path.exists(p):
                os.remove(p)
        # Only whole printed lines count: each was saved before anything was printed.
        w.acked = out.split(b"\n")[:-1]
        if rc == -signal.SIGKILL:
            w.killed = True
            self.kills += 1
        elif rc == 0:
            if len(w.acked) != len(w.commands):
                self.fail("%s: coord do exited 0 but printed %d lines for %d commands" % (w.user, len(w.acked), len(w.commands)))
            self.durations[w.size_class] = 0.8 * self.durations[w.size_class] + 0.2 * (time.monotonic() - w.started)
        else:
            self.fail("%s: coord do exited %s by itself: %s" % (w.user, rc, err.decode(errors="replace").strip()[:400]))
        self.acked += len(w.acked)

    def drive(self, writers, deadline=30.0):
        """Waits for the writers, killing each at its time or when the journal grows."""
        path = self.journal.path
        base = os.path.getsize(path)
        t0 = time.monotonic()
        alive = list(writers)
        grown_at = None
        watch = any(w.kill_on_growth is not None for w in alive)
        while alive:
            now = time.monotonic()
            if watch and grown_at is None:
                try:
                    if os.stat(path).st_size != base:
                        grown_at = now
                except FileNotFoundError:
                    pass
            for w in list(alive):
                if w.proc.poll() is not None:
                    alive.remove(w)
                    continue
                due = w.kill_at is not None and now - w.started >= w.kill_at
                due = due or (w.kill_on_growth is not None and grown_at is not None and now - grown_at >= w.kill_on_growth)
                if due or now - t0 > deadline:
                    w.proc.send_signal(signal.SIGKILL)
                    w.proc.wait()
                    alive.remove(w)
            if alive and not (watch and grown_at is None):
                time.sleep(0.0005)
        for w in writers:
            self.finish_do(w)

    # ---------------------------------------------------------------- episodes

    def episode_do(self):
        r = self.rng
        k = r.random()
        if k < 0.25:
            n_writers, kinds = 1, ["single"]
        elif k < 0.45:
            n_writers, kinds = 1, [r.choice(["few", "batch", "batch", "big"])]
        else:
            n_writers = r.choice([2, 2, 3, 4])
            kinds = [r.choice(["single", "few", "batch", "batch", "big"]) for _ in range(n_writers)]
        shares = self.shares(n_writers)
        writers = []
        growth_mode = r.random() < 0.4
        for i, kind in enumerate(kinds):
            if kind == "single":
                cmds, stdin = self.commands(1, shares[i]), False
            elif kind == "few":
                cmds, stdin = self.commands(r.randint(2, 6), shares[i]), r.random() < 0.5
            elif kind == "batch":
                cmds, stdin = self.commands(r.randint(20, 150), shares[i], long_values=r.choice([0, 0, 400])), True
            else:
                cmds, stdin = self.commands(r.randint(15, 40), shares[i], long_values=r.choice([8000, 16000])), True
            w = self.start_do(cmds, kind, stdin)
            writers.append(w)
        # Who is killed, and when: most writers, at a random moment of their expected run, or
        # just as the journal starts to grow (in or right after a write).
        victims = [w for w in writers if r.random() < 0.7] or [r.choice(writers)]
        for w in victims:
            if growth_mode:
                w.kill_on_growth = r.choice([0.0, 0.0, 0.0002, 0.001, 0.003])
            else:
                w.kill_at = r.uniform(0.0, self.durations[w.size_class] * 1.15)
        self.drive(writers)

    def tmux_cmd(self, *args):
        return subprocess.run([self.tmux, "-S", self.sock] + list(args), stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)

    def screen(self, name):
        return self.tmux_cmd("capture-pane", "-p", "-t", name).stdout.decode(errors="replace")

    def episode_tui(self):
        r = self.rng
        j = self.journal
        user = self.new_user("t")
        name = "s" + user
        w = Writer(user, "tui", [])
        j.writers[user] = w
        self.writers_run += 1
        self.tui_sessions += 1
        cmd = "exec env TERM=tmux-256color XDG_DATA_HOME=%s USER=%s %s %s" % (
            self.env["XDG_DATA_HOME"], user, self.coord, j.path)
        self.tmux_cmd("new-session", "-d", "-s", name, "-x", "100", "-y", "30", cmd)
        out = self.tmux_cmd("display", "-p", "-t", name, "#{pane_pid}").stdout.decode().strip()
        try:
            w.pid = int(out)
        except ValueError:
            self.fail("%s: the app did not start in tmux" % user)
            return
        w.started = time.monotonic()
        n = r.randint(1, 6)
        expected_time = self.durations["tui_open"] + n * self.durations["tui_cmd"]
        kill_at = r.uniform(0.0, expected_time * 1.1)
        # Now and then a `coord do` writes the same journal at the same time.
        side = []
        if r.random() < 0.3:
            share = self.shares(1)[0]
            s = self.start_do(self.commands(r.randint(1, 40), share), "batch", True)
            if r.random() < 0.5:
                s.kill_at = r.uniform(0.0, self.durations["batch"] * 1.2)
            side.append(s)

        def service_side():
            for s in side:
                if s.proc.poll() is None and s.kill_at is not None and time.monotonic() - s.started >= s.kill_at:
                    s.proc.send_signal(signal.SIGKILL)
                    s.proc.wait()

        def kill_now():
            try:
                os.kill(w.pid, signal.SIGKILL)
                w.killed = True
                self.kills += 1
            except ProcessLookupError:
                pass

        ready = False
        added = []          # ids this session added (and saw saved)
        t_ready = None
        i = 0
        while not w.killed:
            service_side()
            now = time.monotonic() - w.started
            if now >= kill_at:
                kill_now()
                break
            if not ready:
                if "Schedule" in self.screen(name):
                    ready = True
                    t_ready = now
                    self.durations["tui_open"] = 0.8 * self.durations["tui_open"] + 0.2 * now
                elif now > 15:
                    self.fail("%s: the app did not open %s: %s" % (user, j.path, self.screen(name)[-300:]))
                    kill_now()
                    break
                else:
                    time.sleep(0.01)
                continue
            if i >= n:
                # Everything typed was saved: the kill comes now, with the app idle.
                kill_now()
                break
            i += 1
            ident = "%sx%d" % (user, i)
            if added and i % 2 == 1:
                target = added[-1] if len(added) == 1 else added[-2]
                role = "Role%d" % i
                typed = "crew set id=%s role=%s" % (target, role)
                canonical = typed
                wait = "saved: crew set"
                marker = "(%s)" % target
            else:
                typed = "crew add id=%s name=Tui%d dept=Camera" % (ident, i)
                canonical = typed + " status=pencilled"
                wait = "saved: crew add"
                marker = "(%s)" % ident
            w.commands.append(canonical.encode())
            t_cmd = time.monotonic()
            self.tmux_cmd("send-keys", "-t", name, ":", ";", "send-keys", "-t", name, "-l", typed,
                          ";", "send-keys", "-t", name, "Enter")
            saved = False
            while True:
                service_side()
                if time.monotonic() - w.started >= kill_at:
                    kill_now()
                    break
                tail = self.screen(name).rstrip("\n").split("\n")[-1]
                if wait in tail and marker in tail:
                    saved = True
                    break
                if "saved:" not in tail and ("could not" in tail or "nothing more" in tail or "column" in tail):
                    self.fail("%s: the app refused %r: %s" % (user, typed, tail))
                    kill_now()
                    break
                if time.monotonic() - t_cmd > 10:
                    self.fail("%s: no 'saved:' for %r: %s" % (user, typed, tail))
                    kill_now()
                    break
                time.sleep(0.005)
            if saved:
                w.acked.append(canonical.encode())
                self.acked += 1
                self.tui_acked += 1
                if not typed.startswith("crew set"):
                    added.append(ident)
                self.durations["tui_cmd"] = 0.8 * self.durations["tui_cmd"] + 0.2 * (time.monotonic() - t_cmd)
        # Wait until the app is dead (tmux may take a while to reap it: a zombie is dead).
        end = time.monotonic() + 5
        while time.monotonic() < end and not dead(w.pid):
            time.sleep(0.002)
        self.tmux_cmd("kill-session", "-t", name)
        for s in side:
            s.proc.wait()
        for s in side:
            self.finish_do(s)

    # ---------------------------------------------------------------- checks

    def torn_records(self, j):
        p = j.path + ".torn"
        if not os.path.exists(p):
            return []
        data = open(p, "rb").read()
        if data and not data.endswith(b"\n"):
            self.fail("%s does not end in a newline" % p)
        lines = data.split(b"\n")[:-1]
        out = []
        i = 0
        while i < len(lines):
            m = TORN_NOTE.match(lines[i])
            if not m or i + 1 >= len(lines):
                self.fail("%s line %d is not a set-aside note followed by its bytes: %r" % (p, i + 1, lines[i][:120]))
                return out
            # A torn line is one line of bytes; a cut batch is its marker and whatever of it got written.
            n = 1
            if m.group(4):
                while i + 1 + n < len(lines) and not TORN_NOTE.match(lines[i + 1 + n]):
                    n += 1
            out.append((m.group(1), int(m.group(2)), b"\n".join(lines[i + 1:i + 1 + n])))
            i += 1 + n
        return out

    def check(self, j, when):
        data = open(j.path, "rb").read() if os.path.exists(j.path) else b""
        cut = torn_start(data)
        whole = data[:cut].split(b"\n")[:-1] if cut else []
        tail = data[cut:]
        # 1. The journal opens: `coord check` exits 0, or 1 naming the torn line or cut batch.
        r = self.run([self.coord, "check", j.path])
        err = r.stderr.decode(errors="replace")
        out = r.stdout.decode(errors="replace")
        torn_msg = "%s:%d: the last " % (j.path, len(whole) + 1)
        opened = (r.returncode == 0 and not tail) or (r.returncode == 1 and tail and torn_msg in err and "is unfinished" in err)
        if whole and whole[0] != HEADER:
            opened = False
        if not opened:
            self.open_failures += 1
            self.fail("%s (%s): the journal does not open as it should: exit %d: %s" % (j.path, when, r.returncode, err.strip()[:400]))
            return False
        m = CHECK_HEAD.match(out.split("\n")[0]) if out else None
        commands = sum(1 for l in whole[1:] if l.strip(b" \t\r") and not l.lstrip(b" \t").startswith(b"#"))
        if not m or int(m.group(2)) != len(whole) or int(m.group(3)) != commands:
            self.fail("%s (%s): coord check counts %r, the file has %d whole lines, %d changes"
                      % (j.path, when, out.split("\n")[0], len(whole), commands))
        # 2. Every line after the set-up is a whole stamped line of a known writer.
        at = 0
        lines_of = {}
        bodies = Counter()
        for idx, line in enumerate(whole):
            start = at
            at += len(line) + 1
            if start < j.prefix_len or BATCH.match(line):
                continue
            mm = STAMPED.match(line)
            user = mm.group(3).decode() if mm else None
            if not mm or user not in j.writers:
                self.fail("%s:%d (%s): not a whole line of a known writer (interleaved?): %r" % (j.path, idx + 1, when, line[:160]))
                continue
            lines_of.setdefault(user, []).append(idx)
            bodies[(mm.group(1), user)] += 1
        # 3. Every acknowledged change is there; batches are whole and contiguous.
        for user, w in j.writers.items():
            idxs = lines_of.get(user, [])
            for body in w.acked:
                if bodies[(body, user)] < 1:
                    self.lost += 1
                    self.fail("%s (%s): LOST an acknowledged change of %s: %r" % (j.path, when, user, body[:160]))
            if w.kind == "tui":
                # One line per command typed, in the order typed; at least the acknowledged ones.
                mine = [STAMPED.match(whole[i]).group(1) for i in idxs]
                if mine != w.commands[: len(mine)] or len(mine) < len(w.acked):
                    self.fail("%s (%s): the app's lines %r are not what was typed %r" % (j.path, when, mine[:4], w.commands[:4]))
                continue
            if idxs and idxs[-1] - idxs[0] + 1 != len(idxs):
                self.fail("%s (%s): the lines of %s are not contiguous (lines %s): interleaved"
                          % (j.path, when, user, [i + 1 for i in idxs][:20]))
            if w.status == 0 and len(idxs) != len(w.commands):
                self.fail("%s (%s): %s acknowledged %d commands but has %d lines" % (j.path, when, user, len(w.commands), len(idxs)))
            if w.killed and idxs and len(idxs) != len(w.commands) and not w.flagged:
                w.flagged = True
                if w.cut:
                    self.cut_batches += 1
                else:
                    self.half_applied += 1
                    msg = ("%s (%s): HALF-APPLIED batch: %s was killed and left %d of its %d lines (lines %d-%d) in the journal"
                           % (j.path, when, user, len(idxs), len(w.commands), idxs[0] + 1, idxs[-1] + 1))
                    if os.environ.get("COORD_CRASH_TOLERATE_PARTIAL") == "1":
                        print("known issue: " + msg, file=sys.stderr, flush=True)
                    else:
                        self.fail(msg)
        # 4. Torn tails: a torn tail that has left the journal was set aside byte-exact.
        records = self.torn_records(j)
        still = []
        for t in j.pending_torn:
            if tail and len(whole) + 1 == t["line"] and len(data) - len(tail) == t["offset"] and tail == t["bytes"]:
                still.append(t)
                continue
            found = any(rec[2] == t["bytes"] and rec[1] == t["line"] and rec[0] == j.path.encode()
                        for rec in records[t["records_before"]:])
            if found:
                self.torn_set_aside += 1
                continue
            glued = data[t["offset"]:].startswith(t["bytes"])
            self.fail("%s (%s): a torn last line (line %d, %d bytes) left the journal without being set aside in %s.torn%s: %r"
                      % (j.path, when, t["line"], len(t["bytes"]), j.path,
                         " (the next line was appended to it)" if glued else "", t["bytes"][:120]))
        if tail and not any(t["offset"] == len(data) - len(tail) and t["bytes"] == tail for t in still):
            still.append(dict(offset=len(data) - len(tail), bytes=tail, line=len(whole) + 1, records_before=len(records)))
        j.pending_torn = still
        self.refresh_live(j, data)
        return True

    def last_ack_end(self, j, data):
        """The end of the last acknowledged line (the header and set-up count as acknowledged)."""
        acked = set()
        for user, w in j.writers.items():
            for body in w.acked:
                acked.add((body, user.encode()))
        end = j.prefix_len
        lines = data.split(b"\n")[:-1]
        ends, at = [], 0
        for line in lines:
            at += len(line) + 1
            ends.append(at)
        batch_last = -1  # the last line of the batch being read: one fsync made all of it durable
        for i, line in enumerate(lines):
            b = BATCH.match(line)
            if b:
                batch_last = i + int(b.group(1))
                continue
            mm = STAMPED.match(line)
            if mm and (mm.group(1), mm.group(3)) in acked:
                end = max(end, ends[min(batch_last, len(ends) - 1)] if i <= batch_last else ends[i])
        return end

    def lose_unsynced(self, j):
        """A crash that loses what was not synced: cut at or after the last acknowledged line."""
        data = open(j.path, "rb").read()
        low = self.last_ack_end(j, data)
        if low >= len(data):
            return False
        cut = self.rng.randint(low, len(data) - 1)
        # Writers whose lines lose bytes to the cut are excused from "all or nothing".
        at = 0
        for line in data.split(b"\n"):
            start, at = at, at + len(line) + 1
            if at - 1 < cut or start >= len(data):
                continue
            mm = STAMPED.match(line)
            if mm and mm.group(3).decode() in j.writers:
                j.writers[mm.group(3).decode()].cut = True
        # Torn tails that are cut away now were never seen by Coord: forget them.
        j.pending_torn = [t for t in j.pending_torn if t["offset"] + len(t["bytes"]) <= cut]
        os.truncate(j.path, cut)
        self.truncations += 1
        return True

    # ---------------------------------------------------------------- the run

    def episode(self):
        j = self.journal
        if j is None or j.episodes >= ROTATE_EPISODES or os.path.getsize(j.path) > ROTATE_BYTES:
            if j is not None:
                self.settle(j)
            j = self.new_journal()
        j.episodes += 1
        if self.tmux and self.rng.random() < 0.12:
            self.episode_tui()
        else:
            self.episode_do()
        if not self.check(j, "after kill"):
            self.journal = None
            return
        if self.rng.random() < 0.5 and self.lose_unsynced(j):
            if not self.check(j, "after losing unsynced bytes"):
                self.journal = None

    def settle(self, j):
        """A last good writer on the journal, so every torn tail is set aside, then a last check."""
        if not os.path.exists(j.path):
            return
        w = self.start_do(self.commands(1, {}), "single", False)
        w.proc.wait()
        self.finish_do(w)
        self.check(j, "final")
        if j.pending_torn:
            self.fail("%s: a torn line was still there after a last good write" % j.path)

    def main(self):
        t0 = time.monotonic()
        try:
            while self.kills < self.kills_wanted:
                self.episode()
            if self.journal is not None:
                self.settle(self.journal)
        finally:
            if self.tmux:
                self.tmux_cmd("kill-server")
            if os.environ.get("COORD_CRASH_KEEP") == "1":
                print("kept " + self.dir, file=sys.stderr)
            else:
                shutil.rmtree(self.dir, ignore_errors=True)
        elapsed = time.monotonic() - t0
        print("%d kills: %d acknowledged changes, %d lost, %d journals failed to open, %d torn tails set aside"
              % (self.kills, self.acked, self.lost, self.open_failures, self.torn_set_aside))
        print("  seed %d, %.1f s, %d journals (%d begun with a torn header), %d writers (%d app sessions, %d changes "
              "saved through the app), %d losses of unsynced bytes simulated, %d batches cut by them, "
              "%d batches half-applied by a kill"
              % (self.seed, elapsed, self.journal_count, self.torn_headers, self.writers_run, self.tui_sessions,
                 self.tui_acked, self.truncations, self.cut_batches, self.half_applied))
        if self.failures:
            print("%d failures (first: %s)" % (len(self.failures), self.failures[0]))
            return 1
        return 0


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip().split("\n\n")[1])
        return 2
    coord = os.path.abspath(argv[1])
    kills = int(argv[2]) if len(argv) > 2 else 200
    seed = int(argv[3]) if len(argv) > 3 else 1
    if not os.access(coord, os.X_OK):
        print("crash-harness: %s is not an executable coord" % coord, file=sys.stderr)
        return 2
    h = Harness(coord, kills, seed)
    if not h.tmux:
        print("crash-harness: tmux not found: the app is left out, only coord do is killed", file=sys.stderr)
    return h.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

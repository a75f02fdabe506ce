#!/usr/bin/env bash
# End-to-end tests: drive the real `coord` binary in tmux, as a person would, and read the screen.
# Usage: Tests/e2e/tmux-e2e.sh [path/to/coord]
set -u
E2E_NAME=e2e E2E_XDG="DATA STATE CONFIG"
. "$(dirname "$0")/lib.sh" "$@"

# 1. A new journal: one crew member through ':', one through the form; quit; reopen; both there.
J="$WORK/new.journal"
start 100x30 "$COORD" "$J"
if wait_for "1 Schedule 0"; then ok "a new journal opens on the schedule pane"; else fail "a new journal opens"; fi
keys ':' 'crew add name="Zoë Müller" role="1st AC" dept=Camera phone="+44 7700 900123" rate=350' Enter
if wait_for "saved: crew add Zoë Müller"; then ok ": adds a crew member and says saved"; else fail ": adds a crew member"; fi
keys 2 a; wait_for "Add crew member" 5
keys 'Ann Bell' Tab 'Runner' Tab 'prod' Tab '07700 900999' Enter
if wait_for "saved: crew add Ann Bell"; then ok "the form adds a crew member"; else fail "the form adds a crew member"; fi
keys q
if gone; then ok "q quits"; else fail "q quits"; fi
start 100x30 "$COORD" "$J"
keys 2
if wait_for "Zoë Müller" && wait_for "Ann Bell"; then ok "both are there after reopening"; else fail "both are there after reopening"; fi
keys q; gone >/dev/null
mode=$(stat -c %a "$J")
[ "$mode" = 600 ] && ok "the new journal is mode 0600" || fail "the new journal is mode 0600 (is $mode)"

# 2. Wide characters stay aligned: the Role column starts at the same screen column on every row.
"$COORD" do "$J" 'crew add name="東京 Tanaka" role=Gaffer dept=Electric' >/dev/null
start 100x30 "$COORD" "$J"
keys 2; wait_for "Tanaka"
if screen | python3 -c '
import sys, unicodedata
def width(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
cols = set()
for line in sys.stdin:
    if "pencilled" not in line or "Booking:" in line: continue
    for role in ("1st AC", "Runner", "Gaffer"):
        if role in line: cols.add(width(line[:line.index(role)]))
sys.exit(0 if len(cols) == 1 else 1)'; then ok "wide characters keep the columns aligned"; else fail "wide characters keep the columns aligned"; fi
keys q; gone >/dev/null

# 3. The demo: four panes with data; Tab changes pane.
start 100x30 "$COORD" --demo
if wait_for "1 Schedule 24" && wait_for "2 Crew 30" && wait_for "3 Budget 36" && wait_for "4 Clearances 17"; then
  ok "--demo shows the four panes with their counts"; else fail "--demo shows the four panes"; fi
if wait_for "Day 1 of 6"; then ok "--demo opens on the stripboard"; else fail "--demo opens on the stripboard"; fi
if wait_for "overdue"; then ok "--demo is dated so that some clearances are overdue today"; else fail "--demo shows overdue clearances"; fi
keys Tab
if wait_for "Booking" && wait_for "Zoë Marchetti"; then ok "Tab goes to the crew pane"; else fail "Tab goes to the crew pane"; fi
keys Tab
if wait_for "Committed"; then ok "Tab goes to the budget pane"; else fail "Tab goes to the budget pane"; fi
keys q; gone >/dev/null
[ -f "$WORK/data/coord/demo.journal" ] && ok "--demo writes a real journal" || fail "--demo writes a real journal"

# 3b. The stripboard: a strip moved to another day re-totals both days and the grid, and survives a restart.
S="$WORK/board.journal"
"$COORD" demo "$S" >/dev/null
start 100x30 "$COORD" "$S"
wait_for "Day 1 of 6" >/dev/null
keys j j   # scene 3, day 1's second strip
wait_for "Mara finds the keeper" >/dev/null
keys '>'
if wait_for "saved: strip move scene 3" && wait_for "3 2/8 pgs · 3 strips" && screen | grep -q "Day 2 of 6 .* 5 2/8 pgs · 5 strips"; then
  ok "> moves a strip to the next day and re-totals both days"; else fail "> moves a strip to the next day"; fi
keys v
if wait_for "D1   D2" && wait_for "Work Hold"; then ok "v shows the day-out-of-days grid"; else fail "v shows the grid"; fi
keys q; gone >/dev/null
start 100x30 "$COORD" "$S"
# The whole line, waited for rather than read once (this check failed once in six runs).
if wait_re "Day 2 of 6 .* 5 2/8 pgs · 5 strips"; then ok "the move survives a restart"; else fail "the move survives a restart"; fi
keys q; gone >/dev/null
if "$COORD" report days "$S" | grep -qE "^ +2 .* 5 +5 2/8"; then ok "coord report days shows the new day totals"; else fail "coord report days shows the new totals"; fi
"$COORD" report conflicts "$S" >/dev/null; rc=$?
[ $rc -eq 1 ] && ok "coord report conflicts exits 1 on the demo's conflicts" || fail "coord report conflicts exit status ($rc)"

# 3d. The budget ledger: record an invoice against an open PO; committed turns into actual, EFC and variance move at once.
L="$WORK/ledger.journal"
"$COORD" demo "$L" >/dev/null
start 100x30 "$COORD" "$L"
wait_for "1 Schedule" >/dev/null
keys 3
if wait_for "Variance" && screen | grep -qE "3200 +Lighting .* 1,850\.00 .* 2,000\.00 +0\.00"; then
  ok "the budget pane opens on the cost report (3200: 1,850.00 committed, on budget)"; else fail "the budget pane shows the cost report"; fi
keys v f Brunel Enter
wait_for "PO open" >/dev/null
keys I
wait_for "Add cost" >/dev/null
keys Tab Tab Tab Tab C-u 2100.00 Enter
if wait_for "committed -1,850.00 · EFC 2,100.00, variance -100.00 OVER"; then
  ok "I records the PO's invoice: committed turns into actual, EFC and variance move"; else fail "I records an invoice against the PO"; fi
keys Escape v v
if wait_for "Variance" && screen | grep -qE "3200 +Lighting .* 2,100\.00 +0\.00 .* -100\.00"; then
  ok "the cost report shows 3200 over by 100.00 at once"; else fail "the cost report shows the change"; fi
keys q; gone >/dev/null
if "$COORD" report cost "$L" | grep -qE "^3200 .* -100\.00 .*OVER"; then ok "coord report cost marks 3200 OVER"; else fail "coord report cost marks 3200 OVER"; fi
"$COORD" do "$L" 'etc add account=3200 amount=0 reason="Package returned early"' >/dev/null
if "$COORD" report cost "$L" --csv | grep -q "^account,3200,.*,entered,OVER"; then ok "coord do etc sets the ETC with its reason"; else fail "coord do etc"; fi

# 3e. Clearances: mark a music track cleared with its fee; the budget shows the commitment, the strip loses its flag.
Q="$WORK/clear.journal"
"$COORD" demo "$Q" >/dev/null
start 100x30 "$COORD" "$Q"
wait_for "1 Schedule" >/dev/null
keys f garden Enter
if wait_for "filter: garden" && screen | grep -qE "^[ ▸]18© "; then ok "a strip whose scene has an uncleared item is flagged ©"; else fail "strip 18 is flagged ©"; fi
keys 4
if wait_for "Clearances · 17 items" && screen | grep -qE "Clearances · 17 items · [0-9]+ overdue · 1 expiring"; then
  ok "the status line counts overdue and expiring clearances"; else fail "the status line counts overdue and expiring"; fi
keys D
if wait_for "deadlines first" && screen | sed -n 3p | grep -q "OVERDUE"; then ok "D lists overdue items first"; else fail "D lists overdue first"; fi
keys f Pendeen Space Boys Enter
wait_for "sync licence" >/dev/null
keys C
wait_for "Edit clearance" >/dev/null
keys Enter
if wait_for "saved: clearance set · 4400 committed +200.00"; then ok "C clears the track and its fee is committed to 4400"; else fail "C clears the track (commitment)"; fi
keys 3 f Music Enter
if wait_for "filter: Music" && screen | grep -qE "4400 +Music .* 320\.00"; then ok "the budget pane shows the new commitment"; else fail "the budget pane shows the commitment"; fi
keys 1
if wait_for "filter: garden" && screen | grep -qE "^[ ▸]18 " && ! screen | grep -q "18©"; then ok "the flag is gone from strip 18"; else fail "the flag is gone from strip 18"; fi
keys 4 L 'Countersigned licence received' Enter
if wait_for "saved: log add"; then ok "L adds a line to the clearance's log"; else fail "L adds a log line"; fi
keys q; gone >/dev/null
if "$COORD" report cuesheet "$Q" | grep -qE "Total music +3:47 +3 cues"; then ok "coord report cuesheet totals the music"; else fail "coord report cuesheet totals"; fi
if "$COORD" report clearances "$Q" --status cleared --csv | grep -q "^cl15,"; then ok "coord report clearances --status cleared lists the track"; else fail "coord report clearances --status"; fi

# 3c. The crew desk: filter to a department, change a person's call for the next shoot day, see it on the call sheet.
C="$WORK/calls.journal"
"$COORD" demo "$C" >/dev/null
start 100x30 "$COORD" "$C"
wait_for "1 Schedule" >/dev/null
keys 2 f Sound Enter
if wait_for "filter: Sound" && wait_for "Tomos Rees" && ! screen | grep -q "Zoë Marchetti"; then ok "f filters the crew to one department"; else fail "f filters the crew"; fi
keys j c
wait_for "Add call time" >/dev/null
keys C-u 06:15 Enter
if wait_for "saved: call add Tomos Rees 06:15 on day 1"; then ok "c sets a person's call for the next shoot day"; else fail "c sets a call"; fi
keys 1 j s
if wait_for "CALL SHEET" && wait_for "Day 1 of 6"; then ok "s previews the call sheet"; else fail "s previews the call sheet"; fi
keys G
if wait_for "Tomos Rees" && screen | grep -q "Tomos Rees .*06:15"; then ok "the new call is on the call sheet preview"; else fail "the new call is on the preview"; fi
keys Escape q; gone >/dev/null
if "$COORD" callsheet "$C" --day 2 --format html | grep -q "@page"; then ok "coord callsheet --format html is a printable page"; else fail "coord callsheet html"; fi

# 3d. Wrap: x marks a strip shot (✓), the status bar counts its pages, the progress report lists it.
P="$WORK/progress.journal"
"$COORD" demo "$P" >/dev/null
start 100x30 "$COORD" "$P"
wait_for "Day 1 of 6" >/dev/null
keys j j j j j j j   # scene 4, day 2's first strip
wait_for "id: s4" >/dev/null
keys x
if wait_for "saved: scene 4 marked shot on day 2" && screen | grep -q "^▸4✓ .*Lighthouse - compound" && screen | grep -qF "3 3/8 of 18 6/8 pgs shot"; then
  ok "x marks a strip shot and the status bar counts its pages"; else fail "x marks a strip shot"; fi
keys q; gone >/dev/null
if "$COORD" report progress "$P" --day 2 | grep -q "^  Scenes completed    1 (4/8 pgs)"; then ok "coord report progress lists the scene shot"; else fail "coord report progress lists the scene shot"; fi

# 4. Too small, then enlarged: says so, then recovers.
start 100x30 "$COORD" "$J"
wait_for "1 Schedule" >/dev/null
tm resize-window -t e2e -x 60 -y 20
if wait_for "terminal too small (need 80x24)"; then ok "a small terminal is told so"; else fail "a small terminal is told so"; fi
tm resize-window -t e2e -x 100 -y 30
if wait_for "1 Schedule"; then ok "it recovers when enlarged"; else fail "it recovers when enlarged"; fi
keys q; gone >/dev/null

# 5. Hang-up with a half-filled form and a half-typed ':' line: nothing partial, terminal let go.
before=$(cat "$J")
start 100x30 "$COORD" "$J"
keys 2 a 'Half Typed' Tab 'Rol'
wait_for "Add crew member" >/dev/null
pid=$(pgrep -f "^$COORD $J\$" | head -1)
kill -HUP "$pid"
if gone; then ok "SIGHUP ends coord"; else fail "SIGHUP ends coord"; fi
[ "$(cat "$J")" = "$before" ] && ok "a half-filled form leaves the journal as it was" || fail "a half-filled form leaves the journal as it was"
start 100x30 "$COORD" "$J"
keys ':' 'crew add name="Half'
wait_for ':crew add' >/dev/null
tm kill-session -t e2e
sleep 0.5
[ "$(cat "$J")" = "$before" ] && ok "killing tmux mid-command leaves no partial line" || fail "killing tmux mid-command leaves no partial line"
pgrep -f "^$COORD $J\$" >/dev/null && fail "coord is still running after its terminal went away" || ok "coord exits when its terminal goes away"
"$COORD" check "$J" >/dev/null && ok "the journal checks clean afterwards" || fail "the journal checks clean afterwards"
start 100x30 "$COORD" "$J"
wait_for "1 Schedule" >/dev/null
pid=$(pgrep -f "^$COORD $J\$" | head -1)
kill -TERM "$pid"
if gone && screen | grep -q "EXITED 143"; then ok "SIGTERM ends coord cleanly"; else fail "SIGTERM ends coord cleanly"; fi

# 5a. Two coordinators, one journal: a change from another writer shows within a second, and whoever is editing that record is told.
W="$WORK/two.journal"
"$COORD" demo "$W" >/dev/null
start 100x30 "$COORD" "$W"
wait_for "1 Schedule" >/dev/null
keys 2
wait_for "Jo Alder" >/dev/null
keys j e
wait_for "Edit crew member" >/dev/null
"$COORD" do "$W" 'crew set id=cr-jo role="Line producer"' >/dev/null
if wait_for "Jo Alder was changed by another writer while you edit it" 2; then ok "the person editing a record is told another writer changed it (within a second)"; else fail "told of another writer's change"; fi
keys Escape
"$COORD" do "$W" 'crew add name="Second Writer" dept=Camera' >/dev/null
if wait_for "1 change from another writer" 2 && wait_for "2 Crew 31"; then ok "another writer's new record shows without a restart"; else fail "another writer's record shows"; fi
keys q; gone >/dev/null
"$COORD" check "$W" >/dev/null && ok "two writers leave a journal that checks clean" || fail "two writers: journal checks clean"

# 5b. Faults: a full disk (injected) says "not saved", writes nothing, and the change is kept to retry.
F="$WORK/fault.journal"
"$COORD" demo "$F" >/dev/null
start 100x30 COORD_FAULT_FILE="$WORK/fault" "$COORD" "$F"
wait_for "1 Schedule" >/dev/null
before=$(wc -c < "$F")
touch "$WORK/fault"
keys 2 a 'Rhian Retry' Enter
if wait_for "not saved: No space left on device" && screen | grep -q "Add crew member"; then
  ok "a full disk says not saved and keeps the form open"; else fail "a full disk says not saved"; fi
[ "$(wc -c < "$F")" = "$before" ] && [ "$(tail -c1 "$F" | od -An -c | tr -d ' ')" = '\n' ] && ok "nothing partial was left in the journal" || fail "nothing partial was left"
rm -f "$WORK/fault"
keys Enter
if wait_for "saved: crew add Rhian Retry"; then ok "Enter again saves once the disk has room"; else fail "retry saves"; fi
keys q; gone >/dev/null
"$COORD" check "$F" >/dev/null && ok "the journal checks clean after the fault" || fail "the journal checks clean after the fault"

# 5c. A read-only journal opens to look at (root ignores file modes: an immutable file is read-only even to root).
R="$WORK/readonly.journal"
"$COORD" demo "$R" >/dev/null
if chattr +i "$R" 2>/dev/null || { [ "$(id -u)" -ne 0 ] && chmod 444 "$R"; }; then
  start 100x30 "$COORD" "$R"
  if wait_for "READ-ONLY"; then ok "a read-only journal opens with READ-ONLY shown"; else fail "a read-only journal opens"; fi
  keys ':' 'crew add name=Nope' Enter
  if wait_for "not saved:" && screen | grep -q "is read-only"; then ok "a change to it is refused: not saved, read-only"; else fail "a change to a read-only journal is refused"; fi
  keys q; gone >/dev/null
  chattr -i "$R" 2>/dev/null; chmod 600 "$R"
else
  ok "read-only journal: skipped (cannot make a file read-only here)"
fi

# 6. NO_COLOR: no colour escapes at all.
start 100x30 NO_COLOR=1 "$COORD" --demo
wait_for "1 Schedule" >/dev/null
keys 3
wait_for "Committed" >/dev/null
if tm capture-pane -p -e -t e2e | grep -qE $'\e\\[[0-9;]*(3[0-7]|9[0-7]|38;)'; then fail "NO_COLOR shows no colour"; else ok "NO_COLOR shows no colour"; fi
# The selection: a marker and the first cell in reverse video, on one row only, not a full-width bar.
keys j
wait_for "id: a1200" >/dev/null
sel=$(tm capture-pane -p -e -t e2e | grep -c $'▸\e\\[[0-9;]*7m')
bars=$(tm capture-pane -p -e -t e2e | sed -n '3,27p' | grep -cE $'\e\\[[0-9;]*7m[^\e]{40}')
if [ "$sel" = 1 ] && [ "$bars" = 0 ] && screen | grep -q "^▸1200 "; then ok "NO_COLOR: the selected row shows ▸ and a reversed first cell, no bar"
else fail "NO_COLOR: the selection shows (marked rows: $sel, bars: $bars)"; fi
keys q; gone >/dev/null

# 7. The command-line front door, and bad input.
K="$WORK/do.journal"
if "$COORD" do "$K" 'crew add name="Zoë Müller" role="1st AC" dept=Camera' >/dev/null && "$COORD" check "$K" | grep -q "crew        1"; then
  ok "coord do then coord check"; else fail "coord do then coord check"; fi
out=$("$COORD" do "$K" 'crew add name=A' 'cost add account=9 amount=1' 2>&1); rc=$?
[ $rc -ne 0 ] && echo "$out" | grep -q "command 2" && ok "coord do names the bad command and fails" || fail "coord do names the bad command ($out)"
"$COORD" check "$K" | grep -q "crew        1" && ok "a failed coord do writes nothing" || fail "a failed coord do writes nothing"
echo 'this is not a command' >> "$K"
out=$("$COORD" check "$K" 2>&1); rc=$?
[ $rc -ne 0 ] && echo "$out" | grep -q "do.journal:3:" && ok "coord check cites the bad line" || fail "coord check cites the bad line ($out)"
"$COORD" "$J" </dev/null >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "without a terminal coord says so and exits 2" || fail "without a terminal exits 2 (got $rc)"

# 8. Maintenance: coord compact writes an equivalent shorter journal and keeps the old one (both 0600).
M="$WORK/compact.journal"
"$COORD" demo "$M" >/dev/null
for i in 1 2 3 4 5 6; do "$COORD" do "$M" "crew set id=cr-jo role=\"Producer $i\"" >/dev/null; done
before=$("$COORD" report cost "$M" --csv | md5sum)
out=$("$COORD" compact "$M")
bak=$(ls "$M".*.bak 2>/dev/null | head -1)
if echo "$out" | grep -q "compacted" && [ -n "$bak" ] && "$COORD" check "$M" >/dev/null && [ "$("$COORD" report cost "$M" --csv | md5sum)" = "$before" ] \
   && [ "$(grep -c '^crew set id=cr-jo' "$M")" = 1 ]; then ok "coord compact squashes changes, keeps a dated backup, same reports"; else fail "coord compact ($out)"; fi
[ "$(stat -c %a "$M")" = 600 ] && [ "$(stat -c %a "$bak")" = 600 ] && ok "the compacted journal and its backup are mode 0600" || fail "compact modes"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]

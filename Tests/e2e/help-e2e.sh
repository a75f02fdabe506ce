#!/usr/bin/env bash
# End-to-end: the searchable ? help (with why a key is off), the first-run hint, and the
# progress bars of a long open and a long import, driven in tmux as a new user would.
# Usage: Tests/e2e/help-e2e.sh path/to/coord
set -u
E2E_NAME=help-e2e E2E_XDG="DATA STATE"
. "$(dirname "$0")/lib.sh" "$@"

# 1. The first run shows the most useful keys; the next run the usual message.
start 80x24 "$COORD" "$WORK/new.journal"
if wait_for "New here? j/k move" && screen | grep -q "? all keys"; then ok "the first run shows the key hint on the bottom line"; else fail "the first run shows the key hint"; fi
[ -f "$WORK/state/coord/first-run-done" ] && ok "the marker is under \$XDG_STATE_HOME/coord" || fail "the first-run marker is under \$XDG_STATE_HOME/coord"
keys q; gone >/dev/null
start 80x24 "$COORD" "$WORK/new.journal"
if wait_for "every change is saved as you make it" && ! screen | grep -q "New here"; then ok "the second run shows the usual message"; else fail "the second run shows the usual message"; fi
keys q; gone >/dev/null

# 2. ? then /undo: the undo key, and why it does nothing yet; Esc clears, Esc closes.
start 80x24 "$COORD" --demo
wait_for "1 Schedule" >/dev/null
keys '?'
if wait_for "Type / and words to narrow this list"; then ok "? opens the help, whose first line says how to search it"; else fail "? opens the help"; fi
keys / u n d o
if wait_for "undo your last change" && wait_for "not now: nothing to undo yet" && ! screen | grep -q "move down"; then
  ok "/undo narrows the help to the undo key and says why it is off"; else fail "/undo narrows the help"; fi
keys Enter Escape
if wait_for "go to the crew list"; then ok "Esc clears the search: every key is back"; else fail "Esc clears the search"; fi
keys / b o a r d Enter
if wait_for "show the next board" && ! screen | grep -q "go to the crew list"; then ok "/board finds the board keys"; else fail "/board finds the board keys"; fi
keys Escape Escape
if wait_for "Day 1 of 6" && ! screen | grep -q "Type / and words"; then ok "a second Esc closes the help"; else fail "a second Esc closes the help"; fi
keys 2 j d y; wait_for "saved: crew rm" >/dev/null
keys '?' / u n d o
if wait_for "undo your last change" && ! screen | grep -q "nothing to undo yet"; then ok "after a change, undo is no longer marked off"; else fail "undo is on after a change"; fi
keys Escape Escape q; gone >/dev/null

# 3. A long open shows a moving progress bar (only on a terminal); it is gone once open.
# The journal grows until a plain replay takes over a second on this build.
J="$WORK/big.journal"
events=50000
while :; do
  "$COORD" bench generate --events $events "$J" >/dev/null
  t0=$(date +%s%N); "$COORD" check "$J" >/dev/null; t=$(( ($(date +%s%N) - t0) / 1000000 ))
  [ $t -ge 1500 ] || [ $events -ge 1600000 ] && break
  events=$((events * 4)); rm -f "$J"
done
start 100x30 "COORD_CHECKPOINTS=off" "$COORD" "$J"
if wait_for "Opening big.journal" 20 && wait_for "lines" && screen | grep -q "█"; then
  first=$(screen | grep -o "[0-9,]* / [0-9,]* lines" | head -1)
  sleep 0.6
  second=$(screen | grep -o "[0-9,]* / [0-9,]* lines" | head -1)
  if [ -n "$second" ] && [ "$first" != "$second" ]; then ok "opening a large journal shows a moving progress bar ($first, then $second)"
  elif wait_for "1 Schedule" 1; then ok "opening a large journal shows a progress bar ($first)"
  else fail "the progress bar moves"; fi
else fail "opening a large journal shows a progress bar"; fi
if wait_for "1 Schedule" 120 && ! screen | grep -q "Opening big.journal"; then ok "the bar is gone once the app is open"; else fail "the bar is gone once open"; fi
keys q; gone >/dev/null

# 4. A long import shows the rows checked and the changes saved, then its usual report only.
"$COORD" export costs "$J" "$WORK/costs.csv" >/dev/null
(head -1 "$J"; grep -E "^(production|category|account) " "$J") > "$WORK/chart.journal"
cp "$WORK/chart.journal" "$WORK/target.journal"
start 120x30 "bash --norc"
keys "XDG_STATE_HOME=$WORK/state $COORD import costs $WORK/target.journal $WORK/costs.csv | cut -c1-60" Enter
if wait_for "Checking costs.csv" 60 && screen | grep -q "rows"; then ok "an import shows the rows it has checked"; else fail "an import shows rows checked"; fi
if wait_for "imported $WORK/costs.csv" 180 && ! screen | grep -qE "Checking costs.csv|Saving into"; then
  ok "the import's bars are gone when it is done"; else fail "the import's bars are cleared"; fi
cp "$WORK/chart.journal" "$WORK/target2.journal"
"$COORD" import costs "$WORK/target2.journal" "$WORK/costs.csv" >/dev/null 2>"$WORK/err.txt"
if ! grep -q "█" "$WORK/err.txt" && ! grep -q "Checking" "$WORK/err.txt"; then ok "with standard error not a terminal, no bar is written"; else fail "no bar when stderr is a file"; fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]

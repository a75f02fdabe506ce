#!/usr/bin/env bash
# End-to-end: the config file, themes and the mouse, driven in tmux as a person would.
# Usage: Tests/e2e/looks-e2e.sh path/to/coord
set -u
E2E_NAME=looks-e2e E2E_XDG="DATA CONFIG"
. "$(dirname "$0")/lib.sh" "$@"
# click X Y / wheel up|down: what a terminal sends in xterm's mouse mode (X10 bytes, 0-based cells),
# a press then a release, as tmux passes them to the app.
x10() { printf '\033[M%b%b%b' "\\$(printf '%03o' $(($1 + 32)))" "\\$(printf '%03o' $(($2 + 33)))" "\\$(printf '%03o' $(($3 + 33)))"; }
click() { keys -l "$(x10 0 "$1" "$2")"; keys -l "$(x10 3 "$1" "$2")"; }
wheel() { keys -l "$(x10 $([ "$1" = up ] && echo 64 || echo 65) 10 10)"; }
# The 0-based column where TEXT starts on screen row Y.
col_of() { screen | sed -n "$(($2 + 1))p" | awk -v t="$1" '{ i = index($0, t); print (i ? i - 1 : -1) }'; }
config() { mkdir -p "$WORK/config/coord"; printf '%s\n' "$@" > "$WORK/config/coord/config"; }

# 1. A bad key override is reported at start-up with its line; the rest of the file still counts.
config "# mine" "key.undo = ??" "theme = light"
start 100x30 "$COORD" --demo
if wait_for "config line 2: key.undo = ?? — '??' is not a key" 10; then ok "a bad key override is reported at start-up"; else fail "a bad key override is reported at start-up"; fi

# 2. t changes the theme and says how to keep it; ? lists t.
keys t
if wait_for 'theme: monochrome — put `theme = monochrome` in' 5; then ok "t cycles from light to monochrome and says how to keep it"; else fail "t cycles the theme"; fi
keys '?'; found=0
for _ in $(seq 1 12); do sleep 0.2; screen | grep -q "change the theme" && { found=1; break; }; keys NPage; done
[ $found = 1 ] && ok "? help shows the theme key" || fail "? help shows the theme key"
keys Escape

# 3. The mouse: on by default; a click selects a row, a tab, a hint; the wheel scrolls.
[ "$(tm display -p -t e2e '#{mouse_any_flag}')" = 1 ] && ok "the app asks the terminal for the mouse" || fail "mouse reporting is on"
click 5 4; sleep 0.3
if screen | sed -n 5p | grep -q "^▸"; then ok "a click on a row selects it"; else fail "a click on a row selects it"; fi
wheel down; wheel down; sleep 0.3
if screen | grep -qF "  7/"; then ok "the wheel scrolls (two notches of three rows)"; else fail "the wheel scrolls"; fi
x=$(col_of "2 Crew" 0); click $((x + 2)) 0
if wait_for "Crew · 30 people" 5; then ok "a click on a tab switches pane"; else fail "a click on a tab switches pane"; fi
x=$(col_of "? help" 28); click $((x + 2)) 28
if wait_for "Esc closes" 5; then ok "a click on the ? help hint opens help"; else fail "a click on a status-bar hint runs it"; fi
keys Escape q

# 4. mouse = off: the terminal is not asked for the mouse.
config "mouse = off"
start 100x30 "$COORD" --demo
wait_for "1 Schedule" 10
[ "$(tm display -p -t e2e '#{mouse_any_flag}')" = 0 ] && ok "mouse = off leaves the mouse to the terminal" || fail "mouse = off"
keys q

# 5. The working-time defaults reach coord report conflicts; the journal's own rule wins.
config "rest = 23" "maxday = 10+1" "key.quit = ??"
D="$WORK/data/coord/demo.journal"
export XDG_CONFIG_HOME="$WORK/config"
out=$("$COORD" report conflicts "$D" 2>"$WORK/err")
echo "$out" | grep -q "the rule is 23 hours" && ok "report conflicts uses the config's rest" || fail "report conflicts uses the config's rest: $out"
grep -q "config line 3: key.quit = ??" "$WORK/err" && ok "report conflicts says what in the config it could not use" || fail "config problems on stderr: $(cat "$WORK/err")"
"$COORD" do "$D" "production set rest=9" >/dev/null
"$COORD" report conflicts "$D" 2>/dev/null | grep -q "the rule is 23 hours" && fail "the journal's rest wins over the config" || ok "the journal's rest wins over the config"

# 6. NO_COLOR wins: t says so.
config "theme = colour"
start 100x30 NO_COLOR=1 "$COORD" --demo
wait_for "1 Schedule" 10; keys t
if wait_for "NO_COLOR is set" 5; then ok "NO_COLOR keeps it monochrome"; else fail "NO_COLOR keeps it monochrome"; fi
keys q

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]

#!/usr/bin/env bash
# End-to-end: / search with n, :find and a jump, Tab completion at the : line, :help VERB,
# driven in tmux on `coord --demo` as a new user would.
# Usage: Tests/e2e/search-e2e.sh path/to/coord
set -u
E2E_NAME=search-e2e E2E_XDG="DATA CONFIG"
. "$(dirname "$0")/lib.sh" "$@"
# Esc is followed by a pause where another key comes next: Esc then a key at once reads as Alt-key.
# The line of the screen holding the selection marker.
selected() { screen | grep '▸' | head -1; }

start 100x30 "$COORD" --demo
wait_for "1 Schedule 24" || fail "the demo opens"

# 1. / finds a crew member by part of the name, without the accent; n goes on; Esc goes back.
keys 2; wait_for "Zoë Marchetti"
keys / m a r
if wait_for "/mar" && selected | grep -q "Zoë Marchetti"; then ok "/mar jumps to Zoë Marchetti as it is typed"; else fail "/mar jumps to Zoë Marchetti"; fi
keys Enter
if wait_for "/mar 1 of 3"; then ok "the status bar says which match of how many"; else fail "the status bar says match 1 of 3"; fi
keys n
if wait_for "match 2 of 3"; then ok "n goes to the next match"; else fail "n goes to the next match"; fi
keys n n
if wait_for "search wrapped to the top" && selected | grep -q "Zoë Marchetti"; then ok "n after the last match wraps and says so"; else fail "n wraps"; fi
keys / z o e
if wait_for "/zoe 1 of 1"; then ok "zoe finds Zoë (accents optional)"; else fail "zoe finds Zoë"; fi
keys / q x z q
if wait_for "/qxzq no match"; then ok "a search with no match says so"; else fail "no match is said"; fi
keys Escape; sleep 0.3
if wait_for "search cancelled" && selected | grep -q "Zoë Marchetti"; then ok "Esc goes back to where you were"; else fail "Esc goes back"; fi
# The matched text is drawn in the match style (reverse or a background colour).
keys / t o m Enter; wait_for "/tom"
if tm capture-pane -e -p -t e2e | grep -E 'Tom' | grep -qE $'\e\\[[0-9;]*(7|43)m'; then ok "the matched text is highlighted"; else fail "the matched text is highlighted"; fi
keys Escape; sleep 0.3

# 2. :find lists hits across the records; Enter goes to the hit's pane with it selected.
keys : 'find brunel' Enter
if wait_for 'Find "brunel"' && wait_for "Vendor: Brunel Lighting Ltd"; then ok ":find lists the records holding the word, with the field"; else fail ":find lists hits"; fi
keys Enter
if wait_for "Budget · 45 costs" && selected | grep -q "Brunel Lighting"; then ok "Enter goes to the cost, in the cost entries, selected"; else fail "Enter jumps to the hit"; fi
keys F
if wait_for ":find"; then ok "F opens the : line with find"; else fail "F opens :find"; fi
keys Escape; sleep 0.3

# 3. Tab completes the noun, verb, key and value; the status bar lists the candidates.
keys : 'crew se' Tab
if wait_for ":crew set" && wait_for " set"; then ok "Tab completes the verb"; else fail "Tab completes the verb"; fi
keys Tab
if wait_for "1/23: id=  name=  role="; then ok "Tab lists the keys of crew in the status bar"; else fail "Tab lists the keys"; fi
keys 'zo' Tab
if wait_for ":crew set id=cr-dp" && wait_for "cr-dp Zoë Marchetti"; then ok "Tab finds an id by the person's name"; else fail "Tab completes an id"; fi
keys 'ro' Tab '"Director of photography"' Enter
if wait_for "saved: crew set"; then ok "the completed line runs"; else fail "the completed line runs"; fi

# 4. :help VERB shows the same text as coord help VERB.
keys : 'help set' Enter
first=$("$COORD" help set | head -1)
if wait_for "help set" && wait_for "${first:0:40}"; then ok ":help set shows what coord help set prints"; else fail ":help set"; fi
keys Escape; sleep 0.3; keys : 'help nosuch' Enter
if wait_for 'no help on "nosuch"'; then ok ":help with an unknown word says what to try"; else fail ":help unknown word"; fi
keys : help Enter
if wait_for "Keys"; then ok ":help alone shows the keys"; else fail ":help alone"; fi
keys Escape; sleep 0.3; keys q

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]

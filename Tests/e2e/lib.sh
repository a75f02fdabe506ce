# Shared by the Tests/e2e/*-e2e.sh scripts: a private tmux server, the coord binary, and the
# helpers that drive it as a person would. Before sourcing, set E2E_NAME (the work folder's
# name) and E2E_XDG (which of DATA STATE CONFIG get a private XDG_*_HOME under the work folder).
# Usage in a script: . "$(dirname "$0")/lib.sh" "$@"
COORD=${1:-$(swift build --show-bin-path)/coord}
COORD=$(cd "$(dirname "$COORD")" && pwd)/$(basename "$COORD")
WORK=$(mktemp -d "/tmp/coord-${E2E_NAME:-e2e}.XXXXXX")
SOCK="$WORK/tmux.sock"
export TERM=xterm-256color
passed=0; failed=0

tm() { tmux -S "$SOCK" "$@"; }
screen() { tm capture-pane -p -t e2e 2>/dev/null; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

ok() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; echo "----- screen -----"; screen 2>/dev/null; echo "------------------"; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT (fixed string).
# wait_re REGEX [SECONDS]: until a line of the screen matches REGEX (grep -E).
wait_grep() {
  local flag=$1 pattern=$2 deadline=$((SECONDS + ${3:-10}))
  while [ $SECONDS -lt $deadline ]; do
    screen 2>/dev/null | grep -q"$flag" -- "$pattern" && return 0
    sleep 0.1
  done
  return 1
}
wait_for() { wait_grep F "$@"; }
wait_re() { wait_grep E "$@"; }
# start COLSxROWS COMMAND...: a fresh tmux session running COMMAND (TERM fixed so line drawing
# is Unicode), with the script's private XDG folders.
start() {
  local size=$1; shift
  local xdg="" x
  for x in ${E2E_XDG:-DATA}; do xdg="$xdg XDG_${x}_HOME=$WORK/$(printf '%s' "$x" | tr 'A-Z' 'a-z')"; done
  tm kill-session -t e2e 2>/dev/null
  tm new-session -d -s e2e -x "${size%x*}" -y "${size#*x}" \
    "env TERM=tmux-256color$xdg $*; echo EXITED \$?; sleep 30"
}
keys() { tm send-keys -t e2e "$@"; }
gone() { local d=$((SECONDS + 10)); while [ $SECONDS -lt $d ]; do screen | grep -q "EXITED" && return 0; sleep 0.1; done; return 1; }

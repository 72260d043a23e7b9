# Shared helpers of the harness tests (tests/harness), sourced by them (after they
# have made their arguments absolute paths): sourcing moves into a fresh temporary
# directory, removed at exit, and sets 'fail' to 0, which the test exits with;
# check compares one result and sets 'fail' to 1 when it differs; interrupt sends
# SIGINT to a command that creates the file 'ready' in the current directory just
# before the code to interrupt (an endless loop), once it exists; the command must
# end within 20 s, or it is killed.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail=0

check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    echo "FAIL $1: expected [$2] got [$3]"
    fail=1
  else
    echo "ok $1"
  fi
}

interrupt() {  # interrupt INFILE OUTFILE COMMAND...: echoes COMMAND's exit status
  local pid i
  rm -f ready
  "${@:3}" < "$1" > "$2" 2>&1 &
  pid=$!
  for ((i = 0; i < 400; i++)); do
    [ -e ready ] && break
    sleep 0.05
  done
  kill -INT "$pid"
  for ((i = 0; i < 400; i++)); do
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.05
  done
  kill -KILL "$pid" 2> /dev/null && echo "(still running: killed)" >> "$2"
  wait "$pid"
  echo $?
}

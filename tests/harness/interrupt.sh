# SIGINT helper for the harness tests (tests/harness), sourced by them: the command
# run creates the file 'ready' in the current directory just before the code to
# interrupt (an endless loop); the signal is sent once it exists, and the command
# must end within 20 s, or it is killed.
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

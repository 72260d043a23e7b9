#!/bin/bash
# Runs one limits test: compiles SCRIPT.lua with piccoloc and runs it on piccolo
# with the flags of its "-- limit-args:" line, then checks the exit status
# ("-- limit-status: N"), that stderr contains the "-- limit-stderr: TEXT" line
# (if any) and that stdout equals the "-- limit-stdout: TEXT" lines (if any).
# These scripts are bounded only by piccolo's limits (lua5.4 would hang or
# exhaust the machine), so their expectations are written in the script.
set -u
piccoloc=$1 piccolo=$2 script=$3
tmp=${TEST_TMPDIR:-$(mktemp -d)}
field() { sed -n "s/^-- $1: //p" "$script"; }
args=$(field limit-args)
want_status=$(field limit-status)
want_stderr=$(field limit-stderr)
want_stdout=$(field limit-stdout)
"$piccoloc" -o "$tmp/t.pci" "$script" || { echo "FAIL: does not compile"; exit 1; }
# shellcheck disable=SC2086
timeout 120 "$piccolo" $args "$tmp/t.pci" > "$tmp/out" 2> "$tmp/err"
status=$?
fail=0
if [ "$status" != "${want_status:-0}" ]; then
  echo "FAIL: exit status $status, expected ${want_status:-0}"; fail=1
fi
if [ -n "$want_stderr" ] && ! grep -qF -- "$want_stderr" "$tmp/err"; then
  echo "FAIL: stderr lacks '$want_stderr'"; fail=1
fi
if [ -n "$want_stdout" ] && [ "$(cat "$tmp/out")" != "$want_stdout" ]; then
  echo "FAIL: stdout differs"; fail=1
fi
if [ $fail = 1 ]; then
  echo "--- stdout"; head -c 2000 "$tmp/out"; echo "--- stderr"; head -c 2000 "$tmp/err"
  exit 1
fi
echo "PASS: $script (status $status)"

#!/bin/bash
# Lua script test runner (tests/harness): compiles one script with piccoloc, runs the
# image on piccolo from the workspace root, and compares stdout and exit status with
# the recorded lua5.4 results (see tests/README.md for the .expected/.status format),
# then does the same with the optimizer off (-O0).
# Usage: run_lua_test.sh PICCOLOC PICCOLO SCRIPT.lua
set -u

piccoloc=$1
piccolo=$2
script=$3
base=${script%.lua}
expected=$base.expected
status_file=$base.status

tmp=${TEST_TMPDIR:-$(mktemp -d)}
image=$tmp/test.pci

if [ ! -f "$expected" ]; then
  echo "FAIL: $expected is missing (run tools/regen-expected.sh)"
  exit 1
fi

# Optional first-line directive: "-- piccolo-args: ARGS..." (extra runtime flags,
# placed before the image).
extra=()
first=$(head -n 1 "$script")
case $first in
  "-- piccolo-args:"*) read -r -a extra <<< "${first#-- piccolo-args:}" ;;
esac

want_status=0
if [ -f "$status_file" ]; then
  want_status=$(tr -d ' \n' < "$status_file")
fi

if ! "$piccoloc" -o "$image" "$script" > "$tmp/compile.out" 2>&1; then
  echo "FAIL: piccoloc could not compile $script:"
  cat "$tmp/compile.out"
  exit 1
fi

"$piccolo" "${extra[@]}" "$image" > "$tmp/stdout" 2> "$tmp/stderr"
got_status=$?

fail=0
if ! cmp -s "$expected" "$tmp/stdout"; then
  echo "FAIL: stdout differs from $expected (--- expected, +++ piccolo):"
  diff -u --label expected --label piccolo "$expected" "$tmp/stdout" | head -n 60
  fail=1
fi
# A script that lua5.4 ends with an error (status 1) must also fail on piccolo;
# the exact non-zero value is not compared (see tests/README.md).
if [ "$want_status" = 0 ] && [ "$got_status" != 0 ]; then
  echo "FAIL: exit status $got_status, expected 0"
  fail=1
elif [ "$want_status" != 0 ] && [ "$got_status" = 0 ]; then
  echo "FAIL: exit status 0, expected non-zero ($want_status under lua5.4)"
  fail=1
fi
# The optimizer must never change behaviour: the same script compiled with -O0
# gives the same output.
if "$piccoloc" -O0 -o "$tmp/test-O0.pci" "$script" > "$tmp/compile.out" 2>&1; then
  "$piccolo" "${extra[@]}" "$tmp/test-O0.pci" > "$tmp/stdout-O0" 2> /dev/null
  if ! cmp -s "$expected" "$tmp/stdout-O0"; then
    echo "FAIL: with -O0, stdout differs from $expected:"
    diff -u --label expected --label piccolo-O0 "$expected" "$tmp/stdout-O0" | head -n 30
    fail=1
  fi
else
  echo "FAIL: piccoloc -O0 could not compile $script:"
  cat "$tmp/compile.out"
  fail=1
fi
if [ $fail != 0 ] || [ "$got_status" != 0 ]; then
  echo "--- stderr of piccolo:"
  head -n 20 "$tmp/stderr"
fi
if [ $fail = 0 ]; then
  echo "PASS: $script"
fi
exit $fail

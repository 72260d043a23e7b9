#!/bin/bash
# Golden listing test (tests/golden): runs `piccoloc -p -l [ARGS] SCRIPT.lua` and
# compares its output byte for byte with SCRIPT.expected. Optional first-line
# directive "-- piccoloc-args: ARGS..." adds compiler options (e.g. -O0).
# Usage: run_golden_test.sh PICCOLOC SCRIPT.lua SCRIPT.expected
set -u
piccoloc=$1
script=$2
expected=$3
extra=()
first=$(head -n 1 "$script")
case $first in
  "-- piccoloc-args:"*) read -r -a extra <<< "${first#-- piccoloc-args:}" ;;
esac
tmp=${TEST_TMPDIR:-$(mktemp -d)}
if ! "$piccoloc" -p -l "${extra[@]}" "$script" > "$tmp/actual" 2> "$tmp/stderr"; then
  echo "FAIL: piccoloc failed on $script:"
  cat "$tmp/stderr"
  exit 1
fi
if ! diff -u "$expected" "$tmp/actual"; then
  echo "FAIL: listing of $script differs from $expected (tools/regen-golden.sh updates it)"
  exit 1
fi
echo "PASS: $script"

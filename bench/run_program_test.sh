#!/bin/bash
# Benchmark program test (bench): compiles one bench/programs/NAME.lua with piccoloc,
# runs the image on piccolo with the arguments of its "-- bench-small-args:" line, and
# compares stdout with NAME.expected (recorded from lua5.4 by bench/regen-expected.sh).
# Usage: run_program_test.sh PICCOLOC PICCOLO NAME.lua
set -u

piccoloc=$1
piccolo=$2
script=$3
expected=${script%.lua}.expected
tmp=${TEST_TMPDIR:-$(mktemp -d)}

[ -f "$expected" ] || { echo "FAIL: $expected is missing (run bench/regen-expected.sh)"; exit 1; }
line=$(grep -m1 '^-- bench-small-args:' "$script") || { echo "FAIL: $script has no bench-small-args line"; exit 1; }
read -r -a args <<< "${line#-- bench-small-args:}"

if ! "$piccoloc" -o "$tmp/prog.pci" "$script" > "$tmp/compile.out" 2>&1; then
  echo "FAIL: piccoloc could not compile $script:"
  cat "$tmp/compile.out"
  exit 1
fi
"$piccolo" "$tmp/prog.pci" "${args[@]}" > "$tmp/stdout" 2> "$tmp/stderr"
st=$?
fail=0
if [ $st != 0 ]; then
  echo "FAIL: exit status $st; stderr:"
  head -n 20 "$tmp/stderr"
  fail=1
fi
if ! cmp -s "$expected" "$tmp/stdout"; then
  echo "FAIL: stdout differs from $expected (--- expected, +++ piccolo):"
  diff -u "$expected" "$tmp/stdout" | head -n 40
  fail=1
fi
[ $fail = 0 ] && echo "PASS: $script ${args[*]}"
exit $fail

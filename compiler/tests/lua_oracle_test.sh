#!/bin/bash
# Oracle test (compiler tests): every script is compiled by piccolo's compiler at
# -O0, -O1 and -O2, written as a Lua 5.4 binary chunk by luadump, and run on the
# reference lua5.4; stdout and exit status must equal lua5.4 running the source.
# Usage: lua_oracle_test.sh LUADUMP SCRIPT.lua...
set -u
luadump=$1
shift
tmp=${TEST_TMPDIR:-$(mktemp -d)}
command -v lua5.4 > /dev/null || { echo "FAIL: lua5.4 not installed"; exit 1; }
fails=0
for script in "$@"; do
  lua5.4 "$script" > "$tmp/expected" 2> /dev/null
  want=$?
  for level in -O0 -O1 -O2; do
    if ! "$luadump" "$level" "$script" "$tmp/chunk.luac"; then
      echo "FAIL: $script $level does not compile"
      fails=$((fails + 1))
      continue
    fi
    lua5.4 "$tmp/chunk.luac" > "$tmp/actual" 2> "$tmp/stderr"
    got=$?
    if [ "$got" != "$want" ] || ! cmp -s "$tmp/expected" "$tmp/actual"; then
      echo "FAIL: $script $level (status $got, lua5.4 source: $want)"
      diff "$tmp/expected" "$tmp/actual" | head -20
      head -5 "$tmp/stderr"
      fails=$((fails + 1))
    fi
  done
done
[ $fails = 0 ] && echo "PASS: $# scripts" || exit 1

#!/bin/bash
# Runs piccolo's compiler against the reference VM (tools): compiles every script of
# tests/lua and examples (or the given ones) at -O0, -O1 and -O2 into Lua 5.4
# binary chunks (//compiler:luadump) and runs them with lua5.4; stdout and exit
# status must match SCRIPT.expected / SCRIPT.status. Tests the compiler before
# (and independently of) the runtime.
# Usage: tools/compiler-oracle.sh [SCRIPT.lua ...]
set -u
. "$(dirname "$0")/lib.sh"
pic_cd_root
pic_ensure_deps || exit 1
bazel build //compiler:luadump || exit 1
luadump=bazel-bin/compiler/luadump
if [ $# -gt 0 ]; then
  scripts=("$@")
else
  mapfile -t scripts < <(find tests/lua examples -name "*.lua" | LC_ALL=C sort)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for s in "${scripts[@]}"; do
  s=${s#./}
  base=${s%.lua}
  [ -f "$base.expected" ] || continue  # not a script test (e.g. examples/embed)
  want=0
  [ -f "$base.status" ] && want=1
  for level in -O0 -O1 -O2; do
    if ! "$luadump" "$level" "$s" "$tmp/chunk.luac"; then
      echo "FAIL: $s $level does not compile"
      fail=$((fail + 1))
      continue
    fi
    timeout 120 lua5.4 "$tmp/chunk.luac" > "$tmp/out" 2> /dev/null
    got=$?
    [ $got != 0 ] && got=1
    if [ $got != $want ] || ! cmp -s "$tmp/out" "$base.expected"; then
      echo "FAIL: $s $level"
      fail=$((fail + 1))
    else
      pass=$((pass + 1))
    fi
  done
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]

#!/bin/bash
# Regenerates the expected results of the Lua scripts (tools) in tests/lua and
# examples from the reference lua5.4: SCRIPT.expected gets its stdout, SCRIPT.status
# its exit status when that is non-zero.
# Usage: tools/regen-expected.sh [SCRIPT.lua ...]   (default: all of them)
set -u
. "$(dirname "$0")/lib.sh"
pic_cd_root
pic_ensure_deps || exit 1

if [ $# -gt 0 ]; then
  scripts=("$@")
else
  mapfile -t scripts < <(find tests/lua examples -name "*.lua" | LC_ALL=C sort)
fi
for s in "${scripts[@]}"; do
  s=${s#./}
  base=${s%.lua}
  # Same relative path as the harness uses, so chunk names in messages match.
  timeout 120 lua5.4 "$s" > "$base.expected" 2> /dev/null
  st=$?
  if [ $st = 0 ]; then
    rm -f "$base.status"
  else
    echo "$st" > "$base.status"
    echo "$s: exit status $st" >&2
  fi
done
echo "regenerated ${#scripts[@]} expectations" >&2

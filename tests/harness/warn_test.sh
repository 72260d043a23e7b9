#!/bin/bash
# Warnings of the host commands (tests/harness): lua.c's warning function, whose
# output goes to stderr, which the Lua script tests do not compare. Expected text
# recorded from lua5.4 -W.
# Usage: warn_test.sh PICCOLOI
set -u
piccoloi=$1
tmp=${TEST_TMPDIR:-$(mktemp -d)}
cat > "$tmp/warn.lua" <<'LUA'
warn("one")
warn("@off") warn("hidden") warn("@on")
warn("two ", "pieces")
warn("@off", "XXX", "@off")   -- several pieces: a message, not a control
warn("@foo", "X")
warn("@unknown")              -- a single piece starting with '@': control, ignored
warn("three")
LUA
expected='Lua warning: one
Lua warning: two pieces
Lua warning: @offXXX@off
Lua warning: @fooX
Lua warning: three'
got=$("$piccoloi" -W "$tmp/warn.lua" 2>&1 > /dev/null)
if [ "$got" != "$expected" ]; then
  echo "FAIL: warnings differ from lua5.4's:"
  diff <(echo "$expected") <(echo "$got")
  exit 1
fi
echo "PASS: warnings"

#!/bin/bash
# Developer interpreter check (tests/harness): piccoloi runs Lua source directly as
# lua5.4 does -- a script with a '#!' first line, require of a source module that
# has one, -e chunks, load of source text and a syntax error's file:line message.
# Expected outputs are written here (lua5.4 prints the same; the test does not need
# lua5.4 installed).
# Usage: piccoloi_test.sh PICCOLOI_BINARY
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
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

printf '#!/usr/bin/env lua\nlocal M = {}\nfunction M.hi() return "hi " .. debug.getinfo(1, "l").currentline end\nreturn M\n' > mymod.lua
printf '#!/usr/bin/env lua\nprint(require("mymod").hi())\nprint(select("#", ...), ...)\n' > main.lua
check "shebang script and module" "$(printf 'hi 3\n2\ta\tb')" "$("$bin" main.lua a b 2>&1)"
check "-e" "3" "$("$bin" -e 'print(1 + 2)' 2>&1)"
check "load of source" "42" "$("$bin" -e 'print(load("return 6 * 7")())' 2>&1)"
check "generational from the start, as lua.c" "false" "$("$bin" -e 'print(collectgarbage("step"))' 2>&1)"
check "generational mode reported" "generational" "$("$bin" -e 'print(collectgarbage("incremental"))' 2>&1)"
printf 'local x = = 1\n' > bad.lua
out=$("$bin" bad.lua 2>&1); st=$?
check "syntax error message" "bad.lua:1: unexpected symbol near '='" "$(head -1 <<< "$out" | sed 's/^[^:]*: //')"
check "syntax error status" "1" "$st"
mkdir -p lib
printf 'return {v = "from lib"}\n' > lib/libmod.lua
check "LUA_PATH with ;;" "from lib" "$(LUA_PATH="$tmp/lib/?.lua;;" "$bin" -e 'print(require("libmod").v)' 2>&1)"
check "LUA_PATH_5_4 first" "from lib" "$(LUA_PATH=/none/?.lua LUA_PATH_5_4="$tmp/lib/?.lua" "$bin" -e 'print(require("libmod").v)' 2>&1)"
check "-E ignores LUA_PATH" "false" "$(LUA_PATH="$tmp/lib/?.lua" "$bin" -E -e 'print((pcall(require, "libmod")))' 2>&1)"
out=$(printf 'x = = 2\nprint("after")\n' | "$bin" -i 2>&1); st=$?
check "-i reads piped lines one by one" "after" "$(grep -o '^> *after' <<< "$out" | sed 's/^> *//')"
check "-i error message" "1" "$(grep -c "stdin:1: unexpected symbol near '='" <<< "$out")"
check "-i status" "0" "$st"
exit $fail

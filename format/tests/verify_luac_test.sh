#!/bin/sh
# verify_luac_test.sh -- compiles Lua files with Debian's luac5.4, converts the
# chunks to piccolo payloads and checks that the verifier accepts all of them
# (real Lua 5.4 code generation must always verify). Module: format tests.
# Args: verify_luac binary, converter script, Lua files.
set -eu
checker=$1; conv=$2; shift 2
tmp=${TEST_TMPDIR:-/tmp}/verify_luac.$$
mkdir -p "$tmp"
n=0
for f in "$@"; do
  n=$((n + 1))
  luac5.4 -o "$tmp/$n.luac" "$f"
  python3 "$conv" "$tmp/$n.luac" "$tmp/$n.payload"
done
# More than 2^17 constants: LOADKX + EXTRAARG.
lua5.4 -e 'local t = {} for i = 1, 140000 do t[i] = ("%q"):format("s" .. i) end
  io.write("local t = {", table.concat(t, ","), "}\nreturn t, \"last\"\n")' > "$tmp/manyk.lua"
n=$((n + 1))
luac5.4 -o "$tmp/$n.luac" "$tmp/manyk.lua"
python3 "$conv" "$tmp/$n.luac" "$tmp/$n.payload"
# Constructors big enough for SETLIST with k + EXTRAARG and a large NEWTABLE.
lua5.4 -e 'local a, h = {}, {} for i = 1, 20000 do a[i] = tostring(i) end
  for i = 1, 300 do h[i] = "k" .. i .. "=" .. i end
  io.write("return {", table.concat(a, ","), "}, {", table.concat(h, ","), "}\n")' > "$tmp/bigtab.lua"
n=$((n + 1))
luac5.4 -o "$tmp/$n.luac" "$tmp/bigtab.lua"
python3 "$conv" "$tmp/$n.luac" "$tmp/$n.payload"
"$checker" "$tmp"/*.payload

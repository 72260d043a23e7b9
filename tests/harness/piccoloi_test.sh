#!/bin/bash
# Developer interpreter check (tests/harness): piccoloi runs Lua source directly as
# lua5.4 does -- a script with a '#!' first line, require of a source module that
# has one, -e chunks, load of source text and a syntax error's file:line message;
# the prompt (-i) going on after runtime errors, '= exp' and lua.c's messages for
# bad options; as lua.c: the script's arguments taken from 'arg', _PROMPT and
# _PROMPT2, the banner with -i, argv[0] in messages, SIGINT interrupting the running
# code, package.cpath from LUA_CPATH_5_4/LUA_CPATH.
# Expected outputs are written here (lua5.4 prints the same; the test does not need
# lua5.4 installed).
# Usage: piccoloi_test.sh PICCOLOI_BINARY
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"

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
check "-i reads piped lines one by one" "after" "$(grep -x 'after' <<< "$out")"
check "-i error message" "1" "$(grep -c "stdin:1: unexpected symbol near '='" <<< "$out")"
check "-i status" "0" "$st"
# runs piped lines at the prompt (-i): stdout without the banner and the prompts
# with the input lines echoed after them (as Debian's lua5.4, built with readline),
# stderr kept apart
repl() {  # repl INPUT
  printf '%s' "$1" | "$bin" -i 2>"$tmp/err" | sed -e '1d' -e '/^>>* /d' -e '/^$/d'
}
out=$(repl 'error("e")
print(2)
x = 1
print(x)
local t = nil; t.x = 1
local c <close> = setmetatable({}, {__close = function() print("closed") end}); error("q")
print(3)
= setmetatable({}, {__tostring = function() error("z") end})
print(4)
')
check "-i goes on after runtime errors" "$(printf '2\n1\nclosed\n3\n4')" "$out"
check "-i runtime errors, without the program name" "stdin:1: e
stack traceback:
	[C]: in function 'error'
	stdin:1: in main chunk
	[C]: in ?
stdin:1: attempt to index a nil value (local 't')
stack traceback:
	stdin:1: in main chunk
	[C]: in ?
stdin:1: q
stack traceback:
	[C]: in function 'error'
	stdin:1: in main chunk
	[C]: in ?
error calling 'print' (stdin:1: z)" "$(cat "$tmp/err")"
out=$(repl '= 7
=1+1
= 1, nil, "a"
=
for i = 1, 2 do
= i
end
1;
')
check "-i '= exp' on a first line" "$(printf '7\n2\n1\tnil\ta')" "$out"
check "-i '=' not on a continuation line, 'return LINE;' as lua.c" "stdin:2: unexpected symbol near '='
stdin:1: <eof> expected near 'end'
stdin:1: unexpected symbol near '1'" "$(cat "$tmp/err")"
out=$(repl 'if x then
')
check "-i end of input in a statement" "stdin:1: 'end' expected near <eof>" "$(cat "$tmp/err")"
usage="usage: $bin [options] [script [args]]
Available options are:
  -e stat   execute string 'stat'
  -i        enter interactive mode after executing 'script'
  -l mod    require library 'mod' into global 'mod'
  -l g=mod  require library 'mod' into global 'g'
  -v        show version information
  -E        ignore environment variables
  -W        turn warnings on
  --        stop handling options
  -         stop handling options and execute stdin"
out=$("$bin" -x 2>&1); st=$?
check "unknown option" "$bin: unrecognized option '-x'
$usage" "$out"
check "unknown option status" "1" "$st"
check "-e without argument" "$bin: '-e' needs argument" "$("$bin" -e 2>&1 | head -1)"
check "-l before an option" "$bin: '-l' needs argument" "$("$bin" -l -i 2>&1 | head -1)"
check "option with extra characters" "$bin: unrecognized option '-ix'" "$("$bin" -ix 2>&1 | head -1)"
check "bad option after -e runs nothing" "$bin: unrecognized option '--x'" "$("$bin" -e 'print(1)' --x 2>&1 | head -1)"

# the script's arguments are arg[1..#arg] once the options ran (lua.c's pushargs)
check "script arguments from 'arg'" "100" "$(echo 'print(...)' | "$bin" -e 'arg[1] = 100' - 2>&1)"
check "script arguments from 'arg', more" "$(printf '100\ty')" "$(echo 'print(...)' | "$bin" -e 'arg[1] = 100' - x y 2>&1)"
check "script arguments: __len of 'arg'" "a" \
  "$(echo 'print(...)' | "$bin" -e 'setmetatable(arg, {__len = function() return 1 end})' - a b 2>&1)"
out=$(echo 'print(1)' | "$bin" -e 'arg = 1' - 2>&1); st=$?
check "'arg' not a table" "$bin: 'arg' is not a table" "$out"
check "'arg' not a table status" "1" "$st"

# -i prints the banner (it implies -v); the prompts are tostring(_PROMPT), tostring(_PROMPT2)
banner=$("$bin" -v)
out=$(printf 'x = {\n1}\nprint(#x)\n' | "$bin" -e "_PROMPT='P1:' _PROMPT2='P2:'" -i 2>&1)
check "-i banner and _PROMPT, _PROMPT2, input echoed" "$banner
P1:x = {
P2:1}
P1:print(#x)
1
P1:" "$out"
out=$(printf ' --\na = 2\n' | "$bin" -e 'local C = 0
  _PROMPT = setmetatable({}, {__tostring = function() C = C + 1 return C end})' -i 2>&1)
check "-i prompt with __tostring, once per prompt" "$banner
1 --
2a = 2
3" "$out"
out=$(printf 'x =\n' | "$bin" -e '_PROMPT2 = setmetatable({}, {__tostring = function() error("p2") end})' -i 2>&1); st=$?
check "-i error converting the prompt, as lua.c" "$banner
> x =
(command line):1: p2" "$out"
check "-i error converting the prompt status" "1" "$st"

# messages start with argv[0] (lua.c's progname)
printf 'm = setmetatable({}, {__tostring = function() return "6" end})\nerror(m)\n' > errobj.lua
check "error object's __tostring after argv[0]" "$bin: 6" "$("$bin" errobj.lua 2>&1)"
check "argv[0] as given" "./piccoloi-link: 7" "$(ln -s "$bin" piccoloi-link && ./piccoloi-link -e 'error(7, 0)' 2>&1 | head -1)"

# package.cpath as lua5.4's: LUA_CPATH_5_4, LUA_CPATH (';;': the default), or the default
cdefault="/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so"
check "LUA_CPATH" "xuxu" "$(LUA_CPATH=xuxu "$bin" -e 'print(package.cpath)' 2>&1)"
check "LUA_CPATH_5_4 first" "yacc" "$(LUA_CPATH_5_4=yacc LUA_CPATH=x "$bin" -e 'print(package.cpath)' 2>&1)"
check "LUA_CPATH with ;;" "a;$cdefault" "$(LUA_CPATH='a;;' "$bin" -e 'print(package.cpath)' 2>&1)"
check "-E ignores LUA_CPATH" "$cdefault" "$(LUA_CPATH=xuxu "$bin" -E -e 'print(package.cpath)' 2>&1)"
: > cmod.so
check "a C module found still fails to load" "error loading module 'cmod' from file './cmod.so':
	dynamic libraries not enabled; check your Lua installation" \
  "$(LUA_CPATH='./?.so' "$bin" -e 'print(select(2, pcall(require, "cmod")))' 2>&1)"

# SIGINT: the running code raises "interrupted!" (pcall catches it), as lua.c
loop='io.open("ready", "w"):close() while true do end'
st=$(interrupt /dev/null out.txt "$bin" -e "print(pcall(function() $loop end)) print(42)")
check "SIGINT caught by pcall" "$(printf 'false\tinterrupted!\n42')" "$(sed 's/\t.*: /\t/' out.txt)"
check "SIGINT caught by pcall status" "0" "$st"
printf '%s\n' "$loop" > loop.lua
st=$(interrupt /dev/null out.txt "$bin" loop.lua)
check "SIGINT uncaught" "$bin: interrupted!" "$(head -1 out.txt | sed 's/: .*: /: /')"
check "SIGINT uncaught status" "1" "$st"
printf '%s\nprint(7)\n' "$loop" > lines.txt
st=$(interrupt lines.txt out.txt "$bin" -e "_PROMPT=''" -i)
check "SIGINT at the prompt, which goes on" "$loop
interrupted!
print(7)
7" "$(grep -v '^	\|^stack traceback\|^piccolo' out.txt | sed 's/^.*: //')"
check "SIGINT at the prompt status" "0" "$st"
exit $fail

#!/bin/bash
# Command check of `piccolo` (tests/harness): what it does as lua.c does beyond running
# an image -- the script's arguments, and SIGINT making the running code raise
# "interrupted!" (pcall catches it; uncaught, exit status 1).
# Usage: piccolo_test.sh PICCOLOC_BINARY PICCOLO_BINARY
set -u
piccoloc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
. "$(dirname "$0")/lib.sh"
compile() {  # compile NAME SOURCE: writes NAME.pci
  printf '%s\n' "$2" > "$1.lua"
  "$piccoloc" -o "$1.pci" "$1.lua" || echo "FAIL: piccoloc $1.lua"
}

compile args 'print(select("#", ...), ...)'
check "script arguments" "$(printf '2\ta\tb')" "$("$bin" args.pci a b 2>&1)"

loop='io.open("ready", "w"):close() while true do end'
compile caught "print(pcall(function() $loop end)) print(42)"
st=$(interrupt /dev/null out.txt "$bin" caught.pci)
check "SIGINT caught by pcall" "$(printf 'false\tinterrupted!\n42')" "$(sed 's/\t.*: /\t/' out.txt)"
check "SIGINT caught by pcall status" "0" "$st"
compile uncaught "$loop"
st=$(interrupt /dev/null out.txt "$bin" uncaught.pci)
check "SIGINT uncaught" "piccolo: interrupted!" "$(head -1 out.txt | sed 's/: .*: /: /')"
check "SIGINT uncaught status" "1" "$st"
exit $fail

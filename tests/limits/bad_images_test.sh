#!/bin/bash
# The piccolo command on damaged and hostile images: every case must end with
# exit status 1 and a "piccolo: ..." message naming the problem, never a crash.
set -u
piccoloc=$1 piccolo=$2
tmp=${TEST_TMPDIR:-$(mktemp -d)}
fail=0
printf 'local t = {}\nfor i = 1, 10 do t[i] = i * i end\nprint(#t, t[10])\n' > "$tmp/ok.lua"
"$piccoloc" -o "$tmp/ok.pci" "$tmp/ok.lua" || exit 1
size=$(stat -c %s "$tmp/ok.pci")
# expect FILE TEXT: piccolo FILE exits 1 and says TEXT on stderr
expect() {
  "$piccolo" "$1" > /dev/null 2> "$tmp/err"
  local st=$?
  if [ $st != 1 ] || ! grep -qE -- "$2" "$tmp/err"; then
    echo "FAIL: $1: status $st, stderr: $(cat "$tmp/err")"; fail=1
  fi
}
cp "$tmp/ok.lua" "$tmp/src.pci";                      expect "$tmp/src.pci" "no parser"
: > "$tmp/empty.pci";                                 expect "$tmp/empty.pci" "not a piccolo image"
head -c 10 "$tmp/ok.pci" > "$tmp/trunc.pci";          expect "$tmp/trunc.pci" "shorter than"
head -c $((size - 3)) "$tmp/ok.pci" > "$tmp/trunc2.pci"; expect "$tmp/trunc2.pci" "piccolo: "
cp "$tmp/ok.pci" "$tmp/flip.pci"
printf '\x55' | dd of="$tmp/flip.pci" bs=1 seek=$((size - 2)) conv=notrunc 2> /dev/null
expect "$tmp/flip.pci" "checksum"
cp "$tmp/ok.pci" "$tmp/ver.pci"
printf '\x09' | dd of="$tmp/ver.pci" bs=1 seek=4 conv=notrunc 2> /dev/null
expect "$tmp/ver.pci" "version"
expect "$tmp/missing.pci" "cannot open"
# every single-byte corruption and every truncation: status 1, never a crash
for ((i = 0; i < size; i++)); do
  cp "$tmp/ok.pci" "$tmp/c.pci"
  printf '\xA5' | dd of="$tmp/c.pci" bs=1 seek=$i conv=notrunc 2> /dev/null
  "$piccolo" "$tmp/c.pci" > /dev/null 2>&1; st=$?
  if [ $st -ne 1 ] && ! cmp -s "$tmp/c.pci" "$tmp/ok.pci"; then echo "FAIL: byte $i gives status $st"; fail=1; fi
  head -c $i "$tmp/ok.pci" > "$tmp/c.pci"
  "$piccolo" "$tmp/c.pci" > /dev/null 2>&1; st=$?
  if [ $st -ne 1 ]; then echo "FAIL: truncation at $i gives status $st"; fail=1; fi
done
# load: a literal text is precompiled into the image, text built at run time is refused
printf 'print(load("return 6 * 7")())\nlocal f, e = load("return " .. 6 * 7)\nprint(f, e)\n' > "$tmp/load.lua"
"$piccoloc" -o "$tmp/load.pci" "$tmp/load.lua" || exit 1
out=$("$piccolo" "$tmp/load.pci" 2>&1)
want=$(printf '42\nnil\t[string "return 42"]: cannot load source text: this runtime has no parser (compile it with piccoloc)')
if [ "$out" != "$want" ]; then echo "FAIL: load texts: $out"; fail=1; fi
[ $fail = 0 ] && echo "PASS: bad images"
exit $fail

#!/bin/bash
# Bundles: compiles main.lua with two modules into one image, runs it from an
# empty directory (so only the image can supply the modules) and compares with
# lua5.4's output for the sources (main.expected, made by regen in this folder:
# `cd tests/bundle && lua5.4 main.lua x y > main.expected`). Also checks that
# images are reproducible: compiling twice gives the same bytes.
set -u
piccoloc=$(realpath "$1") piccolo=$(realpath "$2") dir=$(dirname "$3")
tmp=${TEST_TMPDIR:-$(mktemp -d)}
expected=$(realpath "$dir/main.expected")
cd "$dir" || exit 1
"$piccoloc" -o "$tmp/app.pci" main.lua lib/util.lua lib/shapes.lua || exit 1
"$piccoloc" -o "$tmp/app2.pci" main.lua lib/util.lua lib/shapes.lua || exit 1
cmp -s "$tmp/app.pci" "$tmp/app2.pci" || { echo "FAIL: images differ between two compilations"; exit 1; }
mkdir -p "$tmp/empty" && cd "$tmp/empty" || exit 1
"$piccolo" "$tmp/app.pci" x y > "$tmp/out" 2> "$tmp/err" || { echo "FAIL: status $?"; cat "$tmp/err"; exit 1; }
if ! cmp -s "$expected" "$tmp/out"; then
  echo "FAIL: output differs:"; diff "$expected" "$tmp/out"; exit 1
fi
echo "PASS: bundle"

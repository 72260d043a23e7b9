#!/bin/bash
# Parser-free check (tests/harness): fails if the linked runtime binary holds any
# compiler symbol. Every compiler module prefix is "pc" + one letter + "_" (pcl_ lexer,
# pcp_ parser, pck_ code generator, pcm_ memory, ...; see compiler/*.h); the runtime's
# own prefixes (pic_, picopen_) never match.
# Usage: parser_free_test.sh PICCOLO_BINARY
set -u
bin=$1
syms=$(nm "$bin" 2>&1) || { echo "FAIL: nm $bin: $syms"; exit 1; }
# Guard against a vacuous pass on a stripped binary.
if ! grep -qE ' [Tt] main$' <<< "$syms"; then
  echo "FAIL: no symbol table in $bin (stripped?); cannot check"
  exit 1
fi
bad=$(grep -E ' [A-Za-z] _?pc[a-z]_' <<< "$syms")
if [ -n "$bad" ]; then
  echo "FAIL: the runtime links compiler code:"
  head -n 30 <<< "$bad"
  exit 1
fi
echo "PASS: no compiler symbols in $bin"

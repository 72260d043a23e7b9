#!/bin/sh
# Runs the interleave example on the two compiled images and checks that both
# finished with their results and that the steps really alternated.
set -e
out=$("$1" examples/embed/counter.pci examples/embed/squares.pci 20)
echo "$out"
echo "$out" | grep -q "^examples/embed/counter.pci finished: counter 4515$"
echo "$out" | grep -q "^examples/embed/squares.pci finished: squares 500 false handled$"
# the two scripts' output lines must interleave
echo "$out" | head -3 | grep -q "^counter.1$"
echo "$out" | head -3 | grep -q "^squares.1$"

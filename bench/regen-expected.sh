#!/bin/bash
# Regenerates the benchmark programs' expected outputs (bench): runs each
# bench/programs/NAME.lua on the reference lua5.4 with the arguments on its
# "-- bench-small-args:" line and stores stdout in bench/programs/NAME.expected.
# Usage: bench/regen-expected.sh [NAME ...]   (default: every program)
set -u
cd "$(dirname "$0")/.." || exit 1
. tools/lib.sh
pic_ensure_deps || exit 1

if [ $# -gt 0 ]; then
  names=("$@")
else
  mapfile -t names < <(cd bench/programs && ls -- *.lua | sed 's/\.lua$//' | LC_ALL=C sort)
fi
status=0
for name in "${names[@]}"; do
  src=bench/programs/$name.lua
  line=$(grep -m1 '^-- bench-small-args:' "$src") || { echo "$src: no bench-small-args line" >&2; status=1; continue; }
  read -r -a args <<< "${line#-- bench-small-args:}"
  if ! lua5.4 "$src" "${args[@]}" > "bench/programs/$name.expected.tmp"; then
    echo "$src: lua5.4 failed; expectation not updated" >&2
    rm -f "bench/programs/$name.expected.tmp"
    status=1
    continue
  fi
  mv "bench/programs/$name.expected.tmp" "bench/programs/$name.expected"
done
echo "regenerated ${#names[@]} expectations" >&2
exit $status

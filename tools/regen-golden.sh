#!/bin/bash
# Regenerates the golden listings (tools): tests/golden/NAME.expected gets the output
# of `piccoloc -p -l [ARGS] tests/golden/NAME.lua` from the current piccoloc
# (ARGS from an optional first-line "-- piccoloc-args: ..." directive).
# Usage: tools/regen-golden.sh [NAME.lua ...]   (default: all of them)
# Set PICCOLOC to use a given binary instead of building //:piccoloc.
set -u
. "$(dirname "$0")/lib.sh"
pic_cd_root

if [ -z "${PICCOLOC:-}" ]; then
  bazel build //:piccoloc || exit 1
  PICCOLOC=bazel-bin/piccoloc
fi
if [ $# -gt 0 ]; then
  scripts=("$@")
else
  mapfile -t scripts < <(find tests/golden -name "*.lua" | LC_ALL=C sort)
fi
for s in "${scripts[@]}"; do
  s=${s#./}
  extra=()
  first=$(head -n 1 "$s")
  case $first in
    "-- piccoloc-args:"*) read -r -a extra <<< "${first#-- piccoloc-args:}" ;;
  esac
  # Same relative path as the test uses, so chunk names in headers match.
  "$PICCOLOC" -p -l "${extra[@]}" "$s" > "${s%.lua}.expected" || echo "$s: piccoloc failed" >&2
done
echo "regenerated ${#scripts[@]} golden listings" >&2

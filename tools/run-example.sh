#!/bin/bash
# Quick start (tools): installs missing dependencies, builds the compiler and the
# runtime, compiles a Lua file (default examples/hello.lua) to an image and runs it.
# Usage: tools/run-example.sh [FILE.lua [ARGS...]]
set -eu
. "$(dirname "$0")/lib.sh"
src=${1:-examples/hello.lua}
[ $# -gt 0 ] && shift
root=$(cd "$(dirname "$0")/.." && pwd)
# Relative to the root when possible, so error messages name the file as lua5.4 would.
src=$(realpath --relative-to="$root" "$src")
pic_cd_root
pic_ensure_deps
bazel build //:piccoloc //:piccolo
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
image=$tmp/$(basename "${src%.lua}").pci
bazel-bin/piccoloc -o "$image" "$src"
bazel-bin/piccolo "$image" "$@"

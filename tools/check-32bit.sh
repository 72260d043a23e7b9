#!/bin/bash
# Portability check (tools): builds the runtime for 32-bit x86 (gcc -m32, the
# warnings of .bazelrc as errors) and runs every Lua test script and benchmark
# program on it, their images made by the host's 64-bit piccoloc: promise 5, an
# image built on x86-64 runs unchanged on a 32-bit target. Not part of
# tools/test.sh, because it needs i386 packages a fresh machine does not have:
#   dpkg --add-architecture i386 && apt-get update &&
#   apt-get install gcc-multilib libzstd-dev:i386 libxxhash-dev:i386
# Ends with "N passed, M failed"; exit status 2 if the 32-bit toolchain is missing.
set -u
. "$(dirname "$0")/lib.sh"
pic_cd_root

# Scripts whose lua5.4 output depends on the C types of the machine it ran on
# (.expected is recorded on x86-64), with the reason.
SKIP=(
  tests/lua/stdlib2/pack.lua   # string.pack's "l", "L" and "T" are C long and size_t
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cflags=(-m32 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2
        -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes
        -Wno-unused-parameter -I.)
if ! gcc "${cflags[@]}" -o "$tmp/piccolo32" runtime/*.c stdlib/*.c format/*.c \
     -lzstd -lxxhash -lm > "$tmp/build.out" 2>&1; then
  if grep -qE "stubs-32|cannot find -l|Scrt1" "$tmp/build.out"; then
    echo "error: no 32-bit toolchain; install it as the header of $0 says" >&2
    exit 2
  fi
  cat "$tmp/build.out"
  echo "0 passed, 1 failed"
  exit 1
fi
bazel build -c opt //:piccoloc > "$tmp/bazel.out" 2>&1 || { cat "$tmp/bazel.out"; exit 1; }
piccoloc=$(pwd)/bazel-bin/piccoloc   # the configuration just built

passed=0
failed=0
for script in tests/lua/*/*.lua bench/programs/*.lua; do
  [[ " ${SKIP[*]} " == *" $script "* ]] && continue
  case $script in
    bench/*) runner=bench/run_program_test.sh ;;
    *) runner=tests/harness/run_lua_test.sh ;;
  esac
  if TEST_TMPDIR=$tmp "$runner" "$piccoloc" "$tmp/piccolo32" "$script" > "$tmp/out" 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "=== FAILED on 32-bit: $script"
    head -n 30 "$tmp/out"
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

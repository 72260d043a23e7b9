#!/bin/bash
# The full test command (tools): installs missing dependencies, runs every Bazel test
# normally, under --config=asan and under --config=gcstress, checks that the runtime
# depends on nothing in //compiler, and ends with the line "N passed, M failed".
# Exit status is non-zero if anything failed. Extra arguments go to every bazel test.
set -u
. "$(dirname "$0")/lib.sh"
pic_cd_root
pic_ensure_deps || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The number of test targets, so that tests bazel could not even build are counted.
total=$(bazel query 'tests(//...)' 2> /dev/null | grep -c '^//')

# Runs bazel test //... with [args] and adds its per-target results to the counts.
run_config() {
  local label=$1; shift
  echo "=== bazel test //... $* ($label)"
  bazel test --keep_going --test_summary=short "$@" -- //... 2>&1 | tee "$log" \
    | grep -v "src/main/tools/linux-sandbox"
  local rc=${PIPESTATUS[0]}
  # Summary lines: "//pkg:target   (cached) PASSED in 0.1s", "... FAILED in ...",
  # "... TIMEOUT in ...", "... NO STATUS", "... FAILED TO BUILD", "... FLAKY ...".
  local p f
  p=$(grep -cE '^//[^ ]+ +(\(cached\) )?PASSED' "$log")
  f=$(grep -cE '^//[^ ]+ +(\(cached\) )?(FAILED|TIMEOUT|NO STATUS|FLAKY|INCOMPLETE|REMOTE FAILURE)' "$log")
  # Test targets that got no result line (not analyzed or not built, e.g. a missing
  # dependency) count as failed; so does a bazel failure that named no test at all.
  local missing=$((total - p - f))
  [ "$missing" -gt 0 ] && f=$((f + missing))
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  echo "=== $label: $p passed, $f failed"
  passed=$((passed + p))
  failed=$((failed + f))
}

run_config default "$@"
run_config asan --config=asan "$@"
run_config gcstress --config=gcstress "$@"

# The split: nothing under //compiler may be a dependency of the runtime.
echo "=== bazel query 'deps(//:piccolo)' must not reach //compiler"
if deps=$(bazel query 'deps(//:piccolo)' 2>&1); then
  bad=$(grep -E '^//compiler[:/]' <<< "$deps")
  if [ -n "$bad" ]; then
    echo "FAILED: //:piccolo depends on:"; echo "$bad"
    failed=$((failed + 1))
  else
    echo "PASSED: no //compiler target in deps(//:piccolo)"
    passed=$((passed + 1))
  fi
else
  echo "FAILED: bazel query failed:"; tail -n 20 <<< "$deps"
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

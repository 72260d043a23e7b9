#!/bin/bash
# Benchmark harness (bench): builds optimized piccoloc/piccolo, runs every program of
# bench/programs on piccolo, lua5.4 (and luajit -joff when installed) in alternation,
# measures sizes, load and compile times, and writes bench/results/results.{md,svg}.
# Usage: bench/run.sh [--runs N] [--no-fuel] [PROGRAM...]    (see bench/README.md)
#   --runs N    timed runs per program and implementation (default 5; median reported)
#   --no-fuel   build piccolo with metering compiled out of the executor
#               (--config=nofuel) and run it without --fuel, to show what metering
#               costs (default: metering on, --fuel with a huge budget)
#   PROGRAM     names of bench/programs/*.lua without .lua (default: all)
# Environment: PICCOLOC and PICCOLO, when both set, name prebuilt binaries to use
# instead of building with Bazel; BENCH_FUEL overrides the fuel budget.
# Exit status: non-zero if any program fails or prints something other than lua5.4.
set -u

runs=5
fuel=1
progs=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --runs=*) runs=${1#--runs=}; shift ;;
    --no-fuel) fuel=0; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
    *) progs+=("$1"); shift ;;
  esac
done
case $runs in ''|*[!0-9]*|0) echo "bench/run.sh: --runs needs a positive integer" >&2; exit 2 ;; esac

cd "$(dirname "$0")/.." || exit 1
[ -f WORKSPACE ] || { echo "bench/run.sh: $(pwd) is not the piccolo root" >&2; exit 1; }
. tools/lib.sh
pic_ensure_deps || exit 1
[ -x /usr/bin/time ] || PIC_PACKAGES=(time) pic_ensure_deps || exit 1

if [ ${#progs[@]} -eq 0 ]; then
  mapfile -t progs < <(cd bench/programs && ls -- *.lua | sed 's/\.lua$//' | LC_ALL=C sort)
fi
for p in "${progs[@]}"; do
  [ -f "bench/programs/$p.lua" ] || { echo "bench/run.sh: no bench/programs/$p.lua" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=$tmp/data            # tab-separated measurements, read by bench/report.py
mkdir -p "$data" bench/results

# --- Binaries -----------------------------------------------------------------------
if [ -n "${PICCOLOC:-}" ] && [ -n "${PICCOLO:-}" ]; then
  cp "$PICCOLOC" "$tmp/piccoloc" && cp "$PICCOLO" "$tmp/piccolo" || exit 1
  build_note="prebuilt binaries from \$PICCOLOC and \$PICCOLO"
else
  cfg=(-c opt)
  [ $fuel = 0 ] && cfg+=(--config=nofuel)
  echo "=== bazel build ${cfg[*]} //:piccoloc //:piccolo" >&2
  bazel build "${cfg[@]}" //:piccoloc //:piccolo || exit 1
  # Copied out at once: another bazel command may repoint bazel-bin at any moment.
  bindir=$(bazel info "${cfg[@]}" bazel-bin) || exit 1
  cp "$bindir/piccoloc" "$bindir/piccolo" "$tmp/" || exit 1
  build_note="bazel build ${cfg[*]}"
fi
piccoloc=$tmp/piccoloc
piccolo=$tmp/piccolo
fuel_args=()
if [ $fuel = 1 ]; then
  fuel_args=(--fuel "${BENCH_FUEL:-1000000000000000}")
fi

impls=(piccolo lua5.4)
if command -v luajit > /dev/null; then impls+=(luajit); fi

# Runs [impl] on [program] once with [args]; appends "prog impl wall_s cpu_s rss_kb" to
# $data/times if it succeeded, and leaves stdout in $tmp/out.IMPL.PROG. Returns the command's status.
run_one() {
  local prog=$1 impl=$2; shift 2
  local cmd
  case $impl in
    piccolo) cmd=("$piccolo" "${fuel_args[@]}" "$tmp/$prog.pci") ;;
    lua5.4) cmd=(lua5.4 "bench/programs/$prog.lua") ;;
    luajit) cmd=(luajit -joff "bench/programs/$prog.lua") ;;
  esac
  local t0=$EPOCHREALTIME
  /usr/bin/time -f '%M %U %S' -o "$tmp/rss" "${cmd[@]}" "$@" > "$tmp/out.$impl.$prog" 2> "$tmp/err.$impl.$prog"
  local st=$?
  local t1=$EPOCHREALTIME
  [ $st = 0 ] && tail -n 1 "$tmp/rss" | awk -v p="$prog" -v i="$impl" -v a="$t0" -v b="$t1" \
    '{ printf "%s\t%s\t%.4f\t%.2f\t%d\n", p, i, b - a, $2 + $3, $1 }' >> "$data/times"
  return $st
}

# --- Programs: compile once, then alternate implementations for each run -------------
failed=0
: > "$data/sizes"
: > "$data/times"
: > "$data/failures"
for p in "${progs[@]}"; do
  src=bench/programs/$p.lua
  if ! "$piccoloc" -s -o "$tmp/$p.pci" "$src" 2> "$tmp/cerr"; then
    echo "FAIL $p: piccoloc: $(head -n 3 "$tmp/cerr")" >&2
    printf '%s\tcompile\n' "$p" >> "$data/failures"
    failed=1
    continue
  fi
  luac5.4 -s -o "$tmp/$p.luac" "$src"
  printf '%s\t%s\t%s\t%s\t%s\n' "$p" "$(wc -c < "$src")" "$(wc -c < "$tmp/$p.pci")" \
    "$(wc -c < "$tmp/$p.luac")" "$(zstd -19 -q -c "$src" | wc -c)" >> "$data/sizes"
done

for ((r = 1; r <= runs; r++)); do
  for p in "${progs[@]}"; do
    [ -f "$tmp/$p.pci" ] || continue
    # Alternate the order each run so neither implementation always goes first.
    if ((r % 2)); then order=("${impls[@]}"); else mapfile -t order < <(printf '%s\n' "${impls[@]}" | tac); fi
    for impl in "${order[@]}"; do
      run_one "$p" "$impl"
      st=$?
      if [ $st != 0 ] && [ "$impl" != luajit ]; then
        echo "FAIL $p on $impl (exit $st): $(head -n 3 "$tmp/err.$impl.$p")" >&2
        printf '%s\t%s exit %s\n' "$p" "$impl" "$st" >> "$data/failures"
        failed=1
      fi
    done
    if ! cmp -s "$tmp/out.piccolo.$p" "$tmp/out.lua5.4.$p"; then
      echo "FAIL $p: piccolo output differs from lua5.4:" >&2
      diff "$tmp/out.lua5.4.$p" "$tmp/out.piccolo.$p" | head -n 5 >&2
      printf '%s\toutput differs\n' "$p" >> "$data/failures"
      failed=1
    fi
    # luajit's times count only when it computed the same thing (see report.py).
    if [[ " ${impls[*]} " == *" luajit "* ]] && ! cmp -s "$tmp/out.luajit.$p" "$tmp/out.lua5.4.$p"; then
      echo "$p" >> "$data/luajit_differs"
    fi
    echo "run $r/$runs $p: $(tr -d '\n' < "$tmp/out.lua5.4.$p")" >&2
  done
done

# --- Load-and-run and compile time ----------------------------------------------------
# The generated program: 2,500 blocks of 8 lines (a function, a call), 20,000 lines.
awk 'BEGIN {
  print "local M, acc = {}, 0"
  for (i = 1; i <= 2499; i++) {
    printf "M[%d] = function(a, b)\n  local s = a + b * %d\n", i, i % 13
    printf "  if s > 100 then s = s - 100 end\n  for k = 1, 3 do s = s + k end\n"
    printf "  return s, \"s%d\"\nend\nacc = (acc + M[%d](acc %% 7, %d)) %% 1000003\n\n", i, i, i % 5
  }
  print "print(\"generated\", acc)"
  for (k = 1; k <= 6; k++) print "-- padding to exactly 20,000 lines"
}' > "$tmp/large.lua"
: > "$tmp/empty.lua"
startup_runs=$((runs * 10))
: > "$data/startup"
for kind in empty large; do
  if ! "$piccoloc" -s -o "$tmp/$kind.pci" "$tmp/$kind.lua"; then
    echo "FAIL piccoloc on the $kind program" >&2
    printf '%s\tpiccoloc failed\n' "$kind.lua (generated)" >> "$data/failures"
    failed=1
    continue
  fi
  for ((r = 1; r <= startup_runs; r++)); do
    for impl in piccolo lua5.4; do
      if [ $impl = piccolo ]; then cmd=("$piccolo" "${fuel_args[@]}" "$tmp/$kind.pci")
      else cmd=(lua5.4 "$tmp/$kind.lua"); fi
      t0=$EPOCHREALTIME
      if ! "${cmd[@]}" > "$tmp/sout.$impl"; then
        echo "FAIL $kind program on $impl" >&2
        printf '%s\t%s failed\n' "$kind.lua (generated)" "$impl" >> "$data/failures"
        failed=1
      fi
      t1=$EPOCHREALTIME
      printf 'run %s %s\t%s\n' "$kind" "$impl" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')" >> "$data/startup"
    done
    if ! cmp -s "$tmp/sout.piccolo" "$tmp/sout.lua5.4"; then
      echo "FAIL $kind program: piccolo output differs from lua5.4" >&2
      printf '%s\toutput differs\n' "$kind.lua (generated)" >> "$data/failures"
      failed=1
    fi
  done
done
for ((r = 1; r <= startup_runs; r++)); do
  for c in piccoloc luac5.4; do
    t0=$EPOCHREALTIME
    if [ $c = piccoloc ]; then "$piccoloc" -s -o "$tmp/c.pci" "$tmp/large.lua"
    else luac5.4 -s -o "$tmp/c.luac" "$tmp/large.lua"; fi
    t1=$EPOCHREALTIME
    printf 'compile large %s\t%s\n' "$c" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')" >> "$data/startup"
  done
done
printf 'size large\t%s\t%s\t%s\t%s\n' "$(wc -c < "$tmp/large.lua")" "$(wc -c < "$tmp/large.pci")" \
  "$(wc -c < "$tmp/c.luac")" "$(zstd -19 -q -c "$tmp/large.lua" | wc -c)" >> "$data/startup"

# --- Binary sizes ---------------------------------------------------------------------
# Stripped copies; shared libraries other than the C runtime are listed with their size.
: > "$data/binaries"
for b in "$piccolo" "$piccoloc" /usr/bin/lua5.4; do
  name=$(basename "$b")
  cp "$b" "$tmp/strip.$name" && strip "$tmp/strip.$name"
  libs=$(ldd "$b" 2> /dev/null | awk '$3 ~ /^\// && $1 !~ /^(libc|libm|ld-linux|libpthread|libdl|librt)[.-]/ { print $1, $3 }' |
    while read -r l path; do printf '%s (%s bytes) ' "$l" "$(stat -L -c %s "$path")"; done)
  printf '%s\t%s\t%s\t%s\n' "$name" "$(stat -L -c %s "$b")" "$(stat -c %s "$tmp/strip.$name")" "${libs:-none}" >> "$data/binaries"
done

# --- Report ---------------------------------------------------------------------------
{
  echo "date	$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine	$(uname -m), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "runs	$runs"
  echo "fuel	$([ $fuel = 1 ] && echo "total budget \`${fuel_args[*]}\`" || echo "no --fuel budget (still metered in slices)")"
  echo "build	$build_note"
  echo "impls	${impls[*]}"
  echo "lua	$(lua5.4 -v 2>&1 | head -n 1)"
} > "$data/meta"
python3 bench/report.py "$data" bench/results/results.md bench/results/results.svg || failed=1
echo "wrote bench/results/results.md and bench/results/results.svg" >&2
if [ $failed != 0 ]; then
  echo "bench/run.sh: FAILED (see the messages above and the Failures section of results.md)" >&2
  exit 1
fi

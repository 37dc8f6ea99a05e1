#!/usr/bin/env bash
# HTML conversion speed as a ratio to libxml2's own parse of the same pages, measured in the same
# run so that the machine's speed cancels out.
#   bench/bench_html.sh BUILD_DIR [COPIES] [ROUNDS]
# BUILD_DIR holds a Release build of ogix. For every HTML fixture, COPIES copies of the page
# (default 40) are converted by one `ogix convert` process (full pipeline: extract, normalize, map,
# write XML and CSV) and parsed by one `xmllint --html --noout` process; each is repeated ROUNDS
# times (default 9), alternating the two, and the median wall time and the median CPU time (user +
# sys: what a loaded machine disturbs least) are reported with their ratios, and the median of the
# per-round CPU ratios (med/rnd; for all pages, of each round's sums over the pages) — the robust
# figure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: $0 BUILD_DIR [COPIES] [ROUNDS]}
copies=${2:-40}
rounds=${3:-9}
ogix="$build/ogix"
[ -x "$ogix" ] || { echo "bench_html: no $ogix (build it first)" >&2; exit 2; }
command -v xmllint >/dev/null || { echo "bench_html: xmllint missing (apt-get install libxml2-utils)" >&2; exit 2; }
type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
[ "$type" = Release ] || echo "bench_html: warning: $build is a '${type:-unknown}' build, not Release" >&2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Runs a command; appends its wall and CPU (user + sys) seconds to the files $1 and $2. The
# child's own rusage (wait4), in microseconds: GNU time's 10 ms steps were too coarse for pages
# that xmllint parses in a quarter of a millisecond.
timed() {
  local wall=$1 cpu=$2
  shift 2
  /usr/bin/python3 - "$wall" "$cpu" "$@" <<'PY'
import os, subprocess, sys, time
wall, cpu, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
t0 = time.perf_counter()
p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, _, ru = os.wait4(p.pid, 0)
t1 = time.perf_counter()
with open(wall, "a") as w, open(cpu, "a") as c:
    print(f"{t1 - t0:.6f}", file=w)
    print(f"{ru.ru_utime + ru.ru_stime:.6f}", file=c)
PY
}

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Pages are prepared first; then each round runs every page's ogix and xmllint back to back
# (rounds outermost), so that a round's two numbers for a page, and a round's totals over all
# pages, are measured close together in time. A ratio of medians taken over the whole run moved
# with the machine's load between the rounds of one tool and those of the other (three runs a
# minute apart on an idle machine gave 2.24x, 2.36x, 2.67x); the median of the per-round ratios
# ("med/rnd") does not. What is measured is unchanged: whole processes, the same pages.
names=()
for page in "$root"/fixtures/html-*/input.html; do
  name=$(basename "$(dirname "$page")")
  # A gb2312-declared page with GBK-only characters is where libxml2 alone stops reading (the
  # reason ogix decodes pages itself): its parse of such a page is no baseline.
  errors=$(xmllint --html --noout "$page" 2>&1 || true)
  if [[ $errors == *"encoding error"* ]]; then
    printf '%-22s %9d   (skipped: xmllint stops at an encoding error, no baseline)\n' "$name" "$(wc -c <"$page")"
    continue
  fi
  dir="$tmp/$name"
  mkdir -p "$dir/in"
  for i in $(seq -w 1 "$copies"); do cp "$page" "$dir/in/p$i.html"; done
  cp "$page" "$dir/page.html"
  # One untimed run of each warms the page cache and checks that both tools accept the pages.
  "$ogix" convert -q "$dir"/in/*.html -o "$dir/out" >/dev/null
  xmllint --html --noout "$dir"/in/*.html 2>/dev/null || true
  : >"$dir/o.w"; : >"$dir/o.c"; : >"$dir/x.w"; : >"$dir/x.c"
  names+=("$name")
done
for _ in $(seq "$rounds"); do
  for name in "${names[@]}"; do
    dir="$tmp/$name"
    rm -rf "$dir/out"
    timed "$dir/o.w" "$dir/o.c" "$ogix" convert -q "$dir"/in/*.html -o "$dir/out"
    timed "$dir/x.w" "$dir/x.c" xmllint --html --noout "$dir"/in/*.html
  done
done

# median of the per-line ratios of two files of numbers (line i of each is round i)
median_ratio() { paste "$1" "$2" | awk '{ print $1 / $2 }' | median; }

printf '%-22s %9s %12s %12s %7s %12s %12s %7s %8s\n' page bytes "ogix ms/pg" "xmllint ms/pg" ratio "ogix CPU" "xmllint CPU" ratio "med/rnd"
: >"$tmp/all.o.c"; : >"$tmp/all.x.c"; : >"$tmp/all.o.w"; : >"$tmp/all.x.w"
total_o=0 total_x=0 total_oc=0 total_xc=0
for name in "${names[@]}"; do
  dir="$tmp/$name"
  mo=$(median <"$dir/o.w")
  mx=$(median <"$dir/x.w")
  moc=$(median <"$dir/o.c")
  mxc=$(median <"$dir/x.c")
  rc=$(median_ratio "$dir/o.c" "$dir/x.c")
  total_o=$(awk -v a="$total_o" -v b="$mo" 'BEGIN { print a + b }')
  total_x=$(awk -v a="$total_x" -v b="$mx" 'BEGIN { print a + b }')
  total_oc=$(awk -v a="$total_oc" -v b="$moc" 'BEGIN { print a + b }')
  total_xc=$(awk -v a="$total_xc" -v b="$mxc" 'BEGIN { print a + b }')
  # Per-round sums over the pages, for the all-pages ratio of each round.
  for f in o.c x.c o.w x.w; do
    if [ -s "$tmp/all.$f" ]; then paste "$tmp/all.$f" "$dir/$f" | awk '{ print $1 + $2 }' >"$tmp/sum" && mv "$tmp/sum" "$tmp/all.$f"
    else cp "$dir/$f" "$tmp/all.$f"; fi
  done
  awk -v n="$name" -v s="$(wc -c <"$dir/page.html")" -v o="$mo" -v x="$mx" -v oc="$moc" -v xc="$mxc" -v c="$copies" -v rc="$rc" \
    'BEGIN { printf "%-22s %9d %12.2f %12.2f %7.2f %12.2f %12.2f %7.2f %8.2f\n", n, s, 1000 * o / c, 1000 * x / c, o / x, 1000 * oc / c, 1000 * xc / c, oc / xc, rc }'
done
rc_all=$(median_ratio "$tmp/all.o.c" "$tmp/all.x.c")
rw_all=$(median_ratio "$tmp/all.o.w" "$tmp/all.x.w")
spread=$(paste "$tmp/all.o.c" "$tmp/all.x.c" | awk '{ r = $1 / $2; if (NR == 1 || r < lo) lo = r; if (NR == 1 || r > hi) hi = r } END { printf "%.2f-%.2f", lo, hi }')
awk -v o="$total_o" -v x="$total_x" -v oc="$total_oc" -v xc="$total_xc" -v c="$copies" -v r="$rounds" -v rc="$rc_all" \
  'BEGIN { printf "%-22s %9s %12.2f %12.2f %7.2f %12.2f %12.2f %7.2f %8.2f   (medians of %d rounds, %d copies per page, ms per page)\n", "all pages", "", 1000 * o / c, 1000 * x / c, o / x, 1000 * oc / c, 1000 * xc / c, oc / xc, rc, r, c }'
printf 'all pages, per round: CPU ratio median %.2f (range %s over %d rounds), wall ratio median %.2f\n' "$rc_all" "$spread" "$rounds" "$rw_all"

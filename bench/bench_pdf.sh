#!/usr/bin/env bash
# PDF conversion time as a ratio to `pdftotext -bbox-layout` on the same files, in the same run.
#   bench/bench_pdf.sh BUILD_DIR [ROUNDS]
# Prints one line per tool and the ratio (ogix / pdftotext); lower is better.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: bench/bench_pdf.sh BUILD_DIR [ROUNDS]}
rounds=${2:-5}
ogix="$build/ogix"
[ -x "$ogix" ] || { echo "bench_pdf: no $ogix (build first)" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "bench_pdf: pdftotext (poppler-utils) missing" >&2; exit 2; }
files=()
for f in "$root"/../shared/realdata/pdf/*.pdf "$root"/fixtures/pdf-*/input.pdf; do
  [ -f "$f" ] && files+=("$f")
done
[ ${#files[@]} -gt 0 ] || { echo "bench_pdf: no PDF inputs" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
t0=$(now)
for ((r = 0; r < rounds; r++)); do
  for f in "${files[@]}"; do pdftotext -q -bbox-layout "$f" "$tmp/out.html"; done
done
t1=$(now)
for ((r = 0; r < rounds; r++)); do
  # One process per file, like pdftotext, so start-up costs compare too.
  for f in "${files[@]}"; do "$ogix" convert -q "$f" -o "$tmp/ogix" >/dev/null 2>&1 || true; done
done
t2=$(now)
python3 - "$t0" "$t1" "$t2" "${#files[@]}" "$rounds" <<'PY'
import sys
t0, t1, t2 = map(float, sys.argv[1:4]); n, rounds = int(sys.argv[4]), int(sys.argv[5])
base, ours = t1 - t0, t2 - t1
runs = n * rounds
print(f"pdftotext -bbox-layout: {base:.3f} s for {runs} conversions ({1000 * base / runs:.1f} ms each)")
print(f"ogix convert (pdf):     {ours:.3f} s for {runs} conversions ({1000 * ours / runs:.1f} ms each)")
print(f"ratio ogix/pdftotext:   {ours / base:.2f}")
PY

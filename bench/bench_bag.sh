#!/usr/bin/env bash
# Bag validation speed as a ratio to coreutils hashing the same files, in the same run.
#   bench/bench_bag.sh BUILD_DIR [COPIES] [ROUNDS]
# Converts COPIES copies (default 10) of every fixture input into one bag with --include-sources,
# then times `ogix validate BAG` (both digests of every file in one read, Payload-Oxum, every
# document schema-validated and read back, manifest.csv and cells.csv checked) against the floor
# `sha256sum -c manifest-sha256.txt && sha512sum -c manifest-sha512.txt` run inside the bag (the
# payload hashed only, each file read twice); ROUNDS times each (default 5), alternating, medians of
# wall time and of CPU time (user+sys).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: $0 BUILD_DIR [COPIES] [ROUNDS]}
copies=${2:-10}
rounds=${3:-5}
ogix="$build/ogix"
[ -x "$ogix" ] || { echo "bench_bag: no $ogix (build it first)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ((k = 1; k <= copies; k++)); do
  for f in "$root"/fixtures/*/input.*; do
    c=$(basename "$(dirname "$f")")
    mkdir -p "$tmp/in/$k"
    cp "$f" "$tmp/in/$k/$c.${f##*.}"
  done
done
SOURCE_DATE_EPOCH=0 "$ogix" convert -q --no-sync --bag --include-sources "$tmp/in" -o "$tmp/bag" -j 2
python3 - "$ogix" "$tmp/bag" "$rounds" <<'PY'
import os, subprocess, sys, time, statistics
ogix, bag, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
def run(cmd, cwd=None):
    r0 = os.times(); t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, shell=isinstance(cmd, str))
    r1 = os.times()
    return time.perf_counter() - t0, (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system)
o, f = [], []
for _ in range(rounds):
    o.append(run([ogix, "validate", bag]))
    f.append(run("sha256sum --quiet -c manifest-sha256.txt && sha512sum --quiet -c manifest-sha512.txt", cwd=bag))
n = sum(len(fs) for _, _, fs in os.walk(os.path.join(bag, "data")))
size = sum(os.path.getsize(os.path.join(r, x)) for r, _, fs in os.walk(os.path.join(bag, "data")) for x in fs)
med = lambda xs, i: statistics.median(x[i] for x in xs)
print(f"bag: {n} payload files, {size / 1e6:.1f} MB")
print(f"ogix validate: {med(o, 0) * 1000:.0f} ms wall, {med(o, 1) * 1000:.0f} ms CPU")
print(f"sha256sum -c + sha512sum -c: {med(f, 0) * 1000:.0f} ms wall, {med(f, 1) * 1000:.0f} ms CPU")
print(f"ratio (CPU): {med(o, 1) / med(f, 1):.2f}x")
PY

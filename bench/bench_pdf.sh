#!/usr/bin/env bash
# PDF conversion time as a ratio to `pdftotext -bbox-layout` on the same files, in the same run.
#   bench/bench_pdf.sh BUILD_DIR [ROUNDS]
# Every file is converted by one process per tool (start-up costs compare too), ROUNDS times
# (default 5), the two tools alternating file by file. Prints wall time and CPU time (user + sys
# of the processes: what a loaded machine disturbs least) per conversion and their ratios (ogix /
# pdftotext; lower is better), then the CPU ratio of each round and their median (what a burst of
# load during one round moves least). Then the same for a 500-page PDF made of 100 copies of a 5-page
# report (qpdf), per page, with each tool's peak resident memory.
# Both tools write into a fresh `mktemp -d` directory (TMPDIR picks its file system): ogix creates,
# syncs and renames seven files a run where pdftotext truncates one, so the file system moves the
# ratio (README, Speed: tmpfs 1.13x against 1.18x on ext4, 2026-12-06).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: bench/bench_pdf.sh BUILD_DIR [ROUNDS]}
rounds=${2:-5}
ogix="$build/ogix"
[ -x "$ogix" ] || { echo "bench_pdf: no $ogix (build first)" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "bench_pdf: pdftotext (poppler-utils) missing" >&2; exit 2; }
command -v qpdf >/dev/null || { echo "bench_pdf: qpdf missing" >&2; exit 2; }
files=()
for f in "$root"/../shared/realdata/pdf/*.pdf "$root"/fixtures/pdf-*/input.pdf; do
  [ -f "$f" ] && files+=("$f")
done
[ ${#files[@]} -gt 0 ] || { echo "bench_pdf: no PDF inputs" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
five="$root/fixtures/pdf-hzq-2023/input.pdf"
copies=()
for _ in $(seq 100); do copies+=("$five"); done
qpdf --empty --pages "${copies[@]}" -- "$tmp/500.pdf"

/usr/bin/python3 - "$ogix" "$tmp" "$rounds" "$five" "$tmp/500.pdf" "${files[@]}" <<'PY'
import os, subprocess, sys, time

ogix, tmp, rounds, five, big = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
files = sys.argv[6:]


def run(cmd):
    """Wall seconds, CPU seconds (user + sys) and peak RSS (KiB) of one process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    return time.perf_counter() - t0, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def pdftotext(f):
    return run(["pdftotext", "-q", "-bbox-layout", f, os.path.join(tmp, "out.html")])


def ogix_convert(f):
    return run([ogix, "convert", "-q", f, "-o", os.path.join(tmp, "ogix")])


for f in files:  # warm the page cache and both tools' libraries
    pdftotext(f), ogix_convert(f)
base = [0.0, 0.0]
ours = [0.0, 0.0]
round_ratios = []  # CPU ratio of each round: a burst of load elsewhere moves one round, not the median
for _ in range(rounds):
    rb = ro = 0.0
    for f in files:
        w, c, _ = pdftotext(f)
        base[0] += w; base[1] += c; rb += c
        w, c, _ = ogix_convert(f)
        ours[0] += w; ours[1] += c; ro += c
    round_ratios.append(ro / rb)
n = len(files) * rounds
print(f"{len(files)} PDFs, {rounds} rounds, a process per file:")
print(f"  pdftotext -bbox-layout: {1000 * base[0] / n:6.1f} ms wall, {1000 * base[1] / n:6.1f} ms CPU per file")
print(f"  ogix convert:           {1000 * ours[0] / n:6.1f} ms wall, {1000 * ours[1] / n:6.1f} ms CPU per file")
print(f"  ratio ogix/pdftotext:   {ours[0] / base[0]:.2f} wall, {ours[1] / base[1]:.2f} CPU")
rr = sorted(round_ratios)
median = rr[len(rr) // 2] if len(rr) % 2 else (rr[len(rr) // 2 - 1] + rr[len(rr) // 2]) / 2
print(f"  CPU ratio per round:    median {median:.2f} ({', '.join(f'{r:.2f}' for r in round_ratios)})")

# Per page: the 5-page report alone and 100 copies of it in one 500-page file (medians of 3).
def median3(fn, f):
    runs = sorted((fn(f) for _ in range(3)), key=lambda r: r[0])
    return runs[1][0], sorted(r[1] for r in runs)[1], max(r[2] for r in runs)

b5, o5 = median3(pdftotext, five), median3(ogix_convert, five)
b500, o500 = median3(pdftotext, big), median3(ogix_convert, big)
print("per page, 5-page report vs the same report 100 times in one 500-page PDF (medians of 3):")
for name, a, b in (("pdftotext", b5, b500), ("ogix", o5, o500)):
    print(f"  {name:9s}  5 pages: {1000 * a[0] / 5:5.2f} ms wall, {1000 * a[1] / 5:5.2f} ms CPU per page;"
          f" 500 pages: {1000 * b[0] / 500:5.2f} ms wall, {1000 * b[1] / 500:5.2f} ms CPU per page,"
          f" peak RSS {b[2] / 1024:.1f} MB")
print(f"  ratio ogix/pdftotext, 500 pages: {o500[0] / b500[0]:.2f} wall, {o500[1] / b500[1]:.2f} CPU")
PY

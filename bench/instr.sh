#!/usr/bin/env bash
# Instruction counts of whole `ogix convert` runs under callgrind, for a fixed set of inputs,
# against the counts committed in bench/instr-reference.tsv. Unlike wall time, an instruction count
# does not move with the machine's load, so this check cannot flake: it fails when any input costs
# more than 10 % over its reference.
#   bench/instr.sh BUILD_DIR           check (exit 1 on a regression)
#   bench/instr.sh BUILD_DIR --update  rewrite bench/instr-reference.tsv from this build
# BUILD_DIR holds a Release build. The floors (pdftotext -bbox-layout, xmllint --html --noout) are
# counted the same way and printed for the ratio; they are not checked. Counts depend on the
# libraries (Debian 12's poppler, libxml2, ICU, glibc): update the reference when they change.
# Under valgrind the CPU's SHA extensions are hidden, so SHA-256 runs its portable code here.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: bench/instr.sh BUILD_DIR [--update]}
mode=${2:-check}
ogix="$build/ogix"
ref="$root/bench/instr-reference.tsv"
limit=1.10
[ -x "$ogix" ] || { echo "bench/instr: no $ogix (build it first)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "bench/instr: valgrind missing (apt-get install valgrind)" >&2; exit 2; }
type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
[ "$type" = Release ] || echo "bench/instr: warning: $build is a '${type:-unknown}' build, not Release" >&2

# The fixed input set: name, path (relative to the repository), floor command (pdf, html or -).
inputs=(
  "pdf-hzq-2023 fixtures/pdf-hzq-2023/input.pdf pdf"
  "pdf-huaian-2024 fixtures/pdf-huaian-2024/input.pdf pdf"
  "pdf-ruled-2021 fixtures/pdf-ruled-2021/input.pdf pdf"
  "pdf-unruled-2019 fixtures/pdf-unruled-2019/input.pdf pdf"
  "pdf-rotated-2021 fixtures/pdf-rotated-2021/input.pdf pdf"
  "html-pingtan-2020 fixtures/html-pingtan-2020/input.html html"
  "html-shanghai-2019 fixtures/html-shanghai-2019/input.html html"
  "html-2021-synthetic fixtures/html-2021-synthetic/input.html html"
  "text-pingtan-2021 fixtures/text-pingtan-2021/input.txt -"
  "docx-pingtan-2020 fixtures/docx-pingtan-2020/input.docx -"
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Instructions executed by a command (the whole process: start-up, work, exit), as a user runs it
# (ogix sets OMP_THREAD_LIMIT=1 for OCR itself, in-process: nothing to set here).
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>"$tmp/cg.err" >/dev/null || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/cg.err" | tail -1
}

declare -A reference=()
if [ -f "$ref" ]; then
  while IFS=$'\t' read -r name n; do
    [[ $name == \#* || -z $name ]] && continue
    reference[$name]=$n
  done <"$ref"
fi

printf '%-22s %14s %14s %7s %14s %7s\n' input ogix reference change floor ratio
fail=0
out="# input<TAB>instructions of \`ogix convert\` under callgrind; written by bench/instr.sh --update"
for spec in "${inputs[@]}"; do
  read -r name path floor <<<"$spec"
  rm -rf "$tmp/out"
  n=$(count "$ogix" convert -q "$root/$path" -o "$tmp/out")
  [ -n "$n" ] || { echo "bench/instr: no count for $name" >&2; exit 2; }
  case $floor in
    pdf) f=$(count pdftotext -q -bbox-layout "$root/$path" "$tmp/floor.html") ;;
    html) f=$(count xmllint --html --noout "$root/$path") ;;
    *) f= ;;
  esac
  r=${reference[$name]:-}
  change=$(awk -v n="$n" -v r="$r" 'BEGIN { if (r == "") print "new"; else printf "%+.1f%%", 100 * (n - r) / r }')
  ratio=$(awk -v n="$n" -v f="$f" 'BEGIN { if (f == "") print "-"; else printf "%.2f", n / f }')
  flag=
  if [ -n "$r" ] && awk -v n="$n" -v r="$r" -v l="$limit" 'BEGIN { exit !(n > r * l) }'; then
    flag="  REGRESSION (> 10 %)"
    fail=1
  fi
  printf '%-22s %14d %14s %7s %14s %7s%s\n' "$name" "$n" "${r:--}" "$change" "${f:--}" "$ratio" "$flag"
  out+=$'\n'"$name"$'\t'"$n"
done

if [ "$mode" = --update ]; then
  printf '%s\n' "$out" >"$ref.tmp" && mv "$ref.tmp" "$ref"
  echo "bench/instr: wrote $ref"
  exit 0
fi
if [ ${#reference[@]} -eq 0 ]; then
  echo "bench/instr: no reference counts yet: run with --update" >&2
  exit 2
fi
[ $fail = 0 ] && echo "bench/instr: every input within 10 % of its reference" || echo "bench/instr: FAILED: an input costs more than 10 % over its reference" >&2
exit $fail

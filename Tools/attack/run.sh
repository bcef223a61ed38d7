#!/usr/bin/env bash
# The standing attack suite (issue 20 §6): each row of the reliability round as an input generator
# (gen.py) plus an expectation — exit status, error code, wall and peak-RSS bounds — run at scale 1
# and ×10 to show the cost stays linear. Bounds are enforced: `timeout` kills a run past its wall
# bound and `ulimit -v` stops one past its memory; /usr/bin/time measures both.
#   bash Tools/attack/run.sh [gxconvert binary (default .build/debug/gxconvert)]
# Prints a table (input, scale, wall, peak RSS, outcome) and exits 1 if any row failed.
set -uo pipefail
cd "$(dirname "$0")/../.."
bin="$(realpath "${1:-.build/debug/gxconvert}")"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
wall_limit=10            # seconds, per run (the issue's bound)
rss_limit_kb=$((512 * 1024))
failed=0
printf '%-26s %5s %8s %10s  %s\n' input scale wall "peak RSS" outcome

# row NAME SCALE EXPECTED_STATUSES EXPECTED_CODE -- command…   (CODE "-" when none is expected)
row() {
  local name="$1" scale="$2" statuses="$3" code="$4"; shift 5
  local timing="$work/time" err="$work/stderr"
  ( ulimit -v $((2 * 1024 * 1024)); exec /usr/bin/time -f '%e %M' -o "$timing" timeout -s KILL "$wall_limit" "$@" ) \
      >/dev/null 2>"$err" </dev/null
  local status=$?
  local wall rss; read -r wall rss < <(tail -n 1 "$timing" 2>/dev/null || echo "? 0")
  local outcome="exit $status"
  grep -o 'GX-E-[A-Z-]*' "$err" | head -n 1 | { read -r c && echo " $c"; } > "$work/code" || true
  outcome+="$(cat "$work/code")"
  local ok=1
  [[ " $statuses " == *" $status "* ]] || ok=0
  [ "$code" = "-" ] || grep -q -- "$code" "$err" || ok=0
  [ "${rss:-0}" -le "$rss_limit_kb" ] 2>/dev/null || ok=0
  [ "$status" -lt 128 ] || ok=0      # never a signal (137: killed by the wall bound)
  [ $ok = 1 ] || { outcome+="  FAILED (want exit $statuses${code/#-/}; ≤ ${wall_limit} s, ≤ 512 MB)"; failed=1; }
  printf '%-26s %5s %7ss %8s MB  %s\n' "$name" "×$scale" "$wall" "$(( ${rss:-0} / 1024 ))" "$outcome"
}

gen() { python3 Tools/attack/gen.py "$@"; }

for scale in 1 10; do
  d="$work/s$scale"; mkdir -p "$d"
  gen docx-attributes $scale "$d/attrs.docx"
  row "docx 20k×n attributes" $scale "3" GX-E-LIMIT -- "$bin" "$d/attrs.docx" --to json
  gen html-attributes $scale "$d/attrs.html"
  row "html 20k×n attributes" $scale "3" GX-E-LIMIT -- "$bin" "$d/attrs.html" --to json
  gen ocr-rows $scale "$d/ocr.txt"
  row "ocr text +200×n rows" $scale "0 1 3" - -- "$bin" "$d/ocr.txt" --to json
  gen short-lines $scale "$d/lines.txt"
  row "400k×n short lines" $scale "3" GX-E-LIMIT -- "$bin" "$d/lines.txt" --to json
  gen cross-year $scale "$d/agency"
  row "cross-year 2×n+2×n" $scale "0 1" - -- "$bin" validate "$d"/agency/*.txt
done
gen ocr-rows 1000 "$work/ocr200k.txt"
row "ocr text 200k rows" 1 "3" GX-E-LIMIT -- "$bin" "$work/ocr200k.txt" --to json
gen docx-10mb-part 1 "$work/10mb.docx"
row "docx part of 10 MB" 1 "0 1" - -- "$bin" "$work/10mb.docx" --to json
gen big-numbers 1 "$work/big.docx"
row "cells past Int64.max" 1 "0 1" - -- "$bin" validate "$work/big.docx"
row "batch with big numbers" 1 "0 1" - -- "$bin" batch "$work/big.docx" -o "$work/big.jsonl"
row "--time-budget inf" 1 "0 1" - -- "$bin" validate --time-budget inf "$work/big.docx"
mkfifo "$work/fifo" "$work/s1/agency/z.fifo.txt"
row "FIFO by name" 1 "3" GX-E-IO -- "$bin" "$work/fifo" --to json
row "FIFO in a batch folder" 1 "3" - -- "$bin" batch "$work/s1/agency" -o "$work/fifo-batch.jsonl"

# §4: files, names and outputs, with real processes (names as bytes, locks held by another process).
names="$work/names"; mkdir -p "$names/"$'\xb1\xa8'
cp Fixtures/docx/seed000-word.docx "$names/"$'\xb1\xa8/\xc4\xea\xb6\xc8.docx'
row "GBK file name, convert" 1 "0" - -- "$bin" "$names/"$'\xb1\xa8/\xc4\xea\xb6\xc8.docx' -o "$work/gbk.json"
grep -qF '\\xB1\\xA8/\\xC4\\xEA\\xB6\\xC8.docx' "$work/gbk.json" || { echo "GBK file name, convert: path not escaped in the record"; failed=1; }
row "GBK folder, batch" 1 "0" "converted 1" -- "$bin" batch "$names" -o "$work/gbk.jsonl"
cp Fixtures/docx/seed000-word.docx "$work/upload.docx"
row "-o onto the input" 1 "4" GX-E-SAME-FILE -- "$bin" "$work/upload.docx" --to docx -o "$work/upload.docx"
cmp -s Fixtures/docx/seed000-word.docx "$work/upload.docx" || { echo "-o onto the input: input changed"; failed=1; }
row "batch -o in walked folder" 1 "4" GX-E-SAME-FILE -- "$bin" batch "$names" -o "$names/out.txt" --to csv-wide
mkfifo "$work/out.fifo"
row "-o a FIFO with no reader" 1 "4" GX-E-OUTPUT -- "$bin" "$work/upload.docx" -o "$work/out.fifo"
[ -p "$work/out.fifo" ] || { echo "-o a FIFO: replaced"; failed=1; }
if mknod "$work/null" c 1 3 2>/dev/null; then
  row "-o a device node" 1 "0" - -- "$bin" "$work/upload.docx" -o "$work/null"
  [ -c "$work/null" ] || { echo "-o a device node: replaced"; failed=1; }
fi
: > "$work/locked.jsonl"
flock -n "$work/locked.jsonl" sleep 20 & holder=$!; sleep 0.3
row "batch on a locked output" 1 "4" GX-E-LOCKED -- "$bin" batch "$names" -o "$work/locked.jsonl" --resume
[ ! -s "$work/locked.jsonl" ] || { echo "batch on a locked output: output touched"; failed=1; }
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
exit $failed

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
exit $failed

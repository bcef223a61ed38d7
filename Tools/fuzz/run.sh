#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and runs each for a while.
#   bash Tools/fuzz/run.sh [seconds per target (default 60)] [targets… (default: all)]
# FUZZ_RUNS=N runs each target for exactly N inputs instead (with FUZZ_SEED, the same inputs on
# every machine: what the test command does, so CI replays what was run here).
# Seeds come from Fixtures/; new corpus entries go to Tools/fuzz/corpus/<target> (not committed);
# crashes land in Tools/fuzz/crashes/<target>/ — copy each into Fixtures/fuzz-regressions/ once fixed,
# where a test replays it.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="/opt/swift/usr/bin:$PATH"
seconds="${1:-60}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(FuzzDocx FuzzWordML FuzzHTML FuzzText FuzzModel FuzzPDF)
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
fixtures=../../Fixtures
status=0
for t in "${targets[@]}"; do
  corpus="corpus/$t"; crashes="crashes/$t"
  # A fixed-run smoke starts from the seeds alone, as it does on a fresh machine.
  [ -z "${FUZZ_RUNS:-}" ] || corpus=$(mktemp -d)
  mkdir -p "$corpus" "$crashes" seeds
  case "$t" in
    FuzzDocx) seeds=("$fixtures/docx" "$fixtures/hostile" "$fixtures/validation") ;;
    FuzzWordML)
      # The main parts of the DOCX fixtures, unzipped.
      mkdir -p seeds/wordml
      for f in "$fixtures"/docx/*.docx "$fixtures"/validation/*.docx; do
        python3 - "$f" seeds/wordml <<'PY'
import sys, zipfile, os
z = zipfile.ZipFile(sys.argv[1]); name = [n for n in z.namelist() if n.startswith("word/document")][0]
open(os.path.join(sys.argv[2], os.path.basename(sys.argv[1]) + ".xml"), "wb").write(z.read(name))
PY
      done
      seeds=(seeds/wordml) ;;
    FuzzHTML) seeds=("$fixtures/html") ;;
    FuzzText) seeds=("$fixtures/text") ;;
    FuzzModel) seeds=() ;;
    # The small hostile PDFs (a LibreOffice report is 130 KiB, mostly font): mutations reach the
    # xref, the page tree and the content streams quickly.
    FuzzPDF) seeds=("$fixtures/hostile/pdf") ;;
  esac
  existing=(); for s in "${seeds[@]}"; do [ -d "$s" ] && existing+=("$s"); done
  amount="${seconds}s"; [ -z "${FUZZ_RUNS:-}" ] || amount="$FUZZ_RUNS inputs"
  echo "== $t for $amount (seeds: ${existing[*]:-none})"
  if ! ".build/release/$t" "$corpus" "${existing[@]}" $([ -n "${FUZZ_RUNS:-}" ] || echo "-max_total_time=$seconds") -timeout=10 -rss_limit_mb=2048 \
        -max_len=1048576 -artifact_prefix="$crashes/" -print_final_stats=1 ${FUZZ_SEED:+-seed=$FUZZ_SEED} \
        ${FUZZ_RUNS:+-runs=$([ "$t" = FuzzModel ] && echo $((FUZZ_RUNS / 10)) || echo "$FUZZ_RUNS")} 2>&1 | tail -n 12; then
    status=1
  fi
done
exit $status

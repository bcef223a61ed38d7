#!/usr/bin/env bash
# A behaviour snapshot for refactors that must change nothing (issue 14): every fixture converted to
# every --to format, `validate --format json` and `validate` (human) per file, the validation folder
# validated together (cross-year rules), every batch output format over each fixture folder, and the
# hostile files' error messages and exit codes. DOCX outputs are also unzipped member by member so a
# diff names the part that changed. Compare two snapshots with `diff -r`; byte-identical is the bar.
#   bash Tools/golden/snapshot.sh [path/to/gxconvert] OUT_DIR
# Example (before and after a change):
#   swift build -c release --product gxconvert && cp .build/release/gxconvert /tmp/gx-before
#   bash Tools/golden/snapshot.sh /tmp/gx-before /tmp/snap-before
#   ... edit, rebuild ...
#   bash Tools/golden/snapshot.sh .build/release/gxconvert /tmp/snap-after && diff -r /tmp/snap-before /tmp/snap-after
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ $# -eq 2 ]; then gx=$(realpath "$1"); out=$2; else gx=$PWD/.build/release/gxconvert; out=$1; fi
rm -rf "$out"; mkdir -p "$out"
run() {  # run NAME CMD... : stdout to NAME, stderr to NAME.err, exit status to NAME.rc
  local name=$1; shift
  "$@" >"$out/$name" 2>"$out/$name.err"; echo $? >"$out/$name.rc"
}
dirs=$(for d in docx html text pdf validation hostile; do [ -d "Fixtures/$d" ] && echo "Fixtures/$d"; done)
inputs=$(find $dirs -type f \( -name '*.docx' -o -name '*.html' -o -name '*.txt' -o -name '*.pdf' \) | LC_ALL=C sort)
for f in $inputs; do
  key=$(echo "$f" | sed 's|^Fixtures/||; s|/|__|g')
  for to in json csv md html txt; do run "$key.$to" "$gx" "$f" --to "$to"; done
  run "$key.compact.json" "$gx" "$f" --to json --compact
  run "$key.excel.csv" "$gx" "$f" --to csv --excel
  run "$key.blank0.json" "$gx" "$f" --to json --blank-as-zero
  run "$key.docx" "$gx" "$f" --to docx -o "$out/$key.out.docx"
  if [ -s "$out/$key.out.docx" ]; then
    mkdir -p "$out/$key.out.docx.d" && (cd "$out/$key.out.docx.d" && unzip -qq -o ../"$key.out.docx" && unzip -Z1 ../"$key.out.docx" >../"$key.out.docx.members")
    rm -f "$out/$key.out.docx"  # zip timestamps aside, the members say it all
  fi
  run "$key.validate.json" "$gx" validate --format json --verbose "$f"
  run "$key.validate.txt" "$gx" validate --verbose "$f"
done
run "validation-all.validate.json" "$gx" validate --format json --verbose Fixtures/validation/*.docx
run "validation-all-txt.validate.json" "$gx" validate --format json --verbose Fixtures/validation/*.txt
run "validation-all.blank0.validate.json" "$gx" validate --format json --blank-as-zero Fixtures/validation/*.docx
for dir in docx html text pdf validation hostile; do
  [ -d "Fixtures/$dir" ] || continue
  for to in jsonl csv-wide csv-long; do
    run "batch-$dir.$to.log" "$gx" batch "Fixtures/$dir" -o "$out/batch-$dir.$to" --to "$to" --jobs 1 --no-progress
  done
done
# Paths of the temporary folder must not differ between runs.
grep -rl -- "$out" "$out" 2>/dev/null | while read -r f; do sed -i "s|$out|OUT|g" "$f"; done
echo "snapshot: $(ls "$out" | wc -l) entries in $out"

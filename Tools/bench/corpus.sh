#!/usr/bin/env bash
# Builds a benchmark corpus of report files of all three formats from the fixtures:
#   bash Tools/bench/corpus.sh OUT_DIR [COPIES]   (default 12 copies → about 950 files)
# Every fixture that converts (DOCX, HTML, text; not the hostile ones) is copied COPIES times
# under distinct names, flat, so every tool sees the same files.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:?output folder}"; copies="${2:-12}"
rm -rf "$out"; mkdir -p "$out"
files=(Fixtures/docx/*.docx Fixtures/validation/*.docx Fixtures/html/*.html Fixtures/text/*.txt
       Fixtures/text/pdftotext/*.txt Fixtures/text/ocr/*.txt Fixtures/validation/*.txt)
for ((i = 0; i < copies; i++)); do
  for f in "${files[@]}"; do
    base=$(basename "$f"); cp "$f" "$out/$(printf '%02d' "$i")-${base}"
  done
done
echo "$(ls "$out" | wc -l) files: $(ls "$out" | grep -c '\.docx$') docx, $(ls "$out" | grep -c '\.html$') html, $(ls "$out" | grep -c '\.txt$') text"

#!/usr/bin/env bash
# Generalisation corpus, end to end: generate → LibreOffice PDF → pdftotext ×3 (+ tesseract on a few)
# → score with the built gxconvert.   bash Tools/corpus/run.sh [OUT=/tmp/gx-corpus] [SEEDS=64] [OCR=6]
# Bulk stays out of git (default under /tmp). Held-out = seeds divisible by 4; quote only those.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/gx-corpus}; seeds=${2:-64}; ocr=${3:-6}
python3 "$here/gen.py" "$out" 0 "$seeds"
for split in dev heldout; do
  nice python3 "$here/produce.py" "$out/$split" --ocr "$ocr"
done
for split in dev heldout; do
  echo "== $split"; python3 "$here/score.py" "$out/$split"
done

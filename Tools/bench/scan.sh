#!/usr/bin/env bash
# Scan reader vs plain tesseract, per page, measured in one run on the same pages.
#   bash Tools/bench/scan.sh [DOCX=Fixtures/docx/seed000-lo.docx] [DPI=300]
# Prints, per page, the wall time of `tesseract page.png - -l chi_sim` and of `gxconvert page.png`
# (deskew, ruling lines, one OCR per cell, digits pass, prose OCR, mapping, rules, JSON), then the
# whole report as one multi-page TIFF against the sum of tesseract's pages, with peak memory.
# OCR dominates both; wall times on a shared machine swing, so both run alternately, best of 2.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
docx=${1:-Fixtures/docx/seed000-lo.docx}; dpi=${2:-300}
swift build -c release --product gxconvert >/dev/null
bin=.build/release/gxconvert
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
soffice --headless --convert-to pdf --outdir "$work" "$docx" >/dev/null 2>&1
pdftoppm -r "$dpi" -gray -png "$work"/*.pdf "$work/page"
python3 - "$work" <<'PY'
import glob, sys
from PIL import Image
pages = [Image.open(p) for p in sorted(glob.glob(sys.argv[1] + "/page-*.png"))]
pages[0].save(sys.argv[1] + "/report.tiff", save_all=True, append_images=pages[1:], compression="tiff_adobe_deflate")
PY
now() { date +%s.%N; }
best() { python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" "$@"; }
printf "%-10s %12s %12s %7s\n" page tesseract gxconvert ratio
tsum=0; gsum=0
for p in "$work"/page-*.png; do
  t=(); g=()
  for _ in 1 2; do
    s=$(now); tesseract "$p" - -l chi_sim >/dev/null 2>&1; t+=($(python3 -c "print($(now)-$s)"))
    s=$(now); "$bin" "$p" >/dev/null 2>&1 || true; g+=($(python3 -c "print($(now)-$s)"))
  done
  bt=$(best "${t[@]}"); bg=$(best "${g[@]}")
  tsum=$(python3 -c "print($tsum+$bt)"); gsum=$(python3 -c "print($gsum+$bg)")
  printf "%-10s %11.2fs %11.2fs %6.2fx\n" "$(basename "$p" .png)" "$bt" "$bg" "$(python3 -c "print($bg/$bt)")"
done
printf "%-10s %11.2fs %11.2fs %6.2fx\n" "all pages" "$tsum" "$gsum" "$(python3 -c "print($gsum/$tsum)")"
n=$(ls "$work"/page-*.png | wc -l)
s=$(now); /usr/bin/time -f "%M" -o "$work/mem" "$bin" "$work/report.tiff" >/dev/null 2>&1 || true; e=$(python3 -c "print($(now)-$s)")
printf "one %d-page TIFF: %.2fs (%.2fs a page, %.2fx tesseract's pages), peak RSS %d MB\n" "$n" "$e" \
  "$(python3 -c "print($e/$n)")" "$(python3 -c "print($e/$tsum)")" "$(( $(cat "$work/mem") / 1024 ))"

#!/usr/bin/env bash
# Checks that gxconvert's DOCX output opens in LibreOffice without repair: converts every DOCX
# fixture with `--to docx`, has `soffice --headless --convert-to pdf` render each one (it fails or
# writes no PDF when it cannot load the file), and renders page 2 of each PDF — the page with the
# tables in the fixtures — to PNG with `pdftoppm -r 60` for a look.
# Not part of `swift test`: it needs LibreOffice and takes a while.
#   bash Tools/export/check_docx.sh [out-dir]        (default /tmp/gx-docx-check)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
out="${1:-/tmp/gx-docx-check}"
mkdir -p "$out"
swift build --product gxconvert >/dev/null
bin=.build/debug/gxconvert
profile="$(mktemp -d)"   # a private LibreOffice profile: no clash with a running soffice
trap 'rm -rf "$profile"' EXIT
failed=0
for f in Fixtures/docx/*.docx; do
  name="$(basename "$f" .docx)"
  "$bin" "$f" --to docx -o "$out/$name.docx"
  if ! soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$out/$name.docx" >"$out/$name.log" 2>&1 \
     || [ ! -s "$out/$name.pdf" ]; then
    echo "FAIL $name: LibreOffice could not convert it (see $out/$name.log)"; failed=1; continue
  fi
  pages="$(pdfinfo "$out/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
  pdftoppm -r 60 -png -f 2 -l 2 "$out/$name.pdf" "$out/$name"
  echo "ok   $name: $pages page(s), page 2 at $out/$name-*2.png"
done
exit "$failed"

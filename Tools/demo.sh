#!/usr/bin/env bash
# The main job on a bundled fixture: set-up, build, convert seed 000 (rebuilt as a Word DOCX) to JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
bash Tools/setup.sh
swift build -c release --product gxconvert
.build/release/gxconvert Fixtures/docx/seed000-word.docx --to json -o seed000.json
echo "wrote seed000.json ($(wc -c < seed000.json) bytes)"

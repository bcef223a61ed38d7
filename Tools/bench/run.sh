#!/usr/bin/env bash
# Builds release binaries and prints per-document conversion time beside the unzip+parse floor.
#   bash Tools/bench/run.sh [folder or files…]   (default: Fixtures/docx)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
bash Tools/setup.sh
swift build -c release --product gxbench
.build/release/gxbench --seconds "${SECONDS_PER_RUN:-3}" "${@:-Fixtures/docx}"

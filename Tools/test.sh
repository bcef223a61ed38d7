#!/usr/bin/env bash
# The test command: set-up, then the whole suite. README.md and .ci/run both call exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
bash Tools/setup.sh
swift build --build-tests
swift test

#!/usr/bin/env bash
# The test command. README.md and .ci/run both call exactly this.
#   1. set-up (C libraries), 2. the suite, 3. the suite again under AddressSanitizer,
#   2b. the attack suite (Tools/attack/run.sh: hostile inputs within wall and memory bounds),
#   4. each libFuzzer target for a fixed number of inputs from a fixed seed (the same inputs on
#      every machine), so regressions show and CI replays exactly what ran here.
#   5. the service's browser, schemathesis and loopback load tests (Tools/serve/run.sh).
# GX_TEST_QUICK=1 runs only 1–2 (for the edit–test loop).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
bash Tools/setup.sh
swift build --build-tests
swift test
# The standing attack suite: each hostile row within its wall and memory bounds, at ×1 and ×10.
bash Tools/attack/run.sh .build/debug/gxconvert
if [ "${GX_TEST_QUICK:-0}" != "1" ]; then
  # Without the server (GX_NO_SERVER, see Package.swift): swift-nio and BoringSSL are not ours to sanitize.
  export GX_NO_SERVER=1
  swift build --build-tests --sanitize=address --scratch-path .build-asan
  # Leak checking stays on; Tools/lsan.supp names the toolchain's own leaks, nothing of ours.
  LSAN_OPTIONS="suppressions=$PWD/Tools/lsan.supp:print_suppressions=0" \
    swift test --sanitize=address --scratch-path .build-asan
  FUZZ_SEED=1 FUZZ_RUNS="${GX_FUZZ_RUNS:-3000}" bash Tools/fuzz/run.sh
  unset GX_NO_SERVER
  # `gxconvert serve` from outside: chromium through the page, schemathesis, the load test (each bounded).
  bash Tools/serve/run.sh
fi

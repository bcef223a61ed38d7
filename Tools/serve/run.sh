#!/usr/bin/env bash
# The service's tests outside Swift, called by Tools/test.sh after the suite: the page in a real
# browser, schemathesis against the OpenAPI document, and the loopback load test. Each is bounded
# in time. Artefacts (screenshots, reports) land in .build/test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."
export GXCONVERT="${GXCONVERT:-$PWD/.build/debug/gxconvert}"
export GX_ARTIFACTS="${GX_ARTIFACTS:-$PWD/.build/test-artifacts}"
cd Tools/serve
echo "== serve: browser (chromium)"; timeout 240 python3 browser_test.py
echo "== serve: schemathesis"; timeout 240 bash schemathesis.sh
echo "== serve: load test"; timeout 300 python3 load_test.py

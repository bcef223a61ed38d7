#!/usr/bin/env bash
# Time and peak memory of gxconvert on every hostile input (Fixtures/hostile), with the code it
# answered. A benchmark, not a test: the tests assert the codes, this records the cost.
#   bash Tools/bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
bash Tools/setup.sh
swift build -c release --product gxconvert >/dev/null
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 2; }
printf '%-26s %-8s %8s %10s  %s\n' input exit seconds "peak KiB" code
for f in Fixtures/hostile/*; do
  out=$( { /usr/bin/time -f "%e %M" .build/release/gxconvert "$f" --to json >/dev/null 2>/tmp/gx-hostile-err; echo "rc=$?"; } 2>&1 || true)
  rc=$(sed -n 's/^rc=//p' <<<"$out")
  read -r secs kib < <(grep -E '^[0-9.]+ [0-9]+$' /tmp/gx-hostile-err | tail -1 || echo "? ?")
  code=$(grep -oE 'GX-E-[A-Z-]+' /tmp/gx-hostile-err | head -1 || true)
  printf '%-26s %-8s %8s %10s  %s\n' "$(basename "$f")" "$rc" "$secs" "$kib" "${code:--}"
done

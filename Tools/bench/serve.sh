#!/usr/bin/env bash
# DOCX conversion throughput over HTTP against `gxconvert batch --jobs 2` on the same files, in one
# run (release build, 2 workers each):
#   bash Tools/bench/serve.sh [COPIES]     (default 12 copies of every DOCX fixture)
# The server gets every file as POST /api/v1/convert?to=json (the canonical JSON, the same work as a
# batch jsonl record) from a client keeping 4 uploads in flight on keep-alive connections, so the
# 2 workers never wait; batch reads the same folder. Prints documents per second and the ratio
# (target: HTTP at least 70% of batch). Both runs are alternated REPEAT times (default 3), best kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product gxconvert >/dev/null
corpus="$(mktemp -d /tmp/gx-serve-bench.XXXXXX)"
trap 'rm -rf "$corpus"' EXIT
copies="${1:-12}"
for ((i = 0; i < copies; i++)); do
  for f in Fixtures/docx/*.docx Fixtures/validation/*.docx; do cp "$f" "$corpus/$(printf '%02d' "$i")-$(basename "$f")"; done
done
n=$(ls "$corpus" | wc -l)
echo "$n DOCX files; $(nproc) cores"
GXCONVERT="$PWD/.build/release/gxconvert" CORPUS="$corpus" REPEAT="${REPEAT:-3}" python3 - <<'PY'
import http.client, os, subprocess, sys, threading, time
sys.path.insert(0, 'Tools/serve')
from serverproc import Server
corpus = os.environ['CORPUS']
files = sorted(os.listdir(corpus))
bodies = [(f, open(os.path.join(corpus, f), 'rb').read()) for f in files]

def http_run(port):
    it = iter(bodies); lock = threading.Lock(); bad = []
    def worker():
        conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
        while True:
            with lock:
                item = next(it, None)
            if item is None: break
            conn.request('POST', '/api/v1/convert?to=json&name=' + item[0], body=item[1], headers={'Content-Type': 'application/octet-stream'})
            r = conn.getresponse(); r.read()
            if r.status != 200: bad.append((item[0], r.status))
        conn.close()
    threads = [threading.Thread(target=worker) for _ in range(4)]
    t0 = time.monotonic()
    for t in threads: t.start()
    for t in threads: t.join()
    return time.monotonic() - t0, bad

def batch_run():
    t0 = time.monotonic()
    subprocess.run([os.environ['GXCONVERT'], 'batch', corpus, '-o', '/dev/null', '--jobs', '2', '--no-progress'],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - t0

best_http = best_batch = None
with Server('--workers', '2', '--queue', '64') as server:
    http_run(server.port)  # warm-up: page cache, allocator
    for k in range(int(os.environ['REPEAT'])):
        h, bad = http_run(server.port)
        b = batch_run()
        print('  run %d: HTTP %.2f s, batch %.2f s%s' % (k + 1, h, b, ', %d non-200' % len(bad) if bad else ''))
        best_http = h if best_http is None else min(best_http, h)
        best_batch = b if best_batch is None else min(best_batch, b)
n = len(bodies)
print('HTTP  (serve --workers 2, 4 uploads in flight): %.0f docs/s (%.2f ms/doc)' % (n / best_http, best_http / n * 1000))
print('batch (--jobs 2):                               %.0f docs/s (%.2f ms/doc)' % (n / best_batch, best_batch / n * 1000))
print('HTTP throughput is %.0f%% of batch (target >= 70%%)' % (100 * best_batch / best_http))
PY

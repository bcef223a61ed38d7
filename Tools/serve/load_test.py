"""A bounded load test on loopback: 2,000 uploads of mixed fixtures at concurrency 32 against
`gxconvert serve --workers 2 --queue 30 (places for all 32 clients) --max-upload-mb 1`. Every upload must get an answer and
only 200/413/422/503; the server's resident memory after the second thousand must be within 25%
(+8 MB) of after the first thousand. Prints p50/p99 latency. Bounded: 300 s (Tools/serve/run.sh).
"""
import http.client
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from serverproc import Server, fixture

TOTAL = int(os.environ.get('GX_LOAD_TOTAL', '2000'))
CONCURRENCY = 32


def inputs():
    files = [fixture('docx', 'seed000-word.docx'), fixture('validation', 'clean-2023.docx'),
             fixture('validation', 't4-sum-zero-totals.docx'), fixture('html', 'kun2022-gbk.html'),
             fixture('text', 'seed001.txt'), fixture('hostile', 'truncated.docx'), fixture('hostile', 'xxe-file.docx'),
             fixture('hostile', 'zip-bomb-ratio.docx')]
    out = [(os.path.basename(f), open(f, 'rb').read()) for f in files]
    out.append(('oversize.txt', b'A' * (1024 * 1024 + 4096)))  # past --max-upload-mb 1
    return out


def one(port, name, body, to):
    start = time.monotonic()
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    try:
        conn.request('POST', '/api/v1/convert?to=%s&name=%s' % (to, name), body=body,
                     headers={'Content-Type': 'application/octet-stream'})
        r = conn.getresponse()
        r.read()
        return r.status, time.monotonic() - start
    except (ConnectionResetError, BrokenPipeError) as e:
        return 'reset', time.monotonic() - start
    finally:
        conn.close()


def main():
    files = inputs()
    formats = ['json', 'csv', 'docx', 'html', 'md', 'txt']
    plan = [(files[i % len(files)], formats[(i // len(files)) % len(formats)]) for i in range(TOTAL)]
    with Server('--workers', '2', '--queue', '30', '--max-upload-mb', '1') as server:
        results = []
        rss = []
        lock = threading.Lock()

        def task(item):
            (name, body), to = item
            r = one(server.port, name, body, to)
            with lock:
                results.append(r)
                if len(results) in (TOTAL // 2, TOTAL):
                    rss.append(server.rss_kb())

        t0 = time.monotonic()
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            list(pool.map(task, plan))
        wall = time.monotonic() - t0
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(t for _, t in results)
    ok = sorted(t for s, t in results if s == 200)

    def pct(xs, p):
        return xs[min(len(xs) - 1, int(len(xs) * p))] * 1000 if xs else float('nan')

    print('uploads %d in %.1f s (%.0f/s), concurrency %d; statuses %s' % (len(results), wall, len(results) / wall,
                                                                        CONCURRENCY, dict(sorted(statuses.items(), key=str))))
    print('latency all: p50 %.1f ms, p99 %.1f ms; 200 only: p50 %.1f ms, p99 %.1f ms' % (
        pct(latencies, .5), pct(latencies, .99), pct(ok, .5), pct(ok, .99)))
    print('server RSS after %d: %d KB, after %d: %d KB' % (TOTAL // 2, rss[0], TOTAL, rss[1]))
    failures = []
    if len(results) != TOTAL:
        failures.append('%d answers for %d uploads' % (len(results), TOTAL))
    bad = {s: n for s, n in statuses.items() if s not in (200, 413, 422, 503)}
    if bad:
        failures.append('unexpected statuses %s' % bad)
    for s in (200, 413, 422):
        if statuses.get(s, 0) == 0:
            failures.append('no %s answer: the mix did not exercise it' % s)
    if rss[1] > rss[0] * 1.25 + 8192:
        failures.append('memory grew: %d KB -> %d KB' % (rss[0], rss[1]))
    for f in failures:
        print('FAIL ' + f)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()

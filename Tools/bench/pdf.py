#!/usr/bin/env python3
"""PDF speed, side by side in one run, on the same files (issue 16):

  1. `pdftotext -layout FILE -`            the floor for getting positioned text out of poppler
  2. `gxconvert FILE --to json`            the whole path: poppler, layout, tables, mapping, checks, JSON
  3. `gxconvert batch FILES --jobs 1`      the same work in one process (no process start per file)
  4. pdfplumber `extract_tables()` on every page, in one Python process (the tool a Python user
     would reach for; interpreter start not counted)

Each process-per-file measurement is the best of REPEAT passes (a shared machine disturbs runs).
    python3 Tools/bench/pdf.py [--gx .build/release/gxconvert] [--repeat 3] FILES_OR_DIRS…
"""
import glob, os, subprocess, sys, tempfile, time

args = sys.argv[1:]
gx = '.build/release/gxconvert'
repeat = 3
if '--gx' in args:
    i = args.index('--gx'); gx = args[i + 1]; del args[i:i + 2]
if '--repeat' in args:
    i = args.index('--repeat'); repeat = int(args[i + 1]); del args[i:i + 2]
files = []
for a in args:
    files += sorted(glob.glob(os.path.join(a, '*.pdf'))) if os.path.isdir(a) else [a]
files = [f for f in files if 'hostile' not in f]
n = len(files)


def per_process(cmd):
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        for f in files:
            subprocess.run(cmd(f), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t = time.perf_counter() - t0
        best = t if best is None else min(best, t)
    return best


floor = per_process(lambda f: ['pdftotext', '-layout', '-enc', 'UTF-8', f, '-'])
ours = per_process(lambda f: [gx, f, '--to', 'json'])
out = tempfile.mktemp(suffix='.jsonl')
best = None
for _ in range(repeat):
    t0 = time.perf_counter()
    subprocess.run([gx, 'batch', *files, '-o', out, '--jobs', '1', '--no-progress'],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = time.perf_counter() - t0
    best = t if best is None else min(best, t)
    os.remove(out)
batch = best
try:
    import pdfplumber
    t0 = time.perf_counter()
    tables = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                tables += len(page.extract_tables())
    plumber = time.perf_counter() - t0
except ImportError:
    plumber = None

ms = lambda t: 1000 * t / n
print(f'{n} PDF files')
print(f'  pdftotext -layout (process per file)     {ms(floor):8.1f} ms/doc')
print(f'  gxconvert --to json (process per file)   {ms(ours):8.1f} ms/doc   {ours / floor:5.2f}x the floor')
print(f'  gxconvert batch --jobs 1 (one process)   {ms(batch):8.1f} ms/doc   {batch / floor:5.2f}x the floor')
if plumber is not None:
    print(f'  pdfplumber extract_tables (in-process)   {ms(plumber):8.1f} ms/doc   gxconvert is {plumber / ours:5.1f}x faster ({tables} tables found)')

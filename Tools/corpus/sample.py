#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""sample.py — copy a small held-out sample into Fixtures/corpus for the test suite.

    python3 Tools/corpus/sample.py HELDOUT_DIR OUT_DIR SEED…

For each seed (held-out only: seed % 4 == 0) copies r<seed>.<producer>.txt for every producer
produced (pdftotext default/-layout/-raw, and tesseract readings when produce.py made them) and
writes r<seed>.truth.json trimmed to what the test reads: seed, template variants, violations,
cells (compact, keys sorted). The PDF and DOCX stay out (the test needs neither tool).
"""
import glob
import json
import os
import shutil
import sys


def main():
    src, out, seeds = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
    os.makedirs(out, exist_ok=True)
    for seed in seeds:
        if seed % 4 != 0:
            sys.exit('seed %d is not held out (seed %% 4 != 0)' % seed)
        truth = json.load(open(os.path.join(src, 'r%d.truth.json' % seed), encoding='utf-8'))
        small = {k: truth[k] for k in ('seed', 'template', 'violations', 'cells')}
        with open(os.path.join(out, 'r%d.truth.json' % seed), 'w', encoding='utf-8') as f:
            json.dump(small, f, ensure_ascii=False, sort_keys=True, separators=(',', ':'))
            f.write('\n')
        for txt in sorted(glob.glob(os.path.join(src, 'r%d.*.txt' % seed))):
            shutil.copy(txt, out)


if __name__ == '__main__':
    main()

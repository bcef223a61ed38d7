#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""score.py — run gxconvert on every produced text and score it against the truth, per producer.

    python3 Tools/corpus/score.py DIR [--gx PATH] [--json OUT] [--show N]

For every DIR/r<seed>.<producer>.txt beside r<seed>.truth.json: `gxconvert FILE --from text
--to json` (and for DIR/r<seed>.pdf, producer `pdf-direct`: `--from pdf`), then per cell of the truth's template (the variant the truth says):
  right      output value == truth value (a blank read as null is right)
  given      output has a number there
  precision  right numbers / given
  recall     right numbers / truth cells holding a number
and per report: whether gxconvert reported a rule error although the printed tables hold
every rule ("false rule errors" — must be 0), and whether it failed (exit 3).
OCR producers are grouped by dpi/psm/clean|degraded. --show N prints N wrong cells per producer.
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def flat(rep):
    out = {}
    for table in ('active_disclosure', 'requests', 'review_litigation'):
        for row, cols in (rep.get(table) or {}).items():
            if isinstance(cols, dict):
                for col, v in cols.items():
                    out['%s.%s.%s' % (table, row, col)] = v
    return out


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def main():
    d = sys.argv[1]
    gx = sys.argv[sys.argv.index('--gx') + 1] if '--gx' in sys.argv else os.path.join(ROOT, '.build', 'debug', 'gxconvert')
    show = int(sys.argv[sys.argv.index('--show') + 1]) if '--show' in sys.argv else 0
    stats = collections.defaultdict(lambda: collections.Counter())
    wrong = collections.defaultdict(list)
    # r<seed>.pdf itself is scored too, as producer `pdf-direct`: gxconvert reading the PDF.
    for txt in sorted(glob.glob(os.path.join(d, 'r*.*.txt')) + glob.glob(os.path.join(d, 'r*.pdf'))):
        base = os.path.basename(txt)
        name, producer = base.split('.', 1)
        producer = 'pdf-direct' if producer == 'pdf' else producer[:-4]
        truth_path = os.path.join(os.path.dirname(txt), name + '.truth.json')
        if not os.path.exists(truth_path):
            continue
        truth = json.load(open(truth_path, encoding='utf-8'))
        p = subprocess.run([gx, txt, '--from', 'pdf' if producer == 'pdf-direct' else 'text', '--to', 'json'],
                           capture_output=True)
        s = stats[producer]
        s['reports'] += 1
        if p.returncode != 0:
            s['failed'] += 1
            got, rep = {}, {}
        else:
            rep = json.loads(p.stdout)
            got = flat(rep)
        for k, tv in truth['cells'].items():
            gv = got.get(k)
            s['cells'] += 1
            if tv is not None:
                s['truth_numbers'] += 1
            if gv is not None:
                s['given'] += 1
            if same(gv, tv):
                s['right'] += 1
                if gv is not None:
                    s['right_numbers'] += 1
            elif gv is not None:
                s['wrong_numbers'] += 1
                wrong[producer].append('%s %s: got %s, truth %s' % (name, k, gv, tv))
        errs = [x for x in rep.get('diagnostics', []) if x.get('severity') == 'error']
        if errs and not truth['violations']:
            s['false_rule_errors'] += 1
            wrong[producer].append('%s: rule error on a clean report: %s' % (name, errs[0].get('code')))
    rows = []
    for producer in sorted(stats):
        s = stats[producer]
        prec = s['right_numbers'] / s['given'] if s['given'] else 1.0
        rec = s['right_numbers'] / s['truth_numbers'] if s['truth_numbers'] else 1.0
        rows.append({'producer': producer, 'reports': s['reports'], 'failed': s['failed'], 'cells': s['cells'],
                     'cells_right': s['right'] / s['cells'] if s['cells'] else 0, 'precision': prec, 'recall': rec,
                     'wrong_numbers': s['wrong_numbers'], 'false_rule_errors': s['false_rule_errors']})
    print('%-34s %7s %6s %8s %11s %10s %8s %6s %6s' % ('producer', 'reports', 'failed', 'cells', 'cells right',
                                                      'precision', 'recall', 'wrong', 'false-err'))
    for r in rows:
        print('%-34s %7d %6d %8d %10.2f%% %9.3f%% %7.2f%% %6d %6d' % (
            r['producer'], r['reports'], r['failed'], r['cells'], 100 * r['cells_right'], 100 * r['precision'],
            100 * r['recall'], r['wrong_numbers'], r['false_rule_errors']))
        for w in wrong[r['producer']][:show]:
            print('    ' + w)
    if '--json' in sys.argv:
        with open(sys.argv[sys.argv.index('--json') + 1], 'w') as f:
            json.dump(rows, f, indent=1)


if __name__ == '__main__':
    main()

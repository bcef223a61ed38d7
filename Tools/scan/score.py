#!/usr/bin/env python3
"""Scores scan readings against truth: every value cell of the three standard tables.

usage: score.py TRUTH.json OUTPUT.json [TRUTH OUTPUT ...]   (or --pairs FILE with "truth output" lines)

A value counts as emitted when the output has a number there; it is correct when it equals the
truth. Precision = correct / emitted, recall = correct / values in the truth (numbers only;
blank and n/a cells are not values, and a number where the truth has none is an error).
Prints one line per pair and the totals; --json prints the totals as JSON.
"""
import json, sys

TABLES = ("active_disclosure", "requests", "review_litigation")


def cells(report):
    """(table, row, column) → number or None, from gxconvert's JSON or a fixture's expected file."""
    out = {}
    if "schema" not in report and "seed" in report:
        # Tools/corpus truth: path → printed number or null.
        for path, v in report["cells"].items():
            t, row, col = path.split(".")
            out[(t, row, col)] = v
        return out
    if "schema" not in report and "cells" in report:
        for path, c in report["cells"].items():
            t, row, col = path.split(".")
            out[(t, row, col)] = float(c["text"].lstrip("+")) if c["kind"] == "number" else None
        return out
    for t in TABLES:
        for row, cols in (report.get(t) or {}).items():
            for col, v in (cols or {}).items():
                out[(t, row, col)] = v
    return out


def score(truth_path, out_path):
    truth = cells(json.load(open(truth_path)))
    try:
        got = cells(json.load(open(out_path)))
    except Exception:
        got = {}
    emitted = correct = expected = lost = 0
    wrong = []
    for k, v in truth.items():
        if v is not None:
            expected += 1
        g = got.get(k)
        if g is None:
            if v is not None:
                lost += 1
            continue
        emitted += 1
        if v is not None and float(g) == float(v):
            correct += 1
        else:
            wrong.append((k, v, g))
    return emitted, correct, expected, wrong


def main(argv):
    as_json = "--json" in argv
    argv = [a for a in argv if a != "--json"]
    pairs = []
    if argv and argv[0] == "--pairs":
        pairs = [l.split() for l in open(argv[1]) if l.strip()]
    else:
        pairs = list(zip(argv[0::2], argv[1::2]))
    E = C = X = 0
    for truth, out in pairs:
        e, c, x, wrong = score(truth, out)
        E += e; C += c; X += x
        if not as_json:
            print(f"{out}: emitted {e}, correct {c}, truth values {x}" + (f", WRONG {wrong[:5]}" if wrong else ""))
    p = C / E if E else 1.0
    r = C / X if X else 1.0
    if as_json:
        print(json.dumps({"emitted": E, "correct": C, "expected": X, "precision": p, "recall": r}))
    else:
        print(f"TOTAL precision {p:.4f} ({C}/{E})  recall {r:.4f} ({C}/{X})")


if __name__ == "__main__":
    main(sys.argv[1:])

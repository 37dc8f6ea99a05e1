#!/usr/bin/env python3
"""Scores a cells CSV against hand-checked gold: right/total per document, and every wrong cell.

usage: accuracy.py [--quiet] CELLS_CSV SOURCE=GOLD_TSV [SOURCE=GOLD_TSV ...]
A cell is right when its status and value equal the gold's (values compared as decimals).
Exit status 1 when any gold cell is wrong or missing, or the output has cells the gold lacks.
"""
import csv
import sys
from decimal import Decimal, InvalidOperation


def canon(v):
    try:
        return format(Decimal(v).normalize(), "f") if v else ""
    except InvalidOperation:
        return v


def main(argv):
    quiet = "--quiet" in argv
    args = [a for a in argv if a != "--quiet"]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    ours = {}
    extras = {}
    with open(args[0], encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["row"].startswith("extra_"):
                extras.setdefault(r["source"], set()).add(r["row"])
                continue  # rows the source has beyond the profile: listed, not scored
            ours.setdefault(r["source"], {})[(r["table"], r["row"], r["col"])] = (r["status"], canon(r["value"]))
    bad_total = 0
    grand_right = grand_total = 0
    for spec in args[1:]:
        source, gold_path = spec.split("=", 1)
        gold = {}
        with open(gold_path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                gold[(r["table"], r["row"], r["col"])] = (r["status"], canon(r["value"]))
        mine = ours.get(source, {})
        right = sum(1 for k, v in gold.items() if mine.get(k) == v)
        wrong = [(k, v, mine.get(k)) for k, v in gold.items() if mine.get(k) != v]
        unexpected = [k for k in mine if k not in gold]
        grand_right += right
        grand_total += len(gold)
        bad_total += len(wrong) + len(unexpected)
        if not quiet or wrong or unexpected:
            print(f"{source}: {right}/{len(gold)} cells right" +
                  (f", {len(unexpected)} cells not in gold" if unexpected else "") +
                  (f" (+{len(extras.get(source, ()))} extra rows kept)" if extras.get(source) else ""))
        for k, want, got in wrong[:40]:
            print(f"  {'/'.join(k)}: gold {want[0]} {want[1]!r}, ogix {got[0] + ' ' + repr(got[1]) if got else 'absent'}")
        for k in unexpected[:10]:
            print(f"  {'/'.join(k)}: not in gold ({mine[k][0]} {mine[k][1]!r})")
    if not quiet and len(args) > 2:
        print(f"total: {grand_right}/{grand_total} cells right")
    return 1 if bad_total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

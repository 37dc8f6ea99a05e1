#!/usr/bin/env python3
"""Scores a cells CSV against hand-checked gold: right/total per document, and every wrong cell.

usage: accuracy.py [--quiet] [--manifest CSV ...] CELLS_CSV SOURCE=GOLD_TSV [SOURCE=GOLD_TSV ...]
A cell is right when its status and value equal the gold's (values compared as decimals).
A gold row `extra:<label>` (legacy indicator tables) is matched with the output's extra_N row of
that label (compared by its Han characters and letters, 其中 dropped). With --manifest, each
document must have converted with the profile its GOLD.meta names (profile=…).
Exit status 1 when any gold cell is wrong or missing, the output has cells the gold lacks, or a
document did not convert with its profile.
"""
import csv
import os
import sys
import unicodedata
from decimal import Decimal, InvalidOperation


def label_key(s):
    k = "".join(c for c in s if unicodedata.category(c) == "Lo" or c.isascii() and c.isalpha())
    return k[2:] if k.startswith("其中") else k


def canon(v):
    try:
        return format(Decimal(v).normalize(), "f") if v else ""
    except InvalidOperation:
        return v


def main(argv):
    quiet = "--quiet" in argv
    args = [a for a in argv if a != "--quiet"]
    manifests = []
    while "--manifest" in args:
        i = args.index("--manifest")
        manifests.append(args[i + 1])
        del args[i:i + 2]
    converted = {}
    for m in manifests:
        with open(m, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                converted[r["source"]] = (r["status"], r["profile"], r["error_code"])
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    ours = {}
    extras = {}
    with open(args[0], encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["row"].startswith("extra_"):
                extras.setdefault(r["source"], set()).add(r["row"])
                if r["profile"] == "ogi-legacy":  # scored by label: gold writes extra:<label>
                    key = (r["table"], "extra:" + label_key(r["label"]), r["col"])
                    ours.setdefault(r["source"], {})[key] = (r["status"], canon(r["value"]))
                continue  # rows the source has beyond the profile: listed, not scored
            ours.setdefault(r["source"], {})[(r["table"], r["row"], r["col"])] = (r["status"], canon(r["value"]))
    bad_total = 0
    grand_right = grand_total = 0
    for spec in args[1:]:
        source, gold_path = spec.split("=", 1)
        gold = {}
        with open(gold_path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                row = r["row"]
                if row.startswith("extra:"):
                    row = "extra:" + label_key(row[6:])
                gold[(r["table"], row, r["col"])] = (r["status"], canon(r["value"]))
        mine = ours.get(source, {})
        right = sum(1 for k, v in gold.items() if mine.get(k) == v)
        wrong = [(k, v, mine.get(k)) for k, v in gold.items() if mine.get(k) != v]
        unexpected = [k for k in mine if k not in gold]
        grand_right += right
        grand_total += len(gold)
        bad_total += len(wrong) + len(unexpected)
        meta = os.path.splitext(gold_path)[0] + ".meta"
        if manifests and os.path.exists(meta):
            want = next((l.split("=", 1)[1].strip() for l in open(meta, encoding="utf-8") if l.startswith("profile=")), "")
            got = converted.get(source)
            if not got or got[0] != "ok" or got[1] != want:
                bad_total += 1
                print(f"{source}: expected profile {want}, got {got[0] + ' ' + (got[1] or got[2]) if got else 'no conversion'}")
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

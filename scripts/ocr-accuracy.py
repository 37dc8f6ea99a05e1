#!/usr/bin/python3
"""Scores OCR'd scans against their fixture's gold: cells right, and wrong cells left unflagged.

usage: ocr-accuracy.py [--min-right PCT] OUT_DIR NAME=GOLD_TSV [NAME=GOLD_TSV ...]
OUT_DIR holds ogix's cells.csv and NAME.xml per scan. A wrong cell is *flagged* when the XML has an
ocr.* finding at its table/row/col (or its row). Prints one line per scan; exit status 1 when any
wrong cell is unflagged (a silent wrong number), or when a scan has fewer than PCT % of its cells
right.
"""
import csv
import os
import sys
import xml.etree.ElementTree as ET

from accuracy import canon, label_key  # the same comparisons as the real-report scorer


def main(argv):
    min_right = None
    if len(argv) >= 2 and argv[0] == "--min-right":
        min_right = float(argv[1])
        argv = argv[2:]
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[0]
    ours = {}
    row_code = {}  # (source, table, extra:<label>) → the output's extra_N row, where findings are
    with open(os.path.join(out, "cells.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            row = r["row"]
            if row.startswith("extra_"):
                if r["profile"] != "ogi-legacy":
                    continue  # rows beyond the profile: not scored
                row = "extra:" + label_key(r["label"])  # legacy gold writes extra:<label>, as accuracy.py scores it
                row_code[(r["source"], r["table"], row)] = r["row"]
            ours.setdefault(r["source"], {})[(r["table"], row, r["col"])] = (r["status"], canon(r["value"]))
    silent_total = 0
    short = 0  # scans below --min-right
    for spec in argv[1:]:
        name, gold_path = spec.split("=", 1)
        stem = os.path.splitext(name)[0]
        xml_path = os.path.join(out, stem + ".xml")
        flagged = set()
        if os.path.exists(xml_path):
            # Attributes in any order (the XML is canonical: they come sorted).
            for el in ET.parse(xml_path).getroot().iter("{urn:ogix:report:1}finding"):
                if el.get("code", "").startswith("ocr.") and el.get("location"):
                    flagged.add(el.get("location"))
        got = ours.get(name, {})
        right = total = silent = 0
        for r in csv.DictReader(open(gold_path, encoding="utf-8", newline=""), delimiter="\t"):
            key = (r["table"], "extra:" + label_key(r["row"][6:]) if r["row"].startswith("extra:") else r["row"], r["col"])
            total += 1
            have = got.get(key)
            if have == (r["status"], canon(r["value"])):
                right += 1
                continue
            # A number we emit that differs from the source, with no ocr.* finding on it, is silent.
            at = (key[0], row_code.get((name,) + key[:2], key[1]), key[2])
            if have and have[0] == "number" and "/".join(at) not in flagged and "/".join(at[:2]) not in flagged:
                silent += 1
                print(f"  silent: {'/'.join(key)} gold {r['status']} {r['value']!r}, ogix {have}")
        silent_total += silent
        pct = 100.0 * right / total if total else 0
        print(f"{name}: {right}/{total} cells right ({pct:.1f}%), {silent} wrong number(s) without an ocr.* finding")
        if min_right is not None and pct < min_right:
            short += 1
            print(f"  below {min_right:g} % of the cells right")
    return 1 if silent_total or short else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

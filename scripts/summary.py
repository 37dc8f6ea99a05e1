#!/usr/bin/env python3
"""Prints the one-screen summary of a manifest.csv: documents, profiles, cells, rules."""
import csv
import sys

manifest = sys.argv[1]
rows = list(csv.DictReader(open(manifest, encoding="utf-8")))
ok = [r for r in rows if r["status"] == "ok"]
print(f"ogix demo: {len(rows)} inputs, {len(ok)} converted, {len(rows) - len(ok)} rejected (see out/manifest.csv)")
print(f"{'document':<40} {'profile':<9} {'sect':>4} {'number':>6} {'blank':>5} {'na':>3} {'text':>4} {'miss':>4}  rules pass/fail/unchecked")
for r in rows:
    name = r["source"]
    if r["status"] != "ok":
        print(f"{name:<40} error: {r['error_code']}: {r['message'][:60]}")
        continue
    print(f"{name:<40} {r['profile']:<9} {r['sections']:>4} {r['cells_number']:>6} {r['cells_blank']:>5} "
          f"{r['cells_na']:>3} {r['cells_text']:>4} {r['cells_missing']:>4}  "
          f"{r['rules_pass']}/{r['rules_fail']}/{r['rules_unchecked']}")
print("outputs: out/<case>.xml, out/cells.csv, out/manifest.csv, out/dataset-rules.csv, "
      "out/reports.csv, out/panel.csv, out/codebook.csv")

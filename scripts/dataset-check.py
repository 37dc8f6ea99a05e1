#!/usr/bin/python3
"""The research dataset, tested for real: converts the 平潭 reports of consecutive years (pages and
crawler texts from ../shared/realdata) and checks
  - panel.csv row by row against values computed here, independently, from the hand-checked gold
    cells by the rules of spec/panel.md (a cell ogix leaves `text` may empty a value, never change it);
  - that pandas (Debian's python3-pandas) reads reports.csv, panel.csv and codebook.csv with numeric
    value columns and NaN for blanks;
  - the SQLite file with the sqlite3 command: integrity and foreign keys clean, `cells` equal to
    cells.csv, `panel` equal to panel.csv;
  - the same bytes in every dataset file for another input order and --jobs;
  - the README's pandas and SQL examples, run as written.
usage: dataset-check.py --ogix PATH
Prints 'N passed, N failed'; exit 1 on any failure."""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "..", "shared", "realdata")
LEGACY = os.path.join(REAL, "legacy")
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def read_gold(path):
    cells = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            cells[(row["table"], row["row"], row["col"])] = (row["status"], row["value"])
    return cells


# spec/panel.md, written here from the spec (not from ogix's own table).
MODERN = {
    "requests_new": ["applications.new_received.total"],
    "requests_carried_over": ["applications.carried_over.total"],
    "granted": ["applications.granted.total"],
    "partially_granted": ["applications.partially_granted.total"],
    "refused": ["applications.denied.*.total"],
    "not_held": ["applications.unavailable.not_held.total"],
    "total_processed": ["applications.total_processed.total"],
    "review_total": ["review_litigation.administrative_review.total"],
    "review_corrected": ["review_litigation.administrative_review.corrected"],
    "litigation_total": ["review_litigation.litigation_direct.total", "review_litigation.litigation_after_review.total"],
    "litigation_corrected": ["review_litigation.litigation_direct.corrected",
                             "review_litigation.litigation_after_review.corrected"],
}
LEGACY_MAP = {
    "requests_new": ["indicators.requests_received.current"],
    "granted": ["indicators.replies.granted.current"],
    "partially_granted": ["indicators.replies.partially_granted.current"],
    "refused": ["indicators.replies.refused.current"],
    "not_held": ["indicators.replies.not_this_agency.current", "indicators.replies.not_exist.current"],
    "already_public": ["indicators.replies.already_public.current"],
    "total_processed": ["indicators.replies_total.current"],
    "review_total": ["indicators.review_total.current"],
    "review_corrected": ["indicators.review.corrected.current"],
    "litigation_total": ["indicators.litigation_total.current"],
    "litigation_corrected": ["indicators.litigation.corrected.current"],
    "proactive_total": ["indicators.proactive_total.current"],
}


def expected_panel(gold, legacy):
    out = {}
    for column, terms in (LEGACY_MAP if legacy else MODERN).items():
        total, ok = Decimal(0), True
        for term in terms:
            table, rest = term.split(".", 1)
            row, col = rest.rsplit(".", 1)
            if row.endswith(".*"):
                ops = [v for (t, r, c), v in gold.items() if t == table and c == col and r.startswith(row[:-1])]
            else:
                ops = [gold[(table, row, col)]] if (table, row, col) in gold else []
            if not ops or any(s != "number" for s, _ in ops):
                ok = False
            else:
                total += sum(Decimal(v) for _, v in ops)
        out[column] = format(total.normalize(), "f") if ok else ""
    return out


def run(ogix, inputs, out, *extra):
    return subprocess.run([ogix, "convert", "-q", "--no-sync", *extra, *inputs, "-o", out,
                           "--sqlite", os.path.join(out, "ogix.sqlite")], capture_output=True, text=True)


def main(argv):
    ogix = argv[argv.index("--ogix") + 1] if "--ogix" in argv else os.path.join(ROOT, "build/test/ogix")
    if not os.path.isdir(REAL):
        # The check is about the real reports: without them it cannot pass, and says why.
        print(f"FAIL: {os.path.normpath(REAL)} is missing: the dataset check reads the real reports of "
              "../shared beside the checkout (as .ci/run places them)")
        return 1
    tmp = tempfile.mkdtemp(prefix="ogix-dataset-")
    try:
        cases = [  # (input, gold or None)
            (os.path.join(REAL, "html/pingtan_2019_page.html"), os.path.join(REAL, "gold/pingtan_2019_page.tsv")),
            (os.path.join(REAL, "html/pingtan_2020_page.html"), os.path.join(REAL, "gold/pingtan_2020_page.tsv")),
            (os.path.join(REAL, "text/pingtan_2021_page.txt"), os.path.join(REAL, "gold/pingtan_2021_page.tsv")),
            (os.path.join(REAL, "text/pingtan_2022_page.txt"), None),
        ]
        # The legacy years of the same archive, once ogix has the legacy profile.
        codebook = subprocess.run([ogix, "codebook"], capture_output=True, text=True).stdout
        for stem in ("pingtan_gov_2016",) if "ogi-legacy" in codebook else ():
            src = os.path.join(LEGACY, "text", stem + ".txt")
            if os.path.exists(src):
                cases.append((src, os.path.join(LEGACY, "gold", stem + ".tsv")))
        inputs = [c[0] for c in cases]
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        ra = run(ogix, inputs, a)
        check(ra.returncode == 0, f"convert exit {ra.returncode}: {ra.stderr}")
        rb = run(ogix, list(reversed(inputs)), b, "-j", "2")
        check(rb.returncode == 0, f"convert (reversed, -j2) exit {rb.returncode}: {rb.stderr}")
        for name in ("reports.csv", "panel.csv", "codebook.csv", "cells.csv", "ogix.sqlite"):
            with open(os.path.join(a, name), "rb") as fa, open(os.path.join(b, name), "rb") as fb:
                check(fa.read() == fb.read(), f"{name} differs with another input order and -j2")

        # panel.csv against the gold.
        with open(os.path.join(a, "panel.csv"), encoding="utf-8", newline="") as f:
            panel = {r["source"]: r for r in csv.DictReader(f)}
        for src, gold_path in cases:
            row = panel.get(os.path.basename(src))
            check(row is not None, f"no panel row for {src}")
            if row is None or gold_path is None:
                continue
            legacy = row["profile"] == "ogi-legacy"
            want = expected_panel(read_gold(gold_path), legacy)
            for column, value in want.items():
                got = row[column]
                if got == value:
                    check(True, "")
                elif got == "" and value != "":
                    # Left empty only where ogix did not decide an operand: the notes say which.
                    check("text:" in row["notes"] or "missing:" in row["notes"],
                          f"{row['source']} {column}: empty without a reason (gold {value}), notes {row['notes']!r}")
                else:
                    check(False, f"{row['source']} {column}: {got!r}, gold gives {value!r}")
        years = sorted((r["agency_key"], r["year"]) for r in panel.values())
        check(len({k for k, _ in years}) == 1, f"one agency_key for the 平潭 reports: {years}")

        # pandas, with Debian's interpreter.
        code = f"""
import pandas as pd, sys
r = pd.read_csv({os.path.join(a, 'reports.csv')!r})
p = pd.read_csv({os.path.join(a, 'panel.csv')!r})
c = pd.read_csv({os.path.join(a, 'codebook.csv')!r})
assert pd.api.types.is_numeric_dtype(r['applications.new_received.total']), r['applications.new_received.total'].dtype
assert pd.api.types.is_numeric_dtype(r['year'])
assert pd.api.types.is_numeric_dtype(p['requests_new']) and pd.api.types.is_numeric_dtype(p['rules_fail'])
assert p['duplicate_key'].dtype == bool
assert pd.api.types.is_numeric_dtype(r['applications.granted.natural_person'])
blank = r['review_litigation.administrative_review.total.status'].notna()
assert r.loc[blank, 'review_litigation.administrative_review.total'].isna().all()
assert len(c) > 400 and set(c['kind']) == {{'section', 'cell'}}
print(len(r), len(p), len(c))
"""
        pr = subprocess.run(["/usr/bin/python3", "-c", code], capture_output=True, text=True)
        check(pr.returncode == 0, f"pandas: {pr.stderr.strip()[-800:]}")

        # SQLite, with the sqlite3 command.
        db = os.path.join(a, "ogix.sqlite")
        sq = subprocess.run(["sqlite3", db, "PRAGMA integrity_check; PRAGMA foreign_key_check;"], capture_output=True,
                            text=True)
        check(sq.stdout.strip() == "ok" and sq.returncode == 0, f"integrity/foreign keys: {sq.stdout} {sq.stderr}")
        q = ("SELECT r.source, r.profile, c.table_code, c.row_code, c.col_code, c.status, c.value, c.raw, "
             "CASE c.extra WHEN 1 THEN 'true' ELSE 'false' END, c.label, c.location, c.document, COALESCE(c.unit, '') "
             "FROM cells c JOIN reports r USING (document) ORDER BY r.source, c.document, c.seq;")
        sq = subprocess.run(["sqlite3", "-csv", db, q], capture_output=True, text=True)
        db_rows = list(csv.reader(io.StringIO(sq.stdout)))
        with open(os.path.join(a, "cells.csv"), encoding="utf-8", newline="") as f:
            csv_rows = list(csv.reader(f))[1:]
        check(len(db_rows) == len(csv_rows) and len(csv_rows) > 500, f"cells: {len(db_rows)} in the database, {len(csv_rows)} in cells.csv")
        diffs = [(x, y) for x, y in zip(db_rows, csv_rows) if x != y]
        check(not diffs, f"cells differ, first: {diffs[:1]}")
        cols = ("source,document,profile,agency,agency_key,agency_level,year,requests_new,requests_carried_over,granted,"
                "partially_granted,refused,not_held,already_public,total_processed,review_total,review_corrected,"
                "litigation_total,litigation_corrected,proactive_total,rules_fail,"
                "CASE duplicate_key WHEN 1 THEN 'true' ELSE 'false' END,notes")
        sq = subprocess.run(["sqlite3", "-csv", db, f"SELECT {cols} FROM panel ORDER BY source, document;"],
                            capture_output=True, text=True)
        with open(os.path.join(a, "panel.csv"), encoding="utf-8", newline="") as f:
            want = list(csv.reader(f))[1:]
        check(list(csv.reader(io.StringIO(sq.stdout))) == want, "the panel table differs from panel.csv")
        # Rules named as the XML names them (n="4", the legacy n="L1"), one row per rule outcome.
        sq = subprocess.run(["sqlite3", "-csv", db, "SELECT r.source, u.rule FROM rules u JOIN reports r USING (document) "
                             "ORDER BY r.source, u.document, u.seq;"], capture_output=True, text=True)
        want = []
        for src in sorted(inputs, key=os.path.basename):
            xml = os.path.join(a, os.path.splitext(os.path.basename(src))[0] + ".xml")
            with open(xml, encoding="utf-8") as f:
                want += [[os.path.basename(src), n] for n in re.findall(r'<rule [^>]*\bn="([^"]*)"', f.read())]
        got = list(csv.reader(io.StringIO(sq.stdout)))
        check(got == want and any(n.startswith("L") for _, n in want) == any("legacy" in s or "2016" in s for s in inputs),
              f"rules.rule differs from the XML's n: {len(got)} rows against {len(want)}, first {[(x, y) for x, y in zip(got, want) if x != y][:1]}")
        sq = subprocess.run(["sqlite3", db, ".indexes"], capture_output=True, text=True)
        check("reports_agency_year" in sq.stdout and "cells_code" in sq.stdout, f"indexes: {sq.stdout}")

        # A second run into the same database replaces it.
        rc = run(ogix, inputs[:1], a)
        sq = subprocess.run(["sqlite3", db, "SELECT count(*) FROM reports;"], capture_output=True, text=True)
        check(rc.returncode == 0 and sq.stdout.strip() == "1", f"a second run does not replace the database: {sq.stdout}")
        check(not [n for n in os.listdir(a) if ".tmp" in n], "temporary files left behind")

        # --csv-bom.
        c = os.path.join(tmp, "c")
        subprocess.run([ogix, "convert", "-q", "--csv-bom", inputs[0], "-o", c], check=True)
        for name in ("cells.csv", "reports.csv", "panel.csv", "codebook.csv", "manifest.csv", "dataset-rules.csv"):
            with open(os.path.join(c, name), "rb") as f:
                check(f.read(3) == b"\xef\xbb\xbf", f"{name} has no BOM with --csv-bom")
        with open(os.path.join(b, "panel.csv"), "rb") as f:
            check(f.read(3) != b"\xef\xbb\xbf", "panel.csv has a BOM without --csv-bom")

        # The README's examples, run as written from a directory holding out/.
        readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
        blocks = dict(re.findall(r"<!-- tested: (\w+) -->\n```\w+\n(.*?)```", readme, re.S))
        check(set(blocks) >= {"pandas", "sql"}, f"README examples not found: {list(blocks)}")
        work = os.path.join(tmp, "work")
        os.makedirs(work)
        shutil.copytree(b, os.path.join(work, "out"))
        pr = subprocess.run(["/usr/bin/python3", "-c", blocks.get("pandas", "")], cwd=work, capture_output=True, text=True)
        check(pr.returncode == 0 and "平潭综合实验区" in pr.stdout, f"README pandas example: {pr.stdout} {pr.stderr[-500:]}")
        sq = subprocess.run(["sqlite3", "out/ogix.sqlite", blocks.get("sql", "")], cwd=work, capture_output=True, text=True)
        check(sq.returncode == 0 and sq.stdout.count("平潭综合实验区") >= 3, f"README SQL example: {sq.stdout} {sq.stderr}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"dataset-check: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

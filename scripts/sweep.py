#!/usr/bin/env python3
"""Randomized, seeded robustness sweep of ogix: generates N invented annual reports that mix the
layout features real agencies use at random, renders each as HTML (always), as a tab-separated
Word-copy text and optionally as PDF or .docx (LibreOffice), converts them with ogix and scores every
canonical cell (status and value) against the generated gold, the way scripts/accuracy.py does.
Also checks the detected profile, the six sections, and (in the few seeds that break a sum rule on
purpose) that the broken rule is reported as `fail`. Wrong numbers (a number ogix emits that the
source does not say there) are counted apart from misses (cells left text/missing/blank/na).

--profile legacy generates reports on 2008–2018 instead (../shared/spec/ogi-legacy.md; build_legacy):
the 2014–2018 nine-group indicator table or a 2008–2013 list (kind `crawl` also renders the
crawler copy with the table flattened into space-separated cells on one line), scored against gold in the spec's
format (table `indicators`, only the rows the source has, extra rows by label), with the legacy
outline's sections. Its features are drawn from a random stream of their own, so the 2019/2021
inputs of a seed are the same with or without this mode.

usage: sweep.py [--n N] [--seed S] [--kinds html,text,pdf,docx,crawl] [--profile modern|legacy] [--ogix PATH]
                [--keep DIR] [--work DIR] [--only SEEDS]
                [--force FEATURE=VALUE ...]
It is a measurement, not a test: exit 0 unless ogix itself crashes (exit code other than 0/1, a
signal, or an `internal` error). Deterministic: the same --seed and --n give the same inputs.
The value model and label tables come from make-variant-fixtures.py (imported)."""
import argparse
import ast
import csv
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("variants", os.path.join(HERE, "make-variant-fixtures.py"))
V = importlib.util.module_from_spec(_spec)
_argv, sys.argv = sys.argv, sys.argv[:1]  # the module reads sys.argv[1] as its fixtures dir
_spec.loader.exec_module(V)
sys.argv = _argv

APPLICANT, LEGAL, COL_LABEL, LEAF, GROUP = V.APPLICANT, V.LEGAL, V.COL_LABEL, V.LEAF, V.GROUP
DENIED, UNAVAILABLE, NOT_PROCESSED, OTHER = V.DENIED, V.UNAVAILABLE, V.NOT_PROCESSED, V.OTHER
REVIEW_ROWS, REVIEW_COLS, REVIEW_LABEL = V.REVIEW_ROWS, V.REVIEW_COLS, V.REVIEW_LABEL
FW = V.FW
MINIMAL = False
LEGACY = False  # --profile legacy: reports on 2008–2018 (build_legacy) instead of 2019/2021 ones
SECTIONS = ["overview", "proactive", "applications", "review_litigation", "problems", "other_matters"]

# --- features --------------------------------------------------------------------------------------

# Each feature: name -> list of (value, weight). Drawn independently per report; a few are then
# made consistent (see draw_features).
FEATURES = {
    "fmt": [(2019, 1), (2021, 1)],
    "single_other": [(False, 6), (True, 1)],          # 2021 keeping the 2019 single （六）其他处理 row
    "t2": [("one", 3), ("split", 3), ("split_title_row", 2)],
    "t3_head": [("band3", 4), ("band2", 2), ("flat", 2)],
    "t3_subtotal": [(False, 4), (True, 1)],
    "t3_order": [("std", 4), ("total_first", 1)],
    "groups": [("rowspan3", 4), ("rowspan2", 2), ("own_rows", 2), ("merged", 2), ("omitted", 1)],
    "vertical_label": [(False, 3), (True, 1)],        # 三、本年度办理结果 one character per line
    "numbering": [("dot", 4), ("dun", 2), ("fwdot", 1), ("paren", 1), ("fwparen", 1), ("circled", 1)],
    "wording": [("std", 3), ("variant", 2)],
    "digits": [("ascii", 5), ("full", 1), ("mixed", 1)],
    "scale": [(1, 3), (20, 1), (400, 1)],             # 400: values in the thousands (grouping commas)
    "commas": [("none", 2), ("ascii", 2), ("full", 1)],
    "units": [("none", 6), ("wanyuan", 2), ("jian", 1)],
    "blanks": [(0, 4), (2, 2), (5, 1)],
    "t4": [("std_a", 3), ("std_b", 2), ("std_label", 1), ("transposed", 1), ("transposed_whole", 1),
           ("header_body", 1), ("two_tables", 1), ("blocks", 1), ("by_result", 1)],
    "wrap_labels": [(False, 2), (True, 1)],
    "wrap_headers": [(False, 2), (True, 1)],
    "extra_empty": [("none", 4), ("row", 1), ("col", 1)],
    "nbsp_pad": [(False, 3), (True, 1)],
    "th": [(False, 3), (True, 1)],
    "note": [("none", 4), ("row", 1), ("para", 1)],
    "spaces": [(False, 3), (True, 1)],
    "headings": [("std", 3), ("variant", 1)],
    "break_rule": [(None, 14), ("rule3", 1), ("rule4", 1)],
    # text rendering only
    "txt_trailing_tab": [(False, 1), (True, 1)],
    "txt_blank_line_in_table": [(False, 3), (True, 1)],
    "txt_crlf": [(False, 1), (True, 1)],
    # Word copies a horizontally merged cell as one field; a table built of unmerged cells (text in
    # the first) gives one field per column
    "txt_colspan": [("pad", 1), ("merge", 1)],
}


# Table 三 published as a header-only <table> over its body <table> (with or without a <colgroup>),
# with blanks or na in the first value columns of a few rows. Drawn from a random stream of its own
# (split_rng) so that every other draw of an existing seed stays as it was; --force t3_split=…
# overrides it like any feature.
T3_SPLIT = [("none", 6), ("header_body", 1), ("header_body_colgroup", 1)]


def split_rng(seed, k):
    return random.Random(seed * 104729 + k)


def pick(rng, choices):
    total = sum(w for _, w in choices)
    x = rng.uniform(0, total)
    for v, w in choices:
        x -= w
        if x <= 0:
            return v
    return choices[-1][0]


def draw_features(rng, force, minimal=False):
    f = {k: pick(rng, v) for k, v in FEATURES.items()}
    if minimal:  # every feature at its plainest value (the first listed), for reducing a failure
        f = {k: v[0][0] for k, v in FEATURES.items()}
        f["fmt"] = pick(rng, FEATURES["fmt"])
    f.update(force)
    if f["fmt"] == 2019:
        f["single_other"] = False
    if f["commas"] != "none" and f["scale"] == 1:
        f["scale"] = 400  # commas only show on numbers of four digits or more
    if f["break_rule"] and f["units"] == "jian":
        f["units"] = "none"  # a "12件" operand (status text) would leave the broken rule unchecked
    if f["groups"] not in ("rowspan3", "rowspan2"):
        f["vertical_label"] = False
    if f["groups"] == "omitted" and f["fmt"] == 2021 and not f["single_other"]:
        # without any group label, 3.其他 is only "其他": the spec's other.other needs （六）其他处理
        f["groups"] = "own_rows"
    return f


# --- value model (make-variant-fixtures' tables 三/四, with random table 二 values) ---------------------

class Report:
    def __init__(self, rng, f):
        self.f = f
        self.fmt = f["fmt"]
        self.single_other = self.fmt == 2019 or f["single_other"]
        scale = f["scale"]
        self.result_rows, self.rows, self.apps, self.review = V.application_values(rng, self.single_other, scale)
        R = rng.randint
        money = f"{R(1, 99999)}.{R(1, 99):02d}".rstrip("0")
        if self.fmt == 2019:
            self.proactive = {}
            for r in ["rules", "normative_documents"]:
                made = R(1, 30)
                self.proactive.update({(r, "new_made"): made, (r, "new_published"): R(1, made),
                                       (r, "total_published"): R(made, 900)})
            for r in ["administrative_license", "other_external_services", "administrative_penalty",
                      "administrative_coercion"]:
                self.proactive.update({(r, "previous_year_items"): R(1, 2000), (r, "change"): rng.choice([-1, 1]) * R(1, 40),
                                       (r, "decisions"): R(1, 60000)})
            self.proactive.update({("administrative_fees", "previous_year_items"): R(1, 50),
                                   ("administrative_fees", "change"): rng.choice([-1, 1]) * R(1, 9),
                                   ("government_procurement", "procurement_items"): R(1, 900),
                                   ("government_procurement", "procurement_amount"): money})
        else:
            self.proactive = {}
            for r in ["rules", "normative_documents"]:
                self.proactive.update({(r, "issued"): R(1, 40), (r, "repealed"): R(1, 20), (r, "in_force"): R(40, 900)})
            self.proactive.update({("administrative_license", "decisions"): R(1, 90000),
                                   ("administrative_penalty", "decisions"): R(1, 20000),
                                   ("administrative_coercion", "decisions"): R(1, 900),
                                   ("administrative_fees", "fee_amount"): money})
        self.overrides = {}   # (table,row,col) -> (status, printed text)
        self.printed_text = set()  # cells printed with a word ("12件"): gold status text
        self.expect_fail = []  # (rule n, table, scope)
        br = f["break_rule"]
        protected = set()
        if br == "rule4":
            r = rng.choice(REVIEW_ROWS)
            self.review[(r, "total")] += 1
            self.expect_fail.append(("4", "review_litigation", r))
            protected |= {("review_litigation", r, c) for c in REVIEW_COLS}
        elif br == "rule3":
            r = rng.choice(["granted", "partially_granted", "carried_over"])
            self.apps[(r, "total")] += 1
            self.expect_fail.append(("3", "applications", r))
            protected |= {("applications", r, c) for c in APPLICANT + ["total", "legal_person_subtotal"]}
        # blank / na cells, anywhere the spec allows them (any cell)
        markers = [("blank", ""), ("blank", " "), ("na", "/"), ("na", "-"), ("na", "—"), ("na", "－"), ("na", "无"),
                   ("na", "不涉及"), ("na", "不适用")]
        keys = ([("applications", r, c) for r in self.rows for c in APPLICANT + ["total"]] +
                [("review_litigation", r, c) for r in REVIEW_ROWS for c in REVIEW_COLS] +
                [("proactive", r, c) for (r, c) in self.proactive])
        keys = [k for k in keys if k not in protected]
        for k in rng.sample(keys, f["blanks"]):
            st, text = rng.choice(markers)
            self.overrides[k] = (st, text)
            if k[0] == "applications" and k[2] in LEGAL:
                self.overrides[("applications", k[1], "legal_person_subtotal")] = (
                    "number", None)  # still printed as the (unchanged) sum: the source's own number

    def value(self, table, row, col):
        return {"applications": self.apps, "review_litigation": self.review, "proactive": self.proactive}[table][(row, col)]

    def gold(self, subtotal):
        g = {}

        def add(t, r, c):
            o = self.overrides.get((t, r, c))
            if (t, r, c) in self.printed_text:
                g[(t, r, c)] = ("text", "")
            elif o and o[1] is not None:
                g[(t, r, c)] = (o[0], "")
            else:
                g[(t, r, c)] = ("number", canon(str(self.value(t, r, c))))
        for (r, c) in self.proactive:
            add("proactive", r, c)
        for t, r, c, missing in V.gold_cells(self.fmt, self.single_other, self.rows, subtotal):
            if missing:
                g[(t, r, c)] = ("missing", "")
            else:
                add(t, r, c)
        return g


def canon(v):
    try:
        return format(Decimal(v).normalize(), "f") if v else ""
    except InvalidOperation:
        return v


# --- table model -----------------------------------------------------------------------------------

class C:
    """One source cell: text ('\n' = a line break inside the cell), spans, header flag."""

    def __init__(self, text="", cs=1, rs=1, h=False, w=None):
        self.text, self.cs, self.rs, self.h, self.w = text, cs, rs, h, w


class Table:
    def __init__(self, rows):
        self.rows = rows


class Render:
    """Formats values and labels for one report according to its features."""

    def __init__(self, rep, rng):
        self.rep, self.rng, self.f = rep, rng, rep.f

    def num(self, table, row, col, money=False):
        f, rng = self.f, self.rng
        o = self.rep.overrides.get((table, row, col))
        if o and o[1] is not None:
            return o[1]
        v = self.rep.value(table, row, col)
        s = str(v)
        if isinstance(v, int) and abs(v) >= 1000 and f["commas"] != "none":
            s = f"{v:,}"
            if f["commas"] == "full":
                s = s.replace(",", "，")
        if f["digits"] == "full" or (f["digits"] == "mixed" and rng.random() < 0.3):
            s = s.translate(FW)
        if f["units"] == "wanyuan" and money:
            s += "万元"
        elif f["units"] == "jian" and not money and table != "review_litigation" and rng.random() < 0.5:
            s += "件"  # the spec knows money units only: "12件" is a number with a word, status text
            self.rep.printed_text.add((table, row, col))
        if f["spaces"] and rng.random() < 0.4:
            s = " " + s + " "
        if f["nbsp_pad"] and rng.random() < 0.4:
            s = "\u00a0" + s + "\u00a0"
        return s

    def wrap(self, text, p=0.5):
        """A long label broken by a line break (a <br> in HTML, a new line in a Word copy)."""
        if self.f["wrap_labels"] and len(text) >= 9 and self.rng.random() < p:
            k = self.rng.randint(4, len(text) - 3)
            return text[:k] + "\n" + text[k:]
        return text

    def head(self, text):
        if self.f["wrap_headers"] and len(text) == 4 and self.rng.random() < 0.7:
            return text[:2] + "\n" + text[2:]
        return text


def numbered(i, text, style):
    return {"dot": f"{i}.", "dun": f"{i}、", "fwdot": f"{i}．", "paren": f"({i})", "fwparen": f"（{i}）",
            "circled": "①②③④⑤⑥⑦⑧⑨"[i - 1]}[style] + text


WORDING = {
    "new_received": ["本年新收政府信息公开申请数量", "本年新收政府信息公开申请数"],
    "carried_over": ["上年结转政府信息公开申请数量", "上年结转政府信息公开申请数"],
    "partially_granted": ["部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"],
    "denied.prohibited_by_law": [LEAF["denied.prohibited_by_law"], "其他法律、行政法规禁止公开"],
    "denied.security_stability": [LEAF["denied.security_stability"], '危及"三安全一稳定"', "危及‘三安全一稳定’"],
    "unavailable.not_held": [LEAF["unavailable.not_held"], "本机关不掌握相关信息"],
    "total_processed": ["总计", "合计"],
}


# --- table 二 --------------------------------------------------------------------------------------

def t_proactive(R):
    rep, f = R.rep, R.f
    items = V.ITEMS_2019 if rep.fmt == 2019 else V.ITEMS_2021
    blocks = []
    money_cols = {"procurement_amount", "fee_amount"}

    def label(lbl):
        if lbl == "行政规范性文件" and R.f["wording"] == "variant":
            return "规范性文件"
        return lbl
    if f["t2"] == "one":
        rows = []
        for title, heads, items_rows, cols in items:
            rows.append([C(title, cs=4)])
            span = [1] * len(heads)
            span[-1] += 3 - len(heads)
            rows.append([C("信息内容", h=True)] + [C(R.head(h), cs=s, h=True) for h, s in zip(heads, span)])
            for lbl, code in items_rows:
                rows.append([C(label(lbl))] + [C(R.num("proactive", code, c, c in money_cols), cs=s)
                                               for c, s in zip(cols, span)])
        blocks.append(("t", Table(rows)))
    else:
        for title, heads, items_rows, cols in items:
            rows = []
            if f["t2"] == "split_title_row":
                rows.append([C(title, cs=len(heads) + 1)])
            else:
                blocks.append(("p", title))
            rows.append([C("信息内容", h=True)] + [C(R.head(h), h=True) for h in heads])
            for lbl, code in items_rows:
                rows.append([C(label(lbl))] + [C(R.num("proactive", code, c, c in money_cols)) for c in cols])
            blocks.append(("t", Table(rows)))
    return blocks


# --- table 三 --------------------------------------------------------------------------------------

def app_cols(f):
    legal = list(LEGAL) + (["legal_person_subtotal"] if f["t3_subtotal"] else [])
    if f["t3_order"] == "total_first":
        return ["total", "natural_person"] + legal
    return ["natural_person"] + legal + ["total"]


def app_header(R, cols, label_cols):
    f = R.f
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    lab = lambda c: R.head(COL_LABEL[c]) if c != "total" else ("合计" if f["wording"] == "variant" and R.rng.random() < 0.3 else "总计")
    if f["t3_head"] == "flat":
        return [[C("项目", cs=label_cols, h=True)] + [C(lab(c), h=True) for c in cols]]
    legal = [c for c in cols if c in LEGAL or c == "legal_person_subtotal"]
    rows = []
    nhead = 3 if f["t3_head"] == "band3" else 2
    first = [C(corner, cs=label_cols, rs=nhead, h=True)]
    if nhead == 3:
        rows.append(first + [C("申请人情况", cs=len(cols), h=True)])
        first = []
    second = list(first)
    placed = False
    for c in cols:
        if c in ("natural_person", "total"):
            second.append(C(lab(c), rs=2, h=True))
        elif not placed:
            second.append(C("法人或其他组织", cs=len(legal), h=True))
            placed = True
    rows.append(second)
    rows.append([C(lab(c), h=True) for c in cols if c in legal])
    return rows


def t_applications(R):
    rep, f, rng = R.rep, R.f, R.rng
    cols = app_cols(f)
    groups = f["groups"]
    label_cols = {"rowspan3": 3, "rowspan2": 2}.get(groups, 1)
    variant = f["wording"] == "variant"

    def lab(code, default):
        if variant and code in WORDING:
            return rng.choice(WORDING[code])
        return default

    def vals(r):
        return [C(R.num("applications", r, c)) for c in cols]

    def empty():
        return [C("") for _ in cols]
    rows = app_header(R, cols, label_cols)
    nhead = len(rows)
    top = [("new_received", "一、" + lab("new_received", "本年新收政府信息公开申请数量")),
           ("carried_over", "二、" + lab("carried_over", "上年结转政府信息公开申请数量"))]
    for code, text in top:
        rows.append([C(R.wrap(text), cs=label_cols)] + vals(code))
    granted = [("granted", "（一）予以公开"),
               ("partially_granted", "（二）" + lab("partially_granted", "部分公开（区分处理的，只计这一情形，不计其他情形）"))]
    families = [("denied", DENIED), ("unavailable", UNAVAILABLE), ("not_processed", NOT_PROCESSED)]
    families.append(("other", None if rep.single_other else OTHER))
    total_label = "（七）" + lab("total_processed", "总计")
    n_result = len(rep.result_rows) + 1
    res_label = "三、本年度办理结果"
    if f["vertical_label"]:
        res_label = "\n".join(["三、"] + list("本年度办理结果"))

    def leaf_text(fam, i, leaf):
        code = f"{fam}.{leaf}"
        return numbered(i + 1, lab(code, LEAF[code]), f["numbering"])
    if groups in ("rowspan3", "rowspan2"):
        inner = 2 if groups == "rowspan3" else 2
        lead_done = groups == "rowspan2"
        if groups == "rowspan2":
            rows.append([C(res_label, cs=2)] + empty())
        for code, text in granted:
            lead = [] if lead_done else [C(res_label, rs=n_result)]
            lead_done = True
            rows.append(lead + [C(R.wrap(text), cs=inner)] + vals(code))
        for fam, leaves in families:
            if leaves is None:
                rows.append([C(GROUP[fam], cs=2)] + vals("other"))
                continue
            for i, leaf in enumerate(leaves):
                lead = [C(GROUP[fam], rs=len(leaves))] if i == 0 else []
                rows.append(lead + [C(R.wrap(leaf_text(fam, i, leaf)))] + vals(f"{fam}.{leaf}"))
        rows.append([C(total_label, cs=2)] + vals("total_processed"))
    else:
        if groups == "own_rows":
            rows.append([C(res_label)] + empty())
        for code, text in granted:
            rows.append([C(R.wrap(text))] + vals(code))
        for fam, leaves in families:
            if leaves is None:
                rows.append([C(GROUP[fam])] + vals("other"))
                continue
            if groups == "own_rows":
                rows.append([C(GROUP[fam])] + empty())
            for i, leaf in enumerate(leaves):
                text = leaf_text(fam, i, leaf)
                if groups == "merged":
                    text = GROUP[fam] + rng.choice(["：", "", " "]) + text
                rows.append([C(R.wrap(text))] + vals(f"{fam}.{leaf}"))
        rows.append([C(total_label)] + vals("total_processed"))
    rows.append([C(R.wrap("四、" + lab("carried_forward", "结转下年度继续办理")), cs=label_cols)] + vals("carried_forward"))
    width = label_cols + len(cols)
    if f["extra_empty"] == "row":
        # right under the header or at the end: inside the rowspan of 三、本年度办理结果 the row
        # would need fewer cells (an overlapping grid no agency publishes)
        at = rng.choice([nhead, len(rows)])
        rows.insert(at, [C("", cs=label_cols)] + empty())
    if f["note"] == "row":
        rows.append([C("注：本表中“总计”栏为各类申请人数量之和。", cs=width)])
    t = Table(rows)
    t.nhead = nhead
    return t, width


# --- table 四 --------------------------------------------------------------------------------------

def t_review(R):
    rep, f = R.rep, R.f
    L = lambda c: R.head(REVIEW_LABEL[c])
    val = lambda r, c: C(R.num("review_litigation", r, c))
    lay = f["t4"]
    if lay in ("std_a", "std_label", "header_body"):
        lead = [C("项目", rs=3, h=True)] if lay == "std_label" else []
        head = [lead + [C("行政复议", cs=5, h=True), C("行政诉讼", cs=10, h=True)],
                [C(L(c), rs=2, h=True) for c in REVIEW_COLS] + [C("未经复议直接起诉", cs=5, h=True),
                                                               C("复议后起诉", cs=5, h=True)],
                [C(L(c), h=True) for c in REVIEW_COLS * 2]]
        body = [([C("件数")] if lay == "std_label" else []) + [val(r, c) for r in REVIEW_ROWS for c in REVIEW_COLS]]
        if lay == "header_body":
            # equal fixed widths: LibreOffice otherwise sizes the body table's columns by content,
            # so its values would not stand under their headers (no agency's page break does that)
            for c in head[2] + body[0]:
                c.w = "6%"
            for c in head[1][:5]:
                c.w = "6%"
            return [Table(head), Table(body)]
        return [Table(head + body)]
    if lay == "std_b":
        return [Table([[C("行政复议", cs=5, rs=2, h=True), C("行政诉讼", cs=10, h=True)],
                       [C("未经复议直接起诉", cs=5, h=True), C("复议后起诉", cs=5, h=True)],
                       [C(L(c), h=True) for c in REVIEW_COLS * 3],
                       [val(r, c) for r in REVIEW_ROWS for c in REVIEW_COLS]])]
    if lay in ("transposed", "transposed_whole"):
        band = lay == "transposed"
        lc = 2 if band else 1
        rows = [[C("类别", cs=lc, h=True)] + [C(L(c), h=True) for c in REVIEW_COLS],
                [C("行政复议", cs=lc)] + [val("administrative_review", c) for c in REVIEW_COLS]]
        if band:
            rows.append([C("行政诉讼", rs=2), C("未经复议直接起诉")] + [val("litigation_direct", c) for c in REVIEW_COLS])
            rows.append([C("复议后起诉")] + [val("litigation_after_review", c) for c in REVIEW_COLS])
        else:
            rows.append([C("行政诉讼（未经复议直接起诉）")] + [val("litigation_direct", c) for c in REVIEW_COLS])
            rows.append([C("行政诉讼（复议后起诉）")] + [val("litigation_after_review", c) for c in REVIEW_COLS])
        return [Table(rows)]
    if lay == "two_tables":
        a = [[C("行政复议", cs=5, h=True)], [C(L(c), h=True) for c in REVIEW_COLS],
             [val("administrative_review", c) for c in REVIEW_COLS]]
        b = [[C("行政诉讼", cs=10, h=True)], [C("未经复议直接起诉", cs=5, h=True), C("复议后起诉", cs=5, h=True)],
             [C(L(c), h=True) for c in REVIEW_COLS * 2],
             [val(r, c) for r in REVIEW_ROWS[1:] for c in REVIEW_COLS]]
        return [Table(a), Table(b)]
    if lay == "blocks":
        rows = []
        for r, title in zip(REVIEW_ROWS, ["行政复议", "行政诉讼—未经复议直接起诉", "行政诉讼—复议后起诉"]):
            rows += [[C(title, cs=5, h=True)], [C(L(c), h=True) for c in REVIEW_COLS], [val(r, c) for c in REVIEW_COLS]]
        return [Table(rows)]
    if lay == "by_result":
        rows = [[C("项目", rs=2, h=True), C("行政复议", rs=2, h=True), C("行政诉讼", cs=2, h=True)],
                [C("未经复议直接起诉", h=True), C("复议后起诉", h=True)]]
        for c in REVIEW_COLS:
            rows.append([C(L(c))] + [val(r, c) for r in REVIEW_ROWS])
        return [Table(rows)]
    raise ValueError(lay)


# --- the document ----------------------------------------------------------------------------------

def add_extra_col(t):
    for row in t.rows:
        row.append(C(""))


def build(seed, force):
    if LEGACY:
        return build_legacy(seed, force)
    rng = random.Random(seed * 7919 + 17)
    f = draw_features(rng, force, MINIMAL)
    if "t3_split" not in f:
        f["t3_split"] = "none" if MINIMAL else pick(split_rng(seed, 1), T3_SPLIT)
    rep = Report(rng, f)
    if f["t3_split"] != "none":
        blank_first_columns(rep, split_rng(seed, 2))
    R = Render(rep, rng)
    year = (2019 + rng.randint(0, 1)) if f["fmt"] == 2019 else 2021 + rng.randint(0, 3)
    agency = rng.choice(["示例市交通运输局", "示例县自然资源局", "示例区司法局", "示例市卫生健康委员会", "示例镇人民政府",
                         "示例省统计局", "示例县教育局", "示例街道办事处"])
    basis = "国办公开办函〔2019〕60号" if f["fmt"] == 2019 else "国办公开办函〔2021〕30号"
    var = f["headings"] == "variant"
    H = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
         "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况" if var else "四、政府信息公开行政复议、行政诉讼情况",
         "五、政府信息公开工作存在的主要问题及改进情况" if var else "五、存在的主要问题及改进情况",
         "六、其他需要报告的事项"]
    doc = [("title", f"{agency}{year}年政府信息公开工作年度报告"),
           ("p", f"本报告依据《中华人民共和国政府信息公开条例》和{basis}要求编制，所列数据的统计期限自{year}年1月1日起至"
                 f"{year}年12月31日止。"),
           ("h", H[0]), ("p", f"{year}年，{agency}坚持以公开为常态、不公开为例外，持续推进政务公开。"),
           ("h", H[1])]
    doc += t_proactive(R)
    doc.append(("h", H[2]))
    t3, t3_width = t_applications(R)
    if f["t3_split"] != "none":
        t3.split_at = t3.nhead
        t3.colgroup = t3_width + (1 if f["extra_empty"] == "col" else 0) if f["t3_split"] == "header_body_colgroup" else 0
    if f["extra_empty"] == "col":
        add_extra_col(t3)
    doc.append(("t", t3))
    if f["note"] == "para":
        doc.append(("p", "注：本表中“总计”栏为各类申请人数量之和。"))
    doc.append(("h", H[3]))
    for t in t_review(R):
        doc.append(("t", t))
    doc += [("h", H[4]), ("p", "一是公开内容的规范性有待加强；二是政策解读的形式仍较单一。"),
            ("h", H[5]), ("p", "本年度未收取信息处理费。")]
    gold = rep.gold(subtotal=f["t3_subtotal"])
    return f, rep, doc, gold


def blank_first_columns(rep, srng):
    """Blank or na cells in the first two printed value columns of three rows of table 三 (not in a
    row whose sum rule is broken on purpose): where a shifted column would go unnoticed by rule 3."""
    cols = app_cols(rep.f)[:2]
    broken = {k[2] for k in rep.expect_fail if k[1] == "applications"}
    rows = [r for r in rep.rows if r not in broken]
    for r in srng.sample(rows, 3):
        for c in cols:
            if srng.random() < 0.7:
                rep.overrides[("applications", r, c)] = srng.choice([("blank", ""), ("na", "/"), ("blank", " ")])
                if c in LEGAL:
                    rep.overrides[("applications", r, "legal_person_subtotal")] = ("number", None)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_html(doc, f):
    out = []
    title = doc[0][1]
    for kind, x in doc:
        if kind == "title":
            out.append(f'<h1 style="text-align:center">{esc(x)}</h1>')
        elif kind == "h":
            out.append(f"<p><strong>{esc(x)}</strong></p>")
        elif kind == "p":
            out.append(f'<p style="text-indent:2em">{esc(x)}</p>')
        else:
            rows = []
            colgroup = "<colgroup>" + "<col>" * x.colgroup + "</colgroup>\n" if getattr(x, "colgroup", 0) else ""
            for row in x.rows:
                cells = []
                for c in row:
                    tag = "th" if (f["th"] and c.h) else "td"
                    attrs = (f' colspan="{c.cs}"' if c.cs > 1 else "") + (f' rowspan="{c.rs}"' if c.rs > 1 else "") + \
                        (f' width="{c.w}"' if c.w else "")
                    text = esc(c.text).replace("\n", "<br>").replace("\u00a0", "&nbsp;")
                    cells.append(f"<{tag}{attrs}>{text if text.strip() else '&nbsp;'}</{tag}>")
                rows.append("<tr>" + "".join(cells) + "</tr>")
            opening = '<table border="1" cellspacing="0" cellpadding="2" width="100%" style="border-collapse:collapse">\n'
            parts = [rows]
            if getattr(x, "split_at", 0):  # the header rows alone, the body in the next <table>
                parts = [rows[:x.split_at], rows[x.split_at:]]
            for part in parts:
                out.append(opening + colgroup + "<tbody>\n" + "\n".join(part) + "\n</tbody>\n</table>")
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{esc(title)}</title>\n<style>body {{ font-family: 'Noto Serif CJK SC'; font-size: 12pt; }} "
            "td, th { font-size: 9pt; }</style>\n</head>\n<body>\n<div class=\"article\">\n" +
            "\n".join(out) + "\n</div>\n</body>\n</html>\n")


def grid(t, merge=False):
    """Anchored grid: list of rows, each a list of text-or-None (None = covered by a span);
    merge: a slot covered by a colspan (not its first column) is dropped: one field per merged cell."""
    occ = {}
    out = []
    for r, row in enumerate(t.rows):
        line = {}
        c = 0

        def covered(c):
            line[c] = "DROP" if (merge and occ[(r, c)] == "rest") else None
        for cell in row:
            while (r, c) in occ:
                covered(c)
                c += 1
            line[c] = cell.text
            for dr in range(cell.rs):
                for dc in range(cell.cs):
                    if dr:
                        occ[(r + dr, c + dc)] = "rest" if dc else "head"
                    elif dc:
                        line[c + dc] = "DROP" if merge else None
            c += cell.cs
        while (r, c) in occ:
            covered(c)
            c += 1
        width = max(line) + 1 if line else 0
        out.append([line.get(i) for i in range(width) if line.get(i) != "DROP"])
    return out


def to_text(doc, f, rng):
    """A Word copy: paragraphs as lines, table rows as tab-separated lines, spanned slots empty, a
    line break inside a cell as a new line."""
    L = []
    for kind, x in doc:
        if kind in ("title", "h"):
            L += [x, ""]
        elif kind == "p":
            L += [x, ""]
        else:
            g = grid(x, merge=f["txt_colspan"] == "merge")
            for i, row in enumerate(g):
                cells = [(c or "").replace("\u00a0", " ") for c in row]
                # header words broken over two lines read "结果 维持" in Word copies of table 四/三
                cells = [c.replace("\n", " ") if len(c) <= 7 else c for c in cells]
                # a label written one character per line is a narrow cell in Word: no line breaks
                cells = ["".join(c.split("\n")) if "\n" in c and max(map(len, c.split("\n"))) <= 2 else c
                         for c in cells]
                line = "\t".join(cells)
                if f["txt_trailing_tab"]:
                    line += "\t"
                L.append(line)
                if f["txt_blank_line_in_table"] and i == 1 and len(g) > 4:
                    L.append("")
            L.append("")
    text = "\n".join(L) + "\n"
    return text.replace("\n", "\r\n") if f["txt_crlf"] else text


# --- legacy reports (2008–2018, profile ogi-legacy; ../shared/spec/ogi-legacy.md) ------------------
#
# Drawn only with --profile legacy, from a random stream of their own: the 2019/2021 sweep draws
# exactly what it drew before, so its figures stay comparable.

LEGACY_FEATURES = {
    "era": [("table2014", 3), ("early", 2)],              # the nine-group table of 2014–2018, or a 2008–2013 list
    "unit_col": [(True, 3), (False, 1)],
    "periods": [(2, 3), (1, 2)],                     # current + cumulative, or one value column
    "cur_head": [("本年度", 3), ("year", 3), ("本年", 1), ("本期", 1), ("统计数", 1), ("数量", 1)],
    "cum_head": [("累计", 2), ("历年累计", 3), ("总计", 1)],
    "name_head": [("指标名称", 4), ("指 标 名 称", 1), ("指标", 1)],
    "unit_head": [("计量单位", 4), ("单位", 2), ("计量\n单位", 1)],
    "group_rows": [("empty", 3), ("colspan", 2), ("omitted", 1)],  # the 2014 table's rows without numbers
    "numbering": [("std", 4), ("dun", 1), ("none", 1)],
    "wording": [("std", 3), ("variant", 2)],
    "money": [("万元", 3), ("元", 2)],
    "units_in_cell": [(False, 5), (True, 1)],        # 235条, 0.5万元 written in the value cell
    "digits": [("ascii", 6), ("full", 1)],
    "scale": [(1, 3), (30, 1)],
    "commas": [("none", 4), ("ascii", 1)],
    "zeros": [(0.2, 2), (0.6, 1)],                   # share of zero counts (real early tables are mostly 0)
    "blanks": [(0, 4), (2, 2), (4, 1)],
    "extras": [(0, 3), (1, 2), (2, 1)],              # rows whose label names no indicator
    "wrap_labels": [(False, 3), (True, 1)],
    "th": [(False, 3), (True, 1)],
    "note": [("none", 3), ("row", 1)],
    "outline": [("std", 3), ("variant", 2)],
    "annex": [("fujian", 3), ("fujian_colon", 2), ("seventh", 1), ("fubiao", 1)],
    "optional_sections": [("none", 2), ("consult", 1), ("other", 1), ("both", 1)],
    "break_rule": [(None, 12), ("L1", 1), ("L2", 1), ("L5", 1)],
    # text rendering only
    "txt_trailing_tab": [(False, 1), (True, 1)],
    "txt_blank_line_in_table": [(False, 3), (True, 1)],
    "txt_crlf": [(False, 1), (True, 1)],
    "txt_colspan": [("pad", 1), ("merge", 1)],
}

# Row tree of the State Council's 2014–2018 table: (level, code or None for a group row without
# numbers, label, unit). Level 0 = 一、, 1 = （一）, 2 = 1., 3 = 其中：.
# Codes are the spec's; the unit "money" is the report's money unit.
LEGACY_2014 = [
    (0, None, "主动公开情况", ""),
    (1, "proactive_total", "主动公开政府信息数\n（不同渠道和方式公开相同信息计1条）", "条"),
    (3, "proactive_normative_documents", "主动公开规范性文件数", "条"),
    (3, "normative_documents_issued", "制发规范性文件总数", "件"),
    (1, None, "通过不同渠道和方式公开政府信息的情况", ""),
    (2, "proactive_channel.gazette", "政府公报公开政府信息数", "条"),
    (2, "proactive_channel.website", "政府网站公开政府信息数", "条"),
    (2, "proactive_channel.weibo", "政务微博公开政府信息数", "条"),
    (2, "proactive_channel.wechat", "政务微信公开政府信息数", "条"),
    (2, "proactive_channel.other", "其他方式公开政府信息数", "条"),
    (0, None, "回应解读情况", ""),
    (1, "responses_hot_topics", "回应公众关注热点或重大舆情数\n（不同方式回应同一热点或舆情计1次）", "次"),
    (1, None, "通过不同渠道和方式回应解读的情况", ""),
    (2, "responses.press_conferences", "参加或举办新闻发布会总次数", "次"),
    (3, "responses.press_conferences_principal", "主要负责同志参加新闻发布会次数", "次"),
    (2, "responses.online_interviews", "政府网站在线访谈次数", "次"),
    (3, "responses.online_interviews_principal", "主要负责同志参加政府网站在线访谈次数", "次"),
    (2, "responses.interpretations", "政策解读稿件发布数", "篇"),
    (2, "responses.weibo_wechat", "微博微信回应事件数", "次"),
    (2, "responses.other", "其他方式回应事件数", "次"),
    (0, None, "依申请公开情况", ""),
    (1, "requests_received", "收到申请数", "件"),
    (2, "requests_channel.in_person", "当面申请数", "件"),
    (2, "requests_channel.fax", "传真申请数", "件"),
    (2, "requests_channel.online", "网络申请数", "件"),
    (2, "requests_channel.mail", "信函申请数", "件"),
    (1, "requests_closed", "申请办结数", "件"),
    (2, "requests_closed.on_time", "按时办结数", "件"),
    (2, "requests_closed.extended", "延期办结数", "件"),
    (1, "replies_total", "申请答复数", "件"),
    (2, "replies.already_public", "属于已主动公开范围数", "件"),
    (2, "replies.granted", "同意公开答复数", "件"),
    (2, "replies.partially_granted", "同意部分公开答复数", "件"),
    (2, "replies.refused", "不同意公开答复数", "件"),
    (3, "replies.refused.state_secret", "涉及国家秘密", "件"),
    (3, "replies.refused.commercial_secret", "涉及商业秘密", "件"),
    (3, "replies.refused.privacy", "涉及个人隐私", "件"),
    (3, "replies.refused.security_stability", "危及国家安全、公共安全、经济安全和社会稳定", "件"),
    (3, "replies.refused.not_government_information", "不是《条例》所指政府信息", "件"),
    (3, "replies.refused.other_legal", "法律法规规定的其他情形", "件"),
    (2, "replies.not_this_agency", "不属于本行政机关公开数", "件"),
    (2, "replies.not_exist", "申请信息不存在数", "件"),
    (2, "replies.correction_requested", "告知作出更改补充数", "件"),
    (2, "replies.other_channel", "告知通过其他途径办理数", "件"),
    (0, "review_total", "行政复议数量", "件"),
    (1, "review.upheld", "维持具体行政行为数", "件"),
    (1, "review.corrected", "被依法纠错数", "件"),
    (1, "review.other", "其他情形数", "件"),
    (0, "litigation_total", "行政诉讼数量", "件"),
    (1, "litigation.upheld", "维持具体行政行为或者驳回原告诉讼请求数", "件"),
    (1, "litigation.corrected", "被依法纠错数", "件"),
    (1, "litigation.other", "其他情形数", "件"),
    (0, "complaints", "举报投诉数量", "件"),
    (0, "fees_collected", "依申请公开信息收取的费用", "money"),
    (0, None, "机构建设和保障经费情况", ""),
    (1, "capacity.offices", "政府信息公开工作专门机构数", "个"),
    (1, "capacity.reading_points", "设置政府信息公开查阅点数", "个"),
    (1, "capacity.staff", "从事政府信息公开工作人员数", "人"),
    (2, "capacity.staff_full_time", "专职人员数", "人"),
    (2, "capacity.staff_part_time", "兼职人员数", "人"),
    (1, "capacity.budget", "政府信息公开专项经费", "money"),
    (0, None, "政府信息公开会议和培训情况", ""),
    (1, "training.meetings", "召开政府信息公开工作会议或专题会议数", "次"),
    (1, "training.courses", "举办各类培训班数", "次"),
    (1, "training.trainees", "接受培训人员数", "人次"),
]

# Wording variants of the 2014 table seen in agencies' copies (the spec's label lists).
LEGACY_2014_VARIANT = {
    "requests_channel.online": ["网上申请数"],
    "proactive_channel.gazette": ["政府公报公开数"],
    "proactive_channel.website": ["政府网站公开数"],
}

# The 2008–2013 lists: (code, [label variants], unit, children). Each report draws a subset.
LEGACY_EARLY = [
    ("proactive_total", ["主动公开政府信息数", "主动公开信息数", "主动公开政府信息总数", "主动公开信息总数", "主动公开文件数"], "条",
     [("proactive_full_text", ["全文电子化的主动公开信息数", "全文电子化信息数"], "条"),
      ("proactive_normative_documents", ["新增的行政规范性文件数"], "条"),
      ("proactive_channel.website", ["政府网站公开数", "网站公开数"], "条"),
      ("proactive_channel.gazette", ["政府公报公开数", "政府公报公开"], "条")]),
    ("requests_received", ["受理政府信息公开申请总数", "受理依申请公开信息总数", "受理申请总数", "申请总数"], "件",
     [("requests_channel.in_person", ["当面申请数"], "件"),
      ("requests_channel.online", ["网上申请数", "网络申请数"], "件"),
      ("requests_channel.mail", ["信函申请数"], "件"),
      ("requests_channel.mail_fax", ["信函、传真申请数"], "件"),
      ("requests_channel.email", ["电子邮件申请数"], "件"),
      ("requests_channel.other", ["其他形式申请数", "其它形式申请数"], "件")]),
    ("replies_total", ["对申请的答复总数", "对申请的答复数", "答复总数"], "件",
     [("replies.granted", ["同意公开答复数"], "件"),
      ("replies.partially_granted", ["同意部分公开答复数"], "件"),
      ("replies.refused", ["不予公开答复数", "否决公开答复总数", "否决公开答复数", "不同意公开答复数"], "件"),
      ("replies.not_this_agency", ["“非本部门掌握”数"], "件"),
      ("replies.not_exist", ["“信息不存在”数"], "件"),
      ("replies.other", ["其他类型答复数", "其他原因"], "件")]),
    ("fees_collected", ["依申请公开信息收取的费用", "收取费用"], "money", []),
    ("fees_waived", ["政府信息公开收费减免金额", "减免金额"], "money", []),
    ("review_total", ["行政复议数", "行政复议数量"], "件", []),
    ("litigation_total", ["行政诉讼数", "行政诉讼数量"], "件", []),
    ("complaints", ["接受行政申诉、举报数", "行政申诉、举报数", "举报投诉数量"], "件", []),
    ("consultations.onsite", ["现场接待人数"], "人次", []),
    ("consultations.online", ["网上咨询数"], "件", []),
    ("consultations.phone", ["咨询电话接听数"], "次", []),
    ("website_visits", ["网站专栏页面访问量"], "次", []),
]

# Rows no indicator is named by (kept as extra rows): wording of local tables.
LEGACY_EXTRA_LABELS = [("政府信息公开栏更新次数", "次"), ("电子显示屏发布信息条数", "条"), ("档案馆接待查阅人次", "人次"),
                       ("编印公开指南册数", "册"), ("公开目录更新条数", "条")]

# Sum rules L1–L6: total -> parts (the parts present are summed).
LEGACY_SUMS = {
    "requests_received": lambda c: c.startswith("requests_channel."),
    "requests_closed": lambda c: c.startswith("requests_closed."),
    "replies_total": lambda c: c.startswith("replies.") and c.count(".") == 1,
    "replies.refused": lambda c: c.startswith("replies.refused."),
    "review_total": lambda c: c.startswith("review."),
    "litigation_total": lambda c: c.startswith("litigation."),
    "capacity.staff": lambda c: c.startswith("capacity.staff_"),
}
LEGACY_MONEY = {"fees_collected", "fees_waived", "capacity.budget"}
CN_NUM = "一二三四五六七八九十"


def legacy_rows(rng, f):
    """The rows of one report's table, in order: dicts with level, code (None: group row, "extra:…":
    a row no code names), label (without numbering) and unit."""
    rows = []
    if f["era"] == "table2014":
        for level, code, label, unit in LEGACY_2014:
            if code is None and f["group_rows"] == "omitted":
                continue
            if f["wording"] == "variant" and code in LEGACY_2014_VARIANT and rng.random() < 0.5:
                label = rng.choice(LEGACY_2014_VARIANT[code])
            rows.append({"level": level, "code": code, "label": label, "unit": unit})
        return rows
    for code, labels, unit, children in LEGACY_EARLY:
        if code not in ("proactive_total", "requests_received", "replies_total") and rng.random() < 0.45:
            continue
        rows.append({"level": 0, "code": code, "label": rng.choice(labels) if f["wording"] == "variant" else labels[0],
                     "unit": unit})
        kids = [k for k in children if rng.random() < 0.6]
        codes = {k[0] for k in kids}
        if "requests_channel.mail_fax" in codes:  # one row for both, or the two rows: never both ways
            kids = [k for k in kids if k[0] not in ("requests_channel.mail", "requests_channel.fax")]
        for kc, klabels, kunit in kids:
            rows.append({"level": 2, "code": kc, "unit": kunit,
                         "label": rng.choice(klabels) if f["wording"] == "variant" else klabels[0]})
    return rows


def legacy_values(rng, rows, f, scale):
    """Values per (code, period) satisfying L1–L7 over the rows present (cumulative ≥ current)."""
    present = [r["code"] for r in rows if r["code"] and not r["code"].startswith("extra:")]
    v = {}

    def count(top):
        return 0 if rng.random() < f["zeros"] else rng.randint(1, top * scale)

    def money():
        if f["money"] == "元":
            return str(rng.choice([0, rng.randint(1, 9999) * 10, rng.randint(1, 99999)]))
        return rng.choice(["0", f"{rng.randint(0, 99)}.{rng.randint(1, 9)}", str(rng.randint(1, 300))])
    totals = [c for c in present if c in LEGACY_SUMS]
    for c in present:
        if c in LEGACY_MONEY:
            cur = money()
            extra = Decimal(rng.choice(["0", "1", "12.5"])) * (10000 if f["money"] == "元" else 1)
            v[(c, "current")] = cur
            v[(c, "cumulative")] = canon(str(Decimal(cur) + extra))
        elif c not in LEGACY_SUMS or not any(LEGACY_SUMS[c](p) for p in present):
            top = 400 if c.startswith("proactive") or c == "website_visits" else 12
            cur = count(top)
            v[(c, "current")] = cur
            v[(c, "cumulative")] = cur + (0 if rng.random() < 0.3 else rng.randint(1, 5 * top * scale))
    # sums, innermost first (replies.refused before replies_total)
    for c in sorted(totals, key=lambda t: -t.count(".")):
        parts = [p for p in present if LEGACY_SUMS[c](p)]
        if parts:
            for per in ("current", "cumulative"):
                v[(c, per)] = sum(v[(p, per)] for p in parts)
    return v


def legacy_label(row, idx, f):
    """The printed label: the numbering of its level (一、 （一） 1. 其中：) and the label text."""
    n = idx - 1
    lvl, text = row["level"], row["label"]
    if f["numbering"] == "none":
        return ("其中：" if lvl == 3 and idx == 1 else "") + text
    if lvl == 0:
        return CN_NUM[n % 10] + "、" + text if f["era"] == "table2014" else text
    if lvl == 1:
        return f"（{CN_NUM[n % 10]}）{text}"
    if lvl == 2:
        pre = "其中：" if (f["era"] == "early" and idx == 1) else ""
        return pre + (f"{idx}、" if f["numbering"] == "dun" else f"{idx}.") + text
    return ("其中：" if idx == 1 else "") + text


def build_legacy(seed, force):
    rng = random.Random(seed * 7919 + 29)
    f = {k: pick(rng, v) for k, v in LEGACY_FEATURES.items()}
    if MINIMAL:
        f = {k: v[0][0] for k, v in LEGACY_FEATURES.items()}
        f["era"] = pick(rng, LEGACY_FEATURES["era"])
    f.update(force)
    if f["break_rule"] == "L5" and f["era"] == "early":
        f["break_rule"] = "L2"  # the early lists have no 行政复议 sub-rows
    if f["era"] == "early":
        f["group_rows"] = "omitted"
    if f["commas"] != "none":
        f["scale"] = 30
    year = rng.randint(2014, 2018) if f["era"] == "table2014" else rng.randint(2008, 2013)
    agency = rng.choice(["示例县交通局", "示例市环境保护局", "示例区公安分局", "示例县卫生局", "示例市质量技术监督局",
                         "示例镇人民政府", "示例市国土资源局", "示例县民政局"])
    rows = legacy_rows(rng, f)
    if f["era"] == "early" and f["break_rule"] == "L2":
        # a broken L2 needs two reply rows below the total
        if sum(1 for r in rows if r["code"] and r["code"].startswith("replies.")) < 2:
            i = next(k for k, r in enumerate(rows) if r["code"] == "replies_total")
            rows[i + 1:i + 1] = [{"level": 2, "code": "replies.granted", "label": "同意公开答复数", "unit": "件"},
                                 {"level": 2, "code": "replies.other", "label": "其他类型答复数", "unit": "件"}]
    if f["break_rule"] == "L1" and sum(1 for r in rows if r["code"] and r["code"].startswith("requests_channel.")) < 2:
        f["break_rule"] = None
    # extra rows go between top-level blocks (before a level-0 row or at the end): never between a
    # total and its parts, where they would change the group a label stands under
    for label, unit in rng.sample(LEGACY_EXTRA_LABELS, f["extras"]):
        tops = [k for k, r in enumerate(rows) if r["level"] == 0 and k > 0] + [len(rows)]
        rows.insert(rng.choice(tops), {"level": 0, "code": "extra:" + label, "label": label, "unit": unit})
    vals = legacy_values(rng, rows, f, f["scale"])
    for r in rows:
        if r["code"] and r["code"].startswith("extra:"):
            x = rng.randint(0, 60)
            vals[(r["code"], "current")] = x
            vals[(r["code"], "cumulative")] = x + rng.randint(0, 200)
    periods = ["current", "cumulative"][:f["periods"]]
    expect_fail = []
    protected = set()
    br = f["break_rule"]
    if br:
        total = {"L1": "requests_received", "L2": "replies_total", "L5": "review_total"}[br]
        vals[(total, "current")] += 1
        # L7 stays true: the cumulative total grows with it
        vals[(total, "cumulative")] += 1
        expect_fail.append((br, "indicators", total))
        protected = {r["code"] for r in rows if r["code"] and (r["code"] == total or LEGACY_SUMS[total](r["code"]))}
    # blank and na cells
    markers = [("blank", ""), ("na", "/"), ("na", "-"), ("na", "—"), ("na", "无")]
    keys = [(r["code"], p) for r in rows for p in periods
            if r["code"] and not r["code"].startswith("extra:") and r["code"] not in protected]
    overrides = {k: rng.choice(markers) for k in rng.sample(keys, min(f["blanks"], len(keys)))}

    money_unit = f["money"]

    def unit_of(r):
        return money_unit if r["unit"] == "money" else r["unit"]

    def fmt(code, p, unit):
        if (code, p) in overrides:
            return overrides[(code, p)][1]
        x = vals[(code, p)]
        s = str(x)
        if isinstance(x, int) and x >= 1000 and f["commas"] == "ascii":
            s = f"{x:,}"
        if f["digits"] == "full":
            s = s.translate(FW)
        if (f["units_in_cell"] and rng.random() < 0.4) or (not f["unit_col"] and code in LEGACY_MONEY and
                                                          f["units_in_cell"]):
            s += unit
        return s

    gold = {}
    for r in rows:
        if not r["code"]:
            continue
        for p in periods:
            key = ("indicators", r["code"], p)
            if (r["code"], p) in overrides:
                gold[key] = (overrides[(r["code"], p)][0], "")
                continue
            x = vals[(r["code"], p)]
            if r["code"] in LEGACY_MONEY and money_unit == "元":
                x = Decimal(str(x)) / 10000
            gold[key] = ("number", canon(str(x)))

    # the table
    cur = {"year": f"{year}年度"}.get(f["cur_head"], f["cur_head"])
    if f["periods"] == 1 and f["cur_head"] in ("本年", "本期"):
        cur = "数量"
    heads = [C(f["name_head"], h=True)] + ([C(f["unit_head"], h=True)] if f["unit_col"] else []) + \
            [C(cur, h=True)] + ([C(f["cum_head"], h=True)] if f["periods"] == 2 else [])
    width = len(heads)
    trows = [heads]
    counters = {}
    for r in rows:
        lvl = r["level"]
        if r["code"] and r["code"].startswith("extra:"):
            label = r["label"]
        else:
            # numbering restarts below each parent
            counters[lvl] = counters.get(lvl, 0) + 1
            for deeper in range(lvl + 1, 4):
                counters.pop(deeper, None)
            label = legacy_label(r, counters[lvl], f)
        if not f["unit_col"] and r["unit"] == "money" and not f["units_in_cell"]:
            label += f"（单位：{money_unit}）"
        if f["wrap_labels"] and "\n" not in label and len(label) >= 12 and rng.random() < 0.5:
            k = rng.randint(5, len(label) - 4)
            label = label[:k] + "\n" + label[k:]
        if not f["wrap_labels"]:
            label = label.replace("\n", "")
        if r["code"] is None:
            if f["group_rows"] == "colspan":
                trows.append([C(label, cs=width)])
            else:
                trows.append([C(label)] + [C("") for _ in range(width - 1)])
            continue
        cells = [C(label)]
        if f["unit_col"]:
            cells.append(C(unit_of(r)))
        cells += [C(fmt(r["code"], p, unit_of(r))) for p in periods]
        trows.append(cells)
    if f["note"] == "row":
        trows.append([C("注：本表数据统计期限为" + f"{year}年1月1日至{year}年12月31日。", cs=width)])

    # the report around it: the legacy outline, with figures stated in the prose as reports do
    def stated(code, unit):
        g = gold.get(("indicators", code, "current"))
        return f"{g[1]}{unit}" if g and g[0] == "number" else "若干" + unit
    var = f["outline"] == "variant"
    H = ["概述" if not var else rng.choice(["总体情况", "基本情况", "主要工作概述"]),
         "主动公开政府信息情况" if not var else "政府信息主动公开情况",
         "依申请公开政府信息情况" if not var else rng.choice(["依申请公开政府信息办理情况", "政府信息依申请公开办理情况"]),
         "政府信息公开的收费及减免情况" if not var else "依申请公开收费及减免情况",
         "因政府信息公开申请行政复议、提起行政诉讼情况" if not var else "复议、诉讼情况"]
    sections = ["overview", "proactive", "applications", "fees", "review_litigation"]
    bodies = [f"{year}年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，进一步完善工作机制，政府信息公开工作有序开展。",
              f"{year}年，我局主动公开政府信息{stated('proactive_total', '条')}，主要通过政府网站公开。",
              f"{year}年，我局共受理政府信息公开申请{stated('requests_received', '件')}，均在规定期限内答复。",
              "我局依申请提供政府信息，未收取检索、复制、邮寄等费用。",
              "本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。"]
    if f["optional_sections"] in ("consult", "both"):
        H.append("政府信息公开咨询情况" if not var else "咨询处理情况")
        sections.append("consultations")
        bodies.append("通过电话、网络及现场接待等方式答复公众咨询。")
    H.append("存在的主要问题及改进措施" if not var else "主要问题和改进措施")
    sections.append("problems")
    bodies.append("公开内容还不够丰富，更新还不够及时。下一步将进一步规范公开流程，加强人员培训。")
    if f["optional_sections"] in ("other", "both"):
        H.append("其他需要报告的事项" if not var else "需要说明的事项")
        sections.append("other_matters")
        bodies.append("无。")
    doc = [("title", f"{agency}{year}年政府信息公开工作年度报告"),
           ("p", f"本报告根据《中华人民共和国政府信息公开条例》要求，由{agency}编制。所列数据的统计期限自{year}年1月1日起至"
                 f"{year}年12月31日止。")]
    for i, (h, b) in enumerate(zip(H, bodies)):
        doc += [("h", f"{CN_NUM[i]}、{h}"), ("p", b)]
    table_title = f"{agency}{year}年度政府信息公开工作统计数据"
    if f["annex"] == "fujian":
        doc += [("h", "附件"), ("p", table_title)]
    elif f["annex"] == "fujian_colon":
        doc += [("h", "附件：" + table_title)]
    elif f["annex"] == "fubiao":
        doc += [("h", "附表"), ("p", table_title)]
    else:
        doc += [("h", f"{CN_NUM[len(H)]}、{agency}政府信息公开情况统计表")]
    doc.append(("t", Table(trows)))
    sections.append("annex")
    return f, LegacyReport(expect_fail, sections, rows), doc, gold


class LegacyReport:
    """What the legacy scorer checks besides the cells: the rules broken on purpose, the sections."""

    def __init__(self, expect_fail, sections, rows):
        self.expect_fail, self.sections, self.rows = expect_fail, sections, rows


def label_key(text):
    """An extra row's label as the legacy gold writes it: numbering and 其中： stripped, spaces and
    line breaks dropped (the spec's label normalization)."""
    t = re.sub(r"\s+", "", text)
    t = re.sub(r"^(其中[:：])?([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(?\d+[.．、)）])?", "", t)
    return t


def to_crawl(doc):
    """A crawler copy as web archives save legacy reports: a few header lines, then the whole page
    body on one line, table cells separated by single spaces (an empty cell leaves no trace, a line
    break inside a cell is a space)."""
    title = doc[0][1]
    words = ["当前位置： 首页 政务公开 政府信息公开年报", title]
    for kind, x in doc:
        if kind in ("h", "p"):
            words.append(x)
        elif kind == "t":
            for row in x.rows:
                words += [" ".join(c.text.split()) for c in row if c.text.strip()]
    words.append("附件下载")
    head = [f"标题: {title}", "发布时间: ", "文号: ", "发布机构: ", "栏目: 政府信息公开年报", "原文链接: ",
            "==================== 正文 ===================="]
    return "\n".join(head) + "\n" + " ".join(words) + "\n"


# --- running ogix ----------------------------------------------------------------------------------

def read_cells(path):
    out = {}
    profiles = {}
    if not os.path.exists(path):
        return out, profiles
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            profiles[r["source"]] = r["profile"]
            if r["row"].startswith("extra_"):
                if not LEGACY:
                    continue
                # the legacy gold names an extra row by its label (extra:<label>), not by its number
                r["row"] = "extra:" + label_key(r.get("label", ""))
            out.setdefault(r["source"], {})[(r["table"], r["row"], r["col"])] = (r["status"], canon(r["value"]), r["raw"])
    return out, profiles


def read_xml(path):
    if not os.path.exists(path):
        return None
    # Parsed, not matched: attributes come in canonical (C14N) order, which no regex should assume.
    ns = "{urn:ogix:report:1}"
    root = ET.parse(path).getroot()
    prof = root.find(ns + "profile")
    secs = [s.get("code") for s in root.iter(ns + "section")]
    rules = {(r.get("n"), r.get("table"), r.get("scope")): r.get("result") for r in root.iter(ns + "rule")}
    return {"profile": prof.get("id") if prof is not None else None, "sections": secs, "rules": rules}


def run_ogix(ogix, inputs, outdir):
    p = subprocess.run([ogix, "convert", "-q", *inputs, "-o", outdir], capture_output=True, text=True, timeout=3600)
    crashed = p.returncode not in (0, 1) or "internal" in p.stderr
    return p.returncode, p.stderr, crashed


def soffice_pdf(htmls, outdir, tmp, ext="pdf", target="pdf:writer_pdf_Export"):
    """One LibreOffice profile per run (as scripts/make-pdf-fixtures); a batch of files per call,
    and a second try for any file that did not come out (a first start of a fresh profile can fail).
    With ext="docx", target="docx:MS Word 2007 XML" it writes Word documents instead."""
    profile = tempfile.mkdtemp(prefix="lo-", dir=tmp)
    for attempt in range(2):
        todo = [h for h in htmls if not os.path.exists(
            os.path.join(outdir, os.path.splitext(os.path.basename(h))[0] + "." + ext))]
        for i in range(0, len(todo), 20):
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                            "--infilter=HTML (StarWriter)", "--convert-to", target, "--outdir", outdir,
                            *todo[i:i + 20]], capture_output=True, timeout=1800)


def feature_table():
    return LEGACY_FEATURES if LEGACY else FEATURES


def fkey(f):
    if LEGACY:
        return " ".join(f"{k}={f[k]}" for k in LEGACY_FEATURES if not k.startswith("txt_"))
    keys = ["fmt", "single_other", "t2", "t3_head", "t3_subtotal", "t3_order", "groups", "vertical_label", "numbering",
            "wording", "digits", "scale", "commas", "units", "blanks", "t4", "wrap_labels", "wrap_headers", "extra_empty",
            "nbsp_pad", "th", "note", "spaces", "headings", "break_rule", "t3_split"]
    return " ".join(f"{k}={f[k]}" for k in keys)


def reduce_failure(seed, kind, ogix, keep):
    """Greedy reduction: sets one feature at a time back to its plainest value and keeps the change
    while the report still fails on the same (table, row); prints the smallest combination found."""
    def run(force):
        f, rep, doc, gold = build(seed, force)
        tmp = tempfile.mkdtemp(prefix="sweep-reduce-", dir="/tmp")
        name = f"r{seed}"
        src = os.path.join(tmp, name + ".html")
        with open(src, "w", encoding="utf-8") as fh:
            fh.write(to_html(doc, f))
        if kind == "text":
            src = os.path.join(tmp, name + ".txt")
            with open(src, "w", encoding="utf-8", newline="") as fh:
                fh.write(to_text(doc, f, random.Random(seed)))
        elif kind == "crawl":
            src = os.path.join(tmp, name + ".txt")
            with open(src, "w", encoding="utf-8", newline="") as fh:
                fh.write(to_crawl(doc))
        elif kind == "pdf":
            soffice_pdf([src], tmp, tmp)
            src = os.path.join(tmp, name + ".pdf")
        elif kind == "docx":
            soffice_pdf([src], tmp, tmp, "docx", "docx:MS Word 2007 XML")
            src = os.path.join(tmp, name + ".docx")
        run_ogix(ogix, [src], os.path.join(tmp, "out"))
        cells, _ = read_cells(os.path.join(tmp, "out", "cells.csv"))
        mine = cells.get(os.path.basename(src), {})
        wrong = {k[:2] for k, g in gold.items() if mine.get(k, (None, None))[:2] != g}
        return f, wrong, tmp, src
    f0, wrong0, tmp, _ = run({})
    shutil.rmtree(tmp, ignore_errors=True)
    if not wrong0:
        print(f"seed {seed} [{kind}]: no wrong cell")
        return
    target = sorted(wrong0)[0]
    force = {}
    lead = "era" if LEGACY else "fmt"
    for k, choices in feature_table().items():
        plain = choices[0][0]
        if k == lead or f0[k] == plain:
            continue
        trial = dict(force, **{k: plain})
        _, wrong, tmp, _ = run(trial)
        shutil.rmtree(tmp, ignore_errors=True)
        if target in wrong:
            force = trial
    f, wrong, tmp, src = run(force)
    left = {k: f[k] for k in feature_table() if k != lead and f[k] != feature_table()[k][0][0]}
    print(f"seed {seed} [{kind}] fails on {'/'.join(target)}; smallest combination: {lead}={f[lead]} " +
          " ".join(f"{k}={v}" for k, v in left.items()))
    print("   reproduce: scripts/sweep --only %d --kinds %s%s %s" % (
        seed, kind, " --profile legacy" if LEGACY else "", " ".join(f"--force {k}={v!r}" for k, v in force.items())))
    if keep:
        os.makedirs(keep, exist_ok=True)
        if os.path.exists(src):
            shutil.copy(src, keep)
        shutil.copy(os.path.join(tmp, f"r{seed}.html"), keep)
        print(f"   input kept: {os.path.join(keep, os.path.basename(src))}")
    shutil.rmtree(tmp, ignore_errors=True)


def selfcheck(n):
    """Checks the legacy generator itself (ctest sweep_generators): for n seeds, the gold keeps
    L1–L7 wherever every operand is a number, except the rule broken on purpose, which fails; each
    gold row's label is printed in the HTML; no extra row's label is an indicator's; the same seed
    gives the same HTML. Returns the list of problems."""
    global LEGACY
    LEGACY = True
    names = {lab for _, labels, _, _ in LEGACY_EARLY for lab in labels}
    for _, _, _, kids in LEGACY_EARLY:
        names |= {lab for _, klabels, _ in kids for lab in klabels}
    names |= {re.sub(r"（.*", "", label.replace("\n", "")) for _, code, label, _ in LEGACY_2014 if code}
    problems = []
    for s in range(n):
        f, rep, doc, gold = build_legacy(s, {})
        html = to_html(doc, f)
        if to_html(build_legacy(s, {})[2], f) != html:
            problems.append(f"seed {s}: not deterministic")
        broken = {(r, t) for r, _, t in rep.expect_fail}
        flat = re.sub(r"<[^>]+>|&nbsp;|\s", "", html)
        for (t, row, c), (st, v) in gold.items():
            if row.startswith("extra:"):
                if row[6:] in names:
                    problems.append(f"seed {s}: extra label {row[6:]} names an indicator")
                continue
            label = next(r["label"] for r in rep.rows if r["code"] == row)
            if re.sub(r"\s", "", label) not in flat:
                problems.append(f"seed {s}: label of {row} not printed")
        for per in ("current", "cumulative"):
            def num(code):
                g = gold.get(("indicators", code, per))
                return Decimal(g[1]) if g and g[0] == "number" else None
            for total, is_part in LEGACY_SUMS.items():
                parts = [r["code"] for r in rep.rows if r["code"] and not r["code"].startswith("extra:")
                         and is_part(r["code"])]
                vals = [num(p) for p in parts]
                if ("indicators", total, per) not in gold or len(parts) < 2 or num(total) is None or None in vals:
                    continue
                holds = num(total) == sum(vals)
                rule = {"requests_received": "L1", "replies_total": "L2", "replies.refused": "L3",
                        "requests_closed": "L4", "review_total": "L5", "litigation_total": "L5",
                        "capacity.staff": "L6"}[total]
                if holds == ((rule, total) in broken):
                    problems.append(f"seed {s}: {rule} {total}/{per} {'holds' if holds else 'fails'}")
        for r in rep.rows:
            cur, cum = (gold.get(("indicators", r["code"] or "", p)) for p in ("current", "cumulative"))
            if cur and cum and cur[0] == cum[0] == "number" and Decimal(cum[1]) < Decimal(cur[1]):
                problems.append(f"seed {s}: L7 {r['code']}")
    return problems


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", default="html,text")
    ap.add_argument("--ogix", default=os.path.join(HERE, "..", "build-sweep", "ogix"))
    ap.add_argument("--keep", default=None)
    ap.add_argument("--work", default=None, help="work directory kept between runs: PDF/.docx renderings "
                    "already there are reused (LibreOffice is slow), outputs are rewritten")
    ap.add_argument("--only", default=None, help="comma-separated report seeds to run instead of a range")
    ap.add_argument("--force", action="append", default=[], help="FEATURE=VALUE (python literal), for reduction")
    ap.add_argument("--show", type=int, default=5, help="wrong cells shown per report")
    ap.add_argument("--stats", action="store_true", help="print the pass rate per feature value")
    ap.add_argument("--minimal", action="store_true", help="plainest value of every feature not forced")
    ap.add_argument("--reduce", default=None, help="SEED: reduce this seed's failure (first --kinds kind)")
    ap.add_argument("--selfcheck", type=int, default=0, help="N: check the legacy generator on N seeds and exit")
    ap.add_argument("--profile", default="modern", choices=["modern", "legacy"],
                    help="modern: 2019/2021 reports (default); legacy: reports on 2008–2018 (ogi-legacy)")
    a = ap.parse_args(argv)
    global MINIMAL, LEGACY
    MINIMAL = a.minimal
    LEGACY = a.profile == "legacy"
    if a.selfcheck:
        problems = selfcheck(a.selfcheck)
        for p in problems[:40]:
            print(p)
        print(f"legacy generator: {a.selfcheck} seeds, {len(problems)} problems")
        return 1 if problems else 0
    kinds = [k for k in a.kinds.split(",") if k]
    force = {}
    for s in a.force:
        k, v = s.split("=", 1)
        try:
            force[k] = ast.literal_eval(v)
        except (ValueError, SyntaxError):
            force[k] = v
    if a.reduce:
        reduce_failure(int(a.reduce), kinds[0], a.ogix, a.keep)
        return 0
    seeds = [int(x) for x in a.only.split(",")] if a.only else [a.seed * 100000 + i for i in range(a.n)]
    work = a.work or tempfile.mkdtemp(prefix="sweep-", dir="/tmp")
    os.makedirs(work, exist_ok=True)
    ext = {"html": "html", "text": "txt", "pdf": "pdf", "docx": "docx", "crawl": "txt"}
    reports = {}
    for s in seeds:
        f, rep, doc, gold = build(s, force)
        name = f"r{s}"
        reports[name] = (s, f, rep, gold)
        html = to_html(doc, f)
        os.makedirs(os.path.join(work, "html"), exist_ok=True)
        hpath = os.path.join(work, "html", name + ".html")
        if os.path.exists(hpath) and open(hpath, encoding="utf-8", newline="\n").read() != html:
            for stale in (os.path.join(work, "pdf", name + ".pdf"), os.path.join(work, "docx", name + ".docx")):
                if os.path.exists(stale):  # a --work rendering of an older generator: render again
                    os.remove(stale)
        with open(hpath, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
        if "crawl" in kinds:
            os.makedirs(os.path.join(work, "crawl"), exist_ok=True)
            with open(os.path.join(work, "crawl", name + ".txt"), "w", encoding="utf-8", newline="") as fh:
                fh.write(to_crawl(doc))
        if "text" in kinds:
            os.makedirs(os.path.join(work, "text"), exist_ok=True)
            with open(os.path.join(work, "text", name + ".txt"), "w", encoding="utf-8", newline="") as fh:
                fh.write(to_text(doc, f, random.Random(s)))
        os.makedirs(os.path.join(work, "gold"), exist_ok=True)
        with open(os.path.join(work, "gold", name + ".tsv"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write("table\trow\tcol\tstatus\tvalue\n")
            for (t, r, c), (st, v) in gold.items():
                fh.write(f"{t}\t{r}\t{c}\t{st}\t{v}\n")
        with open(os.path.join(work, "gold", name + ".features.json"), "w", encoding="utf-8") as fh:
            json.dump({"seed": s, **{k: v for k, v in f.items()}, "expect_fail": rep.expect_fail}, fh, ensure_ascii=False)
    if "pdf" in kinds:
        os.makedirs(os.path.join(work, "pdf"), exist_ok=True)
        soffice_pdf([os.path.join(work, "html", f"r{s}.html") for s in seeds], os.path.join(work, "pdf"), work)
    if "docx" in kinds:
        os.makedirs(os.path.join(work, "docx"), exist_ok=True)
        soffice_pdf([os.path.join(work, "html", f"r{s}.html") for s in seeds], os.path.join(work, "docx"), work,
                    "docx", "docx:MS Word 2007 XML")
    crashed_any = False
    summary = []
    for kind in kinds:
        inputs = [os.path.join(work, kind, f"r{s}.{ext[kind]}") for s in seeds]
        inputs = [p for p in inputs if os.path.exists(p)]
        out = os.path.join(work, "out-" + kind)
        shutil.rmtree(out, ignore_errors=True)  # no output of an earlier run may be scored
        rc, err, crashed = run_ogix(a.ogix, inputs, out)
        if crashed:
            crashed_any = True
            print(f"[{kind}] ogix CRASHED (exit {rc}): {err.strip()[:2000]}")
        errors = {}
        for line in err.splitlines():
            m = re.match(r"ogix: error: ([^:]+): (.*)", line)
            if m:
                errors[m.group(1)] = m.group(2)
        cells, _ = read_cells(os.path.join(out, "cells.csv"))
        right = total = full = 0
        wrong_numbers = misses = 0
        miss_kinds = {}
        fails = []
        for s in seeds:
            name = f"r{s}"
            fn = f"{name}.{ext[kind]}"
            _, f, rep, gold = reports[name]
            mine = cells.get(fn, {})
            wrong = [(k, g, mine.get(k)) for k, g in gold.items() if mine.get(k, (None, None))[:2] != g]
            unexpected = [k for k in mine if k not in gold]
            # a wrong number (ogix emits a number the source does not say there) is counted apart
            # from a miss (the cell left text/missing/blank/na, or absent)
            for k, g, got in wrong:
                if got and got[0] == "number":
                    wrong_numbers += 1
                else:
                    misses += 1
                    how = got[0] if got else "absent"
                    miss_kinds[how] = miss_kinds.get(how, 0) + 1
            # a number outside the gold is wrong when it stands under a named row and period (the
            # source has no such cell there); kept aside as an extra row or a cN column it is a miss
            wrong_numbers += sum(1 for k in unexpected if mine[k][0] == "number" and not k[1].startswith("extra")
                                 and not re.fullmatch(r"c\d+", k[2]))
            r_ok = len(gold) - len(wrong)
            right += r_ok
            total += len(gold)
            problems = []
            x = read_xml(os.path.join(out, name + ".xml"))
            want_prof = "ogi-legacy" if LEGACY else f"ogi-{f['fmt']}"
            if fn in errors or name in " ".join(errors):
                problems.append(f"error: {errors.get(fn) or [v for k, v in errors.items() if name in k][0]}")
            if x is None:
                problems.append("no XML written")
            else:
                if x["profile"] != want_prof:
                    problems.append(f"profile {x['profile']} (want {want_prof})")
                missing = [c for c in (rep.sections if LEGACY else SECTIONS) if c not in x["sections"]]
                if missing:
                    problems.append("sections missing: " + ",".join(missing))
                for key in rep.expect_fail:
                    if LEGACY:  # rule L2 is n="2" (or "L2") with scope "<total row>/<period>"
                        got = sorted({v for (n, t, sc), v in x["rules"].items()
                                      if n.lstrip("L") == key[0].lstrip("L") and t == key[1]
                                      and sc.split("/")[0] == key[2]})
                        if "fail" not in got:
                            problems.append(f"rule {key[0]} {key[2]}: {','.join(got) or 'absent'} (want fail)")
                    elif x["rules"].get(key) != "fail":
                        problems.append(f"rule {key[0]} {key[2]}: {x['rules'].get(key, 'absent')} (want fail)")
                if not rep.expect_fail:
                    bad = [k for k, v in x["rules"].items() if v == "fail"]
                    if bad:
                        problems.append("unexpected rule fail: " + ", ".join(f"{n}/{sc}" for n, _, sc in bad[:4]))
            if unexpected:
                problems.append(f"{len(unexpected)} cells not in gold: " +
                                ", ".join("/".join(k) for k in unexpected[:3]))
            if not wrong and not problems:
                full += 1
            else:
                fails.append((s, f, wrong, problems, r_ok, len(gold), mine))
        summary.append((kind, right, total, full, len(seeds), wrong_numbers, misses, miss_kinds))
        if a.stats:
            failed = {s for s, *_ in fails}
            print(f"== {kind}: share of reports fully right per feature value (n)")
            for k in feature_table():
                row = []
                for v, _ in feature_table()[k]:
                    ss = [s for s in seeds if reports[f"r{s}"][1][k] == v]
                    if ss:
                        ok = sum(1 for s in ss if s not in failed)
                        row.append(f"{v}:{100 * ok // len(ss)}%({len(ss)})")
                print(f"   {k}: " + "  ".join(row))
        print(f"== {kind}: cells {right}/{total} ({100.0 * right / max(total, 1):.2f}%), "
              f"reports fully right {full}/{len(seeds)}, wrong numbers {wrong_numbers}, misses {misses}")
        for s, f, wrong, problems, r_ok, n, mine in fails:
            print(f"-- [{kind}] seed {s}: {r_ok}/{n}  {fkey(f)}")
            for p in problems:
                print(f"     ! {p}")
            for k, g, got in wrong[:a.show]:
                gs = f"{g[0]} {g[1]!r}"
                os_ = f"{got[0]} {got[1]!r} raw={got[2]!r}" if got else "absent"
                print(f"     {'/'.join(k)}: gold {gs}, ogix {os_}")
            if len(wrong) > a.show:
                print(f"     … {len(wrong) - a.show} more wrong cells")
    print("== summary")
    for kind, right, total, full, n, wrong_numbers, misses, miss_kinds in summary:
        print(f"   {kind}: cells {right}/{total} ({100.0 * right / max(total, 1):.3f}%), reports {full}/{n}, "
              f"wrong numbers {wrong_numbers}, misses {misses}" +
              (" (" + ", ".join(f"{k} {v}" for k, v in sorted(miss_kinds.items())) + ")" if miss_kinds else ""))
    if a.keep:
        os.makedirs(a.keep, exist_ok=True)
        for d in os.listdir(work):
            dst = os.path.join(a.keep, d)
            if os.path.isdir(dst):
                shutil.rmtree(dst)
            src = os.path.join(work, d)
            if os.path.isdir(src) and not d.startswith("lo-"):
                shutil.copytree(src, dst)
        print(f"kept inputs, gold and outputs in {a.keep}")
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)
    return 2 if crashed_any else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

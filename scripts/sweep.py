#!/usr/bin/env python3
"""Randomized, seeded robustness sweep of ogix: generates N invented annual reports that mix the
layout features real agencies use at random, renders each as HTML (always), as a tab-separated
Word-copy text and optionally as PDF or .docx (LibreOffice), converts them with ogix and scores every
canonical cell (status and value) against the generated gold, the way scripts/accuracy.py does.
Also checks the detected profile, the six sections, and (in the few seeds that break a sum rule on
purpose) that the broken rule is reported as `fail`.

usage: sweep.py [--n N] [--seed S] [--kinds html,text,pdf,docx] [--ogix PATH] [--keep DIR] [--only SEEDS]
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
                continue
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


def fkey(f):
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
    for k, choices in FEATURES.items():
        plain = choices[0][0]
        if k == "fmt" or f0[k] == plain:
            continue
        trial = dict(force, **{k: plain})
        _, wrong, tmp, _ = run(trial)
        shutil.rmtree(tmp, ignore_errors=True)
        if target in wrong:
            force = trial
    f, wrong, tmp, src = run(force)
    left = {k: f[k] for k in FEATURES if k != "fmt" and f[k] != FEATURES[k][0][0]}
    print(f"seed {seed} [{kind}] fails on {'/'.join(target)}; smallest combination: fmt={f['fmt']} " +
          " ".join(f"{k}={v}" for k, v in left.items()))
    print("   reproduce: scripts/sweep --only %d --kinds %s %s" % (
        seed, kind, " ".join(f"--force {k}={v!r}" for k, v in force.items())))
    if keep:
        os.makedirs(keep, exist_ok=True)
        if os.path.exists(src):
            shutil.copy(src, keep)
        shutil.copy(os.path.join(tmp, f"r{seed}.html"), keep)
        print(f"   input kept: {os.path.join(keep, os.path.basename(src))}")
    shutil.rmtree(tmp, ignore_errors=True)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", default="html,text")
    ap.add_argument("--ogix", default=os.path.join(HERE, "..", "build-sweep", "ogix"))
    ap.add_argument("--keep", default=None)
    ap.add_argument("--only", default=None, help="comma-separated report seeds to run instead of a range")
    ap.add_argument("--force", action="append", default=[], help="FEATURE=VALUE (python literal), for reduction")
    ap.add_argument("--show", type=int, default=5, help="wrong cells shown per report")
    ap.add_argument("--stats", action="store_true", help="print the pass rate per feature value")
    ap.add_argument("--minimal", action="store_true", help="plainest value of every feature not forced")
    ap.add_argument("--reduce", default=None, help="SEED: reduce this seed's failure (first --kinds kind)")
    a = ap.parse_args(argv)
    global MINIMAL
    MINIMAL = a.minimal
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
    work = tempfile.mkdtemp(prefix="sweep-", dir="/tmp")
    ext = {"html": "html", "text": "txt", "pdf": "pdf", "docx": "docx"}
    reports = {}
    for s in seeds:
        f, rep, doc, gold = build(s, force)
        name = f"r{s}"
        reports[name] = (s, f, rep, gold)
        html = to_html(doc, f)
        os.makedirs(os.path.join(work, "html"), exist_ok=True)
        with open(os.path.join(work, "html", name + ".html"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
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
        fails = []
        for s in seeds:
            name = f"r{s}"
            fn = f"{name}.{ext[kind]}"
            _, f, rep, gold = reports[name]
            mine = cells.get(fn, {})
            wrong = [(k, g, mine.get(k)) for k, g in gold.items() if mine.get(k, (None, None))[:2] != g]
            unexpected = [k for k in mine if k not in gold]
            r_ok = len(gold) - len(wrong)
            right += r_ok
            total += len(gold)
            problems = []
            x = read_xml(os.path.join(out, name + ".xml"))
            want_prof = f"ogi-{f['fmt']}"
            if fn in errors or name in " ".join(errors):
                problems.append(f"error: {errors.get(fn) or [v for k, v in errors.items() if name in k][0]}")
            if x is None:
                problems.append("no XML written")
            else:
                if x["profile"] != want_prof:
                    problems.append(f"profile {x['profile']} (want {want_prof})")
                missing = [c for c in SECTIONS if c not in x["sections"]]
                if missing:
                    problems.append("sections missing: " + ",".join(missing))
                for key in rep.expect_fail:
                    if x["rules"].get(key) != "fail":
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
        summary.append((kind, right, total, full, len(seeds)))
        if a.stats:
            failed = {s for s, *_ in fails}
            print(f"== {kind}: share of reports fully right per feature value (n)")
            for k in FEATURES:
                row = []
                for v, _ in FEATURES[k]:
                    ss = [s for s in seeds if reports[f"r{s}"][1][k] == v]
                    if ss:
                        ok = sum(1 for s in ss if s not in failed)
                        row.append(f"{v}:{100 * ok // len(ss)}%({len(ss)})")
                print(f"   {k}: " + "  ".join(row))
        print(f"== {kind}: cells {right}/{total} ({100.0 * right / max(total, 1):.2f}%), "
              f"reports fully right {full}/{len(seeds)}")
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
    for kind, right, total, full, n in summary:
        print(f"   {kind}: cells {right}/{total} ({100.0 * right / max(total, 1):.2f}%), reports {full}/{n}")
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
    shutil.rmtree(work, ignore_errors=True)
    return 2 if crashed_any else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

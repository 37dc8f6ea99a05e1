#!/usr/bin/env python3
"""Writes fixtures/variant-*/{input.html,gold.tsv,NOTES.md}: invented reports whose statistics
tables use layouts real agencies publish but none of the real documents in ../shared/realdata
shows — table 四 transposed or in blocks, table 二 as one <table> per 第二十条 item with the item
title above it, table 三 with a 小计 column for 法人或其他组织, group labels as rows of their own or
merged into the sub-row label, numbering 1、 1． (1), wording variants, full-width digits, grouping
commas, blank and na cells, a 2021 report keeping the 2019 single （六）其他处理 row, columns with
no 申请人情况/法人或其他组织 band and 总计 first. Values are non-zero where the layout allows (so a
shifted column cannot go unnoticed) and satisfy every sum rule. Deterministic: re-running gives
the same bytes. usage: make-variant-fixtures.py [FIXTURES_DIR]"""
import os
import random
import sys
import textwrap

FIXTURES = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")

APPLICANT = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
LEGAL = APPLICANT[1:]
COL_LABEL = {"natural_person": "自然人", "commercial": "商业企业", "research": "科研机构",
             "social_welfare": "社会公益组织", "legal_service": "法律服务机构", "other_org": "其他",
             "total": "总计", "legal_person_subtotal": "小计"}
DENIED = ["state_secret", "prohibited_by_law", "security_stability", "third_party_rights", "internal_affairs",
          "process_information", "enforcement_case_file", "administrative_query"]
UNAVAILABLE = ["not_held", "needs_creation", "unclear_after_correction"]
NOT_PROCESSED = ["petition_complaint", "duplicate", "publication", "vexatious", "confirm_or_reissue"]
OTHER = ["no_correction", "unpaid_fee", "other"]
REVIEW_ROWS = ["administrative_review", "litigation_direct", "litigation_after_review"]
REVIEW_COLS = ["upheld", "corrected", "other_result", "pending", "total"]
REVIEW_LABEL = {"upheld": "结果维持", "corrected": "结果纠正", "other_result": "其他结果", "pending": "尚未审结",
                "total": "总计"}

# Row labels without numbering; the numbering style is applied when rendering.
LEAF = {
    "denied.state_secret": "属于国家秘密", "denied.prohibited_by_law": "其他法律行政法规禁止公开",
    "denied.security_stability": "危及“三安全一稳定”", "denied.third_party_rights": "保护第三方合法权益",
    "denied.internal_affairs": "属于三类内部事务信息", "denied.process_information": "属于四类过程性信息",
    "denied.enforcement_case_file": "属于行政执法案卷", "denied.administrative_query": "属于行政查询事项",
    "unavailable.not_held": "本机关不掌握相关政府信息", "unavailable.needs_creation": "没有现成信息需要另行制作",
    "unavailable.unclear_after_correction": "补正后申请内容仍不明确",
    "not_processed.petition_complaint": "信访举报投诉类申请", "not_processed.duplicate": "重复申请",
    "not_processed.publication": "要求提供公开出版物", "not_processed.vexatious": "无正当理由大量反复申请",
    "not_processed.confirm_or_reissue": "要求行政机关确认或重新出具已获取信息",
    "other.no_correction": "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.unpaid_fee": "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other.other": "其他",
}
GROUP = {"denied": "（三）不予公开", "unavailable": "（四）无法提供", "not_processed": "（五）不予处理",
         "other": "（六）其他处理"}
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def numbered(i, text, style):
    """The i-th (1-based) sub-row label in one of the numbering styles agencies use."""
    return {"dot": f"{i}.", "dun": f"{i}、", "fwdot": f"{i}．", "paren": f"({i})"}[style] + text


def application_values(rng, single_other, scale=1):
    """The value model of tables 三 and 四, drawn from `rng`: non-zero counts satisfying every sum
    rule. Returns (result_rows, rows, apps, review); apps and review map (row, col) to a count.
    Shared with scripts/sweep.py, so both draw the same way."""
    result_rows = (["granted", "partially_granted"] + [f"denied.{x}" for x in DENIED] +
                   [f"unavailable.{x}" for x in UNAVAILABLE] +
                   [f"not_processed.{x}" for x in NOT_PROCESSED] +
                   (["other"] if single_other else [f"other.{x}" for x in OTHER]))
    rows = ["new_received", "carried_over"] + result_rows + ["total_processed", "carried_forward"]
    v = {}
    for c in APPLICANT:
        top = {"natural_person": 40, "commercial": 12}.get(c, 6) * scale
        for r in result_rows:
            v[(r, c)] = rng.randint(1, top)
        tp = sum(v[(r, c)] for r in result_rows)
        v[("total_processed", c)] = tp
        v[("carried_forward", c)] = rng.randint(1, 5 * scale)
        v[("carried_over", c)] = rng.randint(1, 4 * scale)
        v[("new_received", c)] = tp + v[("carried_forward", c)] - v[("carried_over", c)]
    for r in rows:
        v[(r, "legal_person_subtotal")] = sum(v[(r, c)] for c in LEGAL)
        v[(r, "total")] = sum(v[(r, c)] for c in APPLICANT)
    review = {}
    for r in REVIEW_ROWS:
        xs = [rng.randint(1, 9) for _ in range(4)]
        for c, x in zip(REVIEW_COLS, xs + [sum(xs)]):
            review[(r, c)] = x
    return result_rows, rows, v, review


def gold_cells(fmt, single_other, rows, subtotal=False):
    """The canonical cells of tables 三 and 四 in gold order, as (table, row, col, missing). The
    spec: a 2021 report with the single （六）其他处理 row keeps it as the extra row `other`, and the
    three 2021 rows under it are missing. Shared with scripts/sweep.py."""
    cols = APPLICANT + ["total"] + (["legal_person_subtotal"] if subtotal else [])
    rows = list(rows)
    if fmt == 2021 and single_other:
        i = rows.index("other")
        rows[i + 1:i + 1] = [f"other.{x}" for x in OTHER]
    out = [("applications", r, c, r.startswith("other.") and single_other) for r in rows for c in cols]
    return out + [("review_litigation", r, c, False) for r in REVIEW_ROWS for c in REVIEW_COLS]


class Report:
    """Values of one invented report; `fmt` is 2019 or 2021, `single_other` keeps one 其他处理 row."""

    def __init__(self, seed, fmt, single_other=False, scale=1):
        self.rng = random.Random(seed)
        self.fmt = fmt
        self.single_other = fmt == 2019 or single_other
        self.result_rows, self.rows, self.apps, self.review = application_values(self.rng, self.single_other, scale)
        if fmt == 2019:
            self.proactive = {
                ("rules", "new_made"): 2, ("rules", "new_published"): 2, ("rules", "total_published"): 31,
                ("normative_documents", "new_made"): 17, ("normative_documents", "new_published"): 16,
                ("normative_documents", "total_published"): 245,
                ("administrative_license", "previous_year_items"): 412, ("administrative_license", "change"): -6,
                ("administrative_license", "decisions"): 15873,
                ("other_external_services", "previous_year_items"): 58,
                ("other_external_services", "change"): 3, ("other_external_services", "decisions"): 924,
                ("administrative_penalty", "previous_year_items"): 1260, ("administrative_penalty", "change"): 14,
                ("administrative_penalty", "decisions"): 2318,
                ("administrative_coercion", "previous_year_items"): 37, ("administrative_coercion", "change"): 2,
                ("administrative_coercion", "decisions"): 95,
                ("administrative_fees", "previous_year_items"): 21, ("administrative_fees", "change"): -3,
                ("government_procurement", "procurement_items"): 146,
                ("government_procurement", "procurement_amount"): "8215.37",
            }
        else:
            self.proactive = {
                ("rules", "issued"): 3, ("rules", "repealed"): 1, ("rules", "in_force"): 42,
                ("normative_documents", "issued"): 26, ("normative_documents", "repealed"): 9,
                ("normative_documents", "in_force"): 318,
                ("administrative_license", "decisions"): 48213, ("administrative_penalty", "decisions"): 5126,
                ("administrative_coercion", "decisions"): 87, ("administrative_fees", "fee_amount"): "1862.4",
            }
        self.overrides = {}  # (table, row, col) -> (status, value, text as printed)

    def blank_row(self, table, row, cols):
        """Leaves a whole row empty (`&nbsp;`), as agencies do for a row they had nothing to report in."""
        for c in cols:
            self.set_cell(table, row, c, "blank", "")

    def set_cell(self, table, row, col, status, text):
        """Prints `text` in one cell instead of its number (blank or na); the gold follows."""
        self.overrides[(table, row, col)] = (status, text)

    def text(self, table, row, col, digits="ascii", commas=False):
        if (table, row, col) in self.overrides:
            return self.overrides[(table, row, col)][1]
        v = {"applications": self.apps, "review_litigation": self.review, "proactive": self.proactive}[table][(row, col)]
        s = str(v)
        if commas and isinstance(v, int) and abs(v) >= 1000:
            s = f"{v:,}"
        if digits == "full":
            s = s.translate(FW)
        if commas == "full":
            s = s.replace(",", "，")
        return s

    def gold(self, subtotal=False, extra=None):
        """The gold cells; `extra` maps (table, row, col) to a value for rows kept beyond the profile."""
        out = ["table\trow\tcol\tstatus\tvalue"]

        def add(table, row, col, value):
            if (table, row, col) in self.overrides:
                out.append(f"{table}\t{row}\t{col}\t{self.overrides[(table, row, col)][0]}\t")
            else:
                out.append(f"{table}\t{row}\t{col}\tnumber\t{value}")
        for (r, c), v in self.proactive.items():
            add("proactive", r, c, v)
        for t, r, c, missing in gold_cells(self.fmt, self.single_other, self.rows, subtotal):
            if missing:
                out.append(f"{t}\t{r}\t{c}\tmissing\t")
            else:
                add(t, r, c, (self.apps if t == "applications" else self.review)[(r, c)])
        for (t, r, c), v in (extra or {}).items():
            out.append(f"{t}\t{r}\t{c}\tnumber\t{v}")
        return "\n".join(out) + "\n"


# --- markup -------------------------------------------------------------------------------------

def td(text, colspan=1, rowspan=1):
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    return f"<td{attrs}>{text if text != '' else '&nbsp;'}</td>"


def tr(*cells):
    return "<tr>" + "".join(cells) + "</tr>\n"


def table(rows):
    return '<table border="1" cellspacing="0" cellpadding="2" style="border-collapse:collapse">\n<tbody>\n' + \
        "".join(rows) + "</tbody>\n</table>\n"


def para(text):
    return f'<p style="text-indent:2em">{text}</p>\n'


def heading(text):
    return f"<p><strong>{text}</strong></p>\n"


# --- table 二 -----------------------------------------------------------------------------------

ITEMS_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", "rules"), ("规范性文件", "normative_documents")], ["new_made", "new_published", "total_published"]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", "administrative_license"), ("其他对外管理服务事项", "other_external_services")],
     ["previous_year_items", "change", "decisions"]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", "administrative_penalty"), ("行政强制", "administrative_coercion")],
     ["previous_year_items", "change", "decisions"]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", "administrative_fees")],
     ["previous_year_items", "change"]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额（单位：万元）"], [("政府集中采购", "government_procurement")],
     ["procurement_items", "procurement_amount"]),
]
ITEMS_2021 = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", "rules"), ("行政规范性文件", "normative_documents")], ["issued", "repealed", "in_force"]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", "administrative_license")], ["decisions"]),
    ("第二十条第（六）项", ["本年处理决定数量"],
     [("行政处罚", "administrative_penalty"), ("行政强制", "administrative_coercion")], ["decisions"]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", "administrative_fees")], ["fee_amount"]),
]


def proactive_split(rep, commas=False):
    """One <table> per 第二十条 item, the item title a paragraph above it (not inside)."""
    out = ""
    for title, heads, rows, cols in (ITEMS_2019 if rep.fmt == 2019 else ITEMS_2021):
        out += para(title)
        body = [tr(td("信息内容"), *[td(h) for h in heads])]
        for label, code in rows:
            body.append(tr(td(label), *[td(rep.text("proactive", code, c, commas=commas)) for c in cols]))
        out += table(body)
    return out


def proactive_one_table(rep, commas=False):
    """All items in one 4-column table: title rows and per-item header rows inside it."""
    body = []
    for title, heads, rows, cols in (ITEMS_2019 if rep.fmt == 2019 else ITEMS_2021):
        body.append(tr(td(title, colspan=4)))
        # Fewer headers than 3 value columns: the last header spans the rest (as the template does).
        span = [1] * len(heads)
        span[-1] += 3 - len(heads)
        body.append(tr(td("信息内容"), *[td(h, colspan=s) for h, s in zip(heads, span)]))
        for label, code in rows:
            body.append(tr(td(label), *[td(rep.text("proactive", code, c, commas=commas), colspan=s)
                                        for c, s in zip(cols, span)]))
    return table(body)


# --- table 三 -----------------------------------------------------------------------------------

def app_header(cols, band, label_cols, subtotal):
    """Header rows over the applicant columns; `cols` is the printed column order."""
    rows = []
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    if not band:
        return [tr(td("项目", colspan=label_cols), *[td(COL_LABEL[c]) for c in cols])]
    legal = [c for c in cols if c in LEGAL or c == "legal_person_subtotal"]
    rows.append(tr(td(corner, colspan=label_cols, rowspan=3), td("申请人情况", colspan=len(cols))))
    second, third = [], []
    placed_legal = False
    for c in cols:
        if c in ("natural_person", "total"):
            second.append(td(COL_LABEL[c], rowspan=2))
        elif not placed_legal:
            second.append(td("法人或其他组织", colspan=len(legal)))
            placed_legal = True
    third = [td(COL_LABEL[c]) for c in cols if c in legal]
    rows.append(tr(*second))
    rows.append(tr(*third))
    return rows


def applications(rep, cols, band=True, groups="rowspan", numbering="dot", digits="ascii", commas=False,
                 wording=None, subtotals=False, repeat_header_at=None):
    """Table 三. groups: rowspan (group label cells spanning their sub-rows), own_rows (a group label
    as a row of its own with empty value cells, no rowspan anywhere), merged (the group label
    written into each sub-row's label: （三）不予公开：1.属于国家秘密)."""
    wording = wording or {}
    subtotal = "legal_person_subtotal" in cols
    label_cols = 3 if groups == "rowspan" else 1

    def vals(r):
        return [td(rep.text("applications", r, c, digits=digits, commas=commas)) for c in cols]

    def empty():
        return [td("") for _ in cols]

    def lab(code, text):
        return wording.get(code, text)

    out = app_header(cols, band, label_cols, subtotal)
    top = [("new_received", "一、" + lab("new_received", "本年新收政府信息公开申请数量")),
           ("carried_over", "二、" + lab("carried_over", "上年结转政府信息公开申请数量"))]
    for code, text in top:
        out.append(tr(td(text, colspan=label_cols), *vals(code)))
    granted = [("granted", "（一）予以公开"), ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]
    families = [("denied", DENIED), ("unavailable", UNAVAILABLE), ("not_processed", NOT_PROCESSED)]
    if rep.single_other:
        families.append(("other", None))
    else:
        families.append(("other", OTHER))
    n_result_rows = len(rep.result_rows) + 1  # + （七）总计
    if groups == "rowspan":
        first = True
        for code, text in granted:
            lead = [td("三、本年度办理结果", rowspan=n_result_rows)] if first else []
            first = False
            out.append(tr(*lead, td(text, colspan=2), *vals(code)))
        for fam, leaves in families:
            if leaves is None:
                out.append(tr(td(GROUP[fam], colspan=2), *vals("other")))
                continue
            for i, leaf in enumerate(leaves):
                code = f"{fam}.{leaf}"
                lead = [td(GROUP[fam], rowspan=len(leaves))] if i == 0 else []
                out.append(tr(*lead, td(numbered(i + 1, lab(code, LEAF[code]), numbering)), *vals(code)))
        out.append(tr(td("（七）总计", colspan=2), *vals("total_processed")))
    else:
        if groups == "own_rows":
            out.append(tr(td("三、本年度办理结果"), *empty()))
        for code, text in granted:
            out.append(tr(td(text), *vals(code)))
        for fam, leaves in families:
            if leaves is None:
                out.append(tr(td(GROUP[fam]), *vals("other")))
                continue
            if groups == "own_rows" and subtotals:
                sums = []
                for c in cols:
                    sub = [rep.apps[(f"{fam}.{x}", c)] for x in leaves
                           if ("applications", f"{fam}.{x}", c) not in rep.overrides]
                    sums.append(td(str(sum(sub))))
                out.append(tr(td(GROUP[fam]), *sums))
            elif groups == "own_rows":
                out.append(tr(td(GROUP[fam]), *empty()))
            for i, leaf in enumerate(leaves):
                code = f"{fam}.{leaf}"
                text = numbered(i + 1, lab(code, LEAF[code]), numbering)
                if groups == "merged":
                    text = GROUP[fam] + "：" + text
                out.append(tr(td(text), *vals(code)))
        out.append(tr(td("（七）总计"), *vals("total_processed")))
    out.append(tr(td("四、" + lab("carried_forward", "结转下年度继续办理"), colspan=label_cols), *vals("carried_forward")))
    if repeat_header_at:
        # The header repeated inside the body, where a page of the original document ended.
        header = app_header(cols, band, label_cols, subtotal)
        out[repeat_header_at:repeat_header_at] = header
    return table(out)


# --- table 四 -----------------------------------------------------------------------------------

def review_one_row(rep, row_label=None):
    """The official layout: a three-level header over one row of 15 numbers; `row_label` adds a
    label column (项目 over 件数) left of them."""
    lead = [td("项目", rowspan=3)] if row_label else []
    rows = [tr(*lead, td("行政复议", colspan=5), td("行政诉讼", colspan=10)),
            tr(*[td(REVIEW_LABEL[c], rowspan=2) for c in REVIEW_COLS], td("未经复议直接起诉", colspan=5),
               td("复议后起诉", colspan=5)),
            tr(*[td(REVIEW_LABEL[c]) for c in REVIEW_COLS * 2]),
            tr(*([td(row_label)] if row_label else []),
               *[td(rep.text("review_litigation", r, c)) for r in REVIEW_ROWS for c in REVIEW_COLS])]
    return table(rows)


def review_transposed(rep, litigation_band=True):
    """3 rows × 5 columns: the kind of case as row labels, the result as column headers.
    litigation_band: 行政诉讼 is a rowspan cell left of its two sub-rows; otherwise each label is
    written out whole (行政诉讼（未经复议直接起诉）)."""
    rows = []
    lc = 2 if litigation_band else 1
    rows.append(tr(td("类别", colspan=lc), *[td(REVIEW_LABEL[c]) for c in REVIEW_COLS]))

    def vals(r):
        return [td(rep.text("review_litigation", r, c)) for c in REVIEW_COLS]
    rows.append(tr(td("行政复议", colspan=lc), *vals("administrative_review")))
    if litigation_band:
        rows.append(tr(td("行政诉讼", rowspan=2), td("未经复议直接起诉"), *vals("litigation_direct")))
        rows.append(tr(td("复议后起诉"), *vals("litigation_after_review")))
    else:
        rows.append(tr(td("行政诉讼（未经复议直接起诉）"), *vals("litigation_direct")))
        rows.append(tr(td("行政诉讼（复议后起诉）"), *vals("litigation_after_review")))
    return table(rows)


def review_by_result(rep):
    """Transposed the other way: the five results as rows, the three kinds of case as columns under
    a 行政复议 | 行政诉讼 band."""
    rows = [tr(td("项目", rowspan=2), td("行政复议", rowspan=2), td("行政诉讼", colspan=2)),
            tr(td("未经复议直接起诉"), td("复议后起诉"))]
    for c in REVIEW_COLS:
        rows.append(tr(td(REVIEW_LABEL[c]), *[td(rep.text("review_litigation", r, c)) for r in REVIEW_ROWS]))
    return table(rows)


def review_header_body(rep):
    """The official one-row layout as two tables: the three header rows in one <table>, the row of
    15 numbers in a second one right below it (the way some pages cut a header off its body)."""
    head = [tr(td("行政复议", colspan=5), td("行政诉讼", colspan=10)),
            tr(*[td(REVIEW_LABEL[c], rowspan=2) for c in REVIEW_COLS], td("未经复议直接起诉", colspan=5),
               td("复议后起诉", colspan=5)),
            tr(*[td(REVIEW_LABEL[c]) for c in REVIEW_COLS * 2])]
    body = [tr(*[td(rep.text("review_litigation", r, c)) for r in REVIEW_ROWS for c in REVIEW_COLS])]
    return table(head) + table(body)


def review_two_tables(rep):
    """行政复议 and 行政诉讼 as two tables of different widths: a title row, (for 行政诉讼 a row naming
    未经复议直接起诉 | 复议后起诉,) a column-header row, and one data row each."""
    a = [tr(td("行政复议", colspan=5)), tr(*[td(REVIEW_LABEL[c]) for c in REVIEW_COLS]),
         tr(*[td(rep.text("review_litigation", "administrative_review", c)) for c in REVIEW_COLS])]
    b = [tr(td("行政诉讼", colspan=10)), tr(td("未经复议直接起诉", colspan=5), td("复议后起诉", colspan=5)),
         tr(*[td(REVIEW_LABEL[c]) for c in REVIEW_COLS * 2]),
         tr(*[td(rep.text("review_litigation", r, c)) for r in REVIEW_ROWS[1:] for c in REVIEW_COLS])]
    return table(a) + table(b)


def review_blocks(rep):
    """One block per kind of case, each a title row and a column-header row over one data row."""
    rows = []
    for r, title in zip(REVIEW_ROWS, ["行政复议", "行政诉讼—未经复议直接起诉", "行政诉讼—复议后起诉"]):
        rows.append(tr(td(title, colspan=5)))
        rows.append(tr(*[td(REVIEW_LABEL[c]) for c in REVIEW_COLS]))
        rows.append(tr(*[td(rep.text("review_litigation", r, c)) for c in REVIEW_COLS]))
    return table(rows)


# --- the page -----------------------------------------------------------------------------------

def narrative_table(rep, year):
    """A table in 一、总体情况 comparing two years by bare year numbers in the header row; its row
    labels are profile row labels (规章, 行政许可) but its numbers are no profile cells."""
    rows = [tr(td("类别"), td(str(year - 1)), td(str(year))),
            tr(td("规章"), td("5"), td("7")),
            tr(td("行政规范性文件"), td("31"), td("29")),
            tr(td("行政许可"), td("1,502"), td("1,877"))]
    return table(rows)


def split_applications(html):
    """Cuts table 三 in two <table>s after its 12th row with a 续表 paragraph between (a page break
    in the source document); the second part repeats no header."""
    head, _, rest = html.partition("<tbody>\n")
    body, _, tail = rest.partition("</tbody>")
    rows = body.splitlines(keepends=True)
    cut = 12
    return head + "<tbody>\n" + "".join(rows[:cut]) + "</tbody>" + tail + para("续表") + \
        head + "<tbody>\n" + "".join(rows[cut:]) + "</tbody>" + tail


def split_header(html, header_rows=3, colgroup=None):
    """Cuts a table after its `header_rows` header rows into two `<table>`s: the header alone, the
    body right below it (as agency CMSs publish table 三); `colgroup`, a column count, gives both
    tables a `<colgroup>` of that many `<col>`s."""
    head, _, rest = html.partition("<tbody>\n")
    body, _, tail = rest.partition("</tbody>")
    rows = body.splitlines(keepends=True)
    if colgroup:
        head = head + "<colgroup>" + "<col>" * colgroup + "</colgroup>\n"
    return head + "<tbody>\n" + "".join(rows[:header_rows]) + "</tbody>" + tail + \
        head + "<tbody>\n" + "".join(rows[header_rows:]) + "</tbody>" + tail


def page(agency, year, proactive_html, applications_html, review_html, fmt, overview_html=""):
    basis = "国办公开办函〔2019〕60号" if fmt == 2019 else "国办公开办函〔2021〕30号"
    body = f'<h1 style="text-align:center">{agency}{year}年政府信息公开工作年度报告</h1>\n'
    body += para(f"本报告依据《中华人民共和国政府信息公开条例》和{basis}要求编制，所列数据的统计期限自{year}年1月1日起至"
                 f"{year}年12月31日止。")
    body += heading("一、总体情况")
    body += para(f"{year}年，{agency}坚持以公开为常态、不公开为例外，持续推进政务公开。")
    body += overview_html
    body += heading("二、主动公开政府信息情况")
    body += proactive_html
    body += heading("三、收到和处理政府信息公开申请情况")
    body += applications_html
    body += heading("四、政府信息公开行政复议、行政诉讼情况")
    body += review_html
    body += heading("五、存在的主要问题及改进情况")
    body += para("一是公开内容的规范性有待加强；二是政策解读的形式仍较单一。")
    body += heading("六、其他需要报告的事项")
    body += para("本年度未收取信息处理费。")
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{agency}{year}年政府信息公开工作年度报告</title>\n</head>\n<body>\n"
            f'<div class="article">\n{body}</div>\n</body>\n</html>\n')


def write(name, html, gold, notes, before, code="the mapper changes made with this fixture (mapper of commit 44aaaa6)"):
    d = os.path.join(FIXTURES, f"variant-{name}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "input.html"), "w", encoding="utf-8", newline="\n") as f:
        f.write(html)
    with open(os.path.join(d, "gold.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(gold)
    with open(os.path.join(d, "NOTES.md"), "w", encoding="utf-8", newline="\n") as f:
        cells = gold.count("\n") - 1
        f.write(f"# variant-{name}\n\n"
                "Source: written for ogix by `scripts/make-variant-fixtures.py` (deterministic; re-run it to\n"
                "regenerate). Not a real report: an invented agency and invented values; no real page's text or\n"
                "markup was copied. Every number is non-zero where the layout allows (a shifted column cannot go\n"
                "unnoticed) and every sum rule passes, or is unchecked where a blank/na cell is an operand.\n"
                f"`gold.tsv` holds all {cells} canonical cells; the golden runner scores them.\n\n"
                "Proves:\n" + notes.strip() + "\n\n"
                + textwrap.fill(f"Before {code}: " +
                                before.strip(), width=100) + "\n")


STD = APPLICANT + ["total"]
STD_SUB = ["natural_person"] + LEGAL + ["legal_person_subtotal", "total"]


def main():
    # A: 2021, table 二 split per item with titles above; 小计 column; table 四 transposed with a 行政诉讼 band.
    rep = Report(101, 2021)
    rep.blank_row("applications", "other.other", STD_SUB)
    write("2021-subtotal",
          page("示例市交通运输局", 2022, proactive_split(rep), applications(rep, STD_SUB), review_transposed(rep), 2021),
          rep.gold(subtotal=True), """
- table 二 (ogi-2021) as one `<table>` per 第二十条 item, the item title a paragraph above each
  table, not inside it;
- table 三 with a 小计 column after the five 法人或其他组织 columns: kept as the extra column
  `legal_person_subtotal` for every row (rule 3 checks it), the other columns unshifted;
- table 四 transposed: 3 rows × 5 columns, 行政诉讼 a rowspan cell left of 未经复议直接起诉 and
  复议后起诉;
- the row 3.其他 under （六）其他处理 left wholly blank (`&nbsp;`): its label 其他 is also a column
  label, yet it is a data row of blanks (status blank), not a header row that would reset the
  columns of the rows below it.
""", '201/225 cells right; the blank 3.其他 row was taken for a header row, so other.other, total_processed and carried_forward (24 cells) were missing.')

    # B: 2021, table 二 in one table; group labels as rows of their own; 1、 numbering; 四 in blocks.
    rep = Report(202, 2021)
    write("2021-group-rows",
          page("示例县自然资源局", 2021, proactive_one_table(rep),
               applications(rep, STD, groups="own_rows", numbering="dun", repeat_header_at=16),
               review_blocks(rep), 2021),
          rep.gold(), """
- table 二 (ogi-2021) as one table holding every item: title rows and per-item header rows inside;
- table 三 with no rowspan anywhere: 三、本年度办理结果 and the group labels （三）不予公开 …
  （六）其他处理 are rows of their own with empty value cells above their sub-rows, numbered 1、 2、;
  3、其他 under （六）其他处理 must still be `other.other` although its group is on another row,
  and the empty group rows must not become the 2019-style `other` row; the three header rows are
  repeated inside the body (where a page of the original ended), before 8、属于行政查询事项;
- table 四 as three blocks, each a title row (行政复议 / 行政诉讼—未经复议直接起诉 / 行政诉讼—复议后起诉),
  a column-header row and one data row.
""", '178/200 cells right; 3、其他 under a group row of its own matched no row (other.other missing) and table 四 in blocks gave nothing (15 cells missing).')

    # C: 2021, merged group labels, (1) numbering, wording variants, full-width digits, commas, blank/na.
    rep = Report(303, 2021, scale=60)
    rep.set_cell("applications", "denied.state_secret", "research", "blank", "")
    rep.set_cell("applications", "denied.state_secret", "social_welfare", "na", "/")
    rep.set_cell("applications", "other.unpaid_fee", "legal_service", "na", "—")
    rep.set_cell("applications", "other.unpaid_fee", "total", "blank", "")
    rep.set_cell("proactive", "administrative_coercion", "decisions", "na", "—")
    rep.set_cell("review_litigation", "litigation_after_review", "corrected", "blank", "")
    wording = {"new_received": "本年新收政府信息公开申请数",
               "denied.prohibited_by_law": "其他法律、行政法规禁止公开",
               "denied.security_stability": '危及"三安全一稳定"',
               "unavailable.not_held": "本机关不掌握相关信息"}
    write("2021-merged-labels",
          page("示例省统计局", 2023, proactive_split(rep, commas=True),
               applications(rep, STD, groups="merged", numbering="paren", digits="full", commas=True, wording=wording),
               review_one_row(rep), 2021),
          rep.gold(), """
- table 三 with the group label merged into each sub-row's label (（三）不予公开：(1)属于国家秘密),
  one label column, (1) numbering; wording variants 本年新收政府信息公开申请数 (no 量),
  其他法律、行政法规禁止公开, 危及"三安全一稳定" (ASCII quotes), 本机关不掌握相关信息;
- large values in table 三 written in full-width digits with ASCII grouping commas (１２,３４５);
  table 二 with ASCII digits and commas;
- blank (`&nbsp;`) and na (`/`, `—`) cells in table 三, table 二 and table 四: never 0, never shifted;
- table 二 (ogi-2021) split per item with titles above; table 四 in the official one-row layout.
""", '200/200 cells right (kept as a guard).')

    # D: 2021 keeping the 2019 single （六）其他处理 row; 总计 first, no band; 1． numbering.
    rep = Report(404, 2021, single_other=True)
    cols = ["total"] + APPLICANT
    write("2021-single-other",
          page("示例区司法局", 2022, proactive_one_table(rep),
               applications(rep, cols, band=False, numbering="fwdot"), review_transposed(rep, litigation_band=False), 2021),
          rep.gold(), """
- a 2021-format report keeping the 2019 single （六）其他处理 row: written as the extra row `other`,
  `other.no_correction`/`other.unpaid_fee`/`other.other` missing (as the spec says);
- table 三 columns with no 申请人情况/法人或其他组织 band: a single header row
  项目 | 总计 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他, 总计 first;
  sub-rows numbered 1． (full-width full stop);
- table 四 transposed with whole labels 行政诉讼（未经复议直接起诉） / 行政诉讼（复议后起诉）.
""", '207/207 cells right (kept as a guard).')

    # E: 2019, table 二 split per item; 总计 first and 小计 last under the band; 1、 numbering; 四 as header + body.
    rep = Report(505, 2019)
    cols = ["total", "natural_person"] + LEGAL + ["legal_person_subtotal"]
    write("2019-split-items",
          page("示例市市场监督管理局", 2020, proactive_split(rep, commas=True),
               applications(rep, cols, numbering="dun"), review_header_body(rep), 2019),
          rep.gold(subtotal=True), """
- table 二 (ogi-2019) as one `<table>` per 第二十条 item (（一）（五）（六）（八）（九）) with the item title
  a paragraph above each; negative 本年增/减; grouping commas; 采购总金额（单位：万元）;
- table 三 (ogi-2019) with 总计 first and a 小计 column last under the 法人或其他组织 band;
- table 四 in the official one-row layout cut into two tables: the three header rows in one
  `<table>`, the row of 15 numbers in a second one right below it.
""", "221/221 cells right (kept as a guard; the HTML extractor joins the header table of table 四 to its body, the mapper's own handling of a separate body table is unit-tested in tests/mapper_test.cc).")

    # F: 2019 with group labels merged and no band, table 二 in one table, table 四 as two tables.
    rep = Report(606, 2019)
    write("2019-merged-labels",
          page("示例县教育局", 2019, proactive_one_table(rep),
               applications(rep, STD, band=False, groups="merged", numbering="dot"), review_two_tables(rep), 2019),
          rep.gold(), """
- table 二 (ogi-2019) as one table with every item (title rows and per-item header rows inside);
- table 三 (ogi-2019) with merged group labels, the single （六）其他处理 row, one header row with
  no band;
- table 四 as two tables of different widths: 行政复议 (title, 5 column headers, 5 values) and
  行政诉讼 (title, 未经复议直接起诉 | 复议后起诉, 10 column headers, 10 values).
""", '183/198 cells right; table 四 as two tables of different widths gave nothing (15 cells missing).')

    # G: 2021 with a narrative table in 一、总体情况, table 三 split in two <table>s, table 四 by result.
    rep = Report(707, 2021)
    write("2021-narrative-split",
          page("示例市卫生健康委员会", 2024, proactive_split(rep, commas=True),
               split_applications(applications(rep, STD, groups="own_rows", numbering="dot")),
               review_by_result(rep), 2021, overview_html=para("近两年主动公开情况对比如下：") + narrative_table(rep, 2024)),
          rep.gold(), """
- a narrative table in 一、总体情况 (类别 | 2023 | 2024; 规章 | 5 | 7; 行政规范性文件; 行政许可) whose
  header row is bare year numbers and whose row labels are profile row labels: none of its numbers
  may become a profile cell (nor may a year), and it must not hide the real table 二 rows;
- table 三 cut in two `<table>`s with a 续表 paragraph between (the second part repeats no
  header), group labels as rows of their own;
- table 四 with the five results as rows and 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉) as
  columns.
""", "171/200 cells right; the narrative table's 规章/行政规范性文件/行政许可 rows (a shape failure each) hid the real table 二 rows (7 cells missing), 3.其他 below its group row matched nothing, and table 四 by result gave nothing (15 cells missing), its 总计 row being taken for table 三's （七）总计.")

    # H: 2021, group rows carrying subtotals, a blank 3.其他 row under a group row of its own,
    # table 四 in one row with a row label, full-width digits with full-width grouping commas.
    rep = Report(808, 2021, scale=40)
    rep.blank_row("applications", "other.other", STD)
    subtotal_row = {("applications", "other", c): sum(rep.apps[(f"other.{x}", c)] for x in OTHER[:2]) for c in STD}
    write("2021-group-subtotals",
          page("示例市住房和城乡建设局", 2023, proactive_split(rep, commas="full"),
               applications(rep, STD, groups="own_rows", numbering="dot", subtotals=True, digits="full", commas="full"),
               review_one_row(rep, row_label="件数"), 2021),
          rep.gold(extra=subtotal_row), """
- table 三 with group rows that carry the subtotals of their sub-rows (（三）不予公开 with the sums
  of 1.–8. in every column) instead of empty cells: （三）（四）（五） match no profile row (a warning each), （六）其他处理 is
  kept as the extra row `other` (the spec: a row beyond the profile is kept, never dropped) while
  its sub-rows are other.no_correction / other.unpaid_fee / other.other;
- 3.其他 wholly blank under that group row: still other.other (blank), not a header row;
- values in full-width digits with full-width grouping commas (４８，２１３) in tables 二 and 三;
- table 四 in the official one-row layout with a label column (项目 over 件数) left of the 15 values.
""", '137/207 cells right; full-width grouping commas made numbers text (tables 二 and 三), 3.其他 left blank became a header row (other.other, total_processed and carried_forward missing), and table 四 with a row label gave nothing.')

    # I: 2021, table 三 published as a header-only <table> over its body <table> (rowspan 3 colspan 3
    # corner, colspan 7 申请人情况), blanks and / in the first value columns; table 二 split per item.
    rep = Report(909, 2021)
    for row, col, status, text in [("new_received", "natural_person", "blank", ""),
                                   ("granted", "natural_person", "na", "/"),
                                   ("granted", "commercial", "blank", ""),
                                   ("denied.state_secret", "natural_person", "blank", ""),
                                   ("denied.state_secret", "commercial", "na", "/"),
                                   ("unavailable.not_held", "natural_person", "na", "/"),
                                   ("other.unpaid_fee", "natural_person", "blank", ""),
                                   ("other.unpaid_fee", "commercial", "blank", "")]:
        rep.set_cell("applications", row, col, status, text)
    write("2021-split-header",
          page("示例市生态环境局", 2023, proactive_split(rep),
               split_header(applications(rep, STD, numbering="dun")), review_one_row(rep), 2021),
          rep.gold(), """
- table 三 as two `<table>`s: the three header rows alone (a `rowspan=3 colspan=3` corner and a
  `colspan=7` 申请人情况 cell over 自然人 | 法人或其他组织 (colspan 5) | 总计 and the five 法人 columns),
  the 10-column body in the next `<table>`; the header table is 10 columns wide by its spans
  (the corner's rowspan holds columns 1–3 in rows 2 and 3), not 7 by its busiest row's cell count;
- blanks and `/` in the first value columns (自然人, 商业企业): never 0, never shifted.
""", "128/200 cells right; the header table's width was taken as 7 (its busiest row's cell count + the corner), 申请人情况's colspan 7 clamped to 4 and 法人或其他组织's 5 cut to 3, so 法律服务机构, 其他 and 总计 were read one column off: 72 cells wrong, all of them wrong numbers, with only a span_clamped warning.", code="the HTML width fix made with this fixture (commit e27b5ef)")

    # J: the same layout in 2019 with a <colgroup> of 10 columns in both tables.
    rep = Report(919, 2019)
    for row, col, status, text in [("new_received", "natural_person", "na", "/"),
                                   ("carried_over", "natural_person", "blank", ""),
                                   ("partially_granted", "natural_person", "blank", ""),
                                   ("partially_granted", "commercial", "na", "/"),
                                   ("not_processed.petition_complaint", "natural_person", "blank", "")]:
        rep.set_cell("applications", row, col, status, text)
    write("2019-split-header-colgroup",
          page("示例县水利局", 2020, proactive_one_table(rep),
               split_header(applications(rep, STD, numbering="dot"), colgroup=10), review_header_body(rep), 2019),
          rep.gold(), """
- table 三 (ogi-2019) as a header-only `<table>` over its body `<table>`, both with a
  `<colgroup>` of ten `<col>`s: the width is the colgroup's and the spans', never the cell count;
- blanks and `/` in the first value columns; table 四 as a header table over its body.
""", "130/198 cells right: the same clamped header as variant-2021-split-header, 68 wrong numbers.", code="the HTML width fix made with this fixture (commit e27b5ef)")


if __name__ == "__main__":
    main()

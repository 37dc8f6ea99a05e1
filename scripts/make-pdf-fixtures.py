#!/usr/bin/env python3
"""Writes the HTML sources of the rendered PDF fixtures (fixtures/src/pdf-*.html) and their gold
(fixtures/pdf-*/gold.tsv), from numbers chosen here that satisfy every sum rule:

  pdf-ruled-2021    ogi-2021, bordered tables; table 三 long enough to run over a page break, with
                    a repeated <thead> header, a vertical group label written one character per
                    line, and a narrow 总计 column in which a three-digit total wraps (290 → 29 / 0).
  pdf-unruled-2019  ogi-2019, tables without any border (grid only from text alignment); group
                    labels spanning rows, wrapped labels, a negative 本年增/减, an na cell.
  pdf-ruled-rowsplit-2021    pdf-ruled-2021 moved down by one paragraph: the page break cuts the row
                             2.重复申请 in two (its total 29 / 0 on two pages).
  pdf-unruled-headsplit-2019 pdf-unruled-2019 moved down by four paragraphs: the page break falls
                             inside the review table's header, its leaf headers and value row on
                             the next page.
  pdf-legacy-2014table  ogi-legacy: a report on 2008–2018 with the State Council's nine-group
                        indicator table of 2014–2018 (unit column, 本年度/历年累计 columns, group
                        rows without numbers, money in 元, a blank and an na cell, a row no
                        indicator names, wrapped labels) running over a page break, drawn by
                        scripts/sweep.py's legacy generator (one fixed seed, its features forced).

scripts/make-pdf-fixtures renders them with LibreOffice. Deterministic: same bytes every run."""
import importlib.util
import os
import random
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
DENIED = ["state_secret", "prohibited_by_law", "security_stability", "third_party_rights", "internal_affairs",
          "process_information", "enforcement_case_file", "administrative_query"]
DENIED_LABELS = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                 "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
UNAVAIL = ["not_held", "needs_creation", "unclear_after_correction"]
UNAVAIL_LABELS = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOTPROC = ["petition_complaint", "duplicate", "publication", "vexatious", "confirm_or_reissue"]
NOTPROC_LABELS = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                  "5.要求行政机关确认或重新出具已获取信息"]
OTHER_2021 = ["no_correction", "unpaid_fee", "other"]
OTHER_2021_LABELS = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]


def result_rows(profile):
    rows = ["granted", "partially_granted"] + [f"denied.{x}" for x in DENIED] + \
           [f"unavailable.{x}" for x in UNAVAIL] + [f"not_processed.{x}" for x in NOTPROC]
    rows += [f"other.{x}" for x in OTHER_2021] if profile == "ogi-2021" else ["other"]
    return rows


def application_values(rng, profile, big_total_row=None):
    rows = result_rows(profile)
    vals = {}
    for c in COLS:
        scale = {"natural_person": 60, "commercial": 9}.get(c, 3)
        for r in rows:
            vals[(r, c)] = rng.randint(0, scale) if rng.random() < 0.6 else 0
    if big_total_row:
        # A row whose total needs three digits (it wraps in the narrow 总计 column): 290.
        r = big_total_row
        for c in COLS:
            vals[(r, c)] = 0
        vals[(r, "natural_person")] = 251
        vals[(r, "commercial")] = 39
    for c in COLS:
        tp = sum(vals[(r, c)] for r in rows)
        vals[("total_processed", c)] = tp
        vals[("carried_forward", c)] = rng.randint(0, 4)
        vals[("carried_over", c)] = rng.randint(0, 3)
        vals[("new_received", c)] = tp + vals[("carried_forward", c)] - vals[("carried_over", c)]
        if vals[("new_received", c)] < 0:
            vals[("carried_over", c)] += vals[("new_received", c)]
            vals[("new_received", c)] = 0
    for r in ["new_received", "carried_over"] + rows + ["total_processed", "carried_forward"]:
        vals[(r, "total")] = sum(vals[(r, c)] for c in COLS)
    return vals


PARAS = [
    "（一）主动公开情况。本年度通过政府门户网站主动公开政府信息 1,326 条，其中政策文件 86 条、政策解读 41 条，"
    "及时回应社会关切，持续推进决策、执行、管理、服务、结果公开。",
    "（二）依申请公开情况。进一步规范依申请公开的受理、办理、答复流程，全年办理的申请均在法定期限内答复，"
    "未发生因答复不规范引起的行政复议和行政诉讼纠错。",
    "（三）政府信息管理情况。严格执行信息发布审核制度，落实“先审后发”要求，定期开展已公开信息的清理与评估，"
    "对不再适用的信息及时调整公开属性。",
    "（四）政府信息公开平台建设情况。优化政府网站政务公开专栏，完善政策文件库，提升检索便利度；"
    "加强政务新媒体管理，做到内容及时更新、互动及时回应。",
    "（五）监督保障情况。将政务公开工作纳入年度绩效考核，组织业务培训 3 次，开展专项检查 2 次，"
    "对发现的问题督促整改到位。",
]


# A paragraph that only moves the tables down the pages, so a page break falls inside a table.
FILLER = ("（补充）为便于检验分页，此处加入一段说明文字，内容与统计数据无关，仅用于改变表格在页面中的位置，"
          "使表格在不同的位置被分页截断。")


def page_head(title_lines):
    out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title>" + "".join(title_lines) + "</title>",
           "<style>body { font-family: 'Noto Serif CJK SC'; font-size: 12pt; } "
           "p { margin: 0 0 4pt 0; text-indent: 2em; } td, th { font-size: 10pt; } "
           "h1 { font-size: 18pt; text-align: center; } h2 { font-size: 14pt; }</style></head><body>"]
    for t in title_lines:
        out.append(f"<h1>{t}</h1>")
    return out


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def ruled_2021(name="pdf-ruled-2021", fillers=0):
    rng = random.Random(4021)
    prof = "ogi-2021"
    vals = application_values(rng, prof, big_total_row="not_processed.duplicate")
    proactive = {("rules", "issued"): 2, ("rules", "repealed"): 0, ("rules", "in_force"): 17,
                 ("normative_documents", "issued"): 12, ("normative_documents", "repealed"): 3,
                 ("normative_documents", "in_force"): 58,
                 ("administrative_license", "decisions"): 21534, ("administrative_penalty", "decisions"): 1877,
                 ("administrative_coercion", "decisions"): 64, ("administrative_fees", "fee_amount"): "312.75"}
    review = [[4, 1, 2, 1], [2, 0, 1, 1], [1, 0, 0, 0]]
    review = [v + [sum(v)] for v in review]

    h = page_head(["某市某区人民政府", "2022年政府信息公开工作年度报告"])
    h.append("<p>本报告依据《中华人民共和国政府信息公开条例》编制，报告中所列数据的统计期限自 2022 年 1 月 1 日起至 "
             "2022 年 12 月 31 日止。本报告电子版可在区人民政府门户网站下载，如对本报告有疑问，请与区政府办公室联系。</p>")
    h.append("<h2>一、总体情况</h2>")
    for p in PARAS + PARAS + PARAS[:2] + [FILLER] * fillers:
        h.append(f"<p>{p}</p>")
    h.append("<h2>二、主动公开政府信息情况</h2>")
    t = ['<table border="1" cellspacing="0" cellpadding="4" width="100%">']

    def band(text):
        t.append(f'<tr><td colspan="4" align="center">{text}</td></tr>')

    band("第二十条第（一）项")
    t.append("<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>")
    for code, label in [("rules", "规章"), ("normative_documents", "行政规范性文件")]:
        t.append(f"<tr><td>{label}</td>" + "".join(
            f"<td align=\"center\">{proactive[(code, c)]}</td>" for c in ["issued", "repealed", "in_force"]) + "</tr>")
    for item, rows in [("第二十条第（五）项", [("administrative_license", "行政许可")]),
                       ("第二十条第（六）项", [("administrative_penalty", "行政处罚"), ("administrative_coercion", "行政强制")])]:
        band(item)
        t.append('<tr><td>信息内容</td><td colspan="3" align="center">本年处理决定数量</td></tr>')
        for code, label in rows:
            t.append(f'<tr><td>{label}</td><td colspan="3" align="center">{proactive[(code, "decisions")]}</td></tr>')
    band("第二十条第（八）项")
    t.append('<tr><td>信息内容</td><td colspan="3" align="center">本年收费金额（单位：万元）</td></tr>')
    t.append(f'<tr><td>行政事业性收费</td><td colspan="3" align="center">{proactive[("administrative_fees", "fee_amount")]}</td></tr>')
    t.append("</table>")
    h += t

    h.append("<h2>三、收到和处理政府信息公开申请情况</h2>")
    a = ['<table border="1" cellspacing="0" cellpadding="3" width="100%">', "<thead>",
         '<tr><td colspan="3" rowspan="3" width="46%">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
         '<td colspan="7" align="center">申请人情况</td></tr>',
         '<tr><td rowspan="2" align="center">自然人</td><td colspan="5" align="center">法人或其他组织</td>'
         '<td rowspan="2" align="center" width="3%">总计</td></tr>',
         "<tr>" + "".join(f'<td align="center">{x}</td>' for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>",
         "</thead><tbody>"]

    def nums(r):
        # LibreOffice's HTML import widens a column to its widest word, so the wrap of a three-digit
        # total in a narrow 总计 column (29 / 0) is written as the line break it produces.
        cells = [str(vals[(r, c)]) for c in COLS + ["total"]]
        if len(cells[-1]) == 3:
            cells[-1] = cells[-1][:2] + "<br>" + cells[-1][2:]
        return "".join(f'<td align="center">{x}</td>' for x in cells)

    a.append(f'<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{nums("new_received")}</tr>')
    a.append(f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{nums("carried_over")}</tr>')
    rows = result_rows(prof)
    vertical = "<br>".join(["三、"] + list("本年度办理结果"))  # one character per line
    n_result = len(rows) + 1  # + （七）总计
    a.append(f'<tr><td rowspan="{n_result}" width="5%" align="center">{vertical}</td>'
             f'<td colspan="2">（一）予以公开</td>{nums("granted")}</tr>')
    a.append(f'<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>{nums("partially_granted")}</tr>')
    for group, codes, labels in [("（三）不予公开", [f"denied.{x}" for x in DENIED], DENIED_LABELS),
                                 ("（四）无法提供", [f"unavailable.{x}" for x in UNAVAIL], UNAVAIL_LABELS),
                                 ("（五）不予处理", [f"not_processed.{x}" for x in NOTPROC], NOTPROC_LABELS),
                                 ("（六）其他处理", [f"other.{x}" for x in OTHER_2021], OTHER_2021_LABELS)]:
        for k, (code, label) in enumerate(zip(codes, labels)):
            lead = f'<td rowspan="{len(codes)}" width="10%">{group}</td>' if k == 0 else ""
            a.append(f"<tr>{lead}<td>{label}</td>{nums(code)}</tr>")
    a.append(f'<tr><td colspan="2">（七）总计</td>{nums("total_processed")}</tr>')
    a.append(f'<tr><td colspan="3">四、结转下年度继续办理</td>{nums("carried_forward")}</tr>')
    a.append("</tbody></table>")
    h += a

    h.append("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>")
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    r = ['<table border="1" cellspacing="0" cellpadding="2" width="100%">',
         '<tr><td colspan="5" rowspan="2" align="center">行政复议</td><td colspan="10" align="center">行政诉讼</td></tr>',
         '<tr><td colspan="5" align="center">未经复议直接起诉</td><td colspan="5" align="center">复议后起诉</td></tr>',
         "<tr>" + "".join(f'<td align="center">{x}</td>' for x in heads * 3) + "</tr>",
         "<tr>" + "".join(f'<td align="center">{x}</td>' for v in review for x in v) + "</tr>", "</table>"]
    h += r
    h.append("<h2>五、存在的主要问题及改进情况</h2>")
    h.append("<p>一是政策解读的形式还不够丰富；二是基层政务公开标准化规范化水平有待提升。下一步，将围绕群众关切"
             "加强解读回应，推动基层政务公开提质增效。</p>")
    h.append("<h2>六、其他需要报告的事项</h2>")
    h.append("<p>本年度未收取信息处理费。</p>")
    h.append("</body></html>")
    write(os.path.join(ROOT, "src", name + ".html"), "\n".join(h) + "\n")

    gold = ["table\trow\tcol\tstatus\tvalue"]
    for (code, col), v in proactive.items():
        gold.append(f"proactive\t{code}\t{col}\tnumber\t{v}")
    for rr in ["new_received", "carried_over"] + rows + ["total_processed", "carried_forward"]:
        for c in COLS + ["total"]:
            gold.append(f"applications\t{rr}\t{c}\tnumber\t{vals[(rr, c)]}")
    for code, v in zip(["administrative_review", "litigation_direct", "litigation_after_review"], review):
        for c, x in zip(["upheld", "corrected", "other_result", "pending", "total"], v):
            gold.append(f"review_litigation\t{code}\t{c}\tnumber\t{x}")
    write(os.path.join(ROOT, name, "gold.tsv"), "\n".join(gold) + "\n")


def unruled_2019(name="pdf-unruled-2019", fillers=0):
    rng = random.Random(2019)
    prof = "ogi-2019"
    vals = application_values(rng, prof)
    review = [[1, 0, 1, 0], [0, 1, 0, 1], [0, 0, 0, 0]]
    review = [v + [sum(v)] for v in review]

    h = page_head(["某县人民政府办公室", "2019年政府信息公开工作年度报告"])
    h.append("<p>本年度报告根据《中华人民共和国政府信息公开条例》要求编制，统计期限自 2019 年 1 月 1 日起至 "
             "2019 年 12 月 31 日止。</p>")
    h.append("<h2>一、总体情况</h2>")
    for p in PARAS + [FILLER] * fillers:
        h.append(f"<p>{p}</p>")
    h.append("<h2>二、主动公开政府信息情况</h2>")
    # 2019 proactive blocks as separate borderless tables, one per 第二十条 item.
    blocks = [
        ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
         [("rules", "规章", ["new_made", "new_published", "total_published"], [1, 1, 9]),
          ("normative_documents", "规范性文件", ["new_made", "new_published", "total_published"], [14, 14, 121])]),
        ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("administrative_license", "行政许可", ["previous_year_items", "change", "decisions"], [312, -7, 10456]),
          ("other_external_services", "其他对外管理服务事项", ["previous_year_items", "change", "decisions"], [48, 3, 977])]),
        ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("administrative_penalty", "行政处罚", ["previous_year_items", "change", "decisions"], [236, 0, 1504]),
          ("administrative_coercion", "行政强制", ["previous_year_items", "change", "decisions"], [19, "/", 88])]),
        ("第二十条第（八）项", ["上一年项目数量", "本年增/减"],
         [("administrative_fees", "行政事业性收费", ["previous_year_items", "change"], [22, -2])]),
        ("第二十条第（九）项", ["采购项目数量", "采购总金额"],
         [("government_procurement", "政府集中采购", ["procurement_items", "procurement_amount"], [57, "1864.35"])]),
    ]
    gold = ["table\trow\tcol\tstatus\tvalue"]
    for item, heads, rows in blocks:
        h.append(f"<p>{item}</p>")
        t = ['<table border="0" cellspacing="0" cellpadding="3" width="100%">',
             "<tr><td width=\"34%\">信息内容</td>" + "".join(f'<td align="center">{x}</td>' for x in heads) + "</tr>"]
        for code, label, cols, v in rows:
            t.append(f"<tr><td>{label}</td>" + "".join(f'<td align="center">{x}</td>' for x in v) + "</tr>")
            for c, x in zip(cols, v):
                gold.append(f"proactive\t{code}\t{c}\tna\t" if x == "/" else f"proactive\t{code}\t{c}\tnumber\t{x}")
        t.append("</table>")
        h += t

    h.append("<h2>三、收到和处理政府信息公开申请情况</h2>")
    a = ['<table border="0" cellspacing="0" cellpadding="2" width="100%">',
         '<tr><td colspan="3" rowspan="3" width="44%">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
         '<td colspan="7" align="center">申请人情况</td></tr>',
         '<tr><td rowspan="2" align="center">自然人</td><td colspan="5" align="center">法人或其他组织</td>'
         '<td rowspan="2" align="center">总计</td></tr>',
         "<tr>" + "".join(f'<td align="center">{x}</td>' for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>"]

    def nums(r):
        return "".join(f'<td align="center">{vals[(r, c)]}</td>' for c in COLS + ["total"])

    a.append(f'<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{nums("new_received")}</tr>')
    a.append(f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{nums("carried_over")}</tr>')
    rows = result_rows(prof)
    n_result = len(rows) + 1
    a.append(f'<tr><td rowspan="{n_result}" width="5%">三、<br>本<br>年<br>度<br>办<br>理<br>结<br>果</td>'
             f'<td colspan="2">（一）予以公开</td>{nums("granted")}</tr>')
    a.append(f'<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>{nums("partially_granted")}</tr>')
    for group, codes, labels in [("（三）不予公开", [f"denied.{x}" for x in DENIED], DENIED_LABELS),
                                 ("（四）无法提供", [f"unavailable.{x}" for x in UNAVAIL], UNAVAIL_LABELS),
                                 ("（五）不予处理", [f"not_processed.{x}" for x in NOTPROC], NOTPROC_LABELS)]:
        for k, (code, label) in enumerate(zip(codes, labels)):
            lead = f'<td rowspan="{len(codes)}" width="9%">{group}</td>' if k == 0 else ""
            a.append(f"<tr>{lead}<td>{label}</td>{nums(code)}</tr>")
    a.append(f'<tr><td colspan="2">（六）其他处理</td>{nums("other")}</tr>')
    a.append(f'<tr><td colspan="2">（七）总计</td>{nums("total_processed")}</tr>')
    a.append(f'<tr><td colspan="3">四、结转下年度继续办理</td>{nums("carried_forward")}</tr>')
    a.append("</table>")
    h += a

    h.append("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>")
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    h += ['<table border="0" cellspacing="0" cellpadding="2" width="100%">',
          '<tr><td colspan="5" align="center">行政复议</td><td colspan="10" align="center">行政诉讼</td></tr>',
          '<tr><td colspan="5"></td><td colspan="5" align="center">未经复议直接起诉</td><td colspan="5" align="center">复议后起诉</td></tr>',
          "<tr>" + "".join(f'<td align="center">{x}</td>' for x in heads * 3) + "</tr>",
          "<tr>" + "".join(f'<td align="center">{x}</td>' for v in review for x in v) + "</tr>", "</table>"]
    h.append("<h2>五、存在的主要问题及改进情况</h2>")
    h.append("<p>政务公开的主动性还需增强，信息更新的及时性有待提高。下一步将加强培训，完善制度。</p>")
    h.append("<h2>六、其他需要报告的事项</h2>")
    h.append("<p>无。</p>")
    h.append("</body></html>")
    write(os.path.join(ROOT, "src", name + ".html"), "\n".join(h) + "\n")

    for rr in ["new_received", "carried_over"] + rows + ["total_processed", "carried_forward"]:
        for c in COLS + ["total"]:
            gold.append(f"applications\t{rr}\t{c}\tnumber\t{vals[(rr, c)]}")
    for code, v in zip(["administrative_review", "litigation_direct", "litigation_after_review"], review):
        for c, x in zip(["upheld", "corrected", "other_result", "pending", "total"], v):
            gold.append(f"review_litigation\t{code}\t{c}\tnumber\t{x}")
    write(os.path.join(ROOT, name, "gold.tsv"), "\n".join(gold) + "\n")


LEGACY_FIXTURE = {"era": "table2014", "unit_col": True, "periods": 2, "cur_head": "year", "cum_head": "历年累计",
                  "name_head": "指标名称", "unit_head": "计量单位", "group_rows": "empty", "numbering": "std",
                  "wording": "std", "money": "元", "units_in_cell": False, "digits": "ascii", "scale": 1,
                  "commas": "none", "zeros": 0.2, "blanks": 2, "extras": 1, "wrap_labels": True, "th": False,
                  "note": "none", "outline": "std", "annex": "fujian", "optional_sections": "consult",
                  "break_rule": None}


def load_sweep():
    """scripts/sweep.py as a module (its generator and HTML renderer)."""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("sweep", os.path.join(here, "sweep.py"))
    sweep = importlib.util.module_from_spec(spec)
    argv, sys.argv = sys.argv, sys.argv[:1]
    spec.loader.exec_module(sweep)
    sys.argv = argv
    return sweep


def legacy_2014table(name="pdf-legacy-2014table", seed=8):
    """A legacy report from the sweep's generator (scripts/sweep.py build_legacy), features forced."""
    sweep = load_sweep()
    f, _, doc, gold = sweep.build_legacy(seed, LEGACY_FIXTURE)
    write(os.path.join(ROOT, "src", name + ".html"), sweep.to_html(doc, f))
    write(os.path.join(ROOT, name, "gold.tsv"), "table\trow\tcol\tstatus\tvalue\n" +
          "".join(f"{t}\t{r}\t{c}\t{st}\t{v}\n" for (t, r, c), (st, v) in gold.items()))


def split_header(name, seed):
    """A 2019/2021 report of the sweep (seed `seed`) with table 三 as a header-only <table> over its
    body <table> (t3_split=header_body): LibreOffice lays the two out with column widths of their
    own, so in the PDF the header's column borders do not continue into the body."""
    sweep = load_sweep()
    f, _, doc, gold = sweep.build(seed, {"t3_split": "header_body"})
    write(os.path.join(ROOT, "src", name + ".html"), sweep.to_html(doc, f))
    write(os.path.join(ROOT, name, "gold.tsv"), "table\trow\tcol\tstatus\tvalue\n" +
          "".join(f"{t}\t{r}\t{c}\t{st}\t{v}\n" for (t, r, c), (st, v) in gold.items()))


if __name__ == "__main__":
    legacy_2014table()
    ruled_2021()
    unruled_2019()
    ruled_2021("pdf-ruled-rowsplit-2021", fillers=1)
    unruled_2019("pdf-unruled-headsplit-2019", fillers=4)
    split_header("pdf-split-header-2019", 100010)
    split_header("pdf-split-header-emptyrow-2019", 100026)

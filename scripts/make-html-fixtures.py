#!/usr/bin/env python3
"""Writes fixtures/html-2021-synthetic/{input.html,gold.tsv}: an invented 2021-format report saved
as a full agency page, the way the HTML extractor meets them in the wild — GBK bytes declared as
gb2312 with a GBK-only character (镕), site chrome around a container with no telling class name
(navigation, breadcrumbs, a sidebar whose links repeat the report headings, a share bar, footer),
Word-pasted markup (MsoNormal, <o:p>, mso styles, conditional comments, runs split over spans), an
applications table with the Word-skewed header seen on pingtan.gov.cn's 2021 report (自然人
colspan=2 over an empty leaf cell, 商业企业 colspan=2 under it, values in the leaf columns) that
is split into two <table>s at a page break, and a three-level review header. Every sum rule
holds. Deterministic: re-running gives the same bytes."""
import os
import random

rng = random.Random(2022)
root = os.path.join(os.path.dirname(__file__), "..", "fixtures", "html-2021-synthetic")
os.makedirs(root, exist_ok=True)

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
DENIED = ["state_secret", "prohibited_by_law", "security_stability", "third_party_rights", "internal_affairs",
          "process_information", "enforcement_case_file", "administrative_query"]
UNAVAILABLE = ["not_held", "needs_creation", "unclear_after_correction"]
NOT_PROCESSED = ["petition_complaint", "duplicate", "publication", "vexatious", "confirm_or_reissue"]
OTHER = ["no_correction", "unpaid_fee", "other"]
RESULT_ROWS = (["granted", "partially_granted"] + [f"denied.{x}" for x in DENIED] +
               [f"unavailable.{x}" for x in UNAVAILABLE] + [f"not_processed.{x}" for x in NOT_PROCESSED] +
               [f"other.{x}" for x in OTHER])
ALL_ROWS = ["new_received", "carried_over"] + RESULT_ROWS + ["total_processed", "carried_forward"]

vals = {}
for c in COLS:
    scale = {"natural_person": 30, "commercial": 9}.get(c, 4)
    for r in RESULT_ROWS:
        vals[(r, c)] = rng.randint(1, scale) if rng.random() < 0.5 else 0
    tp = sum(vals[(r, c)] for r in RESULT_ROWS)
    vals[("total_processed", c)] = tp
    vals[("carried_forward", c)] = rng.randint(0, 3)
    vals[("carried_over", c)] = min(rng.randint(0, 2), tp + vals[("carried_forward", c)])
    vals[("new_received", c)] = tp + vals[("carried_forward", c)] - vals[("carried_over", c)]
for r in ALL_ROWS:
    vals[(r, "total")] = sum(vals[(r, c)] for c in COLS)

review = [[4, 1, 2, 0], [3, 0, 1, 1]]
review = [v + [sum(v)] for v in review]

# --- markup helpers -----------------------------------------------------------------------------

TD_STYLE = ("width:39.5pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;"
            "padding:0cm 5.4pt 0cm 5.4pt")


def p(text, align="center"):
    return (f"<p class=MsoNormal align={align} style='text-align:{align};mso-line-height-rule:exactly'>"
            f"<span style='font-family:仿宋_GB2312;mso-hansi-font-family:Calibri'>{text}</span>"
            f"<span lang=EN-US style='font-size:12.0pt'><o:p></o:p></span></p>")


def td(text, colspan=1, rowspan=1, raw=False):
    attrs = ""
    if colspan > 1:
        attrs += f" colspan={colspan}"
    if rowspan > 1:
        attrs += f" rowspan={rowspan}"
    body = text if raw else p(text)
    return f"<td width=52 valign=center{attrs} style='{TD_STYLE}'>{body}</td>"


def num(v):
    # Some numbers arrive split over two spans, as Word writes them after an edit.
    s = str(v)
    if len(s) >= 2 and rng.random() < 0.3:
        return p(f"{s[0]}</span><span style='font-family:仿宋_GB2312'>{s[1:]}")
    return p(s)


def value_cells(r):
    out = [td(num(vals[(r, "natural_person")]), raw=True),
           td(num(vals[(r, "commercial")]), colspan=2, raw=True)]  # the skew: values in leaf columns
    for c in ["research", "social_welfare", "legal_service", "other_org", "total"]:
        out.append(td(num(vals[(r, c)]), raw=True))
    return "".join(out)


def tr(cells):
    return f"<tr style='height:20.0pt'>{cells}</tr>\n"


TABLE_OPEN = ("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
              "style='border-collapse:collapse;mso-table-layout-alt:fixed;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"
              "<tbody>\n")
TABLE_CLOSE = "</tbody></table>\n"
PAGE_BREAK = ("<p class=MsoNormal><span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span></p>\n"
              "<span lang=EN-US style='font-size:10.5pt;mso-fareast-font-family:宋体'>"
              "<br clear=all style='page-break-before:always'></span>\n")

DENIED_LABELS = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                 "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
UNAVAILABLE_LABELS = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOT_PROCESSED_LABELS = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                        "5.要求行政机关确认或重新出具已获取信息"]
OTHER_LABELS = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]


def applications():
    h = TABLE_OPEN
    h += tr(td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3) +
            td("申请人情况", colspan=8))
    h += tr(td("自然人", colspan=2) + td("法人或其他组织", colspan=5) + td("总计", rowspan=2))
    h += tr(td(p("&nbsp;"), raw=True) + td(p("商业") + p("企业"), colspan=2, raw=True) + td("科研<br>机构") +
            td("社会公益组织") + td("法律服务机构") + td("其他"))
    h += tr(td("一、本年新收政府信息公开申请数量", colspan=3) + value_cells("new_received"))
    h += tr(td("二、上年结转政府信息公开申请数量", colspan=3) + value_cells("carried_over"))
    # Page 1 ends after 8.属于行政查询事项: the group label 三、本年度办理结果 is split in two.
    h += tr(td("三、本年度办理结果", rowspan=10) + td("（一）予以公开", colspan=2) + value_cells("granted"))
    h += tr(td(p("（二）部分公开（区分处理的，只计这一情形，") + p("不计其他情形）"), colspan=2, raw=True) +
            value_cells("partially_granted"))
    for i, (code, label) in enumerate(zip(DENIED, DENIED_LABELS)):
        first = td("（三）不予公开", rowspan=8) if i == 0 else ""
        h += tr(first + td(label) + value_cells(f"denied.{code}"))
    h += TABLE_CLOSE + PAGE_BREAK + TABLE_OPEN
    groups = [("（四）无法提供", "unavailable", UNAVAILABLE, UNAVAILABLE_LABELS),
              ("（五）不予处理", "not_processed", NOT_PROCESSED, NOT_PROCESSED_LABELS),
              ("（六）其他处理", "other", OTHER, OTHER_LABELS)]
    first_row = True
    for title, prefix, codes, labels in groups:
        for i, (code, label) in enumerate(zip(codes, labels)):
            cells = ""
            if first_row:
                cells += td("三、本年度办理结果", rowspan=12)
                first_row = False
            if i == 0:
                cells += td(title, rowspan=len(codes))
            h += tr(cells + td(label) + value_cells(f"{prefix}.{code}"))
    h += tr(td("（七）总计", colspan=2) + value_cells("total_processed"))
    h += tr(td("四、结转下年度继续办理", colspan=3) + value_cells("carried_forward"))
    return h + TABLE_CLOSE


def proactive():
    h = TABLE_OPEN
    h += tr(td("第二十条第（一）项", colspan=4))
    h += tr(td("信息内容") + td("本年制发件数") + td("本年废止件数") + td("现行有效件数"))
    h += tr(td("规章", raw=False) + td("2") + td("0") + td("15"))
    h += tr(td("行政规范性文件") + td("23") + td("4") + td("187"))
    for item, label, rows in [("（五）", "本年处理决定数量", [("行政许可", "1,526")]),
                              ("（六）", "本年处理决定数量", [("行政处罚", "318"), ("行政强制", "/")]),
                              ("（八）", "本年收费金额（单位：万元）", [("行政事业性收费", "36.75")])]:
        h += tr(td(f"第二十条第{item}项", colspan=4))
        h += tr(td("信息内容") + td(label, colspan=3))
        for name, v in rows:
            h += tr(td(name) + td(v, colspan=3))
    return h + TABLE_CLOSE


def review_table():
    h = TABLE_OPEN
    h += tr(td("行政复议", colspan=5) + td("行政诉讼", colspan=10))
    h += tr("".join(td(x, rowspan=2) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]) +
            td("未经复议直接起诉", colspan=5) + td("复议后起诉", colspan=5))
    h += tr("".join(td(x) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2))
    cells = "".join(td(str(v)) for row in review for v in row)
    cells += "".join(td("&nbsp;") for _ in range(5))  # 复议后起诉 left blank by the agency
    h += tr(cells)
    return h + TABLE_CLOSE


def para(text):
    return (f"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly'>"
            f"<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{text}</span>"
            f"<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>\n")


def heading(text):
    return (f"<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-size:16.0pt;"
            f"font-family:黑体'>{text}<o:p></o:p></span></b></p>\n")


body = ""
body += (f"<p class=MsoNormal align=center style='text-align:center'><span style='font-size:22.0pt;"
         f"font-family:方正小标宋简体'>示例市生态环境局</span></p>\n"
         f"<p class=MsoNormal align=center style='text-align:center'><span style='font-size:22.0pt;"
         f"font-family:方正小标宋简体'>2021年政府信息公开工作年度报告</span></p>\n")
body += para("本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2021年1月1日起至2021年12月31日止。")
body += heading("一、总体情况")
body += para("2021年，我局按照朱镕基同志曾经倡导的“公开透明”要求，扎实推进政务公开。")
body += ("<p class=MsoListParagraph style='margin-left:21.0pt;text-indent:-21.0pt;mso-list:l0 level1 lfo1'>"
         "<![if !supportLists]><span lang=EN-US>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;</span>"
         "</span><![endif]><span style='font-family:仿宋_GB2312'>主动公开工作</span><o:p></o:p></p>\n")
body += "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings>一、总体情况</o:OfficeDocumentSettings></xml><![endif]-->\n"
body += para("全年主动公开政府信息<span style='mso-spacerun:yes'>&nbsp;</span>1,024<span>条</span>。")
body += heading("二、主动公开政府信息情况")
body += proactive()
body += heading("三、收到和处理政府信息公开申请情况")
body += applications()
body += heading("四、政府信息公开行政复议、行政诉讼情况")
body += review_table()
body += heading("五、存在的主要问题及改进情况")
body += para("一是公开的及时性有待提高；二是政策解读形式较为单一。")
body += heading("六、其他需要报告的事项")
body += para("本年度未收取信息处理费。")
body += "<p class=MsoNormal align=right style='text-align:right'><span>示例市生态环境局</span></p>\n"
body += "<p class=MsoNormal align=right style='text-align:right'><span>2022年1月28日</span></p>\n"

chrome_top = """<div class="top"><div class="wrap"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> |
<a href="/bsfw/">办事服务</a> | <a href="/hdjl/">互动交流</a></div></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="main clearfix">
<div class="left-column"><h3>相关文章</h3><ul>
<li><a href="/a1.html">一、总体情况</a></li><li><a href="/a2.html">二、主动公开政府信息情况</a></li>
<li><a href="/a3.html">示例市生态环境局2020年政府信息公开工作年度报告</a></li></ul>
<table class="mini"><tr><td><a href="/rss">订阅</a></td><td>2022</td></tr></table></div>
<div class="right-column">
<h1 class="title">示例市生态环境局2021年政府信息公开工作年度报告</h1>
<div class="info"><span>发布时间：2022-01-28 09:30</span> <span>来源：示例市生态环境局</span>
<span class="font">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="x-box">
"""
chrome_bottom = """</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="prev-next"><p>上一篇：<a href="/p.html">关于开展某项工作的通知</a></p></div>
</div></div>
<div class="foot">主办单位：示例市人民政府办公室 地址：示例市人民路1号 网站标识码：0000000000</div>
<script type="text/javascript">var title = "一、总体情况";</script>
"""

html = ("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html>\n<head>\n"
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\n"
        "<title>示例市生态环境局2021年政府信息公开工作年度报告_示例市人民政府</title>\n"
        "<style>p.MsoNormal {margin:0cm; font-size:10.5pt;}</style>\n</head>\n<body>\n" +
        chrome_top + body + chrome_bottom + "</body>\n</html>\n")

with open(os.path.join(root, "input.html"), "wb") as f:
    f.write(html.encode("gbk"))

gold = ["table\trow\tcol\tstatus\tvalue"]
gold += ["proactive\trules\tissued\tnumber\t2", "proactive\trules\trepealed\tnumber\t0",
         "proactive\trules\tin_force\tnumber\t15", "proactive\tnormative_documents\tissued\tnumber\t23",
         "proactive\tnormative_documents\trepealed\tnumber\t4", "proactive\tnormative_documents\tin_force\tnumber\t187",
         "proactive\tadministrative_license\tdecisions\tnumber\t1526",
         "proactive\tadministrative_penalty\tdecisions\tnumber\t318",
         "proactive\tadministrative_coercion\tdecisions\tna\t",
         "proactive\tadministrative_fees\tfee_amount\tnumber\t36.75"]
for r in ALL_ROWS:
    for c in COLS + ["total"]:
        gold.append(f"applications\t{r}\t{c}\tnumber\t{vals[(r, c)]}")
REVIEW_ROWS = ["administrative_review", "litigation_direct", "litigation_after_review"]
REVIEW_COLS = ["upheld", "corrected", "other_result", "pending", "total"]
for i, r in enumerate(REVIEW_ROWS):
    for j, c in enumerate(REVIEW_COLS):
        if i < len(review):
            gold.append(f"review_litigation\t{r}\t{c}\tnumber\t{review[i][j]}")
        else:
            gold.append(f"review_litigation\t{r}\t{c}\tblank\t")
with open(os.path.join(root, "gold.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(gold) + "\n")

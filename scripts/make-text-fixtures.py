#!/usr/bin/env python3
"""Writes fixtures/text-2021-synthetic/{input.txt,gold.tsv}: a 2021-format report in the seed's
messy Word-copy form (ragged tab rows, group labels written once, a label wrapped onto a tab-less
line, a header word broken across lines, full-width digits, grouping commas, an na cell) with
non-zero numbers that satisfy every sum rule. Deterministic: re-running gives the same bytes."""
import os
import random

rng = random.Random(2021)
root = os.path.join(os.path.dirname(__file__), "..", "fixtures", "text-2021-synthetic")
os.makedirs(root, exist_ok=True)

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
RESULT_ROWS = ["granted", "partially_granted"] + [f"denied.{x}" for x in [
    "state_secret", "prohibited_by_law", "security_stability", "third_party_rights", "internal_affairs",
    "process_information", "enforcement_case_file", "administrative_query"]] + [
    "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear_after_correction"] + [
    f"not_processed.{x}" for x in ["petition_complaint", "duplicate", "publication", "vexatious", "confirm_or_reissue"]] + [
    "other.no_correction", "other.unpaid_fee", "other.other"]

vals = {}
for c in COLS:
    scale = {"natural_person": 40, "commercial": 8}.get(c, 3)
    for r in RESULT_ROWS:
        vals[(r, c)] = rng.randint(0, scale) if rng.random() < 0.6 else 0
    tp = sum(vals[(r, c)] for r in RESULT_ROWS)
    vals[("total_processed", c)] = tp
    vals[("carried_forward", c)] = rng.randint(0, 4)
    vals[("carried_over", c)] = rng.randint(0, 3)
    vals[("new_received", c)] = tp + vals[("carried_forward", c)] - vals[("carried_over", c)]
    if vals[("new_received", c)] < 0:
        vals[("carried_over", c)] += vals[("new_received", c)]
        vals[("new_received", c)] = 0
ALL_ROWS = ["new_received", "carried_over"] + RESULT_ROWS + ["total_processed", "carried_forward"]
for r in ALL_ROWS:
    vals[(r, "total")] = sum(vals[(r, c)] for c in COLS)

FW = str.maketrans("0123456789", "０１２３４５６７８９")


def row(r, fullwidth=False):
    out = []
    for c in COLS + ["total"]:
        s = str(vals[(r, c)])
        out.append(s.translate(FW) if fullwidth else s)
    return "\t".join(out)


review = [[3, 1, 0, 1], [2, 0, 1, 0], [0, 1, 0, 0]]
review = [v + [sum(v)] for v in review]

L = []
a = L.append
a("示例县市场监督管理局2022年政府信息公开工作年度报告")
a("")
a("本报告依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。")
a("")
a("一、总体情况")
a("")
a("2022年，我局坚持以公开为常态、不公开为例外，全年主动公开政府信息1,024条。")
a("(一) 主动公开")
a("通过门户网站公开行政许可、行政处罚等信息。")
a("")
a("二、主动公开政府信息情况")
a("")
a("第二十条第（一）项\t\t\t")
a("信息内容\t本年制发件数\t本年废止件数\t现行有效件数")
a("规章\t0\t0\t0")
a("行政规范性文件\t12\t3\t87")
a("第二十条第（五）项\t\t\t")
a("信息内容\t本年处理决定数量\t\t")
a("行政许可\t1,234\t\t")
a("第二十条第（六）项\t\t\t")
a("信息内容\t本年处理决定数量\t\t")
a("行政处罚\t356\t\t")
a("行政强制\t/\t\t")
a("第二十条第（八）项\t\t\t")
a("信息内容\t本年收费金额（单位：万元）\t\t")
a("行政事业性收费\t12.50\t\t")
a("")
a("三、收到和处理政府信息公开申请情况")
a("")
a("(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t申请人情况\t\t")
a("\t自然\t法人或其他组织\t总计")
a("")
a("\t\t人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t")
a("一、本年新收政府信息公开申请数量\t\t" + row("new_received") + "\t")
a("二、上年结转政府信息公开申请数量\t\t" + row("carried_over") + "\t")
a("三、本年度办理结果\t(一) 予以公开\t" + row("granted") + "\t")
a("\t(二) 部分公开(区分处理的,只计这一情形,不计其他情形)\t" + row("partially_granted", fullwidth=True) + "\t")
labels = {
    "denied.state_secret": "1.属于国家秘密", "denied.prohibited_by_law": "2.其他法律行政法规禁止公开",
    "denied.security_stability": "3.危及“三安全一稳定”", "denied.third_party_rights": "4.保护第三方合法权益",
    "denied.internal_affairs": "5.属于三类内部事务信息", "denied.process_information": "6.属于四类过程性信息",
    "denied.enforcement_case_file": "7.属于行政执法案卷", "denied.administrative_query": "8.属于行政查询事项",
    "unavailable.not_held": "1.本机关不掌握相关政府信息", "unavailable.needs_creation": "2.没有现成信息需要另行制作",
    "unavailable.unclear_after_correction": "3.补正后申请内容仍不明确",
    "not_processed.petition_complaint": "1.信访举报投诉类申请", "not_processed.duplicate": "2.重复申请",
    "not_processed.publication": "3.要求提供公开出版物", "not_processed.vexatious": "4.无正当理由大量反复申请",
    "other.no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other.other": "3.其他",
}
groups = {"denied": "(三) 不予公开", "unavailable": "(四) 无法提供", "not_processed": "(五) 不予处理", "other": "(六) 其他处理"}
seen = set()
for r in RESULT_ROWS[2:]:
    fam = r.split(".")[0]
    if r == "not_processed.confirm_or_reissue":
        # The label wraps: its first half on a tab line, the rest on a tab-less line of its own.
        a("\t\t5.要求行政机关确认或重新出具")
        a("已获取信息\t\t" + row(r) + "\t")
        continue
    lead = "\t" + groups[fam] if fam not in seen else "\t"
    seen.add(fam)
    a(lead + "\t" + labels[r] + "\t" + row(r))
a("(七) 总计\t" + row("total_processed") + "\t\t")
a("四、结转下年度继续办理\t\t" + row("carried_forward") + "\t")
a("")
a("四、政府信息公开行政复议、行政诉讼情况")
a("")
a("行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\t")
a("结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\t")
a("\t\t\t\t\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t")
a("\t".join(str(x) for v in review for x in v) + "\t")
a("")
a("五、存在的主要问题及改进情况")
a("")
a("一是依申请公开答复质量有待提高；二是政策解读形式较为单一。")
a("")
a("六、其他需要报告的事项")
a("")
a("本年度未收取信息处理费。")
with open(os.path.join(root, "input.txt"), "w", encoding="utf-8", newline="\r\n") as f:
    f.write("\n".join(L) + "\n")

gold = ["table\trow\tcol\tstatus\tvalue"]
for r, vs in [("rules", ["0", "0", "0"]), ("normative_documents", ["12", "3", "87"])]:
    for c, v in zip(["issued", "repealed", "in_force"], vs):
        gold.append(f"proactive\t{r}\t{c}\tnumber\t{v}")
gold.append("proactive\tadministrative_license\tdecisions\tnumber\t1234")
gold.append("proactive\tadministrative_penalty\tdecisions\tnumber\t356")
gold.append("proactive\tadministrative_coercion\tdecisions\tna\t")
gold.append("proactive\tadministrative_fees\tfee_amount\tnumber\t12.5")
for r in ALL_ROWS:
    for c in COLS + ["total"]:
        gold.append(f"applications\t{r}\t{c}\tnumber\t{vals[(r, c)]}")
for r, v in zip(["administrative_review", "litigation_direct", "litigation_after_review"], review):
    for c, x in zip(["upheld", "corrected", "other_result", "pending", "total"], v):
        gold.append(f"review_litigation\t{r}\t{c}\tnumber\t{x}")
with open(os.path.join(root, "gold.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(gold) + "\n")

#!/usr/bin/env python3
"""Writes Word .docx fixtures directly as WordprocessingML (python's zipfile; no Word, no
LibreOffice), deterministic: fixed member order and timestamps, so re-running gives the same bytes.

  fixtures/docx-numbered-2021/   an invented 2021 report laid out the way Word users build it:
      headings and table row labels numbered automatically (numbering.xml, one list through a
      paragraph style with basedOn, one through direct numPr), group labels merged vertically
      (vMerge), header bands merged across (gridSpan), a repeated header row (tblHeader), table 三
      split into two tables at a page break, a row indented with gridBefore, a legacy hMerge,
      a content control (w:sdt) around a table, tracked changes (a deleted number, an inserted
      one), hidden text, a field code, and a text box in mc:AlternateContent (both its choice and
      its fallback hold the same text).
  fixtures/bad/docx-*.docx      damaged and hostile containers (see fixtures/bad/NOTES.md).

usage: make-docx-fixtures.py [FIXTURES_DIR]"""
import importlib.util
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "fixtures")
spec = importlib.util.spec_from_file_location("variants", os.path.join(HERE, "make-variant-fixtures.py"))
V = importlib.util.module_from_spec(spec)
spec.loader.exec_module(V)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text, extra=""):
    return f'<w:r>{extra}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def para(text="", style=None, num=None, runs=None):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{runs if runs is not None else (run(text) if text else '')}</w:p>"


def tc(content="", span=1, vmerge=None, hmerge=None, paras=None):
    pr = ""
    if span > 1 or vmerge or hmerge:
        pr = "<w:tcPr>"
        if span > 1:
            pr += f'<w:gridSpan w:val="{span}"/>'
        if vmerge == "restart":
            pr += '<w:vMerge w:val="restart"/>'
        elif vmerge == "continue":
            pr += "<w:vMerge/>"
        if hmerge:
            pr += f'<w:hMerge w:val="{hmerge}"/>'
        pr += "</w:tcPr>"
    body = paras if paras is not None else para(content)
    return f"<w:tc>{pr}{body}</w:tc>"


def tr(cells, header=False, grid_before=0):
    pr = ""
    if header or grid_before:
        pr = "<w:trPr>" + (f'<w:gridBefore w:val="{grid_before}"/>' if grid_before else "") + \
             ("<w:tblHeader/>" if header else "") + "</w:trPr>"
    return f"<w:tr>{pr}{''.join(cells)}</w:tr>"


def table(rows, cols):
    grid = "".join('<w:gridCol w:w="900"/>' for _ in range(cols))
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'


STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="SectionHeading"><w:name w:val="section heading"/><w:basedOn w:val="Normal"/>
<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="SectionHeadingBold"><w:name w:val="section heading bold"/><w:basedOn w:val="SectionHeading"/></w:style>
</w:styles>
'''

# List 1: 一、 (sections) / （一） (sub-headings). List 2: （三）不予公开 … groups and 1. sub-rows.
NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="10">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="30">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="30"/></w:num>
</w:numbering>
'''

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>
'''
RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
'''
DOC_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>
'''


def write_docx(path, document, styles=STYLES, numbering=NUMBERING, extra=()):
    members = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
               ("word/_rels/document.xml.rels", DOC_RELS), ("word/document.xml", document)]
    if styles:
        members.append(("word/styles.xml", styles))
    if numbering:
        members.append(("word/numbering.xml", numbering))
    members += list(extra)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def document_xml(body):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
            f'{body}<w:sectPr/></w:body></w:document>\n')


def numbered_report():
    rep = V.Report(303, 2021)
    rep.set_cell("applications", "other.unpaid_fee", "research", "na", "/")
    rep.set_cell("applications", "other.unpaid_fee", "social_welfare", "blank", "")
    P = rep.text
    b = []
    # A title in a text box: mc:Choice and mc:Fallback both hold it; it must be read once.
    box = lambda inner: f"<w:txbxContent>{para(inner)}</w:txbxContent>"
    b.append(f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box("某县市场监督管理局")}'
             f'</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{box("某县市场监督管理局")}'
             '</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    b.append(para("2021年政府信息公开工作年度报告"))
    b.append(para("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"))
    b.append(para("总体情况", style="SectionHeadingBold"))
    b.append(para("", runs=run("2021年，本局") + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏的批注文字）</w:t></w:r>' +
                  run("共主动公开政府信息") +
                  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> SEQ 数量 </w:instrText></w:r>'
                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("1520") +
                  '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run("条。")))
    b.append(para("主动公开方面", num=(1, 1)))
    b.append(para("坚持以公开为常态。", num=(6, 0)))
    b.append(para("主动公开政府信息情况", style="SectionHeading"))
    # Table 二: one table, items as full-width rows.
    rows = []
    for item, head, lines in [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
         [("规章", "rules", ["issued", "repealed", "in_force"]),
          ("行政规范性文件", "normative_documents", ["issued", "repealed", "in_force"])]),
        ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", "administrative_license", ["decisions"])]),
        ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", "administrative_penalty", ["decisions"]),
                                          ("行政强制", "administrative_coercion", ["decisions"])]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", "administrative_fees", ["fee_amount"])]),
    ]:
        rows.append(tr([tc(item, span=4)]))
        if len(head) == 3:
            rows.append(tr([tc("信息内容")] + [tc(h) for h in head]))
        else:
            rows.append(tr([tc("信息内容"), tc(head[0], span=3)]))
        for label, code, cols in lines:
            if len(cols) == 3:
                # A deleted figure and its replacement (tracked changes): only the inserted one shows.
                cells = [tc(P("proactive", code, c)) for c in cols]
                if code == "normative_documents":
                    cells[0] = tc(paras='<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>999</w:delText></w:r></w:del>'
                                  f'<w:ins w:id="2" w:author="a">{run(P("proactive", code, "issued"))}</w:ins></w:p>')
                rows.append(tr([tc(label)] + cells))
            else:
                rows.append(tr([tc(label), tc(P("proactive", code, cols[0]), span=3)]))
    b.append(table(rows, 4))
    b.append(para("收到和处理政府信息公开申请情况", style="SectionHeading"))
    # Table 三: 3 label columns (group / sub-group / item), 7 value columns; header rows repeated.
    cols = V.STD
    head1 = tr([tc("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", span=3, vmerge="restart"),
                tc("申请人情况", span=7)], header=True)
    head2 = tr([tc(span=3, vmerge="continue"), tc("自然人", vmerge="restart"), tc("法人或其他组织", span=5),
                tc("总计", vmerge="restart")], header=True)
    head3 = tr([tc(span=3, vmerge="continue"), tc(vmerge="continue")] +
               [tc(V.COL_LABEL[c]) for c in V.LEGAL] + [tc(vmerge="continue")], header=True)
    values = lambda r: [tc(P("applications", r, c)) for c in cols]
    part1 = [head1, head2, head3,
             tr([tc("一、本年新收政府信息公开申请数量", span=3)] + values("new_received")),
             tr([tc("二、上年结转政府信息公开申请数量", span=3)] + values("carried_over"))]
    result = [("granted", "（一）予以公开"), ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]
    specs = [(code, None, label) for code, label in result]  # (row code, group, label)
    groups = [("denied", V.DENIED, 2), ("unavailable", V.UNAVAILABLE, 3), ("not_processed", V.NOT_PROCESSED, 4),
              ("other", V.OTHER, 5)]
    for g, items, num_id in groups:
        for i, item in enumerate(items):
            specs.append((f"{g}.{item}", (g, i, num_id), V.LEAF[f"{g}.{item}"]))
    specs.append(("total_processed", None, "（七）总计"))
    split = 9  # mid-group: 8.属于行政查询事项 starts the second table

    def result_row(k):
        code, group, label = specs[k]
        # A split table restarts its merged label cells; the user retyped the labels there.
        top = k == 0 or k == split
        c0 = tc("三、本年度办理结果" if top else "", vmerge="restart" if top else "continue")
        if group is None:
            return tr([c0, tc(label, span=2)] + values(code))
        g, i, num_id = group
        gtop = i == 0 or k == split
        c1 = tc(V.GROUP[g] if gtop else "", vmerge="restart" if gtop else "continue")
        label_cell = tc(paras=para(label, num=(num_id, 0)))  # 1. 2. … from numbering.xml
        return tr([c0, c1, label_cell] + values(code))

    part1 += [result_row(k) for k in range(split)]
    part2 = [head1, head2, head3] + [result_row(k) for k in range(split, len(specs))]
    # The last row is indented by one grid column (gridBefore) and its label cell merged the
    # legacy way (hMerge) over the two remaining label columns.
    part2.append(tr([tc("四、结转下年度继续办理", hmerge="restart"), tc(hmerge="continue")] + values("carried_forward"),
                    grid_before=1))
    b.append(table(part1, 10))
    b.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    b.append(f'<w:sdt><w:sdtPr/><w:sdtContent>{table(part2, 10)}</w:sdtContent></w:sdt>')
    b.append(para("政府信息公开行政复议、行政诉讼情况", style="SectionHeading"))
    rv = lambda r: [tc(P("review_litigation", r, c)) for c in V.REVIEW_COLS]
    rows = [tr([tc("行政复议", span=5), tc("行政诉讼", span=10)], header=True),
            tr([tc(V.REVIEW_LABEL[c], vmerge="restart") for c in V.REVIEW_COLS] +
               [tc("未经复议直接起诉", span=5), tc("复议后起诉", span=5)], header=True),
            tr([tc(vmerge="continue") for _ in V.REVIEW_COLS] + [tc(V.REVIEW_LABEL[c]) for c in V.REVIEW_COLS] * 2,
               header=True),
            tr(rv("administrative_review") + rv("litigation_direct") + rv("litigation_after_review"))]
    b.append(table(rows, 15))
    b.append(para("存在的主要问题及改进情况", style="SectionHeading"))
    b.append(para("", runs=run("一是公开内容还不够全面。") + "<w:r><w:br/></w:r>" + run("二是解读形式较为单一。")))
    b.append(para("其他需要报告的事项", style="SectionHeading"))
    b.append(para("本年度未收取信息处理费。"))
    return rep, document_xml("".join(b))


def main():
    rep, doc = numbered_report()
    d = os.path.join(FIXTURES, "docx-numbered-2021")
    os.makedirs(d, exist_ok=True)
    write_docx(os.path.join(d, "input.docx"), doc)
    gold = rep.gold()
    with open(os.path.join(d, "gold.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(gold)
    with open(os.path.join(d, "NOTES.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# docx-numbered-2021\n\n"
                "Source: written for ogix by `scripts/make-docx-fixtures.py` (deterministic). Not a real\n"
                "report: an invented agency and values (the value model of make-variant-fixtures.py, seed 303),\n"
                "every sum rule holding. It is a Word document built the way Word users build one, so the\n"
                "docx extractor is proven on what Word files carry beyond text:\n\n"
                "- section headings numbered by a paragraph style (一、 from numbering.xml, inherited through\n"
                "  basedOn) and sub-headings by direct numPr (（一）); table 三's item labels numbered 1. 2. …\n"
                "  by four lists (restarting per group) — none of these markers is in the text;\n"
                "- vMerge (group labels, header cells), gridSpan (header bands, item rows of table 二),\n"
                "  repeated header rows (tblHeader), gridBefore + a legacy hMerge on the last row;\n"
                "- table 三 split into two tables at a page break, its header repeated (joined back);\n"
                "- a w:sdt content control around a table; a tracked deletion (999, not shown) and insertion;\n"
                "  hidden text (w:vanish); a SEQ field (its code is not text, its result is); a title in a\n"
                "  text box held twice (mc:Choice and mc:Fallback), read once;\n"
                "- a `/` (na) and an empty (blank) cell in （六）2.\n\n"
                f"`gold.tsv` holds all {gold.count(chr(10)) - 1} canonical cells; the golden runner scores them.\n")
    write_bad(os.path.join(FIXTURES, "bad"))


def write_bad(bad):
    os.makedirs(bad, exist_ok=True)
    good = os.path.join(FIXTURES, "docx-numbered-2021", "input.docx")
    data = open(good, "rb").read()
    # Cut in half: the central directory is gone.
    open(os.path.join(bad, "docx-truncated.docx"), "wb").write(data[: len(data) // 2])
    # document.xml that is not well-formed.
    write_docx(os.path.join(bad, "docx-not-well-formed.docx"),
               document_xml(para("一、总体情况")).replace("</w:body>", ""))
    # A ZIP that is some other OOXML package (a spreadsheet's parts), named .docx.
    with zipfile.ZipFile(os.path.join(bad, "docx-spreadsheet.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("xl/workbook.xml", date_time=(2024, 1, 1, 0, 0, 0))
        z.writestr(info, "<workbook/>")
        info = zipfile.ZipInfo("word/readme.txt", date_time=(2024, 1, 1, 0, 0, 0))  # mentions word/ but is no document
        z.writestr(info, "x")
    # A zip bomb: document.xml inflates to 80 MiB of spaces (over the 64 MiB default limit).
    bomb = zipfile.ZipInfo("word/document.xml", date_time=(2024, 1, 1, 0, 0, 0))
    bomb.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(os.path.join(bad, "docx-zip-bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        with z.open(bomb, "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="' + W.encode() + b'"><w:body>')
            chunk = b" " * (1 << 20)
            for _ in range(80):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    # Elements nested 300 deep (libxml2 stops at 256).
    deep = "<w:sdt><w:sdtContent>" * 150 + para("一、总体情况") + "</w:sdtContent></w:sdt>" * 150
    write_docx(os.path.join(bad, "docx-deep-nesting.docx"), document_xml(deep), styles=None, numbering=None)
    # A Word document without a single table: a notice, not a report.
    write_docx(os.path.join(bad, "docx-no-tables.docx"),
               document_xml(para("关于开展政务公开培训的通知") + para("各单位：现将有关事项通知如下。")), styles=None, numbering=None)
    # A producer that names its main part word/document2.xml: found through _rels/.rels.
    _, doc = numbered_report()
    rels = RELS.replace("word/document.xml", "/word/document2.xml")
    with zipfile.ZipFile(os.path.join(bad, "docx-main-part-renamed.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", CONTENT_TYPES.replace("/word/document.xml", "/word/document2.xml")),
                           ("_rels/.rels", rels), ("word/document2.xml", doc), ("word/styles.xml", STYLES),
                           ("word/numbering.xml", NUMBERING)]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    # Word 97-2003 (OLE2 compound file) header: not something we read.
    open(os.path.join(bad, "word97.doc"), "wb").write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    print("wrote docx fixtures")


if __name__ == "__main__":
    main()

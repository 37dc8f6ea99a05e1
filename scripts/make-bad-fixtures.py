#!/usr/bin/env python3
"""Writes the text/HTML/binary members of fixtures/bad/ (deterministic; re-run to regenerate).
The PDF members come from scripts/make-bad-pdfs.py. Every file's expected outcome is listed in
fixtures/bad/EXPECTED.tsv, which tests/bad_input_test.cc and scripts/bad-batch read."""
import os
import random

root = os.path.join(os.path.dirname(__file__), "..")
bad = os.path.join(root, "fixtures", "bad")
seed = open(os.path.join(root, "fixtures", "text-seed-2020", "input.txt"), encoding="utf-8").read()
rng = random.Random(5)


def put(name, data):
    with open(os.path.join(bad, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def section_cut(text, start, end):
    a = text.index(start)
    b = text.index(end) if end else len(text)
    return text[:a] + text[b:]


put("empty.txt", b"")
put("random-bytes.bin", bytes(rng.randrange(256) for _ in range(4096)))
put("zip-renamed.pdf", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(rng.randrange(256) for _ in range(500)))
put("png-renamed.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(300)))
put("utf16-no-bom.txt", seed.encode("utf-16-le"))
put("not-a-report.txt", "关于开展春季植树活动的通知\n\n各单位：\n为改善环境，定于三月十二日开展植树活动。\n\n特此通知。\n")
put("gbk-report.txt", seed.encode("gbk"))
put("utf16-bom-report.txt", b"\xff\xfe" + seed.encode("utf-16-le"))
# One stray byte in otherwise valid UTF-8 (a damaged download): decoded as UTF-8 with U+FFFD.
b = seed.encode("utf-8")
put("invalid-utf8.txt", b[:200] + b"\xff" + b[200:])
# The first half UTF-8, the second half GBK: a file concatenated from two sources.
half = seed.index("三、收到和处理政府信息公开申请情况")
put("mixed-encodings.txt", seed[:half].encode("utf-8") + seed[half:].encode("gbk"))
put("missing-section.txt", section_cut(seed, "五、存在的主要问题及改进情况", "六、其他需要报告的事项"))
put("missing-table.txt", section_cut(seed, "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"))
t3a = seed.index("三、收到和处理政府信息公开申请情况")
t3b = seed.index("四、政府信息公开行政复议、行政诉讼情况")
put("duplicated-table.txt", seed[:t3b] + seed[t3a:t3b].replace("三、收到和处理政府信息公开申请情况", "（续表）", 1) + seed[t3b:])
put("text-in-number-cells.txt", seed.replace("规章\t0\t0\t0", "规章\t约3件\t见附件\t0", 1))
put("control-chars.txt", seed.replace("一、总体情况", "一、总体\x01情况\x07", 1).replace("无", "无\x0b\x1b", 1))
put("very-long-line.txt", seed + "\n" + "很长" * 400000 + "\n")
put("sum-violation.txt", seed.replace("一、本年新收政府信息公开申请数量\t\t0\t0", "一、本年新收政府信息公开申请数量\t\t5\t0", 1))
put("tables-without-headings.txt", "\n".join(l for l in seed.splitlines() if "\t" in l) + "\n")
put("crlf-bom-report.txt", "\ufeff" + seed.replace("\n", "\r\n"))
put("fullwidth-digits.txt", seed.replace("规章\t0\t0\t0", "规章\t１２\t３\t１,２３４", 1))
put("na-and-blank.txt", seed.replace("规章\t0\t0\t0", "规章\t/\t\t无", 1).replace("行政强制\t0\t0\t0", "行政强制\t-\t—\t不适用", 1))
# HTML
put("html-no-tables.html", "<html><head><meta charset='utf-8'><title>通知公告</title></head><body><div class='nav'>首页 | 政务公开</div><p>关于开展春季植树活动的通知</p></body></html>")
depth = 100000
put("deep-nesting.html", "<html><body>" + "<div>" * depth + "一、总体情况" + "</div>" * depth + "</body></html>")
rows = "".join(f"<tr><td>{lbl}</td><td colspan='100000' rowspan='100000'>0</td><td>0</td><td>0</td></tr>" for lbl in ["规章", "规范性文件"])
put("huge-spans.html", "<html><body><p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>" + rows + "</table></body></html>")
put("external-entity.html", '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>\n'
    "<html><body><p>&xxe;&net;</p><table><tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>"
    "<tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr></table></body></html>")
put("script-only-table.html", "<html><body><script>document.write('<table><tr><td>规章</td><td>1</td></tr></table>')</script><p>本年新制作数量</p></body></html>")
put("gb2312-declared-gbk-chars.html", ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head><body>"
    "<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>"
    "<tr><td>规章（镕）</td><td>1</td><td>2</td><td>3</td></tr></table></body></html>").encode("gbk"))

# PDF damage derived from a real report (fixtures/pdf-hzq-2023): cut short, and with its
# cross-reference table and startxref offset scrambled (readers must rebuild it).
pdf = open(os.path.join(root, "fixtures", "pdf-hzq-2023", "input.pdf"), "rb").read()
put("pdf-truncated.pdf", pdf[: len(pdf) * 55 // 100])
# A wrong startxref offset, the common damage of an edited or badly copied file. With a classic
# xref table (LibreOffice's PDFs) poppler rebuilds it by scanning the objects and the report
# converts; with a cross-reference stream (WPS's hzq PDF) poppler cannot, and the file is damaged.
def wrong_startxref(data):
    x = data.rfind(b"startxref")
    lines = data[x:].split(b"\n")
    lines[1] = b"1" + lines[1].strip()[1:]
    return data[:x] + b"\n".join(lines)


put("pdf-broken-xref-stream.pdf", wrong_startxref(pdf))
put("pdf-broken-xref.pdf", wrong_startxref(open(os.path.join(root, "fixtures", "pdf-ruled-2021", "input.pdf"), "rb").read()))

#!/usr/bin/env python3
"""Writes the typed-error PDF fixtures into the directory given (fixtures/bad):

  pdf-damaged.pdf           a %PDF header followed by bytes that are no PDF structure at all
  pdf-not-a-pdf.pdf         PNG bytes under a .pdf name
  pdf-scan.pdf              one page that only draws an image (a scan without a text layer)
  pdf-garbled.pdf           text in a Type3 font whose glyph names map to private-use code points
                            and which has no ToUnicode (what fonts without a Unicode mapping give)
  pdf-encrypted.plain.pdf   a small text PDF; make-pdf-fixtures encrypts it with qpdf

Hand-built PDFs with exact xref offsets; deterministic."""
import os
import sys
import zlib


def pdf(objects):
    """objects: list of bytes bodies for objects 1..n (object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf():
    content = b"BT /F1 14 Tf 72 760 Td (Annual report on government information disclosure, 2022) Tj ET\n" \
              b"BT /F1 12 Tf 72 730 Td (Section one: overview. 21 applications were received.) Tj ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])


def scan_pdf():
    # A 64x64 grey gradient "scan", drawn full page; no text operators at all.
    pixels = bytes((x * 4 + y) % 256 for y in range(64) for x in range(64))
    image = stream(zlib.compress(pixels, 9),
                   b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Filter /FlateDecode")
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        image,
    ])


def garbled_pdf():
    # Type3 font: 26 glyphs (a filled box each) named uniE000.. so the text extracts as private-use
    # characters, as it does from fonts whose cmap has no real Unicode values.
    names = b" ".join(b"/uniE%03X" % i for i in range(26))
    procs = b" ".join(b"/uniE%03X %d 0 R" % (i, 7 + i) for i in range(26))
    font = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0] "
            b"/CharProcs 6 0 R /Encoding << /Type /Encoding /Differences [97 " + names + b"] >> "
            b"/FirstChar 97 /LastChar 122 /Widths [" + b" ".join([b"800"] * 26) + b"] >>")
    lines = [b"abcdefghij klmnopq rstuvwxyz", b"zyxwv utsrq ponml kjihg fedcba", b"hello world garbled text here"]
    content = b"".join(b"BT /F1 16 Tf 72 %d Td (%s) Tj ET\n" % (760 - 30 * i, l) for i, l in enumerate(lines))
    glyph = stream(b"800 0 50 0 700 700 d1 50 0 650 700 re f")
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        font,
        b"<< " + procs + b" >>",
    ] + [glyph] * 26)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    files = {
        "pdf-damaged.pdf": b"%PDF-1.7\n" + bytes((i * 37 + 11) % 256 for i in range(600)),
        "pdf-not-a-pdf.pdf": b"\x89PNG\r\n\x1a\n" + bytes(64),
        "pdf-scan.pdf": scan_pdf(),
        "pdf-garbled.pdf": garbled_pdf(),
        "pdf-encrypted.plain.pdf": text_pdf(),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Scans made from our PDF fixtures, for the OCR tests and scripts/ocr-accuracy.

Each page of a text PDF is rendered (pdftoppm) at the given resolution, turned by a seeded angle of
0.5-1.5 degrees either way, sprinkled with speckle noise, JPEG-compressed and wrapped into an
image-only PDF (img2pdf): what an agency's scanner gives. Same seed, same bytes.

usage: make-scans.py INPUT.pdf OUTPUT.pdf [--dpi 300] [--seed 1] [--pages 1-3] [--png OUT.png]
"""
import argparse
import io
import os
import random
import subprocess
import sys
import tempfile

import img2pdf
from PIL import Image, ImageFilter


def degrade(img, rng):
    """Rotate, speckle and JPEG-compress one greyscale page image."""
    angle = rng.uniform(0.5, 1.5) * rng.choice((-1, 1))
    img = img.rotate(angle, resample=Image.BILINEAR, expand=False, fillcolor=255)
    px = img.load()
    w, h = img.size
    # Speckle: dark dots on the paper and white drop-outs in the ink, about 1 in 2000 pixels each.
    for _ in range(w * h // 2000):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.randrange(0, 90)
    for _ in range(w * h // 4000):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.randrange(200, 256)
    img = img.filter(ImageFilter.GaussianBlur(0.4))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=rng.randrange(55, 80), optimize=False)
    return buf.getvalue(), angle


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", default="", help="first-last (1-based), all by default")
    ap.add_argument("--image", default="", help="also write the first page's degraded JPEG here")
    a = ap.parse_args()
    rng = random.Random(f"{a.seed}:{a.dpi}:{os.path.basename(a.input)}")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["pdftoppm", "-gray", "-r", str(a.dpi)]
        if a.pages:
            first, _, last = a.pages.partition("-")
            cmd += ["-f", first, "-l", last or first]
        subprocess.run(cmd + [a.input, os.path.join(tmp, "p")], check=True)
        pages = sorted(f for f in os.listdir(tmp) if f.endswith(".pgm"))
        jpegs = []
        for f in pages:
            data, angle = degrade(Image.open(os.path.join(tmp, f)).convert("L"), rng)
            jpegs.append(data)
            print(f"{a.output}: {f} rotated {angle:+.2f} deg", file=sys.stderr)
    if a.image and jpegs:
        with open(a.image, "wb") as out:
            out.write(jpegs[0])
    layout = img2pdf.get_fixed_dpi_layout_fun((a.dpi, a.dpi))
    # img2pdf writes no date unless asked; fixed metadata keeps the bytes reproducible.
    pdf = img2pdf.convert(jpegs, layout_fun=layout, nodate=True, engine=img2pdf.Engine.internal)
    with open(a.output, "wb") as out:
        out.write(pdf)


if __name__ == "__main__":
    main()

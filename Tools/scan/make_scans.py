#!/usr/bin/env python3
"""Makes scanned-report fixtures with truth, from DOCX reports, with real tools.

    DOCX --soffice--> PDF --pdftoppm (gray, DPI)--> page PNGs --Pillow--> degraded pages
         --> one multi-page TIFF per scan (and, with --pdf, an image-only PDF by img2pdf)

The truth of a scan is the DOCX's own: its `.expected.json` beside it (Fixtures/docx), or the
`.truth.json` Tools/corpus/gen.py wrote beside a generated report (give its `r<seed>.pdf`).

Variants (each seeded, so the same seed gives the same pages):
  clean       as rendered
  degraded    rotation of ±(0.5–1.5)°, Gaussian blur, noise, JPEG at quality 30–60
  photo       a photographed-looking page: perspective, uneven light, blur, JPEG

usage: make_scans.py --out DIR [--dpi 300] [--variant clean|degraded|photo] [--seed N]
                     [--pages 3-5] [--pdf] [--jpeg] [--bilevel] DOCX...
Writes DIR/<name>-<variant>-<dpi>[-s<seed>].tiff (and .pdf) and appends "truth scan" lines to
DIR/pairs.txt for Tools/scan/score.py --pairs.
"""
import argparse, glob, io, os, random, subprocess, sys, tempfile

import numpy as np
from PIL import Image, ImageFilter


def render(docx, dpi, pages, work):
    if docx.endswith(".pdf"):
        pdf = docx  # already printed (Tools/corpus/produce.py writes r<seed>.pdf beside r<seed>.docx)
    else:
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", work, docx],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pdf = os.path.join(work, os.path.splitext(os.path.basename(docx))[0] + ".pdf")
    cmd = ["pdftoppm", "-r", str(dpi), "-gray", "-png"]
    if pages:
        first, last = pages
        cmd += ["-f", str(first), "-l", str(last)]
    prefix = os.path.join(work, "page")
    subprocess.run(cmd + [pdf, prefix], check=True)
    return [Image.open(p).convert("L") for p in sorted(glob.glob(prefix + "-*.png"))]


def jpeg(img, quality):
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("L")


def noise(img, rng, sigma):
    a = np.asarray(img, dtype=np.float32)
    a = a + np.random.default_rng(rng.randrange(1 << 30)).normal(0, sigma, a.shape)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def degrade(img, rng):
    angle = rng.uniform(0.5, 1.5) * rng.choice([-1, 1])
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    img = noise(img, rng, rng.uniform(6, 14))
    return jpeg(img, rng.randint(30, 60))


def photo(img, rng):
    w, h = img.size
    # Perspective: the top edge a little narrower than the bottom, as from a phone held over the page.
    d = rng.uniform(0.01, 0.025) * w
    src = [(d, rng.uniform(0, 0.01) * h), (w - d, rng.uniform(0, 0.01) * h), (w, h), (0, h)]
    coeffs = perspective_coeffs([(0, 0), (w, 0), (w, h), (0, h)], src)
    img = img.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=255)
    # Uneven light: darker towards one corner.
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    r = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / np.hypot(w, h)
    light = 1.0 - rng.uniform(0.15, 0.3) * r
    a = np.asarray(img, dtype=np.float32) * light
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    img = img.rotate(rng.uniform(-1.0, 1.0), resample=Image.BICUBIC, fillcolor=235)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.9)))
    img = noise(img, rng, 5)
    return jpeg(img, rng.randint(45, 60))


def perspective_coeffs(dst, src):
    """Coefficients for Image.transform(PERSPECTIVE) mapping output points dst to input points src."""
    m = []
    for (x, y), (u, v) in zip(dst, src):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    b = [c for p in src for c in p]
    return np.linalg.solve(np.array(m, dtype=np.float64), np.array(b, dtype=np.float64)).tolist()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--variant", choices=["clean", "degraded", "photo"], default="clean")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pages", help="first-last page range, e.g. 3-5")
    ap.add_argument("--pdf", action="store_true", help="also wrap the pages into a PDF with img2pdf")
    ap.add_argument("--bilevel", action="store_true", help="clean pages as 1-bit G4 TIFF (smallest files)")
    ap.add_argument("--jpeg", action="store_true", help="also write each page as a JPEG (quality 60)")
    ap.add_argument("docx", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    pages = tuple(int(x) for x in a.pages.split("-")) if a.pages else None
    for docx in a.docx:
        name = os.path.splitext(os.path.basename(docx))[0]
        rng = random.Random(f"{name}/{a.variant}/{a.dpi}/{a.seed}")
        with tempfile.TemporaryDirectory() as work:
            imgs = render(docx, a.dpi, pages, work)
            if a.variant == "degraded":
                imgs = [degrade(i, rng) for i in imgs]
            elif a.variant == "photo":
                imgs = [photo(i, rng) for i in imgs]
            stem = f"{name}-{a.variant}-{a.dpi}" + (f"-p{a.pages}" if a.pages else "") + (f"-s{a.seed}" if a.seed else "")
            tiff = os.path.join(a.out, stem + ".tiff")
            if a.bilevel and a.variant == "clean":
                imgs = [i.point(lambda v: 255 if v > 160 else 0).convert("1") for i in imgs]
                imgs[0].save(tiff, save_all=True, append_images=imgs[1:], compression="group4", dpi=(a.dpi, a.dpi))
            elif a.variant == "clean":
                imgs[0].save(tiff, save_all=True, append_images=imgs[1:], compression="tiff_adobe_deflate", dpi=(a.dpi, a.dpi))
            else:
                imgs[0].save(tiff, save_all=True, append_images=imgs[1:], compression="tiff_adobe_deflate", dpi=(a.dpi, a.dpi))
            if a.jpeg:
                for k, img in enumerate(imgs):
                    img.save(os.path.join(a.out, f"{stem}-{k + 1}.jpg"), quality=60)
            if a.pdf:
                pngs = []
                for k, img in enumerate(imgs):
                    p = os.path.join(work, f"w{k:03d}.jpg" if a.variant != "clean" else f"w{k:03d}.png")
                    img.save(p, quality=60) if a.variant != "clean" else img.save(p)
                    pngs.append(p)
                subprocess.run(["img2pdf", "--output", os.path.join(a.out, stem + ".pdf")] + pngs, check=True)
        base = os.path.splitext(docx)[0]
        truth = base + ".expected.json" if os.path.exists(base + ".expected.json") else base + ".truth.json"
        with open(os.path.join(a.out, "pairs.txt"), "a") as f:
            f.write(f"{truth} {tiff}\n")
        print(tiff, file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""produce.py — run the generated DOCX through the tools users run: LibreOffice → PDF,
then pdftotext (default, -layout, -raw) and tesseract chi_sim.

    python3 Tools/corpus/produce.py DIR [--ocr N]

DIR holds r<seed>.docx (from gen.py). Writes beside each: r<seed>.pdf and
r<seed>.<producer>.txt for producer in pdftotext-default, pdftotext-layout, pdftotext-raw.
With --ocr N, the first N reports (by seed) are also rendered with pdftoppm and read by
tesseract: each gets ONE configuration drawn from its seed — dpi 150/200/300, psm 3/4/6,
clean or degraded (Pillow: blur, noise, a slight rotation, JPEG) — written as
r<seed>.ocr-<dpi>-psm<psm>-<clean|degraded>.txt. Tesseract is slow; keep N small.
LibreOffice runs with a private profile under /tmp so it never touches a user's profile.
"""
import glob
import os
import random
import subprocess
import sys
import tempfile


def soffice(d):
    docs = sorted(p for p in glob.glob(os.path.join(d, 'r*.docx'))
                  if not os.path.exists(p[:-5] + '.pdf'))
    if not docs:
        return
    prof = tempfile.mkdtemp(prefix='gx-corpus-lo-')
    for i in range(0, len(docs), 40):
        subprocess.run(['soffice', '-env:UserInstallation=file://' + prof, '--headless', '--convert-to', 'pdf',
                        '--outdir', d] + docs[i:i + 40], check=True, stdout=subprocess.DEVNULL)


def pdftotext(pdf):
    base = pdf[:-4]
    for name, flags in (('pdftotext-default', []), ('pdftotext-layout', ['-layout']), ('pdftotext-raw', ['-raw'])):
        out = '%s.%s.txt' % (base, name)
        if not os.path.exists(out):
            subprocess.run(['pdftotext'] + flags + ['-enc', 'UTF-8', pdf, out], check=True)


def degrade(png, rng):
    from PIL import Image, ImageFilter
    im = Image.open(png).convert('L')
    im = im.rotate(rng.uniform(-0.8, 0.8), expand=False, fillcolor=255)
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    px = im.load()
    w, h = im.size
    for _ in range(w * h // 200):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.choice((0, 255))
    jpg = png[:-4] + '.jpg'
    im.save(jpg, quality=rng.randint(30, 60))
    return jpg


def ocr(pdf, seed):
    rng = random.Random(seed * 7919)
    dpi = rng.choice([150, 200, 300])
    psm = rng.choice([3, 4, 6])
    degraded = rng.random() < 0.35
    out = '%s.ocr-%d-psm%d-%s.txt' % (pdf[:-4], dpi, psm, 'degraded' if degraded else 'clean')
    if os.path.exists(out):
        return
    tmp = tempfile.mkdtemp(prefix='gx-corpus-ocr-')
    subprocess.run(['pdftoppm', '-r', str(dpi), '-gray', '-png', pdf, os.path.join(tmp, 'p')], check=True)
    texts = []
    for png in sorted(glob.glob(os.path.join(tmp, 'p*.png'))):
        img = degrade(png, rng) if degraded else png
        r = subprocess.run(['tesseract', img, '-', '-l', 'chi_sim', '--psm', str(psm)],
                           check=True, capture_output=True, env=dict(os.environ, OMP_THREAD_LIMIT='1'))
        texts.append(r.stdout.decode('utf-8'))
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\f'.join(texts))
    subprocess.run(['rm', '-rf', tmp])


def main():
    d = sys.argv[1]
    n_ocr = int(sys.argv[sys.argv.index('--ocr') + 1]) if '--ocr' in sys.argv else 0
    soffice(d)
    pdfs = sorted(glob.glob(os.path.join(d, 'r*.pdf')), key=lambda p: int(os.path.basename(p)[1:-4]))
    for pdf in pdfs:
        pdftotext(pdf)
    for pdf in pdfs[:n_ocr]:
        ocr(pdf, int(os.path.basename(pdf)[1:-4]))


if __name__ == '__main__':
    main()

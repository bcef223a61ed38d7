#!/usr/bin/env python3
"""Builds one attack input from the committed fixtures: gen.py CASE SCALE OUT.

Each case is a row of issue 20's table (or one of its findings), stretched by SCALE so run.sh can
show the cost stays linear. Nothing here is committed output: inputs are made fresh on every run.
"""
import io, os, sys, zipfile

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Fixtures")
case, scale, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def docx_with(document):
    """zrzy2022.docx with its main part replaced (other parts as they are)."""
    src = zipfile.ZipFile(os.path.join(root, "docx", "zrzy2022.docx"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = document(data)
            z.writestr(info.filename, data)
    open(out, "wb").write(buf.getvalue())


def html():
    return open(os.path.join(root, "html", "seed000-lo.html"), "rb").read()


if case == "docx-attributes":
    # One element with 20,000 × SCALE attributes (the 200,000 at scale 10).
    attrs = b" ".join(b'w:a%d="1"' % i for i in range(20000 * scale))
    docx_with(lambda d: d.replace(b"<w:body>", b"<w:body " + attrs + b">", 1))
elif case == "html-attributes":
    attrs = b" ".join(b"a%d" % i for i in range(20000 * scale))
    open(out, "wb").write(html().replace(b"<body", b"<body " + attrs, 1))
elif case == "docx-10mb-part":
    # A legitimate main part just over 10,000,000 bytes: prose paragraphs of varied text (so the
    # part does not compress past the ratio limit), 1 MB per scale step past 9 MB.
    import random
    rnd = random.Random(1)
    words = ["政府", "信息", "公开", "工作", "年度", "报告", "依申请", "主动", "平台", "建设", "监督", "保障"]
    target = 9_000_000 + 1_000_000 * scale
    def grow(d):
        body = bytearray()
        while len(d) + len(body) < target:
            text = "".join(rnd.choice(words) for _ in range(60)) + str(rnd.randrange(10**9))
            body += b"<w:p><w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p>"
        return d.replace(b"</w:body>", bytes(body) + b"</w:body>", 1)
    docx_with(grow)
elif case == "ocr-rows":
    # Text shaped like OCR output: the OCR fixture's table lines repeated, 200 × SCALE extra rows
    # (SCALE 1000: the 200,000 rows, which the line limit refuses).
    lines = open(os.path.join(root, "text", "ocr", "seed000-word.r200.txt"), encoding="utf-8").read().split("\n")
    rows = [l for l in lines if any(c.isdigit() for c in l) and len(l) < 60][:40] or ["1 2 3 4 5 6 7"]
    extra = [rows[i % len(rows)] for i in range(200 * scale)]
    mid = len(lines) // 2
    open(out, "w", encoding="utf-8").write("\n".join(lines[:mid] + extra + lines[mid:]))
elif case == "short-lines":
    # 400,000 × SCALE one-character lines (the 4 million at scale 10).
    open(out, "wb").write(b"1\n" * (400_000 * scale))
elif case == "big-numbers":
    # Table 三's first cells near and past Int64.max, in a DOCX.
    def patch(d):
        i = d.find("本年新收".encode())
        for value in [b"9223372036854775807", b"10000000000000000000"]:
            j = d.find(b"<w:t>", i) + 5
            k = d.find(b"</w:t>", j)
            while d[j:k].strip() and not d[j:k].strip().isdigit():
                j = d.find(b"<w:t>", k) + 5
                k = d.find(b"</w:t>", j)
            d = d[:j] + value + d[k:]
            i = k
        return d
    docx_with(patch)
elif case == "cross-year":
    # OUT is a folder: 2 × SCALE reports of one agency for 2022 and as many for 2023.
    os.makedirs(out, exist_ok=True)
    text = open(os.path.join(root, "text", "seed000.txt"), encoding="utf-8").read()
    last = text.replace("2023", "2022")
    for i in range(2 * scale):
        open(os.path.join(out, "a%04d-2023.txt" % i), "w", encoding="utf-8").write(text)
        open(os.path.join(out, "b%04d-2022.txt" % i), "w", encoding="utf-8").write(last)
else:
    sys.exit("unknown case " + case)

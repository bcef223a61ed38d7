#!/usr/bin/env python3
"""Broken page images for the scan reader's error paths (Fixtures/scan/hostile/). Deterministic.

  zero-size.png      a PNG whose header says 0×0 pixels
  truncated.png      a real PNG cut off inside its image data (the header reads, the pixels do not)
  huge-30000.png     a complete, valid 30000×30000 1-bit PNG (113 MB of pixels in 14 KB): must be
                     refused from its header, never decoded
  not-an-image.jpg   JPEG magic followed by garbage
"""
import os, struct, sys, zlib

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../Fixtures/scan/hostile")
os.makedirs(out, exist_ok=True)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, depth, colour, idat):
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


with open(os.path.join(out, "zero-size.png"), "wb") as f:
    f.write(png(0, 0, 8, 0, zlib.compress(b"")))

rows = b"".join(b"\x00" + bytes((x * 7 + y) % 256 for x in range(64)) for y in range(64))
whole = png(64, 64, 8, 0, zlib.compress(rows, 9))
with open(os.path.join(out, "truncated.png"), "wb") as f:
    f.write(whole[: len(whole) // 2])

z = zlib.compressobj(9)
row = b"\x00" + b"\xff" * (30000 // 8)
data = b"".join(z.compress(row) for _ in range(30000)) + z.flush()
with open(os.path.join(out, "huge-30000.png"), "wb") as f:
    f.write(png(30000, 30000, 1, 0, data))

with open(os.path.join(out, "not-an-image.jpg"), "wb") as f:
    f.write(b"\xff\xd8\xff\xe0" + bytes((i * 31) % 251 for i in range(600)))

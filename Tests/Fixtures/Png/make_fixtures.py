"""Writes the PNG fixtures of Tests/Systems/Network/PngSourceTests.cs (run: python3 make_fixtures.py).

Each image is written with a chosen scanline filter per row, so the reader's five filters are exercised.
"""
import struct
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def filtered(rows, channels, filters):
    out = bytearray()
    prev = bytes(len(rows[0]))
    for row, f in zip(rows, filters):
        line = bytearray()
        for x, value in enumerate(row):
            left = row[x - channels] if x >= channels else 0
            up = prev[x]
            up_left = prev[x - channels] if x >= channels else 0
            predictor = [0, left, up, (left + up) // 2, paeth(left, up, up_left)][f]
            line.append((value - predictor) & 0xFF)
        out += bytes([f]) + line
        prev = row
    return bytes(out)


def png(width, height, color_type, rows, filters, bit_depth=8, interlace=0, channels=None):
    channels = channels or {0: 1, 2: 3, 6: 4, 3: 1, 4: 2}[color_type]
    header = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, interlace)
    data = zlib.compress(filtered(rows, channels, filters))
    extra = chunk(b"PLTE", bytes([0, 0, 0, 255, 255, 255])) if color_type == 3 else b""
    # IDAT split in two chunks: the reader must concatenate them.
    half = len(data) // 2
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"tEXt", b"Comment\x00fixture") + extra
            + chunk(b"IDAT", data[:half]) + chunk(b"IDAT", data[half:]) + chunk(b"IEND", b""))


gray_rows = [bytes([0, 10, 20, 30]), bytes([40, 50, 60, 70]), bytes([255, 128, 1, 200]), bytes([5, 250, 7, 9]), bytes([100, 90, 80, 70])]
gray = png(4, 5, 0, gray_rows, [0, 1, 2, 3, 4])
rgb = png(2, 2, 2, [bytes([255, 0, 0, 0, 255, 0]), bytes([0, 0, 255, 10, 20, 30])], [4, 3])
rgba = png(2, 1, 6, [bytes([200, 100, 50, 0, 1, 2, 3, 255])], [1])
second = png(4, 5, 0, [bytes([9] * 4)] * 5, [2, 2, 2, 2, 2])
open("gray-4x5-filters.png", "wb").write(gray)
open("rgb-2x2.png", "wb").write(rgb)
open("rgba-2x1.png", "wb").write(rgba)
open("gray-4x5-two-images.png", "wb").write(gray + second)
open("gray16-2x1.png", "wb").write(png(2, 1, 0, [bytes([0, 1, 2, 3])], [0], bit_depth=16, channels=2))
open("palette-2x1.png", "wb").write(png(2, 1, 3, [bytes([0, 1])], [0]))
open("interlaced-2x1.png", "wb").write(png(2, 1, 0, [bytes([0, 1])], [0], interlace=1))
bad_crc = bytearray(gray)
bad_crc[45] ^= 0xFF  # inside the tEXt chunk's data
open("gray-bad-crc.png", "wb").write(bytes(bad_crc))

#!/usr/bin/env bash
# CI step: render a runner report with headless Chromium and fail if the screenshot is blank.
# Installs Debian's chromium only when missing (one apt-get update). Usage: .ci/report-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet Cli/bin/Release/net10.0/grownet.dll run scenarios/standard-pool.json --ticks 300 --out "$work/out" --report "$work/report.html" >/dev/null
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$(mktemp -d)" --screenshot="$work/report.png" --window-size=1200,900 \
  "file://$work/report.html" >/dev/null 2>&1
# Distinct pixel values of the screenshot (PNG decoded with zlib, filters undone): a blank page has 1–2.
colors=$(python3 - "$work/report.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, bpp = 8, b"", 0, 0, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, color = struct.unpack(">IIBB", body[:10])
        bpp = {2: 3, 6: 4, 0: 1, 4: 2}[color] * depth // 8
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw, stride, prev, seen = zlib.decompress(idat), width * bpp, bytearray(width * bpp), set()
for y in range(height):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        p = a + b - c
        pred = [0, a, b, (a + b) // 2, a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else (b if abs(p - b) <= abs(p - c) else c)][f]
        line[i] = (line[i] + pred) & 0xFF
    if y % 4 == 0:
        seen.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp * 2))
    prev = line
print(len(seen))
PY
)
echo "report screenshot: $colors distinct pixel values"
[ "$colors" -gt 8 ]

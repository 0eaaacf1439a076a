# Makes the street log's app icons (static/icons/street-192.png, street-512.png): the accent colour of
# tokens.css with a white ring, drawn pixel by pixel so no image library is needed. Run once:
# python3 scripts/make-street-icons.py
import struct, zlib

ACCENT = (0x0B, 0x5D, 0x3B)
WHITE = (0xFF, 0xFF, 0xFF)

def png(size, path):
    rows = []
    c = size / 2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            d = ((x - c + 0.5) ** 2 + (y - c + 0.5) ** 2) ** 0.5
            # A ring and a dot: a "you are here" mark, inside the maskable safe zone (80 %).
            on = (size * 0.22 <= d <= size * 0.30) or d <= size * 0.09
            row += bytes(WHITE if on else ACCENT)
        rows.append(bytes(row))
    raw = zlib.compress(b''.join(rows), 9)
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xFFFFFFFF)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 2, 0, 0, 0)) + chunk(b'IDAT', raw) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)

import os
os.makedirs('static/icons', exist_ok=True)
for s in (192, 512):
    png(s, f'static/icons/street-{s}.png')

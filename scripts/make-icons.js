/**
 * Draws the add-in's ribbon and store icons (16, 32, 64 and 80 px PNG) into assets/, with no
 * image library and nothing downloaded: a table on a blue tile with a check mark, supersampled.
 * Run: node scripts/make-icons.js
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { Buffer } = require('node:buffer');

const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 4;
const TILE = [0x1f, 0x5f, 0xa8]; // Københavns Kommune-ish blue
const PAPER = [0xff, 0xff, 0xff];
const LINE = [0x1f, 0x5f, 0xa8];
const CHECK = [0x2e, 0x9e, 0x4f];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour at (u, v) in [0, 1)²: null for transparent. */
function paint(u, v) {
  const r = 0.18; // tile corner radius
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  // Check mark: two thick strokes at the lower right.
  const onSegment = (x1, y1, x2, y2, w) => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
    return (u - x1 - t * dx) ** 2 + (v - y1 - t * dy) ** 2 < w * w;
  };
  if (onSegment(0.5, 0.72, 0.62, 0.84, 0.06) || onSegment(0.62, 0.84, 0.86, 0.54, 0.06)) return CHECK;
  // The sheet: white paper with a header row and table lines.
  if (u > 0.16 && u < 0.84 && v > 0.16 && v < 0.84) {
    if (v < 0.32) return LINE;
    const line = 0.035;
    for (const y of [0.48, 0.64]) if (Math.abs(v - y) < line) return LINE;
    if (Math.abs(u - 0.4) < line) return LINE;
    return PAPER;
  }
  return TILE;
}

function icon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = paint((x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return png(size, rgba);
}

const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  const file = path.join(out, `icon-${size}.png`);
  fs.writeFileSync(file, icon(size));
  console.log(`skrev ${path.relative(process.cwd(), file)}`);
}

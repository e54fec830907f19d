// Draws the tab bar's icons (首页, 答题, 活动, 我的) as 81 × 81 PNGs, grey and brand blue, so the tab bar
// shows a picture with every label (工信部 适老化: icons and text together). Plain shapes, drawn here
// rather than taken from an icon set; run `node scripts/tab-icons.js` after changing a shape or colour.

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 81;
const SAMPLES = 4; // 4 × 4 samples per pixel for smooth edges
const OUT = path.resolve(__dirname, '../app/images/tab');
const COLOURS = { normal: [0x4b, 0x55, 0x63], selected: [0x00, 0x52, 0xd9] };

// Shapes on a 0..1 square: each returns whether a point is painted.
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inRing = (x, y, cx, cy, r, w) => inCircle(x, y, cx, cy, r) && !inCircle(x, y, cx, cy, r - w);
const nearSegment = (x, y, ax, ay, bx, by, w) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - (ax + t * (bx - ax))) ** 2 + (y - (ay + t * (by - ay))) ** 2 <= (w / 2) ** 2;
};
const outline = (x, y, x0, y0, x1, y1, w) => inRect(x, y, x0, y0, x1, y1) && !inRect(x, y, x0 + w, y0 + w, x1 - w, y1 - w);

const W = 0.08; // stroke width
const ICONS = {
  home: (x, y) =>
    nearSegment(x, y, 0.12, 0.5, 0.5, 0.14, W) ||
    nearSegment(x, y, 0.5, 0.14, 0.88, 0.5, W) ||
    (outline(x, y, 0.22, 0.44, 0.78, 0.88, W) && !inRect(x, y, 0.42, 0.62, 0.58, 0.88)) ||
    outline(x, y, 0.42, 0.62, 0.58, 0.9, W),
  quiz: (x, y) =>
    outline(x, y, 0.16, 0.1, 0.84, 0.9, W) ||
    nearSegment(x, y, 0.3, 0.5, 0.45, 0.66, W) ||
    nearSegment(x, y, 0.45, 0.66, 0.72, 0.34, W),
  events: (x, y) =>
    outline(x, y, 0.12, 0.2, 0.88, 0.88, W) ||
    inRect(x, y, 0.12, 0.2, 0.88, 0.36) ||
    inRect(x, y, 0.28, 0.08, 0.36, 0.28) ||
    inRect(x, y, 0.64, 0.08, 0.72, 0.28) ||
    [0.3, 0.5, 0.7].some((cx) => [0.52, 0.72].some((cy) => inCircle(x, y, cx, cy, 0.06))),
  me: (x, y) =>
    inRing(x, y, 0.5, 0.32, 0.2, W) ||
    (y >= 0.62 && y <= 0.9 && inRing(x, y, 0.5, 0.92, 0.38, W)) ||
    nearSegment(x, y, 0.12, 0.9, 0.88, 0.9, W),
};

function crcTable() {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}
const CRC = crcTable();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py += 1) {
    raw[py * (SIZE * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < SIZE; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits += 1;
        }
      }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
Object.entries(ICONS).forEach(([name, shape]) => {
  Object.entries(COLOURS).forEach(([state, colour]) => {
    const file = path.join(OUT, `${name}${state === 'selected' ? '-selected' : ''}.png`);
    fs.writeFileSync(file, png(shape, colour));
  });
});
console.log(`tab icons written to ${OUT}`);

// Draws the PWA's PNG icons (a leaf-green tile with a pale grain disc) without any image tool.
// Run once when the design changes: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, padding) {
  const rows = [];
  const r = size * (0.5 - padding) * 0.62, cx = size / 2, cy = size / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const inDisc = (x - cx) ** 2 + (y - cy) ** 2 < r * r;
      const [R, G, B] = inDisc ? [0xc5, 0xe1, 0xa5] : [0x1b, 0x5e, 0x20];
      row.set([R, G, B], 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
const out = new URL('../pwa/public/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, 0.05));
writeFileSync(new URL('icon-512.png', out), png(512, 0.05));
// Maskable: the disc stays inside the 80% safe zone.
writeFileSync(new URL('icon-maskable-512.png', out), png(512, 0.2));
// The extension's toolbar and store icons (WXT picks up public/icon-<size>.png).
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../public/icon-${size}.png`, import.meta.url), png(size, 0.02));

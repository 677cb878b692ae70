/**
 * A minimal PNG writer for the demo company's generated logo: an 8-bit palette image with
 * per-entry transparency, its pixels deflated as "stored" (uncompressed) blocks. No compression
 * is needed for a 128 × 128 mark (16 KiB), and it keeps this pure code that every runtime
 * shares (no zlib, no canvas).
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

function chunk(type: string, data: readonly number[] | Uint8Array): number[] {
  const body = Uint8Array.from([...type].map((c) => c.charCodeAt(0)).concat(Array.from(data)));
  return [...u32(data.length), ...body, ...u32(crc32(body))];
}

/** zlib stream of `data` in stored blocks (at most 65 535 bytes each). */
function zlibStored(data: Uint8Array): number[] {
  const out = [0x78, 0x01];
  for (let at = 0; at < data.length || at === 0; at += 65535) {
    const part = data.subarray(at, at + 65535);
    const last = at + 65535 >= data.length ? 1 : 0;
    out.push(last, part.length & 255, part.length >>> 8, ~part.length & 255, (~part.length >>> 8) & 255, ...part);
    if (last) break;
  }
  return [...out, ...u32(adler32(data))];
}

/** An RGBA colour, 0–255 each. */
export type Rgba = readonly [number, number, number, number];

/** A palette PNG: `pixels` holds one palette index per pixel, row by row. */
export function encodePalettePng(width: number, height: number, palette: readonly Rgba[], pixels: Uint8Array): Uint8Array {
  if (pixels.length !== width * height || palette.length > 256) throw new RangeError('PNG: pixels or palette of the wrong size');
  // Each row starts with filter type 0 (none).
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', [...u32(width), ...u32(height), 8, 3, 0, 0, 0]),
    ...chunk('PLTE', palette.flatMap(([r, g, b]) => [r, g, b])),
    ...chunk('tRNS', palette.map(([, , , a]) => a)),
    ...chunk('IDAT', zlibStored(raw)),
    ...chunk('IEND', []),
  ]);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >>> 18) & 63]! + B64[(n >>> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >>> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

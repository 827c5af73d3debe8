/**
 * Just enough PNG decoding to look at screenshots in tests: 8-bit RGB or RGBA, not interlaced (what
 * Chromium writes). Chunks → inflate the IDAT data → undo the per-row filters (PNG spec, section 9).
 */
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** Bytes per pixel: 3 (RGB) or 4 (RGBA). */
  channels: number;
  pixels: Uint8Array;
}

const SIGNATURE = '89504e470d0a1a0a';

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = p > a ? p - a : a - p;
  const pb = p > b ? p - b : b - p;
  const pc = p > c ? p - c : c - p;
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Undoes one row's filter in place in `pixels` (row `y` of `stride` bytes). */
function unfilterRow(
  filter: number,
  raw: Uint8Array,
  pixels: Uint8Array,
  y: number,
  stride: number,
  bpp: number,
): void {
  const row = y * stride;
  const above = row - stride;
  for (let x = 0; x < stride; x++) {
    const left = x >= bpp ? (pixels[row + x - bpp] as number) : 0;
    const up = y > 0 ? (pixels[above + x] as number) : 0;
    let predictor = 0;
    if (filter === 1) predictor = left;
    else if (filter === 2) predictor = up;
    else if (filter === 3) predictor = (left + up) >> 1;
    else if (filter === 4)
      predictor = paeth(left, up, y > 0 && x >= bpp ? (pixels[above + x - bpp] as number) : 0);
    else if (filter !== 0) throw new Error(`PNG row ${y}: unknown filter ${filter}`);
    pixels[row + x] = ((raw[x] as number) + predictor) & 0xff;
  }
}

function unfilter(data: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    unfilterRow(
      data[start] as number,
      data.subarray(start + 1, start + 1 + stride),
      pixels,
      y,
      stride,
      channels,
    );
  }
  return pixels;
}

/** Decodes a PNG from Chromium's screenshots; throws for any other kind. */
export function decodePng(png: Buffer): Image {
  if (png.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG file');
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (header === undefined) throw new Error('PNG without IHDR');
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  const [bitDepth, colourType, interlace] = [header[8], header[9], header[12]];
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (bitDepth !== 8 || channels === 0 || interlace !== 0) {
    throw new Error(
      `unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`,
    );
  }
  return {
    width,
    height,
    channels,
    pixels: unfilter(inflateSync(Buffer.concat(data)), width, height, channels),
  };
}

/** How many pixels are within `tolerance` of the colour "#rrggbb". */
export function countColour(image: Image, hex: string, tolerance = 4): number {
  const target = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < image.pixels.length; i += image.channels) {
    if (target.every((value, c) => Math.abs((image.pixels[i + c] ?? 0) - value) <= tolerance)) count++;
  }
  return count;
}

/** Number of distinct RGB colours: 1 for a blank page, hundreds for rendered text and charts. */
export function distinctColours(image: Image): number {
  const seen = new Set<number>();
  for (let i = 0; i < image.pixels.length; i += image.channels) {
    seen.add(((image.pixels[i] ?? 0) << 16) | ((image.pixels[i + 1] ?? 0) << 8) | (image.pixels[i + 2] ?? 0));
  }
  return seen.size;
}

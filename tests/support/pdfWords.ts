/**
 * Where each word of a PDF sits, read by poppler's `pdftotext -bbox` (not by the library that
 * wrote the file): page number (from 1) and box in points, y growing down the page.
 */
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PdfLayout {
  readonly pages: readonly { readonly width: number; readonly height: number }[];
  readonly words: readonly PdfWord[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);

export function pdfWords(file: string): PdfLayout {
  const xhtml = execFileSync('pdftotext', ['-bbox', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages: { width: number; height: number }[] = [];
  const words: PdfWord[] = [];
  const pattern =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const match of xhtml.matchAll(pattern)) {
    if (match[1]) {
      pages.push({ width: Number(match[1]), height: Number(match[2]) });
    } else {
      words.push({
        page: pages.length,
        text: decode(match[7]!),
        xMin: Number(match[3]),
        yMin: Number(match[4]),
        xMax: Number(match[5]),
        yMax: Number(match[6]),
      });
    }
  }
  return { pages, words };
}

/** Reading order across pages: page, then line by line top to bottom, then left to right. */
export const before = (a: PdfWord, b: PdfWord): boolean =>
  a.page < b.page ||
  (a.page === b.page &&
    (a.yMax <= b.yMin + 0.5 || (Math.abs(a.yMin - b.yMin) < 1 && a.xMax <= b.xMin + 0.5)));

/** One page as poppler draws it: 8-bit gray pixels, `scale` pixels to the point. */
export interface PageImage {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly pixels: Buffer;
}

export function pageImage(file: string, page: number, scale = 2): PageImage {
  const pgm = execFileSync(
    'pdftoppm',
    ['-gray', '-r', String(72 * scale), '-f', String(page), '-l', String(page), file],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  // A binary PGM: "P5 <width> <height> <maxval>" and one whitespace, then a byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    scale,
    pixels: pgm.subarray(header[0].length),
  };
}

/**
 * The horizontal rules drawn across a band of a page (x from `left` to `right`, in points):
 * rows where nearly every pixel of the band is dark. Each rule is its top and bottom in points.
 */
export function horizontalRules(
  image: PageImage,
  band: { readonly left: number; readonly right: number },
): { top: number; bottom: number }[] {
  const { width, height, scale, pixels } = image;
  const from = Math.round(band.left * scale);
  const to = Math.round(band.right * scale);
  const rules: { top: number; bottom: number }[] = [];
  for (let row = 0; row < height; row += 1) {
    let dark = 0;
    for (let x = from; x < to; x += 1) if (pixels[row * width + x]! < 160) dark += 1;
    if (dark < (to - from) * 0.95) continue;
    const last = rules.at(-1);
    if (last && last.bottom >= row / scale) last.bottom = (row + 1) / scale;
    else rules.push({ top: row / scale, bottom: (row + 1) / scale });
  }
  return rules;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { AppError } from '../../../../../shared/errors';

/** One font of the chain: a file and, for a collection (.ttc), the PostScript name of its face. */
export interface FontFace {
  readonly file: string;
  readonly postscriptName?: string;
}

/** The fonts of a contract PDF, in the order each character looks for its glyph. */
export interface PdfFonts {
  readonly faces: readonly FontFace[];
}

/**
 * resources/fonts as `npm install` fills it (scripts/fonts.mjs): Noto Sans for Latin, Greek and
 * Cyrillic first, then Noto Sans CJK for Chinese, Japanese kana and kanji, and Hangul.
 */
export function contractFonts(resourcesDir: string): PdfFonts {
  const dir = join(resourcesDir, 'fonts');
  return {
    faces: [
      { file: join(dir, 'NotoSans-Regular.ttf') },
      { file: join(dir, 'NotoSansCJK-Regular.ttc'), postscriptName: 'NotoSansCJKsc-Regular' },
    ],
  };
}

/** A loaded face: fontkit's font, which pdfkit embeds and we ask for glyphs. */
export interface LoadedFace {
  readonly file: string;
  readonly font: fontkit.Font;
}

/** A stretch of text drawn with one face (an index into the chain). */
export interface Run {
  readonly face: number;
  readonly text: string;
}

/** What stands in for a character no font has: drawn, so nothing silently disappears. */
const PLACEHOLDERS = ['\uFFFD', '?'];

/** Invisible on its own: joiners, variation selectors, tags, zero-width spaces, soft hyphens. */
const ignorable = (char: string): boolean => {
  const code = char.codePointAt(0)!;
  return (
    code === 0xad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff ||
    (code >= 0xe0000 && code <= 0xe0fff)
  );
};

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Per character, the first face that has its glyphs: no empty boxes, no gaps in the text layer. */
export class FontChain {
  private placeholder: Run;

  constructor(readonly faces: readonly LoadedFace[]) {
    this.placeholder = { face: 0, text: '?' };
    for (const text of PLACEHOLDERS) {
      const face = faces.findIndex((each) => has(each, text));
      if (face >= 0) {
        this.placeholder = { face, text };
        break;
      }
    }
  }

  /** The text cut into runs of one face each; characters no face has become the placeholder. */
  runs(text: string): Run[] {
    const runs: { face: number; text: string }[] = [];
    for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
      const piece = this.place(segment, runs.at(-1)?.face);
      if (!piece) continue;
      const last = runs.at(-1);
      if (last && last.face === piece.face) last.text += piece.text;
      else runs.push({ ...piece });
    }
    return runs;
  }

  private place(grapheme: string, current: number | undefined): Run | null {
    const visible = [...grapheme].filter((char) => !ignorable(char)).join('');
    if (!visible) return null;
    // Spaces stay in the run they are in: fewer, longer runs.
    if (/^\s+$/u.test(visible) && current !== undefined && has(this.faces[current]!, visible)) {
      return { face: current, text: visible };
    }
    const whole = this.faces.findIndex((face) => has(face, visible));
    if (whole >= 0) return { face: whole, text: visible };
    // An emoji with a skin tone, or a letter with a mark no face combines: its base alone.
    const base = String.fromCodePoint(visible.codePointAt(0)!);
    const alone = this.faces.findIndex((face) => has(face, base));
    if (alone >= 0) return { face: alone, text: base };
    return this.placeholder;
  }
}

const has = (face: LoadedFace, text: string): boolean =>
  [...text].every((char) => face.font.hasGlyphForCodePoint(char.codePointAt(0)!));

const loaded = new Map<string, LoadedFace | null>();

/** Reads each font file once per process (the CJK collection is about 19 MB). */
function load(face: FontFace): LoadedFace | null {
  const key = `${face.file}#${face.postscriptName ?? ''}`;
  if (!loaded.has(key)) {
    let result: LoadedFace | null = null;
    if (existsSync(face.file)) {
      const font = fontkit.create(readFileSync(face.file), face.postscriptName);
      // A collection without the named face gives the collection back, not a font.
      if ('hasGlyphForCodePoint' in font) result = { file: face.file, font };
    }
    if (!result) {
      console.error(
        `contract documents: the font ${face.file}${face.postscriptName ? ` (${face.postscriptName})` : ''} is missing; ` +
          'its characters print as \uFFFD. `npm run fonts` says how to install it.',
      );
    }
    loaded.set(key, result);
  }
  return loaded.get(key)!;
}

/** The chain over the faces that are installed; none at all is an error, not a blank document. */
export function loadFontChain(fonts: PdfFonts): FontChain {
  const faces = fonts.faces.map(load).filter((face): face is LoadedFace => face !== null);
  if (faces.length === 0) {
    throw new AppError(
      'INTERNAL',
      'The fonts for contract documents are not installed: run `npm run fonts`.',
    );
  }
  return new FontChain(faces);
}

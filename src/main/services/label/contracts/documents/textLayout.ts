import LineBreaker from 'linebreak';
import type { FontChain, Run } from './fonts';

/** The advance width, in points, of `text` set in one face of the chain at `size`. */
export type Measure = (face: number, text: string, size: number) => number;

/** A run placed on a line: `x` from the line's start, in points. */
export interface Piece extends Run {
  readonly x: number;
  readonly width: number;
}

export interface Line {
  readonly pieces: readonly Piece[];
  readonly width: number;
}

interface Chunk {
  readonly runs: readonly Run[];
  readonly width: number;
  /** The width without trailing spaces, which may hang past the line's end. */
  readonly inkWidth: number;
  readonly hardBreak: boolean;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Lines of at most `width` points, broken where Unicode line breaking allows (between words, and
 * between CJK characters), each line cut into runs of one font. We lay lines out ourselves,
 * rather than letting pdfkit wrap, because one line may mix fonts and because a block's height
 * must be known before it is placed (to keep it on one page).
 */
export function layoutText(
  chain: FontChain,
  text: string,
  size: number,
  width: number,
  measure: Measure,
): Line[] {
  const source = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  const lines: Line[] = [];
  let current: Chunk[] = [];
  let currentWidth = 0;
  const flush = () => {
    lines.push(place(current, size, measure));
    current = [];
    currentWidth = 0;
  };

  const breaker = new LineBreaker(source);
  let start = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    const piece = source.slice(start, found.position);
    start = found.position;
    for (const chunk of chunks(chain, piece, found.required, size, width, measure)) {
      if (current.length > 0 && currentWidth + chunk.inkWidth > width) flush();
      current.push(chunk);
      currentWidth += chunk.width;
      if (chunk.hardBreak) flush();
    }
  }
  if (current.length > 0 || lines.length === 0) flush();
  return lines;
}

/** One break opportunity's text as chunks; a word wider than the line is cut between graphemes. */
function chunks(
  chain: FontChain,
  piece: string,
  required: boolean,
  size: number,
  width: number,
  measure: Measure,
): Chunk[] {
  const hardBreak = required && /[\n\v\f\u0085\u2028\u2029]$/.test(piece);
  const body = hardBreak ? piece.replace(/[\n\v\f\u0085\u2028\u2029]+$/, '') : piece;
  const whole = chunk(chain.runs(body), hardBreak, size, measure);
  if (whole.inkWidth <= width) return [whole];
  const out: Chunk[] = [];
  let part = '';
  for (const { segment } of graphemes.segment(body)) {
    const next = chunk(chain.runs(part + segment), false, size, measure);
    if (part && next.inkWidth > width) {
      out.push(chunk(chain.runs(part), false, size, measure));
      part = segment;
    } else {
      part += segment;
    }
  }
  out.push(chunk(chain.runs(part), hardBreak, size, measure));
  return out;
}

function chunk(runs: Run[], hardBreak: boolean, size: number, measure: Measure): Chunk {
  const widthOf = (list: readonly Run[]) =>
    list.reduce((sum, run) => sum + measure(run.face, run.text, size), 0);
  return { runs, width: widthOf(runs), inkWidth: widthOf(trimEnd(runs)), hardBreak };
}

/** Runs without their trailing white space (an empty run at the end is dropped). */
function trimEnd(runs: readonly Run[]): Run[] {
  const out = [...runs];
  while (out.length > 0) {
    const last = out.at(-1)!;
    const text = last.text.replace(/\s+$/u, '');
    if (text === last.text) break;
    out.pop();
    if (text) {
      out.push({ face: last.face, text });
      break;
    }
  }
  return out;
}

/** Joins a line's runs (neighbours in one face become one) and places them left to right. */
function place(line: readonly Chunk[], size: number, measure: Measure): Line {
  const runs: Run[] = [];
  for (const run of trimEnd(line.flatMap((each) => each.runs))) {
    const last = runs.at(-1);
    if (last && last.face === run.face)
      runs[runs.length - 1] = { ...last, text: last.text + run.text };
    else runs.push(run);
  }
  const pieces: Piece[] = [];
  let x = 0;
  for (const run of runs) {
    const width = measure(run.face, run.text, size);
    pieces.push({ ...run, x, width });
    x += width;
  }
  return { pieces, width: x };
}

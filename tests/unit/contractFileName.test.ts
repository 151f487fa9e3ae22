/**
 * Contract file names: at most 200 bytes of UTF-8, cut between graphemes, always keeping the
 * contract type, naming no id, and numbered only where a name repeats in one bundle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contractFileBase,
  createContractNamer,
  MAX_FILE_NAME_BYTES,
} from '../../src/main/services/label/contracts/documents/fileName';

const graphemes = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map(
    (part) => part.segment,
  );
const bytes = (text: string) => Buffer.byteLength(text);
// Control characters are exactly what a file name must not hold.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/;

describe('contract file names', () => {
  it('fit 200 bytes with either ending, keep the type, name no id, and cut between graphemes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 160 }),
        fc.constantFrom('Recording Agreement', 'Publishing Agreement'),
        fc.integer({ min: 1, max: 999 }),
        (artist, title, copy) => {
          const base = contractFileBase(artist, title, { copy });
          expect(bytes(`${base} (document).pdf`)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
          expect(base).not.toMatch(UNSAFE);
          const tail = copy > 1 ? `${title} (${copy})` : title;
          expect(base.endsWith(tail)).toBe(true);
          const kept = base.slice(0, -tail.length).trim();
          // What is kept of the name is whole graphemes of it.
          const name = graphemes(artist.normalize('NFC').replace(/\s+/g, ' ').trim());
          const keptParts = graphemes(kept);
          if (!UNSAFE.test(artist)) {
            expect(name.slice(0, keptParts.length).join('').trim()).toBe(kept);
          }
        },
      ),
    );
  });

  it('is the artist and the document title alone', () => {
    expect(`${contractFileBase('Velvet Parade', 'Distribution Agreement')}.pdf`).toBe(
      'Velvet Parade Distribution Agreement.pdf',
    );
    expect(contractFileBase('AC/DC: Live?', 'Recording Agreement')).toBe(
      'AC-DC- Live- Recording Agreement',
    );
  });

  it('never splits an emoji sequence or a letter from its accent at the cut', () => {
    const family = '👨‍👩‍👧‍👦'; // 25 bytes: four people joined by zero-width joiners
    const accented = 'q\u0301'; // a q and a combining acute accent (no precomposed form)
    for (const unit of [family, accented, '아', '夜']) {
      for (let pad = 0; pad < 30; pad += 1) {
        const artist = 'x'.repeat(pad) + unit.repeat(200);
        const base = contractFileBase(artist, 'Recording Agreement');
        const kept = base.slice(0, -' Recording Agreement'.length);
        expect(kept.slice(pad)).toBe(unit.repeat(graphemes(kept.slice(pad)).length));
        expect(bytes(`${base}.pdf`)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(bytes(`${base}.pdf`)).toBeGreaterThan(MAX_FILE_NAME_BYTES - 40);
      }
    }
  });

  it('numbers only the names that repeat within a bundle, whatever their case', () => {
    const name = createContractNamer();
    expect([
      name('Velvet Parade', 'Recording Agreement'),
      name('Velvet Parade', 'Publishing Agreement'),
      name('Velvet Parade', 'Recording Agreement'),
      name('VELVET PARADE', 'Recording Agreement'),
      name('Paper Tides', 'Recording Agreement'),
    ]).toEqual([
      'Velvet Parade Recording Agreement',
      'Velvet Parade Publishing Agreement',
      'Velvet Parade Recording Agreement (2)',
      'VELVET PARADE Recording Agreement (3)',
      'Paper Tides Recording Agreement',
    ]);
  });

  it('keeps the number of a long name that repeats, within 200 bytes', () => {
    const name = createContractNamer();
    const artist = '夜'.repeat(160);
    const names = [1, 2, 3].map(() => name(artist, 'Recording Agreement'));
    expect(new Set(names).size).toBe(3);
    expect(names[0]).toMatch(/^夜+ Recording Agreement$/);
    expect(names[2]).toMatch(/^夜+ Recording Agreement \(3\)$/);
    for (const each of names) {
      expect(bytes(`${each} (document).pdf`)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    }
  });
});

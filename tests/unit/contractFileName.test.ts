/**
 * Contract file names: at most 200 bytes of UTF-8, cut between graphemes, always keeping the
 * contract type and a reference, and never the same twice in one bundle.
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
const ID = '3f2a9c1e-7b44-4e0a-9d51-0c6e2b8f1a77';
// Control characters are exactly what a file name must not hold.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/;

describe('contract file names', () => {
  it('fit 200 bytes with either ending, keep the type and reference, and cut between graphemes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 160 }),
        fc.constantFrom('Recording Agreement', 'Publishing Agreement'),
        fc.uuid(),
        (artist, title, id) => {
          const base = contractFileBase(artist, title, id);
          expect(bytes(`${base} (document).pdf`)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
          expect(base).not.toMatch(UNSAFE);
          const reference = id.slice(0, 8).toUpperCase();
          expect(base.endsWith(`${title} ${reference}`)).toBe(true);
          const kept = base.slice(0, -`${title} ${reference}`.length).trim();
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

  it('never splits an emoji sequence or a letter from its accent at the cut', () => {
    const family = '👨‍👩‍👧‍👦'; // 25 bytes: four people joined by zero-width joiners
    const accented = 'q\u0301'; // a q and a combining acute accent (no precomposed form)
    for (const unit of [family, accented, '아', '夜']) {
      for (let pad = 0; pad < 30; pad += 1) {
        const artist = 'x'.repeat(pad) + unit.repeat(200);
        const base = contractFileBase(artist, 'Recording Agreement', ID);
        const kept = base.slice(0, -' Recording Agreement 3F2A9C1E'.length);
        expect(kept.slice(pad)).toBe(unit.repeat(graphemes(kept.slice(pad)).length));
        expect(bytes(`${base}.pdf`)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(bytes(`${base}.pdf`)).toBeGreaterThan(MAX_FILE_NAME_BYTES - 40);
      }
    }
  });

  it('names two contracts of one artist apart within a bundle, even with one reference', () => {
    const name = createContractNamer();
    const artist = '夜'.repeat(160);
    const first = name(artist, 'Recording Agreement', ID);
    const same = name(artist, 'Recording Agreement', ID.replace(/.$/, '0'));
    const again = name(artist, 'Recording Agreement', ID);
    expect(new Set([first, same, again]).size).toBe(3);
    for (const each of [first, same, again]) {
      expect(bytes(`${each} (document).pdf`)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
      expect(each).toContain('Recording Agreement 3F2A9C1E');
    }
  });
});

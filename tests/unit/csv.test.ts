import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCsv, neutralise, restore, toCsv } from '../../src/main/services/workspace/files/csv';

const tricky = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.constantFrom(
    'a,b',
    'say "hi"',
    'line\nbreak',
    'crlf\r\nbreak',
    '夜行者乐队',
    '=1+1',
    '+SUM(A1)',
    '-2',
    '@cmd',
    '\tindent',
    '\rcr',
    "'=already",
    "''+twice",
    ' padded ',
    '😀🎵',
  ),
);

describe('CSV', () => {
  it('reads back exactly what it writes: quotes, newlines, commas, Chinese, formula-like text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((width) =>
          fc.tuple(
            fc.array(fc.string({ minLength: 1, maxLength: 12 }), {
              minLength: width,
              maxLength: width,
            }),
            fc.array(fc.array(tricky, { minLength: width, maxLength: width }), { maxLength: 20 }),
          ),
        ),
        ([header, rows]) => {
          fc.pre(new Set(header.map((h) => h.trim())).size === header.length);
          fc.pre(header.every((h) => h.trim() === h && h !== ''));
          const parsed = fromCsv(toCsv(header, rows));
          expect(parsed.columns).toEqual(header);
          expect(parsed.rows).toEqual(
            rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]]))),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('starts with a byte order mark, ends lines with CRLF, and defuses every formula-like cell', () => {
    const text = toCsv(
      ['name', 'count'],
      [
        ['=HYPERLINK("http://x")', 3],
        ['@SUM(1)', -2],
      ],
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain("'@SUM(1),-2");
    for (const value of ['=a', '+a', '-a', '@a', '\ta', '\ra']) {
      expect(neutralise(value)).toBe(`'${value}`);
      expect(restore(neutralise(value))).toBe(value);
    }
    expect(neutralise('plain')).toBe('plain');
  });
});

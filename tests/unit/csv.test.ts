import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  fromCsv,
  neutralise,
  restore,
  toCsv,
} from '../../src/main/services/workspace/files/csv';

const tricky = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.constantFrom(
    'a,b',
    'a;b',
    'first\n=1+2',
    'see below\r+cmd',
    "x\r\n'@twice",
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

  it('quotes every cell with a line break, and defuses a formula at the start of any line', () => {
    const text = toCsv(['notes'], [['first line\nsecond line'], ['see below\r=1+2']]);
    expect(text).toContain('"first line\nsecond line"');
    expect(text).toContain(`"see below\r'=1+2"`);
    expect(neutralise('a\n\t-x')).toBe("a\n'\t-x");
    expect(neutralise('\r=1')).toBe("'\r'=1");
    for (const value of ['a\n=1', '\r=1', "'\n=1", 'a\r\n@b\r+c', "x\n''=y", "x\n'ok"]) {
      expect(restore(neutralise(value))).toBe(value);
    }
  });

  it('reads semicolon- and tab-separated files, and says which delimiter it used', () => {
    const semicolon = fromCsv('\uFEFFartistName;genre;priorityScore\r\n"Comma, Band";rock;80\r\n');
    expect(semicolon.delimiter).toBe(';');
    expect(semicolon.rows).toEqual([
      { artistName: 'Comma, Band', genre: 'rock', priorityScore: '80' },
    ]);
    const tab = fromCsv('artistName\tgenre\nA; B\tpop\n');
    expect(tab).toMatchObject({ delimiter: '\t', rows: [{ artistName: 'A; B', genre: 'pop' }] });
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(detectDelimiter('name\nx;y\n')).toBe(',');
    expect(fromCsv(toCsv(['a;b', 'c\td'], [['1;2', '3']])).delimiter).toBe(',');
  });
});

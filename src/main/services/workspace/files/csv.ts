import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * A spreadsheet runs a cell that starts with = + - @ tab or carriage return as a formula
 * (OWASP "CSV injection"): such text is written with a leading apostrophe. Text that already
 * starts with apostrophes before one of those gets one more, so reading back is exact.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_LIKE.test(value) ? `'${value}` : value;
}

export function restore(value: string): string {
  return value.startsWith("'") && FORMULA_LIKE.test(value) ? value.slice(1) : value;
}

export type Cell = string | number | boolean | null | undefined;

/**
 * RFC 4180 text with CRLF line ends, and a UTF-8 byte order mark so Excel reads Chinese text
 * correctly. Numbers stay numbers; every text cell is neutralised.
 */
export function toCsv(columns: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const records: string[][] = [columns.map(neutralise)];
  for (const row of rows) {
    records.push(
      row.map((cell) =>
        cell === null || cell === undefined
          ? ''
          : typeof cell === 'string'
            ? neutralise(cell)
            : String(cell),
      ),
    );
  }
  return `\uFEFF${stringify(records, { record_delimiter: 'windows', quoted_match: /^\s|\s$/ })}`;
}

export interface ParsedCsv {
  readonly columns: string[];
  /** Each data row keyed by column; empty cells are absent. */
  readonly rows: Record<string, string>[];
}

/** Reads what toCsv writes (and what spreadsheets save): BOM optional, any line ends. */
export function fromCsv(text: string): ParsedCsv {
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  const [header = [], ...body] = records;
  const columns = header.map((name) => restore(name).trim());
  // fromEntries defines own properties: a column named __proto__ is just a column.
  const rows = body.map((record) =>
    Object.fromEntries(
      columns.flatMap((column, index) => {
        const cell = record[index];
        return cell !== undefined && cell !== '' ? [[column, restore(cell)]] : [];
      }),
    ),
  );
  return { columns, rows };
}

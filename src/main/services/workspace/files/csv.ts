import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * A spreadsheet runs a cell that starts with = + - @ tab or carriage return as a formula
 * (OWASP "CSV injection"): such text is written with a leading apostrophe. Text that already
 * starts with apostrophes before one of those gets one more, so reading back is exact.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
/**
 * The same after every line break inside a cell: a reader that splits rows on a bare CR or LF
 * (or a person pasting one line) would otherwise meet `=1+2` at the start of a line.
 */
const FORMULA_LINE = /(\r\n|\r|\n)('*[=+\-@\t])/g;
const DEFUSED_LINE = /(\r\n|\r|\n)'('*[=+\-@\t])/g;

export function neutralise(value: string): string {
  const lines = value.replace(FORMULA_LINE, "$1'$2");
  return FORMULA_LIKE.test(lines) ? `'${lines}` : lines;
}

export function restore(value: string): string {
  const first = value.startsWith("'") && FORMULA_LIKE.test(value) ? value.slice(1) : value;
  return first.replace(DEFUSED_LINE, '$1$2');
}

export type Cell = string | number | boolean | null | undefined;

/**
 * RFC 4180 text with CRLF line ends, and a UTF-8 byte order mark so Excel reads Chinese text
 * correctly. Numbers stay numbers; every text cell is neutralised. A cell with a line break of
 * any kind is quoted: csv-stringify quotes only the record delimiter (CRLF), and a bare LF or
 * CR left unquoted starts a new row for every other reader. A cell holding a semicolon or a tab
 * is quoted too, so that detectDelimiter reads what we write as comma-separated.
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
  return `\uFEFF${stringify(records, { record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n;\t]/ })}`;
}

/** The delimiters a file may use: comma, semicolon (Excel in much of Europe) and tab. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * The delimiter of a file, from its header line: the candidate that occurs most often outside
 * quotes (field names hold none of them). A one-column file has none and reads as comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as CsvDelimiter)) {
      counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

export interface ParsedCsv {
  readonly columns: string[];
  /** Each data row keyed by column; empty cells are absent. */
  readonly rows: Record<string, string>[];
  readonly delimiter: CsvDelimiter;
}

/** The options both readers use: what toCsv writes and what spreadsheets save. */
export function readOptions(delimiter: CsvDelimiter) {
  return { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true } as const;
}

/** The header's column names, as written (defused names restored, spaces trimmed). */
export const columnNames = (header: readonly string[]): string[] =>
  header.map((name) => restore(name).trim());

/** One data record keyed by column; empty cells are absent. */
export function rowOf(columns: readonly string[], record: readonly string[]) {
  // fromEntries defines own properties: a column named __proto__ is just a column.
  return Object.fromEntries(
    columns.flatMap((column, index) => {
      const cell = record[index];
      return cell !== undefined && cell !== '' ? [[column, restore(cell)]] : [];
    }),
  ) as Record<string, string>;
}

/** Reads what toCsv writes (and what spreadsheets save): BOM optional, any line ends. */
export function fromCsv(text: string): ParsedCsv {
  const delimiter = detectDelimiter(text);
  const records = parse(text, readOptions(delimiter)) as string[][];
  const [header = [], ...body] = records;
  const columns = columnNames(header);
  return { columns, rows: body.map((record) => rowOf(columns, record)), delimiter };
}

import { Column, noopDecoder, SQL } from 'drizzle-orm';

/** Column kinds whose stored value is not the value a record carries (they need decoding). */
const DECODED = new Set(['SQLiteBoolean', 'SQLiteTextJson', 'SQLiteTimestamp', 'SQLiteBigInt']);

/**
 * Rows of a prepared select read as values (`.values()`) made into objects keyed like the
 * select's fields, in one step per row: the ORM's own mapping decodes every column through a
 * chain of checks, which on a page of 50–100 rows cost as much as the query. Only plain text and
 * number columns (and SQL expressions without a decoder) may be read this way; anything else is
 * refused where the list is built, not found wrong in a reply.
 */
export function valueRows<R>(fields: Record<string, Column | SQL>) {
  const keys = Object.keys(fields);
  for (const key of keys) {
    const field = fields[key];
    if (field instanceof Column && DECODED.has(field.columnType))
      throw new Error(`valueRows: ${key} is a ${field.columnType} column, which needs decoding`);
    // An SQL expression's decoder is private in drizzle's types; mapWith() replaces it.
    if (field instanceof SQL && (field as unknown as { decoder: unknown }).decoder !== noopDecoder)
      throw new Error(`valueRows: ${key} has its own decoder`);
  }
  return (values: readonly unknown[]): R => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i]!] = values[i];
    return row as R;
  };
}

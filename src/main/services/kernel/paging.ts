import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';

/** Opaque list cursors: the sort key of the last row handed out. */
export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every((p) => typeof p === 'string' || typeof p === 'number')
    ) {
      return parts as (string | number)[];
    }
  } catch {
    // fall through to the typed error
  }
  throw new AppError('VALIDATION', 'This list position is not valid any more.', {
    cursor: 'Not a valid cursor',
  });
}

/**
 * The rows after a cursor in a list ordered by (key, id), ascending or descending: the one form
 * of the keyset condition, so no list repeats or skips rows that tie on their sort key.
 */
export function afterCursor(
  cursor: string,
  key: SQLWrapper,
  id: SQLWrapper,
  direction: 'asc' | 'desc',
): SQL {
  const [value, lastId] = decodeCursor(cursor, 2);
  const beyond = sql.raw(direction === 'asc' ? '>' : '<');
  return sql`(${key} ${beyond} ${value} OR (${key} = ${value} AND ${id} ${beyond} ${lastId}))`;
}

export const DEFAULT_LIMIT = 50;

/** `%`, `_` and `\` in user text are literal in LIKE patterns (we use ESCAPE '\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * How many rows a list's filter matches (for a pager's "1–50 of 3,214"): one COUNT over the same
 * FROM, joins and WHERE as the page (`filtered`, without order or limit), so the total and the
 * rows agree on the filter and the caller's access scope.
 *
 * Counted for a list's first page only. A client reaches a later page through the first (a
 * cursor is what the page before handed out), and that reply carried the total; counting again
 * for every later page would cost a scan per page for a number the client already holds. With a
 * cursor the total is left out.
 */
export function firstPageTotal(
  db: Pick<Db, 'get'>,
  input: { readonly cursor?: string | undefined },
  filtered: SQLWrapper,
): number | undefined {
  if (input.cursor) return undefined;
  return db.get<{ total: number }>(sql`select count(*) as total from ${filtered}`).total;
}

/**
 * One page of a list read with `limit + 1` rows: the first `limit`, mapped, and a cursor (the
 * sort key of the last one) only when the extra row shows there is more; `total` when counted.
 */
export function pageOf<R, T>(
  rows: readonly R[],
  limit: number,
  map: (row: R) => T,
  cursorOf: (item: T) => readonly (string | number)[],
  total?: number,
): { items: T[]; nextCursor: string | null; total?: number } {
  const items = rows.slice(0, limit).map(map);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
    ...(total !== undefined ? { total } : {}),
  };
}

/**
 * Statements built once per shape of a list's filters (which filters are present, not their
 * values): a list call then costs a bind and a step, not a query build and an SQLite compile.
 */
export function preparedByShape<Shape extends object, S>(
  build: (shape: Shape) => S,
): (shape: Shape) => S {
  const cache = new Map<string, S>();
  return (shape) => {
    const key = JSON.stringify(shape);
    let statement = cache.get(key);
    if (!statement) {
      statement = build(shape);
      cache.set(key, statement);
    }
    return statement;
  };
}

/**
 * afterCursor for a prepared statement: the keyset condition on the placeholders `cursorKey` and
 * `cursorId`, whose values cursorParams decodes from the cursor.
 */
export function afterCursorPlaceholder(
  key: SQLWrapper,
  id: SQLWrapper,
  direction: 'asc' | 'desc',
): SQL {
  const beyond = sql.raw(direction === 'asc' ? '>' : '<');
  const value = sql.placeholder('cursorKey');
  return sql`(${key} ${beyond} ${value} OR (${key} = ${value} AND ${id} ${beyond} ${sql.placeholder('cursorId')}))`;
}

export function cursorParams(cursor: string): {
  cursorKey: string | number;
  cursorId: string | number;
} {
  const [cursorKey, cursorId] = decodeCursor(cursor, 2) as [string | number, string | number];
  return { cursorKey, cursorId };
}

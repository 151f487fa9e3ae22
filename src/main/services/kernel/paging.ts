import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';

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
 * One page of a list read with `limit + 1` rows: the first `limit`, mapped, and a cursor (the
 * sort key of the last one) only when the extra row shows there is more.
 */
export function pageOf<R, T>(
  rows: readonly R[],
  limit: number,
  map: (row: R) => T,
  cursorOf: (item: T) => readonly (string | number)[],
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit).map(map);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

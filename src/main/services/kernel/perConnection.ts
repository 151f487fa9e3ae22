import type { Db } from '../../db/open';

/**
 * What `build` prepares, once per database connection, then reused by every call on it, also
 * inside a write (one connection: a transaction's own rows are seen). Hot statements built and
 * compiled per call cost several times running them.
 */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}

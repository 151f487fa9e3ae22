/**
 * Every record's own link in the app's hash router: one place, so the command palette, Today,
 * reminders, the grids and the audit trail open the same thing, and a link pasted into another
 * window (or kept across a reload) opens the record itself.
 */
const PATHS: Readonly<Record<string, (id: string) => string>> = {
  talents: (id) => `/talents/${id}`,
  auditions: (id) => `/auditions/${id}`,
  bookings: (id) => `/bookings/${id}`,
  schedule: (id) => `/schedule/entries/${id}`,
  artists: (id) => `/artists/${id}`,
  demos: (id) => `/demos/${id}`,
  contracts: (id) => `/contracts/${id}`,
  // People are listed on one page; a request waiting there is marked.
  users: () => '/users',
};

/** The record's path, or null for a kind of record with no page of its own. */
export function recordPath(entity: string, id: string): string | null {
  const path = Object.prototype.hasOwnProperty.call(PATHS, entity) ? PATHS[entity] : undefined;
  return path ? path(encodeURIComponent(id)) : null;
}

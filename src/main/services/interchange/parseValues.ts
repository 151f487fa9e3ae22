import type { SkipReason } from '../../../shared/domain/interchange';

/**
 * Values as the hosted Back4app (Parse) apps export them: `{"__type":"Date","iso":...}`,
 * `{"__type":"Pointer","className":...,"objectId":...}`, or the plain string forms the data
 * dictionaries use (`managerId`). Each reader returns null when the value is absent, and throws
 * SkipObject with a reason a person can act on when it is present but unusable.
 */
export class SkipObject extends Error {
  /** The same as a code and parameters, for the renderer to word in the reader's language. */
  readonly why: SkipReason;

  constructor(message: string, why: SkipReason) {
    super(message);
    this.why = why;
  }
}

export type ParseObject = Record<string, unknown> & { objectId?: unknown };

export const missing = (field: string) =>
  new SkipObject(`${field} is missing`, { code: 'missing', field });

const tooLong = (field: string, max: number) =>
  new SkipObject(`${field} is longer than ${max} characters`, {
    code: 'tooLong',
    field,
    params: { max },
  });

const notDate = (field: string) =>
  new SkipObject(`${field} is not a date`, { code: 'notDate', field });

export const notOneOf = (field: string, value: string, values: readonly string[]) =>
  new SkipObject(`${field} “${value}” is not one of ${values.join(', ')}`, {
    code: 'notOneOf',
    field,
    params: { value, values: [...values] },
  });

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function text(object: ParseObject, field: string, max = 10_000): string | null {
  const value = object[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string')
    throw new SkipObject(`${field} is not text`, { code: 'notText', field });
  if (value.length > max) throw tooLong(field, max);
  return value;
}

export function required<T>(value: T | null, field: string): T {
  if (value === null) throw missing(field);
  return value;
}

export function oneOf<T extends string>(
  object: ParseObject,
  field: string,
  values: readonly T[],
): T | null {
  const value = text(object, field, 100);
  if (value === null) return null;
  if (!values.includes(value as T)) {
    throw notOneOf(field, value, values);
  }
  return value as T;
}

export function number(object: ParseObject, field: string): number | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SkipObject(`${field} is not a number`, { code: 'notNumber', field });
  }
  return value;
}

/** A file's address: a Parse File (`{ "__type": "File", "name", "url" }`) or a URL string. */
export function fileUrl(object: ParseObject, field: string, max = 2000): string | null {
  const value = object[field];
  if (isRecord(value) && value.__type === 'File') {
    if (typeof value.url !== 'string' || !value.url)
      throw new SkipObject(`${field} has no url`, { code: 'noUrl', field });
    if (value.url.length > max) throw tooLong(field, max);
    return value.url;
  }
  return text(object, field, max);
}

/** An instant, as an ISO string in UTC. */
export function instant(object: ParseObject, field: string): string | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  const iso = isRecord(value) && value.__type === 'Date' ? value.iso : value;
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) {
    throw notDate(field);
  }
  return new Date(iso).toISOString();
}

/** YYYY-MM-DD of an instant on the wall calendar of `zone`. */
export function calendarDateIn(iso: string, zone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/**
 * A calendar date (YYYY-MM-DD). Parse has no date-only type: a date picked in the hosted app
 * was saved as the instant of its midnight where the person was, so the date is read on the
 * calendar of `zone` (a contract saved in Shanghai for 2027-01-01 is 2026-12-31T16:00Z). A bare
 * YYYY-MM-DD string is taken as it is.
 */
export function day(object: ParseObject, field: string, zone: string): string | null {
  const value = object[field];
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (Number.isNaN(Date.parse(value))) throw notDate(field);
    return value;
  }
  const at = instant(object, field);
  return at === null ? null : calendarDateIn(at, zone);
}

/**
 * The objectId a field points at: a Pointer, `<field>Id`, or a bare id string. A Pointer to
 * another class than `targetClass` is refused rather than resolved against the wrong one.
 */
export function pointer(object: ParseObject, field: string, targetClass?: string): string | null {
  const value = object[field] ?? object[`${field}Id`];
  if (value === undefined || value === null || value === '') return null;
  if (isRecord(value) && value.__type === 'Pointer' && typeof value.objectId === 'string') {
    if (targetClass && typeof value.className === 'string' && value.className !== targetClass) {
      throw new SkipObject(`${field} points at a ${value.className}, not a ${targetClass}`, {
        code: 'wrongPointer',
        field,
        params: { actual: value.className, expected: targetClass },
      });
    }
    return value.objectId;
  }
  if (typeof value === 'string') return value;
  throw new SkipObject(`${field} is not a pointer`, { code: 'notPointer', field });
}

/** An entry of a file's list that is not an object, and what it was instead. */
export interface DroppedEntry {
  readonly index: number;
  readonly reason: string;
  readonly why: SkipReason;
}

/** What JSON value an entry is instead of an object: null, list, number, string or boolean. */
const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value;

/**
 * The objects of one class export: Parse's `{ "results": [...] }` or a bare array. Entries that
 * are not objects are returned as dropped, each with its position, never skipped in silence.
 */
export function objectsOf(
  json: unknown,
): { objects: ParseObject[]; dropped: DroppedEntry[] } | null {
  const list = isRecord(json) && Array.isArray(json.results) ? json.results : json;
  if (!Array.isArray(list)) return null;
  const objects: ParseObject[] = [];
  const dropped: DroppedEntry[] = [];
  list.forEach((entry: unknown, index) => {
    if (isRecord(entry)) objects.push(entry as ParseObject);
    else {
      const kind = kindOf(entry);
      dropped.push({
        index,
        reason: `not an object (${kind === 'null' ? kind : `a ${kind}`})`,
        why: { code: 'notObject', params: { kind } },
      });
    }
  });
  return { objects, dropped };
}

/** JSON text as a file holds it: a UTF-8 byte order mark (Windows editors add one) is not JSON. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

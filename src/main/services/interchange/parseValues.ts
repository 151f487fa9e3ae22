/**
 * Values as the hosted Back4app (Parse) apps export them: `{"__type":"Date","iso":...}`,
 * `{"__type":"Pointer","className":...,"objectId":...}`, or the plain string forms the data
 * dictionaries use (`managerId`). Each reader returns null when the value is absent, and throws
 * SkipObject with a reason a person can act on when it is present but unusable.
 */
export class SkipObject extends Error {}

export type ParseObject = Record<string, unknown> & { objectId?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function text(object: ParseObject, field: string, max = 10_000): string | null {
  const value = object[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new SkipObject(`${field} is not text`);
  if (value.length > max) throw new SkipObject(`${field} is longer than ${max} characters`);
  return value;
}

export function required<T>(value: T | null, field: string): T {
  if (value === null) throw new SkipObject(`${field} is missing`);
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
    throw new SkipObject(`${field} “${value}” is not one of ${values.join(', ')}`);
  }
  return value as T;
}

export function number(object: ParseObject, field: string): number | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SkipObject(`${field} is not a number`);
  }
  return value;
}

/** An instant, as an ISO string in UTC. */
export function instant(object: ParseObject, field: string): string | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  const iso = isRecord(value) && value.__type === 'Date' ? value.iso : value;
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) {
    throw new SkipObject(`${field} is not a date`);
  }
  return new Date(iso).toISOString();
}

/** A calendar date (YYYY-MM-DD), from a Parse Date or a date string. */
export function day(object: ParseObject, field: string): string | null {
  return instant(object, field)?.slice(0, 10) ?? null;
}

/** The objectId a field points at: a Pointer, `<field>Id`, or a bare id string. */
export function pointer(object: ParseObject, field: string): string | null {
  const value = object[field] ?? object[`${field}Id`];
  if (value === undefined || value === null || value === '') return null;
  if (isRecord(value) && value.__type === 'Pointer' && typeof value.objectId === 'string') {
    return value.objectId;
  }
  if (typeof value === 'string') return value;
  throw new SkipObject(`${field} is not a pointer`);
}

/** The objects of one class export: Parse's `{ "results": [...] }` or a bare array. */
export function objectsOf(json: unknown): ParseObject[] | null {
  const list = isRecord(json) && Array.isArray(json.results) ? json.results : json;
  if (!Array.isArray(list)) return null;
  return list.filter(isRecord) as ParseObject[];
}

import { DateTime } from 'luxon';

/**
 * A picker's DateTime as the contract's instant: null when empty, and a text the schema refuses
 * (as "a whole date and time") while it is half typed.
 */
export function instantInput(value: DateTime | null | undefined): string | null {
  if (!value) return null;
  return value.isValid ? value.toUTC().toISO() : 'incomplete';
}

/** A date picker's DateTime as the contract's YYYY-MM-DD (see instantInput). */
export function calendarDateInput(value: DateTime | null | undefined): string | null {
  if (!value) return null;
  return value.isValid ? value.toISODate() : 'incomplete';
}

/** A calendar date from the contract as a date picker's value. */
export function calendarDateValue(value: string | null | undefined): DateTime | null {
  return value ? DateTime.fromISO(value) : null;
}

/** Optional text: empty (after trimming) is null. */
export function optionalTextInput(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/** A number typed as text: empty is null, anything else the number it reads as (NaN if none). */
export function numberInput(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : Number(text.replace(',', '.'));
}

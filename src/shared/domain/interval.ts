/**
 * Half-open time intervals [start, end): one that ends when another starts does not overlap it.
 * Instants are canonical ISO strings, so they compare as text.
 */
export interface Interval {
  readonly start: string;
  readonly end: string;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The longest a booking, schedule entry or availability block may last. Bounding it lets an
 * overlap query read only the index range [start - MAX_SPAN, end) instead of a talent's whole
 * history.
 */
export const MAX_SPAN_DAYS = 62;
export const MAX_SPAN_MS = MAX_SPAN_DAYS * 24 * 60 * 60 * 1000;

/** The earliest start that can still overlap an interval beginning at `start`. */
export function earliestOverlappingStart(start: string): string {
  return new Date(Date.parse(start) - MAX_SPAN_MS).toISOString();
}

export function withinMaxSpan(interval: { start?: string; end?: string }): boolean {
  return (
    !interval.start ||
    !interval.end ||
    Date.parse(interval.end) - Date.parse(interval.start) <= MAX_SPAN_MS
  );
}

/**
 * A start/end refinement's `when`: it runs even while other fields have problems (so a form
 * shows "after the start" beside "required"), once both ends are themselves valid instants.
 */
export function whenEndsValid(startKey: string, endKey: string) {
  return {
    when(payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) {
      const value = payload.value as Record<string, unknown> | null;
      if (typeof value !== 'object' || value === null) return false;
      if (typeof value[startKey] !== 'string' || typeof value[endKey] !== 'string') return false;
      return !payload.issues.some(
        (issue) => issue.path?.[0] === startKey || issue.path?.[0] === endKey,
      );
    },
  };
}

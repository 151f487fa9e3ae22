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

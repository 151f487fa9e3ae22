import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetsOf } from '../../src/renderer/src/features/schedule/zoneOffsets';

describe('offsetsOf', () => {
  it.each([
    // Spring forward and fall back, a half-hour shift, and a zone that never changes.
    ['America/New_York', '2026-03-07T00:00:00Z'],
    ['America/New_York', '2026-10-31T00:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-03T00:00:00Z'],
    ['Asia/Kathmandu', '2026-06-01T00:00:00Z'],
  ])('agrees with the zone at every 7 minutes around a change (%s from %s)', (name, from) => {
    const zone = IANAZone.create(name);
    const offset = offsetsOf(zone);
    const start = Date.parse(from);
    for (let ms = start; ms < start + 3 * 86_400_000; ms += 7 * 60_000 + 13)
      expect(offset(ms), new Date(ms).toISOString()).toBe(zone.offset(ms));
  });
});

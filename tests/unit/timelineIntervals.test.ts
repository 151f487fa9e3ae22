import { describe, expect, it } from 'vitest';
import { timelineIntervals } from '../../src/renderer/src/features/player/timelineIntervals';

describe("the player's time axis", () => {
  it.each([
    [25, 5],
    [60, 10],
    [150, 15],
    [214, 30],
    [300, 30],
    [420, 60],
    [1_200, 120],
    [2_700, 300],
    [5_400, 600],
    [36_000, 3600],
  ])('labels a %i s demo every %i s', (duration, label) => {
    expect(timelineIntervals(duration).label).toBe(label);
  });

  it('carries between two and ten labels, each a whole number of notches', () => {
    for (let duration = 10; duration <= 36_000; duration += 7) {
      const { label, tick } = timelineIntervals(duration);
      const labels = Math.floor(duration / label) + 1;
      expect(labels, `${duration}`).toBeLessThanOrEqual(11);
      expect(labels, `${duration}`).toBeGreaterThanOrEqual(2);
      expect(label % tick, `${duration}`).toBe(0);
    }
  });
});

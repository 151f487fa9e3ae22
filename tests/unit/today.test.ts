import { describe, expect, it } from 'vitest';
import { OVERDUE_DAYS, rankToday, SOON_DAYS, urgencyOf } from '../../src/shared/domain/today';

describe('due-date rules', () => {
  it.each([
    ['2026-11-22', 'overdue'],
    ['2026-11-23', 'today'],
    ['2026-11-24', 'soon'],
    ['2026-11-30', 'soon'],
    ['2026-12-01', null],
    ['2026-09-24', 'overdue'],
    ['2026-09-23', null],
  ])('a date due %s is %s on 2026-11-23', (due, expected) => {
    expect(urgencyOf(due, '2026-11-23')).toBe(expected);
  });

  it('looks a week ahead and two months back, across a month and a year end', () => {
    expect(SOON_DAYS).toBe(7);
    expect(OVERDUE_DAYS).toBe(60);
    expect(urgencyOf('2027-01-03', '2026-12-28')).toBe('soon');
    expect(urgencyOf('2026-12-31', '2027-01-01')).toBe('overdue');
  });

  it('ranks overdue before today before soon, earliest first within each', () => {
    const ranked = rankToday([
      { urgency: 'soon', due: '2026-11-25' },
      { urgency: 'overdue', due: '2026-11-20' },
      { urgency: 'today', due: '2026-11-23T15:00:00.000Z' },
      { urgency: 'overdue', due: '2026-11-01' },
      { urgency: 'soon', due: '2026-11-24' },
    ] as const);
    expect(ranked.map((r) => r.due)).toEqual([
      '2026-11-01',
      '2026-11-20',
      '2026-11-23T15:00:00.000Z',
      '2026-11-24',
      '2026-11-25',
    ]);
  });
});

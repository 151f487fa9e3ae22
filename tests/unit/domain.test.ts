import { describe, expect, it } from 'vitest';
import { bookingCreate } from '../../src/shared/domain/booking';
import { contractCreate } from '../../src/shared/domain/contract';
import { growthLogCreate } from '../../src/shared/domain/growthLog';
import { reviewNoteCreate } from '../../src/shared/domain/reviewNote';
import { scheduleEntryCreate, timezone } from '../../src/shared/domain/scheduleEntry';
import { talentCreate } from '../../src/shared/domain/talent';

describe('entity schemas', () => {
  it('accept IANA zones and refuse made-up ones', () => {
    for (const zone of ['America/New_York', 'Asia/Shanghai', 'Europe/London', 'UTC'])
      expect(timezone.safeParse(zone).success, zone).toBe(true);
    for (const zone of ['Mars/Olympus', 'EST5EDT!', '', '+08:00'])
      expect(timezone.safeParse(zone).success, zone).toBe(false);
  });

  it('require a schedule entry to end after it starts', () => {
    const base = { talentProfile: 't', entryType: 'rehearsal', timezone: 'Europe/London' } as const;
    expect(
      scheduleEntryCreate.safeParse({
        ...base,
        start: '2026-03-08T10:00:00.000Z',
        end: '2026-03-08T11:00:00.000Z',
      }).success,
    ).toBe(true);
    const backwards = scheduleEntryCreate.safeParse({
      ...base,
      start: '2026-03-08T11:00:00.000Z',
      end: '2026-03-08T10:00:00.000Z',
    });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]?.path).toEqual(['end']);
  });

  it('keep money in whole minor units with a currency code', () => {
    const base = {
      talentProfile: 't',
      clientName: 'C',
      projectName: 'P',
      startDateTime: '2026-01-01T10:00:00.000Z',
      endDateTime: '2026-01-01T12:00:00.000Z',
    };
    expect(bookingCreate.safeParse({ ...base, rate: 150000, currency: 'USD' }).success).toBe(true);
    expect(bookingCreate.safeParse({ ...base, rate: 1500.5, currency: 'USD' }).success).toBe(false);
    expect(bookingCreate.safeParse({ ...base, rate: 100, currency: 'usd' }).success).toBe(false);
  });

  it('take calendar dates as YYYY-MM-DD and instants as UTC ISO strings', () => {
    expect(
      contractCreate.safeParse({
        artist: 'a',
        contractType: 'recording',
        legalOwner: 'u',
        optionDate: '2026-02-30',
      }).success,
    ).toBe(false);
    expect(
      contractCreate.safeParse({
        artist: 'a',
        contractType: 'recording',
        legalOwner: 'u',
        optionDate: '2026-02-28',
      }).success,
    ).toBe(true);
    expect(
      growthLogCreate.safeParse({
        artist: 'a',
        platform: 'tiktok',
        followerCount: -1,
        captureDate: '2026-01-01',
      }).success,
    ).toBe(false);
  });

  it('never take server-set fields from input', () => {
    expect(
      reviewNoteCreate.safeParse({
        artist: 'a',
        noteType: 'general',
        body: 'b',
        visibility: 'team',
        author: 'me',
      }).success,
    ).toBe(false);
    expect(
      growthLogCreate.safeParse({
        artist: 'a',
        platform: 'x',
        followerCount: 1,
        captureDate: '2026-01-01',
        capturedBy: 'me',
      }).success,
    ).toBe(false);
    expect(
      talentCreate.safeParse({
        stageName: 'a',
        fullName: 'b',
        talentType: 'actor',
        createdAt: '2026-01-01T00:00:00.000Z',
      }).success,
    ).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, likeContains } from '../../src/main/services/kernel/paging';
import { AppError } from '../../src/shared/errors';

describe('cursors', () => {
  it('round-trip their sort key', () => {
    const parts = ['2026-11-23T09:30:00.000Z', 'abc-123'];
    expect(decodeCursor(encodeCursor(parts), 2)).toEqual(parts);
  });

  it.each([
    '',
    'not base64 !',
    encodeCursor(['only one']),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('reject %j with a VALIDATION error', (cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrow(AppError);
    try {
      decodeCursor(cursor, 2);
    } catch (error) {
      expect((error as AppError).code).toBe('VALIDATION');
    }
  });
});

describe('LIKE patterns', () => {
  it('escape the wildcard characters', () => {
    expect(likeContains('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(likeContains('plain')).toBe('%plain%');
  });
});

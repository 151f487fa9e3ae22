import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demos, settings, users } from '../../src/main/db/schema';
import { valueRows } from '../../src/main/services/kernel/valueRows';

describe('valueRows', () => {
  it('makes a row of values into an object keyed like the select, in order', () => {
    const row = valueRows<{ id: string; title: string; n: number }>({
      id: demos.id,
      title: demos.title,
      n: sql<number>`count(*)`,
    });
    expect(row(['d1', 'Night drive', 3])).toEqual({ id: 'd1', title: 'Night drive', n: 3 });
  });

  it('refuses columns whose stored value needs decoding, where the list is built', () => {
    expect(() => valueRows({ active: users.active })).toThrow(/active is a SQLiteBoolean/);
    expect(() => valueRows({ signUp: settings.signUpEnabled })).toThrow(/SQLiteBoolean/);
    expect(() => valueRows({ n: sql`count(*)`.mapWith(Number) })).toThrow(/own decoder/);
  });
});

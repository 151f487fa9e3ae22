import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { ContractKeyDate } from '../../../../shared/domain/contract';
import type { Db } from '../../../db/open';
import { artists, contracts } from '../../../db/schema';

const DATED = [
  ['option', contracts.optionDate],
  ['notice', contracts.noticeDate],
  ['expiry', contracts.expiryDate],
] as const;

/**
 * Contract option, notice and expiry dates falling in [from, to] (calendar dates, inclusive),
 * soonest first, with the artist's name: for the calendar and for Today. `where` narrows the
 * contracts (status, legal owner).
 */
export function contractDatesBetween(
  db: Db,
  range: { from: string; to: string },
  where?: SQL,
): ContractKeyDate[] {
  const items = DATED.flatMap(([kind, column]) =>
    db
      .select({
        contract: contracts.id,
        date: column,
        contractType: contracts.contractType,
        status: contracts.status,
        artist: contracts.artist,
        artistName: artists.artistName,
      })
      .from(contracts)
      .innerJoin(artists, eq(artists.id, contracts.artist))
      .where(and(gte(column, range.from), lte(column, range.to), where))
      .all()
      .map((row) => ({ ...row, kind, date: row.date! })),
  );
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.contract.localeCompare(b.contract));
}

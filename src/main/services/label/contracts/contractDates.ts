import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { ContractKeyDate } from '../../../../shared/domain/contract';
import type { Db } from '../../../db/open';
import { artists, contracts } from '../../../db/schema';
import type { AllDayEvent } from '../../workspace/files/icalendar';

const DATED = [
  ['option', contracts.optionDate],
  ['notice', contracts.noticeDate],
  ['expiry', contracts.expiryDate],
] as const;

/** What a key date is called on the calendar (the renderer's English words). */
const KIND_LABEL: Record<ContractKeyDate['kind'], string> = {
  option: 'Option date',
  notice: 'Notice date',
  expiry: 'Contract expires',
};

type DatedRow = ContractKeyDate & { version: number; updatedAt: string };

function datedRows(db: Db, range: { from: string; to: string }, where?: SQL): DatedRow[] {
  const items = DATED.flatMap(([kind, column]) =>
    db
      .select({
        contract: contracts.id,
        date: column,
        contractType: contracts.contractType,
        status: contracts.status,
        artist: contracts.artist,
        artistName: artists.artistName,
        version: contracts.version,
        updatedAt: contracts.updatedAt,
      })
      .from(contracts)
      .innerJoin(artists, eq(artists.id, contracts.artist))
      .where(and(gte(column, range.from), lte(column, range.to), where))
      .all()
      .map((row) => ({ ...row, kind, date: row.date! })),
  );
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.contract.localeCompare(b.contract));
}

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
  return datedRows(db, range, where).map(({ version: _v, updatedAt: _u, ...keyDate }) => keyDate);
}

/**
 * The same dates as all-day calendar events, as the calendar shows them. One UID per contract
 * and kind; SEQUENCE is the contract's version less one, so it is 0 for a new contract and
 * grows with every change to it (a moved date among them), as RFC 5545 asks.
 */
export function contractDateEvents(db: Db, range: { from: string; to: string }): AllDayEvent[] {
  return datedRows(db, range).map((row) => ({
    uid: `${row.contract}-${row.kind}@greenroom`,
    summary: `${KIND_LABEL[row.kind]} · ${row.artistName} · ${row.contractType}`,
    description: `${row.contractType} contract with ${row.artistName} (${row.status})`,
    firstDay: row.date,
    lastDay: row.date,
    // A reminder on the day, not time taken.
    free: true,
    sequence: row.version - 1,
    updatedAt: row.updatedAt,
  }));
}

import { can, RESTRICTED_FIELDS, seesRestricted } from '../../../shared/access';
import type { Output } from '../../../shared/api';
import type { CsvExportEntity, CsvExportInput } from '../../../shared/domain/interchange';
import { AppError } from '../../../shared/errors';
import type { MediaStore } from '../workspace/files/media';
import { saveExport } from '../workspace/files/savedExport';
import type { Session } from '../kernel/session';
import type { Store } from '../kernel/store';
import { toCsv, type Cell } from '../workspace/files/csv';
import { CSV_COLUMNS, type Column } from './csvColumns';

interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Each entity's list call, exactly as the screen makes it: same scope, same redaction. */
export type ListCalls = {
  [E in CsvExportEntity]: (
    session: Session,
    input: Omit<Extract<CsvExportInput, { entity: E }>, 'entity'> & {
      limit?: number;
      cursor?: string;
    },
  ) => Page<unknown>;
};

/** Larger pages than the screen's: the export reads the whole filtered list. */
const EXPORT_PAGE = 1_000;

export function createCsvExport(store: Store, media: MediaStore, lists: ListCalls) {
  return {
    async csv(session: Session, input: CsvExportInput): Promise<Output<'exports.csv'>> {
      const { entity, ...filters } = input;
      if (!can(session.user.role, entity, 'read')) {
        throw new AppError('FORBIDDEN', 'Your role does not allow this.');
      }
      const hidden = seesRestricted(session.user.role) ? [] : (RESTRICTED_FIELDS[entity] ?? []);
      const columns = (CSV_COLUMNS[entity] as Column<unknown>[]).filter(
        (column) => !hidden.includes(column.name),
      );
      const list = lists[entity] as (s: Session, i: object) => Page<unknown>;
      const rows: Cell[][] = [];
      let cursor: string | null = null;
      do {
        const page: Page<unknown> = list(session, {
          ...filters,
          limit: EXPORT_PAGE,
          ...(cursor ? { cursor } : {}),
        });
        for (const item of page.items) rows.push(columns.map((column) => column.value(item)));
        cursor = page.nextCursor;
      } while (cursor);

      const text = toCsv(
        columns.map((column) => column.name),
        rows,
      );
      const stored = await media.storeBytes(Buffer.from(text, 'utf8'));
      const fileName = `greenroom-${entity}-${store.now().slice(0, 10)}.csv`;
      return saveExport(store, media, session, stored, {
        fileName,
        contentType: 'text/csv; charset=utf-8',
        audit: {
          action: 'exports.csv',
          entity,
          entityId: null,
          changes: { rows: rows.length, filters },
        },
      });
    },
  };
}

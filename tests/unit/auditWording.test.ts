import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/main/db/schema';
import { en } from '../../src/renderer/src/i18n/locales/en';
import { zhCN } from '../../src/renderer/src/i18n/locales/zh-CN';
import {
  FIELD_FORMATS,
  WORDED_FIELDS,
} from '../../src/renderer/src/features/audit/readableHistory';
import { AUDIT_ACTIONS } from '../../src/shared/domain/auditAction';

/** The catalog's text at a dotted path, or undefined. */
function at(catalog: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      catalog,
    );
}

const CATALOGS = { en, 'zh-CN': zhCN } as const;

/** Tables whose rows services diff into the audit trail: every column is a field someone may change. */
const AUDITED_TABLES = [
  schema.users,
  schema.talentProfiles,
  schema.auditions,
  schema.bookings,
  schema.scheduleEntries,
  schema.availabilityBlocks,
  schema.artists,
  schema.demos,
  schema.contracts,
  schema.socialGrowthLogs,
  schema.reviewNotes,
  schema.settings,
];

describe('audit trail wording', () => {
  // AuditEntry.action is typed by AUDIT_ACTIONS, so this list is every action main can write.
  it.each(Object.entries(CATALOGS))(
    'words every action main writes in %s',
    (_language, catalog) => {
      for (const action of AUDIT_ACTIONS) {
        const sentence = at(catalog, `history.actions.${action}`);
        expect(typeof sentence, action).toBe('string');
        expect(sentence, action).toContain('{{actor}}');
      }
    },
  );

  it.each(Object.entries(CATALOGS))(
    'words every field the trail shows in %s',
    (_language, catalog) => {
      for (const field of WORDED_FIELDS) {
        expect(typeof at(catalog, `history.fields.${field}`), field).toBe('string');
      }
    },
  );

  it('knows how to show every column of every audited record', () => {
    for (const table of AUDITED_TABLES) {
      for (const column of Object.keys(getTableColumns(table))) {
        expect(FIELD_FORMATS, column).toHaveProperty([column]);
      }
    }
  });
});

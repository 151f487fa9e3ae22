import { statSync } from 'node:fs';
import { and, asc, count, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { can } from '../../../../shared/access';
import type { Input, Output } from '../../../../shared/api';
import {
  CONTRACT_TRANSITIONS,
  MAX_DOCUMENT_BYTES,
  type Contract,
  type ContractStatus,
  type DocumentSource,
} from '../../../../shared/domain/contract';
import type { CONTRACT_TYPES } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import { rule, type FieldCodes } from '../../../../shared/fieldIssue';
import type { Db } from '../../../db/open';
import { artists, contracts, users } from '../../../db/schema';
import { contractDateEvents, contractDatesBetween } from './contractDates';
import { requirePdf } from '../../workspace/files/fileKinds';
import { toICalendar } from '../../workspace/files/icalendar';
import { saveExport } from '../../workspace/files/savedExport';
import { requireAssignee } from '../artists/assignees';
import type { MediaStore } from '../../workspace/files/media';
import {
  afterCursorPlaceholder,
  cursorParams,
  DEFAULT_LIMIT,
  pageOf,
  preparedByShape,
} from '../../kernel/paging';
import { requireArtist } from '../artists/requireArtist';
import type { ContractTemplate } from './documents/contractTemplate';
import { renderContractPdf, type PdfFonts } from './documents/contractPdf';
import { contractFileBase } from './documents/fileName';
import type { Session } from '../../kernel/session';
import type { Staging } from '../../workspace/files/staging';
import { diff, newId, type Store, type WriteContext } from '../../kernel/store';
import { valueRows } from '../../kernel/valueRows';
import type { AuditAction } from '../../../../shared/domain/auditAction';

type Row = typeof contracts.$inferSelect & {
  artistName: string;
  ownerUsername: string;
  ownerFullName: string;
};

/** Field by field, not by spreading the row: a page of contracts is made of these. */
function toContract(row: Row): Contract {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    artist: row.artist,
    contractType: row.contractType as (typeof CONTRACT_TYPES)[number],
    status: row.status as ContractStatus,
    effectiveDate: row.effectiveDate,
    signedAt: row.signedAt,
    documentUrl: row.documentUrl,
    documentSource: row.documentSource as DocumentSource | null,
    legalOwner: row.legalOwner,
    terms: row.terms,
    optionDate: row.optionDate,
    noticeDate: row.noticeDate,
    expiryDate: row.expiryDate,
    expanded: {
      artist: { id: row.artist, artistName: row.artistName },
      legalOwner: { id: row.legalOwner, username: row.ownerUsername, fullName: row.ownerFullName },
    },
  };
}

/** Which filters a list call has: one prepared statement per combination. */
interface ListShape {
  readonly artist: boolean;
  readonly status: boolean;
  readonly legalOwner: boolean;
  readonly expiring: boolean;
  readonly cursor: boolean;
}

const CONTRACT_FIELDS = {
  id: contracts.id,
  createdAt: contracts.createdAt,
  updatedAt: contracts.updatedAt,
  version: contracts.version,
  artist: contracts.artist,
  contractType: contracts.contractType,
  status: contracts.status,
  effectiveDate: contracts.effectiveDate,
  signedAt: contracts.signedAt,
  documentUrl: contracts.documentUrl,
  documentSource: contracts.documentSource,
  legalOwner: contracts.legalOwner,
  terms: contracts.terms,
  optionDate: contracts.optionDate,
  noticeDate: contracts.noticeDate,
  expiryDate: contracts.expiryDate,
  artistName: artists.artistName,
  ownerUsername: users.username,
  ownerFullName: users.fullName,
};
const contractRow = valueRows<Row>(CONTRACT_FIELDS);

function selectContracts(tx: Pick<Db, 'select'>) {
  return tx
    .select(CONTRACT_FIELDS)
    .from(contracts)
    .innerJoin(artists, eq(artists.id, contracts.artist))
    .innerJoin(users, eq(users.id, contracts.legalOwner));
}

const LEGAL_OWNER_ROLES = ['legal', 'admin'] as const;
const LEGAL_OWNER_MESSAGE = 'A contract’s legal owner must be an active legal user or admin.';
const CLOSED: readonly ContractStatus[] = ['expired', 'terminated'];

/**
 * Contracts move only through their workflow: status, signedAt and documentUrl are never set by
 * a plain update.
 */
export interface ContractDocuments {
  readonly template: ContractTemplate;
  readonly fonts: PdfFonts;
  /** The workspace's organization name, read at the time of each export. */
  organization(): string;
}

/**
 * Only a draft or sent contract takes a generated document, and only over no document or an
 * earlier generated one: a signed copy, attached by a person, is never replaced by a printout.
 */
const TAKES_GENERATED_DOCUMENT: readonly ContractStatus[] = ['draft', 'sent'];
const takesGeneratedDocument = (c: Contract) =>
  TAKES_GENERATED_DOCUMENT.includes(c.status) && c.documentSource !== 'signed';

export function createContractService(
  store: Store,
  files: { staging: Staging; media: MediaStore },
  documents: ContractDocuments,
) {
  const { db } = store;

  // The contracts view, prepared once per shape of its filters. Upcoming expiries: active
  // contracts soonest first; otherwise most recently changed first.
  const p = sql.placeholder;
  const listWhere = (shape: ListShape): SQL | undefined =>
    and(
      shape.artist ? eq(contracts.artist, p('artist')) : undefined,
      shape.status ? eq(contracts.status, p('status')) : undefined,
      shape.legalOwner ? eq(contracts.legalOwner, p('legalOwner')) : undefined,
      shape.expiring ? eq(contracts.status, 'active') : undefined,
      shape.expiring ? lte(contracts.expiryDate, p('expiringBy')) : undefined,
    );
  // Counted on contracts alone: the filter is on its columns, and its artist and legal owner
  // are foreign keys, so the page's joins add no rows and drop none.
  const listCount = preparedByShape((shape: ListShape) =>
    db.select({ total: count() }).from(contracts).where(listWhere(shape)).prepare(),
  );
  const listRows = preparedByShape((shape: ListShape) => {
    const key = shape.expiring ? contracts.expiryDate : contracts.updatedAt;
    const direction = shape.expiring ? 'asc' : 'desc';
    const order = shape.expiring ? [asc(key), asc(contracts.id)] : [desc(key), desc(contracts.id)];
    return selectContracts(db)
      .where(
        and(
          listWhere(shape),
          shape.cursor ? afterCursorPlaceholder(key, contracts.id, direction) : undefined,
        ),
      )
      .orderBy(...order)
      .limit(p('limit'))
      .prepare();
  });

  function load(tx: Pick<Db, 'select'>, id: string): Contract {
    const row = selectContracts(tx).where(eq(contracts.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', 'That contract does not exist.');
    return toContract(row);
  }

  function save(
    w: WriteContext,
    before: Contract,
    next: Partial<typeof contracts.$inferInsert>,
    action: AuditAction,
  ): Contract {
    w.tx
      .update(contracts)
      .set({ ...next, updatedAt: w.now, version: before.version + 1 })
      .where(eq(contracts.id, before.id))
      .run();
    const after = load(w.tx, before.id);
    w.audit({ action, entity: 'contracts', entityId: before.id, changes: diff(before, after) });
    w.emit({ entity: 'contracts', id: before.id, action: 'updated' });
    return after;
  }

  return {
    list(_session: Session, input: Input<'contracts.list'>): Output<'contracts.list'> {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const shape: ListShape = {
        artist: input.artist !== undefined,
        status: input.status !== undefined,
        legalOwner: input.legalOwner !== undefined,
        expiring: input.expiringBy !== undefined,
        cursor: Boolean(input.cursor),
      };
      const params = {
        artist: input.artist,
        status: input.status,
        legalOwner: input.legalOwner,
        expiringBy: input.expiringBy,
        limit: limit + 1,
        ...(input.cursor ? cursorParams(input.cursor) : {}),
      };
      // A first page says how many match; later pages come after it (see firstPageTotal).
      const total = input.cursor ? undefined : listCount(shape).get(params)?.total;
      const rows = listRows(shape).values(params).map(contractRow);
      return pageOf(
        rows,
        limit,
        toContract,
        (item) => [(shape.expiring ? item.expiryDate : item.updatedAt) ?? '', item.id],
        total,
      );
    },

    /** Option, notice and expiry dates falling in a range, soonest first, for the calendar. */
    keyDates(_session: Session, input: Input<'contracts.keyDates'>): Output<'contracts.keyDates'> {
      return { items: contractDatesBetween(db, input) };
    },

    /**
     * The same dates as an .ics file of all-day events (legal and admins, like the calendar's
     * contract dates), read back from /media or saved in Electron.
     */
    async exportIcs(
      session: Session,
      input: Input<'contracts.exportIcs'>,
    ): Promise<Output<'contracts.exportIcs'>> {
      const events = contractDateEvents(db, input);
      const stored = await files.media.storeBytes(
        Buffer.from(toICalendar('Greenroom contract dates', events), 'utf8'),
      );
      return saveExport(store, files.media, session, stored, {
        fileName: `greenroom-contract-dates-${input.from}-to-${input.to}.ics`,
        contentType: 'text/calendar; charset=utf-8',
        audit: {
          action: 'contracts.exportIcs',
          entity: 'contracts',
          entityId: null,
          changes: { from: input.from, to: input.to, events: events.length },
        },
      });
    },

    get(_session: Session, input: Input<'contracts.get'>): Output<'contracts.get'> {
      return load(db, input.id);
    },

    create(session: Session, input: Input<'contracts.create'>): Output<'contracts.create'> {
      return store.write(session.user.id, (w) => {
        requireArtist(w.tx, input.artist);
        const legalOwner = input.legalOwner ?? session.user.id;
        requireAssignee(w.tx, legalOwner, LEGAL_OWNER_ROLES, 'legalOwner', LEGAL_OWNER_MESSAGE);
        const id = newId();
        const values = {
          id,
          createdAt: w.now,
          updatedAt: w.now,
          version: 1,
          artist: input.artist,
          contractType: input.contractType,
          status: 'draft',
          effectiveDate: input.effectiveDate ?? null,
          signedAt: null,
          documentUrl: null,
          documentSource: null,
          legalOwner,
          terms: input.terms ?? null,
          optionDate: input.optionDate ?? null,
          noticeDate: input.noticeDate ?? null,
          expiryDate: input.expiryDate ?? null,
        };
        w.tx.insert(contracts).values(values).run();
        const { id: _i, createdAt: _c, updatedAt: _u, version: _v, ...fields } = values;
        w.audit({ action: 'contracts.create', entity: 'contracts', entityId: id, changes: fields });
        w.emit({ entity: 'contracts', id, action: 'created' });
        return load(w.tx, id);
      });
    },

    update(session: Session, input: Input<'contracts.update'>): Output<'contracts.update'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, input.id);
        if (before.version !== input.version) {
          throw new AppError(
            'CONFLICT',
            'Someone else changed this contract since you opened it. Reload to see their changes.',
            { version: `Current version is ${before.version}` },
          );
        }
        const { patch } = input;
        if (patch.legalOwner && patch.legalOwner !== before.legalOwner) {
          requireAssignee(
            w.tx,
            patch.legalOwner,
            LEGAL_OWNER_ROLES,
            'legalOwner',
            LEGAL_OWNER_MESSAGE,
          );
        }
        return save(w, before, patch, 'contracts.update');
      });
    },

    transition(
      session: Session,
      input: Input<'contracts.transition'>,
    ): Output<'contracts.transition'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, input.id);
        const to = input.to;
        if (!CONTRACT_TRANSITIONS[before.status].includes(to)) {
          throw new AppError('CONFLICT', `A contract cannot move from ${before.status} to ${to}.`, {
            to: `Allowed from ${before.status}: ${CONTRACT_TRANSITIONS[before.status].join(', ') || 'none'}`,
          });
        }
        const fields: Record<string, string> = {};
        const fieldCodes: FieldCodes = {};
        if (input.signedAt !== undefined && to !== 'signed')
          fields.signedAt = 'Given only when the contract is signed';
        if (input.effectiveDate !== undefined && to !== 'active')
          fields.effectiveDate = 'Given only when the contract becomes active';
        const next: Partial<typeof contracts.$inferInsert> = { status: to };
        if (to === 'signed') {
          if (!before.documentUrl) fields.documentUrl = 'Attach the signed document first';
          else if (before.documentSource !== 'signed') {
            // The app's own export is the unsigned text: signing needs the copy a person signed.
            fields.documentUrl = 'The generated PDF is not signed: attach the signed copy';
            fieldCodes.documentUrl = rule('document_unsigned');
          }
          if (!input.signedAt) fields.signedAt = 'Required to mark the contract signed';
          else if (input.signedAt > w.now) fields.signedAt = 'Cannot be in the future';
          next.signedAt = input.signedAt;
        }
        if (to === 'active') {
          const effectiveDate = input.effectiveDate ?? before.effectiveDate;
          if (!effectiveDate) fields.effectiveDate = 'Required to make the contract active';
          next.effectiveDate = effectiveDate;
        }
        if (Object.keys(fields).length > 0) {
          throw new AppError(
            'VALIDATION',
            `The contract cannot be marked ${to} yet.`,
            fields,
            fieldCodes,
          );
        }
        return save(w, before, next, 'contracts.transition');
      });
    },

    /**
     * Generates the contract's PDF from the template and stores it. For a draft or sent contract,
     * and a caller who may update contracts, it becomes the contract's document (audited like
     * any workflow step); otherwise it is a printout, audited as an export.
     */
    async exportDocument(
      session: Session,
      input: Input<'contracts.exportDocument'>,
    ): Promise<Output<'contracts.exportDocument'>> {
      const current = load(db, input.id);
      const generatedAt = new Date(store.now());
      const pdf = await renderContractPdf(
        { contract: current, organization: documents.organization(), generatedAt },
        documents.template,
        documents.fonts,
      );
      const stored = await files.media.storeBytes(pdf);
      const fileName = `${contractFileBase(
        current.expanded.artist.artistName,
        documents.template.titles[current.contractType],
      )}.pdf`;
      const media = store.write(session.user.id, (w) => {
        const before = load(w.tx, input.id);
        const record = files.media.record(w.tx, stored, {
          fileName,
          contentType: 'application/pdf',
          createdBy: session.user.id,
          now: w.now,
        });
        if (can(session.user.role, 'contracts', 'update') && takesGeneratedDocument(before)) {
          save(
            w,
            before,
            { documentUrl: `media:${record.id}`, documentSource: 'generated' },
            'contracts.exportDocument',
          );
        } else {
          w.audit({
            action: 'contracts.exportDocument',
            entity: 'contracts',
            entityId: before.id,
            changes: { printed: `media:${record.id}`, status: before.status },
          });
        }
        return record.id;
      });
      return { media, fileName, contentType: 'application/pdf' };
    },

    /** Stores a PDF (checked by content) a person signed and points documentUrl at it. */
    async attachDocument(
      session: Session,
      input: Input<'contracts.attachDocument'>,
    ): Promise<Output<'contracts.attachDocument'>> {
      const current = load(db, input.id);
      if (CLOSED.includes(current.status)) {
        throw new AppError('CONFLICT', `The contract is ${current.status}: its document is final.`);
      }
      const { fileName, ingested } = await files.staging.use(
        session.user.id,
        input.file,
        async (staged) => {
          if (statSync(staged.path).size > MAX_DOCUMENT_BYTES) {
            throw new AppError('VALIDATION', 'A contract document can be at most 100 MB.', {
              file: 'Larger than 100 MB',
            });
          }
          await requirePdf(staged.path);
          return { fileName: staged.fileName, ingested: await files.media.ingest(staged.path) };
        },
      );
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, input.id);
        if (CLOSED.includes(before.status)) {
          throw new AppError(
            'CONFLICT',
            `The contract is ${before.status}: its document is final.`,
          );
        }
        const stored = files.media.record(w.tx, ingested, {
          fileName,
          contentType: 'application/pdf',
          createdBy: session.user.id,
          now: w.now,
        });
        return save(
          w,
          before,
          { documentUrl: `media:${stored.id}`, documentSource: 'signed' },
          'contracts.attachDocument',
        );
      });
    },
  };
}

import type { TFunction } from 'i18next';
import type { Output } from '../../../../shared/api';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/domain/auditAction';
import { BACKUP_NAME } from '../../../../shared/domain/maintenance';

/**
 * One audit row as a person reads it: "Lena Marsh exported the contract PDF", then "Status:
 * Draft → Sent". Ids are shown by name (main names them under `expanded`), dates in the viewer's
 * format, vocabulary in their language; what cannot be worded (an id nobody can name, a key
 * nobody worded) is left out and counted, never shown raw.
 */
export type AuditRow = Output<'audit.list'>['items'][number];

export interface HistoryFormats {
  /** An instant, in the viewer's zone and format. */
  dateTime(iso: string): string;
  /** A calendar date (YYYY-MM-DD). */
  date(day: string): string;
  money(minor: number | null | undefined, currency: string | null | undefined): string;
  number(value: number): string;
}

export interface FieldChange {
  readonly field: string;
  readonly label: string;
  /** Null when the row set a value rather than changed one (a creation, an export). */
  readonly before: string | null;
  readonly after: string;
}

export interface ReadableEntry {
  /** Who did it, as the sentence names them: "Who" and "What" never disagree. */
  readonly actor: string;
  readonly sentence: string;
  /** "Contracts · Nova Lane · Recording", for the whole trail where rows are of many records. */
  readonly record: string;
  readonly changes: readonly FieldChange[];
  /** Details left out because they cannot be shown as words (ids of deleted rows and the like). */
  readonly unshown: number;
}

/**
 * How a field's value reads. Every key main writes in `changes` is here; a key missing from this
 * table is not shown (and counted), so a raw key can never reach the screen.
 */
type Format =
  | 'text'
  | 'number'
  | 'boolean'
  | 'date'
  | 'instant'
  | 'money'
  | 'user'
  | 'record'
  | 'file'
  | 'added'
  | 'list'
  | 'filters'
  | 'status'
  | 'kind'
  | 'backup'
  | 'bytes'
  | { readonly vocabulary: string }
  | 'hidden';

export const FIELD_FORMATS: Readonly<Record<string, Format>> = {
  // Bookkeeping and ids that name nothing a person knows.
  id: 'hidden',
  createdAt: 'hidden',
  updatedAt: 'hidden',
  version: 'hidden',
  usernameKey: 'hidden',
  emailKey: 'hidden',
  passwordHash: 'hidden',
  feed: 'hidden',
  objectId: 'hidden',
  item: 'hidden',
  session: 'hidden',
  by: 'hidden',
  // Users and accounts.
  username: 'text',
  email: 'text',
  fullName: 'text',
  role: { vocabulary: 'roles' },
  manager: 'user',
  teamManager: 'user',
  active: 'boolean',
  passwordSet: 'boolean',
  address: 'text',
  // Talents, auditions, bookings, schedule, availability.
  stageName: 'text',
  talentType: { vocabulary: 'talentType' },
  portfolioUrl: 'text',
  headshotUrl: 'file',
  availabilityStatus: { vocabulary: 'availability' },
  notes: 'text',
  archivedAt: 'instant',
  talentProfile: 'record',
  clientName: 'text',
  projectName: 'text',
  auditionType: { vocabulary: 'auditionType' },
  auditionDate: 'instant',
  status: 'status',
  location: 'text',
  callbackNotes: 'text',
  audition: 'record',
  startDateTime: 'instant',
  endDateTime: 'instant',
  holdRank: 'number',
  rate: 'money',
  currency: 'text',
  timezone: 'text',
  cancelReason: 'text',
  challengeDeadline: 'instant',
  challengedBy: 'record',
  releasedBy: 'record',
  deadline: 'instant',
  booking: 'record',
  entryType: { vocabulary: 'schedule.entryType' },
  title: 'text',
  start: 'instant',
  end: 'instant',
  source: { vocabulary: 'history.scheduleSource' },
  kind: 'kind',
  note: 'added',
  removed: 'boolean',
  // Artists, demos, contracts, growth, notes.
  artistName: 'text',
  genre: 'text',
  priorityScore: 'number',
  socialFollowers: 'number',
  lastDemoDate: 'date',
  followerSpikeDate: 'date',
  followerSpikePlatform: { vocabulary: 'platform' },
  owner: 'user',
  artist: 'record',
  audioUrl: 'file',
  submissionSource: { vocabulary: 'submissionSource' },
  reviewStatus: { vocabulary: 'reviewStatus' },
  submittedBy: 'user',
  receivedAt: 'instant',
  durationSeconds: 'number',
  sampleRate: 'number',
  loudnessLufs: 'number',
  analysisFailed: 'text',
  duplicateOfStoredFile: 'boolean',
  score: 'number',
  contractType: { vocabulary: 'contractType' },
  effectiveDate: 'date',
  signedAt: 'instant',
  documentUrl: 'file',
  // Who made the document: the action's sentence already says it (exported, attached).
  documentSource: 'hidden',
  printed: 'file',
  legalOwner: 'user',
  terms: 'text',
  optionDate: 'date',
  noticeDate: 'date',
  expiryDate: 'date',
  platform: { vocabulary: 'platform' },
  followerCount: 'number',
  engagementRate: 'number',
  captureDate: 'date',
  capturedBy: 'user',
  replaces: 'record',
  demo: 'record',
  author: 'user',
  noteType: { vocabulary: 'noteType' },
  body: 'text',
  visibility: { vocabulary: 'noteVisibility' },
  atSeconds: 'number',
  // Workspace settings, maintenance, imports and exports.
  signUpEnabled: 'boolean',
  idleTimeoutMinutes: 'number',
  sessionMaxDays: 'number',
  demoDecisionDays: 'number',
  organizationName: 'text',
  // A backup's file name is how main finds it; people know it by its kind and when it was taken.
  name: 'backup',
  size: 'bytes',
  restoredFrom: 'backup',
  safetyCopy: 'backup',
  fileName: 'text',
  mediaFiles: 'number',
  from: 'instant',
  to: 'instant',
  events: 'number',
  contracts: 'number',
  filters: 'filters',
  rows: 'number',
  created: 'number',
  updated: 'number',
  files: 'list',
  imported: 'number',
  skipped: 'number',
  alreadyImported: 'number',
  sourceClass: 'text',
  revoked: 'number',
  count: 'number',
  all: 'boolean',
  doneAt: 'instant',
  snoozedUntil: 'instant',
  remindedAt: 'instant',
  items: 'list',
  q: 'text',
  // Sample data (`seed`): how many of each were added.
  users: 'number',
  talents: 'number',
  auditions: 'number',
  bookings: 'number',
  scheduleEntries: 'number',
  availabilityBlocks: 'number',
  artists: 'number',
  demos: 'number',
  growthLogs: 'number',
  reviewNotes: 'number',
  managers: 'number',
  at: 'instant',
};

/** The fields the trail words: each needs `history.fields.<key>` in every catalog. */
export const WORDED_FIELDS = Object.entries(FIELD_FORMATS)
  .filter(([, format]) => format !== 'hidden')
  .map(([field]) => field);

/** `status` means a different vocabulary on each record type. */
const STATUS_VOCABULARY: Readonly<Record<string, string>> = {
  auditions: 'auditionStatus',
  bookings: 'bookingStatus',
  schedule: 'schedule.status',
  artists: 'artistStatus',
  contracts: 'contractStatus',
  demos: 'reviewStatus',
};
const KIND_VOCABULARY: Readonly<Record<string, string>> = {
  availability: 'calendar.block',
  // A backup's kind, named as Settings lists it.
  settings: 'maintenance.kinds',
};
/** The vocabulary a record's `type` (from main's title) is worded in. */
const RECORD_TYPE_VOCABULARY: Readonly<Record<string, string>> = {
  contracts: 'contractType',
  schedule: 'schedule.entryType',
  growthLogs: 'platform',
  reviewNotes: 'noteType',
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Actions people do themselves: with no actor known (a failed sign-in) it was "someone". */
const PERSON_ONLY = (action: string) =>
  action.startsWith('auth.') || action === 'setup.createOwner';

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

export function readAuditEntry(
  row: AuditRow,
  t: TFunction,
  formats: HistoryFormats,
): ReadableEntry {
  const actor =
    row.expanded.actor?.fullName ??
    (PERSON_ONLY(row.action) ? t('history.someone') : t('history.system'));
  const sentence = isAuditAction(row.action)
    ? t(`history.actions.${row.action}`, { actor })
    : // An action from a newer version of the app: who did it, on what, still reads.
      `${actor} · ${t(`entities.${row.entity}`, { defaultValue: t('history.record') })}`;
  let unshown = 0;
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(row.changes ?? {})) {
    const format = FIELD_FORMATS[field];
    if (format === 'hidden') continue;
    if (format === undefined) {
      unshown += 1;
      continue;
    }
    const pair = isPair(value, format);
    // A stored file has no name worth showing: the change is that there is a new one.
    const word = (v: unknown, side: 'before' | 'after') =>
      format === 'file'
        ? v
          ? t(side === 'before' ? 'history.values.previousFile' : 'history.values.newFile')
          : null
        : wordValue(v, format, field, row, t, formats);
    const before = pair ? word(value[0], 'before') : null;
    const after = word(pair ? value[1] : value, 'after');
    // A creation lists its empty fields too: only what was filled in is news.
    if (!pair && after === null) continue;
    if (before === undefined || after === undefined) {
      unshown += 1;
      continue;
    }
    changes.push({
      field,
      label: t(`history.fields.${field}`),
      before: pair ? (before ?? '—') : null,
      after: after ?? '—',
    });
  }
  return { actor, sentence, record: recordOf(row, t), changes, unshown };
}

function isPair(value: unknown, format: Format): value is [unknown, unknown] {
  return Array.isArray(value) && value.length === 2 && format !== 'list';
}

function recordOf(row: AuditRow, t: TFunction): string {
  const kind = t(`entities.${row.entity}`, { defaultValue: t('history.record') });
  if (row.entity === 'settings') return t('history.workspace');
  const found = row.expanded.record;
  if (!found) return row.entityId ? `${kind} · ${t('history.deletedRecord')}` : kind;
  const vocabulary = RECORD_TYPE_VOCABULARY[row.entity];
  const type =
    found.type && vocabulary ? t(`${vocabulary}.${found.type}`, { defaultValue: '' }) : '';
  return [kind, found.title, type].filter(Boolean).join(' · ');
}

/**
 * A value in words; null when it is empty, undefined when it cannot be shown without an id or a
 * raw structure (then the change is counted, not shown).
 */
function wordValue(
  value: unknown,
  format: Format,
  field: string,
  row: AuditRow,
  t: TFunction,
  formats: HistoryFormats,
): string | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  if (typeof format === 'object') return vocabularyWord(format.vocabulary, value, t);
  switch (format) {
    case 'status':
      return vocabularyWord(STATUS_VOCABULARY[row.entity], value, t);
    case 'kind':
      return vocabularyWord(KIND_VOCABULARY[row.entity], value, t);
    case 'boolean':
      return t(value ? 'history.values.yes' : 'history.values.no');
    case 'number':
      return typeof value === 'number' ? formats.number(value) : plain(value, row, t, formats);
    case 'money': {
      const currency = currencyOf(row);
      return typeof value === 'number' ? formats.money(value, currency) : undefined;
    }
    case 'user':
      return typeof value === 'string'
        ? (row.expanded.names[value] ?? t('history.values.formerUser'))
        : undefined;
    case 'record':
      return typeof value === 'string'
        ? (row.expanded.names[value] ?? t('history.values.otherRecord'))
        : undefined;
    case 'file':
      return t('history.values.newFile');
    case 'added':
      return t('history.values.added');
    case 'bytes':
      // As Settings shows a backup's size.
      return typeof value === 'number'
        ? t('maintenance.megabytes', { mb: (value / 1024 ** 2).toFixed(1) })
        : undefined;
    case 'backup':
      return backupOf(value, field, t, formats);
    case 'list':
      return Array.isArray(value)
        ? value.every((v) => typeof v === 'string' && !UUID.test(v) && !v.includes(':'))
          ? value.join(', ')
          : formats.number(value.length)
        : plain(value, row, t, formats);
    case 'filters':
      return filtersOf(value, row, t, formats);
    default:
      return plain(value, row, t, formats);
  }
}

/**
 * A backup by when it was taken (its name holds the instant); beside its kind when the row does
 * not say the kind itself (a restore names the copy it came from and the copy it kept).
 */
function backupOf(
  value: unknown,
  field: string,
  t: TFunction,
  formats: HistoryFormats,
): string | undefined {
  const match = typeof value === 'string' ? BACKUP_NAME.exec(value) : null;
  if (!match) return undefined;
  const stamp = match[2]!.replace(
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/,
    '$1-$2-$3T$4:$5:$6.$7Z',
  );
  const when = formats.dateTime(stamp);
  if (field === 'name') return when;
  const kind = vocabularyWord('maintenance.kinds', match[1], t);
  return kind ? t('history.values.backup', { kind, when }) : when;
}

function currencyOf(row: AuditRow): string | null {
  const currency = row.changes?.currency;
  if (typeof currency === 'string') return currency;
  if (Array.isArray(currency) && typeof currency[1] === 'string') return currency[1];
  return null;
}

function vocabularyWord(vocabulary: string | undefined, value: unknown, t: TFunction) {
  if (typeof value !== 'string') return undefined;
  if (!vocabulary) return undefined;
  const key = `${vocabulary}.${value}`;
  const word = t(key, { defaultValue: '' });
  return word || undefined;
}

/** Text, a date or an instant, shown as such; anything that holds an id or a structure is not. */
function plain(
  value: unknown,
  _row: AuditRow,
  _t: TFunction,
  formats: HistoryFormats,
): string | undefined {
  if (typeof value === 'number') return formats.number(value);
  if (typeof value !== 'string') return undefined;
  if (DAY.test(value)) return formats.date(value);
  if (INSTANT.test(value)) return formats.dateTime(value);
  if (UUID.test(value) || value.startsWith('media:')) return undefined;
  return value;
}

/** An export's filters, "Status: Signed, Artist: Nova Lane", worded like the fields above. */
function filtersOf(
  value: unknown,
  row: AuditRow,
  t: TFunction,
  formats: HistoryFormats,
): string | null | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const parts: string[] = [];
  for (const [field, inner] of Object.entries(value)) {
    const format = FIELD_FORMATS[field];
    if (!format || format === 'hidden' || format === 'filters') continue;
    const word = wordValue(inner, format, field, row, t, formats);
    if (word) parts.push(`${t(`history.fields.${field}`)}: ${word}`);
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** "Status: Draft → Sent", or "Terms: …" for a value set rather than changed. */
export function changeLine(change: FieldChange, t: TFunction, after = change.after): string {
  return change.before === null
    ? t('history.set', { field: change.label, value: after })
    : t('history.changed', { field: change.label, before: change.before, after });
}

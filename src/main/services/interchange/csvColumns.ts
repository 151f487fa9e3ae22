import type { Artist } from '../../../shared/domain/artist';
import type { Audition } from '../../../shared/domain/audition';
import type { Booking } from '../../../shared/domain/booking';
import type { Demo } from '../../../shared/domain/demo';
import type { GrowthLog } from '../../../shared/domain/growthLog';
import type { CsvExportEntity } from '../../../shared/domain/interchange';
import type { ScheduleEntry } from '../../../shared/domain/scheduleEntry';
import type { Talent } from '../../../shared/domain/talent';
import type { Cell } from '../workspace/files/csv';
import { toMajor } from './money';

export interface Column<T> {
  /** The entity's field name, so an exported file imports back (users by username). */
  readonly name: string;
  readonly value: (row: T) => Cell;
}

interface Rows {
  talents: Talent;
  auditions: Audition;
  bookings: Booking;
  schedule: ScheduleEntry;
  artists: Artist;
  demos: Demo;
  growthLogs: GrowthLog;
}

const field = <T>(name: keyof T & string): Column<T> => ({
  name,
  value: (row) => row[name] as Cell,
});
const fields = <T>(...names: (keyof T & string)[]): Column<T>[] => names.map((n) => field<T>(n));

/**
 * The columns of each export, in order. `id` and `version` let an edited export import back as
 * updates of the same records (see csvImportRows.ts). Restricted fields are listed like any other: the rows
 * come from the same list calls as the screen, already without what the caller may not see,
 * and a column whose field is absent for the caller's role is left out (see csvExport.ts).
 */
export const CSV_COLUMNS: { [E in CsvExportEntity]: Column<Rows[E]>[] } = {
  talents: [
    ...fields<Talent>('id', 'version', 'stageName', 'fullName', 'talentType', 'availabilityStatus'),
    { name: 'manager', value: (t) => t.expanded.manager.username },
    ...fields<Talent>('portfolioUrl', 'notes', 'archivedAt', 'createdAt', 'updatedAt'),
  ],
  auditions: [
    field<Audition>('id'),
    field<Audition>('talentProfile'),
    { name: 'stageName', value: (a) => a.expanded.talentProfile.stageName },
    ...fields<Audition>(
      'clientName',
      'projectName',
      'auditionType',
      'auditionDate',
      'status',
      'location',
      'callbackNotes',
      'updatedAt',
    ),
  ],
  bookings: [
    ...fields<Booking>('id', 'version'),
    field<Booking>('talentProfile'),
    { name: 'stageName', value: (b) => b.expanded.talentProfile.stageName },
    ...fields<Booking>(
      'clientName',
      'projectName',
      'startDateTime',
      'endDateTime',
      'timezone',
      'status',
      'holdRank',
    ),
    // Major units in the booking's currency (1234.56 CNY, 5000 JPY); the store keeps minor units.
    { name: 'rate', value: (b) => (b.rate == null ? null : toMajor(b.rate, b.currency)) },
    ...fields<Booking>('currency', 'notes', 'cancelReason', 'updatedAt'),
  ],
  schedule: [
    field<ScheduleEntry>('id'),
    field<ScheduleEntry>('talentProfile'),
    { name: 'stageName', value: (e) => e.expanded.talentProfile.stageName },
    ...fields<ScheduleEntry>(
      'entryType',
      'title',
      'start',
      'end',
      'timezone',
      'status',
      'source',
      'booking',
    ),
  ],
  artists: [
    ...fields<Artist>(
      'id',
      'version',
      'artistName',
      'genre',
      'status',
      'priorityScore',
      'socialFollowers',
    ),
    field<Artist>('lastDemoDate'),
    { name: 'owner', value: (a) => a.expanded.owner.username },
    ...fields<Artist>('createdAt', 'updatedAt'),
  ],
  demos: [
    field<Demo>('id'),
    field<Demo>('artist'),
    { name: 'artistName', value: (d) => d.expanded.artist.artistName },
    ...fields<Demo>('title', 'submissionSource', 'reviewStatus'),
    { name: 'submittedBy', value: (d) => d.expanded.submittedBy.username },
    ...fields<Demo>('receivedAt', 'durationSeconds', 'sampleRate', 'loudnessLufs'),
    { name: 'scoreAverage', value: (d) => d.scores.average },
    { name: 'scoreCount', value: (d) => d.scores.count },
  ],
  growthLogs: [
    ...fields<GrowthLog>('id', 'artist', 'platform', 'followerCount', 'engagementRate'),
    field<GrowthLog>('captureDate'),
    { name: 'capturedBy', value: (g) => g.expanded.capturedBy.username },
  ],
};

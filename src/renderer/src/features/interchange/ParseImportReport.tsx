import {
  Alert,
  Box,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseImportReport } from '../../../../shared/domain/interchange';
import { useSkipText } from './useSkipText';
import type { User } from '../../../../shared/domain/user';

/** What the person decided in the preview: Parse users mapped, conflicts settled. */
export interface Choices {
  userMap: Record<string, string>;
  resolutions: Record<string, 'parse' | 'greenroom'>;
}

/** A table cell's select has no visible label: its combobox is named for screen readers. */
const labelled = (name: string) => ({ 'aria-label': name }) as HTMLAttributes<HTMLDivElement>;
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, n) => a + n, 0);
const shown = (value: unknown) =>
  value === null || value === undefined || value === '' ? '—' : String(value);

/** One titled table of the report; nothing at all when it has no rows. */
function Part({ title, rows, head }: { title: string; rows: ReactNode[]; head: ReactNode[] }) {
  if (rows.length === 0) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            {head.map((cell, i) => (
              // A short heading over a long column ("Name" over zone lists) stays on one line.
              <TableCell key={i} sx={{ whiteSpace: 'nowrap' }}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{rows}</TableBody>
      </Table>
    </Box>
  );
}

/**
 * The import's report, as a preview (with choices to make) or as done: the zone used, files,
 * users matched and to map, conflicts, ACLs narrower than Greenroom's rules, dropped entries, zone
 * names in the data, skipped objects.
 */
export function ParseImportReportView({
  report,
  people,
  choices,
  onChoices,
}: {
  report: ParseImportReport;
  people: readonly User[];
  choices: Choices;
  /** Absent once imported: the report is then read-only. */
  onChoices?: (next: Choices) => void;
}) {
  const { t } = useTranslation();
  const skipText = useSkipText();
  const counts = {
    imported: sum(report.imported),
    updated: sum(report.updated),
    skipped: report.skippedCount,
    already: report.alreadyImported,
    conflicts: report.conflictCount,
  };
  const warn = report.skippedCount + report.conflictCount + report.droppedCount > 0;
  const zoneNote =
    report.timezone.source === 'mapped'
      ? t('parseImport.zoneMapped', { zone: report.timezone.zone, asked: report.timezone.asked })
      : t('parseImport.zoneUsed', { zone: report.timezone.zone });

  return (
    <Box sx={{ mt: 2 }} role="status">
      <Alert severity={warn ? 'warning' : 'success'}>
        {t(report.committed ? 'parseImport.summary' : 'parseImport.previewSummary', counts)}
      </Alert>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {zoneNote}
      </Typography>

      <Part
        title={t('parseImport.files')}
        head={[
          t('parseImport.file'),
          t('parseImport.class'),
          t('parseImport.objects'),
          t('parseImport.imported'),
        ]}
        rows={report.files.map((file) => (
          <TableRow key={file.name}>
            <TableCell>{file.name}</TableCell>
            <TableCell>{file.className ?? t('parseImport.unknownFile')}</TableCell>
            <TableCell>{file.objects}</TableCell>
            <TableCell>{file.className ? (report.imported[file.className] ?? 0) : '—'}</TableCell>
          </TableRow>
        ))}
      />

      <Part
        title={t('parseImport.matchedUsers')}
        head={[
          t('parseImport.parseUser'),
          t('parseImport.greenroomUser'),
          t('parseImport.matchedBy'),
        ]}
        rows={report.matchedUsers.map((user) => (
          <TableRow key={user.objectId}>
            <TableCell>
              {shown(user.username)} · {shown(user.email)}
            </TableCell>
            <TableCell>{user.greenroomUsername}</TableCell>
            <TableCell>{t(`parseImport.by.${user.by}`)}</TableCell>
          </TableRow>
        ))}
      />

      <Part
        title={t('parseImport.unmatchedUsers')}
        head={[t('parseImport.parseUser'), t('parseImport.role'), t('parseImport.mapTo')]}
        rows={report.unmatchedUsers.map((user) => (
          <TableRow key={user.objectId}>
            <TableCell>
              {shown(user.username)} · {shown(user.email)}
            </TableCell>
            <TableCell>{shown(user.role)}</TableCell>
            <TableCell>
              {onChoices ? (
                <Select
                  size="small"
                  value={choices.userMap[user.objectId] ?? ''}
                  displayEmpty
                  SelectDisplayProps={labelled(
                    t('parseImport.mapUser', { user: shown(user.username) }),
                  )}
                  onChange={(event) => {
                    const { [user.objectId]: _was, ...rest } = choices.userMap;
                    const to = event.target.value;
                    onChoices({
                      ...choices,
                      userMap: to ? { ...rest, [user.objectId]: to } : rest,
                    });
                  }}
                >
                  <MenuItem value="">
                    {user.outcome === 'create'
                      ? t('parseImport.createUser')
                      : t('parseImport.notImported')}
                  </MenuItem>
                  {people.map((person) => (
                    <MenuItem key={person.id} value={person.id}>
                      {person.fullName} ({person.username})
                    </MenuItem>
                  ))}
                </Select>
              ) : user.outcome === 'create' ? (
                t('parseImport.createUser')
              ) : (
                t('parseImport.notImported')
              )}
            </TableCell>
          </TableRow>
        ))}
      />

      <Part
        title={t('parseImport.roles')}
        head={[t('parseImport.parseRole'), t('parseImport.role'), t('parseImport.members')]}
        rows={report.roles.map((role) => (
          <TableRow key={role.name}>
            <TableCell>{role.name}</TableCell>
            <TableCell>{role.role ?? t('parseImport.noRole')}</TableCell>
            <TableCell>{role.members}</TableCell>
          </TableRow>
        ))}
      />

      <Part
        title={t('parseImport.conflicts', { n: report.conflicts.length })}
        head={[
          t('parseImport.record'),
          t('parseImport.field'),
          t('parseImport.parseValue'),
          t('parseImport.greenroomValue'),
          t('parseImport.resolution'),
        ]}
        rows={report.conflicts.map((conflict) => {
          const key = `${conflict.className}:${conflict.objectId}`;
          return (
            <TableRow key={key}>
              <TableCell>{key}</TableCell>
              <TableCell>{conflict.fields.map((f) => f.field).join(', ')}</TableCell>
              <TableCell>{conflict.fields.map((f) => shown(f.parse)).join(' · ')}</TableCell>
              <TableCell>{conflict.fields.map((f) => shown(f.greenroom)).join(' · ')}</TableCell>
              <TableCell>
                {onChoices ? (
                  <Select
                    size="small"
                    value={choices.resolutions[key] ?? ''}
                    displayEmpty
                    SelectDisplayProps={labelled(t('parseImport.settle', { record: key }))}
                    onChange={(event) => {
                      const { [key]: _was, ...rest } = choices.resolutions;
                      const to = event.target.value as '' | 'parse' | 'greenroom';
                      onChoices({ ...choices, resolutions: to ? { ...rest, [key]: to } : rest });
                    }}
                  >
                    <MenuItem value="">{t('parseImport.settleLater')}</MenuItem>
                    <MenuItem value="greenroom">{t('parseImport.keepGreenroom')}</MenuItem>
                    <MenuItem value="parse">{t('parseImport.takeParse')}</MenuItem>
                  </Select>
                ) : conflict.resolution === 'parse' ? (
                  t('parseImport.takeParse')
                ) : conflict.resolution === 'greenroom' ? (
                  t('parseImport.keepGreenroom')
                ) : (
                  t('parseImport.settleLater')
                )}
              </TableCell>
            </TableRow>
          );
        })}
      />

      <Part
        title={t('parseImport.narrowerAcls', { n: report.narrowerAclCount })}
        head={[t('parseImport.record'), t('parseImport.readers'), t('parseImport.gainedBy')]}
        rows={report.narrowerAcls.map((acl) => (
          <TableRow key={`${acl.className}:${acl.objectId}`}>
            <TableCell>
              {acl.className}:{acl.objectId}
            </TableCell>
            <TableCell>
              {acl.readers.length === 0
                ? t('parseImport.nobody')
                : acl.readers
                    .map((r) => t(`parseImport.reader.${r.kind}`, { name: r.name }))
                    .join(', ')}
            </TableCell>
            <TableCell>{acl.gainedBy.join(', ')}</TableCell>
          </TableRow>
        ))}
      />

      <Part
        title={t('parseImport.dropped', { n: report.droppedCount })}
        head={[t('parseImport.file'), t('parseImport.position'), t('parseImport.reason')]}
        rows={report.dropped.map((entry) => (
          <TableRow key={`${entry.file}:${entry.index}`}>
            <TableCell>{entry.file}</TableCell>
            <TableCell>{entry.index + 1}</TableCell>
            <TableCell>{skipText(entry.why)}</TableCell>
          </TableRow>
        ))}
      />

      <Part
        title={t('parseImport.zones')}
        head={[t('parseImport.zoneValue'), t('parseImport.zoneOutcome'), t('parseImport.objects')]}
        rows={report.zones.map((zone) => (
          <TableRow key={zone.value}>
            <TableCell>{zone.value}</TableCell>
            <TableCell>
              {zone.mappedTo
                ? t('parseImport.zoneMappedTo', { zone: zone.mappedTo })
                : zone.candidates.length > 0
                  ? t('parseImport.zoneAmbiguous', {
                      candidates: zone.candidates.join(', '),
                      zone: report.timezone.zone,
                    })
                  : t('parseImport.zoneUnknown', { zone: report.timezone.zone })}
            </TableCell>
            <TableCell>{zone.objects}</TableCell>
          </TableRow>
        ))}
      />

      <Part
        title={t('parseImport.skipped')}
        head={[t('parseImport.class'), 'objectId', t('parseImport.reason')]}
        rows={report.skipped.map((skip, i) => (
          <TableRow key={i}>
            <TableCell>{skip.className}</TableCell>
            <TableCell>{skip.objectId || '—'}</TableCell>
            <TableCell>{skipText(skip.why)}</TableCell>
          </TableRow>
        ))}
      />
    </Box>
  );
}

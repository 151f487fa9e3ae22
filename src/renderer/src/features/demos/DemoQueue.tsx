import StarIcon from '@mui/icons-material/Star';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Box, Button, Stack, Tooltip } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Input } from '../../../../shared/api';
import { REVIEW_TRANSITIONS, type Demo, type ReviewStatus } from '../../../../shared/domain/demo';
import { PagedGrid } from '../../components/PagedGrid';
import { CutText } from '../../components/CutText';
import { CHIP_PADDING, dateColumnWidth, fitWidth } from '../../components/gridColumns';
import { StatusChip } from '../../components/StatusChip';
import { REVIEW_STATUSES, SUBMISSION_SOURCES } from '../../../../shared/domain/vocabulary';
import { recordPath } from '../../components/recordLinks';
import { useCursorPaging } from '../../components/useCursorPaging';
import { useFormatters } from '../../components/useFormatters';
import { useCurrentUser } from '../session';
import { missingAudioText } from './missingAudioText';
import { NotMeasuredChip } from './NotMeasured';
import { RelinkButton } from './RelinkButton';
import { ReviewDecisionDialog } from './ReviewDecisionDialog';
import { decidesDemos, formatDuration, mayDecide, NOT_DECIDER, useDemoList } from './useDemos';
import { useGridLocaleText } from '../../components/useGridLocaleText';

const PAGE_SIZE = 50;

/** The demo queue, oldest first, with the review decisions the user may take on each row. */
export function DemoQueue({
  filters,
  showArtist = true,
}: {
  filters: Omit<Input<'demos.list'>, 'limit' | 'cursor'>;
  showArtist?: boolean;
}) {
  const { t } = useTranslation();
  const localeText = useGridLocaleText(t('demos.empty'));
  const user = useCurrentUser();
  const format = useFormatters();
  const paging = useCursorPaging(PAGE_SIZE);
  const list = useDemoList({
    ...filters,
    limit: PAGE_SIZE,
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
  });
  const [deciding, setDeciding] = useState<{ demo: Demo; to: ReviewStatus } | null>(null);
  const navigate = useNavigate();
  // The player walks the same queue: its filters travel in the URL.
  const queueQuery = new URLSearchParams({
    ...(filters.reviewStatus ? { status: filters.reviewStatus } : {}),
    ...(filters.undecided ? { status: 'undecided' } : {}),
    ...(filters.submissionSource ? { source: filters.submissionSource } : {}),
    ...(filters.artist ? { artist: filters.artist } : {}),
  }).toString();

  const columns = useMemo<GridColDef<Demo>[]>(
    () => [
      {
        field: 'title',
        headerName: t('demos.title'),
        flex: 1,
        // A title, a mark when its audio is missing ("No audio", "File missing": the button
        // to add it sits in Length) and its "Not measured" chip.
        minWidth: 140,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%' }}>
            <CutText text={row.title} />
            {row.audioMissing && (
              <Tooltip describeChild title={t(missingAudioText(row).hint)}>
                <LinkOffIcon
                  color="warning"
                  fontSize="small"
                  titleAccess={t(missingAudioText(row).chip)}
                />
              </Tooltip>
            )}
            {row.analysis.failure && <NotMeasuredChip failure={row.analysis.failure} />}
          </Stack>
        ),
      },
      ...(showArtist
        ? [
            {
              field: 'artist',
              headerName: t('demos.artist'),
              // Band names run longer than demo titles.
              flex: 1.3,
              minWidth: 100,
              valueGetter: (_v: unknown, row: Demo) => row.expanded.artist.artistName,
              renderCell: ({ value }: { value?: string }) => <CutText text={value ?? ''} />,
            } satisfies GridColDef<Demo>,
          ]
        : []),
      {
        field: 'receivedAt',
        headerName: t('demos.receivedAt'),
        // Measured columns (the date, the source, the chip) leave the names the rest.
        width: Math.max(dateColumnWidth(format), fitWidth(t('demos.receivedAt'), [])),
        valueFormatter: (value: string) => format.dayOf(value),
      },
      {
        // Length and sample rate in one column: every column counts at 1280 px.
        field: 'durationSeconds',
        headerName: t('demos.duration'),
        width: 146,
        valueFormatter: (value: number | null, row) =>
          row.sampleRate
            ? `${formatDuration(value)} · ${row.sampleRate / 1000} kHz`
            : formatDuration(value),
        // Where a demo without its audio would show its length: the way to give it back.
        renderCell: ({ row, formattedValue }) =>
          row.audioMissing ? <RelinkButton demo={row} /> : formattedValue,
      },
      {
        field: 'submissionSource',
        headerName: t('demos.source'),
        width: fitWidth(
          t('demos.source'),
          SUBMISSION_SOURCES.map((source) => t(`submissionSource.${source}`)),
        ),
        valueFormatter: (value: string) => t(`submissionSource.${value}`),
      },
      {
        field: 'reviewStatus',
        headerName: t('demos.reviewStatus'),
        width: fitWidth(
          t('demos.reviewStatus'),
          REVIEW_STATUSES.map((status) => t(`reviewStatus.${status}`)),
          CHIP_PADDING,
        ),
        renderCell: ({ row }) => <StatusChip status={row.reviewStatus} labels="reviewStatus" />,
      },
      {
        field: 'score',
        headerName: t('scores.column'),
        width: 76,
        sortable: false,
        valueGetter: (_v, row) => row.scores.average,
        renderCell: ({ row }) =>
          row.scores.count === 0 ? (
            '—'
          ) : (
            <Tooltip
              title={t('scores.average', {
                average: row.scores.average!.toFixed(1),
                count: row.scores.count,
              })}
            >
              <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
                <StarIcon fontSize="small" sx={{ color: 'warning.main' }} />
                <span>
                  {row.scores.average!.toFixed(1)} ({row.scores.count})
                </span>
              </Stack>
            </Tooltip>
          ),
      },
      {
        field: 'actions',
        headerName: t('demos.actions'),
        width: 176,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
            {decidesDemos(user) &&
              REVIEW_TRANSITIONS[row.reviewStatus].map((to) => {
                const button = (
                  <Button
                    key={to}
                    size="small"
                    variant={to === 'passed' ? 'text' : 'outlined'}
                    disabled={!mayDecide(user, row)}
                    onClick={() => setDeciding({ demo: row, to })}
                  >
                    {t(`demos.decide.${to}`)}
                  </Button>
                );
                return mayDecide(user, row) ? (
                  button
                ) : (
                  <Tooltip key={to} title={t(NOT_DECIDER)}>
                    {/* A disabled button fires no events: the span carries the tooltip. */}
                    <span>{button}</span>
                  </Tooltip>
                );
              })}
          </Stack>
        ),
      },
    ],
    [t, format, showArtist, user],
  );

  return (
    <Box sx={{ flexGrow: 1, minHeight: 320, display: 'flex', flexDirection: 'column' }}>
      <PagedGrid<Demo>
        label={t('demos.queue')}
        page={list.data}
        fetching={list.isFetching}
        paging={paging}
        columns={columns}
        onOpen={(row) => void navigate(`${recordPath('demos', row.id)!}?${queueQuery}`)}
        localeText={localeText}
      />
      {deciding && (
        <ReviewDecisionDialog
          demo={deciding.demo}
          to={deciding.to}
          onClose={() => setDeciding(null)}
        />
      )}
    </Box>
  );
}

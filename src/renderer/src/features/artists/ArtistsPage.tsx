import AddIcon from '@mui/icons-material/Add';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { Box, Chip, Stack, TextField } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GridColDef } from '@mui/x-data-grid';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Artist } from '../../../../shared/domain/artist';
import { ARTIST_STATUSES } from '../../../../shared/domain/vocabulary';
import { call } from '../../api/client';
import { ExportCsvButton, ImportCsvButton } from '../interchange';
import { PagedGrid } from '../../components/PagedGrid';
import { PageHeader } from '../../components/PageHeader';
import { useOpenFromQuery } from '../../components/useOpenFromQuery';
import { StatusChip } from '../../components/StatusChip';
import { recordPath } from '../../components/recordLinks';
import { useCursorPaging } from '../../components/useCursorPaging';
import { VocabularySelect } from '../../components/VocabularySelect';
import { ArtistDialog } from './ArtistDialog';
import { useGridLocaleText } from '../../components/useGridLocaleText';
import { calendarDateColumn } from '../../components/gridColumns';
import { useFormatters } from '../../components/useFormatters';

const PAGE_SIZE = 50;
type Status = (typeof ARTIST_STATUSES)[number];

/** The label desk's artists, highest priority first. */
export function ArtistsPage() {
  const { t, i18n } = useTranslation();
  const localeText = useGridLocaleText(t('artists.empty'));
  const format = useFormatters();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [genre, setGenre] = useState('');
  const [creating, setCreating] = useState(false);
  useOpenFromQuery(useCallback(() => setCreating(true), []));
  const paging = useCursorPaging(PAGE_SIZE);
  const filters = {
    limit: PAGE_SIZE,
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(status ? { status } : {}),
    ...(genre.trim() ? { genre: genre.trim() } : {}),
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
  };
  const list = useQuery({
    queryKey: ['artists', 'list', filters],
    queryFn: () => call('artists.list', filters),
    placeholderData: keepPreviousData,
  });
  const number = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const columns = useMemo<GridColDef<Artist>[]>(
    () => [
      {
        field: 'artistName',
        headerName: t('artists.artistName'),
        flex: 1.2,
        minWidth: 200,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%' }}>
            <span>{row.artistName}</span>
            {row.followerSpikeDate && (
              <Chip
                size="small"
                color="success"
                icon={<TrendingUpIcon />}
                label={t('artists.spike')}
                title={t('artists.spikeHint', {
                  platform: t(`platform.${row.followerSpikePlatform ?? 'other'}`),
                  date: row.followerSpikeDate,
                })}
              />
            )}
          </Stack>
        ),
      },
      { field: 'genre', headerName: t('artists.genre'), width: 140 },
      {
        field: 'status',
        headerName: t('artists.status'),
        width: 130,
        renderCell: ({ row }) => <StatusChip status={row.status} labels="artistStatus" />,
      },
      {
        field: 'priorityScore',
        headerName: t('artists.priorityScore'),
        width: 100,
        type: 'number',
      },
      {
        field: 'socialFollowers',
        headerName: t('artists.socialFollowers'),
        width: 130,
        valueFormatter: (v: number | null) => (v == null ? '' : number.format(v)),
      },
      calendarDateColumn<Artist>(format, {
        field: 'lastDemoDate',
        headerName: t('artists.lastDemoDate'),
      }),
      {
        field: 'owner',
        headerName: t('artists.owner'),
        flex: 1,
        minWidth: 140,
        valueGetter: (_v, row) => row.expanded.owner.fullName,
      },
    ],
    [t, number, format],
  );
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader
        title={t('artists.title')}
        extra={
          <>
            <ExportCsvButton entity="artists" filters={filters} />
            <ImportCsvButton entity="artists" />
          </>
        }
        action={{
          label: t('artists.new'),
          icon: <AddIcon />,
          needs: { entity: 'artists', action: 'create' },
          onClick: () => setCreating(true),
        }}
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ mb: 2 }}>
        <TextField
          size="small"
          placeholder={t('artists.search')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            paging.reset();
          }}
          sx={{ flexGrow: 1 }}
          slotProps={{ htmlInput: { 'aria-label': t('artists.search'), maxLength: 160 } }}
        />
        <VocabularySelect
          size="small"
          label={t('artists.status')}
          values={ARTIST_STATUSES}
          labels="artistStatus"
          withAll
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as Status | '');
            paging.reset();
          }}
          sx={{ minWidth: 160 }}
        />
        <TextField
          size="small"
          label={t('artists.genre')}
          value={genre}
          onChange={(e) => {
            setGenre(e.target.value);
            paging.reset();
          }}
          sx={{ minWidth: 160 }}
          slotProps={{ htmlInput: { maxLength: 80 } }}
        />
      </Stack>
      <Box sx={{ flexGrow: 1, minHeight: 320 }}>
        <PagedGrid<Artist>
          label={t('artists.title')}
          page={list.data}
          fetching={list.isFetching}
          paging={paging}
          columns={columns}
          onOpen={(row) => void navigate(recordPath('artists', row.id)!)}
          localeText={localeText}
        />
      </Box>
      {creating && (
        <ArtistDialog
          artist={null}
          onClose={(saved) => {
            setCreating(false);
            if (saved) void navigate(`/artists/${saved.id}`);
          }}
        />
      )}
    </Box>
  );
}

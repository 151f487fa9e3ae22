import AddIcon from '@mui/icons-material/Add';
import { Box, Chip, Snackbar, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedGrid } from '../../components/PagedGrid';
import { useOpenFromQuery } from '../../components/useOpenFromQuery';
import { useNavigate } from 'react-router';
import type { Input } from '../../../../shared/api';
import type { Talent } from '../../../../shared/domain/talent';
import type { AvailabilityStatus } from '../../../../shared/domain/vocabulary';
import { ExportCsvButton, ImportCsvButton } from '../interchange';
import { PageHeader } from '../../components/PageHeader';
import { recordPath } from '../../components/recordLinks';
import { useCursorPaging } from '../../components/useCursorPaging';
import { useGridLocaleText } from '../../components/useGridLocaleText';
import { AvailabilityChip } from './AvailabilityChip';
import { TalentDialog } from './TalentDialog';
import { TalentFilters, type TalentFilterValues } from './TalentFilters';
import { useAwayToday } from './useAwayToday';
import { useTalentList } from './useTalents';
import { ErrorAlert } from '../../components/ErrorAlert';

const PAGE_SIZE = 50;
const NO_FILTERS: TalentFilterValues = { q: '', talentType: '', availabilityStatus: '' };

/** The roster: newest changes first, filtered on the server, paged by cursor. */
export function TalentsPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<TalentFilterValues>(NO_FILTERS);
  const paging = useCursorPaging(PAGE_SIZE);
  const [editing, setEditing] = useState<'new' | null>(null);
  useOpenFromQuery(() => setEditing('new'));
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const away = useAwayToday();
  const localeText = useGridLocaleText();

  const query: Input<'talents.list'> = {
    limit: PAGE_SIZE,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.talentType ? { talentType: filters.talentType } : {}),
    ...(filters.availabilityStatus ? { availabilityStatus: filters.availabilityStatus } : {}),
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
  };
  const list = useTalentList(query);

  const { reset } = paging;
  const changeFilters = useCallback(
    (next: TalentFilterValues) => {
      setFilters(next);
      reset();
    },
    [reset],
  );

  const dateTime = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );

  const columns = useMemo<GridColDef<Talent>[]>(
    () => [
      {
        field: 'stageName',
        headerName: t('fields.stageName'),
        flex: 1.4,
        minWidth: 230,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%' }}>
            <span>{row.stageName}</span>
            {away.has(row.id) && (
              <Chip
                size="small"
                variant="outlined"
                color="warning"
                label={t(`calendar.block.${away.get(row.id)}`)}
                title={t('awayPeriods.awayToday')}
              />
            )}
          </Stack>
        ),
      },
      { field: 'fullName', headerName: t('fields.fullName'), flex: 1.2, minWidth: 160 },
      {
        field: 'talentType',
        headerName: t('fields.talentType'),
        width: 120,
        valueFormatter: (value: string) => t(`talentType.${value}`),
      },
      {
        field: 'availabilityStatus',
        headerName: t('fields.availabilityStatus'),
        width: 150,
        renderCell: ({ value }) => <AvailabilityChip status={value as AvailabilityStatus} />,
      },
      {
        field: 'manager',
        headerName: t('fields.manager'),
        flex: 1,
        minWidth: 140,
        valueGetter: (_value, row) => row.expanded.manager.fullName,
      },
      {
        field: 'updatedAt',
        headerName: t('fields.updatedAt'),
        width: 190,
        valueFormatter: (value: string) => dateTime.format(new Date(value)),
      },
    ],
    [t, dateTime, away],
  );

  const filtered =
    filters.q !== '' || filters.talentType !== '' || filters.availabilityStatus !== '';

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader
        title={t('talents.title')}
        extra={
          <>
            <ExportCsvButton entity="talents" filters={query} />
            <ImportCsvButton entity="talents" />
          </>
        }
        action={{
          label: t('talents.new'),
          icon: <AddIcon />,
          needs: { entity: 'talents', action: 'create' },
          onClick: () => setEditing('new'),
        }}
      />
      <TalentFilters value={filters} onChange={changeFilters} />
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} sx={{ mb: 2 }} />
      <Box sx={{ flexGrow: 1, minHeight: 320 }}>
        <PagedGrid<Talent>
          label={t('talents.title')}
          page={list.data}
          fetching={list.isFetching}
          paging={paging}
          columns={columns}
          onOpen={(row) => void navigate(recordPath('talents', row.id)!)}
          localeText={localeText}
          slots={{
            noRowsOverlay: () => (
              <Stack sx={{ height: '100%', alignItems: 'center', justifyContent: 'center', p: 2 }}>
                <Typography color="text.secondary">
                  {filtered ? t('talents.noMatches') : t('talents.empty')}
                </Typography>
              </Stack>
            ),
          }}
        />
      </Box>
      {editing && (
        <TalentDialog
          talent={null}
          onClose={(message) => {
            setEditing(null);
            if (message) setNotice(message);
          }}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </Box>
  );
}

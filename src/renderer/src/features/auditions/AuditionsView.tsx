import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audition, AuditionStatus } from '../../../../shared/domain/audition';
import { rowOpening } from '../../components/rowOpening';
import { StatusChip } from '../../components/StatusChip';
import { useFormatters } from '../../components/useFormatters';
import { useNotify } from '../../components/useNotify';
import { BookingDialog, type BookingDraft } from '../bookings';
import { AuditionBoard } from './AuditionBoard';
import { AuditionDialog } from './AuditionDialog';
import { CallbackDialog } from './CallbackDialog';
import { useAuditionActions, useAuditionPages } from './useAuditions';
import { useGridLocaleText } from '../../components/useGridLocaleText';
import { ErrorAlert } from '../../components/ErrorAlert';

/** How far back the page looks: the board opens on what is current, a month back on. */
const RANGES = ['30', '90', '365', 'all'] as const;
type Range = (typeof RANGES)[number];
const fromOf = (range: Range) =>
  range === 'all' ? null : new Date(Date.now() - Number(range) * 86_400_000).toISOString();

/**
 * The audition board and list. A card or row (clicked, or Enter on a row) opens the audition: at
 * its own link when `onOpen` is given (the auditions page), in place otherwise (a talent's tab).
 */
export function AuditionsView({
  talentProfile,
  onOpen,
}: {
  talentProfile?: string;
  onOpen?: (audition: Audition) => void;
}) {
  const { t } = useTranslation();
  const localeText = useGridLocaleText(t('auditions.empty'));
  const format = useFormatters();
  const [view, setView] = useState<'board' | 'list'>('board');
  const [range, setRange] = useState<Range>('30');
  // Fixed while the range stays: a moving `from` would refetch on every render.
  const from = useMemo(() => (talentProfile ? null : fromOf(range)), [range, talentProfile]);
  const list = useAuditionPages({
    limit: 100,
    ...(talentProfile ? { talentProfile } : {}),
    ...(from ? { from } : {}),
  });
  const actions = useAuditionActions();
  const [open, setOpen] = useState<Audition | null>(null);
  const openAudition = onOpen ?? setOpen;
  const [callback, setCallback] = useState<Audition | null>(null);
  const [booked, setBooked] = useState<Audition | null>(null);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const notify = useNotify();
  const [error, setError] = useState<unknown>(null);

  const move = async (audition: Audition, to: AuditionStatus, callbackNotes?: string) => {
    setError(null);
    try {
      await actions.setStatus.mutateAsync({
        id: audition.id,
        status: to,
        ...(callbackNotes !== undefined ? { callbackNotes } : {}),
      });
      notify(
        t('auditions.moved', {
          name: audition.expanded.talentProfile.stageName,
          status: t(`auditionStatus.${to}`),
        }),
        'success',
        {
          label: t('common.undo'),
          run: () =>
            void actions.setStatus
              .mutateAsync({ id: audition.id, status: audition.status, undo: true })
              .then(
                () => notify(t('common.undone')),
                () => notify(t('common.undoTooLate'), 'error'),
              ),
        },
      );
      if (to === 'booked') setBooked(audition);
    } catch (caught) {
      setError(caught);
    }
  };
  const requestMove = (audition: Audition, to: AuditionStatus) =>
    to === 'callback' ? setCallback(audition) : void move(audition, to);

  const columns = useMemo<GridColDef<Audition>[]>(
    () => [
      {
        field: 'auditionDate',
        headerName: t('auditions.auditionDate'),
        width: 190,
        valueFormatter: (v: string) => format.dateTime(v),
      },
      {
        field: 'talent',
        headerName: t('auditions.talent'),
        width: 160,
        valueGetter: (_v, row) => row.expanded.talentProfile.stageName,
      },
      { field: 'clientName', headerName: t('auditions.clientName'), flex: 1, minWidth: 140 },
      { field: 'projectName', headerName: t('auditions.projectName'), flex: 1, minWidth: 140 },
      {
        field: 'auditionType',
        headerName: t('auditions.auditionType'),
        width: 120,
        valueFormatter: (v: string) => t(`auditionType.${v}`),
      },
      {
        field: 'status',
        headerName: t('auditions.status'),
        width: 130,
        renderCell: ({ row }) => <StatusChip status={row.status} labels="auditionStatus" />,
      },
    ],
    [t, format],
  );

  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const empty = !list.isPending && !list.error && items.length === 0;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, gap: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_e, next: 'board' | 'list' | null) => next && setView(next)}
          aria-label={t('auditions.title')}
        >
          <ToggleButton value="board">{t('auditions.board')}</ToggleButton>
          <ToggleButton value="list">{t('auditions.list')}</ToggleButton>
        </ToggleButtonGroup>
        {!talentProfile && (
          <TextField
            select
            size="small"
            label={t('auditions.range.label')}
            value={range}
            onChange={(e) => setRange(e.target.value as Range)}
            sx={{ minWidth: 180 }}
          >
            {RANGES.map((value) => (
              <MenuItem key={value} value={value}>
                {t(`auditions.range.${value === 'all' ? 'all' : `days${value}`}`)}
              </MenuItem>
            ))}
          </TextField>
        )}
        {/* What the page holds, said plainly: the range and whether more are waiting. */}
        <Typography variant="body2" color="text.secondary" role="status">
          {from
            ? t(list.hasNextPage ? 'auditions.firstFrom' : 'auditions.showingFrom', {
                count: items.length,
                date: format.dayOf(from),
              })
            : t(list.hasNextPage ? 'auditions.first' : 'auditions.showing', {
                count: items.length,
              })}
        </Typography>
        {list.hasNextPage && (
          <Button
            size="small"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {t('auditions.more')}
          </Button>
        )}
      </Stack>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <ErrorAlert error={list.error} />
      {empty ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography>
            {from ? t('auditions.emptyFrom', { date: format.dayOf(from) }) : t('auditions.empty')}
          </Typography>
        </Paper>
      ) : view === 'board' ? (
        <AuditionBoard auditions={items} onOpen={openAudition} onMove={requestMove} />
      ) : (
        <Box sx={{ flexGrow: 1, minHeight: 280 }}>
          <DataGrid
            aria-label={t('auditions.title')}
            rows={items}
            columns={columns}
            loading={list.isFetching && !list.data}
            hideFooter={items.length <= 100}
            disableColumnFilter
            disableRowSelectionOnClick
            density="compact"
            {...rowOpening<Audition>(openAudition)}
            localeText={localeText}
            sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
          />
        </Box>
      )}
      {open && (
        <AuditionDialog
          audition={open}
          onClose={(message) => {
            setOpen(null);
            if (message) notify(message);
          }}
        />
      )}
      {callback && (
        <CallbackDialog
          audition={callback}
          onDone={(notes) => {
            const audition = callback;
            setCallback(null);
            if (notes !== null) void move(audition, 'callback', notes.trim() || undefined);
          }}
        />
      )}
      {booked && (
        <Dialog open onClose={() => setBooked(null)} aria-labelledby="booked-title">
          <DialogTitle id="booked-title">
            {t('auditions.bookedTitle', { name: booked.expanded.talentProfile.stageName })}
          </DialogTitle>
          <DialogContent>
            {t('auditions.bookedOffer', { client: booked.clientName, project: booked.projectName })}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setBooked(null)}>{t('auditions.notNow')}</Button>
            <Button
              variant="contained"
              autoFocus
              onClick={() => {
                setDraft({
                  talent: {
                    id: booked.talentProfile,
                    stageName: booked.expanded.talentProfile.stageName,
                    fullName: '',
                  },
                  audition: {
                    id: booked.id,
                    clientName: booked.clientName,
                    projectName: booked.projectName,
                  },
                });
                setBooked(null);
              }}
            >
              {t('auditions.createBooking')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {draft && (
        <BookingDialog
          booking={null}
          draft={draft}
          onClose={(message) => {
            setDraft(null);
            if (message) notify(message);
          }}
        />
      )}
    </Box>
  );
}

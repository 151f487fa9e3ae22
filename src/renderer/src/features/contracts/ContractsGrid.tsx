import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import { Box } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api';
import type { Contract } from '../../../../shared/domain/contract';
import { call } from '../../api/client';
import { StatusChip } from '../../components/StatusChip';
import { rowOpening } from '../../components/rowOpening';
import { useCursorPaging } from '../../components/useCursorPaging';
import { useGridLocaleText } from '../../components/useGridLocaleText';
import { calendarDateColumn, CHIP_PADDING, fitWidth } from '../../components/gridColumns';
import { CONTRACT_STATUSES, CONTRACT_TYPES } from '../../../../shared/domain/vocabulary';
import { useFormatters } from '../../components/useFormatters';

const PAGE_SIZE = 50;

/** Contracts, most recently changed first; a row (clicked, or Enter on it) opens the contract. */
export function ContractsGrid({
  filters,
  showArtist = true,
  onOpen,
}: {
  filters: Omit<Input<'contracts.list'>, 'limit' | 'cursor'>;
  showArtist?: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const localeText = useGridLocaleText(t('contracts.empty'));
  const format = useFormatters();
  const paging = useCursorPaging(PAGE_SIZE);
  const input = {
    ...filters,
    limit: PAGE_SIZE,
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
  };
  const list = useQuery({
    queryKey: ['contracts', 'list', input],
    queryFn: () => call('contracts.list', input),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<GridColDef<Contract>[]>(
    () => [
      ...(showArtist
        ? [
            {
              field: 'artist',
              headerName: t('contracts.artist'),
              flex: 1,
              minWidth: 90,
              valueGetter: (_v: unknown, row: Contract) => row.expanded.artist.artistName,
            } satisfies GridColDef<Contract>,
          ]
        : []),
      {
        field: 'contractType',
        headerName: t('contracts.contractType'),
        width: fitWidth(
          t('contracts.contractType'),
          CONTRACT_TYPES.map((type) => t(`contractType.${type}`)),
        ),
        valueFormatter: (value: string) => t(`contractType.${value}`),
      },
      {
        field: 'status',
        headerName: t('contracts.status'),
        width: fitWidth(
          t('contracts.status'),
          CONTRACT_STATUSES.map((status) => t(`contractStatus.${status}`)),
          CHIP_PADDING,
        ),
        renderCell: ({ row }) => <StatusChip status={row.status} labels="contractStatus" />,
      },
      {
        field: 'legalOwner',
        headerName: t('contracts.legalOwner'),
        flex: 1,
        minWidth: 90,
        valueGetter: (_v, row) => row.expanded.legalOwner.fullName,
      },
      // Four dates and the document mark fit beside the names at 1280 px.
      ...(['effectiveDate', 'optionDate', 'noticeDate', 'expiryDate'] as const).map((field) =>
        calendarDateColumn<Contract>(format, {
          field,
          headerName: t(`contracts.${field}`),
        }),
      ),
      {
        field: 'documentUrl',
        headerName: t('contracts.document'),
        width: fitWidth(t('contracts.document'), []),
        renderCell: ({ row }) =>
          row.documentUrl ? (
            <PictureAsPdfOutlinedIcon
              color="action"
              sx={{ verticalAlign: 'middle' }}
              titleAccess={t('contracts.hasDocument')}
            />
          ) : null,
      },
    ],
    [t, format, showArtist],
  );
  return (
    <Box sx={{ flexGrow: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
      <DataGrid
        aria-label={t('contracts.title')}
        rows={list.data?.items ?? []}
        columns={columns}
        loading={list.isFetching && !list.data}
        {...paging.gridProps(
          list.data?.nextCursor ?? null,
          list.data?.items.length ?? 0,
          list.data?.total,
        )}
        disableColumnSorting
        disableColumnFilter
        disableRowSelectionOnClick
        density="compact"
        {...rowOpening<Contract>((row) => onOpen(row.id))}
        localeText={localeText}
        sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
      />
    </Box>
  );
}

import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import { Box, Tooltip } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GridColDef, GridRenderCellParams } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api';
import type { Contract } from '../../../../shared/domain/contract';
import { call } from '../../api/client';
import { PagedGrid } from '../../components/PagedGrid';
import { StatusChip } from '../../components/StatusChip';
import { useCursorPaging } from '../../components/useCursorPaging';
import { useGridLocaleText } from '../../components/useGridLocaleText';
import { calendarDateColumn, CHIP_PADDING, fitWidth } from '../../components/gridColumns';
import { CONTRACT_STATUSES, CONTRACT_TYPES } from '../../../../shared/domain/vocabulary';
import { useFormatters } from '../../components/useFormatters';

const PAGE_SIZE = 50;
/** The document column: one icon and the cell's padding. */
const DOCUMENT_WIDTH = 52;
/** A very long owner name ends in "…" rather than take the artist's room. */
const OWNER_MAX_WIDTH = 180;

/** A name shown whole: it wraps between words when its column is too narrow for one line. */
function wholeName({ value }: GridRenderCellParams<Contract, string>) {
  return (
    <Box component="span" sx={{ whiteSpace: 'normal', lineHeight: 1.3 }}>
      {value}
    </Box>
  );
}

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
  const items = list.data?.items;
  // A legal owner's name is short and repeats: the column is as wide as the names on this page,
  // and the artist (the name people look for) takes all the room left.
  const ownerWidth = useMemo(
    () =>
      Math.min(
        OWNER_MAX_WIDTH,
        fitWidth(
          t('contracts.legalOwner'),
          (items ?? []).map((row) => row.expanded.legalOwner.fullName),
        ),
      ),
    [t, items],
  );
  const columns = useMemo<GridColDef<Contract>[]>(
    () => [
      ...(showArtist
        ? [
            {
              field: 'artist',
              headerName: t('contracts.artist'),
              flex: 1,
              minWidth: 120,
              valueGetter: (_v: unknown, row: Contract) => row.expanded.artist.artistName,
              renderCell: wholeName,
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
        width: ownerWidth,
        valueGetter: (_v, row) => row.expanded.legalOwner.fullName,
        renderCell: wholeName,
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
        // A mark, often absent: an icon wide, its name in the header's tooltip.
        width: DOCUMENT_WIDTH,
        resizable: false,
        disableColumnMenu: true,
        align: 'center',
        headerAlign: 'center',
        renderHeader: () => (
          <Tooltip title={t('contracts.document')}>
            <PictureAsPdfOutlinedIcon
              fontSize="small"
              color="action"
              titleAccess={t('contracts.document')}
              sx={{ verticalAlign: 'middle' }}
            />
          </Tooltip>
        ),
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
    [t, format, showArtist, ownerWidth],
  );
  return (
    <Box sx={{ flexGrow: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
      <PagedGrid<Contract>
        label={t('contracts.title')}
        page={list.data}
        fetching={list.isFetching}
        paging={paging}
        columns={columns}
        onOpen={(row) => onOpen(row.id)}
        localeText={localeText}
        // A name too long for its column takes a second line rather than end in "…".
        getRowHeight={() => 'auto'}
        sx={{ '& .MuiDataGrid-cell': { py: 0.75, display: 'flex', alignItems: 'center' } }}
      />
    </Box>
  );
}

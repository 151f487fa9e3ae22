import { Box } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PagedGrid } from '../../components/PagedGrid';
import { PageHeader } from '../../components/PageHeader';
import { recordPath } from '../../components/recordLinks';
import { useCursorPaging } from '../../components/useCursorPaging';
import { useGridLocaleText } from '../../components/useGridLocaleText';
import { ChangeList } from './ChangeList';
import { useAuditList } from './useAudit';
import { AuditFilters, auditQuery, NO_AUDIT_FILTERS } from './AuditFilters';
import { useReadableHistory } from './useReadableHistory';
import { useFormatters } from '../../components/useFormatters';

const PAGE_SIZE = 50;
type Row = NonNullable<ReturnType<typeof useAuditList>['data']>['items'][number];

/**
 * The whole trail, for admins: newest first, as sentences, filtered by who, record type and
 * day, paged by cursor.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(NO_AUDIT_FILTERS);
  const paging = useCursorPaging(PAGE_SIZE);
  const list = useAuditList({
    limit: PAGE_SIZE,
    ...auditQuery(filters),
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
  });
  const read = useReadableHistory();
  const { dateTime } = useFormatters();
  const localeText = useGridLocaleText();
  const navigate = useNavigate();
  // A row opens the record it is about, where that record has a page of its own.
  const openRecord = (row: Row) => {
    const path = row.entityId ? recordPath(row.entity, row.entityId) : null;
    if (path) void navigate(path);
  };
  const columns = useMemo<GridColDef<Row>[]>(
    () => [
      {
        field: 'at',
        headerName: t('audit.at'),
        width: 170,
        valueFormatter: (v: string) => dateTime(v),
      },
      {
        field: 'actor',
        headerName: t('audit.actor'),
        width: 150,
        // Named as the sentence names them ("Someone" for a failed sign-in, the new user for a
        // sign-up), so Who and What agree.
        valueGetter: (_v, row) => read(row).actor,
      },
      {
        field: 'action',
        headerName: t('audit.action'),
        flex: 1,
        minWidth: 220,
        valueGetter: (_v, row) => read(row).sentence,
      },
      {
        field: 'entity',
        headerName: t('history.record'),
        width: 200,
        valueGetter: (_v, row) => read(row).record,
      },
      {
        field: 'changes',
        headerName: t('audit.changes'),
        flex: 1,
        minWidth: 240,
        sortable: false,
        renderCell: ({ row }) => {
          const entry = read(row);
          return <ChangeList changes={entry.changes} unshown={entry.unshown} />;
        },
      },
    ],
    [t, dateTime, read],
  );
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader
        title={t('audit.title')}
        extra={
          <AuditFilters
            value={filters}
            onChange={(next) => {
              setFilters(next);
              paging.reset();
            }}
          />
        }
      />
      <Box sx={{ flexGrow: 1, minHeight: 320 }}>
        <PagedGrid<Row>
          label={t('audit.title')}
          page={list.data}
          fetching={list.isFetching}
          paging={paging}
          columns={columns}
          onOpen={openRecord}
          localeText={localeText}
          getRowHeight={() => 'auto'}
          sx={{ '& .MuiDataGrid-cell': { py: 0.75 } }}
        />
      </Box>
    </Box>
  );
}

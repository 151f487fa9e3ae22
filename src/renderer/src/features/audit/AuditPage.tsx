import { Box } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ENTITIES, type Entity } from '../../../../shared/access';
import { PageHeader } from '../../components/PageHeader';
import { recordPath } from '../../components/recordLinks';
import { rowOpening } from '../../components/rowOpening';
import { useCursorPaging } from '../../components/useCursorPaging';
import { useGridLocaleText } from '../../components/useGridLocaleText';
import { VocabularySelect } from '../../components/VocabularySelect';
import { ChangeList } from './ChangeList';
import { useAuditList } from './useAudit';

const PAGE_SIZE = 50;
type Row = NonNullable<ReturnType<typeof useAuditList>['data']>['items'][number];

/** The whole trail, for admins: newest first, filtered by record type, paged by cursor. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [entity, setEntity] = useState<Entity | ''>('');
  const paging = useCursorPaging(PAGE_SIZE);
  const list = useAuditList({
    limit: PAGE_SIZE,
    ...(entity ? { entity } : {}),
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
  });
  const nextCursor = list.data?.nextCursor ?? null;
  const localeText = useGridLocaleText();
  const navigate = useNavigate();
  // A row opens the record it is about, where that record has a page of its own.
  const openRecord = (row: Row) => {
    const path = row.entityId ? recordPath(row.entity, row.entityId) : null;
    if (path) void navigate(path);
  };
  const dateTime = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }),
    [i18n.language],
  );
  const columns = useMemo<GridColDef<Row>[]>(
    () => [
      {
        field: 'at',
        headerName: t('audit.at'),
        width: 220,
        valueFormatter: (v: string) => dateTime.format(new Date(v)),
      },
      {
        field: 'actor',
        headerName: t('audit.actor'),
        width: 170,
        valueGetter: (_v, row) => row.expanded.actor?.fullName ?? t('audit.system'),
      },
      { field: 'action', headerName: t('audit.action'), width: 190 },
      {
        field: 'entity',
        headerName: t('audit.entity'),
        width: 130,
        valueFormatter: (v: string) => t(`entities.${v}`),
      },
      {
        field: 'changes',
        headerName: t('audit.changes'),
        flex: 1,
        minWidth: 240,
        sortable: false,
        renderCell: ({ row }) => <ChangeList changes={row.changes} />,
      },
    ],
    [t, dateTime],
  );
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader
        title={t('audit.title')}
        extra={
          <VocabularySelect
            size="small"
            label={t('audit.entityFilter')}
            values={ENTITIES}
            labels="entities"
            withAll
            value={entity}
            onChange={(event) => {
              setEntity(event.target.value as Entity | '');
              paging.reset();
            }}
            sx={{ minWidth: 200 }}
          />
        }
      />
      <Box sx={{ flexGrow: 1, minHeight: 320 }}>
        <DataGrid
          aria-label={t('audit.title')}
          rows={list.data?.items ?? []}
          columns={columns}
          loading={list.isFetching && !list.data}
          getRowHeight={() => 'auto'}
          {...paging.gridProps(nextCursor, list.data?.items.length ?? 0, list.data?.total)}
          {...rowOpening<Row>(openRecord)}
          localeText={localeText}
          disableColumnSorting
          disableColumnFilter
          disableRowSelectionOnClick
          density="compact"
          sx={{ '& .MuiDataGrid-cell': { py: 0.75 } }}
        />
      </Box>
    </Box>
  );
}

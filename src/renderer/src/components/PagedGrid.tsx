import { DataGrid, type DataGridProps, type GridValidRowModel } from '@mui/x-data-grid';
import type { SxProps, Theme } from '@mui/material';
import { rowOpening } from './rowOpening';
import type { useCursorPaging } from './useCursorPaging';

/** One page of a list as main answers it: a first page also says how many match. */
interface ListPage<R> {
  readonly items: R[];
  readonly nextCursor: string | null;
  readonly total?: number;
}

export interface PagedGridProps<R extends GridValidRowModel> extends Omit<
  DataGridProps<R>,
  'rows' | 'loading' | 'sx' | 'aria-label'
> {
  /** What the grid is called, for screen readers and tests. */
  readonly label: string;
  /** The page on screen, undefined until the first one answers. */
  readonly page: ListPage<R> | undefined;
  readonly fetching: boolean;
  readonly paging: ReturnType<typeof useCursorPaging>;
  /** A click on a row, or Enter on one of its cells (a control inside acts on its own). */
  readonly onOpen: (row: R) => void;
  readonly sx?: SxProps<Theme>;
}

/**
 * Every list of records is the same grid: paged by main's cursor, compact, not sorted or filtered
 * in the page (main does both), each row opening its record.
 */
export function PagedGrid<R extends GridValidRowModel>({
  label,
  page,
  fetching,
  paging,
  onOpen,
  sx,
  ...rest
}: PagedGridProps<R>) {
  return (
    <DataGrid<R>
      aria-label={label}
      rows={page?.items ?? []}
      loading={fetching && !page}
      {...paging.gridProps(page?.nextCursor ?? null, page?.items.length ?? 0, page?.total)}
      disableColumnSorting
      disableColumnFilter
      disableRowSelectionOnClick
      density="compact"
      {...rowOpening<R>(onOpen)}
      sx={[{ '& .MuiDataGrid-row': { cursor: 'pointer' } }, ...(Array.isArray(sx) ? sx : [sx])]}
      {...rest}
    />
  );
}

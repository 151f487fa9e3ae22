import type { GridPaginationModel } from '@mui/x-data-grid';
import { useCallback, useState } from 'react';

/**
 * Server paging by cursor for a DataGrid: page N is fetched with the cursor that page N-1
 * returned. `gridProps` gives the grid an exact row count once the last page is known.
 */
export function useCursorPaging(pageSize: number) {
  const [page, setPage] = useState(0);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);

  const reset = useCallback(() => {
    setPage(0);
    setCursors([undefined]);
  }, []);

  const gridProps = (nextCursor: string | null, itemsOnPage: number) => ({
    paginationMode: 'server' as const,
    rowCount: nextCursor === null ? page * pageSize + itemsOnPage : -1,
    paginationMeta: { hasNextPage: nextCursor !== null },
    paginationModel: { page, pageSize },
    pageSizeOptions: [pageSize],
    onPaginationModelChange: (model: GridPaginationModel) => {
      if (model.page > page && nextCursor) {
        setCursors((known) => {
          const copy = known.slice(0, page + 1);
          copy[page + 1] = nextCursor;
          return copy;
        });
      }
      setPage(model.page);
    },
  });

  return { cursor: cursors[page], reset, gridProps };
}

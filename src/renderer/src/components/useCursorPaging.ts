import type { GridPaginationModel } from '@mui/x-data-grid';
import { useCallback, useState } from 'react';

/**
 * Server paging by cursor for a DataGrid: page N is fetched with the cursor that page N-1
 * returned. The grid's row count is the list's `total` (the first page's reply carries it; later
 * pages leave it out, so the last one seen is kept), exact anyway once the last page is known.
 */
export function useCursorPaging(pageSize: number) {
  const [page, setPage] = useState(0);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [total, setTotal] = useState<number | undefined>(undefined);

  const reset = useCallback(() => {
    setPage(0);
    setCursors([undefined]);
  }, []);

  const gridProps = (nextCursor: string | null, itemsOnPage: number, replyTotal?: number) => {
    // Kept from the reply that had it (React's "state from the previous render" pattern).
    if (replyTotal !== undefined && replyTotal !== total) setTotal(replyTotal);
    const known = replyTotal ?? total;
    return {
      paginationMode: 'server' as const,
      rowCount:
        nextCursor === null ? page * pageSize + itemsOnPage : known !== undefined ? known : -1,
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
    };
  };

  return { cursor: cursors[page], reset, gridProps };
}

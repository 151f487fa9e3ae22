import type { GridCellParams, GridRowParams, GridValidRowModel } from '@mui/x-data-grid';
import type { KeyboardEvent, MouseEvent } from 'react';

/** A button, link or field inside a row acts on its own: it does not also open the row. */
function inControl(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('button, a, input, textarea, select, [role="button"]') !== null
  );
}

/**
 * How a grid's row opens: a click, or Enter on a focused cell. The grid's own arrow keys move
 * the focus between rows (and Tab reaches the grid), so a list is worked from the keyboard.
 */
export function rowOpening<R extends GridValidRowModel>(open: (row: R) => void) {
  return {
    onRowClick: (params: GridRowParams<R>, event: MouseEvent) => {
      if (!inControl(event.target)) open(params.row);
    },
    onCellKeyDown: (params: GridCellParams<R>, event: KeyboardEvent) => {
      if (event.key !== 'Enter' || inControl(event.target)) return;
      event.preventDefault();
      open(params.row);
    },
  };
}

import type { GridColDef, GridValidRowModel } from '@mui/x-data-grid';
import { APP_FONT_FAMILY } from '../theme';
import type { useFormatters } from './useFormatters';

type Formatters = ReturnType<typeof useFormatters>;

/** A compact grid's cell and header text (body2; headers are medium weight) and padding. */
const CELL_FONT = `400 14px ${APP_FONT_FAMILY}`;
const HEADER_FONT = `500 14px ${APP_FONT_FAMILY}`;
const CELL_PADDING = 2 * 10 + 2;
/** A small chip's label padding and border around its text. */
export const CHIP_PADDING = 2 * 8 + 2;

let measuring: CanvasRenderingContext2D | null | undefined;

/** How wide a text is drawn in a grid cell (or header), in px. */
function cellTextWidth(text: string, font = CELL_FONT): number {
  if (measuring === undefined) measuring = document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * 8;
  measuring.font = font;
  return measuring.measureText(text).width;
}

/**
 * The width a column needs to show its header and every one of its (translated) labels whole,
 * `extra` px more for what wraps a label (a chip): fixed vocabularies size their own columns, in
 * whichever language, instead of a width picked for English.
 */
export function fitWidth(header: string, labels: readonly string[], extra = 0): number {
  const cells = Math.max(...labels.map((label) => cellTextWidth(label) + extra));
  return Math.ceil(Math.max(cells, cellTextWidth(header, HEADER_FONT))) + CELL_PADDING;
}

const widest = new Map<Formatters, number>();

/** The widest date of the reader's format (the 28th of each month), so no date ends in "…". */
export function dateColumnWidth(format: Formatters): number {
  let width = widest.get(format);
  if (width === undefined) {
    const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
    width = Math.ceil(
      Math.max(...months.map((month) => cellTextWidth(format.date(`2028-${month}-28`)))),
    );
    widest.set(format, width);
  }
  return width + CELL_PADDING;
}

/**
 * A column of calendar dates (`YYYY-MM-DD` in the data) shown in the reader's language, the
 * way every other date on the screen is ("Mar 2, 2027", "2027年3月2日"), as wide as the widest
 * such date in that language; empty when unset.
 */
export function calendarDateColumn<R extends GridValidRowModel>(
  format: Formatters,
  column: Omit<GridColDef<R>, 'width' | 'valueFormatter'>,
): GridColDef<R> {
  return {
    ...column,
    width: dateColumnWidth(format),
    valueFormatter: (value: string | null | undefined) => (value ? format.date(value) : ''),
  } as GridColDef<R>;
}

import type {} from '@mui/x-data-grid/themeAugmentation';
import type { GridLocaleText } from '@mui/x-data-grid';
import { useTheme } from '@mui/material/styles';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The grid's own words in the chosen language (from the theme), with a screen's own empty-state
 * text. A grid's `localeText` prop replaces the theme's whole set instead of adding to it: with
 * only `noRowsLabel` given, the pager and menus fell back to English in Chinese. The pager says
 * how many rows match, with the language's digit grouping ("1–50 of 3,214").
 */
export function useGridLocaleText(noRowsLabel?: string): Partial<GridLocaleText> {
  const theme = useTheme();
  const { t, i18n } = useTranslation();
  const fromTheme = theme.components?.MuiDataGrid?.defaultProps?.localeText;
  return useMemo(() => {
    const number = new Intl.NumberFormat(i18n.language);
    const paginationDisplayedRows: GridLocaleText['paginationDisplayedRows'] = ({
      from,
      to,
      count,
    }) => {
      const at = { from: number.format(from), to: number.format(to) };
      return count === -1
        ? t('grid.displayedRowsMore', at)
        : t('grid.displayedRows', { ...at, total: number.format(count) });
    };
    return {
      ...fromTheme,
      ...(noRowsLabel !== undefined ? { noRowsLabel } : {}),
      paginationDisplayedRows,
    };
  }, [fromTheme, noRowsLabel, t, i18n.language]);
}

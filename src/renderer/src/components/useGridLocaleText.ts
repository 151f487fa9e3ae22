import type {} from '@mui/x-data-grid/themeAugmentation';
import type { GridLocaleText } from '@mui/x-data-grid';
import { useTheme } from '@mui/material/styles';
import { useMemo } from 'react';

/**
 * The grid's own words in the chosen language (from the theme), with a screen's own empty-state
 * text. A grid's `localeText` prop replaces the theme's whole set instead of adding to it: with
 * only `noRowsLabel` given, the pager and menus fell back to English in Chinese.
 */
export function useGridLocaleText(noRowsLabel: string): Partial<GridLocaleText> {
  const theme = useTheme();
  const fromTheme = theme.components?.MuiDataGrid?.defaultProps?.localeText;
  return useMemo(() => ({ ...fromTheme, noRowsLabel }), [fromTheme, noRowsLabel]);
}

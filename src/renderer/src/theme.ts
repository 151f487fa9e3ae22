import { createTheme, type Theme } from '@mui/material/styles';
import { enUS as coreEn, zhCN as coreZh } from '@mui/material/locale';
import { enUS as gridEn, zhCN as gridZh } from '@mui/x-data-grid/locales';
import type {} from '@mui/x-data-grid/themeAugmentation';
import type { Language } from './i18n';

/** System fonts, with the Chinese ones each platform ships. */
export const APP_FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** Light and dark follow the operating system; the locale follows the chosen language. */
export function createAppTheme(language: Language): Theme {
  const [core, grid] = language === 'zh-CN' ? [coreZh, gridZh] : [coreEn, gridEn];
  return createTheme(
    {
      cssVariables: { colorSchemeSelector: 'media' },
      colorSchemes: {
        // Warning is darker than MUI's orange so chip text keeps 4.5:1 contrast (axe, WCAG AA).
        light: {
          palette: {
            primary: { main: '#2e6b4f' },
            secondary: { main: '#8a4fff' },
            warning: { main: '#b45309' },
          },
        },
        dark: { palette: { primary: { main: '#7fc8a2' }, secondary: { main: '#b894ff' } } },
      },
      shape: { borderRadius: 8 },
      typography: { fontFamily: APP_FONT_FAMILY },
      components: {
        MuiButton: { defaultProps: { disableElevation: true } },
        // A column header too long for its column wraps onto a second line (two fit in a compact
        // header) instead of ending in "…": every grid, in every language, at 1280 px.
        MuiDataGrid: {
          styleOverrides: {
            columnHeaderTitle: { whiteSpace: 'normal', lineHeight: 1.15, overflowWrap: 'anywhere' },
          },
        },
      },
    },
    core,
    grid,
  );
}

export { CommandPalette } from './CommandPalette';
export { usePaletteShortcut } from './usePaletteShortcut';

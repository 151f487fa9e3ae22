export { AppShell } from './AppShell';
export { LanguageSwitch } from './LanguageSwitch';
export { useLiveUpdates } from './useLiveUpdates';
export { navItemsFor, NAV_ITEMS } from './navigation';

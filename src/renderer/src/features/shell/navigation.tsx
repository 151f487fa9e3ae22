import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import AlbumOutlined from '@mui/icons-material/AlbumOutlined';
import TodayOutlined from '@mui/icons-material/TodayOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import QueueMusicOutlined from '@mui/icons-material/QueueMusicOutlined';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import TheaterComedyOutlined from '@mui/icons-material/TheaterComedyOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import type { ReactNode } from 'react';
import { CALENDAR_RULES, canAny, type Rule } from '../../../../shared/access';
import type { Role } from '../../../../shared/domain/vocabulary';

export interface NavItem {
  readonly path: string;
  readonly labelKey: string;
  readonly icon: ReactNode;
  /** Shown only to roles the access table allows any of these; every signed-in user when absent. */
  readonly needs?: readonly Rule[];
}

/** Every screen that works today. Adding one: a route in App and an entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/today', labelKey: 'nav.today', icon: <TodayOutlined /> },
  {
    path: '/talents',
    labelKey: 'nav.talents',
    icon: <PeopleAltOutlined />,
    needs: [{ entity: 'talents', action: 'read' }],
  },
  {
    path: '/schedule',
    labelKey: 'nav.schedule',
    icon: <CalendarMonthOutlined />,
    needs: CALENDAR_RULES,
  },
  {
    path: '/auditions',
    labelKey: 'nav.auditions',
    icon: <TheaterComedyOutlined />,
    needs: [{ entity: 'auditions', action: 'read' }],
  },
  {
    path: '/bookings',
    labelKey: 'nav.bookings',
    icon: <EventAvailableOutlined />,
    needs: [{ entity: 'bookings', action: 'read' }],
  },
  {
    path: '/artists',
    labelKey: 'nav.artists',
    icon: <AlbumOutlined />,
    needs: [{ entity: 'artists', action: 'read' }],
  },
  {
    path: '/demos',
    labelKey: 'nav.demos',
    icon: <QueueMusicOutlined />,
    needs: [{ entity: 'demos', action: 'read' }],
  },
  {
    path: '/contracts',
    labelKey: 'nav.contracts',
    icon: <DescriptionOutlined />,
    needs: [{ entity: 'contracts', action: 'read' }],
  },
  {
    path: '/users',
    labelKey: 'nav.users',
    icon: <AdminPanelSettingsOutlined />,
    needs: [{ entity: 'users', action: 'read' }],
  },
  {
    path: '/audit',
    labelKey: 'nav.audit',
    icon: <HistoryOutlined />,
    needs: [{ entity: 'audit', action: 'read' }],
  },
  {
    path: '/settings',
    labelKey: 'nav.settings',
    icon: <SettingsOutlined />,
    needs: [{ entity: 'settings', action: 'update' }],
  },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.needs || canAny(role, item.needs));
}

import {
  AppBar,
  Box,
  Drawer,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { CommandPalette, usePaletteShortcut } from '../palette';
import { useCurrentUser } from '../session';
import { ConnectionBar } from './ConnectionBar';
import { LanguageSwitch } from './LanguageSwitch';
import { Reminders, useToday } from '../today';
import { navItemsFor } from './navigation';
import { UserMenu } from './UserMenu';

const DRAWER_WIDTH = 232;

/** The frame around every signed-in screen. Navigation lists only what works today. */
export function AppShell() {
  const { t } = useTranslation();
  const items = navItemsFor(useCurrentUser().role);
  const today = useToday();
  const due = (today.data?.counts.overdue ?? 0) + (today.data?.counts.today ?? 0);
  const palette = usePaletteShortcut();
  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <AppBar
        position="fixed"
        sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}
        enableColorOnDark
      >
        <Toolbar variant="dense">
          <Typography variant="h6" component="div" sx={{ flexGrow: 1, fontWeight: 700 }}>
            {t('app.name')}
          </Typography>
          <Tooltip title={t('palette.open')}>
            <IconButton
              color="inherit"
              aria-label={t('palette.open')}
              onClick={() => palette.setOpen(true)}
            >
              <SearchIcon />
            </IconButton>
          </Tooltip>
          <LanguageSwitch color="inherit" />
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
        }}
      >
        <Toolbar variant="dense" />
        <nav aria-label={t('nav.menu')}>
          <List dense>
            {items.map((item) => (
              <ListItem key={item.path} disablePadding>
                <ListItemButton
                  component={NavLink}
                  to={item.path}
                  sx={{ '&.active': { bgcolor: 'action.selected' } }}
                >
                  <ListItemIcon sx={{ minWidth: 36 }}>
                    {item.path === '/today' && due > 0 ? (
                      <Badge
                        badgeContent={due}
                        color="error"
                        aria-label={t('today.dueCount', { count: due })}
                      >
                        {item.icon}
                      </Badge>
                    ) : (
                      item.icon
                    )}
                  </ListItemIcon>
                  <ListItemText primary={t(item.labelKey)} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </nav>
      </Drawer>
      <Box
        component="main"
        sx={{ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}
      >
        <Toolbar variant="dense" />
        <ConnectionBar />
        <Reminders />
        <Outlet />
        <CommandPalette open={palette.open} onClose={() => palette.setOpen(false)} />
      </Box>
    </Box>
  );
}

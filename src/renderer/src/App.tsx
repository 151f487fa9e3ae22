import { Box, CircularProgress, CssBaseline } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { AdapterLuxon } from '@mui/x-date-pickers/AdapterLuxon';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { CALENDAR_RULES, canAny, type Action, type Entity, type Rule } from '../../shared/access';
import { RouteError } from './components/RouteError';
import { NotifyProvider } from './components/useNotify';
import { ArtistPage, ArtistsPage } from './features/artists';
import { AuditPage } from './features/audit';
import { ContractsPage } from './features/contracts';
import { DemosPage } from './features/demos';
import { DemoPlayerPage } from './features/player';
import { TodayPage } from './features/today';
import {
  LockDialog,
  LoginScreen,
  SessionProvider,
  SetupScreen,
  useCurrentUser,
  useSession,
} from './features/session';
import { SettingsPage } from './features/settings';
import { AppShell, useLiveUpdates } from './features/shell';
import { TalentPage, TalentsPage } from './features/talents';
import { AuditionsPage } from './features/auditions';
import { BookingsPage } from './features/bookings';
import { SchedulePage } from './features/schedule';
import { UsersPage } from './features/users';
import type { Language } from './i18n';
import { createAppTheme } from './theme';
import { WorkstationChoice } from './features/workstation';
import { ErrorAlert } from './components/ErrorAlert';

/** A route the role may not use sends it home; main refuses the calls regardless. */
function Allowed({
  entity,
  action,
  anyOf,
  children,
}: {
  entity?: Entity;
  action?: Action;
  /** Instead of entity/action: a screen serving more than one desk. */
  anyOf?: readonly Rule[];
  children: ReactNode;
}) {
  const user = useCurrentUser();
  const rules = anyOf ?? (entity && action ? [{ entity, action }] : []);
  return canAny(user.role, rules) ? children : <Navigate to="/" replace />;
}

// Hash routes work the same from file:// (Electron) and from the web host.
const router = createHashRouter([
  {
    path: '/',
    element: <SignedInApp />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: 'today', element: <TodayPage /> },
      {
        path: 'talents',
        element: (
          <Allowed entity="talents" action="read">
            <TalentsPage />
          </Allowed>
        ),
      },
      {
        path: 'talents/:id',
        element: (
          <Allowed entity="talents" action="read">
            <TalentPage />
          </Allowed>
        ),
      },
      {
        path: 'schedule',
        element: (
          <Allowed anyOf={CALENDAR_RULES}>
            <SchedulePage />
          </Allowed>
        ),
        // An entry at its own link opens over the calendar (#/schedule/entries/<id>).
        children: [{ path: 'entries/:id', element: null }],
      },
      {
        path: 'auditions',
        element: (
          <Allowed entity="auditions" action="read">
            <AuditionsPage />
          </Allowed>
        ),
        // A record at its own link opens over its list, which stays mounted as it was.
        children: [{ path: ':id', element: null }],
      },
      {
        path: 'bookings',
        element: (
          <Allowed entity="bookings" action="read">
            <BookingsPage />
          </Allowed>
        ),
        // A record at its own link opens over its list, which stays mounted as it was.
        children: [{ path: ':id', element: null }],
      },
      {
        path: 'artists',
        element: (
          <Allowed entity="artists" action="read">
            <ArtistsPage />
          </Allowed>
        ),
      },
      {
        path: 'artists/:id',
        element: (
          <Allowed entity="artists" action="read">
            <ArtistPage />
          </Allowed>
        ),
      },
      {
        path: 'demos',
        element: (
          <Allowed entity="demos" action="read">
            <DemosPage />
          </Allowed>
        ),
      },
      {
        path: 'demos/:id',
        element: (
          <Allowed entity="demos" action="read">
            <DemoPlayerPage />
          </Allowed>
        ),
      },
      {
        path: 'contracts',
        element: (
          <Allowed entity="contracts" action="read">
            <ContractsPage />
          </Allowed>
        ),
        // A record at its own link opens over its list, which stays mounted as it was.
        children: [{ path: ':id', element: null }],
      },
      {
        path: 'users',
        element: (
          <Allowed entity="users" action="read">
            <UsersPage />
          </Allowed>
        ),
      },
      {
        path: 'audit',
        element: (
          <Allowed entity="audit" action="read">
            <AuditPage />
          </Allowed>
        ),
      },
      {
        path: 'settings',
        element: (
          <Allowed entity="settings" action="update">
            <SettingsPage />
          </Allowed>
        ),
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

function SignedInApp() {
  useLiveUpdates();
  return <AppShell />;
}

function Gate() {
  const { state, refresh } = useSession();
  const { t } = useTranslation();
  switch (state.status) {
    case 'loading':
      return (
        <Box sx={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
          <CircularProgress aria-label={t('common.loading')} />
        </Box>
      );
    case 'unreachable':
      return (
        <Box sx={{ p: 4 }}>
          <ErrorAlert error={state.error} onRetry={refresh} />
        </Box>
      );
    case 'chooseWorkstation':
      return <WorkstationChoice onChosen={refresh} />;
    case 'needsOwner':
      return <SetupScreen />;
    case 'signedOut':
      return <LoginScreen signUpEnabled={state.signUpEnabled} />;
    case 'signedIn':
    case 'locked':
      // Locked keeps the app (and any half-filled form) mounted under the sign-in dialog.
      return (
        <>
          <RouterProvider router={router} />
          {state.status === 'locked' && <LockDialog />}
        </>
      );
  }
}

export function App() {
  const { i18n } = useTranslation();
  const theme = useMemo(() => createAppTheme(i18n.language as Language), [i18n.language]);
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
      }),
  );
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <LocalizationProvider dateAdapter={AdapterLuxon} adapterLocale={i18n.language.toLowerCase()}>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <NotifyProvider>
              <Gate />
            </NotifyProvider>
          </SessionProvider>
        </QueryClientProvider>
      </LocalizationProvider>
    </ThemeProvider>
  );
}

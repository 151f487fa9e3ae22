import { Alert, Box, Button, CircularProgress, CssBaseline } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { AppShell, useLiveUpdates } from './features/shell';
import { LoginScreen, SessionProvider, SetupScreen, useSession } from './features/session';
import { TalentsPage } from './features/talents';
import type { Language } from './i18n';
import { createAppTheme } from './theme';

// Hash routes work the same from file:// (Electron) and from the web host.
const router = createHashRouter([
  {
    path: '/',
    element: <SignedInApp />,
    children: [
      { index: true, element: <Navigate to="/talents" replace /> },
      { path: 'talents', element: <TalentsPage /> },
      { path: '*', element: <Navigate to="/talents" replace /> },
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
          <Alert severity="error" action={<Button onClick={refresh}>{t('common.retry')}</Button>}>
            {state.message}
          </Alert>
        </Box>
      );
    case 'needsOwner':
      return <SetupScreen />;
    case 'signedOut':
      return <LoginScreen expired={state.expired} />;
    case 'signedIn':
      return <RouterProvider router={router} />;
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
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}

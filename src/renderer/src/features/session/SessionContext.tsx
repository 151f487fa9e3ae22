import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { User } from '../../../../shared/domain/user';
import { bridge, call, whenSignedOut } from '../../api/client';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: unknown }
  | { status: 'needsOwner' }
  /** The desktop app's first run: this computer's own workspace, or a team workspace. */
  | { status: 'chooseWorkstation' }
  | { status: 'signedOut'; signUpEnabled: boolean }
  /** The session ended under an open app: screens stay mounted (and their unsaved input) behind the lock. */
  | { status: 'locked'; user: User }
  | { status: 'signedIn'; user: User };

interface SessionApi {
  readonly state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  refresh(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const queryClient = useQueryClient();

  const refresh = useCallback(() => {
    void (async () => {
      try {
        const { needsOwner, signUpEnabled } = await call('setup.status', {});
        if (needsOwner) {
          // Before the first account on a new computer, the desktop app asks where to work.
          if (bridge.kind === 'electron') {
            const here = await call('workstation.status', {});
            if (!here.chosen) return setState({ status: 'chooseWorkstation' });
          }
          return setState({ status: 'needsOwner' });
        }
        try {
          const { user } = await call('auth.me', {});
          setState({ status: 'signedIn', user });
        } catch {
          setState({ status: 'signedOut', signUpEnabled });
        }
      } catch (error) {
        setState({ status: 'unreachable', error });
      }
    })();
  }, []);

  useEffect(() => {
    whenSignedOut(() =>
      setState((current) =>
        current.status === 'signedIn' ? { status: 'locked', user: current.user } : current,
      ),
    );
    refresh();
  }, [refresh]);

  const api = useMemo<SessionApi>(
    () => ({
      state,
      refresh,
      async signIn(username, password) {
        const { user } = await call('auth.login', { username, password });
        // Someone else unlocking must not see the previous user's cached data.
        if (state.status === 'locked' && state.user.id !== user.id) queryClient.clear();
        else void queryClient.invalidateQueries();
        setState({ status: 'signedIn', user });
      },
      async signOut() {
        await call('auth.logout', {}).catch(() => undefined);
        queryClient.clear();
        refresh();
      },
    }),
    [state, refresh, queryClient],
  );

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession needs a SessionProvider');
  return api;
}

/** The signed-in (or locked-out) user; only for screens that render behind sign-in. */
export function useCurrentUser(): User {
  const { state } = useSession();
  if (state.status !== 'signedIn' && state.status !== 'locked') {
    throw new Error('useCurrentUser outside a signed-in screen');
  }
  return state.user;
}

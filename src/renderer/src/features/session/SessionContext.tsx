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
import { call, whenSignedOut } from '../../api/client';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; message: string }
  | { status: 'needsOwner' }
  | { status: 'signedOut'; expired: boolean }
  | { status: 'signedIn'; user: User };

interface SessionApi {
  readonly state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  ownerCreated(): void;
  refresh(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(() => {
    void (async () => {
      try {
        const { needsOwner } = await call('setup.status', {});
        if (needsOwner) return setState({ status: 'needsOwner' });
        try {
          const { user } = await call('auth.me', {});
          setState({ status: 'signedIn', user });
        } catch {
          setState({ status: 'signedOut', expired: false });
        }
      } catch (error) {
        setState({
          status: 'unreachable',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    })();
  }, []);

  useEffect(() => {
    whenSignedOut(() =>
      setState((current) =>
        current.status === 'signedIn' ? { status: 'signedOut', expired: true } : current,
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
        setState({ status: 'signedIn', user });
      },
      async signOut() {
        await call('auth.logout', {}).catch(() => undefined);
        setState({ status: 'signedOut', expired: false });
      },
      ownerCreated() {
        setState({ status: 'signedOut', expired: false });
      },
    }),
    [state, refresh],
  );

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession needs a SessionProvider');
  return api;
}

/** The signed-in user; only for screens that render behind sign-in. */
export function useCurrentUser(): User {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useCurrentUser outside a signed-in screen');
  return state.user;
}

export { LockDialog } from './LockDialog';
export { LoginScreen } from './LoginScreen';
export { SessionProvider, useCurrentUser, useSession } from './SessionContext';
export { SetupScreen } from './SetupScreen';
export { useServerErrors } from './useServerErrors';
export { usePasswordMessage } from './usePasswordMessage';

export { LockDialog } from './LockDialog';
export { LoginScreen } from './LoginScreen';
export { SessionProvider, useCurrentUser, useSession } from './SessionContext';
export { SetupScreen } from './SetupScreen';
export { useServerErrors } from './useServerErrors';
export { useWordedResolver } from './useWordedResolver';
export { usePasswordMessage } from './usePasswordMessage';

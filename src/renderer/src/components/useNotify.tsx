import { Alert, Button, Snackbar } from '@mui/material';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Severity = 'success' | 'error' | 'info';

/** A button beside the message, e.g. Undo; it closes the notice when pressed. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

type Notify = (message: string, severity?: Severity, action?: NoticeAction) => void;

interface Notice {
  message: string;
  severity: Severity;
  action?: NoticeAction;
  key: number;
}

const NotifyContext = createContext<Notify>(() => undefined);

/** How long a notice stays: errors longer to be read, undo long enough to be reached. */
function durationOf(notice: Notice | null): number {
  if (notice?.severity === 'error') return 8000;
  return notice?.action ? 7000 : 4000;
}

/** One place that shows short confirmations, failures and undo offers at the bottom of the window. */
export function NotifyProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback<Notify>(
    (message, severity = 'success', action) =>
      setNotice({ message, severity, action, key: Date.now() }),
    [],
  );
  const close = () => setNotice(null);
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Snackbar
        key={notice?.key}
        open={notice !== null}
        autoHideDuration={durationOf(notice)}
        onClose={(_event, reason) => {
          // A click elsewhere must not take the undo away before it can be reached.
          if (reason === 'clickaway' && notice?.action) return;
          close();
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          severity={notice?.severity ?? 'success'}
          variant="filled"
          onClose={close}
          action={
            notice?.action ? (
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  close();
                  notice.action?.run();
                }}
              >
                {notice.action.label}
              </Button>
            ) : undefined
          }
        >
          {notice?.message}
        </Alert>
      </Snackbar>
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NotifyContext);
}
